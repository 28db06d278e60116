//! The tables' own examples, run through the rules as the READMEs of
//! `corpora/tables/quotes/` and `corpora/tables/punctuation/` ask.

use super::tables::{Example, punct_tables, quote_tables};
use crate::finding::Severity;
use crate::ingest::{Document, side_from_text};
use crate::lang::LangTag;
use crate::pipeline::{CheckOptions, RuleSet, check_document};

fn run_codes(text: &str, tag: &str, codes: &[&str]) -> Vec<(String, String)> {
    let tag = LangTag::parse(tag).unwrap_or_else(|| panic!("tag {tag}"));
    let doc = Document {
        id: "example".into(),
        source: None,
        target: side_from_text("target.txt", text.to_string(), 0, Some(tag)),
    };
    let keys: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
    let opts = CheckOptions {
        rules: RuleSet::default().select(&keys),
        ..Default::default()
    };
    check_document(&doc, &opts)
        .findings
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(|f| (f.rule.to_string(), f.message))
        .collect()
}

fn check_examples(
    file: &str,
    examples: &[Example],
    tag: &str,
    codes: &[&str],
    failures: &mut Vec<String>,
) {
    for ex in examples {
        let got = run_codes(&ex.text, tag, codes);
        let note = ex.note.as_deref().unwrap_or("");
        if ex.ok {
            if !got.is_empty() {
                failures.push(format!(
                    "{file}: {:?} ({note}) should pass, got {got:?}",
                    ex.text
                ));
            }
        } else {
            let want = ex.rule.as_deref().unwrap_or("?");
            let rules: std::collections::BTreeSet<&str> =
                got.iter().map(|(r, _)| r.as_str()).collect();
            if rules.len() != 1 || !rules.contains(want) {
                failures.push(format!(
                    "{file}: {:?} ({note}) should fire {want} only, got {got:?}",
                    ex.text
                ));
            }
        }
    }
}

#[test]
fn quote_table_examples() {
    let mut failures = Vec::new();
    for t in quote_tables() {
        check_examples(
            &format!("quotes/{}.toml", t.tag),
            &t.examples,
            &t.tag,
            &["WC101", "WC102", "WC103", "WC104"],
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn punctuation_table_examples() {
    let mut failures = Vec::new();
    for t in punct_tables() {
        check_examples(
            &format!("punctuation/{}.toml", t.tag),
            &t.examples,
            &t.tag,
            &["WC111", "WC114"],
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
