//! What a rule sees: both sides with their languages, sentences and the
//! alignment between them.

use crate::align::{Alignment, SideUnits};
use crate::detect::Detection;
use crate::ingest::Side;
use crate::lang::{Lang, LangTag};
use crate::segment::Sentence;

/// One side as rules see it.
#[derive(Debug, Clone, Copy)]
pub struct SideContext<'a> {
    /// The side: text, paragraphs, path.
    pub side: &'a Side,
    /// The language in force: declared, else detected.
    pub tag: Option<&'a LangTag>,
    /// What the detector found for the whole side.
    pub detected: Option<Detection>,
    /// What the detector found per paragraph.
    pub paragraph_langs: &'a [Option<Detection>],
    /// Sentences, features and paragraph ranges.
    pub units: &'a SideUnits,
}

impl<'a> SideContext<'a> {
    /// The language in force.
    pub fn lang(&self) -> Option<Lang> {
        self.tag.map(|t| t.lang)
    }

    /// The text of the side.
    pub fn text(&self) -> &'a str {
        &self.side.text
    }

    /// Number of paragraphs.
    pub fn paragraph_count(&self) -> usize {
        self.side.paragraphs.len()
    }

    /// The text of paragraph `i`.
    pub fn paragraph(&self, i: usize) -> &'a str {
        let p = self.side.paragraphs[i];
        &self.side.text[p.start..p.end]
    }

    /// Byte range of paragraph `i`.
    pub fn paragraph_range(&self, i: usize) -> (usize, usize) {
        let p = self.side.paragraphs[i];
        (p.start, p.end)
    }

    /// The sentences of paragraph `i`.
    pub fn sentences_of(&self, i: usize) -> &'a [Sentence] {
        &self.units.sentences[self.units.paragraph_sentences[i].clone()]
    }

    /// The text of sentence `k` (global index).
    pub fn sentence(&self, k: usize) -> &'a str {
        let s = self.units.sentences[k];
        &self.side.text[s.start..s.end]
    }

    /// Script-aware length of paragraph `i` (see [`crate::align::Features`]).
    pub fn paragraph_len(&self, i: usize) -> f64 {
        self.units.paragraph_features[i].len
    }
}

/// Everything a rule may look at for one document.
#[derive(Debug, Clone, Copy)]
pub struct PairContext<'a> {
    /// Document identifier.
    pub id: &'a str,
    /// The source side, when checking a pair.
    pub source: Option<SideContext<'a>>,
    /// The target side.
    pub target: SideContext<'a>,
    /// Paragraph and sentence alignment, when checking a pair.
    pub alignment: Option<&'a Alignment>,
    /// The user's glossary of names and terms, if one was given.
    pub glossary: Option<&'a crate::rules::names::Glossary>,
}

impl<'a> PairContext<'a> {
    /// The source side and alignment, for rules that need both.
    pub fn pair(&self) -> Option<(SideContext<'a>, &'a Alignment)> {
        Some((self.source?, self.alignment?))
    }

    /// The source paragraphs aligned with target paragraph `t`.
    pub fn sources_of(&self, t: usize) -> &'a [usize] {
        self.alignment
            .and_then(|a| {
                a.link_of_target(t)
                    .map(|k| a.paragraphs[k].source.as_slice())
            })
            .unwrap_or(&[])
    }
}
