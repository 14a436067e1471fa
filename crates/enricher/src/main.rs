//! `newsflow-enricher`: tag canonical articles with entities, links and subjects.

use clap::Parser;
use newsflow_enricher::{EngineCell, EnrichProcessor, DEFAULTS};
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

/// The engine over the shipped resources plus the operator's knowledge-base file, if any.
fn build_engine(kb: Option<&std::path::Path>) -> Result<Engine, String> {
    let mut res = Resources::embedded().map_err(|e| e.to_string())?;
    if let Some(path) = kb {
        res.extend_kb_from(path).map_err(|e| e.to_string())?;
    }
    let engine = Engine::new(res).map_err(|e| e.to_string());
    newsflow_runtime::memory::release_free_heap();
    engine
}

fn main() {
    let cli: Cli = service::parse_or_exit();
    let code = service::main(&cli.stage, DEFAULTS, |ctx| {
        let kb = cli
            .kb_file
            .clone()
            .or_else(|| ctx.file.string("kb-file").map(PathBuf::from));
        let cell = EngineCell::new(Arc::new(build_engine(kb.as_deref())?));
        let reload_cell = cell.clone();
        *ctx.on_reload = Some(Box::new(move || match build_engine(kb.as_deref()) {
            Ok(engine) => {
                reload_cell.set(Arc::new(engine));
                newsflow_runtime::memory::release_free_heap();
                tracing::info!("knowledge base reloaded");
            }
            Err(e) => {
                tracing::warn!(error = %e, "knowledge base reload failed; keeping the one in use")
            }
        }));
        Ok(EnrichProcessor::with_cell(cell, Some(ctx.metrics)))
    });
    std::process::exit(code);
}
