use std::collections::BTreeMap;
use std::fmt;

use compact_str::CompactString;
use serde::Serialize;

use super::dating::{DateSpec, Validity};
use super::vocab::*;

/// A stable actor id: lowercase ASCII letters, digits and underscores, unique within a country.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ActorId(pub CompactString);

impl ActorId {
    /// An id from its text (not checked: [`is_valid_id`] is the validator's job).
    pub fn new(id: &str) -> Self {
        Self(CompactString::new(id))
    }

    /// The id as written in the model.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `id` is a well-formed id: it starts with a lowercase letter and continues with
/// lowercase letters, digits or underscores. Ids end up in file names, DOT and URLs, so the
/// alphabet is deliberately small.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z')) && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_')) && id.len() <= 64
}

/// Names of one thing in several languages, in language order (at most one per language).
///
/// A short sorted vector rather than a map: almost every actor has one to three names, and a
/// `BTreeMap` node costs about 290 bytes however few entries it holds (a fifth of a synthetic
/// actor's memory; see BENCHMARKS.md).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names(Vec<(Lang, String)>);

impl serde::Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (lang, name) in &self.0 {
            m.serialize_entry(lang, name)?;
        }
        m.end()
    }
}

impl Names {
    /// Sets the name in `lang` (replacing one it had).
    pub fn insert(&mut self, lang: Lang, name: impl Into<String>) {
        match self.0.binary_search_by_key(&lang, |(l, _)| *l) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = name.into();
                }
            }
            Err(i) => self.0.insert(i, (lang, name.into())),
        }
    }

    /// Every (language, name), in language order.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        self.0.iter().map(|(l, n)| (*l, n.as_str()))
    }

    /// The name in `lang`, if the model has it.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.0.iter().find(|(l, _)| *l == lang).map(|(_, n)| n.as_str())
    }

    /// The name in `lang`, else English, else in the first of `natives` that has one, else any
    /// name at all. Returns the language actually used so callers can say when they fell back.
    pub fn best(&self, lang: Lang, natives: &[Lang]) -> Option<(Lang, &str)> {
        std::iter::once(lang)
            .chain(std::iter::once(Lang::En))
            .chain(natives.iter().copied())
            .find_map(|l| self.get(l).map(|n| (l, n)))
            .or_else(|| self.iter().next())
    }
}

/// A line range in a source document, both ends inclusive and 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineRange {
    /// First line.
    pub start: u32,
    /// Last line.
    pub end: u32,
}

impl fmt::Display for LineRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// A pointer into a source document: `document:lines` for a text the project holds
/// (`nordic2017:2333-2479,2490`), `document#locator` for a web page, the locator naming the
/// section or heading (`digst_about#Organisation`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SourceRef {
    /// The id of a document declared under `[documents]` (ids are short, so they are kept
    /// inline: a large model holds millions of source references).
    pub document: CompactString,
    /// The lines that carry the fact; empty when the whole document is meant.
    pub lines: Vec<LineRange>,
    /// The section or heading of a web document that carries the fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<Box<str>>,
}

/// Why a source reference does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceRefError {
    /// `doc#` with nothing after the `#`.
    EmptySection,
    /// A part of the line list that is not a line or a line range (`0`, `9-3`, `x`).
    BadLines(String),
}

