//! The enricher's processor.

use newsflow_model::{Article, EnrichedRecord, MentionKind, SourceInfo};
use newsflow_nlp::Engine;
use newsflow_runtime::{InputRecord, Outcome, OutputRecord, Processor, Rejection, StageMetrics};
use prometheus::IntCounter;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Provenance headers set by the consumer.
const RAW_TOPIC: &str = "newsflow-raw-topic";
const RAW_PARTITION: &str = "newsflow-raw-partition";
const RAW_OFFSET: &str = "newsflow-raw-offset";
const RECEIVED: &str = "newsflow-received";

/// The engine in use, swappable while the stage runs (knowledge-base reload on SIGHUP).
#[derive(Clone)]
pub struct EngineCell(Arc<RwLock<Arc<Engine>>>);

impl EngineCell {
    /// A cell holding `engine`.
    pub fn new(engine: Arc<Engine>) -> Self {
        EngineCell(Arc::new(RwLock::new(engine)))
    }

    /// The engine now in use.
    pub fn get(&self) -> Arc<Engine> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Replaces the engine; records in flight finish with the old one.
    pub fn set(&self, engine: Arc<Engine>) {
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = engine;
    }
}

/// Enriches articles; counts entities by kind and subjects by top level.
pub struct EnrichProcessor {
    engine: EngineCell,
    entities: HashMap<MentionKind, IntCounter>,
    subjects: HashMap<String, IntCounter>,
}

impl EnrichProcessor {
    /// A processor over `engine`, counting into `metrics` (children created at 0).
    pub fn new(engine: Arc<Engine>, metrics: Option<&StageMetrics>) -> Self {
        Self::with_cell(EngineCell::new(engine), metrics)
    }

    /// A processor over a swappable engine.
    pub fn with_cell(engine: EngineCell, metrics: Option<&StageMetrics>) -> Self {
        let mut entities = HashMap::new();
        let mut subjects = HashMap::new();
        if let Some(m) = metrics {
            for kind in MentionKind::ALL {
                entities.insert(
                    kind,
                    m.families
                        .entities
                        .with_label_values(&[m.stage, kind.as_str()]),
                );
            }
            for label in engine.get().topics().top_labels() {
                subjects.insert(
                    label.to_string(),
                    m.families.subjects.with_label_values(&[m.stage, label]),
                );
            }
        }
        EnrichProcessor {
            engine,
            entities,
            subjects,
        }
    }

    /// Enriches one article (offline and in Kafka alike).
    pub fn enrich(&self, article: &Article) -> EnrichedRecord {
        let record = self.engine.get().enrich(article);
        for m in &record.analysis.mentions {
            if let Some(c) = self.entities.get(&m.kind) {
                c.inc();
            }
        }
        for s in &record.analysis.subjects {
            if let Some(c) = s.top_level.as_ref().and_then(|t| self.subjects.get(t)) {
                c.inc();
            }
        }
        record
    }
}

impl Processor for EnrichProcessor {
    fn process(&self, input: &InputRecord) -> Outcome {
        let mut outcome = Outcome::default();
        let article: Article = match input.payload.as_deref().map(serde_json::from_slice) {
            Some(Ok(a)) => a,
            Some(Err(e)) => {
                outcome.rejections.push(Rejection {
                    reason: "decode_error",
                    message: format!("not a canonical article: {e}"),
                });
                return outcome;
            }
            None => {
                outcome.rejections.push(Rejection {
                    reason: "invalid_item",
                    message: "record has no value".into(),
                });
                return outcome;
            }
        };
        let mut record = self.enrich(&article);
        let header = |k: &str| input.header_str(k).map(|v| v.into_owned());
        record.source = Some(SourceInfo {
            topic: header(RAW_TOPIC).unwrap_or_else(|| input.topic.clone()),
            partition: header(RAW_PARTITION)
                .and_then(|p| p.parse().ok())
                .unwrap_or(input.partition),
            offset: header(RAW_OFFSET)
                .and_then(|o| o.parse().ok())
                .unwrap_or(input.offset),
            format: article.format.map_or("unknown", |f| f.as_str()).to_string(),
            received: header(RECEIVED).unwrap_or_else(|| {
                chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            }),
        });
        match serde_json::to_vec(&record) {
            Ok(payload) => outcome.outputs.push(OutputRecord {
                topic: None,
                key: Some(article.id.into_bytes()),
                payload,
                headers: Vec::new(),
            }),
            Err(e) => outcome.rejections.push(Rejection {
                reason: "processing_error",
                message: format!("serialising record: {e}"),
            }),
        }
        outcome
    }
}
