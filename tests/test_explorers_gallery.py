"""ActivationGallery: g, g', the one-output cost and its gradient against textbook formulas."""
import math
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import explorer_page as ep
import nnlib.explorers as explorers
from nnlib import ACTIVATIONS
from nnlib.explorers import ActivationGallery

# the textbook formulas, written independently of nnlib
G = {"sigmoid": lambda z: 1 / (1 + math.exp(-z)),
     "tanh": lambda z: (math.exp(z) - math.exp(-z)) / (math.exp(z) + math.exp(-z)),
     "relu": lambda z: max(z, 0.0),
     "leaky_relu": lambda z: z if z > 0 else 0.01 * z,
     "softplus": lambda z: math.log(1 + math.exp(z)),
     "identity": lambda z: z}


def slope(name, z, h=1e-6):
    """g'(z) by central differences (z is never on the kink at 0 in these tests)."""
    return (G[name](z + h) - G[name](z - h)) / (2 * h)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
@pytest.mark.parametrize("z, y", [(-5.9, 1.0), (-1.3, 0.0), (0.7, -1.0), (2.0, 1.0), (5.0, 0.0), (6.0, 2.0)])
def test_readout_equals_the_textbook_formulas(name, z, y):
    e = ActivationGallery()
    e.controls["highlight"].value, e.controls["z"].value, e.controls["y"].value = name, z, y
    r = e.readout()
    a, da = G[name](z), slope(name, z)
    assert r["a"] == pytest.approx(a, rel=1e-12, abs=1e-15)
    assert r["da_dz"] == pytest.approx(da, rel=1e-6, abs=1e-9)
    assert r["mse"] == pytest.approx((a - y) ** 2, rel=1e-12, abs=1e-15)
    assert r["dC_dz"] == pytest.approx(2 * (a - y) * da, rel=1e-6, abs=1e-9)
    # dC/dz is also the slope of z -> (g(z) - y)^2 itself
    cost = lambda t: (G[name](t) - y) ** 2
    assert r["dC_dz"] == pytest.approx((cost(z + 1e-6) - cost(z - 1e-6)) / 2e-6, rel=1e-5, abs=1e-8)
    assert r["activations"] == pytest.approx({n: G[n](z) for n in G}, rel=1e-12, abs=1e-15)


def test_sigmoid_saturates():
    """sigma(5) = 0.99331, sigma'(5) = 0.99331 * 0.00669 = 0.00665; with y = 0:
    C = 0.99331^2 = 0.98666, but dC/dz = 2 * 0.99331 * 0.00665 = 0.0132 only."""
    e = ActivationGallery(z=5.0, y=0.0)
    r = e.readout()
    assert r["mse"] == pytest.approx(0.98666, abs=1e-5)
    assert r["dC_dz"] == pytest.approx(0.0132, abs=1e-4)
    assert "Flat region" in e._view.value
    e.controls["highlight"].value = "identity"                  # no saturation: dC/dz = 2 (5 - 0) = 10
    assert e.readout()["dC_dz"] == pytest.approx(10.0)
    assert "Flat region" not in e._view.value


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_extremes_are_finite_and_silent(name):
    e = ActivationGallery()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e.controls["highlight"].value = name
        for z in (-6.0, 0.0, 6.0):
            for y in (-1.0, 2.0):
                e.controls["z"].value, e.controls["y"].value = z, y
                r = e.readout()
                assert np.isfinite([r["a"], r["da_dz"], r["mse"], r["dC_dz"]]).all()
                ET.fromstring(e._view.value)


def test_controls_and_defaults():
    e = ActivationGallery()
    assert e.values() == {"z": 2.0, "y": 1.0, "highlight": "sigmoid"}
    assert tuple(e.controls["highlight"].options) == tuple(ACTIVATIONS)
    assert (e.controls["z"].min, e.controls["z"].max, e.controls["z"].step) == (-6.0, 6.0, 0.1)
    svg = e._view.value
    for name in ACTIVATIONS:                                    # six panels, each titled
        assert f">{name}</text>" in svg
    with pytest.raises(ValueError, match="unknown highlight 'elu'"):
        ActivationGallery(highlight="elu")
    with pytest.raises(ValueError, match="z must be a number from -6 to 6"):
        ActivationGallery(z=9)


def test_reset():
    e = ActivationGallery()
    start = e.readout()
    e.controls["z"].value, e.controls["highlight"].value = -4.0, "relu"
    e.reset()
    assert e.readout() == start == ActivationGallery().readout()


def test_static_html_contract():
    e = ActivationGallery()
    script = Path(explorers.__file__).parent / "static" / e.script
    assert e.script == "gallery.js" and script.exists() and script.read_text() in e.static_html()
    html = e.static_html()
    assert 'data-explorer="gallery"' in html and "nnx.kinds.gallery" in html
    for name in e.controls:
        assert html.count(f'data-control="{name}"') == 1
    for key in ("a", "da_dz", "mse", "dC_dz"):
        assert f'data-readout="{key}"' in html
    assert len(html.encode()) < 1_000_000


def test_page_equals_python_at_every_control_end(browser, tmp_path):
    e = ActivationGallery()
    page, errors = ep.open_page(browser, e, tmp_path / "gallery.html")
    assert ep.check_all_controls(page, e) == 9
    for name in ACTIVATIONS:                                    # every activation at many z
        page.evaluate(ep.MOVE_JS, ["highlight", list(ACTIVATIONS).index(name)])
        for z in np.linspace(-6, 6, 13):
            page.evaluate(ep.MOVE_JS, ["z", float(z)])
            state = page.evaluate(ep.STATE_JS)
            ep.assert_close(page.evaluate(ep.JS_STATE_JS, ep.values_of(state)),
                            e.compute(ep.values_of(state)), f"{name} z={z}")
            ET.fromstring(state["svg"])
    assert not errors, errors
