//! Parsers for `mqm-news/` (MQM TSV with `<v>…</v>` span marks and CSV
//! quote-escaping artefacts) and `wmt24-esa/` (ESA JSON Lines).

use super::annotations::{Annotation, ErrorClass, RatedSegment, char_span_inclusive, is_human};
use super::data::{Malformed, Tsv, one_line};
use super::error::EvalError;
use crate::finding::SideKind;
use serde::Deserialize;
use std::collections::HashMap;

/// Folder of the MQM files.
pub const MQM_FOLDER: &str = "mqm-news";
/// Folder of the ESA file.
pub const ESA_FOLDER: &str = "wmt24-esa";

/// Rated segments of one file and what could not be used.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Segments in order of first appearance.
    pub segments: Vec<RatedSegment>,
    /// Lines that could not be parsed.
    pub malformed: Malformed,
    /// Rows left out as rater-attention checks (`HOTW-test`).
    pub attention_checks: usize,
    /// Spans kept without position because their row's text differed from
    /// the segment's, or their offsets fell outside the text.
    pub unplaced: usize,
}

/// Undoes the CSV quote escaping described in the `mqm-news` README: a field
/// wrapped in `"` whose inner quotes are all doubled loses the wrapping and
/// the doubling; with `collapse_doubled` (newstest2020) any remaining `""`
/// becomes `"` too.
pub fn unescape_field(field: &str, collapse_doubled: bool) -> String {
    let mut s = field.to_string();
    if field.len() >= 2 && field.starts_with('"') && field.ends_with('"') {
        let inner = &field[1..field.len() - 1];
        if quotes_all_doubled(inner) {
            s = inner.replace("\"\"", "\"");
        }
    }
    if collapse_doubled {
        s = s.replace("\"\"", "\"");
    }
    s
}

fn quotes_all_doubled(inner: &str) -> bool {
    let b = inner.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            if b.get(i + 1) == Some(&b'"') {
                i += 2;
                continue;
            }
            return false;
        }
        i += 1;
    }
    true
}

/// Removes the `<v>`/`</v>` marks and returns the plain text and the byte
/// range of the first marked span in it.
pub fn strip_marks(text: &str) -> (String, Option<(usize, usize)>) {
    let span = text.find("<v>").and_then(|a| {
        let b = a + 3 + text[a + 3..].find("</v>")?;
        let inner = text[a + 3..b].replace("<v>", "").replace("</v>", "");
        let before = text[..a].replace("<v>", "").replace("</v>", "");
        Some((before.len(), before.len() + inner.len()))
    });
    (text.replace("<v>", "").replace("</v>", ""), span)
}

/// Data set label and languages from a file name such as
/// `mqm_newstest2021_ende.tsv` → (`newstest2021 en-de`, `en`, `de`,
/// newstest2020?).
pub fn mqm_file_info(name: &str) -> Option<(String, String, String, bool)> {
    let stem = name.strip_prefix("mqm_")?.strip_suffix(".tsv")?;
    let stem = stem.strip_suffix(".sample").unwrap_or(stem);
    let mut parts = stem.split('_');
    let set = parts.next()?;
    let pair = parts.next()?;
    if pair.len() != 4 || !pair.is_ascii() {
        return None;
    }
    let (s, t) = pair.split_at(2);
    let rest: Vec<&str> = parts.collect();
    let label = if rest.is_empty() {
        format!("{set} {s}-{t}")
    } else {
        format!("{set} {s}-{t} {}", rest.join(" "))
    };
    Some((label, s.to_string(), t.to_string(), set == "newstest2020"))
}

