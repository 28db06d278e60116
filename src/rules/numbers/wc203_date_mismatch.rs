//! WC203 `date-mismatch`.

use super::compare::{Code, report};
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Compares the dates of each aligned paragraph group: months (by name,
    /// in any case form the tables list, or in numeric dates read in the
    /// language's order), day and month together (a day-month swap such as
    /// 5 March against 3 May), the year of a full date, weekdays and
    /// relative days (yesterday against tomorrow). A weekday on one side
    /// against a relative day on the other is not compared, since the
    /// publication date is unknown. Without a source, and in a translation,
    /// it also reports a weekday written next to a full date on which that
    /// date does not fall.
    ///
    /// ## Why is this bad?
    /// A meeting moved from Wednesday to Thursday or a deadline from March
    /// to May sends readers to the wrong day.
    ///
    /// ## Example
    /// Source (en):
    /// ```text
    /// Ministers will meet on Wednesday.
    /// ```
    /// Target (fr):
    /// ```text
    /// Les ministres se réuniront jeudi.
    /// ```
    /// → `weekday changed: source has “Wednesday” (Wednesday) where the target has “jeudi” (Thursday)`
    ///
    /// ## Language pairs
    /// All pairs of the 22 languages of `corpora/tables/numbers/dates/`,
    /// including Japanese era years (令和6年) and Taiwanese 民國 years.
    ///
    /// ## Known problems
    /// Month names that are also ordinary words (English "May", "March",
    /// French "mars", Italian "mar") count only next to a day or a year. An
    /// all-numeric date whose day and month are both 12 or less is read in
    /// both orders where the language allows both (English).
    pub struct DateMismatch {
        code: "WC203",
        name: "date-mismatch",
        category: Numbers,
        severity: Error,
        needs_source: false,
        summary: "a weekday, month or date differs from the source (or from its own calendar)",
    }
}

impl Rule for DateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        report(cx, Code::Date, &Self::META, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    #[test]
    fn weekday_and_month_changes() {
        let en = (
            "Ministers will meet on Wednesday, and the vote is set for 5 March.",
            "en",
        );
        assert_findings(
            &DateMismatch,
            Some(en),
            (
                "Les ministres se réuniront jeudi, et le vote est fixé au 5 mars.",
                "fr",
            ),
            1,
        );
        assert_findings(
            &DateMismatch,
            Some(en),
            (
                "Les ministres se réuniront mercredi, et le vote est fixé au 5 mai.",
                "fr",
            ),
            1,
        );
        assert_no_findings(
            &DateMismatch,
            Some(en),
            (
                "Les ministres se réuniront mercredi, et le vote est fixé au 5 mars.",
                "fr",
            ),
        );
    }

    #[test]
    fn ambiguous_month_forms_need_a_date() {
        assert_no_findings(
            &DateMismatch,
            Some(("They may return in June.", "en")),
            ("Sie könnten im Juni zurückkehren.", "de"),
        );
    }

    #[test]
    fn weekday_against_its_own_date() {
        let f = assert_findings(
            &DateMismatch,
            None,
            ("The summit opens on Wednesday, March 5, 2024.", "en"),
            1,
        );
        assert_eq!(f[0].suggestion.as_deref(), Some("Tuesday"));
        assert_no_findings(
            &DateMismatch,
            None,
            ("The summit opens on Tuesday, March 5, 2024.", "en"),
        );
        assert_eq!(super::super::compare::weekday_of(2024, 3, 5), 2);
        assert_eq!(super::super::compare::weekday_of(2000, 1, 1), 6);
    }
}
