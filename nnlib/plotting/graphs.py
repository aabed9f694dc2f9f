"""Pictures of how the cost depends on every weight, bias, z and a.

Used by the backpropagation chapter.  The functions only draw: the numbers
they show (operation counts, for instance) are computed elsewhere and passed
in.

* :func:`draw_dependency_graph` -- the chain a^(0) -> z^(1) -> a^(1) -> ...
  -> C of a network with one neuron per layer, with w^(l) and b^(l) feeding
  each z^(l), brackets for each layer's dependencies, and the backward path
  to one parameter highlighted and labelled with its local derivatives
  (eqs. ``chain-wL`` and ``chain-w1-deep``);
* :func:`draw_fan_out` -- why eq. ``bp-w`` has one chain but eq. ``bp-a``
  sums over all output neurons;
* :func:`plot_operation_counts` -- multiplications needed by three ways of
  computing the gradient, against the depth of the network.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, Patch, PathPatch
from matplotlib.path import Path

from ..checks import check_axes, check_curves, check_flag, check_int, check_list

# colours: data, parameters, computed values, cost, the highlighted path
DATA, PARAM, VALUE, COST = "#e3f1e0", "#dbe8f6", "#ffffff", "#fbe0d3"
EDGE, PATH = "#8a8a8a", "#d95f02"
RADIUS = 0.3


def _check_layers(L):
    if isinstance(L, bool) or not isinstance(L, (int, np.integer)) or L < 1:
        raise ValueError(f"L must be a positive integer (index of the output layer), got {L!r}")
    return int(L)


def _node(ax, xy, text, face, highlight=False, fontsize=13):
    """A circle with a mathtext label."""
    ax.add_patch(Circle(xy, RADIUS, facecolor=face, zorder=3,
                        edgecolor=PATH if highlight else "#555555",
                        linewidth=2.2 if highlight else 1.0))
    ax.text(*xy, text, ha="center", va="center", fontsize=fontsize, zorder=4)


def _arrow(ax, start, end, on_path=False):
    """An arrow between two node centres, stopping at the circles' edges."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    unit = (end - start) / np.linalg.norm(end - start)
    ax.add_patch(FancyArrowPatch(start + RADIUS * unit, end - RADIUS * unit,
                                 arrowstyle="-|>", mutation_scale=13, zorder=2,
                                 color=PATH if on_path else EDGE,
                                 linewidth=2.4 if on_path else 1.1))


def _brace(ax, x0, x1, y, text, height=0.22, color="#444444"):
    """A horizontal curly brace under [x0, x1] at height y, with a label."""
    xm, h, r = (x0 + x1) / 2, height, min(0.15, (x1 - x0) / 4)
    verts = [(x0, y), (x0, y - h / 2), (x0 + r, y - h / 2),          # left hook
             (xm - r, y - h / 2), (xm, y - h / 2), (xm, y - h),      # to the tip
             (xm, y - h / 2), (xm + r, y - h / 2),                   # back up
             (x1 - r, y - h / 2), (x1, y - h / 2), (x1, y)]          # right hook
    codes = [Path.MOVETO, Path.CURVE3, Path.CURVE3, Path.LINETO, Path.CURVE3,
             Path.CURVE3, Path.CURVE3, Path.CURVE3, Path.LINETO, Path.CURVE3, Path.CURVE3]
    ax.add_patch(PathPatch(Path(verts, codes), fill=False, color=color, linewidth=1.2))
    ax.text(xm, y - h - 0.08, text, ha="center", va="top", fontsize=11, color=color)


def _layer_name(l, L):
    return "L" if l == L else f"L\u2212{L - l}"


