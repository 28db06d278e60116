//! Language tables compiled into the binary from `corpora/tables/`, parsed
//! once on first use.
//!
//! Each table states its sources and carries `examples` that the test suite
//! runs. The compiled-in tables are checked by tests, so a parse failure here
//! is a build defect, not an input error.

use crate::hash::FastSet as HashSet;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Abbreviations that do not end sentences, per language.
#[derive(Debug, Deserialize)]
pub struct AbbreviationTable {
    /// Where the lists come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Abbreviations common to many languages.
    pub universal: Vec<String>,
    /// Per language (ISO 639-1) lists.
    pub languages: HashMap<String, Vec<String>>,
    /// Languages writing ordinals as "3.".
    pub ordinal_dot: Vec<String>,
    /// Sentence-count examples run by the tests.
    #[serde(default)]
    pub examples: Vec<SegmentExample>,
}

/// A segmentation example: a text and how many sentences it holds.
#[derive(Debug, Deserialize)]
pub struct SegmentExample {
    /// Language code.
    pub lang: String,
    /// The text.
    pub text: String,
    /// Expected sentence count.
    pub sentences: usize,
}

/// Abbreviations ready for lookup.
#[derive(Debug)]
pub struct Abbreviations {
    universal: HashSet<String>,
    by_lang: HashMap<String, HashSet<String>>,
    ordinal_dot: HashSet<String>,
    /// The raw table (for its examples).
    pub table: AbbreviationTable,
}

impl Abbreviations {
    /// True when `word` (lowercase, without its final stop) is an
    /// abbreviation in `lang` (or in any language when `lang` is `None`).
    pub fn contains(&self, lang: Option<&str>, word: &str) -> bool {
        if self.universal.contains(word) {
            return true;
        }
        match lang {
            Some(l) => self.by_lang.get(l).is_some_and(|s| s.contains(word)),
            None => self.by_lang.values().any(|s| s.contains(word)),
        }
    }

    /// True when `lang` writes ordinals with a full stop.
    pub fn ordinal_dot(&self, lang: Option<&str>) -> bool {
        lang.is_some_and(|l| self.ordinal_dot.contains(l))
    }
}

include!(concat!(env!("OUT_DIR"), "/table_files.rs"));

/// The tables of one kind (`boilerplate`, `quotes`…): `(file stem,
/// contents)` for every `corpora/tables/<kind>/*.toml`.
pub fn tables_of(kind: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    TABLE_FILES.iter().filter_map(move |(path, text)| {
        let rest = path.strip_prefix(kind)?.strip_prefix('/')?;
        let stem = rest.strip_suffix(".toml")?;
        (!stem.contains('/')).then_some((stem, *text))
    })
}

/// Parses a compiled-in table; a failure names the file (tests check every
/// table, so this only fails on a broken build).
pub fn parse_table<T: serde::de::DeserializeOwned>(kind: &str, stem: &str, text: &str) -> T {
    toml::from_str(text).unwrap_or_else(|e| panic!("corpora/tables/{kind}/{stem}.toml: {e}"))
}

const ABBREVIATIONS: &str = include_str!("../corpora/tables/segment/abbreviations.toml");

/// The abbreviation table.
pub fn abbreviations() -> &'static Abbreviations {
    static CELL: OnceLock<Abbreviations> = OnceLock::new();
    CELL.get_or_init(|| {
        let table: AbbreviationTable = toml::from_str(ABBREVIATIONS)
            .unwrap_or_else(|e| panic!("corpora/tables/segment/abbreviations.toml: {e}"));
        let norm = |v: &Vec<String>| {
            v.iter()
                .map(|s| s.to_lowercase())
                .collect::<HashSet<String>>()
        };
        Abbreviations {
            universal: norm(&table.universal),
            by_lang: table
                .languages
                .iter()
                .map(|(k, v)| (k.clone(), norm(v)))
                .collect(),
            ordinal_dot: table.ordinal_dot.iter().cloned().collect(),
            table,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_table_parses() {
        let a = abbreviations();
        assert!(a.contains(Some("de"), "z.b"));
        assert!(a.contains(Some("en"), "dr"));
        assert!(!a.contains(Some("en"), "house"));
        assert!(a.ordinal_dot(Some("de")));
        assert!(!a.table.examples.is_empty());
    }
}
