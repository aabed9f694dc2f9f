"""Mini-batch SGD: against scikit-learn, by hand, determinism, accuracy, divergence."""
import re
import warnings

import numpy as np
import pytest

from nnlib import DivergenceWarning, Network, load_digits, sgd


def test_one_step_matches_scikit_learn():
    from sklearn.neural_network import MLPRegressor

    rng = np.random.default_rng(0)
    X, Y = rng.uniform(size=(8, 4)), rng.uniform(size=(8, 3))
    net = Network([4, 5, 3], activation="sigmoid", output_activation="identity", seed=1)
    eta = 0.3
    # scikit-learn follows the gradient of (1/2) mse: its learning rate 2 eta is our eta.
    sk = MLPRegressor(hidden_layer_sizes=(5,), activation="logistic", solver="sgd",
                      momentum=0.0, nesterovs_momentum=False, alpha=0.0,
                      learning_rate_init=2 * eta, batch_size=8, shuffle=False, random_state=0)
    sk.partial_fit(X, Y)                           # builds its arrays (and takes a step)
    for l in range(2):                             # then overwrite them in place
        sk.coefs_[l][...] = net.W[l].T
        sk.intercepts_[l][...] = net.b[l]
    sk.partial_fit(X, Y)                           # one step on one mini-batch of all 8 rows
    sgd(net, X, Y, epochs=1, batch_size=8, eta=eta)
    for l in range(2):
        np.testing.assert_allclose(net.W[l], sk.coefs_[l].T, rtol=0, atol=1e-10)
        np.testing.assert_allclose(net.b[l], sk.intercepts_[l], rtol=0, atol=1e-10)


def test_step_by_hand_with_two_batches():
    rng = np.random.default_rng(5)
    X, Y = rng.uniform(size=(6, 2)), rng.uniform(size=(6, 1))
    net, ref = Network([2, 3, 1], seed=2), Network([2, 3, 1], seed=2)
    sgd(net, X, Y, epochs=1, batch_size=4, eta=0.5, seed=7)
    order = np.random.default_rng(7).permutation(6)          # sgd's own shuffle
    for batch in (order[:4], order[4:]):                      # batches of 4 and 2 rows
        grad_W, grad_b = ref.backprop(X[batch], Y[batch])
        for l in range(2):
            ref.W[l] -= 0.5 * grad_W[l]
            ref.b[l] -= 0.5 * grad_b[l]
    for l in range(2):
        np.testing.assert_allclose(net.W[l], ref.W[l], rtol=1e-14)
        np.testing.assert_allclose(net.b[l], ref.b[l], rtol=1e-14)


def test_batch_larger_than_data_is_full_gradient_descent():
    rng = np.random.default_rng(1)
    X, Y = rng.uniform(size=(5, 2)), rng.uniform(size=(5, 1))
    net, ref = Network([2, 2, 1]), Network([2, 2, 1])
    sgd(net, X, Y, epochs=1, batch_size=1000, eta=1.0)
    grad_W, _ = ref.backprop(X, Y)                 # the order of rows does not matter
    np.testing.assert_allclose(net.W[0], ref.W[0] - grad_W[0], rtol=1e-12)


def test_same_seed_gives_bit_identical_weights():
    data = load_digits()
    runs = []
    for _ in range(2):
        net = Network([64, 10, 10], seed=4)
        sgd(net, data.X_train[:300], data.Y_train[:300], epochs=3, batch_size=10, eta=3.0, seed=9)
        runs.append(net)
    assert all(np.array_equal(a, b) for a, b in zip(runs[0].W + runs[0].b, runs[1].W + runs[1].b))
    other = Network([64, 10, 10], seed=4)
    sgd(other, data.X_train[:300], data.Y_train[:300], epochs=3, batch_size=10, eta=3.0, seed=10)
    assert not np.array_equal(other.W[0], runs[0].W[0])


def test_article_setup_reaches_95_percent_on_digits():
    data = load_digits()
    net = Network([64, 30, 10], activation="sigmoid", seed=0)
    history = sgd(net, data.X_train, data.Y_train, epochs=30, batch_size=10, eta=3.0,
                  seed=0, X_val=data.X_test, Y_val=data.Y_test)
    assert net.accuracy(data.X_test, data.Y_test) >= 0.95
    assert history.val_accuracy[-1] == net.accuracy(data.X_test, data.Y_test)
    assert len(history.cost) == 30 and history.cost[-1] < history.cost[0]
    assert history.diverged is None


def test_history_and_callback():
    X, Y = np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]])
    seen = []
    history = sgd(Network([1, 1]), X, Y, epochs=4, batch_size=1, eta=1.0,
                  callback=lambda epoch, net, h: seen.append((epoch, len(h.cost))))
    assert seen == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert history.val_cost == [] and len(history.accuracy) == 4
    assert sgd(Network([1, 1]), X, Y, epochs=0, batch_size=1, eta=1.0).cost == []


def test_divergence_stops_training_without_nan():
    X = np.linspace(0, 10, 20).reshape(-1, 1)
    Y = 3 * X
    net = Network([1, 1], activation="identity")
    with pytest.warns(DivergenceWarning, match=r"diverged at epoch \d+, step \d+"):
        history = sgd(net, X, Y, epochs=500, batch_size=20, eta=5.0)
    assert history.diverged is not None and set(history.diverged) == {"epoch", "step"}
    assert np.isfinite(net.W[0]).all() and np.isfinite(history.cost).all()


