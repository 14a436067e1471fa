//! Ordered offset completion per partition.
//!
//! Each consumed offset is registered with [`Tracker::begin`]; when the work for it is done
//! (outputs and dead letters acknowledged), [`Tracker::complete`] marks it and returns the
//! next offset to store when a contiguous prefix of the partition is done. Every assignment
//! of a partition has its own epoch, so a completion for a partition since revoked (or
//! revoked and assigned again) is ignored and can never be committed.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Topic and partition.
pub type TopicPartition = (String, i32);

/// Proof that an offset was registered in a given assignment epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// Topic and partition.
    pub tp: TopicPartition,
    /// Offset.
    pub offset: i64,
    epoch: u64,
}

#[derive(Debug, Default)]
struct PartitionState {
    epoch: u64,
    /// offset → (done, record timestamp ms)
    pending: BTreeMap<i64, (bool, Option<i64>)>,
    /// Next offset stored for commit (last done + 1).
    stored: Option<i64>,
}

#[derive(Debug, Default)]
struct Inner {
    parts: HashMap<TopicPartition, PartitionState>,
    next_epoch: u64,
}

/// The tracker, shared between the consume loop, tasks and rebalance callbacks.
#[derive(Debug, Default)]
pub struct Tracker {
    inner: Mutex<Inner>,
    changed: Condvar,
}

impl Tracker {
    /// A new, empty tracker.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts a new epoch for each newly assigned partition.
    pub fn assign(&self, tps: &[TopicPartition]) {
        let mut inner = self.lock();
        for tp in tps {
            inner.next_epoch += 1;
            let epoch = inner.next_epoch;
            inner.parts.insert(
                tp.clone(),
                PartitionState {
                    epoch,
                    ..PartitionState::default()
                },
            );
        }
    }

    /// Forgets revoked partitions; late completions for them are ignored.
    pub fn revoke(&self, tps: &[TopicPartition]) {
        let mut inner = self.lock();
        for tp in tps {
            inner.parts.remove(tp);
        }
        self.changed.notify_all();
    }

    /// Registers `offset`. `None` when the partition is not assigned (a record fetched
    /// before a revoke): the caller drops it without processing.
    pub fn begin(
        &self,
        tp: &TopicPartition,
        offset: i64,
        timestamp_ms: Option<i64>,
    ) -> Option<Ticket> {
        let mut inner = self.lock();
        let state = inner.parts.get_mut(tp)?;
        state.pending.insert(offset, (false, timestamp_ms));
        Some(Ticket {
            tp: tp.clone(),
            offset,
            epoch: state.epoch,
        })
    }

    /// Marks `ticket` done. Returns the next offset to store when the done prefix of the
    /// partition advanced.
    pub fn complete(&self, ticket: &Ticket) -> Option<i64> {
        let mut inner = self.lock();
        let state = inner.parts.get_mut(&ticket.tp)?;
        if state.epoch != ticket.epoch {
            return None;
        }
        if let Some(entry) = state.pending.get_mut(&ticket.offset) {
            entry.0 = true;
        }
        let mut advanced = None;
        while let Some(entry) = state.pending.first_entry() {
            if !entry.get().0 {
                break;
            }
            let offset = *entry.key();
            entry.remove();
            advanced = Some(offset + 1);
        }
        if let Some(next) = advanced {
            state.stored = Some(next);
        }
        self.changed.notify_all();
        advanced
    }

    /// Forgets a registered offset that will not be processed (intake stopped before its
    /// work began). Only the newest offset of a partition can be abandoned, so the stored
    /// position never moves past it.
    pub fn abandon(&self, ticket: &Ticket) {
        let mut inner = self.lock();
        if let Some(state) = inner.parts.get_mut(&ticket.tp) {
            if state.epoch == ticket.epoch
                && state.pending.last_key_value().map(|(k, _)| *k) == Some(ticket.offset)
            {
                state.pending.remove(&ticket.offset);
            }
        }
        self.changed.notify_all();
    }

