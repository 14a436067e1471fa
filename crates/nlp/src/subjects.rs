//! IPTC Media Topics from the text: every active topic's label, curated evidence terms and
//! the topics the story's knowledge-base entities imply, scored and propagated up the tree.

use crate::gazetteer::Walker;
use crate::resources::{Resources, Topic};
use crate::tagger::Passthrough;
use crate::text::{at_boundary, Token};
use newsflow_model::enriched::SubjectScore;
use newsflow_model::AgencySubject;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::hash::BuildHasherDefault;
use xxhash_rust::xxh3::xxh3_64;

/// Media Topic URI prefix.
pub const MEDIATOPIC_URI: &str = "http://cv.iptc.org/newscodes/mediatopic/";
/// Old IPTC Subject Code URI prefix.
const SUBJECTCODE_URI: &str = "http://cv.iptc.org/newscodes/subjectcode/";

/// Evidence a single occurrence of a term gives; capped per term.
const MAX_OCCURRENCES_PER_TERM: usize = 3;
/// Own evidence a specific topic needs to be reported.
const MIN_SPECIFIC: f32 = 2.0;
/// Aggregate evidence a top-level topic needs to be reported.
const MIN_TOP: f32 = 2.0;
/// Share of a topic's evidence passed to each ancestor.
const PROPAGATION: f32 = 0.6;

/// Weight of the vocabulary lexicon against label and keyword matches.
const LEXICON_WEIGHT: f32 = 0.5;

/// Least (weighted) count of a word in the vocabulary's texts for the lexicon to use it: a
/// word met once in one definition says little about its top level.
const LEXICON_MIN_COUNT: f32 = 2.0;

/// Evidence for each top level from the words of the vocabulary's own labels and definitions
/// under it: for every word, how much more often it appears under one top level than overall
/// (pointwise mutual information, positive part).
struct Lexicon {
    tops: Vec<usize>,
    /// A word's xxh3 hash → its range in `entries`: one probe per word of the story, no
    /// string compared and no list behind a pointer.
    index: std::collections::HashMap<u64, (u32, u32), BuildHasherDefault<Passthrough>>,
    /// (top-level slot, weight) lists, one after another.
    entries: Vec<(usize, f32)>,
}

/// Calls `f` with every word of `text` the lexicon counts: alphabetic runs of three letters or
/// more, lower-cased and singular (borrowed where the word already is, else written into
/// `buf`). Returns how many there were.
fn lexicon_words(text: &str, buf: &mut String, mut f: impl FnMut(&str)) -> usize {
    let mut n = 0;
    for w in text.split(|c: char| !c.is_alphabetic()) {
        if w.len() < 3 || w.chars().nth(2).is_none() {
            continue;
        }
        n += 1;
        let lower = crate::text::lowercase(w);
        if crate::keywords::is_singular(&lower) {
            f(&lower);
        } else {
            crate::keywords::singular_into(&lower, buf);
            f(buf);
        }
    }
    n
}

