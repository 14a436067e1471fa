//! `newsflow`: the command line — demo, topics, feed, tail, enrich, bench.

use clap::{Parser, Subcommand};
use newsflow_cli::{bench, demo, dlq, enrich, eval, feed, health, tail, topics};

/// newsflow: streaming news ingestion — decode, tag, route wire copy on Kafka.
#[derive(Parser)]
#[command(name = "newsflow", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run all three stages in one process on an in-process broker over the bundled samples.
    Demo(demo::DemoArgs),
    /// Manage the pipeline's topics.
    Topics {
        #[command(subcommand)]
        command: topics::TopicsCommand,
    },
    /// Publish files (one record per file) to a topic.
    Feed(feed::FeedArgs),
    /// Print a topic's records as JSON lines.
    Tail(tail::TailArgs),
    /// Enrich files or stdin offline, one enriched record per item on stdout.
    Enrich(enrich::EnrichArgs),
    /// Measure throughput of the runtime and the pipeline on an in-process broker.
    Bench(bench::BenchArgs),
    /// Quality figures: NER F1 on a CoNLL file, topic accuracy on a labelled CSV.
    Eval {
        #[command(subcommand)]
        command: eval::EvalCommand,
    },
    /// Dead-letter topic tools.
    Dlq {
        #[command(subcommand)]
        command: dlq::DlqCommand,
    },
    /// Exit 0 when a service's health endpoint answers 2xx (container health checks).
    Health(health::HealthArgs),
}

/// Restores the default SIGPIPE disposition, so `newsflow enrich … | head` ends quietly as Unix
/// tools do (Rust ignores SIGPIPE, and a write to a closed pipe made `println!` panic).
fn default_sigpipe() {
    #[cfg(unix)]
    #[allow(unsafe_code)]
    // SAFETY: called first in `main`, before any other thread exists; `signal` only sets the
    // disposition of one signal to its default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() {
    default_sigpipe();
    let cli: Cli = newsflow_runtime::service::parse_or_exit();
    let result = match cli.command {
        Command::Demo(a) => demo::run(a),
        Command::Topics { command } => topics::run(command),
        Command::Feed(a) => feed::run(a),
        Command::Tail(a) => tail::run(a),
        Command::Enrich(a) => enrich::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Dlq { command } => dlq::run(command),
        Command::Eval { command } => eval::run(command),
        Command::Health(a) => health::run(a),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("newsflow: {e:#}");
            std::process::exit(1);
        }
    }
}

/// mimalloc for the offline commands (enrich, eval, bench, demo): the engine allocates many
/// small, short-lived values, and glibc's main-thread arena served them ~40 % slower. The three
/// services keep glibc: mimalloc raised their peak resident memory in the backlog test past the
/// 200 MB bound (README, "Benchmarks").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
