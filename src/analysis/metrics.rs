//! Network metrics of the actor graph, defined as networkx defines them so that they can be
//! checked against it (`tests/networkx_check.py` does, to 1e-9).
//!
//! All metrics run on the simple directed graph of the chosen edges ([`SimpleGraph`]): parallel
//! edges merged, weight the smallest. Closeness comes from rustworkx-core (a port of networkx's
//! algorithm onto petgraph). Betweenness is written here because rustworkx-core's was twice as
//! slow as igraph (see [`betweenness`]), and rustworkx-core has no weighted betweenness, PageRank
//! or Burt's constraint, so those are written here too.
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
use rayon::prelude::*;
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
    /// Longest chain of hierarchy links (0 if the hierarchy had a cycle; see [`longest_path`]).
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
    let bet = betweenness(&s.graph);
    let clo = closeness(&s.graph);
    let betw = weighted_betweenness(&s.graph);
    let pr = pagerank(&s.graph, 0.85);
    let con = constraint(&s.graph);
    let reaches = steering_reach(g);
    let actors = (0..n)
        .map(|i| {
            let v = NodeIndex::new(i);
            let reach = reaches.get(i).copied().unwrap_or_default();
            ActorMetrics {
                id: s.ids.get(i).cloned().unwrap_or_else(|| ActorId::new("")),
                in_degree: s.graph.neighbors_directed(v, Direction::Incoming).count(),
                out_degree: s.graph.neighbors_directed(v, Direction::Outgoing).count(),
                betweenness: bet.get(i).copied().unwrap_or(0.0),
                betweenness_weighted: betw.get(i).copied().unwrap_or(0.0),
                closeness: clo.get(i).copied().unwrap_or(0.0),
                pagerank: pr.get(i).copied().unwrap_or(0.0),
                constraint: con.get(i).copied().flatten(),
                reach,
            }
        })
        .collect();
    let totals = totals(c, g, &s);
    Metrics { country: c.code.clone(), edges: set, actors, totals }
}

/// The country-level figures of `c` on the simple graph `s` of the chosen edges (central strong
/// reach always uses the steering edges of strength 1-2, the reporting chain the hierarchy).
///
/// # Complexity
/// O(V + E) for each figure.
pub fn totals(c: &Country, g: &ActorGraph, s: &SimpleGraph) -> CountryMetrics {
    let n = s.ids.len();
    let central: Vec<NodeIndex> = s
        .ids
        .iter()
        .enumerate()
        .filter(|(_, id)| c.actor(id).is_some_and(|a| a.central))
        .map(|(i, _)| NodeIndex::new(i))
        .collect();
    let strong = g.simple_by(|e| matches!(e.kind, EdgeKind::Steering { instrument, .. } if instrument.strength() <= 2));
    let others = n.saturating_sub(central.len());
    let central_strong_reach = (!central.is_empty() && others > 0).then(|| {
        let reached = reachable(&strong.graph, &central).into_iter().filter(|v| !central.contains(v)).count();
        reached as f64 / others as f64
    });
    let hierarchy = g.simple_by(|e| matches!(e.kind, EdgeKind::Structural { relation } if relation.is_hierarchical()));
    CountryMetrics {
        nodes: n,
        edges: s.graph.edge_count(),
        freeman_centralisation: freeman(&s.graph),
        density: if n > 1 { s.graph.edge_count() as f64 / (n * (n - 1)) as f64 } else { 0.0 },
        weak_components: petgraph::algo::connected_components(&s.graph),
        central_strong_reach,
        longest_reporting_chain: longest_path(&hierarchy.graph),
    }
}

/// Normalised betweenness (endpoints excluded), as networkx's `betweenness_centrality(G)`.
///
/// Written here rather than taken from rustworkx-core: on the synthetic 1k-actor graph
/// rustworkx-core's version took twice as long as python-igraph's C code (BENCHMARKS.md); this
/// one runs Brandes' algorithm on a compressed adjacency array with reused buffers, in parallel
/// over fixed chunks of sources summed in chunk order, so the result does not depend on thread
/// scheduling.
///
/// # Complexity
/// O(V E) work, spread over the available cores.
pub fn betweenness(g: &DiGraph<usize, f64>) -> Vec<f64> {
    brandes(g, false)
}

