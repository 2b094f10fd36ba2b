//! Governance dimensions: the structural features the Nordic report compares countries on, each
//! read from model facts by a few criteria, and the weighted distance they make.
//!
//! A dimension follows one of the report's cross-country conclusions (its summary, lines 1-400):
//! where the central digitalisation unit sits and in what form, the centre's strategic and
//! tactical capacity, how the state coordinates horizontally, how strongly the local level is
//! steered, what the regional tier is, and the central resources devoted to digitalisation.
//! Each dimension is the mean of its criteria; a criterion is a score on a fixed 0-1 scale, a
//! set of terms (compared by overlap) or an amount (scaled over the compared countries).
//! [`crate::analysis::basis`] computes the criteria from a country's facts, and
//! [`crate::analysis::profile`] collects the facts behind each value for people to check.
//!
//! # Distance
//!
//! Two countries differ on a criterion by `|a - b|` (scores), `1 - |A ∩ B| / |A ∪ B|` (sets) or
//! `|a - b| / (max - min)` over the compared countries (amounts; 0 when all are equal); on a
//! dimension by the mean over the criteria both have; and overall by the weighted mean over the
//! dimensions both have, with the weights of a [`Weights`] file. 0 is alike, 1 opposite.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{suggestion_hint, Code, Diagnostic, FileId};
use crate::load::raw::Sp;
use crate::model::{pick, vocabulary, Labelled, Lang, Vocabulary};

vocabulary!(
    /// A governance dimension, in the order the report's summary takes them.
    Dimension, "dimension", {
        CentreHost => "centre_host", "where the central digitalisation unit sits: the portfolio of the ministry above it";
        CentreForm => "centre_form", "the central unit's form: a department inside a ministry (0) or an agency (1)";
        StrategicCapacity => "strategic_capacity", "central strategic and tactical capacity: a national strategy in force, a centre that holds strategy, coordination and execution, gatekeeping of large projects, budget negotiations as a lever";
        Coordination => "coordination", "horizontal coordination through standing forums and councils rather than line bodies and projects, and whether taking part is mandatory";
        LocalSteering => "local_steering", "steering of the local level: the strongest instrument used on the municipalities from outside them, binding agreements with the municipal association, a joint municipal IT company";
        RegionalTier => "regional_tier", "the regional tier: self-governing elected regions, health enterprises only, joint municipal bodies, state offices, or none";
        CentralResources => "central_resources", "central staff and budget devoted to digitalisation per million inhabitants";
    }
);

vocabulary!(
    /// One criterion a dimension is read from.
    Criterion, "criterion", {
        HostPortfolio => "host_portfolio", "the portfolio of the ministry each central actor hangs under (a set: compared by overlap)";
        AgencyShare => "agency_share", "share of the central actors that are agencies rather than departments inside a ministry";
        NationalStrategy => "national_strategy", "a digitalisation strategy in force at the national or state level: 1 joint across levels of government, 0.5 the government's own, 0 none";
        CentreRoles => "centre_roles", "share of strategy, coordination and execution (national or state level) that a central actor holds";
        Gatekeeping => "gatekeeping", "1 when a body must approve or risk-assess the state's large projects before they go ahead";
        BudgetNegotiation => "budget_negotiation", "1 when the state has a binding agreement with the municipal or regional sector (annual economic negotiations)";
        ForumShare => "forum_share", "share of the national and state coordination holders that are forums or councils";
        PermanentForums => "permanent_forums", "share of the coordination holders that are permanent forums or councils";
        MandatoryForums => "mandatory_forums", "share of the coordination holders that are forums or councils members must take part in";
        LocalInstrument => "local_instrument", "strongest instrument used on the municipalities by the state, the municipal association or their bodies: 1 economic ... 0.2 guidance, 0 none";
        BindingAgreement => "binding_agreement", "1 when the state and the municipal association have a binding agreement";
        JointCompany => "joint_company", "1 when a company owned by the municipal association or the municipalities executes or operates for the local level";
        TierCharacter => "tier_character", "the character of the regional level (a set: compared by overlap)";
        FtePerMillion => "fte_per_million", "central FTE devoted to digitalisation per million inhabitants (scaled over the compared countries)";
        BudgetPerMillion => "budget_per_million", "central budget devoted to digitalisation, EUR per million inhabitants (scaled over the compared countries)";
    }
);

