//! Boilerplate rules (6xx): site chrome leaked into the text.

pub mod wc601_boilerplate;

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[&wc601_boilerplate::Boilerplate];
