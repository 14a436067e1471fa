//! One Aho-Corasick automaton over every name the engine knows, matched token- and
//! case-aware: walked anchored from each word start, so the rest of the text costs nothing.

use crate::resources::{KbKind, PlaceKind, Resources};
use crate::text::at_boundary;
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
    /// Which spelling names which target (indices into `surfaces`): a text whose case fits
    /// only some spellings names only their targets ("Nan", the Thai province, is not "NAN",
    /// Nigeria's news agency).
    spelled: Vec<(usize, Target)>,
    /// For a name several knowledge-base entries share ("ICC": the International Criminal
    /// Court, the International Cricket Council), each entry's cues in lower case: its other
    /// names, the Media Topics it implies and their curated terms. Empty otherwise.
    cues: Vec<(Target, Vec<String>)>,
    /// Only a name in another language than English ("Russland"): matched only in copy that is
    /// not English ([`Gazetteer::hits_in_any_language`]).
    foreign: bool,
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
    /// Every name, walked from word starts that are not lower case.
    all: Walker,
    /// The names with a lower-case spelling ("von der Leyen"), walked from lower-case word
    /// starts: a capitalised name never matches there (see [`case_compatible`]), so most of a
    /// text's words end their walk at once.
    lower: Walker,
    patterns: Vec<Pattern>,
    /// The knowledge base's people by the first word of their names.
    pub people_by_first_name: HashMap<String, Vec<usize>>,
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

/// GeoNames' id of New York City.
const NEW_YORK_CITY: u32 = 5128581;

