//! Network metrics of the actor graph, defined as networkx defines them so that they can be
//! checked against it (`tests/networkx_check.py` does, to 1e-9).
//!
//! All metrics run on the simple directed graph of the chosen edges ([`SimpleGraph`]): parallel
//! edges merged, weight the smallest. Unweighted betweenness and closeness come from
//! rustworkx-core (a port of networkx's algorithms onto petgraph); rustworkx-core has no
//! weighted betweenness, PageRank or Burt's constraint, so those are written here.
//!
//! | metric | networkx equivalent |
//! |---|---|
//! | `in_degree`, `out_degree` | `G.in_degree`, `G.out_degree` |
//! | `betweenness` | `betweenness_centrality(G)` (normalised, endpoints excluded) |
//! | `betweenness_weighted` | `betweenness_centrality(G, weight="weight")` |
//! | `closeness` | `closeness_centrality(G)` (incoming distances, Wasserman-Faust scaling) |
//! | `pagerank` | `pagerank(G, alpha=0.85, weight=None)` |
//! | `constraint` | `constraint(G)` (Burt; `null` for an isolated actor) |
//! | `reach_1` .. `reach_5` | `len(descendants(S_k, v))`, S_k the steering edges of strength <= k |
//! | `freeman_centralisation` | `sum(max_d - d) / ((n-1)(n-2))` over `Graph(G).degree` |
//! | `density` | `density(G)` |
//! | `weak_components` | `number_weakly_connected_components(G)` |
//! | `central_strong_reach` | share of the non-central actors reachable from a central actor over steering of strength 1-2 |
//! | `longest_reporting_chain` | `dag_longest_path_length` of the hierarchy (parent, reports_to, owned_by, part_of) |

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

use crate::graph::{ActorGraph, EdgeKind, EdgeSet, SimpleGraph};
use crate::model::*;

/// Metrics of one actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorMetrics {
    /// The actor.
    pub id: ActorId,
    /// Distinct actors with an edge to this one.
    pub in_degree: usize,
    /// Distinct actors this one has an edge to.
    pub out_degree: usize,
    /// Normalised betweenness.
    pub betweenness: f64,
    /// Normalised betweenness over weighted shortest paths (weight = instrument strength).
    pub betweenness_weighted: f64,
    /// Closeness (incoming distances).
    pub closeness: f64,
    /// PageRank (alpha 0.85).
    pub pagerank: f64,
    /// Burt's constraint; `None` for an actor without neighbours.
    pub constraint: Option<f64>,
    /// Actors reachable through steering of strength k or stronger, k = 1..5.
    pub reach: [usize; 5],
}

/// Metrics of the whole country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryMetrics {
    /// Actors.
    pub nodes: usize,
    /// Edges of the simple graph.
    pub edges: usize,
    /// Freeman degree centralisation.
    pub freeman_centralisation: f64,
    /// Density.
    pub density: f64,
    /// Weakly connected components.
    pub weak_components: usize,
    /// Share of non-central actors reachable from the centre through strong (1-2) steering.
    pub central_strong_reach: Option<f64>,
    /// Longest chain of hierarchy links.
    pub longest_reporting_chain: usize,
}

/// Every metric of a country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    /// Country code.
    pub country: String,
    /// The edges the graph metrics use.
    pub edges: EdgeSet,
    /// One entry per actor, in id order.
    pub actors: Vec<ActorMetrics>,
    /// Country-level figures.
    pub totals: CountryMetrics,
}

