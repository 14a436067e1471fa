//! Datelines ("MINSK, Dec 20 (Reuters) -", "China News Service, December 20.") and the
//! agencies a story cites ("According to TASS news agency").

use newsflow_model::Dateline;

/// Month names in the languages of the wire (English, German, French, Italian, Spanish,
/// Portuguese): "Dec 20", "20. Dezember", "11 OTT", "5 mar", "20 déc".
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "dicembre",
    "enero",
    "febrero",
    "abril",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "dezembro",
];

/// Words that mark a name as a news organisation rather than a place.
const MEDIA_WORDS: [&str; 14] = [
    "news",
    "agency",
    "press",
    "service",
    "wire",
    "times",
    "post",
    "telegraph",
    "herald",
    "tribune",
    "journal",
    "broadcasting",
    "television",
    "radio",
];

/// Dash-like separators that end a dateline.
/// (".- " is EFE's: "Madrid, 5 mar (EFE).- El …".)
const DASHES: [&str; 6] = [" -- ", " — ", " – ", " - ", " —", ".- "];

/// Is `word` a month name or its abbreviation ("Dec", "Dec.", "Sept")?
fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    w.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(&w))
}

/// Does `text` look like a date: "December 20", "Dec. 20", "20 December", "Dec 20, 2024"?
fn looks_like_date(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [m, d, ..] if is_month(m) && d.chars().all(|c| c.is_ascii_digit()) => true,
        // "20 December", "20. Dezember"
        [d, m, ..]
            if is_month(m)
                && !d.trim_end_matches('.').is_empty()
                && d.trim_end_matches('.').chars().all(|c| c.is_ascii_digit()) =>
        {
            true
        }
        _ => false,
    }
}

/// Is this name a media organisation ("China News Service", "Xinhua")?
fn is_media_name(name: &str) -> bool {
    name.split_whitespace()
        .any(|w| MEDIA_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Is this short run of capitalised words a plausible dateline head?
fn plausible_head(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "de" | "la" | "of" | "el" | "al" | "and")
        })
}

/// Parses the dateline at the head of `body`, if it has one.
pub fn parse(body: &str) -> Option<Dateline> {
    let first_line = body.lines().next()?.trim();
    let window: String = first_line.chars().take(160).collect();
    // "PLACE[, DATE] (AGENCY) - " or "PLACE, DATE - "
    for dash in DASHES {
        if let Some(pos) = window.find(dash) {
            let head = window[..pos].trim();
            // The agency first (ANSA): "(ANSA) - Rome, October 11 - Italian Foreign Minister".
            if let Some(agency) = enclosed_agency(head) {
                let rest_at = pos + dash.len();
                let rest = &window[rest_at..];
                let placed = DASHES.iter().find_map(|dash| {
                    let end = rest_at + rest.find(dash)?;
                    let d =
                        parse_head(window[rest_at..end].trim()).filter(|d| d.source.is_none())?;
                    Some((end, d))
                });
                let (text_end, d) = placed.unwrap_or((pos, Dateline::default()));
                return Some(Dateline {
                    text: window[..text_end].trim().to_string(),
                    source: Some(agency.to_string()),
                    ..d
                });
            }
            if let Some(d) = parse_head(head) {
                return Some(d);
            }
        }
    }
    // No dash after the agency (PTI): "NEW DELHI, Jan 22 (PTI) Prime Minister Narendra Modi",
    // "MUMBAI (PTI) Rohit Sharma" — a date, or the town in capitals as the wire writes it.
    if let Some(close) = window.find(") ") {
        let capitals = |d: &Dateline| {
            d.place.as_deref().is_some_and(|p| {
                p.chars().any(char::is_alphabetic) && p.chars().all(|c| !c.is_lowercase())
            })
        };
        if let Some(d) = parse_head(&window[..=close]).filter(|d| {
            d.source.as_deref().is_some_and(looks_like_agency) && (d.date.is_some() || capitals(d))
        }) {
            return Some(d);
        }
    }
    // "SOURCE, DATE. Text" / "PLACE, DATE: Text"
    let comma = window.find(", ")?;
    let name = window[..comma].trim();
    let after = &window[comma + 2..];
    let end = after.find(['.', ':'])?;
    let mut date = after[..end].trim().to_string();
    // "Dec. 20." — the abbreviation's dot is not the end of the dateline.
    if is_month(&date) {
        let tail = &after[end + 1..];
        let more = tail.find(['.', ':']).unwrap_or(tail.len());
        date = format!("{}.{}", date, &tail[..more]).trim().to_string();
    }
    if !plausible_head(name) || !looks_like_date(&date) {
        return None;
    }
    let date_end = window.find(&date).map(|p| p + date.len())?;
    // The dateline ends with the date's closing '.' or ':' when it has one.
    let text_len = match window[date_end..].chars().next() {
        Some(c @ ('.' | ':')) => date_end + c.len_utf8(),
        _ => date_end,
    };
    let mut d = Dateline {
        text: window[..text_len].trim().to_string(),
        date: Some(date),
        ..Dateline::default()
    };
    if is_media_name(name) {
        d.source = Some(name.to_string());
    } else {
        d.place = Some(name.to_string());
    }
    Some(d)
}

