//! Target-language tables of literal-translation expectations
//! (`corpora/tables/calques/<lang>.toml`): calque patterns (WC402), the
//! language's letters and the loanwords that are not untranslated
//! fragments (WC403).

use crate::hash::{FastMap as HashMap, FastSet as HashSet};
use crate::lang::Lang;
use crate::tables::{parse_table, tables_of};
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

/// A calque table as written.
#[derive(Debug, Deserialize)]
pub struct CalqueTable {
    /// Language code (the target language the patterns apply to).
    pub lang: String,
    /// Where the facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The language's own lowercase letters.
    #[serde(default)]
    pub letters: String,
    /// Lowercase words and phrases borrowed from other languages that are
    /// ordinary in this language's news (`de facto`, `per se`).
    #[serde(default)]
    pub loanwords: Vec<String>,
    /// Languages whose single words this language borrows freely: a single
    /// word shared with a source in one of them is no evidence of an
    /// untranslated fragment.
    #[serde(default)]
    pub borrows_from: Vec<String>,
    /// Calque patterns.
    #[serde(default)]
    pub patterns: Vec<CalqueEntry>,
}

/// One calque pattern.
#[derive(Debug, Deserialize)]
pub struct CalqueEntry {
    /// What kind of calque (`article-before-country`, `doubled-noun`…).
    pub kind: String,
    /// Regular expression (case-sensitive; use `(?i:…)` where case does not
    /// matter).
    pub pattern: String,
    /// `any` (default): every match is a calque. `function-word`: only when
    /// the word after the match is a function word of the language, or
    /// punctuation ends the clause (a content word after it shows an
    /// attributive use: "the Italy coach").
    #[serde(default = "default_next")]
    pub next: String,
    /// With `next = "function-word"`: other following words (lowercase
    /// verbs that follow a subject: "remains", "faces") after which the
    /// match is a calque too.
    #[serde(default)]
    pub also_next: Vec<String>,
    /// Following words (lowercase) that make the match correct ("the Italy
    /// of the 1960s").
    #[serde(default)]
    pub except_next: Vec<String>,
    /// Replacement template for the matched text (`$name` for a named
    /// group), when one is mechanical.
    #[serde(default)]
    pub replace: Option<String>,
    /// Message, lowercase, without the quoted text (added by the rule).
    pub message: String,
    /// Why.
    #[serde(default)]
    pub note: String,
    /// Sentences the tests run.
    #[serde(default)]
    pub examples: Vec<CalqueExample>,
}

fn default_next() -> String {
    "any".into()
}

/// An example sentence and whether the pattern fires on it.
#[derive(Debug, Deserialize)]
pub struct CalqueExample {
    /// The sentence.
    pub text: String,
    /// Expected result.
    pub fires: bool,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct CalquePattern {
    /// The entry as written.
    pub entry: CalqueEntry,
    /// The compiled expression.
    pub regex: Regex,
    /// True when the next word must be a function word.
    pub needs_function_word: bool,
}

/// A table ready for use.
#[derive(Debug)]
pub struct Calques {
    /// Language.
    pub lang: Lang,
    /// The language's letters.
    pub letters: HashSet<char>,
    /// Loanwords and loan phrases, lowercase.
    pub loanwords: HashSet<String>,
    /// Languages borrowed from freely.
    pub borrows_from: Vec<Lang>,
    /// Calque patterns.
    pub patterns: Vec<CalquePattern>,
}

/// Every table, by language.
pub fn all() -> &'static HashMap<Lang, Calques> {
    static CELL: OnceLock<HashMap<Lang, Calques>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = HashMap::default();
        for (stem, text) in tables_of("calques") {
            let t: CalqueTable = parse_table("calques", stem, text);
            let file = format!("corpora/tables/calques/{stem}.toml");
            let lang =
                Lang::from_subtag(&t.lang).unwrap_or_else(|| panic!("{file}: unknown language"));
            let patterns = t
                .patterns
                .into_iter()
                .map(|entry| CalquePattern {
                    regex: Regex::new(&entry.pattern).unwrap_or_else(|e| panic!("{file}: {e}")),
                    needs_function_word: entry.next == "function-word",
                    entry,
                })
                .collect();
            out.insert(
                lang,
                Calques {
                    lang,
                    letters: t.letters.chars().flat_map(char::to_lowercase).collect(),
                    loanwords: t.loanwords.iter().map(|w| w.to_lowercase()).collect(),
                    borrows_from: t
                        .borrows_from
                        .iter()
                        .filter_map(|c| Lang::from_subtag(c))
                        .collect(),
                    patterns,
                },
            );
        }
        out
    })
}

