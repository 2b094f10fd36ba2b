//! The explorer's page: its static HTML (labelled controls, an empty graph and tables that
//! `explorer.js` fills), its style, and the words the script looks up by key.

use super::YEARS;
use crate::model::{Labelled, Lang, Level, Vocabulary};
use crate::render::html::escape;
use crate::render::words::Word;

/// The page's body: the labelled controls, the graph, the card and the tables (filled by
/// `explorer.js`), and the three scripts.
pub fn body(lang: Lang) -> String {
    let w = |w: Word| escape(w.label(lang));
    // A labelled drop-down the script fills.
    let select =
        |id: &str, word: Word| format!("<label for=\"x-{id}\">{}</label>\n<select id=\"x-{id}\"></select>", w(word));
    let mut levels = String::new();
    for l in Level::ALL {
        levels.push_str(&format!(
            "<label class=\"x-check\"><input type=\"checkbox\" name=\"lv\" value=\"{k}\" id=\"x-lv-{k}\" checked> {}</label>\n",
            escape(l.label(lang)),
            k = l.key()
        ));
    }
    format!(
        r#"<p>{intro}</p>
<noscript><p class="note">{noscript}</p></noscript>
<div id="x-explorer" class="x-explorer">
<form id="x-controls" class="x-controls" aria-label="{controls}">
<div role="search">
<label for="x-search">{search}</label>
<input id="x-search" type="search" autocomplete="off" spellcheck="false" aria-describedby="x-search-hint" aria-controls="x-results">
<p id="x-search-hint" class="note">{search_hint}</p>
<ul id="x-results" class="x-results" aria-live="polite"></ul>
</div>
<fieldset>
<legend>{view}</legend>
{country}
<label for="x-year">{year}</label>
<input id="x-year" type="range" min="{min}" max="{max}" step="1" aria-describedby="x-year-out">
<output id="x-year-out" for="x-year"></output>
{edges}
{depth}
</fieldset>
<fieldset>
<legend>{filters}</legend>
<fieldset class="x-levels">
<legend>{levels_word}</legend>
{levels}</fieldset>
{kind}
{role}
{strength}
</fieldset>
<fieldset>
<legend>{scenario}</legend>
{overlay}
</fieldset>
<label class="x-check"><input id="x-presentation" type="checkbox"> {presentation}</label>
<p><button id="x-reset" type="button">{reset}</button></p>
</form>
<div class="x-view">
<p id="x-status" class="x-status" role="status"></p>
<div id="x-legend" class="x-legend"></div>
<div class="x-panes">
<div id="x-graph" class="x-graph" role="img" aria-label="{graph}"></div>
<section id="x-card" class="x-card" aria-labelledby="x-card-title" tabindex="0" hidden></section>
</div>
</div>
</div>
<h2>{tables}</h2>
<p class="note">{tables_note}</p>
<div class="x-tables">
<table id="x-actors"><caption>{actors_caption}</caption><thead><tr></tr></thead><tbody></tbody></table>
<table id="x-edge-table"><caption>{edges_caption}</caption><thead><tr></tr></thead><tbody></tbody></table>
</div>
<p class="note">{licence} <a href="assets/cytoscape-LICENSE.txt">{licence_link}</a></p>
<script src="assets/cytoscape.min.js"></script>
<script src="assets/explorer-data.js"></script>
<script src="assets/explorer.js"></script>
"#,
        intro = w(Word::ExploreIntro),
        noscript = w(Word::NeedsScript),
        controls = w(Word::Controls),
        search = w(Word::Search),
        search_hint = w(Word::SearchHint),
        view = w(Word::View),
        country = select("country", Word::CountryField),
        year = w(Word::YearField),
        min = YEARS.start(),
        max = YEARS.end(),
        edges = select("edges", Word::LinksShown),
        depth = select("depth", Word::Depth),
        filters = w(Word::Filters),
        levels_word = w(Word::LevelsField),
        kind = select("kind", Word::KindOfActor),
        role = select("role", Word::RoleField),
        strength = select("strength", Word::Strength),
        scenario = w(Word::Scenario),
        overlay = select("scenario", Word::OverlayScenario),
        presentation = w(Word::Presentation),
        reset = w(Word::Reset),
        graph = w(Word::Graph),
        tables = w(Word::Tables),
        tables_note = w(Word::TablesNote),
        actors_caption = w(Word::ActorsShown),
        edges_caption = w(Word::LinksShown),
        licence = w(Word::Licence),
        licence_link = w(Word::LicenceLink),
    )
}

