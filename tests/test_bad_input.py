"""Every bad input gets a clear error naming the argument, the value and what was expected.

Each table row is ``(call, exception type, phrase of the message)``.  The call
must raise exactly that type with that phrase (a regex), emit no warning at
all, and never leak numpy's wording (see clear_errors.py).  Files (save/load)
and the command line are in test_io_cli.py.
"""
import warnings

import numpy as np
import pytest

import nnlib
from nnlib import (Network, curve, gradcheck, load_digits, moons, numerical_gradient, one_hot,
                   relative_error, save, sgd)
from nnlib.descent import gradient_descent, regime
from nnlib.explorers import (ActivationGallery, BackpropExplorer, LearningRateExplorer,
                             NetworkExplorer, NeuronExplorer, SGDExplorer)
from nnlib.explorers.learning_rate import two_scales
from nnlib.plotting import activations as pa, calculus as pc, diagrams as pd, graphs as pg
from nnlib.plotting import surfaces as ps, training as pt

from clear_errors import raises_clearly

net = Network([3, 4, 2])
X, Y = np.zeros((5, 3)), np.zeros((5, 2))
f = np.square                                   # a cost curve for the plotting functions
f2 = lambda x, y: x ** 2 + y ** 2


def case(call, error, message, id=None):
    return pytest.param(call, error, message, id=id or message[:50])


def table(*cases):
    return pytest.mark.parametrize("call, error, message", list(cases))


# ---- Network and its methods ----------------------------------------------------------
@table(
    case(lambda: Network([3]), ValueError, r"at least 2 layers.*\[3\]"),
    case(lambda: Network([3, 0, 2]), ValueError, r"sizes\[1\] must be a positive integer, got 0"),
    case(lambda: Network([3, -1, 2]), ValueError, r"sizes\[1\].*got -1"),
    case(lambda: Network([3, 2.5, 2]), TypeError, r"sizes\[1\] must be a positive integer, got 2.5"),
    case(lambda: Network([3, True, 2]), TypeError, r"sizes\[1\] must be a positive integer, got True"),
    case(lambda: Network(5), TypeError, "sizes must be a list of layer widths.*got 5"),
    case(lambda: Network("64 30 10"), TypeError, "sizes must be a list of layer widths.*'64 30 10'"),
    case(lambda: Network([2, 2], activation="sigmod"), ValueError,
         "unknown activation 'sigmod'; expected one of 'sigmoid'"),
    case(lambda: Network([2, 2], activation=None), ValueError, "unknown activation None"),
    case(lambda: Network([2, 2], activation=np.array(["a", "b"])), ValueError, "unknown activation"),
    case(lambda: Network([2, 2], output_activation="soft"), ValueError, "unknown activation 'soft'"),
    case(lambda: Network([2, 2], seed=-1), ValueError, "seed must be an integer from 0 to 4294967295"),
    case(lambda: Network([2, 2], seed=2**32), ValueError, "seed must be an integer from 0 to 4294967295"),
    case(lambda: Network([2, 2], seed=1.5), TypeError, "seed must be an integer.*got 1.5"),
    case(lambda: Network([2, 2], seed="0"), TypeError, "seed must be an integer.*got '0'"),
    case(lambda: Network([2, 2], seed=True), TypeError, "seed must be an integer.*got True"),
    case(lambda: Network([2, 2], seed=None), TypeError, "seed must be an integer.*got None"),
    case(lambda: Network([2, 2], init="he"), ValueError,
         "unknown init 'he'; expected one of 'random', 'glorot', 'constant'"),
    case(lambda: net.forward(np.zeros((5, 4))), ValueError, r"X must have 3 features.*\(5, 4\)"),
    case(lambda: net.forward(np.zeros(3)), ValueError, r"X must be 2-D.*shape \(3,\).*reshape\(1, -1\)"),
    case(lambda: net.forward(np.zeros((2, 3, 1))), ValueError, r"X must be 2-D.*\(2, 3, 1\)"),
    case(lambda: net.forward(np.zeros((0, 3))), ValueError, r"at least one row.*\(0, 3\)"),
    case(lambda: net.forward([["a", "b", "c"]]), TypeError, "X must be an array of numbers"),
    case(lambda: net.forward([[1, 2], [3]]), TypeError, "X must be an array of numbers.*equal length"),
    case(lambda: net.forward([[1, None, 3]]), TypeError, "X must be an array of numbers"),
    case(lambda: net.forward(X + 1j), TypeError, r"X must hold real numbers, got complex.*np.real"),
    case(lambda: net.forward(X > 0), TypeError, r"X must hold numbers, got True/False.*astype\(float\)"),
    case(lambda: net.forward(np.full((1, 3), np.nan)), ValueError, "X must contain only finite.*nan at row 0"),
    case(lambda: net.forward_all(np.zeros((5, 2))), ValueError, "X must have 3 features"),
    case(lambda: net.forward_all(X + 1j), TypeError, "X must hold real numbers"),
    case(lambda: net.forward_all(np.full((2, 3), np.inf)), ValueError, "X must contain only finite.*inf"),
    case(lambda: net.cost(X, Y[:4]), ValueError, "same number of rows.*X with 5 and Y with 4"),
    case(lambda: net.cost(X, np.zeros((5, 3))), ValueError, r"Y must have 2 columns.*\(5, 3\)"),
    case(lambda: net.cost(np.where(X == 0, np.nan, X), Y), ValueError, "X must contain only finite.*nan at row 0"),
    case(lambda: net.cost(X, np.full((5, 2), np.inf)), ValueError, "Y must contain only finite.*inf"),
    case(lambda: net.cost(X, Y + 1j), TypeError, "Y must hold real numbers"),
    case(lambda: net.cost(X, np.zeros(5)), ValueError, "Y must be 2-D.*reshape"),
    case(lambda: net.cost(X, Y, cost="cross"), ValueError, "unknown cost 'cross'; expected one of 'mse', 'sse'"),
    case(lambda: net.cost(X, Y, cost=None), ValueError, "unknown cost None"),
    case(lambda: net.backprop(X, Y[:4]), ValueError, "same number of rows.*X with 5 and Y with 4"),
    case(lambda: net.backprop(X[:, :2], Y), ValueError, "X must have 3 features"),
    case(lambda: net.backprop(X, Y > 0), TypeError, "Y must hold numbers, got True/False"),
    case(lambda: net.backprop(X, Y, cost="l2"), ValueError, "unknown cost 'l2'"),
    case(lambda: net.predict(np.zeros((5, 4))), ValueError, "X must have 3 features"),
    case(lambda: net.predict("abc"), TypeError, "X must be an array of numbers"),
    case(lambda: net.accuracy(X, Y[:3]), ValueError, "same number of rows"),
    case(lambda: net.accuracy(X, np.zeros((5, 3))), ValueError, "Y must have 2 columns"),
)
def test_network(call, error, message):
    raises_clearly(call, error, message)