impl Gazetteer {
    pub fn build(res: &Resources) -> Result<Self, crate::engine::EngineError> {
        let mut by_key: HashMap<String, Pattern> = HashMap::new();
        let mut add_name = |surface: &str, target: Target, foreign: bool| {
            let surface = surface.trim();
            if surface.chars().count() < 2 {
                return;
            }
            let p = by_key
                .entry(surface.to_lowercase())
                .or_insert_with(|| Pattern {
                    surfaces: Vec::new(),
                    targets: Vec::new(),
                    spelled: Vec::new(),
                    cues: Vec::new(),
                    foreign,
                });
            p.foreign &= foreign;
            let k = match p.surfaces.iter().position(|s| s == surface) {
                Some(k) => k,
                None => {
                    p.surfaces.push(surface.to_string());
                    p.surfaces.len() - 1
                }
            };
            if !p.targets.contains(&target) {
                p.targets.push(target);
            }
            if !p.spelled.contains(&(k, target)) {
                p.spelled.push((k, target));
            }
        };
        for (i, e) in res.kb.iter().enumerate() {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                add_name(name, Target::Kb(i), false);
                // British and American spellings of one name ("Organisation of the Petroleum
                // Exporting Countries"); not "Defence"/"Labour", which tell apart countries'
                // ministries and parties.
                for (a, b) in [
                    ("Organization", "Organisation"),
                    ("Organisation", "Organization"),
                ] {
                    if name.contains(a) {
                        add_name(&name.replace(a, b), Target::Kb(i), false);
                    }
                }
            }
        }
        for (i, p) in res.places.iter().enumerate() {
            add_name(&p.name, Target::Place(i), false);
            for a in &p.aliases {
                add_name(a, Target::Place(i), false);
            }
            for f in &p.foreign_names {
                add_name(f, Target::Place(i), true);
            }
            for d in &p.demonyms {
                add_name(d, Target::Demonym(i), false);
                // The people: "Russians", "Israelis" (not "Chinese", "British", "Dutch").
                if d.ends_with('n') || d.ends_with('i') {
                    add_name(&format!("{d}s"), Target::Demonym(i), false);
                }
            }
            if p.kind == PlaceKind::Country {
                // "the United States" and "United States" both name it.
                if let Some(rest) = p.name.strip_prefix("The ") {
                    add_name(rest, Target::Place(i), false);
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
                add_name(alias, Target::Place(i), false);
            }
        }
        // GeoNames names New York's city "New York City"; wire copy's "New York" ("NEW YORK
        // (AP) —") is the city as often as the state.
        if let Some(i) = res.places.iter().position(|p| p.geonameid == NEW_YORK_CITY) {
            add_name("New York", Target::Place(i), false);
        }
        // In the order of their keys, the order the automata are built in: sorted once here,
        // the walkers' keys need no sort of their own.
        // (An index sorted, not the patterns themselves, by the keys' first eight bytes first,
        // which settle most comparisons without a call to compare strings.)
        let mut keyed: Vec<Option<(String, Pattern)>> = by_key.into_iter().map(Some).collect();
        let key = |i: u32| keyed[i as usize].as_ref().map_or("", |(k, _)| k.as_str());
        let mut order: Vec<(u64, u32)> = (0..keyed.len() as u32)
            .map(|i| {
                let mut head = [0u8; 8];
                let k = key(i).as_bytes();
                head[..k.len().min(8)].copy_from_slice(&k[..k.len().min(8)]);
                (u64::from_be_bytes(head), i)
            })
            .collect();
        order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| key(a.1).cmp(key(b.1))));
        let (keys, mut patterns): (Vec<String>, Vec<Pattern>) = order
            .iter()
            .filter_map(|&(_, i)| keyed[i as usize].take())
            .unzip();
        for p in &mut patterns {
            let entries: Vec<Target> = p
                .targets
                .iter()
                .copied()
                .filter(|t| matches!(t, Target::Kb(_)))
                .collect();
            if entries.len() >= 2 {
                let shared = p.surfaces[0].to_lowercase();
                p.cues = entries
                    .into_iter()
                    .map(|t| (t, kb_cues(res, t, &shared)))
                    .collect();
            }
        }
        let lower: Vec<usize> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.surfaces
                    .iter()
                    .any(|s| s.chars().next().is_some_and(char::is_lowercase))
            })
            .map(|(i, _)| i)
            .collect();
        let lower = Walker::new(lower.iter().map(|&i| (keys[i].as_str(), i)))?;
        let mut people_by_first_name: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, e) in res.kb.iter().enumerate() {
            if e.kind == KbKind::Person {
                if let Some(first) = e.name.split(' ').next() {
                    people_by_first_name
                        .entry(first.to_string())
                        .or_default()
                        .push(i);
                }
            }
        }
        Ok(Gazetteer {
            all: Walker::new(keys.iter().map(String::as_str).zip(0..))?,
            lower,
            patterns,
            people_by_first_name,
        })
    }

    /// Every hit at word boundaries whose case fits one of the pattern's spellings;
    /// overlapping hits included (resolution picks among them), ordered by end, then start.
    ///
    /// A hit must start where no letter or digit precedes, and names never start with white
    /// space, so the automaton is walked anchored from those positions only; on each walk every
    /// match state whose pattern is exactly as long as the walk is a name starting there.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        self.hits_with(text, false)
    }

    /// [`Gazetteer::hits`] in copy that is not English: countries' names in the wire's other
    /// languages too ("Russland", "Libia").
    pub fn hits_in_any_language(&self, text: &str) -> Vec<Hit> {
        self.hits_with(text, true)
    }

    fn hits_with(&self, text: &str, foreign: bool) -> Vec<Hit> {
        let mut out = Vec::new();
        // The entry each shared name of the text resolves to, decided once per name.
        let mut resolved: Vec<(usize, Option<Target>)> = Vec::new();
        let mut after_alnum = false;
        for (start, c) in text.char_indices() {
            let candidate = !after_alnum && !c.is_whitespace();
            after_alnum = c.is_alphanumeric();
            if !candidate {
                continue;
            }
            let walker = if c.is_lowercase() {
                &self.lower
            } else {
                &self.all
            };
            walker.walk(&text[start..], |len, pattern| {
                if self.patterns[pattern].foreign && !foreign {
                    return;
                }
                let Some(mut hit) = self.hit(text, start, start + len, pattern) else {
                    return;
                };
                if !self.patterns[pattern].cues.is_empty() {
                    let winner = match resolved.iter().find(|r| r.0 == pattern) {
                        Some(&(_, w)) => w,
                        None => {
                            let w = self.cue_winner(text, pattern);
                            resolved.push((pattern, w));
                            w
                        }
                    };
                    hit.targets
                        .retain(|t| !matches!(t, Target::Kb(_)) || Some(*t) == winner);
                    if hit.targets.is_empty() {
                        return;
                    }
                }
                out.push(hit);
            });
        }
        out.sort_by_key(|h| (h.end, std::cmp::Reverse(h.end - h.start)));
        out
    }

    /// Of the knowledge-base entries sharing pattern `pattern`'s name, the one whose cues
    /// `text` holds more of than the others' (a cricket story's "ICC" is the cricket council);
    /// none where no entry leads: a wrong link is worse than none.
    fn cue_winner(&self, text: &str, pattern: usize) -> Option<Target> {
        let lower = text.to_ascii_lowercase();
        let scores: Vec<(Target, usize)> = self.patterns[pattern]
            .cues
            .iter()
            .map(|(t, cues)| (*t, cues.iter().filter(|c| has_word(&lower, c)).count()))
            .collect();
        let best = scores.iter().map(|s| s.1).max().unwrap_or(0);
        (best > 0 && scores.iter().filter(|s| s.1 == best).count() == 1)
            .then(|| scores.iter().find(|s| s.1 == best).map(|s| s.0))
            .flatten()
    }

    /// Pattern `pattern` at `start..end` of `text`, if the span is a whole word sequence and
    /// its case fits.
    fn hit(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<Hit> {
        if !text.is_char_boundary(end)
            || !at_boundary(text, start, end)
            || apostrophe_inside(&text[end..])
        {
            return None;
        }
        let p = &self.patterns[pattern];
        let found = &text[start..end];
        let fits = |k: usize| case_compatible(&p.surfaces[k], found);
        let fitting = (0..p.surfaces.len()).filter(|&k| fits(k)).count();
        if fitting == 0 {
            return None;
        }
        // Where only some spellings fit, only what they name.
        let mut targets = if fitting == p.surfaces.len() {
            p.targets.clone()
        } else {
            p.targets
                .iter()
                .copied()
                .filter(|t| p.spelled.iter().any(|&(k, u)| u == *t && fits(k)))
                .collect()
        };
        // A body's name that opens with "The" is not that body where another capitalised
        // word carries the name on ("The Times Square", "The Independent Electoral
        // Commission"): the words after it name something else.
        if found.starts_with("The ") && continued_by_capitalised(&text[end..]) {
            targets.retain(|t| !matches!(t, Target::Kb(_)));
            if targets.is_empty() {
                return None;
            }
        }
        Some(Hit {
            start,
            end,
            targets,
        })
    }
}

