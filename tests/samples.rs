//! The bundled sample corpus: every planted defect of an implemented rule is
//! found where `expected.json` says, nothing else of warning or error
//! severity is reported, the JSON output keeps the contract, and the JSON
//! and text reports are snapshots.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use wirecheck::finding::Severity;
use wirecheck::ingest::{Document, read_plain};
use wirecheck::pipeline::{CheckOptions, DocumentReport, check_document};
use wirecheck::report::json::JsonRenderer;
use wirecheck::report::text::TextRenderer;
use wirecheck::report::{Renderer, Summary};
use wirecheck::rules::registry;

/// Planted defects that an implemented rule does not find yet, each with the
/// reason. The test fails when one of them starts being found, so that the
/// list only ever shrinks.
const KNOWN_MISSES: &[(&str, &str, &str)] = &[];

#[derive(Deserialize)]
struct Expected {
    #[allow(dead_code)]
    source_lang: String,
    #[allow(dead_code)]
    target_lang: String,
    clean: bool,
    defects: Vec<Defect>,
}

#[derive(Deserialize, Debug)]
struct Defect {
    code: String,
    source_paragraph: Option<usize>,
    target_paragraph: Option<usize>,
}

struct Sample {
    name: String,
    source: String,
    target: String,
    expected: Expected,
}

fn samples() -> Vec<Sample> {
    let root = Path::new("corpora/samples");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("corpora/samples exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|d| {
            let find = |prefix: &str| -> String {
                let mut f: Vec<String> = std::fs::read_dir(&d)
                    .expect("sample dir")
                    .flatten()
                    .map(|e| e.path().to_string_lossy().into_owned())
                    .filter(|p| {
                        Path::new(p)
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
                    })
                    .collect();
                f.sort();
                f.into_iter()
                    .next()
                    .unwrap_or_else(|| panic!("{}: no {prefix}* file", d.display()))
            };
            let expected: Expected = serde_json::from_str(
                &std::fs::read_to_string(d.join("expected.json")).expect("expected.json"),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", d.display()));
            Sample {
                name: d
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                source: find("source."),
                target: find("target."),
                expected,
            }
        })
        .collect()
}

fn check(s: &Sample) -> (Document, DocumentReport) {
    let doc = Document {
        id: s.name.clone(),
        source: Some(read_plain(&s.source, None, u64::MAX).expect("source reads")),
        target: read_plain(&s.target, None, u64::MAX).expect("target reads"),
    };
    let report = check_document(&doc, &CheckOptions::default());
    (doc, report)
}

#[test]
fn corpus_is_big_and_varied_enough() {
    let all = samples();
    assert!(all.len() >= 12, "at least 12 sample pairs");
    let clean = all.iter().filter(|s| s.expected.clean).count();
    assert!(clean >= 4 && clean < all.len());
    for s in &all {
        assert_eq!(
            s.expected.clean,
            s.expected.defects.is_empty(),
            "{}",
            s.name
        );
    }
}

#[test]
fn planted_defects_are_found_and_nothing_else() {
    let implemented: Vec<&str> = registry().iter().map(|r| r.meta().code).collect();
    let mut problems = Vec::new();
    for s in samples() {
        let (_, report) = check(&s);
        for d in &s.expected.defects {
            if !implemented.contains(&d.code.as_str()) {
                continue;
            }
            let found = report.findings.iter().any(|f| {
                f.code == d.code
                    && match d.target_paragraph {
                        Some(t) => f.target_paragraph == Some(t),
                        None => f.source_paragraph == d.source_paragraph,
                    }
            });
            let known = KNOWN_MISSES
                .iter()
                .any(|(n, c, _)| *n == s.name && *c == d.code);
            match (found, known) {
                (false, false) => problems.push(format!("{}: missed {:?}", s.name, d)),
                (true, true) => problems.push(format!(
                    "{}: {} is found now: remove it from KNOWN_MISSES",
                    s.name, d.code
                )),
                _ => {}
            }
        }
        for f in &report.findings {
            if f.severity < Severity::Warning {
                continue;
            }
            let planted = s.expected.defects.iter().any(|d| {
                d.code == f.code
                    && (d.target_paragraph.is_some() && d.target_paragraph == f.target_paragraph
                        || d.target_paragraph.is_none() && d.source_paragraph == f.source_paragraph)
            });
            // A defective paragraph may trip other rules too (an untranslated
            // paragraph also has the source's quotation marks).
            let collateral = f.target_paragraph.is_some()
                && s.expected
                    .defects
                    .iter()
                    .any(|d| d.target_paragraph == f.target_paragraph);
            if !planted && !collateral {
                problems.push(format!(
                    "{}: unexpected {} {}: {}",
                    s.name, f.code, f.severity, f.message
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

fn render(renderer: &mut dyn Renderer, doc: &Document, report: &DocumentReport) -> String {
    let mut out = Vec::new();
    let mut summary = Summary::default();
    summary.add(report);
    renderer.begin(&mut out).expect("render");
    renderer.document(&mut out, doc, report).expect("render");
    renderer.finish(&mut out, &summary).expect("render");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn reports_are_snapshots_and_json_keeps_the_contract() {
    for s in samples() {
        let (doc, report) = check(&s);
        let json = render(&mut JsonRenderer::default(), &doc, &report);
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        contract::validate(&value).unwrap_or_else(|e| panic!("{}: {e}", s.name));
        let text = render(&mut TextRenderer::new(false), &doc, &report);
        insta::with_settings!({snapshot_path => "snapshots/samples", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(format!("{}.json", s.name), json);
            insta::assert_snapshot!(format!("{}.txt", s.name), text);
        });
    }
}

#[path = "contract.rs"]
mod contract;
