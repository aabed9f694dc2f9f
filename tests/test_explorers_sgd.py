"""SGDExplorer: every looked-up number equals a fresh nnlib.sgd run made here.

The reference runs build their own Network, draw their own 400-row subset of
the digits and call nnlib.sgd directly; they share only the seeds with the
explorer.  Updates per epoch are ceil(n / m), counted by hand.
"""
import json
import math
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import explorer_page as ep
import nnlib
from nnlib.explorers import SGDExplorer

STATIC = Path(__file__).resolve().parent.parent / "nnlib" / "explorers" / "static"


@pytest.fixture(scope="module")
def explorer():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return SGDExplorer()


@pytest.fixture(scope="module")
def digits():
    d = nnlib.load_digits()
    rows = np.sort(np.random.default_rng(0).choice(len(d.X_train), 400, replace=False))
    return d.X_train[rows], d.Y_train[rows], d.X_test, d.Y_test


def reference(digits, m, eta, epochs=10):
    """Train [64, 30, 10] (seed 0) with nnlib.sgd; curves with epoch 0 in front."""
    X, Y, X_test, Y_test = digits
    net = nnlib.Network([64, 30, 10], seed=0)
    mse0, acc0 = net.cost(X, Y), net.accuracy(X_test, Y_test)
    history = nnlib.sgd(net, X, Y, epochs=epochs, batch_size=m, eta=eta, seed=0,
                        X_val=X_test, Y_val=Y_test)
    return [mse0] + history.cost, [acc0] + history.val_accuracy, history


def test_default_is_batch_10_and_eta_3(explorer):
    r = explorer.readout()
    assert (r["batch_size"], r["eta"]) == (10, 3.0)
    assert explorer.batch_sizes == [1, 2, 5, 10, 32, 100, 400]
    assert explorer.etas == [0.03, 0.1, 0.3, 1.0, 3.0, 10.0]


@pytest.mark.parametrize("m, eta", [(10, 3.0), (1, 0.3), (400, 1.0), (32, 10.0)])
def test_readout_equals_a_fresh_nnlib_sgd_run(explorer, digits, m, eta):
    explorer.controls["batch_size"].value = m
    explorer.controls["eta"].value = eta
    r = explorer.readout()
    mse, acc, history = reference(digits, m, eta)
    assert history.diverged is None and r["diverged"] is False
    assert r["mse"] == pytest.approx(mse[-1], rel=1e-12)
    assert r["accuracy"] == pytest.approx(acc[-1], rel=1e-12)
    assert (r["batch_size"], r["eta"]) == (m, eta)
    assert r["updates"] == math.ceil(400 / m)
    assert r["total_updates"] == 10 * math.ceil(400 / m)
    run = explorer.runs[explorer.batch_sizes.index(m)][explorer.etas.index(eta)]
    np.testing.assert_allclose(run["mse"], mse, rtol=1e-12)
    np.testing.assert_allclose(run["accuracy"], acc, rtol=1e-12)


def test_small_batches_make_more_updates_and_learn_faster_per_epoch(explorer):
    # at eta = 1, ten epochs of batch 5 beat ten epochs of full-batch descent
    j = explorer.etas.index(1.0)
    small, full = explorer.runs[2][j], explorer.runs[-1][j]
    assert small["total_updates"] == 800 and full["total_updates"] == 10
    assert small["final_mse"] < 0.5 * full["final_mse"]
    assert small["final_accuracy"] > full["final_accuracy"] + 0.3


def test_floats_from_the_page_select_the_same_run(explorer):
    as_ints = explorer.compute({"batch_size": 32, "eta": 0.3})
    assert explorer.compute({"batch_size": 32.0, "eta": 0.30000000000000004}) == as_ints


