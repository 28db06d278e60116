//! Names rules (3xx): misspelled, dropped, inconsistent and added names,
//! across scripts.
//!
//! The group shares one analysis: [`extract`] finds name candidates per
//! side, [`key`] builds matching keys that agree across transliteration
//! schemes and inflection, [`matching`] pairs source and target names, and
//! [`glossary`] lets a user glossary override the heuristics. Language facts
//! live in `corpora/tables/names/` ([`data`]).

pub mod data;
pub mod dropped_evidence;
pub mod extract;
pub mod glossary;
pub mod key;
pub mod lattice;
pub mod lexicon;
pub mod matching;
pub mod script;
pub mod wc301_name_misspelled;
pub mod wc302_name_dropped;
pub mod wc303_name_inconsistent;
pub mod wc304_name_added;

use crate::rules::{PairContext, Rule};

pub use glossary::{Glossary, GlossaryError, load_glossary};

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[
    &wc301_name_misspelled::NameMisspelled,
    &wc302_name_dropped::NameDropped,
    &wc303_name_inconsistent::NameInconsistent,
    &wc304_name_added::NameAdded,
];

/// The user glossary of names in force for a document, if any.
///
/// The pipeline does not carry a glossary yet; once `PairContext` has a
/// `glossary: Option<&Glossary>` field, this returns it.
pub fn glossary_of<'a>(cx: &PairContext<'a>) -> Option<&'a Glossary> {
    cx.glossary
}

/// Quotes a name for a message.
pub fn quoted(s: &str) -> String {
    format!("“{}”", s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Runs `f` on the rule context of a document (tests only).
#[cfg(test)]
pub fn with_context(d: &crate::ingest::Document, f: impl FnOnce(&PairContext<'_>)) {
    use crate::align::{SideUnits, align};
    use crate::detect::{Detector, detect_side};
    use crate::rules::SideContext;
    use crate::segment::split_sentences;
    let detector = Detector::new(&[]);
    let prep = |side: &crate::ingest::Side| {
        let langs = detect_side(side, &detector, None);
        let tag = side
            .declared_lang
            .clone()
            .or_else(|| langs.side.map(|d| crate::lang::LangTag::bare(d.lang)));
        let code = tag.as_ref().map(|t| t.lang.code());
        let mut sentences = Vec::new();
        for (i, p) in side.paragraphs.iter().enumerate() {
            split_sentences(&side.text, p.start, p.end, i, code, &mut sentences);
        }
        (
            langs,
            SideUnits::new(&side.text, side.paragraphs.len(), sentences),
            tag,
        )
    };
    let src = d.source.as_ref().map(|s| (s, prep(s)));
    let tgt = prep(&d.target);
    let alignment = src.as_ref().map(|(_, p)| align(&p.1, &tgt.1));
    type Prep = (
        crate::detect::SideLanguages,
        SideUnits,
        Option<crate::lang::LangTag>,
    );
    fn ctx<'a>(side: &'a crate::ingest::Side, p: &'a Prep) -> SideContext<'a> {
        SideContext {
            side,
            tag: p.2.as_ref(),
            detected: p.0.side,
            paragraph_langs: &p.0.paragraphs,
            units: &p.1,
        }
    }
    let cx = PairContext {
        id: &d.id,
        source: src.as_ref().map(|(s, p)| ctx(s, p)),
        target: ctx(&d.target, &tgt),
        alignment: alignment.as_ref(),
        glossary: None,
        memo: &crate::rules::context::Memo::default(),
    };
    f(&cx);
}