impl Lexicon {
    fn build(
        topics: &[Topic],
        by_code: &HashMap<String, usize>,
        extra: &[(usize, Vec<String>)],
    ) -> Self {
        let stop: rustc_hash::FxHashSet<&str> = crate::keywords::STOPWORDS.split(' ').collect();
        let tops: Vec<usize> = (0..topics.len())
            .filter(|&t| topics[t].level == 1)
            .collect();
        let n = tops.len();
        let top_slot = |t: usize| {
            by_code
                .get(&topics[t].top)
                .and_then(|i| tops.iter().position(|x| x == i))
        };
        let mut counts: HashMap<String, Vec<f32>> = HashMap::default();
        let mut totals = vec![0f32; n];
        let mut buf = String::new();
        let mut add = |slot: usize, text: &str, weight: f32| {
            lexicon_words(text, &mut buf, |w| {
                if !stop.contains(w) {
                    counts.entry(w.to_string()).or_insert_with(|| vec![0.0; n])[slot] += weight;
                    totals[slot] += weight;
                }
            });
        };
        for (t, topic) in topics.iter().enumerate() {
            if let Some(slot) = top_slot(t) {
                add(slot, &topic.label, 3.0);
                // Capitalised words of a definition are names ("Iran", "Europe") or open a
                // sentence: no vocabulary of the topic.
                let common: Vec<&str> = topic
                    .definition
                    .split(' ')
                    .filter(|w| !w.starts_with(char::is_uppercase))
                    .collect();
                add(slot, &common.join(" "), 1.0);
            }
        }
        for (t, terms) in extra {
            if let Some(slot) = top_slot(*t) {
                for term in terms {
                    add(slot, term, 2.0);
                }
            }
        }
        let all: f32 = totals.iter().sum();
        let vocab = counts.len() as f32;
        let mut index = std::collections::HashMap::default();
        let mut entries = Vec::new();
        for (w, c) in counts {
            if c.iter().sum::<f32>() < LEXICON_MIN_COUNT {
                continue;
            }
            let overall = (c.iter().sum::<f32>() + 0.5) / (all + 0.5 * vocab);
            let list: Vec<(usize, f32)> = c
                .iter()
                .enumerate()
                .filter(|(_, &k)| k > 0.0)
                .map(|(slot, &k)| {
                    (
                        slot,
                        ((k + 0.1) / (totals[slot] + 0.1 * vocab) / overall).ln(),
                    )
                })
                .filter(|(_, pmi)| *pmi > 0.5)
                .collect();
            if !list.is_empty() {
                let start = entries.len() as u32;
                entries.extend(list);
                index.insert(xxh3_64(w.as_bytes()), (start, entries.len() as u32));
            }
        }
        Lexicon {
            tops,
            index,
            entries,
        }
    }

    /// Evidence per top level from the words of `headline` (counted twice) and `body`, as
    /// [`lexicon_words`] gives them, normalised by the square root of the word count.
    fn scores<'t>(&self, headline: &str, body: impl IntoIterator<Item = &'t str>) -> Vec<f32> {
        let mut s = vec![0f32; self.tops.len()];
        let mut words = 0usize;
        let mut buf = String::new();
        let texts = std::iter::once((headline, 2usize)).chain(body.into_iter().map(|t| (t, 1)));
        for (text, weight) in texts {
            let n = lexicon_words(text, &mut buf, |key| {
                if let Some(&(start, end)) = self.index.get(&xxh3_64(key.as_bytes())) {
                    for (slot, pmi) in &self.entries[start as usize..end as usize] {
                        s[*slot] += weight as f32 * pmi;
                    }
                }
            });
            words += weight * n;
        }
        let norm = (words.max(1) as f32).sqrt();
        s.iter_mut().for_each(|v| *v /= norm);
        s
    }
}

/// A curated term and whether it only supports its topic: written with a leading `~` ("~won"),
/// it counts where the topic already has other evidence, as a common verb does for sport
/// ("won the match") but not alone ("wins peace prize").
fn supporting(term: &str) -> (&str, bool) {
    match term.strip_prefix('~') {
        Some(t) => (t, true),
        None => (term, false),
    }
}

/// Whether a match is the first half of a negative contraction: "won't", "can't".
fn negated(after: &str) -> bool {
    after.starts_with("'t") || after.starts_with("\u{2019}t")
}

/// Words after a pair of numbers that make it no score: "a 5-4 ruling", "up 1-3 pct", "a 50-50
/// venture", "aged 18-25 years".
const NOT_AFTER_SCORE: [&str; 42] = [
    "percent",
    "per",
    "pct",
    "%",
    "year*",
    "month*",
    "week*",
    "day*",
    "hour*",
    "minute*",
    "mile*",
    "km",
    "kilomet*",
    "metre*",
    "meter*",
    "feet",
    "foot",
    "inch*",
    "pound*",
    "kg",
    "ton",
    "tons",
    "tonne*",
    "seat*",
    "member*",
    "ruling*",
    "decision*",
    "vote*",
    "verdict*",
    "majority",
    "margin*",
    "split",
    "venture*",
    "joint",
    "partnership*",
    "ratio*",
    "stake*",
    "share*",
    "basis",
    "page*",
    "aircraft",
    "jet*",
];

