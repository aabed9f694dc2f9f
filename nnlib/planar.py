"""Two-dimensional toy data sets: the planes of the Playground chapter.

Each set is a cloud of points x = (x1, x2) in the plane, most of them inside
the square [-3, 3] x [-3, 3] (``EXTENT``), with one target per point: a class,
0 or 1, or for the regression surface a number between -1 and 1.  Unlike
:mod:`nnlib.datasets` the inputs are centred on 0 rather than scaled to
[0, 1], so that the Playground's features x1 x2, x1^2 and sin x1 mean
something: the sign of x1 x2 is the quadrant, x1^2 grows away from the axis.

Every set is drawn in one seeded pass as a :class:`Plane`: the points without
noise (``clean``), and one standard-normal draw per coordinate (``jitter``),
scaled like the pattern.  The points at noise level ``noise`` are then

    X = clean + noise * jitter        (and Y = target + noise * target_jitter)

so one draw gives the set at every noise level, and the Playground's page can
move its noise slider without Python.  ``noise`` is a standard deviation in
the pattern's own units (a circle of radius 1, a spiral of radius 1), as in
scikit-learn's ``make_moons`` and ``make_circles``, which draw the moons and
the circles here.  The points come in random order, so the first rows are a
random subset: :func:`split` takes the training set from the top.
"""
from dataclasses import dataclass

import numpy as np

from .checks import check_choice, check_positive

EXTENT = 3.0          # the plane shown: [-EXTENT, EXTENT] in x1 and in x2
SCALE = 2.5           # a pattern of radius 1 becomes one of radius 2.5 in the plane


@dataclass
class Plane:
    """One seeded draw of a 2-D data set, at every noise level at once.

    Attributes
    ----------
    name : str
    clean : ndarray of shape (n, 2), the points without noise
    jitter : ndarray of shape (n, 2), standard-normal draws times the pattern's scale
    target : ndarray of shape (n, 1), the targets without noise (0/1 classes,
        or the surface's value)
    target_jitter : ndarray of shape (n, 1), standard-normal draws (zeros for
        the classification sets: noise moves a point, not its class)
    regression : bool, True for a real-valued target
    """
    name: str
    clean: np.ndarray
    jitter: np.ndarray
    target: np.ndarray
    target_jitter: np.ndarray
    regression: bool = False

    def points(self, noise):
        """(X, Y) at noise level ``noise``: X = clean + noise jitter, shapes (n, 2), (n, 1)."""
        check_noise(noise)
        return self.clean + noise * self.jitter, self.target + noise * self.target_jitter


def check_noise(noise):
    """``noise`` as a float in [0, 1] (a standard deviation in the pattern's units)."""
    check_positive("noise", noise, allow_zero=True)
    if noise > 1:
        raise ValueError(f"noise must be a number in [0, 1] (a standard deviation in units "
                         f"of the pattern's radius), got {noise}")
    return float(noise)


# ---- the sets: each returns (clean, jitter, target, target_jitter) for n points --------------
def _sklearn(make, n, seed, center, scale, **kwargs):
    """scikit-learn's ``make(n, noise=...)``, mapped to the plane by x -> scale (x - center).

    scikit-learn adds its noise as noise * N(0, 1) after shuffling, so its draw at
    noise 1 minus its draw without noise is the jitter of that same seed.
    """
    clean, y = make(n_samples=n, noise=None, random_state=seed, **kwargs)
    noisy, _ = make(n_samples=n, noise=1.0, random_state=seed, **kwargs)
    center = np.asarray(center, dtype=float)
    return (scale * (clean - center), scale * (noisy - clean),
            y.reshape(-1, 1).astype(float), np.zeros((n, 1)))


def _circles(n, seed):
    from sklearn.datasets import make_circles
    # class 0: the outer circle (radius 1), class 1: the inner one (radius 0.5)
    return _sklearn(make_circles, n, seed, (0.0, 0.0), SCALE, factor=0.5)


def _moons(n, seed):
    from sklearn.datasets import make_moons
    # the moons span x in [-1, 2], y in [-0.5, 1]: centre them, 2.4 wide each side
    return _sklearn(make_moons, n, seed, (0.5, 0.25), 1.6)


