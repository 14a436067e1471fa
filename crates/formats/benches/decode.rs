//! Decode throughput per wire format (MB/s), on ~5 KB items built from the conformance data.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsflow_formats::{decode, Limits};

/// Repeats the paragraph markup of an item until it is about `target` bytes.
fn grow(item: &str, open: &str, close: &str, para: &str, target: usize) -> String {
    let at = item.find(close).expect("insertion point");
    let mut extra = String::new();
    let mut i = 0;
    while item.len() + extra.len() < target {
        extra.push_str(&format!(
            "{open}{para} ({i}){}",
            if open.is_empty() { "\n\n" } else { "</p>" }
        ));
        i += 1;
    }
    format!("{}{extra}{}", &item[..at], &item[at..])
}

fn data(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("data")
}

fn bench(c: &mut Criterion) {
    let para = "Foreign ministers met on Friday to discuss trade, sanctions and the supply of natural gas, officials said after the talks ended late in the evening";
    let items: Vec<(&str, String)> = vec![
        (
            "ninjs",
            grow(&data("ninjs3.json"), "<p>", "</p>\"}]", para, 5000),
        ),
        (
            "newsml-g2",
            grow(
                &data("g2-message.xml"),
                "<p>",
                "</body.content>",
                para,
                5000,
            ),
        ),
        (
            "nitf",
            grow(
                &data("nitf-doctype.xml"),
                "<p>",
                "</body.content>",
                para,
                5000,
            ),
        ),
        (
            "newsml-1",
            grow(&data("newsml1.xml"), "<p>", "</body.content>", para, 5000),
        ),
        (
            "iptc7901",
            grow(&data("iptc7901-two.txt"), "   ", "# TW NOTES", para, 5000),
        ),
        (
            "plain-text",
            grow(
                &std::fs::read_to_string(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../samples/putin-minsk.txt"
                ))
                .expect("seed"),
                "",
                "Putin stressed",
                para,
                5000,
            ),
        ),
    ];
    let limits = Limits::default();
    let mut group = c.benchmark_group("decode");
    for (format, item) in &items {
        group.throughput(Throughput::Bytes(item.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(format), item, |b, item| {
            b.iter(|| {
                let (_, stories) = decode(item.as_bytes(), None, Some("bench"), &limits);
                assert!(stories.iter().any(Result::is_ok));
                stories
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
