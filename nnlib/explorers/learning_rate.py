"""LearningRateExplorer: gradient descent with a learning-rate slider.

Two costs, both the MSE (eq. ``mse``) of a linear neuron a = w . x with no
bias (``Network([d, 1], activation="identity")`` with b = 0), on one small
data set whose two features have different scales:

* one weight: the neuron sees feature x1 only, so C(w) is a parabola with
  curvature k = C''(w) = 2 mean(x1^2);
* two weights: the neuron sees both features, so C(w1, w2) is an elongated
  bowl whose curvatures (the eigenvalues of its Hessian) differ as the
  squared scales of the features do.

Every point, cost and gradient comes from nnlib (``net.cost``,
``net.backprop``); the steps are :func:`nnlib.descent.gradient_descent`
(eq. ``gd-step``) and the regime names come from :func:`nnlib.descent.regime`.
All runs, one per eta on the slider's grid, are computed when the explorer is
built; moving a slider only looks them up, in Python and in the page alike.
"""
import numpy as np

from ..checks import check_number, check_pair, check_positive, check_seed, check_together, check_vector
from ..descent import gradient_descent, regime
from ..network import Network
from .base import Explorer
from .controls import Control
from .svg import COLORS, LogPlot, Plot, _halo_text, contour_lines, figure

ETA_EXPONENTS = (-3.0, 1.0, 0.05)      # eta = 10^-3 ... 10^1 in steps of 0.05 decade
N_CURVE, N_GRID = 81, 41                # points on the parabola; contour grid per side
MAX_STEPS = 100                         # keeps the page's data under 1 MB
REGIME_COLORS = {"converges": "#1a7f37", "converges slowly": "#9a6700",
                 "oscillates": "#bc4c00", "diverges": "#b42318"}
LINE_1D, LINE_2D = COLORS["model"], COLORS["data"]


def two_scales(n=20, ratio=3.0, noise=0.1, seed=0):
    """A small regression set whose second feature is ``ratio`` times smaller.

    x1 is uniform on [-1, 1]; x2 is made orthogonal to x1 (so the two
    weights' curvatures are exactly the two scales squared) and scaled to
    1/ratio of x1's root mean square; y = 2 x1 - x2 + noise.

    Returns X of shape (n, 2) and Y of shape (n, 1).
    """
    check_positive("n", n, integer=True)
    check_positive("ratio", ratio)
    check_positive("noise", noise, allow_zero=True)
    rng = np.random.default_rng(check_seed(seed))
    x1 = rng.uniform(-1.0, 1.0, n)
    r = rng.uniform(-1.0, 1.0, n)
    r -= (r @ x1) / (x1 @ x1) * x1
    x2 = r * np.sqrt(np.mean(x1 ** 2) / np.mean(r ** 2)) / ratio
    y = 2.0 * x1 - x2 + noise * rng.normal(size=n)
    return np.column_stack([x1, x2]), y.reshape(-1, 1)


class LinearNeuron:
    """The cost C(w) of a bias-free linear neuron, and its gradient, from nnlib.

    Parameters
    ----------
    X : ndarray of shape (n, d);  Y : ndarray of shape (n, 1)
    """

    def __init__(self, X, Y):
        self.X, self.Y = X, Y
        self.net = Network([X.shape[1], 1], activation="identity")
        self.net.b[0][:] = 0.0

    def _set(self, w):
        self.net.W[0][0, :] = w
        return self.net

    def cost(self, w):
        """C(w), the MSE of the neuron with weights w (shape (d,))."""
        return self._set(w).cost(self.X, self.Y)

    def grad(self, w):
        """dC/dw by backprop, shape (d,)."""
        grad_W, _ = self._set(w).backprop(self.X, self.Y)
        return grad_W[0][0].copy()

    def hessian(self):
        """The (constant) Hessian of the quadratic C, from differences of gradients."""
        d = self.X.shape[1]
        g0 = self.grad(np.zeros(d))
        return np.column_stack([self.grad(np.eye(d)[i]) - g0 for i in range(d)])

    def minimum(self):
        """The minimiser w* (H w* = -grad C(0)) and the least cost C(w*)."""
        H = self.hessian()
        k = np.linalg.eigvalsh(H)
        if not k[0] > 1e-10 * max(k[-1], 1e-300):
            raise ValueError("X must have linearly independent, non-zero feature columns: "
                             "otherwise the cost has a valley of minima, not one")
        w_min = np.linalg.solve(H, -self.grad(np.zeros(self.X.shape[1])))
        return w_min, self.cost(w_min)