/// Parses one MQM TSV file (one row per error; `No-error` rows for clean
/// ratings).
pub fn parse_mqm(name: &str, text: &str) -> Result<Parsed, EvalError> {
    let path = format!("{MQM_FOLDER}/{name}");
    let (label, src_lang, tgt_lang, collapse) =
        mqm_file_info(name).ok_or_else(|| EvalError::Layout {
            path: path.clone(),
            reason: "file name does not say the data set and language pair".to_string(),
        })?;
    let tsv = Tsv::parse(text);
    let col = |n: &str| tsv.require(&path, n);
    let (system, doc, rater) = (col("system")?, col("doc")?, col("rater")?);
    let (source, target) = (col("source")?, col("target")?);
    let (category, severity) = (col("category")?, col("severity")?);
    let seg_cols: Vec<usize> = ["doc_id", "seg_id", "docSegId"]
        .iter()
        .filter_map(|c| tsv.col(c))
        .collect();
    let needed = [system, doc, rater, source, target, category, severity]
        .into_iter()
        .chain(seg_cols.iter().copied())
        .max()
        .unwrap_or(0)
        + 1;
    let mut out = Parsed::default();
    // First pass: rows grouped by segment, in order of first appearance.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<(String, bool, Vec<Row>)> = Vec::new();
    for (line, f) in &tsv.rows {
        if f.len() < needed {
            out.malformed.add(
                &path,
                *line,
                format!("{} fields, expected at least {needed}", f.len()),
            );
            continue;
        }
        let sev = f[severity];
        if sev == "HOTW-test" {
            out.attention_checks += 1;
            continue;
        }
        let seg_id: Vec<&str> = seg_cols.iter().map(|&c| f[c]).collect();
        let key = format!("{}/{}/{}", f[system], f[doc], seg_id.join("/"));
        let (source_text, src_span) = strip_marks(&one_line(&unescape_field(f[source], collapse)));
        let (target_text, tgt_span) = strip_marks(&one_line(&unescape_field(f[target], collapse)));
        let cat = f[category];
        let kind = if cat.eq_ignore_ascii_case("no-error") || sev.eq_ignore_ascii_case("no-error") {
            RowKind::NoError
        } else if sev.eq_ignore_ascii_case("neutral") {
            RowKind::Neutral
        } else {
            let (side, span, span_text) = match (tgt_span, src_span) {
                (Some(s), _) => (SideKind::Target, Some(s), target_text.get(s.0..s.1)),
                (None, Some(s)) => (SideKind::Source, Some(s), source_text.get(s.0..s.1)),
                (None, None) => (SideKind::Target, None, None),
            };
            RowKind::Error(Annotation {
                class: ErrorClass::classify(cat, span_text),
                side,
                span,
            })
        };
        let row = Row {
            rater: f[rater].to_string(),
            source: source_text,
            target: target_text,
            kind,
        };
        match index.get(&key) {
            Some(&i) => groups[i].2.push(row),
            None => {
                index.insert(key.clone(), groups.len());
                groups.push((key, is_human(f[system]), vec![row]));
            }
        }
    }
    // Second pass: a segment's text is the one most of its rows carry (some
    // rows carry an annotator's variant); spans of other rows lose their
    // position.
    for (key, human, rows) in groups {
        let mut votes: Vec<((&str, &str), usize)> = Vec::new();
        for r in &rows {
            let t = (r.source.as_str(), r.target.as_str());
            match votes.iter_mut().find(|(v, _)| *v == t) {
                Some(v) => v.1 += 1,
                None => votes.push((t, 1)),
            }
        }
        let best = votes
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
            .map(|(_, (t, _))| *t)
            .unwrap_or(("", ""));
        let mut seg = RatedSegment {
            dataset: label.clone(),
            src_lang: src_lang.clone(),
            tgt_lang: tgt_lang.clone(),
            key,
            human,
            source: best.0.to_string(),
            target: best.1.to_string(),
            ratings: Vec::new(),
        };
        for r in &rows {
            let same = (r.source.as_str(), r.target.as_str()) == best;
            let rating = seg.rating_mut(&r.rater);
            match &r.kind {
                RowKind::NoError => rating.clean = rating.annotations.is_empty(),
                RowKind::Neutral => {}
                RowKind::Error(a) => {
                    let mut a = a.clone();
                    if !same && a.span.is_some() {
                        a.span = None;
                        out.unplaced += 1;
                    }
                    rating.annotations.push(a);
                    rating.clean = false;
                }
            }
        }
        out.segments.push(seg);
    }
    Ok(out)
}

