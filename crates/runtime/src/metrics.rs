//! The metrics of CONTRACTS.md, registered on an explicit registry.
//!
//! [`Metrics`] registers every family once per registry; [`StageMetrics`] is one stage's
//! view with its labelled children looked up once. The demo runs three stages on one
//! registry; a service runs one.

use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry,
};

/// Histogram buckets, 1 ms to 10 s.
pub const BUCKETS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Every reason code, for pre-initialisation.
pub const REASONS: [&str; 7] = [
    "decode_error",
    "unsupported_format",
    "package_item",
    "encoding_error",
    "too_large",
    "invalid_item",
    "processing_error",
];

/// The metric families.
#[derive(Clone)]
pub struct Metrics {
    /// `newsflow_records_received_total{stage,topic}`.
    pub received: IntCounterVec,
    /// `newsflow_records_produced_total{stage,topic}`.
    pub produced: IntCounterVec,
    /// `newsflow_records_rejected_total{stage,reason}`.
    pub rejected: IntCounterVec,
    /// `newsflow_duplicates_dropped_total{stage}`.
    pub duplicates: IntCounterVec,
    /// `newsflow_superseded_versions_dropped_total{stage}`.
    pub superseded: IntCounterVec,
    /// `newsflow_processing_duration_seconds{stage}`.
    pub processing: HistogramVec,
    /// `newsflow_end_to_end_latency_seconds{stage}`.
    pub end_to_end: HistogramVec,
    /// `newsflow_consumer_lag_messages{stage,topic,partition}`.
    pub lag_messages: IntGaugeVec,
    /// `newsflow_consumer_lag_seconds{stage,topic,partition}`.
    pub lag_seconds: IntGaugeVec,
    /// `newsflow_inflight_records{stage}`.
    pub inflight: IntGaugeVec,
    /// `newsflow_rebalances_total{stage}`.
    pub rebalances: IntCounterVec,
    /// `newsflow_entities_tagged_total{stage,kind}`.
    pub entities: IntCounterVec,
    /// `newsflow_subjects_tagged_total{stage,top_level}`.
    pub subjects: IntCounterVec,
    /// `newsflow_dlq_write_failures_total{stage}`: DLQ writes retried.
    pub dlq_retries: IntCounterVec,
}

fn counter(
    r: &Registry,
    name: &str,
    help: &str,
    labels: &[&str],
) -> prometheus::Result<IntCounterVec> {
    let c = IntCounterVec::new(Opts::new(name, help), labels)?;
    r.register(Box::new(c.clone()))?;
    Ok(c)
}

fn gauge(r: &Registry, name: &str, help: &str, labels: &[&str]) -> prometheus::Result<IntGaugeVec> {
    let g = IntGaugeVec::new(Opts::new(name, help), labels)?;
    r.register(Box::new(g.clone()))?;
    Ok(g)
}

fn histogram(r: &Registry, name: &str, help: &str) -> prometheus::Result<HistogramVec> {
    let h = HistogramVec::new(
        HistogramOpts::new(name, help).buckets(BUCKETS.to_vec()),
        &["stage"],
    )?;
    r.register(Box::new(h.clone()))?;
    Ok(h)
}