class LearningRateExplorer(Explorer):
    """Gradient descent on a one-weight and a two-weight cost: pick eta and the step.

    Sliders: the learning rate eta (log scale, 10^-3 to 10) and the step t
    (0 to ``steps``).  Shows the trajectory w_0, ..., w_t on the parabola
    C(w) and on the contour lines of C(w1, w2), the cost at every step (log
    scale), and names each run's regime.  Gradient descent is stable while
    eta < 2/k_max, k_max the largest curvature (here both costs share it).

    Parameters
    ----------
    X : ndarray of shape (n, 2), optional
        The two features; the one-weight neuron uses column 0.  Default
        :func:`two_scales` (20 rows, seed 0).
    Y : ndarray of shape (n, 1), optional
    w0 : (float, float)
        Starting weights (w1, w2); the one-weight run starts at w1.
    steps : int
        Gradient-descent steps per run (the step slider's maximum).
    eta : float
        Starting learning rate, rounded to the slider's grid.
    """

    kind = "learning_rate"
    title = "Learning rate: gradient descent w ← w − η ∂C/∂w"
    script = "learning_rate.js"

    def __init__(self, X=None, Y=None, w0=(-1.0, 2.5), steps=40, eta=0.3):
        check_together(X=X, Y=Y)
        if X is None:
            X, Y = two_scales()
        self.X, self.Y = check_pair((2, 1), X, Y)
        self.steps = check_positive("steps", steps, integer=True)
        if steps > MAX_STEPS:
            raise ValueError(f"steps must be at most {MAX_STEPS} (the page stores every run), "
                             f"got {steps}")
        self.w0 = check_vector("w0", w0, size=2)
        lo, hi, step = ETA_EXPONENTS
        check_number("eta", eta, 10.0 ** lo, 10.0 ** hi, " (the slider's range)")
        self.eta_control = Control("eta", "η", eta, lo, hi, step, log=True)
        self.etas = self.eta_control.grid()
        self.eta_control.value = self.etas[self.eta_index(eta)]
        self.costs = [LinearNeuron(self.X[:, :1], self.Y), LinearNeuron(self.X, self.Y)]
        # one bound for both runs (so the w1 of the two-weight run is the one-weight run)
        bound = 1e3 * max(1.0, np.abs(self.w0).max(), np.abs(self.costs[1].minimum()[0]).max())
        self.runs = [self._runs(c, self.w0[:c.X.shape[1]], bound) for c in self.costs]
        k = np.linalg.eigvalsh(self.costs[1].hessian())      # curvatures, ascending
        self.k_min, self.k_max = float(k[0]), float(k[-1])
        self.k_1d = float(self.costs[0].hessian()[0, 0])
        self._frame = self._frame_data()
        super().__init__()

    # ---- the runs ------------------------------------------------------------
    def _runs(self, cost, w0, bound):
        """One gradient-descent run per eta on the grid, with costs and regimes."""
        w_min, c_min = cost.minimum()
        runs = []
        for eta in self.etas:
            traj = gradient_descent(cost.grad, w0, eta, self.steps, bound=bound)
            runs.append({"w": traj.x, "C": [cost.cost(w) for w in traj.x],
                         "regime": regime(traj, w_min), "diverged": traj.diverged})
        return {"runs": runs, "w_min": w_min, "C_min": c_min}

    def eta_index(self, eta):
        """Index of the grid value nearest to ``eta``."""
        lo, hi, step = ETA_EXPONENTS
        i = int(round((np.log10(float(eta)) - lo) / step))
        return min(max(i, 0), len(self.etas) - 1)

    # ---- Explorer interface ----------------------------------------------------
    def controls_spec(self):
        return [self.eta_control,
                Control("step", "step t", min(10, self.steps), 0, self.steps, 1)]

    def compute(self, values):
        i, t = self.eta_index(values["eta"]), int(round(float(values["step"])))
        one, two = self.runs[0]["runs"][i], self.runs[1]["runs"][i]
        t1, t2 = min(t, len(one["w"]) - 1), min(t, len(two["w"]) - 1)
        return {"eta": self.etas[i], "step": t,
                "w": float(one["w"][t1][0]), "mse": float(one["C"][t1]),
                "regime": one["regime"],
                "w1": float(two["w"][t2][0]), "w2": float(two["w"][t2][1]),
                "mse_2d": float(two["C"][t2]), "regime_2d": two["regime"]}

    def readout_labels(self):
        return {"eta": "η", "step": "t", "w": "one weight: w", "mse": "MSE",
                "regime": "regime", "w1": "two weights: w₁", "w2": "w₂",
                "mse_2d": "MSE", "regime_2d": "regime"}

    def static_data(self):
        lo, hi, step = ETA_EXPONENTS
        d = dict(self._frame, etas=self.etas, eta_lo=lo, eta_step=step, steps=self.steps,
                 k_1d=self.k_1d, k_max=self.k_max, k_min=self.k_min)
        for name, r in zip(("one", "two"), self.runs):
            d[name] = [{"w": run["w"][:, 0] if name == "one" else run["w"], "C": run["C"],
                        "regime": run["regime"], "diverged": run["diverged"]}
                       for run in r["runs"]]
            d[name + "_min"] = {"w": r["w_min"], "C": r["C_min"]}
        return d

    # ---- the picture ------------------------------------------------------------
    def _frame_data(self):
        """What the picture needs besides the runs: the parabola, the contour grid, limits."""
        w_min, c_min = self.runs[1]["w_min"], self.runs[1]["C_min"]
        e = np.abs(self.w0 - w_min)
        wlim = (float(w_min[0] - 1.35 * e[0] - 0.5), float(w_min[0] + 1.35 * e[0] + 0.5))
        w2lim = (float(min(w_min[1], self.w0[1]) - 0.35 * e[1] - 0.3),
                 float(max(w_min[1], self.w0[1]) + 0.35 * e[1] + 0.3))
        ws = np.linspace(*wlim, N_CURVE)
        curve = [self.costs[0].cost(np.array([w])) for w in ws]
        g1, g2 = np.linspace(*wlim, N_GRID), np.linspace(*w2lim, N_GRID)
        Z = [[self.costs[1].cost(np.array([a, b])) for a in g1] for b in g2]
        c0 = self.costs[1].cost(self.w0)
        levels = [c_min + (c0 - c_min) * s * s for s in (0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 1.0, 1.2)]
        all_C = [c for r in self.runs for run in r["runs"] for c in run["C"]]
        ylo = 10.0 ** np.floor(np.log10(max(min(all_C), 1e-12)) - 0.2)
        yhi = 10.0 ** np.ceil(np.log10(max(self.runs[0]["runs"][0]["C"][0], c0)) + 2)
        top = max(max(curve), self.runs[0]["C_min"]) * 1.05
        return {"wlim": wlim, "w2lim": w2lim, "curve_w": ws, "curve_C": curve,
                "curve_lim": (0.0, float(top)), "grid_w1": g1, "grid_w2": g2, "Z": Z,
                "levels": levels, "cost_lim": (float(ylo), float(yhi))}

    def _contours(self, p):
        """Draw the contour lines of C(w1, w2) on p; they never change, so the SVG is kept."""
        if getattr(self, "_contour_svg", None) is None:
            f, start = self._frame, len(p.parts)
            for level in f["levels"]:
                p.segments(contour_lines(f["grid_w1"], f["grid_w2"], f["Z"], level), "#c4c9d0", 1)
            self._contour_svg = "".join(p.parts[start:])
        else:
            p.parts.append(self._contour_svg)

    def draw(self, values, state):
        f, i, t = self._frame, self.eta_index(values["eta"]), state["step"]
        one, two = self.runs[0]["runs"][i], self.runs[1]["runs"][i]
        # left: the parabola C(w) and the steps on it
        p1 = Plot(320, 250, f["wlim"], f["curve_lim"], margin=(34, 12, 34, 48))
        p1.axes("w", "C(w)", "")
        p1.line(f["curve_w"], f["curve_C"], COLORS["axis"], 1.5)
        w_min, c_min = self.runs[0]["w_min"][0], self.runs[0]["C_min"]
        p1.dots([w_min], [c_min], "#1f2328", 3)
        _trajectory(p1, one["w"][:t + 1, 0], one["C"][:t + 1], LINE_1D)
        _badge(p1, "one weight", one, t)
        # right: contour lines of C(w1, w2) and the steps on them
        p2 = Plot(320, 250, f["wlim"], f["w2lim"], x0=320, margin=(34, 12, 34, 48))
        p2.axes("w₁", "w₂", "")
        self._contours(p2)
        w_min2 = self.runs[1]["w_min"]
        p2.dots([w_min2[0]], [w_min2[1]], "#1f2328", 3)
        _trajectory(p2, two["w"][:t + 1, 0], two["w"][:t + 1, 1], LINE_2D)
        _badge(p2, "two weights", two, t)
        # bottom: the cost at every step, log scale
        p3 = LogPlot(640, 200, (0, self.steps), f["cost_lim"], y0=250, margin=(30, 12, 34, 64))
        p3.axes("step t", "MSE", "")
        steps = list(range(self.steps + 1))
        for run, color in ((one, LINE_1D), (two, LINE_2D)):
            n = len(run["C"])
            p3.line(steps[:n], run["C"], color, 1, "3 3")
            p3.line(steps[:min(t + 1, n)], run["C"][:t + 1], color, 2)
            p3.dots([min(t, n - 1)], [run["C"][min(t, n - 1)]], color, 4)
        p3.vline(t, COLORS["axis"])
        p3.text(p3.x0, p3.y0 - 9, f"stable while η < 2/k_max = {2 / self.k_max:.3g}"
                f"   (largest curvature k_max = {self.k_max:.3g})", 11)
        _legend(p3)
        return figure(640, 450, p1, p2, p3)


