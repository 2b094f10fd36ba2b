//! Completion: what may stand at the cursor, read from the text around it (a half-typed line
//! does not parse, so the context is taken from the line and the table header above it).
//!
//! After `key =` the values of that key: actor ids (with the actor's name and kind) where an
//! actor is expected, the terms of the vocabularies (levels, roles, instruments, kinds, relation
//! types and the smaller ones) with their descriptions, document ids in `source`/`sources`. At
//! the start of a line, the keys of the current table not yet written, described as the JSON
//! Schema (`nordgov schema`) describes them, so the lists cannot drift from what the loader
//! accepts. Scenario tables, whose types are private to their parser, list their keys here (a
//! test checks the parser accepts each).

use std::path::Path;
use std::sync::OnceLock;

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Position, TextEdit};
use serde_json::Value;

use super::navigate::scope;
use super::state::State;
use crate::load::raw::SECTIONS;
use crate::model::{
    ActorKind, Confidence, DocumentKind, FindingKind, Instrument, Labelled, Lang, Level, LevelCharacter, Participation,
    Polarity, Portfolio, Qualifier, RelationType, ResourceScope, Role, Scale, Sector, Standing, StrategyKind, Theme,
    Vocabulary,
};

/// Keys of a scenario's `[scenario]` table (scenario/parse.rs, `RawHeader`).
pub const SCENARIO_KEYS: &[&str] =
    &["name", "base", "as_of", "rationale", "sources", "copies", "dimensions", "reproduces"];
/// Keys of a scenario's `[[op]]` tables (scenario/parse.rs, `RawOp`).
pub const OP_KEYS: &[&str] = &[
    "op",
    "note",
    "actor",
    "actors",
    "transfer_to",
    "name",
    "abbr",
    "id",
    "kind",
    "level",
    "central",
    "successor",
    "date",
    "parent",
    "relation",
    "into",
    "parts",
    "assign",
    "role",
    "qualifier",
    "from",
    "to",
    "type",
    "sector",
    "instrument",
    "new_instrument",
    "text",
    "target_levels",
    "fte",
    "budget",
    "currency",
    "scope",
    "binding",
    "portfolio",
    "standing",
    "participation",
];

/// Keys whose values are actor ids.
const ACTOR_KEYS: &[&str] =
    &["parent", "member_of", "from", "to", "actors", "primary_actors", "actor", "targets", "transfer_to"];

/// Where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Context {
    /// Writing a key of the table at this path.
    Key(Vec<String>),
    /// Writing a value of `key` in the table at this path; `quoted` if inside a string.
    Value { table: Vec<String>, key: String, quoted: bool },
}

/// The completions at `pos` in `path`.
pub fn complete(state: &State, path: &Path, pos: Position) -> Vec<CompletionItem> {
    let Some((doc, _)) = state.doc(path) else { return Vec::new() };
    let offset = doc.lines.offset(&doc.text, pos);
    let before = doc.text.get(..offset).unwrap_or("");
    let word_len = before.chars().rev().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').count();
    let replace = doc.lines.range(&doc.text, &(offset - word_len..offset));
    let item = |label: String, detail: Option<String>, kind: CompletionItemKind, insert: String| CompletionItem {
        label,
        detail,
        kind: Some(kind),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range: replace, new_text: insert })),
        ..CompletionItem::default()
    };
    match context(before) {
        Context::Key(table) => {
            let written = written_keys(&doc.text, &doc.index.headers, offset);
            keys(&table, doc.scenario)
                .into_iter()
                .filter(|(k, _)| !written.contains(k))
                .map(|(k, d)| item(k.clone(), d, CompletionItemKind::PROPERTY, format!("{k} = ")))
                .collect()
        }
        Context::Value { table, key, quoted } => {
            let wrap = |s: &str| if quoted { s.to_string() } else { format!("\"{s}\"") };
            let files = scope(state, path);
            let (mut values, kind): (Vec<(String, Option<String>)>, _) = if key == "source" || key == "sources" {
                let docs = files.iter().flat_map(|(_, d)| d.index.documents.iter());
                (docs.map(|(id, f)| (id.clone(), f.title.clone())).collect(), CompletionItemKind::REFERENCE)
            } else if ACTOR_KEYS.contains(&key.as_str()) {
                let actors = files.iter().flat_map(|(_, d)| d.index.actors.iter());
                (actors.map(|(id, f)| (id.clone(), actor_detail(f))).collect(), CompletionItemKind::VALUE)
            } else {
                let terms = terms(table.first().map_or("", String::as_str), &key, doc.scenario);
                (terms.into_iter().map(|(k, d)| (k, Some(d))).collect(), CompletionItemKind::ENUM_MEMBER)
            };
            values.sort_by(|a, b| a.0.cmp(&b.0));
            values.dedup_by(|a, b| a.0 == b.0);
            values.into_iter().map(|(v, d)| item(v.clone(), d, kind, wrap(&v))).collect()
        }
    }
}

