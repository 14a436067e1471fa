//! `newsflow feed`: one record per file.

use crate::cluster::ClusterArgs;
use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use newsflow_model::headers;
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `feed` flags.
#[derive(Args)]
pub struct FeedArgs {
    /// Cluster connection.
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Topic to publish to.
    #[arg(long, default_value = newsflow_model::topics::RAW)]
    pub topic: String,
    /// Wire-format hint for every record (`newsflow-format` header).
    #[arg(long)]
    pub format: Option<String>,
    /// One record per non-empty line of each file (a JSON-lines dump) instead of per file.
    #[arg(long)]
    pub lines: bool,
    /// Files or directories (recursively, sorted).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Files under `paths`: directories walked recursively, each level sorted.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            for e in entries {
                walk(&e, out)?;
            }
        } else if p.is_file() {
            out.push(p.to_path_buf());
        } else {
            anyhow::bail!("{}: no such file or directory", p.display());
        }
        Ok(())
    }
    let mut out = Vec::new();
    for p in paths {
        walk(p, &mut out)?;
    }
    Ok(out)
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Publishes `(key, bytes)` items; returns how many deliveries failed.
pub async fn publish(
    producer: &FutureProducer,
    topic: &str,
    format: Option<&str>,
    items: impl Iterator<Item = (String, Vec<u8>)>,
    bar: &ProgressBar,
) -> usize {
    // At most this many deliveries outstanding, so a large feed runs in bounded memory.
    const WINDOW: usize = 10_000;
    let mut pending = std::collections::VecDeque::new();
    let mut failed = 0;
    for (key, bytes) in items {
        if pending.len() >= WINDOW {
            if let Some(p) = pending.pop_front() {
                failed += settle(p, bar).await;
            }
        }
        let ts = now_ms().to_string();
        let mut h = OwnedHeaders::new().insert(Header {
            key: headers::INGEST_TS,
            value: Some(ts.as_bytes()),
        });
        if let Some(f) = format {
            h = h.insert(Header {
                key: headers::FORMAT,
                value: Some(f.as_bytes()),
            });
        }
        let producer = producer.clone();
        let topic = topic.to_string();
        pending.push_back(tokio::spawn(async move {
            let rec = FutureRecord::to(&topic)
                .key(&key)
                .payload(&bytes)
                .headers(h);
            let r = producer
                .send(rec, Timeout::After(Duration::from_secs(30)))
                .await;
            (key, r.map(|_| ()).map_err(|(e, _)| e))
        }));
    }
    for p in pending {
        failed += settle(p, bar).await;
    }
    let _ = producer.flush(Timeout::After(Duration::from_secs(10)));
    failed
}

type Delivery = tokio::task::JoinHandle<(String, Result<(), rdkafka::error::KafkaError>)>;

/// Awaits one delivery: 0 when it succeeded, 1 (reported) when it failed.
async fn settle(p: Delivery, bar: &ProgressBar) -> usize {
    match p.await {
        Ok((_, Ok(()))) => {
            bar.inc(1);
            0
        }
        Ok((key, Err(e))) => {
            bar.suspend(|| eprintln!("failed {key}: {e}"));
            1
        }
        Err(e) => {
            bar.suspend(|| eprintln!("failed: {e}"));
            1
        }
    }
}

/// Runs `feed`.
pub fn run(a: FeedArgs) -> Result<i32> {
    let files = collect_files(&a.paths)?;
    let producer: FutureProducer = a.cluster.resolve()?.producer()?;
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(files.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let mut items = Vec::with_capacity(files.len());
    for f in &files {
        let bytes = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
        let key = f.file_name().map_or_else(
            || f.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        if a.lines {
            for (n, line) in bytes.split(|b| *b == b'\n').enumerate() {
                if !line.iter().all(u8::is_ascii_whitespace) {
                    items.push((format!("{key}:{}", n + 1), line.to_vec()));
                }
            }
        } else {
            items.push((key, bytes));
        }
    }
    bar.set_length(items.len() as u64);
    let what = if a.lines { "lines" } else { "files" };
    let total = items.len();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let failed = rt.block_on(publish(
        &producer,
        &a.topic,
        a.format.as_deref(),
        items.into_iter(),
        &bar,
    ));
    bar.finish_and_clear();
    eprintln!("fed {} of {} {what} to {}", total - failed, total, a.topic);
    Ok(if failed > 0 { 1 } else { 0 })
}
