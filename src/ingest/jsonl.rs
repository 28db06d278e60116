//! JSONL input: one pair per line, `{"id","source","target","source_lang"?,
//! "target_lang"?}`, paragraphs separated by a blank line inside the strings.
//!
//! The `source` and `target` strings are borrowed raw from the line and
//! decoded by a small decoder that also records where every decoded byte
//! came from, so that findings point at the
//! line, column and bytes of the JSONL file.

use super::{Document, OffsetMap, Origin, Side, split_paragraphs};
use crate::error::InputError;
use crate::lang::LangTag;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::io::{BufRead, Read};
use std::sync::Arc;

/// Longest JSONL line accepted (bytes).
pub const MAX_LINE: usize = 64 * 1024 * 1024;

/// One line of a JSONL input: a document, or the error that line produced.
#[derive(Debug)]
pub struct JsonlRecord {
    /// 1-based line number.
    pub line: usize,
    /// The document, or what is wrong with the line.
    pub result: Result<Document, InputError>,
}

/// Streams [`JsonlRecord`]s from a reader, one line at a time, so memory does
/// not grow with the number of lines.
pub struct JsonlReader<R> {
    reader: R,
    path: String,
    line: usize,
    offset: usize,
    source_lang: Option<LangTag>,
    target_lang: Option<LangTag>,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader of `path`'s lines; the languages apply where a line names none.
    pub fn new(
        reader: R,
        path: &str,
        source_lang: Option<LangTag>,
        target_lang: Option<LangTag>,
    ) -> Self {
        JsonlReader {
            reader,
            path: path.to_string(),
            line: 0,
            offset: 0,
            source_lang,
            target_lang,
            buf: Vec::new(),
            done: false,
        }
    }

    fn err(&self, reason: impl Into<String>) -> InputError {
        InputError::JsonLine {
            path: self.path.clone(),
            line: self.line,
            reason: reason.into(),
        }
    }

    /// Reads the next raw line into `self.buf`; `Ok(false)` at end of input.
    fn next_line(&mut self) -> Result<bool, InputError> {
        self.buf.clear();
        let n = (&mut self.reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| InputError::Io {
                path: self.path.clone(),
                reason: e.to_string(),
            })?;
        if n == 0 {
            return Ok(false);
        }
        self.line += 1;
        if self.buf.len() > MAX_LINE && self.buf.last() != Some(&b'\n') {
            // Skip the rest of the over-long line.
            let mut skipped = self.buf.len();
            loop {
                let chunk = self.reader.fill_buf().map_err(|e| InputError::Io {
                    path: self.path.clone(),
                    reason: e.to_string(),
                })?;
                if chunk.is_empty() {
                    break;
                }
                match memchr::memchr(b'\n', chunk) {
                    Some(i) => {
                        self.reader.consume(i + 1);
                        skipped += i + 1;
                        break;
                    }
                    None => {
                        let l = chunk.len();
                        self.reader.consume(l);
                        skipped += l;
                    }
                }
            }
            self.offset += skipped;
            self.buf.clear();
            self.buf.extend_from_slice(b"\x00toolong");
        }
        Ok(true)
    }

