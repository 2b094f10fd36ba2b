//! Plain-text tables for the terminal: the matrices wrapped to a given width, never truncated.
//!
//! Columns get their natural width when the table fits; otherwise the widest columns give up
//! space until it does, and cell text wraps at word boundaries (a word longer than its column is
//! broken). Widths count characters, which is right for the Latin scripts the models use.

use crate::analysis::matrix::{CellProvenance, OperationalMatrix, RoleMatrix, StrategicTable};
use crate::model::{Confidence, Instrument, Qualifier, Vocabulary};

/// A table before layout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextTable {
    /// A line above the table.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Cells; each row has as many cells as the header.
    pub rows: Vec<Vec<String>>,
    /// Lines below the table (legend, sources).
    pub notes: Vec<String>,
}

/// The narrowest a column is squeezed to.
const MIN_COLUMN: usize = 6;

/// Lays `t` out in at most `width` columns of text (if the columns' minimum allows).
pub fn layout(t: &TextTable, width: usize) -> String {
    let n = t.header.len();
    let natural: Vec<usize> = (0..n)
        .map(|i| {
            std::iter::once(t.header.get(i))
                .chain(t.rows.iter().map(|r| r.get(i)))
                .flatten()
                .flat_map(|s| s.lines())
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let mut widths = natural.clone();
    // Separators: "| " before each column, " |" after the last.
    let overhead = 3 * n + 1;
    while widths.iter().sum::<usize>() + overhead > width {
        let Some((i, w)) = widths.iter().copied().enumerate().max_by_key(|&(i, w)| (w, std::cmp::Reverse(i))) else {
            break;
        };
        if w <= MIN_COLUMN {
            break;
        }
        if let Some(x) = widths.get_mut(i) {
            *x = w - 1;
        }
    }
    let mut out = String::new();
    if !t.title.is_empty() {
        out.push_str(&t.title);
        out.push('\n');
    }
    let rule: String = widths.iter().map(|w| format!("+{}", "-".repeat(w + 2))).collect::<String>() + "+\n";
    out.push_str(&rule);
    push_row(&mut out, &t.header, &widths);
    out.push_str(&rule.replace('-', "="));
    for r in &t.rows {
        push_row(&mut out, r, &widths);
        out.push_str(&rule);
    }
    for note in &t.notes {
        for line in wrap(note, width.max(20)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

fn push_row(out: &mut String, cells: &[String], widths: &[usize]) {
    let wrapped: Vec<Vec<String>> =
        widths.iter().enumerate().map(|(i, w)| wrap(cells.get(i).map_or("", String::as_str), *w)).collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for line in 0..height {
        for (i, w) in widths.iter().enumerate() {
            let text = wrapped.get(i).and_then(|c| c.get(line)).map_or("", String::as_str);
            out.push_str("| ");
            out.push_str(text);
            out.push_str(&" ".repeat(w.saturating_sub(text.chars().count()) + 1));
        }
        out.push_str("|\n");
    }
}

/// Wraps `text` (which may hold newlines) to lines of at most `width` characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            loop {
                let len = line.chars().count();
                let sep = usize::from(len > 0);
                if len + sep + word.len() <= width {
                    if sep == 1 {
                        line.push(' ');
                    }
                    line.extend(word.iter());
                    break;
                }
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    continue;
                }
                // A word longer than the column: break it.
                let rest = word.split_off(width.min(word.len()));
                lines.push(word.into_iter().collect());
                word = rest;
                if word.is_empty() {
                    break;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// How a qualifier is written after an actor in a cell.
pub fn qualifier_text(q: Qualifier) -> String {
    q.key().replace('_', " ")
}

/// The short marker for a cell's provenance: `?` for low confidence, `~` for reconstructed.
fn marker(p: &CellProvenance) -> &'static str {
    match (p.confidence, p.reconstructed) {
        (Some(Confidence::Low), _) => " ?",
        (_, true) => " ~",
        _ => "",
    }
}

/// One line per cell naming its sources, for `--sources`.
fn source_line(what: &str, p: &CellProvenance) -> Option<String> {
    if p.sources.is_empty() {
        return None;
    }
    let refs: Vec<String> = p.sources.iter().map(ToString::to_string).collect();
    let conf = p.confidence.map_or("no confidence".to_string(), |c| c.key().to_string());
    let recon = if p.reconstructed { ", reconstructed" } else { "" };
    Some(format!("  {what}: {} ({conf}{recon})", refs.join("; ")))
}

const LEGEND: &str = "~ reconstructed from flattened slide text; ? low confidence";

/// The role matrix as a text table.
pub fn role_matrix(m: &RoleMatrix, sources: bool) -> TextTable {
    let mut t = TextTable {
        title: format!("Role matrix: {} ({})", m.country, m.sector),
        header: std::iter::once("level".to_string())
            .chain(crate::model::Role::ALL.iter().map(|r| r.key().to_string()))
            .collect(),
        ..Default::default()
    };
    let mut source_lines = Vec::new();
    for row in &m.rows {
        let mut cells =
            vec![if row.present { row.level.key().to_string() } else { format!("{} (not present)", row.level) }];
        for cell in &row.cells {
            let holders: Vec<String> = cell
                .holders
                .iter()
                .map(|h| match h.qualifier {
                    Some(q) => format!("{} ({})", h.actor.label, qualifier_text(q)),
                    None => h.actor.label.clone(),
                })
                .collect();
            cells.push(if holders.is_empty() {
                String::new()
            } else {
                format!("{}{}", holders.join(", "), marker(&cell.provenance))
            });
            source_lines.extend(source_line(&format!("{} x {}", row.level, cell.role), &cell.provenance));
        }
        t.rows.push(cells);
    }
    t.notes.push(LEGEND.to_string());
    if sources {
        t.notes.push("Sources:".to_string());
        t.notes.extend(source_lines);
    }
    t
}

/// The strategic steering table as a text table.
pub fn strategic(s: &StrategicTable, sources: bool) -> TextTable {
    let mut t = TextTable {
        title: format!("Strategic steering: {}", s.country),
        header: ["sector", "level", "primary actors", "strategy documents", "instruments"].map(String::from).to_vec(),
        ..Default::default()
    };
    let mut source_lines = Vec::new();
    for r in &s.rows {
        let docs: Vec<String> = r
            .documents
            .iter()
            .map(|d| match &d.years {
                Some(y) => format!("{} ({y})", d.title),
                None => d.title.clone(),
            })
            .collect();
        let instruments: Vec<String> = r.instruments.iter().map(|i| format!("{} {}", i.strength(), i.key())).collect();
        t.rows.push(vec![
            r.sector.key().to_string(),
            format!("{}{}", r.level.key(), marker(&r.provenance)),
            r.primary_actors.iter().map(|a| a.label.clone()).collect::<Vec<_>>().join(", "),
            docs.join("; "),
            instruments.join(", "),
        ]);
        source_lines.extend(source_line(&format!("{} {}", r.sector, r.level), &r.provenance));
    }
    t.notes.push(LEGEND.to_string());
    if sources {
        t.notes.push("Sources:".to_string());
        t.notes.extend(source_lines);
    }
    t
}

/// An operational steering matrix as a text table; with `detail`, each used cell shows its text.
pub fn operational(m: &OperationalMatrix, detail: bool, sources: bool) -> TextTable {
    let mut t = TextTable {
        title: format!("Operational steering: {} ({}){}", m.actor.label, m.sector, marker(&m.provenance)),
        header: std::iter::once("role".to_string())
            .chain(Instrument::ALL.iter().map(|i| format!("{} {}", i.strength(), i.key())))
            .collect(),
        ..Default::default()
    };
    let mut source_lines = Vec::new();
    for row in &m.rows {
        let mut cells = vec![row.role.key().to_string()];
        for c in &row.cells {
            let mark = if c.used { format!("✓{}", marker(&c.provenance)) } else { "✗".to_string() };
            cells.push(match (&c.text, detail && c.used) {
                (Some(text), true) => format!("{mark} {text}"),
                _ => mark,
            });
            if c.used {
                source_lines.extend(source_line(&format!("{} x {}", row.role, c.instrument), &c.provenance));
            }
        }
        t.rows.push(cells);
    }
    if let Some(title) = &m.title {
        t.notes.push(format!("Slide: {title}"));
    }
    t.notes.push(format!("✓ used, ✗ not used; {LEGEND}"));
    if sources {
        t.notes.push("Sources:".to_string());
        t.notes.extend(source_line("slide", &m.provenance));
        t.notes.extend(source_lines);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_breaks_long_words() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn fits_the_width() {
        let t = TextTable {
            title: String::new(),
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["word ".repeat(30), "other ".repeat(30)]],
            notes: vec![],
        };
        for width in [40, 80, 200] {
            let out = layout(&t, width);
            assert!(out.lines().all(|l| l.chars().count() <= width), "{out}");
            // Nothing is lost: every word is still there.
            assert_eq!(out.matches("word").count(), 30);
        }
    }
}
