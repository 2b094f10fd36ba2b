//! The actor list: one row per actor with fixed, machine-readable columns, as `nordgov matrix
//! --kind actors` writes it (CSV, XLSX, ...) and as `nordgov import` reads it back from a
//! spreadsheet an analyst maintains. Both directions go through the raw model form
//! ([`RawActor`]), so a row says exactly what a model file would.

use crate::diagnostic::{Code, Diagnostic};
use crate::load::raw::{DateValue, RawActor, RawAttribute, RawFile, RawNames, Sources, Sp};
use crate::model::{
    is_valid_id, ActorKind, Confidence, Country, Lang, Level, Participation, Portfolio, RelationType, Standing,
    Vocabulary,
};

/// The columns, in order; `name_xx` holds the name in language `xx`. `portfolio`, `standing` and
/// `participation` hold a term, or the TOML inline table a model file would hold when the term
/// has sources of its own (`{ value = "finance", source = "doc:12", confidence = "high" }`).
pub const COLUMNS: [&str; 23] = [
    "id",
    "kind",
    "level",
    "parent",
    "parent_relation",
    "central",
    "portfolio",
    "standing",
    "participation",
    "abbr",
    "name_en",
    "name_nb",
    "name_sv",
    "name_da",
    "name_fi",
    "name_is",
    "aliases",
    "valid_from",
    "valid_to",
    "source",
    "confidence",
    "reconstructed",
    "note",
];

/// Columns a sheet written before they existed may lack.
const OPTIONAL: [&str; 4] = ["portfolio", "standing", "participation", "name_is"];

/// Several values in one cell (aliases, sources) are separated by this.
const SEP: &str = "; ";

fn date_text(d: &Sp<DateValue>) -> String {
    match d.get() {
        DateValue::Year(y) => y.to_string(),
        DateValue::Month(m) => m.clone(),
        DateValue::Date(dt) => dt.to_string(),
    }
}

