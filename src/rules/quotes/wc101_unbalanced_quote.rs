//! WC101 `unbalanced-quote`.

use super::scan::IssueKind;
use super::{Scans, emit_quote_issues, scans, target_finding};
use crate::finding::{Finding, Severity};
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
    /// A straight `"` after a word or a stop, before a space, punctuation or
    /// the end, with no quotation open, closes nothing: it is reported where
    /// it stands rather than read as an opening mark that would put every
    /// later pair out of step.
    ///
    /// With a source, the rule blames the translation only: an unbalanced
    /// mark of the target with one in the aligned source paragraph at about
    /// the same place (within 12% of the paragraph's length; each source
    /// mark answers for one target mark) reproduces the source's own defect
    /// and is not reported;
    /// and a quotation carried over a paragraph break by the convention
    /// above is reported when the aligned source paragraph quotes, closes
    /// all its quotations and carries none over (dialogue whose closing
    /// mark was lost at a paragraph end).
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
    /// (after a space, or right after `。！？` in CJK text) continues the
    /// quotation when that quotation opened where a sentence starts. A
    /// straight `"` between two letters (`l"été`) is a mistyped apostrophe. Dialogue where a closing mark was dropped
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
        let shared = scans(cx);
        continued_against_source(cx, &shared, out);
    }
}

/// A target quotation carried over a paragraph break (the multi-paragraph
/// convention) where the aligned source paragraph has quotations, all
/// closed, and carries none over: the source says the quotation ends in
/// this paragraph, so the target's closing mark is missing, not deferred.
fn continued_against_source(cx: &PairContext<'_>, scans: &Scans, out: &mut Vec<Finding>) {
    let (Some((_, t)), Some((_, s)), Some(src)) = (&scans.target, &scans.source, cx.source) else {
        return;
    };
    if t.continued.is_empty() {
        return;
    }
    // Per source paragraph: holds a quotation (or the rest of one carried
    // over), carries one over, has a broken mark.
    let n = src.paragraph_count();
    let (mut quoted, mut carried, mut broken) = (vec![false; n], vec![false; n], vec![false; n]);
    for q in &s.quotations {
        if let Some(x) = quoted.get_mut(q.paragraph) {
            *x = true;
        }
    }
    for k in &s.continued {
        if let Some(x) = carried.get_mut(k.paragraph) {
            *x = true;
        }
        if let Some(x) = quoted.get_mut(k.paragraph + 1) {
            *x = true;
        }
    }
    for i in s.issues.iter().filter(|i| {
        i.severity > Severity::Info
            && matches!(i.kind, IssueKind::Unbalanced | IssueKind::Misdirected)
    }) {
        if let Some(x) = broken.get_mut(i.paragraph) {
            *x = true;
        }
    }
    for c in &t.continued {
        let Some(&sp) = cx.sources_of(c.paragraph).last() else {
            continue;
        };
        if sp >= n || !quoted[sp] || carried[sp] || broken[sp] {
            continue;
        }
        let (ts, te) = cx.target.paragraph_range(c.paragraph);
        let (start, end) = if c.opened_in == c.paragraph {
            (c.start, c.end)
        } else {
            let last = cx.target.text()[ts..te]
                .char_indices()
                .last()
                .map_or(ts, |(i, _)| ts + i);
            (last, te)
        };
        let mut f = target_finding(
            &UnbalancedQuote::META,
            cx,
            c.paragraph,
            start,
            end,
            format!(
                "quotation opened with {} is carried over into the next paragraph, but the \
                 source closes its quotations in this one: {} missing",
                c.mark, c.close
            ),
            Severity::Error,
        );
        let (ss, se) = src.paragraph_range(sp);
        f.source_paragraph = Some(sp);
        f.source_evidence = Some((ss, se));
        out.push(f);
    }
}
