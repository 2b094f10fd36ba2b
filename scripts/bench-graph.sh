#!/usr/bin/env bash
# Graph build and every metric at 1k, 10k and 100k synthetic actors, nordgov beside networkx and
# python-igraph on the same graph (nordgov exports it as GraphML; both Python libraries read it),
# in one run, printing seconds and the ratios. O(V E) metrics stop at 10k actors.
# Needs python3 with networkx, numpy, scipy and igraph (pip install networkx numpy scipy igraph).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --no-run --bench graph_stages >/dev/null 2>&1
bin=$(ls -t target/release/deps/graph_stages-* | grep -v '\.d$' | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in ${NORDGOV_SIZES:-1000 10000 100000}; do
  NORDGOV_N=$n NORDGOV_GRAPHML=$tmp/g.graphml "$bin" > "$tmp/rust.json"
  python3 scripts/bench_graph.py "$tmp/g.graphml" 10000 > "$tmp/py.json"
  python3 - "$tmp/rust.json" "$tmp/py.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); p = json.load(open(sys.argv[2]))
print(f"\n{r['actors']} actors, {r['edges']} edges (seconds; ratio = other / nordgov)")
print(f"{'metric':22} {'nordgov':>10} {'networkx':>10} {'ratio':>8} {'igraph':>10} {'ratio':>8}")
for k, v in r.items():
    if k in ("actors", "edges"):
        continue
    nx_t = p["networkx"].get(k); ig_t = p["igraph"].get(k)
    f = lambda t: f"{t:10.5f}" if t is not None else f"{'-':>10}"
    ratio = lambda t: f"{t / v:8.1f}" if t is not None and v > 0 else f"{'-':>8}"
    print(f"{k:22} {v:10.5f} {f(nx_t)} {ratio(nx_t)} {f(ig_t)} {ratio(ig_t)}")
PY
done
