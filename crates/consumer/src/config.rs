//! The consumer's own flags.

use clap::Args;
use newsflow_runtime::config::FileConfig;

/// Consumer flags.
#[derive(Debug, Clone, Default, Args)]
pub struct ConsumerArgs {
    /// Distinct stories remembered for exact-duplicate detection [default: 100000].
    #[arg(long, env = "NEWSFLOW_DEDUP_WINDOW")]
    pub dedup_window: Option<usize>,
    /// Largest accepted raw item in bytes [default: 4194304].
    #[arg(long, env = "NEWSFLOW_MAX_ITEM_BYTES")]
    pub max_item_bytes: Option<usize>,
}

/// Resolved consumer settings.
#[derive(Debug, Clone, Copy)]
pub struct ConsumerConfig {
    /// Dedup window size.
    pub dedup_window: usize,
    /// Item size limit.
    pub max_item_bytes: usize,
}

impl ConsumerArgs {
    /// Flag > env > file > default.
    pub fn resolve(&self, file: &FileConfig) -> Result<ConsumerConfig, String> {
        let num = |flag: Option<usize>, key: &str, default: usize| -> Result<usize, String> {
            match flag {
                Some(v) => Ok(v),
                None => file
                    .string(key)
                    .map(|s| {
                        s.parse()
                            .map_err(|_| format!("{key} {s:?} is not a number"))
                    })
                    .unwrap_or(Ok(default)),
            }
        };
        let c = ConsumerConfig {
            dedup_window: num(self.dedup_window, "dedup-window", 100_000)?,
            max_item_bytes: num(self.max_item_bytes, "max-item-bytes", 4 * 1024 * 1024)?,
        };
        if c.max_item_bytes == 0 {
            return Err("max-item-bytes must be at least 1".into());
        }
        Ok(c)
    }
}
