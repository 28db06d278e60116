//! What the aligner compares: a length in a script-aware unit and a sorted
//! list of anchors (hashed tokens that a translation tends to keep).

use crate::segment::{TokenKind, is_cjk_char, tokens};

/// Length weight of one CJK character: a Chinese or Japanese character
/// carries about as much as three letters of an alphabetic script.
pub const CJK_WEIGHT: f64 = 3.0;

/// Length and anchors of one alignment unit (a sentence or a paragraph).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Script-aware length: letters and digits count 1, CJK characters
    /// [`CJK_WEIGHT`]; spaces and punctuation nothing.
    pub len: f64,
    /// Sorted anchor hashes (a multiset).
    pub anchors: Vec<u64>,
}

impl Features {
    /// Features of `text`.
    pub fn of(text: &str) -> Features {
        let mut len = 0.0;
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    len += 1.0;
                }
            } else if c.is_alphanumeric() {
                len += if is_cjk_char(c) { CJK_WEIGHT } else { 1.0 };
            }
        }
        let mut anchors = Vec::new();
        let mut first = true;
        for t in tokens(text) {
            let s = &text[t.start..t.end];
            match t.kind {
                TokenKind::Number => {
                    let mut h = Fnv::new(b'#');
                    let mut any = false;
                    for b in s.bytes().filter(u8::is_ascii_digit) {
                        h.byte(b);
                        any = true;
                    }
                    if any {
                        anchors.push(h.finish());
                    }
                }
                TokenKind::Link => {
                    let mut h = Fnv::new(b'@');
                    for c in s.chars().flat_map(char::to_lowercase) {
                        h.char(c);
                    }
                    anchors.push(h.finish());
                }
                TokenKind::Word => {
                    // Elided articles and prepositions: l'Istat, dell'Onu.
                    let s = match s.rfind(['\'', '’']) {
                        Some(k) if k <= 6 => {
                            &s[k + s[k..].chars().next().map_or(1, char::len_utf8)..]
                        }
                        _ => s,
                    };
                    let initial = s.chars().next().unwrap_or(' ');
                    let capital = initial.is_uppercase() && !first;
                    if (capital && s.len() >= 2) || is_long(s) {
                        let mut h = Fnv::new(b'w');
                        fold_prefix_into(s, 5, |c| h.char(c));
                        anchors.push(h.finish());
                    }
                }
                TokenKind::Cjk => {}
            }
            first = false;
        }
        if has_quote_mark(text) {
            anchors.push(Fnv::new(b'q').finish());
        }
        anchors.sort_unstable();
        Features { len, anchors }
    }

    /// Merges two units' features (for 2-1 and 1-2 links and paragraphs).
    pub fn merged(&self, other: &Features) -> Features {
        let mut anchors = Vec::with_capacity(self.anchors.len() + other.anchors.len());
        let (mut i, mut j) = (0, 0);
        while i < self.anchors.len() || j < other.anchors.len() {
            let take_left = j >= other.anchors.len()
                || (i < self.anchors.len() && self.anchors[i] <= other.anchors[j]);
            if take_left {
                anchors.push(self.anchors[i]);
                i += 1;
            } else {
                anchors.push(other.anchors[j]);
                j += 1;
            }
        }
        Features {
            len: self.len + other.len,
            anchors,
        }
    }
}

/// True when `text` holds a quotation mark (straight, curly, guillemet or
/// corner bracket). Scans bytes: all these marks but `"` start with one of
/// three lead bytes.
fn has_quote_mark(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3(b'"', 0xC2, 0xE2, b).is_some() && text.contains(['“', '”', '«', '»', '„', '"'])
        || memchr::memchr(0xE3, b).is_some() && text.contains(['「', '」'])
}

/// Size of the multiset intersection of two sorted lists.
pub fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// True for words of seven letters or more (long words are often cognates
/// or names: "government"/"governo", "Parlament"/"parliament").
fn is_long(s: &str) -> bool {
    s.len() >= 7 && (s.len() >= 14 || s.chars().count() >= 7)
}

/// A matching key: lowercase, Latin diacritics dropped, Cyrillic and Greek
/// transliterated, `y` and `j` read as `i` (so transliteration variants
/// meet), cut to the first `n` letters. "Governo", "government" → "gover";
/// "Zürich", "Zurich" → "zuric"; "Байкал", "Baikal" → "baika".
pub fn fold_prefix(word: &str, n: usize) -> String {
    let mut out = String::with_capacity(n);
    fold_prefix_into(word, n, |c| out.push(c));
    out
}

/// [`fold_prefix`] without allocating: `emit` receives each character.
pub fn fold_prefix_into(word: &str, n: usize, mut emit: impl FnMut(char)) {
    let mut count = 0;
    let mut push = |c: char, count: &mut usize| {
        if *count < n {
            emit(if c == 'y' || c == 'j' { 'i' } else { c });
            *count += 1;
        }
    };
    for c in word.chars() {
        if count >= n {
            break;
        }
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), &mut count);
            continue;
        }
        for l in c.to_lowercase() {
            match crate::translit::latin_of(l) {
                Some(latin) => latin.chars().for_each(|x| push(x, &mut count)),
                None => push(strip_diacritic(l), &mut count),
            }
        }
    }
}

/// The base letter of a precomposed Latin letter with a diacritic.
pub fn strip_diacritic(c: char) -> char {
    use unicode_normalization::char::decompose_canonical;
    if (c as u32) < 0xC0 || (c as u32) > 0x24F {
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

/// FNV-1a hashing of anchor keys, fed byte by byte.
struct Fnv(u64);

impl Fnv {
    fn new(tag: u8) -> Fnv {
        Fnv(0xcbf29ce484222325 ^ u64::from(tag))
    }

    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x100000001b3);
    }

    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_meet_across_languages() {
        let it = Features::of(
            "Il governo di Giorgia Meloni ha stanziato 1.200 milioni, dice “Repubblica”.",
        );
        let en = Features::of(
            "The government of Giorgia Meloni allocated 1,200 million, says “Repubblica”.",
        );
        let c = common(&it.anchors, &en.anchors);
        assert!(
            c >= 5,
            "{c} of {:?} / {:?}",
            it.anchors.len(),
            en.anchors.len()
        );
    }

    #[test]
    fn cjk_length_is_weighted() {
        assert_eq!(Features::of("北京").len, 2.0 * CJK_WEIGHT);
        assert_eq!(Features::of("a b, c!").len, 3.0);
    }

    #[test]
    fn folding() {
        assert_eq!(fold_prefix("Zürich", 5), "zuric");
        assert_eq!(fold_prefix("ÉCOLE", 3), "eco");
        assert_eq!(fold_prefix("Москва", 3), "mos");
        assert_eq!(fold_prefix("Байкал", 5), fold_prefix("Baikal", 5));
    }

    #[test]
    fn merge_keeps_order() {
        let a = Features {
            len: 1.0,
            anchors: vec![1, 5, 9],
        };
        let b = Features {
            len: 2.0,
            anchors: vec![2, 5],
        };
        assert_eq!(a.merged(&b).anchors, vec![1, 2, 5, 5, 9]);
    }
}
