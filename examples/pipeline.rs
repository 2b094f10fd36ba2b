//! The pipeline, one stage a step: read a model directory, parse and validate it, take the model
//! on a date, build its actor graph, compute a role matrix, network metrics and the governance
//! profile, render a table and a diagram, and write the model back to
//! files. Run: `cargo run --example pipeline -- models/dk`
#![allow(clippy::unwrap_used)]

use nordgov::analysis::{dimensions, matrix, metrics, profile};
use nordgov::diagnostic::{emit, SourceDb};
use nordgov::files::print;
use nordgov::files::workspace::{self, ModelDir};
use nordgov::graph::fold::{fold, FoldOptions};
use nordgov::graph::view::{view, ViewKind, ViewOptions};
use nordgov::graph::{self, EdgeSet};
use nordgov::load::Limits;
use nordgov::model::{Labels, Lang, Sector};
use nordgov::render::grid::{self, GridOptions};
use nordgov::render::{md, svg};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "models/dk".into());
    let dir = ModelDir { name: path.clone(), path: path.into() };

    // 1-3. files::workspace -> load::parse -> load::validate, in one call.
    let mut db = SourceDb::new();
    let (country, diagnostics) = workspace::load_model(&dir, &mut db, &Limits::default());
    let mut err = codespan_reporting::term::termcolor::StandardStream::stderr(
        codespan_reporting::term::termcolor::ColorChoice::Never,
    );
    emit::human(&mut err, &db, &diagnostics).unwrap();
    let Some(country) = country else { std::process::exit(1) };

    // 4. model: the country on a date.
    let c = country.as_of(chrono::NaiveDate::from_ymd_opt(2017, 6, 1).unwrap());
    println!("{}: {} actors, {} role entries on 2017-06-01", c.code, c.actors.len(), c.roles.len());

    // 5. graph: the actor graph.
    let g = graph::build(&c);

    // 6. analysis: the role matrix, network metrics, the governance profile.
    let lang = Lang::En;
    let roles = matrix::role_matrix(&c, Sector::General, lang);
    let m = metrics::metrics(&c, &g, EdgeSet::All);
    let names = Labels::of(&[&c], lang);
    let top = m.actors.iter().max_by_key(|a| (a.in_degree, std::cmp::Reverse(a.id.clone()))).unwrap();
    println!("most linked-to actor: {} ({} actors link to it)", names.actor_full(&top.id), top.in_degree);
    let p = profile::profile(&[&c], &dimensions::Weights::bundled(), lang);
    println!("{} governance dimensions read", p.dimensions.len());

    // 7. render: the role matrix as Markdown, the organisation as a slide-sized SVG diagram.
    let o = GridOptions { lang, detail: false, sources: false, names: &names };
    print!("{}", md::render(&[grid::role_matrix(&roles, &o)]));
    let opts = ViewOptions { kind: ViewKind::Org, level: None, focus: None, depth: 0, instrument_max: 5, lang };
    let diagram = svg::svg(&fold(&view(&c, &g, &opts), &FoldOptions::slide(lang)), lang);
    println!("organisation diagram: {} bytes of SVG", diagram.len());

    // 8. files: the model back to model files (what `nordgov fmt` and `scenario -o` write).
    for (file, text) in print::files(&country).unwrap() {
        println!("{file}: {} lines", text.lines().count());
    }
}