    fn parse_line(&self, raw: &str, line_offset: usize) -> Result<Document, InputError> {
        if !raw.trim_start().starts_with('{') {
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(raw) {
                Err(e) => self.err(format!("invalid JSON: {e}")),
                Ok(_) => self.err("expected a JSON object"),
            });
        }
        // Fields are borrowed as raw JSON: nothing is copied, and the raw
        // slices tell where each string starts in the line.
        let fields: RawLine<'_> =
            serde_json::from_str(raw).map_err(|e| self.err(format!("invalid JSON: {e}")))?;
        let id = match fields.id.map(RawValue::get) {
            None => return Err(self.err("missing field \"id\"")),
            Some(v) if v.starts_with('"') => serde_json::from_str::<String>(v)
                .map_err(|e| self.err(format!("field \"id\": {e}")))?,
            Some(v) if v.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => v.to_string(),
            Some(_) => return Err(self.err("field \"id\" must be a string")),
        };
        let lang_field = |name: &str, v: Option<&RawValue>, default: &Option<LangTag>| match v
            .map(RawValue::get)
        {
            None | Some("null") => Ok(default.clone()),
            Some(v) if v.starts_with('"') => {
                let code: String = serde_json::from_str(v)
                    .map_err(|e| self.err(format!("field \"{name}\": {e}")))?;
                LangTag::parse(&code)
                    .map(Some)
                    .ok_or_else(|| InputError::UnknownLanguage {
                        what: format!("{}:{}: field \"{name}\"", self.path, self.line),
                        code,
                    })
            }
            Some(_) => Err(self.err(format!("field \"{name}\" must be a string"))),
        };
        let source_lang = lang_field("source_lang", fields.source_lang, &self.source_lang)?;
        let target_lang = lang_field("target_lang", fields.target_lang, &self.target_lang)?;
        let raw_line: Arc<str> = Arc::from(raw);
        let make_side =
            |name: &str, v: Option<&RawValue>, lang| -> Result<Option<Side>, InputError> {
                let v = v
                    .ok_or_else(|| self.err(format!("missing field \"{name}\"")))?
                    .get();
                if v == "null" && name == "source" {
                    return Ok(None);
                }
                if !v.starts_with('"') {
                    return Err(self.err(format!("field \"{name}\" must be a string")));
                }
                let quote = v.as_ptr() as usize - raw.as_ptr() as usize;
                let (lit, _) = decode_string(raw, quote).map_err(|r| self.err(r))?;
                let paragraphs = split_paragraphs(&lit.text);
                if paragraphs.is_empty() {
                    return Err(self.err(format!("field \"{name}\" is empty")));
                }
                Ok(Some(Side {
                    path: self.path.clone(),
                    text: lit.text,
                    declared_lang: lang,
                    paragraphs,
                    origin: Origin::Embedded {
                        line: self.line,
                        line_offset,
                        raw_line: raw_line.clone(),
                        literal_start: lit.start,
                        map: lit.map,
                    },
                }))
            };
        let source = make_side("source", fields.source, source_lang)?;
        let target = make_side("target", fields.target, target_lang)?
            .ok_or_else(|| self.err("field \"target\" must be a string"))?;
        Ok(Document { id, source, target })
    }
}

/// The fields of a line, borrowed as raw JSON (`null` included, so that a
/// missing field and a null one can be told apart).
#[derive(Deserialize)]
struct RawLine<'a> {
    #[serde(borrow, default, deserialize_with = "present")]
    id: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    source: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    target: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    source_lang: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "present")]
    target_lang: Option<&'a RawValue>,
}

/// A field that is present, whatever its value (null included).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue as Deserialize>::deserialize(d).map(Some)
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = JsonlRecord;

    fn next(&mut self) -> Option<JsonlRecord> {
        loop {
            if self.done {
                return None;
            }
            match self.next_line() {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(JsonlRecord {
                        line: self.line,
                        result: Err(e),
                    });
                }
                Ok(true) => {}
            }
            let line_offset = self.offset;
            self.offset += self.buf.len();
            if self.buf.starts_with(b"\x00toolong") {
                return Some(JsonlRecord {
                    line: self.line,
                    result: Err(self.err(format!("line longer than {MAX_LINE} bytes"))),
                });
            }
            let mut end = self.buf.len();
            while end > 0 && matches!(self.buf[end - 1], b'\n' | b'\r') {
                end -= 1;
            }
            let result = match std::str::from_utf8(&self.buf[..end]) {
                Err(e) => Err(self.err(format!(
                    "invalid UTF-8 at byte offset {}",
                    line_offset + e.valid_up_to()
                ))),
                Ok(raw) if raw.trim().is_empty() => continue,
                Ok(raw) => {
                    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
                    let skipped = end - raw.len();
                    self.parse_line(raw, line_offset + skipped)
                }
            };
            return Some(JsonlRecord {
                line: self.line,
                result,
            });
        }
    }
}

/// A decoded string literal with its raw position.
#[derive(Debug)]
struct Literal {
    text: String,
    start: usize,
    map: OffsetMap,
}

