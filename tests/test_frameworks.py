"""nnlib against PyTorch and scikit-learn on identical weights, number for number.

Each test builds the same network twice, copies nnlib's W and b into the
framework, and compares costs, gradients, output errors and whole training
runs, in float64.  Conventions: nnlib's costs sum over the outputs and
average over the samples (see nnlib.costs), so torch's losses are written in
that form here; torch's ``nn.Linear.weight`` has nnlib's shape
(n_out, n_in); scikit-learn's ``coefs_[l]`` is ``W[l].T``.
"""
import warnings

import numpy as np
import pytest

from nnlib import Network, load_digits, numerical_gradient, relative_error, sgd

torch = pytest.importorskip("torch")
nn, F = torch.nn, torch.nn.functional
torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)                # small matrices: one thread, no oversubscription

MODULES = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU, "identity": nn.Identity,
           "softmax": lambda: nn.Softmax(dim=1)}
TOL = 1e-10


def torch_twin(net):
    """nn.Sequential computing what ``net`` computes, with a copy of its W and b."""
    layers = []
    for l in range(net.L):
        linear = nn.Linear(net.sizes[l], net.sizes[l + 1])
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(net.W[l]))      # same shape: (n_out, n_in)
            linear.bias.copy_(torch.from_numpy(net.b[l]))
        act = net.output_activation if l == net.L - 1 else net.activation
        layers += [linear, MODULES[act]()]
    return nn.Sequential(*layers)


def torch_cost(model, X, Y, cost, output):
    """nnlib's cost convention written with torch's losses: sum over outputs, mean over samples."""
    n = X.shape[0]
    if cost == "mse":
        return F.mse_loss(model(X), Y, reduction="sum") / n
    logits = model[:-1](X)                                    # z^(L): every module but the last
    if output == "softmax":
        return F.cross_entropy(logits, Y)                     # Y: class probabilities (one-hot rows)
    return F.binary_cross_entropy_with_logits(logits, Y, reduction="sum") / n


def torch_grads(model):
    """(grad_W, grad_b) of a twin, as numpy arrays."""
    linears = [m for m in model if isinstance(m, nn.Linear)]
    return [m.weight.grad.numpy() for m in linears], [m.bias.grad.numpy() for m in linears]


def max_difference(arrays, others):
    return max(float(np.max(np.abs(np.asarray(a) - np.asarray(b)))) for a, b in zip(arrays, others))


def data(n, sizes, output, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], n)]
    return X, Y


@pytest.mark.parametrize("output, cost", [("sigmoid", "cross_entropy"), ("softmax", "cross_entropy"),
                                          ("softmax", "mse"), ("sigmoid", "mse"), ("identity", "mse")])
@pytest.mark.parametrize("scale", [1.0, 40.0])              # 40: saturated outputs, |z| in the hundreds
def test_cost_and_gradient_equal_torch(output, cost, scale):
    sizes = [6, 5, 4]
    net = Network(sizes, activation="tanh", output_activation=output, seed=2)
    net.W[1] *= scale
    net.b[1][:] = np.linspace(-1, 1, 4) * scale
    X, Y = data(9, sizes, output)
    model = torch_twin(net)
    loss = torch_cost(model, torch.from_numpy(X), torch.from_numpy(Y), cost, output)
    loss.backward()
    assert net.cost(X, Y, cost) == pytest.approx(loss.item(), rel=1e-12, abs=1e-12)
    grad_W, grad_b = net.backprop(X, Y, cost)
    torch_W, torch_b = torch_grads(model)
    assert max_difference(grad_W + grad_b, torch_W + torch_b) < TOL


def test_softmax_cross_entropy_equals_torch_with_integer_labels():
    net = Network([6, 5, 4], output_activation="softmax", seed=3)
    X, Y = data(8, net.sizes, "softmax", seed=1)
    labels = torch.from_numpy(Y.argmax(axis=1))
    model = torch_twin(net)
    loss = F.cross_entropy(model[:-1](torch.from_numpy(X)), labels)      # the usual call: labels
    assert net.cost(X, Y, "cross_entropy") == pytest.approx(loss.item(), rel=1e-13)


