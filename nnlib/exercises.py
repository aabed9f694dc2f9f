"""Exercises that check themselves: ``check(name, answer)``.

A reader writes a function, say their own sigma'(z), and calls
``check("sigmoid_prime", my_sigmoid_prime)``.  The checker runs it on several
seeded cases, edge cases among them (one sample, a single output, large |z|),
and compares each result with nnlib's.  It never raises on a wrong answer: a
crash, a wrong shape or a NaN is a failed check that says so.

When an answer is wrong, the checker looks for the typical mistake behind it.
Every reference answer is built from :class:`Parts`, one small function per
equation of the book (z = W a + b, sigma', dC/da = 2(a - y), the 1/n of the
mean, the update w - eta dC/dw, ...).  A :class:`Mistake` in the catalogue
:data:`MISTAKES` swaps one or two parts for what a student typically writes
(a 1/2 in the cost, sigma' taken of a instead of z, a forgotten bias, ...),
and carries the hint a tutor would give.  A mistake is named when the swapped
computation reproduces the answer on every case.  Adding a mistake means
adding one entry to :data:`MISTAKES`; adding an exercise means one
:class:`Exercise` in :data:`EXERCISES`, whose reference is written with the
parts.

:func:`catalog` lists the exercises with their chapters.

Conventions are nnlib's: samples are rows, ``W[l]`` has shape (n_out, n_in)
and ``b[l]`` shape (n_out,), every layer is sigmoid, and the cost is the
book's MSE, C = (1/n) sum_x sum_j (a_j - y_j)^2 with no 1/2 (eq. ``mse``).

Floor 3 of nnlib: uses the network, gradcheck and descent; never the widgets.
"""
import copy
import os
import re
import traceback
import warnings
from dataclasses import dataclass, replace
from functools import lru_cache
from html import escape
from typing import Callable, NamedTuple

import numpy as np

from .activations import sigmoid, sigmoid_prime
from .checks import check_choice
from .costs import get_cost
from .descent import gradient_descent as _nnlib_gradient_descent
from .gradcheck import _central
from .network import Network, labels_from
from .optim import sgd

SEED = 9          # every case is drawn from default_rng(SEED): the same cases every run
RTOL = 1e-7       # an answer is right when np.allclose(answer, nnlib, RTOL, ATOL * scale)
ATOL = 1e-9       # scale = max(1, largest |value| of nnlib's result)


# ---- the parts every reference answer is built from ---------------------------------

def _row_sum_sq(A, Y):
    """sum_j (a_j - y_j)^2 for every sample (row): the cost of one sample."""
    D = A - Y
    return np.sum(D * D, axis=-1)


def _all_batches(n, m):
    """Slices of consecutive rows, m at a time; the last batch may be smaller."""
    return [slice(s, s + m) for s in range(0, n, m)]


@dataclass(frozen=True)
class Parts:
    """One function per equation; a reference answer is written with these only.

    The defaults are the book's equations.  A :class:`Mistake` replaces some.
    """
    act: Callable = sigmoid                                   # a = sigma(z), hidden layers   (eq. a-def)
    act_prime: Callable = lambda z, a: sigmoid_prime(z)       # sigma'(z), hidden layers
    out_act: Callable = sigmoid                               # the output layer's activation
    out_prime: Callable = lambda z, a: sigmoid_prime(z)       # and its derivative
    z: Callable = lambda W, b, A: A @ W.T + b                 # z = W a + b, samples as rows (eq. z-def)
    back: Callable = lambda W, delta: delta @ W               # W^T delta, samples as rows   (eq. bp-delta)
    outer: Callable = lambda delta, A: delta.T @ A            # sum over samples of delta a^T (eq. bp-three-delta)
    sample_cost: Callable = _row_sum_sq                       # C_x = sum_j (a_j - y_j)^2
    mean: Callable = lambda A: 1.0 / A.shape[0]               # the 1/n of the cost's mean over samples
    dC_da: Callable = lambda A, Y: 2.0 * (A - Y)              # dC_x/da for one sample
    grad_mean: Callable = lambda A: 1.0 / A.shape[0]          # the same 1/n, in the gradient
    step: Callable = lambda P, G, eta: P - eta * G            # w <- w - eta dC/dw           (eq. update-rule)
    step_b: Callable = lambda P, G, eta: P - eta * G          # b <- b - eta dC/db
    difference: Callable = lambda f, x, eps: (f(x + eps) - f(x - eps)) / (2 * eps)  # (eq. central-difference)
    labels: Callable = labels_from                            # predicted class of each row
    fraction: Callable = lambda hits: float(np.mean(hits))    # share of rows that are right
    batches: Callable = _all_batches                          # the mini-batches of one epoch


CORRECT = Parts()


# ---- reference answers, written with the parts -------------------------------------

def _forward_all(p, W, b, X):
    """Every z and a (eq. forward-matrix, rows); zs[l] is Z^(l+1), As[0] is X."""
    zs, As = [], [X]
    for l, (W_l, b_l) in enumerate(zip(W, b)):
        zs.append(p.z(W_l, b_l, As[-1]))
        As.append((p.out_act if l == len(W) - 1 else p.act)(zs[-1]))
    return zs, As


def _mse(p, A, Y):
    """C = (1/n) sum_x sum_j (a_j - y_j)^2 (eq. mse)."""
    return float(np.sum(p.sample_cost(A, Y)) * p.mean(A))


def _output_error(p, Z, A, Y):
    """Delta^(L) = (2/n)(A - Y) * sigma'(Z^(L)), one row per sample (eq. st-batch-delta)."""
    return p.dC_da(A, Y) * p.grad_mean(A) * p.out_prime(Z, A)


