//! Criterion: the stages no other criterion bench covers, at 1k and 10k synthetic actors: each
//! matrix kind, the comparisons of two countries, DOT text of the organisation and steering
//! views, and the whole report without diagram layout (1k only: at 10k one report takes about
//! 11 s, most of it in the scenario overlay, which matches nodes and edges pairwise).
//! `benches/scale.rs` times every stage up to 1M actors with peak memory.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use nordgov::analysis::dimensions::Weights;
use nordgov::analysis::{compare, matrix, profile, resources};
use nordgov::graph::view::{view, ViewKind, ViewOptions};
use nordgov::model::{Country, Lang, Sector};
use nordgov::render::report::{Input, ScenarioPage};
use nordgov::scenario::apply;

const SIZES: [usize; 2] = [1_000, 10_000];
const LANG: Lang = Lang::En;

fn bench_matrices(c: &mut Criterion) {
    let mut group = c.benchmark_group("matrix");
    group.sample_size(10);
    for n in SIZES {
        let country = nordgov::model::synth::generate(n, 1);
        group.bench_with_input(BenchmarkId::new("roles", n), &n, |b, _| {
            b.iter(|| matrix::role_matrix(&country, Sector::General, LANG))
        });
        group.bench_with_input(BenchmarkId::new("strategic", n), &n, |b, _| {
            b.iter(|| matrix::strategic(&country, None, LANG))
        });
        group.bench_with_input(BenchmarkId::new("operational", n), &n, |b, _| {
            b.iter(|| matrix::operational(&country, None, None, LANG))
        });
        group.bench_with_input(BenchmarkId::new("resources", n), &n, |b, _| {
            b.iter(|| resources::resources(&country, LANG))
        });
    }
    group.finish();
}

/// Two synthetic countries of `n` actors that differ (other seed and code).
fn pair(n: usize) -> [Country; 2] {
    let mut other = nordgov::model::synth::generate(n, 2);
    other.code = "xb".to_string();
    [nordgov::model::synth::generate(n, 1), other]
}

fn bench_compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    for n in SIZES {
        let pair = pair(n);
        group.bench_with_input(BenchmarkId::new("roles", n), &n, |b, _| b.iter(|| compare::roles(&pair, LANG)));
        group.bench_with_input(BenchmarkId::new("instruments", n), &n, |b, _| b.iter(|| compare::instruments(&pair)));
        group.bench_with_input(BenchmarkId::new("resources", n), &n, |b, _| {
            b.iter(|| pair.iter().map(compare::country_resources).collect::<Vec<_>>())
        });
        group.bench_with_input(BenchmarkId::new("profile", n), &n, |b, _| {
            b.iter(|| profile::profile(&[&pair[0], &pair[1]], &Weights::bundled(), nordgov::model::Lang::En))
        });
    }
    group.finish();
}

fn bench_dot(c: &mut Criterion) {
    let mut group = c.benchmark_group("dot");
    group.sample_size(10);
    for n in SIZES {
        let country = nordgov::model::synth::generate(n, 1);
        let g = nordgov::graph::build(&country);
        for (kind, name) in [(ViewKind::Org, "org"), (ViewKind::Steering, "steering")] {
            let opts = ViewOptions { kind, level: None, focus: None, depth: 1, instrument_max: 5, lang: LANG };
            group.bench_with_input(BenchmarkId::new(name, n), &n, |b, _| {
                b.iter(|| nordgov::render::dot::dot(&view(&country, &g, &opts), LANG))
            });
        }
    }
    group.finish();
}

fn bench_report(c: &mut Criterion) {
    let mut group = c.benchmark_group("report_no_layout");
    group.sample_size(10);
    let n = 1_000;
    let country = nordgov::model::synth::generate(n, 1);
    let scenario = nordgov::model::synth::move_scenario(&country);
    let result = apply(&country, &scenario, 0).unwrap();
    let page = ScenarioPage { file: "scenario-xa-move.html", scenario: &scenario, base: &country, result: &result };
    let countries = [country.clone()];
    let pages = [page];
    let weights = Weights::bundled();
    let input = Input { countries: &countries, scenarios: &pages, sources: &[], lang: LANG, weights: &weights };
    group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
        b.iter(|| nordgov::render::report::build(&input, &|_v| String::new()))
    });
    group.finish();
}

criterion_group!(benches, bench_matrices, bench_compare, bench_dot, bench_report);
criterion_main!(benches);
