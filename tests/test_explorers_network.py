"""NetworkExplorer: readouts equal independent references, extremes behave, the page equals nnlib."""
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import explorer_page as ep
import nnlib.explorers as explorers
from nnlib import ACTIVATIONS, Network, curve, xor
from nnlib.explorers import NetworkExplorer


def sigma(z):
    return 1.0 / (1.0 + np.exp(-z))


def by_hand(values, X, Y):
    """The 2-2-1 sigmoid network written out: a1 = σ(W1 x + b1), a2 = σ(W2 a1 + b2)."""
    W1 = np.array([[values["w1_00"], values["w1_01"]], [values["w1_10"], values["w1_11"]]])
    b1 = np.array([values["b1_0"], values["b1_1"]])
    W2 = np.array([[values["w2_00"], values["w2_01"]]])
    b2 = np.array([values["b2_0"]])
    out = sigma(sigma(X @ W1.T + b1) @ W2.T + b2)
    return out, np.mean(np.sum((out - Y) ** 2, axis=1))


def central_difference(values, name, X, Y, h=1e-6):
    up, down = dict(values), dict(values)
    up[name] += h
    down[name] -= h
    return (by_hand(up, X, Y)[1] - by_hand(down, X, Y)[1]) / (2 * h)


def test_default_is_the_seeded_xor_network_rounded_to_the_slider_step():
    e = NetworkExplorer()
    net = Network([2, 2, 1], seed=0)
    v = e.values()
    # w^(l)_jk lives in nnlib's net.W[l-1][j, k]; every start value is on the 0.1 grid
    assert v["w1_01"] == round(float(net.W[0][0, 1]), 1) and v["w2_01"] == round(float(net.W[1][0, 1]), 1)
    assert v["b1_0"] == 0.0 and v["sample"] == 2 and v["nudge"] in e.by_label
    for name, c in e.controls.items():
        if name.startswith(("w", "b")):
            assert (c.min, c.max, c.step) == (-10.0, 10.0, 0.1)
            assert round(v[name] * 10) == pytest.approx(v[name] * 10, abs=1e-9)
    # labels are the book's symbols: to neuron j of layer l from neuron k of layer l-1
    assert e.controls["w1_01"].description == "w⁽¹⁾₀₁"
    assert e.controls["w2_00"].description == "w⁽²⁾₀₀"
    assert e.controls["b1_1"].description == "b⁽¹⁾₁"
    assert len(e.controls) == 9 + 3


@pytest.mark.parametrize("name, value", [("w1_00", 2.3), ("w1_01", -4.0), ("w1_10", 7.5), ("w1_11", -0.6),
                                         ("b1_0", 1.1), ("b1_1", -3.3), ("w2_00", 5.0), ("w2_01", -9.9),
                                         ("b2_0", 0.4), ("sample", 3), ("nudge", "b⁽¹⁾₁"), ("eps", -0.37)])
def test_each_control_matches_the_network_by_hand(name, value):
    X, Y = xor()
    e = NetworkExplorer()
    before = e.readout()
    e.controls[name].value = value
    r, v = e.readout(), e.values()
    assert r != before
    out, mse = by_hand(v, X, Y)
    i = int(v["sample"])
    np.testing.assert_allclose(r["mse"], mse, rtol=1e-12)
    np.testing.assert_allclose(r["outputs"], out, rtol=1e-12)
    np.testing.assert_allclose([r["yhat"], r["y"]], [out[i, 0], Y[i, 0]], rtol=1e-12)
    # the gradient of the nudged parameter against central differences of the hand-written cost
    name_of = {p[1]: p[0] for p in e.params}
    p = name_of[v["nudge"]]
    np.testing.assert_allclose(r["grad"], central_difference(v, p, X, Y), rtol=1e-6, atol=1e-10)
    nudged = dict(v)
    nudged[p] += v["eps"]
    np.testing.assert_allclose(r["actual"], by_hand(nudged, X, Y)[1] - mse, rtol=1e-9, atol=1e-14)
    np.testing.assert_allclose(r["predicted"], r["grad"] * v["eps"], rtol=1e-15)
    # activations of every layer for the shown sample: the input, then sigma(W a + b)
    a1 = sigma(np.array([[v["w1_00"], v["w1_01"]], [v["w1_10"], v["w1_11"]]]) @ X[i]
               + [v["b1_0"], v["b1_1"]])
    np.testing.assert_allclose(r["activations"][0], X[i])
    np.testing.assert_allclose(r["activations"][1], a1, rtol=1e-12)


