"""Pictures for the notation chapter: indices, the matrix form, and calculus.

* :func:`draw_index_diagram` -- a network whose neurons are labelled
  a_j^(l), with one neuron and one weight w_jk^(l) picked out;
* :func:`draw_matvec` -- z^(l) = W^(l) a^(l-1) + b^(l) written out entry by
  entry, with the row that produces one z_j highlighted (eq. ``z-def``);
* :func:`plot_tangent` -- a derivative as the slope of the tangent line,
  approached by secants;
* :func:`plot_partial_slices` -- a partial derivative as the slope of a slice
  through a function of two variables;
* :func:`plot_chain_rule` -- the chain rule on a = sigma(w x + b)
  (eq. ``chain-rule``);
* :func:`plot_difference_errors` -- error of finite differences against the
  step eps on log-log axes (eq. ``central-difference``).

These functions only draw.  The numbers they show (slopes, errors) are
computed by the caller or taken from :mod:`nnlib.activations`.
"""
import matplotlib.pyplot as plt
import numpy as np

from ..activations import get_activation
from ..checks import (check_axes, check_callable, check_curves, check_int, check_list,
                      check_number, check_positive, check_range, check_sizes, check_vector)

NEURON = "#1f77b4"     # the highlighted neuron a_j^(l)
WEIGHT = "#d62728"     # the highlighted weight w_jk^(l) and the row it sits in
FROM = "#ff7f0e"       # the neuron a weight comes from
GREY = "#9a9a9a"


# ---- index notation ----------------------------------------------------
def _check_index(name, value, upper):
    return check_int(name, value, 0, upper - 1)


def _check_tuple(name, value, n, what):
    """``value`` as a tuple of n entries, e.g. a neuron (l, j)."""
    if not isinstance(value, (tuple, list)) or len(value) != n:
        raise TypeError(f"{name} must be a tuple {what} or None, got {value!r}")
    return tuple(value)


def _neuron_xy(sizes, l, j, dx=3.2, dy=1.25):
    """Centre of neuron j in layer l; j = 0 at the top, layers left to right."""
    return l * dx, (sizes[l] - 1) / 2 * dy - j * dy


