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
    /// For each word, whether the text runs on into the next word without a space (CoNLL-U's
    /// `SpaceAfter=No`); empty where the file does not say (CoNLL), read as a space after every
    /// word.
    pub glued: Vec<bool>,
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

    /// One sentence's misjudged spans: `(gold?, type, start, end)` — a predicted span the gold
    /// lacks (`false`) or a gold span the prediction lacks (`true`), in sentence order.
    pub fn misjudged(gold: &[usize], predicted: &[usize]) -> Vec<(bool, usize, usize, usize)> {
        let g = tagger::spans(gold);
        let p = tagger::spans(predicted);
        let mut out: Vec<(bool, usize, usize, usize)> = p
            .iter()
            .filter(|s| !g.contains(s))
            .map(|s| (false, s.0, s.1, s.2))
            .chain(
                g.iter()
                    .filter(|s| !p.contains(s))
                    .map(|s| (true, s.0, s.1, s.2)),
            )
            .collect();
        out.sort_by_key(|m| (m.2, m.0));
        out
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

/// Splits one CSV line with double-quoted fields (`""` inside quotes is a quote).
pub fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// A CoNLL-U word: its form, whether it is a proper noun, its MISC column, and whether the text
/// runs on into the next word without a space.
type Row = (String, bool, String, bool);

/// The word before `j` in the same proper name, not before `lo`: the untagged proper noun right
/// before it, or the one before a hyphen written without spaces ("Kim Jong-un", tokenised
/// "Kim Jong - un", is one name).
fn before_in_name(rows: &[Row], tags: &[String], j: usize, lo: usize) -> Option<usize> {
    let free = |k: usize| rows[k].1 && tags[k] == "O";
    if j > lo && free(j - 1) {
        return Some(j - 1);
    }
    (j >= lo + 2 && rows[j - 1].0 == "-" && rows[j - 1].3 && rows[j - 2].3 && free(j - 2))
        .then(|| j - 2)
}

/// The word after `j` in the same proper name, not after `hi` (as [`before_in_name`]).
fn after_in_name(rows: &[Row], tags: &[String], j: usize, hi: usize) -> Option<usize> {
    let free = |k: usize| rows[k].1 && tags[k] == "O";
    if j < hi && free(j + 1) {
        return Some(j + 1);
    }
    (j + 2 <= hi && rows[j + 1].0 == "-" && rows[j].3 && rows[j + 1].3 && free(j + 2))
        .then(|| j + 2)
}

/// GUM's entity types as CoNLL types; `None` for times and quantities.
fn gum_type(etype: &str) -> Option<&'static str> {
    match etype {
        "person" => Some("PER"),
        "place" => Some("LOC"),
        "organization" => Some("ORG"),
        "event" | "object" | "abstract" | "animal" | "plant" | "substance" => Some("MISC"),
        _ => None,
    }
}

/// The documents of a GUM CoNLL-U text (each `# newdoc` line starts one), as
/// [`read_gum_conllu`] reads each.
pub fn read_gum_documents(text: &str) -> Vec<Vec<Sentence>> {
    let mut docs = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("# newdoc") && at > start {
            docs.push(read_gum_conllu(&text[start..at]));
            start = at;
        }
        at += line.len();
    }
    docs.push(read_gum_conllu(&text[start..]));
    docs.retain(|d| !d.is_empty());
    docs
}

