//! `newsflow-sink`: route enriched records by subject and raise watch-list alerts.

use clap::Parser;
use newsflow_runtime::service;
use newsflow_runtime::StageArgs;
use newsflow_sink::{RouteProcessor, SinkArgs, DEFAULTS};

/// Reads news.enriched, writes news.topic.<slug> and news.alerts (and news.dlq).
#[derive(Parser)]
#[command(name = "newsflow-sink", version, about)]
struct Cli {
    #[command(flatten)]
    stage: StageArgs,
    #[command(flatten)]
    sink: SinkArgs,
}

fn main() {
    let cli: Cli = service::parse_or_exit();
    let code = service::main(&cli.stage, DEFAULTS, |ctx| {
        let cfg = cli.sink.resolve(ctx.file)?;
        for topic in newsflow_model::topics::TOP_LEVEL_SLUGS {
            ctx.metrics
                .init_produced(&format!("{}{topic}", cfg.route_prefix));
        }
        Ok(RouteProcessor::new(cfg))
    });
    std::process::exit(code);
}