    /// Offsets registered and not yet done, over `tps` (all partitions when empty).
    pub fn inflight(&self, tps: &[TopicPartition]) -> usize {
        let inner = self.lock();
        inner
            .parts
            .iter()
            .filter(|(tp, _)| tps.is_empty() || tps.contains(tp))
            .map(|(_, s)| s.pending.values().filter(|(done, _)| !done).count())
            .sum()
    }

    /// The next offset stored for each of `tps` that has one.
    pub fn stored(&self, tps: &[TopicPartition]) -> Vec<(TopicPartition, i64)> {
        let inner = self.lock();
        tps.iter()
            .filter_map(|tp| {
                inner
                    .parts
                    .get(tp)
                    .and_then(|s| s.stored)
                    .map(|o| (tp.clone(), o))
            })
            .collect()
    }

    /// Timestamp (ms) of the oldest unfinished record of a partition.
    pub fn oldest_pending_ts(&self, tp: &TopicPartition) -> Option<i64> {
        let inner = self.lock();
        inner
            .parts
            .get(tp)?
            .pending
            .values()
            .find(|(done, _)| !done)
            .and_then(|(_, ts)| *ts)
    }

    /// Blocks until nothing is in flight on `tps` (all when empty) or `timeout` passes.
    /// Returns whether everything finished.
    pub fn wait_idle(&self, tps: &[TopicPartition], timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut inner = self.lock();
        loop {
            let busy: usize = inner
                .parts
                .iter()
                .filter(|(tp, _)| tps.is_empty() || tps.contains(tp))
                .map(|(_, s)| s.pending.values().filter(|(done, _)| !done).count())
                .sum();
            if busy == 0 {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            inner = match self.changed.wait_timeout(inner, deadline - now) {
                Ok((g, _)) => g,
                Err(p) => p.into_inner().0,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tp() -> TopicPartition {
        ("t".to_string(), 0)
    }

    #[test]
    fn out_of_order_completion_stores_only_the_contiguous_prefix() {
        let t = Tracker::new();
        t.assign(&[tp()]);
        let a = t.begin(&tp(), 10, None).expect("a");
        let b = t.begin(&tp(), 11, None).expect("b");
        let c = t.begin(&tp(), 12, None).expect("c");
        assert_eq!(
            t.complete(&c),
            None,
            "12 done before 10 and 11: nothing to store"
        );
        assert_eq!(t.complete(&a), Some(11));
        assert_eq!(t.inflight(&[]), 1);
        assert_eq!(t.complete(&b), Some(13), "11 completes the prefix up to 12");
        assert_eq!(t.stored(&[tp()]), vec![(tp(), 13)]);
    }

    #[test]
    fn completions_after_revoke_or_reassign_are_ignored() {
        let t = Tracker::new();
        t.assign(&[tp()]);
        let old = t.begin(&tp(), 5, None).expect("old");
        t.revoke(&[tp()]);
        assert_eq!(t.begin(&tp(), 6, None), None, "not assigned");
        t.assign(&[tp()]);
        assert_eq!(
            t.complete(&old),
            None,
            "a ticket of an earlier assignment never stores"
        );
        let new = t.begin(&tp(), 6, None).expect("new");
        assert_eq!(t.complete(&new), Some(7));
    }

    #[test]
    fn wait_idle_returns_when_work_finishes_or_times_out() {
        let t = std::sync::Arc::new(Tracker::new());
        t.assign(&[tp()]);
        let ticket = t.begin(&tp(), 0, Some(1)).expect("ticket");
        assert!(!t.wait_idle(&[], Duration::from_millis(20)));
        assert_eq!(t.oldest_pending_ts(&tp()), Some(1));
        let t2 = t.clone();
        let h = std::thread::spawn(move || t2.wait_idle(&[], Duration::from_secs(10)));
        t.complete(&ticket);
        assert!(h.join().expect("thread"));
    }
}
