//! Grids built from models held in memory, checked cell by cell: what each view's grid says in
//! a language, with its marks, words and notes.

use super::*;
use crate::analysis::{compare, matrix, resources};
use crate::model::{Country, Sector};

/// The diagnostic fixtures' minimal model: Denmark, one level, every role cell filled.
const BASE: &str = include_str!("../../../tests/fixtures/invalid/E0303_missing_level/base.toml");

/// A steering slide of DIGST over the government, and a resource figure for DIGST.
const EXTRA: &str = r#"
[[steering]]
actor      = "digst"
sector     = "general"
title      = "DIGST steers"
roles      = ["coordination"]
source     = "nordic2017:20"
confidence = "low"

[[steering.cell]]
role       = "coordination"
instrument = 4
text       = "Common standards for everyone"
targets    = ["regjeringen"]
source     = "nordic2017:21"
confidence = "high"

[[resource]]
actor      = "digst"
fte        = { value = 160, approx = true }
year       = 2017
covers     = "The whole agency"
scope      = "whole"
source     = "nordic2017:30"
confidence = "medium"
"#;

fn model(files: &[(&str, &str)]) -> Country {
    let (c, diags, _) = crate::load::load_str("dk", files);
    c.unwrap_or_else(|| panic!("the test model loads: {diags:#?}"))
}

fn base() -> Country {
    model(&[("base.toml", BASE)])
}

fn full() -> Country {
    model(&[("base.toml", BASE), ("extra.toml", EXTRA)])
}

fn texts(row: &[Cell]) -> Vec<&str> {
    row.iter().map(|c| c.text.as_str()).collect()
}

/// Builds a grid of `c` in `lang` with the country's own names.
fn with<T>(c: &Country, lang: Lang, sources: bool, f: impl FnOnce(&GridOptions) -> T) -> T {
    let names = Labels::of(&[c], lang);
    f(&GridOptions { lang, detail: true, sources, names: &names })
}

#[test]
fn the_role_matrix_names_holders_per_level_and_role() {
    let c = base();
    let g = with(&c, Lang::En, false, |o| role_matrix(&matrix::role_matrix(&c, Sector::General, Lang::En), o));
    assert_eq!(g.sheet, "dk");
    assert_eq!(g.title, "Role matrix: Denmark (general)");
    assert_eq!(g.header, ["level", "strategy", "initiation", "coordination", "execution", "operation"]);
    let national = g.rows.iter().find(|r| r[0].text == "national").expect("a national row");
    assert_eq!(texts(national), ["national", "Danish Government", "DIGST", "DIGST", "DIGST", "DIGST"]);
    // A level the model lacks is a row that says so, with empty cells.
    let local = g.rows.iter().find(|r| r[0].text.starts_with("local")).expect("a local row");
    assert_eq!(texts(local), ["local (not present)", "", "", "", "", ""]);
    // Each holding cites its passage, in full, with its confidence.
    let strategy = &national[1];
    assert_eq!(strategy.refs.len(), 1);
    let source = strategy.source.as_deref().unwrap_or_default();
    assert!(source.starts_with("Kartlegging av nordisk styring"), "{source}");
    assert!(source.ends_with("line 2389 (high confidence)"), "{source}");
    assert_eq!(g.notes, [Word::MarksLegend.label(Lang::En)]);
}

#[test]
fn the_role_matrix_speaks_the_language_asked_for() {
    let c = base();
    let g = with(&c, Lang::Da, true, |o| role_matrix(&matrix::role_matrix(&c, Sector::General, Lang::Da), o));
    assert_eq!(g.title, "Rollematrix: Danmark (generelt)");
    assert_eq!(g.header[0], "niveau");
    assert_eq!(g.rows[0][0].text, "nationalt niveau");
    assert_eq!(g.rows[0][1].text, "Regeringen");
    // With sources, every sourced cell gets a line under the legend.
    assert_eq!(g.notes[1], "Kilder:");
    assert!(g.notes[2].starts_with("national x strategy: Kartlegging"), "{:?}", g.notes);
}

