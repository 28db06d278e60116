//! Suite `alignment`: the product's aligner on gold sentence alignments
//! (Text+Berg de–fr, hunalign's hu–en news magazine), scored as the data
//! READMEs describe and printed beside the published figures they give.

use super::EvalError;
use super::align_data::{beads_to_ladder, ladder_to_beads, parse_beads, parse_ladder};
use super::align_score::{Bead, StrictLax, ladder_scores, strict_lax};
use super::data::{DataDir, Malformed};
use super::report::{Better, Cell, SuiteReport, Table};
use crate::align::{SideUnits, align};
use crate::segment::Sentence;
use rayon::prelude::*;
use regex::Regex;

/// One line on what the suite measures.
pub const ABOUT: &str = "the paragraph/sentence aligner, given the gold sentence lists of \
    `align-textberg` (de→fr, Bleualign dev and test0–6) and `align-hunalign-dtm` (hu→en) with \
    every sentence as one unit, is scored with strict and lax precision/recall/F1 (Sennrich and \
    Volk 2011 as in Vecalign's scorer: counts summed over documents; recall without 1-0/0-1 \
    beads) and with hunalign's rung measure, beside the published figures quoted in the \
    READMEs (read at run time).";

const TEXTBERG: &str = "align-textberg";
const HUNALIGN: &str = "align-hunalign-dtm";

/// The units of a list of sentences, each sentence its own unit.
pub fn units_of(sentences: &[&str]) -> SideUnits {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(s);
        spans.push(Sentence {
            start,
            end: text.len(),
            paragraph: i,
        });
    }
    SideUnits::new(&text, sentences.len(), spans)
}

/// Aligns two sentence lists with the product's aligner.
pub fn align_sentences(src: &[&str], tgt: &[&str]) -> Vec<Bead> {
    align(&units_of(src), &units_of(tgt))
        .paragraphs
        .into_iter()
        .map(|l| Bead {
            source: l.source,
            target: l.target,
        })
        .collect()
}

/// Published scores found in a README: (system, strict P/R/F1, lax P/R/F1).
fn published_textberg(readme: &str) -> Vec<(String, [f64; 6])> {
    let flat = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let Ok(re) = Regex::new(
        r"([A-Z][A-Za-z]+) strict (?:P/R/F1 )?([0-9.]+)/([0-9.]+)/([0-9.]+), lax ([0-9.]+)/([0-9.]+)/([0-9.]+)",
    ) else {
        return Vec::new();
    };
    re.captures_iter(&flat)
        .filter_map(|c| {
            let mut v = [0.0; 6];
            for (i, x) in v.iter_mut().enumerate() {
                *x = c.get(i + 2)?.as_str().parse().ok()?;
            }
            Some((c.get(1)?.as_str().to_string(), v))
        })
        .collect()
}

