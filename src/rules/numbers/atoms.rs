//! The text as the number rules read it: a flat list of atoms (digit runs,
//! letter runs, single CJK characters and single symbols) with case-folded
//! keys, so that table forms are matched by comparing integers.

use crate::hash::FxHasher;
use crate::segment::is_cjk_char;
use std::hash::Hasher;

/// What an atom is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtomKind {
    /// A run of decimal digits (any script).
    Digits,
    /// A run of letters (not CJK).
    Word,
    /// One CJK ideograph, kana or hangul syllable.
    Cjk,
    /// One other character (punctuation, symbol).
    Sym,
}

/// A piece of text.
#[derive(Debug, Clone, Copy)]
pub struct Atom {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: AtomKind,
    /// Hash of the folded form (digits mapped to ASCII).
    pub key: u64,
    /// No white space between the previous atom and this one.
    pub glued: bool,
}

impl Atom {
    /// True for letters (words and CJK characters).
    pub fn is_letter(&self) -> bool {
        matches!(self.kind, AtomKind::Word | AtomKind::Cjk)
    }
}

/// Zero code points of the decimal digit sets accepted besides ASCII.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

/// The value of a decimal digit of any script.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if (c as u32) < 0x660 {
        return None;
    }
    let u = c as u32;
    DIGIT_ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&u))
        .map(|&z| u - z)
}

/// Folds one character for matching: apostrophes to `'`, Romanian cedillas
/// to commas below, Greek accents stripped, digits to ASCII, then
/// lower-cased. Calls `out` with each resulting character.
#[inline]
pub fn fold_char(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    if let Some(d) = digit_value(c) {
        out(char::from(b'0' + d as u8));
        return;
    }
    // Latin-1, Greek and Cyrillic capitals without the Unicode tables.
    let u = c as u32;
    let simple = match u {
        0xC0..=0xDE if u != 0xD7 => Some(u + 0x20),
        0x391..=0x3A9 if u != 0x3A2 => Some(u + 0x20),
        0x410..=0x42F => Some(u + 0x20),
        0x400..=0x40F => Some(u + 0x50),
        0xDF..=0xFF | 0x3B1..=0x3C9 | 0x430..=0x45F => Some(u),
        _ => None,
    };
    if let Some(l) = simple.and_then(char::from_u32) {
        out(strip_greek_accent(l));
        return;
    }
    let c = match c {
        '\u{2019}' | '\u{02BC}' | '\u{2018}' => '\'',
        'ş' | 'Ş' => 'ș',
        'ţ' | 'Ţ' => 'ț',
        '．' => '.',
        '，' => ',',
        '％' => '%',
        _ => c,
    };
    for l in c.to_lowercase() {
        out(strip_greek_accent(l));
    }
}

/// Greek vowels without tonos or dialytika.
fn strip_greek_accent(c: char) -> char {
    match c {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        _ => c,
    }
}

/// Case-folded key of a piece of text.
pub fn key_of(s: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in s.chars() {
        fold_char(c, |f| h.write_u64(u64::from(u32::from(f))));
    }
    h.write_u8(0xff);
    h.finish()
}

fn is_word_char(c: char) -> bool {
    // Latin-1 and Latin Extended, Greek and Cyrillic letters without the
    // Unicode table lookup.
    match c as u32 {
        0xC0..=0x24F => return c != '×' && c != '÷',
        0x386..=0x3FF | 0x400..=0x481 | 0x48A..=0x52F => return true,
        _ => {}
    }
    (c.is_alphabetic() && !is_cjk_char(c)) || unicode_normalization::char::is_combining_mark(c)
}

/// Splits `text` into atoms. White space separates atoms and is dropped.
pub fn atomize(text: &str) -> Vec<Atom> {
    let mut out = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut prev_end = usize::MAX;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        let kind;
        if digit_value(c).is_some() {
            kind = AtomKind::Digits;
            i += len;
            while let Some(d) = text[i..].chars().next() {
                if digit_value(d).is_none() {
                    break;
                }
                i += d.len_utf8();
            }
        } else if is_cjk_char(c) && c != '・' {
            kind = AtomKind::Cjk;
            i += len;
        } else if is_word_char(c) {
            kind = AtomKind::Word;
            i += len;
            while i < bytes.len() {
                if bytes[i] < 0x80 {
                    if bytes[i].is_ascii_alphabetic() {
                        i += 1;
                        continue;
                    }
                    break;
                }
                match text[i..].chars().next() {
                    Some(d) if is_word_char(d) => i += d.len_utf8(),
                    _ => break,
                }
            }
        } else {
            kind = AtomKind::Sym;
            i += len;
        }
        out.push(Atom {
            start,
            end: i,
            kind,
            key: key_of(&text[start..i]),
            glued: prev_end == start,
        });
        prev_end = i;
    }
    out
}

/// The atoms of a table form (white space dropped; hyphens between two
/// letters or digits dropped, so that `dix-sept` matches `dix sept`).
pub fn form_atoms(form: &str) -> Vec<Atom> {
    let atoms = atomize(form);
    if atoms.len() == 1 {
        return atoms;
    }
    let mut out = Vec::with_capacity(atoms.len());
    for (k, a) in atoms.iter().enumerate() {
        let hyphen = a.kind == AtomKind::Sym && &form[a.start..a.end] == "-";
        let between = k > 0
            && k + 1 < atoms.len()
            && atoms[k - 1].kind != AtomKind::Sym
            && atoms[k + 1].kind != AtomKind::Sym;
        if hyphen && between {
            continue;
        }
        out.push(*a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(&str, AtomKind, bool)> {
        atomize(t)
            .iter()
            .map(|a| (&t[a.start..a.end], a.kind, a.glued))
            .collect()
    }

    #[test]
    fn atoms_of_mixed_text() {
        use AtomKind::*;
        assert_eq!(
            kinds("G7 1.200,5 d’euros 3億円"),
            [
                ("G", Word, false),
                ("7", Digits, true),
                ("1", Digits, false),
                (".", Sym, true),
                ("200", Digits, true),
                (",", Sym, true),
                ("5", Digits, true),
                ("d", Word, false),
                ("’", Sym, true),
                ("euros", Word, true),
                ("3", Digits, false),
                ("億", Cjk, true),
                ("円", Cjk, true),
            ]
        );
    }

    #[test]
    fn folding() {
        assert_eq!(key_of("ΕΚΑΤΟΜΜΥΡΙΑ"), key_of("εκατομμύρια"));
        assert_eq!(key_of("d’"), key_of("d'"));
        assert_eq!(key_of("şapte"), key_of("șapte"));
        assert_eq!(key_of("３"), key_of("3"));
        assert_eq!(digit_value('٣'), Some(3));
        assert_eq!(digit_value('x'), None);
        let f = form_atoms("dix-sept");
        assert_eq!(f.len(), 2);
    }
}