/// Does `rest` (the text after a name) go on with a capitalised word after one space?
fn continued_by_capitalised(rest: &str) -> bool {
    rest.strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Lower-case cues for knowledge-base entry `t`: its names other than `shared`, the Media
/// Topic labels it implies and those topics' curated terms.
fn kb_cues(res: &Resources, t: Target, shared: &str) -> Vec<String> {
    let Target::Kb(i) = t else {
        return Vec::new();
    };
    let e = &res.kb[i];
    let mut cues: Vec<String> = std::iter::once(&e.name)
        .chain(&e.aliases)
        .chain(&e.topics)
        .map(|s| s.to_lowercase())
        .collect();
    for (label, terms) in &res.topic_terms {
        if e.topics.contains(label) {
            cues.extend(
                terms
                    .iter()
                    .map(|t| t.trim_start_matches('~').to_lowercase()),
            );
        }
    }
    cues.retain(|c| c != shared && !c.contains(','));
    cues.sort_unstable();
    cues.dedup();
    cues
}

/// Whether `word` (lower case) occurs in `lower` (a text in ASCII lower case) as whole words.
fn has_word(lower: &str, word: &str) -> bool {
    lower
        .match_indices(word)
        .any(|(s, w)| at_boundary(lower, s, s + w.len()))
}

/// Whether `rest`, what follows a name, goes on with the same word past an apostrophe:
/// "Chang'e 7" (no town Chang), "N'Djamena"; not a possessive ("China's", "Paris'").
fn apostrophe_inside(rest: &str) -> bool {
    let mut cs = rest.chars();
    if !matches!(cs.next(), Some('\'' | '\u{2019}')) {
        return false;
    }
    match cs.next() {
        Some('s') => cs.next().is_some_and(char::is_alphanumeric),
        Some(c) => c.is_alphabetic(),
        None => false,
    }
}

/// A set of keys walked anchored, byte by byte, from a given position (case-insensitive in
/// ASCII): a finite-state transducer from each key, its ASCII letters folded to lower case, to
/// the group of keys that fold to it. Only anchored walks are needed, so this is a trie with
/// shared suffixes, built in one pass over the sorted keys — no failure links to compute, as
/// an Aho-Corasick automaton over tens of thousands of names would at every start-up.
pub(crate) struct Walker {
    fst: fst::raw::Fst<Vec<u8>>,
    /// The root's transition on each byte, ASCII letters folded: the first step of every walk
    /// without decoding the root node, and the test that ends most walks at once (no key
    /// starts with the byte).
    first_step: Vec<Option<fst::raw::Transition>>,
    /// The keys' indices (their values), grouped by folded key: group `g` is
    /// `values[starts[g]..starts[g + 1]]`; the transducer's output for a key is its group.
    values: Vec<usize>,
    starts: Vec<usize>,
    /// [`first_word_hash`] of every key: a walk from a word no key starts with is skipped (one
    /// set look-up instead of several steps through a large automaton).
    first_words: rustc_hash::FxHashSet<u64>,
}

/// Hash of the leading alphanumeric run of `s` (possibly empty), ASCII letters folded to lower
/// case as the walker folds them.
fn first_word_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let bytes = s.as_bytes();
    // ASCII bytes one by one; from the first other byte on, characters.
    let mut i = 0;
    while i < bytes.len() && bytes[i].is_ascii() {
        if !bytes[i].is_ascii_alphanumeric() {
            return h.finish();
        }
        h.write_u8(bytes[i].to_ascii_lowercase());
        i += 1;
    }
    for c in s[i..].chars().take_while(|c| c.is_alphanumeric()) {
        let mut buf = [0u8; 4];
        for b in c.to_ascii_lowercase().encode_utf8(&mut buf).bytes() {
            h.write_u8(b);
        }
    }
    h.finish()
}

