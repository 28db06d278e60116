//! Helpers for rule unit tests.

use crate::ingest::{Document, side_from_text};
use crate::lang::LangTag;
use crate::pipeline::{CheckOptions, ReportedFinding, RuleSet, check_document};
use crate::rules::Rule;

/// A document from in-memory texts; `lang` codes may be empty for "unknown".
pub fn doc(source: Option<(&str, &str)>, target: (&str, &str)) -> Document {
    let tag = |l: &str| (!l.is_empty()).then(|| LangTag::parse(l).expect("test language"));
    Document {
        id: "test".into(),
        source: source.map(|(t, l)| side_from_text("source.txt", t.to_string(), 0, tag(l))),
        target: side_from_text("target.txt", target.0.to_string(), 0, tag(target.1)),
    }
}

/// Runs one rule on a document.
pub fn run(rule: &dyn Rule, d: &Document) -> Vec<ReportedFinding> {
    let opts = CheckOptions {
        rules: RuleSet::default().select(&[rule.meta().code.to_string()]),
        ..Default::default()
    };
    check_document(d, &opts).findings
}

/// Asserts that `rule` reports exactly `n` findings on the pair and returns
/// them.
#[track_caller]
pub fn assert_findings(
    rule: &dyn Rule,
    source: Option<(&str, &str)>,
    target: (&str, &str),
    n: usize,
) -> Vec<ReportedFinding> {
    let f = run(rule, &doc(source, target));
    assert_eq!(
        f.len(),
        n,
        "expected {n} findings of {}, got {f:#?}",
        rule.meta().code
    );
    f
}

/// Asserts that `rule` stays silent on the pair.
#[track_caller]
pub fn assert_no_findings(rule: &dyn Rule, source: Option<(&str, &str)>, target: (&str, &str)) {
    assert_findings(rule, source, target, 0);
}
