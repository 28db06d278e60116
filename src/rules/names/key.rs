//! Matching keys for names.
//!
//! - the strict key: NFKC, lowercase, diacritics removed, Cyrillic, Greek,
//!   Arabic, Hebrew, Devanagari and kana transliterated to Latin, letters
//!   and digits only (`Zürich` → `zurich`, `Москва` → `moskva`);
//! - the loose key: the same with the spellings that romanisation schemes
//!   disagree on folded into classes by the rewrite rules of
//!   `corpora/tables/names/romanisation.toml` (`Zelensky`, `Zelenskiy`,
//!   `Selenskyj`, `Zelenski` and `Зеленский` share one), then doubled
//!   letters collapsed.

use super::script;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

/// The base letter of `c` without its diacritics (any Latin letter).
pub fn base_letter(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let mut base = c;
    let mut first = true;
    decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base
}

/// Latin letters that do not decompose into a base letter and a mark.
fn special_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ŀ' => "l",
        _ => return None,
    })
}

/// True when `word` needs the word-level transliteration of [`script`].
fn needs_script(word: &str) -> bool {
    !word.is_ascii() && word.chars().any(|c| script::script_of(c).is_some())
}

/// Appends the strict key of `word` to `out`.
pub fn strict_into(word: &str, out: &mut String) {
    if needs_script(word) {
        let t = script::transliterate(word);
        return strict_into(&t, out);
    }
    for c in word.nfkc() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(s) = special_latin(l).or_else(|| crate::translit::latin_of(l)) {
                out.push_str(s);
            } else if l.is_alphanumeric() {
                let b = base_letter(l);
                if b.is_alphanumeric() {
                    out.push(b);
                }
            }
        }
    }
}

/// The strict key of `word`.
pub fn strict(word: &str) -> String {
    let mut s = String::with_capacity(word.len() + 4);
    strict_into(word, &mut s);
    s
}

/// Latin letters whose diacritic marks a sound that other languages spell
/// with a digraph: kept apart in the loose key.
fn expand_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'č' | 'ć' | 'ĉ' => "ch",
        'š' | 'ś' | 'ŝ' | 'ş' | 'ș' => "sh",
        'ž' | 'ź' | 'ż' => "zh",
        'ç' => "s",
        'ä' => "a",
        'ö' => "o",
        'ü' => "u",
        'ñ' => "n",
        _ => return None,
    })
}

/// Appends the lowercase Latin spelling the loose rules rewrite.
fn expanded_into(word: &str, out: &mut String) {
    if needs_script(word) {
        let t = script::transliterate(word);
        return expanded_into(&t, out);
    }
    for c in word.nfkc() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(s) = expand_latin(l)
                .or_else(|| special_latin(l))
                .or_else(|| crate::translit::latin_of(l))
            {
                out.push_str(s);
            } else if l.is_alphanumeric() {
                let b = base_letter(l);
                if b.is_alphanumeric() {
                    out.push(b);
                }
            }
        }
    }
}

/// One rewrite: a literal pattern, an optional set of letters that must
/// follow it (not consumed), and its replacement.
#[derive(Debug, Clone)]
struct Rewrite {
    pat: Vec<u8>,
    ahead: Option<Vec<u8>>,
    rep: String,
}

/// Leftmost-longest rewriting of lowercase ASCII by a rule list.
#[derive(Debug, Clone, Default)]
pub struct Rewriter {
    by_first: Vec<Vec<Rewrite>>,
}

impl Rewriter {
    /// Builds a rewriter from `[pattern, replacement]` pairs. A pattern may
    /// end with `[letters]`: one of those letters must follow.
    pub fn new(rules: &[(String, String)]) -> Rewriter {
        let mut by_first: Vec<Vec<Rewrite>> = vec![Vec::new(); 128];
        for (from, to) in rules {
            let (pat, ahead) = match from.find('[') {
                Some(i) => (
                    from.as_bytes()[..i].to_vec(),
                    Some(from[i + 1..].trim_end_matches(']').as_bytes().to_vec()),
                ),
                None => (from.as_bytes().to_vec(), None),
            };
            if let Some(&b) = pat.first()
                && b < 128
            {
                by_first[b as usize].push(Rewrite {
                    pat,
                    ahead,
                    rep: to.clone(),
                });
            }
        }
        for v in &mut by_first {
            v.sort_by_key(|r| std::cmp::Reverse(r.pat.len()));
        }
        Rewriter { by_first }
    }

