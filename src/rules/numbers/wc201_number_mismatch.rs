//! WC201 `number-mismatch`.

use super::compare::{Code, report};
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Compares the figures of each aligned paragraph group by value, not by
    /// spelling: separators are read the way the language writes them
    /// (`1.234,5`, `1 234,5`, `1,234.5`, `2'450`), scale words applied
    /// (`1,7 Millionen`, `3,5 mld`, `2.3万亿`), percent and per-mille
    /// normalised, numbers written in words read (`sieben`, `двенадцать`,
    /// `十二`), fractions, ordinals and the day and year of dates included.
    /// Figures that agree are matched (also when rounded, written as a
    /// two-digit year, moved to a neighbouring paragraph, converted to
    /// another unit, or replaced by an approximate word such as "dozens");
    /// a figure left on the source side is reported when a different figure
    /// stands in the same or the neighbouring sentence of the translation.
    ///
    /// ## Why is this bad?
    /// A changed figure is the most damaging defect of a translated news
    /// story: 12 per cent becomes 21 per cent, 180,000 vehicles become
    /// 108,000, and nobody downstream can tell.
    ///
    /// ## Example
    /// Source (it):
    /// ```text
    /// Il blocco riguarda circa 180.000 veicoli diesel.
    /// ```
    /// Target (en):
    /// ```text
    /// The ban affects about 108,000 diesel vehicles.
    /// ```
    /// → `source has “180.000” (180000) where the target has “108,000” (108000)`
    ///
    /// ## Language pairs
    /// All pairs of the 22 languages of `corpora/tables/numbers/` (en de fr
    /// it es pt nl sv da nb fi pl cs ru uk hu ro el tr ja zh ko); other
    /// languages are read with digits only (`.` decimal, `,` groups).
    ///
    /// ## Known problems
    /// A figure dropped without a replacement is not reported (translators
    /// often write "last year" for 2019 or "both" for two). Number words
    /// beyond the tables (`einundzwanzig`, `trois cent cinquante`) are not
    /// read, so they never match a figure but never raise one either.
    /// Conversions between 12- and 24-hour clocks ("3 p.m." against "15
    /// Uhr") and figures restated in other units of time ("two weeks"
    /// against "14 days") are reported.
    pub struct NumberMismatch {
        code: "WC201",
        name: "number-mismatch",
        category: Numbers,
        severity: Error,
        needs_source: true,
        summary: "a figure of the source has a different value in the translation",
    }
}

impl Rule for NumberMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        report(cx, Code::Number, &Self::META, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    const IT: &str =
        "Il blocco riguarda circa 180.000 veicoli diesel. Le multe vanno da 168 a 679 euro.";

    #[test]
    fn changed_figure_is_reported_with_both_values() {
        let en =
            "The ban affects about 108,000 diesel vehicles. Fines range from 168 to 679 euros.";
        let f = assert_findings(&NumberMismatch, Some((IT, "it")), (en, "en"), 1);
        assert!(
            f[0].message.contains("180.000") && f[0].message.contains("108,000"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].evidence.source.as_deref(), Some("180.000"));
    }

    #[test]
    fn same_values_in_other_formats_are_silent() {
        let en =
            "The ban affects about 180,000 diesel vehicles. Fines range from 168 to 679 euros.";
        assert_no_findings(&NumberMismatch, Some((IT, "it")), (en, "en"));
        assert_no_findings(
            &NumberMismatch,
            Some(("Der Verband hat 1,7 Millionen Mitglieder.", "de")),
            ("The association has 1.7 million members.", "en"),
        );
    }

    #[test]
    fn articles_and_dropped_figures_are_silent() {
        assert_no_findings(
            &NumberMismatch,
            Some(("One of the 12 suspects was arrested in 2019.", "en")),
            ("Uno dei sospettati è stato arrestato l'anno scorso.", "it"),
        );
    }

    #[test]
    fn a_figure_moved_to_the_next_sentence_is_silent() {
        assert_no_findings(
            &NumberMismatch,
            Some((
                "Die Stadt hat 12 neue Busse gekauft. Sie kosten 4 Millionen Euro.",
                "de",
            )),
            (
                "The city bought new buses. The 12 vehicles cost 4 million euros.",
                "en",
            ),
        );
    }
}
