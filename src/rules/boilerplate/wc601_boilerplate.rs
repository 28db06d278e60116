//! WC601 `boilerplate`.

use crate::boilerplate::{matches, prefix};
use crate::finding::{Finding, Severity};
use crate::rules::structure::wc501_omission::lead;
use crate::rules::{PairContext, Rule, RuleMeta, SideContext, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds site chrome in the translation: breadcrumbs, comment-form
    /// lines, spam-filter notices, share and newsletter prompts, cookie
    /// banners, "read also" teasers, photo credits and captions, bylines,
    /// copyright lines, paywall prompts and navigation labels, recognised by
    /// the per-language patterns of `corpora/tables/boilerplate/` (patterns
    /// of every language are tried, since chrome is often left in the
    /// site's language). A paragraph is chrome when a pattern matches it
    /// whole, or when it is short and each of its sentences is chrome.
    ///
    /// With a source, chrome that the source also carries (the aligned
    /// source paragraph is chrome, or the source has a chrome paragraph of
    /// the same kind) is a faithful translation and is not reported; an
    /// agency dateline at the start of a paragraph (`LONDON (Reuters) -`) is
    /// reported only when the aligned source paragraph opens with none.
    /// Without a source every chrome paragraph is reported, bylines, credits,
    /// captions and copyright lines (which a published article may carry on
    /// purpose) at info severity, and datelines not at all.
    ///
    /// ## Why is this bad?
    /// Chrome scraped with the article is not part of it: a "Read more:"
    /// teaser or a comment-form line in a translation shows that the text was
    /// taken from a web page without cleaning, and a credit or byline that
    /// the source lacks credits someone the publisher never agreed to.
    ///
    /// ## Example
    /// Source (de): four paragraphs on the supplementary budget.
    /// Target (en): the same four paragraphs and, between them,
    /// `Read more: What the Karlsruhe ruling means for the federal budget`
    /// → `“read also” teaser not in the source: “Read more: What the…”`
    ///
    /// ## Language pairs
    /// Any target language; patterns exist for en, de, fr, it, es, pt, nl,
    /// ru and pl, and all of them are tried on every text.
    ///
    /// ## Known problems
    /// A real one-line paragraph that happens to read like chrome (a
    /// subheading "Related charges", a caption the editor wants) is reported;
    /// patterns require chrome punctuation (a colon, an arrow, a bare
    /// label) to keep this rare. A caption written as a full sentence ending
    /// in a full stop is not recognised.
    pub struct Boilerplate {
        code: "WC601",
        name: "boilerplate",
        category: Boilerplate,
        severity: Warning,
        needs_source: false,
        summary: "site chrome (teaser, comment form, credit, breadcrumb) in the text",
    }
}

/// Kinds a published article may carry on purpose: reported at info
/// severity when there is no source to compare with.
const EDITORIAL_KINDS: &[&str] = &["byline", "dateline", "photo-credit", "caption", "copyright"];

/// What a kind of chrome is called in messages.
fn label(kind: &str) -> &str {
    match kind {
        "breadcrumb" => "breadcrumb trail",
        "comment-form" => "comment-form line",
        "spam-notice" => "spam-filter notice",
        "share-prompt" => "share prompt",
        "newsletter" => "newsletter prompt",
        "cookie" => "cookie banner",
        "read-also" => "“read also” teaser",
        "photo-credit" => "photo credit",
        "caption" => "photo caption",
        "byline" => "byline",
        "dateline" => "agency dateline",
        "copyright" => "copyright line",
        "subscription" => "subscription prompt",
        "navigation" => "navigation label",
        other => other,
    }
}

