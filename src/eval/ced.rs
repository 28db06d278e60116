//! Suite `ced`: WMT22 critical-error detection. A pair is predicted `BAD`
//! when the checker reports an error-level finding on (source, MT); the
//! reference is never shown to the checker.

use super::EvalError;
use super::checker::Checker;
use super::data::{DataDir, Malformed, Tsv};
use super::metrics::{Confusion, Share};
use super::report::{Better, Cell, SuiteReport, Table};
use crate::finding::Severity;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One line on what the suite measures.
pub const ABOUT: &str = "`wmt22-qe-ced` (en→de, pt→en): a pair counts as predicted BAD when the \
    checker, given source and MT only, reports an error-level finding; precision, recall and \
    MCC (the task's official metric) against the BAD labels, and recall per kind of injected \
    change, the kind found by a word diff of MT against the reference (used for scoring only).";

const FOLDER: &str = "wmt22-qe-ced";

/// One labelled item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CedItem {
    /// Language pair, e.g. `en-de`.
    pub pair: String,
    /// True for `BAD`.
    pub bad: bool,
    /// Source sentence.
    pub source: String,
    /// Translation to check.
    pub mt: String,
    /// Reference (for the diff classification only).
    pub reference: String,
}

/// Parses one `ced_test2022.<pair>.tsv` file.
pub fn parse(
    file: &str,
    pair: &str,
    text: &str,
    malformed: &mut Malformed,
) -> Result<Vec<CedItem>, EvalError> {
    let tsv = Tsv::parse(text);
    let label = tsv.require(file, "label")?;
    let source = tsv.require(file, "source")?;
    let mt = tsv.require(file, "mt")?;
    let reference = tsv.require(file, "reference")?;
    let mut out = Vec::new();
    for (line, f) in &tsv.rows {
        if f.len() != tsv.header.len() {
            malformed.add(
                file,
                *line,
                format!("{} fields, expected {}", f.len(), tsv.header.len()),
            );
            continue;
        }
        let bad = match f[label] {
            "BAD" => true,
            "OK" => false,
            other => {
                malformed.add(file, *line, format!("label '{other}'"));
                continue;
            }
        };
        out.push(CedItem {
            pair: pair.to_string(),
            bad,
            source: f[source].to_string(),
            mt: f[mt].to_string(),
            reference: f[reference].to_string(),
        });
    }
    Ok(out)
}

/// The kind of change between a reference and its corrupted copy, by a word
/// diff (heuristic, in this order): a changed token holds a digit →
/// `number`; only insertions → `addition`; only deletions → `omission`; a
/// changed token starts with a capital → `capitalised`; else `other`.
pub fn change_kind(reference: &str, mt: &str) -> &'static str {
    let a: Vec<&str> = reference.split_whitespace().collect();
    let b: Vec<&str> = mt.split_whitespace().collect();
    // Longest common subsequence table over tokens.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut removed = Vec::new();
    let mut added = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j]);
            j += 1;
        } else {
            removed.push(a[i]);
            i += 1;
        }
    }
    let changed = || removed.iter().chain(added.iter());
    if changed().any(|t| t.chars().any(|c| c.is_ascii_digit())) {
        "number"
    } else if removed.is_empty() && !added.is_empty() {
        "addition"
    } else if added.is_empty() && !removed.is_empty() {
        "omission"
    } else if changed().any(|t| t.chars().next().is_some_and(char::is_uppercase)) {
        "capitalised"
    } else {
        "other"
    }
}