impl Walker {
    /// A walker over `keys`, each with the value a walk reports for it (duplicate keys and
    /// keys differing only in ASCII case are all reported).
    pub(crate) fn new<'a>(
        keys: impl Iterator<Item = (&'a str, usize)>,
    ) -> Result<Self, crate::engine::EngineError> {
        let mut folded: Vec<(String, usize)> = keys
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        // The gazetteer's keys come sorted.
        if !folded.is_sorted() {
            folded.sort_unstable();
        }
        let mut builder = fst::raw::Builder::memory();
        let mut values = Vec::with_capacity(folded.len());
        let mut starts = Vec::new();
        let mut first_words = rustc_hash::FxHashSet::default();
        for (i, (key, value)) in folded.iter().enumerate() {
            if i == 0 || folded[i - 1].0 != *key {
                builder.insert(key, starts.len() as u64)?;
                starts.push(values.len());
                first_words.insert(first_word_hash(key));
            }
            values.push(*value);
        }
        starts.push(values.len());
        let fst = builder.into_fst();
        let root = fst.root();
        let first_step = (0..=255u8)
            .map(|b| root.find_input(b).map(|t| root.transition(t)))
            .collect();
        Ok(Walker {
            fst,
            first_step,
            values,
            starts,
            first_words,
        })
    }

