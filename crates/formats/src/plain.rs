//! Plain UTF-8 text: the body as written, a headline when the first line is one, and the
//! dateline and cited sources parsed from the head of the body.

use crate::text::normalise_paragraphs;
use crate::{check_field, dateline, derived_id, Limits, Rejection};
use newsflow_model::{Article, ReasonCode};

/// Longest first line still taken for a headline, in chars.
const MAX_HEADLINE_CHARS: usize = 160;

pub(crate) fn decode(
    text: &str,
    fallback_id: Option<&str>,
    limits: &Limits,
) -> Result<Article, Rejection> {
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if text.contains('\0') || controls * 20 > text.chars().count().max(1) {
        return Err(Rejection::new(
            ReasonCode::DecodeError,
            "not text: NUL or control characters (binary data?)",
        ));
    }
    let body = normalise_paragraphs(text);
    if body.is_empty() {
        return Err(Rejection::new(ReasonCode::InvalidItem, "no text"));
    }
    let (headline, body) = split_headline(body);
    check_field("body", &body, limits)?;
    let dateline = dateline::parse(&body);
    let cited = dateline::cited_sources(&body);
    let id = derived_id(fallback_id.unwrap_or(&body));
    Ok(Article {
        uri: id.clone(),
        id,
        headline,
        located: dateline.as_ref().and_then(|d| d.place.clone()),
        provider: dateline.as_ref().and_then(|d| d.source.clone()),
        dateline,
        cited_sources: cited,
        body_text: body,
        ..Article::default()
    })
}

/// Takes the first paragraph as the headline when it is one short line with no closing
/// sentence punctuation and more text follows.
fn split_headline(body: String) -> (Option<String>, String) {
    let Some((first, rest)) = body.split_once("\n\n") else {
        return (None, body);
    };
    let is_headline = !first.contains('\n')
        && first.chars().count() <= MAX_HEADLINE_CHARS
        && !first.ends_with(['.', '!', '?', '"', '”', ':', ','])
        && dateline::parse(first).is_none();
    if is_headline {
        (Some(first.to_string()), rest.to_string())
    } else {
        (None, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_style_story_keeps_dateline_in_body() {
        let text = "China News Service, December 20. According to TASS news agency, Putin arrived in Minsk.\n\n  Lukashenko said it was fine.\n";
        let a = decode(text, Some("seed.txt"), &Limits::default()).expect("decoded");
        assert!(a
            .body_text
            .starts_with("China News Service, December 20. According"));
        assert_eq!(
            a.body_text.split("\n\n").nth(1),
            Some("Lukashenko said it was fine.")
        );
        assert_eq!(a.provider.as_deref(), Some("China News Service"));
        assert_eq!(a.cited_sources, vec!["TASS".to_string()]);
        assert_eq!(a.headline, None);
        assert!(a.id.starts_with("urn:newsflow:derived:"));
    }

    #[test]
    fn short_first_line_is_a_headline() {
        let text = "Storm hits coast\n\nHeavy rain fell on Tuesday.";
        let a = decode(text, None, &Limits::default()).expect("decoded");
        assert_eq!(a.headline.as_deref(), Some("Storm hits coast"));
        assert_eq!(a.body_text, "Heavy rain fell on Tuesday.");
    }

    #[test]
    fn binary_noise_is_not_text() {
        let err =
            decode("ab\u{1}\u{2}\u{3}\u{5}\u{6}", None, &Limits::default()).expect_err("rejected");
        assert_eq!(err.code, ReasonCode::DecodeError);
    }

    #[test]
    fn same_input_same_id() {
        let a = decode("Some text here.", Some("k"), &Limits::default()).expect("a");
        let b = decode("Other text.", Some("k"), &Limits::default()).expect("b");
        assert_eq!(a.id, b.id, "the fallback id decides the derived id");
    }
}
