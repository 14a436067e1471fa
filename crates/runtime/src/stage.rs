//! The stage loop: consume → process (worker pool) → produce → store offset.

use crate::config::StageConfig;
use crate::kafka;
use crate::metrics::StageMetrics;
use crate::processor::{InputRecord, Outcome, OutputRecord, Processor, Rejection};
use crate::tracker::{Ticket, TopicPartition, Tracker};
use futures_util::{FutureExt, StreamExt};
use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::statistics::Statistics;
use rdkafka::util::Timeout;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use thiserror::Error;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{debug, error, info, warn, Instrument};

/// DLQ and ingest header names (as in `newsflow_model::headers`; the runtime stays free of
/// the news model).
pub mod header_names {
    /// Ingest timestamp.
    pub const INGEST_TS: &str = "newsflow-ingest-ts";
    /// Stage.
    pub const STAGE: &str = "newsflow-stage";
    /// Reason code.
    pub const REASON: &str = "newsflow-reason";
    /// Error text.
    pub const ERROR: &str = "newsflow-error";
    /// Source topic.
    pub const SOURCE_TOPIC: &str = "newsflow-source-topic";
    /// Source partition.
    pub const SOURCE_PARTITION: &str = "newsflow-source-partition";
    /// Source offset.
    pub const SOURCE_OFFSET: &str = "newsflow-source-offset";
}

/// A fatal stage error (per-record problems never end up here).
#[derive(Debug, Error)]
pub enum StageError {
    /// A Kafka client could not be created or subscribed.
    #[error("kafka: {0}")]
    Kafka(#[from] KafkaError),
    /// A Kafka client could not be created (message with secrets redacted).
    #[error("kafka client: {0}")]
    Client(String),
}

/// Creation errors with the secret settings' values redacted.
pub(crate) fn client_error(cfg: &StageConfig) -> impl Fn(KafkaError) -> StageError + '_ {
    move |e| {
        StageError::Client(kafka::redact(
            &e.to_string(),
            &kafka::secret_values(&cfg.kafka),
        ))
    }
}

/// Liveness and readiness of a stage, read by `/readyz`.
#[derive(Debug)]
pub struct Health {
    stage: &'static str,
    connected: AtomicBool,
    assigned: AtomicUsize,
    draining: AtomicBool,
}

impl Health {
    /// A stage that has not connected yet.
    pub fn new(stage: &'static str) -> Arc<Self> {
        Arc::new(Health {
            stage,
            connected: AtomicBool::new(false),
            assigned: AtomicUsize::new(0),
            draining: AtomicBool::new(false),
        })
    }

    /// `None` when ready; else why not.
    pub fn not_ready_reason(&self) -> Option<String> {
        if !self.connected.load(Ordering::Relaxed) {
            Some(format!("{}: not connected to a broker", self.stage))
        } else if self.draining.load(Ordering::Relaxed) {
            Some(format!("{}: draining", self.stage))
        } else if self.assigned.load(Ordering::Relaxed) == 0 {
            Some(format!("{}: no partitions assigned", self.stage))
        } else {
            None
        }
    }

    /// Marks the stage connected (it just read from the broker).
    pub(crate) fn connected_now(&self) {
        self.connected.store(true, Ordering::Relaxed);
    }

    /// Marks the stage draining.
    pub(crate) fn draining_now(&self) {
        self.draining.store(true, Ordering::Relaxed);
    }

    /// Partitions currently assigned.
    pub fn assigned(&self) -> usize {
        self.assigned.load(Ordering::Relaxed)
    }
}

/// Runs `f`, which may block, from a librdkafka callback without starving the reactor.
fn blocking<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

pub(crate) fn tps_of(tpl: &TopicPartitionList) -> Vec<TopicPartition> {
    tpl.elements()
        .iter()
        .map(|e| (e.topic().to_string(), e.partition()))
        .collect()
}

pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// The consumer's context: rebalance drain and commit, statistics → lag metrics.
pub struct StageContext {
    tracker: Arc<Tracker>,
    metrics: StageMetrics,
    health: Arc<Health>,
    drain_timeout: Duration,
}

