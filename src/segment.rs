//! Segmentation: sentences inside paragraphs and tokens inside text, as byte
//! spans into the original side text (never copies).

use crate::tables::abbreviations;

/// A sentence: a byte range of the side text and the paragraph holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte in the side text.
    pub start: usize,
    /// End byte (exclusive) in the side text.
    pub end: usize,
    /// Index of the paragraph holding it.
    pub paragraph: usize,
}

/// Bytes that may begin a terminal mark: ASCII `.!?;` and the lead bytes of
/// the multi-byte marks below.
static CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b';' as usize] = true;
    t[0xCD] = true; // U+037E Greek question mark
    t[0xD8] = true; // U+061F Arabic question mark
    t[0xDB] = true; // U+06D4 Urdu full stop
    t[0xE0] = true; // U+0964 Devanagari danda
    t[0xE2] = true; // U+2026 ellipsis, U+203C.. double marks
    t[0xE3] = true; // U+3002 ideographic full stop
    t[0xEF] = true; // full-width ！？．｡
    t
};

/// Marks that end a sentence wherever they stand (full-width CJK marks).
fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '．')
}

/// Marks that end a sentence when followed by a space and a sentence start.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '؟' | '۔' | '।' | '\u{37e}' | '‼' | '⁇' | '⁈' | '⁉'
    )
}

/// Closing marks that stay with the sentence they end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '«'
            | '“'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '〉'
            | '》'
    )
}

/// Could `c` start a new sentence after a terminal mark?
fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\''
                | '“'
                | '‘'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '('
                | '['
                | '—'
                | '–'
                | '-'
                | '¿'
                | '¡'
                | '「'
        )
        || (c.is_alphabetic() && !c.is_lowercase())
}

/// Splits one paragraph (`start..end` of `text`) into sentences. `lang` is an
/// ISO 639-1 code, used for abbreviations and ordinal stops.
pub fn split_sentences(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    lang: Option<&str>,
    out: &mut Vec<Sentence>,
) {
    let para = &text[start..end];
    let abbr = abbreviations();
    let ordinal_dot = abbr.ordinal_dot(lang);
    // Greek writes its question mark with the ASCII semicolon.
    let greek = lang == Some("el");
    let mut sent_start = 0usize;
    let bytes = para.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only these bytes can start a terminal mark; everything else is
        // skipped without decoding.
        if !CANDIDATE[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let c = para[i..].chars().next().unwrap_or(' ');
        let cjk = is_cjk_terminal(c);
        if !(cjk || is_terminal(c) || (greek && c == ';')) {
            i += c.len_utf8();
            continue;
        }
        // Consume runs of terminal marks and closing marks.
        let mut after = i + c.len_utf8();
        for d in para[after..].chars() {
            if is_terminal(d) || is_cjk_terminal(d) || is_closer(d) {
                after += d.len_utf8();
            } else {
                break;
            }
        }
        // French and Swiss style: a spaced closing guillemet stays too.
        if let Some(r) = para[after..].strip_prefix([' ', '\u{a0}', '\u{202f}'])
            && let Some(r2) = r.strip_prefix(['»', '”'])
            && r2.chars().next().is_none_or(char::is_whitespace)
        {
            after = para.len() - r2.len();
        }
        let dot = c == '.' && after == i + 1;
        let word_end = i;
        i = after;
        let rest = &para[after..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            break;
        }
        let gap = &rest[..rest.len() - trimmed.len()];
        let next = trimmed.chars().next().unwrap_or(' ');
        if !cjk {
            if gap.is_empty() || !starts_sentence(next) {
                continue;
            }
            if dot && !gap.contains('\n') {
                let word = word_before(para, word_end);
                if is_abbreviation(word, lang, abbr) {
                    continue;
                }
                if ordinal_dot && !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
            }
        }
        push_trimmed(para, start, sent_start, after, paragraph, out);
        sent_start = after;
    }
    push_trimmed(para, start, sent_start, para.len(), paragraph, out);
}

fn push_trimmed(
    para: &str,
    base: usize,
    s: usize,
    e: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let piece = &para[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    if !body.is_empty() {
        out.push(Sentence {
            start: base + s + lead,
            end: base + s + lead + body.len(),
            paragraph,
        });
    }
}

/// The word (letters and internal full stops) ending just before byte `i`.
fn word_before(para: &str, i: usize) -> &str {
    let head = &para[..i];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '-' || c == '°'))
        .map_or(0, |(j, c)| j + c.len_utf8());
    &head[start..]
}

