//! Exactly-once mode (`--delivery exactly-once`): one Kafka transaction per batch.
//!
//! The stage reads a batch (up to [`BATCH`] records, `max_inflight_mib_per_partition` MiB of
//! values, or [`LINGER`] after the first), processes it on the worker pool (each worker takes
//! the next unprocessed record), and inside one transaction produces every output and dead letter and
//! sends the batch's next offsets with the consumer group's metadata; then commits. Downstream
//! readers use `isolation.level=read_committed`. On a failure the transaction is aborted and the
//! consumer rewinds to the batch's first offsets; a fenced producer (another instance took the
//! same transactional id) stops the stage with an error. The producer's transactional id is
//! stable per instance (`--transactional-id`), so a restarted instance fences its predecessor.

use crate::config::StageConfig;
use crate::kafka;
use crate::metrics::StageMetrics;
use crate::processor::{InputRecord, Outcome, Processor, Rejection};
use crate::stage::{
    client_error, dlq_headers, header_names, ingest_ts, now_ms, owned_input, process_caught,
    Health, StageContext, StageError,
};
use crate::tracker::Tracker;
use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use rdkafka::{Offset, TopicPartitionList};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

/// Most records per transaction.
pub const BATCH: usize = 500;
/// How long a batch waits for more records after its first.
pub const LINGER: Duration = Duration::from_millis(50);
/// Timeout of the transactional calls.
const TXN_TIMEOUT: Duration = Duration::from_secs(30);

/// A record to produce inside the transaction.
struct Pending {
    topic: String,
    key: Option<Vec<u8>>,
    payload: Vec<u8>,
    headers: Vec<(String, Vec<u8>)>,
    reason: Option<&'static str>,
}

/// Runs `f` (a blocking librdkafka call) off the reactor.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// Most attempts at one transactional call whose error librdkafka calls retriable.
const TXN_ATTEMPTS: u32 = 5;