impl Metrics {
    /// Registers every family (and the process collector) on `registry`.
    pub fn register(registry: &Registry) -> prometheus::Result<Self> {
        #[cfg(target_os = "linux")]
        registry.register(Box::new(
            prometheus::process_collector::ProcessCollector::for_self(),
        ))?;
        Ok(Metrics {
            received: counter(
                registry,
                "newsflow_records_received_total",
                "Records read from the input topic.",
                &["stage", "topic"],
            )?,
            produced: counter(
                registry,
                "newsflow_records_produced_total",
                "Records acknowledged by the broker, per output topic (DLQ included).",
                &["stage", "topic"],
            )?,
            rejected: counter(
                registry,
                "newsflow_records_rejected_total",
                "Records sent to the dead-letter topic, by reason.",
                &["stage", "reason"],
            )?,
            duplicates: counter(
                registry,
                "newsflow_duplicates_dropped_total",
                "Exact duplicates dropped on purpose.",
                &["stage"],
            )?,
            superseded: counter(
                registry,
                "newsflow_superseded_versions_dropped_total",
                "Older versions of a story dropped after a newer one passed.",
                &["stage"],
            )?,
            processing: histogram(
                registry,
                "newsflow_processing_duration_seconds",
                "Time from a record's arrival to its last output acknowledged.",
            )?,
            end_to_end: histogram(
                registry,
                "newsflow_end_to_end_latency_seconds",
                "Time from newsflow-ingest-ts to this stage's outputs acknowledged.",
            )?,
            lag_messages: gauge(
                registry,
                "newsflow_consumer_lag_messages",
                "Messages behind the high watermark (librdkafka statistics).",
                &["stage", "topic", "partition"],
            )?,
            lag_seconds: gauge(
                registry,
                "newsflow_consumer_lag_seconds",
                "Now minus the timestamp of the oldest unprocessed record.",
                &["stage", "topic", "partition"],
            )?,
            inflight: gauge(
                registry,
                "newsflow_inflight_records",
                "Records being processed or produced.",
                &["stage"],
            )?,
            rebalances: counter(
                registry,
                "newsflow_rebalances_total",
                "Partition assignments and revocations.",
                &["stage"],
            )?,
            entities: counter(
                registry,
                "newsflow_entities_tagged_total",
                "Entity mentions tagged, by kind.",
                &["stage", "kind"],
            )?,
            subjects: counter(
                registry,
                "newsflow_subjects_tagged_total",
                "Subjects tagged, by Media Topic top level.",
                &["stage", "top_level"],
            )?,
            dlq_retries: counter(
                registry,
                "newsflow_delivery_retries_total",
                "Produce attempts retried after a transient error.",
                &["stage"],
            )?,
        })
    }

    /// One stage's view, with its known label children created at 0.
    pub fn stage(&self, stage: &'static str, input_topic: &str) -> StageMetrics {
        for reason in REASONS {
            self.rejected.with_label_values(&[stage, reason]);
        }
        StageMetrics {
            stage,
            families: self.clone(),
            received: self.received.with_label_values(&[stage, input_topic]),
            duplicates: self.duplicates.with_label_values(&[stage]),
            superseded: self.superseded.with_label_values(&[stage]),
            processing: self.processing.with_label_values(&[stage]),
            end_to_end: self.end_to_end.with_label_values(&[stage]),
            inflight: self.inflight.with_label_values(&[stage]),
            rebalances: self.rebalances.with_label_values(&[stage]),
            retries: self.dlq_retries.with_label_values(&[stage]),
        }
    }
}

/// One stage's metrics.
#[derive(Clone)]
pub struct StageMetrics {
    /// Stage label.
    pub stage: &'static str,
    /// The families, for dynamic labels.
    pub families: Metrics,
    /// Received on the input topic.
    pub received: IntCounter,
    /// Duplicates dropped.
    pub duplicates: IntCounter,
    /// Superseded versions dropped.
    pub superseded: IntCounter,
    /// Processing time.
    pub processing: Histogram,
    /// End-to-end latency.
    pub end_to_end: Histogram,
    /// In flight.
    pub inflight: IntGauge,
    /// Rebalances.
    pub rebalances: IntCounter,
    /// Produce retries.
    pub retries: IntCounter,
}

impl StageMetrics {
    /// Counts a produced record on `topic`.
    pub fn produced(&self, topic: &str) {
        self.families
            .produced
            .with_label_values(&[self.stage, topic])
            .inc();
    }

    /// Counts a rejection.
    pub fn rejected(&self, reason: &str) {
        self.families
            .rejected
            .with_label_values(&[self.stage, reason])
            .inc();
    }

    /// The produced counter of a topic, to count into without a label look-up per record.
    pub fn produced_counter(&self, topic: &str) -> IntCounter {
        self.families
            .produced
            .with_label_values(&[self.stage, topic])
    }

    /// Pre-creates the produced counter of a topic.
    pub fn init_produced(&self, topic: &str) {
        self.families
            .produced
            .with_label_values(&[self.stage, topic]);
    }
}
