//! Names of the framework's terms in the five languages outputs can use.
//!
//! The Norwegian names are the report's own (its role-matrix column headers and instrument
//! legend); the Danish, Swedish and Finnish ones are translations of them, and English follows the
//! report's English summary.

use super::vocab::{Instrument, Lang, Level, Role, Sector, Theme};

/// A term with a name per language.
pub trait Labelled: Copy {
    /// The term's name in `lang`.
    fn label(self, lang: Lang) -> &'static str;
}

/// Picks the name for `lang` from (en, nb, sv, da, fi).
pub fn pick(lang: Lang, names: [&'static str; 5]) -> &'static str {
    let [en, nb, sv, da, fi] = names;
    match lang {
        Lang::En => en,
        Lang::Nb => nb,
        Lang::Sv => sv,
        Lang::Da => da,
        Lang::Fi => fi,
    }
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
