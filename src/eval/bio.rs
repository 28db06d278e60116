//! Parser for `bio-mqm-it/`: expert MQM annotations of English↔Italian
//! biomedical abstracts (JSON Lines), as rated segments and, for the human
//! references, as clean document pairs.

use super::annotations::{Annotation, ErrorClass, RatedSegment, char_span_inclusive, is_human};
use super::data::{DataDir, Malformed, one_line};
use super::error::EvalError;
use super::pairs::Pair;
use crate::finding::SideKind;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Folder of the data set.
pub const FOLDER: &str = "bio-mqm-it";

/// One annotated segment as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct BioLine {
    /// `en-it` or `it-en`.
    pub pair: String,
    /// System (`mtcarousel`, `reference`, `reference_r1`).
    pub system: String,
    /// Document id.
    pub doc_id: String,
    /// Sentence number in the document.
    pub seg_id: i64,
    /// Annotator code.
    pub annotator: String,
    /// Source sentence.
    pub source: String,
    /// Translation.
    pub target: String,
    /// Errors in the translation.
    #[serde(default)]
    pub target_errors: Vec<BioError>,
    /// Errors in the source.
    #[serde(default)]
    pub source_errors: Vec<BioError>,
}

/// One annotated error as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct BioError {
    /// The marked text.
    #[serde(default)]
    pub term: String,
    /// First code point (0-based).
    #[serde(rename = "startIndex")]
    pub start: Option<i64>,
    /// Last code point (inclusive).
    #[serde(rename = "endIndex")]
    pub end: Option<i64>,
    /// MQM category.
    #[serde(default)]
    pub error_category: String,
    /// MQM subcategory.
    #[serde(default)]
    pub error_subcategory: Option<String>,
    /// Minor, Major, Critical, Neutral.
    #[serde(default)]
    pub severity: String,
}

/// The lines of both files.
#[derive(Debug, Default)]
pub struct BioData {
    /// Parsed lines in file order.
    pub lines: Vec<BioLine>,
    /// Lines that could not be parsed.
    pub malformed: Malformed,
}

/// Reads every `*.jsonl` of the folder.
pub fn load(data: &DataDir) -> Result<BioData, EvalError> {
    let mut out = BioData::default();
    for name in data.list(FOLDER, ".jsonl")? {
        let text = data.read(&format!("{FOLDER}/{name}"))?;
        parse(&format!("{FOLDER}/{name}"), &text, &mut out);
    }
    Ok(out)
}

/// Parses JSON Lines into `out`, counting malformed lines.
pub fn parse(file: &str, text: &str, out: &mut BioData) {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<BioLine>(line) {
            Ok(l) => out.lines.push(l),
            Err(e) => out.malformed.add(file, i + 1, e.to_string()),
        }
    }
}

fn langs_of(pair: &str) -> Option<(String, String)> {
    let (s, t) = pair.split_once('-')?;
    Some((s.to_string(), t.to_string()))
}

/// Source and target sentences of one document, by sentence number.
type Sentences = BTreeMap<i64, (String, String)>;

/// The human references as clean documents: one pair per (direction,
/// reference version, abstract), one paragraph per sentence.
pub fn reference_pairs(data: &BioData) -> Vec<Pair> {
    let mut docs: BTreeMap<(String, String, String), Sentences> = BTreeMap::new();
    for l in data.lines.iter().filter(|l| is_human(&l.system)) {
        docs.entry((l.pair.clone(), l.system.clone(), l.doc_id.clone()))
            .or_default()
            .entry(l.seg_id)
            .or_insert_with(|| (l.source.clone(), l.target.clone()));
    }
    docs.into_iter()
        .filter_map(|((pair, system, doc), segs)| {
            let (src_lang, tgt_lang) = langs_of(&pair)?;
            let (source, target): (Vec<String>, Vec<String>) = segs
                .into_values()
                .filter(|(s, t)| !s.trim().is_empty() && !t.trim().is_empty())
                .unzip();
            (!source.is_empty()).then(|| Pair {
                set: FOLDER.to_string(),
                doc,
                domain: "biomedical".to_string(),
                reference: system,
                src_lang,
                tgt_lang,
                source,
                target,
            })
        })
        .collect()
}

/// Byte span of an error: its offsets when they agree with its term, else
/// the occurrence of the term nearest to its start.
fn locate(
    text: &str,
    e: &BioError,
    relocated: &mut usize,
    unplaced: &mut usize,
) -> Option<(usize, usize)> {
    let by_offsets = match (e.start, e.end) {
        (Some(s), Some(t)) if s >= 0 && t >= 0 => char_span_inclusive(text, s as usize, t as usize),
        _ => None,
    };
    if let Some((s, t)) = by_offsets
        && (e.term.is_empty() || text.get(s..t) == Some(e.term.as_str()))
    {
        return Some((s, t));
    }
    if !e.term.is_empty() {
        let want = by_offsets.map_or(0, |(s, _)| s);
        if let Some(s) = text
            .match_indices(e.term.as_str())
            .map(|(i, _)| i)
            .min_by_key(|i| i.abs_diff(want))
        {
            *relocated += 1;
            return Some((s, s + e.term.len()));
        }
    }
    *unplaced += 1;
    None
}

