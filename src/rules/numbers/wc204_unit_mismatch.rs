//! WC204 `unit-mismatch`.

use super::compare::{Code, report};
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Reads the currency or unit attached to each figure (symbols such as
    /// `€`, `US$`, `zł`, `km/h`, `°F`, names in the language such as
    /// `euros`, `dollari`, `Kilometer`, `километров`, `美元`, and templates
    /// such as `時速100キロ`) and reports a figure whose currency changed
    /// (euros turned into dollars), whose unit changed without conversion
    /// (80 mph against 80 km/h), or whose converted value is wrong (80 mph
    /// against 300 km/h). Shared symbols are sets: `$` may be any dollar,
    /// `¥` yen or yuan, `kr` any crown, and only disjoint sets are reported.
    ///
    /// ## Why is this bad?
    /// A sum in the wrong currency or a speed in the wrong unit is a wrong
    /// figure even when the digits are right.
    ///
    /// ## Example
    /// Source (de):
    /// ```text
    /// Der Nachtragshaushalt umfasst 37,4 Milliarden Euro.
    /// ```
    /// Target (en):
    /// ```text
    /// The supplementary budget amounts to $37.4 billion.
    /// ```
    /// → `currency changed: source has “37,4 Milliarden Euro” (EUR) where the target has “$37.4 billion” (USD, CAD, AUD…)`
    ///
    /// ## Language pairs
    /// All pairs of the 22 languages of `corpora/tables/units/`; symbols and
    /// ISO codes are read in any language.
    ///
    /// ## Known problems
    /// "Pound" is both sterling and a weight, and "degrees" both Celsius and
    /// Fahrenheit: any consistent reading is accepted. Conversions are
    /// accepted within 2 % or half the last written digit, so a value
    /// rounded hard ("about 2,000 hectares" for 5,000 acres) passes.
    pub struct UnitMismatch {
        code: "WC204",
        name: "unit-mismatch",
        category: Numbers,
        severity: Error,
        needs_source: true,
        summary: "a currency or unit changed, or a unit conversion gives the wrong value",
    }
}

impl Rule for UnitMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        report(cx, Code::Unit, &Self::META, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    #[test]
    fn currencies() {
        let en = ("The deal is worth $5 million.", "en");
        assert_findings(
            &UnitMismatch,
            Some(en),
            ("Der Deal ist 5 Millionen Euro wert.", "de"),
            1,
        );
        assert_no_findings(
            &UnitMismatch,
            Some(en),
            ("Der Deal ist 5 Millionen Dollar wert.", "de"),
        );
    }

    #[test]
    fn conversions() {
        let en = ("The storm brought winds of 80 mph.", "en");
        assert_no_findings(
            &UnitMismatch,
            Some(en),
            ("Der Sturm brachte Wind mit 129 km/h.", "de"),
        );
        assert_findings(
            &UnitMismatch,
            Some(en),
            ("Der Sturm brachte Wind mit 80 km/h.", "de"),
            1,
        );
        assert_findings(
            &UnitMismatch,
            Some(en),
            ("Der Sturm brachte Wind mit 300 km/h.", "de"),
            1,
        );
    }

    #[test]
    fn a_unit_on_one_side_only_is_silent() {
        assert_no_findings(
            &UnitMismatch,
            Some(("The line is 120 kilometres long.", "en")),
            ("La linea è lunga 120.", "it"),
        );
    }
}
