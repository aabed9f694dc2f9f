"""Activations against independent formulas and central differences."""
import math
import warnings

import numpy as np
import pytest

from nnlib import ACTIVATIONS, Network, get_activation, softmax
from nnlib.activations import SOFTMAX, backward, sigmoid, softmax_backward

Z = np.linspace(-6, 6, 241) + 0.0123   # shifted so no point sits on a kink (z = 0)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_matches_central_difference(name):
    act = ACTIVATIONS[name]
    eps = 1e-6
    numeric = (act.g(Z + eps) - act.g(Z - eps)) / (2 * eps)
    np.testing.assert_allclose(act.g_prime(Z), numeric, rtol=1e-6, atol=1e-8)


def test_textbook_formulas():
    z = np.linspace(-20, 20, 81)
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15)
    np.testing.assert_allclose(ACTIVATIONS["softplus"].g(z), [math.log1p(math.exp(v)) for v in z], rtol=1e-14)
    np.testing.assert_allclose(ACTIVATIONS["tanh"].g(z), (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)))
    np.testing.assert_array_equal(ACTIVATIONS["relu"].g(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(ACTIVATIONS["leaky_relu"].g(np.array([-2.0, 3.0])), [-0.02, 3.0])
    np.testing.assert_array_equal(ACTIVATIONS["identity"].g(np.array([-2.0, 3.0])), [-2.0, 3.0])


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_huge_inputs_give_no_warning_and_finite_values(name):
    z = np.array([-1e4, -710.0, 0.0, 710.0, 1e4])
    act = ACTIVATIONS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isfinite(act.g(z)).all()
        assert np.isfinite(act.g_prime(z)).all()


def test_sigmoid_limits_are_exact():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = sigmoid(np.array([-1e4, 1e4]))
    assert s[0] == 0.0 and s[1] == 1.0
    assert sigmoid(0.0) == 0.5


def test_unknown_activation_lists_known_names():
    with pytest.raises(ValueError, match="unknown activation 'sigmod'.*'sigmoid'.*'tanh'"):
        get_activation("sigmod")


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_from_the_known_activation_is_the_same(name):
    act = ACTIVATIONS[name]
    np.testing.assert_array_equal(act.g_prime(Z, act.g(Z)), act.g_prime(Z))


# ---- softmax (output layers only) -------------------------------------------------

def test_softmax_by_formula_and_stable():
    Z = np.array([[1.0, 2.0, 3.0], [-1e4, 0.0, 1e4]])
    e = np.exp([1.0, 2.0, 3.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A = softmax(Z)
    np.testing.assert_allclose(A[0], e / e.sum(), rtol=1e-15)
    np.testing.assert_array_equal(A[1], [0.0, 0.0, 1.0])
    np.testing.assert_allclose(A.sum(axis=1), 1.0, rtol=1e-15)


def test_softmax_backward_is_the_jacobian_vector_product():
    rng = np.random.default_rng(0)
    z, v = rng.normal(size=4), rng.normal(size=4)
    eps = 1e-6
    # column k of the Jacobian da/dz by central differences, then dC/dz = J^T v
    J = np.column_stack([(softmax(z + eps * e) - softmax(z - eps * e)) / (2 * eps) for e in np.eye(4)])
    np.testing.assert_allclose(softmax_backward(z[None], softmax(z[None]), v[None])[0], J.T @ v,
                               rtol=1e-8, atol=1e-10)
    Z = rng.normal(size=(3, 4))
    np.testing.assert_allclose(backward(SOFTMAX, Z, softmax(Z), np.ones((3, 4))), 0, atol=1e-15)   # constant dC/da: no change


def test_softmax_is_for_output_layers_only():
    assert Network([3, 2], output_activation="softmax").output_activation == "softmax"
    with pytest.raises(ValueError, match="'softmax' is only available for the output layer"):
        Network([3, 4, 2], activation="softmax", output_activation="sigmoid")
    with pytest.raises(ValueError, match="'softmax' is only available for the output layer"):
        get_activation("softmax")
    with pytest.raises(TypeError, match="no element-wise derivative"):
        SOFTMAX.g_prime(np.zeros((1, 2)))
    assert "softmax" not in ACTIVATIONS      # the explorers and plots list element-wise ones only
