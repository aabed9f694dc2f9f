"""Playground: train a whole network live and watch its decision boundary form.

The reader picks a data set of the plane (:mod:`nnlib.planar`), the input
features (:mod:`nnlib.features`), up to four hidden layers of up to eight
neurons, the activation, the learning rate eta, the batch size and the L2
rate, then presses play.  The picture (:mod:`.playground_svg`) shows the
network's output over the whole plane as a heatmap behind the training and
test points, every neuron's own output as a small heatmap on the network
diagram, and the training and test loss after every epoch.

In Jupyter the widget trains with :func:`nnlib.sgd` in a background thread,
so play never blocks the notebook.  In the built book the same Playground
trains in the page (``static/playground.js``, a line-by-line port of nnlib's
forward pass, backprop and SGD step).  Both start from identical numbers:

* the data: each set's points and noise draws (:class:`nnlib.planar.Plane`,
  seed 0), rounded to 10 significant digits (``nnlib.rounding.portable``), are what
  the page receives and what Python trains on;
* the weights: ``Network(sizes, seed=seed)`` draws w = z / sqrt(n_in) from
  one stream of standard normals z; the page receives the first ``N_DRAWS``
  of that stream for seeds 0..N_SEEDS-1, rounded, and both sides compute
  W^(l) = z / sqrt(n_(l-1)) from them (:func:`initial_network`);
* the batch order: :mod:`nnlib.trainer`'s small generator, written in both.

Classification sets have 0/1 targets and a sigmoid output neuron (class 1
where a > 0.5); the regression surface has an identity output.  The cost is
nnlib's MSE (eq. ``mse``).  With L2 rate lambda the cost gains
(lambda/2) sum ||W||^2 and each step becomes W <- (1 - eta lambda) W - eta dC/dW
(see :func:`nnlib.sgd`).  Reset draws the next seed's weights.
"""
import json
import threading
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from html import escape

import ipywidgets as widgets
import numpy as np

from .. import planar
from ..checks import check_choice, check_int, check_number, check_positive
from ..features import FEATURES, check_features, transform
from ..network import Network
from ..trainer import Trainer
from ..rounding import portable
from .base import STYLE, Explorer, _clean, _script
from .controls import Control, html_input, make_widget
from .playground_svg import draw

N_POINTS = 500                 # points per data set (train + test)
ACTIVATIONS = ("sigmoid", "tanh", "relu", "identity")
ETAS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
L2_RATES = (0.0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1)
NOISE = (0.0, 0.5, 0.05)       # noise slider: min, max, step
MAX_LAYERS, MAX_NEURONS = 4, 8
N_SEEDS = 20                   # reset cycles through this many seeded starts
N_DRAWS = len(FEATURES) * MAX_NEURONS + (MAX_LAYERS - 1) * MAX_NEURONS ** 2 + MAX_NEURONS
FRAME = 1 / 15                 # seconds per frame while playing in Jupyter
STRUCTURAL = ("dataset", "noise", "train_percent", "features", "hidden", "activation")


# ---- settings -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    """Everything the reader chooses, one value per control (see :class:`Playground`)."""
    dataset: str = "circles"
    features: tuple = ("x1", "x2")
    hidden: tuple = (4, 2)
    activation: str = "tanh"
    eta: float = 0.3
    batch_size: int = 10
    l2: float = 0.0
    noise: float = 0.0
    train_percent: int = 50
    seed: int = 0

    def checked(self):
        """These settings with every value checked (a ValueError or TypeError if one is bad)."""
        check_choice("dataset", self.dataset, list(planar.SETS))
        check_choice("activation", self.activation, list(ACTIVATIONS))
        check_option("eta", self.eta, ETAS)
        check_option("l2", self.l2, L2_RATES)
        check_noise_step(self.noise)
        check_option("train_percent", self.train_percent, tuple(range(10, 100, 10)))
        check_int("seed", self.seed, 0, N_SEEDS - 1, " (one of the seeded starts)")
        hidden = check_hidden(self.hidden)
        check_positive("batch_size", self.batch_size, integer=True)
        if self.batch_size > self.n_train:
            raise ValueError(f"batch_size must be at most the {self.n_train} training points "
                             f"(train_percent={self.train_percent}), got {self.batch_size}")
        return replace(self, features=check_features(self.features), hidden=hidden,
                       noise=float(self.noise), eta=float(self.eta), l2=float(self.l2),
                       batch_size=int(self.batch_size))

    @property
    def n_train(self):
        """How many of the N_POINTS points are training points."""
        return planar.n_train_of(N_POINTS, self.train_percent / 100)

    @property
    def sizes(self):
        """Layer widths: one input per feature, the hidden layers, one output."""
        return [len(self.features), *self.hidden, 1]