/// How a criterion's values compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// A score on a fixed 0-1 scale.
    Score,
    /// A set of terms, compared by overlap.
    Set,
    /// An amount, scaled over the compared countries.
    Amount,
}

impl Criterion {
    /// The dimension the criterion belongs to.
    pub fn dimension(self) -> Dimension {
        use Criterion::*;
        match self {
            HostPortfolio => Dimension::CentreHost,
            AgencyShare => Dimension::CentreForm,
            NationalStrategy | CentreRoles | Gatekeeping | BudgetNegotiation => Dimension::StrategicCapacity,
            ForumShare | PermanentForums | MandatoryForums => Dimension::Coordination,
            LocalInstrument | BindingAgreement | JointCompany => Dimension::LocalSteering,
            TierCharacter => Dimension::RegionalTier,
            FtePerMillion | BudgetPerMillion => Dimension::CentralResources,
        }
    }

    /// How its values compare.
    pub fn scale(self) -> Scale {
        match self {
            Criterion::HostPortfolio | Criterion::TierCharacter => Scale::Set,
            Criterion::FtePerMillion | Criterion::BudgetPerMillion => Scale::Amount,
            _ => Scale::Score,
        }
    }

    /// The criterion's position in [`Criterion::ALL`] (and in every criteria vector).
    pub fn index(self) -> usize {
        Criterion::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

impl Dimension {
    /// The dimension's criteria, in [`Criterion::ALL`] order.
    pub fn criteria(self) -> impl Iterator<Item = Criterion> {
        Criterion::ALL.iter().copied().filter(move |c| c.dimension() == self)
    }

    /// The dimension's position in [`Dimension::ALL`].
    pub fn index(self) -> usize {
        Dimension::ALL.iter().position(|d| *d == self).unwrap_or(0)
    }

    /// Whether the dimension is a set of terms (compared by overlap) rather than a score.
    pub fn is_categorical(self) -> bool {
        self.criteria().all(|c| c.scale() == Scale::Set)
    }

    /// What the dimension measures, in `lang`: its definition and scale.
    pub fn definition(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Dimension::CentreHost => [
                    "The portfolio of the ministry the central digitalisation unit hangs under (finance, local government, a digital ministry ...); countries differ by 1 when the portfolios do not overlap.",
                    "Porteføljen til departementet den sentrale digitaliseringsenheten ligger under (finans, kommunal, et digitaliseringsdepartement ...); land skiller seg med 1 når porteføljene ikke overlapper.",
                    "Portföljen för det departement som den centrala digitaliseringsenheten ligger under (finans, kommunala frågor, ett digitaliseringsdepartement ...); länder skiljer sig med 1 när portföljerna inte överlappar.",
                    "Porteføljen for det ministerium, den centrale digitaliseringsenhed ligger under (finans, kommunale forhold, et digitaliseringsministerium ...); lande adskiller sig med 1, når porteføljerne ikke overlapper.",
                    "Sen ministeriön toimiala, jonka alla keskeinen digitalisaatioyksikkö on (valtiovarain-, kunta-asiat, digitalisaatioministeriö ...); maat eroavat 1:llä, kun toimialat eivät ole päällekkäisiä.",
                ],
                Dimension::CentreForm => [
                    "Share of the central actors that are agencies rather than departments inside a ministry: 0 a department, 1 an agency.",
                    "Andel av de sentrale aktørene som er etater heller enn avdelinger i et departement: 0 en avdeling, 1 en etat.",
                    "Andel av de centrala aktörerna som är myndigheter snarare än enheter i ett departement: 0 en enhet, 1 en myndighet.",
                    "Andel af de centrale aktører, der er styrelser frem for afdelinger i et ministerium: 0 en afdeling, 1 en styrelse.",
                    "Keskustoimijoista virastojen osuus ministeriön osastojen sijaan: 0 osasto, 1 virasto.",
                ],
                Dimension::StrategicCapacity => [
                    "Mean of four criteria, 0-1: a national digitalisation strategy in force (1 joint across levels, 0.5 the government's own), the share of strategy, coordination and execution a central actor holds, gatekeeping of the state's large projects, and a binding budget agreement with the municipal or regional sector.",
                    "Gjennomsnitt av fire kriterier, 0-1: en nasjonal digitaliseringsstrategi i kraft (1 felles for forvaltningsnivåene, 0,5 regjeringens egen), andelen av strategi, koordinering og utførelse en sentral aktør har, portvokterrolle for statens store prosjekter, og en bindende budsjettavtale med kommune- eller regionsektoren.",
                    "Medelvärde av fyra kriterier, 0-1: en nationell digitaliseringsstrategi i kraft (1 gemensam för förvaltningsnivåerna, 0,5 regeringens egen), andelen av strategi, samordning och genomförande som en central aktör har, grindvakt för statens stora projekt, och ett bindande budgetavtal med kommun- eller regionsektorn.",
                    "Gennemsnit af fire kriterier, 0-1: en national digitaliseringsstrategi i kraft (1 fællesoffentlig, 0,5 regeringens egen), andelen af strategi, koordinering og udførelse, en central aktør har, gatekeeping af statens store projekter, og en bindende budgetaftale med kommuner eller regioner.",
                    "Neljän kriteerin keskiarvo, 0-1: voimassa oleva kansallinen digitalisaatiostrategia (1 hallinnon tasojen yhteinen, 0,5 hallituksen oma), keskustoimijan osuus strategiasta, koordinoinnista ja toteutuksesta, valtion suurten hankkeiden portinvartijuus sekä sitova budjettisopimus kunta- tai aluesektorin kanssa.",
                ],
                Dimension::Coordination => [
                    "Mean of three shares of the actors that hold coordination at the national and state level, 0-1: forums or councils, permanent ones, and ones members must take part in. 0 means coordination by line bodies and projects.",
                    "Gjennomsnitt av tre andeler av aktørene som har koordinering på nasjonalt og statlig nivå, 0-1: fora eller råd, permanente, og slike medlemmene må delta i. 0 betyr koordinering gjennom linjen og prosjekter.",
                    "Medelvärde av tre andelar av de aktörer som har samordning på nationell och statlig nivå, 0-1: forum eller råd, permanenta, och sådana medlemmarna måste delta i. 0 betyder samordning genom linjen och projekt.",
                    "Gennemsnit af tre andele af de aktører, der har koordinering på nationalt og statsligt niveau, 0-1: fora eller råd, permanente, og sådanne medlemmerne skal deltage i. 0 betyder koordinering gennem linjen og projekter.",
                    "Kolmen osuuden keskiarvo kansallisen ja valtion tason koordinoijista, 0-1: foorumit tai neuvostot, pysyvät sekä sellaiset, joihin jäsenten on osallistuttava. 0 tarkoittaa koordinointia linjaorganisaation ja hankkeiden kautta.",
                ],
                Dimension::LocalSteering => [
                    "Mean of three criteria, 0-1: the strongest instrument the state, the municipal association or their bodies use on the municipalities (economic 1 ... guidance 0.2), a binding agreement between the state and the municipal association, and a joint municipal IT company that executes or operates for the municipalities.",
                    "Gjennomsnitt av tre kriterier, 0-1: det sterkeste virkemiddelet staten, kommuneorganisasjonen eller deres organer bruker overfor kommunene (økonomisk 1 ... veiledning 0,2), en bindende avtale mellom staten og kommuneorganisasjonen, og et felleskommunalt IT-selskap som gjennomfører eller drifter for kommunene.",
                    "Medelvärde av tre kriterier, 0-1: det starkaste styrmedlet staten, kommunorganisationen eller deras organ använder mot kommunerna (ekonomiskt 1 ... vägledning 0,2), ett bindande avtal mellan staten och kommunorganisationen, och ett gemensamt kommunalt IT-bolag som genomför eller driver åt kommunerna.",
                    "Gennemsnit af tre kriterier, 0-1: det stærkeste virkemiddel staten, kommunernes organisation eller deres organer bruger over for kommunerne (økonomisk 1 ... vejledning 0,2), en bindende aftale mellem staten og kommunernes organisation, og et fælleskommunalt it-selskab, der udfører eller driver for kommunerne.",
                    "Kolmen kriteerin keskiarvo, 0-1: vahvin ohjauskeino, jota valtio, kuntien järjestö tai niiden elimet käyttävät kuntiin (taloudellinen 1 ... ohjeistus 0,2), valtion ja kuntajärjestön sitova sopimus sekä kuntien yhteinen IT-yhtiö, joka toteuttaa tai ylläpitää kuntien puolesta.",
                ],
                Dimension::RegionalTier => [
                    "The character of the regional level: self-governing elected regions, state-owned health regions only, joint municipal authorities, state field offices, or no regional tier; countries differ by 1 when they differ.",
                    "Det regionale nivåets karakter: selvstyrte folkevalgte regioner, bare statlige helseregioner, interkommunale organer, statlig regionforvaltning, eller intet regionalt nivå; land skiller seg med 1 når de er ulike.",
                    "Den regionala nivåns karaktär: självstyrande folkvalda regioner, endast statliga hälsoregioner, kommunalförbund, statlig regional förvaltning, eller ingen regional nivå; länder skiljer sig med 1 när de är olika.",
                    "Det regionale niveaus karakter: selvstyrende folkevalgte regioner, kun statslige sundhedsregioner, fælleskommunale organer, statslig regional forvaltning, eller intet regionalt niveau; lande adskiller sig med 1, når de er forskellige.",
                    "Alueellisen tason luonne: itsehallinnolliset vaaleilla valitut alueet, vain valtion terveysalueet, kuntayhtymät, valtion aluehallinto tai ei alueellista tasoa; maat eroavat 1:llä, kun ne ovat erilaisia.",
                ],
                Dimension::CentralResources => [
                    "Central FTE and budget devoted to digitalisation (the central actors' digitalisation part where the model says what it is) per million inhabitants, each scaled 0-1 over the compared countries.",
                    "Sentrale årsverk og budsjett til digitalisering (den delen av de sentrale aktørene som arbeider med digitalisering, der modellen sier det) per million innbyggere, hver skalert 0-1 over landene som sammenlignes.",
                    "Centrala årsarbetskrafter och budget för digitalisering (den del av de centrala aktörerna som arbetar med digitalisering, där modellen anger den) per miljon invånare, var och en skalad 0-1 över de jämförda länderna.",
                    "Centrale årsværk og budget til digitalisering (den del af de centrale aktører, der arbejder med digitalisering, hvor modellen angiver den) pr. million indbyggere, hver skaleret 0-1 over de sammenlignede lande.",
                    "Keskustoimijoiden digitalisaatioon käytetyt henkilötyövuodet ja budjetti (digitalisaatiota tekevä osa, kun malli sen kertoo) miljoonaa asukasta kohden, kumpikin skaalattuna 0-1 vertailumaiden kesken.",
                ],
            },
        )
    }
}

