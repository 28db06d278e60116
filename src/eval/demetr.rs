//! Suite `demetr`: DEMETR's controlled perturbations of English MT, one
//! known defect per sentence, with the source sentence as source.

use super::EvalError;
use super::checker::{Checker, counts, counts_as};
use super::data::{DataDir, Malformed, Tsv};
use super::metrics::Share;
use super::report::{Better, Cell, SuiteReport, Table};
use crate::finding::Category;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// One line on what the suite measures.
pub const ABOUT: &str = "for each perturbation type of `demetr` (X→en), the share of perturbed \
    sentences (`pert_check` true), checked against their source sentence, that get a finding \
    at all and one of the categories the type maps to (table below); for the controls \
    (`base_id35_reference`, the human reference, and the unperturbed MT) the share that gets \
    no finding.";

const FOLDER: &str = "demetr";

/// The control perturbation: the human reference, which should pass.
pub const REFERENCE_CONTROL: &str = "base_id35_reference";

/// Which categories find each perturbation type. `Some(&[])` means any
/// category (the defect can show as several); `None` means no wirecheck
/// category targets the defect (grammar, meaning, spelling, casing), so
/// only the any-finding share is reported.
pub const CATEGORY_MAP: &[(&str, Option<&[Category]>)] = &[
    ("critical_id10_numbers_replaced", Some(&[Category::Numbers])),
    ("critical_id9_ne_replaced", Some(&[Category::Names])),
    (
        "critical_id25_ne_removed",
        Some(&[Category::Names, Category::Omission]),
    ),
    (
        "critical_id4_codemix",
        Some(&[Category::Untranslated, Category::Language]),
    ),
    ("critical_id6_addition", Some(&[Category::Addition])),
    ("critical_id8_negation", None),
    ("critical_id7_antonym", None),
    ("critical_id20_shuffled", None),
    ("critical_id21_adj_adv_removed", Some(&[Category::Omission])),
    ("critical_id22_verb_removed", Some(&[Category::Omission])),
    ("critical_id23_noun_removed", Some(&[Category::Omission])),
    ("critical_id24_subj_removed", Some(&[Category::Omission])),
    ("major_id5_pp_removed", Some(&[Category::Omission])),
    (
        "minor_id28_final_punc_removed",
        Some(&[Category::Punctuation]),
    ),
    ("minor_id29_punc_addition", Some(&[Category::Punctuation])),
    (
        "minor_id30_tokenized",
        Some(&[Category::Punctuation, Category::Formatting]),
    ),
    ("minor_id1_repeat2", Some(&[Category::Formatting])),
    ("minor_id2_repeat4", Some(&[Category::Formatting])),
    ("minor_id26_misspelled", None),
    ("minor_id27_char_removed", None),
    ("minor_id31_full_lower", None),
    ("minor_id32_first_lower", None),
    ("base_id33_empty", Some(&[Category::Omission])),
    ("base_id33_shuffle_trans", Some(&[])),
];

/// The categories mapped to a perturbation type (see [`CATEGORY_MAP`]).
pub fn categories_of(pert: &str) -> Option<&'static [Category]> {
    CATEGORY_MAP
        .iter()
        .find(|(p, _)| *p == pert)
        .and_then(|(_, c)| *c)
}

/// ISO 639-1 code of a DEMETR `lang_tag`.
pub fn lang_code(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "chinese_simple" => "zh",
        "czech" => "cs",
        "french" => "fr",
        "german" => "de",
        "hindi" => "hi",
        "italian" => "it",
        "japanese" => "ja",
        "polish" => "pl",
        "russian" => "ru",
        "spanish" => "es",
        _ => return None,
    })
}

/// One DEMETR item.
#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    /// Item id.
    pub id: i64,
    /// Source language as DEMETR names it.
    pub lang_tag: String,
    /// Source sentence.
    pub src_sent: String,
    /// Clean MT.
    pub mt_sent: String,
}

/// One applied perturbation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perturbation {
    /// Item id.
    pub id: i64,
    /// Type (file name in the source).
    pub name: String,
    /// critical, major, minor or base.
    pub severity: String,
    /// The perturbed English sentence.
    pub sentence: String,
}

/// Parses `demetr_items.jsonl`.
pub fn parse_items(file: &str, text: &str, malformed: &mut Malformed) -> Vec<Item> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .filter_map(|(i, l)| match serde_json::from_str::<Item>(l) {
            Ok(item) => Some(item),
            Err(e) => {
                malformed.add(file, i + 1, e.to_string());
                None
            }
        })
        .collect()
}

