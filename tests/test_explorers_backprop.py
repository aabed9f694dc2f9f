"""BackpropExplorer: every step's numbers against references written out by hand."""
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import explorer_page as ep
import nnlib.explorers as explorers
from nnlib import Network, xor
from nnlib.explorers import BackpropExplorer

# every equation label the explorer may show (CONVENTIONS.md's global list)
LABELS = {"z-def", "a-def", "mse", "bp-delta-L", "bp-delta", "bp-w", "bp-b"}


def sigma(z):
    return 1.0 / (1.0 + np.exp(-z))


def by_hand(net, x, y):
    """The 2-2-1 sigmoid network, forward and backward, one sample, written out."""
    W1, b1, W2, b2 = net.W[0], net.b[0], net.W[1], net.b[1]
    z1 = W1 @ x + b1
    a1 = sigma(z1)
    z2 = W2 @ a1 + b2
    a2 = sigma(z2)
    C = np.sum((a2 - y) ** 2)
    d2 = 2 * (a2 - y) * a2 * (1 - a2)            # sigma'(z) = sigma(z) (1 - sigma(z))
    d1 = (W2.T @ d2) * a1 * (1 - a1)
    return dict(z1=z1, a1=a1, z2=z2, a2=a2, C=C, d2=d2, d1=d1,
                gW2=np.outer(d2, a1), gb2=d2, gW1=np.outer(d1, x), gb1=d1)


def numeric_gradient(net, x, y, h=1e-6):
    """Central differences of the one-sample cost, for every weight and bias."""
    grads = []
    for P in net.W + net.b:
        G = np.zeros_like(P)
        for idx in np.ndindex(P.shape):
            old = P[idx]
            P[idx] = old + h
            up = net.cost(x[None], y[None])
            P[idx] = old - h
            down = net.cost(x[None], y[None])
            P[idx] = old
            G[idx] = (up - down) / (2 * h)
        grads.append(G)
    return grads[:net.L], grads[net.L:]


def test_the_steps_follow_the_chapter():
    e = BackpropExplorer()
    assert [s[0] for s in e.steps] == ["z-def", "a-def", "z-def", "a-def", "mse", "bp-delta-L",
                                       "bp-w", "bp-b", "bp-delta", "bp-w", "bp-b"]
    assert [s[1] for s in e.steps] == [1, 1, 2, 2, 2, 2, 2, 2, 2, 1, 1]
    assert e.controls["step"].max == 10 and e.values()["sample"] == 3
    assert [s[0] for s in BackpropExplorer(net=[2, 3, 2, 1]).steps].count("bp-delta") == 2


