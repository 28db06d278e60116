//! WC113 `final-punctuation-missing`.

use super::punct::{ParaChars, is_trailing_closer};
use super::tables::{PunctTable, punct_table_for};
use super::target_finding;
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Compares the end of each target paragraph with the end of the source
    /// paragraph aligned with it: when the source ends with a sentence-final
    /// mark (`.`, `!`, `?`, `…`, `。`, Greek `;`, per the punctuation tables)
    /// and the target ends with none, the target's last sentence has lost
    /// its period. Closing quotation marks and brackets after the mark count
    /// (`…said.”`, `(see below.)`), so does an abbreviation's period
    /// (`in the U.S.`), and a target ending in `:` or `;`, in a closing CJK
    /// bracket (Japanese `…と述べた」`, `（笑）`), in a bare domain
    /// (`example.org`), or a short line (a date, a list item: under four
    /// words, or 25 CJK characters) is left alone. So is a paragraph whose
    /// source and target both end in a closing quotation mark or bracket
    /// (the final mark belongs to the quoted words, where conventions
    /// differ), and one whose source's final stop is an abbreviation's
    /// (`etc.`) or closes a short dateline (`MARCH 3rd, 7:15 AM, 2310.`).
    ///
    /// ## Why is this bad?
    /// A paragraph that stops without its period reads as cut off, and often
    /// is: the end of the last sentence was dropped or left in an editor's
    /// buffer.
    ///
    /// ## Example
    /// Source (de): `Die Bahn nannte den Streik unverhältnismäßig.`
    /// Target (en): `Deutsche Bahn called the strike disproportionate`
    /// → `paragraph ends without a sentence-final mark, the source ends with “.”`
    ///
    /// ## Language pairs
    /// All pairs; needs the source. Headlines without a period in the source
    /// are not concerned.
    ///
    /// ## Known problems
    /// A target paragraph ending in a URL, an e-mail address, a handle, a
    /// hashtag or an emoticon is left alone. A 1-2 or 2-1 alignment compares
    /// the last paragraph of each side.
    pub struct FinalPunctuationMissing {
        code: "WC113",
        name: "final-punctuation-missing",
        category: Punctuation,
        severity: Warning,
        needs_source: true,
        summary: "target paragraph ends without the sentence-final mark its source has",
    }
}

impl Rule for FinalPunctuationMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((src, al)) = cx.pair() else { return };
        let st = src.tag.and_then(punct_table_for);
        let tt = cx.target.tag.and_then(punct_table_for);
        for link in &al.paragraphs {
            let (Some(&sp), Some(&tp)) = (link.source.last(), link.target.last()) else {
                continue;
            };
            let (ss, se) = src.paragraph_range(sp);
            let Some(mark) = final_mark(src.text(), ss, se, st) else {
                continue;
            };
            let (ts, te) = cx.target.paragraph_range(tp);
            if ends_sentence(cx.target.text(), ts, te, tt)
                || optional_in_source(src.text(), ss, se, src.lang().map(|l| l.code()))
                || (ends_in_closer(src.text(), ss, se) && ends_in_closer(cx.target.text(), ts, te))
            {
                continue;
            }
            let last = cx.target.text()[ts..te]
                .char_indices()
                .last()
                .map_or(ts, |(i, _)| ts + i);
            let mut f = target_finding(
                &Self::META,
                cx,
                tp,
                last,
                te,
                format!(
                    "paragraph ends without a sentence-final mark, the source ends with “{mark}”"
                ),
                Severity::Warning,
            );
            f.source_paragraph = Some(sp);
            f.source_evidence = Some((ss, se));
            let (lo, _) = super::window(cx.target.text(), last, te, ts, te, 60);
            f.target_evidence = Some((lo, te));
            f.suggestion = None;
            out.push(f);
        }
    }
}

