//! Pass 2, **facts** about actors: an actor's kind, level, parent and memberships, the attributes
//! only some kinds of actor take, and the relations between actors (a relation to oneself is
//! E0305).

use std::ops::Range;

use super::Validator;
use crate::diagnostic::{Code, Diagnostic, FileId};
use crate::load::raw::*;
use crate::model::*;

impl Validator {
    /// Converts one `[[actor]]` (unless its id is a duplicate, already reported), with its
    /// `member_of` relations.
    pub(super) fn actor(&mut self, file: FileId, a: &Sp<RawActor>, c: &mut Country) {
        let r = a.get();
        if self.actor_ids.get(&ActorId::new(r.id.get())) != Some(&(file, r.id.span())) {
            return; // a duplicate, already reported
        }
        let id_ok = self.ck(file).id(&r.id, "actor");
        let kind = self.ck(file).term::<ActorKind>(&r.kind);
        let level = self.level(file, &r.level);
        let name = self.ck(file).names(&r.name);
        let parent = r.parent.as_ref().and_then(|p| {
            if p.get() == r.id.get() {
                self.push(Diagnostic::new(Code::E0305, format!("actor `{}` is its own parent", r.id.get())).at(
                    file,
                    p.span(),
                    "points back at the actor",
                ));
                return None;
            }
            self.actor_ref(file, p)
        });
        let parent_relation = self.ck(file).parent_relation(r.parent_relation.as_ref());
        let validity = self.validity(file, r);
        let provenance = self.provenance(file, r, r.id.span());
        for m in &r.member_of {
            if let Some(to) = self.actor_ref(file, m) {
                let from = ActorId::new(r.id.get());
                if from == to {
                    self.push(Diagnostic::new(Code::E0305, format!("actor `{from}` is a member of itself")).at(
                        file,
                        m.span(),
                        "points back at the actor",
                    ));
                    continue;
                }
                let rel = Relation {
                    from,
                    kind: RelationType::MemberOf,
                    to,
                    binding: false,
                    validity: Validity::default(),
                    provenance: provenance.clone(),
                };
                self.relation(file, m.span(), rel, c);
            }
        }
        let portfolio = self.kind_attribute::<Portfolio>(
            file,
            r.portfolio.as_ref(),
            kind,
            &[ActorKind::Ministry, ActorKind::Government],
        );
        let councils = [ActorKind::Forum, ActorKind::Council];
        let standing = self.kind_attribute::<Standing>(file, r.standing.as_ref(), kind, &councils);
        let participation = self.kind_attribute::<Participation>(file, r.participation.as_ref(), kind, &councils);
        if let (true, Some(kind), Some(level)) = (id_ok, kind, level) {
            let id = ActorId::new(r.id.get());
            c.actors.insert(
                id.clone(),
                Actor {
                    id,
                    name,
                    abbr: r.abbr.clone(),
                    aliases: r.aliases.clone(),
                    kind,
                    level,
                    parent: parent.zip(parent_relation).map(|(id, relation)| Parent { id, relation }),
                    central: r.central.unwrap_or(false),
                    portfolio,
                    standing,
                    participation,
                    validity,
                    provenance,
                },
            );
        }
    }

    /// Adds a relation stated at `span`; a relation to the same actor is E0305.
    pub(super) fn relation(&mut self, file: FileId, span: Range<usize>, rel: Relation, c: &mut Country) {
        if rel.from == rel.to {
            self.push(Diagnostic::new(Code::E0305, format!("relation from `{}` to itself", rel.from)).at(
                file,
                span,
                "`from` and `to` are the same actor",
            ));
            return;
        }
        self.relation_origins.push((file, span));
        c.relations.push(rel);
    }

    /// An actor attribute that only some kinds of actor take (a portfolio is a ministry's):
    /// E0106 on another kind.
    pub(super) fn kind_attribute<V: Vocabulary>(
        &mut self,
        file: FileId,
        a: Option<&Sp<RawAttribute>>,
        kind: Option<ActorKind>,
        kinds: &[ActorKind],
    ) -> Option<Attribute<V>> {
        let a = a?;
        if let Some(k) = kind.filter(|k| !kinds.contains(k)) {
            let allowed: Vec<&str> = kinds.iter().map(|k| k.key()).collect();
            self.push(
                Diagnostic::new(
                    Code::E0106,
                    format!("a {} applies to a {}, not to a {k}", V::NAME, allowed.join(" or ")),
                )
                .at(file, a.span(), "on this actor")
                .hint(format!("remove it, or give the actor kind {}", allowed.join(" or "))),
            );
            return None;
        }
        self.attribute(file, a)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{actor, only, relation};

    #[test]
    fn self_references_and_attributes_of_the_wrong_kind_are_reported() {
        let extra = format!(
            "{}\n{}\n{}",
            actor(
                "aaa",
                "{ en = \"A\", da = \"A\" }",
                "national",
                "parent = \"aaa\"\nportfolio = \"finance\"\nmember_of = [\"aaa\"]\n"
            ),
            actor(
                "Bad Id",
                "{ en = \"B\", da = \"B\" }",
                "national",
                "parent = \"digst\"\nparent_relation = \"advises\"\n"
            ),
            relation("digst", "advises", "digst")
        );
        assert_eq!(
            only(&extra, "E"),
            vec![
                "E0305 extra.toml:6:10",
                "E0106 extra.toml:7:13",
                "E0305 extra.toml:8:14",
                "E0106 extra.toml:13:6",
                "E0106 extra.toml:18:19",
                "E0305 extra.toml:23:8"
            ]
        );
    }
}
