"""Plain gradient descent on a function of a few parameters, and its regime.

The optimizers chapter starts from the simplest update there is, one step
downhill (eq. ``gd-step``)::

    x <- x - eta f'(x)

:func:`gradient_descent` repeats it from a starting point and returns every
point it visits, stopping early (and saying so) when the points run away.
:func:`regime` names what a trajectory did: it converged, converged slowly,
oscillated about the minimum, or diverged.  On a quadratic with curvature k
each step multiplies the error by r = 1 - eta k, so the analytic answer is:
monotone convergence for eta < 1/k, overshooting the minimum on every step
for 1/k < eta < 2/k (a visible oscillation once each step takes back a
good part of the one before, r <= -1/4, i.e. eta >= 1.25/k), divergence for
eta > 2/k.  :func:`regime` reads the same thing off the numbers of the
trajectory.

Mini-batch training of a whole network lives in :mod:`nnlib.optim`.
"""
from typing import NamedTuple, Optional

import numpy as np

from .checks import (check_callable, check_finite, check_int, check_number, check_positive,
                     check_real_array)


class Trajectory(NamedTuple):
    """The points gradient descent visited.

    Attributes
    ----------
    x : ndarray of shape (t + 1,) or (t + 1, d)
        x_0, x_1, ..., x_t; ``t == steps`` unless the run diverged.
    diverged : int or None
        The step at which some |x_i| first exceeded ``bound`` (that point is
        the last row of ``x``), or None if it never did.
    """
    x: np.ndarray
    diverged: Optional[int]


def gradient_descent(grad, x0, eta, steps, bound=1e6):
    """Run ``steps`` steps of x <- x - eta grad(x) from x0 (eq. ``gd-step``).

    Parameters
    ----------
    grad : callable
        ``grad(x)`` returns the gradient at x, shaped like x (a float for a
        scalar x).
    x0 : float or ndarray of shape (d,)
        The starting point.
    eta : float > 0
        The learning rate.
    steps : int >= 0
        How many steps to take.
    bound : float > 0
        Stop as soon as some |x_i| exceeds this (or is not finite): the run
        has diverged, and going on would only overflow.

    Returns
    -------
    Trajectory
        ``(x, diverged)``: the points visited, shape (t + 1,) for a scalar x0
        or (t + 1, d), and the step at which the run diverged (or None).

    Examples
    --------
    On f(x) = x^2 (f'(x) = 2x) each step multiplies x by (1 - 2 eta):

    >>> gradient_descent(lambda x: 2 * x, 1.0, 0.25, 3).x
    array([1.   , 0.5  , 0.25 , 0.125])
    """
    check_callable("grad", grad, "grad(x), returning the gradient at x")
    check_positive("eta", eta)
    check_positive("steps", steps, integer=True, allow_zero=True)
    check_positive("bound", bound)
    x = check_real_array("x0", x0).copy()
    if x.ndim > 1 or not np.isfinite(x).all():
        raise ValueError(f"x0 must be a finite number or a 1-D array, got {x0!r}")
    points = [x]
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            x = x - eta * _gradient(grad, x)                      # eq. gd-step
            if not (np.abs(x) <= bound).all():                     # also catches inf, NaN
                if np.isfinite(x).all():
                    points.append(x)
                return Trajectory(np.array(points), t)
            points.append(x)
    return Trajectory(np.array(points), None)


def _gradient(grad, x):
    """grad(x), checked: real numbers shaped like x (a wrong shape would broadcast)."""
    g = check_real_array("grad(x)", grad(x))
    if g.shape != x.shape:
        raise ValueError(f"grad(x) must return an array shaped like x, {x.shape}, "
                         f"got shape {g.shape}")
    return g


REGIMES = ("converges", "converges slowly", "oscillates", "diverges")


def regime(trajectory, x_min, slow=0.05, bounce=0.25):
    """Name what a gradient-descent run did, from its numbers alone.

    Let e_t = x_t - x_min be the error after t steps (its length |e_t|).

    * ``"diverges"``: the run hit its bound, or the error grew on the last
      step (on a quadratic |e_t| shrinks at every step when eta is below
      2/k, and grows from some step on when it is above);
    * ``"oscillates"``: the second step went back against the first by at
      least ``bounce`` of its length (the first step overshot the minimum:
      on a quadratic with curvature k, 1 - eta k <= -bounce);
    * ``"converges slowly"``: more than ``slow`` of the initial error is
      left at the end;
    * ``"converges"``: otherwise.

    Parameters
    ----------
    trajectory : Trajectory
        What :func:`gradient_descent` returned (or any pair ``(x, diverged)``).
    x_min : float or ndarray of shape (d,)
        The minimiser.
    slow : float
        Fraction of the initial error above which convergence counts as slow.
    bounce : float
        How much of the first step the second must take back to count as an
        oscillation (a barely-overshooting run converges at once).

    Returns
    -------
    str, one of ``REGIMES``
    """
    x, diverged, x_min = _check_regime(trajectory, x_min)
    check_number("slow", slow, 0, 1)
    check_number("bounce", bounce, 0, 1)
    e = np.linalg.norm(x - x_min, axis=1)
    if diverged is not None:
        return "diverges"
    if e[0] == 0.0:
        return "converges"
    if len(e) >= 2 and e[-1] > e[-2] and e[-1] > 1e-9 * e[0]:   # growing, not rounding noise
        return "diverges"
    if len(x) >= 3:
        back = -np.dot(x[2] - x[1], x[1] - x[0])      # how far step 2 goes back along step 1
        if back > 0 and back >= bounce * np.dot(x[1] - x[0], x[1] - x[0]):
            return "oscillates"
    return "converges slowly" if e[-1] > slow * e[0] else "converges"


def _check_regime(trajectory, x_min):
    """The points (t + 1, d), the divergence step and x_min (1, d) of :func:`regime`."""
    if not isinstance(trajectory, (tuple, list)) or len(trajectory) != 2:
        raise TypeError(f"trajectory must be a pair (x, diverged), such as what "
                        f"gradient_descent returns, got {trajectory!r:.60}")
    x, diverged = trajectory
    x = check_finite("trajectory.x", check_real_array("trajectory.x", x))
    if x.ndim not in (1, 2) or len(x) == 0:
        raise ValueError(f"trajectory.x must have shape (t + 1,) or (t + 1, d) with t >= 0, "
                         f"got shape {x.shape}")
    if diverged is not None:
        check_int("trajectory.diverged", diverged, 0)
    x = x.reshape(len(x), -1)
    x_min = check_finite("x_min", check_real_array("x_min", x_min)).reshape(1, -1)
    if x_min.shape[1] != x.shape[1]:
        raise ValueError(f"x_min must have {x.shape[1]} entries (one per coordinate of x), "
                         f"got {x_min.shape[1]}")
    return x, diverged, x_min
