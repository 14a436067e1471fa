//! Conformance: small items written for newsflow in every format, with what each must decode to.

use newsflow_formats::{decode, Limits, Rejection};
use newsflow_model::{Article, ReasonCode, WireFormat};

fn run(name: &str) -> (Option<WireFormat>, Vec<Result<Article, Rejection>>) {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("test data");
    decode(&bytes, None, Some(name), &Limits::default())
}

fn one(name: &str) -> Article {
    let (_, mut stories) = run(name);
    assert_eq!(stories.len(), 1, "{name}");
    stories.remove(0).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn ts(a: &Option<chrono::DateTime<chrono::Utc>>) -> Option<String> {
    a.map(|t| t.to_rfc3339())
}

#[test]
fn g2_message_with_a_story_and_a_package() {
    let (format, stories) = run("g2-message.xml");
    assert_eq!(format, Some(WireFormat::NewsmlG2));
    assert_eq!(stories.len(), 2);
    let a = stories[0].as_ref().expect("story");
    assert_eq!(a.id, "urn:newsflow:test:g2-nitf");
    assert_eq!(a.version.as_deref(), Some("3"));
    assert_eq!(
        a.headline.as_deref(),
        Some("Ministers meet in Oslo for talks")
    );
    assert_eq!(a.slugline.as_deref(), Some("NORWAY-TALKS"));
    assert_eq!(a.byline.as_deref(), Some("By Test Writer"));
    assert_eq!(a.located.as_deref(), Some("Oslo"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));
    assert_eq!(
        a.ednote.as_deref(),
        Some("Corrects spelling of minister's name")
    );
    assert_eq!(a.provider.as_deref(), Some("Test Wire"));
    assert_eq!(a.urgency, Some(3));
    assert_eq!(a.pubstatus.as_deref(), Some("usable"));
    assert_eq!(
        ts(&a.versioncreated).as_deref(),
        Some("2024-03-01T10:00:00+00:00")
    );
    assert_eq!(
        ts(&a.firstcreated).as_deref(),
        Some("2024-03-01T08:30:00+00:00")
    );
    assert_eq!(a.body_text, "OSLO, March 1 (Test Wire) - Foreign ministers met in Oslo on Friday.\n\nThey agreed to meet again & talk more.");
    assert!(a
        .body_html
        .as_deref()
        .is_some_and(|h| h.contains("<p>They agreed to meet again &amp; talk more.</p>")));
    let codes: Vec<&str> = a
        .subjects
        .iter()
        .filter_map(|s| s.code.as_deref())
        .collect();
    assert_eq!(codes, vec!["medtop:20000639", "subj:11000000"]);
    assert_eq!(
        stories[1].as_ref().map_err(|e| e.code),
        Err(ReasonCode::PackageItem)
    );
}

#[test]
fn g2_xhtml_body_main_headline_embargo_and_status() {
    let a = one("g2-xhtml-embargo.xml");
    assert_eq!(
        a.headline.as_deref(),
        Some("Results embargoed until Thursday")
    );
    assert_eq!(
        a.body_text,
        "Quarterly results will be published on Thursday.\n\nRevenue | 10\nProfit | 2"
    );
    assert_eq!(
        ts(&a.embargoed).as_deref(),
        Some("2024-05-02T06:00:00+00:00")
    );
    assert_eq!(a.pubstatus.as_deref(), Some("withheld"));
    // The first non-empty description in a summary role; never a caption.
    assert_eq!(a.summary.as_deref(), Some("Results out Thursday."));
}

#[test]
fn g2_non_stories_have_their_own_codes() {
    assert_eq!(
        run("g2-references-only.xml").1[0]
            .as_ref()
            .map_err(|e| e.code),
        Err(ReasonCode::PackageItem)
    );
    assert_eq!(
        run("g2-picture.xml").1[0].as_ref().map_err(|e| e.code),
        Err(ReasonCode::UnsupportedFormat)
    );
}

#[test]
fn nitf_with_a_doctype_html_entities_and_metadata() {
    let a = one("nitf-doctype.xml");
    assert_eq!(a.format, Some(WireFormat::Nitf));
    assert_eq!(a.id, "TW-2024-0001");
    assert_eq!(a.headline.as_deref(), Some("Bond yields fall — again"));
    assert_eq!(a.byline.as_deref(), Some("By A. Writer"));
    assert_eq!(
        a.body_text,
        // Inline mark-up joins the words around it as written.
        "LONDON (TW) — Bond yields fell on Friday.\n\nTraders at Bank of Testland, Ann Smith's \
         desk said the move was small."
    );
    assert_eq!(a.provider.as_deref(), Some("TW"));
    assert_eq!(a.urgency, Some(4));
    assert_eq!(
        ts(&a.versioncreated).as_deref(),
        Some("2024-03-01T11:00:00+00:00")
    );
    assert_eq!(a.subjects[0].code.as_deref(), Some("04000000"));
    assert_eq!(a.keywords, vec!["markets", "bonds"]);
    assert_eq!(a.located.as_deref(), Some("LONDON"));
    assert_eq!(
        a.summary.as_deref(),
        Some("Yields fell.\n\nTraders shrugged.")
    );
}

#[test]
fn external_entities_are_refused() {
    assert_eq!(
        run("xxe.xml").1[0].as_ref().map_err(|e| e.code),
        Err(ReasonCode::DecodeError)
    );
}

#[test]
fn declared_latin1_and_mislabelled_utf8_both_read_right() {
    for name in ["nitf-latin1.xml", "nitf-mislabelled.xml"] {
        let a = one(name);
        assert_eq!(a.headline.as_deref(), Some("Décès à Genève"), "{name}");
        assert!(a.body_text.contains("décès"), "{name}: {}", a.body_text);
    }
}

#[test]
fn undeclared_windows_1252_text() {
    let a = one("plain-cp1252.txt");
    assert_eq!(a.headline.as_deref(), Some("Café prices rise"));
    assert_eq!(a.body_text, "“Prices” rose 5€ on Monday.");
}

#[test]
fn newsml1_item_with_nitf_content_and_a_kill() {
    let a = one("newsml1.xml");
    assert_eq!(a.format, Some(WireFormat::Newsml1));
    assert_eq!(a.id, "urn:newsml:test.example:20240301:TX-1");
    assert_eq!(a.uri, "urn:newsml:test.example:20240301:TX-1:2");
    assert_eq!(a.version.as_deref(), Some("2"));
    assert_eq!(a.headline.as_deref(), Some("Décès d'un ancien ministre"));
    assert_eq!(a.language.as_deref(), Some("fr"));
    assert_eq!(a.pubstatus.as_deref(), Some("canceled"));
    assert_eq!(
        a.body_text,
        "Un ancien ministre est décédé vendredi à Paris."
    );
    assert_eq!(
        ts(&a.versioncreated).as_deref(),
        Some("2024-03-01T08:30:00+00:00")
    );
    assert_eq!(a.subjects[0].code.as_deref(), Some("11000000"));
}

#[test]
fn iptc7901_two_transmissions_two_stories() {
    let (format, stories) = run("iptc7901-two.txt");
    assert_eq!(format, Some(WireFormat::Iptc7901));
    assert_eq!(stories.len(), 2);
    let a = stories[0].as_ref().expect("first");
    assert_eq!(a.headline.as_deref(), Some("First story headline"));
    assert_eq!(a.slugline.as_deref(), Some("Test-first"));
    assert_eq!(a.body_text, "OSLO (TW) - The first story starts here and continues on this line.\n\nA second paragraph.");
    assert_eq!(a.ednote.as_deref(), Some("TW NOTES\ncontact desk"));
    assert_eq!(a.urgency, Some(3));
    let b = stories[1].as_ref().expect("second");
    assert_eq!(b.headline.as_deref(), Some("Second story headline"));
    assert_ne!(a.id, b.id);
}

#[test]
fn anpa_take_key_bylines_notes_and_tables() {
    let a = one("anpa-writethru.txt");
    assert_eq!(
        a.headline.as_deref(),
        Some("Congress passes budget after late vote")
    );
    assert_eq!(
        a.slugline.as_deref(),
        Some("BC-Budget-Battle, 1st Ld-Writethru,420")
    );
    assert_eq!(
        a.version.as_deref(),
        Some("2"),
        "first write-through is the second version"
    );
    assert_eq!(a.byline.as_deref(), Some("By TEST WRITER, Test Wire"));
    assert_eq!(a.ednote.as_deref(), Some("Eds: Updates with vote count."));
    assert_eq!(a.urgency, Some(3));
    let paragraphs: Vec<&str> = a.body_text.split("\n\n").collect();
    assert_eq!(
        paragraphs[0],
        "WASHINGTON (TW) _ Congress passed the budget late Friday after a long debate."
    );
    assert_eq!(
        paragraphs[2], "State\tVotes\tResult\nOhio\t12\tYes\nIowa\t4\tNo",
        "tables keep their layout"
    );
}

#[test]
fn ninjs3_camel_case_and_api_wrappers() {
    let a = one("ninjs3.json");
    assert_eq!(a.headline.as_deref(), Some("ninjs 3 headline"));
    assert_eq!(a.body_text, "First.\n\nSecond & last.");
    assert_eq!(a.ednote.as_deref(), Some("note"));
    assert_eq!(
        ts(&a.embargoed).as_deref(),
        Some("2024-03-02T00:00:00+00:00")
    );
    assert_eq!(
        ts(&a.versioncreated).as_deref(),
        Some("2024-03-01T10:00:00+00:00")
    );
    assert_eq!(a.pubstatus.as_deref(), Some("usable"));
    // A summary description, made plain; not the caption before it.
    assert_eq!(a.summary.as_deref(), Some("Two paragraphs."));
    let (_, stories) = run("ninjs-wrapper.json");
    let stories: Vec<Article> = stories.into_iter().map(|s| s.expect("story")).collect();
    let ids: Vec<&str> = stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["urn:newsflow:test:w1", "urn:newsflow:test:w2"]);
    // ninjs 1.x: `description_text` is the summary.
    assert_eq!(stories[0].summary.as_deref(), Some("The first, in brief."));
    assert_eq!(stories[1].summary, None);
}

#[test]
fn a_nitf_byline_keeps_the_person_and_drops_the_title() {
    // The byline's own text alone was "By ,".
    let a = one("nitf-byline-person.xml");
    assert_eq!(a.byline.as_deref(), Some("By Hans Müller"));
    assert_eq!(a.located.as_deref(), Some("ZÜRICH"));
}

#[test]
fn a_nitf_dateline_element_serves_a_body_without_one() {
    // The body opens with no dateline; the head's element says where and when it was filed.
    let a = one("nitf-head-dateline.xml");
    let d = a.dateline.expect("dateline from <dateline>");
    assert_eq!(d.place.as_deref(), Some("Sydney"));
    assert_eq!(d.date.as_deref(), Some("Dec 4"));
    assert_eq!(d.text, "Sydney NSW, Dec 4");
    assert_eq!(a.located.as_deref(), Some("Sydney"));
    // A body with its own dateline keeps it.
    let z = one("nitf-byline-person.xml").dateline.expect("dateline");
    assert_eq!(z.text, "ZÜRICH (TW)");
}
