"""NeuronExplorer: one neuron a = sigma(w x + b) over a small 1-D data set."""
import numpy as np

from ..activations import ACTIVATIONS
from ..checks import check_choice, check_number, check_pair, check_positive, check_together
from ..datasets import curve
from ..network import Network
from .base import Explorer
from .controls import Control
from .svg import COLORS, Plot, figure

N_CURVE = 121   # points on the drawn curve g(w x + b)


class NeuronExplorer(Explorer):
    """Sliders for w and b, a choice of activation, and an input x.

    Shows the curve a = g(w x + b) (eq. ``ff-neuron``; g is the chosen
    activation, σ by default) over the data, the MSE of the neuron on the
    data (eq. ``mse``), and z and a at the chosen x.

    Parameters
    ----------
    X, Y : arrays of shape (n, 1), optional
        The data; default :func:`nnlib.datasets.curve` (20 points, seed 0).
    w, b : float, optional
        Starting weight and bias; default the seeded initial weight of
        ``Network([1, 1], seed=0)`` rounded to 1 decimal, and b = 0.  Both must
        lie within ±weight_range; they are rounded to the slider step.
    activation : str
        Starting activation (any name in ``nnlib.ACTIVATIONS``).
    weight_range : float
        The w and b sliders run from -weight_range to +weight_range (default
        10, where a sigmoid is already all but a step; up to 100).
    step : float
        Their step (default 0.05: 400 positions over ±10, finer than the
        screen's pixels).  ``weight_range=50, step=0.25`` gives a coarse range.
    """

    kind = "neuron"
    title = "One neuron: a = g(w·x + b)"
    script = "neuron.js"

    def __init__(self, X=None, Y=None, w=None, b=0.0, activation="sigmoid",
                 weight_range=10.0, step=0.05):
        check_together(X=X, Y=Y)
        if X is None:
            X, Y = curve()
        self.X, self.Y = check_pair((1, 1), X, Y)
        self.range = check_number("weight_range", weight_range, 0.001, 100,
                                  " (the w and b sliders run from -weight_range to +weight_range)")
        self.step = float(check_positive("step", step))
        if self.step > self.range:
            raise ValueError(f"step must be at most weight_range = {self.range}, got {step!r}")
        w = round(float(Network([1, 1], seed=0).W[0][0, 0]), 1) if w is None else w
        self.w0, self.b0 = self._on_grid("w", w), self._on_grid("b", b)
        self.activation0 = check_choice("activation", activation, list(ACTIVATIONS))
        lo, hi = float(self.X.min()), float(self.X.max())
        self.xlim = (lo - 0.05 * (hi - lo + 1e-9), hi + 0.05 * (hi - lo + 1e-9))
        super().__init__()

    def _on_grid(self, name, v):
        """A starting w or b, checked against the range and rounded to the step."""
        v = check_number(name, v, -self.range, self.range, " (±weight_range, the sliders' range)")
        return round(round(v / self.step) * self.step, 10)

    def controls_spec(self):
        lo, hi = self.xlim
        step = round((hi - lo) / 100, 4) or 0.01
        R = self.range
        return [Control("w", "w", self.w0, -R, R, self.step, describe="the weight w"),
                Control("b", "b", self.b0, -R, R, self.step, describe="the bias b"),
                Control("activation", "g", self.activation0, options=tuple(ACTIVATIONS), menu=True,
                        describe="the activation function g"),
                Control("x", "input x", round(lo + 50 * step, 4), round(lo, 4), round(lo + 100 * step, 4), step,
                        describe="the input x where z and a are read off")]

    def network(self, values):
        """The one-neuron nnlib Network with the sliders' w, b and activation."""
        net = Network([1, 1], activation=values["activation"])
        net.W[0][0, 0], net.b[0][0] = values["w"], values["b"]
        return net

    def compute(self, values):
        net = self.network(values)
        zs, activations = net.forward_all(np.array([[values["x"]]]))
        return {"mse": net.cost(self.X, self.Y), "z": float(zs[0][0, 0]),
                "a": float(activations[1][0, 0]),
                "activations": [float(activations[1][0, 0])]}

    def readout_labels(self):
        return {"mse": "MSE", "z": "z", "a": "a"}

    def draw(self, values, state):
        net = self.network(values)
        xs = np.linspace(*self.xlim, N_CURVE)
        ys = net.forward(xs.reshape(-1, 1))[:, 0]
        p = Plot(560, 260, self.xlim, _ylim(self.Y)).axes("x", "a")
        p.dots(self.X[:, 0], self.Y[:, 0]).line(xs, ys).vline(values["x"])
        p.dots([values["x"]], [state["a"]], COLORS["accent"], 5)
        return figure(560, 260, p)

    def static_data(self):
        return {"X": self.X, "Y": self.Y, "xlim": self.xlim, "ylim": _ylim(self.Y),
                "n_curve": N_CURVE}


def _ylim(Y):
    lo, hi = min(0.0, float(Y.min())), max(1.0, float(Y.max()))
    pad = 0.15 * (hi - lo)
    return (lo - pad, hi + pad)
