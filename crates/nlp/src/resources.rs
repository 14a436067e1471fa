//! The engine's data: derived files shipped in `resources/` and embedded at build time.
//!
//! `places.tsv`, `countries.tsv`, `mediatopics.tsv` and `common-words.txt` are built by
//! `cargo run -p xtask -- resources` from the project's shared data; `kb.tsv` and
//! `topic-keywords.tsv` and `regions.tsv` are written by hand. See `NOTICE` for attributions.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use thiserror::Error;

const PLACES: &str = include_str!("../resources/places.tsv");
const REGIONS: &str = include_str!("../resources/regions.tsv");
const COUNTRIES: &str = include_str!("../resources/countries.tsv");
const MEDIATOPICS: &str = include_str!("../resources/mediatopics.tsv");
const KB: &str = include_str!("../resources/kb.tsv");
const TOPIC_KEYWORDS: &str = include_str!("../resources/topic-keywords.tsv");
const COMMON_WORDS: &str = include_str!("../resources/common-words.txt");
const ENGLISH_WORDS: &str = include_str!("../resources/english-words.txt");
const NER_MODEL: &[u8] = include_bytes!("../resources/ner.model");

/// A resource file that does not parse.
#[derive(Debug, Error)]
pub enum ResourceError {
    /// A row with missing or malformed columns.
    #[error("{file}:{line}: {message}")]
    Row {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file that cannot be read.
    #[error("reading {0}: {1}")]
    Io(String, std::io::Error),
}

/// Kind of GeoNames place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A region: a first-order division (a US state, a province, a Land) or a region news
    /// names as a place ("Darfur", "Siberia").
    State,
    /// A continent.
    Continent,
    /// A populated place.
    City,
}

/// A GeoNames place.
#[derive(Debug, Clone)]
pub struct Place {
    /// GeoNames id (0 for a region without one).
    pub geonameid: u32,
    /// Kind.
    pub kind: PlaceKind,
    /// Canonical name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code (empty for continents).
    pub country: String,
    /// Population (0 when unknown).
    pub population: u64,
    /// Other names.
    pub aliases: Vec<String>,
    /// Demonyms (countries only).
    pub demonyms: Vec<String>,
    /// The country's names in the wire's other languages ("Russland", "Libia"), matched only in
    /// copy that is not English (countries only).
    pub foreign_names: Vec<String>,
    /// GeoNames' code of the first-level division a city lies in, and of a US state ("ID" for
    /// Idaho and its towns); empty where unknown.
    pub admin1: String,
}

/// The start of every place's URI.
pub const GEONAMES: &str = "https://sws.geonames.org/";

impl Place {
    /// `https://sws.geonames.org/<id>/`, if the place has an id.
    pub fn uri(&self) -> Option<String> {
        (self.geonameid != 0).then(|| format!("{GEONAMES}{}/", self.geonameid))
    }
}

/// Kind of knowledge-base entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KbKind {
    /// A person.
    Person,
    /// An organisation.
    Organisation,
}

/// A person or organisation of the knowledge base.
#[derive(Debug, Clone)]
pub struct KbEntry {
    /// Kind.
    pub kind: KbKind,
    /// Canonical name.
    pub name: String,
    /// Wikidata id (`Q7747`), when known.
    pub wikidata: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Category (`head_of_state`, `news_agency`, ...).
    pub category: String,
    /// ISO country code, when it has one.
    pub country: Option<String>,
    /// Media Topic labels the entity implies.
    pub topics: Vec<String>,
}

impl KbEntry {
    /// `http://www.wikidata.org/entity/Q…`, when linked.
    pub fn uri(&self) -> Option<String> {
        self.wikidata
            .as_ref()
            .map(|q| format!("http://www.wikidata.org/entity/{q}"))
    }
}

/// An IPTC Media Topic.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Eight-digit code.
    pub code: String,
    /// Level, 1 = top.
    pub level: u8,
    /// Parent code (empty at top level).
    pub parent: String,
    /// Top-level ancestor code.
    pub top: String,
    /// English label.
    pub label: String,
    /// The old IPTC Subject Code this topic matches, if any.
    pub subjectcode: String,
    /// IPTC's English definition.
    pub definition: String,
}

