//! What every service's `main` does: parse, configure, serve metrics, run, map to an exit code.

use crate::admin::AdminServer;
use crate::config::{FileConfig, StageArgs, StageConfig, StageDefaults};
use crate::metrics::{Metrics, StageMetrics};
use crate::processor::Processor;
use crate::stage::{self, Health};
use crate::{logging, EXIT_CONFIG};
use clap::Parser;
use prometheus::Registry;
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

/// Parses the command line; help and version exit 0, anything invalid exits 64 with one line.
pub fn parse_or_exit<C: Parser>() -> C {
    match C::try_parse() {
        Ok(c) => c,
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            let first = e.to_string();
            let line = first.lines().next().unwrap_or("invalid arguments");
            eprintln!("{line}");
            std::process::exit(EXIT_CONFIG);
        }
    }
}

/// What a service gets to build its processor.
pub struct ServiceContext<'a> {
    /// The validated stage configuration.
    pub config: &'a StageConfig,
    /// The `--config` file, for the service's own keys.
    pub file: &'a FileConfig,
    /// The stage's metrics.
    pub metrics: &'a StageMetrics,
    /// Set to a function the service runs on SIGHUP (reloading its resources).
    pub on_reload: &'a mut Option<Reload>,
}

/// What a service does on SIGHUP.
pub type Reload = Box<dyn Fn() + Send + Sync>;

/// Resolves the configuration, runs the stage with its admin server until SIGTERM/SIGINT,
/// and returns the process exit code (0 clean, 1 failure, 64 invalid configuration).
pub fn main<P, F>(args: &StageArgs, defaults: StageDefaults, build: F) -> i32
where
    P: Processor,
    F: FnOnce(ServiceContext<'_>) -> Result<P, String>,
{
    let file = match FileConfig::load(args.config.as_ref()) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_CONFIG;
        }
    };
    let config = match args.resolve(&defaults, &file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return EXIT_CONFIG;
        }
    };
    logging::init(config.log_format);
    let registry = Registry::new();
    let metrics = match Metrics::register(&registry) {
        Ok(m) => m.stage(config.stage, &config.input_topic),
        Err(e) => {
            eprintln!("metrics: {e}");
            return 1;
        }
    };
    let mut on_reload: Option<Reload> = None;
    let processor = match build(ServiceContext {
        config: &config,
        file: &file,
        metrics: &metrics,
        on_reload: &mut on_reload,
    }) {
        Ok(p) => Arc::new(p),
        Err(e) => {
            eprintln!("invalid configuration: {e}");
            return EXIT_CONFIG;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(
            std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .max(2),
        )
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tokio runtime: {e}");
            return 1;
        }
    };
    runtime.block_on(async move {
        let shutdown = CancellationToken::new();
        let health = Health::new(config.stage);
        if let Some(addr) = config.admin_addr {
            match AdminServer::bind(addr, registry.clone(), vec![health.clone()]).await {
                Ok(server) => {
                    tokio::spawn(server.serve(shutdown.clone()));
                }
                Err(e) => {
                    tracing::error!(%addr, error = %e, "cannot bind admin server");
                    return 1;
                }
            }
        }
        tokio::spawn(signals(shutdown.clone()));
        if let Some(reload) = on_reload {
            tokio::spawn(reloads(std::sync::Arc::new(reload), shutdown.clone()));
        }
        let stage = config.stage;
        match stage::run(config, processor, metrics, health, shutdown.clone()).await {
            Ok(()) => {
                shutdown.cancel();
                0
            }
            Err(e) => {
                tracing::error!(stage, error = %e, "stage failed");
                shutdown.cancel();
                1
            }
        }
    })
}

/// Runs `reload` (off the reactor) on every SIGHUP until `shutdown`.
async fn reloads(reload: std::sync::Arc<Reload>, shutdown: CancellationToken) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::error!("cannot install the SIGHUP handler");
            return;
        };
        loop {
            tokio::select! {
                _ = hup.recv() => {
                    tracing::info!("SIGHUP: reloading");
                    let r = reload.clone();
                    if let Err(e) = tokio::task::spawn_blocking(move || r()).await {
                        tracing::error!(error = %e, "reload failed");
                    }
                }
                _ = shutdown.cancelled() => return,
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (reload, shutdown);
    }
}

/// Cancels `shutdown` on SIGTERM or SIGINT.
pub async fn signals(shutdown: CancellationToken) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let (Ok(mut term), Ok(mut int)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) else {
            tracing::error!("cannot install signal handlers");
            return;
        };
        tokio::select! {
            _ = term.recv() => tracing::info!("SIGTERM: shutting down"),
            _ = int.recv() => tracing::info!("SIGINT: shutting down"),
            _ = shutdown.cancelled() => return,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    shutdown.cancel();
}