def test_delta_is_the_gradient_of_z():
    """nnlib's delta^(l) (eqs. bp-delta-L, bp-delta) is z^(l).grad after loss.backward()."""
    net = Network([6, 5, 4], seed=4)
    X, Y = data(7, net.sizes, "sigmoid")
    zs, activations = net.forward_all(X)
    cost = net._checked_cost("mse", Y)
    deltas = [cost.delta(zs[1], activations[2], Y, net._output)]
    deltas.insert(0, (deltas[0] @ net.W[1]) * activations[1] * (1 - activations[1]))
    model = torch_twin(net)
    a, z_grads = torch.from_numpy(X), []
    for linear, g in zip(model[::2], model[1::2]):
        z = linear(a)
        z.retain_grad()                      # keep dC/dz, which autograd otherwise frees
        z_grads.append(z)
        a = g(z)
    (F.mse_loss(a, torch.from_numpy(Y), reduction="sum") / len(X)).backward()
    assert max_difference(deltas, [z.grad.numpy() for z in z_grads]) < TOL


def test_torch_func_grad_equals_nnlib_gradcheck():
    net = Network([5, 4, 3], seed=5)
    X, Y = data(6, net.sizes, "sigmoid")
    model = torch_twin(net)
    params = {k: v.detach() for k, v in model.named_parameters()}
    Xt, Yt = torch.from_numpy(X), torch.from_numpy(Y)

    def loss(p):
        return F.mse_loss(torch.func.functional_call(model, p, (Xt,)), Yt, reduction="sum") / len(X)
    g = torch.func.grad(loss)(params)
    by_torch = [g["0.weight"], g["2.weight"], g["0.bias"], g["2.bias"]]
    num_W, num_b = numerical_gradient(net, X, Y)
    grad_W, grad_b = net.backprop(X, Y)
    flat = lambda arrays: np.concatenate([np.ravel(a) for a in arrays])
    assert relative_error(flat(by_torch), flat(num_W + num_b)) < 1e-8   # what nnlib.gradcheck measures
    assert relative_error(flat(by_torch), flat(grad_W + grad_b)) < 1e-13


def torch_training(net, X, Y, epochs, m, eta, seed, cost="mse", momentum=0.0, l2=0.0):
    """nnlib.sgd's run in torch: the same shuffles, batches and step rule."""
    model = torch_twin(net)
    linears = [mod for mod in model if isinstance(mod, nn.Linear)]
    groups = [{"params": [mod.weight for mod in linears], "weight_decay": l2},   # weights only
              {"params": [mod.bias for mod in linears], "weight_decay": 0.0}]
    opt = torch.optim.SGD(groups, lr=eta, momentum=momentum)
    Xt, Yt = torch.from_numpy(X), torch.from_numpy(Y)
    rng, curve = np.random.default_rng(seed), []
    for _ in range(epochs):
        order = torch.from_numpy(rng.permutation(len(X)))
        for start in range(0, len(X), m):
            batch = order[start:start + m]
            opt.zero_grad()
            torch_cost(model, Xt[batch], Yt[batch], cost, net.output_activation).backward()
            opt.step()
        with torch.no_grad():
            curve.append(torch_cost(model, Xt, Yt, cost, net.output_activation).item())
    return model, curve


@pytest.fixture(scope="module")
def digits():
    d = load_digits()
    return d.X_train[:400], d.Y_train[:400]


@pytest.mark.parametrize("output, cost, eta, momentum, l2", [
    ("sigmoid", "mse", 3.0, 0.0, 0.0),                 # the book's network
    ("sigmoid", "mse", 0.3, 0.9, 0.0),                 # momentum
    ("sigmoid", "mse", 1.0, 0.0, 0.01),                # weight decay on the weights
    ("sigmoid", "mse", 0.3, 0.5, 0.01),                # both
    ("softmax", "cross_entropy", 0.5, 0.0, 0.0),
    ("sigmoid", "cross_entropy", 0.5, 0.9, 0.001),
])
def test_training_run_equals_torch(digits, output, cost, eta, momentum, l2):
    X, Y = digits
    net = Network([64, 30, 10], output_activation=output, seed=0)
    model, curve = torch_training(net, X, Y, 3, 10, eta, seed=7, cost=cost, momentum=momentum, l2=l2)
    history = sgd(net, X, Y, 3, 10, eta, cost=cost, seed=7, momentum=momentum, l2=l2)
    np.testing.assert_allclose(history.cost, curve, rtol=0, atol=TOL)
    linears = [mod for mod in model if isinstance(mod, nn.Linear)]
    assert max_difference(net.W + net.b, [mod.weight.detach() for mod in linears]
                          + [mod.bias.detach() for mod in linears]) < TOL
    assert history.cost[-1] < history.cost[0]


