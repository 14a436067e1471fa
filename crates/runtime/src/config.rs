//! Stage configuration: flags with env twins, an optional TOML file, `-X` pass-through.
//!
//! Precedence: flag > env (`NEWSFLOW_<FLAG>`) > `--config FILE` > default. librdkafka keys
//! come from `-X key=value`, from env `NEWSFLOW_KAFKA_<KEY>` (`.` written as `_`), and from
//! the file's `[kafka]` table.

use clap::{Args, ValueEnum};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;
use thiserror::Error;

/// Invalid configuration: printed as one line, exit status 64.
#[derive(Debug, Error)]
#[error("invalid configuration: {0}")]
pub struct ConfigError(pub String);

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Delivery guarantee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Delivery {
    /// Offsets stored after outputs are acknowledged (the default).
    AtLeastOnce,
    /// Outputs, dead letters and input offsets committed in one Kafka transaction per batch;
    /// the stage reads its input `read_committed`.
    ExactlyOnce,
}

/// The flags every stage shares (flatten into a service's clap struct).
#[derive(Debug, Clone, Default, Args)]
pub struct StageArgs {
    /// Kafka bootstrap servers [default: localhost:9092].
    #[arg(long, env = "NEWSFLOW_BROKERS")]
    pub brokers: Option<String>,
    /// Consumer group id [default: newsflow-<stage>].
    #[arg(long, env = "NEWSFLOW_GROUP_ID")]
    pub group_id: Option<String>,
    /// Topic to read.
    #[arg(long, env = "NEWSFLOW_INPUT_TOPIC")]
    pub input_topic: Option<String>,
    /// Topic to write.
    #[arg(long, env = "NEWSFLOW_OUTPUT_TOPIC")]
    pub output_topic: Option<String>,
    /// Dead-letter topic [default: news.dlq].
    #[arg(long, env = "NEWSFLOW_DLQ_TOPIC")]
    pub dlq_topic: Option<String>,
    /// Admin server address (`/metrics`, `/healthz`, `/readyz`); port 0 picks a free port.
    #[arg(long, env = "NEWSFLOW_ADMIN_ADDR")]
    pub admin_addr: Option<String>,
    /// librdkafka setting, repeatable: `-X key=value`.
    #[arg(short = 'X', value_name = "KEY=VALUE")]
    pub kafka: Vec<String>,
    /// How long to drain in-flight work on revoke and shutdown (`5s`, `1500ms`) [default: 5s].
    #[arg(long, env = "NEWSFLOW_DRAIN_TIMEOUT")]
    pub drain_timeout: Option<String>,
    /// Log format [default: text on a terminal, else json].
    #[arg(long, env = "NEWSFLOW_LOG_FORMAT")]
    pub log_format: Option<LogFormat>,
    /// Worker threads for record processing [default: number of CPUs].
    #[arg(long, env = "NEWSFLOW_WORKERS")]
    pub workers: Option<usize>,
    /// Most records in flight per partition [default: 1024; enricher 256].
    #[arg(long, env = "NEWSFLOW_MAX_INFLIGHT_PER_PARTITION")]
    pub max_inflight_per_partition: Option<usize>,
    /// Most MiB of record values in flight per partition (a larger record takes the whole
    /// budget) [default: 32].
    #[arg(long, env = "NEWSFLOW_MAX_INFLIGHT_MIB_PER_PARTITION")]
    pub max_inflight_mib_per_partition: Option<usize>,
    /// Delivery guarantee [default: at-least-once].
    #[arg(long, env = "NEWSFLOW_DELIVERY", value_enum)]
    pub delivery: Option<Delivery>,
    /// Transactional id for `--delivery exactly-once` (stable per instance, so a restarted
    /// instance fences its predecessor) [default: <group-id>-<HOSTNAME>].
    #[arg(long, env = "NEWSFLOW_TRANSACTIONAL_ID")]
    pub transactional_id: Option<String>,
    /// TOML configuration file (keys as the long flags, `[kafka]` table for librdkafka).
    #[arg(long, env = "NEWSFLOW_CONFIG")]
    pub config: Option<PathBuf>,
}

