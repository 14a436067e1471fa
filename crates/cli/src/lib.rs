//! The `newsflow` command's subcommands, as a library so tests and benches can reuse them.

pub mod bench;
pub mod cluster;
pub mod demo;
pub mod dlq;
pub mod enrich;
pub mod eval;
pub mod feed;
pub mod health;
pub mod pipeline;
pub mod samples;
pub mod tail;
pub mod topics;
