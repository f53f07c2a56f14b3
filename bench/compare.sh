#!/usr/bin/env bash
# Side by side: one picture rendered to a 120x40 cell area in half-blocks, whole process,
# by comicterm, chafa and viu. Prints medians (hyperfine), ratios and output bytes.
#
#   bash bench/compare.sh            # shipped art (assets/05-roses.png) and a large detailed PNG
#   RUNS=50 bash bench/compare.sh    # more runs
#
# Installs what it lacks: hyperfine and chafa from Debian, viu from Debian if it has it,
# else from crates.io (`cargo install viu`). Target (docs/performance.md): comicterm faster
# than both on every picture.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
SIZE=120x40
need_apt() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2"; }; }
need_apt hyperfine hyperfine
need_apt chafa chafa
need_apt python3 python3
if ! command -v viu >/dev/null; then
  if apt-cache policy viu 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get install -y -qq viu
  else
    cargo install viu --locked
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --release -q -p comicterm
CT="$CARGO_TARGET_DIR/release/comicterm"
OUT="$CARGO_TARGET_DIR/bench-compare"
mkdir -p "$OUT"
BIG="$OUT/detailed-2048x1536.png"
[ -s "$BIG" ] || python3 bench/make_png.py "$BIG" 2048 1536

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: $($CT --version), $(chafa --version | head -1), $(viu --version)"
for img in assets/05-roses.png "$BIG"; do
  w=${SIZE%x*}; h=${SIZE#*x}
  names=(comicterm chafa viu)
  cmds=(
    "$CT render $img --size $SIZE --format ansi"
    "chafa -f symbols --symbols vhalf -c full --size $SIZE $img"
    "viu -b -w $w -h $h $img"
  )
  echo
  echo "== $img ($(python3 -c "import struct,sys;d=open(sys.argv[1],'rb').read(24);print('%dx%d'%struct.unpack('>II',d[16:24]))" "$img"), $(stat -c %s "$img") bytes)"
  hyperfine -N -w 3 -r "$RUNS" --export-json "$OUT/result.json" "${cmds[@]}" >/dev/null 2>&1
  bytes=()
  for c in "${cmds[@]}"; do bytes+=("$($c </dev/null | wc -c)"); done
  python3 - "$OUT/result.json" "${names[@]}" -- "${bytes[@]}" <<'PY'
import json, sys
args = sys.argv[2:]
sep = args.index("--")
names, sizes = args[:sep], args[sep + 1:]
res = json.load(open(sys.argv[1]))["results"]
med = [r["median"] * 1e3 for r in res]
print(f"{'tool':<10} {'median ms':>10} {'vs comicterm':>13} {'user+sys ms':>12} {'output bytes':>13}")
for n, r, m, b in zip(names, res, med, sizes):
    cpu = (r["user"] + r["system"]) * 1e3
    print(f"{n:<10} {m:>10.1f} {m / med[0]:>12.2f}x {cpu:>12.1f} {int(b):>13}")
PY
done
