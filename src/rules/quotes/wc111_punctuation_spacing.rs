//! WC111 `punctuation-spacing`.

use super::punct::{ParaChars, table_of};
use super::scan::show;
use super::tables::{PunctTable, SpacePolicy, ch};
use super::target_finding;
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Checks the space before and after punctuation against the target
    /// language's table (`corpora/tables/punctuation/`): no space before
    /// `, . ; : ! ? ) ]` in most languages, no space after `( [` (and after
    /// Spanish `¿ ¡` and CJK `、。，（`), and in French the no-break space
    /// required before `; : ! ?` (U+202F or U+00A0; a plain space is accepted
    /// at info severity, since it lets the mark wrap to the next line). Swiss
    /// French makes that space optional.
    ///
    /// Marks between digits (`10:30`, `3,5`), runs of periods (an ellipsis,
    /// AP style ` ... `), URLs, e-mail addresses, handles, hashtags and
    /// emoticons are left alone. In `?!` only the first mark is checked.
    ///
    /// With a source, a spacing defect the aligned source paragraph has
    /// too (by the source language's own rules) at about the same place is
    /// faithfully reproduced and not reported.
    ///
    /// ## Why is this bad?
    /// A space before a comma is the mark of text assembled by a machine or
    /// copied from French; French text without its spaces looks foreign to
    /// French readers, and a breaking space lets `?` start a line.
    ///
    /// ## Example
    /// Target (en): `Will the bridge reopen ? Officials would not say.`
    /// → `space before ?`
    ///
    /// Target (fr): `Le pont rouvrira-t-il? Les autorités se taisent.`
    /// → `narrow no-break space missing before ?`
    ///
    /// ## Language pairs
    /// Every target language with a punctuation table. Runs on a target
    /// alone.
    ///
    /// ## Known problems
    /// Canadian French, which often has no space before `; ! ?`, falls back
    /// to the French table. A space before a period that starts a file name
    /// or a number (`.NET`, `.45`) is left alone.
    pub struct PunctuationSpacing {
        code: "WC111",
        name: "punctuation-spacing",
        category: Punctuation,
        severity: Warning,
        needs_source: false,
        summary: "space before punctuation where the language forbids it, or missing where French requires it",
    }
}

impl Rule for PunctuationSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some(table) = table_of(&cx.target) else {
            return;
        };
        let src_table = cx.source.as_ref().and_then(table_of);
        for p in 0..cx.target.paragraph_count() {
            let (s, e) = cx.target.paragraph_range(p);
            let found = check_paragraph(cx.target.text(), s, e, table);
            if found.is_empty() {
                continue;
            }
            // A spacing defect of the source (by its own language's rules)
            // at about the same place is faithfully reproduced.
            let mirrored = match (cx.source, src_table) {
                (Some(src), Some(st)) => {
                    let source: Vec<(usize, usize)> = cx
                        .sources_of(p)
                        .iter()
                        .flat_map(|&sp| {
                            let (ss, se) = src.paragraph_range(sp);
                            check_paragraph(src.text(), ss, se, st)
                                .into_iter()
                                .filter(|h| h.3 > Severity::Info)
                                .map(move |h| (sp, h.0))
                        })
                        .collect();
                    let target: Vec<(usize, usize)> = found.iter().map(|h| (p, h.0)).collect();
                    super::mirrors(cx, &src, &target, &source)
                }
                _ => vec![false; found.len()],
            };
            for ((start, end, msg, sev, sugg), m) in found.into_iter().zip(mirrored) {
                if m && sev > Severity::Info {
                    continue;
                }
                let mut f = target_finding(&Self::META, cx, p, start, end, msg, sev);
                f.suggestion = sugg;
                out.push(f);
            }
        }
    }
}

type Hit = (usize, usize, String, Severity, Option<String>);

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

