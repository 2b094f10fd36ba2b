//! Criterion: building the actor graph and computing every metric on synthetic models. Graph
//! build runs at 1k, 10k and 100k actors; all metrics (betweenness and closeness are O(V E))
//! at 1k and 10k. `scripts/bench-graph.sh` sets each metric beside networkx and igraph.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use nordgov::analysis::metrics;
use nordgov::graph::{self, EdgeSet};

fn bench_graph(c: &mut Criterion) {
    let mut group = c.benchmark_group("graph");
    group.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let country = nordgov::model::synth::generate(n, 1);
        group.bench_with_input(BenchmarkId::new("build", n), &n, |b, _| b.iter(|| graph::build(&country)));
        if n <= 10_000 {
            let g = graph::build(&country);
            group.bench_with_input(BenchmarkId::new("all_metrics", n), &n, |b, _| {
                b.iter(|| metrics::metrics(&country, &g, EdgeSet::All))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_graph);
criterion_main!(benches);
