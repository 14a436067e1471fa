//! librdkafka client settings, in one place.

use crate::config::StageConfig;
use rdkafka::ClientConfig;
use std::collections::BTreeMap;

/// The largest record newsflow produces, and the `max.message.bytes` `newsflow topics create`
/// gives every topic (8 MiB): above the consumer's 4 MiB item limit, so an oversized item can
/// still be read and dead-lettered unchanged.
pub const MAX_MESSAGE_BYTES: usize = 8 * 1024 * 1024;

/// Settings shared by every client.
fn base(brokers: &str, passthrough: &BTreeMap<String, String>) -> ClientConfig {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", brokers);
    for (k, v) in passthrough {
        c.set(k, v);
    }
    c
}

/// A group consumer for a stage: offsets are stored by the runtime only after the work
/// for them is done (`enable.auto.offset.store=false`), committed in the background and
/// synchronously on revoke and shutdown; cooperative-sticky assignment; a bounded fetch queue.
pub fn stage_consumer(cfg: &StageConfig) -> ClientConfig {
    let mut c = base(&cfg.brokers, &BTreeMap::new());
    c.set("group.id", &cfg.group_id)
        .set("enable.auto.offset.store", "false")
        .set("enable.auto.commit", "true")
        .set("auto.commit.interval.ms", "1000")
        .set("auto.offset.reset", "earliest")
        .set("partition.assignment.strategy", "cooperative-sticky")
        .set("statistics.interval.ms", "5000")
        .set("queued.max.messages.kbytes", "8192")
        // Once the bounded queue fills, librdkafka postpones the next fetch by this much
        // (default 1 s): that stalled a backlog's drain into 1 s bursts. Fetch again soon.
        .set("fetch.queue.backoff.ms", "10")
        .set("fetch.max.bytes", "16777216");
    for (k, v) in &cfg.kafka {
        c.set(k, v);
    }
    // The runtime's guarantees depend on this one; an operator cannot turn it off.
    c.set("enable.auto.offset.store", "false");
    c
}

/// The stage's producer: idempotent, compressed.
pub fn stage_producer(cfg: &StageConfig) -> ClientConfig {
    let mut c = producer(&cfg.brokers, &BTreeMap::new());
    for (k, v) in &cfg.kafka {
        if !k.starts_with("group.")
            && !k.starts_with("auto.")
            && !k.starts_with("enable.auto")
            && k != "partition.assignment.strategy"
            && k != "session.timeout.ms"
            && k != "heartbeat.interval.ms"
        {
            c.set(k, v);
        }
    }
    c.set("enable.idempotence", "true");
    c
}

/// A standalone producer (feed, demo).
pub fn producer(brokers: &str, passthrough: &BTreeMap<String, String>) -> ClientConfig {
    let mut c = base(brokers, &BTreeMap::new());
    c.set("enable.idempotence", "true")
        .set("compression.type", "lz4")
        // Wire copy is latency-sensitive at modest rates: wait 1 ms (librdkafka: 5) for a
        // batch to fill; under load batches still form while requests are in flight.
        .set("linger.ms", "1")
        .set("message.timeout.ms", "30000")
        .set("message.max.bytes", MAX_MESSAGE_BYTES.to_string());
    for (k, v) in passthrough {
        c.set(k, v);
    }
    c
}

/// An admin client (topic creation).
pub fn admin(brokers: &str, passthrough: &BTreeMap<String, String>) -> ClientConfig {
    base(brokers, passthrough)
}

/// Creates a client from `config`; an error quotes no secret from `settings`.
pub fn create<C: rdkafka::config::FromClientConfig>(
    config: &ClientConfig,
    settings: &BTreeMap<String, String>,
) -> Result<C, String> {
    config
        .create()
        .map_err(|e: rdkafka::error::KafkaError| redact(&e.to_string(), &secret_values(settings)))
}

/// A group-less reader (tail, tests): no commits.
pub fn reader(brokers: &str, passthrough: &BTreeMap<String, String>) -> ClientConfig {
    let mut c = base(brokers, passthrough);
    c.set("group.id", "newsflow-reader-unused")
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("enable.partition.eof", "true");
    c
}

/// The values of the librdkafka settings that hold secrets (passwords, keys, tokens).
pub fn secret_values(settings: &BTreeMap<String, String>) -> Vec<String> {
    const MARKERS: [&str; 6] = [
        "password",
        "secret",
        "key.pem",
        "oauthbearer.config",
        "jaas",
        "token",
    ];
    settings
        .iter()
        .filter(|(k, v)| !v.is_empty() && MARKERS.iter().any(|m| k.contains(m)))
        .map(|(_, v)| v.clone())
        .collect()
}

/// `text` with every secret value replaced by `***` (librdkafka quotes values in its errors).
pub fn redact(text: &str, secrets: &[String]) -> String {
    secrets
        .iter()
        .fold(text.to_string(), |t, s| t.replace(s.as_str(), "***"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted_from_messages() {
        let mut settings = BTreeMap::new();
        settings.insert("sasl.password".to_string(), "hunter2".to_string());
        settings.insert("ssl.key.password".to_string(), "p@ss".to_string());
        settings.insert("client.id".to_string(), "newsflow".to_string());
        let secrets = secret_values(&settings);
        assert_eq!(secrets.len(), 2);
        let msg = "property \"ssl.key.password\" not supported: ssl.key.password p@ss (client.id newsflow, hunter2)";
        assert_eq!(redact(msg, &secrets), "property \"ssl.key.password\" not supported: ssl.key.password *** (client.id newsflow, ***)");
    }
}