impl Labelled for Dimension {
    fn label(self, lang: Lang) -> &'static str {
        pick(
            lang,
            match self {
                Dimension::CentreHost => [
                    "where the central unit sits",
                    "hvor den sentrale enheten ligger",
                    "var den centrala enheten ligger",
                    "hvor den centrale enhed ligger",
                    "missä keskusyksikkö sijaitsee",
                ],
                Dimension::CentreForm => [
                    "form of the central unit",
                    "den sentrale enhetens form",
                    "den centrala enhetens form",
                    "den centrale enheds form",
                    "keskusyksikön muoto",
                ],
                Dimension::StrategicCapacity => [
                    "central strategic and tactical capacity",
                    "sentral strategisk og taktisk kapasitet",
                    "central strategisk och taktisk kapacitet",
                    "central strategisk og taktisk kapacitet",
                    "keskitetty strateginen ja taktinen kapasiteetti",
                ],
                Dimension::Coordination => [
                    "coordination through standing forums",
                    "koordinering gjennom faste fora",
                    "samordning genom stående forum",
                    "koordinering gennem faste fora",
                    "koordinointi pysyvien foorumien kautta",
                ],
                Dimension::LocalSteering => [
                    "steering of the local level",
                    "styring av det lokale nivået",
                    "styrning av den lokala nivån",
                    "styring af det lokale niveau",
                    "paikallistason ohjaus",
                ],
                Dimension::RegionalTier => [
                    "the regional tier",
                    "det regionale nivået",
                    "den regionala nivån",
                    "det regionale niveau",
                    "alueellinen taso",
                ],
                Dimension::CentralResources => [
                    "central resources for digitalisation",
                    "sentrale ressurser til digitalisering",
                    "centrala resurser för digitalisering",
                    "centrale ressourcer til digitalisering",
                    "keskitetyt digitalisaatioresurssit",
                ],
            },
        )
    }
}