/// The table of `lang`, when there is one.
pub fn of(lang: Lang) -> Option<&'static Calques> {
    all().get(&lang)
}

/// A word list as written (`corpora/tables/calques/lexicon/<lang>.toml`).
#[derive(Debug, Deserialize)]
pub struct LexiconTable {
    /// Language code.
    pub lang: String,
    /// Where the words come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Prefixes the language builds words with freely: a word made of one
    /// and a listed word is a word of the language too.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// The words, one per line.
    pub words: String,
}

/// A language's word list, ready for lookup: the list's text and the
/// sorted byte ranges of its words (no allocation per word).
#[derive(Debug, Default)]
pub struct Lexicon {
    text: String,
    spans: Vec<(u32, u32)>,
    prefixes: Vec<String>,
}

/// Shortest listed word a prefix may be put before.
pub const MIN_STEM_LETTERS: usize = 4;

impl Lexicon {
    /// True when `lower` (lowercase) is a word of the language: listed, or
    /// a prefix and a listed word (univariate, peristomal).
    pub fn contains(&self, lower: &str) -> bool {
        self.listed(lower)
            || self.prefixes.iter().any(|p| {
                lower.strip_prefix(p.as_str()).is_some_and(|stem| {
                    let stem = stem.strip_prefix('-').unwrap_or(stem);
                    stem.chars().count() >= MIN_STEM_LETTERS && self.listed(stem)
                })
            })
    }

    /// True when the list holds `word` as it is.
    fn listed(&self, word: &str) -> bool {
        self.spans
            .binary_search_by(|&(a, b)| self.text[a as usize..b as usize].cmp(word))
            .is_ok()
    }

    /// Indexes a list of words separated by white space.
    fn new(text: String, prefixes: Vec<String>) -> Lexicon {
        let base = text.as_ptr() as usize;
        let mut spans: Vec<(u32, u32)> = text
            .split_whitespace()
            .filter_map(|w| {
                let a = u32::try_from(w.as_ptr() as usize - base).ok()?;
                let b = u32::try_from(w.as_ptr() as usize - base + w.len()).ok()?;
                Some((a, b))
            })
            .collect();
        spans.sort_unstable_by(|&(a, b), &(c, d)| {
            text[a as usize..b as usize].cmp(&text[c as usize..d as usize])
        });
        spans.dedup_by(|x, y| text[x.0 as usize..x.1 as usize] == text[y.0 as usize..y.1 as usize]);
        Lexicon {
            text,
            spans,
            prefixes,
        }
    }
}

/// The ordinary lowercase words of `lang`, when there is a list.
pub fn lexicon(lang: Lang) -> Option<&'static Lexicon> {
    static CELL: OnceLock<HashMap<Lang, Lexicon>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = HashMap::default();
        for (stem, text) in tables_of("calques/lexicon") {
            let t: LexiconTable = parse_table("calques/lexicon", stem, text);
            let lang = Lang::from_subtag(&t.lang).unwrap_or_else(|| {
                panic!("corpora/tables/calques/lexicon/{stem}.toml: unknown language")
            });
            out.insert(
                lang,
                Lexicon::new(
                    t.words,
                    t.prefixes.iter().map(|p| p.to_lowercase()).collect(),
                ),
            );
        }
        out
    })
    .get(&lang)
}