@pytest.mark.parametrize("sample", range(4))
def test_every_step_equals_the_network_by_hand(sample):
    X, Y = xor()
    net = Network([2, 2, 1], seed=0)
    ref = by_hand(net, X[sample], Y[sample])
    expected = {"z-def": {1: ref["z1"], 2: ref["z2"]}, "a-def": {1: ref["a1"], 2: ref["a2"]},
                "mse": {2: [ref["C"]]}, "bp-delta-L": {2: ref["d2"]},
                "bp-w": {2: ref["gW2"], 1: ref["gW1"]}, "bp-b": {2: ref["gb2"], 1: ref["gb1"]},
                "bp-delta": {2: ref["d1"]}}
    e = BackpropExplorer()
    e.controls["sample"].value = sample
    for s, (label, l) in enumerate(e.steps):
        e.controls["step"].value = s
        r = e.readout()
        assert r["step"] == label in LABELS
        np.testing.assert_allclose(r["values"], np.ravel(expected[label][l]), rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(r["mse"], ref["C"], rtol=1e-12)


@pytest.mark.parametrize("sample", range(4))
def test_final_gradients_equal_nnlib_backprop_exactly(sample):
    X, Y = xor()
    net = Network([2, 2, 1], seed=0)
    grad_W, grad_b = net.backprop(X[sample:sample + 1], Y[sample:sample + 1])
    e = BackpropExplorer()
    r = e.compute({"step": len(e.steps) - 1, "sample": sample})
    for l in range(net.L):
        np.testing.assert_array_equal(r["grad_W"][l], grad_W[l])
        np.testing.assert_array_equal(r["grad_b"][l], grad_b[l])
    # ... and both equal central differences of the cost (an independent check)
    num_W, num_b = numeric_gradient(net, X[sample], Y[sample])
    for l in range(net.L):
        np.testing.assert_allclose(r["grad_W"][l], num_W[l], rtol=1e-6, atol=1e-10)
        np.testing.assert_allclose(r["grad_b"][l], num_b[l], rtol=1e-6, atol=1e-10)


def test_hand_worked_example_identity_1_1_1():
    """A chain of identity neurons: every number can be checked in one's head.

    w1 = 2, b1 = 1, w2 = 3, b2 = -1, x = 1, y = 2:
    z1 = 2*1 + 1 = 3, a1 = 3; z2 = 3*3 - 1 = 8, a2 = 8; C = (8 - 2)^2 = 36;
    delta2 = 2 (8 - 2) * 1 = 12; dC/dw2 = a1 delta2 = 36; dC/db2 = 12;
    delta1 = w2 delta2 * 1 = 36; dC/dw1 = x delta1 = 36; dC/db1 = 36.
    """
    net = Network([1, 1, 1], activation="identity")
    net.W[0][0, 0], net.b[0][0], net.W[1][0, 0], net.b[1][0] = 2.0, 1.0, 3.0, -1.0
    e = BackpropExplorer(np.array([[1.0]]), np.array([[2.0]]), net=net, sample=0)
    got = [e.compute({"step": s, "sample": 0})["values"] for s in range(len(e.steps))]
    assert got == [[3.0], [3.0], [8.0], [8.0], [36.0], [12.0], [36.0], [12.0], [36.0], [36.0], [36.0]]
    last = e.compute({"step": 10, "sample": 0})
    assert last["lines"] == ["∂C/∂b⁽¹⁾₀ = δ⁽¹⁾₀ = 36.000"]
    first = e.compute({"step": 0, "sample": 0})
    assert first["lines"] == ["z⁽¹⁾₀ = 2.000·1.000 + 1.000 = 3.000"]
    assert first["equation"] == "z⁽¹⁾ = W⁽¹⁾ a⁽⁰⁾ + b⁽¹⁾"
    delta = e.compute({"step": 8, "sample": 0})
    assert delta["equation"] == "δ⁽¹⁾ = (W⁽²⁾)ᵀ δ⁽²⁾ ⊙ σ′(z⁽¹⁾)"
    assert "(3.000·12.000)" in delta["lines"][0] and "σ (here identity)" in e.compute(
        {"step": 1, "sample": 0})["equation"]


def test_finished_steps_keep_their_values_and_later_ones_are_hidden():
    e = BackpropExplorer()
    order = ["zs", "activations", "zs", "activations", "cost", "deltas", "grad_W", "grad_b",
             "deltas", "grad_W", "grad_b"]
    final = e.compute({"step": 10, "sample": 3})
    for s in range(11):
        r = e.compute({"step": s, "sample": 3})
        assert r["activations"][0] == [1.0, 1.0]                    # the input is known from the start
        known = sum(v is not None for k in ("zs", "activations", "deltas", "grad_W", "grad_b")
                    for v in r[k]) + (r["cost"] is not None)
        assert known == s + 2                                       # each step reveals one quantity
        for key in set(order[:s + 1]):
            for got, want in zip(r[key] if key != "cost" else [r[key]],
                                 final[key] if key != "cost" else [final[key]]):
                assert got is None or got == want
    assert e.compute({"step": 4, "sample": 3})["deltas"] == [None, None]


def test_highlights_name_the_neurons_and_edges_a_step_touches():
    e = BackpropExplorer()
    z2 = e.compute({"step": 2, "sample": 0})                        # z^(2) = W^(2) a^(1) + b^(2)
    assert z2["nodes_on"] == [[2, 0]] and z2["edges_on"] == [[2, 0, 0], [2, 0, 1]]
    bp_w1 = e.compute({"step": 9, "sample": 0})                     # dC/dW^(1): edges into layer 1
    assert bp_w1["nodes_on"] == [] and len(bp_w1["edges_on"]) == 4
    bp_delta = e.compute({"step": 8, "sample": 0})                  # delta^(1) from delta^(2)
    assert bp_delta["nodes_on"] == [[1, 0], [1, 1]]


def test_extreme_weights_are_finite_and_silent():
    net = Network([2, 3, 1], activation="tanh", output_activation="sigmoid")
    for P in net.W + net.b:
        P[...] = 50.0 * np.sign(np.arange(P.size).reshape(P.shape) % 2 - 0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = BackpropExplorer(net=net)
        for sample in range(4):
            for s in range(len(e.steps)):
                e.controls["sample"].value, e.controls["step"].value = sample, s
                r = e.readout()
                assert np.isfinite(r["values"]).all() and np.isfinite(r["mse"])
                ET.fromstring(e._view.value)


def test_reset_restores_the_first_step():
    e = BackpropExplorer()
    start = e.readout()
    e.controls["step"].value, e.controls["sample"].value = 7, 1
    e.reset()
    assert e.readout() == start == BackpropExplorer().readout()
    assert start["step"] == "z-def"


def test_bad_input_gets_a_clear_error():
    with pytest.raises(ValueError, match="at most 5 neurons per layer"):
        BackpropExplorer(net=[2, 8, 1])
    with pytest.raises(ValueError, match="sample must be a row index of X between 0 and 3"):
        BackpropExplorer(sample=4)
    with pytest.raises(ValueError, match="pass both X and Y"):
        BackpropExplorer(X=np.zeros((2, 2)))
    with pytest.raises(ValueError, match="at most 16 rows"):
        BackpropExplorer(np.zeros((17, 2)), np.zeros((17, 1)))


def test_every_picture_is_well_formed_svg():
    e = BackpropExplorer()
    for sample in range(4):
        for s in range(len(e.steps)):
            values = {"step": s, "sample": sample}
            ET.fromstring(e.draw(values, e.compute(values)))


def test_static_html_contract():
    e = BackpropExplorer()
    script = Path(explorers.__file__).parent / "static" / e.script
    assert e.script == "backprop.js" and script.exists() and script.read_text() in e.static_html()
    html = e.static_html()
    assert 'data-explorer="backprop"' in html and "nnx.kinds.backprop" in html
    for name in e.controls:
        assert html.count(f'data-control="{name}"') == 1
    for key in ("step", "result", "mse"):
        assert f'data-readout="{key}"' in html
    assert len(html.encode()) < 200_000
    X = np.random.default_rng(0).uniform(size=(16, 5))
    big = BackpropExplorer(X, X[:, :5], net=[5, 5, 5, 5])          # the largest allowed
    assert len(big.static_html().encode()) < 1_000_000


# ---- the page, in a real browser --------------------------------------------------------
def test_page_equals_python_everywhere(browser, tmp_path):
    e = BackpropExplorer()
    page, errors = ep.open_page(browser, e, tmp_path / "backprop.html")
    assert ep.check_all_controls(page, e) == 6
    for sample in range(4):                                     # and every step of every sample
        page.evaluate(ep.MOVE_JS, ["sample", sample])
        for s in range(len(e.steps)):
            page.evaluate(ep.MOVE_JS, ["step", s])
            state = page.evaluate(ep.STATE_JS)
            python = e.compute(ep.values_of(state))
            assert state["readouts"]["result"] == python["result"]
            assert float(state["readouts"]["mse"]) == pytest.approx(python["mse"], rel=1e-9)
            ET.fromstring(state["svg"])
    assert not errors, errors
