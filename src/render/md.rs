//! GitHub-flavoured Markdown tables. Cell text is escaped so that no model text can become
//! markup: pipes, backslashes, emphasis and link characters are backslash-escaped, and `<`, `>`,
//! `&` become entities (GitHub renders inline HTML in tables).

use super::grid::Grid;

/// Escapes text for a Markdown table cell.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// The grids as Markdown: a heading, a table and the notes for each.
pub fn render(grids: &[Grid]) -> String {
    let mut out = String::new();
    for (i, g) in grids.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("### {}\n\n", escape(&g.title)));
        out.push_str(&format!("| {} |\n", g.header.iter().map(|h| escape(h)).collect::<Vec<_>>().join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(g.header.len())));
        for row in &g.rows {
            out.push_str(&format!("| {} |\n", row.iter().map(|c| escape(&c.text)).collect::<Vec<_>>().join(" | ")));
        }
        if !g.notes.is_empty() {
            out.push('\n');
            for n in &g.notes {
                out.push_str(&escape(n));
                out.push_str("  \n");
            }
        }
    }
    out
}
