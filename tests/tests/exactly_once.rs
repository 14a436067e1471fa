//! Exactly-once against the broker process: the consumer stage in `--delivery exactly-once`
//! is `kill -9`-ed the moment its last output becomes visible to a `read_committed` reader —
//! at-least-once would still owe the offset commit then (it commits every second) and redo the
//! tail after a restart. Restarted with the same transactional id, it must resume exactly after
//! its last committed transaction: markers fed afterwards come out, and no item twice.

use newsflow_tests::*;
use std::collections::HashSet;
use std::time::Duration;

/// Every record of `topic` (read_committed, librdkafka's default) as keys.
fn keys(b: &str, topic: &str) -> Vec<String> {
    let out = newsflow(
        &[
            "tail",
            "--brokers",
            b,
            "--topic",
            topic,
            "--from-beginning",
            "--exit-at-end",
        ],
        Duration::from_secs(60),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            v["value"]["id"].as_str().map(str::to_string)
        })
        .collect()
}

/// `newsflow feed` of a directory; fails the test if any delivery fails.
fn feed(b: &str, dir: &std::path::Path) {
    let out = newsflow(
        &["feed", "--brokers", b, dir.to_str().expect("path")],
        Duration::from_secs(120),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn write_items(dir: &std::path::Path, prefix: &str, n: usize) {
    std::fs::create_dir_all(dir).expect("dir");
    for i in 0..n {
        let item = format!(
            r#"{{"uri":"urn:{prefix}:{i}","version":"1","headline":"Item {i} ({prefix})","body_text":"GENEVA (newsflow) - Talks on item {i} resumed on Monday, officials said."}}"#
        );
        std::fs::write(dir.join(format!("{prefix}-{i:05}.json")), item).expect("write");
    }
}

#[test]
fn a_killed_exactly_once_stage_resumes_after_its_last_transaction() {
    let broker = Broker::start_with_topics();
    let b = broker.addr.clone();
    let dir = root().join(format!("target/eos-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (items, markers) = (600, 40);
    write_items(&dir.join("items"), "eos", items);
    write_items(&dir.join("markers"), "marker", markers);

    let start = || {
        service(
            "newsflow-consumer",
            &[
                "--brokers",
                &b,
                "--group-id",
                "eos-consumer",
                "--admin-addr",
                "off",
                "--log-format",
                "json",
                "--delivery",
                "exactly-once",
                "--transactional-id",
                "eos-consumer-0",
                "-X",
                "session.timeout.ms=6000",
            ],
        )
    };
    let mut stage = start();
    feed(&b, &dir.join("items"));
    wait_for(
        "every item to be committed",
        Duration::from_secs(120),
        || (keys(&b, "news.articles").len() >= items).then_some(()),
    );
    // No drain, no final commit.
    let _ = stage.child.kill();
    let _ = stage.child.wait();
    drop(stage);

    let restarted = start();
    feed(&b, &dir.join("markers"));
    // Markers land on every partition; once all are out, each partition has been resumed.
    let all = wait_for("the markers", Duration::from_secs(120), || {
        let k = keys(&b, "news.articles");
        (k.iter().filter(|k| k.starts_with("urn:marker:")).count() >= markers).then_some(k)
    });
    let distinct: HashSet<&String> = all.iter().collect();
    eprintln!(
        "exactly-once restart: {} records, {} distinct",
        all.len(),
        distinct.len()
    );
    assert_eq!(distinct.len(), items + markers);
    assert_eq!(all.len(), items + markers, "an item was produced twice");
    assert!(restarted.terminate(Duration::from_secs(30)).success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A second instance with the same transactional id fences the first: the first stops with an
/// error at its next transaction while the second runs on. (The second uses its own consumer
/// group: joining the same group while the first was being fenced, it got no partitions from
/// Tansu 0.6 within two minutes, even after the first had exited; a same-group takeover is not
/// tested here.)
#[test]
fn a_second_instance_with_the_same_transactional_id_fences_the_first() {
    let broker = Broker::start_with_topics();
    let b = broker.addr.clone();
    let dir = root().join(format!("target/eos-fence-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (first, second) = (200, 200);
    write_items(&dir.join("first"), "first", first);
    write_items(&dir.join("second"), "second", second);

    let start = |name: &str| -> (Proc, std::path::PathBuf) {
        let log = dir.join(format!("{name}.log"));
        let group = format!("eos-fence-{name}");
        let mut cmd = bin("newsflow-consumer");
        cmd.args(["--brokers", &b, "--group-id", &group, "--admin-addr", "off"])
            .args(["--log-format", "json", "--delivery", "exactly-once"])
            .args([
                "--transactional-id",
                "eos-fence-0",
                "-X",
                "session.timeout.ms=6000",
            ]);
        (Proc::logged(&mut cmd, name, &log), log)
    };
    let count = |prefix: &str| {
        keys(&b, "news.articles")
            .iter()
            .filter(|k| k.starts_with(prefix))
            .count()
    };

    let (mut a, a_log) = start("a");
    feed(&b, &dir.join("first"));
    wait_for("the first items", Duration::from_secs(120), || {
        (count("urn:first:") >= first).then_some(())
    });
    let (mut second_instance, b_log) = start("b");
    wait_for(
        "the second instance to take the id",
        Duration::from_secs(60),
        || {
            std::fs::read_to_string(&b_log)
                .ok()
                .filter(|l| l.contains("stage started"))
        },
    );
    feed(&b, &dir.join("second"));
    let status = wait_for(
        "the fenced instance to stop",
        Duration::from_secs(120),
        || a.child.try_wait().ok().flatten(),
    );
    assert!(
        !status.success(),
        "the fenced instance exited cleanly: {status}"
    );
    let log = std::fs::read_to_string(&a_log).expect("log");
    assert!(log.contains("fenced by a newer instance"), "{log}");
    // The newer instance carries on: the second items come out through it.
    wait_for("the second items", Duration::from_secs(120), || {
        (count("urn:second:") >= second).then_some(())
    });
    assert!(
        second_instance.child.try_wait().expect("wait").is_none(),
        "the newer instance stopped"
    );
    assert!(second_instance.terminate(Duration::from_secs(30)).success());
    drop(a);
    let _ = std::fs::remove_dir_all(&dir);
}
