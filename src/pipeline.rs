//! The pipeline for one document: segment, detect, align, run the rules,
//! and place every finding in its input file.

use crate::align::{self, Alignment, Link, SideUnits};
use crate::detect::{Detector, SideLanguages, detect_side};
use crate::finding::{Evidence, Finding, Location, Severity, SideKind};
use crate::ingest::{Document, Side};
use crate::lang::{Lang, LangTag};
use crate::rules::{PairContext, Rule, SideContext, registry};
use crate::segment::split_sentences;
use serde::Serialize;

/// Which rules run and at what severity.
#[derive(Clone)]
pub struct RuleSet {
    rules: Vec<(&'static dyn Rule, Severity)>,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet {
            rules: registry()
                .iter()
                .map(|r| (*r, r.meta().default_severity))
                .collect(),
        }
    }
}

impl RuleSet {
    /// Keeps only the rules matching one of `keys` (code, name or category).
    pub fn select(mut self, keys: &[String]) -> RuleSet {
        if !keys.is_empty() {
            self.rules
                .retain(|(r, _)| keys.iter().any(|k| matches_key(*r, k)));
        }
        self
    }

    /// Drops the rules matching one of `keys` (code, name or category).
    pub fn ignore(mut self, keys: &[String]) -> RuleSet {
        self.rules
            .retain(|(r, _)| !keys.iter().any(|k| matches_key(*r, k)));
        self
    }

    /// Sets the severity of the rules matching `key`.
    pub fn set_severity(&mut self, key: &str, severity: Severity) {
        for (r, s) in &mut self.rules {
            if matches_key(*r, key) {
                *s = severity;
            }
        }
    }

    /// The rules in force.
    pub fn rules(&self) -> impl Iterator<Item = (&'static dyn Rule, Severity)> + '_ {
        self.rules.iter().copied()
    }
}

/// True when `key` names the rule by code, name or category.
fn matches_key(r: &dyn Rule, key: &str) -> bool {
    let m = r.meta();
    m.code.eq_ignore_ascii_case(key) || m.name == key || m.category.as_str() == key
}

/// A side's description in the report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SideReport {
    /// Path of the input.
    pub path: String,
    /// Language in force (declared, else detected), if known.
    pub lang: Option<String>,
    /// Confidence of the detection supporting it.
    pub lang_confidence: Option<f64>,
    /// Number of paragraphs.
    pub paragraphs: usize,
}

/// A finding placed in its input file, as reported.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReportedFinding {
    /// Stable rule code.
    pub code: &'static str,
    /// Stable rule name.
    pub rule: &'static str,
    /// Defect family.
    pub category: crate::finding::Category,
    /// Severity in force.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// Source paragraph concerned.
    pub source_paragraph: Option<usize>,
    /// Target paragraph concerned.
    pub target_paragraph: Option<usize>,
    /// Where in the input.
    pub location: Location,
    /// Text from both sides.
    pub evidence: Evidence,
    /// Replacement, when mechanical.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Stable identity of the finding (rule and the text concerned, not its
    /// position), for baselines.
    pub fingerprint: String,
}

/// Everything found for one document.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocumentReport {
    /// Document identifier.
    pub id: String,
    /// The source side, when checked as a pair.
    pub source: Option<SideReport>,
    /// The target side.
    pub target: SideReport,
    /// Paragraph alignment, when checked as a pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alignment: Option<Vec<Link>>,
    /// Findings in reading order.
    pub findings: Vec<ReportedFinding>,
}

/// Options for checking documents.
#[derive(Clone, Default)]
pub struct CheckOptions {
    /// Rules and severities.
    pub rules: RuleSet,
    /// A glossary of names (`--glossary`): preferred forms enforced, listed
    /// variants accepted.
    pub glossary: Option<std::sync::Arc<crate::rules::names::Glossary>>,
}

/// Longest evidence text, in characters.
pub const EVIDENCE_CHARS: usize = 300;

struct Prepared {
    langs: SideLanguages,
    units: SideUnits,
    tag: Option<LangTag>,
}

fn prepare(side: &Side, detector: &Detector, other: Option<Lang>) -> Prepared {
    let langs = detect_side(side, detector, other);
    let tag = side
        .declared_lang
        .clone()
        .or_else(|| langs.side.map(|d| LangTag::bare(d.lang)));
    let code = tag.as_ref().map(|t| t.lang.code());
    let mut sentences = Vec::with_capacity(side.paragraphs.len() * 3);
    for (i, p) in side.paragraphs.iter().enumerate() {
        split_sentences(&side.text, p.start, p.end, i, code, &mut sentences);
    }
    let units = SideUnits::new(&side.text, side.paragraphs.len(), sentences);
    Prepared { langs, units, tag }
}

fn side_context<'a>(side: &'a Side, p: &'a Prepared) -> SideContext<'a> {
    SideContext {
        side,
        tag: p.tag.as_ref(),
        detected: p.langs.side,
        paragraph_langs: &p.langs.paragraphs,
        units: &p.units,
    }
}

