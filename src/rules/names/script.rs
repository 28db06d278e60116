//! Best-effort transliteration of Arabic, Hebrew, Devanagari and kana to
//! lowercase Latin, for matching names across scripts (Cyrillic and Greek
//! are in [`crate::translit`]). Lossy on purpose: abjads drop short vowels,
//! so names from these scripts are compared on their consonants.

/// Scripts transliterated here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Arabic (and Persian, Urdu letters).
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Devanagari (Hindi, Marathi, Nepali).
    Devanagari,
    /// Hiragana and katakana.
    Kana,
}

/// The script of `c`, when it is one transliterated here.
pub fn script_of(c: char) -> Option<Script> {
    match c as u32 {
        0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Some(Script::Arabic)
        }
        0x0590..=0x05FF => Some(Script::Hebrew),
        0x0900..=0x097F => Some(Script::Devanagari),
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Some(Script::Kana),
        _ => None,
    }
}

/// True for the abjads, written without short vowels.
pub fn is_abjad(s: Script) -> bool {
    matches!(s, Script::Arabic | Script::Hebrew)
}

fn arabic(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'آ' | 'ٱ' | 'ى' => "a",
        'إ' => "i",
        'ب' => "b",
        'ت' | 'ط' => "t",
        'ة' => "a",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' | 'ظ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'ع' | 'ء' | 'ؤ' | 'ئ' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'گ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' => "w",
        'ي' | 'ی' => "y",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        _ => return None,
    })
}

fn hebrew(c: char) -> Option<&'static str> {
    Some(match c {
        'א' | 'ע' => "",
        'ב' => "b",
        'ג' => "g",
        'ד' => "d",
        'ה' => "h",
        'ו' => "v",
        'ז' => "z",
        'ח' => "ch",
        'ט' | 'ת' => "t",
        'י' => "y",
        'כ' | 'ך' | 'ק' => "k",
        'ל' => "l",
        'מ' | 'ם' => "m",
        'נ' | 'ן' => "n",
        'ס' => "s",
        'פ' | 'ף' => "p",
        'צ' | 'ץ' => "ts",
        'ר' => "r",
        'ש' => "sh",
        _ => return None,
    })
}

/// Devanagari consonants (with their inherent vowel dropped).
fn deva_consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'क' => "k",
        'ख' => "kh",
        'ग' => "g",
        'घ' => "gh",
        'ङ' | 'ञ' | 'ण' | 'न' => "n",
        'च' => "ch",
        'छ' => "chh",
        'ज' => "j",
        'झ' => "jh",
        'ट' | 'त' => "t",
        'ठ' | 'थ' => "th",
        'ड' | 'द' => "d",
        'ढ' | 'ध' => "dh",
        'प' => "p",
        'फ' => "ph",
        'ब' => "b",
        'भ' => "bh",
        'म' => "m",
        'य' => "y",
        'र' => "r",
        'ल' => "l",
        'व' => "v",
        'श' | 'ष' => "sh",
        'स' => "s",
        'ह' => "h",
        '\u{0958}' => "q",
        '\u{0959}' => "kh",
        '\u{095A}' => "gh",
        '\u{095B}' => "z",
        '\u{095C}' | '\u{095D}' => "r",
        '\u{095E}' => "f",
        _ => return None,
    })
}

/// Devanagari independent vowels and vowel signs.
fn deva_vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'अ' => "a",
        'आ' | 'ा' => "a",
        'इ' | 'ि' | 'ई' | 'ी' => "i",
        'उ' | 'ु' | 'ऊ' | 'ू' => "u",
        'ऋ' | 'ृ' => "ri",
        'ए' | 'े' | 'ॅ' | 'ऍ' => "e",
        'ऐ' | 'ै' => "ai",
        'ओ' | 'ो' | 'ऑ' | 'ॉ' => "o",
        'औ' | 'ौ' => "au",
        _ => return None,
    })
}