def draw_index_diagram(sizes=(3, 4, 3), neuron=(1, 2), weight=(2, 2, 3), ax=None):
    """Draw a network with every neuron labelled a_j^(l), counted from 0.

    Parameters
    ----------
    sizes : sequence of int
        Layer widths, input first.
    neuron : (l, j) or None
        The neuron a_j^(l) to highlight (blue).
    weight : (l, j, k) or None
        The weight w_jk^(l) to highlight (red): it goes *to* neuron j of layer
        l *from* neuron k of layer l - 1.
    ax : matplotlib Axes, optional

    Returns
    -------
    ax : the Axes drawn on
    """
    sizes = list(check_sizes(sizes))
    check_axes(ax)
    if neuron is not None:
        neuron = _check_tuple("neuron", neuron, 2, "(l, j)")
        _check_index("neuron layer l", neuron[0], len(sizes))
        _check_index("neuron index j", neuron[1], sizes[neuron[0]])
    if weight is not None:
        weight = _check_tuple("weight", weight, 3, "(l, j, k)")
        _check_index("weight layer l", weight[0], len(sizes))
        if weight[0] == 0:
            raise ValueError("weight layer l must be at least 1: no weights lead into the input layer 0")
        _check_index("weight index j (to)", weight[1], sizes[weight[0]])
        _check_index("weight index k (from)", weight[2], sizes[weight[0] - 1])
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 5))
    r = 0.42
    for l in range(1, len(sizes)):                    # every connection, faint
        for j in range(sizes[l]):
            for k in range(sizes[l - 1]):
                _edge(ax, _neuron_xy(sizes, l - 1, k), _neuron_xy(sizes, l, j), r,
                      color=GREY, lw=0.7, alpha=0.45)
    if weight is not None:
        l, j, k = weight
        p, q = _neuron_xy(sizes, l - 1, k), _neuron_xy(sizes, l, j)
        _edge(ax, p, q, r, color=WEIGHT, lw=2.8, zorder=3)
        mid = (0.5 * p[0] + 0.5 * q[0], 0.5 * p[1] + 0.5 * q[1])
        ax.text(*mid, rf"$w^{{({l})}}_{{{j}{k}}}$", color=WEIGHT, fontsize=13,
                ha="center", va="center", zorder=5,
                bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=WEIGHT, lw=1))
    for l, n in enumerate(sizes):
        for j in range(n):
            face, edge, lw = "white", "black", 1.0
            if weight is not None and (l, j) == (weight[0] - 1, weight[2]):
                edge, lw = FROM, 2.6
            if weight is not None and (l, j) == (weight[0], weight[1]):
                edge, lw = WEIGHT, 2.6
            if neuron is not None and (l, j) == tuple(neuron):
                face, edge, lw = "#d6e6f5", NEURON, 2.6
            x, y = _neuron_xy(sizes, l, j)
            ax.add_patch(plt.Circle((x, y), r, fc=face, ec=edge, lw=lw, zorder=4))
            ax.text(x, y, rf"$a^{{({l})}}_{{{j}}}$", ha="center", va="center",
                    fontsize=12, zorder=5)
    _layer_labels(ax, sizes)
    _annotate_ends(ax, sizes, neuron, weight, r)
    ax.set_xlim(-0.8, _neuron_xy(sizes, len(sizes) - 1, 0)[0] + 0.8)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _edge(ax, p, q, r, **style):
    """A line between two circles of radius r, stopping at their rims."""
    d = np.subtract(q, p)
    u = d / np.hypot(*d)
    (x0, y0), (x1, y1) = np.add(p, r * u), np.subtract(q, r * u)
    ax.plot([x0, x1], [y0, y1], solid_capstyle="round", **style)


def _layer_labels(ax, sizes):
    bottom = min(_neuron_xy(sizes, l, n - 1)[1] for l, n in enumerate(sizes)) - 0.95
    for l in range(len(sizes)):
        role = "input" if l == 0 else "output" if l == len(sizes) - 1 else "hidden"
        ax.text(_neuron_xy(sizes, l, 0)[0], bottom, f"layer {l}\n({role})",
                ha="center", va="top", fontsize=11.5)
    ax.set_ylim(bottom - 1.0, -bottom + 0.3)


def _annotate_ends(ax, sizes, neuron, weight, r):
    """A legend, right of the network, that says in words what is highlighted."""
    from matplotlib.lines import Line2D
    handles = []
    ring = dict(marker="o", linestyle="none", markersize=13, markeredgewidth=2.4)
    if neuron is not None:
        l, j = neuron
        handles.append(Line2D([], [], markerfacecolor="#d6e6f5", markeredgecolor=NEURON,
                              label=rf"$a^{{({l})}}_{{{j}}}$: neuron {j} of layer {l}" "\n"
                                    f"(the {_ordinal(j + 1)} neuron of the {_ordinal(l + 1)} layer)",
                              **ring))
    if weight is not None:
        l, j, k = weight
        handles.append(Line2D([], [], color=WEIGHT, lw=2.8,
                              label=rf"$w^{{({l})}}_{{{j}{k}}}$: the weight to neuron {j} of layer {l}"
                                    "\n" f"from neuron {k} of layer {l - 1}"))
        handles.append(Line2D([], [], markerfacecolor="white", markeredgecolor=WEIGHT,
                              label=f"to: j = {j} (layer {l})", **ring))
        handles.append(Line2D([], [], markerfacecolor="white", markeredgecolor=FROM,
                              label=f"from: k = {k} (layer {l - 1})", **ring))
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0),
                  ncol=2, frameon=False, fontsize=11, labelspacing=1.0,
                  handlelength=2.2, columnspacing=1.5)


def _ordinal(n):
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth",
            6: "sixth", 7: "seventh", 8: "eighth"}.get(n, f"{n}th")


