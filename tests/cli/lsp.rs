//! `nordgov lsp` driven over stdio as an editor drives it (initialize, didOpen, didChange,
//! definition, references, completion, hover, rename, codeAction, shutdown), each answer
//! checked against the model; its diagnostics compared with `nordgov validate --format json`;
//! and, where Neovim is installed, Neovim's own client reading a diagnostic.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::common::{copy_dir, find_tool, nordgov, root};
use crate::lsp_client::{at, uri, Client};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_nordgov"))
}

/// A copy of the bundled models root (Denmark and the source texts) in a temporary directory.
fn dk_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let models = tmp.path().canonicalize().unwrap().join("models");
    copy_dir(&root().join("models/dk"), &models.join("dk"));
    copy_dir(&root().join("models/sources"), &models.join("sources"));
    (tmp, models)
}

/// The LSP position (line, UTF-16 column) of the `nth` occurrence of `needle` in `text`,
/// `shift` bytes into it. The needle is written with one space around `=`; the text may align
/// its keys (`fmt` pads them), so runs of spaces before and after `=` match one.
fn pos(text: &str, needle: &str, nth: usize, shift: usize) -> (usize, usize) {
    let (flat, origin) = one_space_around_equals(text);
    let start = flat.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle} #{nth}")).0;
    let at = origin[start + shift];
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().unwrap().encode_utf16().count();
    (line, col)
}

/// `text` with every ` +=` and `= +` reduced to ` =` / `= `, and for each byte of the result the
/// offset of the byte it came from (plus one entry for the end).
fn one_space_around_equals(text: &str) -> (String, Vec<usize>) {
    let (mut flat, mut origin) = (String::with_capacity(text.len()), Vec::with_capacity(text.len() + 1));
    let bytes = text.as_bytes();
    for (i, ch) in text.char_indices() {
        let squeezable = ch == ' ' && i > 0 && bytes[i - 1] == b' ';
        let before_eq = bytes[i..].iter().take_while(|&&b| b == b' ').count();
        let eq_follows = bytes.get(i + before_eq) == Some(&b'=');
        let after_eq = bytes[..i].iter().rev().take_while(|&&b| b == b' ').count();
        let eq_precedes = i > after_eq && bytes[i - after_eq - 1] == b'=';
        if squeezable && (eq_follows || eq_precedes) {
            continue;
        }
        for k in 0..ch.len_utf8() {
            origin.push(i + k);
        }
        flat.push(ch);
    }
    origin.push(text.len());
    (flat, origin)
}

/// `text` with the first occurrence of `needle` replaced by `with`, the needle matched as
/// [`pos`] matches it (aligned keys allowed).
fn replace_aligned(text: &str, needle: &str, with: &str) -> String {
    let (flat, origin) = one_space_around_equals(text);
    let start = flat.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    let (from, to) = (origin[start], origin[start + needle.len()]);
    format!("{}{with}{}", &text[..from], &text[to..])
}

