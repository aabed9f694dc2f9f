"""Training speed: nnlib vs scikit-learn's MLP vs a per-sample loop, side by side.

Run with ``make bench`` (or ``python benchmarks/train_speed.py``).  Every
implementation trains [64, 30, 10] sigmoid networks on the digits' 1437
training rows with plain mini-batch SGD; each repeat times one epoch of each,
interleaved, and the script prints medians over the repeats and the ratios.
Then it trains a [1000, 1000, 1000] network with batch 1000 and compares its
GFLOP/s with a large ``np.matmul`` measured in the same run.
"""
import argparse
import time
import warnings

import numpy as np

from nnlib import Network, load_digits, sgd


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


class PerSampleNet:
    """Classic textbook code: column vectors, one backprop per sample, then average."""

    def __init__(self, sizes, seed=0):
        net = Network(sizes, seed=seed)
        self.W = [W.copy() for W in net.W]
        self.b = [b.reshape(-1, 1).copy() for b in net.b]

    def backprop(self, x, y):
        zs, activations = [], [x]
        for W, b in zip(self.W, self.b):
            zs.append(W @ activations[-1] + b)
            activations.append(sigmoid(zs[-1]))
        delta = 2 * (activations[-1] - y) * sigmoid_prime(zs[-1])
        nabla_W, nabla_b = [None] * len(self.W), [None] * len(self.W)
        for l in range(len(self.W) - 1, -1, -1):
            nabla_W[l], nabla_b[l] = delta @ activations[l].T, delta
            if l > 0:
                delta = (self.W[l].T @ delta) * sigmoid_prime(zs[l - 1])
        return nabla_W, nabla_b

    def epoch(self, X, Y, batch_size, eta, rng):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            sum_W = [np.zeros_like(W) for W in self.W]
            sum_b = [np.zeros_like(b) for b in self.b]
            for i in batch:
                nabla_W, nabla_b = self.backprop(X[i].reshape(-1, 1), Y[i].reshape(-1, 1))
                sum_W = [s + n for s, n in zip(sum_W, nabla_W)]
                sum_b = [s + n for s, n in zip(sum_b, nabla_b)]
            for l in range(len(self.W)):
                self.W[l] -= eta / len(batch) * sum_W[l]
                self.b[l] -= eta / len(batch) * sum_b[l]


def sklearn_mlp(batch_size):
    """scikit-learn's MLP with the same [64, 30, 10] sigmoid layers and plain SGD.

    One-hot targets make MLPClassifier a multi-label model with a logistic
    output layer, like ours (its cost is log-loss; the work per step is the same).
    """
    from sklearn.neural_network import MLPClassifier
    return MLPClassifier(hidden_layer_sizes=(30,), activation="logistic", solver="sgd",
                         momentum=0.0, nesterovs_momentum=False, alpha=0.0,
                         learning_rate_init=0.5, batch_size=batch_size, shuffle=True,
                         max_iter=1, warm_start=True, random_state=0)


EPOCHS = 3   # epochs per timed run; ms/epoch is the run's time / EPOCHS


def timed(fn, runs=1):
    start = time.perf_counter()
    for _ in range(runs):
        fn()
    return (time.perf_counter() - start) / runs


def digits_speed(batch_size, repeats, eta=3.0):
    data = load_digits()
    X, Y = data.X_train, data.Y_train
    net = Network([64, 30, 10], seed=0)
    loop = PerSampleNet([64, 30, 10])
    mlp = sklearn_mlp(batch_size)
    rng = np.random.default_rng(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mlp.fit(X, Y)                                # warm-up: builds its arrays
        times = {"nnlib": [], "scikit-learn": [], "per-sample loop": []}
        for repeat in range(repeats):               # interleaved, so load hits all alike
            times["nnlib"].append(timed(lambda: sgd(net, X, Y, EPOCHS, batch_size, eta, seed=repeat)) / EPOCHS)
            times["scikit-learn"].append(timed(lambda: mlp.fit(X, Y), EPOCHS))   # one epoch per fit
            times["per-sample loop"].append(timed(lambda: loop.epoch(X, Y, batch_size, eta, rng), EPOCHS))
    return {name: 1e3 * float(np.median(t)) for name, t in times.items()}


def flops_per_epoch(sizes, n):
    """Multiply-adds x 2 of one epoch of sgd: forward + backward per batch, plus the
    end-of-epoch forward pass that records the training cost."""
    pairs = list(zip(sizes[:-1], sizes[1:]))
    forward = sum(2 * n * a * b for a, b in pairs)
    backward = sum(2 * n * a * b for a, b in pairs)            # grad_W = delta^T a
    backward += sum(2 * n * a * b for a, b in pairs[1:])       # delta @ W for hidden layers
    return 2 * forward + backward


def gflops(repeats, width=1000, batch=1000, n=4000):
    rng = np.random.default_rng(0)
    X, Y = rng.uniform(size=(n, width)), rng.uniform(size=(n, width))
    sizes = [width, width, width]
    net = Network(sizes, seed=0)
    A, B = rng.normal(size=(2000, 2000)), rng.normal(size=(2000, 2000))
    t_train, t_matmul = [], []
    for repeat in range(repeats):
        t_train.append(timed(lambda: sgd(net, X, Y, 1, batch, 0.01, seed=repeat)))
        t_matmul.append(timed(lambda: A @ B))
    train = flops_per_epoch(sizes, n) / np.median(t_train) / 1e9
    matmul = 2 * 2000 ** 3 / np.median(t_matmul) / 1e9
    return train, matmul


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="interleaved repeats (>= 5)")
    args = parser.parse_args()
    print(f"digits, [64, 30, 10], 1437 rows; median ms/epoch over {args.repeats} interleaved repeats "
          f"of {EPOCHS} epochs each")
    print(f"{'batch':>5} {'nnlib':>8} {'sklearn':>8} {'loop':>8} {'sklearn/nnlib':>14} {'loop/nnlib':>11}", flush=True)
    for batch_size in (10, 32):
        ms = digits_speed(batch_size, args.repeats)
        nn, sk, lp = ms["nnlib"], ms["scikit-learn"], ms["per-sample loop"]
        print(f"{batch_size:>5} {nn:>8.2f} {sk:>8.2f} {lp:>8.2f} {sk / nn:>13.2f}x {lp / nn:>10.2f}x")
    train, matmul = gflops(args.repeats)
    print(f"width 1000, batch 1000: nnlib sgd {train:.1f} GFLOP/s, np.matmul {matmul:.1f} GFLOP/s "
          f"-> {100 * train / matmul:.0f}% of matmul")


if __name__ == "__main__":
    main()
