//! Names of the framework's terms in the languages outputs can use.
//!
//! The Norwegian names are the report's own (its role-matrix column headers and instrument
//! legend); the Danish, Swedish and Finnish ones are translations of them, and English follows the
//! report's English summary. Icelandic, added with the Icelandic model, covers the framework's
//! terms and the main headings (see [`icelandic`]); other interface words fall back to English.

use std::collections::BTreeMap;

use serde::Serialize;

use super::country::{ActorId, Country, Document, SourceRef};
use super::vocab::{
    ActorKind, Instrument, Lang, Level, LevelCharacter, Participation, Portfolio, Qualifier, RelationType,
    ResourceScope, Role, Sector, Standing, StrategyKind, Theme,
};

/// A term with a name per language.
pub trait Labelled: Copy {
    /// The term's name in `lang`.
    fn label(self, lang: Lang) -> &'static str;
}

/// Picks the name for `lang` from (en, nb, sv, da, fi); Icelandic from the Icelandic word list, by the
/// English word, else the English word itself.
pub fn pick(lang: Lang, names: [&'static str; 5]) -> &'static str {
    let [en, nb, sv, da, fi] = names;
    match lang {
        Lang::En => en,
        Lang::Nb => nb,
        Lang::Sv => sv,
        Lang::Da => da,
        Lang::Fi => fi,
        Lang::Is => icelandic(en).unwrap_or(en),
    }
}

/// The Icelandic word for an English interface word, where there is one: the framework's terms
/// (levels, roles, instruments, sectors, the governance dimensions) and the headings an analyst
/// reads first. Anything else stays English, and `--lang is` says so once.
pub fn icelandic(en: &str) -> Option<&'static str> {
    Some(match en {
        "national" => "landsvísu",
        "state" => "ríkið",
        "regional" => "svæðisbundið",
        "local" => "sveitarfélög",
        "strategy" => "stefnumótun",
        "initiation" => "frumkvæði",
        "coordination" => "samhæfing",
        "execution" => "framkvæmd",
        "operation" => "rekstur",
        "economic prioritisation of funds" => "fjárhagsleg forgangsröðun fjármuna",
        "direct determination" => "bein ákvörðun",
        "indirect determination" => "óbein ákvörðun",
        "principles and common standards" => "meginreglur og sameiginlegir staðlar",
        "inspiration and guidance" => "innblástur og leiðbeiningar",
        "general" => "almennt",
        "health" => "heilbrigðismál",
        "education" => "menntamál",
        "welfare" => "velferðarmál",
        "justice" => "dómsmál",
        "tax" => "skattamál",
        "finance" => "fjármál",
        "digital affairs" => "stafræn mál",
        "infrastructure" => "innviðir",
        "prime minister's office" => "forsætisráðuneytið",
        "level" => "stjórnsýslustig",
        "role" => "hlutverk",
        "sector" => "geiri",
        "country" => "land",
        "actor" => "aðili",
        "actors" => "aðilar",
        "population" => "íbúafjöldi",
        "municipalities" => "sveitarfélög",
        "Role matrix" => "Hlutverkafylki",
        "Strategic steering" => "Stefnumarkandi stýring",
        "Operational steering" => "Rekstrarleg stýring",
        "Resources" => "Auðlindir",
        "Comparison" => "Samanburður",
        "Overview" => "Yfirlit",
        "Sources" => "Heimildir",
        "Timeline" => "Tímalína",
        "where the central unit sits" => "hvar miðlæga einingin situr",
        "form of the central unit" => "form miðlægu einingarinnar",
        "central strategic and tactical capacity" => "miðlæg stefnumarkandi og taktísk geta",
        "coordination through standing forums" => "samhæfing á föstum vettvangi",
        "steering of the local level" => "stýring sveitarstjórnarstigsins",
        "the regional tier" => "svæðisstigið",
        "central resources for digitalisation" => "miðlægar auðlindir til stafvæðingar",
        "Governance dimensions" => "Víddir stjórnarhátta",
        "dimension" => "vídd",
        "weight" => "vægi",
        _ => return None,
    })
}

impl Labelled for Level {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Level::National => {
                    ["national", "nasjonalt nivå", "nationell nivå", "nationalt niveau", "kansallinen taso"]
                }
                Level::State => ["state", "statlig nivå", "statlig nivå", "statsligt niveau", "valtion taso"],
                Level::Regional => {
                    ["regional", "regionalt nivå", "regional nivå", "regionalt niveau", "alueellinen taso"]
                }
                Level::Local => ["local", "lokalt nivå", "lokal nivå", "lokalt niveau", "paikallinen taso"],
            },
        )
    }
}

