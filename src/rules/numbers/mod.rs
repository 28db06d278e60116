//! Numbers, dates and units rules (2xx).
//!
//! The figures of both sides are extracted with the language tables of
//! `corpora/tables/numbers/` and `corpora/tables/units/` ([`extract`]),
//! compared per aligned paragraph group and sentence ([`compare`]), and each
//! rule reports its own kind of difference.

pub mod atoms;
pub mod compare;
pub mod data;
pub mod dates;
pub mod extract;
pub mod lexicon;
pub mod model;
pub mod units;
pub mod wc201_number_mismatch;
pub mod wc202_scale_mismatch;
pub mod wc203_date_mismatch;
pub mod wc204_unit_mismatch;

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[
    &wc201_number_mismatch::NumberMismatch,
    &wc202_scale_mismatch::ScaleMismatch,
    &wc203_date_mismatch::DateMismatch,
    &wc204_unit_mismatch::UnitMismatch,
];

#[cfg(test)]
mod table_tests;
