"""Network diagrams: neurons as circles, weights as lines between them.

:func:`draw_network` draws a whole feedforward network, layer 0 (the input)
on the left and layer L (the output) on the right.  Given a
:class:`~nnlib.Network` it colours each weight by its sign (red positive,
blue negative) and sets its width by its size; given an input it also
colours each neuron by its activation a^(l)_j.  :func:`draw_neuron` zooms in
on one neuron, a = sigma(sum_k w_k a_k + b) (eq. ``ff-neuron`` in the
feedforward chapter).

These functions only draw: the activations come from ``net.forward_all``.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize
from matplotlib.lines import Line2D

from ..checks import (check_axes, check_flag, check_int, check_net_or_sizes, check_number,
                      check_vector)

POSITIVE, NEGATIVE = "#d62728", "#1f77b4"   # weight colours: red > 0, blue < 0 (as in the explorers)
NODE_EDGE, NODE_FACE = "#333333", "#f2f2f2"
NODE_SIZE = 520                             # marker area in points^2


# ---- layout --------------------------------------------------------------
def shown_neurons(n, max_neurons):
    """Indices of the neurons drawn for a layer of width ``n``.

    A layer wider than ``max_neurons`` shows its first ``max_neurons - 1``
    neurons and its last one; a gap with a vertical ellipsis stands for the
    rest.
    """
    if n <= max_neurons:
        return list(range(n))
    return list(range(max_neurons - 1)) + [n - 1]


def layer_positions(sizes, max_neurons):
    """(x, y) of every drawn neuron, one ``(idx, xy)`` pair per layer.

    Returns
    -------
    list of (list of int, ndarray of shape (k, 2))
        For layer l: the neuron indices drawn and their coordinates.  Layer l
        sits at x = l; its neurons are centred on y = 0, one unit apart, with
        an extra unit of gap before the last neuron of a truncated layer.
    """
    layout = []
    for l, n in enumerate(sizes):
        idx = shown_neurons(n, max_neurons)
        slots = np.arange(len(idx), dtype=float)
        if len(idx) < n:
            slots[-1] += 1.0                      # room for the ellipsis
        y = slots.mean() - slots
        layout.append((idx, np.column_stack([np.full(len(idx), float(l)), y])))
    return layout


# ---- pieces ----------------------------------------------------------------
def _edges(ax, layout, W):
    """Lines between consecutive layers; coloured and sized by W if given."""
    segments, colors, widths = [], [], []
    scale = max((np.abs(Wl).max() for Wl in W), default=1.0) if W else 1.0
    for l in range(len(layout) - 1):
        (src, p), (dst, q) = layout[l], layout[l + 1]
        for j, qj in zip(dst, q):
            for k, pk in zip(src, p):
                segments.append([pk, qj])
                w = W[l][j, k] if W else 0.0
                colors.append(POSITIVE if w >= 0 else NEGATIVE)
                widths.append(0.4 + 3.6 * abs(w) / scale if W else 0.8)
    if not W:
        colors = ["#999999"] * len(segments)
    ax.add_collection(LineCollection(segments, colors=colors, linewidths=widths,
                                     alpha=0.85, zorder=1))


def _nodes(ax, layout, sizes, activations, cmap, norm, size=NODE_SIZE):
    """Circles for the neurons, filled by activation if given."""
    for l, (idx, xy) in enumerate(layout):
        if activations is None:
            face = NODE_FACE
        else:
            face = cmap(norm(np.asarray(activations[l])[idx]))
        ax.scatter(xy[:, 0], xy[:, 1], s=size, c=face if activations is not None
                   else [face], edgecolors=NODE_EDGE, linewidths=1.2, zorder=3)
        if len(idx) < sizes[l]:                   # truncated layer: ellipsis
            ax.text(l, (xy[-2, 1] + xy[-1, 1]) / 2, "\u22ee", ha="center",
                    va="center", fontsize=16, zorder=3)


def _node_labels(ax, layout, L):
    """Write a^(l)_j inside every drawn neuron."""
    for l, (idx, xy) in enumerate(layout):
        for j, (x, y) in zip(idx, xy):
            ax.text(x, y, f"$a^{{({l})}}_{{{j}}}$", ha="center", va="center",
                    fontsize=10.5, zorder=4)


def _layer_titles(ax, layout, sizes):
    """'input', 'hidden', 'output' above each layer, with l and the width."""
    L = len(sizes) - 1
    top = max(xy[:, 1].max() for _, xy in layout)
    for l, n in enumerate(sizes):
        kind = "input" if l == 0 else "output" if l == L else "hidden"
        ax.text(l, top + 0.9, f"{kind}\nlayer {l}  ({n})", ha="center",
                va="bottom", fontsize=9.5)


def _weight_legend(ax):
    """Legend: blue lines positive weights, orange lines negative."""
    handles = [Line2D([], [], color=POSITIVE, lw=2.5, label="weight > 0"),
               Line2D([], [], color=NEGATIVE, lw=2.5, label="weight < 0")]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0),
              ncol=2, frameon=False, fontsize=9)


# ---- public ----------------------------------------------------------------
def draw_network(net, x=None, ax=None, max_neurons=8, node_labels=None,
                 cmap="Greens", colorbar=True, title=None):
    """Draw a feedforward network: layers left to right, weights as lines.

    Parameters
    ----------
    net : Network or sequence of int
        A :class:`~nnlib.Network` (its ``W`` set the colour and width of each
        line: blue for w > 0, orange for w < 0, thicker for larger |w|), or
        just the layer widths, e.g. ``[2, 3, 1]`` (plain grey lines).
    x : ndarray of shape (sizes[0],), optional
        One input sample.  With a Network, every neuron is filled with its
        activation a^(l)_j from ``net.forward_all`` (layer 0 shows x itself).
    ax : matplotlib Axes, optional
        Where to draw; a new (7, 3.8) figure if None.
    max_neurons : int
        Wider layers are drawn truncated, with a vertical ellipsis.
    node_labels : bool or None
        Write a^(l)_j inside the circles; by default only when no layer is
        wider than 6 and no activations are shown.
    cmap : str
        Colour map for the activations.
    colorbar : bool
        Add a colour bar when activations are shown.
    title : str, optional

    Returns
    -------
    matplotlib Axes
    """
    net = check_net_or_sizes(net)
    sizes = list(getattr(net, "sizes", net))
    W = list(net.W) if hasattr(net, "W") else None
    check_int("max_neurons", max_neurons, 2)
    check_flag("colorbar", colorbar)
    if node_labels is not None:
        check_flag("node_labels", node_labels)
    activations = None
    if x is not None:
        if W is None:
            raise ValueError("draw_network: x needs a Network, not just layer sizes")
        x = check_vector("x", x, size=sizes[0])
        activations = [a[0] for a in net.forward_all(x.reshape(1, -1))[1]]
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=(7, 3.8))
    layout = layer_positions(sizes, max_neurons)
    cmap, norm = plt.get_cmap(cmap), _activation_norm(activations)
    if node_labels is None:
        node_labels = activations is None and max(sizes) <= 6
    _edges(ax, layout, W)
    _nodes(ax, layout, sizes, activations, cmap, norm,
           size=1.8 * NODE_SIZE if node_labels else NODE_SIZE)
    if node_labels:
        _node_labels(ax, layout, len(sizes) - 1)
    _layer_titles(ax, layout, sizes)
    _frame(ax, layout)
    if W is not None:
        _weight_legend(ax)
    if activations is not None and colorbar:
        sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
        ax.figure.colorbar(sm, ax=ax, shrink=0.7, pad=0.02, label="activation $a$")
    if title:
        ax.set_title(title, pad=4)
    return ax


def _activation_norm(activations):
    """0..1 for sigmoid-like activations, else the range of the values."""
    if activations is None:
        return Normalize(0.0, 1.0)
    values = np.concatenate([np.ravel(a) for a in activations])
    lo, hi = float(values.min()), float(values.max())
    if lo >= 0.0 and hi <= 1.0:
        return Normalize(0.0, 1.0)
    return Normalize(lo, hi if hi > lo else lo + 1.0)


def _frame(ax, layout):
    """Limits that fit every neuron and title; no axes or ticks."""
    ys = np.concatenate([xy[:, 1] for _, xy in layout])
    ax.set_xlim(-0.5, len(layout) - 0.5)
    ax.set_ylim(ys.min() - 0.7, ys.max() + 2.0)
    ax.axis("off")


def draw_neuron(a, w, b, output=None, ax=None, activation=r"\sigma"):
    """Draw one neuron: inputs a_k, weights w_k, the sum plus b, and its output.

    Parameters
    ----------
    a : array_like of shape (n,)
        The incoming activations a_1, ..., a_n.
    w : array_like of shape (n,)
        The weights w_1, ..., w_n on the incoming lines.
    b : float
        The neuron's bias.
    output : float, optional
        The neuron's activation, written on the outgoing line (compute it with
        nnlib; this function does no arithmetic).
    ax : matplotlib Axes, optional
        Where to draw; a new (7, 3) figure if None.
    activation : str
        LaTeX symbol of the activation function written in the neuron.

    Returns
    -------
    matplotlib Axes
    """
    a, w = check_vector("a", np.ravel(a)), check_vector("w", np.ravel(w))
    if a.shape != w.shape:
        raise ValueError(f"draw_neuron: a and w must have the same length, got "
                         f"{a.size} and {w.size}")
    b = check_number("b", b)
    if output is not None:
        output = check_number("output", output)
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=(7, 3))
    n = a.size
    ys = (n - 1) / 2 - np.arange(n) * 1.0
    scale = max(np.abs(w).max(), 1e-12)
    for k, (ak, wk, y) in enumerate(zip(a, w, ys), 1):
        color = POSITIVE if wk >= 0 else NEGATIVE
        ax.plot([0, 2], [y, 0], color=color, lw=0.8 + 3.2 * abs(wk) / scale, zorder=1)
        ax.scatter([0], [y], s=NODE_SIZE, c=[NODE_FACE], edgecolors=NODE_EDGE, zorder=3)
        ax.text(-0.3, y, f"$a_{k} = {ak:g}$", ha="right", va="center", fontsize=10)
        ax.text(0.9, y * 0.55 + 0.12, f"$w_{k} = {wk:g}$", ha="center", va="bottom",
                fontsize=9.5, color=color)
    ax.scatter([2], [0], s=4 * NODE_SIZE, c=[NODE_FACE], edgecolors=NODE_EDGE, zorder=3)
    ax.text(2, 0, f"$\\Sigma$, ${activation}$", ha="center", va="center", fontsize=10, zorder=4)
    ax.text(2, -0.6, f"$b = {b:g}$", ha="center", va="top", fontsize=10)
    ax.annotate("", xy=(3.3, 0), xytext=(2.35, 0),
                arrowprops=dict(arrowstyle="->", lw=1.5, color=NODE_EDGE))
    out = "$a$" if output is None else f"$a = {output:.4f}$"
    ax.text(3.4, 0, out, ha="left", va="center", fontsize=11)
    ax.set_xlim(-1.6, 4.6)
    ax.set_ylim(ys.min() - 0.8, ys.max() + 0.6)
    ax.axis("off")
    return ax