# ---- the matrix form ---------------------------------------------------
def draw_matvec(n_to=3, n_from=4, layer=2, row=2, ax=None):
    """Draw z^(l) = W^(l) a^(l-1) + b^(l) entry by entry.

    Row j of W^(l) holds every weight *into* neuron j, one column per neuron
    it comes *from*, so z_j is row j times the vector a^(l-1), plus b_j.

    Parameters
    ----------
    n_to, n_from : int
        Widths of layer l and layer l - 1 (W^(l) has shape (n_to, n_from)).
    layer : int
        The layer l (at least 1), used in the labels.
    row : int or None
        The row j to highlight.
    ax : matplotlib Axes, optional

    Returns
    -------
    ax : the Axes drawn on
    """
    for name, n in (("n_to", n_to), ("n_from", n_from), ("layer", layer)):
        check_positive(name, n, integer=True)
    check_axes(ax)
    if row is not None:
        _check_index("row", row, n_to)
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 4.6))
    l, cw, ch = layer, 1.0, 0.8
    top = max(n_to, n_from) * ch / 2
    y_to = top - (max(n_to, n_from) - n_to) * ch / 2        # top edge of n_to-tall blocks
    y_from = top - (max(n_to, n_from) - n_from) * ch / 2
    hot = "#fbdcdc"

    x = 0.0
    for j in range(n_to):                                   # W^(l), rows = to, cols = from
        for k in range(n_from):
            fill = hot if j == row else "white"
            _cell(ax, x + k * cw, y_to - (j + 1) * ch, cw, ch, fill,
                  rf"$w^{{({l})}}_{{{j}{k}}}$")
        ax.text(x - 0.15, y_to - (j + 0.5) * ch, f"j={j}", ha="right", va="center",
                fontsize=10.5, color=WEIGHT if j == row else "black")
    for k in range(n_from):
        ax.text(x + (k + 0.5) * cw, y_to + 0.12, f"k={k}", ha="center", va="bottom",
                fontsize=10.5)
    ax.text(x - 0.8, y_to - n_to * ch / 2, "to", rotation=90, ha="right", va="center",
            fontsize=12, style="italic")
    ax.text(x + n_from * cw / 2, y_to + 0.5, "from", ha="center", va="bottom",
            fontsize=12, style="italic")
    _bracket(ax, x, y_to - n_to * ch, n_from * cw, n_to * ch)
    ax.text(x + n_from * cw / 2, y_to - n_to * ch - 0.25,
            rf"$\mathbf{{W}}^{{({l})}}$  ({n_to} × {n_from})",
            ha="center", va="top", fontsize=12.5)
    x += n_from * cw + 0.5

    x = _column(ax, x, y_from, n_from, rf"a^{{({l - 1})}}", rf"$\mathbf{{a}}^{{({l - 1})}}$",
                range(n_from), hot if row is not None else None, cw, ch)
    ax.text(x + 0.3, 0, "+", fontsize=16, ha="center", va="center")
    x = _column(ax, x + 0.6, y_to, n_to, rf"b^{{({l})}}", rf"$\mathbf{{b}}^{{({l})}}$",
                [row], hot, cw, ch)
    ax.text(x + 0.3, 0, "=", fontsize=16, ha="center", va="center")
    _column(ax, x + 0.6, y_to, n_to, rf"z^{{({l})}}", rf"$\mathbf{{z}}^{{({l})}}$",
            [row], hot, cw, ch)
    if row is not None:
        ax.text(x / 2 + 0.4, -top - 1.25,
                rf"$z^{{({l})}}_{{{row}}} = \sum_k w^{{({l})}}_{{{row}k}}\, a^{{({l - 1})}}_k"
                rf" + b^{{({l})}}_{{{row}}}$   (row {row} of $\mathbf{{W}}^{{({l})}}$"
                rf" times $\mathbf{{a}}^{{({l - 1})}}$)",
                ha="center", va="center", fontsize=13, color=WEIGHT)
    ax.set_xlim(-1.3, x + 0.6 + cw + 0.3)
    ax.set_ylim(-top - 1.7, top + 1.0)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _cell(ax, x, y, w, h, fill, text):
    ax.add_patch(plt.Rectangle((x, y), w, h, fc=fill, ec="#c8c8c8", lw=0.8))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=11.5)


