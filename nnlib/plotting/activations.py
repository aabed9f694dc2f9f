"""Pictures of activation functions g(z), their derivatives g'(z), and z itself.

Every curve is evaluated by :data:`nnlib.ACTIVATIONS` (the same functions the
network uses); these functions only draw.  The feedforward chapter uses them
for the activation overview (eqs. ``ff-act-*``), the effect of the bias, and
the z values that raw and scaled inputs produce.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from ..activations import ACTIVATIONS, get_activation
from ..checks import (check_axes, check_flag, check_list, check_number, check_positive,
                      check_real_array, check_vector)

G_COLOR, G_PRIME_COLOR = "#1f77b4", "#d62728"
TITLES = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
          "leaky_relu": "leaky ReLU", "softplus": "softplus", "identity": "identity"}
SYMBOLS = {"sigmoid": r"\sigma", "tanh": r"\tanh"}


def _break_jumps(y, jump=0.5):
    """A copy of y with NaN where it jumps, so a step is not drawn as a wall."""
    y = np.array(y, dtype=float)
    y[1:][np.abs(np.diff(y)) > jump] = np.nan
    return y


def _axes(ax, figsize=(7, 3.5)):
    """``ax``, or the axes of a new figure."""
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _zero_lines(ax):
    """Thin grey axes through the origin."""
    ax.axhline(0, color="#888888", lw=0.7, zorder=0)
    ax.axvline(0, color="#888888", lw=0.7, zorder=0)


def plot_activation(name, ax=None, z=None, derivative=True):
    """Plot one activation g(z) and, dashed, its derivative g'(z).

    Parameters
    ----------
    name : str
        A key of :data:`nnlib.ACTIVATIONS`, e.g. ``"tanh"``.
    ax : matplotlib Axes, optional
    z : ndarray of shape (k,), optional
        Where to evaluate; by default 401 points on [-4, 4].
    derivative : bool
        Also plot g'(z).

    Returns
    -------
    matplotlib Axes
    """
    act = get_activation(name)
    z = np.linspace(-4, 4, 401) if z is None else check_vector("z", z)
    check_flag("derivative", derivative)
    ax = _axes(ax)
    _zero_lines(ax)
    ax.plot(z, act.g(z), color=G_COLOR, lw=2, label="$g(z)$")
    if derivative:
        ax.plot(z, _break_jumps(act.g_prime(z)), color=G_PRIME_COLOR, lw=1.6, ls="--",
                label="$g'(z)$")
    ax.set_title(TITLES.get(act.name, act.name))
    ax.set_xlabel("$z$")
    ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))
    ax.grid(alpha=0.3)
    return ax


def plot_activations(names=None, z=None, ncols=3, figsize=None):
    """A grid with one panel per activation, each showing g and g'.

    Parameters
    ----------
    names : list of str, optional
        Which activations; all of :data:`nnlib.ACTIVATIONS` by default.
    z : ndarray, optional
        Where to evaluate (see :func:`plot_activation`).
    ncols : int
        Panels per row.
    figsize : tuple, optional
        Defaults to 2.5 inches wide per column and 2.3 high per row.

    Returns
    -------
    matplotlib Figure
    """
    names = list(ACTIVATIONS) if names is None else [
        get_activation(n).name for n in check_list("names", names, what="a list of activation names")]
    check_positive("ncols", ncols, integer=True)
    nrows = -(-len(names) // ncols)
    figsize = figsize or (2.5 * ncols, 2.3 * nrows + 0.4)
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize, squeeze=False)
    for ax, name in zip(axes.flat, names):
        plot_activation(name, ax=ax, z=z)
    for ax in axes.flat[len(names):]:
        ax.set_visible(False)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=2, frameon=False)
    fig.tight_layout(rect=(0, 0, 1, 0.94))
    return fig


def plot_neuron_response(params, x=None, ax=None, activation="sigmoid"):
    """Curves a = g(w x + b) of a one-input neuron, one per ``(w, b)`` pair.

    The dot on each curve marks where w x + b = 0, at x = -b / w: for a
    sigmoid that is where the neuron is half on, a = 0.5.  The bias slides
    the curve along x; the weight sets how steep it is and which way it faces.

    Parameters
    ----------
    params : sequence of (float, float)
        The (w, b) of each curve; every w must be non-zero.
    x : ndarray of shape (k,), optional
        Inputs; by default 401 points on [-6, 6].
    ax : matplotlib Axes, optional
    activation : str
        A key of :data:`nnlib.ACTIVATIONS`.

    Returns
    -------
    matplotlib Axes
    """
    params = [tuple(check_vector(f"params[{i}]", p, size=2))
              for i, p in enumerate(check_list("params", params, what="a list of (w, b) pairs"))]
    for w, b in params:
        if w == 0:
            raise ValueError(f"plot_neuron_response: every w must be non-zero, got w = 0 "
                             f"(with b = {b:g})")
    g = get_activation(activation).g
    x = np.linspace(-6, 6, 401) if x is None else check_vector("x", x)
    ax = _axes(ax)
    colors = plt.get_cmap("viridis")(np.linspace(0.0, 0.85, len(params)))
    for (w, b), color in zip(params, colors):
        ax.plot(x, g(w * x + b), color=color, lw=2, label=f"$w = {w:g},\\ b = {b:g}$")
        x0 = -b / w
        if x.min() <= x0 <= x.max():
            ax.plot([x0], g(np.array([0.0])), "o", color=color, ms=6)
    symbol = SYMBOLS.get(get_activation(activation).name, "g")
    ax.set_xlabel("input $x$")
    ax.set_ylabel(f"$a = {symbol}(w x + b)$")
    ax.grid(alpha=0.3)
    ax.legend(frameon=False, fontsize=8.5, loc="upper left")
    return ax


def plot_bias_shift(biases, w=1.0, x=None, ax=None, activation="sigmoid"):
    """Curves g(w x + b) for one weight ``w`` and several ``biases``.

    Same as :func:`plot_neuron_response` with the pairs (w, b) for each b.
    """
    w = check_number("w", w)
    biases = check_list("biases", biases, what="a list of numbers")
    return plot_neuron_response([(w, check_number("biases[]", b)) for b in biases], x=x, ax=ax,
                                activation=activation)


def _values(name, z):
    """Any array of finite numbers, flattened; at least one value."""
    z = check_real_array(name, z).ravel()
    return check_vector(name, z)


def sensitive_band(activation="sigmoid", threshold=0.01, z=None):
    """The interval of z where g'(z) >= ``threshold``, found on a grid.

    Returns ``(lo, hi)``, or ``None`` if g' never reaches the threshold.
    """
    check_positive("threshold", threshold)
    z = np.linspace(-20, 20, 40001) if z is None else check_vector("z", z)
    ok = z[get_activation(activation).g_prime(z) >= threshold]
    return (float(ok.min()), float(ok.max())) if ok.size else None


def plot_z_histograms(zs, labels, ax=None, bins=60, activation="sigmoid",
                      threshold=0.01):
    """Histograms of z values, over a shaded band where g'(z) >= threshold.

    Outside the band a sigmoid neuron is *saturated*: its output barely
    moves when z moves, so its gradient is tiny and it learns slowly.

    Parameters
    ----------
    zs : list of ndarray
        Collections of z values (any shape; they are flattened).
    labels : list of str
        One legend entry per collection.
    ax : matplotlib Axes, optional
    bins : int
    activation : str
        Whose derivative defines the band.
    threshold : float

    Returns
    -------
    matplotlib Axes
    """
    flat = [_values(f"zs[{i}]", z) for i, z in enumerate(check_list("zs", zs, what="a list of arrays"))]
    labels = check_list("labels", labels, what="a list of labels, one per array of zs")
    if len(labels) != len(flat):
        raise ValueError(f"labels must have one entry per array of zs ({len(flat)}), got {len(labels)}")
    check_positive("bins", bins, integer=True)
    ax = _axes(ax)
    edges = np.histogram_bin_edges(np.concatenate(flat), bins=bins)
    band = sensitive_band(activation, threshold)
    if band is not None:
        ax.axvspan(*band, color="#2ca02c", alpha=0.12,
                   label=f"$g'(z) \\geq {threshold:g}$")
    colors = ["#7f7f7f", "#1f77b4", "#ff7f0e", "#9467bd"]
    for z, label, color in zip(flat, labels, colors * len(flat)):
        ax.hist(z, bins=edges, density=True, histtype="stepfilled", alpha=0.55,
                color=color, label=label)
    ax.set_xlabel("$z$")
    ax.set_ylabel("density")
    ax.legend(frameon=False, fontsize=9)
    ax.grid(alpha=0.3)
    return ax
