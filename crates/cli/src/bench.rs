//! `newsflow bench`: in one run on one broker, (a) a bare rdkafka copy loop, (b) the runtime
//! with an identity processor, (c) the engine offline with the enricher's worker count, (d) the
//! enricher stage through Kafka, the whole pipeline, end-to-end latency at offered loads (with
//! an SVG plot) and resident memory. Prints figures; asserts nothing.

use crate::pipeline;
use crate::samples::SAMPLES;
use anyhow::{Context, Result};
use clap::Args;
use indicatif::ProgressBar;
use newsflow_consumer::config::ConsumerConfig;
use newsflow_consumer::DecodeProcessor;
use newsflow_model::Article;
use newsflow_nlp::Engine;
use newsflow_runtime::{InputRecord, Metrics, Outcome, OutputRecord, Processor};
use prometheus::Registry;
use rdkafka::mocking::MockCluster;
use rdkafka::producer::FutureProducer;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// `bench` flags.
#[derive(Args)]
pub struct BenchArgs {
    /// Articles per measurement (a few thousand: a shorter stage run times its ramp-up).
    #[arg(long, default_value_t = 6000)]
    pub count: usize,
    /// Records for the runtime measurements (a) and (b): the articles, cycled.
    #[arg(long, default_value_t = 20_000)]
    pub runtime_count: usize,
    /// Enricher workers for (c), (c') and (d) (default: the enricher's own default, one per
    /// CPU). With fewer workers than CPUs, (d)/(c) shows what the runtime and the client cost
    /// when they are not competing with the engine for the cores.
    #[arg(long)]
    pub workers: Option<std::num::NonZeroUsize>,
    /// Bootstrap servers of an existing broker (default: an in-process mock cluster).
    #[arg(long)]
    pub brokers: Option<String>,
    /// Instead: the enrichment engine alone, one thread, on the texts of this file (one text per
    /// line; CSV lines use their columns after the first), printing tokens/s and articles/s.
    #[arg(long)]
    pub nlp_corpus: Option<std::path::PathBuf>,
}

/// The engine alone on a fixed corpus: segmentation through subjects, one thread.
fn bench_nlp(path: &std::path::Path) -> Result<i32> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let started = Instant::now();
    let engine = Engine::embedded()?;
    let startup = started.elapsed();
    let articles: Vec<Article> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let body = if l.starts_with('"') {
                l.split_once(',').map_or(l, |x| x.1).replace('"', "")
            } else {
                l.to_string()
            };
            Article {
                id: format!("b{i}"),
                uri: format!("urn:bench:{i}"),
                body_text: body,
                ..Article::default()
            }
        })
        .collect();
    let tokens: usize = articles
        .iter()
        .map(|a| a.body_text.split_whitespace().count())
        .sum();
    // Warm up once, then time one pass.
    for a in articles.iter().take(50) {
        std::hint::black_box(engine.enrich(a));
    }
    // Whole passes over the texts until three seconds have gone by: one pass of a small corpus
    // is too short to measure on a shared machine.
    let t = Instant::now();
    let mut passes = 0usize;
    while passes == 0 || t.elapsed() < Duration::from_secs(3) {
        for a in &articles {
            std::hint::black_box(engine.enrich(a));
        }
        passes += 1;
    }
    let secs = t.elapsed().as_secs_f64() / passes as f64;
    println!(
        "engine start-up (resources, automata, NER model): {:.0} ms",
        startup.as_secs_f64() * 1000.0
    );
    println!("newsflow engine, 1 thread: {} articles, {tokens} whitespace tokens in {secs:.2} s (mean of {passes} passes): {:.0} tokens/s, {:.0} articles/s", articles.len(), tokens as f64 / secs, articles.len() as f64 / secs);
    Ok(0)
}

