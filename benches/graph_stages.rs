//! Graph build and every metric, timed once each (best of three) on a synthetic model of
//! `NORDGOV_N` actors, printed as JSON for `scripts/bench-graph.sh`, which sets them beside
//! networkx and igraph on the same graph. The O(V E) metrics (betweenness, closeness) and Burt's
//! constraint (O(sum of squared degrees): the associations' thousands of members) are skipped
//! above `NORDGOV_QUADRATIC_MAX` actors (default 10,000).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use nordgov::analysis::metrics;
use nordgov::graph::{self, EdgeSet};

fn best<T>(mut f: impl FnMut() -> T) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let n: usize = std::env::var("NORDGOV_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let quad_max: usize = std::env::var("NORDGOV_QUADRATIC_MAX").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let c = nordgov::model::synth::generate(n, 1);
    if let Ok(path) = std::env::var("NORDGOV_GRAPHML") {
        std::fs::write(path, nordgov::render::graphml::graphml(&c, &graph::build(&c))).unwrap();
    }
    let mut times = vec![("graph_build", best(|| graph::build(&c)))];
    let g = graph::build(&c);
    let s = g.simple(EdgeSet::All).graph;
    times.push((
        "degree",
        best(|| {
            s.node_indices().map(|v| s.neighbors_directed(v, petgraph::Direction::Incoming).count()).sum::<usize>()
        }),
    ));
    times.push(("pagerank", best(|| metrics::pagerank(&s, 0.85))));
    times.push(("steering_reach", best(|| metrics::steering_reach(&g))));
    times.push(("weak_components", best(|| petgraph::algo::connected_components(&s))));
    times.push(("freeman", best(|| metrics::freeman(&s))));
    if n <= quad_max {
        times.push(("constraint", best(|| metrics::constraint(&s))));
        times.push(("betweenness", best(|| metrics::betweenness(&s))));
        times.push(("betweenness_weighted", best(|| metrics::weighted_betweenness(&s))));
        times.push(("closeness", best(|| metrics::closeness(&s))));
        times.push(("all_metrics", best(|| metrics::metrics(&c, &g, EdgeSet::All))));
    }
    let body: Vec<String> = times.iter().map(|(k, v)| format!("\"{k}\": {v:.6}")).collect();
    println!("{{\"actors\": {n}, \"edges\": {}, {}}}", s.edge_count(), body.join(", "));
}
