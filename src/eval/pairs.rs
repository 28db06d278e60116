//! A clean article pair: a source and a professional translation, as lists
//! of corresponding paragraphs.

use crate::lang::Lang;

/// A source document and one human translation of it, paragraph by
/// paragraph (paragraph `i` of the target translates paragraph `i` of the
/// source).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Data set, e.g. `wmt21.de-fr` or `bio-mqm-it`.
    pub set: String,
    /// Document id in that set.
    pub doc: String,
    /// Domain (`news`, `speech`, `biomedical`…).
    pub domain: String,
    /// Which translation (column or system name, e.g. `ref_A`, `de_B`).
    pub reference: String,
    /// Source language (ISO 639-1).
    pub src_lang: String,
    /// Target language (ISO 639-1).
    pub tgt_lang: String,
    /// Source paragraphs.
    pub source: Vec<String>,
    /// Target paragraphs, as many as the source's.
    pub target: Vec<String>,
}

impl Pair {
    /// The language pair, e.g. `de-fr`.
    pub fn pair_name(&self) -> String {
        format!("{}-{}", self.src_lang, self.tgt_lang)
    }

    /// A unique, stable key: set, document and translation.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.set, self.doc, self.reference)
    }
}

/// True for languages whose sentences are joined without a space.
pub fn joins_without_space(lang: &str) -> bool {
    Lang::from_subtag(lang).is_some_and(|l| matches!(l.code(), "zh" | "ja"))
}

/// Joins the sentences of one paragraph.
pub fn join_sentences(lang: &str, sentences: &[&str]) -> String {
    let sep = if joins_without_space(lang) { "" } else { " " };
    sentences
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_by_script() {
        assert_eq!(join_sentences("de", &["Eins.", " Zwei. "]), "Eins. Zwei.");
        assert_eq!(join_sentences("ja", &["一。", "二。"]), "一。二。");
        assert_eq!(join_sentences("en", &["", "A."]), "A.");
    }
}
