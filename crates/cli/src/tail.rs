//! `newsflow tail`: a topic's records as JSON lines; no group, no commits.

use crate::cluster::{Cluster, ClusterArgs};
use anyhow::{bail, Context, Result};
use clap::Args;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{BorrowedMessage, Headers, Message};
use rdkafka::{Offset, TopicPartitionList};
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::io::Write;
use std::time::{Duration, Instant};

/// `tail` flags.
#[derive(Args)]
pub struct TailArgs {
    /// Cluster connection.
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Topic to read.
    #[arg(long)]
    pub topic: String,
    /// Stop after N records.
    #[arg(long)]
    pub count: Option<usize>,
    /// Start at the beginning of every partition (default: the end).
    #[arg(long)]
    pub from_beginning: bool,
    /// Stop when every partition has reached its end.
    #[arg(long)]
    pub exit_at_end: bool,
}

/// One record as a JSON line.
pub fn record_json<M: Message>(m: &M) -> Value {
    let mut headers = Map::new();
    if let Some(h) = m.headers() {
        for h in h.iter() {
            headers.insert(
                h.key.to_string(),
                Value::String(
                    h.value
                        .map(|v| String::from_utf8_lossy(v).into_owned())
                        .unwrap_or_default(),
                ),
            );
        }
    }
    let value = match m.payload() {
        None => Value::Null,
        Some(p) => serde_json::from_slice(p)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(p).into_owned())),
    };
    json!({
        "topic": m.topic(),
        "partition": m.partition(),
        "offset": m.offset(),
        "timestamp": m.timestamp().to_millis(),
        "key": m.key().map(|k| String::from_utf8_lossy(k).into_owned()),
        "headers": headers,
        "value": value,
    })
}

/// Partitions of `topic`, waiting up to `wait` for the broker to know it.
pub fn partitions(consumer: &BaseConsumer, topic: &str, wait: Duration) -> Result<Vec<i32>> {
    let deadline = Instant::now() + wait;
    loop {
        if let Ok(md) = consumer.fetch_metadata(Some(topic), Duration::from_secs(5)) {
            if let Some(t) = md.topics().iter().find(|t| t.name() == topic) {
                if t.error().is_none() && !t.partitions().is_empty() {
                    return Ok(t.partitions().iter().map(|p| p.id()).collect());
                }
            }
        }
        if Instant::now() >= deadline {
            bail!("topic {topic} not found");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Reads `topic` and calls `each` per record until it returns false, `count` is reached or,
/// with `exit_at_end`, every partition signalled its end.
pub fn read(
    cluster: &Cluster,
    topic: &str,
    from_beginning: bool,
    exit_at_end: bool,
    count: Option<usize>,
    mut each: impl FnMut(Value) -> bool,
) -> Result<usize> {
    read_raw(cluster, topic, from_beginning, exit_at_end, count, |m| {
        each(record_json(m))
    })
}

/// [`read`], handing over the raw message.
pub fn read_raw(
    cluster: &Cluster,
    topic: &str,
    from_beginning: bool,
    exit_at_end: bool,
    count: Option<usize>,
    mut each: impl FnMut(&BorrowedMessage<'_>) -> bool,
) -> Result<usize> {
    let consumer: BaseConsumer = cluster.reader()?;
    let parts = partitions(&consumer, topic, Duration::from_secs(30))?;
    let mut tpl = TopicPartitionList::new();
    let start = if from_beginning {
        Offset::Beginning
    } else {
        Offset::End
    };
    for p in &parts {
        tpl.add_partition_offset(topic, *p, start)
            .context("assign")?;
    }
    consumer.assign(&tpl)?;
    let mut at_end: HashSet<i32> = HashSet::new();
    let mut seen = 0;
    loop {
        if count.is_some_and(|c| seen >= c) || (exit_at_end && at_end.len() == parts.len()) {
            return Ok(seen);
        }
        match consumer.poll(Duration::from_millis(500)) {
            None => {}
            Some(Ok(m)) => {
                at_end.remove(&m.partition());
                seen += 1;
                if !each(&m) {
                    return Ok(seen);
                }
            }
            Some(Err(KafkaError::PartitionEOF(p))) => {
                at_end.insert(p);
            }
            Some(Err(e)) => eprintln!("tail: {e}"),
        }
    }
}

/// Runs `tail`.
pub fn run(a: TailArgs) -> Result<i32> {
    let stdout = std::io::stdout();
    read(
        &a.cluster.resolve()?,
        &a.topic,
        a.from_beginning,
        a.exit_at_end,
        a.count,
        |v| {
            let mut out = stdout.lock();
            writeln!(out, "{v}").and_then(|_| out.flush()).is_ok()
        },
    )?;
    Ok(0)
}
