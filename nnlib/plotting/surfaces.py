"""Cost curves and cost surfaces, with gradient-descent paths drawn on them.

The pictures of the optimizers chapter.  Every function here only draws: the
costs and the paths come from the caller (the chapter computes them, with its
own gradient descent or with :func:`nnlib.sgd`).  Cost functions passed in
must accept numpy arrays (``f(x)`` for a curve, ``f(X, Y)`` on a grid for a
surface).  Each function returns the matplotlib ``Figure``.

* :func:`plot_cost_pair` -- two cost curves side by side (MSE vs SSE);
* :func:`plot_descent_1d` -- small multiples of the first steps on a curve;
* :func:`plot_descent_2d` -- small multiples of a path on a contour plot;
* :func:`plot_lr_regimes` -- one path per learning rate, and |x_t| against t;
* :func:`plot_rate_vs_eta` -- the measured shrink factor per step against eta;
* :func:`plot_basins` -- paths from many starts, coloured by where they end.
"""
import matplotlib.pyplot as plt
import numpy as np

from ..checks import (check_callable, check_curves, check_int, check_list, check_matrix,
                      check_number, check_positive, check_range, check_vector)

PATH_COLOR = "#d62728"       # the gradient-descent path
CURVE_COLOR = "#1f77b4"      # the cost curve
FADED = "#bbbbbb"
REGIME_COLORS = ["#1f77b4", "#2ca02c", "#ff7f0e", "#d62728", "#9467bd", "#8c564b"]


def _curve(ax, f, x_range, n=400):
    """Draw f over x_range on ax; return the x grid and f's values."""
    x = np.linspace(*x_range, n)
    y = f(x)
    ax.plot(x, y, color=CURVE_COLOR, lw=2, zorder=1)
    return x, y


def _paths(paths):
    """A non-empty list of 1-D paths x_0 .. x_k of finite numbers."""
    return [check_vector(f"paths[{i}]", xs)
            for i, xs in enumerate(check_list("paths", paths, what="a list of paths (arrays)"))]


def plot_cost_pair(x, costs, minimiser, xlabel="c", figsize=(8, 3.2)):
    """Side-by-side panels, one per cost curve, with the shared minimiser marked.

    Parameters
    ----------
    x : ndarray of shape (k,), the parameter values
    costs : dict name -> ndarray of shape (k,), each cost at ``x``
    minimiser : float, drawn as a dashed vertical line in every panel
    """
    x = check_vector("x", x)
    costs = check_curves("costs", costs, x.size)
    minimiser = check_number("minimiser", minimiser)
    fig, axes = plt.subplots(1, len(costs), figsize=figsize)
    for ax, (name, y) in zip(np.atleast_1d(axes), costs.items()):
        ax.plot(x, y, color=CURVE_COLOR, lw=2)
        ax.axvline(minimiser, color=PATH_COLOR, ls="--", lw=1.2)
        ax.text(minimiser, 0.96, f" minimiser {xlabel} = {minimiser:.3f}",
                transform=ax.get_xaxis_transform(), color=PATH_COLOR,
                fontsize=8, va="top")
        ax.set(title=name, xlabel=xlabel)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_descent_1d(f, xs, x_range, df=None, ncols=3, symbol="x", xlabel="x",
                    ylabel="f(x)", title=None, figsize=None):
    """Small multiples of gradient descent on a curve: one panel per step.

    Panel t shows the points x_0 .. x_t visited so far (faded), the current
    point x_t with its tangent line (if ``df`` is given) and an arrow to the
    next point x_{t+1}.

    Parameters
    ----------
    f : callable, the cost curve (accepts arrays)
    xs : ndarray of shape (k + 1,), the path x_0 .. x_k; k panels are drawn
    x_range : (lo, hi), the horizontal extent of every panel
    df : callable or None, f's derivative, for the tangent lines
    symbol : str, the parameter's name in the panel titles
    """
    check_callable("f", f, "f(x), evaluated on arrays")
    if df is not None:
        check_callable("df", df, "df(x), the derivative of f")
    xs = check_vector("xs", xs, min_size=2)
    x_range = check_range("x_range", x_range)
    check_positive("ncols", ncols, integer=True)
    k = len(xs) - 1
    nrows = -(-k // ncols)
    figsize = figsize or (3.0 * ncols, 2.6 * nrows + 0.4)
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, sharex=True, sharey=True,
                             squeeze=False)
    for t, ax in enumerate(axes.flat):
        if t >= k:
            ax.set_visible(False)
            continue
        grid, values = _curve(ax, f, x_range, n=200)
        _step_panel(ax, f, df, xs, t, values)
        ax.set_title(f"step {t + 1}: {symbol} = {xs[t]:.2f} → {xs[t + 1]:.2f}",
                     fontsize=9)
        ax.grid(alpha=0.3)
    for ax in axes[-1]:
        ax.set_xlabel(xlabel)
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def _step_panel(ax, f, df, xs, t, values):
    """The visited points, the tangent at x_t and the arrow x_t -> x_{t+1}."""
    ax.scatter(xs[:t], f(xs[:t]), color=FADED, s=18, zorder=2)
    x_t, x_next = xs[t], xs[t + 1]
    if df is not None:
        half = 0.12 * (ax.get_xlim()[1] - ax.get_xlim()[0])
        span = np.array([x_t - half, x_t + half])
        ax.plot(span, f(x_t) + df(x_t) * (span - x_t), color="k", lw=1, zorder=2)
    ax.annotate("", xy=(x_next, f(x_next)), xytext=(x_t, f(x_t)),
                arrowprops=dict(arrowstyle="->", color=PATH_COLOR, lw=1.5), zorder=3)
    ax.scatter([x_t], [f(x_t)], color=PATH_COLOR, s=30, zorder=4)
    ax.set_ylim(values.min() - 0.08 * np.ptp(values), values.max() + 0.08 * np.ptp(values))


