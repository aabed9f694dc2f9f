"""The network: shapes, a hand-worked example, and backprop vs central differences."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from nnlib import (ACTIVATIONS, OUTPUT_ACTIVATIONS, Network, gradcheck, numerical_gradient,
                   relative_error)


def test_shapes_follow_z_equals_W_a_plus_b():
    net = Network([4, 3, 2])
    assert [W.shape for W in net.W] == [(3, 4), (2, 3)]
    assert [b.shape for b in net.b] == [(3,), (2,)]
    zs, activations = net.forward_all(np.ones((5, 4)))
    assert [z.shape for z in zs] == [(5, 3), (5, 2)]
    assert [a.shape for a in activations] == [(5, 4), (5, 3), (5, 2)]
    assert net.n_params == 3 * 4 + 3 + 2 * 3 + 2


def test_biases_start_at_zero_and_weights_are_seeded():
    a, b, c = Network([5, 4, 3], seed=1), Network([5, 4, 3], seed=1), Network([5, 4, 3], seed=2)
    assert all((bias == 0).all() for bias in a.b)
    assert all(np.array_equal(x, y) for x, y in zip(a.W, b.W))
    assert not np.array_equal(a.W[0], c.W[0])


def test_glorot_and_constant_init():
    net = Network([50, 40, 30], init="glorot", seed=0)
    for W in net.W:
        r = np.sqrt(6 / (W.shape[0] + W.shape[1]))
        assert np.abs(W).max() <= r and np.abs(W).max() > 0.9 * r
    const = Network([3, 2, 1], init="constant")
    assert all((W == 0.1).all() for W in const.W)


def hand_net():
    net = Network([2, 2, 1], activation="relu", output_activation="identity")
    net.W[0][:] = [[0.1, 0.2], [0.3, -0.4]]
    net.b[0][:] = [0.5, 0.1]
    net.W[1][:] = [[0.6, -0.7]]
    net.b[1][:] = [0.2]
    return net


def test_hand_worked_2_2_1():
    net = hand_net()
    x, y = np.array([[1.0, 2.0]]), np.array([[1.0]])
    # forward pass, z = W a + b:
    #   z1_0 = 0.1*1 + 0.2*2 + 0.5 = 1.0      a1_0 = relu(1.0)  = 1.0
    #   z1_1 = 0.3*1 - 0.4*2 + 0.1 = -0.4     a1_1 = relu(-0.4) = 0.0
    #   z2_0 = 0.6*1.0 - 0.7*0.0 + 0.2 = 0.8  a2_0 = 0.8 (identity)
    zs, activations = net.forward_all(x)
    np.testing.assert_allclose(zs[0], [[1.0, -0.4]], atol=1e-15)
    np.testing.assert_allclose(activations[1], [[1.0, 0.0]], atol=1e-15)
    np.testing.assert_allclose(activations[2], [[0.8]], atol=1e-15)
    # cost (one sample): C = (0.8 - 1)^2 = 0.04
    assert net.cost(x, y) == pytest.approx(0.04, abs=1e-15)
    # backward pass:
    #   dC/da2 = 2 (0.8 - 1) = -0.4;  delta2 = -0.4 * identity'(0.8) = -0.4
    #   dC/dW2 = delta2 * a1 = [-0.4 * 1.0, -0.4 * 0.0] = [-0.4, 0.0];  dC/db2 = -0.4
    #   delta1 = (W2^T delta2) * relu'(z1) = [0.6 * -0.4, -0.7 * -0.4] * [1, 0] = [-0.24, 0]
    #   dC/dW1 = delta1 x^T = [[-0.24 * 1, -0.24 * 2], [0, 0]];  dC/db1 = [-0.24, 0]
    grad_W, grad_b = net.backprop(x, y)
    np.testing.assert_allclose(grad_W[1], [[-0.4, 0.0]], atol=1e-15)
    np.testing.assert_allclose(grad_b[1], [-0.4], atol=1e-15)
    np.testing.assert_allclose(grad_W[0], [[-0.24, -0.48], [0.0, 0.0]], atol=1e-15)
    np.testing.assert_allclose(grad_b[0], [-0.24, 0.0], atol=1e-15)


def test_minibatch_gradient_is_the_average_of_per_sample_gradients():
    rng = np.random.default_rng(3)
    net = Network([3, 5, 2], seed=3)
    X, Y = rng.uniform(size=(7, 3)), rng.uniform(size=(7, 2))
    grad_W, grad_b = net.backprop(X, Y)
    singles = [net.backprop(X[i:i + 1], Y[i:i + 1]) for i in range(7)]
    for l in range(2):
        np.testing.assert_allclose(grad_W[l], np.mean([s[0][l] for s in singles], axis=0), rtol=1e-12)
        np.testing.assert_allclose(grad_b[l], np.mean([s[1][l] for s in singles], axis=0), rtol=1e-12)
    # the sum of squared differences has n times the gradient of the mean
    sse_W, _ = net.backprop(X, Y, cost="sse")
    np.testing.assert_allclose(sse_W[0], 7 * grad_W[0], rtol=1e-12)


def targets(rng, n, m, output_activation, cost):
    """Random targets that suit the cost: probabilities, rows summing to 1 for a softmax."""
    Y = rng.uniform(size=(n, m))
    if cost == "cross_entropy" and output_activation == "softmax":
        Y /= Y.sum(axis=1, keepdims=True)
    return Y


@settings(max_examples=150, deadline=None, derandomize=True)
@given(sizes=st.lists(st.integers(1, 5), min_size=2, max_size=5),
       activation=st.sampled_from(sorted(ACTIVATIONS)),
       output_activation=st.sampled_from(sorted(OUTPUT_ACTIVATIONS)),
       cost=st.sampled_from(["mse", "sse", "cross_entropy"]),
       n=st.integers(1, 6), seed=st.integers(0, 10_000))
def test_backprop_matches_central_differences(sizes, activation, output_activation, cost, n, seed):
    if cost == "cross_entropy":          # defined for probabilities only: sigmoid or softmax outputs
        output_activation = ["sigmoid", "softmax"][seed % 2]
    rng = np.random.default_rng(seed)
    net = Network(sizes, activation=activation, output_activation=output_activation,
                  seed=seed, init="glorot")
    for b in net.b:
        b[:] = rng.normal(scale=0.5, size=b.shape)
    X = rng.uniform(-1, 1, size=(n, sizes[0]))
    Y = targets(rng, n, sizes[-1], output_activation, cost)
    assert gradcheck(net, X, Y, cost) <= 1e-6


def test_gradcheck_catches_a_wrong_gradient(monkeypatch):
    net = Network([3, 4, 2], seed=0)
    X, Y = np.random.default_rng(0).uniform(size=(5, 3)), np.eye(2)[[0, 1, 0, 1, 1]]
    good = gradcheck(net, X, Y)
    real = Network._backprop

    def wrong(self, X, Y, cost, **kwargs):        # forget the 2 in d/da (a - y)^2
        grad_W, grad_b = real(self, X, Y, cost, **kwargs)
        return [g / 2 for g in grad_W], grad_b
    monkeypatch.setattr(Network, "_backprop", wrong)
    assert good < 1e-8 and gradcheck(net, X, Y) > 0.1


def test_numerical_gradient_restores_parameters():
    net = Network([2, 3, 1], seed=1)
    before = [W.copy() for W in net.W]
    numerical_gradient(net, np.ones((2, 2)), np.ones((2, 1)))
    assert all(np.array_equal(a, b) for a, b in zip(before, net.W))
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error([0.0], [0.0]) == 0.0


def test_predict_and_accuracy():
    net = hand_net()
    X = np.array([[1.0, 2.0], [0.0, 0.0]])
    assert net.predict(X).tolist() == [1, 0]          # outputs 0.8 > 0.5, and 0.2+0.6*0.5 = 0.5 -> 0
    assert net.accuracy(X, np.array([[1.0], [1.0]])) == 0.5


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "softplus"])
@pytest.mark.parametrize("cost", ["mse", "sse"])
def test_l2_gradient_matches_central_differences(activation, cost):
    rng = np.random.default_rng(3)
    net = Network([3, 4, 2], activation=activation, seed=4)
    for b in net.b:
        b[...] = rng.normal(size=b.shape)          # non-zero biases: a penalty on them would show
    X, Y = rng.uniform(size=(6, 3)), rng.uniform(size=(6, 2))
    assert gradcheck(net, X, Y, cost, l2=0.7) < 1e-7
    grad_W, grad_b = net.backprop(X, Y, cost, l2=0.7)
    plain_W, plain_b = net.backprop(X, Y, cost)
    for l in range(net.L):                          # lambda W on the weights, nothing on the biases
        np.testing.assert_allclose(grad_W[l] - plain_W[l], 0.7 * net.W[l], rtol=1e-12, atol=1e-15)
        np.testing.assert_array_equal(grad_b[l], plain_b[l])


def test_l2_cost_adds_half_lambda_times_squared_weights():
    net = Network([2, 2, 1], seed=0)
    X, Y = np.array([[0.5, -1.0]]), np.array([[1.0]])
    penalty = 0.5 * 0.3 * sum((W ** 2).sum() for W in net.W)     # (lambda/2) sum w^2, by hand
    assert net.cost(X, Y, l2=0.3) == pytest.approx(net.cost(X, Y) + penalty, rel=1e-14)
