//! Reading CoNLL-style NER data and scoring exact-span F1, for training (`xtask train-ner`)
//! and for `newsflow eval ner`.

use crate::tagger::{self, TYPES};
use std::fmt;

/// A sentence: words and their tags as written in the file.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// Words.
    pub words: Vec<String>,
    /// Tags (last column), IOB1 or BIO.
    pub tags: Vec<String>,
}

/// Reads CoNLL text: one token per line with the tag in the last column (space or tab
/// separated), blank lines between sentences, `-DOCSTART-` lines between documents. Files
/// without `-DOCSTART-` are one document per blank-line-separated paragraph of 50 sentences.
pub fn read_conll(text: &str) -> Vec<Vec<Sentence>> {
    let mut docs: Vec<Vec<Sentence>> = Vec::new();
    let mut doc: Vec<Sentence> = Vec::new();
    let mut cur = Sentence::default();
    let mut has_docstart = false;
    let flush_sentence = |cur: &mut Sentence, doc: &mut Vec<Sentence>| {
        if !cur.words.is_empty() {
            doc.push(std::mem::take(cur));
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            has_docstart = true;
            flush_sentence(&mut cur, &mut doc);
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if line.trim().is_empty() {
            flush_sentence(&mut cur, &mut doc);
            if !has_docstart && doc.len() >= 50 {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols.len() < 2 {
            continue;
        }
        cur.words.push(cols[0].to_string());
        cur.tags.push(cols[cols.len() - 1].to_string());
    }
    flush_sentence(&mut cur, &mut doc);
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// True/false positives and false negatives per entity type.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// (tp, fp, fn) per type, in [`TYPES`] order.
    pub counts: [(usize, usize, usize); 4],
    /// Tokens tagged.
    pub tokens: usize,
}

fn prf(tp: usize, fp: usize, fnn: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fnn == 0 {
        0.0
    } else {
        tp as f64 / (tp + fnn) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p * 100.0, r * 100.0, f * 100.0)
}

impl Scores {
    /// Adds one sentence's gold and predicted label sequences.
    pub fn add(&mut self, gold: &[usize], predicted: &[usize]) {
        self.tokens += gold.len();
        let g = tagger::spans(gold);
        let p = tagger::spans(predicted);
        for s in &p {
            if g.contains(s) {
                self.counts[s.0].0 += 1;
            } else {
                self.counts[s.0].1 += 1;
            }
        }
        for s in &g {
            if !p.contains(s) {
                self.counts[s.0].2 += 1;
            }
        }
    }

    /// Overall (micro) precision, recall, F1 in percent.
    pub fn overall(&self) -> (f64, f64, f64) {
        let (tp, fp, fnn) = self
            .counts
            .iter()
            .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
        prf(tp, fp, fnn)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>7}",
            "type", "precision", "recall", "F1", "gold"
        )?;
        for (t, c) in TYPES.iter().zip(&self.counts) {
            let (p, r, f1) = prf(c.0, c.1, c.2);
            writeln!(f, "{t:<8} {p:>9.2} {r:>9.2} {f1:>9.2} {:>7}", c.0 + c.2)?;
        }
        let (p, r, f1) = self.overall();
        let gold: usize = self.counts.iter().map(|c| c.0 + c.2).sum();
        write!(f, "{:<8} {p:>9.2} {r:>9.2} {f1:>9.2} {gold:>7}", "overall")
    }
}
