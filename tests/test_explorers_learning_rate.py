"""LearningRateExplorer and nnlib.descent: gradient descent against its closed form.

On a quadratic cost every gradient-descent step multiplies the error by a fixed
matrix, so the whole trajectory has a closed form: with Hessian H and
minimiser w*, w_t = w* + (I - eta H)^t (w_0 - w*).  For the explorer's linear
neurons H = (2/n) X^T X and w* is the least-squares solution, both computed
here with plain numpy, never with the explorer's (or nnlib's) code.
"""
import json
import math
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

import explorer_page as ep
from nnlib.descent import REGIMES, gradient_descent, regime
from nnlib.explorers import LearningRateExplorer
from nnlib.explorers.learning_rate import two_scales
from nnlib.explorers.svg import LogPlot, contour_lines, decade_label, decade_ticks

STATIC = Path(__file__).resolve().parent.parent / "nnlib" / "explorers" / "static"


@pytest.fixture(scope="module")
def explorer():
    return LearningRateExplorer()


def closed_form(X, Y, w0, eta, t):
    """w_t and the MSE at w_t for the bias-free linear neuron on (X, Y), by numpy."""
    H = 2.0 / len(X) * X.T @ X
    w_min = np.linalg.lstsq(X, Y[:, 0], rcond=None)[0]
    w = w_min + np.linalg.matrix_power(np.eye(len(w0)) - eta * H, t) @ (np.asarray(w0) - w_min)
    return w, np.mean((X @ w - Y[:, 0]) ** 2)                 # MSE, one output, no 1/2


# ---- nnlib.descent ----------------------------------------------------------------------
@pytest.mark.parametrize("eta", [0.01, 0.3, 0.9, 1.5, 1.99])
def test_gradient_descent_follows_the_closed_form(eta):
    # f(x) = (k/2)(x - c)^2, f'(x) = k (x - c):  x_t = c + (1 - eta k)^t (x_0 - c)
    k, c, x0 = 1.0, 2.0, -1.0
    traj = gradient_descent(lambda x: k * (x - c), x0, eta, 30)
    expected = c + (1 - eta * k) ** np.arange(31) * (x0 - c)
    assert traj.diverged is None and traj.x.shape == (31,)
    np.testing.assert_allclose(traj.x, expected, rtol=1e-12, atol=1e-12)


def test_gradient_descent_in_two_dimensions():
    H = np.array([[3.0, 1.0], [1.0, 0.5]])
    traj = gradient_descent(lambda x: H @ x, np.array([1.0, -2.0]), 0.2, 12)
    expected = [np.linalg.matrix_power(np.eye(2) - 0.2 * H, t) @ [1.0, -2.0] for t in range(13)]
    np.testing.assert_allclose(traj.x, expected, rtol=1e-12, atol=1e-14)


def test_divergence_stops_at_the_bound_silently():
    # eta k = 3: x_t = (-2)^t, so |x_t| first exceeds 1000 at t = 10 (1024)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        traj = gradient_descent(lambda x: x, 1.0, 3.0, 40, bound=1000)
    assert traj.diverged == 10
    np.testing.assert_array_equal(traj.x, (-2.0) ** np.arange(11))
    # a gradient that overflows at once: stopped, nothing non-finite kept
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        traj = gradient_descent(lambda x: np.exp(x * 1e3), 1.0, 1.0, 5)
    assert traj.diverged == 1 and np.isfinite(traj.x).all() and len(traj.x) == 1


@pytest.mark.parametrize("k", [0.5, 1.0, 4.0])
def test_regime_agrees_with_the_analytic_thresholds(k):
    # on a quadratic with curvature k the error is multiplied by r = 1 - eta k each step:
    # eta < 1/k monotone, 1/k..2/k overshoots (visibly once r <= -1/4), > 2/k diverges
    for eta_k in [0.001, 0.01, 0.05, 0.2, 0.5, 0.9, 1.1, 1.2, 1.3, 1.5, 1.9, 1.98, 2.02, 2.5, 5.0]:
        traj = gradient_descent(lambda x: k * (x - 1.0), 4.0, eta_k / k, 40, bound=1e6)
        name = regime(traj, 1.0)
        if eta_k > 2:
            assert name == "diverges", (k, eta_k)
        elif eta_k >= 1.25:
            assert name == "oscillates", (k, eta_k)
        else:   # error left after 40 steps: |1 - eta k|^40 of the initial one
            assert name == ("converges slowly" if (1 - eta_k) ** 40 > 0.05 else "converges"), (k, eta_k)