fn side_report(side: &Side, p: &Prepared) -> SideReport {
    let confidence = p
        .langs
        .side
        .filter(|d| p.tag.as_ref().is_some_and(|t| t.lang == d.lang))
        .map(|d| d.confidence);
    SideReport {
        path: side.path.clone(),
        lang: p.tag.as_ref().map(|t| t.to_string()),
        lang_confidence: confidence,
        paragraphs: side.paragraphs.len(),
    }
}

/// Checks one document with the given options.
pub fn check_document(doc: &Document, opts: &CheckOptions) -> DocumentReport {
    let mut extra = Vec::new();
    for side in doc.source.iter().chain(std::iter::once(&doc.target)) {
        if let Some(t) = &side.declared_lang {
            extra.push(t.lang);
        }
    }
    let detector = Detector::new(&extra);
    let declared = |s: &Side| s.declared_lang.as_ref().map(|t| t.lang);
    let src_prep = doc
        .source
        .as_ref()
        .map(|s| prepare(s, &detector, declared(&doc.target)));
    let tgt_prep = prepare(
        &doc.target,
        &detector,
        doc.source.as_ref().and_then(|s| {
            declared(s).or(src_prep
                .as_ref()
                .and_then(|p| p.tag.as_ref().map(|t| t.lang)))
        }),
    );
    let alignment: Option<Alignment> = src_prep
        .as_ref()
        .map(|s| align::align(&s.units, &tgt_prep.units));
    let cx = PairContext {
        id: &doc.id,
        source: doc
            .source
            .as_ref()
            .zip(src_prep.as_ref())
            .map(|(s, p)| side_context(s, p)),
        target: side_context(&doc.target, &tgt_prep),
        alignment: alignment.as_ref(),
        glossary: opts.glossary.as_deref(),
    };
    let mut findings = Vec::new();
    for (rule, severity) in opts.rules.rules() {
        if rule.meta().needs_source && cx.source.is_none() {
            continue;
        }
        let start = findings.len();
        rule.check(&cx, &mut findings);
        for f in &mut findings[start..] {
            f.severity = adjust_severity(f.severity, rule.meta().default_severity, severity);
        }
    }
    let order = |f: &Finding| -> (usize, usize, usize, &'static str) {
        let link = alignment
            .as_ref()
            .and_then(|a| match (f.target_paragraph, f.source_paragraph) {
                (Some(t), _) => a.link_of_target(t),
                (None, Some(s)) => a.link_of_source(s),
                _ => None,
            })
            .or(f.target_paragraph)
            .unwrap_or(0);
        let side = usize::from(f.span.side == SideKind::Target);
        (link, side, f.span.start, f.code)
    };
    findings.sort_by(|a, b| order(a).cmp(&order(b)).then(a.message.cmp(&b.message)));
    let reported = findings.into_iter().map(|f| place(f, doc)).collect();
    DocumentReport {
        id: doc.id.clone(),
        source: doc
            .source
            .as_ref()
            .zip(src_prep.as_ref())
            .map(|(s, p)| side_report(s, p)),
        target: side_report(&doc.target, &tgt_prep),
        alignment: alignment.map(|a| a.paragraphs),
        findings: reported,
    }
}

/// A rule may raise or lower its own severity per finding; the configured
/// severity shifts it by the same amount as it shifts the default.
fn adjust_severity(found: Severity, default: Severity, configured: Severity) -> Severity {
    if default == configured {
        return found;
    }
    let rank = |s: Severity| s as i32;
    let shifted = rank(found) + rank(configured) - rank(default);
    match shifted {
        i32::MIN..=0 => Severity::Info,
        1 => Severity::Warning,
        _ => Severity::Error,
    }
}

fn clip(text: &str) -> String {
    let mut chars = text.char_indices();
    match chars.nth(EVIDENCE_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

fn place(f: Finding, doc: &Document) -> ReportedFinding {
    let side = match f.span.side {
        SideKind::Source => doc.source.as_ref().unwrap_or(&doc.target),
        SideKind::Target => &doc.target,
    };
    let pos = side.locate(f.span.start, f.span.end);
    let src_text = f.source_evidence.and_then(|(s, e)| {
        doc.source
            .as_ref()
            .and_then(|side| side.text.get(s..e))
            .map(clip)
    });
    let tgt_text = f
        .target_evidence
        .and_then(|(s, e)| doc.target.text.get(s..e).map(clip));
    let fingerprint = fingerprint(&f, src_text.as_deref(), tgt_text.as_deref());
    ReportedFinding {
        code: f.code,
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: f.message,
        source_paragraph: f.source_paragraph,
        target_paragraph: f.target_paragraph,
        location: Location {
            side: f.span.side,
            path: side.path.clone(),
            line: pos.line,
            column: pos.column,
            byte_start: pos.byte_start,
            byte_end: pos.byte_end,
        },
        evidence: Evidence {
            source: src_text,
            target: tgt_text,
        },
        suggestion: f.suggestion,
        fingerprint,
    }
}

fn fingerprint(f: &Finding, src: Option<&str>, tgt: Option<&str>) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for part in [f.code, &f.message, src.unwrap_or(""), tgt.unwrap_or("")] {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}
