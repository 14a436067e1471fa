//! A small, safe XML tree for the XML wire formats, built on quick-xml.
//!
//! No DTD is processed: a `<!DOCTYPE nitf SYSTEM "nitf.dtd">` is skipped (never fetched), and a
//! DOCTYPE declaring entities is rejected outright, so entity bombs and external entities never
//! expand. Only the predefined entities, character references and a few HTML entities common
//! in wire copy (`&nbsp;`, `&mdash;`, …) are resolved; any other reference is an error. Depth,
//! element count and text size are bounded.

use crate::{Limits, Rejection};
use newsflow_model::ReasonCode;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Deepest element nesting accepted.
const MAX_DEPTH: usize = 128;
/// Most elements accepted in one document.
const MAX_ELEMENTS: usize = 200_000;

/// An element: local name, attributes (local names), children.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Element {
    /// Local name (namespace prefix dropped).
    pub name: String,
    /// Attributes by local name (`xml:lang` kept as `xml:lang`).
    pub attrs: Vec<(String, String)>,
    /// Children in order.
    pub children: Vec<Node>,
}

/// A child node.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Text (entities resolved).
    Text(String),
}

fn local(name: &str) -> String {
    match name.rsplit_once(':') {
        Some((prefix, l)) if prefix != "xml" => l.to_string(),
        _ => name.to_string(),
    }
}

fn decode_error(msg: impl Into<String>) -> Rejection {
    Rejection::new(ReasonCode::DecodeError, msg)
}

fn element(start: &BytesStart<'_>) -> Element {
    let attrs = start
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .map(|a| {
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string());
            (local(a.key.as_ref()), value)
        })
        .collect();
    Element {
        name: local(start.name().as_ref()),
        attrs,
        children: Vec::new(),
    }
}

/// HTML named entities wire copy uses without declaring them.
fn html_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "nbsp" => "\u{a0}",
        "ndash" => "–",
        "mdash" => "—",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "hellip" => "…",
        "bull" => "•",
        "middot" => "·",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "euro" => "€",
        "pound" => "£",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "agrave" => "à",
        "oacute" => "ó",
        "uacute" => "ú",
        "iacute" => "í",
        "ntilde" => "ñ",
        "ccedil" => "ç",
        "auml" => "ä",
        "ouml" => "ö",
        "uuml" => "ü",
        "Auml" => "Ä",
        "Ouml" => "Ö",
        "Uuml" => "Ü",
        "szlig" => "ß",
        _ => return None,
    })
}

