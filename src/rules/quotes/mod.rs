//! Quotation and punctuation rules (1xx).

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[];
