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
    /// Why the pattern exists.
    #[serde(default)]
    pub note: String,
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
                });
            }
        }
        out
    })
}

/// The kind of chrome `paragraph` is, if it is chrome. Patterns of `lang`
/// are tried first, then those of every other language (scraped chrome is
/// often left in the site's language).
pub fn matches(paragraph: &str, lang: Option<Lang>) -> Option<&'static str> {
    let text = paragraph.trim();
    let chars = text.chars().count();
    let ordered = patterns()
        .iter()
        .filter(|p| lang.is_some() && p.lang == lang)
        .chain(patterns().iter().filter(|p| lang.is_none() || p.lang != lang));
    for p in ordered {
        if chars <= p.max_chars && p.regex.is_match(text) {
            return Some(p.kind.as_str());
        }
    }
    None
}
