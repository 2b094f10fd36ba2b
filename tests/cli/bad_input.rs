//! Malformed and hostile input: each case gives one clear diagnostic and exit 1 or 2, never a
//! panic or a partial model. Inputs too large to commit are generated here.

use std::path::Path;

use crate::common::{nordgov, render, root};
use crate::snapshot;

fn model_with(dir: &Path, name: &str, body: &[u8]) {
    std::fs::copy(root().join("tests/fixtures/invalid/E0201_unknown_actor/base.toml"), dir.join("base.toml")).unwrap();
    std::fs::write(dir.join(name), body).unwrap();
}

fn check(case: &str, dir: &Path, expected_code: &str, expected_exit: i32) {
    let (exit, out) = render(nordgov().arg("validate").arg(dir));
    assert_eq!(exit, expected_exit, "{case}\n{out}");
    assert!(out.contains(&format!("[{expected_code}]")), "{case}: expected {expected_code}\n{out}");
    assert_eq!(out.matches("error[").count(), 1, "{case}: one clear diagnostic\n{out}");
    assert!(!out.contains("panicked"), "{case}\n{out}");
    snapshot!(format!("bad_input_{case}"), out, tmp = dir);
}

#[test]
fn a_50_mb_string() {
    let tmp = tempfile::tempdir().unwrap();
    let mut body = b"[[finding]]\nkind = \"summary\"\ntext = \"".to_vec();
    body.extend(std::iter::repeat_n(b'a', 50 * 1024 * 1024));
    body.extend(b"\"\n");
    model_with(tmp.path(), "big.toml", &body);
    check("50mb_string", tmp.path(), "E0108", 1);
}

#[test]
fn ten_thousand_deep_nesting() {
    let tmp = tempfile::tempdir().unwrap();
    let body = format!("x = {}1{}\n", "[".repeat(10_000), "]".repeat(10_000));
    model_with(tmp.path(), "deep.toml", body.as_bytes());
    check("deep_arrays", tmp.path(), "E0101", 1);
    let tmp = tempfile::tempdir().unwrap();
    let body = format!("[{}]\n", vec!["a"; 10_000].join("."));
    model_with(tmp.path(), "deep.toml", body.as_bytes());
    check("deep_tables", tmp.path(), "E0101", 1);
}

#[test]
fn binary_garbage() {
    let tmp = tempfile::tempdir().unwrap();
    // A fixed pseudo-random byte soup (no RNG dependency): not UTF-8, with NULs.
    let body: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    model_with(tmp.path(), "garbage.toml", &body);
    check("binary_garbage", tmp.path(), "E0107", 1);
}

#[test]
fn truncated_model_file() {
    let tmp = tempfile::tempdir().unwrap();
    let full = std::fs::read_to_string(root().join("tests/fixtures/invalid/E0201_unknown_actor/base.toml")).unwrap();
    std::fs::write(tmp.path().join("base.toml"), &full[..full.len() * 2 / 3]).unwrap();
    let (exit, out) = render(nordgov().arg("validate").arg(tmp.path()));
    assert_eq!(exit, 1, "{out}");
    assert!(out.contains("[E0101]") || out.contains("[E0104]"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop() {
    let tmp = tempfile::tempdir().unwrap();
    model_with(tmp.path(), "ok.toml", b"");
    std::os::unix::fs::symlink("loop.toml", tmp.path().join("loop.toml")).unwrap();
    check("symlink_loop_file", tmp.path(), "E0501", 2);

    // A models root with a link back to itself.
    let root_dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(root_dir.path().join("dk")).unwrap();
    model_with(&root_dir.path().join("dk"), "ok.toml", b"");
    std::os::unix::fs::symlink(".", root_dir.path().join("loop")).unwrap();
    let (exit, out) = render(nordgov().arg("validate").arg(root_dir.path()));
    assert_eq!(exit, 2, "{out}");
    assert!(out.contains("[E0502]"), "{out}");
}

#[test]
fn an_unreadable_file() {
    // A directory named like a model file cannot be read as one, even by root (which ignores
    // permission bits, so chmod 000 would not test anything under CI).
    let tmp = tempfile::tempdir().unwrap();
    model_with(tmp.path(), "ok.toml", b"");
    std::fs::create_dir(tmp.path().join("unreadable.toml")).unwrap();
    check("unreadable_file", tmp.path(), "E0501", 2);
}

#[test]
fn usage_errors_exit_2() {
    let out = nordgov().args(["validate", "--deny", "everything"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = nordgov().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = nordgov().args(["--models", "tests/fixtures", "validate", "dkk"]).current_dir(root()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("[E0503]"), "{err}");
}

/// A hostile file cannot drive the terminal: control characters and bidirectional overrides in
/// the input never reach stderr raw, neither in the quoted source line nor in messages.
#[test]
fn terminal_escapes_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let body = "# \u{1b}[31mred\u{1b}[0m \u{202e}reversed\n[[relation]]\nfrom = \"\u{1b}]0;pwned\u{7}\"\ntype = \"advises\"\nto = \"digst\"\n";
    model_with(tmp.path(), "hostile.toml", body.as_bytes());
    let out = nordgov().arg("validate").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\u{202e}'), "{err:?}");
    assert!(err.contains("[E0101]") || err.contains("[E0201]"), "{err}");
}

#[test]
fn more_actors_than_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("big");
    let out = nordgov().args(["synth", "--actors", "200", "-o"]).arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (exit, out) = render(nordgov().arg("validate").arg(&dir).args(["--max-actors", "150"]));
    assert_eq!(exit, 1, "{out}");
    assert_eq!(out.matches("error[").count(), 1, "one clear diagnostic\n{out}");
    snapshot!("bad_input_too_many_actors", out, tmp = tmp.path());
    let (exit, out) = render(nordgov().arg("validate").arg(&dir).args(["--max-actors", "200"]));
    assert_eq!(exit, 0, "{out}");
}

#[test]
fn a_scenario_with_a_million_operations() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = String::from("[scenario]\nname = \"huge\"\nbase = \"no\"\n");
    for _ in 0..1_000_000 {
        text.push_str("[[op]]\nop = \"remove_actor\"\nactor = \"difi\"\n");
    }
    let file = tmp.path().join("huge.toml");
    std::fs::write(&file, text).unwrap();
    let (exit, out) = render(nordgov().current_dir(root()).arg("diff").arg(&file).arg("no"));
    assert_eq!(exit, 1, "{out}");
    assert_eq!(out.matches("error[").count(), 1, "one clear diagnostic\n{out}");
    snapshot!("bad_input_million_ops", out, tmp = tmp.path());
}