impl StageContext {
    /// A context over the stage's tracker, metrics and health.
    pub(crate) fn new(
        tracker: Arc<Tracker>,
        metrics: StageMetrics,
        health: Arc<Health>,
        drain_timeout: Duration,
    ) -> Self {
        StageContext {
            tracker,
            metrics,
            health,
            drain_timeout,
        }
    }
}

impl ClientContext for StageContext {
    fn stats(&self, stats: Statistics) {
        let up = stats.brokers.values().any(|b| b.state == "UP");
        self.health.connected.store(up, Ordering::Relaxed);
        let now = now_ms();
        for (topic, t) in &stats.topics {
            for (p, part) in &t.partitions {
                if *p < 0 || part.consumer_lag < 0 {
                    continue;
                }
                let label = p.to_string();
                let labels = [self.metrics.stage, topic.as_str(), label.as_str()];
                self.metrics
                    .families
                    .lag_messages
                    .with_label_values(&labels)
                    .set(part.consumer_lag);
                let oldest = self.tracker.oldest_pending_ts(&(topic.clone(), *p));
                let secs = oldest.map_or(0, |ts| (now - ts).max(0) / 1000);
                self.metrics
                    .families
                    .lag_seconds
                    .with_label_values(&labels)
                    .set(secs);
            }
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::AllBrokersDown) {
            self.health.connected.store(false, Ordering::Relaxed);
        }
        warn!(stage = self.metrics.stage, error = %error, reason, "kafka client error");
    }
}

impl ConsumerContext for StageContext {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let Rebalance::Revoke(tpl) = rebalance else {
            return;
        };
        self.metrics.rebalances.inc();
        let tps = tps_of(tpl);
        let drained = blocking(|| self.tracker.wait_idle(&tps, self.drain_timeout));
        if !drained {
            warn!(
                stage = self.metrics.stage,
                partitions = tps.len(),
                "drain timed out on revoke; unfinished records will be redelivered"
            );
        }
        let stored = self.tracker.stored(&tps);
        if !stored.is_empty() {
            let mut commit = TopicPartitionList::new();
            for ((topic, partition), next) in &stored {
                let _ = commit.add_partition_offset(topic, *partition, Offset::Offset(*next));
            }
            match blocking(|| consumer.commit(&commit, CommitMode::Sync)) {
                Ok(()) => info!(
                    stage = self.metrics.stage,
                    partitions = stored.len(),
                    "committed on revoke"
                ),
                Err(e) => warn!(stage = self.metrics.stage, error = %e, "commit on revoke failed"),
            }
        }
        self.tracker.revoke(&tps);
        let n = tps.len();
        let _ = self
            .health
            .assigned
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |a| {
                Some(a.saturating_sub(n))
            });
        info!(
            stage = self.metrics.stage,
            partitions = n,
            "partitions revoked"
        );
    }

    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Assign(tpl) = rebalance {
            let tps = tps_of(tpl);
            if tps.is_empty() {
                return;
            }
            self.metrics.rebalances.inc();
            self.tracker.assign(&tps);
            self.health.assigned.fetch_add(tps.len(), Ordering::Relaxed);
            self.health.connected.store(true, Ordering::Relaxed);
            info!(
                stage = self.metrics.stage,
                partitions = tps.len(),
                "partitions assigned"
            );
        }
    }

    fn commit_callback(
        &self,
        result: rdkafka::error::KafkaResult<()>,
        offsets: &TopicPartitionList,
    ) {
        match result {
            Ok(()) => debug!(
                stage = self.metrics.stage,
                partitions = offsets.count(),
                "offsets committed"
            ),
            Err(KafkaError::ConsumerCommit(RDKafkaErrorCode::NoOffset)) => {}
            Err(e) => warn!(stage = self.metrics.stage, error = %e, "offset commit failed"),
        }
    }
}

type StageConsumer = StreamConsumer<StageContext>;

