//! The report's explorer (`explore.html`): every country's actor graph as an interactive page
//! that works offline, opened as files.
//!
//! The page is static HTML (labelled controls, an empty graph, empty tables) and three scripts
//! next to it in `assets/`: the vendored Cytoscape.js (`vendor/cytoscape/`, MIT), the data
//! ([`data()`](fn@data), written by [`script`] as `explorer-data.js`) and the hand-written
//! `explorer.js` (kept beside this file) that draws the graph, the tables and an actor's card
//! from the data.
//! Data travels as a script rather than JSON fetched at run time because browsers refuse to
//! fetch files from a page opened as a file.
//!
//! The data holds the **undated** countries: every actor, parent move, relation, steering edge,
//! role holding and resource carries its validity, so the page replays any year itself, exactly
//! as [`Country::as_of`] does (a browser test compares the two for every country and year).
//! Metrics are the exception: they are computed here, on each model at its reference date.
//! Every label is in the report's language, and model text reaches the page only through
//! `textContent` and `setAttribute`.
//!
//! The parts: [`data`](mod@data) builds what the page reads, [`scenario`] the scenario
//! overlays in it, [`terms`] the vocabularies' labels and styles, [`page`] the page's HTML,
//! style and the [`Word`](crate::render::words::Word)s `explorer.js` looks up by key.

pub mod data;
pub mod page;
pub mod scenario;
pub mod terms;

pub use data::{data, script, ExplorerData};
pub use page::{body, CSS, WORDS};
pub use terms::Term;

use chrono::NaiveDate;

use crate::model::Country;

/// Cytoscape.js 3.35.0, as vendored (written into the site as `assets/cytoscape.min.js`).
pub const CYTOSCAPE_JS: &str = include_str!("../../../../vendor/cytoscape/cytoscape.min.js");
/// Cytoscape.js's MIT licence (written into the site as `assets/cytoscape-LICENSE.txt`).
pub const CYTOSCAPE_LICENSE: &str = include_str!("../../../../vendor/cytoscape/LICENSE");
/// The explorer's own script (written into the site as `assets/explorer.js`).
pub const EXPLORER_JS: &str = include_str!("explorer.js");

/// The years the date slider replays.
pub const YEARS: std::ops::RangeInclusive<i32> = 2016..=2026;

/// The day of a year the slider shows (the day the report's "then" and "now" look at), except
/// in a country's reference year, which shows the reference date.
const YEAR_DAY: (u32, u32) = (6, 1);

/// A scenario the explorer can overlay on its base.
#[derive(Debug, Clone, Copy)]
pub struct ScenarioInput<'a> {
    /// The scenario's report page (`scenario-no-fin_centre.html`).
    pub page: &'a str,
    /// The scenario's name.
    pub name: &'a str,
    /// The date the base is taken on, if the scenario names one.
    pub date: Option<NaiveDate>,
    /// The model the scenario was applied to.
    pub base: &'a Country,
    /// The model it gives.
    pub result: &'a Country,
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::scenario::scenario_key;
    use super::*;
    use crate::model::*;
    use crate::render::words::Word;

    #[test]
    fn every_word_key_the_script_reads_is_in_words_once() {
        // Every word key explorer.js reads (`W['...']` or `word('...')`) is in WORDS.
        for part in EXPLORER_JS.split("word('").skip(1) {
            let key = part.split('\'').next().unwrap_or_default();
            assert!(WORDS.iter().any(|(k, _)| *k == key), "explorer.js uses `{key}`, which is not in WORDS");
        }
        let keys: BTreeSet<&str> = WORDS.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys.len(), WORDS.len(), "a key is in WORDS twice");
        let words: BTreeMap<&str, Word> = WORDS.iter().copied().collect();
        assert_eq!(words["level"].label(Lang::En), "Level");
        assert_eq!(words["edges"], words["edges shown"]);
    }

    #[test]
    fn the_data_script_cannot_end_a_script_element() {
        let mut c = Country { code: "xx".into(), ..Default::default() };
        let mut a = Actor {
            id: ActorId::new("evil"),
            name: Names::default(),
            abbr: Some("</script><script>alert(1)</script>\u{2028}".into()),
            aliases: vec![],
            kind: ActorKind::Agency,
            level: Level::State,
            parent: None,
            central: false,
            portfolio: None,
            standing: None,
            participation: None,
            validity: Validity::default(),
            provenance: Provenance::default(),
        };
        a.name.insert(Lang::En, "<img src=x onerror=alert(1)>");
        c.actors.insert(a.id.clone(), a);
        let s = script(&data(&[c], &[], &BTreeSet::new(), Lang::En));
        assert!(!s.contains("</"), "{s}");
        assert!(!s.contains('\u{2028}'));
        let json = s.split_once(" = ").map(|(_, j)| j.trim_end().trim_end_matches(';')).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
        assert_eq!(v["countries"][0]["actors"][0]["abbr"], "</script><script>alert(1)</script>\u{2028}");
    }

    #[test]
    fn scenario_keys_drop_the_page_prefix() {
        assert_eq!(scenario_key("scenario-no-fin_centre.html", "no"), "fin_centre");
        assert_eq!(scenario_key("other.html", "no"), "other");
    }
}