/// An actor's name and kind, as a completion's detail: `Agency for Digital Government (agency)`.
fn actor_detail(f: &super::index::ActorFacts) -> Option<String> {
    let name = f.names.iter().find(|(l, _)| l == "en").or(f.names.first()).map(|(_, n)| n.as_str());
    let kind = f.kind.as_deref().and_then(ActorKind::from_key).map(|k| k.label(Lang::En));
    match (name, kind) {
        (Some(n), Some(k)) => Some(format!("{n} ({k})")),
        (n, k) => n.or(k).map(str::to_string),
    }
}

/// Reads the context from the text before the cursor.
fn context(before: &str) -> Context {
    let table = current_table(before);
    let line = before.rsplit('\n').next().unwrap_or("");
    if let Some((key, value)) = last_assignment(line) {
        let quoted = value.matches('"').count() % 2 == 1 || value.matches('\'').count() % 2 == 1;
        return Context::Value { table, key, quoted };
    }
    // Inside a multi-line array: the key of the nearest line above that opens it.
    let mut depth = line.matches('[').count() as i64 - line.matches(']').count() as i64;
    if line.trim_start().starts_with('[') && depth <= 0 {
        return Context::Key(Vec::new());
    }
    for above in before.rsplit('\n').skip(1).take(200) {
        if above.trim_start().starts_with('[') && !above.contains('=') {
            break;
        }
        depth += above.matches('[').count() as i64 - above.matches(']').count() as i64;
        if let Some((key, _)) = last_assignment(above) {
            if depth > 0 {
                let quoted = line.matches('"').count() % 2 == 1;
                return Context::Value { table, key, quoted };
            }
            break;
        }
    }
    Context::Key(table)
}

/// The key and the text after `=` of the last assignment on `line` outside strings
/// (`successor = { id = "x", level = "st` gives `level`).
fn last_assignment(line: &str) -> Option<(String, String)> {
    let mut quote: Option<char> = None;
    let mut eq = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '#') => return None,
            (None, '=') => eq = Some(i),
            _ => {}
        }
    }
    let eq = eq?;
    let lhs = line.get(..eq)?.trim_end();
    let key: String = lhs
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!key.is_empty()).then(|| (key, line.get(eq + 1..).unwrap_or("").to_string()))
}

/// The path of the table header above the cursor (`[[steering.cell]]` gives steering, cell).
fn current_table(before: &str) -> Vec<String> {
    let header = before.lines().rev().map(str::trim).find(|l| l.starts_with('[') && !l.contains('='));
    header
        .map(|h| {
            h.trim_matches(|c| c == '[' || c == ']' || c == ' ')
                .split('.')
                .map(|p| p.trim().trim_matches('"').to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Keys already written in the item the cursor is in.
fn written_keys(text: &str, headers: &[usize], offset: usize) -> Vec<String> {
    let start = headers.iter().copied().rfind(|&h| h < offset).unwrap_or(0);
    let end = headers.iter().copied().find(|&h| h > offset).unwrap_or(text.len());
    text.get(start..end)
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect()
}

/// The keys of the table at `path` with their descriptions.
fn keys(path: &[String], scenario: bool) -> Vec<(String, Option<String>)> {
    let plain = |ks: &[&str]| ks.iter().map(|k| (k.to_string(), None)).collect();
    if scenario {
        return match path.first().map(String::as_str) {
            Some("scenario") => plain(SCENARIO_KEYS),
            Some("op") => plain(OP_KEYS),
            _ => plain(&["scenario", "op"]),
        };
    }
    if path.is_empty() {
        return plain(SECTIONS);
    }
    let Some(root) = schema() else { return Vec::new() };
    let mut node = resolve(root, root);
    for name in path {
        let next = node
            .get("properties")
            .and_then(|p| p.get(name.as_str()))
            .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()));
        let Some(next) = next else { return Vec::new() };
        node = resolve(root, next);
        if let Some(items) = node.get("items") {
            node = resolve(root, items);
        }
    }
    let Some(props) = node.get("properties").and_then(Value::as_object) else { return Vec::new() };
    props
        .iter()
        .map(|(k, v)| {
            let d = resolve(root, v).get("description").or_else(|| v.get("description"));
            (k.clone(), d.and_then(Value::as_str).map(|s| s.lines().next().unwrap_or(s).to_string()))
        })
        .collect()
}

/// The model format's JSON Schema, parsed once.
fn schema() -> Option<&'static Value> {
    static SCHEMA: OnceLock<Option<Value>> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(&crate::files::schema::json_schema()).ok()).as_ref()
}

