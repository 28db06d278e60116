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
            if c.is_alphanumeric() {
                len += if is_cjk_char(c) { CJK_WEIGHT } else { 1.0 };
            }
        }
        let mut anchors = Vec::new();
        let mut first = true;
        for t in tokens(text) {
            let s = &text[t.start..t.end];
            match t.kind {
                TokenKind::Number => {
                    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
                    if !digits.is_empty() {
                        anchors.push(hash(b'#', digits.as_bytes()));
                    }
                }
                TokenKind::Link => anchors.push(hash(b'@', s.to_lowercase().as_bytes())),
                TokenKind::Word => {
                    // Elided articles and prepositions: l'Istat, dell'Onu.
                    let s = match s.rfind(['\'', '’']) {
                        Some(k) if k <= 6 => &s[k + s[k..].chars().next().map_or(1, char::len_utf8)..],
                        _ => s,
                    };
                    let mut chars = s.chars();
                    let initial = chars.next().unwrap_or(' ');
                    let capital = initial.is_uppercase() && !first;
                    let long = s.chars().count() >= 7;
                    if (capital && s.len() >= 2) || long {
                        anchors.push(hash(b'w', fold_prefix(s, 5).as_bytes()));
                    }
                }
                TokenKind::Cjk => {}
            }
            first = false;
        }
        if text.contains(['“', '”', '«', '»', '„', '"', '「', '」']) {
            anchors.push(hash(b'q', b"\""));
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

/// A matching key: lowercase, Latin diacritics dropped, Cyrillic and Greek
/// transliterated, `y` and `j` read as `i` (so transliteration variants
/// meet), cut to the first `n` letters. "Governo", "government" → "gover";
/// "Zürich", "Zurich" → "zuric"; "Байкал", "Baikal" → "baika".
pub fn fold_prefix(word: &str, n: usize) -> String {
    let mut out: Vec<char> = Vec::with_capacity(n + 4);
    for c in word.chars() {
        if out.len() >= n {
            break;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            match crate::translit::latin_of(l) {
                Some(latin) => out.extend(latin.chars()),
                None => out.push(strip_diacritic(l)),
            }
        }
    }
    out.truncate(n);
    out.into_iter()
        .map(|c| if c == 'y' || c == 'j' { 'i' } else { c })
        .collect()
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

/// FNV-1a over a tag byte and `bytes`.
fn hash(tag: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325 ^ u64::from(tag);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_meet_across_languages() {
        let it = Features::of("Il governo di Giorgia Meloni ha stanziato 1.200 milioni, dice “Repubblica”.");
        let en = Features::of("The government of Giorgia Meloni allocated 1,200 million, says “Repubblica”.");
        let c = common(&it.anchors, &en.anchors);
        assert!(c >= 5, "{c} of {:?} / {:?}", it.anchors.len(), en.anchors.len());
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
        let a = Features { len: 1.0, anchors: vec![1, 5, 9] };
        let b = Features { len: 2.0, anchors: vec![2, 5] };
        assert_eq!(a.merged(&b).anchors, vec![1, 2, 5, 5, 9]);
    }
}