/// Words before a pair of numbers that make it no score besides a month's name ("November
/// 16-18", [`crate::ner::month_word`]): ages, models ("737-800"), ranges ("between 10-12").
const NOT_BEFORE_SCORE: [&str; 12] = [
    "aged",
    "ages",
    "ratio",
    "between",
    "from",
    "Boeing",
    "Airbus",
    "grades",
    "pages",
    "Highway",
    "Route",
    "Interstate",
];

/// Words of a sentence that make a pair of numbers in it a vote or a ruling, not a score
/// ("Parliament approved the law 124-65", "the justices ruled 5-4").
const VOTE_WORDS: [&str; 23] = [
    "vote",
    "votes",
    "voted",
    "voting",
    "ballot",
    "ballots",
    "approved",
    "passed",
    "parliament",
    "lawmakers",
    "legislators",
    "MPs",
    "senators",
    "senate",
    "congress",
    "confidence",
    "law",
    "bill",
    "motion",
    "resolution",
    "ruled",
    "justices",
    "split",
];

/// Whether the digits at `start..end` open a match score, "79-67" or "3-1" (two numbers of at
/// most three digits, neither above 200, joined by a hyphen or an en dash): the byte end of the
/// score if so. Dates, votes, ages, ratios and models are not scores (see [`NOT_AFTER_SCORE`],
/// [`NOT_BEFORE_SCORE`], [`VOTE_WORDS`]).
fn score_at(text: &str, start: usize, end: usize) -> Option<usize> {
    let number = |s: &str| s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    let first = &text[start..end];
    if !number(first) || first.parse::<u32>().ok()? > 200 {
        return None;
    }
    let rest = &text[end..];
    let rest = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('\u{2013}'))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let second = &rest[..digits];
    if digits == 0 || !number(second) || second.parse::<u32>().ok()? > 200 {
        return None;
    }
    let score_end = text.len() - rest.len() + digits;
    let before = text[..start].trim_end();
    // A longer run of numbers ("1-2-3", "2004-05-06", "1.5-2"), a sign or a currency before.
    if before.ends_with(|c: char| c.is_ascii_digit() || "-./$\u{2013}\u{a3}\u{20ac}".contains(c))
        || text[..start].ends_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    let after = &text[score_end..];
    let mut chars = after.chars();
    let (c1, c2) = (chars.next(), chars.next());
    let joined =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "-/%\u{2013}".contains(c));
    // "3-1." and "6-4, 6-2" end a score; "1-2.5" and "2-3,000" do not.
    if joined(c1) || (matches!(c1, Some('.' | ',')) && c2.is_some_and(|c| c.is_ascii_digit())) {
        return None;
    }
    let next = after.trim_start();
    let word = match next.find(|c: char| !c.is_alphabetic()) {
        Some(0) => &next[..next.chars().next().map_or(0, char::len_utf8)],
        Some(n) => &next[..n],
        None => next,
    };
    let word = word.to_lowercase();
    // An entry ending in `*` stands for every word it begins ("years", "decisions").
    if NOT_AFTER_SCORE.iter().any(|w| match w.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => word == *w,
    }) {
        return None;
    }
    let previous = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if crate::ner::month_word(previous) || NOT_BEFORE_SCORE.contains(&previous) {
        return None;
    }
    // A vote in the same sentence ("Parliament approved the law 124-65").
    let mut from = start.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let sentence = text[from..start]
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or("");
    if sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| VOTE_WORDS.iter().any(|v| w.eq_ignore_ascii_case(v)))
    {
        return None;
    }
    // A sentence in another language, whose votes the English words above miss (a Finnish
    // item's Swedish translation: "Regeringen fick förtroende med 106-80").
    let rest = after.find(['.', '!', '?', '\n']).unwrap_or(after.len());
    if crate::language::shows_other_language(&text[start - sentence.len()..score_end + rest]) {
        return None;
    }
    Some(score_end)
}