/// Calls `call` again while it fails with an error `retriable` says may be retried, at most
/// [`TXN_ATTEMPTS`] times in all. librdkafka's contract for the transactional calls: a
/// retriable error (a commit that timed out while the coordinator was away: its outcome is in
/// doubt, the broker may have committed it) is retried, never aborted: aborting it and
/// rewinding would redo a batch the broker may have committed. An error that requires an
/// abort, or a fatal one, is the caller's.
fn retrying<E: std::fmt::Display>(
    stage: &str,
    what: &str,
    retriable: impl Fn(&E) -> bool,
    mut call: impl FnMut() -> Result<(), E>,
) -> Result<(), E> {
    let mut attempt = 1;
    loop {
        match call() {
            Err(e) if attempt < TXN_ATTEMPTS && retriable(&e) => {
                warn!(stage, error = %e, attempt, "transaction {what} failed, retriable: retrying");
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// Whether librdkafka calls a transactional call's error retriable.
fn retriable(e: &KafkaError) -> bool {
    matches!(e, KafkaError::Transaction(t) if t.is_retriable())
}

/// Runs a stage in exactly-once mode until `shutdown`.
pub async fn run<P: Processor>(
    cfg: StageConfig,
    processor: Arc<P>,
    metrics: StageMetrics,
    health: Arc<Health>,
    shutdown: CancellationToken,
) -> Result<(), StageError> {
    let tracker = Arc::new(Tracker::new());
    let context = StageContext::new(
        tracker.clone(),
        metrics.clone(),
        health.clone(),
        cfg.drain_timeout,
    );
    let mut consumer_cfg = kafka::stage_consumer(&cfg);
    consumer_cfg
        .set("isolation.level", "read_committed")
        .set("enable.auto.commit", "false");
    let consumer: Arc<StreamConsumer<StageContext>> = Arc::new(
        consumer_cfg
            .create_with_context(context)
            .map_err(client_error(&cfg))?,
    );
    let mut producer_cfg = kafka::stage_producer(&cfg);
    producer_cfg
        .set("transactional.id", &cfg.transactional_id)
        .set("transaction.timeout.ms", "60000");
    let producer: FutureProducer = producer_cfg.create().map_err(client_error(&cfg))?;
    {
        let p = producer.clone();
        blocking(move || p.init_transactions(TXN_TIMEOUT)).await?;
    }
    consumer.subscribe(&[&cfg.input_topic])?;
    metrics.init_produced(&cfg.output_topic);
    metrics.init_produced(&cfg.dlq_topic);
    info!(stage = cfg.stage, transactional_id = %cfg.transactional_id, "stage started (exactly-once)");
    let workers = cfg.workers.get();
    let max_batch_bytes = cfg.max_inflight_mib_per_partition.get() << 20;
    loop {
        // Collect a batch.
        let first = tokio::select! {
            _ = shutdown.cancelled() => break,
            m = consumer.recv() => m,
        };
        let mut batch: Vec<InputRecord> = match first {
            Ok(m) => vec![owned_input(&m)],
            Err(e) => {
                warn!(stage = cfg.stage, error = %e, "consume error");
                continue;
            }
        };
        let size = |r: &InputRecord| r.payload.as_ref().map_or(0, Vec::len);
        let mut bytes = size(&batch[0]);
        let deadline = tokio::time::Instant::now() + LINGER;
        while batch.len() < BATCH && bytes < max_batch_bytes {
            match tokio::time::timeout_at(deadline, consumer.recv()).await {
                Ok(Ok(m)) => {
                    let r = owned_input(&m);
                    bytes += size(&r);
                    batch.push(r);
                }
                Ok(Err(e)) => warn!(stage = cfg.stage, error = %e, "consume error"),
                Err(_) => break,
            }
        }
        health.connected_now();
        // Records of partitions revoked while the batch filled are not ours to commit.
        let assigned = consumer.assignment().unwrap_or_default();
        batch.retain(|r| assigned.find_partition(&r.topic, r.partition).is_some());
        if batch.is_empty() {
            continue;
        }
        let batch = Arc::new(batch);
        metrics.received.inc_by(batch.len() as u64);
        metrics.inflight.add(batch.len() as i64);
        let result = transact(
            &cfg, &processor, &metrics, workers, &producer, &consumer, &batch,
        )
        .await;
        metrics.inflight.sub(batch.len() as i64);
        if let Err(e) = result {
            let fatal = matches!(&e, KafkaError::Transaction(t) if t.is_fatal());
            warn!(stage = cfg.stage, error = %e, fatal, "transaction failed; aborting and rewinding");
            let p = producer.clone();
            let stage = cfg.stage;
            let _ = blocking(move || {
                retrying(stage, "abort", retriable, || {
                    p.abort_transaction(TXN_TIMEOUT)
                })
            })
            .await;
            if fatal {
                return Err(StageError::Kafka(e));
            }
            let mut first_offsets: BTreeMap<(String, i32), i64> = BTreeMap::new();
            for r in batch.iter() {
                let e = first_offsets
                    .entry((r.topic.clone(), r.partition))
                    .or_insert(r.offset);
                *e = (*e).min(r.offset);
            }
            for ((topic, partition), offset) in first_offsets {
                if let Err(e) = consumer.seek(
                    &topic,
                    partition,
                    Offset::Offset(offset),
                    Timeout::After(Duration::from_secs(5)),
                ) {
                    warn!(stage = cfg.stage, error = %e, "seek after abort failed");
                }
            }
        }
    }
    health.draining_now();
    info!(stage = cfg.stage, "stage stopped (exactly-once)");
    Ok(())
}

/// Processes `batch` on `workers` blocking jobs, each taking the next unprocessed record (a
/// panic is caught per record); outcomes in input order.
async fn process_all<P: Processor>(
    processor: &Arc<P>,
    workers: usize,
    batch: &Arc<Vec<InputRecord>>,
) -> Vec<Outcome> {
    let next = Arc::new(AtomicUsize::new(0));
    let jobs: Vec<_> = (0..workers.clamp(1, batch.len().max(1)))
        .map(|_| {
            let (p, b, next) = (processor.clone(), batch.clone(), next.clone());
            tokio::task::spawn_blocking(move || {
                let mut done = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = b.get(i) else { break };
                    done.push((i, process_caught(&*p, input)));
                }
                done
            })
        })
        .collect();
    let mut outcomes: Vec<Option<Outcome>> = (0..batch.len()).map(|_| None).collect();
    for job in jobs {
        if let Ok(done) = job.await {
            for (i, o) in done {
                outcomes[i] = Some(o);
            }
        }
    }
    outcomes
        .into_iter()
        .map(|o| {
            o.unwrap_or_else(|| Outcome {
                rejections: vec![Rejection {
                    reason: "processing_error",
                    message: "processor task failed".to_string(),
                }],
                ..Outcome::default()
            })
        })
        .collect()
}

/// Processes a batch and commits its outputs and offsets in one transaction.
async fn transact<P: Processor>(
    cfg: &StageConfig,
    processor: &Arc<P>,
    metrics: &StageMetrics,
    workers: usize,
    producer: &FutureProducer,
    consumer: &Arc<StreamConsumer<StageContext>>,
    batch: &Arc<Vec<InputRecord>>,
) -> Result<(), KafkaError> {
    let started = Instant::now();
    let outcomes = process_all(processor, workers, batch).await;
    let mut pending: Vec<Pending> = Vec::new();
    for (input, outcome) in batch.iter().zip(outcomes) {
        metrics.duplicates.inc_by(outcome.duplicates);
        metrics.superseded.inc_by(outcome.superseded);
        let ts = ingest_ts(input).to_string().into_bytes();
        for o in outcome.outputs {
            let mut headers = o.headers;
            if !headers.iter().any(|(k, _)| k == header_names::INGEST_TS) {
                headers.push((header_names::INGEST_TS.to_string(), ts.clone()));
            }
            pending.push(Pending {
                topic: o.topic.unwrap_or_else(|| cfg.output_topic.clone()),
                key: o.key,
                payload: o.payload,
                headers,
                reason: None,
            });
        }
        for r in &outcome.rejections {
            pending.push(Pending {
                topic: cfg.dlq_topic.clone(),
                key: input.key.clone(),
                payload: input.payload.clone().unwrap_or_default(),
                headers: dlq_headers(cfg.stage, input, r),
                reason: Some(r.reason),
            });
        }
    }
    producer.begin_transaction()?;
    let mut deliveries = Vec::with_capacity(pending.len());
    for p in &pending {
        let mut headers = OwnedHeaders::new_with_capacity(p.headers.len());
        for (k, v) in &p.headers {
            headers = headers.insert(Header {
                key: k,
                value: Some(v),
            });
        }
        let mut record = FutureRecord::to(&p.topic)
            .payload(&p.payload)
            .headers(headers);
        if let Some(k) = &p.key {
            record = record.key(k);
        }
        deliveries.push(producer.send_result(record).map_err(|(e, _)| e)?);
    }
    for (d, p) in futures_join(deliveries).await.into_iter().zip(&pending) {
        d?;
        metrics.produced(&p.topic);
        if let Some(reason) = p.reason {
            metrics.rejected(reason);
        }
    }
    let mut offsets = TopicPartitionList::new();
    let mut next: BTreeMap<(String, i32), i64> = BTreeMap::new();
    for r in batch.iter() {
        let e = next
            .entry((r.topic.clone(), r.partition))
            .or_insert(r.offset + 1);
        *e = (*e).max(r.offset + 1);
    }
    for ((topic, partition), offset) in &next {
        offsets.add_partition_offset(topic, *partition, Offset::Offset(*offset))?;
    }
    let meta = consumer.group_metadata().ok_or(KafkaError::Canceled)?;
    let stage = cfg.stage;
    let p = producer.clone();
    blocking(move || {
        retrying(stage, "send offsets", retriable, || {
            p.send_offsets_to_transaction(&offsets, &meta, TXN_TIMEOUT)
        })
    })
    .await?;
    let p = producer.clone();
    blocking(move || {
        retrying(stage, "commit", retriable, || {
            p.commit_transaction(TXN_TIMEOUT)
        })
    })
    .await?;
    let elapsed = started.elapsed().as_secs_f64();
    for r in batch.iter() {
        metrics.processing.observe(elapsed);
        metrics
            .end_to_end
            .observe(((now_ms() - ingest_ts(r)).max(0) as f64) / 1000.0);
    }
    Ok(())
}

/// Awaits every delivery, in order.
async fn futures_join(
    deliveries: Vec<rdkafka::producer::DeliveryFuture>,
) -> Vec<Result<(), KafkaError>> {
    let mut out = Vec::with_capacity(deliveries.len());
    for d in deliveries {
        out.push(match d.await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err((e, _))) => Err(e),
            Err(_) => Err(KafkaError::Canceled),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::processor::OutputRecord;

    /// [`retrying`] over a call whose `n`th result (from 1) is `result(n)`, "timed out" being
    /// the retriable error: what it returned and how many calls it made.
    fn retried(
        result: impl Fn(u32) -> Result<(), &'static str>,
    ) -> (Result<(), &'static str>, u32) {
        let mut calls = 0;
        let r = retrying(
            "t",
            "commit",
            |e: &&str| *e == "timed out",
            || {
                calls += 1;
                result(calls)
            },
        );
        (r, calls)
    }

    #[test]
    fn retriable_transaction_errors_are_retried_and_others_returned_at_once() {
        // Retriable twice, then done: three calls, success.
        let twice = retried(|n| if n < 3 { Err("timed out") } else { Ok(()) });
        assert_eq!(twice, (Ok(()), 3));
        // An error that is not retriable goes back to the caller (to abort) after one call.
        assert_eq!(
            retried(|_| Err("requires abort")),
            (Err("requires abort"), 1)
        );
        // Retriable for ever: given up after the bound.
        assert_eq!(
            retried(|_| Err("timed out")),
            (Err("timed out"), TXN_ATTEMPTS)
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_batch_is_processed_in_order_with_panics_caught_per_record() {
        let batch: Arc<Vec<InputRecord>> = Arc::new(
            (0..50i64)
                .map(|i| InputRecord {
                    offset: i,
                    payload: Some(i.to_string().into_bytes()),
                    ..InputRecord::default()
                })
                .collect(),
        );
        let processor = Arc::new(|i: &InputRecord| {
            assert!(i.offset != 7, "record 7 is poison");
            // Later records finish first: order must come from the input, not completion.
            std::thread::sleep(Duration::from_micros(50 * (50 - i.offset as u64)));
            Outcome {
                outputs: vec![OutputRecord {
                    topic: None,
                    key: None,
                    payload: i.payload.clone().unwrap_or_default(),
                    headers: Vec::new(),
                }],
                ..Outcome::default()
            }
        });
        for workers in [1, 3] {
            let outcomes = process_all(&processor, workers, &batch).await;
            assert_eq!(outcomes.len(), 50);
            for (i, o) in outcomes.iter().enumerate() {
                if i == 7 {
                    assert!(o.outputs.is_empty());
                    assert_eq!(o.rejections[0].reason, "processing_error");
                    assert!(o.rejections[0].message.contains("poison"));
                } else {
                    assert_eq!(o.outputs[0].payload, i.to_string().into_bytes());
                }
            }
        }
    }
}