/// What every task shares.
struct Shared<P> {
    cfg: StageConfig,
    processor: Arc<P>,
    producer: FutureProducer,
    consumer: Arc<StageConsumer>,
    tracker: Arc<Tracker>,
    metrics: StageMetrics,
    workers: Arc<Semaphore>,
    /// `newsflow_produced_total` of the output topic and of the DLQ, looked up once.
    produced_output: prometheus::IntCounter,
    produced_dlq: prometheus::IntCounter,
    /// Cancelled when the drain time is up or the producer failed fatally: intake and retries
    /// stop, unfinished offsets stay uncommitted.
    abort: CancellationToken,
    /// The producer's fatal error, if it had one: the stage stops and returns it.
    fatal: std::sync::OnceLock<KafkaError>,
}

/// Decrements the in-flight gauge however a task ends.
struct InflightGuard(StageMetrics);

impl Drop for InflightGuard {
    fn drop(&mut self) {
        self.0.inflight.dec();
    }
}

/// Runs a stage until `shutdown`, then drains within the configured bound and commits.
pub async fn run<P: Processor>(
    cfg: StageConfig,
    processor: Arc<P>,
    metrics: StageMetrics,
    health: Arc<Health>,
    shutdown: CancellationToken,
) -> Result<(), StageError> {
    if cfg.delivery == crate::config::Delivery::ExactlyOnce {
        return crate::transactional::run(cfg, processor, metrics, health, shutdown).await;
    }
    let tracker = Arc::new(Tracker::new());
    let context = StageContext::new(
        tracker.clone(),
        metrics.clone(),
        health.clone(),
        cfg.drain_timeout,
    );
    let consumer: Arc<StageConsumer> = Arc::new(
        kafka::stage_consumer(&cfg)
            .create_with_context(context)
            .map_err(client_error(&cfg))?,
    );
    let producer: FutureProducer = kafka::stage_producer(&cfg)
        .create()
        .map_err(client_error(&cfg))?;
    consumer.subscribe(&[&cfg.input_topic])?;
    info!(stage = cfg.stage, input = %cfg.input_topic, output = %cfg.output_topic, group = %cfg.group_id, "stage started");
    let shared = Arc::new(Shared {
        workers: Arc::new(Semaphore::new(cfg.workers.get())),
        produced_output: metrics.produced_counter(&cfg.output_topic),
        produced_dlq: metrics.produced_counter(&cfg.dlq_topic),
        cfg,
        processor,
        producer,
        consumer: consumer.clone(),
        tracker: tracker.clone(),
        metrics: metrics.clone(),
        abort: CancellationToken::new(),
        fatal: std::sync::OnceLock::new(),
    });
    let tasks = TaskTracker::new();
    let mut slots: HashMap<TopicPartition, Window> = HashMap::new();
    let mut backoff = Duration::from_millis(50);
    // Records already fetched are taken in batches: one task, one worker hand-off and one
    // offset store per batch instead of per record.
    let mut batch: Vec<Admitted> = Vec::with_capacity(MAX_BATCH);
    'intake: loop {
        let msg = tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = shared.abort.cancelled() => break,
            m = consumer.recv() => m,
        };
        let mut next = Some(msg);
        while let Some(msg) = next.take() {
            let input = match msg {
                Ok(m) => {
                    backoff = Duration::from_millis(50);
                    owned_input(&m)
                }
                Err(e) => {
                    dispatch(&shared, &tasks, &mut batch);
                    warn!(stage = shared.cfg.stage, error = %e, "consume error");
                    tokio::select! {
                        _ = shutdown.cancelled() => break 'intake,
                        _ = tokio::time::sleep(backoff) => {}
                    }
                    backoff = (backoff * 2).min(Duration::from_secs(2));
                    continue 'intake;
                }
            };
            health.connected.store(true, Ordering::Relaxed);
            metrics.received.inc();
            let tp = (input.topic.clone(), input.partition);
            let Some(ticket) = tracker.begin(&tp, input.offset, input.timestamp_ms) else {
                debug!(topic = %tp.0, partition = tp.1, "record of an unassigned partition dropped before processing");
                continue;
            };
            let window = slots
                .entry(tp)
                .or_insert_with(|| Window::new(&shared.cfg))
                .clone();
            let size = input.payload.as_ref().map_or(0, Vec::len);
            let permit = match window.try_take(size) {
                Some(p) => p,
                None => {
                    // The partition's window is full: what is batched goes first.
                    dispatch(&shared, &tasks, &mut batch);
                    tokio::select! {
                        _ = shutdown.cancelled() => {
                            tracker.abandon(&ticket);
                            break 'intake;
                        }
                        p = window.take(size) => match p {
                            Some(p) => p,
                            None => break 'intake,
                        },
                    }
                }
            };
            metrics.inflight.inc();
            batch.push(Admitted {
                input,
                ticket,
                slot: permit,
                inflight: InflightGuard(metrics.clone()),
            });
            if batch.len() < MAX_BATCH {
                next = consumer.recv().now_or_never();
            }
        }
        dispatch(&shared, &tasks, &mut batch);
    }
    dispatch(&shared, &tasks, &mut batch);

    // Shutdown: stop intake, drain within the bound, commit synchronously.
    health.draining.store(true, Ordering::Relaxed);
    tasks.close();
    let drain = shared.cfg.drain_timeout;
    if tokio::time::timeout(drain, tasks.wait()).await.is_err() {
        warn!(
            stage = shared.cfg.stage,
            inflight = tracker.inflight(&[]),
            "drain timed out; unfinished records will be redelivered"
        );
        shared.abort.cancel();
        tasks.wait().await;
    }
    let c = consumer.clone();
    match tokio::task::spawn_blocking(move || c.commit_consumer_state(CommitMode::Sync)).await {
        Ok(Ok(())) => info!(stage = shared.cfg.stage, "final commit done"),
        Ok(Err(KafkaError::ConsumerCommit(RDKafkaErrorCode::NoOffset))) => {}
        Ok(Err(e)) => warn!(stage = shared.cfg.stage, error = %e, "final commit failed"),
        Err(e) => error!(stage = shared.cfg.stage, error = %e, "final commit task failed"),
    }
    if let Err(e) = shared
        .producer
        .flush(Timeout::After(Duration::from_secs(5)))
    {
        warn!(stage = shared.cfg.stage, error = %e, "producer flush failed");
    }
    if let Some(e) = shared.fatal.get() {
        error!(stage = shared.cfg.stage, error = %e, "stage stopped: the producer failed fatally; unfinished records will be redelivered");
        return Err(StageError::Kafka(e.clone()));
    }
    info!(stage = shared.cfg.stage, "stage stopped");
    Ok(())
}