def _bracket(ax, x, y, w, h, tick=0.12):
    """Square brackets around the block with lower-left corner (x, y)."""
    for x0, s in ((x, 1), (x + w, -1)):
        ax.plot([x0 + s * tick, x0, x0, x0 + s * tick], [y, y, y + h, y + h],
                color="black", lw=1.4)


def _column(ax, x, y_top, n, entry, label, hot_rows, hot, cw, ch):
    """A column vector of n entries; returns the x just right of it."""
    for i in range(n):
        fill = hot if (hot is not None and (hot_rows is None or i in hot_rows)) else "white"
        _cell(ax, x, y_top - (i + 1) * ch, cw, ch, fill, rf"${entry}_{{{i}}}$")
    _bracket(ax, x, y_top - n * ch, cw, n * ch)
    ax.text(x + cw / 2, y_top - n * ch - 0.25, label, ha="center", va="top", fontsize=12.5)
    return x + cw


# ---- derivatives -------------------------------------------------------
def plot_tangent(f, x0, slope, xlim=(-5.0, 5.0), steps=(3.0, 1.5, 0.6), ax=None,
                 name="f"):
    """A curve, its tangent at x0, and secants that close in on the tangent.

    Parameters
    ----------
    f : callable, vectorised
    x0 : float
        Where the tangent touches.
    slope : float
        f'(x0), computed by the caller.
    steps : sequence of float
        Steps h of the secants through (x0, f(x0)) and (x0 + h, f(x0 + h)).
    ax : matplotlib Axes, optional
    name : str
        The function's name in the legend.

    Returns
    -------
    ax : the Axes drawn on
    """
    check_callable("f", f, "f(x), evaluated on arrays")
    x0, slope = check_number("x0", x0), check_number("slope", slope)
    xlim = check_range("xlim", xlim)
    steps = [check_number("steps[]", h) for h in check_list("steps", steps, what="a list of steps h")]
    if 0 in steps:
        raise ValueError(f"steps must be non-zero (a secant needs two points), got {steps}")
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=(7, 3.6))
    x = np.linspace(*xlim, 400)
    y0 = float(f(x0))
    ax.plot(x, f(x), color="black", lw=2, label=rf"${name}(x)$")
    for i, h in enumerate(steps):
        s = (float(f(x0 + h)) - y0) / h
        xs = np.array([x0 - 0.5 * h, x0 + 1.4 * h])
        ax.plot(xs, y0 + s * (xs - x0), color=FROM, lw=1.6, alpha=0.45 + 0.55 * i / max(len(steps) - 1, 1),
                label=f"secants, h = {', '.join(f'{v:g}' for v in steps)}" if i == 0 else None)
        ax.plot([x0 + h], [float(f(x0 + h))], "o", color=FROM, ms=4)
    xt = np.array([x0 - 2.5, x0 + 2.5])
    ax.plot(xt, y0 + slope * (xt - x0), color=WEIGHT, lw=2,
            label=rf"tangent, slope ${name}'({x0:g}) = {slope:.4f}$")
    ax.plot([x0], [y0], "o", color=WEIGHT, ms=7, zorder=5)
    ax.set_xlim(*xlim)
    ax.set_xlabel("$x$")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9)
    return ax


