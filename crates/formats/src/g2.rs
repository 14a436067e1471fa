//! NewsML-G2: `newsMessage` (one or more items) and bare `newsItem`/`packageItem`.
//!
//! Text items: `itemMeta` (class, status, times, ednote, provider), `contentMeta` (headline,
//! slugline, by, dateline, located, subjects, language), `contentSet` (`inlineXML` with XHTML
//! or NITF, `inlineData`). Package items — a `packageItem`, or a `newsItem` that only
//! references others — are rejected as `package_item`; non-text items as
//! `unsupported_format`.

use crate::xml::Element;
use crate::{check_field, dateline, derived_id, nitf, time, Limits, Rejection};
use newsflow_model::{AgencySubject, Article, ReasonCode};

/// Decodes every item of a G2 document.
pub(crate) fn decode(
    root: &Element,
    fallback_id: Option<&str>,
    limits: &Limits,
) -> Vec<Result<Article, Rejection>> {
    match root.name.as_str() {
        "newsMessage" => {
            let items: Vec<&Element> = root
                .child("itemSet")
                .map(|s| s.elements().collect())
                .unwrap_or_default();
            if items.is_empty() {
                return vec![Err(Rejection::new(
                    ReasonCode::InvalidItem,
                    "newsMessage without items",
                ))];
            }
            items
                .into_iter()
                .map(|i| item(i, fallback_id, limits))
                .collect()
        }
        _ => vec![item(root, fallback_id, limits)],
    }
}

fn qcode_tail(q: &str) -> &str {
    q.rsplit(':').next().unwrap_or(q)
}