/// All segments (machine and human) as rated segments, one rating per
/// annotator; also how many error spans were located by their term (their
/// offsets disagreed) and how many could not be located at all (kept
/// without position).
pub fn rated_segments(data: &BioData) -> (Vec<RatedSegment>, usize, usize) {
    let mut relocated = 0;
    let mut unplaced = 0;
    let mut order: Vec<(String, String, String, i64)> = Vec::new();
    let mut segs: BTreeMap<(String, String, String, i64), RatedSegment> = BTreeMap::new();
    for l in &data.lines {
        let Some((src_lang, tgt_lang)) = langs_of(&l.pair) else {
            continue;
        };
        let key = (l.pair.clone(), l.system.clone(), l.doc_id.clone(), l.seg_id);
        let source = one_line(&l.source);
        let target = one_line(&l.target);
        let seg = segs.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            RatedSegment {
                dataset: format!("bio-mqm {}", l.pair),
                src_lang,
                tgt_lang,
                key: format!("{}/{}/{}", l.system, l.doc_id, l.seg_id),
                human: is_human(&l.system),
                source: source.clone(),
                target: target.clone(),
                ratings: Vec::new(),
            }
        });
        let same_text = seg.source == source && seg.target == target;
        let rating = seg.rating_mut(&l.annotator);
        let mut add = |errors: &[BioError], text: &str, side: SideKind| {
            for e in errors {
                if e.severity.eq_ignore_ascii_case("neutral") {
                    continue;
                }
                let span = if same_text {
                    locate(text, e, &mut relocated, &mut unplaced)
                } else {
                    None
                };
                let category = format!(
                    "{}/{}",
                    e.error_category,
                    e.error_subcategory.as_deref().unwrap_or("")
                );
                rating.annotations.push(Annotation {
                    class: ErrorClass::classify(&category, Some(&e.term)),
                    side,
                    span,
                });
            }
        };
        add(&l.target_errors, &target, SideKind::Target);
        add(&l.source_errors, &source, SideKind::Source);
        rating.clean = rating.annotations.is_empty();
    }
    let list = order.into_iter().filter_map(|k| segs.remove(&k)).collect();
    (list, relocated, unplaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINES: &str = r#"{"pair": "en-it", "system": "reference", "doc_id": "d1", "seg_id": 2, "annotator": "A", "source": "Second one.", "target": "Seconda frase.", "source_errors": [], "target_errors": []}
{"pair": "en-it", "system": "reference", "doc_id": "d1", "seg_id": 1, "annotator": "A", "source": "First, 1.5 mg.", "target": "Prima, 1.5 mg.", "source_errors": [], "target_errors": [{"term": "1.5", "startIndex": 7, "endIndex": 9, "error_category": "Locale_conventions", "error_subcategory": "Number_format", "severity": "Minor"}, {"term": "Prima", "startIndex": 3, "endIndex": 7, "error_category": "Style", "error_subcategory": "Non_fluent", "severity": "Minor"}]}
{"pair": "en-it", "system": "mtcarousel", "doc_id": "d1", "seg_id": 1, "annotator": "B", "source": "First.", "target": "Prima.", "source_errors": [], "target_errors": []}
not json
"#;

    #[test]
    fn parses_lines_and_builds_reference_documents() {
        let mut d = BioData::default();
        parse("bio.jsonl", LINES, &mut d);
        assert_eq!(d.lines.len(), 3);
        assert_eq!(d.malformed.count, 1);
        let pairs = reference_pairs(&d);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].source, ["First, 1.5 mg.", "Second one."]);
        assert_eq!(pairs[0].target[1], "Seconda frase.");
        assert_eq!(pairs[0].pair_name(), "en-it");
    }

    #[test]
    fn spans_come_from_offsets_or_terms() {
        let mut d = BioData::default();
        parse("bio.jsonl", LINES, &mut d);
        let (segs, relocated, unplaced) = rated_segments(&d);
        assert_eq!(segs.len(), 3);
        let s = segs
            .iter()
            .find(|s| s.key == "reference/d1/1")
            .expect("segment");
        let a = &s.ratings[0].annotations;
        assert_eq!(a[0].class, ErrorClass::Number);
        assert_eq!(a[0].span, Some((7, 10)));
        // The second span's offsets are wrong; its term is found instead.
        assert_eq!(a[1].span, Some((0, 5)));
        assert_eq!((relocated, unplaced), (1, 0));
        assert!(!s.ratings[0].clean);
        assert!(segs.iter().any(|s| s.ratings[0].clean));
    }
}
