//! A statistical named-entity tagger: a greedy averaged perceptron over BIO labels.
//!
//! Features per token: the word, its lower case, shape, prefixes and suffixes, the two words
//! either side, sentence position, the gazetteer and knowledge-base classes covering it, a
//! title word before it, the previous two predicted labels, and what the document already
//! said about the same word (a later "Putin" is the earlier "Vladimir Putin"). Features are
//! hashed to 64 bits; the model is a table from feature to one weight per label.
//!
//! The model is trained by `cargo run --release -p xtask -- train-ner` and shipped in
//! `resources/ner.model`; see `resources/NER-MODEL.md` for what it was trained on.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The labels, BIO over PER/ORG/LOC/MISC.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
const L: usize = LABELS.len();

/// Entity types, in label order (`B-` at `1 + 2t`, `I-` at `2 + 2t`).
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Feature keys are already hashes: pass them through.
#[derive(Default, Clone, Copy)]
pub struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Table<V> = HashMap<u64, V, BuildHasherDefault<Passthrough>>;

/// A feature: template id and value, hashed.
fn f(template: u64, value: &str) -> u64 {
    xxh3_64_with_seed(value.as_bytes(), template)
}

/// A feature over two values, without building a string.
fn f2(template: u64, a: &str, b: &str) -> u64 {
    xxh3_64_with_seed(b.as_bytes(), f(template, a))
}

/// The word shape: `Xxxx`, `XX`, `dd`, `Xx-Xx`…, runs collapsed.
pub fn shape(w: &str) -> String {
    let mut out = String::new();
    shape_into(w, &mut out);
    out
}

/// [`shape`], appended to `out`.
fn shape_into(w: &str, out: &mut String) {
    let mut last = ' ';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
    }
}

/// Whether `lower` (a lower-cased word) is a title such as "president" or "spokesman".
fn is_title(lower: &str) -> bool {
    const TITLES: [&str; 30] = [
        "president",
        "minister",
        "chancellor",
        "premier",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "mayor",
        "king",
        "queen",
        "prince",
        "pope",
        "general",
        "gen.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "mr",
        "mrs",
        "ms",
        "dr",
        "ambassador",
        "chairman",
        "coach",
    ];
    TITLES.contains(&lower)
}

/// A sentence's words with their lower-case forms and shapes, computed once per sentence.
pub struct Sentence<'a> {
    words: &'a [&'a str],
    /// Lower-case forms, borrowed where the word has no upper case.
    lower: Vec<std::borrow::Cow<'a, str>>,
    /// All shapes, one after another; `shape_ends[i]` ends word `i`'s.
    shapes: String,
    shape_ends: Vec<usize>,
}

impl<'a> Sentence<'a> {
    /// Prepares `words`.
    pub fn new(words: &'a [&'a str]) -> Self {
        let mut shapes = String::with_capacity(words.len() * 3);
        let mut shape_ends = Vec::with_capacity(words.len());
        for w in words {
            shape_into(w, &mut shapes);
            shape_ends.push(shapes.len());
        }
        Sentence {
            words,
            lower: words.iter().map(|w| crate::text::lowercase(w)).collect(),
            shapes,
            shape_ends,
        }
    }

    /// Token `i` lower-cased.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// Token `i`'s shape.
    fn shape(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.shape_ends[i - 1] };
        &self.shapes[start..self.shape_ends[i]]
    }

    /// The word, lower-cased word and shape at `i + k`, or the sentence-boundary markers (with
    /// the shapes [`shape`] gives them, as the model was trained).
    fn at(&self, i: usize, k: isize) -> (&str, &str, &str) {
        let j = i as isize + k;
        if j < 0 {
            ("<s>", "<s>", "<x>")
        } else if let Some(w) = self.words.get(j as usize) {
            let j = j as usize;
            (w, &self.lower[j], self.shape(j))
        } else {
            ("</s>", "</s>", "</x>")
        }
    }
}