/// Decodes the string literal whose opening quote is at `q`; returns it and
/// the offset after its closing quote.
fn decode_string(raw: &str, q: usize) -> Result<(Literal, usize), String> {
    let b = raw.as_bytes();
    let start = q + 1;
    let mut text = String::new();
    let mut map = OffsetMap::default();
    map.push(0, 0);
    let mut i = start;
    let mut run = start;
    while i < b.len() {
        match b[i] {
            b'"' => {
                text.push_str(&raw[run..i]);
                return Ok((Literal { text, start, map }, i + 1));
            }
            b'\\' => {
                text.push_str(&raw[run..i]);
                let esc = *b.get(i + 1).ok_or("unterminated escape")?;
                let mut len = 2;
                match esc {
                    b'n' => text.push('\n'),
                    b't' => text.push('\t'),
                    b'r' => text.push('\r'),
                    b'b' => text.push('\u{8}'),
                    b'f' => text.push('\u{c}'),
                    b'/' => text.push('/'),
                    b'\\' => text.push('\\'),
                    b'"' => text.push('"'),
                    b'u' => {
                        let hi = hex4(raw, i + 2)?;
                        len = 6;
                        let c = if (0xD800..0xDC00).contains(&hi)
                            && raw.get(i + 6..i + 8) == Some("\\u")
                        {
                            let lo = hex4(raw, i + 8)?;
                            len = 12;
                            char::from_u32(
                                0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00)),
                            )
                        } else {
                            char::from_u32(hi)
                        };
                        text.push(c.unwrap_or('\u{fffd}'));
                    }
                    _ => return Err("invalid escape".into()),
                }
                i += len;
                run = i;
                map.push(text.len(), i - start);
            }
            _ => i += 1,
        }
    }
    Err("unterminated string".into())
}

fn hex4(raw: &str, at: usize) -> Result<u32, String> {
    raw.get(at..at + 4)
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .ok_or_else(|| "invalid \\u escape".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<JsonlRecord> {
        JsonlReader::new(input.as_bytes(), "in.jsonl", None, None).collect()
    }

    #[test]
    fn decodes_and_maps_offsets() {
        let line =
            r#"{"id":"a","source":"Uno.\n\nDue \"x\" é.","target":"One.\n\nTwo \u201cx\u201d é."}"#;
        let recs = read(&format!("{line}\n"));
        let doc = recs[0].result.as_ref().expect("parses");
        let t = &doc.target;
        assert_eq!(t.text, "One.\n\nTwo \u{201c}x\u{201d} é.");
        assert_eq!(t.paragraphs.len(), 2);
        let e = t.text.find('é').unwrap();
        let pos = t.locate(e, e + 'é'.len_utf8());
        assert_eq!(&line[pos.byte_start..pos.byte_end], "é");
        assert_eq!(pos.line, 1);
        assert_eq!(pos.column, line[..pos.byte_start].chars().count() + 1);
        let x = t.text.find('x').unwrap();
        let pos = t.locate(x, x + 1);
        assert_eq!(&line[pos.byte_start..pos.byte_end], "x");
    }

    #[test]
    fn bad_lines_are_reported_and_reading_goes_on() {
        let input = "{\"id\":\"a\",\"source\":\"s\",\"target\":\"t\"}\nnot json\n\n{\"id\":\"c\",\"target\":\"t\"}\n{\"id\":\"d\",\"source\":\"s\",\"target\":\"t\"}\n";
        let recs = read(input);
        assert_eq!(recs.len(), 4);
        assert!(recs[0].result.is_ok());
        let e1 = recs[1].result.as_ref().unwrap_err().to_string();
        assert!(e1.starts_with("in.jsonl:2: invalid JSON"), "{e1}");
        let e2 = recs[2].result.as_ref().unwrap_err().to_string();
        assert_eq!(e2, "in.jsonl:4: missing field \"source\"");
        assert!(recs[3].result.is_ok());
        assert_eq!(recs[3].line, 5);
    }

    #[test]
    fn unknown_language_is_an_error() {
        let recs = read(r#"{"id":"a","source":"s","target":"t","target_lang":"zz"}"#);
        let e = recs[0].result.as_ref().unwrap_err().to_string();
        assert!(e.contains("unknown language 'zz'"), "{e}");
    }

    #[test]
    fn null_source_is_monolingual() {
        let recs = read(r#"{"id":"a","source":null,"target":"t"}"#);
        assert!(recs[0].result.as_ref().unwrap().source.is_none());
    }

    #[test]
    fn surrogate_pairs_decode() {
        let recs = read(r#"{"id":"a","source":"s","target":"\ud83d\ude00 ok"}"#);
        assert_eq!(recs[0].result.as_ref().unwrap().target.text, "😀 ok");
    }
}
