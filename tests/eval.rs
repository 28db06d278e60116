//! Accuracy on the external corpora: every figure of `wirecheck eval` must
//! stay on the right side of its bound (a floor where higher is better, a
//! ceiling where lower is better), and `docs/accuracy.md` must be what the
//! command prints.
//!
//! The data lives outside the repository (`../shared/corpora/external`, or
//! `WIRECHECK_EVAL_DATA`); without it these tests print why and pass, so a
//! fresh clone stays green.
//!
//! Bounds are the measured value minus (plus, for ceilings) a small margin
//! that grows as the number of items shrinks. When rules improve, raise
//! them: `WIRECHECK_PRINT_BOUNDS=1 cargo test --release --test eval -- --nocapture`
//! prints the whole table with fresh bounds to paste below.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use wirecheck::eval::{self, Better, EvalFormat, EvalReport, Figure};

/// The data folder, if present.
fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os(eval::DATA_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(eval::DEFAULT_DATA_DIR));
    dir.is_dir().then_some(dir)
}

/// The full evaluation, run once and shared by the tests of this file.
fn report() -> Option<&'static EvalReport> {
    static REPORT: OnceLock<Option<EvalReport>> = OnceLock::new();
    REPORT
        .get_or_init(|| {
            let dir = data_dir()?;
            let start = std::time::Instant::now();
            let r = eval::run(&dir, &[]).expect("the data folder opens");
            eprintln!("eval: all suites in {:.1} s", start.elapsed().as_secs_f64());
            Some(r)
        })
        .as_ref()
}

fn skip(test: &str) {
    eprintln!(
        "{test}: skipped, no evaluation data (looked for ${} or {} next to the repository)",
        eval::DATA_ENV,
        eval::DEFAULT_DATA_DIR
    );
}

#[test]
fn every_suite_runs() {
    let Some(r) = report() else {
        return skip("every_suite_runs");
    };
    assert_eq!(r.suites.len(), eval::Suite::ALL.len());
    for s in &r.suites {
        assert!(
            s.error.is_none(),
            "{} did not run: {:?}",
            s.suite.name(),
            s.error
        );
        assert!(!s.tables.is_empty(), "{} has no table", s.suite.name());
    }
    for f in r.figures() {
        assert!(f.value.is_finite(), "{} is {}", f.key, f.value);
    }
}

#[test]
fn accuracy_md_is_not_stale() {
    let Some(r) = report() else {
        return skip("accuracy_md_is_not_stale");
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/accuracy.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    let fresh = eval::render(r, EvalFormat::Markdown);
    if on_disk != fresh {
        let line = on_disk
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| on_disk.lines().count().min(fresh.lines().count()));
        panic!(
            "docs/accuracy.md is stale (first difference at line {}: now `{}`); regenerate it with \
             `cargo run --release -- eval --format markdown > docs/accuracy.md` from the repository root",
            line + 1,
            fresh.lines().nth(line).unwrap_or("<end of file>")
        );
    }
}

/// Margin below a figure (above, for ceilings) when setting its bound.
fn margin(f: &Figure) -> f64 {
    match (f.better, f.n) {
        (Better::Higher, n) if n >= 200 => 0.02,
        (Better::Higher, n) if n >= 30 => 0.05,
        (Better::Higher, _) => 0.10,
        (Better::Lower, n) if n >= 1000 => 0.005,
        (Better::Lower, n) if n >= 200 => 0.01,
        (Better::Lower, _) => 0.03,
    }
}

/// The bound a figure would get today.
fn suggested(f: &Figure) -> f64 {
    match f.better {
        Better::Higher => ((f.value - margin(f)) * 1000.0).floor().max(0.0) / 1000.0,
        Better::Lower => ((f.value + margin(f)) * 1000.0).ceil().min(1000.0) / 1000.0,
    }
}

