"""nnlib.exercises: right answers pass, every catalogued mistake is named, nothing raises.

The right and wrong answers below are written here, the way a reader would
write them (loops and plain numpy, no nnlib), independently of the
parts-built references inside nnlib.exercises.
"""
import numpy as np
import pytest

from nnlib import Network, numerical_gradient
from nnlib.exercises import (CORRECT, EXERCISES, MISTAKE_KEYS, MISTAKES, Result, answers,
                             catalog, check)


def sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def sig_prime(z):
    return sig(z) * (1.0 - sig(z))


# ---- right answers, one per exercise -----------------------------------------------------

def forward_all(W, b, X, last=sig, bias=True):
    zs, As = [], [X]
    for l, (W_l, b_l) in enumerate(zip(W, b)):
        zs.append(As[-1] @ W_l.T + (b_l if bias else 0))
        As.append((last if l == len(W) - 1 else sig)(zs[-1]))
    return zs, As


def backprop(W, b, X, Y, dC_da=lambda A, Y: 2 * (A - Y), average=True, twice=False):
    zs, As = forward_all(W, b, X)
    n = len(X)
    delta = dC_da(As[-1], Y) * sig_prime(zs[-1]) / (n if twice else 1)
    grad_W, grad_b = [None] * len(W), [None] * len(W)
    for l in reversed(range(len(W))):
        grad_W[l] = sum(np.outer(d, a) for d, a in zip(delta, As[l])) / (n if average else 1)
        grad_b[l] = delta.sum(axis=0) / (n if average else 1)
        if l:
            delta = (delta @ W[l]) * sig_prime(zs[l - 1])
    return grad_W, grad_b


def sgd_step(W, b, X, Y, eta):
    grad_W, grad_b = backprop(W, b, X, Y)
    return [w - eta * g for w, g in zip(W, grad_W)], [c - eta * g for c, g in zip(b, grad_b)]


def epoch(W, b, X, Y, m, eta):
    for start in range(0, len(X), m):
        W, b = sgd_step(W, b, X[start:start + m], Y[start:start + m], eta)
    return W, b


def gradient_descent(df, x0, eta, steps):
    xs = [x0]
    for _ in range(steps):
        xs.append(xs[-1] - eta * df(xs[-1]))
    return np.array(xs)


def accuracy(A, Y):
    if A.shape[1] == 1:
        return float(np.mean((A[:, 0] > 0.5) == (Y[:, 0] > 0.5)))
    return float(np.mean(A.argmax(axis=1) == Y.argmax(axis=1)))


RIGHT = {
    "update": lambda w, grad, eta: w - eta * grad,
    "mse": lambda A, Y: float(sum(np.sum((a - y) ** 2) for a, y in zip(A, Y)) / len(A)),
    "neuron": lambda w, b, X: sig(X @ w + b),
    "sigmoid_prime": lambda z: np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))) ** 2,   # stable form
    "forward": lambda W, b, X: forward_all(W, b, X)[1][-1],
    "central_difference": lambda f, x, eps: (f(x + eps) - f(x - eps)) / 2 / eps,
    "delta_back": lambda W, delta, Z_prev: (W.T @ delta.T).T * sig_prime(Z_prev),
    "backprop": backprop,
    "gradient_descent": gradient_descent,
    "sgd_step": sgd_step,
    "output_error": lambda Z, A, Y: 2 * (A - Y) / len(A) * A * (1 - A),
    "epoch": epoch,
    "accuracy": accuracy,
}


# ---- one wrong answer per catalogued mistake --------------------------------------------

def _sgd_no_eta(W, b, X, Y, eta):
    grad_W, grad_b = backprop(W, b, X, Y)
    return [w - g for w, g in zip(W, grad_W)], [c - g for c, g in zip(b, grad_b)]


def _sgd_bias_fixed(W, b, X, Y, eta):
    grad_W, _ = backprop(W, b, X, Y)
    return [w - eta * g for w, g in zip(W, grad_W)], [c.copy() for c in b]


def _epoch_drop_last(W, b, X, Y, m, eta):
    for start in range(0, len(X) - m + 1, m):          # only full batches
        W, b = sgd_step(W, b, X[start:start + m], Y[start:start + m], eta)
    return W, b


def _forward_transposed(W, b, X):
    A = X
    for W_l, b_l in zip(W, b):
        A = sig(A @ W_l + b_l)
    return A


