"""Activations against independent formulas and central differences."""
import math
import warnings

import numpy as np
import pytest

from nnlib import ACTIVATIONS, get_activation
from nnlib.activations import sigmoid

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
