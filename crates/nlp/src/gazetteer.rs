//! One Aho-Corasick automaton over every name the engine knows, matched token- and
//! case-aware.

use crate::resources::{KbKind, PlaceKind, Resources};
use crate::text::at_boundary;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// What a surface form can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// `Resources::places[i]` by name.
    Place(usize),
    /// The country `Resources::places[i]` by demonym.
    Demonym(usize),
    /// `Resources::kb[i]`.
    Kb(usize),
}

/// A surface form: its exact spelling (for case checks) and its targets.
#[derive(Debug)]
struct Pattern {
    surfaces: Vec<String>,
    targets: Vec<Target>,
}

/// A gazetteer hit in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Byte span.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Candidate referents.
    pub targets: Vec<Target>,
}

/// The compiled gazetteer.
pub(crate) struct Gazetteer {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
}

/// Is `text` an acceptable rendering of `surface`? Capitalised words stay capitalised;
/// acronyms stay upper case; an all-caps rendering of a name (datelines) is accepted.
fn case_compatible(surface: &str, text: &str) -> bool {
    let text_all_caps =
        text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    for (s, t) in surface.split(' ').zip(text.split(' ')) {
        let s_first = s.chars().next();
        let t_first = t.chars().next();
        let s_acronym = s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !s.chars().any(char::is_lowercase);
        if s_acronym && t != s {
            return false;
        }
        if s_first.is_some_and(char::is_uppercase) && !t_first.is_some_and(char::is_uppercase) {
            return false;
        }
        if !text_all_caps && s_first.is_some_and(char::is_lowercase) && t != s {
            return false;
        }
    }
    true
}

impl Gazetteer {
    pub fn build(res: &Resources) -> Result<Self, aho_corasick::BuildError> {
        let mut by_key: HashMap<String, Pattern> = HashMap::new();
        let mut add = |surface: &str, target: Target| {
            let surface = surface.trim();
            if surface.chars().count() < 2 {
                return;
            }
            let p = by_key
                .entry(surface.to_lowercase())
                .or_insert_with(|| Pattern {
                    surfaces: Vec::new(),
                    targets: Vec::new(),
                });
            if !p.surfaces.iter().any(|s| s == surface) {
                p.surfaces.push(surface.to_string());
            }
            if !p.targets.contains(&target) {
                p.targets.push(target);
            }
        };
        for (i, e) in res.kb.iter().enumerate() {
            add(&e.name, Target::Kb(i));
            for a in &e.aliases {
                add(a, Target::Kb(i));
            }
        }
        for (i, p) in res.places.iter().enumerate() {
            add(&p.name, Target::Place(i));
            for a in &p.aliases {
                add(a, Target::Place(i));
            }
            for d in &p.demonyms {
                add(d, Target::Demonym(i));
            }
            if p.kind == PlaceKind::Country {
                // "the United States" and "United States" both name it.
                if let Some(rest) = p.name.strip_prefix("The ") {
                    add(rest, Target::Place(i));
                }
            }
        }
        // Extra spellings of the most written country names.
        for (alias, iso) in [
            ("US", "US"),
            ("U.S.", "US"),
            ("USA", "US"),
            ("America", "US"),
            ("UK", "GB"),
            ("U.K.", "GB"),
            ("Britain", "GB"),
            ("UAE", "AE"),
        ] {
            if let Some(i) = res
                .places
                .iter()
                .position(|p| p.kind == PlaceKind::Country && p.country == iso)
            {
                add(alias, Target::Place(i));
            }
        }
        let mut patterns: Vec<Pattern> = by_key.into_values().collect();
        patterns.sort_by(|a, b| a.surfaces.cmp(&b.surfaces));
        let keys: Vec<String> = patterns
            .iter()
            .map(|p| p.surfaces[0].to_lowercase())
            .collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&keys)?;
        Ok(Gazetteer {
            automaton,
            patterns,
        })
    }

    /// Every hit at word boundaries whose case fits one of the pattern's spellings;
    /// overlapping hits included (resolution picks among them).
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            if !at_boundary(text, start, end) {
                continue;
            }
            let p = &self.patterns[m.pattern().as_usize()];
            let found = &text[start..end];
            if !p.surfaces.iter().any(|s| case_compatible(s, found)) {
                continue;
            }
            out.push(Hit {
                start,
                end,
                targets: p.targets.clone(),
            });
        }
        out
    }
}

/// Priority of a target when several claim one span: people and organisations of the
/// knowledge base, then countries, demonyms, regions, cities.
pub(crate) fn priority(res: &Resources, t: Target) -> u8 {
    match t {
        Target::Kb(i) => match res.kb[i].kind {
            KbKind::Person => 10,
            KbKind::Organisation => 9,
        },
        Target::Place(i) => match res.places[i].kind {
            PlaceKind::Country => 8,
            PlaceKind::Continent => 6,
            PlaceKind::State => 5,
            PlaceKind::City => 4,
        },
        Target::Demonym(_) => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::case_compatible;

    #[test]
    fn case_rules() {
        assert!(case_compatible("Minsk", "Minsk"));
        assert!(case_compatible("Minsk", "MINSK"));
        assert!(!case_compatible("Reading", "reading"));
        assert!(case_compatible("NATO", "NATO"));
        assert!(!case_compatible("WHO", "Who"));
        assert!(!case_compatible("US", "us"));
        assert!(case_compatible("von der Leyen", "von der Leyen"));
        assert!(!case_compatible("Security Council", "security council"));
    }
}