def _delta_back(p, W, delta, Z_prev, A_prev=None):
    """Delta^(l-1) = (Delta^(l) W^(l)) * sigma'(Z^(l-1)) (eq. bp-delta, rows)."""
    A_prev = sigmoid(Z_prev) if A_prev is None else A_prev
    return p.back(W, delta) * p.act_prime(Z_prev, A_prev)


def _backprop(p, W, b, X, Y):
    """Gradient of the batch MSE with respect to every W[l] and b[l]."""
    zs, As = _forward_all(p, W, b, X)
    delta = _output_error(p, zs[-1], As[-1], Y)
    grad_W, grad_b = [None] * len(W), [None] * len(W)
    for l in range(len(W) - 1, -1, -1):
        grad_W[l] = p.outer(delta, As[l])                    # eq. bp-three-delta
        grad_b[l] = delta.sum(axis=0)
        if l > 0:
            delta = _delta_back(p, W[l], delta, zs[l - 1], As[l])
    return grad_W, grad_b


def _sgd_step(p, W, b, X, Y, eta):
    """One gradient-descent step on the batch X, Y (eq. update-rule)."""
    grad_W, grad_b = _backprop(p, W, b, X, Y)
    return ([p.step(W_l, g, eta) for W_l, g in zip(W, grad_W)],
            [p.step_b(b_l, g, eta) for b_l, g in zip(b, grad_b)])


def _epoch(p, W, b, X, Y, m, eta):
    """One epoch over the rows in their given order, m rows per step."""
    for rows in p.batches(X.shape[0], m):
        W, b = _sgd_step(p, W, b, X[rows], Y[rows], eta)
    return W, b


def _gradient_descent(p, df, x0, eta, steps):
    """x_0, x_1, ..., x_steps of x <- x - eta f'(x) (eq. gd-step)."""
    xs = [np.asarray(x0, dtype=float)]
    for _ in range(steps):
        xs.append(p.step(xs[-1], np.asarray(df(xs[-1]), dtype=float), eta))
    return np.array(xs)


def _neuron(p, w, b, X):
    """a = sigma(w . x + b) of one neuron for every row x of X, shape (n,)."""
    return p.out_act(p.z(np.reshape(w, (1, -1)), np.reshape(b, (1,)), X))[:, 0]


def _accuracy(p, A, Y):
    """Fraction of rows whose predicted class is the target's."""
    return p.fraction(p.labels(A) == p.labels(Y))


# ---- nnlib's answers (what an answer is compared with) ----------------------------------

def _network(W, b):
    """A sigmoid Network holding copies of the given W and b."""
    net = Network([W[0].shape[1]] + [W_l.shape[0] for W_l in W])
    net.W, net.b = [W_l.copy() for W_l in W], [b_l.copy() for b_l in b]
    return net


def _nnlib_sgd_step(W, b, X, Y, eta):
    net = _network(W, b)
    sgd(net, X, Y, epochs=1, batch_size=X.shape[0], eta=eta)   # one batch: one step
    return net.W, net.b


def _nnlib_epoch(W, b, X, Y, m, eta):
    net = _network(W, b)
    for rows in _all_batches(X.shape[0], m):
        grad_W, grad_b = net.backprop(X[rows], Y[rows])
        for l in range(net.L):
            net.W[l] -= eta * grad_W[l]
            net.b[l] -= eta * grad_b[l]
    return net.W, net.b


def _nnlib_neuron(w, b, X):
    net = _network([np.reshape(w, (1, -1))], [np.reshape(b, (1,))])
    return net.forward(X)[:, 0]


def _nnlib_update(w, grad, eta):
    """One step of nnlib's gradient descent with the gradient held at ``grad``."""
    shape = np.shape(w)
    x = _nnlib_gradient_descent(lambda _: np.ravel(grad), np.ravel(w), eta, 1).x[1]
    return float(x[0]) if shape == () else x.reshape(shape)


def _nnlib_central(f, x, eps):
    P = np.array([float(x)])
    return float(_central(lambda: f(P[0]), P, eps)[0])


def _nnlib_output_error(Z, A, Y):
    return get_cost("mse").dC_dA(A, Y) * sigmoid_prime(Z)


def _nnlib_delta_back(W, delta, Z_prev):
    # Network._backprop's recursion line, for one layer
    return (delta @ W) * sigmoid_prime(Z_prev)


# ---- the cases -------------------------------------------------------------------------

class Case(NamedTuple):
    """One set of arguments for an answer, with a name a reader understands."""
    label: str
    args: tuple


