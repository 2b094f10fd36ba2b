//! CSV (RFC 4180, UTF-8, CRLF line ends). A field that a spreadsheet would read as a formula
//! (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`, so opening
//! the file never runs anything. Several grids are written one after another, each as a title
//! line, a header and its rows, separated by an empty line.

use super::grid::Grid;

/// One CSV field, neutralised and quoted as needed.
pub fn field(s: &str) -> String {
    let neutral = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn line(fields: impl Iterator<Item = String>) -> String {
    let mut l = fields.collect::<Vec<_>>().join(",");
    l.push_str("\r\n");
    l
}

/// The grids as CSV.
pub fn render(grids: &[Grid]) -> String {
    let mut out = String::new();
    for (i, g) in grids.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        out.push_str(&line(std::iter::once(field(&g.title))));
        out.push_str(&line(g.header.iter().map(|h| field(h))));
        for row in &g.rows {
            out.push_str(&line(row.iter().map(|c| field(&c.text))));
        }
    }
    out
}
