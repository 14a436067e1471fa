//! The consumer's processor: decode, validate, dedup.

use crate::config::ConsumerConfig;
use crate::dedup::{Dedup, Verdict};
use crate::provenance;
use chrono::{SecondsFormat, Utc};
use newsflow_formats::{decode, Limits};
use newsflow_model::headers;
use newsflow_runtime::{InputRecord, Outcome, OutputRecord, Processor, Rejection};
use std::sync::Mutex;

/// Decodes raw wire items into canonical articles.
pub struct DecodeProcessor {
    limits: Limits,
    dedup: Mutex<Dedup>,
}

impl DecodeProcessor {
    /// A processor with the given settings.
    pub fn new(cfg: ConsumerConfig) -> Self {
        DecodeProcessor {
            limits: Limits {
                max_item_bytes: cfg.max_item_bytes,
                max_field_bytes: cfg.max_item_bytes.min(Limits::default().max_field_bytes),
            },
            dedup: Mutex::new(Dedup::new(cfg.dedup_window)),
        }
    }
}

impl Processor for DecodeProcessor {
    fn process(&self, input: &InputRecord) -> Outcome {
        let mut outcome = Outcome::default();
        let Some(bytes) = input.payload.as_deref() else {
            outcome.rejections.push(Rejection {
                reason: "invalid_item",
                message: "record has no value".into(),
            });
            return outcome;
        };
        let hint = input.header_str(headers::FORMAT);
        let key = input.key.as_deref().map(String::from_utf8_lossy);
        let (format, stories) = decode(bytes, hint.as_deref(), key.as_deref(), &self.limits);
        let received = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
        for story in stories {
            match story {
                Ok(article) => {
                    let verdict = self
                        .dedup
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .check(&article);
                    match verdict {
                        Verdict::New => {}
                        Verdict::Duplicate => {
                            outcome.duplicates += 1;
                            continue;
                        }
                        Verdict::Superseded => {
                            outcome.superseded += 1;
                            continue;
                        }
                    }
                    let payload = match serde_json::to_vec(&article) {
                        Ok(p) => p,
                        Err(e) => {
                            outcome.rejections.push(Rejection {
                                reason: "processing_error",
                                message: format!("serialising article: {e}"),
                            });
                            continue;
                        }
                    };
                    let h = |k: &str, v: String| (k.to_string(), v.into_bytes());
                    outcome.outputs.push(OutputRecord {
                        topic: None,
                        key: Some(article.id.clone().into_bytes()),
                        payload,
                        headers: vec![
                            h(
                                headers::FORMAT,
                                format.map_or("unknown", |f| f.as_str()).to_string(),
                            ),
                            h(provenance::RAW_TOPIC, input.topic.clone()),
                            h(provenance::RAW_PARTITION, input.partition.to_string()),
                            h(provenance::RAW_OFFSET, input.offset.to_string()),
                            h(provenance::RECEIVED, received.clone()),
                        ],
                    });
                }
                Err(rej) => outcome.rejections.push(Rejection {
                    reason: rej.code.as_str(),
                    message: rej.message,
                }),
            }
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(payload: &[u8]) -> InputRecord {
        InputRecord {
            topic: "raw".into(),
            payload: Some(payload.to_vec()),
            key: Some(b"k.txt".to_vec()),
            ..InputRecord::default()
        }
    }

    fn processor() -> DecodeProcessor {
        DecodeProcessor::new(ConsumerConfig {
            dedup_window: 100,
            max_item_bytes: 1 << 20,
        })
    }

    #[test]
    fn text_becomes_an_article_and_its_repeat_a_duplicate() {
        let p = processor();
        let first = p.process(&input(b"MINSK, Dec 20 (Reuters) - Talks began."));
        assert_eq!(first.outputs.len(), 1);
        let article: newsflow_model::Article =
            serde_json::from_slice(&first.outputs[0].payload).expect("article");
        assert_eq!(article.located.as_deref(), Some("MINSK"));
        let again = p.process(&input(b"MINSK, Dec 20 (Reuters) - Talks began."));
        assert_eq!((again.outputs.len(), again.duplicates), (0, 1));
    }

    #[test]
    fn unsupported_and_broken_items_are_rejected_with_their_code() {
        let p = processor();
        let package = p.process(&input(b"<?xml version=\"1.0\"?><packageItem guid=\"p\"/>"));
        assert_eq!(package.rejections[0].reason, "package_item");
        let bomb = p.process(&input(
            b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]><nitf>&a;</nitf>",
        ));
        assert_eq!(bomb.rejections[0].reason, "decode_error");
        let json = p.process(&input(b"{\"uri\": "));
        assert_eq!(json.rejections[0].reason, "decode_error");
        let big = DecodeProcessor::new(ConsumerConfig {
            dedup_window: 0,
            max_item_bytes: 8,
        })
        .process(&input(b"0123456789"));
        assert_eq!(big.rejections[0].reason, "too_large");
    }
}