def _layers(rng, sizes, scale=1.0):
    """Random W (N(0, scale^2/n_in)) and non-zero b for a network of ``sizes``."""
    W = [rng.normal(0.0, scale / np.sqrt(n_in), (n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    b = [rng.normal(0.0, 0.5 * scale, n_out) for n_out in sizes[1:]]
    return W, b


# (label, sizes, samples, weight scale): the networks of forward, backprop, sgd_step
_NETS = [("4 samples, sizes [3, 4, 2]", [3, 4, 2], 4, 1.0),
         ("one sample, sizes [2, 3, 2]", [2, 3, 2], 1, 1.0),
         ("a single output, sizes [4, 3, 1], 5 samples", [4, 3, 1], 5, 1.0),
         ("square layers [3, 3, 3], 3 samples", [3, 3, 3], 3, 1.0),
         ("three weight layers [2, 5, 4, 3], 6 samples", [2, 5, 4, 3], 6, 1.0),
         ("large |z| (weights times 30), sizes [3, 4, 2], 3 samples", [3, 4, 2], 3, 30.0)]


def _net_cases(with_targets=False, etas=None):
    rng = np.random.default_rng(SEED)
    cases = []
    for i, (label, sizes, n, scale) in enumerate(_NETS):
        W, b = _layers(rng, sizes, scale)
        X = rng.random((n, sizes[0]))
        args = (W, b, X)
        if with_targets:
            args += (rng.random((n, sizes[-1])),)
        if etas is not None:
            args += (etas[i % len(etas)],)
        cases.append(Case(label, args))
    return cases


def _sigmoid_prime_cases():
    rng = np.random.default_rng(SEED)
    return [Case("a vector of 7 values of z", (rng.normal(0.0, 2.0, 7),)),
            Case("a 3 x 4 matrix of z", (rng.normal(0.0, 2.0, (3, 4)),)),
            Case("z = 0", (np.array([0.0]),)),
            Case("large |z| (z = -800, -40, 40, 800)", (np.array([-800.0, -40.0, 40.0, 800.0]),))]


def _output_pairs(rng):
    """(label, A, Y) with A in (0, 1): several shapes, one sample, a single output."""
    Y4 = np.eye(3)[rng.integers(0, 3, 4)]
    return [("4 samples, 3 outputs", rng.uniform(0.05, 0.95, (4, 3)), Y4),
            ("one sample, 2 outputs", rng.uniform(0.05, 0.95, (1, 2)), rng.random((1, 2))),
            ("a single output, 5 samples", rng.uniform(0.05, 0.95, (5, 1)), rng.random((5, 1))),
            ("3 samples, 10 outputs", rng.uniform(0.05, 0.95, (3, 10)), np.eye(10)[[1, 7, 7]])]


def _mse_cases():
    return [Case(label, (A, Y)) for label, A, Y in _output_pairs(np.random.default_rng(SEED))]


def _output_error_cases():
    rng = np.random.default_rng(SEED)
    cases = []
    for label, A, Y in _output_pairs(rng):
        Z = np.log(A / (1 - A))                     # so that A = sigma(Z)
        cases.append(Case(label, (Z, sigmoid(Z), Y)))
    Z = rng.normal(0.0, 30.0, (3, 2))
    cases.append(Case("large |z|, 3 samples, 2 outputs", (Z, sigmoid(Z), rng.random((3, 2)))))
    return cases


def _delta_back_cases():
    rng = np.random.default_rng(SEED)
    cases = []
    for label, n_out, n_in, n, scale in [("4 samples, W of shape (2, 5)", 2, 5, 4, 1.0),
                                         ("one sample, W of shape (3, 4)", 3, 4, 1, 1.0),
                                         ("a single output neuron, W of shape (1, 3), 5 samples", 1, 3, 5, 1.0),
                                         ("a square W of shape (3, 3), 2 samples", 3, 3, 2, 1.0),
                                         ("large |z|, W of shape (2, 3), 3 samples", 2, 3, 3, 30.0)]:
        cases.append(Case(label, (rng.normal(0.0, 1.0, (n_out, n_in)), rng.normal(0.0, 0.3, (n, n_out)),
                                  rng.normal(0.0, 2.0 * scale, (n, n_in)))))
    return cases


def _neuron_cases():
    rng = np.random.default_rng(SEED)
    return [Case("3 inputs, 4 samples", (rng.normal(0, 1, 3), 0.7, rng.random((4, 3)))),
            Case("one sample", (rng.normal(0, 1, 3), -1.2, rng.random((1, 3)))),
            Case("a single input, 5 samples", (np.array([2.0]), -4.0, rng.uniform(0, 4, (5, 1)))),
            Case("large |z| (weights near 40)", (rng.normal(0, 40, 3), 5.0, rng.random((3, 3))))]


def _update_cases():
    rng = np.random.default_rng(SEED)
    return [Case("w = 0.5, dC/dw = -0.2, eta = 3", (0.5, -0.2, 3.0)),
            Case("a vector of 4 weights, eta = 0.1", (rng.normal(0, 1, 4), rng.normal(0, 1, 4), 0.1)),
            Case("a 3 x 2 weight matrix, eta = 2.5", (rng.normal(0, 1, (3, 2)), rng.normal(0, 1, (3, 2)), 2.5))]


def _central_difference_cases():
    return [Case("sin at x = 1, eps = 1e-3", (np.sin, 1.0, 1e-3)),
            Case("sigmoid at x = 2, eps = 1e-2", (sigmoid, 2.0, 1e-2)),
            Case("x^3 at x = -1.5, eps = 1e-2", (lambda x: x ** 3, -1.5, 1e-2)),
            Case("exp at x = 0.5, eps = 1e-4", (np.exp, 0.5, 1e-4))]


def _gradient_descent_cases():
    return [Case("f(x) = x^2 from 1, eta = 0.25, 3 steps", (lambda x: 2 * x, 1.0, 0.25, 3)),
            Case("f(x) = 3x^2 from 2, eta = 0.3, 5 steps (it overshoots)", (lambda x: 6 * x, 2.0, 0.3, 5)),
            Case("f(x) = x^4 - 3x^2 + x from -0.5, eta = 0.05, 8 steps",
                 (lambda x: 4 * x ** 3 - 6 * x + 1, -0.5, 0.05, 8)),
            Case("a bowl in 2 dimensions from (1, -2), eta = 0.05, 4 steps",
                 (lambda x: np.array([1.0, 20.0]) * x, np.array([1.0, -2.0]), 0.05, 4)),
            Case("0 steps", (lambda x: 2 * x, 3.0, 0.1, 0))]


def _epoch_cases():
    rng = np.random.default_rng(SEED)
    cases = []
    for label, sizes, n, m, eta in [("7 samples, batches of 3 (the last holds 1), sizes [3, 4, 2]", [3, 4, 2], 7, 3, 2.0),
                                    ("6 samples, batches of 2, a single output [2, 3, 1]", [2, 3, 1], 6, 2, 1.5),
                                    ("4 samples in one batch of 4, sizes [3, 3, 3]", [3, 3, 3], 4, 4, 0.5),
                                    ("5 samples, batch size 10 (one batch of 5)", [3, 2, 2], 5, 10, 3.0)]:
        W, b = _layers(rng, sizes)
        cases.append(Case(label, (W, b, rng.random((n, sizes[0])), rng.random((n, sizes[-1])), m, eta)))
    return cases


def _accuracy_cases():
    rng = np.random.default_rng(SEED)
    labels = rng.integers(0, 10, 20)
    A = rng.uniform(0, 0.5, (20, 10))
    A[np.arange(14), labels[:14]] = 0.9                     # 14 of 20 right
    return [Case("20 samples, 10 classes", (A, np.eye(10)[labels])),
            Case("one sample, 3 classes", (np.array([[0.2, 0.7, 0.1]]), np.array([[0.0, 1.0, 0.0]]))),
            Case("a single output neuron (class 1 when a > 0.5), 8 samples",
                 (np.array([[0.9], [0.2], [0.6], [0.4], [0.7], [0.1], [0.3], [0.8]]),
                  np.array([[1.0], [0.0], [0.0], [0.0], [1.0], [1.0], [0.0], [1.0]]))),
            Case("6 samples, 4 classes", (rng.random((6, 4)), np.eye(4)[rng.integers(0, 4, 6)]))]


# ---- the exercises -------------------------------------------------------------------

@dataclass(frozen=True)
class Exercise:
    """One exercise: what it asks, its cases, nnlib's answer and the parts-built reference."""
    name: str
    chapter: int
    signature: str
    summary: str
    cases: Callable          # () -> list of Case
    expected: Callable       # (*args) -> nnlib's result
    reference: Callable      # (parts, *args) -> the result built from those parts
    output: tuple = ("the result",)   # names of the result's parts, for messages


EXERCISES = {e.name: e for e in [
    Exercise("update", 1, "f(w, grad, eta) -> w_new",
             "one gradient-descent update w - eta dC/dw (eq. ov-update), for a number or an array",
             _update_cases, _nnlib_update, lambda p, w, g, eta: p.step(w, g, eta), ("w_new",)),
    Exercise("mse", 1, "f(A, Y) -> float",
             "the cost C = (1/n) sum over samples of sum over outputs of (a - y)^2 (eq. ov-mse)",
             _mse_cases, lambda A, Y: get_cost("mse").C(A, Y), _mse, ("C",)),
    Exercise("neuron", 2, "f(w, b, X) -> a",
             "one sigmoid neuron a = sigma(w . x + b) for every row x of X; a has shape (n,)",
             _neuron_cases, _nnlib_neuron, _neuron, ("a",)),
    Exercise("sigmoid_prime", 2, "f(z) -> sigma'(z)",
             "the sigmoid's derivative, element by element, for an array z",
             _sigmoid_prime_cases, sigmoid_prime, lambda p, z: p.act_prime(z, sigmoid(z)), ("σ′(z)",)),
    Exercise("forward", 3, "f(W, b, X) -> A",
             "the output activations a^(L) of a sigmoid network for the rows of X (eq. forward-matrix)",
             lambda: _net_cases(), lambda W, b, X: _network(W, b).forward(X),
             lambda p, W, b, X: _forward_all(p, W, b, X)[1][-1], ("A",)),
    Exercise("central_difference", 3, "f(func, x, eps) -> float",
             "the central difference (func(x + eps) - func(x - eps)) / (2 eps) (eq. central-difference)",
             _central_difference_cases, _nnlib_central, lambda p, f, x, eps: float(p.difference(f, x, eps)),
             ("the estimate",)),
    Exercise("delta_back", 4, "f(W, delta, Z_prev) -> delta_prev",
             "one step of the backward recursion, Delta^(l-1) = (Delta^(l) W^(l)) * sigma'(Z^(l-1)) (eq. bp-delta)",
             _delta_back_cases, _nnlib_delta_back, _delta_back, ("delta_prev",)),
    Exercise("backprop", 4, "f(W, b, X, Y) -> (grad_W, grad_b)",
             "the gradient of the batch MSE with respect to every W[l] and b[l]",
             lambda: _net_cases(with_targets=True), lambda W, b, X, Y: _network(W, b).backprop(X, Y),
             _backprop, ("grad_W", "grad_b")),
    Exercise("gradient_descent", 5, "f(df, x0, eta, steps) -> xs",
             "the points x_0, ..., x_steps of gradient descent x <- x - eta f'(x) (eq. gd-step)",
             _gradient_descent_cases, lambda df, x0, eta, steps: _nnlib_gradient_descent(df, x0, eta, steps).x,
             _gradient_descent, ("xs",)),
    Exercise("sgd_step", 5, "f(W, b, X, Y, eta) -> (W_new, b_new)",
             "one step of gradient descent on the mini-batch X, Y (eq. update-rule)",
             lambda: _net_cases(with_targets=True, etas=[3.0, 0.5, 1.5]), _nnlib_sgd_step, _sgd_step,
             ("W_new", "b_new")),
    Exercise("output_error", 6, "f(Z, A, Y) -> delta",
             "the output error of the batch MSE, Delta^(L) = (2/n)(A - Y) * sigma'(Z) (eq. st-batch-delta)",
             _output_error_cases, _nnlib_output_error, _output_error, ("delta",)),
    Exercise("epoch", 6, "f(W, b, X, Y, m, eta) -> (W_new, b_new)",
             "one epoch of SGD over the rows in their given order, m rows per step (no shuffling)",
             _epoch_cases, _nnlib_epoch, _epoch, ("W_new", "b_new")),
    Exercise("accuracy", 6, "f(A, Y) -> float",
             "the fraction of rows whose predicted class (largest output; a > 0.5 for one output) is Y's",
             _accuracy_cases, lambda A, Y: float(np.mean(labels_from(A) == labels_from(Y))), _accuracy,
             ("the accuracy",)),
]}


class ExerciseInfo(NamedTuple):
    """One line of :func:`catalog`."""
    name: str
    chapter: int
    signature: str
    summary: str


def catalog():
    """Every exercise, in chapter order: ``[ExerciseInfo(name, chapter, signature, summary), ...]``."""
    return [ExerciseInfo(e.name, e.chapter, e.signature, e.summary)
            for e in sorted(EXERCISES.values(), key=lambda e: e.chapter)]


# ---- the catalogue of typical mistakes -----------------------------------------------

@dataclass(frozen=True)
class Mistake:
    """A typical mistake: the parts it replaces and the hint a tutor would give."""
    key: str
    title: str
    hint: str
    patch: dict

    def parts(self):
        return replace(CORRECT, **self.patch)


MISTAKES = [
    Mistake("half", "a 1/2 in the cost",
            "Your result is exactly half the right one. Did you put, or differentiate, a ½ in front of ‖a − y‖²? "
            "The book's cost has no ½: C = (1/n) Σₓ Σⱼ (aⱼ − yⱼ)² (eq. mse), "
            "so ∂C/∂a = 2(a − y)/n.",
            dict(sample_cost=lambda A, Y: 0.5 * _row_sum_sq(A, Y), dC_da=lambda A, Y: A - Y)),
    Mistake("double_two", "the factor 2 counted twice",
            "Your gradient is twice the right one: the 2 from differentiating (a − y)² belongs "
            "in ∂C/∂a = 2(a − y)/n exactly once.",
            dict(dC_da=lambda A, Y: 4.0 * (A - Y))),
    Mistake("no_mean", "a sum where the book takes a mean (the 1/n is missing)",
            "Your result is n times too large, n being the number of samples (rows): the book's "
            "cost is the mean over the samples, so divide the sum by n, the number of rows.",
            dict(mean=lambda A: 1.0, grad_mean=lambda A: 1.0)),
    Mistake("double_mean", "divided by n twice",
            "Your gradient is n times too small: you divided by n twice. ∂C/∂a = 2(a − y)/n "
            "already holds the 1/n of the mean, so sum the samples' contributions "
            "(delta.T @ A, delta.sum(axis=0)) instead of averaging them again.",
            dict(grad_mean=lambda A: 1.0 / A.shape[0] ** 2)),
    Mistake("mean_over_outputs", "a mean over the outputs as well",
            "You averaged over the outputs too (np.mean of the whole array divides by n * m). "
            "The book's MSE sums over the outputs of a sample and averages over the samples only: "
            "divide by n, the number of rows.",
            dict(mean=lambda A: 1.0 / A.size, grad_mean=lambda A: 1.0 / A.size)),
    Mistake("square_of_sum", "the square of a sum",
            "You squared a sum of differences. The cost sums the squares: one (aⱼ − yⱼ)² "
            "for every output j and sample x.",
            dict(sample_cost=lambda A, Y: np.sum(A - Y, axis=-1) ** 2)),
    Mistake("uphill", "a step uphill",
            "Your step goes uphill: gradient descent subtracts the gradient, "
            "w ← w − η ∂C/∂w (eq. update-rule). (If you subtracted, look at the sign of "
            "your gradient: it comes from 2(a − y), not 2(y − a).)",
            dict(step=lambda P, G, eta: P + eta * G, step_b=lambda P, G, eta: P + eta * G)),
    Mistake("sign", "a flipped sign, y - a instead of a - y",
            "Your result has the wrong sign: the derivative of (a − y)² with respect to a "
            "is 2(a − y), not 2(y − a).",
            dict(dC_da=lambda A, Y: 2.0 * (Y - A))),
    Mistake("no_eta", "the learning rate left out",
            "The step ignores the learning rate: w ← w − η ∂C/∂w, so multiply the gradient by eta.",
            dict(step=lambda P, G, eta: P - G, step_b=lambda P, G, eta: P - G)),
    Mistake("bias_not_updated", "the biases left as they were",
            "The biases did not move: update them like the weights, b ← b − η ∂C/∂b.",
            dict(step_b=lambda P, G, eta: P)),
    Mistake("no_sigma_prime", "sigma' missing",
            "The factor σ′(z) is missing: every δ carries its layer's σ′, "
            "δ⁽ᴸ⁾ = ∂C/∂a ⊙ σ′(z⁽ᴸ⁾) (eq. bp-delta-L) and "
            "δ⁽ˡ⁻¹⁾ = ((W⁽ˡ⁾)ᵀ δ⁽ˡ⁾) ⊙ σ′(z⁽ˡ⁻¹⁾) (eq. bp-delta).",
            dict(act_prime=lambda z, a: np.ones_like(z), out_prime=lambda z, a: np.ones_like(z))),
    Mistake("sigma_for_prime", "sigma(z) where sigma'(z) is needed",
            "You used σ(z) itself where the chain rule needs its derivative, "
            "σ′(z) = σ(z)(1 − σ(z)).",
            dict(act_prime=lambda z, a: a, out_prime=lambda z, a: a)),
    Mistake("prime_of_a", "sigma' applied to a instead of z",
            "You applied σ′ to a = σ(z) instead of to z, which computes "
            "σ(σ(z))(1 − σ(σ(z))). Use σ′(z), or its shortcut a(1 − a).",
            dict(act_prime=lambda z, a: sigmoid_prime(a), out_prime=lambda z, a: sigmoid_prime(a))),
    Mistake("formula_on_z", "z (1 - z) instead of sigma(z) (1 - sigma(z))",
            "You computed z(1 − z): the formula is σ′(z) = σ(z)(1 − σ(z)), "
            "so apply σ first (or use a(1 − a) with a = σ(z)).",
            dict(act_prime=lambda z, a: z * (1 - z), out_prime=lambda z, a: z * (1 - z))),
    Mistake("no_output_sigma", "no sigma on the output layer",
            "The output layer's sigmoid is missing: every layer, the last one too, computes "
            "a = σ(z) (eq. a-def).",
            dict(out_act=lambda z: z, out_prime=lambda z, a: np.ones_like(z))),
    Mistake("no_bias", "the bias forgotten",
            "The bias is missing: z = Wa + b (eq. z-def); with samples as rows, Z = A @ W.T + b.",
            dict(z=lambda W, b, A: A @ W.T)),
    Mistake("transposed", "the transposed weight matrix",
            "You used W the other way round. W[l] has shape (n_out, n_in), rows 'to' and columns "
            "'from' (chapter 3), so with samples as rows Z = A @ W[l].T + b[l], the error goes "
            "back as delta @ W[l], and dC/dW[l] = delta.T @ A has W[l]'s shape.",
            dict(z=lambda W, b, A: A @ W + b, back=lambda W, delta: delta @ W.T,
                 outer=lambda delta, A: A.T @ delta)),
    Mistake("forward_difference", "the forward difference",
            "That is the forward difference (f(x + ε) − f(x))/ε, whose error shrinks only "
            "like ε. The central difference looks both ways: "
            "(f(x + ε) − f(x − ε))/(2ε) (eq. central-difference).",
            dict(difference=lambda f, x, eps: (f(x + eps) - f(x)) / eps)),
    Mistake("one_eps", "divided by eps instead of 2 eps",
            "Your estimate is twice the right one: the points x − ε and x + ε are 2ε "
            "apart, so divide by 2ε.",
            dict(difference=lambda f, x, eps: (f(x + eps) - f(x - eps)) / eps)),
    Mistake("precedence", "missing brackets around the difference",
            "Brackets: f(x + eps) - f(x - eps) / (2 * eps) divides only the second term. "
            "Write (f(x + eps) - f(x - eps)) / (2 * eps).",
            dict(difference=lambda f, x, eps: f(x + eps) - f(x - eps) / (2 * eps))),
    Mistake("percent", "a percentage instead of a fraction",
            "That is a percentage: return the fraction of rows that are right, a number between 0 and 1.",
            dict(fraction=lambda hits: 100.0 * float(np.mean(hits)))),
    Mistake("argmax_single", "argmax with a single output",
            "With a single output neuron argmax is always 0. For one output the predicted class "
            "is 1 when a > 0.5, else 0 (as in Network.predict).",
            dict(labels=lambda A: A.argmax(axis=1))),
    Mistake("drop_last", "the last, smaller mini-batch skipped",
            "The last mini-batch was skipped. With n rows and batches of m, an epoch takes "
            "⌈n/m⌉ steps; the last one uses the n mod m rows that are left over.",
            dict(batches=lambda n, m: [slice(s, s + m) for s in range(0, n - m + 1, m)])),
]
MISTAKE_KEYS = [m.key for m in MISTAKES]
_MISTAKE = {m.key: m for m in MISTAKES}
assert len(set(MISTAKE_KEYS)) == len(MISTAKES) and len({m.hint for m in MISTAKES}) == len(MISTAKES)


# ---- the result ------------------------------------------------------------------------

# Colours from the book's theme where it defines them (light and dark), else JupyterLab's, else fixed.
_COLOURS = {"passed": "var(--pst-color-success, var(--jp-success-color1, #1a7f37))",
            "failed": "var(--pst-color-danger, var(--jp-error-color1, #cf222e))",
            "todo": "var(--pst-color-info, var(--jp-info-color1, #0969da))"}
_SYMBOLS = {"passed": "\u2713", "failed": "\u2717", "todo": "\u25cb"}
_HEADINGS = {"passed": "correct", "failed": "not right yet", "todo": "not done yet"}


@dataclass
class Result:
    """What :func:`check` found.

    Attributes
    ----------
    name : str
        The exercise.
    passed : bool
        True when the answer agrees with nnlib on every case.
    status : {"passed", "failed", "todo"}
        ``"todo"``: the answer is still the stub (it raised NotImplementedError
        or returned None).
    message : str
        What is right or wrong, and the hint, in plain text.
    mistakes : list of str
        Keys of the catalogued mistakes (:data:`MISTAKES`) the answer matches.
    hint : str
        The first matching mistake's hint ("" if none matched).
    """
    name: str
    passed: bool
    status: str
    message: str
    mistakes: list
    hint: str = ""

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return f"{_SYMBOLS[self.status]} {self.name}: {_HEADINGS[self.status]}. {self.message}"

    def _repr_html_(self):
        colour = _COLOURS[self.status]
        lines = "".join(f"<div>{_code(escape(line))}</div>" for line in self.message.split("\n") if line)
        return (f'<div class="nnx-check" data-check="{escape(self.name)}" data-status="{self.status}" '
                f'style="border-left:4px solid {colour};padding:4px 10px;margin:6px 0;'
                f'color:inherit;background:transparent;font:14px/1.5 system-ui,sans-serif">'
                f'<div><span aria-hidden="true" style="color:{colour};font-weight:700">'
                f'{_SYMBOLS[self.status]}</span> <b>{escape(self.name)}: {_HEADINGS[self.status]}</b></div>'
                f'{lines}</div>')


def _code(html):
    """`name` in a message becomes <code>name</code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html)


# ---- running an answer -----------------------------------------------------------------

class _Run(NamedTuple):
    """What one call of an answer did: its value, or the exception it raised."""
    value: object = None
    error: BaseException = None
    where: str = ""          # the line of the reader's code that raised
    todo: bool = False
    warned: str = ""         # the first numpy warning, if any
    mutated: str = ""        # the argument the answer changed, if any


def _same(a, b):
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(map(_same, a, b))
    return True


def _call(answer, args, names):
    """Call ``answer`` on a copy of ``args``, catching whatever it does."""
    mine, kept = copy.deepcopy(args), copy.deepcopy(args)
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn"):
        warnings.simplefilter("always")
        try:
            value = answer(*mine)
        except NotImplementedError:
            return _Run(todo=True)
        except Exception as e:                                  # the reader's code failed
            here = os.path.dirname(os.path.abspath(__file__))
            frames = [f for f in traceback.extract_tb(e.__traceback__)[1:]     # not this function
                      if not os.path.abspath(f.filename).startswith(here)]   # nor nnlib's code
            where = f"line {frames[-1].lineno}: {frames[-1].line}" if frames and frames[-1].line else ""
            return _Run(error=e, where=where)
    warned = next((str(w.message) for w in caught), "")
    mutated = next((names[i] for i, (a, k) in enumerate(zip(mine, kept)) if not _same(a, k)), "")
    return _Run(value=value, todo=value is None, warned=warned, mutated=mutated)


def _mistaken(exercise, parts, args):
    """The reference built from ``parts`` on ``args``: (value, error)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return exercise.reference(parts, *copy.deepcopy(args)), None
        except Exception as e:   # a mistake can crash, e.g. a transposed W on non-square layers
            return None, e


# ---- comparing a value with the expected one ------------------------------------------

def _g(x):
    return f"{x:.3g}"


def _shape(shape):
    return "(" + ", ".join(str(s) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _compare(got, want, what):
    """None if ``got`` equals ``want`` to tolerance, else (kind, sentence)."""
    if isinstance(want, (list, tuple)):
        if isinstance(got, np.ndarray) and got.dtype != object and len(want) and isinstance(want[0], np.ndarray) \
                and want[0].ndim >= got.ndim:
            return "type", f"{what} should be a list of {len(want)} arrays, got one array of shape {_shape(got.shape)}"
        if not isinstance(got, (list, tuple, np.ndarray)):
            return "type", f"{what} should be a list of {len(want)} items, got {type(got).__name__}"
        if len(got) != len(want):
            return "shape", f"{what} should hold {len(want)} items, one per layer, got {len(got)}"
        for i, (g, w) in enumerate(zip(got, want)):
            problem = _compare(g, w, f"{what}[{i}]")
            if problem:
                return problem
        return None
    if isinstance(want, float):
        if isinstance(got, (bool, np.bool_)) or np.ndim(got) != 0:
            shape = f"an array of shape {_shape(np.shape(got))}" if np.ndim(got) else type(got).__name__
            return "type", f"{what} should be a number, got {shape}"
        try:
            got = float(got)
        except (TypeError, ValueError):
            return "type", f"{what} should be a number, got {type(got).__name__}"
        want, got = np.array(want), np.array(got)
    try:
        got = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return "type", f"{what} should be an array of numbers, got {type(got).__name__}"
    want = np.asarray(want, dtype=np.float64)
    if got.shape != want.shape:
        return "shape", _shape_problem(got, want, what)
    bad = ~np.isfinite(got)
    if bad.any():
        kind = "NaN" if np.isnan(got[bad]).any() else "an infinity"
        at = f" at index {list(map(int, np.argwhere(bad)[0]))}" if got.ndim else ""
        return "nan", f"{what} contains {kind}{at}"
    scale = max(1.0, float(np.max(np.abs(want)))) if want.size else 1.0
    if not np.allclose(got, want, rtol=RTOL, atol=ATOL * scale):
        diff = np.abs(got - want)
        i = np.unravel_index(np.argmax(diff), diff.shape)
        at = f" at index {list(map(int, i))}" if got.ndim else ""
        return "value", (f"{what} is {_g(got[i])}{at}, nnlib gives {_g(want[i])}"
                         if got.size == 1 else
                         f"{what} differs from nnlib's: {_g(got[i])} instead of {_g(want[i])}{at}")
    return None


def _shape_problem(got, want, what):
    text = f"{what} has shape {_shape(got.shape)}, expected {_shape(want.shape)}"
    if got.shape == want.shape[::-1] and got.ndim == 2:
        return text + " (the transpose)"
    if got.size == want.size:
        return text + " (the right number of entries: reshape it)"
    if got.ndim == 0 and want.ndim:
        return text + " (one value per entry, not a single number)"
    return text


# ---- check --------------------------------------------------------------------------

def _exercise(name):
    if not isinstance(name, str):
        raise TypeError(f"name must be the name of an exercise (a str), got {name!r}; "
                        f"known: {', '.join(map(repr, EXERCISES))}")
    return EXERCISES[check_choice("exercise", name, list(EXERCISES))]


def _argument_names(exercise):
    inside = exercise.signature[exercise.signature.index("(") + 1:exercise.signature.index(")")]
    return [s.strip() for s in inside.split(",")]


def check(name, answer):
    """Check the function ``answer`` for the exercise ``name``.

    Parameters
    ----------
    name : str
        One of the exercises of :func:`catalog`, e.g. ``"sigmoid_prime"``.
    answer : callable
        The reader's function, with the exercise's signature.

    Returns
    -------
    Result
        ``.passed``, ``.message`` (and the matched ``.mistakes``); it shows
        as a tick or as what is wrong with a hint in Jupyter.  A wrong, crashing
        or unfinished answer never raises.

    Raises
    ------
    ValueError
        If ``name`` is not a known exercise.
    TypeError
        If ``answer`` is not callable.
    """
    exercise = _exercise(name)
    if not callable(answer):
        raise TypeError(f"answer must be a function, such as the my_{name} you wrote, "
                        f"got {answer!r} of type {type(answer).__name__}")
    cases = exercise.cases()
    names = _argument_names(exercise)
    runs = [_call(answer, case.args, names) for case in cases]
    if any(run.todo for run in runs):
        return Result(name, False, "todo", _todo_message(runs), [])
    problems = [_problem(run, exercise.expected(*case.args), exercise.output)
                for run, case in zip(runs, cases)]
    if not any(problems):
        return Result(name, True, "passed",
                      f"It agrees with nnlib on all {len(cases)} cases: "
                      + "; ".join(case.label for case in cases) + ".", [])
    matches = _diagnose(exercise, cases, runs)
    return Result(name, False, "failed", _failure_message(cases, runs, problems, matches),
                  [m.key for m in matches], matches[0].hint if matches else "")


def _todo_message(runs):
    return ("Write your code in place of `raise NotImplementedError`, then run the cell again. "
            "(If you did, make sure your function ends with `return`.)")


def _problem(run, want, output):
    """(kind, sentence) of what is wrong with one run, or None."""
    try:
        return _problem_of(run, want, output)
    except Exception as e:       # a result so odd that numpy cannot read it
        return "type", f"the result could not be read as numbers ({type(e).__name__}: {e})"


def _problem_of(run, want, output):
    if run.error is not None:
        text = f"your function raised {type(run.error).__name__}: {run.error}"
        return "crash", text + (f" (in {run.where.strip()})" if run.where else "")
    what = output[0] if len(output) == 1 else "the result"
    if len(output) > 1:
        if not isinstance(run.value, (list, tuple)) or len(run.value) != len(output):
            return "type", f"the result should be a pair ({', '.join(output)})"
        for value, w, label in zip(run.value, want, output):
            problem = _compare(value, w, label)
            if problem:
                return _noted(problem, run)
        return _mutated(run)
    problem = _compare(run.value, want, what)
    return _noted(problem, run) if problem else _mutated(run)


def _noted(problem, run):
    kind, text = problem
    if kind == "nan" and run.warned:
        text += f" (numpy warned: {run.warned}; see the large |z| advice of chapter 2)"
    return kind, text


def _mutated(run):
    if run.mutated:
        return "mutated", (f"the result is right, but your function changed its argument "
                           f"{run.mutated}: leave the inputs as they are and return new arrays")
    return None


def _diagnose(exercise, cases, runs):
    """The catalogued mistakes that reproduce the answer on every case."""
    return [mistake for mistake in MISTAKES
            if _relevant(exercise.name, mistake.key)
            and all(_fits(run, outcome, exercise.output)
                    for run, outcome in zip(runs, _outcomes(exercise.name, mistake.key)))]


def _fits(run, outcome, output):
    value, error = outcome
    if error is not None:                        # the mistake crashes here: so must the answer
        return run.error is not None
    return run.error is None and _problem(_Run(value=run.value), value, output) is None


@lru_cache(maxsize=None)
def _outcomes(name, key):
    """(value, error) of the reference with mistake ``key`` on each case of ``name``."""
    exercise, parts = EXERCISES[name], _MISTAKE[key].parts()
    return tuple(_mistaken(exercise, parts, case.args) for case in exercise.cases())


@lru_cache(maxsize=None)
def _relevant(name, key):
    """Does mistake ``key`` change the answer of exercise ``name`` on some case?"""
    exercise = EXERCISES[name]
    return any(error is not None or _problem(_Run(value=value), exercise.expected(*case.args),
                                             exercise.output) is not None
               for (value, error), case in zip(_outcomes(name, key), exercise.cases()))


def _failure_message(cases, runs, problems, matches):
    wrong = [i for i, p in enumerate(problems) if p]
    first = wrong[0]
    lines = [f"Wrong on {len(wrong)} of {len(cases)} cases. "
             f"First, with {cases[first].label}: {problems[first][1]}."]
    right = [cases[i].label for i, p in enumerate(problems) if not p]
    if right:
        lines.append("Right with: " + "; ".join(right) + ".")
    if matches:
        lines.append(f"This looks like a typical mistake, {matches[0].title}.")
        lines.append("Hint: " + matches[0].hint)
        for other in matches[1:]:
            lines.append(f"Or perhaps {other.title}: {other.hint}")
    elif all(problems[i][0] == "crash" for i in wrong):
        lines.append("Hint: check the shapes. Samples are rows, W[l] has shape (n_out, n_in) "
                     "and b[l] shape (n_out,).")
    return "\n".join(lines)


# ---- for quizzes: the typical wrong answers to a question ----------------------------------

def answers(name, *args):
    """nnlib's answer to exercise ``name`` on ``args``, and the typical wrong ones.

    Returns ``(right, wrong)`` where ``wrong`` is a list of ``(mistake key, value, hint)``
    for every catalogued mistake that changes the answer on these arguments (e.g.
    the values a quiz should recognise).
    """
    exercise = _exercise(name)
    right = exercise.expected(*args)
    wrong = []
    for mistake in MISTAKES:
        value, error = _mistaken(exercise, mistake.parts(), args)
        if error is None and _problem(_Run(value=value), right, exercise.output) is not None:
            wrong.append((mistake.key, value, mistake.hint))
    return right, wrong


def hint(key):
    """The hint of the catalogued mistake ``key`` (see :data:`MISTAKES`)."""
    return _MISTAKE[check_choice("mistake", key, MISTAKE_KEYS)].hint
