//! `nordgov new`: the files of an empty country model, with every level and a comment on every
//! field. The lists of terms in the comments come from the vocabularies, so a scaffold always
//! names the terms the validator accepts.

use crate::files::print::SCHEMA_LINE;
use crate::model::{
    ActorKind, Confidence, Lang, Level, LevelCharacter, Participation, Portfolio, Qualifier, RelationType, Role,
    Standing, Vocabulary,
};

/// `keys` of a vocabulary, comma-separated.
fn terms<V: Vocabulary>() -> String {
    V::keys().join(", ")
}

/// A TOML string literal.
fn lit(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The model files of a new country `code` named `name` (in English) whose first native
/// language is `lang`: `country.toml` (country, a source document, every level), and
/// `actors.toml` with commented examples, and `roles.toml` with an empty entry for every level
/// and role. The result validates, with a warning for each role cell still empty.
pub fn files(code: &str, name: &str, lang: Lang) -> Vec<(String, String)> {
    let mut country = format!(
        "{SCHEMA_LINE}\n# {name} ({code}): the country, its administrative levels and the documents facts cite.\n\
         # Every fact carries `source = \"DOCUMENT:LINES\"` (a document declared below, and the lines\n\
         # that state the fact) and `confidence` ({conf}). Mark a fact read from a flattened table as\n\
         # `reconstructed = true` and say how in `note`.\n\n\
         # A source document. `file` names its text under the models' sources/ directory (optional:\n\
         # the report then links every cited line).\n\
         [documents.source]\ntitle = \"TODO: the document the facts come from\"\n\n\
         [country]\ncode = {code_lit}\n\
         # Names per language ({langs}): English and the native languages.\n\
         name = {{ en = {name_lit} }}\n\
         # The native languages, the first one primary.\nlanguages = [\"{lang}\"]\n\
         source = \"source\"\nconfidence = \"low\"\n",
        conf = terms::<Confidence>(),
        code_lit = lit(code),
        langs = terms::<Lang>(),
        name_lit = lit(name),
        lang = lang.key(),
    );
    country.push_str(
        "\n# The administrative levels, top to bottom. Keep a level the country does not have with\n\
         # `present = false` and say why in its description. `units` and `unit_name` count its bodies\n\
         # (98 municipalities); `character` says what they are ({characters}).\n",
    );
    country = country.replace("{characters}", &terms::<LevelCharacter>());
    for l in Level::ALL {
        country.push_str(&format!(
            "\n[levels.{key}]\n# {desc}\ndescription = \"TODO: what the {key} level consists of\"\nsource = \"source\"\nconfidence = \"low\"\n",
            key = l.key(),
            desc = l.describe(),
        ));
    }
    let actors = format!(
        "{SCHEMA_LINE}\n# The actors: ministries, agencies, councils, associations, joint companies...\n\
         # id: lowercase a-z, 0-9 and _, unique in the country; references use ids.\n\
         # kind: {kinds}.\n\
         # level: {levels}.\n\
         # parent: the actor it hangs under; parent_relation: reports_to (default), owned_by or part_of.\n\
         # Optional: abbr, aliases, member_of = [ids], central = true (the digitalisation centre),\n\
         # valid_from / valid_to (a date or a year), note, reconstructed.\n\
         # A ministry's portfolio ({portfolios}); a forum's or council's standing ({standings})\n\
         # and participation ({participations}). Each may be a table with its own source:\n\
         # portfolio = {{ value = \"finance\", source = \"source:5\", confidence = \"high\" }}.\n\n\
         # [[actor]]\n# id = \"ministry_of_finance\"\n# name = {{ en = \"Ministry of Finance\" }}\n\
         # kind = \"ministry\"\n# level = \"state\"\n# portfolio = \"finance\"\n# source = \"source:1-2\"\n# confidence = \"high\"\n\n\
         # Relations between actors, read `from <type> to`. type: {relations}.\n\n\
         # [[relation]]\n# from = \"digitalisation_agency\"\n# type = \"advises\"\n# to = \"ministry_of_finance\"\n\
         # source = \"source:3\"\n# confidence = \"medium\"\n",
        kinds = terms::<ActorKind>(),
        levels = terms::<Level>(),
        relations = terms::<RelationType>(),
        portfolios = terms::<Portfolio>(),
        standings = terms::<Standing>(),
        participations = terms::<Participation>(),
    );
    let roles = format!(
        "{SCHEMA_LINE}\n# The role matrix: which actors hold each role at each level. Several entries may fill one\n\
         # cell (different sources or dates); the matrix shows their union.\n\
         # level: {levels}. role: {roles}.\n\
         # Optional: qualifiers = {{ actor_id = \"...\" }} ({qualifiers}),\n\
         # text (the cell in the source's words),\n\
         # sector, valid_from / valid_to.\n\n\
         # [[role]]\n# level = \"state\"\n# role = \"strategy\"\n# actors = [\"ministry_of_finance\"]\n\
         # source = \"source:4\"\n# confidence = \"high\"\n",
        levels = terms::<Level>(),
        roles = terms::<Role>(),
        qualifiers = terms::<Qualifier>(),
    );
    let mut roles = roles;
    roles.push_str("\n# One entry per cell of the matrix, to fill in: list the ids of the actors that hold it.\n");
    for l in Level::ALL {
        for r in Role::ALL {
            roles.push_str(&format!(
                "\n[[role]]\nlevel = \"{}\"\nrole = \"{}\"\nactors = []\nsource = \"source\"\nconfidence = \"low\"\n",
                l.key(),
                r.key()
            ));
        }
    }
    vec![("actors.toml".into(), actors), ("country.toml".into(), country), ("roles.toml".into(), roles)]
}
