//! Faults, bounded for CI: thousands of distinct items stream through all three stages while
//! the services are `kill -9`-ed and restarted at random points; afterwards every item is in
//! `news.enriched` (or `news.dlq`), none missing, and the duplicates at-least-once allowed are
//! counted; in exactly-once mode there are none. `NEWSFLOW_CHAOS_ITEMS` and
//! `NEWSFLOW_CHAOS_KILLS` make a longer run (`NEWSFLOW_CHAOS_DELIVERY=exactly-once` for the
//! first test's mode);
//! `scripts/chaos-long.sh` adds a broker restart on S3 storage (an S3 test server).

use newsflow_tests::*;
use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A small deterministic generator (xorshift), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn nothing_is_lost_when_services_are_killed() {
    let exactly_once = std::env::var("NEWSFLOW_CHAOS_DELIVERY").is_ok_and(|d| d == "exactly-once");
    chaos(exactly_once);
}

/// Exactly-once mode (`--delivery exactly-once`, a transactional id per stage) under the same
/// kills: a restarted stage resumes after its last committed transaction, so `read_committed`
/// readers see every item exactly once — on a broker that hides aborted transactions' records.
/// Where the broker returns them (Tansu 0.6, probed first), every transaction that ended
/// without a commit — a stage of the two that write `news.enriched`'s inputs killed or ending
/// on its own, a logged abort, the broker restarted under each — shows at most its batch again.
#[test]
fn exactly_once_leaves_no_duplicates_when_services_are_killed() {
    let run = chaos(true);
    let allowed = if run.hides_aborted == Some(true) {
        0
    } else {
        newsflow_runtime::transactional::BATCH * run.uncommitted
    };
    assert!(
        run.duplicates <= allowed,
        "{} duplicates in exactly-once mode; allowed {allowed} (broker hides aborted transactions: {:?}, transactions that may have ended uncommitted: {})",
        run.duplicates,
        run.hides_aborted,
        run.uncommitted
    );
}

/// What a fault run left behind.
struct Run {
    /// Records `news.enriched` holds more than once.
    duplicates: usize,
    /// Whether the broker hides aborted transactions from `read_committed` readers (probed
    /// in exactly-once mode only; at-least-once writes no transactions).
    hides_aborted: Option<bool>,
    /// Transactions of the consumer and enricher stages that may have ended without a commit.
    uncommitted: usize,
}

