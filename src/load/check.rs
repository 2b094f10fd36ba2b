//! The value checks model files and scenario files share: vocabulary terms, levels, instruments,
//! names, ids, dates, currencies, country codes and parent relations, and the one conversion
//! of a TOML syntax or serde error into a [`Diagnostic`].
//!
//! A scenario writes the same values a model does (an added actor has a kind, a level and names),
//! so both read them through [`Check`] and an author sees the same message, label and hint for
//! the same mistake whichever file it is in. What only one of them knows stays with it: whether
//! a level is one the country has is the model validator's, whether an operation has the keys it
//! needs is the scenario parser's.

use std::ops::Range;

use chrono::NaiveDate;
use serde_spanned::Spanned;

use super::raw::{DateValue, InstrumentValue, RawNames, Sp, SpStr};
use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};
use crate::model::{
    is_currency_code, is_valid_id, DateSpec, Instrument, Lang, Level, Names, RelationType, Sector, Vocabulary,
};

/// Checks values read from one file, adding what it finds to `diags`. Built on the spot
/// (`Check { file, diags: &mut diags }`) by whoever owns the diagnostics.
pub struct Check<'d> {
    /// The file the values come from.
    pub file: FileId,
    /// Where findings go.
    pub diags: &'d mut Vec<Diagnostic>,
}

impl Check<'_> {
    /// Adds a finding.
    pub fn report(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// A vocabulary term, or E0105 with a suggestion.
    pub fn term<V: Vocabulary>(&mut self, s: &SpStr) -> Option<V> {
        lookup_term::<V>(self.file, s).map_err(|d| self.report(d)).ok()
    }

    /// A level term. Whether the country has the level is the model validator's check.
    pub fn level(&mut self, s: &SpStr) -> Option<Level> {
        self.term::<Level>(s)
    }

    /// A sector, [`Sector::General`] when none is given (or the term is unknown, reported).
    pub fn sector(&mut self, s: Option<&SpStr>) -> Sector {
        s.and_then(|s| self.term::<Sector>(s)).unwrap_or(Sector::General)
    }

    /// An instrument written as its strength (1-5) or its name.
    pub fn instrument(&mut self, v: &Sp<InstrumentValue>) -> Option<Instrument> {
        match v.get() {
            InstrumentValue::Strength(n) => {
                let i = Instrument::from_strength(*n);
                if i.is_none() {
                    self.report(
                        Diagnostic::new(Code::E0105, format!("unknown instrument `{n}`"))
                            .at(self.file, v.span(), "instruments run from 1 (strongest) to 5 (softest)")
                            .hint("expected 1-5 or one of: economic, direct, indirect, standards, guidance"),
                    );
                }
                i
            }
            InstrumentValue::Name(n) => self.term::<Instrument>(&Sp(Spanned::new(v.span(), n.clone()))),
        }
    }

    /// Names per language; a name under an unknown language is reported and left out.
    pub fn names(&mut self, raw: &RawNames) -> Names {
        let mut names = Names::default();
        for (lang, name) in &raw.0 {
            if let Some(l) = self.term::<Lang>(lang) {
                names.insert(l, name.clone());
            }
        }
        names
    }

    /// An id (of an actor, a document: `what`), E0106 with a corrected spelling when it is not
    /// lowercase a-z, 0-9 and _ starting with a letter.
    pub fn id(&mut self, id: &SpStr, what: &str) -> bool {
        if is_valid_id(id.get()) {
            return true;
        }
        let fixed: String =
            id.get().to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
        self.report(
            Diagnostic::new(Code::E0106, format!("{what} id `{}` is not a valid id", id.get()))
                .at(self.file, id.span(), "ids use lowercase a-z, 0-9 and _, and start with a letter")
                .maybe_hint(is_valid_id(&fixed).then(|| format!("try `{fixed}`"))),
        );
        false
    }

    /// A date as models write it: a day, a month (`"2022-12"`) or a year.
    pub fn date(&mut self, d: &Sp<DateValue>) -> Option<DateSpec> {
        let parsed = date_spec(d.get());
        if parsed.is_none() {
            self.bad_date(d, "expected a date like 2020-01-01, a month like \"2022-12\" or a four-digit year");
        }
        parsed
    }

    /// A date that must be a day (a scenario's `as_of`, the day of a succession).
    pub fn day(&mut self, d: &Sp<DateValue>) -> Option<NaiveDate> {
        let parsed = match date_spec(d.get()) {
            Some(DateSpec::Day(day)) => Some(day),
            _ => None,
        };
        if parsed.is_none() {
            self.bad_date(d, "expected a date like 2020-01-01");
        }
        parsed
    }

    fn bad_date(&mut self, d: &Sp<DateValue>, expected: &str) {
        self.report(Diagnostic::new(Code::E0106, "not a valid date").at(self.file, d.span(), expected));
    }

    /// An ISO 4217 currency code (E0106 otherwise).
    pub fn currency(&mut self, s: &SpStr) -> bool {
        let ok = is_currency_code(s.get());
        if !ok {
            self.report(Diagnostic::new(Code::E0106, format!("currency `{}` is not an ISO 4217 code", s.get())).at(
                self.file,
                s.span(),
                "expected three capital letters, e.g. EUR, DKK, SEK, NOK",
            ));
        }
        ok
    }

    /// A country code: two lowercase letters (E0106 otherwise).
    pub fn country_code(&mut self, s: &SpStr) -> bool {
        let code = s.get();
        let ok = code.len() == 2 && code.chars().all(|ch| ch.is_ascii_lowercase());
        if !ok {
            self.report(
                Diagnostic::new(Code::E0106, format!("country code `{code}` is not two lowercase letters")).at(
                    self.file,
                    s.span(),
                    "expected e.g. `dk`, `se`, `fi`, `no`",
                ),
            );
        }
        ok
    }

    /// The relation an actor has to its parent: reports_to unless `t` names another
    /// hierarchical one (E0106 for a relation that is not hierarchical).
    pub fn parent_relation(&mut self, t: Option<&SpStr>) -> Option<RelationType> {
        let Some(t) = t else { return Some(RelationType::ReportsTo) };
        match self.term::<RelationType>(t)? {
            rt if rt.is_hierarchical() => Some(rt),
            rt => {
                self.report(
                    Diagnostic::new(Code::E0106, format!("parent_relation `{rt}` is not a hierarchical relation"))
                        .at(self.file, t.span(), "expected reports_to, owned_by or part_of")
                        .hint("state other relations under [[relation]]"),
                );
                None
            }
        }
    }
}

