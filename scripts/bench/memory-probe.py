#!/usr/bin/env python3
"""Measures what it costs this machine to hand a process memory it has not used for a while.

Maps SIZE GB of anonymous memory in 4 KB pages and writes one byte to each page, 128 MB at a time,
timing each chunk. It prints the cost of each chunk in microseconds per page, then a summary line.

On bare metal every chunk costs about the same: the kernel zeroes a page. In a virtual machine whose
host takes back memory the guest has freed (free page reporting), the first touch of such memory also
waits for the host to supply a page, and chunks past the memory the guest still holds cost several
times more. A build that writes gigabytes (a 100k-module site) pays that on part of its output's page
cache and heap; a smaller build does not. See README.md ("What is measured").

    scripts/bench/memory-probe.py [SIZE_GB]      # default 6
"""

import mmap
import statistics
import sys
import time

PAGE = 4096
CHUNK = 128 << 20


def touch_chunks(size):
    """Microseconds per page for each CHUNK of a fresh SIZE-byte mapping, in order."""
    memory = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    if hasattr(mmap, "MADV_NOHUGEPAGE"):
        memory.madvise(mmap.MADV_NOHUGEPAGE)  # 4 KB pages, as the page cache uses
    costs = []
    try:
        for start in range(0, size, CHUNK):
            began = time.perf_counter()
            for offset in range(start, start + CHUNK, PAGE):
                memory[offset] = 1
            costs.append((time.perf_counter() - began) * 1e6 / (CHUNK // PAGE))
    finally:
        memory.close()
    return costs


def summary(costs):
    """One line: how much memory came at the first chunks' price, and what the rest cost."""
    gb = CHUNK / (1 << 30)
    cheap = statistics.median(costs[:2])
    dear = [index for index, cost in enumerate(costs) if cost > 3 * cheap]
    if not dear:
        return f"first touch of {len(costs) * gb:.1f} GB: {statistics.median(costs):.2f} µs a page throughout"
    first = dear[0]
    rest = costs[first:]
    return (
        f"first touch of {len(costs) * gb:.1f} GB: the first {first * gb:.1f} GB at {statistics.median(costs[:first]):.2f} µs a page, "
        f"the other {len(rest) * gb:.1f} GB at {statistics.median(rest):.2f} µs a page"
    )


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and not argv[1].isdigit()):
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    size_gb = int(argv[1]) if len(argv) == 2 else 6
    if size_gb < 1:
        print("memory-probe: SIZE_GB must be at least 1", file=sys.stderr)
        return 2
    costs = touch_chunks(size_gb << 30)
    print("µs a page, by 128 MB chunk: " + " ".join(f"{cost:.1f}" for cost in costs))
    print("memory probe: " + summary(costs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
