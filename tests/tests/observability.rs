//! Observability, checked with the real tools: the three services run against the test broker
//! with exactly the environment the compose file gives them (addresses made local), a real
//! Prometheus scrapes them with the shipped scrape config (DNS discovery swapped for their local
//! ports) and the shipped alert rules, and every metric the dashboard and the alerts use must
//! exist in what it scraped; every dashboard query must run.

use newsflow_tests::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

fn yaml(path: &str) -> serde_norway::Value {
    let text = std::fs::read_to_string(root().join(path)).expect(path);
    let mut v: serde_norway::Value = serde_norway::from_str(&text).expect(path);
    v.apply_merge().expect("merge keys");
    v
}

/// `prometheus` from `NEWSFLOW_TEST_PROMETHEUS` or `PATH`; fails with instructions otherwise.
fn tool(env: &str, name: &str) -> PathBuf {
    if let Ok(p) = std::env::var(env) {
        return PathBuf::from(p);
    }
    std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join(name)).find(|p| p.is_file()))
        .unwrap_or_else(|| panic!("{name} not found: install Debian's `prometheus` package (scripts/test.sh does) or set {env}"))
}

/// Identifiers in a PromQL expression that name metrics.
fn metric_names(expr: &str) -> BTreeSet<String> {
    expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .filter(|t| t.starts_with("newsflow_") || t.starts_with("process_") || *t == "up")
        .map(str::to_string)
        .collect()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn api(prom: &str, path: &str) -> Option<Value> {
    let (status, body) = http_get(prom, path)?;
    (status == 200)
        .then(|| serde_json::from_str(&body).ok())
        .flatten()
}

#[test]
fn prometheus_scrapes_every_stage_and_knows_every_dashboard_and_alert_metric() {
    let broker = Broker::start_with_topics();
    let compose = yaml("docker-compose.yml");
    let stages = [
        ("consumer", "newsflow-consumer", "newsflow-consumer"),
        ("enricher", "newsflow-enricher", "newsflow-enricher"),
        ("sink", "newsflow-sink", "newsflow-sink"),
    ];
    let mut ports: BTreeMap<&str, String> = BTreeMap::new();
    let mut procs = Vec::new();
    for (service, binary, job) in stages {
        let env = compose["services"][service]["environment"]
            .as_mapping()
            .expect("environment");
        let cmd = compose["services"][service]["command"][0]
            .as_str()
            .expect("command");
        assert_eq!(cmd, binary, "compose runs {binary} for {service}");
        let port = free_port();
        let mut c = bin(binary);
        c.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default());
        for (k, v) in env {
            let k = k.as_str().expect("key");
            let v = match v {
                serde_norway::Value::String(s) => s.clone(),
                other => serde_norway::to_string(other)
                    .expect("value")
                    .trim()
                    .to_string(),
            };
            let v = match k {
                "NEWSFLOW_BROKERS" => broker.addr.clone(),
                "NEWSFLOW_ADMIN_ADDR" => format!("127.0.0.1:{port}"),
                _ => v,
            };
            c.env(k, v);
        }
        c.env("NEWSFLOW_GROUP_ID", format!("obs-{service}"))
            .env("NEWSFLOW_KAFKA_SESSION_TIMEOUT_MS", "6000");
        let log =
            std::fs::File::create(root().join(format!("target/obs-{service}.log"))).expect("log");
        let child = c.stdout(Stdio::null()).stderr(log).spawn().expect("spawn");
        procs.push(Proc {
            child,
            name: service.into(),
        });
        ports.insert(job, format!("127.0.0.1:{port}"));
    }

    // The shipped scrape config, with DNS discovery swapped for the local ports.
    let mut prom_cfg = yaml("deploy/prometheus/prometheus.yml");
    prom_cfg["global"]["scrape_interval"] = "1s".into();
    prom_cfg["global"]["evaluation_interval"] = "1s".into();
    let rules = root().join("deploy/prometheus/alerts.yml");
    prom_cfg["rule_files"] =
        serde_norway::Value::Sequence(vec![rules.display().to_string().into()]);
    let jobs = prom_cfg["scrape_configs"]
        .as_sequence_mut()
        .expect("scrape_configs");
    jobs.retain(|j| {
        j["job_name"]
            .as_str()
            .is_some_and(|n| n.starts_with("newsflow-"))
    });
    assert_eq!(jobs.len(), 3, "one scrape job per stage");
    for j in jobs.iter_mut() {
        let name = j["job_name"].as_str().expect("name").to_string();
        assert!(
            j.get("dns_sd_configs").is_some(),
            "{name} discovers replicas through DNS"
        );
        let m = j.as_mapping_mut().expect("job");
        m.remove("dns_sd_configs");
        let target = ports
            .get(name.as_str())
            .expect("a service for the job")
            .clone();
        m.insert(
            "static_configs".into(),
            serde_norway::from_str(&format!("[{{targets: ['{target}']}}]")).expect("yaml"),
        );
    }
    let dir = tempdir();
    let cfg_path = dir.join("prometheus.yml");
    std::fs::write(&cfg_path, serde_norway::to_string(&prom_cfg).expect("yaml"))
        .expect("write config");
    let promtool = tool("NEWSFLOW_TEST_PROMTOOL", "promtool");
    let check = Command::new(&promtool)
        .args(["check", "config"])
        .arg(&cfg_path)
        .output()
        .expect("promtool");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );

    let prom_addr = format!("127.0.0.1:{}", free_port());
    let prom = Command::new(tool("NEWSFLOW_TEST_PROMETHEUS", "prometheus"))
        .arg(format!("--config.file={}", cfg_path.display()))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.join("data").display()
        ))
        .arg(format!("--web.listen-address={prom_addr}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("prometheus");
    let _prom = Proc {
        child: prom,
        name: "prometheus".into(),
    };

    let fed = newsflow(
        &[
            "feed",
            "--brokers",
            &broker.addr,
            root().join("samples").to_str().expect("path"),
        ],
        Duration::from_secs(60),
    );
    assert!(fed.status.success());

    // Every target up.
    wait_for("every target up", Duration::from_secs(60), || {
        let v = api(&prom_addr, "/api/v1/targets")?;
        let active = v["data"]["activeTargets"].as_array()?;
        (active.len() == 3 && active.iter().all(|t| t["health"] == "up")).then_some(())
    });
    // The enriched records reached the sink, so every stage has counted something.
    let names: BTreeSet<String> = wait_for(
        "the pipeline's metrics in Prometheus",
        Duration::from_secs(90),
        || {
            let q = encode("sum(newsflow_records_received_total{stage=\"sink\"})");
            let v = api(&prom_addr, &format!("/api/v1/query?query={q}"))?;
            let n: f64 = v["data"]["result"][0]["value"][1].as_str()?.parse().ok()?;
            if n < 5.0 {
                return None;
            }
            let v = api(&prom_addr, "/api/v1/label/__name__/values")?;
            Some(
                v["data"]
                    .as_array()?
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_string))
                    .collect(),
            )
        },
    );

    let dashboard: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("deploy/grafana/dashboards/newsflow.json"))
            .expect("dashboard"),
    )
    .expect("json");
    let mut exprs: Vec<String> = Vec::new();
    for p in dashboard["panels"].as_array().expect("panels") {
        for t in p["targets"].as_array().expect("targets") {
            exprs.push(t["expr"].as_str().expect("expr").to_string());
        }
    }
    assert!(exprs.len() >= 16);
    let alerts = yaml("deploy/prometheus/alerts.yml");
    let alert_exprs: Vec<String> = alerts["groups"][0]["rules"]
        .as_sequence()
        .expect("rules")
        .iter()
        .map(|r| r["expr"].as_str().expect("expr").to_string())
        .collect();
    for e in exprs.iter().chain(&alert_exprs) {
        for m in metric_names(e) {
            assert!(
                names.contains(&m),
                "{m} (in {e}) is not exported by any stage"
            );
        }
    }
    // Every dashboard query runs.
    for e in &exprs {
        let q = encode(&e.replace("$__rate_interval", "1m"));
        let v = api(&prom_addr, &format!("/api/v1/query?query={q}")).unwrap_or(Value::Null);
        assert_eq!(v["status"], "success", "{e}");
    }
    // The alert rules are loaded and healthy.
    let rules = wait_for("rules evaluated", Duration::from_secs(30), || {
        let v = api(&prom_addr, "/api/v1/rules")?;
        let rules = v["data"]["groups"][0]["rules"].as_array()?.clone();
        rules.iter().all(|r| r["health"] == "ok").then_some(rules)
    });
    assert_eq!(rules.len(), alert_exprs.len());
    // Nothing fires on a healthy pipeline.
    let firing: Vec<&Value> = rules.iter().filter(|r| r["state"] == "firing").collect();
    assert!(firing.is_empty(), "{firing:?}");
    drop(procs);
}

fn tempdir() -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "newsflow-obs-{}-{}",
        std::process::id(),
        free_port()
    ));
    std::fs::create_dir_all(&d).expect("tempdir");
    d
}