/// Parses `text` into its root element.
pub fn parse(text: &str, limits: &Limits) -> Result<Element, Rejection> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut count = 0usize;
    let push_text = |stack: &mut Vec<Element>, s: &str| -> Result<(), Rejection> {
        let top = stack
            .last_mut()
            .ok_or_else(|| decode_error("unbalanced XML"))?;
        if let Some(Node::Text(t)) = top.children.last_mut() {
            t.push_str(s);
            if t.len() > limits.max_field_bytes {
                return Err(Rejection::new(
                    ReasonCode::TooLarge,
                    format!("a text field is over {} bytes", limits.max_field_bytes),
                ));
            }
        } else {
            top.children.push(Node::Text(s.to_string()));
        }
        Ok(())
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            decode_error(format!(
                "malformed XML at byte {}: {e}",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(s) => {
                count += 1;
                if stack.len() > MAX_DEPTH {
                    return Err(decode_error(format!("XML nested deeper than {MAX_DEPTH}")));
                }
                if count > MAX_ELEMENTS {
                    return Err(Rejection::new(
                        ReasonCode::TooLarge,
                        format!("more than {MAX_ELEMENTS} XML elements"),
                    ));
                }
                stack.push(element(&s));
            }
            Event::Empty(s) => {
                count += 1;
                let el = element(&s);
                stack
                    .last_mut()
                    .ok_or_else(|| decode_error("unbalanced XML"))?
                    .children
                    .push(Node::Element(el));
            }
            Event::End(_) => {
                let done = stack.pop().ok_or_else(|| decode_error("unbalanced XML"))?;
                stack
                    .last_mut()
                    .ok_or_else(|| decode_error("unbalanced XML"))?
                    .children
                    .push(Node::Element(done));
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                push_text(&mut stack, &s)?;
            }
            Event::CData(c) => {
                let s = c.to_string();
                push_text(&mut stack, &s)?;
            }
            Event::GeneralRef(r) => {
                if r.is_char_ref() {
                    let c = r
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .ok_or_else(|| decode_error("invalid character reference"))?;
                    push_text(&mut stack, c.encode_utf8(&mut [0; 4]))?;
                } else {
                    let name = r.to_string();
                    let s = match name.as_str() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => html_entity(other).ok_or_else(|| {
                            decode_error(format!(
                                "undefined entity &{other}; (DTD entities are never expanded)"
                            ))
                        })?,
                    };
                    push_text(&mut stack, s)?;
                }
            }
            Event::DocType(d) => {
                let dtd = d.to_ascii_uppercase();
                if dtd.contains("<!ENTITY") || dtd.contains('[') {
                    return Err(decode_error(
                        "DOCTYPE with an internal subset or entity declarations is refused",
                    ));
                }
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if stack.len() != 1 {
        return Err(decode_error("XML ends inside an element (truncated?)"));
    }
    let doc = stack.pop().unwrap_or_default();
    doc.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| decode_error("XML without a root element"))
}

impl Element {
    /// An attribute by local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// Child elements named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements().filter(move |e| e.name == name)
    }

    /// Follows a path of child names.
    pub fn path(&self, names: &[&str]) -> Option<&Element> {
        names.iter().try_fold(self, |el, n| el.child(n))
    }

    /// The first descendant (depth first, self excluded) named `name`.
    pub fn find(&self, name: &str) -> Option<&Element> {
        for e in self.elements() {
            if e.name == name {
                return Some(e);
            }
            if let Some(found) = e.find(name) {
                return Some(found);
            }
        }
        None
    }

    /// Every descendant named `name`, document order.
    pub fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.find_all(name, out);
        }
    }

    /// All text below, whitespace squashed; `None` when empty.
    pub fn text(&self) -> Option<String> {
        let mut raw = String::new();
        self.raw_text(&mut raw);
        let s = crate::text::squash(&raw);
        (!s.is_empty()).then_some(s)
    }

    fn raw_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if crate::text::is_inline(&e.name) => e.raw_text(out),
                Node::Element(e) => {
                    out.push(' ');
                    e.raw_text(out);
                    out.push(' ');
                }
            }
        }
    }

    /// The text of this element's own text children only (not of its child elements).
    pub fn own_text(&self) -> Option<String> {
        let raw: String = self
            .children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        let s = crate::text::squash(&raw);
        (!s.is_empty()).then_some(s)
    }

    /// Plain-text paragraphs of a body: block elements (`p`, headings, list items, …) are
    /// paragraphs, `br` a line break, `pre` and table rows keep their layout.
    pub fn paragraphs(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        self.collect_paragraphs(&mut out, &mut cur);
        flush(&mut out, &mut cur);
        out
    }

    fn collect_paragraphs(&self, out: &mut Vec<String>, cur: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => cur.push_str(t),
                Node::Element(e) => match e.name.as_str() {
                    "br" => cur.push(LINE_BREAK),
                    "pre" => {
                        flush(out, cur);
                        let mut raw = String::new();
                        e.raw_text(&mut raw);
                        let kept = raw.trim_matches('\n').trim_end().to_string();
                        if !kept.trim().is_empty() {
                            out.push(kept);
                        }
                    }
                    "table" => {
                        flush(out, cur);
                        let mut rows = Vec::new();
                        e.find_all("tr", &mut rows);
                        let lines: Vec<String> = rows
                            .iter()
                            .map(|r| {
                                r.elements()
                                    .filter_map(Element::text)
                                    .collect::<Vec<_>>()
                                    .join(" | ")
                            })
                            .filter(|l| !l.is_empty())
                            .collect();
                        if !lines.is_empty() {
                            out.push(lines.join("\n"));
                        }
                    }
                    name if is_block(name) => {
                        flush(out, cur);
                        e.collect_paragraphs(out, cur);
                        flush(out, cur);
                    }
                    // Metadata that sits inside some bodies is not text.
                    "media" | "media-reference" | "media-metadata" | "script" | "style"
                    | "head" | "header" | "footer" | "nav" | "aside" => {}
                    name if crate::text::is_inline(name) => e.collect_paragraphs(out, cur),
                    _ => {
                        cur.push(' ');
                        e.collect_paragraphs(out, cur);
                        cur.push(' ');
                    }
                },
            }
        }
    }

    /// The element's children serialised as (X)HTML.
    pub fn inner_html(&self) -> String {
        let mut out = String::new();
        for n in &self.children {
            write_node(n, &mut out);
        }
        out.trim().to_string()
    }
}