/// Everything the engine loads.
#[derive(Debug, Clone)]
pub struct Resources {
    /// Countries, states, continents and cities.
    pub places: Vec<Place>,
    /// The knowledge base.
    pub kb: Vec<KbEntry>,
    /// Active Media Topics.
    pub topics: Vec<Topic>,
    /// (Media Topic label, evidence terms).
    pub topic_terms: Vec<(String, Vec<String>)>,
    /// Words seen in lower case in ordinary prose.
    pub common_words: HashSet<String>,
    /// The one-word, lower-case evidence terms of `topic_terms` ("floods", "tariffs"): ordinary
    /// words of news copy.
    pub topic_words: HashSet<String>,
    /// English words beyond `common_words` and `topic_words`: the rest of GUM's lower-case
    /// words and lemmas, and the words of the Media Topics' labels and definitions.
    pub english_words: HashSet<String>,
    /// The statistical NER model (`resources/ner.model`), when one is shipped.
    pub ner_model: Option<&'static [u8]>,
    /// The US states among `places`, by postal code ("FL").
    pub us_states: HashMap<String, usize>,
}

/// Data rows of a TSV file: skips comments and blank lines, yields (1-based line, columns).
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn list(col: Option<&&str>) -> Vec<String> {
    col.map(|c| {
        c.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

fn bad(file: &str, line: usize, message: &str) -> ResourceError {
    ResourceError::Row {
        file: file.into(),
        line,
        message: message.into(),
    }
}

impl Resources {
    /// The resources embedded in the binary.
    pub fn embedded() -> Result<Self, ResourceError> {
        let mut places = parse_countries(COUNTRIES)?;
        places.extend(parse_places(PLACES)?);
        places.extend(parse_regions(REGIONS)?);
        let us_states = places
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.kind == PlaceKind::State && p.country == "US" && !p.admin1.is_empty()
            })
            .map(|(i, p)| (p.admin1.clone(), i))
            .collect();
        let topic_terms: Vec<(String, Vec<String>)> = rows(TOPIC_KEYWORDS)
            .map(|(_, c)| (c[0].to_string(), list(c.get(1))))
            .collect();
        let topic_words = topic_terms
            .iter()
            .flat_map(|(_, terms)| terms)
            .map(|t| t.trim_start_matches('~'))
            .filter(|t| t.bytes().all(|c| c.is_ascii_lowercase()))
            .map(str::to_string)
            .collect();
        let topics = parse_topics(MEDIATOPICS)?;
        let english_words = ENGLISH_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .chain(
                topics
                    .iter()
                    .flat_map(|t| [t.label.as_str(), t.definition.as_str()])
                    .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic())),
            )
            .filter(|w| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_lowercase()))
            .map(str::to_string)
            .collect();
        Ok(Resources {
            us_states,
            places,
            kb: parse_kb(KB, "kb.tsv")?,
            topics,
            topic_terms,
            topic_words,
            english_words,
            common_words: COMMON_WORDS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::to_string)
                .collect(),
            ner_model: (!NER_MODEL.is_empty()).then_some(NER_MODEL),
        })
    }

    /// Whether `word` (lower case) is an English word the resources know: a common word, a
    /// curated topic term or one of `english_words`.
    pub fn english_word(&self, word: &str) -> bool {
        self.common_words.contains(word)
            || self.topic_words.contains(word)
            || self.english_words.contains(word)
    }

    /// Adds the rows of an operator's knowledge-base file (same format as `kb.tsv`).
    pub fn extend_kb_from(&mut self, path: &Path) -> Result<(), ResourceError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ResourceError::Io(path.display().to_string(), e))?;
        let extra = parse_kb(&text, &path.display().to_string())?;
        self.kb.extend(extra);
        Ok(())
    }
}

fn parse_countries(text: &str) -> Result<Vec<Place>, ResourceError> {
    rows(text)
        .map(|(line, c)| {
            if c.len() < 4 {
                return Err(bad("countries.tsv", line, "expected 6 columns"));
            }
            Ok(Place {
                geonameid: c[0]
                    .parse()
                    .map_err(|_| bad("countries.tsv", line, "bad id"))?,
                kind: PlaceKind::Country,
                country: c[1].to_string(),
                name: c[2].to_string(),
                population: c[3].parse().unwrap_or(0),
                aliases: list(c.get(4)),
                demonyms: list(c.get(5)),
                foreign_names: list(c.get(6)),
                admin1: String::new(),
            })
        })
        .collect()
}

fn parse_places(text: &str) -> Result<Vec<Place>, ResourceError> {
    rows(text)
        .map(|(line, c)| {
            if c.len() < 5 {
                return Err(bad("places.tsv", line, "expected 6 columns"));
            }
            let kind = match c[1] {
                "city" => PlaceKind::City,
                "state" => PlaceKind::State,
                "continent" => PlaceKind::Continent,
                _ => return Err(bad("places.tsv", line, "unknown kind")),
            };
            Ok(Place {
                geonameid: c[0]
                    .parse()
                    .map_err(|_| bad("places.tsv", line, "bad id"))?,
                kind,
                name: c[2].to_string(),
                country: c[3].to_string(),
                population: c[4].parse().unwrap_or(0),
                aliases: list(c.get(5)),
                demonyms: Vec::new(),
                foreign_names: Vec::new(),
                admin1: c.get(6).map(|s| s.trim().to_string()).unwrap_or_default(),
            })
        })
        .collect()
}

