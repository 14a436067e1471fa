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

/// Per-bit counts of set bits over many 64-bit hashes, eight bits at a time: bit `8j + b` of
/// a hash is added to byte `j` of `planes[b]`, flushed into `counts` before a byte can
/// overflow.
struct BitTally {
    planes: [u64; 8],
    pending: u32,
    counts: [u32; 64],
    total: u32,
}

impl BitTally {
    fn new() -> Self {
        BitTally {
            planes: [0; 8],
            pending: 0,
            counts: [0; 64],
            total: 0,
        }
    }

    fn add(&mut self, h: u64) {
        for (b, plane) in self.planes.iter_mut().enumerate() {
            *plane += (h >> b) & 0x0101_0101_0101_0101;
        }
        self.total += 1;
        self.pending += 1;
        if self.pending == 255 {
            self.flush();
        }
    }

    fn flush(&mut self) {
        for (b, plane) in self.planes.iter_mut().enumerate() {
            for j in 0..8 {
                self.counts[8 * j + b] += ((*plane >> (8 * j)) & 0xFF) as u32;
            }
            *plane = 0;
        }
        self.pending = 0;
    }

    /// The bits set in more than half of the hashes.
    fn majority(mut self) -> u64 {
        self.flush();
        let total = self.total;
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| 2 * c > total)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit)
    }
}

/// [`simhash64`] of the texts joined by a line break, without joining them.
pub fn simhash64_of(texts: &[&str]) -> u64 {
    let mut lower = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    for text in texts {
        if text.is_ascii() {
            // Bytes are chars here: split and lower-case without decoding.
            for w in text.as_bytes().split(|b| !b.is_ascii_alphanumeric()) {
                if !w.is_empty() {
                    lower.clear();
                    lower.extend(w.iter().map(u8::to_ascii_lowercase));
                    words.push(xxh3_64(&lower));
                }
            }
        } else {
            for w in text.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() {
                    words.push(xxh3_64(w.to_lowercase().as_bytes()));
                }
            }
        }
    }
    let mut tally = BitTally::new();
    if words.len() < 3 {
        words.iter().for_each(|&h| tally.add(h));
    } else {
        for win in words.windows(3) {
            tally.add(mix(win[0]
                ^ win[1].rotate_left(21)
                ^ win[2].rotate_left(42)));
        }
    }
    tally.majority()
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

    /// The tally against counting each bit of each hash one by one, past the point where its
    /// byte lanes are flushed.
    #[test]
    fn bit_tally_counts_every_bit() {
        let hashes: Vec<u64> = (0..1000u64).map(|i| mix(i) | (i % 3 == 0) as u64).collect();
        let mut tally = BitTally::new();
        hashes.iter().for_each(|&h| tally.add(h));
        let mut naive = 0u64;
        for bit in 0..64 {
            let set = hashes.iter().filter(|&&h| h >> bit & 1 == 1).count();
            if 2 * set > hashes.len() {
                naive |= 1 << bit;
            }
        }
        assert_eq!(tally.majority(), naive);
        // Bit 0 is set in every third hash and in about half of the rest: a majority.
        assert_eq!(naive & 1, 1);
    }
}
