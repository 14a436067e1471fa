//! SimHash: a 64-bit fingerprint whose Hamming distance tracks textual difference.

use xxhash_rust::xxh3::xxh3_64;

/// SimHash of `text` over lower-cased word 3-shingles: each word hashed once (xxh3), a
/// shingle's hash mixed from its three words' in order.
pub fn simhash64(text: &str) -> u64 {
    simhash64_of(&[text])
}

/// The splitmix64 finaliser: spreads a combination of word hashes over all 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// [`simhash64`] of the texts joined by a line break, without joining them.
pub fn simhash64_of(texts: &[&str]) -> u64 {
    let words: Vec<u64> = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| xxh3_64(crate::text::lowercase(w).as_bytes()))
        .collect();
    let mut weights = [0i32; 64];
    let mut add = |h: u64| {
        for (bit, w) in weights.iter_mut().enumerate() {
            *w += ((h >> bit & 1) as i32) * 2 - 1;
        }
    };
    if words.len() < 3 {
        words.iter().for_each(|&h| add(h));
    } else {
        for win in words.windows(3) {
            add(mix(win[0]
                ^ win[1].rotate_left(21)
                ^ win[2].rotate_left(42)));
        }
    }
    weights
        .iter()
        .enumerate()
        .filter(|(_, &w)| w > 0)
        .fold(0u64, |acc, (bit, _)| acc | 1 << bit)
}

/// Number of differing bits.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_are_close_and_different_texts_far() {
        let a = "Russian President Vladimir Putin arrived in Minsk, the capital of Belarus, for a working visit on Monday, officials said.";
        let b = "Russian President Vladimir Putin arrived in Minsk, the capital of Belarus, for a working visit on Tuesday, officials said.";
        let c = "Heavy rain flooded the streets of the coastal town overnight and schools were closed as a precaution.";
        assert!(hamming(simhash64(a), simhash64(b)) < 16);
        assert!(hamming(simhash64(a), simhash64(c)) > 16);
        assert_eq!(simhash64(a), simhash64(a));
        assert_eq!(simhash64_of(&[a, c]), simhash64(&format!("{a}\n{c}")));
        // Case does not count; word order does.
        assert_eq!(simhash64(a), simhash64(&a.to_uppercase()));
        let reversed: Vec<&str> = a.split(' ').rev().collect();
        assert!(hamming(simhash64(a), simhash64(&reversed.join(" "))) > 16);
    }
}
