"""Explorer latency: a control change to the redrawn picture, vs `interact` + a new figure.

Run with ``make bench``.  For each explorer every control is moved through
positions across its range, programmatically, and the time from setting
``control.value`` to the new SVG being in place is recorded.  The baseline,
measured in the same run, is what most notebook books do: an ``interact``
callback that builds a new matplotlib figure of the same neuron curve and
renders it to PNG on every move.  Prints p50 / p95 in ms and the ratio.
"""
import io
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import nnlib.explorers as explorers  # noqa: E402
from nnlib import curve  # noqa: E402


def positions(control, n):
    """n values spread over a control's range (options: cycle through them)."""
    if hasattr(control, "options") and getattr(control, "options", None):
        options = list(control.options)
        opts = [o[1] if isinstance(o, tuple) else o for o in options]
        return [opts[i % len(opts)] for i in range(n)]
    return list(np.linspace(control.min, control.max, n)) if not hasattr(control, "base") \
        else list(control.base ** np.linspace(control.min, control.max, n))


def explorer_times(explorer, moves_per_control=20):
    times = []
    for control in explorer.controls.values():
        for value in positions(control, moves_per_control):
            start = time.perf_counter()
            control.value = value
            times.append(time.perf_counter() - start)
    explorer.reset()
    return np.array(times) * 1e3


def naive_interact_times(moves=60):
    """A new figure per move, rendered to PNG, as interact + inline plotting does."""
    X, Y = curve()
    xs = np.linspace(0, 1, 121)
    times = []
    for w in np.linspace(-10, 10, moves):
        start = time.perf_counter()
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.plot(X[:, 0], Y[:, 0], "o")
        ax.plot(xs, 1 / (1 + np.exp(-(w * xs))))
        ax.set_title(f"mse = {np.mean((1 / (1 + np.exp(-w * X[:, 0])) - Y[:, 0]) ** 2):.4f}")
        fig.savefig(io.BytesIO(), format="png")
        plt.close(fig)
        times.append(time.perf_counter() - start)
    return np.array(times) * 1e3


def main():
    rows = []
    for name in explorers.__all__:
        start = time.perf_counter()
        explorer = getattr(explorers, name)()
        build = time.perf_counter() - start
        t = explorer_times(explorer)
        rows.append((name, build, t))
    base = naive_interact_times()
    b50, b95 = np.percentile(base, [50, 95])
    print(f"{'explorer':<22} {'build s':>8} {'p50 ms':>8} {'p95 ms':>8} {'baseline p95 / p95':>20}")
    for name, build, t in rows:
        p50, p95 = np.percentile(t, [50, 95])
        print(f"{name:<22} {build:>8.2f} {p50:>8.2f} {p95:>8.2f} {b95 / p95:>19.0f}x")
    print(f"{'interact + new figure':<22} {'':>8} {b50:>8.2f} {b95:>8.2f}")


if __name__ == "__main__":
    main()