#[test]
fn an_operational_matrix_marks_used_cells_with_their_text() {
    let c = full();
    let ms = matrix::operational(&c, None, None, Lang::En);
    assert_eq!(ms.len(), 1);
    let g = with(&c, Lang::En, false, |o| operational(&ms[0], o));
    // The slide is of low confidence, so its title carries the mark.
    assert_eq!(g.title, "Operational steering: DIGST (general) ?");
    assert_eq!(g.header[0], "role");
    assert_eq!(g.header[4], "4 principles and common standards");
    let coordination = g.rows.iter().find(|r| r[0].text == "coordination").expect("a coordination row");
    assert_eq!(texts(coordination), ["coordination", "✗", "✗", "✗", "✓ Common standards for everyone", "✗"]);
    assert!(g.notes.contains(&"Slide: DIGST steers".to_string()), "{:?}", g.notes);
    assert!(g.notes.contains(&"✓ used, ✗ not used".to_string()), "{:?}", g.notes);
}

#[test]
fn the_resources_grid_gives_figures_as_written() {
    let c = full();
    let g = with(&c, Lang::En, false, |o| resources(&resources::resources(&c, Lang::En), o));
    assert_eq!(g.title, "Resources: Denmark");
    assert_eq!(g.header, ["actor", "central unit", "FTE", "budget", "EUR m", "rate", "year", "covers"]);
    assert_eq!(texts(&g.rows[0]), ["DIGST", "", "~160", "", "", "", "2017", "The whole agency"]);
}

#[test]
fn compared_role_matrices_put_the_countries_side_by_side() {
    let dk = base();
    let mut other = base();
    other.code = "xx".into();
    other.name.insert(Lang::En, "Testland");
    let cmp = compare::roles(&[dk.clone(), other.clone()], Lang::En);
    let names = Labels::of(&[&dk, &other], Lang::En);
    let g = compare_roles(&cmp, &GridOptions { lang: Lang::En, detail: false, sources: false, names: &names });
    assert_eq!(g.sheet, "comparison");
    assert_eq!(g.header, ["level", "role", "Denmark", "Testland"]);
    let strategy = g.rows.iter().find(|r| r[0].text == "national" && r[1].text == "strategy").expect("a row");
    assert_eq!(texts(strategy), ["national", "strategy", "Danish Government", "Danish Government"]);
}

#[test]
fn a_diff_lists_what_changed_in_words() {
    let a = base();
    let b = full();
    let grids = diff(&crate::scenario::diff::diff(&a, &b, &[]), Lang::En);
    let titles: Vec<&str> = grids.iter().map(|g| g.title.as_str()).collect();
    assert!(titles.contains(&"Operational steering"), "{titles:?}");
    let steering = grids.iter().find(|g| g.title == "Operational steering").expect("a steering grid");
    assert_eq!(steering.header, ["actor", "sector", "role", "instrument", "change"]);
    assert_eq!(
        texts(&steering.rows[0]),
        ["DIGST", "general", "coordination", "4 principles and common standards", "now used"]
    );
    // The same model twice: one grid that says so.
    let same = diff(&crate::scenario::diff::diff(&a, &a, &[]), Lang::Sv);
    assert_eq!(same.len(), 1);
    assert_eq!(same[0].title, "Inga skillnader");
    assert_eq!(texts(&same[0].rows[0]), ["de två modellerna har samma fakta"]);
}

#[test]
fn metric_names_come_from_words_or_the_key() {
    assert_eq!(metric_name(Lang::En, "in_degree"), "in-degree");
    assert_eq!(metric_name(Lang::Nb, "reach_3"), "når innen 3");
    assert_eq!(metric_name(Lang::En, "something_new"), "something new");
}
