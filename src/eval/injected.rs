//! Suite `injected`: recall on defects injected, one at a time, into copies
//! of professional translations.

use super::EvalError;
use super::checker::{Checker, counts_as, paragraph_of};
use super::data::DataDir;
use super::inject::{Context, Defect, Edit, mutate};
use super::metrics::Share;
use super::pairs::Pair;
use super::prng::SplitMix64;
use super::report::{Better, Cell, SuiteReport, Table};
use super::wmt;
use crate::finding::Category;
use crate::pipeline::DocumentReport;
use crate::segment::{Sentence, split_sentences};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One line on what the suite measures.
pub const ABOUT: &str = "defects are injected one at a time into copies of the clean \
    `wmt-newstest` references (seeded SplitMix64; at most a fixed number per defect type, \
    sampled from every paragraph where the defect can be made); an injection is found when the \
    checked copy has more findings of the defect's category on the affected paragraph (for a \
    dropped paragraph: with that source paragraph) than the clean document had. Each check sees \
    the affected paragraph with up to three paragraphs of context on each side.";

/// Injections per defect type, at most.
pub const PER_DEFECT: usize = 150;

/// Paragraphs of context kept on each side of the affected one.
pub const WINDOW: usize = 3;

/// Longest headline used in a "Read more" line, in characters.
const HEADLINE_CHARS: usize = 120;

/// First sentence of each document's first target paragraph, per target
/// language, shortened.
fn headlines(pairs: &[Pair]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for p in pairs {
        let Some(first) = p.target.first() else {
            continue;
        };
        let mut s: Vec<Sentence> = Vec::new();
        split_sentences(first, 0, first.len(), 0, Some(&p.tgt_lang), &mut s);
        let Some(h) = s.first().map(|s| &first[s.start..s.end]) else {
            continue;
        };
        let h: String = h.chars().take(HEADLINE_CHARS).collect();
        out.entry(p.tgt_lang.clone()).or_default().insert(h);
    }
    out.into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect()
}

fn rng_for(defect: Defect, pair: &Pair, p: usize) -> SplitMix64 {
    SplitMix64::for_label(&format!("{}/{}#{p}", defect.name(), pair.key()))
}

/// One injection, checked.
#[derive(Debug, Clone)]
struct Outcome {
    lang_pair: String,
    found: bool,
    found_any: bool,
}

/// Matching findings on the affected unit.
fn matching(report: &DocumentReport, defect: Defect, unit: usize, cats: &[Category]) -> usize {
    report
        .findings
        .iter()
        .filter(|f| counts_as(f, cats))
        .filter(|f| match defect {
            Defect::DropParagraph => f.source_paragraph == Some(unit),
            Defect::DropSentence => {
                f.source_paragraph == Some(unit) || f.target_paragraph == Some(unit)
            }
            // An inserted paragraph shifts the target's numbering only.
            Defect::ReadMore | Defect::CommentForm | Defect::PhotoCredit => {
                f.target_paragraph == Some(unit)
            }
            _ => paragraph_of(f) == Some(unit),
        })
        .count()
}

/// Prints a missed injection to stderr (set `WIRECHECK_EVAL_SHOW_MISSES` to a
/// defect name): for looking at misses while tuning a rule, never stored.
fn show_miss(
    id: &str,
    unit: usize,
    source: &[String],
    target: &[String],
    clean: &[String],
    after: &DocumentReport,
) {
    let mut s = format!("--- miss {id} (unit {unit})\n");
    if let (Some(a), Some(b)) = (clean.get(unit), target.get(unit)) {
        let (x, y): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
        let changed: Vec<String> = x
            .iter()
            .zip(&y)
            .filter(|(p, q)| p != q)
            .map(|(p, q)| format!("{p} -> {q}"))
            .take(1)
            .collect();
        s.push_str(&format!("  changed: {changed:?}\n"));
    }
    for (i, p) in source.iter().enumerate() {
        s.push_str(&format!("  S{i}: {p}\n"));
    }
    for (i, p) in target.iter().enumerate() {
        s.push_str(&format!("  T{i}: {p}\n"));
    }
    if let Some(a) = &after.alignment {
        s.push_str(&format!(
            "  alignment: {:?}\n",
            a.iter().map(|l| (&l.source, &l.target)).collect::<Vec<_>>()
        ));
    }
    for f in &after.findings {
        s.push_str(&format!(
            "  finding {} {:?} {:?} {:?}: {}\n",
            f.code, f.severity, f.source_paragraph, f.target_paragraph, f.message
        ));
    }
    eprint!("{s}");
}

