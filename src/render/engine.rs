//! Who draws a diagram: Graphviz, routing the edges around nordgov's placement ([`super::dot`]),
//! or the built-in renderer ([`super::svg`]) where Graphviz is not installed. The diagram and
//! report commands both draw through here.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::graph::view::GraphView;
use crate::model::Lang;

use super::{dot, svg};

/// Who lays the diagram out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    /// Graphviz if the `dot` program is installed, else built-in.
    Auto,
    /// The Graphviz `dot` program.
    Graphviz,
    /// nordgov's own layered layout (SVG only).
    Builtin,
}

impl Engine {
    /// Whether this choice draws with Graphviz (`Auto`: whether it is installed).
    pub fn uses_graphviz(self) -> bool {
        match self {
            Engine::Graphviz => true,
            Engine::Builtin => false,
            Engine::Auto => graphviz_available(),
        }
    }
}

/// Whether the Graphviz `dot` program can be run.
pub fn graphviz_available() -> bool {
    Command::new("dot").arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Runs `dot -T<format>` (with extra `args`) on `text`; its warnings go to our stderr.
pub fn run_dot(text: &str, format: &str, args: &[String]) -> Result<Vec<u8>, String> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run Graphviz `dot`: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    if !out.stderr.is_empty() {
        eprint!("{}", String::from_utf8_lossy(&out.stderr));
    }
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err("Graphviz `dot` failed".to_string())
    }
}

/// The view drawn by Graphviz as SVG, its titles in words.
pub fn graphviz_svg(v: &GraphView, lang: Lang) -> Result<String, String> {
    let bytes = run_dot(&dot::dot(v, lang), "svg", &[])?;
    Ok(dot::retitle(&String::from_utf8_lossy(&bytes), v, lang))
}

/// The view as an inline SVG element (no XML prolog): through Graphviz when `graphviz`, else
/// (or if Graphviz fails) the built-in renderer.
pub fn inline_svg(v: &GraphView, lang: Lang, graphviz: bool) -> String {
    let svg = graphviz.then(|| graphviz_svg(v, lang).ok()).flatten().unwrap_or_else(|| svg::svg(v, lang));
    svg.find("<svg").and_then(|i| svg.get(i..)).unwrap_or(&svg).to_string()
}
