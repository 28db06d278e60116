//! Ordinary words per language (`corpora/tables/lexicon/`), for spotting a
//! misspelled ordinary word inside a descriptive name: "London Scrool of
//! Hygiene", "United Kinrdom". Names of people and places cannot be checked
//! against a word list, but the ordinary words that institutions and
//! landmarks are named with can.

use super::extract::{Mention, Strength};
use super::matching::PairNames;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The compiled-in lexicons, by ISO 639-1 code.
const LEXICONS: &[(&str, &str)] = &[("en", include_str!("../../../corpora/tables/lexicon/en.txt"))];

/// The ordinary words of one language.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: HashSet<&'static str>,
    /// Proper nouns the word list knows (capitalised).
    proper: HashSet<&'static str>,
}

impl Lexicon {
    /// True when `word` (lowercase) is an ordinary word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// True when `word`, as written, is a proper noun the list knows.
    pub fn is_proper(&self, word: &str) -> bool {
        self.proper.contains(word)
    }

    /// The ordinary words that `word` (lowercase ASCII letters) becomes
    /// when one letter other than the first is replaced (the last too only
    /// in words of seven letters or more: shorter ones end in another
    /// word's ending too easily).
    pub fn one_letter_fixes(&self, word: &str) -> Vec<String> {
        let mut bytes = word.as_bytes().to_vec();
        let mut out = Vec::new();
        let end = if bytes.len() >= LONG {
            bytes.len()
        } else {
            bytes.len().saturating_sub(1)
        };
        for i in 1..end {
            let orig = bytes[i];
            for c in b'a'..=b'z' {
                if c == orig {
                    continue;
                }
                bytes[i] = c;
                if let Ok(s) = std::str::from_utf8(&bytes)
                    && self.words.contains(s)
                {
                    out.push(s.to_string());
                }
            }
            bytes[i] = orig;
        }
        out
    }
}

/// The lexicon of `lang`, when the tables have one.
pub fn lexicon(lang: Option<&str>) -> Option<&'static Lexicon> {
    static CELL: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    let all = CELL.get_or_init(|| {
        LEXICONS
            .iter()
            .map(|(code, text)| {
                let (mut words, mut proper) = (HashSet::new(), HashSet::new());
                for w in text.lines().map(str::trim).filter(|w| !w.is_empty()) {
                    if w.starts_with(char::is_uppercase) {
                        proper.insert(w);
                    } else {
                        words.insert(w);
                    }
                }
                (*code, Lexicon { words, proper })
            })
            .collect()
    });
    all.get(lang?)
}

/// Shortest word checked: among shorter words, one letter from some
/// ordinary word is the rule rather than a sign of a slip (Rubin / robin,
/// Nobel / novel, Jones / jokes).
const MIN_LEN: usize = 6;

/// Words this long that the lexicon lacks but holds one letter away are
/// slips even without an ordinary word beside them (Johns Hopkins
/// Univereity), and their last letter is checked too.
const LONG: usize = 7;

/// A misspelled ordinary word inside a target name.
#[derive(Debug, Clone)]
pub struct WordSlip {
    /// Target mention.
    pub mention: usize,
    /// Word of the mention.
    pub tok: usize,
    /// The ordinary words it is one letter from (or the word of a table
    /// entity's name).
    pub fixes: Vec<String>,
    /// True when the fix is a word of a table entity's name.
    pub entity: bool,
}

/// Ordinary words misspelled inside the target's descriptive names: a word
/// of six letters or more that the lexicon lacks but holds with one letter
/// replaced, in a name of several words another of which is an ordinary
/// word (any name of several words for words of eight letters or more); not a person's name, not a table entity, not a word the
/// source also has (a name copied as it is), and written that way only once
/// in the translation (a real name is spelled consistently).
pub fn word_slips(
    names: &PairNames,
    lex: &Lexicon,
    tgt_text: &str,
    src_text: &str,
) -> Vec<WordSlip> {
    let mut out = Vec::new();
    let mut src_lower: Option<String> = None;
    let lower = |m: &Mention, k: usize| tgt_text[m.toks[k].start..m.toks[k].end].to_lowercase();
    for (mi, m) in names.tgt.mentions.iter().enumerate() {
        if m.toks.len() < 2 || m.person || !m.entities.is_empty() || m.strength == Strength::Weak {
            continue;
        }
        for (k, y) in m.toks.iter().enumerate() {
            let w = lower(m, k);
            if y.acronym
                || w.len() < MIN_LEN
                || !w.bytes().all(|b| b.is_ascii_lowercase())
                || lex.contains(&w)
                || super::data::tables().is_given(y)
            {
                continue;
            }
            // An ordinary word beside it (a proper noun would not do: a
            // given name marks a person, whose surname may be one letter
            // from a word: Gretchen Whitmer / whither).
            let ordinary_neighbour = (0..m.toks.len())
                .any(|j| j != k && !m.toks[j].acronym && lex.contains(&lower(m, j)));
            if !ordinary_neighbour && w.len() < LONG + 1 {
                continue;
            }
            let fixes = lex.one_letter_fixes(&w);
            if fixes.is_empty() {
                continue;
            }
            let src = src_lower.get_or_insert_with(|| src_text.to_lowercase());
            let surface = &tgt_text[y.start..y.end];
            if lex.is_proper(surface) || src.contains(&w) || tgt_text.matches(surface).count() > 1 {
                continue;
            }
            out.push(WordSlip {
                mention: mi,
                tok: k,
                fixes,
                entity: false,
            });
        }
    }
    out
}