def draw_dependency_graph(L=3, target=("w", 1), labels=True, ax=None):
    """Draw how C depends on every w, b, z and a of a 1-1-...-1 network.

    Parameters
    ----------
    L : int >= 1
        Index of the output layer: ``L=2`` is the 1-1-1 network of
        eq. ``chain-wL``, ``L=3`` the four-layer network of eq. ``chain-w1-deep``.
    target : tuple (kind, l) or None
        The parameter whose chain to highlight: kind ``"w"`` or ``"b"`` and a
        layer 1 <= l <= L.  ``None`` highlights nothing.
    labels : bool
        Write each local derivative next to its highlighted arrow.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Figure
    """
    L = _check_layers(L)
    if target is not None:
        valid = (isinstance(target, tuple) and len(target) == 2 and target[0] in ("w", "b")
                 and isinstance(target[1], (int, np.integer)) and not isinstance(target[1], bool)
                 and 1 <= target[1] <= L)
        if not valid:
            raise ValueError(f"target must be ('w', l) or ('b', l) with an integer "
                             f"1 <= l <= {L}, or None; got {target!r}")
        target = (target[0], int(target[1]))
    check_flag("labels", labels)
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=(2.2 * L + 3.2, 5.0))
    pos = _chain_positions(L)
    _draw_chain(ax, pos, L, target)
    if target is not None and labels:
        _label_path(ax, pos, target, L)
    for l in range(1, L + 1):
        _brace(ax, 2 * l - 1.62, 2 * l + 0.25, -1.1,
               f"layer {l} = {_layer_name(l, L)}\ndependencies")
    if target is not None:
        _backward_arrow(ax, pos, target, L)
    ax.legend(handles=[Patch(facecolor=face, edgecolor="#555555", label=name)
                       for name, face in (("data", DATA), ("parameters", PARAM),
                                          ("computed", VALUE), ("cost", COST))],
              loc="upper center", bbox_to_anchor=(0.5, 0.02), ncol=4, fontsize=10.5,
              frameon=False, handlelength=1.2)
    ax.set_xlim(-0.5, 2 * L + 1.6)
    ax.set_ylim(-2.0, 2.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax.figure


def _chain_positions(L):
    """Node centres: the chain a(0), z(1), a(1), ..., C on a row, w and b above."""
    pos = {("a", 0): (0.0, 0.0), ("C", 0): (2 * L + 1.0, 0.0), ("y", 0): (2 * L + 1.0, 1.3)}
    for l in range(1, L + 1):
        pos["z", l], pos["a", l] = (2 * l - 1.0, 0.0), (2 * l, 0.0)
        pos["w", l], pos["b", l] = (2 * l - 1.45, 1.3), (2 * l - 0.55, 1.3)
    return pos


def _draw_chain(ax, pos, L, target):
    """Arrows first, then the nodes on top; the target's path in orange."""
    start = L + 1 if target is None else target[1]        # first layer on the path
    on = lambda l: l >= start                              # z(l), a(l) on the path
    hot = lambda key: target is not None and key == tuple(target)
    for l in range(1, L + 1):
        _arrow(ax, pos["w", l], pos["z", l], on_path=hot(("w", l)))
        _arrow(ax, pos["b", l], pos["z", l], on_path=hot(("b", l)))
        _arrow(ax, pos["a", l - 1], pos["z", l], on_path=on(l) and l > start)
        _arrow(ax, pos["z", l], pos["a", l], on_path=on(l))
    _arrow(ax, pos["a", L], pos["C", 0], on_path=target is not None)
    _arrow(ax, pos["y", 0], pos["C", 0])
    _node(ax, pos["a", 0], r"$a^{(0)}$", DATA)
    _node(ax, pos["y", 0], r"$y$", DATA)
    _node(ax, pos["C", 0], r"$C$", COST, highlight=target is not None)
    for l in range(1, L + 1):
        _node(ax, pos["w", l], rf"$w^{{({l})}}$", PARAM, hot(("w", l)))
        _node(ax, pos["b", l], rf"$b^{{({l})}}$", PARAM, hot(("b", l)))
        _node(ax, pos["z", l], rf"$z^{{({l})}}$", VALUE, on(l))
        _node(ax, pos["a", l], rf"$a^{{({l})}}$", VALUE, on(l))


def _backward_arrow(ax, pos, target, L):
    """A long arrow above the graph, from C back to the target parameter."""
    x_end, x_start = pos[tuple(target)][0], pos["C", 0][0]
    ax.annotate("", xy=(x_end, 2.15), xytext=(x_start, 2.15),
                arrowprops=dict(arrowstyle="-|>", color=PATH, linewidth=1.8, mutation_scale=15))
    ax.text((x_start + x_end) / 2, 2.25,
            rf"backward pass: from $C$ back to ${target[0]}^{{({target[1]})}}$",
            ha="center", va="bottom", fontsize=12, color=PATH)


def _label_path(ax, pos, target, L):
    """Write d(head)/d(tail) beside every highlighted arrow."""
    kind, lt = target
    style = dict(fontsize=18, color=PATH, ha="center", va="top")
    x_z = pos["z", lt][0]
    ax.text(x_z + (-0.9 if kind == "w" else 0.9), 0.72,
            rf"$\frac{{\partial z^{{({lt})}}}}{{\partial {kind}^{{({lt})}}}}$",
            **{**style, "va": "center"})
    for l in range(lt, L + 1):
        ax.text(pos["z", l][0] + 0.5, -0.2,
                rf"$\frac{{\partial a^{{({l})}}}}{{\partial z^{{({l})}}}}$", **style)
        if l < L:
            ax.text(pos["a", l][0] + 0.5, -0.2,
                    rf"$\frac{{\partial z^{{({l + 1})}}}}{{\partial a^{{({l})}}}}$", **style)
    ax.text(pos["a", L][0] + 0.5, -0.2,
            rf"$\frac{{\partial C}}{{\partial a^{{({L})}}}}$", **style)


def draw_fan_out(n_prev=3, n_out=2, j=0, k=1):
    """Two panels: the one path from w_jk to C, and the n_out paths from a_k to C.

    The left panel explains why eq. ``bp-w`` is a single chain, the right one
    why eq. ``bp-a`` sums over the output neurons j.

    Returns
    -------
    matplotlib Figure
    """
    for name, value, limit in (("n_prev", n_prev, 6), ("n_out", n_out, 6)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 1 <= value <= limit:
            raise ValueError(f"{name} must be an integer from 1 to {limit}, got {value!r}")
    check_int("j", j)
    check_int("k", k)
    if not (0 <= j < n_out and 0 <= k < n_prev):
        raise ValueError(f"need 0 <= j < n_out={n_out} and 0 <= k < n_prev={n_prev}, got j={j}, k={k}")
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.3))
    titles = (rf"$w^{{(L)}}_{{{j}{k}}}$ changes only $z^{{(L)}}_{{{j}}}$: one chain",
              rf"$a^{{(L-1)}}_{{{k}}}$ changes every $z^{{(L)}}_j$: a sum over $j$")
    for panel, (ax, title) in enumerate(zip(axes, titles)):
        prev = {kk: (0.0, (n_prev - 1) / 2 - kk) for kk in range(n_prev)}
        out = {jj: (2.2, (n_out - 1) / 2 - jj) for jj in range(n_out)}
        cost = (4.0, 0.0)
        for kk in range(n_prev):
            for jj in range(n_out):
                hot = kk == k and (jj == j or panel == 1)
                _arrow(ax, prev[kk], out[jj], on_path=hot)
                if hot:      # label near the source, above a rising edge, below a falling one
                    at = 0.62 * np.array(prev[kk]) + 0.38 * np.array(out[jj])
                    up = out[jj][1] >= prev[kk][1]
                    ax.text(at[0], at[1] + (0.14 if up else -0.14), rf"$w_{{{jj}{kk}}}$",
                            color=PATH, fontsize=14, ha="center",
                            va="bottom" if up else "top", zorder=5,
                            bbox=dict(facecolor="white", edgecolor="none", pad=0.5))
        for jj in range(n_out):
            _arrow(ax, out[jj], cost, on_path=(jj == j or panel == 1))
        for kk in range(n_prev):
            _node(ax, prev[kk], rf"$a_{{{kk}}}$", VALUE, highlight=(panel == 1 and kk == k))
        for jj in range(n_out):
            _node(ax, out[jj], rf"$z_{{{jj}}}$", VALUE, highlight=(jj == j or panel == 1))
        _node(ax, cost, r"$C$", COST, highlight=True)
        ax.text(0, -(n_prev - 1) / 2 - 0.65, "layer L\u22121", ha="center", fontsize=12)
        ax.text(2.2, -(n_prev - 1) / 2 - 0.65, "layer L", ha="center", fontsize=12)
        ax.set_title(title, fontsize=12.5)
        ax.set_xlim(-0.6, 4.6)
        ax.set_ylim(-(n_prev - 1) / 2 - 0.9, (n_prev - 1) / 2 + 0.5)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.tight_layout()
    return fig