# ---- weights and biases replaced by hand ------------------------------------------------
def replaced(layer, key, value):
    """A fresh [3, 4, 2] network whose W or b[layer] was replaced by ``value``."""
    bad = Network([3, 4, 2])
    getattr(bad, key)[layer] = value
    return bad


def nan_at(shape, where):
    P = np.zeros(shape)
    P[where] = np.nan
    return P


CORRUPTIONS = {      # name: (network, error, phrase)
    "W shape": (lambda: replaced(0, "W", np.zeros((4, 4))), ValueError,
                r"net.W\[0\] \(the book's W\^\(1\)\) must have shape \(4, 3\) \(sizes\[1\], sizes\[0\]\).*got shape \(4, 4\)"),
    "W transposed": (lambda: replaced(1, "W", np.zeros((4, 2))), ValueError,
                     r"net.W\[1\] \(the book's W\^\(2\)\) must have shape \(2, 4\).*got shape \(4, 2\)"),
    "b column": (lambda: replaced(0, "b", np.zeros((4, 1))), ValueError,
                 r"net.b\[0\] \(the book's b\^\(1\)\) must have shape \(4,\).*got shape \(4, 1\)"),
    "W ints": (lambda: replaced(0, "W", np.zeros((4, 3), dtype=int)), TypeError,
               r"net.W\[0\].*must hold real floats, got dtype int64"),
    "W complex": (lambda: replaced(0, "W", np.zeros((4, 3), dtype=complex)), TypeError,
                  r"net.W\[0\].*must hold real floats, got dtype complex128"),
    "W list": (lambda: replaced(0, "W", [[0.0] * 3] * 4), TypeError,
               r"net.W\[0\].*must be a numpy array of shape \(4, 3\), got \[\["),
    "W nan": (lambda: replaced(1, "W", nan_at((2, 4), (1, 2))), ValueError,
              r"net.W\[1\].*must contain only finite numbers, got nan at row 1, column 2"),
    "b inf": (lambda: replaced(1, "b", np.array([0.0, np.inf])), ValueError,
              r"net.b\[1\].*must contain only finite numbers, got inf at index 1"),
}
CALLS = {            # name: what a reader does with the network
    "forward": lambda n: n.forward(X),
    "forward_all": lambda n: n.forward_all(X),
    "cost": lambda n: n.cost(X, Y),
    "backprop": lambda n: n.backprop(X, Y),
    "predict": lambda n: n.predict(X),
    "accuracy": lambda n: n.accuracy(X, Y),
    "sgd": lambda n: sgd(n, X, Y, 1, 2, 1.0),
    "gradcheck": lambda n: gradcheck(n, X, Y),
    "numerical_gradient": lambda n: numerical_gradient(n, X, Y),
    "save": lambda n: save(n, "never-written.npz"),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
@pytest.mark.parametrize("call", list(CALLS))
def test_replaced_weights_are_named_before_any_arithmetic(corruption, call, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make, error, message = CORRUPTIONS[corruption]
    bad = make()
    before = [p.copy() if isinstance(p, np.ndarray) else p for p in bad.W + bad.b]
    text = raises_clearly(lambda: CALLS[call](bad), error, message)
    assert "eta" not in text                                   # not mistaken for divergence
    for p, q in zip(bad.W + bad.b, before):                    # nothing was trained or nudged
        np.testing.assert_array_equal(p, q)
    assert not (tmp_path / "never-written.npz").exists()


def test_missing_layer_is_named():
    bad = Network([3, 4, 2])
    bad.W.pop()
    raises_clearly(lambda: bad.forward(X), ValueError, r"net.W must be a list of 2 arrays.*\[3, 4, 2\]")


def test_nan_weights_are_not_reported_as_divergence():
    bad = replaced(0, "W", nan_at((4, 3), (0, 0)))
    text = raises_clearly(lambda: sgd(bad, X, Y, 1, 2, 1.0), ValueError, "must contain only finite")
    assert "diverged" not in text and "smaller eta" not in text


# ---- sgd ------------------------------------------------------------------------------
@table(
    case(lambda: sgd("net", X, Y, 1, 2, 1.0), TypeError, "net must be an nnlib Network.*'net'"),
    case(lambda: sgd(net, X[:, :2], Y, 1, 2, 1.0), ValueError, "X must have 3 features"),
    case(lambda: sgd(net, X, Y[:, :1], 1, 2, 1.0), ValueError, "Y must have 2 columns"),
    case(lambda: sgd(net, X + 1j, Y, 1, 2, 1.0), TypeError, "X must hold real numbers"),
    case(lambda: sgd(net, X, Y, -1, 2, eta=1.0), ValueError, "epochs must be a finite integer >= 0, got -1"),
    case(lambda: sgd(net, X, Y, 1.5, 2, eta=1.0), TypeError, "epochs must be an integer >= 0, got 1.5"),
    case(lambda: sgd(net, X, Y, True, 2, eta=1.0), TypeError, "epochs must be an integer >= 0, got True"),
    case(lambda: sgd(net, X, Y, None, 2, eta=1.0), TypeError, "epochs must be an integer >= 0, got None"),
    case(lambda: sgd(net, X, Y, 1, 0, eta=1.0), ValueError, "batch_size must be a finite integer > 0, got 0"),
    case(lambda: sgd(net, X, Y, 1, 2.5, eta=1.0), TypeError, "batch_size must be an integer > 0, got 2.5"),
    case(lambda: sgd(net, X, Y, 1, "10", eta=1.0), TypeError, "batch_size must be an integer > 0, got '10'"),
    case(lambda: sgd(net, X, Y, 1, 2, eta=0), ValueError, "eta must be a finite number > 0, got 0"),
    case(lambda: sgd(net, X, Y, 1, 2, eta=-0.1), ValueError, r"eta must be.*got -0.1"),
    case(lambda: sgd(net, X, Y, 1, 2, eta=float("nan")), ValueError, "eta must be.*got nan"),
    case(lambda: sgd(net, X, Y, 1, 2, eta=float("inf")), ValueError, "eta must be.*got inf"),
    case(lambda: sgd(net, X, Y, 1, 2, eta=1j), TypeError, r"eta must be a number > 0, got 1j"),
    case(lambda: sgd(net, X, Y, 1, 2, eta=True), TypeError, "eta must be a number > 0, got True"),
    case(lambda: sgd(net, X, Y, 1, 2, eta="3"), TypeError, "eta must be a number > 0, got '3'"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, cost="l1"), ValueError, "unknown cost 'l1'"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, seed=-1), ValueError, "seed must be an integer from 0 to"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, seed=0.5), TypeError, "seed must be an integer.*got 0.5"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, X_val=X), ValueError,
         "pass both X_val and Y_val \\(or neither\\), got X_val=an array and Y_val=None"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, Y_val=Y), ValueError, "pass both X_val and Y_val.*X_val=None"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, X_val=X[:, :2], Y_val=Y), ValueError, "X_val must have 3 features"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, X_val=X, Y_val=Y[:, :1]), ValueError, "Y_val must have 2 columns"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, X_val=X, Y_val=Y[:3]), ValueError,
         "X_val and Y_val must have the same number of rows"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, X_val=X + np.nan, Y_val=Y), ValueError, "X_val must contain only finite"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, callback=5), TypeError,
         r"callback must be a function such as callback\(epoch, net, history\), got 5"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, callback="print"), TypeError, "callback must be a function"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, progress="yes"), TypeError, "progress must be True or False, got 'yes'"),
    case(lambda: sgd(net, X, Y, 1, 2, 1.0, progress=1), TypeError, "progress must be True or False, got 1"),
)
def test_sgd(call, error, message):
    before = [p.copy() for p in net.W + net.b]
    raises_clearly(call, error, message)
    assert all((p == q).all() for p, q in zip(net.W + net.b, before))    # checked before training