/// The agency of a head that is nothing but "(AGENCY)": one word ("dpa") or up to three
/// capitalised ones, not a correction note ("(Adds details)").
fn enclosed_agency(head: &str) -> Option<&str> {
    let agency = head.strip_prefix('(')?.strip_suffix(')')?.trim();
    let words: Vec<&str> = agency.split_whitespace().collect();
    let named = match words.as_slice() {
        [w] => w.chars().any(char::is_alphabetic),
        ws => ws.len() <= 3 && ws.iter().all(|w| w.starts_with(char::is_uppercase)),
    };
    (named && agency.len() <= 40 && !agency.contains(['(', ')'])).then_some(agency)
}

/// Parses "PLACE[, DATE] [(AGENCY)]" and "DATE (AGENCY)" (no place: "Jan 3 (Reuters)").
fn parse_head(head: &str) -> Option<Dateline> {
    let (before, agency) = match (head.rfind('('), head.ends_with(')')) {
        (Some(open), true) => (
            head[..open].trim(),
            Some(head[open + 1..head.len() - 1].trim()),
        ),
        _ => (head, None),
    };
    // The date follows the place and whatever state or country is named with it
    // ("WOLFSBURG, Germany, Oct 28"): the first comma after which all is a date.
    let (place, mut date) = before
        .match_indices(',')
        .map(|(at, _)| (before[..at].trim(), before[at + 1..].trim()))
        .find(|(_, d)| looks_like_date(d))
        .map_or((before, None), |(p, d)| (p, Some(d.to_string())));
    // The agency after the date, unbracketed, as AAP writes it: "CANBERRA, Dec 4 AAP -".
    let mut agency = agency.map(str::to_string);
    if agency.is_none() {
        if let Some((day, wire)) = date.as_deref().and_then(|d| d.rsplit_once(' ')) {
            if looks_like_agency(wire) && !is_month(wire) && looks_like_date(day) {
                agency = Some(wire.to_string());
                date = Some(day.trim_end_matches(',').to_string());
            }
        }
    }
    if agency
        .as_deref()
        .is_some_and(|a| a.is_empty() || a.len() > 40)
    {
        return None;
    }
    // A date and the agency, no place: "Jan 3 (OPTA) - Results and fixtures".
    if agency.is_some() && date.is_none() && looks_like_date(place) {
        return Some(Dateline {
            text: head.to_string(),
            source: agency,
            place: None,
            date: Some(place.to_string()),
        });
    }
    if !plausible_head(place) || (agency.is_none() && date.is_none()) {
        return None;
    }
    Some(Dateline {
        text: head.to_string(),
        source: agency,
        place: Some(place.to_string()),
        date,
    })
}