impl SourceRef {
    /// Parses `DOC`, `DOC:LINES` (`nordic2017:2333-2479`, `nordic2017:178,365`) or
    /// `DOC#SECTION` (a web page's section, which may contain colons).
    pub fn parse(text: &str) -> Result<SourceRef, SourceRefError> {
        let (text, locator) = match text.split_once('#') {
            Some((_, l)) if l.trim().is_empty() => return Err(SourceRefError::EmptySection),
            Some((d, l)) => (d, Some(Box::<str>::from(l.trim()))),
            None => (text, None),
        };
        let (doc, lines) = match text.split_once(':') {
            Some((d, l)) => (d, Some(l)),
            None => (text, None),
        };
        let mut ranges = Vec::new();
        for part in lines.map(|l| l.split(',').collect::<Vec<_>>()).unwrap_or_default() {
            let parsed = match part.trim().split_once('-') {
                Some((a, b)) => a.trim().parse::<u32>().ok().zip(b.trim().parse::<u32>().ok()),
                None => part.trim().parse::<u32>().ok().map(|n| (n, n)),
            };
            match parsed {
                Some((start, end)) if start >= 1 && start <= end => ranges.push(LineRange { start, end }),
                _ => return Err(SourceRefError::BadLines(part.to_string())),
            }
        }
        Ok(SourceRef { document: doc.into(), lines: ranges, locator })
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.document)?;
        for (i, r) in self.lines.iter().enumerate() {
            f.write_str(if i == 0 { ":" } else { "," })?;
            write!(f, "{r}")?;
        }
        if let Some(l) = &self.locator {
            write!(f, "#{l}")?;
        }
        Ok(())
    }
}

/// Where a fact comes from and how sure its transcription is.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Provenance {
    /// The passages that carry the fact.
    pub sources: Vec<SourceRef>,
    /// How sure the transcription is; `None` when the author did not say.
    pub confidence: Option<Confidence>,
    /// Whether the fact was reconstructed from text whose layout was lost (a flattened slide)
    /// rather than read directly.
    pub reconstructed: bool,
    /// A free note: why, what else the text could mean, how an ambiguity was resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether `name` is a plain file name: no directory part, not `.` or `..`, no control
/// characters. A document's `file` is looked up in the models' `sources/` directory and becomes
/// the name of a report page, so it must not be able to point anywhere else.
pub fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.chars().any(|c| c == '/' || c == '\\' || c.is_control())
}

/// A term stated about a fact (an actor's portfolio, a level's character), with its own
/// provenance when the sources of the fact it belongs to do not carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribute<T> {
    /// The term.
    pub value: T,
    /// Where this term comes from, when it is not the fact's own sources. Boxed: most terms have
    /// none, and a large model holds one slot per actor for each kind of term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Box<Provenance>>,
}

impl<T: Copy> Attribute<T> {
    /// A term backed by the sources of the fact it belongs to.
    pub fn plain(value: T) -> Self {
        Attribute { value, provenance: None }
    }

    /// The provenance that supports the term: its own, else `owner`'s.
    pub fn provenance_or<'a>(&'a self, owner: &'a Provenance) -> &'a Provenance {
        self.provenance.as_deref().unwrap_or(owner)
    }
}

/// A source document facts can cite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The id facts use to cite it.
    pub id: String,
    /// The file name of its text, when the project holds one (e.g. `004_f5b30a6f7980108e.txt`).
    pub file: Option<String>,
    /// Its title.
    pub title: String,
    /// Who published it.
    pub publisher: Option<String>,
    /// When it was published.
    pub year: Option<i32>,
    /// Whether it is the report, official statistics, other background or a web page.
    pub kind: DocumentKind,
    /// A web document's address.
    pub url: Option<String>,
    /// When a web document was published, as precisely as it says.
    pub published: Option<DateSpec>,
    /// When a web document was read.
    pub accessed: Option<DateSpec>,
    /// The document's language.
    pub language: Option<Lang>,
}

/// The facts about one administrative level of a country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelInfo {
    /// Which level.
    pub level: Level,
    /// Whether the country has the level. A level the report says is missing is kept with
    /// `present = false` so its description survives.
    pub present: bool,
    /// What the level consists of, in the report's terms.
    pub description: String,
    /// How many bodies make up the level (98 municipalities), if the source says.
    pub units: Option<u32>,
    /// What the units are called ("municipalities").
    pub unit_name: Option<String>,
    /// What the level's bodies are: self-governing, health enterprises, joint municipal ...
    pub character: Option<Attribute<LevelCharacter>>,
    /// Where the facts come from.
    pub provenance: Provenance,
    /// Periods in which the level was different (a municipal reform, a new regional tier),
    /// sorted by start; [`Country::as_of`] applies the ones that hold on its date.
    pub periods: Vec<LevelPeriod>,
}

