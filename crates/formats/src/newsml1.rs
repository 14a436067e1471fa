//! NewsML 1.x: `NewsML/NewsItem` with `Identification`, `NewsManagement` and (nested)
//! `NewsComponent`s carrying `NewsLines` and `ContentItem/DataContent` (NITF or text).

use crate::xml::Element;
use crate::{check_field, dateline, derived_id, time, Limits, Rejection};
use newsflow_model::{AgencySubject, Article, ReasonCode};

/// Decodes every `NewsItem`.
pub(crate) fn decode(
    root: &Element,
    fallback_id: Option<&str>,
    limits: &Limits,
) -> Vec<Result<Article, Rejection>> {
    let items: Vec<&Element> = if root.name == "NewsItem" {
        vec![root]
    } else {
        root.children_named("NewsItem").collect()
    };
    if items.is_empty() {
        return vec![Err(Rejection::new(
            ReasonCode::InvalidItem,
            "NewsML document without NewsItem",
        ))];
    }
    items
        .into_iter()
        .map(|i| item(i, fallback_id, limits))
        .collect()
}

/// The first text `ContentItem` below `nc`: its paragraphs and HTML.
fn content(nc: &Element) -> Option<(Vec<String>, Option<String>)> {
    let mut items = Vec::new();
    nc.find_all("ContentItem", &mut items);
    for ci in items {
        let media = ci
            .child("MediaType")
            .and_then(|m| m.attr("FormalName"))
            .unwrap_or("Text");
        if !media.eq_ignore_ascii_case("text") {
            continue;
        }
        let Some(data) = ci.child("DataContent") else {
            continue;
        };
        if let Some(body) = data.find("body.content") {
            return Some((body.paragraphs(), Some(body.inner_html())));
        }
        if data.elements().next().is_some() {
            let body = data.find("body").unwrap_or(data);
            return Some((body.paragraphs(), Some(body.inner_html())));
        }
        let raw = data.text().unwrap_or_default();
        let text = crate::text::normalise_paragraphs(&raw);
        return Some((
            text.split("\n\n")
                .map(str::to_string)
                .filter(|s| !s.is_empty())
                .collect(),
            None,
        ));
    }
    None
}

fn item(el: &Element, fallback_id: Option<&str>, limits: &Limits) -> Result<Article, Rejection> {
    let ident = el.path(&["Identification", "NewsIdentifier"]);
    let mgmt = el.child("NewsManagement");
    let nc = el
        .child("NewsComponent")
        .ok_or_else(|| Rejection::new(ReasonCode::InvalidItem, "NewsItem without NewsComponent"))?;
    let mut lines_all = Vec::new();
    nc.find_all("NewsLines", &mut lines_all);
    let lines = nc.child("NewsLines").or_else(|| lines_all.first().copied());
    let line = |name: &str| lines.and_then(|l| l.child(name)).and_then(Element::text);
    let headline = line("HeadLine");
    let (paragraphs, html) = content(nc).unwrap_or_default();
    let body_text = paragraphs.join("\n\n");
    check_field("body", &body_text, limits)?;
    if body_text.is_empty() && headline.is_none() {
        let photos = nc.find("ContentItem").is_some();
        let code = if photos {
            ReasonCode::UnsupportedFormat
        } else {
            ReasonCode::InvalidItem
        };
        return Err(Rejection::new(
            code,
            "NewsML NewsItem without a text component",
        ));
    }
    let text_of = |name: &str| ident.and_then(|i| i.child(name)).and_then(Element::text);
    let public = text_of("PublicIdentifier");
    let revision = text_of("RevisionId");
    // The story id leaves the revision out: urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86.
    let id = match (
        text_of("ProviderId"),
        text_of("DateId"),
        text_of("NewsItemId"),
    ) {
        (Some(p), Some(d), Some(n)) => format!("urn:newsml:{p}:{d}:{n}"),
        _ => public.clone().unwrap_or_else(|| {
            derived_id(&format!(
                "{}|{}",
                fallback_id.unwrap_or(""),
                headline.as_deref().unwrap_or("")
            ))
        }),
    };
    let mut subjects = Vec::new();
    let mut codes = Vec::new();
    nc.find_all("SubjectCode", &mut codes);
    for sc in codes {
        for s in sc.elements() {
            if let Some(code) = s.attr("FormalName") {
                let subject = AgencySubject {
                    uri: None,
                    code: Some(code.to_string()),
                    name: None,
                };
                if !subjects.contains(&subject) {
                    subjects.push(subject);
                }
            }
        }
    }
    let status = mgmt
        .and_then(|m| m.child("Status"))
        .and_then(|s| s.attr("FormalName"))
        .map(str::to_ascii_lowercase);
    let dl_text = line("DateLine");
    let parsed = dateline::parse(&body_text).or_else(|| {
        dl_text
            .as_deref()
            .and_then(|d| dateline::parse(&format!("{d} x")))
    });
    let meta = nc.find("DescriptiveMetadata");
    Ok(Article {
        uri: public.unwrap_or_else(|| id.clone()),
        id,
        version: revision,
        language: meta
            .and_then(|m| m.child("Language"))
            .and_then(|l| l.attr("FormalName"))
            .or_else(|| el.attr("xml:lang"))
            .map(str::to_string),
        headline,
        slugline: line("SlugLine").or_else(|| {
            el.path(&["Identification", "NameLabel"])
                .and_then(Element::text)
        }),
        byline: line("ByLine"),
        located: parsed.as_ref().and_then(|d| d.place.clone()),
        ednote: mgmt
            .and_then(|m| m.child("Instruction"))
            .and_then(|i| i.attr("FormalName"))
            .map(str::to_string),
        provider: nc
            .find("Provider")
            .and_then(|p| p.child("Party"))
            .and_then(|p| p.attr("FormalName"))
            .map(str::to_string)
            .or_else(|| text_of("ProviderId")),
        cited_sources: dateline::cited_sources(&body_text),
        firstcreated: mgmt
            .and_then(|m| m.child("FirstCreated"))
            .and_then(Element::text)
            .and_then(|t| time::parse(&t)),
        versioncreated: mgmt
            .and_then(|m| m.child("ThisRevisionCreated"))
            .and_then(Element::text)
            .and_then(|t| time::parse(&t)),
        pubstatus: status.filter(|s| matches!(s.as_str(), "usable" | "withheld" | "canceled")),
        urgency: mgmt
            .and_then(|m| m.child("Urgency"))
            .and_then(|u| u.attr("FormalName"))
            .and_then(|u| u.parse().ok())
            .filter(|u| (1..=9).contains(u)),
        copyright: line("CopyrightLine"),
        body_html: html.filter(|h| !h.is_empty()),
        dateline: parsed.or_else(|| {
            dl_text.map(|t| newsflow_model::Dateline {
                text: t,
                ..Default::default()
            })
        }),
        body_text,
        subjects,
        ..Article::default()
    })
}
