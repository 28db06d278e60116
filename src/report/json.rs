//! The JSON output contract (version 1): one object with `version`,
//! `documents`, `summary` and, when inputs failed, `errors`. Documents are
//! written as they come, so the object streams.

use super::{Renderer, Summary};
use crate::error::InputError;
use crate::ingest::Document;
use crate::pipeline::DocumentReport;
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON contract.
pub const VERSION: u32 = 1;

/// An input that could not be checked, as reported in `errors`.
#[derive(Debug, Serialize)]
pub struct ErrorRecord {
    /// The input's path.
    pub path: String,
    /// The line (JSONL), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl From<&InputError> for ErrorRecord {
    fn from(e: &InputError) -> Self {
        ErrorRecord {
            path: e.path().to_string(),
            line: e.line(),
            message: e.to_string(),
        }
    }
}

/// Streams the JSON contract.
#[derive(Default)]
pub struct JsonRenderer {
    count: usize,
    errors: Vec<ErrorRecord>,
}

fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

impl Renderer for JsonRenderer {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(out, "{{\n  \"version\": {VERSION},\n  \"documents\": [")
    }

    fn document(
        &mut self,
        out: &mut dyn Write,
        _doc: &Document,
        report: &DocumentReport,
    ) -> io::Result<()> {
        if self.count > 0 {
            out.write_all(b",")?;
        }
        out.write_all(b"\n")?;
        let value = serde_json::to_value(report).map_err(to_io)?;
        let mut text = String::from("    ");
        pretty(&value, 2, &mut text);
        out.write_all(text.as_bytes())?;
        self.count += 1;
        Ok(())
    }

    fn error(&mut self, _out: &mut dyn Write, error: &InputError) -> io::Result<()> {
        self.errors.push(ErrorRecord::from(error));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.count > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"],\n")?;
        if !self.errors.is_empty() {
            let errors = serde_json::to_string(&self.errors).map_err(to_io)?;
            writeln!(out, "  \"errors\": {errors},")?;
        }
        let summary = serde_json::to_string(summary).map_err(to_io)?;
        writeln!(out, "  \"summary\": {summary}\n}}")
    }
}

/// Values whose compact form is at most this long are written on one line.
const INLINE: usize = 100;

/// Pretty-prints `v` at nesting `level`, keeping short arrays and objects
/// (alignment links, locations, evidence of short texts) on one line.
pub fn pretty(v: &serde_json::Value, level: usize, out: &mut String) {
    use serde_json::Value;
    let compact = v.to_string();
    let nested = match v {
        Value::Array(a) => {
            a.iter().any(|x| x.is_array() || x.is_object()) && compact.len() > INLINE
        }
        Value::Object(_) => compact.len() > INLINE,
        _ => false,
    };
    if !nested && (compact.len() <= INLINE || !matches!(v, Value::Array(_))) {
        out.push_str(&compact);
        return;
    }
    let pad = "  ".repeat(level + 1);
    let close = "  ".repeat(level);
    match v {
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&pad);
                pretty(item, level + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&close);
            out.push(']');
        }
        Value::Object(map) => {
            out.push_str("{\n");
            for (i, (k, item)) in map.iter().enumerate() {
                out.push_str(&pad);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                pretty(item, level + 1, out);
                out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
            }
            out.push_str(&close);
            out.push('}');
        }
        _ => out.push_str(&compact),
    }
}
