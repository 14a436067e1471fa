#![no_main]
//! Fuzz target: the nitf decoder (through `decode` with its format hint) never panics.

use libfuzzer_sys::fuzz_target;
use newsflow_formats::{decode, Limits};

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_item_bytes: 1 << 20, max_field_bytes: 1 << 18 };
    let (_, stories) = decode(data, Some("nitf"), Some("fuzz"), &limits);
    assert!(!stories.is_empty());
});
