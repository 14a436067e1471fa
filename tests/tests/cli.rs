//! The `newsflow` command as a Unix filter.

use newsflow_tests::bin;
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;

#[test]
fn enrich_piped_into_a_reader_that_stops_early_ends_quietly() {
    let mut child = bin("newsflow")
        .args(["enrich", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsflow enrich");
    let mut stdin = child.stdin.take().expect("stdin");
    // Far more output than a pipe holds, so the command is still writing when the reader goes.
    let writer = std::thread::spawn(move || {
        for i in 0..3000 {
            let line = format!(
                "Story {i}: Russian President Vladimir Putin arrived in Minsk for talks with \
                 Alexander Lukashenko on gas prices and trade, TASS reported."
            );
            if writeln!(stdin, "{line}").is_err() {
                break;
            }
        }
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).expect("first bytes");
    assert_eq!(first[0], b'{', "one JSON record per line");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    let status = child.wait().expect("exit");
    writer.join().expect("writer");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        status.success() || status.signal() == Some(13),
        "ended by a closed pipe, not an error: {status:?}\n{stderr}"
    );
}
