//! NITF 3.x: `hl1`, `byline`, `dateline`, `body.content`, `tobject.subject`, `doc-id`,
//! `date.issue`, `ed-msg`, `urgency`, `doc.copyright`, `key-list`.

use crate::xml::{Element, Node};
use crate::{check_field, dateline, derived_id, time, Limits, Rejection};
use newsflow_model::{AgencySubject, Article, ReasonCode};

/// Decodes an NITF document (root `nitf`).
pub(crate) fn decode(
    root: &Element,
    fallback_id: Option<&str>,
    limits: &Limits,
) -> Result<Article, Rejection> {
    let head = root.child("head");
    let docdata = head.and_then(|h| h.child("docdata"));
    let body = root.child("body");
    let body_head = body.and_then(|b| b.child("body.head"));
    let content = body.and_then(|b| b.child("body.content"));
    let headline = body_head
        .and_then(|h| h.find("hl1"))
        .and_then(Element::text)
        .or_else(|| head.and_then(|h| h.child("title")).and_then(Element::text));
    let paragraphs = content.map(Element::paragraphs).unwrap_or_default();
    let body_text = paragraphs.join("\n\n");
    if body_text.is_empty() && headline.is_none() {
        return Err(Rejection::new(
            ReasonCode::InvalidItem,
            "NITF document has neither headline nor body",
        ));
    }
    check_field("body", &body_text, limits)?;
    let body_html = content.map(Element::inner_html).filter(|h| !h.is_empty());
    if let Some(h) = &body_html {
        check_field("body.content", h, limits)?;
    }
    let doc_id = docdata.and_then(|d| d.child("doc-id"));
    let issued = docdata
        .and_then(|d| d.child("date.issue"))
        .and_then(|d| d.attr("norm"))
        .and_then(time::parse);
    let id = doc_id
        .and_then(|d| d.attr("id-string"))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| {
            let seed = format!(
                "{}|{}|{}",
                fallback_id.unwrap_or(""),
                headline.as_deref().unwrap_or(""),
                issued.map(|t| t.to_rfc3339()).unwrap_or_default()
            );
            derived_id(&seed)
        });
    let byline = body_head
        .and_then(|h| h.child("byline"))
        .and_then(byline_text);
    let dateline_el = body_head.and_then(|h| h.child("dateline"));
    let located = dateline_el
        .and_then(|d| {
            d.find("city")
                .or_else(|| d.find("location"))
                .and_then(Element::text)
        })
        .or_else(|| dateline_el.and_then(Element::own_text));
    let mut subjects = Vec::new();
    if let Some(head) = head {
        let mut tsubjects = Vec::new();
        head.find_all("tobject.subject", &mut tsubjects);
        for s in tsubjects {
            let code = s.attr("tobject.subject.refnum").map(str::to_string);
            let name = s
                .attr("tobject.subject.matter")
                .or_else(|| s.attr("tobject.subject.type"))
                .map(str::to_string);
            if code.is_some() || name.is_some() {
                subjects.push(AgencySubject {
                    uri: None,
                    code,
                    name,
                });
            }
        }
    }
    let mut keywords = Vec::new();
    if let Some(kl) = docdata.and_then(|d| d.child("key-list")) {
        keywords.extend(
            kl.children_named("keyword")
                .filter_map(|k| k.attr("key").map(str::to_string)),
        );
    }
    let summary = body_head
        .and_then(|h| h.child("abstract"))
        .and_then(block_text);
    if let Some(s) = &summary {
        check_field("abstract", s, limits)?;
    }
    // A body that opens with no dateline takes the head's `<dateline>` element: "Sydney" from
    // `<location><city>`, the date from `<story.date>`.
    let parsed = dateline::parse(&body_text).or_else(|| {
        let el = dateline_el?;
        Some(newsflow_model::Dateline {
            text: spaced_text(el)?,
            place: located.clone(),
            date: el.find("story.date").and_then(Element::text),
            source: None,
        })
    });
    Ok(Article {
        uri: id.clone(),
        id,
        version: docdata
            .and_then(|d| d.child("du-key"))
            .and_then(|d| d.attr("version"))
            .map(str::to_string),
        language: root
            .attr("xml:lang")
            .or_else(|| body.and_then(|b| b.attr("xml:lang")))
            .map(str::to_string),
        headline,
        slugline: docdata
            .and_then(|d| d.child("du-key"))
            .and_then(|d| d.attr("key"))
            .map(str::to_string),
        byline,
        located: located.or_else(|| parsed.as_ref().and_then(|d| d.place.clone())),
        ednote: docdata
            .and_then(|d| d.child("ed-msg"))
            .and_then(|e| e.attr("info"))
            .map(str::to_string),
        provider: doc_id
            .and_then(|d| d.attr("regsrc"))
            .map(str::to_string)
            .or_else(|| {
                body_head
                    .and_then(|h| h.child("distributor"))
                    .and_then(Element::text)
            }),
        cited_sources: dateline::cited_sources(&body_text),
        firstcreated: issued,
        versioncreated: issued,
        embargoed: docdata
            .and_then(|d| d.child("date.release"))
            .and_then(|d| d.attr("norm"))
            .and_then(time::parse),
        urgency: docdata
            .and_then(|d| d.child("urgency"))
            .and_then(|u| u.attr("ed-urg"))
            .and_then(|u| u.trim().parse().ok())
            .filter(|u| (1..=9).contains(u)),
        copyright: docdata
            .and_then(|d| d.child("doc.copyright"))
            .and_then(|c| {
                let holder = c.attr("holder")?;
                Some(match c.attr("year") {
                    Some(y) => format!("© {y} {holder}"),
                    None => format!("© {holder}"),
                })
            }),
        summary,
        body_html,
        dateline: parsed,
        body_text,
        subjects,
        keywords,
        ..Article::default()
    })
}

