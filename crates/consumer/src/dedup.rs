//! Exact-duplicate detection within a bounded window.
//!
//! Two keys per story: its id and version (when the agency versions it), and a hash of its
//! headline and body. A story matching either key of one of the last `capacity` stories is
//! an exact duplicate. The window lives in memory, per consumer instance: it is empty after a
//! restart, and stories with the same body under different ids may land on different
//! partitions (and instances) — those are left to the enricher's near-duplicate fingerprint.

use std::collections::{HashSet, VecDeque};
use xxhash_rust::xxh3::xxh3_64;

/// The window.
#[derive(Debug)]
pub struct Dedup {
    capacity: usize,
    order: VecDeque<u64>,
    seen: HashSet<u64>,
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
        }
    }

    /// Records the story; returns `true` when it is an exact duplicate.
    pub fn check(&mut self, id: &str, version: Option<&str>, headline: &str, body: &str) -> bool {
        if self.capacity == 0 {
            return false;
        }
        let content = tagged(b'c', &[headline, body]);
        let ident = version.map(|v| tagged(b'i', &[id, v]));
        if self.seen.contains(&content) || ident.is_some_and(|i| self.seen.contains(&i)) {
            return true;
        }
        for key in std::iter::once(content).chain(ident) {
            self.seen.insert(key);
            self.order.push_back(key);
        }
        while self.order.len() > self.capacity * 2 {
            if let Some(old) = self.order.pop_front() {
                self.seen.remove(&old);
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::Dedup;

    #[test]
    fn same_id_and_version_or_same_body_is_a_duplicate() {
        let mut d = Dedup::new(10);
        assert!(!d.check("a", Some("1"), "H", "body one"));
        assert!(
            d.check("a", Some("1"), "H", "body one, corrected"),
            "same id and version"
        );
        assert!(
            d.check("b", None, "H", "body one"),
            "same content under another id"
        );
        assert!(
            !d.check("a", Some("2"), "H", "body two"),
            "a new version is not a duplicate"
        );
    }

    #[test]
    fn the_window_is_bounded() {
        let mut d = Dedup::new(2);
        for i in 0..5 {
            assert!(!d.check(&i.to_string(), None, "", &format!("body {i}")));
        }
        assert!(
            !d.check("x", None, "", "body 0"),
            "forgotten after the window"
        );
        assert!(d.check("y", None, "", "body 4"), "still remembered");
    }
}
