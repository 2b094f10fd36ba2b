//! CSV (RFC 4180, UTF-8, CRLF line ends), written by the `csv` crate so quoting follows the
//! standard rather than a hand-written approximation. A cell a spreadsheet would run as a
//! formula (text starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with
//! `'`, so opening the file never runs anything; numbers (`-0.25`, `+3`) and a lone sign (the `-`
//! placeholder, the `+`/`-` marks of a diff: nothing follows them to run) are left as they are,
//! so they stay numbers and marks in the spreadsheet. Several grids are
//! written one after another, each as a title line, a header and its rows, separated by an empty
//! line.

use std::borrow::Cow;

use csv::{QuoteStyle, Terminator, WriterBuilder};

use super::grid::Grid;

/// Whether a spreadsheet would read `s` as a formula: it starts with a formula character and
/// is neither a number nor a lone sign (`-` or `+`).
pub fn is_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s != "-" && s != "+" && !is_number(s)
}

/// A plain decimal number, optionally signed (`-12`, `+3`, `-0.25`, `1e-3`); not `inf` or `NaN`,
/// which Rust parses but a spreadsheet reads as text.
fn is_number(s: &str) -> bool {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.') && s.parse::<f64>().is_ok()
}

/// `s` made inert for a spreadsheet: a formula gets a leading `'`, anything else is unchanged.
pub fn neutral(s: &str) -> Cow<'_, str> {
    if is_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Records as CSV: every field neutralised, records of any length, CRLF line ends; fields
/// quoted only where needed, or always (`quote_all`, as Archi writes its import files).
pub fn records<R, F>(rows: impl IntoIterator<Item = R>, quote_all: bool) -> String
where
    R: IntoIterator<Item = F>,
    F: AsRef<str>,
{
    let mut buf = Vec::new();
    {
        let style = if quote_all { QuoteStyle::Always } else { QuoteStyle::Necessary };
        let mut w =
            WriterBuilder::new().flexible(true).terminator(Terminator::CRLF).quote_style(style).from_writer(&mut buf);
        for row in rows {
            // Writing to memory cannot fail (the writer is flexible, and a Vec takes any bytes).
            let _ = w.write_record(row.into_iter().map(|f| neutral(f.as_ref()).into_owned()));
        }
        let _ = w.flush();
    }
    // Every field was a `&str`, so the bytes are UTF-8.
    String::from_utf8_lossy(&buf).into_owned()
}

/// The grids as CSV.
pub fn render(grids: &[Grid]) -> String {
    let mut out = String::new();
    for (i, g) in grids.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let title = std::iter::once(vec![g.title.as_str()]);
        let header = std::iter::once(g.header.iter().map(String::as_str).collect::<Vec<_>>());
        let rows = g.rows.iter().map(|row| row.iter().map(|c| c.text.as_str()).collect::<Vec<_>>());
        out.push_str(&records(title.chain(header).chain(rows), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for number in ["-0.25", "+3", "-12", "0", "12.5", "-.5", "1e-3", "-2E5"] {
            assert!(!is_formula(number), "{number} is a number");
            assert_eq!(neutral(number), number);
        }
        assert!(!is_formula("-"), "the placeholder stays a dash");
        assert!(!is_formula("+"), "a diff's mark stays a plus");
        assert!(!is_formula("plain text") && !is_formula(""));
        for formula in [
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "=1+1",
            "-2+3+cmd|' /C calc'!A0",
            "-2+3",
            "+1+2",
            "@SUM(1+1)",
            "\t=tab first",
            "\r=cr first",
            "-inf",
            "+NaN",
            "--1",
            "- 1",
        ] {
            assert!(is_formula(formula), "{formula:?} is a formula");
            assert_eq!(neutral(formula), format!("'{formula}"));
        }
    }

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        let out = records([vec!["a", "b,c", "say \"hi\"", "two\nlines", "=x", "-1"]], false);
        assert_eq!(out, "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",'=x,-1\r\n");
        assert_eq!(records([vec!["a", "-"]], true), "\"a\",\"-\"\r\n");
    }
}
