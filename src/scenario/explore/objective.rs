//! The objective a search minimises: a weighted sum of distances to countries and counts of
//! changes, parsed from `--objective` (`distance(dk) + 0.1*actors_moved`) and printed back.

use serde::Serialize;

/// A term of an objective.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    /// The profile distance to a country (by code).
    Distance(String),
    /// The number of changes.
    Ops,
    /// Actors given a new parent.
    ActorsMoved,
    /// Actors merged away.
    ActorsMerged,
    /// Role cells handed over.
    RolesTransferred,
    /// Steering cells changed in strength.
    StrengthChanges,
    /// A constant.
    One,
}

/// A weighted sum of terms; lower is better.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Objective {
    /// (weight, term).
    pub terms: Vec<(f64, Term)>,
}

const TERMS: [&str; 6] = ["distance", "ops", "actors_moved", "actors_merged", "roles_transferred", "strength_changes"];

impl std::fmt::Display for Objective {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (w, t)) in self.terms.iter().enumerate() {
            let sign = if *w < 0.0 { "-" } else { "+" };
            match i {
                0 if *w < 0.0 => write!(f, "-")?,
                0 => {}
                _ => write!(f, " {sign} ")?,
            }
            let name = match t {
                Term::Distance(c) => format!("distance({c})"),
                Term::Ops => "ops".into(),
                Term::ActorsMoved => "actors_moved".into(),
                Term::ActorsMerged => "actors_merged".into(),
                Term::RolesTransferred => "roles_transferred".into(),
                Term::StrengthChanges => "strength_changes".into(),
                Term::One => String::new(),
            };
            match (w.abs(), name.is_empty()) {
                (w, true) => write!(f, "{w}")?,
                (1.0, false) => write!(f, "{name}")?,
                (w, false) => write!(f, "{w}*{name}")?,
            }
        }
        Ok(())
    }
}

impl Objective {
    /// The profile distance to `code`.
    pub fn distance(code: &str) -> Self {
        Objective { terms: vec![(1.0, Term::Distance(code.to_lowercase()))] }
    }

    /// Parses `distance(dk) + 0.1*actors_moved - 2 * ops`; the error says what is wrong and,
    /// for an unknown term, what was probably meant.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut terms = Vec::new();
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err("the objective is empty".into());
        }
        let mut sign = 1.0;
        if let Some(r) = rest.strip_prefix('-') {
            sign = -1.0;
            rest = r.trim_start();
        }
        loop {
            let end = rest.find(['+', '-']).filter(|i| *i > 0).unwrap_or(rest.len());
            let (term, tail) = rest.split_at(end);
            terms.push(Self::term(term.trim(), sign)?);
            let tail = tail.trim_start();
            let Some(op) = tail.chars().next() else { break };
            sign = if op == '-' { -1.0 } else { 1.0 };
            rest = tail.get(1..).unwrap_or("").trim_start();
            if rest.is_empty() {
                return Err(format!("`{text}` ends with `{op}`"));
            }
        }
        Ok(Objective { terms })
    }

    fn term(t: &str, sign: f64) -> Result<(f64, Term), String> {
        let (weight, name) = match t.split_once('*') {
            Some((w, n)) => {
                let w: f64 = w.trim().parse().map_err(|_| format!("`{}` is not a number", w.trim()))?;
                (w, n.trim())
            }
            None => match t.parse::<f64>() {
                Ok(w) => return Ok((sign * w, Term::One)),
                Err(_) => (1.0, t),
            },
        };
        let (head, arg) = match name.split_once('(') {
            Some((h, a)) => {
                let a = a.strip_suffix(')').ok_or_else(|| format!("`{name}` lacks a closing `)`"))?;
                (h.trim(), Some(a.trim().to_lowercase()))
            }
            None => (name, None),
        };
        let term = match (head, arg) {
            ("distance", Some(code)) if !code.is_empty() => Term::Distance(code),
            ("distance", _) => return Err("`distance` needs a country: distance(dk)".into()),
            ("ops", None) => Term::Ops,
            ("actors_moved", None) => Term::ActorsMoved,
            ("actors_merged", None) => Term::ActorsMerged,
            ("roles_transferred", None) => Term::RolesTransferred,
            ("strength_changes", None) => Term::StrengthChanges,
            (h, Some(_)) if TERMS.contains(&h) => return Err(format!("`{h}` takes no argument")),
            (h, _) => {
                let hint = crate::diagnostic::suggestion_hint(h, TERMS.iter().copied())
                    .map_or(String::new(), |s| format!("; {s}"));
                return Err(format!("unknown term `{h}` (terms: {}){hint}", TERMS.join(", ")));
            }
        };
        Ok((sign * weight, term))
    }

    /// The country codes the objective measures distances to.
    pub fn countries(&self) -> Vec<&str> {
        self.terms
            .iter()
            .filter_map(|(_, t)| match t {
                Term::Distance(c) => Some(c.as_str()),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objectives_parse_and_print_back() {
        for text in [
            "distance(dk)",
            "distance(dk) + 0.1*actors_moved",
            "-distance(se) - 2*ops + 1",
            "0.5*distance(fi) + merge_free",
        ] {
            match Objective::parse(text) {
                Ok(o) => assert_eq!(o.to_string(), text),
                Err(e) => assert!(text.contains("merge_free") && e.contains("unknown term `merge_free`"), "{e}"),
            }
        }
        let o = Objective::parse("distance(DK) + 0.1 * actors_moved").unwrap();
        assert_eq!(o.terms, vec![(1.0, Term::Distance("dk".into())), (0.1, Term::ActorsMoved)]);
    }
}
