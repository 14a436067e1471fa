//! End to end: Tansu broker process, `newsflow topics create`, the three service binaries,
//! `newsflow feed` of good and malformed items, then the enriched records, the routed
//! topics, the dead letters and the scraped metrics.

use newsflow_model::schema::Validators;
use newsflow_model::EnrichedRecord;
use newsflow_tests::*;
use serde_json::Value;
use std::time::Duration;

#[test]
fn wire_items_flow_through_all_stages() {
    let broker = Broker::start_with_topics();
    let b = broker.addr.as_str();
    let ports: Vec<String> = (0..3)
        .map(|_| format!("127.0.0.1:{}", free_port()))
        .collect();
    let common = |group: &'static str, admin: &str| -> Vec<String> {
        vec![
            "--brokers".into(),
            b.into(),
            "--group-id".into(),
            group.into(),
            "--admin-addr".into(),
            admin.into(),
            "--log-format".into(),
            "json".into(),
            "-X".into(),
            "session.timeout.ms=6000".into(),
            "--drain-timeout".into(),
            "2s".into(),
        ]
    };
    let consumer_args = common("e2e-consumer", &ports[0]);
    let enricher_args = common("e2e-enricher", &ports[1]);
    let mut sink_args = common("e2e-sink", &ports[2]);
    sink_args.extend([
        "--watch".into(),
        "putin=http://www.wikidata.org/entity/Q7747".into(),
    ]);
    fn as_str(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    let consumer = service("newsflow-consumer", &as_str(&consumer_args));
    let enricher = service("newsflow-enricher", &as_str(&enricher_args));
    let sink = service("newsflow-sink", &as_str(&sink_args));

    // Liveness first; readiness once partitions are assigned.
    for p in &ports {
        wait_for("healthz", Duration::from_secs(30), || {
            http_get(p, "/healthz").filter(|(s, _)| *s == 200)
        });
    }

    let samples = root().join("samples");
    let fed = newsflow(
        &["feed", "--brokers", b, samples.to_str().expect("path")],
        Duration::from_secs(60),
    );
    assert!(
        fed.status.success(),
        "feed: {}",
        String::from_utf8_lossy(&fed.stderr)
    );

    // 8 samples: 5 stories, 1 exact duplicate, 2 rejects (truncated JSON, an XML entity bomb).
    let enriched = tail(b, "news.enriched", 5);
    let validators = Validators::new().expect("schemas");
    let mut keys = Vec::new();
    for line in &enriched {
        let value = &line["value"];
        assert_eq!(validators.envelope_errors(value), Vec::<String>::new());
        assert_eq!(
            validators.ninjs_errors(&value["item"]),
            Vec::<String>::new()
        );
        let record: EnrichedRecord = serde_json::from_value(value.clone()).expect("record");
        let body = record.body_text();
        for m in &record.analysis.mentions {
            let slice: String = body.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(slice, m.text);
        }
        let source = record.source.as_ref().expect("source");
        assert_eq!(source.topic, "news.wire.raw");
        assert!(line["headers"]["newsflow-ingest-ts"]
            .as_str()
            .is_some_and(|t| t.parse::<i64>().is_ok()));
        keys.push(line["key"].as_str().expect("key").to_string());
    }
    keys.sort();
    assert!(
        keys.contains(&"urn:newsflow:sample:quake".to_string())
            && keys.contains(&"urn:newsflow:sample:ecb-rates".to_string()),
        "{keys:?}"
    );
    let seed = enriched
        .iter()
        .map(|l| serde_json::from_value::<EnrichedRecord>(l["value"].clone()).expect("record"))
        .find(|r| r.body_text().starts_with("China News Service"))
        .expect("the seed story");
    assert_eq!(
        seed.source.as_ref().map(|s| s.format.as_str()),
        Some("plain-text")
    );
    assert!(seed
        .analysis
        .entities
        .iter()
        .any(|e| e.uri.as_deref() == Some("http://www.wikidata.org/entity/Q7747")));

    // Each record's source coordinates point at the raw item it came from.
    let raw = tail(b, "news.wire.raw", 8);
    for line in &enriched {
        let source = &line["value"]["source"];
        let item = raw
            .iter()
            .find(|r| r["partition"] == source["partition"] && r["offset"] == source["offset"])
            .expect("the raw record named by source");
        let raw_key = item["key"].as_str().expect("raw key");
        let uri = line["value"]["item"]["uri"].as_str().expect("uri");
        if let Some(raw_uri) = item["value"]["uri"].as_str() {
            assert_eq!(raw_uri, uri);
        } else {
            assert!(
                raw_key.starts_with("putin-minsk")
                    || raw_key == "trade-talks.txt"
                    || raw_key == "agency.nitf.xml",
                "{raw_key}"
            );
        }
    }

    // Dead letters, with their reason headers and source coordinates.
    let dead = tail(b, "news.dlq", 2);
    let reason_of = |key: &str| -> Value {
        dead.iter()
            .find(|d| d["key"] == key)
            .map(|d| d["headers"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(reason_of("broken.json")["newsflow-reason"], "decode_error");
    assert_eq!(
        reason_of("entity-bomb.xml")["newsflow-reason"],
        "decode_error"
    );
    for d in &dead {
        assert_eq!(d["headers"]["newsflow-stage"], "consumer");
        assert_eq!(d["headers"]["newsflow-source-topic"], "news.wire.raw");
        assert!(d["headers"]["newsflow-source-offset"]
            .as_str()
            .is_some_and(|o| o.parse::<i64>().is_ok()));
        assert!(d["headers"]["newsflow-error"]
            .as_str()
            .is_some_and(|e| !e.is_empty()));
    }
    let raw_bomb = std::fs::read_to_string(samples.join("entity-bomb.xml")).expect("bomb");
    assert_eq!(
        dead.iter()
            .find(|d| d["key"] == "entity-bomb.xml")
            .map(|d| d["value"].clone()),
        Some(Value::String(raw_bomb)),
        "dead letters keep the value unchanged"
    );

    // Routed topics by IPTC top level, and the watch-list alert.
    let disaster = tail(b, "news.topic.disaster-accident-and-emergency-incident", 2);
    let mut disaster_keys: Vec<&str> = disaster.iter().filter_map(|d| d["key"].as_str()).collect();
    disaster_keys.sort();
    assert_eq!(
        disaster_keys,
        vec!["newsflow-sample-wildfire-1", "urn:newsflow:sample:quake"]
    );
    let politics = tail(b, "news.topic.politics-and-government", 1);
    assert!(politics[0]["value"]["analysis"]["subjects"]
        .as_array()
        .is_some_and(|s| s
            .iter()
            .any(|s| s["top_level"] == "politics and government")));
    let alerts = tail(b, "news.alerts", 1);
    assert_eq!(alerts[0]["value"]["rule"], "putin");
    assert_eq!(
        alerts[0]["value"]["matched"][0],
        "http://www.wikidata.org/entity/Q7747"
    );

    // Metrics, scraped over HTTP once the counts settle.
    let consumer_metrics = wait_for("consumer metrics", Duration::from_secs(30), || {
        let (_, text) = http_get(&ports[0], "/metrics")?;
        (metric(
            &text,
            "newsflow_records_received_total{stage=\"consumer\",topic=\"news.wire.raw\"}",
        ) == Some(8.0))
        .then_some(text)
    });
    assert_eq!(
        metric(
            &consumer_metrics,
            "newsflow_duplicates_dropped_total{stage=\"consumer\"}"
        ),
        Some(1.0)
    );
    assert_eq!(
        metric(
            &consumer_metrics,
            "newsflow_records_rejected_total{reason=\"decode_error\",stage=\"consumer\"}"
        ),
        Some(2.0)
    );
    assert_eq!(
        metric(
            &consumer_metrics,
            "newsflow_records_rejected_total{reason=\"too_large\",stage=\"consumer\"}"
        ),
        Some(0.0),
        "pre-initialised"
    );
    assert_eq!(
        metric(
            &consumer_metrics,
            "newsflow_records_produced_total{stage=\"consumer\",topic=\"news.articles\"}"
        ),
        Some(5.0)
    );
    assert!(metric(&consumer_metrics, "process_resident_memory_bytes").is_some_and(|m| m > 0.0));
    let enricher_metrics = wait_for("enricher metrics", Duration::from_secs(30), || {
        let (_, text) = http_get(&ports[1], "/metrics")?;
        (metric(
            &text,
            "newsflow_records_produced_total{stage=\"enricher\",topic=\"news.enriched\"}",
        ) == Some(5.0))
        .then_some(text)
    });
    assert!(metric(
        &enricher_metrics,
        "newsflow_entities_tagged_total{kind=\"person\",stage=\"enricher\"}"
    )
    .is_some_and(|n| n >= 15.0));
    assert!(metric(
        &enricher_metrics,
        "newsflow_end_to_end_latency_seconds_count{stage=\"enricher\"}"
    )
    .is_some_and(|n| n >= 5.0));
    let (ready, _) = http_get(&ports[2], "/readyz").expect("readyz");
    assert_eq!(ready, 200, "sink is ready while assigned and running");

    // The container health check, by URL and from NEWSFLOW_ADMIN_ADDR.
    let url = format!("http://{}/healthz", ports[0]);
    assert!(newsflow(&["health", &url], Duration::from_secs(10))
        .status
        .success());
    let by_env = bin("newsflow")
        .arg("health")
        .env("NEWSFLOW_ADMIN_ADDR", &ports[1])
        .status()
        .expect("health");
    assert!(by_env.success());
    let dead_port = format!("http://127.0.0.1:{}/healthz", free_port());
    assert!(!newsflow(&["health", &dead_port], Duration::from_secs(10))
        .status
        .success());

    // DLQ replay: the decode errors go back to news.wire.raw, unchanged, marked as replayed.
    let dry = newsflow(
        &[
            "dlq",
            "replay",
            "--brokers",
            b,
            "--reason",
            "decode_error",
            "--dry-run",
        ],
        Duration::from_secs(60),
    );
    assert!(dry.status.success());
    assert_eq!(String::from_utf8_lossy(&dry.stdout).lines().count(), 2);
    let replay = newsflow(
        &["dlq", "replay", "--brokers", b, "--reason", "decode_error"],
        Duration::from_secs(60),
    );
    assert!(
        replay.status.success(),
        "{}",
        String::from_utf8_lossy(&replay.stderr)
    );
    assert!(String::from_utf8_lossy(&replay.stderr).contains("replayed 2 of 2"));
    let raw = tail(b, "news.wire.raw", 10);
    let replayed: Vec<&Value> = raw
        .iter()
        .filter(|r| r["headers"]["newsflow-replayed-from"].is_string())
        .collect();
    assert_eq!(replayed.len(), 2);
    let bomb = replayed
        .iter()
        .find(|r| r["key"] == "entity-bomb.xml")
        .expect("bomb replayed");
    assert_eq!(
        bomb["value"],
        Value::String(std::fs::read_to_string(samples.join("entity-bomb.xml")).expect("bomb"))
    );
    assert!(
        bomb["headers"]["newsflow-reason"].is_null(),
        "DLQ headers are not replayed"
    );
    wait_for(
        "the replayed records to be rejected again",
        Duration::from_secs(30),
        || {
            let (_, text) = http_get(&ports[0], "/metrics")?;
            (metric(
                &text,
                "newsflow_records_rejected_total{reason=\"decode_error\",stage=\"consumer\"}",
            ) == Some(4.0))
            .then_some(())
        },
    );

    // Graceful shutdown on SIGTERM: exit 0.
    for p in [sink, enricher, consumer] {
        let name = p.name.clone();
        let status = p.terminate(Duration::from_secs(30));
        assert!(status.success(), "{name} exited with {status}");
    }
}

#[test]
fn invalid_configuration_exits_64_with_one_line() {
    let out = bin("newsflow-enricher")
        .args(["--admin-addr", "not-an-address"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("admin-addr"), "{err}");
    let out = bin("newsflow-sink")
        .args(["--no-such-flag"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
}

#[test]
fn eval_commands_print_reproducible_figures() {
    let data = root().join("tests/data");
    let text = newsflow_ok(&[
        "eval",
        "ner",
        data.join("tiny.conll").to_str().expect("path"),
    ]);
    let overall = text
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("overall line");
    let f1: f64 = overall
        .split_whitespace()
        .nth(3)
        .expect("F1")
        .parse()
        .expect("number");
    assert!(f1 >= 80.0, "{text}");
    assert!(text.contains("tokens/s"));
    let text = newsflow_ok(&[
        "eval",
        "topics",
        data.join("tiny-topics.csv").to_str().expect("path"),
    ]);
    assert!(text.contains("2 rows, accuracy 100.00%"), "{text}");
}

#[test]
fn eval_ner_reads_a_directory_of_gum_documents_and_lists_the_misjudged_spans() {
    let dir = root().join("tests/data/gum");
    let text = newsflow_ok(&["eval", "ner", "--errors", dir.to_str().expect("path")]);
    // Two `# newdoc` documents; "Bank of England" is one gold organisation; the gold calls
    // "London" a person (on purpose), so it is listed from both sides.
    assert!(
        text.contains("2 documents, 2 sentences, 18 tokens"),
        "{text}"
    );
    assert!(text.contains("- LOC  London "), "{text}");
    assert!(text.contains("+ PER  London "), "{text}");
    let org = text
        .lines()
        .find(|l| l.starts_with("ORG "))
        .expect("ORG line");
    assert_eq!(org.split_whitespace().nth(4), Some("1"), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with(['+', '-'])).count(),
        2,
        "{text}"
    );
}
