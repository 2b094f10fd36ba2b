//! "Did you mean ...?" suggestions, shared by every diagnostic that names an unknown thing.

/// The candidate closest to `input`, if one is close enough to be a plausible typo.
///
/// Closeness is Jaro-Winkler similarity of the lowercased texts (which favours a shared prefix,
/// as typos in ids usually keep one) with a floor of 0.8; a case-insensitive match beats any
/// similarity. Ties go to the candidate that sorts first, so the suggestion is deterministic.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = input.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for cand in candidates {
        if cand == input {
            continue;
        }
        let score = if cand.to_lowercase() == lower { 2.0 } else { strsim::jaro_winkler(&lower, &cand.to_lowercase()) };
        let better = match best {
            None => true,
            Some((s, c)) => score > s || (score == s && cand < c),
        };
        if better {
            best = Some((score, cand));
        }
    }
    best.filter(|(s, _)| *s >= 0.8).map(|(_, c)| c)
}

/// The hint text for a suggestion: "did you mean `digst`?".
pub fn suggestion_hint<'a, I>(input: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_ids() {
        let ids = ["digst", "kl", "kombit", "fm_dk"];
        assert_eq!(did_you_mean("digts", ids), Some("digst"));
        assert_eq!(did_you_mean("KOMBIT", ids), Some("kombit"));
        assert_eq!(did_you_mean("nationl", ["national", "state", "regional", "local"]), Some("national"));
        assert_eq!(did_you_mean("zzz", ids), None);
    }
}
