"""SGDExplorer: how the mini-batch size m and the learning rate eta shape training.

Every (m, eta) pair on the two sliders is a run of :func:`nnlib.sgd` (eq.
``update-rule``, each step on the mini-batch average of eq.
``minibatch-average``) of the digits network, made when the explorer is
built.  Moving a slider only looks the runs up, in Python and in the page.

Why a subset, and how long it takes.  With the defaults (400 training rows,
10 epochs, ``[64, 30, 10]`` sigmoid, 7 batch sizes x 6 learning rates = 42
runs) the explorer makes about 44,000 mini-batch updates, more than half of
them in the batch-size-1 runs (400 separate backprop calls per epoch).  Such
tiny steps cost what numpy's calls cost, not arithmetic, so the six runs of
one batch size train side by side (:func:`train_runs`: one call serves all
six, with the same numbers as six :func:`nnlib.sgd` runs, to the last bit),
BLAS runs on one thread, since for such small matrices extra threads only
wait on each other, and the batch sizes train in parallel, one per CPU
(:func:`train_grid`).  ``benchmarks/explorer_build.py`` times the construction.
Pass ``n_train=None`` (or your own data) to train on all rows (about 3.5
times as long).
"""
import math
import multiprocessing
import os
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from html import escape

import numpy as np

from ..activations import get_activation
from ..checks import check_list, check_pair, check_positive, check_seed, check_together
from ..costs import mse
from ..datasets import load_digits
from ..network import Network, labels_from
from ..optim import DivergenceWarning, sgd
from .base import Explorer
from .controls import Control
from .svg import COLORS, LogPlot, _halo_text, figure, nice_ticks, paint, spread

FAINT, PICKED = COLORS["faint"], COLORS["model"]
LABELS_W = 56                             # the column right of the updates plot naming the runs
TOP = 22                                  # height of the legend row above the plots
DEFAULT_BATCHES = (1, 2, 5, 10, 32, 100)