/// Hepburn romanisation of one kana (katakana folded to hiragana).
fn kana(c: char) -> Option<&'static str> {
    let c = match c as u32 {
        0x30A1..=0x30F6 => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    };
    const ROWS: [(&str, [&str; 5]); 10] = [
        ("あいうえお", ["a", "i", "u", "e", "o"]),
        ("かきくけこ", ["ka", "ki", "ku", "ke", "ko"]),
        ("さしすせそ", ["sa", "shi", "su", "se", "so"]),
        ("たちつてと", ["ta", "chi", "tsu", "te", "to"]),
        ("なにぬねの", ["na", "ni", "nu", "ne", "no"]),
        ("はひふへほ", ["ha", "hi", "fu", "he", "ho"]),
        ("まみむめも", ["ma", "mi", "mu", "me", "mo"]),
        ("らりるれろ", ["ra", "ri", "ru", "re", "ro"]),
        ("がぎぐげご", ["ga", "gi", "gu", "ge", "go"]),
        ("ざじずぜぞ", ["za", "ji", "zu", "ze", "zo"]),
    ];
    const MORE: [(&str, [&str; 5]); 3] = [
        ("だぢづでど", ["da", "ji", "zu", "de", "do"]),
        ("ばびぶべぼ", ["ba", "bi", "bu", "be", "bo"]),
        ("ぱぴぷぺぽ", ["pa", "pi", "pu", "pe", "po"]),
    ];
    for (chars, latin) in ROWS.iter().chain(MORE.iter()) {
        if let Some(i) = chars.chars().position(|k| k == c) {
            return Some(latin[i]);
        }
    }
    Some(match c {
        'や' => "ya",
        'ゆ' => "yu",
        'よ' => "yo",
        'わ' => "wa",
        'を' => "o",
        'ん' => "n",
        'ゔ' => "vu",
        'ぁ' => "a",
        'ぃ' => "i",
        'ぅ' => "u",
        'ぇ' => "e",
        'ぉ' => "o",
        _ => return None,
    })
}

/// Appends the Latin transliteration of `word` (lowercase) to `out`;
/// characters of other scripts are lowercased and kept.
pub fn transliterate_into(word: &str, out: &mut String) {
    let mut prev_consonant = false;
    for c in word.chars() {
        match script_of(c) {
            Some(Script::Arabic) => {
                if let Some(l) = arabic(c) {
                    out.push_str(l);
                }
            }
            Some(Script::Hebrew) => {
                if let Some(l) = hebrew(c) {
                    out.push_str(l);
                }
            }
            Some(Script::Devanagari) => {
                if let Some(l) = deva_consonant(c) {
                    // The inherent vowel of the previous consonant.
                    if prev_consonant {
                        out.push('a');
                    }
                    out.push_str(l);
                    prev_consonant = true;
                    continue;
                }
                if c == '्' {
                    prev_consonant = false;
                    continue;
                }
                if let Some(v) = deva_vowel(c) {
                    out.push_str(v);
                } else if matches!(c, 'ं' | 'ँ') {
                    if prev_consonant {
                        out.push('a');
                    }
                    out.push('n');
                } else if c == 'ः' {
                    out.push('h');
                } else if c == '़' {
                    continue;
                }
                prev_consonant = false;
                continue;
            }
            Some(Script::Kana) => match c {
                'ー' => {}
                'ッ' | 'っ' => {}
                'ャ' | 'ゃ' | 'ュ' | 'ゅ' | 'ョ' | 'ょ' => {
                    if out.ends_with('i') {
                        out.pop();
                    }
                    out.push_str(match c {
                        'ャ' | 'ゃ' => "ya",
                        'ュ' | 'ゅ' => "yu",
                        _ => "yo",
                    });
                }
                'ァ' | 'ィ' | 'ゥ' | 'ェ' | 'ォ' if out.ends_with(['u', 'i', 'o']) => {
                    out.pop();
                    out.push_str(kana(c).unwrap_or(""));
                }
                _ => {
                    if let Some(l) = kana(c) {
                        out.push_str(l);
                    }
                }
            },
            None => {
                for l in c.to_lowercase() {
                    out.push(l);
                }
            }
        }
        prev_consonant = false;
    }
}

/// The Latin transliteration of `word`.
pub fn transliterate(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    transliterate_into(word, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(transliterate("ترامب"), "tramb");
        assert_eq!(transliterate("נתניהו"), "ntnyhv");
        assert_eq!(transliterate("गूगल"), "gugal");
        assert_eq!(transliterate("याहू"), "yahu");
        assert_eq!(transliterate("ブランビーズ"), "buranbizu");
        assert_eq!(transliterate("キャンベル"), "kyanberu");
        assert_eq!(transliterate("Rome"), "rome");
    }
}
