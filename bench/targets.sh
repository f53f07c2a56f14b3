#!/usr/bin/env bash
# Checks comicterm against its speed and footprint targets (docs/performance.md) and prints
# one line per target: PASS or FAIL with the measured median. Exit status 1 if any fails.
# Timing targets live here and in the benches, never in tests.
#
#   bash bench/targets.sh           # everything (builds, benches, side-by-side; ~5 min)
#   QUICK=1 bash bench/targets.sh   # the cold first frame only
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
cargo build --release -q -p comicterm
CT="$CARGO_TARGET_DIR/release/comicterm"
OUT="$CARGO_TARGET_DIR/bench-targets"
mkdir -p "$OUT"
fail=0
check() { # name measured limit unit
  if python3 -c "import sys; sys.exit(0 if float('$2') < float('$3') else 1)"; then
    printf 'PASS  %-58s %8.2f %s (< %s)\n' "$1" "$2" "$4" "$3"
  else
    printf 'FAIL  %-58s %8.2f %s (< %s)\n' "$1" "$2" "$4" "$3"; fail=1
  fi
}
median() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][${2:-0}]['median']*1e3)" "$1"; }

# Cold first frame of page 1, whole process.
hyperfine -N -w 5 -r 40 --export-json "$OUT/cold.json" \
  "$CT render --page 1 --size 120x40 --format ansi" >/dev/null 2>&1
check "first full frame of page 1, 120x40, whole process" "$(median "$OUT/cold.json")" 40 ms
[ -n "${QUICK:-}" ] && exit $fail

# Page turns with prepared art (divan medians).
cargo bench -q -p comicterm --bench frame -- page_turn > "$OUT/frame.txt" 2>&1
turn() { # size -> median in ms
  python3 - "$OUT/frame.txt" "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for line in text.splitlines():
    if sys.argv[2] in line and "│" in line:
        cols = [c.strip() for c in line.split("│")]
        m = re.match(r"([\d.]+)\s*(ns|µs|us|ms|s)", cols[3])
        scale = {"ns": 1e-6, "µs": 1e-3, "us": 1e-3, "ms": 1, "s": 1e3}[m.group(2)]
        print(float(m.group(1)) * scale)
        break
PY
}
check "page turn, prepared art, 120x40 (update+draw+diff)" "$(turn 120x40)" 1 ms
# Issue 14 tightened 240x70 from 2 ms to 1.5 ms (not met yet: docs/performance.md).
check "page turn, prepared art, 240x70 (update+draw+diff)" "$(turn 240x70)" 1.5 ms

# Synthetic stories: load time and peak memory.
cargo bench -q -p comicterm --bench scale > "$OUT/scale.txt" 2>&1
row() { awk -v n="$1" -F'|' '$1+0 == n {print}' "$OUT/scale.txt"; }
load10k=$(row 10000 | awk -F'|' '{print $2+0}')
peak16=$(row 16 | awk -F'|' '{print $3+0}')
paging=$(row 10000 | awk -F'|' '{print $4+0}')
check "load of the 10,000-panel story" "$load10k" 300 ms
check "peak memory paging through the 10,000-panel story" "$paging" 100 MB
check "peak memory of the 16-panel story (load + page 1)" "$peak16" 40 MB

# One panel to 120x40 half-blocks, whole process, against chafa and viu (and the photo
# folder, page by page): every picture faster than both; the 1024² PNG at most 0.75x viu;
# the 12 MP JPEG at most 0.5x the faster peer, in at most 40 MB.
bash bench/compare.sh > "$OUT/compare.txt"
cat "$OUT/compare.txt"
python3 - "$OUT/compare.txt" <<'PY' || fail=1
import sys
ok = True
def check(good, what):
    global ok
    ok &= good
    print(("PASS" if good else "FAIL") + "  " + what)
for block in open(sys.argv[1]).read().split("\n== ")[1:]:
    lines = block.splitlines()
    name = lines[0].split(" (")[0]
    rows = {l.split()[0]: l.split() for l in lines[2:] if l.strip()}
    ms = {t: float(r[1]) for t, r in rows.items()}
    best = min(ms["chafa"], ms["viu"])
    check(ms["comicterm"] < best, f"faster than chafa and viu: {name} ({ms['comicterm']:.1f} ms, best peer {best:.1f})")
    if "1024x1024.png" in name:
        r = ms["comicterm"] / ms["viu"]
        check(r <= 0.75, f"1024² PNG at most 0.75x viu: {r:.2f}x")
    if name.endswith(".jpg"):
        r = ms["comicterm"] / best
        check(r <= 0.5, f"12 MP JPEG at most 0.5x the best peer: {r:.2f}x")
        mb = float(rows["comicterm"][5])
        check(mb <= 40, f"12 MP JPEG peak RSS at most 40 MB: {mb:.1f} MB")
sys.exit(0 if ok else 1)
PY
exit $fail