/// The findings of one paragraph: `(start, end, message, severity, suggestion)`.
pub fn check_paragraph(text: &str, start: usize, end: usize, table: &PunctTable) -> Vec<Hit> {
    let pc = ParaChars::new(text, start, end);
    let no_before: Vec<char> = table.no_space_before.iter().map(|s| ch(s)).collect();
    let no_after: Vec<char> = table.no_space_after.iter().map(|s| ch(s)).collect();
    let mut out = Vec::new();
    for (k, &(b, c)) in pc.chars.iter().enumerate() {
        if pc.protected[k] {
            continue;
        }
        let (prev, next) = (pc.prev(k), pc.next(k));
        if is_digit(prev) && is_digit(next) {
            continue;
        }
        if let Some(rule) = table.space_before.iter().find(|r| ch(&r.mark) == c) {
            // Only the first mark of `?!`; not a mark glued to a following
            // word (`Re:Source`, `Yahoo!News`), nor one at the start.
            let Some(p) = prev else { continue };
            if matches!(p, '?' | '!' | ';' | ':' | '.' | '…' | '(' | '[')
                || next.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if c == ':' && next == Some('/') {
                continue;
            }
            let accepted: Vec<char> = rule.accepted.iter().map(|s| ch(s)).collect();
            let tolerated: Vec<char> = rule.tolerated.iter().map(|s| ch(s)).collect();
            let preferred = rule.preferred.chars().next().map(show).unwrap_or_default();
            let sb = pc.chars[k - 1].0;
            if accepted.contains(&p) {
                continue;
            } else if tolerated.contains(&p) {
                out.push((
                    sb,
                    b + 1,
                    format!(
                        "{} before {c} can break the line; use a {preferred}",
                        show(p)
                    ),
                    Severity::Info,
                    Some(format!("{}{c}", rule.preferred)),
                ));
            } else if p.is_whitespace() {
                out.push((
                    sb,
                    b + 1,
                    format!("{} before {c}; use a {preferred}", show(p)),
                    Severity::Warning,
                    Some(format!("{}{c}", rule.preferred)),
                ));
            } else if rule.policy == SpacePolicy::Required {
                out.push((
                    b,
                    b + 1,
                    format!("{preferred} missing before {c}"),
                    Severity::Warning,
                    Some(format!("{}{c}", rule.preferred)),
                ));
            }
            continue;
        }
        if no_before.contains(&c) && prev.is_some_and(char::is_whitespace) {
            // Ellipses (` ...`, `. . .`), `.NET`, `.45`, a mark starting a line.
            let ellipsis = c == '.'
                && (next == Some('.')
                    || (next == Some(' ') && pc.chars.get(k + 2).is_some_and(|x| x.1 == '.')));
            let glued = matches!(c, '.' | ':' | ',') && next.is_some_and(char::is_alphanumeric);
            let ws_start = (0..k)
                .rev()
                .find(|&i| !pc.chars[i].1.is_whitespace())
                .map_or(0, |i| i + 1);
            let line_start = ws_start == 0 || pc.chars[ws_start..k].iter().any(|x| x.1 == '\n');
            let after_mark = ws_start > 0
                && matches!(
                    pc.chars[ws_start - 1].1,
                    '.' | '…' | '-' | '–' | '—' | '/' | '|' | '•' | '·'
                );
            if !(ellipsis || glued || line_start || after_mark) {
                let s = pc.chars[ws_start].0;
                out.push((
                    s,
                    b + c.len_utf8(),
                    format!("space before {c}"),
                    Severity::Warning,
                    Some(c.to_string()),
                ));
            }
            continue;
        }
        if no_after.contains(&c) && next.is_some_and(|n| n.is_whitespace() && n != '\n') {
            let e = pc.chars[k + 1..]
                .iter()
                .find(|x| !x.1.is_whitespace())
                .map_or(end, |x| x.0);
            // A full-width mark followed by a Latin word or URL: the space
            // separates the scripts, as many CJK house styles do.
            let latin_next = text[e..end]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphanumeric());
            let fullwidth = (c as u32) >= 0x3000;
            if e < end && !(fullwidth && latin_next) {
                // A space after a full-width full stop only widens the gap
                // between two sentences: a note, not a defect.
                let sev = if matches!(c, '。' | '．' | '！' | '？') {
                    Severity::Info
                } else {
                    Severity::Warning
                };
                out.push((b, e, format!("space after {c}"), sev, Some(c.to_string())));
            }
        }
    }
    out
}