/// Distinct, realistic 4–5 KB articles: the seed story with its paragraphs rotated and a
/// numbered paragraph added, so no two are duplicates.
fn corpus(n: usize) -> Vec<(String, Vec<u8>)> {
    let seed = String::from_utf8_lossy(SAMPLES[0].1).into_owned();
    let paragraphs: Vec<&str> = seed.split("\n\n").collect();
    (0..n)
        .map(|i| {
            let k = i % paragraphs.len();
            let mut body: Vec<&str> = paragraphs[k..].to_vec();
            body.extend_from_slice(&paragraphs[..k]);
            let text = format!(
                "{}\n\nBench paragraph {i}: the figures were updated at {i} o'clock.",
                body.join("\n\n")
            );
            (format!("bench-{i}.txt"), text.into_bytes())
        })
        .collect()
}

/// Runs the bench.
pub fn run(a: BenchArgs) -> Result<i32> {
    if let Some(corpus) = &a.nlp_corpus {
        return bench_nlp(corpus);
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    rt.block_on(bench(a))
}

async fn bench(a: BenchArgs) -> Result<i32> {
    let items = corpus(a.count);
    let bytes: usize = items.iter().map(|(_, b)| b.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "newsflow bench: {} articles, {:.1} MB, mean {:.1} KB",
        items.len(),
        mb,
        bytes as f64 / items.len() as f64 / 1e3
    );

    // Engine offline, one thread.
    let engine = Arc::new(Engine::embedded()?);
    let decode = DecodeProcessor::new(ConsumerConfig {
        dedup_window: 0,
        max_item_bytes: 1 << 22,
    });
    let articles: Vec<Article> = items
        .iter()
        .filter_map(|(k, b)| {
            let o = decode.process(&InputRecord {
                key: Some(k.as_bytes().to_vec()),
                payload: Some(b.clone()),
                ..InputRecord::default()
            });
            o.outputs
                .first()
                .and_then(|out| serde_json::from_slice(&out.payload).ok())
        })
        .collect();
    // Warm up (first touches of the automata and model pages) before timing.
    for art in articles.iter().take(100) {
        std::hint::black_box(engine.enrich(art));
    }
    let t = Instant::now();
    for art in &articles {
        std::hint::black_box(engine.enrich(art));
    }
    let offline = articles.len() as f64 / t.elapsed().as_secs_f64();
    println!(
        "engine offline (1 thread):         {offline:>9.0} articles/s  {:>7.2} MB/s",
        offline * mb / items.len() as f64
    );
    // (c): the same articles on as many threads as the enricher stage has workers.
    let workers = match a.workers {
        Some(w) => w,
        None => pipeline::stage_config(&newsflow_enricher::DEFAULTS, "unused", "")?.workers,
    };

    let cluster;
    let brokers = match &a.brokers {
        Some(b) => {
            crate::topics::create_named(&crate::cluster::Cluster::plain(b), &bench_topics(), 3, 1)
                .await?;
            b.clone()
        }
        None => {
            cluster = MockCluster::new(1)?;
            for t in bench_topics() {
                cluster.create_topic(&t, 3, 1)?;
            }
            cluster.bootstrap_servers()
        }
    };
    let producer: FutureProducer =
        newsflow_runtime::kafka::producer(&brokers, &BTreeMap::new()).create()?;
    // Backlogs are loaded before timing, in large batches: the mock cluster scans a partition's
    // message sets on every fetch, so a backlog of many small sets would time the mock broker
    // rather than the stage (and a real backlog arrives from many producers in full batches).
    let bulk: FutureProducer = newsflow_runtime::kafka::producer(
        &brokers,
        &BTreeMap::from([
            ("linger.ms".to_string(), "100".to_string()),
            ("batch.num.messages".to_string(), "10000".to_string()),
            ("batch.size".to_string(), "1000000".to_string()),
        ]),
    )
    .create()?;

    // (b): the runtime with an identity processor, over a backlog of `runtime_count` records
    // (the articles, cycled).
    let records: Vec<(String, Vec<u8>)> = (0..a.runtime_count.max(1))
        .map(|i| {
            let (k, b) = &items[i % items.len()];
            (format!("{k}-{i}"), b.clone())
        })
        .collect();
    let rec_mb = records.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    feed(&bulk, IDENTITY_IN, &records).await?;
    let identity = |i: &InputRecord| Outcome {
        outputs: vec![OutputRecord {
            topic: None,
            key: i.key.clone(),
            payload: i.payload.clone().unwrap_or_default(),
            headers: Vec::new(),
        }],
        ..Outcome::default()
    };
    // (b) then (a), three rounds over the same backlog: one pass takes a tenth of a second, so
    // a single pair is at the mercy of whatever else the machine does in it; the median ratio
    // is reported.
    let mut ratios = Vec::new();
    for round in 1..=ROUNDS {
        let identity_rate = time_stage(
            &brokers,
            &newsflow_consumer::DEFAULTS,
            (IDENTITY_IN, IDENTITY_OUT),
            identity,
            records.len() as u64,
            None,
        )
        .await?;
        // (a): the client's own limit, a bare consume → produce loop over the same backlog
        // with the stage's client settings.
        let copy_rate = copy_loop(&brokers, records.len()).await?;
        println!(
            "(a) rdkafka copy loop:             {copy_rate:>9.0} records/s   {:>7.2} MB/s   ({} records, round {round})",
            copy_rate * rec_mb / records.len() as f64,
            records.len()
        );
        println!(
            "(b) runtime, identity processor:   {identity_rate:>9.0} records/s   {:>7.2} MB/s   (b)/(a) = {:.2}",
            identity_rate * rec_mb / records.len() as f64,
            identity_rate / copy_rate
        );
        ratios.push(identity_rate / copy_rate);
    }
    println!(
        "(b)/(a), median of {ROUNDS} rounds:    {:.2}",
        median(&mut ratios)
    );

    // (d): the enricher stage through Kafka, on the decoded articles.
    let article_records: Vec<(String, Vec<u8>)> = articles
        .iter()
        .map(|art| Ok((art.id.clone(), serde_json::to_vec(art)?)))
        .collect::<Result<_>>()?;
    // (c'): the enricher's processor offline on those records, the same threads: the engine
    // plus the JSON decoding and encoding the stage does, so (d)/(c') is what Kafka and the
    // runtime cost.
    let processor = newsflow_enricher::EnrichProcessor::new(engine.clone(), None);
    let inputs: Vec<InputRecord> = article_records
        .iter()
        .map(|(k, b)| InputRecord {
            key: Some(k.as_bytes().to_vec()),
            payload: Some(b.clone()),
            ..InputRecord::default()
        })
        .collect();
    feed(&bulk, ENRICH_IN, &article_records).await?;
    let registry = Registry::new();
    let em = Metrics::register(&registry)?.stage("enricher", ENRICH_IN);
    // (c), (c') and (d) in rounds, as (b) and (a): the offline rate on this shared machine
    // swings by a quarter from minute to minute, so a ratio of two figures taken a minute apart
    // measured the machine; the median of each round's ratio is reported.
    let (mut to_engine, mut to_processor) = (Vec::new(), Vec::new());
    for round in 1..=ROUNDS {
        let offline_workers = parallel_rate(workers.get(), &articles, |art| engine.enrich(art));
        let offline_processor = parallel_rate(workers.get(), &inputs, |i| processor.process(i));
        let enriched_rate = time_stage(
            &brokers,
            &newsflow_enricher::DEFAULTS,
            (ENRICH_IN, ENRICH_OUT),
            newsflow_enricher::EnrichProcessor::new(engine.clone(), Some(&em)),
            article_records.len() as u64,
            Some(workers),
        )
        .await?;
        println!(
            "(c) engine offline ({workers} threads):    {offline_workers:>9.0} articles/s  {:>7.2} MB/s   (round {round})",
            offline_workers * mb / items.len() as f64
        );
        println!(
            "(c') enricher processor offline:   {offline_processor:>9.0} records/s   {:>7.2} MB/s   (JSON in and out, {workers} threads)",
            offline_processor * mb / items.len() as f64,
        );
        println!(
            "(d) enricher stage through Kafka:  {enriched_rate:>9.0} records/s   {:>7.2} MB/s   (d)/(c) = {:.2}   (d)/(c') = {:.2}",
            enriched_rate * mb / items.len() as f64,
            enriched_rate / offline_workers,
            enriched_rate / offline_processor
        );
        to_engine.push(enriched_rate / offline_workers);
        to_processor.push(enriched_rate / offline_processor);
    }
    println!(
        "(d)/(c), median of {ROUNDS} rounds:    {:.2}   (d)/(c'): {:.2}",
        median(&mut to_engine),
        median(&mut to_processor)
    );

    // The whole pipeline on the same broker: raw items through the three stages.
    let n = items.len() as u64;
    let shutdown = CancellationToken::new();
    let registry = Registry::new();
    let metrics = Metrics::register(&registry)?;
    let stages = pipeline::start_all(&brokers, "-bench", engine, Vec::new(), &metrics, &shutdown)?;
    wait(|| stages.iter().all(|s| s.health.assigned() > 0)).await?;
    let t = Instant::now();
    feed(&producer, newsflow_model::topics::RAW, &items).await?;
    wait(|| pipeline::settled(&stages, n)).await?;
    let full = n as f64 / t.elapsed().as_secs_f64();
    println!(
        "full pipeline (3 stages, 1 proc):    {full:>9.0} records/s   {:>7.2} MB/s",
        full * mb / n as f64
    );

    // Latency from feed to news.enriched at offered loads below and at the maximum.
    println!("end-to-end latency, feed → news.enriched (offered load as a share of {full:.0} records/s):");
    let mut points = Vec::new();
    for (k, share) in [0.25f64, 0.5, 0.75, 1.0].into_iter().enumerate() {
        let rate = (full * share).max(1.0);
        let count = ((rate * 4.0) as usize).clamp(50, 2000);
        let batch: Vec<(String, Vec<u8>)> = corpus(count)
            .into_iter()
            .map(|(key, mut body)| {
                body.extend_from_slice(format!("\n\nLoad step {k}.").as_bytes());
                (format!("load{k}-{key}"), body)
            })
            .collect();
        let (achieved, lat) = offered_load(&brokers, &producer, &batch, rate).await?;
        println!(
            "  {:>4.0}% offered {rate:>7.0}/s → {achieved:>7.0}/s   p50 {:>7.1} ms   p99 {:>7.1} ms   p999 {:>7.1} ms",
            share * 100.0,
            pct(&lat, 0.5),
            pct(&lat, 0.99),
            pct(&lat, 0.999)
        );
        points.push((rate, achieved, pct(&lat, 0.5), pct(&lat, 0.99)));
    }
    shutdown.cancel();
    for s in stages {
        s.task.await??;
    }
    if let Some(rss) = newsflow_runtime::memory::resident_bytes() {
        let broker = if a.brokers.is_some() {
            ""
        } else {
            ", mock broker"
        };
        println!(
            "resident memory of this process (all three stages, engine{broker}): {:.0} MB",
            rss as f64 / 1e6
        );
    }
    let svg = std::path::Path::new("target/bench/newsflow-bench.svg");
    if let Some(dir) = svg.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(svg, plot(&points))?;
    println!("plot: {}", svg.display());
    Ok(0)
}

/// The `q` quantile of sorted latencies, ms.
fn pct(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * q).round() as usize]
}

