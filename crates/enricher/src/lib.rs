//! `newsflow-enricher`: reads canonical articles from `news.articles`, runs the enrichment
//! engine, and writes enriched records (ninjs 2.2 item + analysis + source) to
//! `news.enriched`.
//!
//! - `processor`: [`EnrichProcessor`], the stage's [`Processor`](newsflow_runtime::Processor),
//!   also used offline by `newsflow enrich`.

pub mod processor;

pub use processor::{EngineCell, EnrichProcessor};

use newsflow_runtime::StageDefaults;

/// The enricher's defaults (CONTRACTS.md).
pub const DEFAULTS: StageDefaults = StageDefaults {
    stage: "enricher",
    input_topic: newsflow_model::topics::ARTICLES,
    output_topic: newsflow_model::topics::ENRICHED,
    admin_port: 9102,
    max_inflight_per_partition: 256,
};
