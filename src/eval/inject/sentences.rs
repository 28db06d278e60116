//! Sentence-level injection: a sentence dropped from a paragraph.

use super::super::prng::SplitMix64;
use super::text::splice;
use crate::segment::{Sentence, split_sentences};

/// The paragraph without one of its sentences of 40 characters or more
/// (`None` for a paragraph of one sentence).
pub fn drop_sentence(target: &str, lang: &str, rng: &mut SplitMix64) -> Option<String> {
    let mut sentences: Vec<Sentence> = Vec::new();
    split_sentences(target, 0, target.len(), 0, Some(lang), &mut sentences);
    if sentences.len() < 2 {
        return None;
    }
    let eligible: Vec<usize> = (0..sentences.len())
        .filter(|&i| target[sentences[i].start..sentences[i].end].chars().count() >= 40)
        .collect();
    let &i = rng.pick(&eligible)?;
    let s = sentences[i];
    // Remove the sentence with the space after it (before it, for the last).
    let (start, end) = match sentences.get(i + 1) {
        Some(next) => (s.start, next.start),
        None => (sentences[i - 1].end, s.end),
    };
    Some(splice(target, start, end, ""))
}
