//! Ingest: files and streams into [`Document`]s whose paragraphs keep exact
//! positions in the original input.
//!
//! Rules only ever see a side's `text`; [`Origin`] maps any byte offset of
//! that text back to a byte offset, line and column of the file as read.

mod jsonl;
mod origin;
mod plain;

pub use jsonl::{JsonlReader, JsonlRecord};
pub use origin::{FilePosition, OffsetMap, Origin};
pub use plain::{read_plain, side_from_text};

use crate::lang::LangTag;

/// Largest input accepted by default (bytes); larger inputs are refused with
/// a clear error rather than exhausting memory.
pub const DEFAULT_MAX_INPUT: u64 = 512 * 1024 * 1024;

/// A paragraph: a byte range of its side's text, without surrounding white
/// space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Start byte in the side text.
    pub start: usize,
    /// End byte (exclusive) in the side text.
    pub end: usize,
}

/// One side of a pair: the text as read, its declared language and its
/// paragraphs.
#[derive(Debug, Clone)]
pub struct Side {
    /// Path of the input (or `-`).
    pub path: String,
    /// The text rules see.
    pub text: String,
    /// Language declared by the user or the input, if any.
    pub declared_lang: Option<LangTag>,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// How positions in `text` map back to the input file.
    pub origin: Origin,
}

impl Side {
    /// The text of paragraph `i`.
    pub fn paragraph_text(&self, i: usize) -> &str {
        let p = self.paragraphs[i];
        &self.text[p.start..p.end]
    }

    /// The position in the input file of a byte range of `text`.
    pub fn locate(&self, start: usize, end: usize) -> FilePosition {
        self.origin.locate(&self.text, start, end)
    }
}

/// An article and its translation (or a translation alone).
#[derive(Debug, Clone)]
pub struct Document {
    /// Identifier: the JSONL `id`, or the target file's stem.
    pub id: String,
    /// The original article, when given.
    pub source: Option<Side>,
    /// The translation.
    pub target: Side,
}

/// Splits text into paragraphs: blocks separated by one or more blank lines
/// (lines holding only white space). Ranges exclude the surrounding white
/// space; blocks of white space only are skipped.
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut last_content_end = 0;
    let mut line_start = 0;
    while line_start <= bytes.len() {
        let line_end = memchr::memchr(b'\n', &bytes[line_start..])
            .map(|i| line_start + i)
            .unwrap_or(bytes.len());
        let line = &text[line_start..line_end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = block_start.take() {
                out.push(Paragraph {
                    start: s,
                    end: last_content_end,
                });
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            let content_end = line_start + line.trim_end().len();
            if block_start.is_none() {
                block_start = Some(line_start + lead);
            }
            last_content_end = content_end;
        }
        if line_end == bytes.len() {
            break;
        }
        line_start = line_end + 1;
    }
    if let Some(s) = block_start {
        out.push(Paragraph {
            start: s,
            end: last_content_end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_paragraphs(t)
            .iter()
            .map(|p| &t[p.start..p.end])
            .collect()
    }

    #[test]
    fn splits_on_blank_lines() {
        assert_eq!(texts("a\nb\n\nc\n"), ["a\nb", "c"]);
        assert_eq!(texts("\n\n  a  \n \t \n\n\nb"), ["a", "b"]);
        assert_eq!(texts("a\r\n\r\nb\r\n"), ["a", "b"]);
        assert!(texts("   \n\n").is_empty());
        assert!(texts("").is_empty());
    }

    #[test]
    fn unicode_white_space_lines_are_blank() {
        assert_eq!(texts("a\n\u{a0}\nb"), ["a", "b"]);
    }
}
