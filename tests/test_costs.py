"""Cost conventions: hand-worked values, SSE = n * MSE, derivatives, cross-entropy."""
import warnings

import numpy as np
import pytest

from nnlib import Network, get_cost, mse, softmax, sse
from nnlib.activations import SOFTMAX, backward, get_activation
from nnlib.costs import CROSS_ENTROPY, check_targets

BINARY, CATEGORICAL = CROSS_ENTROPY["sigmoid"], CROSS_ENTROPY["softmax"]
A = np.array([[0.2, 0.9], [0.5, 0.1], [1.0, 0.0]])
Y = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 0.0]])


def test_mse_by_hand():
    # squared errors per sample, summed over the two outputs:
    # (0.2-0)^2 + (0.9-1)^2 = 0.04 + 0.01 = 0.05
    # (0.5-1)^2 + (0.1-0)^2 = 0.25 + 0.01 = 0.26
    # (1-1)^2  + (0-0)^2    = 0
    # mean over the 3 samples: 0.31 / 3
    assert mse(A, Y) == pytest.approx(0.31 / 3, rel=1e-14)
    assert sse(A, Y) == pytest.approx(0.31, rel=1e-14)


def test_single_output_mse_is_the_textbook_formula():
    y = np.array([3.0, -0.5, 2.0, 7.0])
    y_hat = np.array([2.5, 0.0, 2.0, 8.0])
    textbook = np.mean((y - y_hat) ** 2)          # (1/n) sum (y - y_hat)^2
    assert mse(y_hat.reshape(-1, 1), y.reshape(-1, 1)) == pytest.approx(textbook, rel=1e-14)


@pytest.mark.parametrize("cost", [get_cost("mse"), get_cost("sse"), BINARY, CATEGORICAL],
                         ids=["mse", "sse", "binary_cross_entropy", "categorical_cross_entropy"])
def test_derivative_matches_central_difference(cost):
    rng = np.random.default_rng(0)
    P = rng.uniform(0.1, 0.9, size=(4, 3))       # outputs inside (0, 1): no clipping
    T = rng.uniform(size=(4, 3))
    eps = 1e-6
    numeric = np.zeros_like(P)
    for i in np.ndindex(P.shape):
        up, down = P.copy(), P.copy()
        up[i] += eps
        down[i] -= eps
        numeric[i] = (cost.C(up, T) - cost.C(down, T)) / (2 * eps)
    np.testing.assert_allclose(cost.dC_dA(P, T), numeric, rtol=1e-7, atol=1e-10)


def test_unknown_cost_lists_known_names():
    with pytest.raises(ValueError, match="unknown cost 'mae'.*'mse'.*'sse'"):
        get_cost("mae")


# ---- cross-entropy -------------------------------------------------------------
def test_binary_cross_entropy_by_hand():
    A = np.array([[0.8, 0.4], [0.5, 0.9]])
    Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    # sample 1: -[ln 0.8 + ln(1 - 0.4)] = -ln 0.8 - ln 0.6
    # sample 2: -[ln(1 - 0.5) + ln 0.9] = -ln 0.5 - ln 0.9
    # summed over the two outputs, averaged over the two samples:
    by_hand = -(np.log(0.8) + np.log(0.6) + np.log(0.5) + np.log(0.9)) / 2
    assert BINARY.C(A, Y) == pytest.approx(by_hand, rel=1e-14)
    Z = np.log(A / (1 - A))                       # the z with sigmoid(z) = A
    assert BINARY.value(Z, A, Y) == pytest.approx(by_hand, rel=1e-12)


def test_categorical_cross_entropy_by_hand():
    Z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    Y = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
    # sample 1: -ln(e^3 / (e^1 + e^2 + e^3));  sample 2: -ln(1/3) = ln 3
    by_hand = (-np.log(np.exp(3) / (np.exp(1) + np.exp(2) + np.exp(3))) + np.log(3)) / 2
    A = softmax(Z)
    assert CATEGORICAL.value(Z, A, Y) == pytest.approx(by_hand, rel=1e-14)
    assert CATEGORICAL.C(A, Y) == pytest.approx(by_hand, rel=1e-14)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_cross_entropy_delta_is_the_chain_rule_shortened(output):
    """delta = (a - y)/n equals dC/da * da/dz taken the long way (softmax: its Jacobian)."""
    rng = np.random.default_rng(1)
    Z = rng.normal(size=(5, 4))
    g = get_activation(output, output=True)
    A = g.g(Z)
    Y = np.eye(4)[rng.integers(0, 4, 5)]
    cost = get_cost("cross_entropy", output)
    long_way = backward(g, Z, A, cost.dC_dA(A, Y))
    np.testing.assert_allclose(cost.delta(Z, A, Y, g), long_way, rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(cost.delta(Z, A, Y, g), (A - Y) / 5, rtol=0, atol=0)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_cross_entropy_is_exact_and_quiet_at_huge_z(output):
    Z = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 3.0]])
    Y = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    g = get_activation(output, output=True)
    cost = get_cost("cross_entropy", output)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A = g.g(Z)
        value, delta = cost.value(Z, A, Y), cost.delta(Z, A, Y, g)
        clipped = cost.C(A, Y)
    if output == "sigmoid":
        # sample 1: -ln(1 - s(1e4)) - ln s(-1e4) - ln(1 - s(0)) = 1e4 + 1e4 + ln 2
        # sample 2: 0 (a = 0, y = 0) + 1e4 (a = 1, y = 0) - ln s(3)
        by_hand = (2e4 + np.log(2) + 1e4 + np.log1p(np.exp(-3.0))) / 2
    else:
        # sample 1: lse = 1e4, target z = -1e4: 2e4;  sample 2: lse = 1e4, target z = 3
        by_hand = (2e4 + 1e4 - 3) / 2
    assert value == pytest.approx(by_hand, rel=1e-14)
    assert np.isfinite(delta).all() and np.isfinite(clipped) and clipped < value


def test_cross_entropy_value_from_z_equals_value_from_outputs():
    rng = np.random.default_rng(2)
    Z = rng.normal(scale=3, size=(6, 4))
    for output in ["sigmoid", "softmax"]:
        g, cost = get_activation(output, output=True), get_cost("cross_entropy", output)
        Y = np.eye(4)[rng.integers(0, 4, 6)]
        assert cost.value(Z, g.g(Z), Y) == pytest.approx(cost.C(g.g(Z), Y), rel=1e-12)


def test_cross_entropy_needs_probability_outputs_and_targets():
    X = np.zeros((2, 3))
    with pytest.raises(ValueError, match="cross_entropy' needs output_activation 'sigmoid' or "
                                         "'softmax'.*got output_activation='identity'"):
        Network([3, 2], output_activation="identity").cost(X, np.zeros((2, 2)), "cross_entropy")
    with pytest.raises(ValueError, match=r"probabilities in \[0, 1\].*got -0.5 at row 1, column 0"):
        Network([3, 2]).backprop(X, np.array([[0.0, 1.0], [-0.5, 1.0]]), "cross_entropy")
    with pytest.raises(ValueError, match="each row of Y must sum to 1.*row 0 summing to 0.5"):
        Network([3, 2], output_activation="softmax").cost(X, np.array([[0.5, 0.0], [0.0, 1.0]]),
                                                          "cross_entropy")
    assert check_targets(get_cost("mse"), np.array([[-3.0]])).item() == -3.0   # mse takes any Y
    assert get_cost("cross_entropy") is BINARY and get_cost("cross_entropy", SOFTMAX) is CATEGORICAL