/// Looks a vocabulary term up, or explains (E0105, with a suggestion) why it is not one.
pub fn lookup_term<V: Vocabulary>(file: FileId, s: &SpStr) -> Result<V, Diagnostic> {
    V::from_key(s.get()).ok_or_else(|| {
        let keys = V::keys();
        Diagnostic::new(Code::E0105, format!("unknown {} `{}`", V::NAME, s.get()))
            .at(file, s.span(), format!("not a {}", V::NAME))
            .maybe_hint(suggestion_hint(s.get(), keys.iter().copied()))
            .hint(format!("expected one of: {}", keys.join(", ")))
    })
}

/// A date value as written, if it is a real day, month or year (1000-9999).
fn date_spec(d: &DateValue) -> Option<DateSpec> {
    match d {
        DateValue::Year(y) => i32::try_from(*y).ok().filter(|y| (1000..=9999).contains(y)).map(DateSpec::Year),
        DateValue::Month(m) => parse_month(m),
        DateValue::Date(dt) => match (dt.date, dt.time) {
            (Some(date), None) => {
                NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
                    .map(DateSpec::Day)
            }
            _ => None,
        },
    }
}

/// A month written `YYYY-MM` (1000-9999, 01-12).
pub fn parse_month(s: &str) -> Option<DateSpec> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !y.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    ((1000..=9999).contains(&y) && (1..=12).contains(&m)).then_some(DateSpec::Month(y, m))
}

/// E0101 for each syntax error the TOML parser recovered from.
pub fn syntax_errors(file: FileId, errors: Vec<toml::de::Error>) -> Vec<Diagnostic> {
    errors
        .into_iter()
        .map(|e| {
            let span = e.span().unwrap_or(0..0);
            Diagnostic::new(Code::E0101, format!("invalid TOML: {}", e.message())).at(file, span, "here")
        })
        .collect()
}

