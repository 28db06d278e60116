//! The human report: per finding, the target line with the span marked and
//! the aligned source text under it; a summary at the end.

use super::{Renderer, Summary};
use crate::error::InputError;
use crate::finding::{Severity, SideKind};
use crate::ingest::{Document, Side};
use crate::pipeline::{DocumentReport, ReportedFinding};
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// Longest snippet line shown, in columns.
pub const MAX_LINE: usize = 110;

/// Renders the human report.
pub struct TextRenderer {
    color: bool,
}

impl TextRenderer {
    /// A renderer; `color` adds ANSI colours.
    pub fn new(color: bool) -> TextRenderer {
        TextRenderer { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, s.as_str())
    }

    fn finding(&self, out: &mut dyn Write, doc: &Document, f: &ReportedFinding) -> io::Result<()> {
        writeln!(
            out,
            "{}{} {}",
            self.severity(f.severity),
            self.paint("1", &format!("[{}] {}:", f.code, f.rule)),
            f.message
        )?;
        let loc = &f.location;
        writeln!(
            out,
            "  {} {}:{}:{}",
            self.paint("1;34", "-->"),
            loc.path,
            loc.line,
            loc.column
        )?;
        let side: Option<&Side> = match loc.side {
            SideKind::Target => Some(&doc.target),
            SideKind::Source => doc.source.as_ref(),
        };
        if let Some(side) = side {
            let start = span_start(side, f);
            if let Some((line_text, col_start, col_width)) = snippet(side, start, f) {
                let num = loc.line.to_string();
                let pad = " ".repeat(num.len());
                let bar = self.paint("1;34", "|");
                writeln!(out, "{pad} {bar}")?;
                writeln!(out, "{} {bar} {line_text}", self.paint("1;34", &num))?;
                let marks = "^".repeat(col_width.max(1));
                let code = match f.severity {
                    Severity::Error => "1;31",
                    Severity::Warning => "1;33",
                    Severity::Info => "1;36",
                };
                writeln!(
                    out,
                    "{pad} {bar} {}{}",
                    " ".repeat(col_start),
                    self.paint(code, &marks)
                )?;
            }
        }
        let label = |side: &str, para: Option<usize>| match para {
            Some(p) => format!("{side} ¶{p}"),
            None => side.to_string(),
        };
        if let Some(src) = &f.evidence.source
            && loc.side == SideKind::Target
        {
            writeln!(
                out,
                "  {} {}: {}",
                self.paint("1;34", "="),
                label("source", f.source_paragraph),
                one_line(src)
            )?;
        }
        if let Some(tgt) = &f.evidence.target
            && loc.side == SideKind::Source
        {
            writeln!(
                out,
                "  {} {}: {}",
                self.paint("1;34", "="),
                label("target", f.target_paragraph),
                one_line(tgt)
            )?;
        }
        if let Some(s) = &f.suggestion {
            writeln!(out, "  {} suggestion: {s}", self.paint("1;34", "="))?;
        }
        writeln!(out)
    }
}

/// Byte offset in the side text where the finding starts.
fn span_start(side: &Side, f: &ReportedFinding) -> usize {
    let base = match &side.origin {
        crate::ingest::Origin::File { base } => *base,
        crate::ingest::Origin::Embedded { .. } => 0,
    };
    match &side.origin {
        crate::ingest::Origin::File { .. } => f.location.byte_start.saturating_sub(base),
        crate::ingest::Origin::Embedded { .. } => {
            // Find the decoded offset whose position matches.
            let para = match f.location.side {
                SideKind::Target => f.target_paragraph,
                SideKind::Source => f.source_paragraph,
            };
            let para_start = para
                .and_then(|p| side.paragraphs.get(p))
                .map_or(0, |p| p.start);
            let mut off = para_start;
            while off < side.text.len() {
                if side.locate(off, off).byte_start >= f.location.byte_start {
                    break;
                }
                off += side.text[off..].chars().next().map_or(1, char::len_utf8);
            }
            off
        }
    }
}

/// The text line holding `start`, clipped, with the marked column range.
fn snippet(side: &Side, start: usize, f: &ReportedFinding) -> Option<(String, usize, usize)> {
    let text = &side.text;
    let start = start.min(text.len());
    if !text.is_char_boundary(start) {
        return None;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let span_len = f.location.byte_end.saturating_sub(f.location.byte_start);
    let span_end = (start + span_len).min(line_end);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let width = |s: &str| -> usize { s.chars().map(|c| c.width().unwrap_or(0)).sum() };
    let pre = text.get(line_start..start)?;
    let marked = text.get(start..span_end.max(start))?;
    let mut col = width(pre);
    let mut shown = line.to_string();
    // Keep the marked span in view on long lines.
    if col > MAX_LINE / 2 {
        let skip_to = col - MAX_LINE / 4;
        let mut acc = 0;
        let mut cut = 0;
        for (i, c) in line.char_indices() {
            if acc >= skip_to {
                cut = i;
                break;
            }
            acc += c.width().unwrap_or(0);
        }
        shown = format!("…{}", &line[cut..]);
        col = col - acc + 1;
    }
    let mut clipped = String::new();
    let mut w = 0;
    for c in shown.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > MAX_LINE {
            clipped.push('…');
            break;
        }
        clipped.push(if c == '\t' { ' ' } else { c });
        w += cw;
    }
    let mark = width(marked).min(MAX_LINE.saturating_sub(col)).max(1);
    Some((clipped, col, mark))
}

fn one_line(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    for (i, c) in flat.chars().enumerate() {
        if i >= MAX_LINE {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

impl Renderer for TextRenderer {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn document(
        &mut self,
        out: &mut dyn Write,
        doc: &Document,
        report: &DocumentReport,
    ) -> io::Result<()> {
        let side = |s: &crate::pipeline::SideReport| {
            format!(
                "{} ({}, {} ¶)",
                s.path,
                s.lang.as_deref().unwrap_or("language unknown"),
                s.paragraphs
            )
        };
        let head = match &report.source {
            Some(src) => format!("{} → {}", side(src), side(&report.target)),
            None => side(&report.target),
        };
        let status = if report.findings.is_empty() {
            self.paint("1;32", "ok")
        } else {
            let n = report.findings.len();
            format!("{n} finding{}", if n == 1 { "" } else { "s" })
        };
        writeln!(
            out,
            "{} {}: {head}: {status}",
            self.paint("1", "==>"),
            report.id
        )?;
        if !report.findings.is_empty() {
            writeln!(out)?;
        }
        for f in &report.findings {
            self.finding(out, doc, f)?;
        }
        Ok(())
    }

    fn error(&mut self, out: &mut dyn Write, error: &InputError) -> io::Result<()> {
        writeln!(out, "{}: {error}", self.paint("1;31", "input error"))
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let mut parts = Vec::new();
        for s in [Severity::Error, Severity::Warning, Severity::Info] {
            if let Some(n) = summary.by_severity.get(&s) {
                parts.push(format!(
                    "{n} {}{}",
                    s.as_str(),
                    if *n == 1 { "" } else { "s" }
                ));
            }
        }
        let detail = if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join(", "))
        };
        let errors = if summary.errors > 0 {
            format!(
                ", {} input error{}",
                summary.errors,
                if summary.errors == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} finding{}{detail} in {} document{}{errors}",
            summary.findings,
            if summary.findings == 1 { "" } else { "s" },
            summary.documents,
            if summary.documents == 1 { "" } else { "s" },
        )
    }
}