impl Labelled for Criterion {
    fn label(self, lang: Lang) -> &'static str {
        use Criterion::*;
        pick(
            lang,
            match self {
                HostPortfolio => [
                    "host ministry's portfolio",
                    "vertsdepartementets portefølje",
                    "värddepartementets portfölj",
                    "værtsministeriets portefølje",
                    "isäntäministeriön toimiala",
                ],
                AgencyShare => [
                    "share that are agencies",
                    "andel etater",
                    "andel myndigheter",
                    "andel styrelser",
                    "virastojen osuus",
                ],
                NationalStrategy => [
                    "national strategy in force",
                    "nasjonal strategi i kraft",
                    "nationell strategi i kraft",
                    "national strategi i kraft",
                    "voimassa oleva kansallinen strategia",
                ],
                CentreRoles => [
                    "centre holds strategy, coordination, execution",
                    "sentralenheten har strategi, koordinering, utførelse",
                    "centrala enheten har strategi, samordning, genomförande",
                    "den centrale enhed har strategi, koordinering, udførelse",
                    "keskusyksiköllä strategia, koordinointi, toteutus",
                ],
                Gatekeeping => [
                    "gatekeeping of large projects",
                    "portvokter for store prosjekter",
                    "grindvakt för stora projekt",
                    "gatekeeping af store projekter",
                    "suurten hankkeiden portinvartija",
                ],
                BudgetNegotiation => [
                    "binding budget agreements",
                    "bindende budsjettavtaler",
                    "bindande budgetavtal",
                    "bindende økonomiaftaler",
                    "sitovat budjettisopimukset",
                ],
                ForumShare => [
                    "coordination by forums or councils",
                    "koordinering i fora eller råd",
                    "samordning i forum eller råd",
                    "koordinering i fora eller råd",
                    "koordinointi foorumeissa tai neuvostoissa",
                ],
                PermanentForums => {
                    ["permanent forums", "permanente fora", "permanenta forum", "permanente fora", "pysyvät foorumit"]
                }
                MandatoryForums => [
                    "mandatory participation",
                    "obligatorisk deltakelse",
                    "obligatoriskt deltagande",
                    "obligatorisk deltagelse",
                    "pakollinen osallistuminen",
                ],
                LocalInstrument => [
                    "strongest instrument on the municipalities",
                    "sterkeste virkemiddel overfor kommunene",
                    "starkaste styrmedel mot kommunerna",
                    "stærkeste virkemiddel over for kommunerne",
                    "vahvin ohjauskeino kuntiin",
                ],
                BindingAgreement => [
                    "binding agreement with the municipal association",
                    "bindende avtale med kommuneorganisasjonen",
                    "bindande avtal med kommunorganisationen",
                    "bindende aftale med kommunernes organisation",
                    "sitova sopimus kuntajärjestön kanssa",
                ],
                JointCompany => [
                    "joint municipal IT company",
                    "felleskommunalt IT-selskap",
                    "gemensamt kommunalt IT-bolag",
                    "fælleskommunalt it-selskab",
                    "kuntien yhteinen IT-yhtiö",
                ],
                TierCharacter => [
                    "character of the regional level",
                    "det regionale nivåets karakter",
                    "den regionala nivåns karaktär",
                    "det regionale niveaus karakter",
                    "alueellisen tason luonne",
                ],
                FtePerMillion => [
                    "central FTE per million inhabitants",
                    "sentrale årsverk per million innbyggere",
                    "centrala årsarbetskrafter per miljon invånare",
                    "centrale årsværk pr. million indbyggere",
                    "keskitetyt htv miljoonaa asukasta kohden",
                ],
                BudgetPerMillion => [
                    "central budget, EUR m per million inhabitants",
                    "sentralt budsjett, mill. EUR per million innbyggere",
                    "central budget, mn EUR per miljon invånare",
                    "centralt budget, mio. EUR pr. million indbyggere",
                    "keskitetty budjetti, milj. EUR miljoonaa asukasta kohden",
                ],
            },
        )
    }
}

