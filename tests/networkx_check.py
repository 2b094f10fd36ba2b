"""Recompute nordgov's network metrics with networkx and compare them, to 1e-9.

Usage: networkx_check.py GRAPHML METRICS_JSON EDGES
where GRAPHML is `nordgov export graphml`, METRICS_JSON is `nordgov metrics --format json`, and
EDGES is the edge set the metrics used (structural, steering, all). Exits 1 listing every
disagreement. The simple graph is built as nordgov builds it: the edges of the set, parallel
edges merged keeping the smallest weight, no self-loops.
"""
import json
import math
import sys

import networkx as nx

TOL = 1e-9


def simple(multi, keep):
    g = nx.DiGraph()
    g.add_nodes_from(multi.nodes(data=True))
    for u, v, d in multi.edges(data=True):
        if u == v or not keep(d):
            continue
        w = float(d["weight"])
        if g.has_edge(u, v):
            g[u][v]["weight"] = min(g[u][v]["weight"], w)
        else:
            g.add_edge(u, v, weight=w)
    return g


def main():
    graphml, metrics_path, edges = sys.argv[1:4]
    multi = nx.read_graphml(graphml, force_multigraph=True)
    ours = json.load(open(metrics_path, encoding="utf-8"))
    layer = {"structural": lambda d: d["layer"] == "structural", "steering": lambda d: d["layer"] == "steering", "all": lambda d: True}[edges]
    g = simple(multi, layer)
    n = g.number_of_nodes()
    theirs = {
        "in_degree": dict(g.in_degree()),
        "out_degree": dict(g.out_degree()),
        "betweenness": nx.betweenness_centrality(g),
        "betweenness_weighted": nx.betweenness_centrality(g, weight="weight"),
        "closeness": nx.closeness_centrality(g),
        "pagerank": nx.pagerank(g, alpha=0.85, weight=None, tol=1e-15, max_iter=100000),
        "constraint": nx.constraint(g),
    }
    for k in range(1, 6):
        sk = simple(multi, lambda d, k=k: d["layer"] == "steering" and int(d["instrument"]) <= k)
        theirs[f"reach_{k}"] = {v: len(nx.descendants(sk, v)) for v in sk.nodes}
    errors = []
    for actor in ours["actors"]:
        v = actor["id"]
        for key, table in theirs.items():
            if key.startswith("reach_"):
                mine = actor["reach"][int(key[-1]) - 1]
            else:
                mine = actor[key]
            want = table[v]
            if mine is None or (isinstance(want, float) and math.isnan(want)):
                if not (mine is None and isinstance(want, float) and math.isnan(want)):
                    errors.append(f"{v} {key}: nordgov {mine}, networkx {want}")
            elif abs(float(mine) - float(want)) > TOL:
                errors.append(f"{v} {key}: nordgov {mine}, networkx {want}")
    t = ours["totals"]
    und = nx.Graph(g)
    degrees = [d for _, d in und.degree()]
    freeman = sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2)) if n > 2 else 0.0
    central = [v for v, d in g.nodes(data=True) if d.get("central") in (True, "true", "True")]
    strong = simple(multi, lambda d: d["layer"] == "steering" and int(d["instrument"]) <= 2)
    reached = set()
    for c in central:
        reached |= nx.descendants(strong, c)
    others = n - len(central)
    share = len(reached - set(central)) / others if central and others else None
    hierarchy = simple(multi, lambda d: d["layer"] == "structural" and d["type"] in ("reports_to", "owned_by", "part_of"))
    country = {
        "nodes": n,
        "edges": g.number_of_edges(),
        "freeman_centralisation": freeman,
        "density": nx.density(g),
        "weak_components": nx.number_weakly_connected_components(g),
        "central_strong_reach": share,
        "longest_reporting_chain": nx.dag_longest_path_length(hierarchy),
    }
    for key, want in country.items():
        mine = t[key]
        if (mine is None) != (want is None) or (mine is not None and abs(float(mine) - float(want)) > TOL):
            errors.append(f"country {key}: nordgov {mine}, networkx {want}")
    if errors:
        print(f"{len(errors)} disagreements:")
        print("\n".join(errors[:50]))
        sys.exit(1)
    print(f"agree: {len(ours['actors'])} actors x {len(theirs)} metrics + {len(country)} country figures")


if __name__ == "__main__":
    main()
