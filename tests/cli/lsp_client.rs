//! A minimal LSP client, as an editor speaks to `nordgov lsp`: JSON-RPC with Content-Length
//! framing over the server's stdin and stdout. Shared by the integration test and the latency
//! benchmark (`benches/lsp.rs` includes this file).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long any answer may take before the client gives up (a hung server fails the test
/// instead of hanging it).
const PATIENCE: Duration = Duration::from_secs(120);

/// A running server and what it has said.
pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// The latest diagnostics published for each file address.
    pub diagnostics: BTreeMap<String, Vec<Value>>,
    /// How many diagnostics notifications arrived.
    pub published: usize,
}

impl Client {
    /// Starts `bin lsp` in `cwd` and initialises it with `root` as the workspace.
    pub fn start(bin: &Path, cwd: &Path, root: &Path) -> Client {
        let mut child = Command::new(bin)
            .arg("lsp")
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nordgov lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(m) = read_message(&mut r) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut c = Client { child, stdin, messages, next_id: 0, diagnostics: BTreeMap::new(), published: 0 };
        let init = c.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri(root), "capabilities": {
                "textDocument": { "hover": { "contentFormat": ["markdown"] } } } }),
        );
        assert!(init["result"]["capabilities"]["definitionProvider"].as_bool().unwrap_or(false), "{init}");
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write to the server");
        self.stdin.flush().expect("flush");
    }

    /// Sends a notification.
    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns the whole response (`result` or `error`), keeping the
    /// notifications that arrive before it.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.next_message(PATIENCE).unwrap_or_else(|| panic!("no answer to {method} within {PATIENCE:?}"));
            if m.get("id").and_then(Value::as_i64) == Some(id) && m.get("method").is_none() {
                return m;
            }
        }
    }

    /// The next message, recording diagnostics; `None` after `timeout`.
    pub fn next_message(&mut self, timeout: Duration) -> Option<Value> {
        match self.messages.recv_timeout(timeout) {
            Ok(m) => {
                if m["method"] == "textDocument/publishDiagnostics" {
                    let uri = m["params"]["uri"].as_str().unwrap_or_default().to_string();
                    let list = m["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
                    self.diagnostics.insert(uri, list);
                    self.published += 1;
                }
                Some(m)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Waits for the next diagnostics notification for `file`; returns the time it took.
    pub fn wait_diagnostics(&mut self, file: &Path) -> Duration {
        let start = Instant::now();
        let want = uri(file);
        loop {
            let m = self.next_message(PATIENCE).expect("diagnostics arrive");
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == want.as_str() {
                return start.elapsed();
            }
        }
    }

    /// Lets every notification caused so far arrive: the server publishes before it answers
    /// a request sent after the edits.
    pub fn sync(&mut self) {
        self.request("textDocument/documentSymbol", json!({ "textDocument": { "uri": "file:///nonexistent.toml" } }));
    }

    /// Opens `file` with its text on disk.
    pub fn open(&mut self, file: &Path) {
        let text = std::fs::read_to_string(file).expect("readable");
        self.open_text(file, &text);
    }

    /// Opens `file` with `text`.
    pub fn open_text(&mut self, file: &Path, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri(file), "languageId": "toml", "version": 1, "text": text } }),
        );
    }

    /// Replaces the whole text of `file`.
    pub fn change(&mut self, file: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(file), "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    /// Replaces characters `start..end` of line `line` in `file` with `text` (an incremental
    /// change, as editors send while typing).
    pub fn edit(&mut self, file: &Path, version: i64, line: usize, start: usize, end: usize, text: &str) {
        let range = json!({ "start": { "line": line, "character": start }, "end": { "line": line, "character": end } });
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri(file), "version": version },
                    "contentChanges": [{ "range": range, "text": text }] }),
        );
    }

    /// The latest diagnostics of `file`.
    pub fn diagnostics_of(&self, file: &Path) -> Vec<Value> {
        self.diagnostics.get(&uri(file)).cloned().unwrap_or_default()
    }

    /// Asks for shutdown, says exit, and waits for the process.
    pub fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "{status}");
    }
}

/// The `file:` address of a path.
pub fn uri(p: &Path) -> String {
    format!("file://{}", p.display()).replace(' ', "%20")
}

/// A text document position.
pub fn at(file: &Path, line: usize, character: usize) -> Value {
    json!({ "textDocument": { "uri": uri(file) }, "position": { "line": line, "character": character } })
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}
