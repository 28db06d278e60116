//! WC703 `double-space`.

use crate::finding::{Finding, Severity};
use crate::rules::quotes::target_finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds two or more spaces in a row inside a line of the target. Spaces
    /// that indent a line, and lines laid out in columns (three or more runs
    /// of spaces), are left alone. Only a run between two words inside a
    /// sentence (`approved  the`), where a word was deleted or moved, is a
    /// warning. Every other run is reported at info severity: two spaces
    /// after a sentence-final mark or a colon (the typewriter habit), before
    /// or after brackets, quotation marks and separators (`Title  | Site`,
    /// `Crutches  (Agency)`), and before a capitalised word, where a line
    /// break between a headline and its text was lost. These are frequent in
    /// professional translations and invisible to readers of a web page,
    /// which collapses spaces.
    ///
    /// ## Why is this bad?
    /// A double space inside a sentence marks a deleted or moved word, and
    /// shows as a gap in justified text.
    ///
    /// ## Example
    /// Target (en): `The council approved  the budget.`
    /// → `2 spaces in a row`
    ///
    /// ## Language pairs
    /// All target languages. Runs on a target alone.
    ///
    /// ## Known problems
    /// No-break and other spaces are not counted; only U+0020.
    pub struct DoubleSpace {
        code: "WC703",
        name: "double-space",
        category: Formatting,
        severity: Warning,
        needs_source: false,
        summary: "two or more spaces in a row inside a line",
    }
}

impl Rule for DoubleSpace {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        for p in 0..cx.target.paragraph_count() {
            let (s, e) = cx.target.paragraph_range(p);
            let text = cx.target.text();
            let mut line_start = s;
            for line in text[s..e].split('\n') {
                let runs = runs_in(line);
                if runs.len() < 3 {
                    for (a, b) in runs {
                        let before = line[..a].chars().next_back();
                        let after = line[b..].chars().next();
                        let sev = if inside_sentence(before, after) {
                            Severity::Warning
                        } else {
                            Severity::Info
                        };
                        let mut f = target_finding(
                            &Self::META,
                            cx,
                            p,
                            line_start + a,
                            line_start + b,
                            format!("{} spaces in a row", b - a),
                            sev,
                        );
                        f.suggestion = Some(" ".into());
                        out.push(f);
                    }
                }
                line_start += line.len() + 1;
            }
        }
    }
}

/// True when a run of spaces sits between two words of one sentence: a
/// letter or digit (or a comma) before, and a word that is not capitalised
/// after (a capital after the run starts a new line or sentence whose break
/// was lost).
fn inside_sentence(before: Option<char>, after: Option<char>) -> bool {
    before.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'))
        && after.is_some_and(|c| c.is_alphanumeric() && !c.is_uppercase())
}

/// Runs of two or more spaces inside `line` (not leading or trailing).
fn runs_in(line: &str) -> Vec<(usize, usize)> {
    let content_start = line.len() - line.trim_start().len();
    let content_end = line.trim_end().len();
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = content_start;
    while i < content_end {
        if b[i] == b' ' {
            let j = (i..content_end)
                .find(|&j| b[j] != b' ')
                .unwrap_or(content_end);
            if j - i >= 2 {
                out.push((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}
