//! How the operator commands (topics, feed, tail, dlq) reach the cluster: the bootstrap
//! servers plus any librdkafka settings — TLS, SASL — from `NEWSFLOW_KAFKA_*` variables and
//! `-X key=value` flags, exactly as the stage binaries take them.

use anyhow::{anyhow, Result};
use clap::Args;
use newsflow_runtime::kafka;
use rdkafka::config::FromClientConfig;
use rdkafka::ClientConfig;
use std::collections::BTreeMap;

/// Connection flags.
#[derive(Args, Clone, Debug)]
pub struct ClusterArgs {
    /// Bootstrap servers.
    #[arg(long, env = "NEWSFLOW_BROKERS", default_value = "localhost:9092")]
    pub brokers: String,
    /// librdkafka setting, repeatable, e.g. `-X security.protocol=SSL -X ssl.ca.location=ca.pem`
    /// (after the `NEWSFLOW_KAFKA_*` variables).
    #[arg(short = 'X', value_name = "KEY=VALUE")]
    pub kafka: Vec<String>,
}

impl ClusterArgs {
    /// The resolved connection.
    pub fn resolve(&self) -> Result<Cluster> {
        let settings =
            newsflow_runtime::config::kafka_overrides(&self.kafka).map_err(|e| anyhow!("{e}"))?;
        Ok(Cluster {
            brokers: self.brokers.clone(),
            settings,
        })
    }
}

/// A cluster and the client settings to reach it with.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// Bootstrap servers.
    pub brokers: String,
    /// Extra librdkafka settings, applied to every client.
    pub settings: BTreeMap<String, String>,
}

impl Cluster {
    /// A cluster reached with librdkafka's defaults (the demo's and the bench's in-process one).
    pub fn plain(brokers: &str) -> Self {
        Self {
            brokers: brokers.to_string(),
            settings: BTreeMap::new(),
        }
    }

    fn create<C: FromClientConfig>(&self, config: &ClientConfig, what: &str) -> Result<C> {
        kafka::create(config, &self.settings).map_err(|e| anyhow!("creating the {what}: {e}"))
    }

    /// An idempotent producer.
    pub fn producer<C: FromClientConfig>(&self) -> Result<C> {
        self.create(&kafka::producer(&self.brokers, &self.settings), "producer")
    }

    /// A group-less reader.
    pub fn reader<C: FromClientConfig>(&self) -> Result<C> {
        self.create(&kafka::reader(&self.brokers, &self.settings), "reader")
    }

    /// An admin client.
    pub fn admin<C: FromClientConfig>(&self) -> Result<C> {
        self.create(&kafka::admin(&self.brokers, &self.settings), "admin client")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_become_settings_and_bad_ones_are_refused() {
        let args = ClusterArgs {
            brokers: "b:9093".into(),
            kafka: vec![
                "security.protocol=SSL".into(),
                "ssl.ca.location=/ca.pem".into(),
            ],
        };
        let c = args.resolve().expect("resolves");
        assert_eq!(c.brokers, "b:9093");
        assert_eq!(
            c.settings.get("security.protocol").map(String::as_str),
            Some("SSL")
        );
        assert_eq!(
            c.settings.get("ssl.ca.location").map(String::as_str),
            Some("/ca.pem")
        );
        let bad = ClusterArgs {
            brokers: "b".into(),
            kafka: vec!["no-equals-sign".into()],
        };
        assert!(bad.resolve().is_err());
    }

    #[test]
    fn client_errors_never_quote_a_secret() {
        let args = ClusterArgs {
            brokers: "localhost:1".into(),
            kafka: vec![
                "sasl.password=top-secret-42".into(),
                "no.such.setting=top-secret-42".into(),
            ],
        };
        let c = args.resolve().expect("resolves");
        let err = c
            .producer::<rdkafka::producer::BaseProducer>()
            .err()
            .expect("an unknown setting is refused")
            .to_string();
        assert!(err.contains("no.such.setting"), "{err}");
        assert!(!err.contains("top-secret-42"), "{err}");
    }
}