/// The text a range of a location covers.
fn text_at(range: &Value) -> String {
    let file = PathBuf::from(range["uri"].as_str().unwrap().strip_prefix("file://").unwrap());
    let text = std::fs::read_to_string(file).unwrap();
    let r = &range["range"];
    let line = text.lines().nth(r["start"]["line"].as_u64().unwrap() as usize).unwrap();
    let units: Vec<u16> = line.encode_utf16().collect();
    let (s, e) = (r["start"]["character"].as_u64().unwrap() as usize, r["end"]["character"].as_u64().unwrap() as usize);
    String::from_utf16(&units[s..e]).unwrap()
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn an_editor_session_on_denmark() {
    let (_tmp, models) = dk_copy();
    let dk = models.join("dk");
    let (actors, roles) = (dk.join("actors.toml"), dk.join("roles.toml"));
    let scenario = dk.join("scenarios/digital_ministry_2022.toml");
    let actors_text = std::fs::read_to_string(&actors).unwrap();
    let roles_text = std::fs::read_to_string(&roles).unwrap();
    let mut c = Client::start(&bin(), &models, &models);
    c.open(&actors);
    c.open(&roles);
    c.sync();
    // Denmark is valid: no errors anywhere (warnings as the validator gives them).
    let all: Vec<Value> = c.diagnostics.values().flatten().cloned().collect();
    assert!(all.iter().all(|d| d["severity"] == 2), "{all:#?}");

    // Definition: `digst` in roles.toml leads to its [[actor]] in actors.toml.
    let (l, ch) = pos(&roles_text, "\"digst\"", 0, 2);
    let def = c.request("textDocument/definition", at(&roles, l, ch))["result"].clone();
    let def = def.as_array().unwrap();
    assert_eq!(def.len(), 1, "{def:?}");
    assert_eq!(def[0]["uri"], uri(&actors));
    assert_eq!(def[0]["range"]["start"]["line"], pos(&actors_text, "id = \"digst\"", 0, 0).0);
    assert_eq!(text_at(&def[0]), "digst");

    // References: every file that names DIGST, unopened ones and the scenario too.
    let mut params = at(&roles, l, ch);
    params["context"] = json!({ "includeDeclaration": true });
    let refs = c.request("textDocument/references", params)["result"].as_array().unwrap().clone();
    let files: std::collections::BTreeSet<String> =
        refs.iter().map(|r| r["uri"].as_str().unwrap().to_string()).collect();
    for f in ["actors.toml", "roles.toml", "relations.toml", "history.toml", "scenarios/digital_ministry_2022.toml"] {
        assert!(files.contains(&uri(&dk.join(f))), "{f} missing from {files:?}");
    }
    assert!(refs.iter().all(|r| text_at(r) == "digst"));

    // Completion: actors where an actor goes (name and kind as detail), vocabularies, documents.
    let (l, ch) = pos(&actors_text, "parent = \"fm_dk\"", 0, "parent = \"".len());
    let items = c.request("textDocument/completion", at(&actors, l, ch))["result"].clone();
    let digst = items.as_array().unwrap().iter().find(|i| i["label"] == "digst").expect("digst offered");
    assert_eq!(digst["detail"], "Danish Agency for Digitisation (agency)");
    let (l, ch) = pos(&actors_text, "kind = \"agency\"", 0, "kind = \"".len());
    let kinds: Vec<Value> = c.request("textDocument/completion", at(&actors, l, ch))["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].clone())
        .collect();
    assert!(kinds.contains(&json!("ministry")) && kinds.contains(&json!("agency")), "{kinds:?}");
    let (l, ch) = pos(&actors_text, "source = [\"nordic2017", 0, "source = [\"".len());
    let docs = c.request("textDocument/completion", at(&actors, l, ch))["result"].clone();
    assert!(docs.as_array().unwrap().iter().any(|i| i["label"] == "nordic2017"), "{docs}");

    // Hover: the actor's card in words; a source reference's cited lines.
    let (l, ch) = pos(&roles_text, "\"digst\"", 0, 2);
    let card = c.request("textDocument/hover", at(&roles, l, ch))["result"]["contents"]["value"].clone();
    let card = card.as_str().unwrap();
    assert!(card.contains("Danish Agency for Digitisation") && card.contains("Agency at the state level"), "{card}");
    assert!(card.contains("Digitaliseringsstyrelsen (Danish)") && card.contains("Roles:"), "{card}");
    for field in ["parent", "kind =", "level =", "name ="] {
        assert!(!card.contains(field), "{field} in {card}");
    }
    let (l, ch) = pos(&roles_text, "nordic2017:2389-2391", 0, 12);
    let cited = c.request("textDocument/hover", at(&roles, l, ch))["result"]["contents"]["value"].clone();
    let source = std::fs::read_to_string(models.join("sources/004_f5b30a6f7980108e.txt")).unwrap();
    let line_2389 = source.lines().nth(2388).unwrap().trim();
    assert!(cited.as_str().unwrap().contains(line_2389), "{cited}");
    assert!(cited.as_str().unwrap().contains("Struensee"), "{cited}");

    // An edit in actors.toml re-checks roles.toml: a misspelt id is an unknown actor there,
    // with the "did you mean" as a quick fix.
    let edited = replace_aligned(&actors_text, "id = \"digst\"", "id = \"digsts\"");
    c.change(&actors, 2, &edited);
    c.sync();
    let role_diags = c.diagnostics_of(&roles);
    let unknown = role_diags.iter().find(|d| d["code"] == "E0201").expect("E0201 in roles.toml");
    assert_eq!(unknown["severity"], 1);
    assert!(unknown["message"].as_str().unwrap().starts_with("unknown actor `digst`"), "{unknown}");
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri(&roles) }, "range": unknown["range"], "context": { "diagnostics": [unknown] } }),
    )["result"]
        .clone();
    let edit = &actions[0]["edit"]["changes"][uri(&roles)][0];
    assert_eq!(edit["newText"], "\"digsts\"", "{actions} {unknown}");
    assert_eq!(edit["range"], unknown["range"]);
    c.change(&actors, 3, &actors_text);
    c.sync();
    assert!(c.diagnostics_of(&roles).iter().all(|d| d["code"] != "E0201"));

    // Rename: refused onto an existing id; else one edit per reference, in every file.
    let (l, ch) = pos(&roles_text, "\"digst\"", 0, 2);
    let mut params = at(&roles, l, ch);
    params["newName"] = json!("kl");
    let refused = c.request("textDocument/rename", params.clone());
    assert!(refused["error"]["message"].as_str().unwrap().contains("exists already"), "{refused}");
    params["newName"] = json!("digital_agency");
    let rename = c.request("textDocument/rename", params)["result"]["changes"].clone();
    let edits: usize = rename.as_object().unwrap().values().map(|v| v.as_array().unwrap().len()).sum();
    assert_eq!(edits, refs.len());
    apply_edits(&rename);
    let (code, out) = crate::common::render(nordgov().arg("validate").arg(&dk));
    assert_eq!(code, 0, "{out}");
    let out_dir = models.join("applied");
    let applied = nordgov().args(["scenario", "apply"]).arg(&scenario).arg("-o").arg(&out_dir).output().unwrap();
    assert!(applied.status.success(), "{}", String::from_utf8_lossy(&applied.stderr));

    // The outline of roles.toml: one entry per [[role]], named in words.
    let symbols =
        c.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": uri(&roles) } }))["result"].clone();
    assert_eq!(symbols.as_array().unwrap().len(), roles_text.matches("[[role]]").count());
    assert_eq!(symbols[0]["name"], "strategy, national level");

    // An unknown method is the protocol's error, and the server goes on.
    let unknown = c.request("textDocument/inlayHint", at(&roles, 0, 0));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    c.shutdown();
}