/// Feeds `items` at `rate` records/s and measures, on `news.enriched`, the achieved rate and
/// each record's latency from its `newsflow-ingest-ts` (sorted, ms).
async fn offered_load(
    brokers: &str,
    producer: &FutureProducer,
    items: &[(String, Vec<u8>)],
    rate: f64,
) -> Result<(f64, Vec<f64>)> {
    use rdkafka::consumer::{Consumer, StreamConsumer};
    use rdkafka::message::{Headers, Message};
    let consumer: StreamConsumer = newsflow_runtime::kafka::reader(brokers, &BTreeMap::new())
        .set("enable.partition.eof", "false")
        .set("fetch.wait.max.ms", pipeline::FETCH_WAIT_MS.to_string())
        .create()?;
    let md = consumer.fetch_metadata(
        Some(newsflow_model::topics::ENRICHED),
        Duration::from_secs(10),
    )?;
    let mut tpl = rdkafka::TopicPartitionList::new();
    for t in md.topics() {
        for p in t.partitions() {
            tpl.add_partition_offset(
                newsflow_model::topics::ENRICHED,
                p.id(),
                rdkafka::Offset::End,
            )?;
        }
    }
    consumer.assign(&tpl)?;
    // Let the assignment settle at the end offsets before feeding.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let n = items.len();
    let reader = tokio::spawn(async move {
        let mut lat = Vec::with_capacity(n);
        let started = Instant::now();
        while lat.len() < n {
            let Ok(Ok(m)) = tokio::time::timeout(Duration::from_secs(60), consumer.recv()).await
            else {
                break;
            };
            let ts = m.headers().and_then(|h| {
                h.iter()
                    .find(|h| h.key == "newsflow-ingest-ts")
                    .and_then(|h| std::str::from_utf8(h.value?).ok()?.parse::<i64>().ok())
            });
            if let Some(ts) = ts {
                lat.push((crate::feed::now_ms() - ts) as f64);
            }
        }
        (lat, started.elapsed())
    });
    let gap = Duration::from_secs_f64(1.0 / rate);
    let start = Instant::now();
    let mut pending = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let due = start + gap.mul_f64(i as f64);
        if let Some(wait) = due.checked_duration_since(Instant::now()) {
            tokio::time::sleep(wait).await;
        }
        let p = producer.clone();
        let (key, body) = item.clone();
        pending.push(tokio::spawn(async move {
            use rdkafka::message::{Header, OwnedHeaders};
            use rdkafka::producer::FutureRecord;
            let ts = crate::feed::now_ms().to_string();
            let headers = OwnedHeaders::new().insert(Header {
                key: newsflow_model::headers::INGEST_TS,
                value: Some(ts.as_bytes()),
            });
            let record = FutureRecord::to(newsflow_model::topics::RAW)
                .key(&key)
                .payload(&body)
                .headers(headers);
            p.send(
                record,
                rdkafka::util::Timeout::After(Duration::from_secs(30)),
            )
            .await
            .is_ok()
        }));
    }
    for p in pending {
        anyhow::ensure!(p.await?, "feeding failed");
    }
    let (mut lat, elapsed) = reader.await?;
    lat.sort_by(f64::total_cmp);
    Ok((lat.len() as f64 / elapsed.as_secs_f64().max(1e-9), lat))
}