/// Parses `demetr_perturbations.tsv`, keeping the rows whose perturbation
/// could be applied (`pert_check` true).
pub fn parse_perturbations(
    file: &str,
    text: &str,
    malformed: &mut Malformed,
) -> Result<Vec<Perturbation>, EvalError> {
    let tsv = Tsv::parse(text);
    let id = tsv.require(file, "id")?;
    let name = tsv.require(file, "pert_name")?;
    let severity = tsv.require(file, "severity")?;
    let check = tsv.require(file, "pert_check")?;
    let sent = tsv.require(file, "pert_sent")?;
    let need = [id, name, severity, check, sent]
        .into_iter()
        .max()
        .unwrap_or(0)
        + 1;
    let mut out = Vec::new();
    for (line, f) in &tsv.rows {
        if f.len() < need {
            malformed.add(
                file,
                *line,
                format!("{} fields, expected at least {need}", f.len()),
            );
            continue;
        }
        let Ok(item) = f[id].parse::<i64>() else {
            malformed.add(file, *line, format!("id '{}'", f[id]));
            continue;
        };
        match f[check] {
            "true" | "True" => {}
            "false" | "False" => continue,
            other => {
                malformed.add(file, *line, format!("pert_check '{other}'"));
                continue;
            }
        }
        out.push(Perturbation {
            id: item,
            name: f[name].to_string(),
            severity: f[severity].to_string(),
            sentence: f[sent].to_string(),
        });
    }
    Ok(out)
}

/// Prints a missed perturbation to stderr (set `WIRECHECK_EVAL_SHOW_MISSES`
/// to a perturbation name): for looking at misses while tuning a rule,
/// never stored.
fn show_miss(
    name: &str,
    lang: &str,
    source: &str,
    perturbed: &str,
    mt: &str,
    r: &crate::pipeline::DocumentReport,
) {
    let mut s = format!("--- miss {name} ({lang})\n  S: {source}\n  MT: {mt}\n  P: {perturbed}\n");
    for f in &r.findings {
        s.push_str(&format!(
            "  finding {} {:?}: {}\n",
            f.code, f.severity, f.message
        ));
    }
    eprint!("{s}");
}

/// Per-type results.
#[derive(Debug, Default, Clone)]
struct Row {
    severity: String,
    any: Share,
    mapped: Share,
    mapped_by_lang: BTreeMap<&'static str, Share>,
}