/// Target words one letter off a word of a table entity that the source
/// names, and written in no form of it (France → Frounce, Saudi Arabia →
/// Saudi Arebia): the entity's name misspelled. Words of five letters or
/// more, neither the first letter nor the last two changed.
pub fn entity_slips(names: &PairNames, tgt_lang: Option<&str>, tgt_text: &str) -> Vec<WordSlip> {
    let t = super::data::tables();
    let Some(lang) = tgt_lang else {
        return Vec::new();
    };
    let mut words: Vec<(String, &str)> = names
        .src
        .mentions
        .iter()
        .flat_map(|m| m.entities.iter())
        .filter_map(|&e| t.entities[e as usize].form_in(lang))
        .flat_map(|f| f.split('|'))
        .flat_map(|f| f.split_whitespace())
        .map(|w| (super::key::strict(w), w))
        .filter(|(k, _)| k.chars().count() >= 5)
        .collect();
    words.sort();
    words.dedup();
    let mut out = Vec::new();
    if words.is_empty() {
        return out;
    }
    let lex = lexicon(Some(lang));
    for (mi, m) in names.tgt.mentions.iter().enumerate() {
        if m.strength == Strength::Weak || !m.entities.is_empty() {
            continue;
        }
        for (k, y) in m.toks.iter().enumerate() {
            let known = lex.is_some_and(|l| l.is_proper(&tgt_text[y.start..y.end]));
            if y.acronym || known || words.iter().any(|(w, _)| *w == y.strict) {
                continue;
            }
            if let Some((_, w)) = words.iter().find(|(w, _)| one_substitution(w, &y.strict)) {
                out.push(WordSlip {
                    mention: mi,
                    tok: k,
                    fixes: vec![w.to_string()],
                    entity: true,
                });
            }
        }
    }
    out
}

/// True when `b` is `a` with one letter replaced, neither the first nor
/// one of the last two (where case endings differ: Afrika / Afriky).
fn one_substitution(a: &str, b: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let diffs: Vec<usize> = (0..x.len().min(y.len()))
        .filter(|&i| x[i] != y[i])
        .collect();
    x.len() == y.len() && matches!(diffs[..], [i] if i > 0 && i + 2 < x.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lexicon_is_compiled_in() {
        let en = lexicon(Some("en")).expect("en lexicon");
        assert!(en.contains("school"));
        assert!(!en.contains("scrool"));
        assert!(lexicon(Some("xx")).is_none());
        assert!(lexicon(None).is_none());
    }

    #[test]
    fn entity_substitutions_spare_first_letter_and_endings() {
        assert!(one_substitution("france", "frunce"));
        assert!(!one_substitution("france", "trance"));
        // Case endings differ in the last two letters (Afrika / Afriky).
        assert!(!one_substitution("afrika", "afriky"));
        assert!(!one_substitution("france", "frances"));
    }

    #[test]
    fn known_proper_nouns() {
        let en = lexicon(Some("en")).expect("en lexicon");
        assert!(en.is_proper("Columbia"));
        assert!(!en.is_proper("columbia"));
        assert!(!en.contains("Columbia"));
    }

    #[test]
    fn one_letter_fixes() {
        let en = lexicon(Some("en")).expect("en lexicon");
        assert!(
            en.one_letter_fixes("kinrdom")
                .contains(&"kingdom".to_string())
        );
        assert!(
            en.one_letter_fixes("scrool")
                .contains(&"school".to_string())
        );
        // First and last letters are not replaced.
        assert!(en.one_letter_fixes("bchool").is_empty());
        assert!(en.one_letter_fixes("zyxwv").is_empty());
    }
}