/// One load step: offered rate, achieved rate, p50 and p99 latency (ms).
type LoadPoint = (f64, f64, f64, f64);

/// An SVG of achieved throughput and p50/p99 latency against offered load.
fn plot(points: &[LoadPoint]) -> String {
    let (w, h, m) = (640.0, 300.0, 50.0);
    let max_x = points.iter().map(|p| p.0).fold(1.0, f64::max);
    let max_t = points.iter().map(|p| p.1).fold(1.0, f64::max).max(max_x);
    let max_l = points
        .iter()
        .map(|p| p.3)
        .filter(|v| v.is_finite())
        .fold(1.0, f64::max);
    let x = |v: f64| m + (w - 2.0 * m) * v / max_x;
    let line = |f: &dyn Fn(&LoadPoint) -> f64, max: f64, top: f64| {
        points
            .iter()
            .map(|p| format!("{:.1},{:.1}", x(p.0), top + (h - m) * (1.0 - f(p) / max)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut svg = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{}\" font-family=\"sans-serif\" font-size=\"12\">\n", 2.0 * h);
    svg.push_str(&format!("<text x=\"{m}\" y=\"20\">achieved records/s vs offered records/s (max {max_t:.0})</text>\n"));
    svg.push_str(&format!(
        "<polyline fill=\"none\" stroke=\"steelblue\" stroke-width=\"2\" points=\"{}\"/>\n",
        line(&|p| p.1, max_t, 30.0)
    ));
    svg.push_str(&format!(
        "<polyline fill=\"none\" stroke=\"gray\" stroke-dasharray=\"4\" points=\"{}\"/>\n",
        line(&|p| p.0, max_t, 30.0)
    ));
    svg.push_str(&format!("<text x=\"{m}\" y=\"{}\">p50 (green) and p99 (red) latency in ms vs offered records/s (max {max_l:.0} ms)</text>\n", h + 20.0));
    svg.push_str(&format!(
        "<polyline fill=\"none\" stroke=\"seagreen\" stroke-width=\"2\" points=\"{}\"/>\n",
        line(&|p| p.2, max_l, h + 30.0)
    ));
    svg.push_str(&format!(
        "<polyline fill=\"none\" stroke=\"firebrick\" stroke-width=\"2\" points=\"{}\"/>\n",
        line(&|p| p.3, max_l, h + 30.0)
    ));
    for p in points {
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{}\">{:.0}/s</text>\n",
            x(p.0) - 15.0,
            2.0 * h - 5.0,
            p.0
        ));
    }
    svg.push_str("</svg>\n");
    svg
}

