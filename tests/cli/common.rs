//! Helpers shared by the CLI tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A command running the built `nordgov` binary.
pub fn nordgov() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("nordgov"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs `cmd` and renders exit code, stdout and stderr together for snapshots, with `strip`
/// (a temporary directory) replaced by `[TMP]`.
pub fn render(cmd: &mut Command, strip: Option<&Path>) -> (i32, String) {
    let out = cmd.output().expect("nordgov runs");
    let code = out.status.code().unwrap_or(-1);
    let mut text = format!(
        "exit: {code}\n--- stdout\n{}--- stderr\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if let Some(p) = strip {
        text = text.replace(&p.to_string_lossy().to_string(), "[TMP]");
    }
    (code, text)
}

/// The model in directory `dir`, loaded as commands load it (panics with the diagnostics if it
/// is invalid).
pub fn load_model(dir: &Path) -> nordgov::model::Country {
    let mut db = nordgov::diagnostic::SourceDb::new();
    let md = nordgov::workspace::ModelDir { path: dir.to_path_buf(), name: dir.display().to_string() };
    let (c, d) = nordgov::workspace::load_model(&md, &mut db, &nordgov::load::Limits::default());
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

/// Snapshot settings: snapshots live in tests/cli/snapshots, named after the fixture.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}
