//! Plain-text tables for the terminal: the matrices wrapped to a given width, never truncated.
//!
//! Columns get their natural width when the table fits; otherwise the widest columns give up
//! space until it does, and cell text wraps at word boundaries (a word longer than its column is
//! broken). Widths count characters, which is right for the Latin scripts the models use.

use super::grid::Grid;
use crate::diagnostic::emit::printable;

/// `s` safe for a terminal: control characters and bidirectional overrides from a model could
/// move the cursor, recolour or reorder the screen, so they are written as escapes (`\u{1b}`);
/// tabs become spaces and carriage returns go. Newlines stay: they separate a cell's lines.
fn terminal_safe(s: &str) -> String {
    s.replace('\r', "").replace('\t', " ").split('\n').map(printable).collect::<Vec<_>>().join("\n")
}

/// The narrowest a column is squeezed to.
const MIN_COLUMN: usize = 6;

/// Lays `t` out in at most `width` columns of text (if the columns' minimum allows).
pub fn layout(t: &Grid, width: usize) -> String {
    let mut safe = t.clone();
    safe.title = terminal_safe(&t.title);
    safe.header = t.header.iter().map(|h| terminal_safe(h)).collect();
    for cell in safe.rows.iter_mut().flatten() {
        cell.text = terminal_safe(&cell.text);
    }
    safe.notes = t.notes.iter().map(|n| terminal_safe(n)).collect();
    let t = &safe;
    let n = t.header.len();
    let natural: Vec<usize> = (0..n)
        .map(|i| {
            std::iter::once(t.header.get(i))
                .chain(t.rows.iter().map(|r| r.get(i).map(|c| &c.text)))
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
    push_row(&mut out, &t.header.iter().map(String::as_str).collect::<Vec<_>>(), &widths);
    out.push_str(&rule.replace('-', "="));
    for r in &t.rows {
        push_row(&mut out, &r.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), &widths);
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

fn push_row(out: &mut String, cells: &[&str], widths: &[usize]) {
    let wrapped: Vec<Vec<String>> =
        widths.iter().enumerate().map(|(i, w)| wrap(cells.get(i).copied().unwrap_or(""), *w)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::grid::Cell;

    #[test]
    fn wraps_at_words_and_breaks_long_words() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
    }

    #[test]
    fn fits_the_width() {
        let t = Grid {
            header: vec!["a".into(), "b".into()],
            rows: vec![vec![Cell::text("word ".repeat(30)), Cell::text("other ".repeat(30))]],
            ..Default::default()
        };
        for width in [40, 80, 200] {
            let out = layout(&t, width);
            assert!(out.lines().all(|l| l.chars().count() <= width), "{out}");
            // Nothing is lost: every word is still there.
            assert_eq!(out.matches("word").count(), 30);
        }
    }
}
