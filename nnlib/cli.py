"""The command line: ``python -m nnlib train``.

Flags are checked when they are read, so nonsense (``--epochs 0``,
``--eta nan``, ``--sizes 60 10``) stops at once with argparse's usage line and
a message, before any training.  A run that failed because eta was too large
says so, and exits with status 1, instead of printing an accuracy.
"""
import argparse
import math
import os
import sys
import time
import warnings

import numpy as np

from .activations import sigmoid_prime
from .checks import MAX_SEED
from .datasets import load_digits
from .network import Network
from .optim import DivergenceWarning, sgd

N_PIXELS, N_DIGITS = 64, 10
SATURATED = 1e-4     # median sigma'(z^(L)) below this: the outputs sit in the sigmoid's flat tails
CHANCE = 0.2         # training accuracy below this (guessing gets 0.1): nothing was learned


def _integer(low, high=None):
    """An argparse type: an integer from ``low`` (to ``high``)."""
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be an integer, got {text!r}") from None
        if value < low or (high is not None and value > high):
            limits = f"from {low} to {high}" if high is not None else f">= {low}"
            raise argparse.ArgumentTypeError(f"must be an integer {limits}, got {value}")
        return value
    return parse


def _positive_float(text):
    """An argparse type: a finite number > 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number > 0, got {text!r}") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"must be a finite number > 0, got {text}")
    return value


def _save_path(text):
    """An argparse type: a file name in a folder that exists (checked before training)."""
    folder = os.path.dirname(text) or "."
    if not os.path.isdir(folder):
        raise argparse.ArgumentTypeError(f"there is no folder {folder!r} to save into")
    return text


class _DigitSizes(argparse.Action):
    """--sizes: layer widths that fit the digits (64 pixels in, 10 digits out)."""

    def __call__(self, parser, namespace, sizes, option_string=None):
        if len(sizes) < 2 or sizes[0] != N_PIXELS or sizes[-1] != N_DIGITS:
            raise argparse.ArgumentError(
                self, f"must start with {N_PIXELS} (the pixels of an 8x8 image) and end with "
                      f"{N_DIGITS} (one output per digit), e.g. 64 30 10; got "
                      f"{' '.join(map(str, sizes))}")
        setattr(namespace, self.dest, sizes)


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m nnlib",
        description="Train a feedforward network on scikit-learn's 8x8 digits.")
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser(
        "train", help="train a network on the digits and print its test accuracy",
        description="Train a sigmoid network with mini-batch SGD on the MSE cost, "
                    "on scikit-learn's bundled 8x8 digits (1437 train, 360 test rows).")
    train.add_argument("--sizes", type=_integer(1), nargs="+", default=[64, 30, 10],
                       action=_DigitSizes,
                       help="layer widths, input first; must start with 64 and end "
                            "with 10 for the digits (default: 64 30 10)")
    train.add_argument("--epochs", type=_integer(1), default=30,
                       help="passes over the training data, >= 1 (default: 30)")
    train.add_argument("--batch-size", type=_integer(1), default=10,
                       help="samples per mini-batch, >= 1 (default: 10)")
    train.add_argument("--eta", type=_positive_float, default=3.0,
                       help="learning rate eta > 0 (default: 3.0)")
    train.add_argument("--seed", type=_integer(0, MAX_SEED), default=0,
                       help="seed for the initial weights, the shuffling and the "
                            "train/test split (default: 0)")
    train.add_argument("--save", metavar="PATH", type=_save_path,
                       help="save the trained network to this .npz file")
    train.add_argument("--no-progress", action="store_true",
                       help="do not show a progress bar")
    return parser


def failure(history, net, X, eta):
    """Why training failed, in plain words, or None if it did not.

    It failed if the cost became non-finite (``history.diverged``), or if the
    first steps were so large that the sigmoid outputs saturated: they sit in
    the flat tails, sigma'(z) ~ 0, so the gradient vanishes and nothing more
    is learned (see "The learning rate on the digits network" in the
    optimizers chapter).
    """
    advice = f"Try a smaller learning rate, e.g. --eta {3 if eta > 3 else eta / 10:g}."
    if history.diverged:
        d = history.diverged
        return (f"training diverged at epoch {d['epoch']}, step {d['step']}: the cost became\n"
                f"infinite or NaN, because eta = {eta:g} is too large.\n{advice}")
    zs, _ = net.forward_all(X)
    saturated = float(np.median(sigmoid_prime(zs[-1]))) < SATURATED
    if saturated and history.accuracy and history.accuracy[-1] < CHANCE:
        return (f"training failed: eta = {eta:g} is too large.\n"
                f"The first steps threw the output neurons into the flat tails of the sigmoid,\n"
                f"where the gradient vanishes (saturation: a sigmoid network does not diverge\n"
                f"to infinity, it gets stuck). After {len(history.cost)} epochs the training cost "
                f"is {history.cost[-1]:.3f}\nand the training accuracy {history.accuracy[-1]:.3f}, "
                f"no better than guessing.\n{advice}")
    return None


def train(args):
    data = load_digits(seed=args.seed)
    net = Network(args.sizes, seed=args.seed)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DivergenceWarning)    # reported below, in words
        history = sgd(net, data.X_train, data.Y_train, args.epochs, args.batch_size,
                      args.eta, seed=args.seed, X_val=data.X_test, Y_val=data.Y_test,
                      progress=not args.no_progress)
    seconds = time.perf_counter() - start
    why = failure(history, net, data.X_train, args.eta)
    if why:
        print(why, file=sys.stderr)
        return 1
    print(f"trained {net} for {args.epochs} epochs in {seconds:.1f} s")
    print(f"test accuracy: {net.accuracy(data.X_test, data.Y_test):.4f}")
    if args.save:
        from .io import save
        print(f"saved to {save(net, args.save)}")
    return 0


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        return train(args)
    except (ValueError, TypeError, OSError) as err:
        print(f"python -m nnlib train: error: {err}", file=sys.stderr)
        return 2
