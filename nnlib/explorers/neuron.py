"""NeuronExplorer: one neuron a = sigma(w x + b) over a small 1-D data set."""
import numpy as np

from ..activations import ACTIVATIONS
from ..checks import check_choice, check_number, check_pair, check_together
from ..datasets import curve
from ..network import Network
from .base import Explorer
from .controls import Control
from .svg import COLORS, Plot, figure

N_CURVE = 121   # points on the drawn curve sigma(w x + b)
RANGE = 50.0    # the w and b sliders run from -RANGE to RANGE


class NeuronExplorer(Explorer):
    """Sliders for w and b, a choice of activation, and an input x.

    Shows the curve a = sigma(w x + b) (eq. ``ff-neuron``) over the data, the
    MSE of the neuron on the data (eq. ``mse``), and z and a at the chosen x.

    Parameters
    ----------
    X, Y : arrays of shape (n, 1), optional
        The data; default :func:`nnlib.datasets.curve` (20 points, seed 0).
    w, b : float, optional
        Starting weight and bias; default the seeded initial weight of
        ``Network([1, 1], seed=0)`` rounded to the slider step, and b = 0.
    activation : str
        Starting activation (any name in ``nnlib.ACTIVATIONS``).
    """

    kind = "neuron"
    title = "One neuron: a = σ(w·x + b)"
    script = "neuron.js"

    def __init__(self, X=None, Y=None, w=None, b=0.0, activation="sigmoid"):
        check_together(X=X, Y=Y)
        if X is None:
            X, Y = curve()
        self.X, self.Y = check_pair((1, 1), X, Y)
        slider = " (the slider's range)"
        self.w0 = (round(float(Network([1, 1], seed=0).W[0][0, 0]), 1) if w is None
                   else check_number("w", w, -RANGE, RANGE, slider))
        self.b0 = check_number("b", b, -RANGE, RANGE, slider)
        self.activation0 = check_choice("activation", activation, list(ACTIVATIONS))
        lo, hi = float(self.X.min()), float(self.X.max())
        self.xlim = (lo - 0.05 * (hi - lo + 1e-9), hi + 0.05 * (hi - lo + 1e-9))
        super().__init__()

    def controls_spec(self):
        lo, hi = self.xlim
        step = round((hi - lo) / 100, 4) or 0.01
        return [Control("w", "w", self.w0, -RANGE, RANGE, 0.1),
                Control("b", "b", self.b0, -RANGE, RANGE, 0.1),
                Control("activation", "σ", self.activation0, options=tuple(ACTIVATIONS)),
                Control("x", "input x", round(lo + 50 * step, 4), round(lo, 4), round(lo + 100 * step, 4), step)]

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
