"""Figures for training: learning curves, digit images, mistakes, the loop itself.

* :func:`plot_history` -- cost and accuracy per epoch from a
  :class:`~nnlib.History` (several runs can share one figure);
* :func:`plot_digits` -- a grid of 8x8 digit images with optional titles;
* :func:`plot_misclassified` -- the images a network got wrong, titled
  "predicted / true";
* :func:`plot_confusion_matrix` -- a table of counts, true class against
  predicted class;
* :func:`draw_training_loop` -- the training algorithm as a flow diagram
  (initialise once, then loop over epochs and mini-batches), numbered like the
  steps of the "Putting it into steps" chapter.

These functions only draw: histories come from :func:`nnlib.sgd`,
predictions from ``net.predict``, and the confusion matrix is counted by the
caller.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..checks import check_axes, check_finite, check_labels, check_positive, check_real_array

TRAIN_STYLE = {"linestyle": "-", "marker": None}
VAL_STYLE = {"linestyle": "--", "marker": None}
WRONG = "#c0392b"          # titles of misclassified images
STEP_FACE = "#eaf2fb"      # boxes of the loop diagram
STEP_EDGE = "#1f77b4"
LOOP_EDGE = "#7f7f7f"


# ---- learning curves -------------------------------------------------------
def plot_history(history, axes=None, label=None, color="C0", val_name="validation"):
    """Cost (left) and accuracy (right) after each epoch.

    Training values are drawn solid, validation values dashed.  Call it again
    with the returned ``axes`` and another ``label`` and ``color`` to overlay
    a second run.

    Parameters
    ----------
    history : nnlib.History
        Or any object with lists ``cost``, ``accuracy``, ``val_cost`` and
        ``val_accuracy`` (one value per epoch; the ``val_`` lists may be empty).
    axes : pair of matplotlib Axes, optional
        Where to draw; a new (9, 3.5) figure when None.
    label : str, optional
        Name of the run, put in front of "training" and ``val_name`` in the
        legend.
    color : matplotlib colour
    val_name : str
        What the validation data is called in the legend (e.g. "test").

    Returns
    -------
    axes : ndarray of two Axes
    """
    for name in ("cost", "accuracy", "val_cost", "val_accuracy"):
        if not hasattr(history, name):
            raise TypeError(f"history must have lists cost, accuracy, val_cost and "
                            f"val_accuracy (an nnlib.History), got {type(history).__name__} "
                            f"without {name!r}")
    if len(history.cost) == 0:
        raise ValueError("history is empty: train for at least one epoch before plotting")
    if axes is not None and (len(axes) != 2 or not all(check_axes(ax, "axes[]") for ax in axes)):
        raise TypeError(f"axes must be a pair of matplotlib Axes (what plot_history returned), "
                        f"got {axes!r:.60}")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(9, 3.5), constrained_layout=True)
    prefix = f"{label}, " if label else ""
    for ax, key, title in zip(axes, ("cost", "accuracy"),
                              ("cost (MSE) after each epoch", "accuracy after each epoch")):
        _curve(ax, getattr(history, key), color, f"{prefix}training", TRAIN_STYLE)
        _curve(ax, getattr(history, "val_" + key), color, f"{prefix}{val_name}", VAL_STYLE)
        ax.set_xlabel("epoch")
        ax.set_title(title)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    axes[0].set_ylabel("cost $C$")
    axes[1].set_ylabel("fraction correct")
    return axes


def _curve(ax, values, color, label, style):
    if len(values):
        epochs = np.arange(1, len(values) + 1)
        ax.plot(epochs, values, color=color, label=label, lw=1.8, **style)


# ---- digit images ----------------------------------------------------------
def _images(X):
    """Rows of X (n, k*k) as square images (n, k, k), with a clear error otherwise."""
    X = check_finite("X", check_real_array("X", X))
    if X.ndim == 1:
        X = X.reshape(1, -1)
    side = int(round(np.sqrt(X.shape[1]))) if X.ndim == 2 else 0
    if X.ndim != 2 or side * side != X.shape[1] or X.shape[0] == 0:
        raise ValueError(f"X must hold one flattened square image per row, e.g. shape "
                         f"(n, 64) for 8x8 digits, got shape {X.shape}")
    return X.reshape(-1, side, side)


def plot_digits(X, titles=None, ncols=10, title_color="black", suptitle=None, scale=0.9):
    """A grid of digit images, one per row of ``X``.

    Parameters
    ----------
    X : ndarray of shape (n, 64)
        Flattened 8x8 images with pixels in [0, 1] (dark = 1); any square
        size works, e.g. (n, 784) for 28x28 images.
    titles : sequence of n str or int, optional
        A small title above each image (e.g. its label).
    ncols : int
        Images per row of the grid.
    title_color : matplotlib colour, or a sequence of n colours
    suptitle : str, optional
        A title for the whole figure.
    scale : float
        Inches per image.

    Returns
    -------
    fig : matplotlib Figure
    """
    images = _images(X)
    n = len(images)
    check_positive("ncols", ncols, integer=True)
    check_positive("scale", scale)
    if titles is not None and len(titles) != n:
        raise ValueError(f"titles must have one entry per image ({n}), got {len(titles)}")
    colors = [title_color] * n if isinstance(title_color, str) else list(title_color)
    if len(colors) != n:
        raise ValueError(f"title_color must be one colour or one per image ({n}), got {len(colors)}")
    ncols = min(ncols, n)
    nrows = -(-n // ncols)
    lines = max(str(t).count("\n") + 1 for t in titles) if titles is not None else 0
    extra = 0.2 * lines
    fig, axes = plt.subplots(nrows, ncols, squeeze=False,
                             figsize=(scale * ncols, (scale + extra) * nrows + (0.4 if suptitle else 0)))
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i < n:
            ax.imshow(images[i], cmap="gray_r", vmin=0.0, vmax=1.0, interpolation="nearest")
            if titles is not None:
                ax.set_title(str(titles[i]), fontsize=9, color=colors[i], pad=3)
    if suptitle:
        fig.suptitle(suptitle, fontsize=11)
    fig.tight_layout(pad=0.3, h_pad=0.4, w_pad=0.2)
    return fig


def plot_misclassified(X, y_true, y_pred, max_images=40, ncols=10):
    """The images whose predicted class differs from the true one, in data order.

    Each image is titled with the network's answer over the true label, e.g.
    "said 3" above "is 8".

    Parameters
    ----------
    X : ndarray of shape (n, 64)
    y_true, y_pred : int arrays of shape (n,)
    max_images : int
        Draw at most this many (the first ones, in data order).
    ncols : int

    Returns
    -------
    fig : matplotlib Figure, or None when nothing is misclassified
    """
    y_true, y_pred = check_labels(y_true, name="y_true"), check_labels(y_pred, name="y_pred")
    check_positive("max_images", max_images, integer=True)
    images = _images(X)
    if not (len(y_true) == len(y_pred) == len(images)):
        raise ValueError(f"X, y_true and y_pred must have the same length, got "
                         f"{len(images)}, {len(y_true)} and {len(y_pred)}")
    wrong = np.flatnonzero(y_true != y_pred)[:max_images]
    if len(wrong) == 0:
        return None
    titles = [f"said {p}\nis {t}" for p, t in zip(y_pred[wrong], y_true[wrong])]
    return plot_digits(images[wrong].reshape(len(wrong), -1), titles, ncols=ncols,
                       title_color=WRONG,
                       suptitle="misclassified images: what the network said, what it is")


def plot_confusion_matrix(C, ax=None, labels=None, title="confusion matrix (test set)"):
    """Counts ``C[i, j]`` of samples of true class i predicted as class j.

    The diagonal (correct answers) is shaded blue, the mistakes red; every
    non-zero count is written in its cell.

    Parameters
    ----------
    C : int array of shape (k, k)
    ax : matplotlib Axes, optional
    labels : sequence of k labels, optional (default 0..k-1)
    title : str

    Returns
    -------
    ax : matplotlib Axes
    """
    C = check_finite("C", check_real_array("C", C))
    if C.ndim != 2 or C.shape[0] != C.shape[1] or C.size == 0:
        raise ValueError(f"C must be a square matrix of counts, got shape {C.shape}")
    if (C < 0).any() or (C != np.round(C)).any():
        raise ValueError(f"C must hold counts (whole numbers >= 0), got {C[(C < 0) | (C != np.round(C))][0]}")
    C = C.astype(int)
    k = C.shape[0]
    labels = list(range(k)) if labels is None else list(labels)
    if len(labels) != k:
        raise ValueError(f"labels must have one entry per class ({k}), got {len(labels)}")
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=(4.8, 4.4), constrained_layout=True)
    diag = np.where(np.eye(k, dtype=bool), C, 0)
    off = np.where(np.eye(k, dtype=bool), 0, C)
    ax.imshow(np.ma.masked_equal(diag, 0), cmap="Blues", vmin=0, vmax=max(C.max(), 1) * 1.3)
    ax.imshow(np.ma.masked_equal(off, 0), cmap="Reds", vmin=0, vmax=max(off.max(), 1) * 1.6)
    for i in range(k):
        for j in range(k):
            if C[i, j]:
                ax.text(j, i, str(C[i, j]), ha="center", va="center", fontsize=8,
                        color="white" if i == j else "black",
                        fontweight="bold" if i != j else "normal")
    ax.set_xticks(range(k), labels)
    ax.set_yticks(range(k), labels)
    ax.set_xticks(np.arange(-0.5, k), minor=True)
    ax.set_yticks(np.arange(-0.5, k), minor=True)
    ax.grid(which="minor", color="#dddddd", lw=0.6)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title(title)
    return ax


# ---- the algorithm as a diagram ------------------------------------------------
def _box(ax, x, y, w, h, text, face=STEP_FACE, edge=STEP_EDGE, size=9.5):
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h,
                                boxstyle="round,pad=0.02,rounding_size=0.08",
                                fc=face, ec=edge, lw=1.4))
    ax.text(x, y, text, ha="center", va="center", fontsize=size, linespacing=1.5)


def _frame(ax, x0, y0, x1, y1, label, align="left"):
    ax.add_patch(FancyBboxPatch((x0, y0), x1 - x0, y1 - y0,
                                boxstyle="round,pad=0.02,rounding_size=0.15",
                                fc="none", ec=LOOP_EDGE, lw=1.2, ls="--"))
    x = x0 + 0.12 if align == "left" else x1 - 0.12
    ax.text(x, y1 - 0.08, label, ha=align, va="top", fontsize=10,
            color="#444444", style="italic")


def _arrow(ax, *points, color="#333333"):
    """A line through ``points`` ending in an arrowhead (right angles only)."""
    xs, ys = zip(*points)
    if len(points) > 2:
        ax.plot(xs[:-1], ys[:-1], color=color, lw=1.3, solid_capstyle="butt")
    ax.add_patch(FancyArrowPatch(points[-2], points[-1], arrowstyle="-|>",
                                 mutation_scale=12, color=color, lw=1.3,
                                 shrinkA=0, shrinkB=0))


def draw_training_loop(ax=None):
    """The training algorithm as a flow diagram with numbered steps.

    Step 1 (initialise) sits outside both loops.  The epoch loop holds step 2
    (shuffle and cut into mini-batches), the mini-batch loop and step 7
    (measure).  The mini-batch loop is drawn as a cycle: 3 forward pass, 4
    output error, 5 backpropagation, 6 update, and back to 3.

    Returns
    -------
    ax : matplotlib Axes
    """
    if check_axes(ax) is None:
        _, ax = plt.subplots(figsize=(6.6, 5.4), constrained_layout=True)
    ax.set_xlim(0.0, 10.25)
    ax.set_ylim(0.3, 8.45)
    ax.set_aspect("equal")
    ax.set_axis_off()
    h, w = 1.0, 2.5
    left, right, top, upper, lower = 4.9, 8.0, 7.3, 5.3, 3.1
    # step 1, before any loop
    _box(ax, 1.5, top, 2.5, h, "1  initialise $\\mathbf{W}$, $\\mathbf{b}$\n(once)",
         face="#fff4e0", edge="#e08a00", size=10.5)
    w2 = 2.9                                   # step 2 needs a wider box
    _arrow(ax, (2.75, top), (left - w2 / 2, top))
    # the epoch loop: step 2, the mini-batch loop, step 7
    _frame(ax, 3.15, 0.5, 10.1, 8.35, "for each epoch")
    _box(ax, left, top, w2, h, "2  shuffle the rows,\ncut into mini-batches", size=10.5)
    _frame(ax, 3.4, 2.2, 9.5, 6.3, "for each mini-batch", align="right")
    _box(ax, left, upper, w, h, "3  forward pass\n$\\mathbf{a}^{(l)}=\\sigma(\\mathbf{z}^{(l)})$",
         size=10.5)
    _box(ax, right, upper, w, h, "4  output error\n$\\delta^{(L)}$", size=10.5)
    _box(ax, right, lower, w, h, "5  backpropagate\n$\\delta^{(l-1)}$, gradients", size=10.5)
    _box(ax, left, lower, w, h, "6  update\n$w \\leftarrow w-\\eta\\,\\partial C/\\partial w$",
         size=10.5)
    _arrow(ax, (left, top - h / 2), (left, upper + h / 2))
    _arrow(ax, (left + w / 2, upper), (right - w / 2, upper))
    _arrow(ax, (right, upper - h / 2), (right, lower + h / 2))
    _arrow(ax, (right - w / 2, lower), (left + w / 2, lower))
    _arrow(ax, (left, lower + h / 2), (left, upper - h / 2), color=STEP_EDGE)
    ax.text(left + 0.15, (upper + lower) / 2, "next mini-batch", ha="left", va="center",
            fontsize=9.5, color=STEP_EDGE)
    # step 7 when the mini-batches run out, then the next epoch
    _box(ax, 6.45, 1.2, 4.0, 0.7, "7  measure cost and accuracy", size=10.5)
    _arrow(ax, (6.45, 2.2), (6.45, 1.55))
    _arrow(ax, (8.45, 1.2), (9.8, 1.2), (9.8, top), (left + w2 / 2, top), color=LOOP_EDGE)
    ax.text(8.0, top + 0.08, "next epoch", ha="center", va="bottom", fontsize=9.5,
            color=LOOP_EDGE)
    return ax