/// An element's text with its text nodes kept apart: a dateline's `<city>` and `<state>` are
/// inline, and their text run together ("SydneyNSW").
fn spaced_text(el: &Element) -> Option<String> {
    fn collect<'e>(e: &'e Element, out: &mut Vec<&'e str>) {
        for n in &e.children {
            match n {
                Node::Text(t) => out.push(t),
                Node::Element(c) => collect(c, out),
            }
        }
    }
    let mut parts = Vec::new();
    collect(el, &mut parts);
    let s = crate::text::squash(&parts.join(" ")).replace(" ,", ",");
    (!s.is_empty()).then_some(s)
}

/// The plain text of a block that may hold paragraphs (NITF `abstract`, G2 `description`):
/// paragraphs separated by a blank line, else its text.
pub(crate) fn block_text(el: &Element) -> Option<String> {
    let paragraphs = el.paragraphs();
    if paragraphs.is_empty() {
        el.text()
    } else {
        Some(paragraphs.join("\n\n"))
    }
}

/// A byline's words without the writer's title (`byttl`: "By BERNARD CONDON" of "By BERNARD
/// CONDON<byttl>AP Business Writer</byttl>"), the names inside `person` kept ("By
/// <person>Hans Müller</person>, <byttl>Correspondent</byttl>" is "By Hans Müller").
fn byline_text(byline: &Element) -> Option<String> {
    fn collect(e: &Element, out: &mut String) {
        for n in &e.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(c) if c.name != "byttl" => {
                    out.push(' ');
                    collect(c, out);
                    out.push(' ');
                }
                Node::Element(_) => {}
            }
        }
    }
    let mut raw = String::new();
    collect(byline, &mut raw);
    let squashed = crate::text::squash(&raw).replace(" ,", ",");
    let s = squashed.trim_end_matches(|c: char| c == ',' || c == ';' || c.is_whitespace());
    if s.is_empty() {
        byline.text()
    } else {
        Some(s.to_string())
    }
}
