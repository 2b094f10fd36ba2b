//! Names of the framework's terms in the languages outputs can use.
//!
//! The Norwegian names are the report's own (its role-matrix column headers and instrument
//! legend); the Danish, Swedish and Finnish ones are translations of them, and English follows the
//! report's English summary. Icelandic, added with the Icelandic model, covers the framework's
//! terms and the main headings (see [`icelandic`]); other interface words fall back to English.

use super::vocab::{
    Instrument, Lang, Level, LevelCharacter, Participation, Portfolio, ResourceScope, Role, Sector, Standing,
    StrategyKind, Theme,
};

/// A term with a name per language.
pub trait Labelled: Copy {
    /// The term's name in `lang`.
    fn label(self, lang: Lang) -> &'static str;
}

/// Picks the name for `lang` from (en, nb, sv, da, fi); Icelandic from [`icelandic`], by the
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
