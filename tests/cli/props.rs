//! Property tests over generated models (synthetic models of random size and seed, with names,
//! abbreviations, aliases and notes replaced by arbitrary text): the printer and the loader are
//! inverse, loading does not depend on file order, every generated model validates, and the
//! matrices and diffs are deterministic.

use nordgov::analysis::matrix;
use nordgov::load::load_str;
use nordgov::model::{Country, Lang, Sector};
use nordgov::render::grid::{self, GridOptions};
use nordgov::scenario::diff;
use proptest::prelude::*;

/// Arbitrary text of one line (any character but a newline, controls included) for the
/// fields that take free text.
fn text() -> impl Strategy<Value = String> {
    ".{1,40}"
}

/// A synthetic model with `edits` applied: (actor index, name, abbreviation, alias, note).
fn model(size: usize, seed: u64, edits: &[(usize, String, String, String, String)]) -> Country {
    let mut c = nordgov::model::synth::generate(size, seed);
    let n = c.actors.len();
    for (pick, name, abbr, alias, note) in edits {
        if let Some(a) = c.actors.values_mut().nth(pick % n) {
            a.name.insert(Lang::En, name.clone());
            a.abbr = Some(abbr.clone());
            a.aliases = vec![alias.clone()];
            a.provenance.note = Some(note.clone());
        }
    }
    c
}

fn load(files: &[(String, String)]) -> Country {
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let (c, diags, _) = load_str("generated", &refs);
    let errors: Vec<_> = diags.iter().filter(|d| d.severity() == nordgov::diagnostic::Severity::Error).collect();
    assert!(errors.is_empty(), "a generated model does not validate: {errors:?}");
    c.expect("no errors, so a model")
}

/// Every matrix kind of `c`, as CSV and JSON text.
fn matrices(c: &Country) -> String {
    let names = nordgov::model::Labels::of(&[c], Lang::En);
    let o = GridOptions { lang: Lang::En, detail: true, sources: true, names: &names };
    let mut grids = vec![
        grid::role_matrix(&matrix::role_matrix(c, Sector::General, Lang::En), &o),
        grid::strategic(&matrix::strategic(c, None, Lang::En), &o),
        grid::resources(&nordgov::analysis::resources::resources(c, Lang::En), &o),
    ];
    grids.extend(matrix::operational(c, None, None, Lang::En).iter().map(|m| grid::operational(m, &o)));
    nordgov::render::csv::render(&grids) + &nordgov::render::md::render(&grids)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// load(print(model)) == model, in any file order, and the model validates.
    #[test]
    fn printed_models_load_back_in_any_file_order(
        size in 30usize..400,
        seed in 0u64..1_000_000,
        edits in prop::collection::vec((0usize..10_000, text(), text(), text(), text()), 0..8),
    ) {
        let m = model(size, seed, &edits);
        let mut files = nordgov::files::print::files(&m).unwrap();
        let loaded = load(&files);
        prop_assert_eq!(&loaded, &m);
        files.reverse();
        prop_assert_eq!(&load(&files), &m);
    }

    /// Matrices and diffs of the same models are the same bytes, however the models were
    /// loaded; a model does not differ from itself.
    #[test]
    fn matrices_and_diffs_are_deterministic(
        size in 30usize..300,
        seed in 0u64..1_000_000,
        edits in prop::collection::vec((0usize..10_000, text(), text(), text(), text()), 0..4),
    ) {
        let a = model(size, seed, &[]);
        let b = model(size, seed, &edits);
        let mut files = nordgov::files::print::files(&b).unwrap();
        let b1 = load(&files);
        files.reverse();
        let b2 = load(&files);
        prop_assert_eq!(matrices(&b1), matrices(&b2));
        let d1 = serde_json::to_string(&diff(&a, &b1, &[])).unwrap();
        let d2 = serde_json::to_string(&diff(&a, &b2, &[])).unwrap();
        prop_assert_eq!(d1, d2);
        prop_assert!(diff(&b1, &b2, &[]).is_empty());
    }
}