/// The vocabulary with its term automaton.
pub struct TopicIndex {
    lexicon: Lexicon,
    parents: Vec<Option<usize>>,
    topics: Vec<Topic>,
    by_code: HashMap<String, usize>,
    by_label: HashMap<String, usize>,
    by_subjectcode: HashMap<String, usize>,
    /// Every term, walked case-insensitively from each word start.
    walker: Walker,
    /// Terms with a capital ("Dow", "Yankees", "AI") count only as written.
    exact: Vec<bool>,
    /// The topics each term is evidence for, and whether only as support (see [`supporting`]).
    term_topics: Vec<Vec<(usize, bool)>>,
    terms: Vec<String>,
    /// "sport", which a match score ("beat Providence 79-67") is evidence for.
    sport: Option<usize>,
    /// "tennis", which set scores are evidence for.
    tennis: Option<usize>,
}

/// Whether a score is a tennis set's: "6-3", "7-5", "6-7", one side six or seven games and
/// the other fewer, or seven to six or five.
fn tennis_set(score: &str) -> bool {
    let Some((a, b)) = score.split_once('-') else {
        return false;
    };
    let (Ok(a), Ok(b)) = (a.trim().parse::<u8>(), b.trim().parse::<u8>()) else {
        return false;
    };
    let (hi, lo) = (a.max(b), a.min(b));
    hi == 6 && lo <= 4 || hi == 7 && (lo == 5 || lo == 6)
}

