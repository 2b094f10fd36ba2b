//! The README's tutorial, run as written: every `sh` block marked `<!-- tutorial -->`, in order,
//! in a scratch directory holding a copy of the bundled models as `nordic/`, with the built
//! `nordgov` first on PATH.

use std::path::Path;

use crate::common::{copy_dir, root};

/// The tutorial's shell blocks, in order.
fn blocks(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = readme.lines();
    while let Some(l) = lines.next() {
        if l.trim() != "<!-- tutorial -->" {
            continue;
        }
        assert_eq!(lines.next().map(str::trim), Some("```sh"), "a tutorial marker must precede a sh block");
        let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        out.push(body.join("\n"));
    }
    out
}

#[test]
fn the_readme_tutorial_runs_as_written() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks = blocks(&readme);
    assert!(blocks.len() >= 5, "{} tutorial blocks", blocks.len());
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&root().join("models"), &tmp.path().join("nordic"));
    let bin = Path::new(env!("CARGO_BIN_EXE_nordgov")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    for (i, block) in blocks.iter().enumerate() {
        let out = std::process::Command::new("bash")
            .args(["-euo", "pipefail", "-c", block])
            .current_dir(tmp.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tutorial block {} failed:\n{block}\n--- stdout\n{}\n--- stderr\n{}",
            i + 1,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for f in ["no-org.svg", "difi-to-finance.toml", "no-difi-fin/actors.toml", "what-if.svg"] {
        assert!(tmp.path().join(f).exists(), "the tutorial did not produce {f}");
    }
}
