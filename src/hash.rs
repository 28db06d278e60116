//! A fast non-cryptographic hasher for the tool's internal tables (keys
//! are words from compiled-in tables and the input text; hash flooding is
//! not a concern for a batch checker).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (as used in rustc): one multiply per word of input.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ (rest.len() as u64) << 56);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// A hash set with the fast hasher.
pub type FastSet<T> = HashSet<T, FxBuildHasher>;

/// A hash map with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, FxBuildHasher>;

/// Hashes a word case-insensitively (lowercase), without allocating.
pub fn word_key(word: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in word.chars() {
        if c.is_ascii() {
            h.add(u64::from(c.to_ascii_lowercase() as u8));
        } else {
            for l in c.to_lowercase() {
                h.add(u64::from(u32::from(l)));
            }
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_work_and_keys_ignore_case() {
        let mut s: FastSet<&str> = FastSet::default();
        s.insert("della");
        assert!(s.contains("della"));
        assert!(!s.contains("delle"));
        assert_eq!(word_key("Città"), word_key("CITTÀ"));
        assert_ne!(word_key("ab"), word_key("ba"));
    }
}
