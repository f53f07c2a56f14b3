#!/usr/bin/env bash
# Side by side: one picture rendered to a 120x40 cell area in half-blocks, whole process,
# by comicterm, chafa and viu. Prints medians (hyperfine), ratios, output bytes and peak RSS.
# Then a photo folder: 50 generated 4000x3000 JPEGs, each page rendered by its own process
# (as a reader paging with each tool would), time per page and the largest peak RSS.
#
#   bash bench/compare.sh            # shipped art, 1024² and 2048×1536 PNGs, a 12 MP JPEG, folder
#   RUNS=50 bash bench/compare.sh    # more runs
#   FOLDER=0 bash bench/compare.sh   # without the photo folder (it takes a few minutes)
#
# Fixtures are generated into target/bench-compare (bench/make_png.py; bench/make_jpeg.py,
# which needs Pillow: python3-pil from Debian), never committed.
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
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
# Pillow for the JPEG fixtures: Debian's, so use Debian's python3 for it.
PYPIL=/usr/bin/python3
"$PYPIL" -c 'import PIL' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-pil; }
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
MID="$OUT/detailed-1024x1024.png"
[ -s "$MID" ] || python3 bench/make_png.py "$MID" 1024 1024
PHOTO="$OUT/photo-4000x3000.jpg"
[ -s "$PHOTO" ] || "$PYPIL" bench/make_jpeg.py "$PHOTO" 4000 3000
PHOTOS="$OUT/photos"
if [ "${FOLDER:-1}" != 0 ] && [ "$(ls "$PHOTOS" 2>/dev/null | wc -l)" != 50 ]; then
  rm -rf "$PHOTOS" && mkdir -p "$PHOTOS" && "$PYPIL" bench/make_jpeg.py --folder "$PHOTOS" 50 4000 3000
fi
# Peak RSS in MB of a command (its largest process), run once. GNU time, not a Python
# wrapper: Linux keeps a forked child's high-water mark across exec, so a wrapper's own size
# would show up in every figure.
peak() {
  /usr/bin/time -f %M -o "$OUT/peak.txt" "$@" </dev/null >/dev/null 2>&1 || true
  python3 -c 'import sys; print(int(open(sys.argv[1]).read().split()[-1]) / 1024)' "$OUT/peak.txt"
}
# Pixel size of a PNG or JPEG, from its header.
dims() {
  python3 - "$1" <<'PY'
import struct, sys
d = open(sys.argv[1], "rb").read()
if d[:8] == b"\x89PNG\r\n\x1a\n":
    print("%dx%d" % struct.unpack(">II", d[16:24]))
else:
    i = 2
    while i < len(d):
        m, n = d[i + 1], struct.unpack(">H", d[i + 2:i + 4])[0]
        if 0xC0 <= m <= 0xCF and m not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", d[i + 5:i + 9])
            print(f"{w}x{h}")
            break
        i += 2 + n
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: $($CT --version), $(chafa --version | head -1), $(viu --version)"
for img in assets/05-roses.png "$MID" "$BIG" "$PHOTO"; do
  w=${SIZE%x*}; h=${SIZE#*x}
  names=(comicterm chafa viu)
  cmds=(
    "$CT render $img --size $SIZE --format ansi"
    "chafa -f symbols --symbols vhalf -c full --size $SIZE $img"
    "viu -b -w $w -h $h $img"
  )
  echo
  echo "== $img ($(dims "$img"), $(stat -c %s "$img") bytes)"
  hyperfine -N -w 3 -r "$RUNS" --export-json "$OUT/result.json" "${cmds[@]}" >/dev/null 2>&1
  bytes=() peaks=()
  for c in "${cmds[@]}"; do
    bytes+=("$($c </dev/null | wc -c)")
    # shellcheck disable=SC2086 # the command's words
    peaks+=("$(peak $c)")
  done
  python3 bench/table.py "$OUT/result.json" 1 "${names[@]}" -- "${bytes[@]}" -- "${peaks[@]}"
done

[ "${FOLDER:-1}" = 0 ] && exit 0
# The photo folder, page by page: one process per page, as each tool is used for paging.
w=${SIZE%x*}; h=${SIZE#*x}
cat > "$OUT/pages-comicterm.sh" <<SH
for i in \$(seq 1 50); do "$CT" render "$PHOTOS" --page \$i --size $SIZE --format ansi; done
SH
cat > "$OUT/pages-chafa.sh" <<SH
for f in "$PHOTOS"/*.jpg; do chafa -f symbols --symbols vhalf -c full --size $SIZE "\$f"; done
SH
cat > "$OUT/pages-viu.sh" <<SH
for f in "$PHOTOS"/*.jpg; do viu -b -w $w -h $h "\$f"; done
SH
echo
echo "== photo folder (50 JPEGs, 4000x3000, $(du -sm "$PHOTOS" | cut -f1) MB; per page)"
hyperfine -N -w 1 -r "${FOLDER_RUNS:-3}" --export-json "$OUT/folder.json" \
  "bash $OUT/pages-comicterm.sh" "bash $OUT/pages-chafa.sh" "bash $OUT/pages-viu.sh" >/dev/null 2>&1
bytes=() peaks=()
for t in comicterm chafa viu; do
  bytes+=("$(bash "$OUT/pages-$t.sh" </dev/null | wc -c)")
  peaks+=("$(peak bash "$OUT/pages-$t.sh")")
done
python3 bench/table.py "$OUT/folder.json" 50 comicterm chafa viu -- "${bytes[@]}" -- "${peaks[@]}"
