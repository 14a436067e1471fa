//! IPTC 7901 and ANPA 1312 text transmissions.
//!
//! A transmission runs SOH, header, STX, text, ETX, EOT; several may follow each other (each
//! is a story). The header line carries service and sequence, priority, category and word
//! count; ANPA adds a selector and a slug line with the take key (`1st Ld-Writethru`). In the
//! text, ANPA marks format lines with `^` … `<` (keyword, headline, editor's notes) and byline
//! lines with a trailing `=`; IPTC 7901 puts the keyword before STX and ends the headline with
//! ` =`. Paragraphs start with a tab or an indent; tabular lines keep their layout.

use crate::{check_field, dateline, derived_id, Limits, Rejection};
use newsflow_model::{Article, ReasonCode};

const SOH: char = '\u{1}';
const STX: char = '\u{2}';
const ETX: char = '\u{3}';
const EOT: char = '\u{4}';

/// Decodes every transmission in `text`.
pub(crate) fn decode(
    text: &str,
    fallback_id: Option<&str>,
    limits: &Limits,
) -> Vec<Result<Article, Rejection>> {
    let chunks: Vec<&str> = text
        .split(SOH)
        .filter(|c| {
            c.contains(STX)
                || c.trim_matches(|c: char| c.is_whitespace() || c.is_control())
                    .len()
                    > 20
        })
        .collect();
    if chunks.is_empty() {
        return vec![Err(Rejection::new(
            ReasonCode::DecodeError,
            "no IPTC 7901/ANPA transmission found",
        ))];
    }
    chunks
        .into_iter()
        .map(|c| story(c, fallback_id, limits))
        .collect()
}

/// Drops control characters other than tab and newline.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// ANPA priority letters to ninjs urgency.
fn urgency_of(p: &str) -> Option<u8> {
    match p {
        "f" => Some(1),
        "b" => Some(2),
        "u" => Some(3),
        "r" => Some(5),
        "d" => Some(6),
        "a" | "s" => Some(7),
        _ => p.parse().ok().filter(|u| (1..=9).contains(u)),
    }
}

/// The ordinal of a take key ("1st Ld-Writethru" → 1), if the slug has one.
fn writethru(slug: &str) -> Option<u32> {
    let lower = slug.to_ascii_lowercase();
    let at = lower.find("writethru").or_else(|| lower.find("ld-"))?;
    let before = &lower[..at];
    let word = before
        .split([' ', ','])
        .rev()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))?;
    word.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

fn is_table_line(line: &str) -> bool {
    let inner = line.trim();
    inner.contains('\t')
        || inner.contains("   ") && inner.split("   ").filter(|s| !s.trim().is_empty()).count() >= 3
}

