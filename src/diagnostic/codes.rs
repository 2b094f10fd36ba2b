//! The registry of diagnostic codes.
//!
//! Ranges: E01xx syntax and schema, E02xx references, E03xx structure, W04xx warnings, E05xx
//! input/output. A code is never reused for another meaning; retired codes stay listed.

use std::fmt;

use serde::Serialize;

use super::Severity;

/// Everything `nordgov explain` says about a code.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// The code as printed (`E0201`).
    pub id: &'static str,
    /// A kebab-case name (`unknown-actor`).
    pub name: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What the code means.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A minimal TOML example that triggers it.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

macro_rules! codes {
    ($($variant:ident => $id:literal, $name:literal, $sev:ident, $summary:literal, $why:literal, $example:literal, $fix:literal;)+) => {
        /// A stable diagnostic code (each variant documented by its summary, written for the
        /// terminal, where `[documents]` names a table and not a link).
        #[allow(rustdoc::broken_intra_doc_links)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $summary] $variant,)+
        }

        impl Code {
            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// What the code means and how to fix it.
            pub fn info(self) -> CodeInfo {
                match self {
                    $(Code::$variant => CodeInfo {
                        id: $id,
                        name: $name,
                        severity: Severity::$sev,
                        summary: $summary,
                        why: $why,
                        example: $example,
                        fix: $fix,
                    },)+
                }
            }
        }
    };
}

