//! Quotation and punctuation rules (1xx).
//!
//! The quote rules WC101–WC104 share one scan of the target
//! ([`scan::analyze`]) driven by the tables in `corpora/tables/quotes/`; the
//! punctuation rules WC110–WC114 use `corpora/tables/punctuation/`.

pub mod punct;
pub mod scan;
pub mod tables;
pub mod wc101_unbalanced_quote;
pub mod wc102_misdirected_quote;
pub mod wc103_quote_spacing;
pub mod wc104_quote_style;
pub mod wc105_quotation_dropped;
pub mod wc110_doubled_punctuation;
pub mod wc111_punctuation_spacing;
pub mod wc112_unbalanced_bracket;
pub mod wc113_final_punctuation_missing;
pub mod wc114_fullwidth_punctuation;

use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta, SideContext, target_span};
use scan::{Analysis, Conv, IssueKind};

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[
    &wc101_unbalanced_quote::UnbalancedQuote,
    &wc102_misdirected_quote::MisdirectedQuote,
    &wc103_quote_spacing::QuoteSpacing,
    &wc104_quote_style::QuoteStyle,
    &wc105_quotation_dropped::QuotationDropped,
    &wc110_doubled_punctuation::DoubledPunctuation,
    &wc111_punctuation_spacing::PunctuationSpacing,
    &wc112_unbalanced_bracket::UnbalancedBracket,
    &wc113_final_punctuation_missing::FinalPunctuationMissing,
    &wc114_fullwidth_punctuation::FullwidthPunctuation,
];

/// The byte ranges of a side's paragraphs.
pub fn paragraph_ranges(side: &SideContext<'_>) -> Vec<(usize, usize)> {
    (0..side.paragraph_count())
        .map(|i| side.paragraph_range(i))
        .collect()
}

/// The quote scan of a side, when a table exists for its language.
pub fn analyze_side(side: &SideContext<'_>) -> Option<(&'static Conv, Analysis)> {
    let conv = scan::conv_for(side.tag)?;
    Some((
        conv,
        scan::analyze(side.text(), &paragraph_ranges(side), conv),
    ))
}

