//! Numbers, dates and units rules (2xx).
//!
//! The figures of both sides are extracted with the language tables of
//! `corpora/tables/numbers/` and `corpora/tables/units/` ([`extract`]),
//! compared per aligned paragraph group and sentence ([`compare`]), and each
//! rule reports its own kind of difference.

pub mod atoms;
pub mod data;
pub mod dates;
pub mod extract;
pub mod lexicon;
pub mod model;
pub mod units;

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[];

#[cfg(test)]
mod table_tests;
