#!/usr/bin/env python3
"""Prints one block of bench/compare.sh: hyperfine's medians per tool (divided by PER, the
pictures a run shows), the ratio to comicterm, CPU time, output bytes and peak RSS.

usage: table.py RESULT.json PER NAME... -- BYTES... -- PEAK_MB...
"""
import json
import sys

args = sys.argv[3:]
a = args.index("--")
b = args.index("--", a + 1)
names, sizes, peaks = args[:a], args[a + 1:b], args[b + 1:]
per = int(sys.argv[2])
res = json.load(open(sys.argv[1]))["results"]
med = [r["median"] * 1e3 / per for r in res]
print(f"{'tool':<10} {'median ms':>10} {'vs comicterm':>13} {'user+sys ms':>12} "
      f"{'output bytes':>13} {'peak MB':>8}")
for n, r, m, size, p in zip(names, res, med, sizes, peaks):
    cpu = (r["user"] + r["system"]) * 1e3 / per
    print(f"{n:<10} {m:>10.1f} {m / med[0]:>12.2f}x {cpu:>12.1f} {int(size):>13} {float(p):>8.1f}")
