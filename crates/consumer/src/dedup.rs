//! Exact duplicates and superseded versions, within a bounded window.
//!
//! Keys per story: its id and version (when the agency versions it), and a hash of its
//! headline and body. A story matching either key of one of the last `capacity` stories is an
//! exact duplicate. The newest version seen of each story id is remembered too: an older
//! version arriving after a newer one is superseded and dropped. Kills and withdrawals
//! (`pubstatus` canceled or withheld) are never dropped for their content — a kill often repeats
//! the story it retracts — only for repeating the same id, version and status.
//!
//! Versions compare as numbers when both are numeric, else by `versioncreated`.
//! The window lives in memory, per consumer instance: it is empty after a restart, and copies
//! under different ids that land on different partitions (and instances) are left to the
//! enricher's near-duplicate fingerprint.

use newsflow_model::Article;
use std::collections::{HashMap, HashSet, VecDeque};
use xxhash_rust::xxh3::xxh3_64;

/// What the window says of a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// First time seen: pass it on.
    New,
    /// Same id and version, or same content: drop.
    Duplicate,
    /// Older than a version already passed: drop.
    Superseded,
}

/// A comparable version: numeric version, else version timestamp.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Rank {
    Number(u64),
    Time(i64),
}

fn rank(a: &Article) -> Option<Rank> {
    if let Some(n) = a.version.as_deref().and_then(|v| v.trim().parse().ok()) {
        return Some(Rank::Number(n));
    }
    a.versioncreated.map(|t| Rank::Time(t.timestamp_millis()))
}

/// The window.
#[derive(Debug)]
pub struct Dedup {
    capacity: usize,
    order: VecDeque<u64>,
    seen: HashSet<u64>,
    newest: HashMap<u64, Rank>,
    newest_order: VecDeque<u64>,
}

fn tagged(tag: u8, parts: &[&str]) -> u64 {
    let mut buf = vec![tag];
    for p in parts {
        buf.extend_from_slice(p.as_bytes());
        buf.push(0);
    }
    xxh3_64(&buf)
}

impl Dedup {
    /// A window of `capacity` stories (0 disables detection).
    pub fn new(capacity: usize) -> Self {
        Dedup {
            capacity,
            order: VecDeque::new(),
            seen: HashSet::new(),
            newest: HashMap::new(),
            newest_order: VecDeque::new(),
        }
    }

    /// Records the story and says whether to pass it on.
    pub fn check(&mut self, a: &Article) -> Verdict {
        if self.capacity == 0 {
            return Verdict::New;
        }
        let status = a.pubstatus.as_deref().unwrap_or("usable");
        let kill = status != "usable";
        let id_key = tagged(b'n', &[&a.id]);
        let this = rank(a);
        if let (Some(newest), Some(this)) = (self.newest.get(&id_key), this) {
            let comparable = matches!(
                (newest, this),
                (Rank::Number(_), Rank::Number(_)) | (Rank::Time(_), Rank::Time(_))
            );
            if comparable && this < *newest {
                return Verdict::Superseded;
            }
        }
        let content =
            (!kill).then(|| tagged(b'c', &[a.headline.as_deref().unwrap_or(""), &a.body_text]));
        let ident = a
            .version
            .as_deref()
            .map(|v| tagged(b'i', &[&a.id, v, status]));
        if content.is_some_and(|c| self.seen.contains(&c))
            || ident.is_some_and(|i| self.seen.contains(&i))
        {
            return Verdict::Duplicate;
        }
        for key in content.into_iter().chain(ident) {
            self.seen.insert(key);
            self.order.push_back(key);
        }
        while self.order.len() > self.capacity * 2 {
            if let Some(old) = self.order.pop_front() {
                self.seen.remove(&old);
            }
        }
        if let Some(r) = this {
            if self.newest.insert(id_key, r).is_none() {
                self.newest_order.push_back(id_key);
            }
            while self.newest_order.len() > self.capacity {
                if let Some(old) = self.newest_order.pop_front() {
                    self.newest.remove(&old);
                }
            }
        }
        Verdict::New
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, version: Option<&str>, body: &str) -> Article {
        Article {
            id: id.into(),
            version: version.map(str::to_string),
            body_text: body.into(),
            ..Article::default()
        }
    }

    #[test]
    fn same_id_and_version_or_same_body_is_a_duplicate() {
        let mut d = Dedup::new(10);
        assert_eq!(d.check(&story("a", Some("1"), "body one")), Verdict::New);
        assert_eq!(
            d.check(&story("a", Some("1"), "body one, corrected")),
            Verdict::Duplicate,
            "same id and version"
        );
        assert_eq!(
            d.check(&story("b", None, "body one")),
            Verdict::Duplicate,
            "same content under another id"
        );
        assert_eq!(
            d.check(&story("a", Some("2"), "body two")),
            Verdict::New,
            "a new version passes"
        );
        assert_eq!(
            d.check(&story("a", Some("1"), "body one, late")),
            Verdict::Superseded,
            "an older version after a newer one"
        );
    }

    #[test]
    fn kills_pass_even_when_they_repeat_the_story() {
        let mut d = Dedup::new(10);
        assert_eq!(d.check(&story("k", Some("1"), "the story")), Verdict::New);
        let mut kill = story("k", Some("2"), "the story");
        kill.pubstatus = Some("canceled".into());
        assert_eq!(d.check(&kill), Verdict::New);
        assert_eq!(d.check(&kill), Verdict::Duplicate, "the same kill twice");
    }

    #[test]
    fn versions_without_numbers_compare_by_time() {
        let mut d = Dedup::new(10);
        let mut newer = story("t", Some("b"), "newer");
        newer.versioncreated = chrono::DateTime::from_timestamp(2_000, 0);
        let mut older = story("t", Some("a"), "older");
        older.versioncreated = chrono::DateTime::from_timestamp(1_000, 0);
        assert_eq!(d.check(&newer), Verdict::New);
        assert_eq!(
            d.check(&older),
            Verdict::Superseded,
            "non-numeric versions compare by versioncreated"
        );
    }

    #[test]
    fn the_window_is_bounded() {
        let mut d = Dedup::new(2);
        for i in 0..5 {
            assert_eq!(
                d.check(&story(&i.to_string(), None, &format!("body {i}"))),
                Verdict::New
            );
        }
        assert_eq!(
            d.check(&story("x", None, "body 0")),
            Verdict::New,
            "forgotten after the window"
        );
        assert_eq!(
            d.check(&story("y", None, "body 4")),
            Verdict::Duplicate,
            "still remembered"
        );
    }
}
