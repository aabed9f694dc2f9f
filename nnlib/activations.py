"""Activation functions sigma(z) and their derivatives sigma'(z).

Each activation is a pair of element-wise functions, ``g`` and ``g_prime``,
that the network applies to z = W a + b (eq. ``z-def`` in the notation
chapter).  Look one up by name with :func:`get_activation`.  The feedforward
chapter plots them all.
"""
from collections import namedtuple

import numpy as np
from scipy.special import expit

from .checks import check_choice

Activation = namedtuple("Activation", ["name", "g", "g_prime"])
Activation.__doc__ = """An activation: its name, g(z) and its derivative g'(z).

``g_prime(z, a=None)`` may be given a = g(z) when it is already known (the
sigmoid and tanh derivatives are cheaper written in terms of a)."""


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


ACTIVATIONS = {
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime),
    "tanh": Activation("tanh", tanh, tanh_prime),
    "relu": Activation("relu", relu, relu_prime),
    "leaky_relu": Activation("leaky_relu", leaky_relu, leaky_relu_prime),
    "softplus": Activation("softplus", softplus, softplus_prime),
    "identity": Activation("identity", identity, identity_prime),
}


def get_activation(name):
    """Return the :class:`Activation` called ``name`` (e.g. ``"sigmoid"``)."""
    if isinstance(name, Activation):
        return name
    return ACTIVATIONS[check_choice("activation", name, list(ACTIVATIONS))]