fn is_abbreviation(word: &str, lang: Option<&str>, abbr: &crate::tables::Abbreviations) -> bool {
    if word.is_empty() {
        return false;
    }
    // An initial or the last part of "U.S.": one letter after a stop or alone.
    let last = word.rsplit('.').next().unwrap_or(word);
    let mut chars = last.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_alphabetic()
    {
        return true;
    }
    let lower = word.to_lowercase();
    abbr.contains(lang, &lower) || abbr.contains(lang, last.to_lowercase().as_str())
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with internal apostrophes and hyphens).
    Word,
    /// Digits, with internal separators.
    Number,
    /// A URL, e-mail address, @handle or #hashtag.
    Link,
    /// A run of CJK ideographs, kana or hangul (not segmented further).
    Cjk,
}

/// A token: a byte range of a text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
}

/// True for characters of scripts written without spaces between words.
pub fn is_cjk_char(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // kana
        | 0x3400..=0x4DBF // CJK ext A
        | 0x4E00..=0x9FFF // CJK unified
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xAC00..=0xD7AF // hangul syllables
        | 0x1100..=0x11FF // hangul jamo
        | 0x20000..=0x2FFFF)
}

fn is_link_char(c: char) -> bool {
    !c.is_whitespace()
        && !matches!(c, '"' | '<' | '>' | '“' | '”' | '«' | '»')
        // CJK punctuation and full-width forms end a link ("见www.x.cn。")
        && !matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

/// Iterates over the tokens of `text` (offsets relative to `text`).
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Iterator returned by [`tokens`].
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let t = self.text;
        loop {
            let bytes = t.as_bytes();
            let mut start = self.pos;
            let c = loop {
                let b = *bytes.get(start)?;
                if b < 0x80 {
                    if b.is_ascii_alphanumeric() || b == b'@' || b == b'#' {
                        break char::from(b);
                    }
                    start += 1;
                } else {
                    let c = t[start..].chars().next()?;
                    if c.is_alphanumeric() {
                        break c;
                    }
                    start += c.len_utf8();
                }
            };
            let tail = &t[start..];
            // Links: URLs, www., e-mail, handles, hashtags.
            let head = tail.as_bytes();
            let starts =
                |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
            if starts(b"http://") || starts(b"https://") || starts(b"www.") {
                let end = start + link_len(tail);
                self.pos = end;
                return Some(Token {
                    start,
                    end,
                    kind: TokenKind::Link,
                });
            }
            if c == '@' || c == '#' {
                let body: usize = tail[1..]
                    .char_indices()
                    .find(|&(_, d)| !(d.is_alphanumeric() || d == '_'))
                    .map_or(tail.len() - 1, |(j, _)| j);
                self.pos = start + 1 + body;
                if body > 0 {
                    return Some(Token {
                        start,
                        end: start + 1 + body,
                        kind: TokenKind::Link,
                    });
                }
                continue;
            }
            if is_cjk_char(c) {
                let len = tail
                    .char_indices()
                    .find(|&(_, d)| !is_cjk_char(d))
                    .map_or(tail.len(), |(j, _)| j);
                self.pos = start + len;
                return Some(Token {
                    start,
                    end: start + len,
                    kind: TokenKind::Cjk,
                });
            }
            let numeric = c.is_numeric();
            let end = word_end(t, start, numeric);
            // E-mail addresses: word@word.tld
            if t[end..].starts_with('@') {
                let link = link_len(tail);
                if tail[..link].contains('.') && link > end - start + 1 {
                    self.pos = start + link;
                    return Some(Token {
                        start,
                        end: start + link,
                        kind: TokenKind::Link,
                    });
                }
            }
            self.pos = end.max(start + c.len_utf8());
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            return Some(Token {
                start,
                end: self.pos,
                kind,
            });
        }
    }
}

/// Is `c` a letter or digit that continues a word (CJK excluded)?
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk_char(c)
}

