"""train_runs (the SGD explorer's side-by-side trainer) equals separate nnlib.sgd runs exactly.

train_run is one real nnlib.sgd run per learning rate; train_runs trains all
the learning rates in one set of stacked numpy calls.  Their results must be
identical, number for number and bit for bit, including runs that diverge.
"""
import os
import warnings

import numpy as np
import pytest

import nnlib
import nnlib.explorers.sgd as sgd_explorer
from nnlib.explorers.sgd import train_run, train_runs


@pytest.fixture(scope="module")
def digits():
    d = nnlib.load_digits()
    return d.X_train[:120], d.Y_train[:120], d.X_test[:80], d.Y_test[:80]


def separate(digits, sizes, epochs, m, etas, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", nnlib.DivergenceWarning)
        return [train_run(sizes, *digits, epochs, m, eta, **kwargs) for eta in etas]


@pytest.mark.parametrize("m", [1, 7, 32, 120])
def test_side_by_side_equals_separate_sgd_runs_bit_for_bit(digits, m):
    etas = [0.1, 1.0, 3.0]
    together = train_runs([64, 12, 10], *digits, 3, m, etas, seed=2)
    assert together == separate(digits, [64, 12, 10], 3, m, etas, seed=2)
    assert list(together[0]) == list(separate(digits, [64, 12, 10], 1, m, [0.1])[0])  # key order


def test_a_diverging_run_stops_where_sgd_stops_and_the_others_go_on(digits):
    etas = [0.01, 50.0, 0.003]                # identity activations blow up at eta = 50
    together = train_runs([64, 8, 10], *digits, 3, 5, etas, activation="identity")
    apart = separate(digits, [64, 8, 10], 3, 5, etas, activation="identity")
    assert together == apart
    assert together[1]["diverged"] is not None and together[1]["total_updates"] < 3 * 24
    assert together[0]["diverged"] is None and len(together[2]["mse"]) == 4
    assert all(np.isfinite(run["mse"]).all() for run in together)


def test_side_by_side_training_is_silent(digits):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        train_runs([64, 8, 10], *digits, 2, 10, [0.1, 80.0], activation="identity")



def pid_and_runs(*args):
    """train_runs, and the id of the process that ran it (module level: workers unpickle it)."""
    return os.getpid(), train_runs(*args)


def test_the_grid_of_batch_sizes_trains_in_workers_and_equals_the_loop(digits, monkeypatch):
    sizes, etas, batch_sizes = [64, 12, 10], [0.1, 3.0], [1, 7, 32, 120]
    loop = [train_runs(sizes, *digits, 2, m, etas, seed=1) for m in batch_sizes]
    monkeypatch.setattr(sgd_explorer, "_cpus", lambda: 2)            # two workers, even on one CPU
    monkeypatch.setattr(sgd_explorer, "train_runs", pid_and_runs)
    grid = sgd_explorer.train_grid(sizes, *digits, 2, batch_sizes, etas, seed=1)
    assert os.getpid() not in {pid for pid, _ in grid}               # trained in worker processes
    assert [runs for _, runs in grid] == loop                        # the same numbers, in order
    monkeypatch.setattr(sgd_explorer, "_cpus", lambda: 1)            # one CPU: the plain loop
    assert {pid for pid, _ in sgd_explorer.train_grid(sizes, *digits, 2, batch_sizes, etas,
                                                      seed=1)} == {os.getpid()}
