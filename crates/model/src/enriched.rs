//! The enriched record: a ninjs 2.2 item, its analysis and its provenance.

use crate::article::Dateline;
use crate::ninjs::Item;
use serde::{Deserialize, Serialize};

/// The value of the envelope's `schema` field; its number changes only on a breaking change.
pub const ENRICHED_SCHEMA_ID: &str = "newsflow.enriched/1";

/// The value on `news.enriched`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrichedRecord {
    /// Always [`ENRICHED_SCHEMA_ID`].
    pub schema: String,
    /// The ninjs 2.2 item.
    pub item: Item,
    /// What ninjs has no field for.
    pub analysis: Analysis,
    /// Where the record was read from; absent offline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceInfo>,
}

impl EnrichedRecord {
    /// The plain-text main body that mention offsets index into.
    pub fn body_text(&self) -> &str {
        self.item
            .bodies
            .iter()
            .find(|b| b.contenttype.as_deref() == Some("text/plain"))
            .map(|b| b.value.as_str())
            .unwrap_or("")
    }
}

/// Provenance of a record read from Kafka.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The raw topic the item first arrived on.
    pub topic: String,
    /// Its partition.
    pub partition: i32,
    /// Its offset.
    pub offset: i64,
    /// The wire format detected.
    pub format: String,
    /// When the consumer received it (RFC 3339).
    pub received: String,
}

/// The enrichment engine's findings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Detected language.
    pub language: Language,
    /// Every entity mention, in body order.
    pub mentions: Vec<Mention>,
    /// Distinct entities with their salience, most salient first.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Subjects with their evidence, most relevant first (also in `item.subjects`).
    #[serde(default)]
    pub subjects: Vec<SubjectScore>,
    /// Keywords, most significant first.
    #[serde(default)]
    pub keywords: Vec<Keyword>,
    /// Near-duplicate fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<Fingerprint>,
    /// The dateline parsed from the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Engine name and version.
    #[serde(default)]
    pub engine: String,
    /// Time the engine took, microseconds.
    #[serde(default)]
    pub elapsed_us: u64,
}

/// Language with confidence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// BCP 47 tag (`en`, `de`, `und` when unknown).
    pub tag: String,
    /// 0..1.
    pub confidence: f32,
}

/// Entity kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A person.
    Person,
    /// An organisation.
    Organisation,
    /// A place.
    Place,
    /// Anything else named (events, nationalities used as adjectives, ...).
    Other,
}

impl MentionKind {
    /// Every kind, for pre-initialising metrics.
    pub const ALL: [MentionKind; 4] = [
        MentionKind::Person,
        MentionKind::Organisation,
        MentionKind::Place,
        MentionKind::Other,
    ];

    /// The kind as written in records and metric labels.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Organisation => "organisation",
            MentionKind::Place => "place",
            MentionKind::Other => "other",
        }
    }
}

/// One mention of an entity in the plain-text body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Kind of entity.
    pub kind: MentionKind,
    /// The text as it stands in the body.
    pub text: String,
    /// Start, in `char`s, into the plain-text body.
    pub start: usize,
    /// End (exclusive), in `char`s.
    pub end: usize,
    /// Canonical name.
    pub name: String,
    /// Linked URI, absent when unlinked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// 0..1.
    pub confidence: f32,
}

/// A distinct entity with its salience.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Kind.
    pub kind: MentionKind,
    /// Canonical name.
    pub name: String,
    /// Linked URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// Number of mentions in the body.
    pub mentions: usize,
    /// Whether the headline names it.
    pub in_headline: bool,
    /// 0..1: mentions, position and headline.
    pub salience: f32,
}

/// A subject with its scores and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubjectScore {
    /// Media Topic code (`20000639`), or the agency's code when it maps to none.
    pub code: String,
    /// URI.
    pub uri: String,
    /// Label.
    pub name: String,
    /// The top-level Media Topic label it sits under (routing uses it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_level: Option<String>,
    /// 0..100.
    pub relevance: u8,
    /// 0..100.
    pub confidence: u8,
    /// `agency` or `newsflow`.
    pub origin: String,
    /// The words or entities that gave the subject.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// A keyword.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    /// The keyword (lower case).
    pub text: String,
    /// Relative weight 0..1.
    pub score: f32,
}

/// A near-duplicate fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// `simhash64`.
    pub algorithm: String,
    /// 16 hex digits.
    pub value: String,
}