/// A stage's defaults.
#[derive(Debug, Clone)]
pub struct StageDefaults {
    /// `consumer`, `enricher`, `sink`.
    pub stage: &'static str,
    /// Default input topic.
    pub input_topic: &'static str,
    /// Default output topic.
    pub output_topic: &'static str,
    /// Default admin port.
    pub admin_port: u16,
    /// Default records in flight per partition: large for stages that mostly wait on the broker
    /// (all partitions share one fetch queue, so a full window stops the intake of every
    /// partition), smaller for CPU-bound ones, where waiting records only take memory.
    pub max_inflight_per_partition: usize,
}

/// The validated configuration of one stage.
#[derive(Debug, Clone)]
pub struct StageConfig {
    /// Stage name (the `stage` metric label).
    pub stage: &'static str,
    /// Bootstrap servers.
    pub brokers: String,
    /// Group id.
    pub group_id: String,
    /// Input topic.
    pub input_topic: String,
    /// Output topic.
    pub output_topic: String,
    /// Dead-letter topic.
    pub dlq_topic: String,
    /// Admin server address; `None` runs no admin server (the demo serves one for all).
    pub admin_addr: Option<SocketAddr>,
    /// librdkafka pass-through settings.
    pub kafka: BTreeMap<String, String>,
    /// Drain bound.
    pub drain_timeout: Duration,
    /// Log format.
    pub log_format: LogFormat,
    /// Worker threads.
    pub workers: NonZeroUsize,
    /// In-flight bound per partition, records.
    pub max_inflight_per_partition: NonZeroUsize,
    /// In-flight bound per partition, MiB of record values.
    pub max_inflight_mib_per_partition: NonZeroUsize,
    /// Delivery guarantee.
    pub delivery: Delivery,
    /// Transactional id (exactly-once mode).
    pub transactional_id: String,
}

/// The parsed `--config` file.
#[derive(Debug, Clone, Default)]
pub struct FileConfig(pub toml::Table);

impl FileConfig {
    /// Reads and parses `path`.
    pub fn load(path: Option<&PathBuf>) -> Result<Self, ConfigError> {
        let Some(path) = path else {
            return Ok(Self::default());
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError(format!("reading {}: {e}", path.display())))?;
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            ConfigError(format!("{}: {}", path.display(), e.message()))
        })?;
        Ok(FileConfig(table))
    }

    /// A string (or number, rendered) value.
    pub fn string(&self, key: &str) -> Option<String> {
        match self.0.get(key)? {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Integer(i) => Some(i.to_string()),
            toml::Value::Float(f) => Some(f.to_string()),
            toml::Value::Boolean(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// A list of strings (or one string).
    pub fn strings(&self, key: &str) -> Vec<String> {
        match self.0.get(key) {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(toml::Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        }
    }
}

/// Parses `5s`, `1500ms`, `2m` or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, ConfigError> {
    let s = s.trim();
    let bad = || ConfigError(format!("bad duration {s:?} (use e.g. 5s, 1500ms, 2m)"));
    let (num, unit) = match s.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, "s"),
    };
    let n: f64 = num.parse().map_err(|_| bad())?;
    let secs = match unit {
        "ms" => n / 1000.0,
        "s" => n,
        "m" => n * 60.0,
        _ => return Err(bad()),
    };
    Duration::try_from_secs_f64(secs).map_err(|_| bad())
}

/// Parses `key=value`.
fn parse_kv(kv: &str) -> Result<(String, String), ConfigError> {
    match kv.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
        _ => Err(ConfigError(format!("-X expects key=value, got {kv:?}"))),
    }
}

/// librdkafka settings from `NEWSFLOW_KAFKA_*` environment variables.
fn kafka_env() -> Vec<(String, String)> {
    std::env::vars()
        .filter_map(|(k, v)| {
            k.strip_prefix("NEWSFLOW_KAFKA_")
                .map(|key| (key.to_lowercase().replace('_', "."), v))
        })
        .collect()
}

