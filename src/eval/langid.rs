//! Suite `langid`: the detect stage on Lingua's test sentences and word
//! pairs, beside the accuracy Lingua publishes for whatlang and for itself.

use super::EvalError;
use super::data::{DataDir, Malformed, Tsv};
use super::metrics::Share;
use super::report::{Better, Cell, SuiteReport, Table};
use crate::detect::{Detector, NEWS_LANGUAGES};
use crate::lang::Lang;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One line on what the suite measures.
pub const ABOUT: &str = "the detect stage (whatlang restricted to the news-language allowlist) on \
    `lingua-langid` sentences and word pairs, for every language of the folder that whatlang \
    supports: accuracy per language beside the whatlang and Lingua accuracies published in \
    `accuracy_lingua-rs.tsv` (read at run time; Lingua's detectors choose among all their \
    languages, ours among the allowlist).";

const FOLDER: &str = "lingua-langid";

/// The test types measured.
pub const TESTS: [&str; 2] = ["sentences", "word-pairs"];

/// The English name Lingua's tables use for an ISO 639-1 code.
pub fn lingua_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "ar" => "Arabic",
        "bg" => "Bulgarian",
        "ca" => "Catalan",
        "cs" => "Czech",
        "da" => "Danish",
        "de" => "German",
        "el" => "Greek",
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "it" => "Italian",
        "ja" => "Japanese",
        "ko" => "Korean",
        "nb" => "Bokmal",
        "nl" => "Dutch",
        "pl" => "Polish",
        "pt" => "Portuguese",
        "ro" => "Romanian",
        "ru" => "Russian",
        "sr" => "Serbian",
        "sv" => "Swedish",
        "tr" => "Turkish",
        "uk" => "Ukrainian",
        "zh" => "Chinese",
        "hu" => "Hungarian",
        "fi" => "Finnish",
        _ => return None,
    })
}

/// Published accuracies: (language name, test) → column → percent
/// (`None` where the table says NaN).
pub type Published = BTreeMap<(String, String), BTreeMap<String, Option<f64>>>;

/// Parses an accuracy table (`language test col…`, values in percent).
pub fn parse_accuracy(file: &str, text: &str, malformed: &mut Malformed) -> Published {
    let tsv = Tsv::parse(text);
    let mut out = Published::new();
    for (line, f) in &tsv.rows {
        if f.len() != tsv.header.len() || f.len() < 3 {
            malformed.add(file, *line, "wrong number of fields");
            continue;
        }
        let mut cols = BTreeMap::new();
        for (name, v) in tsv.header.iter().zip(f).skip(2) {
            let value = if v.eq_ignore_ascii_case("nan") {
                None
            } else {
                match v.parse::<f64>() {
                    Ok(x) => Some(x),
                    Err(_) => {
                        malformed.add(file, *line, format!("'{v}' is not a number"));
                        None
                    }
                }
            };
            cols.insert(name.to_string(), value);
        }
        out.insert((f[0].to_string(), f[1].to_string()), cols);
    }
    out
}

