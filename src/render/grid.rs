//! The grid: the one tabular shape every tabular format renders (terminal table, Markdown, CSV,
//! HTML, XLSX). Each view becomes one or more grids here, in the requested language, so the
//! formats differ only in how they write cells, never in what the cells say.

use crate::analysis::compare::{CountryResources, InstrumentComparison, RoleComparison};
use crate::analysis::matrix::{CellProvenance, OperationalMatrix, RoleMatrix, StrategicTable};
use crate::analysis::metrics::Metrics;
use crate::analysis::resources::ResourceTable;
use crate::model::pick;
use crate::model::{
    ActorId, Confidence, Instrument, Labelled, Labels, Lang, Qualifier, Quantity, Role, SourceRef, Vocabulary,
};
use crate::render::sentences;
use crate::scenario::diff::{Attribute, Edge, MetricDelta};
use crate::scenario::Diff;

/// One cell: its text, and where it comes from (shown on hover in HTML, under the table with
/// `--sources` in text formats).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cell {
    /// What the cell says.
    pub text: String,
    /// Its provenance, e.g. `nordic2017:2337-2339 (medium, reconstructed)`.
    pub source: Option<String>,
    /// The passages it cites, for formats that can link to them.
    pub refs: Vec<SourceRef>,
}

impl Cell {
    /// A cell with text and no provenance.
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), source: None, refs: Vec::new() }
    }

    /// A cell with text and the provenance of `p`, its sources cited from `names`.
    pub fn sourced(text: impl Into<String>, p: &CellProvenance, names: &Labels) -> Self {
        Self { text: text.into(), source: provenance_text(p, names), refs: p.sources.clone() }
    }
}

/// A table of cells with a title, a header row and notes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grid {
    /// The spreadsheet sheet the grid belongs to (a country code, or `comparison`).
    pub sheet: String,
    /// A line above the table.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows of cells; each has as many cells as the header.
    pub rows: Vec<Vec<Cell>>,
    /// Lines below the table (legend, sources).
    pub notes: Vec<String>,
}

/// How views become grids.
#[derive(Debug, Clone, Copy)]
pub struct GridOptions<'a> {
    /// Language of labels.
    pub lang: Lang,
    /// Show each used operational cell's description.
    pub detail: bool,
    /// List each cell's sources under the table.
    pub sources: bool,
    /// The names titles and headers give countries and actors (a code or id the lookup lacks
    /// prints as itself).
    pub names: &'a Labels,
}

