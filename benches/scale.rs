//! Every pipeline stage on one synthetic model of `NORDGOV_N` actors (default 1,000): time (best
//! of R runs, R = 5 up to 10k actors, 3 up to 100k, 1 above; `NORDGOV_RUNS` overrides; a stage
//! stops repeating once it has taken `NORDGOV_STAGE_BUDGET` seconds, default 10) and the
//! stage's peak heap above the heap live when it started, printed as one JSON object. One size
//! per process, so the process peak RSS (`VmHWM`) belongs to that size; `scripts/bench-scale.sh`
//! runs the sizes one after the other and sets them side by side with the growth per 10x.
//!
//! Stages that contain something superlinear, or that take minutes at 1M actors, run only up to
//! a cap and are printed as skipped above it:
//! - `NORDGOV_QUADRATIC_MAX` (default 100,000): betweenness (plain and weighted), closeness
//!   (O(V E)) and all metrics together (which include them);
//! - `NORDGOV_REPORT_MAX` (default 100,000): the report (every metric of every country);
//! - `NORDGOV_DIFF_MAX` (default 1,000,000): scenario diff (betweenness and closeness of both sides);
//! - `NORDGOV_REACH_MAX`, `NORDGOV_DOT_ORG_MAX`, `NORDGOV_DOT_STEERING_MAX` (default 1,000,000):
//!   steering reach and the DOT text of each view, to shorten a run.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use nordgov::analysis::dimensions::Weights;
use nordgov::analysis::{compare, matrix, metrics, profile, resources};
use nordgov::diagnostic::{FileId, SourceDb};
use nordgov::graph::view::{view, ViewKind, ViewOptions};
use nordgov::graph::{self, EdgeSet};
use nordgov::load::{parse, validate, Limits, ParsedFile};
use nordgov::model::{Lang, Sector};
use nordgov::render::report::{Input, ScenarioPage};
use nordgov::scenario::{apply, diff};

/// mimalloc, as in the binary, counting the bytes live now and their high-water mark.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// The high-water mark over the whole run (PEAK is reset before each stage).
static EVER: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded unchanged to mimalloc (the allocator the nordgov binary uses);
// only counters are updated around it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { mimalloc::MiMalloc.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Starts a stage's heap measurement; returns the bytes live now (the stage's baseline).
fn reset_peak() -> usize {
    let live = LIVE.load(Relaxed);
    EVER.fetch_max(PEAK.swap(live, Relaxed), Relaxed);
    live
}

const MB: f64 = 1024.0 * 1024.0;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.trim().replace('_', "").parse().ok()).unwrap_or(default)
}

/// A value of `/proc/self/status` in kB (e.g. `VmHWM`, the peak resident set), as MB.
fn proc_status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key) && l[key.len()..].starts_with(':'))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

enum Outcome {
    /// Best time; peak heap above the start of a run; heap the result keeps (last run).
    Ran {
        secs: f64,
        peak_mb: f64,
        kept_mb: f64,
        runs: usize,
    },
    Skipped(String),
}

struct Bench {
    n: usize,
    runs: usize,
    /// Seconds after which a stage stops repeating (it keeps the runs done so far).
    budget: f64,
    results: Vec<(String, Outcome)>,
}

impl Bench {
    /// Runs `f` `runs` times; records the best time and the largest peak heap above the heap
    /// live at the start of a run. Dropping the result is not timed (it is not part of producing
    /// it); the last run's result is returned for the stages after.
    fn stage_n<T>(&mut self, name: &str, runs: usize, mut f: impl FnMut() -> T) -> T {
        eprintln!("  {name} ...");
        let (mut best, mut peak, mut kept) = (f64::INFINITY, 0usize, 0usize);
        let (mut last, mut done) = (None, 0);
        let spent = Instant::now();
        for _ in 0..runs.max(1) {
            done += 1;
            drop(last.take());
            let base = reset_peak();
            let t = Instant::now();
            let out = std::hint::black_box(f());
            best = best.min(t.elapsed().as_secs_f64());
            peak = peak.max(PEAK.load(Relaxed).saturating_sub(base));
            kept = LIVE.load(Relaxed).saturating_sub(base);
            last = Some(out);
            // A stage that already took long has a stable best; more runs only cost time.
            if spent.elapsed().as_secs_f64() > self.budget {
                break;
            }
        }
        self.results.push((
            name.to_string(),
            Outcome::Ran { secs: best, peak_mb: peak as f64 / MB, kept_mb: kept as f64 / MB, runs: done },
        ));
        last.expect("at least one run")
    }