/// A criterion's value in one country.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// A score, 0-1.
    Score(f64),
    /// A set of terms, as bits of the criterion's vocabulary (bit `i` is the `i`-th term).
    Set(u32),
    /// An amount.
    Amount(f64),
}

impl Value {
    /// The number of a score or an amount.
    pub fn number(self) -> Option<f64> {
        match self {
            Value::Score(x) | Value::Amount(x) => Some(x),
            Value::Set(_) => None,
        }
    }
}

/// The bit of term `t` in a [`Value::Set`].
pub fn bit<V: Vocabulary + PartialEq>(t: V) -> u32 {
    V::ALL.iter().position(|x| *x == t).map_or(0, |i| 1u32 << i)
}

/// The terms of a [`Value::Set`], in vocabulary order.
pub fn terms<V: Vocabulary>(bits: u32) -> Vec<V> {
    V::ALL.iter().enumerate().filter(|(i, _)| bits & (1u32 << i) != 0).map(|(_, t)| *t).collect()
}

/// Per amount criterion `(min, max)` over the countries' criteria vectors (other criteria get
/// `None`: they are on fixed scales).
pub fn ranges(values: &[&[Option<Value>]]) -> Vec<Option<(f64, f64)>> {
    Criterion::ALL
        .iter()
        .map(|c| {
            if c.scale() != Scale::Amount {
                return None;
            }
            values.iter().filter_map(|v| v.get(c.index()).copied().flatten().and_then(Value::number)).fold(
                None,
                |acc, x| match acc {
                    None => Some((x, x)),
                    Some((lo, hi)) => Some((f64::min(lo, x), f64::max(hi, x))),
                },
            )
        })
        .collect()
}

