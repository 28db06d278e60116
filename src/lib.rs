//! wirecheck: checks translated news for the defects readers notice.
//!
//! The pipeline: [`ingest`] → [`segment`] → [`detect`] → [`align`] →
//! [`rules`] → [`report`]. The library never prints.

pub mod align;
pub mod boilerplate;
pub mod detect;
pub mod error;
pub mod eval;
pub mod finding;
pub mod hash;
pub mod ingest;
pub mod lang;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod segment;
pub mod stopwords;
pub mod synth;
pub mod tables;
pub mod translit;
