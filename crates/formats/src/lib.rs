//! Wire-format decoders: bytes in, canonical [`Article`]s or typed rejections out.
//!
//! Pure functions, no I/O. [`detect`] decides the format from the bytes themselves (with an
//! optional hint from the `newsflow-format` header); [`decode`] turns one raw item into zero
//! or more stories, each an [`Article`] or a [`Rejection`] with a [`ReasonCode`].
//!
//! # Layout
//! - `detect`: format detection; `encoding`: declared and undeclared character encodings.
//! - `ninjs`: ninjs 1.x, 2.x and 3.x JSON (and API wrappers listing items).
//! - `xml`: a safe XML tree (no DTD, no entity expansion, bounded depth and size), used by
//!   `g2` (NewsML-G2), `nitf` (NITF 3.x) and `newsml1` (NewsML 1.x).
//! - `iptc7901`: IPTC 7901 and ANPA 1312 transmissions.
//! - `plain`: plain text.
//! - `dateline`: dateline and cited-source parsing shared by the text formats.
//! - `time`: agency timestamps to UTC.
//! - `text`: small text helpers (HTML body to plain text, paragraph normalisation).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod dateline;
mod detect;
pub mod encoding;
mod g2;
mod iptc7901;
mod newsml1;
mod ninjs;
mod nitf;
mod plain;
mod text;
pub mod time;
pub mod xml;

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
    let declared = encoding::xml_declared(bytes);
    let text = match encoding::decode_text(bytes, declared.as_deref()) {
        Ok(t) => t,
        Err(e) => return (detect(bytes, hint).ok(), vec![Err(e)]),
    };
    let format = match detect(text.as_bytes(), hint) {
        Ok(f) => f,
        Err(e) => return (None, vec![Err(e)]),
    };
    let stories = match format {
        WireFormat::Ninjs => ninjs::decode(&text, fallback_id, limits),
        WireFormat::PlainText => vec![plain::decode(&text, fallback_id, limits)],
        WireFormat::Iptc7901 => iptc7901::decode(&text, fallback_id, limits),
        WireFormat::NewsmlG2 | WireFormat::Nitf | WireFormat::Newsml1 => {
            match xml::parse(&text, limits) {
                Err(e) => vec![Err(e)],
                Ok(root) => match (format, root.name.as_str()) {
                    (WireFormat::Nitf, _) => vec![nitf::decode(&root, fallback_id, limits)],
                    (WireFormat::Newsml1, _) => newsml1::decode(&root, fallback_id, limits),
                    _ => g2::decode(&root, fallback_id, limits),
                },
            }
        }
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