/// Hunalign's published rung precision and recall, if the README quotes them.
fn published_hunalign(readme: &str) -> Option<(f64, f64)> {
    let flat = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let re = Regex::new(r"Precision: ([0-9.]+), Recall: ([0-9.]+)").ok()?;
    let c = re.captures(&flat)?;
    Some((
        c.get(1)?.as_str().parse().ok()?,
        c.get(2)?.as_str().parse().ok()?,
    ))
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

struct Scored {
    name: String,
    docs: usize,
    scores: StrictLax,
    rungs: (f64, f64),
}

fn score_docs(name: &str, docs: &[(Vec<Bead>, Vec<Bead>)]) -> Scored {
    let (mut shared_p, mut shared_r) = (0.0, 0.0);
    let (mut n_test, mut n_gold) = (0usize, 0usize);
    for (gold, test) in docs {
        let (g, t) = (beads_to_ladder(gold), beads_to_ladder(test));
        let (p, r) = ladder_scores(&g, &t);
        shared_p += p * t.len() as f64;
        shared_r += r * g.len() as f64;
        n_test += t.len();
        n_gold += g.len();
    }
    Scored {
        name: name.to_string(),
        docs: docs.len(),
        scores: strict_lax(docs),
        rungs: (
            if n_test > 0 {
                shared_p / n_test as f64
            } else {
                0.0
            },
            if n_gold > 0 {
                shared_r / n_gold as f64
            } else {
                0.0
            },
        ),
    }
}

fn score_row(
    label: &str,
    docs: Option<usize>,
    s: [Option<f64>; 6],
    rungs: [Option<f64>; 2],
) -> Vec<Cell> {
    let mut row = vec![
        Cell::text(label),
        docs.map_or(Cell::Score(None), Cell::Count),
    ];
    row.extend(s.into_iter().map(Cell::Score));
    row.extend(rungs.into_iter().map(Cell::Score));
    row
}

fn ours(s: &Scored) -> Vec<Cell> {
    let x = &s.scores;
    score_row(
        &format!("wirecheck, {}", s.name),
        Some(s.docs),
        [
            Some(x.precision_strict),
            Some(x.recall_strict),
            Some(x.f1_strict),
            Some(x.precision_lax),
            Some(x.recall_lax),
            Some(x.f1_lax),
        ],
        [Some(s.rungs.0), Some(s.rungs.1)],
    )
}

/// Runs the suite.
pub fn run(data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
    let mut malformed = Malformed::default();
    let mut table = Table::new(
        "Sentence alignment: strict and lax precision (P), recall (R), F1, and hunalign's rung P/R",
        &[
            "system, set",
            "docs",
            "strict P",
            "strict R",
            "strict F1",
            "lax P",
            "lax R",
            "lax F1",
            "rung P",
            "rung R",
        ],
    );

    // Text+Berg: dev and test0..6.
    let names = data.list(TEXTBERG, ".defr")?;
    let mut dev = Vec::new();
    let mut test = Vec::new();
    let mut inputs = Vec::new();
    for name in &names {
        let stem = name.trim_end_matches(".defr");
        let gold_file = format!("{TEXTBERG}/{name}");
        let gold = parse_beads(&gold_file, &data.read(&gold_file)?, &mut malformed);
        let de = data.read(&format!("{TEXTBERG}/{stem}.de"))?;
        let fr = data.read(&format!("{TEXTBERG}/{stem}.fr"))?;
        inputs.push((stem.to_string(), gold, de, fr));
    }
    let aligned: Vec<(String, Vec<Bead>, Vec<Bead>)> = inputs
        .par_iter()
        .map(|(stem, gold, de, fr)| {
            (
                stem.clone(),
                gold.clone(),
                align_sentences(&lines(de), &lines(fr)),
            )
        })
        .collect();
    for (stem, gold, hyp) in aligned {
        if stem.starts_with("test") {
            test.push((gold, hyp));
        } else {
            dev.push((gold, hyp));
        }
    }
    let dev_s = score_docs("Text+Berg dev (de→fr)", &dev);
    let test_s = score_docs("Text+Berg test0–6 (de→fr)", &test);
    table.push(ours(&dev_s));
    table.push(ours(&test_s));
    let readme = data
        .read(&format!("{TEXTBERG}/README.md"))
        .unwrap_or_default();
    let published = published_textberg(&readme);
    if published.is_empty() {
        report.note("no published Text+Berg figures found in the README");
    }
    for (system, v) in &published {
        table.push(score_row(
            &format!("{system} (published), Text+Berg test0–6"),
            None,
            v.map(Some),
            [None, None],
        ));
    }
    for (key, s) in [("textberg-dev", &dev_s), ("textberg-test", &test_s)] {
        figures(report, key, s);
    }

    // hunalign dtm: one document, gold as a ladder.
    let ladder_file = format!("{HUNALIGN}/hand.ladder");
    let rungs = parse_ladder(&ladder_file, &data.read(&ladder_file)?, &mut malformed);
    let hu = data.read(&format!("{HUNALIGN}/hu.sen"))?;
    let en = data.read(&format!("{HUNALIGN}/en.sen"))?;
    let hyp = align_sentences(&lines(&hu), &lines(&en));
    let dtm = score_docs("hunalign dtm (hu→en)", &[(ladder_to_beads(&rungs), hyp)]);
    table.push(ours(&dtm));
    let readme = data
        .read(&format!("{HUNALIGN}/README.md"))
        .unwrap_or_default();
    match published_hunalign(&readme) {
        Some((p, r)) => table.push(score_row(
            "hunalign with dictionary (published), dtm",
            None,
            [None; 6],
            [Some(p), Some(r)],
        )),
        None => report.note("no published hunalign figures found in the README"),
    }
    figures(report, "hunalign-dtm", &dtm);

    report.note(
        "each gold sentence is one alignment unit; the aligner links 1-1, 1-2, 2-1, 1-0 and 0-1 \
         only, so gold 2-2, 1-3 and larger beads can never be matched strictly",
    );
    report.note(
        "published Text+Berg figures are for test0–6; the hunalign figure is hunalign's own rung \
         measure (its regression test), comparable with the rung columns only",
    );
    if let Some(n) = malformed.note() {
        report.note(n);
    }
    report.tables.push(table);
    Ok(())
}

fn figures(report: &mut SuiteReport, key: &str, s: &Scored) {
    let n = s.scores.test_beads;
    report.figure(
        format!("alignment.{key}.strict.f1"),
        Some(s.scores.f1_strict),
        n,
        Better::Higher,
    );
    report.figure(
        format!("alignment.{key}.lax.f1"),
        Some(s.scores.f1_lax),
        n,
        Better::Higher,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_published_figures_from_prose() {
        let text = "Published: Foo strict P/R/F1 0.1/0.2/0.3,\nlax 0.4/0.5/0.6; Bar strict 0.7/0.8/0.9, lax 1/1/1 (x).";
        let p = published_textberg(text);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, "Foo");
        assert_eq!(p[0].1, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
        assert_eq!(p[1].1[5], 1.0);
        assert_eq!(
            published_hunalign("reports \"Precision: 0.98, Recall:\n 0.99\" ok"),
            Some((0.98, 0.99))
        );
        assert_eq!(published_hunalign("nothing"), None);
    }

    #[test]
    fn aligns_parallel_sentences_one_to_one() {
        let de = [
            "Der Bergführer stieg um 5 Uhr auf.",
            "Das Wetter war schlecht, und der Wind blies stark aus Nordwesten.",
            "Am Gipfel waren es 4000 Meter.",
        ];
        let fr = [
            "Le guide est parti à 5 heures.",
            "Le temps était mauvais et le vent soufflait fort du nord-ouest.",
            "Au sommet, il y avait 4000 mètres.",
        ];
        let beads = align_sentences(&de, &fr);
        assert_eq!(beads.len(), 3);
        assert!(
            beads
                .iter()
                .enumerate()
                .all(|(i, b)| b.source == [i] && b.target == [i])
        );
    }
}
