//! The engine: one article in, one enriched record out.

use crate::gazetteer::Gazetteer;
use crate::ner::{self, Found, Origin};
use crate::resources::{ResourceError, Resources, GEONAMES};
use crate::subjects::TopicIndex;
use crate::tagger::{DocMemory, Tagger};
use crate::text::CharIndex;
use crate::{fingerprint, keywords, language, text};
use newsflow_model::enriched::{Entity, Fingerprint, Language};
use newsflow_model::ninjs::{AltId, Concept, InfoSource, Item, Subject, Text};
use newsflow_model::{Analysis, Article, EnrichedRecord, Mention, MentionKind, ENRICHED_SCHEMA_ID};
use rustc_hash::FxHashMap as HashMap;
use std::time::Instant;
use thiserror::Error;

/// Engine name and version, recorded in every analysis.
pub const ENGINE_NAME: &str = concat!("newsflow-nlp/", env!("CARGO_PKG_VERSION"));

/// The engine could not be built.
#[derive(Debug, Error)]
pub enum EngineError {
    /// A resource file is malformed.
    #[error(transparent)]
    Resource(#[from] ResourceError),
    /// A name or term automaton could not be built.
    #[error("building automaton: {0}")]
    Automaton(#[from] fst::Error),
    /// The NER model file is malformed.
    #[error("loading the NER model: {0}")]
    Model(String),
}

/// The compiled enrichment engine. Cheap to share (`Arc`), `Sync`.
pub struct Engine {
    res: Resources,
    gazetteer: Gazetteer,
    topics: TopicIndex,
    tagger: Option<Tagger>,
}

impl Engine {
    /// Compiles the engine from `res` (with its NER model, when `res` has one).
    pub fn new(res: Resources) -> Result<Self, EngineError> {
        let gazetteer = Gazetteer::build(&res)?;
        let topics = TopicIndex::build(&res)?;
        let tagger = match res.ner_model {
            Some(bytes) => Some(Tagger::from_bytes(bytes).map_err(EngineError::Model)?),
            None => None,
        };
        Ok(Engine {
            res,
            gazetteer,
            topics,
            tagger,
        })
    }

    /// Whether a statistical NER model is loaded.
    pub fn has_tagger(&self) -> bool {
        self.tagger.is_some()
    }

    /// Gazetteer features for a pre-tokenised sentence (training and evaluation).
    pub fn gazetteer_features(&self, words: &[&str]) -> Vec<Vec<u64>> {
        ner::gazetteer_features(&self.res, &self.gazetteer, words)
    }

    /// Tags pre-tokenised documents (CoNLL style) with the statistical model; label indices
    /// per word, documents and sentences in order. `None` without a model.
    pub fn tag_documents(&self, docs: &[Vec<Vec<&str>>]) -> Option<Vec<Vec<Vec<usize>>>> {
        let tagger = self.tagger.as_ref()?;
        Some(
            docs.iter()
                .map(|doc| {
                    let mut memory = DocMemory::default();
                    doc.iter()
                        .map(|words| {
                            let gaz = self.gazetteer_features(words);
                            tagger
                                .tag(words, &gaz, &mut memory)
                                .into_iter()
                                .map(|(l, _)| l)
                                .collect()
                        })
                        .collect()
                })
                .collect(),
        )
    }

    /// The engine over the embedded resources.
    pub fn embedded() -> Result<Self, EngineError> {
        Self::new(Resources::embedded()?)
    }

    /// The Media Topic vocabulary.
    pub fn topics(&self) -> &TopicIndex {
        &self.topics
    }

    /// Enriches one article. `source` is left empty; the Kafka stage fills it.
    pub fn enrich(&self, article: &Article) -> EnrichedRecord {
        let started = Instant::now();
        let body = article.body_text.as_str();
        let headline = article.headline.as_deref().unwrap_or("");
        let sample = if body.is_empty() { headline } else { body };
        let (mut lang_tag, mut lang_conf) = language::detect(sample);
        // Undeclared copy whatlang cannot place ("Storm Hits Florida Coast"), places without
        // being sure (at most 0.5: a two-sentence English brief with few function words was
        // Italian) or is sure of though it is short ("Arsenal manager Mikel Arteta praised
        // Bukayo Saka." was Javanese) is English by its vocabulary; a short body is read with
        // its headline.
        let short = || sample.split_whitespace().nth(20).is_none();
        if (lang_conf <= language::UNSURE || short()) && article.language.is_none() {
            let with_headline;
            let words = if !body.is_empty() && body.split_whitespace().nth(40).is_none() {
                with_headline = format!("{headline}\n{body}");
                with_headline.as_str()
            } else {
                sample
            };
            if language::english_by_vocabulary(words, |w| self.res.english_word(w)) {
                (lang_tag, lang_conf) = ("en".to_string(), 0.6);
            }
        }
        if let Some(declared) = &article.language {
            let primary = declared
                .split(['-', '_'])
                .next()
                .unwrap_or(declared)
                .to_lowercase();
            if lang_conf <= language::UNSURE || primary == lang_tag {
                lang_tag = declared.clone();
                lang_conf = lang_conf.max(0.9);
            }
        }
        // Where the story was filed: the dateline's place, else the place the item's metadata
        // says it was located (ninjs `located`, G2 `located`).
        let dateline_place = article
            .dateline
            .as_ref()
            .and_then(|d| d.place.as_deref())
            .or(article.located.as_deref());
        // The statistical tagger models English; other languages get the gazetteer and the
        // knowledge base only.
        let english = lang_tag
            .split('-')
            .next()
            .is_some_and(|l| l.eq_ignore_ascii_case("en"));
        // One word segmentation of the body serves the rules, the tagger and the keywords.
        let segments = text::segments(body);
        let toks = text::tokens_of(&segments);
        let headline_toks = text::tokens_of(&text::segments(headline));
        let find = |piece: &str, segments: &[(usize, &str)], toks: &[text::Token<'_>]| match (
            &self.tagger,
            english,
        ) {
            (Some(tagger), true) => ner::find_statistical(
                &self.res,
                &self.gazetteer,
                tagger,
                piece,
                (segments, toks),
                dateline_place,
            ),
            _ => ner::find(
                &self.res,
                &self.gazetteer,
                piece,
                toks,
                dateline_place,
                english,
            ),
        };
        let mut found =
            if body.len() <= NER_PIECE_BYTES {
                find(body, &segments, &toks)
            } else {
                // A body far longer than any story is named a piece at a time: the rules compare
                // names within a text, and a hostile item of 2 MB packed with names would
                // otherwise hold a worker for most of a minute.
                let mut found = Vec::new();
                for (a, b) in pieces(body, NER_PIECE_BYTES) {
                    let piece = &body[a..b];
                    let piece_segments = text::segments(piece);
                    let piece_toks = text::tokens_of(&piece_segments);
                    found.extend(find(piece, &piece_segments, &piece_toks).into_iter().map(
                        |mut f| {
                            f.start += a;
                            f.end += a;
                            f
                        },
                    ));
                }
                found
            };
        if let Some(d) = &article.dateline {
            ner::dateline_mentions(&self.res, &self.gazetteer, body, d, &mut found);
        }
        ner::acronyms_of_named_bodies(body, &mut found);
        let chars = CharIndex::new(body);
        let mentions: Vec<Mention> = found
            .iter()
            .map(|f| Mention {
                kind: f.kind,
                text: body[f.start..f.end].to_string(),
                start: chars.char_at(f.start),
                end: chars.char_at(f.end),
                name: f.name.clone(),
                uri: f.uri.clone(),
                confidence: f.confidence,
            })
            .collect();
        // The dateline ("BRASILIA, March 4 (Reuters) -") says where and by whom the story was
        // filed, not what it is about: its mentions add nothing to salience.
        let dateline_end = article
            .dateline
            .as_ref()
            .and_then(|d| {
                body.get(..body.len().min(d.text.len() + 64))?
                    .find(&d.text)
                    .map(|at| at + d.text.len())
            })
            .unwrap_or(0);
        let entities = self.entities(
            &found,
            headline,
            dateline_end,
            chars.char_at(body.len()),
            &chars,
        );
        let subjects = self.subjects(
            article,
            (headline, &headline_toks),
            (body, &toks),
            &found,
            (dateline_end, english),
        );
        let keywords = keywords::keywords(&headline_toks, &toks, &self.res.common_words);
        let fp = fingerprint::simhash64_of(&[headline, body]);
        let item = self.item(article, &lang_tag, &entities, &subjects);
        EnrichedRecord {
            schema: ENRICHED_SCHEMA_ID.to_string(),
            item,
            analysis: Analysis {
                language: Language {
                    tag: lang_tag,
                    confidence: (lang_conf * 100.0).round() / 100.0,
                },
                mentions,
                entities,
                subjects,
                keywords,
                fingerprint: Some(Fingerprint {
                    algorithm: "simhash64".into(),
                    value: format!("{fp:016x}"),
                }),
                dateline: article.dateline.clone(),
                engine: ENGINE_NAME.to_string(),
                elapsed_us: u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
            },
            source: None,
        }
    }

    /// Distinct entities with salience: mentions (40%), how early the first is (30%), and
    /// whether the headline names it (30%): by its name, the last word of a surface, or a
    /// word of its name that is no ordinary word ("Lula" of "Luiz Inacio Lula da Silva").
    /// Mentions in the dateline (bytes before `dateline_end`) count for neither mentions nor
    /// position.
    fn entities(
        &self,
        found: &[Found],
        headline: &str,
        dateline_end: usize,
        body_chars: usize,
        chars: &CharIndex,
    ) -> Vec<Entity> {
        // Keys and names borrow the mentions: one copy per entity, made below.
        struct Acc<'f> {
            kind: MentionKind,
            name: &'f str,
            uri: Option<&'f str>,
            count: usize,
            /// Mentions outside the dateline.
            counted: usize,
            first: usize,
            surfaces: Vec<&'f str>,
        }
        // A linked entity is one whatever its mentions' kinds ("Russian" and "Russia" are
        // Russia); an unlinked one is its kind and name.
        let mut by_key: HashMap<(Option<MentionKind>, &str), Acc<'_>> = HashMap::default();
        let mut order: Vec<(Option<MentionKind>, &str)> = Vec::new();
        for f in found {
            let key = match f.uri.as_deref() {
                Some(uri) => (None, uri),
                None => (Some(f.kind), f.name.as_str()),
            };
            let in_dateline = f.end <= dateline_end;
            let acc = by_key.entry(key).or_insert_with(|| {
                order.push(key);
                Acc {
                    kind: f.kind,
                    name: &f.name,
                    uri: f.uri.as_deref(),
                    count: 0,
                    counted: 0,
                    first: body_chars,
                    surfaces: Vec::new(),
                }
            });
            // The entity takes the kind and name of its first mention that is no "other"
            // name (the country of "Russian officials ... in Russia").
            if acc.kind == MentionKind::Other && f.kind != MentionKind::Other {
                acc.kind = f.kind;
                acc.name = &f.name;
            }
            acc.count += 1;
            if !in_dateline {
                acc.counted += 1;
                acc.first = acc.first.min(chars.char_at(f.start));
            }
            if !acc.surfaces.contains(&f.name.as_str()) {
                acc.surfaces.push(&f.name);
            }
        }
        let max_count = by_key.values().map(|a| a.counted).max().unwrap_or(1).max(1) as f32;
        let headline_words: Vec<&str> = headline
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        // A word of a name that no ordinary word spells, standing alone in the headline.
        let names_word = |name: &str| {
            name.split(' ').any(|w| {
                w.chars().count() >= 4
                    && w.starts_with(char::is_uppercase)
                    && !self
                        .res
                        .common_words
                        .contains(crate::text::lowercase(w).as_ref())
                    && headline_words.contains(&w)
            })
        };
        let mut out: Vec<Entity> = order
            .into_iter()
            .filter_map(|k| by_key.remove(&k))
            .map(|a| {
                let in_headline = !headline.is_empty()
                    && a.surfaces.iter().chain(std::iter::once(&a.name)).any(|s| {
                        let last = s.rsplit(' ').next().unwrap_or(s);
                        headline.contains(s) || headline.contains(last) || names_word(s)
                    });
                let position = 1.0 - a.first as f32 / body_chars.max(1) as f32;
                let salience = 0.4 * a.counted as f32 / max_count
                    + 0.3 * position
                    + if in_headline { 0.3 } else { 0.0 };
                // A country named only by its demonym is still the place it links to.
                let kind = match a.uri {
                    Some(u) if a.kind == MentionKind::Other && u.starts_with(GEONAMES) => {
                        MentionKind::Place
                    }
                    _ => a.kind,
                };
                Entity {
                    kind,
                    name: a.name.to_string(),
                    uri: a.uri.map(str::to_string),
                    mentions: a.count,
                    in_headline,
                    salience: (salience.clamp(0.0, 1.0) * 100.0).round() / 100.0,
                }
            })
            .collect();
        out.sort_by(|a, b| b.salience.total_cmp(&a.salience));
        out
    }

    /// The agency's subjects (mapped where the vocabulary allows) merged with detected ones;
    /// an agency subject is never dropped or overwritten. The knowledge-base entities of the
    /// dateline (bytes before `dateline_end`: the filing agency) imply no topic; the
    /// vocabulary lexicon votes only on `english` copy.
    fn subjects(
        &self,
        article: &Article,
        headline: (&str, &[text::Token<'_>]),
        body: (&str, &[text::Token<'_>]),
        found: &[Found],
        (dateline_end, english): (usize, bool),
    ) -> Vec<newsflow_model::enriched::SubjectScore> {
        let mut counts: HashMap<usize, usize> = HashMap::default();
        for f in found.iter().filter(|f| f.end > dateline_end) {
            if let Origin::Kb(i) = f.origin {
                *counts.entry(i).or_default() += 1;
            }
        }
        let mut implied = Vec::new();
        for (&i, &n) in &counts {
            let e = &self.res.kb[i];
            for label in &e.topics {
                if let Some(t) = self.topics.by_label(label) {
                    implied.push((t, 0.75 * n.min(4) as f32, format!("entity:{}", e.name)));
                }
            }
        }
        // A named storm ("Storm Darragh": the NER rules make its name an "other" mention after
        // the word, which alone only supports a topic) is evidence of a windstorm; hurricanes,
        // typhoons and cyclones are evidence by their words already.
        if let Some(t) = self.topics.by_label("windstorms") {
            implied.extend(
                found
                    .iter()
                    .filter(|f| {
                        f.kind == MentionKind::Other && body.0[..f.start].ends_with("Storm ")
                    })
                    .take(4)
                    .map(|f| (t, 1.5, format!("storm:{}", f.name))),
            );
        }
        implied.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)));
        // People's names are no evidence, nor sports clubs' names (the knowledge base gives
        // their sport): "Nottingham Forest" is football, not forests, "Crystal Palace" no
        // building; nor the news media and agencies a story cites ("told the Financial
        // Times", "The Wall Street Journal reported": no finance, no markets).
        let mut no_evidence = ner::people_spans(body.0, found);
        no_evidence.extend(found.iter().filter_map(|f| match f.origin {
            Origin::Kb(i)
                if matches!(
                    self.res.kb[i].category.as_str(),
                    "sports_club" | "news_media" | "news_agency"
                ) =>
            {
                Some((f.start, f.end))
            }
            _ => None,
        }));
        no_evidence.sort_unstable();
        // The headline is not tagged: those names of the body where it writes them.
        let mut headline_no_evidence = Vec::new();
        for &(a, b) in &no_evidence {
            let name = &body.0[a..b];
            if name.contains(' ') {
                headline_no_evidence.extend(
                    headline
                        .0
                        .match_indices(name)
                        .map(|(at, _)| (at, at + name.len())),
                );
            }
        }
        headline_no_evidence.sort_unstable();
        let detected = self.topics.classify(
            (headline.0, headline.1, &headline_no_evidence),
            (body.0, body.1, &no_evidence),
            &implied,
            english,
        );
        let mut out: Vec<newsflow_model::enriched::SubjectScore> = Vec::new();
        for s in &article.subjects {
            if let Some(i) = self.topics.resolve_agency(s) {
                let mut score = self.topics.score_for(i, 100, 100, "agency", Vec::new());
                if let Some(code) = &s.code {
                    score.evidence.push(format!("agency:{code}"));
                }
                if !out.iter().any(|o| o.code == score.code) {
                    out.push(score);
                }
            }
        }
        for d in detected {
            if !out.iter().any(|o| o.code == d.code) {
                out.push(d);
            }
        }
        out
    }

    /// The ninjs 2.2 item: the article's metadata, its bodies, and the people,
    /// organisations, places and subjects found.
    fn item(
        &self,
        a: &Article,
        lang: &str,
        entities: &[Entity],
        subjects: &[newsflow_model::enriched::SubjectScore],
    ) -> Item {
        let concept = |e: &Entity| Concept {
            name: e.name.clone(),
            rel: Some("mentioned".into()),
            uri: e.uri.clone(),
            literal: None,
        };
        let of_kind = |k: MentionKind| {
            entities
                .iter()
                .filter(|e| e.kind == k)
                .map(concept)
                .collect::<Vec<_>>()
        };
        let mut places = of_kind(MentionKind::Place);
        for e in entities
            .iter()
            .filter(|e| e.kind == MentionKind::Other && e.uri.is_some())
        {
            if !places.iter().any(|p| p.uri == e.uri) {
                places.push(Concept {
                    rel: Some("nationality".into()),
                    ..concept(e)
                });
            }
        }
        let mut item_subjects: Vec<Subject> = subjects
            .iter()
            .map(|s| Subject {
                name: Some(s.name.clone()),
                rel: Some(
                    if s.origin == "agency" {
                        "agency"
                    } else {
                        "about"
                    }
                    .into(),
                ),
                uri: Some(s.uri.clone()),
                literal: None,
                creator: Some(if s.origin == "agency" {
                    a.provider.clone().unwrap_or_else(|| "agency".into())
                } else {
                    "newsflow".into()
                }),
                relevance: Some(s.relevance.min(100)),
                confidence: Some(s.confidence.min(100)),
            })
            .collect();
        // Agency codes with no Media Topic equivalent are kept as they came.
        for s in a
            .subjects
            .iter()
            .filter(|s| self.topics.resolve_agency(s).is_none())
        {
            let uri = s.uri.clone().filter(|u| u.contains("://"));
            item_subjects.push(Subject {
                name: s.name.clone(),
                rel: Some("agency".into()),
                literal: if uri.is_none() {
                    s.code.clone().or_else(|| s.uri.clone())
                } else {
                    None
                },
                uri,
                creator: Some(a.provider.clone().unwrap_or_else(|| "agency".into())),
                relevance: None,
                confidence: None,
            });
        }
        let mut bodies = vec![Text::new("main", "text/plain", a.body_text.clone())];
        if let Some(html) = &a.body_html {
            bodies.push(Text::new("main", "text/html", html.clone()));
        }
        let mut infosources = Vec::new();
        if let Some(p) = &a.provider {
            infosources.push(InfoSource {
                name: p.clone(),
                role: Some("originalSource".into()),
                uri: None,
            });
        }
        for c in &a.cited_sources {
            infosources.push(InfoSource {
                name: c.clone(),
                role: Some("cited".into()),
                uri: None,
            });
        }
        let ts = |t: &Option<chrono::DateTime<chrono::Utc>>| {
            t.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        };
        let mut altids = Vec::new();
        if a.id != a.uri || newsflow_model::ninjs::item_uri(&a.uri) != a.uri {
            altids.push(AltId {
                role: "storyid".into(),
                value: a.id.clone(),
            });
        }
        Item {
            uri: newsflow_model::ninjs::item_uri(&a.uri),
            kind: "text".into(),
            version: a.version.clone(),
            firstcreated: ts(&a.firstcreated),
            versioncreated: ts(&a.versioncreated),
            embargoed: ts(&a.embargoed),
            pubstatus: a.pubstatus.clone(),
            urgency: a.urgency,
            copyrightnotice: a.copyright.clone(),
            ednote: a.ednote.clone(),
            language: Some(lang.to_string()),
            headlines: a
                .headline
                .iter()
                .map(|h| Text::new("main", "text/plain", h.clone()))
                .collect(),
            bodies,
            descriptions: a
                .summary
                .iter()
                .map(|s| Text::new("summary", "text/plain", s.clone()))
                .collect(),
            people: of_kind(MentionKind::Person),
            organisations: of_kind(MentionKind::Organisation),
            places,
            subjects: item_subjects,
            infosources,
            by: a.byline.clone(),
            slugline: a.slugline.clone(),
            located: a.located.clone(),
            altids,
            ..Item::default()
        }
    }
}

/// Longest body named in one piece, bytes: 32 KB is several times the longest wire story.
const NER_PIECE_BYTES: usize = 32 * 1024;

/// `text` cut into pieces of at most about `size` bytes, at a paragraph break, else a
/// sentence's end, else a space, in the second half of each piece (byte ranges, in order).
fn pieces(text: &str, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let mut limit = start + size;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let late = |at: &usize| *at > size / 2;
        let cut = window
            .rfind("\n\n")
            .map(|i| i + 2)
            .filter(late)
            .or_else(|| window.rfind(". ").map(|i| i + 2).filter(late))
            .or_else(|| window.rfind(' ').map(|i| i + 1).filter(late))
            .unwrap_or(window.len());
        out.push((start, start + cut));
        start += cut;
    }
    out.push((start, text.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn long_texts_are_cut_at_paragraphs_sentences_or_spaces() {
        let text = "One two three. Four five six.\n\nSeven eight nine ten. Eleven.";
        let cuts = pieces(text, 24);
        assert_eq!(cuts.first(), Some(&(0, 15)));
        assert_eq!(cuts.last().map(|c| c.1), Some(text.len()));
        assert!(cuts.windows(2).all(|w| w[0].1 == w[1].0));
        assert!(cuts.iter().all(|&(a, b)| b - a <= 24 && b > a));
        assert_eq!(pieces("short", 24), vec![(0, 5)]);
        // No boundary at all: cut at the size, on a character boundary.
        let dense = "é".repeat(40);
        let cuts = pieces(&dense, 25);
        assert!(cuts.len() >= 3);
        assert!(cuts
            .iter()
            .all(|&(a, b)| b > a && dense.is_char_boundary(a) && dense.is_char_boundary(b)));
    }
}
