//! The closed vocabularies of the governance framework: levels, roles, instruments, actor kinds,
//! relation types and the smaller enumerations that qualify facts.
//!
//! Every term has one spelling in the model files (its *key*, snake_case) and a short English
//! description used by `nordgov schema`, `--help` and the documentation. The order of the
//! variants is meaningful wherever it is used for output: levels run from national (top) to local
//! (bottom), roles follow the policy process, and instruments run from strongest (1) to softest (5).
//! That order lives here, in the model, so no caller has to know it.

/// One closed vocabulary: a fixed list of terms, each with a key and a description.
pub trait Vocabulary: Sized + Copy + 'static {
    /// What the vocabulary is called in messages ("level", "role", ...).
    const NAME: &'static str;
    /// Every term, in canonical order.
    const ALL: &'static [Self];
    /// The spelling used in model files.
    fn key(self) -> &'static str;
    /// A one-line English description for documentation and schema output.
    fn describe(self) -> &'static str;
    /// Looks a term up by its key (exact match; callers add suggestions on failure).
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.key() == key)
    }
    /// The keys of every term, in canonical order.
    fn keys() -> Vec<&'static str> {
        Self::ALL.iter().map(|t| t.key()).collect()
    }
}

/// Declares a vocabulary enum with its keys and descriptions in one table, so the spelling, the
/// order and the documentation of a term cannot drift apart.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $label:literal, { $($(#[$vmeta:meta])* $variant:ident => $key:literal, $desc:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* #[doc = $desc] $variant,)+
        }
        impl $crate::model::Vocabulary for $name {
            const NAME: &'static str = $label;
            const ALL: &'static [Self] = &[$(Self::$variant,)+];
            fn key(self) -> &'static str { match self { $(Self::$variant => $key,)+ } }
            fn describe(self) -> &'static str { match self { $(Self::$variant => $desc,)+ } }
        }
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad($crate::model::Vocabulary::key(*self))
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary!(
    /// An administrative level. `national` is the cross-cutting layer where state, regions and
    /// municipalities act together; `state` is central government proper.
    Level, "level", {
        National => "national", "the cross-cutting national layer (state, regions and municipalities together)";
        State => "state", "central government: ministries and their agencies";
        Regional => "regional", "regions, county councils or counties";
        Local => "local", "municipalities";
    }
);

vocabulary!(
    /// A role in the policy process, in process order.
    Role, "role", {
        Strategy => "strategy", "strategic development (strategisk utvikling)";
        Initiation => "initiation", "initiation (igangsetting)";
        Coordination => "coordination", "coordination (koordinering)";
        Execution => "execution", "execution (utførelse/gjennomføring)";
        Operation => "operation", "operation (drift)";
    }
);

vocabulary!(
    /// A steering instrument, ordered from strongest (1) to softest (5).
    Instrument, "instrument", {
        Economic => "economic", "1: economic prioritisation of funds (økonomisk prioritering av midler)";
        Direct => "direct", "2: direct determination over other actors (direkte bestemmelse)";
        Indirect => "indirect", "3: indirect determination over other actors (indirekte bestemmelse)";
        Standards => "standards", "4: principles or common standards (prinsipper eller felles standarder)";
        Guidance => "guidance", "5: inspiration and guidance (inspirasjonsforslag og veiledning)";
    }
);

impl Instrument {
    /// The instrument's strength as the report numbers it: 1 (strongest) to 5 (softest).
    pub fn strength(self) -> u8 {
        match self {
            Self::Economic => 1,
            Self::Direct => 2,
            Self::Indirect => 3,
            Self::Standards => 4,
            Self::Guidance => 5,
        }
    }

    /// The instrument with the given strength, if it is in 1..=5.
    pub fn from_strength(strength: i64) -> Option<Self> {
        Self::ALL.iter().copied().find(|i| i64::from(i.strength()) == strength)
    }
}

vocabulary!(
    /// What sort of body an actor is.
    ActorKind, "actor kind", {
        Government => "government", "the government (cabinet) as a whole";
        Parliament => "parliament", "the national parliament";
        Ministry => "ministry", "a ministry (department)";
        Agency => "agency", "an agency, directorate or other state body under a ministry";
        Unit => "unit", "a department, division, office or unit inside a ministry or agency";
        Council => "council", "a council, board or committee with a mandate";
        Forum => "forum", "a cross-agency forum, network, steering group or collaboration body";
        Association => "association", "an association of municipalities or regions (KL, KS, SKL, Kuntaliitto, Danske Regioner)";
        Company => "company", "a joint or state-owned company (KOMBIT, Inera, Entur AS)";
        Collective => "collective", "a collective of many bodies treated as one (the municipalities, the regions, state agencies)";
        Secretariat => "secretariat", "a secretariat serving another body";
        Programme => "programme", "a programme, project, fund or funding scheme";
        Placeholder => "placeholder", "a stand-in the report uses, such as the initiating unit";
        Municipality => "municipality", "a single municipality";
        Region => "region", "a single region, county council or hospital region";
        AuditOffice => "audit_office", "a supreme audit institution";
    }
);

