"""Time networkx and python-igraph on the GraphML nordgov exported, for the same metrics as
benches/graph_stages.rs (best of three, seconds), printed as JSON. Usage: bench_graph.py GRAPHML
QUADRATIC_MAX"""
import json
import sys
import time

import os

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
from networkx_check import simple as simple_of  # noqa: E402  (the one definition of the simple graph)


def simple(multi):
    return simple_of(multi, lambda d: True)

try:
    import igraph
except ImportError:  # igraph is optional; its columns stay empty
    igraph = None


def best(f):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    path, quad_max = sys.argv[1], int(sys.argv[2])
    multi = nx.read_graphml(path, force_multigraph=True)
    g = simple(multi)
    n = g.number_of_nodes()
    nxt = {
        "graph_build": best(lambda: simple(multi)),
        "degree": best(lambda: sum(d for _, d in g.in_degree())),
        "pagerank": best(lambda: nx.pagerank(g, weight=None)),
        "weak_components": best(lambda: nx.number_weakly_connected_components(g)),
    }
    if n <= quad_max:
        nxt["constraint"] = best(lambda: nx.constraint(g))
        nxt["betweenness"] = best(lambda: nx.betweenness_centrality(g))
        nxt["betweenness_weighted"] = best(lambda: nx.betweenness_centrality(g, weight="weight"))
        nxt["closeness"] = best(lambda: nx.closeness_centrality(g))
    ig = {}
    if igraph is not None:
        index = {v: i for i, v in enumerate(g.nodes())}
        edges = [(index[u], index[v]) for u, v in g.edges()]
        weights = [d["weight"] for _, _, d in g.edges(data=True)]
        ig["graph_build"] = best(lambda: igraph.Graph(n=n, edges=edges, directed=True))
        h = igraph.Graph(n=n, edges=edges, directed=True)
        ig["degree"] = best(lambda: h.indegree())
        ig["pagerank"] = best(lambda: h.pagerank(directed=True))
        ig["weak_components"] = best(lambda: len(h.connected_components(mode="weak")))
        if n <= quad_max:
            ig["constraint"] = best(lambda: h.constraint())
            ig["betweenness"] = best(lambda: h.betweenness(directed=True))
            ig["betweenness_weighted"] = best(lambda: h.betweenness(directed=True, weights=weights))
            ig["closeness"] = best(lambda: h.closeness(mode="in"))
    print(json.dumps({"networkx": nxt, "igraph": ig}))


if __name__ == "__main__":
    main()