def plot_descent_2d(f, path, xlim, ylim, steps=(1, 2, 4, 8, 16, 32), ncols=3,
                    levels=16, xlabel="w", ylabel="b", minimum=None, figsize=None):
    """Small multiples of a gradient-descent path on the contours of a surface.

    Parameters
    ----------
    f : callable, f(X, Y) evaluated on a meshgrid
    path : ndarray of shape (k + 1, 2), the points visited
    xlim, ylim : the extent of every panel
    steps : which step counts get a panel (each at most k)
    minimum : optional (x, y), marked with a star
    """
    check_callable("f", f, "f(X, Y), evaluated on a meshgrid")
    path = check_matrix("path", path, 2, "columns (one point (x, y) per row)")
    xlim, ylim = check_range("xlim", xlim), check_range("ylim", ylim)
    steps = [check_int("steps[]", t, 0, len(path) - 1, " (the steps the path has)")
             for t in check_list("steps", steps, what="a list of step counts")]
    check_positive("ncols", ncols, integer=True)
    check_positive("levels", levels, integer=True)
    if minimum is not None:
        minimum = check_vector("minimum", minimum, size=2)
    nrows = -(-len(steps) // ncols)
    figsize = figsize or (3.2 * ncols, 2.8 * nrows + 0.3)
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, sharex=True, sharey=True,
                             squeeze=False)
    gx, gy = np.meshgrid(np.linspace(*xlim, 120), np.linspace(*ylim, 120))
    gz = f(gx, gy)
    for ax, t in zip(axes.flat, steps):
        ax.contourf(gx, gy, gz, levels=levels, cmap="viridis", alpha=0.35)
        ax.contour(gx, gy, gz, levels=levels, cmap="viridis", linewidths=0.6)
        ax.plot(path[:t + 1, 0], path[:t + 1, 1], "-o", color=PATH_COLOR, ms=2.5, lw=1.2)
        ax.scatter(*path[0], color="k", s=20, zorder=3)
        if minimum is not None:
            ax.scatter(*minimum, marker="*", color="gold", edgecolor="k", s=120, zorder=4)
        ax.set_title(f"after {t} step{'s' if t != 1 else ''}", fontsize=9)
        ax.set_aspect("equal", adjustable="box")
    for ax in list(axes.flat)[len(steps):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel(xlabel)
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel)
    fig.tight_layout()
    return fig


