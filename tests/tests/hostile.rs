//! Hostile input at volume: malformed, truncated, mis-encoded, oversized and malicious items
//! mixed into a normal stream. Every one ends in the DLQ with its reason code, the services stay
//! up with bounded memory, and the normal items keep flowing.

use newsflow_tests::*;
use std::collections::BTreeMap;
use std::time::Duration;

fn hostile() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut noise = vec![0u8; 4096];
    let mut x = 0x1234_5678_u32;
    for b in noise.iter_mut().skip(1) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = (x & 0xff) as u8;
    }
    let nested = format!("{}1{}", "{\"a\":[".repeat(20_000), "]}".repeat(20_000));
    vec![
        ("bomb.xml", b"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><nitf><body><body.content><p>&lol3;</p></body.content></body></nitf>".to_vec(), "decode_error"),
        ("xxe.xml", b"<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><nitf><body><body.content><p>&x;</p></body.content></body></nitf>".to_vec(), "decode_error"),
        ("huge-item.txt", vec![b'a'; 5 * 1024 * 1024], "too_large"),
        ("huge-field.json", format!("{{\"uri\":\"urn:hostile:field\",\"headline\":\"h\",\"body_text\":\"{}\"}}", "b".repeat(3 * 1024 * 1024)).into_bytes(), "too_large"),
        ("nested.json", nested.into_bytes(), "decode_error"),
        ("bad-utf8.xml", b"<?xml version=\"1.0\" encoding=\"utf-8\"?><nitf><body><body.content><p>caf\xe9 \xff\xfe</p></body.content></body></nitf>".to_vec(), "encoding_error"),
        ("noise.bin", noise, "decode_error"),
        ("truncated.xml", b"<?xml version=\"1.0\"?><nitf><body><body.content><p>Cut off mid".to_vec(), "decode_error"),
        ("empty.txt", Vec::new(), "invalid_item"),
        ("package.xml", b"<?xml version=\"1.0\"?><packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:p\" version=\"1\"/>".to_vec(), "package_item"),
        ("picture.xml", b"<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:pic\"><itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta></newsItem>".to_vec(), "unsupported_format"),
        ("page.html", b"<html><body><p>not a news item</p></body></html>".to_vec(), "unsupported_format"),
    ]
}

#[test]
fn hostile_items_are_dead_lettered_and_normal_items_flow() {
    let normal = 300;
    let broker = Broker::start_with_topics();
    let b = broker.addr.clone();
    let dir = std::env::temp_dir().join(format!("newsflow-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    for i in 0..normal {
        let item = format!(
            r#"{{"uri":"urn:normal:{i}","headline":"Normal story {i}","body_text":"OSLO (newsflow test) - Ministers met in Oslo for talks on trade, story {i}."}}"#
        );
        std::fs::write(dir.join(format!("normal-{i:04}.json")), item).expect("write");
    }
    let cases = hostile();
    for (name, bytes, _) in &cases {
        std::fs::write(dir.join(name), bytes).expect("write");
    }
    let ports: Vec<String> = (0..3)
        .map(|_| format!("127.0.0.1:{}", free_port()))
        .collect();
    let stages = ["newsflow-consumer", "newsflow-enricher", "newsflow-sink"];
    let mut procs = Vec::new();
    for (stage, port) in stages.iter().zip(&ports) {
        let group = format!("hostile-{stage}");
        procs.push(service(
            stage,
            &[
                "--brokers",
                &b,
                "--group-id",
                &group,
                "--admin-addr",
                port,
                "--log-format",
                "json",
                "-X",
                "session.timeout.ms=6000",
            ],
        ));
    }
    let fed = newsflow(
        &["feed", "--brokers", &b, dir.to_str().expect("path")],
        Duration::from_secs(120),
    );
    assert!(
        fed.status.success(),
        "{}",
        String::from_utf8_lossy(&fed.stderr)
    );

    let dead = tail(&b, "news.dlq", cases.len());
    let reasons: BTreeMap<String, String> = dead
        .iter()
        .map(|d| {
            (
                d["key"].as_str().unwrap_or("").to_string(),
                d["headers"]["newsflow-reason"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    for (name, bytes, reason) in &cases {
        assert_eq!(
            reasons.get(*name).map(String::as_str),
            Some(*reason),
            "{name}"
        );
        let record = dead
            .iter()
            .find(|d| d["key"] == *name)
            .expect("dead letter");
        if bytes.len() < 64 * 1024 && bytes.is_ascii() && !bytes.is_empty() {
            assert_eq!(
                record["value"],
                serde_json::Value::String(String::from_utf8_lossy(bytes).into_owned()),
                "{name} kept unchanged"
            );
        }
    }
    let enriched = tail(&b, "news.enriched", normal);
    assert_eq!(enriched.len(), normal);
    for (p, stage) in procs.iter_mut().zip(stages) {
        assert!(
            p.child.try_wait().expect("wait").is_none(),
            "{stage} is still running"
        );
    }
    for (port, stage) in ports.iter().zip(stages) {
        let (_, text) = http_get(port, "/metrics").expect("metrics");
        let rss = metric(&text, "process_resident_memory_bytes").expect("rss");
        eprintln!("{stage}: resident memory {:.1} MB", rss / 1e6);
        assert!(rss < 200e6, "{stage} uses {rss} bytes");
    }
    for p in procs {
        let name = p.name.clone();
        assert!(p.terminate(Duration::from_secs(30)).success(), "{name}");
    }
}