/// Interface words in the five languages: (en, nb, sv, da, fi).
pub fn word(lang: Lang, key: &str) -> &str {
    let all: [&'static str; 5] = match key {
        "level" => ["level", "nivå", "nivå", "niveau", "taso"],
        "role" => ["role", "rolle", "roll", "rolle", "rooli"],
        "sector" => ["sector", "sektor", "sektor", "sektor", "sektori"],
        "primary actors" => ["primary actors", "primære aktører", "primära aktörer", "primære aktører", "ensisijaiset toimijat"],
        "strategy documents" => ["strategy documents", "strategidokumenter", "strategidokument", "strategidokumenter", "strategia-asiakirjat"],
        "instruments" => ["instruments", "virkemidler", "styrmedel", "virkemidler", "ohjauskeinot"],
        "role matrix" => ["Role matrix", "Rollematrise", "Rollmatris", "Rollematrix", "Roolimatriisi"],
        "strategic steering" => ["Strategic steering", "Strategisk styring", "Strategisk styrning", "Strategisk styring", "Strateginen ohjaus"],
        "operational steering" => ["Operational steering", "Operasjonell styring", "Operativ styrning", "Operationel styring", "Operatiivinen ohjaus"],
        "not present" => ["not present", "finnes ikke", "finns inte", "findes ikke", "ei ole"],
        "used" => ["used", "brukt", "används", "brugt", "käytössä"],
        "not used" => ["not used", "ikke brukt", "används inte", "ikke brugt", "ei käytössä"],
        "sources" => ["Sources", "Kilder", "Källor", "Kilder", "Lähteet"],
        "metrics" => ["Metrics", "Nettverksmål", "Nätverksmått", "Netværksmål", "Verkostomittarit"],
        "resources" => ["Resources", "Ressurser", "Resurser", "Ressourcer", "Resurssit"],
        "actor" => ["actor", "aktør", "aktör", "aktør", "toimija"],
        "central" => ["central unit", "sentral enhet", "central enhet", "central enhed", "keskusyksikkö"],
        "FTE" => ["FTE", "årsverk", "årsarbetskrafter", "årsværk", "henkilötyövuodet"],
        "budget" => ["budget", "budsjett", "budget", "budget", "budjetti"],
        "EUR m" => ["EUR m", "mill. EUR", "mn EUR", "mio. EUR", "milj. EUR"],
        "rate" => ["rate", "kurs", "kurs", "kurs", "kurssi"],
        "year" => ["year", "år", "år", "år", "vuosi"],
        "covers" => ["covers", "omfatter", "omfattar", "omfatter", "kattaa"],
        "strongest" => ["strongest", "sterkest", "starkast", "stærkest", "vahvin"],
        "central actors" => ["central actors", "sentrale aktører", "centrala aktörer", "centrale aktører", "keskustoimijat"],
        "centre instruments" => [
            "Instruments of the central unit per role",
            "Den sentrale enhetens virkemidler per rolle",
            "Den centrala enhetens styrmedel per roll",
            "Den centrale enheds virkemidler per rolle",
            "Keskusyksikön ohjauskeinot rooleittain",
        ],
        "central resources" => ["Central resources", "Sentrale ressurser", "Centrala resurser", "Centrale ressourcer", "Keskusresurssit"],
        "country" => ["country", "land", "land", "land", "maa"],
        "population" => ["population", "innbyggere", "invånare", "indbyggere", "asukkaat"],
        "municipalities" => ["municipalities", "kommuner", "kommuner", "kommuner", "kunnat"],
        "central FTE" => ["central FTE", "sentrale årsverk", "centrala årsarbetskrafter", "centrale årsværk", "keskusyksikön htv"],
        "central EUR m" => ["central EUR m", "sentralt mill. EUR", "centralt mn EUR", "centralt mio. EUR", "keskusyksikkö milj. EUR"],
        "FTE per million" => ["FTE per million inhabitants", "årsverk per million innb.", "årsarbetskrafter per miljon inv.", "årsværk pr. mio. indb.", "htv / milj. asukasta"],
        "EUR m per million" => ["EUR m per million inhabitants", "mill. EUR per million innb.", "mn EUR per miljon inv.", "mio. EUR pr. mio. indb.", "milj. EUR / milj. asukasta"],
        "FTE per municipality" => ["FTE per municipality", "årsverk per kommune", "årsarbetskrafter per kommun", "årsværk pr. kommune", "htv / kunta"],
        "EUR m per municipality" => ["EUR m per municipality", "mill. EUR per kommune", "mn EUR per kommun", "mio. EUR pr. kommune", "milj. EUR / kunta"],
        "resources note" => [
            "Central = actors marked central in the model; per actor the figure of its latest year for the part that works on digitalisation where the model gives one, else for the whole body. Populations come from the statistics offices (outside the report); municipality counts from the report.",
            "Sentral = aktører merket sentrale i modellen; per aktør tallet for siste år for delen som arbeider med digitalisering der modellen oppgir det, ellers for hele virksomheten. Innbyggertall fra statistikkbyråene (utenfor rapporten); antall kommuner fra rapporten.",
            "Central = aktörer markerade centrala i modellen; per aktör siffran för senaste år för den del som arbetar med digitalisering där modellen anger den, annars för hela organisationen. Folkmängd från statistikbyråerna (utanför rapporten); antal kommuner från rapporten.",
            "Central = aktører markeret centrale i modellen; pr. aktør tallet for seneste år for den del, der arbejder med digitalisering, hvor modellen angiver den, ellers for hele organisationen. Befolkning fra statistikbureauerne (uden for rapporten); antal kommuner fra rapporten.",
            "Keskus = mallissa keskeisiksi merkityt toimijat; toimijaa kohden viimeisimmän vuoden luku digitalisaatiota tekevästä osasta, jos malli sen antaa, muuten koko organisaatiosta. Väkiluvut tilastovirastoilta (raportin ulkopuolelta); kuntien määrät raportista.",
        ],
        "profile" => ["Profile indicators", "Profilindikatorer", "Profilindikatorer", "Profilindikatorer", "Profiili-indikaattorit"],
        "indicator" => ["indicator", "indikator", "indikator", "indikator", "indikaattori"],
        "definition" => ["definition", "definisjon", "definition", "definition", "määritelmä"],
        "distances" => ["Distances between profiles (0 alike, 1 opposite)", "Avstand mellom profilene (0 lik, 1 motsatt)", "Avstånd mellan profilerna (0 lika, 1 motsatta)", "Afstand mellem profilerne (0 ens, 1 modsat)", "Profiilien etäisyydet (0 sama, 1 vastakkainen)"],
        "distance note" => [
            "Distance: indicators scaled 0-1 over the compared countries, mean absolute difference over the indicators both have.",
            "Avstand: indikatorene skalert 0-1 over landene som sammenlignes, gjennomsnittlig absolutt forskjell.",
            "Avstånd: indikatorerna skalade 0-1 över de jämförda länderna, genomsnittlig absolut skillnad.",
            "Afstand: indikatorerne skaleret 0-1 over de sammenlignede lande, gennemsnitlig absolut forskel.",
            "Etäisyys: indikaattorit skaalattu 0-1 vertailumaiden kesken, itseisarvoerojen keskiarvo.",
        ],
        "no rate for" => ["no rate for", "ingen kurs for", "ingen kurs för", "ingen kurs for", "ei kurssia:"],
        "slide" => ["Slide", "Lysark", "Bild", "Slide", "Dia"],
        "legend" => [
            "~ reconstructed from flattened slide text; ? low confidence",
            "~ rekonstruert fra flatet lysarktekst; ? lav sikkerhet",
            "~ rekonstruerad ur utplattad bildtext; ? låg säkerhet",
            "~ rekonstrueret fra udfladet slidetekst; ? lav sikkerhed",
            "~ rekonstruoitu litistetystä diatekstistä; ? epävarma",
        ],
        "overview" => ["Overview", "Oversikt", "Översikt", "Oversigt", "Yleiskatsaus"],
        "comparison" => ["Comparison", "Sammenligning", "Jämförelse", "Sammenligning", "Vertailu"],
        "site title" => [
            "Nordic governance of public-sector digitalisation",
            "Nordisk styring av digitaliseringen i offentlig sektor",
            "Nordisk styrning av digitaliseringen i offentlig sektor",
            "Nordisk styring af digitaliseringen i den offentlige sektor",
            "Julkisen sektorin digitalisaation ohjaus Pohjoismaissa",
        ],
        "site intro" => [
            "Who steers the digitalisation of the public sector in Denmark, Finland, Norway and Sweden, at which level, with which instruments: computed from the country models (see each page for sources; hover a cell for its document and lines).",
            "Hvem som styrer digitaliseringen av offentlig sektor i Danmark, Finland, Norge og Sverige, på hvilket nivå og med hvilke virkemidler: beregnet fra landmodellene (se hver side for kilder; hold pekeren over en celle for dokument og linjer).",
            "Vem som styr digitaliseringen av offentlig sektor i Danmark, Finland, Norge och Sverige, på vilken nivå och med vilka styrmedel: beräknat ur landmodellerna (se varje sida för källor; håll pekaren över en cell för dokument och rader).",
            "Hvem der styrer digitaliseringen af den offentlige sektor i Danmark, Finland, Norge og Sverige, på hvilket niveau og med hvilke virkemidler: beregnet ud fra landemodellerne (se hver side for kilder; hold markøren over en celle for dokument og linjer).",
            "Kuka ohjaa julkisen sektorin digitalisaatiota Tanskassa, Suomessa, Norjassa ja Ruotsissa, millä tasolla ja millä ohjauskeinoilla: laskettu maamalleista (lähteet kunkin maan sivulla; vie osoitin solun päälle nähdäksesi asiakirjan ja rivit).",
        ],
        "side by side" => ["The countries side by side", "Landene side om side", "Länderna sida vid sida", "Landene side om side", "Maat rinnakkain"],
        "levels" => ["levels", "nivåer", "nivåer", "niveauer", "tasot"],
        "actors" => ["actors", "aktører", "aktörer", "aktører", "toimijat"],
        "strongest central instrument" => [
            "strongest central instrument",
            "sterkeste sentrale virkemiddel",
            "starkaste centrala styrmedel",
            "stærkeste centrale virkemiddel",
            "vahvin keskusohjauskeino",
        ],
        "changes" => ["What changed since the report", "Hva som er endret siden rapporten", "Vad som har ändrats sedan rapporten", "Hvad der er ændret siden rapporten", "Mikä on muuttunut raportin jälkeen"],
        "changes intro" => [
            "Each country's model as it stood on {then} (the Nordic report's time) and on {now}: the distances between the countries then and now, and for each country the governance dimensions that moved and every fact that changed, from the dated facts in the models (sources on each country's page).",
            "Hver lands modell slik den var {then} (den nordiske rapportens tid) og {now}: avstandene mellom landene da og nå, og for hvert land styringsdimensjonene som endret seg og hvert faktum som ble endret, fra de daterte faktaene i modellene (kilder på hvert lands side).",
            "Varje lands modell som den var {then} (den nordiska rapportens tid) och {now}: avstånden mellan länderna då och nu, och för varje land de styrningsdimensioner som ändrades och varje faktum som ändrades, ur modellernas daterade fakta (källor på varje lands sida).",
            "Hvert lands model, som den var {then} (den nordiske rapports tid) og {now}: afstandene mellem landene dengang og nu, og for hvert land de styringsdimensioner, der ændrede sig, og hvert faktum, der ændrede sig, ud fra modellernes daterede fakta (kilder på hvert lands side).",
            "Kunkin maan malli sellaisena kuin se oli {then} (pohjoismaisen raportin aika) ja {now}: maiden väliset etäisyydet silloin ja nyt sekä kunkin maan muuttuneet ohjauksen ulottuvuudet ja jokainen muuttunut tosiasia mallien päivätyistä tiedoista (lähteet kunkin maan sivulla).",
        ],
        "no dimension moved" => ["No governance dimension moved.", "Ingen styringsdimensjon endret seg.", "Ingen styrningsdimension ändrades.", "Ingen styringsdimension ændrede sig.", "Mikään ohjauksen ulottuvuus ei muuttunut."],
        "findings" => ["What the dimensions show", "Hva dimensjonene viser", "Vad dimensionerna visar", "Hvad dimensionerne viser", "Mitä ulottuvuudet näyttävät"],
        "dimensions moved" => ["Governance dimensions that moved", "Styringsdimensjoner som endret seg", "Styrningsdimensioner som ändrades", "Styringsdimensioner, der ændrede sig", "Muuttuneet ohjauksen ulottuvuudet"],
        "dimension" => ["dimension", "dimensjon", "dimension", "dimension", "ulottuvuus"],
        "difference to others" => [
            "difference to other countries on it",
            "forskjell fra andre land på den",
            "skillnad mot andra länder på den",
            "forskel fra andre lande på den",
            "ero muihin maihin sillä",
        ],
        "closer to" => ["closer to", "nærmere", "närmare", "tættere på", "lähempänä"],
        "further from" => ["further from", "lenger fra", "längre från", "længere fra", "kauempana"],
        "how alike" => ["How alike are the countries?", "Hvor like er landene?", "Hur lika är länderna?", "Hvor ens er landene?", "Kuinka samankaltaisia maat ovat?"],
        "summary sentence" => [
            "{c} is closest to {near} ({near_d}; most alike on {near_on}) and furthest from {far} ({far_d}; most different on {far_on}).",
            "{c} ligger nærmest {near} ({near_d}; mest lik på {near_on}) og lengst fra {far} ({far_d}; mest ulik på {far_on}).",
            "{c} ligger närmast {near} ({near_d}; mest lika på {near_on}) och längst från {far} ({far_d}; mest olika på {far_on}).",
            "{c} ligger nærmest {near} ({near_d}; mest ens på {near_on}) og længst fra {far} ({far_d}; mest forskellig på {far_on}).",
            "{c} on lähimpänä maata {near} ({near_d}; samankaltaisin: {near_on}) ja kauimpana maasta {far} ({far_d}; erilaisin: {far_on}).",
        ],
        "pages" => ["Pages", "Sider", "Sidor", "Sider", "Sivut"],
        "scenario" => ["Scenario", "Scenario", "Scenario", "Scenarie", "Skenaario"],
        "operations" => ["Operations", "Operasjoner", "Operationer", "Operationer", "Toimenpiteet"],
        "experiences" => ["Experiences", "Erfaringer", "Erfarenheter", "Erfaringer", "Kokemukset"],
        "timeline" => ["Timeline", "Tidslinje", "Tidslinje", "Tidslinje", "Aikajana"],
        "begins" => ["begins", "starter", "börjar", "begynder", "alkaa"],
        "ends" => ["ends", "slutter", "upphör", "ophører", "päättyy"],
        "organisation" => ["Organisation", "Organisering", "Organisering", "Organisering", "Organisaatio"],
        "fte chart" => [
            "Central digitalisation unit: FTE per million inhabitants",
            "Sentral digitaliseringsenhet: årsverk per million innbyggere",
            "Central digitaliseringsenhet: årsarbetskrafter per miljon invånare",
            "Central digitaliseringsenhed: årsværk pr. million indbyggere",
            "Digitalisaation keskusyksikkö: henkilötyövuodet miljoonaa asukasta kohden",
        ],
        "budget chart" => [
            "Central digitalisation unit: budget per million inhabitants",
            "Sentral digitaliseringsenhet: budsjett per million innbyggere",
            "Central digitaliseringsenhet: budget per miljon invånare",
            "Central digitaliseringsenhed: budget pr. million indbyggere",
            "Digitalisaation keskusyksikkö: budjetti miljoonaa asukasta kohden",
        ],
        "no figure for" => ["no figure for", "ingen tall for", "ingen siffra för", "intet tal for", "ei lukua:"],
        "actors per level" => ["Actors per level", "Aktører per nivå", "Aktörer per nivå", "Aktører pr. niveau", "Toimijat tasoittain"],
        "instrument use" => [
            "Instrument use: key actors per role and instrument ({n} slides)",
            "Bruk av virkemidler: nøkkelaktører per rolle og virkemiddel ({n} lysark)",
            "Användning av styrmedel: nyckelaktörer per roll och styrmedel ({n} bilder)",
            "Brug af virkemidler: nøgleaktører pr. rolle og virkemiddel ({n} slides)",
            "Ohjauskeinojen käyttö: avaintoimijat rooleittain ja ohjauskeinoittain ({n} diaa)",
        ],
        "no strategy rows" => [
            "The report's operational steering slides have no strategy row, so that row is empty.",
            "Rapportens lysark om operasjonell styring har ingen rad for strategi, så den raden er tom.",
            "Rapportens bilder om operativ styrning har ingen rad för strategi, så den raden är tom.",
            "Rapportens slides om operationel styring har ingen række for strategi, så den række er tom.",
            "Raportin operatiivisen ohjauksen dioilla ei ole strategiariviä, joten rivi on tyhjä.",
        ],
        "top movers" => [
            "Top movers: change in actor metrics",
            "Største endringer i aktørenes nettverksmål",
            "Största förändringar i aktörernas nätverksmått",
            "Største ændringer i aktørernes netværksmål",
            "Suurimmat muutokset toimijoiden verkostomittareissa",
        ],
        "after - before" => ["after - before", "etter - før", "efter - före", "efter - før", "jälkeen - ennen"],
        "overlay" => [
            "The base with the change overlaid: added green, removed red, changed orange",
            "Utgangspunktet med endringen lagt over: lagt til grønn, fjernet rød, endret oransje",
            "Utgångsläget med ändringen ovanpå: tillagt grönt, borttaget rött, ändrat orange",
            "Udgangspunktet med ændringen lagt ovenpå: tilføjet grøn, fjernet rød, ændret orange",
            "Lähtötilanne ja muutos päällä: lisätty vihreä, poistettu punainen, muutettu oranssi",
        ],
        "chart failed" => ["the chart could not be drawn", "diagrammet kunne ikke tegnes", "diagrammet kunde inte ritas", "diagrammet kunne ikke tegnes", "kaaviota ei voitu piirtää"],
        "instrument" => ["instrument", "virkemiddel", "styrmedel", "virkemiddel", "ohjauskeino"],
        "change" => ["change", "endring", "ändring", "ændring", "muutos"],
        "before" => ["before", "før", "före", "før", "ennen"],
        "after" => ["after", "etter", "efter", "efter", "jälkeen"],
        "added" => ["added", "lagt til", "tillagd", "tilføjet", "lisätty"],
        "removed" => ["removed", "fjernet", "borttagen", "fjernet", "poistettu"],
        "actors title" => ["Actors", "Aktører", "Aktörer", "Aktører", "Toimijat"],
        "role cells" => ["Role cells", "Rolleceller", "Rollceller", "Rolleceller", "Roolisolut"],
        "gained by" => ["gained by", "fått av", "fått av", "fået af", "saanut"],
        "lost by" => ["lost by", "mistet av", "förlorat av", "mistet af", "menettänyt"],
        "now used" => ["now used", "nå brukt", "används nu", "nu brugt", "nyt käytössä"],
        "no longer used" => ["no longer used", "ikke lenger brukt", "används inte längre", "ikke længere brugt", "ei enää käytössä"],
        "relations" => ["Relations", "Relasjoner", "Relationer", "Relationer", "Suhteet"],
        "from" => ["from", "fra", "från", "fra", "mistä"],
        "type" => ["type", "type", "typ", "type", "tyyppi"],
        "to" => ["to", "til", "till", "til", "mihin"],
        "figure" => ["figure", "tall", "siffra", "tal", "luku"],
        "metric" => ["metric", "mål", "mått", "mål", "mittari"],
        "why" => ["why", "hvorfor", "varför", "hvorfor", "miksi"],
        "top metric movers" => [
            "Metrics (top movers, all edges)",
            "Nettverksmål (største endringer, alle kanter)",
            "Nätverksmått (största förändringar, alla kanter)",
            "Netværksmål (største ændringer, alle kanter)",
            "Verkostomittarit (suurimmat muutokset, kaikki kaaret)",
        ],
        "(country)" => ["(country)", "(landet)", "(landet)", "(landet)", "(maa)"],
        "distance to others" => [
            "Profile distance to other countries",
            "Profilavstand til andre land",
            "Profilavstånd till andra länder",
            "Profilafstand til andre lande",
            "Profiilin etäisyys muihin maihin",
        ],
        "no differences" => ["No differences", "Ingen forskjeller", "Inga skillnader", "Ingen forskelle", "Ei eroja"],
        "result" => ["result", "resultat", "resultat", "resultat", "tulos"],
        "same facts" => [
            "the two models hold the same facts",
            "de to modellene har de samme faktaene",
            "de två modellerna har samma fakta",
            "de to modeller har de samme fakta",
            "malleissa on samat tiedot",
        ],
        "edges" => ["edges", "kanter", "kanter", "kanter", "kaaret"],
        "structural" => ["structural", "strukturelle", "strukturella", "strukturelle", "rakenteelliset"],
        "steering" => ["steering", "styring", "styrning", "styring", "ohjaus"],
        "all" => ["all", "alle", "alla", "alle", "kaikki"],
        "name" => ["name", "navn", "namn", "navn", "nimi"],
        "parent" => ["parent", "overordnet", "överordnad", "overordnet", "ylempi toimija"],
        "kind" => ["kind", "type", "typ", "type", "tyyppi"],
        "portfolio" => ["portfolio", "ansvarsområde", "ansvarsområde", "ressort", "toimiala"],
        "standing" => ["standing", "varighet", "varaktighet", "varighed", "pysyvyys"],
        "participation" => ["participation", "deltakelse", "deltagande", "deltagelse", "osallistuminen"],
        "yes" => ["yes", "ja", "ja", "ja", "kyllä"],
        "no" => ["no", "nei", "nej", "nej", "ei"],
        "none" => ["none", "ingen", "ingen", "ingen", "ei mitään"],
        "relation" => ["relation", "relasjon", "relation", "relation", "suhde"],
        "budget (EUR)" => ["budget (EUR)", "budsjett (EUR)", "budget (EUR)", "budget (EUR)", "budjetti (EUR)"],
        "now:" => ["Now", "Nå", "Nu", "Nu", "Nyt"],
        "no longer:" => ["No longer", "Ikke lenger", "Inte längre", "Ikke længere", "Ei enää"],
        "paths elsewhere" => [
            "Paths through it changed elsewhere in the graph",
            "Stier gjennom den endret seg andre steder i grafen",
            "Vägar genom den ändrades på andra ställen i grafen",
            "Stier gennem den ændrede sig andre steder i grafen",
            "Sen kautta kulkevat polut muuttuivat muualla verkossa",
        ],
        "country figure" => [
            "A figure for the whole country",
            "Et tall for hele landet",
            "En siffra för hela landet",
            "Et tal for hele landet",
            "Koko maan luku",
        ],
        "betweenness" => ["betweenness", "mellomliggende sentralitet", "mellanliggande centralitet", "mellemliggende centralitet", "välillisyyskeskeisyys"],
        "closeness" => ["closeness", "nærhetssentralitet", "närhetscentralitet", "nærhedscentralitet", "läheisyyskeskeisyys"],
        "pagerank" => ["PageRank", "PageRank", "PageRank", "PageRank", "PageRank"],
        "in_degree" => ["in-degree", "inngrad", "ingrad", "indgrad", "sisäaste"],
        "out_degree" => ["out-degree", "utgrad", "utgrad", "udgrad", "ulkoaste"],
        "betweenness_weighted" => [
            "betweenness (weighted)",
            "mellomliggende sentralitet (vektet)",
            "mellanliggande centralitet (viktad)",
            "mellemliggende centralitet (vægtet)",
            "välillisyyskeskeisyys (painotettu)",
        ],
        "constraint" => ["constraint (Burt)", "begrensning (Burt)", "begränsning (Burt)", "begrænsning (Burt)", "rajoite (Burt)"],
        "reach" => ["reach in {n}", "når innen {n}", "når inom {n}", "når inden for {n}", "tavoittaa {n}"],
        "density" => ["density", "tetthet", "täthet", "tæthed", "tiheys"],
        "freeman_centralisation" => ["Freeman centralisation", "Freeman-sentralisering", "Freeman-centralisering", "Freeman-centralisering", "Freemanin keskittyneisyys"],
        "weak_components" => ["weak components", "svake komponenter", "svaga komponenter", "svage komponenter", "heikot komponentit"],
        "central_strong_reach" => [
            "share the centre reaches by strong steering",
            "andel sentrum når med sterk styring",
            "andel centrum når med stark styrning",
            "andel centret når med stærk styring",
            "keskuksen vahvalla ohjauksella tavoittama osuus",
        ],
        "longest_reporting_chain" => ["longest reporting chain", "lengste rapporteringskjede", "längsta rapporteringskedja", "længste rapporteringskæde", "pisin raportointiketju"],
        _ => {
            debug_assert!(false, "no word for `{key}`");
            return key;
        }
    };
    crate::model::pick(lang, all)
}

