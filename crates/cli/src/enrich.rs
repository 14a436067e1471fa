//! `newsflow enrich`: offline, the consumer's and the enricher's processors on files or
//! stdin; one enriched record per item on stdout, in input order.

use crate::feed::collect_files;
use anyhow::Result;
use clap::Args;
use newsflow_consumer::config::ConsumerConfig;
use newsflow_consumer::DecodeProcessor;
use newsflow_enricher::EnrichProcessor;
use newsflow_model::Article;
use newsflow_nlp::Engine;
use newsflow_runtime::{InputRecord, Processor};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// `enrich` arguments.
#[derive(Args)]
pub struct EnrichArgs {
    /// Files or directories in any supported format, or `-` for single-line items on stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Decodes and enriches one item; rejections are reported on stderr as
/// `rejected <name>: <reason>: <message>`.
pub struct Offline {
    decode: DecodeProcessor,
    enrich: EnrichProcessor,
}

impl Offline {
    /// The processors the services run (no dedup offline: every item gets its record).
    pub fn new() -> Result<Self> {
        Ok(Offline {
            decode: DecodeProcessor::new(ConsumerConfig {
                dedup_window: 0,
                max_item_bytes: 4 * 1024 * 1024,
            }),
            enrich: EnrichProcessor::new(Arc::new(Engine::embedded()?), None),
        })
    }

    /// Enriched records (JSON lines) and rejection lines for one item.
    pub fn item(&self, name: &str, bytes: Vec<u8>) -> (Vec<String>, Vec<String>) {
        let input = InputRecord {
            key: Some(name.as_bytes().to_vec()),
            payload: Some(bytes),
            ..InputRecord::default()
        };
        let outcome = self.decode.process(&input);
        let mut lines = Vec::new();
        let mut errors: Vec<String> = outcome
            .rejections
            .iter()
            .map(|r| format!("rejected {name}: {}: {}", r.reason, r.message))
            .collect();
        for out in outcome.outputs {
            match serde_json::from_slice::<Article>(&out.payload) {
                Ok(article) => match serde_json::to_string(&self.enrich.enrich(&article)) {
                    Ok(line) => lines.push(line),
                    Err(e) => errors.push(format!("rejected {name}: processing_error: {e}")),
                },
                Err(e) => errors.push(format!("rejected {name}: processing_error: {e}")),
            }
        }
        (lines, errors)
    }
}

/// Runs `enrich`.
pub fn run(a: EnrichArgs) -> Result<i32> {
    let offline = Offline::new()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let emit = |lines: Vec<String>, errors: Vec<String>, out: &mut dyn Write| -> Result<()> {
        for l in lines {
            writeln!(out, "{l}")?;
        }
        out.flush()?;
        for e in errors {
            eprintln!("{e}");
        }
        Ok(())
    };
    if a.paths.len() == 1 && a.paths[0].as_os_str() == "-" {
        for (i, line) in std::io::stdin().lock().lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let (l, e) = offline.item(&format!("line {}", i + 1), line.into_bytes());
            emit(l, e, &mut out)?;
        }
        return Ok(0);
    }
    for f in collect_files(&a.paths)? {
        let bytes = std::fs::read(&f)?;
        let (l, e) = offline.item(&f.display().to_string(), bytes);
        emit(l, e, &mut out)?;
    }
    Ok(0)
}
