//! Helpers shared by the CLI tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A command running the built `nordgov` binary.
pub fn nordgov() -> Command {
    nordgov_at(assert_cmd::cargo::cargo_bin!("nordgov"))
}

/// A command running the nordgov binary at `bin` (another build, for before-and-after figures),
/// without colour.
pub fn nordgov_at(bin: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = Command::new(bin);
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `cmd` and renders exit code, stdout and stderr together for snapshots. Temporary paths
/// in it are the snapshot's to hide (`snapshot!(name, text, tmp = dir)`), so assertions see
/// the text as printed.
pub fn render(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().expect("nordgov runs");
    let code = out.status.code().unwrap_or(-1);
    let text = format!(
        "exit: {code}\n--- stdout\n{}--- stderr\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (code, text)
}

/// `text` as a regular expression that matches it literally (an insta filter for a path).
pub fn literal(text: &str) -> String {
    let mut re = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            re.push('\\');
        }
        re.push(c);
    }
    re
}

/// The model in directory `dir`, loaded as commands load it (panics with the diagnostics if it
/// is invalid).
pub fn load_model(dir: &Path) -> nordgov::model::Country {
    let mut db = nordgov::diagnostic::SourceDb::new();
    let md = nordgov::files::workspace::ModelDir { path: dir.to_path_buf(), name: dir.display().to_string() };
    let (c, d) = nordgov::files::workspace::load_model(&md, &mut db, &nordgov::load::Limits::default());
    c.unwrap_or_else(|| panic!("{}: {d:?}", md.name))
}

/// Copies the directory `from` to `to`, recursively (created as needed).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, dest).unwrap();
        }
    }
}

/// Whether tests that need external programs must not skip (set by the test script in CI).
pub fn tools_required() -> bool {
    std::env::var_os("NORDGOV_REQUIRE_TOOLS").is_some_and(|v| v == "1")
}

/// Finds an external program: `$NAME_ENV` if set, else `candidates` in order (a path, or a name
/// looked up on PATH). When it is missing the test is skipped with a visible message, unless
/// NORDGOV_REQUIRE_TOOLS=1 turns the skip into a failure.
pub fn find_tool(env: &str, candidates: &[PathBuf]) -> Option<PathBuf> {
    let from_env = std::env::var_os(env).map(PathBuf::from);
    // A tool counts as present when it can be started: some (taplo) exit non-zero on --version.
    let found = from_env
        .into_iter()
        .chain(candidates.iter().cloned())
        .find(|c| Command::new(c).arg("--version").stdin(std::process::Stdio::null()).output().is_ok());
    if found.is_none() {
        let msg =
            format!("SKIPPED: none of {candidates:?} (or ${env}) runs; install it or run the README's test command");
        assert!(!tools_required(), "{msg} (NORDGOV_REQUIRE_TOOLS=1 forbids skipping)");
        eprintln!("{msg}");
    }
    found
}

/// Snapshot settings: snapshots live in tests/cli/snapshots, named after the fixture. With
/// `tmp = dir`, the temporary directory `dir` is shown as `[TMP]` (an insta filter), so the
/// snapshot does not depend on where the test ran.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
    ($name:expr, $value:expr, tmp = $tmp:expr) => {{
        let tmp = $crate::common::literal(&std::path::Path::new($tmp).to_string_lossy());
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true, filters => [(tmp.as_str(), "[TMP]")] }, {
            insta::assert_snapshot!($name, $value);
        })
    }};
}

/// The ids of the bundled models' actors that have a name or an abbreviation to print instead,
/// leaving out ids that some actor's name, abbreviation or alias, or a level's description or
/// unit name, spells as a word (as written, in any language), so that finding one of them as a
/// word in output means an id was printed.
pub fn named_ids() -> std::collections::BTreeSet<String> {
    let mut ids = std::collections::BTreeSet::new();
    let mut words = std::collections::BTreeSet::new();
    for code in ["dk", "fi", "is", "no", "se"] {
        let c = load_model(&root().join("models").join(code));
        for a in c.actors.values() {
            let texts = a.name.iter().map(|(_, n)| n.to_string()).chain(a.abbr.clone()).chain(a.aliases.clone());
            for t in texts {
                words.extend(words_of(&t));
            }
            if a.abbr.is_some() || a.name.iter().next().is_some() {
                ids.insert(a.id.to_string());
            }
        }
        // Document and strategy titles are the sources' own words ("... ja maistraatit
        // yhdistyivät", "... mellom regjeringen og SKL").
        let prose = c
            .documents
            .values()
            .map(|d| d.title.clone())
            .chain(c.strategies.iter().flat_map(|s| s.documents.iter().map(|d| d.title.clone())));
        for t in prose {
            words.extend(words_of(&t));
        }
        // The levels' own words ("310 municipalities (kunnat)") are the model's text, not ids.
        for l in c.levels.values() {
            let periods = l.periods.iter().flat_map(|p| p.unit_name.iter().chain(&p.description));
            for t in l.unit_name.iter().chain(std::iter::once(&l.description)).chain(periods) {
                words.extend(words_of(t));
            }
        }
    }
    ids.retain(|id| !words.contains(id));
    ids
}

/// The words of `text`: runs of letters, digits and underscores (ids are such runs).
pub fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(String::from).collect()
}

/// The words of `text` that are bare ids from `ids`.
pub fn bare_ids(text: &str, ids: &std::collections::BTreeSet<String>) -> Vec<String> {
    words_of(text).into_iter().filter(|w| ids.contains(w)).collect()
}

/// The text a reader sees on an HTML page: without tags, without inline diagrams (`<svg>`), and
/// without the scripts and styles.
pub fn visible_text(html: &str) -> String {
    let mut s = html.to_string();
    for (open, close) in [("<svg", "</svg>"), ("<script", "</script>"), ("<style", "</style>")] {
        while let Some(start) = s.find(open) {
            let end = s[start..].find(close).map_or(s.len(), |e| start + e + close.len());
            s.replace_range(start..end, " ");
        }
    }
    let mut out = String::new();
    let mut in_tag = false;
    for ch in s.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