/// How far apart two values of one criterion are, 0-1; `None` when either is unknown.
pub fn criterion_difference(a: Option<Value>, b: Option<Value>, range: Option<(f64, f64)>) -> Option<f64> {
    Some(match (a?, b?) {
        (Value::Score(x), Value::Score(y)) => (x - y).abs(),
        (Value::Set(x), Value::Set(y)) => {
            let union = (x | y).count_ones();
            if union == 0 {
                0.0
            } else {
                1.0 - f64::from((x & y).count_ones()) / f64::from(union)
            }
        }
        (Value::Amount(x), Value::Amount(y)) => match range {
            Some((lo, hi)) if hi > lo => (x - y).abs() / (hi - lo),
            _ => 0.0,
        },
        _ => return None,
    })
}

/// Per dimension (in [`Dimension::ALL`] order) how far apart two countries' criteria vectors
/// are: the mean over the criteria both have; `None` where they share none.
pub fn differences(a: &[Option<Value>], b: &[Option<Value>], ranges: &[Option<(f64, f64)>]) -> Vec<Option<f64>> {
    let mut sums = vec![(0.0f64, 0u32); Dimension::ALL.len()];
    for c in Criterion::ALL {
        let i = c.index();
        let d = criterion_difference(
            a.get(i).copied().flatten(),
            b.get(i).copied().flatten(),
            ranges.get(i).copied().flatten(),
        );
        if let (Some(d), Some(slot)) = (d, sums.get_mut(c.dimension().index())) {
            slot.0 += d;
            slot.1 += 1;
        }
    }
    sums.into_iter().map(|(s, n)| (n > 0).then(|| s / f64::from(n))).collect()
}