fn story(chunk: &str, fallback_id: Option<&str>, limits: &Limits) -> Result<Article, Rejection> {
    let (header, rest) = chunk.split_once(STX).unwrap_or(("", chunk));
    let text = rest.split([ETX, EOT]).next().unwrap_or(rest);
    let header = clean(header);
    let text = clean(text);
    check_field("text", &text, limits)?;
    let header_lines: Vec<&str> = header
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let first = header_lines.first().copied().unwrap_or("");
    let fields: Vec<&str> = first.split_whitespace().collect();
    // ANPA: "f l BC-Slug 11-13 1049" on the second header line; 7901: "eca062 4 i 211 ...".
    let anpa_line = header_lines.iter().find(|l| {
        l.contains("BC-") || l.split_whitespace().nth(2).is_some_and(|w| w.contains('-'))
    });
    let mut urgency = None;
    let mut slugline: Option<String> = None;
    let mut date = String::new();
    if let Some(line) = anpa_line {
        let w: Vec<&str> = line.split_whitespace().collect();
        urgency = w.first().and_then(|p| urgency_of(p));
        slugline = w
            .iter()
            .find(|x| x.contains('-') && x.len() > 3)
            .map(|s| s.to_string());
        date = w
            .iter()
            .rev()
            .nth(1)
            .map(|s| s.to_string())
            .unwrap_or_default();
    } else if fields.len() >= 3 {
        urgency = urgency_of(fields[1]);
    }
    // 7901 keyword line: between the header line and STX.
    if slugline.is_none() {
        slugline = header_lines
            .get(1)
            .map(|s| s.trim_end_matches('/').to_string())
            .filter(|s| !s.is_empty());
    }
    let mut headline: Option<String> = None;
    let mut bylines: Vec<String> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut in_notes = false;
    let flush = |cur: &mut Vec<String>, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(cur.join(if cur.iter().any(|l| is_table_line(l)) {
                "\n"
            } else {
                " "
            }));
            cur.clear();
        }
    };
    for raw in text.lines() {
        let line = raw.trim_end();
        let trimmed = line.trim();
        if in_notes {
            if !trimmed.is_empty() {
                notes.push(trimmed.to_string());
            }
            continue;
        }
        if let Some(marked) = trimmed.strip_prefix('^') {
            let content = marked.trim_end_matches('<').trim_end_matches('=').trim();
            if marked.trim_end().ends_with('=') {
                bylines.push(content.to_string());
            } else if content.starts_with("BC-")
                || (slugline.as_deref().is_some_and(|s| content.starts_with(s)))
            {
                slugline = Some(content.to_string());
            } else if content.to_ascii_lowercase().starts_with("eds:")
                || content.starts_with("AP Photo")
                || content.starts_with("Eds ")
            {
                notes.push(content.to_string());
            } else if headline.is_none() {
                headline = Some(content.to_string());
            } else {
                notes.push(content.to_string());
            }
            continue;
        }
        if headline.is_none()
            && paragraphs.is_empty()
            && cur.is_empty()
            && !trimmed.is_empty()
            && trimmed.ends_with('=')
            && trimmed.len() < 250
        {
            headline = Some(trimmed.trim_end_matches('=').trim().to_string());
            continue;
        }
        if trimmed.starts_with('#') && !paragraphs.is_empty() {
            flush(&mut cur, &mut paragraphs);
            in_notes = true;
            notes.push(trimmed.trim_start_matches('#').trim().to_string());
            continue;
        }
        if trimmed.is_empty() || trimmed.chars().all(|c| c == '_' || c == '-') {
            flush(&mut cur, &mut paragraphs);
            continue;
        }
        let indented = line.starts_with('\t') || line.starts_with("   ");
        if indented && !is_table_line(line) {
            flush(&mut cur, &mut paragraphs);
        }
        cur.push(if is_table_line(line) {
            line.trim_start_matches('\t').to_string()
        } else {
            trimmed.to_string()
        });
    }
    flush(&mut cur, &mut paragraphs);
    let body_text = paragraphs.join("\n\n");
    if body_text.is_empty() && headline.is_none() {
        return Err(Rejection::new(
            ReasonCode::InvalidItem,
            "transmission without headline or text",
        ));
    }
    check_field("body", &body_text, limits)?;
    let parsed = dateline::parse(&body_text);
    let base_slug = slugline
        .as_deref()
        .map(|s| s.split(',').next().unwrap_or(s).trim().to_string());
    let id = derived_id(&match &base_slug {
        Some(s) => format!("7901|{s}|{date}"),
        None => format!(
            "7901|{}|{}",
            fallback_id.unwrap_or(""),
            headline.as_deref().unwrap_or("")
        ),
    });
    Ok(Article {
        uri: id.clone(),
        id,
        version: slugline
            .as_deref()
            .and_then(writethru)
            .map(|n| (n + 1).to_string()),
        headline,
        slugline,
        byline: (!bylines.is_empty()).then(|| bylines.join(", ")),
        located: parsed.as_ref().and_then(|d| d.place.clone()),
        ednote: (!notes.is_empty()).then(|| notes.join("\n")),
        provider: parsed.as_ref().and_then(|d| d.source.clone()),
        cited_sources: dateline::cited_sources(&body_text),
        urgency,
        dateline: parsed,
        body_text,
        ..Article::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn take_keys() {
        assert_eq!(
            writethru("BC-US--Budget-Battle, 1st Ld-Writethru,850"),
            Some(1)
        );
        assert_eq!(writethru("BC-US--Budget-Battle, 3rd Ld-Writethru"), Some(3));
        assert_eq!(writethru("BC-LT--Argentina-Cancer Beauty,466"), None);
    }
}