codes! {
    E0101 => "E0101", "toml-syntax", Error,
        "The file is not valid TOML.",
        "nordgov cannot read any fact from a file it cannot parse; a truncated file or a missing quote usually causes this.",
        "[[actor]]\nid = \"digst\nname = { en = \"Agency for Digitisation\" }",
        "Fix the syntax at the position shown (close the string, the bracket or the table).";
    E0102 => "E0102", "unknown-key", Error,
        "The file uses a key the model format does not have.",
        "A misspelt key would otherwise be ignored silently and its fact lost.",
        "[[actor]]\nid = \"digst\"\nlevle = \"national\"",
        "Use one of the keys listed in the message (`nordgov schema` prints them all).";
    E0103 => "E0103", "invalid-type", Error,
        "A value has the wrong type (a number where text is expected, a table where a list is expected).",
        "The model format is typed so that every later stage can rely on it.",
        "[[actor]]\nid = 42",
        "Write the value in the type the message names.";
    E0104 => "E0104", "missing-key", Error,
        "A required key is missing.",
        "Some facts are meaningless without certain fields, such as an actor without an id or a level.",
        "[[actor]]\nname = { en = \"Agency for Digitisation\" }",
        "Add the key the message names.";
    E0105 => "E0105", "unknown-term", Error,
        "A value is not a term of its vocabulary (level, role, instrument, actor kind, relation type, qualifier, ...).",
        "The framework's vocabularies are closed so that countries can be compared cell by cell.",
        "[[actor]]\nid = \"digst\"\nkind = \"agency\"\nlevel = \"nationl\"",
        "Use one of the terms listed in the message; `nordgov schema` lists every vocabulary.";
    E0106 => "E0106", "invalid-value", Error,
        "A value is malformed: an id with characters outside a-z, 0-9 and _, a source reference that is not `document:lines`, an impossible number.",
        "Ids end up in file names, diagrams and links; source references must point at real lines.",
        "[[actor]]\nid = \"Digst-Agency\"",
        "Correct the value as the message says.";
    E0107 => "E0107", "not-utf8", Error,
        "The file is not UTF-8 text.",
        "Model files are TOML, which is UTF-8; a binary or mis-encoded file cannot hold a model.",
        "(a file saved as Latin-1, or a binary file named *.toml)",
        "Save the file as UTF-8, or remove it from the model directory.";
    E0108 => "E0108", "limit-exceeded", Error,
        "The input exceeds a safety limit (file size, text length, number of files or actors).",
        "Limits keep a hostile or broken file from exhausting memory or time.",
        "(a 50 MB string in a name)",
        "Shorten the input, or raise the limit with the option the message names if the input is genuine.";
    E0201 => "E0201", "unknown-actor", Error,
        "A reference names an actor id that the model does not define.",
        "A dangling reference would silently drop a role, relation or steering fact.",
        "[[relation]]\nfrom = \"digts\"\ntype = \"reports_to\"\nto = \"fm\"",
        "Correct the id (see the suggestion) or define the actor.";
    E0202 => "E0202", "duplicate-definition", Error,
        "The same thing is defined twice: an actor id, a level, a document, the country, a steering slide.",
        "Ids are unique per country, across all files of the model directory.",
        "[[actor]]\nid = \"digst\"\n# ...\n[[actor]]\nid = \"digst\"",
        "Remove one definition or give it another id.";
    E0203 => "E0203", "unknown-document", Error,
        "A source reference names a document that is not declared under [documents].",
        "Provenance must resolve to a document an analyst can open.",
        "[[actor]]\nid = \"digst\"\nsource = \"nordic2071:178\"",
        "Declare the document under [documents.ID] or correct the id.";
    E0301 => "E0301", "missing-country", Error,
        "The model has no [country] table.",
        "Every model must say which country it describes.",
        "# a model directory whose files have no [country] table",
        "Add a [country] table with code and name to one file.";
    E0302 => "E0302", "hierarchy-cycle", Error,
        "The organisational hierarchy (parent, reports_to, owned_by, part_of) contains a cycle.",
        "A body cannot be above itself; charts and reporting chains need a hierarchy without cycles.",
        "[[actor]]\nid = \"a\"\nparent = \"b\"\n[[actor]]\nid = \"b\"\nparent = \"a\"",
        "Remove or redirect one of the links named in the message.";
    E0303 => "E0303", "missing-level", Error,
        "A fact is placed at a level the country does not have.",
        "The role matrix and diagrams are drawn per level; a fact at a missing level has nowhere to go.",
        "[levels.regional]\npresent = false\n# ...\n[[actor]]\nid = \"x\"\nlevel = \"regional\"",
        "Move the fact to a level the country has, or describe the level under [levels].";
    E0304 => "E0304", "invalid-date-range", Error,
        "valid_to is before valid_from.",
        "A fact that ends before it begins cannot hold on any date, so --as-of would silently drop it.",
        "[[actor]]\nid = \"difi\"\nvalid_from = 2008-01-01\nvalid_to = 2007-12-31",
        "Swap or correct the dates.";
    E0305 => "E0305", "self-relation", Error,
        "A relation or parent link points from an actor to itself.",
        "Such a relation says nothing and distorts network metrics.",
        "[[relation]]\nfrom = \"kl\"\ntype = \"advises\"\nto = \"kl\"",
        "Point the relation at the intended other actor.";
    W0401 => "W0401", "orphan-actor", Warning,
        "An actor appears in no role cell, relation, steering fact, strategy or resource.",
        "An actor connected to nothing is usually a leftover or a missing fact.",
        "[[actor]]\nid = \"lonely\"  # referenced nowhere",
        "Add the facts that connect it, or remove it.";
    W0402 => "W0402", "empty-role-cell", Warning,
        "A cell of the role matrix (a level the country has x a role) has no holder.",
        "The report fills every cell; an empty cell usually means a transcription gap.",
        "# no [[role]] entry for level = \"local\", role = \"operation\"",
        "Add a [[role]] entry for the cell, citing the source.";
    W0403 => "W0403", "missing-provenance", Warning,
        "A fact has no source.",
        "Country models are content analysts rely on: every fact must be traceable to file and lines.",
        "[[actor]]\nid = \"digst\"  # no source = \"...\"",
        "Add source = \"DOCUMENT:LINES\" (and a confidence).";
    W0404 => "W0404", "missing-confidence", Warning,
        "A fact has a source but no confidence.",
        "Readers need to know which facts were read directly and which were reconstructed.",
        "[[actor]]\nid = \"digst\"\nsource = \"nordic2017:178\"",
        "Add confidence = \"high\", \"medium\" or \"low\".";
    W0405 => "W0405", "missing-name", Warning,
        "An actor lacks its English name or its name in the country's native language.",
        "Outputs fall back to another language, which confuses readers of mixed-language tables.",
        "[[actor]]\nid = \"digst\"\nname = { da = \"Digitaliseringsstyrelsen\" }",
        "Add the missing name under name = { en = ..., <native> = ... }.";
    W0406 => "W0406", "duplicate-relation", Warning,
        "The same relation (from, type, to) is stated twice, or repeats an actor's parent link.",
        "Duplicated edges double-count in network metrics.",
        "[[actor]]\nid = \"digst\"\nparent = \"fm\"\n[[relation]]\nfrom = \"digst\"\ntype = \"reports_to\"\nto = \"fm\"",
        "Remove the repetition, or merge the two statements' sources.";
    E0501 => "E0501", "io-error", Error,
        "A file or directory could not be read.",
        "nordgov reports what it could not read instead of working on part of a model.",
        "(a file without read permission, a symlink loop)",
        "Check the path and its permissions.";
    E0502 => "E0502", "symlink-escape", Error,
        "A symbolic link in the model directory points outside it (or back at it).",
        "Reading through such links could load files the user never meant to include.",
        "models/dk/extra.toml -> /etc/passwd",
        "Copy the file into the model directory instead of linking it.";
    E0503 => "E0503", "no-model", Error,
        "The path or country code names no model.",
        "A command needs a directory holding *.toml model files, or a country code found under --models.",
        "nordgov validate dkk",
        "Use a country code listed under the models directory (see the suggestion) or a path to a model directory.";
}

impl Code {
    /// The code as printed, e.g. `E0201`.
    pub fn as_str(self) -> &'static str {
        self.info().id
    }

    /// Looks a code up by its printed form or its name, case-insensitively.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| {
            let i = c.info();
            i.id.eq_ignore_ascii_case(s) || i.name.eq_ignore_ascii_case(s)
        })
    }

    /// Whether the code reports an input/output failure rather than a problem in the model,
    /// which decides between exit codes 2 and 1.
    pub fn is_io(self) -> bool {
        matches!(self, Code::E0501 | Code::E0502 | Code::E0503)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_variants_and_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            let info = c.info();
            assert_eq!(format!("{c:?}"), info.id);
            assert!(seen.insert(info.name), "duplicate name {}", info.name);
            let warning = info.id.starts_with('W');
            assert_eq!(warning, info.severity == Severity::Warning, "{}", info.id);
        }
        assert_eq!(Code::parse("unknown-actor"), Some(Code::E0201));
        assert_eq!(Code::parse("e0201"), Some(Code::E0201));
    }
}
