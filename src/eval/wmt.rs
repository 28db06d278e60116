//! Parser for `wmt-newstest/`: WMT test sets as TSV, grouped into documents
//! (`doc_id`) and paragraphs (consecutive rows with the same `para`), each
//! reference column giving one [`Pair`].

use super::data::{DataDir, Malformed, Tsv};
use super::error::EvalError;
use super::pairs::{Pair, join_sentences};
use std::collections::HashMap;

/// Folder of the WMT test sets.
pub const FOLDER: &str = "wmt-newstest";

/// Columns that describe structure rather than text.
const STRUCTURE: &[&str] = &["doc_id", "domain", "origlang", "line", "para", "seg"];

/// The pairs of all files, with what was skipped.
#[derive(Debug, Default)]
pub struct WmtCorpus {
    /// Clean pairs, in file, document and column order.
    pub pairs: Vec<Pair>,
    /// Lines that could not be used.
    pub malformed: Malformed,
    /// (document, reference) combinations skipped because some but not all
    /// of the reference's paragraphs were empty.
    pub incomplete: usize,
    /// Files read.
    pub files: Vec<String>,
}

/// Reads every `*.tsv` of the folder.
pub fn load(data: &DataDir) -> Result<WmtCorpus, EvalError> {
    let mut corpus = WmtCorpus::default();
    for name in data.list(FOLDER, ".tsv")? {
        let text = data.read(&format!("{FOLDER}/{name}"))?;
        parse_file(&name, &text, &mut corpus)?;
        corpus.files.push(name);
    }
    Ok(corpus)
}

/// The rows of one document, grouped by paragraph.
struct DocRows<'a> {
    id: String,
    domain: String,
    paragraphs: Vec<Vec<Vec<&'a str>>>,
}

/// A text column: its index, its language and its reference label.
struct TextColumn {
    index: usize,
    lang: String,
    label: String,
}

/// Languages from a file name such as `wmt21.de-fr.tsv` (`None` for
/// `en-xx`-style names, whose columns name their languages).
fn file_langs(name: &str) -> Option<(String, String)> {
    let stem = name.strip_suffix(".tsv").unwrap_or(name);
    let pair = stem.rsplit('.').next()?;
    let (s, t) = pair.split_once('-')?;
    (s.len() == 2 && t.len() == 2).then(|| (s.to_string(), t.to_string()))
}

