//! ninjs 1.x and 2.x JSON.
//!
//! 1.x: `headline`, `body_text`/`body_html`, `subject`, `byline`, `place`.
//! 2.x: `headlines`, `bodies` (else a `descriptions` entry in the role of the text), `subjects`,
//! `by`, `places`.

use crate::text::{html_to_text, normalise_paragraphs, squash};
use crate::{check_field, dateline, derived_id, Limits, Rejection};
use chrono::{DateTime, Utc};
use newsflow_model::{AgencySubject, Article, ReasonCode};
use serde_json::{Map, Value};

/// Lower-cases object keys (ninjs 3 writes `versionCreated`, `contentType`, …).
fn lower_keys(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), lower_keys(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(lower_keys).collect()),
        other => other,
    }
}

/// Is this object a story (rather than an API wrapper listing stories)?
fn is_story(obj: &Map<String, Value>) -> bool {
    [
        "headline",
        "headlines",
        "body_text",
        "body_html",
        "bodies",
        "uri",
        "guid",
    ]
    .iter()
    .any(|k| obj.contains_key(*k))
}

pub(crate) fn decode(
    text: &str,
    fallback_id: Option<&str>,
    limits: &Limits,
) -> Vec<Result<Article, Rejection>> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => lower_keys(v),
        Err(e) => {
            return vec![Err(Rejection::new(
                ReasonCode::DecodeError,
                format!("invalid JSON: {e}"),
            ))]
        }
    };
    // API wrappers: {"total": 1, "item": [...]}, {"items": [...]}, {"data": [...]}, or a bare list.
    let items: Vec<Value> = match value {
        Value::Array(a) => a,
        Value::Object(obj) if !is_story(&obj) => {
            match ["item", "items", "data", "results"]
                .iter()
                .find_map(|k| obj.get(*k).cloned())
            {
                Some(Value::Array(a)) => a,
                Some(Value::Object(o)) => vec![Value::Object(o)],
                _ => vec![Value::Object(obj)],
            }
        }
        other => vec![other],
    };
    if items.is_empty() {
        return vec![Err(Rejection::new(
            ReasonCode::InvalidItem,
            "ninjs list without items",
        ))];
    }
    items
        .into_iter()
        .map(|v| story(v, fallback_id, limits))
        .collect()
}

