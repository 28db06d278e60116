//! Accuracy of the quote and punctuation rules on real text written by
//! others (`../shared/corpora/external`, or `WIRECHECK_EVAL_DATA`):
//!
//! * false alarms: the professional references of `wmt-newstest/` (rows
//!   grouped into documents and paragraphs by `doc_id` and `para`, as its
//!   README explains) and of `bio-mqm-it/` (`reference`, `reference_r1`; an
//!   abstract is one paragraph) are checked as articles against their
//!   sources; the share of target paragraphs with a quotes or punctuation
//!   finding of severity warning or error is reported (goal: under 0.5%);
//! * injected defects: in every clean reference paragraph holding a closed
//!   quotation, one quotation (picked with a fixed seed) is broken in a copy
//!   of the target: closing mark removed, opening mark used to close, space
//!   put before the closing mark (where the language forbids it). Recall is
//!   the share of injections for which a quotes finding (warning or error)
//!   lands on that paragraph (goal: 95% or more).
//!
//! The test fails when a figure falls below the floors set from the last
//! measurement (see the constants).
//!
//! The test skips, saying why, when the data folder is absent. Set
//! `WIRECHECK_QA_DUMP=FILE` to write every false alarm and every missed
//! injection to FILE. No text of the data is copied into the repository.
//!
//! This is the quotes issue's own measurement; the `wirecheck eval` command
//! (issue 3) is expected to take it over.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use wirecheck::finding::{Category, Severity};
use wirecheck::ingest::{Document, side_from_text};
use wirecheck::lang::LangTag;
use wirecheck::pipeline::{CheckOptions, RuleSet, check_document};
use wirecheck::rules::quotes::scan;

/// The goals (printed with the figures).
const GOAL_FALSE_ALARM_RATE: f64 = 0.005;
const GOAL_RECALL: f64 = 0.95;
/// Floors enforced: the measured figures with a small margin, so that quality
/// cannot silently regress. Tighten them as the rules improve. (Measured
/// when set: 3.09% of reference paragraphs flagged, most of them genuine
/// defects of the references; recall 95.2%.)
const MAX_FALSE_ALARM_RATE: f64 = 0.034;
const MIN_RECALL: f64 = 0.945;
const MIN_RECALL_PER_DEFECT: f64 = 0.85;

fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("WIRECHECK_EVAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/external")
        });
    dir.join("wmt-newstest").is_dir().then_some(dir)
}

/// One article pair of the references.
struct Article {
    set: String,
    src_lang: String,
    tgt_lang: String,
    source: Vec<String>,
    target: Vec<String>,
}

fn is_cjk(lang: &str) -> bool {
    matches!(lang, "ja" | "zh")
}

fn join(lang: &str, parts: &[&str]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    parts.join(if is_cjk(lang) { "" } else { " " })
}

fn wmt_articles(dir: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("wmt-newstest"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    for path in files {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("readable tsv");
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
        let col = |n: &str| header.iter().position(|h| *h == n);
        let pair = name.split('.').nth(1).unwrap_or("");
        let (src_lang, fixed_tgt) = pair.split_once('-').unwrap_or(("", ""));
        let src_col = col("source")
            .or_else(|| col(src_lang))
            .expect("source column");
        let refs: Vec<(usize, String)> = header
            .iter()
            .enumerate()
            .filter(|(_, h)| h.starts_with("ref_") || (h.len() == 4 && h.as_bytes()[2] == b'_'))
            .map(|(i, h)| {
                (
                    i,
                    if h.starts_with("ref_") {
                        fixed_tgt.to_string()
                    } else {
                        h[..2].to_string()
                    },
                )
            })
            .collect();
        let (doc_col, para_col) = (col("doc_id").expect("doc_id"), col("para").expect("para"));
        // doc -> ordered paragraphs -> rows
        let mut docs: Vec<(String, Vec<(String, Vec<Vec<&str>>)>)> = Vec::new();
        for line in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            let (doc, para) = (cells[doc_col].to_string(), cells[para_col].to_string());
            if docs.last().is_none_or(|d| d.0 != doc) {
                docs.push((doc, Vec::new()));
            }
            let paras = &mut docs.last_mut().expect("pushed").1;
            if paras.last().is_none_or(|p| p.0 != para) {
                paras.push((para, Vec::new()));
            }
            paras.last_mut().expect("pushed").1.push(cells);
        }
        for (ri, (rc, tl)) in refs.iter().enumerate() {
            let column = header[*rc];
            for (_, paras) in &docs {
                let complete = paras.iter().all(|(_, rows)| {
                    rows.iter()
                        .all(|r| r.get(*rc).is_some_and(|c| !c.trim().is_empty()))
                });
                if !complete {
                    continue;
                }
                let source = paras
                    .iter()
                    .map(|(_, rows)| {
                        join(
                            src_lang,
                            &rows.iter().map(|r| r[src_col]).collect::<Vec<_>>(),
                        )
                    })
                    .collect();
                let target = paras
                    .iter()
                    .map(|(_, rows)| join(tl, &rows.iter().map(|r| r[*rc]).collect::<Vec<_>>()))
                    .collect();
                out.push(Article {
                    set: format!("{name}:{column}"),
                    src_lang: src_lang.into(),
                    tgt_lang: tl.clone(),
                    source,
                    target,
                });
            }
            let _ = ri;
        }
    }
    out
}

