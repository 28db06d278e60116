//! Access to the data folder: reading files, splitting TSV, and counting the
//! lines that could not be used (a malformed line never stops a suite).

use super::error::EvalError;
use std::path::{Path, PathBuf};

/// The folder holding the external corpora.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// Opens the folder; an error names it when it does not exist.
    pub fn open(root: &Path) -> Result<DataDir, EvalError> {
        if root.is_dir() {
            Ok(DataDir {
                root: root.to_path_buf(),
            })
        } else {
            Err(EvalError::MissingData {
                path: root.display().to_string(),
            })
        }
    }

    /// The full path of `rel`.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Reads a UTF-8 file below the folder.
    pub fn read(&self, rel: &str) -> Result<String, EvalError> {
        let path = self.path(rel);
        std::fs::read_to_string(&path).map_err(|e| EvalError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }

    /// Names of the files in sub-folder `rel` ending in `suffix`, sorted.
    pub fn list(&self, rel: &str, suffix: &str) -> Result<Vec<String>, EvalError> {
        let path = self.path(rel);
        let entries = std::fs::read_dir(&path).map_err(|e| EvalError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().is_file())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| n.ends_with(suffix))
            .collect();
        names.sort();
        Ok(names)
    }
}

/// Lines skipped because they could not be parsed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// How many.
    pub count: usize,
    /// The first few, as `file:line: reason`.
    pub examples: Vec<String>,
}

/// Examples kept in a [`Malformed`] report.
const MAX_EXAMPLES: usize = 3;

impl Malformed {
    /// Records one skipped line (`line` is 1-based).
    pub fn add(&mut self, file: &str, line: usize, reason: impl AsRef<str>) {
        self.count += 1;
        if self.examples.len() < MAX_EXAMPLES {
            self.examples
                .push(format!("{file}:{line}: {}", reason.as_ref()));
        }
    }

    /// A note for the report, when any line was skipped.
    pub fn note(&self) -> Option<String> {
        (self.count > 0).then(|| {
            format!(
                "{} malformed data line(s) skipped, e.g. {}",
                self.count,
                self.examples.join("; ")
            )
        })
    }
}

/// A TSV file split on tabs (no quoting), with its header.
#[derive(Debug)]
pub struct Tsv<'a> {
    /// Column names.
    pub header: Vec<&'a str>,
    /// Data rows: 1-based line number and fields.
    pub rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Tsv<'a> {
    /// Splits `text`; the first line is the header, empty lines are ignored.
    /// A trailing carriage return is dropped from every line.
    pub fn parse(text: &'a str) -> Tsv<'a> {
        let mut lines = text.lines().enumerate();
        let header = lines
            .next()
            .map(|(_, h)| h.trim_end_matches('\r').split('\t').collect())
            .unwrap_or_default();
        let rows = lines
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r').split('\t').collect()))
            .collect();
        Tsv { header, rows }
    }

    /// Index of column `name`.
    pub fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }

    /// Index of column `name`, or a layout error naming `file`.
    pub fn require(&self, file: &str, name: &str) -> Result<usize, EvalError> {
        self.col(name).ok_or_else(|| EvalError::Layout {
            path: file.to_string(),
            reason: format!("no '{name}' column in the header"),
        })
    }
}

/// Replaces line breaks with spaces (same byte length, so offsets into the
/// text stay valid), so that a cell stays one paragraph.
pub fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_splits_header_and_rows() {
        let t = Tsv::parse("a\tb\tc\r\n1\t2\t3\n\n4\t5\n");
        assert_eq!(t.header, ["a", "b", "c"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0], (2, vec!["1", "2", "3"]));
        assert_eq!(t.rows[1].0, 4);
        assert_eq!(t.col("c"), Some(2));
        assert!(t.require("f.tsv", "zz").is_err());
        assert!(Tsv::parse("").header.is_empty());
    }

    #[test]
    fn malformed_keeps_few_examples() {
        let mut m = Malformed::default();
        assert_eq!(m.note(), None);
        for i in 0..5 {
            m.add("f", i, "bad");
        }
        assert_eq!(m.count, 5);
        assert_eq!(m.examples.len(), 3);
        assert!(m.note().is_some_and(|n| n.starts_with("5 malformed")));
    }

    #[test]
    fn one_line_keeps_lengths() {
        assert_eq!(one_line("a\nb\r\nc"), "a b  c");
    }

    #[test]
    fn missing_folder_is_an_error() {
        let e = DataDir::open(Path::new("/nonexistent/wirecheck-eval")).unwrap_err();
        assert!(e.to_string().contains("not found"));
    }
}
