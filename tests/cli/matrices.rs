//! The bundled countries' tables as nordgov prints them: golden snapshots reviewed against the
//! report, and counts that fail when an edit drops facts.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{nordgov, render, root, words_of};
use crate::snapshot;

const COUNTRIES: [&str; 4] = ["dk", "fi", "no", "se"];

fn matrix(args: &[&str]) -> String {
    let (exit, out) =
        render(nordgov().current_dir(root()).arg("matrix").args(args).args(["--width", "120", "--sources"]));
    assert_eq!(exit, 0, "{out}");
    out
}

#[test]
fn role_matrices() {
    for c in COUNTRIES {
        snapshot!(format!("matrix_{c}_roles"), matrix(&[c, "--kind", "roles"]));
    }
}

#[test]
fn strategic_steering_tables() {
    for c in COUNTRIES {
        snapshot!(format!("matrix_{c}_strategic"), matrix(&[c, "--kind", "strategic"]));
    }
}

#[test]
fn operational_steering_matrices() {
    for c in COUNTRIES {
        snapshot!(format!("matrix_{c}_operational"), matrix(&[c, "--kind", "operational", "--detail"]));
    }
}

/// Norway as the report saw it (2017) and after Difi became Digdir and Skate got its mandate.
#[test]
fn norway_as_of_two_dates() {
    let before = matrix(&["no", "--kind", "roles", "--as-of", "2017-06-01"]);
    let after = matrix(&["no", "--kind", "roles", "--as-of", "2020-12-31"]);
    assert!(before.contains("Difi") && !before.contains("Digdir"), "{before}");
    assert!(after.contains("Digdir") && !after.contains("Difi,"), "{after}");
    snapshot!("matrix_no_roles_2017-06-01", before);
    snapshot!("matrix_no_roles_2020-12-31", after);
}

/// Counts per country, computed from the loaded model.
fn counts(code: &str) -> BTreeMap<&'static str, usize> {
    let dir = nordgov::files::workspace::ModelDir { name: code.into(), path: root().join("models").join(code) };
    let mut db = nordgov::diagnostic::SourceDb::new();
    let (c, d) = nordgov::files::workspace::load_model(&dir, &mut db, &nordgov::load::Limits::default());
    let c = c.unwrap_or_else(|| panic!("{code} does not load: {d:?}"));
    let filled = |sector| {
        c.roles
            .iter()
            .filter(|r| r.sector == sector && !r.holders.is_empty())
            .map(|r| (r.level, r.role))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    let figures: usize =
        c.resources.iter().map(|r| usize::from(r.fte.is_some()) + usize::from(r.budget.is_some())).sum();
    BTreeMap::from([
        ("actors", c.actors.len()),
        ("relations", c.relations.len()),
        ("parent links", c.actors.values().filter(|a| a.parent.is_some()).count()),
        ("role entries", c.roles.len()),
        ("role cells filled", filled(nordgov::model::Sector::General)),
        ("strategy rows", c.strategies.len()),
        ("steering slides", c.steering.len()),
        ("steering cells", c.steering.iter().map(|s| s.cells.len()).sum()),
        ("resource figures", figures),
        ("exchange rates", c.exchange_rates.len()),
        ("experiences", c.experiences.len()),
        ("findings", c.findings.len()),
        ("documents", c.documents.len()),
        ("level periods", c.levels.values().map(|l| l.periods.len()).sum()),
    ])
}

/// Every bundled model, Iceland included (the report's tables cover the other four).
const MODELS: [&str; 5] = ["dk", "fi", "is", "no", "se"];

/// models/README.md states the counts in a table; the models must still hold that many facts.
#[test]
fn counts_match_models_readme() {
    let readme = std::fs::read_to_string(root().join("models/README.md")).unwrap();
    let table: Vec<Vec<String>> = readme
        .lines()
        .skip_while(|l| !l.starts_with("| count |"))
        .take_while(|l| l.starts_with('|'))
        .map(|l| l.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect())
        .collect();
    let header = table.first().expect("models/README.md has a `| count | dk | ...` table");
    assert_eq!(header.iter().skip(1).map(String::as_str).collect::<Vec<_>>(), MODELS);
    let computed: Vec<BTreeMap<&str, usize>> = MODELS.iter().map(|c| counts(c)).collect();
    // The table as it should read, for the message when it does not.
    let want: String = computed[0]
        .keys()
        .map(|k| {
            let cells: Vec<String> = computed.iter().map(|m| m[k].to_string()).collect();
            format!("| {k} | {} |\n", cells.join(" | "))
        })
        .collect();
    let mut seen = 0;
    for row in table.iter().skip(2) {
        let name = row[0].as_str();
        for (i, c) in MODELS.iter().enumerate() {
            let stated: usize =
                row[i + 1].parse().unwrap_or_else(|_| panic!("{name}/{c}: `{}` is not a number", row[i + 1]));
            let actual = *computed[i].get(name).unwrap_or_else(|| panic!("unknown count `{name}`"));
            assert_eq!(actual, stated, "{c}: {name} is {actual}, models/README.md says {stated}; the counts:\n{want}");
        }
        seen += 1;
    }
    assert_eq!(seen, computed[0].len(), "models/README.md lists every count");
}

