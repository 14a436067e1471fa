//! Wire-format decoders: bytes in, canonical [`Article`]s or typed rejections out.
//!
//! Pure functions, no I/O. [`detect`] decides the format from the bytes themselves (with an
//! optional hint from the `newsflow-format` header); [`decode`] turns one raw item into zero
//! or more stories, each an [`Article`] or a [`Rejection`] with a [`ReasonCode`].
//!
//! # Layout
//! - `detect`: format detection.
//! - `ninjs`: ninjs 1.x and 2.x JSON.
//! - `plain`: plain UTF-8 text.
//! - `dateline`: dateline and cited-source parsing shared by the text formats.
//! - `text`: small text helpers (HTML body to plain text, paragraph normalisation).
//!
//! NewsML-G2, NITF, NewsML 1.x and IPTC 7901/ANPA are detected and rejected as
//! `unsupported_format` until their decoders land.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod dateline;
mod detect;
mod ninjs;
mod plain;
mod text;

pub use detect::detect;
use newsflow_model::{Article, ReasonCode, WireFormat};
use thiserror::Error;

/// A story that cannot be decoded, with the reason code the DLQ carries.
#[derive(Debug, Clone, Error, PartialEq)]
#[error("{code}: {message}")]
pub struct Rejection {
    /// Reason code.
    pub code: ReasonCode,
    /// Human-readable detail.
    pub message: String,
}

impl Rejection {
    /// A rejection with `code` and `message`.
    pub fn new(code: ReasonCode, message: impl Into<String>) -> Self {
        Rejection {
            code,
            message: message.into(),
        }
    }
}

/// Limits applied while decoding.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest accepted raw item, bytes.
    pub max_item_bytes: usize,
    /// Largest accepted single field (headline, body, ...), bytes.
    pub max_field_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_item_bytes: 4 * 1024 * 1024,
            max_field_bytes: 2 * 1024 * 1024,
        }
    }
}

/// Decodes one raw wire item into its stories.
///
/// `hint` is the `newsflow-format` header, if any; `fallback_id` names the item when the
/// format carries no id of its own (the Kafka key or file name).
pub fn decode(
    bytes: &[u8],
    hint: Option<&str>,
    fallback_id: Option<&str>,
    limits: &Limits,
) -> (Option<WireFormat>, Vec<Result<Article, Rejection>>) {
    if bytes.len() > limits.max_item_bytes {
        let err = Rejection::new(
            ReasonCode::TooLarge,
            format!(
                "item is {} bytes, limit {}",
                bytes.len(),
                limits.max_item_bytes
            ),
        );
        return (None, vec![Err(err)]);
    }
    let format = match detect(bytes, hint) {
        Ok(f) => f,
        Err(e) => return (None, vec![Err(e)]),
    };
    let stories = match format {
        WireFormat::Ninjs => vec![ninjs::decode(bytes, fallback_id, limits)],
        WireFormat::PlainText => vec![plain::decode(bytes, fallback_id, limits)],
        other => vec![Err(Rejection::new(
            ReasonCode::UnsupportedFormat,
            format!("{} is recognised but not decoded yet", other.as_str()),
        ))],
    };
    let stories = stories
        .into_iter()
        .map(|s| {
            s.map(|mut a| {
                a.format = Some(format);
                a
            })
        })
        .collect();
    (Some(format), stories)
}

/// A stable id derived from content, for items that carry none.
pub(crate) fn derived_id(seed: &str) -> String {
    format!(
        "urn:newsflow:derived:{:016x}",
        xxhash_rust::xxh3::xxh3_64(seed.as_bytes())
    )
}

/// Checks one field against the per-field limit.
pub(crate) fn check_field(name: &str, value: &str, limits: &Limits) -> Result<(), Rejection> {
    if value.len() > limits.max_field_bytes {
        return Err(Rejection::new(
            ReasonCode::TooLarge,
            format!(
                "field {name} is {} bytes, limit {}",
                value.len(),
                limits.max_field_bytes
            ),
        ));
    }
    Ok(())
}