    fn stage<T>(&mut self, name: &str, f: impl FnMut() -> T) -> T {
        let runs = self.runs;
        self.stage_n(name, runs, f)
    }

    /// Runs the stage if the model has at most `max` actors (the cap named `var`), else records
    /// it as skipped.
    fn capped<T>(&mut self, name: &str, var: &str, max: usize, f: impl FnMut() -> T) -> Option<T> {
        if self.n <= max {
            Some(self.stage(name, f))
        } else {
            self.results.push((name.to_string(), Outcome::Skipped(format!("{var}={max}"))));
            None
        }
    }

    /// A row summing the time of earlier stages. Its peak is what running them in sequence needs
    /// above the start, when each keeps its result for the next: the largest of (heap kept by
    /// the stages before + the stage's own peak).
    fn sum(&mut self, name: &str, parts: &[&str]) {
        let mut outcome = Outcome::Ran { secs: 0.0, peak_mb: 0.0, kept_mb: 0.0, runs: 0 };
        for part in parts {
            let found = self.results.iter().find(|(k, _)| k == part).map(|(_, o)| o);
            outcome = match (outcome, found) {
                (
                    Outcome::Ran { secs, peak_mb, kept_mb, runs },
                    Some(Outcome::Ran { secs: s, peak_mb: p, kept_mb: k, runs: r }),
                ) => Outcome::Ran {
                    secs: secs + s,
                    peak_mb: peak_mb.max(kept_mb + p),
                    kept_mb: kept_mb + k,
                    runs: runs.max(*r),
                },
                (Outcome::Skipped(why), _) => Outcome::Skipped(why),
                (_, Some(Outcome::Skipped(why))) => Outcome::Skipped(why.clone()),
                (_, None) => Outcome::Skipped(format!("no stage {part}")),
            };
        }
        self.results.push((name.to_string(), outcome));
    }
}

