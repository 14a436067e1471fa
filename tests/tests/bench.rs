//! `newsflow bench` runs end to end on its in-process broker and prints every figure the
//! benchmark promises, with the plot (small counts: this checks the command, not the speed).

use newsflow_tests::*;
use std::time::Duration;

#[test]
fn the_bench_prints_every_figure_and_the_plot() {
    let out = newsflow(
        &["bench", "--count", "30", "--runtime-count", "300"],
        Duration::from_secs(600),
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let figure = |prefix: &str| -> f64 {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix:?} line in\n{text}"));
        line.split_whitespace()
            .find_map(|w| w.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("no figure in {line:?}"))
    };
    for prefix in [
        "engine offline (1 thread)",
        "(c) engine offline",
        "(a) rdkafka copy loop",
        "(b) runtime, identity processor",
        "(c') enricher processor offline",
        "(d) enricher stage through Kafka",
        "full pipeline",
    ] {
        assert!(figure(prefix) > 0.0, "{prefix}: no throughput");
    }
    assert!(
        text.contains("(b)/(a) = ") && text.contains("(d)/(c) = ") && text.contains("(d)/(c') = "),
        "{text}"
    );
    // (b) and (a) are measured in three rounds, their median ratio reported.
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("(a) rdkafka copy loop"))
            .count(),
        3,
        "{text}"
    );
    let median = text
        .lines()
        .find(|l| l.starts_with("(b)/(a), median of 3 rounds:"))
        .and_then(|l| l.split_whitespace().last()?.parse::<f64>().ok());
    assert!(median.is_some_and(|r| r > 0.0), "{text}");
    let latency_lines = text.lines().filter(|l| l.contains("p999")).count();
    assert_eq!(latency_lines, 4, "{text}");
    assert!(text.contains("resident memory"), "{text}");
    // The plot's path, relative to the command's working directory (this test's).
    let svg = text
        .lines()
        .find_map(|l| l.strip_prefix("plot: "))
        .unwrap_or_else(|| panic!("no plot line in\n{text}"));
    let plot = std::fs::read_to_string(svg).expect("the plot");
    let _ = std::fs::remove_file(svg);
    let _ = std::fs::remove_dir("target/bench");
    let _ = std::fs::remove_dir("target");
    assert!(
        plot.starts_with("<svg") && plot.contains("polyline"),
        "{plot}"
    );
}
