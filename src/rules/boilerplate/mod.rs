//! Boilerplate rules (6xx): site chrome leaked into the text.

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[];
