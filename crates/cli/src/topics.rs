//! `newsflow topics create`.

use crate::cluster::{Cluster, ClusterArgs};
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use newsflow_model::topics;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::error::RDKafkaErrorCode;
use std::time::Duration;

/// `topics` subcommands.
#[derive(Subcommand)]
pub enum TopicsCommand {
    /// Create raw, articles, enriched, dlq, alerts and the 17 news.topic.* topics.
    Create(CreateArgs),
}

/// `topics create` flags.
#[derive(Args)]
pub struct CreateArgs {
    /// Cluster connection.
    #[command(flatten)]
    pub cluster: ClusterArgs,
    /// Partitions per topic.
    #[arg(long, default_value_t = 3)]
    pub partitions: i32,
    /// Replication factor.
    #[arg(long, default_value_t = 1)]
    pub replication_factor: i32,
}

/// Every topic the pipeline uses.
pub fn all_topics() -> Vec<String> {
    let mut names: Vec<String> = [
        topics::RAW,
        topics::ARTICLES,
        topics::ENRICHED,
        topics::DLQ,
        topics::ALERTS,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    names.extend(
        topics::TOP_LEVEL_SLUGS
            .iter()
            .map(|s| format!("{}{s}", topics::TOPIC_PREFIX)),
    );
    names
}

/// Runs a `topics` subcommand.
pub fn run(cmd: TopicsCommand) -> Result<i32> {
    let TopicsCommand::Create(a) = cmd;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let cluster = a.cluster.resolve()?;
    rt.block_on(create(&cluster, a.partitions, a.replication_factor))
}

/// Creates the pipeline's topics; existing ones are left alone and reported.
pub async fn create(cluster: &Cluster, partitions: i32, rf: i32) -> Result<i32> {
    create_named(cluster, &all_topics(), partitions, rf).await
}

/// Creates `names`; existing ones are left alone and reported. Returns 1 if any failed.
pub async fn create_named(
    cluster: &Cluster,
    names: &[String],
    partitions: i32,
    rf: i32,
) -> Result<i32> {
    let admin: AdminClient<DefaultClientContext> = cluster.admin()?;
    let max_message_bytes = newsflow_runtime::kafka::MAX_MESSAGE_BYTES.to_string();
    let new: Vec<NewTopic<'_>> = names
        .iter()
        .map(|n| {
            let t = NewTopic::new(n, partitions, TopicReplication::Fixed(rf))
                .set("max.message.bytes", &max_message_bytes);
            if n == topics::DLQ {
                t.set("retention.ms", "1209600000")
            } else {
                t
            }
        })
        .collect();
    let opts = AdminOptions::new().operation_timeout(Some(Duration::from_secs(30)));
    let results = admin
        .create_topics(&new, &opts)
        .await
        .context("create topics request")?;
    let mut failed = 0;
    for r in results {
        match r {
            Ok(name) => println!("created {name}"),
            Err((name, RDKafkaErrorCode::TopicAlreadyExists)) => println!("exists  {name}"),
            Err((name, code)) => {
                eprintln!("failed  {name}: {code}");
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