def _accuracy_argmax(A, Y):
    return float(np.mean(A.argmax(axis=1) == Y.argmax(axis=1)))


WRONG = {   # mistake key: (exercise, a wrong answer that makes that mistake)
    "half": ("backprop", lambda W, b, X, Y: backprop(W, b, X, Y, dC_da=lambda A, Y: A - Y)),
    "double_two": ("output_error", lambda Z, A, Y: 4 * (A - Y) / len(A) * A * (1 - A)),
    "no_mean": ("mse", lambda A, Y: float(np.sum((A - Y) ** 2))),
    "double_mean": ("backprop", lambda W, b, X, Y: backprop(W, b, X, Y, twice=True)),
    "mean_over_outputs": ("mse", lambda A, Y: float(np.mean((A - Y) ** 2))),
    "square_of_sum": ("mse", lambda A, Y: float(np.sum(np.sum(A - Y, axis=1) ** 2) / len(A))),
    "uphill": ("update", lambda w, grad, eta: w + eta * grad),
    "sign": ("backprop", lambda W, b, X, Y: backprop(W, b, X, Y, dC_da=lambda A, Y: 2 * (Y - A))),
    "no_eta": ("sgd_step", _sgd_no_eta),
    "bias_not_updated": ("sgd_step", _sgd_bias_fixed),
    "no_sigma_prime": ("output_error", lambda Z, A, Y: 2 * (A - Y) / len(A)),
    "sigma_for_prime": ("output_error", lambda Z, A, Y: 2 * (A - Y) / len(A) * sig(Z)),
    "prime_of_a": ("sigmoid_prime", lambda z: sig_prime(sig(z))),
    "formula_on_z": ("sigmoid_prime", lambda z: z * (1 - z)),
    "no_output_sigma": ("forward", lambda W, b, X: forward_all(W, b, X, last=lambda z: z)[1][-1]),
    "no_bias": ("forward", lambda W, b, X: forward_all(W, b, X, bias=False)[1][-1]),
    "transposed": ("forward", _forward_transposed),
    "forward_difference": ("central_difference", lambda f, x, eps: (f(x + eps) - f(x)) / eps),
    "one_eps": ("central_difference", lambda f, x, eps: (f(x + eps) - f(x - eps)) / eps),
    "precedence": ("central_difference", lambda f, x, eps: f(x + eps) - f(x - eps) / (2 * eps)),
    "percent": ("accuracy", lambda A, Y: 100 * accuracy(A, Y)),
    "argmax_single": ("accuracy", _accuracy_argmax),
    "drop_last": ("epoch", _epoch_drop_last),
}
HINTS = {m.key: m.hint for m in MISTAKES}


def test_every_mistake_has_a_wrong_answer_here():
    assert set(WRONG) == set(MISTAKE_KEYS)


def test_every_exercise_has_a_right_answer_here():
    assert set(RIGHT) == set(EXERCISES)


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_right_answer_passes(name):
    result = check(name, RIGHT[name])
    assert result.passed, result.message
    assert result.status == "passed" and result.mistakes == []
    assert "\u2713" in repr(result) and "\u2713" in result._repr_html_()


@pytest.mark.parametrize("key", MISTAKE_KEYS)
def test_mistake_is_named_with_its_hint(key):
    name, wrong = WRONG[key]
    result = check(name, wrong)
    assert not result.passed and result.status == "failed"
    assert result.mistakes and result.mistakes[0] == key, (result.mistakes, result.message)
    assert result.hint == HINTS[key]
    assert HINTS[key] in result.message
    others = [k for k in MISTAKE_KEYS if k not in result.mistakes and HINTS[k] in result.message]
    assert not others, f"hints of other mistakes shown: {others}"


def test_different_mistakes_get_different_hints():
    hints = [m.hint for m in MISTAKES]
    assert len(set(hints)) == len(hints)
    named = {key: check(*WRONG[key]).hint for key in MISTAKE_KEYS}
    assert len(set(named.values())) == len(named)


def test_ambiguous_answers_name_every_candidate():
    # In sgd_step, y - a inside the gradient and + eta in the update give the same weights.
    result = check("sgd_step", lambda W, b, X, Y, eta: sgd_step(W, b, X, Y, -eta))
    assert result.mistakes == ["uphill", "sign"]
    assert HINTS["uphill"] in result.message and HINTS["sign"] in result.message


