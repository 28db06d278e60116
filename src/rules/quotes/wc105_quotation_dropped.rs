//! WC105 `quotation-dropped`.

use super::scan::{self, Quotation};
use super::target_finding;
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta};
use crate::segment::{TokenKind, tokens};

crate::declare_rule! {
    /// ## What it does
    /// Finds a direct quotation in a source paragraph (a closed outermost
    /// quotation of at least five words, or ten CJK characters, read with
    /// the source language's quotes table) whose aligned target paragraph
    /// holds no quotation mark at all: the speech was turned into reported
    /// speech, or lost.
    ///
    /// ## Why is this bad?
    /// In news, quotation marks are a promise that these are the speaker's
    /// words. A translation that paraphrases them changes what the article
    /// claims, and one that drops the marks passes the journalist's summary
    /// off as the speaker's words or the reverse.
    ///
    /// ## Example
    /// Source (it): `«Non alzeremo le tasse quest'anno», ha detto il ministro.`
    /// Target (en): `The minister said he would not raise taxes this year.`
    /// → `source quotation «Non alzeremo le tasse quest'anno» has no quotation marks in the target`
    ///
    /// ## Language pairs
    /// All pairs whose source language has a quotes table; needs the source.
    ///
    /// ## Known problems
    /// Short quotations (a word or a title in quotation marks) are not
    /// concerned, since translations legitimately drop scare quotes. Only a
    /// target paragraph with no quotation mark at all is reported: a target
    /// that keeps one quotation of two is not.
    ///
    /// A target that holds no quotation mark anywhere, while several of its
    /// paragraphs should, renders speech without marks throughout (a house
    /// style for dialogue, or marks lost in extraction): it gets one warning,
    /// at the first paragraph, and the other paragraphs info hints, as one
    /// decision of the translator rather than a defect per paragraph. So
    /// does a target that drops the marks in three paragraphs or more and in
    /// at least half of the paragraphs whose source quotes: marks kept here
    /// and there do not make the dropped ones separate defects.
    pub struct QuotationDropped {
        code: "WC105",
        name: "quotation-dropped",
        category: Quotes,
        severity: Warning,
        needs_source: true,
        summary: "direct quotation in the source paragraph, none in the target paragraph",
    }
}

/// Dropped quotations from which, when they are at least half of the
/// source's quoting paragraphs, the target is taken to render speech without
/// marks by convention.
const MOSTLY: usize = 3;

/// Every character that can be a quotation mark in some language (not
/// `'` and `’`, which are mostly apostrophes).
fn is_any_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '〝'
            | '〞'
            | '＂'
    )
}

/// Words in a stretch of text (a CJK run counts one word per two characters).
fn words(text: &str) -> usize {
    tokens(text)
        .map(|t| match t.kind {
            TokenKind::Word | TokenKind::Number => 1,
            TokenKind::Cjk => text[t.start..t.end].chars().count().div_ceil(2),
            TokenKind::Link => 1,
        })
        .sum()
}

/// The long closed outermost quotations of a source paragraph.
fn direct_quotes<'q>(
    qs: &'q [Quotation],
    text: &'q str,
    p: usize,
) -> impl Iterator<Item = &'q Quotation> + 'q {
    qs.iter().filter(move |q| {
        q.paragraph == p && q.depth == 0 && q.close.is_some_and(|c| is_speech(&text[q.open..c]))
    })
}

/// Quoted speech rather than a title or a term: eight words or more, or
/// five with sentence punctuation inside (CJK: 16 characters with
/// punctuation, or 30).
fn is_speech(inner: &str) -> bool {
    let n = words(inner);
    let punct = inner.chars().skip(1).any(|c| {
        matches!(
            c,
            ',' | '.' | '!' | '?' | ';' | '…' | '，' | '。' | '！' | '？' | '、' | '；'
        )
    });
    let cjk = inner
        .chars()
        .filter(|&c| crate::segment::is_cjk_char(c))
        .count();
    if cjk * 2 > inner.chars().count() {
        return (cjk >= 16 && punct) || cjk >= 30;
    }
    n >= 8 || (n >= 5 && punct)
}

impl Rule for QuotationDropped {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((src, al)) = cx.pair() else { return };
        let shared = super::scans(cx);
        let Some((_, analysis)) = &shared.source else {
            return;
        };
        let first = out.len();
        let mut quoting = 0;
        for link in &al.paragraphs {
            if link.target.is_empty() {
                continue;
            }
            // Only source paragraphs whose marks pair up cleanly: a source
            // with a stray mark cannot say where its quotations are.
            let clean = |sp: usize| {
                !analysis.issues.iter().any(|i| {
                    i.paragraph == sp
                        && matches!(
                            i.kind,
                            scan::IssueKind::Unbalanced | scan::IssueKind::Misdirected
                        )
                })
            };
            let quote = link.source.iter().filter(|&&sp| clean(sp)).find_map(|&sp| {
                direct_quotes(&analysis.quotations, src.text(), sp)
                    .next()
                    .map(|q| (sp, q))
            });
            let Some((sp, q)) = quote else { continue };
            quoting += 1;
            let has_quote = link
                .target
                .iter()
                .any(|&tp| cx.target.paragraph(tp).chars().any(is_any_quote));
            if has_quote {
                continue;
            }
            let tp = link.target[0];
            let (ts, te) = cx.target.paragraph_range(tp);
            let close = q.close.unwrap_or(q.open);
            let quoted = &src.text()[q.open..close];
            let shown: String = if quoted.chars().count() > 60 {
                format!("{}…", quoted.chars().take(60).collect::<String>())
            } else {
                quoted.to_string()
            };
            let first_end = cx.target.text()[ts..te]
                .char_indices()
                .nth(60)
                .map_or(te, |(i, _)| ts + i);
            let mut f = target_finding(
                &Self::META,
                cx,
                tp,
                ts,
                first_end,
                format!("source quotation {shown} has no quotation marks in the target"),
                Severity::Warning,
            );
            f.source_paragraph = Some(sp);
            f.source_evidence = Some((q.open, close));
            f.target_evidence = Some((ts, te));
            out.push(f);
        }
        let n = out.len() - first;
        let nowhere = !cx.target.text().chars().any(is_any_quote);
        // Most quotations rendered without marks: the translation's
        // convention for speech, one decision rather than a defect per
        // paragraph.
        let mostly = n >= MOSTLY && n * 2 >= quoting;
        if n >= 2 && (nowhere || mostly) {
            if let Some(f) = out.get_mut(first) {
                f.message.push_str(&if nowhere {
                    format!(" ({n} paragraphs; the target has no quotation marks anywhere)")
                } else {
                    format!(
                        " ({n} of the {quoting} paragraphs quoting in the source; the target \
                         mostly renders speech without quotation marks)"
                    )
                });
            }
            for f in out.iter_mut().skip(first + 1) {
                f.severity = Severity::Info;
            }
        }
    }
}
