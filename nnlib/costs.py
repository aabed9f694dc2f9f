"""Cost functions C, their derivatives dC/dA, and the output error delta^(L).

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
* ``cross_entropy``, for an output layer of sigmoids or a softmax, again
  *summed* over the m outputs of one sample and *averaged* over the n samples:

  - sigmoid outputs (binary cross-entropy of each output, targets in [0, 1]):
    C = -(1/n) sum_x sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)];
  - softmax outputs (categorical cross-entropy, each row of Y a probability
    distribution over the m classes, e.g. one-hot):
    C = -(1/n) sum_x sum_j y_j ln a_j.

  Both give the output error delta^(L) = dC/dz^(L) = (a - y)/n for the batch,
  a - y for one sample (eq. ``st-bce-delta`` in the chapter "Putting it into
  steps"): the factor g'(z) of eq. ``bp-delta-L`` cancels.

Each :class:`Cost` supplies that output error itself, ``delta(Z, A, Y, g)``
given the output layer's z, a, the targets and its activation g, as the costs
of Nielsen's ``network2.py`` do; backprop asks it for delta^(L).  The network
evaluates a cost by ``value(Z, A, Y)``, which may use z: the cross-entropies
are computed from z, stably (log-sum-exp and log1p), so they stay exact and
finite when a sigmoid saturates to exactly 0 or 1, even at |z| = 1e4.
``C(A, Y)`` and ``dC_dA(A, Y)`` are the same costs as functions of the
outputs alone (for the cross-entropies the outputs are clipped to
[1e-15, 1 - 1e-15] there, so saturated outputs give large finite numbers).

Relation to other libraries.  scikit-learn's ``MLPRegressor`` follows the
gradient of (1/2) mse, so one of its SGD steps with learning rate 2 eta equals
one of ours with eta (the tests check this).  Its ``MLPClassifier`` minimises
exactly our ``cross_entropy`` (sigmoid outputs for one-hot targets, a softmax
for integer labels), so there the same eta gives the same step.  In PyTorch,
``F.cross_entropy(z, labels)`` is our softmax cross-entropy, and
``F.binary_cross_entropy_with_logits(z, Y, reduction="sum") / n`` our
sigmoid one (its default ``"mean"`` also divides by the m outputs).
"""
from collections import namedtuple

import numpy as np

from .activations import backward, get_activation, softplus
from .checks import check_choice

Cost = namedtuple("Cost", ["name", "C", "dC_dA", "value", "delta"])
Cost.__doc__ = """A cost and what backprop needs of it.

``C(A, Y)`` its value and ``dC_dA(A, Y)`` its derivative, from the outputs;
``value(Z, A, Y)`` its value as the network computes it (from z where that is
more accurate); ``delta(Z, A, Y, g)`` the output error dC/dZ^(L), shape (n, m),
for an output layer with activation g (eq. ``bp-delta-L``)."""

CLIP = 1e-15   # how close to 0 or 1 C(A, Y) lets a cross-entropy output come


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


def _from_outputs(C, dC_dA):
    """The ``value`` and ``delta`` of a cost that depends on the outputs only."""
    def value(Z, A, Y):
        return C(A, Y)

    def delta(Z, A, Y, g):
        # dC/da * g'(z) (eq. bp-delta-L), into dC_dA's fresh array
        return backward(g, Z, A, dC_dA(A, Y), overwrite_dA=True)
    return value, delta


# ---- cross-entropy ---------------------------------------------------------
def binary_cross_entropy(A, Y):
    """-(1/n) sum_x sum_j [y ln a + (1 - y) ln(1 - a)], a clipped to [1e-15, 1 - 1e-15]."""
    A = np.clip(A, CLIP, 1 - CLIP)
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log1p(-A)) / A.shape[0])


def binary_cross_entropy_prime(A, Y):
    """dC/dA for ``binary_cross_entropy``: (a - y) / (a (1 - a)) / n."""
    A = np.clip(A, CLIP, 1 - CLIP)
    return (A - Y) / (A * (1 - A)) / A.shape[0]


def binary_cross_entropy_from_z(Z, A, Y):
    """The same cost from z, with a = sigma(z): (1/n) sum [softplus(z) - y z].

    -ln sigma(z) = softplus(-z) and -ln(1 - sigma(z)) = softplus(z), and
    softplus(-z) = softplus(z) - z; softplus is computed without overflow.
    """
    return float(np.sum(softplus(Z) - Y * Z) / Z.shape[0])


