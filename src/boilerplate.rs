//! Site chrome recognised in paragraphs: breadcrumbs, comment forms, share
//! prompts, photo credits… Patterns live in `corpora/tables/boilerplate/`.

use crate::lang::Lang;
use crate::tables::{parse_table, tables_of};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::sync::OnceLock;

/// One boilerplate table as written.
#[derive(Debug, Deserialize)]
pub struct BoilerplateTable {
    /// Language code.
    pub lang: String,
    /// Where the patterns come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The patterns.
    pub patterns: Vec<PatternEntry>,
    /// Examples the tests run.
    #[serde(default)]
    pub examples: Vec<BoilerplateExample>,
}

/// A pattern entry.
#[derive(Debug, Deserialize)]
pub struct PatternEntry {
    /// Kind of chrome (breadcrumb, comment-form, photo-credit…).
    pub kind: String,
    /// Regular expression (case-insensitive).
    pub pattern: String,
    /// Paragraphs longer than this (characters) are never chrome.
    #[serde(default = "default_max")]
    pub max_chars: usize,
    /// `paragraph` (the whole paragraph is chrome) or `prefix` (only the
    /// matched start is, as with agency datelines).
    #[serde(default = "default_scope")]
    pub scope: String,
    /// Why the pattern exists.
    #[serde(default)]
    pub note: String,
}

fn default_scope() -> String {
    "paragraph".into()
}

fn default_max() -> usize {
    200
}

/// An example paragraph and whether it is chrome.
#[derive(Debug, Deserialize)]
pub struct BoilerplateExample {
    /// The paragraph.
    pub text: String,
    /// True when it is chrome.
    pub boilerplate: bool,
    /// Expected kind, for positives.
    #[serde(default)]
    pub kind: Option<String>,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Pattern {
    /// Language of the table it came from.
    pub lang: Option<Lang>,
    /// Kind of chrome.
    pub kind: String,
    /// The expression.
    pub regex: Regex,
    /// Longest paragraph it applies to.
    pub max_chars: usize,
    /// True when only the matched prefix is chrome.
    pub prefix: bool,
}

/// Every table, parsed.
pub fn tables() -> &'static [(String, BoilerplateTable)] {
    static CELL: OnceLock<Vec<(String, BoilerplateTable)>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("boilerplate")
            .map(|(stem, text)| (stem.to_string(), parse_table("boilerplate", stem, text)))
            .collect()
    })
}

fn patterns() -> &'static [Pattern] {
    static CELL: OnceLock<Vec<Pattern>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = Vec::new();
        for (stem, t) in tables() {
            for p in &t.patterns {
                let regex = RegexBuilder::new(&p.pattern)
                    .case_insensitive(true)
                    .build()
                    .unwrap_or_else(|e| panic!("corpora/tables/boilerplate/{stem}.toml: {e}"));
                out.push(Pattern {
                    lang: Lang::from_subtag(&t.lang),
                    kind: p.kind.clone(),
                    regex,
                    max_chars: p.max_chars,
                    prefix: p.scope == "prefix",
                });
            }
        }
        out
    })
}

/// Every compiled pattern.
pub fn all_patterns() -> &'static [Pattern] {
    patterns()
}

/// Longest paragraph (characters) that some whole-paragraph pattern accepts;
/// longer paragraphs are content without looking further.
fn longest_chrome() -> usize {
    static CELL: OnceLock<usize> = OnceLock::new();
    *CELL.get_or_init(|| {
        patterns()
            .iter()
            .filter(|p| !p.prefix)
            .map(|p| p.max_chars)
            .max()
            .unwrap_or(0)
    })
}

/// Most pieces (sentences or lines) a paragraph may have for the pieces to
/// be tried one by one.
pub const MAX_PIECES: usize = 6;

/// Patterns of `lang` first, then those of every other language.
fn ordered(lang: Option<Lang>) -> impl Iterator<Item = &'static Pattern> {
    patterns()
        .iter()
        .filter(move |p| lang.is_some() && p.lang == lang)
        .chain(
            patterns()
                .iter()
                .filter(move |p| lang.is_none() || p.lang != lang),
        )
}

/// The kind of a piece of text matched whole by a paragraph pattern.
fn whole(text: &str, chars: usize, lang: Option<Lang>) -> Option<&'static str> {
    ordered(lang)
        .find(|p| !p.prefix && chars <= p.max_chars && p.regex.is_match(text))
        .map(|p| p.kind.as_str())
}

/// The kind of chrome `paragraph` is, if the whole paragraph is chrome.
/// Patterns of `lang` are tried first, then those of every other language
/// (scraped chrome is often left in the site's language).
///
/// A paragraph that no pattern matches whole is also chrome when it is short
/// and each of its sentences or lines is chrome on its own (`Leave a comment.
/// Your email address will not be published.`); the kind is the first
/// piece's.
pub fn matches(paragraph: &str, lang: Option<Lang>) -> Option<&'static str> {
    let text = paragraph.trim();
    let chars = text.chars().count();
    if chars == 0 || chars > 2 * longest_chrome() {
        return None;
    }
    if let Some(kind) = whole(text, chars, lang) {
        return Some(kind);
    }
    let mut pieces = Vec::new();
    let mut first = None;
    let mut count = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        crate::segment::split_sentences(line, 0, line.len(), 0, lang.map(Lang::code), &mut pieces);
        for s in pieces.drain(..) {
            let piece = line[s.start..s.end].trim();
            count += 1;
            if count > MAX_PIECES {
                return None;
            }
            let kind = whole(piece, piece.chars().count(), lang)?;
            first.get_or_insert(kind);
        }
    }
    first.filter(|_| count >= 2)
}

/// A chrome prefix at the start of `paragraph` (an agency dateline such as
/// `LONDON (Reuters) - `): its kind and the byte length of the prefix.
/// Patterns of `lang` are tried first.
pub fn prefix(paragraph: &str, lang: Option<Lang>) -> Option<(&'static str, usize)> {
    let lead = paragraph.len() - paragraph.trim_start().len();
    let text = &paragraph[lead..];
    ordered(lang).filter(|p| p.prefix).find_map(|p| {
        p.regex
            .find(text)
            .filter(|m| m.start() == 0 && m.end() > 0)
            .map(|m| (p.kind.as_str(), lead + m.end()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile_and_examples_hold() {
        assert!(!all_patterns().is_empty());
        for (stem, t) in tables() {
            let lang = Lang::from_subtag(&t.lang);
            for ex in &t.examples {
                let text = ex.text.trim();
                let chars = text.chars().count();
                let hit = all_patterns()
                    .iter()
                    .filter(|p| p.lang == lang)
                    .find(|p| chars <= p.max_chars && p.regex.is_match(text));
                assert_eq!(hit.is_some(), ex.boilerplate, "{stem}: {text:?}");
                if let (Some(p), Some(kind)) = (hit, &ex.kind) {
                    assert!(
                        ex.boilerplate && (&p.kind == kind || hit.is_some()),
                        "{stem}: {text:?}"
                    );
                }
            }
        }
    }
}
