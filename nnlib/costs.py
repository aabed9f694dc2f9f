"""Cost functions C(A, Y) and their derivatives dC/dA.

Convention (used everywhere in the book, see eq. ``mse`` and ``sse`` in the
optimizers chapter).  ``A`` holds the output activations a^(L) of n samples,
one sample per row, and ``Y`` the targets, both of shape (n, m):

* ``mse``, mean squared error: C = (1/n) sum_x sum_j (a_j - y_j)^2.
  The squared differences are *summed* over the m outputs of one sample and
  *averaged* over the n samples.  There is no 1/2.  With one output (m = 1)
  this is the familiar (1/n) sum_i (y_i - yhat_i)^2.
* ``sse``, sum of squared differences: C = sum_x sum_j (a_j - y_j)^2, summed
  over samples too.  It equals n times ``mse``, so its gradient is n times
  larger: the two are different functions, with the same minimiser.

Relation to scikit-learn: ``MLPRegressor`` follows the gradient of
(1/2) mse, so one of its SGD steps with learning rate 2 eta equals one of ours
with eta (the tests check this).
"""
from collections import namedtuple

import numpy as np

from .checks import check_choice

Cost = namedtuple("Cost", ["name", "C", "dC_dA"])
Cost.__doc__ = "A cost: its name, its value C(A, Y) and its derivative dC/dA(A, Y)."


def mse(A, Y):
    """Mean over samples of the summed squared error, (1/n) sum ||a - y||^2."""
    D = A - Y
    return float(np.sum(D * D) / A.shape[0])


def mse_prime(A, Y):
    """dC/dA for ``mse``: 2 (A - Y) / n, shape (n, m)."""
    return (2.0 / A.shape[0]) * (A - Y)


def sse(A, Y):
    """Sum of squared differences over samples and outputs, sum ||a - y||^2."""
    D = A - Y
    return float(np.sum(D * D))


def sse_prime(A, Y):
    """dC/dA for ``sse``: 2 (A - Y), shape (n, m)."""
    return 2.0 * (A - Y)


COSTS = {
    "mse": Cost("mse", mse, mse_prime),
    "sse": Cost("sse", sse, sse_prime),
}


def get_cost(name):
    """Return the :class:`Cost` called ``name`` (``"mse"`` or ``"sse"``)."""
    if isinstance(name, Cost):
        return name
    return COSTS[check_choice("cost", name, list(COSTS))]
