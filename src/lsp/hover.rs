//! Hovers and quick fixes.
//!
//! A hover on an actor id shows the actor's card in words (its names, what sort of body it is,
//! its level, whom it hangs under and the roles it holds); on a source reference, the cited
//! lines of the text under `models/sources/` or the web page's title and address. Like every
//! output for people, a card names things and never shows a field name; the id hovered is the
//! only id in it. A quick fix applies the "did you mean" of a diagnostic.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Url, WorkspaceEdit};

use super::index::{ActorFacts, DocumentFacts, IdKind};
use super::navigate::scope;
use super::state::State;
use crate::model::{is_plain_file_name, ActorKind, Labelled, Lang, Level, RelationType, Role, SourceRef, Vocabulary};

/// Most cited lines a hover shows.
const MAX_LINES: usize = 40;

/// The hover text (Markdown) at `pos`, if there is something to say.
pub fn hover(state: &State, path: &Path, pos: lsp_types::Position) -> Option<String> {
    let (doc, unit) = state.doc(path)?;
    let offset = doc.lines.offset(&doc.text, pos);
    let files = scope(state, path);
    let actor =
        |id: &str| files.iter().find_map(|(_, d)| d.index.actors.iter().find(|(a, _)| a == id).map(|(_, f)| f.clone()));
    let document = |id: &str| {
        files.iter().find_map(|(_, d)| d.index.documents.iter().find(|(a, _)| a == id).map(|(_, f)| f.clone()))
    };
    if let Some(s) = doc.index.source_at(offset) {
        let r = SourceRef::parse(&s.text).ok()?;
        let facts = document(&r.document)?;
        let sources = unit.and_then(|u| u.dir.parent()).map(|root| root.join("sources"));
        return Some(source_card(&r, &facts, sources.as_deref()));
    }
    let at = doc.index.at(offset)?;
    match at.kind {
        IdKind::Actor => {
            let facts = actor(&at.id)?;
            let roles: Vec<(String, String)> = files
                .iter()
                .flat_map(|(_, d)| d.index.roles.iter())
                .filter(|r| r.actors.contains(&at.id))
                .map(|r| (r.level.clone(), r.role.clone()))
                .collect();
            let parent = facts.parent.as_deref().map(|p| actor(p).map_or_else(|| p.to_string(), |f| display_name(&f)));
            Some(actor_card(&at.id, &facts, parent.as_deref(), &roles))
        }
        IdKind::Document => document(&at.id).map(|f| document_title(&f)),
        IdKind::Level => Level::from_key(&at.id).map(|l| format!("**{}**: {}", capital(&level_words(l)), l.describe())),
    }
}

/// The name a card calls an actor by: its English name, else its first.
fn display_name(f: &ActorFacts) -> String {
    f.names.iter().find(|(l, _)| l == "en").or(f.names.first()).map_or_else(String::new, |(_, n)| n.clone())
}

