//! What the punctuation rules share: the table for a side, the characters of
//! a paragraph, and the stretches they must leave alone (URLs, e-mail
//! addresses, handles, hashtags, emoticons).

use super::tables::{PunctTable, punct_table_for};
use crate::rules::SideContext;
use crate::segment::{TokenKind, tokens};

/// The punctuation table of a side's language.
pub fn table_of(side: &SideContext<'_>) -> Option<&'static PunctTable> {
    punct_table_for(side.tag?)
}

/// The characters of a paragraph with their byte offsets in the side text,
/// and for each whether a rule must skip it.
pub struct ParaChars {
    /// `(byte, char)` in order.
    pub chars: Vec<(usize, char)>,
    /// Parallel to `chars`: inside a link or an emoticon.
    pub protected: Vec<bool>,
}

impl ParaChars {
    /// Reads paragraph `start..end` of `text`.
    pub fn new(text: &str, start: usize, end: usize) -> ParaChars {
        let para = &text[start..end];
        let chars: Vec<(usize, char)> = para.char_indices().map(|(i, c)| (start + i, c)).collect();
        let mut protected = vec![false; chars.len()];
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for t in tokens(para).filter(|t| t.kind == TokenKind::Link) {
            let mut e = t.end;
            // A URL ending in a bracketed part: `…/Foo_(bar)`.
            let body = &para[t.start..t.end];
            if body.matches('(').count() > body.matches(')').count() && para[e..].starts_with(')') {
                e += 1;
            }
            ranges.push((start + t.start, start + e));
        }
        for (k, &(b, _)) in chars.iter().enumerate() {
            if ranges.iter().any(|&(s, e)| b >= s && b < e) {
                protected[k] = true;
            }
        }
        for (k, n) in emoticons(&chars) {
            for p in &mut protected[k..k + n] {
                *p = true;
            }
        }
        ParaChars { chars, protected }
    }

    /// The character before index `k`.
    pub fn prev(&self, k: usize) -> Option<char> {
        k.checked_sub(1).map(|i| self.chars[i].1)
    }

    /// The character after index `k`.
    pub fn next(&self, k: usize) -> Option<char> {
        self.chars.get(k + 1).map(|x| x.1)
    }

    /// The byte just after character `k`.
    pub fn end_of(&self, k: usize) -> usize {
        self.chars[k].0 + self.chars[k].1.len_utf8()
    }
}

/// Emoticons as `(index, length)`: `:)`, `:-(`, `;)`, `:D`, `:P`, `=)`,
/// `<3`, `^^`, `xD`, standing alone (after a space or at the start, before a
/// space, punctuation or the end).
pub fn emoticons(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let c = |i: usize| chars.get(i).map(|x| x.1);
    // Emoticons ending in a bracket are often glued to the last word
    // (`работы:(`, `難过：(`), never to a digit (`3:1`); those ending in a
    // letter (`:D`) stand alone.
    let alone_before = |i: usize, len: usize| {
        i == 0
            || c(i - 1).is_some_and(|p| {
                p.is_whitespace()
                    || matches!(p, '(' | '"' | '“')
                    || (!p.is_ascii_digit() && c(i + len - 1).is_some_and(|e| !e.is_alphabetic()))
                    || !p.is_alphanumeric()
            })
    };
    let alone_after = |i: usize| {
        c(i).is_none_or(|n| {
            n.is_whitespace() || matches!(n, '.' | ',' | '!' | '?' | ')' | '"' | '”')
        })
    };
    let mut i = 0;
    while i < chars.len() {
        let len = match (c(i), c(i + 1), c(i + 2)) {
            (
                Some(':' | ';' | '=' | '：'),
                Some('-' | '\'' | 'o' | '^'),
                Some(')' | '(' | 'D' | 'P' | 'p' | '/' | '|' | '*' | '[' | ']' | 'O' | '3'),
            ) => 3,
            (
                Some(':' | ';' | '=' | '：'),
                Some(')' | '(' | 'D' | 'P' | 'p' | '/' | '|' | '*' | '[' | ']' | 'O' | '3'),
                _,
            ) => 2,
            (Some('<'), Some('3'), _) | (Some('^'), Some('^'), _) => 2,
            (Some('x' | 'X'), Some('D'), _) => 2,
            _ => 0,
        };
        if len > 0 && alone_before(i, len) && alone_after(i + len) {
            // `:D` and `:P` only as whole tokens (not `Note:Data`).
            out.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    out
}

/// Closing marks that may follow a sentence's final punctuation: quotation
/// marks and brackets.
pub fn is_trailing_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '］'
            | '〕'
            | '〉'
            | '》'
            | '*'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emo(s: &str) -> Vec<String> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        emoticons(&chars)
            .into_iter()
            .map(|(i, n)| chars[i..i + n].iter().map(|x| x.1).collect())
            .collect()
    }

    #[test]
    fn finds_emoticons_alone() {
        assert_eq!(emo("great :) see you ;-) <3"), [":)", ";-)", "<3"]);
        assert!(emo("Note: Data").is_empty());
        assert!(emo("ratio 3:1").is_empty());
        assert!(emo("He said:Perhaps").is_empty());
        assert_eq!(emo("работы:( 难过：("), [":(", "：("]);
        assert!(emo("abc:D").is_empty());
    }

    #[test]
    fn protects_links() {
        let t = "See https://en.wikipedia.org/wiki/Foo_(bar). Or mail a@b.org :)";
        let p = ParaChars::new(t, 0, t.len());
        let prot: String = p
            .chars
            .iter()
            .zip(&p.protected)
            .filter(|(_, p)| **p)
            .map(|(c, _)| c.1)
            .collect();
        assert_eq!(prot, "https://en.wikipedia.org/wiki/Foo_(bar)a@b.org:)");
    }
}