/// Runs the suite.
pub fn run(data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
    let mut malformed = Malformed::default();
    let items_file = format!("{FOLDER}/demetr_items.jsonl");
    let items = parse_items(&items_file, &data.read(&items_file)?, &mut malformed);
    let perts_file = format!("{FOLDER}/demetr_perturbations.tsv");
    let perts = parse_perturbations(&perts_file, &data.read(&perts_file)?, &mut malformed)?;
    let by_id: HashMap<i64, &Item> = items.iter().map(|i| (i.id, i)).collect();

    // Everything to check: the perturbations, then the unperturbed MT.
    const MT_CONTROL: &str = "unperturbed mt_sent (control)";
    let mut jobs: Vec<(&str, &str, &'static str, &Item, &str)> = Vec::new();
    let mut orphans = 0;
    for p in &perts {
        match by_id
            .get(&p.id)
            .and_then(|i| Some((*i, lang_code(&i.lang_tag)?)))
        {
            Some((item, lang)) => jobs.push((&p.name, &p.severity, lang, item, &p.sentence)),
            None => orphans += 1,
        }
    }
    for item in &items {
        if let Some(lang) = lang_code(&item.lang_tag) {
            jobs.push((MT_CONTROL, "base", lang, item, &item.mt_sent));
        }
    }
    let checker = Checker::default();
    let results: Vec<(bool, bool)> = jobs
        .par_iter()
        .map(|(name, _, lang, item, sentence)| {
            let src = [item.src_sent.clone()];
            let tgt = [sentence.to_string()];
            let r = checker.check_pair("demetr", Some((lang, &src)), ("en", &tgt));
            let any = r.findings.iter().any(counts);
            let mapped = match categories_of(name) {
                Some(cats) => r.findings.iter().any(|f| counts_as(f, cats)),
                None => false,
            };
            if !mapped && std::env::var("WIRECHECK_EVAL_SHOW_MISSES").is_ok_and(|d| d == *name) {
                show_miss(name, lang, &item.src_sent, sentence, &item.mt_sent, &r);
            }
            (any, mapped)
        })
        .collect();

    let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
    for ((name, severity, lang, _, _), (any, mapped)) in jobs.iter().zip(&results) {
        let row = rows.entry(name).or_default();
        row.severity = severity.to_string();
        row.any.add(*any);
        row.mapped.add(*mapped);
        row.mapped_by_lang.entry(lang).or_default().add(*mapped);
    }

    let mut t = Table::new(
        "Perturbations: share flagged (any finding) and share found by a mapped category",
        &[
            "perturbation",
            "severity",
            "applied",
            "categories",
            "any finding",
            "mapped category",
        ],
    );
    // Mapped types in table order, then any other type the data holds.
    let mut order: Vec<&str> = CATEGORY_MAP.iter().map(|(p, _)| *p).collect();
    for k in rows.keys() {
        if !order.contains(k) && *k != REFERENCE_CONTROL && *k != MT_CONTROL {
            order.push(k);
        }
    }
    for name in order {
        let Some(row) = rows.get(name) else { continue };
        let mapping = CATEGORY_MAP
            .iter()
            .find(|(p, _)| *p == name)
            .and_then(|(_, c)| *c);
        let cats = match mapping {
            Some([]) => "any".to_string(),
            Some(c) => c.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
            None => "— (not targeted)".to_string(),
        };
        t.push(vec![
            Cell::text(name),
            Cell::text(row.severity.clone()),
            Cell::Count(row.any.total),
            Cell::Text(cats),
            Cell::Share(row.any),
            if mapping.is_some() {
                Cell::Share(row.mapped)
            } else {
                Cell::Score(None)
            },
        ]);
        report.share_figure(format!("demetr.{name}.any"), row.any, Better::Higher);
        if mapping.is_some() {
            report.share_figure(format!("demetr.{name}.mapped"), row.mapped, Better::Higher);
        }
    }
    report.tables.push(t);

    let mut t = Table::new(
        "Controls: share with no finding (higher is better)",
        &["control", "items", "no finding"],
    );
    for (name, key) in [(REFERENCE_CONTROL, "reference"), (MT_CONTROL, "mt")] {
        if let Some(row) = rows.get(name) {
            let clean = Share::new(row.any.total - row.any.hits, row.any.total);
            t.push(vec![
                Cell::text(name),
                Cell::Count(clean.total),
                Cell::Share(clean),
            ]);
            report.share_figure(format!("demetr.control.{key}.clean"), clean, Better::Higher);
        }
    }
    report.tables.push(t);

    let langs: Vec<&'static str> = {
        let mut l: Vec<&'static str> = rows
            .values()
            .flat_map(|r| r.mapped_by_lang.keys().copied())
            .collect();
        l.sort_unstable();
        l.dedup();
        l
    };
    let mut columns = vec!["perturbation".to_string()];
    columns.extend(langs.iter().map(|l| format!("{l}→en")));
    let mut t = Table::with_columns("Mapped-category recall per source language", columns);
    for (name, cats) in CATEGORY_MAP {
        let (Some(_), Some(row)) = (cats, rows.get(name)) else {
            continue;
        };
        let mut r = vec![Cell::text(*name)];
        r.extend(
            langs
                .iter()
                .map(|l| Cell::Share(row.mapped_by_lang.get(l).copied().unwrap_or_default())),
        );
        t.push(r);
    }
    report.tables.push(t);

    report.note(
        "the mapping of perturbation types to categories is `CATEGORY_MAP` in src/eval/demetr.rs; \
         'any' accepts every category (a translation of another sentence shows as several defects)",
    );
    if orphans > 0 {
        report.note(format!(
            "{orphans} perturbations refer to unknown items and were skipped"
        ));
    }
    if let Some(n) = malformed.note() {
        report.note(n);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_items_and_applied_perturbations() {
        let mut m = Malformed::default();
        let items = parse_items(
            "i.jsonl",
            "{\"id\": 1, \"lang_tag\": \"german\", \"data_source\": \"WMT\", \"src_sent\": \"Hallo.\", \"eng_sent\": \"Hello.\", \"mt_sent\": \"Hi.\"}\n{oops\n",
            &mut m,
        );
        assert_eq!(items.len(), 1);
        assert_eq!(lang_code(&items[0].lang_tag), Some("de"));
        let tsv = "id\tpert_name\tpert_id\tseverity\tpert_check\tpert_sent\tmt_sent_variant\n\
            1\tcritical_id10_numbers_replaced\t10\tcritical\tfalse\tHi.\t\n\
            1\tminor_id28_final_punc_removed\t28\tminor\ttrue\tHi\t\n\
            x\tminor\t1\tminor\ttrue\tHi\t\n\
            1\tshort\n";
        let p = parse_perturbations("p.tsv", tsv, &mut m).expect("parses");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].sentence, "Hi");
        assert_eq!(p[0].severity, "minor");
        assert_eq!(m.count, 3);
    }

    #[test]
    fn every_mapped_type_is_listed_once() {
        let mut names: Vec<&str> = CATEGORY_MAP.iter().map(|(n, _)| *n).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
        assert_eq!(
            categories_of("critical_id10_numbers_replaced"),
            Some(&[Category::Numbers][..])
        );
        assert_eq!(categories_of("critical_id8_negation"), None);
        assert_eq!(categories_of(REFERENCE_CONTROL), None);
    }
}