def check_hidden(hidden):
    """``hidden`` as a tuple of 0-4 hidden-layer widths, each 1-8."""
    if isinstance(hidden, (str, bytes)) or not hasattr(hidden, "__len__"):
        raise TypeError(f"hidden must be a list of hidden-layer widths such as [4, 2], "
                        f"got {hidden!r}")
    if len(hidden) > MAX_LAYERS:
        raise ValueError(f"hidden must have at most {MAX_LAYERS} layers, got {list(hidden)}")
    for n in hidden:
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= MAX_NEURONS:
            raise ValueError(f"every hidden layer must have 1 to {MAX_NEURONS} neurons, "
                             f"got {n!r} in hidden={list(hidden)}")
    return tuple(int(n) for n in hidden)


def check_option(name, value, options):
    """``value`` if it is one of a control's ``options`` (numbers), else a clear error."""
    check_number(name, value)
    if value not in options:
        raise ValueError(f"{name} must be one of {', '.join(f'{o:g}' for o in options)} "
                         f"(the control's steps), got {value!r}")
    return value


def check_noise_step(noise):
    """``noise`` must be on the slider's grid 0, 0.05, ..., 0.5."""
    planar.check_noise(noise)
    lo, hi, step = NOISE
    if noise > hi or abs(noise / step - round(noise / step)) > 1e-9:
        raise ValueError(f"noise must be one of 0, 0.05, ..., 0.5, got {noise!r}")


# ---- the numbers both sides start from ------------------------------------------------------
def _portable(a):
    """Every entry of ``a`` rounded to 10 significant digits (as the page receives it)."""
    return np.array([portable(float(v)) for v in np.ravel(a)]).reshape(np.shape(a))


@lru_cache(maxsize=None)
def rounded_plane(name):
    """The data set ``name`` (seed 0) with every number rounded as the page receives it."""
    p = planar.plane(name, N_POINTS, seed=0)
    return planar.Plane(p.name, _portable(p.clean), _portable(p.jitter), _portable(p.target),
                        _portable(p.target_jitter), p.regression)


@lru_cache(maxsize=None)
def draws(seed):
    """The first N_DRAWS standard normals of ``default_rng(seed)``, rounded (read-only)."""
    z = _portable(np.random.default_rng(seed).standard_normal(N_DRAWS))
    z.flags.writeable = False
    return z


def initial_network(sizes, activation, output_activation, seed):
    """``Network(sizes, activation, output_activation, seed=seed)``, each normal draw
    rounded to 10 significant digits: W^(l) = z / sqrt(n_(l-1)) (``net.W[l-1]``), b = 0."""
    net = Network(sizes, activation=activation, output_activation=output_activation, seed=seed)
    z, start = draws(seed), 0
    for W in net.W:
        n_out, n_in = W.shape
        W[...] = z[start:start + n_out * n_in].reshape(n_out, n_in) * (1.0 / np.sqrt(n_in))
        start += n_out * n_in
    return net