fn item(el: &Element, fallback_id: Option<&str>, limits: &Limits) -> Result<Article, Rejection> {
    match el.name.as_str() {
        "newsItem" => {}
        "packageItem" => {
            return Err(Rejection::new(
                ReasonCode::PackageItem,
                "NewsML-G2 packageItem: a package of references, not a story",
            ))
        }
        other => {
            return Err(Rejection::new(
                ReasonCode::UnsupportedFormat,
                format!("NewsML-G2 {other} is not a news item"),
            ))
        }
    }
    let meta = el.child("itemMeta");
    let cmeta = el.child("contentMeta");
    let class = meta
        .and_then(|m| m.child("itemClass"))
        .and_then(|c| c.attr("qcode"))
        .map(qcode_tail)
        .unwrap_or("text");
    match class {
        "text" => {}
        "composite" | "package" => {
            return Err(Rejection::new(
                ReasonCode::PackageItem,
                format!("NewsML-G2 newsItem of class {class}: a package, not a story"),
            ))
        }
        other => {
            return Err(Rejection::new(
                ReasonCode::UnsupportedFormat,
                format!("NewsML-G2 {other} item: only text items are decoded"),
            ))
        }
    }
    let content = el.child("contentSet");
    let inline_xml = content.and_then(|c| c.child("inlineXML"));
    let inline_data = content.and_then(|c| c.child("inlineData"));
    let (paragraphs, html) = match (inline_xml, inline_data) {
        (Some(x), _) => {
            let ct = x.attr("contenttype").unwrap_or("");
            if ct.contains("nitf") || x.find("nitf").is_some() || x.find("body.content").is_some() {
                let body = x.find("body.content").unwrap_or(x);
                (body.paragraphs(), Some(body.inner_html()))
            } else {
                let body = x.find("body").unwrap_or(x);
                (body.paragraphs(), Some(body.inner_html()))
            }
        }
        (None, Some(d)) => {
            if d.attr("encoding")
                .is_some_and(|e| !e.eq_ignore_ascii_case("none"))
            {
                return Err(Rejection::new(
                    ReasonCode::UnsupportedFormat,
                    "inlineData with a transfer encoding",
                ));
            }
            let raw = d
                .children
                .iter()
                .filter_map(|n| match n {
                    crate::xml::Node::Text(t) => Some(t.as_str()),
                    crate::xml::Node::Element(_) => None,
                })
                .collect::<String>();
            // Some agencies put HTML in a text/plain inlineData (as CDATA).
            let lower = raw.to_ascii_lowercase();
            if lower.contains("<p") || lower.contains("<br") {
                let text = crate::text::html_to_text(&raw);
                (
                    text.split("\n\n")
                        .map(str::to_string)
                        .filter(|s| !s.is_empty())
                        .collect(),
                    Some(raw.trim().to_string()),
                )
            } else {
                (
                    crate::text::normalise_paragraphs(&raw)
                        .split("\n\n")
                        .map(str::to_string)
                        .filter(|s| !s.is_empty())
                        .collect(),
                    None,
                )
            }
        }
        (None, None) => {
            let references = content.is_some_and(|c| c.child("remoteContent").is_some())
                || el.child("groupSet").is_some();
            if references {
                return Err(Rejection::new(
                    ReasonCode::PackageItem,
                    "NewsML-G2 newsItem that only references other content",
                ));
            }
            (Vec::new(), None)
        }
    };
    let body_text = paragraphs.join("\n\n");
    check_field("body", &body_text, limits)?;
    let headline = cmeta
        .map(|c| {
            let mut hs: Vec<&Element> = c.children_named("headline").collect();
            hs.sort_by_key(|h| !h.attr("role").is_none_or(|r| r.ends_with("main")));
            hs.first().and_then(|h| h.text())
        })
        .unwrap_or(None)
        .or_else(|| meta.and_then(|m| m.child("title")).and_then(Element::text));
    if body_text.is_empty() && headline.is_none() {
        return Err(Rejection::new(
            ReasonCode::InvalidItem,
            "NewsML-G2 text item with neither headline nor body",
        ));
    }
    let nitf_meta = inline_xml
        .and_then(|x| x.find("nitf"))
        .and_then(|n| nitf::decode(n, fallback_id, limits).ok());
    let guid = el
        .attr("guid")
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map(str::to_string);
    let version = el.attr("version").map(str::to_string);
    let firstcreated = meta
        .and_then(|m| m.child("firstCreated"))
        .and_then(Element::text)
        .and_then(|t| time::parse(&t));
    let versioncreated = meta
        .and_then(|m| m.child("versionCreated"))
        .and_then(Element::text)
        .and_then(|t| time::parse(&t));
    let id = guid.unwrap_or_else(|| {
        derived_id(&format!(
            "{}|{}|{body_text}",
            fallback_id.unwrap_or(""),
            headline.as_deref().unwrap_or("")
        ))
    });
    let mut subjects = Vec::new();
    if let Some(c) = cmeta {
        for s in c.children_named("subject") {
            let code = s.attr("qcode").map(str::to_string);
            let uri = s.attr("uri").map(str::to_string);
            let name = s
                .child("name")
                .and_then(Element::text)
                .or_else(|| s.attr("literal").map(str::to_string));
            if code.is_some() || uri.is_some() {
                subjects.push(AgencySubject { uri, code, name });
            }
        }
    }
    // The summary: a `description` in a summary role (or none); never a caption.
    let summary = cmeta
        .and_then(|c| {
            c.children_named("description")
                .filter(|d| {
                    d.attr("role").is_none_or(|r| {
                        matches!(
                            qcode_tail(r).to_ascii_lowercase().as_str(),
                            "summary" | "abstract" | "teaser"
                        )
                    })
                })
                .find_map(nitf::block_text)
        })
        .or_else(|| nitf_meta.as_ref().and_then(|n| n.summary.clone()));
    if let Some(s) = &summary {
        check_field("description", s, limits)?;
    }
    let keywords = cmeta
        .map(|c| {
            c.children_named("keyword")
                .filter_map(Element::text)
                .collect()
        })
        .unwrap_or_default();
    let dl_text = cmeta
        .and_then(|c| c.child("dateline"))
        .and_then(Element::text);
    let parsed = dateline::parse(&body_text).or_else(|| {
        dl_text
            .as_deref()
            .and_then(|d| dateline::parse(&format!("{d} - x")))
    });
    let located = cmeta
        .and_then(|c| c.child("located"))
        .and_then(|l| {
            l.child("name")
                .and_then(Element::text)
                .or_else(|| l.attr("literal").map(str::to_string))
        })
        .or_else(|| parsed.as_ref().and_then(|d| d.place.clone()));
    let pubstatus = meta
        .and_then(|m| m.child("pubStatus"))
        .and_then(|p| p.attr("qcode"))
        .map(|q| qcode_tail(q).to_ascii_lowercase())
        .filter(|s| matches!(s.as_str(), "usable" | "withheld" | "canceled"));
    let provider = meta.and_then(|m| m.child("provider")).and_then(|p| {
        p.child("name")
            .and_then(Element::text)
            .or_else(|| p.attr("literal").map(str::to_string))
            .or_else(|| p.attr("qcode").map(|q| qcode_tail(q).to_string()))
    });
    Ok(Article {
        uri: id.clone(),
        id,
        version,
        language: cmeta
            .and_then(|c| c.child("language"))
            .and_then(|l| l.attr("tag"))
            .or_else(|| el.attr("xml:lang"))
            .map(str::to_string),
        headline,
        slugline: cmeta
            .and_then(|c| c.child("slugline"))
            .and_then(Element::text),
        byline: cmeta
            .and_then(|c| c.child("by"))
            .and_then(Element::text)
            .or_else(|| nitf_meta.as_ref().and_then(|n| n.byline.clone())),
        located,
        ednote: meta.and_then(|m| m.child("edNote")).and_then(Element::text),
        provider: provider.or_else(|| parsed.as_ref().and_then(|d| d.source.clone())),
        cited_sources: dateline::cited_sources(&body_text),
        firstcreated: firstcreated.or(versioncreated),
        versioncreated,
        embargoed: meta
            .and_then(|m| m.child("embargoed"))
            .and_then(Element::text)
            .and_then(|t| time::parse(&t)),
        pubstatus,
        urgency: cmeta
            .and_then(|c| c.child("urgency"))
            .and_then(Element::text)
            .and_then(|u| u.parse().ok())
            .filter(|u| (1..=9).contains(u)),
        copyright: el
            .path(&["rightsInfo", "copyrightNotice"])
            .and_then(Element::text),
        summary,
        body_html: html.filter(|h| !h.is_empty()),
        dateline: parsed.or_else(|| {
            dl_text.map(|t| newsflow_model::Dateline {
                text: t,
                ..Default::default()
            })
        }),
        body_text,
        subjects,
        keywords,
        ..Article::default()
    })
}