impl TopicIndex {
    /// Compiles labels and curated terms.
    pub fn build(res: &Resources) -> Result<Self, crate::engine::EngineError> {
        let topics = res.topics.clone();
        let by_code: HashMap<String, usize> = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.code.clone(), i))
            .collect();
        let by_label: HashMap<String, usize> = topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.label.clone(), i))
            .collect();
        let by_subjectcode: HashMap<String, usize> = topics
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.subjectcode.is_empty())
            .map(|(i, t)| (t.subjectcode.clone(), i))
            .collect();
        let extra: Vec<(usize, Vec<String>)> = res
            .topic_terms
            .iter()
            .filter_map(|(label, terms)| {
                // A supporting term is a common word ("~won", "~round"): no vocabulary of
                // its topic for the lexicon.
                let plain = terms
                    .iter()
                    .filter(|t| !supporting(t).1)
                    .map(|t| t.to_string())
                    .collect();
                by_label.get(label).map(|&i| (i, plain))
            })
            .collect();
        let lexicon = Lexicon::build(&topics, &by_code, &extra);
        let mut term_map: HashMap<String, Vec<(usize, bool)>> = HashMap::default();
        for (i, t) in topics.iter().enumerate() {
            // Labels with commas ("arts, culture, ...") never stand in running text.
            if !t.label.contains(',') {
                term_map
                    .entry(t.label.to_lowercase())
                    .or_default()
                    .push((i, false));
            }
        }
        for (label, terms) in &res.topic_terms {
            if let Some(&i) = by_label.get(label) {
                for term in terms {
                    let (term, support) = supporting(term);
                    let entry = term_map.entry(term.to_string()).or_default();
                    match entry.iter_mut().find(|(t, _)| *t == i) {
                        // A curated "~party" makes the label itself only support its topic (a
                        // social "party" in copy about a political one).
                        Some(e) => e.1 |= support,
                        None => entry.push((i, support)),
                    }
                }
            }
        }
        let mut pairs: Vec<(String, Vec<(usize, bool)>)> = term_map.into_iter().collect();
        pairs.sort();
        let terms: Vec<String> = pairs.iter().map(|(t, _)| t.clone()).collect();
        let walker = Walker::new(terms.iter().map(String::as_str).zip(0..))?;
        let exact = terms
            .iter()
            .map(|t| t.chars().any(char::is_uppercase))
            .collect();
        let sport = by_label.get("sport").copied();
        let tennis = by_label.get("tennis").copied();
        let parents = topics
            .iter()
            .map(|t| by_code.get(&t.parent).copied())
            .collect();
        Ok(TopicIndex {
            lexicon,
            parents,
            topics,
            by_code,
            by_label,
            by_subjectcode,
            walker,
            exact,
            term_topics: pairs.into_iter().map(|(_, v)| v).collect(),
            terms,
            sport,
            tennis,
        })
    }

    /// The topic index of a label.
    pub fn by_label(&self, label: &str) -> Option<usize> {
        self.by_label.get(label).copied()
    }

    /// The code of the topic with this label.
    pub fn code_of_label(&self, label: &str) -> Option<String> {
        self.by_label
            .get(label)
            .map(|&i| self.topics[i].code.clone())
    }

    /// The label of the top-level topic above `code`.
    pub fn top_label(&self, code: &str) -> Option<&str> {
        let t = &self.topics[*self.by_code.get(code)?];
        let top = &self.topics[*self.by_code.get(&t.top)?];
        Some(&top.label)
    }

    /// Every top-level label, for pre-initialising metrics and routing.
    pub fn top_labels(&self) -> Vec<&str> {
        self.topics
            .iter()
            .filter(|t| t.level == 1)
            .map(|t| t.label.as_str())
            .collect()
    }

    /// Maps an agency subject to a Media Topic: a mediatopic URI or qcode, or an old
    /// Subject Code through IPTC's `exactMatch` link.
    pub fn resolve_agency(&self, s: &AgencySubject) -> Option<usize> {
        let candidates = [s.uri.as_deref(), s.code.as_deref()];
        for c in candidates.into_iter().flatten() {
            let c = c.trim();
            let code = c
                .strip_prefix(MEDIATOPIC_URI)
                .or_else(|| c.strip_prefix("medtop:"))
                .or_else(|| c.strip_prefix("mediatopic:"));
            if let Some(code) = code {
                if let Some(&i) = self.by_code.get(code) {
                    return Some(i);
                }
            }
            let old = c
                .strip_prefix(SUBJECTCODE_URI)
                .or_else(|| c.strip_prefix("subj:"))
                .unwrap_or(c);
            if old.len() == 8 && old.chars().all(|d| d.is_ascii_digit()) {
                if let Some(&i) = self.by_subjectcode.get(old) {
                    return Some(i);
                }
            }
        }
        None
    }

    /// A [`SubjectScore`] for topic `i`.
    pub fn score_for(
        &self,
        i: usize,
        relevance: u8,
        confidence: u8,
        origin: &str,
        evidence: Vec<String>,
    ) -> SubjectScore {
        let t = &self.topics[i];
        SubjectScore {
            code: t.code.clone(),
            uri: format!("{MEDIATOPIC_URI}{}", t.code),
            name: t.label.clone(),
            top_level: self.top_label(&t.code).map(str::to_string),
            relevance,
            confidence,
            origin: origin.to_string(),
            evidence,
        }
    }

    /// Whether `topic` is `ancestor` or lies under it (at most eight levels down).
    fn is_within(&self, topic: usize, ancestor: usize) -> bool {
        let mut cur = topic;
        for _ in 0..=8 {
            if cur == ancestor {
                return true;
            }
            let Some(p) = self.parents[cur] else {
                return false;
            };
            cur = p;
        }
        false
    }

    /// Scores the story's topics from its headline and body (each with its word tokens and the
    /// byte spans, in order, of the people it names, whose names are no evidence: "Gene
    /// Hackman" is no genetics) and the topics its entities imply (`(topic, weight, evidence)`), most
    /// relevant first. The vocabulary lexicon, English words, votes only on `english` copy.
    pub(crate) fn classify(
        &self,
        (headline, headline_toks, headline_people): (&str, &[Token<'_>], &[(usize, usize)]),
        (body, body_toks, people): (&str, &[Token<'_>], &[(usize, usize)]),
        implied: &[(usize, f32, String)],
        english: bool,
    ) -> Vec<SubjectScore> {
        // Sparse: only the topics with evidence are touched.
        let mut own: HashMap<usize, f32> = HashMap::default();
        // Evidence borrows the terms (and the implying entities' names): no copies per topic.
        let mut evidence: HashMap<usize, Vec<&str>> = HashMap::default();
        let mut supported: HashMap<usize, f32> = HashMap::default();
        let mut support_terms: HashMap<usize, Vec<&str>> = HashMap::default();
        // Match scores ("beat Providence, 79-67"), in English copy: evidence for sport where
        // it has any other, a supporting word ("beat", "points") enough; a parliament's vote
        // ("approved the law 124-65") has none.
        let mut scores: Vec<(f32, &str)> = Vec::new();
        for (text, toks, weight, names) in [
            (headline, headline_toks, 2.0f32, headline_people),
            (body, body_toks, 1.0, people),
        ] {
            let mut seen: HashMap<usize, usize> = HashMap::default();
            // The longest term starting at each word, matches not overlapping; `names` are in
            // order of start, walked with the words.
            let mut free = 0;
            let mut next_name = 0;
            for tok in toks {
                while names.get(next_name).is_some_and(|&(_, b)| b <= tok.start) {
                    next_name += 1;
                }
                let in_name = names.get(next_name).is_some_and(|&(a, _)| a <= tok.start);
                if tok.start < free || in_name {
                    continue;
                }
                if let Some(end) = score_at(text, tok.start, tok.end).filter(|_| english) {
                    free = end;
                    if scores.len() < MAX_OCCURRENCES_PER_TERM {
                        scores.push((weight, &text[tok.start..end]));
                    }
                    continue;
                }
                let mut longest = None;
                self.walker.walk(&text[tok.start..], |len, term| {
                    let end = tok.start + len;
                    if text.is_char_boundary(end)
                        && at_boundary(text, tok.start, end)
                        && !(self.exact[term] && &text[tok.start..end] != self.terms[term].as_str())
                        && !negated(&text[end..])
                    {
                        longest = Some((end, term));
                    }
                });
                let Some((end, term)) = longest else {
                    continue;
                };
                free = end;
                let count = seen.entry(term).or_default();
                *count += 1;
                if *count > MAX_OCCURRENCES_PER_TERM {
                    continue;
                }
                for &(t, support) in &self.term_topics[term] {
                    let (scores, terms) = if support {
                        (&mut supported, &mut support_terms)
                    } else {
                        (&mut own, &mut evidence)
                    };
                    *scores.entry(t).or_default() += weight;
                    terms.entry(t).or_default().push(self.terms[term].as_str());
                }
            }
        }
        for (t, w, ev) in implied {
            *own.entry(*t).or_default() += w;
            evidence.entry(*t).or_default().push(ev.as_str());
        }
        if let Some(sport) = self.sport.filter(|_| !scores.is_empty()) {
            let near = |t: &usize| self.is_within(*t, sport);
            if own.keys().any(near) || supported.keys().any(near) {
                // Two scores or more of a tennis set in one text ("4-6, 6-3, 7-5") are tennis
                // (a hockey score in the headline and again in the body is not).
                let sets: Vec<(f32, &str)> = scores
                    .iter()
                    .copied()
                    .filter(|(_, s)| tennis_set(s))
                    .collect();
                let in_one = |w: f32| sets.iter().filter(|s| s.0 == w).nth(1).is_some();
                if let Some(tennis) = self.tennis.filter(|_| in_one(1.0) || in_one(2.0)) {
                    for &(w, score) in &sets {
                        *own.entry(tennis).or_default() += w;
                        evidence.entry(tennis).or_default().push(score);
                    }
                }
                for (w, score) in scores {
                    *own.entry(sport).or_default() += w;
                    evidence.entry(sport).or_default().push(score);
                }
            }
        }
        // Supporting terms count only for a topic with other evidence at or under it.
        for (t, w) in supported {
            if own.keys().any(|&o| self.is_within(o, t)) {
                *own.entry(t).or_default() += w;
                if let Some(terms) = support_terms.remove(&t) {
                    evidence.entry(t).or_default().extend(terms);
                }
            }
        }
        // Each topic's own evidence counts for its ancestors too; the evidence sets are built
        // only for the topics reported (below), not for every ancestor touched here.
        let mut agg: HashMap<usize, f32> = own.clone();
        for (&t, &score) in &own {
            let mut cur = t;
            let mut share = score * PROPAGATION;
            for _ in 0..8 {
                let Some(p) = self.parents[cur] else { break };
                *agg.entry(p).or_default() += share;
                share *= PROPAGATION.max(0.9);
                cur = p;
            }
        }
        // The vocabulary lexicon votes for top levels, most for short texts without matches.
        let sample = body.split_whitespace().take(300);
        let lex = if english {
            self.lexicon.scores(headline, sample)
        } else {
            vec![0.0; self.lexicon.tops.len()]
        };
        let mut lexical: Vec<usize> = Vec::new();
        for (slot, &t) in self.lexicon.tops.iter().enumerate() {
            if lex[slot] > 0.0 {
                *agg.entry(t).or_default() += LEXICON_WEIGHT * lex[slot];
                lexical.push(t);
            }
        }
        let own_of = |t: usize| own.get(&t).copied().unwrap_or(0.0);
        let agg_of = |t: usize| agg.get(&t).copied().unwrap_or(0.0);
        let mut chosen: Vec<usize> = agg
            .keys()
            .copied()
            .filter(|&t| {
                let top = self.topics[t].level == 1;
                (top && agg_of(t) >= MIN_TOP) || (!top && own_of(t) >= MIN_SPECIFIC)
            })
            .collect();
        chosen.sort_unstable();
        // Always name the best-supported top level when there is any evidence at all.
        if !chosen.iter().any(|&t| self.topics[t].level == 1) {
            if let Some(&best) = self
                .lexicon
                .tops
                .iter()
                .filter(|&&t| agg_of(t) > 0.0)
                .max_by(|&&a, &&b| agg_of(a).total_cmp(&agg_of(b)))
            {
                chosen.push(best);
            }
        }
        chosen.sort_by(|&a, &b| agg_of(b).total_cmp(&agg_of(a)).then(a.cmp(&b)));
        chosen.truncate(16);
        let max = chosen.iter().map(|&t| agg_of(t)).fold(0f32, f32::max);
        chosen
            .into_iter()
            .map(|t| {
                let relevance = ((100.0 * agg_of(t) / max).round() as u8).max(5);
                // The evidence of the topic and of every topic under it with evidence.
                let mut ev_set: BTreeSet<&str> = BTreeSet::new();
                for (&o, terms) in &evidence {
                    if self.is_within(o, t) {
                        ev_set.extend(terms.iter().copied());
                    }
                }
                if lexical.contains(&t) {
                    ev_set.insert("vocabulary");
                }
                let distinct = ev_set.len() as f32;
                let confidence =
                    (30.0 + 12.0 * distinct + 4.0 * own_of(t).min(5.0)).min(95.0) as u8;
                let ev: Vec<String> = ev_set.iter().take(8).map(|s| s.to_string()).collect();
                self.score_for(t, relevance, confidence, "newsflow", ev)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon_tops(index: &TopicIndex, text: &str) -> Vec<String> {
        let scores = index.lexicon.scores(text, std::iter::empty());
        index
            .lexicon
            .tops
            .iter()
            .zip(scores)
            .filter(|(_, s)| *s > 0.0)
            .map(|(&t, _)| index.topics[t].label.clone())
            .collect()
    }

    #[test]
    fn a_supporting_term_counts_only_beside_other_evidence() {
        let res = Resources::embedded().expect("resources");
        let index = TopicIndex::build(&res).expect("index");
        let subjects = |headline: &str| {
            let toks = crate::text::tokens(headline);
            index.classify((headline, &toks, &[]), ("", &[], &[]), &[], true)
        };
        // "wins" alone is no sport; beside "coach" and "season" it adds to it.
        let prize = subjects("Kenyan tree planter wins peace prize");
        assert!(!prize.iter().any(|s| s.name == "sport"), "{prize:?}");
        let game = subjects("Coach says team wins again as season ends");
        assert_eq!(game.first().map(|s| s.name.as_str()), Some("sport"));
        assert!(game[0].evidence.contains(&"wins".to_string()), "{game:?}");
    }

    /// The scores [`score_at`] finds in `text`, as written.
    fn scores_in(text: &str) -> Vec<&str> {
        crate::text::tokens(text)
            .iter()
            .filter_map(|t| score_at(text, t.start, t.end).map(|end| &text[t.start..end]))
            .collect()
    }

    #[test]
    fn a_match_score_is_evidence_for_sport_and_a_date_a_vote_or_a_model_is_not() {
        assert_eq!(
            scores_in(
                "the Demon Deacons beat Providence, 79-67. Henman won 6-4, 6-2 and 3\u{2013}1 tonight."
            ),
            ["79-67", "6-4", "6-2", "3\u{2013}1"]
        );
        // A name's letters beyond ASCII are no other language; an English word settles it.
        assert_eq!(
            scores_in("Atlético beat Sevilla 2-1. The pâtissiers' team won 3-0 at the café."),
            ["2-1", "3-0"]
        );
        for none in [
            "a conference on November 16-18 in Las Vegas",
            "the court ruled 5-4 on Monday",
            "the justices split 5-4 decision",
            "four new Boeing 737-800 aircraft",
            "a 50-50 venture to cut costs",
            "sales up 1-3 pct in December",
            "the 2004-05 season",
            "numbers 1-2-3 and 1-2.5 and 300-250",
            "children aged 5-11 and scored 12-3a",
            "Parliament has approved the alcohol law 124-65. It won confidence 106-80.",
            "a 2-1 majority and 3-2 per cent and 3-1 decisions",
            // A Finnish item's translations: no English vote word, another language.
            "Regeringen fick förtroende med 106-80.",
            "Hallitus sai luottamuksen äänin 106\u{2013}80.",
            "Parlamentet har godkänt alkohollagen 124-65 i dag.",
        ] {
            assert!(scores_in(none).is_empty(), "{none}: {:?}", scores_in(none));
        }
        let res = Resources::embedded().expect("resources");
        let index = TopicIndex::build(&res).expect("index");
        let (headline, body) = (
            "Deacons Defeat Friars",
            "Justin Gray leads Wake Forest with 21 points as the Demon Deacons beat Providence, 79-67.",
        );
        let (h, b) = (crate::text::tokens(headline), crate::text::tokens(body));
        let subjects = index.classify((headline, &h, &[]), (body, &b, &[]), &[], true);
        assert_eq!(
            subjects.first().map(|s| s.name.as_str()),
            Some("sport"),
            "{subjects:?}"
        );
        assert!(
            subjects[0].evidence.contains(&"79-67".to_string()),
            "{subjects:?}"
        );
    }

    #[test]
    fn the_lexicon_learns_words_not_the_names_in_definitions() {
        let res = Resources::embedded().expect("resources");
        let index = TopicIndex::build(&res).expect("index");
        // Definitions name countries and regions ("Iran", "Europe"); a story naming them says
        // nothing about its topic.
        assert!(lexicon_tops(&index, "Iran Europe").is_empty());
        assert!(lexicon_tops(&index, "parliament").contains(&"politics and government".to_string()));
    }
}
