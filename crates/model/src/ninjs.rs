//! The subset of an IPTC ninjs 2.2 item that newsflow writes.
//!
//! Only properties of the 2.2 schema appear here, so every item serialises to a valid
//! ninjs 2.2 object (checked against the shipped schema in the tests).

use serde::{Deserialize, Serialize};

/// The `$id` of the ninjs 2.2 JSON Schema.
pub const NINJS_22_SCHEMA_ID: &str = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#";

/// A valid URI for `item.uri`: the agency's URI when it is one (a scheme, no spaces or
/// controls), else `urn:newsflow:item:` and the percent-encoded id.
pub fn item_uri(id: &str) -> String {
    let scheme_ok = id.split_once(':').is_some_and(|(scheme, rest)| {
        !rest.is_empty()
            && scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let clean = id.chars().all(|c| {
        c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
    });
    if scheme_ok && clean {
        return id.to_string();
    }
    let mut out = String::from("urn:newsflow:item:");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A ninjs 2.2 item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Item URI (`nar:newsItem@guid`).
    pub uri: String,
    /// Which standard the object follows.
    pub standard: Standard,
    /// Always `text` for wire copy.
    #[serde(rename = "type")]
    pub kind: String,
    /// The agency's version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// First created (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firstcreated: Option<String>,
    /// This version created (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versioncreated: Option<String>,
    /// Embargoed until (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embargoed: Option<String>,
    /// `usable`, `withheld` or `canceled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pubstatus: Option<String>,
    /// Urgency 1..9.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<u8>,
    /// Copyright notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyrightnotice: Option<String>,
    /// Editorial note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ednote: Option<String>,
    /// BCP 47 language tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Headlines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headlines: Vec<Text>,
    /// Bodies: the plain-text main body, and the HTML one where the source had it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Text>,
    /// Descriptions: the agency's summary, where it gave one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptions: Vec<Text>,
    /// People the story is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Concept>,
    /// Organisations the story is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Concept>,
    /// Places the story is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Concept>,
    /// Subjects (IPTC Media Topics and the agency's codes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<Subject>,
    /// Sources: the delivering agency and agencies cited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub infosources: Vec<InfoSource>,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Slugline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slugline: Option<String>,
    /// Where the content originates from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub located: Option<String>,
    /// Alternative ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub altids: Vec<AltId>,
}

/// `standard`: name, version and schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Standard {
    /// `ninjs`.
    pub name: String,
    /// `2.2`.
    pub version: String,
    /// The schema's `$id`.
    pub schema: String,
}

impl Default for Standard {
    fn default() -> Self {
        Standard {
            name: "ninjs".into(),
            version: "2.2".into(),
            schema: NINJS_22_SCHEMA_ID.into(),
        }
    }
}

/// A headline, body or description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    /// `main`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// IANA media type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contenttype: Option<String>,
    /// The text.
    pub value: String,
}

impl Text {
    /// A text in `role` of media type `contenttype`.
    pub fn new(role: &str, contenttype: &str, value: impl Into<String>) -> Self {
        Text {
            role: Some(role.into()),
            contenttype: Some(contenttype.into()),
            value: value.into(),
        }
    }
}

/// A person, organisation or place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    /// Canonical name.
    pub name: String,
    /// Relationship to the content (`mentioned`, `located`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// Linked URI (GeoNames, Wikidata).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The form first seen in the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

/// A subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    /// Label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Relationship to the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rel: Option<String>,
    /// The code as a URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The code as free text, when it has no URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    /// Who assigned it: the agency's name, or `newsflow`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Relevance 0..100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevance: Option<u8>,
    /// Confidence 0..100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
}

/// An information source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InfoSource {
    /// Name of the agency.
    pub name: String,
    /// `originalSource`, `cited`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// URI, when linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// An alternative id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AltId {
    /// Role of the id.
    pub role: String,
    /// Value.
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::item_uri;

    #[test]
    fn item_uris_are_uris() {
        assert_eq!(
            item_uri("urn:newsml:afp.com:1:TX"),
            "urn:newsml:afp.com:1:TX"
        );
        assert_eq!(
            item_uri("AAP.115314987.5417374"),
            "urn:newsflow:item:AAP.115314987.5417374"
        );
        assert_eq!(item_uri("a b/c"), "urn:newsflow:item:a%20b%2Fc");
        assert_eq!(item_uri("1234"), "urn:newsflow:item:1234");
    }
}
