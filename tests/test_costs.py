"""Cost conventions: hand-worked values, SSE = n * MSE, derivatives."""
import numpy as np
import pytest

from nnlib import get_cost, mse, sse

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


@pytest.mark.parametrize("name", ["mse", "sse"])
def test_derivative_matches_central_difference(name):
    cost = get_cost(name)
    eps = 1e-6
    numeric = np.zeros_like(A)
    for i in np.ndindex(A.shape):
        P, M = A.copy(), A.copy()
        P[i] += eps
        M[i] -= eps
        numeric[i] = (cost.C(P, Y) - cost.C(M, Y)) / (2 * eps)
    np.testing.assert_allclose(cost.dC_dA(A, Y), numeric, rtol=1e-7, atol=1e-10)


def test_unknown_cost_lists_known_names():
    with pytest.raises(ValueError, match="unknown cost 'mae'.*'mse'.*'sse'"):
        get_cost("mae")
