//! Diagrams fit a slide: every view of every bundled country, and every scenario overlaid on its
//! base, rendered to SVG by Graphviz and by the built-in engine, is measured from the SVG itself
//! (its view box and the box of every text) as if fitted to a 1920x1080 slide: the smallest text
//! must be at least 9 px high and no two texts may overlap.

use std::path::{Path, PathBuf};

use nordgov::render::layout::font_width;

use crate::common::{nordgov, root, tools_required};
use crate::diagrams::dot_program;

/// The slide a diagram must fit.
const SLIDE: (f64, f64) = (1920.0, 1080.0);
/// The smallest text height allowed on the slide, in pixels.
const MIN_TEXT_PX: f64 = 9.0;

/// What one rendered diagram measures.
#[derive(Debug)]
pub struct Legibility {
    /// The view box, in SVG units.
    pub width: f64,
    pub height: f64,
    /// The smallest text height once the drawing is fitted to the slide, in pixels.
    pub min_text_px: f64,
    /// Pairs of texts whose boxes overlap.
    pub overlaps: Vec<(String, String)>,
}

impl Legibility {
    /// Whether the diagram passes.
    pub fn fits(&self) -> bool {
        self.min_text_px >= MIN_TEXT_PX && self.overlaps.is_empty()
    }
}

/// A text's box in drawing units.
#[derive(Debug, Clone)]
struct TextBox {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    size: f64,
}

fn number(s: &str) -> Option<f64> {
    s.trim().trim_end_matches("px").trim_end_matches("pt").parse().ok()
}

/// The translation of a `transform` attribute (`... translate(X Y)`), the only transform
/// Graphviz writes besides an identity scale and rotation.
fn translation(t: &str) -> (f64, f64) {
    let Some(i) = t.find("translate(") else { return (0.0, 0.0) };
    let inner: String = t[i + "translate(".len()..].chars().take_while(|c| *c != ')').collect();
    let parts: Vec<f64> = inner.split([' ', ',']).filter_map(number).collect();
    (parts.first().copied().unwrap_or(0.0), parts.get(1).copied().unwrap_or(0.0))
}

/// Measures an SVG document.
pub fn measure(svg: &str) -> Legibility {
    let doc = roxmltree::Document::parse_with_options(
        svg,
        roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() },
    )
    .expect("well-formed SVG");
    let root_el = doc.root_element();
    let view_box: Vec<f64> =
        root_el.attribute("viewBox").map(|v| v.split([' ', ',']).filter_map(number).collect()).unwrap_or_default();
    let (width, height) = match view_box.as_slice() {
        [_, _, w, h] => (*w, *h),
        _ => (
            root_el.attribute("width").and_then(number).unwrap_or(0.0),
            root_el.attribute("height").and_then(number).unwrap_or(0.0),
        ),
    };
    let scale = (SLIDE.0 / width).min(SLIDE.1 / height);
    let mut boxes = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let text: String = node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect();
        if text.trim().is_empty() {
            continue;
        }
        // Font size and offset inherited from the ancestors.
        let mut size = None;
        let (mut dx, mut dy) = (0.0, 0.0);
        for a in node.ancestors().filter(|a| a.is_element()) {
            if size.is_none() {
                size = a.attribute("font-size").and_then(number);
            }
            if let Some(t) = a.attribute("transform") {
                let (tx, ty) = translation(t);
                dx += tx;
                dy += ty;
            }
        }
        let size = size.unwrap_or(16.0);
        let x = node.attribute("x").and_then(number).unwrap_or(0.0) + dx;
        let y = node.attribute("y").and_then(number).unwrap_or(0.0) + dy;
        // Widths of the face viewers here draw (DejaVu Sans for "Helvetica"), which is wider
        // than Helvetica.
        let w = font_width(&text, size);
        let x0 = match node.attribute("text-anchor") {
            Some("middle") => x - w / 2.0,
            Some("end") => x - w,
            _ => x,
        };
        // From the ascent above the baseline to the descent below it.
        boxes.push(TextBox { text, x0, y0: y - 0.8 * size, x1: x0 + w, y1: y + 0.2 * size, size });
    }
    let min_size = boxes.iter().map(|b| b.size).fold(f64::INFINITY, f64::min);
    let mut overlaps = Vec::new();
    // Sorted by left edge, each box is compared with those that start before it ends.
    boxes.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    for (i, a) in boxes.iter().enumerate() {
        for b in boxes.iter().skip(i + 1).take_while(|b| b.x0 < a.x1 - 0.5) {
            // Half a unit of tolerance: texts that touch are not overlapping.
            if b.y0 < a.y1 - 0.5 && a.y0 < b.y1 - 0.5 && a.x1 - 0.5 > b.x0 {
                overlaps.push((a.text.clone(), b.text.clone()));
            }
        }
    }
    Legibility { width, height, min_text_px: if boxes.is_empty() { 0.0 } else { min_size * scale }, overlaps }
}