/// The weighted mean of per-dimension differences over the dimensions that have one (0 when
/// none has, or their weights are all zero).
pub fn weighted(differences: &[Option<f64>], weights: &Weights) -> f64 {
    let (mut sum, mut total) = (0.0, 0.0);
    for (d, w) in differences.iter().zip(weights.0.iter()) {
        if let Some(d) = d {
            sum += w * d;
            total += w;
        }
    }
    if total > 0.0 {
        sum / total
    } else {
        0.0
    }
}

/// The distance between two criteria vectors under `weights`.
pub fn distance(a: &[Option<Value>], b: &[Option<Value>], ranges: &[Option<(f64, f64)>], weights: &Weights) -> f64 {
    weighted(&differences(a, b, ranges), weights)
}

/// The weight of each dimension in the distance, in [`Dimension::ALL`] order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weights(pub Vec<f64>);

/// The bundled weights file, which is also the default: every dimension weighs 1.
pub const DEFAULT_WEIGHTS: &str = include_str!("weights.toml");

impl Default for Weights {
    fn default() -> Self {
        Weights(vec![1.0; Dimension::ALL.len()])
    }
}

impl Weights {
    /// The weight of `d`.
    pub fn of(&self, d: Dimension) -> f64 {
        self.0.get(d.index()).copied().unwrap_or(0.0)
    }