/// Normalised betweenness over weighted shortest paths (Dijkstra), as networkx's
/// `betweenness_centrality(G, weight="weight")`; rustworkx-core has no weighted variant.
/// Weights are instrument strengths (small integers), so equal path lengths compare exactly.
///
/// # Complexity
/// O(V (E + V log V)) work, spread over the available cores.
pub fn weighted_betweenness(g: &DiGraph<usize, f64>) -> Vec<f64> {
    brandes(g, true)
}

/// A graph's out-edges as compressed arrays: the edges of node v are
/// `targets[offsets[v]..offsets[v + 1]]` (with `weights` alongside).
struct Csr {
    offsets: Vec<usize>,
    targets: Vec<usize>,
    weights: Vec<f64>,
}

impl Csr {
    fn new(g: &DiGraph<usize, f64>) -> Self {
        let n = g.node_count();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::with_capacity(g.edge_count());
        let mut weights = Vec::with_capacity(g.edge_count());
        offsets.push(0);
        for v in g.node_indices() {
            let mut out: Vec<(usize, f64)> = g.edges(v).map(|e| (e.target().index(), *e.weight())).collect();
            out.sort_by_key(|(t, _)| *t);
            targets.extend(out.iter().map(|(t, _)| *t));
            weights.extend(out.iter().map(|(_, w)| *w));
            offsets.push(targets.len());
        }
        Self { offsets, targets, weights }
    }

    fn edges(&self, v: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (a, b) = (self.offsets.get(v).copied().unwrap_or(0), self.offsets.get(v + 1).copied().unwrap_or(0));
        let t = self.targets.get(a..b).unwrap_or(&[]);
        let w = self.weights.get(a..b).unwrap_or(&[]);
        t.iter().copied().zip(w.iter().copied())
    }
}

/// Per-thread buffers of Brandes' algorithm, reset only where a run touched them.
struct Brandes {
    dist: Vec<f64>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    settled: Vec<bool>,
    order: Vec<usize>,
    heap: BinaryHeap<Candidate>,
    bc: Vec<f64>,
}

impl Brandes {
    fn new(n: usize) -> Self {
        Self {
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            settled: vec![false; n],
            order: Vec::with_capacity(n),
            heap: BinaryHeap::new(),
            bc: vec![0.0; n],
        }
    }

    /// Adds source `s`'s dependencies to `bc`. Shortest-path predecessors are not stored: in
    /// the accumulation, x is a successor of w on a shortest path exactly when
    /// dist[x] == dist[w] + weight(w, x).
    fn run(&mut self, g: &Csr, s: usize, weighted: bool) {
        self.order.clear();
        let set = |v: &mut Vec<f64>, i: usize, x: f64| {
            if let Some(slot) = v.get_mut(i) {
                *slot = x;
            }
        };
        set(&mut self.dist, s, 0.0);
        set(&mut self.sigma, s, 1.0);
        if weighted {
            self.heap.push(Candidate { dist: 0.0, node: s });
            while let Some(Candidate { dist: d, node: v }) = self.heap.pop() {
                if self.settled.get(v).copied().unwrap_or(true) {
                    continue;
                }
                if let Some(x) = self.settled.get_mut(v) {
                    *x = true;
                }
                self.order.push(v);
                let sv = self.sigma.get(v).copied().unwrap_or(0.0);
                for (w, len) in g.edges(v) {
                    if self.settled.get(w).copied().unwrap_or(true) {
                        continue;
                    }
                    let nd = d + len;
                    let dw = self.dist.get(w).copied().unwrap_or(f64::INFINITY);
                    if nd < dw {
                        set(&mut self.dist, w, nd);
                        set(&mut self.sigma, w, sv);
                        self.heap.push(Candidate { dist: nd, node: w });
                    } else if nd == dw {
                        if let Some(x) = self.sigma.get_mut(w) {
                            *x += sv;
                        }
                    }
                }
            }
        } else {
            self.order.push(s);
            let mut head = 0;
            while let Some(&v) = self.order.get(head) {
                head += 1;
                let d = self.dist.get(v).copied().unwrap_or(0.0) + 1.0;
                let sv = self.sigma.get(v).copied().unwrap_or(0.0);
                for (w, _) in g.edges(v) {
                    let dw = self.dist.get(w).copied().unwrap_or(f64::INFINITY);
                    if dw == f64::INFINITY {
                        set(&mut self.dist, w, d);
                        self.order.push(w);
                    }
                    if self.dist.get(w).copied() == Some(d) {
                        if let Some(x) = self.sigma.get_mut(w) {
                            *x += sv;
                        }
                    }
                }
            }
        }
        for &w in self.order.iter().rev() {
            let (dw, sw) = (self.dist.get(w).copied().unwrap_or(0.0), self.sigma.get(w).copied().unwrap_or(1.0));
            let mut acc = 0.0;
            for (x, len) in g.edges(w) {
                let step = if weighted { len } else { 1.0 };
                if self.dist.get(x).copied() == Some(dw + step) {
                    let (sx, dx) =
                        (self.sigma.get(x).copied().unwrap_or(1.0), self.delta.get(x).copied().unwrap_or(0.0));
                    acc += sw / sx * (1.0 + dx);
                }
            }
            set(&mut self.delta, w, acc);
            if w != s {
                if let Some(b) = self.bc.get_mut(w) {
                    *b += acc;
                }
            }
        }
        for &v in &self.order {
            set(&mut self.dist, v, f64::INFINITY);
            set(&mut self.sigma, v, 0.0);
            set(&mut self.delta, v, 0.0);
            if let Some(x) = self.settled.get_mut(v) {
                *x = false;
            }
        }
        self.heap.clear();
    }
}