/// Agencies the text cites: "according to TASS news agency", "Reuters reported",
/// "the Xinhua news agency said". Returns names in order of first citation.
pub fn cited_sources(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // ASCII lower-casing keeps every byte offset, so positions in `lower` index `body`.
    let lower = body.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("according to ") {
        let start = from + pos + "according to ".len();
        from = start;
        let rest = &body[start..];
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let name: Vec<&str> = rest
            .split_whitespace()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.ends_with(',')
                    && !w.ends_with('.')
            })
            .take(4)
            .collect();
        let trailing: Vec<&str> = rest.split_whitespace().skip(name.len()).take(2).collect();
        let next = rest.split_whitespace().nth(name.len());
        let named_as_agency = trailing
            .first()
            .is_some_and(|w| matches!(w.trim_end_matches([',', '.']), "news" | "agency"));
        // The last word may carry the comma: "According to Reuters, ...".
        let mut name: Vec<String> = name.iter().map(|s| s.to_string()).collect();
        if name.is_empty() {
            if let Some(w) = next {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    name.push(w.trim_end_matches([',', '.']).to_string());
                }
            }
        }
        if name.is_empty() {
            continue;
        }
        let joined = name.join(" ");
        if (named_as_agency || is_media_name(&joined) || looks_like_agency(&joined))
            && !out.contains(&joined)
        {
            out.push(joined);
        }
    }
    out
}