/// The label-independent features of token `i`.
pub fn token_features(s: &Sentence<'_>, i: usize, gaz: &[Vec<u64>], out: &mut Vec<u64>) {
    let w = s.words[i];
    let lower = s.lower(i);
    let sh = s.shape(i);
    out.push(f(0, "bias"));
    out.push(f(1, w));
    out.push(f(2, lower));
    out.push(f(3, sh));
    // Byte starts of the first five and the last four characters, in one pass.
    let (mut first, mut last) = ([0usize; 5], [0usize; 4]);
    let mut nchars = 0;
    for (b, _) in lower.char_indices() {
        if nchars < 5 {
            first[nchars] = b;
        }
        last[nchars % 4] = b;
        nchars += 1;
    }
    for n in 1..=4.min(nchars) {
        let prefix_end = if n < nchars { first[n] } else { lower.len() };
        out.push(f(10 + n as u64, &lower[..prefix_end]));
        // The start of character `nchars - n`.
        out.push(f(20 + n as u64, &lower[last[(nchars - n) % 4]..]));
    }
    let (_, prev, prev_shape) = s.at(i, -1);
    let (_, next, next_shape) = s.at(i, 1);
    out.push(f(30, s.at(i, -2).1));
    out.push(f(31, prev));
    out.push(f(32, next));
    out.push(f(33, s.at(i, 2).1));
    out.push(f(34, prev_shape));
    out.push(f(35, next_shape));
    out.push(f2(36, prev, lower));
    out.push(f2(37, lower, next));
    out.push(f2(38, sh, next_shape));
    if i == 0 {
        out.push(f(40, "first"));
    }
    if i > 0 && is_title(prev) {
        out.push(f(41, "after-title"));
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        out.push(f(42, "digit"));
    }
    if w.contains('-') {
        out.push(f(43, "hyphen"));
    }
    const LENGTHS: [&str; 13] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    ];
    out.push(f(44, LENGTHS[w.chars().count().min(12)]));
    if let Some(g) = gaz.get(i) {
        out.extend_from_slice(g);
    }
}

/// A gazetteer feature (class and position), for [`token_features`].
pub fn gaz_feature(class: &str) -> u64 {
    f(50, class)
}

fn prev_features(prev: usize, prev2: usize, lower: &str, out: &mut Vec<u64>) {
    out.push(f(60, LABELS[prev]));
    out.push(f2(61, LABELS[prev2], LABELS[prev]));
    out.push(f2(62, LABELS[prev], lower));
}

/// Document memory: the entity type last given to a capitalised word.
#[derive(Debug, Default)]
pub struct DocMemory {
    seen: rustc_hash::FxHashMap<String, usize>,
}

impl DocMemory {
    fn features(&self, lower: &str, out: &mut Vec<u64>) {
        if let Some(&t) = self.seen.get(lower) {
            out.push(f(70, TYPES[t]));
        }
    }

    fn remember(&mut self, words: &[&str], labels: &[usize]) {
        for (w, &l) in words.iter().zip(labels) {
            if l > 0 && crate::text::capitalised(w) {
                self.seen.insert(w.to_lowercase(), (l - 1) / 2);
            }
        }
    }
}

