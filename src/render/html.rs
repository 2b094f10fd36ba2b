//! HTML: tables, and standalone pages (inline CSS and, for sortable tables, a few lines of inline
//! script; no external request). Every text is escaped for HTML; a cell's provenance is its
//! `title` (shown on hover).

use std::collections::BTreeSet;

use super::grid::Grid;
pub use super::markup::escape;
use crate::model::{Country, DocumentKind, SourceRef};

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:110em}\
nav{margin-bottom:1em}nav a{margin-right:1em}\
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}\
th{background:#eee}tbody th{background:#f6f6f6}th.sortable{cursor:pointer}td[title]{cursor:help}p.note{font-size:.9em;color:#555;margin:.2em 0}\
figure{margin:1em 0;overflow-x:auto}figure svg{max-width:none}figure:focus{outline:2px solid #0645ad}\
a.src{font-size:.75em;color:#595959}pre.source span:target{background:#ffec99}pre.source .ln{color:#595959}\
@media print{body{margin:0}nav{display:none}td[title]{cursor:auto}figure{overflow:visible}}";

/// Sorts a table with class `sortable` when a column header is clicked (numbers numerically).
const SORT_SCRIPT: &str = "document.querySelectorAll('table.sortable').forEach(function(t){\
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.classList.add('sortable');th.addEventListener('click',function(){\
var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),asc=th.dataset.dir!=='asc';th.dataset.dir=asc?'asc':'desc';\
rows.sort(function(x,y){var p=x.cells[i].textContent,q=y.cells[i].textContent,m=parseFloat(p),n=parseFloat(q);\
var r=(!isNaN(m)&&!isNaN(n))?m-n:p.localeCompare(q);return asc?r:-r;});rows.forEach(function(r){b.appendChild(r);});});});});";

/// One grid as an HTML table (with a heading and its notes); `sortable` adds click-to-sort.
pub fn table(g: &Grid, sortable: bool) -> String {
    table_linked(g, sortable, &|_| None)
}

/// [`table`], with a link after each cell to every passage it cites that `link` can resolve
/// (the report's source viewer, or a web page) to its address and the words it shows.
///
/// A table whose first column header is empty has row labels in its first column (a matrix's
/// roles or levels, a diff's + and -): those cells are row headers, so that every data cell has
/// a header a screen reader can announce.
pub fn table_linked(g: &Grid, sortable: bool, link: &dyn Fn(&SourceRef) -> Option<(String, String)>) -> String {
    let mut out = format!(
        "<h2>{}</h2>\n<table{}>\n<thead><tr>",
        escape(&g.title),
        if sortable { " class=\"sortable\"" } else { "" }
    );
    let row_headers = g.header.first().is_some_and(|h| h.trim().is_empty());
    for (i, h) in g.header.iter().enumerate() {
        if i == 0 && row_headers {
            out.push_str("<td></td>");
        } else {
            out.push_str(&format!("<th>{}</th>", escape(h)));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &g.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let tag = if i == 0 && row_headers { "th scope=\"row\"" } else { "td" };
            let end = if i == 0 && row_headers { "th" } else { "td" };
            let mut text = escape(&c.text).replace('\n', "<br>");
            for r in &c.refs {
                if let Some((href, words)) = link(r) {
                    // A web source opens the page cited; a text the site holds, its line viewer.
                    let attrs = if href.starts_with("https://") || href.starts_with("http://") {
                        r#"class="src web" rel="external noreferrer""#
                    } else {
                        r#"class="src""#
                    };
                    text.push_str(&format!(" <a {attrs} href=\"{}\">{}</a>", escape(&href), escape(&words)));
                }
            }
            match &c.source {
                Some(s) => out.push_str(&format!("<{tag} title=\"{}\">{text}</{end}>", escape(s))),
                None => out.push_str(&format!("<{tag}>{text}</{end}>")),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    for n in &g.notes {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(n)));
    }
    out
}

/// Where a source reference opens on the report's site: the line viewer page of its document
/// (`sources/<file>.html#L<first line>`) when the site holds the document's text (`viewer`, the
/// file names it has pages for), the page itself for a web source, else nothing.
pub fn source_link(c: &Country, viewer: &BTreeSet<&str>, r: &SourceRef) -> Option<String> {
    let doc = c.documents.get(r.document.as_str())?;
    if let Some(url) = doc.url.as_ref().filter(|_| doc.kind == DocumentKind::Web) {
        return Some(url.clone());
    }
    let file = doc.file.as_ref().filter(|f| viewer.contains(f.as_str()))?;
    Some(format!("sources/{file}.html#L{}", r.lines.first().map_or(1, |l| l.start)))
}

/// A standalone page: `title`, a navigation bar of (href, label) links, and `body` (already
/// HTML). The sorting script is included only when the body has a sortable table.
pub fn page(title: &str, lang: &str, nav: &[(String, String)], body: &str) -> String {
    page_with(title, lang, nav, "", body)
}

/// [`page`] with `css` added to the page's own style sheet (for pages with their own layout).
pub fn page_with(title: &str, lang: &str, nav: &[(String, String)], css: &str, body: &str) -> String {
    let links: Vec<String> =
        nav.iter().map(|(href, label)| format!("<a href=\"{}\">{}</a>", escape(href), escape(label))).collect();
    let script =
        if body.contains("class=\"sortable\"") { format!("<script>{SORT_SCRIPT}</script>\n") } else { String::new() };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>{}</title>\n<style>{STYLE}{css}</style>\n</head>\n<body>\n{}<main>\n<h1>{}</h1>\n{body}</main>\n{script}</body>\n</html>\n",
        escape(lang),
        escape(title),
        if links.is_empty() { String::new() } else { format!("<nav>{}</nav>\n", links.join(" ")) },
        escape(title),
    )
}

/// The grids as one standalone page titled `title`.
pub fn render(title: &str, grids: &[Grid]) -> String {
    let body: String = grids.iter().map(|g| table(g, false)).collect();
    page(title, "en", &[], &body)
}