pub(crate) fn owned_input<M: Message>(m: &M) -> InputRecord {
    let headers = m
        .headers()
        .map(|h| {
            h.iter()
                .map(|h| {
                    (
                        h.key.to_string(),
                        h.value.map(<[u8]>::to_vec).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    InputRecord {
        topic: m.topic().to_string(),
        partition: m.partition(),
        offset: m.offset(),
        timestamp_ms: m.timestamp().to_millis(),
        key: m.key().map(<[u8]>::to_vec),
        payload: m.payload().map(<[u8]>::to_vec),
        headers,
    }
}

/// Why a delivery did not happen.
enum DeliveryFailure {
    /// The broker will never take this record.
    Permanent(KafkaError),
    /// Drain time ran out.
    Aborted,
}

fn is_permanent(e: &KafkaError) -> bool {
    matches!(
        e.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::MessageSizeTooLarge
                | RDKafkaErrorCode::InvalidMessageSize
                | RDKafkaErrorCode::InvalidMessage
                | RDKafkaErrorCode::InvalidRecord
        )
    )
}

/// Produces one record, retrying transient errors with backoff until acknowledged,
/// permanently refused, or aborted.
async fn deliver<P>(
    s: &Shared<P>,
    topic: &str,
    key: Option<&[u8]>,
    payload: &[u8],
    headers: &[(String, Vec<u8>)],
) -> Result<(), DeliveryFailure> {
    let mut backoff = Duration::from_millis(100);
    loop {
        let mut owned = OwnedHeaders::new_with_capacity(headers.len());
        for (k, v) in headers {
            owned = owned.insert(Header {
                key: k,
                value: Some(v),
            });
        }
        let mut record = FutureRecord::to(topic).payload(payload).headers(owned);
        if let Some(k) = key {
            record = record.key(k);
        }
        let sent = tokio::select! {
            r = s.producer.send(record, Timeout::After(Duration::from_secs(5))) => r,
            _ = s.abort.cancelled() => return Err(DeliveryFailure::Aborted),
        };
        match sent {
            Ok(_) => {
                if topic == s.cfg.output_topic {
                    s.produced_output.inc();
                } else if topic == s.cfg.dlq_topic {
                    s.produced_dlq.inc();
                } else {
                    s.metrics.produced(topic);
                }
                return Ok(());
            }
            Err((e, _)) if is_permanent(&e) => return Err(DeliveryFailure::Permanent(e)),
            // An idempotent producer's fatal error (a sequence out of order after a broker
            // restart) makes it unusable: retrying would spin for ever. The stage stops, its
            // unfinished records uncommitted, for a restart to take them up again.
            Err((e, _)) if e.rdkafka_error_code() == Some(RDKafkaErrorCode::Fatal) => {
                let _ = s.fatal.set(e);
                s.abort.cancel();
                return Err(DeliveryFailure::Aborted);
            }
            Err((e, _)) => {
                s.metrics.retries.inc();
                warn!(stage = s.cfg.stage, topic, error = %e, backoff_ms = backoff.as_millis() as u64, "delivery failed; retrying");
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = s.abort.cancelled() => return Err(DeliveryFailure::Aborted),
                }
                backoff = (backoff * 2).min(Duration::from_secs(5));
            }
        }
    }
}

/// The headers of a dead letter: the input's own (bar newsflow's internal ones, ingest time and
/// format hint kept) and the DLQ headers of CONTRACTS.md.
pub(crate) fn dlq_headers(
    stage: &str,
    input: &InputRecord,
    rejection: &Rejection,
) -> Vec<(String, Vec<u8>)> {
    let mut headers: Vec<(String, Vec<u8>)> = input
        .headers
        .iter()
        .filter(|(k, _)| {
            !k.starts_with("newsflow-") || k == header_names::INGEST_TS || k == "newsflow-format"
        })
        .cloned()
        .collect();
    let mut push = |k: &str, v: String| headers.push((k.to_string(), v.into_bytes()));
    push(header_names::STAGE, stage.to_string());
    push(header_names::REASON, rejection.reason.to_string());
    push(
        header_names::ERROR,
        rejection.message.chars().take(1000).collect(),
    );
    push(header_names::SOURCE_TOPIC, input.topic.clone());
    push(header_names::SOURCE_PARTITION, input.partition.to_string());
    push(header_names::SOURCE_OFFSET, input.offset.to_string());
    headers
}

/// The `newsflow-ingest-ts` of an input: its header, else its timestamp, else now.
pub(crate) fn ingest_ts(input: &InputRecord) -> i64 {
    input
        .header(header_names::INGEST_TS)
        .and_then(|v| std::str::from_utf8(v).ok()?.parse::<i64>().ok())
        .or(input.timestamp_ms)
        .unwrap_or_else(now_ms)
}

/// Sends the input, unchanged, to the DLQ with the reason headers. A value the broker
/// refuses (too large) is replaced by an empty one: the headers still point at the original.
async fn dead_letter<P>(
    s: &Shared<P>,
    input: &InputRecord,
    rejection: &Rejection,
) -> Result<(), DeliveryFailure> {
    let mut headers = dlq_headers(s.cfg.stage, input, rejection);
    let payload = input.payload.as_deref().unwrap_or_default();
    match deliver(s, &s.cfg.dlq_topic, input.key.as_deref(), payload, &headers).await {
        Err(DeliveryFailure::Permanent(e)) => {
            warn!(stage = s.cfg.stage, offset = input.offset, error = %e, "DLQ refused the value; dead-lettering headers only");
            if let Some((_, v)) = headers.iter_mut().find(|(k, _)| k == header_names::ERROR) {
                v.extend_from_slice(format!(" (value omitted from the DLQ: {e})").as_bytes());
            }
            deliver(s, &s.cfg.dlq_topic, input.key.as_deref(), &[], &headers).await
        }
        other => other,
    }
}

/// A partition's in-flight window: records, and KiB of record values.
#[derive(Clone)]
struct Window {
    records: Arc<Semaphore>,
    kib: Arc<Semaphore>,
    kib_total: u32,
}

/// A record's place in its partition's window, given back when the record is done.
struct Slot {
    _record: OwnedSemaphorePermit,
    _kib: OwnedSemaphorePermit,
}

impl Window {
    fn new(cfg: &StageConfig) -> Self {
        let kib_total = u32::try_from(cfg.max_inflight_mib_per_partition.get() * 1024)
            .unwrap_or(Semaphore::MAX_PERMITS as u32);
        Window {
            records: Arc::new(Semaphore::new(cfg.max_inflight_per_partition.get())),
            kib: Arc::new(Semaphore::new(kib_total as usize)),
            kib_total,
        }
    }

    /// KiB a value of `bytes` takes: at least 1, at most the whole budget.
    fn kib_of(&self, bytes: usize) -> u32 {
        u32::try_from(bytes.div_ceil(1024))
            .unwrap_or(u32::MAX)
            .clamp(1, self.kib_total)
    }

    fn try_take(&self, bytes: usize) -> Option<Slot> {
        let record = self.records.clone().try_acquire_owned().ok()?;
        let kib = self
            .kib
            .clone()
            .try_acquire_many_owned(self.kib_of(bytes))
            .ok()?;
        Some(Slot {
            _record: record,
            _kib: kib,
        })
    }

    /// Waits for room; `None` once the window is closed.
    async fn take(&self, bytes: usize) -> Option<Slot> {
        let record = self.records.clone().acquire_owned().await.ok()?;
        let kib = self
            .kib
            .clone()
            .acquire_many_owned(self.kib_of(bytes))
            .await
            .ok()?;
        Some(Slot {
            _record: record,
            _kib: kib,
        })
    }
}

/// Most records taken from the fetch queue into one batch.
const MAX_BATCH: usize = 64;

/// Longest a finished outcome waits for delivery while its job goes on processing.
const HAND_OVER: Duration = Duration::from_millis(1);

/// A record admitted to processing: registered with the tracker, holding its partition's
/// in-flight slot and counted in the in-flight gauge until it is done.
struct Admitted {
    input: InputRecord,
    ticket: Ticket,
    slot: Slot,
    inflight: InflightGuard,
}

/// Hands the batched records, if any, to a new task.
fn dispatch<P: Processor>(s: &Arc<Shared<P>>, tasks: &TaskTracker, batch: &mut Vec<Admitted>) {
    if batch.is_empty() {
        return;
    }
    let records = std::mem::replace(batch, Vec::with_capacity(MAX_BATCH));
    let span = tracing::debug_span!("batch", stage = s.cfg.stage, records = records.len());
    tasks.spawn(handle(s.clone(), records).instrument(span));
}

/// Processes a batch and produces its outputs: one blocking job takes the batch's records one
/// after another — joined by a further job whenever a worker comes free while records are left,
/// so a slow record holds up only the job it is on — and each record's outputs and dead letters
/// are produced as soon as it is processed (within [`HAND_OVER`]). Offsets are stored per partition, up to where everything was acknowledged,
/// whenever the batch's deliveries in flight run out.
async fn handle<P: Processor>(s: Arc<Shared<P>>, batch: Vec<Admitted>) {
    let started = Instant::now();
    let n = batch.len();
    let mut holds: Vec<Option<(Slot, InflightGuard)>> = Vec::with_capacity(n);
    let mut records: Vec<(InputRecord, Ticket)> = Vec::with_capacity(n);
    for a in batch {
        holds.push(Some((a.slot, a.inflight)));
        records.push((a.input, a.ticket));
    }
    let records = Arc::new(records);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Outcome)>();
    let taken = Arc::new(AtomicUsize::new(0));
    let ended = Arc::new(tokio::sync::Notify::new());
    // A blocking job takes the batch's records one after another until none is left. Its
    // outcomes wait in a plain channel, collected by this task at least every `HAND_OVER`
    // while records are being processed, and at once when the job ends: waking this task for
    // every record cost the worker a futex wake-up and a context switch per record (~6 % of its
    // time), and a record stuck in the processor must not hold back those done before it.
    let spawn_job = |worker: OwnedSemaphorePermit, tx: std::sync::mpsc::Sender<_>| {
        let (p, recs, taken, ended) = (
            s.processor.clone(),
            records.clone(),
            taken.clone(),
            ended.clone(),
        );
        tokio::task::spawn_blocking(move || {
            let _worker = worker;
            loop {
                let i = taken.fetch_add(1, Ordering::Relaxed);
                let Some((input, _)) = recs.get(i) else {
                    break;
                };
                if tx.send((i, process_caught(&*p, input))).is_err() {
                    return;
                }
            }
            drop(tx);
            ended.notify_one();
        });
    };
    let Ok(first) = s.workers.clone().acquire_owned().await else {
        return;
    };
    spawn_job(first, tx.clone());
    // Every worker that comes free while records of the batch are left joins in.
    let mut helper_tx = Some(tx);
    let mut helper = Some(Box::pin(s.workers.clone().acquire_owned()));
    let mut delivering = futures_util::stream::FuturesUnordered::new();
    let mut store: HashMap<TopicPartition, i64> = HashMap::new();
    let mut open = true;
    let mut received = 0;
    while open || !delivering.is_empty() {
        if taken.load(Ordering::Relaxed) >= n {
            // Nothing left to take: no more jobs, and no waiting for a worker that another
            // batch needs.
            helper = None;
            helper_tx = None;
        }
        // What the jobs have finished goes to delivery.
        while open {
            match rx.try_recv() {
                Ok((i, outcome)) => {
                    received += 1;
                    let (input, ticket) = &records[i];
                    delivering
                        .push(finish(&s, input, ticket, outcome, started).map(move |ok| (i, ok)));
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => open = false,
            }
        }
        if !open && delivering.is_empty() {
            break;
        }
        // A job is on the batch from here on: what it has not yet handed over is in its hands.
        let processing = open && received < n;
        let mut joined = None;
        tokio::select! {
            w = async {
                match helper.as_mut() {
                    Some(h) => h.await,
                    None => std::future::pending().await,
                }
            } => joined = Some(w),
            _ = ended.notified(), if open => {}
            _ = tokio::time::sleep(HAND_OVER), if processing => {}
            Some((i, ok)) = delivering.next(), if !delivering.is_empty() => {
                holds[i] = None;
                let ticket = &records[i].1;
                if ok {
                    if let Some(next) = s.tracker.complete(ticket) {
                        let e = store.entry(ticket.tp.clone()).or_insert(next);
                        *e = (*e).max(next);
                    }
                }
            }
        }
        match joined {
            Some(Ok(worker)) => {
                if let Some(tx) = &helper_tx {
                    spawn_job(worker, tx.clone());
                }
                helper = Some(Box::pin(s.workers.clone().acquire_owned()));
            }
            Some(Err(_)) => helper = None,
            None => {}
        }
        if delivering.is_empty() && !store.is_empty() {
            store_offsets(&s, std::mem::take(&mut store));
        }
    }
    if open {
        error!(
            stage = s.cfg.stage,
            "processing jobs ended early; unprocessed offsets stay unstored"
        );
    }
}

/// Runs the processor on one record; a panic rejects the record (`processing_error`).
pub(crate) fn process_caught<P: Processor>(p: &P, input: &InputRecord) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| p.process(input))).unwrap_or_else(
        |panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|m| (*m).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Outcome {
                rejections: vec![Rejection {
                    reason: "processing_error",
                    message: format!("processor failed: panicked: {what}"),
                }],
                ..Outcome::default()
            }
        },
    )
}