    /// Calls `found(length, value)` for every key that `text` starts with and whose leading
    /// alphanumeric run is the text's (every key that can end at a word boundary of `text`).
    pub(crate) fn walk(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        // Most walks end here: no key starts with the byte, or with the word.
        let Some(Some(first)) = bytes
            .first()
            .map(|b| self.first_step[usize::from(b.to_ascii_lowercase())])
        else {
            return;
        };
        if !self.first_words.contains(&first_word_hash(text)) {
            return;
        }
        let mut out = fst::raw::Output::zero();
        let (mut next, mut len) = (Some(first), 0);
        while let Some(t) = next {
            out = out.cat(t.out);
            len += 1;
            let node = self.fst.node(t.addr);
            if node.is_final() {
                let g = out.cat(node.final_output()).value() as usize;
                for &v in &self.values[self.starts[g]..self.starts[g + 1]] {
                    found(len, v);
                }
            }
            next = bytes.get(len).and_then(|b| {
                node.find_input(b.to_ascii_lowercase())
                    .map(|k| node.transition(k))
            });
        }
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
    use super::*;

    /// The anchored walks find exactly what a full overlapping scan of the text finds.
    #[test]
    fn first_words_hash_alike_in_any_ascii_case() {
        assert_eq!(first_word_hash("Minsk, Belarus"), first_word_hash("MINSK"));
        assert_eq!(first_word_hash("São Paulo"), first_word_hash("SãO"));
        assert_ne!(first_word_hash("São Paulo"), first_word_hash("Sao Paulo"));
        assert_eq!(first_word_hash("'s-Hertogenbosch"), first_word_hash(""));
        assert_ne!(first_word_hash("Newark"), first_word_hash("New York"));
    }

    #[test]
    fn anchored_walks_find_what_a_full_scan_finds() {
        let res = Resources::embedded().expect("resources");
        let gaz = Gazetteer::build(&res).expect("gazetteer");
        let keys: Vec<String> = gaz
            .patterns
            .iter()
            .map(|p| p.surfaces[0].to_lowercase())
            .collect();
        let scan = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&keys)
            .expect("automaton");
        let seed = include_str!("../../../samples/putin-minsk.txt");
        let trade = include_str!("../../../samples/trade-talks.txt");
        for text in [
            seed,
            trade,
            "MINSK, Nov 27 (Reuters) - Russian President Vladimir Putin met Alexander Lukashenko \
             in New York City and Minsk; the U.S. State Department's spokesman Ned Price said.",
            "Der russische Präsident Wladimir Putin ist in Minsk eingetroffen – Mińsk, Köln, São Paulo.",
            "reading Reading NATO's nato WHO who UK-based 's-Hertogenbosch\u{a0}Paris",
            "Commission chief Ursula von der Leyen spoke; von der Leyen, VON DER LEYEN, Von der Leyen.",
        ] {
            let mut expected: Vec<(usize, usize)> = scan
                .find_overlapping_iter(text)
                .filter_map(|m| gaz.hit(text, m.start(), m.end(), m.pattern().as_usize()))
                .map(|h| (h.start, h.end))
                .collect();
            let mut got: Vec<(usize, usize)> =
                gaz.hits(text).iter().map(|h| (h.start, h.end)).collect();
            expected.sort_unstable();
            got.sort_unstable();
            assert!(!got.is_empty());
            assert_eq!(got, expected, "{text}");
            if text.contains("von der") {
                // A lower-case name is found from lower-case and all-caps starts.
                assert!(got.iter().filter(|(s, e)| e - s == 13).count() >= 2, "{got:?}");
            }
        }
    }

    #[test]
    fn walks_report_every_key_the_text_starts_with() {
        let keys = [
            "new york",
            "New",
            "new",
            "new york city",
            "newark",
            "ny",
            "Dow",
        ];
        let w = Walker::new(keys.iter().copied().zip(10..)).expect("walker");
        let walked = |text: &str| {
            let mut got = Vec::new();
            w.walk(text, |len, v| got.push((len, v)));
            got.sort_unstable();
            got
        };
        // Keys differing in ASCII case are each reported, with their own values; a key must
        // be walked whole ("new york city" is not in "New York state").
        assert_eq!(walked("NEW YORK state"), vec![(3, 11), (3, 12), (8, 10)]);
        assert_eq!(walked("dow jones"), vec![(3, 16)]);
        // A text whose first word no key starts with walks nothing ("newer" is no key's word).
        assert!(walked("newer").is_empty());
        assert!(walked("").is_empty());
        assert!(walked("Boston").is_empty());
    }

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
