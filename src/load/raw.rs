//! The model format as written: serde types that mirror the TOML one to one, with byte spans on
//! every value a diagnostic may need to point at.
//!
//! Nothing here checks meaning. Vocabulary terms, ids and source references are kept as spanned
//! strings so that [`super::validate`] can report every problem with a suggestion, instead of
//! serde stopping at the first unknown variant. The same types produce the JSON Schema
//! (`nordgov schema`), so the schema cannot drift from what the loader accepts.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_spanned::Spanned;

use crate::model::{
    ActorKind, Confidence, DocumentKind, FindingKind, Instrument, Lang, Level, LevelCharacter, Participation, Polarity,
    Portfolio, Qualifier, RelationType, ResourceScope, Role, Scale, Sector, Standing, StrategyKind, Theme, Vocabulary,
};

/// A value with the byte range it was read from. Ordered and compared by value only.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Sp<T>(pub Spanned<T>);

impl<T> Sp<T> {
    /// Wraps a value built in code (for printing), with an empty span.
    pub fn new(value: T) -> Self {
        Sp(Spanned::new(0..0, value))
    }

    /// The value.
    pub fn get(&self) -> &T {
        self.0.get_ref()
    }

    /// The byte range.
    pub fn span(&self) -> Range<usize> {
        self.0.span()
    }

    /// The value, consuming the wrapper.
    pub fn into_inner(self) -> T {
        self.0.into_inner()
    }
}

/// A value built in code has no span.
impl<T: Default> Default for Sp<T> {
    fn default() -> Self {
        Sp::new(T::default())
    }
}

impl<T: PartialEq> PartialEq for Sp<T> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}
impl<T: Eq> Eq for Sp<T> {}
impl<T: Ord> PartialOrd for Sp<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T: Ord> Ord for Sp<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.get().cmp(other.get())
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// Declares a raw fact struct and appends the provenance fields every fact carries (`source`,
/// `confidence`, `reconstructed`, `note`). The fields are repeated into each struct instead of
/// `#[serde(flatten)]`ed, because flattening loses spans and unknown-key checks.
macro_rules! fact {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($body)*
            /// Where it comes from: DOCUMENT:LINES, or a list of them.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub source: Option<Sp<Sources>>,
            /// How sure the transcription is: high, medium or low.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            #[schemars(schema_with = "confidence_schema")]
            pub confidence: Option<SpStr>,
            /// Whether it was reconstructed from text whose layout was lost.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub reconstructed: Option<bool>,
            /// A free note: why, what else the text could mean.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub note: Option<String>,
        }

        impl RawFact for $name {
            fn provenance_fields(&self) -> ProvenanceFields<'_> {
                ProvenanceFields {
                    source: self.source.as_ref(),
                    confidence: self.confidence.as_ref(),
                    reconstructed: self.reconstructed.unwrap_or(false),
                    note: self.note.as_deref(),
                }
            }
        }
    };
}

/// [`fact!`] plus the validity fields (`valid_from`, `valid_to`) of facts that change over time.
macro_rules! fact_with_validity {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        fact! {
            $(#[$meta])*
            pub struct $name {
                $($body)*
                /// First day (or year) it held: a date (2020-01-01) or a year (2016).
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub valid_from: Option<Sp<DateValue>>,
                /// Last day (or year) it held.
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub valid_to: Option<Sp<DateValue>>,
            }
        }

        impl RawDated for $name {
            fn validity_fields(&self) -> (Option<&Sp<DateValue>>, Option<&Sp<DateValue>>) {
                (self.valid_from.as_ref(), self.valid_to.as_ref())
            }
        }
    };
}

/// The provenance fields of a raw fact, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct ProvenanceFields<'a> {
    /// `source`.
    pub source: Option<&'a Sp<Sources>>,
    /// `confidence`.
    pub confidence: Option<&'a SpStr>,
    /// `reconstructed`.
    pub reconstructed: bool,
    /// `note`.
    pub note: Option<&'a str>,
}

/// A raw item that carries provenance.
pub trait RawFact {
    /// Its provenance fields.
    fn provenance_fields(&self) -> ProvenanceFields<'_>;
}

/// A raw item that carries validity dates.
pub trait RawDated {
    /// `valid_from` and `valid_to`.
    fn validity_fields(&self) -> (Option<&Sp<DateValue>>, Option<&Sp<DateValue>>);
}

