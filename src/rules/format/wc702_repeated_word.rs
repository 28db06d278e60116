//! WC702 `repeated-word`.

use crate::finding::{Finding, Severity};
use crate::rules::quotes::tables::Example;
use crate::rules::quotes::target_finding;
use crate::rules::{PairContext, Rule, RuleMeta};
use crate::segment::{TokenKind, tokens};
use crate::tables::{parse_table, tables_of};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

crate::declare_rule! {
    /// ## What it does
    /// Finds the same word written twice in a row, separated only by white
    /// space: "the the", "in in", "a a". Doubled words that are correct in the
    /// target language are listed in `corpora/tables/repeated-words/<lang>.toml`
    /// (French "vous vous", German "die die", Dutch "dat dat", English "had
    /// had", Italian "piano piano"). Two capitalised words that are not
    /// function words are taken as a name ("Bora Bora", "Walla Walla").
    ///
    /// ## Why is this bad?
    /// A doubled word is the commonest slip of post-editing: a phrase
    /// retyped over the machine's version. Spell checkers accept both words,
    /// so it survives to print.
    ///
    /// ## Example
    /// Target (en): `The minister said the the budget would be approved.`
    /// → `word “the” repeated`
    ///
    /// ## Language pairs
    /// All target languages written with spaces between words (not Chinese,
    /// Japanese or Thai). Runs on a target alone.
    ///
    /// ## Known problems
    /// A correct doubling missing from the language's list is reported; add
    /// it to the table. Numbers ("10 10") are not concerned.
    pub struct RepeatedWord {
        code: "WC702",
        name: "repeated-word",
        category: Formatting,
        severity: Warning,
        needs_source: false,
        summary: "the same word twice in a row (the the)",
    }
}

/// A repeated-words table (see the README of `corpora/tables/repeated-words/`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatedWordsTable {
    /// ISO 639-1 code.
    pub lang: String,
    /// English name.
    pub name: String,
    /// Where the exceptions come from.
    pub sources: Vec<String>,
    /// Remarks.
    pub notes: String,
    /// Correct doubled words, lower case.
    pub exceptions: Vec<String>,
    /// Test sentences.
    pub examples: Vec<Example>,
}

/// Every repeated-words table.
pub fn tables() -> &'static [RepeatedWordsTable] {
    static CELL: OnceLock<Vec<RepeatedWordsTable>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("repeated-words")
            .map(|(stem, text)| parse_table("repeated-words", stem, text))
            .collect()
    })
}

#[derive(Deserialize)]
struct Stopwords {
    #[serde(default)]
    function_words: Vec<String>,
}

/// Function words per language, from `corpora/tables/stopwords/`.
fn function_words() -> &'static HashMap<String, HashSet<String>> {
    static CELL: OnceLock<HashMap<String, HashSet<String>>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("stopwords")
            .filter_map(|(stem, text)| {
                let t: Stopwords = toml::from_str(text).ok()?;
                Some((
                    stem.to_string(),
                    t.function_words.iter().map(|w| w.to_lowercase()).collect(),
                ))
            })
            .collect()
    })
}

/// Exceptions of one language, lower case.
fn exceptions(lang: &str) -> HashSet<String> {
    tables()
        .iter()
        .filter(|t| t.lang == lang)
        .flat_map(|t| t.exceptions.iter().map(|e| e.to_lowercase()))
        .collect()
}

impl Rule for RepeatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let lang = cx.target.lang().map(|l| l.code()).unwrap_or("");
        let exc = exceptions(lang);
        let fw = function_words().get(lang);
        for p in 0..cx.target.paragraph_count() {
            let (s, e) = cx.target.paragraph_range(p);
            for (a, b, word) in find_in(&cx.target.text()[s..e], &exc, fw) {
                let mut f = target_finding(
                    &Self::META,
                    cx,
                    p,
                    s + a,
                    s + b,
                    format!("word “{word}” repeated"),
                    Severity::Warning,
                );
                f.suggestion = Some(word);
                out.push(f);
            }
        }
    }
}

/// Repeated words in `text`: `(start, end, word)` spanning both copies.
pub fn find_in(
    text: &str,
    exc: &HashSet<String>,
    fw: Option<&HashSet<String>>,
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut prev: Option<(usize, usize)> = None;
    for t in tokens(text) {
        if t.kind != TokenKind::Word {
            prev = None;
            continue;
        }
        if let Some((ps, pe)) = prev
            && text[pe..t.start].chars().all(char::is_whitespace)
        {
            let (w1, w2) = (&text[ps..pe], &text[t.start..t.end]);
            if w1.to_lowercase() == w2.to_lowercase() && w1.chars().any(char::is_alphabetic) {
                let lower = w1.to_lowercase();
                let pair = format!("{lower} {lower}");
                let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
                let name =
                    capitalised(w1) && capitalised(w2) && !fw.is_some_and(|f| f.contains(&lower));
                if !exc.contains(&pair) && !name {
                    out.push((ps, t.end, w1.to_string()));
                    prev = None;
                    continue;
                }
            }
        }
        prev = Some((t.start, t.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn table_examples() {
        let mut failures = Vec::new();
        for t in tables() {
            let oks = t.examples.iter().filter(|e| e.ok).count();
            assert!(
                oks >= 1 && oks < t.examples.len(),
                "{}: needs ok and not-ok examples",
                t.lang
            );
            for ex in &t.examples {
                let d = crate::rules::testing::doc(None, (&ex.text, &t.lang));
                let n = run(&RepeatedWord, &d).len();
                if n != usize::from(!ex.ok) {
                    failures.push(format!("{}: {:?}: {n} findings", t.lang, ex.text));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn finds_and_skips() {
        let none = HashSet::new();
        let w = |t: &str| {
            find_in(t, &none, None)
                .into_iter()
                .map(|x| x.2)
                .collect::<Vec<_>>()
        };
        assert_eq!(w("in in the\nthe end"), ["in", "the"]);
        assert!(w("very, very good; 10 10; Walla Walla").is_empty());
        assert_eq!(w("The the end"), ["The"]);
    }
}
