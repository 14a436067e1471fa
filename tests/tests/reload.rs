//! The enricher reloads its operator knowledge base on SIGHUP, without a restart.

use newsflow_tests::*;
use std::time::Duration;

fn article(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","uri":"urn:test:{id}","format":"plain-text","body_text":"Zorblat Industries said on Monday that Zorblat Industries would open a factory in Minsk."}}"#
    )
}

fn zorblat_uri(record: &serde_json::Value) -> Option<String> {
    record["value"]["analysis"]["mentions"]
        .as_array()?
        .iter()
        .find(|m| m["text"] == "Zorblat Industries")
        .and_then(|m| m["uri"].as_str().map(str::to_string))
}

#[test]
fn sighup_reloads_the_knowledge_base() {
    let broker = Broker::start_with_topics();
    let b = broker.addr.as_str();
    let dir = std::env::temp_dir().join(format!("newsflow-reload-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let kb = dir.join("kb.tsv");
    std::fs::write(&kb, "organisation\tZorblat Industries\t\t\tcompany\tBY\t\n").expect("kb");
    let log = root().join("target/reload-enricher.log");
    let admin = format!("127.0.0.1:{}", free_port());
    let mut cmd = bin("newsflow-enricher");
    cmd.args([
        "--brokers",
        b,
        "--group-id",
        "reload",
        "--admin-addr",
        &admin,
        "--log-format",
        "json",
        "-X",
        "session.timeout.ms=6000",
    ])
    .arg("--kb-file")
    .arg(&kb)
    .env("RUST_LOG", "info");
    let enricher = Proc::logged(&mut cmd, "enricher", &log);

    let first = dir.join("first.json");
    std::fs::write(&first, article("first")).expect("write");
    assert!(newsflow(
        &[
            "feed",
            "--brokers",
            b,
            "--topic",
            "news.articles",
            first.to_str().expect("path")
        ],
        Duration::from_secs(60)
    )
    .status
    .success());
    let records = tail(b, "news.enriched", 1);
    assert_eq!(
        zorblat_uri(&records[0]),
        None,
        "known but unlinked at first"
    );

    std::fs::write(
        &kb,
        "organisation\tZorblat Industries\tQ4115189\t\tcompany\tBY\t\n",
    )
    .expect("kb");
    let pid = enricher.child.id().to_string();
    assert!(std::process::Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .expect("kill")
        .success());
    wait_for("the reload to be logged", Duration::from_secs(30), || {
        std::fs::read_to_string(&log)
            .ok()
            .filter(|l| l.contains("knowledge base reloaded"))
            .map(|_| ())
    });

    let second = dir.join("second.json");
    std::fs::write(&second, article("second")).expect("write");
    assert!(newsflow(
        &[
            "feed",
            "--brokers",
            b,
            "--topic",
            "news.articles",
            second.to_str().expect("path")
        ],
        Duration::from_secs(60)
    )
    .status
    .success());
    let records = tail(b, "news.enriched", 2);
    let second = records
        .iter()
        .find(|r| r["key"] == "second")
        .expect("second record");
    assert_eq!(
        zorblat_uri(second).as_deref(),
        Some("http://www.wikidata.org/entity/Q4115189")
    );
    let status = enricher.terminate(Duration::from_secs(30));
    assert!(
        status.success(),
        "still running and healthy after the reload: {status}"
    );
}
