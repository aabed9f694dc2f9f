"""Mini-batch stochastic gradient descent.

One epoch shuffles the training rows, cuts them into mini-batches, and for
each batch moves every weight and bias a step against the batch's gradient
(eq. ``update-rule`` in the backpropagation chapter)::

    W <- W - eta * dC/dW,    b <- b - eta * dC/db

The weights are initialised once, when the :class:`~nnlib.Network` is built,
never per mini-batch.

Two options change the step, both off by default:

* ``l2`` (weight decay, lambda): the cost gains (lambda/2) sum_l ||W^(l)||^2,
  a penalty on the weights but not the biases, so each weight's gradient
  gains lambda w and a step becomes W <- (1 - eta lambda) W - eta dC/dW.  C is
  the mini-batch's mean cost, so lambda means the same at every batch size.
  (This is ``weight_decay`` of ``torch.optim.SGD`` applied to the weights.)
* ``momentum`` (mu in [0, 1)): a velocity v, zero at the start of the call,
  remembers past gradients, v <- mu v + dC/dtheta, and the step is
  theta <- theta - eta v (the form ``torch.optim.SGD(momentum=mu)`` uses).
"""
import math
import warnings
from contextlib import nullcontext
from functools import lru_cache
from dataclasses import dataclass, field

import numpy as np

from .checks import (check_callable, check_choice, check_flag, check_fraction, check_network,
                     check_pair, check_positive, check_seed, check_together)
from .network import labels_from
from .params import flat, n_params, views


class DivergenceWarning(RuntimeWarning):
    """Training stopped because the cost or gradient became non-finite."""


RECORDS = ("exact", "running")


@dataclass
class History:
    """What :func:`sgd` measured after each epoch.

    Attributes
    ----------
    cost, accuracy : list of float
        Cost and accuracy on the training set, one entry per epoch.  What
        they measure depends on ``record``.
    val_cost, val_accuracy : list of float
        The cost and accuracy on ``X_val, Y_val`` with the weights at the
        end of each epoch (empty when none was given), whatever ``record``
        says.
    record : {"exact", "running"}
        How ``cost`` and ``accuracy`` were measured (the ``record`` argument
        of :func:`sgd`):

        * ``"exact"``: after each epoch, a forward pass over the whole
          training set with the weights the epoch ended on.  ``cost[-1]`` is
          then ``net.cost(X, Y)`` and ``accuracy[-1]`` is
          ``net.accuracy(X, Y)`` (the l2 penalty left out).  It costs one
          extra forward pass over X per epoch.
        * ``"running"``: the mean over the epoch's rows of the cost each row
          had when its mini-batch's gradient was computed (before that
          batch's step), and the fraction of rows classified correctly at
          that moment.  It is free, since backprop computes those outputs
          anyway, and it is what scikit-learn's ``loss_curve_`` and Keras
          report; but the weights change during the epoch, so it trails the
          exact value by about half an epoch of training.
    diverged : dict or None
        ``{"epoch": e, "step": s}`` (both counted from 1) if training stopped
        because the gradient or the cost became non-finite, else ``None``.
    """
    cost: list = field(default_factory=list)
    accuracy: list = field(default_factory=list)
    val_cost: list = field(default_factory=list)
    val_accuracy: list = field(default_factory=list)
    diverged: dict = None
    record: str = "exact"


