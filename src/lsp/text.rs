//! Positions: byte offsets (what every span in nordgov is) to and from LSP positions (a line and
//! a column in UTF-16 code units, what the protocol counts by default).
//!
//! The models hold Norwegian, Danish and Icelandic names (`ø`, `å`, `þ`: one UTF-16 unit, two
//! bytes) and could hold characters outside the Basic Multilingual Plane (two units, four bytes),
//! so columns are counted per character, never taken as byte differences.

use std::ops::Range;

use lsp_types::{Position, Range as LspRange};

/// Where each line of a text starts, for converting offsets to positions and back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The LSP position of byte `offset` in `text` (clamped to the text, and down to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let col: usize = text.get(start..offset).map_or(0, |s| s.chars().map(char::len_utf16).sum());
        Position { line: to_u32(line), character: to_u32(col) }
    }

    /// The LSP range of the byte range `span`.
    pub fn range(&self, text: &str, span: &Range<usize>) -> LspRange {
        LspRange { start: self.position(text, span.start), end: self.position(text, span.end) }
    }

    /// The byte offset of an LSP position: past the end of a line means its end, past the last
    /// line means the end of the text.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else { return text.len() };
        let end = self.starts.get(pos.line as usize + 1).map_or(text.len(), |&e| e.saturating_sub(1));
        let line = text.get(start..end).unwrap_or("");
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units >= pos.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        // The end of the line, before a `\r` of a CRLF ending.
        start + line.strip_suffix('\r').map_or(line.len(), str::len)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Applies an LSP content change (a range replaced by text, or the whole text) to `text`.
pub fn apply_change(text: &mut String, change: &lsp_types::TextDocumentContentChangeEvent) {
    match change.range {
        Some(r) => {
            let index = LineIndex::new(text);
            let start = index.offset(text, r.start);
            let end = index.offset(text, r.end).max(start);
            text.replace_range(start..end, &change.text);
        }
        None => text.clone_from(&change.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn columns_count_utf16_units_not_bytes() {
        // `ø` and `Þ` are two bytes and one unit; the emoji is four bytes and two units.
        let text = "id = \"x\"\nname = \"Kommunesektorens organisasjon Þjóðskrá 🏛 søk\"\n";
        let index = LineIndex::new(text);
        let s = text.find("søk").unwrap();
        let before = "name = \"Kommunesektorens organisasjon Þjóðskrá 🏛 ";
        let units = before.chars().map(char::len_utf16).sum::<usize>() as u32;
        assert_eq!(index.position(text, s), pos(1, units));
        assert_eq!(index.offset(text, pos(1, units)), s);
        // Every character boundary round-trips.
        for (i, _) in text.char_indices() {
            assert_eq!(index.offset(text, index.position(text, i)), i, "offset {i}");
        }
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let text = "a\r\nbc";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, pos(0, 9)), 1);
        assert_eq!(index.offset(text, pos(7, 0)), text.len());
        assert_eq!(index.position(text, 99), pos(1, 2));
    }

    #[test]
    fn incremental_changes_apply_in_utf16() {
        let mut text = String::from("parent = \"fø\"\nx = 1\n");
        let change = lsp_types::TextDocumentContentChangeEvent {
            range: Some(LspRange { start: pos(0, 11), end: pos(0, 12) }),
            range_length: None,
            text: "ørdig".into(),
        };
        apply_change(&mut text, &change);
        assert_eq!(text, "parent = \"førdig\"\nx = 1\n");
    }
}