/// Results for one language and test type.
struct LangRow {
    code: &'static str,
    in_allowlist: bool,
    ours: Share,
    declared: Share,
    /// whatlang, Lingua high, Lingua low (percent).
    published: [Option<f64>; 3],
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

fn accuracy(detector: &Detector, lang: Lang, items: &[&str]) -> Share {
    let hits = items
        .par_iter()
        .filter(|t| detector.detect(t).is_some_and(|d| d.lang == lang))
        .count();
    Share::new(hits, items.len())
}

/// Runs the suite.
pub fn run(data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
    let mut malformed = Malformed::default();
    let table_file = format!("{FOLDER}/accuracy_lingua-rs.tsv");
    let published = match data.read(&table_file) {
        Ok(t) => parse_accuracy(&table_file, &t, &mut malformed),
        Err(e) => {
            report.note(format!("published figures unavailable: {e}"));
            Published::new()
        }
    };
    let news = Detector::new(&[]);
    for test in TESTS {
        let files = data.list(&format!("{FOLDER}/{test}"), ".txt")?;
        let mut table = Table::new(
            format!("Accuracy on {test}"),
            &[
                "language",
                "items",
                "wirecheck",
                "wirecheck, language declared",
                "whatlang (published)",
                "Lingua high (published)",
                "Lingua low (published)",
            ],
        );
        let mut rows: Vec<LangRow> = Vec::new();
        let mut outside = Vec::new();
        for name in files {
            let code = name.trim_end_matches(".txt");
            let Some(lang) = Lang::from_subtag(code).filter(|l| l.to_whatlang().is_some()) else {
                continue;
            };
            let text = data.read(&format!("{FOLDER}/{test}/{name}"))?;
            let items: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            let in_allowlist = NEWS_LANGUAGES.contains(&lang.code());
            let ours = accuracy(&news, lang, &items);
            let declared = if in_allowlist {
                ours
            } else {
                outside.push(lang.code());
                accuracy(&Detector::new(&[lang]), lang, &items)
            };
            let pubs = lingua_name(lang.code())
                .and_then(|n| published.get(&(n.to_string(), test.to_string())));
            let col = |c: &str| pubs.and_then(|m| m.get(c).copied().flatten());
            rows.push(LangRow {
                code: lang.code(),
                in_allowlist,
                ours,
                declared,
                published: [col("whatlang"), col("lingua_high"), col("lingua_low")],
            });
        }
        for r in &rows {
            table.push(vec![
                Cell::Text(format!("{} {}", r.code, lingua_name(r.code).unwrap_or(""))),
                Cell::Count(r.ours.total),
                Cell::Share(r.ours),
                Cell::Share(r.declared),
                Cell::Percent(r.published[0]),
                Cell::Percent(r.published[1]),
                Cell::Percent(r.published[2]),
            ]);
            report.share_figure(
                format!("langid.{test}.{}", r.code),
                r.declared,
                Better::Higher,
            );
        }
        let news_rows: Vec<&LangRow> = rows.iter().filter(|r| r.in_allowlist).collect();
        let all_rows: Vec<&LangRow> = rows.iter().collect();
        for (label, set) in [
            ("mean, news-allowlist languages", &news_rows),
            ("mean, all languages", &all_rows),
        ] {
            let share_mean = |f: &dyn Fn(&LangRow) -> Share| {
                mean(&set.iter().filter_map(|r| f(r).value()).collect::<Vec<_>>())
            };
            let mut row = vec![
                Cell::Text(format!("{label} ({})", set.len())),
                Cell::Count(set.iter().map(|r| r.ours.total).sum()),
                Cell::Percent(share_mean(&|r| r.ours).map(|v| 100.0 * v)),
                Cell::Percent(share_mean(&|r| r.declared).map(|v| 100.0 * v)),
            ];
            for i in 0..3 {
                // Published means only over languages every column covers.
                let v: Vec<f64> = set.iter().filter_map(|r| r.published[i]).collect();
                row.push(Cell::Percent(
                    (v.len() == set.len()).then(|| mean(&v)).flatten(),
                ));
            }
            table.push(row);
        }
        let news_mean = mean(
            &news_rows
                .iter()
                .filter_map(|r| r.ours.value())
                .collect::<Vec<_>>(),
        );
        report.figure(
            format!("langid.{test}.mean"),
            news_mean,
            news_rows.iter().map(|r| r.ours.total).sum(),
            Better::Higher,
        );
        if !outside.is_empty() {
            report.note(format!(
                "{test}: {} not in the news allowlist, so the default detector cannot answer them; \
                 the 'language declared' column adds the language, as the pipeline does when a \
                 side declares it",
                outside.join(", ")
            ));
        }
        report.tables.push(table);
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
    fn parses_accuracy_tables() {
        let mut m = Malformed::default();
        let p = parse_accuracy(
            "acc.tsv",
            "language\ttest\tcld2\twhatlang\nItalian\tsentences\t93.5\tNaN\nBad\trow\nGerman\tword-pairs\tx\t1\n",
            &mut m,
        );
        let it = &p[&("Italian".to_string(), "sentences".to_string())];
        assert_eq!(it["cld2"], Some(93.5));
        assert_eq!(it["whatlang"], None);
        assert_eq!(m.count, 2);
        assert_eq!(
            p[&("German".to_string(), "word-pairs".to_string())]["whatlang"],
            Some(1.0)
        );
    }

    #[test]
    fn names_match_lingua() {
        assert_eq!(lingua_name("nb"), Some("Bokmal"));
        assert_eq!(lingua_name("zh"), Some("Chinese"));
        assert_eq!(lingua_name("xx"), None);
    }
}
