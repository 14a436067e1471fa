//! `newsflow-consumer`: reads raw wire items from `news.wire.raw`, detects and decodes their
//! format, drops exact duplicates, and writes canonical articles to `news.articles`.
//!
//! - `config`: the consumer's own flags.
//! - `dedup`: the bounded duplicate window.
//! - `processor`: [`DecodeProcessor`], the stage's [`Processor`](newsflow_runtime::Processor).

pub mod config;
pub mod dedup;
pub mod processor;

pub use config::ConsumerArgs;
pub use processor::DecodeProcessor;

use newsflow_runtime::StageDefaults;

/// The consumer's defaults (CONTRACTS.md).
pub const DEFAULTS: StageDefaults = StageDefaults {
    stage: "consumer",
    input_topic: newsflow_model::topics::RAW,
    output_topic: newsflow_model::topics::ARTICLES,
    admin_port: 9101,
    max_inflight_per_partition: 1024,
};

/// Headers the consumer adds to each article for the enricher's `source` provenance.
pub mod provenance {
    /// Raw topic.
    pub const RAW_TOPIC: &str = "newsflow-raw-topic";
    /// Raw partition.
    pub const RAW_PARTITION: &str = "newsflow-raw-partition";
    /// Raw offset.
    pub const RAW_OFFSET: &str = "newsflow-raw-offset";
    /// When the consumer received the item (RFC 3339).
    pub const RECEIVED: &str = "newsflow-received";
}