/// Applies a rename's edits (single-line ranges) to the files on disk.
fn apply_edits(changes: &Value) {
    for (u, edits) in changes.as_object().unwrap() {
        let path = PathBuf::from(u.strip_prefix("file://").unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut edits = edits.as_array().unwrap().clone();
        edits.sort_by_key(|e| {
            std::cmp::Reverse((e["range"]["start"]["line"].as_u64(), e["range"]["start"]["character"].as_u64()))
        });
        for e in edits {
            let r = &e["range"];
            let line = &mut lines[r["start"]["line"].as_u64().unwrap() as usize];
            let mut units: Vec<u16> = line.encode_utf16().collect();
            let (s, t) =
                (r["start"]["character"].as_u64().unwrap() as usize, r["end"]["character"].as_u64().unwrap() as usize);
            units.splice(s..t, e["newText"].as_str().unwrap().encode_utf16());
            *line = String::from_utf16(&units).unwrap();
        }
        std::fs::write(&path, lines.join("\n")).unwrap();
    }
}

/// (file, line, column, code, severity, message and hints) of each of validate's diagnostics.
fn validate_json(dir: &Path) -> Vec<(String, u64, u64, String, String, String)> {
    let out = nordgov().args(["validate", "--format", "json"]).arg(dir).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut message = d["message"].as_str().unwrap().to_string();
            for h in d["hints"].as_array().unwrap() {
                message.push_str(&format!("\nhelp: {}", h.as_str().unwrap()));
            }
            let file = d["file"].as_str().unwrap_or_default().to_string();
            let (line, col) = (d["line"].as_u64().unwrap_or(1), d["column"].as_u64().unwrap_or(1));
            (file, line, col, d["code"].as_str().unwrap().into(), d["severity"].as_str().unwrap().into(), message)
        })
        .collect()
}

#[test]
fn diagnostics_are_validates_on_every_invalid_fixture() {
    let fixtures = root().join("tests/fixtures/invalid");
    let mut compared = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let dir = entry.unwrap().path().canonicalize().unwrap();
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        // E0108 needs command-line limits; E0301 and E0503 have no model to open.
        if name.starts_with("E0108") || name.starts_with("E0301") || name.starts_with("E0503") {
            continue;
        }
        let mut c = Client::start(&bin(), &dir, &dir);
        c.open(&dir.join("base.toml"));
        c.sync();
        let mut got = Vec::new();
        for (u, diags) in &c.diagnostics {
            let file = u.strip_prefix("file://").unwrap().to_string();
            for d in diags {
                let sev = if d["severity"] == 1 { "error" } else { "warning" };
                let (line, col) =
                    (d["range"]["start"]["line"].as_u64().unwrap(), d["range"]["start"]["character"].as_u64().unwrap());
                got.push((
                    file.clone(),
                    line + 1,
                    col + 1,
                    d["code"].as_str().unwrap().into(),
                    sev.into(),
                    d["message"].as_str().unwrap().into(),
                ));
            }
        }
        // An I/O problem without a span (a directory named *.toml) is shown at the start of the
        // model's first file: an editor cannot show a directory. Its message names the path.
        let io = |v: &mut Vec<(String, u64, u64, String, String, String)>| {
            v.iter_mut().filter(|d| d.3.starts_with("E05")).for_each(|d| (d.0, d.1, d.2) = (String::new(), 1, 1));
            v.sort();
        };
        io(&mut got);
        let mut want = validate_json(&dir);
        io(&mut want);
        assert_eq!(got, want, "{name}");
        assert!(!want.is_empty(), "{name}");
        compared += 1;
        c.shutdown();
    }
    assert!(compared >= 20, "{compared}");
}