fn story(value: Value, fallback_id: Option<&str>, limits: &Limits) -> Result<Article, Rejection> {
    let Value::Object(obj) = value else {
        return Err(Rejection::new(
            ReasonCode::InvalidItem,
            "ninjs item must be a JSON object",
        ));
    };
    if let Some(t) = str_field(&obj, "type") {
        if t == "composite" {
            return Err(Rejection::new(
                ReasonCode::PackageItem,
                "ninjs composite item (a package), not a story",
            ));
        }
    }
    let headline = str_field(&obj, "headline").or_else(|| pick_text(&obj, "headlines", None));
    let html = str_field(&obj, "body_html").or_else(|| pick_text(&obj, "bodies", Some("html")));
    let plain = str_field(&obj, "body_text").or_else(|| pick_text(&obj, "bodies", Some("plain")));
    let body_text = match (&plain, &html) {
        (Some(p), _) => normalise_paragraphs(p),
        (None, Some(h)) => html_to_text(h),
        (None, None) => pick_text(&obj, "bodies", None)
            .or_else(|| description_text(&obj))
            .map(|b| normalise_paragraphs(&b))
            .unwrap_or_default(),
    };
    for (name, v) in [("headline", &headline), ("body_html", &html)] {
        if let Some(v) = v {
            check_field(name, v, limits)?;
        }
    }
    check_field("body", &body_text, limits)?;
    if body_text.is_empty() && headline.is_none() {
        return Err(Rejection::new(
            ReasonCode::InvalidItem,
            "ninjs item has neither headline nor body",
        ));
    }
    let uri = str_field(&obj, "uri")
        .or_else(|| str_field(&obj, "guid"))
        .or_else(|| str_field(&obj, "id"));
    let version = match obj.get("version") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let (id, uri) = match uri {
        Some(u) => (u.clone(), u),
        None => {
            let id = derived_id(fallback_id.unwrap_or(&body_text));
            (id.clone(), id)
        }
    };
    let dl = dateline::parse(&body_text);
    let mut subjects = Vec::new();
    for key in ["subject", "subjects"] {
        if let Some(Value::Array(items)) = obj.get(key) {
            subjects.extend(items.iter().filter_map(agency_subject));
        }
    }
    let keywords = match obj.get("keywords") {
        Some(Value::Array(k)) => k
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let summary = summary(&obj);
    if let Some(s) = &summary {
        check_field("description", s, limits)?;
    }
    let byline = str_field(&obj, "byline").or_else(|| str_field(&obj, "by"));
    // ninjs 1.x `place` / 2.x+ `places`: the first named place, when `located` is absent.
    let agency_place = ["places", "place"].iter().find_map(|k| {
        obj.get(*k)?
            .as_array()?
            .iter()
            .find_map(|p| p.get("name").and_then(Value::as_str).map(str::to_string))
    });
    let located = str_field(&obj, "located")
        .or(agency_place)
        .or_else(|| dl.as_ref().and_then(|d| d.place.clone()));
    let provider = obj
        .get("infosources")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(|s| s.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| dl.as_ref().and_then(|d| d.source.clone()));
    Ok(Article {
        id,
        uri,
        version,
        language: str_field(&obj, "language").or_else(|| str_field(&obj, "lang")),
        headline: headline.map(|h| squash(&h)),
        slugline: str_field(&obj, "slugline"),
        byline,
        located,
        ednote: str_field(&obj, "ednote"),
        provider,
        cited_sources: dateline::cited_sources(&body_text),
        firstcreated: time_field(&obj, "firstcreated"),
        versioncreated: time_field(&obj, "versioncreated"),
        embargoed: time_field(&obj, "embargoed").or_else(|| time_field(&obj, "embargoeduntil")),
        pubstatus: str_field(&obj, "pubstatus")
            .filter(|s| matches!(s.as_str(), "usable" | "withheld" | "canceled")),
        urgency: obj
            .get("urgency")
            .and_then(Value::as_u64)
            .and_then(|u| u8::try_from(u).ok())
            .filter(|u| (1..=9).contains(u)),
        copyright: str_field(&obj, "copyrightnotice"),
        summary,
        body_html: html,
        dateline: dl,
        body_text,
        subjects,
        keywords,
        ..Article::default()
    })
}

/// A non-empty string property.
fn str_field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// From a 2.x array of `{role, contenttype, value}`: the main one whose content type
/// contains `kind` (or any, with `None`).
fn pick_text(obj: &Map<String, Value>, key: &str, kind: Option<&str>) -> Option<String> {
    let items = obj.get(key)?.as_array()?;
    let matches_kind = |v: &Value| match kind {
        None => true,
        Some(k) => v
            .get("contenttype")
            .and_then(Value::as_str)
            .is_some_and(|ct| ct.contains(k)),
    };
    let is_main = |v: &Value| {
        v.get("role")
            .and_then(Value::as_str)
            .is_none_or(|r| r == "main" || r == "default")
    };
    items
        .iter()
        .filter(|v| matches_kind(v))
        .find(|v| is_main(v))
        .or_else(|| items.iter().find(|v| matches_kind(v)))
        .and_then(|v| v.get("value"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

/// The story's text from a 2.x item without bodies: a `descriptions` entry whose role is the
/// text itself (NTB sends its stories so), never a summary or caption; HTML made plain.
fn description_text(obj: &Map<String, Value>) -> Option<String> {
    let d = obj.get("descriptions")?.as_array()?.iter().find(|d| {
        d.get("role")
            .and_then(Value::as_str)
            .is_some_and(|r| matches!(r, "text" | "body" | "main"))
    })?;
    description_value(d)
}

/// A `descriptions` entry's text, made plain where its content type is HTML; `None` where
/// empty.
fn description_value(d: &Value) -> Option<String> {
    let value = d.get("value")?.as_str()?;
    let html = d
        .get("contenttype")
        .and_then(Value::as_str)
        .is_some_and(|ct| ct.contains("html"));
    let text = if html {
        html_to_text(value)
    } else {
        normalise_paragraphs(value)
    };
    (!text.trim().is_empty()).then_some(text)
}

/// The agency's summary: a 2.x `descriptions` entry in a summary role (or none), else a 1.x
/// `description_text` (or `description_html`, made plain).
fn summary(obj: &Map<String, Value>) -> Option<String> {
    let from_descriptions = obj
        .get("descriptions")
        .and_then(Value::as_array)
        .and_then(|ds| {
            let d = ds.iter().find(|d| {
                d.get("role").and_then(Value::as_str).is_none_or(|r| {
                    let tail = r.rsplit(':').next().unwrap_or(r).to_ascii_lowercase();
                    matches!(tail.as_str(), "summary" | "abstract" | "teaser")
                })
            })?;
            description_value(d)
        });
    let legacy = || {
        str_field(obj, "description_text")
            .map(|t| normalise_paragraphs(&t))
            .or_else(|| str_field(obj, "description_html").map(|h| html_to_text(&h)))
    };
    from_descriptions
        .or_else(legacy)
        .filter(|s| !s.trim().is_empty())
}

/// A timestamp in any shape agencies write, normalised to UTC.
fn time_field(obj: &Map<String, Value>, key: &str) -> Option<DateTime<Utc>> {
    crate::time::parse(obj.get(key)?.as_str()?)
}

/// A 1.x `subject` (`{code, scheme, name}`) or 2.x `subjects` (`{uri, name, literal}`) entry.
fn agency_subject(v: &Value) -> Option<AgencySubject> {
    let get = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let uri = get("uri");
    let code = get("code")
        .or_else(|| get("qcode"))
        .or_else(|| get("literal"));
    let name = get("name");
    if uri.is_none() && code.is_none() && name.is_none() {
        return None;
    }
    Some(AgencySubject { uri, code, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_str(s: &str) -> Result<Article, Rejection> {
        decode(s, Some("k"), &Limits::default()).remove(0)
    }

    #[test]
    fn ninjs1_fields() {
        let a = decode_str(
            r#"{"uri":"urn:x:1","version":"2","headline":"Head","body_html":"<p>One</p><p>Two</p>",
               "subject":[{"code":"15000000","scheme":"http://cv.iptc.org/newscodes/subjectcode/","name":"sport"}],
               "byline":"By A","versioncreated":"2024-05-01T10:00:00+02:00","urgency":3}"#,
        )
        .expect("decoded");
        assert_eq!(a.id, "urn:x:1");
        assert_eq!(a.version.as_deref(), Some("2"));
        assert_eq!(a.body_text, "One\n\nTwo");
        assert_eq!(a.body_html.as_deref(), Some("<p>One</p><p>Two</p>"));
        assert_eq!(a.subjects[0].code.as_deref(), Some("15000000"));
        assert_eq!(a.byline.as_deref(), Some("By A"));
        assert_eq!(
            a.versioncreated.map(|t| t.to_rfc3339()),
            Some("2024-05-01T08:00:00+00:00".to_string())
        );
        assert_eq!(a.urgency, Some(3));
    }

    #[test]
    fn ninjs2_fields() {
        let a = decode_str(
            r#"{"uri":"urn:y","headlines":[{"role":"main","value":"H2"}],
               "bodies":[{"role":"main","contenttype":"text/plain","value":"Body text."}],
               "subjects":[{"uri":"http://cv.iptc.org/newscodes/mediatopic/20000639","name":"diplomacy"}],
               "by":"B","language":"en","places":[{"name":"Oslo","uri":"http://sws.geonames.org/3143244/"}]}"#,
        )
        .expect("decoded");
        assert_eq!(a.headline.as_deref(), Some("H2"));
        assert_eq!(a.body_text, "Body text.");
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.byline.as_deref(), Some("B"));
        assert_eq!(a.located.as_deref(), Some("Oslo"));
        assert_eq!(
            a.subjects[0].uri.as_deref(),
            Some("http://cv.iptc.org/newscodes/mediatopic/20000639")
        );
    }

    #[test]
    fn a_2x_item_without_bodies_takes_its_text_from_the_text_description_never_a_summary() {
        let a = decode_str(
            r#"{"uri":"urn:d","headlines":[{"role":"main","value":"H"}],
               "descriptions":[{"role":"summary","contenttype":"text/plain","value":"Short."},
                 {"role":"text","contenttype":"text/html","value":"<p>First para.</p><p>Second.</p>"}]}"#,
        )
        .expect("decoded");
        assert_eq!(a.body_text, "First para.\n\nSecond.");
        let a = decode_str(
            r#"{"uri":"urn:e","headlines":[{"role":"main","value":"H"}],
               "descriptions":[{"role":"summary","value":"Short."}]}"#,
        )
        .expect("decoded");
        assert_eq!(a.body_text, "");
        // Bodies win over a text description.
        let a = decode_str(
            r#"{"uri":"urn:f","bodies":[{"role":"main","contenttype":"text/plain","value":"Body."}],
               "descriptions":[{"role":"text","value":"Other."}]}"#,
        )
        .expect("decoded");
        assert_eq!(a.body_text, "Body.");
    }

    #[test]
    fn rejects_bad_json_and_empty_items() {
        assert_eq!(
            decode_str("{\"uri\": ").map_err(|e| e.code),
            Err(ReasonCode::DecodeError)
        );
        assert_eq!(
            decode_str("{\"uri\":\"x\"}").map_err(|e| e.code),
            Err(ReasonCode::InvalidItem)
        );
        assert_eq!(
            decode_str("[1,2]").map_err(|e| e.code),
            Err(ReasonCode::InvalidItem)
        );
        assert_eq!(
            decode_str(r#"{"uri":"p","type":"composite"}"#).map_err(|e| e.code),
            Err(ReasonCode::PackageItem)
        );
    }

    #[test]
    fn deep_nesting_is_a_decode_error_not_a_crash() {
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            decode_str(&deep).map_err(|e| e.code),
            Err(ReasonCode::DecodeError)
        );
    }

    #[test]
    fn oversized_field_is_too_large() {
        let limits = Limits {
            max_item_bytes: 1 << 20,
            max_field_bytes: 10,
        };
        let r = decode(r#"{"uri":"u","body_text":"0123456789abc"}"#, None, &limits).remove(0);
        assert_eq!(r.map_err(|e| e.code), Err(ReasonCode::TooLarge));
    }
}
