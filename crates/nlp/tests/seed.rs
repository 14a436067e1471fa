//! The seed story: a China News Service item citing TASS on Putin's visit to Minsk.

use newsflow_formats::{decode, Limits};
use newsflow_model::schema::Validators;
use newsflow_model::{EnrichedRecord, MentionKind};
use newsflow_nlp::Engine;

const SEED: &str = include_str!("../../../samples/putin-minsk.txt");

fn enrich_seed() -> EnrichedRecord {
    let (_, stories) = decode(
        SEED.as_bytes(),
        None,
        Some("putin-minsk.txt"),
        &Limits::default(),
    );
    let article = stories
        .into_iter()
        .next()
        .expect("one story")
        .expect("decoded");
    Engine::embedded().expect("engine").enrich(&article)
}

#[test]
fn seed_entities_are_found_and_linked() {
    let r = enrich_seed();
    let find = |name: &str| r.analysis.entities.iter().find(|e| e.name == name);
    let putin = find("Vladimir Putin").expect("Putin");
    assert_eq!(putin.kind, MentionKind::Person);
    assert_eq!(
        putin.uri.as_deref(),
        Some("http://www.wikidata.org/entity/Q7747")
    );
    assert!(
        putin.mentions >= 15,
        "every 'Putin' is the same person: {}",
        putin.mentions
    );
    let lukashenko = find("Alexander Lukashenko").expect("Lukashenko");
    assert_eq!(lukashenko.kind, MentionKind::Person);
    assert_eq!(
        lukashenko.uri.as_deref(),
        Some("http://www.wikidata.org/entity/Q2866")
    );
    let minsk = find("Minsk").expect("Minsk");
    assert_eq!(
        minsk.uri.as_deref(),
        Some("https://sws.geonames.org/625144/")
    );
    assert_eq!(
        find("Belarus").and_then(|e| e.uri.as_deref()),
        Some("https://sws.geonames.org/630336/")
    );
    // A country is one entity, a place, its demonym's mentions ("Russian President") its own.
    for (country, demonyms) in [("Russia", 8), ("Belarus", 4)] {
        let linked: Vec<_> = r
            .analysis
            .entities
            .iter()
            .filter(|e| e.uri == find(country).and_then(|e| e.uri.clone()))
            .collect();
        assert_eq!(linked.len(), 1, "{country} once: {linked:?}");
        assert_eq!(linked[0].kind, MentionKind::Place, "{country}");
        assert!(
            linked[0].mentions >= demonyms + 4,
            "{country}'s demonyms count: {}",
            linked[0].mentions
        );
    }
    assert_eq!(
        find("Price").map(|e| e.kind),
        Some(MentionKind::Person),
        "spokesman Price is a person"
    );
    for org in [
        "NATO",
        "Reuters",
        "TASS",
        "Collective Security Treaty Organization",
        "United States Department of State",
    ] {
        assert_eq!(
            find(org).map(|e| e.kind),
            Some(MentionKind::Organisation),
            "{org}"
        );
    }
    // TASS is linked (the knowledge base's Wikidata id, checked against public Wikidata
    // mappings).
    assert_eq!(
        find("TASS").and_then(|e| e.uri.as_deref()),
        Some("http://www.wikidata.org/entity/Q223799")
    );
    assert_eq!(
        find("Collective Security Treaty Organization").and_then(|e| e.uri.as_deref()),
        Some("http://www.wikidata.org/entity/Q318693"),
        "the CSTO, written as its initials in the story"
    );
    // "Russian" resolves to Russia.
    assert!(r
        .analysis
        .mentions
        .iter()
        .any(|m| m.text == "Russian" && m.name == "Russia"));
    assert_eq!(r.analysis.language.tag, "en");
}

#[test]
fn seed_mention_offsets_index_the_plain_text_body() {
    let r = enrich_seed();
    let body = r.body_text();
    assert!(body.starts_with("China News Service, December 20. According to TASS"));
    for m in &r.analysis.mentions {
        let slice: String = body.chars().skip(m.start).take(m.end - m.start).collect();
        assert_eq!(slice, m.text, "{m:?}");
    }
}

#[test]
fn seed_subjects_cover_diplomacy_sanctions_trade_and_gas() {
    let r = enrich_seed();
    let codes: Vec<&str> = r
        .analysis
        .subjects
        .iter()
        .map(|s| s.code.as_str())
        .collect();
    for code in ["20000639", "20000642", "20000373", "20000263", "11000000"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    for s in &r.item.subjects {
        assert!(s
            .uri
            .as_deref()
            .is_some_and(|u| u.starts_with("http://cv.iptc.org/newscodes/mediatopic/")));
    }
}

#[test]
fn seed_record_is_valid_ninjs_and_envelope() {
    let r = enrich_seed();
    let v = Validators::new().expect("schemas");
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(v.ninjs_errors(&json["item"]), Vec::<String>::new());
    assert_eq!(v.envelope_errors(&json), Vec::<String>::new());
    assert_eq!(
        r.analysis
            .dateline
            .as_ref()
            .and_then(|d| d.source.as_deref()),
        Some("China News Service")
    );
    assert!(r
        .item
        .infosources
        .iter()
        .any(|s| s.name == "TASS" && s.role.as_deref() == Some("cited")));
}

#[test]
fn a_broken_record_fails_validation() {
    let v = Validators::new().expect("schemas");
    let mut json = serde_json::to_value(enrich_seed()).expect("json");
    json["item"]["pubstatus"] = "published".into();
    json["analysis"]["mentions"][0]["kind"] = "thing".into();
    assert!(!v.ninjs_errors(&json["item"]).is_empty());
    assert!(!v.envelope_errors(&json).is_empty());
}

#[test]
#[ignore = "prints the seed analysis for inspection"]
fn print_seed() {
    let r = enrich_seed();
    for e in &r.analysis.entities {
        println!(
            "{:?} {} {:?} n={} s={}",
            e.kind, e.name, e.uri, e.mentions, e.salience
        );
    }
    for s in &r.analysis.subjects {
        println!(
            "{} {} rel={} conf={} {:?}",
            s.code, s.name, s.relevance, s.confidence, s.evidence
        );
    }
    println!("{:?}", r.analysis.keywords);
}

#[test]
fn the_agency_summary_is_the_items_summary_description() {
    let a = newsflow_model::Article {
        id: "urn:newsflow:test:summary".into(),
        uri: "urn:newsflow:test:summary".into(),
        headline: Some("Talks resume in Geneva".into()),
        summary: Some("Negotiators meet again after a month.".into()),
        body_text: "GENEVA (Reuters) - Negotiators met again on Monday.".into(),
        ..Default::default()
    };
    let r = Engine::embedded().expect("engine").enrich(&a);
    assert_eq!(r.item.descriptions.len(), 1);
    assert_eq!(r.item.descriptions[0].role.as_deref(), Some("summary"));
    assert_eq!(
        r.item.descriptions[0].value,
        "Negotiators meet again after a month."
    );
    let v = Validators::new().expect("schemas");
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(v.ninjs_errors(&json["item"]), Vec::<String>::new());
    assert_eq!(v.envelope_errors(&json), Vec::<String>::new());
}