impl Labelled for Role {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Role::Strategy => [
                    "strategy",
                    "strategisk utvikling",
                    "strategisk utveckling",
                    "strategisk udvikling",
                    "strateginen kehittäminen",
                ],
                Role::Initiation => ["initiation", "igangsetting", "initiering", "igangsættelse", "käynnistäminen"],
                Role::Coordination => ["coordination", "koordinering", "samordning", "koordinering", "koordinointi"],
                Role::Execution => ["execution", "utførelse", "genomförande", "udførelse", "toteutus"],
                Role::Operation => ["operation", "drift", "drift", "drift", "ylläpito"],
            },
        )
    }
}

impl Labelled for Instrument {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Instrument::Economic => [
                    "economic prioritisation of funds",
                    "økonomisk prioritering av midler",
                    "ekonomisk prioritering av medel",
                    "økonomisk prioritering af midler",
                    "varojen taloudellinen priorisointi",
                ],
                Instrument::Direct => [
                    "direct determination",
                    "direkte bestemmelse",
                    "direkt styrning",
                    "direkte bestemmelse",
                    "suora ohjaus",
                ],
                Instrument::Indirect => [
                    "indirect determination",
                    "indirekte bestemmelse",
                    "indirekt styrning",
                    "indirekte bestemmelse",
                    "epäsuora ohjaus",
                ],
                Instrument::Standards => [
                    "principles and common standards",
                    "prinsipper og felles standarder",
                    "principer och gemensamma standarder",
                    "principper og fælles standarder",
                    "periaatteet ja yhteiset standardit",
                ],
                Instrument::Guidance => [
                    "inspiration and guidance",
                    "inspirasjon og veiledning",
                    "inspiration och vägledning",
                    "inspiration og vejledning",
                    "inspiraatio ja ohjeistus",
                ],
            },
        )
    }
}

impl Labelled for Sector {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Sector::General => ["general", "generelt", "generellt", "generelt", "yleinen"],
                Sector::Health => ["health", "helse", "hälsa", "sundhed", "terveys"],
                Sector::Education => ["education", "utdanning", "utbildning", "uddannelse", "koulutus"],
                Sector::Welfare => ["welfare", "velferd", "välfärd", "velfærd", "hyvinvointi"],
                Sector::Justice => ["justice", "justis", "rättsväsende", "retsvæsen", "oikeus"],
                Sector::Tax => ["tax", "skatt", "skatt", "skat", "verotus"],
            },
        )
    }
}

impl Labelled for Theme {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Theme::Steering => ["steering", "styring", "styrning", "styring", "ohjaus"],
                Theme::Capacity => ["capacity", "kapasitet", "kapacitet", "kapacitet", "kapasiteetti"],
                Theme::Organisation => ["organisation", "organisering", "organisering", "organisering", "organisointi"],
            },
        )
    }
}