#[test]
fn bad_input_keeps_the_server_serving() {
    let (_tmp, models) = dk_copy();
    let dk = models.join("dk");
    let (actors, roles) = (dk.join("actors.toml"), dk.join("roles.toml"));
    let roles_text = std::fs::read_to_string(&roles).unwrap();
    let mut c = Client::start(&bin(), &models, &models);
    c.open(&actors);
    c.open(&roles);
    // Half-typed: an unclosed string, then a missing `]`.
    let text = std::fs::read_to_string(&actors).unwrap();
    let broken = replace_aligned(&text, "parent = \"fm_dk\"", "parent = \"fm_d");
    c.change(&actors, 2, &broken);
    c.sync();
    let d = c.diagnostics_of(&actors);
    let syntax = d.iter().find(|d| d["code"] == "E0101").expect("E0101");
    assert_eq!(syntax["range"]["start"]["line"], pos(&broken, "parent = \"fm_d", 0, 0).0, "{syntax}");
    // The other file is still served: its id leads to the definition in the broken file,
    // which the parser recovered.
    let (l, ch) = pos(&roles_text, "\"digst\"", 0, 2);
    let def = c.request("textDocument/definition", at(&roles, l, ch))["result"].clone();
    assert_eq!(def[0]["uri"], uri(&actors), "{def}");
    // Renaming is refused while a file of the model does not parse.
    let mut params = at(&roles, l, ch);
    params["newName"] = json!("digital_agency");
    let refused = c.request("textDocument/rename", params);
    assert!(refused["error"]["message"].as_str().unwrap().contains("syntax error"), "{refused}");

    let unclosed =
        replace_aligned(&text, "aliases = [\"porteføljestyringsgruppen\"]", "aliases = [\"porteføljestyringsgruppen\"");
    c.change(&actors, 3, &unclosed);
    c.sync();
    let d = c.diagnostics_of(&actors);
    let syntax = d.iter().find(|d| d["code"] == "E0101").expect("E0101");
    let line = pos(&unclosed, "aliases = [\"porteføljestyringsgruppen\"", 0, 0).0;
    assert!([line, line + 1].contains(&(syntax["range"]["start"]["line"].as_u64().unwrap() as usize)), "{syntax}");
    // A file outside any model directory: schema-level checks only (an unknown key, not the
    // unknown parent it names).
    let loose = models.join("loose.toml");
    let text = "[[actor]]\nid = \"x\"\nname = { en = \"Økonomi\" }\nkind = \"agency\"\nlevel = \"state\"\nparent = \"nobody\"\ncolour = \"red\"\n";
    std::fs::write(&loose, text).unwrap();
    c.open(&loose);
    c.sync();
    assert_eq!(codes(&c.diagnostics_of(&loose)), ["E0102"]);
    c.shutdown();
}