fn level_words(l: Level) -> String {
    format!("{} level", l.label(Lang::En))
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// An actor's card: names, kind and level, parent, roles.
pub fn actor_card(id: &str, f: &ActorFacts, parent: Option<&str>, roles: &[(String, String)]) -> String {
    let name = display_name(f);
    let mut out = format!("**{}**", if name.is_empty() { id } else { &name });
    if let Some(a) = &f.abbr {
        out.push_str(&format!(" ({a})"));
    }
    out.push_str(&format!(" · `{id}`\n\n"));
    let kind = f.kind.as_deref().map(|k| ActorKind::from_key(k).map_or(k, |k| k.label(Lang::En)).to_string());
    let level = f.level.as_deref().map(|l| Level::from_key(l).map_or_else(|| l.to_string(), level_words));
    let mut line = match (kind, level) {
        (Some(k), Some(l)) => format!("{} at the {l}", capital(&k)),
        (Some(k), None) => capital(&k),
        (None, Some(l)) => format!("At the {l}"),
        (None, None) => String::new(),
    };
    if let Some(p) = parent {
        let rel = f.parent_relation.as_deref().and_then(RelationType::from_key).unwrap_or(RelationType::ReportsTo);
        line.push_str(&format!("{}{} {p}", if line.is_empty() { "" } else { "; " }, rel.label(Lang::En)));
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push_str(".\n\n");
    }
    let others: Vec<String> = f
        .names
        .iter()
        .filter(|(_, n)| *n != name)
        .map(|(l, n)| format!("{n} ({})", Lang::from_key(l).map_or(l.as_str(), |l| l.describe())))
        .collect();
    if !others.is_empty() {
        out.push_str(&format!("Also named: {}.\n\n", others.join("; ")));
    }
    if !roles.is_empty() {
        let words: Vec<String> = roles
            .iter()
            .map(|(level, role)| {
                let role = Role::from_key(role).map_or(role.as_str(), |r| r.label(Lang::En));
                let level = Level::from_key(level).map_or_else(|| level.clone(), level_words);
                format!("{role} ({level})")
            })
            .collect();
        out.push_str(&format!("Roles: {}.\n", words.join(", ")));
    }
    out.trim_end().to_string()
}

fn document_title(f: &DocumentFacts) -> String {
    let mut out = format!("**{}**", f.title.as_deref().unwrap_or("Untitled document"));
    match (&f.publisher, f.year) {
        (Some(p), Some(y)) => out.push_str(&format!(" ({p}, {y})")),
        (Some(p), None) => out.push_str(&format!(" ({p})")),
        (None, Some(y)) => out.push_str(&format!(" ({y})")),
        (None, None) => {}
    }
    out
}

/// A cited passage: the document's title, then the lines it cites from the held text (at most
/// `MAX_LINES`), or the web page's address and section.
pub fn source_card(r: &SourceRef, f: &DocumentFacts, sources: Option<&Path>) -> String {
    let mut out = document_title(f);
    if let Some(l) = &r.locator {
        out.push_str(&format!(", section “{l}”"));
    }
    if let Some(url) = &f.url {
        out.push_str(&format!("\n\n<{url}>"));
    }
    let text = f
        .file
        .as_deref()
        .filter(|n| is_plain_file_name(n))
        .zip(sources)
        .and_then(|(n, dir)| std::fs::read_to_string(dir.join(n)).ok());
    let Some(text) = text else { return out };
    let lines: Vec<&str> = text.lines().collect();
    let mut shown = Vec::new();
    for range in &r.lines {
        for n in range.start..=range.end {
            if shown.len() == MAX_LINES {
                break;
            }
            if let Some(l) = lines.get(n as usize - 1) {
                shown.push(format!("{n:>5}  {l}"));
            }
        }
    }
    if !shown.is_empty() {
        let total: u32 = r.lines.iter().map(|l| l.end - l.start + 1).sum();
        out.push_str(&format!("\n\n```text\n{}\n```", shown.join("\n")));
        if total as usize > shown.len() {
            out.push_str(&format!("\n\n… {} more lines", total as usize - shown.len()));
        }
    }
    out
}

/// The quick fixes for the diagnostics the editor passes: each "did you mean" hint replaces
/// the text the diagnostic points at (keeping its quotes).
pub fn code_actions(
    state: &State,
    path: &Path,
    uri: &Url,
    diagnostics: &[lsp_types::Diagnostic],
) -> Vec<CodeActionOrCommand> {
    let Some((doc, _)) = state.doc(path) else { return Vec::new() };
    let mut out = Vec::new();
    for d in diagnostics {
        let Some(data) = d.data.clone().and_then(|v| serde_json::from_value::<super::diagnostics::Data>(v).ok()) else {
            continue;
        };
        for hint in &data.hints {
            // `did you mean `digst`?`, perhaps followed by why.
            let Some(suggestion) = hint.strip_prefix("did you mean `").and_then(|r| r.split_once("`?")).map(|(s, _)| s)
            else {
                continue;
            };
            let start = doc.lines.offset(&doc.text, d.range.start);
            let end = doc.lines.offset(&doc.text, d.range.end);
            let old = doc.text.get(start..end).unwrap_or("");
            let quoted = old.len() >= 2 && (old.starts_with('"') && old.ends_with('"'));
            let new_text = if quoted { format!("\"{suggestion}\"") } else { suggestion.to_string() };
            let edit = TextEdit { range: d.range, new_text };
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Change to `{suggestion}`"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d.clone()]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(true),
                ..CodeAction::default()
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_card_speaks_in_words() {
        let f = ActorFacts {
            names: vec![
                ("en".into(), "Agency for Digital Government".into()),
                ("da".into(), "Digitaliseringsstyrelsen".into()),
            ],
            abbr: Some("DIGST".into()),
            kind: Some("agency".into()),
            level: Some("state".into()),
            parent: Some("fm_dk".into()),
            parent_relation: None,
        };
        let roles = [("national".to_string(), "coordination".to_string())];
        insta::assert_snapshot!(actor_card("digst", &f, Some("Ministry of Finance"), &roles), @r"
        **Agency for Digital Government** (DIGST) · `digst`

        Agency at the state level; reports to Ministry of Finance.

        Also named: Digitaliseringsstyrelsen (Danish).

        Roles: coordination (national level).
        ");
    }
}
