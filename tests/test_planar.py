"""The Playground's maths: 2-D data sets, feature maps, the shared shuffle and the epoch trainer."""
import warnings

import numpy as np
import pytest

from nnlib import Network, sgd
from nnlib.features import FEATURES, transform
from nnlib.planar import EXTENT, SCALE, SETS, make, n_train_of, plane, split, surface_value
from nnlib.trainer import Trainer, lcg, shuffled


# ---- data sets ------------------------------------------------------------------------------
@pytest.mark.parametrize("noise", [0.0, 0.2])
def test_moons_and_circles_are_scikit_learns_mapped_to_the_plane(noise):
    from sklearn.datasets import make_circles, make_moons

    X, Y = make("moons", n=300, noise=noise, seed=3)
    ref, y = make_moons(n_samples=300, noise=noise, random_state=3)
    np.testing.assert_allclose(X, 1.6 * (ref - [0.5, 0.25]), rtol=0, atol=1e-12)
    np.testing.assert_array_equal(Y[:, 0], y)
    X, Y = make("circles", n=300, noise=noise, seed=3)
    ref, y = make_circles(n_samples=300, noise=noise, random_state=3, factor=0.5)
    np.testing.assert_allclose(X, SCALE * ref, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(Y[:, 0], y)


def test_noise_is_a_standard_normal_draw_in_units_of_the_pattern():
    for name in ("xor", "gaussians", "spiral", "moons", "circles"):
        p = plane(name, n=20000, seed=1)
        scale = 1.6 if name == "moons" else SCALE
        assert abs(np.mean(p.jitter)) < 0.03 * scale, name
        np.testing.assert_allclose(np.std(p.jitter, axis=0), scale, rtol=0.03, err_msg=name)
        np.testing.assert_array_equal(p.target_jitter, 0)     # noise moves points, not classes
        X, _ = p.points(0.3)
        np.testing.assert_allclose(X, p.clean + 0.3 * p.jitter, rtol=1e-15)


def test_xor_classes_are_the_sign_of_x1_x2_away_from_the_axes():
    p = plane("xor", n=1000, seed=0)
    x1, x2 = p.clean.T
    np.testing.assert_array_equal(p.target[:, 0], x1 * x2 > 0)
    assert np.min(np.abs(p.clean)) >= 0.1 * SCALE - 1e-12 and np.max(np.abs(p.clean)) <= SCALE
    assert 0.45 < p.target.mean() < 0.55


def test_gaussians_sit_at_plus_and_minus_one_and_a_quarter():
    p = plane("gaussians", n=20000, seed=0)
    y = p.target[:, 0]
    np.testing.assert_allclose(p.clean[y == 1].mean(axis=0), [1.25, 1.25], atol=0.03)
    np.testing.assert_allclose(p.clean[y == 0].mean(axis=0), [-1.25, -1.25], atol=0.03)
    np.testing.assert_allclose(p.clean[y == 1].std(axis=0), 0.3 * SCALE, rtol=0.03)


def test_spiral_points_lie_on_two_arms_half_a_turn_apart():
    """Each clean point is r (sin t, cos t) with t = 1.75 * 2 pi * r / 2.5 + pi * class."""
    p = plane("spiral", n=400, seed=0)
    x1, x2 = p.clean.T
    r = np.hypot(x1, x2) / SCALE                 # radius in units of the pattern: 0 .. 1
    t = 1.75 * 2 * np.pi * r + np.pi * p.target[:, 0]
    keep = r > 1e-9                              # the centre has no angle
    np.testing.assert_allclose(x1[keep], SCALE * r[keep] * np.sin(t[keep]), atol=1e-12)
    np.testing.assert_allclose(x2[keep], SCALE * r[keep] * np.cos(t[keep]), atol=1e-12)
    assert r.max() < 1 and p.target.sum() == 200


def test_surface_by_hand():
    # at (1, 1): the bump is exp(0) = 1, the dip exp(-|(2, 2)|^2 / 1.5625) = exp(-5.12)
    np.testing.assert_allclose(surface_value(np.array([[1.0, 1.0], [0.0, 0.0]])),
                               [1 - np.exp(-5.12), 0.0], atol=1e-15)
    p = plane("surface", n=300, seed=2)
    assert p.regression and np.all(p.jitter == 0) and np.all(np.abs(p.clean) <= SCALE)
    X, Y = p.points(0.1)
    np.testing.assert_allclose(Y, surface_value(X)[:, None] + 0.1 * p.target_jitter, rtol=1e-14)


@pytest.mark.parametrize("name", list(SETS))
def test_every_set_is_seeded_shuffled_and_mostly_in_the_plane(name):
    X, Y = make(name, n=200, noise=0.1, seed=5)
    X2, Y2 = make(name, n=200, noise=0.1, seed=5)
    np.testing.assert_array_equal(X, X2)
    assert X.shape == (200, 2) and Y.shape == (200, 1)
    assert not np.array_equal(X, make(name, n=200, noise=0.1, seed=6)[0])
    assert np.mean(np.all(np.abs(X) <= EXTENT, axis=1)) > 0.95
    if name != "surface":                        # both classes among the first rows: shuffled
        assert set(Y[:20, 0]) == {0.0, 1.0} and set(np.unique(Y)) == {0.0, 1.0}


def test_split_takes_the_training_rows_from_the_top():
    X, Y = np.arange(20.0).reshape(10, 2), np.arange(10.0).reshape(10, 1)
    X_tr, Y_tr, X_te, Y_te = split(X, Y, 0.7)
    np.testing.assert_array_equal(X_tr, X[:7])
    np.testing.assert_array_equal(Y_te, Y[7:])
    assert n_train_of(500, 0.5) == 250 and n_train_of(10, 0.01) == 1 and n_train_of(10, 0.99) == 9


@pytest.mark.parametrize("call, error, message", [
    (lambda: make("spirals"), ValueError, "unknown dataset 'spirals'; expected one of 'circles'"),
    (lambda: make("moons", noise=-0.1), ValueError, "noise must be a finite number >= 0, got -0.1"),
    (lambda: make("moons", noise=2), ValueError, r"noise must be a number in \[0, 1\]"),
    (lambda: make("moons", noise="a lot"), TypeError, "noise must be a number >= 0, got 'a lot'"),
    (lambda: make("xor", n=3), ValueError, "n must be at least 4"),
    (lambda: make("xor", n=4.5), TypeError, "n must be an integer > 0, got 4.5"),
    (lambda: make("xor", seed=-1), ValueError, "seed must be a finite integer >= 0, got -1"),
    (lambda: split(np.zeros((4, 2)), np.zeros((4, 1)), 1.0), ValueError, "train_fraction must be"),
])
def test_bad_arguments_get_clear_errors(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---- features -------------------------------------------------------------------------------
def test_features_by_hand():
    X = np.array([[1.0, 2.0], [-0.5, 3.0]])
    F = transform(X, list(FEATURES))
    expected = [[1.0, 2.0, 1.0, 4.0, 2.0, np.sin(1.0), np.sin(2.0)],
                [-0.5, 3.0, 0.25, 9.0, -1.5, np.sin(-0.5), np.sin(3.0)]]
    np.testing.assert_allclose(F, expected, rtol=1e-15)
    # columns come in FEATURES order whatever order they are asked in
    np.testing.assert_array_equal(transform(X, ["x1x2", "x1"]), [[1.0, 2.0], [-0.5, -1.5]])


def test_squares_let_a_network_with_no_hidden_layer_draw_a_circle():
    """sigma(w (x1^2 + x2^2) + b) is constant on circles: the circles set becomes separable."""
    X, Y = make("circles", n=400, noise=0.0, seed=0)
    F = transform(X, ["x1_sq", "x2_sq"])
    net = Network([2, 1])
    net.W[0][...] = [[-4.0, -4.0]]
    net.b[0][...] = 4 * (1.25 ** 2 + 2.5 ** 2) / 2       # boundary between radius 1.25 and 2.5
    assert net.accuracy(F, Y) == 1.0


@pytest.mark.parametrize("names, error, message", [
    (["x3"], ValueError, "unknown feature 'x3'"),
    ([], ValueError, "at least one feature"),
    ("x1", TypeError, "features must be a list of feature names"),
])
def test_bad_features(names, error, message):
    with pytest.raises(error, match=message):
        transform(np.zeros((3, 2)), names)


# ---- the shared shuffle and the trainer -----------------------------------------------------
def test_lcg_gives_the_numerical_recipes_sequence():
    # s1 = 1013904223; s2 = (1664525 * 1013904223 + 1013904223) mod 2^32 = 1196435762; ...
    s, seq = 0, []
    for _ in range(4):
        s = lcg(s)
        seq.append(s)
    assert seq == [1013904223, 1196435762, 3519870697, 2868466484]


def test_shuffle_by_hand_and_its_spread():
    # n = 3 from state 0: i = 2 draws 1013904223, j = 1013904223 * 3 >> 32 = 0: [2, 1, 0];
    # i = 1 draws 1196435762, j = 1196435762 * 2 >> 32 = 0: [1, 2, 0]
    order, state = shuffled(3, 0)
    assert order.tolist() == [1, 2, 0] and state == 1196435762
    counts, state = np.zeros((5, 5)), 7
    for _ in range(5000):
        order, state = shuffled(5, state)
        assert sorted(order) == list(range(5))
        counts[np.arange(5), order] += 1
    np.testing.assert_allclose(counts / 5000, 0.2, atol=0.03)   # every element everywhere


def _data(seed=0, n=23):
    rng = np.random.default_rng(seed)
    return rng.uniform(-1, 1, (n, 3)), rng.uniform(0, 1, (n, 1)), rng.uniform(-1, 1, (7, 3)), \
        rng.uniform(0, 1, (7, 1))


@pytest.mark.parametrize("l2", [0.0, 0.05])
def test_trainer_steps_are_backprop_steps_in_the_shuffled_order(l2):
    X, Y, X_te, Y_te = _data()
    net, ref = Network([3, 4, 1], "tanh", seed=1), Network([3, 4, 1], "tanh", seed=1)
    t = Trainer(net, X, Y, X_te, Y_te, eta=0.5, batch_size=5, l2=l2, state=11).train(3)
    state = 11
    for _ in range(3):
        order, state = shuffled(len(X), state)
        for start in range(0, len(X), 5):               # batches of 5, 5, 5, 5 and 3 rows
            rows = order[start:start + 5]
            grad_W, grad_b = ref.backprop(X[rows], Y[rows], l2=l2)
            for l in range(ref.L):                    # W <- W - eta (dC/dW + l2 W)
                ref.W[l] -= 0.5 * grad_W[l]
                ref.b[l] -= 0.5 * grad_b[l]
    for got, want in zip(net.W + net.b, ref.W + ref.b):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-14)
    assert t.epoch == 3 and t.state == state and len(t.train_loss) == 4
    np.testing.assert_allclose(t.train_loss[-1], ref.cost(X, Y), rtol=1e-12)
    np.testing.assert_allclose(t.test_loss[-1], ref.cost(X_te, Y_te), rtol=1e-12)
    np.testing.assert_allclose(t.test_accuracy[-1], ref.accuracy(X_te, Y_te))


def test_whole_batch_trainer_is_gradient_descent_like_sgd():
    X, Y, X_te, Y_te = _data(2)
    net, ref = Network([3, 2, 1], seed=4), Network([3, 2, 1], seed=4)
    Trainer(net, X, Y, X_te, Y_te, eta=2.0, batch_size=1000).train(4)
    sgd(ref, X, Y, epochs=4, batch_size=len(X), eta=2.0)       # order cannot matter
    for got, want in zip(net.W + net.b, ref.W + ref.b):
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_divergence_stops_training_without_warnings_or_nan():
    X, Y, X_te, Y_te = _data(3)
    net = Network([3, 8, 1], "identity", output_activation="identity")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = Trainer(net, 1e3 * X, Y, 1e3 * X_te, Y_te, eta=10.0, batch_size=5).train(50)
    assert t.diverged is not None and t.epoch < 50 and t.diverged["epoch"] == t.epoch + 1
    assert np.all(np.isfinite(t.train_loss + t.test_loss))
    assert all(np.isfinite(W).all() for W in net.W)
    assert t.train(5).epoch == t.diverged["epoch"] - 1        # stays stopped


def test_a_test_cost_that_overflows_also_stops_training():
    """a = w x + b learns y = 10 x on small inputs, w growing from 0.5.  On five test inputs of
    1e154 the squared errors sum to about 5 (w 1e154)^2, past the largest double (1.8e308) once
    |w| > 0.6: training stops there, silently, with no NaN, though the training cost is fine
    (with ordinary test inputs the same run trains all 30 epochs)."""
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 0.1, (20, 1))
    runs = []
    for X_test in (np.full((5, 1), 1e154), np.full((5, 1), 0.05)):
        net = Network([1, 1], "identity")
        net.W[0][...] = 0.5
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            runs.append(Trainer(net, X, 10 * X, X_test, np.zeros((5, 1)), eta=0.5,
                                batch_size=5).train(30))
    far, near = runs
    assert far.diverged == {"epoch": far.epoch + 1, "step": 4} and 0 < far.epoch < 30
    assert np.all(np.isfinite(far.train_loss + far.test_loss))
    assert near.diverged is None and near.epoch == 30
    # inputs that overflow from the start: stopped before the first epoch
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = Trainer(Network([1, 1], "identity"), X, X, np.full((5, 1), 1e200), np.zeros((5, 1)), eta=1.0,
                    batch_size=5)
    assert t.diverged == {"epoch": 0, "step": 0} and t.train(3).epoch == 0


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(eta=0), ValueError, "eta must be a finite number > 0"),
    (dict(batch_size=2.5), TypeError, "batch_size must be an integer > 0"),
    (dict(l2=-1), ValueError, "l2 must be a finite number >= 0"),
    (dict(state=2 ** 32), ValueError, r"state must be below 2\*\*32"),
])
def test_trainer_bad_arguments(kwargs, error, message):
    X, Y, X_te, Y_te = _data()
    settings = dict(eta=0.1, batch_size=5) | kwargs
    with pytest.raises(error, match=message):
        Trainer(Network([3, 1]), X, Y, X_te, Y_te, **settings)


def test_sgd_shuffle_false_keeps_the_given_order():
    X, Y, _, _ = _data(4)
    net, ref = Network([3, 2, 1], seed=0), Network([3, 2, 1], seed=0)
    sgd(net, X, Y, epochs=1, batch_size=10, eta=1.0, shuffle=False)
    for start in range(0, len(X), 10):
        grad_W, grad_b = ref.backprop(X[start:start + 10], Y[start:start + 10])
        for l in range(ref.L):
            ref.W[l] -= grad_W[l]
            ref.b[l] -= grad_b[l]
    for got, want in zip(net.W + net.b, ref.W + ref.b):
        np.testing.assert_allclose(got, want, rtol=1e-13)
    with pytest.raises(TypeError, match=r"shuffle must be True, False or a function such as "
                                        r"shuffle\(\) -> an epoch's order, got 'no'"):
        sgd(net, X, Y, 1, 10, 1.0, shuffle="no")