/// The quote scans of both sides of a document, computed once and shared by
/// the rules of the group through the context memo.
pub struct Scans {
    /// The target's scan, when a table exists for its language.
    pub target: Option<(&'static Conv, Analysis)>,
    /// The source's scan, when there is a source with a table.
    pub source: Option<(&'static Conv, Analysis)>,
}

/// The shared quote scans of `cx`.
pub fn scans(cx: &PairContext<'_>) -> std::sync::Arc<Scans> {
    cx.memo.get_or_insert(|| Scans {
        target: analyze_side(&cx.target),
        source: cx.source.as_ref().and_then(analyze_side),
    })
}

/// A window of about `chars` characters on each side of `start..end`,
/// inside `lo..hi`, for evidence.
pub fn window(
    text: &str,
    start: usize,
    end: usize,
    lo: usize,
    hi: usize,
    chars: usize,
) -> (usize, usize) {
    let s = text[lo..start]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(lo, |(i, _)| lo + i);
    let e = text[end..hi]
        .char_indices()
        .nth(chars)
        .map_or(hi, |(i, _)| end + i);
    (s, e)
}

/// A finding on the target at `start..end` of paragraph `p`, with a window
/// of the paragraph as evidence and the aligned source paragraph, if any.
pub fn target_finding(
    meta: &'static RuleMeta,
    cx: &PairContext<'_>,
    p: usize,
    start: usize,
    end: usize,
    message: String,
    severity: Severity,
) -> Finding {
    let (lo, hi) = cx.target.paragraph_range(p);
    let mut f = meta.finding(target_span(start, end), message);
    f.severity = severity;
    f.target_paragraph = Some(p);
    f.target_evidence = Some(window(cx.target.text(), start, end, lo, hi, 40));
    if let (Some(src), Some(&sp)) = (cx.source, cx.sources_of(p).first()) {
        f.source_paragraph = Some(sp);
        f.source_evidence = Some(src.paragraph_range(sp));
    }
    f
}

/// Emits the scan issues of one kind as findings of `meta`.
pub fn emit_quote_issues(
    meta: &'static RuleMeta,
    kind: IssueKind,
    cx: &PairContext<'_>,
    out: &mut Vec<Finding>,
) {
    let shared = scans(cx);
    let Some((_, a)) = &shared.target else {
        return;
    };
    let mirrored: std::collections::HashSet<usize> = if kind == IssueKind::Unbalanced {
        mirrored_issues(cx, &shared, kind).into_iter().collect()
    } else {
        Default::default()
    };
    for i in a.issues.iter().filter(|i| i.kind == kind) {
        if i.severity > Severity::Info && mirrored.contains(&i.start) {
            continue;
        }
        let mut f = target_finding(
            meta,
            cx,
            i.paragraph,
            i.start,
            i.end,
            i.message.clone(),
            i.severity,
        );
        f.suggestion = i.suggestion.clone();
        out.push(f);
    }
}

/// How far apart (as a share of their paragraphs' lengths) a target issue
/// and a source issue may lie and still be the same defect.
const MIRROR_SPAN: f64 = 0.12;

/// The most target-source defect pairs [`mirrors`] compares in one call.
const MIRROR_PAIRS: usize = 100_000;

/// The start bytes of the target issues of `kind` (warning or worse) that
/// mirror an issue of the same kind in the aligned source paragraphs (see
/// [`mirrors`]): the translation reproduces a defect of its source (a
/// quotation the source itself never closes), which is faithful, not a
/// translation defect, and is not reported.
fn mirrored_issues(cx: &PairContext<'_>, scans: &Scans, kind: IssueKind) -> Vec<usize> {
    let (Some((_, t)), Some((_, s)), Some(src)) = (&scans.target, &scans.source, cx.source) else {
        return Vec::new();
    };
    let counted = |i: &&scan::Issue| i.kind == kind && i.severity > Severity::Info;
    let target: Vec<(usize, usize)> = t
        .issues
        .iter()
        .filter(counted)
        .map(|i| (i.paragraph, i.start))
        .collect();
    let source: Vec<(usize, usize)> = s
        .issues
        .iter()
        .filter(counted)
        .map(|i| (i.paragraph, i.start))
        .collect();
    let hits = mirrors(cx, &src, &target, &source);
    target
        .iter()
        .zip(hits)
        .filter(|(_, h)| *h)
        .map(|(t, _)| t.1)
        .collect()
}

/// For each target defect `(paragraph, byte)`, whether a source defect
/// `(paragraph, byte)` of the same kind mirrors it: it lies in a source
/// paragraph aligned with the target's, at about the same place (within
/// [`MIRROR_SPAN`] of the paragraphs' lengths), and each source defect
/// answers for one target defect only. Past [`MIRROR_PAIRS`] comparisons (a
/// text made of stray marks) nothing is taken as mirrored, which keeps the
/// cost bounded.
pub fn mirrors(
    cx: &PairContext<'_>,
    src: &SideContext<'_>,
    target: &[(usize, usize)],
    source: &[(usize, usize)],
) -> Vec<bool> {
    if target.len().saturating_mul(source.len()) > MIRROR_PAIRS {
        return vec![false; target.len()];
    }
    let relative = |(lo, hi): (usize, usize), at: usize| {
        (at.saturating_sub(lo)) as f64 / (hi.saturating_sub(lo)).max(1) as f64
    };
    let mut used = vec![false; source.len()];
    target
        .iter()
        .map(|&(tp, tb)| {
            let rt = relative(cx.target.paragraph_range(tp), tb);
            let aligned = cx.sources_of(tp);
            let best = source
                .iter()
                .enumerate()
                .filter(|(k, (sp, _))| !used[*k] && aligned.contains(sp))
                .map(|(k, &(sp, sb))| (k, (relative(src.paragraph_range(sp), sb) - rt).abs()))
                .filter(|&(_, d)| d <= MIRROR_SPAN)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((k, _)) = best {
                used[k] = true;
            }
            best.is_some()
        })
        .collect()
}

#[cfg(test)]
mod tests;