/// A spanned string, the type of ids and vocabulary terms in the raw model.
pub type SpStr = Sp<String>;

/// The schema of a vocabulary field: a string enumerating the terms, so editors complete them.
pub fn vocab_schema<V: Vocabulary>(_: &mut SchemaGenerator) -> Schema {
    let terms = V::keys();
    let lines: Vec<String> = V::ALL.iter().map(|t| format!("`{}`: {}", t.key(), t.describe())).collect();
    json_schema!({ "type": "string", "enum": terms, "description": format!("A {}. One of:\n{}", V::NAME, lines.join("\n")) })
}

fn vocab_list_schema<V: Vocabulary>(g: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "array", "items": vocab_schema::<V>(g) })
}

macro_rules! vocab_fns {
    ($($fn_name:ident, $list_fn:ident => $ty:ty;)+) => {
        $(
            #[allow(dead_code)]
            fn $fn_name(g: &mut SchemaGenerator) -> Schema { vocab_schema::<$ty>(g) }
            #[allow(dead_code)]
            fn $list_fn(g: &mut SchemaGenerator) -> Schema { vocab_list_schema::<$ty>(g) }
        )+
    };
}

vocab_fns! {
    level_schema, levels_schema => Level;
    role_schema, roles_schema => Role;
    kind_schema, kinds_schema => ActorKind;
    relation_schema, relations_schema => RelationType;
    confidence_schema, confidences_schema => Confidence;
    sector_schema, sectors_schema => Sector;
    lang_schema, langs_schema => Lang;
    polarity_schema, polarities_schema => Polarity;
    theme_schema, themes_schema => Theme;
    scale_schema, scales_schema => Scale;
    document_kind_schema, document_kinds_schema => DocumentKind;
    finding_kind_schema, finding_kinds_schema => FindingKind;
    scope_schema, scopes_schema => ResourceScope;
    strategy_kind_schema, strategy_kinds_schema => StrategyKind;
}

/// The schema of an attribute: the term itself, or a table with the term as `value` and its own
/// provenance.
fn attribute_schema<V: Vocabulary>(g: &mut SchemaGenerator) -> Schema {
    let plain = vocab_schema::<V>(g);
    let mut table = g.subschema_for::<RawSourcedTerm>().to_value();
    if let Some(props) = table.get_mut("properties").and_then(|p| p.as_object_mut()) {
        props.insert("value".into(), plain.clone().to_value());
    }
    json_schema!({
        "description": format!("A {} (backed by this fact's sources), or {{ value, source, confidence, note }} when another source carries it.", V::NAME),
        "anyOf": [plain, table]
    })
}

fn portfolio_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<Portfolio>(g)
}
fn character_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<LevelCharacter>(g)
}
fn standing_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<Standing>(g)
}
fn participation_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<Participation>(g)
}

fn names_schema(g: &mut SchemaGenerator) -> Schema {
    let props: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .iter()
        .map(|l| (l.key().to_string(), json_schema!({ "type": "string", "description": l.describe() }).to_value()))
        .collect();
    let _ = g;
    json_schema!({ "type": "object", "properties": props, "additionalProperties": false, "description": "Names per language: en, nb, sv, da, fi. Give at least English and the native language." })
}

fn levels_map_schema(g: &mut SchemaGenerator) -> Schema {
    let level = g.subschema_for::<RawLevel>().to_value();
    let props: serde_json::Map<String, serde_json::Value> =
        Level::ALL.iter().map(|l| (l.key().to_string(), level.clone())).collect();
    json_schema!({ "type": "object", "properties": props, "additionalProperties": false })
}

fn qualifiers_schema(g: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "additionalProperties": vocab_schema::<Qualifier>(g),
        "description": "Qualifiers per holder: { actor_id = \"possibly\" }."
    })
}

/// One source reference or several: `source = "doc:12-14"` or `source = ["doc:12", "doc:40-41"]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Sources {
    /// A single reference.
    One(String),
    /// Several references, each with its own span.
    Many(Vec<SpStr>),
}

