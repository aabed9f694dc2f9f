"""What the benchmark scripts share: the --repeats argument and the verdict.

Not a benchmark itself (`make bench` runs ``benchmarks/[!_]*.py``).
"""
import argparse


def parse_args(doc, repeats=5, more=None):
    """The script's arguments: ``--repeats`` (>= 5, interleaved), and ``more(parser)``'s."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=repeats, help="interleaved repeats (>= 5)")
    if more is not None:
        more(parser)
    args = parser.parse_args()
    if args.repeats < 5:
        parser.error(f"--repeats must be >= 5, got {args.repeats}")
    return args


def verdict(missed, what):
    """Print what missed its target; return the exit status (1 if anything did)."""
    if missed:
        print(f"MISSED: {what}: {', '.join(str(m) for m in missed)}")
        return 1
    return 0
