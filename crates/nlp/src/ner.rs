//! Mention finding and resolution.
//!
//! Candidates come from three sources — the gazetteer (knowledge base, countries, demonyms,
//! places), titles ("President Lukashenko", "spokesman Price") and organisation head words
//! ("Belarusian Republican Youth Union") — and are resolved longest-first, then by priority.
//! Places whose names are ordinary words ("Nice", "Reading") need context; ambiguous places
//! are decided by population and by the countries the story names; a surname seen after a
//! full name is that person throughout the document.

use crate::gazetteer::{priority, Gazetteer, Target};
use crate::resources::{KbKind, Place, PlaceKind, Resources};
use crate::text::{capitalised, Token};
use newsflow_model::MentionKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Words that introduce a person's name.
const TITLES_LIST: [&str; 82] = [
    "ayatollah",
    "sheikh",
    "sheikha",
    "emir",
    "imam",
    "rabbi",
    "cardinal",
    "archbishop",
    "bishop",
    "patriarch",
    "chair",
    "chairperson",
    "inspector",
    "detective",
    "superintendent",
    "sergeant",
    "constable",
    "commissioner",
    "president",
    "minister",
    "chancellor",
    "premier",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "general",
    "gen",
    "mr",
    "sir",
    "dame",
    "treasurer",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "ambassador",
    "envoy",
    "chairman",
    "chairwoman",
    "ceo",
    "director",
    "judge",
    "justice",
    "rep",
    "representative",
    "coach",
    "manager",
    "sheriff",
    "captain",
    "commander",
    "leader",
    "co-leader",
    "co-chair",
    "co-chairman",
    "officer",
    "taoiseach",
    "tanaiste",
    "commodore",
    "admiral",
    "colonel",
    "brigadier",
    "marshal",
    "lieutenant",
    "administrator",
    "speaker",
    // Elected, not yet in office ("New York City Mayor-elect Zohran Mamdani").
    "president-elect",
    "mayor-elect",
    "governor-elect",
    "senator-elect",
    "premier-elect",
];
static TITLES: Words = Words::new(&[&TITLES_LIST]);

/// Words that make a capitalised run an organisation but may end other names too ("West
/// Bank", "Soviet Union"); with [`ORG_ONLY_HEADS_LIST`] and [`BODY_HEADS_LIST`], every
/// organisation head.
const ORG_HEADS_LIST: [&str; 25] = [
    "bank",
    "union",
    "court",
    "parliament",
    "assembly",
    "front",
    "museum",
    "church",
    "press",
    "rovers",
    "wanderers",
    "athletic",
    "albion",
    "motors",
    "motor",
    "communications",
    "entertainment",
    "studios",
    "pictures",
    "electronics",
    "securities",
    "sa",
    "nv",
    "ab",
    "asa",
];
/// Words inside companies' names, never in people's: "Kyushu Electric Power", "Grupo
/// Financiero Galicia", "Banco Santander"; organisation heads too.
const COMPANY_WORDS_LIST: [&str; 4] = ["electric", "energy", "grupo", "banco"];
static COMPANY_WORDS: Words = Words::new(&[&COMPANY_WORDS_LIST]);

/// Every organisation head: those only organisations end in and the others.
static ORG_HEADS: Words = Words::new(&[
    &ORG_ONLY_HEADS_LIST,
    &BODY_HEADS_LIST,
    &ORG_HEADS_LIST,
    &COMPANY_WORDS_LIST,
]);

/// Head words that end only organisations' names (not "Bank" — West Bank —, "Union" — Soviet
/// Union —, "Office", "Front", "Court" or "Police").
const ORG_ONLY_HEADS_LIST: [&str; 62] = [
    // "U.S. Geological Survey", "Institutional Shareholder Services", "Coordination
    // Headquarters for the Treatment of Prisoners of War".
    "survey",
    "services",
    "headquarters",
    "bros.",
    "bros",
    "brothers",
    "co",
    "confederation",
    "laboratory",
    "directorate",
    "inspectorate",
    "secretariat",
    "resources",
    "research",
    "associates",
    "partners",
    "manufacturing",
    "institution",
    "recordings",
    "laboratories",
    "orchestra",
    "journal",
    "records",
    "university",
    "college",
    "academy",
    "society",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "plc",
    "ag",
    "gmbh",
    "spa",
    "oyj",
    "llc",
    "holdings",
    "industries",
    "technologies",
    "airlines",
    "foundation",
    "institute",
    "association",
    "federation",
    "club",
    "school",
    "works",
    "lines",
    "publishing",
    "railroad",
    "railway",
    "railways",
    "systems",
    "pharmaceuticals",
    "pharmaceutical",
    "scientific",
    "instruments",
    "therapeutics",
    "biosciences",
    "semiconductor",
    "motors",
];
static ORG_ONLY_HEADS: Words = Words::new(&[&ORG_ONLY_HEADS_LIST]);
/// Organisation heads that name a public or private body, never a feature or a building (not
/// "Bank", "Union", "Front", "Court", "Church", "Museum"; "Office" names the body more often than
/// the room). With "United" (a club, "Newcastle United" — but "United States" is no head), they
/// make a name the tagger took for an unknown place or an "other" name an organisation.
const BODY_HEADS_LIST: [&str; 32] = [
    "board",
    "office",
    "chamber",
    "congress",
    "administration",
    "corps",
    "ministry",
    "department",
    "party",
    "council",
    "committee",
    "agency",
    "organization",
    "organisation",
    "company",
    "group",
    "commission",
    "forces",
    "force",
    "command",
    "army",
    "navy",
    "fund",
    "service",
    "authority",
    "bureau",
    "police",
    "airways",
    "alliance",
    "movement",
    "guard",
    "guards",
];
static BODY_HEADS: Words = Words::new(&[&BODY_HEADS_LIST, &["united"]]);

/// Last words of events' names, which are "other" mentions: "World Cup", "Australian Open",
/// "Nobel Prize", "Cannes Film Festival", "Second World War"; of indices ("Shanghai Composite
/// Index"); and of laws' and treaties' ("Alcohol Act", "Online Safety Bill", "Paris
/// Agreement", "Rome Statute").
const EVENT_HEADS_LIST: [&str; 35] = [
    "gala",
    "summit",
    "index",
    "tour",
    "finals",
    "prix",
    "act",
    "bill",
    "treaty",
    "agreement",
    "accord",
    "accords",
    "convention",
    "protocol",
    "statute",
    "cup",
    "award",
    "championship",
    "championships",
    "games",
    "olympics",
    "awards",
    "prize",
    "festival",
    "war",
    "trophy",
    "tournament",
    "marathon",
    "open",
    "series",
    "day",
    "bowl",
    "masters",
    "derby",
    "classic",
];
static EVENT_HEADS: Words = Words::new(&[&EVENT_HEADS_LIST]);

/// Adjectives of the points of the compass: "over eastern Texas", "the Western Balkans".
static COMPASS_ADJECTIVES: Words = Words::new(&[&[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
]]);

/// Words for where a body or a person stands that open a sentence before a name but are no
/// part of it ("Ruling People Power Party chief …", "Incumbent Hamid Karzai …", "Former
/// University of Louisville coach …", "Rival Honda Motor Co cut …").
const STANDING_WORDS: [&str; 13] = [
    "Former",
    "Rival",
    "Rivals",
    "Ruling",
    "Governing",
    "Opposition",
    "Outgoing",
    "Incumbent",
    "Interim",
    "Caretaker",
    "Embattled",
    "Beleaguered",
    "Reigning",
];

/// Words for an industry that end companies' names and no person's ("Micron Technology",
/// "Rigetti Computing", "Moderna Therapeutics").
const INDUSTRY_WORDS: [&str; 34] = [
    // A fund or an investment firm ("Elliott Management", "Sequoia Capital").
    "Management",
    "Capital",
    "Investments",
    "Ventures",
    "Advisors",
    "Technology",
    "Computing",
    "Software",
    "Robotics",
    "Therapeutics",
    "Biosciences",
    "Biotech",
    "Semiconductor",
    "Aerospace",
    "Logistics",
    "Mining",
    "Chemicals",
    "Petroleum",
    "Networks",
    "Solutions",
    "Pharma",
    "Healthcare",
    "Mobile",
    "Refinery",
    "Theatres",
    "Theaters",
    "Cinemas",
    "Brewery",
    "Foods",
    "Insurance",
    "Financial",
    "Shipping",
    "Cement",
    "Textiles",
];

/// The words after which a hyphenated modifier says who stands behind a body, not part of
/// its name: "Massachusetts-based Sage", "Kurdish-led Syrian Democratic Forces", "Iran-backed
/// Hezbollah".
const BEHIND_SUFFIXES: [&str; 8] = [
    "-based",
    "-led",
    "-backed",
    "-owned",
    "-run",
    "-controlled",
    "-funded",
    "-allied",
];

/// Words that open an event's name before "of": "Battle of Gettysburg", "Siege of
/// Sarajevo", "Treaty of Versailles", "War of 1812".
const EVENT_PREFIXES_LIST: [&str; 7] = [
    "battle",
    "siege",
    "treaty",
    "massacre",
    "declaration",
    "bombing",
    "war",
];
static EVENT_PREFIXES: Words = Words::new(&[&EVENT_PREFIXES_LIST]);

/// Ordinals that number an event: "Second Battle of Bull Run", "2nd Battle of Ypres".
fn event_ordinal(w: &str) -> bool {
    const WORDS: [&str; 10] = [
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
        "Tenth",
    ];
    WORDS.contains(&w)
        || (w.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th", "d"].iter().any(|s| {
                w.strip_suffix(s)
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            }))
}

/// Events named "Battle of X" (capitalised, not opening a sentence, with an ordinal before it
/// where there is one): one "other" mention in place of the names found inside it ("Siege of
/// Petersburg" is no place), unless a mention crosses its edges.
fn event_phrases(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let mut spans = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let Some(of) = toks.get(k + 1).filter(|o| o.text == "of") else {
            continue;
        };
        if t.sentence_start
            || !t.is_capitalised()
            || !adjacent(text, t, of)
            || !EVENT_PREFIXES.contains(t.text)
        {
            continue;
        }
        let mut first = k + 2;
        if toks
            .get(first)
            .is_some_and(|w| w.text == "the" && adjacent(text, of, w))
        {
            first += 1;
        }
        let named =
            |w: &Token<'_>| w.is_capitalised() || w.text.bytes().all(|b| b.is_ascii_digit());
        if !toks
            .get(first)
            .is_some_and(|w| named(w) && adjacent(text, &toks[first - 1], w))
        {
            continue;
        }
        let last = capitalised_run_end(text, toks, first, false);
        let open = if k > 0 && event_ordinal(toks[k - 1].text) && adjacent(text, &toks[k - 1], t) {
            k - 1
        } else {
            k
        };
        spans.push((toks[open].start, toks[last].end));
    }
    replace_each_inside(text, spans, (MentionKind::Other, 0.7), out);
}

/// One mention of `kind` over each of `spans` in place of the mentions inside it, unless a
/// mention crosses its edges, a linked one covers exactly that span or an earlier span of the
/// list overlaps it. One sweep over the sorted lists: a story of many such names costs no more
/// than its length (a mention at a time, removing from the list, was quadratic).
fn replace_each_inside(
    text: &str,
    mut spans: Vec<(usize, usize)>,
    (kind, confidence): (MentionKind, f32),
    out: &mut Vec<Found>,
) {
    if spans.is_empty() {
        return;
    }
    spans.sort_unstable();
    out.sort_by_key(|f| f.start);
    let mut remove = vec![false; out.len()];
    let mut added = Vec::new();
    let (mut i, mut end_before, mut last_end) = (0, 0, 0);
    for (start, end) in spans {
        if start < last_end {
            continue;
        }
        while i < out.len() && out[i].start < start {
            end_before = end_before.max(out[i].end);
            i += 1;
        }
        if end_before > start {
            continue;
        }
        let mut j = i;
        while j < out.len() && out[j].start < end {
            if out[j].end > end
                || ((out[j].start, out[j].end) == (start, end) && out[j].uri.is_some())
            {
                break;
            }
            j += 1;
        }
        if j < out.len() && out[j].start < end {
            continue;
        }
        remove[i..j].fill(true);
        added.push(Found {
            start,
            end,
            kind,
            name: text[start..end].to_string(),
            uri: None,
            confidence,
            origin: Origin::OrgHead,
        });
        last_end = end;
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !remove[k - 1]
    });
    out.extend(added);
    out.sort_by_key(|f| f.start);
}

/// Titles of works in quotation marks, as news writes them: "other" mentions of two to eight
/// words, the first and last capitalised and every word between capitalised, a number or a
/// short function word ("Buddha for Mary", "Occam's Razor", "Time to Wake Up"), in place of
/// the names found inside; not where a mention crosses the quotation marks.
fn quoted_titles(res: &Resources, text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    const SMALL: [&str; 14] = [
        "of", "the", "a", "an", "and", "or", "to", "in", "on", "for", "at", "by", "with", "from",
    ];
    // The marks touch the words, or stand a space apart as tokenised text writes them.
    // British copy writes single marks ("her album 'The Tortured Poets Department'"): one
    // opens only after a space, a bracket or the text's start and closes only before no
    // letter ("Jones' car", "'s").
    let opens = |at: usize| {
        let before = &text[..at];
        let before = before.strip_suffix(' ').unwrap_or(before);
        before.ends_with(['"', '\u{201C}'])
            || before
                .strip_suffix(['\'', '\u{2018}'])
                .is_some_and(|b| b.is_empty() || b.ends_with([' ', '(', '\n']))
    };
    // American copy puts a comma or a full stop inside the closing mark ("A Complete
    // Unknown," starring …).
    let closes = |at: usize| {
        let after = &text[at..];
        let after = after.strip_prefix(' ').unwrap_or(after);
        let after = after.strip_prefix([',', '.']).unwrap_or(after);
        after.starts_with(['"', '\u{201D}'])
            || after
                .strip_prefix(['\'', '\u{2019}'])
                .is_some_and(|a| !a.starts_with(char::is_alphanumeric))
    };
    let mut spans = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let first = k;
        k += 1;
        if !opens(toks[first].start) || !toks[first].is_capitalised() {
            continue;
        }
        let mut last = first;
        while !closes(toks[last].end)
            && last - first < 7
            && toks
                .get(last + 1)
                .is_some_and(|n| matches!(&text[toks[last].end..n.start], " " | ": "))
        {
            last += 1;
        }
        if closes(toks[last].end) && last - first < 3 {
            if let Some(person) = nicknamed_person(res, text, toks, (first, last)) {
                k = last + 1;
                out.retain(|o| !(person.start < o.end && o.start < person.end));
                out.push(person);
                out.sort_by_key(|f| f.start);
                continue;
            }
        }
        let words = &toks[first..=last];
        let number = |t: &Token<'_>| t.text.bytes().all(|b| b.is_ascii_digit());
        // A sequel's number may end the title ("Sonic the Hedgehog 3").
        if last == first
            || !closes(toks[last].end)
            || !(toks[last].is_capitalised() || number(&toks[last]) && last > first + 1)
            || !words.iter().all(|t| {
                t.is_capitalised()
                    || SMALL.contains(&t.text)
                    || t.text.bytes().all(|b| b.is_ascii_digit())
            })
        {
            continue;
        }
        k = last + 1;
        spans.push((toks[first].start, toks[last].end));
    }
    replace_each_inside(text, spans, (MentionKind::Other, 0.6), out);
}

/// A person named with a nickname in quotation marks between the given name and the surname:
/// `Ismael "El Mayo" Zambada`, `Joaquin "El Chapo" Guzman` (the quoted words are
/// `toks[first..=last]`), named without the nickname.
fn nicknamed_person(
    res: &Resources,
    text: &str,
    toks: &[Token<'_>],
    (first, last): (usize, usize),
) -> Option<Found> {
    let given = toks.get(first.checked_sub(1)?)?;
    let gap = |a: usize, b: usize| text[a..b].trim_matches(' ');
    let is_name = |t: &Token<'_>| {
        t.is_capitalised()
            && t.text.chars().skip(1).all(char::is_lowercase)
            && !NOT_NAMES.contains(&t.text)
            && !TITLES.contains(t.text)
    };
    if !is_name(given)
        || common_in_any_spelling(res, given.text)
        || !matches!(gap(given.end, toks[first].start), "\"" | "\u{201C}")
        || !text[given.end..].starts_with(' ')
        || !toks[first..=last].iter().all(|t| t.is_capitalised())
    {
        return None;
    }
    let mut end = last + 1;
    while toks.get(end).is_some_and(|t| {
        is_name(t)
            && !t.sentence_start
            && !common_in_any_spelling(res, t.text)
            && if end == last + 1 {
                matches!(gap(toks[last].end, t.start), "\"" | "\u{201D}")
                    && text[..t.start].ends_with(' ')
            } else {
                adjacent(text, &toks[end - 1], t)
            }
    }) {
        end += 1;
    }
    if end == last + 1 {
        return None;
    }
    let surname = &text[toks[last + 1].start..toks[end - 1].end];
    Some(Found {
        start: given.start,
        end: toks[end - 1].end,
        kind: MentionKind::Person,
        name: format!("{} {surname}", given.text),
        uri: None,
        confidence: 0.8,
        origin: Origin::OrgHead,
    })
}

/// Last words of the names of geographic features, venues and streets: "Mekong River", "Blue
/// Mountains", "Mojave Desert", "Golan Heights", "Red Square", "Collins Avenue".
const PLACE_HEADS_LIST: [&str; 70] = [
    "shrine",
    "mosque",
    "cathedral",
    "basilica",
    "shoal",
    "shoals",
    "atoll",
    "lake",
    "peak",
    "fjord",
    "theatre",
    "theater",
    "arena",
    "trough",
    "trench",
    "ridge",
    "reef",
    "volcano",
    "canyon",
    "hills",
    "river",
    "mountains",
    "island",
    "islands",
    "sea",
    "ocean",
    "bay",
    "desert",
    "valley",
    "peninsula",
    "strait",
    "gulf",
    "canal",
    "falls",
    "glacier",
    "icefall",
    "plateau",
    "basin",
    "delta",
    "archipelago",
    "heights",
    "park",
    "pond",
    "brook",
    "creek",
    "reservoir",
    "lagoon",
    "harbour",
    "harbor",
    "parish",
    "province",
    "prefecture",
    "county",
    "oblast",
    "governorate",
    "municipality",
    "district",
    "stadium",
    "center",
    "centre",
    "street",
    "avenue",
    "road",
    "boulevard",
    "square",
    "highway",
    "hospital",
    "clinic",
    "chapel",
    "monument",
];
static PLACE_HEADS: Words = Words::new(&[&PLACE_HEADS_LIST]);

/// Whether the name at `start..end`, an institution named for its building, speaks in the
/// word after it, the name being the sentence's subject: then it is the body ("The Carter
/// Center said", "Sheba Medical Center announced"), not the place ("Researchers at
/// Massachusetts General Hospital said" is a place).
fn institution_speaks(text: &str, start: usize, end: usize) -> bool {
    let head = text[start..end].rsplit(' ').next().unwrap_or("");
    let next = text[end..]
        .trim_start_matches(' ')
        .split(' ')
        .next()
        .map(|w| w.trim_end_matches([',', '.']));
    let before = text[..start].trim_end();
    let subject = before.is_empty()
        || before.ends_with(['.', ',', ';', ':', '"', '\u{201d}'])
        || before
            .strip_suffix("The")
            .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
    subject
        && matches!(
            head,
            "Center" | "Centre" | "Hospital" | "Clinic" | "Theatre" | "Theater"
        )
        && next.is_some_and(|w| {
            matches!(
                w,
                "said" | "says" | "announced" | "warned" | "reported" | "confirmed" | "stated"
            )
        })
}

/// The creeds parties are named by, which name their members too ("Liberal Bruce Fanjoy",
/// "Republican Mitt Romney").
const PARTY_CREEDS: [&str; 10] = [
    "Liberal",
    "Conservative",
    "Labour",
    "Tory",
    "Democrat",
    "Republican",
    "Socialist",
    "Communist",
    "Green",
    "Independent",
];

/// First words of geographic features' names: "Mount Everest", "Lake Victoria", "Bay of
/// Bengal", "Strait of Hormuz", "Isle of Man"; a Malay palace, "Istana Negara"; French and
/// Spanish stadiums, "Stade Charlety", "Estadio Azteca".
const PLACE_PREFIXES_LIST: [&str; 11] = [
    "mount", "lake", "river", "gulf", "bay", "strait", "cape", "isle", "istana", "stade", "estadio",
];
static PLACE_PREFIXES: Words = Words::new(&[&PLACE_PREFIXES_LIST]);

/// Religions, their branches and peoples without a country of their own, written capitalised
/// ("other" mentions, as CoNLL tags them): "Sunni", "Shiites", "Kurdish", "Muslims"; and the
/// adjective of Mars ("the Martian atmosphere" gave a person).
const GROUP_WORDS_LIST: [&str; 38] = [
    "martian",
    "sunni",
    "shia",
    "shiite",
    "shi'ite",
    "muslim",
    "moslem",
    "islamic",
    "christian",
    "catholic",
    "protestant",
    "orthodox",
    "evangelical",
    "jewish",
    "jew",
    "hindu",
    "buddhist",
    "sikh",
    "alawite",
    "druze",
    "yazidi",
    "kurd",
    "kurdish",
    "arab",
    "pashtun",
    "tamil",
    "uighur",
    "uyghur",
    "rohingya",
    "hispanic",
    "latino",
    "maori",
    "baloch",
    "berber",
    "tibetan",
    "bedouin",
    "sherpa",
    "anglican",
];
static GROUP_WORDS: Words = Words::new(&[&GROUP_WORDS_LIST]);

/// Nouns that introduce an organisation's name: "the band Radiohead", "Japanese carmaker
/// Toyota", "lender Barclays".
const ORG_DESCRIPTORS_LIST: [&str; 57] = [
    "exchange",
    "platform",
    "giant",
    "watchdog",
    "regulator",
    "charity",
    "tabloid",
    "daily",
    "network",
    "drugmaker",
    "miner",
    "band",
    "company",
    "firm",
    "carmaker",
    "automaker",
    "retailer",
    "airline",
    "broadcaster",
    "insurer",
    "lender",
    "newspaper",
    "magazine",
    "club",
    "label",
    "startup",
    "conglomerate",
    "manufacturer",
    "chipmaker",
    "publisher",
    "brewer",
    "supermarket",
    "bank",
    "operator",
    "developer",
    "parent",
    "planemaker",
    "shipbuilder",
    "steelmaker",
    "utility",
    "chain",
    "brand",
    "consultancy",
    "distributor",
    "wholesaler",
    "subsidiary",
    "orchestra",
    "ensemble",
    "supergroup",
    "supplier",
    "refiner",
    "truckmaker",
    "toymaker",
    "phonemaker",
    "watchmaker",
    "tyremaker",
    "tiremaker",
];
static ORG_DESCRIPTORS: Words = Words::new(&[&ORG_DESCRIPTORS_LIST]);

/// Last words of instruments' and craft's names: "James Webb Space Telescope", "Mars Global
/// Surveyor" (an "other" name, as CoNLL tags products); not "rover" ("Land Rover").
const THING_HEADS_LIST: [&str; 6] = [
    "telescope",
    "spacecraft",
    "satellite",
    "lander",
    "orbiter",
    "probe",
];
static THING_HEADS: Words = Words::new(&[&THING_HEADS_LIST]);

/// Nouns that introduce a person's name without being a title: "the striker Haaland",
/// "singer Adele".
const PER_DESCRIPTORS_LIST: [&str; 75] = [
    "founder",
    "co-founder",
    "magnate",
    "singer",
    "actor",
    "actress",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "forward",
    "player",
    "footballer",
    "cricketer",
    "golfer",
    "boxer",
    "author",
    "writer",
    "novelist",
    "poet",
    "artist",
    "rapper",
    "musician",
    "journalist",
    "lawyer",
    "economist",
    "analyst",
    "scientist",
    "activist",
    "dissident",
    "businessman",
    "businesswoman",
    "industrialist",
    "tycoon",
    "billionaire",
    "entrepreneur",
    "philanthropist",
    "runner",
    "sprinter",
    "swimmer",
    "cyclist",
    "skier",
    "athlete",
    "jockey",
    "filmmaker",
    "photographer",
    "designer",
    "comedian",
    "pianist",
    "composer",
    "historian",
    "candidate",
    "nominee",
    "lawmaker",
    "legislator",
    "spinner",
    "bowler",
    "batsman",
    "quarterback",
    "winger",
    "rookie",
    "veteran",
    "presenter",
    "anchor",
    "newsreader",
    "columnist",
    "correspondent",
    "commentator",
    "pundit",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
];
static PER_DESCRIPTORS: Words = Words::new(&[&PER_DESCRIPTORS_LIST]);

/// Words of stories about a sport: a club's name there is the club's ("Liverpool beat Everton").
const SPORT_WORDS: [&str; 85] = [
    "match",
    "matches",
    "league",
    "League",
    "season",
    "coach",
    "goal",
    "goals",
    "club",
    "clubs",
    "Cup",
    "cup",
    "striker",
    "midfielder",
    "championship",
    "tournament",
    "innings",
    "wicket",
    "team",
    "teams",
    "player",
    "players",
    "game",
    "games",
    "played",
    "beat",
    "beats",
    "defeated",
    "draw",
    "drew",
    "scored",
    "stadium",
    "Stadium",
    "FC",
    "fans",
    "squad",
    "manager",
    "win",
    "won",
    "victory",
    "defeat",
    "lost",
    "captain",
    "skipper",
    "referee",
    "injury",
    "injured",
    "signing",
    "signed",
    "transfer",
    "fixture",
    "final",
    "semi-final",
    "title",
    "football",
    "Football",
    "soccer",
    "baseball",
    "BASEBALL",
    "basketball",
    "hockey",
    "cricket",
    "rugby",
    "Premiership",
    "NBA",
    "NFL",
    "NHL",
    "MLB",
    "batting",
    "bowling",
    "race",
    "Sports",
    "points",
    "rivals",
    "stats",
    "boss",
    "quarterback",
    "yards",
    "touchdown",
    "pitcher",
    "inning",
    "fixtures",
    "standings",
    "v",
    "vs",
];

/// Nouns that, followed by "of", introduce a place's name: "the province of Sindh", "the streets
/// of Acapulco", "the mayor of Reading".
const PLACE_NOUNS_LIST: [&str; 29] = [
    "streets",
    "suburbs",
    "centre",
    "center",
    "residents",
    "mayor",
    "city",
    "town",
    "village",
    "province",
    "state",
    "region",
    "island",
    "county",
    "district",
    "capital",
    "port",
    "municipality",
    "suburb",
    "outskirts",
    "villages",
    "towns",
    "cities",
    "provinces",
    "districts",
    "regions",
    "islands",
    "oblasts",
    "prefectures",
];
static PLACE_NOUNS: Words = Words::new(&[&PLACE_NOUNS_LIST]);

/// Lower-case words allowed inside a capitalised name.
/// Lower-case words inside people's names ("Ursula von der Leyen", "Lula da Silva", "Mohammed
/// bin Salman", "Andre Correa do Lago", "Laurence des Cars", "Fernando de la Rua").
const NAME_PARTICLES: [&str; 21] = [
    "van", "von", "der", "den", "de", "da", "das", "do", "dos", "des", "du", "del", "della", "di",
    "la", "ten", "ter", "bin", "ibn", "al", "zu",
];

/// Lower-case words after a name for the body it names ("her Brothers of Italy party").
const BODY_WORDS: [&str; 3] = ["party", "cartel", "militia"];

/// A capitalised name right before a lower-case "party", "cartel" or "militia" is that body,
/// an organisation, in place of the names found inside it ("her Brothers of Italy party", "the
/// Sinaloa cartel"); not an "other" name ("a Christmas party"), an ordinary word, or where a
/// mention crosses its edges.
fn bodies_before_common_heads(
    res: &Resources,
    text: &str,
    toks: &[Token<'_>],
    out: &mut Vec<Found>,
) {
    const OPENERS: [&str; 8] = ["The", "His", "Her", "Their", "Its", "Our", "A", "An"];
    // Parties that are occasions.
    const OCCASIONS: [&str; 10] = [
        "Christmas",
        "Easter",
        "Halloween",
        "Thanksgiving",
        "Year",
        "Eve",
        "Birthday",
        "Diwali",
        "Eid",
        "Hanukkah",
    ];
    for (k, head) in toks.iter().enumerate().skip(1) {
        if !BODY_WORDS.contains(&head.text) || !adjacent(text, &toks[k - 1], head) {
            continue;
        }
        // Not a word in the possessive ("Yemen's Houthi militia": Yemen is no part of it).
        let name_word = |t: &Token<'_>| {
            t.is_capitalised()
                && !OPENERS.contains(&t.text)
                && !OCCASIONS.contains(&t.text)
                && !POSSESSIVES.iter().any(|p| t.text.ends_with(p))
        };
        if !name_word(&toks[k - 1]) {
            continue;
        }
        let mut first = k - 1;
        loop {
            if toks[first].sentence_start
                || first == 0
                || !adjacent(text, &toks[first - 1], &toks[first])
            {
                break;
            }
            let prev = &toks[first - 1];
            if name_word(prev) {
                first -= 1;
            } else if matches!(prev.text, "of" | "and" | "for")
                && first >= 2
                && name_word(&toks[first - 2])
                && adjacent(text, &toks[first - 2], prev)
            {
                first -= 2;
            } else {
                break;
            }
        }
        let (start, end) = (toks[first].start, toks[k - 1].end);
        let surface = &text[start..end];
        let ordinary = !surface.contains(' ')
            && res
                .common_words
                .contains(crate::text::lowercase(surface).as_ref());
        let blocked = out.iter().any(|o| {
            let inside = start <= o.start && o.end <= end;
            let overlaps = o.start < end && start < o.end;
            let same = (o.start, o.end, o.kind) == (start, end, MentionKind::Organisation);
            (overlaps && !inside) || (inside && o.kind == MentionKind::Other) || same
        });
        if ordinary || blocked {
            continue;
        }
        out.retain(|o| !(start <= o.start && o.end <= end));
        out.push(Found {
            start,
            end,
            kind: MentionKind::Organisation,
            name: surface.to_string(),
            uri: None,
            confidence: 0.75,
            origin: Origin::OrgHead,
        });
    }
}

/// A town that beats or loses to another is a team named after it ("Collingwood
/// have beaten Carlton", "Geelong lost to Port Adelaide"), an organisation, unlinked; a
/// country or region stays a place (CoNLL reads national teams either way).
fn teams_named_after_places(res: &Resources, text: &str, out: &mut [Found]) {
    const AFTER: [&str; 12] = [
        " beat ",
        " beats ",
        " have beaten ",
        " has beaten ",
        " defeated ",
        " lost to ",
        " drew with ",
        " thrashed ",
        " edged ",
        " routed ",
        " were beaten by ",
        " was beaten by ",
    ];
    // Not "beating": copy beats "Wall Street forecasts".
    const BEFORE: [&str; 12] = [
        " beat ",
        " beaten ",
        " defeated ",
        " lost to ",
        " drew with ",
        " thrashed ",
        " edged ",
        " routed ",
        " defeating ",
        " thrashing ",
        " edging ",
        " routing ",
    ];
    // Whether the story has a match's score, looked for once.
    let mut scored: Option<bool> = None;
    for f in out.iter_mut() {
        let town = match f.origin {
            // A region's team too ("routed Lazio 6-0", "St Louis defeated Colorado"); a
            // country's stays the country, as CoNLL tags national sides, and so do the home
            // nations, Britain's regions in the gazetteer ("Wales beat San Marino 6-0").
            Origin::Place(i) => {
                let p = &res.places[i];
                p.kind == PlaceKind::City || (p.kind == PlaceKind::State && p.country != "GB")
            }
            Origin::Tagger => true,
            _ => false,
        };
        // A club's name the tagger took for an "other" name, its nickname a plural ("the
        // Golden State Warriors beat the Houston Rockets").
        let nicknamed = f.kind == MentionKind::Other
            && f.origin == Origin::Tagger
            && text[f.start..f.end].contains(' ')
            && text[f.start..f.end].ends_with('s')
            && !text[f.start..f.end].ends_with("'s");
        if !(f.kind == MentionKind::Place && town || nicknamed) {
            continue;
        }
        // "… beat the Portland Trail Blazers": the article before the team's name.
        let before = &text[..f.start];
        let before = before.strip_suffix("the ").unwrap_or(before);
        let after = &text[f.end..];
        // "Burnley, who drew 0-0 with Sheffield United".
        let after_who = after
            .strip_prefix(", who")
            .or_else(|| after.strip_prefix(" who"))
            .unwrap_or(after);
        // "Sunderland boss Regis Le Bris" in a story with a score (not "a Sydney manager").
        let bossed = matches!(f.origin, Origin::Place(i) if res.places[i].kind == PlaceKind::City)
            && f.kind == MentionKind::Place
            && !["a ", "A ", "an ", "An "]
                .iter()
                .any(|a| before.ends_with(a))
            && [" boss ", " manager ", " coach ", " head coach "]
                .iter()
                .any(|w| after.starts_with(w))
            && *scored.get_or_insert_with(|| {
                text.split([' ', ',']).any(|w| {
                    w.len() >= 3 && opens_with_score(w) && !w.contains(char::is_alphabetic)
                })
            });
        if AFTER.iter().any(|w| after.starts_with(w))
            || BEFORE.iter().any(|w| before.ends_with(w))
            || bossed
            // A result at a ground the gazetteer knows as a town; not at a stadium ("a 2-1 win
            // at Lambeau Field", "at San Siro").
            || (matches!(f.origin, Origin::Place(_))
                && (result_after(after_who) || result_before(before)))
        {
            f.kind = MentionKind::Organisation;
            f.name = text[f.start..f.end].to_string();
            f.uri = None;
            f.origin = Origin::Tagger;
        }
    }
}

/// Whether a match's score ("3-1", "2–0") opens `s`.
fn opens_with_score(s: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let n = digits(s);
    n > 0 && n <= 2 && {
        let rest = &s[n..];
        let rest = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix('\u{2013}'))
            .unwrap_or("");
        (1..=2).contains(&digits(rest))
    }
}

/// Whether what follows a town is its team's result ("Leipzig lost 3-1 at Wolfsburg",
/// "Augsburg won 2-0").
fn result_after(after: &str) -> bool {
    [" won ", " lost ", " drew "]
        .iter()
        .any(|w| after.strip_prefix(w).is_some_and(opens_with_score))
}

/// Whether what precedes a town is a result at its ground ("lost 3-1 at Wolfsburg", "a 2-0
/// win at Fulham").
fn result_before(before: &str) -> bool {
    let Some(rest) = ["at ", "against ", "over "]
        .iter()
        .find_map(|w| before.strip_suffix(w))
    else {
        return false;
    };
    let rest = rest.trim_end();
    let rest = ["win", "defeat", "victory", "draw", "loss"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))
        .map_or(rest, str::trim_end);
    rest.rsplit(' ')
        .next()
        .is_some_and(|w| w.len() >= 3 && opens_with_score(w) && !w.contains(char::is_alphabetic))
}

/// Whether the words before word `a` (`word(k)` is word `k`) introduce an organisation: a noun
/// such as "carmaker" or "the band", or its plural then "such as" or "including" ("drugmakers
/// such as Bavarian Nordic").
fn introduced_as_organisation<'w>(word: impl Fn(usize) -> &'w str, a: usize) -> bool {
    // "Maker" only before the name ("chip maker Intel", "chocolate makers including Barry
    // Callebaut"): after it, in apposition, it is as often a person's trade ("William
    // Procter, a candle maker").
    let descriptor =
        |w: &str| ORG_DESCRIPTORS.contains_or_plural(w) || matches!(w, "maker" | "makers");
    let plural = |w: &str| w.len() > 1 && w.ends_with('s') && descriptor(w);
    (a >= 1 && descriptor(word(a - 1)))
        || (a >= 3 && word(a - 2) == "such" && word(a - 1) == "as" && plural(word(a - 3)))
        || (a >= 2 && word(a - 1) == "including" && plural(word(a - 2)))
}

/// The names listed after an organisation a plural noun introduced are organisations too
/// ("chocolate makers including Barry Callebaut and Hershey", "carmakers such as BYD, Geely
/// and Chery"): the tagger finds the first and often misses the others.
fn listed_after_an_introduction(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    // The index of the first token starting at or after a byte (the tokens are in order).
    let index = |start: usize| toks.partition_point(|x| x.start < start);
    let (mut k, mut listed_end) = (1, None);
    while k < toks.len() {
        let t = &toks[k];
        // Cheap checks first: a capitalised word after "and", "or" or a comma.
        let joined = matches!(toks[k - 1].text, "and" | "or")
            || text[toks[k - 1].end..t.start].contains(',');
        if !joined || !t.is_capitalised() || t.sentence_start || NOT_NAMES.contains(&t.text) {
            k += 1;
            continue;
        }
        // Uncovered, or a name the tagger gave another kind ("carmakers such as BYD, Geely
        // and Chery": "Geely" a person).
        let covering = out.iter().position(|f| f.start < t.end && t.start < f.end);
        let listed = covering.is_none_or(|i| {
            let g = &out[i];
            g.start == t.start && g.end == t.end && g.origin == Origin::Tagger && g.uri.is_none()
        });
        // The organisation before it in the list, introduced or itself listed; a comma joins
        // only a list that "and" or "or" ends ("club Sao Caetano, Wednesday night").
        let follows = listed
            && out.iter().any(|f| {
                f.kind == MentionKind::Organisation
                    && f.end <= t.start
                    && match text[f.end..t.start].trim() {
                        "and" | "or" | ", and" | ", or" => true,
                        "," => list_goes_on(text, toks, k),
                        _ => false,
                    }
                    && (listed_end == Some(f.end) || {
                        let a = index(f.start);
                        toks.get(a).is_some_and(|x| x.start == f.start)
                            && introduced_as_organisation(|j| toks[j].text, a)
                    })
            });
        if !follows {
            k += 1;
            continue;
        }
        if let Some(i) = covering {
            let g = &mut out[i];
            g.kind = MentionKind::Organisation;
            listed_end = Some(g.end);
            k = index(g.end);
            continue;
        }
        let last = capitalised_run_end(text, toks, k, true);
        let (start, end) = (t.start, toks[last].end);
        out.push(Found {
            start,
            end,
            kind: MentionKind::Organisation,
            name: text[start..end].to_string(),
            uri: None,
            confidence: 0.55,
            origin: Origin::OrgHead,
        });
        listed_end = Some(end);
        k = last + 1;
    }
}

/// The last of the capitalised words from token `k` on that follow each other in one
/// sentence, a space or a full stop apart (or, with `hyphens`, a hyphen: "Colgate-Palmolive").
fn capitalised_run_end(text: &str, toks: &[Token<'_>], k: usize, hyphens: bool) -> usize {
    let mut last = k;
    while toks.get(last + 1).is_some_and(|n| {
        n.is_capitalised()
            && !n.sentence_start
            && (adjacent(text, &toks[last], n) || hyphens && &text[toks[last].end..n.start] == "-")
    }) {
        last += 1;
    }
    last
}

/// Whether the capitalised words from token `k` on are followed, through more such words
/// each after a comma, by "and" or "or": `k` is inside a list, not in apposition.
fn list_goes_on(text: &str, toks: &[Token<'_>], mut k: usize) -> bool {
    loop {
        k = capitalised_run_end(text, toks, k, true);
        let Some(next) = toks.get(k + 1) else {
            return false;
        };
        match text[toks[k].end..next.start].trim() {
            "," if next.is_capitalised() && !next.sentence_start => k += 1,
            "" | "," if matches!(next.text, "and" | "or") => return true,
            _ => return false,
        }
    }
}

/// The one person of the knowledge base named `first` who is known by the surname `last`
/// however spelt: "Volodymyr Zelenskiy" is Volodymyr Zelenskyy, whose aliases spell his surname
/// "Zelenskiy". None where two people would match ("George Bush").
fn kb_person_by_parts(res: &Resources, gaz: &Gazetteer, first: &str, last: &str) -> Option<usize> {
    let people = gaz.people_by_first_name.get(first)?;
    let mut matches = people.iter().filter(|&&i| {
        let e = &res.kb[i];
        e.name.rsplit(' ').next() == Some(last)
            || e.aliases.iter().any(|al| !al.contains(' ') && al == last)
    });
    match (matches.next(), matches.next()) {
        (Some(&i), None) => Some(i),
        _ => None,
    }
}

/// A word shaped like an adjective of a people or region ("European", "Nordic", "Japanese",
/// "Scottish"), whether the gazetteer knows it or not.
fn nationality_like(w: &str) -> bool {
    ["an", "ese", "ish", "ic", "i"]
        .iter()
        .any(|e| w.ends_with(e))
}

/// The AP's abbreviations of US states' names in datelines and after towns (the stylebook
/// spells out Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah), with their codes.
const AP_STATES: [(&str, &str); 42] = [
    ("Ala.", "AL"),
    ("Ariz.", "AZ"),
    ("Ark.", "AR"),
    ("Calif.", "CA"),
    ("Colo.", "CO"),
    ("Conn.", "CT"),
    ("Del.", "DE"),
    ("Fla.", "FL"),
    ("Ga.", "GA"),
    ("Ill.", "IL"),
    ("Ind.", "IN"),
    ("Kan.", "KS"),
    ("Ky.", "KY"),
    ("La.", "LA"),
    ("Md.", "MD"),
    ("Mass.", "MA"),
    ("Mich.", "MI"),
    ("Minn.", "MN"),
    ("Miss.", "MS"),
    ("Mo.", "MO"),
    ("Mont.", "MT"),
    ("Neb.", "NE"),
    ("Nev.", "NV"),
    ("N.H.", "NH"),
    ("N.J.", "NJ"),
    ("N.M.", "NM"),
    ("N.Y.", "NY"),
    ("N.C.", "NC"),
    ("N.D.", "ND"),
    ("Okla.", "OK"),
    ("Ore.", "OR"),
    ("Pa.", "PA"),
    ("R.I.", "RI"),
    ("S.C.", "SC"),
    ("S.D.", "SD"),
    ("Tenn.", "TN"),
    ("Vt.", "VT"),
    ("Va.", "VA"),
    ("Wash.", "WA"),
    ("W.Va.", "WV"),
    ("Wis.", "WI"),
    ("Wyo.", "WY"),
];

/// The US states abbreviated after towns are places, linked, in place of what was found on
/// their letters (the tagger's unlinked "Fla").
fn abbreviated_states(res: &Resources, countries: &StoryCountries, out: &mut Vec<Found>) {
    for &(start, end, i) in &countries.abbreviated {
        replace_span(out, Found::place(res, i, (start, end), 0.9));
    }
}

/// Whether the words around the name at words `a..b` speak of its stock: "Safaricom shares
/// fell", "shares in Naspers", "a stake in Glencore", "shares in Roche and Lonza"; not of a
/// people's or region's market ("European shares") or a compound adjective ("shares of
/// France-registered …").
fn speaks_of_shares(words: &[&str], a: usize, b: usize) -> bool {
    if words[b - 1].contains('-') || (b - a == 1 && nationality_like(words[a])) {
        return false;
    }
    let share = |w: &str| SHARE_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w));
    // "shares in", "a stake in" right before the word at `at`.
    let shares_in = |at: usize| {
        at >= 2
            && matches!(words[at - 1], "in" | "of")
            && (share(words[at - 2]) || words[at - 2].eq_ignore_ascii_case("stake"))
    };
    // The name after "and" is spoken of as the first is ("Shares in Roche and Lonza").
    let after_and = a >= 2 && words[a - 1] == "and" && {
        let mut k = a - 1;
        while k > 0 && capitalised(words[k - 1]) {
            k -= 1;
        }
        k < a - 1 && shares_in(k)
    };
    // After the name in lower case: "Nasdaq Stock" is part of a name.
    words.get(b).is_some_and(|w| SHARE_WORDS.contains(w)) || shares_in(a) || after_and
}

/// Whether a company's officer follows the name at words `..b` ("former Wirecard chief
/// executive Markus Braun", "Tesla CEO Elon Musk"); after a person's name, the officer is the
/// person ("named Sallie Krawcheck chief financial officer").
fn officer_after(words: &[&str], b: usize) -> bool {
    match words.get(b..).unwrap_or_default() {
        ["chief", "executive" | "financial" | "operating", ..] => true,
        [w, ..] => matches!(*w, "CEO" | "CFO" | "boss" | "founder" | "co-founder"),
        [] => false,
    }
}

/// Words after a company's name that speak of its stock ("Safaricom shares fell").
const SHARE_WORDS: [&str; 4] = ["shares", "shareholders", "stock", "stockholders"];

/// Words that open a title ("Crown Prince", "Prime Minister", "Vice President"), a company
/// officer's too ("Chief Operating Officer").
const TITLE_MODIFIERS: [&str; 24] = [
    "Field",
    "Ecumenical",
    "Cabinet",
    "Crown",
    "Prime",
    "Vice",
    "Deputy",
    "Chief",
    "Acting",
    "Supreme",
    "Grand",
    "Majority",
    "Minority",
    "Managing",
    "Attorney",
    "Solicitor",
    "Surgeon",
    "Executive",
    "Operating",
    "Financial",
    "Commercial",
    "Technology",
    "Marketing",
    "Information",
];

/// Lower-case words after a craft's or a weapon's name ("the New Glenn rocket").
const CRAFT_WORDS: [&str; 10] = [
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "spacecraft",
    "capsule",
    "telescope",
    "chatbot",
    "warship",
    "submarine",
];

/// Words for a court's rank or reach before "Court" ("Supreme Court", "Federal Court").
const COURT_KINDS: [&str; 13] = [
    "Supreme",
    "High",
    "Federal",
    "Constitutional",
    "District",
    "Appeals",
    "Criminal",
    "International",
    "Local",
    "Magistrates",
    "Crown",
    "Circuit",
    "Regional",
];

const CONNECTORS: [&str; 11] = [
    "of", "for", "the", "on", "de", "du", "van", "von", "der", "al", "bin",
];

/// Prepositions that make a following capitalised common word a place.
const PLACE_PREPS_LIST: [&str; 12] = [
    "in", "at", "from", "near", "to", "into", "outside", "across", "via", "toward", "towards",
    "around",
];
static PLACE_PREPS: Words = Words::new(&[&PLACE_PREPS_LIST]);

/// A romanised Korean given name: two syllables joined by a hyphen, the second in lower case
/// ("Jae-yong", "Suk-yeol").
fn korean_given_name(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        a.len() >= 2
            && a.starts_with(|c: char| c.is_ascii_uppercase())
            && a[1..].bytes().all(|c| c.is_ascii_lowercase())
            && b.len() >= 2
            && b.bytes().all(|c| c.is_ascii_lowercase())
    })
}

/// The commonest Chinese family names in pinyin, which a two-word name writes first and a
/// story then uses alone ("Li Qiang ... Li said", "Wang Yi ... Wang told").
const CHINESE_FAMILY_NAMES: [&str; 40] = [
    "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Xiao", "Tian", "Dong", "Pan", "Jiang", "Wei", "Xi", "Wen",
    "Qin", "Ding",
];

/// The possessive endings, as the tagger's words split them off ("Britain" + "'s").
const POSSESSIVES: [&str; 2] = ["'s", "\u{2019}s"];

/// A person's name's suffix: "Robert Downey Jr.".
fn name_suffix(w: &str) -> bool {
    matches!(w, "Jr" | "Sr" | "Jr." | "Sr.")
}

/// Prepositions, conjunctions and possessive determiners, which open no name: capitalised only
/// because they open a sentence ("At Villa Park, Salah scored", "After Lehman Brothers
/// collapsed", "Its National Democratic Alliance won").
const FUNCTION_WORDS_LIST: [&str; 35] = [
    "at", "in", "on", "from", "with", "by", "after", "before", "during", "under", "despite", "as",
    "when", "while", "if", "but", "and", "or", "since", "until", "about", "among", "between",
    "through", "without", "within", "against", "into", "although", "because", "its", "his",
    "their", "our", "your",
];
static FUNCTION_WORDS: Words = Words::new(&[&FUNCTION_WORDS_LIST]);

/// Capitalised words that are never names after a title: the weekdays, then the months
/// ([`month_word`] reads them from the eighth).
const NOT_NAMES: [&str; 19] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Abbreviations of common nouns that wire copy writes in capitals, alone no name: "AI chips",
/// "an IPO", "LNG exports", "the CEO" (the tagger took them for organisations and places).
const COMMON_ACRONYMS: [&str; 38] = [
    "AI", "LNG", "EV", "EVs", "IPO", "IPOs", "CPI", "PPI", "PMI", "GDP", "CEO", "CFO", "COO",
    "CTO", "VAT", "PC", "PCs", "TV", "ETF", "ETFs", "GPS", "SUV", "SUVs", "API", "APIs", "CO2",
    "ESG", "AGM", "FDI", "QE", "ICU", "VPN", "5G", "4G", "EBITDA", "EBIT", "EPS", "CEOs",
];

/// German articles, before which a capitalised word is a noun ("die Lage", "der Hof").
const GERMAN_ARTICLES: [&str; 11] = [
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer",
];

/// Where a mention came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Kb(usize),
    Place(usize),
    Demonym(usize),
    Title,
    OrgHead,
    Consistency,
    /// The statistical tagger, unlinked.
    Tagger,
}

/// A resolved mention, in bytes.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    pub name: String,
    pub uri: Option<String>,
    pub confidence: f32,
    pub origin: Origin,
}

impl Found {
    /// This mention moved to bytes `start..end` of `text` as a `kind` the rules found, unlinked
    /// and named as written.
    fn respan(&mut self, text: &str, (start, end): (usize, usize), kind: MentionKind) {
        self.start = start;
        self.end = end;
        self.kind = kind;
        self.name = text[start..end].to_string();
        self.uri = None;
        self.origin = Origin::Tagger;
    }

    /// An unlinked mention of `kind` at bytes `start..end` of `text`, named as written.
    fn unlinked(
        text: &str,
        kind: MentionKind,
        (start, end): (usize, usize),
        confidence: f32,
    ) -> Found {
        Found {
            start,
            end,
            kind,
            name: text[start..end].to_string(),
            uri: None,
            confidence,
            origin: Origin::Tagger,
        }
    }

    /// The knowledge base's entry `i` of `res` at bytes `start..end`, linked.
    fn kb(res: &Resources, i: usize, (start, end): (usize, usize), confidence: f32) -> Found {
        let e = &res.kb[i];
        Found {
            start,
            end,
            kind: match e.kind {
                KbKind::Person => MentionKind::Person,
                KbKind::Organisation => MentionKind::Organisation,
            },
            name: e.name.clone(),
            uri: e.uri(),
            confidence,
            origin: Origin::Kb(i),
        }
    }

    /// The country of the gazetteer's people's name `i` of `res` at bytes `start..end`, an
    /// "other" mention linked to the country.
    fn demonym(res: &Resources, i: usize, (start, end): (usize, usize), confidence: f32) -> Found {
        let p = &res.places[i];
        Found {
            start,
            end,
            kind: MentionKind::Other,
            name: p.name.clone(),
            uri: p.uri(),
            confidence,
            origin: Origin::Demonym(i),
        }
    }

    /// The gazetteer place `i` of `res` at bytes `start..end`, linked.
    fn place(res: &Resources, i: usize, (start, end): (usize, usize), confidence: f32) -> Found {
        let p = &res.places[i];
        Found {
            start,
            end,
            kind: MentionKind::Place,
            name: p.name.clone(),
            uri: p.uri(),
            confidence,
            origin: Origin::Place(i),
        }
    }
}

/// Whether `word` is a common word as written or in American spelling ("Defence", "Labour").
fn common_in_any_spelling(res: &Resources, word: &str) -> bool {
    let lower = crate::text::lowercase(word);
    let american = |british: &str, us: &str| {
        lower
            .strip_suffix(british)
            .is_some_and(|stem| res.common_words.contains(format!("{stem}{us}").as_str()))
    };
    res.common_words.contains(lower.as_ref()) || american("ence", "ense") || american("our", "or")
}

/// The country a people's name the gazetteer found names: the most populous of those that
/// share it ("Indian").
fn demonym_country(res: &Resources, h: &crate::gazetteer::Hit) -> Option<usize> {
    h.targets
        .iter()
        .filter_map(|t| match *t {
            Target::Demonym(i) => Some(i),
            _ => None,
        })
        .max_by_key(|&i| res.places[i].population)
}

struct Candidate {
    start: usize,
    end: usize,
    priority: f32,
    found: Found,
}

/// Population from which a city's name is taken as the city even inside a longer run of
/// capitalised words.
const LARGE_CITY: u64 = 500_000;

/// Population from which a city's name before a capitalised plural makes a team's name.
const TEAM_CITY: u64 = 300_000;

/// Population under which a town's name gives way to a person's surname in the same story.
const SMALL_TOWN: u64 = 100_000;

/// Mentions of `text` (whose word tokens are `toks`) from the gazetteer and the rules, for copy
/// the tagger does not model (other languages). Without a tagger to read the context, a town
/// joined to another capitalised word — "Kevin Trapp", "Tottenham Hotspur", "Stamford Bridge",
/// "United Ende April", "London-Reisen" — is taken as part of a name the gazetteer does not know
/// (a person, a club, a venue, a German noun) and left out, and so is a town capitalised only
/// at a sentence start ("Redan", Swedish "already"); countries, regions, large cities and the
/// dateline's place stay.
pub(crate) fn find(
    res: &Resources,
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token<'_>],
    dateline_place: Option<&str>,
    english: bool,
) -> Vec<Found> {
    let hits = if english {
        gaz.hits(text)
    } else {
        gaz.hits_in_any_language(text)
    };
    let mut found = find_with_hits(res, gaz, text, toks, &hits, dateline_place);
    found.retain(|f| !unlikely_place(res, text, toks, f, dateline_place));
    tidy_names(&mut found);
    found
}

/// The dateline's mentions. The agency it credits ("LONDON (PA) -", "BERLIN (dpa) -") is an
/// organisation: the knowledge base's news agency of that name, or whose name's initials it is
/// (PA → Press Association, AAP → Australian Associated Press), unlinked if none; what else
/// was found on those letters gives way ("PA" is no town in Burkina Faso there). The place it
/// was filed from is a place (the tagger took "BRISBANE" for an organisation): a country, or
/// the largest city or region of the name.
pub(crate) fn dateline_mentions(
    res: &Resources,
    gaz: &Gazetteer,
    body: &str,
    dateline: &newsflow_model::Dateline,
    found: &mut Vec<Found>,
) {
    // The dateline stands at the head of the body (after a slug or a blank line at most).
    let Some(at) = body.find(dateline.text.as_str()).filter(|&at| at <= 64) else {
        return;
    };
    // What the gazetteer knows by exactly `name`.
    let whole_hit = |name: &str| {
        gaz.hits(name)
            .into_iter()
            .find(|h| (h.start, h.end) == (0, name.len()))
    };
    // A dateline without a dash ends a sentence all the same: "MUMBAI, Feb 7 (PTI) The Reserve
    // Bank of India" names no "The Reserve Bank of India".
    let after = at + dateline.text.len();
    let opening = found.iter().find(|f| {
        body.get(after..f.start)
            .is_some_and(|gap| gap.trim().is_empty())
            && f.kind != MentionKind::Place
    });
    if let Some(f) = opening {
        let article = ["The ", "A ", "An "]
            .iter()
            .find(|a| body[f.start..f.end].starts_with(**a));
        if let Some(a) = article {
            let (start, end, kind) = (f.start + a.len(), f.end, f.kind);
            let kb = whole_hit(&body[start..end]).and_then(|h| {
                h.targets.iter().find_map(|t| match *t {
                    Target::Kb(i) => Some(i),
                    _ => None,
                })
            });
            let mention = match kb {
                Some(i) => Found::kb(res, i, (start, end), 0.85),
                None => Found::unlinked(body, kind, (start, end), 0.8),
            };
            replace_span(found, mention);
        }
    }
    let span_of = |part: &str| {
        let within = dateline.text.find(part)?;
        Some((at + within, at + within + part.len()))
    };
    // The town, before the state or country that may follow it ("THE HAGUE, Netherlands").
    // A dateline may name two towns ("JERUSALEM/BEIRUT (AP)"): each is a place.
    let towns: Vec<&str> = dateline
        .place
        .as_deref()
        .and_then(|p| p.split(',').next())
        .map(|t| {
            t.split('/')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default();
    for (start, end) in towns.into_iter().filter_map(span_of) {
        let placed = found.iter().any(|f| {
            (f.start, f.end) == (start, end) && f.kind == MentionKind::Place && f.uri.is_some()
        });
        // In capitals with letters beyond ASCII ("ZÜRICH", "BOGOTÁ") the name is looked up as
        // written in running text ("Zürich").
        let written = &body[start..end];
        let whole = whole_hit(written)
            .or_else(|| {
                (!written.is_ascii())
                    .then(|| {
                        written
                            .split(' ')
                            .map(|w| {
                                let mut cs = w.chars();
                                cs.next().map_or(String::new(), |c| {
                                    c.to_uppercase()
                                        .chain(cs.flat_map(char::to_lowercase))
                                        .collect()
                                })
                            })
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .and_then(|titled| whole_hit(&titled))
            })
            // A city the gazetteer names without its "City" ("GAZA CITY, Palestinian
            // Territories (AFP)").
            .or_else(|| {
                let town = written
                    .strip_suffix(" CITY")
                    .or_else(|| written.strip_suffix(" City"))?;
                let mut h = whole_hit(town)?;
                h.targets.retain(
                    |t| matches!(*t, Target::Place(i) if res.places[i].kind == PlaceKind::City),
                );
                (!h.targets.is_empty()).then_some(h)
            });
        // The state or country the dateline names after the town ("BOCA CHICA, Texas"): the
        // town lies in it, or is one the gazetteer lacks (Boca Chica in the Dominican Republic
        // is no candidate).
        let division: Vec<(&str, &str)> = dateline
            .place
            .as_deref()
            .and_then(|p| p.split(',').nth(1))
            .map(str::trim)
            .and_then(whole_hit)
            .map(|h| {
                h.targets
                    .iter()
                    .filter_map(|t| match *t {
                        Target::Place(i) if res.places[i].kind == PlaceKind::Country => {
                            Some((res.places[i].country.as_str(), ""))
                        }
                        Target::Place(i) if res.places[i].kind == PlaceKind::State => Some((
                            res.places[i].country.as_str(),
                            res.places[i].admin1.as_str(),
                        )),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let inside = |i: usize| {
            let p = &res.places[i];
            division.is_empty()
                || division
                    .iter()
                    .any(|&(c, a)| p.country == c && (a.is_empty() || p.admin1 == a))
        };
        let best = whole.as_ref().and_then(|h| {
            h.targets
                .iter()
                .filter_map(|t| match *t {
                    Target::Place(i) if inside(i) => Some(i),
                    _ => None,
                })
                .max_by_key(|&i| {
                    let p = &res.places[i];
                    (p.kind == PlaceKind::Country, p.population)
                })
        });
        match (placed, best) {
            (false, Some(i)) => replace_span(found, Found::place(res, i, (start, end), 0.9)),
            // A town the gazetteer lacks is a place all the same, unlinked.
            (false, None) => replace_span(
                found,
                Found::unlinked(body, MentionKind::Place, (start, end), 0.8),
            ),
            (true, _) => {}
        }
        // A town standing alone in a dateline is the largest of its very name (New Delhi,
        // not Delhi, which has it among its other names): the wire adds the state or country
        // to smaller ones ("GENEVA, Ill."), so a country named in the story does not make
        // "GENEVA" Geneva, Illinois.
        let alone = dateline.place.as_deref().is_some_and(|p| !p.contains(','));
        let largest_city = whole.and_then(|h| {
            h.targets
                .iter()
                .filter_map(|t| match *t {
                    Target::Place(i) if res.places[i].kind == PlaceKind::City => Some(i),
                    _ => None,
                })
                .max_by_key(|&i| {
                    let p = &res.places[i];
                    (
                        p.name.to_lowercase() == written.to_lowercase(),
                        p.population,
                    )
                })
        });
        if let (true, Some(i)) = (alone, largest_city) {
            let smaller_city = found.iter().any(|f| {
                (f.start, f.end) == (start, end)
                    && matches!(f.origin, Origin::Place(j)
                        if j != i && res.places[j].kind == PlaceKind::City
                            && res.places[j].population < res.places[i].population)
            });
            if smaller_city {
                replace_span(found, Found::place(res, i, (start, end), 0.9));
            }
        }
    }
    let Some(source) = dateline.source.as_deref().filter(|s| !s.is_empty()) else {
        return;
    };
    let Some((start, end)) = dateline
        .text
        .rfind(source)
        .map(|w| (at + w, at + w + source.len()))
    else {
        return;
    };
    if found
        .iter()
        .any(|f| (f.start, f.end) == (start, end) && matches!(f.origin, Origin::Kb(_)))
    {
        return;
    }
    let initials = |name: &str| -> String {
        name.split([' ', '-'])
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect()
    };
    let agency = res.kb.iter().position(|e| {
        e.category == "news_agency"
            && (std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.eq_ignore_ascii_case(source))
                || initials(&e.name).eq_ignore_ascii_case(source))
    });
    let mention = match agency {
        Some(i) => Found::kb(res, i, (start, end), 0.95),
        None => Found::unlinked(body, MentionKind::Organisation, (start, end), 0.9),
    };
    replace_span(found, mention);
}

/// The byte spans of the people `found` names, but for "people" a word for a body makes
/// doubtful ("BEA Systems"): their names are no evidence of a story's topic.
pub(crate) fn people_spans(text: &str, found: &[Found]) -> Vec<(usize, usize)> {
    found
        .iter()
        .filter(|f| {
            f.kind == MentionKind::Person
                && !text[f.start..f.end]
                    .split(' ')
                    .any(|w| ORG_HEADS.contains(w))
        })
        .map(|f| (f.start, f.end))
        .collect()
}

/// Puts `mention` among `found` (in order of start) in place of what overlaps it.
fn replace_span(found: &mut Vec<Found>, mention: Found) {
    found.retain(|f| f.end <= mention.start || mention.end <= f.start);
    let at = found.partition_point(|f| f.start < mention.start);
    found.insert(at, mention);
}

/// A name written across a line break ("Grose\nValley") is named with single spaces; the
/// mention's text stays as written.
fn tidy_names(found: &mut [Found]) {
    for f in found {
        if f.name.contains(|c: char| c.is_whitespace() && c != ' ') || f.name.contains("  ") {
            f.name = f.name.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }
}

/// For text the tagger does not read: a function word of another language opening a sentence
/// ("Jos Suomessa …"), or a town (not a large city, not the dateline's place) joined to another
/// capitalised word or capitalised only because it starts a sentence and never written
/// capitalised elsewhere.
fn unlikely_place(
    res: &Resources,
    text: &str,
    toks: &[Token<'_>],
    f: &Found,
    dateline_place: Option<&str>,
) -> bool {
    let Origin::Place(i) = f.origin else {
        return false;
    };
    let p = &res.places[i];
    let surface = &text[f.start..f.end];
    let sentence_start = opens_sentence(toks, f.start);
    // A function word of another language opening a sentence, however large the city.
    if sentence_start && crate::language::other_language_function_word(surface) {
        return true;
    }
    if p.kind != PlaceKind::City
        || p.population >= LARGE_CITY
        || dateline_place.is_some_and(|d| d.eq_ignore_ascii_case(surface))
    {
        return false;
    }
    joined_to_capitalised(text, toks, f.start, f.end)
        || (sentence_start && !appears_mid_sentence(toks, surface))
}

/// Whether a word starting at byte `start` opens a sentence.
fn opens_sentence(toks: &[Token<'_>], start: usize) -> bool {
    toks.get(toks.partition_point(|t| t.start < start))
        .is_some_and(|t| t.start == start && t.sentence_start)
}

/// Whether the words at `start..end` of `text` are joined — by one space or a hyphen, within a
/// sentence — to a capitalised word before or after them.
fn joined_to_capitalised(text: &str, toks: &[Token<'_>], start: usize, end: usize) -> bool {
    let joined = |gap: &str| gap == " " || gap == "-";
    let first = toks.partition_point(|t| t.start < start);
    let starts_sentence = toks.get(first).is_none_or(|t| t.sentence_start);
    let before = !starts_sentence
        && first
            .checked_sub(1)
            .is_some_and(|b| toks[b].is_capitalised() && joined(&text[toks[b].end..start]));
    let after = toks
        .get(toks.partition_point(|t| t.start < end))
        .is_some_and(|t| !t.sentence_start && t.is_capitalised() && joined(&text[end..t.start]));
    before || after
}

/// [`find`] on hits already computed for `text`.
fn find_with_hits(
    res: &Resources,
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token<'_>],
    hits: &[crate::gazetteer::Hit],
    dateline_place: Option<&str>,
) -> Vec<Found> {
    // Countries the story names, for deciding ambiguous places.
    let mut countries = StoryCountries::default();
    for h in hits {
        for t in &h.targets {
            match *t {
                Target::Place(i) if res.places[i].kind == PlaceKind::Country => {
                    countries.named.insert(&res.places[i].country);
                }
                Target::Demonym(i) => {
                    countries.named.insert(&res.places[i].country);
                    countries.peoples.insert(&res.places[i].country);
                }
                _ => {}
            }
        }
        // A name that can only be a region of one country ("Idaho", "Ontario"; not "Georgia",
        // not "Washington").
        if let [Target::Place(i)] = h.targets[..] {
            if res.places[i].kind == PlaceKind::State {
                countries.division(h.start, &res.places[i]);
            }
        }
    }
    countries.dateline(res, gaz, text, hits, dateline_place);
    countries.hits = hits;
    countries.ap_states(res, text);

    let mut cands: Vec<Candidate> = Vec::new();
    for h in hits {
        let surface = &text[h.start..h.end];
        // Tokens are in text order: the one the hit starts at, if any.
        let Ok(ti) = toks.binary_search_by_key(&h.start, |t| t.start) else {
            continue;
        };
        let single_word = !surface.contains(' ');
        let common = single_word
            && res
                .common_words
                .contains(crate::text::lowercase(surface).as_ref());
        let best = h
            .targets
            .iter()
            .copied()
            .max_by_key(|t| priority(res, *t))
            .unwrap_or(h.targets[0]);
        let found = match best {
            Target::Kb(i) => {
                // An ordinary word opening a sentence is no name ("Who"), unless written in
                // capitals in a sentence that is not ("WHO Director-General Tedros").
                let shouted =
                    |t: &Token<'_>| t.text.len() >= 2 && !t.text.contains(char::is_lowercase);
                let acronym = shouted(&toks[ti]) && !toks.get(ti + 1).is_some_and(shouted);
                if common
                    && toks[ti].sentence_start
                    && !acronym
                    && !appears_mid_sentence(toks, surface)
                {
                    continue;
                }
                Found::kb(
                    res,
                    i,
                    (h.start, h.end),
                    if single_word { 0.85 } else { 0.95 },
                )
            }
            Target::Demonym(_) => {
                // A demonym shared by several countries ("Indian") names the most populous.
                let Some(i) = demonym_country(res, h) else {
                    continue;
                };
                if common && toks[ti].sentence_start && !appears_mid_sentence(toks, surface) {
                    continue;
                }
                Found::demonym(res, i, (h.start, h.end), 0.9)
            }
            Target::Place(_)
                if NOT_NAMES.contains(&surface) || COMMON_ACRONYMS.contains(&surface) =>
            {
                continue
            }
            // A storm's kind before its name is no town ("Hurricane Melissa": Hurricane,
            // Utah).
            Target::Place(_)
                if matches!(surface, "Hurricane" | "Typhoon" | "Cyclone" | "Storm")
                    && text[h.end..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.starts_with(char::is_uppercase)) =>
            {
                continue
            }
            Target::Place(_) => {
                let is_country =
                    matches!(best, Target::Place(i) if res.places[i].kind == PlaceKind::Country);
                let in_dateline = dateline_place.is_some_and(|d| d.eq_ignore_ascii_case(surface));
                if common && !is_country && !in_dateline && !place_context(text, toks, ti) {
                    continue;
                }
                let context = PlaceContext::of(&countries, text, h.start, h.end);
                let chosen = choose_place(res, &h.targets, surface, &countries, context);
                if let Some((i, confidence)) = chosen {
                    // A German article makes a capitalised word a noun, not a town: German writes
                    // countries and regions with one ("die Ukraine"), towns without ("die Lage in
                    // der Ukraine" was in Lage, North Rhine-Westphalia).
                    let german_noun = res.places[i].kind == PlaceKind::City
                        && ti > 0
                        && GERMAN_ARTICLES.contains(&toks[ti - 1].text);
                    if german_noun
                        || countries.small_town_by_another_name(res, i, surface)
                        || countries.small_town_abroad(res, i)
                    {
                        continue;
                    }
                    Found::place(res, i, (h.start, h.end), confidence)
                } else {
                    Found::unlinked(text, MentionKind::Place, (h.start, h.end), 0.7)
                }
            }
        };
        cands.push(Candidate {
            start: h.start,
            end: h.end,
            priority: f32::from(priority(res, best)),
            found,
        });
    }
    title_people(text, toks, &mut cands);
    // Places in the possessive ("Britain's Supreme Court") are no part of a body's name.
    let possessive_places: HashSet<usize> = hits
        .iter()
        .filter(|h| POSSESSIVES.iter().any(|p| text[h.end..].starts_with(p)))
        .filter(|h| {
            h.targets
                .iter()
                .any(|t| matches!(t, Target::Place(_) | Target::Demonym(_)))
        })
        .map(|h| h.start)
        .collect();
    // Where names the gazetteer knows begin: a hyphen joins no name to one of them
    // ("IMF-World Bank" names two bodies).
    let known_starts: HashSet<usize> = hits.iter().map(|h| h.start).collect();
    org_runs(
        res,
        text,
        toks,
        (&possessive_places, &known_starts),
        &mut cands,
    );

    // Longest first, then priority, then leftmost; accept what does not overlap.
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.priority.total_cmp(&a.priority))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out: Vec<Found> = Vec::new();
    for c in cands {
        if taken.iter().any(|&(s, e)| c.start < e && s < c.end) {
            continue;
        }
        taken.push((c.start, c.end));
        out.push(c.found);
    }
    out.sort_by_key(|f| f.start);
    abbreviated_states(res, &countries, &mut out);
    consistency(text, toks, &mut out);
    out
}

/// A lone word the tagger took for a name only because it opens its sentence ("Cancer is the
/// second-leading cause of death"): an ordinary word — a common one, or one the story itself
/// writes in lower case ("the country's cancer mortality rate") — nowhere written with a
/// capital inside a sentence, and no gazetteer or knowledge-base name. `before` are the
/// sentence's words before it (quote marks and the like allowed).
fn ordinary_word_at_start(
    res: &Resources,
    text: &str,
    toks: &[Token<'_>],
    before: &[(usize, usize)],
    (start, end): (usize, usize),
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
) -> bool {
    let surface = &text[start..end];
    // The first word after a dateline's dash opens the story's sentence ("LONDON (Reuters) -
    // Floods swept …").
    let after_dateline = text[..start]
        .trim_end()
        .strip_suffix(['-', '\u{2014}', '\u{2013}'])
        .is_some_and(|p| p.trim_end().ends_with(')'));
    (after_dateline
        || before
            .iter()
            .all(|&(s, e)| !text[s..e].chars().any(char::is_alphanumeric)))
        && !exact.contains_key(&(start, end))
        && {
            let lower = crate::text::lowercase(surface);
            res.common_words.contains(lower.as_ref())
                || res.topic_words.contains(lower.as_ref())
                || toks.iter().any(|t| t.text == lower)
        }
        && !toks
            .iter()
            .any(|t| t.text == surface && !t.sentence_start && t.start != start)
}

/// An ordinary word before a number is no name: "a Category 4 storm", "IAM District 751",
/// "Section 230".
fn numbered_word(
    res: &Resources,
    text: &str,
    (start, end): (usize, usize),
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
) -> bool {
    text[end..].strip_prefix(' ').is_some_and(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        // Not a score or a bowling figure after a player's name ("Law 2-0-23-0").
        digits > 0 && !matches!(rest.as_bytes().get(digits), Some(b'-' | b'.' | b'/' | b':'))
    }) && !exact.contains_key(&(start, end))
        && res
            .common_words
            .contains(crate::text::lowercase(&text[start..end]).as_ref())
}

/// Whether a name of several words is followed by its acronym in brackets ("Christian
/// Democratic Union (CDU)", "Belarusian Republican Youth Union (BRSM)" does not match, its
/// acronym being Belarusian): the initials of its capitalised words. People are not introduced
/// that way; organisations are.
fn spelled_out_acronym(words: &[&str], after: &str) -> bool {
    let Some(acronym) = after
        .strip_prefix(" (")
        .and_then(|r| r.split_once(')'))
        .map(|(a, _)| a)
    else {
        return false;
    };
    let initials: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    words.len() >= 2
        && initials.chars().count() >= 2
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && acronym == initials
}

/// Does `surface` occur capitalised somewhere not at a sentence start?
fn appears_mid_sentence(toks: &[Token<'_>], surface: &str) -> bool {
    toks.iter().any(|t| t.text == surface && !t.sentence_start)
}

/// A common-word place is a place after a place preposition ("in Reading") or before
/// ", Country" ("Nice, France").
fn place_context(text: &str, toks: &[Token<'_>], ti: usize) -> bool {
    let after_prep = ti > 0 && !toks[ti].sentence_start && PLACE_PREPS.contains(toks[ti - 1].text);
    let before_region = text[toks[ti].end..].starts_with(", ")
        && toks.get(ti + 1).is_some_and(Token::is_capitalised);
    after_prep || before_region
}

/// The countries a story points to, for choosing among places that share a name.
#[derive(Default)]
struct StoryCountries<'a> {
    /// Countries it names, or names the people of ("US", "Russian").
    named: HashSet<&'a str>,
    /// Countries it names the people of ("Russian", "Georgian").
    peoples: HashSet<&'a str>,
    /// Countries one of whose regions it names ("Idaho", "Ontario"): a firmer sign that the
    /// story happens there than a country named in passing ("the US embassy in Moscow").
    regions: HashSet<&'a str>,
    /// US states it names, by where their names start ("Moscow, Idaho").
    divisions: HashMap<usize, &'a crate::resources::Place>,
    /// The gazetteer's hits in the story (ordered by end), for the town before a state
    /// ("Atlanta, Georgia").
    hits: &'a [crate::gazetteer::Hit],
    /// US states written as the AP abbreviates them after a town ("Portland, Ore."): the
    /// abbreviation's span without its last full stop, and the state.
    abbreviated: Vec<(usize, usize, usize)>,
    /// The country of the dateline's town.
    dateline: Option<&'a str>,
}

impl<'a> StoryCountries<'a> {
    /// Notes the country of the dateline's town (its most populous reading), a lesser sign
    /// than a country named: "MADRID (EFE).- … Valencia" is Valencia, Spain, not the larger
    /// Valencia, Venezuela, but "WASHINGTON (AP) — … Athens" is still Athens, Greece. A place
    /// the item's metadata gives and the text does not write (a NITF `<dateline>` element's
    /// "Sydney") is looked up by itself; a town with its country ("London, England") by the
    /// town.
    fn dateline(
        &mut self,
        res: &'a Resources,
        gaz: &Gazetteer,
        text: &str,
        hits: &[crate::gazetteer::Hit],
        dateline_place: Option<&str>,
    ) {
        let Some(place) = dateline_place else { return };
        let town_of = |h: &crate::gazetteer::Hit| {
            h.targets
                .iter()
                .filter_map(|t| match *t {
                    Target::Place(i) if res.places[i].kind == PlaceKind::City => Some(i),
                    _ => None,
                })
                .max_by_key(|&i| res.places[i].population)
        };
        // The town, before the state or country that may follow it ("London, England").
        let town = place.split(',').next().unwrap_or(place).trim();
        let written = hits
            .iter()
            .take_while(|h| h.start < 200)
            .find(|h| text[h.start..h.end].eq_ignore_ascii_case(town));
        let town = match written {
            Some(h) => town_of(h),
            None => gaz
                .hits(town)
                .iter()
                .find(|h| (h.start, h.end) == (0, town.len()))
                .and_then(town_of),
        };
        self.dateline = town.map(|i| res.places[i].country.as_str());
    }

    /// Whether place `i` is a US town under 300,000 in none of the US states the story
    /// names while it names some: the wire gives the state of a town outside the story's
    /// ("Kent, Wash."), so a bare "Kent" in a story about Connecticut is a town the gazetteer
    /// lacks, not Kent, Washington — left unlinked.
    fn small_us_town_out_of_state(&self, res: &Resources, i: usize) -> bool {
        let p = &res.places[i];
        let mut states = self
            .divisions
            .values()
            .filter(|d| d.country == "US")
            .map(|d| d.admin1.as_str())
            .chain(
                self.abbreviated
                    .iter()
                    .map(|&(_, _, s)| res.places[s].admin1.as_str()),
            )
            .peekable();
        p.kind == PlaceKind::City
            && p.country == "US"
            && p.population < TEAM_CITY
            && states.peek().is_some()
            && !states.any(|s| s == p.admin1)
    }

    /// Whether place `i` is a town under 100,000 in a country neither the story nor its
    /// dateline names, in a story whose dateline's town the gazetteer knows: "Aston Villa at
    /// Villa Park" in copy filed from London was Villa Park, Illinois — a stadium or a village
    /// the gazetteer lacks, left unlinked.
    fn small_town_abroad(&self, res: &Resources, i: usize) -> bool {
        let p = &res.places[i];
        p.kind == PlaceKind::City
            && p.population < SMALL_TOWN
            && self.dateline.is_some_and(|d| d != p.country)
            && !self.contains(&p.country)
    }

    /// Whether place `i` is a town under 100,000 that `surface` names by one of its other names
    /// only (not its own), in a country the story does not name: "Ram" (a Ram temple in India)
    /// was Ar Rām, a town in the West Bank, by an alias.
    fn small_town_by_another_name(&self, res: &Resources, i: usize, surface: &str) -> bool {
        let p = &res.places[i];
        // Its own name, a letter with a diacritic written plain at most ("Zurich").
        let own = p.name.chars().count() == surface.chars().count()
            && p.name.chars().zip(surface.chars()).all(|(n, s)| {
                n.eq_ignore_ascii_case(&s) || (!n.is_ascii() && s.is_ascii_alphabetic())
            });
        p.kind == PlaceKind::City && p.population < SMALL_TOWN && !own && !self.contains(&p.country)
    }

    /// Notes a division of a country named at byte `start`.
    fn division(&mut self, start: usize, place: &'a crate::resources::Place) {
        self.regions.insert(&place.country);
        if !place.admin1.is_empty() {
            self.divisions.insert(start, place);
        }
    }

    /// Notes the US states `text` writes as the AP abbreviates them after a comma ("CAPE
    /// CANAVERAL, Fla. (AP) —", "Portland, Ore."): divisions of the US, as if named.
    fn ap_states(&mut self, res: &'a Resources, text: &str) {
        for comma in memchr::memmem::find_iter(text.as_bytes(), b", ") {
            let at = comma + 2;
            let rest = &text[at..];
            // Most commas are followed by a word in lower case; an abbreviation has a full stop
            // within its first six bytes.
            let head = &rest.as_bytes()[..rest.len().min(6)];
            if !head.first().is_some_and(u8::is_ascii_uppercase) || !head.contains(&b'.') {
                continue;
            }
            let Some(&(abbr, code)) = AP_STATES.iter().find(|(abbr, _)| {
                rest.strip_prefix(abbr)
                    .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
            }) else {
                continue;
            };
            if let Some(&i) = res.us_states.get(code) {
                self.division(at, &res.places[i]);
                self.abbreviated.push((at, at + abbr.len() - 1, i));
            }
        }
    }

    /// The candidates of the name (the longest) ending right before a place starting at byte
    /// `start`: "Atlanta" in "Atlanta, Georgia".
    fn town_before(&self, text: &str, start: usize) -> Option<&'a [Target]> {
        let end = text[..start].trim_end_matches(' ').strip_suffix(',')?.len();
        let from = self.hits.partition_point(|h| h.end < end);
        self.hits
            .get(from)
            .filter(|h| h.end == end)
            .map(|h| h.targets.as_slice())
    }

    /// The division named right after a place ending at byte `end`: "Moscow, Idaho".
    fn division_after(&self, text: &str, end: usize) -> Option<&'a crate::resources::Place> {
        let after = text[end..].strip_prefix(',')?.trim_start_matches(' ');
        self.divisions.get(&(text.len() - after.len())).copied()
    }

    fn contains(&self, country: &str) -> bool {
        self.named.contains(country) || self.regions.contains(country)
    }

    /// Whether a name shared by country `c` and state `s` ("Georgia") is the state: the story
    /// abbreviates the state after a town ("PLAINS, Ga. (AP)") or names another region of the
    /// state's country ("Texas", "Arkansas", "Tennessee"), and names neither the country's
    /// people ("Georgian") nor one of its regions ("South Ossetia") nor files from the country.
    fn state_not_country(&self, res: &Resources, c: usize, s: usize) -> bool {
        let (country, state) = (&res.places[c].country, &res.places[s].country);
        let abbreviated = self.abbreviated.iter().any(|&(_, _, a)| a == s);
        (abbreviated || self.regions.contains(state.as_str()))
            && !self.peoples.contains(country.as_str())
            && !self.regions.contains(country.as_str())
            && self.dateline != Some(country.as_str())
    }

    /// What a place in `country` gains over its population's order of magnitude: a city ten
    /// times another's size still wins when only its rival's country is named (Moscow, not
    /// Moscow, Idaho, in a story naming the US), thirty times when a region is named.
    fn bonus(&self, country: &str) -> f32 {
        if self.regions.contains(country) {
            1.5
        } else if self.named.contains(country) {
            1.0
        } else if self.dateline == Some(country) {
            0.3
        } else {
            0.0
        }
    }
}

/// What the words around a place at `start..end` say it is: the division named after it
/// ("Moscow, Idaho"), or a region ("New York state", "upstate New York", "New York Governor").
#[derive(Clone, Copy, Default)]
struct PlaceContext<'a> {
    within: Option<&'a crate::resources::Place>,
    /// The candidates of a town named right before it ("Atlanta, Georgia").
    after_town: Option<&'a [Target]>,
    region: bool,
}

impl<'a> PlaceContext<'a> {
    fn of(countries: &StoryCountries<'a>, text: &str, start: usize, end: usize) -> Self {
        let after = &text[end..];
        let region = [
            "state", "State", "province", "Province", "governor", "Governor", "Gov.",
        ]
        .iter()
        .any(|w| {
            after
                .strip_prefix(' ')
                .and_then(|a| a.strip_prefix(w))
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        }) || ["upstate ", "Upstate "]
            .iter()
            .any(|w| text[..start].ends_with(w));
        PlaceContext {
            within: countries.division_after(text, end),
            after_town: countries.town_before(text, start),
            region,
        }
    }
}

/// Picks among places sharing a name: what the words around it say (a city in the division
/// named right after it, "Moscow, Idaho"; a region, "New York state"), countries and regions
/// first, then the city with the best mix of population and the story's countries. Returns
/// (index, confidence); `None` where the words around it name a division none of the
/// candidates lies in (the place is then left unlinked).
fn choose_place(
    res: &Resources,
    targets: &[Target],
    surface: &str,
    countries: &StoryCountries,
    context: PlaceContext,
) -> Option<(usize, f32)> {
    let mut places: Vec<usize> = targets
        .iter()
        .filter_map(|t| match *t {
            Target::Place(i) => Some(i),
            _ => None,
        })
        .collect();
    // A city of that very name beats a city of its country whose name it extends and which
    // has it among its other names: "New Delhi" is New Delhi, not Delhi, whose names include
    // "New Delhi". (Not the other way round: "Halle" is Halle (Saale), "Matamoros" Heroica
    // Matamoros, whatever smaller towns have those names.)
    let own_name = |i: usize| {
        res.places[i].kind == PlaceKind::City && res.places[i].name.eq_ignore_ascii_case(surface)
    };
    // A city whose name is part of the surface, in any ASCII case ("Delhi" in "NEW DELHI").
    let extended = |i: usize| {
        let name = res.places[i].name.as_bytes();
        res.places[i].kind == PlaceKind::City
            && name.len() < surface.len()
            && surface
                .as_bytes()
                .windows(name.len())
                .any(|w| w.eq_ignore_ascii_case(name))
    };
    if places.iter().any(|&i| extended(i)) {
        let named: Vec<&str> = places
            .iter()
            .filter(|&&i| own_name(i))
            .map(|&i| res.places[i].country.as_str())
            .collect();
        places.retain(|&i| !extended(i) || !named.contains(&res.places[i].country.as_str()));
    }
    if let Some(d) = context.within {
        match places.iter().find(|&&i| {
            let p = &res.places[i];
            p.kind == PlaceKind::City && p.country == d.country && p.admin1 == d.admin1
        }) {
            Some(&i) => return Some((i, 0.95)),
            // A town of the division the gazetteer lacks, not a namesake elsewhere
            // ("BOCA CHICA, Texas" was Boca Chica in the Dominican Republic).
            None if places
                .iter()
                .all(|&i| res.places[i].kind == PlaceKind::City) =>
            {
                return None
            }
            None => {}
        }
    }
    // The state a town just named lies in ("Atlanta, Georgia": not the country).
    if let Some(towns) = context.after_town {
        let town_in = |s: &crate::resources::Place| {
            towns.iter().any(|t| {
                matches!(*t, Target::Place(j) if res.places[j].kind == PlaceKind::City
                    && res.places[j].country == s.country
                    && res.places[j].admin1 == s.admin1)
            })
        };
        if let Some(&i) = places.iter().find(|&&i| {
            let s = &res.places[i];
            s.kind == PlaceKind::State && !s.admin1.is_empty() && town_in(s)
        }) {
            return Some((i, 0.95));
        }
    }
    if let Some(&i) = places
        .iter()
        .find(|&&i| res.places[i].kind == PlaceKind::Country)
    {
        let state = places.iter().copied().find(|&s| {
            res.places[s].kind == PlaceKind::State && countries.state_not_country(res, i, s)
        });
        return Some(state.map_or((i, 0.95), |s| (s, 0.8)));
    }
    // A region, unless a large city shares its name: wire copy's "Washington" and "New York"
    // are the cities ...
    let big_city = places
        .iter()
        .copied()
        .filter(|&i| res.places[i].kind == PlaceKind::City && res.places[i].population >= 500_000)
        .max_by_key(|&i| res.places[i].population);
    // Of regions sharing a name ("Punjab" in India and in Pakistan), the one in a country the
    // story names.
    let regions: Vec<usize> = places
        .iter()
        .copied()
        .filter(|&i| matches!(res.places[i].kind, PlaceKind::State | PlaceKind::Continent))
        .collect();
    let region = regions
        .iter()
        .copied()
        .find(|&i| countries.contains(res.places[i].country.as_str()))
        .or_else(|| regions.first().copied());
    let in_story = |i: usize| countries.contains(res.places[i].country.as_str());
    if let (Some(i), true) = (region, context.region) {
        return Some((i, 0.9));
    }
    match (region, big_city) {
        (Some(i), None) => {
            let sure = regions.len() == 1 || in_story(i);
            return Some((i, if sure { 0.85 } else { 0.6 }));
        }
        // ... or unless the story is in the region's country and not the city's: Victoria in
        // Australian copy is the state, not Hong Kong's Victoria.
        (Some(i), Some(c)) if in_story(i) && !in_story(c) => return Some((i, 0.8)),
        _ => {}
    }
    let score = |i: usize| {
        let p = &res.places[i];
        (p.population.max(1) as f32).log10() + countries.bonus(&p.country)
    };
    let mut scored: Vec<(usize, f32)> = places.iter().map(|&i| (i, score(i))).collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    let &(best, best_score) = scored.first()?;
    let margin = scored.get(1).map_or(3.0, |s| best_score - s.1);
    let confidence = (0.55 + 0.12 * margin).clamp(0.4, 0.92);
    Some((best, confidence))
}

/// Whether the word at `start..end` is a month or weekday name, or its abbreviation, next to a
/// number: a date ("Jan 3", "3 January 2026", "Mon. 12"), not a name.
fn date_word(text: &str, start: usize, end: usize) -> bool {
    const WEEKDAY_ABBREVIATIONS: [&str; 7] = ["Mon", "Tue", "Tues", "Wed", "Thu", "Fri", "Sat"];
    let word = &text[start..end];
    if !NOT_NAMES.contains(&word)
        && !MONTH_ABBREVIATIONS.contains(&word)
        && !WEEKDAY_ABBREVIATIONS.contains(&word)
    {
        return false;
    }
    let after = text[end..].trim_start_matches(['.', ' ', ',']);
    let before = text[..start].trim_end_matches(' ');
    after.starts_with(|c: char| c.is_ascii_digit())
        || before.ends_with(|c: char| c.is_ascii_digit())
}

/// Months as the wire abbreviates them ("Nov. 5", "Sept 30").
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Whether `word` is a month's name, in full or abbreviated ("November", "Nov", "Sept"): the
/// months of [`NOT_NAMES`], after its weekdays, and [`MONTH_ABBREVIATIONS`].
pub(crate) fn month_word(word: &str) -> bool {
    NOT_NAMES[7..].contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

/// Lists of lower-case ASCII words, looked up in any ASCII case through a hash set built on
/// first use (the lists are asked about every capitalised word of every story).
struct Words {
    lists: &'static [&'static [&'static str]],
    /// The words' bytes: a lower-cased word is looked up without a UTF-8 check.
    set: std::sync::OnceLock<HashSet<&'static [u8]>>,
}

impl Words {
    const fn new(lists: &'static [&'static [&'static str]]) -> Self {
        Words {
            lists,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words or the plural of one ("Muslims", "automakers",
    /// "companies").
    fn contains_or_plural(&self, word: &str) -> bool {
        self.contains(word)
            || word.strip_suffix('s').is_some_and(|w| self.contains(w))
            || word
                .strip_suffix("ies")
                .is_some_and(|w| self.contains(&format!("{w}y")))
    }

    /// Whether `word`, in ASCII lower case, is one of the words (no copy on the heap).
    fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 24];
        let Some(lower) = buf.get_mut(..word.len()) else {
            return false;
        };
        for (l, b) in lower.iter_mut().zip(word.bytes()) {
            *l = b.to_ascii_lowercase();
        }
        let lower: &[u8] = lower;
        self.set
            .get_or_init(|| {
                self.lists
                    .iter()
                    .flat_map(|l| l.iter().map(|w| w.as_bytes()))
                    .collect()
            })
            .contains(lower)
    }
}

/// Names after a title: "President Lukashenko", "spokesman Price", "Prime Minister Boris
/// Johnson".
fn title_people(text: &str, toks: &[Token<'_>], cands: &mut Vec<Candidate>) {
    let is_title = |t: &Token<'_>| TITLES.contains(t.text);
    let mut i = 0;
    while i < toks.len() {
        if !is_title(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && is_title(&toks[j]) && adjacent(text, &toks[j - 1], &toks[j]) {
            j += 1;
        }
        let first = j;
        while j < toks.len()
            && j - first < 3
            && toks[j].is_capitalised()
            && !toks[j].sentence_start
            && !NOT_NAMES.contains(&toks[j].text)
            && adjacent(text, &toks[j - 1], &toks[j])
        {
            j += 1;
        }
        // Not where the run ends in a word for a body, an event or a place: the title word is
        // then part of that name ("Premier League", "President Cup", "Minister Hotel").
        let head = |last: &str| {
            ORG_HEADS.contains(last)
                || EVENT_HEADS.contains(last)
                || PLACE_HEADS.contains(last)
                || matches!(last, "League" | "Hotel")
        };
        // Nor where a suffix is all that follows ("Martin Luther King Jr.").
        let suffix_only = j == first + 1 && name_suffix(toks[first].text);
        if j > first && !head(toks[j - 1].text) && !suffix_only {
            let (start, end) = (toks[first].start, toks[j - 1].end);
            cands.push(Candidate {
                start,
                end,
                priority: 8.5,
                found: Found {
                    start,
                    end,
                    kind: MentionKind::Person,
                    name: text[start..end].to_string(),
                    uri: None,
                    confidence: 0.8,
                    origin: Origin::Title,
                },
            });
        }
        i = j.max(i + 1);
    }
}

/// Are two tokens separated by plain spaces only (same clause)?
fn adjacent(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = &text[a.end..b.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '.') && gap.len() <= 2
}

/// Capitalised runs that contain an organisation head word; a run neither starts at nor goes
/// over a place in the possessive (`possessive_places`, by byte start), and a hyphen joins
/// its words unless a name the gazetteer knows starts after it (`known_starts`).
fn org_runs(
    res: &Resources,
    text: &str,
    toks: &[Token<'_>],
    (possessive_places, known_starts): (&HashSet<usize>, &HashSet<usize>),
    cands: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_capitalised() || possessive_places.contains(&toks[i].start) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last_cap = i;
        // Capitalised words joined by a hyphen are one word of the name ("World Anti-Doping
        // Agency" gave "World" and "Doping Agency").
        let hyphenated = |a: &Token<'_>, b: &Token<'_>| {
            &text[a.end..b.start] == "-"
                && a.is_capitalised()
                && b.is_capitalised()
                && !all_capitals(a.text)
                && !known_starts.contains(&b.start)
                // Nor to a place's name ("Tufts-New England Medical Center").
                && !matches!(
                    b.text,
                    "New" | "North" | "South" | "East" | "West" | "Saint" | "San" | "Santa"
                )
        };
        while j < toks.len()
            && (adjacent(text, &toks[j - 1], &toks[j]) || hyphenated(&toks[j - 1], &toks[j]))
            && !possessive_places.contains(&toks[j].start)
            // A name of several words in the possessive ends the run ("Taylor Swift's Eras
            // Tour"); one word may be the name's own ("McDonald's Corp").
            && !(j - 1 > i && POSSESSIVES.iter().any(|p| toks[j - 1].text.ends_with(p)))
        {
            // A weekday or month after a connector is a date, not more of the name ("… Exchange
            // on Tuesday").
            if (NOT_NAMES.contains(&toks[j].text) || date_word(text, toks[j].start, toks[j].end))
                && CONNECTORS.contains(&toks[j - 1].text)
            {
                break;
            }
            // "and" joins two ordinary words written with capitals in a body's name
            // ("Competition and Markets Authority", "Trade and Industry Ministry"), never two
            // names ("Microsoft and Apple Inc"), nor a name ending in its head or a title and
            // another ("Fiat Group and General Motors", "Justice Department and …"), nor a
            // name and one opening with "The" ("Financial Times and The Wall Street Journal").
            let ordinary = |t: &Token<'_>| {
                t.is_capitalised()
                    && t.text.chars().skip(1).any(char::is_lowercase)
                    && !ORG_HEADS.contains(t.text)
                    && !TITLES.contains(t.text)
                    && res.english_word(crate::text::lowercase(t.text).as_ref())
            };
            // The word after "and" may be a head itself where the name goes on past it
            // ("Aviation and Railway Accident Investigation Board").
            let goes_on = toks
                .get(j + 2)
                .is_some_and(|t| t.is_capitalised() && adjacent(text, &toks[j + 1], t));
            // "Research" before "and" is the field, the name going on past it ("National
            // Research and Innovation Agency" gave "National Research" and "Innovation Agency").
            let field =
                toks[j - 1].text == "Research" && goes_on && toks.get(j + 1).is_some_and(&ordinary);
            let joins = toks[j].text == "and"
                && j == last_cap + 1
                && (ordinary(&toks[j - 1]) || field)
                && toks.get(j + 1).is_some_and(|t| {
                    (ordinary(t) || goes_on && ORG_HEADS.contains(t.text))
                        && !t.sentence_start
                        && t.text != "The"
                });
            // A model's code ends the name ("US Air Force F-15E fighters" gave the body "US
            // Air Force F").
            if toks[j].text.len() <= 2
                && text[toks[j].end..]
                    .strip_prefix('-')
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            {
                break;
            }
            // A flight's number ends the airline's name ("Alaska Airlines" + "Flight 1282").
            let flight = toks[j].text == "Flight"
                && toks
                    .get(j + 1)
                    .is_some_and(|t| t.text.bytes().all(|c| c.is_ascii_digit()));
            if flight {
                break;
            }
            // A place the gazetteer knows, then "for", is no body's name ("in New York for
            // the UN General Assembly").
            let place_for = toks[j].text == "for"
                && known_starts.contains(&toks[i].start)
                && toks[i..j].iter().all(|t| !ORG_HEADS.contains(t.text));
            if place_for {
                break;
            }
            // A title, with the words that open it, after a body's head and before a
            // capitalised word ends the body's name ("Federal Emergency Management Agency
            // Administrator Deanne Criswell", "Supreme Court Justice Sonia Sotomayor",
            // "Chrysler Group Chief Operating Officer Wolfgang Bernhard"); not a title joined by
            // a connector ("Court of Justice"), nor one after a portfolio ("Saudi Energy
            // Minister").
            if TITLES.contains(toks[j].text)
                && toks[j].is_capitalised()
                && !matches!(toks[j].text, "Minister" | "Secretary" | "Commissioner")
                && toks
                    .get(j + 1)
                    .is_some_and(|t| t.is_capitalised() && adjacent(text, &toks[j], t))
            {
                let mut head = j - 1;
                while head > i && TITLE_MODIFIERS.contains(&toks[head].text) {
                    head -= 1;
                }
                if head > i
                    && ORG_HEADS.contains(toks[head].text)
                    && !CONNECTORS.contains(&toks[j - 1].text)
                {
                    last_cap = head;
                    break;
                }
            }
            if toks[j].is_capitalised() && !toks[j].sentence_start {
                last_cap = j;
            } else if !CONNECTORS.contains(&toks[j].text) && !joins {
                break;
            }
            j += 1;
        }
        let mut first = i;
        // Nor is an article opening the sentence ("A Brazilian Supreme Court justice"), where
        // no name the gazetteer knows opens with it ("A Coruna").
        let article = toks[first].sentence_start
            && matches!(toks[first].text, "A" | "An")
            && !known_starts.contains(&toks[first].start);
        if toks[first].text == "The" || article {
            first += 1;
        } else if toks[first].sentence_start && FUNCTION_WORDS.contains(toks[first].text) {
            // "At Villa Park", "During the Bangladesh Liberation War".
            first += 1;
            while first < last_cap && !toks[first].is_capitalised() {
                first += 1;
            }
        }
        // A weekday or month opening the run is no part of the name ("Monday for Labour Day"),
        // unless "of" joins it to one ("March of Dimes"); nor is a word for where a body stands
        // ([`STANDING_WORDS`]: "Former University of Louisville coach …").
        while first < last_cap
            && (NOT_NAMES.contains(&toks[first].text) || STANDING_WORDS.contains(&toks[first].text))
            && toks[first + 1].text != "of"
        {
            first += 1;
            while first < last_cap && !toks[first].is_capitalised() {
                first += 1;
            }
        }
        // A sentence's first word joined by a connector is no part of the name ("Shares of HSBC
        // Holdings Plc"), unless it is the head ("Bank of America"); so is the first word after
        // a dateline's dash ("TOKYO (Reuters) - Shares of Nissan Motor Co").
        // Or after a dateline's agency with no dash ("MUMBAI, Nov 8 (PTI) Shares of Tata
        // Motors fell").
        let opens_clause = |t: &Token<'_>| {
            let before = text[..t.start].trim_end();
            t.sentence_start
                || before.ends_with(['-', '\u{2014}', '\u{2013}'])
                || before
                    .strip_suffix(')')
                    .and_then(|b| b.rsplit_once('('))
                    .is_some_and(|(_, agency)| agency_initials(agency))
        };
        if toks
            .get(first)
            .is_some_and(|t| opens_clause(t) && !ORG_HEADS.contains(t.text))
        {
            if let Some(c) = (first + 1..last_cap).find(|&k| !toks[k].is_capitalised()) {
                if c == first + 1 {
                    first = (c + 1..=last_cap)
                        .find(|&k| toks[k].is_capitalised())
                        .unwrap_or(last_cap);
                }
            }
        }
        let run = &toks[first..=last_cap.max(first).min(toks.len() - 1)];
        // A function word in capitals makes the run a headline, not a name ("LEADING MONEY
        // WINNERS ON EUROPEAN TOUR").
        let headline = run.iter().any(|t| {
            t.text.len() >= 2
                && t.text.bytes().all(|b| b.is_ascii_uppercase())
                && (FUNCTION_WORDS.contains(t.text)
                    || CONNECTORS.contains(&crate::text::lowercase(t.text).as_ref()))
        });
        // A club named after its county, by its score, is left to the tagger.
        let club_by_score =
            county_club_by_score(toks[last_cap].text, toks.get(last_cap + 1).map(|t| t.text));
        let kind = (run.len() >= 2 && first <= last_cap && !headline && !club_by_score)
            .then(|| run_kind(run))
            .flatten()
            .map(|k| match k {
                MentionKind::Place
                    if institution_speaks(text, toks[first].start, toks[last_cap].end) =>
                {
                    MentionKind::Organisation
                }
                k => k,
            });
        if let Some(kind) = kind {
            // A possessive ending the run is no part of the name ("… Organisation's chairman").
            let last = toks[last_cap].text;
            let possessive = POSSESSIVES
                .iter()
                .find(|p| last.len() > p.len() && last.ends_with(*p))
                .map_or(0, |p| p.len());
            let (start, mut end) = (toks[first].start, toks[last_cap].end - possessive);
            // A knowledge-base company with its legal form is that company, the form's full
            // stop included ("NEW YORK (AP) — Boeing Co. said" was the unlinked "Boeing Co").
            let legal_form = possessive == 0
                && last_cap > first
                && matches!(last, "Co" | "Corp" | "Inc" | "Ltd" | "Plc" | "PLC");
            let company = legal_form
                .then(|| {
                    let before = toks[last_cap - 1].end;
                    cands.iter().find(|c| {
                        (c.start, c.end) == (start, before)
                            && matches!(c.found.origin, Origin::Kb(i)
                                if res.kb[i].kind == KbKind::Organisation)
                    })
                })
                .flatten()
                .map(|c| c.found.clone());
            if company.is_some() && text[end..].starts_with('.') {
                end += 1;
            }
            let found = match company {
                Some(f) => Found {
                    start,
                    end,
                    confidence: f.confidence.max(0.85),
                    ..f
                },
                None => Found {
                    start,
                    end,
                    kind,
                    name: text[start..end].to_string(),
                    uri: None,
                    confidence: 0.7,
                    origin: Origin::OrgHead,
                },
            };
            cands.push(Candidate {
                start,
                end,
                // A place the gazetteer knows by the same span keeps its link.
                priority: if kind == MentionKind::Place { 3.5 } else { 7.5 },
                found,
            });
        }
        i = last_cap + 1;
    }
}

/// What a capitalised run's head words make it: an organisation by its first word ("Ministry
/// of War"), an event by its last word ("Davis Cup"), a
/// place by its last word ("Mekong River") or its first ("Bay of Bengal", "Mount Everest"),
/// else an organisation if any word is an organisation head.
fn run_kind(run: &[Token<'_>]) -> Option<MentionKind> {
    let (first, last) = (run.first()?.text, run.last()?.text);
    // A feature's name joins its words with "of" at most ("Cape Town on Monday" is no place).
    let plain = run.len() <= 4
        && run
            .iter()
            .all(|t| t.is_capitalised() || t.text == "of" || t.text == "the");
    let joined_by_of = run.iter().any(|t| t.text == "of");
    if EVENT_HEADS.contains(last) && !joined_by_of {
        // "Academy Awards", "Club World Cup".
        Some(MentionKind::Other)
    } else if ORG_HEADS.contains(first) {
        // "Ministry of War", "University of the West Indies".
        Some(MentionKind::Organisation)
    } else if EVENT_HEADS.contains(last) {
        Some(MentionKind::Other)
    } else if !plain
        && matches!(last, "Centre" | "Center")
        && run.len() >= 2
        && CENTRE_FIELDS.contains(&run[run.len() - 2].text)
    {
        // "The Volcanology and Geological Hazard Mitigation Center" (a shorter one is found
        // as a place, then made a body by `centres_of_a_field`).
        Some(MentionKind::Organisation)
    } else if plain && (PLACE_HEADS.contains(last) || PLACE_PREFIXES.contains(first)) {
        Some(MentionKind::Place)
    } else if let Some(kind) = head_before_on(run) {
        Some(kind)
    } else if run.iter().any(|t| ORG_HEADS.contains(t.text)) {
        Some(MentionKind::Organisation)
    } else {
        None
    }
}

/// What the head before "on" makes a run: a treaty ("United Nations Framework Convention on
/// Climate Change", "Treaty on European Union") or a body ("Council on Foreign Relations").
fn head_before_on(run: &[Token<'_>]) -> Option<MentionKind> {
    let head = run.windows(2).find(|w| w[1].text == "on")?[0].text;
    if EVENT_HEADS.contains(head) {
        Some(MentionKind::Other)
    } else {
        ORG_HEADS
            .contains(head)
            .then_some(MentionKind::Organisation)
    }
}

/// A capital letter and a full stop: a person's initial ("F.").
fn initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// An initial with or without its full stop ("J P Nadda", "J. P. Nadda").
fn initial_letter(w: &str) -> bool {
    initial(w) || w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase())
}

/// A club named after its county, by its score ("Montrose 2 Ross County 1", "Notts County 3 1
/// 1 1"): "County" and a number after it.
fn county_club_by_score(head: &str, next: Option<&str>) -> bool {
    head == "County" && next.is_some_and(|w| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()))
}

/// A regnal or ordinal Roman numeral that ends a name ("Elizabeth II", "World War II",
/// "Benedict XVI"); not "I", "V" or "X" alone.
fn roman_numeral(w: &str) -> bool {
    w.len() >= 2
        && w.len() <= 5
        && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && !w.contains("IIII")
        && !w.contains("VV")
        && !w.contains("XXX")
}

/// A one-word person's name right before a name of another kind in the possessive: the
/// person's surname, the rest of that name the thing of theirs ("Woody" + "Allen's \"Annie
/// Hall\"" gave the person "Woody" and the place "Allen").
fn surname_in_the_possessive(words: &[&str], mut ls: Vec<usize>) -> Vec<usize> {
    for k in 1..words.len().saturating_sub(1) {
        let first_name = ls[k - 1] == 1 && (k < 2 || ls[k - 2] == 0);
        let other = ls[k] % 2 == 1 && ls[k] != 1;
        if first_name && other && capitalised(words[k]) && POSSESSIVES.contains(&words[k + 1]) {
            let inside = ls[k] + 1;
            ls[k] = 2;
            if ls[k + 1] == inside {
                ls[k + 1] = 0;
                if ls.get(k + 2) == Some(&inside) {
                    ls[k + 2] = inside - 1;
                }
            }
        }
    }
    ls
}

/// Whether a token is a quotation mark, straight or curly.
fn quote_mark(w: &str) -> bool {
    matches!(
        w,
        "\"" | "'" | "\u{201c}" | "\u{201d}" | "\u{2018}" | "\u{2019}"
    )
}

/// The tagger's spans of a sentence `(type, first word, end)`, mended: a Roman numeral right
/// after a name is part of it ("World War" + "II"); a capitalised title inside a run ("Texas
/// Coach Darrell Royal", "County Coroner William McLaughlin") ends what comes before it and
/// starts a person — the words before stay a name of their own (a place or nationality where
/// the gazetteer knows them exactly; `exact(first, end)` gives its targets for those words),
/// unless the tagger took them for part of the person's name; not where the gazetteer or the
/// knowledge base names the whole run.
fn name_spans<'r>(
    words: &[&str],
    labels: &[usize],
    exact: impl Fn(usize, usize) -> Option<&'r [Target]>,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    // Where a person's name ran on over particles ("Erik" + "ten Hag"): spans starting before
    // it are inside the name.
    let mut taken = 0;
    // Where the last storm's name ended.
    let mut last_storm = 0;
    // Where the last of the people a plural descriptor opening the sentence lists ended
    // ("Spinners Varun Chakaravarthy and Kuldeep Yadav took two wickets each").
    let mut listed_people = 0;
    let spans = joined_to_body_head(
        words,
        split_at_common_words(words, crate::tagger::spans(labels)),
        &exact,
    );
    for (mut t, mut a, mut b) in spans {
        if a < taken {
            continue;
        }
        // A company's descriptor opening the sentence is no part of the name after it
        // ("Carmaker Volvo agreed", "Truckmaker Scania said"): the company.
        // So is a plural one ("Lenders Barclays and Lloyds agreed").
        let singular = words[0].strip_suffix('s').unwrap_or(words[0]);
        if a == 0
            && b - a > 1
            && ORG_DESCRIPTORS.contains(singular)
            && ["maker", "er", "or"].iter().any(|x| singular.ends_with(x))
            && capitalised(words[1])
        {
            (t, a) = (1, 1);
        }
        // A party's creed before a name of two or three plain words is an "other" name of its
        // own: the name is the member's ("lost his seat to Liberal Bruce Fanjoy", "Democrat
        // Joe Manchin"; not "Liberal Democrats", "Republican National Committee").
        let creeds = words[a..b]
            .iter()
            .take_while(|w| PARTY_CREEDS.contains(w))
            .count();
        if t != 0
            && creeds > 0
            && (2..=3).contains(&(b - a - creeds))
            && words[a + creeds..b].iter().all(|w| {
                capitalised(w)
                    && w.chars().skip(1).any(char::is_lowercase)
                    && !ORG_HEADS.contains(w)
                    && !PLACE_HEADS.contains(w)
                    && !TITLES.contains(w)
                    && !PARTY_CREEDS.contains(w)
            })
            && !words.get(b).is_some_and(|w| ORG_HEADS.contains(w))
        {
            out.push((3, a, a + creeds));
            (t, a) = (0, a + creeds);
        }
        // A party's adjective after a body's name, before a title in lower case, is no part
        // of the body ("Senate Democratic leader Chuck Schumer"): an "other" name of its own.
        if t == 1
            && b - a >= 2
            && matches!(words[b - 1], "Democratic" | "Republican")
            && words
                .get(b)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        {
            out.push((3, b - 1, b));
            b -= 1;
        }
        // People's plural descriptor opening the sentence: the names it lists are people's.
        if a == 0
            && b - a > 1
            && words[0].len() > 4
            && words[0].ends_with('s')
            && PER_DESCRIPTORS.contains(&words[0][..words[0].len() - 1])
            && capitalised(words[1])
        {
            (t, a) = (0, 1);
            listed_people = b;
        } else if listed_people > 0 && a == listed_people + 1 && matches!(words[a - 1], "and" | ",")
        {
            t = 0;
            listed_people = b;
        }
        // A title in the plural opening a person's name is no part of it ("Justices Amy Coney
        // Barrett and Neil Gorsuch").
        if t == 0
            && b - a >= 3
            && capitalised(words[a])
            && words[a]
                .strip_suffix('s')
                .is_some_and(|w| w.len() > 2 && TITLES.contains(w))
        {
            a += 1;
        }
        // No name ends in a connector the tagger ran on to ("the Homeland Security Department
        // of the siege", "Pfizer Inc. &lt;A HREF").
        while b - a > 1 && matches!(words[b - 1], "of" | "the" | "and" | "&" | "for") {
            b -= 1;
        }
        // A flight's number is no part of the airline ("Alaska Airlines" + "Flight 1282").
        if b - a > 1
            && words[b - 1] == "Flight"
            && words
                .get(b)
                .is_some_and(|w| w.bytes().all(|c| c.is_ascii_digit()))
        {
            b -= 1;
        }
        // A journalist's title is no part of the agency before it ("PA Political
        // Correspondent", "Reuters Chief Economics Editor").
        if b - a > 1 && JOURNALISTS.contains(&words[b - 1]) {
            b -= 1;
            while b - a > 1 && capitalised(words[b - 1]) && BEATS.contains(&words[b - 1]) {
                b -= 1;
            }
        }
        // Nor is a title ending a body's or a place's name before a person's ("Fed Chair" +
        // "Jerome Powell", "Tennessee Attorney General" + "Jonathan Skrmetti").
        if (t == 1 || t == 2)
            && b - a > 1
            && capitalised(words[b - 1])
            && TITLES.contains(words[b - 1])
            && words.get(b).is_some_and(|w| capitalised(w))
        {
            b -= 1;
        }
        // A title's opening word is no part of the name before it ("IMF Managing" +
        // "Director Kristalina Georgieva").
        while b - a > 1
            && TITLE_MODIFIERS.contains(&words[b - 1])
            && words
                .get(b)
                .is_some_and(|w| capitalised(w) && TITLES.contains(w))
        {
            b -= 1;
        }
        if b < words.len() && labels[b] == 0 && roman_numeral(words[b]) {
            b += 1;
        }
        // A product's model and its code are one thing ("Model 3", "Model Y").
        if words[b - 1] == "Model"
            && words.get(b).is_some_and(|w| {
                w.len() <= 3
                    && w.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
        {
            b += 1;
            t = 3;
        }
        // And so is "Jr." after a person's ("Robert Downey Jr.").
        if t == 0 && b < words.len() && labels[b] == 0 && name_suffix(words[b]) {
            b += 1;
        }
        // A storm's name is an "other" name, the word before it no part of it, as CoNLL writes
        // "Hurricane Edouard" (the tagger took "Hurricane Milton" for a person).
        // So are the names after "hurricanes" and those joined to a storm's name ("hurricanes
        // Helene and Milton").
        let storm = |w: &str| {
            let w = w.strip_suffix('s').unwrap_or(w);
            matches!(
                w,
                "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "hurricane" | "typhoon" | "cyclone"
            )
        };
        if b - a >= 2 && storm(words[a]) {
            out.push((3, a + 1, b));
            last_storm = b;
            continue;
        }
        let joined_to_storm =
            a > 1 && matches!(words[a - 1], "and" | ",") && last_storm == a - 1 && last_storm > 0;
        if a > 0 && storm(words[a - 1]) || joined_to_storm {
            out.push((3, a, b));
            last_storm = b;
            continue;
        }
        // Titles alone before a name are no name ("Supreme" + "Ayatollah" + "Ali Khamenei").
        if words[a..b]
            .iter()
            .all(|w| TITLES.contains(w) || TITLE_MODIFIERS.contains(w))
            && words.get(b).is_some_and(|w| capitalised(w))
        {
            continue;
        }
        // A person's name goes on over lower-case particles to the capitalised name after
        // them ("Charles de Gaulle", "Erik ten Hag", whatever the tagger made of "Hag").
        if t == 0 {
            let mut k = b;
            while k < words.len() && NAME_PARTICLES.contains(&words[k]) {
                k += 1;
            }
            if k > b && k < words.len() && capitalised(words[k]) && !TITLES.contains(words[k]) {
                b = k + 1;
                while b < words.len() && capitalised(words[b]) && labels[b] != 0 {
                    b += 1;
                }
                taken = b;
            }
        }
        // A place's name goes on over a particle where the gazetteer knows the longer name
        // ("Rio Grande" + "do Sul", "Mato Grosso" + "do Sul").
        if t == 2 && b < words.len() && NAME_PARTICLES.contains(&words[b]) {
            let end = (b + 2..=(b + 3).min(words.len()))
                .rev()
                .filter(|&e| words[b + 1..e].iter().all(|w| capitalised(w)))
                .find(|&e| {
                    exact(a, e).is_some_and(|h| h.iter().any(|t| matches!(t, Target::Place(_))))
                });
            if let Some(e) = end {
                b = e;
                taken = b;
            }
        }
        // A name's word after a title; a suffix alone is none ("Martin Luther King Jr.": "King"
        // is no title there).
        let name_word = |w: &&str| {
            (capitalised(w)
                && !name_suffix(w)
                && !roman_numeral(w)
                && !ORG_HEADS.contains(w)
                && !EVENT_HEADS.contains(w)
                && !PLACE_HEADS.contains(w)
                && !TITLES.contains(w))
                || NAME_PARTICLES.contains(w)
        };
        let title = (a + 1..b.saturating_sub(1)).rev().find(|&k| {
            capitalised(words[k])
                && TITLES.contains(words[k])
                && words[k + 1..b]
                    .iter()
                    .all(|w| name_word(w) || name_suffix(w) || roman_numeral(w))
                && words[k + 1..b].iter().any(name_word)
                && capitalised(words[b - 1])
        });
        match title {
            Some(k) if exact(a, b).is_none() => {
                // Words that belong to the title ("Crown Prince", "Prime Minister"), and titles
                // before it ("Qatari Emir Sheikh Tamim").
                let mut k = k;
                while k > a
                    && (TITLE_MODIFIERS.contains(&words[k - 1])
                        || capitalised(words[k - 1]) && TITLES.contains(words[k - 1]))
                {
                    k -= 1;
                }
                let prefix = match (k > a).then(|| exact(a, k)).flatten() {
                    Some(ts) if ts.iter().any(|t| matches!(t, Target::Place(_))) => 2,
                    Some(ts) if ts.iter().any(|t| matches!(t, Target::Demonym(_))) => 3,
                    _ => t,
                };
                // What the tagger took for part of a person's name before a title ("Attorney
                // General Eric Holder") is no name of its own; nor is nothing. A titled name
                // joined by "and" to the next is a person's ("Justice Brett Kavanaugh and" +
                // "Chief Justice John Roberts").
                let mut e = k;
                while e > a && matches!(words[e - 1], "and" | "&") {
                    e -= 1;
                }
                let named = title_end(words, a, e);
                if e < k && a < named && named < e && words[named..e].iter().all(name_word) {
                    out.push((0, named, e));
                } else if prefix != 0 && e > a {
                    out.push((prefix, a, e));
                }
                let first = title_end(words, k, b);
                if first < b {
                    out.push((0, first, b));
                }
            }
            _ => out.push((t, a, b)),
        }
    }
    // In text order: a party's adjective after a body's name went in before the body.
    out.sort_by_key(|&(_, a, _)| a);
    out
}

/// Journalists' titles in bylines ("PA Political Correspondent").
const JOURNALISTS: [&str; 7] = [
    "Correspondent",
    "Editor",
    "Reporter",
    "Writer",
    "Photographer",
    "Columnist",
    "Commentator",
];

/// Words of a journalist's title before it: the beat and the rank ("Chief Political",
/// "Senior Business", "Deputy Health").
const BEATS: [&str; 24] = [
    "Political",
    "Politics",
    "Chief",
    "Senior",
    "Deputy",
    "Assistant",
    "Associate",
    "Special",
    "Managing",
    "Health",
    "Economics",
    "Economic",
    "Business",
    "Diplomatic",
    "Defence",
    "Defense",
    "Foreign",
    "Home",
    "Science",
    "Technology",
    "Legal",
    "Security",
    "Sports",
    "Parliamentary",
];

/// Lower-case words a name may have inside it: particles ("Ursula von der Leyen"),
/// connectors and prepositions ("Bank of England", "Gone with the Wind").
const INNER_WORDS: [&str; 16] = [
    "a", "an", "and", "or", "to", "upon", "over", "y", "e", "et", "la", "le", "les", "el", "des",
    "und",
];

/// A lower-case word no name has inside it splits a span the tagger made: "overtook" in
/// "Nvidia overtook Apple" leaves the two names on either side.
/// A name of several words the tagger took for a place or an "other" name, no place the
/// gazetteer knows, followed at once by a body's head word it took for an organisation of its
/// own, is that body: "Nigeria Labour" + "Congress" is the Nigeria Labour Congress. Not a
/// place's name of one word ("U.S." + "Senate", as CoNLL writes it).
fn joined_to_body_head<'r>(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
    exact: impl Fn(usize, usize) -> Option<&'r [Target]>,
) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    let starts: Vec<usize> = spans.iter().map(|&(_, a, _)| a).collect();
    for (k, (mut t, mut a, mut b)) in spans.into_iter().enumerate() {
        // A body's head the tagger left out right after a body's or an "other" name is the
        // body's ("the Italian Space" + "Agency"), with a one-word name just before it ("the
        // Canadian" + "Space" + "Agency").
        // So are the capitalised words the tagger left out before such a head, after a name of
        // two words or more it took for a place no gazetteer knows ("the Canada Industrial" +
        // "Relations Board").
        let head = (b..(b + 3).min(words.len())).find(|&e| {
            words[b..=e].iter().all(|w| capitalised(w)) && BODY_HEADS.contains(words[e])
        });
        let unknown_place = t == 2
            && b - a >= 2
            && !exact(a, b).is_some_and(|ts| ts.iter().any(|t| matches!(t, Target::Place(_))));
        // A person's name of two words or more right before such a head is the body's too
        // ("a new Gang Suppression" + "Force").
        let person_before_head = t == 0 && b - a >= 2 && head == Some(b) && !kb_body(exact(a, b));
        if let Some(e) = head.filter(|&e| {
            (matches!(t, 1 | 3) || unknown_place || person_before_head)
                && starts.get(k + 1).is_none_or(|&s| s > e)
                && words[b..e]
                    .iter()
                    .all(|w| !BODY_HEADS.contains(w) && !TITLES.contains(w))
        }) {
            (t, b) = (1, e + 1);
            if let Some(&(lt, la, lb)) = out.last() {
                if lb == a && lb - la == 1 && matches!(lt, 1 | 3) {
                    out.pop();
                    a = la;
                }
            }
        }
        // A knowledge-base body the tagger split after its first word and ran on past its
        // possessive ("the European" + "Space Agency's Gaia"): the body, then what it owns.
        if let Some(&(_, la, lb)) = out.last() {
            let owner_end = (a + 1..b.saturating_sub(1))
                .find(|&m| POSSESSIVES.contains(&words[m]) && kb_body(exact(la, m)));
            if let (true, Some(m)) = (lb == a && lb - la == 1, owner_end) {
                out.pop();
                out.push((1, la, m));
                out.push((owned_type(&words[m + 1..b]), m + 1, b));
                continue;
            }
        }
        if let Some(last) = out.last_mut() {
            let (lt, la, lb) = *last;
            if t == 1
                && b == a + 1
                && lb == a
                && matches!(lt, 2 | 3)
                && lb - la >= 2
                && BODY_HEADS.contains(words[a])
                && !exact(la, lb).is_some_and(|ts| ts.iter().any(|t| matches!(t, Target::Place(_))))
            {
                *last = (1, la, b);
                continue;
            }
        }
        out.push((t, a, b));
    }
    out
}

/// Whether the gazetteer's targets name a knowledge-base body.
fn kb_body(targets: Option<&[Target]>) -> bool {
    targets.is_some_and(|ts| ts.iter().any(|t| matches!(t, Target::Kb(_))))
}

/// The type of what a body's possessive introduces, which the tagger ran into the body's name
/// ("the World Health Organization's Tedros"): a person's name of two or three words in title
/// case ("NASA's Reid Wiseman"), otherwise an "other" name, a
/// product's or a mission's ("ESA's Gaia", "Boeing's Starliner").
fn owned_type(words: &[&str]) -> usize {
    let title_case = |w: &&str| {
        w.len() >= 2
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w[1..].bytes().all(|c| c.is_ascii_lowercase())
            && !ORG_HEADS.contains(w)
            && !EVENT_HEADS.contains(w)
    };
    if (2..=3).contains(&words.len()) && words.iter().all(title_case) {
        0
    } else {
        3
    }
}

fn split_at_common_words(
    words: &[&str],
    spans: Vec<(usize, usize, usize)>,
) -> Vec<(usize, usize, usize)> {
    let stray = |w: &str| {
        w.len() > 2
            && w.bytes().all(|c| c.is_ascii_lowercase())
            && !INNER_WORDS.contains(&w)
            && !NAME_PARTICLES.contains(&w)
            && !CONNECTORS.contains(&w)
            && !FUNCTION_WORDS.contains(w)
    };
    // A piece cut out of a longer span neither opens nor ends with a function word ("and
    // Marine Le Pen" of "New Popular Front alliance and Marine Le Pen", "Hou Yu-ih of the" of
    // "Hou Yu-ih of the main opposition Kuomintang").
    let loose = |w: &str| {
        w.bytes().all(|c| c.is_ascii_lowercase())
            && (FUNCTION_WORDS.contains(w)
                || matches!(w, "of" | "the" | "for" | "a" | "an" | "and" | "or" | "to"))
    };
    let mut out = Vec::with_capacity(spans.len());
    let mut piece = |t: usize, mut a: usize, mut b: usize, whole: bool| {
        if !whole {
            while a < b && loose(words[a]) {
                a += 1;
            }
            while b > a && loose(words[b - 1]) {
                b -= 1;
            }
        }
        if a < b {
            out.push((t, a, b));
        }
    };
    for (t, a, b) in spans {
        let mut start = a;
        for k in (a..b).filter(|&k| stray(words[k])) {
            piece(t, start, k, false);
            start = k + 1;
        }
        piece(t, start, b, start == a);
    }
    out
}

/// First words of Malay honorifics ([`malay_honorifics`]).
const HONORIFIC_OPENERS: [&str; 7] = ["Datuk", "Dato", "Datin", "Tun", "Tan", "Puan", "Toh"];

/// Which of a sentence's words are Malay honorifics before a name, as Bernama writes them
/// ("Datuk Seri Anwar Ibrahim", "Tan Sri Muhyiddin Yassin", "Dato' Sri Ismail Sabri Yaakob",
/// "Tun Dr Mahathir Mohamad"); empty where there are none. "Tan", "Puan" and "Toh" are
/// names alone, so only with the word that makes them titles; "Tun" and the rest before
/// another capitalised word.
fn malay_honorifics(words: &[&str]) -> Vec<bool> {
    if !words.iter().any(|w| HONORIFIC_OPENERS.contains(w)) {
        return Vec::new();
    }
    let mut mask = vec![false; words.len()];
    let mut k = 0;
    while k < words.len() {
        let at = |i: usize| words.get(i).copied().unwrap_or("");
        let apostrophe = usize::from(at(k) == "Dato" && matches!(at(k + 1), "'" | "\u{2019}"));
        let second = at(k + 1 + apostrophe);
        let len = match at(k) {
            "Tan" | "Puan" if second == "Sri" => 2,
            "Toh" if second == "Puan" => 2,
            "Datuk" | "Dato" | "Datin" if matches!(second, "Seri" | "Sri" | "Paduka") => {
                2 + apostrophe
            }
            "Datuk" | "Dato" | "Datin" | "Tun" => 1 + apostrophe,
            _ => 0,
        };
        if len > 0 && at(k + len).starts_with(|c: char| c.is_uppercase()) {
            mask[k..k + len].iter_mut().for_each(|m| *m = true);
            k += len;
        } else {
            k += 1;
        }
    }
    mask
}

/// Whether a mention is a Malay honorific alone, before the name ("Datuk Seri" of "met Datuk
/// Seri Dr Wan Azizah").
fn honorific_alone(text: &str, f: &Found) -> bool {
    // Nothing to split for the mentions no honorific opens.
    let surface = &text[f.start..f.end];
    if !HONORIFIC_OPENERS.iter().any(|o| surface.starts_with(o)) {
        return false;
    }
    let next = text[f.end..].trim_start().split(' ').next().unwrap_or("");
    let words: Vec<&str> = surface.split(' ').chain([next]).collect();
    words.len() <= 4 && {
        let mask = malay_honorifics(&words);
        !mask.is_empty() && mask[..words.len() - 1].iter().all(|&m| m)
    }
}

/// A title ([`TITLES`]) or an adviser's, which wire copy writes as one ("Chief Economic
/// Adviser", "National Security Advisor").
fn title_or_adviser(w: &str) -> bool {
    TITLES.contains(w) || matches!(w, "Adviser" | "Advisor")
}

/// Where a person's full name begins in words `a..b` that hold a title's portfolio before it:
/// after a title and "of" ("Minister of Energy Terje Aasland", "[Minister of] Foreign Affairs
/// Retno Marsudi") or after a title that English words open ("National Security Adviser
/// Eduardo Ano"). The name is two or three capitalised words no English word ends, the
/// portfolio capitalised English words and their connectors.
fn name_after_a_portfolio(res: &Resources, words: &[&str], a: usize, b: usize) -> Option<usize> {
    let title = |w: &str| capitalised(w) && title_or_adviser(w);
    let english = |w: &str| res.english_word(crate::text::lowercase(w).as_ref());
    let proper = |w: &str| capitalised(w) && !english(w) && !TITLES.contains(w);
    let portfolio = |w: &str| {
        (capitalised(w) && english(w) && !TITLES.contains(w))
            || matches!(w, "and" | "for" | "of" | "the" | "&")
    };
    if b - a < 3 || !proper(words[b - 1]) {
        return None;
    }
    // After "Title of" (inside the run or just before it), the name from the end.
    let after_of = if b - a >= 4 && title(words[a]) && words[a + 1] == "of" {
        Some(a + 2)
    } else if a >= 2 && words[a - 1] == "of" && title(words[a - 2]) {
        Some(a)
    } else {
        None
    };
    if let Some(p) = after_of {
        let mut m = b;
        while m > p && proper(words[m - 1]) {
            m -= 1;
        }
        return (b - m >= 2
            && m > p
            && capitalised(words[p])
            && words[p..m].iter().all(|w| portfolio(w)))
        .then_some(m);
    }
    // English words, a title, the name.
    let t = (a + 1..b).find(|&k| title(words[k]))?;
    ((2..=3).contains(&(b - t - 1))
        && words[a..t].iter().all(|w| capitalised(w) && portfolio(w))
        && words[t + 1..b]
            .iter()
            .all(|w| capitalised(w) && !TITLES.contains(w)))
    .then_some(t + 1)
}

/// Where the name after a title starting at word `k` begins: after the title and the words
/// that belong to it ("Crown Prince", "Prime Minister").
fn title_end(words: &[&str], k: usize, b: usize) -> usize {
    let mut k = k;
    while k < b && (TITLE_MODIFIERS.contains(&words[k]) || TITLES.contains(words[k])) {
        k += 1;
    }
    k
}

/// A person's surname seen after the full name refers to that person ("John Smith ...
/// Smith said"); a lone surname first tagged as a place becomes the person.
fn consistency(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let mut surnames: HashMap<String, (String, Option<String>)> = HashMap::default();
    for f in out.iter().filter(|f| f.kind == MentionKind::Person) {
        let words: Vec<&str> = f.name.split(' ').collect();
        if let Some(last) = words.last() {
            if words.len() >= 2 || f.origin == Origin::Title {
                surnames
                    .entry((*last).to_string())
                    .or_insert((f.name.clone(), f.uri.clone()));
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    for f in out.iter_mut() {
        if matches!(f.origin, Origin::Place(_)) {
            if let Some((name, uri)) = surnames.get(&text[f.start..f.end]) {
                f.kind = MentionKind::Person;
                f.name = name.clone();
                f.uri = uri.clone();
                f.confidence = 0.7;
                f.origin = Origin::Consistency;
            }
        }
    }
    let mut extra = Vec::new();
    for t in toks {
        if let Some((name, uri)) = surnames.get(t.text) {
            if !out.iter().any(|f| t.start < f.end && f.start < t.end) {
                extra.push(Found {
                    start: t.start,
                    end: t.end,
                    kind: MentionKind::Person,
                    name: name.clone(),
                    uri: uri.clone(),
                    confidence: 0.75,
                    origin: Origin::Consistency,
                });
            }
        }
    }
    extend_in_order(out, extra);
}

/// Gazetteer features per word of a pre-tokenised sentence, for the statistical tagger: the
/// class of every name the gazetteer finds (knowledge-base person or organisation, country,
/// region, city, demonym), with the word's position in it.
pub(crate) fn gazetteer_features(
    res: &Resources,
    gaz: &Gazetteer,
    words: &[&str],
) -> Vec<Vec<u64>> {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(words.len());
    for w in words {
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push((text.len(), text.len() + w.len()));
        text.push_str(w);
    }
    let hits = gaz.hits(&text);
    features_from_hits(res, &text, &hits, &spans)
}

/// The gazetteer classes the tagger's features name.
#[derive(Clone, Copy)]
enum GazClass {
    KbPer,
    KbOrg,
    Demonym,
    Country,
    Region,
    BigCity,
    City,
}

/// Per [`GazClass`], the hashed features `{class}-B`, `{class}-I`, `{class}` and
/// `{class}-common`, computed once.
fn gaz_class_features() -> &'static [[u64; 4]; 7] {
    static FEATURES: std::sync::OnceLock<[[u64; 4]; 7]> = std::sync::OnceLock::new();
    FEATURES.get_or_init(|| {
        [
            "kbper", "kborg", "demonym", "country", "region", "bigcity", "city",
        ]
        .map(|class| {
            [
                crate::tagger::gaz_feature(&format!("{class}-B")),
                crate::tagger::gaz_feature(&format!("{class}-I")),
                crate::tagger::gaz_feature(class),
                crate::tagger::gaz_feature(&format!("{class}-common")),
            ]
        })
    })
}

/// Gazetteer features for the words at byte `spans` of `text`, from its hits.
fn features_from_hits(
    res: &Resources,
    text: &str,
    hits: &[crate::gazetteer::Hit],
    spans: &[(usize, usize)],
) -> Vec<Vec<u64>> {
    let mut out = vec![Vec::new(); spans.len()];
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return out;
    };
    // Hits are sorted by end: skip those ending before the sentence.
    let from = hits.partition_point(|h| h.end <= first.0);
    for h in hits[from..].iter().filter(|h| h.start < last.1) {
        let Some(best) = h.targets.iter().copied().max_by_key(|t| priority(res, *t)) else {
            continue;
        };
        let class = match best {
            Target::Kb(i) => match res.kb[i].kind {
                KbKind::Person => GazClass::KbPer,
                KbKind::Organisation => GazClass::KbOrg,
            },
            Target::Demonym(_) => GazClass::Demonym,
            Target::Place(i) => match res.places[i].kind {
                PlaceKind::Country => GazClass::Country,
                PlaceKind::State | PlaceKind::Continent => GazClass::Region,
                PlaceKind::City if res.places[i].population >= 1_000_000 => GazClass::BigCity,
                PlaceKind::City => GazClass::City,
            },
        };
        let [begin, inside, plain, common_feature] = gaz_class_features()[class as usize];
        let surface = &text[h.start..h.end];
        let common = !surface.contains(' ')
            && res
                .common_words
                .contains(crate::text::lowercase(surface).as_ref());
        // The sentence's words inside the hit (spans are in text order).
        let first_in = spans.partition_point(|&(s, _)| s < h.start);
        for (i, &(s, e)) in spans.iter().enumerate().skip(first_in) {
            if e > h.end {
                break;
            }
            out[i].push(if s == h.start { begin } else { inside });
            out[i].push(plain);
            if common {
                out[i].push(common_feature);
            }
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// Words for the statistical tagger, as CoNLL writes them: every non-space segment
/// (punctuation included), a possessive `'s` split off, words joined by a hyphen kept as one
/// ("Anglo-Dutch", "1-0"), an abbreviation's full stop kept with it ("U.S.", "Mr.", "Corp.");
/// sentences ending at any other `.`, and at `!`, `?` and paragraph breaks. Returns sentences of
/// (byte start, byte end) word spans of `text`.
pub(crate) fn tagger_sentences(text: &str, segments: &[(usize, &str)]) -> Vec<Vec<(usize, usize)>> {
    let mut sentences = Vec::new();
    let mut cur: Vec<(usize, usize)> = Vec::new();
    // The last word ended in a hyphen that joins it to the next.
    let mut joining = false;
    // Line breaks since the last word (UAX #29 makes each its own segment).
    let mut line_breaks = 0;
    for &(start, w) in segments {
        if w.trim().is_empty() {
            line_breaks += w.matches('\n').count();
            if line_breaks >= 2 && !cur.is_empty() {
                sentences.push(std::mem::take(&mut cur));
            }
            joining = false;
            continue;
        }
        line_breaks = 0;
        let end = start + w.len();
        let word_like = w.chars().any(char::is_alphanumeric);
        // "X" after "on" or "platform" is the platform, no initial: "said on X. European
        // Council President Charles Michel" are two sentences.
        let platform = cur.len() >= 2
            && text[cur[cur.len() - 1].0..cur[cur.len() - 1].1] == *"X"
            && matches!(
                &text[cur[cur.len() - 2].0..cur[cur.len() - 2].1],
                "on" | "via" | "platform"
            );
        if let Some(last) = cur.last_mut() {
            let touching = last.1 == start;
            let last_word = &text[last.0..last.1];
            if touching && joining && word_like {
                // A possessive after the hyphen's second part is split off as after any word
                // ("Attorney General Gali Baharav-Miara's office").
                let possessive = POSSESSIVES
                    .iter()
                    .find(|p| w.len() > p.len() + 1 && w.ends_with(*p))
                    .map_or(0, |p| p.len());
                last.1 = end - possessive;
                if possessive > 0 {
                    cur.push((end - possessive, end));
                }
                joining = false;
                continue;
            }
            if touching && w == "-" && last_word.chars().last().is_some_and(char::is_alphanumeric) {
                last.1 = end;
                joining = true;
                continue;
            }
            if touching && w == "." && is_abbreviation(last_word) && !platform {
                last.1 = end;
                continue;
            }
        }
        joining = false;
        let possessive = POSSESSIVES
            .iter()
            .find(|p| w.len() > p.len() + 1 && w.ends_with(*p));
        match possessive {
            Some(p) => {
                cur.push((start, end - p.len()));
                cur.push((end - p.len(), end));
            }
            None => cur.push((start, end)),
        }
        // A dateline with no dash after its agency ("MUMBAI (PTI) Rohit Sharma hit") is a
        // sentence of its own: the agency's bracket closing near the head of the text before a
        // capitalised word.
        let closes_dateline = w == ")"
            && start < 64
            && text[end..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
            && text[..start]
                .rsplit_once('(')
                .is_some_and(|(town, agency)| {
                    // The agency's initials in capitals, after a town in capitals.
                    agency_initials(agency)
                        && town.trim().chars().any(char::is_alphabetic)
                        && !town.chars().any(char::is_lowercase)
                });
        if matches!(w, "." | "!" | "?") || closes_dateline {
            sentences.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        sentences.push(cur);
    }
    sentences
}

/// Whether `s` is a news agency's initials as a dateline brackets them ("PTI", "AP", "ANTARA").
fn agency_initials(s: &str) -> bool {
    (2..=8).contains(&s.len()) && all_capitals(s)
}

/// Whether every byte of `w` is an ASCII capital letter ("CIBC", "GAO"; true of "").
fn all_capitals(w: &str) -> bool {
    w.bytes().all(|c| c.is_ascii_uppercase())
}

/// Whether a word followed by a full stop is an abbreviation: initials ("U.S", "J"), or a
/// title, a company suffix or a month or weekday abbreviated.
fn is_abbreviation(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 36] = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
        "Capt", "Sgt", "Jr", "Sr", "Rev", "Corp", "Inc", "Ltd", "Co", "Bros", "No", "Jan", "Feb",
        "Aug", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "approx", "Ave",
    ];
    let initials = word.split('.').all(|p| {
        let mut c = p.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    });
    initials || ABBREVIATIONS.contains(&word)
}

/// Mentions from the statistical tagger, linked through the gazetteer and the knowledge base,
/// plus the high-precision gazetteer mentions (knowledge-base names, countries, demonyms) the
/// tagger left out.
/// `segments` are the text's word-boundary segments, `toks` its word tokens.
pub(crate) fn find_statistical(
    res: &Resources,
    gaz: &Gazetteer,
    tagger: &crate::tagger::Tagger,
    text: &str,
    (segments, toks): (&[(usize, &str)], &[Token<'_>]),
    dateline_place: Option<&str>,
) -> Vec<Found> {
    let hits = gaz.hits(text);
    let rules = find_with_hits(res, gaz, text, toks, &hits, dateline_place);
    let mut exact: HashMap<(usize, usize), &crate::gazetteer::Hit> = HashMap::default();
    for h in &hits {
        exact.insert((h.start, h.end), h);
    }
    let mut countries = StoryCountries::default();
    for f in &rules {
        if let Origin::Place(i) | Origin::Demonym(i) = f.origin {
            match res.places[i].kind {
                PlaceKind::Country => {
                    countries.named.insert(&res.places[i].country);
                    if f.origin == Origin::Demonym(i) {
                        countries.peoples.insert(&res.places[i].country);
                    }
                }
                PlaceKind::State if f.origin == Origin::Place(i) => {
                    countries.division(f.start, &res.places[i]);
                }
                _ => {}
            }
        }
    }
    countries.dateline(res, gaz, text, &hits, dateline_place);
    countries.hits = &hits;
    countries.ap_states(res, text);
    let mut memory = crate::tagger::DocMemory::default();
    let mut out: Vec<Found> = Vec::new();
    // Whether the story says nothing of a sport: no word of matches, teams or their seasons;
    // looked for only when a city the tagger took for a body asks.
    let no_sport_cell = std::cell::OnceCell::new();
    let no_sport =
        || *no_sport_cell.get_or_init(|| !toks.iter().any(|t| SPORT_WORDS.contains(&t.text)));
    let mut foreign: Vec<(usize, usize)> = Vec::new();
    for sentence in tagger_sentences(text, segments) {
        let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else {
            continue;
        };
        // A sentence in another language (a quote in the original, an appended translation)
        // gets the gazetteer and the knowledge base only, as copy in that language would.
        if crate::language::foreign_sentence(&text[first.0..last.1]) {
            foreign.push((first.0, last.1));
            continue;
        }
        let words: Vec<&str> = sentence.iter().map(|&(s, e)| &text[s..e]).collect();
        let gazf = features_from_hits(res, text, &hits, &sentence);
        let labels = tagger.tag(&words, &gazf, &mut memory);
        let ls: Vec<usize> = labels.iter().map(|(l, _)| *l).collect();
        let ls = surname_in_the_possessive(&words, ls);
        let honorific = malay_honorifics(&words);
        let known = |a: usize, b: usize| exact.contains_key(&(sentence[a].0, sentence[b - 1].1));
        let kb_known = |a: usize, b: usize| {
            kb_body(
                exact
                    .get(&(sentence[a].0, sentence[b - 1].1))
                    .map(|h| h.targets.as_slice()),
            )
        };
        // A company the knowledge base knows by the words `a..b`.
        let company = |a: usize, b: usize| {
            exact
                .get(&(sentence[a].0, sentence[b - 1].1))
                .is_some_and(|h| {
                    h.targets
                        .iter()
                        .any(|t| matches!(*t, Target::Kb(i) if res.kb[i].category == "company"))
                })
        };
        let spans = name_spans(&words, &ls, |a, b| {
            exact
                .get(&(sentence[a].0, sentence[b - 1].1))
                .map(|h| h.targets.as_slice())
        });
        // Two names the gazetteer knows, joined by "and" in one span, are two ("Amnesty
        // International and Human Rights Watch"); not a name with "and" in it that it knows
        // whole or does not know ("Food and Drug Administration").
        // A place in the possessive opening a span is a place of its own ("Yemen's Houthi
        // militia"), not part of the name after it.
        let place = |a: usize, m: usize| {
            exact
                .get(&(sentence[a].0, sentence[m - 1].1))
                .is_some_and(|h| h.targets.iter().any(|t| matches!(t, Target::Place(_))))
        };
        let city = |a: usize, m: usize| {
            exact
                .get(&(sentence[a].0, sentence[m - 1].1))
                .is_some_and(|h| {
                    h.targets.iter().all(
                        |t| matches!(t, Target::Place(i) if res.places[*i].kind == PlaceKind::City),
                    )
                })
        };
        let country = |a: usize, m: usize| {
            exact
                .get(&(sentence[a].0, sentence[m - 1].1))
                .is_some_and(|h| {
                    h.targets.iter().any(
                    |t| matches!(t, Target::Place(i) if res.places[*i].kind == PlaceKind::Country),
                )
                })
        };
        // A country, a continent or a region outside the US (a US state names a college's
        // teams too: "Southern California").
        let region = |a: usize, m: usize| {
            exact
                .get(&(sentence[a].0, sentence[m - 1].1))
                .is_some_and(|h| {
                    h.targets.iter().any(|t| {
                        matches!(*t, Target::Place(i)
                            if matches!(
                                res.places[i].kind,
                                PlaceKind::Country | PlaceKind::Continent
                            ) || (res.places[i].kind == PlaceKind::State
                                && res.places[i].country != "US"))
                    })
                })
        };
        // A plain word of a name (no initial) that no list, gazetteer or dictionary knows: a
        // surname's, as far as the words tell.
        let unknown_plain_word = |k: usize| {
            plain_name_word(words[k])
                && !initial_letter(words[k])
                && !exact.contains_key(&sentence[k])
                && !res.english_word(crate::text::lowercase(words[k]).as_ref())
        };
        // A capitalised word of a title ("Chief", "Executive", "Minister").
        let title_word = |m: usize| {
            capitalised(words[m])
                && (TITLES.contains(words[m]) || TITLE_MODIFIERS.contains(&words[m]))
        };
        let spans = spans.into_iter().flat_map(|(t, a, b)| {
            // Two names the knowledge base knows, or two companies a legal form ends ("Honda
            // Motor Co and Hyundai Motor Co" was one body), or two bodies of the same head
            // ("Bank Mandiri and Bank Rakyat Indonesia"), or a body and one opening with an
            // acronym ("Royal Bank of Canada and CIBC Capital Markets"), each of two words or
            // more.
            let and = (a + 1..b.saturating_sub(1))
                .find(|&m| words[m] == "and")
                .filter(|&m| {
                    let two_bodies = m >= a + 2
                        && b >= m + 3
                        && (words[a] == words[m + 1] && ORG_HEADS.contains(words[a])
                            || words[m + 1].len() >= 3
                                && all_capitals(words[m + 1])
                                && capitalised(words[m + 2]));
                    !known(a, b)
                        && (known(a, m) && known(m + 1, b)
                            || m >= a + 2 && legal_form(words[m - 1]) && capitalised(words[m + 1])
                            || t == 1 && two_bodies)
                });
            let possessive = (a + 1..b.saturating_sub(1))
                .find(|&m| POSSESSIVES.contains(&words[m]))
                .filter(|&m| matches!(t, 1 | 3) && (place(a, m) || kb_known(a, m)));
            // A body's name followed by "in" and a city the gazetteer knows is the body and
            // where it is ("National Hurricane Center in Miami"); a country or a region may
            // be part of the name ("Human Rights in China", "U.N. Interim Force in Lebanon")
            // unless the knowledge base knows the body without it ("Museum of Modern Art in
            // New York").
            let within = (a + 1..b.saturating_sub(1))
                .find(|&m| words[m] == "in")
                .filter(|&m| {
                    matches!(t, 1 | 3)
                        && !known(a, b)
                        && (city(m + 1, b) || kb_known(a, m) && place(m + 1, b))
                });
            // A body's name of several words and a country ("the Lunar Reconnaissance Orbiter
            // and India's Chandrayaan-2"): the body and the country.
            let and_country = (a + 2..b.saturating_sub(1))
                .find(|&m| words[m] == "and")
                .filter(|&m| matches!(t, 1 | 3) && !known(a, b) && country(m + 1, b));
            // "Massachusetts-based Sage", "Kurdish-led Syrian Democratic Forces": who stands
            // behind the body and the body.
            if b - a >= 2
                && BEHIND_SUFFIXES.iter().any(|x| words[a].ends_with(x))
                && words[a + 1..b].iter().all(|w| capitalised(w))
                && !(b - a == 2 && common_in_any_spelling(res, words[a + 1]))
            {
                return [Some((3, a, a + 1)), Some((1, a + 1, b))]
                    .into_iter()
                    .flatten();
            }
            // A country and a person's full name the tagger made one place after a title's
            // "of" or "to" ("Chairman of the Senate of Pakistan Yousaf Raza Gilani",
            // "Ambassador to the United States Hamdullah Mohib"): the country and the person,
            // where the name's two or three words are plain ones that no list or dictionary
            // knows (not "the Nihon Keizai Shimbun").
            let after_of_or_to = |k: usize| k >= 1 && matches!(words[k - 1], "of" | "to");
            if let Some(m) = (t == 2
                && b - a >= 3
                && !known(a, b)
                && (after_of_or_to(a) || a >= 1 && words[a - 1] == "the" && after_of_or_to(a - 1)))
            .then(|| (a + 1..b - 1).find(|&m| country(a, m)))
            .flatten()
            .filter(|&m| (2..=3).contains(&(b - m)) && (m..b).all(unknown_plain_word))
            {
                return [Some((2, a, m)), Some((0, m, b))].into_iter().flatten();
            }
            // Two knowledge-base companies back to back, one body to the tagger ("An Air India
            // Boeing 787-8 Dreamliner"): the two, where the knowledge base knows no body by
            // the whole.
            if let Some(m) = (t == 1 && b - a >= 2 && !known(a, b))
                .then(|| (a + 1..b).find(|&m| company(a, m) && company(m, b)))
                .flatten()
            {
                return [Some((1, a, m)), Some((1, m, b))].into_iter().flatten();
            }
            // A state's name and an abbreviated title the tagger made one body ("Arizona Sen.
            // Mark Kelly"): the state.
            if b - a >= 2
                && matches!(
                    words[b - 1],
                    "Sen." | "Gov." | "Rep." | "Sen" | "Gov" | "Rep"
                )
                && place(a, b - 1)
            {
                return [Some((2, a, b - 1)), None].into_iter().flatten();
            }
            // A body's name, a title and a person's full name the tagger made one body
            // ("Boeing Chief Executive Kelly Ortberg"): the body and the person.
            if let Some(m) = (t == 1 && !known(a, b))
                .then(|| (a + 1..b).find(|&m| title_word(m)))
                .flatten()
            {
                let e = (m..b).find(|&e| !title_word(e)).unwrap_or(b);
                let person = &words[e..b];
                if (e - m >= 2 || TITLES.contains(words[m]))
                    && (2..=3).contains(&person.len())
                    && person.iter().all(|w| {
                        capitalised(w)
                            && w.len() > 1
                            && !ORG_HEADS.contains(w)
                            && !BODY_HEADS.contains(w)
                            && !PLACE_HEADS.contains(w)
                    })
                {
                    return [Some((1, a, m)), Some((0, e, b))].into_iter().flatten();
                }
            }
            // A title "of" a place before a person's full name: the place and the person
            // ("Archbishop of Paris Laurent Ulrich", "Mayor of London Sadiq Khan" were one
            // place).
            let title_of = (a >= 2 && words[a - 1] == "of" && TITLES.contains(words[a - 2]))
                .then(|| {
                    (a + 1..b.saturating_sub(1)).find(|&m| {
                        place(a, m)
                            && !known(a, b)
                            && words[m..b].iter().all(|w| {
                                capitalised(w)
                                    && !TITLES.contains(w)
                                    && !ORG_HEADS.contains(w)
                                    && !PLACE_HEADS.contains(w)
                            })
                    })
                })
                .flatten();
            if let Some(m) = title_of {
                return [Some((2, a, m)), Some((0, m, b))].into_iter().flatten();
            }
            match (and.or(and_country), possessive, within) {
                (Some(m), _, _) if and_country == Some(m) => [Some((t, a, m)), Some((2, m + 1, b))],
                (Some(m), _, _) => [Some((t, a, m)), Some((t, m + 1, b))],
                (None, Some(m), _) if place(a, m) => [Some((2, a, m)), Some((t, m + 1, b))],
                // A knowledge-base body's possessive ("the World Health Organization's
                // Tedros").
                (None, Some(m), _) => [
                    Some((1, a, m)),
                    Some((owned_type(&words[m + 1..b]), m + 1, b)),
                ],
                (None, None, Some(m)) => [Some((t, a, m)), Some((2, m + 1, b))],
                (None, None, None) => [Some((t, a, b)), None],
            }
            .into_iter()
            .flatten()
        });
        for (mut t, mut a, mut b) in spans {
            // A quotation mark is no part of a name (a title split from a possessive before
            // it: "Woody Allen's \"Annie Hall\"").
            while b - a > 1 && quote_mark(words[a]) {
                a += 1;
            }
            while b - a > 1 && quote_mark(words[b - 1]) {
                b -= 1;
            }
            // A body's name and the first words of the title its head holds, before the rest
            // of the title or the name ("Pioneer Chief" of "Pioneer Chief Executive Scott
            // Sheffield"): the body alone.
            let mut k = b;
            while k > a + 1 && title_word(k - 1) {
                k -= 1;
            }
            if t == 0 && k < b && words.get(b).is_some_and(|w| capitalised(w)) && !known(a, b) {
                (t, b) = (if place(a, k) { 2 } else { 1 }, k);
            }
            // A place's prefix the tagger left out ("Mount" of "Mount Lewotobi Laki-laki"
            // after a dateline's dash, where it took the rest for an "other" name).
            if matches!(t, 1 | 3)
                && a > 0
                && capitalised(words[a - 1])
                && matches!(words[a - 1], "Mount" | "Mt." | "Lake" | "Cape" | "Isle")
                && !words[a..b]
                    .iter()
                    .any(|w| ORG_HEADS.contains(w) || ORG_ONLY_HEADS.contains(w))
            {
                (t, a) = (2, a - 1);
            }
            // A one-word name after a capitalised word the tagger left out, itself after a
            // word for what a person does, is the person's full name ("City manager Pep
            // Guardiola" gave the organisation "Guardiola").
            if b == a + 1
                && a >= 2
                && ls[a - 1] == 0
                && capitalised(words[a - 1])
                && words[a - 1].chars().skip(1).all(char::is_lowercase)
                && !TITLES.contains(words[a - 1])
                && !NOT_NAMES.contains(&words[a - 1])
                && (words[a - 2].starts_with(|c: char| c.is_ascii_lowercase())
                    && (PER_DESCRIPTORS.contains(words[a - 2])
                        || TITLES.contains(words[a - 2])
                        || matches!(words[a - 2], "manager" | "boss" | "teammate"))
                    && !known(a - 1, a)
                    && !known(a, b)
                    // After a capitalised title, a given name no common word, the two
                    // unknown to the knowledge base, whatever towns share them ("Madison
                    // Police Chief Shon Barnes" gave the body "Barnes").
                    || capitalised(words[a - 2])
                        && (TITLES.contains(words[a - 2]) || words[a - 2] == "Chief")
                        && !TITLE_MODIFIERS.contains(&words[a - 1])
                        && !res
                            .common_words
                            .contains(crate::text::lowercase(words[a - 1]).as_ref())
                        && !kb_known(a - 1, a)
                        && !kb_known(a, b))
            {
                (t, a) = (0, a - 1);
            }
            // A title's portfolio and a person's full name the tagger took for a body or a
            // place ("Minister of Foreign Affairs Retno Marsudi" gave the body "Foreign Affairs
            // Retno Marsudi", "National Security Adviser Eduardo Ano" a body): the person.
            if t != 0 && !known(a, b) {
                if let Some(m) = name_after_a_portfolio(res, &words, a, b) {
                    (t, a) = (0, m);
                }
            }
            // A title before a surname that no list or dictionary knows, the two taken for a
            // body or a place, is the surname's holder ("Cardinal Parolin" was a body).
            if t != 0
                && b - a == 2
                && capitalised(words[a])
                && TITLES.contains(words[a].trim_end_matches('.'))
                && !known(a, b)
                && unknown_plain_word(a + 1)
                && !is_abbreviation(words[a + 1])
                && !matches!(words[a + 1], "Dept" | "Govt" | "Assn" | "Intl" | "Natl")
                && !ORG_ONLY_HEADS.contains(words[a + 1])
            {
                t = 0;
            }
            // A title or a word for what a person does opening what the tagger took for a body
            // or a place, before a full name, is a person's ("Treasurer Jim Chalmers",
            // "Comedian Nikki Glaser" were organisations).
            if t != 0
                && (3..=4).contains(&(b - a))
                && (TITLES.contains(words[a].trim_end_matches('.'))
                    || PER_DESCRIPTORS.contains(words[a]))
                && capitalised(words[a])
                && !known(a, b)
                && words[a + 1..b].iter().enumerate().all(|(k, w)| {
                    // A particle inside the name ("Justice Alexandre de Moraes").
                    (k > 0 && a + 1 + k < b - 1 && NAME_PARTICLES.contains(w))
                        || (capitalised(w)
                            && w.chars().skip(1).all(char::is_lowercase)
                            && !TITLES.contains(w)
                            && !ORG_HEADS.contains(w)
                            && !PLACE_HEADS.contains(w)
                            && !COMPANY_WORDS.contains(w))
                })
            {
                t = 0;
            }
            // A Malay honorific is no part of the name, which is a person's whatever the
            // tagger took it for ("Tan Sri Nor Mohamed Yakcop" was a body, "Tun" of "Tun Dr
            // Mahathir Mohamad" a place); nor is it a name alone.
            if !honorific.is_empty() && honorific[a] {
                while a < b && honorific[a] {
                    a += 1;
                }
                if a == b {
                    continue;
                }
                if words[a..b].iter().all(|w| capitalised(w)) {
                    t = 0;
                }
            }
            // A title the tagger took into a person ("Coach Jan Koster" at a sentence start)
            // is not part of the name, unless the knowledge base names it so ("King Charles").
            // So is a word for what the person does that opens the sentence before a full
            // name ("Spinner Tom Hartley took seven wickets").
            // Not where a word after it names a body: "General" opens "General Confederation
            // of Labour".
            let body_word =
                |w: &str| capitalised(w) && (ORG_ONLY_HEADS.contains(w) || BODY_HEADS.contains(w));
            // Whether the word at `k` opens the sentence (nothing but punctuation before it).
            let opens_sentence_at = |k: usize| {
                sentence[..k]
                    .iter()
                    .all(|&(s, e)| !text[s..e].chars().any(char::is_alphanumeric))
            };
            // So is a person's title opening a sentence before a name of two words or more the
            // tagger took for a body's ("Justice Alice Loke Yee Ching ruled"), when no word
            // after it is a body's or a place's head and the gazetteer knows neither the run
            // nor the name.
            if t == 1
                && b - a >= 3
                && opens_sentence_at(a)
                && TITLES.contains(words[a])
                && !TITLE_MODIFIERS.contains(&words[a])
                && !known(a, b)
                && words[a + 1..b].iter().all(|w| {
                    capitalised(w)
                        && !ORG_HEADS.contains(w)
                        && !PLACE_HEADS.contains(w)
                        && !TITLES.contains(w)
                        && !COMPANY_WORDS.contains(w)
                })
                && !known(a + 1, b)
            {
                (t, a) = (0, a + 1);
            }
            while t == 0
                && b - a > 1
                && (TITLES.contains(text[sentence[a].0..sentence[a].1].trim_end_matches('.'))
                    || b - a > 2 && PER_DESCRIPTORS.contains(words[a]))
                && !kb_known(a, b)
                && !words[a + 1..b].iter().any(|w| body_word(w))
            {
                a += 1;
            }
            // Nor is a word for where the body or the person stands ("Ruling People Power
            // Party", "Incumbent Hamid Karzai").
            while b - a > 1 && STANDING_WORDS.contains(&words[a]) && !known(a, b) {
                a += 1;
            }
            // A preposition or conjunction opening the sentence is no part of a name.
            while b - a > 1 && FUNCTION_WORDS.contains(words[a]) && opens_sentence_at(a) {
                a += 1;
                // And the article after it ("During the Bangladesh Liberation War").
                while b - a > 1 && matches!(words[a], "the" | "a" | "an") {
                    a += 1;
                }
            }
            // A body whose name ends in "'s" has it as part of its name ("a McDonald's in
            // Altoona" was a place "McDonald"), a paper too ("Barron's").
            if b < words.len()
                && POSSESSIVES.contains(&words[b])
                && exact.get(&(sentence[a].0, sentence[b].1)).is_some_and(|h| {
                    h.targets.iter().any(
                        |t| matches!(*t, Target::Kb(i) if res.kb[i].kind == KbKind::Organisation),
                    )
                })
            {
                b += 1;
            }
            let (start, end) = (sentence[a].0, sentence[b - 1].1);
            if b - a == 1
                && (date_word(text, start, end)
                    // A title the tagger cut from the name after it ("lead author Dr. Emily
                    // Carter") is no name.
                    || (t == 0 && TITLES.contains(text[start..end].trim_end_matches('.')))
                    || COMMON_ACRONYMS.contains(&&text[start..end])
                    // The liturgy ("celebrate Mass on the Beirut waterfront"), not the AP's
                    // Massachusetts after a town ("Boston, Mass.").
                    || (&text[start..end] == "Mass" && !text[..start].ends_with(", "))
                    || instrument_code(text, start, end)
                    || numbered_word(res, text, (start, end), &exact)
                    || ordinary_word_at_start(
                        res,
                        text,
                        toks,
                        &sentence[..a],
                        (start, end),
                        &exact,
                    ))
            {
                continue;
            }
            let margin = labels[a..b]
                .iter()
                .map(|(_, m)| *m)
                .fold(f32::MAX, f32::min);
            let confidence = (1.0 / (1.0 + (-margin / 4.0).exp())).clamp(0.5, 0.99);
            let surface = &text[start..end];
            // A compound adjective is an "other" name, as CoNLL writes "Toronto-based", linked
            // to the place or the people it names ("Lagos-based SBM Intelligence" gave the body
            // "Lagos-based").
            if let Some(ending) = COMPOUND_ENDINGS
                .iter()
                .chain(&BEHIND_SUFFIXES)
                .find(|e| b - a == 1 && surface.len() > e.len() && surface.ends_with(*e))
            {
                let stem = (start, end - ending.len());
                let stem_hit = exact.get(&stem);
                let context = PlaceContext::of(&countries, text, stem.0, stem.1);
                let place = stem_hit.and_then(|h| {
                    choose_place(res, &h.targets, &text[stem.0..stem.1], &countries, context)
                });
                let mut f = match (place, stem_hit.and_then(|h| demonym_country(res, h))) {
                    (Some((i, _)), _) => Found::place(res, i, (start, end), confidence),
                    (None, Some(i)) => Found::demonym(res, i, (start, end), confidence),
                    (None, None) => {
                        Found::unlinked(text, MentionKind::Other, (start, end), confidence)
                    }
                };
                f.kind = MentionKind::Other;
                out.push(f);
                continue;
            }
            let hit = exact.get(&(start, end));
            // Countries, continents or known bodies joined by hyphens ("China-Africa
            // relations", "Israel-Hamas war") are an "other" name, as CoNLL writes
            // "Israel-PLO", never a person or a place of their own.
            let joined = b - a == 1 && hit.is_none() && surface.contains('-') && {
                let mut at = start;
                surface.split('-').all(|part| {
                    let span = (at, at + part.len());
                    at += part.len() + 1;
                    exact.get(&span).is_some_and(|h| {
                        h.targets.iter().any(|t| match *t {
                            Target::Place(i) => matches!(
                                res.places[i].kind,
                                PlaceKind::Country | PlaceKind::Continent
                            ),
                            Target::Kb(i) => res.kb[i].kind == KbKind::Organisation,
                            Target::Demonym(_) => false,
                        })
                    })
                })
            };
            if joined {
                out.push(Found::unlinked(
                    text,
                    MentionKind::Other,
                    (start, end),
                    confidence,
                ));
                continue;
            }
            let target = |want: fn(&Target, &Resources) -> bool| {
                hit.and_then(|h| h.targets.iter().find(|t| want(t, res)).copied())
            };
            // A curated knowledge-base name knows its kind better than the tagger.
            if let Some(Target::Kb(i)) = target(|t, _| matches!(t, Target::Kb(_))) {
                out.push(Found::kb(res, i, (start, end), confidence.max(0.85)));
                continue;
            }
            // A knowledge-base company with its legal form ("Microsoft Corp", "Toyota Motor
            // Corp.") is that company.
            let with_legal_form = b - a >= 2 && legal_form(words[b - 1]);
            if let Some(i) = with_legal_form
                .then(|| exact.get(&(sentence[a].0, sentence[b - 2].1)))
                .flatten()
                .and_then(|h| kb_organisation(res, h))
            {
                out.push(Found::kb(res, i, (start, end), confidence.max(0.85)));
                continue;
            }
            if let Some(i) = (t == 0 && b - a == 2)
                .then(|| kb_person_by_parts(res, gaz, words[a], words[b - 1]))
                .flatten()
            {
                out.push(Found::kb(res, i, (start, end), confidence.min(0.85)));
                continue;
            }
            // A country's or a people's name before a knowledge-base organisation's is that
            // organisation, named as wire copy names it ("U.S. Federal Reserve").
            if let Some(i) = (crate::tagger::TYPES[t] == "ORG")
                .then(|| national_kb_organisation(res, &exact, &sentence[a..b]))
                .flatten()
            {
                out.push(Found::kb(res, i, (start, end), confidence.min(0.85)));
                continue;
            }
            // An unlinked organisation that is a known place right after a locative preposition
            // ("moved to Nice") is the place.
            // Or after a compass point's adjective ("over eastern Texas").
            let after_prep = a > 0
                && (PLACE_PREPS.contains(words[a - 1])
                    || (words[a - 1].starts_with(|c: char| c.is_ascii_lowercase())
                        && COMPASS_ADJECTIVES.contains(words[a - 1])));
            // "the province of Sindh".
            let of_place_noun =
                |k: usize| k > 1 && words[k - 1] == "of" && PLACE_NOUNS.contains(words[k - 2]);
            // And the next in a list of them ("the villages of Hokeng Jaya and Klatanlo").
            let listed = |k: usize| {
                k > 1
                    && matches!(words[k - 1], "and" | ",")
                    && (1..k - 1)
                        .rev()
                        .take_while(|&m| capitalised(words[m]) || words[m] == ",")
                        .any(|m| capitalised(words[m]) && of_place_noun(m))
            };
            // Or listed before their plural ("the Kursk, Bryansk and Belgorod regions": Kursk
            // was a body).
            let listed_before_plural = || {
                let e = (b..words.len())
                    .find(|&m| !(capitalised(words[m]) || matches!(words[m], "," | "and")))
                    .unwrap_or(words.len());
                b - a <= 3
                    && e > b
                    && !capitalised(words[b])
                    && capitalised(words[e - 1])
                    && words
                        .get(e)
                        .is_some_and(|w| w.ends_with('s') && PLACE_NOUNS.contains(w))
            };
            // A people's name after the list opens another phrase ("the region of
            // Somaliland, Turkish President Tayyip Erdogan said").
            let people =
                hit.is_some_and(|h| h.targets.iter().any(|t| matches!(t, Target::Demonym(_))));
            let after_place_noun =
                of_place_noun(a) || (listed(a) || listed_before_plural()) && !people;
            let place_hit =
                hit.is_some_and(|h| h.targets.iter().any(|t| matches!(t, Target::Place(_))));
            // A name whose shares or officers are spoken of is a company ("Safaricom shares
            // fell", "shares in Naspers", "a stake in Glencore", "former Wirecard chief
            // executive"), not a place's or a people's market ("Tokyo shares", "European
            // shares", "shares in Tokyo"): evidence that outweighs the tagger's guesses at the
            // same name elsewhere ("the collapse of Wirecard" was a place).
            let company = (speaks_of_shares(&words, a, b)
                || crate::tagger::TYPES[t] != "PER" && officer_after(&words, b))
                && !hit.is_some_and(|h| {
                    h.targets
                        .iter()
                        .any(|t| matches!(t, Target::Place(_) | Target::Demonym(_)))
                });
            // A capitalised word of the span that is no head and that the gazetteer does not
            // know alone: part of a person's name as far as the words tell.
            let unknown_name_word = |k: usize| {
                capitalised(words[k])
                    && !ORG_HEADS.contains(words[k])
                    && !PLACE_HEADS.contains(words[k])
                    && !exact.contains_key(&sentence[k])
            };
            let ty = match crate::tagger::TYPES[t] {
                // "X" alone is the platform ("mobilized on TikTok and X"), not a place.
                _ if surface == "X" => "ORG",
                // A family name and a hyphenated given name are a Chinese or Korean person's
                // name ("Hou Yu-ih", "Lee Jae-myung").
                _ if b - a == 2
                    && korean_given_name(words[a + 1])
                    && words[a + 1].split('-').all(|part| {
                        !common_in_any_spelling(res, part)
                            && !res.english_word(crate::text::lowercase(part).as_ref())
                    })
                    && !common_in_any_spelling(res, words[a])
                    && words[a].len() <= 6
                    && words[a][1..].bytes().all(|c| c.is_ascii_lowercase()) =>
                {
                    "PER"
                }
                // A name before a word for a part of a town or a camp is the place ("in the
                // Cite Soleil slum", "the Jabalia refugee camp", "the Shujaiya neighbourhood", a
                // suburb), as is a palace's or a housing estate's ("La Moneda palace", "the Wang Fuk
                // Court housing estate"); not a people's ("the Palestinian refugee camp"); so is
                // a name of two words or more before a temple ("near the Ta Muen Thom temple"
                // was a body).
                // A "person" whose name goes on to a word for a sports venue is the venue
                // ("at Jumeirah Golf Estates").
                "PER"
                    if words[a + 1..b].iter().any(|w| {
                        matches!(
                            *w,
                            "Golf" | "Stadium" | "Arena" | "Estates" | "Speedway" | "Raceway"
                        )
                    }) =>
                {
                    "LOC"
                }
                "PER" | "ORG" | "MISC"
                    if matches!(
                        words.get(b..b + 2).unwrap_or_default(),
                        [
                            "slum"
                                | "slums"
                                | "neighbourhood"
                                | "neighborhood"
                                | "township"
                                | "suburb"
                                | "suburbs"
                                | "palace",
                            ..
                        ] | ["refugee", "camp"]
                            | ["housing", "estate" | "complex"]
                    ) && !people
                        // A district's, not its court's or its party's ("the Dahiyeh district";
                        // "a Republican district", "the Kansas district court").
                        || words.get(b) == Some(&"district")
                            && !matches!(
                                words.get(b + 1).copied(),
                                Some("court" | "courts" | "judge" | "attorney" | "attorneys")
                            )
                            && !people
                            && !PARTY_CREEDS.contains(&words[b - 1])
                        || b - a >= 2
                            && matches!(
                                words.get(b).copied(),
                                Some("temple" | "pagoda" | "monastery")
                            ) =>
                {
                    "LOC"
                }
                // A city and a plural nickname no gazetteer knows whole are a team ("Chennai
                // Super Kings retained Ruturaj Gaikwad" gave a place); not a place's plural
                // ("Niagara Falls", "Golan Heights").
                "LOC"
                    if b - a >= 2
                        && hit.is_none()
                        && city(a, a + 1)
                        && plural_nickname(words[b - 1]) =>
                {
                    "ORG"
                }
                // English words before a country are a body's name, no person's
                // ("Environment and Climate Change Canada" gave the person "Climate Change
                // Canada").
                "PER"
                    if b - a >= 3
                        && country(b - 1, b)
                        && words[a..b - 1].iter().all(|w| {
                            capitalised(w) && res.english_word(crate::text::lowercase(w).as_ref())
                        }) =>
                {
                    "ORG"
                }
                // A product's model ("Model Y", "Model 3") is a thing.
                _ if b - a == 2
                    && words[a] == "Model"
                    && words[b - 1].len() <= 3
                    && words[b - 1]
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) =>
                {
                    "MISC"
                }
                // A one-word "person" before a word for a facility names the place ("Adiala
                // jail", "Evin prison", "Zaporizhzhia plant" stay places); so does a one-word
                // "body" the gazetteer knows as a place ("Boeing's Renton factory").
                "PER" | "ORG"
                    if b - a == 1
                        && (crate::tagger::TYPES[t] == "PER" || place_hit)
                        && words.get(b).is_some_and(|w| {
                            matches!(
                                *w,
                                "jail"
                                    | "prison"
                                    | "airport"
                                    | "airbase"
                                    | "refinery"
                                    | "camp"
                                    | "crossing"
                                    | "dam"
                                    | "port"
                                    | "mine"
                                    | "oilfield"
                                    | "stadium"
                                    | "factory"
                                    | "plant"
                                    | "shipyard"
                            )
                        }) =>
                {
                    "LOC"
                }
                // A person's state or country after "of" ("Sen. Richard Blumenthal of
                // Connecticut said": the tagger reads a body, as after "University").
                "ORG"
                    if a >= 2
                        && words[a - 1] == "of"
                        && matches!(labels[a - 2].0, 1 | 2)
                        && hit.is_some_and(|h| {
                            h.targets.iter().any(|t| {
                                matches!(*t, Target::Place(i) if matches!(
                                    res.places[i].kind,
                                    PlaceKind::Country | PlaceKind::State
                                ))
                            })
                        }) =>
                {
                    "LOC"
                }
                // A "body" the gazetteer knows as a place, before a word for the town's
                // justice or authorities, is the place ("a Tel Aviv court", "Paris
                // prosecutors"); not a club before its manager ("Chelsea manager").
                "ORG"
                    if place_hit
                        && words.get(b).is_some_and(|w| {
                            matches!(
                                *w,
                                "court"
                                    | "courts"
                                    | "judge"
                                    | "prosecutor"
                                    | "prosecutors"
                                    | "police"
                                    | "authorities"
                                    | "officials"
                                    | "residents"
                                    | "hospital"
                                    | "mayor"
                            )
                        }) =>
                {
                    "LOC"
                }
                // A region's people is an "other" name, as a country's is ("Southeast Asian
                // rivals", "Central Asian states" were bodies).
                "PER" | "ORG" | "LOC"
                    if b - a == 2
                        && hit.is_none()
                        && REGION_FIRST_WORDS.contains(&words[a])
                        && REGION_PEOPLES.contains(&words[a + 1]) =>
                {
                    "MISC"
                }
                // A name ending in a company's legal form is the company's ("Tokyo Electron
                // Ltd." was a place).
                "PER" | "LOC" | "MISC" if b - a >= 2 && legal_form(words[b - 1]) => "ORG",
                // A name ending in a word only bodies' names end in, or in the word for an
                // industry, is no person's ("Micron Technology", "Rigetti Computing"; no heads
                // where they join "Science and Technology").
                "PER"
                    if b - a >= 2
                        && (ORG_ONLY_HEADS.contains(words[b - 1])
                            || INDUSTRY_WORDS.contains(&words[b - 1])
                            // A state university's teams ("Fresno State").
                            || words[b - 1] == "State") =>
                {
                    "ORG"
                }
                // A member of a party is named by the party's creed ("Christian Democrat
                // leader Friedrich Merz", "Social Democrat lawmakers"): an "other" name, no
                // person.
                "PER"
                    if b - a == 2
                        && matches!(
                            words[b - 1],
                            "Democrat" | "Democrats" | "Republican" | "Republicans"
                        )
                        && matches!(words[a], "Christian" | "Social" | "Liberal" | "Free") =>
                {
                    "MISC"
                }
                // An instrument or a craft is a thing ("James Webb Space Telescope" was a
                // person).
                "PER" | "LOC" | "ORG"
                    if b - a >= 2
                        && hit.is_none()
                        && (THING_HEADS.contains(words[b - 1])
                            || words[b - 2..b] == ["Space", "Station"]) =>
                {
                    "MISC"
                }
                // A full name after a title in lower case is a person's ("Vox leader Santiago
                // Abascal" was a place, then an organisation).
                "LOC" | "ORG"
                    if (2..=3).contains(&(b - a))
                        && hit.is_none()
                        && a >= 1
                        && words[a - 1].starts_with(|c: char| c.is_lowercase())
                        && TITLES.contains(words[a - 1])
                        && words[a..b].iter().all(|w| {
                            capitalised(w)
                                && w.chars().skip(1).all(char::is_lowercase)
                                && !ORG_HEADS.contains(w)
                                && !PLACE_HEADS.contains(w)
                                && !COMPANY_WORDS.contains(w)
                        }) =>
                {
                    "PER"
                }
                // A full name joined by "and" to a person's full name is a person's too
                // ("Jasprit Bumrah and Arshdeep Singh"), not an organisation no word of which
                // names one.
                "ORG"
                    if (2..=3).contains(&(b - a))
                        && hit.is_none()
                        && a >= 1
                        && words[a - 1] == "and"
                        && words[a..b].iter().all(|w| {
                            capitalised(w)
                                && w.chars().skip(1).all(char::is_lowercase)
                                && !ORG_HEADS.contains(w)
                                && !COMPANY_WORDS.contains(w)
                        })
                        && out.last().is_some_and(|o| {
                            o.kind == MentionKind::Person
                                && o.name.contains(' ')
                                && text[o.end..start].trim() == "and"
                        }) =>
                {
                    "PER"
                }
                "ORG" if after_prep && place_hit => "LOC",
                // A county in which something is ("in Gaines County"); a club is one at, to or
                // from ("lost to Derby County", "signed from Notts County").
                "ORG"
                    if b - a >= 2
                        && a > 0
                        && words[b - 1] == "County"
                        && matches!(
                            words[a - 1],
                            "in" | "near" | "across" | "outside" | "around"
                        ) =>
                {
                    "LOC"
                }
                // What a person heads is no person ("Mossad chief David Barnea", "Baykar chief
                // executive Haluk Bayraktar", "Nvidia CEO Jensen Huang").
                "PER"
                    if b - a == 1
                        && match words.get(b).copied() {
                            Some("chief" | "boss" | "CEO" | "founder" | "chairman") => {
                                words.get(b + 1).is_some_and(|w| capitalised(w))
                                    || (words.get(b + 1) == Some(&"executive")
                                        && words.get(b + 2).is_some_and(|w| capitalised(w)))
                            }
                            _ => false,
                        } =>
                {
                    "ORG"
                }
                // A place before a title is where the office is ("California Gov. Gavin
                // Newsom", "Texas Attorney General").
                "ORG"
                    if place_hit
                        && words.get(b).is_some_and(|w| {
                            capitalised(w)
                                && (TITLES.contains(w.trim_end_matches('.'))
                                    || TITLE_MODIFIERS.contains(w))
                        }) =>
                {
                    "LOC"
                }
                // Nor is a person what lies in, into or near a place of its name ("push on into
                // Rafah"; not "to" or "from", which people follow too, nor a possessive: "in
                // Jordan's film").
                "PER"
                    if place_hit
                        && !text[end..]
                            .trim_start_matches(' ')
                            .starts_with(['\'', '\u{2019}'])
                        && a > 0
                        && matches!(
                            words[a - 1],
                            "in" | "into"
                                | "near"
                                | "outside"
                                | "across"
                                | "around"
                                | "toward"
                                | "towards"
                        ) =>
                {
                    "LOC"
                }
                // A name of several words the gazetteer knows as a place is that place, not a
                // person the tagger guessed ("Chiang Mai").
                "PER" if b - a >= 2 && place_hit => "LOC",
                // A state named for its capital or its people, outside the US, where "Ohio
                // State" is a university ("Katsina State", "Zamfara State"; not "Islamic
                // State"), before no more of a body's name ("Uttar Pradesh State Road
                // Transport Corporation").
                "LOC" | "ORG" | "MISC" | "PER"
                    if b - a >= 2
                        && words[b - 1] == "State"
                        && exact
                            .get(&(sentence[a].0, sentence[b - 2].1))
                            .is_some_and(|h| {
                                let mut places = h
                                    .targets
                                    .iter()
                                    .filter_map(|t| match *t {
                                        Target::Place(i) => Some(&res.places[i]),
                                        _ => None,
                                    })
                                    .peekable();
                                places.peek().is_some() && places.all(|p| p.country != "US")
                            })
                        && words
                            .get(b)
                            .is_none_or(|w| !capitalised(w) || TITLES.contains(w)) =>
                {
                    "LOC"
                }
                // A place's name followed by a word that names no place ("Perth Glory", "Texas
                // Instruments") is no place but an organisation named after one — unless a
                // locative preposition or "the town of" says it is a place ("at Trent Bridge").
                "LOC"
                    if b - a >= 2
                        && !(place_hit || after_prep || after_place_noun)
                        && !PLACE_HEADS.contains(words[b - 1])
                        && exact
                            .get(&(sentence[a].0, sentence[b - 2].1))
                            .is_some_and(|h| {
                                h.targets.iter().any(|t| matches!(t, Target::Place(_)))
                            }) =>
                {
                    "ORG"
                }
                // A city's name and a capitalised plural is a team ("Denver Nuggets", "Toronto
                // Raptors"), whatever the tagger guessed; a city of some size by its own name,
                // as small towns' names and other cities' other names are first names too
                // ("Loren Roberts", "Julia Roberts").
                "PER" | "MISC"
                    if b - a >= 2
                        && !place_hit
                        && words[b - 1].len() > 3
                        && words[b - 1].ends_with('s')
                        && !words[b - 1].ends_with("ss")
                        && !PLACE_HEADS.contains(words[b - 1])
                        && !EVENT_HEADS.contains(words[b - 1])
                        && exact
                            .get(&(sentence[a].0, sentence[b - 2].1))
                            .is_some_and(|h| {
                                h.targets.iter().any(|t| {
                                    matches!(*t, Target::Place(i)
                                        if res.places[i].kind == PlaceKind::City
                                            && res.places[i].population >= TEAM_CITY
                                            && res.places[i].name
                                                == text[sentence[a].0..sentence[b - 2].1])
                                })
                            }) =>
                {
                    "ORG"
                }
                // A point of the compass before a country, a continent or a region the gazetteer
                // knows is part of that place ("Western Balkans", "Eastern Europe" were bodies);
                // not before a US state, which names a college's teams ("Southern California",
                // "Northern Colorado"), nor a town ("Western Union"), nor a name the gazetteer
                // knows whole, which the tagger has seen as a team ("against Western Australia").
                "ORG" | "MISC"
                    if b - a >= 2
                        && !place_hit
                        && words[a].starts_with(|c: char| c.is_ascii_uppercase())
                        && words[a][1..].bytes().all(|c| c.is_ascii_lowercase())
                        && COMPASS_ADJECTIVES.contains(words[a])
                        && region(a + 1, b) =>
                {
                    "LOC"
                }
                // A name the gazetteer does not know as a place that ends in a word naming a
                // body is that body ("Israel Defense Forces", "Kenya Wildlife Service"), and so
                // is an exchange ("Indonesia Stock Exchange" was a place).
                "LOC" | "MISC"
                    if b - a >= 2
                        && !place_hit
                        && (BODY_HEADS.contains(words[b - 1]) || words[b - 1] == "Exchange") =>
                {
                    "ORG"
                }
                // A court named after its country's people is that court ("Brazilian Supreme
                // Court" was an "other" name).
                "MISC" if b - a >= 2 && matches!(words[b - 1], "Court" | "Tribunal") => "ORG",
                // So is a supreme, high or federal court after its country's name ("US Supreme
                // Court" was a place) where the gazetteer knows no place by the name, and a local
                // court after its town's ("Waverley Local Court" was a person).
                "LOC" | "PER"
                    if b - a >= 3
                        && !place_hit
                        && words[b - 1] == "Court"
                        && COURT_KINDS.contains(&words[b - 2]) =>
                {
                    "ORG"
                }
                // A chamber named after its country's people is that chamber ("Philippine House
                // of Representatives" was an "other" name).
                "MISC"
                    if b - a >= 4
                        && matches!(
                            words[b - 3..b],
                            [
                                "House",
                                "of",
                                "Representatives" | "Commons" | "Lords" | "Councillors"
                            ] | ["Chamber", "of", "Deputies"]
                        ) =>
                {
                    "ORG"
                }
                "PER" | "LOC" | "MISC" if company => "ORG",
                "PER" if spelled_out_acronym(&words[a..b], &text[end..]) => "ORG",
                // A word with a capital inside it that no gazetteer knows as a place is a
                // product's or a company's name ("ChatGPT", "PlayStation"), not a place; not the
                // Scottish and Irish names ("McAllen", "MacArthur").
                "LOC"
                    if b - a == 1
                        && !place_hit
                        && !words[a].starts_with("Mc")
                        && !words[a].starts_with("Mac")
                        && words[a]
                            .as_bytes()
                            .windows(2)
                            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase()) =>
                {
                    "MISC"
                }
                // Where analysts and economists work is a firm ("analysts at Capital
                // Economics", "an economist at ING", "economists at Nomura and Mizuho"), not a
                // town's namesake.
                "PER" | "LOC" | "MISC"
                    if a >= 2
                        && hit.is_none_or(|h| {
                            h.targets.iter().all(|t| match *t {
                                Target::Place(i) => {
                                    res.places[i].kind == PlaceKind::City
                                        && res.places[i].population < SMALL_TOWN
                                }
                                _ => true,
                            })
                        })
                        && (words[a - 1] == "at"
                            || a >= 4 && words[a - 1] == "and" && words[a - 3] == "at")
                        && matches!(
                            crate::text::lowercase(
                                words[if words[a - 1] == "at" { a - 2 } else { a - 4 }]
                            )
                            .as_ref(),
                            "analyst"
                                | "analysts"
                                | "economist"
                                | "economists"
                                | "strategist"
                                | "strategists"
                                | "researchers"
                                | "scientists"
                                | "executives"
                                | "traders"
                        ) =>
                {
                    "ORG"
                }
                // An acronym no gazetteer knows as a place, in a sentence not written in
                // capitals, is a body's ("UNRWA said"), not a place — unless a dateline's
                // ("LANDGRAAF, Netherlands") or after a town ("Moscow, USSR").
                "LOC"
                    if b - a == 1
                        && !place_hit
                        && words[a].len() >= 3
                        && all_capitals(words[a])
                        && words
                            .iter()
                            .any(|w| w.bytes().any(|c| c.is_ascii_lowercase()))
                        && !(a == 0 && words.get(1) == Some(&","))
                        && !(a >= 2 && words[a - 1] == "," && capitalised(words[a - 2])) =>
                {
                    "ORG"
                }
                // An airport named after a person is a place ("Charles de Gaulle airport").
                "PER" if text[end..].starts_with(" airport") => "LOC",
                // So is a "person" before a word for a works or a mine ("Vistra's Perry and
                // Davis-Besse plants", "the Escondida mine").
                "PER"
                    if [
                        " plant",
                        " plants",
                        " mine",
                        " mines",
                        " refinery",
                        " reactor",
                        " reactors",
                        " dam",
                        " dams",
                        " oilfield",
                        " oilfields",
                    ]
                    .iter()
                    .any(|w| opens_with_words(&text[end..], w)) =>
                {
                    "LOC"
                }
                // A saint the gazetteer knows no place by, not after a word for where nor
                // before a comma and a region, is the saint ("pray at the tomb of St.
                // Augustine" was a place).
                "LOC"
                    if b - a == 2
                        && hit.is_none()
                        && matches!(words[a], "St." | "St" | "Saint")
                        && !after_prep
                        && !text[end..].starts_with(',')
                        // Nor before a word for a place ("the capital of St. Elizabeth parish").
                        && !words
                            .get(b)
                            .is_some_and(|w| PLACE_NOUNS.contains(w) || w.starts_with("parish"))
                        && plain_name_word(words[a + 1])
                        && !initial_letter(words[a + 1]) =>
                {
                    "PER"
                }
                // An Arabic name by a parent's name and a family name is a person's ("al Qaeda
                // ally Abu Musab al-Zarqawi" was an organisation).
                "ORG" | "LOC" | "MISC"
                    if (3..=4).contains(&(b - a))
                        && hit.is_none()
                        && matches!(words[a], "Abu" | "Umm")
                        && ["al-", "Al-", "el-"]
                            .iter()
                            .any(|p| words[b - 1].strip_prefix(p).is_some_and(capitalised)) =>
                {
                    "PER"
                }
                // A manager's name before "'s side" is a person's ("Pep Guardiola's side"),
                // where no word of it is a name the gazetteer knows ("Bayern Munich's side")
                // or an ordinary word ("West Ham's side").
                "ORG"
                    if b - a == 2
                        && hit.is_none()
                        && POSSESSIVES.iter().any(|p| {
                            text[end..]
                                .strip_prefix(p)
                                .and_then(|r| r.strip_prefix(' '))
                                .is_some_and(|r| {
                                    ["side", "men", "squad", "charges"]
                                        .iter()
                                        .any(|w| opens_with_words(r, w))
                                })
                        })
                        && (a..b).all(|k| {
                            let w = words[k];
                            w.chars().count() >= 3
                                && w.starts_with(|c: char| c.is_uppercase())
                                && w.chars().skip(1).all(char::is_lowercase)
                                && !exact.contains_key(&sentence[k])
                                && !ORG_HEADS.contains(w)
                                && !PLACE_HEADS.contains(w)
                                && !res
                                    .common_words
                                    .contains(crate::text::lowercase(w).as_ref())
                        }) =>
                {
                    "PER"
                }
                // A party's members are no person ("Christian Democrats", "Social Democrats"),
                // an "other" name as CoNLL writes "Democrats".
                "PER"
                    if matches!(
                        words[b - 1],
                        "Democrats"
                            | "Republicans"
                            | "Socialists"
                            | "Conservatives"
                            | "Liberals"
                            | "Communists"
                            | "Nationalists"
                            | "Tories"
                    ) =>
                {
                    "MISC"
                }
                // A sports team's name ("UAE Team Emirates", "Team Visma").
                "PER" | "LOC" | "MISC" if b - a >= 2 && words[a..b].contains(&"Team") => "ORG",
                // No person's name has a word for a company or a body in it ("Kyushu Electric
                // Power", "Grupo Financiero Galicia"); surnames that are such words ("Samantha
                // Power", "Margaret Court") are not in the list. Nor the plural of a body's
                // head ("Wad Madani Resistance Committees").
                "PER"
                    if b - a >= 2
                        && words[a..b].iter().any(|w| {
                            capitalised(w)
                                && (ORG_ONLY_HEADS.contains(w)
                                    || BODY_HEADS.contains_or_plural(w)
                                    || COMPANY_WORDS.contains(w))
                        }) =>
                {
                    "ORG"
                }
                // A body's head before "of" ("Danish Chamber of Commerce" was an "other" name,
                // "US Chamber of Commerce" a place).
                "MISC" | "LOC"
                    if b - a >= 3
                        && words[a + 1..b - 1]
                            .iter()
                            .position(|w| *w == "of")
                            .is_some_and(|m| {
                                let head = words[a + m];
                                capitalised(head)
                                    && (BODY_HEADS.contains(head) || ORG_ONLY_HEADS.contains(head))
                            }) =>
                {
                    "ORG"
                }
                "PER" | "LOC" | "ORG" if b - a == 1 && GROUP_WORDS.contains_or_plural(words[a]) => {
                    "MISC"
                }
                // Not a name shaped like a person's, with a middle initial ("operator George
                // F. Hauser").
                "PER" | "LOC" | "MISC"
                    if introduced_as_organisation(|k| words[k], a)
                        && !(b - a >= 3 && words[a + 1..b - 1].iter().any(|w| initial(w))) =>
                {
                    "ORG"
                }
                // A name with a leader or a spokesman of its own before a person's is a body
                // ("Chadema leader Tundu Lissu": the tagger took Chadema for a person); so with
                // "'s" before a leader, which a person does not have ("Chadema's leader").
                "PER"
                    if b - a == 1 && hit.is_none() && {
                        let possessive = words.get(b) == Some(&"'s");
                        let role = words.get(b + usize::from(possessive)).copied();
                        let party_role = matches!(
                            role,
                            Some(
                                "leader"
                                    | "chairman"
                                    | "secretary-general"
                                    | "lawmaker"
                                    | "lawmakers"
                            )
                        );
                        let speaker =
                            matches!(role, Some("spokesman" | "spokeswoman" | "spokesperson"));
                        (party_role || speaker && !possessive)
                            && words
                                .get(b + 1 + usize::from(possessive))
                                .is_some_and(|w| capitalised(w))
                    } =>
                {
                    "ORG"
                }
                "LOC" | "ORG" | "MISC" if a > 0 && PER_DESCRIPTORS.contains(words[a - 1]) => "PER",
                // A name of two plain words named to a post ("named Satsuki Katayama as finance
                // minister and Toshimitsu Motegi as foreign minister"); not the employer one
                // joins as its chief ("joined Acme Holdings as chief executive").
                "ORG" | "LOC"
                    if b - a == 2
                        && hit.is_none()
                        && (a..b).all(|k| {
                            unknown_name_word(k) && words[k].chars().skip(1).all(char::is_lowercase)
                        })
                        && words.get(b) == Some(&"as")
                        && words[b + 1..]
                            .iter()
                            .take(4)
                            .take_while(|w| w.starts_with(|c: char| c.is_lowercase()))
                            .any(|w| TITLES.contains(w))
                        && !(a > 0
                            && matches!(
                                words[a - 1],
                                "joined" | "join" | "joins" | "joining" | "at" | "for" | "with"
                            )) =>
                {
                    "PER"
                }
                // A name the gazetteer does not know after a capitalised title is the holder's
                // ("Google Engineering Director Cosmos Nicolaou" was a body), or a name of three
                // words or more whose last word it does not know and no word of which is a
                // country's ("Governor Victoria Rodriguez Ceja" was a place).
                "LOC" | "ORG"
                    if a > 0
                        && b - a >= 2
                        && hit.is_none()
                        && capitalised(words[a - 1])
                        && TITLES.contains(words[a - 1])
                        && ((a..b).all(unknown_name_word)
                            || b - a >= 3
                                && unknown_name_word(b - 1)
                                && (a..b).all(|k| {
                                    capitalised(words[k])
                                        && !ORG_HEADS.contains(words[k])
                                        && !PLACE_HEADS.contains(words[k])
                                        && !country(k, k + 1)
                                })) =>
                {
                    "PER"
                }
                // A show's host ("Fox News host Megyn Kelly", "talk show host Jimmy Kimmel");
                // not a tournament's ("World Cup host Qatar").
                "LOC" | "ORG" | "MISC"
                    if b - a >= 2
                        && a >= 2
                        && words[a - 1] == "host"
                        && (matches!(
                            words[a - 2],
                            "show" | "radio" | "TV" | "television" | "talk" | "chat" | "podcast"
                        ) || (0..a - 1).any(|j| {
                            exact
                                .get(&(sentence[j].0, sentence[a - 2].1))
                                .is_some_and(|h| {
                                    h.targets.iter().any(|t| {
                                        matches!(*t, Target::Kb(i)
                                            if res.kb[i].category == "news_media")
                                    })
                                })
                        })) =>
                {
                    "PER"
                }
                // An institution named for its building that speaks ("The Carter Center said").
                "PER" | "ORG" | "MISC" if b - a >= 2 && institution_speaks(text, start, end) => {
                    "ORG"
                }
                // A fund manager ("Bitwise Asset Management", "Apollo Global Management") or
                // an investor named for its capital ("led by Iconiq Capital"; not a place's
                // capital).
                "PER" | "LOC" | "MISC"
                    if b - a >= 2
                        && words[b - 1] == "Management"
                        && matches!(
                            words[b - 2],
                            "Asset" | "Investment" | "Capital" | "Wealth" | "Global" | "Fund"
                        )
                        || b - a == 2
                            && words[b - 1] == "Capital"
                            && !exact.contains_key(&sentence[a])
                            && !res.english_word(crate::text::lowercase(words[a]).as_ref()) =>
                {
                    "ORG"
                }
                // A name opening with a Spanish article is no person's: a gang's, a band's
                // ("drug gangs such as Los Choneros and Los Lobos" gave two people).
                "PER" if b - a >= 2 && hit.is_none() && matches!(words[a], "Los" | "Las") => "ORG",
                // Two initials and a surname the tagger took for an "other" name are a
                // person's ("alongside TM Roh, who runs the mobile division").
                "MISC"
                    if b - a == 2
                        && hit.is_none()
                        && words[a].len() == 2
                        && all_capitals(words[a])
                        && !exact.contains_key(&sentence[a])
                        && !COMMON_ACRONYMS.contains(&words[a])
                        && unknown_name_word(a + 1)
                        && plain_name_word(words[a + 1])
                        && !res.english_word(crate::text::lowercase(words[a + 1]).as_ref()) =>
                {
                    "PER"
                }
                // A full name after an initial, as Indian copy writes names ("Chief Economic
                // Adviser V Anantha Nageswaran" was a body), is a person's.
                "ORG" | "LOC"
                    if a >= 2
                        && (2..=3).contains(&(b - a))
                        && hit.is_none()
                        && initial_letter(words[a - 1])
                        && !matches!(words[a - 1], "A" | "I")
                        && title_or_adviser(words[a - 2])
                        && (a..b).all(|k| unknown_name_word(k) && plain_name_word(words[k])) =>
                {
                    "PER"
                }
                // A city the tagger took for a body, as CoNLL's sports pages name clubs, is the
                // city in a story about no sport ("convoys between Liverpool and Halifax"), where
                // the knowledge base knows no body by the name.
                "ORG"
                    if b - a == 1
                        && hit.is_some_and(|h| {
                            h.targets.iter().all(|t| {
                                matches!(*t, Target::Place(i)
                                    if res.places[i].kind == PlaceKind::City)
                            }) && h.targets.iter().any(|t| {
                                matches!(*t, Target::Place(i)
                                    if res.places[i].population >= 150_000
                                        && res.places[i].name.eq_ignore_ascii_case(surface))
                            })
                        })
                        && !company
                        // No acronym of three letters or fewer ("GAO").
                        && (surface.len() > 3 || !all_capitals(surface))
                        && !res.english_word(crate::text::lowercase(surface).as_ref())
                        // Not the first word of a longer name ("Fuji Photo Film", "Delta 4").
                        && !words.get(b).is_some_and(|w| {
                            capitalised(w) || w.starts_with(|c: char| c.is_ascii_digit())
                        })
                        && no_sport() =>
                {
                    "LOC"
                }
                // A name of a word and "Bank" no gazetteer knows is a bank, no place ("said Ole
                // Hansen of Saxo Bank"; not "West Bank", "Left Bank").
                "LOC"
                    if b - a == 2
                        && words[b - 1] == "Bank"
                        && hit.is_none()
                        && !matches!(
                            words[a],
                            "West" | "East" | "North" | "South" | "Left" | "Right" | "River"
                        ) =>
                {
                    "ORG"
                }
                // A gallery or a tower is no person ("the museum's Apollo Gallery"); the
                // tagger's bodies by those words stay bodies, as wikigold writes them.
                "PER" if b - a >= 2 && matches!(words[b - 1], "Gallery" | "Tower") => "LOC",
                "PER" | "ORG" | "MISC"
                    if after_place_noun
                        || (b - a >= 2
                            && PLACE_HEADS.contains(words[b - 1])
                            && !county_club_by_score(words[b - 1], words.get(b).copied())) =>
                {
                    "LOC"
                }
                // A town of the state or province named after it ("The Redmond,
                // Washington-based company" was a person).
                "PER" | "ORG" | "MISC"
                    if countries.division_after(text, end).is_some_and(|d| {
                        hit.is_some_and(|h| {
                            h.targets.iter().any(|t| {
                                matches!(*t, Target::Place(i)
                                    if res.places[i].kind == PlaceKind::City
                                        && res.places[i].country == d.country
                                        && res.places[i].admin1 == d.admin1)
                            })
                        })
                    }) =>
                {
                    "LOC"
                }
                other => other,
            };
            // Knowledge-base names were taken above; what is left is linked through the
            // gazetteer (places, demonyms) or stays unlinked.
            let unlinked = |kind| Found::unlinked(text, kind, (start, end), confidence);
            let mut found = match ty {
                "PER" => unlinked(MentionKind::Person),
                "ORG" => unlinked(MentionKind::Organisation),
                "LOC" if place_hit => {
                    let targets = hit.map(|h| h.targets.as_slice()).unwrap_or_default();
                    let context = PlaceContext::of(&countries, text, start, end);
                    match choose_place(res, targets, surface, &countries, context) {
                        Some((i, c))
                            if !countries.small_us_town_out_of_state(res, i)
                                && !countries.small_town_by_another_name(res, i, surface) =>
                        {
                            Found::place(res, i, (start, end), confidence.min(c.max(0.5)))
                        }
                        _ => unlinked(MentionKind::Place),
                    }
                }
                "LOC" => unlinked(MentionKind::Place),
                _ => {
                    let demonym_of = |h: Option<&&crate::gazetteer::Hit>| {
                        h.and_then(|h| demonym_country(res, h))
                    };
                    // A people's name and the first words of a title after it ("Israeli
                    // National" of "Israeli National Security Minister Itamar Ben-Gvir") are
                    // the people's name alone.
                    let before_title = b - a >= 2
                        && words[a + 1..b]
                            .iter()
                            .all(|w| capitalised(w) && common_in_any_spelling(res, w))
                        && words[b..]
                            .iter()
                            .take(3)
                            .take_while(|w| capitalised(w))
                            .any(|w| TITLES.contains(w));
                    match demonym_of(hit) {
                        Some(i) => Found::demonym(res, i, (start, end), confidence),
                        None => {
                            match demonym_of(exact.get(&sentence[a])).filter(|_| before_title) {
                                Some(i) => Found::demonym(res, i, sentence[a], confidence),
                                None => unlinked(MentionKind::Other),
                            }
                        }
                    }
                }
            };
            if company && found.kind == MentionKind::Organisation {
                found.confidence = found.confidence.max(0.95);
            }
            out.push(found);
        }
    }
    // The rules' findings the tagger missed: knowledge-base names, places with context,
    // demonyms, people after titles ("spokesman Price"); an organisation run that contains the
    // tagger's shorter organisation ("Belarusian Republican Youth Union") replaces it. In a
    // sentence in another language they are read as in copy of that language.
    let rules = rules.into_iter().filter(|f| {
        !foreign.iter().any(|&(a, b)| a <= f.start && f.end <= b)
            || !unlikely_place(res, text, toks, f, dateline_place)
    });
    for mut f in rules {
        match f.origin {
            Origin::Consistency => {}
            Origin::OrgHead => {
                // A knowledge-base body in the possessive opening the run is its owner, no
                // part of its name ("NASA's Jet Propulsion Laboratory").
                let run = &text[f.start..f.end];
                let owner = POSSESSIVES.iter().find_map(|p| {
                    let at = run.find(p)?;
                    let rest = run[at + p.len()..].strip_prefix(' ')?;
                    let kb = exact
                        .get(&(f.start, f.start + at))?
                        .targets
                        .iter()
                        .find_map(|t| match t {
                            Target::Kb(i) => Some(*i),
                            _ => None,
                        })?;
                    (!run[..at].contains(' ') && rest.contains(' '))
                        .then(|| (kb, f.start + at, f.end - rest.len()))
                });
                if let Some((kb, owner_end, start)) = owner {
                    out.retain(|o| !(o.start < start && f.start < o.end));
                    out.push(Found::kb(res, kb, (f.start, owner_end), 0.85));
                    f.start = start;
                    f.name = text[start..f.end].to_string();
                }
                // A person the tagger found opening the run, a title at most before, and "of"
                // after is the body's member, no part of its name ("Raymond Wong of the
                // Proletariat Political Institute", "Professor Amos Frumkin of the Hebrew
                // University"): the body's name starts after "of".
                if let Some(body_start) = member_of_body(res, text, &f, &out) {
                    f.start = body_start;
                    f.name = text[body_start..f.end].to_string();
                }
                // A capitalised run with an organisation head word wins over the pieces the
                // tagger found inside it (a demonym, a shorter organisation), never over a
                // mention that crosses its edges.
                let crossing = out.iter().any(|o| {
                    o.start < f.end && f.start < o.end && !(f.start <= o.start && o.end <= f.end)
                });
                // A place after "of" (or "of the") belongs to a run headed by the organisation
                // word, first or right before "of" ("University of California", "Bank of
                // Japan", "Armed Forces of the Philippines").
                let headed_before = |o: &Found| {
                    let before = &text[f.start..o.start];
                    before
                        .strip_suffix(" of ")
                        .or_else(|| before.strip_suffix(" of the "))
                        .is_some_and(|head| {
                            head.split(' ')
                                .next()
                                .is_some_and(|w| ORG_HEADS.contains(w))
                                || head
                                    .rsplit(' ')
                                    .next()
                                    .is_some_and(|w| ORG_HEADS.contains(w))
                        })
                };
                // A run ending in a head word that only organisations or events end in
                // ("London Symphony Orchestra", "Wall Street Journal", "Cannes Film Festival")
                // is one, whatever the tagger took it or its first words for.
                let surface = &text[f.start..f.end];
                let last_word = surface.rsplit(' ').next().unwrap_or_default();
                let ends_strongly =
                    f.kind != MentionKind::Organisation || ORG_ONLY_HEADS.contains(last_word);
                // A place opening a run that ends in an organisation head is what the body is
                // named after ("Victoria Police", "Ontario Securities Commission").
                let named_after = |o: &Found| {
                    f.kind == MentionKind::Organisation
                        && o.start == f.start
                        && o.end < f.end
                        && ORG_HEADS.contains(last_word)
                };
                let inside_ok = out
                    .iter()
                    .filter(|o| f.start <= o.start && o.end <= f.end)
                    .all(|o| {
                        (ends_strongly && matches!(o.origin, Origin::Tagger | Origin::Place(_)))
                            || o.kind == MentionKind::Other
                            || (o.kind == MentionKind::Organisation
                                && (o.start, o.end) != (f.start, f.end))
                            || (o.kind == MentionKind::Place && headed_before(o))
                            || (o.kind == MentionKind::Place && named_after(o))
                    });
                let same = out
                    .iter()
                    .any(|o| (o.start, o.end, o.kind) == (f.start, f.end, f.kind));
                if !crossing && inside_ok && !same {
                    out.retain(|o| !(f.start <= o.start && o.end <= f.end));
                    out.push(f);
                }
            }
            // A gazetteer place whose words the tagger split into places ("New South" +
            // "Wales") is the one place.
            Origin::Place(_) => {
                let inside = |o: &Found| f.start <= o.start && o.end <= f.end;
                let overlapping: Vec<&Found> = out
                    .iter()
                    .filter(|o| f.start < o.end && o.start < f.end)
                    .collect();
                if overlapping.is_empty() {
                    out.push(f);
                } else if overlapping.len() >= 2
                    && overlapping
                        .iter()
                        .all(|o| inside(o) && o.kind == MentionKind::Place)
                {
                    out.retain(|o| !inside(o));
                    out.push(f);
                }
            }
            // A knowledge-base name of several words wins over the pieces the tagger split it
            // into ("European" + "Space" for the European Space Agency), never over a mention
            // that crosses its edges; not an alias that adds a title or a description to the
            // name the tagger found ("Crown Prince Mohammed bin Salman", "TASS news agency"),
            // but a brand's own lower case ("SK hynix") and a title that is the name's own
            // ("Sheikh Hasina").
            Origin::Kb(_)
                if text[f.start..f.end].contains(' ')
                    && text[f.start..f.end].rsplit(' ').next().is_some_and(|w| {
                        capitalised(w)
                            || !(res.english_word(w)
                                || ORG_DESCRIPTORS.contains(w)
                                || BODY_WORDS.contains(&w))
                    })
                    && (text[f.start..f.end] == f.name
                        || text[f.start..f.end].split(' ').next().is_some_and(|w| {
                            !TITLES.contains(w) && !TITLE_MODIFIERS.contains(&w)
                        })) =>
            {
                let overlapping = |o: &Found| f.start < o.end && o.start < f.end;
                if out.iter().filter(|o| overlapping(o)).all(|o| {
                    f.start <= o.start && o.end <= f.end && (o.start, o.end) != (f.start, f.end)
                }) {
                    out.retain(|o| !overlapping(o));
                    out.push(f);
                }
            }
            _ => {
                if !out.iter().any(|o| f.start < o.end && o.start < f.end) {
                    out.push(f);
                }
            }
        }
    }
    // Religious and ethnic groups the tagger missed ("Sunni and Shiite leaders", "Muslims").
    for t in toks
        .iter()
        .filter(|t| t.is_capitalised() && GROUP_WORDS.contains_or_plural(t.text))
    {
        if !out.iter().any(|f| f.start < t.end && t.start < f.end) {
            out.push(Found {
                start: t.start,
                end: t.end,
                kind: MentionKind::Other,
                name: t.text.to_string(),
                uri: None,
                confidence: 0.7,
                origin: Origin::OrgHead,
            });
        }
    }
    // A name the tagger missed right after a noun that introduces organisations ("the band
    // Radiohead"), people ("the striker Haaland") or places ("the province of Sindh").
    for (k, t) in toks.iter().enumerate().skip(1) {
        let prev = &toks[k - 1];
        if !t.is_capitalised()
            || t.sentence_start
            || NOT_NAMES.contains(&t.text)
            // A title is no name ("lead author Dr. Emily Carter").
            || TITLES.contains(t.text.trim_end_matches('.'))
            || !prev.text.starts_with(|c: char| c.is_ascii_lowercase())
            || !adjacent(text, prev, t)
            || out.iter().any(|f| f.start < t.end && t.start < f.end)
        {
            continue;
        }
        let kind = if introduced_as_organisation(|k| toks[k].text, k) {
            MentionKind::Organisation
        } else if PER_DESCRIPTORS.contains(prev.text) {
            MentionKind::Person
        } else if prev.text == "of"
            && k >= 2
            && PLACE_NOUNS.contains(toks[k - 2].text)
            && adjacent(text, &toks[k - 2], prev)
        {
            MentionKind::Place
        } else {
            continue;
        };
        let last = capitalised_run_end(text, toks, k, true);
        let (start, end) = (t.start, toks[last].end);
        // A hyphenated name is one, whatever was found inside it ("publisher Merriam-Webster":
        // not the town Webster).
        let overlapping = |f: &Found| f.start < end && start < f.end;
        if text[start..end].contains('-')
            && out
                .iter()
                .filter(|f| overlapping(f))
                .all(|f| start <= f.start && f.end <= end)
        {
            out.retain(|f| !overlapping(f));
        }
        if !out.iter().any(overlapping) {
            out.push(Found {
                start,
                end,
                kind,
                name: text[start..end].to_string(),
                uri: None,
                confidence: 0.6,
                origin: Origin::OrgHead,
            });
        }
    }
    listed_after_an_introduction(text, toks, &mut out);
    event_phrases(text, toks, &mut out);
    quoted_titles(res, text, toks, &mut out);
    bodies_before_common_heads(res, text, toks, &mut out);
    out.sort_by_key(|f| f.start);
    abbreviated_states(res, &countries, &mut out);
    teams_named_after_places(res, text, &mut out);
    one_word_bodies_taken_for_people(text, &mut out);
    companies_bought_and_sold(text, &mut out);
    one_kind_per_name(text, &mut out);
    bodies_named_for_people_by_surname(text, &mut out);
    places_stay_places(text, &mut out);
    words_of_bodies_are_no_towns(res, text, &mut out);
    hyphenated_given_names(res, text, toks, &mut out);
    repeat_names(res, text, toks, &mut out);
    hyphenated_surnames(text, toks, &mut out);
    let place_within = |start: usize, end: usize| {
        hits.iter().any(|h| {
            start <= h.start
                && h.end <= end
                && h.targets.iter().any(|t| matches!(t, Target::Place(_)))
        })
    };
    named_with_a_personal_pronoun(text, place_within, &mut out);
    arabic_surnames(res, text, &mut out);
    towns_after_given_names(res, text, &mut out);
    // Whether the gazetteer names a place `want` accepts at exactly `start..end`.
    let place_at = |start: usize, end: usize, want: fn(&Place) -> bool| {
        hits.iter().any(|h| {
            (h.start, h.end) == (start, end)
                && h.targets
                    .iter()
                    .any(|t| matches!(t, Target::Place(i) if want(&res.places[*i])))
        })
    };
    // A surname may be a town's name ("Henderson", "Walton"), not a country's, a region's or
    // a city of a million or more.
    let big_place_at = |start: usize, end: usize| {
        place_at(start, end, |p| {
            p.kind != PlaceKind::City || p.population >= 1_000_000
        })
    };
    countries_as_given_names(res, text, big_place_at, &mut out);
    let country_at =
        |start: usize, end: usize| place_at(start, end, |p| p.kind == PlaceKind::Country);
    competitors_with_their_countries(text, country_at, &mut out);
    given_names_before_surnames(res, text, &mut out);
    sentence_openers_of_bodies(res, text, &mut out);
    patronymic_names(text, &mut out);
    people_by_what_they_do(text, &mut out);
    makers_of_quoted_works(text, &mut out);
    diseases_named_for_places(text, &mut out);
    players_of_individual_sports(
        res,
        text,
        |s, e| {
            place_at(s, e, |p| {
                p.kind != PlaceKind::City || p.population >= 100_000
            })
        },
        &mut out,
    );
    units_of_companies(text, &mut out);
    short_names_of_companies(text, &mut out);
    airports_named_after_people_and_towns(text, &mut out);
    days_named_after_people(text, &mut out);
    sides_taken(text, &mut out);
    dollars_of_countries(text, &mut out);
    medicines(text, &mut out);
    members_of_parliament(text, &mut out);
    people_after_possessives(res, text, &mut out);
    camel_case_first_words(text, &mut out);
    initials_before_people(text, &mut out);
    dotted_initials_before_people(text, &mut out);
    bodies_run_into_named_people(res, text, &mut out);
    people_listed_with_people(res, text, &mut out);
    families_of_named_people(res, text, &mut out);
    party_and_state_designations(text, &mut out);
    partners_joined_by_ampersands(text, &mut out);
    compound_adjectives_past_the_name(text, &mut out);
    nicknames_inside_names(text, &mut out);
    bodies_joined_across_and(text, &mut out);
    // A small town abroad ("LONDON (Reuters) - … at Villa Park") is no link; the tagger's
    // place stays, unlinked.
    for f in out.iter_mut() {
        if let Origin::Place(i) = f.origin {
            if f.kind == MentionKind::Place && countries.small_town_abroad(res, i) {
                f.uri = None;
                f.origin = Origin::Tagger;
                f.name = text[f.start..f.end].to_string();
            }
        }
    }
    // A surname after the full name is that person.
    let mut surnames: HashMap<String, (String, Option<String>)> = HashMap::default();
    for f in out
        .iter()
        .filter(|f| f.kind == MentionKind::Person && f.name.contains(' '))
    {
        if let Some(last) = f.name.rsplit(' ').next() {
            surnames
                .entry(last.to_string())
                .or_insert((f.name.clone(), f.uri.clone()));
            // A Korean name writes the family name first and the given name hyphenated ("Lee
            // Jae-yong ... Lee said"); so does a Chinese one, in two words ("Li Qiang ... Li
            // said").
            let family_first = korean_given_name(last)
                || f.name.split(' ').count() == 2
                    && f.name
                        .split(' ')
                        .next()
                        .is_some_and(|w| CHINESE_FAMILY_NAMES.contains(&w));
            // "al-Arouri" opening a sentence is written "Al-Arouri".
            if last.starts_with("al-") || last.starts_with("el-") {
                surnames
                    .entry(format!("{}{}", last[..1].to_uppercase(), &last[1..]))
                    .or_insert((f.name.clone(), f.uri.clone()));
            }
            if let (Some((first, _)), true) = (f.name.split_once(' '), family_first) {
                surnames
                    .entry(first.to_string())
                    .or_insert((f.name.clone(), f.uri.clone()));
            }
        }
    }
    // A person the story named in full and then by the first name alone, as Thai, Indonesian
    // and Brazilian people are ("Anutin Charnvirakul ... Anutin's party", "Prabowo Subianto
    // ... Prabowo said"): the one person of the story with that first name, where it is no
    // one's surname.
    let mut given: HashMap<String, Option<(String, Option<String>)>> = HashMap::default();
    for f in out.iter().filter(|f| {
        f.kind == MentionKind::Person
            && f.name.contains(' ')
            && f.name.split(' ').all(plain_name_word)
    }) {
        let first = f.name.split(' ').next().unwrap_or_default();
        let entry = given
            .entry(first.to_string())
            .or_insert_with(|| Some((f.name.clone(), f.uri.clone())));
        if entry.as_ref().is_some_and(|(name, _)| *name != f.name) {
            *entry = None;
        }
    }
    for f in &mut out {
        if f.kind == MentionKind::Person
            && f.uri.is_none()
            && f.origin == Origin::Tagger
            && f.name == text[f.start..f.end]
            && !f.name.contains(' ')
            && !surnames.contains_key(&f.name)
        {
            if let Some(Some((name, uri))) = given.get(&f.name) {
                f.name = name.clone();
                f.uri = uri.clone();
            }
        }
    }
    // Whether a word for where ("in", "near") stands right before byte `start`.
    let after_where = |start: usize| {
        text[..start]
            .trim_end()
            .rsplit([' ', '\n'])
            .next()
            .is_some_and(|w| PLACE_PREPS.contains(w))
    };
    let placed_regions: Vec<&str> = out
        .iter()
        .filter(|f| f.kind == MentionKind::Place && after_where(f.start))
        .map(|f| &text[f.start..f.end])
        .collect();
    for f in &mut out {
        // A town sharing the surname is the person too ("Erling Haaland ... Haaland's opener"
        // was Sola, Norway, of which "Haaland" is a name; "MaliVai Washington ... Washington
        // served" the capital); not a country, a region or a city of a million or more, which
        // a misjudged "name" before it must not take ("Chechnya", "London").
        // A town of more than a small one's size stays the place after a word for where ("the
        // largest hospital in Mostar").
        // So is a region the story never puts after such a word ("Lamine Yamal ... ahead of
        // Yamal" was the Yamal Peninsula; "the future status of Chechnya" stays the place in
        // a story with "peace plan for Chechnya" and "troops to Chechnya").
        let town = matches!(f.origin, Origin::Place(i) if res.places[i].kind == PlaceKind::City
            && (res.places[i].population < SMALL_TOWN
                || res.places[i].population < 1_000_000 && !after_where(f.start))
            || res.places[i].kind == PlaceKind::State
                && !placed_regions.contains(&&text[f.start..f.end]));
        // So is a body or a place the tagger guessed and nothing linked ("Fed Chair Jerome
        // Powell said … Powell declined" was the organisation "Powell").
        let guessed_place = matches!(f.kind, MentionKind::Place | MentionKind::Organisation)
            && f.uri.is_none()
            && f.origin == Origin::Tagger;
        if (f.kind == MentionKind::Person && f.uri.is_none() || town || guessed_place)
            && !text[f.start..f.end].contains(' ')
        {
            if let Some((name, uri)) = surnames.get(&text[f.start..f.end]) {
                if town || guessed_place {
                    f.kind = MentionKind::Person;
                    f.origin = Origin::Consistency;
                    f.confidence = 0.75;
                }
                f.name = name.clone();
                f.uri = uri.clone();
            }
        }
    }
    // The surname the tagger left untagged ("Price said" at a sentence start) too, when it
    // stands alone: not an ordinary word or an acronym, not joined to another capitalised word
    // ("Andy Warhol Foundation") or a hyphen ("Warhol-like").
    let before = out.len();
    for t in toks
        .iter()
        .filter(|t| !surnames.is_empty() && t.is_capitalised())
    {
        // In the possessive too: a word of UAX #29 ("Neely's family sued").
        let word = POSSESSIVES
            .iter()
            .find_map(|p| t.text.strip_suffix(p))
            .unwrap_or(t.text);
        let end = t.start + word.len();
        if let Some((name, uri)) = surnames.get(word) {
            let alone = word.chars().skip(1).any(char::is_lowercase)
                && !res
                    .common_words
                    .contains(crate::text::lowercase(word).as_ref())
                && !joined_to_capitalised(text, toks, t.start, t.end)
                && !text[t.end..].starts_with('-');
            if alone
                && !out[..before]
                    .iter()
                    .any(|f| t.start < f.end && f.start < end)
            {
                out.push(Found {
                    start: t.start,
                    end,
                    kind: MentionKind::Person,
                    name: name.clone(),
                    uri: uri.clone(),
                    confidence: 0.75,
                    origin: Origin::Consistency,
                });
            }
        }
    }
    if out.len() > before {
        out.sort_by_key(|f| f.start);
    }
    ampersand_names(text, toks, &mut out);
    named_by_apposition(text, &mut out);
    described_by_copula(text, &mut out);
    towns_before_their_country(res, text, &mut out);
    names_listed_with_bodies_or_places(text, &mut out);
    known_as_the_name_before(text, &mut out);
    bodies_before_appositions(res, text, toks, &mut out);
    bracketed_acronyms(text, &mut out);
    sport_bodies(res, text, &mut out);
    celestial_bodies(text, toks, &mut out);
    names_of_things(text, toks, &mut out);
    crude_benchmarks(res, text, toks, &mut out);
    stock_indices(text, toks, &mut out);
    military_units(text, toks, &mut out);
    ships(text, toks, &mut out);
    amendment_laws(text, toks, &mut out);
    people_of_bodies(res, text, &exact, &mut out);
    places_of_several_words_behind(text, toks, &exact, &mut out);
    named_after_saints(text, toks, &mut out);
    names_past_a_final_stop(res, text, &exact, &mut out);
    legal_forms_join_their_bodies(text, &mut out);
    bodies_joined_by_and(text, &mut out);
    parties_of_peoples_and_leaders(res, text, &mut out);
    plural_possessive_bodies(text, &mut out);
    possessive_nouns_inside_names(text, &mut out);
    numbered_leagues(text, &mut out);
    peoples_of_regions(text, &mut out);
    centres_of_a_field(text, &mut out);
    named_wildfires(text, &mut out);
    hyphenated_openings(res, text, &mut out);
    bodies_for_a_purpose(text, toks, &mut out);
    companies_of_their_countries(res, text, &exact, &mut out);
    // Again for the bodies found since ("the Corruption Investigation Office for High-ranking
    // Officials (CIO)").
    names_spelled_by_their_acronyms(res, text, toks, &mut out);
    bracketed_acronyms(text, &mut out);
    out.retain(|f| {
        !currency_opening_a_sentence(text, f)
            && !portfolio_of_a_title(res, text, f)
            && !honorific_alone(text, f)
    });
    names_after_peoples_and_particles(res, text, &exact, &mut out);
    prizes_in_their_field(text, &mut out);
    out.retain_mut(|f| !currency_before_amount(text, f));
    teams_by_their_nicknames(text, &mut out);
    tidy_names(&mut out);
    out
}

/// A team's plural nickname alone, taken for a place, is the team the story names in full
/// ("the New York Knicks … Brunson led the Knicks": the second was a place).
fn teams_by_their_nicknames(text: &str, out: &mut [Found]) {
    let teams: Vec<&str> = out
        .iter()
        .filter(|f| f.kind == MentionKind::Organisation)
        .filter_map(|f| {
            let (_, last) = text[f.start..f.end].rsplit_once(' ')?;
            plural_nickname(last).then_some(last)
        })
        .collect();
    for f in out.iter_mut() {
        if f.kind == MentionKind::Place && f.uri.is_none() && teams.contains(&&text[f.start..f.end])
        {
            f.kind = MentionKind::Organisation;
        }
    }
}

/// A company's name, "of" and its country that the tagger (or a rule joining a run) made one
/// body are the company and the country ("Hapag-Lloyd of Germany", "Hyundai Motor Co of South
/// Korea"): the words before "of" the knowledge base's company, or ending in a legal form or
/// a word no list or dictionary knows; not a body whose head stands before "of" ("Bank of
/// England", "Reserve Bank of India", "Communist Party of China"), nor "... of America".
fn companies_of_their_countries(
    res: &Resources,
    text: &str,
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
    out: &mut Vec<Found>,
) {
    let mut added = Vec::new();
    for f in out.iter_mut() {
        if f.kind != MentionKind::Organisation || f.origin != Origin::Tagger || f.uri.is_some() {
            continue;
        }
        let Some(at) = text[f.start..f.end].rfind(" of ") else {
            continue;
        };
        let (company_end, country_start) = (f.start + at, f.start + at + 4);
        // "Sony Corp. of America", "PGA of America", "Boy Scouts of America": a name of its
        // own, the US arm's or body's.
        if text[country_start..f.end].starts_with("America") {
            continue;
        }
        let Some(country) = exact.get(&(country_start, f.end)).and_then(|h| {
            h.targets.iter().find_map(|t| match *t {
                Target::Place(i) if res.places[i].kind == PlaceKind::Country => Some(i),
                _ => None,
            })
        }) else {
            continue;
        };
        let last = text[f.start..company_end]
            .rsplit(' ')
            .next()
            .unwrap_or_default();
        let kb = exact
            .get(&(f.start, company_end))
            .and_then(|h| kb_organisation(res, h));
        let company = kb.is_some()
            || legal_form(last)
            || unknown_capitalised_word(res, last) && !BODY_HEADS.contains(last);
        // A state's formal name goes on ("Central Bank of the Republic of Turkiye").
        let formal_name = matches!(last, "Republic" | "Kingdom" | "Federation" | "Commonwealth");
        if !company || formal_name {
            continue;
        }
        // Two plain words no list knows, no legal form, no capitals run: a person's name
        // and the country they compete for ("Remco Evenepoel of Belgium").
        let words: Vec<&str> = text[f.start..company_end].split(' ').collect();
        let person = kb.is_none()
            && words.len() == 2
            && words.iter().all(|w| {
                unknown_capitalised_word(res, w)
                    && !BODY_HEADS.contains(w)
                    && !COMPANY_WORDS.contains(w)
                    && w.chars().skip(1).all(char::is_lowercase)
            });
        let kind = if person {
            MentionKind::Person
        } else {
            MentionKind::Organisation
        };
        let (confidence, end) = (f.confidence, f.end);
        match kb {
            Some(i) => *f = Found::kb(res, i, (f.start, company_end), confidence),
            None => f.respan(text, (f.start, company_end), kind),
        }
        added.push(Found::place(res, country, (country_start, end), confidence));
    }
    extend_in_order(out, added);
}

/// A body's name that goes on after "for" is one body ("China's State Administration for
/// Market Regulation" gave the person "Market Regulation", "the Commission for Africa" the
/// place): a body's head, "for" and capitalised words, "of" and "and" joining more of them
/// (not a name found on its own after "and": "the Agency for Development and France").
fn bodies_for_a_purpose(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    // Not a company's legal form: "Infonet Services Corp. for US", "Co for US".
    let head = |t: &Token<'_>| {
        t.is_capitalised()
            && !legal_form(t.text)
            && (BODY_HEADS.contains(t.text)
                || ORG_ONLY_HEADS.contains(t.text)
                || matches!(
                    t.text,
                    "Centre" | "Center" | "Coalition" | "Network" | "Appeals"
                ))
    };
    let linked = |out: &[Found], t: &Token<'_>| {
        out.iter()
            .any(|f| f.start <= t.start && t.end <= f.end && f.uri.is_some())
    };
    for k in 1..toks.len().saturating_sub(1) {
        // "for the" too ("National Centre for the Performing Arts").
        let the = toks[k + 1].text == "the"
            && toks
                .get(k + 2)
                .is_some_and(|n| n.is_capitalised() && adjacent(text, &toks[k + 1], n));
        let named = if the { k + 2 } else { k + 1 };
        let (h, next) = (&toks[k - 1], &toks[named]);
        if toks[k].text != "for"
            || !head(h)
            || !next.is_capitalised()
            || next.sentence_start
            || !adjacent(text, h, &toks[k])
            || !adjacent(text, &toks[k], &toks[k + 1])
        {
            continue;
        }
        // Back over the capitalised words of the name, not a possessive ("China's") or a
        // linked name before it ("U.S."), nor a function word opening the sentence.
        // Over "of" too ("U.S. Court of Appeals for the Federal Circuit").
        let name_word = |m: usize| {
            toks[m].is_capitalised()
                && !POSSESSIVES.iter().any(|p| toks[m].text.ends_with(p))
                && !linked(out, &toks[m])
        };
        let mut a = k - 1;
        while a > 0 && !toks[a].sentence_start {
            if name_word(a - 1) && adjacent(text, &toks[a - 1], &toks[a]) {
                a -= 1;
            } else if a > 1
                && toks[a - 1].text == "of"
                && name_word(a - 2)
                && adjacent(text, &toks[a - 2], &toks[a - 1])
                && adjacent(text, &toks[a - 1], &toks[a])
            {
                a -= 2;
            } else {
                break;
            }
        }
        while a < k - 1
            && toks[a].sentence_start
            && (FUNCTION_WORDS.contains(toks[a].text) || matches!(toks[a].text, "The" | "A" | "An"))
        {
            a += 1;
        }
        let mut b = capitalised_run_end(text, toks, named, true);
        // A compound with a lower-case second part inside the name ("Corruption Investigation
        // Office for High-ranking Officials").
        if let (Some(c), Some(n)) = (toks.get(b + 1), toks.get(b + 2)) {
            if &text[toks[b].end..c.start] == "-"
                && c.text.bytes().all(|x| x.is_ascii_lowercase())
                && n.is_capitalised()
                && adjacent(text, c, n)
            {
                b = capitalised_run_end(text, toks, b + 2, true);
            }
        }
        // The name ends at a possessive ("the Agency for International Development's
        // successor office" gave a body with the "'s").
        let possessive = |t: &Token<'_>| POSSESSIVES.iter().find(|p| t.text.ends_with(*p));
        if let Some(at) = (named..=b).find(|&m| possessive(&toks[m]).is_some()) {
            b = at;
        }
        while let (Some(c), Some(n)) = (toks.get(b + 1), toks.get(b + 2)) {
            if possessive(&toks[b]).is_some() {
                break;
            }
            let joins = matches!(c.text, "of" | "and" | "&")
                && n.is_capitalised()
                && adjacent(text, &toks[b], c)
                && adjacent(text, c, n);
            if !joins {
                break;
            }
            let end = capitalised_run_end(text, toks, b + 2, true);
            let alone = out.iter().any(|f| {
                (f.start, f.end) == (n.start, toks[end].end) && f.kind != MentionKind::Organisation
            });
            if c.text != "of" && alone {
                break;
            }
            b = end;
        }
        let (mut start, end) = (
            toks[a].start,
            toks[b].end - possessive(&toks[b]).map_or(0, |p| p.len()),
        );
        // A body the tagger found ending inside the name opens it ("U.S. Court of Appeals" +
        // "for the Federal Circuit").
        if let Some(f) = out.iter().find(|f| {
            f.kind == MentionKind::Organisation && f.start < start && start < f.end && f.end <= end
        }) {
            start = f.start;
        }
        let overlapping = |f: &Found| f.start < end && start < f.end;
        if out
            .iter()
            .filter(|f| overlapping(f))
            .any(|f| f.start < start || end < f.end || (f.start, f.end) == (start, end))
        {
            continue;
        }
        out.retain(|f| !overlapping(f));
        let at = out.partition_point(|f| f.start < start);
        out.insert(
            at,
            Found::unlinked(text, MentionKind::Organisation, (start, end), 0.6),
        );
    }
}

/// A name's first part before a hyphen belongs to it ("Notre-Dame Cathedral reopened" gave
/// the place "Dame Cathedral", "Jo-Wilfried Tsonga" the person "Wilfried Tsonga"): a word in
/// title case, no English word ("Cricket-ICC", a slug), joined by a hyphen right before an
/// unlinked mention ("Intuit-Microsoft" is two), itself in no mention, after a space or at
/// the start.
fn hyphenated_openings(res: &Resources, text: &str, out: &mut [Found]) {
    for k in 0..out.len() {
        let start = out[k].start;
        let Some(before) = text[..start].strip_suffix('-') else {
            continue;
        };
        let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &before[word_start..];
        let opens = word_start == 0 || before[..word_start].ends_with([' ', '\n', '"', '(']);
        let taken = k > 0 && out[k - 1].end > word_start;
        let title_case = capitalised(word)
            && word.chars().count() >= 2
            && word.chars().skip(1).all(char::is_lowercase);
        if !opens
            || taken
            || !title_case
            || out[k].uri.is_some()
            || res.english_word(crate::text::lowercase(word).as_ref())
        {
            continue;
        }
        let f = &mut out[k];
        f.name = text[word_start..f.end].to_string();
        f.start = word_start;
    }
}

/// A wildfire's name is an event's, an "other" name, in a story about wildfires ("The Franklin
/// Fire, which started late Monday, had burned more than 4,000 acres" gave a body); not a
/// club's elsewhere ("the Chicago Fire").
fn named_wildfires(text: &str, out: &mut [Found]) {
    let wildfires = || {
        [
            "wildfire",
            "acres",
            "hectares",
            "firefighters",
            "blaze",
            "evacuat",
        ]
        .iter()
        .any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some())
    };
    let mut story = None;
    for f in out.iter_mut().filter(|f| {
        f.kind == MentionKind::Organisation
            && f.uri.is_none()
            && matches!(f.origin, Origin::Tagger | Origin::OrgHead)
            && text[f.start..f.end].ends_with(" Fire")
    }) {
        if *story.get_or_insert_with(wildfires) {
            f.kind = MentionKind::Other;
        }
    }
}

/// The fields a centre that is a body works in ("the National Hurricane Center", "the
/// Pacific Tsunami Warning Center"), as against one named for a person or a place, a building
/// ("Rockefeller Center", "the Barbican Centre").
const CENTRE_FIELDS: [&str; 46] = [
    "Research",
    "Studies",
    "Policy",
    "Cinema",
    "Film",
    "Hurricane",
    "Disease",
    "Cancer",
    "Rights",
    "Monitoring",
    "Documentation",
    "Information",
    "Coordination",
    "Operations",
    "Intelligence",
    "Security",
    "Prevention",
    "Control",
    "Industry",
    "Analysis",
    "Press",
    "Biomedical",
    "Medical",
    "Scientific",
    "Technical",
    "Nuclear",
    "Health",
    "Training",
    "Innovation",
    "Climate",
    "Weather",
    "Emergency",
    "Crisis",
    "Rescue",
    "Development",
    "Mitigation",
    "Management",
    "Response",
    "Forecasting",
    "Warning",
    "Surveillance",
    "Meteorological",
    "Geological",
    "Seismological",
    "Counterterrorism",
    "Cyber",
];

/// A centre named for the field it works in is a body, not a building ("the Moroccan Cinema
/// Centre", "the National Hurricane Center" were places); one named for a person or a place
/// stays one ("Rockefeller Center", "the Barbican Centre").
fn centres_of_a_field(text: &str, out: &mut [Found]) {
    for f in out.iter_mut().filter(|f| {
        f.kind == MentionKind::Place
            && f.uri.is_none()
            && matches!(
                f.origin,
                Origin::Tagger | Origin::OrgHead | Origin::Consistency
            )
    }) {
        let name = &text[f.start..f.end];
        let Some(rest) = name
            .strip_suffix(" Centre")
            .or_else(|| name.strip_suffix(" Center"))
        else {
            continue;
        };
        if rest
            .rsplit(' ')
            .next()
            .is_some_and(|w| CENTRE_FIELDS.contains(&w))
        {
            f.kind = MentionKind::Organisation;
        }
    }
}

/// Whether a mention is a minister's portfolio, English words the tagger took for a body
/// ("World Health Organization … Rwanda's Health Minister Sabin Nsanzimana" gave the body
/// "Health", "Emergency Management Commissioner Rick Nugent" the body "Emergency
/// Management"): before "Minister", "Secretary" or "Commissioner", unlinked, no word a body's
/// head ("Country Fire Authority chief" stays); a "person" of two or three such words too
/// ("Land Reform Minister Mzwanele Nyhontso"). A body's secretary-general is the body's
/// ("Commonwealth Secretary-General Donald McKinnon").
fn portfolio_of_a_title(res: &Resources, text: &str, f: &Found) -> bool {
    let words = || text[f.start..f.end].split(' ');
    let title = text[f.end..].strip_prefix(' ').unwrap_or_default();
    // A person's name of one word may be an English word before a title ("Rose Secretary").
    f.origin == Origin::Tagger
        && (f.kind != MentionKind::Person || words().count() >= 2)
        && words().count() <= 3
        && ["Minister", "Secretary", "Commissioner"]
            .iter()
            .any(|t| title.starts_with(t))
        && !title.starts_with("Secretary-General")
        && !title.starts_with("Secretary General")
        && words().all(|w| !ORG_HEADS.contains(w) && res.english_word(&crate::text::lowercase(w)))
}

/// Where the body's name in the run `f` starts when the tagger found a person opening it,
/// after a title at most ("Professor"), with "of" or "of the" after the person and a name of
/// two words or more after that: none if the person's words include an organisation head or
/// a title or are all English words.
fn member_of_body(res: &Resources, text: &str, f: &Found, out: &[Found]) -> Option<usize> {
    let person = out.iter().find(|o| {
        o.kind == MentionKind::Person
            && o.origin == Origin::Tagger
            && f.start <= o.start
            && o.end < f.end
            && text[f.start..o.start]
                .split_whitespace()
                .all(|w| TITLES.contains(w))
    })?;
    let words = || text[person.start..person.end].split(' ');
    // Nor if every word is an English one ("Joint Chiefs of Staff Committee").
    if words().any(|w| ORG_HEADS.contains(w) || TITLES.contains(w))
        || words().all(|w| {
            let lower = crate::text::lowercase(w);
            res.english_word(&lower) || res.english_word(lower.trim_end_matches('s'))
        })
    {
        return None;
    }
    let rest = &text[person.end..f.end];
    let body = rest
        .strip_prefix(" of the ")
        .or_else(|| rest.strip_prefix(" of "))?;
    body.contains(' ').then_some(f.end - body.len())
}

/// First words of a region's people's name ("Southeast Asian", "West African").
const REGION_FIRST_WORDS: [&str; 14] = [
    "Southeast",
    "Southeastern",
    "South",
    "Southern",
    "North",
    "Northern",
    "East",
    "Eastern",
    "West",
    "Western",
    "Central",
    "Northeast",
    "Northwest",
    "Southwest",
];

/// A continent's people after a region's first word is that region's people, an "other"
/// name unlinked ("North American sales" linked "American" to the United States).
fn peoples_of_regions(text: &str, out: &mut [Found]) {
    for k in 0..out.len() {
        let f = &out[k];
        if !matches!(f.origin, Origin::Demonym(_))
            || !REGION_PEOPLES.contains(&&text[f.start..f.end])
        {
            continue;
        }
        let Some(first) = REGION_FIRST_WORDS.iter().chain(&["Latin"]).find(|w| {
            text[..f.start]
                .strip_suffix(' ')
                .is_some_and(|b| b.ends_with(*w))
        }) else {
            continue;
        };
        let start = f.start - 1 - first.len();
        if text[..start].ends_with(char::is_alphanumeric)
            || k.checked_sub(1).is_some_and(|j| out[j].end > start)
        {
            continue;
        }
        let (end, kind) = (f.end, f.kind);
        out[k].respan(text, (start, end), kind);
    }
}

/// A continent's people ("Asian", "Africans").
const REGION_PEOPLES: [&str; 8] = [
    "Asian",
    "African",
    "American",
    "European",
    "Asians",
    "Africans",
    "Americans",
    "Europeans",
];

/// Endings that make a name a compound adjective besides [`BEHIND_SUFFIXES`] ("Paris-based",
/// "Cuban-born", "Nasdaq-listed").
const COMPOUND_ENDINGS: [&str; 5] = [
    "-born",
    "-listed",
    "-headquartered",
    "-registered",
    "-flagged",
];

/// A name ending in a plural before its apostrophe and a body's head word is that body's
/// whole name ("Melbourne Magistrates' Court" was the place "Melbourne Magistrates", "the
/// Workers' Party", "the National Farmers' Union", "the Alberta Teachers' Association"), an
/// organisation, unlinked.
fn plural_possessive_bodies(text: &str, out: &mut [Found]) {
    for k in 0..out.len() {
        let f = &out[k];
        // Or the plural is a word of its own after a place or a body, which the tagger left out
        // ("Alberta" + "Teachers' Association").
        let plural_after = || {
            let rest = text[f.end..].strip_prefix(' ')?;
            let (word, rest) = rest.split_once("' ")?;
            (f.kind != MentionKind::Person
                && capitalised(word)
                && word.len() > 3
                && word.ends_with('s')
                && word.chars().all(char::is_alphabetic))
            .then_some((rest, word.len() + 3))
        };
        let (rest, gap) = match text[f.end..].strip_prefix("' ") {
            Some(rest) if f.uri.is_none() && text[f.start..f.end].ends_with('s') => (rest, 2),
            _ => match plural_after() {
                Some(found) => found,
                None => continue,
            },
        };
        let head = rest
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if !capitalised(head) || !ORG_HEADS.contains(head) {
            continue;
        }
        let end = f.end + gap + head.len();
        if out.get(k + 1).is_some_and(|g| g.start < end) {
            continue;
        }
        let start = f.start;
        out[k].respan(text, (start, end), MentionKind::Organisation);
    }
}

/// Nouns whose possessive is part of a body's or an event's name ("People's Liberation Army",
/// "Women's Tennis Association", "Boston Children's Hospital", "Panhellenic Seamen's
/// Federation").
const POSSESSIVE_NOUNS: [&str; 7] = [
    "People",
    "Women",
    "Children",
    "Men",
    "Seamen",
    "Fishermen",
    "Servicemen",
];

/// A name the tagger split at one of [`POSSESSIVE_NOUNS`] in the possessive is one name: the
/// words before it join the name after it ("Eastern Theater Command of the People's" +
/// "Liberation Army"; "Women's" + "Tennis Association"), unlinked, an organisation unless
/// the name after is an "other" one ("Women's World Cup").
fn possessive_nouns_inside_names(text: &str, out: &mut Vec<Found>) {
    // A name ending in the noun the tagger stopped at ("Boston Children" of "Boston Children's
    // Hospital said") runs on over capitalised words to a body's, a place's or an event's head
    // word: a body's name, or an event's.
    for k in 0..out.len() {
        let f = &out[k];
        let name = &text[f.start..f.end];
        if f.uri.is_some()
            || f.kind == MentionKind::Person
            || !POSSESSIVE_NOUNS.iter().any(|n| name.ends_with(n))
        {
            continue;
        }
        let Some(rest) = POSSESSIVES
            .iter()
            .find_map(|p| text[f.end..].strip_prefix(p)?.strip_prefix(' '))
        else {
            continue;
        };
        let mut end = None;
        let mut at = text.len() - rest.len();
        for w in rest.split(' ').take(4) {
            let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !capitalised(word) {
                break;
            }
            // Every organisation head, and "United" (a body's head of its own).
            if ORG_HEADS.contains(word) || BODY_HEADS.contains(word) || PLACE_HEADS.contains(word) {
                end = Some((at + word.len(), MentionKind::Organisation));
            } else if EVENT_HEADS.contains(word) {
                end = Some((at + word.len(), MentionKind::Other));
            }
            if word.len() != w.len() {
                break;
            }
            at += w.len() + 1;
        }
        let next_start = out.get(k + 1).map_or(usize::MAX, |g| g.start);
        if let Some((end, kind)) = end.filter(|&(e, _)| e <= next_start) {
            let start = f.start;
            out[k].respan(text, (start, end), kind);
        }
    }
    let mut k = 0;
    while k < out.len() {
        let g = &out[k];
        if g.uri.is_some() || g.kind == MentionKind::Person {
            k += 1;
            continue;
        }
        // CoNLL's tokens are joined by spaces: "People 's Liberation Army".
        let stem = ["'s ", "\u{2019}s ", " 's "]
            .iter()
            .find_map(|p| text[..g.start].strip_suffix(p));
        let noun = stem.and_then(|stem| {
            POSSESSIVE_NOUNS.iter().find(|n| {
                stem.strip_suffix(**n)
                    .is_some_and(|b| !b.ends_with(char::is_alphanumeric))
            })
        });
        let (Some(stem), Some(noun)) = (stem, noun) else {
            k += 1;
            continue;
        };
        let noun_end = stem.len();
        let mut start = noun_end - noun.len();
        // The name before the noun, the tagger's, ends there or after its "'s" ("Boston
        // Children", "Eastern Theater Command of the People's").
        let joined = k.checked_sub(1).filter(|&j| {
            (out[j].end == noun_end || text[out[j].end..out[k].start] == *" ")
                && out[j].uri.is_none()
        });
        if let Some(j) = joined {
            start = out[j].start;
        }
        let kind = if out[k].kind == MentionKind::Other {
            MentionKind::Other
        } else {
            MentionKind::Organisation
        };
        let end = out[k].end;
        out[k].respan(text, (start, end), kind);
        if let Some(j) = joined {
            out.remove(j);
        } else {
            k += 1;
        }
    }
}

/// A league named by its number or its letter is an "other" name with it ("Ligue 1" gave the
/// body "Ligue"; "Serie B", "Liga 1").
fn numbered_leagues(text: &str, out: &mut [Found]) {
    for k in 0..out.len() {
        let f = &out[k];
        if f.uri.is_some() || !matches!(&text[f.start..f.end], "Ligue" | "Serie" | "Liga") {
            continue;
        }
        let Some(rest) = text[f.end..].strip_prefix(' ') else {
            continue;
        };
        let mut chars = rest.chars();
        let (Some(c), next) = (chars.next(), chars.next()) else {
            continue;
        };
        let numbered = matches!(c, '1'..='3' | 'A'..='C');
        if !numbered || next.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let end = f.end + 2;
        if out.get(k + 1).is_some_and(|g| g.start < end) {
            continue;
        }
        let start = f.start;
        out[k].respan(text, (start, end), MentionKind::Other);
    }
}

/// Navies' and merchant ships' prefixes ("USS Carl Vinson", "BRP Cabra", "MV Ruby").
const SHIP_PREFIXES: [&str; 20] = [
    "USS", "USNS", "USCGC", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "BRP", "RFS", "ROKS", "KRI",
    "PNS", "TCG", "HNLMS", "HDMS", "HNoMS", "HSwMS", "MV", "RV",
];

/// Words for a ship before its name.
const SHIP_NOUNS: [&str; 14] = [
    "vessel",
    "ship",
    "tanker",
    "freighter",
    "frigate",
    "destroyer",
    "carrier",
    "warship",
    "submarine",
    "corvette",
    "icebreaker",
    "trawler",
    "yacht",
    "ferry",
];

/// Ships, "other" names with their prefixes: "the BRP Cabra" was a body, "HMS Prince of Wales"
/// the place Wales, "the INS Vikrant" a body. The prefix, then capitalised words, initials
/// ("USS Gerald R. Ford") and "of" between them; not a title after "INS", the US immigration
/// service's initials too ("INS Commissioner Doris Meissner").
fn ships(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let mut spans = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        // Or a ship's name after a word for a ship ("the vessel Datu Pagbuaya", "the tanker
        // Eagle S", "the aircraft carrier Nimitz"; a carrier alone is an airline).
        // Not the verb ("to ship Windows", "will ferry Ukrainian grain"), nor a date after it.
        let after_noun = SHIP_NOUNS.contains(&t.text)
            && i > 0
            && (t.text != "carrier" || toks[i - 1].text == "aircraft")
            && !matches!(
                toks[i - 1].text,
                "to" | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "and"
                    | "or"
                    | "not"
                    | "did"
                    | "does"
                    | "do"
            )
            && toks.get(i + 1).is_some_and(|n| {
                n.is_capitalised()
                    && !n.sentence_start
                    && !SHIP_PREFIXES.contains(&n.text)
                    && !date_word(text, n.start, n.end)
                    && &text[t.end..n.start] == " "
            });
        if !SHIP_PREFIXES.contains(&t.text) && !after_noun {
            continue;
        }
        let start = if after_noun {
            toks[i + 1].start
        } else {
            t.start
        };
        let mut end = None;
        let mut k = i + 1;
        while let Some(w) = toks.get(k) {
            // A full stop only after an initial ("USS Gerald R. Ford").
            match &text[toks[k - 1].end..w.start] {
                " " => {}
                ". " if toks[k - 1].text.len() == 1 => {}
                _ => break,
            }
            let name_word = w.is_capitalised()
                && !ORG_HEADS.contains(w.text)
                && !(t.text == "INS" && k == i + 1 && TITLES.contains(w.text));
            let joins = w.text == "of" && toks.get(k + 1).is_some_and(Token::is_capitalised);
            if !(name_word || joins) {
                break;
            }
            if name_word {
                end = Some(w.end);
            }
            k += 1;
        }
        if let Some(end) = end {
            spans.push((start, end));
        }
    }
    replace_each_inside(text, spans, (MentionKind::Other, 0.8), out);
}

/// Currencies' names that are names of people or towns too ("Sterling", "Rand", "Lira").
const CURRENCIES: [&str; 16] = [
    "Sterling", "Rand", "Rupee", "Peso", "Ringgit", "Baht", "Rupiah", "Naira", "Lira", "Rouble",
    "Ruble", "Hryvnia", "Shekel", "Zloty", "Forint", "Cedi",
];

/// Commodities' names that are names of people or towns too ("Cocoa", Florida; Adam Silver;
/// Alan Sugar). Not "Brent", a benchmark's name.
const COMMODITIES: [&str; 13] = [
    "Cocoa",
    "Coffee",
    "Sugar",
    "Cotton",
    "Copper",
    "Silver",
    "Gold",
    "Nickel",
    "Zinc",
    "Tin",
    "Platinum",
    "Palladium",
    "Wheat",
];

/// What a currency or a commodity does or who trades it, after its name opening a sentence.
const CURRENCY_MOVES: [&str; 19] = [
    "rose",
    "fell",
    "firmed",
    "eased",
    "slipped",
    "gained",
    "weakened",
    "strengthened",
    "dropped",
    "climbed",
    "slid",
    "rallied",
    "recovered",
    "steadied",
    "traders",
    "dealers",
    "bulls",
    "futures",
    "prices",
];

/// Whether a mention is a currency's or a commodity's name opening a sentence about its moves
/// ("Sterling rose against the dollar", "Rand traders said", "Lira slid", "Cocoa futures in New
/// York rose"): no person (Raheem Sterling scores against teams, not against the dollar) and no
/// town (Lira, Uganda; Cocoa, Florida).
fn currency_opening_a_sentence(text: &str, f: &Found) -> bool {
    let word = &text[f.start..f.end];
    if !matches!(f.origin, Origin::Tagger | Origin::Place(_))
        || !(CURRENCIES.contains(&word) || COMMODITIES.contains(&word))
        || !text[..f.start]
            .trim_end_matches([' ', '"', '\u{201c}'])
            .chars()
            .last()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n'))
    {
        return false;
    }
    let sentence = text[f.end..].split(". ").next().unwrap_or_default();
    let moves = sentence
        .split(' ')
        .nth(1)
        .is_some_and(|w| CURRENCY_MOVES.contains(&w));
    moves
        || ["dollar", "euro", "yen", "greenback"].iter().any(|c| {
            sentence.contains(&format!("against the {c}"))
                || sentence.contains(&format!("versus the {c}"))
        })
}

/// Whether `word` is a company's legal form, with or without its full stop ("Corp", "Inc.",
/// "plc", "AG").
fn legal_form(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Corp"
            | "Inc"
            | "Co"
            | "Ltd"
            | "plc"
            | "Plc"
            | "PLC"
            | "AG"
            | "SA"
            | "NV"
            | "SE"
            | "LLC"
            | "GmbH"
            | "SpA"
            | "ASA"
            | "Oyj"
            | "Bhd"
            | "Tbk"
            | "PBC"
    )
}

/// The knowledge base's organisation among what the gazetteer knows by a name, for a name
/// that goes on with more words: not a news outlet ("New York Times Co." is the company that
/// publishes the paper).
fn kb_organisation(res: &Resources, hit: &crate::gazetteer::Hit) -> Option<usize> {
    hit.targets.iter().find_map(|t| match *t {
        Target::Kb(i)
            if res.kb[i].kind == KbKind::Organisation && res.kb[i].category != "news_media" =>
        {
            Some(i)
        }
        _ => None,
    })
}

/// A legal form the tagger set apart from the body's name before it is that name's end
/// ("McDonald's Corp.": "McDonald's" and "Corp.").
fn legal_forms_join_their_bodies(text: &str, out: &mut Vec<Found>) {
    // One pass that folds each such form into the mention before it (no removal in the
    // middle of the list, which a story of many forms would make quadratic).
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for g in out.drain(..) {
        if let Some(f) = kept.last_mut().filter(|f| {
            f.kind == MentionKind::Organisation
                && g.origin == Origin::Tagger
                && f.end <= g.start
                && &text[f.end..g.start] == " "
                && (legal_form(&text[g.start..g.end])
                    || legal_form_with_stop(&text[g.start..g.end]))
        }) {
            if f.uri.is_none() && f.origin == Origin::Tagger {
                f.name = text[f.start..g.end].to_string();
            }
            f.end = g.end;
        } else {
            kept.push(g);
        }
    }
    *out = kept;
}

/// A party's name after a people's ("Swiss" + "People's Party") is one party's name, as its
/// members write it; a party's name run on over "of" into a leader's name of two plain words
/// no list, gazetteer or dictionary knows is the party and the leader ("the Kurdistan
/// Democratic Party of Masoud Barzani" was one body).
fn parties_of_peoples_and_leaders(res: &Resources, text: &str, out: &mut Vec<Found>) {
    let party = |f: &Found| {
        f.kind == MentionKind::Organisation
            && f.uri.is_none()
            && matches!(f.origin, Origin::Tagger | Origin::OrgHead)
    };
    let mut k = 1;
    while k < out.len() {
        let (f, g) = (&out[k - 1], &out[k]);
        if matches!(f.origin, Origin::Demonym(_))
            && party(g)
            && f.end <= g.start
            && &text[f.end..g.start] == " "
            && text[g.start..g.end].ends_with(" Party")
        {
            let span = (f.start, g.end);
            out[k - 1].respan(text, span, MentionKind::Organisation);
            out.remove(k);
        } else {
            k += 1;
        }
    }
    let unknown = |w: &str| {
        let lower = crate::text::lowercase(w);
        plain_name_word(w)
            && !initial_letter(w)
            && !res.english_word(&lower)
            && !res.common_words.contains(lower.as_ref())
    };
    let mut extra = Vec::new();
    for f in out.iter_mut().filter(|f| party(f)) {
        let name = &text[f.start..f.end];
        let Some((body, leader)) = name.rsplit_once(" of ") else {
            continue;
        };
        let words: Vec<&str> = leader.split(' ').collect();
        if words.len() == 2
            && words.iter().all(|w| unknown(w))
            && body
                .rsplit(' ')
                .next()
                .is_some_and(|h| matches!(h, "Party" | "Front" | "Movement" | "Alliance"))
        {
            let (start, end) = (f.start, f.end);
            f.respan(text, (start, start + body.len()), MentionKind::Organisation);
            extra.push(Found::unlinked(
                text,
                MentionKind::Person,
                (end - leader.len(), end),
                f.confidence,
            ));
        }
    }
    extend_in_order(out, extra);
}

/// Two bodies the tagger ran together across "and", each of two words or more ending in a
/// body's head or a legal form, are two ("Nexstar Media Group and Sinclair Broadcast Group"
/// was one); not a body whose first part has no such end ("Securities and Exchange
/// Commission", "Department of Health and Human Services").
fn bodies_joined_by_and(text: &str, out: &mut Vec<Found>) {
    let ends_in_head = |part: &str| {
        part.rsplit_once(' ').is_some_and(|(_, w)| {
            capitalised(w)
                && (ORG_ONLY_HEADS.contains(w)
                    || BODY_HEADS.contains(w)
                    || legal_form(w)
                    || legal_form_with_stop(w))
        })
    };
    let mut second = Vec::new();
    for f in out.iter_mut() {
        if f.kind != MentionKind::Organisation || f.origin != Origin::Tagger || f.uri.is_some() {
            continue;
        }
        let surface = &text[f.start..f.end];
        let Some((first, rest)) = surface.split_once(" and ") else {
            continue;
        };
        if rest.contains(" and ") || !ends_in_head(first) || !ends_in_head(rest) {
            continue;
        }
        let (end, confidence) = (f.end, f.confidence);
        second.push(Found::unlinked(
            text,
            MentionKind::Organisation,
            (end - rest.len(), end),
            confidence,
        ));
        f.respan(
            text,
            (f.start, f.start + first.len()),
            MentionKind::Organisation,
        );
    }
    extend_in_order(out, second);
}

/// A currency's abbreviation before an amount is no name ("for Rs 18 crore" gave a body); a
/// country's dollar is an "other" name, as CoNLL writes "C$" and "A$".
fn currency_before_amount(text: &str, f: &mut Found) -> bool {
    const SIGNS: [&str; 5] = ["Rs", "Rs.", "RM", "Rp", "Tk"];
    const DOLLARS: [&str; 7] = ["US$", "A$", "C$", "NZ$", "HK$", "S$", "R$"];
    let surface = &text[f.start..f.end];
    let amount = text[f.end..]
        .trim_start_matches(' ')
        .starts_with(|c: char| c.is_ascii_digit());
    if !amount || f.uri.is_some() {
        return false;
    }
    if DOLLARS.contains(&surface) {
        f.kind = MentionKind::Other;
    }
    SIGNS.contains(&surface)
}

/// Whether `w` is a team's plural nickname ("Kings", "Warriors", "Indians"): a capitalised
/// plural no place's name ends in.
fn plural_nickname(w: &str) -> bool {
    const PLACE_PLURALS: [&str; 30] = [
        "Islands",
        "Isles",
        "Heights",
        "Falls",
        "Springs",
        "Hills",
        "Lakes",
        "Rapids",
        "Sands",
        "Gardens",
        "Plains",
        "Keys",
        "Mountains",
        "Territories",
        "Emirates",
        "States",
        "Downs",
        "Fields",
        "Woods",
        "Highlands",
        "Flats",
        "Straits",
        "Cliffs",
        "Meadows",
        "Oaks",
        "Pines",
        "Palms",
        "Groves",
        "Acres",
        "Estates",
    ];
    w.len() >= 4
        && capitalised(w)
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !PLACE_PLURALS.contains(&w)
}

/// A prize's or an award's field after "in" is no name of its own ("the Nobel Prize in
/// Literature" gave the place "Literature", "Nobel Prize in Physics" the "other" name
/// "Physics"); the prize's name stays as wikigold writes it, "Nobel Prize".
fn prizes_in_their_field(text: &str, out: &mut Vec<Found>) {
    // A guessed name ending in a word for a prize is the prize's, an "other" name, as CoNLL
    // and wikigold write awards ("the Commonwealth Writers' Prize" was a body), and so is one
    // awarded or received ("was awarded the Victoria Cross" was a person).
    for f in out.iter_mut() {
        let surface = &text[f.start..f.end];
        let awarded = ["awarded the ", "received the "]
            .iter()
            .any(|w| text[..f.start].ends_with(w));
        if f.origin == Origin::Tagger
            && f.uri.is_none()
            && f.kind != MentionKind::Other
            && surface.contains(' ')
            && ([" Prize", " Award", " Awards", " Medal", " Trophy"]
                .iter()
                .any(|w| surface.ends_with(w))
                || awarded)
        {
            f.kind = MentionKind::Other;
        }
    }
    let mut k = 0;
    while k + 1 < out.len() {
        let (f, g) = (&out[k], &out[k + 1]);
        let surface = &text[f.start..f.end];
        let field = &text[g.start..g.end];
        let field_of_prize = f.kind == MentionKind::Other
            && (surface.ends_with(" Prize") || surface.ends_with(" Award"))
            && &text[f.end..g.start] == " in "
            && g.uri.is_none()
            && matches!(g.origin, Origin::Tagger)
            && field.split(' ').all(|w| capitalised(w) || w == "or")
            && field.split(' ').count() <= 3;
        if field_of_prize {
            out.remove(k + 1);
        }
        k += 1;
    }
}

/// Adds the mentions `extra` the rules found to `out`, kept in text order.
fn extend_in_order(out: &mut Vec<Found>, extra: Vec<Found>) {
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|f| f.start);
    }
}

/// Puts the mentions `names` the rules found among `out`, in text order, in place of those
/// lying within them.
fn replace_within(out: &mut Vec<Found>, names: Vec<Found>) {
    out.retain(|f| !names.iter().any(|n| n.start <= f.start && f.end <= n.end));
    extend_in_order(out, names);
}

/// Whether `word` is a company's legal form written with its full stop ("Co.", "Inc.").
fn legal_form_with_stop(word: &str) -> bool {
    matches!(
        word,
        "Co." | "Corp." | "Inc." | "Ltd." | "Plc." | "Cos." | "Bhd." | "Pty."
    )
}

/// A body's name the tagger ran on past its legal form's full stop: the stop ended a sentence
/// ("Advanced Micro Devices Inc. The Ferrari", "Yahoo Inc. YHOO.O") or a list's item ("rivals
/// such as BYD Co. Mitsubishi Motors Corp."). What follows a legal form is no part of the name
/// when it is "The", a ticker, or another name ending in a legal form or a body's head (then a
/// second body).
/// A knowledge-base company before the legal form is that company ("Microsoft Corp."). So too a
/// person's name past "Jr." or "Sr.".
fn names_past_a_final_stop(
    res: &Resources,
    text: &str,
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
    out: &mut Vec<Found>,
) {
    let company = |start: usize, end: usize| {
        let (before, _) = text[start..end].trim_end().rsplit_once(' ')?;
        kb_organisation(res, exact.get(&(start, start + before.len()))?)
    };
    let mut extra = Vec::new();
    for f in out.iter_mut().filter(|f| f.origin == Origin::Tagger) {
        let surface = &text[f.start..f.end];
        if f.kind == MentionKind::Person {
            // "Ferdinand Marcos Jr. Duterte, the daughter of …": a generational suffix ends
            // the name; the words after it open the next sentence, another person's name.
            let Some(at) = ["Jr. ", "Sr. ", "Jr.\n", "Sr.\n"]
                .iter()
                .find_map(|s| surface.find(s))
            else {
                continue;
            };
            let cut = at + 3;
            let rest = &surface[cut + 1..];
            let words = rest.split([' ', '\n']).count();
            if cut == 3 || words > 3 || !rest.split([' ', '\n']).all(capitalised) {
                continue;
            }
            // A common word after the stop opens the next sentence ("… Marcos Jr.\nMore than
            // 200 lawmakers").
            if words > 1 || !res.english_word(&rest.to_lowercase()) {
                extra.push(Found::unlinked(
                    text,
                    MentionKind::Person,
                    (f.start + cut + 1, f.end),
                    f.confidence,
                ));
            }
            let span = (f.start, f.start + cut);
            *f = match exact.get(&span).and_then(|h| {
                h.targets.iter().find_map(|t| match *t {
                    Target::Kb(i) if res.kb[i].kind == KbKind::Person => Some(i),
                    _ => None,
                })
            }) {
                Some(i) => Found::kb(res, i, span, f.confidence.max(0.85)),
                None => Found::unlinked(text, MentionKind::Person, span, f.confidence),
            };
            continue;
        }
        if f.kind != MentionKind::Organisation {
            continue;
        }
        // The stop and a space or a line break ("Nvidia Corp.\nIn a rare statement").
        let cut = surface.match_indices('.').find_map(|(at, _)| {
            let form = surface[..=at].rsplit([' ', '\n']).next()?;
            (surface[at + 1..].starts_with([' ', '\n']) && legal_form_with_stop(form))
                .then_some(at + 1)
        });
        let Some(cut) = cut else { continue };
        let rest = surface[cut..].trim_start();
        let rest_at = f.start + (surface.len() - rest.len());
        let ticker = |w: &str| {
            w.split_once('.').is_some_and(|(sym, exch)| {
                !sym.is_empty()
                    && sym.bytes().all(|b| b.is_ascii_uppercase())
                    && (1..=2).contains(&exch.len())
                    && exch.bytes().all(|b| b.is_ascii_uppercase())
            })
        };
        // A second name ending in a legal form or a body's head ("… and Chinese electric
        // vehicle maker BYD Co. Foxconn Technology Group had approached Nissan").
        let second = rest.contains(' ')
            && rest.split(' ').next().is_some_and(|w| !legal_form(w))
            && rest.rsplit(' ').next().is_some_and(|w| {
                legal_form_with_stop(w) || ORG_ONLY_HEADS.contains(w) || BODY_HEADS.contains(w)
            });
        // "Idemitsu Kosan Co. Shares of Toyota rose": a capitalised English word after the
        // form opens the next sentence; a known company named further on keeps its mention.
        // A word alone after the form must be a common one: "Coca-Cola Bottling Co.
        // Consolidated" is a company's whole name.
        let opening = rest.split(' ').next().filter(|w| {
            let lower = w.to_lowercase();
            w.len() > 1
                && capitalised(w)
                && !legal_form_with_stop(w)
                && if rest.len() == w.len() {
                    res.common_words.contains(&lower)
                } else {
                    res.english_word(&lower)
                }
        });
        let the = rest == "The" || rest.starts_with("The ");
        if !(the || ticker(rest) || second || opening.is_some()) {
            continue;
        }
        if !(the || second) && opening.is_some() {
            let mut at = rest_at;
            for w in rest.split(' ') {
                if capitalised(w) && !res.english_word(&w.to_lowercase()) {
                    if let Some(i) = exact
                        .get(&(at, f.end))
                        .and_then(|h| kb_organisation(res, h))
                    {
                        extra.push(Found::kb(res, i, (at, f.end), f.confidence.max(0.85)));
                    }
                    break;
                }
                at += w.len() + 1;
            }
        }
        if second {
            extra.push(match company(rest_at, f.end) {
                Some(i) => Found::kb(res, i, (rest_at, f.end), f.confidence.max(0.85)),
                None => Found::unlinked(
                    text,
                    MentionKind::Organisation,
                    (rest_at, f.end),
                    f.confidence,
                ),
            });
        }
        let span = (f.start, f.start + cut);
        *f = match company(span.0, span.1) {
            Some(i) => Found::kb(res, i, span, f.confidence.max(0.85)),
            None => Found::unlinked(text, MentionKind::Organisation, span, f.confidence),
        };
    }
    extend_in_order(out, extra);
}

/// The capitalised words right before "crude" name an oil benchmark ("West Texas
/// Intermediate crude" gave the place Texas, "Western Canadian Select crude"), an "other"
/// name; a country or a people's name opening them stays itself ("U.S. West Texas
/// Intermediate", "Russian Urals").
fn crude_benchmarks(res: &Resources, text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let national = |t: &Token<'_>| {
        out.iter().any(|f| {
            f.start <= t.start
                && t.end <= f.end
                && match f.origin {
                    Origin::Demonym(_) => true,
                    Origin::Place(i) => res.places[i].kind == PlaceKind::Country,
                    _ => false,
                }
        })
    };
    let mut spans = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.text != "crude" || k == 0 {
            continue;
        }
        let mut first = k;
        while first > 0
            && adjacent(text, &toks[first - 1], &toks[first])
            && capitalised(toks[first - 1].text)
            && !national(&toks[first - 1])
        {
            first -= 1;
            if toks[first].sentence_start {
                break;
            }
        }
        // Two words at least: one word before "crude" is the rule of `names_of_things`.
        if k - first >= 2 {
            spans.push((toks[first].start, toks[k - 1].end));
        }
    }
    replace_each_inside(text, spans, (MentionKind::Other, 0.8), out);
}

/// Stock indices that market reports name without a word saying so ("The Sensex fell",
/// "Germany's DAX rose", "the S&P 500"), longest spelling first where one opens another.
const STOCK_INDICES: [&str; 52] = [
    "S&P 500",
    "S&P/ASX 200",
    "S&P/TSX",
    "Standard & Poor's 500",
    "Nasdaq Composite",
    "Nasdaq 100",
    "Russell 2000",
    "Dow Jones Industrial Average",
    "FTSE 100",
    "FTSE 250",
    "FTSE MIB",
    "FTSE",
    "MDAX",
    "DAX",
    "CAC 40",
    "IBEX 35",
    "Ibex 35",
    "AEX",
    "Euro Stoxx 50",
    "Euro STOXX 50",
    "Stoxx Europe 600",
    "STOXX Europe 600",
    "Stoxx 600",
    "STOXX 600",
    "Nikkei 225",
    "Nikkei",
    "Topix",
    "TOPIX",
    "Kospi",
    "KOSPI",
    "Kosdaq",
    "KOSDAQ",
    "Hang Seng",
    "Taiex",
    "TAIEX",
    "Sensex",
    "SENSEX",
    "Nifty 50",
    "Nifty",
    "NIFTY",
    "Straits Times Index",
    "PSEi",
    "KLCI",
    "ASX 200",
    "All Ordinaries",
    "NZX 50",
    "Ibovespa",
    "Bovespa",
    "Merval",
    "CSI 300",
    "Shanghai Composite",
    "Shenzhen Component",
];

/// A building or a body named after a saint in the possessive is one name ("St Paul's
/// Cathedral" was the body "St Paul" and the person "Cathedral"; "St Mary's Hospital", "St
/// Peter's Square"): a place where its head word names one, else a body ("St John's
/// College").
fn named_after_saints(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let mut names = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !matches!(t.text, "St" | "Saint") || k + 2 >= toks.len() {
            continue;
        }
        let saint = &toks[k + 1];
        let after = text[t.end..saint.start].trim_start_matches('.');
        if after != " " || !saint.is_capitalised() {
            continue;
        }
        // The possessive: "'s", "’s" or a bare apostrophe after a final s ("St Thomas' "),
        // in the saint's token or after it.
        let rest = &text[saint.end..];
        let owned = POSSESSIVES.iter().any(|p| saint.text.ends_with(p));
        let Some(gap) = ["'s ", "\u{2019}s ", "' ", "\u{2019} "]
            .iter()
            .find(|p| rest.starts_with(**p))
            .map(|p| p.len())
            .or_else(|| (owned && rest.starts_with(' ')).then_some(1))
        else {
            continue;
        };
        let head_start = saint.end + gap;
        let Some(head) = toks[k + 2..].iter().find(|h| h.start >= head_start) else {
            continue;
        };
        if head.start != head_start || !head.is_capitalised() {
            continue;
        }
        let kind = if PLACE_HEADS.contains(head.text) || head.text == "Park" {
            MentionKind::Place
        } else if ORG_HEADS.contains(head.text) || matches!(head.text, "Church" | "Abbey") {
            MentionKind::Organisation
        } else {
            continue;
        };
        names.push(Found::unlinked(text, kind, (t.start, head.end), 0.8));
    }
    for name in names {
        replace_span(out, name);
    }
}

/// A place of several words before "-based", "-led" and the like is one "other" name with
/// it, as CoNLL writes "Los Angeles-based" ("Fort Worth-based" gave the place "Fort", "Salt
/// Lake City-based" the name "Lake City-based").
fn places_of_several_words_behind(
    text: &str,
    toks: &[Token<'_>],
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
    out: &mut Vec<Found>,
) {
    let mut spans = Vec::new();
    for (k, t) in toks.iter().enumerate().skip(1) {
        // The segmenter splits "Worth-based" at the hyphen.
        let stem = &toks[k - 1];
        if !BEHIND_SUFFIXES.iter().any(|x| x[1..] == *t.text)
            || stem.end + 1 != t.start
            || &text[stem.end..t.start] != "-"
            || !stem.is_capitalised()
        {
            continue;
        }
        let stem_end = stem.end;
        let k = k - 1;
        let mut first = k;
        let mut found = None;
        while first > 0
            && k - first < 3
            && adjacent(text, &toks[first - 1], &toks[first])
            && toks[first - 1].is_capitalised()
        {
            first -= 1;
            let place = exact
                .get(&(toks[first].start, stem_end))
                .is_some_and(|h| h.targets.iter().any(|t| matches!(t, Target::Place(_))));
            if place {
                found = Some(first);
            }
        }
        if let Some(first) = found {
            spans.push((toks[first].start, t.end));
        }
    }
    replace_each_inside(text, spans, (MentionKind::Other, 0.8), out);
}

/// The first word of an index's name, to the first sign ("S" of "S&P 500").
fn index_head(name: &str) -> &str {
    name.split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
}

/// The first words of [`STOCK_INDICES`], built on first use.
fn stock_index_heads() -> &'static HashSet<&'static str> {
    static HEADS: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| STOCK_INDICES.iter().map(|n| index_head(n)).collect())
}

/// Stock indices by name ([`STOCK_INDICES`]) are "other" names, in place of what the tagger
/// and the knowledge base made of their words ("Sensex" a body, "S&P" a body without its 500,
/// "Straits Times" the paper inside "Straits Times Index"); not where a longer name holds one
/// ("FTSE Russell", the company). "Nikkei" before "business daily", "newspaper" or "daily" is
/// the paper, a body.
fn stock_indices(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let mut spans = Vec::new();
    for t in toks {
        // Every index's name opens with a capital letter and one of a few words.
        if !t.text.starts_with(|c: char| c.is_ascii_uppercase())
            || !stock_index_heads().contains(index_head(t.text))
        {
            continue;
        }
        let rest = &text[t.start..];
        let Some(name) = STOCK_INDICES.iter().find(|n| {
            rest.starts_with(**n)
                && !rest[n.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '&' || c == '/')
        }) else {
            continue;
        };
        let end = t.start + name.len();
        let after = text[end..].trim_start();
        if *name == "Nikkei"
            && ["business daily", "newspaper", "daily"]
                .iter()
                .any(|w| opens_with_words(after, w))
        {
            let paper = Found::unlinked(text, MentionKind::Organisation, (t.start, end), 0.8);
            replace_span(out, paper);
            continue;
        }
        spans.push((t.start, end));
    }
    replace_each_inside(text, spans, (MentionKind::Other, 0.8), out);
}

/// A "person" the tagger ran on through "of" into a body's name is the person and the body
/// ("Eunice Yung of the Democratic Party"): the words before "of" — two to four capitalised
/// words — the person, those after it, a name ending in an organisation's head word, the body.
fn people_of_bodies(
    res: &Resources,
    text: &str,
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
    out: &mut Vec<Found>,
) {
    let mut added = Vec::new();
    for f in out.iter_mut() {
        if f.uri.is_some() {
            continue;
        }
        let surface = &text[f.start..f.end];
        // A title before the person's name, which the tagger made a body with the party's
        // ("Taoiseach Simon Harris of Fine Gael"): the title is no part of either.
        let title = (f.kind == MentionKind::Organisation && f.origin == Origin::Tagger)
            .then(|| surface.split_once(' '))
            .flatten()
            .filter(|(t, _)| capitalised(t) && TITLES.contains(t))
            .map_or(0, |(t, _)| t.len() + 1);
        if f.kind != MentionKind::Person && title == 0 {
            continue;
        }
        let Some(at) = surface.find(" of ") else {
            continue;
        };
        let (person, rest) = (&surface[title.min(at)..at], &surface[at + 4..]);
        let body = rest.strip_prefix("the ").unwrap_or(rest);
        let body_start = f.end - body.len();
        let person_words = person.split(' ').count();
        // The body a head word ends, or, after a title, one the knowledge base knows.
        let kb = exact
            .get(&(body_start, f.end))
            .and_then(|h| kb_organisation(res, h))
            .filter(|_| title > 0);
        if !(2..=if title > 0 { 3 } else { 4 }).contains(&person_words)
            || !person.split(' ').all(capitalised)
            || !body
                .split(' ')
                .all(|w| capitalised(w) || CONNECTORS.contains(&w))
            || !(kb.is_some()
                || body
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| ORG_HEADS.contains(w)))
        {
            continue;
        }
        added.push(match kb {
            Some(i) => Found::kb(res, i, (body_start, f.end), f.confidence),
            None => Found::unlinked(
                text,
                MentionKind::Organisation,
                (body_start, f.end),
                f.confidence,
            ),
        });
        f.start += title;
        f.end = f.start + person.len();
        f.kind = MentionKind::Person;
        f.name = text[f.start..f.end].to_string();
    }
    extend_in_order(out, added);
}

/// A law amending another, as India, Pakistan and Bangladesh name them: "the Banking Laws
/// (Amendment) Bill" (was the body "Banking Laws" and the person "Bill"), "the Waqf
/// (Amendment) Act" — one "other" name from the first capitalised word of the amended law's
/// name to "Bill", "Act" or "Ordinance".
fn amendment_laws(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let mut spans = Vec::new();
    for (at, _) in text.match_indices(" (Amendment) ") {
        let after = &text[at + " (Amendment) ".len()..];
        let Some(kind) = ["Bill", "Act", "Ordinance"].iter().find(|k| {
            after.starts_with(**k) && !after[k.len()..].starts_with(char::is_alphanumeric)
        }) else {
            continue;
        };
        let end = at + " (Amendment) ".len() + kind.len();
        // The amended law's name: capitalised words (and connectors between them) back from
        // the bracket, at most eight.
        let Some(last) = toks.iter().rposition(|t| t.end == at) else {
            continue;
        };
        let mut first = last;
        for k in (last.saturating_sub(8)..last).rev() {
            let t = &toks[k];
            if &text[t.end..toks[k + 1].start] != " " || t.sentence_start && !t.is_capitalised() {
                break;
            }
            if t.is_capitalised() {
                first = k;
            } else if !matches!(t.text, "and" | "of" | "the" | "for") {
                break;
            }
        }
        if toks[first].text == "The" && first < last {
            first += 1;
        }
        if toks[last].is_capitalised() && toks[first].is_capitalised() {
            spans.push((toks[first].start, end));
        }
    }
    if !spans.is_empty() {
        replace_each_inside(text, spans, (MentionKind::Other, 0.8), out);
    }
}

/// The words a military unit's name ends in ("82nd Airborne Division", "47th Separate
/// Mechanized Brigade", "IV Corps", "Seventh Fleet").
const UNIT_HEADS: [&str; 16] = [
    "Brigade",
    "Brigades",
    "Division",
    "Regiment",
    "Battalion",
    "Corps",
    "Army",
    "Fleet",
    "Wing",
    "Squadron",
    "Infantry",
    "Cavalry",
    "Artillery",
    "Airborne",
    "Marines",
    "Force",
];

/// Words that make a unit after a spelled-out ordinal military ("Third Infantry Division"), not
/// a league's ("First Division").
const UNIT_ARMS: [&str; 18] = [
    "Infantry",
    "Armored",
    "Armoured",
    "Airborne",
    "Marine",
    "Cavalry",
    "Mechanized",
    "Mechanised",
    "Tank",
    "Mountain",
    "Assault",
    "Panzer",
    "Guards",
    "Rifle",
    "Motorized",
    "Motorised",
    "Artillery",
    "Air",
];

/// Military units are organisations, their number included, whatever the tagger made of
/// them ("the 82nd Airborne Division" gave the "other" name "Airborne Division", "the 65th Air
/// Division" the same, "47th Separate Mechanized Brigade" nothing): an ordinal — in digits
/// ("82nd", "93d"), spelled out ("Seventh") or a Roman numeral before "Corps" or "Army" ("IV
/// Corps") — and up to six capitalised words ending in a unit's head word ([`UNIT_HEADS`]).
/// After a spelled-out ordinal a word of the arms must come first ([`UNIT_ARMS`]) unless the
/// head is an army, a fleet, a corps or an air force ("First Division" is a league); "Force"
/// ends a unit only after "Air".
fn military_units(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    const SPELLED: [&str; 18] = [
        "First",
        "Second",
        "Third",
        "Fourth",
        "Fifth",
        "Sixth",
        "Seventh",
        "Eighth",
        "Ninth",
        "Tenth",
        "Eleventh",
        "Twelfth",
        "Thirteenth",
        "Fourteenth",
        "Fifteenth",
        "Sixteenth",
        "Seventeenth",
        "Eighteenth",
    ];
    let is_head = |w: &str| UNIT_HEADS.contains(&w);
    let mut spans = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let digits = t.text.bytes().take_while(u8::is_ascii_digit).count();
        let numbered =
            digits > 0 && digits <= 3 && ["st", "nd", "rd", "th", "d"].contains(&&t.text[digits..]);
        let spelled = SPELLED.contains(&t.text);
        let roman = roman_numeral(t.text);
        if !(numbered || spelled || roman) {
            continue;
        }
        let mut head = None;
        for k in i + 1..toks.len().min(i + 7) {
            let w = &toks[k];
            if &text[toks[k - 1].end..w.start] != " " || !w.is_capitalised() {
                break;
            }
            let force = w.text == "Force" && toks[k - 1].text != "Air";
            if is_head(w.text) && !force {
                head = Some(k);
            }
        }
        let Some(h) = head else { continue };
        let last = toks[h].text;
        let first = toks[i + 1].text;
        let large = matches!(last, "Army" | "Fleet" | "Corps" | "Force");
        let ok = if roman {
            matches!(last, "Corps" | "Army")
        } else if spelled {
            large || UNIT_ARMS.contains(&first)
        } else {
            true
        };
        if !ok {
            continue;
        }
        let end = toks[h].end;
        // The tagger's name of the unit with its country's before it ("US Seventh Fleet" was
        // a place) is the unit.
        let with_country = out.iter_mut().find(|f| {
            f.end == end
                && f.start < t.start
                && f.uri.is_none()
                && !text[f.start..t.start].trim_end().contains(' ')
        });
        match with_country {
            Some(f) => f.kind = MentionKind::Organisation,
            None => spans.push((t.start, end)),
        }
    }
    if spans.is_empty() {
        return;
    }
    replace_each_inside(text, spans, (MentionKind::Organisation, 0.8), out);
}

/// A virus or a disease named after a place ("the Marburg virus", "Lassa fever"), a crude oil
/// benchmark ("Brent crude", "Urals crude") and a storm ("Hurricane Beryl", "tropical storm
/// Trami", found whatever the tagger made of it) are "other" names, no place, company or person, and so is that name
/// alone in the same story ("Marburg, a cousin of Ebola", "Brent rose", "Beryl earlier
/// devastated Carriacou"); a people's name keeps its country ("Russian crude").
fn names_of_things(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    // A one-word name the tagger set apart from the instrument it names is the instrument's
    // ("Hubble" a person before "Space Telescope").
    let mut k = 1;
    while k < out.len() {
        let (f, g) = (&out[k - 1], &out[k]);
        let head = text[g.start..g.end].rsplit(' ').next().unwrap_or_default();
        if f.origin == Origin::Tagger
            && g.origin == Origin::Tagger
            && f.uri.is_none()
            && g.kind == MentionKind::Other
            && !text[f.start..f.end].contains(' ')
            && &text[f.end..g.start] == " "
            && THING_HEADS.contains(head)
        {
            let (start, end, confidence) = (f.start, g.end, f.confidence.min(g.confidence));
            out[k - 1] = Found::unlinked(text, MentionKind::Other, (start, end), confidence);
            out.remove(k);
        } else {
            k += 1;
        }
    }
    let mut names: Vec<&str> = out
        .iter()
        .filter(|f| {
            let next_word = text[f.end..]
                .strip_prefix(' ')
                .and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next())
                .unwrap_or_default();
            (!matches!(f.origin, Origin::Demonym(_))
                && ["virus", "fever", "disease", "crude"]
                    .iter()
                    .any(|w| next_word.starts_with(w)))
                // A single word the tagger took for a person before a word for a programme or
                // a product names that ("NASA's Artemis program", "the Jynneos vaccine",
                // "Boxer armoured vehicles", "Toyota's Lexus brand").
                || (f.kind == MentionKind::Person
                    && f.origin == Origin::Tagger
                    && !text[f.start..f.end].contains(' ')
                    && matches!(
                        next_word,
                        "program"
                            | "programme"
                            | "mission"
                            | "vaccine"
                            | "spacecraft"
                            | "rover"
                            | "telescope"
                            | "probe"
                            | "drug"
                            | "app"
                            | "chatbot"
                            | "console"
                            | "smartphone"
                            | "armoured"
                            | "armored"
                            | "vehicles"
                            | "jets"
                            | "missile"
                            | "missiles"
                            | "rifles"
                            | "howitzers"
                            | "drones"
                            | "brand"
                            | "brands"
                    ))
        })
        .map(|f| &text[f.start..f.end])
        .collect();
    let before = out.len();
    for pair in toks.windows(2) {
        let [storm, name] = pair else { continue };
        if !matches!(
            storm.text,
            "Hurricane"
                | "Typhoon"
                | "Cyclone"
                | "Storm"
                | "hurricane"
                | "typhoon"
                | "cyclone"
                | "storm"
        ) || !adjacent(text, storm, name)
            || !capitalised(name.text)
            || name.sentence_start
            || NOT_NAMES.contains(&name.text)
            || matches!(name.text, "Hurricane" | "Typhoon" | "Cyclone" | "Storm")
        {
            continue;
        }
        // In lower case the word may end a clause before a name ("a storm Europe has not
        // seen"): not before a name something linked.
        let linked = out[..before]
            .iter()
            .any(|f| f.start < name.end && name.start < f.end && f.uri.is_some());
        if storm.text.starts_with(char::is_lowercase) && linked {
            continue;
        }
        // The name goes on over a hyphen to its part in lower case ("Typhoon Fung-wong").
        let end = text[name.end..]
            .strip_prefix('-')
            .map(|r| r.len() - r.trim_start_matches(|c: char| c.is_ascii_lowercase()).len())
            .filter(|&n| n > 0)
            .map_or(name.end, |n| name.end + 1 + n);
        names.push(&text[name.start..end]);
        if !out[..before]
            .iter()
            .any(|f| f.start < end && name.start < f.end)
        {
            out.push(Found::unlinked(
                text,
                MentionKind::Other,
                (name.start, end),
                0.8,
            ));
        }
    }
    if out.len() > before {
        out.sort_by_key(|f| f.start);
    }
    for f in out
        .iter_mut()
        .filter(|f| names.contains(&&text[f.start..f.end]))
    {
        f.kind = MentionKind::Other;
        f.uri = None;
        f.origin = Origin::Tagger;
    }
}

/// Planets and moons, named in copy about space, are "other" names and no place: "Jupiter" in a
/// story datelined Florida was Jupiter, Florida; "Earth" an organisation. A story is about space
/// where one of its words is [`SPACE_WORDS`].
fn celestial_bodies(text: &str, toks: &[Token<'_>], out: &mut [Found]) {
    const BODIES: [&str; 14] = [
        "Mercury",
        "Venus",
        "Earth",
        "Mars",
        "Jupiter",
        "Saturn",
        "Uranus",
        "Neptune",
        "Pluto",
        "Europa",
        "Titan",
        "Ganymede",
        "Callisto",
        "Enceladus",
    ];
    let body = |f: &Found| BODIES.contains(&&text[f.start..f.end]);
    if !out.iter().any(body) || !toks.iter().any(|t| SPACE_WORDS.contains(&t.text)) {
        return;
    }
    for f in out.iter_mut().filter(|f| body(f)) {
        f.kind = MentionKind::Other;
        f.uri = None;
        f.origin = Origin::Tagger;
    }
}

/// Words of copy about space, as written (lower case).
const SPACE_WORDS: [&str; 20] = [
    "spacecraft",
    "planet",
    "planets",
    "planetary",
    "orbit",
    "orbits",
    "orbiting",
    "orbiter",
    "astronaut",
    "astronauts",
    "astronomer",
    "astronomers",
    "telescope",
    "asteroid",
    "comet",
    "moon",
    "moons",
    "lunar",
    "rover",
    "spaceflight",
];

/// A name shaped like a person's that the tagger took for an organisation is a person's where
/// "his" or "her" follows it within three words ("Virat Kohli struck his 50th century"):
/// bodies are "its" and "their"; or where it scored or played for a team.
fn named_with_a_personal_pronoun(
    text: &str,
    place_within: impl Fn(usize, usize) -> bool,
    out: &mut [Found],
) {
    for f in out.iter_mut().filter(|f| {
        f.kind == MentionKind::Organisation && f.uri.is_none() && f.origin == Origin::Tagger
    }) {
        let words: Vec<&str> = text[f.start..f.end].split(' ').collect();
        // Not a team named after its town ("the New York Mets declined his option", "Inter
        // Milan", "Florida State"), though a given name may be a town's ("Brent Geiberger").
        let last = words.last().copied().unwrap_or_default();
        let team = words
            .iter()
            .any(|w| matches!(*w, "State" | "City" | "United" | "County"))
            || place_within(f.end - last.len(), f.end)
            || (last.ends_with('s') && !last.ends_with("ss") && place_within(f.start, f.end));
        if team {
            continue;
        }
        let name_shaped = (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                capitalised(w)
                    && w.chars().skip(1).all(char::is_lowercase)
                    && !ORG_HEADS.contains(w)
                    && !COMPANY_WORDS.contains(w)
            });
        if !name_shaped {
            continue;
        }
        let after: Vec<&str> = text[f.end..]
            .split(' ')
            .skip(1)
            .take(5)
            .take_while(|w| w.bytes().all(|c| c.is_ascii_lowercase()) && !w.is_empty())
            .collect();
        // Within three words, or five where the name's first word is a verb's subject, its
        // clause going on ("Siya Kolisi captained the team in his 100th Test").
        let reach = if after.len() == 5 && after[0].ends_with("ed") {
            5
        } else {
            3
        };
        let pronoun = after
            .iter()
            .take(reach)
            .any(|w| matches!(*w, "his" | "her"));
        // A player scores or plays for a team ("Nico Gonzalez also scored for City"); a team
        // does not.
        let player = after.windows(2).any(|p| {
            matches!(p[0], "scored" | "scores" | "played" | "plays" | "starred") && p[1] == "for"
        });
        if pronoun || player {
            f.kind = MentionKind::Person;
        }
    }
}

/// A capitalised double-barrelled word right after a person's name, which nothing else claims,
/// is the rest of the name ("Felix Auger-Aliassime" was the person "Felix"): UAX #29 cuts the
/// word at its hyphen and the tagger left both halves out.
fn hyphenated_surnames(text: &str, toks: &[Token<'_>], out: &mut [Found]) {
    for k in 0..out.len() {
        if out[k].kind != MentionKind::Person || !text[out[k].end..].starts_with(' ') {
            continue;
        }
        let first = toks.partition_point(|t| t.start <= out[k].end);
        let Some(a) = toks.get(first) else { continue };
        if a.start != out[k].end + 1 || !a.is_capitalised() {
            continue;
        }
        let (mut end, mut joins) = (a.end, 0);
        for b in &toks[first + 1..] {
            if b.start != end + 1 || &text[end..b.start] != "-" || !b.is_capitalised() {
                break;
            }
            end = b.end;
            joins += 1;
        }
        if joins == 0 {
            continue;
        }
        let claimed = out
            .get(k + 1)
            .is_some_and(|g| g.start < end && out[k].end < g.end);
        if !claimed {
            let unchanged = out[k].name == text[out[k].start..out[k].end];
            out[k].end = end;
            if unchanged && out[k].uri.is_none() {
                out[k].name = text[out[k].start..end].to_string();
            }
        }
    }
}

/// A surname and a hyphenated given name, as Korean and Taiwanese names are romanised ("Jun
/// Young-hyun", "Lai Ching-te", "Bong Joon-ho"), are a person's name whatever the tagger made of
/// them ("In a rare statement, Jun Young-hyun, vice chairman" gave nothing: "Jun" is a month's
/// abbreviation). The given name's second part is no English word ("Year-end", "Follow-up")
/// nor a Korean district's or province's suffix ("Mapo-gu", "Jeju-do": a "person" the tagger
/// found ending in one is a place); the surname is a word of two to five letters, the given
/// name's parts ([`korean_given_name`]) of two to six.
fn hyphenated_given_names(res: &Resources, text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    const PLACE_SUFFIXES: [&str; 10] = [
        "gu", "do", "si", "gun", "dong", "ri", "myeon", "eup", "ro", "gil",
    ];
    // A family name of two to five letters in title case.
    let surname = |w: &str| {
        (2..=5).contains(&w.len())
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w[1..].bytes().all(|c| c.is_ascii_lowercase())
    };
    // "in Seoul Mapo-gu": a district's name, no person's.
    for f in out
        .iter_mut()
        .filter(|f| f.kind == MentionKind::Person && f.uri.is_none())
    {
        let district = text[f.start..f.end]
            .rsplit_once('-')
            .is_some_and(|(name, suffix)| {
                PLACE_SUFFIXES.contains(&suffix) && name.ends_with(|c: char| c.is_ascii_lowercase())
            });
        if district {
            *f = Found::unlinked(text, MentionKind::Place, (f.start, f.end), f.confidence);
        }
    }
    let mut found = Vec::new();
    for k in 0..toks.len().saturating_sub(2) {
        let (sur, given, second) = (&toks[k], &toks[k + 1], &toks[k + 2]);
        let after = text[second.end..].chars().next();
        if !(surname(sur.text)
            && &text[sur.end..given.start] == " "
            && &text[given.end..second.start] == "-"
            && korean_given_name(&text[given.start..second.end])
            && given.text.len() <= 6
            && second.text.len() <= 6
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !PLACE_SUFFIXES.contains(&second.text)
            && !res.english_word(second.text))
        {
            continue;
        }
        let span = (sur.start, second.end);
        // A mention reaching outside the name keeps it (a body's name, a longer person's).
        let outside = out
            .iter()
            .any(|f| f.start < span.1 && span.0 < f.end && (f.start < span.0 || span.1 < f.end));
        let person = out
            .iter()
            .any(|f| (f.start, f.end) == span && f.kind == MentionKind::Person);
        if !outside && !person {
            found.push(span);
        }
    }
    let people = found
        .into_iter()
        .map(|span| Found::unlinked(text, MentionKind::Person, span, 0.8))
        .collect();
    replace_within(out, people);
}

/// A Reuters instrument code in brackets after a company's name ("Exxon Mobil Corp (XOM.N)",
/// "Toyota Motor Corp (7203.T)"): no name of its own.
fn instrument_code(text: &str, start: usize, end: usize) -> bool {
    let code = &text[start..end];
    let Some((symbol, exchange)) = code.rsplit_once('.') else {
        return false;
    };
    text[..start].ends_with('(')
        && text[end..].starts_with(')')
        && (1..=6).contains(&symbol.len())
        && symbol.chars().all(|c| c.is_ascii_alphanumeric())
        && symbol.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
        // A share class in lower case ("RDSa.L").
        && symbol.chars().filter(char::is_ascii_lowercase).count() <= 1
        && (1..=2).contains(&exchange.len())
        && exchange.chars().all(|c| c.is_ascii_alphabetic())
}

/// An Arabic surname with its article ("al-Arouri", "el-Sisi") after a given name is a person's
/// name, both words ("Saleh al-Arouri" was the "other" name "al-Arouri"); not after a title,
/// an ordinary word or a body's head.
fn arabic_surnames(res: &Resources, text: &str, out: &mut [Found]) {
    let eligible = |f: &Found| {
        let surface = &text[f.start..f.end];
        let article = ["al-", "el-"].iter().any(|a| {
            surface
                .strip_prefix(a)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        });
        article && !surface.contains(' ') && f.uri.is_none()
    };
    with_the_name_before(res, text, out, eligible, |f, given_start| {
        f.start = given_start;
        f.kind = MentionKind::Person;
        f.name = text[f.start..f.end].to_string();
    });
}

/// Calls `apply` with each mention of `out` that is `eligible` and the start of the word that
/// [`given_name_before`] finds right before it, free of the mention before.
fn with_the_name_before(
    res: &Resources,
    text: &str,
    out: &mut [Found],
    eligible: impl Fn(&Found) -> bool,
    mut apply: impl FnMut(&mut Found, usize),
) {
    for k in 0..out.len() {
        let free_from = if k > 0 { out[k - 1].end } else { 0 };
        if !eligible(&out[k]) {
            continue;
        }
        if let Some(start) = given_name_before(res, text, out[k].start, free_from) {
            apply(&mut out[k], start);
        }
    }
}

/// Where the given name right before byte `start` of `text` begins ("Jude" of "Jude
/// Bellingham", "Saleh" of "Saleh al-Arouri"): one space before, a word in title case of three
/// letters or more, at or after `free_from` (the end of the mention before), that no list names
/// as a title, a head, a place word, a date word or a function word and no ordinary word
/// spells.
fn given_name_before(res: &Resources, text: &str, start: usize, free_from: usize) -> Option<usize> {
    let before = text[..start].strip_suffix(' ')?;
    let given_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let given = &before[given_start..];
    (given.chars().count() >= 3
        && given.starts_with(char::is_uppercase)
        && given.chars().skip(1).all(char::is_lowercase)
        && given_start >= free_from
        && !TITLES.contains(given)
        && !ORG_HEADS.contains(given)
        && !PLACE_HEADS.contains(given)
        && !PLACE_PREFIXES.contains(given)
        && !NOT_NAMES.contains(&given)
        && !FUNCTION_WORDS.contains(given)
        // A word for when ("Yesterday Mohamed received VIP attention").
        && !matches!(
            given,
            "Yesterday" | "Today" | "Tomorrow" | "Tonight" | "Meanwhile" | "Earlier" | "Later"
        )
        && !res
            .common_words
            .contains(crate::text::lowercase(given).as_ref()))
    .then_some(given_start)
}

/// A sport's name before a country's is that country's governing body of the sport ("Tennis
/// Australia", "Cricket Australia", "Athletics Kenya"), not the country.
fn sport_bodies(res: &Resources, text: &str, out: &mut [Found]) {
    const SPORTS: [&str; 16] = [
        "Tennis",
        "Cricket",
        "Rugby",
        "Football",
        "Swimming",
        "Athletics",
        "Golf",
        "Cycling",
        "Hockey",
        "Netball",
        "Basketball",
        "Volleyball",
        "Rowing",
        "Sailing",
        "Gymnastics",
        "Boxing",
    ];
    for k in 0..out.len() {
        let Origin::Place(i) = out[k].origin else {
            continue;
        };
        if res.places[i].kind != PlaceKind::Country {
            continue;
        }
        let earlier_end = k.checked_sub(1).map_or(0, |j| out[j].end);
        let f = &mut out[k];
        let before = text[..f.start].strip_suffix(' ').unwrap_or("");
        let Some(sport) = SPORTS.iter().find(|s| {
            before.ends_with(*s)
                && !before[..before.len() - s.len()].ends_with(|c: char| c.is_alphanumeric())
        }) else {
            continue;
        };
        let start = f.start - 1 - sport.len();
        if earlier_end > start {
            continue;
        }
        *f = Found {
            start,
            end: f.end,
            kind: MentionKind::Organisation,
            name: text[start..f.end].to_string(),
            uri: None,
            confidence: 0.8,
            origin: Origin::OrgHead,
        };
    }
}

/// A one-word name the tagger guessed a person's or a place's, followed by ", the " and an
/// apposition that an organisation's name or a word for a body ends, is that body's name
/// ("Gavi, the Vaccine Alliance, said", "Ukrenergo, the national grid operator, said"); not
/// "Smith, the Reuters correspondent". A "person" followed by ", which" is a body too.
fn named_by_apposition(text: &str, out: &mut [Found]) {
    const THE: &str = ", the ";
    for k in 0..out.len() {
        let f = &out[k];
        // "which" refers to no person: "Rockwell Collins, which was bought by RTX Corp".
        if f.kind == MentionKind::Person
            && f.origin == Origin::Tagger
            && f.uri.is_none()
            && text[f.end..].starts_with(", which ")
        {
            out[k].kind = MentionKind::Organisation;
            continue;
        }
        if !matches!(f.kind, MentionKind::Person | MentionKind::Place)
            || f.origin != Origin::Tagger
            || !text[f.end..].starts_with(THE)
        {
            continue;
        }
        let after = f.end + THE.len();
        // The apposition: up to the next comma, full stop or bracket.
        let apposition = text[after..]
            .split([',', '.', ')', ';'])
            .next()
            .unwrap_or_default();
        // What a company makes or does after its word ("Bavarian Nordic, the Danish maker of
        // the only approved mpox vaccine" was a person), a name of several words too: the
        // word before "of" says what the name is ("the owner of the firm" is no firm).
        if f.kind == MentionKind::Person
            && f.uri.is_none()
            && apposition.split_once(" of ").is_some_and(|(head, _)| {
                head.rsplit(' ').next().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_lowercase())
                        && (ORG_DESCRIPTORS.contains(w)
                            || BODY_HEADS.contains(w)
                            || matches!(w, "maker" | "producer"))
                })
            })
        {
            out[k].kind = MentionKind::Organisation;
            continue;
        }
        if text[f.start..f.end].contains(' ') {
            continue;
        }
        // An organisation's name is the apposition ("Gavi, the Vaccine Alliance, said").
        let named = out.get(k + 1).is_some_and(|g| {
            g.start == after
                && g.kind == MentionKind::Organisation
                && g.end == after + apposition.len()
        });
        // Or a word for a company or a body ends it ("Ukrenergo, the national grid operator,",
        // "Petoro, the Norwegian state's holding company,"; not "Smith, the company's chief
        // executive").
        let names_a_body = named || ends_in_a_word_for_a_body(apposition);
        if names_a_body && (f.kind == MentionKind::Person || apposition.contains(' ')) {
            out[k].kind = MentionKind::Organisation;
        }
    }
}

/// Whether an apposition ends in a lower-case word for a company or a body ("the national grid
/// operator", "the state power utility"; not "the company's chief executive").
fn ends_in_a_word_for_a_body(apposition: &str) -> bool {
    apposition.rsplit(' ').next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && (ORG_DESCRIPTORS.contains(w) || BODY_HEADS.contains(w))
    })
}

/// A word opening a sentence that nothing found, no ordinary word, before an apposition that
/// a word for a company or a body ends, is that body's name ("Eskom, the state power utility,
/// said": the tagger leaves a sentence's unknown first word out).
fn bodies_before_appositions(
    res: &Resources,
    text: &str,
    toks: &[Token<'_>],
    out: &mut Vec<Found>,
) {
    let before = out.len();
    for t in toks
        .iter()
        .filter(|t| t.sentence_start && t.is_capitalised())
    {
        let rest = &text[t.end..];
        let Some(tail) = [", the ", ", a ", ", an "]
            .iter()
            .find_map(|c| rest.strip_prefix(c))
        else {
            continue;
        };
        let apposition = tail.split([',', '.', ';', ')']).next().unwrap_or("");
        // The apposition closes with a comma (the sentence goes on) and a word for a body
        // ends it.
        let closed = tail[apposition.len()..].starts_with(',');
        let described = apposition.split(' ').count() <= 5 && ends_in_a_word_for_a_body(apposition);
        let unknown = t.text.chars().skip(1).all(char::is_lowercase)
            && !common_in_any_spelling(res, t.text)
            && !FUNCTION_WORDS.contains(t.text)
            && !NOT_NAMES.contains(&t.text);
        let free = !out[..before]
            .iter()
            .any(|f| f.start < t.end && t.start < f.end);
        if closed && described && unknown && free {
            out.push(Found::unlinked(
                text,
                MentionKind::Organisation,
                (t.start, t.end),
                0.7,
            ));
        }
    }
    if out.len() > before {
        out.sort_by_key(|f| f.start);
    }
}

/// A name the name before it is "known as" is of its kind ("The Turkish Statistical Institute,
/// known as TurkStat," gave the person "TurkStat"): only the tagger's unlinked guesses.
fn known_as_the_name_before(text: &str, out: &mut [Found]) {
    for k in 1..out.len() {
        let (before, g) = (&out[k - 1], &out[k]);
        if g.origin != Origin::Tagger || g.uri.is_some() || g.kind == before.kind {
            continue;
        }
        // A word for what it is may stand between ("the Islamic State group, also known as
        // Daesh").
        let between = text.get(before.end..g.start).unwrap_or_default();
        let between = match between.split_once(", ") {
            Some((word, rest))
                if word.is_empty()
                    || word.strip_prefix(' ').is_some_and(|w| {
                        !w.is_empty() && w.bytes().all(|c| c.is_ascii_lowercase())
                    }) =>
            {
                rest
            }
            _ => "",
        };
        let known = matches!(
            between,
            "known as " | "also known as " | "commonly known as " | "better known as "
        );
        // Not after a place: the tagger may have split a body's name before it ("the United
        // Nations Interim Force in Lebanon, known as UNIFIL").
        if known && matches!(before.kind, MentionKind::Organisation | MentionKind::Person) {
            out[k].kind = before.kind;
        }
    }
}

/// What a name is said to be, from the words right after it: "Aisby is a village in
/// Lincolnshire", "Krynky, a small village on the Dnipro", "Texas is a state" make the name a
/// place; "Vendorado is an online retailer", "Korn, an American band," a body; "Kessler, a
/// former footballer," a person. The word for what it is must end the description (a
/// preposition, a relative word or punctuation after it: "Smith, a city councillor" names no
/// city), and at most three lower-case words may stand before it. A lower-case word for a
/// stretch of land or water right after the name makes it a place's too ("the Mokri Yaly
/// river", "the Bakhmut district"). So do the words before it that call it a thing of a kind
/// ("a company called Cybertrust", "the committee, known as Copom"). Only the tagger's
/// unlinked guesses change, "other" names not by the words after them.
fn described_by_copula(text: &str, out: &mut [Found]) {
    const PLACE_WORDS: [&str; 27] = [
        "village",
        "town",
        "city",
        "hamlet",
        "suburb",
        "municipality",
        "parish",
        "county",
        "district",
        "province",
        "region",
        "state",
        "river",
        "lake",
        "island",
        "mountain",
        "peninsula",
        "commune",
        "neighbourhood",
        "neighborhood",
        "borough",
        "township",
        "settlement",
        "locality",
        "country",
        "republic",
        "capital",
    ];
    const ENDS: [&str; 34] = [
        "in",
        "on",
        "near",
        "of",
        "at",
        "from",
        "with",
        "that",
        "which",
        "and",
        "founded",
        "formed",
        "based",
        "located",
        "situated",
        "headquartered",
        "owned",
        "known",
        "north",
        "south",
        "east",
        "west",
        "about",
        "along",
        "by",
        "directed",
        "written",
        "produced",
        "released",
        "starring",
        "backed",
        "led",
        "run",
        "controlled",
    ];
    // The kind a word for what something is gives it: "village", "band", "footballer".
    let kind_of_word = |w: &str| {
        if PLACE_WORDS.contains(&w) {
            Some(MentionKind::Place)
        } else if ORG_DESCRIPTORS.contains(w) || BODY_HEADS.contains(w) {
            Some(MentionKind::Organisation)
        } else if PER_DESCRIPTORS.contains(w) {
            Some(MentionKind::Person)
        } else if matches!(
            w,
            "album" | "single" | "song" | "film" | "novel" | "book" | "documentary" | "opera"
        ) {
            // A work's title is an "other" name ("their second album, Glass Cathedral,"; "is
            // a 2014 Canadian drama film").
            Some(MentionKind::Other)
        } else {
            None
        }
    };
    // What is done under a name it is called or dubbed is an "other" name ("a separate Chinese
    // campaign, dubbed Salt Typhoon," was a person); not what a copula says ("CBS Cable was a
    // personal project of …" is a body).
    let kind_called = |w: &str| {
        kind_of_word(w).or_else(|| {
            matches!(
                w,
                "campaign" | "operation" | "programme" | "program" | "project" | "initiative"
            )
            .then_some(MentionKind::Other)
        })
    };
    // Lower-case words for a stretch of land or water right after a name make it a place's.
    const GEOGRAPHIC_HEADS: [&str; 9] = [
        "river", "valley", "region", "province", "district", "county", "delta", "basin", "oblast",
    ];
    let mut said: Vec<(&str, MentionKind)> = Vec::new();
    for f in out.iter_mut() {
        // The tagger's guesses, and names the rules made of a head word ("Silent River is a
        // 2014 Canadian drama film").
        if !matches!(f.origin, Origin::Tagger | Origin::OrgHead) || f.uri.is_some() {
            continue;
        }
        let rest = &text[f.end..];
        // "the Mokri Yaly river", "the Kherson region".
        // The lower-case word after a space, as a list names it.
        let next_word_in = |after: &str, list: &[&str]| {
            after.strip_prefix(' ').is_some_and(|r| {
                let w = r.split(|c: char| !c.is_ascii_alphabetic()).next();
                w.is_some_and(|w| list.contains(&w))
            })
        };
        let geographic = next_word_in(rest, &GEOGRAPHIC_HEADS);
        if geographic && f.kind != MentionKind::Other {
            f.kind = MentionKind::Place;
            continue;
        }
        // A name before a word for a craft or a weapon is the craft's or the weapon's, an
        // "other" name as CoNLL writes products ("the New Glenn rocket" was a body, "Oreshnik
        // missiles" a person); a model number between them is the name's ("the Falcon 9
        // rocket" gave the body "Falcon").
        let number = rest
            .strip_prefix(' ')
            .map(|r| r.bytes().take_while(u8::is_ascii_digit).count())
            .filter(|&n| n > 0 && rest[1 + n..].starts_with(' '))
            .map_or(0, |n| n + 1);
        let craft = next_word_in(&rest[number..], &CRAFT_WORDS);
        if craft {
            f.kind = MentionKind::Other;
            f.end += number;
            f.name = text[f.start..f.end].to_string();
            continue;
        }
        // A one-word name before "winner" or "-winning" is an award's ("a two-time Oscar
        // winner", "Grammy-winning"), no person.
        let award = !text[f.start..f.end].contains(' ')
            && [" winner", " nominee", "-winning", "-winner", "-nominated"]
                .iter()
                .any(|w| {
                    rest.strip_prefix(w).is_some_and(|r| {
                        !r.starts_with(|c: char| c.is_alphanumeric()) || r.starts_with('s')
                    })
                });
        if award {
            f.kind = MentionKind::Other;
            continue;
        }
        // What the words before it call it: "the rate-setting committee, known as Copom", "a
        // company called Cybertrust", "a village called Aisby".
        let called = [
            ", known as ",
            ", dubbed ",
            ", called ",
            " called ",
            " known as ",
            " dubbed ",
        ]
        .iter()
        .find_map(|c| text[..f.start].strip_suffix(c))
        .and_then(|before| before.rsplit(' ').next())
        .filter(|w| w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-'));
        // An apposition naming what the words before it describe: "a new sovereign wealth
        // fund, Danantara, as", "the country's biggest lender, Sberbank." — a determiner at
        // most four words back, the name closed by a comma or a full stop.
        let described = text[..f.start]
            .strip_suffix(", ")
            .or_else(|| text[..f.start].strip_suffix(", The "))
            .filter(|_| rest.starts_with([',', '.']))
            .and_then(|before| {
                let lower = |w: &str| w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-');
                let words: Vec<&str> = before.rsplit(' ').take(5).collect();
                let w = *words.first()?;
                // The determiner opens the phrase the word ends: no preposition between them
                // ("the president of the Lombardy region, Roberto Maroni," describes the
                // president; "the Brazilian brewer, AmBev," the brewer).
                let det = words[1..].iter().position(|d| {
                    matches!(
                        d.to_ascii_lowercase().as_str(),
                        "a" | "an" | "the" | "its" | "their" | "his" | "her"
                    ) || d.ends_with("'s")
                })?;
                let preposition = |m: &str| {
                    matches!(
                        m,
                        "of" | "in" | "for" | "at" | "on" | "from" | "to" | "by" | "with"
                    )
                };
                if words[1..=det].iter().any(|m| preposition(m)) || !lower(w) {
                    return None;
                }
                // A phrase after a preposition describes the word before it where that is a
                // word for what something is: "the president of the Lombardy region, Roberto
                // Maroni," (not "the acquisition of the Brazilian brewer, AmBev,").
                match (words.get(det + 2), words.get(det + 3)) {
                    (Some(p), Some(head)) if preposition(p) && TITLES.contains(head) => {
                        Some(MentionKind::Person)
                    }
                    (Some(p), Some(head)) if preposition(p) && kind_of_word(head).is_some() => {
                        kind_of_word(head)
                    }
                    _ => kind_of_word(w),
                }
            });
        // A journal's name: "the journal Nature", "published in Science" (the two
        // weeklies whose one-word names are ordinary words).
        let journal = {
            let before = &text[..f.start];
            before.ends_with(" journal ")
                || before.ends_with(" journals ")
                || before.ends_with("published in ")
                    && matches!(&text[f.start..f.end], "Nature" | "Science" | "Cell")
        };
        if journal && f.kind != MentionKind::Other {
            f.kind = MentionKind::Organisation;
            continue;
        }
        if let Some(kind) = called
            .and_then(kind_called)
            .or(described)
            .filter(|_| f.kind != MentionKind::Other)
        {
            f.kind = kind;
            continue;
        }
        // People are born; bodies are founded ("Caloi was founded in 1898 by Luigi Caloi").
        let founded = [" was founded", " was established", " was incorporated"]
            .iter()
            .any(|c| rest.starts_with(c));
        if founded && f.kind == MentionKind::Person {
            f.kind = MentionKind::Organisation;
            continue;
        }
        // "are" and "were" as British English writes of bands and teams ("The Velvet Harbour
        // are an English indie rock band").
        let Some(rest) = [" is ", " was ", ", ", " are ", " were "]
            .iter()
            .find_map(|c| rest.strip_prefix(c))
        else {
            continue;
        };
        // "the" only in an apposition ("TerraPower, the startup backed by Bill Gates").
        let the: &[&str] = if text[f.end..].starts_with(", ") && f.kind != MentionKind::Other {
            &["a ", "an ", "the "]
        } else {
            &["a ", "an "]
        };
        let Some(rest) = the.iter().find_map(|c| rest.strip_prefix(c)) else {
            continue;
        };
        // After "the" the word must come before any "of" ("John Smith, the owner of the
        // firm," is the owner).
        let after_the = text[..text.len() - rest.len()].ends_with(", the ");
        let mut words = rest.split(' ');
        let mut kind = None;
        for _ in 0..4 {
            let Some(w) = words.next() else { break };
            let (w, closed) = match w.strip_suffix([',', '.', ';', ')']) {
                Some(w) => (w, true),
                None => (w, false),
            };
            // A people's adjective describes what follows ("an American band", "a Japanese
            // organization of atomic bomb survivors").
            if !closed && w.starts_with(|c: char| c.is_ascii_uppercase()) && nationality_like(w) {
                continue;
            }
            // So does a year ("a 2014 Canadian drama film").
            if !closed && w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if w.is_empty()
                || !w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
                || after_the && w == "of"
            {
                break;
            }
            let ended = closed || words.clone().next().is_none_or(|n| ENDS.contains(&n));
            let said = kind_of_word(w);
            if said.is_some() {
                kind = said.filter(|_| ended);
                break;
            }
            if closed {
                break;
            }
        }
        if let Some(kind) = kind {
            f.kind = kind;
            said.push((&text[f.start..f.end], kind));
        }
    }
    // What the copy says a name is, the name is wherever the tagger guessed it ("agreements
    // with TerraPower … TerraPower, the startup backed by Bill Gates").
    retag_names(text, out, &said, |f| {
        f.origin == Origin::Tagger && f.uri.is_none() && f.kind != MentionKind::Other
    });
}

/// An acronym in brackets right after a name is that name's kind ("the German Weather Service
/// (DWD)" — the tagger left "DWD" an "other" name), and wherever else the story uses it. Not
/// after a person's name: people are not introduced so. A knowledge-base organisation's
/// acronym makes the name before it that organisation.
fn bracketed_acronyms(text: &str, out: &mut [Found]) {
    let acronym = |s: &str| {
        (2..=8).contains(&s.len())
            && s.bytes().filter(u8::is_ascii_uppercase).count() >= 2
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&')
    };
    // The initials of a name's capitalised words, in order, within the acronym: "Christian
    // Democrats" and CDU, "Social Democrats" and SPD.
    let initials_within = |name: &str, acr: &str| {
        let mut letters = acr.chars();
        let words: Vec<char> = name
            .split([' ', '-'])
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        words.len() >= 2 && words.iter().all(|c| letters.any(|l| l == *c))
    };
    for k in 1..out.len() {
        let (named, f) = (&out[k - 1], &out[k]);
        let surface = &text[f.start..f.end];
        // A name before a knowledge-base organisation's acronym in brackets is that
        // organisation ("the conservative Christian Democrats (CDU)" was an "other" name).
        if let Origin::Kb(i) = f.origin {
            if f.kind == MentionKind::Organisation
                && named.origin == Origin::Tagger
                && named.uri.is_none()
                && named.kind != MentionKind::Organisation
                && &text[named.end..f.start] == " ("
                && text[f.end..].starts_with(')')
                && initials_within(&text[named.start..named.end], surface)
            {
                let (uri, name) = (f.uri.clone(), f.name.clone());
                let g = &mut out[k - 1];
                g.kind = MentionKind::Organisation;
                g.uri = uri;
                g.name = name;
                g.origin = Origin::Kb(i);
            }
            continue;
        }
        // Or a body's short name of one word ("the Federal Statistical Office (Destatis)" was
        // a place).
        let short_name = named.kind == MentionKind::Organisation
            && !surface.contains([' ', '-', '.'])
            && capitalised(surface);
        if named.kind == MentionKind::Person
            || f.origin != Origin::Tagger
            || f.uri.is_some()
            || !(acronym(surface) || short_name)
            || &text[named.end..f.start] != " ("
            || !text[f.end..].starts_with(')')
        {
            continue;
        }
        let kind = named.kind;
        for g in out.iter_mut().filter(|g| {
            g.origin == Origin::Tagger && g.uri.is_none() && &text[g.start..g.end] == surface
        }) {
            g.kind = kind;
        }
    }
}

/// A body's acronym in brackets spells its name before it, word by word: the capitalised words'
/// initials (a hyphen's parts each) and, where the acronym has their letter, connectors' ("the
/// Forum on China-Africa Cooperation (FOCAC)" gave the person "China-Africa Cooperation"; "Bank
/// of England (BoE)"). The words so spelled are the body's name, linked as its acronym is, where
/// the mentions inside them are the tagger's unlinked ones and none reaches past them.
fn names_spelled_by_their_acronyms(
    res: &Resources,
    text: &str,
    toks: &[Token<'_>],
    out: &mut Vec<Found>,
) {
    let mut named = Vec::new();
    for f in out.iter() {
        let surface = &text[f.start..f.end];
        // An "other" acronym too, which took its kind from a part of the name before it ("The
        // Christian Democratic Appeal (CDA)": "Christian" a person, "Democratic Appeal" an
        // "other" name).
        if !matches!(f.kind, MentionKind::Organisation | MentionKind::Other)
            || !(3..=8).contains(&surface.len())
            || !surface.bytes().all(|b| b.is_ascii_alphabetic())
            || surface.bytes().filter(u8::is_ascii_uppercase).count() < 3
            || !text[..f.start].ends_with(" (")
            || !text[f.end..].starts_with(')')
        {
            continue;
        }
        let letters: Vec<char> = surface.chars().map(|c| c.to_ascii_uppercase()).collect();
        let mut want = letters.len();
        let mut k = toks.partition_point(|t| t.end <= f.start - 2);
        let mut capitals = 0;
        let mut start = None;
        while want > 0 && k > 0 {
            k -= 1;
            let t = &toks[k];
            let gap = toks.get(k + 1).map_or(" (", |n| {
                if n.start == f.start {
                    " ("
                } else {
                    &text[t.end..n.start]
                }
            });
            if !matches!(gap, " " | "-" | " (") {
                break;
            }
            let initial = t.text.chars().next().map(|c| c.to_ascii_uppercase());
            if t.is_capitalised() {
                if initial != Some(letters[want - 1]) {
                    break;
                }
                want -= 1;
                capitals += 1;
                start = Some(t.start);
            } else if CONNECTORS.contains(&t.text) || t.text == "and" {
                // A connector's letter only where the word before it does not give it.
                let before = k.checked_sub(1).and_then(|b| toks[b].text.chars().next());
                if initial == Some(letters[want - 1]) && before != initial {
                    want -= 1;
                }
            } else {
                break;
            }
        }
        let Some(start) = start.filter(|_| want == 0 && capitals >= 2) else {
            continue;
        };
        let end = f.start - 2;
        let inside: Vec<&Found> = out
            .iter()
            .filter(|g| g.start < end && start < g.end)
            .collect();
        let fits = inside.iter().all(|g| {
            start <= g.start && g.end <= end && g.origin == Origin::Tagger && g.uri.is_none()
        });
        // A body's head ends the name, or the tagger found a person or a body inside it: not
        // a product's or a document's name ("Certificates of Authenticity (COA)").
        let last = &text[text[..end].rfind([' ', '-']).map_or(start, |p| p + 1)..end];
        // Or the tagger split a name of three capitalised words or more in pieces that the
        // acronym joins ("Christian" + "Democratic Appeal").
        let body = ORG_HEADS.contains(last)
            || matches!(last, "Board" | "Forum")
            || inside
                .iter()
                .any(|g| matches!(g.kind, MentionKind::Person | MentionKind::Organisation))
            || inside.len() >= 2 && capitals >= 3;
        if fits && body && !inside.iter().any(|g| (g.start, g.end) == (start, end)) {
            named.push((start, end, f.origin));
        }
    }
    let bodies = named
        .into_iter()
        .map(|(start, end, origin)| match origin {
            Origin::Kb(i) => Found::kb(res, i, (start, end), 0.85),
            _ => Found::unlinked(text, MentionKind::Organisation, (start, end), 0.8),
        })
        .collect();
    replace_within(out, bodies);
}

/// An acronym the tagger found that spells the initials of a body the story named before it,
/// word for word, is that body ("The Reserve Bank of India … RBI Governor Shaktikanta Das": RBI
/// was an "other" name), with its name and link: one entity. Only the capitalised words count
/// ("of", "for" are left out), and every one of them. Runs on the story's final mentions
/// (after the dateline's "The Reserve Bank of India" lost its article).
pub(crate) fn acronyms_of_named_bodies(text: &str, out: &mut [Found]) {
    let acronym = |s: &str| (2..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase());
    // The initials of the bodies named so far, first named first: one look-up per acronym.
    let mut named: HashMap<String, (String, Option<String>)> = HashMap::default();
    for f in out.iter_mut() {
        let surface = &text[f.start..f.end];
        if f.origin == Origin::Tagger && f.uri.is_none() && acronym(surface) {
            if let Some((name, uri)) = named.get(surface) {
                f.kind = MentionKind::Organisation;
                f.name.clone_from(name);
                f.uri.clone_from(uri);
            }
            continue;
        }
        if f.kind != MentionKind::Organisation {
            continue;
        }
        let caps: String = surface
            .split([' ', '-'])
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        if (2..=6).contains(&caps.len()) && surface.len() > caps.len() {
            named
                .entry(caps)
                .or_insert_with(|| (f.name.clone(), f.uri.clone()));
        }
    }
}

/// Names joined by " & " are one company's ("Procter & Gamble", "Johnson & Johnson", "Marks &
/// Spencer", and "AT&T" unspaced), not two people or a person and a company: one word on each side of the sign,
/// tagged or capitalised, or a company's name before "& Co". Not places ("Trinidad & Tobago"),
/// nor people's full names ("Karl Langdon & Harvey Deegan" are two presenters).
fn ampersand_names(text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    const SIGN: &str = " & ";
    if !text.contains('&') {
        return;
    }
    // Capitals joined by the sign, one word ("AT&T", "M&S"), are a company the tagger may have
    // left alone.
    let before = out.len();
    for t in toks.iter().filter(|t| t.text.contains('&')) {
        if !out[..before]
            .iter()
            .any(|f| t.start < f.end && f.start < t.end)
        {
            out.push(Found::unlinked(
                text,
                MentionKind::Organisation,
                (t.start, t.end),
                0.6,
            ));
        }
    }
    if out.len() > before {
        out.sort_by_key(|f| f.start);
    }
    if !text.contains(SIGN) {
        return;
    }
    let one_word = |f: &Found| !text[f.start..f.end].contains(' ') && f.kind != MentionKind::Place;
    let capitalised_at = |start: usize| {
        toks.binary_search_by_key(&start, |t| t.start)
            .ok()
            .map(|k| &toks[k])
            .filter(|t| t.is_capitalised() && !t.sentence_start && !t.text.contains('.'))
    };
    let capitalised_ending = |end: usize| {
        toks.binary_search_by_key(&end, |t| t.end)
            .ok()
            .map(|k| &toks[k])
            .filter(|t| t.is_capitalised())
    };
    let mut k = 0;
    while k < out.len() {
        let f = &out[k];
        let after = f.end + SIGN.len();
        let next = out.get(k + 1).filter(|g| g.start == after);
        // What joins the mention: the next mention, a word after the sign, a word before it.
        let span = if text.get(f.end..after) != Some(SIGN) {
            None
        } else if let Some(g) = next {
            (one_word(f) && one_word(g)).then_some((f.start, g.end))
        } else if let Some(t) = capitalised_at(after) {
            let company = matches!(
                t.text,
                "Co" | "Company" | "Sons" | "Partners" | "Associates"
            );
            ((one_word(f) || company && f.kind == MentionKind::Organisation)
                && !capitalised_at(t.end + 1).is_some_and(|_| text[t.end..].starts_with(' ')))
            .then_some((f.start, t.end))
        } else {
            None
        };
        let span = span.or_else(|| {
            let before = f.start.checked_sub(SIGN.len())?;
            let earlier = k.checked_sub(1).is_some_and(|j| out[j].end == before);
            let t = capitalised_ending(before)?;
            (text.get(before..f.start) == Some(SIGN) && !earlier && one_word(f))
                .then_some((t.start, f.end))
        });
        let Some((start, end)) = span else {
            k += 1;
            continue;
        };
        if next.is_some_and(|g| g.end == end) {
            out.remove(k + 1);
        }
        out[k] = Found::unlinked(text, MentionKind::Organisation, (start, end), 0.7);
        k += 1;
    }
}

/// The knowledge-base organisation that the words `span` (byte ranges) name after a country's
/// or a people's name: "U.S. Federal Reserve", "British Foreign Office".
fn national_kb_organisation(
    res: &Resources,
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
    span: &[(usize, usize)],
) -> Option<usize> {
    let (first, last) = (span.first()?, span.last()?);
    (1..span.len()).find_map(|k| {
        let prefix = exact.get(&(first.0, span[k - 1].1))?;
        let national = prefix.targets.iter().any(|t| match *t {
            Target::Demonym(_) => true,
            Target::Place(p) => res.places[p].kind == PlaceKind::Country,
            Target::Kb(_) => false,
        });
        let rest = exact.get(&(span[k].0, last.1))?;
        national.then(|| kb_organisation(res, rest)).flatten()
    })
}

/// Every mention `eligible` takes whose text is one of `names` is given that name's kind (the
/// first of `names` that matches).
fn retag_names(
    text: &str,
    out: &mut [Found],
    names: &[(&str, MentionKind)],
    eligible: impl Fn(&Found) -> bool,
) {
    if names.is_empty() {
        return;
    }
    for f in out.iter_mut() {
        if !eligible(f) {
            continue;
        }
        if let Some(&(_, kind)) = names.iter().find(|(n, _)| *n == &text[f.start..f.end]) {
            f.kind = kind;
        }
    }
}

/// A "person" the tagger guessed right after words for buying a company is the company, and
/// so is every guessed mention of the name: no one is acquired or taken over ("it was acquired
/// by Thermo Electron" was a person).
fn companies_bought_and_sold(text: &str, out: &mut [Found]) {
    // Not "acquisition of": teams acquire players.
    const BEFORE: [&str; 8] = [
        "acquired by ",
        "bought by ",
        "taken over by ",
        "takeover of ",
        "takeover by ",
        "subsidiary of ",
        "spun off from ",
        "stake in ",
    ];
    let guessed =
        |f: &Found| f.kind == MentionKind::Person && f.origin == Origin::Tagger && f.uri.is_none();
    let bought: Vec<(&str, MentionKind)> = out
        .iter()
        .filter(|f| guessed(f) && BEFORE.iter().any(|b| text[..f.start].ends_with(b)))
        .map(|f| (&text[f.start..f.end], MentionKind::Organisation))
        .collect();
    retag_names(text, out, &bought, guessed);
}

/// A one-word name the tagger took for a person is a body, and so is every guessed mention of
/// the word, where the story writes it after "the" before a word for speaking or acting ("The
/// Louvre said it would reopen" gave a person, and "Louvre director Laurence des Cars" with
/// it: people take no article; "the Bush administration", a noun after the name, stays a
/// person), or right after a lower-case word for a body that no person is ("the electoral
/// service Servel said", "the watchdog Ofcom").
fn one_word_bodies_taken_for_people(text: &str, out: &mut [Found]) {
    let guessed =
        |f: &Found| f.kind == MentionKind::Person && f.origin == Origin::Tagger && f.uri.is_none();
    let mut bodies: Vec<&str> = Vec::new();
    for f in out.iter().filter(|f| guessed(f)) {
        let name = &text[f.start..f.end];
        if name.contains(' ') || bodies.contains(&name) {
            continue;
        }
        let before = text[..f.start].strip_suffix(' ');
        let the = before
            .and_then(|b| b.strip_suffix("the").or_else(|| b.strip_suffix("The")))
            .is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n', '(', '"', '\u{201c}']));
        let acts = text[f.end..].strip_prefix(' ').is_some_and(|rest| {
            let next = rest.split([' ', ',', '.']).next().unwrap_or("");
            matches!(
                next,
                "said"
                    | "says"
                    | "announced"
                    | "reported"
                    | "confirmed"
                    | "stated"
                    | "added"
                    | "declined"
                    | "denied"
                    | "warned"
                    | "has"
                    | "had"
                    | "will"
                    | "would"
            )
        });
        let descriptor = before
            .and_then(|b| b.rsplit([' ', '\n']).next())
            .unwrap_or("");
        let after_a_word_for_a_body = matches!(
            descriptor,
            "service"
                | "agency"
                | "commission"
                | "authority"
                | "bureau"
                | "ministry"
                | "council"
                | "committee"
                | "regulator"
                | "watchdog"
                | "exchange"
                | "broadcaster"
                | "lender"
                | "insurer"
                | "carmaker"
                | "automaker"
                | "airline"
                | "retailer"
                | "drugmaker"
                | "chipmaker"
                | "newspaper"
                | "tabloid"
                | "magazine"
                | "startup"
                | "start-up"
                | "conglomerate"
                | "charity"
                | "biotech"
                | "firm"
                | "company"
                | "maker"
                | "miner"
                | "manufacturer"
                | "producer"
                | "supplier"
                | "publisher"
                | "studio"
                | "fund"
        );
        if the && acts || after_a_word_for_a_body {
            bodies.push(name);
        }
    }
    for f in out.iter_mut() {
        if guessed(f) && bodies.contains(&&text[f.start..f.end]) {
            f.kind = MentionKind::Organisation;
        }
    }
}

/// One name, one kind: the tagger's unlinked mentions of the same words in a story take the
/// kind most of them got, by summed confidence ("Caloi" a company throughout, not a person
/// where the context was thin).
fn one_kind_per_name(text: &str, out: &mut [Found]) {
    let guessed = |f: &Found| f.origin == Origin::Tagger && f.uri.is_none();
    if out.iter().filter(|f| guessed(f)).nth(1).is_none() {
        return;
    }
    let mut votes: HashMap<&str, [f32; 4]> = HashMap::default();
    for f in out.iter().filter(|f| guessed(f)) {
        let k = MentionKind::ALL
            .iter()
            .position(|k| *k == f.kind)
            .unwrap_or(0);
        votes.entry(&text[f.start..f.end]).or_default()[k] += f.confidence;
    }
    for f in out.iter_mut().filter(|f| guessed(f)) {
        let v = votes[&text[f.start..f.end]];
        let best = (0..4).fold(0, |b, k| if v[k] > v[b] { k } else { b });
        f.kind = MentionKind::ALL[best];
    }
}

/// A body of two or three plain words the tagger guessed is a person's name where its last
/// word stands alone elsewhere in the story as a person ("Lionel Messi set up two goals" was a
/// body, "Messi's career" a person).
fn bodies_named_for_people_by_surname(text: &str, out: &mut [Found]) {
    let single_people: Vec<&str> = out
        .iter()
        .filter(|f| f.kind == MentionKind::Person && !text[f.start..f.end].contains(' '))
        .map(|f| &text[f.start..f.end])
        .collect();
    if single_people.is_empty() {
        return;
    }
    for f in out.iter_mut() {
        if f.kind != MentionKind::Organisation || f.origin != Origin::Tagger || f.uri.is_some() {
            continue;
        }
        let words: Vec<&str> = text[f.start..f.end].split(' ').collect();
        let last = words[words.len() - 1];
        if (2..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| plain_name_word(w) && !initial_letter(w))
            && single_people.contains(&last)
        {
            f.kind = MentionKind::Person;
        }
    }
}

/// Two people's names joined by "bin", "ibn" or "bint" are one Arab name ("Sheikh Mohammed
/// bin Abdulrahman Al Thani" gave "Mohammed" and "Abdulrahman Al Thani").
fn patronymic_names(text: &str, out: &mut Vec<Found>) {
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let joined = a.kind == MentionKind::Person
            && b.kind == MentionKind::Person
            && a.uri.is_none()
            && b.uri.is_none()
            && matches!(&text[a.end..b.start], " bin " | " ibn " | " bint ");
        if joined {
            let end = b.end;
            let f = &mut out[k - 1];
            f.end = end;
            f.name = text[f.start..end].to_string();
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A one-word name the tagger took for a person's right after a capitalised word no mention,
/// gazetteer or list knows is the surname after the given name ("Lars Klingbeil of the SPD"
/// gave "Klingbeil": "Lars" is a town in the gazetteer's features).
fn given_names_before_surnames(res: &Resources, text: &str, out: &mut [Found]) {
    let eligible = |f: &Found| {
        let surface = &text[f.start..f.end];
        f.kind == MentionKind::Person
            && f.origin == Origin::Tagger
            && f.uri.is_none()
            && !surface.contains(' ')
            && !EVENT_HEADS.contains(surface)
            && !ORG_HEADS.contains(surface)
            && !PLACE_HEADS.contains(surface)
    };
    with_the_name_before(res, text, out, eligible, |f, given_start| {
        f.start = given_start;
        f.name = text[f.start..f.end].to_string();
    });
}

/// A body's name the tagger found without the word that opens the sentence before it, a word
/// nothing knows, is that word's too ("Thyssenkrupp Steel Europe chief executive Dennis
/// Grimm" gave "Steel Europe"): the tagger leaves a sentence's unknown first word out.
fn sentence_openers_of_bodies(res: &Resources, text: &str, out: &mut [Found]) {
    let eligible = |f: &Found| {
        f.kind == MentionKind::Organisation && f.origin == Origin::Tagger && f.uri.is_none()
    };
    with_the_name_before(res, text, out, eligible, |f, opener| {
        // Not an English word or an adjective's or a verb's form ("Slumping Cleveland",
        // "Exuberant Red Sox", "Champions Ajax Amsterdam").
        let word = crate::text::lowercase(&text[opener..f.start - 1]).into_owned();
        let english = res.english_word(&word)
            || word.strip_suffix('s').is_some_and(|w| res.english_word(w))
            || ["ing", "ed", "ly", "ant", "ent", "ous", "ful", "ive", "time"]
                .iter()
                .any(|x| word.ends_with(x));
        if english {
            return;
        }
        let before = text[..opener].trim_end_matches(' ');
        let opens_sentence = before.is_empty()
            || before.ends_with(['.', '!', '?', '\n'])
            || before.ends_with(['-', '\u{2014}', '\u{2013}']);
        if opens_sentence {
            f.start = opener;
            f.name = text[f.start..f.end].to_string();
        }
    });
}

/// A capitalised word of three letters or more that no dictionary, list of common words, head
/// word or place word knows: a name's, not a body's or a place's.
fn unknown_capitalised_word(res: &Resources, w: &str) -> bool {
    let lower = crate::text::lowercase(w);
    w.chars().count() >= 3
        && w.starts_with(char::is_uppercase)
        && !res.english_word(&lower)
        && !res.common_words.contains(lower.as_ref())
        && !ORG_HEADS.contains(w)
        && !PLACE_HEADS.contains(w)
}

/// A country's or a city's name that is also a given name, before a surname, is a person's
/// ("goalkeeper Jordan Pickford", "Chad Smith", "India Walton", "Santiago Gimenez": the
/// tagger's gazetteer feature made them places, then bodies): two words, not after "the", the second in title case, no country, region or city of
/// a million or more (`big_place_at`; a town's name may be a surname: "Jordan Henderson"), no
/// head or place word and no English word ("Jordan Times", "Georgia Tech", "Kenya Airways"
/// stay bodies).
fn countries_as_given_names(
    res: &Resources,
    text: &str,
    big_place_at: impl Fn(usize, usize) -> bool,
    out: &mut [Found],
) {
    const GIVEN: [&str; 18] = [
        "Jordan", "Chad", "Georgia", "India", "Israel", "Kenya", "Cuba", "Ireland", "Santiago",
        "Paris", "Sydney", "Austin", "Florence", "Adelaide", "Victoria", "Lincoln", "Orlando",
        "Madison",
    ];
    for f in out.iter_mut() {
        if !matches!(f.kind, MentionKind::Place | MentionKind::Organisation)
            || f.origin != Origin::Tagger
            || f.uri.is_some()
        {
            continue;
        }
        let Some((first, surname)) = text[f.start..f.end].split_once(' ') else {
            continue;
        };
        let surname_start = f.end - surname.len();
        let title_case = surname
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '-' || c == '\'');
        // Not a team's plural nickname ("Charlotte Bobcats", "Orlando Pirates").
        let plural_word = surname
            .strip_suffix('s')
            .is_some_and(|stem| res.english_word(&crate::text::lowercase(stem)));
        // Nor a name after "the" ("the Paris Observatory", "the Santiago Bernabeu").
        let after_the = text[..f.start].ends_with("the ") || text[..f.start].ends_with("The ");
        if GIVEN.contains(&first)
            && title_case
            && !plural_word
            && !after_the
            && unknown_capitalised_word(res, surname)
            && !big_place_at(surname_start, f.end)
        {
            f.kind = MentionKind::Person;
            f.name = text[f.start..f.end].to_string();
        }
    }
}

/// In a results list, a name of two words or more the tagger took for a body or a place,
/// right after the line's rank or at its start and right before its country in brackets, is
/// the competitor's ("4. El Hassane Lahssini (Morocco) 13:06.57", "10. Gil de Ferran
/// (Brazil)"); a club's name has its own words ("Zeleznik (B)": no country).
fn competitors_with_their_countries(
    text: &str,
    country_at: impl Fn(usize, usize) -> bool,
    out: &mut [Found],
) {
    for f in out.iter_mut() {
        if f.kind == MentionKind::Person || f.uri.is_some() || f.origin != Origin::Tagger {
            continue;
        }
        let after = &text[f.end..];
        let Some(inner) = after
            .strip_prefix(" (")
            .or_else(|| after.strip_prefix('('))
            .map(|r| r.trim_start_matches(' '))
        else {
            continue;
        };
        let surface = &text[f.start..f.end];
        let words: Vec<&str> = surface.split(' ').collect();
        let name_like = words.len() >= 2
            && words
                .first()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && words
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || w.len() <= 3);
        if !name_like {
            continue;
        }
        // The line's start, or its rank ("4.", "10.").
        let line = &text[text[..f.start].rfind('\n').map_or(0, |p| p + 1)..f.start];
        let ranked = line.trim().is_empty()
            || line.trim_end().strip_suffix('.').is_some_and(|n| {
                !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit())
            });
        let Some(close) = inner.find(')') else {
            continue;
        };
        let country = inner[..close].trim_end_matches(' ');
        let start = text.len() - inner.len();
        if ranked && !country.is_empty() && country_at(start, start + country.len()) {
            f.kind = MentionKind::Person;
            f.name = surface.to_string();
        }
    }
}

/// A town's name right after a capitalised word no mention, gazetteer or list knows is a
/// person's surname after the given name ("Jude Bellingham set up Vinicius" was Bellingham,
/// Washington): both words a person, unlinked. Not after an ordinary word, a title or a place
/// word ("Downtown Bellingham", "Greater Manchester", "Lake Charles"), nor a country's,
/// a region's or a city of a million or more.
fn towns_after_given_names(res: &Resources, text: &str, out: &mut [Found]) {
    let eligible = |f: &Found| {
        let town = matches!(f.origin, Origin::Place(i)
            if res.places[i].kind == PlaceKind::City && res.places[i].population < 1_000_000);
        town && f.kind == MentionKind::Place && !text[f.start..f.end].contains(' ')
    };
    with_the_name_before(res, text, out, eligible, |f, given_start| {
        f.start = given_start;
        f.kind = MentionKind::Person;
        f.uri = None;
        f.name = text[f.start..f.end].to_string();
        f.origin = Origin::Tagger;
    });
}

/// Whether `rest` opens with `words` as whole words ("Airport" in " Airport.", not in
/// " Airports").
fn opens_with_words(rest: &str, words: &str) -> bool {
    rest.strip_prefix(words)
        .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
}

/// A person's name before "Airport" or "International Airport" names the airport, a place,
/// unlinked ("John F. Kennedy International Airport" was the person "John F. Kennedy
/// International", "Bali's Ngurah Rai International Airport" the person "Ngurah Rai"); so does
/// a "person" ending in "Airport", and a town's name before "Airport" ("Miami International
/// Airport" is no mention of Miami).
fn airports_named_after_people_and_towns(text: &str, out: &mut Vec<Found>) {
    let mut k = 0;
    while k < out.len() {
        let f = &out[k];
        let after = &text[f.end..];
        let airport = matches!(f.kind, MentionKind::Person | MentionKind::Place)
            .then(|| {
                [" International Airport", " Airport"]
                    .iter()
                    .find(|s| opens_with_words(after, s))
            })
            .flatten();
        // Or the tagger's "person" ends in it ("Ronald Reagan Washington National Airport").
        // So does a guessed body's ("Billings Logan International Airport").
        let ends_in_it = (f.kind == MentionKind::Person
            || f.kind == MentionKind::Organisation && f.uri.is_none())
            && text[f.start..f.end].ends_with(" Airport");
        if let Some(suffix) = airport.or(ends_in_it.then_some(&"")) {
            let (start, end) = (f.start, f.end + suffix.len());
            let airport = Found::unlinked(text, MentionKind::Place, (start, end), f.confidence);
            replace_span(out, airport);
            k = out.partition_point(|g| g.start <= start);
        } else {
            k += 1;
        }
    }
}

/// A name after "pro-" or "anti-" is the side a group takes, one "other" name with the
/// prefix, unlinked, as CoNLL writes "pro-Baghdad" ("the pro-Beijing camp" gave the place
/// Beijing; "pro-Russian" was one already).
fn sides_taken(text: &str, out: &mut [Found]) {
    for f in out.iter_mut() {
        let before = &text[..f.start];
        let Some(prefix) = ["pro-", "anti-", "Pro-", "Anti-"]
            .iter()
            .find(|p| before.ends_with(*p))
        else {
            continue;
        };
        let start = f.start - prefix.len();
        let word_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '-');
        if word_start && !text[f.start..f.end].contains(' ') {
            f.respan(text, (start, f.end), MentionKind::Other);
        }
    }
}

/// A country's dollar written with its letters before an amount ("C$ 1.15 billion", "A$100
/// million", "HK$ 3 billion") is an "other" name, as CoNLL writes it ("HK" was a place, "C$"
/// nothing): one to three capitals, the sign, an optional space, a digit.
fn dollars_of_countries(text: &str, out: &mut Vec<Found>) {
    let bytes = text.as_bytes();
    for sign in memchr::memchr_iter(b'$', bytes) {
        let letters = bytes[..sign]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let start = sign - letters;
        let after = &text[sign + 1..];
        let amount = after
            .strip_prefix(' ')
            .unwrap_or(after)
            .starts_with(|c: char| c.is_ascii_digit());
        let word_start = bytes[..start]
            .last()
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if (1..=3).contains(&letters) && amount && word_start {
            let dollar = Found::unlinked(text, MentionKind::Other, (start, sign + 1), 0.8);
            replace_span(out, dollar);
        }
    }
}

/// A name right after a word for a medicine is the medicine's, an "other" name, as CoNLL
/// writes "drug Avonex" ("its drug Fabhalta" was a place, "the obesity drug Wegovy" a
/// person): one word, unlinked.
fn medicines(text: &str, out: &mut [Found]) {
    const MEDICINE: [&str; 8] = [
        "drug",
        "vaccine",
        "medicine",
        "medication",
        "therapy",
        "pill",
        "antibody",
        "treatment",
    ];
    for f in out.iter_mut() {
        if f.uri.is_some() || f.kind == MentionKind::Other || text[f.start..f.end].contains(' ') {
            continue;
        }
        let before = text[..f.start].trim_end_matches(' ');
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or(before);
        if before.len() < text[..f.start].len() && MEDICINE.contains(&word) {
            f.respan(text, (f.start, f.end), MentionKind::Other);
        }
    }
}

/// A body's name the tagger ran on into a person's the story names elsewhere is the body and
/// the person, and a title "of" opening it is no part of the body's name ("General Secretary
/// of the Communist Party of Vietnam Central Committee To Lam" was one body; "To Lam, who was
/// elected …").
fn bodies_run_into_named_people(res: &Resources, text: &str, out: &mut Vec<Found>) {
    let mut people = Vec::new();
    for k in 0..out.len() {
        let f = &out[k];
        if f.kind != MentionKind::Organisation
            || !matches!(f.origin, Origin::Tagger | Origin::OrgHead)
            || f.uri.is_some()
        {
            continue;
        }
        let surface = &text[f.start..f.end];
        let words: Vec<&str> = surface.split(' ').collect();
        // A title of the body opening the run ("General Secretary of the ...").
        let titled = words.iter().position(|w| *w == "of").filter(|&m| {
            m >= 1
                && words[..m]
                    .iter()
                    .all(|w| TITLES.contains(w) || TITLE_MODIFIERS.contains(w))
        });
        let skip = titled.map_or(0, |m| {
            if words.get(m + 1) == Some(&"the") {
                m + 2
            } else {
                m + 1
            }
        });
        // The person's name: the last three or two words, named so elsewhere; after a title of
        // the body, the words after the body's last head, as the Vietnamese and Chinese
        // agencies name officials ("General Secretary of the Communist Party of Vietnam
        // Central Committee To Lam").
        let named_elsewhere = [3, 2].into_iter().find_map(|n| {
            let name = words[words.len().checked_sub(n + 2)? + 2..].join(" ");
            out.iter()
                .any(|g| {
                    g.kind == MentionKind::Person
                        && g.start != f.start
                        && text[g.start..g.end] == name
                })
                .then_some(name.len())
        });
        let after_head = || {
            let head = (skip..words.len()).rev().find(|&h| {
                capitalised(words[h])
                    && (BODY_HEADS.contains(words[h]) || ORG_HEADS.contains(words[h]))
            })?;
            let tail = &words[head + 1..];
            ((2..=3).contains(&tail.len())
                && tail.iter().all(|w| plain_name_word(w))
                && tail.iter().any(|w| unknown_capitalised_word(res, w)))
            .then(|| tail.join(" ").len())
        };
        let title_before = text[..f.start]
            .strip_suffix(" of the ")
            .or_else(|| text[..f.start].strip_suffix(" of "))
            .and_then(|b| b.rsplit([' ', '\n']).next())
            .is_some_and(|w| TITLES.contains(w) || w.eq_ignore_ascii_case("member"));
        let Some(name_len) = named_elsewhere.or_else(|| {
            (titled.is_some() || title_before)
                .then(after_head)
                .flatten()
        }) else {
            continue;
        };
        let cut = f.end - name_len;
        let start = f.start + words[..skip].iter().map(|w| w.len() + 1).sum::<usize>();
        if cut - 1 <= start {
            continue;
        }
        people.push(Found::unlinked(
            text,
            MentionKind::Person,
            (cut, f.end),
            f.confidence,
        ));
        let confidence = f.confidence;
        out[k] = Found::unlinked(
            text,
            MentionKind::Organisation,
            (start, cut - 1),
            confidence,
        );
    }
    extend_in_order(out, people);
}

/// Dotted initials taken for a person of their own right before a person's name are that
/// person's ("Chief Election Commissioner A.M.M. Nasir Uddin" gave "A.M.M" and "Nasir
/// Uddin").
fn dotted_initials_before_people(text: &str, out: &mut Vec<Found>) {
    let dotted = |w: &str| {
        let w = w.strip_suffix('.').unwrap_or(w);
        w.len() >= 3 && w.split('.').all(|p| p.len() == 1 && all_capitals(p))
    };
    let mut k = 1;
    while k < out.len() {
        let (f, g) = (&out[k - 1], &out[k]);
        if f.kind == MentionKind::Person
            && g.kind == MentionKind::Person
            && f.uri.is_none()
            && g.uri.is_none()
            && dotted(&text[f.start..f.end])
            && matches!(&text[f.end..g.start], ". " | " ")
        {
            let span = (f.start, g.end);
            out[k - 1].respan(text, span, MentionKind::Person);
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Initials the tagger left out before a person's surname alone are the person's ("group
/// chief financial officer P B Balaji" gave "Balaji"): two or three, or one after a word in
/// lower case that is no article or pronoun ("A", "I"); not a player's position before a full
/// name ("optioned P Phil Seibel").
fn initials_before_people(text: &str, out: &mut [Found]) {
    for k in 0..out.len() {
        let f = &out[k];
        let several = text[f.start..f.end].contains(' ');
        if f.kind != MentionKind::Person || f.uri.is_some() {
            continue;
        }
        let free_from = if k > 0 { out[k - 1].end } else { 0 };
        let mut start = f.start;
        let mut count = 0;
        while count < 3 {
            let Some(before) = text[free_from..start].strip_suffix(' ') else {
                break;
            };
            let word = before.rsplit([' ', '\n', '(']).next().unwrap_or(before);
            if word.is_empty() || !initial_letter(word) {
                break;
            }
            start = free_from + before.len() - word.len();
            count += 1;
        }
        let lower_before = text[free_from..start]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit([' ', '\n']).next())
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        // A name of several words takes the initials a title leaves before it ("Adviser V
        // Anantha Nageswaran"; "Cabinet Secretary T V Somanathan").
        let title_before = text[free_from..start]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit([' ', '\n']).next())
            .is_some_and(|w| capitalised(w) && title_or_adviser(w));
        if several && !(count >= 1 && title_before) {
            continue;
        }
        let one = count == 1
            && (lower_before || several)
            && !matches!(&text[start..start + 1], "A" | "I");
        if count >= 2 || one {
            let end = out[k].end;
            out[k].respan(text, (start, end), MentionKind::Person);
        }
    }
}

/// A people's name and a person's the story names elsewhere, which the tagger made one name,
/// are the people's name and the person ("Croatian Ivanisevic, the 2001 Wimbledon champion"
/// after "coach Goran Ivanisevic"). A surname after a lower-case particle is the person's with
/// the particle, as the story named them whole ("had backed ten Hag" after "Erik ten Hag" gave
/// "Hag").
fn names_after_peoples_and_particles(
    res: &Resources,
    text: &str,
    exact: &HashMap<(usize, usize), &crate::gazetteer::Hit>,
    out: &mut Vec<Found>,
) {
    let named = |out: &[Found], name: &str, except: usize| {
        out.iter().any(|g| {
            g.kind == MentionKind::Person
                && g.start != except
                && (text[g.start..g.end] == *name
                    || text[g.start..g.end]
                        .strip_suffix(name)
                        .is_some_and(|given| given.ends_with(' ')))
        })
    };
    let mut people = Vec::new();
    for k in 0..out.len() {
        let f = &out[k];
        if !matches!(f.origin, Origin::Tagger | Origin::Consistency) || f.uri.is_some() {
            continue;
        }
        let surface = &text[f.start..f.end];
        // The particle before a surname alone.
        if f.kind == MentionKind::Person && !surface.contains(' ') {
            let particle = text[..f.start].strip_suffix(' ').and_then(|b| {
                let w = b.rsplit([' ', '\n']).next()?;
                matches!(
                    w,
                    "van" | "von" | "ten" | "ter" | "der" | "de" | "da" | "di" | "le"
                )
                .then(|| b.len() - w.len())
            });
            if let Some(start) = particle {
                let whole = &text[start..f.end];
                if named(out, whole, start) {
                    let end = f.end;
                    out[k].respan(text, (start, end), MentionKind::Person);
                }
            }
            continue;
        }
        if f.kind == MentionKind::Person || f.origin != Origin::Tagger {
            continue;
        }
        let Some((first, rest)) = surface.split_once(' ') else {
            continue;
        };
        let first_span = (f.start, f.start + first.len());
        let Some(i) = exact.get(&first_span).and_then(|h| demonym_country(res, h)) else {
            continue;
        };
        if rest.split(' ').count() <= 2 && named(out, rest, f.start + first.len() + 1) {
            let confidence = f.confidence;
            people.push(Found::unlinked(
                text,
                MentionKind::Person,
                (first_span.1 + 1, f.end),
                confidence,
            ));
            out[k] = Found::demonym(res, i, first_span, confidence);
        }
    }
    extend_in_order(out, people);
}

/// A word in camel case right before a body's name the tagger found is the name's first word
/// ("NewSpace India Limited" gave "India Limited"), unless it is a name of its own.
fn camel_case_first_words(text: &str, out: &mut [Found]) {
    for k in 0..out.len() {
        let f = &out[k];
        if f.kind != MentionKind::Organisation || f.origin != Origin::Tagger || f.uri.is_some() {
            continue;
        }
        let Some(before) = text[..f.start].strip_suffix(' ') else {
            continue;
        };
        let word = before
            .rsplit([' ', '\n', '(', '"'])
            .next()
            .unwrap_or(before);
        let camel = word.len() >= 4
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.bytes().all(|b| b.is_ascii_alphabetic())
            && word.bytes().skip(1).any(|b| b.is_ascii_lowercase())
            && word
                .as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
        let start = before.len() - word.len();
        let named = k > 0 && out[k - 1].end > start;
        if camel && !named {
            let end = out[k].end;
            out[k].respan(text, (start, end), MentionKind::Organisation);
        }
    }
}

/// Two capitalised words no list, gazetteer or dictionary knows, right after a body's or a
/// place's possessive, that the tagger took for a body, are a person's name: the team's or
/// the company's own ("McLaren's Lando Norris won" gave the body "Lando Norris"; not
/// "Microsoft's Windows Vista", "Amazon's Prime Video": English words). So are such words
/// before "of" and a body's name, the person and the body ("Belgium's Remco Evenepoel of
/// Soudal Quick-Step" was one body).
fn people_after_possessives(res: &Resources, text: &str, out: &mut Vec<Found>) {
    let mut bodies = Vec::new();
    for k in 1..out.len() {
        let (before, rest) = out.split_at_mut(k);
        let (prev, f) = (&before[k - 1], &mut rest[0]);
        if f.kind != MentionKind::Organisation
            || f.origin != Origin::Tagger
            || f.uri.is_some()
            || !matches!(prev.kind, MentionKind::Organisation | MentionKind::Place)
        {
            continue;
        }
        let between = &text[prev.end..f.start];
        if !between
            .strip_suffix(' ')
            .is_some_and(|b| POSSESSIVES.contains(&b))
        {
            continue;
        }
        let mut words: Vec<&str> = text[f.start..f.end].split(' ').collect();
        let unknown = |w: &str| {
            w.chars().skip(1).all(char::is_lowercase)
                && unknown_capitalised_word(res, w)
                && !TITLES.contains(w)
        };
        // The person's words before "of" and a capitalised body's name.
        let of = words.iter().position(|w| *w == "of").filter(|&m| {
            (2..=3).contains(&m)
                && m + 1 < words.len()
                && words[m + 1..]
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase))
        });
        let body_start =
            of.map(|m| f.start + words[..=m].iter().map(|w| w.len() + 1).sum::<usize>());
        if let Some(m) = of {
            words.truncate(m);
        }
        // Or an initial before the given name and the surname ("the Telugu Desam Party's K
        // Rammohan Naidu"), or a given name and "Junior" ("Real Madrid's Vinicius Junior").
        let person = match words[..] {
            [a, b] => unknown(a) && (unknown(b) || matches!(b, "Junior" | "Jr" | "Jr.")),
            [a, b, c] => initial_letter(a) && unknown(b) && unknown(c),
            _ => false,
        };
        if person {
            if let Some(body) = body_start {
                bodies.push(Found::unlinked(
                    text,
                    MentionKind::Organisation,
                    (body, f.end),
                    f.confidence,
                ));
                f.respan(text, (f.start, body - 4), MentionKind::Person);
            } else {
                f.kind = MentionKind::Person;
            }
        }
    }
    extend_in_order(out, bodies);
}

/// In a list of names ("Rajnath Singh, Amit Shah, Nitin Gadkari and J P Nadda"), at least
/// three long, with at least two people and no fewer people than bodies, a body the tagger
/// guessed is a person too: two or three capitalised words (or initials), one of them no word
/// any list or dictionary knows, none a body's head or a company's legal form ("Goldman
/// Sachs" among bankers stays a body only if it was linked or has such a word).
fn people_listed_with_people(res: &Resources, text: &str, out: &mut [Found]) {
    let mut k = 0;
    while k < out.len() {
        // The list: mentions joined by ", ", " and " or ", and ".
        let e = list_end(text, out, k, &[", ", " and ", ", and "]);
        let list = &out[k..e];
        let people = list
            .iter()
            .filter(|f| f.kind == MentionKind::Person)
            .count();
        let bodies = list
            .iter()
            .filter(|f| f.kind == MentionKind::Organisation)
            .count();
        // Or a pair, a person's full name and a body's of words no list or dictionary knows
        // ("Babar Azam and Mohammad Rizwan saw Pakistan home").
        let pair = list.len() == 2
            && people == 1
            && bodies == 1
            && list.iter().any(|f| {
                f.kind == MentionKind::Person
                    && (2..=3).contains(&text[f.start..f.end].split(' ').count())
            });
        if list.len() >= 3 && people >= 2 && people >= bodies || pair {
            for f in &mut out[k..e] {
                if f.kind != MentionKind::Organisation
                    || f.origin != Origin::Tagger
                    || f.uri.is_some()
                {
                    continue;
                }
                let words: Vec<&str> = text[f.start..f.end].split(' ').collect();
                if (2..=3).contains(&words.len())
                    && words.iter().all(|w| plain_name_word(w))
                    && words.iter().any(|w| unknown_capitalised_word(res, w))
                    // Not a team's plural ("the Denver Nuggets and Nikola Jokic").
                    && (!pair
                        || words.iter().all(|w| unknown_capitalised_word(res, w))
                            && !words.last().is_some_and(|w| w.ends_with('s')))
                {
                    f.kind = MentionKind::Person;
                }
            }
        }
        k = e;
    }
}

/// A name the tagger guessed was a body's or a person's, after a word for where and before a
/// comma and a country, is a town of that country ("fought near Le Cateau, France" was a
/// body).
fn towns_before_their_country(res: &Resources, text: &str, out: &mut [Found]) {
    for k in 0..out.len().saturating_sub(1) {
        let (f, g) = (&out[k], &out[k + 1]);
        let country = matches!(g.origin, Origin::Place(i) if res.places[i].kind == PlaceKind::Country)
            && g.kind == MentionKind::Place;
        let before = &text[..f.start];
        if country
            && f.origin == Origin::Tagger
            && f.uri.is_none()
            && matches!(f.kind, MentionKind::Organisation | MentionKind::Person)
            && &text[f.end..g.start] == ", "
            && text[g.end..].starts_with(|c: char| !c.is_alphanumeric())
            && ["near ", "in ", "at ", "outside ", "from "]
                .iter()
                .any(|p| before.ends_with(p))
        {
            out[k].kind = MentionKind::Place;
        }
    }
}

/// Where the list of mentions opening at `out[k]` ends: the mentions after it joined to the one
/// before by one of `joints` (", ", " and ").
fn list_end(text: &str, out: &[Found], k: usize, joints: &[&str]) -> usize {
    let mut e = k + 1;
    while e < out.len()
        && out[e - 1].end <= out[e].start
        && joints.contains(&&text[out[e - 1].end..out[e].start])
    {
        e += 1;
    }
    e
}

/// In a list of three names or more whose other names are all bodies or all places, a
/// one-word name the tagger guessed was a person's or an unknown place's is of their kind
/// ("agreements with Vistra, TerraPower and Oklo"; "districts included Kandy, Badulla and
/// Nuwara Eliya"; "The New Yorker, Granta and the London Review of Books"), and so is every
/// such guess of the name.
fn names_listed_with_bodies_or_places(text: &str, out: &mut [Found]) {
    let guessed = |f: &Found| {
        matches!(f.kind, MentionKind::Person | MentionKind::Place)
            && f.origin == Origin::Tagger
            && f.uri.is_none()
            && !text[f.start..f.end].contains(' ')
    };
    let guessed_of_several = |f: &Found| {
        f.kind == MentionKind::Person
            && f.origin == Origin::Tagger
            && f.uri.is_none()
            && text[f.start..f.end].contains(' ')
    };
    let mut changed = Vec::new();
    let mut k = 0;
    while k < out.len() {
        let e = list_end(
            text,
            out,
            k,
            &[", ", " and ", ", and ", " and the ", ", and the "],
        );
        let others: Vec<MentionKind> = out[k..e]
            .iter()
            .filter(|f| !guessed(f) && !guessed_of_several(f))
            .map(|f| f.kind)
            .collect();
        let kind = others.first().copied().filter(|&kind| {
            matches!(kind, MentionKind::Organisation | MentionKind::Place)
                && others.iter().all(|&o| o == kind)
        });
        // A name of several words only among two bodies or more ("investors including
        // SoftBank, Dragoneer Investment Group and T. Rowe Price"); elsewhere it is a person
        // listed, and the list no list of one kind.
        let several = others.len() >= 2 && kind == Some(MentionKind::Organisation);
        let people_listed = out[k..e].iter().any(&guessed_of_several) && !several;
        if let Some(kind) = kind.filter(|_| e - k >= 3 && !people_listed) {
            for f in out[k..e]
                .iter_mut()
                .filter(|f| guessed(f) || several && guessed_of_several(f))
            {
                f.kind = kind;
                changed.push((&text[f.start..f.end], kind));
            }
        }
        k = e;
    }
    // And so is the name wherever else the tagger guessed it a person's ("Vistra's Perry
    // plant").
    for name in changed {
        retag_names(text, out, &[name], guessed);
    }
}

/// Whether `w` can be a word of a person's name: an initial, or a capitalised word in lower
/// case after its capital that no body's, place's or company's name ends in.
fn plain_name_word(w: &str) -> bool {
    initial_letter(w)
        || w.len() > 1
            && w.starts_with(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase)
            && !ORG_HEADS.contains(w)
            && !BODY_HEADS.contains(w)
            && !PLACE_HEADS.contains(w)
            && !COMPANY_WORDS.contains(w)
            && !legal_form(w)
}

/// A body the tagger guessed, of two or three plain words one of which no list or dictionary
/// knows, whose last word is the surname (itself no word a list or dictionary knows) of a
/// person the story names with another given name, is one of the family ("the court removed
/// Paetongtarn Shinawatra from office" beside her father "Thaksin Shinawatra"); so is that
/// given name alone where the tagger guessed a body ("Paetongtarn's father").
fn families_of_named_people(res: &Resources, text: &str, out: &mut [Found]) {
    let people: Vec<(&str, &str)> = out
        .iter()
        .filter(|f| f.kind == MentionKind::Person)
        .filter_map(|f| {
            let name = &text[f.start..f.end];
            let (given, surname) = name.split_once(' ')?;
            let surname = surname.rsplit(' ').next()?;
            (plain_name_word(given)
                && plain_name_word(surname)
                && unknown_capitalised_word(res, surname))
            .then_some((given, surname))
        })
        .collect();
    if people.is_empty() {
        return;
    }
    let guessed = |f: &Found| {
        f.kind == MentionKind::Organisation && f.origin == Origin::Tagger && f.uri.is_none()
    };
    let mut given_names: Vec<&str> = Vec::new();
    for f in out.iter_mut().filter(|f| guessed(f)) {
        let words: Vec<&str> = text[f.start..f.end].split(' ').collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if (2..=3).contains(&words.len())
            && words.iter().all(|w| plain_name_word(w))
            && words.iter().any(|w| unknown_capitalised_word(res, w))
            && people.iter().any(|(g, s)| s == last && g != first)
        {
            f.kind = MentionKind::Person;
            given_names.push(&text[f.start..f.start + first.len()]);
        }
    }
    for f in out.iter_mut().filter(|f| guessed(f)) {
        if given_names.contains(&&text[f.start..f.end]) {
            f.kind = MentionKind::Person;
        }
    }
}

/// A body's name "X of Y" and the plural after "and" that the tagger split off are one name
/// ("International Association of Machinists and Aerospace Workers" gave two bodies), as
/// "American Academy of Arts and Sciences" is: the second part two or three capitalised words
/// ending in a plural no company's name ends in, or a ministry's or a department's second
/// portfolio, both parts unlinked, the second opening with no acronym.
fn bodies_joined_across_and(text: &str, out: &mut Vec<Found>) {
    out.sort_by_key(|f| f.start);
    let mut k = 0;
    while k + 1 < out.len() {
        let (f, g) = (&out[k], &out[k + 1]);
        let (first, second) = (&text[f.start..f.end], &text[g.start..g.end]);
        // A ministry's or a department's portfolios ("Ministry of Agriculture and Rural
        // Development", "Department of Health and Human Services").
        let portfolios = (first.starts_with("Ministry of ") || first.starts_with("Department of "))
            && second.split(' ').count() <= 3
            && !ORG_HEADS.contains(second.rsplit(' ').next().unwrap_or_default());
        let joined = f.kind == MentionKind::Organisation
            && g.kind == MentionKind::Organisation
            && f.uri.is_none()
            && g.uri.is_none()
            && first.contains(" of ")
            && f.end <= g.start
            && &text[f.end..g.start] == " and "
            && second.split(' ').all(capitalised)
            && !second.ends_with("'s")
            // Not a body named by its acronym ("Royal Bank of Canada and CIBC Capital Markets").
            && !second
                .split(' ')
                .next()
                .is_some_and(|w| w.len() >= 2 && all_capitals(w))
            && (portfolios
                || (2..=3).contains(&second.split(' ').count())
                    && second.ends_with('s')
                    // Not a company's ("Lehman Brothers", "Apollo Global Partners").
                    && second.rsplit(' ').next().is_some_and(|w| {
                        !ORG_HEADS.contains_or_plural(w) && !matches!(w, "Brothers" | "Sons")
                    }));
        if joined {
            let end = g.end;
            out[k].end = end;
            out[k].name = text[out[k].start..end].to_string();
            out.remove(k + 1);
        }
        k += 1;
    }
}

/// A nickname in quotation marks between a person's given name and surname is part of the
/// person's name ("Ismael 'El Mayo' Zambada", "Joaquin \"El Chapo\" Guzman" gave the person
/// "Ismael", the "other" name "El Mayo" and the body "Zambada"): one person, named without
/// the nickname, so that the surname alone later is that person.
fn nicknames_inside_names(text: &str, out: &mut Vec<Found>) {
    let mut k = 0;
    while k < out.len() {
        let f = &out[k];
        k += 1;
        if f.kind != MentionKind::Person || f.name.contains(' ') {
            continue;
        }
        let rest = &text[f.end..];
        let Some((open, close)) = [
            ("'", '\''),
            ("\"", '"'),
            ("\u{2018}", '\u{2019}'),
            ("\u{201c}", '\u{201d}'),
        ]
        .into_iter()
        .find(|(o, _)| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(o))) else {
            continue;
        };
        let inner = &rest[1 + open.len()..];
        let Some(shut) = inner.find(close).filter(|&n| n > 0 && n <= 30) else {
            continue;
        };
        let nickname = &inner[..shut];
        let after = &inner[shut + close.len_utf8()..];
        let Some(surname) = after
            .strip_prefix(' ')
            .and_then(|a| a.split([' ', ',', '.', ';', ':', '\'']).next())
            .filter(|w| capitalised(w) && w.len() > 1 && w[1..].chars().all(char::is_lowercase))
        else {
            continue;
        };
        if !capitalised(nickname) || nickname.contains(['.', ',']) {
            continue;
        }
        let end = text.len() - after.len() + 1 + surname.len();
        let (start, name) = (f.start, format!("{} {surname}", f.name));
        out.retain(|g| g.end <= start || end <= g.start || g.start == start);
        if let Some(p) = out.iter_mut().find(|g| g.start == start) {
            p.end = end;
            p.name = name;
        }
    }
}

/// A name the tagger ended before its compound adjective's ending ("A London-based
/// spokesman" gave the place London, "an Amman-bound plane" Amman) is the compound adjective,
/// an "other" name, still linked to its place or people, as the rule for the tagger's whole
/// compounds makes it.
fn compound_adjectives_past_the_name(text: &str, out: &mut [Found]) {
    for f in out.iter_mut() {
        let rest = &text[f.end..];
        let Some(ending) = COMPOUND_ENDINGS
            .iter()
            .chain(&BEHIND_SUFFIXES)
            .chain(&["-bound"])
            .find(|e| {
                rest.strip_prefix(*e)
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '-'))
            })
        else {
            continue;
        };
        f.end += ending.len();
        f.kind = MentionKind::Other;
    }
}

/// Names joined by "&" before a company's legal form are one company, its partners' names
/// ("Douglas & Lomason Co" was the person Douglas and the body "Lomason Co", "Bear Stearns &
/// Co Inc" the bodies "Bear Stearns" and "Co Inc", "Edward D. Jones & Co" a person and "Co").
fn partners_joined_by_ampersands(text: &str, out: &mut Vec<Found>) {
    let mut kept: Vec<Found> = Vec::with_capacity(out.len());
    for g in out.drain(..) {
        let joins = kept.last().is_some_and(|f| {
            f.end <= g.start
                && &text[f.end..g.start] == " & "
                && f.uri.is_none()
                && g.uri.is_none()
                && text[g.start..g.end]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| legal_form(w) || legal_form_with_stop(w))
        });
        if joins {
            if let Some(f) = kept.last_mut() {
                let start = f.start;
                f.respan(text, (start, g.end), MentionKind::Organisation);
            }
        } else {
            kept.push(g);
        }
    }
    *out = kept;
}

/// American copy's party and state after a lawmaker's name ("Sen. Ted Cruz, R-Texas,", "Amy
/// Klobuchar, D-Minn.") is no name: the tagger made it a person.
fn party_and_state_designations(text: &str, out: &mut Vec<Found>) {
    out.retain(|f| {
        let surface = &text[f.start..f.end];
        let designation = surface
            .strip_prefix(['R', 'D', 'I'])
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|state| {
                state.starts_with(|c: char| c.is_ascii_uppercase())
                    && state
                        .chars()
                        .skip(1)
                        .all(|c| c.is_ascii_lowercase() || c == '.')
                    && !state.contains(' ')
            });
        !(designation && text[..f.start].ends_with(", "))
    });
}

/// A member's title inside a name the tagger ran together ("Labour MP Emily Thornberry",
/// "SNP MP Stephen Flynn", "MP Kemi Badenoch" were one body) parts it: the party before it is
/// the body, the two or three capitalised words after it the person.
fn members_of_parliament(text: &str, out: &mut Vec<Found>) {
    const MEMBERS: [&str; 5] = ["MP", "MEP", "MSP", "MLA", "MPP"];
    let mut k = 0;
    while k < out.len() {
        let f = &out[k];
        if f.kind == MentionKind::Person || f.uri.is_some() {
            k += 1;
            continue;
        }
        let surface = &text[f.start..f.end];
        let Some(at) = surface.split(' ').position(|w| MEMBERS.contains(&w)) else {
            k += 1;
            continue;
        };
        let words: Vec<&str> = surface.split(' ').collect();
        let name = &words[at + 1..];
        let name_like = (2..=3).contains(&name.len())
            && name.iter().all(|w| {
                w.starts_with(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
            });
        if !name_like {
            k += 1;
            continue;
        }
        let title_start = f.start + words[..at].iter().map(|w| w.len() + 1).sum::<usize>();
        let person_start = title_start + words[at].len() + 1;
        let (start, end, confidence) = (f.start, f.end, f.confidence);
        let person = Found::unlinked(text, MentionKind::Person, (person_start, end), confidence);
        if at > 0 {
            let party = Found::unlinked(
                text,
                MentionKind::Organisation,
                (start, title_start - 1),
                confidence,
            );
            out[k] = party;
            out.insert(k + 1, person);
            k += 2;
        } else {
            out[k] = person;
            k += 1;
        }
    }
}

/// A person's name before "Day" names a holiday, an "other" name ("on Martin Luther King Jr.
/// Day", "since Columbus Day"), not the person: where a word for when comes before it ("Mary
/// Day said" is a person).
fn days_named_after_people(text: &str, out: &mut [Found]) {
    const WHEN: [&str; 12] = [
        "on", "for", "before", "after", "since", "until", "of", "this", "last", "next", "the", "by",
    ];
    for f in out.iter_mut().filter(|f| {
        f.kind == MentionKind::Person
            && opens_with_words(&text[f.end..], " Day")
            && text[..f.start]
                .strip_suffix(' ')
                .and_then(|b| b.rsplit([' ', '\n']).next())
                .is_some_and(|w| WHEN.contains(&w.to_ascii_lowercase().as_str()))
    }) {
        *f = Found::unlinked(
            text,
            MentionKind::Other,
            (f.start, f.end + " Day".len()),
            f.confidence,
        );
    }
}

/// A name of two words the tagger guessed a body's, followed by what only a person does, is a
/// person's: "Bukayo Saka limped off", "Brandon Backe pitched seven innings", "Nykesha Sales
/// smiled", "Jordan Neely, a homeless man". Not "scored" or "threw", which teams do too, nor a name with a body's, a place's or
/// a company's word in it.
fn people_by_what_they_do(text: &str, out: &mut [Found]) {
    const DEEDS: [&str; 16] = [
        "limped",
        "pitched",
        "smiled",
        "grinned",
        "shrugged",
        "wept",
        "homered",
        "birdied",
        "bogeyed",
        "married",
        "died",
        "was born",
        "was killed",
        "was injured",
        "was stabbed",
        "underwent",
    ];
    for f in out.iter_mut() {
        let Some((given, family)) = text[f.start..f.end].split_once(' ') else {
            continue;
        };
        if f.kind != MentionKind::Organisation
            || f.origin != Origin::Tagger
            || f.uri.is_some()
            || family.contains(' ')
            || ![given, family].iter().all(|w| {
                w.len() >= 2
                    && w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w[1..].bytes().all(|c| c.is_ascii_lowercase())
                    && !ORG_HEADS.contains(w)
                    && !PLACE_HEADS.contains(w)
                    && !COMPANY_WORDS.contains(w)
            })
        {
            continue;
        }
        let rest = &text[f.end..];
        let did = rest
            .strip_prefix(' ')
            .is_some_and(|r| DEEDS.iter().any(|d| opens_with_words(r, d)));
        // Or what only a person is, in apposition ("Jordan Neely, a homeless man he held"), or
        // a title the person holds ("Ratan Tata, the chairman emeritus of Tata Sons").
        let words_after = |p: &str| {
            rest.strip_prefix(p).map(|r| {
                r.split([',', '.', ';', ')'])
                    .next()
                    .unwrap_or_default()
                    .split(' ')
                    .take(4)
            })
        };
        let is = [", a ", ", an "].iter().any(|p| {
            words_after(p).is_some_and(|mut ws| {
                ws.any(|w| PERSON_NOUNS.contains(&w) || w.ends_with("-year-old"))
            })
        }) || words_after(", the ").is_some_and(|ws| {
            ws.take(3)
                .any(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && TITLES.contains(w))
        });
        if did || is {
            f.kind = MentionKind::Person;
        }
    }
}

/// A disease named after the river or the town where it was found is an "other" name in a
/// story about disease ("Marburg, a relative of Ebola," gave the place Ebola); not before
/// "River", nor in a story with no word of disease ("the University of Marburg").
fn diseases_named_for_places(text: &str, out: &mut [Found]) {
    const DISEASES: [&str; 7] = [
        "Ebola", "Marburg", "Zika", "Lassa", "Nipah", "Hendra", "Lyme",
    ];
    let candidate = |f: &Found| {
        DISEASES.contains(&&text[f.start..f.end])
            && !text[f.end..].starts_with(" River")
            && !text[f.end..].starts_with(" river")
    };
    if !out.iter().any(candidate) {
        return;
    }
    let health = [
        "virus", "outbreak", "disease", "fever", "vaccine", "infect", "epidemic",
    ]
    .iter()
    .any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some());
    if !health {
        return;
    }
    for f in out.iter_mut().filter(|f| candidate(f)) {
        f.kind = MentionKind::Other;
        f.uri = None;
        f.origin = Origin::Tagger;
        f.name = text[f.start..f.end].to_string();
    }
}

/// A name of two or three words in title case before a possessive and a quoted title is its
/// maker's, a person's ("Payal Kapadia's \"All We Imagine as Light\"" was an "other" name,
/// the tagger reading the title into it); not one with a head or a company's word ("Universal
/// Pictures' \"Wicked\"") or one the knowledge base links ("Netflix's \"Squid Game\""); a
/// band's leader's too.
fn makers_of_quoted_works(text: &str, out: &mut [Found]) {
    for f in out.iter_mut() {
        if !matches!(f.kind, MentionKind::Other | MentionKind::Organisation)
            || f.origin != Origin::Tagger
            || f.uri.is_some()
        {
            continue;
        }
        // Or a band's leader ("played trumpet with Lionel Hampton's band").
        let quoted = POSSESSIVES.iter().any(|p| {
            text[f.end..].strip_prefix(p).is_some_and(|r| {
                r.strip_prefix(' ').is_some_and(|r| {
                    r.starts_with(['"', '\u{201C}'])
                        || [
                            "band",
                            "orchestra",
                            "big band",
                            "quartet",
                            "quintet",
                            "trio",
                        ]
                        .iter()
                        .any(|w| opens_with_words(r, w))
                })
            })
        });
        let name = &text[f.start..f.end];
        if quoted && (2..=3).contains(&name.split(' ').count()) && name.split(' ').all(name_word) {
            f.kind = MentionKind::Person;
        }
    }
}

/// A word of a person's name in title case (a hyphen or an apostrophe inside it: "Garcia-Lopez"),
/// no body's or event's head ("Pictures", "Challenge", "Open").
fn name_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && !ORG_HEADS.contains(w)
        && !EVENT_HEADS.contains(w)
}

/// In a tennis or golf story, a name of two or three words in title case the tagger took for
/// a body's is a player's ("a 6-3, 6-2 victory over Kristian Pless", "beating second seed Vera
/// Zvonareva", "a match point against Iga Swiatek": CoNLL's "against" and "beat" are mostly
/// teams'); not with a head, a place's or a company's word ("China Open", "Swisscom
/// Challenge"), nor one an English word ends.
fn players_of_individual_sports(
    res: &Resources,
    text: &str,
    place_at: impl Fn(usize, usize) -> bool,
    out: &mut [Found],
) {
    let candidate = |f: &Found| {
        if f.kind != MentionKind::Organisation || f.origin != Origin::Tagger || f.uri.is_some() {
            return false;
        }
        let words: Vec<&str> = text[f.start..f.end].split(' ').collect();
        // No word a country's, a region's or a city's of 100,000 or more ("Atlanta
        // Falcons" in a listing of the day's sport; a small town may be a given name).
        let mut at = f.start;
        let place_word = words.iter().any(|w| {
            let found = place_at(at, at + w.len());
            at += w.len() + 1;
            found
        });
        !place_word
            && (2..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| name_word(w) && !PLACE_HEADS.contains(w) && !TITLES.contains(w))
            // A surname, not a word ("Skins Game", "Mystic Rock Course").
            && words.last().is_some_and(|w| {
                let w = crate::text::lowercase(w);
                !res.english_word(&w) && !w.strip_suffix('s').is_some_and(|w| res.english_word(w))
            })
    };
    if !out.iter().any(candidate) || !individual_sport(text) {
        return;
    }
    for f in out.iter_mut() {
        if candidate(f) {
            f.kind = MentionKind::Person;
        }
    }
}

/// Whether `text` reports tennis or golf: its words, or a match's sets ("6-3, 2-6, 7-5").
fn individual_sport(text: &str) -> bool {
    const WORDS: [&str; 9] = [
        "tennis",
        "Tennis",
        "WTA",
        "ATP",
        "Wimbledon",
        "golf",
        "Golf",
        "PGA",
        "birdie",
    ];
    // A set's score: games up to 7, one side 6 or 7.
    let set = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';', ')']);
        let mut sides = w.split(['-', '\u{2013}']);
        match (sides.next(), sides.next(), sides.next()) {
            (Some(a), Some(b), None) => match (a.parse::<u8>(), b.parse::<u8>()) {
                (Ok(a), Ok(b)) => a <= 7 && b <= 7 && a != b && a.max(b) >= 6,
                _ => false,
            },
            _ => false,
        }
    };
    let words: Vec<&str> = text.split([' ', '\n']).collect();
    words.windows(2).any(|p| set(p[0]) && set(p[1]))
        || words
            .iter()
            .map(|w| w.trim_end_matches(['.', ',', ';', ':', ')']))
            .any(|w| WORDS.contains(&w.strip_suffix("'s").unwrap_or(w)))
}

/// A one-word "person" the tagger guessed that is a company's name without its head words
/// ("GoTo Group … GoTo chief Patrick Walujo", "Grab Holdings … Grab"): the company, unlinked.
fn short_names_of_companies(text: &str, out: &mut [Found]) {
    let shorts: Vec<&str> = out
        .iter()
        .filter(|g| g.kind == MentionKind::Organisation)
        .filter_map(|g| {
            let (first, rest) = text[g.start..g.end].split_once(' ')?;
            rest.split(' ')
                .all(|w| ORG_HEADS.contains(w) || legal_form(w))
                .then_some(first)
        })
        .collect();
    if shorts.is_empty() {
        return;
    }
    for f in out.iter_mut() {
        if f.kind == MentionKind::Person
            && f.origin == Origin::Tagger
            && f.uri.is_none()
            && shorts.contains(&&text[f.start..f.end])
        {
            f.kind = MentionKind::Organisation;
        }
    }
}

/// A "person" the tagger guessed, after "its" or "the" and before a word for a part of a
/// company, is that part: a body ("its Nickel West business", "the Azure unit").
fn units_of_companies(text: &str, out: &mut [Found]) {
    const PARTS: [&str; 5] = ["business", "unit", "division", "subsidiary", "arm"];
    for f in out.iter_mut() {
        if f.kind != MentionKind::Person || f.origin != Origin::Tagger || f.uri.is_some() {
            continue;
        }
        let before = text[..f.start].trim_end();
        let after = text[f.end..].strip_prefix(' ').unwrap_or_default();
        let owned = [" its", " the", " Its", " The"]
            .iter()
            .any(|w| before.ends_with(w) || before == w.trim_start());
        if owned && PARTS.iter().any(|p| opens_with_words(after, p)) {
            f.kind = MentionKind::Organisation;
        }
    }
}

/// Words for what only a person is, after a name in apposition ("a homeless man").
const PERSON_NOUNS: [&str; 16] = [
    "man",
    "woman",
    "boy",
    "girl",
    "mother",
    "father",
    "son",
    "daughter",
    "husband",
    "wife",
    "widow",
    "grandmother",
    "grandfather",
    "teenager",
    "pensioner",
    "resident",
];

/// A town named by an ordinary word that opens an organisation's name in the story is that
/// word, not the town: "Liberal lawmakers" in a story about Canada's Liberal Party were in
/// Liberal, Kansas. An "other" name, unlinked.
fn words_of_bodies_are_no_towns(res: &Resources, text: &str, out: &mut [Found]) {
    let openers: Vec<&str> = out
        .iter()
        .filter(|g| g.kind == MentionKind::Organisation)
        .filter_map(|g| text[g.start..g.end].split_once(' ').map(|(w, _)| w))
        .collect();
    if openers.is_empty() {
        return;
    }
    for f in out.iter_mut() {
        let surface = &text[f.start..f.end];
        let ordinary_town = matches!(f.origin, Origin::Place(i) if res.places[i].kind == PlaceKind::City)
            && res
                .common_words
                .contains(crate::text::lowercase(surface).as_ref());
        if ordinary_town && openers.contains(&surface) {
            f.kind = MentionKind::Other;
            f.uri = None;
            f.name = surface.to_string();
            f.origin = Origin::Tagger;
        }
    }
}

/// A name the story mostly links to a place ("in Miami", "Miami's nightlife") is that place
/// where the tagger guessed another kind for it in thinner context: at least twice as many
/// linked mentions as guessed ones ("Miami" the team in a story about the team stays one).
fn places_stay_places(text: &str, out: &mut [Found]) {
    let guessed = |f: &Found| f.origin == Origin::Tagger && f.uri.is_none();
    if !out.iter().any(guessed) || !out.iter().any(|f| matches!(f.origin, Origin::Place(_))) {
        return;
    }
    // Per name: linked place mentions (with the first of them), guessed mentions.
    let mut counts: HashMap<&str, (usize, usize, Option<usize>)> = HashMap::default();
    for (k, f) in out.iter().enumerate() {
        let c = counts.entry(&text[f.start..f.end]).or_default();
        if matches!(f.origin, Origin::Place(_)) && f.kind == MentionKind::Place {
            c.0 += 1;
            c.2.get_or_insert(k);
        } else if guessed(f) {
            c.1 += 1;
        }
    }
    let changes: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        // Not a row of a results table ("NEW YORK 59 76 .437"): a team there.
        .filter(|(_, f)| {
            guessed(f)
                && !text[f.end..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with(|c: char| c.is_ascii_digit())
        })
        .filter_map(|(k, f)| match counts.get(&text[f.start..f.end]) {
            Some(&(linked, guesses, Some(place))) if linked >= 2 * guesses => Some((k, place)),
            _ => None,
        })
        .collect();
    for (k, place) in changes {
        let (start, end) = (out[k].start, out[k].end);
        out[k] = Found {
            start,
            end,
            ..out[place].clone()
        };
    }
}

/// A name the tagger found with confidence is the same name where it repeats untagged in the
/// story ("Caloi" tagged in one sentence, missed in the next): a capitalised name, not an
/// ordinary word, at word boundaries, overlapping no other mention; a one-word name not where
/// it opens a sentence.
fn repeat_names(res: &Resources, text: &str, toks: &[Token<'_>], out: &mut Vec<Found>) {
    let mut names: Vec<(&str, MentionKind)> = out
        .iter()
        .filter(|f| f.origin == Origin::Tagger && f.uri.is_none() && f.confidence >= 0.8)
        .map(|f| (&text[f.start..f.end], f.kind))
        .filter(|(s, _)| {
            capitalised(s)
                && (s.contains(' ')
                    || !res
                        .common_words
                        .contains(crate::text::lowercase(s).as_ref()))
        })
        .collect();
    if names.is_empty() {
        return;
    }
    names.sort_unstable();
    names.dedup_by_key(|n| n.0);
    // Where each name occurs: a scan per name for the few names of a usual story, one pass of
    // an automaton of all of them for a long story naming thousands (a scan per name would be
    // quadratic there, and building an automaton costs more than scanning a short story).
    let mut occurrences: Vec<(usize, usize, usize)> = Vec::new();
    if names.len() <= 16 {
        for (k, (name, _)) in names.iter().enumerate() {
            occurrences.extend(
                text.match_indices(name)
                    .map(|(start, _)| (start, start + name.len(), k)),
            );
        }
        // By position, the longer name first where two start together.
        occurrences.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    } else {
        let Ok(automaton) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(names.iter().map(|n| n.0))
        else {
            return;
        };
        occurrences.extend(
            automaton
                .find_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize())),
        );
    }
    // Mentions found so far are looked up by position: `out` is sorted by start; `reach[i]` is
    // the furthest end among its first `i + 1`.
    let reach: Vec<usize> = out
        .iter()
        .scan(0, |r, f| {
            *r = (*r).max(f.end);
            Some(*r)
        })
        .collect();
    let taken = |start: usize, end: usize| {
        let before_end = out.partition_point(|f| f.start < end);
        before_end > 0 && reach[before_end - 1] > start
    };
    let word_edge = |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    let mut extra: Vec<Found> = Vec::new();
    for (start, end, k) in occurrences {
        let (name, kind) = names[k];
        if word_edge(text[..start].chars().next_back())
            && word_edge(text[end..].chars().next())
            && !taken(start, end)
            && extra.last().is_none_or(|e| e.end <= start)
            && (name.contains(' ') || !opens_sentence(toks, start))
        {
            extra.push(Found {
                start,
                end,
                kind,
                name: name.to_string(),
                uri: None,
                confidence: 0.6,
                origin: Origin::Consistency,
            });
        }
    }
    extend_in_order(out, extra);
}

#[cfg(test)]
mod tests {
    use super::{spelled_out_acronym, tagger_sentences, Found, Origin};
    use newsflow_model::MentionKind;

    /// A mention of `text[start..start + len]`, linked to `geo:<its text>` when the gazetteer
    /// found it.
    fn mention(
        text: &str,
        (start, len): (usize, usize),
        kind: MentionKind,
        confidence: f32,
        origin: Origin,
    ) -> Found {
        let name = text[start..start + len].to_string();
        Found {
            start,
            end: start + len,
            kind,
            uri: matches!(origin, Origin::Place(_)).then(|| format!("geo:{name}")),
            name,
            confidence,
            origin,
        }
    }

    #[test]
    fn the_tagger_s_unlinked_mentions_of_one_name_share_the_likelier_kind() {
        use super::one_kind_per_name;
        let text = "Caloi said. Caloi grew. Caloi won. Minsk, Caloi.";
        let found =
            |start, kind, confidence, origin| mention(text, (start, 5), kind, confidence, origin);
        let mut out = vec![
            found(0, MentionKind::Person, 0.6, Origin::Tagger),
            found(12, MentionKind::Organisation, 0.9, Origin::Tagger),
            found(24, MentionKind::Organisation, 0.5, Origin::Tagger),
            // Not the tagger's guess: left alone.
            found(42, MentionKind::Place, 0.9, Origin::OrgHead),
        ];
        one_kind_per_name(text, &mut out);
        let kinds: Vec<MentionKind> = out.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            vec![
                MentionKind::Organisation,
                MentionKind::Organisation,
                MentionKind::Organisation,
                MentionKind::Place
            ]
        );
    }

    #[test]
    fn a_confident_name_repeats_where_the_tagger_missed_it_but_not_at_a_sentence_start() {
        use super::repeat_names;
        use crate::resources::Resources;
        let res = Resources::embedded().expect("resources");
        let text = "Caloi makes bikes. Analysts like Caloi. Executives at Caloi agreed with fans \
                    of Caloian teams. Brisa rose; and Brisa fell.";
        let toks = crate::text::tokens(text);
        let found =
            |start, kind, confidence| mention(text, (start, 5), kind, confidence, Origin::Tagger);
        let mut out = vec![
            found(33, MentionKind::Organisation, 0.9),
            // Too unsure to repeat.
            found(95, MentionKind::Person, 0.6),
        ];
        repeat_names(&res, text, &toks, &mut out);
        let spans: Vec<(usize, MentionKind)> = out.iter().map(|f| (f.start, f.kind)).collect();
        assert_eq!(
            spans,
            vec![
                (33, MentionKind::Organisation),
                (54, MentionKind::Organisation),
                (95, MentionKind::Person)
            ]
        );
    }

    #[test]
    fn names_written_across_lines_are_named_with_single_spaces() {
        use super::{tidy_names, Found, Origin};
        use newsflow_model::MentionKind;
        let mut found = vec![Found {
            start: 0,
            end: 12,
            kind: MentionKind::Place,
            name: "Grose\n  Valley".into(),
            uri: None,
            confidence: 0.7,
            origin: Origin::Tagger,
        }];
        tidy_names(&mut found);
        assert_eq!(found[0].name, "Grose Valley");
    }

    #[test]
    fn many_names_repeat_as_a_few_do() {
        use super::{repeat_names, Found, Origin};
        use crate::resources::Resources;
        use newsflow_model::MentionKind;
        let res = Resources::embedded().expect("resources");
        // Twenty names (past the scan-per-name limit), each tagged once, then repeated.
        let names: Vec<String> = (0..20)
            .map(|i| format!("Zorvak{}", (b'a' + i) as char))
            .collect();
        let first: String = names
            .iter()
            .map(|n| format!("We met {n} today. "))
            .collect();
        let again: String = names.iter().map(|n| format!("Later {n} left. ")).collect();
        let text = format!("{first}{again}");
        let toks = crate::text::tokens(&text);
        let mut out: Vec<Found> = names
            .iter()
            .map(|n| {
                let start = text.find(n.as_str()).expect("named");
                Found {
                    start,
                    end: start + n.len(),
                    kind: MentionKind::Organisation,
                    name: n.clone(),
                    uri: None,
                    confidence: 0.9,
                    origin: Origin::Tagger,
                }
            })
            .collect();
        repeat_names(&res, &text, &toks, &mut out);
        assert_eq!(out.len(), 40);
        assert!(out.windows(2).all(|w| w[0].start < w[1].start));
        assert!(out[20..]
            .iter()
            .zip(&names)
            .all(|(f, n)| f.name == *n && f.origin == Origin::Consistency));
    }

    #[test]
    fn numerals_join_names_and_titles_inside_runs_start_people() {
        use super::{name_spans, Target};
        // Labels: O=0, B-PER=1, I-PER=2, B-ORG=3, I-ORG=4, B-LOC=5, B-MISC=7, I-MISC=8.
        let words = ["after", "World", "War", "II", "ended"];
        assert_eq!(
            name_spans(&words, &[0, 7, 8, 0, 0], |_, _| None),
            vec![(3, 1, 4)]
        );
        // "I" alone is a pronoun, not a numeral.
        let words = ["Smith", "I", "said"];
        assert_eq!(name_spans(&words, &[1, 0, 0], |_, _| None), vec![(0, 0, 1)]);
        // "Texas Coach Darrell Royal" (tagged one organisation): Texas, a gazetteer place, and
        // the person after the title.
        let words = ["Texas", "Coach", "Darrell", "Royal", "said"];
        let place = [Target::Place(0)];
        let spans = name_spans(&words, &[3, 4, 4, 4, 0], |a, b| {
            (a == 0 && b == 1).then_some(&place[..])
        });
        assert_eq!(spans, vec![(2, 0, 1), (0, 2, 4)]);
        // A person's run: the words before the title go ("Attorney General Eric Holder").
        let words = ["Attorney", "General", "Eric", "Holder"];
        assert_eq!(
            name_spans(&words, &[1, 2, 2, 2], |_, _| None),
            vec![(0, 2, 4)]
        );
        // A title followed by an organisation head is part of the name ("Justice Department").
        let words = ["US", "Justice", "Department"];
        assert_eq!(name_spans(&words, &[3, 4, 4], |_, _| None), vec![(1, 0, 3)]);
        // A run the gazetteer or knowledge base names whole stays whole.
        let kb = [Target::Kb(0)];
        let words = ["Crown", "Prince", "Mohammed"];
        assert_eq!(
            name_spans(&words, &[1, 2, 2], |a, b| (a == 0 && b == 3)
                .then_some(&kb[..])),
            vec![(0, 0, 3)]
        );
    }

    #[test]
    fn people_s_names_run_on_over_particles() {
        use super::name_spans;
        // Labels: O=0, B-PER=1, I-PER=2, B-LOC=5.
        let words = ["general", "Charles", "de", "Gaulle", "led"];
        assert_eq!(
            name_spans(&words, &[0, 1, 0, 0, 0], |_, _| None),
            vec![(0, 1, 4)]
        );
        // What the tagger made of the surname goes ("Hag", a place).
        let words = ["manager", "Erik", "ten", "Hag", "said"];
        assert_eq!(
            name_spans(&words, &[0, 1, 0, 5, 0], |_, _| None),
            vec![(0, 1, 4)]
        );
        // The words of a two-word title go with it ("Saudi Crown Prince Mohammed bin Salman").
        let words = ["Saudi", "Crown", "Prince", "Mohammed", "bin", "Salman"];
        assert_eq!(
            name_spans(&words, &[3, 4, 4, 4, 4, 4], |_, _| None),
            vec![(1, 0, 1), (0, 3, 6)]
        );
        // Nothing but titles after a title: no empty name.
        let words = ["Smith", "President", "Crown", "Vice", "Acting"];
        for labels in [[3, 4, 4, 4, 4], [1, 2, 2, 2, 2]] {
            for (_, a, b) in name_spans(&words, &labels, |_, _| None) {
                assert!(a < b, "{labels:?}");
            }
        }
        // Not over a particle into a title or a lower-case word.
        let words = ["Smith", "de", "facto", "leader"];
        assert_eq!(
            name_spans(&words, &[1, 0, 0, 0], |_, _| None),
            vec![(0, 0, 1)]
        );
    }

    #[test]
    fn word_lists_match_in_any_ascii_case() {
        assert!(super::ORG_HEADS.contains("University"));
        assert!(super::ORG_HEADS.contains("GMBH"));
        assert!(super::TITLES.contains("spokesman"));
        assert!(!super::ORG_HEADS.contains("Universities"));
        assert!(!super::ORG_HEADS.contains("Universität"));
        assert!(!super::TITLES.contains("a-word-longer-than-any-listed-one"));
        assert!(!super::TITLES.contains(""));
    }

    #[test]
    fn a_name_followed_by_its_initials_is_spelled_out() {
        let name = ["Christian", "Democratic", "Union"];
        assert!(spelled_out_acronym(&name, " (CDU) and"));
        assert!(spelled_out_acronym(
            &["Union", "of", "Concerned", "Scientists"],
            " (UCS)"
        ));
        assert!(!spelled_out_acronym(&name, " (SPD)"));
        assert!(!spelled_out_acronym(&name, " (Cdu)"));
        assert!(!spelled_out_acronym(&name, ", CDU"));
        assert!(!spelled_out_acronym(&["Merkel"], " (M)"));
    }
    use crate::text::segments;

    fn words(text: &str) -> Vec<Vec<&str>> {
        tagger_sentences(text, &segments(text))
            .into_iter()
            .map(|s| s.into_iter().map(|(a, b)| &text[a..b]).collect())
            .collect()
    }

    #[test]
    fn tagger_words_and_sentences_follow_conll() {
        assert_eq!(
            words("U.S. President Joe Biden met Mr. Smith of Anglo-Dutch Shell Corp. in Texas. It won 1-0.\n\nHEADLINE\n\nBody's end"),
            vec![
                vec![
                    "U.S.", "President", "Joe", "Biden", "met", "Mr.", "Smith", "of",
                    "Anglo-Dutch", "Shell", "Corp.", "in", "Texas", "."
                ],
                vec!["It", "won", "1-0", "."],
                vec!["HEADLINE"],
                vec!["Body", "'s", "end"],
            ]
        );
    }

    #[test]
    fn a_name_mostly_linked_to_a_place_is_that_place() {
        use super::places_stay_places;
        let text = "Miami Miami Miami Miami. Boston Boston Boston 59 76. Paris Paris Paris Paris";
        let found =
            |start, word: &str, kind, origin| mention(text, (start, word.len()), kind, 0.7, origin);
        let (place, org) = (MentionKind::Place, MentionKind::Organisation);
        let mut out = vec![
            found(0, "Miami", place, Origin::Place(1)),
            found(6, "Miami", place, Origin::Place(1)),
            found(12, "Miami", place, Origin::Place(1)),
            found(18, "Miami", org, Origin::Tagger),
            found(25, "Boston", place, Origin::Place(2)),
            found(32, "Boston", place, Origin::Place(2)),
            // A row of a results table: the team.
            found(39, "Boston", org, Origin::Tagger),
            found(53, "Paris", place, Origin::Place(3)),
            found(59, "Paris", place, Origin::Place(3)),
            found(65, "Paris", org, Origin::Tagger),
            found(71, "Paris", org, Origin::Tagger),
        ];
        places_stay_places(text, &mut out);
        assert_eq!(out[3].kind, MentionKind::Place);
        assert_eq!(out[3].uri.as_deref(), Some("geo:Miami"));
        assert_eq!((out[3].start, out[3].end), (18, 23));
        assert_eq!(out[6].kind, MentionKind::Organisation);
        // Two guesses against two links: the guesses stay.
        assert_eq!(out[9].kind, MentionKind::Organisation);
        assert_eq!(out[10].uri, None);
    }
}
