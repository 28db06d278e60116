//! WC202 `scale-mismatch`.

use super::compare::{Code, report};
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds a figure whose digits survived but whose scale did not: the
    /// values of source and translation differ by a power of ten and a
    /// scale word stands on one side (million against billion, 5000万
    /// against 5 million, 48 млн against 48 billion). It knows the long-scale
    /// trap: German `Billion`, French `billion`, Spanish `billón`, Italian
    /// `bilione` and European Portuguese `bilião` are 10¹² (an English
    /// trillion), while `Milliarde`, `milliard`, `mil millones` and
    /// `miliardo` are an English billion; calques such as French
    /// `trillion` or German `Trillion` for an English trillion are
    /// reported too. Spelled quantities count like figures ("zehn
    /// Millionen" against "dix milliards"). Scale words with no number
    /// (`per million`, `Millionen Amerikaner`, `на миллиард`) and
    /// approximate magnitudes (`thousands`, `des milliards`, `数千万`) are
    /// compared by order of a thousand when nothing of their order stands
    /// in the same sentence on the other side (a warning).
    ///
    /// ## Why is this bad?
    /// A budget of 1.2 billion that becomes 1.2 trillion is off by a factor
    /// of a thousand, and readers rarely notice: the digits look right.
    ///
    /// ## Example
    /// Source (en):
    /// ```text
    /// The deficit reached $1.2 billion.
    /// ```
    /// Target (de):
    /// ```text
    /// Das Defizit erreichte 1,2 Billionen Dollar.
    /// ```
    /// → `scale changed: source has “$1.2 billion” (1.2 billion) where the target has “1,2 Billionen Dollar” (1.2 trillion)`
    ///
    /// ## Language pairs
    /// All pairs of the 22 languages of `corpora/tables/numbers/`, including
    /// the myriad scales of Japanese, Chinese and Korean (万, 億/亿, 兆/조).
    ///
    /// ## Known problems
    /// Single-letter abbreviations (`5m`, `3bn` is fine) count as scales only
    /// next to a currency (`$5m`). Chinese 兆 is read as 10¹² unless a unit
    /// follows (兆瓦 is a megawatt).
    pub struct ScaleMismatch {
        code: "WC202",
        name: "scale-mismatch",
        category: Numbers,
        severity: Error,
        needs_source: true,
        summary: "a figure keeps its digits but changes its scale (million against billion)",
    }
}

impl Rule for ScaleMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        report(cx, Code::Scale, &Self::META, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    #[test]
    fn long_scale_trap() {
        let en = ("The deficit reached $1.2 billion.", "en");
        assert_findings(
            &ScaleMismatch,
            Some(en),
            ("Das Defizit erreichte 1,2 Billionen Dollar.", "de"),
            1,
        );
        assert_no_findings(
            &ScaleMismatch,
            Some(en),
            ("Das Defizit erreichte 1,2 Milliarden Dollar.", "de"),
        );
    }

    #[test]
    fn myriads() {
        let zh = ("该项目投资5000万元。", "zh");
        assert_findings(
            &ScaleMismatch,
            Some(zh),
            ("The project received 5 million yuan.", "en"),
            1,
        );
        assert_no_findings(
            &ScaleMismatch,
            Some(zh),
            ("The project received 50 million yuan.", "en"),
        );
    }

    #[test]
    fn a_different_value_is_not_a_scale_change() {
        assert_no_findings(
            &ScaleMismatch,
            Some(("Exports fell to 1.5 billion euros.", "en")),
            ("L'export è sceso a 2,5 miliardi di euro.", "it"),
        );
    }
}
