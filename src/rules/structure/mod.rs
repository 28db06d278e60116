//! Alignment and structure rules (5xx): omission, addition, untranslated
//! text and wrong language.

pub mod wc501_omission;
pub mod wc502_addition;
pub mod wc503_untranslated;
pub mod wc504_language;

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[
    &wc501_omission::Omission,
    &wc502_addition::Addition,
    &wc503_untranslated::Untranslated,
    &wc504_language::Language,
];

/// Source paragraphs shorter than this (length units) are headlines,
/// datelines or credits: leaving them out is rarely a defect worth an error.
pub const MIN_PARAGRAPH_LEN: f64 = 40.0;

/// Number of words in `text` (letter runs of two or more letters; a CJK run
/// counts one word per two characters).
pub fn word_count(text: &str) -> usize {
    use crate::segment::{TokenKind, tokens};
    tokens(text)
        .map(|t| match t.kind {
            TokenKind::Word if t.end - t.start >= 2 => 1,
            TokenKind::Cjk => text[t.start..t.end].chars().count().div_ceil(2),
            _ => 0,
        })
        .sum()
}
