//! The Kafka stage runtime shared by every newsflow service. It knows nothing of news.
//!
//! A stage consumes one input topic, hands each record to a [`Processor`] on a worker pool,
//! produces what the processor returns (outputs to their topics, rejections to the DLQ with
//! the headers of CONTRACTS.md), and stores the input offset for commit only once every
//! record produced for it is acknowledged and every earlier offset of its partition is done.
//!
//! # Layout
//! - [`config`]: flags, env twins, TOML file, `-X` pass-through; validated into [`StageConfig`].
//! - [`kafka`]: one builder per client kind, setting the keys the runtime depends on.
//! - [`processor`]: the [`Processor`] seam between the runtime and a stage.
//! - [`tracker`]: ordered offset completion per partition, with assignment epochs.
//! - [`transactional`]: exactly-once mode, one Kafka transaction per batch.
//! - [`stage`]: the consume → process → produce loop, rebalance and shutdown drain.
//! - [`metrics`]: the Prometheus metrics of CONTRACTS.md, on an explicit registry.
//! - [`admin`]: `/metrics`, `/healthz`, `/readyz`.
//! - [`logging`]: text or JSON tracing output.

pub mod admin;
pub mod config;
pub mod kafka;
pub mod logging;
pub mod memory;
pub mod metrics;
pub mod processor;
pub mod service;
pub mod stage;
pub mod tracker;
pub mod transactional;

pub use config::{ConfigError, StageArgs, StageConfig, StageDefaults};
pub use metrics::{Metrics, StageMetrics};
pub use processor::{Header, InputRecord, Outcome, OutputRecord, Processor, Rejection};
pub use stage::{run, Health, StageError};

/// Exit status for invalid configuration (EX_USAGE).
pub const EXIT_CONFIG: i32 = 64;