/// How a qualifier is written after an actor in a cell.
pub fn qualifier_text(q: Qualifier) -> String {
    q.key().replace('_', " ")
}

/// The mark after a role-matrix cell of low confidence.
pub const LOW_MARK: &str = " ?";
/// The mark after a role-matrix cell reconstructed from flattened text.
pub const RECONSTRUCTED_MARK: &str = " ~";

/// The short marker for a cell's provenance: `?` for low confidence, `~` for reconstructed.
fn marker(p: &CellProvenance) -> &'static str {
    match (p.confidence, p.reconstructed) {
        (Some(Confidence::Low), _) => LOW_MARK,
        (_, true) => RECONSTRUCTED_MARK,
        _ => "",
    }
}

/// A cell's provenance in one line, its passages cited in full from `names`: `Title
/// (Publisher, 2017), lines 35-43; ... (high confidence, reconstructed)`.
pub fn provenance_text(p: &CellProvenance, names: &Labels) -> Option<String> {
    if p.sources.is_empty() {
        return None;
    }
    let lang = names.lang;
    let refs: Vec<String> = p.sources.iter().map(|r| names.cite(r, true)).collect();
    let conf = match p.confidence {
        Some(Confidence::High) => {
            pick(lang, ["high confidence", "høy sikkerhet", "hög säkerhet", "høj sikkerhed", "varma"])
        }
        Some(Confidence::Medium) => pick(
            lang,
            ["medium confidence", "middels sikkerhet", "medelhög säkerhet", "middel sikkerhed", "melko varma"],
        ),
        Some(Confidence::Low) => {
            pick(lang, ["low confidence", "lav sikkerhet", "låg säkerhet", "lav sikkerhed", "epävarma"])
        }
        None => pick(
            lang,
            [
                "confidence not stated",
                "sikkerhet ikke oppgitt",
                "säkerhet ej angiven",
                "sikkerhed ikke angivet",
                "varmuutta ei ilmoitettu",
            ],
        ),
    };
    let recon = if p.reconstructed {
        format!(
            ", {}",
            pick(lang, ["reconstructed", "rekonstruert", "rekonstruerad", "rekonstrueret", "rekonstruoitu"])
        )
    } else {
        String::new()
    };
    Some(format!("{} ({conf}{recon})", refs.join("; ")))
}

