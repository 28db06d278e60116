//! WC501 `omission`.

use super::{MIN_PARAGRAPH_LEN, word_count};
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta, source_span, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds source content with no counterpart in the translation: a source
    /// paragraph that the alignment leaves unlinked (a 1-0 link), a sentence
    /// of a linked paragraph that the sentence alignment leaves unlinked while
    /// the target paragraph is short by about that sentence's length, and a
    /// target paragraph far shorter than its source.
    ///
    /// ## Why is this bad?
    /// A dropped paragraph or sentence is the defect readers cannot see: the
    /// article still reads well, but a fact, a quotation or a caveat is gone.
    ///
    /// ## Example
    /// Source (it), three paragraphs:
    /// ```text
    /// Il governo ha approvato la manovra.
    ///
    /// L'opposizione ha annunciato ricorso alla Corte costituzionale.
    ///
    /// Il voto finale è previsto per giovedì.
    /// ```
    /// Target (en), the second paragraph is missing:
    /// ```text
    /// The government approved the budget.
    ///
    /// The final vote is expected on Thursday.
    /// ```
    /// → `source paragraph 1 has no translation`
    ///
    /// ## Language pairs
    /// All. The expected length ratio is learned from each pair, and CJK
    /// characters are weighted, so zh→en and en→ja work like de→en.
    ///
    /// ## Known problems
    /// Source paragraphs under 40 letters (headlines, datelines, credits) and
    /// sentences under eight words are not reported. A translator who
    /// condenses a long sentence into a few words is reported when the
    /// paragraph ends up short by most of that sentence.
    pub struct Omission {
        code: "WC501",
        name: "omission",
        category: Omission,
        severity: Error,
        needs_source: true,
        summary: "source paragraph or sentence missing from the translation",
    }
}

/// Sentences with fewer words are not reported as dropped (they are often
/// merged into a neighbour).
pub const MIN_SENTENCE_WORDS: usize = 8;

/// Share of a dropped sentence's expected length that the target paragraph
/// must be missing for the sentence to count as dropped.
pub const SENTENCE_DEFICIT: f64 = 0.5;

/// A target paragraph under this share of its expected length is reported
/// even when no single sentence was found missing.
pub const SHORT_PARAGRAPH: f64 = 0.45;

impl Rule for Omission {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((src, al)) = cx.pair() else { return };
        let tgt = cx.target;
        for (k, link) in al.paragraphs.iter().enumerate() {
            if link.source.is_empty() {
                continue;
            }
            if link.target.is_empty() {
                for &p in &link.source {
                    let text = src.paragraph(p);
                    if src.paragraph_len(p) < MIN_PARAGRAPH_LEN {
                        continue;
                    }
                    let (s, e) = src.paragraph_range(p);
                    let mut f = Self::META.finding(
                        source_span(s, e),
                        format!("source paragraph {p} has no translation: “{}”", lead(text)),
                    );
                    if word_count(text) < 12 {
                        f.severity = Severity::Warning;
                    }
                    f.source_paragraph = Some(p);
                    f.source_evidence = Some((s, e));
                    out.push(f);
                }
                continue;
            }
            let src_len: f64 = link.source.iter().map(|&p| src.paragraph_len(p)).sum();
            let tgt_len: f64 = link.target.iter().map(|&p| tgt.paragraph_len(p)).sum();
            let expected = src_len * al.ratio;
            let t0 = link.target[0];
            let (ts, te) = tgt.paragraph_range(*link.target.last().unwrap_or(&t0));
            let (ts, _) = tgt.paragraph_range(t0).min((ts, te));
            let mut deficit = expected - tgt_len;
            let mut flagged = false;
            for sl in &al.sentences[k] {
                if !sl.target.is_empty() || sl.source.len() != 1 {
                    continue;
                }
                let s = sl.source[0];
                let sentence = src.sentence(s);
                let len = src.units.sentence_features[s].len * al.ratio;
                if word_count(sentence) < MIN_SENTENCE_WORDS || deficit < SENTENCE_DEFICIT * len {
                    continue;
                }
                deficit -= len;
                flagged = true;
                let para = src.units.sentences[s].paragraph;
                let span = src.units.sentences[s];
                let mut f = Self::META.finding(
                    target_span(ts, te),
                    format!(
                        "sentence of source paragraph {para} is missing: “{}”",
                        lead(sentence)
                    ),
                );
                f.severity = Severity::Warning;
                f.source_paragraph = Some(para);
                f.target_paragraph = Some(t0);
                f.source_evidence = Some((span.start, span.end));
                f.target_evidence = Some((ts, te));
                out.push(f);
            }
            if !flagged
                && expected >= 2.0 * MIN_PARAGRAPH_LEN
                && tgt_len < SHORT_PARAGRAPH * expected
            {
                let p = link.source[0];
                let (ss, se) = src.paragraph_range(p);
                let mut f = Self::META.finding(
                    target_span(ts, te),
                    format!(
                        "target paragraph {t0} is {:.0}% of the length expected from its source",
                        100.0 * tgt_len / expected
                    ),
                );
                f.severity = Severity::Warning;
                f.source_paragraph = Some(p);
                f.target_paragraph = Some(t0);
                f.source_evidence = Some((ss, se));
                f.target_evidence = Some((ts, te));
                out.push(f);
            }
        }
    }
}

/// The first words of a text, for messages.
pub fn lead(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i >= MAX {
            out.push('…');
            break;
        }
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
    out
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    pub const IT: &str = "Il governo italiano ha approvato ieri sera la manovra economica da 30 miliardi di euro.\n\nL'opposizione ha annunciato un ricorso alla Corte costituzionale contro le nuove norme fiscali.\n\nIl voto finale alla Camera è previsto per giovedì 14 dicembre, dopo tre giorni di dibattito.";
    pub const EN: &str = "The Italian government approved the 30 billion euro budget last night.\n\nThe opposition announced an appeal to the Constitutional Court against the new tax rules.\n\nThe final vote in the Chamber is expected on Thursday, December 14, after three days of debate.";

    #[test]
    fn faithful_translation_is_silent() {
        assert_no_findings(&Omission, Some((IT, "it")), (EN, "en"));
    }

    #[test]
    fn dropped_paragraph() {
        let en: Vec<&str> = EN.split("\n\n").collect();
        let t = [en[0], en[2]].join("\n\n");
        let f = assert_findings(&Omission, Some((IT, "it")), (&t, "en"), 1);
        assert_eq!(f[0].source_paragraph, Some(1));
        assert_eq!(f[0].target_paragraph, None);
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn dropped_sentence() {
        let it = format!(
            "{IT} Secondo i sondaggi, la maggioranza dei cittadini è contraria alla riforma delle pensioni voluta dal ministro."
        );
        let f = assert_findings(&Omission, Some((&it, "it")), (EN, "en"), 1);
        assert_eq!(f[0].source_paragraph, Some(2));
        assert_eq!(f[0].target_paragraph, Some(2));
        assert!(f[0].message.contains("Secondo i sondaggi"));
    }

    #[test]
    fn merged_paragraphs_are_not_omissions() {
        let en: Vec<&str> = EN.split("\n\n").collect();
        let t = format!("{} {}\n\n{}", en[0], en[1], en[2]);
        assert_no_findings(&Omission, Some((IT, "it")), (&t, "en"));
    }

    #[test]
    fn dropped_headline_is_not_reported() {
        let it = format!("Manovra, sì del governo\n\n{IT}");
        assert_no_findings(&Omission, Some((&it, "it")), (EN, "en"));
    }
}
