//! `nordgov lsp`: a Language Server Protocol server over stdio, so editors show the model's
//! diagnostics as one types and navigate between actors, levels and documents.
//!
//! The server is synchronous (`lsp-server`, the crate rust-analyzer runs on): one loop reads
//! messages, applies every edit that has arrived, re-checks the units they touched with the
//! loader and validator as `nordgov validate` runs them ([`state`]), publishes the diagnostics,
//! then answers the requests that came with the edits from the fresh state. Edits arriving
//! while a check runs are applied together before the next one, so a fast typist never queues
//! a check per key.
//!
//! - [`state`]: open texts over disk files, units (a model directory and its scenarios).
//! - [`index`]: where each id is defined and used in a file.
//! - [`diagnostics`]: nordgov's diagnostics as LSP diagnostics.
//! - [`navigate`]: definition, references, rename, outline; [`complete`]; [`hover`] (and quick
//!   fixes).
//! - [`text`]: byte offsets to UTF-16 positions and back.

pub mod complete;
pub mod diagnostics;
pub mod hover;
pub mod index;
pub mod navigate;
pub mod state;
pub mod text;

use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{notification as n, request as r};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::load::Limits;
use state::State;

/// What the server can do, as the `initialize` answer says it.
pub fn capabilities() -> lsp_types::ServerCapabilities {
    use lsp_types::*;
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..TextDocumentSyncOptions::default()
        })),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "=".into(), "[".into(), ",".into(), " ".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves on stdio until the client says `exit`.
pub fn run_stdio(limits: Limits) -> Result<(), String> {
    let (connection, io) = Connection::stdio();
    serve(&connection, limits)?;
    drop(connection);
    io.join().map_err(|e| e.to_string())
}

/// Serves one client on `connection`: the handshake, then the message loop until `exit`.
pub fn serve(connection: &Connection, limits: Limits) -> Result<(), String> {
    let caps = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    connection.initialize(caps).map_err(|e| e.to_string())?;
    let mut state = State::new(limits);
    loop {
        let Ok(first) = connection.receiver.recv() else { return Ok(()) };
        let mut batch = vec![first];
        batch.extend(connection.receiver.try_iter());
        let mut requests = Vec::new();
        for msg in batch {
            match msg {
                Message::Request(req) => {
                    if connection.handle_shutdown(&req).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    requests.push(req);
                }
                Message::Notification(note) => {
                    if note.method == n::Exit::METHOD {
                        return Ok(());
                    }
                    notify(&mut state, note);
                }
                Message::Response(_) => {}
            }
        }
        publish(connection, &mut state)?;
        for req in requests {
            let resp = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(&state, &req)))
                .unwrap_or_else(|_| err(req.id.clone(), ErrorCode::InternalError, "the server failed on this request"));
            connection.sender.send(Message::Response(resp)).map_err(|e| e.to_string())?;
        }
    }
}