def test_every_mistake_matters_for_some_exercise():
    """Each mistake changes at least one exercise's answer, so a reader can make it."""
    for mistake in MISTAKES:
        assert any(answers_differ(exercise, mistake) for exercise in EXERCISES.values()), mistake.key


def answers_differ(exercise, mistake):
    for case in exercise.cases():
        right = exercise.reference(CORRECT, *case.args)
        try:
            wrong = exercise.reference(mistake.parts(), *case.args)
        except Exception:
            return True
        if not np.allclose(np.asarray(flat(wrong)), np.asarray(flat(right))):
            return True
    return False


def flat(value):
    if isinstance(value, (list, tuple)):
        return np.concatenate([np.ravel(flat(v)) for v in value])
    return np.ravel(value)


# ---- the references behind the diagnosis are nnlib's answers --------------------------------

@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_parts_reference_equals_nnlib(name):
    exercise = EXERCISES[name]
    for case in exercise.cases():
        ours = flat(exercise.reference(CORRECT, *case.args))
        theirs = flat(exercise.expected(*case.args))
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15, err_msg=case.label)


def test_backprop_cases_against_central_differences():
    for case in EXERCISES["backprop"].cases():
        W, b, X, Y = case.args
        net = Network([W[0].shape[1]] + [w.shape[0] for w in W])
        net.W, net.b = [w.copy() for w in W], [c.copy() for c in b]
        numeric = numerical_gradient(net, X, Y)
        expected = EXERCISES["backprop"].expected(*case.args)
        np.testing.assert_allclose(flat(expected), flat(numeric), rtol=1e-5, atol=1e-8, err_msg=case.label)


def test_delta_back_against_the_bias_gradient():
    # grad_b of layer 1 is the column sum of Delta^(1), which delta_back computes from Delta^(2)
    rng = np.random.default_rng(0)
    net = Network([3, 4, 2], seed=1)
    net.b = [rng.normal(size=4), rng.normal(size=2)]
    X, Y = rng.random((5, 3)), rng.random((5, 2))
    zs, As = net.forward_all(X)
    delta2 = 2 * (As[2] - Y) / 5 * sig_prime(zs[1])
    delta1 = EXERCISES["delta_back"].expected(net.W[1], delta2, zs[0])
    np.testing.assert_allclose(delta1.sum(axis=0), net.backprop(X, Y)[1][0], rtol=1e-12)


def test_the_cases_include_the_edge_cases():
    for name in ["mse", "output_error", "backprop", "sgd_step", "forward"]:
        labels = " ".join(c.label for c in EXERCISES[name].cases())
        assert "one sample" in labels and "single output" in labels, name
    for name in ["sigmoid_prime", "output_error", "backprop", "forward", "neuron", "delta_back"]:
        assert any("large |z|" in c.label for c in EXERCISES[name].cases()), name


def test_cases_are_seeded():
    for exercise in EXERCISES.values():
        first, second = exercise.cases(), exercise.cases()
        assert [c.label for c in first] == [c.label for c in second]
        for a, b in zip(first, second):
            assert np.array_equal(flat([x for x in a.args if not callable(x)]),
                                  flat([x for x in b.args if not callable(x)]))


# ---- broken answers fail with a message, never an exception -----------------------------

def _stub(*args):
    raise NotImplementedError


def test_stub_is_not_done_yet():
    for name in EXERCISES:
        for stub in [_stub, lambda *args: None]:
            result = check(name, stub)
            assert not result.passed and result.status == "todo"
            assert "NotImplementedError" in result.message
            assert "\u25cb" in repr(result)


def test_crash_is_a_failed_check():
    def crashes(z):
        return z / 0 + undefined_name   # noqa: F821
    result = check("sigmoid_prime", crashes)
    assert not result.passed and result.status == "failed"
    assert "raised NameError" in result.message and "undefined_name" in result.message


def test_wrong_shape_is_named():
    result = check("neuron", lambda w, b, X: sig(X @ w + b).reshape(-1, 1))
    assert not result.passed and "has shape (4, 1), expected (4,)" in result.message
    assert "reshape" in result.message
    transposed = check("backprop", lambda W, b, X, Y: ([g.T for g in backprop(W, b, X, Y)[0]],
                                                      backprop(W, b, X, Y)[1]))
    assert "grad_W[0] has shape (3, 4), expected (4, 3) (the transpose)" in transposed.message
    assert "should be a number" in check("mse", lambda A, Y: (A - Y) ** 2).message


