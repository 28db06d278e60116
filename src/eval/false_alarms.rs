//! Suite `false-alarms`: professional translations checked as articles;
//! every paragraph flagged is, to a first approximation, a false alarm.

use super::bio;
use super::checker::{Checker, counts, paragraph_of};
use super::data::DataDir;
use super::metrics::Share;
use super::pairs::Pair;
use super::report::{Better, Cell, SuiteReport, Table};
use super::wmt;
use super::{EvalError, Suite};
use crate::rules::registry;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One line on what the suite measures.
pub const ABOUT: &str = "every source/reference pair of `wmt-newstest` (documents and paragraphs \
    rebuilt from `doc_id` and `para`) and the human references of `bio-mqm-it` (one paragraph per \
    sentence) are checked as articles; professional translations are the negative class, so the \
    share of paragraphs with a warning or error is the false-alarm rate, per rule and per \
    language pair.";

/// Counts for one group of pairs.
#[derive(Debug, Default, Clone)]
struct Stats {
    docs: usize,
    any: Share,
    by_rule: BTreeMap<&'static str, usize>,
    sets: BTreeSet<String>,
}

impl Stats {
    fn add(&mut self, pair: &Pair, flagged: &PairFlags) {
        self.docs += 1;
        self.sets.insert(pair.set.clone());
        for p in 0..pair.target.len() {
            self.any.add(flagged.any.contains(&p));
        }
        for (code, paras) in &flagged.by_rule {
            *self.by_rule.entry(code).or_default() += paras.len();
        }
    }
}

/// Paragraphs flagged in one pair.
#[derive(Debug, Default)]
struct PairFlags {
    any: BTreeSet<usize>,
    by_rule: BTreeMap<&'static str, BTreeSet<usize>>,
}

fn flags(checker: &Checker, pair: &Pair) -> PairFlags {
    let report = checker.check_pair(
        &pair.key(),
        Some((&pair.src_lang, &pair.source)),
        (&pair.tgt_lang, &pair.target),
    );
    if let Ok(prefix) = std::env::var("WIRECHECK_EVAL_SHOW_FLAGGED") {
        show_flagged(&pair.key(), &prefix, &report);
    }
    let mut out = PairFlags::default();
    for f in report.findings.iter().filter(|f| counts(f)) {
        let p = paragraph_of(f)
            .unwrap_or(0)
            .min(pair.target.len().saturating_sub(1));
        out.any.insert(p);
        out.by_rule.entry(f.code).or_default().insert(p);
    }
    out
}

/// Prints the findings whose code starts with `prefix`, at any severity, to
/// stderr (set `WIRECHECK_EVAL_SHOW_FLAGGED`): for looking at false alarms
/// while tuning a rule, never stored.
fn show_flagged(key: &str, prefix: &str, report: &crate::pipeline::DocumentReport) {
    for f in report
        .findings
        .iter()
        .filter(|f| f.code.starts_with(prefix))
    {
        eprintln!(
            "flagged {key} {} {:?} {:?}: {}",
            f.code, f.severity, f.target_paragraph, f.message
        );
    }
}

/// Runs the suite.
pub fn run(data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
    let corpus = wmt::load(data)?;
    let bio_data = bio::load(data)?;
    let mut pairs = corpus.pairs.clone();
    pairs.extend(bio::reference_pairs(&bio_data));
    report.note(format!(
        "{} document pairs: {} from {} WMT files, {} from bio-mqm-it (biomedical, not news); all \
         domains of WMT24 (news, social, speech, literary) are included",
        pairs.len(),
        corpus.pairs.len(),
        corpus.files.len(),
        pairs.len() - corpus.pairs.len()
    ));
    if corpus.incomplete > 0 {
        report.note(format!(
            "{} (document, reference) combinations skipped because the reference leaves some \
             paragraphs empty",
            corpus.incomplete
        ));
    }
    for m in [&corpus.malformed, &bio_data.malformed] {
        if let Some(n) = m.note() {
            report.note(n);
        }
    }
    let checker = Checker::default();
    let flagged: Vec<PairFlags> = pairs.par_iter().map(|p| flags(&checker, p)).collect();

    let mut by_pair: BTreeMap<String, Stats> = BTreeMap::new();
    let mut by_domain: BTreeMap<String, Stats> = BTreeMap::new();
    let mut all = Stats::default();
    for (pair, f) in pairs.iter().zip(&flagged) {
        by_pair.entry(pair.pair_name()).or_default().add(pair, f);
        by_domain
            .entry(pair.domain.clone())
            .or_default()
            .add(pair, f);
        all.add(pair, f);
    }

    let mut t = Table::new(
        "Paragraphs with a warning or error, per language pair",
        &[
            "pair",
            "sets",
            "documents",
            "paragraphs",
            "flagged",
            "share",
        ],
    );
    for (name, s) in by_pair
        .iter()
        .chain(std::iter::once((&"all".to_string(), &all)))
    {
        let sets = if name == "all" {
            String::new()
        } else {
            s.sets.iter().cloned().collect::<Vec<_>>().join(", ")
        };
        t.push(vec![
            Cell::text(name.clone()),
            Cell::Text(sets),
            Cell::Count(s.docs),
            Cell::Count(s.any.total),
            Cell::Count(s.any.hits),
            Cell::FineShare(s.any),
        ]);
        report.share_figure(format!("false-alarms.any.{name}"), s.any, Better::Lower);
    }
    report.tables.push(t);

    let mut columns = vec!["rule".to_string(), "all".to_string()];
    columns.extend(by_pair.keys().cloned());
    let mut t = Table::with_columns(
        "Share of paragraphs flagged, per rule (warning or error) and language pair",
        columns,
    );
    for rule in registry() {
        let m = rule.meta();
        let share =
            |s: &Stats| Share::new(s.by_rule.get(m.code).copied().unwrap_or(0), s.any.total);
        let mut row = vec![
            Cell::Text(format!("{} {}", m.code, m.name)),
            Cell::FineShare(share(&all)),
        ];
        row.extend(by_pair.values().map(|s| Cell::FineShare(share(s))));
        t.push(row);
        report.share_figure(
            format!("false-alarms.rule.{}", m.code),
            share(&all),
            Better::Lower,
        );
    }
    report.tables.push(t);

    let mut t = Table::new(
        "Paragraphs with a warning or error, per domain",
        &["domain", "documents", "paragraphs", "flagged", "share"],
    );
    for (name, s) in &by_domain {
        t.push(vec![
            Cell::text(name.clone()),
            Cell::Count(s.docs),
            Cell::Count(s.any.total),
            Cell::Count(s.any.hits),
            Cell::FineShare(s.any),
        ]);
    }
    report.tables.push(t);
    let _ = Suite::FalseAlarms;
    Ok(())
}
