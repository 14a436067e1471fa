//! `newsflow eval`: reproducible quality figures.
//!
//! - `eval ner FILE`: CoNLL-format file (word … tag per line; IOB1 or BIO; PER/ORG/LOC/MISC),
//!   tagged with the shipped model; per-type and overall exact-span precision, recall and F1.
//! - `eval topics FILE`: CSV rows `label,text…` (AG News layout: class, title, description);
//!   the engine's highest-relevance top-level Media Topic is compared with the label's
//!   accepted codes; accuracy and a confusion table.

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use newsflow_model::Article;
use newsflow_nlp::eval::{csv_fields, read_conll, Scores, Sentence};
use newsflow_nlp::tagger::labels_from_tags;
use newsflow_nlp::Engine;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

/// `eval` subcommands.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Named-entity exact-span F1 on a CoNLL file, a GUM CoNLL-U file or a directory of them.
    Ner {
        /// CoNLL file (`-DOCSTART-` separates documents), GUM CoNLL-U file (`.conllu`; each
        /// `# newdoc` starts a document), or a directory: every `.conllu` file in it.
        file: PathBuf,
        /// Score the whole engine's mentions (tagger, knowledge base, gazetteer and rules, as
        /// `enrich` reports them) on each document's text instead of the tagger alone.
        #[arg(long)]
        engine: bool,
        /// Print each misjudged span (`+` gold the prediction missed, `-` predicted, not in
        /// the gold) with its sentence.
        #[arg(long)]
        errors: bool,
    },
    /// Topic accuracy on a CSV of label and text.
    Topics(TopicsArgs),
}

/// Which rows of the topic file to score.
#[derive(Clone, Copy, ValueEnum)]
pub enum Rows {
    /// Every row.
    All,
    /// Rows whose line number is a multiple of 4 (the tuning slice).
    Tuning,
    /// The other rows.
    HeldOut,
}

/// `eval topics` flags.
#[derive(Args)]
pub struct TopicsArgs {
    /// CSV file: label, then the text columns.
    pub file: PathBuf,
    /// Label → accepted top-level Media Topic codes, `label=code|code;…`.
    #[arg(
        long,
        default_value = "1=11000000|16000000|02000000|03000000|14000000;2=15000000;3=04000000;4=13000000"
    )]
    pub map: String,
    /// Names for the labels in the table, `label=name;…`.
    #[arg(long, default_value = "1=World;2=Sports;3=Business;4=Sci/Tech")]
    pub names: String,
    /// Which rows to score.
    #[arg(long, value_enum, default_value = "all")]
    pub rows: Rows,
    /// Print each misjudged row: line, label, predicted top level, evidence, headline.
    #[arg(long)]
    pub errors: bool,
}

/// Runs an `eval` subcommand.
pub fn run(cmd: EvalCommand) -> Result<i32> {
    let engine = Engine::embedded()?;
    match cmd {
        EvalCommand::Ner {
            file,
            engine: whole,
            errors,
        } => ner(&engine, &file, whole, errors),
        EvalCommand::Topics(a) => topics(&engine, &a),
    }
}