/// Parses one file into `out`.
pub fn parse_file(name: &str, text: &str, out: &mut WmtCorpus) -> Result<(), EvalError> {
    let tsv = Tsv::parse(text);
    let doc_col = tsv.require(name, "doc_id")?;
    let para_col = tsv.require(name, "para")?;
    let domain_col = tsv.col("domain");
    let first_text = tsv
        .header
        .iter()
        .position(|h| !STRUCTURE.contains(h))
        .ok_or_else(|| EvalError::Layout {
            path: name.to_string(),
            reason: "no text columns".to_string(),
        })?;
    let langs = file_langs(name);
    let column = |i: usize, h: &str, is_source: bool| -> Option<TextColumn> {
        let lang = if h == "source" || h.starts_with("ref_") {
            langs
                .as_ref()
                .map(|(s, t)| if is_source { s.clone() } else { t.clone() })?
        } else {
            h.split('_').next()?.to_string()
        };
        Some(TextColumn {
            index: i,
            lang,
            label: h.to_string(),
        })
    };
    let source =
        column(first_text, tsv.header[first_text], true).ok_or_else(|| EvalError::Layout {
            path: name.to_string(),
            reason: "cannot tell the source language".to_string(),
        })?;
    let refs: Vec<TextColumn> = tsv
        .header
        .iter()
        .enumerate()
        .skip(first_text + 1)
        .filter_map(|(i, h)| column(i, h, false))
        .collect();
    let set = name.strip_suffix(".tsv").unwrap_or(name).to_string();
    let width = tsv.header.len();

    // Documents in order of first appearance.
    let mut docs: Vec<DocRows> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut last_para: Option<(usize, &str)> = None;
    for (line, fields) in &tsv.rows {
        if fields.len() != width {
            out.malformed.add(
                &format!("{FOLDER}/{name}"),
                *line,
                format!("{} fields, expected {width}", fields.len()),
            );
            continue;
        }
        let doc_id = fields[doc_col];
        let para = fields[para_col];
        let d = *index.entry(doc_id).or_insert_with(|| {
            docs.push(DocRows {
                id: doc_id.to_string(),
                domain: domain_col.map_or("news", |c| fields[c]).to_string(),
                paragraphs: Vec::new(),
            });
            docs.len() - 1
        });
        let paragraphs = &mut docs[d].paragraphs;
        if last_para == Some((d, para)) {
            if let Some(p) = paragraphs.last_mut() {
                p.push(fields.clone());
            }
        } else {
            paragraphs.push(vec![fields.clone()]);
        }
        last_para = Some((d, para));
    }

    for DocRows {
        id: doc_id,
        domain,
        paragraphs,
    } in docs
    {
        let text_of = |col: &TextColumn| -> Vec<String> {
            paragraphs
                .iter()
                .map(|rows| {
                    let cells: Vec<&str> = rows.iter().map(|r| r[col.index]).collect();
                    join_sentences(&col.lang, &cells)
                })
                .collect()
        };
        let src = text_of(&source);
        for r in &refs {
            let tgt = text_of(r);
            let empty = tgt.iter().filter(|t| t.is_empty()).count();
            if empty == tgt.len() {
                continue;
            }
            let src_empty = src.iter().any(|s| s.is_empty());
            if empty > 0 || src_empty {
                out.incomplete += 1;
                continue;
            }
            out.pairs.push(Pair {
                set: set.clone(),
                doc: doc_id.clone(),
                domain: domain.clone(),
                reference: r.label.clone(),
                src_lang: source.lang.clone(),
                tgt_lang: r.lang.clone(),
                source: src.clone(),
                target: tgt,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PER_PAIR: &str = "doc_id\tdomain\toriglang\tpara\tseg\tsource\tref_A\tref_B\n\
        d1\tnews\tde\t1\t1\tKopf.\tTête.\t\n\
        d1\tnews\tde\t2\t2\tEins.\tUn.\t\n\
        d1\tnews\tde\t2\t3\tZwei.\tDeux.\t\n\
        d2\tnews\tde\t1\t1\tAllein.\tSeul.\tSeule.\n\
        d2\tnews\tde\t1\t2\tbroken line\n";

    #[test]
    fn groups_rows_into_documents_and_paragraphs() {
        let mut c = WmtCorpus::default();
        parse_file("wmt21.de-fr.tsv", PER_PAIR, &mut c).expect("parses");
        assert_eq!(c.malformed.count, 1);
        assert_eq!(c.pairs.len(), 3, "{:?}", c.pairs);
        let p = &c.pairs[0];
        assert_eq!((p.doc.as_str(), p.reference.as_str()), ("d1", "ref_A"));
        assert_eq!((p.src_lang.as_str(), p.tgt_lang.as_str()), ("de", "fr"));
        assert_eq!(p.source, ["Kopf.", "Eins. Zwei."]);
        assert_eq!(p.target, ["Tête.", "Un. Deux."]);
        assert_eq!(c.pairs[2].reference, "ref_B");
        assert_eq!(c.pairs[2].target, ["Seule."]);
        assert_eq!(p.key(), "wmt21.de-fr/d1/ref_A");
    }

    #[test]
    fn multi_parallel_columns_name_their_languages() {
        let text = "doc_id\tdomain\tline\tpara\ten\tcs_A\tja_A\n\
            d\tspeech\t1\t1\tHello there.\tAhoj.\tこんにちは。\n\
            d\tspeech\t2\t2\tBye.\t\tさようなら。\n";
        let mut c = WmtCorpus::default();
        parse_file("wmt24.en-xx.tsv", text, &mut c).expect("parses");
        assert_eq!(c.incomplete, 1);
        assert_eq!(c.pairs.len(), 1);
        assert_eq!(c.pairs[0].tgt_lang, "ja");
        assert_eq!(c.pairs[0].domain, "speech");
        assert_eq!(c.pairs[0].target.len(), 2);
    }

    #[test]
    fn missing_header_column_is_a_layout_error() {
        let mut c = WmtCorpus::default();
        assert!(parse_file("x.tsv", "a\tb\n1\t2\n", &mut c).is_err());
    }
}
