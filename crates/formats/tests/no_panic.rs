//! Property tests: no input makes a decoder panic, and every failure is a typed rejection.

use newsflow_formats::{decode, Limits};
use proptest::prelude::*;

const HINTS: [Option<&str>; 7] = [
    None,
    Some("ninjs"),
    Some("newsml-g2"),
    Some("nitf"),
    Some("newsml-1"),
    Some("iptc7901"),
    Some("plain-text"),
];

fn samples() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect()
}

fn check(bytes: &[u8], hint: Option<&str>) {
    let limits = Limits {
        max_item_bytes: 1 << 20,
        max_field_bytes: 1 << 16,
    };
    let (_, stories) = decode(bytes, hint, Some("prop"), &limits);
    assert!(
        !stories.is_empty(),
        "every input yields a story or a rejection"
    );
    for s in stories {
        if let Err(e) = s {
            assert!(!e.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048), h in 0usize..HINTS.len()) {
        check(&bytes, HINTS[h]);
    }

    #[test]
    fn markup_soup(parts in proptest::collection::vec(prop_oneof![
        Just("<".to_string()), Just(">".to_string()), Just("</".to_string()), Just("&".to_string()), Just(";".to_string()),
        Just("<!DOCTYPE x [".to_string()), Just("<!ENTITY a \"b\">".to_string()), Just("]>".to_string()),
        Just("<newsItem guid=\"g\">".to_string()), Just("<nitf>".to_string()), Just("<body.content>".to_string()),
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<![CDATA[".to_string()), Just("]]>".to_string()),
        Just("{\"uri\":".to_string()), Just("[".to_string()), Just("\u{1}".to_string()), Just("\u{2}".to_string()),
        Just("\u{3}".to_string()), Just("^".to_string()), Just("=".to_string()), "[a-zA-Z0-9 \\n\\t]{0,12}",
    ], 0..64), h in 0usize..HINTS.len()) {
        check(parts.concat().as_bytes(), HINTS[h]);
    }

    #[test]
    fn truncated_and_mutated_items(i in 0usize..64, cut in 0.0f64..1.0, flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..8)) {
        let all = samples();
        let mut bytes = all[i % all.len()].clone();
        let n = (bytes.len() as f64 * cut) as usize;
        bytes.truncate(n.max(1));
        for (at, b) in flips {
            let k = ((bytes.len() as f64) * at) as usize;
            if k < bytes.len() {
                bytes[k] = b;
            }
        }
        check(&bytes, None);
    }
}

#[test]
fn huge_fields_and_deep_nesting_are_rejected_not_fatal() {
    let limits = Limits {
        max_item_bytes: 1 << 20,
        max_field_bytes: 1000,
    };
    let big = format!(
        "<nitf><body><body.content><p>{}</p></body.content></body></nitf>",
        "x".repeat(5000)
    );
    let (_, s) = decode(big.as_bytes(), None, None, &limits);
    assert_eq!(
        s[0].as_ref().map_err(|e| e.code),
        Err(newsflow_model::ReasonCode::TooLarge)
    );
    let deep = format!("{}{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
    let (_, s) = decode(deep.as_bytes(), Some("nitf"), None, &limits);
    assert!(s[0].is_err());
    let json = format!("{}1{}", "{\"a\":[".repeat(50_000), "]}".repeat(50_000));
    let (_, s) = decode(json.as_bytes(), None, None, &Limits::default());
    assert!(s[0].is_err());
}
