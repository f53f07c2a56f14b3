#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) on the stable toolchain, without a
# sanitizer, and prints the inputs run and crashes found per target.
#   fuzz/run.sh 60
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). Crashes are kept in
# fuzz/artifacts/TARGET/; the corpus grows in fuzz/corpus/TARGET/ (seeded from fuzz/seeds/).
set -uo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${1:-60}"
TARGETS="${TARGETS:-parse_story sanitize decode_image render_page render_diagnostics story_folder jpeg_dc}"
cargo fuzz build --sanitizer none -O >/dev/null || exit 1
status=0
for t in $TARGETS; do
  mkdir -p "corpus/$t" "artifacts/$t"
  seeds=()
  [ -d "seeds/$t" ] && seeds=("seeds/$t")
  log="$(mktemp)"
  cargo fuzz run --sanitizer none -O "$t" "corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -print_final_stats=1 >"$log" 2>&1
  rc=$?
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  [ -z "$runs" ] && runs=$(grep -oE '#[0-9]+' "$log" | tail -1 | tr -d '#')
  crashes=$(find "artifacts/$t" -type f | wc -l)
  echo "$t: ${runs:-0} inputs in ${SECONDS_EACH}s, exit $rc, $crashes crash file(s) in fuzz/artifacts/$t"
  if [ "$rc" -ne 0 ]; then
    status=1
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -20
  fi
  rm -f "$log"
done
exit $status
