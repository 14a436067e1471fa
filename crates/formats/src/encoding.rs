//! Character encodings: declared or not, decided with `encoding_rs`.
//!
//! - A byte-order mark decides (UTF-8, UTF-16LE/BE).
//! - A declared encoding (XML prolog, HTML meta) is used, except that a file declared as
//!   ISO-8859-1 or Windows-1252 whose bytes are valid UTF-8 with multi-byte sequences is read
//!   as UTF-8 — a common agency mistake; the reverse ("Décès" → "DÃ©cÃ¨s") never happens.
//! - Undeclared bytes are UTF-8 when they are valid UTF-8, else Windows-1252 (the WHATWG
//!   reading of "Latin-1", which maps every byte).
//! - Declared UTF-8 that is not valid, or an unknown label, is an `encoding_error`.

use crate::Rejection;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use newsflow_model::ReasonCode;
use std::borrow::Cow;

/// Decodes `bytes` to text. `declared` is the encoding label the document states, if any.
pub fn decode_text<'a>(bytes: &'a [u8], declared: Option<&str>) -> Result<Cow<'a, str>, Rejection> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        return decode_with(enc, body);
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    match declared.map(str::trim).filter(|d| !d.is_empty()) {
        Some(label) => {
            let enc = Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                Rejection::new(
                    ReasonCode::EncodingError,
                    format!("unknown declared encoding {label:?}"),
                )
            })?;
            if enc == UTF_8 {
                return utf8.map(Cow::Borrowed).ok_or_else(|| {
                    Rejection::new(
                        ReasonCode::EncodingError,
                        "declared UTF-8 but the bytes are not valid UTF-8",
                    )
                });
            }
            if enc == UTF_16LE || enc == UTF_16BE {
                // A UTF-16 label without a BOM in an ASCII-readable prolog means the prolog lied.
                if let Some(s) = utf8 {
                    return Ok(Cow::Borrowed(s));
                }
            }
            if enc == WINDOWS_1252 {
                if let Some(s) = utf8 {
                    if !s.is_ascii() {
                        return Ok(Cow::Borrowed(s));
                    }
                }
            }
            decode_with(enc, bytes)
        }
        None => match utf8 {
            Some(s) => Ok(Cow::Borrowed(s)),
            None => decode_with(WINDOWS_1252, bytes),
        },
    }
}

fn decode_with<'a>(enc: &'static Encoding, bytes: &'a [u8]) -> Result<Cow<'a, str>, Rejection> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Rejection::new(
            ReasonCode::EncodingError,
            format!("bytes are not valid {}", enc.name()),
        ));
    }
    Ok(text)
}

/// The `encoding="…"` of an XML declaration at the head of `bytes` (ASCII-compatible
/// encodings only; UTF-16 documents carry a BOM).
pub fn xml_declared(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let start = head.windows(5).position(|w| w == b"<?xml")?;
    let end = head[start..].windows(2).position(|w| w == b"?>")? + start;
    let decl = String::from_utf8_lossy(&head[start..end]);
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text("Décès".as_bytes(), None).unwrap(), "Décès");
        assert_eq!(
            decode_text(b"\xEF\xBB\xBFD\xC3\xA9c\xC3\xA8s", None).unwrap(),
            "Décès"
        );
    }

    #[test]
    fn latin1_declared_or_not() {
        assert_eq!(
            decode_text(b"D\xE9c\xE8s", Some("ISO-8859-1")).unwrap(),
            "Décès"
        );
        assert_eq!(decode_text(b"D\xE9c\xE8s", None).unwrap(), "Décès");
        assert_eq!(
            decode_text(b"\x93quoted\x94 \x80", Some("windows-1252")).unwrap(),
            "“quoted” €"
        );
    }

    #[test]
    fn declared_latin1_that_is_really_utf8_stays_utf8() {
        assert_eq!(
            decode_text("Décès".as_bytes(), Some("iso-8859-1")).unwrap(),
            "Décès"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Décès".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes, None).unwrap(), "Décès");
    }

    #[test]
    fn bad_declarations_are_encoding_errors() {
        assert_eq!(
            decode_text(b"D\xE9c\xE8s", Some("utf-8")).map_err(|e| e.code),
            Err(ReasonCode::EncodingError)
        );
        assert_eq!(
            decode_text(b"x", Some("klingon-8")).map_err(|e| e.code),
            Err(ReasonCode::EncodingError)
        );
    }

    #[test]
    fn finds_the_xml_declaration() {
        assert_eq!(
            xml_declared(b"<?xml version='1.0' encoding='ISO-8859-1'?><a/>").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(xml_declared(b"<?xml version=\"1.0\"?><a/>"), None);
    }
}
