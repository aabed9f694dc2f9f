"""Initial weights and biases for a network of layer widths ``sizes``.

Weights are drawn once, when the network is built, from a seeded
``numpy.random.Generator``; training never re-draws them.  Biases start at 0.

* ``"random"`` (default): small Gaussian weights, w ~ N(0, 1/n_in), where
  n_in is the width of the layer the weight comes *from*.  This keeps each
  z = W a + b of order 1, so sigmoid neurons start in their sensitive range.
* ``"glorot"``: Glorot/Xavier uniform, w ~ U(-r, r) with
  r = sqrt(6 / (n_in + n_out)), suited to deeper networks.
* ``"constant"``: every weight equal to 0.1.  A cautionary example: all
  hidden neurons of a layer compute the same thing and receive the same
  gradient, so in exact arithmetic they stay identical forever (see the
  optimizers chapter).  In floating point, rounding differences of about
  1e-17 between rows can grow over many epochs, slowly and by accident.
"""
import numpy as np

from .checks import check_choice

CONSTANT_WEIGHT = 0.1


def _random(n_out, n_in, rng):
    return rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_out, n_in))


def _glorot(n_out, n_in, rng):
    r = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-r, r, size=(n_out, n_in))


def _constant(n_out, n_in, rng):
    return np.full((n_out, n_in), CONSTANT_WEIGHT)


INITS = {"random": _random, "glorot": _glorot, "constant": _constant}


def initialize(sizes, init="random", seed=0):
    """Return lists ``W`` and ``b`` for a network of widths ``sizes``.

    Returns
    -------
    W : list of ndarray, ``W[l]`` of shape (sizes[l+1], sizes[l])
    b : list of ndarray, ``b[l]`` of shape (sizes[l+1],), all zeros
    """
    draw = INITS[check_choice("init", init, list(INITS))]
    rng = np.random.default_rng(seed)
    W = [draw(n_out, n_in, rng) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    b = [np.zeros(n_out) for n_out in sizes[1:]]
    return W, b
