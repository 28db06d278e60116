//! Function words per language (`corpora/tables/stopwords/`): a cheap
//! language signal, and the common words that are not names.

use crate::hash::FastSet as HashSet;
use crate::lang::Lang;
use crate::tables::{parse_table, tables_of};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A stopword table as written.
#[derive(Debug, Deserialize)]
pub struct StopwordTable {
    /// Language code.
    pub lang: String,
    /// Where the lists come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The most frequent function words, lowercase.
    pub function_words: Vec<String>,
    /// Words often capitalised that are not names, lowercase.
    #[serde(default)]
    pub common_capitalised: Vec<String>,
    /// Frequent words distinctive of this language against its neighbours.
    #[serde(default)]
    pub distinctive: Vec<String>,
    /// Example sentences run by the tests.
    #[serde(default)]
    pub examples: Vec<StopwordExample>,
}

/// An example sentence in a language.
#[derive(Debug, Deserialize)]
pub struct StopwordExample {
    /// The sentence.
    pub text: String,
    /// Its language.
    pub lang: String,
}

/// A language's word lists, ready for lookup.
#[derive(Debug, Default)]
pub struct Stopwords {
    /// Function words.
    pub function_words: HashSet<String>,
    /// Capitalised common words.
    pub common_capitalised: HashSet<String>,
    /// Distinctive words.
    pub distinctive: HashSet<String>,
}

/// Every table, parsed, by language.
pub fn all() -> &'static HashMap<Lang, Stopwords> {
    static CELL: OnceLock<HashMap<Lang, Stopwords>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out = HashMap::new();
        for (stem, text) in tables_of("stopwords") {
            let t: StopwordTable = parse_table("stopwords", stem, text);
            let Some(lang) = Lang::from_subtag(&t.lang) else {
                panic!(
                    "corpora/tables/stopwords/{stem}.toml: unknown language {}",
                    t.lang
                );
            };
            let set = |v: &[String]| {
                v.iter()
                    .map(|w| w.to_lowercase())
                    .collect::<HashSet<String>>()
            };
            out.insert(
                lang,
                Stopwords {
                    function_words: set(&t.function_words),
                    common_capitalised: set(&t.common_capitalised),
                    distinctive: set(&t.distinctive),
                },
            );
        }
        out
    })
}

/// The word lists of `lang`, when there is a table.
pub fn of(lang: Lang) -> Option<&'static Stopwords> {
    all().get(&lang)
}

/// The languages whose function words include `word` (lowercase), in a
/// stable order: one lookup for every table at once.
pub fn languages_of(word: &str) -> &'static [Lang] {
    static CELL: OnceLock<HashMap<String, Vec<Lang>>> = OnceLock::new();
    let index = CELL.get_or_init(|| {
        let mut index: HashMap<String, Vec<Lang>> = HashMap::new();
        let mut langs: Vec<_> = all().iter().collect();
        langs.sort_by_key(|(l, _)| **l);
        for (lang, sw) in langs {
            for w in &sw.function_words {
                index.entry(w.clone()).or_default().push(*lang);
            }
        }
        index
    });
    index.get(word).map_or(&[], Vec::as_slice)
}

/// For every word in any table: the languages (by index into
/// [`indexed_langs`]) that list it as a function word and as a distinctive
/// word, as bit masks. One lookup per word serves every language.
pub struct WordMasks {
    /// Languages in bit order.
    pub langs: Vec<Lang>,
    masks: crate::hash::FastMap<String, (u64, u64)>,
}

impl WordMasks {
    /// The bit of `lang`, if it has a table.
    pub fn bit(&self, lang: Lang) -> Option<usize> {
        self.langs.iter().position(|l| *l == lang)
    }

    /// Function-word and distinctive-word masks of a lowercase word.
    pub fn get(&self, word: &str) -> (u64, u64) {
        self.masks.get(word).copied().unwrap_or((0, 0))
    }
}