# ---- gradcheck, numerical_gradient, relative_error -----------------------------------------
@table(
    case(lambda: gradcheck(net, X, Y, eps=0), ValueError, "eps must be a number from 1e-12 to 1 .*got 0"),
    case(lambda: gradcheck(net, X, Y, eps=-1e-6), ValueError, "eps must be a number from 1e-12 to 1.*got -1e-06"),
    case(lambda: gradcheck(net, X, Y, eps=1e-20), ValueError, "eps.*rounding error.*got 1e-20"),
    case(lambda: gradcheck(net, X, Y, eps=2.0), ValueError, "eps.*curvature.*got 2.0"),
    case(lambda: gradcheck(net, X, Y, eps=float("nan")), ValueError, "eps must be a number from.*got nan"),
    case(lambda: gradcheck(net, X, Y, eps="1e-6"), TypeError, "eps must be a number.*got '1e-6'"),
    case(lambda: gradcheck(net, X, Y, eps=True), TypeError, "eps must be a number.*got True"),
    case(lambda: gradcheck(net, X, Y, eps=1e-6j), TypeError, "eps must be a number"),
    case(lambda: gradcheck([3, 4, 2], X, Y), TypeError, r"net must be an nnlib Network.*\[3, 4, 2\]"),
    case(lambda: gradcheck(net, X[:, :1], Y), ValueError, "X must have 3 features"),
    case(lambda: gradcheck(net, X, Y[:2]), ValueError, "same number of rows"),
    case(lambda: gradcheck(net, X, Y, cost="mae"), ValueError, "unknown cost 'mae'"),
    case(lambda: numerical_gradient(net, X, Y, eps=0), ValueError, "eps must be a number from 1e-12 to 1"),
    case(lambda: numerical_gradient(net, X, Y, eps=None), TypeError, "eps must be a number.*got None"),
    case(lambda: numerical_gradient(None, X, Y), TypeError, "net must be an nnlib Network.*None"),
    case(lambda: numerical_gradient(net, X + 1j, Y), TypeError, "X must hold real numbers"),
    case(lambda: numerical_gradient(net, X, np.zeros((5, 3))), ValueError, "Y must have 2 columns"),
    case(lambda: numerical_gradient(net, X, Y, cost="l1"), ValueError, "unknown cost 'l1'"),
    case(lambda: relative_error([1, 2], [1, 2, 3]), ValueError, "a and b must have the same number of entries, got 2 and 3"),
    case(lambda: relative_error([1, np.nan], [1, 2]), ValueError, "a must contain only finite numbers, got nan at index 1"),
    case(lambda: relative_error([1, 2], [1, np.inf]), ValueError, "b must contain only finite numbers, got inf"),
    case(lambda: relative_error([1j, 2], [1, 2]), TypeError, "a must hold real numbers"),
    case(lambda: relative_error("ab", [1, 2]), TypeError, "a must be an array of numbers"),
    case(lambda: relative_error([1, 2], [[1], [2, 3]]), TypeError, "b must be an array of numbers"),
)
def test_gradcheck(call, error, message):
    raises_clearly(call, error, message)


