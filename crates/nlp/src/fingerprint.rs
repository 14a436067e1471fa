//! SimHash: a 64-bit fingerprint whose Hamming distance tracks textual difference.

use xxhash_rust::xxh3::xxh3_64;

/// SimHash of `text` over lower-cased word 3-shingles.
pub fn simhash64(text: &str) -> u64 {
    simhash64_of(&[text])
}

/// [`simhash64`] of the texts joined by a line break, without joining them.
pub fn simhash64_of(texts: &[&str]) -> u64 {
    let words: Vec<std::borrow::Cow<'_, str>> = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(crate::text::lowercase)
        .collect();
    let mut weights = [0i32; 64];
    let mut add = |h: u64| {
        for (bit, w) in weights.iter_mut().enumerate() {
            *w += ((h >> bit & 1) as i32) * 2 - 1;
        }
    };
    if words.len() < 3 {
        for w in &words {
            add(xxh3_64(w.as_bytes()));
        }
    } else {
        let mut shingle = String::new();
        for win in words.windows(3) {
            shingle.clear();
            shingle.push_str(&win[0]);
            shingle.push(' ');
            shingle.push_str(&win[1]);
            shingle.push(' ');
            shingle.push_str(&win[2]);
            add(xxh3_64(shingle.as_bytes()));
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
    }
}
