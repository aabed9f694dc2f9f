"""NeuronExplorer: readouts equal nnlib's numbers, extremes behave, reset works."""
import warnings
import xml.etree.ElementTree as ET

import ipywidgets as widgets
import numpy as np
import pytest

import explorer_page as ep
from nnlib import ACTIVATIONS, curve
from nnlib.explorers import NeuronExplorer


def reference(w, b, activation, x):
    """The neuron by hand: a = g(w x + b), and the MSE over the curve data."""
    X, Y = curve()
    g = ACTIVATIONS[activation].g
    mse = np.mean((g(w * X[:, 0] + b) - Y[:, 0]) ** 2)     # one output: (1/n) sum (a - y)^2
    return mse, w * x + b, g(w * x + b)


@pytest.mark.parametrize("name, value", [("w", 3.7), ("b", -1.2), ("activation", "tanh"), ("x", 0.2)])
def test_each_control_updates_the_readout(name, value):
    e = NeuronExplorer()
    before = e.readout()
    e.controls[name].value = value
    v = e.values()
    mse, z, a = reference(v["w"], v["b"], v["activation"], v["x"])
    r = e.readout()
    assert r != before
    np.testing.assert_allclose([r["mse"], r["z"], r["a"]], [mse, z, a], rtol=1e-12, atol=1e-15)
    assert r["activations"] == [r["a"]]


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
@pytest.mark.parametrize("w, b", [(50, 50), (-50, -50), (50, -50), (-50, 50)])
def test_extreme_values_are_finite_and_silent(activation, w, b):
    e = NeuronExplorer(weight_range=50, step=0.25)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e.controls["activation"].value = activation
        e.controls["w"].value, e.controls["b"].value = w, b
        r = e.readout()
    assert e.values()["w"] == w and e.values()["b"] == b
    assert all(np.isfinite([r["mse"], r["z"], r["a"]]))
    ET.fromstring(e._view.value)                          # the picture is whole, well-formed SVG


def test_reset_restores_the_seeded_state():
    e = NeuronExplorer()
    start = e.readout()
    e.controls["w"].value, e.controls["activation"].value = -20.0, "relu"
    e.reset()
    assert e.readout() == start == NeuronExplorer().readout()


def test_readers_own_data():
    X, Y = np.array([[0.0], [1.0], [2.0]]), np.array([[0.0], [0.5], [1.0]])
    e = NeuronExplorer(X, Y, w=1.0, b=-1.0)
    mse = np.mean((1 / (1 + np.exp(-(X[:, 0] - 1.0))) - Y[:, 0]) ** 2)
    assert e.readout()["mse"] == pytest.approx(mse, rel=1e-12)
    with pytest.raises(ValueError, match="X must have 1 features"):
        NeuronExplorer(np.zeros((3, 2)), Y)


def test_static_html_contract():
    e = NeuronExplorer()
    html = e.static_html()
    assert 'data-explorer="neuron"' in html
    for name in e.controls:
        assert f'data-control="{name}"' in html
    for key in ("mse", "z", "a"):
        assert f'data-readout="{key}"' in html
    assert "nnx.kinds.neuron" in html and len(html.encode()) < 1_000_000
    bundle = e._repr_mimebundle_()
    assert bundle["text/html"] == html and "application/vnd.jupyter.widget-view+json" in bundle


def test_default_range_is_fine_and_the_coarse_one_is_a_parameter():
    """±10 in steps of 0.05 by default (the ±50 of old gave 0.5 per pixel); any range on request."""
    e = NeuronExplorer()
    for name in ("w", "b"):
        c = e.controls[name]
        assert (c.min, c.max, c.step) == (-10.0, 10.0, 0.05)
        assert c.readout_format == ".2f"                       # shows every step exactly
    assert e.values()["w"] == 0.1                            # the seeded weight, rounded
    coarse = NeuronExplorer(weight_range=50, step=0.25)
    assert (coarse.controls["w"].min, coarse.controls["w"].max, coarse.controls["w"].step) == (-50, 50, 0.25)
    assert NeuronExplorer(w=1.23, b=-0.02).values()["w"] == 1.25    # snapped to the 0.05 grid
    assert isinstance(e.controls["activation"], widgets.Dropdown)     # a menu, not a slider


@pytest.mark.parametrize("k", [-200, -1, 1, 3, 7, 199])
def test_fine_steps_give_exact_readouts(k):
    """w = 0.05 k: the readout is the neuron at exactly the value the slider shows."""
    e = NeuronExplorer()
    e.controls["w"].value = 0.05 * k
    v, r = e.values(), e.readout()
    assert f"{v['w']:.2f}" == f"{0.05 * k:.2f}"
    mse, z, a = reference(v["w"], v["b"], v["activation"], v["x"])
    np.testing.assert_allclose([r["mse"], r["z"], r["a"]], [mse, z, a], rtol=1e-12, atol=1e-15)


def test_bad_range_or_start_gets_a_clear_error():
    with pytest.raises(ValueError, match="w must be a number from -10 to 10"):
        NeuronExplorer(w=20)
    with pytest.raises(ValueError, match="weight_range must be a number from 0.001 to 100"):
        NeuronExplorer(weight_range=500)
    with pytest.raises(ValueError, match="weight_range must be a number from 0.001 to 100.*got -1"):
        NeuronExplorer(weight_range=-1)
    with pytest.raises(ValueError, match="step must be at most weight_range"):
        NeuronExplorer(weight_range=1, step=2)


def test_page_equals_python_at_every_control_end(browser, tmp_path):
    e = NeuronExplorer()
    page, errors = ep.open_page(browser, e, tmp_path / "neuron.html")
    assert ep.check_all_controls(page, e) == 3 * len(e.controls)
    # a fine step of w from the keyboard: exactly 0.05 more, and the page still equals nnlib
    ep.check_keyboard(page, e, "w", "ArrowRight", 0.15)
    assert not errors, errors
