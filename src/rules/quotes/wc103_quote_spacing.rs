//! WC103 `quote-spacing`.

use super::emit_quote_issues;
use super::scan::IssueKind;
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Checks the space inside each closed quotation against the target
    /// language's table: no whitespace after an opening or before a closing
    /// mark where the language forbids it (`“ We…”`, `„Wir kommen “`), and
    /// the no-break space French requires inside `« »` (U+00A0, or the
    /// narrow U+202F). In French a plain space is accepted but reported at
    /// info severity, since it lets the guillemet wrap to the next line.
    /// Where the space is optional (Swiss French, straight quotes in French
    /// text) both sides must agree.
    ///
    /// ## Why is this bad?
    /// A space on the wrong side of a mark detaches it from the quoted words:
    /// it reads as a stray mark, and line breaking can leave the mark alone
    /// at the start or end of a line.
    ///
    /// ## Example
    /// Target (en):
    /// ```text
    /// “We will not raise taxes this year ,” the minister said.
    /// “ We will not raise taxes this year,” the minister said.
    /// ```
    /// → `space after opening mark “`
    ///
    /// Target (fr): `«Nous sommes prêts», a déclaré le ministre.`
    /// → `no-break space missing after opening mark «`
    ///
    /// ## Language pairs
    /// Every target language with a quotes table; the French spaces for fr
    /// and fr-CH. Runs on a target alone.
    ///
    /// ## Known problems
    /// Only closed quotations are checked (an unclosed one is reported by
    /// `unbalanced-quote`). French text from Canada, where the spaces are
    /// often left out, falls back to the French table.
    pub struct QuoteSpacing {
        code: "WC103",
        name: "quote-spacing",
        category: Quotes,
        severity: Warning,
        needs_source: false,
        summary: "space inside quotation marks where the language forbids it, or missing where it requires it",
    }
}

impl Rule for QuoteSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        emit_quote_issues(&Self::META, IssueKind::Spacing, cx, out);
    }
}
