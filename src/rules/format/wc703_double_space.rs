//! WC703 `double-space`.

use crate::finding::{Finding, Severity};
use crate::rules::quotes::target_finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds two or more spaces in a row inside a line of the target. Spaces
    /// that indent a line, and lines laid out in columns (three or more runs
    /// of spaces), are left alone. Two spaces after a sentence-final mark
    /// (the typewriter habit) are reported at info severity.
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
                        let sev =
                            if before.is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':')) {
                                Severity::Info
                            } else {
                                Severity::Warning
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
