//! A role matrix as nordgov's tables show it (`nordgov matrix COUNTRY --kind roles`, in any
//! language and any tabular format), read back into role entries. Cells name actors by their
//! labels, so the country's model resolves them: at each point of a cell the longest label (with
//! or without a qualifier) that is followed by `, ` or the end is taken; a cell with a label no
//! actor has gets a diagnostic with the closest labels.

use std::collections::BTreeMap;

use crate::diagnostic::{suggestion_hint, Code, Diagnostic};
use crate::load::raw::{RawRole, Sp};
use crate::model::{ActorId, Country, Labelled, Lang, Level, Qualifier, Role, Vocabulary};
use crate::render::grid::{qualifier_text, LOW_MARK, RECONSTRUCTED_MARK};
use crate::render::words::Word;

/// Whether `row` is the header of a role matrix, in any language.
pub fn is_header(row: &[String]) -> bool {
    header_lang(row).is_some()
}

/// The language whose role-matrix header `row` is, if it is one.
fn header_lang(row: &[String]) -> Option<Lang> {
    Lang::ALL.iter().copied().find(|&l| {
        row.first().is_some_and(|c| c == Word::Level.label(l))
            && Role::ALL.iter().enumerate().all(|(i, r)| row.get(i + 1).is_some_and(|c| c == r.label(l)))
    })
}

/// Every way a cell can name an actor of `c` in `lang`: (text, actor, qualifier).
fn candidates(c: &Country, lang: Lang) -> Vec<(String, ActorId, Option<Qualifier>)> {
    let mut out = Vec::new();
    for a in c.actors.values() {
        let label = a.label(lang, c.natives());
        for q in Qualifier::ALL {
            out.push((format!("{label} ({})", qualifier_text(*q)), a.id.clone(), Some(*q)));
        }
        out.push((label, a.id.clone(), None));
    }
    // Longest first, so "DR (in some cases)" wins over "DR".
    out.sort_by(|x, y| y.0.len().cmp(&x.0.len()).then_with(|| x.0.cmp(&y.0)));
    out
}

/// Splits a cell's text into holders, or returns the text it could not read.
fn holders<'a>(
    text: &'a str,
    cands: &[(String, ActorId, Option<Qualifier>)],
) -> Result<Vec<(ActorId, Option<Qualifier>)>, &'a str> {
    let mut rest = text;
    let mut out = Vec::new();
    while !rest.is_empty() {
        let hit = cands.iter().find(|(t, _, _)| {
            rest.strip_prefix(t.as_str()).is_some_and(|after| after.is_empty() || after.starts_with(", "))
        });
        let Some((t, id, q)) = hit else { return Err(rest) };
        out.push((id.clone(), *q));
        rest = rest.get(t.len()..).unwrap_or("");
        rest = rest.strip_prefix(", ").unwrap_or(rest);
    }
    Ok(out)
}

/// Reads the first role matrix in `rows` (`origin` names the sheet in messages), resolving
/// labels against `c`. Each filled cell becomes one role entry (general sector) whose
/// confidence and reconstruction follow the cell's mark; a note says where it came from.
pub fn read(rows: &[Vec<String>], origin: &str, c: &Country) -> Option<(Vec<RawRole>, Vec<Diagnostic>)> {
    let (start, lang) = rows.iter().enumerate().find_map(|(i, r)| header_lang(r).map(|l| (i, l)))?;
    let cands = candidates(c, lang);
    let levels: BTreeMap<&str, Level> = Level::ALL.iter().map(|l| (l.label(lang), *l)).collect();
    let mut diags = Vec::new();
    let mut roles = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(start + 1) {
        let Some(first) = row.first().filter(|f| !f.trim().is_empty()) else { break };
        // A level the country lacks is shown with a note and holds nothing.
        let Some(level) = levels.get(first.as_str()).copied() else { continue };
        for (j, role) in Role::ALL.iter().enumerate() {
            let text = row.get(j + 1).map(|t| t.trim()).unwrap_or("");
            if text.is_empty() {
                continue;
            }
            let (text, low, reconstructed) = match (text.strip_suffix(LOW_MARK), text.strip_suffix(RECONSTRUCTED_MARK))
            {
                (Some(t), _) => (t, true, false),
                (_, Some(t)) => (t, false, true),
                _ => (text, false, false),
            };
            match holders(text, &cands) {
                Ok(hs) => roles.push(RawRole {
                    level: Sp::new(level.key().to_string()),
                    role: Sp::new(role.key().to_string()),
                    sector: None,
                    actors: hs.iter().map(|(a, _)| Sp::new(a.to_string())).collect(),
                    qualifiers: hs
                        .iter()
                        .filter_map(|(a, q)| q.map(|q| (Sp::new(a.to_string()), Sp::new(q.key().to_string()))))
                        .collect(),
                    text: None,
                    source: None,
                    confidence: low.then(|| Sp::new("low".to_string())),
                    reconstructed: reconstructed.then_some(true),
                    note: Some(format!("imported from {origin}")),
                    valid_from: None,
                    valid_to: None,
                }),
                Err(unread) => {
                    let piece = unread.split(", ").next().unwrap_or(unread);
                    diags.push(
                        Diagnostic::new(
                            Code::E0201,
                            format!(
                                "{origin}, row {}, column {}: no actor of {} is labelled `{piece}`",
                                i + 1,
                                role.key(),
                                c.code
                            ),
                        )
                        .with_path(origin.to_string())
                        .maybe_hint(suggestion_hint(
                            piece,
                            cands.iter().filter(|x| x.2.is_none()).map(|x| x.0.as_str()),
                        ))
                        .hint("cells name actors by their labels (abbreviation, else name), separated by \", \""),
                    );
                }
            }
        }
    }
    Some((roles, diags))
}
