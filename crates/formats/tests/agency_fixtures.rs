//! The real agency items in the project's shared fixtures (`../shared/fixtures/wire/`, beside
//! the repository; never copied into it) must all decode into stories with a headline and a
//! body. Set `NEWSFLOW_SHARED` to point elsewhere; without the directory the test reports
//! that it had nothing to check.

use newsflow_formats::{decode, Limits};
use std::path::PathBuf;

fn fixtures() -> Option<PathBuf> {
    let base = std::env::var("NEWSFLOW_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = base.join("fixtures/wire");
    dir.is_dir().then_some(dir)
}

/// (file, expected headline start, expected body start)
const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "nitf/ap-nitf.xml",
        "Can trading pollution like stocks",
        "NEW YORK (AP) — The gas produced by hog manure",
    ),
    (
        "iptc7901/iptc7901.txt",
        "Germany Social Democrats: Coalition talks",
        "Berlin (dpa) - Negotiations between German conservatives",
    ),
    (
        "iptc7901/ap-anpa-1.tst",
        "For Argentine chemo patients, mirrors can hurt",
        "BUENOS AIRES, Argentina (AP) _ For cancer patients",
    ),
    (
        "newsml-1/afp.xml",
        "Sweden court accepts receivership for Saab carmaker",
        "A Chinese-owned company set up to take over Saab",
    ),
    (
        "newsml-g2/ansa-text.xml",
        "Catalan independence declaration unacceptable",
        "(ANSA) - Rome, October 11 - Italian Foreign Minister",
    ),
    (
        "newsml-g2/dpa.xml",
        "Eintracht in London: Hintereggers Tränen",
        "London (dpa) - 2019 gab es bittere Tränen",
    ),
    (
        "newsml-g2/reuters-MTZXEE13ZXCZES_2.xml",
        "UPDATE 2-Primeira Liga Results",
        "Jan 3 (OPTA) - Results and fixtures",
    ),
    (
        "ninjs/ninjs2.json",
        "Oil prices edge up on first drop in US drilling",
        "Oil prices edged up on Monday",
    ),
    (
        "ninjs/ninjs-example-simple.json",
        "Captain of wrecked cruise ship on trial in Italy",
        "GROSSETO, Italy (AP) -- The trial",
    ),
];

#[test]
fn every_agency_fixture_decodes_to_a_story() {
    let Some(dir) = fixtures() else {
        eprintln!("no shared fixtures beside the repository: nothing to check");
        return;
    };
    let mut files = Vec::new();
    for sub in std::fs::read_dir(&dir).expect("fixtures dir") {
        let sub = sub.expect("entry").path();
        for f in std::fs::read_dir(&sub).expect("format dir") {
            files.push(f.expect("entry").path());
        }
    }
    files.sort();
    assert!(files.len() >= 14, "{} fixtures", files.len());
    let mut failures = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).expect("read");
        let name = f
            .strip_prefix(&dir)
            .expect("relative")
            .display()
            .to_string();
        let (format, stories) = decode(&bytes, None, Some(&name), &Limits::default());
        for s in &stories {
            match s {
                Ok(a) => {
                    println!(
                        "{name} [{}] {:?} | {:?} | {}",
                        format.map_or("?", |f| f.as_str()),
                        a.id,
                        a.headline,
                        a.body_text
                            .chars()
                            .take(90)
                            .collect::<String>()
                            .replace('\n', " / ")
                    );
                    if a.headline.is_none() || a.body_text.trim().is_empty() {
                        failures.push(format!(
                            "{name}: headline {:?}, body {} bytes",
                            a.headline,
                            a.body_text.len()
                        ));
                    }
                }
                Err(e) => failures.push(format!("{name}: {e}")),
            }
        }
        if let Some((_, head, body)) = EXPECTED.iter().find(|(n, _, _)| *n == name) {
            let a = stories[0].as_ref().expect("decoded");
            assert!(
                a.headline.as_deref().unwrap_or("").starts_with(head),
                "{name}: {:?}",
                a.headline
            );
            assert!(
                a.body_text.starts_with(body),
                "{name}: {:?}",
                &a.body_text[..80.min(a.body_text.len())]
            );
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