impl Labelled for Portfolio {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Portfolio::Finance => ["finance", "finans", "finans", "finans", "valtiovarainhallinto"],
                Portfolio::LocalGovernment => [
                    "local government and modernisation",
                    "kommunal og modernisering",
                    "kommunala frågor och förvaltningsutveckling",
                    "kommunale forhold og modernisering",
                    "kunta-asiat ja hallinnon uudistaminen",
                ],
                Portfolio::Digital => {
                    ["digital affairs", "digitalisering", "digitalisering", "digitalisering", "digitalisaatio"]
                }
                Portfolio::Infrastructure => {
                    ["infrastructure", "infrastruktur", "infrastruktur", "infrastruktur", "infrastruktuuri"]
                }
                Portfolio::Business => ["business and industry", "næring", "näringsliv", "erhverv", "elinkeinot"],
                Portfolio::Interior => [
                    "interior and public administration",
                    "innenriks og forvaltning",
                    "inrikes frågor och förvaltning",
                    "indenrigs og forvaltning",
                    "sisäasiat ja hallinto",
                ],
                Portfolio::PrimeMinister => [
                    "prime minister's office",
                    "statsministerens kontor",
                    "statsrådsberedningen",
                    "statsministeriet",
                    "valtioneuvoston kanslia",
                ],
                Portfolio::Other => ["other", "annet", "annat", "andet", "muu"],
            },
        )
    }
}

impl Labelled for LevelCharacter {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                LevelCharacter::SelfGoverning => [
                    "self-governing elected regions",
                    "selvstyrte, folkevalgte regioner",
                    "självstyrande, folkvalda regioner",
                    "selvstyrende, folkevalgte regioner",
                    "itsehallinnolliset, vaaleilla valitut alueet",
                ],
                LevelCharacter::HealthEnterprises => [
                    "state-owned health regions only",
                    "bare statlige helseregioner",
                    "endast statliga hälsoregioner",
                    "kun statslige sundhedsregioner",
                    "vain valtion terveysalueet",
                ],
                LevelCharacter::JointMunicipal => [
                    "joint municipal authorities",
                    "interkommunale samarbeidsorganer",
                    "kommunalförbund",
                    "fælleskommunale organer",
                    "kuntayhtymät",
                ],
                LevelCharacter::StateField => [
                    "state field offices only",
                    "bare statlig regionforvaltning",
                    "endast statlig regional förvaltning",
                    "kun statslig regional forvaltning",
                    "vain valtion aluehallinto",
                ],
                LevelCharacter::Absent => [
                    "no regional tier",
                    "ikke noe regionalt nivå",
                    "ingen regional nivå",
                    "intet regionalt niveau",
                    "ei alueellista tasoa",
                ],
            },
        )
    }
}

impl Labelled for Standing {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Standing::Permanent => ["permanent", "permanent", "permanent", "permanent", "pysyvä"],
                Standing::Temporary => ["temporary", "midlertidig", "tillfällig", "midlertidig", "väliaikainen"],
            },
        )
    }
}

impl Labelled for Participation {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Participation::Mandatory => {
                    ["mandatory", "obligatorisk", "obligatoriskt", "obligatorisk", "pakollinen"]
                }
                Participation::Voluntary => ["voluntary", "frivillig", "frivilligt", "frivillig", "vapaaehtoinen"],
            },
        )
    }
}

impl Labelled for ResourceScope {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                ResourceScope::Whole => [
                    "whole body",
                    "hele virksomheten",
                    "hela organisationen",
                    "hele organisationen",
                    "koko organisaatio",
                ],
                ResourceScope::Digitalisation => [
                    "digitalisation part",
                    "delen som arbeider med digitalisering",
                    "den del som arbetar med digitalisering",
                    "den del, der arbejder med digitalisering",
                    "digitalisaatiota tekevä osa",
                ],
            },
        )
    }
}

impl Labelled for StrategyKind {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                StrategyKind::JointStrategy => [
                    "joint strategy across levels of government",
                    "felles strategi på tvers av forvaltningsnivåene",
                    "gemensam strategi över förvaltningsnivåerna",
                    "fællesoffentlig strategi på tværs af niveauerne",
                    "hallinnon tasojen yhteinen strategia",
                ],
                StrategyKind::GovernmentStrategy => [
                    "government digitalisation strategy",
                    "regjeringens digitaliseringsstrategi",
                    "regeringens digitaliseringsstrategi",
                    "regeringens digitaliseringsstrategi",
                    "hallituksen digitalisaatiostrategia",
                ],
                StrategyKind::GovernmentProgramme => [
                    "government programme",
                    "regjeringsprogram",
                    "regeringsprogram",
                    "regeringsgrundlag",
                    "hallitusohjelma",
                ],
                StrategyKind::ActionPlan => {
                    ["action plan", "handlingsplan", "handlingsplan", "handlingsplan", "toimintasuunnitelma"]
                }
                StrategyKind::SectorStrategy => {
                    ["sector strategy", "sektorstrategi", "sektorsstrategi", "sektorstrategi", "sektoristrategia"]
                }
                StrategyKind::BodyStrategy => [
                    "strategy of one body",
                    "strategi for én virksomhet",
                    "strategi för en organisation",
                    "strategi for én organisation",
                    "yhden organisaation strategia",
                ],
                StrategyKind::Agenda => [
                    "agenda or vision",
                    "agenda eller visjon",
                    "agenda eller vision",
                    "dagsorden eller vision",
                    "agenda tai visio",
                ],
            },
        )
    }
}