def test_gradient_descent_rejects_bad_input():
    with pytest.raises(ValueError, match="eta"):
        gradient_descent(lambda x: x, 1.0, -0.1, 5)
    with pytest.raises(TypeError, match="steps"):
        gradient_descent(lambda x: x, 1.0, 0.1, 2.5)
    with pytest.raises(ValueError, match="x0"):
        gradient_descent(lambda x: x, [[1.0]], 0.1, 5)


# ---- the explorer's numbers -----------------------------------------------------------------
def test_default_data_has_two_scales():
    X, Y = two_scales()
    assert X.shape == (20, 2) and Y.shape == (20, 1)
    assert abs(X[:, 0] @ X[:, 1]) < 1e-12                      # orthogonal features
    assert np.mean(X[:, 0] ** 2) / np.mean(X[:, 1] ** 2) == pytest.approx(9.0)


def test_curvatures_equal_the_hessian_of_the_mse(explorer):
    X = explorer.X
    H = 2.0 / len(X) * X.T @ X                                  # d^2/dw^2 of mean((Xw - y)^2)
    lam = np.linalg.eigvalsh(H)
    assert explorer.k_max == pytest.approx(lam.max(), rel=1e-10)
    assert explorer.k_min == pytest.approx(lam.min(), rel=1e-10)
    assert explorer.k_1d == pytest.approx(2 * np.mean(X[:, 0] ** 2), rel=1e-10)


