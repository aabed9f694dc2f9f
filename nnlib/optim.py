"""Mini-batch stochastic gradient descent.

One epoch shuffles the training rows, cuts them into mini-batches, and for
each batch moves every weight and bias a step against the batch's gradient
(eq. ``update-rule`` in the backpropagation chapter)::

    W <- W - eta * dC/dW,    b <- b - eta * dC/db

The weights are initialised once, when the :class:`~nnlib.Network` is built,
never per mini-batch.
"""
import warnings
from contextlib import nullcontext
from functools import lru_cache
from dataclasses import dataclass, field

import numpy as np

from .checks import (check_callable, check_flag, check_network, check_pair, check_positive,
                     check_seed, check_together)
from .costs import get_cost
from .network import labels_from
from .params import flat, views


class DivergenceWarning(RuntimeWarning):
    """Training stopped because the cost or gradient became non-finite."""


@dataclass
class History:
    """What :func:`sgd` measured after each epoch.

    Attributes
    ----------
    cost, accuracy : list of float
        Cost and accuracy on the whole training set after each epoch.
    val_cost, val_accuracy : list of float
        The same on ``X_val, Y_val`` (empty when none was given).
    diverged : dict or None
        ``{"epoch": e, "step": s}`` (both counted from 1) if training stopped
        because the gradient or the cost became non-finite, else ``None``.
    """
    cost: list = field(default_factory=list)
    accuracy: list = field(default_factory=list)
    val_cost: list = field(default_factory=list)
    val_accuracy: list = field(default_factory=list)
    diverged: dict = None


def sgd(net, X, Y, epochs, batch_size, eta, cost="mse", seed=0,
        X_val=None, Y_val=None, callback=None, progress=False):
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
    cost : {"mse", "sse"}
    seed : int
        Seed of the generator that shuffles the rows each epoch.
    X_val, Y_val : optional validation data, recorded in the history.
    callback : optional function ``callback(epoch, net, history)`` called
        after each epoch (epoch counted from 1).
    progress : bool
        Show a tqdm progress bar (a widget in Jupyter).

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
    cost = get_cost(cost)
    check_together(X_val=X_val, Y_val=Y_val)
    val = None if X_val is None else check_pair(net.sizes, X_val, Y_val, ("X_val", "Y_val"))
    if callback is not None:
        check_callable("callback", callback, "callback(epoch, net, history)")
    check_flag("progress", progress)
    rng = np.random.default_rng(check_seed(seed))
    history = History()
    n_steps = -(-X.shape[0] // batch_size)          # batches per epoch
    with _blas_threads(net, batch_size):
        _train(net, X, Y, epochs, batch_size, eta, cost, val, rng, history,
               callback, progress, n_steps)
    return history


def _train(net, X, Y, epochs, batch_size, eta, cost, val, rng, history,
           callback, progress, n_steps):
    """The epoch loop of :func:`sgd` (inputs already checked)."""
    for epoch in _epochs(epochs, progress):
        step = _epoch(net, X, Y, batch_size, eta, cost, rng)
        if step is None and not _record(net, history, X, Y, val, cost):
            step = n_steps                                # cost non-finite after the last step
        if step is not None:
            history.diverged = {"epoch": epoch, "step": step}
            warnings.warn(f"sgd diverged at epoch {epoch}, step {step}: the cost "
                          f"became non-finite; try a smaller eta (got {eta})",
                          DivergenceWarning, stacklevel=2)
            break
        if callback is not None:
            callback(epoch, net, history)


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


def _epoch(net, X, Y, batch_size, eta, cost, rng):
    """One pass over shuffled mini-batches.  Returns the failing step or None."""
    order = rng.permutation(X.shape[0])
    X, Y = X[order], Y[order]          # contiguous copies: batches are views
    theta = flat(net)                  # every W and b, as one vector of views
    grad = np.empty_like(theta)        # the gradient vector, laid out the same way
    grad_W, grad_b = views(net.sizes, grad)
    with np.errstate(over="ignore", invalid="ignore"):
        for step, start in enumerate(range(0, X.shape[0], batch_size), 1):
            net._backprop(X[start:start + batch_size], Y[start:start + batch_size],
                          cost, grad_W, grad_b)
            if not np.isfinite(grad.sum()):       # inf or nan anywhere
                return step
            theta -= eta * grad        # every w <- w - eta dC/dw, b <- b - eta dC/db  (eq. update-rule)
    return None


def _record(net, history, X, Y, val, cost):
    """Append this epoch's costs and accuracies; False if the cost is non-finite."""
    with np.errstate(over="ignore", invalid="ignore"):
        cost_now, acc_now = _evaluate(net, X, Y, cost)
        if not np.isfinite(cost_now):
            return False
        history.cost.append(cost_now)
        history.accuracy.append(acc_now)
        if val is not None:
            cost_val, acc_val = _evaluate(net, *val, cost)
            history.val_cost.append(cost_val)
            history.val_accuracy.append(acc_val)
    return True


def _evaluate(net, X, Y, cost):
    """Cost and accuracy of ``net`` on already-checked data."""
    A = net._forward_all(X)[1][-1]
    return cost.C(A, Y), float(np.mean(labels_from(A) == labels_from(Y)))
