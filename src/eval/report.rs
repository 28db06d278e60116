//! What a suite produces: notes, tables and headline figures (the figures
//! the tests hold floors for).

use super::Suite;
use super::metrics::Share;
use std::time::Duration;

/// Which way a figure should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// Recall, precision, F1, accuracy: higher is better.
    Higher,
    /// False-alarm shares: lower is better.
    Lower,
}

/// A headline figure with a stable key, e.g. `injected.drop-paragraph.recall`.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Stable dotted key.
    pub key: String,
    /// The value (shares as fractions in [0, 1]).
    pub value: f64,
    /// Which way is better.
    pub better: Better,
    /// Items the figure is computed over.
    pub n: usize,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Free text.
    Text(String),
    /// A count.
    Count(usize),
    /// A share, shown as a percentage with one decimal.
    Share(Share),
    /// A share, shown as a percentage with two decimals (small rates).
    FineShare(Share),
    /// A share with its total, shown as `12.5% of 8`.
    ShareOf(Share),
    /// A score in [0, 1] or [-1, 1], three decimals; `None` when undefined.
    Score(Option<f64>),
    /// A published percentage (already 0–100), one decimal.
    Percent(Option<f64>),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// True for cells holding numbers (right-aligned).
    pub fn is_numeric(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }

    /// The cell as displayed.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(s) => percent(*s, 1),
            Cell::FineShare(s) => percent(*s, 2),
            Cell::ShareOf(s) if s.total == 0 => "–".to_string(),
            Cell::ShareOf(s) => format!("{} of {}", percent(*s, 1), s.total),
            Cell::Score(Some(x)) => format!("{x:.3}"),
            Cell::Percent(Some(x)) => format!("{x:.1}%"),
            Cell::Score(None) | Cell::Percent(None) => "–".to_string(),
        }
    }
}

fn percent(s: Share, decimals: usize) -> String {
    match s.value() {
        Some(v) => format!("{:.*}%", decimals, 100.0 * v),
        None => "–".to_string(),
    }
}

/// A table of a suite.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table shows.
    pub title: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with the given headers.
    pub fn new(title: impl Into<String>, columns: &[&str]) -> Table {
        Table {
            title: title.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// An empty table with headers built at run time.
    pub fn with_columns(title: impl Into<String>, columns: Vec<String>) -> Table {
        Table {
            title: title.into(),
            columns,
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }
}

/// Everything one suite reports.
#[derive(Debug, Clone)]
pub struct SuiteReport {
    /// Which suite.
    pub suite: Suite,
    /// Why the suite could not run, if it could not.
    pub error: Option<String>,
    /// Remarks: sampling, skipped lines, caveats.
    pub notes: Vec<String>,
    /// Tables, in display order.
    pub tables: Vec<Table>,
    /// Headline figures.
    pub figures: Vec<Figure>,
    /// Keys of figures left undefined this run (no items: a precision with
    /// no finding, for example).
    pub undefined: Vec<String>,
    /// Wall-clock time (never rendered into the report, which must be
    /// deterministic).
    pub elapsed: Duration,
}

impl SuiteReport {
    /// An empty report for `suite`.
    pub fn new(suite: Suite) -> SuiteReport {
        SuiteReport {
            suite,
            error: None,
            notes: Vec::new(),
            tables: Vec::new(),
            figures: Vec::new(),
            undefined: Vec::new(),
            elapsed: Duration::ZERO,
        }
    }

    /// Adds a note.
    pub fn note(&mut self, text: impl Into<String>) {
        self.notes.push(text.into());
    }

    /// Adds a figure; an undefined value (`None`) only records the key in
    /// [`SuiteReport::undefined`].
    pub fn figure(&mut self, key: impl Into<String>, value: Option<f64>, n: usize, better: Better) {
        let key = key.into();
        match value {
            Some(value) => self.figures.push(Figure {
                key,
                value,
                better,
                n,
            }),
            None => self.undefined.push(key),
        }
    }

    /// Adds a share as a figure.
    pub fn share_figure(&mut self, key: impl Into<String>, share: Share, better: Better) {
        self.figure(key, share.value(), share.total, better);
    }
}

/// The reports of all suites run.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    /// One per suite, in suite order.
    pub suites: Vec<SuiteReport>,
}

impl EvalReport {
    /// Every figure of every suite.
    pub fn figures(&self) -> impl Iterator<Item = &Figure> {
        self.suites.iter().flat_map(|s| s.figures.iter())
    }

    /// The figure with `key`.
    pub fn figure(&self, key: &str) -> Option<&Figure> {
        self.figures().find(|f| f.key == key)
    }

    /// True when the figure `key` was computed over no items this run.
    pub fn is_undefined(&self, key: &str) -> bool {
        self.suites
            .iter()
            .any(|s| s.undefined.iter().any(|k| k == key))
    }

    /// True when some suite could not run.
    pub fn has_errors(&self) -> bool {
        self.suites.iter().any(|s| s.error.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_display() {
        assert_eq!(Cell::Share(Share::new(1, 3)).display(), "33.3%");
        assert_eq!(Cell::FineShare(Share::new(1, 300)).display(), "0.33%");
        assert_eq!(Cell::Share(Share::default()).display(), "–");
        assert_eq!(Cell::ShareOf(Share::new(1, 8)).display(), "12.5% of 8");
        assert_eq!(Cell::ShareOf(Share::default()).display(), "–");
        assert_eq!(Cell::Score(Some(0.5)).display(), "0.500");
        assert_eq!(Cell::Score(None).display(), "–");
        assert_eq!(Cell::Percent(Some(96.14)).display(), "96.1%");
        assert!(!Cell::text("a").is_numeric());
        assert!(Cell::Count(3).is_numeric());
    }

    #[test]
    fn undefined_figures_are_left_out() {
        let mut r = SuiteReport::new(Suite::Ced);
        r.figure("a", None, 0, Better::Higher);
        r.share_figure("b", Share::new(1, 2), Better::Lower);
        assert_eq!(r.figures.len(), 1);
        assert_eq!(r.figures[0].key, "b");
        assert_eq!(r.undefined, ["a"]);
        assert_eq!(r.figures[0].value, 0.5);
    }
}
