//! A standalone HTML page of tables: inline CSS, no script, no external request. Every text is
//! escaped for HTML; a cell's provenance is its `title` (shown on hover).

use super::grid::Grid;
pub use super::markup::escape;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}\
th{background:#eee}td[title]{cursor:help}p.note{font-size:.9em;color:#555;margin:.2em 0}\
@media print{body{margin:0}td[title]{cursor:auto}}";

/// The grids as one HTML page titled `title`.
pub fn render(title: &str, grids: &[Grid]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
    for g in grids {
        out.push_str(&format!("<h2>{}</h2>\n<table>\n<thead><tr>", escape(&g.title)));
        for h in &g.header {
            out.push_str(&format!("<th>{}</th>", escape(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &g.rows {
            out.push_str("<tr>");
            for c in row {
                let text = escape(&c.text).replace('\n', "<br>");
                match &c.source {
                    Some(s) => out.push_str(&format!("<td title=\"{}\">{text}</td>", escape(s))),
                    None => out.push_str(&format!("<td>{text}</td>")),
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        for n in &g.notes {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(n)));
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