fn is_final(c: char, table: Option<&PunctTable>) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '．' | '｡' | '‼' | '⁉' | '⁈'
    ) || table.is_some_and(|t| {
        t.sentence_final
            .iter()
            .any(|m| m.chars().eq(std::iter::once(c)))
    })
}

/// The last character before trailing closers and spaces, with its index.
fn last_significant(pc: &ParaChars) -> Option<usize> {
    (0..pc.chars.len())
        .rev()
        .find(|&k| !is_trailing_closer(pc.chars[k].1) && !pc.chars[k].1.is_whitespace())
}

/// The source's final mark, when its paragraph ends a sentence.
fn final_mark(text: &str, start: usize, end: usize, table: Option<&PunctTable>) -> Option<char> {
    let pc = ParaChars::new(text, start, end);
    let k = last_significant(&pc)?;
    let c = pc.chars[k].1;
    (is_final(c, table) && !pc.protected[k]).then_some(c)
}

/// True when the target paragraph ends a sentence, or ends where no period
/// is expected (a link, an emoticon, `:` or `;`).
fn ends_sentence(text: &str, start: usize, end: usize, table: Option<&PunctTable>) -> bool {
    let pc = ParaChars::new(text, start, end);
    let Some(k) = last_significant(&pc) else {
        return true;
    };
    let c = pc.chars[k].1;
    if is_final(c, table) || pc.protected[k] || matches!(c, ':' | ';' | '：' | '；') || is_symbol(c)
    {
        return true;
    }
    // CJK: a closing bracket ends the sentence (`…と述べた」`, `（笑）`).
    let last = pc
        .chars
        .iter()
        .rev()
        .find(|x| !x.1.is_whitespace())
        .map(|x| x.1);
    if last.is_some_and(|l| matches!(l, '」' | '』' | '）' | '】' | '》')) {
        return true;
    }
    // A bare domain (`example.org`) or a short line (a date, `etc.`).
    let tail: String = pc.chars[..=k]
        .iter()
        .rev()
        .take_while(|x| !x.1.is_whitespace())
        .map(|x| x.1)
        .collect();
    let tail: String = tail.chars().rev().collect();
    if tail.contains('.')
        && tail.chars().next().is_some_and(char::is_alphanumeric)
        && !tail.ends_with('.')
    {
        return true;
    }
    // A short line: a date, a list item, `etc.`.
    let para = &text[start..end];
    let cjk = para
        .chars()
        .filter(|&c| crate::segment::is_cjk_char(c))
        .count();
    if cjk * 2 > para.chars().count() {
        return para.chars().count() < 25;
    }
    crate::rules::structure::word_count(para) < 4
}

/// True when the paragraph's last visible character closes a quotation or
/// a bracket. When both sides end so, the final mark belongs to the quoted
/// or bracketed words, where conventions differ (`…”.`, `…».`, `…”` with
/// the mark inside or dropped after a closing dialogue line).
fn ends_in_closer(text: &str, start: usize, end: usize) -> bool {
    text[start..end]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(is_trailing_closer)
}

/// True when the source's final stop is not one a translation must keep:
/// the stop of an abbreviation (`etc.`, `Inc.`), which a translation ending
/// with another word has no reason to copy, or the stop closing a short
/// dateline or time stamp (`JANUARY 14th, 10:26 PM, 2543.`).
fn optional_in_source(text: &str, start: usize, end: usize, lang: Option<&str>) -> bool {
    let para = text[start..end].trim_end();
    let Some(body) = para.strip_suffix('.') else {
        return false;
    };
    let word: String = body
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    if !word.is_empty()
        && word.chars().any(char::is_alphabetic)
        && crate::tables::abbreviations().contains(lang, &word.to_lowercase())
    {
        return true;
    }
    body.chars().next_back().is_some_and(|c| c.is_ascii_digit())
        && crate::rules::structure::word_count(para) < 6
}

/// Emoji and other pictographs.
fn is_symbol(c: char) -> bool {
    matches!(c as u32, 0x2600..=0x27BF | 0x1F000..=0x1FAFF)
}
