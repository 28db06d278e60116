//! Writing systems of letters, to find words written in another script
//! than the text around them.

/// A writing system, coarsely: CJK ideographs, kana and hangul count as one,
/// since Chinese and Japanese share ideographs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Greek letters.
    Greek,
    /// Ideographs, kana, hangul.
    Cjk,
    /// Arabic letters.
    Arabic,
    /// Hebrew letters.
    Hebrew,
    /// Devanagari and the other Indic scripts.
    Indic,
    /// Thai, Lao, Khmer, Myanmar.
    SouthEastAsian,
    /// Anything else alphabetic.
    Other,
}

/// The script of an alphabetic character.
pub fn script_of(c: char) -> Script {
    let u = c as u32;
    if c.is_ascii_alphabetic() || (0xC0..=0x24F).contains(&u) || (0x1E00..=0x1EFF).contains(&u) {
        Script::Latin
    } else if (0x400..=0x52F).contains(&u) {
        Script::Cyrillic
    } else if (0x370..=0x3FF).contains(&u) || (0x1F00..=0x1FFF).contains(&u) {
        Script::Greek
    } else if crate::segment::is_cjk_char(c) || (0x3100..=0x312F).contains(&u) {
        Script::Cjk
    } else if (0x600..=0x6FF).contains(&u) || (0x750..=0x77F).contains(&u) {
        Script::Arabic
    } else if (0x590..=0x5FF).contains(&u) {
        Script::Hebrew
    } else if (0x900..=0xDFF).contains(&u) {
        Script::Indic
    } else if (0xE00..=0xEFF).contains(&u)
        || (0x1000..=0x109F).contains(&u)
        || (0x1780..=0x17FF).contains(&u)
    {
        Script::SouthEastAsian
    } else {
        Script::Other
    }
}

/// The script of a word: that of its first letter.
pub fn script_of_word(word: &str) -> Script {
    word.chars()
        .find(|c| c.is_alphabetic())
        .map_or(Script::Other, script_of)
}

/// Letters looked at to find a text's main script.
pub const SAMPLE_LETTERS: usize = 1000;

/// The script most of `text`'s letters are written in (CJK characters count
/// three times, as they carry more than a letter).
pub fn dominant(text: &str) -> Option<Script> {
    let mut counts = [0usize; 9];
    let mut seen = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        let s = script_of(c);
        counts[s as usize] += if s == Script::Cjk { 3 } else { 1 };
        seen += 1;
        if seen >= SAMPLE_LETTERS {
            break;
        }
    }
    let all = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Cjk,
        Script::Arabic,
        Script::Hebrew,
        Script::Indic,
        Script::SouthEastAsian,
        Script::Other,
    ];
    all.into_iter()
        .filter(|s| counts[*s as usize] > 0)
        .max_by_key(|s| counts[*s as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(script_of_word("Straße"), Script::Latin);
        assert_eq!(script_of_word("динозавров"), Script::Cyrillic);
        assert_eq!(script_of_word("受影响"), Script::Cjk);
        assert_eq!(script_of_word("観光客"), Script::Cjk);
        assert_eq!(script_of_word("समर्थन"), Script::Indic);
        assert_eq!(
            dominant("Cyanuric acid and 三聚氰胺 were found."),
            Some(Script::Latin)
        );
        assert_eq!(dominant("北京市政府周一宣布 iPhone"), Some(Script::Cjk));
    }
}
