//! The canonical article: what every wire format is normalised into.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The wire format an item arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WireFormat {
    /// IPTC ninjs (JSON), any version.
    Ninjs,
    /// IPTC NewsML-G2 (XML).
    NewsmlG2,
    /// IPTC NITF (XML).
    Nitf,
    /// IPTC NewsML 1.x (XML).
    Newsml1,
    /// IPTC 7901 or ANPA 1312 text transmission.
    Iptc7901,
    /// Plain UTF-8 text.
    PlainText,
}

impl WireFormat {
    /// The stable lower-case name used in headers, logs and `source.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            WireFormat::Ninjs => "ninjs",
            WireFormat::NewsmlG2 => "newsml-g2",
            WireFormat::Nitf => "nitf",
            WireFormat::Newsml1 => "newsml-1",
            WireFormat::Iptc7901 => "iptc7901",
            WireFormat::PlainText => "plain-text",
        }
    }

    /// Parses the name given by [`WireFormat::as_str`] (the `newsflow-format` header).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "ninjs" | "json" => WireFormat::Ninjs,
            "newsml-g2" | "newsmlg2" | "g2" => WireFormat::NewsmlG2,
            "nitf" => WireFormat::Nitf,
            "newsml-1" | "newsml1" | "newsml" => WireFormat::Newsml1,
            "iptc7901" | "anpa" | "anpa1312" => WireFormat::Iptc7901,
            "plain-text" | "text" | "txt" => WireFormat::PlainText,
            _ => return None,
        })
    }
}

/// A dateline, as written and as parsed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline exactly as it stands at the head of the body.
    pub text: String,
    /// The agency or outlet that the dateline names ("China News Service").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The place the story was filed from ("MINSK").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The date as written ("December 20").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A subject code the agency itself attached to the item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencySubject {
    /// The code's full URI when known, else the agency's code or qcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The code as the agency gave it (`medtop:20000639`, `15000000`, `POL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The human label, when the agency gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The canonical article: the value on `news.articles`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The stable story id (guid or uri without version): the Kafka key downstream.
    pub id: String,
    /// The item URI as the agency gave it, or one derived from the id.
    pub uri: String,
    /// The agency's version of the story, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The wire format the item arrived in.
    pub format: Option<WireFormat>,
    /// The language the agency declared (BCP 47), when it declared one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Main headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// Slugline / keyword line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slugline: Option<String>,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Dateline, as written and parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// The place the content originates from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub located: Option<String>,
    /// Editorial note to the receiving newsroom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ednote: Option<String>,
    /// The agency that delivered the item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Agencies the story cites as its source ("According to TASS").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited_sources: Vec<String>,
    /// First created, UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firstcreated: Option<DateTime<Utc>>,
    /// This version created, UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versioncreated: Option<DateTime<Utc>>,
    /// Embargoed until, UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embargoed: Option<DateTime<Utc>>,
    /// ninjs publication status: `usable`, `withheld` or `canceled`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pubstatus: Option<String>,
    /// Editorial urgency 1 (highest) to 9.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<u8>,
    /// Copyright notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    /// The agency's summary or abstract of the story (NITF `abstract`, NewsML-G2
    /// `description` in a summary role, ninjs `description_text` or a summary description),
    /// as plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The body as plain text, paragraphs separated by a blank line, dateline included.
    pub body_text: String,
    /// The body as the agency's HTML, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_html: Option<String>,
    /// The agency's own subject codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<AgencySubject>,
    /// The agency's own keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

impl Article {
    /// The paragraphs of the plain-text body (split on blank lines, trimmed, non-empty).
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body_text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
}
