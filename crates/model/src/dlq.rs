//! Dead-letter reason codes and the record headers every stage shares.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Header names (see CONTRACTS.md).
pub mod headers {
    /// Milliseconds since the epoch at which the item first entered the pipeline.
    pub const INGEST_TS: &str = "newsflow-ingest-ts";
    /// Optional wire-format hint set by the producer of a raw item.
    pub const FORMAT: &str = "newsflow-format";
    /// DLQ: the stage that rejected the record.
    pub const STAGE: &str = "newsflow-stage";
    /// DLQ: the [`ReasonCode`](super::ReasonCode).
    pub const REASON: &str = "newsflow-reason";
    /// DLQ: human-readable error text.
    pub const ERROR: &str = "newsflow-error";
    /// DLQ: the topic the rejected record was read from.
    pub const SOURCE_TOPIC: &str = "newsflow-source-topic";
    /// DLQ: its partition.
    pub const SOURCE_PARTITION: &str = "newsflow-source-partition";
    /// DLQ: its offset.
    pub const SOURCE_OFFSET: &str = "newsflow-source-offset";
}

/// Why a record went to the dead-letter topic: a small fixed set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonCode {
    /// The bytes are not a well-formed item of the detected format.
    DecodeError,
    /// The format was recognised (or not) but is not decoded by this version.
    UnsupportedFormat,
    /// A package item (a list of references), not a story.
    PackageItem,
    /// The bytes are not valid in their (declared or detected) character encoding.
    EncodingError,
    /// The item, or a field of it, is larger than the configured limit.
    TooLarge,
    /// Well-formed, but not a usable story (no id, no text, ...).
    InvalidItem,
    /// The stage failed on the record for a reason that retrying will not cure.
    ProcessingError,
}

impl ReasonCode {
    /// Every code, for pre-initialising metrics.
    pub const ALL: [ReasonCode; 7] = [
        ReasonCode::DecodeError,
        ReasonCode::UnsupportedFormat,
        ReasonCode::PackageItem,
        ReasonCode::EncodingError,
        ReasonCode::TooLarge,
        ReasonCode::InvalidItem,
        ReasonCode::ProcessingError,
    ];

    /// The code as written in the `newsflow-reason` header and the metric label.
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonCode::DecodeError => "decode_error",
            ReasonCode::UnsupportedFormat => "unsupported_format",
            ReasonCode::PackageItem => "package_item",
            ReasonCode::EncodingError => "encoding_error",
            ReasonCode::TooLarge => "too_large",
            ReasonCode::InvalidItem => "invalid_item",
            ReasonCode::ProcessingError => "processing_error",
        }
    }

    /// Parses a header value back into a code.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