def test_no_numpy_warning_when_diverging():
    X = np.linspace(0, 10, 20).reshape(-1, 1)
    net = Network([1, 1], activation="identity")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("ignore", DivergenceWarning)
        sgd(net, X, 3 * X, epochs=500, batch_size=20, eta=5.0)


def test_constant_init_keeps_hidden_neurons_identical():
    data = load_digits()
    net = Network([64, 5, 10], init="constant")
    sgd(net, data.X_train[:200], data.Y_train[:200], epochs=3, batch_size=10, eta=3.0)
    # every hidden row is the same, up to rounding in the BLAS matrix product
    assert np.ptp(net.W[0], axis=0).max() < 1e-14
    assert np.ptp(net.b[0]) < 1e-14
    assert np.ptp(net.W[0]) > 0                      # ...though the weights did move


def test_progress_bar_runs():
    X, Y = np.array([[0.0], [1.0]]), np.array([[0.0], [1.0]])
    history = sgd(Network([1, 1]), X, Y, epochs=2, batch_size=1, eta=1.0, progress=True)
    assert len(history.cost) == 2


def test_l2_step_is_weight_decay_by_hand():
    rng = np.random.default_rng(8)
    X, Y = rng.uniform(size=(6, 3)), rng.uniform(size=(6, 2))
    net, ref = Network([3, 4, 2], seed=5), Network([3, 4, 2], seed=5)
    lam, eta = 0.2, 0.5
    sgd(net, X, Y, epochs=1, batch_size=6, eta=eta, l2=lam)      # one batch: one step
    grad_W, grad_b = ref.backprop(X, Y)                          # the plain MSE gradient
    for l in range(2):
        # W <- (1 - eta lambda) W - eta dC/dW;  b <- b - eta dC/db
        np.testing.assert_allclose(net.W[l], (1 - eta * lam) * ref.W[l] - eta * grad_W[l], rtol=1e-13)
        np.testing.assert_allclose(net.b[l], ref.b[l] - eta * grad_b[l], rtol=1e-13)


def test_momentum_by_hand_over_two_epochs():
    rng = np.random.default_rng(9)
    X, Y = rng.uniform(size=(6, 2)), rng.uniform(size=(6, 1))
    net, ref = Network([2, 3, 1], seed=3), Network([2, 3, 1], seed=3)
    mu, eta = 0.9, 0.4
    sgd(net, X, Y, epochs=2, batch_size=4, eta=eta, seed=11, momentum=mu)
    rng_ref = np.random.default_rng(11)                          # sgd's own shuffle
    vW = [np.zeros_like(W) for W in ref.W]
    vb = [np.zeros_like(b) for b in ref.b]
    for _ in range(2):
        order = rng_ref.permutation(6)
        for batch in (order[:4], order[4:]):
            grad_W, grad_b = ref.backprop(X[batch], Y[batch])
            for l in range(2):                                   # v <- mu v + g; theta <- theta - eta v
                vW[l] = mu * vW[l] + grad_W[l]
                vb[l] = mu * vb[l] + grad_b[l]
                ref.W[l] -= eta * vW[l]
                ref.b[l] -= eta * vb[l]
    for l in range(2):
        np.testing.assert_allclose(net.W[l], ref.W[l], rtol=1e-13)
        np.testing.assert_allclose(net.b[l], ref.b[l], rtol=1e-13)


@pytest.mark.parametrize("kwargs, error, phrase", [
    ({"l2": -0.1}, ValueError, "l2 must be"),
    ({"l2": float("nan")}, ValueError, "l2 must be"),
    ({"l2": "big"}, TypeError, "l2 must be"),
    ({"momentum": 1.0}, ValueError, "momentum must be a number in [0, 1)"),
    ({"momentum": -0.5}, ValueError, "momentum must be a number in [0, 1)"),
    ({"momentum": None}, TypeError, "momentum must be a number in [0, 1)"),
])
def test_l2_and_momentum_are_checked(kwargs, error, phrase):
    X, Y = np.zeros((4, 2)), np.zeros((4, 1))
    with pytest.raises(error, match=re.escape(phrase)):
        sgd(Network([2, 2, 1]), X, Y, 1, 2, 1.0, **kwargs)


def test_a_shuffle_function_gives_each_epochs_order():
    """shuffle=f trains epoch e on the rows in the order f returns then, as if given so."""
    rng = np.random.default_rng(4)
    X, Y = rng.normal(size=(12, 3)), rng.random((12, 2))
    orders = [rng.permutation(12) for _ in range(3)]
    drawn = iter(orders)
    net = Network([3, 4, 2], seed=1)
    history = sgd(net, X, Y, 3, 5, 0.5, shuffle=lambda: next(drawn))
    by_hand = Network([3, 4, 2], seed=1)
    for order in orders:                      # one epoch at a time, rows already in order
        sgd(by_hand, X[order], Y[order], 1, 5, 0.5, shuffle=False)
    assert all(np.array_equal(a, b) for a, b in zip(net.W + net.b, by_hand.W + by_hand.b))
    assert len(history.cost) == 3 and np.isclose(history.cost[-1], by_hand.cost(X, Y))


@pytest.mark.parametrize("bad", [lambda: np.arange(11), lambda: np.zeros(12)])
def test_a_shuffle_function_must_return_an_order_of_the_rows(bad):
    X, Y = np.zeros((12, 3)), np.zeros((12, 2))
    with pytest.raises(ValueError, match=r"shuffle\(\) must return a permutation of range\(12\)"):
        sgd(Network([3, 2]), X, Y, 1, 5, 0.5, shuffle=bad)