/// What one MQM row says.
enum RowKind {
    NoError,
    Neutral,
    Error(Annotation),
}

/// One MQM row, before segments are built.
struct Row {
    rater: String,
    source: String,
    target: String,
    kind: RowKind,
}

/// One ESA item as stored.
#[derive(Debug, Deserialize)]
struct EsaLine {
    langs: String,
    system: String,
    line: i64,
    annotator: String,
    esa_score: f64,
    esa_spans: Vec<EsaSpan>,
    src: String,
    tgt: String,
}

#[derive(Debug, Deserialize)]
struct EsaSpan {
    start_i: serde_json::Value,
    end_i: serde_json::Value,
}

/// ESA items without spans count as clean from this score up (the README's
/// suggestion).
pub const ESA_CLEAN_SCORE: f64 = 90.0;

/// Parses the ESA JSON Lines: one rated segment per (pair, system,
/// paragraph), one rating per annotator; spans have no category, `missing`
/// spans are omissions.
pub fn parse_esa(name: &str, text: &str) -> Parsed {
    let path = format!("{ESA_FOLDER}/{name}");
    let mut out = Parsed::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let item: EsaLine = match serde_json::from_str(raw) {
            Ok(i) => i,
            Err(e) => {
                out.malformed.add(&path, n + 1, e.to_string());
                continue;
            }
        };
        let Some((s, t)) = item.langs.split_once('-') else {
            out.malformed
                .add(&path, n + 1, format!("bad langs '{}'", item.langs));
            continue;
        };
        let key = format!("{}/{}/{}", item.langs, item.system, item.line);
        let src = one_line(&item.src);
        let tgt = one_line(&item.tgt);
        let i = *index.entry(key.clone()).or_insert_with(|| {
            out.segments.push(RatedSegment {
                dataset: format!("WMT24 ESA {}", item.langs),
                src_lang: s.to_string(),
                tgt_lang: t.to_string(),
                key,
                human: is_human(&item.system),
                source: src.clone(),
                target: tgt.clone(),
                ratings: Vec::new(),
            });
            out.segments.len() - 1
        });
        let seg = &mut out.segments[i];
        let same_text = seg.target == tgt;
        let rating = seg.rating_mut(&item.annotator);
        for sp in &item.esa_spans {
            let missing = sp.start_i.as_str() == Some("missing");
            let span = match (sp.start_i.as_u64(), sp.end_i.as_u64()) {
                (Some(a), Some(b)) if same_text => {
                    let r = char_span_inclusive(&tgt, a as usize, b as usize);
                    if r.is_none() {
                        out.unplaced += 1;
                    }
                    r
                }
                _ => None,
            };
            rating.annotations.push(Annotation {
                class: if missing {
                    ErrorClass::Omission
                } else {
                    ErrorClass::Other
                },
                side: SideKind::Target,
                span,
            });
        }
        rating.clean = item.esa_spans.is_empty() && item.esa_score >= ESA_CLEAN_SCORE;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_csv_artefacts() {
        assert_eq!(
            unescape_field(r#""US ""failures"" hold""#, false),
            r#"US "failures" hold"#
        );
        assert_eq!(
            unescape_field(r#""quoted" and "more""#, false),
            r#""quoted" and "more""#
        );
        assert_eq!(unescape_field(r#"a ""b"" c"#, false), r#"a ""b"" c"#);
        assert_eq!(unescape_field(r#"a ""b"" c"#, true), r#"a "b" c"#);
        assert_eq!(unescape_field("„typographic“", true), "„typographic“");
        assert_eq!(unescape_field("\"", false), "\"");
    }

    #[test]
    fn strips_span_marks() {
        assert_eq!(
            strip_marks("a <v>bc</v> d"),
            ("a bc d".to_string(), Some((2, 4)))
        );
        assert_eq!(strip_marks("no marks"), ("no marks".to_string(), None));
        assert_eq!(strip_marks("<v></v>x"), ("x".to_string(), Some((0, 0))));
        assert_eq!(strip_marks("dangling <v>x").1, None);
    }

    #[test]
    fn file_names_give_labels() {
        assert_eq!(
            mqm_file_info("mqm_newstest2021_zhen.tsv"),
            Some(("newstest2021 zh-en".into(), "zh".into(), "en".into(), false))
        );
        assert_eq!(
            mqm_file_info("mqm_generalMT2023_ende_sxs.sample.tsv").map(|i| i.0),
            Some("generalMT2023 en-de sxs".into())
        );
        assert!(mqm_file_info("mqm_newstest2020_ende.sample.tsv").is_some_and(|i| i.3));
        assert_eq!(mqm_file_info("other.tsv"), None);
    }

    const MQM: &str = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\n\
        hyp.X\td1\t1\t1\tr1\tSee 5 <v>cats</v>.\tSiehe 5 Katzen.\tAccuracy/Omission\tMajor\n\
        hyp.X\td1\t1\t1\tr1\tSee 5 cats.\tSiehe <v>6</v> Katzen.\tAccuracy/Mistranslation\tMinor\n\
        hyp.X\td1\t1\t1\tr2\tSee 5 cats.\tSiehe 5 Katzen.\tNo-error\tNo-error\n\
        ref.A\td1\t1\t1\tr1\t\"See \"\"5\"\" cats.\"\tSiehe 5 Katzen.\tNo-error\tNo-error\n\
        ref.A\td1\t1\t1\tr2\tSee 5 cats.\tSiehe 5 Katzen.\tFluency/Punctuation\tHOTW-test\n\
        short\trow\n";

    #[test]
    fn parses_mqm_rows_into_ratings() {
        let p = parse_mqm("mqm_newstest2021_ende.tsv", MQM).expect("parses");
        assert_eq!(p.malformed.count, 1);
        assert_eq!(p.attention_checks, 1);
        assert_eq!(p.segments.len(), 2);
        let mt = &p.segments[0];
        assert!(!mt.human);
        assert_eq!(mt.target, "Siehe 5 Katzen.");
        let r1 = &mt.ratings[0];
        assert_eq!(r1.annotations.len(), 2);
        assert_eq!(r1.annotations[0].class, ErrorClass::Omission);
        assert_eq!(r1.annotations[0].side, SideKind::Source);
        assert_eq!(r1.annotations[0].span, Some((6, 10)));
        // The second row's text differs from the segment's (most rows say
        // "5"), so its span is kept without position.
        assert_eq!(r1.annotations[1].class, ErrorClass::Number);
        assert_eq!(r1.annotations[1].span, None);
        assert!(mt.ratings[1].clean);
        let rf = &p.segments[1];
        assert!(rf.human);
        assert_eq!(rf.source, "See \"5\" cats.");
        assert!(rf.ratings[0].clean);
    }

    #[test]
    fn parses_esa_items() {
        let text = r#"{"langs": "en-cs", "doc_id": "d", "domain": "news", "line": 3, "para": 1, "system": "refA", "annotator": "a1", "wave": 2, "esa_score": 95, "esa_spans": [], "src": "Hi.", "tgt": "Ahoj."}
{"langs": "en-cs", "doc_id": "d", "domain": "news", "line": 3, "para": 1, "system": "refA", "annotator": "a2", "wave": 2, "esa_score": 40, "esa_spans": [{"start_i": 1, "end_i": 2, "severity": "minor", "error_type": null}, {"start_i": "missing", "end_i": "missing", "severity": "major", "error_type": null}], "src": "Hi.", "tgt": "Ahoj."}
{broken"#;
        let p = parse_esa("esa.jsonl", text);
        assert_eq!(p.malformed.count, 1);
        assert_eq!(p.segments.len(), 1);
        let s = &p.segments[0];
        assert!(s.human);
        assert!(s.ratings[0].clean);
        let a = &s.ratings[1].annotations;
        assert_eq!(a[0].span, Some((1, 3)));
        assert_eq!(a[1].class, ErrorClass::Omission);
        assert!(!s.ratings[1].clean);
    }
}
