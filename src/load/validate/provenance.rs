//! What every fact carries, checked the same way whatever the fact: its provenance (sources that
//! must name declared documents, a confidence; W0403/W0404 when missing), its validity dates
//! (E0304 when they run backwards) and attributes with their own sources.

use std::ops::Range;

use super::{Deferred, Validator};
use crate::diagnostic::{Code, Diagnostic, FileId};
use crate::load::raw::*;
use crate::model::*;

impl Validator {
    /// Converts provenance fields, warning (W0403/W0404) at `anchor` when the source or
    /// confidence is missing.
    pub(super) fn provenance<T: RawFact>(&mut self, file: FileId, item: &T, anchor: Range<usize>) -> Provenance {
        let fields = item.provenance_fields();
        let mut sources = Vec::new();
        if let Some(s) = fields.source {
            for (text, span) in s.get().items(s.span()) {
                if let Some(r) = self.source_ref(file, &text, span) {
                    sources.push(r);
                }
            }
        }
        let confidence = fields.confidence.and_then(|c| self.ck(file).term::<Confidence>(c));
        if fields.source.is_none() {
            self.push(
                Diagnostic::new(Code::W0403, "fact without a source")
                    .at(file, anchor, "no `source` on this fact")
                    .hint("add source = \"DOCUMENT:LINES\""),
            );
        } else if fields.confidence.is_none() {
            self.push(
                Diagnostic::new(Code::W0404, "fact without a confidence")
                    .at(file, anchor, "no `confidence` on this fact")
                    .hint("add confidence = \"high\", \"medium\" or \"low\""),
            );
        }
        Provenance { sources, confidence, reconstructed: fields.reconstructed, note: fields.note.map(str::to_string) }
    }

    pub(super) fn source_ref(&mut self, file: FileId, text: &str, span: Range<usize>) -> Option<SourceRef> {
        match SourceRef::parse(text) {
            Ok(r) => {
                if !self.documents.contains_key(r.document.as_str()) {
                    self.deferred.push(Deferred::Document(file, span.clone(), r.document.as_str().into()));
                }
                Some(r)
            }
            Err(SourceRefError::EmptySection) => {
                self.push(
                    Diagnostic::new(Code::E0106, "empty section after `#`")
                        .at(file, span, "in this source reference")
                        .hint("write DOCUMENT#SECTION, e.g. digst_about#Organisation"),
                );
                None
            }
            Err(SourceRefError::BadLines(part)) => {
                self.push(
                    Diagnostic::new(Code::E0106, format!("`{part}` is not a line or line range"))
                        .at(file, span, "in this source reference")
                        .hint("write DOCUMENT:LINES, e.g. nordic2017:2333-2479 or nordic2017:178,365"),
                );
                None
            }
        }
    }

    pub(super) fn validity<T: RawDated>(&mut self, file: FileId, item: &T) -> Validity {
        let (from_raw, to_raw) = item.validity_fields();
        let from = from_raw.and_then(|d| self.ck(file).date(d));
        let to = to_raw.and_then(|d| self.ck(file).date(d));
        if let (Some(f), Some(t), Some(fs), Some(ts)) = (from, to, from_raw, to_raw) {
            if t.last_day() < f.first_day() {
                self.push(
                    Diagnostic::new(Code::E0304, format!("valid_to ({t}) is before valid_from ({f})"))
                        .at(file, ts.span(), "ends here")
                        .also(file, fs.span(), "starts here"),
                );
            }
        }
        Validity { from, to }
    }

    /// An attribute's term, with its own provenance when written as a table.
    pub(super) fn attribute<V: Vocabulary>(&mut self, file: FileId, a: &Sp<RawAttribute>) -> Option<Attribute<V>> {
        match a.get() {
            RawAttribute::Plain(t) => {
                let term = Sp(serde_spanned::Spanned::new(a.span(), t.clone()));
                self.ck(file).term::<V>(&term).map(Attribute::plain)
            }
            RawAttribute::Sourced(t) => {
                let value = self.ck(file).term::<V>(&t.value)?;
                let provenance = self.provenance(file, t, t.value.span());
                Some(Attribute { value, provenance: Some(Box::new(provenance)) })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::findings;

    #[test]
    fn sources_confidence_and_dates_are_checked_on_every_fact() {
        let extra = r#"[[relation]]
from = "digst"
type = "advises"
to = "regjeringen"

[[relation]]
from = "regjeringen"
type = "funds"
to = "digst"
source = "nordic2017:x"
valid_from = 2020
valid_to = 2019

[[relation]]
from = "regjeringen"
type = "funds"
to = "digst"
source = "nordic2017#"
confidence = "sure"
valid_from = "2019-13"
"#;
        // The third relation repeats the second (W0406): bad provenance does not drop a fact.
        let expected = [
            "W0403 extra.toml:2:8",
            "W0404 extra.toml:7:8",
            "E0106 extra.toml:10:10",
            "E0304 extra.toml:12:12 extra.toml:11:14",
            "W0406 extra.toml:15:8 extra.toml:7:8",
            "E0106 extra.toml:18:10",
            "E0105 extra.toml:19:14",
            "E0106 extra.toml:20:14",
        ];
        assert_eq!(findings(extra), expected);
    }
}