class Session:
    """One training run of the Playground: its settings, its data and its trainer.

    Attributes
    ----------
    settings : Settings (checked)
    regression : bool, True for the regression surface
    points, points_test : ndarray (n, 2), the training and test points of the plane
    trainer : :class:`nnlib.trainer.Trainer` whose X, X_test are the features of those points
    """
    count = 0

    def __init__(self, settings):
        s = settings.checked()
        plane = rounded_plane(s.dataset)
        P, Y = plane.points(s.noise)
        F, n = transform(P, s.features), s.n_train
        out = "identity" if plane.regression else "sigmoid"
        self.settings, self.regression = s, plane.regression
        self.points, self.points_test = P[:n], P[n:]
        self.cache = {}                   # the picture's parts that never change in a run
        Session.count += 1
        self.key = Session.count          # tells the SVG ids of two sessions apart
        self.trainer = Trainer(initial_network(s.sizes, s.activation, out, s.seed),
                               F[:n], Y[:n], F[n:], Y[n:], s.eta, s.batch_size, s.l2,
                               state=s.seed)

    def tune(self, settings):
        """Take new eta, batch size and L2 rate; the run goes on from where it is."""
        s = settings.checked()
        self.settings = s
        self.trainer.eta, self.trainer.batch_size, self.trainer.l2 = s.eta, s.batch_size, s.l2

    def readout(self):
        """epoch, train/test loss and accuracy (None once diverged; accuracy None for
        regression), and whether training diverged."""
        t = self.trainer
        done = t.diverged is not None

        def last(history, wanted=True):
            return None if done or not wanted else float(history[-1])
        return {"epoch": t.epoch, "train_loss": last(t.train_loss), "test_loss": last(t.test_loss),
                "train_accuracy": last(t.train_accuracy, not self.regression),
                "test_accuracy": last(t.test_accuracy, not self.regression),
                "diverged": done}

    def page_data(self):
        """What playground.js needs: every data set, the weight draws, the settings."""
        s = self.settings
        sets = {}
        for name in planar.SETS:
            p = rounded_plane(name)
            sets[name] = {"clean": p.clean, "jitter": p.jitter, "target": p.target[:, 0],
                          "target_jitter": p.target_jitter[:, 0] if p.regression else None,
                          "regression": p.regression}
        return {"sets": sets, "draws": [draws(k) for k in range(N_SEEDS)],
                "features": [[k, label] for k, (label, _) in FEATURES.items()],
                "settings": {"dataset": s.dataset, "features": list(s.features),
                             "hidden": list(s.hidden), "activation": s.activation, "eta": s.eta,
                             "batch_size": s.batch_size, "l2": s.l2, "noise": s.noise,
                             "train_percent": s.train_percent, "seed": s.seed},
                "n": N_POINTS, "extent": planar.EXTENT, "max_layers": MAX_LAYERS,
                "max_neurons": MAX_NEURONS, "n_seeds": N_SEEDS}