/// What a level was during a period: each field it states replaces the level's own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelPeriod {
    /// When it held.
    pub validity: Validity,
    /// What the level consists of.
    pub description: Option<String>,
    /// How many bodies make up the level.
    pub units: Option<u32>,
    /// What the units are called.
    pub unit_name: Option<String>,
    /// What the bodies are.
    pub character: Option<Attribute<LevelCharacter>>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A single figure with its provenance, such as a population.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The value.
    pub value: f64,
    /// The reference date of the value.
    pub date: Option<DateSpec>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// The superior an actor hangs under in the organisation chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parent {
    /// The superior actor.
    pub id: ActorId,
    /// How the actor hangs under it: `reports_to`, `owned_by` or `part_of`.
    pub relation: RelationType,
}

/// A body taking part in digitalisation governance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Stable id.
    pub id: ActorId,
    /// Names per language.
    pub name: Names,
    /// The usual abbreviation (DIGST, KS).
    pub abbr: Option<String>,
    /// Other names the sources use.
    pub aliases: Vec<String>,
    /// What sort of body it is.
    pub kind: ActorKind,
    /// The level it belongs to.
    pub level: Level,
    /// Its place in the organisation chart.
    pub parent: Option<Parent>,
    /// Whether it is (part of) the country's central digitalisation unit.
    pub central: bool,
    /// A ministry's portfolio.
    pub portfolio: Option<Attribute<Portfolio>>,
    /// Whether a forum or council is permanent or temporary.
    pub standing: Option<Attribute<Standing>>,
    /// Whether taking part in a forum or council is mandatory or voluntary.
    pub participation: Option<Attribute<Participation>>,
    /// When it existed.
    pub validity: Validity,
    /// Where the facts come from.
    pub provenance: Provenance,
}

impl Actor {
    /// The short label used in matrices: the abbreviation, else the name in `lang` (with the
    /// fallbacks of [`Names::best`]), else the id.
    pub fn label(&self, lang: Lang, natives: &[Lang]) -> String {
        self.abbr
            .clone()
            .or_else(|| self.name.best(lang, natives).map(|(_, n)| n.to_string()))
            .unwrap_or_else(|| self.id.to_string())
    }
}

/// A typed relation between two actors, read as `from <kind> to`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    /// The actor the relation starts from.
    pub from: ActorId,
    /// The relation's type.
    pub kind: RelationType,
    /// The actor it points to.
    pub to: ActorId,
    /// For an `agreement_with`: whether the agreement binds the parties (Denmark's annual
    /// economic agreements bind the municipalities through KL).
    pub binding: bool,
    /// When it held.
    pub validity: Validity,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// One actor's place in a role cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holder {
    /// The actor.
    pub actor: ActorId,
    /// How the report qualifies its place, if it does.
    pub qualifier: Option<Qualifier>,
}

/// A statement that some actors hold one role at one level. Several entries may fill the same
/// cell (from different sources, or valid at different times); the matrix is their union.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleEntry {
    /// The level (row).
    pub level: Level,
    /// The role (column).
    pub role: Role,
    /// The sector the statement is about.
    pub sector: Sector,
    /// The actors that hold the role, in the order the source names them.
    pub holders: Vec<Holder>,
    /// The cell's text in the source language.
    pub text: Option<String>,
    /// When it held.
    pub validity: Validity,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A strategy document cited in a strategic steering table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StrategyDocument {
    /// Its title, as the source gives it.
    pub title: String,
    /// The years it covers, as the source writes them ("2016-2020").
    pub years: Option<String>,
    /// What sort of document it is (a joint strategy, the government's strategy ...).
    pub kind: Option<StrategyKind>,
    /// Whether the source treats it as in force on the row's dates (false: outdated, lapsed).
    pub in_force: bool,
}