/// `v` with a `$ref` followed, or the first object branch of an `anyOf`.
fn resolve<'a>(root: &'a Value, v: &'a Value) -> &'a Value {
    if let Some(r) = v.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r);
        if let Some(d) = root.get("definitions").and_then(|d| d.get(name)) {
            return d;
        }
    }
    if let Some(branches) = v.get("anyOf").and_then(Value::as_array) {
        if let Some(b) = branches.iter().map(|b| resolve(root, b)).find(|b| b.get("properties").is_some()) {
            return b;
        }
    }
    v
}

fn vocab<V: Vocabulary>() -> Vec<(String, String)> {
    V::ALL.iter().map(|t| (t.key().to_string(), t.describe().to_string())).collect()
}

/// The terms `key` takes in a table under `section`.
fn terms(section: &str, key: &str, scenario: bool) -> Vec<(String, String)> {
    match key {
        "level" | "target_levels" => vocab::<Level>(),
        "role" | "roles" => vocab::<Role>(),
        "instrument" | "new_instrument" => vocab::<Instrument>(),
        "type" | "parent_relation" | "relation" => vocab::<RelationType>(),
        "kind" => match section {
            "documents" => vocab::<DocumentKind>(),
            "finding" => vocab::<FindingKind>(),
            "strategy" => vocab::<StrategyKind>(),
            _ => vocab::<ActorKind>(),
        },
        "confidence" => vocab::<Confidence>(),
        "sector" => vocab::<Sector>(),
        "polarity" => vocab::<Polarity>(),
        "theme" => vocab::<Theme>(),
        "scope" => vocab::<ResourceScope>(),
        "portfolio" => vocab::<Portfolio>(),
        "standing" => vocab::<Standing>(),
        "participation" => vocab::<Participation>(),
        "scale" => vocab::<Scale>(),
        "language" | "languages" => vocab::<Lang>(),
        "qualifier" => vocab::<Qualifier>(),
        "character" => vocab::<LevelCharacter>(),
        "op" if scenario => crate::scenario::OPS.iter().map(|o| (o.to_string(), "operation".to_string())).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(s: &str) -> Context {
        context(s)
    }

    #[test]
    fn reads_the_context_of_half_typed_lines() {
        let v = |t: &[&str], k: &str, q: bool| Context::Value {
            table: t.iter().map(|s| s.to_string()).collect(),
            key: k.into(),
            quoted: q,
        };
        assert_eq!(ctx("[[actor]]\nid = \"a\"\nparent = \"di"), v(&["actor"], "parent", true));
        assert_eq!(ctx("[[actor]]\nkind = "), v(&["actor"], "kind", false));
        assert_eq!(ctx("[[role]]\nactors = [\n  \"kmd\",\n  \"d"), v(&["role"], "actors", true));
        assert_eq!(ctx("[[steering.cell]]\nrole = \"x\"\nta"), Context::Key(vec!["steering".into(), "cell".into()]));
        assert_eq!(context("[[op]]\nsuccessor = { id = \"x\", level = \"st"), v(&["op"], "level", true));
    }

    #[test]
    fn keys_come_from_the_schema() {
        let actor: Vec<String> = keys(&["actor".into()], false).into_iter().map(|(k, _)| k).collect();
        assert!(actor.contains(&"parent".to_string()) && actor.contains(&"member_of".to_string()), "{actor:?}");
        let cell: Vec<String> = keys(&["steering".into(), "cell".into()], false).into_iter().map(|(k, _)| k).collect();
        assert!(cell.contains(&"targets".to_string()), "{cell:?}");
        let doc: Vec<String> = keys(&["documents".into(), "x".into()], false).into_iter().map(|(k, _)| k).collect();
        assert!(doc.contains(&"url".to_string()), "{doc:?}");
    }

    #[test]
    fn the_scenario_parser_accepts_every_listed_key() {
        let limits = crate::load::Limits::default();
        for (table, keys) in
            [("[scenario]\nname = \"n\"\nbase = \"b\"\n", SCENARIO_KEYS), ("[[op]]\nop = \"move\"\n", OP_KEYS)]
        {
            for k in keys {
                let text = format!("{table}{k} = 1\n");
                let diags = crate::scenario::parse(0, &text, &limits).err().unwrap_or_default();
                assert!(
                    !diags.iter().any(|d| d.message.starts_with("unknown key")),
                    "{k}: {:?}",
                    diags.iter().map(|d| &d.message).collect::<Vec<_>>()
                );
            }
        }
    }
}
