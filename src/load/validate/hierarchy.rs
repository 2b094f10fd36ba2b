//! Pass 4, **hierarchy**: cycles in the organisational hierarchy (parent, reports_to, owned_by,
//! part_of), E0302 with every member labelled. [`hierarchy_cycles`] is also what scenario
//! application checks an edited model with.

use super::Validator;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;

impl Validator {
    /// Reports each cycle of the hierarchy once (E0302).
    pub(super) fn hierarchy(&mut self, c: &Country) {
        for members in hierarchy_cycles(c) {
            let mut d = Diagnostic::new(
                Code::E0302,
                format!(
                    "the hierarchy has a cycle through {}",
                    members.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                ),
            )
            .hint("a body cannot be above itself: remove or redirect one parent, reports_to, owned_by or part_of link");
            for (i, m) in members.iter().enumerate() {
                if let Some((f, s)) = self.actor_ids.get(m) {
                    d = if i == 0 {
                        d.at(*f, s.clone(), "part of the cycle")
                    } else {
                        d.also(*f, s.clone(), "part of the cycle")
                    };
                }
            }
            self.push(d);
        }
    }
}

/// The cycles of the organisational hierarchy (parent links and reports_to, owned_by,
/// part_of), each as its sorted members.
pub fn hierarchy_cycles(c: &Country) -> Vec<Vec<ActorId>> {
    use petgraph::graphmap::DiGraphMap;
    let mut g: DiGraphMap<&str, ()> = DiGraphMap::new();
    for id in c.actors.keys() {
        g.add_node(id.as_str());
    }
    for (from, kind, to) in c.edges() {
        if kind.is_hierarchical() {
            g.add_edge(from.as_str(), to.as_str(), ());
        }
    }
    let mut cycles: Vec<Vec<ActorId>> = petgraph::algo::tarjan_scc(&g)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .map(|scc| {
            let mut m: Vec<ActorId> = scc.into_iter().map(ActorId::new).collect();
            m.sort();
            m
        })
        .collect();
    cycles.sort();
    cycles
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{actor, findings};

    #[test]
    fn a_cycle_labels_every_member() {
        let extra = format!(
            "{}\n{}",
            actor("aaa", "{ en = \"A\", da = \"A\" }", "national", "parent = \"bbb\"\n"),
            actor(
                "bbb",
                "{ en = \"B\", da = \"B\" }",
                "national",
                "parent = \"aaa\"\nparent_relation = \"owned_by\"\n"
            )
        );
        assert_eq!(findings(&extra), vec!["E0302 extra.toml:2:6 extra.toml:11:6"]);
    }
}