/// librdkafka settings from `NEWSFLOW_KAFKA_*` variables, then `-X key=value` flags (later wins).
pub fn kafka_overrides(flags: &[String]) -> Result<BTreeMap<String, String>, ConfigError> {
    let mut kafka: BTreeMap<String, String> = kafka_env().into_iter().collect();
    for kv in flags {
        let (k, v) = parse_kv(kv)?;
        kafka.insert(k, v);
    }
    Ok(kafka)
}

impl StageArgs {
    /// Validates and fills defaults. `file` is the parsed `--config` file.
    pub fn resolve(
        &self,
        d: &StageDefaults,
        file: &FileConfig,
    ) -> Result<StageConfig, ConfigError> {
        let pick = |flag: &Option<String>, key: &str, default: String| {
            flag.clone().or_else(|| file.string(key)).unwrap_or(default)
        };
        let brokers = pick(&self.brokers, "brokers", "localhost:9092".into());
        if brokers.trim().is_empty() {
            return Err(ConfigError("--brokers is empty".into()));
        }
        let group_id = pick(&self.group_id, "group-id", format!("newsflow-{}", d.stage));
        let transactional_id = self
            .transactional_id
            .clone()
            .or_else(|| file.string("transactional-id"))
            .unwrap_or_else(|| {
                format!(
                    "{group_id}-{}",
                    std::env::var("HOSTNAME").unwrap_or_else(|_| "local".into())
                )
            });
        let input_topic = pick(&self.input_topic, "input-topic", d.input_topic.into());
        let output_topic = pick(&self.output_topic, "output-topic", d.output_topic.into());
        let dlq_topic = pick(&self.dlq_topic, "dlq-topic", "news.dlq".into());
        for (name, t) in [
            ("input-topic", &input_topic),
            ("output-topic", &output_topic),
            ("dlq-topic", &dlq_topic),
        ] {
            let ok = !t.is_empty()
                && t.len() <= 249
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
            if !ok {
                return Err(ConfigError(format!(
                    "--{name} {t:?} is not a valid topic name"
                )));
            }
        }
        let admin = pick(
            &self.admin_addr,
            "admin-addr",
            format!("0.0.0.0:{}", d.admin_port),
        );
        let admin_addr = if admin.eq_ignore_ascii_case("off") || admin.is_empty() {
            None
        } else {
            let normalised = if admin.starts_with(':') {
                format!("0.0.0.0{admin}")
            } else {
                admin.clone()
            };
            Some(
                normalised
                    .parse()
                    .map_err(|_| ConfigError(format!("--admin-addr {admin:?} is not host:port")))?,
            )
        };
        let drain_timeout = match self
            .drain_timeout
            .clone()
            .or_else(|| file.string("drain-timeout"))
        {
            Some(s) => parse_duration(&s)?,
            None => Duration::from_secs(5),
        };
        let log_format = match self.log_format {
            Some(f) => f,
            None => match file.string("log-format").as_deref() {
                Some("json") => LogFormat::Json,
                Some("text") => LogFormat::Text,
                Some(other) => {
                    return Err(ConfigError(format!(
                        "log-format {other:?} is not text or json"
                    )))
                }
                None => {
                    use std::io::IsTerminal;
                    if std::io::stderr().is_terminal() {
                        LogFormat::Text
                    } else {
                        LogFormat::Json
                    }
                }
            },
        };
        let number =
            |flag: Option<usize>, key: &str, default: usize| -> Result<NonZeroUsize, ConfigError> {
                let v = match flag {
                    Some(v) => v,
                    None => match file.string(key) {
                        Some(s) => s
                            .parse()
                            .map_err(|_| ConfigError(format!("{key} {s:?} is not a number")))?,
                        None => default,
                    },
                };
                NonZeroUsize::new(v).ok_or_else(|| ConfigError(format!("{key} must be at least 1")))
            };
        let cpus = std::thread::available_parallelism().map_or(2, NonZeroUsize::get);
        let workers = number(self.workers, "workers", cpus)?;
        let max_inflight_per_partition = number(
            self.max_inflight_per_partition,
            "max-inflight-per-partition",
            d.max_inflight_per_partition,
        )?;
        let max_inflight_mib_per_partition = number(
            self.max_inflight_mib_per_partition,
            "max-inflight-mib-per-partition",
            32,
        )?;
        let mut kafka = BTreeMap::new();
        if let Some(toml::Value::Table(t)) = file.0.get("kafka") {
            for (k, v) in t {
                let v = match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                kafka.insert(k.clone(), v);
            }
        }
        kafka.extend(kafka_overrides(&self.kafka)?);
        Ok(StageConfig {
            stage: d.stage,
            brokers,
            group_id,
            input_topic,
            output_topic,
            dlq_topic,
            admin_addr,
            kafka,
            drain_timeout,
            log_format,
            workers,
            max_inflight_per_partition,
            max_inflight_mib_per_partition,
            delivery: match (self.delivery, file.string("delivery").as_deref()) {
                (Some(d), _) => d,
                (None, Some("exactly-once")) => Delivery::ExactlyOnce,
                (None, Some("at-least-once") | None) => Delivery::AtLeastOnce,
                (None, Some(other)) => {
                    return Err(ConfigError(format!(
                        "delivery {other:?} is not at-least-once or exactly-once"
                    )))
                }
            },
            transactional_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> StageDefaults {
        StageDefaults {
            stage: "enricher",
            input_topic: "news.articles",
            output_topic: "news.enriched",
            admin_port: 9102,
            max_inflight_per_partition: 1024,
        }
    }

    #[test]
    fn defaults_follow_the_contract() {
        let c = StageArgs::default()
            .resolve(&defaults(), &FileConfig::default())
            .expect("valid");
        assert_eq!(c.brokers, "localhost:9092");
        assert_eq!(c.group_id, "newsflow-enricher");
        assert_eq!(c.dlq_topic, "news.dlq");
        assert_eq!(c.admin_addr, Some("0.0.0.0:9102".parse().expect("addr")));
        assert_eq!(c.drain_timeout, Duration::from_secs(5));
    }

    #[test]
    fn flag_beats_file_and_file_beats_default() {
        let file = FileConfig("brokers = \"file:9092\"\ngroup-id = \"g-file\"\ndrain-timeout = \"1500ms\"\n[kafka]\n\"fetch.max.bytes\" = \"1000\"\n".parse().expect("toml"));
        let args = StageArgs {
            brokers: Some("flag:9092".into()),
            kafka: vec!["client.id=x".into()],
            ..StageArgs::default()
        };
        let c = args.resolve(&defaults(), &file).expect("valid");
        assert_eq!(c.brokers, "flag:9092");
        assert_eq!(c.group_id, "g-file");
        assert_eq!(c.drain_timeout, Duration::from_millis(1500));
        assert_eq!(
            c.kafka.get("fetch.max.bytes").map(String::as_str),
            Some("1000")
        );
        assert_eq!(c.kafka.get("client.id").map(String::as_str), Some("x"));
    }

    #[test]
    fn exactly_once_from_the_file_with_a_stable_transactional_id() {
        let file = FileConfig(
            "delivery = \"exactly-once\"\ngroup-id = \"g\"\n"
                .parse()
                .expect("toml"),
        );
        let c = StageArgs::default()
            .resolve(&defaults(), &file)
            .expect("valid");
        assert_eq!(c.delivery, Delivery::ExactlyOnce);
        assert!(
            c.transactional_id.starts_with("g-"),
            "{}",
            c.transactional_id
        );
        let bad = FileConfig("delivery = \"twice\"\n".parse().expect("toml"));
        assert!(StageArgs::default().resolve(&defaults(), &bad).is_err());
    }

    #[test]
    fn invalid_values_are_rejected() {
        let bad = |args: StageArgs| args.resolve(&defaults(), &FileConfig::default()).is_err();
        assert!(bad(StageArgs {
            admin_addr: Some("nowhere".into()),
            ..StageArgs::default()
        }));
        assert!(bad(StageArgs {
            drain_timeout: Some("5 parsecs".into()),
            ..StageArgs::default()
        }));
        assert!(bad(StageArgs {
            kafka: vec!["novalue".into()],
            ..StageArgs::default()
        }));
        assert!(bad(StageArgs {
            workers: Some(0),
            ..StageArgs::default()
        }));
        assert!(bad(StageArgs {
            input_topic: Some("bad topic!".into()),
            ..StageArgs::default()
        }));
    }
}
