//! The sink's processor: routing and alerts.

use crate::watch::SinkConfig;
use newsflow_model::topics::slug;
use newsflow_model::EnrichedRecord;
use newsflow_runtime::{InputRecord, Outcome, OutputRecord, Processor, Rejection};
use serde_json::json;

/// Is the story embargoed until a time still in the future?
pub fn under_embargo(record: &EnrichedRecord) -> bool {
    record
        .item
        .embargoed
        .as_deref()
        .and_then(|e| chrono::DateTime::parse_from_rfc3339(e).ok())
        .is_some_and(|t| t > chrono::Utc::now())
}

/// Is the story killed or withdrawn?
pub fn retracted(record: &EnrichedRecord) -> bool {
    matches!(
        record.item.pubstatus.as_deref(),
        Some("canceled" | "withheld")
    )
}

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
        // No alert for a story still under embargo, nor for a kill or withdrawal (those are
        // routed so downstream systems can retract, but nobody should be alerted to them).
        if under_embargo(&record) || retracted(&record) {
            return outcome;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watch::Rule;
    use newsflow_model::enriched::Entity;
    use newsflow_model::MentionKind;

    fn record(embargoed: Option<&str>, pubstatus: Option<&str>) -> Vec<u8> {
        let mut r = EnrichedRecord {
            schema: "newsflow.enriched/1".into(),
            item: Default::default(),
            analysis: Default::default(),
            source: None,
        };
        r.item.embargoed = embargoed.map(str::to_string);
        r.item.pubstatus = pubstatus.map(str::to_string);
        r.analysis.entities.push(Entity {
            kind: MentionKind::Person,
            name: "Vladimir Putin".into(),
            uri: Some("http://www.wikidata.org/entity/Q7747".into()),
            mentions: 1,
            in_headline: false,
            salience: 0.5,
        });
        r.analysis
            .subjects
            .push(newsflow_model::enriched::SubjectScore {
                code: "20000639".into(),
                uri: "http://cv.iptc.org/newscodes/mediatopic/20000639".into(),
                name: "diplomacy".into(),
                top_level: Some("politics and government".into()),
                relevance: 80,
                confidence: 70,
                origin: "newsflow".into(),
                evidence: vec![],
            });
        serde_json::to_vec(&r).unwrap()
    }

    fn run(payload: Vec<u8>) -> Outcome {
        let p = RouteProcessor::new(SinkConfig {
            rules: vec![
                Rule::parse("putin=http://www.wikidata.org/entity/Q7747").unwrap(),
                Rule::parse("medtop:20000639").unwrap(),
            ],
            route_prefix: "news.topic.".into(),
        });
        p.process(&InputRecord {
            payload: Some(payload),
            key: Some(b"k".to_vec()),
            ..InputRecord::default()
        })
    }

    #[test]
    fn routes_by_top_level_and_alerts_on_watched_entities_and_subjects() {
        let o = run(record(None, None));
        let topics: Vec<Option<String>> = o.outputs.iter().map(|r| r.topic.clone()).collect();
        assert_eq!(
            topics,
            vec![
                Some("news.topic.politics-and-government".to_string()),
                None,
                None
            ]
        );
        let alert: serde_json::Value = serde_json::from_slice(&o.outputs[1].payload).unwrap();
        assert_eq!(alert["rule"], "putin");
    }

    #[test]
    fn no_alerts_under_embargo_or_for_kills_but_routing_goes_on() {
        for o in [
            run(record(Some("2999-01-01T00:00:00Z"), None)),
            run(record(None, Some("canceled"))),
        ] {
            assert_eq!(o.outputs.len(), 1, "routed only");
            assert_eq!(
                o.outputs[0].topic.as_deref(),
                Some("news.topic.politics-and-government")
            );
        }
        assert_eq!(
            run(record(Some("2000-01-01T00:00:00Z"), None))
                .outputs
                .len(),
            3,
            "an embargo in the past holds nothing"
        );
    }

    #[test]
    fn garbage_is_a_decode_error() {
        assert_eq!(
            run(b"not json".to_vec()).rejections[0].reason,
            "decode_error"
        );
    }
}