def plot_partial_slices(f, x0, y0, dfdx, dfdy, xlim=(-2.0, 2.0), ylim=(-2.0, 2.0)):
    """A function of two variables and the two slices through (x0, y0).

    Left: the contour map of f(x, y) with the slice y = y0 (blue) and the
    slice x = x0 (orange).  Right: f along each slice with its tangent; their
    slopes are the partial derivatives df/dx and df/dy.

    Parameters
    ----------
    f : callable f(x, y), vectorised
    x0, y0 : float
    dfdx, dfdy : float
        The partial derivatives at (x0, y0), computed by the caller.

    Returns
    -------
    fig : the Figure
    """
    check_callable("f", f, "f(x, y), evaluated on arrays")
    x0, y0, dfdx, dfdy = (check_number(n, v) for n, v in
                          (("x0", x0), ("y0", y0), ("dfdx", dfdx), ("dfdy", dfdy)))
    xlim, ylim = check_range("xlim", xlim), check_range("ylim", ylim)
    fig = plt.figure(figsize=(8.5, 5.6))
    grid = fig.add_gridspec(2, 2, width_ratios=(1.25, 1), hspace=0.55, wspace=0.3)
    ax = fig.add_subplot(grid[:, 0])
    gx, gy = np.meshgrid(np.linspace(*xlim, 200), np.linspace(*ylim, 200))
    cs = ax.contourf(gx, gy, f(gx, gy), levels=20, cmap="Greys")
    ax.contour(gx, gy, f(gx, gy), levels=20, colors="white", linewidths=0.3)
    fig.colorbar(cs, ax=ax, orientation="horizontal", pad=0.13, shrink=0.9,
                 label="$f(x, y)$")
    ax.axhline(y0, color=NEURON, lw=2.2, label=f"slice $y = {y0:g}$")
    ax.axvline(x0, color=FROM, lw=2.2, label=f"slice $x = {x0:g}$")
    ax.plot([x0], [y0], "o", color=WEIGHT, ms=8, zorder=5)
    ax.set(xlabel="$x$", ylabel="$y$", title="$f(x, y)$ seen from above")
    ax.set_aspect("equal")
    ax.legend(fontsize=9.5, loc="lower left", framealpha=0.9)
    slices = [(fig.add_subplot(grid[0, 1]), xlim, lambda t: f(t, y0), x0, dfdx, NEURON,
               rf"along $y = {y0:g}$: $f(x, {y0:g})$", r"\partial f/\partial x", "$x$"),
              (fig.add_subplot(grid[1, 1]), ylim, lambda t: f(x0, t), y0, dfdy, FROM,
               rf"along $x = {x0:g}$: $f({x0:g}, y)$", r"\partial f/\partial y", "$y$")]
    for ax, lim, g, t0, slope, color, title, sym, xlabel in slices:
        t = np.linspace(*lim, 300)
        ax.plot(t, g(t), color=color, lw=2.2)
        span = 0.3 * (lim[1] - lim[0])
        tt = np.array([t0 - span, t0 + span])
        ax.plot(tt, g(t0) + slope * (tt - t0), color=WEIGHT, lw=1.8,
                label=f"slope ${sym} = {slope:.3f}$")
        ax.plot([t0], [g(t0)], "o", color=WEIGHT, ms=7, zorder=5)
        ax.set(xlabel=xlabel, title=title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=9.5, loc="upper left")
    return fig


