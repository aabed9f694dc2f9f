"""The command line: ``python -m nnlib train``."""
import argparse
import time

from .datasets import load_digits
from .network import Network
from .optim import sgd


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m nnlib",
        description="Train a feedforward network on scikit-learn's 8x8 digits.")
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser(
        "train", help="train a network on the digits and print its test accuracy",
        description="Train a sigmoid network with mini-batch SGD on the MSE cost, "
                    "on scikit-learn's bundled 8x8 digits (1437 train, 360 test rows).")
    train.add_argument("--sizes", type=int, nargs="+", default=[64, 30, 10],
                       help="layer widths, input first; must start with 64 and end "
                            "with 10 for the digits (default: 64 30 10)")
    train.add_argument("--epochs", type=int, default=30,
                       help="passes over the training data (default: 30)")
    train.add_argument("--batch-size", type=int, default=10,
                       help="samples per mini-batch (default: 10)")
    train.add_argument("--eta", type=float, default=3.0,
                       help="learning rate eta (default: 3.0)")
    train.add_argument("--seed", type=int, default=0,
                       help="seed for the initial weights, the shuffling and the "
                            "train/test split (default: 0)")
    train.add_argument("--save", metavar="PATH",
                       help="save the trained network to this .npz file")
    train.add_argument("--no-progress", action="store_true",
                       help="do not show a progress bar")
    return parser


def train(args):
    data = load_digits(seed=args.seed)
    net = Network(args.sizes, seed=args.seed)
    start = time.perf_counter()
    history = sgd(net, data.X_train, data.Y_train, args.epochs, args.batch_size,
                  args.eta, seed=args.seed, X_val=data.X_test, Y_val=data.Y_test,
                  progress=not args.no_progress)
    seconds = time.perf_counter() - start
    if history.diverged:
        print(f"training diverged: {history.diverged}")
        return 1
    print(f"trained {net} for {args.epochs} epochs in {seconds:.1f} s")
    print(f"test accuracy: {net.accuracy(data.X_test, data.Y_test):.4f}")
    if args.save:
        from .io import save
        save(net, args.save)
        print(f"saved to {args.save}")
    return 0


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        return train(args)
    except (ValueError, TypeError) as err:
        print(f"error: {err}")
        return 2
