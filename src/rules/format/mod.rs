//! Links and formatting rules (7xx).

pub mod wc701_link_mismatch;
pub mod wc702_repeated_word;
pub mod wc703_double_space;
pub mod wc704_invisible_character;

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[
    &wc701_link_mismatch::LinkMismatch,
    &wc702_repeated_word::RepeatedWord,
    &wc703_double_space::DoubleSpace,
    &wc704_invisible_character::InvisibleCharacter,
];