def _trajectory(p, xs, ys, color):
    """Steps drawn as a polyline with a dot per point; the current point ringed."""
    p.line(xs, ys, color, 1.5).dots(xs, ys, color, 2.5)
    p.dots(xs[-1:], ys[-1:], color, 5.5)
    p.dots(xs[-1:], ys[-1:], "#ffffff", 2.5)


def _badge(p, name, run, t):
    """The run's name and regime above the plot (and where it diverged)."""
    color = REGIME_COLORS[run["regime"]]
    p.text(p.x0, p.y0 - 18, name, 12, "start", "#1f2328")
    p.text(p.x0 + p.w, p.y0 - 18, run["regime"], 12, "end", color)
    if run["diverged"] is not None:
        note = (f"diverged at step {run['diverged']}" if t >= run["diverged"]
                else f"will diverge at step {run['diverged']}")
        p.text(p.x0 + p.w, p.y0 - 5, note, 10, "end", color)
        if t >= run["diverged"]:
            p.parts.append(_halo_text(p.x0 + p.w / 2, p.y0 + 22, "diverged: the steps left the picture",
                                      11, color, weight="bold"))


def _legend(p):
    x, y = p.x0 + p.w - 182, p.y0 - 9
    p.parts.append(f'<line x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x + 18:.1f}" y2="{y - 4:.1f}" '
                   f'stroke="{LINE_1D}" stroke-width="2"/>')
    p.text(x + 22, y, "one weight", 11)
    p.parts.append(f'<line x1="{x + 95:.1f}" y1="{y - 4:.1f}" x2="{x + 113:.1f}" y2="{y - 4:.1f}" '
                   f'stroke="{LINE_2D}" stroke-width="2"/>')
    p.text(x + 117, y, "two weights", 11)
