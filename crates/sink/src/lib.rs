//! `newsflow-sink`: routes enriched records to `news.topic.<slug>` per IPTC top-level
//! subject and writes watch-list hits to `news.alerts`.
//!
//! - `watch`: watch-list rules (`name=pattern`: an entity URI or name, or a subject code).
//! - `processor`: [`RouteProcessor`].

pub mod processor;
pub mod watch;

pub use processor::RouteProcessor;
pub use watch::{Rule, SinkArgs};

use newsflow_runtime::StageDefaults;

/// The sink's defaults: its output topic is the alerts topic.
pub const DEFAULTS: StageDefaults = StageDefaults {
    stage: "sink",
    input_topic: newsflow_model::topics::ENRICHED,
    output_topic: newsflow_model::topics::ALERTS,
    admin_port: 9103,
    max_inflight_per_partition: 1024,
};