def categorical_cross_entropy(A, Y):
    """-(1/n) sum_x sum_j y_j ln a_j, a clipped to at least 1e-15."""
    return float(-np.sum(Y * np.log(np.clip(A, CLIP, None))) / A.shape[0])


def categorical_cross_entropy_prime(A, Y):
    """dC/dA for ``categorical_cross_entropy``: -y / a / n."""
    return -Y / np.clip(A, CLIP, None) / A.shape[0]


def categorical_cross_entropy_from_z(Z, A, Y):
    """The same cost from z, with a = softmax(z): (1/n) sum_x sum_j y_j (lse(z) - z_j).

    ln a_j = z_j - lse(z), where the log-sum-exp lse(z) = ln sum_k e^(z_k) is
    computed as max(z) + ln sum_k e^(z_k - max(z)), which cannot overflow.
    """
    top = Z.max(axis=1, keepdims=True)
    lse = top + np.log(np.sum(np.exp(Z - top), axis=1, keepdims=True))
    return float(np.sum(Y * (lse - Z)) / Z.shape[0])


def cross_entropy_delta(Z, A, Y, g):
    """delta^(L) = (A - Y) / n for sigmoid or softmax outputs (eq. ``st-bce-delta``)."""
    return (A - Y) / A.shape[0]


COSTS = {
    "mse": Cost("mse", mse, mse_prime, *_from_outputs(mse, mse_prime)),
    "sse": Cost("sse", sse, sse_prime, *_from_outputs(sse, sse_prime)),
}

# The cross-entropy that goes with each output activation (get_cost picks one).
CROSS_ENTROPY = {
    "sigmoid": Cost("cross_entropy", binary_cross_entropy, binary_cross_entropy_prime,
                    binary_cross_entropy_from_z, cross_entropy_delta),
    "softmax": Cost("cross_entropy", categorical_cross_entropy, categorical_cross_entropy_prime,
                    categorical_cross_entropy_from_z, cross_entropy_delta),
}
COSTS["cross_entropy"] = CROSS_ENTROPY["sigmoid"]   # for sigmoid outputs, the default


def get_cost(name, output="sigmoid"):
    """Return the :class:`Cost` called ``name`` for an output layer with activation ``output``.

    ``"cross_entropy"`` means the binary cross-entropy for ``"sigmoid"``
    outputs and the categorical one for ``"softmax"`` outputs; other output
    activations raise a ``ValueError``.  ``output`` may be a name or an
    :class:`~nnlib.activations.Activation`.
    """
    if isinstance(name, Cost):
        return name
    if check_choice("cost", name, list(COSTS)) != "cross_entropy":
        return COSTS[name]
    act = get_activation(output, output=True).name
    if act not in CROSS_ENTROPY:
        raise ValueError(f"cost 'cross_entropy' needs output_activation 'sigmoid' or 'softmax' "
                         f"(so that its outputs are probabilities), got output_activation={act!r}")
    return CROSS_ENTROPY[act]


def check_targets(cost, Y):
    """Return ``Y`` if it suits ``cost``: cross-entropy targets are probabilities.

    For ``cross_entropy`` every target must lie in [0, 1], and with a softmax
    output every row must sum to 1 (one-hot rows, for example), the
    condition under which its delta^(L) is a - y.  Other costs take any Y.
    """
    if cost.name != "cross_entropy":
        return Y
    if Y.min() < 0 or Y.max() > 1:
        bad = np.argwhere((Y < 0) | (Y > 1))[0]
        raise ValueError(f"Y must hold probabilities in [0, 1] for cost 'cross_entropy', got "
                         f"{Y[tuple(bad)]} at row {bad[0]}, column {bad[1]}")
    if cost is CROSS_ENTROPY["softmax"]:
        sums = Y.sum(axis=1)
        worst = int(np.argmax(np.abs(sums - 1)))
        if abs(sums[worst] - 1) > 1e-6:
            raise ValueError(f"each row of Y must sum to 1 for cost 'cross_entropy' with a softmax "
                             f"output (one-hot rows, for example), got row {worst} summing to "
                             f"{sums[worst]:.6g}")
    return Y
