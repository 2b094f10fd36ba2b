//! The model format as written: serde types that mirror the TOML one to one, with byte spans on
//! every value a diagnostic may need to point at.
//!
//! Nothing here checks meaning. Vocabulary terms, ids and source references are kept as spanned
//! strings so that [`super::validate`] can report every problem with a suggestion, instead of
//! serde stopping at the first unknown variant. The same types produce the JSON Schema
//! (`nordgov schema`), so the schema cannot drift from what the loader accepts.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

// After the macros, so the value types can declare facts with them.
mod value;
pub use value::*;

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