/// A short all-caps name (TASS, AFP, RIA) or a well-known wire name.
fn looks_like_agency(name: &str) -> bool {
    const WIRES: [&str; 10] = [
        "Reuters",
        "Xinhua",
        "Interfax",
        "Bloomberg",
        "Kyodo",
        "Yonhap",
        "Bernama",
        "Antara",
        "Anadolu",
        "Tanjug",
    ];
    WIRES.contains(&name)
        || (name.len() >= 2
            && name.len() <= 6
            && name.chars().all(|c| c.is_ascii_uppercase() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_style_source_dateline() {
        let d =
            parse("China News Service, December 20. According to TASS news agency, on the 19th")
                .expect("dateline");
        assert_eq!(d.source.as_deref(), Some("China News Service"));
        assert_eq!(d.date.as_deref(), Some("December 20"));
        assert_eq!(d.place, None);
        assert_eq!(d.text, "China News Service, December 20.");
    }

    #[test]
    fn agency_dateline_with_place_and_date() {
        let d =
            parse("MINSK, Dec 20 (Reuters) - Russian President Vladimir Putin").expect("dateline");
        assert_eq!(d.place.as_deref(), Some("MINSK"));
        assert_eq!(d.source.as_deref(), Some("Reuters"));
        assert_eq!(d.date.as_deref(), Some("Dec 20"));
    }

    #[test]
    fn place_and_agency_only() {
        let d = parse("WASHINGTON (AP) — The State Department said").expect("dateline");
        assert_eq!(d.place.as_deref(), Some("WASHINGTON"));
        assert_eq!(d.source.as_deref(), Some("AP"));
    }

    #[test]
    fn date_and_agency_without_a_place() {
        let d =
            parse("Jan 3 (OPTA) - Results and fixtures for the Primeira Liga").expect("dateline");
        assert_eq!(d.place, None);
        assert_eq!(d.date.as_deref(), Some("Jan 3"));
        assert_eq!(d.source.as_deref(), Some("OPTA"));
        assert_eq!(d.text, "Jan 3 (OPTA)");
        let d = parse("(Reuters) - Apple Inc said on Tuesday").expect("dateline");
        assert_eq!((d.place, d.date), (None, None));
        assert_eq!(d.source.as_deref(), Some("Reuters"));
        assert_eq!(d.text, "(Reuters)");
        assert_eq!(parse("(Adds details) - The ministry said"), None);
    }

    #[test]
    fn agency_before_place_and_date() {
        let d = parse("(ANSA) - Rome, October 11 - Italian Foreign Minister Angelino Alfano")
            .expect("dateline");
        assert_eq!(d.source.as_deref(), Some("ANSA"));
        assert_eq!(d.place.as_deref(), Some("Rome"));
        assert_eq!(d.date.as_deref(), Some("October 11"));
        assert_eq!(d.text, "(ANSA) - Rome, October 11");
    }

    #[test]
    fn a_date_after_the_place_s_country_and_no_dash_after_the_agency() {
        let d = parse("WOLFSBURG, Germany, Oct 28 (Reuters) - Volkswagen plans").expect("dateline");
        assert_eq!(d.place.as_deref(), Some("WOLFSBURG, Germany"));
        assert_eq!(d.date.as_deref(), Some("Oct 28"));
        let d = parse("STOCKHOLM, Aug 29, 2014 (AFP) - A court").expect("dateline");
        assert_eq!(d.place.as_deref(), Some("STOCKHOLM"));
        assert_eq!(d.date.as_deref(), Some("Aug 29, 2014"));
        let d = parse("NEW DELHI, Jan 22 (PTI) Prime Minister Narendra Modi on Monday")
            .expect("dateline");
        assert_eq!(d.place.as_deref(), Some("NEW DELHI"));
        assert_eq!(d.source.as_deref(), Some("PTI"));
        assert_eq!(d.text, "NEW DELHI, Jan 22 (PTI)");
        // No date: the town in capitals makes it a dateline.
        let d = parse("MUMBAI (PTI) Rohit Sharma hit a century on Sunday").expect("dateline");
        assert_eq!(d.place.as_deref(), Some("MUMBAI"));
        assert_eq!(d.source.as_deref(), Some("PTI"));
        assert_eq!(d.text, "MUMBAI (PTI)");
        // A bracket in a sentence is no dateline, nor a name in title case before one.
        assert_eq!(
            parse("The minister (pictured) said on Monday that talks would go on."),
            None
        );
        assert_eq!(parse("Mumbai (PTI) Rohit Sharma hit a century"), None);
    }

    #[test]
    fn dates_in_the_languages_of_the_wire() {
        for (line, place, date) in [
            ("(ANSA) - ROMA, 11 OTT - Il ministro", "ROMA", "11 OTT"),
            ("Madrid, 5 mar (EFE).- El presidente", "Madrid", "5 mar"),
            (
                "Berlin, 20. Dezember (dpa) - Die Bundesregierung",
                "Berlin",
                "20. Dezember",
            ),
            (
                "PARIS, 20 déc 2024 (AFP) - Le gouvernement",
                "PARIS",
                "20 déc 2024",
            ),
        ] {
            let d = parse(line).unwrap_or_else(|| panic!("no dateline in {line}"));
            assert_eq!(d.place.as_deref(), Some(place), "{line}");
            assert_eq!(d.date.as_deref(), Some(date), "{line}");
        }
    }

    #[test]
    fn regression_fuzz_nbsp_after_the_date_is_not_sliced() {
        // Found by scripts/fuzz.sh (plain_text): a trimmed date followed by a multi-byte space.
        let d = parse("GENEVA, June 3\u{a0}\u{a0}. Talks").expect("dateline");
        assert_eq!(d.date.as_deref(), Some("June 3"));
        assert_eq!(d.text, "GENEVA, June 3");
    }

    #[test]
    fn aap_writes_its_name_after_the_date_unbracketed() {
        let d = parse("CANBERRA, Dec 4 AAP - The Reserve Bank has kept the cash rate")
            .expect("dateline");
        assert_eq!(d.text, "CANBERRA, Dec 4 AAP");
        assert_eq!(d.place.as_deref(), Some("CANBERRA"));
        assert_eq!(d.date.as_deref(), Some("Dec 4"));
        assert_eq!(d.source.as_deref(), Some("AAP"));
        // A year is no agency.
        let d = parse("SYDNEY, Dec 4 2025 - Rain fell").expect("dateline");
        assert_eq!(d.date.as_deref(), Some("Dec 4 2025"));
        assert_eq!(d.source, None);
    }

    #[test]
    fn ordinary_sentences_have_no_dateline() {
        assert_eq!(
            parse("The talks between the leaders of Russia and Belarus - continued."),
            None
        );
        assert_eq!(parse("Putin said, however, that it was fine."), None);
    }

    #[test]
    fn cites_agencies() {
        let body = "According to TASS news agency, Putin arrived. According to Reuters, US officials said. according to the plan, nothing.";
        assert_eq!(cited_sources(body), vec!["TASS", "Reuters"]);
    }
}