/// Streams the items through the three stages while killing them; asserts none is lost and
/// returns what it left behind.
fn chaos(exactly_once: bool) -> Run {
    let items = env_or("NEWSFLOW_CHAOS_ITEMS", 1500);
    let kills = env_or("NEWSFLOW_CHAOS_KILLS", 4);
    let mut broker = Broker::start_with_topics();
    let b = broker.addr.clone();
    let hides_aborted = exactly_once.then(|| broker.hides_aborted_transactions());
    let dir = std::env::temp_dir().join(format!(
        "newsflow-chaos-{}-{exactly_once}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("dir");
    let places = [
        "Minsk",
        "Geneva",
        "Santiago",
        "Frankfurt",
        "Oslo",
        "Nairobi",
        "Lima",
        "Hanoi",
    ];
    for i in 0..items {
        let place = places[i % places.len()];
        let body = format!(
            "{}, June {} (newsflow chaos) - Officials in {place} said on Monday that talks on trade and energy would resume, item {i}.\\n\\nThe ministers met for {} hours.",
            place.to_uppercase(),
            1 + i % 28,
            i % 9 + 1
        );
        let item = format!(
            r#"{{"uri":"urn:chaos:{i}","version":"1","headline":"Chaos item {i} from {place}","body_text":"{body}"}}"#
        );
        std::fs::write(dir.join(format!("item-{i:06}.json")), item).expect("write");
    }

    // Groups (and so the services' logs, `target/e2e-<service>-<group>.log`) apart per mode:
    // the two tests run side by side.
    let stages = if exactly_once {
        [
            ("newsflow-consumer", "chaos-eo-consumer"),
            ("newsflow-enricher", "chaos-eo-enricher"),
            ("newsflow-sink", "chaos-eo-sink"),
        ]
    } else {
        [
            ("newsflow-consumer", "chaos-consumer"),
            ("newsflow-enricher", "chaos-enricher"),
            ("newsflow-sink", "chaos-sink"),
        ]
    };
    let start = |(binary, group): (&str, &str)| -> Proc {
        let txn = format!("{group}-txn");
        let mut args = vec![
            "--brokers",
            b.as_str(),
            "--group-id",
            group,
            "--admin-addr",
            "off",
            "--log-format",
            "json",
            "--drain-timeout",
            "2s",
            "-X",
            "session.timeout.ms=6000",
            "-X",
            "heartbeat.interval.ms=500",
        ];
        if exactly_once {
            args.extend(["--delivery", "exactly-once", "--transactional-id", &txn]);
        }
        service(binary, &args)
    };
    let mut running: Vec<Proc> = stages.iter().map(|s| start(*s)).collect();

    let fed = newsflow(
        &["feed", "--brokers", &b, dir.to_str().expect("path")],
        Duration::from_secs(300),
    );
    assert!(
        fed.status.success(),
        "{}",
        String::from_utf8_lossy(&fed.stderr)
    );

    // Kill -9 and restart services at random points while the items flow.
    let mut rng = Rng(0x5eed_cafe);
    let mut killed: BTreeMap<&str, usize> = BTreeMap::new();
    let mut broker_restarts = 0;
    for n in 0..kills {
        std::thread::sleep(Duration::from_millis(1500 + rng.next() % 2500));
        // Halfway, restart the broker itself, when its storage survives that (S3 storage).
        if n == kills / 2 && broker.persistent() {
            broker.restart();
            broker_restarts += 1;
        }
        // Every stage in turn, at a random moment.
        let k = n % 3;
        let victim = &mut running[k];
        let pid = victim.child.id().to_string();
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid])
            .status();
        let _ = victim.child.wait();
        *killed.entry(stages[k].0).or_default() += 1;
        running[k] = start(stages[k]);
    }

    // Every item reaches news.enriched (or news.dlq); wait until the distinct count is complete.
    // A stage that ends on its own (a fatal client error) is started again, as the compose
    // stack's restart policy does.
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut exits = 0;
    let (distinct, total) = loop {
        for (k, p) in running.iter_mut().enumerate() {
            if p.child.try_wait().ok().flatten().is_some() {
                exits += 1;
                *p = start(stages[k]);
            }
        }
        let out = newsflow(
            &[
                "tail",
                "--brokers",
                &b,
                "--topic",
                "news.enriched",
                "--from-beginning",
                "--exit-at-end",
            ],
            Duration::from_secs(120),
        );
        let mut seen = HashSet::new();
        let mut total = 0usize;
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            if let Some(k) = v["key"].as_str() {
                total += 1;
                seen.insert(k.to_string());
            }
        }
        if seen.len() >= items || Instant::now() > deadline {
            break (seen, total);
        }
        std::thread::sleep(Duration::from_secs(2));
    };
    let dead = newsflow(
        &[
            "tail",
            "--brokers",
            &b,
            "--topic",
            "news.dlq",
            "--from-beginning",
            "--exit-at-end",
        ],
        Duration::from_secs(120),
    );
    let dead_count = String::from_utf8_lossy(&dead.stdout).lines().count();
    let missing: Vec<usize> = (0..items)
        .filter(|i| !distinct.contains(&format!("urn:chaos:{i}")))
        .collect();
    // Transactions that may have ended uncommitted, in the two stages whose outputs reach
    // news.enriched: one open at each kill, at each stage's own end, under the broker restart,
    // and each abort the stages logged.
    let aborts: usize = stages[..2]
        .iter()
        .map(|(name, group)| {
            let log = root()
                .join("target")
                .join(format!("e2e-{name}-{group}.log"));
            std::fs::read_to_string(log)
                .unwrap_or_default()
                .matches("aborting and rewinding")
                .count()
        })
        .sum();
    let uncommitted = stages[..2]
        .iter()
        .map(|(name, _)| killed.get(name).copied().unwrap_or(0))
        .sum::<usize>()
        + exits
        + aborts
        + 2 * broker_restarts;
    eprintln!(
        "chaos ({}): {items} items, kills {killed:?}, broker restarts {broker_restarts}, stages that ended on their own and were restarted {exits}, transactions aborted by a stage {aborts}; enriched {total} records, {} distinct, {} duplicates; {dead_count} dead letters; missing {}; broker hides aborted transactions: {}",
        if exactly_once { "exactly-once" } else { "at-least-once" },
        distinct.len(),
        total - distinct.len(),
        missing.len(),
        hides_aborted.map_or("not probed".to_string(), |h| h.to_string())
    );
    assert_eq!(dead_count, 0, "no valid item is dead-lettered");
    assert!(
        missing.is_empty(),
        "lost items: {:?}",
        &missing[..missing.len().min(20)]
    );
    for p in running {
        let name = p.name.clone();
        let status = p.terminate(Duration::from_secs(30));
        assert!(status.success(), "{name}: {status}");
    }
    Run {
        duplicates: total - distinct.len(),
        hides_aborted,
        uncommitted,
    }
}