    /// Reads a weights file: `[weights]` with `dimension = number` for any of the dimensions
    /// (one left out keeps its default weight, 1). Unknown dimensions, negative or non-finite
    /// weights and all-zero weights are errors; every problem is reported.
    pub fn parse(file: FileId, text: &str) -> Result<Weights, Vec<Diagnostic>> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawWeights {
            weights: Sp<BTreeMap<Sp<String>, Sp<f64>>>,
        }
        let raw: RawWeights = toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().to_string();
            let span = e.span().unwrap_or(0..0);
            let d = if let Some(rest) = msg.strip_prefix("unknown field `") {
                let field = rest.split('`').next().unwrap_or(rest);
                Diagnostic::new(Code::E0102, format!("unknown key `{field}`"))
                    .at(file, span, "a weights file has one table, [weights]")
                    .maybe_hint(suggestion_hint(field, ["weights"]))
            } else if msg.starts_with("missing field `weights`") {
                Diagnostic::new(Code::E0104, "missing the [weights] table")
                    .at(file, span, "here")
                    .hint("write [weights] and then `dimension = weight` lines")
            } else {
                Diagnostic::new(Code::E0101, format!("invalid weights file: {msg}")).at(file, span, "here")
            };
            vec![d]
        })?;
        let mut weights = Weights::default();
        let mut diags = Vec::new();
        let keys = Dimension::keys();
        for (key, w) in raw.weights.get() {
            let Some(d) = Dimension::from_key(key.get()) else {
                diags.push(
                    Diagnostic::new(Code::E0105, format!("unknown dimension `{}`", key.get()))
                        .at(file, key.span(), "not a governance dimension")
                        .maybe_hint(suggestion_hint(key.get(), keys.iter().copied()))
                        .hint(format!("dimensions: {}", keys.join(", "))),
                );
                continue;
            };
            let v = *w.get();
            if !v.is_finite() || v < 0.0 {
                diags.push(
                    Diagnostic::new(Code::E0106, format!("weight {v} of `{d}` is not a finite number of at least 0"))
                        .at(file, w.span(), "here")
                        .hint("weights are 0 (leave the dimension out) or more"),
                );
                continue;
            }
            if let Some(slot) = weights.0.get_mut(d.index()) {
                *slot = v;
            }
        }
        if diags.is_empty() && weights.0.iter().all(|w| *w == 0.0) {
            let span = raw.weights.span();
            diags.push(
                Diagnostic::new(Code::E0106, "every weight is 0, so no distance can be measured")
                    .at(file, span.start..span.start, "in this table")
                    .hint("give at least one dimension a weight above 0"),
            );
        }
        if diags.is_empty() {
            Ok(weights)
        } else {
            diags.sort_by_key(|d| d.labels.first().map(|l| l.span.start));
            Err(diags)
        }
    }

    /// The default weights, read from the bundled file.
    pub fn bundled() -> Weights {
        Weights::parse(FileId::default(), DEFAULT_WEIGHTS).unwrap_or_default()
    }

    /// `self` with each weight multiplied by the matching factor.
    pub fn scaled(&self, factors: &[f64]) -> Weights {
        Weights(self.0.iter().zip(factors).map(|(w, f)| w * f).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_belongs_to_a_dimension_and_every_dimension_has_one() {
        for d in Dimension::ALL {
            assert!(d.criteria().count() >= 1, "{d}");
        }
        assert_eq!(
            Criterion::ALL.iter().map(|c| c.index()).collect::<Vec<_>>(),
            (0..Criterion::ALL.len()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn sets_compare_by_overlap_and_amounts_by_range() {
        assert_eq!(criterion_difference(Some(Value::Set(0b01)), Some(Value::Set(0b01)), None), Some(0.0));
        assert_eq!(criterion_difference(Some(Value::Set(0b01)), Some(Value::Set(0b10)), None), Some(1.0));
        assert_eq!(criterion_difference(Some(Value::Set(0b11)), Some(Value::Set(0b01)), None), Some(0.5));
        assert_eq!(
            criterion_difference(Some(Value::Amount(2.0)), Some(Value::Amount(4.0)), Some((0.0, 8.0))),
            Some(0.25)
        );
        assert_eq!(criterion_difference(Some(Value::Score(0.2)), None, None), None);
    }

    #[test]
    fn the_bundled_weights_parse_and_weigh_every_dimension() {
        let w = Weights::parse(FileId::default(), DEFAULT_WEIGHTS).map_err(|d| format!("{d:?}")).unwrap();
        assert_eq!(w.0.len(), Dimension::ALL.len());
        assert!(w.0.iter().all(|x| *x > 0.0));
    }

    #[test]
    fn bad_weights_are_reported_each() {
        let text = "[weights]\ncentre_hots = 1\nregional_tier = -1\ncoordination = nan\n";
        let diags = Weights::parse(FileId::default(), text).err().unwrap_or_default();
        assert_eq!(diags.len(), 3);
        let zero = "[weights]\ncentre_host = 0\ncentre_form = 0\nstrategic_capacity = 0\ncoordination = 0\nlocal_steering = 0\nregional_tier = 0\ncentral_resources = 0\n";
        assert_eq!(Weights::parse(FileId::default(), zero).err().map(|d| d.len()), Some(1));
    }
}
