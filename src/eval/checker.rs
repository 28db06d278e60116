//! Runs the product's pipeline on evaluation pairs: builds a [`Document`]
//! from paragraph lists and reads back which findings count.

use super::data::one_line;
use crate::finding::{Category, Severity};
use crate::ingest::{Document, side_from_text};
use crate::lang::LangTag;
use crate::pipeline::{CheckOptions, DocumentReport, ReportedFinding, check_document};

/// Lowest severity counted by every suite: warnings and errors are what an
/// editor sees by default; `info` findings are hints.
pub const COUNTED: Severity = Severity::Warning;

/// Runs every registered rule with its default severity.
#[derive(Default)]
pub struct Checker {
    opts: CheckOptions,
}

impl Checker {
    /// Checks one document.
    pub fn check(&self, doc: &Document) -> DocumentReport {
        check_document(doc, &self.opts)
    }

    /// Builds and checks a pair of paragraph lists.
    pub fn check_pair(
        &self,
        id: &str,
        source: Option<(&str, &[String])>,
        target: (&str, &[String]),
    ) -> DocumentReport {
        self.check(&document(id, source, target))
    }
}

/// A document whose paragraphs are the given texts (line breaks inside a
/// text become spaces, so paragraph `i` of each side is text `i` when no
/// text is blank). Languages are declared, as a newsroom would.
pub fn document(
    id: &str,
    source: Option<(&str, &[String])>,
    target: (&str, &[String]),
) -> Document {
    let side = |name: &str, lang: &str, paras: &[String]| {
        let text = paras
            .iter()
            .map(|p| one_line(p))
            .collect::<Vec<_>>()
            .join("\n\n");
        side_from_text(&format!("{id}.{name}"), text, 0, LangTag::parse(lang))
    };
    Document {
        id: id.to_string(),
        source: source.map(|(lang, p)| side("source", lang, p)),
        target: side("target", target.0, target.1),
    }
}

/// True when a finding is severe enough to count.
pub fn counts(f: &ReportedFinding) -> bool {
    f.severity >= COUNTED
}

/// The paragraph a finding concerns: its target paragraph, else its source
/// paragraph (a dropped paragraph has no target; in evaluation pairs the
/// paragraphs of both sides correspond one to one).
pub fn paragraph_of(f: &ReportedFinding) -> Option<usize> {
    f.target_paragraph.or(f.source_paragraph)
}

/// True when `f` counts and its category is one of `cats` (any category
/// when `cats` is empty).
pub fn counts_as(f: &ReportedFinding, cats: &[Category]) -> bool {
    counts(f) && (cats.is_empty() || cats.contains(&f.category))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_map_one_to_one() {
        let src = vec!["Erster Absatz.".to_string(), "Zweiter\nAbsatz.".to_string()];
        let tgt = vec![
            "First paragraph.".to_string(),
            "Second paragraph.".to_string(),
        ];
        let d = document("x", Some(("de", &src)), ("en", &tgt));
        let s = d.source.as_ref().expect("source");
        assert_eq!(s.paragraphs.len(), 2);
        assert_eq!(s.paragraph_text(1), "Zweiter Absatz.");
        assert_eq!(d.target.paragraph_text(1), "Second paragraph.");
        assert_eq!(
            d.target.declared_lang.as_ref().map(|t| t.lang.code()),
            Some("en")
        );
    }
}
