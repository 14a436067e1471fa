//! The sink's processor: routing and alerts.

use crate::watch::SinkConfig;
use newsflow_model::topics::slug;
use newsflow_model::EnrichedRecord;
use newsflow_runtime::{InputRecord, Outcome, OutputRecord, Processor, Rejection};
use serde_json::json;

/// Routes records by top-level subject and raises watch-list alerts.
pub struct RouteProcessor {
    cfg: SinkConfig,
}

impl RouteProcessor {
    /// A processor with these rules and prefix.
    pub fn new(cfg: SinkConfig) -> Self {
        RouteProcessor { cfg }
    }

    /// The routed topics of a record: one per distinct top-level subject.
    pub fn routes(&self, record: &EnrichedRecord) -> Vec<String> {
        let mut topics: Vec<String> = Vec::new();
        for s in &record.analysis.subjects {
            if let Some(top) = &s.top_level {
                let t = format!("{}{}", self.cfg.route_prefix, slug(top));
                if !topics.contains(&t) {
                    topics.push(t);
                }
            }
        }
        topics
    }
}

impl Processor for RouteProcessor {
    fn process(&self, input: &InputRecord) -> Outcome {
        let mut outcome = Outcome::default();
        let Some(payload) = input.payload.as_deref() else {
            outcome.rejections.push(Rejection {
                reason: "invalid_item",
                message: "record has no value".into(),
            });
            return outcome;
        };
        let record: EnrichedRecord = match serde_json::from_slice(payload) {
            Ok(r) => r,
            Err(e) => {
                outcome.rejections.push(Rejection {
                    reason: "decode_error",
                    message: format!("not an enriched record: {e}"),
                });
                return outcome;
            }
        };
        for topic in self.routes(&record) {
            outcome.outputs.push(OutputRecord {
                topic: Some(topic),
                key: input.key.clone(),
                payload: payload.to_vec(),
                headers: Vec::new(),
            });
        }
        for rule in &self.cfg.rules {
            let matched = rule.matches(&record);
            if matched.is_empty() {
                continue;
            }
            let alert = json!({"rule": rule.name, "matched": matched, "record": &record});
            match serde_json::to_vec(&alert) {
                Ok(p) => outcome.outputs.push(OutputRecord {
                    topic: None,
                    key: input.key.clone(),
                    payload: p,
                    headers: Vec::new(),
                }),
                Err(e) => outcome.rejections.push(Rejection {
                    reason: "processing_error",
                    message: format!("serialising alert: {e}"),
                }),
            }
        }
        outcome
    }
}
