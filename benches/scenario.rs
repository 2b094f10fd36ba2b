//! Criterion: applying a one-operation scenario to a synthetic base and diffing the result
//! against it (semantic diff, metric deltas), what an analyst sweeping variants waits for.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use nordgov::scenario::{apply, diff};

fn bench_scenario(c: &mut Criterion) {
    let mut group = c.benchmark_group("scenario_apply_diff");
    group.sample_size(10);
    for n in [1_000usize, 10_000] {
        let base = nordgov::model::synth::generate(n, 1);
        let s = nordgov::model::synth::move_scenario(&base);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let result = apply(&base, &s, 0).unwrap();
                diff(&base, &result, &[])
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scenario);
criterion_main!(benches);
