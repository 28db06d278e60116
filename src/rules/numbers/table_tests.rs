//! The examples of the number, date and unit tables, run through the
//! extractors.

use super::data::{date_tables, number_tables, unit_table};
use super::extract::{Role, extract};
use super::units::unit_model;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-9)
}

#[test]
fn number_table_examples() {
    let mut failures = Vec::new();
    for t in number_tables() {
        for ex in &t.examples {
            let x = extract(&ex.text, Some(&t.lang));
            let mut got: Vec<f64> = x
                .mentions
                .iter()
                .filter(|m| {
                    m.certain
                        && matches!(
                            m.role,
                            super::extract::Role::Number | super::extract::Role::Code
                        )
                })
                .map(|m| m.value)
                .collect();
            got.sort_by(f64::total_cmp);
            let mut want = ex.values.clone();
            want.sort_by(f64::total_cmp);
            let same = got.len() == want.len() && got.iter().zip(&want).all(|(a, b)| close(*a, *b));
            let amb_ok = ex
                .ambiguous_values
                .iter()
                .all(|a| !got.iter().any(|g| close(*g, *a)));
            if !same || !amb_ok {
                failures.push(format!(
                    "{}: {:?}: want {:?} got {:?}",
                    t.lang, ex.text, want, got
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn iso(d: &super::extract::DateMention) -> String {
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (None, Some(m), Some(day)) => format!("--{m:02}-{day:02}"),
        (None, Some(m), None) => format!("--{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        _ => "?".into(),
    }
}

#[test]
fn date_table_examples() {
    let mut failures = Vec::new();
    for t in date_tables() {
        for ex in &t.examples {
            let x = extract(&ex.text, Some(&t.lang));
            let mut dates: Vec<String> = x.dates.iter().map(iso).collect();
            dates.sort();
            let mut want = ex.dates.clone();
            want.sort();
            let weekdays: Vec<u8> = x.weekdays.iter().map(|w| w.value as u8).collect();
            let mut rel: Vec<i32> = x.relative.iter().map(|w| w.value).collect();
            rel.sort();
            let mut want_rel = ex.relative.clone();
            want_rel.sort();
            if dates != want || weekdays != ex.weekdays || rel != want_rel {
                failures.push(format!(
                    "{}: {:?}: want {:?} {:?} {:?} got {:?} {:?} {:?}",
                    t.lang, ex.text, want, ex.weekdays, want_rel, dates, weekdays, rel
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn unit_table_examples() {
    let um = unit_model();
    let mut failures = Vec::new();
    for ex in &unit_table().examples {
        let x = extract(&ex.text, Some(&ex.lang));
        let got: Vec<(f64, String)> = x
            .mentions
            .iter()
            .filter(|m| m.role != Role::Month)
            .filter_map(|m| m.unit.map(|u| (m.value, um.refs[u].id.clone())))
            .collect();
        let ok = got.len() == ex.mentions.len()
            && got.iter().zip(&ex.mentions).all(|(g, w)| {
                close(g.0, w.value)
                    && g.1
                        .split('|')
                        .any(|id| id == w.unit || id == format!("{}-subunit", w.unit))
            });
        if !ok {
            let want: Vec<(f64, &str)> = ex
                .mentions
                .iter()
                .map(|m| (m.value, m.unit.as_str()))
                .collect();
            failures.push(format!(
                "{}: {:?}: want {:?} got {:?}",
                ex.lang, ex.text, want, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn rule_named(name: &str) -> &'static dyn crate::rules::Rule {
    crate::rules::find(name).unwrap_or_else(|| panic!("no rule {name}"))
}

fn run_pairs(pairs: &[super::data::PairExample]) -> Vec<String> {
    use crate::rules::testing::{doc, run};
    let mut failures = Vec::new();
    for p in pairs {
        let rule = rule_named(&p.rule);
        let f = run(
            rule,
            &doc(Some((&p.src, &p.src_lang)), (&p.tgt, &p.tgt_lang)),
        );
        let fired = f
            .iter()
            .any(|f| f.severity >= crate::finding::Severity::Warning);
        if fired != (p.expect == super::data::Expect::Mismatch) {
            failures.push(format!(
                "{} {}→{}: {:?} / {:?}: expected {:?}, got {:?}",
                p.rule,
                p.src_lang,
                p.tgt_lang,
                p.src,
                p.tgt,
                p.expect,
                f.iter().map(|f| &f.message).collect::<Vec<_>>()
            ));
        }
    }
    failures
}

#[test]
fn pair_examples() {
    let failures = run_pairs(&super::data::pair_file().pair_examples);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn unit_pair_examples() {
    let failures = run_pairs(&unit_table().pair_examples);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
