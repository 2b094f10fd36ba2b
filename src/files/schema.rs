//! The JSON Schema of the model format, generated from the raw types the loader reads, so the
//! schema editors use and the loader cannot disagree. `models/nordgov.schema.json` is this
//! output, committed; a test keeps the two equal.

use schemars::generate::SchemaSettings;

use crate::load::raw::RawFile;

/// The schema as pretty-printed JSON with a trailing newline.
pub fn json_schema() -> String {
    let settings = SchemaSettings::draft07();
    let mut schema = settings.into_generator().into_root_schema_for::<RawFile>();
    schema.insert("title".into(), "nordgov country model file".into());
    schema.insert(
        "description".into(),
        "One file of a nordgov country model. A model is a directory of such files; each may hold any sections. See README.md, 'The model format'.".into(),
    );
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
