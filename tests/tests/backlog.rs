//! Backpressure and bounded memory: a backlog waits in the raw topic before the services
//! start; the consumer outpaces the enricher (the slow downstream: one worker), so the articles
//! topic backs up too. While everything drains, each service's resident memory (sampled from
//! `/metrics`) stays under the bound and in-flight work under `--max-inflight-per-partition`
//! per partition. CI runs 2,000 items; the long mode for the figures is
//! `NEWSFLOW_BACKLOG_ITEMS=200000 NEWSFLOW_TEST_PROFILE=release cargo test -p newsflow-tests
//! --test backlog -- --nocapture` (`NEWSFLOW_BACKLOG_RSS_MB` sets the bound, default 200).

use newsflow_tests::*;
use std::io::Write;
use std::time::{Duration, Instant};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A ~2 KB story, distinct per `i`.
fn story(i: usize) -> String {
    const PLACES: [&str; 6] = ["Minsk", "Geneva", "Nairobi", "Lima", "Hanoi", "Oslo"];
    let place = PLACES[i % PLACES.len()];
    let mut body = format!(
        "{}, May {} (newsflow backlog) - Ministers meeting in {place} agreed on item {i} on \
         Tuesday to resume talks on trade, energy and security, officials said.",
        place.to_uppercase(),
        1 + i % 28
    );
    for p in 0..6 {
        body.push_str(&format!(
            "\\n\\nParagraph {p} of item {i}: the European Union and the United Nations said \
             the agreement on natural gas prices and sanctions would be reviewed in {} weeks, \
             while Reuters reported that the central bank held interest rates.",
            (i + p) % 12 + 1
        ));
    }
    format!(
        r#"{{"uri":"urn:backlog:{i}","version":"1","headline":"Talks resume in {place} (item {i})","body_text":"{body}"}}"#
    )
}

#[test]
fn a_backlog_drains_in_bounded_memory() {
    let items = env_or("NEWSFLOW_BACKLOG_ITEMS", 2000);
    let bound = env_or("NEWSFLOW_BACKLOG_RSS_MB", 200) as f64 * 1e6;
    // Small in CI so the bound is reached with 2,000 items; the services' default (1024) in
    // long mode.
    let max_inflight = env_or("NEWSFLOW_BACKLOG_INFLIGHT", 64);
    let partitions = 2; // Broker::start_with_topics
    let broker = Broker::start_with_topics();
    let b = broker.addr.clone();

    let file = root().join(format!("target/backlog-{}.jsonl", std::process::id()));
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("file"));
        for i in 0..items {
            writeln!(out, "{}", story(i)).expect("write");
        }
    }
    let fed = Instant::now();
    let out = newsflow(
        &[
            "feed",
            "--brokers",
            &b,
            "--lines",
            file.to_str().expect("path"),
        ],
        Duration::from_secs(600),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_file(&file);
    eprintln!("fed {items} items in {:.1} s", fed.elapsed().as_secs_f64());

    let stages = ["consumer", "enricher", "sink"];
    let ports: Vec<String> = stages
        .iter()
        .map(|_| format!("127.0.0.1:{}", free_port()))
        .collect();
    let inflight = max_inflight.to_string();
    let procs: Vec<Proc> = stages
        .iter()
        .zip(&ports)
        .map(|(stage, port)| {
            let mut args = vec![
                "--brokers",
                &b,
                "--admin-addr",
                port,
                "--log-format",
                "json",
                "--max-inflight-per-partition",
                &inflight,
            ];
            if *stage == "enricher" {
                args.extend(["--workers", "1"]);
            }
            service(&format!("newsflow-{stage}"), &args)
        })
        .collect();

    let started = Instant::now();
    let mut peak_rss = [0f64; 3];
    let mut peak_inflight = [0f64; 3];
    let deadline = Duration::from_secs(60 + items as u64 / 10);
    loop {
        let mut done = false;
        for (i, port) in ports.iter().enumerate() {
            let Some((200, text)) = http_get(port, "/metrics") else {
                continue;
            };
            let stage = format!("stage=\"{}\"", stages[i]);
            peak_rss[i] = peak_rss[i].max(metric_sum(&text, "process_resident_memory_bytes", ""));
            peak_inflight[i] =
                peak_inflight[i].max(metric_sum(&text, "newsflow_inflight_records", &stage));
            if i == 2 {
                done = metric_sum(&text, "newsflow_records_received_total", &stage) >= items as f64;
            }
        }
        if done {
            break;
        }
        assert!(
            started.elapsed() < deadline,
            "the backlog did not drain in {deadline:?}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    eprintln!(
        "drained {items} items in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    for (i, stage) in stages.iter().enumerate() {
        eprintln!(
            "{stage}: peak resident memory {:.1} MB, peak in flight {}",
            peak_rss[i] / 1e6,
            peak_inflight[i]
        );
        assert!(peak_rss[i] > 0.0, "{stage}: no memory figure");
        assert!(
            peak_rss[i] <= bound,
            "{stage}: {:.1} MB over the {:.0} MB bound",
            peak_rss[i] / 1e6,
            bound / 1e6
        );
        assert!(
            peak_inflight[i] <= (max_inflight * partitions) as f64,
            "{stage}: {} in flight",
            peak_inflight[i]
        );
    }
    // The slow stage really was the bottleneck: work queued at its bound.
    assert!(
        peak_inflight[1] >= 2.0,
        "the enricher never had work queued"
    );
    for p in procs {
        let name = p.name.clone();
        assert!(p.terminate(Duration::from_secs(30)).success(), "{name}");
    }
}