# ---- datasets -------------------------------------------------------------------------
@table(
    case(lambda: one_hot([0, -1, 2], 3), ValueError,
         r"y\[1\] = -1 is not a class label: labels must be integers from 0 to 2 for n_classes=3"),
    case(lambda: one_hot(np.array([0, 3]), 3), ValueError, r"y\[1\] = 3 is not a class label.*from 0 to 2"),
    case(lambda: one_hot([0.0, 1.5], 3), TypeError, "y must hold integer class labels, got float64 values such as 1.5"),
    case(lambda: one_hot(np.array([0.0, 2.0]), 3), TypeError, r"whole numbers, so y.astype\(int\) will do"),
    case(lambda: one_hot([True, False], 3), TypeError, "y must hold integer class labels, got bool"),
    case(lambda: one_hot(["a", "b"], 3), TypeError, "y must hold integer class labels"),
    case(lambda: one_hot([[0, 1]], 3), ValueError, r"y must be 1-D.*\(1, 2\)"),
    case(lambda: one_hot(3, 3), ValueError, r"y must be 1-D.*shape \(\)"),
    case(lambda: one_hot([0, [1]], 3), TypeError, "y must be a list of integer class labels"),
    case(lambda: one_hot([0, 1], 0), ValueError, "n_classes must be a finite integer > 0, got 0"),
    case(lambda: one_hot([0, 1], 2.0), TypeError, "n_classes must be an integer > 0, got 2.0"),
    case(lambda: one_hot([0, 1], None), TypeError, "n_classes must be an integer > 0, got None"),
    case(lambda: load_digits(test_size=0), ValueError, "test_size must be a number from 0.006 to 0.994.*got 0"),
    case(lambda: load_digits(test_size=1.5), ValueError, "test_size must be a number from 0.006 to 0.994"),
    case(lambda: load_digits(test_size=0.001), ValueError, "one image per digit.*got 0.001"),
    case(lambda: load_digits(test_size=360), ValueError, "test_size must be a number from 0.006.*got 360"),
    case(lambda: load_digits(test_size="0.2"), TypeError, "test_size must be a number"),
    case(lambda: load_digits(seed=-1), ValueError, "seed must be an integer from 0 to 4294967295"),
    case(lambda: load_digits(seed=None), TypeError, "seed must be an integer"),
    case(lambda: curve(n=0), ValueError, "n must be a finite integer > 0, got 0"),
    case(lambda: curve(n=2.5), TypeError, "n must be an integer > 0"),
    case(lambda: curve(noise=-0.1), ValueError, "noise must be a finite number >= 0, got -0.1"),
    case(lambda: curve(noise=float("nan")), ValueError, "noise must be a finite number >= 0, got nan"),
    case(lambda: curve(seed=-3), ValueError, "seed must be an integer from 0"),
    case(lambda: moons(n=-5), ValueError, "n must be a finite integer > 0, got -5"),
    case(lambda: moons(n="200"), TypeError, "n must be an integer > 0"),
    case(lambda: moons(noise=-1), ValueError, "noise must be a finite number >= 0, got -1"),
    case(lambda: moons(noise=None), TypeError, "noise must be a number >= 0, got None"),
    case(lambda: moons(seed=1.5), TypeError, "seed must be an integer"),
    case(lambda: nnlib.xor(1), TypeError, "takes 0 positional arguments"),
)
def test_datasets(call, error, message):
    raises_clearly(call, error, message)


def test_good_labels_still_work():
    np.testing.assert_array_equal(one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])
    np.testing.assert_array_equal(one_hot(np.array([1], dtype=np.uint8), 2), [[0, 1]])
    assert one_hot([], 4).shape == (0, 4)


# ---- plain gradient descent (nnlib.descent) ---------------------------------------------
grad = lambda x: 2 * x
traj = gradient_descent(grad, 1.0, 0.25, 3)


@table(
    case(lambda: gradient_descent(5, 1.0, 0.1, 5), TypeError, "grad must be a function such as grad"),
    case(lambda: gradient_descent(grad, 1.0, -0.1, 5), ValueError, "eta must be a finite number > 0"),
    case(lambda: gradient_descent(grad, 1.0, "0.1", 5), TypeError, "eta must be a number > 0"),
    case(lambda: gradient_descent(grad, 1.0, 0.1, 2.5), TypeError, "steps must be an integer >= 0"),
    case(lambda: gradient_descent(grad, 1.0, 0.1, -1), ValueError, "steps must be a finite integer >= 0"),
    case(lambda: gradient_descent(grad, 1.0, 0.1, 5, bound=0), ValueError, "bound must be a finite number > 0"),
    case(lambda: gradient_descent(grad, [[1.0]], 0.1, 5), ValueError, "x0 must be a finite number or a 1-D array"),
    case(lambda: gradient_descent(grad, np.nan, 0.1, 5), ValueError, "x0 must be a finite number"),
    case(lambda: gradient_descent(grad, 1 + 1j, 0.1, 5), TypeError, "x0 must hold real numbers"),
    case(lambda: gradient_descent(grad, "1", 0.1, 5), TypeError, "x0 must be an array of numbers"),
    case(lambda: gradient_descent(lambda x: [1.0, 2.0], 1.0, 0.1, 5), ValueError,
         r"grad\(x\) must return an array shaped like x, \(\), got shape \(2,\)"),
    case(lambda: gradient_descent(lambda x: 1j * x, 1.0, 0.1, 5), TypeError, r"grad\(x\) must hold real numbers"),
    case(lambda: gradient_descent(lambda x: None, 1.0, 0.1, 5), TypeError, r"grad\(x\) must be an array of numbers"),
    case(lambda: regime(5, 0.0), TypeError, r"trajectory must be a pair \(x, diverged\)"),
    case(lambda: regime((traj.x, "no"), 0.0), TypeError, "trajectory.diverged must be an integer"),
    case(lambda: regime(([], None), 0.0), ValueError, r"trajectory.x must have shape \(t \+ 1,\)"),
    case(lambda: regime(([1.0, np.nan], None), 0.0), ValueError, "trajectory.x must contain only finite"),
    case(lambda: regime(traj, [0.0, 0.0]), ValueError, "x_min must have 1 entries"),
    case(lambda: regime(traj, "0"), TypeError, "x_min must be an array of numbers"),
    case(lambda: regime(traj, 0.0, slow=2), ValueError, "slow must be a number from 0 to 1, got 2"),
    case(lambda: regime(traj, 0.0, bounce=-1), ValueError, "bounce must be a number from 0 to 1, got -1"),
    case(lambda: regime(traj, 0.0, bounce=None), TypeError, "bounce must be a number from 0 to 1"),
)
def test_descent(call, error, message):
    raises_clearly(call, error, message)