/// Computes every metric of `c` on the edges in `set`.
pub fn metrics(c: &Country, g: &ActorGraph, set: EdgeSet) -> Metrics {
    let s = g.simple(set);
    let n = s.ids.len();
    let bet = rustworkx_core::centrality::betweenness_centrality(&s.graph, false, true, 50);
    let clo = rustworkx_core::centrality::closeness_centrality(&s.graph, true, 50);
    let betw = weighted_betweenness(&s.graph);
    let pr = pagerank(&s.graph, 0.85);
    let con = constraint(&s.graph);
    let steering = |k: u8| {
        g.simple_by(move |e| matches!(e.kind, EdgeKind::Steering { instrument, .. } if instrument.strength() <= k))
    };
    let reach_graphs: Vec<SimpleGraph> = (1..=5).map(steering).collect();
    let actors = (0..n)
        .map(|i| {
            let v = NodeIndex::new(i);
            let mut reach = [0; 5];
            for (k, rg) in reach_graphs.iter().enumerate() {
                if let Some(r) = reach.get_mut(k) {
                    *r = reachable(&rg.graph, &[v]).len();
                }
            }
            ActorMetrics {
                id: s.ids.get(i).cloned().unwrap_or_else(|| ActorId(String::new())),
                in_degree: s.graph.neighbors_directed(v, Direction::Incoming).count(),
                out_degree: s.graph.neighbors_directed(v, Direction::Outgoing).count(),
                betweenness: bet.get(i).copied().flatten().unwrap_or(0.0),
                betweenness_weighted: betw.get(i).copied().unwrap_or(0.0),
                closeness: clo.get(i).copied().flatten().unwrap_or(0.0),
                pagerank: pr.get(i).copied().unwrap_or(0.0),
                constraint: con.get(i).copied().flatten(),
                reach,
            }
        })
        .collect();
    let central: Vec<NodeIndex> = s
        .ids
        .iter()
        .enumerate()
        .filter(|(_, id)| c.actor(id).is_some_and(|a| a.central))
        .map(|(i, _)| NodeIndex::new(i))
        .collect();
    let central_strong_reach = reach_graphs.get(1).and_then(|strong| {
        let others = n.saturating_sub(central.len());
        (!central.is_empty() && others > 0).then(|| {
            let reached = reachable(&strong.graph, &central).into_iter().filter(|v| !central.contains(v)).count();
            reached as f64 / others as f64
        })
    });
    let hierarchy = g.simple_by(|e| matches!(e.kind, EdgeKind::Structural { relation } if relation.is_hierarchical()));
    let totals = CountryMetrics {
        nodes: n,
        edges: s.graph.edge_count(),
        freeman_centralisation: freeman(&s.graph),
        density: if n > 1 { s.graph.edge_count() as f64 / (n * (n - 1)) as f64 } else { 0.0 },
        weak_components: petgraph::algo::connected_components(&s.graph),
        central_strong_reach,
        longest_reporting_chain: longest_path(&hierarchy.graph),
    };
    Metrics { country: c.code.clone(), edges: set, actors, totals }
}

/// Nodes reachable from `sources` (excluding the sources unless reached again).
///
/// # Complexity
/// O(V + E).
fn reachable(g: &DiGraph<usize, f64>, sources: &[NodeIndex]) -> Vec<NodeIndex> {
    let mut seen = vec![false; g.node_count()];
    let mut queue: VecDeque<NodeIndex> = sources.iter().copied().collect();
    let mut out = Vec::new();
    while let Some(v) = queue.pop_front() {
        for w in g.neighbors_directed(v, Direction::Outgoing) {
            if let Some(s) = seen.get_mut(w.index()) {
                if !*s {
                    *s = true;
                    out.push(w);
                    queue.push_back(w);
                }
            }
        }
    }
    out
}

