//! Small text helpers shared by the decoders.

/// Normalises a plain-text body: CRLF/CR to LF, control characters removed, paragraphs
/// (runs separated by blank lines) trimmed and joined by one blank line. Lines inside a
/// paragraph keep their breaks.
pub(crate) fn normalise_paragraphs(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let cleaned: String = unified
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in cleaned.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs.join("\n\n")
}

/// Collapses whitespace runs to single spaces and trims.
pub(crate) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text of an HTML body fragment: block elements (`p`, `div`, `br`, headings, list
/// items, table rows) become paragraph breaks, other tags are dropped, the common character
/// references are decoded. Script and style contents are dropped.
/// Elements that mark up words inside running text — HTML's phrasing elements and NITF's
/// inline ones (`person`, `org`, `location`, …): their text joins the text around them as
/// written ("<person>Mark Bosnich</person>, then" is "Mark Bosnich, then", not "Mark
/// Bosnich , then"). Any other element's text is set off by spaces.
pub(crate) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "acronym"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
            | "alt-code"
            | "chron"
            | "city"
            | "classifier"
            | "copyrite"
            | "country"
            | "event"
            | "frac"
            | "function"
            | "lang"
            | "location"
            | "money"
            | "num"
            | "object.title"
            | "org"
            | "person"
            | "postaddr"
            | "pronounce"
            | "region"
            | "state"
            | "sublocation"
            | "virtloc"
    )
}

pub(crate) fn html_to_text(html: &str) -> String {
    const BLOCKS: [&str; 14] = [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "tr",
        "blockquote",
        "pre",
        "hr",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[..gt].trim();
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[gt + 1..];
        if !closing && (name == "script" || name == "style") {
            // Skip the element's raw content up to its end tag.
            let end_tag = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&end_tag) {
                Some(p) => rest[p..].find('>').map_or("", |g| &rest[p + g + 1..]),
                None => "",
            };
        } else if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        } else if !is_inline(&name) {
            out.push(' ');
        }
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    let paragraphs: Vec<String> = decoded
        .split("\n\n")
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// Decodes the predefined XML entities, `&nbsp;` and numeric character references.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let replacement = end.and_then(|e| {
            let name = &after[..e];
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            }
        });
        match (replacement, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_trimmed_and_separated_by_one_blank_line() {
        let text = "First line\r\nsame para\r\n\r\n\r\n  Second\t para  \n\n\n";
        assert_eq!(
            normalise_paragraphs(text),
            "First line\nsame para\n\nSecond  para"
        );
    }

    #[test]
    fn html_blocks_become_paragraphs() {
        let html =
            "<p>Hello <b>world</b> &amp; co.</p><script>x<y</script><p>Caf&#233; &#x263A;</p>";
        assert_eq!(html_to_text(html), "Hello world & co.\n\nCafé ☺");
    }

    #[test]
    fn unknown_entities_are_kept() {
        assert_eq!(decode_entities("a &bogus; b & c"), "a &bogus; b & c");
    }
}