vocabulary!(
    /// The type of a relation between two actors. Read every relation as `from <type> to`.
    RelationType, "relation type", {
        ReportsTo => "reports_to", "from is steered by and reports to `to` (agency under ministry)";
        OwnedBy => "owned_by", "from is owned by `to` (company owned by its shareholders)";
        PartOf => "part_of", "from is an organisational part of `to` (unit inside a ministry)";
        MemberOf => "member_of", "from is a member of `to` (agency in a forum, municipality in an association)";
        Represents => "represents", "from represents `to` (an association representing the municipalities)";
        Funds => "funds", "from funds `to`";
        Advises => "advises", "from advises `to`";
        Coordinates => "coordinates", "from coordinates the work of `to`";
        HostsSecretariatOf => "hosts_secretariat_of", "from provides the secretariat of `to`";
        AgreementWith => "agreement_with", "from has a formal agreement with `to`";
        Appoints => "appoints", "from appoints `to` or its members";
        Chairs => "chairs", "from chairs `to`";
        Supervises => "supervises", "from supervises or audits `to`";
        Consults => "consults", "from must consult `to` before deciding";
        OperatesFor => "operates_for", "from operates systems or services on behalf of `to`";
        Succeeds => "succeeds", "from is the successor of `to` (Digdir succeeds Difi)";
        Gatekeeps => "gatekeeps", "from must approve or risk-assess the large projects of `to` before they go ahead (Denmark's State IT Project Council)";
    }
);

impl RelationType {
    /// Whether the relation forms the organisational hierarchy, which must be free of cycles.
    pub fn is_hierarchical(self) -> bool {
        matches!(self, Self::ReportsTo | Self::OwnedBy | Self::PartOf)
    }
}

vocabulary!(
    /// What a ministry (or the government's own office) is chiefly responsible for. Where the
    /// central digitalisation unit sits is read from the portfolio of the ministry above it.
    Portfolio, "portfolio", {
        Finance => "finance", "finance and the state budget";
        LocalGovernment => "local_government", "local government, municipal and regional affairs, or modernisation of the administration";
        Digital => "digital", "digitalisation as the ministry's main portfolio (a digital ministry)";
        Infrastructure => "infrastructure", "infrastructure, transport or communications";
        Business => "business", "trade, industry or enterprise";
        Interior => "interior", "interior affairs or public administration";
        PrimeMinister => "prime_minister", "the prime minister's office";
        Other => "other", "another portfolio";
    }
);

vocabulary!(
    /// What the bodies of a level are: whether the tier governs itself, and how broadly.
    LevelCharacter, "level character", {
        SelfGoverning => "self_governing", "self-governing authorities with directly elected councils (regions, county councils)";
        HealthEnterprises => "health_enterprises", "state-owned health enterprises that run the hospitals; no elected tier for other tasks";
        JointMunicipal => "joint_municipal", "joint authorities owned by the municipalities (federations, consortia); no elected tier of its own";
        StateField => "state_field", "the state's own field administration only";
        Absent => "none", "no tier at this level";
    }
);

vocabulary!(
    /// Whether a forum or council is a standing body or set up for a while.
    Standing, "standing", {
        Permanent => "permanent", "a standing body with no end date";
        Temporary => "temporary", "set up for a period, a strategy or a project";
    }
);

vocabulary!(
    /// Whether the members of a forum or council must take part.
    Participation, "participation", {
        Mandatory => "mandatory", "members must take part (by statute, instruction or binding agreement)";
        Voluntary => "voluntary", "members take part of their own will";
    }
);

vocabulary!(
    /// What part of a body a resource figure counts.
    ResourceScope, "resource scope", {
        Whole => "whole", "the body as a whole";
        Digitalisation => "digitalisation", "only the part of the body that works on digitalisation";
    }
);