def test_divergence_is_reported_explicitly_and_silently():
    d = nnlib.load_digits()
    X, Y = d.X_train[:60], d.Y_train[:60]
    with warnings.catch_warnings():
        warnings.simplefilter("error")                # no DivergenceWarning, no RuntimeWarning
        e = SGDExplorer(X, Y, d.X_test[:50], d.Y_test[:50], sizes=(64, 8, 10), epochs=3,
                        batch_sizes=(5, 60), etas=(0.01, 50.0), batch_size=5, eta=50.0,
                        activation="identity")
        r = e.readout()
        svg = e._view.value
    # the same run by hand: nnlib.sgd reports where it stopped
    net = nnlib.Network([64, 8, 10], activation="identity", seed=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = nnlib.sgd(net, X, Y, 3, 5, 50.0, seed=0)
    assert any(issubclass(w.category, nnlib.DivergenceWarning) for w in caught)
    assert r["diverged"] is True and history.diverged is not None
    run = e.runs[0][1]
    assert run["diverged"] == history.diverged
    assert r["total_updates"] == (history.diverged["epoch"] - 1) * 12 + history.diverged["step"]
    assert math.isfinite(r["mse"]) and math.isfinite(r["accuracy"])
    # the numbers shown are those after the last completed epoch (or before training)
    mse0 = nnlib.Network([64, 8, 10], activation="identity", seed=0).cost(X, Y)
    assert r["mse"] == pytest.approx((history.cost or [mse0])[-1], rel=1e-12)
    assert "diverged at epoch" in svg
    ET.fromstring(svg)


def test_extremes_are_finite_and_silent(explorer):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for m in (1, 400):
            for eta in (0.03, 10.0):
                explorer.controls["batch_size"].value = m
                explorer.controls["eta"].value = eta
                r = explorer.readout()
                assert all(math.isfinite(r[k]) for k in ("mse", "accuracy"))
                ET.fromstring(explorer._view.value)


def test_reset_restores_the_initial_readout(explorer):
    explorer.reset()
    start = explorer.readout()
    explorer.controls["batch_size"].value, explorer.controls["eta"].value = 1, 0.03
    assert explorer.readout() != start
    explorer.reset()
    assert explorer.readout() == start


def test_every_combination_draws_well_formed_svg(explorer):
    for m in explorer.batch_sizes:
        for eta in explorer.etas:
            values = {"batch_size": m, "eta": eta}
            assert ET.fromstring(explorer.draw(values, explorer.compute(values))).tag.endswith("svg")


def test_readers_own_data_and_bad_input():
    d = nnlib.load_digits()
    X, Y = d.X_train[:50], d.Y_train[:50]
    e = SGDExplorer(X, Y, sizes=(64, 5, 10), epochs=2, batch_sizes=(10, 50), etas=(0.5, 2.0),
                    n_train=None, batch_size=50, eta=2.0)
    net = nnlib.Network([64, 5, 10], seed=0)
    history = nnlib.sgd(net, X, Y, 2, 50, 2.0, seed=0, X_val=X, Y_val=Y)
    r = e.readout()
    assert r["mse"] == pytest.approx(history.cost[-1], rel=1e-12)
    assert r["accuracy"] == pytest.approx(history.val_accuracy[-1], rel=1e-12)   # no test set: X
    with pytest.raises(ValueError, match="X must have 64 features"):
        SGDExplorer(X[:, :10], Y)
    with pytest.raises(ValueError, match="epochs"):
        SGDExplorer(X, Y, epochs=0)
    with pytest.raises(ValueError, match="etas"):
        SGDExplorer(X, Y, etas=(0.1, -1.0))


def test_static_html_contract(explorer):
    html = explorer.static_html()
    assert (STATIC / "sgd.js").exists()
    assert 'data-explorer="sgd"' in html
    for name in explorer.controls:
        assert html.count(f'data-control="{name}"') == 1
    for key in ("mse", "accuracy", "batch_size", "eta", "updates", "diverged"):
        assert f'data-readout="{key}"' in html
    assert "nnx.kinds.sgd" in html and len(html.encode()) <= 1_000_000
    data = json.loads(html.split('class="nnx-data">')[1].split("</script>")[0].replace("<\\/", "</"))
    assert len(data["runs"]) == 7 and all(len(row) == 6 for row in data["runs"])


# ---- the page, in a real browser ------------------------------------------------------------
def json_values(state):
    """The DOM's control values as JSON (batch sizes stay integers)."""
    return {k: json.loads(v) for k, v in state["values"].items()}


def test_page_equals_python_at_every_control_end(browser, tmp_path, explorer):
    explorer.reset()
    page, errors = ep.open_page(browser, explorer, tmp_path / "sgd.html")
    start = page.evaluate(ep.STATE_JS)
    assert set(start["readouts"]) == set(explorer.readout_labels())
    checked = 0
    for name, (lo, hi, step) in start["ranges"].items():
        for position in ep.three_positions(lo, hi, step):
            ep.check_move(page, explorer, name, position, json_values)
            checked += 1
    page.click(".nnx-reset")
    assert page.evaluate(ep.STATE_JS)["readouts"] == start["readouts"]
    assert checked == 6 and not errors, errors
    page.close()


def test_page_shows_every_combination_like_python(browser, tmp_path, explorer):
    page, errors = ep.open_page(browser, explorer, tmp_path / "sgd_all.html")
    for i in range(len(explorer.batch_sizes)):
        for j in range(len(explorer.etas)):
            page.evaluate(ep.MOVE_JS, ["batch_size", i])
            page.evaluate(ep.MOVE_JS, ["eta", j])
            state = page.evaluate(ep.STATE_JS)
            python = explorer.compute(json_values(state))
            assert (python["batch_size"], python["eta"]) == (explorer.batch_sizes[i], explorer.etas[j])
            for key, text in state["readouts"].items():
                assert ep.dom_matches(text, python[key]), f"m={python['batch_size']}: {key}"
    assert not errors, errors
    page.close()
