//! `nordgov diagram COUNTRY --view org|steering|roles|all --format dot|svg|png|pdf`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::ValueEnum;

use super::args::{parse_lang, parse_level};
use super::output;
use super::{Cli, Exit};
use crate::graph::fold::{fold, fold_head, FoldOptions};
use crate::graph::view::{overlay, view, GraphView, ViewKind, ViewOptions};
use crate::graph::{self};
use crate::model::{ActorId, Lang, Level, Vocabulary};
use crate::render::engine::{self, Engine};
use crate::render::{dot, svg};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Graphviz DOT text.
    Dot,
    /// SVG (Graphviz when installed, else the built-in renderer).
    Svg,
    /// PNG at --dpi (needs Graphviz).
    Png,
    /// PDF for print (needs Graphviz).
    Pdf,
}

/// Arguments of `nordgov diagram`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A country code under --models, or a path to a model directory (or give --scenario).
    #[arg(required_unless_present = "scenario")]
    pub country: Option<String>,
    /// Draw a scenario's resulting model (its base comes from the scenario file).
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
    /// With --scenario: draw the base with the change overlaid (added green, removed red,
    /// changed orange), every base node where the base drawing has it.
    #[arg(long, requires = "scenario")]
    pub diff: bool,
    /// Which diagram.
    #[arg(long, value_enum, default_value_t = ViewKind::Org)]
    pub view: ViewKind,
    /// Only actors at this level.
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
    /// Only the neighbourhood of this actor (see --depth).
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// How many edges away from --focus to go.
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// Fold the diagram to at most this many nodes so it stays legible on a slide (the bodies
    /// under an actor become one node that says how many it holds); 0 folds nothing.
    #[arg(long, value_name = "N", default_value_t = FoldOptions::SLIDE)]
    pub max_nodes: usize,
    /// Keep the bodies under this actor unfolded (an actor id, or a level for the actors at the
    /// top of it); repeatable.
    #[arg(long, value_name = "ID")]
    pub unfold: Vec<String>,
    /// Only steering of this strength or stronger (1 = economic only ... 5 = all).
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub instrument_max: u8,
    /// The model as it stood on this date; default: its reference date.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Language of labels.
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Dot)]
    pub format: Format,
    /// Layout engine for svg and png.
    #[arg(long, value_enum, default_value_t = Engine::Auto)]
    pub engine: Engine,
    /// Resolution of --format png, in dots per inch (96: one pixel per CSS pixel).
    #[arg(long, default_value_t = 96, value_parser = clap::value_parser!(u32).range(36..=1200))]
    pub dpi: u32,
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    let (c, base, scenario) = match (&args.scenario, &args.country) {
        (Some(path), _) => match super::input::load_scenario(cli, path) {
            Ok((s, base, result)) => (result, Some(base), Some(s)),
            Err(e) => return e,
        },
        (None, Some(country)) => match super::input::read_on(cli, country, args.as_of) {
            Ok(c) => (c, None, None),
            Err(e) => return e,
        },
        (None, None) => return Exit::Failure,
    };
    let known = |id: &str| {
        c.actor(&ActorId::new(id)).is_some() || base.as_ref().is_some_and(|b| b.actor(&ActorId::new(id)).is_some())
    };
    let focus = args.focus.as_ref().map(|f| ActorId::new(f));
    let levels = Level::ALL.iter().map(|l| l.key());
    for (flag, id) in
        focus.iter().map(|f| ("focus", f.as_str())).chain(args.unfold.iter().map(|u| ("unfold", u.as_str())))
    {
        let level = flag == "unfold" && levels.clone().any(|l| l == id);
        if !known(id) && !level {
            eprintln!("error: --{flag}: no actor `{id}` in {}", c.code);
            let candidates = c.actors.keys().map(ActorId::as_str).chain(levels.clone().filter(|_| flag == "unfold"));
            if let Some(h) = crate::diagnostic::suggestion_hint(id, candidates) {
                eprintln!("help: {h}");
            }
            return Exit::Failure;
        }
    }
    super::input::note_fallbacks([&c], args.lang);
    let g = graph::build(&c);
    let options = ViewOptions {
        kind: args.view,
        level: args.level,
        focus,
        depth: args.depth,
        instrument_max: args.instrument_max,
        lang: args.lang,
    };
    let mut v = match (&base, args.diff) {
        (Some(b), true) => overlay(&view(b, &graph::build(b), &options), &view(&c, &g, &options)),
        _ => view(&c, &g, &options),
    };
    // The title says what the drawing shows: the scenario, or the date the model is taken on.
    match (&scenario, args.as_of.map(|d| d.to_string()).or_else(|| c.reference_date.map(|d| d.to_string()))) {
        (Some(s), _) => v.title = format!("{}: {}", v.title, s.name),
        (None, Some(date)) => v.title = format!("{}, {date}", v.title),
        (None, None) => {}
    }
    let fold_options =
        FoldOptions { max_nodes: args.max_nodes, unfold: args.unfold.iter().cloned().collect(), lang: args.lang };
    let v = fold(&v, &fold_options);
    note_folds(&v, args.max_nodes);
    let text = dot::dot(&v, args.lang);
    let to = args.output.as_deref();
    let use_graphviz = args.engine.uses_graphviz();
    let (fmt, extra) = match args.format {
        Format::Dot => return output::write(to, &text),
        Format::Svg if !use_graphviz => {
            if args.engine == Engine::Auto {
                eprintln!("note: Graphviz is not installed; drawing with the built-in renderer (install graphviz for routed edges)");
            }
            return output::write(to, &svg::svg(&v, args.lang));
        }
        Format::Png | Format::Pdf if !use_graphviz => {
            eprintln!(
                "error: png and pdf need Graphviz (apt-get install graphviz); use --format svg for the built-in renderer"
            );
            return Exit::Failure;
        }
        Format::Svg => ("svg", vec![]),
        Format::Png => ("png", vec![format!("-Gdpi={}", args.dpi)]),
        Format::Pdf => ("pdf", vec![]),
    };
    if fmt != "svg" && to.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        eprintln!("error: {fmt} is binary; write it to a file with -o FILE.{fmt}");
        return Exit::Failure;
    }
    let drawn = match fmt {
        "svg" => engine::graphviz_svg(&v, args.lang).map(String::into_bytes),
        _ => engine::run_dot(&text, fmt, &extra),
    };
    match drawn {
        Ok(bytes) => output::write_bytes(to, &bytes),
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Failure
        }
    }
}

/// Says on stderr which groups a fold made, and how to open each.
fn note_folds(v: &GraphView, max_nodes: usize) {
    let folded: Vec<String> = v
        .nodes
        .iter()
        .filter(|n| !n.folded.is_empty())
        .map(|n| {
            let head = fold_head(&n.id).unwrap_or(&n.id);
            let name = n.label.lines().next().unwrap_or_default();
            format!("{name} ({} folded; --unfold {head})", n.folded.len())
        })
        .collect();
    if !folded.is_empty() {
        eprintln!(
            "note: folded to fit a slide (--max-nodes {max_nodes}): {}; --max-nodes 0 draws every actor",
            folded.join(", ")
        );
    }
}