vocabulary!(
    /// What sort of document a strategy row cites.
    StrategyKind, "strategy kind", {
        JointStrategy => "joint_strategy", "a digitalisation strategy agreed across levels of government (state, regions, municipalities)";
        GovernmentStrategy => "government_strategy", "a national digitalisation strategy or white paper of the government";
        GovernmentProgramme => "government_programme", "the government's programme or budget priorities, not a digitalisation strategy";
        ActionPlan => "action_plan", "an action plan or programme that carries out a strategy";
        SectorStrategy => "sector_strategy", "a strategy for one sector";
        BodyStrategy => "body_strategy", "the strategy of one body, association or level";
        Agenda => "agenda", "a policy agenda or vision without a strategy's commitments";
    }
);

vocabulary!(
    /// A qualifier on an actor's place in a role cell, as the report words it.
    Qualifier, "qualifier", {
        Possibly => "possibly", "possibly (evt.)";
        InSomeCases => "in_some_cases", "in some cases (i enkelte tilfeller)";
        Advisory => "advisory", "in an advisory capacity (rådgivende)";
        ConsultedOnly => "consulted_only", "consulted only (i høringsprosess)";
        Example => "example", "named as an example of a wider group";
        Partly => "partly", "for part of the cell only, e.g. one sector";
    }
);

vocabulary!(
    /// How sure a transcription is.
    Confidence, "confidence", {
        High => "high", "directly readable from the source";
        Medium => "medium", "reconstructed with good support";
        Low => "low", "best guess among alternatives";
    }
);

vocabulary!(
    /// The policy sector a steering fact belongs to. `general` is cross-sector digitalisation.
    Sector, "sector", {
        General => "general", "cross-sector digitalisation of the public sector";
        Health => "health", "health and care";
        Education => "education", "education and research";
        Welfare => "welfare", "labour and welfare";
        Justice => "justice", "justice and public security";
        Tax => "tax", "tax and customs";
    }
);

vocabulary!(
    /// A language names and labels can be given in.
    Lang, "language", {
        En => "en", "English";
        Nb => "nb", "Norwegian (bokmål)";
        Sv => "sv", "Swedish";
        Da => "da", "Danish";
        Fi => "fi", "Finnish";
        Is => "is", "Icelandic";
    }
);

impl Default for Lang {
    /// English, the language outputs use unless asked for another.
    fn default() -> Self {
        Lang::En
    }
}

vocabulary!(
    /// Whether an experience is reported as positive or negative.
    Polarity, "polarity", {
        Positive => "positive", "reported as working well";
        Negative => "negative", "reported as a problem";
    }
);

vocabulary!(
    /// The report's three themes for experiences.
    Theme, "theme", {
        Steering => "steering", "steering (styring)";
        Capacity => "capacity", "capacity and resources (kapasitet og ressurser)";
        Organisation => "organisation", "organisation and roles (organisering og roller)";
    }
);

vocabulary!(
    /// The multiplier a money amount is written in.
    Scale, "scale", {
        Unit => "unit", "the amount as written";
        Thousand => "thousand", "thousands";
        Million => "million", "millions";
        Billion => "billion", "billions (milliarder)";
    }
);

impl Scale {
    /// The factor that turns an amount in this scale into plain currency units.
    pub fn factor(self) -> f64 {
        match self {
            Self::Unit => 1.0,
            Self::Thousand => 1e3,
            Self::Million => 1e6,
            Self::Billion => 1e9,
        }
    }
}

vocabulary!(
    /// What kind of document a source is, so readers can tell the report from outside material.
    DocumentKind, "document kind", {
        Report => "report", "a report in the project's source material";
        Statistics => "statistics", "an official statistics publication, outside the report";
        Background => "background", "other material outside the report";
        Web => "web", "a public web page (government, parliament, statute, agency, EU factsheet), cited by URL and section";
    }
);

vocabulary!(
    /// The kind of a finding recorded with a model.
    FindingKind, "finding kind", {
        Summary => "summary", "a point from the report's summary of the country";
        Ambiguity => "ambiguity", "a transcription ambiguity and how it was resolved";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instruments_are_ordered_strong_to_soft() {
        let strengths: Vec<u8> = Instrument::ALL.iter().map(|i| i.strength()).collect();
        assert_eq!(strengths, vec![1, 2, 3, 4, 5]);
        assert!(Instrument::Economic < Instrument::Guidance);
        assert_eq!(Instrument::from_strength(3), Some(Instrument::Indirect));
        assert_eq!(Instrument::from_strength(6), None);
    }

    #[test]
    fn keys_round_trip() {
        for kind in ActorKind::ALL {
            assert_eq!(ActorKind::from_key(kind.key()), Some(*kind));
        }
        assert_eq!(Level::keys(), vec!["national", "state", "regional", "local"]);
    }
}
