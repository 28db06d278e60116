//! Errors of the evaluation: every one names the file or folder concerned.

use thiserror::Error;

/// The evaluation could not run, or one of its inputs could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// The data folder does not exist.
    #[error("evaluation data folder {path} not found (pass --data DIR or set WIRECHECK_EVAL_DATA)")]
    MissingData {
        /// The folder looked for.
        path: String,
    },
    /// A data file could not be read.
    #[error("{path}: cannot read: {reason}")]
    Read {
        /// The file.
        path: String,
        /// The operating system's message.
        reason: String,
    },
    /// A data file does not have the expected layout (a missing header
    /// column, for example); single malformed lines are counted instead.
    #[error("{path}: {reason}")]
    Layout {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}