fn parse_regions(text: &str) -> Result<Vec<Place>, ResourceError> {
    rows(text)
        .map(|(line, c)| {
            if c.len() < 3 || c[1].trim().is_empty() {
                return Err(bad("regions.tsv", line, "expected id, name and country"));
            }
            Ok(Place {
                geonameid: c[0]
                    .parse()
                    .map_err(|_| bad("regions.tsv", line, "bad id"))?,
                kind: PlaceKind::State,
                name: c[1].to_string(),
                country: c[2].to_string(),
                population: 0,
                aliases: list(c.get(3)),
                demonyms: Vec::new(),
                foreign_names: Vec::new(),
                admin1: String::new(),
            })
        })
        .collect()
}

fn parse_kb(text: &str, file: &str) -> Result<Vec<KbEntry>, ResourceError> {
    rows(text)
        .map(|(line, c)| {
            if c.len() < 2 {
                return Err(bad(file, line, "expected at least kind and name"));
            }
            let kind = match c[0] {
                "person" => KbKind::Person,
                "organisation" | "organization" => KbKind::Organisation,
                _ => return Err(bad(file, line, "kind must be person or organisation")),
            };
            let wikidata = c.get(2).map(|s| s.trim()).filter(|s| !s.is_empty());
            if let Some(q) = wikidata {
                let digits = q.strip_prefix('Q').unwrap_or("");
                if digits.is_empty() || !digits.chars().all(|d| d.is_ascii_digit()) {
                    return Err(bad(file, line, "wikidata id must look like Q123"));
                }
            }
            Ok(KbEntry {
                kind,
                name: c[1].trim().to_string(),
                wikidata: wikidata.map(str::to_string),
                aliases: list(c.get(3)),
                category: c.get(4).map(|s| s.trim().to_string()).unwrap_or_default(),
                country: c
                    .get(5)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
                topics: list(c.get(6)),
            })
        })
        .collect()
}

fn parse_topics(text: &str) -> Result<Vec<Topic>, ResourceError> {
    rows(text)
        .map(|(line, c)| {
            if c.len() < 5 {
                return Err(bad("mediatopics.tsv", line, "expected 6 columns"));
            }
            Ok(Topic {
                code: c[0].to_string(),
                level: c[1]
                    .parse()
                    .map_err(|_| bad("mediatopics.tsv", line, "bad level"))?,
                parent: c[2].to_string(),
                top: c[3].to_string(),
                label: c[4].to_string(),
                subjectcode: c.get(5).map(|s| s.to_string()).unwrap_or_default(),
                definition: c.get(6).map(|s| s.to_string()).unwrap_or_default(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_resources_parse_and_are_complete() {
        let r = Resources::embedded().expect("resources");
        assert!(r.places.len() > 30_000, "{}", r.places.len());
        assert!(r
            .places
            .iter()
            .any(|p| p.name == "Minsk" && p.geonameid == 625144));
        assert!(r
            .places
            .iter()
            .any(|p| p.kind == PlaceKind::Country && p.demonyms.contains(&"Russian".to_string())));
        assert!(r.topics.len() > 1000);
        assert_eq!(r.topics.iter().filter(|t| t.level == 1).count(), 17);
        assert!(r.kb.iter().any(|e| e.wikidata.as_deref() == Some("Q7747")));
        assert!(r.common_words.contains("reading"));
    }

    #[test]
    fn every_curated_label_names_a_media_topic() {
        let r = Resources::embedded().expect("resources");
        let labels: HashSet<&str> = r.topics.iter().map(|t| t.label.as_str()).collect();
        for (label, _) in &r.topic_terms {
            assert!(
                labels.contains(label.as_str()),
                "topic-keywords.tsv: {label}"
            );
        }
        for e in &r.kb {
            for label in &e.topics {
                assert!(
                    labels.contains(label.as_str()),
                    "kb.tsv {}: {label}",
                    e.name
                );
            }
        }
    }

    #[test]
    fn the_shipped_knowledge_base_names_each_entry_once() {
        let r = Resources::embedded().expect("resources");
        let mut seen = HashSet::default();
        for e in &r.kb {
            assert!(
                seen.insert((e.kind, e.name.as_str())),
                "kb.tsv names {} twice: one row, its aliases joined",
                e.name
            );
        }
    }

    #[test]
    fn bad_kb_rows_are_reported_with_their_line() {
        let err = parse_kb("person\tX\tnotaq\n", "extra.tsv").expect_err("bad id");
        assert!(err.to_string().starts_with("extra.tsv:1:"), "{err}");
    }
}
