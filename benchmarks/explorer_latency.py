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
    """n values across a control's range, each one a real move (never a no-op)."""
    if getattr(control, "options", None):
        options = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return [options[i % len(options)] for i in range(n)]
    if hasattr(control, "base"):                       # FloatLogSlider: exponents
        grid = control.base ** np.arange(control.min, control.max + control.step / 2, control.step)
    else:
        grid = np.arange(control.min, control.max + control.step / 2, control.step)
    picks = grid[np.linspace(0, len(grid) - 1, min(n, len(grid))).round().astype(int)]
    return [type(control.value)(v) for v in picks]


def explorer_times(explorer, moves_per_control=20):
    times = []
    for control in explorer.controls.values():
        for value in positions(control, moves_per_control):
            if value == control.value:
                continue
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


def main(repeats=5):
    built = {}
    for name in explorers.__all__:
        if name == "Playground":              # trains live: benchmarks/playground_speed.py
            continue
        start = time.perf_counter()
        built[name] = getattr(explorers, name)()
        built[name] = (built[name], time.perf_counter() - start)
    p = {name: [] for name in [*built, "interact + new figure"]}
    for _ in range(repeats):                          # interleaved repeats
        for name, (explorer, _) in built.items():
            p[name].append(np.percentile(explorer_times(explorer), [50, 95]))
        p["interact + new figure"].append(np.percentile(naive_interact_times(), [50, 95]))
    med = {name: np.median(v, axis=0) for name, v in p.items()}
    b95 = med["interact + new figure"][1]
    print(f"control change -> new picture, medians over {repeats} interleaved repeats")
    print(f"{'explorer':<22} {'build s':>8} {'p50 ms':>8} {'p95 ms':>8} {'baseline p95 / p95':>20}")
    for name, (_, build) in built.items():
        p50, p95 = med[name]
        print(f"{name:<22} {build:>8.2f} {p50:>8.2f} {p95:>8.2f} {b95 / p95:>19.0f}x")
    b50, b95 = med["interact + new figure"]
    print(f"{'interact + new figure':<22} {'':>8} {b50:>8.2f} {b95:>8.2f}")


if __name__ == "__main__":
    main()
