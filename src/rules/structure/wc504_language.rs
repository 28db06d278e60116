//! WC504 `language`.

use crate::detect::Detection;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::rules::structure::wc501_omission::lead;
use crate::rules::{PairContext, Rule, RuleMeta, source_span, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds text in the wrong language: a target declared as one language
    /// that reads as another, a declared source language that the text
    /// contradicts, and a target paragraph in a third language (neither the
    /// target's nor the source's).
    ///
    /// ## Why is this bad?
    /// A feed that mislabels languages sends articles to the wrong readers,
    /// and a paragraph in a third language (a pivot translation left in,
    /// a paragraph pasted from another edition) is unreadable to the
    /// audience.
    ///
    /// ## Example
    /// Source (it), target declared `en`, one target paragraph reads:
    /// `El alcalde anunció que el plan costará 300 millones de euros.`
    /// → `target paragraph 2 is in Spanish, expected English`
    ///
    /// ## Language pairs
    /// All languages whatlang detects; detection considers the pair's
    /// languages and the common news languages only.
    ///
    /// ## Known problems
    /// Only paragraphs of 60 letters or more (20 CJK characters) with a
    /// reliable detection are judged, so a short quotation in a third
    /// language is not reported. Close languages (Danish and Norwegian,
    /// Croatian and Serbian) can be confused on short paragraphs.
    pub struct Language {
        code: "WC504",
        name: "language",
        category: Language,
        severity: Error,
        needs_source: false,
        summary: "text in another language than the one declared or expected",
    }
}

/// Fewest letters for a paragraph's language to be judged.
pub const MIN_LETTERS: usize = 60;

/// Fewest CJK characters for a paragraph's language to be judged.
pub const MIN_CJK: usize = 20;

impl Rule for Language {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let tgt = cx.target;
        let src_lang = cx.source.and_then(|s| s.lang());
        let mut side_reported = false;
        // Declared languages that the text contradicts.
        for (side, is_target) in cx.source.iter().map(|s| (s, false)).chain([(&tgt, true)]) {
            let (Some(declared), Some(found)) = (side.side.declared_lang.as_ref(), side.detected)
            else {
                continue;
            };
            if !found.reliable || found.lang == declared.lang || found.confidence < 0.5 {
                continue;
            }
            if is_target && Some(found.lang) == src_lang {
                // Reported paragraph by paragraph as untranslated.
                continue;
            }
            let p = side.paragraphs_in(found.lang).unwrap_or(0);
            let (s, e) = side.paragraph_range(p);
            let which = if is_target { "target" } else { "source" };
            let span = if is_target {
                target_span(s, e)
            } else {
                source_span(s, e)
            };
            let mut f = Self::META.finding(
                span,
                format!(
                    "{which} is declared as {} but reads as {}",
                    declared.lang.name(),
                    found.lang.name()
                ),
            );
            if is_target {
                f.target_paragraph = Some(p);
                f.target_evidence = Some((s, e));
                side_reported = true;
            } else {
                f.severity = Severity::Warning;
                f.source_paragraph = Some(p);
                f.source_evidence = Some((s, e));
            }
            out.push(f);
        }
        if side_reported {
            return;
        }
        let Some(expected) = tgt.lang() else { return };
        for t in 0..tgt.paragraph_count() {
            let Some(d) = tgt.paragraph_langs.get(t).copied().flatten() else {
                continue;
            };
            if !d.reliable
                || d.lang == expected
                || Some(d.lang) == src_lang
                || !judgeable(d, tgt.paragraph(t))
            {
                continue;
            }
            let (s, e) = tgt.paragraph_range(t);
            let mut f = Self::META.finding(
                target_span(s, e),
                format!(
                    "target paragraph {t} is in {}, expected {}: “{}”",
                    d.lang.name(),
                    expected.name(),
                    lead(tgt.paragraph(t))
                ),
            );
            f.target_paragraph = Some(t);
            f.source_paragraph = cx.sources_of(t).first().copied();
            f.target_evidence = Some((s, e));
            if let (Some(src), Some(sp)) = (cx.source, f.source_paragraph) {
                f.source_evidence = Some(src.paragraph_range(sp));
            }
            out.push(f);
        }
    }
}

/// True when a detection on `text` is trustworthy enough to report.
fn judgeable(d: Detection, text: &str) -> bool {
    if !d.reliable {
        return false;
    }
    let sample = crate::detect::sample(text, crate::detect::SAMPLE_BYTES);
    let (mut letters, mut cjk) = (0, 0);
    for c in sample.chars() {
        if crate::segment::is_cjk_char(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= MIN_LETTERS || cjk >= MIN_CJK
}

impl crate::rules::SideContext<'_> {
    /// The first paragraph reliably detected as `lang`.
    pub fn paragraphs_in(&self, lang: Lang) -> Option<usize> {
        self.paragraph_langs
            .iter()
            .position(|d| d.is_some_and(|d| d.reliable && d.lang == lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    const IT: &str = "Il sindaco di Roma ha presentato ieri il nuovo piano per il trasporto pubblico della capitale.\n\nIl piano prevede trecento nuovi autobus elettrici entro la fine del prossimo anno.";
    const EN: &str = "The mayor of Rome yesterday presented the new public transport plan for the capital.\n\nThe plan provides for three hundred new electric buses by the end of next year.";

    #[test]
    fn right_language_is_silent() {
        assert_no_findings(&Language, Some((IT, "it")), (EN, "en"));
        assert_no_findings(&Language, None, (EN, "en"));
        assert_no_findings(&Language, None, (EN, ""));
    }

    #[test]
    fn third_language_paragraph() {
        let en: Vec<&str> = EN.split("\n\n").collect();
        let t = format!(
            "{}\n\nEl plan prevé trescientos nuevos autobuses eléctricos antes de que termine el próximo año.",
            en[0]
        );
        let f = assert_findings(&Language, Some((IT, "it")), (&t, "en"), 1);
        assert!(f[0].message.contains("Spanish"), "{}", f[0].message);
        assert_eq!(f[0].target_paragraph, Some(1));
    }

    #[test]
    fn declared_language_contradicted() {
        let f = assert_findings(&Language, None, (EN, "de"), 1);
        assert!(
            f[0].message
                .contains("declared as German but reads as English"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn short_foreign_quote_is_silent() {
        let t = format!("{EN}\n\n“Merci beaucoup”, he said.");
        assert_no_findings(&Language, None, (&t, "en"));
    }
}
