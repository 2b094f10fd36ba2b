//! `nordgov report [MODELS_DIR] -o OUT_DIR`: reads every model in a directory, their scenarios
//! and the source texts they cite, builds the site ([`crate::render::report`]) and writes its pages.

use std::path::{Path, PathBuf};

use super::args::parse_lang;
use super::input::{load_scenario, read_country};
use super::{Cli, Exit};
use crate::files::workspace;
use crate::graph::fold::{fold, FoldOptions};
use crate::model::Lang;
use crate::render::engine::{inline_svg, Engine};
use crate::render::report::{self, ScenarioPage};

/// Arguments of `nordgov report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory of models (default: --models).
    pub models_dir: Option<PathBuf>,
    /// The directory to write the site into (created; files in it are replaced atomically).
    #[arg(short, long, value_name = "DIR", default_value = "report")]
    pub output: PathBuf,
    /// Language of every label and heading.
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Who draws the diagrams (auto: Graphviz if installed, else built-in).
    #[arg(long, value_enum, default_value_t = Engine::Auto)]
    pub engine: Engine,
    /// The dimensions' weights in the distances.
    #[command(flatten)]
    pub weights: super::args::WeightsArg,
}

/// Runs the command.
pub fn run(cli: &Cli, args: &Args) -> Exit {
    if let Err(e) = workspace::refuse_model_dir(&args.output) {
        eprintln!("error: {e}");
        return Exit::Failure;
    }
    let models = args.models_dir.clone().unwrap_or_else(|| cli.models.clone());
    let dirs = workspace::country_dirs(&models);
    if dirs.is_empty() {
        eprintln!("error: no models under {}", workspace::display(&models));
        return Exit::Failure;
    }
    let mut countries = Vec::new();
    for d in &dirs {
        match read_country(cli, &workspace::display(d), None) {
            Ok(c) => countries.push(c),
            Err(e) => return e,
        }
    }
    let graphviz = args.engine.uses_graphviz();
    if !graphviz && args.engine == Engine::Auto {
        eprintln!(
            "note: Graphviz is not installed; diagrams use the built-in layout (install graphviz for a better one)"
        );
    }

    // Scenarios: every models/<cc>/scenarios/*.toml.
    let mut scenarios = Vec::new();
    for d in &dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(d.join("scenarios"))
            .map(|e| {
                e.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for f in files {
            match load_scenario(cli, &f) {
                Ok(x) => scenarios.push((scenario_file(&f), x)),
                Err(e) => return e,
            }
        }
    }
    let pages: Vec<ScenarioPage<'_>> = scenarios
        .iter()
        .map(|(file, (scenario, base, result))| ScenarioPage { file, scenario, base, result })
        .collect();

    // The source texts the site can show: files named by the models' documents that the models
    // directory holds under sources/.
    // Validation admits only plain file names; a name is still read only if it resolves (after
    // symbolic links) to a file inside sources/.
    let sources_dir = models.join("sources");
    let real_sources = std::fs::canonicalize(&sources_dir).ok();
    let inside = |f: &str| {
        let path = workspace::join_inside(&sources_dir, f)?;
        let real = std::fs::canonicalize(&path).ok()?;
        (real.is_file() && real_sources.as_ref().is_some_and(|r| real.starts_with(r))).then_some(path)
    };
    let names: std::collections::BTreeMap<String, PathBuf> = countries
        .iter()
        .flat_map(|c| c.documents.values().filter_map(|d| d.file.clone()))
        .filter_map(|f| inside(&f).map(|p| (f, p)))
        .collect();
    let mut sources = Vec::new();
    for (file, path) in names {
        match std::fs::read_to_string(&path) {
            Ok(t) => sources.push((file, t)),
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", workspace::display(&path));
                return Exit::Failure;
            }
        }
    }

    super::input::note_fallbacks(&countries, args.lang);
    let (weights, _) = match args.weights.load(cli) {
        Ok(w) => w,
        Err(e) => return e,
    };
    let input = report::Input {
        countries: &countries,
        scenarios: &pages,
        sources: &sources,
        lang: args.lang,
        weights: &weights,
    };
    // Each diagram folded to fit a slide (the explorer page has every actor).
    let slide = FoldOptions::slide(args.lang);
    let site = report::build(&input, &|v| inline_svg(&fold(v, &slide), args.lang, graphviz));
    let out = &args.output;
    for (name, html) in &site {
        let Some(path) = workspace::join_inside(out, name) else {
            eprintln!("error: page name `{name}` would lie outside {}", workspace::display(out));
            return Exit::Failure;
        };
        if let Err(e) = workspace::write_atomic(&path, html.as_bytes()) {
            eprintln!("error: cannot write `{}`: {e}", workspace::display(&path));
            return Exit::Failure;
        }
    }
    eprintln!("wrote {} pages to {}", site.len(), workspace::display(out));
    Exit::Success
}

/// The page name of a scenario: `scenario-<country dir>-<file stem>.html`.
fn scenario_file(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let country = path
        .parent()
        .and_then(Path::parent)
        .and_then(Path::file_name)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("scenario-{country}-{stem}.html")
}