/// Labels (BIO indices, as the tagger's) from the whole engine's mentions of each document,
/// its sentences' words joined by spaces (none after a word the file marks as running on into
/// the next, [`Sentence::glued`]) and its sentences by blank lines, declared English.
fn engine_labels(engine: &Engine, docs: &[Vec<Sentence>]) -> Vec<Vec<Vec<usize>>> {
    use newsflow_model::MentionKind;
    docs.iter()
        .map(|doc| {
            let mut body = String::new();
            // Every word's character offset, sentence and position.
            let mut starts: Vec<(usize, usize, usize)> = Vec::new();
            let mut chars = 0;
            for (si, sentence) in doc.iter().enumerate() {
                if si > 0 {
                    body.push_str("\n\n");
                    chars += 2;
                }
                for (wi, w) in sentence.words.iter().enumerate() {
                    let glue = wi > 0 && sentence.glued.get(wi - 1).copied().unwrap_or(false);
                    if wi > 0 && !glue {
                        body.push(' ');
                        chars += 1;
                    }
                    starts.push((chars, si, wi));
                    body.push_str(w);
                    chars += w.chars().count();
                }
            }
            let article = Article {
                id: "eval".into(),
                uri: "urn:eval".into(),
                language: Some("en".into()),
                body_text: body,
                ..Article::default()
            };
            let mut labels: Vec<Vec<usize>> = doc.iter().map(|s| vec![0; s.words.len()]).collect();
            for m in engine.enrich(&article).analysis.mentions {
                let t = match m.kind {
                    MentionKind::Person => 0,
                    MentionKind::Organisation => 1,
                    MentionKind::Place => 2,
                    _ => 3,
                };
                // Words from the one the mention starts in to the one it ends in.
                let first = starts
                    .partition_point(|&(c, _, _)| c <= m.start)
                    .saturating_sub(1);
                for (k, &(c, si, wi)) in starts.iter().enumerate().skip(first) {
                    if c >= m.end {
                        break;
                    }
                    labels[si][wi] = if k == first { 1 + 2 * t } else { 2 + 2 * t };
                }
            }
            labels
        })
        .collect()
}

fn ner(engine: &Engine, file: &PathBuf, whole: bool, errors: bool) -> Result<i32> {
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
    };
    let conllu = |path: &std::path::Path| path.extension().is_some_and(|e| e == "conllu");
    // GUM's CoNLL-U (Entity= annotations), a directory of them, or a CoNLL file.
    let docs = if file.is_dir() {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(file)
            .with_context(|| format!("listing {}", file.display()))?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        paths.retain(|p| conllu(p));
        paths.sort();
        if paths.is_empty() {
            bail!("no .conllu file in {}", file.display());
        }
        let mut docs = Vec::new();
        for p in &paths {
            docs.extend(newsflow_nlp::eval::read_gum_documents(&read(p)?));
        }
        docs
    } else if conllu(file) {
        newsflow_nlp::eval::read_gum_documents(&read(file)?)
    } else {
        read_conll(&read(file)?)
    };
    let words: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let started = Instant::now();
    let predicted = if whole {
        engine_labels(engine, &docs)
    } else {
        engine
            .tag_documents(&words)
            .context("no NER model is shipped in this build")?
    };
    let elapsed = started.elapsed().as_secs_f64();
    let mut scores = Scores::default();
    for (d, p) in docs.iter().zip(&predicted) {
        for (s, labels) in d.iter().zip(p) {
            let tags: Vec<&str> = s.tags.iter().map(String::as_str).collect();
            let gold = labels_from_tags(&tags);
            if errors {
                for (missed, t, a, z) in Scores::misjudged(&gold, labels) {
                    println!(
                        "{} {:<4} {:<30} | {}",
                        if missed { '+' } else { '-' },
                        newsflow_nlp::tagger::TYPES[t],
                        s.words[a..z].join(" "),
                        s.words.join(" ")
                    );
                }
            }
            scores.add(&gold, labels);
        }
    }
    println!(
        "{}: {} documents, {} sentences, {} tokens",
        file.display(),
        docs.len(),
        docs.iter().map(Vec::len).sum::<usize>(),
        scores.tokens
    );
    println!("{scores}");
    println!(
        "{}: {:.0} tokens/s (one thread)",
        if whole {
            "whole engine (mentions as enrich reports them)"
        } else {
            "tagging speed (with gazetteer features)"
        },
        scores.tokens as f64 / elapsed
    );
    Ok(0)
}

