//! The records newsflow moves between stages.
//!
//! # Layout
//! - [`article`]: the canonical [`Article`] every wire format decodes into (the value on
//!   `news.articles`).
//! - [`ninjs`]: the subset of an IPTC ninjs 2.2 item newsflow writes.
//! - [`enriched`]: the enriched record, an envelope of a ninjs item, its [`Analysis`] and
//!   its Kafka [`SourceInfo`] (the value on `news.enriched` and each line of `newsflow enrich`).
//! - [`dlq`]: the dead-letter reason codes and the header names every stage shares.
//! - [`topics`]: default topic names and the routing slug of a Media Topic.
//! - [`schema`]: the JSON Schemas shipped with the records (and, with the `validate`
//!   feature, a validator for them).

pub mod article;
pub mod dlq;
pub mod enriched;
pub mod ninjs;
pub mod schema;
pub mod topics;

pub use article::{AgencySubject, Article, Dateline, WireFormat};
pub use dlq::{headers, ReasonCode};
pub use enriched::{
    Analysis, EnrichedRecord, Mention, MentionKind, SourceInfo, ENRICHED_SCHEMA_ID,
};
