//! Escaping for the markup formats (XML, SVG, GraphML, GEXF, HTML): one function, so every
//! exporter escapes the same way.

/// Escapes text for XML and HTML content and attribute values. Characters XML 1.0 cannot hold (most C0
/// controls) are dropped, since no escape can carry them.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