/// Adds the legend and, if asked, one line per sourced cell.
fn finish(g: &mut Grid, o: &GridOptions, sources: Vec<(String, Option<String>)>) {
    g.notes.push(word(o.lang, "legend").to_string());
    if o.sources {
        g.notes.push(format!("{}:", word(o.lang, "sources")));
        g.notes.extend(sources.into_iter().filter_map(|(what, s)| s.map(|s| format!("{what}: {s}"))));
    }
}

fn instrument_header(i: Instrument, lang: Lang) -> String {
    format!("{} {}", i.strength(), i.label(lang))
}

/// The role matrix as a grid.
pub fn role_matrix(m: &RoleMatrix, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: m.country.clone(),
        title: format!("{}: {} ({})", word(lang, "role matrix"), o.names.country(&m.country), m.sector.label(lang)),
        header: std::iter::once(word(lang, "level").to_string())
            .chain(Role::ALL.iter().map(|r| r.label(lang).to_string()))
            .collect(),
        ..Default::default()
    };
    let mut sources = Vec::new();
    for row in &m.rows {
        let level = if row.present {
            row.level.label(lang).to_string()
        } else {
            format!("{} ({})", row.level.label(lang), word(lang, "not present"))
        };
        let mut cells = vec![Cell::text(level)];
        for cell in &row.cells {
            let holders: Vec<String> = cell
                .holders
                .iter()
                .map(|h| match h.qualifier {
                    Some(q) => format!("{} ({})", h.actor.label, qualifier_text(q)),
                    None => h.actor.label.clone(),
                })
                .collect();
            let text = if holders.is_empty() {
                String::new()
            } else {
                format!("{}{}", holders.join(", "), marker(&cell.provenance))
            };
            let source = provenance_text(&cell.provenance, o.names);
            sources.push((format!("{} x {}", row.level, cell.role), source.clone()));
            cells.push(Cell { text, source, refs: cell.provenance.sources.clone() });
        }
        g.rows.push(cells);
    }
    finish(&mut g, o, sources);
    g
}

