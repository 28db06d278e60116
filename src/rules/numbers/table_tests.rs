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

/// The data checks of the tables' READMEs.
#[test]
fn number_and_date_tables_are_consistent() {
    use crate::tables::tables_of;
    use std::collections::{BTreeSet, HashMap};
    for kind in ["numbers", "numbers/dates"] {
        let mut keys: Option<BTreeSet<String>> = None;
        for (stem, text) in tables_of(kind) {
            let v: toml::Table =
                toml::from_str(text).unwrap_or_else(|e| panic!("{kind}/{stem}: {e}"));
            let k: BTreeSet<String> = v.keys().cloned().collect();
            if let Some(prev) = &keys {
                assert_eq!(prev, &k, "{kind}/{stem}: top-level keys differ");
            }
            keys = Some(k);
        }
    }
    for t in number_tables() {
        let _ = super::model::number_model(Some(&t.lang));
        for d in &t.native_digits {
            assert_eq!(d.chars().count(), 10, "{}: native digits", t.lang);
        }
        assert!(t.examples.len() >= 6, "{}: examples", t.lang);
    }
    for t in date_tables() {
        assert_eq!(t.weekdays.len(), 7, "{}", t.lang);
        assert_eq!(t.months.len(), 12, "{}", t.lang);
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (kind, lists) in [("weekday", &t.weekdays), ("month", &t.months)] {
            for (i, forms) in lists.iter().enumerate() {
                for f in forms {
                    if let Some(prev) = seen.insert((kind, f.as_str()), i) {
                        assert_eq!(prev, i, "{}: {f} under two {kind}s", t.lang);
                    }
                }
            }
        }
        for f in t.weekdays.iter().flatten() {
            if t.months.iter().flatten().any(|m| m == f) {
                assert!(
                    t.ambiguous_forms.contains(f),
                    "{}: {f} is a weekday and a month",
                    t.lang
                );
            }
        }
        for ex in &t.examples {
            if let ([date], [w]) = (ex.dates.as_slice(), ex.weekdays.as_slice())
                && date.len() == 10
                && !date.starts_with('-')
            {
                let y: i32 = date[..4].parse().expect("year");
                let m: u8 = date[5..7].parse().expect("month");
                let d: u8 = date[8..].parse().expect("day");
                assert_eq!(
                    super::compare::weekday_of(y, m, d),
                    i32::from(*w),
                    "{}: {}",
                    t.lang,
                    ex.text
                );
            }
        }
    }
}

/// The data checks of the units README.
#[test]
fn unit_table_is_consistent() {
    use std::collections::HashSet;
    let t = unit_table();
    let mut ids = HashSet::new();
    for id in t
        .currencies
        .iter()
        .map(|c| &c.code)
        .chain(t.currency_groups.iter().map(|g| &g.id))
        .chain(t.units.iter().map(|u| &u.id))
        .chain(t.unit_groups.iter().map(|g| &g.id))
    {
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    for g in &t.currency_groups {
        assert!(
            g.codes
                .iter()
                .all(|c| t.currencies.iter().any(|x| &x.code == c)),
            "{}",
            g.id
        );
    }
    for g in &t.unit_groups {
        assert!(
            g.members.iter().all(|m| t.units.iter().any(|u| &u.id == m)),
            "{}",
            g.id
        );
    }
    for u in &t.units {
        assert!(u.names.keys().all(|l| t.languages.contains(l)), "{}", u.id);
        if u.dimension != super::data::Dimension::Temperature {
            assert_eq!(u.offset, 0.0, "{}", u.id);
        }
    }
    // Conversions that must come out exactly (within rounding).
    let um = unit_model();
    let r = |id: &str| {
        um.refs
            .iter()
            .position(|r| r.id == id)
            .unwrap_or_else(|| panic!("no unit {id}"))
    };
    assert!(um.consistent(r("fahrenheit"), 95.0, r("celsius"), 35.0, 1.0));
    assert!(um.consistent(r("fahrenheit"), 32.0, r("kelvin"), 273.15, 0.01));
    assert!(um.consistent(r("mile"), 1.0, r("km"), 1.609344, 0.000001));
    assert!(um.consistent(r("celsius_frost"), 10.0, r("celsius"), -10.0, 1.0));
    assert!(!um.consistent(r("mph"), 100.0, r("km_h"), 100.0, 100.0));
}