impl Labelled for ActorKind {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                ActorKind::Government => ["government", "regjering", "regering", "regering", "hallitus"],
                ActorKind::Parliament => ["parliament", "nasjonalforsamling", "riksdag", "parlament", "eduskunta"],
                ActorKind::Ministry => ["ministry", "departement", "departement", "ministerium", "ministeriö"],
                ActorKind::Agency => ["agency", "etat", "myndighet", "styrelse", "virasto"],
                ActorKind::Unit => ["unit", "enhet", "enhet", "enhed", "yksikkö"],
                ActorKind::Council => ["council", "råd", "råd", "råd", "neuvosto"],
                ActorKind::Forum => ["forum", "forum", "forum", "forum", "foorumi"],
                ActorKind::Association => ["association", "interesseorganisasjon", "förbund", "forening", "liitto"],
                ActorKind::Company => ["company", "selskap", "bolag", "selskab", "yhtiö"],
                ActorKind::Collective => [
                    "group of bodies",
                    "gruppe av virksomheter",
                    "grupp av organisationer",
                    "gruppe af organisationer",
                    "toimijaryhmä",
                ],
                ActorKind::Secretariat => ["secretariat", "sekretariat", "sekretariat", "sekretariat", "sihteeristö"],
                ActorKind::Programme => ["programme", "program", "program", "program", "ohjelma"],
                ActorKind::Placeholder => {
                    ["placeholder", "plassholder", "platshållare", "pladsholder", "paikanvaraaja"]
                }
                ActorKind::Municipality => ["municipality", "kommune", "kommun", "kommune", "kunta"],
                ActorKind::Region => ["region", "region", "region", "region", "alue"],
                ActorKind::AuditOffice => {
                    ["audit office", "riksrevisjon", "riksrevision", "rigsrevision", "tarkastusvirasto"]
                }
            },
        )
    }
}

/// A relation type as the verb phrase of `from <phrase> to` ("reports to", "is owned by").
/// Finnish phrases end in a colon where the object would need a case ending.
impl Labelled for RelationType {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                RelationType::ReportsTo => {
                    ["reports to", "rapporterer til", "rapporterar till", "refererer til", "toimii alaisuudessa:"]
                }
                RelationType::OwnedBy => ["is owned by", "eies av", "ägs av", "ejes af", "omistaja:"],
                RelationType::PartOf => {
                    ["is part of", "er en del av", "är en del av", "er en del af", "on osa organisaatiota:"]
                }
                RelationType::MemberOf => {
                    ["is a member of", "er medlem av", "är medlem i", "er medlem af", "on jäsenenä:"]
                }
                RelationType::Represents => {
                    ["represents", "representerer", "representerar", "repræsenterer", "edustaa:"]
                }
                RelationType::Funds => ["funds", "finansierer", "finansierar", "finansierer", "rahoittaa:"],
                RelationType::Advises => ["advises", "gir råd til", "ger råd till", "rådgiver", "neuvoo:"],
                RelationType::Coordinates => ["coordinates", "koordinerer", "samordnar", "koordinerer", "koordinoi:"],
                RelationType::HostsSecretariatOf => [
                    "is the secretariat of",
                    "er sekretariat for",
                    "är sekretariat för",
                    "er sekretariat for",
                    "toimii sihteeristönä:",
                ],
                RelationType::AgreementWith => [
                    "has an agreement with",
                    "har en avtale med",
                    "har ett avtal med",
                    "har en aftale med",
                    "on tehnyt sopimuksen:",
                ],
                RelationType::Appoints => ["appoints", "oppnevner", "utser", "udpeger", "nimittää:"],
                RelationType::Chairs => ["chairs", "leder", "leder", "leder", "toimii puheenjohtajana:"],
                RelationType::Supervises => {
                    ["supervises", "fører tilsyn med", "utövar tillsyn över", "fører tilsyn med", "valvoo:"]
                }
                RelationType::Consults => {
                    ["must consult", "må rådføre seg med", "måste samråda med", "skal høre", "on kuultava:"]
                }
                RelationType::OperatesFor => [
                    "operates services for",
                    "drifter tjenester for",
                    "driver tjänster åt",
                    "driver tjenester for",
                    "ylläpitää palveluja:",
                ],
                RelationType::Succeeds => ["succeeds", "etterfølger", "efterträder", "efterfølger", "on seuraaja:"],
                RelationType::Gatekeeps => [
                    "must approve the large projects of",
                    "må godkjenne de store prosjektene til",
                    "måste godkänna de stora projekten hos",
                    "skal godkende de store projekter hos",
                    "hyväksyy suuret hankkeet:",
                ],
            },
        )
    }
}