def _one_thread():
    """Run BLAS on one thread: for matrices this small, threads only add waiting."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:                              # pragma: no cover
        return nullcontext()
    return threadpool_limits(1)


def train_run(sizes, X, Y, X_test, Y_test, epochs, batch_size, eta, seed=0,
              activation="sigmoid"):
    """Train a fresh ``Network(sizes, activation, seed=seed)`` with :func:`nnlib.sgd`.

    Returns
    -------
    dict with
        ``mse``, ``accuracy`` : lists of epochs + 1 floats (or fewer if the run
        diverged): training MSE and test accuracy before training (epoch 0)
        and after each epoch;
        ``final_mse``, ``final_accuracy`` : the last of those (after the last
        epoch completed, if the run diverged);
        ``diverged`` : None or {"epoch", "step"} from ``History.diverged``;
        ``total_updates`` : the number of mini-batch steps taken.
    """
    net = Network(sizes, activation=activation, seed=seed)
    mse0, acc0 = net.cost(X, Y), net.accuracy(X_test, Y_test)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DivergenceWarning)   # reported as history.diverged
        history = sgd(net, X, Y, epochs, batch_size, eta, seed=seed,
                      X_val=X_test, Y_val=Y_test)
    per_epoch = -(-X.shape[0] // batch_size)
    d = history.diverged
    total = epochs * per_epoch if d is None else (d["epoch"] - 1) * per_epoch + d["step"]
    return {"mse": [mse0] + history.cost, "accuracy": [acc0] + history.val_accuracy,
            "final_mse": ([mse0] + history.cost)[-1],
            "final_accuracy": ([acc0] + history.val_accuracy)[-1],
            "diverged": d, "total_updates": total}


def train_grid(sizes, X, Y, X_test, Y_test, epochs, batch_sizes, etas, seed=0,
               activation="sigmoid"):
    """``[train_runs(..., m, etas, ...) for m in batch_sizes]``, one batch size per CPU.

    The batch sizes are independent, so on Linux with more than one CPU they
    train in forked worker processes, as many at a time as there are CPUs
    (the first, smallest batch sizes take longest and start first).  Each
    worker computes exactly what the loop would: the results are the same
    numbers either way.  Elsewhere, or on one CPU, this is the loop.
    """
    tasks = [(sizes, X, Y, X_test, Y_test, epochs, m, etas, seed, activation)
             for m in batch_sizes]
    workers = min(len(tasks), _cpus())
    with _one_thread():                         # the forked workers inherit the limit
        if workers < 2:
            return [train_runs(*task) for task in tasks]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(train_runs, *zip(*tasks)))


def _cpus():
    """The CPUs this process may run on, where worker processes can be forked (Linux); else 1."""
    if not sys.platform.startswith("linux"):
        return 1
    return len(os.sched_getaffinity(0))


def train_runs(sizes, X, Y, X_test, Y_test, epochs, batch_size, etas, seed=0,
               activation="sigmoid"):
    """``[train_run(..., eta, ...) for eta in etas]``, trained side by side.

    The runs differ in eta only: they start from the same weights (``seed``)
    and see the same shuffles and mini-batches.  So they can take every step
    together, in one set of numpy calls on weights stacked along a first axis
    of length R = len(etas) (``W[l]`` has shape (R, sizes[l+1], sizes[l])).
    Each call does what R runs of :func:`nnlib.sgd` would do in R calls,
    element for element the same arithmetic, so the numbers are the same to
    the last bit (the tests check), in a fraction of the time: a small
    mini-batch is cheap to compute, and what costs is the number of calls.

    The steps are those of ``Network._backprop`` and ``optim._epoch`` (mean
    squared error, one activation for every layer).  A run whose gradient or
    cost turns non-finite stops where :func:`nnlib.sgd` would: its history
    ends there, while the others carry on.  (Its row goes on being computed,
    unrecorded: no row's numbers ever mix with another's.)
    """
    net = Network(sizes, activation=activation, seed=seed)
    act, n, m, R = get_activation(activation), X.shape[0], batch_size, len(etas)
    steps = -(-n // m)
    mse0, acc0 = net.cost(X, Y), net.accuracy(X_test, Y_test)
    runs = [{"mse": [mse0], "accuracy": [acc0], "diverged": None} for _ in etas]
    theta, W, b = _stacked(net.sizes, R)                # every run's W and b, one vector
    grad, grad_W, grad_b = _stacked(net.sizes, R)       # the gradients, laid out the same way
    eta, eta_W, eta_b = _stacked(net.sizes, R)          # each run's eta, laid out the same way
    for l in range(len(W)):
        W[l][...], b[l][...] = net.W[l], net.b[l]
        eta_W[l][...], eta_b[l][...] = np.reshape(etas, (R, 1, 1)), np.reshape(etas, (R, 1))
    stopped = [False] * R
    rng = np.random.default_rng(seed)                   # as sgd(..., seed=seed) shuffles
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(1, epochs + 1):
            order = rng.permutation(n)
            Xs, Ys = X[order], Y[order]
            for step, start in enumerate(range(0, n, m), 1):
                _backprop_stacked(W, b, act, Xs[start:start + m], Ys[start:start + m],
                                  grad_W, grad_b)
                if not math.isfinite(grad.sum()):       # sgd's check, then which runs
                    per_run = sum(g.reshape(R, -1).sum(axis=1) for g in grad_W + grad_b)
                    for r in range(R):
                        if not (stopped[r] or math.isfinite(per_run[r])):
                            runs[r]["diverged"] = {"epoch": epoch, "step": step}
                            stopped[r] = True
                theta -= eta * grad                     # w <- w - eta dC/dw (eq. update-rule)
            A = _forward_stacked(W, b, act, X)[1][-1]
            A_test = _forward_stacked(W, b, act, X_test)[1][-1]
            for r in [r for r in range(R) if not stopped[r]]:
                cost = mse(A[r], Y)                     # sgd's exact history, run by run
                if not np.isfinite(cost):
                    runs[r]["diverged"] = {"epoch": epoch, "step": steps}
                    stopped[r] = True
                    continue
                runs[r]["mse"].append(cost)
                runs[r]["accuracy"].append(float(np.mean(labels_from(A_test[r])
                                                         == labels_from(Y_test))))
    return [{"mse": run["mse"], "accuracy": run["accuracy"], "final_mse": run["mse"][-1],
             "final_accuracy": run["accuracy"][-1], "diverged": run["diverged"],
             "total_updates": epochs * steps if run["diverged"] is None else
             (run["diverged"]["epoch"] - 1) * steps + run["diverged"]["step"]} for run in runs]


def _stacked(sizes, R):
    """A vector holding R networks' W and b, layer by layer, and its views
    ``W[l]`` of shape (R, sizes[l+1], sizes[l]) and ``b[l]`` of shape (R, sizes[l+1])."""
    vector = np.empty(R * sum(o * (i + 1) for i, o in zip(sizes[:-1], sizes[1:])))
    W, b, start = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        W.append(vector[start:start + R * n_out * n_in].reshape(R, n_out, n_in))
        start += R * n_out * n_in
        b.append(vector[start:start + R * n_out].reshape(R, n_out))
        start += R * n_out
    return vector, W, b


def _forward_stacked(W, b, act, X):
    """``Network._forward_all`` for stacked weights: z and a of every layer, shape (R, n, width)."""
    zs, activations = [], [X]
    for W_l, b_l in zip(W, b):
        z = activations[-1] @ W_l.mT                    # z = W a + b  (eq. z-def)
        z += b_l[:, None, :]
        zs.append(z)
        activations.append(act.g(z))                    # a = g(z)     (eq. a-def)
    return zs, activations


def _backprop_stacked(W, b, act, X, Y, grad_W, grad_b):
    """``Network._backprop`` (mean squared error) for stacked weights, into grad_W, grad_b."""
    zs, activations = _forward_stacked(W, b, act, X)
    L = len(W)
    # delta^(L) = dC/da^(L) * sigma'(z^(L)), with dC/da = 2 (a - y) / m     (eq. bp-delta-L)
    delta = (2.0 / X.shape[0]) * (activations[L] - Y)
    delta *= act.g_prime(zs[L - 1], activations[L])
    for l in range(L - 1, -1, -1):
        np.matmul(delta.mT, activations[l], out=grad_W[l])     # (eq. bp-three-delta)
        delta.sum(axis=-2, out=grad_b[l])
        if l > 0:
            delta = delta @ W[l]                                # (eq. bp-delta)
            delta *= act.g_prime(zs[l - 1], activations[l])


class SGDExplorer(Explorer):
    """Sliders for the mini-batch size m and the learning rate eta of digit training.

    Shows the training MSE and the test accuracy after each epoch for the
    chosen (m, eta), over faint curves of the other batch sizes at the same
    eta, and the training MSE against the number of updates (ceil(n/m) per
    epoch).  Readouts: final training MSE, final test accuracy, m, eta,
    updates per epoch, updates in total, and whether the run diverged.

    Parameters
    ----------
    X, Y : training data, shapes (n, sizes[0]) and (n, sizes[-1]); default
        the digits training set (:func:`nnlib.load_digits`).
    X_test, Y_test : test data for the accuracy; default the digits test set.
    sizes : layer widths of the network, default ``[64, 30, 10]``.
    activation : activation of every layer (default ``"sigmoid"``).
    epochs : passes over the training rows per run (default 10).
    batch_sizes : the batch-size slider's options; default 1, 2, 5, 10, 32,
        100 (those below n) and n itself (full-batch gradient descent).
    etas : the learning-rate slider's options.
    n_train : int or None
        Train on this many rows of X, drawn with ``seed`` (default 400: see
        the module docstring for why); None uses every row.
    seed : seed of the subset, the initial weights and the shuffling.
    batch_size, eta : the starting slider positions.
    """

    kind = "sgd"
    title = "Mini-batch SGD on the digits: batch size m and learning rate η"
    script = "sgd.js"

    def __init__(self, X=None, Y=None, X_test=None, Y_test=None, sizes=(64, 30, 10),
                 epochs=10, batch_sizes=None, etas=(0.03, 0.1, 0.3, 1.0, 3.0, 10.0),
                 n_train=400, seed=0, batch_size=10, eta=3.0, activation="sigmoid"):
        self.sizes = list(Network(sizes, activation=activation, seed=seed).sizes)   # checks all three
        self.epochs = check_positive("epochs", epochs, integer=True)
        check_positive("batch_size", batch_size, integer=True)
        check_positive("eta", eta)
        self.X, self.Y, self.X_test, self.Y_test = self._data(X, Y, X_test, Y_test, n_train, seed)
        n = self.X.shape[0]
        if batch_sizes is None:
            batch_sizes = [m for m in DEFAULT_BATCHES if m < n] + [n]
        self.batch_sizes = [check_positive("batch_sizes[]", m, integer=True)
                            for m in check_list("batch_sizes", batch_sizes, what="a list of batch sizes")]
        self.etas = [float(check_positive("etas[]", e))
                     for e in check_list("etas", etas, what="a list of learning rates")]
        self.start = (self._nearest(self.batch_sizes, batch_size), self._nearest(self.etas, eta))
        self.runs = train_grid(self.sizes, self.X, self.Y, self.X_test, self.Y_test,
                               self.epochs, self.batch_sizes, self.etas, seed, activation)
        super().__init__()

    def _data(self, X, Y, X_test, Y_test, n_train, seed):
        check_together(X=X, Y=Y)
        check_together(X_test=X_test, Y_test=Y_test)
        if n_train is not None:
            check_positive("n_train", n_train, integer=True)
        if X is None:
            split = load_digits(seed=seed)
            X, Y = split.X_train, split.Y_train
            if X_test is None:
                X_test, Y_test = split.X_test, split.Y_test
        X, Y = check_pair(self.sizes, X, Y)
        X_test, Y_test = (X, Y) if X_test is None else check_pair(self.sizes, X_test, Y_test)
        if n_train is not None and n_train < X.shape[0]:
            rows = np.sort(np.random.default_rng(seed).choice(X.shape[0], n_train, replace=False))
            X, Y = X[rows], Y[rows]
        return X, Y, X_test, Y_test

    @staticmethod
    def _nearest(options, value):
        """Index of the option nearest to value (ratio-wise: options are scales)."""
        v = float(value)
        return int(np.argmin([abs(np.log(o / v)) if v > 0 else abs(o - v) for o in options]))

    # ---- Explorer interface ----------------------------------------------------
    def controls_spec(self):
        m, e = self.start
        return [Control("batch_size", "batch m", self.batch_sizes[m],
                        options=tuple(self.batch_sizes)),
                Control("eta", "η", self.etas[e], options=tuple(self.etas))]

    def _indices(self, values):
        return (self._nearest(self.batch_sizes, values["batch_size"]),
                self._nearest(self.etas, values["eta"]))

    def compute(self, values):
        i, j = self._indices(values)
        run, m = self.runs[i][j], self.batch_sizes[i]
        return {"mse": run["final_mse"], "accuracy": run["final_accuracy"],
                "batch_size": m, "eta": self.etas[j],
                "updates": -(-self.X.shape[0] // m), "total_updates": run["total_updates"],
                "diverged": run["diverged"] is not None}

    def readout_labels(self):
        return {"mse": "final training MSE", "accuracy": "test accuracy",
                "batch_size": "m", "eta": "η", "updates": "updates per epoch",
                "total_updates": "updates in all", "diverged": "diverged"}

    def static_data(self):
        return {"batch_sizes": self.batch_sizes, "etas": self.etas, "n": self.X.shape[0],
                "n_test": self.X_test.shape[0], "n_classes": self.sizes[-1],
                "epochs": self.epochs, "runs": self.runs, "mse_lim": self._mse_lim()}

    # ---- the picture ------------------------------------------------------------
    def _mse_lim(self):
        values = [v for row in self.runs for run in row for v in run["mse"]]
        start = max(run["mse"][0] for row in self.runs for run in row)
        lo, hi = max(min(values), 1e-6), min(max(values), 100 * start)   # blow-ups run off the top
        return (float(10 ** (np.floor(np.log10(lo) * 4) / 4 - 0.05)),
                float(10 ** (np.ceil(np.log10(hi) * 4) / 4 + 0.1)))

    def draw(self, values, state):
        i, j = self._indices(values)
        picked, lim, E, n = self.runs[i][j], self._mse_lim(), self.epochs, self.X.shape[0]
        xlim = (-0.03 * E, 1.03 * E)            # room for the dots at both ends
        ticks = nice_ticks(0, E)
        p1 = LogPlot(320, 230, xlim, lim, y0=TOP, margin=(26, 12, 34, 52),
                     xticks=ticks).axes("epoch", "training MSE")
        p2 = LogPlot(320, 230, xlim, (-0.02, 1.02), x0=320, y0=TOP, margin=(26, 12, 34, 52),
                     logy=False, xticks=ticks, yticks=nice_ticks(0, 1)).axes("epoch", "test accuracy")
        total = max(E * -(-n // m) for m in self.batch_sizes)
        p3 = LogPlot(640, 210, (1, 1.3 * total), lim, y0=TOP + 230, margin=(30, LABELS_W, 34, 52),
                     logx=True).axes("number of updates (mini-batch steps)", "training MSE")
        labels = []
        for k, m in enumerate(self.batch_sizes):
            if k != i:
                run = self.runs[k][j]
                _curves(p1, p2, p3, run, -(-n // m), FAINT, 1.2, 0)
                labels.append((run, -(-n // m), f"m={m}", FAINT, COLORS["axis"]))
        _curves(p1, p2, p3, picked, state["updates"], PICKED, 2.5, 3)
        labels.append((picked, state["updates"], f"m={state['batch_size']}", PICKED, PICKED))
        p3.parts.append(_end_labels(p3, labels))
        p1.text(p1.x0, p1.y0 - 8, f"on {n} training digits", 12)
        p2.text(p2.x0, p2.y0 - 8, f"on {self.X_test.shape[0]} test digits", 12)
        p3.text(p3.x0, p3.y0 - 9, f"the same runs against the number of updates: "
                f"⌈n/m⌉ = ⌈{n}/{state['batch_size']}⌉ = {state['updates']} per epoch", 12)
        if picked["final_accuracy"] < 1.5 / self.sizes[-1]:
            p2.parts.append(_halo_text(p2.x0 + p2.w / 2, p2.y0 + 20,
                                       f"at chance level (1/{self.sizes[-1]}): nothing learned",
                                       12, COLORS["warn"], weight="bold"))
        if picked["diverged"] is not None:
            d = picked["diverged"]
            p1.parts.append(_halo_text(p1.x0 + p1.w / 2, p1.y0 + 20,
                                       f"diverged at epoch {d['epoch']}, step {d['step']}",
                                       12, COLORS["warn"], weight="bold"))
        return figure(640, TOP + 440, _legend(state), p1, p2, p3)


def _curves(p1, p2, p3, run, per_epoch, color, width, r):
    """One run's MSE and accuracy per epoch, and its MSE per number of updates."""
    epochs = list(range(len(run["mse"])))
    updates = [e * per_epoch for e in epochs[1:]]          # after epoch 1, 2, ...
    p1.line(epochs, run["mse"], color, width)
    p2.line(epochs, run["accuracy"], color, width)
    p3.line(updates, run["mse"][1:], color, width)
    if r:
        p1.dots(epochs, run["mse"], color, r)
        p2.dots(epochs, run["accuracy"], color, r)
        p3.dots(updates, run["mse"][1:], color, r)


