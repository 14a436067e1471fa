//! `newsflow demo`: everything in one process on librdkafka's in-process mock cluster.

use crate::pipeline::{self, Running};
use crate::samples::SAMPLES;
use crate::{feed, tail, topics};
use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::ProgressBar;
use newsflow_model::EnrichedRecord;
use newsflow_nlp::Engine;
use newsflow_runtime::admin::AdminServer;
use newsflow_runtime::Metrics;
use newsflow_sink::Rule;
use prometheus::Registry;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::FutureProducer;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// `demo` flags.
#[derive(Args)]
pub struct DemoArgs {
    /// Admin server address (metrics of all three stages).
    #[arg(long, default_value = "0.0.0.0:9100")]
    pub admin_addr: SocketAddr,
    /// Watch-list rules for the sink (`NAME=PATTERN`).
    #[arg(
        long = "watch",
        default_value = "putin=http://www.wikidata.org/entity/Q7747"
    )]
    pub watch: Vec<String>,
    /// Keep serving metrics after the samples until Ctrl-C.
    #[arg(long)]
    pub serve: bool,
}

/// Runs the demo.
pub fn run(a: DemoArgs) -> Result<i32> {
    newsflow_runtime::logging::init(newsflow_runtime::config::LogFormat::Text);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(demo(a))
}

async fn demo(a: DemoArgs) -> Result<i32> {
    let watch: Vec<Rule> = a
        .watch
        .iter()
        .map(|w| Rule::parse(w))
        .collect::<Result<_, _>>()
        .map_err(anyhow::Error::msg)?;
    let cluster = MockCluster::new(1).context("starting the in-process broker")?;
    for t in topics::all_topics() {
        cluster
            .create_topic(&t, 3, 1)
            .with_context(|| format!("creating {t}"))?;
    }
    let brokers = cluster.bootstrap_servers();
    let registry = Registry::new();
    let metrics = Metrics::register(&registry)?;
    let shutdown = CancellationToken::new();
    let engine = Arc::new(Engine::embedded()?);
    let stages = pipeline::start_all(&brokers, "", engine, watch, &metrics, &shutdown)?;
    let server = AdminServer::bind(
        a.admin_addr,
        registry,
        stages.iter().map(|s| s.health.clone()).collect(),
    )
    .await
    .with_context(|| format!("binding the admin server on {}", a.admin_addr))?;
    let metrics_addr = server.local_addr()?;
    tokio::spawn(server.serve(shutdown.clone()));
    tokio::spawn(newsflow_runtime::service::signals(shutdown.clone()));

    let producer: FutureProducer =
        newsflow_runtime::kafka::producer(&brokers, &BTreeMap::new()).create()?;
    let items = SAMPLES.iter().map(|(n, b)| (n.to_string(), b.to_vec()));
    let failed = feed::publish(
        &producer,
        newsflow_model::topics::RAW,
        None,
        items,
        &ProgressBar::hidden(),
    )
    .await;
    if failed > 0 {
        bail!("{failed} samples could not be fed");
    }
    let fed = SAMPLES.len() as u64;
    let deadline = Instant::now() + Duration::from_secs(120);
    while !pipeline::settled(&stages, fed) {
        if shutdown.is_cancelled() {
            break;
        }
        if Instant::now() > deadline {
            bail!("the pipeline did not settle within 120 s");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    summary(&brokers, &stages).await?;
    println!("\nmetrics: http://{metrics_addr}/metrics");
    if a.serve {
        println!("serving metrics until Ctrl-C");
        shutdown.cancelled().await;
    }
    shutdown.cancel();
    for s in stages {
        s.task.await??;
    }
    Ok(0)
}

async fn summary(brokers: &str, stages: &[Running]) -> Result<()> {
    let b = crate::cluster::Cluster::plain(brokers);
    let (records, dead) = tokio::task::spawn_blocking(move || -> Result<_> {
        let mut records = Vec::new();
        tail::read(
            &b,
            newsflow_model::topics::ENRICHED,
            true,
            true,
            None,
            |v| {
                records.push(v);
                true
            },
        )?;
        let mut dead = Vec::new();
        tail::read(&b, newsflow_model::topics::DLQ, true, true, None, |v| {
            dead.push(v);
            true
        })?;
        Ok((records, dead))
    })
    .await??;
    println!(
        "newsflow demo: {} samples → {} enriched, {} dead letters, {} duplicates dropped\n",
        SAMPLES.len(),
        records.len(),
        dead.len(),
        stages[0].metrics.duplicates.get()
    );
    for v in records {
        let r: EnrichedRecord = serde_json::from_value(v["value"].clone())?;
        let title = r
            .item
            .headlines
            .first()
            .map(|h| h.value.clone())
            .unwrap_or_else(|| r.body_text().chars().take(70).collect::<String>() + "…");
        println!("■ {title}");
        println!(
            "  key {}  format {}  language {} ({:.2})",
            v["key"].as_str().unwrap_or(""),
            r.source.as_ref().map_or("", |s| s.format.as_str()),
            r.analysis.language.tag,
            r.analysis.language.confidence
        );
        let ents: Vec<String> = r
            .analysis
            .entities
            .iter()
            .take(8)
            .map(|e| {
                format!(
                    "{} [{}{}]",
                    e.name,
                    e.kind.as_str(),
                    e.uri.as_ref().map_or(String::new(), |u| format!(
                        " {}",
                        u.rsplit('/').find(|s| !s.is_empty()).unwrap_or("")
                    ))
                )
            })
            .collect();
        println!("  entities: {}", ents.join(", "));
        let subs: Vec<String> = r
            .analysis
            .subjects
            .iter()
            .take(6)
            .map(|s| format!("{} {} ({})", s.code, s.name, s.relevance))
            .collect();
        println!("  subjects: {}", subs.join("; "));
        let kws: Vec<&str> = r
            .analysis
            .keywords
            .iter()
            .take(6)
            .map(|k| k.text.as_str())
            .collect();
        println!("  keywords: {}\n", kws.join(", "));
    }
    for d in dead {
        println!(
            "✗ {} → news.dlq: {} ({})",
            d["key"].as_str().unwrap_or(""),
            d["headers"]["newsflow-reason"].as_str().unwrap_or(""),
            d["headers"]["newsflow-error"].as_str().unwrap_or("")
        );
    }
    let routed: Vec<String> = newsflow_model::topics::TOP_LEVEL_SLUGS
        .iter()
        .filter_map(|s| {
            let t = format!("{}{s}", newsflow_model::topics::TOPIC_PREFIX);
            let n = stages[2]
                .metrics
                .families
                .produced
                .with_label_values(&["sink", &t])
                .get();
            (n > 0).then(|| format!("{t}={n}"))
        })
        .collect();
    println!("\nrouted: {}", routed.join(" "));
    println!(
        "alerts: {}",
        stages[2]
            .metrics
            .families
            .produced
            .with_label_values(&["sink", newsflow_model::topics::ALERTS])
            .get()
    );
    Ok(())
}
