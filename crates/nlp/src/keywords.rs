//! Keywords: frequent content words, weighted up in the headline and down when they are
//! ordinary prose words.

use crate::text::Token;
use newsflow_model::enriched::Keyword;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

pub(crate) const STOPWORDS: &str = "a about above after again against all also although am an and any are as at be because been before being below between both but by can could did do does doing down during each even ever every few for from further had has have having he her here hers herself him himself his how however i if in into is it its itself just last least less like made make many may me might more most much must my myself new no nor not now of off often on once one only or other our ours ourselves out over own per really said same say says shall she should since so some such than that the their theirs them themselves then there these they this those though through thus to too two under until up upon us very was we were what when where whether which while who whom whose why will with within without would year years yet you your yours yourself";

/// At most this many keywords.
const MAX_KEYWORDS: usize = 10;

pub(crate) fn singular(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    singular_into(w, &mut out);
    out
}

/// [`singular`], written into `out` (cleared first): "-ies" is "-y", "-ches", "-shes",
/// "-xes", "-sses" and "-oes" lose "-es" ("taxes", "vetoes"; not "shoes", "canoes"), other
/// plurals their "-s".
pub(crate) fn singular_into(w: &str, out: &mut String) {
    out.clear();
    if is_singular(w) {
        out.push_str(w);
    } else if let Some(stem) = w.strip_suffix("ies") {
        out.push_str(stem);
        out.push('y');
    } else if ["ches", "shes", "xes", "sses", "oes"]
        .iter()
        .any(|e| w.ends_with(e))
        && !matches!(w, "shoes" | "canoes" | "oboes" | "floes" | "horseshoes")
    {
        out.push_str(&w[..w.len() - 2]);
    } else {
        out.push_str(&w[..w.len() - 1]);
    }
}

/// Whether [`singular_into`] leaves `w` as it is: four letters or fewer, or not a plural
/// ending in "s" ("ss", "us" are not).
pub(crate) fn is_singular(w: &str) -> bool {
    w.len() <= 4 || !w.ends_with('s') || w.ends_with("ss") || w.ends_with("us")
}

/// [`STOPWORDS`] as a set, built once.
fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.split(' ').collect())
}

/// Keywords of a story from its headline and its body's word tokens.
pub(crate) fn keywords(
    headline: &[Token<'_>],
    body: &[Token<'_>],
    common: &HashSet<String>,
) -> Vec<Keyword> {
    let stop = stopwords();
    // Keys borrow the text where the word is already singular and lower case.
    let mut score: HashMap<Cow<'_, str>, f32> = HashMap::default();
    for (toks, weight) in [(headline, 3.0f32), (body, 1.0)] {
        for t in toks {
            if t.text.len() < 3 {
                continue;
            }
            let lower = crate::text::lowercase(t.text);
            if lower.chars().count() < 3
                || !lower.chars().all(char::is_alphabetic)
                || stop.contains(lower.as_ref())
            {
                continue;
            }
            let damp = if common.contains(lower.as_ref()) {
                0.5
            } else {
                1.0
            };
            let key = match lower {
                Cow::Borrowed(w) if is_singular(w) => Cow::Borrowed(w),
                other => Cow::Owned(singular(&other)),
            };
            *score.entry(key).or_default() += weight * damp;
        }
    }
    let mut ranked: Vec<(Cow<'_, str>, f32)> = score.into_iter().collect();
    let order =
        |a: &(Cow<'_, str>, f32), b: &(Cow<'_, str>, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    // Only the best few are ordered (and copied).
    if ranked.len() > MAX_KEYWORDS {
        ranked.select_nth_unstable_by(MAX_KEYWORDS - 1, order);
        ranked.truncate(MAX_KEYWORDS);
    }
    ranked.sort_by(order);
    let max = ranked.first().map_or(1.0, |r| r.1);
    ranked
        .into_iter()
        .map(|(text, s)| Keyword {
            text: text.into_owned(),
            score: (s / max * 100.0).round() / 100.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn plurals_become_singular() {
        for (plural, one) in [
            ("vetoes", "veto"),
            ("taxes", "tax"),
            ("churches", "church"),
            ("clashes", "clash"),
            ("businesses", "business"),
            ("shoes", "shoe"),
            ("countries", "country"),
            ("talks", "talk"),
            ("houses", "house"),
            ("status", "status"),
            ("news", "news"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }
}
