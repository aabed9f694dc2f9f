"""Check backpropagation against central differences.

The numerical gradient of one parameter p is the central difference

    dC/dp ~ (C(p + eps) - C(p - eps)) / (2 eps),

whose error shrinks like eps^2 (eq. ``central-difference`` in the notation
chapter).  It needs two forward passes per parameter, so it is only for small
networks: backprop gets all of them from one forward and one backward pass.
"""
import numpy as np

from .checks import (check_eps, check_finite, check_network, check_pair, check_positive,
                     check_real_array)
from .costs import get_cost


def numerical_gradient(net, X, Y, cost="mse", eps=1e-6, l2=0.0):
    """Central-difference gradient of ``net.cost(X, Y, cost, l2)``.

    Returns ``(grad_W, grad_b)`` shaped like ``net.W`` and ``net.b``.
    The network's parameters are restored afterwards.  ``eps`` is the step
    (from 1e-12 to 1, see :func:`nnlib.checks.check_eps`).
    """
    X, Y = check_pair(check_network(net).sizes, X, Y)
    check_positive("l2", l2, allow_zero=True)
    cost = get_cost(cost)
    eps = check_eps(eps)
    f = lambda: net._cost(X, Y, cost, l2)
    return ([_central(f, W, eps) for W in net.W],
            [_central(f, b, eps) for b in net.b])


def _central(f, P, eps):
    """Central differences of f() with respect to every entry of array P."""
    grad = np.zeros_like(P)
    for i in np.ndindex(P.shape):
        kept = P[i]
        P[i] = kept + eps
        c_plus = f()
        P[i] = kept - eps
        c_minus = f()
        P[i] = kept
        grad[i] = (c_plus - c_minus) / (2 * eps)
    return grad


def relative_error(a, b):
    """||a - b|| / (||a|| + ||b||), and 0 when both are zero.

    ``a`` and ``b`` are arrays of finite numbers with the same number of
    entries (they are compared flattened).
    """
    a, b = (check_finite(name, check_real_array(name, v).ravel()) for name, v in (("a", a), ("b", b)))
    if a.size != b.size:
        raise ValueError(f"a and b must have the same number of entries, got {a.size} and {b.size}")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def gradcheck(net, X, Y, cost="mse", eps=1e-6, l2=0.0):
    """Relative error between backprop's and the numerical gradient vector.

    Both gradients are flattened into one vector holding every weight and
    bias (the gradient vector of eq. ``gradient-vector``) and compared with
    :func:`relative_error`.  Values near 1e-9 mean the two agree; a bug in
    backprop typically gives 1e-2 or more.
    """
    check_network(net)
    check_eps(eps)
    backprop = net.backprop(X, Y, cost, l2)
    numeric = numerical_gradient(net, X, Y, cost, eps, l2)
    return relative_error(_flat(*backprop), _flat(*numeric))


def _flat(grad_W, grad_b):
    """One vector of every weight and bias gradient."""
    return np.concatenate([g.ravel() for g in grad_W + grad_b])
