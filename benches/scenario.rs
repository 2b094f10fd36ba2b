//! Criterion: applying a one-operation scenario to a synthetic base and diffing the result
//! against it (semantic diff, metric deltas), what an analyst sweeping variants waits for.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use nordgov::load::raw::Sp;
use nordgov::model::{ActorId, RelationType};
use nordgov::scenario::{apply, diff, Op, Scenario};

fn bench_scenario(c: &mut Criterion) {
    let mut group = c.benchmark_group("scenario_apply_diff");
    group.sample_size(10);
    for n in [1_000usize, 10_000] {
        let base = nordgov::synth::generate(n, 1);
        let agency = base.actors.values().find(|a| a.id.as_str() == "agency_0").map(|a| a.id.clone()).unwrap();
        let s = Scenario {
            name: "move one agency".into(),
            base: Sp::new("synthetic".to_string()),
            as_of: None,
            rationale: String::new(),
            sources: Vec::new(),
            ops: vec![Sp::new(Op::Move {
                actor: Sp::new(agency.to_string()),
                parent: Sp::new(ActorId("ministry_finance".into()).to_string()),
                relation: RelationType::ReportsTo,
            })],
        };
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