/// The strategic steering table as a grid.
pub fn strategic(s: &StrategicTable, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: s.country.clone(),
        title: format!("{}: {}", word(lang, "strategic steering"), o.names.country(&s.country)),
        header: ["sector", "level", "primary actors", "strategy documents", "instruments"]
            .map(|k| word(lang, k).to_string())
            .to_vec(),
        ..Default::default()
    };
    let mut sources = Vec::new();
    for r in &s.rows {
        let docs: Vec<String> = r
            .documents
            .iter()
            .map(|d| match &d.years {
                Some(y) => format!("{} ({y})", d.title),
                None => d.title.clone(),
            })
            .collect();
        let instruments: Vec<String> = r.instruments.iter().map(|i| instrument_header(*i, lang)).collect();
        let source = provenance_text(&r.provenance, o.names);
        sources.push((format!("{} {}", r.sector, r.level), source.clone()));
        g.rows.push(vec![
            Cell::text(r.sector.label(lang)),
            Cell {
                text: format!("{}{}", r.level.label(lang), marker(&r.provenance)),
                source,
                refs: r.provenance.sources.clone(),
            },
            Cell::text(r.primary_actors.iter().map(|a| a.label.clone()).collect::<Vec<_>>().join(", ")),
            Cell::text(docs.join("; ")),
            Cell::text(instruments.join(", ")),
        ]);
    }
    finish(&mut g, o, sources);
    g
}

