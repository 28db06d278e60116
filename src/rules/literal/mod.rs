//! Literal-translation artifacts rules (4xx).

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[];