    /// Rewrites `s` into `out`, then collapses runs of one symbol.
    pub fn apply(&self, s: &str, out: &mut String) {
        let bytes = s.as_bytes();
        let mut i = 0;
        let start = out.len();
        'outer: while i < bytes.len() {
            let b = bytes[i];
            if b < 128 {
                for r in &self.by_first[b as usize] {
                    if bytes[i..].starts_with(&r.pat) {
                        let next = bytes.get(i + r.pat.len());
                        if let Some(set) = &r.ahead
                            && !next.is_some_and(|n| set.contains(n))
                        {
                            continue;
                        }
                        out.push_str(&r.rep);
                        i += r.pat.len();
                        continue 'outer;
                    }
                }
                out.push(b as char);
                i += 1;
            } else {
                let ch = s[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
            }
        }
        // Collapse doubled symbols.
        let tail: String = out[start..].to_string();
        out.truncate(start);
        let mut last = None;
        for c in tail.chars() {
            if Some(c) != last {
                out.push(c);
            }
            last = Some(c);
        }
    }
}

/// The loose key of `word` under `rw`.
pub fn loose_with(rw: &Rewriter, word: &str) -> String {
    let mut e = String::with_capacity(word.len() + 4);
    expanded_into(word, &mut e);
    let mut out = String::with_capacity(e.len());
    rw.apply(&e, &mut out);
    out
}

/// The loose key of `word` (rules of the romanisation table).
pub fn loose(word: &str) -> String {
    loose_with(&super::data::tables().loose, word)
}

/// Variant symbols that may stand for either of two classes when loose
/// keys are compared pairwise (`ch` is `ч` in English and `х` in German).
pub fn symbols_agree(a: char, b: char) -> bool {
    a == b || matches!((a, b), ('X', 'S') | ('S', 'X') | ('X', 'H') | ('H', 'X'))
}

/// True when two loose keys are equal up to wildcard symbols.
pub fn loose_agree(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.chars().zip(b.chars()).all(|(x, y)| symbols_agree(x, y))
}

/// The consonant skeleton of a loose key: vowels and glides dropped, for
/// comparing with abjad scripts that do not write short vowels.
pub fn skeleton(loose: &str) -> String {
    let mut out = String::with_capacity(loose.len());
    let mut last = None;
    for c in loose.chars() {
        let c = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'I' | 'v' | 'w' => continue,
            'p' => 'b',
            'f' => 'b',
            'X' => 'S',
            'g' => 'K',
            'd' => 't',
            c => c,
        };
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_keys() {
        assert_eq!(strict("Zürich"), "zurich");
        assert_eq!(strict("Москва"), "moskva");
        assert_eq!(strict("Łódź"), "lodz");
        assert_eq!(strict("Straße"), "strasse");
        assert_eq!(strict("O’Brien"), "obrien");
        assert_eq!(strict("ＮＡＴＯ"), "nato");
    }

    #[test]
    fn loose_keys_meet_across_schemes() {
        let z = loose("Zelensky");
        for v in [
            "Zelenskiy",
            "Selenskyj",
            "Zelenski",
            "Зеленский",
            "Zelenskyj",
            "Zełenski",
        ] {
            assert_eq!(loose(v), z, "{v}");
        }
        assert_eq!(loose("Kovalyov"), loose("Kovalev"));
        assert_eq!(loose("Ковалёв"), loose("Kovalyov"));
        assert_eq!(loose("Müller"), loose("Mueller"));
        assert!(loose_agree(&loose("Shevchenko"), &loose("Szewczenko")));
        assert_eq!(loose("Ševčenko"), loose("Shevchenko"));
        assert_eq!(loose("Tchaïkovski"), loose("Tschaikowski"));
        assert!(loose_agree(&loose("Michail"), &loose("Mikhail")));
        assert_ne!(loose("Scholz"), loose("Schulz"));
        assert_ne!(loose("Stoltenberg"), loose("Stoltemberg"));
        assert_ne!(loose("Zelensky"), loose("Zelinsky"));
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton(&loose("ترامب")), skeleton(&loose("Trump")));
        assert_eq!(skeleton(&loose("محمد")), skeleton(&loose("Mohammed")));
    }
}