def test_gradient_equals_nnlib_backprop_on_the_same_weights():
    X, Y = xor()
    e = NetworkExplorer()
    for label, (name, _, l, j, k) in e.by_label.items():
        e.controls["nudge"].value = label
        net = Network([2, 2, 1], seed=0)
        for n2, _, l2, j2, k2 in e.params:
            (net.b[l2 - 1].__setitem__(j2, e.values()[n2]) if k2 is None
             else net.W[l2 - 1].__setitem__((j2, k2), e.values()[n2]))
        grad_W, grad_b = net.backprop(X, Y)
        expected = grad_b[l - 1][j] if k is None else grad_W[l - 1][j, k]
        assert e.readout()["grad"] == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_nudge_is_first_order_accurate():
    """actual - predicted shrinks like eps^2: halving eps quarters the gap."""
    e = NetworkExplorer()
    e.controls["w2_00"].value, e.controls["nudge"].value = 2.0, "w⁽²⁾₀₀"
    gaps = []
    for eps in (0.16, 0.08, 0.04):
        e.controls["eps"].value = eps
        r = e.readout()
        gaps.append(abs(r["actual"] - r["predicted"]))
    assert 3.0 < gaps[0] / gaps[1] < 5.0 and 3.0 < gaps[1] / gaps[2] < 5.0


def test_first_nudge_is_predicted_well():
    r = NetworkExplorer().readout()
    assert abs(r["actual"] - r["predicted"]) <= 0.1 * abs(r["predicted"]) and r["grad"] != 0


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
@pytest.mark.parametrize("w", [50.0, -50.0])
def test_extreme_weights_are_finite_and_silent(activation, w):
    e = NetworkExplorer(net=Network([2, 2, 1], activation=activation), weight_range=50)
    assert e.controls["w1_00"].max == 50.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for n, name in enumerate(p[0] for p in e.params):
            e.controls[name].value = w if n % 2 == 0 else -w
        e.controls["eps"].value = 0.5
        r = e.readout()
        svg = e.draw(e.values(), r)
    assert e.values()["w1_00"] == w
    assert all(np.isfinite([r["mse"], r["grad"], r["predicted"], r["actual"], r["yhat"]]))
    assert np.isfinite(np.concatenate([np.ravel(a) for a in r["activations"]])).all()
    ET.fromstring(svg)
    ET.fromstring(e._view.value)


def test_sliders_clamp_beyond_their_range():
    """With the default range ±10 a value of 50 set from code is clamped to 10."""
    e = NetworkExplorer()
    e.controls["w1_00"].value = 50.0
    assert e.values()["w1_00"] == 10.0
    # and a starting network with larger weights is clipped to the range, rounded to 0.1
    net = Network([2, 2, 1])
    net.W[0][0, 0], net.W[1][0, 1] = 37.0, -0.123
    e = NetworkExplorer(net=net)
    assert e.values()["w1_00"] == 10.0 and e.values()["w2_01"] == -0.1


def test_reset_restores_the_seeded_state():
    e = NetworkExplorer()
    start = e.readout()
    e.controls["w1_00"].value, e.controls["sample"].value, e.controls["eps"].value = -7.0, 0, 0.3
    e.reset()
    assert e.readout() == start == NetworkExplorer().readout()


def test_readers_own_1_3_1_network_on_the_curve():
    X, Y = curve()
    e = NetworkExplorer(X, Y, net=[1, 3, 1], activation="tanh")
    assert len(e.params) == 10 and e.controls["sample"].max == 19
    e.controls["w1_20"].value, e.controls["b2_0"].value = 3.0, 0.5
    v, r = e.values(), e.readout()
    W1 = np.array([[v["w1_00"]], [v["w1_10"]], [v["w1_20"]]])
    b1 = np.array([v["b1_0"], v["b1_1"], v["b1_2"]])
    W2 = np.array([[v["w2_00"], v["w2_01"], v["w2_02"]]])
    out = np.tanh(np.tanh(X @ W1.T + b1) @ W2.T + v["b2_0"])
    np.testing.assert_allclose(r["mse"], np.mean((out - Y) ** 2), rtol=1e-12)
    np.testing.assert_allclose(r["outputs"], out, rtol=1e-12)
    ET.fromstring(e._view.value)                            # the outputs are drawn as a plot
    assert "<polyline" in e._view.value