/// What is drawn: a country's view (optionally on a date), or a scenario overlaid on its base.
fn cases() -> Vec<(String, Vec<String>)> {
    let mut cases = Vec::new();
    let mut countries: Vec<PathBuf> = std::fs::read_dir(root().join("models"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("country.toml").is_file())
        .collect();
    countries.sort();
    for dir in &countries {
        let c = dir.file_name().unwrap().to_string_lossy().to_string();
        for view in ["org", "steering", "roles", "all"] {
            cases.push((format!("{c} {view}"), vec![c.clone(), "--view".into(), view.into()]));
            cases.push((
                format!("{c} {view} 2026"),
                vec![c.clone(), "--view".into(), view.into(), "--as-of".into(), "2026-06-01".into()],
            ));
        }
        let mut scenarios: Vec<PathBuf> = std::fs::read_dir(dir.join("scenarios"))
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        scenarios.sort();
        for s in scenarios {
            let name = s.file_stem().unwrap().to_string_lossy().to_string();
            for view in ["org", "steering", "all"] {
                cases.push((
                    format!("{c} {name} overlay {view}"),
                    vec!["--scenario".into(), s.display().to_string(), "--diff".into(), "--view".into(), view.into()],
                ));
            }
        }
    }
    cases
}

/// Draws one case. `NORDGOV_LEGIBILITY_BIN` measures another build of nordgov instead (for
/// before-and-after figures: the test then fails with the table of that build's diagrams).
fn render(args: &[String], engine: &str, dot: Option<&Path>) -> Result<String, String> {
    let mut cmd = std::env::var_os("NORDGOV_LEGIBILITY_BIN").map_or_else(nordgov, crate::common::nordgov_at);
    cmd.current_dir(root()).arg("diagram").args(args).args(["--format", "svg", "--engine", engine]);
    if let Some(dot) = dot {
        // The Graphviz the test suite found, first on the PATH.
        let dir = dot.parent().unwrap_or(Path::new("."));
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![dir.to_path_buf()];
        paths.extend(std::env::split_paths(&path));
        cmd.env("PATH", std::env::join_paths(paths).unwrap());
    }
    let out = cmd.output().unwrap();
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or_default().to_string());
    }
    Ok(String::from_utf8(out.stdout).unwrap())
}