def sgd(net, X, Y, epochs, batch_size, eta, cost="mse", seed=0,
        X_val=None, Y_val=None, callback=None, progress=False, *, l2=0.0, momentum=0.0,
        record="exact", shuffle=True):
    """Train ``net`` in place by mini-batch stochastic gradient descent.

    Parameters
    ----------
    net : Network
    X : ndarray of shape (n, sizes[0]);  Y : ndarray of shape (n, sizes[-1])
    epochs : int >= 0
        Passes over the training data.
    batch_size : int >= 1
        Rows per mini-batch.  A batch larger than the data means the whole
        data set (plain gradient descent); the last batch of an epoch may be
        smaller.
    eta : float > 0
        Learning rate.
    cost : {"mse", "sse", "cross_entropy"}
        See :mod:`nnlib.costs`; ``"cross_entropy"`` needs sigmoid or softmax
        outputs and targets in [0, 1].
    seed : int
        Seed of the generator that shuffles the rows each epoch.
    X_val, Y_val : optional validation data, recorded in the history.
    callback : optional function ``callback(epoch, net, history)`` called
        after each epoch (epoch counted from 1).
    progress : bool
        Show a tqdm progress bar (a widget in Jupyter).
    l2 : float >= 0, keyword only
        Weight decay lambda: the cost gains (lambda/2) sum ||W||^2 (weights
        only, not biases); see the module docstring.  The history records
        the cost without this penalty.
    momentum : float in [0, 1), keyword only
        Momentum mu of the velocity v <- mu v + grad, step theta -= eta v.
    record : {"exact", "running"}, keyword only
        What ``history.cost`` and ``history.accuracy`` measure (see
        :class:`History`): ``"exact"`` (the default) evaluates the whole
        training set after each epoch; ``"running"`` averages the costs of
        the epoch's mini-batches, which backprop computes anyway (faster:
        no extra pass over X).
    shuffle : bool or function, keyword only
        Shuffle the rows at the start of every epoch (the default).  With
        False the mini-batches are the rows in the order given.  A function
        ``shuffle()`` is called at the start of every epoch and returns that
        epoch's order, a permutation of ``range(n)``: for a caller that
        draws its own orders (the Playground does, so that its page can
        reproduce them; see :mod:`nnlib.trainer`).

    Returns
    -------
    History
        If the gradient or cost turns non-finite (eta too large), training
        stops, the network keeps its last finite weights, ``history.diverged``
        records where, and a :class:`DivergenceWarning` says so.
    """
    X, Y = check_pair(check_network(net).sizes, X, Y)
    check_positive("epochs", epochs, integer=True, allow_zero=True)
    check_positive("batch_size", batch_size, integer=True)
    check_positive("eta", eta)
    check_positive("l2", l2, allow_zero=True)
    check_fraction("momentum", momentum)
    cost = net._checked_cost(cost, Y)
    check_choice("record", record, RECORDS)
    check_together(X_val=X_val, Y_val=Y_val)
    val = None if X_val is None else check_pair(net.sizes, X_val, Y_val, ("X_val", "Y_val"))
    if val is not None:
        net._checked_cost(cost, val[1])
    if callback is not None:
        check_callable("callback", callback, "callback(epoch, net, history)")
    check_flag("progress", progress)
    check_flag("shuffle", shuffle, function="shuffle() -> an epoch's order")
    run = Run(X, Y, epochs, batch_size, eta, cost, float(l2), float(momentum),
              val, np.random.default_rng(check_seed(seed)), callback, progress, shuffle)
    history = History(record=record)
    with _blas_threads(net, batch_size):
        _train(net, run, history)
    return history