/// An operational steering matrix as a grid; with `detail`, each used cell shows its text.
pub fn operational(m: &OperationalMatrix, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: m.country.clone(),
        title: format!(
            "{}: {} ({}){}",
            word(lang, "operational steering"),
            m.actor.label,
            m.sector.label(lang),
            marker(&m.provenance)
        ),
        header: std::iter::once(word(lang, "role").to_string())
            .chain(Instrument::ALL.iter().map(|i| instrument_header(*i, lang)))
            .collect(),
        ..Default::default()
    };
    let mut sources = vec![("slide".to_string(), provenance_text(&m.provenance, o.names))];
    for row in &m.rows {
        let mut cells = vec![Cell::text(row.role.label(lang))];
        for c in &row.cells {
            let mark = if c.used { format!("✓{}", marker(&c.provenance)) } else { "✗".to_string() };
            let text = match (&c.text, o.detail && c.used) {
                (Some(text), true) => format!("{mark} {text}"),
                _ => mark,
            };
            let source = provenance_text(&c.provenance, o.names);
            if c.used {
                sources.push((format!("{} x {}", row.role, c.instrument), source.clone()));
            }
            cells.push(Cell { text, source, refs: c.provenance.sources.clone() });
        }
        g.rows.push(cells);
    }
    if let Some(title) = &m.title {
        g.notes.push(format!("{}: {title}", word(lang, "slide")));
    }
    g.notes.push(format!("✓ {}, ✗ {}", word(lang, "used"), word(lang, "not used")));
    finish(&mut g, o, sources);
    g
}

/// A quantity as text: `160`, `~160`, `300-320`, `<= 1`.
pub fn quantity_text(q: &Quantity) -> String {
    let n = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let approx = if q.approx { "~" } else { "" };
    match (q.value, q.min, q.max) {
        (Some(v), None, None) => format!("{approx}{}", n(v)),
        (Some(v), lo, hi) => format!("{approx}{} ({}-{})", n(v), lo.map_or("?".into(), n), hi.map_or("?".into(), n)),
        (None, Some(lo), Some(hi)) => format!("{approx}{}-{}", n(lo), n(hi)),
        (None, Some(lo), None) => format!(">= {}", n(lo)),
        (None, None, Some(hi)) => format!("<= {}", n(hi)),
        (None, None, None) => String::new(),
    }
}

/// Euro millions with one decimal.
fn eur_m(v: f64) -> String {
    format!("{:.1}", v / 1e6)
}

/// The resources table as a grid.
pub fn resources(t: &ResourceTable, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: t.country.clone(),
        title: format!("{}: {}", word(lang, "resources"), o.names.country(&t.country)),
        header: ["actor", "central", "FTE", "budget", "EUR m", "rate", "year", "covers"]
            .map(|k| word(lang, k).to_string())
            .to_vec(),
        ..Default::default()
    };
    let mut sources = Vec::new();
    for r in &t.rows {
        let budget = r
            .budget
            .as_ref()
            .map(|m| format!("{} {} {}", m.currency, quantity_text(&m.amount), m.scale))
            .unwrap_or_default();
        let (eur, rate) = match (&r.budget, &r.budget_eur) {
            (Some(_), Some(e)) => (
                match (e.min, e.max) {
                    (Some(lo), Some(hi)) => format!("{} ({}-{})", eur_m(e.value), eur_m(lo), eur_m(hi)),
                    _ => eur_m(e.value),
                },
                e.rate.as_ref().map_or(String::new(), |x| {
                    format!("{} {} = EUR {}", x.year.map_or(String::new(), |y| y.to_string()), x.currency, x.eur)
                        .trim()
                        .to_string()
                }),
            ),
            (Some(m), None) => (String::new(), format!("{} {}", word(lang, "no rate for"), m.currency)),
            _ => (String::new(), String::new()),
        };
        let source = provenance_text(&r.provenance, o.names);
        sources.push((r.actor.id.to_string(), source.clone()));
        g.rows.push(vec![
            Cell {
                text: format!("{}{}", r.actor.label, marker(&r.provenance)),
                source,
                refs: r.provenance.sources.clone(),
            },
            Cell::text(if r.central { "✓" } else { "" }),
            Cell::text(r.fte.as_ref().map(quantity_text).unwrap_or_default()),
            Cell::text(budget),
            Cell::text(eur),
            Cell::text(rate),
            Cell::text(r.year.map(|y| y.to_string()).unwrap_or_default()),
            Cell::text(r.covers.clone().unwrap_or_default()),
        ]);
    }
    finish(&mut g, o, sources);
    g
}

fn number(v: Option<f64>, decimals: usize) -> String {
    v.map_or(String::new(), |v| format!("{v:.decimals$}"))
}

/// The role matrices of several countries side by side, one row per level x role.
pub fn compare_roles(c: &RoleComparison, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: format!("{}: {}", word(lang, "role matrix"), countries(o, &c.countries)),
        header: [word(lang, "level").to_string(), word(lang, "role").to_string()]
            .into_iter()
            .chain(c.countries.iter().map(|code| o.names.country(code)))
            .collect(),
        ..Default::default()
    };
    for cell in &c.cells {
        let mut row = vec![Cell::text(cell.level.label(lang)), Cell::text(cell.role.label(lang))];
        for holders in &cell.holders {
            let names: Vec<String> = holders
                .iter()
                .map(|h| match h.qualifier {
                    Some(q) => format!("{} ({})", h.actor.label, qualifier_text(q)),
                    None => h.actor.label.clone(),
                })
                .collect();
            row.push(Cell::text(names.join(", ")));
        }
        g.rows.push(row);
    }
    g
}

/// The centre's instruments per role and country.
pub fn compare_instruments(c: &InstrumentComparison, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: format!("{}: {}", word(lang, "centre instruments"), countries(o, &c.countries)),
        header: std::iter::once(word(lang, "role").to_string())
            .chain(c.countries.iter().map(|code| o.names.country(code)))
            .collect(),
        ..Default::default()
    };
    for (role, per_country) in &c.rows {
        let mut row = vec![Cell::text(role.label(lang))];
        for ci in per_country {
            let list: Vec<String> = ci.instruments.iter().map(|i| i.strength().to_string()).collect();
            row.push(Cell::text(match ci.strongest {
                Some(s) => {
                    format!("{} ({}: {} {})", list.join(", "), word(lang, "strongest"), s.strength(), s.label(lang))
                }
                None => "-".to_string(),
            }));
        }
        g.rows.push(row);
    }
    let centres: Vec<String> = c
        .countries
        .iter()
        .zip(&c.centres)
        .map(|(code, ids)| {
            let names: Vec<String> = ids.iter().map(|id| o.names.actor_full(id)).collect();
            let names = if names.is_empty() { vec!["-".to_string()] } else { names };
            format!("{}: {}", o.names.country(code), names.join(", "))
        })
        .collect();
    g.notes.push(format!("{}: {}", word(lang, "central actors"), centres.join("; ")));
    g
}

