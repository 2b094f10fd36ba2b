//! Folding a view too large for one slide.
//!
//! A view with more nodes than a slide holds keeps in sight every prominent node (an actor that
//! is central, holds a role, steers or is steered, or changed in an overlay) with the actors
//! above it, and folds the rest into the nodes above them, in two steps:
//! 1. Under each actor (and, for the actors at the top of a level, under the level), the
//!    children whose bodies hold nothing prominent become one node that says how many bodies it
//!    stands for ("12 more bodies").
//! 2. While the view is still too large, the deepest actors with bodies beneath them fold them
//!    in ("Ministry of Health / + 9 bodies").
//!
//! Nothing is dropped: every folded actor is listed on the node that stands for it, edges to it
//! go to that node, and `unfold` keeps a head's bodies (or a level's top actors) in sight.

use std::collections::{BTreeMap, BTreeSet};

use super::view::{Change, FoldedActor, GraphView, ViewEdge, ViewNode};
use crate::model::{pick, ActorKind, Lang, Level, Vocabulary};

/// How far to fold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldOptions {
    /// Fold until the view has at most this many nodes; 0 never folds.
    pub max_nodes: usize,
    /// Heads (actor ids, or level keys for a level's top actors) whose bodies stay unfolded.
    pub unfold: BTreeSet<String>,
    /// Language of the labels folds write.
    pub lang: Lang,
}

impl FoldOptions {
    /// How many nodes a 16:9 slide holds legibly: measured by the slide test in
    /// `tests/cli/legibility.rs` (every bundled view at this bound fits 1920x1080 with text of
    /// at least 9 px).
    pub const SLIDE: usize = 40;

    /// Folding for a slide, in `lang`.
    pub fn slide(lang: Lang) -> Self {
        FoldOptions { max_nodes: Self::SLIDE, unfold: BTreeSet::new(), lang }
    }
}

/// The id of the node that stands for the folded bodies under `head`.
fn rest_id(head: &str) -> String {
    format!("fold:{head}")
}

/// The head a fold node stands under (an actor id or a level key), or `None` for another node.
pub fn fold_head(id: &str) -> Option<&str> {
    id.strip_prefix("fold:")
}

/// "12 more bodies" (`more`) or "+ 9 bodies".
fn bodies(lang: Lang, n: usize, more: bool) -> String {
    let one = n == 1;
    let word = match (more, one) {
        (true, true) => pick(lang, ["more body", "annet organ", "annat organ", "andet organ", "muu toimija"]),
        (true, false) => pick(lang, ["more bodies", "andre organer", "andra organ", "andre organer", "muuta toimijaa"]),
        (false, true) => pick(lang, ["body", "organ", "organ", "organ", "toimija"]),
        (false, false) => pick(lang, ["bodies", "organer", "organ", "organer", "toimijaa"]),
    };
    // Icelandic has no entry in the shared table for these: said here.
    let word = match (lang, more, one) {
        (Lang::Is, true, true) => "annar aðili",
        (Lang::Is, true, false) => "aðrir aðilar",
        (Lang::Is, false, true) => "aðili",
        (Lang::Is, false, false) => "aðilar",
        _ => word,
    };
    if more {
        format!("{n} {word}")
    } else {
        format!("+ {n} {word}")
    }
}

/// The tree a fold works on: each node's parent in the view at its own level (an actor whose
/// parent sits at another level heads its own tree there).
struct Tree {
    parent: BTreeMap<String, String>,
    children: BTreeMap<String, Vec<String>>,
}

impl Tree {
    fn of(v: &GraphView) -> Self {
        let level: BTreeMap<&str, Level> = v.nodes.iter().map(|n| (n.id.as_str(), n.level)).collect();
        let mut parent = BTreeMap::new();
        let mut children: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for n in &v.nodes {
            if let Some(p) = n.parent.as_deref().filter(|p| level.get(p) == Some(&n.level)) {
                parent.insert(n.id.clone(), p.to_string());
                children.entry(p.to_string()).or_default().push(n.id.clone());
            }
        }
        Tree { parent, children }
    }

    /// `id` and every node beneath it.
    fn subtree(&self, id: &str) -> Vec<String> {
        let mut out = vec![id.to_string()];
        let mut i = 0;
        while let Some(x) = out.get(i).cloned() {
            out.extend(self.children.get(&x).into_iter().flatten().cloned());
            i += 1;
        }
        out
    }

    fn depth(&self, id: &str) -> usize {
        let mut d = 0;
        let mut at = id;
        while let Some(p) = self.parent.get(at) {
            d += 1;
            at = p;
        }
        d
    }
}