def test_multiple_outputs_get_one_readout_each():
    X, Y = xor()
    Y2 = np.hstack([Y, 1 - Y])
    e = NetworkExplorer(X, Y2)
    r = e.readout()
    assert {"yhat_0", "yhat_1", "y_0", "y_1"} <= set(r) and set(e.readout_labels()) <= set(r)
    assert r["y_1"] == 1 - r["y_0"]
    ET.fromstring(e._view.value)


def test_bad_input_gets_a_clear_error():
    X, Y = xor()
    with pytest.raises(ValueError, match="at most 40 weights and biases"):
        NetworkExplorer(net=[2, 6, 4, 1])
    with pytest.raises(ValueError, match="X must have 2 features"):
        NetworkExplorer(np.zeros((4, 3)), Y, net=[2, 2, 1])
    with pytest.raises(ValueError, match="pass both X and Y"):
        NetworkExplorer(X)
    with pytest.raises(ValueError, match="weight_range must be a number"):
        NetworkExplorer(weight_range=0)


def test_static_html_contract():
    e = NetworkExplorer()
    script = Path(explorers.__file__).parent / "static" / e.script
    assert e.script == "network.js" and script.exists() and script.read_text() in e.static_html()
    html = e.static_html()
    assert 'data-explorer="network"' in html and "nnx.kinds.network" in html
    assert "nnx.backprop" in html and "nnx.networkDiagram" in html
    for name in e.controls:
        assert html.count(f'data-control="{name}"') == 1
    for key in e.readout_labels():
        assert f'data-readout="{key}"' in html
    assert len(html.encode()) < 1_000_000
    assert len(NetworkExplorer(*curve(n=500), net=[1, 4, 4, 1]).static_html().encode()) < 1_000_000
    bundle = e._repr_mimebundle_()
    assert bundle["text/html"] == html and "application/vnd.jupyter.widget-view+json" in bundle


# ---- the page, in a real browser --------------------------------------------------------
def test_page_equals_python_at_every_control_end(browser, tmp_path):
    e = NetworkExplorer()
    page, errors = ep.open_page(browser, e, tmp_path / "network.html")
    assert ep.check_all_controls(page, e) == 3 * len(e.controls)
    ET.fromstring(page.evaluate(ep.STATE_JS)["svg"])
    page.screenshot(path=tmp_path / "network.png", full_page=True)
    assert not errors, errors


def test_page_equals_python_for_a_readers_network(browser, tmp_path):
    X, Y = curve()
    e = NetworkExplorer(X, Y, net=Network([1, 3, 1], activation="relu", output_activation="sigmoid", seed=3))
    page, errors = ep.open_page(browser, e, tmp_path / "network131.html")
    # every weight ends at +10 one after the other, so the sigmoid output saturates on the way
    assert ep.check_all_controls(page, e, require_change=False) == 3 * len(e.controls)
    assert not errors, errors


_RANDOM_JS = """([cases]) => cases.map(c => nnx.backprop(c.W, c.b, c.acts, c.X, c.Y))"""


def test_js_backprop_equals_nnlib_over_many_random_networks(browser, tmp_path):
    """core.js's nnx.backprop against nnlib's Network.backprop: 300 random small networks."""
    rng = np.random.default_rng(0)
    names = list(ACTIVATIONS)
    cases, expected = [], []
    for _ in range(300):
        sizes = [int(s) for s in rng.integers(1, 5, size=rng.integers(2, 5))]
        net = Network(sizes, activation=names[rng.integers(6)], output_activation=names[rng.integers(6)],
                      seed=int(rng.integers(1000)))
        for P in net.W + net.b:
            P[...] = rng.normal(0, 3, P.shape)
        n = int(rng.integers(1, 8))
        X, Y = rng.normal(size=(n, sizes[0])), rng.uniform(-1, 1, size=(n, sizes[-1]))
        acts = [net.activation] * (net.L - 1) + [net.output_activation]
        cases.append({"W": [W.tolist() for W in net.W], "b": [b.tolist() for b in net.b],
                      "acts": acts, "X": X.tolist(), "Y": Y.tolist()})
        expected.append(net.backprop(X, Y))
    page, errors = ep.open_page(browser, NetworkExplorer(), tmp_path / "bp.html")
    results = page.evaluate(_RANDOM_JS, [cases])
    for got, (grad_W, grad_b) in zip(results, expected):
        for gw, W in zip(got["gW"], grad_W):
            np.testing.assert_allclose(gw, W, rtol=1e-9, atol=1e-12)
        for gb, b in zip(got["gb"], grad_b):
            np.testing.assert_allclose(gb, b, rtol=1e-9, atol=1e-12)
    assert not errors, errors