/// One row per actor of `c`, in id order, as text in [`COLUMNS`] order.
pub fn rows(c: &Country) -> Vec<Vec<String>> {
    c.actors
        .values()
        .map(|a| {
            let r = crate::files::print::actor(a);
            let name = |l: Lang| r.name.0.iter().find(|(k, _)| k.get() == l.key()).map(|(_, n)| n.clone());
            let sources: Vec<String> = r
                .source
                .as_ref()
                .map(|s| s.get().items(0..0).into_iter().map(|(r, _)| r).collect())
                .unwrap_or_default();
            vec![
                r.id.get().clone(),
                r.kind.get().clone(),
                r.level.get().clone(),
                r.parent.as_ref().map(|p| p.get().clone()).unwrap_or_default(),
                r.parent_relation.as_ref().map(|p| p.get().clone()).unwrap_or_default(),
                r.central.map(|b| b.to_string()).unwrap_or_default(),
                attribute_text(r.portfolio.as_ref()),
                attribute_text(r.standing.as_ref()),
                attribute_text(r.participation.as_ref()),
                r.abbr.clone().unwrap_or_default(),
                name(Lang::En).unwrap_or_default(),
                name(Lang::Nb).unwrap_or_default(),
                name(Lang::Sv).unwrap_or_default(),
                name(Lang::Da).unwrap_or_default(),
                name(Lang::Fi).unwrap_or_default(),
                name(Lang::Is).unwrap_or_default(),
                r.aliases.join(SEP),
                r.valid_from.as_ref().map(date_text).unwrap_or_default(),
                r.valid_to.as_ref().map(date_text).unwrap_or_default(),
                sources.join(SEP),
                r.confidence.as_ref().map(|c| c.get().clone()).unwrap_or_default(),
                r.reconstructed.map(|b| b.to_string()).unwrap_or_default(),
                r.note.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

/// An attribute cell: the bare term, or the inline table a model file writes.
fn attribute_text(a: Option<&Sp<RawAttribute>>) -> String {
    match a.map(Sp::get) {
        None => String::new(),
        Some(RawAttribute::Plain(t)) => t.clone(),
        Some(sourced) => toml::Value::try_from(sourced).map(|v| v.to_string()).unwrap_or_default(),
    }
}

/// An attribute from a cell (a term of `V`, or an inline table with one), or a diagnostic.
fn attribute<V: Vocabulary>(
    v: &str,
    origin: &str,
    row: usize,
    col: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Option<Sp<RawAttribute>>> {
    if v.is_empty() {
        return Some(None);
    }
    if !v.starts_with('{') {
        return term::<V>(v, origin, row, col, diags).map(|t| Some(Sp::new(RawAttribute::Plain(t.key().to_string()))));
    }
    #[derive(serde::Deserialize)]
    struct Cell {
        v: RawAttribute,
    }
    match toml::from_str::<Cell>(&format!("v = {v}")) {
        Ok(Cell { v: RawAttribute::Sourced(t) }) => {
            term::<V>(t.value.get(), origin, row, col, diags)?;
            Some(Some(Sp::new(RawAttribute::Sourced(t))))
        }
        Ok(Cell { v: plain }) => Some(Some(Sp::new(plain))),
        Err(e) => {
            diags.push(
                Diagnostic::new(
                    Code::E0103,
                    format!("{}: not a term or a table: {}", at(origin, row, col), e.message()),
                )
                .with_path(origin.to_string())
                .hint(
                    "write the term (finance) or { value = \"finance\", source = \"doc:12\", confidence = \"high\" }",
                ),
            );
            None
        }
    }
}

/// Where a problem is: `origin` (file and sheet), the 1-based row and the column name.
fn at(origin: &str, row: usize, col: &str) -> String {
    format!("{origin}, row {row}, column {col}")
}

/// A vocabulary term from a cell, or the loader's diagnostic for it (with its suggestion),
/// placed at the row and column instead of a span.
fn term<V: Vocabulary>(v: &str, origin: &str, row: usize, col: &str, diags: &mut Vec<Diagnostic>) -> Option<V> {
    match crate::load::lookup_term::<V>(0, &Sp::new(v.to_string())) {
        Ok(t) => Some(t),
        Err(mut d) => {
            d.labels.clear();
            d.message = format!("{}: {}", at(origin, row, col), d.message);
            diags.push(d.with_path(origin.to_string()));
            None
        }
    }
}

fn flag(v: &str, origin: &str, row: usize, col: &str, diags: &mut Vec<Diagnostic>) -> Option<Option<bool>> {
    match v {
        "" => Some(None),
        "true" => Some(Some(true)),
        "false" => Some(Some(false)),
        _ => {
            diags.push(
                Diagnostic::new(Code::E0103, format!("{}: `{v}` is not true or false", at(origin, row, col)))
                    .with_path(origin.to_string()),
            );
            None
        }
    }
}

fn date(v: &str, origin: &str, row: usize, col: &str, diags: &mut Vec<Diagnostic>) -> Option<Option<Sp<DateValue>>> {
    if v.is_empty() {
        return Some(None);
    }
    let parsed = match v.parse::<i64>() {
        Ok(y) => Some(DateValue::Year(y)),
        Err(_) => match crate::load::parse_month(v) {
            Some(_) => Some(DateValue::Month(v.to_string())),
            None => v.parse::<toml::value::Datetime>().ok().map(DateValue::Date),
        },
    };
    if parsed.is_none() {
        diags.push(
            Diagnostic::new(Code::E0106, format!("{}: `{v}` is not a date", at(origin, row, col)))
                .with_path(origin.to_string())
                .hint("write a year (2020) or a day (2020-01-01)"),
        );
    }
    parsed.map(|d| Some(Sp::new(d)))
}

/// Reads actors from the rows of a sheet (`origin` names it in messages): the first row that
/// starts with the [`COLUMNS`] header, then every row below it up to the first empty one. A row
/// that cannot be read gets a diagnostic per problem and is left out; the others are returned.
pub fn read(rows: &[Vec<String>], origin: &str) -> (Vec<RawActor>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let Some(start) =
        rows.iter().position(|r| r.iter().map(String::as_str).take(3).eq(COLUMNS.iter().copied().take(3)))
    else {
        diags.push(
            Diagnostic::new(Code::E0104, format!("{origin}: no actor list (a row starting id, kind, level)"))
                .with_path(origin.to_string())
                .hint("export one with `nordgov matrix COUNTRY --kind actors --format xlsx`"),
        );
        return (Vec::new(), diags);
    };
    let header: Vec<&str> = rows.get(start).map(|r| r.iter().map(String::as_str).collect()).unwrap_or_default();
    for missing in COLUMNS.iter().filter(|c| !header.contains(c) && !OPTIONAL.contains(c)) {
        diags.push(
            Diagnostic::new(Code::E0104, format!("{origin}: the header has no column `{missing}`"))
                .with_path(origin.to_string()),
        );
    }
    let mut actors = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(start + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            break;
        }
        let n = i + 1;
        let cell = |col: &str| -> String {
            header
                .iter()
                .position(|h| *h == col)
                .and_then(|j| row.get(j))
                .map(|v| unneutralise(v.trim()))
                .unwrap_or_default()
        };
        let before = diags.len();
        let id = cell("id");
        if !is_valid_id(&id) {
            diags.push(
                Diagnostic::new(Code::E0106, format!("{}: `{id}` is not a valid id", at(origin, n, "id")))
                    .with_path(origin.to_string())
                    .hint("ids use lowercase a-z, 0-9 and _, and start with a letter"),
            );
        }
        let kind = term::<ActorKind>(&cell("kind"), origin, n, "kind", &mut diags);
        let level = term::<Level>(&cell("level"), origin, n, "level", &mut diags);
        let pr = cell("parent_relation");
        let parent_relation =
            if pr.is_empty() { None } else { term::<RelationType>(&pr, origin, n, "parent_relation", &mut diags) };
        let conf = cell("confidence");
        let confidence =
            if conf.is_empty() { None } else { term::<Confidence>(&conf, origin, n, "confidence", &mut diags) };
        let central = flag(&cell("central"), origin, n, "central", &mut diags);
        let reconstructed = flag(&cell("reconstructed"), origin, n, "reconstructed", &mut diags);
        let valid_from = date(&cell("valid_from"), origin, n, "valid_from", &mut diags);
        let valid_to = date(&cell("valid_to"), origin, n, "valid_to", &mut diags);
        let portfolio = attribute::<Portfolio>(&cell("portfolio"), origin, n, "portfolio", &mut diags);
        let standing = attribute::<Standing>(&cell("standing"), origin, n, "standing", &mut diags);
        let participation = attribute::<Participation>(&cell("participation"), origin, n, "participation", &mut diags);
        if diags.len() > before {
            continue;
        }
        let names = Lang::ALL
            .iter()
            .filter_map(|l| {
                let v = cell(&format!("name_{}", l.key()));
                (!v.is_empty()).then(|| (Sp::new(l.key().to_string()), v))
            })
            .collect();
        let list = |col: &str| -> Vec<String> {
            cell(col).split(SEP.trim()).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        let sources = list("source");
        let opt = |v: String| (!v.is_empty()).then_some(v);
        actors.push(RawActor {
            id: Sp::new(id),
            name: RawNames(names),
            abbr: opt(cell("abbr")),
            aliases: list("aliases"),
            kind: Sp::new(kind.map(|k| k.key().to_string()).unwrap_or_default()),
            level: Sp::new(level.map(|l| l.key().to_string()).unwrap_or_default()),
            parent: opt(cell("parent")).map(Sp::new),
            parent_relation: parent_relation.map(|r| Sp::new(r.key().to_string())),
            member_of: Vec::new(),
            central: central.flatten(),
            portfolio: portfolio.flatten(),
            standing: standing.flatten(),
            participation: participation.flatten(),
            source: Sources::from_refs(sources),
            confidence: confidence.map(|c| Sp::new(c.key().to_string())),
            reconstructed: reconstructed.flatten(),
            note: opt(cell("note")),
            valid_from: valid_from.flatten(),
            valid_to: valid_to.flatten(),
        });
    }
    (actors, diags)
}

/// A cell as it was before nordgov's CSV writer neutralised it (`'=x` back to `=x`).
fn unneutralise(v: &str) -> String {
    match v.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => v.to_string(),
    }
}

/// The model file text of `actors` (`actors.toml`), or the serialiser's error.
pub fn actors_file(actors: Vec<RawActor>) -> Result<String, toml::ser::Error> {
    let items: Vec<RawFile> =
        actors.into_iter().map(|a| RawFile { actor: vec![Sp::new(a)], ..Default::default() }).collect();
    crate::files::print::file_text(&items)
}
