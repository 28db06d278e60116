//! WC502 `addition`.

use super::{MIN_PARAGRAPH_LEN, word_count};
use crate::finding::Finding;
use crate::rules::structure::wc501_omission::lead;
use crate::rules::{PairContext, Rule, RuleMeta, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds a target paragraph that the alignment links to no source
    /// paragraph (a 0-1 link) and that is real content rather than site
    /// chrome (chrome is reported by the boilerplate rules instead).
    ///
    /// ## Why is this bad?
    /// Text a translation adds is text nobody approved: a paragraph pasted
    /// from another article, an editor's note left in, a machine
    /// translation's hallucination.
    ///
    /// ## Example
    /// Source (de): two paragraphs about a train strike. Target (en): the same
    /// two paragraphs and, between them, a paragraph about a football match.
    /// → `target paragraph 1 has no source: “Bayern Munich won…”`
    ///
    /// ## Language pairs
    /// All.
    ///
    /// ## Known problems
    /// Paragraphs under 40 letters (a dateline, a short subheading) are not
    /// reported. An explanatory paragraph that a translator adds on purpose
    /// for foreign readers is reported; suppress it inline or in a baseline.
    pub struct Addition {
        code: "WC502",
        name: "addition",
        category: Addition,
        severity: Warning,
        needs_source: true,
        summary: "target paragraph with no source counterpart",
    }
}

impl Rule for Addition {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((_, al)) = cx.pair() else { return };
        let tgt = cx.target;
        for link in al.paragraphs.iter().filter(|l| l.source.is_empty()) {
            for &p in &link.target {
                let text = tgt.paragraph(p);
                if tgt.paragraph_len(p) < MIN_PARAGRAPH_LEN || word_count(text) < 6 {
                    continue;
                }
                if crate::boilerplate::matches(text, tgt.lang()).is_some() {
                    continue;
                }
                let (s, e) = tgt.paragraph_range(p);
                let mut f = Self::META.finding(
                    target_span(s, e),
                    format!("target paragraph {p} has no source: “{}”", lead(text)),
                );
                f.target_paragraph = Some(p);
                f.target_evidence = Some((s, e));
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    pub const DE: &str = "Die Lokführergewerkschaft GDL hat für Mittwoch einen bundesweiten Streik im Personenverkehr angekündigt.\n\nDie Deutsche Bahn nannte den Streik unverhältnismäßig und rief die Gewerkschaft zu neuen Verhandlungen auf.";
    pub const EN: &str = "The train drivers' union GDL has called a nationwide strike in passenger services for Wednesday.\n\nDeutsche Bahn called the strike disproportionate and urged the union to return to negotiations.";

    #[test]
    fn faithful_translation_is_silent() {
        assert_no_findings(&Addition, Some((DE, "de")), (EN, "en"));
    }

    #[test]
    fn added_paragraph() {
        let en: Vec<&str> = EN.split("\n\n").collect();
        let t = format!(
            "{}\n\nBayern Munich beat Borussia Dortmund 3-1 on Saturday evening in front of a sold-out crowd of 81,000 fans.\n\n{}",
            en[0], en[1]
        );
        let f = assert_findings(&Addition, Some((DE, "de")), (&t, "en"), 1);
        assert_eq!(f[0].target_paragraph, Some(1));
        assert_eq!(f[0].source_paragraph, None);
    }

    #[test]
    fn short_added_line_is_silent() {
        let t = format!("Berlin, Tuesday\n\n{EN}");
        assert_no_findings(&Addition, Some((DE, "de")), (&t, "en"));
    }
}
