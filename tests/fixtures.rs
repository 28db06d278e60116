//! Rule fixtures: `tests/fixtures/<CODE>/pos-*.toml` must make the rule
//! fire, `neg-*.toml` must leave it silent. Every rule has fixtures, at least
//! as many negative as positive, and each fixture's rendered report is a
//! snapshot.
//!
//! A fixture file:
//! ```toml
//! source_lang = "it"        # optional, with source
//! target_lang = "en"
//! source = """…"""          # optional: without it the target is checked alone
//! target = """…"""
//! expect = 1                # findings of this rule (0 for negatives)
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};
use wirecheck::ingest::{Document, side_from_text};
use wirecheck::lang::LangTag;
use wirecheck::pipeline::{CheckOptions, RuleSet, check_document};
use wirecheck::report::text::TextRenderer;
use wirecheck::report::{Renderer, Summary};
use wirecheck::rules::registry;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    #[serde(default)]
    source_lang: Option<String>,
    #[serde(default)]
    target_lang: Option<String>,
    #[serde(default)]
    source: Option<String>,
    target: String,
    expect: usize,
    #[serde(default)]
    note: Option<String>,
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

fn load(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn tag(l: &Option<String>) -> Option<LangTag> {
    l.as_deref()
        .map(|c| LangTag::parse(c).unwrap_or_else(|| panic!("unknown language {c}")))
}

fn files(code: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixture_dir().join(code))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn every_rule_has_fixtures_with_enough_negatives() {
    for r in registry() {
        let code = r.meta().code;
        let fs = files(code);
        let name = |p: &PathBuf| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let pos = fs.iter().filter(|p| name(p).starts_with("pos-")).count();
        let neg = fs.iter().filter(|p| name(p).starts_with("neg-")).count();
        assert!(
            pos >= 1,
            "{code}: no positive fixture in tests/fixtures/{code}/"
        );
        assert!(
            neg >= pos,
            "{code}: {neg} negative fixtures for {pos} positive ones"
        );
        assert_eq!(
            pos + neg,
            fs.len(),
            "{code}: fixture names start with pos- or neg-"
        );
    }
}

#[test]
fn fixtures() {
    let mut failures = Vec::new();
    for r in registry() {
        let code = r.meta().code;
        for path in files(code) {
            let fx = load(&path);
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let is_pos = stem.starts_with("pos-");
            if is_pos != (fx.expect > 0) {
                failures.push(format!(
                    "{}: pos- fixtures expect findings, neg- expect 0",
                    path.display()
                ));
                continue;
            }
            let doc = Document {
                id: format!("{code}/{stem}"),
                source: fx
                    .source
                    .clone()
                    .map(|s| side_from_text("source.txt", s, 0, tag(&fx.source_lang))),
                target: side_from_text("target.txt", fx.target.clone(), 0, tag(&fx.target_lang)),
            };
            let opts = CheckOptions {
                rules: RuleSet::default().select(&[code.to_string()]),
                ..Default::default()
            };
            let report = check_document(&doc, &opts);
            let n = report.findings.iter().filter(|f| f.code == code).count();
            if n != fx.expect {
                failures.push(format!(
                    "{}: expected {} finding(s), got {n}: {:?}{}",
                    path.display(),
                    fx.expect,
                    report
                        .findings
                        .iter()
                        .map(|f| &f.message)
                        .collect::<Vec<_>>(),
                    fx.note
                        .as_deref()
                        .map(|s| format!(" ({s})"))
                        .unwrap_or_default()
                ));
                continue;
            }
            let mut out = Vec::new();
            let mut renderer = TextRenderer::new(false);
            let mut summary = Summary::default();
            summary.add(&report);
            renderer.document(&mut out, &doc, &report).expect("render");
            renderer.finish(&mut out, &summary).expect("render");
            let text = String::from_utf8(out).expect("utf-8");
            insta::with_settings!({snapshot_path => "snapshots/fixtures", prepend_module_to_snapshot => false}, {
                insta::assert_snapshot!(format!("{code}-{stem}"), text);
            });
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