@pytest.mark.parametrize("eta_position", [-3.0, -1.0, -0.5, 0.1, 0.35, 0.4, 1.0])
@pytest.mark.parametrize("step", [0, 1, 7, 40])
def test_readout_equals_the_closed_form(explorer, eta_position, step):
    explorer.controls["eta"].value = 10.0 ** eta_position
    explorer.controls["step"].value = step
    r = explorer.readout()
    eta = r["eta"]
    assert eta == pytest.approx(10.0 ** eta_position, rel=1e-9)
    X, Y = explorer.X, explorer.Y
    bound = 1e3 * max(2.5, np.abs(np.linalg.lstsq(X, Y[:, 0], rcond=None)[0]).max())
    if any(np.abs(closed_form(X, Y, [-1.0, 2.5], eta, s)[0]).max() > bound for s in range(step + 1)):
        assert r["regime"] == r["regime_2d"] == "diverges"
        return                        # stopped at the bound: see test_divergence_is_explicit...
    w, mse = closed_form(X[:, :1], Y, [-1.0], eta, step)
    (w1, w2), mse2 = closed_form(X, Y, [-1.0, 2.5], eta, step)
    np.testing.assert_allclose([r["w"], r["mse"]], [w[0], mse], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose([r["w1"], r["w2"], r["mse_2d"]], [w1, w2, mse2], rtol=1e-9, atol=1e-12)
    assert r["step"] == step and r["regime"] in REGIMES and r["regime_2d"] in REGIMES


def test_regimes_are_consistent_with_eta_below_two_over_k_max(explorer):
    X = explorer.X
    k_max = np.linalg.eigvalsh(2.0 / len(X) * X.T @ X).max()
    k_1d = 2 * np.mean(X[:, 0] ** 2)
    for eta in explorer.etas:
        explorer.controls["eta"].value = eta
        r = explorer.readout()
        assert (r["regime"] == "diverges") == (eta > 2 / k_1d), eta
        assert (r["regime_2d"] == "diverges") == (eta > 2 / k_max), eta
        assert (r["regime"] == "oscillates") == (1.25 / k_1d <= eta < 2 / k_1d), eta
    seen = {explorer.runs[0]["runs"][i]["regime"] for i in range(len(explorer.etas))}
    assert seen == set(REGIMES)                  # the slider reaches all four regimes


def test_divergence_is_explicit_finite_and_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = LearningRateExplorer()
        e.controls["eta"].value = 10.0
        e.controls["step"].value = 40
        r = e.readout()
        svg = e._view.value
    assert r["regime"] == r["regime_2d"] == "diverges"
    assert all(math.isfinite(r[k]) for k in ("w", "mse", "w1", "w2", "mse_2d"))
    run = e.runs[0]["runs"][-1]
    # eta = 10, k = k_1d: the error is multiplied by (1 - 10 k) each step; the run stops at
    # the first step whose |w| passes the bound, and that point is the one shown
    x, y = e.X[:, 0], e.Y[:, 0]
    k, w_min = 2 * np.mean(x * x), (x @ y) / (x @ x)
    w_t = w_min + (1 - 10 * k) ** np.arange(41) * (-1.0 - w_min)
    bound = 1e3 * max(2.5, np.abs(np.linalg.lstsq(e.X, y, rcond=None)[0]).max())
    first = int(np.argmax(np.abs(w_t) > bound))
    assert run["diverged"] == first and len(run["w"]) == first + 1
    assert r["w"] == pytest.approx(w_t[first], rel=1e-9)
    assert "diverged" in svg
    ET.fromstring(svg)


def test_reset_restores_the_initial_readout():
    e = LearningRateExplorer()
    start = e.readout()
    e.controls["eta"].value, e.controls["step"].value = 5.0, 33
    assert e.readout() != start
    e.reset()
    assert e.readout() == start == LearningRateExplorer().readout()


def test_every_state_draws_well_formed_svg(explorer):
    for eta in explorer.etas[::4] + [explorer.etas[-1]]:
        for step in (0, 3, 40):
            state = explorer.compute({"eta": eta, "step": step})
            root = ET.fromstring(explorer.draw({"eta": eta, "step": step}, state))
            assert root.tag.endswith("svg")


def test_readers_own_data_and_bad_input():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 2)) * [1.0, 0.2]
    Y = X @ [[1.0], [3.0]]
    e = LearningRateExplorer(X, Y, w0=(0.0, 0.0), steps=15, eta=0.1)
    e.controls["step"].value = 15
    r = e.readout()
    (w1, w2), mse2 = closed_form(X, Y, [0.0, 0.0], r["eta"], 15)
    np.testing.assert_allclose([r["w1"], r["w2"], r["mse_2d"]], [w1, w2, mse2], rtol=1e-9, atol=1e-12)
    with pytest.raises(ValueError, match="X must have 2 features"):
        LearningRateExplorer(X[:, :1], Y)
    with pytest.raises(ValueError, match="eta"):
        LearningRateExplorer(eta=0.0)
    with pytest.raises(ValueError, match="linearly independent"):
        LearningRateExplorer(np.column_stack([X[:, 0], 2 * X[:, 0]]), Y)
    with pytest.raises(ValueError, match="steps must be at most 100"):
        LearningRateExplorer(steps=500)
    assert len(LearningRateExplorer(steps=100).static_html().encode()) <= 1_000_000


def test_static_html_contract(explorer):
    html = explorer.static_html()
    assert (STATIC / "learning_rate.js").exists()
    assert 'data-explorer="learning_rate"' in html
    for name in explorer.controls:
        assert html.count(f'data-control="{name}"') == 1
    for key in explorer.readout_labels():
        assert f'data-readout="{key}"' in html
    assert "nnx.kinds.learning_rate" in html
    assert len(html.encode()) <= 1_000_000
    data = json.loads(html.split('class="nnx-data">')[1].split("</script>")[0].replace("<\\/", "</"))
    assert len(data["one"]) == len(data["two"]) == len(explorer.etas) == 81


# ---- svg helpers (mirrored in core.js) -----------------------------------------------------
def test_contour_lines_of_a_circle_lie_on_the_circle():
    xs = ys = np.linspace(-2, 2, 41)
    Z = [[x * x + y * y for x in xs] for y in ys]
    segs = contour_lines(xs, ys, Z, 1.0)
    ends = np.array(segs).reshape(-1, 2)
    radius = np.hypot(ends[:, 0], ends[:, 1])
    # linear interpolation of x^2 + y^2 on a 0.1 grid errs by at most h^2/4 / (2r)
    np.testing.assert_allclose(radius, 1.0, atol=0.1 ** 2 / 8 + 1e-12)
    length = np.sum(np.hypot(ends[1::2, 0] - ends[::2, 0], ends[1::2, 1] - ends[::2, 1]))
    assert length == pytest.approx(2 * np.pi, rel=2e-3)     # a closed circle, no gaps