/// Whether `w` has no capital letter and no digit.
fn plain(w: &str) -> bool {
    !w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Fixes an `I-X` that does not follow `B-X`/`I-X` into `B-X`.
fn legal(prev: usize, l: usize) -> usize {
    if l > 0 && l.is_multiple_of(2) && !(prev == l || prev == l - 1) {
        l - 1
    } else {
        l
    }
}

/// The trained model: weights quantised to 16 bits (a smaller table stays in cache better),
/// summed as integers, scaled back for margins.
pub struct Tagger {
    weights: Table<[i16; L]>,
    scale: f32,
}

impl Tagger {
    /// Quantises trained weights: the largest magnitude maps to `i16::MAX`; features whose
    /// weights all round to zero are dropped.
    fn quantised(weights: &Table<[f32; L]>) -> Self {
        let max = weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, v| m.max(v.abs()))
            .max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let weights = weights
            .iter()
            .map(|(k, w)| (*k, w.map(|v| (v / scale).round() as i16)))
            .filter(|(_, q)| q.iter().any(|v| *v != 0))
            .collect();
        Tagger { weights, scale }
    }

    fn scores(&self, feats: &[u64]) -> [i32; L] {
        let mut s = [0i32; L];
        for k in feats {
            if let Some(w) = self.weights.get(k) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += i32::from(*b);
                }
            }
        }
        s
    }

    /// Tags one sentence; returns (label, margin over the runner-up) per token.
    pub fn tag(&self, words: &[&str], gaz: &[Vec<u64>], doc: &mut DocMemory) -> Vec<(usize, f32)> {
        let mut out = Vec::with_capacity(words.len());
        let (mut prev, mut prev2) = (0usize, 0usize);
        let mut feats = Vec::with_capacity(64);
        let sentence = Sentence::new(words);
        for (i, word) in words.iter().enumerate() {
            // Outside an entity, a word without capitals or digits does not start one: it is
            // `O` without scoring (most of running text).
            if prev == 0 && plain(word) {
                out.push((0, f32::INFINITY));
                prev2 = prev;
                continue;
            }
            feats.clear();
            token_features(&sentence, i, gaz, &mut feats);
            let lower = sentence.lower(i);
            prev_features(prev, prev2, lower, &mut feats);
            doc.features(lower, &mut feats);
            let s = self.scores(&feats);
            let mut best = 0;
            for l in 1..L {
                if s[l] > s[best] {
                    best = l;
                }
            }
            let runner = (0..L)
                .filter(|&l| l != best)
                .map(|l| s[l])
                .max()
                .unwrap_or(i32::MIN);
            let label = legal(prev, best);
            out.push((label, (s[best] - runner) as f32 * self.scale));
            prev2 = prev;
            prev = label;
        }
        let labels: Vec<usize> = out.iter().map(|(l, _)| *l).collect();
        doc.remember(words, &labels);
        out
    }

    /// Serialises: magic, label count, scale, entry count, entries (key, quantised weights)
    /// sorted by key.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<(&u64, &[i16; L])> = self.weights.iter().collect();
        entries.sort_by_key(|(k, _)| **k);
        let mut out = b"NFNER1".to_vec();
        out.push(L as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for (k, q) in entries {
            out.extend_from_slice(&k.to_le_bytes());
            for v in q {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let bad = || "malformed NER model".to_string();
        let rest = bytes.strip_prefix(b"NFNER1").ok_or_else(bad)?;
        if rest.first() != Some(&(L as u8)) {
            return Err("NER model has another label set".into());
        }
        let scale = f32::from_le_bytes(
            rest.get(1..5)
                .ok_or_else(bad)?
                .try_into()
                .map_err(|_| bad())?,
        );
        let n = u64::from_le_bytes(
            rest.get(5..13)
                .ok_or_else(bad)?
                .try_into()
                .map_err(|_| bad())?,
        ) as usize;
        let body = &rest[13..];
        let entry = 8 + 2 * L;
        if body.len() != n * entry {
            return Err(bad());
        }
        let mut weights: Table<[i16; L]> = Table::with_capacity_and_hasher(n, Default::default());
        for chunk in body.chunks_exact(entry) {
            let key = u64::from_le_bytes(chunk[..8].try_into().map_err(|_| bad())?);
            let mut w = [0i16; L];
            for (l, v) in w.iter_mut().enumerate() {
                *v = i16::from_le_bytes([chunk[8 + 2 * l], chunk[9 + 2 * l]]);
            }
            weights.insert(key, w);
        }
        Ok(Tagger { weights, scale })
    }

    /// Number of features in the model.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model is empty.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// A training sentence: words, gazetteer features, gold labels.
#[derive(Clone)]
pub struct TrainSentence {
    /// Words.
    pub words: Vec<String>,
    /// Gazetteer features per word.
    pub gaz: Vec<Vec<u64>>,
    /// Gold label indices.
    pub labels: Vec<usize>,
}

/// Trains an averaged perceptron over documents (lists of sentences) for `epochs` passes;
/// `report` is called after each epoch with the epoch and the model so far.
pub fn train(
    docs: &[Vec<TrainSentence>],
    epochs: usize,
    mut report: impl FnMut(usize, &Tagger),
) -> Tagger {
    let mut w: Table<[f32; L]> = Table::default();
    let mut totals: Table<[f64; L]> = Table::default();
    let mut stamps: Table<[u64; L]> = Table::default();
    let mut step: u64 = 0;
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut feats = Vec::with_capacity(64);
    let averaged =
        |w: &Table<[f32; L]>, totals: &Table<[f64; L]>, stamps: &Table<[u64; L]>, step: u64| {
            let mut avg: Table<[f32; L]> = Table::default();
            for (k, wk) in w {
                let t = totals.get(k).copied().unwrap_or([0.0; L]);
                let s = stamps.get(k).copied().unwrap_or([0; L]);
                let mut a = [0f32; L];
                for l in 0..L {
                    let total = t[l] + f64::from(wk[l]) * (step - s[l]) as f64;
                    a[l] = (total / step.max(1) as f64) as f32;
                }
                avg.insert(*k, a);
            }
            Tagger::quantised(&avg)
        };
    for epoch in 0..epochs {
        // A fixed shuffle per epoch (xorshift), so training is reproducible.
        let mut seed = 0x9E37_79B9_7F4A_7C15u64 ^ epoch as u64;
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &d in &order {
            let mut doc = DocMemory::default();
            for s in &docs[d] {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let (mut prev, mut prev2) = (0usize, 0usize);
                let sentence = Sentence::new(&words);
                for i in 0..words.len() {
                    step += 1;
                    feats.clear();
                    token_features(&sentence, i, &s.gaz, &mut feats);
                    let lower = sentence.lower(i);
                    prev_features(prev, prev2, lower, &mut feats);
                    doc.features(lower, &mut feats);
                    let mut sc = [0f32; L];
                    for k in &feats {
                        if let Some(wk) = w.get(k) {
                            for (a, b) in sc.iter_mut().zip(wk) {
                                *a += b;
                            }
                        }
                    }
                    let mut guess = 0;
                    for l in 1..L {
                        if sc[l] > sc[guess] {
                            guess = l;
                        }
                    }
                    let gold = s.labels[i];
                    if guess != gold {
                        for k in &feats {
                            let wk = w.entry(*k).or_insert([0.0; L]);
                            let tk = totals.entry(*k).or_insert([0.0; L]);
                            let sk = stamps.entry(*k).or_insert([0; L]);
                            for (l, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                                tk[l] += f64::from(wk[l]) * (step - sk[l]) as f64;
                                sk[l] = step;
                                wk[l] += delta;
                            }
                        }
                    }
                    // Teacher forcing on the history: the gold label conditions the next token.
                    prev2 = prev;
                    prev = gold;
                }
                doc.remember(&words, &s.labels);
            }
        }
        report(epoch + 1, &averaged(&w, &totals, &stamps, step));
    }
    averaged(&w, &totals, &stamps, step)
}

/// Converts IOB1 tags (CoNLL-2003) or BIO tags to label indices (BIO).
pub fn labels_from_tags(tags: &[&str]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type: Option<&str> = None;
    for tag in tags {
        let (pos, ty) = match tag.split_once('-') {
            Some((p, t)) => (p, Some(t)),
            None => ("O", None),
        };
        let ty = ty.map(|t| match t {
            "PERSON" => "PER",
            "GPE" | "LOCATION" | "GEO" => "LOC",
            "ORGANIZATION" | "ORGANISATION" => "ORG",
            other => other,
        });
        let label = match ty.and_then(|t| TYPES.iter().position(|x| *x == t)) {
            None => 0,
            Some(t) => {
                let continues = pos == "I" && prev_type == ty;
                if continues {
                    2 + 2 * t
                } else {
                    1 + 2 * t
                }
            }
        };
        prev_type = if label == 0 { None } else { ty };
        out.push(label);
    }
    out
}

/// Entity spans `(type, start, end)` (token indices, end exclusive) of a label sequence.
pub fn spans(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let l = labels[i];
        if l == 0 {
            i += 1;
            continue;
        }
        let t = (l - 1) / 2;
        let start = i;
        i += 1;
        while i < labels.len() && labels[i] == 2 + 2 * t {
            i += 1;
        }
        out.push((t, start, i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_bio_tags_become_bio_labels() {
        let iob1 = labels_from_tags(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]);
        assert_eq!(iob1, vec![1, 2, 0, 5, 5, 7]);
        assert_eq!(
            spans(&iob1),
            vec![(0, 0, 2), (2, 3, 4), (2, 4, 5), (3, 5, 6)]
        );
    }

    #[test]
    fn the_shipped_model_round_trips_byte_for_byte() {
        let bytes = include_bytes!("../resources/ner.model");
        let model = Tagger::from_bytes(bytes).expect("shipped model");
        assert!(model.len() > 10_000);
        assert!(model.to_bytes() == bytes.as_slice());
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Putin"), "Xx");
        assert_eq!(shape("NATO"), "X");
        assert_eq!(shape("1996-08-22"), "d-d-d");
    }

    #[test]
    fn a_tiny_model_learns_and_round_trips() {
        let sent = |w: &[&str], t: &[&str]| TrainSentence {
            words: w.iter().map(|s| s.to_string()).collect(),
            gaz: vec![Vec::new(); w.len()],
            labels: labels_from_tags(t),
        };
        let docs = vec![vec![
            sent(
                &["Alice", "Smith", "visited", "Paris", "."],
                &["B-PER", "I-PER", "O", "B-LOC", "O"],
            ),
            sent(
                &["Bob", "Jones", "left", "Rome", "."],
                &["B-PER", "I-PER", "O", "B-LOC", "O"],
            ),
        ]];
        let model = train(&docs, 5, |_, _| {});
        let back = Tagger::from_bytes(&model.to_bytes()).expect("round trip");
        let labels: Vec<usize> = back
            .tag(
                &["Alice", "Smith", "visited", "Rome", "."],
                &vec![Vec::new(); 5],
                &mut DocMemory::default(),
            )
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(spans(&labels), vec![(0, 0, 2), (2, 3, 4)]);
        assert!(Tagger::from_bytes(b"junk").is_err());
    }
}