fn inject_one(
    checker: &Checker,
    defect: Defect,
    pair: &Pair,
    p: usize,
    heads: &[String],
) -> Option<Outcome> {
    let n = pair.target.len();
    let lo = p.saturating_sub(WINDOW);
    let hi = (p + WINDOW + 1).min(n);
    let source = &pair.source[lo..hi];
    let clean = &pair.target[lo..hi];
    let q = p - lo;
    let cx = Context {
        tgt_lang: &pair.tgt_lang,
        paragraphs: n,
        headlines: heads,
    };
    let edit = mutate(
        defect,
        &source[q],
        &clean[q],
        &cx,
        &mut rng_for(defect, pair, p),
    )?;
    let mut target = clean.to_vec();
    let unit = match edit {
        Edit::Replace(t) => {
            target[q] = t;
            q
        }
        Edit::Remove => {
            target.remove(q);
            q
        }
        Edit::InsertAfter(line) => {
            target.insert(q + 1, line);
            q + 1
        }
    };
    let id = format!("{}#{p}", pair.key());
    let src = Some((pair.src_lang.as_str(), source));
    let before = checker.check_pair(&id, src, (&pair.tgt_lang, clean));
    let after = checker.check_pair(&id, src, (&pair.tgt_lang, &target));
    let inserted = matches!(
        defect,
        Defect::ReadMore | Defect::CommentForm | Defect::PhotoCredit
    );
    let count = |r: &DocumentReport, cats: &[Category], clean: bool| {
        if clean && inserted {
            0
        } else {
            matching(r, defect, unit, cats)
        }
    };
    let cats = defect.categories();
    let found = count(&after, cats, false) > count(&before, cats, true);
    if !found && std::env::var("WIRECHECK_EVAL_SHOW_MISSES").is_ok_and(|d| d == defect.name()) {
        show_miss(&id, unit, source, &target, clean, &after);
    }
    Some(Outcome {
        lang_pair: pair.pair_name(),
        found,
        found_any: count(&after, &[], false) > count(&before, &[], true),
    })
}

/// Runs the suite.
pub fn run(data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
    let corpus = wmt::load(data)?;
    let pairs = &corpus.pairs;
    let heads = headlines(pairs);
    let none: Vec<String> = Vec::new();
    let heads_of = |p: &Pair| heads.get(&p.tgt_lang).unwrap_or(&none);
    let checker = Checker::default();

    let mut table = Table::new(
        "Recall per injected defect (found by a finding of the listed categories on the affected paragraph)",
        &[
            "defect",
            "categories",
            "candidates",
            "injected",
            "found",
            "recall",
            "any category",
        ],
    );
    let mut by_lang: BTreeMap<(Defect, String), Share> = BTreeMap::new();
    let mut all = Share::default();
    let mut all_any = Share::default();
    let mut total_candidates = 0;
    for defect in Defect::ALL {
        // Every (pair, paragraph) where the defect can be made.
        let candidates: Vec<(usize, usize)> = pairs
            .par_iter()
            .enumerate()
            .flat_map_iter(|(k, pair)| {
                let cx = Context {
                    tgt_lang: &pair.tgt_lang,
                    paragraphs: pair.target.len(),
                    headlines: heads_of(pair),
                };
                (0..pair.target.len())
                    .filter(move |&p| {
                        mutate(
                            defect,
                            &pair.source[p],
                            &pair.target[p],
                            &cx,
                            &mut rng_for(defect, pair, p),
                        )
                        .is_some()
                    })
                    .map(move |p| (k, p))
                    .collect::<Vec<_>>()
            })
            .collect();
        total_candidates += candidates.len();
        let chosen = SplitMix64::for_label(defect.name()).sample(&candidates, PER_DEFECT);
        let outcomes: Vec<Outcome> = chosen
            .par_iter()
            .filter_map(|&(k, p)| inject_one(&checker, defect, &pairs[k], p, heads_of(&pairs[k])))
            .collect();
        let mut found = Share::default();
        let mut any = Share::default();
        for o in &outcomes {
            found.add(o.found);
            any.add(o.found_any);
            by_lang
                .entry((defect, o.lang_pair.clone()))
                .or_default()
                .add(o.found);
        }
        all.merge(found);
        all_any.merge(any);
        table.push(vec![
            Cell::text(defect.name()),
            Cell::Text(
                defect
                    .categories()
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Cell::Count(candidates.len()),
            Cell::Count(found.total),
            Cell::Count(found.hits),
            Cell::Share(found),
            Cell::Share(any),
        ]);
        report.share_figure(
            format!("injected.{}.recall", defect.name()),
            found,
            Better::Higher,
        );
    }
    table.push(vec![
        Cell::text("all"),
        Cell::text(""),
        Cell::Count(total_candidates),
        Cell::Count(all.total),
        Cell::Count(all.hits),
        Cell::Share(all),
        Cell::Share(all_any),
    ]);
    report.share_figure("injected.all.recall", all, Better::Higher);
    report.tables.push(table);

    let langs: BTreeSet<String> = by_lang.keys().map(|(_, l)| l.clone()).collect();
    let mut columns = vec!["defect".to_string()];
    columns.extend(langs.iter().cloned());
    let mut t = Table::with_columns("Recall per defect and language pair", columns);
    for defect in Defect::ALL {
        let mut row = vec![Cell::text(defect.name())];
        row.extend(langs.iter().map(|l| {
            Cell::ShareOf(
                by_lang
                    .get(&(defect, l.clone()))
                    .copied()
                    .unwrap_or_default(),
            )
        }));
        t.push(row);
    }
    report.tables.push(t);

    let mut t = Table::new("How each defect is made", &["defect", "injection"]);
    for defect in Defect::ALL {
        t.push(vec![
            Cell::text(defect.name()),
            Cell::text(defect.describe()),
        ]);
    }
    report.tables.push(t);
    report.note(format!(
        "{} clean pairs from {} WMT files; at most {PER_DEFECT} injections per defect, sampled \
         deterministically from the candidates (subsample: the candidate pool is far larger for \
         most defects)",
        pairs.len(),
        corpus.files.len()
    ));
    report.note(
        "names are not injected into Chinese and Japanese targets (no capitalisation to find \
         them by); URLs are rare in the data, so url-changed rests on few injections",
    );
    if let Some(n) = corpus.malformed.note() {
        report.note(n);
    }
    Ok(())
}