/// Country codes as names, listed.
fn countries(o: &GridOptions, codes: &[String]) -> String {
    codes.iter().map(|c| o.names.country(c)).collect::<Vec<_>>().join(", ")
}

/// Central resources per country, absolute and relative.
pub fn compare_resources(rows: &[CountryResources], o: &GridOptions) -> Grid {
    let lang = o.lang;
    let mut g = Grid {
        sheet: "comparison".into(),
        title: word(lang, "central resources").to_string(),
        header: [
            "country",
            "population",
            "municipalities",
            "central FTE",
            "central EUR m",
            "FTE per million",
            "EUR m per million",
            "FTE per municipality",
            "EUR m per municipality",
        ]
        .map(|k| word(lang, k).to_string())
        .to_vec(),
        ..Default::default()
    };
    let m = |v: Option<f64>| v.map(|v| v / 1e6);
    for r in rows {
        g.rows.push(vec![
            Cell::text(o.names.country(&r.country)),
            Cell::text(number(r.population, 0)),
            Cell::text(r.municipalities.map(|m| m.to_string()).unwrap_or_default()),
            Cell::text(number(r.central_fte, 0)),
            Cell::text(number(m(r.central_budget_eur), 1)),
            Cell::text(number(r.fte_per_million, 1)),
            Cell::text(number(m(r.budget_eur_per_million), 2)),
            Cell::text(number(r.fte_per_municipality, 2)),
            Cell::text(number(m(r.budget_eur_per_municipality), 3)),
        ]);
    }
    g.notes.push(word(lang, "resources note").to_string());
    g
}

/// The network metrics as a grid: one row per actor (named from `labels`; an actor the lookup
/// lacks by its id), the country's figures as notes.
pub fn metrics(m: &Metrics, o: &GridOptions) -> Grid {
    let lang = o.lang;
    let labels = o.names;
    let mut g = Grid {
        sheet: m.country.clone(),
        title: format!(
            "{}: {} ({} {})",
            word(lang, "metrics"),
            labels.country(&m.country),
            word(lang, edge_set_name(m.edges)),
            word(lang, "edges")
        ),
        header: std::iter::once(word(lang, "actor").to_string())
            .chain(
                [
                    "in_degree",
                    "out_degree",
                    "betweenness",
                    "betweenness_weighted",
                    "closeness",
                    "pagerank",
                    "constraint",
                    "reach_1",
                    "reach_2",
                    "reach_3",
                    "reach_4",
                    "reach_5",
                ]
                .map(|k| metric_name(lang, k)),
            )
            .collect(),
        ..Default::default()
    };
    let f = |v: f64| format!("{v:.4}");
    for a in &m.actors {
        let mut row = vec![
            Cell::text(labels.actor(&a.id)),
            Cell::text(a.in_degree.to_string()),
            Cell::text(a.out_degree.to_string()),
            Cell::text(f(a.betweenness)),
            Cell::text(f(a.betweenness_weighted)),
            Cell::text(f(a.closeness)),
            Cell::text(f(a.pagerank)),
            Cell::text(a.constraint.map(f).unwrap_or_default()),
        ];
        row.extend(a.reach.iter().map(|r| Cell::text(r.to_string())));
        g.rows.push(row);
    }
    let t = &m.totals;
    g.notes.push(format!(
        "nodes {}, edges {}, density {:.4}, weak components {}, Freeman centralisation {:.4}, central strong reach {}, longest reporting chain {}",
        t.nodes,
        t.edges,
        t.density,
        t.weak_components,
        t.freeman_centralisation,
        t.central_strong_reach.map_or("-".to_string(), |v| format!("{v:.4}")),
        t.longest_reporting_chain
    ));
    g
}

fn edge_set_name(e: crate::graph::EdgeSet) -> &'static str {
    match e {
        crate::graph::EdgeSet::Structural => "structural",
        crate::graph::EdgeSet::Steering => "steering",
        crate::graph::EdgeSet::All => "all",
    }
}

/// A grid of text cells with translated title and header words.
fn plain(lang: Lang, title: &str, header: &[&str], rows: Vec<Vec<String>>) -> Grid {
    Grid {
        sheet: "diff".into(),
        title: word(lang, title).to_string(),
        header: header.iter().map(|h| if h.is_empty() { String::new() } else { word(lang, h).to_string() }).collect(),
        rows: rows.into_iter().map(|r| r.into_iter().map(Cell::text).collect()).collect(),
        notes: Vec::new(),
    }
}

/// A metric of a diff (`betweenness`, `freeman_centralisation`) by its name in `lang`.
pub fn metric_name(lang: Lang, key: &str) -> String {
    if let Some(n) = key.strip_prefix("reach_") {
        return word(lang, "reach").replace("{n}", n);
    }
    match key {
        "betweenness"
        | "betweenness_weighted"
        | "constraint"
        | "closeness"
        | "pagerank"
        | "in_degree"
        | "out_degree"
        | "density"
        | "freeman_centralisation"
        | "weak_components"
        | "central_strong_reach"
        | "longest_reporting_chain" => word(lang, key).to_string(),
        other => other.replace('_', " "),
    }
}

/// An actor attribute's value in words.
fn attribute(lang: Lang, v: &Attribute, labels: &Labels) -> String {
    let none = || word(lang, "none").to_string();
    match v {
        Attribute::Name(n) => n.clone(),
        Attribute::Parent(Some(p)) => format!("{} {}", p.relation.label(lang), labels.actor(&p.id)),
        Attribute::Parent(None) => none(),
        Attribute::Kind(k) => k.label(lang).to_string(),
        Attribute::Level(l) => l.label(lang).to_string(),
        Attribute::Central(c) => word(lang, if *c { "yes" } else { "no" }).to_string(),
        Attribute::Portfolio(p) => p.map_or_else(none, |p| p.label(lang).to_string()),
        Attribute::Standing(s) => s.map_or_else(none, |s| s.label(lang).to_string()),
        Attribute::Participation(p) => p.map_or_else(none, |p| p.label(lang).to_string()),
    }
}