fn bio_articles(dir: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    for pair in ["en-it", "it-en"] {
        let path = dir.join("bio-mqm-it").join(format!("bio_mqm_{pair}.jsonl"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let (s, t) = pair.split_once('-').expect("pair");
        let mut docs: BTreeMap<(String, String), BTreeMap<u64, (String, String)>> = BTreeMap::new();
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            let system = v["system"].as_str().unwrap_or("");
            if system != "reference" && system != "reference_r1" {
                continue;
            }
            let key = (
                system.to_string(),
                v["doc_id"].as_str().unwrap_or("").to_string(),
            );
            let seg = v["seg_id"].as_u64().unwrap_or(0);
            let st = (
                v["source"].as_str().unwrap_or("").to_string(),
                v["target"].as_str().unwrap_or("").to_string(),
            );
            docs.entry(key).or_default().insert(seg, st);
        }
        for ((system, _), segs) in docs {
            let src: Vec<&str> = segs.values().map(|x| x.0.as_str()).collect();
            let tgt: Vec<&str> = segs.values().map(|x| x.1.as_str()).collect();
            out.push(Article {
                set: format!("bio.{pair}:{system}"),
                src_lang: s.into(),
                tgt_lang: t.into(),
                source: vec![join(s, &src)],
                target: vec![join(t, &tgt)],
            });
        }
    }
    out
}

fn document(a: &Article, target: &str, with_source: bool) -> Document {
    let tag = |l: &str| LangTag::parse(l);
    Document {
        id: a.set.clone(),
        source: with_source
            .then(|| side_from_text("source.txt", a.source.join("\n\n"), 0, tag(&a.src_lang))),
        target: side_from_text("target.txt", target.to_string(), 0, tag(&a.tgt_lang)),
    }
}

fn options(categories: &[&str]) -> CheckOptions {
    let keys: Vec<String> = categories.iter().map(|s| s.to_string()).collect();
    CheckOptions {
        rules: RuleSet::default().select(&keys),
    }
}

/// Target paragraphs with a finding of these categories at warning or above,
/// with the findings' descriptions.
fn flagged(doc: &Document, opts: &CheckOptions, cats: &[Category]) -> BTreeMap<usize, Vec<String>> {
    let mut out: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for f in check_document(doc, opts).findings {
        if f.severity >= Severity::Warning && cats.contains(&f.category) {
            if let Some(p) = f.target_paragraph {
                let ev = f
                    .evidence
                    .target
                    .as_deref()
                    .unwrap_or("")
                    .replace('\n', " ");
                out.entry(p)
                    .or_default()
                    .push(format!("{} {} ⟦{ev}⟧", f.code, f.message));
            }
        }
    }
    out
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Defect {
    RemoveClose,
    OpenAsClose,
    SpaceBeforeClose,
}

/// Breaks one quotation of paragraph `p`: returns the new target text.
fn inject(a: &Article, text: &str, p: usize, defect: Defect, rng: &mut Rng) -> Option<String> {
    let conv = scan::conv_for_str(&a.tgt_lang)?;
    let mut ranges = Vec::new();
    let mut pos = 0;
    for para in &a.target {
        ranges.push((pos, pos + para.len()));
        pos += para.len() + 2;
    }
    let analysis = scan::analyze(text, &ranges, conv);
    let (ps, pe) = ranges[p];
    let candidates: Vec<&scan::Quotation> = analysis
        .quotations
        .iter()
        .filter(|q| q.paragraph == p && q.close.is_some_and(|c| c <= pe && q.open >= ps))
        .filter(|q| {
            let pair = conv.pairs[q.pair];
            let close = q.close.expect("closed");
            let before = text[..close].chars().next_back();
            let prev2 = text[..close - before.map_or(1, char::len_utf8)]
                .chars()
                .next_back();
            match defect {
                Defect::RemoveClose => true,
                Defect::OpenAsClose => pair.open != pair.close && before == Some(pair.close),
                Defect::SpaceBeforeClose => {
                    pair.inner == wirecheck::rules::quotes::tables::InnerSpace::None
                        && before == Some(pair.close)
                        && prev2.is_some_and(|c| !c.is_whitespace())
                }
            }
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let q = candidates[(rng.next() % candidates.len() as u64) as usize];
    let close = q.close.expect("closed");
    let mark = text[..close].chars().next_back()?;
    let at = close - mark.len_utf8();
    let pair = conv.pairs[q.pair];
    let replacement = match defect {
        Defect::RemoveClose => String::new(),
        Defect::OpenAsClose => pair.open.to_string(),
        Defect::SpaceBeforeClose => format!(" {mark}"),
    };
    Some(format!("{}{}{}", &text[..at], replacement, &text[close..]))
}

#[test]
fn quote_and_punctuation_accuracy() {
    let Some(dir) = data_dir() else {
        println!(
            "skipped: no evaluation data at ../shared/corpora/external (set WIRECHECK_EVAL_DATA)"
        );
        return;
    };
    let mut articles = wmt_articles(&dir);
    articles.extend(bio_articles(&dir));
    assert!(
        !articles.is_empty(),
        "no articles read from {}",
        dir.display()
    );
    let dump_path = std::env::var_os("WIRECHECK_QA_DUMP");
    let mut dump = String::new();

    // False alarms.
    let fa_opts = options(&["quotes", "punctuation"]);
    let cats = [Category::Quotes, Category::Punctuation];
    let mut per_set: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
    let mut clean: Vec<(usize, usize)> = Vec::new();
    let (mut total, mut bad) = (0usize, 0usize);
    for (ai, a) in articles.iter().enumerate() {
        let text = a.target.join("\n\n");
        let doc = document(a, &text, true);
        let fl = flagged(&doc, &fa_opts, &cats);
        let e = per_set.entry(a.set.clone()).or_default();
        e.0 += a.target.len();
        e.1 += fl.len();
        total += a.target.len();
        bad += fl.len();
        for (p, msgs) in &fl {
            let mut rules: Vec<&str> = msgs.iter().map(|m| &m[..5]).collect();
            rules.dedup();
            for r in rules {
                *per_rule.entry(r.to_string()).or_default() += 1;
            }
            if dump_path.is_some() {
                let _ = writeln!(
                    dump,
                    "FA {} ¶{p}: {:?}\n    {}\n",
                    a.set, msgs, a.target[*p]
                );
            }
        }
        for p in 0..a.target.len() {
            if !fl.contains_key(&p) {
                clean.push((ai, p));
            }
        }
    }

    // Injected quote defects.
    let q_opts = options(&["quotes"]);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut recall: BTreeMap<Defect, (usize, usize)> = BTreeMap::new();
    for &(ai, p) in &clean {
        let a = &articles[ai];
        let text = a.target.join("\n\n");
        for defect in [
            Defect::RemoveClose,
            Defect::OpenAsClose,
            Defect::SpaceBeforeClose,
        ] {
            let Some(broken) = inject(a, &text, p, defect, &mut rng) else {
                continue;
            };
            // Check the paragraph with two neighbours on each side (what the
            // multi-paragraph convention looks at), not the whole article:
            // the same result, several times faster.
            let paras: Vec<&str> = broken.split("\n\n").collect();
            let lo = p.saturating_sub(2);
            let hi = (p + 3).min(paras.len());
            let doc = document(a, &paras[lo..hi].join("\n\n"), false);
            let fl = flagged(&doc, &q_opts, &[Category::Quotes]);
            let e = recall.entry(defect).or_default();
            e.0 += 1;
            if fl.contains_key(&(p - lo)) {
                e.1 += 1;
            } else if dump_path.is_some() {
                let bp = broken.split("\n\n").nth(p).unwrap_or("");
                let _ = writeln!(dump, "MISS {defect:?} {} ¶{p}: {:?}\n    {bp}\n", a.set, fl);
            }
        }
    }

    let rate = bad as f64 / total.max(1) as f64;
    let mut report = format!(
        "false alarms (quotes + punctuation, warning or error): {bad} of {total} reference paragraphs ({:.2}%), clean {:.2}%\n",
        100.0 * rate,
        100.0 * (1.0 - rate)
    );
    for (set, (n, b)) in &per_set {
        let _ = writeln!(report, "  {set:<28} {b:>4} / {n:<5}");
    }
    let _ = writeln!(report, "  by rule: {per_rule:?}");
    let (mut n_all, mut hit_all) = (0, 0);
    for (d, (n, h)) in &recall {
        n_all += n;
        hit_all += h;
        let _ = writeln!(
            report,
            "injected {d:?}: {h} of {n} found ({:.1}%)",
            100.0 * *h as f64 / (*n).max(1) as f64
        );
    }
    let recall_all = hit_all as f64 / n_all.max(1) as f64;
    let _ = writeln!(
        report,
        "injected quote defects: {hit_all} of {n_all} found ({:.1}%)",
        100.0 * recall_all
    );
    let _ = writeln!(
        report,
        "goals: at most {:.1}% of reference paragraphs flagged, recall at least {:.0}%",
        100.0 * GOAL_FALSE_ALARM_RATE,
        100.0 * GOAL_RECALL
    );
    println!("{report}");
    if let Some(p) = dump_path {
        std::fs::write(p, format!("{report}\n{dump}")).expect("write dump");
    }
    assert!(
        rate <= MAX_FALSE_ALARM_RATE,
        "false-alarm rate {rate:.4} above {MAX_FALSE_ALARM_RATE}\n{report}"
    );
    assert!(
        recall_all >= MIN_RECALL,
        "recall {recall_all:.3} below {MIN_RECALL}\n{report}"
    );
    for (d, (n, h)) in &recall {
        assert!(
            *h as f64 / (*n).max(1) as f64 >= MIN_RECALL_PER_DEFECT,
            "recall of {d:?} below {MIN_RECALL_PER_DEFECT}\n{report}"
        );
    }
}