/// One row of a strategic steering table: who steers a level (in a sector), by which strategy
/// and with which instruments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strategy {
    /// The level.
    pub level: Level,
    /// The sector.
    pub sector: Sector,
    /// The primary actors.
    pub primary_actors: Vec<ActorId>,
    /// The strategy documents.
    pub documents: Vec<StrategyDocument>,
    /// The instruments used, sorted strong to soft.
    pub instruments: Vec<Instrument>,
    /// The source's description of the steering tools.
    pub text: Option<String>,
    /// When it held.
    pub validity: Validity,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// One cell of an operational steering matrix: whether an actor uses an instrument in a role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SteeringCell {
    /// The role (row).
    pub role: Role,
    /// The instrument (column).
    pub instrument: Instrument,
    /// Whether the instrument is used; cells the source marks as unused are kept as `false`.
    pub used: bool,
    /// A short description (English or the source language).
    pub text: Option<String>,
    /// The source's own wording.
    pub source_text: Option<String>,
    /// Actors the steering is aimed at.
    pub targets: Vec<ActorId>,
    /// Levels the steering is aimed at (meaning the collective actors of that level).
    pub target_levels: Vec<Level>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// An operational steering slide: a key actor's role x instrument matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Steering {
    /// The key actor.
    pub actor: ActorId,
    /// The sector.
    pub sector: Sector,
    /// The slide's title.
    pub title: Option<String>,
    /// The slide's message in one sentence.
    pub summary: Option<String>,
    /// The roles the slide covers (its rows).
    pub roles: Vec<Role>,
    /// The cells the source fills, sorted by role then instrument.
    pub cells: Vec<SteeringCell>,
    /// When it held.
    pub validity: Validity,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A number that may be exact, approximate or a range (when sources disagree).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantity {
    /// The value the source states, if it states one.
    pub value: Option<f64>,
    /// The lower end of a range.
    pub min: Option<f64>,
    /// The upper end of a range.
    pub max: Option<f64>,
    /// Whether the source says "about".
    pub approx: bool,
}

impl Quantity {
    /// One number that represents the quantity: the value, else the middle of the range, else
    /// whichever end is known.
    pub fn central(&self) -> Option<f64> {
        self.value.or(match (self.min, self.max) {
            (Some(a), Some(b)) => Some((a + b) / 2.0),
            (a, b) => a.or(b),
        })
    }
}

/// Whether `code` looks like an ISO 4217 currency code: three capital letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether `v` can be a staff or budget figure: finite and not negative.
pub fn is_valid_figure(v: f64) -> bool {
    v.is_finite() && v >= 0.0
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// The amount, in `scale` units of `currency`.
    pub amount: Quantity,
    /// ISO 4217 code (EUR, DKK, SEK, NOK).
    pub currency: String,
    /// The multiplier the amount is written in.
    pub scale: Scale,
}

/// A resource figure for an actor: staff, budget, or both from one statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    /// The actor.
    pub actor: ActorId,
    /// Full-time equivalents (or employees, as the source counts them).
    pub fte: Option<Quantity>,
    /// A budget or spend.
    pub budget: Option<Money>,
    /// The year the figure refers to.
    pub year: Option<i32>,
    /// Whether the figure counts the whole body or only the part that works on digitalisation.
    pub scope: ResourceScope,
    /// What the figure covers.
    pub covers: Option<String>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A conversion rate to euro, as model data so that every normalised figure can cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExchangeRate {
    /// The currency converted from.
    pub currency: String,
    /// Euro per one unit of the currency.
    pub eur: f64,
    /// The year the rate applies to.
    pub year: Option<i32>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// An experience the report records, positive or negative.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Experience {
    /// Positive or negative.
    pub polarity: Polarity,
    /// The theme it belongs to.
    pub theme: Theme,
    /// The sector.
    pub sector: Sector,
    /// What it says.
    pub text: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A summary point or a recorded transcription ambiguity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Summary or ambiguity.
    pub kind: FindingKind,
    /// What part of the model it concerns ("role_matrix", "resources").
    pub topic: Option<String>,
    /// What it says.
    pub text: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A validated country model. `Country::default()` is the empty model that validation and the
/// synthetic generator fill in.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Country {
    /// Lowercase code (ISO 3166-1 alpha-2 for real countries): `dk`, `se`, `fi`, `no`.
    pub code: String,
    /// The country's names.
    pub name: Names,
    /// The native languages, primary first.
    pub languages: Vec<Lang>,
    /// The date the model's undated facts describe; cross-country commands look at the model on
    /// this date unless told otherwise.
    pub reference_date: Option<DateSpec>,
    /// The population, with its reference date and source.
    pub population: Option<Figure>,
    /// Where the country-level facts come from.
    pub provenance: Provenance,
    /// Every level the model describes, present or not.
    pub levels: BTreeMap<Level, LevelInfo>,
    /// The documents facts cite, by id.
    pub documents: BTreeMap<String, Document>,
    /// The actors, by id.
    pub actors: BTreeMap<ActorId, Actor>,
    /// Relations other than the actors' parent links, sorted by (from, kind, to).
    pub relations: Vec<Relation>,
    /// Role-matrix statements, sorted by (level, role, sector).
    pub roles: Vec<RoleEntry>,
    /// Strategic steering rows, sorted by (sector, level).
    pub strategies: Vec<Strategy>,
    /// Operational steering slides, sorted by (sector, actor).
    pub steering: Vec<Steering>,
    /// Resource figures, sorted by actor.
    pub resources: Vec<Resource>,
    /// Exchange rates to euro, sorted by currency and year.
    pub exchange_rates: Vec<ExchangeRate>,
    /// Experiences, in source order.
    pub experiences: Vec<Experience>,
    /// Summary points and ambiguities, in source order.
    pub findings: Vec<Finding>,
}

