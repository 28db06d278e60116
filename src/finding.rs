//! Findings: what a rule reports, with severity, category and an exact location.

use serde::Serialize;
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a build by default.
    Info,
    /// Probably a defect.
    Warning,
    /// Almost certainly a defect.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The defect families of the output contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Wrong or unexpected language.
    Language,
    /// Text left in the source language.
    Untranslated,
    /// Source content missing from the target.
    Omission,
    /// Target content with no source.
    Addition,
    /// Quotation marks.
    Quotes,
    /// Punctuation other than quotes.
    Punctuation,
    /// Numbers, dates, weekdays, months, units, currencies.
    Numbers,
    /// Personal, place and organisation names.
    Names,
    /// URLs, e-mail addresses, handles, hashtags.
    Links,
    /// Literal-translation artifacts: false friends, calques.
    Literal,
    /// Site chrome leaked into the text.
    Boilerplate,
    /// Glossary violations.
    Terminology,
    /// Spaces, repeated words, brackets, invisible characters.
    Formatting,
}

impl Category {
    /// Every category, in contract order.
    pub const ALL: [Category; 13] = [
        Category::Language,
        Category::Untranslated,
        Category::Omission,
        Category::Addition,
        Category::Quotes,
        Category::Punctuation,
        Category::Numbers,
        Category::Names,
        Category::Links,
        Category::Literal,
        Category::Boilerplate,
        Category::Terminology,
        Category::Formatting,
    ];

    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Language => "language",
            Category::Untranslated => "untranslated",
            Category::Omission => "omission",
            Category::Addition => "addition",
            Category::Quotes => "quotes",
            Category::Punctuation => "punctuation",
            Category::Numbers => "numbers",
            Category::Names => "names",
            Category::Links => "links",
            Category::Literal => "literal",
            Category::Boilerplate => "boilerplate",
            Category::Terminology => "terminology",
            Category::Formatting => "formatting",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which side of the pair a location or span lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SideKind {
    /// The original article.
    Source,
    /// The translation.
    Target,
}

/// A byte span into one side's text (not the file: see [`Location`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// Which side the span is on.
    pub side: SideKind,
    /// Start byte in the side's text.
    pub start: usize,
    /// End byte (exclusive) in the side's text.
    pub end: usize,
}

/// Where a finding points in the original input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Which side of the pair.
    pub side: SideKind,
    /// Path of the input file (or `-` for stdin).
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
    /// Start byte offset in the file as read.
    pub byte_start: usize,
    /// End byte offset (exclusive) in the file as read.
    pub byte_end: usize,
}

/// Text from both sides that shows the defect.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The source text concerned, if any.
    pub source: Option<String>,
    /// The target text concerned, if any.
    pub target: Option<String>,
}

/// One defect reported by a rule, before it is placed in a file.
///
/// Rules fill in spans into the side texts; the pipeline turns the primary
/// span into a file [`Location`] and the evidence spans into text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable rule code, e.g. `WC501`.
    pub code: &'static str,
    /// Stable rule name, e.g. `omission`.
    pub rule: &'static str,
    /// Defect family.
    pub category: Category,
    /// Severity after configuration.
    pub severity: Severity,
    /// Lowercase message quoting the offending text, no trailing period.
    pub message: String,
    /// Source paragraph concerned, if any.
    pub source_paragraph: Option<usize>,
    /// Target paragraph concerned, if any.
    pub target_paragraph: Option<usize>,
    /// The span the finding points at (target side when there is one).
    pub span: Span,
    /// Source span shown as evidence.
    pub source_evidence: Option<(usize, usize)>,
    /// Target span shown as evidence.
    pub target_evidence: Option<(usize, usize)>,
    /// Replacement text, when the fix is mechanical.
    pub suggestion: Option<String>,
}
