"""A training run that advances one epoch at a time, in a batch order anyone can redo.

:func:`nnlib.sgd` shuffles with numpy's generator (PCG64), which a web page
cannot reproduce cheaply.  The Playground trains in the kernel and in the
built book's page alike, and the page must land on the same weights as
nnlib; so the Playground draws its batch order from a generator small
enough to write in both languages:

* a 32-bit linear congruential generator, s <- (1664525 s + 1013904223) mod 2^32
  (the constants of *Numerical Recipes*), whose products stay below 2^53 and
  are therefore exact in JavaScript's doubles too;
* a Fisher-Yates shuffle on top of it (:func:`shuffled`).

A :class:`Trainer` trains with ``nnlib.sgd(..., shuffle=trainer.order)``: sgd
asks for each epoch's order, so every step is sgd's own step (with its L2
term and its divergence guard), only the order is ours.
``nnlib/explorers/static/playground.js`` holds the same generator, line for
line, and ``tests/test_explorers_playground.py`` checks that both give the
same orders and the same weights.
"""
import warnings
from dataclasses import dataclass, field

import numpy as np

from .checks import check_pair, check_positive
from .network import Network
from .optim import DivergenceWarning, sgd

LCG_A, LCG_C, LCG_M = 1664525, 1013904223, 2 ** 32


def lcg(state):
    """The generator's next state, (1664525 state + 1013904223) mod 2^32."""
    return (LCG_A * state + LCG_C) % LCG_M


def shuffled(n, state):
    """A random order of range(n) and the generator's new state.

    Fisher-Yates: for i = n-1 down to 1, draw the next state s and swap
    entries i and j = floor(s (i + 1) / 2^32), a position in 0..i.

    Returns
    -------
    order : ndarray of n ints, a permutation of 0..n-1
    state : int, the state after the n - 1 draws
    """
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        state = lcg(state)
        j = (state * (i + 1)) >> 32
        order[i], order[j] = order[j], order[i]
    return np.array(order, dtype=np.intp), state


@dataclass
class Trainer:
    """A network, its data and its settings, trained epoch by epoch.

    Parameters
    ----------
    net : Network, trained in place
    X, Y : training inputs (n, sizes[0]) and targets (n, sizes[-1])
    X_test, Y_test : test data, measured after every epoch, never trained on
    eta : float > 0;  batch_size : int >= 1 (capped at n);  l2 : float >= 0
        as in :func:`nnlib.sgd`
    state : int in [0, 2^32), the shuffle generator's state

    Attributes
    ----------
    epoch : int, epochs trained so far
    train_loss, test_loss, train_accuracy, test_accuracy : lists of float
        Entry e is measured after e epochs (entry 0 before any training).  The
        loss is the cost without the L2 penalty, as in sgd's history.
    diverged : dict or None
        ``{"epoch": e, "step": s}`` once the numbers blew up: sgd's guard (a
        non-finite gradient or training cost) or a non-finite test cost.
        Training then stops, and the network keeps its last finite weights.
    """
    net: Network
    X: np.ndarray
    Y: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    eta: float
    batch_size: int
    l2: float = 0.0
    state: int = 0
    epoch: int = 0
    train_loss: list = field(default_factory=list)
    test_loss: list = field(default_factory=list)
    train_accuracy: list = field(default_factory=list)
    test_accuracy: list = field(default_factory=list)
    diverged: dict = None

    def __post_init__(self):
        self.X, self.Y = check_pair(self.net.sizes, self.X, self.Y)
        self.X_test, self.Y_test = check_pair(self.net.sizes, self.X_test, self.Y_test)
        check_positive("eta", self.eta)
        check_positive("batch_size", self.batch_size, integer=True)
        check_positive("l2", self.l2, allow_zero=True)
        check_positive("state", self.state, integer=True, allow_zero=True)
        if self.state >= LCG_M:
            raise ValueError(f"state must be below 2**32, got {self.state}")
        if not self.train_loss:                         # epoch 0: before any training
            with np.errstate(over="ignore", invalid="ignore"):
                self._measure(self.net.cost(self.X, self.Y), self.net.cost(self.X_test, self.Y_test),
                              self.net.accuracy(self.X, self.Y),
                              self.net.accuracy(self.X_test, self.Y_test))
            if not np.isfinite(self.train_loss[0] + self.test_loss[0]):
                self.diverged = {"epoch": 0, "step": 0}

    def _measure(self, train_loss, test_loss, train_accuracy, test_accuracy):
        self.train_loss.append(train_loss)
        self.test_loss.append(test_loss)
        self.train_accuracy.append(train_accuracy)
        self.test_accuracy.append(test_accuracy)

    def order(self):
        """The rows' order for the next epoch (advances the generator)."""
        order, self.state = shuffled(len(self.X), self.state)
        return order

    def train(self, epochs=1):
        """Train ``epochs`` more epochs (fewer if training diverges). Returns self.

        One :func:`nnlib.sgd` call trains them all, drawing each epoch's order
        from :meth:`order`; a non-finite test cost stops it after that epoch.
        """
        check_positive("epochs", epochs, integer=True, allow_zero=True)
        if self.diverged or epochs == 0:
            return self
        m = min(self.batch_size, len(self.X))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DivergenceWarning)      # recorded in self.diverged
            try:
                history = sgd(self.net, self.X, self.Y, epochs, m, self.eta,
                              X_val=self.X_test, Y_val=self.Y_test, l2=self.l2,
                              shuffle=self.order, callback=_stop_if_test_cost_blew_up)
                done = len(history.cost)
            except _TestCostBlewUp as stop:
                history, done = stop.history, len(stop.history.cost) - 1
                self.diverged = {"epoch": self.epoch + done + 1, "step": -(-len(self.X) // m)}
        if history.diverged:
            self.diverged = {"epoch": self.epoch + history.diverged["epoch"],
                             "step": history.diverged["step"]}
        for e in range(done):
            self._measure(history.cost[e], history.val_cost[e],
                          history.accuracy[e], history.val_accuracy[e])
        self.epoch += done
        return self


class _TestCostBlewUp(Exception):
    """Raised by the callback below to stop sgd after an epoch whose test cost is not finite."""

    def __init__(self, history):
        super().__init__("the test cost is not finite")
        self.history = history


def _stop_if_test_cost_blew_up(epoch, net, history):
    if not np.isfinite(history.val_cost[-1]):
        raise _TestCostBlewUp(history)
