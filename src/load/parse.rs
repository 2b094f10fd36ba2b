//! Parsing one model file into a [`RawFile`], reporting every syntax and schema problem.
//!
//! The TOML parser recovers from syntax errors, so a file with three broken lines yields three
//! diagnostics. Each item of a section (each `[[actor]]`, each `[levels.X]`) is then deserialized
//! on its own, so an unknown key in one actor does not hide the problems of the next.

use serde::Deserialize;
use serde_spanned::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::check::{serde_error, syntax_errors};
use super::raw::*;
use super::Limits;
use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};

/// Parses the text of one model file.
///
/// Returns what could be read and the problems found. A file with syntax errors yields an
/// empty [`RawFile`]: reading half a file would produce confusing follow-up errors.
pub fn parse(file: FileId, text: &str, limits: &Limits) -> (RawFile, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut raw = RawFile::default();
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return (raw, syntax_errors(file, errors));
    }
    let doc = doc.into_inner();
    for (_, value) in doc.iter() {
        check_text_lengths(file, value, limits.max_text_len, &mut diags);
    }
    if !diags.is_empty() {
        return (raw, diags);
    }
    for (key, value) in doc {
        let name = key.get_ref().as_ref();
        let key_span = key.span();
        let mut p = ItemParser { file, diags: &mut diags };
        match name {
            "country" => raw.country = p.item(value),
            "levels" => raw.levels = p.keyed(value),
            "documents" => raw.documents = p.keyed(value),
            "level_period" => raw.level_period = p.array(value),
            "actor" => raw.actor = p.array(value),
            "relation" => raw.relation = p.array(value),
            "role" => raw.role = p.array(value),
            "strategy" => raw.strategy = p.array(value),
            "steering" => raw.steering = p.array(value),
            "resource" => raw.resource = p.array(value),
            "exchange_rate" => raw.exchange_rate = p.array(value),
            "experience" => raw.experience = p.array(value),
            "finding" => raw.finding = p.array(value),
            other => diags.push(
                Diagnostic::new(Code::E0102, format!("unknown top-level key `{other}`"))
                    .at(file, key_span, "not part of the model format")
                    .maybe_hint(suggestion_hint(other, SECTIONS.iter().copied()))
                    .hint(format!("the top-level keys are: {}", SECTIONS.join(", "))),
            ),
        }
    }
    (raw, diags)
}

/// Reports strings longer than the limit anywhere in `value`. Recursion is bounded by the TOML
/// parser's own nesting limit.
fn check_text_lengths(file: FileId, value: &Spanned<DeValue<'_>>, max: usize, diags: &mut Vec<Diagnostic>) {
    match value.get_ref() {
        DeValue::String(s) if s.len() > max => diags.push(
            Diagnostic::new(Code::E0108, format!("a text value is {} bytes long; the limit is {max}", s.len()))
                .at(file, value.span().start..value.span().start + 1, "this value")
                .hint("raise the limit with --max-text-len if the text is genuine"),
        ),
        DeValue::Array(a) => a.iter().for_each(|v| check_text_lengths(file, v, max, diags)),
        DeValue::Table(t) => t.iter().for_each(|(_, v)| check_text_lengths(file, v, max, diags)),
        _ => {}
    }
}

struct ItemParser<'d> {
    file: FileId,
    diags: &'d mut Vec<Diagnostic>,
}

impl ItemParser<'_> {
    /// Deserializes one item, turning a serde error into a diagnostic.
    fn item<T: for<'de> Deserialize<'de>>(&mut self, value: Spanned<DeValue<'_>>) -> Option<Sp<T>> {
        let whole = value.span();
        match Sp::<T>::deserialize(ValueDeserializer::from(value)) {
            Ok(v) => Some(v),
            Err(e) => {
                self.diags.push(serde_error(self.file, &e, whole));
                None
            }
        }
    }

    /// Deserializes an array of tables item by item.
    fn array<T: for<'de> Deserialize<'de>>(&mut self, value: Spanned<DeValue<'_>>) -> Vec<Sp<T>> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items.into_iter().filter_map(|v| self.item(v)).collect(),
            other => {
                self.diags.push(
                    Diagnostic::new(
                        Code::E0103,
                        format!("expected an array of tables ([[...]]), found {}", other.type_str()),
                    )
                    .at(self.file, span, "here"),
                );
                Vec::new()
            }
        }
    }

    /// Deserializes a table of tables (`[levels.national]`) entry by entry.
    fn keyed<T: for<'de> Deserialize<'de>>(
        &mut self,
        value: Spanned<DeValue<'_>>,
    ) -> std::collections::BTreeMap<SpStr, Sp<T>> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Table(t) => t
                .into_iter()
                .filter_map(|(k, v)| {
                    let key = Sp(Spanned::new(k.span(), k.into_inner().into_owned()));
                    self.item(v).map(|v| (key, v))
                })
                .collect(),
            other => {
                self.diags.push(
                    Diagnostic::new(Code::E0103, format!("expected a table, found {}", other.type_str()))
                        .at(self.file, span, "here"),
                );
                Default::default()
            }
        }
    }
}
