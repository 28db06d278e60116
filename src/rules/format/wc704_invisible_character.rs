//! WC704 `invisible-character`.

use crate::finding::{Finding, Severity};
use crate::rules::quotes::target_finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds characters a reader cannot see but software acts on: control
    /// characters (other than tab and line breaks), zero-width spaces
    /// (U+200B), word joiners, a byte-order mark inside the text, line and
    /// paragraph separators, the replacement character U+FFFD left by a
    /// broken encoding, and direction marks or bidi controls in text with no
    /// right-to-left script. Zero-width (non-)joiners are accepted next to
    /// the scripts that need them (Arabic, Persian, Indic scripts) and inside
    /// emoji sequences. A soft hyphen is reported at info severity.
    ///
    /// ## Why is this bad?
    /// Invisible characters break search, word counts, hyphenation and
    /// comparison with the source; a stray bidi control can reorder what a
    /// reader sees. U+FFFD means text was lost in a conversion.
    ///
    /// ## Example
    /// Target (en): `The council approved the bud\u{200B}get.`
    /// → `invisible character U+200B ZERO WIDTH SPACE`
    ///
    /// ## Language pairs
    /// All target languages. Runs on a target alone.
    ///
    /// ## Known problems
    /// No-break spaces (U+00A0, U+202F) are spaces, not invisible
    /// characters, and are never reported here.
    pub struct InvisibleCharacter {
        code: "WC704",
        name: "invisible-character",
        category: Formatting,
        severity: Warning,
        needs_source: false,
        summary: "control, zero-width or other invisible character in the text",
    }
}

fn is_rtl(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

fn needs_joiners(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF | 0x0900..=0x0DFF | 0x0F00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF | 0xFE0F)
}

/// The name of an invisible character, its severity, or `None` when it is
/// acceptable in context.
fn classify(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    rtl_text: bool,
) -> Option<(&'static str, Severity)> {
    let near = |f: fn(char) -> bool| prev.is_some_and(f) || next.is_some_and(f);
    let w = Severity::Warning;
    Some(match c {
        '\t' | '\n' | '\r' => return None,
        '\u{200B}' => ("ZERO WIDTH SPACE", w),
        '\u{2060}' => ("WORD JOINER", w),
        '\u{FEFF}' => ("ZERO WIDTH NO-BREAK SPACE (byte-order mark)", w),
        '\u{180E}' => ("MONGOLIAN VOWEL SEPARATOR", w),
        '\u{2061}'..='\u{2064}' => ("INVISIBLE OPERATOR", w),
        '\u{2028}' => ("LINE SEPARATOR", w),
        '\u{2029}' => ("PARAGRAPH SEPARATOR", w),
        '\u{FFFD}' => ("REPLACEMENT CHARACTER (text lost in a broken encoding)", w),
        '\u{FFFC}' => ("OBJECT REPLACEMENT CHARACTER", w),
        '\u{00AD}' => ("SOFT HYPHEN", Severity::Info),
        '\u{200C}' if near(needs_joiners) => return None,
        '\u{200C}' => ("ZERO WIDTH NON-JOINER", w),
        '\u{200D}' if near(needs_joiners) || near(is_emoji) => return None,
        '\u{200D}' => ("ZERO WIDTH JOINER", w),
        '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
            if rtl_text =>
        {
            return None;
        }
        '\u{200E}' => ("LEFT-TO-RIGHT MARK", w),
        '\u{200F}' => ("RIGHT-TO-LEFT MARK", w),
        '\u{061C}' => ("ARABIC LETTER MARK", w),
        '\u{202A}'..='\u{202E}' => ("bidi embedding or override", w),
        '\u{2066}'..='\u{2069}' => ("bidi isolate", w),
        c if c.is_control() => ("control character", w),
        _ => return None,
    })
}

impl Rule for InvisibleCharacter {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.target.text();
        for p in 0..cx.target.paragraph_count() {
            let (s, e) = cx.target.paragraph_range(p);
            let para = &text[s..e];
            let rtl = para.chars().any(is_rtl);
            let chars: Vec<(usize, char)> = para.char_indices().collect();
            for (k, &(b, c)) in chars.iter().enumerate() {
                let prev = k.checked_sub(1).map(|i| chars[i].1);
                let next = chars.get(k + 1).map(|x| x.1);
                let Some((name, sev)) = classify(c, prev, next, rtl) else {
                    continue;
                };
                let mut f = target_finding(
                    &Self::META,
                    cx,
                    p,
                    s + b,
                    s + b + c.len_utf8(),
                    format!("invisible character U+{:04X} {name}", c as u32),
                    sev,
                );
                f.suggestion = Some(String::new());
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert!(classify('\u{200B}', Some('a'), Some('b'), false).is_some());
        assert!(classify('\u{200C}', Some('ی'), Some('ه'), true).is_none());
        assert!(classify('\u{200D}', Some('👩'), Some('💻'), false).is_none());
        assert!(classify('\u{200F}', Some('a'), None, true).is_none());
        assert!(classify('\u{200F}', Some('a'), None, false).is_some());
        assert!(classify('\u{a0}', Some('a'), None, false).is_none());
        assert!(classify('\u{7}', None, None, false).is_some());
        assert_eq!(
            classify('\u{ad}', None, None, false).map(|x| x.1),
            Some(Severity::Info)
        );
    }
}