fn bench_topics() -> Vec<String> {
    let mut t = crate::topics::all_topics();
    t.extend([
        IDENTITY_IN.to_string(),
        IDENTITY_OUT.to_string(),
        COPY_OUT.to_string(),
        ENRICH_IN.to_string(),
        ENRICH_OUT.to_string(),
    ]);
    t
}

/// Runs one stage with `processor` from `topics.0` to `topics.1` (fresh group, reading from
/// the start, `workers` replacing the stage default where given) and times it from partition
/// assignment until `n` records are done; records/s.
async fn time_stage<P: Processor>(
    brokers: &str,
    defaults: &newsflow_runtime::config::StageDefaults,
    topics: (&str, &str),
    processor: P,
    n: u64,
    workers: Option<std::num::NonZeroUsize>,
) -> Result<f64> {
    let registry = Registry::new();
    let metrics = Metrics::register(&registry)?;
    let shutdown = CancellationToken::new();
    // A fresh group per run: each reads its input from the start.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut cfg = pipeline::stage_config(defaults, brokers, &format!("-bench-{}-{run}", topics.0))?;
    if let Some(w) = workers {
        cfg.workers = w;
    }
    cfg.input_topic = topics.0.into();
    cfg.output_topic = topics.1.into();
    let running = pipeline::start(cfg, processor, &metrics, &shutdown);
    // Joining the group and the first fetch's round trips are start-up, not throughput: time
    // from the first record's arrival until the last one is done.
    wait(|| running.health.assigned() > 0).await?;
    let t = first_arrival(|| running.metrics.received.get() > 0).await?;
    wait(|| running.metrics.received.get() >= n && running.metrics.inflight.get() == 0).await?;
    let rate = n as f64 / t.elapsed().as_secs_f64();
    shutdown.cancel();
    running.task.await??;
    Ok(rate)
}