fn parse_map(s: &str) -> Result<BTreeMap<String, Vec<String>>> {
    let mut m = BTreeMap::new();
    for part in s.split(';').filter(|p| !p.trim().is_empty()) {
        let (k, v) = part
            .split_once('=')
            .with_context(|| format!("bad map entry {part:?}"))?;
        m.insert(
            k.trim().to_string(),
            v.split('|').map(|c| c.trim().to_string()).collect(),
        );
    }
    if m.is_empty() {
        bail!("empty label map");
    }
    Ok(m)
}

fn topics(engine: &Engine, a: &TopicsArgs) -> Result<i32> {
    let map = parse_map(&a.map)?;
    let names: BTreeMap<String, String> = parse_map(&a.names)?
        .into_iter()
        .map(|(k, v)| (k, v.join(" ")))
        .collect();
    let text = std::fs::read_to_string(&a.file)
        .with_context(|| format!("reading {}", a.file.display()))?;
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let (mut right, mut total) = (0usize, 0usize);
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        let keep = match a.rows {
            Rows::All => true,
            Rows::Tuning => lineno % 4 == 0,
            Rows::HeldOut => lineno % 4 != 0,
        };
        if !keep || line.trim().is_empty() {
            continue;
        }
        let f = csv_fields(line);
        let Some(accepted) = map.get(f[0].trim()) else {
            continue;
        };
        let headline = f.get(1).cloned().unwrap_or_default().replace("\\\\", " ");
        let body = f
            .get(2..)
            .map(|r| r.join(", "))
            .unwrap_or_default()
            .replace("\\\\", " ");
        let article = Article {
            id: format!("row-{lineno}"),
            uri: format!("urn:eval:{lineno}"),
            headline: Some(headline),
            body_text: body,
            ..Article::default()
        };
        let record = engine.enrich(&article);
        let top = record
            .analysis
            .subjects
            .iter()
            .filter_map(|s| {
                s.top_level
                    .as_ref()
                    .map(|t| (s.relevance, t.clone(), s.code.clone()))
            })
            .max_by_key(|(r, _, _)| *r);
        let top_code = top
            .as_ref()
            .and_then(|(_, label, _)| engine.topics().by_label(label).map(|_| label.clone()));
        let predicted_code = top_code
            .as_deref()
            .and_then(|l| engine.topics().code_of_label(l))
            .unwrap_or_default();
        total += 1;
        if accepted.contains(&predicted_code) {
            right += 1;
        } else if a.errors {
            let evidence = record
                .analysis
                .subjects
                .iter()
                .take(4)
                .map(|s| format!("{} {} [{}]", s.name, s.relevance, s.evidence.join(",")))
                .collect::<Vec<_>>()
                .join("; ");
            println!(
                "line {lineno}: {} → {}: {} || {evidence}",
                f[0].trim(),
                if predicted_code.is_empty() {
                    "(none)"
                } else {
                    &predicted_code
                },
                article.headline.as_deref().unwrap_or_default()
            );
        }
        let gold = names
            .get(f[0].trim())
            .cloned()
            .unwrap_or_else(|| f[0].clone());
        let predicted = top_code.unwrap_or_else(|| "(none)".into());
        *confusion.entry((gold, predicted)).or_default() += 1;
    }
    if total == 0 {
        bail!("no rows scored");
    }
    println!(
        "{}: {total} rows, accuracy {:.2}% (top-level subject of highest relevance)",
        a.file.display(),
        100.0 * right as f64 / total as f64
    );
    let mut by_gold: BTreeMap<&str, Vec<(&str, usize)>> = BTreeMap::new();
    for ((g, p), n) in &confusion {
        by_gold.entry(g).or_default().push((p, *n));
    }
    for (g, mut row) in by_gold {
        row.sort_by_key(|r| std::cmp::Reverse(r.1));
        let cells: Vec<String> = row
            .iter()
            .take(6)
            .map(|(p, n)| format!("{p}: {n}"))
            .collect();
        println!("{g:<10} → {}", cells.join(" | "));
    }
    Ok(0)
}