/// Marks a `<br/>` while a paragraph is collected (source newlines are just whitespace).
const LINE_BREAK: char = '\u{2028}';

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "block"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hl1"
            | "hl2"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "bq"
            | "dl"
            | "dd"
            | "dt"
            | "section"
            | "article"
            | "body"
            | "body.content"
            | "nitf"
            | "html"
            | "fn"
            | "note"
            | "tagline"
            | "abstract"
    )
}

fn flush(out: &mut Vec<String>, cur: &mut String) {
    let lines: Vec<String> = cur
        .split(LINE_BREAK)
        .map(crate::text::squash)
        .filter(|l| !l.is_empty())
        .collect();
    if !lines.is_empty() {
        out.push(lines.join("\n"));
    }
    cur.clear();
}

fn escape(s: &str, out: &mut String, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

fn write_node(n: &Node, out: &mut String) {
    match n {
        Node::Text(t) => escape(t, out, false),
        Node::Element(e) => {
            out.push('<');
            out.push_str(&e.name);
            for (k, v) in &e.attrs {
                out.push(' ');
                out.push_str(k);
                out.push_str("=\"");
                escape(v, out, true);
                out.push('"');
            }
            if e.children.is_empty() {
                out.push_str("/>");
                return;
            }
            out.push('>');
            for c in &e.children {
                write_node(c, out);
            }
            out.push_str("</");
            out.push_str(&e.name);
            out.push('>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Element, Rejection> {
        parse(s, &Limits::default())
    }

    #[test]
    fn skips_a_plain_doctype_and_resolves_known_entities() {
        let e = p("<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\">\n<nitf><p>A &amp; B&nbsp;&#8212; &#x263A;</p></nitf>").unwrap();
        assert_eq!(e.name, "nitf");
        assert_eq!(
            e.child("p").and_then(Element::text).as_deref(),
            Some("A & B — ☺")
        );
    }

    #[test]
    fn refuses_entity_bombs_and_external_entities() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
        assert_eq!(p(bomb).map_err(|e| e.code), Err(ReasonCode::DecodeError));
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><foo>&xxe;</foo>";
        assert_eq!(p(xxe).map_err(|e| e.code), Err(ReasonCode::DecodeError));
        assert_eq!(
            p("<foo>&xxe;</foo>").map_err(|e| e.code),
            Err(ReasonCode::DecodeError)
        );
    }

    #[test]
    fn truncated_deep_and_mismatched_xml_is_rejected() {
        assert!(p("<a><b>text</b>").is_err());
        assert!(p("<a><b></a></b>").is_err());
        let deep = format!("{}{}", "<a>".repeat(1000), "</a>".repeat(1000));
        assert!(p(&deep).is_err());
    }

    #[test]
    fn paragraphs_and_html() {
        let e = p("<body.content><p>One <b>bold</b>\n word.</p><block><p>Two</p><table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table></block><p>Line<br/>break</p></body.content>").unwrap();
        assert_eq!(
            e.paragraphs(),
            vec!["One bold word.", "Two", "a | 1\nb | 2", "Line\nbreak"]
        );
        assert!(e.inner_html().starts_with("<p>One <b>bold</b>"));
    }
}
