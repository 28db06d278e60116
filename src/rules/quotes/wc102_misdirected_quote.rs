//! WC102 `misdirected-quote`.

use super::emit_quote_issues;
use super::scan::IssueKind;
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds an opening mark used to close a quotation (`“…“` in English,
    /// `„…„` in German, `«…«` in French) and a closing mark used to open one
    /// (`”…”` in English, `“…“` in German, `」…」` in Japanese), reading marks
    /// with the target language's table. The suggestion is the right mark.
    ///
    /// ## Why is this bad?
    /// It is the typical defect of a translation typed over an autocorrecting
    /// editor or produced by a system that copies source marks: the page
    /// shows two opening marks and no closing one. Readers and layout tools
    /// that pair marks (pull quotes, screen readers) get it wrong.
    ///
    /// ## Example
    /// Target (de):
    /// ```text
    /// Er sagte: „Wir kommen morgen.„
    /// ```
    /// → `opening mark „ used to close the quotation opened with „; expected “`
    ///
    /// ## Language pairs
    /// Every target language with a quotes table. Languages that open and
    /// close with the same mark (Swedish and Finnish `”…”`, `»…»`) pair
    /// marks by alternation, so this rule does not apply to those marks.
    /// Runs on a target alone.
    ///
    /// ## Known problems
    /// A quotation nested in a quotation with the same opening mark
    /// (against every style guide) is read as a misdirected close when the
    /// inner mark stands after a letter.
    pub struct MisdirectedQuote {
        code: "WC102",
        name: "misdirected-quote",
        category: Quotes,
        severity: Error,
        needs_source: false,
        summary: "opening quotation mark used to close, or closing mark used to open",
    }
}

impl Rule for MisdirectedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        emit_quote_issues(&Self::META, IssueKind::Misdirected, cx, out);
    }
}
