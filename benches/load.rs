//! Load + validate of synthetic models of 1k, 10k and 100k actors, from text in memory (the
//! disk is left out so the numbers measure nordgov, not the page cache). Throughput is in bytes
//! of model text, so criterion reports MB/s.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nordgov::diagnostic::{FileId, SourceDb};
use nordgov::load::{load, Limits};

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_validate");
    group.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let country = nordgov::model::synth::generate(n, 1);
        let files = nordgov::files::print::files(&country).unwrap();
        let mut db = SourceDb::new();
        let ids: Vec<FileId> = files.iter().map(|(name, text)| db.add(name.clone(), text.clone())).collect();
        let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let (c, d) = load("synthetic", &db, &ids, &Limits::default());
                assert!(c.is_some() && d.is_empty());
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
