//! WC101 `unbalanced-quote`.

use super::emit_quote_issues;
use super::scan::IssueKind;
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds a quotation opened and never closed in its paragraph, and a
    /// closing mark that closes nothing. Marks are read with the target
    /// language's table (`corpora/tables/quotes/`): which marks open and
    /// close, which pairs nest, and which characters are apostrophes
    /// (`team’s`, `l’Italia`, `’90s`, `rock ’n’ roll` are not quotation
    /// marks).
    ///
    /// A quotation running over several paragraphs is not a defect when it
    /// follows the news convention: the opening mark is repeated at the start
    /// of each following paragraph and the closing mark comes only at the
    /// end (also `»` at the start of the paragraph in Spanish and older
    /// French practice). The quotation must have opened where a sentence
    /// starts, run to the end of its paragraph, and hold no narration after
    /// the quoted words (`?, fragte er`, `! – крикнул он`, `…と尋ねた`):
    /// otherwise its closing mark is missing. A quotation that runs on into a
    /// next paragraph which does not repeat the opening mark but closes it is
    /// reported at info severity. The same opening mark met again while its
    /// quotation is open (`„A, sagte er. „B.“`) means the first was never
    /// closed, except where the table lets the pair nest (French `« « » »`).
    ///
    /// ## Why is this bad?
    /// A reader cannot tell where the speaker's words end: a journalist's
    /// paraphrase reads as the speaker's words, or the reverse. When a
    /// translation drops a closing mark, the attribution of everything after
    /// it is wrong.
    ///
    /// ## Example
    /// Target (en):
    /// ```text
    /// “We will not raise taxes this year, the minister said.
    /// ```
    /// → `quotation opened with “ is never closed with ” in its paragraph`
    ///
    /// ## Language pairs
    /// Every target language with a quotes table: en, en-GB, fr, fr-CH, de,
    /// de-CH, it, es, pt, pt-BR, ru, uk, pl, cs, nl, sv, da, nb, fi, hu, ro,
    /// el, tr, ja, zh-Hans, zh-Hant, ko (other tags fall back as the tables'
    /// README says). Runs on a target alone.
    ///
    /// ## Known problems
    /// A paragraph that ends inside a quotation and a next paragraph that
    /// happens to start a new quotation are read as one quotation continued
    /// (the convention cannot be told apart from that case). An elided word
    /// starting with an apostrophe that is not in the table
    /// (`word_initial_apostrophes`) may be read as a quotation mark. Inch
    /// marks are recognised after a digit (`5' 11"`). A block of ten
    /// sentences or more is taken as several paragraphs whose breaks were
    /// lost, and the opening mark repeated at a sentence start inside it
    /// continues the quotation. Dialogue where a closing mark was dropped
    /// at the end of a paragraph whose next paragraph opens a quotation
    /// cannot be told from the multi-paragraph convention.
    pub struct UnbalancedQuote {
        code: "WC101",
        name: "unbalanced-quote",
        category: Quotes,
        severity: Error,
        needs_source: false,
        summary: "quotation never closed, or closing mark with no opening",
    }
}

impl Rule for UnbalancedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        emit_quote_issues(&Self::META, IssueKind::Unbalanced, cx, out);
    }
}