@dataclass
class Run:
    """One training run's settings, as :func:`sgd` checked them."""
    X: np.ndarray
    Y: np.ndarray
    epochs: int
    batch_size: int
    eta: float
    cost: object
    l2: float
    momentum: float
    val: tuple
    rng: np.random.Generator
    callback: object
    progress: bool
    shuffle: object = True             # True, False or a function returning an epoch's order

    @property
    def n_steps(self):
        """Mini-batches per epoch."""
        return -(-self.X.shape[0] // self.batch_size)


def _train(net, run, history):
    """The epoch loop of :func:`sgd` (inputs already checked)."""
    velocity = np.zeros(n_params(net.sizes)) if run.momentum else None
    # "running" history: each row's output a^(L) as its mini-batch saw it
    seen = np.empty_like(run.Y) if history.record == "running" else None
    for epoch in _epochs(run.epochs, run.progress):
        n = run.X.shape[0]
        order = _order(run, n)
        X, Y = run.X[order], run.Y[order]   # contiguous copies: batches are views
        step = _epoch(net, X, Y, run, velocity, seen)
        if step is None and not _record(net, history, run, Y, seen):
            step = run.n_steps                            # cost non-finite after the last step
        if step is not None:
            history.diverged = {"epoch": epoch, "step": step}
            warnings.warn(f"sgd diverged at epoch {epoch}, step {step}: the cost "
                          f"became non-finite; try a smaller eta (got {run.eta})",
                          DivergenceWarning, stacklevel=3)
            break
        if run.callback is not None:
            run.callback(epoch, net, history)


def _order(run, n):
    """The rows' order for the next epoch, as ``run.shuffle`` asks."""
    if run.shuffle is True:
        return run.rng.permutation(n)
    if run.shuffle is False:
        return np.arange(n)
    order = np.asarray(run.shuffle())
    if order.shape != (n,) or order.dtype.kind not in "iu":
        raise ValueError(f"shuffle() must return a permutation of range({n}) as integers, "
                         f"got an array of shape {order.shape} and dtype {order.dtype}")
    return order


def _blas_threads(net, batch_size):
    """Use one BLAS thread when the matrices are small.

    For a mini-batch of 10 through a [64, 30, 10] network each matrix product
    takes microseconds, and waking a second BLAS thread costs more than it
    saves (on a busy 2-core machine it doubled the time of an epoch).  Large
    layers keep every thread.
    """
    work = batch_size * max(a * b for a, b in zip(net.sizes[:-1], net.sizes[1:]))
    if work >= 2_000_000:
        return nullcontext()
    return _blas_controller().limit(limits=1, user_api="blas")


@lru_cache(maxsize=1)
def _blas_controller():
    """threadpoolctl's view of the loaded BLAS, found once (finding it takes ms)."""
    from threadpoolctl import ThreadpoolController
    return ThreadpoolController()


def _epochs(epochs, progress):
    """Epoch numbers 1..epochs, wrapped in a tqdm bar if asked."""
    numbers = range(1, epochs + 1)
    if not progress:
        return numbers
    from tqdm.auto import tqdm
    return tqdm(numbers, desc="epochs", unit="epoch")


def _epoch(net, X, Y, run, velocity=None, seen=None):
    """One pass over the shuffled rows X, Y in mini-batches.  Returns the failing step or None.

    If ``seen`` is given, each batch's outputs a^(L) are copied into its rows.
    """
    theta = flat(net)                  # every W and b, as one vector of views
    grad = np.empty_like(theta)        # the gradient vector, laid out the same way
    grad_W, grad_b = views(net.sizes, grad)
    m, eta = run.batch_size, run.eta
    with np.errstate(over="ignore", invalid="ignore"):
        for step, start in enumerate(range(0, X.shape[0], m), 1):
            rows = slice(start, start + m)
            net._backprop(X[rows], Y[rows], run.cost, grad_W, grad_b, run.l2,
                          outputs=None if seen is None else seen[rows])
            if not math.isfinite(grad.sum()):     # inf or nan anywhere
                return step
            if velocity is None:
                theta -= eta * grad    # every w <- w - eta dC/dw, b <- b - eta dC/db  (eq. update-rule)
            else:
                velocity *= run.momentum           # v <- mu v + dC/dtheta
                velocity += grad
                theta -= eta * velocity            # theta <- theta - eta v
    return None


def _record(net, history, run, Y, seen=None):
    """Append this epoch's costs and accuracies; False if the cost is non-finite.

    ``Y`` holds the targets in the epoch's shuffled order, row for row with ``seen``.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        if seen is None:               # exact: a forward pass with the epoch's final weights
            cost_now, acc_now = _evaluate(net, run.X, run.Y, run.cost)
        else:                          # running: the outputs the batches had during the epoch
            cost_now, acc_now = _score(seen, Y, run.cost)
        if not np.isfinite(cost_now):
            return False
        history.cost.append(cost_now)
        history.accuracy.append(acc_now)
        if run.val is not None:
            cost_val, acc_val = _evaluate(net, *run.val, run.cost)
            history.val_cost.append(cost_val)
            history.val_accuracy.append(acc_val)
    return True


def _evaluate(net, X, Y, cost):
    """Cost and accuracy of ``net`` on already-checked data."""
    zs, activations = net._forward_all(X)
    A = activations[-1]
    return cost.value(zs[-1], A, Y), _accuracy(A, Y)


def _score(A, Y, cost):
    """Cost and accuracy of outputs A against targets Y (from the outputs alone)."""
    return cost.C(A, Y), _accuracy(A, Y)


def _accuracy(A, Y):
    """Fraction of rows whose predicted class matches the target's."""
    return float(np.mean(labels_from(A) == labels_from(Y)))