def plot_chain_rule(w0, x, b, activation="sigmoid", w_range=(-4.0, 4.0)):
    """The chain rule on a = g(z), z = w x + b, as three tangent pictures.

    Top left: z as a function of w (slope x).  Top right: a as a function of
    z (slope g'(z)).  Bottom: a as a function of w, the composition, whose
    slope is the product of the other two (eq. ``chain-rule``).

    Parameters
    ----------
    w0 : float
        The weight where the slopes are taken.
    x, b : float
        Input and bias, held fixed.
    activation : str
        Name of an activation in :mod:`nnlib.activations`.

    Returns
    -------
    fig : the Figure
    """
    act = get_activation(activation)
    w0, x, b = check_number("w0", w0), check_number("x", x), check_number("b", b)
    w_range = check_range("w_range", w_range)
    z0 = w0 * x + b
    dz_dw, da_dz = x, float(act.g_prime(z0))
    fig = plt.figure(figsize=(8.5, 6.4))
    grid = fig.add_gridspec(2, 2, hspace=0.5, wspace=0.25)
    axes = [fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1]),
            fig.add_subplot(grid[1, :])]
    w = np.linspace(*w_range, 300)
    z_lo, z_hi = sorted((w_range[0] * x + b, w_range[1] * x + b))
    z = np.linspace(min(z_lo, -5), max(z_hi, 5), 300)
    panels = [(axes[0], w, w * x + b, w0, z0, dz_dw, "$w$",
               "step 1: $z = wx + b$",
               rf"$\partial z/\partial w = x = {dz_dw:.3f}$", FROM),
              (axes[1], z, act.g(z), z0, float(act.g(z0)), da_dz, "$z$",
               r"step 2: $a = \sigma(z)$",
               rf"$\partial a/\partial z = \sigma'(z) = {da_dz:.3f}$", NEURON),
              (axes[2], w, act.g(w * x + b), w0, float(act.g(z0)), da_dz * dz_dw, "$w$",
               r"both steps: $a = \sigma(wx + b)$, the slopes multiply",
               rf"$\partial a/\partial w = \sigma'(z)\, x = {da_dz:.3f} \times {dz_dw:.3f}"
               rf" = {da_dz * dz_dw:.3f}$", WEIGHT)]
    for ax, t, y, t0, y0, slope, xlabel, title, label, color in panels:
        ax.plot(t, y, color="black", lw=2)
        span = 0.2 * (t[-1] - t[0])
        tt = np.array([t0 - span, t0 + span])
        ax.plot(tt, y0 + slope * (tt - t0), color=color, lw=2.4, label=label)
        ax.plot([t0], [y0], "o", color=color, ms=7, zorder=5)
        ax.set(xlabel=xlabel, title=title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=10, loc="upper left")
    return fig


def plot_difference_errors(eps, errors, orders=None, anchor=1e-2, ax=None):
    """Error of finite-difference derivatives against the step eps, log-log.

    Parameters
    ----------
    eps : ndarray of shape (n,)
        The steps, e.g. ``np.logspace(-12, 0, 49)``.
    errors : dict label -> ndarray of shape (n,)
        Absolute errors, computed by the caller.
    orders : dict label -> int, optional
        For a series named here, draw a dotted guide line proportional to
        eps**order through that series' point nearest ``anchor``.
    anchor : float
        The step where the guide lines touch their series.
    ax : matplotlib Axes, optional

    Returns
    -------
    ax : the Axes drawn on
    """
    eps = check_vector("eps", eps)
    if (eps <= 0).any():
        raise ValueError(f"eps must hold steps > 0 (a log axis), got {eps[eps <= 0][0]}")
    errors = check_curves("errors", errors, eps.size)
    for label, err in errors.items():
        if (err < 0).any():
            raise ValueError(f"errors[{label!r}] must hold absolute errors >= 0, got {err[err < 0][0]}")
    if orders is not None and not isinstance(orders, dict):
        raise TypeError(f"orders must be a dict {{label: order}} or None, got {orders!r}")
    for label, p in (orders or {}).items():
        check_int(f"orders[{label!r}]", p)
    check_positive("anchor", anchor)
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=(7, 3.8))
    colors = [FROM, NEURON, WEIGHT, "black"]
    for (label, err), color in zip(errors.items(), colors):
        err = np.maximum(err, 1e-18)   # exact zeros cannot be drawn
        ax.loglog(eps, err, "o-", ms=3, lw=1.5, color=color, label=label)
        if orders and label in orders:
            p = orders[label]
            i = int(np.argmin(np.abs(np.log(eps / anchor))))
            ax.loglog(eps, err[i] * (eps / eps[i]) ** p, ":", color=color, lw=1.2,
                      label=rf"guide $\propto \varepsilon^{{{p}}}$" if p != 1
                      else r"guide $\propto \varepsilon$")
    ax.set_ylim(max(1e-15, ax.get_ylim()[0]), 1.0)
    ax.set(xlabel=r"step $\varepsilon$", ylabel="absolute error")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=9)
    return ax
