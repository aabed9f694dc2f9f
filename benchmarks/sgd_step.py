"""Where the time of one SGD step goes, and the floor set by numpy's per-call overhead.

Run with ``make bench`` (or ``python benchmarks/sgd_step.py``).  One
mini-batch step of ``nnlib.sgd`` on [64, 30, 10] (sigmoid, mse) is a fixed
list of small numpy calls: the forward pass, the backward pass, the
divergence check and the update (``CALLS`` below, in the order the step makes
them).  For batch sizes 10 and 32 the script times, interleaved, median over
the repeats:

* ``step``: one step as sgd takes it (the inner loop of ``nnlib.optim._epoch``);
* each numpy call of the step on its own, on arrays of the same shapes;
* their sum, ``numpy calls``: what the step would cost if Python were free;
* ``dispatch floor``: the number of calls times the cost of the cheapest
  call numpy has (multiplying one-element arrays in place), i.e. what the step
  would cost if the arithmetic were free as well.

The gap between ``step`` and ``numpy calls`` is the Python around the calls
(function calls, attribute look-ups, slicing).  Times are the CPU time of
the process (on a shared machine, wall time adds whatever else ran), BLAS on
one thread as sgd runs it here.  There is no target: the script prints the
table (``--calls`` lists every call) and exits 0.
"""
import time
import timeit

import numpy as np
from scipy.special import expit

from _bench import parse_args
from nnlib import Network, load_digits
from nnlib.costs import get_cost
from nnlib.optim import Run, _blas_threads, _epoch
from nnlib.params import flat, views

SIZES = [64, 30, 10]


def calls(net, X, Y, m):
    """The numpy calls of one step on a batch of m rows, as (name, function) pairs."""
    (W1, W2), (b1, b2) = net.W, net.b
    x, y = X[:m], Y[:m]
    z1, a1 = x @ W1.T + b1, expit(x @ W1.T + b1)
    z2, a2 = a1 @ W2.T + b2, expit(a1 @ W2.T + b2)
    s2, s1 = a2 * (1 - a2), a1 * (1 - a1)             # real values: no denormals, no NaN
    d2 = (2.0 / m) * (a2 - y) * s2
    d1 = (d2 @ W2) * s1
    theta = flat(net).copy()
    grad = np.zeros_like(theta)
    gW, gb = views(SIZES, grad)
    return [
        ("z1 = x @ W1.T", lambda: x @ W1.T),
        ("z1 += b1", lambda: np.add(z1, b1, out=z1)),
        ("a1 = sigmoid(z1)", lambda: expit(z1)),
        ("z2 = a1 @ W2.T", lambda: a1 @ W2.T),
        ("z2 += b2", lambda: np.add(z2, b2, out=z2)),
        ("a2 = sigmoid(z2)", lambda: expit(z2)),
        ("D = a2 - y", lambda: a2 - y),
        ("dC/da2 = (2/m) D", lambda: (2.0 / m) * d2),
        ("s2 = 1 - a2", lambda: 1.0 - a2),
        ("s2 *= a2", lambda: np.multiply(s2, a2, out=s2)),
        ("delta2 *= s2", lambda: np.multiply(d2, s2, out=d2)),
        ("grad_W2 = delta2.T @ a1", lambda: np.matmul(d2.T, a1, out=gW[1])),
        ("grad_b2 = sum(delta2)", lambda: d2.sum(axis=0, out=gb[1])),
        ("delta1 = delta2 @ W2", lambda: d2 @ W2),
        ("s1 = 1 - a1", lambda: 1.0 - a1),
        ("s1 *= a1", lambda: np.multiply(s1, a1, out=s1)),
        ("delta1 *= s1", lambda: np.multiply(d1, s1, out=d1)),
        ("grad_W1 = delta1.T @ x", lambda: np.matmul(d1.T, x, out=gW[0])),
        ("grad_b1 = sum(delta1)", lambda: d1.sum(axis=0, out=gb[0])),
        ("grad.sum() (divergence check)", lambda: grad.sum()),
        ("eta * grad", lambda: 3.0 * grad),
        ("theta -= ...", lambda: np.subtract(theta, grad, out=theta)),
    ]


def per_call(fn, number=2000):
    """CPU seconds per call of fn, from one timeit batch."""
    return timeit.timeit(fn, number=number, timer=time.process_time) / number


def step_time(net, X, Y, m, eta=3.0):
    """CPU seconds per step of one sgd epoch over X, Y (the real inner loop)."""
    run = Run(X, Y, 1, m, eta, get_cost("mse"), 0.0, 0.0, None, None, None, False)
    start = time.process_time()
    _epoch(net, X, Y, run)
    return (time.process_time() - start) / run.n_steps


def profile(m, repeats):
    data = load_digits()
    X, Y = data.X_train, data.Y_train
    net = Network(SIZES, seed=0)
    one = np.ones(1)
    named = calls(net, X, Y, m)
    steps, each, floor = [], {name: [] for name, _ in named}, []
    with _blas_threads(net, m):
        for _ in range(repeats):                         # interleaved repeats
            steps.append(step_time(net, X, Y, m))
            for name, fn in named:
                each[name].append(per_call(fn))
            floor.append(per_call(lambda: np.multiply(one, one, out=one), 20000))
    each = {name: float(np.median(t)) for name, t in each.items()}
    return float(np.median(steps)), each, float(np.median(floor))


def main():
    args = parse_args(__doc__, repeats=7, more=lambda p: p.add_argument(
        "--calls", action="store_true", help="list the time of every call"))
    print(f"one SGD step of {SIZES} (sigmoid, mse), CPU microseconds, median of {args.repeats} "
          f"interleaved repeats")
    print(f"{'batch':>5} {'step':>7} {'numpy calls':>12} {'Python':>7} {'calls':>6} "
          f"{'dispatch floor':>15} {'step / floor':>13}")
    for m in (10, 32):
        step, each, one = profile(m, args.repeats)
        total = sum(each.values())
        print(f"{m:>5} {1e6 * step:>7.1f} {1e6 * total:>12.1f} {1e6 * (step - total):>7.1f} "
              f"{len(each):>6} {1e6 * one * len(each):>15.1f} {step / (one * len(each)):>12.1f}x")
        if args.calls:
            for name, t in each.items():
                print(f"      {name:<32} {1e6 * t:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