/// Checks what changed and sends the diagnostics of every file whose list may have changed.
fn publish(connection: &Connection, state: &mut State) -> Result<(), String> {
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| state.check_dirty())).unwrap_or_default();
    for (path, diags) in out.files {
        if diags.is_empty() && !state.with_diagnostics.remove(&path) {
            continue;
        }
        if !diags.is_empty() {
            state.with_diagnostics.insert(path.clone());
        }
        let Some(uri) = state.uri(&path) else { continue };
        let params = lsp_types::PublishDiagnosticsParams { uri, diagnostics: diags, version: None };
        let note = Notification::new(n::PublishDiagnostics::METHOD.to_string(), params);
        connection.sender.send(Message::Notification(note)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn path_of(url: &lsp_types::Url) -> Option<PathBuf> {
    State::path_of(url)
}

/// Applies a notification to the state; unknown ones are ignored, as the protocol asks.
fn notify(state: &mut State, note: Notification) {
    match note.method.as_str() {
        n::DidOpenTextDocument::METHOD => {
            if let Some(p) = params::<lsp_types::DidOpenTextDocumentParams>(note.params) {
                if let Some(path) = path_of(&p.text_document.uri) {
                    state.open(p.text_document.uri, path, p.text_document.text);
                }
            }
        }
        n::DidChangeTextDocument::METHOD => {
            if let Some(p) = params::<lsp_types::DidChangeTextDocumentParams>(note.params) {
                if let Some(path) = path_of(&p.text_document.uri) {
                    state.change(&path, |text| {
                        for c in &p.content_changes {
                            text::apply_change(text, c);
                        }
                    });
                }
            }
        }
        n::DidCloseTextDocument::METHOD => {
            if let Some(p) = params::<lsp_types::DidCloseTextDocumentParams>(note.params) {
                if let Some(path) = path_of(&p.text_document.uri) {
                    state.close(&path);
                }
            }
        }
        n::DidChangeWatchedFiles::METHOD => {
            if let Some(p) = params::<lsp_types::DidChangeWatchedFilesParams>(note.params) {
                let paths: Vec<PathBuf> = p.changes.iter().filter_map(|c| path_of(&c.uri)).collect();
                state.disk_changed(&paths);
            }
        }
        _ => {}
    }
}

fn params<P: DeserializeOwned>(v: Value) -> Option<P> {
    serde_json::from_value(v).ok()
}

fn err(id: RequestId, code: ErrorCode, message: &str) -> Response {
    Response::new_err(id, code as i32, message.to_string())
}

fn ok<T: serde::Serialize>(id: RequestId, value: T) -> Response {
    Response::new_ok(id, value)
}

/// Answers one request from the state.
fn answer(state: &State, req: &Request) -> Response {
    let id = req.id.clone();
    macro_rules! with {
        ($t:ty, |$p:ident| $body:expr) => {
            match serde_json::from_value::<$t>(req.params.clone()) {
                Ok($p) => $body,
                Err(e) => err(id, ErrorCode::InvalidParams, &e.to_string()),
            }
        };
    }
    let at = |d: &lsp_types::TextDocumentPositionParams| path_of(&d.text_document.uri).unwrap_or_default();
    match req.method.as_str() {
        r::GotoDefinition::METHOD => with!(lsp_types::GotoDefinitionParams, |p| {
            let pp = &p.text_document_position_params;
            let locs = navigate::definition(state, &at(pp), pp.position);
            ok(id, lsp_types::GotoDefinitionResponse::Array(locs))
        }),
        r::References::METHOD => with!(lsp_types::ReferenceParams, |p| {
            let pp = &p.text_document_position;
            ok(id, navigate::references(state, &at(pp), pp.position, p.context.include_declaration))
        }),
        r::HoverRequest::METHOD => with!(lsp_types::HoverParams, |p| {
            let pp = &p.text_document_position_params;
            let hover = hover::hover(state, &at(pp), pp.position).map(|text| lsp_types::Hover {
                contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                    kind: lsp_types::MarkupKind::Markdown,
                    value: text,
                }),
                range: None,
            });
            ok(id, hover)
        }),
        r::Completion::METHOD => with!(lsp_types::CompletionParams, |p| {
            let pp = &p.text_document_position;
            ok(id, lsp_types::CompletionResponse::Array(complete::complete(state, &at(pp), pp.position)))
        }),
        r::PrepareRenameRequest::METHOD => with!(lsp_types::TextDocumentPositionParams, |p| {
            match navigate::prepare_rename(state, &at(&p), p.position) {
                Ok(range) => ok(id, lsp_types::PrepareRenameResponse::Range(range)),
                Err(m) => err(id, ErrorCode::RequestFailed, &m),
            }
        }),
        r::Rename::METHOD => with!(lsp_types::RenameParams, |p| {
            let pp = &p.text_document_position;
            match navigate::rename(state, &at(pp), pp.position, &p.new_name) {
                Ok(edit) => ok(id, edit),
                Err(m) => err(id, ErrorCode::RequestFailed, &m),
            }
        }),
        r::CodeActionRequest::METHOD => with!(lsp_types::CodeActionParams, |p| {
            let path = path_of(&p.text_document.uri).unwrap_or_default();
            ok(id, hover::code_actions(state, &path, &p.text_document.uri, &p.context.diagnostics))
        }),
        r::DocumentSymbolRequest::METHOD => with!(lsp_types::DocumentSymbolParams, |p| {
            let path = path_of(&p.text_document.uri).unwrap_or_default();
            let symbols = state.doc(&path).map(|(d, _)| navigate::symbols(d)).unwrap_or_default();
            ok(id, lsp_types::DocumentSymbolResponse::Nested(symbols))
        }),
        other => err(id, ErrorCode::MethodNotFound, &format!("nordgov lsp does not handle `{other}`")),
    }
}