/// Measures every case with one engine and fails with the table of every case that does not
/// fit, with its figures.
fn every_diagram_fits(engine: &str, dot: Option<&Path>) {
    let cases = cases();
    let results: Vec<(String, Result<Legibility, String>)> = std::thread::scope(|s| {
        let chunks: Vec<_> = cases
            .chunks(cases.len().div_ceil(4).max(1))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(name, args)| (name.clone(), render(args, engine, dot).map(|svg| measure(&svg))))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let table: Vec<String> = results
        .iter()
        .map(|(name, l)| match l {
            Err(e) => format!("{name}: fails: {e}  <-- does not fit"),
            Ok(l) => format!(
                "{name}: {:.0}x{:.0}, smallest text {:.1} px, {} overlaps{}{}",
                l.width,
                l.height,
                l.min_text_px,
                l.overlaps.len(),
                if l.fits() { "" } else { "  <-- does not fit" },
                l.overlaps.first().map(|(a, b)| format!(" (e.g. `{a}` / `{b}`)")).unwrap_or_default()
            ),
        })
        .collect();
    if std::env::var_os("NORDGOV_PRINT_LEGIBILITY").is_some() {
        eprintln!("{engine}:\n{}", table.join("\n"));
    }
    let failing: Vec<&String> = table.iter().filter(|l| l.contains("<--")).collect();
    assert!(
        failing.is_empty(),
        "{engine}: {} of {} diagrams do not fit a slide:\n{}",
        failing.len(),
        table.len(),
        table.join("\n")
    );
}

#[test]
fn graphviz_diagrams_fit_a_slide() {
    let Some(dot) = dot_program() else {
        assert!(!tools_required(), "Graphviz is required");
        return;
    };
    every_diagram_fits("graphviz", Some(&dot));
}

#[test]
fn builtin_diagrams_fit_a_slide() {
    every_diagram_fits("builtin", None);
}

#[test]
fn the_measure_sees_overlaps_and_small_text() {
    // Two texts on the same spot overlap; a drawing 20,000 units wide shrinks 10-unit text to
    // under 1 px.
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20000 100"><g transform="translate(0 100)"><text x="10" y="-50" font-size="10">Ministry of Finance</text><text x="40" y="-48" font-size="10">Agency</text><text x="900" y="-50" font-size="10">Alone</text></g></svg>"#;
    let l = measure(svg);
    assert_eq!((l.width, l.height), (20000.0, 100.0));
    assert_eq!(l.overlaps, vec![("Ministry of Finance".to_string(), "Agency".to_string())]);
    assert!((l.min_text_px - 0.96).abs() < 1e-9, "{}", l.min_text_px);
    assert!(!l.fits());
    let ok = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540"><text x="10" y="20" font-size="10">A</text><text x="10" y="40" font-size="10">B</text></svg>"#;
    let l = measure(ok);
    assert!(l.fits(), "{l:?}");
    assert_eq!(l.min_text_px, 20.0);
}

/// The same measure as Chromium draws the diagrams, in its fonts: every Graphviz view of every
/// country (on its reference date and in 2026) and every scenario overlay, inline in one page;
/// each text's box from the browser's own layout (its width as drawn, its height the font size),
/// in the drawing's units, scaled to the slide. Screenshots of a few for review go to
/// `target/diagram-screenshots/`.
#[test]
fn diagrams_fit_a_slide_as_chromium_draws_them() {
    let Some(dot) = dot_program() else {
        assert!(!tools_required(), "Graphviz is required");
        return;
    };
    let Some(d) = crate::browser::driver() else { return };
    let cases: Vec<(String, Vec<String>)> = cases()
        .into_iter()
        .filter(|(name, _)| !name.contains(" roles 2026") && !name.contains(" steering 2026"))
        .collect();
    let svgs: Vec<(String, String)> = std::thread::scope(|s| {
        let chunks: Vec<_> = cases
            .chunks(cases.len().div_ceil(4).max(1))
            .map(|chunk| {
                let dot = &dot;
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(name, args)| (name.clone(), render(args, "graphviz", Some(dot)).unwrap()))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let tmp = tempfile::tempdir().unwrap();
    let mut page = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    for (name, svg) in &svgs {
        let inline = &svg[svg.find("<svg").unwrap()..];
        page.push_str(&format!("<div class=\"case\" data-name=\"{name}\">{inline}</div>\n"));
    }
    page.push_str("</body></html>\n");
    let file = tmp.path().join("diagrams.html");
    std::fs::write(&file, page).unwrap();
    d.open(&file);
    let measured = d.script(
        "return [...document.querySelectorAll('div.case')].map(div => {
            const svg = div.querySelector('svg');
            const vb = svg.viewBox.baseVal;
            const toRoot = svg.getScreenCTM().inverse();
            const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
                const m = toRoot.multiply(t.getScreenCTM());
                const b = t.getBBox();
                const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                const p = (x, y) => new DOMPoint(x, y).matrixTransform(m);
                const a = p(b.x, b.y), c = p(b.x + b.width, b.y + b.height);
                const cy = (a.y + c.y) / 2;
                return [t.textContent, Math.min(a.x, c.x), cy - size / 2, Math.max(a.x, c.x), cy + size / 2, size];
            });
            return [div.dataset.name, vb.width, vb.height, boxes];
        });",
    );
    let mut failing = Vec::new();
    let mut smallest = f64::INFINITY;
    let mut smallest_in = String::new();
    for case in measured.as_array().unwrap() {
        let name = case[0].as_str().unwrap();
        let (w, h) = (case[1].as_f64().unwrap(), case[2].as_f64().unwrap());
        let scale = (SLIDE.0 / w).min(SLIDE.1 / h);
        let boxes: Vec<(String, [f64; 5])> = case[3]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                let n = |i: usize| b[i].as_f64().unwrap();
                (b[0].as_str().unwrap().to_string(), [n(1), n(2), n(3), n(4), n(5)])
            })
            .collect();
        let min_px = boxes.iter().map(|(_, b)| b[4]).fold(f64::INFINITY, f64::min) * scale;
        if min_px < smallest {
            smallest = min_px;
            smallest_in = name.to_string();
        }
        let mut overlaps = Vec::new();
        for (i, (ta, a)) in boxes.iter().enumerate() {
            for (tb, b) in boxes.iter().skip(i + 1) {
                if a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5 {
                    overlaps.push(format!("`{ta}` / `{tb}`"));
                }
            }
        }
        if min_px < MIN_TEXT_PX || !overlaps.is_empty() {
            failing.push(format!("{name}: smallest text {min_px:.1} px, overlaps {overlaps:?}"));
        }
    }
    assert_eq!(measured.as_array().unwrap().len(), svgs.len());
    assert!(
        failing.is_empty(),
        "in Chromium, {} of {} diagrams do not fit a slide:\n{}",
        failing.len(),
        svgs.len(),
        failing.join("\n")
    );
    eprintln!(
        "{} diagrams measured in Chromium; smallest text on the slide {smallest:.1} px ({smallest_in})",
        svgs.len()
    );
    // Screenshots for review: each drawing alone, fitted to a 1920x1080 window.
    let shots = root().join("target/diagram-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    d.window(1920, 1223);
    for (name, svg) in svgs.iter().filter(|(n, _)| {
        ["dk org", "no all", "se steering", "fi roles"].contains(&n.as_str()) || n.ends_with("fin_centre overlay all")
    }) {
        let one = tmp.path().join("one.html");
        let inline = &svg[svg.find("<svg").unwrap()..];
        std::fs::write(&one, format!("<!DOCTYPE html><html><body style=\"margin:0\"><div style=\"width:1920px;height:1080px\">{}</div></body></html>", inline.replacen("<svg ", "<svg style=\"width:100%;height:100%\" ", 1))).unwrap();
        d.open(&one);
        d.screenshot(&shots.join(format!("{}.png", name.replace(' ', "-"))));
    }
}
