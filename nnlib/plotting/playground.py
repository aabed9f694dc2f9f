"""Static pictures of a trained Playground: the output over the plane behind the points.

The same picture as the live Playground's big heatmap (``nnlib/explorers/playground_svg.py``),
drawn with matplotlib for the book's figures: blue for class 0 (or low values), white
at a = 0.5 (the decision boundary of a sigmoid output), orange for class 1 (or high),
paler than the points drawn over it.  Training points are filled, test points ringed.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap

from ..features import transform
from ..planar import EXTENT

LOW, MID, HIGH = "#1f77b4", "#ffffff", "#f28e2b"
CMAP = LinearSegmentedColormap.from_list("playground", [LOW, MID, HIGH])
BACKDROP = 0.6            # the heatmap goes 60% of the way to full colour; the points go all the way


def plot_boundary(net, features, points, Y, points_test=None, Y_test=None, regression=False,
                  ax=None, title=None, grid=120):
    """The network's output over the plane [-EXTENT, EXTENT]^2 as a heatmap, with the points.

    Parameters
    ----------
    net : Network whose inputs are ``features`` of a point of the plane
    features : list of feature names (see :mod:`nnlib.features`)
    points, Y : training points of shape (n, 2) and their targets (n, 1)
    points_test, Y_test : test points and targets (drawn ringed), optional
    regression : bool; if True the colours span -1..1 of the output, else 0..1
    ax : matplotlib Axes, optional;  title : str, optional
    grid : int, heatmap cells per side

    Returns
    -------
    The Axes.
    """
    ax = ax or plt.subplots(figsize=(3.2, 3.2))[1]
    c = np.linspace(-EXTENT, EXTENT, grid)
    x1, x2 = np.meshgrid(c, c)
    with np.errstate(all="ignore"):
        out = net.forward(transform(np.column_stack([x1.ravel(), x2.ravel()]), features))
    lo, hi = (-1.0, 1.0) if regression else (0.0, 1.0)
    mid, half = (lo + hi) / 2, (hi - lo) / 2 / BACKDROP
    ax.imshow(out.reshape(grid, grid), origin="lower", extent=(-EXTENT, EXTENT, -EXTENT, EXTENT),
              cmap=CMAP, vmin=mid - half, vmax=mid + half, interpolation="bilinear")
    for P, T, ring in ((points, Y, False), (points_test, Y_test, True)):
        if P is None:
            continue
        ax.scatter(P[:, 0], P[:, 1], c=T[:, 0], cmap=CMAP, vmin=lo, vmax=hi, s=12 if ring else 14,
                   edgecolors="#1f2328" if ring else "white", linewidths=0.9 if ring else 0.5)
    ax.set(xlim=(-EXTENT, EXTENT), ylim=(-EXTENT, EXTENT), xticks=[-3, 0, 3], yticks=[-3, 0, 3],
           aspect="equal")
    ax.set_xlabel("$x_1$", labelpad=-2)
    ax.set_ylabel("$x_2$", labelpad=-4)
    if title:
        ax.set_title(title, fontsize=10)
    return ax