impl Country {
    /// Whether the country has `level`.
    pub fn has_level(&self, level: Level) -> bool {
        self.levels.get(&level).is_some_and(|l| l.present)
    }

    /// The actor with `id`.
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.get(id)
    }

    /// Every edge of the organisation and relation graph: each actor's parent link followed by
    /// the explicit relations. This is the one place that merges the two, so the graph, the
    /// cycle check and the exporters agree on what the edges are.
    pub fn edges(&self) -> impl Iterator<Item = (&ActorId, RelationType, &ActorId)> {
        self.actors
            .values()
            .filter_map(|a| a.parent.as_ref().map(|p| (&a.id, p.relation, &p.id)))
            .chain(self.relations.iter().map(|r| (&r.from, r.kind, &r.to)))
    }

    /// The general role-matrix cells (of levels the country has) that no statement fills.
    pub fn empty_role_cells(&self) -> Vec<(Level, Role)> {
        Level::ALL
            .iter()
            .filter(|l| self.has_level(**l))
            .flat_map(|&level| Role::ALL.iter().map(move |&role| (level, role)))
            .filter(|&(level, role)| {
                !self
                    .roles
                    .iter()
                    .any(|r| r.level == level && r.role == role && r.sector == Sector::General && !r.holders.is_empty())
            })
            .collect()
    }

    /// How many actors have neither an abbreviation nor a name in `lang`: their labels fall
    /// back ([`Names::best`]) to English, then to a native name.
    pub fn label_fallbacks(&self, lang: Lang) -> usize {
        self.actors.values().filter(|a| a.abbr.is_none() && a.name.get(lang).is_none()).count()
    }

    /// The country's native languages, primary first, as the model lists them (English is not
    /// added): what [`Names::best`] falls back to after the wanted language and English.
    pub fn natives(&self) -> &[Lang] {
        &self.languages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_snake() {
        assert!(is_valid_id("digst"));
        assert!(is_valid_id("kl_2"));
        assert!(!is_valid_id("2kl"));
        assert!(!is_valid_id("DIGST"));
        assert!(!is_valid_id("dig-st"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn names_fall_back_to_english_then_native() {
        let mut n = Names::default();
        n.insert(Lang::Da, "Digitaliseringsstyrelsen");
        assert_eq!(n.best(Lang::Nb, &[Lang::Da]), Some((Lang::Da, "Digitaliseringsstyrelsen")));
        n.insert(Lang::En, "Agency for Digitisation");
        assert_eq!(n.best(Lang::Nb, &[Lang::Da]), Some((Lang::En, "Agency for Digitisation")));
    }
}