def _shuffled(rng, clean, target):
    """Rows in random order, then one standard-normal jitter per coordinate."""
    order = rng.permutation(len(clean))
    n = len(clean)
    return (SCALE * clean[order], SCALE * rng.standard_normal((n, 2)),
            target[order].reshape(-1, 1).astype(float), np.zeros((n, 1)))


def _xor(n, seed):
    """Uniform points in four quadrants, kept 0.1 away from the axes; class 1 where x1 x2 > 0."""
    rng = np.random.default_rng(seed)
    u = rng.uniform(-1.0, 1.0, size=(n, 2))
    clean = np.sign(u) * (0.1 + 0.9 * np.abs(u))
    return _shuffled(rng, clean, (clean[:, 0] * clean[:, 1] > 0))


def _gaussians(n, seed):
    """Two round Gaussian clouds (s.d. 0.3) around (0.5, 0.5), class 1, and (-0.5, -0.5), class 0."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    centers = np.where(y[:, None] == 1, 0.5, -0.5)
    return _shuffled(rng, centers + 0.3 * rng.standard_normal((n, 2)), y)


def _spiral(n, seed):
    """Two arms winding 1.75 turns out from the centre to radius 1, half a turn apart."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    r = (np.arange(n) // 2) / ((n + 1) // 2)             # 0 .. 1 along each arm
    theta = 1.75 * 2 * np.pi * r + np.pi * y
    return _shuffled(rng, np.column_stack([r * np.sin(theta), r * np.cos(theta)]), y)


def surface_value(X):
    """The regression surface at plane points X (n, 2): a bump up at
    (1, 1) and a dip down at (-1, -1), each exp(-|x - c|^2 / 1.5625); values in (-1, 1)."""
    def bump(c):
        D = X - c
        return np.exp(-np.sum(D * D, axis=1) / 1.5625)
    return bump(1.0) - bump(-1.0)


def _surface(n, seed):
    """Uniform points in the square; target surface_value plus noise (inputs stay put)."""
    rng = np.random.default_rng(seed)
    clean = SCALE * rng.uniform(-1.0, 1.0, size=(n, 2))
    return (clean, np.zeros((n, 2)), surface_value(clean).reshape(-1, 1),
            rng.standard_normal((n, 1)))


SETS = {"circles": _circles, "xor": _xor, "gaussians": _gaussians,
        "spiral": _spiral, "moons": _moons, "surface": _surface}
REGRESSION = {"surface"}


def plane(name, n=500, seed=0):
    """The data set ``name`` drawn once for every noise level: a :class:`Plane`.

    Parameters
    ----------
    name : {"circles", "xor", "gaussians", "spiral", "moons", "surface"}
        ``"surface"`` is the regression set; the others are two classes.
    n : int >= 4, the number of points
    seed : int >= 0
    """
    check_choice("dataset", name, list(SETS))
    check_positive("n", n, integer=True)
    check_positive("seed", seed, integer=True, allow_zero=True)
    if n < 4:
        raise ValueError(f"n must be at least 4 (points), got {n}")
    return Plane(name, *SETS[name](int(n), int(seed)), regression=name in REGRESSION)


def make(name, n=500, noise=0.1, seed=0):
    """Points X of shape (n, 2) and targets Y of shape (n, 1) of the set ``name``.

    Classes are 0/1 in Y's one column; for ``"surface"`` Y is the surface's value
    plus noise.  See :func:`plane` for the names and the module docstring for
    what ``noise`` means.
    """
    return plane(name, n, seed).points(noise)


def split(X, Y, train_fraction):
    """The first round(train_fraction n) rows for training, the rest for testing.

    Returns X_train, Y_train, X_test, Y_test.  At least one row lands on each side.
    """
    if isinstance(train_fraction, bool) or not isinstance(train_fraction, (int, float)) \
            or not 0 < train_fraction < 1:
        raise ValueError(f"train_fraction must be a number strictly between 0 and 1, "
                         f"got {train_fraction!r}")
    n_train = n_train_of(len(X), train_fraction)
    return X[:n_train], Y[:n_train], X[n_train:], Y[n_train:]


def n_train_of(n, train_fraction):
    """How many of n rows :func:`split` puts in the training set (1 .. n-1)."""
    return min(max(int(round(train_fraction * n)), 1), n - 1)
