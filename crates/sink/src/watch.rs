//! Watch-list rules.

use clap::Args;
use newsflow_model::EnrichedRecord;
use newsflow_runtime::config::FileConfig;

/// Sink flags.
#[derive(Debug, Clone, Default, Args)]
pub struct SinkArgs {
    /// Watch-list rule `NAME=PATTERN` (repeatable; env comma-separated). PATTERN is an
    /// entity URI, an entity name, or a Media Topic code/qcode/URI.
    #[arg(long = "watch", env = "NEWSFLOW_WATCH", value_delimiter = ',')]
    pub watch: Vec<String>,
    /// Prefix of the routed topics [default: news.topic.].
    #[arg(long, env = "NEWSFLOW_ROUTE_PREFIX")]
    pub route_prefix: Option<String>,
}

/// One rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Rule name (`rule` in the alert).
    pub name: String,
    /// What it matches, normalised.
    pub pattern: String,
}

impl Rule {
    /// Parses `NAME=PATTERN` (or a bare pattern, named after itself).
    pub fn parse(s: &str) -> Result<Rule, String> {
        let (name, pattern) = match s.split_once('=') {
            Some((n, p)) if !n.contains("://") => (n.trim(), p.trim()),
            _ => (s.trim(), s.trim()),
        };
        if pattern.is_empty() || name.is_empty() {
            return Err(format!("watch rule {s:?} is empty"));
        }
        let pattern = pattern
            .strip_prefix("medtop:")
            .unwrap_or(pattern)
            .to_string();
        Ok(Rule {
            name: name.to_string(),
            pattern,
        })
    }

    /// What in `record` matches the rule.
    pub fn matches(&self, record: &EnrichedRecord) -> Vec<String> {
        let p = self.pattern.as_str();
        let mut hits: Vec<String> = Vec::new();
        for e in &record.analysis.entities {
            if e.uri.as_deref() == Some(p) || e.name.eq_ignore_ascii_case(p) {
                hits.push(e.uri.clone().unwrap_or_else(|| e.name.clone()));
            }
        }
        for s in &record.analysis.subjects {
            if s.code == p || s.uri == p {
                hits.push(s.uri.clone());
            }
        }
        hits.dedup();
        hits
    }
}

/// Resolved sink settings.
#[derive(Debug, Clone)]
pub struct SinkConfig {
    /// Rules.
    pub rules: Vec<Rule>,
    /// Routed topic prefix.
    pub route_prefix: String,
}

impl SinkArgs {
    /// Flag/env > file (`watch = [...]`, `route-prefix`) > default.
    pub fn resolve(&self, file: &FileConfig) -> Result<SinkConfig, String> {
        let raw = if self.watch.is_empty() {
            file.strings("watch")
        } else {
            self.watch.clone()
        };
        let rules = raw
            .iter()
            .filter(|r| !r.trim().is_empty())
            .map(|r| Rule::parse(r))
            .collect::<Result<_, _>>()?;
        let route_prefix = self
            .route_prefix
            .clone()
            .or_else(|| file.string("route-prefix"))
            .unwrap_or_else(|| newsflow_model::topics::TOPIC_PREFIX.to_string());
        Ok(SinkConfig {
            rules,
            route_prefix,
        })
    }
}
