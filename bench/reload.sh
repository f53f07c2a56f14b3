#!/usr/bin/env bash
# Live reload latency: from a save of a panel file to the new text on screen, the real viewer
# in tmux on a `comicterm new` story (200 ms of quiet, then the load and a frame). Prints
# each run and the median; nothing is asserted.
#
#   bash bench/reload.sh            # release build, 20 saves
#   RUNS=5 BIN=target/debug/comicterm bash bench/reload.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BIN:-}" ]; then
  cargo build --release -q -p comicterm
  BIN=${CARGO_TARGET_DIR:-target}/release/comicterm
fi
BIN=$(realpath "$BIN")
RUNS=${RUNS:-20}
work=$(mktemp -d)
sock="comicterm-reload-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; sleep 0.5; rm -rf "$work"' EXIT
"$BIN" new "$work/story" >/dev/null
tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 \
  "env HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config COMICTERM_COVER=off '$BIN' '$work/story'; sleep 30"
until tmux -L "$sock" capture-pane -p | grep -q "To be continued"; do sleep 0.05; done
times=()
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  sed -i "s/To be continued[^\"]*\"/To be continued $i\"/" "$work/story/panels/02-end.toml"
  until tmux -L "$sock" capture-pane -p | grep -q "To be continued $i"; do sleep 0.005; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "save $i: ${ms} ms"
  sleep 0.3
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median save-to-screen: ${median} ms over $RUNS saves (load $(cut -d' ' -f1 /proc/loadavg))"