# ---- plotting: the main arguments -------------------------------------------------------
hist = nnlib.History(cost=[1.0], accuracy=[0.5])


@table(
    case(lambda: pa.plot_activation("sigmod"), ValueError, "unknown activation 'sigmod'"),
    case(lambda: pa.plot_activation("tanh", z=[[1, 2]]), ValueError, "z must be 1-D"),
    case(lambda: pa.plot_activation("tanh", z=[1j]), TypeError, "z must hold real numbers"),
    case(lambda: pa.plot_activation("tanh", derivative="no"), TypeError, "derivative must be True or False"),
    case(lambda: pa.plot_activation("tanh", ax="left"), TypeError, "ax must be a matplotlib Axes"),
    case(lambda: pa.plot_activations("sigmoid"), TypeError, "names must be a list of activation names"),
    case(lambda: pa.plot_activations([]), ValueError, "names must be a list of activation names with at least 1"),
    case(lambda: pa.plot_activations(["elu"]), ValueError, "unknown activation 'elu'"),
    case(lambda: pa.plot_activations(ncols=0), ValueError, "ncols must be a finite integer > 0"),
    case(lambda: pa.plot_neuron_response([]), ValueError, r"params must be a list of \(w, b\) pairs with at least 1"),
    case(lambda: pa.plot_neuron_response([(1, 2, 3)]), ValueError, r"params\[0\] must have 2 entries, got 3"),
    case(lambda: pa.plot_neuron_response([(0, 1)]), ValueError, "every w must be non-zero"),
    case(lambda: pa.plot_neuron_response([(1j, 1)]), TypeError, r"params\[0\] must hold real numbers"),
    case(lambda: pa.plot_neuron_response([(1, 0)], x=[np.inf]), ValueError, "x must contain only finite"),
    case(lambda: pa.plot_neuron_response([(1, 0)], activation="elu"), ValueError, "unknown activation 'elu'"),
    case(lambda: pa.plot_bias_shift(3), TypeError, "biases must be a list of numbers"),
    case(lambda: pa.plot_bias_shift([1], w="2"), TypeError, "w must be a number"),
    case(lambda: pa.sensitive_band(threshold=0), ValueError, "threshold must be a finite number > 0"),
    case(lambda: pa.sensitive_band("elu"), ValueError, "unknown activation 'elu'"),
    case(lambda: pa.plot_z_histograms([[1, 2]], ["a", "b"]), ValueError, r"labels must have one entry per array of zs \(1\), got 2"),
    case(lambda: pa.plot_z_histograms([[]], ["a"]), ValueError, r"zs\[0\] must have at least 1 entries"),
    case(lambda: pa.plot_z_histograms([[1, 2]], ["a"], bins=0), ValueError, "bins must be a finite integer > 0"),
    case(lambda: pc.draw_index_diagram(sizes=(3, 0)), ValueError, r"sizes\[1\] must be a positive integer"),
    case(lambda: pc.draw_index_diagram(neuron=(1, 9)), ValueError, "neuron index j must be an integer from 0 to 3, got 9"),
    case(lambda: pc.draw_index_diagram(neuron=1), TypeError, r"neuron must be a tuple \(l, j\) or None, got 1"),
    case(lambda: pc.draw_index_diagram(weight=(True, 0, 0)), TypeError, "weight layer l must be an integer"),
    case(lambda: pc.draw_matvec(n_to=0), ValueError, "n_to must be a finite integer > 0, got 0"),
    case(lambda: pc.draw_matvec(layer=True), TypeError, "layer must be an integer > 0, got True"),
    case(lambda: pc.draw_matvec(row=3), ValueError, "row must be an integer from 0 to 2, got 3"),
    case(lambda: pc.plot_tangent(5, 0.0, 1.0), TypeError, "f must be a function"),
    case(lambda: pc.plot_tangent(f, "0", 1.0), TypeError, "x0 must be a number"),
    case(lambda: pc.plot_tangent(f, 0.0, np.nan), ValueError, "slope must be a finite number, got nan"),
    case(lambda: pc.plot_tangent(f, 0.0, 1.0, xlim=(5, -5)), ValueError, r"xlim must be a pair \(lo, hi\) with lo < hi"),
    case(lambda: pc.plot_tangent(f, 0.0, 1.0, steps=(1.0, 0.0)), ValueError, "steps must be non-zero"),
    case(lambda: pc.plot_partial_slices(f2, 0, 0, 0, "1"), TypeError, "dfdy must be a number"),
    case(lambda: pc.plot_partial_slices(f2, 0, 0, 0, 0, ylim=(1,)), TypeError, r"ylim must be a pair \(lo, hi\)"),
    case(lambda: pc.plot_chain_rule(1.0, 2.0, 1j), TypeError, "b must be a number"),
    case(lambda: pc.plot_chain_rule(1.0, 2.0, 0.0, activation="elu"), ValueError, "unknown activation 'elu'"),
    case(lambda: pc.plot_chain_rule(1.0, 2.0, 0.0, w_range=(1, 1)), ValueError, "w_range must be a pair.*lo < hi"),
    case(lambda: pc.plot_difference_errors([1e-3, 0.0], {"c": [1, 1]}), ValueError, "eps must hold steps > 0"),
    case(lambda: pc.plot_difference_errors([1e-3, 1e-2], {"c": [1]}), ValueError, r"errors\['c'\] must have 2 entries, got 1"),
    case(lambda: pc.plot_difference_errors([1e-3], [1]), TypeError, r"errors must be a dict \{label: values\}"),
    case(lambda: pc.plot_difference_errors([1e-3], {"c": [-1]}), ValueError, "absolute errors >= 0"),
    case(lambda: pc.plot_difference_errors([1e-3], {"c": [1]}, orders={"c": 1.5}), TypeError, r"orders\['c'\] must be an integer"),
    case(lambda: pc.plot_difference_errors([1e-3], {"c": [1]}, anchor=0), ValueError, "anchor must be a finite number > 0"),
    case(lambda: pd.draw_network("net"), TypeError, "net must be an nnlib Network or a list of layer sizes"),
    case(lambda: pd.draw_network([2, 0]), ValueError, r"sizes\[1\] must be a positive integer"),
    case(lambda: pd.draw_network(net, x=[1, 2]), ValueError, "x must have 3 entries, got 2"),
    case(lambda: pd.draw_network(net, x=[1, 2, np.nan]), ValueError, "x must contain only finite"),
    case(lambda: pd.draw_network(replaced(0, "W", np.zeros((4, 4)))), ValueError, r"net.W\[0\].*must have shape \(4, 3\)"),
    case(lambda: pd.draw_network(net, max_neurons=1), ValueError, "max_neurons must be an integer >= 2"),
    case(lambda: pd.draw_network(net, colorbar=None), TypeError, "colorbar must be True or False"),
    case(lambda: pd.draw_network(net, node_labels=1), TypeError, "node_labels must be True or False"),
    case(lambda: pd.draw_neuron([1, 2], [1], 0), ValueError, "a and w must have the same length"),
    case(lambda: pd.draw_neuron([], [], 0), ValueError, "a must have at least 1 entries"),
    case(lambda: pd.draw_neuron([1], [1], b="0"), TypeError, "b must be a number"),
    case(lambda: pd.draw_neuron([1], [1], 0, output=np.nan), ValueError, "output must be a finite number"),
    case(lambda: pg.draw_dependency_graph(L=0), ValueError, "L must be a positive integer"),
    case(lambda: pg.draw_dependency_graph(target=("w", 9)), ValueError, r"target must be \('w', l\)"),
    case(lambda: pg.draw_dependency_graph(labels="yes"), TypeError, "labels must be True or False"),
    case(lambda: pg.draw_fan_out(n_prev=7), ValueError, "n_prev must be an integer from 1 to 6"),
    case(lambda: pg.draw_fan_out(j=0.5), TypeError, "j must be an integer, got 0.5"),
    case(lambda: pg.draw_fan_out(k=5), ValueError, "need 0 <= j < n_out=2 and 0 <= k < n_prev=3"),
    case(lambda: pg.plot_operation_counts([1, 2], {"a": [1]}), ValueError, r"counts\['a'\] must have 2 entries"),
    case(lambda: pg.plot_operation_counts([1, 2], {"a": [1, 0]}), ValueError, r"counts\['a'\] must hold counts > 0"),
    case(lambda: pg.plot_operation_counts([1, 2.5], {"a": [1, 2]}), TypeError, "hidden_layers.* must be an integer"),
    case(lambda: pg.plot_operation_counts([1], {"a": [1]}, reference="b"), ValueError, "reference must be one of the keys"),
    case(lambda: ps.plot_cost_pair([0, 1], {"mse": [1, 2, 3]}, 0.5), ValueError, r"costs\['mse'\] must have 2 entries"),
    case(lambda: ps.plot_cost_pair([0, 1], {}, 0.5), ValueError, "costs must hold at least one curve"),
    case(lambda: ps.plot_cost_pair([0, 1], {"mse": [1, 2]}, "0.5"), TypeError, "minimiser must be a number"),
    case(lambda: ps.plot_descent_1d(f, [1.0], (-1, 1)), ValueError, "xs must have at least 2 entries"),
    case(lambda: ps.plot_descent_1d(f, [1.0, 0.5], (1, -1)), ValueError, "x_range must be a pair.*lo < hi"),
    case(lambda: ps.plot_descent_1d(f, [1.0, 0.5], (-1, 1), df=1), TypeError, "df must be a function"),
    case(lambda: ps.plot_descent_1d(f, [1.0, 0.5], (-1, 1), ncols=0), ValueError, "ncols must be a finite integer > 0"),
    case(lambda: ps.plot_descent_2d(f2, [1.0, 2.0], (-1, 1), (-1, 1)), ValueError, r"path must be 2-D"),
    case(lambda: ps.plot_descent_2d(f2, [[1, 2], [0, 0]], (-1, 1), (-1, 1), steps=(1, 2)), ValueError,
         r"steps\[\] must be an integer from 0 to 1 \(the steps the path has\), got 2"),
    case(lambda: ps.plot_descent_2d(f2, [[1, 2], [0, 0]], (-1, 1), (-1, 1), steps=(1,), levels=0), ValueError, "levels must be"),
    case(lambda: ps.plot_descent_2d(f2, [[1, 2], [0, 0]], (-1, 1), (-1, 1), steps=(1,), minimum=(0,)), ValueError,
         "minimum must have 2 entries"),
    case(lambda: ps.plot_lr_regimes(f, [[1, 0.5]], [0.1, 0.2], (-1, 1)), ValueError, r"one entry per path \(1\)"),
    case(lambda: ps.plot_lr_regimes(f, [], [], (-1, 1)), ValueError, "paths must be a list of paths"),
    case(lambda: ps.plot_lr_regimes(f, [[1, np.nan]], [0.1], (-1, 1)), ValueError, r"paths\[0\] must contain only finite"),
    case(lambda: ps.plot_rate_vs_eta([0.1, 0.2], [1, 2], [1], 1.0), ValueError, "predicted must have 2 entries"),
    case(lambda: ps.plot_rate_vs_eta([0.1], [1], [1], -1.0), ValueError, "threshold must be a finite number > 0"),
    case(lambda: ps.plot_basins(f, [[1, 0.5]], [], (-1, 1)), ValueError, "minima must have at least 1 entries"),
    case(lambda: ps.plot_basins("f", [[1, 0.5]], [0], (-1, 1)), TypeError, "f must be a function"),
    case(lambda: pt.plot_history({"cost": [1]}), TypeError, "history must have lists cost"),
    case(lambda: pt.plot_history(nnlib.History()), ValueError, "history is empty"),
    case(lambda: pt.plot_history(hist, axes=[1, 2]), TypeError, "axes.* must be a matplotlib Axes"),
    case(lambda: pt.plot_digits(np.zeros((2, 63))), ValueError, r"one flattened square image per row.*\(2, 63\)"),
    case(lambda: pt.plot_digits(np.zeros((2, 64)) + 1j), TypeError, "X must hold real numbers"),
    case(lambda: pt.plot_digits(np.full((2, 64), np.nan)), ValueError, "X must contain only finite"),
    case(lambda: pt.plot_digits(np.zeros((2, 64)), titles=["a"]), ValueError, r"titles must have one entry per image \(2\)"),
    case(lambda: pt.plot_digits(np.zeros((2, 64)), ncols=0), ValueError, "ncols must be a finite integer > 0"),
    case(lambda: pt.plot_digits(np.zeros((2, 64)), scale=-1), ValueError, "scale must be a finite number > 0"),
    case(lambda: pt.plot_digits(np.zeros((2, 64)), title_color=["red"]), ValueError, "title_color must be one colour or one per image"),
    case(lambda: pt.plot_misclassified(np.zeros((2, 64)), [0, 1], [0]), ValueError, "same length, got 2, 2 and 1"),
    case(lambda: pt.plot_misclassified(np.zeros((2, 64)), [0, -1], [0, 1]), ValueError, r"y_true\[1\] = -1 is not a class label"),
    case(lambda: pt.plot_misclassified(np.zeros((2, 64)), [[0, 1]], [0, 1]), ValueError, "y_true must be 1-D"),
    case(lambda: pt.plot_misclassified(np.zeros((2, 64)), [0, 1], [0, 1], max_images=0), ValueError, "max_images must be"),
    case(lambda: pt.plot_confusion_matrix(np.zeros((2, 3))), ValueError, r"C must be a square matrix of counts, got shape \(2, 3\)"),
    case(lambda: pt.plot_confusion_matrix([[1, -1], [0, 2]]), ValueError, r"C must hold counts \(whole numbers >= 0\), got -1"),
    case(lambda: pt.plot_confusion_matrix([[1.5, 0], [0, 2]]), ValueError, "C must hold counts.*got 1.5"),
    case(lambda: pt.plot_confusion_matrix(np.eye(2), labels=["a"]), ValueError, r"labels must have one entry per class \(2\)"),
    case(lambda: pt.draw_training_loop(ax=3), TypeError, "ax must be a matplotlib Axes"),
)
def test_plotting(call, error, message):
    import matplotlib.pyplot as plt
    try:
        raises_clearly(call, error, message)
    finally:
        plt.close("all")