/// Named mentions of a GUM CoNLL-U document (`Entity=` annotations) as a CoNLL document: a
/// mention is named when its head (the `minspan` token) is a proper noun (universal tag PROPN or
/// Penn tag NNP/NNPS); its span is the run of proper nouns around the head. Persons, places and
/// organisations map to PER, LOC and ORG; events, objects and other named things to MISC; times
/// and quantities are left out.
pub fn read_gum_conllu(text: &str) -> Vec<Sentence> {
    struct Open {
        id: String,
        etype: String,
        start: usize,
        /// First and last word of the minimal span, in the sentence.
        head: (usize, usize),
    }
    let mut out = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let flush = |rows: &mut Vec<Row>, out: &mut Vec<Sentence>| {
        if rows.is_empty() {
            return;
        }
        let n = rows.len();
        let mut tags = vec!["O".to_string(); n];
        let mut open: Vec<Open> = Vec::new();
        let mut mentions: Vec<(String, usize, usize, (usize, usize))> = Vec::new();
        for (i, (_, _, misc, _)) in rows.iter().enumerate() {
            let Some(ent) = misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
                continue;
            };
            let b = ent.as_bytes();
            let mut k = 0;
            while k < b.len() {
                if b[k] == b'(' {
                    let end = ent[k + 1..]
                        .find(['(', ')'])
                        .map_or(ent.len(), |e| k + 1 + e);
                    let fields: Vec<&str> = ent[k + 1..end].split('-').collect();
                    let positions: Vec<usize> = fields
                        .get(5)
                        .map(|m| m.split(',').filter_map(|p| p.parse().ok()).collect())
                        .unwrap_or_default();
                    let at = |p: Option<&usize>| i + p.copied().unwrap_or(1).max(1) - 1;
                    let o = Open {
                        id: fields[0].to_string(),
                        etype: fields.get(1).unwrap_or(&"").to_string(),
                        start: i,
                        head: (at(positions.iter().min()), at(positions.iter().max())),
                    };
                    if end < b.len() && b[end] == b')' {
                        mentions.push((o.etype, o.start, i, o.head));
                        k = end + 1;
                    } else {
                        open.push(o);
                        k = end;
                    }
                } else {
                    let end = ent[k..].find(')').map_or(ent.len(), |e| k + e);
                    let id = &ent[k..end];
                    if let Some(pos) = open.iter().rposition(|o| o.id == id) {
                        let o = open.remove(pos);
                        mentions.push((o.etype, o.start, i, o.head));
                    }
                    k = end + 1;
                }
            }
        }
        // Shorter mentions first, and a run never grows over a tagged word: a nested named
        // mention ("US" in "US President Trump") keeps its own span.
        mentions.sort_by_key(|m| m.2 - m.1);
        // Titles before a person's name, which CoNLL leaves out of it.
        const TITLES: [&str; 36] = [
            "President",
            "Prime",
            "Minister",
            "Chancellor",
            "King",
            "Queen",
            "Prince",
            "Princess",
            "Pope",
            "Senator",
            "Governor",
            "Mayor",
            "Dr.",
            "Dr",
            "Mr.",
            "Mr",
            "Mrs.",
            "Mrs",
            "Ms.",
            "Ms",
            "General",
            "Secretary",
            "Ambassador",
            "Professor",
            "Prof.",
            "Administrator",
            "Doctor",
            "Sheriff",
            "Dean",
            "Judge",
            "Justice",
            "Commissioner",
            "Chairman",
            "Sir",
            "Reverend",
            "Rev.",
        ];
        for (etype, start, end, (first, last)) in mentions {
            let Some(ty) = gum_type(&etype) else { continue };
            let (mut first, last) = (first.min(end), last.min(end));
            // A person's name is the last run of untagged proper nouns in the minimal span, the
            // titles before it left out: the minimal span of "US President Barack Obama" starts
            // at the nested "US", that of "Facebook creator Mark Zuckerberg" at "creator".
            if ty == "PER" {
                if let Some(z) = (first..=last).rev().find(|&j| rows[j].1 && tags[j] == "O") {
                    let mut a = z;
                    while let Some(b) = before_in_name(rows, &tags, a, first) {
                        a = b;
                    }
                    while a < z && TITLES.contains(&rows[a].0.as_str()) {
                        a += 1;
                    }
                    first = a;
                }
            }
            // A minimal span from proper noun to proper noun joined by a word such as "of",
            // not a list ("Church of Scientology", "University of Texas Arlington"), is one
            // name, as CoNLL tags it, over the names nested in it; proper nouns side by side
            // ("US President Barack Obama") keep their own spans. Not for persons, whose minimal
            // spans take in titles ("Ambassador to the United States Hamdullah Mohib").
            let whole = ty != "PER"
                && first < last
                && rows[first].1
                && rows[last].1
                && rows[first..=last].iter().any(|r| !r.1)
                && !rows[first..=last]
                    .iter()
                    .any(|r| matches!(r.0.as_str(), "," | "and" | "or" | "&"));
            if whole {
                for tag in &mut tags[first..=last] {
                    *tag = "O".to_string();
                }
            } else if !rows[first].1 || tags[first] != "O" {
                continue;
            }
            let last = if whole { last } else { first };
            let (mut a, mut z) = (first, last);
            while let Some(b) = before_in_name(rows, &tags, a, start)
                .filter(|&b| !(ty == "PER" && TITLES.contains(&rows[b].0.as_str())))
            {
                a = b;
            }
            while let Some(c) = after_in_name(rows, &tags, z, end) {
                z = c;
            }
            for (j, tag) in tags.iter_mut().enumerate().take(z + 1).skip(a) {
                *tag = format!("{}-{ty}", if j == a { "B" } else { "I" });
            }
        }
        out.push(Sentence {
            words: rows.iter().map(|r| r.0.clone()).collect(),
            tags,
            glued: rows.iter().map(|r| r.3).collect(),
        });
        rows.clear();
    };
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut rows, &mut out);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        // A proper noun by its universal or its Penn tag: GUM gives the "United" of "United
        // States" the universal tag VERB but the Penn tag NNP.
        let proper = cols[3] == "PROPN" || cols[4].starts_with("NNP");
        let glued = cols[9].split('|').any(|f| f == "SpaceAfter=No");
        rows.push((cols[1].to_string(), proper, cols[9].to_string(), glued));
    }
    flush(&mut rows, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A CoNLL-U sentence of (word, universal tag, Penn tag, MISC column) rows.
    fn conllu(rows: &[(&str, &str, &str, &str)]) -> String {
        rows.iter()
            .enumerate()
            .map(|(i, (w, u, x, m))| format!("{}\t{w}\t{w}\t{u}\t{x}\t_\t0\tdep\t_\t{m}\n", i + 1))
            .collect()
    }

    #[test]
    fn a_persons_name_is_the_last_proper_noun_run_of_its_minimal_span() {
        // "US President Barack Obama" (minimal span words 1-4, "US" a nested place) and
        // "Facebook creator Mark Zuckerberg" (minimal span words 2-4, from "creator").
        let rows = [
            (
                "US",
                "PROPN",
                "NNP",
                "Entity=(1-person-new-x-cf1-1,2,3,4-coref(2-place-new-x-cf2-1-coref)",
            ),
            ("President", "PROPN", "NNP", "_"),
            ("Barack", "PROPN", "NNP", "_"),
            ("Obama", "PROPN", "NNP", "Entity=1)"),
            ("and", "CCONJ", "CC", "_"),
            (
                "Facebook",
                "PROPN",
                "NNP",
                "Entity=(3-person-new-x-cf3-2,3,4-coref(4-organization-new-x-cf4-1-coref)",
            ),
            ("creator", "NOUN", "NN", "_"),
            ("Mark", "PROPN", "NNP", "_"),
            ("Zuckerberg", "PROPN", "NNP", "Entity=3)"),
        ];
        let s = read_gum_conllu(&conllu(&rows));
        assert_eq!(
            s[0].tags,
            vec!["B-LOC", "O", "B-PER", "I-PER", "O", "B-ORG", "O", "B-PER", "I-PER"]
        );
    }

    #[test]
    fn gum_named_mentions_become_conll_spans() {
        let conllu = "# text = x\n1\tUS\tUS\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-cf1-3-coref(2-place-new-x-cf2-1-coref)\n2\tPresident\tpresident\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n3\tTrump\tTrump\tPROPN\tNNP\t_\t0\troot\t_\tEntity=1)\n4\tspoke\tspeak\tVERB\tVBD\t_\t3\tacl\t_\tEntity=(3-event-new-x-cf3-1-coref)\n";
        let s = read_gum_conllu(conllu);
        assert_eq!(s[0].words, vec!["US", "President", "Trump", "spoke"]);
        assert_eq!(s[0].tags, vec!["B-LOC", "O", "B-PER", "O"]);
    }

    #[test]
    fn gum_names_joined_by_of_are_one_span_and_penn_tags_mark_proper_nouns() {
        // "the Church of Scientology" (organisation, minimal span words 2 and 4) with
        // "Scientology" nested; "United States" whose "United" GUM tags VERB/NNP.
        let rows = [
            (
                "the",
                "DET",
                "DT",
                "Entity=(1-organization-new-x-cf1-2,4-coref",
            ),
            ("Church", "PROPN", "NNP", "_"),
            ("of", "ADP", "IN", "_"),
            (
                "Scientology",
                "PROPN",
                "NNP",
                "Entity=(2-organization-new-x-cf2-1-coref)1)",
            ),
            ("in", "ADP", "IN", "_"),
            ("the", "DET", "DT", "Entity=(3-place-new-x-cf3-2-coref"),
            ("United", "VERB", "NNP", "_"),
            ("States", "PROPN", "NNPS", "Entity=3)"),
        ];
        let s = read_gum_conllu(&conllu(&rows));
        assert_eq!(
            s[0].tags,
            vec!["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC"]
        );
    }

    #[test]
    fn a_name_hyphenated_without_spaces_is_one_span_and_the_text_keeps_its_spacing() {
        // "Kim Jong-un met Lee - Park" (GUM tokenises the hyphen apart and marks the words
        // written together with SpaceAfter=No; the spaced hyphen joins nothing).
        let rows = [
            (
                "Kim",
                "PROPN",
                "NNP",
                "Entity=(1-person-new-x-cf1-1,2,3,4-coref",
            ),
            ("Jong", "PROPN", "NNP", "SpaceAfter=No"),
            ("-", "PUNCT", "HYPH", "SpaceAfter=No"),
            ("un", "PROPN", "NNP", "Entity=1)"),
            ("met", "VERB", "VBD", "_"),
            (
                "Lee",
                "PROPN",
                "NNP",
                "Entity=(2-person-new-x-cf2-1,2,3-coref",
            ),
            ("-", "PUNCT", "HYPH", "_"),
            ("Park", "PROPN", "NNP", "Entity=2)"),
        ];
        let s = read_gum_conllu(&conllu(&rows));
        assert_eq!(
            s[0].tags,
            vec!["B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "O", "B-PER"]
        );
        assert_eq!(
            s[0].glued,
            vec![false, true, true, false, false, false, false, false]
        );
    }

    #[test]
    fn misjudged_spans_are_the_unmatched_gold_and_predicted_ones() {
        // Gold: PER at 0..2, LOC at 3; predicted: PER at 0..1, LOC at 3.
        let gold = [1, 2, 0, 5];
        let predicted = [1, 0, 0, 5];
        assert_eq!(
            Scores::misjudged(&gold, &predicted),
            vec![(false, 0, 0, 1), (true, 0, 0, 2)]
        );
    }

    #[test]
    fn each_newdoc_line_starts_a_gum_document() {
        let sentence = |w: &str| {
            format!(
                "1\t{w}\t{w}\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-place-new-x-cf1-1-coref)\n\n"
            )
        };
        let text = format!(
            "# newdoc id = a\n{}{}# newdoc id = b\n{}",
            sentence("Paris"),
            sentence("Rome"),
            sentence("Oslo")
        );
        let docs = read_gum_documents(&text);
        let words: Vec<Vec<&str>> = docs
            .iter()
            .map(|d| d.iter().map(|s| s.words[0].as_str()).collect())
            .collect();
        assert_eq!(words, vec![vec!["Paris", "Rome"], vec!["Oslo"]]);
        assert_eq!(docs[1][0].tags, vec!["B-LOC"]);
    }
}