#[test]
fn every_bundled_country_by_default_and_unknown_actor_suggests() {
    let (exit, out) = render(nordgov().current_dir(root()).args(["matrix", "--width", "100"]));
    assert_eq!(exit, 0, "{out}");
    for c in ["Denmark", "Finland", "Iceland", "Norway", "Sweden"] {
        assert!(out.contains(&format!("Role matrix: {c} (general)")), "{out}");
    }
    let (exit, out) =
        render(nordgov().current_dir(root()).args(["matrix", "dk", "--kind", "operational", "--actor", "dgst"]));
    assert_eq!(exit, 2, "{out}");
    assert!(out.contains("did you mean `digst`?"), "{out}");
}

/// Every line of a table fits the width it was asked for, and nothing is cut.
#[test]
fn tables_fit_80_and_200_columns() {
    for width in ["80", "200"] {
        let out =
            nordgov().current_dir(root()).args(["matrix", "dk", "--kind", "roles", "--width", width]).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let w: usize = width.parse().unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= w), "{text}");
        assert!(text.contains("KOMBIT (consulted only)") || text.contains("(consulted"), "{text}");
    }
}

/// The words in the header rows of the terminal tables in `table` that are neither a word of
/// `csv` (the same tables as CSV, where headers are never wrapped) nor an abbreviation a legend
/// line under a table explains (`pop. = population`): the pieces of a header broken inside a
/// word.
fn broken_header_words(table: &str, csv: &str) -> Vec<String> {
    let whole: BTreeSet<String> = words_of(csv).into_iter().collect();
    let mut explained: BTreeSet<String> = BTreeSet::new();
    let notes = table.lines().filter(|l| !l.starts_with('|') && !l.starts_with('+'));
    for entry in notes.flat_map(|l| l.split("; ")) {
        if let Some((short, long)) = entry.split_once(" = ") {
            if short.ends_with('.') || short.contains('.') {
                assert!(whole.contains(long.trim()), "the legend explains `{short}` by `{long}`, not a header word");
                explained.extend(words_of(short));
            }
        }
    }
    // A table's header rows run from its first rule (after a line that is not part of a table)
    // to the `+===` rule.
    let (mut in_header, mut in_table, mut headers) = (false, false, 0);
    let mut broken = Vec::new();
    for line in table.lines() {
        let table_line = line.starts_with('|') || line.starts_with('+');
        if line.starts_with("+-") && !in_table {
            in_header = true;
            headers += 1;
        } else if line.starts_with("+=") {
            in_header = false;
        } else if in_header && line.starts_with('|') {
            broken.extend(words_of(line).into_iter().filter(|w| !whole.contains(w) && !explained.contains(w)));
        }
        in_table = table_line;
    }
    assert!(headers > 0, "no table in\n{table}");
    broken
}

/// No header line of any matrix or comparison ends inside a word (`populati / on`) at 80 or 200
/// columns: narrow columns keep their header words whole or abbreviate them with a legend; and
/// every table but the actor list's 23 fixed columns fits the width.
#[test]
fn headers_never_break_inside_a_word() {
    let mut kinds: Vec<(&str, &str)> =
        ["roles", "strategic", "operational", "resources", "actors"].iter().map(|k| ("matrix", *k)).collect();
    kinds.extend(["profile", "findings", "roles", "instruments", "resources"].iter().map(|k| ("compare", *k)));
    let run = |command: &str, kind: &str, format: &str, width: &str| {
        let out = nordgov()
            .current_dir(root())
            .args([command, "--kind", kind, "--format", format, "--width", width])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    for (command, kind) in kinds {
        let csv = run(command, kind, "csv", "80");
        for width in ["80", "200"] {
            let table = run(command, kind, "table", width);
            let broken = broken_header_words(&table, &csv);
            assert!(
                broken.is_empty(),
                "{command} --kind {kind} --width {width}: headers broken into {broken:?}\n{table}"
            );
            let w: usize = width.parse().unwrap();
            if kind != "actors" {
                let long: Vec<&str> = table.lines().filter(|l| l.chars().count() > w).collect();
                assert!(long.is_empty(), "{command} --kind {kind} is wider than {width}: {long:?}");
            }
        }
    }
    // The example: Central resources at 80 columns abbreviates, with its legend.
    let table = run("compare", "resources", "table", "80");
    assert!(table.contains("popul. = population") || table.contains("pop. = population"), "{table}");
    assert!(!table.contains("| popula "), "{table}");
}

/// The report's own tables: every country's role matrix and strategic and operational steering
/// on the date the report describes it (Denmark, Finland and Sweden mapped in late 2016, Norway in
/// spring 2017) are the tables transcribed from the Nordic report, and stay so however many dated
/// facts after the report the models gain (these snapshots were taken from the models as they
/// were before any was added).
#[test]
fn the_reports_tables_on_the_reports_dates() {
    for c in COUNTRIES {
        let date = if c == "no" { "2017-06-01" } else { "2016-12-31" };
        for (kind, extra) in [("roles", None), ("strategic", None), ("operational", Some("--detail"))] {
            let mut args = vec![c, "--kind", kind, "--as-of", date, "--width", "120"];
            args.extend(extra);
            let (exit, out) = render(nordgov().current_dir(root()).arg("matrix").args(&args));
            assert_eq!(exit, 0, "{out}");
            snapshot!(format!("report_tables_{c}_{kind}"), out);
        }
    }
}