def plot_lr_regimes(f, paths, etas, x_range, labels=None, figsize=None):
    """One panel per learning rate with its path on the curve, and |x_t| below.

    Parameters
    ----------
    f : callable, the cost curve (accepts arrays), minimum at x = 0
    paths : list of ndarray, the path x_0 .. x_k for each learning rate
    etas : list of float, the learning rates (for the titles)
    x_range : (lo, hi) of the top row
    labels : optional list of str, a regime name per learning rate

    The bottom panel plots every path's distance |x_t| to the minimum on a
    log scale, where a constant factor per step is a straight line.
    """
    check_callable("f", f, "f(x), evaluated on arrays")
    paths = _paths(paths)
    etas = [check_number("etas[]", e) for e in check_list("etas", etas, what="a list of learning rates")]
    x_range = check_range("x_range", x_range)
    n = len(paths)
    if len(etas) != n or (labels and len(labels) != n):
        raise ValueError(f"etas (and labels, if given) must have one entry per path ({n}), got "
                         f"{len(etas)}" + (f" and {len(labels)}" if labels else ""))
    figsize = figsize or (max(7.5, 2.2 * n), 5.6)
    fig = plt.figure(figsize=figsize)
    grid = fig.add_gridspec(2, n, height_ratios=[1, 1.1])
    bottom = fig.add_subplot(grid[1, :])
    for i, (xs, eta) in enumerate(zip(paths, etas)):
        color = REGIME_COLORS[i % len(REGIME_COLORS)]
        top = fig.add_subplot(grid[0, i])
        _curve(top, f, x_range, n=200)
        shown = xs[(xs >= x_range[0]) & (xs <= x_range[1])][:12]
        top.plot(shown, f(shown), "-o", color=color, ms=3.5, lw=1)
        top.set_ylim(top=f(np.asarray(x_range)).max())
        name = f"\n{labels[i]}" if labels else ""
        top.set_title(f"η = {eta:g}{name}", fontsize=9, color=color)
        top.set_xlabel("x")
        top.tick_params(labelsize=8)
        bottom.semilogy(np.arange(len(xs)), np.abs(xs), "-o", color=color, ms=2.5,
                        lw=1, label=f"η = {eta:g}")
    bottom.set(xlabel="step t", ylabel="distance |x_t| to the minimum")
    bottom.legend(fontsize=8, frameon=False, ncol=n, loc="lower left")
    bottom.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_rate_vs_eta(etas, measured, predicted, threshold, figsize=(7, 3.5)):
    """The factor |x_{t+1} / x_t| by which each step shrinks the error, per eta.

    Below 1 gradient descent converges, above 1 it diverges; ``threshold``
    (2/k for the quadratic) is drawn as a vertical line.
    """
    etas = check_vector("etas", etas)
    measured, predicted = (check_vector(name, v, size=etas.size) for name, v in
                           (("measured", measured), ("predicted", predicted)))
    threshold = check_positive("threshold", threshold)
    fig, ax = plt.subplots(figsize=figsize)
    ax.plot(etas, predicted, color=CURVE_COLOR, lw=2, label="theory |1 - ηk|")
    ax.scatter(etas, measured, color=PATH_COLOR, s=16, zorder=3, label="measured")
    ax.axhline(1.0, color="k", lw=0.8)
    ax.axvline(threshold, color="k", ls="--", lw=1)
    ax.text(threshold, ax.get_ylim()[1] * 0.97, "  η = 2/k", va="top", fontsize=9)
    ax.fill_between([min(etas), threshold], 0, 1, color="#2ca02c", alpha=0.08,
                    label="converges")
    ax.set(xlabel="learning rate η", ylabel="shrink factor per step",
           title="Each step multiplies the distance to the minimum by |1 - ηk|")
    ax.legend(fontsize=8, loc="upper left", frameon=False)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig


def plot_basins(f, paths, minima, x_range, figsize=(7, 3.5)):
    """Paths of gradient descent from several starts, coloured by their end.

    Parameters
    ----------
    f : callable, the cost curve
    paths : list of ndarray, one path per start
    minima : list of float, the minima; each path gets the colour of the
        minimum nearest its last point
    """
    check_callable("f", f, "f(x), evaluated on arrays")
    paths, minima = _paths(paths), check_vector("minima", minima)
    x_range = check_range("x_range", x_range)
    fig, ax = plt.subplots(figsize=figsize)
    grid, values = _curve(ax, f, x_range)
    colors = ["#2ca02c", "#9467bd", "#ff7f0e"]
    for xs in paths:
        end = int(np.argmin([abs(xs[-1] - m) for m in minima]))
        c = colors[end % len(colors)]
        ax.plot(xs, f(xs), "-", color=c, lw=1, alpha=0.6)
        ax.scatter([xs[0]], [f(xs[0])], color=c, edgecolor="k", s=40, zorder=3)
    for i, m in enumerate(minima):
        ax.scatter([m], [f(m)], marker="*", s=220, color=colors[i % len(colors)],
                   edgecolor="k", zorder=4)
    ax.set(xlabel="x", ylabel="f(x)", ylim=(values.min() - 0.5, values.max()),
           title="Where you start decides which valley you end in")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
