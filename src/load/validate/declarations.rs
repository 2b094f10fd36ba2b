//! Pass 1, **declarations**: what one file declares (its documents, levels, actor ids and the
//! [country] table), recorded before its facts are read so that facts in the same file may refer
//! to them in any order. A name declared twice is E0202 with both places labelled.

use super::{header_span, twice, Validator};
use crate::diagnostic::{Code, Diagnostic, FileId};
use crate::load::raw::*;
use crate::model::*;

impl Validator {
    /// Declares the country, documents, levels and actor ids of one file.
    pub(super) fn declare(&mut self, file: FileId, raw: &RawFile, country: &mut Country) {
        for (id, doc) in &raw.documents {
            let key = id.get().clone();
            if let Some(first) = self.documents.get(&key) {
                self.push(twice(format!("document `{key}`"), "defined", (file, id.span()), first));
                continue;
            }
            self.ck(file).id(id, "document");
            if let Some(f) = doc.get().file.as_ref().filter(|f| !is_plain_file_name(f)) {
                self.push(
                    Diagnostic::new(Code::E0106, format!("document file `{f}` is not a plain file name"))
                        .at(file, id.span(), "this document's `file`")
                        .hint("name a file in the models' sources/ directory, without a directory part"),
                );
            }
            let kind = doc
                .get()
                .kind
                .as_ref()
                .and_then(|k| self.ck(file).term::<DocumentKind>(k))
                .unwrap_or(DocumentKind::Report);
            let d = doc.get();
            if kind == DocumentKind::Web {
                for (missing, what) in [(d.url.is_none(), "url"), (d.accessed.is_none(), "accessed")] {
                    if missing {
                        self.push(
                            Diagnostic::new(Code::E0104, format!("web document `{key}` needs `{what}`"))
                                .at(file, id.span(), "this document")
                                .hint("a web source gives url, title, publisher, published and accessed (the date it was read)"),
                        );
                    }
                }
            }
            if let Some(u) =
                d.url.as_ref().filter(|u| !(u.get().starts_with("https://") || u.get().starts_with("http://")))
            {
                self.push(Diagnostic::new(Code::E0106, format!("`{}` is not a web address", u.get())).at(
                    file,
                    u.span(),
                    "expected https://... or http://...",
                ));
            }
            let published = d.published.as_ref().and_then(|x| self.ck(file).date(x));
            let accessed = d.accessed.as_ref().and_then(|x| self.ck(file).date(x));
            let language = d.language.as_ref().and_then(|l| self.ck(file).term::<Lang>(l));
            country.documents.insert(
                key.clone(),
                Document {
                    id: key.clone(),
                    file: d.file.clone(),
                    title: d.title.clone(),
                    publisher: d.publisher.clone(),
                    year: d.year,
                    kind,
                    url: d.url.as_ref().map(|u| u.get().clone()),
                    published,
                    accessed,
                    language,
                },
            );
            self.documents.insert(key, (file, id.span()));
        }
        for (key, level) in &raw.levels {
            let Some(l) = self.ck(file).level(key) else { continue };
            if let Some(first) = self.level_origin.get(&l) {
                self.push(twice(format!("level `{l}`"), "described", (file, key.span()), first));
                continue;
            }
            self.level_origin.insert(l, (file, key.span()));
            self.levels.insert(l, level.get().present.unwrap_or(true));
        }
        for a in &raw.actor {
            let id = &a.get().id;
            let key = ActorId::new(id.get());
            if let Some(first) = self.actor_ids.get(&key) {
                let d = twice(format!("actor id `{}`", id.get()), "defined", (file, id.span()), first);
                self.push(d.hint("ids are unique per country, across all files of the model"));
                continue;
            }
            if let Some(abbr) = &a.get().abbr {
                self.abbreviations.entry(abbr.to_lowercase()).or_insert_with(|| key.clone());
            }
            self.actor_ids.insert(key, (file, id.span()));
        }
        // The header is converted after the file's documents are declared, so its sources
        // resolve without waiting.
        if let Some(c) = &raw.country {
            let span = header_span(c.span());
            if let Some(first) = &self.country_origin {
                self.push(twice("the [country] table".into(), "defined", (file, span), first));
            } else {
                self.country_origin = Some((file, span));
                self.country_header(file, c, country);
            }
        }
    }

    /// Converts the [country] table that counts (the first one read).
    pub(super) fn country_header(&mut self, file: FileId, c: &Sp<RawCountry>, country: &mut Country) {
        let raw = c.get();
        let code = raw.code.get();
        self.ck(file).country_code(&raw.code);
        country.code = code.clone();
        country.name = self.ck(file).names(&raw.name);
        country.languages = raw.languages.iter().filter_map(|l| self.ck(file).term::<Lang>(l)).collect();
        if country.languages.is_empty() {
            self.push(
                Diagnostic::new(Code::E0106, "a country needs at least one native language")
                    .at(file, raw.code.span(), "in this [country] table")
                    .hint("add languages = [\"da\"] (or sv, fi, nb)"),
            );
        }
        country.reference_date = raw.reference_date.as_ref().and_then(|d| self.ck(file).date(d));
        country.provenance = self.provenance(file, raw, raw.code.span());
        country.population = raw.population.as_ref().map(|p| {
            let raw_p = p.get();
            Figure {
                value: raw_p.value,
                date: raw_p.date.as_ref().and_then(|d| self.ck(file).date(d)),
                provenance: self.provenance(file, raw_p, header_span(p.span())),
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{actor, only};

    #[test]
    fn a_name_declared_twice_points_at_both_and_ids_and_documents_are_checked() {
        let extra = actor("digst", "{ en = \"X\", da = \"X\" }", "national", "")
            + r#"
[documents.Bad-Doc]
title = "t"
url = "ftp://x"

[documents.web1]
title = "w"
kind = "web"

[country]
code = "DK"
name = { en = "Denmark" }
languages = []
"#;
        assert_eq!(
            only(&extra, "E"),
            vec![
                "E0202 extra.toml:2:6 base.toml:30:6",
                "E0106 extra.toml:9:12",
                "E0106 extra.toml:11:7",
                "E0104 extra.toml:13:12",
                "E0104 extra.toml:13:12",
                "E0202 extra.toml:17:1 base.toml:4:1"
            ]
        );
    }
}
