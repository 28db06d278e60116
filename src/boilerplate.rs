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

/// The kind of chrome `paragraph` is, if the whole paragraph is chrome. Patterns of `lang`
/// are tried first, then those of every other language (scraped chrome is
/// often left in the site's language).
pub fn matches(paragraph: &str, lang: Option<Lang>) -> Option<&'static str> {
    let text = paragraph.trim();
    let chars = text.chars().count();
    let ordered = patterns()
        .iter()
        .filter(|p| lang.is_some() && p.lang == lang)
        .chain(
            patterns()
                .iter()
                .filter(|p| lang.is_none() || p.lang != lang),
        );
    for p in ordered {
        if !p.prefix && chars <= p.max_chars && p.regex.is_match(text) {
            return Some(p.kind.as_str());
        }
    }
    None
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
