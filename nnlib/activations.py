"""Activation functions sigma(z) and their derivatives sigma'(z).

Each activation of :data:`ACTIVATIONS` is a pair of element-wise functions,
``g`` and ``g_prime``, that the network applies to z = W a + b (eq. ``z-def``
in the notation chapter).  Look one up by name with :func:`get_activation`.
The feedforward chapter plots them all.

The softmax is the exception: each of its outputs depends on every z of the
layer, so it has no element-wise derivative.  It exists only for output
layers (``Network(..., output_activation="softmax")``), in
:data:`OUTPUT_ACTIVATIONS`, and carries a ``backward`` function instead
(see :func:`backward`).
"""
from collections import namedtuple

import numpy as np
from scipy.special import expit

from .checks import check_choice

Activation = namedtuple("Activation", ["name", "g", "g_prime", "backward"], defaults=(None,))
Activation.__doc__ = """An activation: its name, g(z) and its derivative g'(z).

``g_prime(z, a=None)`` may be given a = g(z) when it is already known (the
sigmoid and tanh derivatives are cheaper written in terms of a).
``backward(z, a, dC_da)``, set only for activations that are not
element-wise (the softmax), returns dC/dz from dC/da; see :func:`backward`."""


def sigmoid(z):
    """The logistic function sigma(z) = 1 / (1 + e^-z) (eq. ``sigmoid``).

    Evaluated by scipy's ``expit``, which computes exactly this formula in
    one pass without overflow: ``sigmoid(1e4)`` is exactly 1.0 and
    ``sigmoid(-1e4)`` exactly 0.0, with no warning.  (By hand one would use
    e^z / (1 + e^z) for z < 0, so that the exponent is never positive.)
    """
    return expit(z)


def sigmoid_prime(z, a=None):
    """sigma'(z) = sigma(z) (1 - sigma(z)).

    Backprop already holds a = sigma(z) from the forward pass; passing it as
    ``a`` saves evaluating sigma again.  Every ``*_prime`` accepts ``a``.
    """
    s = expit(z) if a is None else a
    slope = 1.0 - s
    slope *= s                     # one array, no temporary: backprop calls this every step
    return slope


def tanh(z):
    """The hyperbolic tangent, with values in (-1, 1)."""
    return np.tanh(z)


def tanh_prime(z, a=None):
    """tanh'(z) = 1 - tanh(z)^2 (``a`` = tanh(z) if already known)."""
    t = np.tanh(z) if a is None else a
    return 1.0 - t * t


def relu(z):
    """The rectified linear unit max(0, z)."""
    return np.maximum(z, 0.0)


def relu_prime(z, a=None):
    """1 where z > 0, else 0 (we take the derivative at the kink z = 0 as 0)."""
    return (np.asarray(z) > 0).astype(np.float64)


LEAK = 0.01  # slope of leaky ReLU for z < 0


def leaky_relu(z):
    """z for z > 0, else 0.01 z."""
    return np.where(z > 0, z, LEAK * z)


def leaky_relu_prime(z, a=None):
    """1 for z > 0, else 0.01."""
    return np.where(np.asarray(z) > 0, 1.0, LEAK)


def softplus(z):
    """log(1 + e^z), a smooth ReLU, computed without overflow."""
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def softplus_prime(z, a=None):
    """softplus'(z) = sigma(z)."""
    return sigmoid(z)


def identity(z):
    """g(z) = z: no squashing (used for regression outputs)."""
    return np.asarray(z, dtype=np.float64) * 1.0


def identity_prime(z, a=None):
    """g'(z) = 1."""
    return np.ones_like(np.asarray(z, dtype=np.float64))


def softmax(Z):
    """Row-wise softmax, a_j = e^(z_j) / sum_k e^(z_k), for Z of shape (n, m).

    Each row of the result is positive and sums to 1, a probability for each
    of the m classes.  The row's largest z is subtracted first (which does
    not change the result), so no exponent is positive and nothing
    overflows, even at |z| = 1e4.
    """
    Z = np.asarray(Z, dtype=np.float64)
    E = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def softmax_prime(z, a=None):
    """Not defined: the softmax is not element-wise (use :func:`backward`)."""
    raise TypeError("the softmax has no element-wise derivative g'(z): each a_j depends on "
                    "every z_k of its layer; use nnlib.activations.backward(act, z, a, dC_da)")


def softmax_backward(Z, A, dA):
    """dC/dz from dC/da through a softmax: the Jacobian-vector product, row by row.

    da_j/dz_k = a_j (1[j = k] - a_k), so dC/dz_k = a_k (dC/da_k - sum_j a_j dC/da_j).
    Z, A, dA : arrays of shape (n, m); returns shape (n, m).
    """
    return A * (dA - np.sum(dA * A, axis=-1, keepdims=True))


def backward(act, Z, A, dA, overwrite_dA=False):
    """dC/dz from dC/da = ``dA`` through the activation ``act`` (chain rule).

    For an element-wise activation this is dC/da * g'(z), entry by entry, as
    in eq. ``bp-delta-L`` of the backpropagation chapter; for the softmax it
    is the Jacobian-vector product of :func:`softmax_backward`.  With
    ``overwrite_dA=True`` an element-wise product is written into ``dA``
    (no new array; for a caller whose ``dA`` is its own fresh array).
    """
    if act.backward is not None:
        return act.backward(Z, A, dA)
    if overwrite_dA:
        dA *= act.g_prime(Z, A)
        return dA
    return dA * act.g_prime(Z, A)


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime),
    "tanh": Activation("tanh", tanh, tanh_prime),
    "relu": Activation("relu", relu, relu_prime),
    "leaky_relu": Activation("leaky_relu", leaky_relu, leaky_relu_prime),
    "softplus": Activation("softplus", softplus, softplus_prime),
    "identity": Activation("identity", identity, identity_prime),
}


SOFTMAX = Activation("softmax", softmax, softmax_prime, softmax_backward)

# What an output layer may use: every element-wise activation, and the softmax.
OUTPUT_ACTIVATIONS = {**ACTIVATIONS, "softmax": SOFTMAX}


def get_activation(name, output=False):
    """Return the :class:`Activation` called ``name`` (e.g. ``"sigmoid"``).

    ``output=True`` also admits ``"softmax"``, which only an output layer may
    use: its neurons are coupled, and backprop's hidden-layer step
    (eq. ``bp-delta``) needs an element-wise g'.
    """
    if isinstance(name, Activation):
        act = name
    elif isinstance(name, str) and name == "softmax":
        act = SOFTMAX
    else:
        known = OUTPUT_ACTIVATIONS if output else ACTIVATIONS
        act = known[check_choice("activation", name, list(known))]
    if act.backward is not None and not output:
        raise ValueError(f"activation {act.name!r} is only available for the output layer "
                         f"(output_activation={act.name!r}): it is not element-wise; for hidden "
                         f"layers use one of {', '.join(repr(k) for k in ACTIVATIONS)}")
    return act