# ---- the explorer ---------------------------------------------------------------------------
class Playground(Explorer):
    """Train a network live on a data set of the plane and watch it learn.

    ``Playground()`` works with no arguments (circles, features x1 and x2,
    hidden layers [4, 2], tanh, eta = 0.3, batch 10).  Press play, or call
    ``pg.train(epochs=k)``; ``pg.readout()`` gives the epoch and the losses.

    Parameters
    ----------
    dataset : {"circles", "xor", "gaussians", "spiral", "moons", "surface"}
    features : some of "x1", "x2", "x1_sq", "x2_sq", "x1x2", "sin_x1", "sin_x2"
    hidden : list of 0-4 ints, each 1-8: the hidden layers' widths
    activation : {"sigmoid", "tanh", "relu", "identity"}, of the hidden layers
    eta : one of 0.001, 0.003, ..., 3, 10 (the learning rate's log scale)
    batch_size : int from 1 to the number of training points
    l2 : one of 0, 0.0001, 0.0003, ..., 0.1: the L2 (weight decay) rate lambda
    noise : one of 0, 0.05, ..., 0.5: noise s.d. in units of the pattern's radius
    train_percent : one of 10, 20, ..., 90: the share of the 500 points trained on
    seed : int in 0..19, which seeded initial weights to start from

    Attributes
    ----------
    net : Network, the network being trained (``trainer.net``)
    X, Y, X_test, Y_test : what the network sees: the features of the training
        and test points, and their targets
    points, points_test : the same points in the plane, before the features
    trainer : :class:`nnlib.trainer.Trainer`, with the loss after every epoch
    settings : :class:`Settings`, the controls' current values

    Notes
    -----
    The built book's page starts from the settings at epoch 0 (training a
    Playground in the notebook before it is shown does not carry over).
    """

    kind = "playground"
    title = "Playground: train a network and watch it learn"
    script = "playground.js"

    def __init__(self, dataset="circles", features=("x1", "x2"), hidden=(4, 2),
                 activation="tanh", eta=0.3, batch_size=10, l2=0.0, noise=0.0,
                 train_percent=50, seed=0):
        self.defaults = Settings(dataset, features, hidden, activation, eta, batch_size, l2,
                                 noise, train_percent, seed).checked()
        self.session = Session(self.defaults)
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread = None
        self._muted = False
        self.frames = 0                   # pictures drawn (benchmarks/playground_speed.py)
        self._build_widgets(self.defaults)
        # the stylesheet in the title, as in every explorer: the palette's classes in the picture
        # follow the notebook's theme (base.py's STYLE)
        title = widgets.HTML(f"<style>{STYLE}</style><b>{escape(self.title)}</b>")
        widgets.VBox.__init__(self, [title, self._panel, self._view, self._readouts, self._buttons])
        self.add_class("nnx-theme")
        self._render()

    # ---- what the chapter and the tests use ---------------------------------------------------
    @property
    def trainer(self):
        return self.session.trainer

    @property
    def net(self):
        return self.session.trainer.net

    X = property(lambda self: self.trainer.X, doc="Training inputs (features), (n, sizes[0]).")
    Y = property(lambda self: self.trainer.Y, doc="Training targets, (n, 1).")
    X_test = property(lambda self: self.trainer.X_test, doc="Test inputs (features).")
    Y_test = property(lambda self: self.trainer.Y_test, doc="Test targets, (n_test, 1).")
    points = property(lambda self: self.session.points, doc="Training points of the plane.")
    points_test = property(lambda self: self.session.points_test, doc="Test points of the plane.")
    settings = property(lambda self: self.session.settings, doc="The current Settings.")

    def train(self, epochs=1):
        """Train ``epochs`` epochs now (in this thread), then redraw once."""
        check_positive("epochs", epochs, integer=True, allow_zero=True)
        with self._lock:
            self.trainer.train(epochs)
        self._render()

    def readout(self):
        """{epoch, train_loss, test_loss, train_accuracy, test_accuracy, diverged}."""
        with self._lock:
            return self.session.readout()

    def values(self):
        """The controls' current values, {name: value}."""
        return {"dataset": self.controls["dataset"].value,
                "features": tuple(f for f in FEATURES if self.controls[f].value),
                "hidden": tuple(self._hidden), "activation": self.controls["activation"].value,
                "eta": self.controls["eta"].value, "batch_size": self.controls["batch_size"].value,
                "l2": self.controls["l2"].value, "noise": round(self.controls["noise"].value, 10),
                "train_percent": self.controls["train_percent"].value}

    def compute(self, values):
        """The readout at epoch 0 for control values ``values`` (with the current seed)."""
        return Session(Settings(**values, seed=self.settings.seed)).readout()

    def reset(self):
        """Start again, at epoch 0, from the next seed's initial weights."""
        self.pause()
        with self._lock:
            seed = (self.settings.seed + 1) % N_SEEDS
            self.session = Session(replace(self.settings, seed=seed))
        self._render()

    # ---- play / pause: a background thread, so the notebook stays free ------------------------
    @property
    def playing(self):
        return self._thread is not None and self._thread.is_alive()

    def play(self):
        """Train in a background thread, redrawing about 15 times a second, until paused."""
        if self.playing or self.trainer.diverged:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._play, daemon=True, name="playground")
        self._thread.start()
        self._play_button.description, self._play_button.icon = "pause", "pause"

    def pause(self):
        """Stop training (waits for the current frame to finish)."""
        self._stop.set()
        if self.playing and threading.current_thread() is not self._thread:
            self._thread.join()
        self._play_button.description, self._play_button.icon = "play", "play"

    def _play(self):
        while not self._stop.is_set():
            start = time.perf_counter()
            with self._lock:
                self.trainer.train(1)
                while time.perf_counter() - start < 0.5 * FRAME and not self.trainer.diverged:
                    self.trainer.train(1)
                done = self.trainer.diverged is not None
            self._render()
            if done:
                break
            self._stop.wait(max(0.0, FRAME - (time.perf_counter() - start)))
        self._play_button.description, self._play_button.icon = "play", "play"

    # ---- widgets ------------------------------------------------------------------------------
    def _build_widgets(self, s):
        self._spec = self.controls_spec(s)
        self.controls = {c.name: make_widget(c) for c in self._spec}
        l2 = next(c for c in self._spec if c.name == "l2")       # the same menu, with "0 (off)"
        self.controls["l2"] = widgets.Dropdown(options=[(_l2_label(v), v) for v in L2_RATES],
                                               value=s.l2, description=l2.label, tooltip=l2.describe,
                                               style={"description_width": "5em"})
        self.controls["batch_size"].style.description_width = "6em"
        for name, (label, _) in FEATURES.items():
            self.controls[name] = widgets.Checkbox(value=name in s.features, description=label,
                                                   tooltip=f"input feature {label}", indent=False,
                                                   layout=widgets.Layout(width="6em"))
        for name, w in self.controls.items():
            w.observe(lambda change, name=name: self._on_change(name), names="value")
        self._hidden = list(s.hidden)
        self._arch = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self._show_arch()
        self._panel = widgets.VBox([
            widgets.GridBox([self.controls[c.name] for c in self._spec], layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(260px, 1fr))")),
            widgets.HBox([widgets.Label("features")] + [self.controls[f] for f in FEATURES],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self._arch])
        self._view, self._readouts = widgets.HTML(), widgets.HTML()
        self._play_button = widgets.Button(description="play", icon="play",
                                           tooltip="train epoch after epoch, until pressed again")
        self._play_button.on_click(lambda _: self.pause() if self.playing else self.play())
        step = widgets.Button(description="step", icon="step-forward", tooltip="train one epoch")
        reset = widgets.Button(description="reset", icon="undo",
                               tooltip="start again at epoch 0 from the next seed's weights")
        step.on_click(lambda _: self.train(1))
        reset.on_click(lambda _: self.reset())
        self._buttons = widgets.HBox([self._play_button, step, reset])

    def controls_spec(self, s=None):
        """The menus and sliders, in the order shown (the check boxes for the features and the
        + and − buttons for the hidden layers are built in ``_build_widgets``)."""
        s = s or self.settings
        return [Control("dataset", "data set", s.dataset, options=tuple(planar.SETS), menu=True,
                        describe="the problem: which data set of the plane to learn"),
                Control("noise", "noise", s.noise, *NOISE,
                        describe="noise added to the points, in units of the pattern's radius"),
                Control("train_percent", "train %", s.train_percent, 10, 90, 10,
                        describe=f"the share of the {N_POINTS} points trained on; the rest "
                                 f"are test points"),
                Control("activation", "activation", s.activation, options=ACTIVATIONS, menu=True,
                        describe="the hidden layers' activation function g"),
                Control("eta", "η", s.eta, options=ETAS,
                        describe="the learning rate η of each SGD step, on a log scale"),
                Control("batch_size", "batch size", s.batch_size, 1, s.n_train, 1,
                        describe="the mini-batch size m: training points per SGD step"),
                Control("l2", "L2 rate λ", s.l2, options=L2_RATES, menu=True,
                        describe="the L2 rate λ: each step also shrinks W by the factor 1 − ηλ")]

    def _show_arch(self):
        """The + and − buttons for the hidden layers and for each layer's neurons (their
        tooltips say what they do: a "−" alone names nothing)."""
        def button(text, action, enabled, tooltip):
            b = widgets.Button(description=text, disabled=not enabled, tooltip=tooltip,
                               layout=widgets.Layout(width="2.6em"))
            b.on_click(lambda _: action())
            return b
        n = len(self._hidden)
        kids = [widgets.Label(f"hidden layers: {n}"),
                button("−", lambda: self._set_hidden(self._hidden[:-1]), n > 0, LAYER_LESS),
                button("+", lambda: self._set_hidden(self._hidden + [2]), n < MAX_LAYERS, LAYER_MORE)]
        for l, width in enumerate(self._hidden):
            def resize(d, l=l):
                h = list(self._hidden)
                h[l] += d
                self._set_hidden(h)
            kids += [widgets.Label(f"layer {l + 1}: {width}"),
                     button("−", lambda: resize(-1), width > 1, NEURON_LESS.format(l + 1)),
                     button("+", lambda: resize(+1), width < MAX_NEURONS, NEURON_MORE.format(l + 1))]
        self._arch.children = kids

    def _set_hidden(self, hidden):
        self._hidden = list(check_hidden(hidden))
        self._show_arch()
        self._on_change("hidden")

    def _on_change(self, name):
        if self._muted:
            return
        features = [f for f in FEATURES if self.controls[f].value]
        if not features:                                # at least one input: undo the last click
            self._muted = True
            self.controls[name].value = True
            self._muted = False
            return
        with self._lock:
            v = self.values()
            n_train = planar.n_train_of(N_POINTS, v["train_percent"] / 100)
            if v["batch_size"] > n_train:
                v["batch_size"] = n_train
            self._muted = True
            try:
                self.controls["batch_size"].max = n_train
                self.controls["batch_size"].value = v["batch_size"]
            finally:
                self._muted = False
            settings = Settings(**v, seed=self.settings.seed)
            if name in STRUCTURAL or name in FEATURES:
                self.session = Session(settings)
            else:
                self.session.tune(settings)
        self._render()

    # ---- drawing ------------------------------------------------------------------------------
    def _render(self):
        with self._lock:
            picture, state = draw(self.session), self.session.readout()
            history = (self.trainer.epoch, self.trainer.diverged)
        self._view.value = picture
        self._readouts.value = self._readout_html(state, history)
        self.frames += 1

    def _readout_html(self, state, history):
        cells = [f"epoch = <b>{state['epoch']}</b>"]
        for key, label in READOUTS.items():
            value = state[key]
            if key.endswith("accuracy") and self.session.regression:
                continue
            shown = "diverged" if state["diverged"] else f"{value:.4f}"
            cells.append(f"{escape(label)} = <b>{shown}</b>")
        line = '<div class="nnx-readouts">' + "&emsp; ".join(cells) + "</div>"
        if state["diverged"]:
            epoch = history[1]["epoch"]
            line += (f'<div class="nnx-warn">Training diverged in epoch {epoch}: the weights '
                     f'overflowed. Lower the learning rate η and press reset.</div>')
        return line

    def draw(self, values=None, state=None):
        """The picture of the current run (an SVG string)."""
        with self._lock:
            return draw(self.session)

    def static_data(self):
        return self.session.page_data()

    def readout_labels(self):
        return {"epoch": "epoch", **READOUTS}

    # ---- the page -----------------------------------------------------------------------------
    def static_html(self):
        """The page version: controls, panels, the data as JSON, and playground.js."""
        s = self.settings
        data = json.dumps(_clean(self.static_data()), separators=(",", ":")).replace("</", "<\\/")
        return (f'<div class="nnx-root nnx-pg nnx-theme" data-explorer="playground" '
                f'role="group" aria-label="{escape(self.title)}">'
                f'<style>{STYLE}{PAGE_STYLE}</style>'
                f'<div class="nnx-title" aria-hidden="true">{escape(self.title)}</div>'
                f'{_page_controls(s, self.controls_spec(s))}'
                f'<div class="nnx-pg-main">'
                f'<div class="nnx-pg-net" role="group" aria-label="the network"></div>'
                f'<div class="nnx-pg-out"><div class="nnx-pg-plane"></div>'
                f'<div class="nnx-pg-legend"></div>'
                f'<div class="nnx-pg-loss"></div>{_page_readouts()}</div></div>'
                f'<div class="nnx-pg-status nnx-warn" role="status" aria-live="polite"></div>'
                f'<script type="application/json" class="nnx-data">{data}</script>'
                f'</div>'
                f'<script>{_script("core.js")}\n{_script(self.script)}\nnnx.mountAll();</script>')


READOUTS = {"train_loss": "train loss", "test_loss": "test loss",
            "train_accuracy": "train accuracy", "test_accuracy": "test accuracy"}
# what the + and − buttons do (their accessible names in the page, tooltips in Jupyter);
# playground.js writes the same words
LAYER_LESS, LAYER_MORE = "remove a hidden layer", "add a hidden layer"
NEURON_LESS, NEURON_MORE = "one neuron less in hidden layer {}", "one neuron more in hidden layer {}"


def _l2_label(v):
    return "0 (off)" if v == 0 else f"{v:g}"


def _select(c, labels=None):
    """A menu for Control ``c`` whose option values are the options themselves
    (playground.js reads them so), labelled ``labels`` (default: the options)."""
    opts = "".join(f'<option value="{escape(str(o))}"{" selected" if o == c.value else ""}>'
                   f'{escape(str(labels[i] if labels else o))}</option>'
                   for i, o in enumerate(c.options))
    return (f'<label class="nnx-control"><span class="nnx-label">{escape(c.label)}</span>'
            f'<select data-control="{c.name}" title="{escape(c.describe)}">{opts}</select></label>')


# the page's name for a control, where it differs from the Control's (issue 8's contract)
PAGE_NAMES = {"eta": "learning_rate"}
HIDDEN_HELP = "neurons per hidden layer, such as 4, 2 (up to 4 layers of 1 to 8)"


def _page_controls(s, spec):
    """The page's run buttons, menus, sliders, feature boxes and layer buttons."""
    fields = {}
    for c in spec:
        if c.menu:
            fields[c.name] = _select(c, [_l2_label(v) for v in L2_RATES] if c.name == "l2" else None)
        else:
            name = PAGE_NAMES.get(c.name, c.name)
            fields[c.name] = html_input(replace(c, name=name))
    boxes = "".join(f'<label class="nnx-pg-feature"><input type="checkbox" data-control="feature_{k}"'
                    f'{" checked" if k in s.features else ""} title="input feature {escape(label)}">'
                    f' {escape(label)}</label>' for k, (label, _) in FEATURES.items())
    return (f'<div class="nnx-pg-bar">'
            f'<button type="button" class="nnx-reset" data-action="reset" '
            f'title="start again at epoch 0 from the next seed\'s weights">reset</button>'
            f'<button type="button" data-action="play" aria-pressed="false" '
            f'title="train epoch after epoch, until pressed again">play</button>'
            f'<button type="button" data-action="step" title="train one epoch">step</button>'
            f'<span class="nnx-pg-epoch">epoch <b data-readout="epoch"></b></span></div>'
            f'<div class="nnx-controls">{"".join(fields[c.name] for c in spec)}'
            f'<label class="nnx-control"><span class="nnx-label">hidden</span>'
            f'<input type="text" data-control="hidden_layers" value="{", ".join(map(str, s.hidden))}" '
            f'size="10" title="{HIDDEN_HELP}"></label></div>'
            f'<div class="nnx-pg-features" role="group" aria-label="input features">'
            f'<span class="nnx-label" aria-hidden="true">features</span>{boxes}</div>')


def _page_readouts():
    return ('<div class="nnx-readouts">' + "".join(
        f'<span data-for="{k}">{escape(label)} = <b data-readout="{k}"></b></span>'
        for k, label in READOUTS.items()) + '</div>')


# The page's layout.  The two pictures side by side wrap onto two rows on a narrow page;
# each shrinks with the page only to MIN_SCALE of its size (its min-width, so that its 12 px
# text stays >= 11 px on screen), and both fit a 390 px phone without scrolling.
PAGE_STYLE = """
.nnx-pg{max-width:780px}
.nnx-pg-bar{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;margin-bottom:6px}
.nnx-pg-bar button,.nnx-pg-layers button,.nnx-pg-depth button{font:inherit;padding:2px 10px;
 border-radius:6px;border:1px solid currentColor;background:transparent;color:inherit;cursor:pointer}
.nnx-pg button:disabled{opacity:.4;cursor:default}
.nnx-pg-bar .nnx-reset{margin-top:0}
.nnx-pg-depth{font-size:13px}
.nnx-pg-depth button{padding:0 8px;margin-left:3px}
.nnx-pg-bar button[aria-pressed="true"]{font-weight:600}
.nnx-pg-epoch b{font-variant-numeric:tabular-nums}
.nnx-pg select,.nnx-pg input[type=text]{font:inherit}
.nnx-pg-features{display:flex;flex-wrap:wrap;align-items:center;gap:2px 12px;margin:4px 0}
.nnx-pg-feature{white-space:nowrap;font-family:"STIX Two Text","Cambria",serif}
.nnx-pg-main{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-start}
.nnx-pg-net{flex:1 1 320px;min-width:0}
.nnx-pg-fig{position:relative}
.nnx-pg-fig svg,.nnx-pg-plane svg{width:100%;height:auto;display:block}
.nnx-pg-fig canvas{position:absolute;border-radius:50%;pointer-events:none;background:var(--nnx-bg)}
.nnx-pg-layers{position:relative;height:2.2em}
.nnx-pg-layers div{position:absolute;transform:translateX(-50%);white-space:nowrap;text-align:center;
 font-size:12px;line-height:1.1}
.nnx-pg-layers button{padding:0 6px;margin:0 1px}
.nnx-pg-out{flex:1 1 276px;min-width:0;max-width:320px}
.nnx-pg-plane{position:relative}
.nnx-pg-heat{position:absolute;pointer-events:none}
.nnx-pg-legend{font-size:12px;margin:2px 0}
.nnx-pg-loss svg{width:100%;height:auto;display:block}
.nnx-pg-status:empty{display:none}
"""
