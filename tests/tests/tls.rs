//! TLS: with the `tls` feature (CI builds it) every binary reaches a broker that only speaks
//! mutual TLS, with settings passed as `NEWSFLOW_KAFKA_*` variables (as compose does) and `-X`
//! flags; a client that does not trust the broker's CA stays unready. Without the feature,
//! asking for TLS is a clear start-up error.

use newsflow_tests::*;

#[cfg(feature = "tls")]
#[test]
fn the_pipeline_runs_over_mutual_tls_with_an_encrypted_client_key() {
    use std::time::Duration;

    let dir = root().join("target/tls-test");
    let _ = std::fs::remove_dir_all(&dir);
    let key_password = "kp-9f3c1e-never-logged";
    make_certificates(&dir, key_password);
    let broker = TlsBroker::start(&dir);
    let b = broker.addr.as_str();
    let file = |n: &str| dir.join(n).to_str().expect("path").to_string();
    let settings = [
        ("security.protocol", "SSL".to_string()),
        ("ssl.ca.location", file("ca.pem")),
        ("ssl.certificate.location", file("client.pem")),
        ("ssl.key.location", file("client.key")),
        ("ssl.key.password", key_password.to_string()),
    ];
    let flags: Vec<String> = settings
        .iter()
        .flat_map(|(k, v)| ["-X".to_string(), format!("{k}={v}")])
        .collect();
    let with_flags = |args: &[&str]| -> Vec<String> {
        args.iter()
            .map(|s| s.to_string())
            .chain(flags.iter().cloned())
            .collect()
    };
    let run = |args: Vec<String>| -> String {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        newsflow_ok(&args)
    };

    let created = run(with_flags(&[
        "topics",
        "create",
        "--brokers",
        b,
        "--partitions",
        "2",
    ]));
    assert_eq!(
        created.lines().filter(|l| l.starts_with("created")).count(),
        22,
        "{created}"
    );

    // The three services, configured through the environment only.
    let mut services = Vec::new();
    let mut admins = Vec::new();
    for stage in ["consumer", "enricher", "sink"] {
        let admin = format!("127.0.0.1:{}", free_port());
        let log = root().join(format!("target/tls-{stage}.log"));
        let mut cmd = bin(&format!("newsflow-{stage}"));
        cmd.env("NEWSFLOW_BROKERS", b)
            .env("NEWSFLOW_GROUP_ID", format!("tls-{stage}"))
            .env("NEWSFLOW_ADMIN_ADDR", &admin)
            .env("NEWSFLOW_LOG_FORMAT", "json")
            .env("NEWSFLOW_KAFKA_SESSION_TIMEOUT_MS", "6000")
            .env("RUST_LOG", "debug");
        for (k, v) in &settings {
            cmd.env(
                format!("NEWSFLOW_KAFKA_{}", k.to_uppercase().replace('.', "_")),
                v,
            );
        }
        services.push((Proc::logged(&mut cmd, stage, &log), log));
        admins.push(admin);
    }
    for admin in &admins {
        wait_for("a service ready over TLS", Duration::from_secs(60), || {
            http_get(admin, "/readyz").filter(|(s, _)| *s == 200)
        });
    }

    let samples = root().join("samples");
    run(with_flags(&[
        "feed",
        "--brokers",
        b,
        samples.to_str().expect("path"),
    ]));
    // 8 samples: 5 stories, 1 exact duplicate, 2 rejects.
    let enriched = run(with_flags(&[
        "tail",
        "--brokers",
        b,
        "--topic",
        "news.enriched",
        "--from-beginning",
        "--count",
        "5",
    ]));
    let records: Vec<serde_json::Value> = enriched
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(records.len(), 5, "{enriched}");
    let putin = records.iter().any(|r| {
        r["value"]["analysis"]["entities"]
            .as_array()
            .is_some_and(|es| es.iter().any(|e| e["name"] == "Vladimir Putin"))
    });
    assert!(putin, "the seed story was not enriched: {enriched}");

    // A client that does not trust the broker's certificate never becomes ready.
    let admin = format!("127.0.0.1:{}", free_port());
    let log = root().join("target/tls-untrusting.log");
    let mut cmd = bin("newsflow-consumer");
    cmd.args([
        "--brokers",
        b,
        "--admin-addr",
        &admin,
        "--log-format",
        "json",
    ])
    .args(["--group-id", "tls-untrusting"])
    .args(["-X", "security.protocol=SSL"])
    .arg("-X")
    .arg(format!("ssl.ca.location={}", file("client.pem")));
    let untrusting = Proc::logged(&mut cmd, "untrusting", &log);
    wait_for(
        "the certificate failure in the log",
        Duration::from_secs(60),
        || {
            std::fs::read_to_string(&log)
                .ok()
                .filter(|l| l.contains("certificate verify failed"))
        },
    );
    let (ready, _) = http_get(&admin, "/readyz").expect("readyz");
    assert_eq!(ready, 503);
    drop(untrusting);

    for ((proc, log), admin) in services.into_iter().zip(&admins) {
        let (_, metrics) = http_get(admin, "/metrics").expect("metrics");
        assert!(
            !metrics.contains(key_password),
            "the key password is in /metrics"
        );
        let status = proc.terminate(Duration::from_secs(30));
        assert!(status.success(), "{status}");
        let logged = std::fs::read_to_string(&log).expect("log");
        assert!(
            !logged.contains(key_password),
            "the key password is in the logs"
        );
    }
}

#[cfg(not(feature = "tls"))]
#[test]
fn asking_for_tls_without_the_feature_is_a_clear_start_up_error() {
    let out = bin("newsflow-consumer")
        .args(["--brokers", "localhost:9093", "--admin-addr", "off"])
        .args(["-X", "security.protocol=SSL"])
        .output()
        .expect("consumer");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("security.protocol") && err.contains("OpenSSL"),
        "{err}"
    );
}
