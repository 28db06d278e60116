//! The quotation-mark and punctuation tables (`corpora/tables/quotes/`,
//! `corpora/tables/punctuation/`), parsed once, and the lookup of a table for
//! a language tag. The schema and its meaning are in the READMEs of those
//! folders.

use crate::lang::LangTag;
use crate::tables::{parse_table, tables_of};
use serde::Deserialize;
use std::sync::OnceLock;

/// How a pair takes a space inside its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InnerSpace {
    /// No whitespace after the opening or before the closing mark.
    None,
    /// An accepted space on both sides.
    Required,
    /// No space on both sides, or an accepted space on both sides.
    Optional,
}

/// The nesting level at which a pair is correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Outermost quotation.
    Primary,
    /// Quotation inside a quotation.
    Secondary,
    /// Third level.
    Tertiary,
}

/// How ASCII `"` and `'` used as quotation marks are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StraightQuotes {
    /// Correct, when used consistently.
    Tolerated,
    /// A style finding wherever `"` occurs.
    Discouraged,
}

/// A standard pair.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotePair {
    /// Opening mark.
    pub open: String,
    /// Closing mark.
    pub close: String,
    /// `open == close`.
    pub symmetric: bool,
    /// Space inside the marks.
    pub inner_space: InnerSpace,
}

/// Another correct pair, with the level where it is correct.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AltPair {
    /// Opening mark.
    pub open: String,
    /// Closing mark.
    pub close: String,
    /// `open == close`.
    pub symmetric: bool,
    /// Space inside the marks.
    pub inner_space: InnerSpace,
    /// Nesting level.
    pub level: Level,
    /// Where it is used.
    pub note: String,
}

/// A pair of another language's convention.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForeignPair {
    /// Opening mark.
    pub open: String,
    /// Closing mark.
    pub close: String,
    /// The convention it belongs to, for messages.
    pub convention: String,
}

/// Marks that may start the paragraphs of a quotation running over several
/// paragraphs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Continuation {
    /// The opening mark of the quotation.
    pub open: String,
    /// Marks that may start each following paragraph.
    pub marks: Vec<String>,
}

/// A test sentence carried by a table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The text (`\n\n` separates paragraphs).
    pub text: String,
    /// True when no rule may fire.
    pub ok: bool,
    /// The one rule that fires when `ok` is false.
    pub rule: Option<String>,
    /// What the example shows.
    pub note: Option<String>,
}

/// A quotation-mark table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteTable {
    /// BCP 47 tag, the file stem.
    pub tag: String,
    /// Primary language subtag.
    pub lang: String,
    /// English name.
    pub name: String,
    /// ISO 15924 script.
    pub script: String,
    /// Tags served.
    pub applies_to: Vec<String>,
    /// Style guides followed.
    pub sources: Vec<String>,
    /// Remarks.
    pub notes: String,
    /// Standard outermost pair.
    pub primary: QuotePair,
    /// Standard inner pair.
    pub secondary: QuotePair,
    /// Other correct pairs.
    pub alternatives: Vec<AltPair>,
    /// How straight quotes are treated.
    pub straight_quotes: StraightQuotes,
    /// May a secondary-level pair open an outermost quotation?
    pub secondary_at_top_level: bool,
    /// Spaces that satisfy a required or optional inner space.
    pub inner_space_chars: Vec<String>,
    /// The space suggested in fixes.
    pub inner_space_preferred: String,
    /// Spaces accepted at low severity.
    pub inner_space_tolerated: Vec<String>,
    /// Multi-paragraph quotations.
    pub continuation: Vec<Continuation>,
    /// Apostrophe characters, preferred first.
    pub apostrophes: Vec<String>,
    /// Words that begin with an apostrophe.
    pub word_initial_apostrophes: Vec<String>,
    /// Marks never used as quotation marks here.
    pub foreign_marks: Vec<String>,
    /// Pairs of other conventions.
    pub foreign_pairs: Vec<ForeignPair>,
    /// Test sentences.
    pub examples: Vec<Example>,
}

/// When a space before a mark is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpacePolicy {
    /// One of `accepted` must come directly before the mark.
    Required,
    /// No space, or one of `accepted`.
    Optional,
}

/// A mark that takes a space before it (French).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpaceRule {
    /// The mark.
    pub mark: String,
    /// Required or optional.
    pub policy: SpacePolicy,
    /// Spaces that satisfy the rule.
    pub accepted: Vec<String>,
    /// The space suggested in fixes.
    pub preferred: String,
    /// Spaces accepted at low severity.
    pub tolerated: Vec<String>,
}

/// A full-width mark and its half-width counterpart.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullwidthPair {
    /// Full-width form.
    pub fullwidth: String,
    /// Half-width form.
    pub halfwidth: String,
}

/// A punctuation-spacing table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PunctTable {
    /// File stem.
    pub tag: String,
    /// Primary language subtag.
    pub lang: String,
    /// English name.
    pub name: String,
    /// ISO 15924 script.
    pub script: String,
    /// Tags served.
    pub applies_to: Vec<String>,
    /// Style guides followed.
    pub sources: Vec<String>,
    /// Remarks.
    pub notes: String,
    /// Marks that take a space before them.
    pub space_before: Vec<SpaceRule>,
    /// Marks that no whitespace may precede.
    pub no_space_before: Vec<String>,
    /// Marks that no whitespace may follow.
    pub no_space_after: Vec<String>,
    /// Marks that end a sentence.
    pub sentence_final: Vec<String>,
    /// Marks that open a question or exclamation (Spanish).
    pub sentence_opening_marks: Vec<String>,
    /// Accepted ellipsis spellings.
    pub ellipsis: Vec<String>,
    /// Apostrophe characters.
    pub apostrophes: Vec<String>,
    /// The apostrophe suggested in fixes.
    pub apostrophe_preferred: String,
    /// Whether the language uses full-width punctuation.
    pub fullwidth: bool,
    /// Full-width marks and their half-width forms.
    pub fullwidth_map: Vec<FullwidthPair>,
    /// Test sentences.
    pub examples: Vec<Example>,
}

