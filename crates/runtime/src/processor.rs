//! The seam between the runtime and a stage: one record in, outputs and rejections out.

use std::borrow::Cow;

/// A record header.
pub type Header = (String, Vec<u8>);

/// One input record, owned, as the processor sees it.
#[derive(Debug, Clone, Default)]
pub struct InputRecord {
    /// Topic it was read from.
    pub topic: String,
    /// Partition.
    pub partition: i32,
    /// Offset.
    pub offset: i64,
    /// Kafka timestamp (ms since epoch), when the record has one.
    pub timestamp_ms: Option<i64>,
    /// Key.
    pub key: Option<Vec<u8>>,
    /// Value.
    pub payload: Option<Vec<u8>>,
    /// Headers, in order.
    pub headers: Vec<Header>,
}

impl InputRecord {
    /// The first header named `name`.
    pub fn header(&self, name: &str) -> Option<&[u8]> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_slice())
    }

    /// A header as UTF-8 text.
    pub fn header_str(&self, name: &str) -> Option<Cow<'_, str>> {
        self.header(name).map(String::from_utf8_lossy)
    }
}

/// A record to produce.
#[derive(Debug, Clone, Default)]
pub struct OutputRecord {
    /// Topic; `None` means the stage's output topic.
    pub topic: Option<String>,
    /// Key.
    pub key: Option<Vec<u8>>,
    /// Value.
    pub payload: Vec<u8>,
    /// Extra headers (the runtime carries `newsflow-ingest-ts` through by itself).
    pub headers: Vec<Header>,
}

/// A record the stage can never handle: it goes to the DLQ with this reason.
#[derive(Debug, Clone)]
pub struct Rejection {
    /// Reason code (a small fixed set, see `newsflow_model::ReasonCode`).
    pub reason: &'static str,
    /// Human text.
    pub message: String,
}

/// What a processor made of one input record.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Records to produce.
    pub outputs: Vec<OutputRecord>,
    /// Rejections; each sends the input, unchanged, to the DLQ once.
    pub rejections: Vec<Rejection>,
    /// Exact duplicates dropped on purpose.
    pub duplicates: u64,
    /// Older versions of a story dropped because a newer one already passed.
    pub superseded: u64,
}

/// A stage's logic. Called from a worker pool, possibly concurrently; must not block on I/O.
pub trait Processor: Send + Sync + 'static {
    /// Handles one record.
    fn process(&self, input: &InputRecord) -> Outcome;
}

impl<F> Processor for F
where
    F: Fn(&InputRecord) -> Outcome + Send + Sync + 'static,
{
    fn process(&self, input: &InputRecord) -> Outcome {
        self(input)
    }
}
