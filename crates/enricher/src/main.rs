//! `newsflow-enricher`: tag canonical articles with entities, links and subjects.

use clap::Parser;
use newsflow_enricher::{EnrichProcessor, DEFAULTS};
use newsflow_nlp::{Engine, Resources};
use newsflow_runtime::service;
use newsflow_runtime::StageArgs;
use std::path::PathBuf;
use std::sync::Arc;

/// Reads news.articles, writes news.enriched (and news.dlq).
#[derive(Parser)]
#[command(name = "newsflow-enricher", version, about)]
struct Cli {
    #[command(flatten)]
    stage: StageArgs,
    /// Extra knowledge-base file (same TSV format as the shipped kb.tsv), added at start-up.
    #[arg(long, env = "NEWSFLOW_KB_FILE")]
    kb_file: Option<PathBuf>,
}

fn main() {
    let cli: Cli = service::parse_or_exit();
    let code = service::main(&cli.stage, DEFAULTS, |ctx| {
        let mut res = Resources::embedded().map_err(|e| e.to_string())?;
        let kb = cli
            .kb_file
            .clone()
            .or_else(|| ctx.file.string("kb-file").map(PathBuf::from));
        if let Some(path) = kb {
            res.extend_kb_from(&path).map_err(|e| e.to_string())?;
        }
        let engine = Engine::new(res).map_err(|e| e.to_string())?;
        Ok(EnrichProcessor::new(Arc::new(engine), Some(ctx.metrics)))
    });
    std::process::exit(code);
}
