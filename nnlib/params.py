"""All weights and biases as one vector, the way the gradient vector sees them.

The backpropagation chapter collects every dC/dw and dC/db into one gradient
vector (eq. ``gradient-vector``).  :func:`flat` does the same for the
parameters themselves: it stores a network's ``W[l]`` and ``b[l]`` in one
contiguous array and makes each of them a view of it, so an SGD step is a
single operation on that array, ``theta -= eta * grad`` (eq. ``update-rule``),
instead of one per layer.  Code that reads or writes ``net.W[l]`` in place
sees no difference.
"""
import numpy as np


def views(sizes, vector):
    """Split ``vector`` into arrays shaped like W and b of a network of ``sizes``.

    Layout: W[0], b[0], W[1], b[1], ...; every piece is a view of ``vector``.
    """
    W, b, start = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        W.append(vector[start:start + n_out * n_in].reshape(n_out, n_in))
        start += n_out * n_in
        b.append(vector[start:start + n_out])
        start += n_out
    return W, b


def n_params(sizes):
    """Number of weights and biases of a network of ``sizes``."""
    return sum(n_out * (n_in + 1) for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def flat(net):
    """The vector behind ``net.W`` and ``net.b`` (created on first use).

    If a W or b was replaced by another array since, the current values are
    copied into a fresh vector and ``net.W``/``net.b`` become views of it.
    """
    vector = getattr(net, "_theta", None)
    if vector is None or not all(p.base is vector for p in net.W + net.b):
        vector = np.empty(n_params(net.sizes))
        W, b = views(net.sizes, vector)
        for new, old in zip(W + b, net.W + net.b):
            new[...] = old
        net.W, net.b, net._theta = W, b, vector
    return vector
