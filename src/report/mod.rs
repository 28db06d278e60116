//! Renderers: one per output format, each streaming documents as they are
//! checked so memory does not grow with the input.

pub mod json;
pub mod rules_list;
pub mod text;

use crate::error::InputError;
use crate::finding::{Category, Severity};
use crate::ingest::Document;
use crate::pipeline::DocumentReport;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Counts over a whole run.
#[derive(Debug, Default, Clone, Serialize, PartialEq)]
pub struct Summary {
    /// Documents checked.
    pub documents: usize,
    /// Findings reported.
    pub findings: usize,
    /// Findings per category.
    pub by_category: BTreeMap<Category, usize>,
    /// Findings per severity.
    pub by_severity: BTreeMap<Severity, usize>,
    /// Inputs (files or JSONL lines) that could not be checked.
    #[serde(skip_serializing_if = "is_zero")]
    pub errors: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    /// Adds one document's findings.
    pub fn add(&mut self, report: &DocumentReport) {
        self.documents += 1;
        for f in &report.findings {
            self.findings += 1;
            *self.by_category.entry(f.category).or_default() += 1;
            *self.by_severity.entry(f.severity).or_default() += 1;
        }
    }

    /// The highest severity seen.
    pub fn max_severity(&self) -> Option<Severity> {
        self.by_severity.keys().next_back().copied()
    }
}

/// A streaming renderer.
pub trait Renderer {
    /// Called once before any document.
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Called for each checked document, in input order.
    fn document(
        &mut self,
        out: &mut dyn Write,
        doc: &Document,
        report: &DocumentReport,
    ) -> io::Result<()>;
    /// Called for each input that could not be checked, in input order.
    fn error(&mut self, out: &mut dyn Write, error: &InputError) -> io::Result<()>;
    /// Called once at the end.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}
