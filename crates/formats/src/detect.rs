//! Format detection from the bytes themselves.

use crate::Rejection;
use newsflow_model::{ReasonCode, WireFormat};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Detects the wire format of `bytes`; `hint` (the `newsflow-format` header) wins when it
/// names a known format.
pub fn detect(bytes: &[u8], hint: Option<&str>) -> Result<WireFormat, Rejection> {
    if let Some(f) = hint.and_then(WireFormat::from_name) {
        return Ok(f);
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .ok_or_else(|| Rejection::new(ReasonCode::InvalidItem, "empty item"))?;
    let head = &body[start..];
    // IPTC 7901 and ANPA 1312 transmissions open with SOH or SYN control characters.
    if matches!(head[0], 0x01 | 0x16) {
        return Ok(WireFormat::Iptc7901);
    }
    // A JSON object, or a list of objects (an API response listing items).
    let list_of_objects = head[0] == b'['
        && head[1..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{' || *b == b']');
    if head[0] == b'{' || list_of_objects {
        return Ok(WireFormat::Ninjs);
    }
    if head[0] == b'<' {
        return xml_format(head);
    }
    Ok(WireFormat::PlainText)
}

/// The format of an XML document, from its root element's name.
fn xml_format(head: &[u8]) -> Result<WireFormat, Rejection> {
    let window = &head[..head.len().min(64 * 1024)];
    let mut i = 0;
    while let Some(off) = window[i..].iter().position(|&b| b == b'<') {
        let at = i + off + 1;
        let rest = &window[at..];
        if rest.starts_with(b"?") || rest.starts_with(b"!") {
            i = at;
            continue;
        }
        let name_end = rest
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            .unwrap_or(rest.len());
        let name = String::from_utf8_lossy(&rest[..name_end]);
        let local = name.rsplit(':').next().unwrap_or(&name);
        return match local {
            "newsMessage" | "newsItem" | "packageItem" | "knowledgeItem" => {
                Ok(WireFormat::NewsmlG2)
            }
            "nitf" => Ok(WireFormat::Nitf),
            "NewsML" | "NewsItem" => Ok(WireFormat::Newsml1),
            other => Err(Rejection::new(
                ReasonCode::UnsupportedFormat,
                format!("unknown XML root element <{other}>"),
            )),
        };
    }
    Err(Rejection::new(
        ReasonCode::DecodeError,
        "XML without a root element",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_leading_bytes() {
        assert_eq!(detect(b"  {\"uri\":1}", None), Ok(WireFormat::Ninjs));
        assert_eq!(
            detect(
                b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\">\n<nitf>",
                None
            ),
            Ok(WireFormat::Nitf)
        );
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?><newsMessage xmlns=\"x\">", None),
            Ok(WireFormat::NewsmlG2)
        );
        assert_eq!(detect(b"<NewsML>", None), Ok(WireFormat::Newsml1));
        assert_eq!(detect(b"\x01\x16a0001 r", None), Ok(WireFormat::Iptc7901));
        assert_eq!(detect(b"MINSK, Dec 20 -", None), Ok(WireFormat::PlainText));
        assert_eq!(detect(b"{", Some("plain-text")), Ok(WireFormat::PlainText));
        assert_eq!(
            detect(b" \n ", None).map_err(|e| e.code),
            Err(ReasonCode::InvalidItem)
        );
        assert_eq!(
            detect(b"<html>", None).map_err(|e| e.code),
            Err(ReasonCode::UnsupportedFormat)
        );
    }
}