def test_nan_is_named_with_the_case():
    naive = lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2    # inf / inf at z = -800
    result = check("sigmoid_prime", naive)
    assert not result.passed
    assert "large |z|" in result.message and "contains NaN" in result.message
    assert "overflow" in result.message


def test_changing_the_inputs_fails():
    def in_place(W, b, X, Y, eta):
        grad_W, grad_b = backprop(W, b, X, Y)
        for l in range(len(W)):
            W[l] -= eta * grad_W[l]
            b[l] -= eta * grad_b[l]
        return W, b
    result = check("sgd_step", in_place)
    assert not result.passed and "changed its argument W" in result.message


JUNK = [lambda *a: object(), lambda *a: "0.5", lambda *a: [1, 2], lambda *a: {"a": 1},
        lambda *a: np.array(["x", "y"]), lambda *a: (x for x in []), lambda *a: float("nan"),
        lambda *a: np.inf, lambda *a: True, lambda *a: ([], []), lambda *a: [[None]] * 2,
        lambda *a: 1 / 0, lambda *a: np.zeros((0,)), lambda *a: ([np.zeros(2)], None)]


@pytest.mark.parametrize("name", sorted(EXERCISES))
def test_check_never_raises_on_junk(name):
    for junk in JUNK:
        result = check(name, junk)
        assert isinstance(result, Result) and not result.passed, (name, junk)
        assert result.message and "\u2717" in result._repr_html_()


def test_bad_name_and_answer_are_named():
    with pytest.raises(ValueError, match="unknown exercise 'sigmoid_primes'; expected one of 'update'"):
        check("sigmoid_primes", RIGHT["sigmoid_prime"])
    with pytest.raises(TypeError, match="name must be the name of an exercise.*got 3"):
        check(3, RIGHT["mse"])
    with pytest.raises(TypeError, match="answer must be a function.*got 0.5 of type float"):
        check("mse", 0.5)


def test_catalog_lists_every_exercise_by_chapter():
    rows = catalog()
    assert [r.name for r in rows] == sorted(EXERCISES, key=lambda n: (EXERCISES[n].chapter,
                                                                      list(EXERCISES).index(n)))
    for required in ["sigmoid_prime", "mse", "forward", "backprop", "sgd_step"]:
        assert required in EXERCISES
    for chapter in range(1, 7):
        assert sum(r.chapter == chapter for r in rows) >= 2, chapter


def test_signatures_of_the_issue():
    sig_of = {r.name: r.signature for r in catalog()}
    assert sig_of["sigmoid_prime"] == "f(z) -> sigma'(z)"
    assert sig_of["mse"] == "f(A, Y) -> float"
    assert sig_of["forward"] == "f(W, b, X) -> A"
    assert sig_of["backprop"] == "f(W, b, X, Y) -> (grad_W, grad_b)"
    assert sig_of["sgd_step"] == "f(W, b, X, Y, eta) -> (W_new, b_new)"


def test_answers_for_quizzes():
    A, Y = np.array([[0.8, 0.4, 0.1], [0.3, 0.9, 0.2]]), np.array([[1.0, 0, 0], [0, 1.0, 0]])
    right, wrong = answers("mse", A, Y)
    # by hand: (0.04 + 0.16 + 0.01 + 0.09 + 0.01 + 0.04) / 2 = 0.175
    assert right == pytest.approx(0.175)
    values = {key: value for key, value, _ in wrong}
    assert values["half"] == pytest.approx(0.0875)
    assert values["no_mean"] == pytest.approx(0.35)
    assert values["mean_over_outputs"] == pytest.approx(0.35 / 6)


def test_a_crashing_mistake_needs_a_crashing_answer():
    from nnlib.exercises import _fits, _Run
    assert not _fits(_Run(value=np.zeros(2)), (None, ValueError("shapes")), ("A",))
    assert _fits(_Run(error=ValueError("mine")), (None, ValueError("shapes")), ("A",))
    assert not _fits(_Run(error=ValueError("mine")), (np.zeros(2), None), ("A",))
