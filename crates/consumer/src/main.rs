//! `newsflow-consumer`: decode raw wire items into canonical articles.

use clap::Parser;
use newsflow_consumer::{ConsumerArgs, DecodeProcessor, DEFAULTS};
use newsflow_runtime::service;
use newsflow_runtime::StageArgs;

/// Reads news.wire.raw, writes news.articles (and news.dlq).
#[derive(Parser)]
#[command(name = "newsflow-consumer", version, about)]
struct Cli {
    #[command(flatten)]
    stage: StageArgs,
    #[command(flatten)]
    consumer: ConsumerArgs,
}

fn main() {
    let cli: Cli = service::parse_or_exit();
    let code = service::main(&cli.stage, DEFAULTS, |ctx| {
        Ok(DecodeProcessor::new(cli.consumer.resolve(ctx.file)?))
    });
    std::process::exit(code);
}
