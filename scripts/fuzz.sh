#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/fuzz_targets: model_file, model_dir, scenario, diff) for
# SECONDS each, one after the other, from the seed corpus `cargo test` replays (bundled models,
# invalid fixtures, scenarios). Inputs that crash, hang (over 10 s) or use over 2 GB land in
# fuzz/artifacts/TARGET/; copy each into fuzz/regressions/TARGET/ once fixed, so `cargo test`
# replays it for ever. The growing corpus stays in fuzz/work/ (not committed).
#
# Usage: scripts/fuzz.sh [SECONDS=1800] [TARGET ...]
#        NORDGOV_FUZZ_PARALLEL=1 scripts/fuzz.sh 1800   # all targets at once, a log each in fuzz/work/
# Needs cargo-fuzz (`cargo install cargo-fuzz`). The machine has only a stable toolchain:
# RUSTC_BOOTSTRAP=1 lets it accept the -Z flags cargo-fuzz passes, and `-s none` leaves out the
# address sanitizer (nordgov has no unsafe code of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(model_file model_dir scenario diff)
export RUSTC_BOOTSTRAP=1
rm -rf fuzz/work/seeds
NORDGOV_FUZZ_SEEDS="$PWD/fuzz/work/seeds" cargo test -q --test cli fuzz_replay >/dev/null
run() {
  local t=$1
  mkdir -p "fuzz/work/corpus/$t" "fuzz/regressions/$t"
  echo "==> $t for ${secs} s"
  (cd fuzz && cargo fuzz run -s none -O "$t" "work/corpus/$t" "work/seeds/$t" "../fuzz/regressions/$t" -- \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tail -20) ||
    echo "==> $t stopped on a finding: see fuzz/artifacts/$t/"
}
(cd fuzz && cargo fuzz build -s none -O)
if [ -n "${NORDGOV_FUZZ_PARALLEL:-}" ]; then
  for t in "${targets[@]}"; do run "$t" >"fuzz/work/$t.log" 2>&1 & done
  wait
  for t in "${targets[@]}"; do cat "fuzz/work/$t.log"; done
else
  for t in "${targets[@]}"; do run "$t"; done
fi
