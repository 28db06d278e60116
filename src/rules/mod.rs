//! The rule registry and what rules see.
//!
//! A rule is a unit struct declared with [`declare_rule!`], whose doc comment
//! is its documentation (`wirecheck rule WC501` prints it, `docs/rules.md` is
//! generated from it), and a pure `check` over a [`PairContext`].

pub mod boilerplate;
pub mod context;
pub mod format;
pub mod literal;
pub mod names;
pub mod numbers;
pub mod quotes;
pub mod structure;

pub use context::{PairContext, SideContext};

use crate::finding::{Category, Finding, Severity, SideKind, Span};

/// Static description of a rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// Stable code, `WC` + three digits.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// Defect family.
    pub category: Category,
    /// Severity when the configuration says nothing.
    pub default_severity: Severity,
    /// True when the rule compares with a source and cannot run on a target
    /// alone.
    pub needs_source: bool,
    /// One line saying what the rule catches.
    pub summary: &'static str,
    /// The full documentation (the doc comment, in Markdown).
    pub docs: &'static str,
}

impl RuleMeta {
    /// The documentation with the one leading space of each doc-comment line
    /// removed.
    pub fn docs_markdown(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// A finding of this rule at `span` with the rule's default severity.
    pub fn finding(&'static self, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            code: self.code,
            rule: self.name,
            category: self.category,
            severity: self.default_severity,
            message: message.into(),
            source_paragraph: None,
            target_paragraph: None,
            span,
            source_evidence: None,
            target_evidence: None,
            suggestion: None,
        }
    }
}

/// A check over an aligned pair (or a target alone).
pub trait Rule: Send + Sync {
    /// The rule's description.
    fn meta(&self) -> &'static RuleMeta;
    /// Appends the rule's findings for one document to `out`. Pure: no I/O.
    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>);
}

/// Declares a rule: a unit struct carrying its doc comment as documentation
/// and a `META` constant.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            category: $cat:ident,
            severity: $sev:ident,
            needs_source: $ns:literal,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $name {
            /// The rule's description.
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $rname,
                category: $crate::finding::Category::$cat,
                default_severity: $crate::finding::Severity::$sev,
                needs_source: $ns,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// Every rule, ordered by code: the groups' lists, chained.
pub fn registry() -> &'static [&'static dyn Rule] {
    static ALL: std::sync::OnceLock<Vec<&'static dyn Rule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        [
            quotes::RULES,
            numbers::RULES,
            names::RULES,
            literal::RULES,
            structure::RULES,
            boilerplate::RULES,
            format::RULES,
        ]
        .concat()
    })
}

/// Looks a rule up by code (`WC501`, any case) or name (`omission`).
pub fn find(key: &str) -> Option<&'static dyn Rule> {
    registry()
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(key) || r.meta().name == key)
}

/// A span on the target side.
pub fn target_span(start: usize, end: usize) -> Span {
    Span {
        side: SideKind::Target,
        start,
        end,
    }
}

/// A span on the source side.
pub fn source_span(start: usize, end: usize) -> Span {
    Span {
        side: SideKind::Source,
        start,
        end,
    }
}

#[cfg(test)]
pub mod testing;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for r in registry() {
            let m = r.meta();
            assert!(m.code.len() == 5 && m.code.starts_with("WC"), "{}", m.code);
            assert!(m.code[2..].bytes().all(|b| b.is_ascii_digit()));
            assert!(m.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
            assert!(seen.insert(m.code) && seen.insert(m.name));
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Language pairs",
                "## Known problems",
            ] {
                assert!(m.docs.contains(section), "{} lacks {section}", m.code);
            }
        }
        let codes: Vec<_> = registry().iter().map(|r| r.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
    }
}
