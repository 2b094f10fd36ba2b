//! Moving around a model: go to definition, find references, rename an actor, and the outline
//! of a file. Every answer covers the whole unit (the model directory and its scenarios), read
//! from the files' indexes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::{DocumentSymbol, Location, Position, SymbolKind, TextEdit, Url, WorkspaceEdit};

use super::index::{EntryKind, IdKind, Occurrence};
use super::state::{Doc, State};
use crate::model::{is_valid_id, Labelled, Lang, Level, RelationType, Role, Vocabulary};

/// The files a request about `path` looks at: its unit's, or the file alone.
pub fn scope<'a>(state: &'a State, path: &'a Path) -> Vec<(&'a PathBuf, &'a Doc)> {
    match state.doc(path) {
        Some((_, Some(unit))) => unit.docs().collect(),
        Some((doc, None)) => state.loose.get_key_value(path).map(|(p, _)| (p, doc)).into_iter().collect(),
        None => Vec::new(),
    }
}

/// The id at `pos` in `path`.
pub fn id_at(state: &State, path: &Path, pos: Position) -> Option<Occurrence> {
    let (doc, _) = state.doc(path)?;
    let offset = doc.lines.offset(&doc.text, pos);
    doc.index.at(offset).cloned()
}

fn location(state: &State, path: &Path, doc: &Doc, o: &Occurrence) -> Option<Location> {
    Some(Location { uri: state.uri(path)?, range: doc.lines.range(&doc.text, &o.span) })
}

/// Every occurrence of `id` as a `kind` in the scope of `path`, definitions only if `defs`.
fn occurrences<'a>(
    state: &'a State,
    path: &'a Path,
    kind: IdKind,
    id: &'a str,
) -> impl Iterator<Item = (&'a PathBuf, &'a Doc, &'a Occurrence)> + 'a {
    scope(state, path).into_iter().flat_map(move |(p, doc)| {
        doc.index.occurrences.iter().filter(move |o| o.kind == kind && o.id == id).map(move |o| (p, doc, o))
    })
}

/// Where the id at `pos` is defined.
pub fn definition(state: &State, path: &Path, pos: Position) -> Vec<Location> {
    let Some(at) = id_at(state, path, pos) else { return Vec::new() };
    occurrences(state, path, at.kind, &at.id)
        .filter(|(_, _, o)| o.def)
        .filter_map(|(p, doc, o)| location(state, p, doc, o))
        .collect()
}

/// Every place the id at `pos` stands (its definitions too if `declarations`).
pub fn references(state: &State, path: &Path, pos: Position, declarations: bool) -> Vec<Location> {
    let Some(at) = id_at(state, path, pos) else { return Vec::new() };
    occurrences(state, path, at.kind, &at.id)
        .filter(|(_, _, o)| declarations || !o.def)
        .filter_map(|(p, doc, o)| location(state, p, doc, o))
        .collect()
}

/// The range of the actor id at `pos`, if it can be renamed.
pub fn prepare_rename(state: &State, path: &Path, pos: Position) -> Result<lsp_types::Range, String> {
    let (doc, _) = state.doc(path).ok_or("the file is not open")?;
    match id_at(state, path, pos) {
        Some(o) if o.kind == IdKind::Actor => Ok(doc.lines.range(&doc.text, &o.span)),
        _ => Err("only actor ids can be renamed; put the cursor on one".into()),
    }
}

/// Renames the actor at `pos` to `new` in every file of the unit. Refuses an id that is not
/// valid or already names an actor, and a unit with a file that does not parse (its uses of
/// the id could not all be found).
pub fn rename(state: &State, path: &Path, pos: Position, new: &str) -> Result<WorkspaceEdit, String> {
    prepare_rename(state, path, pos)?;
    let at = id_at(state, path, pos).ok_or("no actor id here")?;
    if !is_valid_id(new) {
        return Err(format!("`{new}` is not a valid id (lowercase a-z, 0-9 and _)"));
    }
    if new == at.id {
        return Ok(WorkspaceEdit::default());
    }
    if occurrences(state, path, IdKind::Actor, new).any(|(_, _, o)| o.def) {
        return Err(format!("an actor `{new}` exists already; choose another id"));
    }
    if let Some((p, _)) = scope(state, path).into_iter().find(|(_, d)| d.index.broken) {
        return Err(format!(
            "{} has a syntax error, so not every use of `{}` can be found; fix it first",
            crate::files::workspace::display(p),
            at.id
        ));
    }
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for (p, doc, o) in occurrences(state, path, IdKind::Actor, &at.id) {
        let Some(uri) = state.uri(p) else { continue };
        changes
            .entry(uri)
            .or_default()
            .push(TextEdit { range: doc.lines.range(&doc.text, &o.span), new_text: new.to_string() });
    }
    Ok(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() })
}

/// The outline of a file: its actors (by id, with name and kind), relations (in words) and
/// role entries (role and level).
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written out
pub fn symbols(doc: &Doc) -> Vec<DocumentSymbol> {
    let word = |key: &str, f: fn(&str) -> Option<String>| f(key).unwrap_or_else(|| key.to_string());
    doc.index
        .entries
        .iter()
        .map(|e| {
            let end = doc.index.item_end(e.header.start, doc.text.len());
            let body = doc.text.get(e.header.start..end).unwrap_or("");
            let range = e.header.start..e.header.start + body.trim_end().len();
            let selection = e.name_span.clone().filter(|s| range.contains(&s.start)).unwrap_or(e.header.clone());
            let part = |i: usize| e.parts.get(i).cloned().unwrap_or_default();
            let (name, detail, kind) = match e.kind {
                EntryKind::Actor => {
                    let facts = doc.index.actors.iter().find(|(id, _)| *id == part(0)).map(|(_, f)| f);
                    let name = facts.and_then(|f| f.names.iter().find(|(l, _)| l == "en").or(f.names.first()));
                    (part(0), name.map(|(_, n)| n.clone()), SymbolKind::CLASS)
                }
                EntryKind::Relation => {
                    let verb = word(&part(1), |k| RelationType::from_key(k).map(|r| r.label(Lang::En).to_string()));
                    (format!("{} {verb} {}", part(0), part(2)), None, SymbolKind::EVENT)
                }
                EntryKind::Role => {
                    let role = word(&part(1), |k| Role::from_key(k).map(|r| r.label(Lang::En).to_string()));
                    let level = word(&part(0), |k| Level::from_key(k).map(|l| format!("{} level", l.label(Lang::En))));
                    let holders = e.parts.get(2..).unwrap_or_default().join(", ");
                    (format!("{role}, {level}"), Some(holders), SymbolKind::FIELD)
                }
            };
            DocumentSymbol {
                name: if name.is_empty() { "(no id)".into() } else { name },
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: doc.lines.range(&doc.text, &range),
                selection_range: doc.lines.range(&doc.text, &selection),
                children: None,
            }
        })
        .collect()
}