/// End of the word or number starting at `start`: letters and digits, with
/// joiners (apostrophes and hyphens inside words; stops, commas and
/// no-break spaces inside numbers) kept only between two word characters.
fn word_end(t: &str, start: usize, numeric: bool) -> usize {
    let bytes = t.as_bytes();
    let mut pos = start;
    let char_at = |p: usize| t.get(p..).and_then(|r| r.chars().next());
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii_alphanumeric() {
            pos += 1;
            continue;
        }
        let Some(d) = char_at(pos) else { break };
        let len = d.len_utf8();
        if b >= 0x80 && is_word_char(d) {
            pos += len;
            continue;
        }
        let next = char_at(pos + len);
        let joins = match d {
            '\'' | '’' | '-' => next.is_some_and(is_word_char),
            '.' | ',' | '\u{a0}' | '\u{202f}' => numeric && next.is_some_and(|n| n.is_numeric()),
            _ => false,
        };
        if !joins {
            break;
        }
        pos += len;
    }
    pos
}

/// Length of a link at the start of `s`, without trailing punctuation.
fn link_len(s: &str) -> usize {
    let raw = s
        .char_indices()
        .find(|&(_, c)| !is_link_char(c))
        .map_or(s.len(), |(j, _)| j);
    let trimmed = s[..raw].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '’']);
    trimmed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents<'a>(t: &'a str, lang: &str) -> Vec<&'a str> {
        let mut out = Vec::new();
        split_sentences(t, 0, t.len(), 0, Some(lang), &mut out);
        out.iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn table_examples_hold() {
        for ex in &abbreviations().table.examples {
            let got = sents(&ex.text, &ex.lang);
            assert_eq!(got.len(), ex.sentences, "{}: {:?}", ex.text, got);
        }
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sents(
                "Mr. Smith met Dr. Jones in the U.S. capital. Then he left.",
                "en"
            ),
            [
                "Mr. Smith met Dr. Jones in the U.S. capital.",
                "Then he left."
            ]
        );
        assert_eq!(sents("Il sig. Rossi c'era, ecc. Poi no.", "it").len(), 1);
    }

    #[test]
    fn quotes_stay_with_sentence() {
        assert_eq!(
            sents("He said: “We will win.” Then silence.", "en"),
            ["He said: “We will win.”", "Then silence."]
        );
        assert_eq!(
            sents("Il a dit : « Nous gagnerons. » Puis rien.", "fr"),
            ["Il a dit : « Nous gagnerons. »", "Puis rien."]
        );
    }

    #[test]
    fn cjk_terminals() {
        assert_eq!(
            sents("他说：“我们会赢。”然后沉默。好。", "zh"),
            ["他说：“我们会赢。”", "然后沉默。", "好。"]
        );
    }

    #[test]
    fn decimals_and_lowercase_do_not_split() {
        assert_eq!(sents("It rose 3.5 percent. ok", "en").len(), 1);
        assert_eq!(sents("Visit example.com. It works.", "en").len(), 2);
    }

    #[test]
    fn cyrillic_and_greek() {
        assert_eq!(sents("Он ушёл. Она осталась! Почему?", "ru").len(), 3);
        assert_eq!(sents("Τι έγινε; Δεν ξέρω.", "el").len(), 2);
    }

    #[test]
    fn german_ordinals() {
        assert_eq!(
            sents("Am 3. Oktober feiern wir. Danach nicht.", "de").len(),
            2
        );
    }

    fn toks(t: &str) -> Vec<(&str, TokenKind)> {
        tokens(t).map(|k| (&t[k.start..k.end], k.kind)).collect()
    }

    #[test]
    fn cjk_punctuation_ends_links() {
        let t = "详见www.scsio.ac.cn。其他";
        let link = tokens(t)
            .find(|k| k.kind == TokenKind::Link)
            .expect("a link");
        assert_eq!(&t[link.start..link.end], "www.scsio.ac.cn");
    }

    #[test]
    fn tokenizes_links_numbers_words() {
        use TokenKind::*;
        assert_eq!(
            toks("See https://ex.com/a?b=1. Mail me@ex.org, @user #tag 1.234,5 l'Italia 北京市 x"),
            [
                ("See", Word),
                ("https://ex.com/a?b=1", Link),
                ("Mail", Word),
                ("me@ex.org", Link),
                ("@user", Link),
                ("#tag", Link),
                ("1.234,5", Number),
                ("l'Italia", Word),
                ("北京市", Cjk),
                ("x", Word)
            ]
        );
    }
}
