//! Secrets passed to librdkafka never reach the logs or `/metrics`, and the admin server serves
//! nothing but health and metrics.

use newsflow_tests::*;
use std::time::Duration;

#[test]
fn secrets_stay_out_of_logs_and_metrics_and_the_admin_server_serves_only_its_endpoints() {
    let broker = Broker::start_with_topics();
    let secret = "S3cr3t-never-logged-7d1f";

    // A setting this build cannot use (OIDC needs libcurl) stops the service; librdkafka's error
    // quotes the value, the service's names the key only.
    let refused = bin("newsflow-consumer")
        .args([
            "--brokers",
            &broker.addr,
            "--admin-addr",
            "off",
            "--log-format",
            "json",
        ])
        .env("NEWSFLOW_KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET", secret)
        .output()
        .expect("consumer");
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("sasl.oauthbearer.client.secret") && err.contains("***"),
        "{err}"
    );
    assert!(!err.contains(secret), "the secret is in the error: {err}");

    let admin = format!("127.0.0.1:{}", free_port());
    let log = root().join("target/security-consumer.log");
    let mut cmd = bin("newsflow-consumer");
    cmd.args([
        "--brokers",
        &broker.addr,
        "--admin-addr",
        &admin,
        "--log-format",
        "json",
        "--group-id",
        "security",
    ])
    .args([
        "-X",
        "security.protocol=SASL_PLAINTEXT",
        "-X",
        "sasl.mechanisms=PLAIN",
        "-X",
        "sasl.username=newsflow",
    ])
    .arg("-X")
    .arg(format!("sasl.password={secret}"))
    .env("RUST_LOG", "debug");
    let consumer = Proc::logged(&mut cmd, "consumer", &log);
    wait_for("the admin server", Duration::from_secs(30), || {
        http_get(&admin, "/healthz").filter(|(s, _)| *s == 200)
    });
    // The broker does not speak SASL here: wait until the client has logged its failure.
    wait_for(
        "the client to log its connection errors",
        Duration::from_secs(60),
        || {
            std::fs::read_to_string(&log)
                .ok()
                .filter(|l| l.contains("kafka client error"))
                .map(|_| ())
        },
    );
    let (status, metrics) = http_get(&admin, "/metrics").expect("metrics");
    assert_eq!(status, 200);
    assert!(!metrics.contains(secret), "the secret is in /metrics");
    for path in ["/", "/config", "/debug/vars", "/metrics/../config"] {
        let (status, _) = http_get(&admin, path).expect("answer");
        assert_eq!(status, 404, "{path} is served");
    }
    let (ready, _) = http_get(&admin, "/readyz").expect("readyz");
    assert_eq!(ready, 503, "not ready without a working broker connection");
    let status = consumer.terminate(Duration::from_secs(30));
    assert!(status.success(), "{status}");
    let logged = std::fs::read_to_string(&log).expect("log");
    assert!(!logged.is_empty());
    assert!(!logged.contains(secret), "the secret is in the logs");
}