def test_one_sgd_step_equals_torch_optim_sgd():
    net = Network([6, 5, 4], seed=6)
    X, Y = data(10, net.sizes, "sigmoid")
    model = torch_twin(net)
    opt = torch.optim.SGD(model.parameters(), lr=0.7)
    torch_cost(model, torch.from_numpy(X), torch.from_numpy(Y), "mse", "sigmoid").backward()
    opt.step()
    sgd(net, X, Y, epochs=1, batch_size=10, eta=0.7)
    assert max_difference(net.W + net.b, [model[0].weight.detach(), model[2].weight.detach(),
                                          model[0].bias.detach(), model[2].bias.detach()]) < TOL


def test_shard_gradients_average_to_the_batch_gradient():
    """What DistributedDataParallel's all-reduce relies on: equal shards' mean gradients
    average to the mini-batch's (eq. minibatch-average)."""
    net = Network([6, 5, 4], seed=7)
    X, Y = data(12, net.sizes, "sigmoid")
    grad_W, grad_b = net.backprop(X, Y)
    shards = [net.backprop(X[k::4], Y[k::4]) for k in range(4)]          # 4 workers, 3 rows each
    mean_W = [np.mean([s[0][l] for s in shards], axis=0) for l in range(2)]
    mean_b = [np.mean([s[1][l] for s in shards], axis=0) for l in range(2)]
    assert max_difference(grad_W + grad_b, mean_W + mean_b) < 1e-15


# ---- scikit-learn -------------------------------------------------------------
def sklearn_model(kind, eta, batch_size):
    from sklearn.neural_network import MLPClassifier, MLPRegressor
    model = {"classifier": MLPClassifier, "regressor": MLPRegressor}[kind]
    return model(hidden_layer_sizes=(30,), activation="logistic", solver="sgd",
                 learning_rate="constant", learning_rate_init=eta, momentum=0.0,
                 nesterovs_momentum=False, alpha=0.0, batch_size=batch_size, shuffle=False,
                 random_state=0)


def copy_into(model, net):
    """Overwrite scikit-learn's arrays in place (its optimizer holds references to them)."""
    for l in range(net.L):
        model.coefs_[l][...] = net.W[l].T
        model.intercepts_[l][...] = net.b[l]


@pytest.mark.parametrize("kind, output, cost, lr_factor, targets", [
    ("regressor", "identity", "mse", 2.0, "one-hot"),              # its 1/2: learning rate 2 eta
    ("classifier", "sigmoid", "cross_entropy", 1.0, "one-hot"),    # one-hot: sigmoid outputs
    ("classifier", "softmax", "cross_entropy", 1.0, "labels"),     # labels: a softmax
])
def test_one_step_equals_scikit_learn(digits, kind, output, cost, lr_factor, targets):
    X, Y = digits[0][:32], digits[1][:32]
    target = Y if targets == "one-hot" else Y.argmax(axis=1)
    net, eta = Network([64, 30, 10], output_activation=output, seed=1), 0.5
    model = sklearn_model(kind, lr_factor * eta, batch_size=32)
    extra = {"classes": np.arange(10)} if kind == "classifier" else {}
    model.partial_fit(X, target, **extra)          # builds its arrays (and takes a step)
    assert model.out_activation_ == {"sigmoid": "logistic"}.get(output, output)
    copy_into(model, net)
    model.partial_fit(X, target)                   # one step on one batch of all 32 rows
    sgd(net, X, Y, epochs=1, batch_size=32, eta=eta, cost=cost)
    assert max_difference(net.W + net.b, [c.T for c in model.coefs_] + model.intercepts_) < TOL


def test_trained_weights_carry_over_both_ways(digits):
    X, Y = digits
    net = Network([64, 30, 10], seed=0)
    sgd(net, X, Y, epochs=5, batch_size=10, eta=3.0)
    model = sklearn_model("classifier", 3.0, 10)
    model.partial_fit(X[:10], Y[:10], classes=np.arange(10))
    copy_into(model, net)                          # nnlib -> scikit-learn
    assert max_difference([model.predict_proba(X)], [net.forward(X)]) < TOL
    softmax_model = sklearn_model("classifier", 0.5, 10).set_params(max_iter=5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")            # ConvergenceWarning: 5 epochs is our choice
        softmax_model.fit(X, Y.argmax(axis=1))
    back = Network([64, 30, 10], output_activation="softmax")
    back.W = [c.T.copy() for c in softmax_model.coefs_]      # scikit-learn -> nnlib
    back.b = [c.copy() for c in softmax_model.intercepts_]
    assert max_difference([softmax_model.predict_proba(X)], [back.forward(X)]) < TOL
    assert (softmax_model.predict(X) == back.predict(X)).all()
