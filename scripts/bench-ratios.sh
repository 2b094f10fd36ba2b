#!/usr/bin/env bash
# Instruction counts of parse and validate at 10k and 100k synthetic actors, and their ratio.
# Instructions (callgrind) are repeatable whatever else the machine does, so the ratio shows how
# the work grows, apart from cache and memory effects that wall-clock ratios also contain.
# Needs valgrind (apt-get install valgrind). Usage: scripts/bench-ratios.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --no-run --bench stages >/dev/null 2>&1
bin=$(ls -t target/release/deps/stages-* | grep -v '\.d$' | head -1)
declare -A count
for n in 10000 100000; do
  for stage in parse validate; do
    out=$(NORDGOV_STAGES_N=$n valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      --toggle-collect="nordgov::load::$stage::$stage" "$bin" 2>&1)
    count[$stage,$n]=$(echo "$out" | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
  done
done
printf '%-9s %16s %16s %8s\n' stage 10k 100k ratio
for stage in parse validate; do
  a=${count[$stage,10000]}; b=${count[$stage,100000]}
  printf '%-9s %16s %16s %8s\n' "$stage" "$a" "$b" "$(python3 -c "print(f'{$b/$a:.2f}')")"
done