impl Sources {
    /// References as a model file writes them: none, one string, or a list.
    pub fn from_refs(refs: Vec<String>) -> Option<Sp<Sources>> {
        match refs.len() {
            0 => None,
            1 => refs.into_iter().next().map(|r| Sp::new(Sources::One(r))),
            _ => Some(Sp::new(Sources::Many(refs.into_iter().map(Sp::new).collect()))),
        }
    }

    /// Every reference with its span (a single reference takes the span of the whole value).
    pub fn items(&self, whole: Range<usize>) -> Vec<(String, Range<usize>)> {
        match self {
            Sources::One(s) => vec![(s.clone(), whole)],
            Sources::Many(v) => v.iter().map(|s| (s.get().clone(), s.span())).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Sources {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Sources;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a source reference \"document:lines\" or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Sources, E> {
                Ok(Sources::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Sources, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<SpStr>()? {
                    out.push(s);
                }
                Ok(Sources::Many(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Sources {
    fn schema_name() -> Cow<'static, str> {
        "Sources".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let one = json_schema!({ "type": "string", "pattern": "^[a-z][a-z0-9_]*((:[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*)|(#.+))?$" });
        json_schema!({
            "description": "Where the fact comes from: DOCUMENT:LINES for a text the project holds, e.g. \"nordic2017:2333-2479\" or \"nordic2017:178,365\"; DOCUMENT#SECTION for a web page, e.g. \"digst_about#Organisation\"; a list for several passages.",
            "anyOf": [one.clone(), { "type": "array", "items": one }]
        })
    }
}

/// A term stated about a fact, written plainly (`portfolio = "finance"`, backed by the fact's
/// own sources) or as a table with its own provenance
/// (`portfolio = { value = "finance", source = "doc:12", confidence = "high" }`).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum RawAttribute {
    /// The term alone.
    Plain(String),
    /// The term with its own provenance.
    Sourced(RawSourcedTerm),
}

impl<'de> Deserialize<'de> for RawAttribute {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAttribute;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a term, or a table { value, source, confidence, note }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAttribute, E> {
                Ok(RawAttribute::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawAttribute, A::Error> {
                RawSourcedTerm::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawAttribute::Sourced)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawAttribute {
    fn schema_name() -> Cow<'static, str> {
        "Attribute".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({ "anyOf": [{ "type": "string" }, g.subschema_for::<RawSourcedTerm>()] })
    }
}

fact! {
/// The table form of an attribute: the term and its own provenance.
pub struct RawSourcedTerm {
    /// The term.
    pub value: SpStr,
}
}

/// An instrument written as its strength (1-5) or its name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum InstrumentValue {
    /// `1` .. `5`.
    Strength(i64),
    /// `economic`, `direct`, `indirect`, `standards`, `guidance`.
    Name(String),
}

impl<'de> Deserialize<'de> for InstrumentValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = InstrumentValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an instrument: a number 1-5 or economic, direct, indirect, standards, guidance")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<InstrumentValue, E> {
                Ok(InstrumentValue::Strength(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<InstrumentValue, E> {
                Ok(InstrumentValue::Strength(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<InstrumentValue, E> {
                Ok(InstrumentValue::Name(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for InstrumentValue {
    fn schema_name() -> Cow<'static, str> {
        "Instrument".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A steering instrument, by strength (1 strongest ... 5 softest) or name.",
            "anyOf": [{ "type": "integer", "minimum": 1, "maximum": 5 }, vocab_schema::<Instrument>(g)]
        })
    }
}

/// A date: a TOML local date (`2020-01-01`), a month as a string (`"2022-12"`) when only the month
/// is known, or a bare year (`2016`) when only the year is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum DateValue {
    /// A year.
    Year(i64),
    /// A month, written `"YYYY-MM"` (kept as written; the validator checks it).
    Month(String),
    /// A TOML date or date-time.
    Date(toml::value::Datetime),
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Year(i64),
            Date(toml::value::Datetime),
            Month(String),
        }
        match Either::deserialize(d) {
            Ok(Either::Year(y)) => Ok(DateValue::Year(y)),
            Ok(Either::Date(dt)) => Ok(DateValue::Date(dt)),
            Ok(Either::Month(m)) => Ok(DateValue::Month(m)),
            Err(_) => Err(de::Error::custom("expected a date (2020-01-01), a month (\"2022-12\") or a year (2016)")),
        }
    }
}

impl JsonSchema for DateValue {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date (2020-01-01); when only the month is known, a month as a string (\"2022-12\"); when only the year is known, a year (2016).",
            "anyOf": [{ "type": "integer" }, { "type": "string", "format": "date" }, { "type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$" }]
        })
    }
}

/// The table form of a quantity.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuantityTable {
    /// The value the source states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The lower end when sources disagree or give a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The upper end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whether the source says "about" (ca., ~).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
}

/// A quantity: a bare number, or `{ value, min, max, approx }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum QuantityValue {
    /// A bare number.
    Number(f64),
    /// The table form.
    Table(QuantityTable),
}

impl<'de> Deserialize<'de> for QuantityValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = QuantityValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a table { value, min, max, approx }")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<QuantityValue, E> {
                Ok(QuantityValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<QuantityValue, E> {
                Ok(QuantityValue::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<QuantityValue, E> {
                Ok(QuantityValue::Number(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<QuantityValue, A::Error> {
                QuantityTable::deserialize(de::value::MapAccessDeserializer::new(map)).map(QuantityValue::Table)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for QuantityValue {
    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number, or { value, min, max, approx } for approximate figures and ranges.",
            "anyOf": [{ "type": "number" }, g.subschema_for::<QuantityTable>()]
        })
    }
}

/// Names per language as written, `{ en = "...", da = "..." }`: (language key, name) in file
/// order. A short vector rather than a map, as in [`crate::model::Names`]: a map node costs
/// about 290 bytes for the one to three names an actor has. Printed in key order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawNames(pub Vec<(SpStr, String)>);

impl Serialize for RawNames {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut sorted: Vec<&(SpStr, String)> = self.0.iter().collect();
        sorted.sort_by(|a, b| a.0.get().cmp(b.0.get()));
        let mut m = s.serialize_map(Some(sorted.len()))?;
        for (k, v) in sorted {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for RawNames {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawNames;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("names per language, e.g. { en = \"...\", da = \"...\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNames, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<SpStr, String>()? {
                    out.push(entry);
                }
                Ok(RawNames(out))
            }
        }
        d.deserialize_map(V)
    }
}

fact! {
/// `[country]`: which country the model describes.
pub struct RawCountry {
    /// Lowercase country code: dk, se, fi, no.
    pub code: SpStr,
    /// Names per language.
    #[schemars(schema_with = "names_schema")]
    pub name: RawNames,
    /// Native languages, primary first.
    #[schemars(schema_with = "langs_schema")]
    pub languages: Vec<SpStr>,
    /// The date the model's undated facts describe (when the source mapped the country);
    /// comparisons across countries look at each model on its reference date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_date: Option<Sp<DateValue>>,
    /// Population with its reference date and source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<Sp<RawFigure>>,
}
}

fact! {
/// A figure with a reference date and provenance (population).
pub struct RawFigure {
    /// The value.
    pub value: f64,
    /// The reference date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Sp<DateValue>>,
}
}

fact! {
/// `[levels.LEVEL]`: one administrative level.
pub struct RawLevel {
    /// `false` when the country lacks the level (the description says why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// What the level consists of.
    pub description: String,
    /// How many bodies make up the level (98 municipalities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<u32>,
    /// What those bodies are called.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<String>,
    /// What the bodies are: self_governing, health_enterprises, joint_municipal, state_field or
    /// none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "character_schema")]
    pub character: Option<Sp<RawAttribute>>,
}
}

fact_with_validity! {
/// `[[level_period]]`: what a level was during a period (a municipal reform, a new regional
/// tier): the fields it states replace the level's own on the dates it holds.
pub struct RawLevelPeriod {
    /// The level: national, state, regional or local.
    #[schemars(schema_with = "level_schema")]
    pub level: SpStr,
    /// What the level consists of in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How many bodies make up the level in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<u32>,
    /// What those bodies are called.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<String>,
    /// What the bodies are in the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "character_schema")]
    pub character: Option<Sp<RawAttribute>>,
}
}

/// `[documents.ID]`: a source document facts cite as `ID:LINES`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    /// The file holding its text (e.g. 004_f5b30a6f7980108e.txt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Its title.
    pub title: String,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// report, statistics, background or web.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "document_kind_schema")]
    pub kind: Option<SpStr>,
    /// A web document's address (https://...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<SpStr>,
    /// When a web document was published: a date, a month ("2022-12") or a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Sp<DateValue>>,
    /// When a web document was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Sp<DateValue>>,
    /// The document's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "lang_schema")]
    pub language: Option<SpStr>,
}

fact_with_validity! {
/// `[[actor]]`: a body taking part in governance.
pub struct RawActor {
    /// Stable id: lowercase letters, digits, underscores.
    pub id: SpStr,
    /// Names per language.
    #[schemars(schema_with = "names_schema")]
    pub name: RawNames,
    /// Abbreviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbr: Option<String>,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What sort of body.
    #[schemars(schema_with = "kind_schema")]
    pub kind: SpStr,
    /// Its level.
    #[schemars(schema_with = "level_schema")]
    pub level: SpStr,
    /// The actor it hangs under in the organisation chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<SpStr>,
    /// How it hangs under the parent: reports_to (default), owned_by or part_of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "relation_schema")]
    pub parent_relation: Option<SpStr>,
    /// Forums and associations it is a member of (shorthand for member_of relations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<SpStr>,
    /// Whether it is (part of) the country's central digitalisation unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub central: Option<bool>,
    /// A ministry's portfolio: finance, local_government, digital, infrastructure, business,
    /// interior, prime_minister or other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "portfolio_schema")]
    pub portfolio: Option<Sp<RawAttribute>>,
    /// A forum's or council's standing: permanent or temporary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "standing_schema")]
    pub standing: Option<Sp<RawAttribute>>,
    /// Whether members of a forum or council must take part: mandatory or voluntary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "participation_schema")]
    pub participation: Option<Sp<RawAttribute>>,
}
}

fact_with_validity! {
/// `[[relation]]`: `from <type> to`.
pub struct RawRelation {
    /// The actor the relation starts from.
    pub from: SpStr,
    /// The relation type.
    #[serde(rename = "type")]
    #[schemars(schema_with = "relation_schema")]
    pub kind: SpStr,
    /// The actor it points to.
    pub to: SpStr,
    /// For agreement_with: whether the agreement binds the parties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub binding: Option<Sp<bool>>,
}
}

fact_with_validity! {
/// `[[role]]`: actors holding one role at one level (a role-matrix cell, or part of one).
pub struct RawRole {
    /// The level (row).
    #[schemars(schema_with = "level_schema")]
    pub level: SpStr,
    /// The role (column).
    #[schemars(schema_with = "role_schema")]
    pub role: SpStr,
    /// The sector (default general).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "sector_schema")]
    pub sector: Option<SpStr>,
    /// The holders, in the order the source names them.
    pub actors: Vec<SpStr>,
    /// Qualifiers per holder: { kombit = "consulted_only" }.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(schema_with = "qualifiers_schema")]
    pub qualifiers: BTreeMap<SpStr, SpStr>,
    /// The cell's text in the source language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}
}

/// A strategy document in a strategic steering row.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStrategyDocument {
    /// Its title.
    pub title: String,
    /// The years it covers ("2016-2020").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<String>,
    /// What sort of document: joint_strategy, government_strategy, government_programme,
    /// action_plan, sector_strategy, body_strategy or agenda.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "strategy_kind_schema")]
    pub kind: Option<SpStr>,
    /// false when the source treats the document as no longer in force (outdated, lapsed)
    /// although the row still lists it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<bool>,
}

fact_with_validity! {
/// `[[strategy]]`: one row of a strategic steering table.
pub struct RawStrategy {
    /// The level.
    #[schemars(schema_with = "level_schema")]
    pub level: SpStr,
    /// The sector (default general).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "sector_schema")]
    pub sector: Option<SpStr>,
    /// The primary actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub primary_actors: Vec<SpStr>,
    /// The strategy documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<RawStrategyDocument>,
    /// The instruments used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<Sp<InstrumentValue>>,
    /// The source's description of the steering tools.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}
}

fact! {
/// `[[steering.cell]]`: one role x instrument cell of an operational steering slide.
pub struct RawSteeringCell {
    /// The role (row).
    #[schemars(schema_with = "role_schema")]
    pub role: SpStr,
    /// The instrument (column).
    pub instrument: Sp<InstrumentValue>,
    /// Whether it is used (default true; write false to record an explicitly empty cell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used: Option<bool>,
    /// Short description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The source's wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
    /// Actors the steering is aimed at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<SpStr>,
    /// Levels the steering is aimed at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(schema_with = "levels_schema")]
    pub target_levels: Vec<SpStr>,
}
}

fact_with_validity! {
/// `[[steering]]`: an operational steering slide for one key actor.
pub struct RawSteering {
    /// The key actor.
    pub actor: SpStr,
    /// The sector (default general).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "sector_schema")]
    pub sector: Option<SpStr>,
    /// The slide's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The slide's message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The roles the slide covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(schema_with = "roles_schema")]
    pub roles: Vec<SpStr>,
    /// The cells.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cell: Vec<RawSteeringCell>,
}
}

/// A budget: `{ value = 43, currency = "EUR", scale = "million" }`, or a range with min/max.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMoney {
    /// The amount, in `scale` units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Lower end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whether the source says "about".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approx: bool,
    /// ISO 4217 code.
    pub currency: SpStr,
    /// unit, thousand, million or billion.
    #[schemars(schema_with = "scale_schema")]
    pub scale: SpStr,
}

fact! {
/// `[[resource]]`: staff and/or budget of an actor, from one statement.
pub struct RawResource {
    /// The actor.
    pub actor: SpStr,
    /// Full-time equivalents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fte: Option<Sp<QuantityValue>>,
    /// A budget or spend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Sp<RawMoney>>,
    /// The year the figure refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// What the figure counts: the whole body (default) or only its digitalisation part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "scope_schema")]
    pub scope: Option<SpStr>,
    /// What the figure covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<String>,
}
}

fact! {
/// `[[exchange_rate]]`: euro per unit of a currency.
pub struct RawExchangeRate {
    /// ISO 4217 code converted from.
    pub currency: SpStr,
    /// Euro per one unit.
    pub eur: f64,
    /// The year it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}
}

fact! {
/// `[[experience]]`: a positive or negative experience.
pub struct RawExperience {
    /// positive or negative.
    #[schemars(schema_with = "polarity_schema")]
    pub polarity: SpStr,
    /// steering, capacity or organisation.
    #[schemars(schema_with = "theme_schema")]
    pub theme: SpStr,
    /// The sector (default general).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "sector_schema")]
    pub sector: Option<SpStr>,
    /// What it says.
    pub text: String,
}
}

fact! {
/// `[[finding]]`: a summary point or a recorded ambiguity.
pub struct RawFinding {
    /// summary or ambiguity.
    #[schemars(schema_with = "finding_kind_schema")]
    pub kind: SpStr,
    /// What part of the model it concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// What it says.
    pub text: String,
}
}

/// One model file as written. Every section is optional, so a model can be split across files
/// in any way; the loader merges the files of a directory.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RawFile {
    /// Which country (exactly one file of the model has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Sp<RawCountry>>,
    /// The administrative levels, keyed national, state, regional, local.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(schema_with = "levels_map_schema")]
    pub levels: BTreeMap<SpStr, Sp<RawLevel>>,
    /// Source documents, keyed by the id facts cite.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub documents: BTreeMap<SpStr, Sp<RawDocument>>,
    /// Periods in which a level was different.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub level_period: Vec<Sp<RawLevelPeriod>>,
    /// Actors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actor: Vec<Sp<RawActor>>,
    /// Relations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relation: Vec<Sp<RawRelation>>,
    /// Role-matrix entries.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role: Vec<Sp<RawRole>>,
    /// Strategic steering rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub strategy: Vec<Sp<RawStrategy>>,
    /// Operational steering slides.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steering: Vec<Sp<RawSteering>>,
    /// Resource figures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resource: Vec<Sp<RawResource>>,
    /// Exchange rates to euro.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exchange_rate: Vec<Sp<RawExchangeRate>>,
    /// Experiences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub experience: Vec<Sp<RawExperience>>,
    /// Summary points and ambiguities.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub finding: Vec<Sp<RawFinding>>,
}

/// The top-level keys of a model file, for "unknown key" messages.
pub const SECTIONS: &[&str] = &[
    "country",
    "levels",
    "level_period",
    "documents",
    "actor",
    "relation",
    "role",
    "strategy",
    "steering",
    "resource",
    "exchange_rate",
    "experience",
    "finding",
];