fn main() {
    let wall = Instant::now();
    let n = env_usize("NORDGOV_N", 1000);
    let runs = env_usize(
        "NORDGOV_RUNS",
        match n {
            0..=10_000 => 5,
            10_001..=100_000 => 3,
            _ => 1,
        },
    );
    let quad_max = env_usize("NORDGOV_QUADRATIC_MAX", 100_000);
    let reach_max = env_usize("NORDGOV_REACH_MAX", 1_000_000);
    let diff_max = env_usize("NORDGOV_DIFF_MAX", 1_000_000);
    let dot_org_max = env_usize("NORDGOV_DOT_ORG_MAX", 1_000_000);
    let dot_steering_max = env_usize("NORDGOV_DOT_STEERING_MAX", 1_000_000);
    let report_max = env_usize("NORDGOV_REPORT_MAX", 100_000);
    let lang = Lang::En;
    let budget = env_usize("NORDGOV_STAGE_BUDGET", 10) as f64;
    let mut b = Bench { n, runs, budget, results: Vec::new() };
    eprintln!("{n} actors, best of {runs}");

    // Setup, measured once for information: the model text the loader reads. The texts move
    // into the SourceDb (no second copy) and the generated model is dropped before loading.
    let generated = b.stage_n("(setup) synth generate", 1, || nordgov::model::synth::generate(n, 1));
    let files = b.stage_n("(setup) print model text", 1, || nordgov::files::print::files(&generated).unwrap());
    drop(generated);
    let text_bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut db = SourceDb::new();
    let ids: Vec<FileId> = files.into_iter().map(|(name, text)| db.add(name, text)).collect();

    // Load + validate as commands do it (nordgov::load::load: files parsed in parallel, then
    // validated), then its two steps alone for the breakdown.
    b.stage("load+validate", || {
        let (c, d) = nordgov::load::load("synthetic", &db, &ids, &Limits::default());
        assert!(d.is_empty());
        c.unwrap()
    });
    let parsed = b.stage("parse (one file after another)", || {
        ids.iter()
            .map(|&file| {
                let (raw, d) = parse(file, &db.get(file).unwrap().text, &Limits::default());
                assert!(d.is_empty());
                ParsedFile { file, raw }
            })
            .collect::<Vec<_>>()
    });
    // validate consumes the parsed files: one copy per run, made before the clock starts (the
    // last run takes the original, so the biggest size holds a single copy).
    let mut copies: Vec<Vec<ParsedFile>> = (1..b.runs).map(|_| parsed.clone()).collect();
    copies.push(parsed);
    let c = b.stage("validate", || {
        let (c, d) = validate("synthetic", copies.pop().unwrap_or_default());
        assert!(d.is_empty());
        c.unwrap()
    });
    // What the stages iterate over besides actors, to read their growth against.
    let facts = format!(
        "\"relations\": {}, \"role_entries\": {}, \"steering_slides\": {}, \"resources\": {}",
        c.relations.len(),
        c.roles.len(),
        c.steering.len(),
        c.resources.len()
    );
    drop(copies);
    drop(db);

    // The actor graph and each metric.
    let g = b.stage("graph build", || graph::build(&c));
    let s = b.stage("simple graph (all edges)", || g.simple(EdgeSet::All));
    let edges = s.graph.edge_count();
    b.stage("in/out degree", || {
        s.graph
            .node_indices()
            .map(|v| {
                s.graph.neighbors_directed(v, petgraph::Direction::Incoming).count()
                    + s.graph.neighbors_directed(v, petgraph::Direction::Outgoing).count()
            })
            .sum::<usize>()
    });
    b.stage("pagerank", || metrics::pagerank(&s.graph, 0.85));
    b.stage("weak components", || petgraph::algo::connected_components(&s.graph));
    b.stage("freeman centralisation", || metrics::freeman(&s.graph));
    b.stage("country totals", || metrics::totals(&c, &g, &s));
    b.capped("steering reach (k=1..5, every actor)", "NORDGOV_REACH_MAX", reach_max, || metrics::steering_reach(&g));
    b.stage("burt constraint", || metrics::constraint(&s.graph));
    b.capped("betweenness", "NORDGOV_QUADRATIC_MAX", quad_max, || metrics::betweenness(&s.graph));
    b.capped("betweenness (weighted)", "NORDGOV_QUADRATIC_MAX", quad_max, || metrics::weighted_betweenness(&s.graph));
    b.capped("closeness", "NORDGOV_QUADRATIC_MAX", quad_max, || metrics::closeness(&s.graph));
    b.capped("all metrics (metrics::metrics)", "NORDGOV_QUADRATIC_MAX", quad_max, || {
        metrics::metrics(&c, &g, EdgeSet::All)
    });
    drop(s);

    // Every matrix kind, then all of them in one go.
    b.stage("matrix: roles", || matrix::role_matrix(&c, Sector::General, lang));
    b.stage("matrix: strategic", || matrix::strategic(&c, None, lang));
    b.stage("matrix: operational", || matrix::operational(&c, None, None, lang));
    b.stage("matrix: resources", || resources::resources(&c, lang));
    b.stage("all matrices", || {
        (
            matrix::role_matrix(&c, Sector::General, lang),
            matrix::strategic(&c, None, lang),
            matrix::operational(&c, None, None, lang),
            resources::resources(&c, lang),
        )
    });
    b.sum("load+validate+graph+all matrices", &["load+validate", "graph build", "all matrices"]);

    // DOT text of the organisation and steering diagrams (view + dot).
    for (kind, name, var, max) in [
        (ViewKind::Org, "dot: org view", "NORDGOV_DOT_ORG_MAX", dot_org_max),
        (ViewKind::Steering, "dot: steering view", "NORDGOV_DOT_STEERING_MAX", dot_steering_max),
    ] {
        let opts = ViewOptions { kind, level: None, focus: None, depth: 1, instrument_max: 5, lang };
        b.capped(name, var, max, || nordgov::render::dot::dot(&view(&c, &g, &opts), lang));
    }
    b.sum("dot: org+steering", &["dot: org view", "dot: steering view"]);
    drop(g);

    // Scenario: apply one operation, then diff the result against the base.
    let scenario = nordgov::model::synth::move_scenario(&c);
    let result = b.stage("scenario apply", || apply(&c, &scenario, 0).unwrap());
    b.capped("scenario diff", "NORDGOV_DIFF_MAX", diff_max, || diff(&c, &result, &[]));
    b.sum("scenario apply+diff", &["scenario apply", "scenario diff"]);

    // The whole report without diagram layout: the country and the scenario.
    let page = ScenarioPage { file: "scenario-xa-move.html", scenario: &scenario, base: &c, result: &result };
    b.capped("report (no layout)", "NORDGOV_REPORT_MAX", report_max, || {
        let weights = Weights::bundled();
        let input =
            Input { countries: std::slice::from_ref(&c), scenarios: &[page], sources: &[], lang, weights: &weights };
        nordgov::render::report::build(&input, &|_v| String::new())
    });
    drop(result);

    // Compare against a second synthetic country of the same size (another seed and code).
    let mut other = nordgov::model::synth::generate(n, 2);
    other.code = "xb".to_string();
    let pair = [c, other];
    b.stage("compare: roles", || compare::roles(&pair, lang));
    b.stage("compare: instruments", || compare::instruments(&pair));
    b.stage("compare: resources", || pair.iter().map(compare::country_resources).collect::<Vec<_>>());
    b.stage("compare: profile", || {
        profile::profile(&[&pair[0], &pair[1]], &Weights::bundled(), nordgov::model::Lang::En)
    });
    b.stage("compare (all four)", || {
        (
            compare::roles(&pair, lang),
            compare::instruments(&pair),
            pair.iter().map(compare::country_resources).collect::<Vec<_>>(),
            profile::profile(&[&pair[0], &pair[1]], &Weights::bundled(), nordgov::model::Lang::En),
        )
    });
    drop(pair);

    reset_peak();
    let heap_peak_mb = EVER.load(Relaxed) as f64 / MB;
    let rss_peak_mb = proc_status_mb("VmHWM").unwrap_or(f64::NAN);
    let mut out = format!(
        "{{\"actors\": {n}, \"edges\": {edges}, \"runs\": {runs}, \"text_mb\": {:.3}, \"heap_peak_mb\": {heap_peak_mb:.3}, \
         \"rss_peak_mb\": {rss_peak_mb:.3}, \"wall_secs\": {:.3}, {facts}, \"stages\": {{",
        text_bytes as f64 / MB,
        wall.elapsed().as_secs_f64()
    );
    for (i, (name, outcome)) in b.results.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        match outcome {
            Outcome::Ran { secs, peak_mb, kept_mb, runs } => out.push_str(&format!(
                "{sep}\"{name}\": {{\"secs\": {secs:.6}, \"peak_mb\": {peak_mb:.3}, \"kept_mb\": {kept_mb:.3}, \
                 \"runs\": {runs}}}"
            )),
            Outcome::Skipped(why) => out.push_str(&format!("{sep}\"{name}\": {{\"skipped\": \"{why}\"}}")),
        }
    }
    out.push_str("}}");
    println!("{out}");
}
