"""Dask distributed's side of compare-with-dask.sh: the graphs of TinyTasks.cs on a local cluster of the same size.

Usage: dask_side.py WORKERS REPEATS
Prints one line per graph: its name, tasks, the median wall time of REPEATS computes and the time per task.
"""
import statistics
import sys
import time

import dask
from dask.distributed import Client, LocalCluster


@dask.delayed(pure=False)
def increment(value):
    return value + 1


@dask.delayed(pure=False)
def total(values):
    return sum(values)


def wide(width):
    return total([increment(i) for i in range(width)]), width + 1


def chain(length):
    value = increment(0)
    for _ in range(1, length):
        value = increment(value)
    return value, length


def measure(client, name, build, size, repeats, **compute):
    times = []
    for _ in range(repeats):
        graph, tasks = build(size)  # impure tasks: every compute runs them again
        started = time.perf_counter()
        graph.compute(**compute)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    print(f"dask {name}: {tasks} tasks, median {median * 1000:.1f} ms of {repeats}, {median / tasks * 1e6:.0f} us per task", flush=True)


def main():
    workers, repeats = int(sys.argv[1]), int(sys.argv[2])
    # Worker processes with one thread each: the 2-silo cluster's shape (a silo per process).
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        measure(client, "wide-10000", wide, 10_000, repeats)
        measure(client, "chain-1000 (graph optimized: fused)", chain, 1_000, repeats)
        measure(client, "chain-1000 (optimize_graph=False)", chain, 1_000, repeats, optimize_graph=False)


if __name__ == "__main__":
    main()