/// The median of `v` (sorted in place).
fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Rounds of (b) and (a), and of (c), (c') and (d).
const ROUNDS: usize = 3;

const ENRICH_IN: &str = "bench.enricher.in";
const ENRICH_OUT: &str = "bench.enricher.out";
const IDENTITY_IN: &str = "bench.identity.in";
const IDENTITY_OUT: &str = "bench.identity.out";
const COPY_OUT: &str = "bench.copy.out";

/// Reads the `n` records of the identity input from the beginning (no group) and produces
/// each to another topic, at most 1,024 deliveries in flight; records/s.
async fn copy_loop(brokers: &str, n: usize) -> Result<f64> {
    use rdkafka::consumer::{Consumer, StreamConsumer};
    use rdkafka::message::Message;
    use rdkafka::producer::FutureRecord;
    use rdkafka::util::Timeout;
    // The stage's consumer and producer settings (fetch queue, batching), minus the group.
    let cfg = pipeline::stage_config(&newsflow_consumer::DEFAULTS, brokers, "-bench-copy")?;
    let consumer: StreamConsumer = newsflow_runtime::kafka::stage_consumer(&cfg)
        .set("enable.auto.commit", "false")
        .create()?;
    let producer: FutureProducer = newsflow_runtime::kafka::stage_producer(&cfg).create()?;
    let md = consumer.fetch_metadata(Some(IDENTITY_IN), Duration::from_secs(10))?;
    let mut tpl = rdkafka::TopicPartitionList::new();
    for t in md.topics() {
        for p in t.partitions() {
            tpl.add_partition_offset(IDENTITY_IN, p.id(), rdkafka::Offset::Beginning)?;
        }
    }
    consumer.assign(&tpl)?;
    let mut t = None;
    let mut inflight = tokio::task::JoinSet::new();
    for _ in 0..n {
        let m = consumer.recv().await?;
        // Timed from the first record's arrival, as the stages are.
        t.get_or_insert_with(Instant::now);
        let (key, payload) = (
            m.key().map(<[u8]>::to_vec),
            m.payload().map(<[u8]>::to_vec).unwrap_or_default(),
        );
        let p = producer.clone();
        inflight.spawn(async move {
            let mut rec = FutureRecord::to(COPY_OUT).payload(&payload);
            if let Some(k) = &key {
                rec = rec.key(k);
            }
            p.send(rec, Timeout::Never)
                .await
                .map(|_| ())
                .map_err(|(e, _)| e)
        });
        while inflight.len() >= 1024 {
            if let Some(r) = inflight.join_next().await {
                r??;
            }
        }
    }
    while let Some(r) = inflight.join_next().await {
        r??;
    }
    let elapsed = t.map_or(Duration::ZERO, |t| t.elapsed());
    Ok(n as f64 / elapsed.as_secs_f64().max(1e-9))
}

async fn feed(producer: &FutureProducer, topic: &str, items: &[(String, Vec<u8>)]) -> Result<()> {
    let failed = crate::feed::publish(
        producer,
        topic,
        None,
        items.iter().cloned(),
        &ProgressBar::hidden(),
    )
    .await;
    anyhow::ensure!(failed == 0, "feeding {topic} failed");
    Ok(())
}

/// Items per second of `work` over `items`, shared round-robin between `threads` threads.
fn parallel_rate<T: Sync, R>(threads: usize, items: &[T], work: impl Fn(&T) -> R + Sync) -> f64 {
    let t = Instant::now();
    std::thread::scope(|scope| {
        for w in 0..threads {
            let work = &work;
            scope.spawn(move || {
                for item in items.iter().skip(w).step_by(threads) {
                    std::hint::black_box(work(item));
                }
            });
        }
    });
    items.len() as f64 / t.elapsed().as_secs_f64()
}

/// The moment `arrived` first holds, polled every millisecond (a start time for a rate).
async fn first_arrival(arrived: impl FnMut() -> bool) -> Result<Instant> {
    poll_until(arrived, Duration::from_millis(1)).await
}

async fn wait(done: impl FnMut() -> bool) -> Result<()> {
    poll_until(done, Duration::from_millis(20)).await.map(drop)
}

/// Polls `done` every `every` until it holds (at most ten minutes); when it did.
async fn poll_until(mut done: impl FnMut() -> bool, every: Duration) -> Result<Instant> {
    let deadline = Instant::now() + Duration::from_secs(600);
    while !done() {
        tokio::time::sleep(every).await;
        if Instant::now() > deadline {
            return Err(anyhow::anyhow!("timed out")).context("bench");
        }
    }
    Ok(Instant::now())
}