/// The page's own style: controls beside the graph and card, tables below; ids and confidence
/// marks hidden in presentation mode. Colours keep a contrast of at least 4.5:1.
pub const CSS: &str = ".x-explorer{display:grid;grid-template-columns:minmax(15em,19em) 1fr;gap:1em;align-items:start}\
.x-controls fieldset{border:1px solid #767676;margin:0 0 .8em;padding:.3em .6em .6em}\
.x-controls label{display:block;margin:.4em 0 .1em}.x-controls label.x-check{display:flex;gap:.3em;align-items:center}\
.x-controls select,.x-controls input[type=search],.x-controls input[type=range]{width:100%;box-sizing:border-box}\
.x-results{list-style:none;padding:0;margin:.3em 0;max-height:18em;overflow-y:auto}\
.x-results li{margin:.15em 0}.x-results button{width:100%;text-align:left;background:#fff;border:1px solid #767676;padding:.25em .4em;cursor:pointer;font:inherit;color:#222}\
.x-results button:hover,.x-results button:focus{background:#e8f0fe}\
.x-panes{display:grid;grid-template-columns:minmax(0,1fr) minmax(16em,26em);gap:1em;align-items:start}\
.x-graph{height:640px;border:1px solid #767676;background:#fff;min-width:0}\
.x-card{border:1px solid #767676;padding:.3em 1em .8em;max-height:640px;overflow-y:auto;overflow-wrap:break-word}\
.x-card h2{margin:.4em 0 .2em;font-size:1.25em}.x-card h3{margin:.9em 0 .2em;font-size:1.05em}.x-card dl{display:grid;grid-template-columns:auto 1fr;gap:.15em .8em;margin:.4em 0}\
.x-card dl{grid-template-columns:minmax(6em,11em) 1fr}.x-card dt{font-weight:bold}.x-card dd{margin:0}.x-card ul{margin:.2em 0;padding-left:1.2em}.x-card table{margin:.3em 0;width:100%}\
.x-id{font-family:monospace;font-size:.8em;color:#555;margin-left:.4em}.x-conf{font-size:.85em;color:#555}\
.x-status{margin:.2em 0 .4em}.x-legend{font-size:.9em;margin:0 0 .4em}.x-legend span{display:inline-block;margin-right:1em}\
.x-swatch{display:inline-block;width:1.6em;height:.35em;vertical-align:middle;margin-right:.3em}\
button.x-link{background:none;border:none;padding:0;font:inherit;color:#0645ad;text-decoration:underline;cursor:pointer;text-align:left}\
.x-change{font-weight:bold}.x-change-added{color:#1a6e1a}.x-change-removed{color:#b01e1f}.x-change-changed{color:#8a4500}\
.x-tables table{width:100%}\
body.x-presenting .x-id,body.x-presenting .x-conf{display:none}\
@media (max-width:60em){.x-explorer,.x-panes{grid-template-columns:1fr}}\
@media print{.x-controls{display:none}.x-explorer{display:block}}";

/// The words the page and `explorer.js` use, by the key the script reads them by (`W['key']`,
/// `word('key')`).
pub const WORDS: &[(&str, Word)] = &[
    ("explore", Word::Explore),
    ("explore title", Word::ExploreTitle),
    ("explore intro", Word::ExploreIntro),
    ("needs script", Word::NeedsScript),
    ("controls", Word::Controls),
    ("search", Word::Search),
    ("search hint", Word::SearchHint),
    ("no results", Word::NoResults),
    ("results", Word::Results),
    ("view", Word::View),
    ("country", Word::CountryField),
    ("year", Word::YearField),
    ("reference date", Word::ReferenceDate),
    ("year note", Word::YearNote),
    ("edges", Word::LinksShown),
    ("edges all", Word::EdgesAll),
    ("edges org", Word::EdgesOrg),
    ("edges steering", Word::EdgesSteering),
    ("depth", Word::Depth),
    ("depth all", Word::DepthAll),
    ("depth n", Word::DepthN),
    ("filters", Word::Filters),
    ("levels", Word::LevelsField),
    ("kind", Word::KindOfActor),
    ("all kinds", Word::AllKinds),
    ("role", Word::RoleField),
    ("all roles", Word::AllRoles),
    ("strength", Word::Strength),
    ("strength up to", Word::StrengthUpTo),
    ("scenario", Word::Scenario),
    ("overlay", Word::OverlayScenario),
    ("no overlay", Word::NoOverlay),
    ("overlay legend", Word::OverlayLegend),
    ("scenario page", Word::ScenarioPage),
    ("scenario date", Word::ScenarioDate),
    ("presentation", Word::Presentation),
    ("reset", Word::Reset),
    ("graph", Word::Graph),
    ("graph of", Word::GraphOf),
    ("status", Word::Status),
    ("tables", Word::Tables),
    ("tables note", Word::TablesNote),
    ("actors shown", Word::ActorsShown),
    ("edges shown", Word::LinksShown),
    ("name", Word::NameField),
    ("level", Word::LevelField),
    ("parent", Word::Under),
    ("roles", Word::Roles),
    ("from", Word::FromField),
    ("edge", Word::Edge),
    ("to", Word::ToField),
    ("change", Word::InTheScenario),
    ("added", Word::Added),
    ("removed", Word::Removed),
    ("changed", Word::Changed),
    ("was", Word::Was),
    ("names", Word::Names),
    ("abbreviation", Word::Abbreviation),
    ("aliases", Word::Aliases),
    ("central", Word::CentralDigitalisationUnit),
    ("yes", Word::Yes),
    ("portfolio", Word::PortfolioField),
    ("standing", Word::StandingField),
    ("participation", Word::ParticipationField),
    ("exists", Word::Exists),
    ("always", Word::Always),
    ("not on date", Word::NotOnDate),
    ("confidence", Word::Confidence),
    ("reconstructed", Word::Reconstructed),
    ("roles per level", Word::RolesPerLevel),
    ("holds", Word::Holds),
    ("steering held", Word::SteeringHeld),
    ("steering received", Word::SteeringReceived),
    ("relations", Word::Relations),
    ("resources", Word::Resources),
    ("fte", Word::FteField),
    ("budget", Word::BudgetField),
    ("covers", Word::CoversField),
    ("scope", Word::Scope),
    ("metrics", Word::NetworkMetrics),
    ("metrics note", Word::MetricsNote),
    ("metric", Word::MetricField),
    ("value", Word::Value),
    ("rank", Word::Rank),
    ("rank of", Word::RankOf),
    ("sources", Word::Sources),
    ("close", Word::Close),
    ("none", Word::NoneListed),
    ("licence", Word::Licence),
    ("licence link", Word::LicenceLink),
];
