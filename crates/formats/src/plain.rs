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
    let (byline, body) = split_byline(body);
    check_field("body", &body, limits)?;
    let dateline = dateline::parse(&body);
    let cited = dateline::cited_sources(&body);
    let id = derived_id(fallback_id.unwrap_or(&body));
    Ok(Article {
        uri: id.clone(),
        id,
        headline,
        byline,
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

/// Takes the byline from the head of the body: a line of names after "By" ("By JENNIFER
/// McDERMOTT and MICHAEL PHILLIS") and up to two short lines of title-case words after it
/// ("Associated Press", "AP Business Writer"), before the dateline or the first paragraph. "By
/// Tuesday, the storm had passed" is a sentence, not a byline.
fn split_byline(body: String) -> (Option<String>, String) {
    let (first, rest) = body.split_once("\n\n").unwrap_or((body.as_str(), ""));
    let lines: Vec<&str> = first.lines().collect();
    if !lines.first().is_some_and(|l| names_after_by(l)) {
        return (None, body);
    }
    let mut k = 1;
    while k < lines.len().min(3) && credit_line(lines[k]) && !starts_dateline(&lines[k..]) {
        k += 1;
    }
    let byline = lines[..k].join(", ");
    let remaining = if k < lines.len() {
        let head = lines[k..].join("\n");
        if rest.is_empty() {
            head
        } else {
            format!("{head}\n\n{rest}")
        }
    } else {
        rest.to_string()
    };
    if remaining.trim().is_empty() {
        return (None, body);
    }
    (Some(byline), remaining)
}

/// Whether the lines from the first on open with a dateline ("PROVIDENCE, R.I. (AP) —").
fn starts_dateline(lines: &[&str]) -> bool {
    dateline::parse(&lines.join("\n")).is_some()
}

/// Is `line` "By" and one to ten words of names, joined by "and", commas or "&"?
fn names_after_by(line: &str) -> bool {
    let Some(names) = ["By ", "BY ", "by "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
    else {
        return false;
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    (1..=10).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            matches!(
                w,
                "and" | "&" | "de" | "da" | "van" | "von" | "der" | "del" | "la" | "le"
            ) || w.starts_with(|c: char| c.is_uppercase())
        })
        && !line.ends_with(['!', '?', ':', ';'])
        && !(line.ends_with('.') && words.last().is_some_and(|w| w.chars().count() > 3))
}

/// Is `line` a short credit under a byline ("Associated Press", "AP Business Writer", "The
/// Washington Post")?
fn credit_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    line.chars().count() <= 60
        && (1..=6).contains(&words.len())
        && !line.ends_with(['.', '!', '?', ':', ';', ','])
        && words.iter().all(|w| {
            matches!(*w, "and" | "of" | "for" | "&" | "the")
                || w.starts_with(|c: char| c.is_uppercase())
        })
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

    #[test]
    fn a_byline_before_the_dateline_is_the_byline() {
        let text = "Orsted takes hit on US offshore wind\n\nBy JENNIFER McDERMOTT and MICHAEL \
                    PHILLIS\nAssociated Press\n\nPROVIDENCE, R.I. (AP) — Orsted said Monday it \
                    would take a charge.";
        let a = decode(text, None, &Limits::default()).expect("decoded");
        assert_eq!(
            a.byline.as_deref(),
            Some("By JENNIFER McDERMOTT and MICHAEL PHILLIS, Associated Press")
        );
        assert!(a.body_text.starts_with("PROVIDENCE, R.I. (AP) —"));
        assert_eq!(a.dateline.and_then(|d| d.source).as_deref(), Some("AP"));
        // Byline and credit in the dateline's paragraph.
        let text = "By Jane Doe\nAP Business Writer\nNEW YORK (AP) — Stocks fell.";
        let a = decode(text, None, &Limits::default()).expect("decoded");
        assert_eq!(a.byline.as_deref(), Some("By Jane Doe, AP Business Writer"));
        assert!(a.body_text.starts_with("NEW YORK (AP) —"));
    }

    #[test]
    fn a_sentence_opening_with_by_is_no_byline() {
        let text = "By Tuesday, the storm had passed.\n\nRoads reopened.";
        let a = decode(text, None, &Limits::default()).expect("decoded");
        assert_eq!(a.byline, None);
        assert!(a.body_text.starts_with("By Tuesday"));
    }
}
