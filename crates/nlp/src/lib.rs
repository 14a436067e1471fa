//! The enrichment engine: language, entities, links, subjects, keywords and a
//! near-duplicate fingerprint for one [`Article`](newsflow_model::Article).
//!
//! Pure and synchronous: the enricher service runs it on a worker pool, `newsflow enrich`
//! runs it offline, and both get the same record.
//!
//! # Layout
//! - `resources`: the shipped, derived data (GeoNames places, countries and demonyms, IPTC
//!   Media Topics, the knowledge base, curated topic evidence, common words), embedded in the
//!   binary and parsed once by [`Resources::embedded`].
//! - `text`: UAX #29 word tokens with char offsets and sentence starts.
//! - `gazetteer`: one Aho-Corasick automaton over every place, country, demonym and
//!   knowledge-base name, matched token- and case-aware.
//! - `ner`: mention finding (gazetteer, titles such as "spokesman Price", organisation head
//!   words) and resolution (context for common-word places, population and country evidence
//!   for ambiguous places, document-level consistency).
//! - `subjects`: IPTC Media Topics from label, keyword and entity evidence.
//! - `keywords`, `fingerprint`, `language`: the rest of the analysis.
//! - `engine`: [`Engine`] puts them together into an [`EnrichedRecord`](newsflow_model::EnrichedRecord).
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod engine;
pub mod eval;
mod fingerprint;
mod gazetteer;
mod keywords;
mod language;
mod ner;
pub mod resources;
mod subjects;
pub mod tagger;
mod text;

pub use engine::{Engine, ENGINE_NAME};
pub use fingerprint::{hamming, simhash64};
pub use resources::{ResourceError, Resources};
pub use subjects::TopicIndex;