/// Classifies a serde error from deserializing one table (spanning `whole`) into a diagnostic
/// with a stable code: an unknown key (E0102, with the allowed keys), a missing one (E0104) or a
/// value of the wrong type (E0103).
pub fn serde_error(file: FileId, e: &toml::de::Error, whole: Range<usize>) -> Diagnostic {
    let msg = e.message();
    let span = e.span().unwrap_or(whole);
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Diagnostic::new(Code::E0102, format!("unknown key `{field}`"))
            .at(file, span, "not a key of this table")
            .maybe_hint(suggestion_hint(field, allowed.iter().copied()))
            .hint(format!("allowed keys: {}", allowed.join(", ")));
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::new(Code::E0104, format!("missing required key `{field}`")).at(
            file,
            span,
            format!("`{field}` is required here"),
        );
    }
    Diagnostic::new(Code::E0103, msg.trim().to_string()).at(file, span, "wrong type")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scenario's findings as `CODE byte-offset: label | hints`, in report order.
    fn scenario(text: &str) -> Vec<String> {
        let diags = crate::scenario::parse(0, text, &crate::load::Limits::default()).err().unwrap_or_default();
        diags
            .iter()
            .map(|d| {
                let l = &d.labels[0];
                format!("{} {}: {} | {}", d.code.as_str(), l.span.start, l.message, d.hints.join("; "))
            })
            .collect()
    }

    #[test]
    fn models_and_scenarios_read_values_the_same_way() {
        let text = "[scenario]\nname = \"s\"\nbase = \"dk\"\nas_of = \"2022-12\"\n\n\
                    [[op]]\nop = \"grant_instrument\"\nactor = \"digst\"\nrole = \"strategy\"\ninstrument = 7\n\n\
                    [[op]]\nop = \"rename\"\nactor = \"digst\"\nnmae = { en = \"X\" }\n";
        let found = scenario(text);
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(
            found[0],
            format!(
                "E0105 {}: instruments run from 1 (strongest) to 5 (softest) | expected 1-5 or one of: economic, direct, indirect, standards, guidance",
                at("7\n")
            )
        );
        let unknown = format!(
            "E0102 {}: not a key of this table | did you mean `name`?; allowed keys: op, note, actor,",
            at("nmae")
        );
        assert!(found[1].starts_with(&unknown), "{}", found[1]);
        assert_eq!(found[2], format!("E0106 {}: expected a date like 2020-01-01 | ", at("\"2022-12\"")));
    }

    #[test]
    fn dates_are_days_months_or_years_and_a_day_must_be_a_day() {
        let mut diags = Vec::new();
        let mut ck = Check { file: 3, diags: &mut diags };
        let v = |d: DateValue| Sp(Spanned::new(5..9, d));
        assert_eq!(ck.date(&v(DateValue::Year(2016))), Some(DateSpec::Year(2016)));
        assert_eq!(ck.date(&v(DateValue::Month("2022-12".into()))), Some(DateSpec::Month(2022, 12)));
        assert_eq!(ck.date(&v(DateValue::Month("2022-13".into()))), None);
        assert_eq!(ck.day(&v(DateValue::Year(2016))), None);
        assert_eq!(ck.date(&v(DateValue::Year(99))), None);
        let found: Vec<(&str, FileId, Range<usize>)> =
            diags.iter().map(|d| (d.code.as_str(), d.labels[0].file, d.labels[0].span.clone())).collect();
        assert_eq!(found, [("E0106", 3, 5..9), ("E0106", 3, 5..9), ("E0106", 3, 5..9)]);
    }

    #[test]
    fn a_parent_relation_must_be_hierarchical() {
        let mut diags = Vec::new();
        let mut ck = Check { file: 0, diags: &mut diags };
        let t = |s: &str| Sp(Spanned::new(1..4, s.to_string()));
        assert_eq!(ck.parent_relation(None), Some(RelationType::ReportsTo));
        assert_eq!(ck.parent_relation(Some(&t("owned_by"))), Some(RelationType::OwnedBy));
        assert_eq!(ck.parent_relation(Some(&t("advises"))), None);
        assert_eq!(ck.parent_relation(Some(&t("ownd_by"))), None);
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["E0106", "E0105"]);
        assert_eq!(diags[1].hints[0], "did you mean `owned_by`?");
    }
}
