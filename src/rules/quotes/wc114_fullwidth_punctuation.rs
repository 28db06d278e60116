//! WC114 `fullwidth-punctuation`.

use super::punct::{ParaChars, table_of};
use super::tables::ch;
use super::target_finding;
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// In Chinese and Japanese targets, finds a half-width mark (`,` `.` `:`
    /// `;` `!` `?` `(` `)`) written directly after a Han or kana character,
    /// where the language uses the full-width form (`，` `。` `：` `；` `！`
    /// `？` `（` `）`); the pairs are `fullwidth_map` in
    /// `corpora/tables/punctuation/`. Latin-script runs inside CJK text keep
    /// their half-width marks.
    ///
    /// ## Why is this bad?
    /// Half-width marks in CJK text break the character grid and look like
    /// text pasted from a Western source; news style guides require the
    /// full-width forms.
    ///
    /// ## Example
    /// Target (zh): `外交部发言人表示,中方愿意继续对话.`
    /// → `half-width , after a CJK character; use ，`
    ///
    /// ## Language pairs
    /// Targets in Chinese and Japanese (Korean uses Western punctuation).
    /// Runs on a target alone.
    ///
    /// A half-width comma or full stop is a warning; a half-width colon,
    /// semicolon, bracket, `!` or `?` (frequent in headlines and around Latin
    /// words, and accepted by many house styles) is reported at info
    /// severity.
    ///
    /// ## Known problems
    /// A half-width mark after a CJK character inside a quoted code or file
    /// name is reported.
    pub struct FullwidthPunctuation {
        code: "WC114",
        name: "fullwidth-punctuation",
        category: Punctuation,
        severity: Warning,
        needs_source: false,
        summary: "half-width punctuation after a CJK character in Chinese or Japanese",
    }
}

impl Rule for FullwidthPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some(table) = table_of(&cx.target).filter(|t| t.fullwidth) else {
            return;
        };
        let map: Vec<(char, char)> = table
            .fullwidth_map
            .iter()
            .map(|p| (ch(&p.halfwidth), ch(&p.fullwidth)))
            .collect();
        for p in 0..cx.target.paragraph_count() {
            let (s, e) = cx.target.paragraph_range(p);
            let pc = ParaChars::new(cx.target.text(), s, e);
            for (k, &(b, c)) in pc.chars.iter().enumerate() {
                let Some(&(_, full)) = map.iter().find(|m| m.0 == c) else {
                    continue;
                };
                if pc.protected[k] || !pc.prev(k).is_some_and(is_han_or_kana) {
                    continue;
                }
                // `3.5` style numbers and `…` runs are not concerned.
                if c == '.' && pc.next(k).is_some_and(|n| n == '.' || n.is_ascii_digit()) {
                    continue;
                }
                let mut f = target_finding(
                    &Self::META,
                    cx,
                    p,
                    b,
                    b + c.len_utf8(),
                    format!("half-width {c} after a CJK character; use {full}"),
                    // A half-width comma or full stop breaks the grid of the
                    // line; a colon, bracket or ?! is common in headlines and
                    // around Latin words, and only noted.
                    if matches!(c, ',' | '.') {
                        Severity::Warning
                    } else {
                        Severity::Info
                    },
                );
                f.suggestion = Some(full.to_string());
                out.push(f);
            }
        }
    }
}

fn is_han_or_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}