#[test]
fn figures_stay_within_bounds() {
    let Some(r) = report() else {
        return skip("figures_stay_within_bounds");
    };
    if std::env::var_os("WIRECHECK_PRINT_BOUNDS").is_some() {
        println!("const BOUNDS: &[(&str, f64)] = &[");
        for f in r.figures() {
            println!("    ({:?}, {:.3}),", f.key, suggested(f));
        }
        println!("];");
    }
    let mut failures = Vec::new();
    for &(key, bound) in BOUNDS {
        match r.figure(key) {
            None if r.is_undefined(key) => {
                eprintln!("note: {key} has no items this run (bound {bound:.3} not applied)")
            }
            None => failures.push(format!("{key}: figure no longer reported")),
            Some(f) => {
                let ok = match f.better {
                    Better::Higher => f.value >= bound - 1e-9,
                    Better::Lower => f.value <= bound + 1e-9,
                };
                if !ok {
                    let word = if f.better == Better::Higher {
                        "floor"
                    } else {
                        "ceiling"
                    };
                    failures.push(format!(
                        "{key}: {:.4} is past its {word} {bound:.3} (n = {})",
                        f.value, f.n
                    ));
                }
            }
        }
    }
    for f in r.figures() {
        if !BOUNDS.iter().any(|(k, _)| *k == f.key) {
            eprintln!(
                "note: {} = {:.4} has no bound yet (suggested {:.3})",
                f.key,
                f.value,
                suggested(f)
            );
        }
    }
    assert!(
        failures.is_empty(),
        "accuracy regressed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn missing_data_folder_exits_2() {
    let mut c = assert_cmd::Command::cargo_bin("wirecheck").expect("binary built");
    c.args(["eval", "--data", "/nonexistent/wirecheck-eval-data"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not found"));
}

/// Floors (figures where higher is better) and ceilings (lower is better),
/// set from the measured values minus (plus) a margin; see [`margin`].
const BOUNDS: &[(&str, f64)] = &[
    ("false-alarms.any.de-fr", 0.044),
    ("false-alarms.any.en-cs", 0.051),
    ("false-alarms.any.en-de", 0.042),
    ("false-alarms.any.en-es", 0.051),
    ("false-alarms.any.en-it", 0.012),
    ("false-alarms.any.en-ja", 0.051),
    ("false-alarms.any.en-ru", 0.048),
    ("false-alarms.any.en-uk", 0.026),
    ("false-alarms.any.en-zh", 0.043),
    ("false-alarms.any.fr-de", 0.144),
    ("false-alarms.any.it-en", 0.015),
    ("false-alarms.any.ja-en", 0.270),
    ("false-alarms.any.ja-zh", 0.054),
    ("false-alarms.any.ru-en", 0.108),
    ("false-alarms.any.all", 0.039),
    ("false-alarms.quotes-punctuation.de-fr", 0.026),
    ("false-alarms.quotes-punctuation.en-cs", 0.033),
    ("false-alarms.quotes-punctuation.en-de", 0.023),
    ("false-alarms.quotes-punctuation.en-es", 0.031),
    ("false-alarms.quotes-punctuation.en-it", 0.010),
    ("false-alarms.quotes-punctuation.en-ja", 0.023),
    ("false-alarms.quotes-punctuation.en-ru", 0.034),
    ("false-alarms.quotes-punctuation.en-uk", 0.019),
    ("false-alarms.quotes-punctuation.en-zh", 0.036),
    ("false-alarms.quotes-punctuation.fr-de", 0.106),
    ("false-alarms.quotes-punctuation.it-en", 0.013),
    ("false-alarms.quotes-punctuation.ja-en", 0.164),
    ("false-alarms.quotes-punctuation.ja-zh", 0.043),
    ("false-alarms.quotes-punctuation.ru-en", 0.038),
    ("false-alarms.quotes-punctuation.all", 0.023),
    ("false-alarms.rule.WC101", 0.011),
    ("false-alarms.rule.WC102", 0.007),
    ("false-alarms.rule.WC103", 0.006),
    ("false-alarms.rule.WC104", 0.009),
    ("false-alarms.rule.WC105", 0.007),
    ("false-alarms.rule.WC110", 0.006),
    ("false-alarms.rule.WC111", 0.007),
    ("false-alarms.rule.WC112", 0.006),
    ("false-alarms.rule.WC113", 0.009),
    ("false-alarms.rule.WC114", 0.006),
    ("false-alarms.rule.WC201", 0.009),
    ("false-alarms.rule.WC202", 0.006),
    ("false-alarms.rule.WC203", 0.006),
    ("false-alarms.rule.WC204", 0.006),
    ("false-alarms.rule.WC301", 0.008),
    ("false-alarms.rule.WC302", 0.006),
    ("false-alarms.rule.WC303", 0.007),
    ("false-alarms.rule.WC304", 0.005),
    ("false-alarms.rule.WC401", 0.005),
    ("false-alarms.rule.WC402", 0.005),
    ("false-alarms.rule.WC403", 0.006),
    ("false-alarms.rule.WC501", 0.007),
    ("false-alarms.rule.WC502", 0.006),
    ("false-alarms.rule.WC503", 0.007),
    ("false-alarms.rule.WC504", 0.006),
    ("false-alarms.rule.WC601", 0.005),
    ("false-alarms.rule.WC701", 0.007),
    ("false-alarms.rule.WC702", 0.007),
    ("false-alarms.rule.WC703", 0.006),
    ("false-alarms.rule.WC704", 0.006),
    ("false-alarms.category.language", 0.006),
    ("false-alarms.category.untranslated", 0.007),
    ("false-alarms.category.omission", 0.007),
    ("false-alarms.category.addition", 0.006),
    ("false-alarms.category.quotes", 0.017),
    ("false-alarms.category.punctuation", 0.012),
    ("false-alarms.category.numbers", 0.010),
    ("false-alarms.category.names", 0.010),
    ("false-alarms.category.links", 0.007),
    ("false-alarms.category.literal", 0.005),
    ("false-alarms.category.boilerplate", 0.005),
    ("false-alarms.category.terminology", 0.005),
    ("false-alarms.category.formatting", 0.008),
    ("injected.drop-paragraph.recall", 0.783),
    ("injected.drop-sentence.recall", 0.483),
    ("injected.number-value.recall", 0.903),
    ("injected.number-scale.recall", 0.916),
    ("injected.weekday-month.recall", 0.909),
    ("injected.name-misspelled.recall", 0.456),
    ("injected.name-deleted.recall", 0.223),
    ("injected.quote-unclosed.recall", 0.909),
    ("injected.quote-open-as-close.recall", 0.943),
    ("injected.quote-space-before-close.recall", 0.943),
    ("injected.replaced-by-source.recall", 0.943),
    ("injected.boilerplate-read-more.recall", 0.950),
    ("injected.boilerplate-comment-form.recall", 0.950),
    ("injected.boilerplate-photo-credit.recall", 0.950),
    ("injected.url-changed.recall", 0.950),
    ("injected.all.recall", 0.838),
    ("demetr.critical_id10_numbers_replaced.any", 0.936),
    ("demetr.critical_id10_numbers_replaced.mapped", 0.936),
    ("demetr.critical_id9_ne_replaced.any", 0.225),
    ("demetr.critical_id9_ne_replaced.mapped", 0.202),
    ("demetr.critical_id25_ne_removed.any", 0.369),
    ("demetr.critical_id25_ne_removed.mapped", 0.288),
    ("demetr.critical_id4_codemix.any", 0.827),
    ("demetr.critical_id4_codemix.mapped", 0.825),
    ("demetr.critical_id6_addition.any", 0.004),
    ("demetr.critical_id6_addition.mapped", 0.000),
    ("demetr.critical_id8_negation.any", 0.006),
    ("demetr.critical_id7_antonym.any", 0.000),
    ("demetr.critical_id20_shuffled.any", 0.228),
    ("demetr.critical_id21_adj_adv_removed.any", 0.006),
    ("demetr.critical_id21_adj_adv_removed.mapped", 0.000),
    ("demetr.critical_id22_verb_removed.any", 0.000),
    ("demetr.critical_id22_verb_removed.mapped", 0.000),
    ("demetr.critical_id23_noun_removed.any", 0.036),
    ("demetr.critical_id23_noun_removed.mapped", 0.000),
    ("demetr.critical_id24_subj_removed.any", 0.072),
    ("demetr.critical_id24_subj_removed.mapped", 0.000),
    ("demetr.major_id5_pp_removed.any", 0.126),
    ("demetr.major_id5_pp_removed.mapped", 0.000),
    ("demetr.minor_id28_final_punc_removed.any", 0.911),
    ("demetr.minor_id28_final_punc_removed.mapped", 0.910),
    ("demetr.minor_id29_punc_addition.any", 0.138),
    ("demetr.minor_id29_punc_addition.mapped", 0.011),
    ("demetr.minor_id30_tokenized.any", 0.980),
    ("demetr.minor_id30_tokenized.mapped", 0.980),
    ("demetr.minor_id1_repeat2.any", 0.718),
    ("demetr.minor_id1_repeat2.mapped", 0.698),
    ("demetr.minor_id2_repeat4.any", 0.720),
    ("demetr.minor_id2_repeat4.mapped", 0.707),
    ("demetr.minor_id26_misspelled.any", 0.002),
    ("demetr.minor_id27_char_removed.any", 0.001),
    ("demetr.minor_id31_full_lower.any", 0.217),
    ("demetr.minor_id32_first_lower.any", 0.032),
    ("demetr.base_id33_empty.any", 0.920),
    ("demetr.base_id33_empty.mapped", 0.909),
    ("demetr.base_id33_shuffle_trans.any", 0.386),
    ("demetr.base_id33_shuffle_trans.mapped", 0.386),
    ("demetr.control.reference.clean", 0.957),
    ("demetr.control.mt.clean", 0.962),
    ("ced.en-de.mcc", 0.445),
    ("ced.en-de.recall", 0.267),
    ("ced.en-de.precision", 0.700),
    ("ced.pt-en.mcc", 0.494),
    ("ced.pt-en.recall", 0.245),
    ("ced.pt-en.precision", 0.900),
    ("ced.all.mcc", 0.468),
    ("ced.all.recall", 0.255),
    ("ced.all.precision", 0.841),
    ("mqm.wmt24-esa-en-cs.precision", 0.087),
    ("mqm.wmt24-esa-en-cs.clean-flagged", 0.055),
    ("mqm.wmt24-esa-en-ja.precision", 0.057),
    ("mqm.wmt24-esa-en-ja.clean-flagged", 0.045),
    ("mqm.wmt24-esa-en-zh.precision", 0.017),
    ("mqm.wmt24-esa-en-zh.clean-flagged", 0.080),
    ("mqm.bio-mqm-en-it.precision", 0.900),
    ("mqm.bio-mqm-en-it.clean-flagged", 0.010),
    ("mqm.bio-mqm-it-en.precision", 0.066),
    ("mqm.bio-mqm-it-en.clean-flagged", 0.012),
    ("mqm.generalmt2023-en-de-sxs.precision", 0.468),
    ("mqm.generalmt2023-en-de-sxs.clean-flagged", 0.041),
    ("mqm.newstest2020-en-de.precision", 0.227),
    ("mqm.newstest2020-en-de.clean-flagged", 0.044),
    ("mqm.newstest2021-en-de.precision", 0.225),
    ("mqm.newstest2021-en-de.clean-flagged", 0.021),
    ("mqm.newstest2021-en-ru.precision", 0.212),
    ("mqm.newstest2021-en-ru.clean-flagged", 0.020),
    ("mqm.newstest2021-zh-en.precision", 0.296),
    ("mqm.newstest2021-zh-en.clean-flagged", 0.057),
    ("mqm.all.precision", 0.254),
    ("mqm.all.clean-flagged", 0.031),
    ("mqm.precision.language", 0.185),
    ("mqm.precision.untranslated", 0.900),
    ("mqm.precision.omission", 0.498),
    ("mqm.precision.addition", 0.566),
    ("mqm.precision.quotes", 0.253),
    ("mqm.precision.punctuation", 0.220),
    ("mqm.precision.numbers", 0.115),
    ("mqm.precision.names", 0.183),
    ("mqm.precision.literal", 0.566),
    ("mqm.precision.boilerplate", 0.900),
    ("mqm.precision.formatting", 0.210),
    ("mqm.found.punctuation.matching", 0.041),
    ("mqm.found.punctuation.any", 0.043),
    ("mqm.found.untranslated.matching", 0.000),
    ("mqm.found.untranslated.any", 0.003),
    ("mqm.found.omission.matching", 0.012),
    ("mqm.found.omission.any", 0.110),
    ("mqm.found.named-entity.matching", 0.000),
    ("mqm.found.named-entity.any", 0.000),
    ("mqm.found.number.matching", 0.000),
    ("mqm.found.number.any", 0.005),
    ("alignment.textberg-dev.strict.f1", 0.696),
    ("alignment.textberg-dev.lax.f1", 0.904),
    ("alignment.textberg-test.strict.f1", 0.768),
    ("alignment.textberg-test.lax.f1", 0.886),
    ("alignment.hunalign-dtm.strict.f1", 0.961),
    ("alignment.hunalign-dtm.lax.f1", 0.977),
    ("langid.sentences.ar", 0.974),
    ("langid.sentences.bg", 0.962),
    ("langid.sentences.ca", 0.791),
    ("langid.sentences.cs", 0.806),
    ("langid.sentences.da", 0.827),
    ("langid.sentences.de", 0.961),
    ("langid.sentences.el", 0.978),
    ("langid.sentences.en", 0.927),
    ("langid.sentences.es", 0.912),
    ("langid.sentences.fr", 0.967),
    ("langid.sentences.it", 0.949),
    ("langid.sentences.ja", 0.980),
    ("langid.sentences.ko", 0.975),
    ("langid.sentences.nb", 0.783),
    ("langid.sentences.nl", 0.934),
    ("langid.sentences.pl", 0.972),
    ("langid.sentences.pt", 0.961),
    ("langid.sentences.ro", 0.894),
    ("langid.sentences.ru", 0.832),
    ("langid.sentences.sr", 0.934),
    ("langid.sentences.sv", 0.911),
    ("langid.sentences.tr", 0.962),
    ("langid.sentences.uk", 0.971),
    ("langid.sentences.zh", 0.980),
    ("langid.sentences.mean", 0.928),
    ("langid.word-pairs.ar", 0.907),
    ("langid.word-pairs.bg", 0.792),
    ("langid.word-pairs.ca", 0.465),
    ("langid.word-pairs.cs", 0.653),
    ("langid.word-pairs.da", 0.459),
    ("langid.word-pairs.de", 0.663),
    ("langid.word-pairs.el", 0.980),
    ("langid.word-pairs.en", 0.371),
    ("langid.word-pairs.es", 0.348),
    ("langid.word-pairs.fr", 0.672),
    ("langid.word-pairs.it", 0.521),
    ("langid.word-pairs.ja", 0.980),
    ("langid.word-pairs.ko", 0.980),
    ("langid.word-pairs.nb", 0.436),
    ("langid.word-pairs.nl", 0.450),
    ("langid.word-pairs.pl", 0.813),
    ("langid.word-pairs.pt", 0.548),
    ("langid.word-pairs.ro", 0.655),
    ("langid.word-pairs.ru", 0.708),
    ("langid.word-pairs.sr", 0.750),
    ("langid.word-pairs.sv", 0.579),
    ("langid.word-pairs.tr", 0.696),
    ("langid.word-pairs.uk", 0.901),
    ("langid.word-pairs.zh", 0.980),
    ("langid.word-pairs.mean", 0.686),
];
