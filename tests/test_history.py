"""What sgd's history records: exact full-set values, or the running mean of batch costs.

The running values are rebuilt by hand: a reference network takes the same
steps (its own backprop, the same shuffles), and before each step the
batch's outputs are scored; the epoch's value is the mean over its rows.
"""
import re
import warnings

import numpy as np
import pytest

from nnlib import DivergenceWarning, Network, load_digits, sgd
from nnlib.costs import get_cost
from nnlib.network import labels_from


@pytest.fixture(scope="module")
def data():
    d = load_digits()
    return d.X_train[:150], d.Y_train[:150], d.X_test[:60], d.Y_test[:60]


def by_hand(X, Y, epochs, m, eta, cost, seed):
    """Running cost and accuracy per epoch, from a reference network stepped by hand."""
    ref, rng, C = Network([64, 12, 10], seed=3), np.random.default_rng(seed), get_cost(cost)
    costs, accuracies = [], []
    for _ in range(epochs):
        order = rng.permutation(len(X))            # sgd's own shuffle
        seen = []
        for start in range(0, len(X), m):
            rows = order[start:start + m]
            seen.append(ref.forward(X[rows]))      # the outputs before this batch's step
            grad_W, grad_b = ref.backprop(X[rows], Y[rows], cost)
            for l in range(ref.L):
                ref.W[l] -= eta * grad_W[l]
                ref.b[l] -= eta * grad_b[l]
        A, T = np.vstack(seen), Y[order]
        # mse: (1/n) sum over the epoch's rows; sse: the plain sum, as for the full set
        costs.append(np.sum((A - T) ** 2) / (len(X) if C.name == "mse" else 1))
        accuracies.append(np.mean(labels_from(A) == labels_from(T)))
    return costs, accuracies, ref


@pytest.mark.parametrize("cost, m", [("mse", 16), ("sse", 7), ("mse", 150)])
def test_running_history_is_the_mean_of_the_batch_costs(data, cost, m):
    X, Y, _, _ = data
    net = Network([64, 12, 10], seed=3)
    history = sgd(net, X, Y, 3, m, 0.5, cost=cost, seed=4, record="running")
    costs, accuracies, ref = by_hand(X, Y, 3, m, 0.5, cost, seed=4)
    assert history.record == "running"
    np.testing.assert_allclose(history.cost, costs, rtol=1e-12)
    np.testing.assert_allclose(history.accuracy, accuracies, rtol=0, atol=1e-15)
    for ours, theirs in zip(net.W + net.b, ref.W + ref.b):   # the same training steps
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


def test_exact_history_is_the_full_set_after_each_epoch(data):
    X, Y, X_val, Y_val = data
    after = []
    history = sgd(Network([64, 12, 10], seed=3), X, Y, 3, 10, 3.0, seed=1,
                  X_val=X_val, Y_val=Y_val,
                  callback=lambda e, net, h: after.append(
                      (net.cost(X, Y), net.accuracy(X, Y), net.cost(X_val, Y_val))))
    assert history.record == "exact"
    assert history.cost == [c for c, _, _ in after]
    assert history.accuracy == [a for _, a, _ in after]
    assert history.val_cost == [v for _, _, v in after]


def test_record_changes_what_is_recorded_not_the_training(data):
    X, Y, X_val, Y_val = data
    nets = [Network([64, 12, 10], seed=3) for _ in range(2)]
    exact, running = (sgd(net, X, Y, 4, 10, 3.0, seed=2, X_val=X_val, Y_val=Y_val,
                          record=record) for net, record in zip(nets, ["exact", "running"]))
    for a, b in zip(nets[0].W + nets[0].b, nets[1].W + nets[1].b):
        np.testing.assert_array_equal(a, b)
    assert running.val_cost == exact.val_cost            # validation data: always exact
    assert running.cost != exact.cost
    # the running value mixes the epoch's weights: it trails the exact one while learning
    assert all(r > e for r, e in zip(running.cost, exact.cost))


def test_divergence_is_caught_with_a_running_history():
    X = np.linspace(0, 10, 20).reshape(-1, 1)
    with pytest.warns(DivergenceWarning):
        history = sgd(Network([1, 1], activation="identity"), X, 3 * X, 500, 20, 5.0,
                      record="running")
    assert history.diverged is not None and np.isfinite(history.cost).all()


@pytest.mark.parametrize("record, error", [("fast", ValueError), ("", ValueError),
                                           (None, ValueError), (1, ValueError)])
def test_record_is_checked(record, error):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(error, match=re.escape("record") + ".*'exact', 'running'"):
            sgd(Network([2, 1]), np.zeros((4, 2)), np.zeros((4, 1)), 1, 2, 1.0, record=record)
