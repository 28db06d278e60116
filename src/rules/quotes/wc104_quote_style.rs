//! WC104 `quote-style`.

use super::emit_quote_issues;
use super::scan::IssueKind;
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds quotation marks of another language's convention in the target:
    /// `«…»` in English, `“…”` in German or Russian, `„…“` in French, a mark
    /// the language never uses as a quotation mark, ASCII `"` in Chinese and
    /// Japanese, an inner-level pair opening an outermost quotation where the
    /// language forbids it (`“…”` outside `« »` in French), and straight and
    /// typographic double quotes mixed in one text. The conventions and the
    /// alternatives each language accepts are in `corpora/tables/quotes/`.
    ///
    /// ## Why is this bad?
    /// Marks copied from the source (or from an English pivot) tell readers
    /// the text was not edited in its language, and house style guides reject
    /// them. Mixed straight and curly quotes come from pasting text from
    /// several tools.
    ///
    /// ## Example
    /// Target (en):
    /// ```text
    /// The minister said: «We will not raise taxes this year.»
    /// ```
    /// → `«…» (French/Italian/Spanish/Russian guillemets) in English text, which uses “…”`
    ///
    /// ## Language pairs
    /// Every target language with a quotes table. Straight quotes used
    /// consistently are accepted except in Chinese and Japanese. Runs on a
    /// target alone.
    ///
    /// ## Known problems
    /// A quotation deliberately kept in the source language's marks (rare in
    /// news) is reported.
    pub struct QuoteStyle {
        code: "WC104",
        name: "quote-style",
        category: Quotes,
        severity: Warning,
        needs_source: false,
        summary: "quotation marks of another language's convention, or mixed straight and curly quotes",
    }
}

impl Rule for QuoteStyle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        emit_quote_issues(&Self::META, IssueKind::Style, cx, out);
    }
}
