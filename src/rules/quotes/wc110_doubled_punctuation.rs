//! WC110 `doubled-punctuation`.

use super::punct::ParaChars;
use super::target_finding;
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta};
use crate::tables::abbreviations;

crate::declare_rule! {
    /// ## What it does
    /// Finds two punctuation marks run together where one was meant: `,,`,
    /// `;;`, `..`, `,.`, `:.`, `?.`, `。。`, `，，`. Ellipses (`...`, `…`,
    /// `…….`), emphatic runs of `!` and `?` (`?!`, `!!`, `???`), the period
    /// of an abbreviation followed by a comma or colon (`U.S.,`, `etc.:`,
    /// `z. B.:`), and a `?` or `!` followed by a comma (correct in Spanish:
    /// `¿Vienes?, preguntó`) are left alone, and so are URLs and emoticons.
    ///
    /// ## Why is this bad?
    /// A doubled mark is a slip left by editing (a sentence cut short, a
    /// clause moved) that readers notice at once.
    ///
    /// ## Example
    /// Target (en): `The council approved the budget,, and work starts in May.`
    /// → `doubled punctuation “,,”`
    ///
    /// ## Language pairs
    /// All target languages, including CJK full-width marks. Runs on a
    /// target alone.
    ///
    /// ## Known problems
    /// A sentence ending in an abbreviation takes no second period
    /// (`in the U.S.`); `U.S..` is reported, as it should be. A name
    /// ending in `!` (`Yahoo!`) followed by a sentence period is reported.
    pub struct DoubledPunctuation {
        code: "WC110",
        name: "doubled-punctuation",
        category: Punctuation,
        severity: Warning,
        needs_source: false,
        summary: "two punctuation marks where one was meant (,, .. ,. ?.)",
    }
}

impl Rule for DoubledPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let lang = cx.target.lang().map(|l| l.code());
        for p in 0..cx.target.paragraph_count() {
            let (s, e) = cx.target.paragraph_range(p);
            for (start, end, run) in check_paragraph(cx.target.text(), s, e, lang) {
                let mut f = target_finding(
                    &Self::META,
                    cx,
                    p,
                    start,
                    end,
                    format!("doubled punctuation “{run}”"),
                    Severity::Warning,
                );
                f.suggestion = run.chars().next().map(String::from);
                out.push(f);
            }
        }
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '、'
            | '。'
            | '，'
            | '；'
            | '：'
            | '！'
            | '？'
            | '．'
    )
}

fn is_emphatic(c: char) -> bool {
    matches!(c, '!' | '?' | '！' | '？')
}

/// Runs of doubled marks in one paragraph: `(start, end, run)`.
pub fn check_paragraph(
    text: &str,
    start: usize,
    end: usize,
    lang: Option<&str>,
) -> Vec<(usize, usize, String)> {
    let pc = ParaChars::new(text, start, end);
    let mut out = Vec::new();
    let n = pc.chars.len();
    let mut k = 0;
    while k < n {
        if !is_mark(pc.chars[k].1) || pc.protected[k] {
            k += 1;
            continue;
        }
        let mut j = k;
        while j + 1 < n && is_mark(pc.chars[j + 1].1) && !pc.protected[j + 1] {
            j += 1;
        }
        let run: String = pc.chars[k..=j].iter().map(|x| x.1).collect();
        let first = k;
        k = j + 1;
        if run.chars().count() < 2 || is_fine_run(&run) {
            continue;
        }
        // Digits around (`1.,5` is a typo, but `3.:` in tables is not ours).
        if first > 0
            && pc.chars[first - 1].1.is_ascii_digit()
            && pc.chars.get(j + 1).is_some_and(|x| x.1.is_ascii_digit())
        {
            continue;
        }
        // An abbreviation's period followed by `,` `;` `:` or a closing `?!`.
        let mut rest = run.as_str();
        if rest.starts_with('.') && ends_abbreviation(&pc, first, lang) {
            rest = &rest[1..];
            if rest.chars().count() < 2 || is_fine_run(rest) {
                continue;
            }
            // `U.S.,` followed by more marks is still reported below.
            if rest.chars().count() == 1 {
                continue;
            }
        }
        out.push((pc.chars[first].0, pc.end_of(j), run));
    }
    out
}

/// Runs that are not a doubled mark: ellipses, emphatic `?!`, and `?` or `!`
/// followed by `,` `;` `:`.
fn is_fine_run(run: &str) -> bool {
    let chars: Vec<char> = run.chars().collect();
    if chars.iter().all(|&c| is_emphatic(c)) {
        return true;
    }
    // Any ellipsis: `...`, `…`, `….`, `...?`, `?…`.
    if run.contains('…') || run.contains("...") || run.contains("．．．") {
        return true;
    }
    // `?..`, `!..`, `..?`: the Russian and Ukrainian question or
    // exclamation with an ellipsis.
    if run.contains("..")
        && chars.iter().all(|&c| c == '.' || is_emphatic(c))
        && chars.iter().any(|&c| is_emphatic(c))
    {
        return true;
    }
    // `?,` `!,` `?:` (Spanish; enumerations of questions).
    if chars.len() == 2 && is_emphatic(chars[0]) && matches!(chars[1], ',' | ';' | ':') {
        return true;
    }
    false
}

/// True when the period at `k` ends an abbreviation or an initial:
/// `U.S.`, `etc.`, `Dr.`, `J.`, `Inc.`.
fn ends_abbreviation(pc: &ParaChars, k: usize, lang: Option<&str>) -> bool {
    let mut s = k;
    while s > 0 && (pc.chars[s - 1].1.is_alphabetic() || pc.chars[s - 1].1 == '.') {
        s -= 1;
    }
    let word: String = pc.chars[s..k].iter().map(|x| x.1).collect();
    if word.is_empty() {
        // An ordinal (`Ludwig der 14.,`) or a numbered item.
        return k > 0 && pc.chars[k - 1].1.is_ascii_digit();
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.contains('.') || letters == 1 {
        return true;
    }
    let lower = word.to_lowercase();
    if abbreviations().contains(lang, &lower) {
        return true;
    }
    // Short forms: Inc., Ltd., Jr., Co., Mio., approx., дол.
    letters <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(t: &str, lang: &str) -> Vec<String> {
        check_paragraph(t, 0, t.len(), Some(lang))
            .into_iter()
            .map(|x| x.2)
            .collect()
    }

    #[test]
    fn doubled_marks() {
        assert_eq!(runs("The budget,, and work.", "en"), [",,"]);
        assert_eq!(runs("It ended.. Then", "en"), [".."]);
        assert_eq!(runs("Really?. No", "en"), ["?."]);
        assert_eq!(runs("他说。。好", "zh"), ["。。"]);
    }

    #[test]
    fn fine_runs() {
        assert!(runs("Wait... what?! No!! Why???", "en").is_empty());
        assert!(runs("In the U.S., prices rose; etc., and Inc.: fine.", "en").is_empty());
        assert!(runs("¿Vienes?, preguntó.", "es").is_empty());
        assert!(runs("Er kam…. Dann ging er.", "de").is_empty());
        assert!(runs("See https://ex.com/a..b for more.", "en").is_empty());
        assert!(runs("Das ist z. B.: gut.", "de").is_empty());
        assert!(runs("Что ты здесь делаешь..? Как?.. Ludwig der 14., ein", "ru").is_empty());
    }
}
