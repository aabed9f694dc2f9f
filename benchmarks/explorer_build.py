"""Explorer construction: how long each explorer takes to build (what a chapter waits for).

Run with ``make bench`` (or ``python benchmarks/explorer_build.py``).  Every
explorer in ``nnlib.explorers`` is built with its defaults, as the chapters
build them (the SGD explorer trains its 42 runs then), repeatedly and
interleaved; the script prints the median and the range in seconds, and
exits with status 1 if any median exceeds TARGET_S (issue 13).
"""
import argparse
import time

import numpy as np

import nnlib.explorers as explorers

TARGET_S = 1.0     # seconds: the most any explorer may take to build


def build_times(repeats):
    """{explorer name: [seconds, one per repeat]}, interleaved."""
    times = {name: [] for name in explorers.__all__}
    for _ in range(repeats):
        for name in times:
            start = time.perf_counter()
            getattr(explorers, name)()
            times[name].append(time.perf_counter() - start)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="interleaved repeats (>= 5)")
    args = parser.parse_args()
    if args.repeats < 5:
        parser.error(f"--repeats must be >= 5, got {args.repeats}")
    getattr(explorers, explorers.__all__[0])()        # warm-up: imports, data loading
    times = build_times(args.repeats)
    print(f"explorer construction, seconds, median (range) of {args.repeats} interleaved "
          f"repeats; target <= {TARGET_S:g} s")
    missed = []
    for name, t in times.items():
        median = float(np.median(t))
        flag = "" if median <= TARGET_S else "  MISSED"
        missed += [name] if flag else []
        print(f"{name:<22} {median:>7.3f}  ({min(t):.3f}-{max(t):.3f}){flag}")
    if missed:
        print(f"MISSED: {', '.join(missed)} take longer than {TARGET_S:g} s to build")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