fn brandes(g: &DiGraph<usize, f64>, weighted: bool) -> Vec<f64> {
    use rayon::prelude::*;
    let n = g.node_count();
    let csr = Csr::new(g);
    // Fixed chunks, summed in chunk order: the same bits whatever the thread count. Each chunk
    // allocates its own buffers, so small graphs get few chunks.
    let chunks = (n / 256).clamp(1, 64);
    let chunk = n.div_ceil(chunks).max(1);
    let starts: Vec<usize> = (0..n).step_by(chunk).collect();
    let partials: Vec<Vec<f64>> = starts
        .par_iter()
        .map(|&start| {
            let mut b = Brandes::new(n);
            for s in start..(start + chunk).min(n) {
                b.run(&csr, s, weighted);
            }
            b.bc
        })
        .collect();
    let mut bc = vec![0.0; n];
    for p in partials {
        for (x, y) in bc.iter_mut().zip(p) {
            *x += y;
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        bc.iter_mut().for_each(|x| *x *= scale);
    }
    bc
}

/// Closeness over incoming distances with Wasserman-Faust scaling, from rustworkx-core
/// (parallel from 50 nodes on).
///
/// # Complexity
/// O(V E) work, spread over the available cores.
pub fn closeness(g: &DiGraph<usize, f64>) -> Vec<f64> {
    rustworkx_core::centrality::closeness_centrality(g, true, 50).into_iter().map(|x| x.unwrap_or(0.0)).collect()
}

/// Nodes reachable from `sources` (excluding the sources unless reached again).
///
/// # Complexity
/// O(V + E).
pub fn reachable(g: &DiGraph<usize, f64>, sources: &[NodeIndex]) -> Vec<NodeIndex> {
    let mut out = Vec::new();
    bfs(g, sources, &mut vec![0; g.node_count()], 1, &mut VecDeque::new(), |w| out.push(w));
    out
}

/// Breadth-first search from `sources` along out-edges, calling `visit` once per node reached
/// (a source only if reached again). A node counts as seen when its `mark` equals `stamp`, so a
/// caller searching many times reuses one buffer by passing a new stamp each time.
fn bfs(
    g: &DiGraph<usize, f64>,
    sources: &[NodeIndex],
    mark: &mut [u32],
    stamp: u32,
    queue: &mut VecDeque<NodeIndex>,
    mut visit: impl FnMut(NodeIndex),
) {
    queue.clear();
    queue.extend(sources.iter().copied());
    while let Some(v) = queue.pop_front() {
        for w in g.neighbors_directed(v, Direction::Outgoing) {
            if let Some(m) = mark.get_mut(w.index()) {
                if *m != stamp {
                    *m = stamp;
                    visit(w);
                    queue.push_back(w);
                }
            }
        }
    }
}

/// Per actor, how many actors it reaches through steering of strength k or stronger, k = 1..5.
pub fn steering_reach(g: &ActorGraph) -> Vec<[usize; 5]> {
    let n = g.graph.node_count();
    let mut out = vec![[0; 5]; n];
    for k in 1..=5u8 {
        let sg =
            g.simple_by(move |e| matches!(e.kind, EdgeKind::Steering { instrument, .. } if instrument.strength() <= k));
        for (row, count) in out.iter_mut().zip(reach_counts(&sg.graph)) {
            if let Some(r) = row.get_mut(usize::from(k - 1)) {
                *r = count;
            }
        }
    }
    out
}

/// Per node, `reachable(g, &[v]).len()`: one breadth-first search per node that has out-edges,
/// each thread reusing one visited buffer (marked with the search's number, so nothing is
/// cleared between searches) instead of allocating one per node.
pub fn reach_counts(g: &DiGraph<usize, f64>) -> Vec<usize> {
    let n = g.node_count();
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u32; n], 0u32, VecDeque::new()),
            |(mark, stamp, queue), i| {
                let v = NodeIndex::new(i);
                if g.neighbors_directed(v, Direction::Outgoing).next().is_none() {
                    return 0;
                }
                *stamp += 1;
                let mut count = 0;
                bfs(g, &[v], mark, *stamp, queue, |_| count += 1);
                count
            },
        )
        .collect()
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
pub fn pagerank(g: &DiGraph<usize, f64>, alpha: f64) -> Vec<f64> {
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
pub fn constraint(g: &DiGraph<usize, f64>) -> Vec<Option<f64>> {
    let n = g.node_count();
    // For each actor, its neighbours (either direction) with the mutual tie, sorted by neighbour.
    let mut ties: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for e in g.edge_indices() {
        if let Some((a, b)) = g.edge_endpoints(e) {
            let (a, b) = (a.index(), b.index());
            if a != b {
                for (u, v) in [(a, b), (b, a)] {
                    if let Some(t) = ties.get_mut(u) {
                        t.push((v, 1.0));
                    }
                }
            }
        }
    }
    for t in &mut ties {
        t.sort_by_key(|(v, _)| *v);
        t.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += next.1;
            }
            same
        });
    }
    let scale: Vec<f64> = ties.iter().map(|t| t.iter().map(|(_, w)| w).sum()).collect();
    // p(u, v): the share of u's ties that go to v (0 without a tie).
    let share = |u: usize, w: f64| scale.get(u).copied().filter(|s| *s > 0.0).map_or(0.0, |s| w / s);
    let find = |t: &[(usize, f64)], v: usize| t.binary_search_by_key(&v, |(x, _)| *x).ok();
    (0..n)
        .into_par_iter()
        .map(|i| {
            let ns = ties.get(i)?;
            if ns.is_empty() {
                return None;
            }
            // indirect[k] = sum over common neighbours q of p(i, q) p(q, j) for j = ns[k]. Each
            // (i, q) pair walks the shorter of the two tie lists and looks the other side up, so
            // an association with thousands of members costs its members' degrees, not their
            // square.
            let mut indirect = vec![0.0; ns.len()];
            for &(q, w_iq) in ns {
                let p_iq = share(i, w_iq);
                let Some(tq) = ties.get(q) else { continue };
                if tq.len() <= ns.len() {
                    for &(j, w_qj) in tq {
                        if let Some(slot) = find(ns, j).and_then(|k| indirect.get_mut(k)) {
                            *slot += p_iq * share(q, w_qj);
                        }
                    }
                } else {
                    for (slot, &(j, _)) in indirect.iter_mut().zip(ns) {
                        if let Some((_, w_qj)) = find(tq, j).and_then(|k| tq.get(k)) {
                            *slot += p_iq * share(q, *w_qj);
                        }
                    }
                }
            }
            Some(ns.iter().zip(&indirect).map(|(&(_, w_ij), ind)| (share(i, w_ij) + ind).powi(2)).sum())
        })
        .collect()
}

/// Freeman degree centralisation of the undirected simple version of `g`.
pub fn freeman(g: &DiGraph<usize, f64>) -> f64 {
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

/// The number of edges on the longest path of an acyclic graph; 0 for a graph with a cycle,
/// which has no longest path (nothing is cut: the topological sort fails and the answer is 0).
/// Validation rejects hierarchy cycles, so a loaded model's hierarchy never hits that case.
///
/// # Complexity
/// O(V + E).
pub fn longest_path(g: &DiGraph<usize, f64>) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_path_is_zero_on_a_cycle() {
        let mut g = DiGraph::<usize, f64>::new();
        let (a, b, c) = (g.add_node(0), g.add_node(1), g.add_node(2));
        g.extend_with_edges([(a, b, 1.0), (b, c, 1.0)]);
        assert_eq!(longest_path(&g), 2);
        g.add_edge(c, a, 1.0);
        assert_eq!(longest_path(&g), 0, "a cycle has no longest path");
    }
}