/// The combined word masks of every table.
pub fn word_masks() -> &'static WordMasks {
    static CELL: OnceLock<WordMasks> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut langs: Vec<Lang> = all().keys().copied().collect();
        langs.sort();
        langs.truncate(64);
        let mut masks: crate::hash::FastMap<String, (u64, u64)> = Default::default();
        for (i, l) in langs.iter().enumerate() {
            let Some(sw) = of(*l) else { continue };
            for w in &sw.function_words {
                masks.entry(w.clone()).or_default().0 |= 1 << i;
            }
            for w in &sw.distinctive {
                masks.entry(w.clone()).or_default().1 |= 1 << i;
            }
        }
        WordMasks { langs, masks }
    })
}

/// Word counts by language over the start of a text.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Words looked at.
    pub words: usize,
    /// Function words per language bit.
    pub function: [u16; 64],
    /// Distinctive words per language bit.
    pub distinctive: [u16; 64],
}

/// Counts function and distinctive words of every language over the first
/// `max_words` words of `text`.
pub fn profile(text: &str, max_words: usize) -> Profile {
    let masks = word_masks();
    let mut p = Profile {
        words: 0,
        function: [0; 64],
        distinctive: [0; 64],
    };
    let mut buf = String::with_capacity(24);
    for t in crate::segment::tokens(text) {
        if t.kind != crate::segment::TokenKind::Word {
            continue;
        }
        p.words += 1;
        buf.clear();
        let word = &text[t.start..t.end];
        if word.is_ascii() {
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        let key = match buf.find(['\'', '’']) {
            Some(k) if k > 0 => &buf[..k],
            _ => buf.as_str(),
        };
        let (mut fw, mut di) = masks.get(key);
        while fw != 0 {
            let b = fw.trailing_zeros() as usize;
            p.function[b] += 1;
            fw &= fw - 1;
        }
        while di != 0 {
            let b = di.trailing_zeros() as usize;
            p.distinctive[b] += 1;
            di &= di - 1;
        }
        if p.words >= max_words {
            break;
        }
    }
    p
}

/// Counts, over the first `max_words` words of `text`, the words and the
/// function words of each language in `langs` (same order).
pub fn function_word_hits(
    text: &str,
    langs: &[&Stopwords],
    max_words: usize,
    hits: &mut [usize],
) -> usize {
    let mut buf = String::with_capacity(24);
    let mut words = 0;
    for t in crate::segment::tokens(text) {
        if t.kind != crate::segment::TokenKind::Word {
            continue;
        }
        words += 1;
        buf.clear();
        for c in text[t.start..t.end].chars() {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
        }
        // Elided forms (l'Italia, dell'anno) count by their first part.
        let key = match buf.find(['\'', '’']) {
            Some(k) if k > 0 => &buf[..k],
            _ => buf.as_str(),
        };
        for (i, sw) in langs.iter().enumerate() {
            if sw.function_words.contains(key) {
                hits[i] += 1;
            }
        }
        if words >= max_words {
            break;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_of_a_function_word() {
        let nl = Lang::from_subtag("nl").expect("nl");
        assert!(languages_of("het").contains(&nl));
        assert!(languages_of("bestemmingen").is_empty());
    }

    #[test]
    fn tables_parse_and_examples_lean_their_way() {
        assert!(all().len() >= 10);
        for (stem, text) in tables_of("stopwords") {
            let t: StopwordTable = parse_table("stopwords", stem, text);
            assert!(
                t.function_words.len() >= 50,
                "{stem}: too few function words"
            );
            for ex in &t.examples {
                let lang = Lang::from_subtag(&ex.lang).expect("example language");
                let own = of(lang).expect("table");
                let mut hits = [0usize];
                let words = function_word_hits(&ex.text, &[own], 200, &mut hits);
                assert!(
                    hits[0] * 5 >= words,
                    "{stem}: example has few function words: {}",
                    ex.text
                );
            }
        }
    }
}