#[test]
fn scenarios_are_checked_against_their_model_as_it_is_edited() {
    let (_tmp, models) = dk_copy();
    let dk = models.join("dk");
    let scenario = dk.join("scenarios/digital_ministry_2022.toml");
    let text = std::fs::read_to_string(&scenario).unwrap();
    let mut c = Client::start(&bin(), &models, &models);
    c.open_text(&scenario, &replace_aligned(&text, "actor = \"digst\"", "actor = \"digts\""));
    c.sync();
    let d = c.diagnostics_of(&scenario);
    assert_eq!(codes(&d), ["E0201"], "{d:#?}");
    assert!(d[0]["message"].as_str().unwrap().contains("did you mean `digst`?"), "{d:#?}");
    // Fixed in the scenario, then broken from the model: an actor added in actors.toml (not
    // saved) takes the id the scenario adds.
    let with_new = format!("{text}\n[[op]]\nop = \"add_actor\"\nid = \"new_body\"\nname = {{ en = \"New body\", da = \"Nyt organ\" }}\nkind = \"agency\"\nlevel = \"state\"\n");
    c.change(&scenario, 2, &with_new);
    c.sync();
    assert_eq!(codes(&c.diagnostics_of(&scenario)), Vec::<String>::new());
    let actors = dk.join("actors.toml");
    let actors_text = std::fs::read_to_string(&actors).unwrap();
    let added = "\n[[actor]]\nid = \"new_body\"\nname = { en = \"New body\", da = \"Nyt organ\" }\nkind = \"agency\"\nlevel = \"state\"\nparent = \"fm_dk\"\nsource = \"nordic2017:1\"\nconfidence = \"low\"\n";
    c.open_text(&actors, &format!("{actors_text}{added}"));
    c.sync();
    assert!(c.diagnostics_of(&actors).iter().all(|d| d["severity"] == 2), "{:#?}", c.diagnostics_of(&actors));
    let d = c.diagnostics_of(&scenario);
    assert_eq!(codes(&d), ["E0202"], "{d:#?}");
    c.shutdown();
}

#[test]
fn columns_are_utf16_after_non_ascii_text() {
    let (_tmp, models) = dk_copy();
    let roles = models.join("dk/roles.toml");
    let text = std::fs::read_to_string(&roles).unwrap();
    // A quoted holder id with Nordic letters, then a real one on the same line.
    let edited = replace_aligned(
        &text,
        "actors = [\"regjeringen_dk\", \"kl\", \"dr\"]",
        "actors = [\"þjóð_økonomi\", \"kl\", \"dr\"]",
    );
    let mut c = Client::start(&bin(), &models, &models);
    c.open_text(&roles, &edited);
    c.sync();
    let (l, ch) = pos(&edited, "\"kl\"", 0, 1);
    let def = c.request("textDocument/definition", at(&roles, l, ch))["result"].clone();
    assert_eq!(text_at(&def[0]), "kl", "{def}");
    let bad = c.diagnostics_of(&roles).into_iter().find(|d| d["code"] == "E0106" || d["code"] == "E0201").unwrap();
    let (l, ch) = pos(&edited, "\"þjóð_økonomi\"", 0, 0);
    assert_eq!(
        (
            bad["range"]["start"]["line"].as_u64().unwrap() as usize,
            bad["range"]["start"]["character"].as_u64().unwrap() as usize
        ),
        (l, ch),
        "{bad}"
    );
    assert_eq!(
        bad["range"]["end"]["character"].as_u64().unwrap() as usize,
        ch + "\"þjóð_økonomi\"".encode_utf16().count()
    );
    c.shutdown();
}

/// Neovim 0.7's built-in client opens a model with a misspelt parent and reads the diagnostic.
#[test]
fn neovim_reads_a_diagnostic() {
    let Some(nvim) = find_tool("NORDGOV_NVIM", &[PathBuf::from("nvim")]) else { return };
    let (_tmp, models) = dk_copy();
    let actors = models.join("dk/actors.toml");
    let text = std::fs::read_to_string(&actors).unwrap();
    std::fs::write(&actors, replace_aligned(&text, "parent = \"digst\"", "parent = \"digts\"")).unwrap();
    let out = models.join("nvim-diagnostics.txt");
    let script = models.join("lsp.lua");
    std::fs::write(
        &script,
        format!(
            r#"
local id = vim.lsp.start_client({{ name = "nordgov", cmd = {{ {bin:?}, "lsp" }}, root_dir = {root:?} }})
vim.cmd("edit " .. {file:?})
vim.lsp.buf_attach_client(0, id)
vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local lines = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format("%d:%d %s %s", d.lnum + 1, d.col + 1, d.code or "", d.message))
end
vim.fn.writefile(lines, {out:?})
vim.lsp.stop_client(id)
vim.cmd("qall!")
"#,
            bin = bin().display().to_string(),
            root = models.display().to_string(),
            file = actors.display().to_string(),
            out = out.display().to_string(),
        ),
    )
    .unwrap();
    let status = std::process::Command::new(nvim)
        .args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("HOME", models.as_os_str())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let got = std::fs::read_to_string(&out).unwrap_or_default();
    let line = pos(&text, "parent = \"digst\"", 0, 0).0 + 1;
    assert!(
        got.contains(&format!("{line}:10 E0201 unknown actor `digts`")) && got.contains("did you mean `digst`?"),
        "{got}\n{}",
        String::from_utf8_lossy(&status.stderr)
    );
}