# ---- explorers' constructors ----------------------------------------------------------
Xd = np.zeros((20, 64))
Yd = one_hot(np.arange(20) % 10, 10)


@table(
    case(lambda: NeuronExplorer(np.zeros((3, 2)), np.zeros((3, 1))), ValueError, "X must have 1 features"),
    case(lambda: NeuronExplorer(np.zeros((3, 1))), ValueError, "pass both X and Y.*Y=None"),
    case(lambda: NeuronExplorer(Y=np.zeros((3, 1))), ValueError, "pass both X and Y.*X=None"),
    case(lambda: NeuronExplorer(np.zeros((3, 1)) + 1j, np.zeros((3, 1))), TypeError, "X must hold real numbers"),
    case(lambda: NeuronExplorer(w=80), ValueError, r"w must be a number from -50 to 50 \(the slider's range\), got 80"),
    case(lambda: NeuronExplorer(w="1"), TypeError, "w must be a number"),
    case(lambda: NeuronExplorer(b=np.nan), ValueError, "b must be a number from -50 to 50.*got nan"),
    case(lambda: NeuronExplorer(b=True), TypeError, "b must be a number.*got True"),
    case(lambda: NeuronExplorer(activation="elu"), ValueError, "unknown activation 'elu'"),
    case(lambda: ActivationGallery(z=9), ValueError, r"z must be a number from -6 to 6 \(the slider's range\), got 9"),
    case(lambda: ActivationGallery(z=True), TypeError, "z must be a number.*got True"),
    case(lambda: ActivationGallery(y=3), ValueError, "y must be a number from -1 to 2"),
    case(lambda: ActivationGallery(highlight="elu"), ValueError, "unknown highlight 'elu'"),
    case(lambda: NetworkExplorer(net=[2, 6, 4, 1]), ValueError, "at most 40 weights and biases"),
    case(lambda: NetworkExplorer(net="2 2 1"), TypeError, "net must be an nnlib Network or a list of layer sizes"),
    case(lambda: NetworkExplorer(net=[2, 0, 1]), ValueError, r"sizes\[1\] must be a positive integer"),
    case(lambda: NetworkExplorer(net=replaced(0, "W", nan_at((4, 3), (0, 0)))), ValueError,
         r"net.W\[0\].*must contain only finite numbers, got nan"),
    case(lambda: NetworkExplorer(np.zeros((4, 3)), np.zeros((4, 1)), net=[2, 2, 1]), ValueError, "X must have 2 features"),
    case(lambda: NetworkExplorer(np.zeros((4, 2))), ValueError, "pass both X and Y"),
    case(lambda: NetworkExplorer(np.zeros((4, 0)), np.zeros((4, 1))), ValueError, "at least one row and one column"),
    case(lambda: NetworkExplorer(np.zeros((501, 2)), np.zeros((501, 1))), ValueError, "at most 500 rows"),
    case(lambda: NetworkExplorer(activation="elu"), ValueError, "unknown activation 'elu'"),
    case(lambda: NetworkExplorer(seed=-1), ValueError, "seed must be an integer from 0"),
    case(lambda: NetworkExplorer(weight_range=0), ValueError, "weight_range must be a number from 0.1 to 100"),
    case(lambda: NetworkExplorer(weight_range=True), TypeError, "weight_range must be a number.*got True"),
    case(lambda: BackpropExplorer(net=[2, 8, 1]), ValueError, "at most 5 neurons per layer"),
    case(lambda: BackpropExplorer(net=5), TypeError, "net must be an nnlib Network or a list of layer sizes"),
    case(lambda: BackpropExplorer(net=Network([2, 2, 1]), X=np.zeros((2, 3)), Y=np.zeros((2, 1))), ValueError,
         "X must have 2 features"),
    case(lambda: BackpropExplorer(net=replaced(0, "b", np.zeros((4, 1)))), ValueError, r"net.b\[0\].*must have shape \(4,\)"),
    case(lambda: BackpropExplorer(sample=4), ValueError, "sample must be a row index of X between 0 and 3"),
    case(lambda: BackpropExplorer(sample=1.5), TypeError, "sample must be an integer, got 1.5"),
    case(lambda: BackpropExplorer(sample=True), TypeError, "sample must be an integer, got True"),
    case(lambda: BackpropExplorer(X=np.zeros((2, 2))), ValueError, "pass both X and Y"),
    case(lambda: BackpropExplorer(np.zeros((17, 2)), np.zeros((17, 1))), ValueError, "at most 16 rows"),
    case(lambda: LearningRateExplorer(np.zeros((5, 1)), np.zeros((5, 1))), ValueError, "X must have 2 features"),
    case(lambda: LearningRateExplorer(np.zeros((5, 2))), ValueError, "pass both X and Y"),
    case(lambda: LearningRateExplorer(w0=(1, 2, 3)), ValueError, "w0 must have 2 entries, got 3"),
    case(lambda: LearningRateExplorer(w0=(1j, 2)), TypeError, "w0 must hold real numbers"),
    case(lambda: LearningRateExplorer(w0=(np.inf, 2)), ValueError, "w0 must contain only finite"),
    case(lambda: LearningRateExplorer(steps=0), ValueError, "steps must be a finite integer > 0"),
    case(lambda: LearningRateExplorer(steps=500), ValueError, "steps must be at most 100"),
    case(lambda: LearningRateExplorer(steps=2.5), TypeError, "steps must be an integer"),
    case(lambda: LearningRateExplorer(eta=0.0), ValueError, r"eta must be a number from 0.001 to 10 \(the slider's range\)"),
    case(lambda: LearningRateExplorer(eta=50), ValueError, "eta must be a number from 0.001 to 10.*got 50"),
    case(lambda: LearningRateExplorer(eta="0.3"), TypeError, "eta must be a number"),
    case(lambda: two_scales(n=0), ValueError, "n must be a finite integer > 0"),
    case(lambda: two_scales(ratio=-1), ValueError, "ratio must be a finite number > 0"),
    case(lambda: two_scales(noise=-1), ValueError, "noise must be a finite number >= 0"),
    case(lambda: two_scales(seed=-1), ValueError, "seed must be an integer from 0"),
    case(lambda: SGDExplorer(Xd[:, :10], Yd), ValueError, "X must have 64 features"),
    case(lambda: SGDExplorer(Xd), ValueError, "pass both X and Y"),
    case(lambda: SGDExplorer(Xd, Yd, X_test=Xd), ValueError, "pass both X_test and Y_test"),
    case(lambda: SGDExplorer(Xd, Yd, X_test=Xd[:, :5], Y_test=Yd), ValueError, "X must have 64 features"),
    case(lambda: SGDExplorer(Xd, Yd, sizes=(64, 0, 10)), ValueError, r"sizes\[1\] must be a positive integer"),
    case(lambda: SGDExplorer(Xd, Yd, activation="elu"), ValueError, "unknown activation 'elu'"),
    case(lambda: SGDExplorer(Xd, Yd, epochs=0), ValueError, "epochs must be a finite integer > 0"),
    case(lambda: SGDExplorer(Xd, Yd, batch_sizes=5), TypeError, "batch_sizes must be a list of batch sizes"),
    case(lambda: SGDExplorer(Xd, Yd, batch_sizes=[]), ValueError, "batch_sizes must be a list of batch sizes with at least 1"),
    case(lambda: SGDExplorer(Xd, Yd, batch_sizes=[1, 0]), ValueError, r"batch_sizes\[\] must be a finite integer > 0"),
    case(lambda: SGDExplorer(Xd, Yd, etas=3.0), TypeError, "etas must be a list of learning rates"),
    case(lambda: SGDExplorer(Xd, Yd, etas=(0.1, -1.0)), ValueError, r"etas\[\] must be a finite number > 0"),
    case(lambda: SGDExplorer(Xd, Yd, n_train=0), ValueError, "n_train must be a finite integer > 0"),
    case(lambda: SGDExplorer(Xd, Yd, n_train="all"), TypeError, "n_train must be an integer"),
    case(lambda: SGDExplorer(Xd, Yd, seed=-1), ValueError, "seed must be an integer from 0"),
    case(lambda: SGDExplorer(Xd, Yd, batch_size=0), ValueError, "batch_size must be a finite integer > 0"),
    case(lambda: SGDExplorer(Xd, Yd, eta="3"), TypeError, "eta must be a number > 0"),
)
def test_explorers(call, error, message):
    raises_clearly(call, error, message)
