#!/usr/bin/env bash
# Every pipeline stage (load+validate, graph build, each metric, every matrix kind, compare,
# scenario apply+diff, DOT text, the report without diagram layout) at 1k, 10k, 100k and 1M
# synthetic actors in one run, side by side: seconds (best of R runs), the stage's peak heap in MB
# above what was live when it started, and the time ratio per 10x of size between consecutive
# sizes. A ratio above 12 is marked `!` except for betweenness and closeness (O(V E) by nature).
#
# One process per size (benches/scale.rs), so each size's peak RSS is its own; the sizes run one
# after the other, never in parallel. Stages with an O(V E) part run only up to a cap and show
# `skip` above it: NORDGOV_QUADRATIC_MAX (100000: betweenness, closeness, all metrics),
# NORDGOV_REPORT_MAX (100000), NORDGOV_DIFF_MAX (1000000); NORDGOV_REACH_MAX,
# NORDGOV_DOT_ORG_MAX and NORDGOV_DOT_STEERING_MAX (1000000) shorten a run.
# NORDGOV_RUNS overrides the runs per stage (5 up to 10k, 3 up to 100k, 1 above); a stage stops
# repeating after NORDGOV_STAGE_BUDGET seconds (10).
#
# Usage: scripts/bench-scale.sh                      # NORDGOV_SIZES="1000 10000 100000 1000000"
#        NORDGOV_SIZES="1000 10000" scripts/bench-scale.sh
# Each size's JSON is kept in target/bench-scale/<actors>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
if ! cargo bench --no-run --bench scale >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 1
fi
bin=$(sed -n 's/.*Executable .*(\(.*\))$/\1/p' "$build_log" | tail -1)
out=target/bench-scale
mkdir -p "$out"
files=()
for n in ${NORDGOV_SIZES:-1000 10000 100000 1000000}; do
  echo "==> $n actors" >&2
  start=$(date +%s.%N)
  if ! NORDGOV_N=$n "$bin" >"$out/$n.json" 2>"$out/$n.log"; then
    cat "$out/$n.log" >&2
    exit 1
  fi
  echo "    $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s" >&2
  files+=("$out/$n.json")
done
python3 - "${files[@]}" <<'PY'
import json, math, sys

runs = [json.load(open(f)) for f in sys.argv[1:]]
QUADRATIC = ("betweenness", "betweenness (weighted)", "closeness")  # allowed to grow faster

def size(n):
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)

def secs(t):
    return f"{t:.3g}" if t >= 1e-4 else f"{t:.1e}"

def mb(m):
    return f"{m:.0f}" if m >= 10 else f"{m:.2f}" if m < 1 else f"{m:.1f}"

names = list(runs[0]["stages"])
for r in runs[1:]:
    names += [k for k in r["stages"] if k not in names]
header = ["stage"]
for i, r in enumerate(runs):
    header += [f"{size(r['actors'])} s", f"{size(r['actors'])} MB"]
    if i + 1 < len(runs):
        header.append(f"x/10x")
rows = []
for name in names:
    row = [name]
    for i, r in enumerate(runs):
        st = r["stages"].get(name, {"skipped": "-"})
        row += ["skip", "-"] if "skipped" in st else [secs(st["secs"]), mb(st["peak_mb"])]
        if i + 1 < len(runs):
            a, b = st, runs[i + 1]["stages"].get(name, {"skipped": "-"})
            if "skipped" in a or "skipped" in b or a["secs"] <= 0:
                row.append("")
            else:
                # Normalised to a 10x step whatever the two sizes are.
                step = math.log10(runs[i + 1]["actors"] / r["actors"])
                ratio = (b["secs"] / a["secs"]) ** (1 / step) if step > 0 else float("nan")
                flag = "!" if ratio > 12 and name not in QUADRATIC else " "
                row.append(f"{ratio:.1f}{flag}")
    rows.append(row)
footer = []
for key, label, fmt in [
    ("edges", "graph edges (all, simple)", str),
    ("text_mb", "model text MB", mb),
    ("heap_peak_mb", "process peak heap MB", mb),
    ("rss_peak_mb", "process peak RSS MB (VmHWM)", mb),
    ("wall_secs", "run wall s (setup + all runs)", lambda v: f"{v:.1f}"),
]:
    row = [label]
    for i, r in enumerate(runs):
        row += [fmt(r[key]), ""]
        if i + 1 < len(runs):
            row.append("")
    footer.append(row)
widths = [max(len(str(row[j])) for row in [header] + rows + footer) for j in range(len(header))]
def line(row):
    return "  ".join(str(c).ljust(widths[0]) if j == 0 else str(c).rjust(widths[j]) for j, c in enumerate(row))
runs_note = ", ".join(f"{size(r['actors'])}: best of {r['runs']}" for r in runs)
print(f"seconds per stage ({runs_note}); MB = the stage's peak heap above what was live when it started;")
print("x/10x = time ratio per 10x of actors between neighbouring sizes, ! = above 12 (betweenness and closeness exempt);")
print("rows with + are sums of the stages named (peak = what running them in sequence needs)")
print()
print(line(header))
print(line(["-" * w for w in widths]))
for row in rows:
    print(line(row))
print(line(["-" * w for w in widths]))
for row in footer:
    print(line(row))
skipped = sorted({f"{k}: {v['skipped']}" for r in runs for k, v in r["stages"].items() if "skipped" in v})
if skipped:
    print()
    print("skipped above their cap: " + "; ".join(skipped))
short = [f"{k} at {size(r['actors'])}: {v['runs']}" for r in runs for k, v in r["stages"].items()
         if "runs" in v and 0 < v["runs"] < r["runs"] and "+" not in k and not k.startswith("(setup)")]
if short:
    print("fewer runs (NORDGOV_STAGE_BUDGET reached): " + "; ".join(short))
PY