/// Runs the suite.
pub fn run(data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
    let mut malformed = Malformed::default();
    let mut items = Vec::new();
    for name in data.list(FOLDER, ".tsv")? {
        let file = format!("{FOLDER}/{name}");
        let pair = name
            .trim_end_matches(".tsv")
            .rsplit('.')
            .next()
            .unwrap_or("")
            .to_string();
        items.extend(parse(&file, &pair, &data.read(&file)?, &mut malformed)?);
    }
    let checker = Checker::default();
    let predicted: Vec<bool> = items
        .par_iter()
        .map(|it| {
            let (s, t) = it.pair.split_once('-').unwrap_or(("", ""));
            let report = checker.check_pair(
                "ced",
                Some((s, std::slice::from_ref(&it.source))),
                (t, std::slice::from_ref(&it.mt)),
            );
            report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error)
        })
        .collect();

    let mut by_pair: BTreeMap<String, Confusion> = BTreeMap::new();
    let mut by_kind: BTreeMap<(&'static str, String), Share> = BTreeMap::new();
    let mut all = Confusion::default();
    for (it, &p) in items.iter().zip(&predicted) {
        by_pair.entry(it.pair.clone()).or_default().add(p, it.bad);
        all.add(p, it.bad);
        if it.bad {
            let kind = change_kind(&it.reference, &it.mt);
            by_kind.entry((kind, it.pair.clone())).or_default().add(p);
            by_kind.entry((kind, "all".to_string())).or_default().add(p);
        }
    }
    let mut t = Table::new(
        "BAD predicted by an error-level finding on (source, MT)",
        &[
            "pair",
            "items",
            "BAD",
            "TP",
            "FP",
            "FN",
            "precision",
            "recall",
            "MCC",
        ],
    );
    for (name, c) in by_pair
        .iter()
        .chain(std::iter::once((&"all".to_string(), &all)))
    {
        t.push(vec![
            Cell::text(name.clone()),
            Cell::Count(c.total()),
            Cell::Count(c.tp + c.fn_),
            Cell::Count(c.tp),
            Cell::Count(c.fp),
            Cell::Count(c.fn_),
            Cell::Score(c.precision()),
            Cell::Score(c.recall()),
            Cell::Score(Some(c.mcc())),
        ]);
        report.figure(
            format!("ced.{name}.mcc"),
            Some(c.mcc()),
            c.total(),
            Better::Higher,
        );
        report.figure(
            format!("ced.{name}.recall"),
            c.recall(),
            c.tp + c.fn_,
            Better::Higher,
        );
        report.figure(
            format!("ced.{name}.precision"),
            c.precision(),
            c.tp + c.fp,
            Better::Higher,
        );
    }
    report.tables.push(t);

    let mut pairs: Vec<String> = by_pair.keys().cloned().collect();
    pairs.push("all".to_string());
    let mut columns = vec!["change (word diff)".to_string()];
    columns.extend(pairs.iter().map(|p| format!("{p} n")));
    columns.extend(pairs.iter().map(|p| format!("{p} recall")));
    let mut t = Table::with_columns("Recall on BAD items per kind of injected change", columns);
    for kind in ["number", "capitalised", "addition", "omission", "other"] {
        let get = |p: &String| by_kind.get(&(kind, p.clone())).copied().unwrap_or_default();
        let mut row = vec![Cell::text(kind)];
        row.extend(pairs.iter().map(|p| Cell::Count(get(p).total)));
        row.extend(pairs.iter().map(|p| Cell::Share(get(p))));
        t.push(row);
    }
    report.tables.push(t);
    report.note(
        "OK items are professional translations (MT equals the reference), BAD items the \
         reference with one injected critical error",
    );
    if let Some(n) = malformed.note() {
        report.note(n);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_labelled_rows() {
        let mut m = Malformed::default();
        let text = "idx\tlabel\tsource\tmt\treference\n0\tOK\ta\tb\tb\n1\tBAD\ta\tc\tb\n2\tMAYBE\ta\tb\tb\n3\tOK\n";
        let items = parse("f.tsv", "en-de", text, &mut m).expect("parses");
        assert_eq!(items.len(), 2);
        assert!(!items[0].bad && items[1].bad);
        assert_eq!(items[1].mt, "c");
        assert_eq!(m.count, 2);
        assert!(parse("f.tsv", "en-de", "idx\tlabel\n", &mut m).is_err());
    }

    #[test]
    fn classifies_changes() {
        assert_eq!(change_kind("Er kam 2005 an.", "Er kam 1999 an."), "number");
        assert_eq!(
            change_kind("Wir gehen heim.", "Wir gehen nicht heim."),
            "addition"
        );
        assert_eq!(
            change_kind("Wir gehen heute heim.", "Wir gehen heim."),
            "omission"
        );
        assert_eq!(
            change_kind("in Europa leben", "in Griechenland leben"),
            "capitalised"
        );
        assert_eq!(
            change_kind("ein gutes Jahr", "ein schlechtes Jahr"),
            "other"
        );
    }
}
