//! Handing freed heap back to the operating system.
//!
//! Building the enrichment engine's automata allocates several times the memory the finished
//! structures keep (the Aho-Corasick construction's intermediate automaton); glibc keeps the
//! freed space in the building thread's arena, where the worker threads' allocations (in their
//! own arenas) never reuse it. Releasing it after a build keeps a stage's resident memory close
//! to what it uses.

/// Returns free heap pages of every malloc arena to the operating system (glibc's
/// `malloc_trim(0)`). A no-op on other allocators and platforms.
pub fn release_free_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[allow(unsafe_code)]
    // SAFETY: malloc_trim takes no pointers, only walks the allocator's own free lists under
    // its locks, and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// This process's resident set size in bytes (Linux `/proc/self/statm`), if known.
pub fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    use super::*;

    #[test]
    fn freed_heap_in_the_middle_of_an_arena_is_returned() {
        // 64 KiB blocks stay below the mmap threshold, so they live in the arena; a small live
        // allocation after each keeps the freed space from being the arena's trimmable top.
        let mut blocks: Vec<Vec<u8>> = Vec::new();
        let mut pins: Vec<Box<[u8; 64]>> = Vec::new();
        for i in 0..1600 {
            blocks.push(vec![i as u8 | 1; 64 * 1024]);
            pins.push(Box::new([1; 64]));
        }
        let touched: u64 = blocks.iter().map(|b| u64::from(b[b.len() - 1])).sum();
        assert!(touched > 0);
        drop(blocks);
        let before = resident_bytes().expect("statm");
        release_free_heap();
        let after = resident_bytes().expect("statm");
        assert!(
            before.saturating_sub(after) > 50 * 1024 * 1024,
            "resident {before} → {after} bytes"
        );
        assert_eq!(pins.len(), 1600);
    }
}
