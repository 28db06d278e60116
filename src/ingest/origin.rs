//! Mapping positions in a side's text back to the input file.

/// A position in an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilePosition {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
    /// Start byte offset in the file.
    pub byte_start: usize,
    /// End byte offset (exclusive) in the file.
    pub byte_end: usize,
}

/// Checkpoints mapping offsets of decoded text to offsets of the raw text it
/// was decoded from. Between checkpoints the two run byte for byte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(decoded, raw)` pairs, sorted by both.
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Records that decoded offset `decoded` corresponds to raw offset `raw`.
    pub fn push(&mut self, decoded: usize, raw: usize) {
        if self.points.last().is_some_and(|&(d, _)| d == decoded) {
            self.points.pop();
        }
        self.points.push((decoded, raw));
    }

    /// The raw offset of a decoded offset.
    pub fn raw(&self, decoded: usize) -> usize {
        let idx = self.points.partition_point(|&(d, _)| d <= decoded);
        match idx.checked_sub(1).map(|i| self.points[i]) {
            Some((d, r)) => r + (decoded - d),
            None => decoded,
        }
    }
}

/// Where a side's text came from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// The text is the file's content after `base` bytes (a BOM), verbatim.
    File {
        /// Bytes skipped at the start of the file.
        base: usize,
    },
    /// The text was decoded from a JSON string literal on one line of a file.
    Embedded {
        /// 1-based line of the file.
        line: usize,
        /// Byte offset of that line in the file.
        line_offset: usize,
        /// The raw line, for column counting.
        raw_line: std::sync::Arc<str>,
        /// Byte offset of the literal's first content byte inside the line.
        literal_start: usize,
        /// Decoded-to-raw offsets inside the literal.
        map: OffsetMap,
    },
}

impl Origin {
    /// Locates `start..end` of `text` (the side text) in the input file.
    pub fn locate(&self, text: &str, start: usize, end: usize) -> FilePosition {
        match self {
            Origin::File { base } => {
                let before = &text.as_bytes()[..start.min(text.len())];
                let line = memchr::memchr_iter(b'\n', before).count() + 1;
                let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
                let column = text
                    .get(line_start..start)
                    .map_or(1, |s| s.chars().count() + 1);
                FilePosition {
                    line,
                    column,
                    byte_start: base + start,
                    byte_end: base + end,
                }
            }
            Origin::Embedded {
                line,
                line_offset,
                raw_line,
                literal_start,
                map,
            } => {
                let rs = literal_start + map.raw(start);
                let re = literal_start + map.raw(end);
                let column = raw_line.get(..rs).map_or(1, |s| s.chars().count() + 1);
                FilePosition {
                    line: *line,
                    column,
                    byte_start: line_offset + rs,
                    byte_end: line_offset + re,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_positions_count_chars() {
        let o = Origin::File { base: 3 };
        let t = "ab\ncdé f";
        let p = o.locate(t, t.find('f').unwrap(), t.len());
        assert_eq!((p.line, p.column), (2, 5));
        assert_eq!(p.byte_start, 3 + t.find('f').unwrap());
    }

    #[test]
    fn offset_map_interpolates() {
        let mut m = OffsetMap::default();
        m.push(0, 0);
        m.push(5, 6); // one escape before decoded offset 5
        assert_eq!(m.raw(3), 3);
        assert_eq!(m.raw(5), 6);
        assert_eq!(m.raw(9), 10);
    }
}