/// Every quotation-mark table.
pub fn quote_tables() -> &'static [QuoteTable] {
    static CELL: OnceLock<Vec<QuoteTable>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("quotes")
            .map(|(stem, text)| parse_table("quotes", stem, text))
            .collect()
    })
}

/// Every punctuation table.
pub fn punct_tables() -> &'static [PunctTable] {
    static CELL: OnceLock<Vec<PunctTable>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("punctuation")
            .map(|(stem, text)| parse_table("punctuation", stem, text))
            .collect()
    })
}

/// The README lookup: the file whose `applies_to` holds the tag (without
/// case), else the tag with its last subtag dropped, and so on; else the file
/// whose `tag` is the primary language subtag.
pub fn lookup<'t, T>(
    tables: &'t [T],
    tag: &str,
    applies_to: impl Fn(&T) -> &[String],
    file_tag: impl Fn(&T) -> &str,
) -> Option<&'t T> {
    let mut cur = tag.to_string();
    loop {
        if let Some(t) = tables
            .iter()
            .find(|t| applies_to(t).iter().any(|a| a.eq_ignore_ascii_case(&cur)))
        {
            return Some(t);
        }
        match cur.rfind('-') {
            Some(i) => cur.truncate(i),
            None => break,
        }
    }
    let primary = tag.split('-').next().unwrap_or(tag);
    tables
        .iter()
        .find(|t| file_tag(t).eq_ignore_ascii_case(primary))
}

/// The quotation-mark table for a language tag.
pub fn quote_table_for(tag: &LangTag) -> Option<&'static QuoteTable> {
    quote_table_for_str(&tag.to_string())
}

/// The quotation-mark table for a tag written as text.
pub fn quote_table_for_str(tag: &str) -> Option<&'static QuoteTable> {
    lookup(quote_tables(), tag, |t| &t.applies_to, |t| &t.tag)
}

/// The punctuation table for a language tag.
pub fn punct_table_for(tag: &LangTag) -> Option<&'static PunctTable> {
    punct_table_for_str(&tag.to_string())
}

/// The punctuation table for a tag written as text.
pub fn punct_table_for_str(tag: &str) -> Option<&'static PunctTable> {
    lookup(punct_tables(), tag, |t| &t.applies_to, |t| &t.tag)
}

/// The single character of a one-character table string.
pub fn ch(s: &str) -> char {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => c,
        _ => panic!("table mark {s:?} is not one character"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn tables_parse_and_are_consistent() {
        let q = quote_tables();
        assert!(q.len() >= 20, "{} quote tables", q.len());
        let mut seen = HashSet::new();
        for t in q {
            assert!(t.applies_to.contains(&t.tag), "{}", t.tag);
            for a in &t.applies_to {
                assert!(seen.insert(a.to_lowercase()), "{a} in two quote tables");
            }
            for p in [&t.primary, &t.secondary] {
                assert_eq!(p.symmetric, p.open == p.close, "{}", t.tag);
                ch(&p.open);
                ch(&p.close);
            }
            for p in &t.alternatives {
                assert_eq!(p.symmetric, p.open == p.close, "{}", t.tag);
            }
            let oks = t.examples.iter().filter(|e| e.ok).count();
            assert!(
                oks >= 2 && t.examples.len() - oks >= 2,
                "{} examples",
                t.tag
            );
            let p = punct_table_for_str(&t.tag)
                .unwrap_or_else(|| panic!("no punctuation table for {}", t.tag));
            assert_eq!(
                p.apostrophes, t.apostrophes,
                "apostrophes of {} and {}",
                t.tag, p.tag
            );
        }
        let mut seen = HashSet::new();
        for t in punct_tables() {
            for a in &t.applies_to {
                assert!(
                    seen.insert(a.to_lowercase()),
                    "{a} in two punctuation tables"
                );
            }
        }
    }

    #[test]
    fn lookup_follows_the_readme() {
        let q = |t: &str| quote_table_for_str(t).map(|t| t.tag.as_str());
        assert_eq!(q("en"), Some("en"));
        assert_eq!(q("en-US"), Some("en"));
        assert_eq!(q("en-AU"), Some("en"));
        assert_eq!(q("en-GB"), Some("en-GB"));
        assert_eq!(q("de-CH-1996"), Some("de-CH"));
        assert_eq!(q("fr-CA"), Some("fr"));
        assert_eq!(q("zh"), Some("zh-Hans"));
        assert_eq!(q("zh-Hant-TW"), Some("zh-Hant"));
        assert_eq!(q("pt-BR"), Some("pt-BR"));
        assert_eq!(q("xx"), None);
        let p = |t: &str| punct_table_for_str(t).map(|t| t.tag.as_str());
        assert_eq!(p("en-GB"), Some("en"));
        assert_eq!(p("zh-Hant"), Some("zh"));
        assert_eq!(p("fr-CH"), Some("fr-CH"));
        assert_eq!(p("de-CH"), Some("de"));
    }
}
