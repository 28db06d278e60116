//! Accuracy evaluation on third-party data: `wirecheck eval`.
//!
//! Seven suites measure the checker on text written by others (the
//! corpora under `../shared/corpora/external`, read at run time and never
//! copied into the repository): false alarms on professional translations,
//! recall on injected defects, DEMETR perturbations, WMT22 critical-error
//! detection, MQM/ESA error annotations, sentence alignment, and language
//! identification. Every suite is deterministic (fixed seed, stable order)
//! and maps findings to defects by [`crate::finding::Category`], so rules
//! added to the registry are measured without changing this module.

mod align_data;
mod align_score;
mod alignment;
mod annotations;
mod bio;
mod ced;
mod checker;
mod data;
mod demetr;
mod error;
mod false_alarms;
mod inject;
mod injected;
mod langid;
mod metrics;
mod mqm;
mod mqm_data;
mod pairs;
mod prng;
mod render;
mod report;
mod wmt;

pub use align_score::{Bead, Rung, StrictLax, ladder_scores, strict_lax};
pub use error::EvalError;
pub use metrics::{Confusion, Share, f1};
pub use prng::{SEED, SplitMix64, fnv1a};
pub use report::{Better, Cell, EvalReport, Figure, SuiteReport, Table};

use data::DataDir;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Data folder used when neither `--data` nor `WIRECHECK_EVAL_DATA` is given
/// (relative to the working directory: the repository root).
pub const DEFAULT_DATA_DIR: &str = "../shared/corpora/external";

/// Environment variable naming the data folder.
pub const DATA_ENV: &str = "WIRECHECK_EVAL_DATA";

/// How every suite counts, printed in the report header.
pub const CONVENTIONS: &[&str] = &[
    "A finding counts when its severity is warning or error (`info` hints are not counted), \
     in every suite.",
    "Findings are matched to defects by category (`quotes`, `numbers`, `omission`…), never \
     by rule code, so new rules are measured as soon as they are registered; a category \
     without rules yet scores 0.",
    "Languages are declared for both sides, as a newsroom pipeline would.",
    "Everything is deterministic: sampling and injections use SplitMix64 with a fixed seed, \
     and tables are sorted.",
    "Shares are percentages of the items in the row; `–` means no item.",
];

/// The suites, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Suite {
    /// False alarms on professional translations.
    FalseAlarms,
    /// Recall on defects injected into professional translations.
    Injected,
    /// DEMETR perturbations.
    Demetr,
    /// WMT22 critical-error detection.
    Ced,
    /// MQM and ESA human error annotations.
    Mqm,
    /// Sentence alignment against gold alignments.
    Alignment,
    /// Language identification.
    Langid,
}

impl Suite {
    /// Every suite, in report order.
    pub const ALL: [Suite; 7] = [
        Suite::FalseAlarms,
        Suite::Injected,
        Suite::Demetr,
        Suite::Ced,
        Suite::Mqm,
        Suite::Alignment,
        Suite::Langid,
    ];

    /// The name used on the command line and in figure keys.
    pub fn name(self) -> &'static str {
        match self {
            Suite::FalseAlarms => "false-alarms",
            Suite::Injected => "injected",
            Suite::Demetr => "demetr",
            Suite::Ced => "ced",
            Suite::Mqm => "mqm",
            Suite::Alignment => "alignment",
            Suite::Langid => "langid",
        }
    }

    /// A short title.
    pub fn title(self) -> &'static str {
        match self {
            Suite::FalseAlarms => "false alarms on professional translations",
            Suite::Injected => "recall on injected defects",
            Suite::Demetr => "DEMETR perturbations",
            Suite::Ced => "WMT22 critical-error detection",
            Suite::Mqm => "MQM and ESA error annotations",
            Suite::Alignment => "sentence alignment",
            Suite::Langid => "language identification",
        }
    }

    /// What the suite measures.
    pub fn about(self) -> &'static str {
        match self {
            Suite::FalseAlarms => false_alarms::ABOUT,
            Suite::Injected => injected::ABOUT,
            Suite::Demetr => demetr::ABOUT,
            Suite::Ced => ced::ABOUT,
            Suite::Mqm => mqm::ABOUT,
            Suite::Alignment => alignment::ABOUT,
            Suite::Langid => langid::ABOUT,
        }
    }

    fn run(self, data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
        match self {
            Suite::FalseAlarms => false_alarms::run(data, report),
            Suite::Injected => injected::run(data, report),
            Suite::Demetr => demetr::run(data, report),
            Suite::Ced => ced::run(data, report),
            Suite::Mqm => mqm::run(data, report),
            Suite::Alignment => alignment::run(data, report),
            Suite::Langid => langid::run(data, report),
        }
    }
}

