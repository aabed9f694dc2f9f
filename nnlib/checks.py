"""Input checks shared by every public entry point.

Each check raises a ``ValueError`` or ``TypeError`` that names the argument,
the value it got and what it expected, so a reader never has to decode a numpy
broadcasting traceback.  Checks run once per public call, never inside the
mini-batch loop (that would cost most of the speed; see ``benchmarks/``).

Two rules hold everywhere:

* ``True`` and ``False`` are not numbers.  A bool where a number or an array
  of numbers is expected is a ``TypeError``, and so is a number where a flag
  (True/False) is expected.
* Complex numbers are refused, never cast: numpy would drop the imaginary
  part with nothing but a ``ComplexWarning``.

This module is the lowest floor of nnlib: it imports nothing from it, so it
checks a network by its attributes (``sizes``, ``W``, ``b``), not its class.
"""
import math
import numbers
import os

import numpy as np

MAX_SEED = 2**32 - 1     # the largest seed numpy and scikit-learn both accept


def _show(value, limit=60):
    """A short printable form of ``value`` for error messages."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _is_bool(value):
    return isinstance(value, (bool, np.bool_))


def _is_number(value, integer=False):
    """A real number (an integer if asked), and not a bool."""
    kind = numbers.Integral if integer else numbers.Real
    return isinstance(value, kind) and not _is_bool(value)


def _finite(value):
    """math.isfinite that also takes integers too large for a float."""
    return isinstance(value, numbers.Integral) or math.isfinite(value)


# ---- scalars -------------------------------------------------------------------
def check_positive(name, value, integer=False, allow_zero=False):
    """Return ``value`` if it is a finite number > 0 (or >= 0), else raise."""
    noun = "integer" if integer else "number"
    kind = "an integer" if integer else "a number"
    bound = ">= 0" if allow_zero else "> 0"
    if not _is_number(value, integer):
        raise TypeError(f"{name} must be {kind} {bound}, got {_show(value)}")
    if not _finite(value) or value < 0 or (value == 0 and not allow_zero):
        raise ValueError(f"{name} must be a finite {noun} {bound}, "
                         f"got {value}")
    return value


def _num(v):
    return str(v) if isinstance(v, numbers.Integral) else f"{v:g}"


def _bounds(low, high):
    if low is not None and high is not None:
        return f" from {_num(low)} to {_num(high)}"
    return f" >= {_num(low)}" if low is not None else f" <= {_num(high)}" if high is not None else ""


def check_number(name, value, low=None, high=None, why=""):
    """Return ``value`` as a float if it is a finite real number in [low, high].

    ``why`` (e.g. ``" (the slider's range)"``) is added to the message.
    """
    if not _is_number(value):
        raise TypeError(f"{name} must be a number{_bounds(low, high)}{why}, got {_show(value)}")
    if not (_finite(value) and (low is None or value >= low) and (high is None or value <= high)):
        finite = "" if low is not None and high is not None else " finite"
        raise ValueError(f"{name} must be a{finite} number{_bounds(low, high)}{why}, got {value}")
    return float(value)


def check_int(name, value, low=None, high=None, why=""):
    """Return ``value`` as an int if it is an integer (not a bool) in [low, high]."""
    if not _is_number(value, integer=True):
        raise TypeError(f"{name} must be an integer{_bounds(low, high)}{why}, got {_show(value)}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} must be an integer{_bounds(low, high)}{why}, got {value}")
    return int(value)


def check_seed(seed, name="seed"):
    """Return ``seed`` if it is an integer from 0 to 2**32 - 1."""
    return check_int(name, seed, 0, MAX_SEED, " (a seed for the random generator)")


EPS_RANGE = (1e-12, 1.0)    # steps of central differences that mean something


def check_eps(eps):
    """Return ``eps`` as a float if it is a usable step for central differences.

    Below 1e-12 rounding error swamps C(p + eps) - C(p - eps); above 1 the
    curvature does (the error grows like eps^2, eq. ``central-difference``).
    """
    return check_number("eps", eps, *EPS_RANGE, " (the step of the central differences: "
                        "smaller ones drown in rounding error, larger ones in curvature)")


def check_flag(name, value, function=None):
    """Return ``value`` as a bool if it is True or False (numbers are not flags).

    With ``function`` (how such a function is called, for the message), a
    function is accepted too, and returned as it is.
    """
    if function is not None and callable(value):
        return value
    if not _is_bool(value):
        expected = "True or False" if function is None else f"True, False or a function such as {function}"
        raise TypeError(f"{name} must be {expected}, got {_show(value)}")
    return bool(value)


def check_callable(name, value, example):
    """Return ``value`` if it can be called; ``example`` shows how it is called."""
    if not callable(value):
        raise TypeError(f"{name} must be a function such as {example}, got {_show(value)}")
    return value


def check_choice(name, value, known):
    """Return ``value`` if it is one of ``known``, else list the known names."""
    if not (isinstance(value, str) and value in known):
        raise ValueError(f"unknown {name} {_show(value)}; expected one of "
                         f"{', '.join(repr(k) for k in known)}")
    return value


def check_range(name, value):
    """Return ``value`` as a pair of floats (lo, hi) with lo < hi."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != 2:
        raise TypeError(f"{name} must be a pair (lo, hi) of numbers, got {_show(value)}")
    lo, hi = (check_number(f"{name}[{i}]", v) for i, v in enumerate(value))
    if not lo < hi:
        raise ValueError(f"{name} must be a pair (lo, hi) with lo < hi, got {_show(value)}")
    return lo, hi


