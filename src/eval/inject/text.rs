//! Text helpers for the injections: words, sentence starts, quotation
//! pairs, whole-word search.

use crate::segment::is_cjk_char;

/// Byte ranges of the words of `text`: runs of letters, with apostrophes
/// and hyphens kept between letters.
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let joiner = matches!(c, '\'' | '’' | '-')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if (c.is_alphabetic() && !is_cjk_char(c)) || joiner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Marks that may open a sentence before its first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '„'
            | '«'
            | '»'
            | '‘'
            | '‚'
            | '‹'
            | '('
            | '['
            | '—'
            | '–'
            | '-'
            | '¿'
            | '¡'
    )
}

/// True when the word at `start` begins its sentence (only white space and
/// opening marks since the start of the text or a sentence end).
pub fn is_sentence_initial(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        if c.is_whitespace() || is_opener(c) {
            continue;
        }
        return matches!(c, '.' | '!' | '?' | ':' | ';' | '…' | '。' | '！' | '？');
    }
    true
}

/// True when the text is a body paragraph rather than a headline or a
/// caption: at least [`BODY_CHARS`] letters or digits.
pub fn is_body(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphanumeric()).count() >= BODY_CHARS
}

/// Letters and digits a paragraph needs to count as body text.
pub const BODY_CHARS: usize = 60;

/// Byte offsets of the whole-word occurrences of `word` (for CJK words,
/// every occurrence).
pub fn find_word(text: &str, word: &str) -> Vec<usize> {
    let cjk = word.chars().next().is_some_and(is_cjk_char);
    text.match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            cjk || {
                let before = text[..i].chars().next_back();
                let after = text[i + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            }
        })
        .collect()
}

/// Quotation-mark pairs: (opening, closing).
const QUOTE_PAIRS: &[(char, char)] = &[
    ('„', '“'),
    ('„', '”'),
    ('«', '»'),
    ('»', '«'),
    ('“', '”'),
    ('「', '」'),
    ('『', '』'),
    ('‚', '‘'),
    ('‹', '›'),
    ('"', '"'),
];

/// A quotation found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the closing mark.
    pub close: usize,
    /// The opening mark.
    pub open_mark: char,
    /// The closing mark.
    pub close_mark: char,
}

/// The quotations of `text`, left to right: each opening mark paired with
/// the first later mark that closes it.
pub fn quotations(text: &str) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some((i, c)) = text[pos..].char_indices().next().map(|(i, c)| (pos + i, c)) else {
            break;
        };
        let closers: Vec<char> = QUOTE_PAIRS
            .iter()
            .filter(|(o, _)| *o == c)
            .map(|(_, cl)| *cl)
            .collect();
        let after = i + c.len_utf8();
        let found = (!closers.is_empty())
            .then(|| {
                text[after..]
                    .char_indices()
                    .find(|(_, d)| closers.contains(d))
            })
            .flatten();
        match found {
            Some((j, d)) => {
                out.push(Quotation {
                    open: i,
                    close: after + j,
                    open_mark: c,
                    close_mark: d,
                });
                pos = after + j + d.len_utf8();
            }
            None => pos = after,
        }
    }
    out
}

/// `text` with `start..end` replaced by `with`.
pub fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let mut s = String::with_capacity(text.len() + with.len());
    s.push_str(&text[..start]);
    s.push_str(with);
    s.push_str(&text[end..]);
    s
}

/// `word` with its first letter upper-cased.
pub fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words() {
        let t = "Jean-Luc's 3 cats, l'été.";
        let w: Vec<&str> = words(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(w, ["Jean-Luc's", "cats", "l'été"]);
        assert!(words("東京 Tokyo").len() == 1);
    }

    #[test]
    fn sentence_starts() {
        let t = "Hello. «Anna said» Bob and Carl.";
        assert!(is_sentence_initial(t, 0));
        assert!(is_sentence_initial(t, t.find("Anna").unwrap_or(0)));
        assert!(!is_sentence_initial(t, t.find("Carl").unwrap_or(0)));
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(find_word("mai maison Mai mai.", "mai"), [0, 15]);
        assert_eq!(find_word("3万人と5万円", "万"), [1, 11]);
    }

    #[test]
    fn pairs_quotation_marks() {
        let t = "Er sagte „ja“ und „nein“. He said “yes” and \"no\".";
        let q = quotations(t);
        assert_eq!(q.len(), 4);
        assert_eq!((q[0].open_mark, q[0].close_mark), ('„', '“'));
        assert_eq!(&t[q[1].open..q[1].close], "„nein");
        assert_eq!((q[2].open_mark, q[2].close_mark), ('“', '”'));
        assert_eq!((q[3].open_mark, q[3].close_mark), ('"', '"'));
        assert!(quotations("an “unclosed quote").is_empty());
        assert_eq!(quotations("「東京」").len(), 1);
    }

    #[test]
    fn bodies_and_edits() {
        assert!(!is_body("Short headline"));
        assert!(is_body(&"word ".repeat(20)));
        assert_eq!(splice("abcdef", 1, 3, "XY"), "aXYdef");
        assert_eq!(capitalize("été"), "Été");
    }
}