def plot_operation_counts(hidden_layers, counts, title="Cost of one gradient",
                          reference=None, ax=None):
    """Multiplications per sample against the number of hidden layers (log scale).

    Parameters
    ----------
    hidden_layers : sequence of int, the x values
    counts : dict name -> sequence of numbers, one line per method
    title : str
    reference : str, optional
        Key of ``counts`` drawn as a dashed grey reference line (e.g. the
        cost of one forward pass).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Figure
    """
    hidden_layers = [check_int("hidden_layers[]", h, 0) for h in
                     check_list("hidden_layers", hidden_layers, what="a list of layer counts")]
    for name, values in check_curves("counts", counts, len(hidden_layers)).items():
        if (values <= 0).any():
            raise ValueError(f"counts[{name!r}] must hold counts > 0 (a log axis), got {values.min():g}")
    check_axes(ax)
    if reference is not None and reference not in counts:
        raise ValueError(f"reference must be one of the keys of counts "
                         f"{list(counts)}, got {reference!r}")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.6))
    markers = ["o", "s", "^", "D", "v"]
    colors = ["#7570b3", "#e7298a", "#1b9e77", PATH, "#e6ab02"]
    i = 0
    for name, values in counts.items():
        if name == reference:
            ax.plot(hidden_layers, values, "--", color="#777777", label=name)
            continue
        ax.plot(hidden_layers, values, marker=markers[i % 5], color=colors[i % 5],
                label=name, linewidth=2.4 if colors[i % 5] == PATH else 1.5)
        i += 1
    ax.set_yscale("log")
    ax.set_xticks(list(hidden_layers))
    ax.set_xlabel("number of hidden layers")
    ax.set_ylabel("multiplications")
    ax.set_title(title, fontsize=11)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(frameon=False, fontsize=9.5, loc="center left", bbox_to_anchor=(1.01, 0.5))
    ax.figure.tight_layout()
    return ax.figure


__all__ = ["draw_dependency_graph", "draw_fan_out", "plot_operation_counts"]