def check_list(name, value, min_len=1, what="a list"):
    """Return ``value`` as a list if it is a sequence (not a string) of >= min_len items."""
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        raise TypeError(f"{name} must be {what}, got {_show(value)}")
    items = list(value)
    if len(items) < min_len:
        raise ValueError(f"{name} must be {what} with at least {min_len} "
                         f"entr{'y' if min_len == 1 else 'ies'}, got {_show(value)}")
    return items


def check_together(**given):
    """Raise unless the named arguments are all None or all given."""
    missing = [k for k, v in given.items() if v is None]
    if missing and len(missing) < len(given):
        got = " and ".join(f"{k}={'None' if v is None else 'an array'}" for k, v in given.items())
        raise ValueError(f"pass both {' and '.join(given)} (or neither), got {got}")


def check_path(name, path):
    """Return ``path`` as a str if it is a str or a path-like object."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{name} must be a file name (a str or pathlib.Path), got {_show(path)}")
    path = os.fspath(path)
    if not isinstance(path, str) or not path:
        raise ValueError(f"{name} must be a non-empty file name, got {_show(path)}")
    return path


def check_axes(ax, name="ax"):
    """Return ``ax`` if it is None or a matplotlib Axes (checked by its methods)."""
    if ax is not None and not (hasattr(ax, "plot") and hasattr(ax, "figure")):
        raise TypeError(f"{name} must be a matplotlib Axes (e.g. from plt.subplots()) "
                        f"or None, got {_show(ax)}")
    return ax


# ---- arrays --------------------------------------------------------------------
def check_real_array(name, M):
    """Return ``M`` as a float64 array (any shape) if it holds real numbers.

    Refuses text, booleans, complex numbers, None and ragged nested lists.
    """
    try:
        A = np.asarray(M)
    except (TypeError, ValueError, OverflowError):
        raise TypeError(f"{name} must be an array of numbers (rows of equal length), "
                        f"got {_show(M)}") from None
    kind = A.dtype.kind
    if kind == "b":
        raise TypeError(f"{name} must hold numbers, got True/False values; "
                        f"convert them with {name}.astype(float)")
    if kind == "c":
        raise TypeError(f"{name} must hold real numbers, got complex values such as "
                        f"{_show(A.flat[0].item()) if A.size else '()'}; take np.real({name}) "
                        f"if that is what you mean")
    if kind == "O" and all(_is_number(v) for v in A.flat):
        return A.astype(np.float64)                  # e.g. Python ints beyond int64
    if kind not in "iuf":
        raise TypeError(f"{name} must be an array of numbers, got {_show(M)}")
    return A.astype(np.float64, copy=False)


def _where(A, index):
    """Where ``index`` sits in A, in words."""
    if A.ndim == 2:
        return f" at row {index[0]}, column {index[1]}"
    return f" at index {index[0]}" if A.ndim == 1 else f" at index {tuple(index)}" if A.ndim else ""


def check_finite(name, A):
    """Return float array ``A`` if every entry is finite, else say where it is not."""
    if not np.isfinite(A).all():
        bad = np.argwhere(~np.isfinite(A))[0]
        raise ValueError(f"{name} must contain only finite numbers, got "
                         f"{A[tuple(bad)]}{_where(A, bad)}")
    return A


def check_matrix(name, M, n_cols=None, what="columns"):
    """Return ``M`` as a finite float64 array of shape (n_samples, n_cols)."""
    A = check_real_array(name, M)
    if A.ndim != 2:
        hint = (f"; for a single sample use {name}.reshape(1, -1), for a single "
                f"feature use {name}.reshape(-1, 1)") if A.ndim == 1 else ""
        raise ValueError(f"{name} must be 2-D with shape (n_samples, n_features), "
                         f"got shape {A.shape}{hint}")
    if A.shape[0] == 0 or A.shape[1] == 0:
        raise ValueError(f"{name} must have at least one row and one column, got shape {A.shape}")
    if n_cols is not None and A.shape[1] != n_cols:
        raise ValueError(f"{name} must have {n_cols} {what}, got shape {A.shape}")
    return check_finite(name, A)


def check_vector(name, v, size=None, min_size=1):
    """Return ``v`` as a finite 1-D float64 array (of ``size`` entries if given)."""
    A = check_real_array(name, v)
    if A.ndim != 1:
        raise ValueError(f"{name} must be 1-D (a list of numbers), got shape {A.shape}")
    if size is not None and A.size != size:
        raise ValueError(f"{name} must have {size} entries, got {A.size}")
    if A.size < min_size:
        raise ValueError(f"{name} must have at least {min_size} entries, got {A.size}")
    return check_finite(name, A)


def check_curves(name, curves, size):
    """Return ``curves`` ({label: values}) with each one a finite 1-D array of ``size``."""
    if not isinstance(curves, dict):
        raise TypeError(f"{name} must be a dict {{label: values}}, got {_show(curves)}")
    if not curves:
        raise ValueError(f"{name} must hold at least one curve, got an empty dict")
    return {k: check_vector(f"{name}[{k!r}]", v, size) for k, v in curves.items()}


def check_pair(net_sizes, X, Y, names=("X", "Y")):
    """Check X against the input layer, Y against the output layer, rows against rows."""
    x, y = names
    X = check_matrix(x, X, net_sizes[0], "features (the input layer's width)")
    Y = check_matrix(y, Y, net_sizes[-1], "columns (the output layer's width)")
    if X.shape[0] != Y.shape[0]:
        raise ValueError(f"{x} and {y} must have the same number of rows (samples), "
                         f"got {x} with {X.shape[0]} and {y} with {Y.shape[0]}")
    return X, Y


def check_labels(y, n_classes=None, name="y"):
    """Return ``y`` as a 1-D int array of class labels from 0 to n_classes - 1.

    With ``n_classes=None`` any label >= 0 is allowed.
    """
    if n_classes is not None:
        n_classes = check_positive("n_classes", n_classes, integer=True)
    try:
        A = np.asarray(y)
    except (TypeError, ValueError, OverflowError):
        raise TypeError(f"{name} must be a list of integer class labels, got {_show(y)}") from None
    if A.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one label per sample), got shape {A.shape}")
    if A.size and A.dtype.kind not in "iu":
        whole = A.dtype.kind == "f" and bool((A == np.round(A)).all())
        odd = A.flat[0] if whole or A.dtype.kind != "f" else A[A != np.round(A)][0]
        hint = f"; they are whole numbers, so {name}.astype(int) will do" if whole else ""
        raise TypeError(f"{name} must hold integer class labels, got {A.dtype} values such "
                        f"as {_show(odd.item())}{hint}")
    bad = np.flatnonzero((A < 0) | (A >= (np.inf if n_classes is None else n_classes)))
    if bad.size:
        allowed = (f"from 0 to {n_classes - 1} for n_classes={n_classes}" if n_classes is not None
                   else ">= 0")
        raise ValueError(f"{name}[{bad[0]}] = {A[bad[0]]} is not a class label: labels must be "
                         f"integers {allowed}")
    return A.astype(int, copy=False)


# ---- networks ------------------------------------------------------------------
def check_sizes(sizes):
    """Return ``sizes`` as a tuple of ints: at least 2 layers, each width >= 1."""
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(f"sizes must be a list of layer widths such as [64, 30, 10], "
                        f"got {_show(sizes)}")
    if len(sizes) < 2:
        raise ValueError(f"sizes must name at least 2 layers (input and output), "
                         f"got {_show(list(sizes))}")
    for l, n in enumerate(sizes):
        if not _is_number(n, integer=True):
            raise TypeError(f"sizes[{l}] must be a positive integer, got {_show(n)} "
                            f"in sizes={_show(list(sizes))}")
        if n < 1:
            raise ValueError(f"sizes[{l}] must be a positive integer, got {n} "
                             f"in sizes={_show(list(sizes))}")
    return tuple(int(n) for n in sizes)


def check_network(net, name="net"):
    """Return ``net`` if it looks like an nnlib Network whose W and b are sound.

    Every ``W[l]`` must be a float array of shape (sizes[l+1], sizes[l]) and
    every ``b[l]`` one of shape (sizes[l+1],), all finite: a user may have
    replaced one (``net.W[0] = ...``).  Costs microseconds; call it once per
    public call, never in a loop.
    """
    if not all(hasattr(net, a) for a in ("sizes", "W", "b")):
        raise TypeError(f"{name} must be an nnlib Network, e.g. nnlib.Network([64, 30, 10]), "
                        f"got {_show(net)}")
    sizes = net.sizes
    for key, params in (("W", net.W), ("b", net.b)):
        if not isinstance(params, list) or len(params) != len(sizes) - 1:
            raise ValueError(f"{name}.{key} must be a list of {len(sizes) - 1} arrays (one per "
                             f"layer after the input) for sizes {list(sizes)}, got {_show(params)}")
    for l in range(len(sizes) - 1):
        _check_param(f"{name}.W[{l}]", net.W[l], (sizes[l + 1], sizes[l]),
                     f"(sizes[{l + 1}], sizes[{l}]) for sizes {list(sizes)}", f"W^({l + 1})")
        _check_param(f"{name}.b[{l}]", net.b[l], (sizes[l + 1],),
                     f"(sizes[{l + 1}],) for sizes {list(sizes)}", f"b^({l + 1})")
    return net


def check_net_or_sizes(net, name="net"):
    """Return a sound Network as it is, or layer sizes as a tuple to build one from."""
    if hasattr(net, "W"):
        return check_network(net, name)
    if isinstance(net, (str, bytes)) or not hasattr(net, "__len__"):
        raise TypeError(f"{name} must be an nnlib Network or a list of layer sizes such as "
                        f"[2, 2, 1], got {_show(net)}")
    return check_sizes(net)


def _check_param(name, P, shape, why, symbol):
    """One weight matrix or bias vector: an ndarray of floats, of ``shape``, finite."""
    label = f"{name} (the book's {symbol})"
    if not isinstance(P, np.ndarray):
        raise TypeError(f"{label} must be a numpy array of shape {shape}, got {_show(P)}")
    if P.dtype.kind != "f":
        raise TypeError(f"{label} must hold real floats, got dtype {P.dtype}; assign in place "
                        f"({name}[...] = values) or use np.asarray(values, dtype=float)")
    if P.shape != shape:
        raise ValueError(f"{label} must have shape {shape} {why}, got shape {P.shape}")
    if not np.isfinite(P).all():
        bad = np.argwhere(~np.isfinite(P))[0]
        raise ValueError(f"{label} must contain only finite numbers, got {P[tuple(bad)]}"
                         f"{_where(P, bad)}")


def check_fraction(name, value):
    """Return ``value`` as a float if it is a number in [0, 1), else raise."""
    if not _is_number(value):
        raise TypeError(f"{name} must be a number in [0, 1), got {_show(value)}")
    if not (_finite(value) and 0 <= value < 1):
        raise ValueError(f"{name} must be a number in [0, 1), got {value}")
    return float(value)
