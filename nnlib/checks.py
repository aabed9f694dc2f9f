"""Input checks shared by every public entry point.

Each check raises a ``ValueError`` or ``TypeError`` that names the argument,
the value it got and what it expected, so a reader never has to decode a numpy
broadcasting traceback.  Checks run once per public call, never inside the
mini-batch loop (that would cost most of the speed; see ``benchmarks/``).
"""
import numbers

import numpy as np


def _show(value, limit=60):
    """A short printable form of ``value`` for error messages."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def check_sizes(sizes):
    """Return ``sizes`` as a tuple of ints: at least 2 layers, each width >= 1."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(f"sizes must be a list of layer widths such as [64, 30, 10], "
                        f"got {_show(sizes)}")
    if len(sizes) < 2:
        raise ValueError(f"sizes must name at least 2 layers (input and output), "
                         f"got {_show(list(sizes))}")
    for l, n in enumerate(sizes):
        if isinstance(n, bool) or not isinstance(n, numbers.Integral):
            raise TypeError(f"sizes[{l}] must be a positive integer, got {_show(n)} "
                            f"in sizes={_show(list(sizes))}")
        if n < 1:
            raise ValueError(f"sizes[{l}] must be a positive integer, got {n} "
                             f"in sizes={_show(list(sizes))}")
    return tuple(int(n) for n in sizes)


def check_matrix(name, M, n_cols=None, what="columns"):
    """Return ``M`` as a finite float64 array of shape (n_samples, n_cols)."""
    try:
        A = np.asarray(M, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be an array of numbers, got {_show(M)}") from None
    if A.ndim != 2:
        hint = (f"; for a single sample use {name}.reshape(1, -1), for a single "
                f"feature use {name}.reshape(-1, 1)") if A.ndim == 1 else ""
        raise ValueError(f"{name} must be 2-D with shape (n_samples, n_features), "
                         f"got shape {A.shape}{hint}")
    if A.shape[0] == 0:
        raise ValueError(f"{name} must have at least one row, got shape {A.shape}")
    if n_cols is not None and A.shape[1] != n_cols:
        raise ValueError(f"{name} must have {n_cols} {what}, got shape {A.shape}")
    if not np.isfinite(A).all():
        bad = np.argwhere(~np.isfinite(A))[0]
        raise ValueError(f"{name} must contain only finite numbers, got "
                         f"{A[tuple(bad)]} at row {bad[0]}, column {bad[1]}")
    return A


def check_pair(net_sizes, X, Y):
    """Check X against the input layer, Y against the output layer, rows against rows."""
    X = check_matrix("X", X, net_sizes[0], "features (the input layer's width)")
    Y = check_matrix("Y", Y, net_sizes[-1], "columns (the output layer's width)")
    if X.shape[0] != Y.shape[0]:
        raise ValueError(f"X and Y must have the same number of rows (samples), "
                         f"got X with {X.shape[0]} and Y with {Y.shape[0]}")
    return X, Y


def check_positive(name, value, integer=False, allow_zero=False):
    """Return ``value`` if it is a finite number > 0 (or >= 0), else raise."""
    noun = "integer" if integer else "number"
    kind = "an integer" if integer else "a number"
    bound = ">= 0" if allow_zero else "> 0"
    ok_type = numbers.Integral if integer else numbers.Real
    if isinstance(value, bool) or not isinstance(value, ok_type):
        raise TypeError(f"{name} must be {kind} {bound}, got {_show(value)}")
    if not np.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        raise ValueError(f"{name} must be a finite {noun} {bound}, "
                         f"got {value}")
    return value


def check_fraction(name, value):
    """Return ``value`` as a float if it is a number in [0, 1), else raise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number in [0, 1), got {_show(value)}")
    if not 0 <= value < 1:
        raise ValueError(f"{name} must be a number in [0, 1), got {value}")
    return float(value)


def check_choice(name, value, known):
    """Return ``value`` if it is one of ``known``, else list the known names."""
    if value not in known:
        raise ValueError(f"unknown {name} {_show(value)}; expected one of "
                         f"{', '.join(repr(k) for k in known)}")
    return value