/// Why a metric moved, as a sentence: the relations at the actor that began and ended.
fn metric_reason(lang: Lang, m: &MetricDelta, labels: &Labels) -> String {
    if m.actor.is_none() {
        return word(lang, "country figure").to_string();
    }
    if m.gained.is_empty() && m.lost.is_empty() {
        return format!("{}.", word(lang, "paths elsewhere"));
    }
    let edges = |es: &[Edge]| -> String {
        let items: Vec<String> = es
            .iter()
            .map(|(x, k, y)| sentences::relation(lang, &labels.actor(x), *k, &labels.actor(y), false))
            .collect();
        sentences::list(lang, &items)
    };
    let mut parts = Vec::new();
    if !m.gained.is_empty() {
        parts.push(format!("{}: {}.", word(lang, "now:"), edges(&m.gained)));
    }
    if !m.lost.is_empty() {
        parts.push(format!("{}: {}.", word(lang, "no longer:"), edges(&m.lost)));
    }
    parts.join(" ")
}

/// A diff as grids, one per kind of change (empty kinds left out). Every actor and country is
/// named from the diff's [`Labels`], every relation, field and metric in words.
pub fn diff(d: &Diff, lang: Lang) -> Vec<Grid> {
    let w = |k| word(lang, k).to_string();
    let labels = &d.labels;
    let who = |id: &ActorId| labels.actor(id);
    let who_all = |ids: &[ActorId]| ids.iter().map(who).collect::<Vec<_>>().join(", ");
    let mut out = Vec::new();
    // An actor that comes or goes is named in full: the reader may not know its abbreviation.
    let mut actors: Vec<Vec<String>> =
        d.actors_added.iter().map(|a| vec![labels.actor_full(a), w("added"), String::new(), String::new()]).collect();
    actors.extend(
        d.actors_removed.iter().map(|a| vec![labels.actor_full(a), w("removed"), String::new(), String::new()]),
    );
    actors.extend(d.actors_changed.iter().map(|c| {
        let field = match c.field.as_str() {
            "central" => w("central"),
            f @ ("name" | "parent" | "kind" | "level" | "portfolio" | "standing" | "participation") => w(f),
            other => other.to_string(),
        };
        vec![who(&c.actor), field, attribute(lang, &c.was, labels), attribute(lang, &c.now, labels)]
    }));
    if !actors.is_empty() {
        out.push(plain(lang, "actors title", &["actor", "change", "before", "after"], actors));
    }
    if !d.roles.is_empty() {
        let rows = d
            .roles
            .iter()
            .map(|c| {
                vec![
                    c.level.label(lang).to_string(),
                    c.role.label(lang).to_string(),
                    who_all(&c.added),
                    who_all(&c.removed),
                ]
            })
            .collect();
        out.push(plain(lang, "role cells", &["level", "role", "gained by", "lost by"], rows));
    }
    if !d.steering.is_empty() {
        let rows = d
            .steering
            .iter()
            .map(|s| {
                vec![
                    who(&s.actor),
                    s.sector.label(lang).to_string(),
                    s.role.label(lang).to_string(),
                    instrument_header(s.instrument, lang),
                    w(if s.used { "now used" } else { "no longer used" }),
                ]
            })
            .collect();
        out.push(plain(lang, "operational steering", &["actor", "sector", "role", "instrument", "change"], rows));
    }
    let rel: Vec<Vec<String>> = d
        .relations_added
        .iter()
        .map(|e| ("+", e))
        .chain(d.relations_removed.iter().map(|e| ("-", e)))
        .map(|(sign, (a, k, b))| vec![sign.to_string(), who(a), k.label(lang).to_string(), who(b)])
        .collect();
    if !rel.is_empty() {
        out.push(plain(lang, "relations", &["", "from", "relation", "to"], rel));
    }
    if !d.resources.is_empty() {
        let f = |v: &Option<f64>| v.map_or("-".to_string(), |v| format!("{v}"));
        let rows = d
            .resources
            .iter()
            .map(|r| {
                let figure = match r.figure {
                    "fte" => w("FTE"),
                    "budget_eur" => w("budget (EUR)"),
                    other => other.to_string(),
                };
                vec![who(&r.actor), figure, f(&r.before), f(&r.after)]
            })
            .collect();
        out.push(plain(lang, "resources", &["actor", "figure", "before", "after"], rows));
    }
    if !d.metrics.is_empty() {
        let rows = d
            .metrics
            .iter()
            .map(|m| {
                vec![
                    m.actor.as_ref().map_or(w("(country)"), who),
                    metric_name(lang, &m.metric),
                    format!("{:.4}", m.before),
                    format!("{:.4}", m.after),
                    format!("{:+.4}", m.after - m.before),
                    metric_reason(lang, m, labels),
                ]
            })
            .collect();
        out.push(plain(lang, "top metric movers", &["actor", "metric", "before", "after", "change", "why"], rows));
    }
    if !d.dimensions.is_empty() {
        let rows = d
            .dimensions
            .iter()
            .map(|x| {
                let moved: Vec<String> = x
                    .neighbours
                    .iter()
                    .filter_map(|n| {
                        let (b, a) = (n.before?, n.after?);
                        let dir = if a < b {
                            w("closer to")
                        } else if a > b {
                            w("further from")
                        } else {
                            return None;
                        };
                        Some(format!("{dir} {} ({:.2} -> {:.2})", labels.country(&n.country), b, a))
                    })
                    .collect();
                let why: Vec<String> = x
                    .gained
                    .iter()
                    .map(|f| format!("+ {}", sentences::fact(lang, f)))
                    .chain(x.lost.iter().map(|f| format!("- {}", sentences::fact(lang, f))))
                    .collect();
                vec![
                    x.dimension.label(lang).to_string(),
                    sentences::reading(lang, x.dimension, &x.before),
                    sentences::reading(lang, x.dimension, &x.after),
                    moved.join("; "),
                    why.join("\n"),
                ]
            })
            .collect();
        out.push(plain(
            lang,
            "dimensions moved",
            &["dimension", "before", "after", "difference to others", "why"],
            rows,
        ));
    }
    if !d.distances.is_empty() {
        let rows = d
            .distances
            .iter()
            .map(|x| vec![labels.country(&x.country), format!("{:.2}", x.before), format!("{:.2}", x.after)])
            .collect();
        out.push(plain(lang, "distance to others", &["country", "before", "after"], rows));
    }
    if d.is_empty() {
        out.push(plain(lang, "no differences", &["result"], vec![vec![w("same facts")]]));
    }
    out
}

/// The actor list ([`crate::files::actor_list`]): one row per actor, fixed column names (the layout
/// `nordgov import` reads back), whatever the language.
pub fn actor_list(c: &crate::model::Country) -> Grid {
    Grid {
        sheet: c.code.clone(),
        title: format!("Actors: {}", c.code),
        header: crate::files::actor_list::COLUMNS.iter().map(|h| (*h).to_string()).collect(),
        rows: crate::files::actor_list::rows(c).into_iter().map(|r| r.into_iter().map(Cell::text).collect()).collect(),
        notes: Vec::new(),
    }
}
