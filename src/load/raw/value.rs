//! The values inside model items as written: spanned strings, sources, attributes,
//! instruments, dates, quantities and names, with the JSON Schema each one produces.
//!
//! They are kept apart from the item types of [`super`] because each parses a value that TOML
//! lets authors write in more than one form (`instrument = 1` or `"economic"`, a year or a
//! date), which takes a hand-written deserializer and schema.

use std::borrow::Cow;
use std::ops::Range;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_spanned::Spanned;

use crate::model::{
    ActorKind, Confidence, DocumentKind, FindingKind, Instrument, Lang, Level, LevelCharacter, Participation, Polarity,
    Portfolio, Qualifier, RelationType, ResourceScope, Role, Scale, Sector, Standing, StrategyKind, Theme, Vocabulary,
};

use super::{ProvenanceFields, RawFact, RawLevel};

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

/// A spanned string, the type of ids and vocabulary terms in the raw model.
pub type SpStr = Sp<String>;

/// The schema of a vocabulary field: a string enumerating the terms, so editors complete them.
pub fn vocab_schema<V: Vocabulary>(_: &mut SchemaGenerator) -> Schema {
    let terms = V::keys();
    let lines: Vec<String> = V::ALL.iter().map(|t| format!("`{}`: {}", t.key(), t.describe())).collect();
    json_schema!({ "type": "string", "enum": terms, "description": format!("A {}. One of:\n{}", V::NAME, lines.join("\n")) })
}

pub(super) fn vocab_list_schema<V: Vocabulary>(g: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "array", "items": vocab_schema::<V>(g) })
}

macro_rules! vocab_fns {
    ($($fn_name:ident, $list_fn:ident => $ty:ty;)+) => {
        $(
            #[allow(dead_code)]
            pub(super) fn $fn_name(g: &mut SchemaGenerator) -> Schema { vocab_schema::<$ty>(g) }
            #[allow(dead_code)]
            pub(super) fn $list_fn(g: &mut SchemaGenerator) -> Schema { vocab_list_schema::<$ty>(g) }
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
pub(super) fn attribute_schema<V: Vocabulary>(g: &mut SchemaGenerator) -> Schema {
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

pub(super) fn portfolio_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<Portfolio>(g)
}
pub(super) fn character_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<LevelCharacter>(g)
}
pub(super) fn standing_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<Standing>(g)
}
pub(super) fn participation_schema(g: &mut SchemaGenerator) -> Schema {
    attribute_schema::<Participation>(g)
}

pub(super) fn names_schema(g: &mut SchemaGenerator) -> Schema {
    let props: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .iter()
        .map(|l| (l.key().to_string(), json_schema!({ "type": "string", "description": l.describe() }).to_value()))
        .collect();
    let _ = g;
    json_schema!({ "type": "object", "properties": props, "additionalProperties": false, "description": "Names per language: en, nb, sv, da, fi. Give at least English and the native language." })
}

pub(super) fn levels_map_schema(g: &mut SchemaGenerator) -> Schema {
    let level = g.subschema_for::<RawLevel>().to_value();
    let props: serde_json::Map<String, serde_json::Value> =
        Level::ALL.iter().map(|l| (l.key().to_string(), level.clone())).collect();
    json_schema!({ "type": "object", "properties": props, "additionalProperties": false })
}

pub(super) fn qualifiers_schema(g: &mut SchemaGenerator) -> Schema {
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
