"""Explorer construction: how long each explorer takes to build (what a chapter waits for).

Run with ``make bench`` (or ``python benchmarks/explorer_build.py``).  Every
explorer in ``nnlib.explorers`` is built with its defaults, as the chapters
build them (the SGD explorer trains its 42 runs then), repeatedly and
interleaved; the script prints the median and the range in seconds, and
exits with status 1 if any median exceeds TARGET_S (issue 13).
"""
import resource
import time

import numpy as np

import nnlib.explorers as explorers
from _bench import parse_args, verdict

TARGET_S = 1.0     # seconds: the most any explorer may take to build


def cpu_time():
    """CPU seconds of this process and of its finished child processes (the SGD
    explorer trains its batch sizes in worker processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def build_times(repeats):
    """{explorer name: [(wall s, cpu s), one per repeat]}, interleaved."""
    times = {name: [] for name in explorers.__all__}
    for _ in range(repeats):
        for name in times:
            wall, cpu = time.perf_counter(), cpu_time()
            getattr(explorers, name)()
            times[name].append((time.perf_counter() - wall, cpu_time() - cpu))
    return times


def main():
    args = parse_args(__doc__)
    getattr(explorers, explorers.__all__[0])()        # warm-up: imports, data loading
    times = build_times(args.repeats)
    print(f"explorer construction, seconds, median (range) of {args.repeats} interleaved "
          f"repeats; target <= {TARGET_S:g} s (wall; CPU time beside it, worker processes included)")
    print(f"{'explorer':<22} {'wall':>7} {'(range)':>15} {'cpu':>7}")
    missed = []
    for name, t in times.items():
        wall, cpu = np.array(t).T
        median = float(np.median(wall))
        flag = "" if median <= TARGET_S else "  MISSED"
        missed += [name] if flag else []
        print(f"{name:<22} {median:>7.3f} {f'({wall.min():.3f}-{wall.max():.3f})':>15} "
              f"{np.median(cpu):>7.3f}{flag}")
    return verdict(missed, f"longer than {TARGET_S:g} s to build")


if __name__ == "__main__":
    raise SystemExit(main())