impl Rule for Boilerplate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let tgt = cx.target;
        let tl = tgt.lang();
        let src = cx.source.filter(|_| cx.alignment.is_some());
        // Chrome paragraphs of the source, by kind, not yet matched with a
        // target paragraph.
        // (Found on first need: most targets have no chrome at all.)
        let mut source_chrome: Option<Vec<(usize, &str)>> = None;
        let find_source_chrome = || -> Vec<(usize, &str)> {
            src.map(|s| {
                (0..s.paragraph_count())
                    .filter_map(|i| matches(s.paragraph(i), s.lang()).map(|k| (i, k)))
                    .collect()
            })
            .unwrap_or_default()
        };
        for p in 0..tgt.paragraph_count() {
            let text = tgt.paragraph(p);
            let (start, end) = tgt.paragraph_range(p);
            let aligned = cx.sources_of(p);
            if let Some(kind) = matches(text, tl) {
                // Chrome the source carries too (the aligned paragraph, or
                // one of the same kind) is a faithful translation.
                let chrome = source_chrome.get_or_insert_with(find_source_chrome);
                if let Some(k) = chrome
                    .iter()
                    .position(|&(i, sk)| aligned.contains(&i) || sk == kind)
                {
                    chrome.remove(k);
                    continue;
                }
                let paired = src.is_some();
                let message = if paired {
                    format!("{} not in the source: “{}”", label(kind), lead(text.trim()))
                } else {
                    format!("{} in the text: “{}”", label(kind), lead(text.trim()))
                };
                let mut f = Self::META.finding(target_span(start, end), message);
                if !paired && EDITORIAL_KINDS.contains(&kind) {
                    f.severity = Severity::Info;
                }
                f.target_paragraph = Some(p);
                f.target_evidence = Some((start, end));
                out.push(f);
                continue;
            }
            let Some(src) = src else { continue };
            let Some((kind, len)) = prefix(text, tl) else {
                continue;
            };
            if aligned.is_empty() || aligned.iter().any(|&s| has_prefix(src, s)) {
                continue;
            }
            let chrome = text[..len].trim();
            let lead_ws = text.len() - text.trim_start().len();
            let mut f = Self::META.finding(
                target_span(start + lead_ws, start + lead_ws + chrome.len()),
                format!("{} not in the source: “{}”", label(kind), chrome),
            );
            f.target_paragraph = Some(p);
            f.source_paragraph = aligned.first().copied();
            f.target_evidence = Some((start, end));
            if let Some(&s0) = aligned.first() {
                f.source_evidence = Some(src.paragraph_range(s0));
            }
            out.push(f);
        }
    }
}

/// True when source paragraph `i` opens with a chrome prefix (a dateline).
fn has_prefix(src: SideContext<'_>, i: usize) -> bool {
    prefix(src.paragraph(i), src.lang()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::structure::wc502_addition::tests::{DE, EN};
    use crate::rules::testing::{assert_findings, assert_no_findings};

    fn with(line: &str) -> String {
        let en: Vec<&str> = EN.split("\n\n").collect();
        format!("{}\n\n{line}\n\n{}", en[0], en[1])
    }

    #[test]
    fn faithful_translation_is_silent() {
        assert_no_findings(&Boilerplate, Some((DE, "de")), (EN, "en"));
        assert_no_findings(&Boilerplate, None, (EN, "en"));
    }

    #[test]
    fn injected_chrome_lines() {
        for line in [
            "Read more: Union threatens further strikes over Christmas",
            "Leave a comment. Your email address will not be published.",
            "Photo: Jens Büttner/dpa",
            "Home › News › Economy",
            "Share on Facebook",
        ] {
            let t = with(line);
            let f = assert_findings(&Boilerplate, Some((DE, "de")), (&t, "en"), 1);
            assert_eq!(f[0].target_paragraph, Some(1), "{line}");
            assert_eq!(f[0].severity, Severity::Warning, "{line}");
        }
    }

    #[test]
    fn target_alone_credit_is_info_teaser_is_warning() {
        let f = assert_findings(
            &Boilerplate,
            None,
            (&with("Photo: Jens Büttner/dpa"), "en"),
            1,
        );
        assert_eq!(f[0].severity, Severity::Info);
        let f = assert_findings(
            &Boilerplate,
            None,
            (&with("Read more: Strike ends"), "en"),
            1,
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn chrome_that_the_source_has_is_silent() {
        let de = format!("{DE}\n\nFoto: Jens Büttner/dpa");
        let en = format!("{EN}\n\nPhoto: Jens Büttner/dpa");
        assert_no_findings(&Boilerplate, Some((&de, "de")), (&en, "en"));
    }

    #[test]
    fn dateline_only_when_source_has_none() {
        let de = format!("BERLIN (dpa) - {DE}");
        let en = format!("BERLIN (dpa) - {EN}");
        assert_no_findings(&Boilerplate, Some((&de, "de")), (&en, "en"));
        let f = assert_findings(&Boilerplate, Some((DE, "de")), (&en, "en"), 1);
        assert!(f[0].message.contains("BERLIN (dpa)"), "{}", f[0].message);
        assert_no_findings(&Boilerplate, None, (&en, "en"));
    }

    #[test]
    fn sentences_about_photos_and_comments_are_silent() {
        let t = with("The photo shows the union leader addressing strikers in Leipzig on Monday.");
        assert_no_findings(&Boilerplate, None, (&t, "en"));
        let t = with("Comments made by the transport minister on Monday drew criticism.");
        assert_no_findings(&Boilerplate, None, (&t, "en"));
    }
}
