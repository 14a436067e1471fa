//! `newsflow dlq replay`: re-publish dead letters to their source topic.
//!
//! Reads the DLQ from the beginning to its end (no group, no commits), keeps the records whose
//! `newsflow-reason` matches `--reason` (all when absent), and produces each value, unchanged
//! and under its key, to the topic named by its `newsflow-source-topic` header. The DLQ
//! headers are dropped; `newsflow-replayed-from` records where it came from. Replaying the same
//! DLQ twice replays twice: the consumer drops exact duplicates it still remembers.

use crate::cluster::ClusterArgs;
use crate::tail;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use rdkafka::message::{BorrowedMessage, Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use std::time::Duration;

/// `dlq` subcommands.
#[derive(Subcommand)]
pub enum DlqCommand {
    /// Re-publish dead letters to their source topic.
    Replay(ReplayArgs),
}

/// `dlq replay` flags.
#[derive(Args)]
pub struct ReplayArgs {
    /// Cluster connection.
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Dead-letter topic.
    #[arg(long, default_value = newsflow_model::topics::DLQ)]
    pub topic: String,
    /// Only records with this reason code (repeatable).
    #[arg(long)]
    pub reason: Vec<String>,
    /// Only records rejected by this stage.
    #[arg(long)]
    pub stage: Option<String>,
    /// Print what would be replayed; produce nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs a `dlq` subcommand.
pub fn run(cmd: DlqCommand) -> Result<i32> {
    let DlqCommand::Replay(a) = cmd;
    let mut picked: Vec<DeadLetter> = Vec::new();
    let mut seen = 0usize;
    let cluster = a.cluster.resolve()?;
    tail::read_raw(&cluster, &a.topic, true, true, None, |m| {
        seen += 1;
        let d = DeadLetter::from_message(m);
        let reason = d.header("newsflow-reason").unwrap_or_default();
        let stage = d.header("newsflow-stage").unwrap_or_default();
        if (a.reason.is_empty() || a.reason.contains(&reason))
            && a.stage.as_deref().is_none_or(|s| s == stage)
        {
            picked.push(d);
        }
        true
    })?;
    eprintln!("{seen} dead letters read, {} selected", picked.len());
    if a.dry_run {
        for d in &picked {
            println!(
                "{}:{} → {} ({})",
                d.partition,
                d.offset,
                d.header("newsflow-source-topic").unwrap_or_default(),
                d.header("newsflow-reason").unwrap_or_default()
            );
        }
        return Ok(0);
    }
    let producer: FutureProducer = cluster.producer()?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let failed = rt.block_on(async {
        let mut failed = 0;
        for d in &picked {
            if let Err(e) = replay_one(&producer, &a.topic, d).await {
                eprintln!("failed {}:{}: {e:#}", d.partition, d.offset);
                failed += 1;
            }
        }
        let _ = producer.flush(Timeout::After(Duration::from_secs(10)));
        failed
    });
    eprintln!("replayed {} of {}", picked.len() - failed, picked.len());
    Ok(if failed > 0 { 1 } else { 0 })
}

/// A dead letter, owned.
struct DeadLetter {
    partition: i32,
    offset: i64,
    key: Option<Vec<u8>>,
    value: Vec<u8>,
    headers: Vec<(String, Vec<u8>)>,
}

impl DeadLetter {
    fn from_message(m: &BorrowedMessage<'_>) -> Self {
        let headers = m
            .headers()
            .map(|h| {
                h.iter()
                    .map(|h| (h.key.to_string(), h.value.unwrap_or_default().to_vec()))
                    .collect()
            })
            .unwrap_or_default();
        DeadLetter {
            partition: m.partition(),
            offset: m.offset(),
            key: m.key().map(<[u8]>::to_vec),
            value: m.payload().unwrap_or_default().to_vec(),
            headers,
        }
    }

    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }
}

async fn replay_one(producer: &FutureProducer, dlq: &str, d: &DeadLetter) -> Result<()> {
    let target = d
        .header("newsflow-source-topic")
        .context("no newsflow-source-topic header")?;
    let from = format!("{dlq}:{}:{}", d.partition, d.offset);
    let mut headers = OwnedHeaders::new().insert(Header {
        key: "newsflow-replayed-from",
        value: Some(from.as_bytes()),
    });
    for (k, v) in &d.headers {
        let keep = k == newsflow_model::headers::INGEST_TS
            || k == newsflow_model::headers::FORMAT
            || !k.starts_with("newsflow-");
        if keep {
            headers = headers.insert(Header {
                key: k,
                value: Some(v),
            });
        }
    }
    let mut record = FutureRecord::to(&target).payload(&d.value).headers(headers);
    if let Some(k) = &d.key {
        record = record.key(k);
    }
    producer
        .send(record, Timeout::After(Duration::from_secs(30)))
        .await
        .map_err(|(e, _)| e)?;
    Ok(())
}