def _end_labels(p, items):
    """Name each run in a column right of the plot, level with its last point.

    ``items``: (run, updates per epoch, text, line colour, text colour), the
    chosen run last.  Labels keep 13 px apart (:func:`spread`); a dotted
    leader joins each to its run's last point, so no label sits on a curve.
    """
    ends = []
    for run, per_epoch, text, line, color in items:
        x = p.px(max((len(run["mse"]) - 1) * per_epoch, 1))
        ends.append((x, min(max(p.py(run["mse"][-1]), p.y0), p.y0 + p.h)))
    at = spread([y for _, y in ends], 13, p.y0 + 4, p.y0 + p.h)
    x_text, out = p.x0 + p.w + 8, []
    for (x, y), y_text, (_, _, text, line, color) in zip(ends, at, items):
        out.append(f'<polyline points="{x + 4:.1f},{y:.1f} {p.x0 + p.w + 3:.1f},{y_text:.1f} '
                   f'{x_text - 2:.1f},{y_text:.1f}" fill="none"{paint(stroke=line)} '
                   f'stroke-dasharray="1 2"/>'
                   f'<text x="{x_text:.1f}" y="{y_text + 4:.1f}" font-size="12"'
                   f'{paint(color)}>{escape(text)}</text>')
    return "".join(out)


def _legend(state):
    """The row above the plots: which curve is the chosen run."""
    return (f'<line x1="52" y1="11" x2="72" y2="11"{paint(stroke=PICKED)} stroke-width="2.5"/>'
            f'<circle cx="62" cy="11" r="3"{paint(PICKED)}/>'
            f'<text x="78" y="15" font-size="12">m = {state["batch_size"]}, '
            f'η = {state["eta"]:g}</text>'
            f'<line x1="250" y1="11" x2="270" y2="11"{paint(stroke=FAINT)} stroke-width="2"/>'
            f'<text x="276" y="15" font-size="12"{paint(COLORS["muted"])}>the other batch sizes, same η</text>')