/// Output format of `wirecheck eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EvalFormat {
    /// Aligned plain-text tables.
    #[default]
    Text,
    /// One JSON object with every figure and table.
    Json,
    /// The Markdown of `docs/accuracy.md`.
    Markdown,
}

/// Arguments of `wirecheck eval`.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalArgs {
    /// Folder of the external corpora [default: ../shared/corpora/external].
    #[arg(long, value_name = "DIR", env = DATA_ENV)]
    pub data: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Run only these suites (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "SUITE")]
    pub only: Vec<Suite>,
}

/// What `wirecheck eval` prints and returns.
#[derive(Debug, Clone)]
pub struct EvalOutput {
    /// The report (deterministic).
    pub stdout: String,
    /// Timings and suites that could not run.
    pub stderr: String,
    /// Exit code: 0, or 2 when a suite could not run.
    pub code: u8,
}

/// The data folder of `args`: `--data`, else the environment, else
/// [`DEFAULT_DATA_DIR`].
pub fn data_dir(args: &EvalArgs) -> PathBuf {
    args.data
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR))
}

/// Runs `suites` (all when empty) on the data in `root`.
pub fn run(root: &Path, suites: &[Suite]) -> Result<EvalReport, EvalError> {
    let data = DataDir::open(root)?;
    let mut chosen: Vec<Suite> = if suites.is_empty() {
        Suite::ALL.to_vec()
    } else {
        suites.to_vec()
    };
    chosen.sort();
    chosen.dedup();
    let mut report = EvalReport::default();
    for suite in chosen {
        let start = Instant::now();
        let mut r = SuiteReport::new(suite);
        if let Err(e) = suite.run(&data, &mut r) {
            r.error = Some(e.to_string());
            r.tables.clear();
            r.figures.clear();
            r.undefined.clear();
        }
        r.elapsed = start.elapsed();
        report.suites.push(r);
    }
    Ok(report)
}

/// Renders a report.
pub fn render(report: &EvalReport, format: EvalFormat) -> String {
    match format {
        EvalFormat::Text => render::text(report),
        EvalFormat::Json => render::json(report),
        EvalFormat::Markdown => render::markdown(report),
    }
}

/// Runs `wirecheck eval`: the report on `stdout`, timings on `stderr`.
pub fn execute(args: &EvalArgs) -> Result<EvalOutput, EvalError> {
    let start = Instant::now();
    let report = run(&data_dir(args), &args.only)?;
    let mut stderr = String::new();
    for s in &report.suites {
        match &s.error {
            Some(e) => stderr.push_str(&format!(
                "wirecheck eval: {} not run: {e}\n",
                s.suite.name()
            )),
            None => stderr.push_str(&format!(
                "wirecheck eval: {} {:.1} s\n",
                s.suite.name(),
                s.elapsed.as_secs_f64()
            )),
        }
    }
    stderr.push_str(&format!(
        "wirecheck eval: {} in {:.1} s\n",
        render::suite_list(&report.suites.iter().map(|s| s.suite).collect::<Vec<_>>()),
        start.elapsed().as_secs_f64()
    ));
    Ok(EvalOutput {
        stdout: render(&report, args.format),
        stderr,
        code: if report.has_errors() { 2 } else { 0 },
    })
}