/// `v` folded to at most `o.max_nodes` nodes where it can be (prominent nodes and the actors
/// above them are never folded, so a view can stay larger), with its edges following their ends
/// into the nodes that stand for them.
pub fn fold(v: &GraphView, o: &FoldOptions) -> GraphView {
    if o.max_nodes == 0 || v.nodes.len() <= o.max_nodes {
        return v.clone();
    }
    let tree = Tree::of(v);
    let by_id: BTreeMap<&str, &ViewNode> = v.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    // A node is kept in sight when anything in its subtree is prominent or asked to unfold.
    let keep: BTreeSet<String> = v
        .nodes
        .iter()
        .filter(|n| n.prominent || o.unfold.contains(&n.id))
        .flat_map(|n| {
            let mut up = vec![n.id.clone()];
            let mut at = n.id.as_str();
            while let Some(p) = tree.parent.get(at) {
                up.push(p.clone());
                at = p;
            }
            up
        })
        .collect();
    // Member -> the node that stands for it.
    let mut into: BTreeMap<String, String> = BTreeMap::new();
    let mut added: Vec<ViewNode> = Vec::new();
    let named = |id: &str| FoldedActor {
        id: id.to_string(),
        label: by_id.get(id).map_or_else(|| id.to_string(), |n| n.label.clone()),
    };
    // Step 1: quiet children become one node per head; heads top-down, levels first.
    let mut heads: Vec<(usize, String, Level, Vec<String>)> = Vec::new();
    for level in Level::ALL {
        let roots: Vec<String> = v
            .nodes
            .iter()
            .filter(|n| n.level == *level && !tree.parent.contains_key(&n.id))
            .map(|n| n.id.clone())
            .collect();
        heads.push((0, level.key().to_string(), *level, roots));
    }
    for (h, kids) in &tree.children {
        let level = by_id.get(h.as_str()).map_or(Level::National, |n| n.level);
        heads.push((tree.depth(h) + 1, h.clone(), level, kids.clone()));
    }
    heads.sort();
    for (_, head, level, kids) in heads {
        if o.unfold.contains(&head) || into.contains_key(&head) {
            continue;
        }
        let quiet: Vec<&String> = kids.iter().filter(|k| !keep.contains(*k)).collect();
        if quiet.len() < 2 {
            continue;
        }
        let id = rest_id(&head);
        let mut members: Vec<FoldedActor> = quiet.iter().flat_map(|k| tree.subtree(k)).map(|m| named(&m)).collect();
        members.sort();
        for m in &members {
            into.insert(m.id.clone(), id.clone());
        }
        let is_actor = by_id.contains_key(head.as_str());
        let changed = members.iter().any(|m| by_id.get(m.id.as_str()).is_some_and(|n| n.change.is_some()));
        added.push(ViewNode {
            id,
            label: bodies(o.lang, members.len(), true),
            kind: Some(ActorKind::Collective),
            level,
            central: false,
            parent: is_actor.then(|| head.clone()),
            prominent: false,
            folded: members,
            change: changed.then_some(Change::Changed),
        });
    }
    let mut nodes: Vec<ViewNode> = v.nodes.iter().filter(|n| !into.contains_key(&n.id)).cloned().chain(added).collect();
    // Step 2: the deepest heads fold what is beneath them until the view fits, never a node
    // kept in sight nor the bodies of a head asked to unfold.
    let tree = Tree::of(&GraphView { nodes: nodes.clone(), ..v.clone() });
    let protected: BTreeSet<String> = keep
        .iter()
        .cloned()
        .chain(o.unfold.iter().flat_map(|h| tree.children.get(h)).flatten().cloned())
        .chain(
            nodes
                .iter()
                .filter(|n| !tree.parent.contains_key(&n.id) && o.unfold.contains(n.level.key()))
                .map(|n| n.id.clone()),
        )
        .collect();
    let mut candidates: Vec<(std::cmp::Reverse<usize>, String)> = tree
        .children
        .keys()
        .filter(|h| !o.unfold.contains(*h) && fold_head(h).is_none())
        .map(|h| (std::cmp::Reverse(tree.depth(h)), h.clone()))
        .collect();
    candidates.sort();
    let mut count = nodes.len();
    for (_, head) in candidates {
        if count <= o.max_nodes {
            break;
        }
        if into.contains_key(&head) {
            continue;
        }
        let mut beneath: Vec<String> = Vec::new();
        let mut frontier: Vec<&String> = tree.children.get(&head).into_iter().flatten().collect();
        while let Some(m) = frontier.pop() {
            if protected.contains(m) || into.contains_key(m) {
                continue;
            }
            beneath.push(m.clone());
            frontier.extend(tree.children.get(m).into_iter().flatten());
        }
        beneath.sort();
        if beneath.is_empty() {
            continue;
        }
        let mut members: Vec<FoldedActor> = Vec::new();
        for m in &beneath {
            into.insert(m.clone(), head.clone());
            match nodes.iter().find(|n| &n.id == m) {
                Some(n) if fold_head(&n.id).is_some() => members.extend(n.folded.iter().cloned()),
                _ => members.push(named(m)),
            }
        }
        // Members already folded into a node beneath now belong to the head too.
        for target in into.values_mut() {
            if beneath.contains(target) {
                target.clone_from(&head);
            }
        }
        count -= beneath.len();
        let changed = nodes.iter().any(|n| beneath.contains(&n.id) && n.change.is_some());
        if let Some(h) = nodes.iter_mut().find(|n| n.id == head) {
            h.folded.extend(members);
            h.folded.sort();
            if changed && h.change.is_none() {
                h.change = Some(Change::Changed);
            }
        }
        nodes.retain(|n| !beneath.contains(&n.id));
    }
    for n in &mut nodes {
        if fold_head(&n.id).is_none() && !n.folded.is_empty() {
            n.label = format!("{}\n{}", n.label, bodies(o.lang, n.folded.len(), false));
        }
    }
    nodes.sort_by(|a, b| (a.level, &a.id).cmp(&(b.level, &b.id)));
    let follow = |id: &String| into.get(id).unwrap_or(id).clone();
    let mut edges: Vec<ViewEdge> = v
        .edges
        .iter()
        .map(|e| ViewEdge { from: follow(&e.from), to: follow(&e.to), ..e.clone() })
        .filter(|e| e.from != e.to)
        .collect();
    edges.sort();
    edges.dedup();
    GraphView { nodes, edges, ..v.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::view::{ViewEdgeKind, ViewKind};
    use crate::model::RelationType;

    fn node(id: &str, parent: Option<&str>, prominent: bool) -> ViewNode {
        ViewNode {
            id: id.into(),
            label: id.to_uppercase(),
            kind: Some(ActorKind::Agency),
            level: Level::State,
            central: false,
            parent: parent.map(Into::into),
            prominent,
            folded: Vec::new(),
            change: None,
        }
    }

    fn edge(from: &str, to: &str) -> ViewEdge {
        ViewEdge {
            from: from.into(),
            to: to.into(),
            kind: ViewEdgeKind::Relation(RelationType::ReportsTo),
            change: None,
        }
    }

    /// A ministry with a prominent agency (with three units) and three quiet agencies.
    fn sample() -> GraphView {
        let mut nodes = vec![node("min", None, false), node("a", Some("min"), true)];
        for u in ["u1", "u2", "u3"] {
            nodes.push(node(u, Some("a"), false));
        }
        for q in ["q1", "q2", "q3"] {
            nodes.push(node(q, Some("min"), false));
        }
        let edges = nodes.iter().filter_map(|n| n.parent.as_deref().map(|p| edge(&n.id, p))).collect();
        GraphView { country: "xx".into(), title: "X".into(), kind: ViewKind::Org, nodes, edges }
    }

    fn ids(v: &GraphView) -> Vec<&str> {
        v.nodes.iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn small_views_are_left_alone() {
        let v = sample();
        let o = FoldOptions { max_nodes: 8, ..FoldOptions::slide(Lang::En) };
        assert_eq!(fold(&v, &o), v);
        assert_eq!(fold(&v, &FoldOptions { max_nodes: 0, ..o }), v);
    }

    #[test]
    fn quiet_siblings_become_one_node_then_the_deepest_heads_fold() {
        let v = sample();
        let o = FoldOptions { max_nodes: 6, ..FoldOptions::slide(Lang::En) };
        let f = fold(&v, &o);
        // The three quiet agencies and the units under the prominent agency each become one
        // node; the prominent agency and its ministry stay.
        assert_eq!(ids(&f), ["a", "fold:a", "fold:min", "min"]);
        let rest = f.nodes.iter().find(|n| n.id == "fold:min").unwrap();
        assert_eq!(rest.label, "3 more bodies");
        assert_eq!(rest.folded.iter().map(|m| m.label.as_str()).collect::<Vec<_>>(), ["Q1", "Q2", "Q3"]);
        assert!(f.edges.iter().all(|e| e.from != e.to));
        assert!(f.edges.contains(&edge("fold:min", "min")) && f.edges.contains(&edge("fold:a", "a")));
        // Tighter: the agency folds its units' node in, and says how many bodies it holds.
        let f = fold(&v, &FoldOptions { max_nodes: 3, ..o.clone() });
        assert_eq!(ids(&f), ["a", "fold:min", "min"]);
        let a = f.nodes.iter().find(|n| n.id == "a").unwrap();
        assert_eq!(a.label, "A\n+ 3 bodies");
        assert_eq!(a.folded.len(), 3);
        // Unfolding the agency keeps its units; unfolding a quiet agency keeps it in sight.
        let unfold = BTreeSet::from(["a".to_string(), "q2".to_string()]);
        let f = fold(&v, &FoldOptions { max_nodes: 3, unfold, ..o });
        assert_eq!(ids(&f), ["a", "min", "q2", "u1", "u2", "u3"]);
        let min = f.nodes.iter().find(|n| n.id == "min").unwrap();
        assert_eq!((min.label.as_str(), min.folded.len()), ("MIN\n+ 2 bodies", 2));
    }

    #[test]
    fn a_change_beneath_a_fold_marks_its_head() {
        let mut v = sample();
        for n in &mut v.nodes {
            if n.id == "u2" {
                n.change = Some(Change::Added);
            }
        }
        let f = fold(&v, &FoldOptions { max_nodes: 3, ..FoldOptions::slide(Lang::Nb) });
        let a = f.nodes.iter().find(|n| n.id == "a").unwrap();
        assert_eq!(a.change, Some(Change::Changed));
        assert_eq!(a.label, "A\n+ 3 organer");
    }
}