/// Stores the next offsets to commit.
fn store_offsets<P>(s: &Shared<P>, next: HashMap<TopicPartition, i64>) {
    let mut tpl = TopicPartitionList::new();
    for ((topic, partition), offset) in next {
        let _ = tpl.add_partition_offset(&topic, partition, Offset::Offset(offset));
    }
    if let Err(e) = s.consumer.store_offsets(&tpl) {
        debug!(stage = s.cfg.stage, error = %e, "offset store refused (partition revoked?)");
    }
}

/// Produces one record's outputs and dead letters; `true` when everything was acknowledged.
async fn finish<P: Processor>(
    s: &Shared<P>,
    input: &InputRecord,
    ticket: &Ticket,
    outcome: Outcome,
    started: Instant,
) -> bool {
    if outcome.duplicates > 0 {
        s.metrics.duplicates.inc_by(outcome.duplicates);
    }
    if outcome.superseded > 0 {
        s.metrics.superseded.inc_by(outcome.superseded);
    }
    let ingest_ts = ingest_ts(input);
    let mut rejections = outcome.rejections;
    let produced_any = !outcome.outputs.is_empty();
    for out in outcome.outputs {
        let OutputRecord {
            topic,
            key,
            payload,
            mut headers,
        } = out;
        if !headers.iter().any(|(k, _)| k == header_names::INGEST_TS) {
            headers.push((
                header_names::INGEST_TS.to_string(),
                ingest_ts.to_string().into_bytes(),
            ));
        }
        let topic = topic.unwrap_or_else(|| s.cfg.output_topic.clone());
        match deliver(s, &topic, key.as_deref(), &payload, &headers).await {
            Ok(()) => {}
            Err(DeliveryFailure::Aborted) => return false,
            Err(DeliveryFailure::Permanent(e)) => {
                let reason = if matches!(
                    e.rdkafka_error_code(),
                    Some(
                        RDKafkaErrorCode::MessageSizeTooLarge
                            | RDKafkaErrorCode::InvalidMessageSize
                    )
                ) {
                    "too_large"
                } else {
                    "processing_error"
                };
                rejections.push(Rejection {
                    reason,
                    message: format!("output to {topic} refused: {e}"),
                });
            }
        }
    }
    for r in &rejections {
        match dead_letter(s, input, r).await {
            Ok(()) => {
                s.metrics.rejected(r.reason);
                warn!(stage = s.cfg.stage, topic = %input.topic, partition = input.partition, offset = input.offset, reason = r.reason, error = %r.message, "rejected record");
            }
            Err(_) => {
                error!(
                    stage = s.cfg.stage,
                    offset = ticket.offset,
                    "dead-letter write failed; offset not committed"
                );
                return false;
            }
        }
    }
    s.metrics
        .processing
        .observe(started.elapsed().as_secs_f64());
    if produced_any {
        s.metrics
            .end_to_end
            .observe(((now_ms() - ingest_ts).max(0) as f64) / 1000.0);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{FileConfig, StageArgs, StageDefaults};

    fn window(records: usize, mib: usize) -> Window {
        let args = StageArgs {
            brokers: Some("localhost:9092".into()),
            max_inflight_per_partition: Some(records),
            max_inflight_mib_per_partition: Some(mib),
            ..StageArgs::default()
        };
        let defaults = StageDefaults {
            stage: "test",
            input_topic: "in",
            output_topic: "out",
            admin_port: 0,
            max_inflight_per_partition: 1024,
        };
        Window::new(
            &args
                .resolve(&defaults, &FileConfig::default())
                .expect("config"),
        )
    }

    #[test]
    fn the_window_bounds_records_and_bytes_per_partition() {
        let w = window(3, 1);
        // Bytes: two 600 KiB values do not fit a 1 MiB budget together.
        let first = w.try_take(600 * 1024).expect("room for the first");
        assert!(w.try_take(600 * 1024).is_none());
        drop(first);
        let big = w.try_take(600 * 1024).expect("room again once it is done");
        drop(big);
        // A value larger than the whole budget takes all of it, but only all of it.
        let huge = w
            .try_take(5 << 20)
            .expect("an oversized value still gets in alone");
        assert!(w.try_take(10).is_none());
        drop(huge);
        // Records: at most three, however small.
        let held: Vec<Slot> = (0..3).map(|_| w.try_take(10).expect("room")).collect();
        assert!(w.try_take(10).is_none());
        drop(held);
        assert!(w.try_take(10).is_some());
    }
}