impl Labelled for Qualifier {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Qualifier::Possibly => ["possibly", "eventuelt", "eventuellt", "eventuelt", "mahdollisesti"],
                Qualifier::InSomeCases => [
                    "in some cases",
                    "i enkelte tilfeller",
                    "i vissa fall",
                    "i visse tilfælde",
                    "joissakin tapauksissa",
                ],
                Qualifier::Advisory => ["advisory", "rådgivende", "rådgivande", "rådgivende", "neuvoa-antava"],
                Qualifier::ConsultedOnly => {
                    ["consulted only", "kun i høring", "endast remissinstans", "kun i høring", "vain kuultavana"]
                }
                Qualifier::Example => ["as an example", "som eksempel", "som exempel", "som eksempel", "esimerkkinä"],
                Qualifier::Partly => ["partly", "delvis", "delvis", "delvis", "osittain"],
            },
        )
    }
}

/// An actor's words in one language: its label (abbreviation, else name, else id, as
/// [`crate::model::Actor::label`] gives it) and, when the label is an abbreviation, its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorName {
    /// What matrices and diffs print: `FIN`, `Difi`.
    pub label: String,
    /// The name behind an abbreviation (`Ministry of Finance` for `FIN`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The names views print instead of ids, in one language: actors by id and countries by code.
///
/// Built from the models a view came from (both sides of a diff, a scenario's base and
/// result), so an actor that exists on only one side is named from that side, and renderers
/// never need the models themselves. An id the lookup lacks prints as itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Labels {
    /// Actors by id.
    pub actors: BTreeMap<ActorId, ActorName>,
    /// Country names by code (`no` -> `Norway`).
    pub countries: BTreeMap<String, String>,
    /// How sources are cited, by document id.
    #[serde(skip)]
    pub documents: BTreeMap<String, DocumentName>,
    /// The language of the words citations use.
    #[serde(skip)]
    pub lang: Lang,
}

/// How a document is cited: briefly (its publisher and year) and in full (its title too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentName {
    /// `Struensee & Co. 2017`, `Registers Iceland`.
    pub short: String,
    /// `Kartlegging av ... (Struensee & Co., 2017)`.
    pub full: String,
}

impl DocumentName {
    /// The names of `d`: the publisher (without what it adds in brackets) and the year it was
    /// published, else the title.
    pub fn of(d: &Document) -> Self {
        let year = d.year.or(d.published.map(|p| p.year()));
        let publisher = d.publisher.as_deref().map(|p| p.split(" (").next().unwrap_or(p).trim());
        let short = match (publisher, year) {
            (Some(p), Some(y)) => format!("{p} {y}"),
            (Some(p), None) => p.to_string(),
            (None, _) => d.title.clone(),
        };
        let full = match (&d.publisher, year) {
            (Some(p), Some(y)) => format!("{} ({p}, {y})", d.title),
            (Some(p), None) => format!("{} ({p})", d.title),
            (None, Some(y)) => format!("{} ({y})", d.title),
            (None, None) => d.title.clone(),
        };
        DocumentName { short, full }
    }
}

