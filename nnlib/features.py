"""Input features: what a network sees of a point x = (x1, x2) of the plane.

The Playground feeds a network not x itself but a chosen few of seven
functions of it, one input neuron each: x1, x2, x1^2, x2^2, x1 x2, sin x1 and
sin x2.  With x1^2 and x2^2 a network with no hidden layer can draw a circle
(its output is sigma(w1 x1^2 + w2 x2^2 + b), which is constant on ellipses);
with x1 x2 it can tell the XOR quadrants apart.  A feature is the kind of
knowledge a person puts into a model; hidden layers have to learn theirs.
"""
import numpy as np

from .checks import check_matrix

# name: (label, function of X of shape (n, 2) -> shape (n,)), in the order the inputs take
FEATURES = {
    "x1": ("x₁", lambda X: X[:, 0]),
    "x2": ("x₂", lambda X: X[:, 1]),
    "x1_sq": ("x₁²", lambda X: X[:, 0] * X[:, 0]),
    "x2_sq": ("x₂²", lambda X: X[:, 1] * X[:, 1]),
    "x1x2": ("x₁x₂", lambda X: X[:, 0] * X[:, 1]),
    "sin_x1": ("sin x₁", lambda X: np.sin(X[:, 0])),
    "sin_x2": ("sin x₂", lambda X: np.sin(X[:, 1])),
}


def check_features(names):
    """``names`` as a tuple of known feature names in FEATURES order (at least one)."""
    if isinstance(names, str) or not hasattr(names, "__iter__"):
        raise TypeError(f"features must be a list of feature names such as ['x1', 'x2'], "
                        f"got {names!r}")
    names = list(names)
    unknown = [f for f in names if f not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature {unknown[0]!r} in features={names!r}; expected "
                         f"some of {', '.join(repr(k) for k in FEATURES)}")
    if not names:
        raise ValueError("features must name at least one feature, got []")
    return tuple(f for f in FEATURES if f in names)


def transform(X, names):
    """The feature columns of points X: shape (n, len(names)), in FEATURES order.

    Parameters
    ----------
    X : ndarray of shape (n, 2), points of the plane
    names : list of str, some of FEATURES' keys
    """
    X = check_matrix("X", X, 2, "columns (x1 and x2)")
    return np.column_stack([FEATURES[f][1](X) for f in check_features(names)])
