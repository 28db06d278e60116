//! Human error annotations (MQM, ESA) in one shape: a rated translation
//! with, per rater, the error spans found, each sorted into the few classes
//! the checker can be measured on.

use crate::finding::{Category, SideKind};

/// Annotated error classes that wirecheck's categories can find.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorClass {
    /// Punctuation, including quotation marks.
    Punctuation,
    /// Text left in the source language.
    Untranslated,
    /// Missing content.
    Omission,
    /// Names: wrong, mistransliterated, or transliterated when they should not be.
    NamedEntity,
    /// Numbers, dates, times, currencies, units.
    Number,
    /// Anything else (grammar, style, mistranslation of words…).
    Other,
}

impl ErrorClass {
    /// The classes reported on (every one but `Other`).
    pub const COUNTED: [ErrorClass; 5] = [
        ErrorClass::Punctuation,
        ErrorClass::Untranslated,
        ErrorClass::Omission,
        ErrorClass::NamedEntity,
        ErrorClass::Number,
    ];

    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::Punctuation => "punctuation",
            ErrorClass::Untranslated => "untranslated",
            ErrorClass::Omission => "omission",
            ErrorClass::NamedEntity => "named entity",
            ErrorClass::Number => "number",
            ErrorClass::Other => "other",
        }
    }

    /// The wirecheck categories whose findings find this class.
    pub fn categories(self) -> &'static [Category] {
        match self {
            ErrorClass::Punctuation => &[Category::Quotes, Category::Punctuation],
            ErrorClass::Untranslated => &[Category::Untranslated, Category::Language],
            ErrorClass::Omission => &[Category::Omission],
            ErrorClass::NamedEntity => &[Category::Names],
            ErrorClass::Number => &[Category::Numbers],
            ErrorClass::Other => &[],
        }
    }

    /// The annotated category names each class takes (case-insensitive
    /// substrings), for the documentation of the suite.
    pub const RULES: &'static str = "punctuation: `*Punctuation*`; untranslated: \
        `*Untranslated*`, `Non-translation`, `Non_translation`, `*Source language fragment*`; \
        omission: `*Omission*`, `*omitted*`, ESA `missing`; named entity: `Locale_convention/Name*`, \
        `Named Entity`, `*Transliteration*`, `Shouldn't be transliterated`; number: \
        `*Number_format*`, `*Currency*`, `*Date*`, `*Time*`, `*Unit Conversion*`, `*Measurement*`, and \
        `*Mistranslation*` spans containing a digit";

    /// Sorts an annotated category into a class; `span` is the marked text,
    /// which decides for mistranslations of numbers.
    pub fn classify(category: &str, span: Option<&str>) -> ErrorClass {
        let c = category.to_lowercase();
        let has = |s: &str| c.contains(s);
        if has("punctuation") {
            ErrorClass::Punctuation
        } else if has("untranslated")
            || has("non-translation")
            || has("non_translation")
            || has("source language fragment")
        {
            ErrorClass::Untranslated
        } else if has("omission") || has("omitted") {
            ErrorClass::Omission
        } else if has("locale_convention/name")
            || has("locale convention/name")
            || has("named entity")
            || has("transliterat")
        {
            ErrorClass::NamedEntity
        } else if has("number_format")
            || has("number format")
            || has("currency")
            || has("date")
            || has("time")
            || has("unit conversion")
            || has("measurement")
            || (has("mistranslation")
                && span.is_some_and(|s| s.chars().any(|ch| ch.is_ascii_digit())))
        {
            ErrorClass::Number
        } else {
            ErrorClass::Other
        }
    }
}

/// One annotated error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Its class.
    pub class: ErrorClass,
    /// The side the span is on.
    pub side: SideKind,
    /// Byte range in that side's text; `None` when the error has no
    /// position (an omission marked on the whole segment).
    pub span: Option<(usize, usize)>,
}

/// What one rater found in one translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// Rater id.
    pub rater: String,
    /// Errors marked (neutral marks left out).
    pub annotations: Vec<Annotation>,
    /// True when the rater judged the translation error-free.
    pub clean: bool,
}

/// A translation rated by one or more raters.
#[derive(Debug, Clone, PartialEq)]
pub struct RatedSegment {
    /// Data set label, e.g. `newstest2021 en-de`.
    pub dataset: String,
    /// Source language.
    pub src_lang: String,
    /// Target language.
    pub tgt_lang: String,
    /// Stable key inside the data set (system, document, segment).
    pub key: String,
    /// True for human translations.
    pub human: bool,
    /// Source text.
    pub source: String,
    /// Translation.
    pub target: String,
    /// One per rater, in file order.
    pub ratings: Vec<Rating>,
}

impl RatedSegment {
    /// The rating of `rater`, created when missing.
    pub fn rating_mut(&mut self, rater: &str) -> &mut Rating {
        if let Some(i) = self.ratings.iter().position(|r| r.rater == rater) {
            &mut self.ratings[i]
        } else {
            self.ratings.push(Rating {
                rater: rater.to_string(),
                annotations: Vec::new(),
                clean: false,
            });
            let last = self.ratings.len() - 1;
            &mut self.ratings[last]
        }
    }
}

/// True for system names of human translations (`Human-A`, `ref.A`, `refA`,
/// `reference_r1`).
pub fn is_human(system: &str) -> bool {
    let s = system.to_lowercase();
    s.starts_with("human") || s.starts_with("ref")
}

/// Byte range of the code points `start..=end` (inclusive, as ESA and
/// bio-MQM give them) of `text`; `None` when out of range.
pub fn char_span_inclusive(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if end < start {
        return None;
    }
    let mut bounds = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let s = bounds.nth(start)?;
    let e = bounds.nth(end - start)?;
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_categories() {
        use ErrorClass::*;
        assert_eq!(
            ErrorClass::classify("Fluency/Punctuation", None),
            Punctuation
        );
        assert_eq!(
            ErrorClass::classify("Accuracy/Untranslated text", None),
            Untranslated
        );
        assert_eq!(ErrorClass::classify("Non-translation!", None), Untranslated);
        assert_eq!(
            ErrorClass::classify("Accuracy/Source language fragment", None),
            Untranslated
        );
        assert_eq!(
            ErrorClass::classify("Accuracy/Omission (Translation)", None),
            Omission
        );
        assert_eq!(ErrorClass::classify("Other POS omitted", None), Omission);
        assert_eq!(
            ErrorClass::classify("Locale_convention/Name", None),
            NamedEntity
        );
        assert_eq!(
            ErrorClass::classify("Shouldn't be transliterated", None),
            NamedEntity
        );
        assert_eq!(ErrorClass::classify("Wrong Date/Time", None), Number);
        assert_eq!(
            ErrorClass::classify("Locale_conventions/Number_format", None),
            Number
        );
        assert_eq!(
            ErrorClass::classify("Accuracy/Mistranslation", Some("in 2019")),
            Number
        );
        assert_eq!(
            ErrorClass::classify("Accuracy/Mistranslation", Some("house")),
            Other
        );
        assert_eq!(ErrorClass::classify("Style/Awkward", None), Other);
        assert_eq!(ErrorClass::classify("Agreement in number", None), Other);
        assert_eq!(
            ErrorClass::classify("Shouldn't have been translated", None),
            Other
        );
    }

    #[test]
    fn char_spans_become_byte_spans() {
        let t = "aé中b";
        assert_eq!(char_span_inclusive(t, 1, 2), Some((1, 6)));
        assert_eq!(char_span_inclusive(t, 3, 3), Some((6, 7)));
        assert_eq!(char_span_inclusive(t, 3, 4), None);
        assert_eq!(char_span_inclusive(t, 2, 1), None);
    }

    #[test]
    fn human_systems() {
        assert!(
            is_human("Human-A")
                && is_human("ref.C")
                && is_human("refA")
                && is_human("reference_r1")
        );
        assert!(!is_human("GPT4-5shot_with_refA") && !is_human("hyp.Online-W"));
    }
}