impl Labels {
    /// Every actor and the country of each model, in `lang`; an id in several models takes its
    /// words from the first.
    pub fn of(models: &[&Country], lang: Lang) -> Self {
        let mut l = Labels { lang, ..Labels::default() };
        for c in models {
            for id in c.actors.keys() {
                l.add_actor(id, models, lang);
            }
            l.add_country(c, lang);
            for (id, d) in &c.documents {
                l.documents.entry(id.clone()).or_insert_with(|| DocumentName::of(d));
            }
        }
        l
    }

    /// A passage cited briefly (`Struensee & Co. 2017, lines 248-252`), or in full with the
    /// document's title; a document the lookup lacks is cited by its id.
    pub fn cite(&self, r: &SourceRef, full: bool) -> String {
        let doc = self
            .documents
            .get(r.document.as_str())
            .map_or_else(|| r.document.to_string(), |d| if full { d.full.clone() } else { d.short.clone() });
        let mut out = doc;
        if !r.lines.is_empty() {
            let lines: Vec<String> = r.lines.iter().map(ToString::to_string).collect();
            let word = if r.lines.len() == 1 && r.lines.iter().all(|l| l.start == l.end) {
                pick(self.lang, ["line", "linje", "rad", "linje", "rivi"])
            } else {
                pick(self.lang, ["lines", "linjer", "rader", "linjer", "rivit"])
            };
            out.push_str(&format!(", {word} {}", lines.join(", ")));
        }
        if let Some(l) = &r.locator {
            out.push_str(&format!(", {l}"));
        }
        out
    }

    /// Adds `id`'s words from the first of `models` that has the actor (none: nothing added).
    pub fn add_actor(&mut self, id: &ActorId, models: &[&Country], lang: Lang) {
        if self.actors.contains_key(id) {
            return;
        }
        let Some((c, a)) = models.iter().find_map(|c| c.actor(id).map(|a| (c, a))) else { return };
        let label = a.label(lang, c.natives());
        // "SKATE – Council for ..." or "Council for ... (SKATE)" behind the label SKATE says
        // only the rest.
        let name = a.name.best(lang, c.natives()).map(|(_, n)| {
            let n = [" – ", " - ", ": ", ", "]
                .iter()
                .find_map(|sep| n.strip_prefix(label.as_str()).and_then(|r| r.strip_prefix(sep)))
                .unwrap_or(n);
            n.strip_suffix(&format!(" ({label})")).unwrap_or(n).to_string()
        });
        let name = name.filter(|n| *n != label && !n.is_empty());
        self.actors.insert(id.clone(), ActorName { label, name: name.filter(|_| a.abbr.is_some()) });
    }

    /// Adds the country's name in `lang` (its code when it has none).
    pub fn add_country(&mut self, c: &Country, lang: Lang) {
        let name = c.name.best(lang, c.natives()).map_or_else(|| c.code.clone(), |(_, n)| n.to_string());
        self.countries.entry(c.code.clone()).or_insert(name);
    }

    /// The actor's label (`FIN`), else its id.
    pub fn actor(&self, id: &ActorId) -> String {
        self.actors.get(id).map_or_else(|| id.to_string(), |a| a.label.clone())
    }

    /// The actor's label with the name behind an abbreviation: `FIN (Ministry of Finance)`.
    pub fn actor_full(&self, id: &ActorId) -> String {
        match self.actors.get(id) {
            Some(ActorName { label, name: Some(name) }) => format!("{label} ({name})"),
            Some(a) => a.label.clone(),
            None => id.to_string(),
        }
    }

    /// The country's name, else its code.
    pub fn country(&self, code: &str) -> String {
        self.countries.get(code).cloned().unwrap_or_else(|| code.to_string())
    }
}
