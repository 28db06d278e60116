//! Errors the library reports: every one names the input and what is wrong.

use thiserror::Error;

/// An input could not be read or understood.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {reason}")]
    Io {
        /// Path of the input.
        path: String,
        /// The operating system's message.
        reason: String,
    },
    /// The path names a directory.
    #[error("{path}: is a directory, expected a file")]
    Directory {
        /// Path of the input.
        path: String,
    },
    /// The file is empty or holds only white space.
    #[error("{path}: file is empty")]
    Empty {
        /// Path of the input.
        path: String,
    },
    /// The file holds NUL bytes or other signs of binary data.
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), expected UTF-8 text")]
    Binary {
        /// Path of the input.
        path: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The bytes are not valid UTF-8.
    #[error("{path}:{line}: invalid UTF-8 at byte offset {offset}")]
    Utf8 {
        /// Path of the input.
        path: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input is larger than the configured limit.
    #[error("{path}: input of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Path of the input.
        path: String,
        /// Size seen.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A JSONL line is malformed.
    #[error("{path}:{line}: {reason}")]
    JsonLine {
        /// Path of the input.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// A language code is not known.
    #[error("{what}: unknown language '{code}'")]
    UnknownLanguage {
        /// Where the code came from (an option or a file and line).
        what: String,
        /// The code given.
        code: String,
    },
}

impl InputError {
    /// The path of the input concerned.
    pub fn path(&self) -> &str {
        match self {
            InputError::Io { path, .. }
            | InputError::Directory { path }
            | InputError::Empty { path }
            | InputError::Binary { path, .. }
            | InputError::Utf8 { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::JsonLine { path, .. } => path,
            InputError::UnknownLanguage { what, .. } => what,
        }
    }

    /// The 1-based line concerned, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            InputError::Utf8 { line, .. } | InputError::JsonLine { line, .. } => Some(*line),
            _ => None,
        }
    }
}