/// Brandes' betweenness over weighted shortest paths (Dijkstra), normalised as networkx does
/// for directed graphs (1 / ((n-1)(n-2))). Written here because rustworkx-core has only the
/// unweighted variant. Weights are instrument strengths (small integers), so equal path lengths
/// compare exactly.
///
/// # Complexity
/// O(V (E + V log V)).
fn weighted_betweenness(g: &DiGraph<usize, f64>) -> Vec<f64> {
    let n = g.node_count();
    let mut bc = vec![0.0; n];
    for s in g.node_indices() {
        let mut stack = Vec::with_capacity(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![f64::INFINITY; n];
        let mut done = vec![false; n];
        if let (Some(x), Some(d)) = (sigma.get_mut(s.index()), dist.get_mut(s.index())) {
            *x = 1.0;
            *d = 0.0;
        }
        let mut heap = BinaryHeap::new();
        heap.push(Candidate { dist: 0.0, node: s.index() });
        while let Some(Candidate { dist: d, node: v }) = heap.pop() {
            if done.get(v).copied().unwrap_or(true) || d > dist.get(v).copied().unwrap_or(f64::INFINITY) {
                continue;
            }
            if let Some(x) = done.get_mut(v) {
                *x = true;
            }
            stack.push(v);
            let sigma_v = sigma.get(v).copied().unwrap_or(0.0);
            for e in g.edges(NodeIndex::new(v)) {
                let w = e.target().index();
                let nd = d + *e.weight();
                let dw = dist.get(w).copied().unwrap_or(f64::INFINITY);
                if nd < dw {
                    if let (Some(x), Some(y), Some(p)) = (dist.get_mut(w), sigma.get_mut(w), preds.get_mut(w)) {
                        *x = nd;
                        *y = sigma_v;
                        p.clear();
                        p.push(v);
                    }
                    heap.push(Candidate { dist: nd, node: w });
                } else if nd == dw {
                    if let (Some(y), Some(p)) = (sigma.get_mut(w), preds.get_mut(w)) {
                        *y += sigma_v;
                        p.push(v);
                    }
                }
            }
        }
        let mut delta = vec![0.0f64; n];
        while let Some(w) = stack.pop() {
            let (sw, dw) = (sigma.get(w).copied().unwrap_or(1.0), delta.get(w).copied().unwrap_or(0.0));
            for &v in preds.get(w).map_or(&[][..], Vec::as_slice) {
                let sv = sigma.get(v).copied().unwrap_or(0.0);
                if let Some(x) = delta.get_mut(v) {
                    *x += sv / sw * (1.0 + dw);
                }
            }
            if w != s.index() {
                if let Some(x) = bc.get_mut(w) {
                    *x += dw;
                }
            }
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        bc.iter_mut().for_each(|x| *x *= scale);
    }
    bc
}

/// A Dijkstra queue entry, ordered by smallest distance first (then node, for determinism).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    dist: f64,
    node: usize,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other.dist.total_cmp(&self.dist).then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// PageRank by power iteration, unweighted, with dangling actors' rank spread evenly, as
/// networkx's `pagerank(G, weight=None)` does; iterates until the L1 change falls below n * 1e-15.
///
/// # Complexity
/// O(iterations x (V + E)).
fn pagerank(g: &DiGraph<usize, f64>, alpha: f64) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let out: Vec<usize> = g.node_indices().map(|v| g.neighbors_directed(v, Direction::Outgoing).count()).collect();
    let mut x = vec![1.0 / nf; n];
    for _ in 0..10_000 {
        let dangling: f64 = x.iter().zip(&out).filter(|(_, d)| **d == 0).map(|(r, _)| *r).sum();
        let mut next = vec![(1.0 - alpha) / nf + alpha * dangling / nf; n];
        for e in g.edge_indices() {
            if let Some((a, b)) = g.edge_endpoints(e) {
                let share =
                    x.get(a.index()).copied().unwrap_or(0.0) / out.get(a.index()).copied().unwrap_or(1).max(1) as f64;
                if let Some(t) = next.get_mut(b.index()) {
                    *t += alpha * share;
                }
            }
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < nf * 1e-15 {
            break;
        }
    }
    x
}

/// Burt's constraint, unweighted, as networkx's `constraint(G)`: for each neighbour j (in or
/// out) of i, (p_ij + sum_q p_iq p_qj)^2, where p_ij is the mutual tie (edges both ways count)
/// scaled by the sum of i's mutual ties. `None` for an actor without neighbours.
///
/// # Complexity
/// O(sum over actors of degree^2).
fn constraint(g: &DiGraph<usize, f64>) -> Vec<Option<f64>> {
    let n = g.node_count();
    let neighbours: Vec<Vec<usize>> = g
        .node_indices()
        .map(|v| {
            let mut ns: Vec<usize> = g.neighbors_undirected(v).map(|w| w.index()).filter(|w| *w != v.index()).collect();
            ns.sort_unstable();
            ns.dedup();
            ns
        })
        .collect();
    let mutual = |u: usize, v: usize| {
        let a = g.find_edge(NodeIndex::new(u), NodeIndex::new(v)).map_or(0.0, |_| 1.0);
        let b = g.find_edge(NodeIndex::new(v), NodeIndex::new(u)).map_or(0.0, |_| 1.0);
        a + b
    };
    let scale: Vec<f64> =
        (0..n).map(|u| neighbours.get(u).map_or(0.0, |ns| ns.iter().map(|w| mutual(u, *w)).sum())).collect();
    let p = |u: usize, v: usize| {
        let s = scale.get(u).copied().unwrap_or(0.0);
        if s == 0.0 {
            0.0
        } else {
            mutual(u, v) / s
        }
    };
    (0..n)
        .map(|i| {
            let ns = neighbours.get(i)?;
            if ns.is_empty() {
                return None;
            }
            Some(
                ns.iter()
                    .map(|&j| {
                        let indirect: f64 = ns.iter().map(|&q| p(i, q) * p(q, j)).sum();
                        (p(i, j) + indirect).powi(2)
                    })
                    .sum(),
            )
        })
        .collect()
}

/// Freeman degree centralisation of the undirected simple version of `g`.
fn freeman(g: &DiGraph<usize, f64>) -> f64 {
    let n = g.node_count();
    if n < 3 {
        return 0.0;
    }
    let degrees: Vec<usize> = g
        .node_indices()
        .map(|v| {
            let mut ns: Vec<usize> = g.neighbors_undirected(v).map(|w| w.index()).collect();
            ns.sort_unstable();
            ns.dedup();
            ns.len()
        })
        .collect();
    let max = degrees.iter().copied().max().unwrap_or(0);
    degrees.iter().map(|d| (max - d) as f64).sum::<f64>() / ((n - 1) * (n - 2)) as f64
}

/// The number of edges on the longest path of an acyclic graph (validation guarantees the
/// hierarchy is acyclic; should it not be, cycles are cut and the result is a lower bound).
///
/// # Complexity
/// O(V + E).
fn longest_path(g: &DiGraph<usize, f64>) -> usize {
    let order = match petgraph::algo::toposort(g, None) {
        Ok(o) => o,
        Err(_) => return 0,
    };
    let mut len = vec![0usize; g.node_count()];
    for v in order {
        let lv = len.get(v.index()).copied().unwrap_or(0);
        for w in g.neighbors_directed(v, Direction::Outgoing) {
            if let Some(x) = len.get_mut(w.index()) {
                *x = (*x).max(lv + 1);
            }
        }
    }
    len.into_iter().max().unwrap_or(0)
}