def test_log_axes():
    assert [decade_label(k) for k in (-4, -3, -1, 0, 2, 3, 4)] == \
        ["10⁻⁴", "0.001", "0.1", "1", "100", "1000", "10⁴"]
    assert decade_ticks(1e-3, 1e4) == [-2, 0, 2, 4]
    assert decade_ticks(0.05, 20) == [-1, 0, 1]
    p = LogPlot(300, 200, (1, 1000), (1e-2, 1e2), margin=(0, 0, 0, 0), logx=True)
    assert p.px(10) == pytest.approx(100) and p.py(1) == pytest.approx(100)
    assert p.py(0.0) > 200 and p.py(-5) > 200                  # non-positive: below the box
    ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{p.axes("x", "y").svg()}</svg>')


# ---- the page, in a real browser ------------------------------------------------------------
def test_page_equals_python_at_every_control_end(browser, tmp_path, explorer):
    explorer.reset()
    page, errors = ep.open_page(browser, explorer, tmp_path / "lr.html")
    start = page.evaluate(ep.STATE_JS)
    assert set(start["readouts"]) == set(explorer.readout_labels())
    checked = 0
    for name, (lo, hi, step) in start["ranges"].items():
        for position in ep.three_positions(lo, hi, step) + [0.4, 0.35]:
            if not lo <= position <= hi:
                continue
            ep.check_move(page, explorer, name, position)
            checked += 1
    page.click(".nnx-reset")
    assert page.evaluate(ep.STATE_JS)["readouts"] == start["readouts"]
    assert checked >= 8 and not errors, errors
    page.close()


def test_page_regime_at_every_eta(browser, tmp_path, explorer):
    page, errors = ep.open_page(browser, explorer, tmp_path / "lr_all.html")
    for i, eta in enumerate(explorer.etas):
        page.evaluate(ep.MOVE_JS, ["eta", round(-3 + 0.05 * i, 10)])
        state = page.evaluate(ep.STATE_JS)
        python = explorer.compute(ep.values_of(state))
        assert state["readouts"]["regime"] == python["regime"] == explorer.runs[0]["runs"][i]["regime"]
        assert float(state["readouts"]["eta"]) == pytest.approx(eta, rel=1e-9)
    assert not errors, errors
    page.close()


def test_js_svg_helpers_equal_python(browser, tmp_path, explorer):
    page, errors = ep.open_page(browser, explorer, tmp_path / "helpers.html")
    f = explorer._frame
    for level in f["levels"][:3]:
        js = page.evaluate("([xs, ys, Z, lv]) => nnx.contourLines(xs, ys, Z, lv)",
                           [list(f["grid_w1"]), list(f["grid_w2"]), f["Z"], level])
        py = contour_lines(f["grid_w1"], f["grid_w2"], f["Z"], level)
        np.testing.assert_allclose(np.array(js), np.array(py), rtol=1e-12, atol=1e-12)
    for k in range(-6, 7):
        assert page.evaluate("(k) => nnx.decadeLabel(k)", k) == decade_label(k)
    for lo, hi in [(1e-3, 1e4), (0.05, 20), (1, 1e4), (3e-7, 2.0)]:
        assert page.evaluate("([a, b]) => nnx.decadeTicks(a, b)", [lo, hi]) == decade_ticks(lo, hi)
    js_px = page.evaluate("() => { const p = new nnx.LogPlot(300, 200, [1, 1000], [1e-2, 1e2],"
                          " 0, 0, [0, 0, 0, 0], true); return [p.px(10), p.py(1), p.py(0)]; }")
    p = LogPlot(300, 200, (1, 1000), (1e-2, 1e2), margin=(0, 0, 0, 0), logx=True)
    np.testing.assert_allclose(js_px, [p.px(10), p.py(1), p.py(0)], rtol=1e-12)
    assert not errors, errors
    page.close()
