//! The three stages in one process, as the demo and the bench run them.

use anyhow::Result;
use newsflow_consumer::config::ConsumerConfig;
use newsflow_consumer::DecodeProcessor;
use newsflow_enricher::EnrichProcessor;
use newsflow_nlp::Engine;
use newsflow_runtime::config::{FileConfig, StageArgs, StageDefaults};
use newsflow_runtime::{stage, Health, Metrics, Processor, StageConfig, StageMetrics};
use newsflow_sink::watch::{Rule, SinkConfig};
use newsflow_sink::RouteProcessor;
use std::sync::Arc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// A stage started in-process.
pub struct Running {
    /// Its metrics.
    pub metrics: StageMetrics,
    /// Its health.
    pub health: Arc<Health>,
    /// Its task.
    pub task: JoinHandle<Result<(), newsflow_runtime::StageError>>,
    /// Its config.
    pub config: StageConfig,
}

/// How long the in-process pipelines' consumers (the stages and the bench's reader) let a fetch
/// wait for data, in ms. librdkafka's mock cluster, which the demo and the bench run on by
/// default, holds a fetch that finds no data for the whole wait even when records arrive
/// meanwhile (Apache Kafka answers as soon as they do), so each hop adds half the wait on
/// average: 10 ms gave p50 24 ms and p99 39 ms at a quarter of the bench's maximum rate, 2 ms
/// 12 ms and 19 ms. On a real broker (`bench --brokers`) the short wait costs only more
/// fetch requests while a consumer is idle.
pub const FETCH_WAIT_MS: u32 = 2;

/// The configuration of an in-process stage on `brokers`.
pub fn stage_config(
    defaults: &StageDefaults,
    brokers: &str,
    group_suffix: &str,
) -> Result<StageConfig> {
    let args = StageArgs {
        brokers: Some(brokers.to_string()),
        group_id: Some(format!("newsflow-{}{group_suffix}", defaults.stage)),
        admin_addr: Some("off".into()),
        drain_timeout: Some("3s".into()),
        log_format: Some(newsflow_runtime::config::LogFormat::Text),
        kafka: vec![
            "session.timeout.ms=6000".into(),
            "heartbeat.interval.ms=500".into(),
            format!("fetch.wait.max.ms={FETCH_WAIT_MS}"),
        ],
        ..StageArgs::default()
    };
    Ok(args.resolve(defaults, &FileConfig::default())?)
}

/// Starts one stage with `processor`.
pub fn start<P: Processor>(
    config: StageConfig,
    processor: P,
    metrics: &Metrics,
    shutdown: &CancellationToken,
) -> Running {
    let m = metrics.stage(config.stage, &config.input_topic);
    let health = Health::new(config.stage);
    let task = tokio::spawn(stage::run(
        config.clone(),
        Arc::new(processor),
        m.clone(),
        health.clone(),
        shutdown.clone(),
    ));
    Running {
        metrics: m,
        health,
        task,
        config,
    }
}

/// Starts consumer, enricher and sink on `brokers`.
pub fn start_all(
    brokers: &str,
    group_suffix: &str,
    engine: Arc<Engine>,
    watch: Vec<Rule>,
    metrics: &Metrics,
    shutdown: &CancellationToken,
) -> Result<Vec<Running>> {
    let c = stage_config(&newsflow_consumer::DEFAULTS, brokers, group_suffix)?;
    let e = stage_config(&newsflow_enricher::DEFAULTS, brokers, group_suffix)?;
    let s = stage_config(&newsflow_sink::DEFAULTS, brokers, group_suffix)?;
    let consumer = start(
        c,
        DecodeProcessor::new(ConsumerConfig {
            dedup_window: 100_000,
            max_item_bytes: 4 * 1024 * 1024,
        }),
        metrics,
        shutdown,
    );
    let em = metrics.stage("enricher", &e.input_topic);
    let enricher = start(
        e,
        EnrichProcessor::new(engine, Some(&em)),
        metrics,
        shutdown,
    );
    let sink = start(
        s,
        RouteProcessor::new(SinkConfig {
            rules: watch,
            route_prefix: newsflow_model::topics::TOPIC_PREFIX.into(),
        }),
        metrics,
        shutdown,
    );
    Ok(vec![consumer, enricher, sink])
}

/// Has every record fed so far made it through all stages? (`fed` raw records.)
pub fn settled(stages: &[Running], fed: u64) -> bool {
    let [c, e, s] = stages else { return false };
    let produced = |r: &Running, topic: &str| {
        r.metrics
            .families
            .produced
            .with_label_values(&[r.metrics.stage, topic])
            .get()
    };
    c.metrics.received.get() >= fed
        && e.metrics.received.get() >= produced(c, &c.config.output_topic)
        && s.metrics.received.get() >= produced(e, &e.config.output_topic)
        && stages.iter().all(|r| r.metrics.inflight.get() == 0)
}
