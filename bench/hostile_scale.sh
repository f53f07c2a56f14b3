#!/usr/bin/env bash
# Prints the hostile-scale figures of the release binary: `comicterm check` on stories grown
# 1x, 10x and 100x in one dimension at a time (diagnostics per file and in all, known ids in
# hints, long lines, values per file, whole-story size, valid generated stories), with time,
# the child's peak memory and the size of the report. The same tests run unoptimized in
# `cargo test`; this runs them on the optimized build (README, "Reliability").
#
#   bash bench/hostile_scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release -q -p comicterm --test hostile scale:: -- --nocapture --test-threads 1 2>&1 |
  grep -E '^(test |[a-z].*  input )' | sed -E 's/^test [a-z_:]+ \.\.\. //'
