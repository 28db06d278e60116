//! Scores: shares, precision/recall/F1 and the Matthews correlation
//! coefficient.

use serde::Serialize;

/// A share: how many of `total` items are hits.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    /// Items counted as hits.
    pub hits: usize,
    /// Items seen.
    pub total: usize,
}

impl Share {
    /// A share from counts.
    pub fn new(hits: usize, total: usize) -> Share {
        Share { hits, total }
    }

    /// Counts one item.
    pub fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }

    /// Adds another share's counts.
    pub fn merge(&mut self, other: Share) {
        self.hits += other.hits;
        self.total += other.total;
    }

    /// The share in [0, 1], or `None` when nothing was seen.
    pub fn value(self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }
}

/// A binary confusion matrix.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Confusion {
    /// Predicted positive, gold positive.
    pub tp: usize,
    /// Predicted positive, gold negative.
    pub fp: usize,
    /// Predicted negative, gold positive.
    pub fn_: usize,
    /// Predicted negative, gold negative.
    pub tn: usize,
}

impl Confusion {
    /// Counts one item.
    pub fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Adds another matrix's counts.
    pub fn merge(&mut self, o: Confusion) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
    }

    /// Precision of the positive predictions (`None` when there are none).
    pub fn precision(self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall of the gold positives (`None` when there are none).
    pub fn recall(self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Matthews correlation coefficient; 0 when a margin is empty (the
    /// usual convention, and what scikit-learn returns).
    pub fn mcc(self) -> f64 {
        let (tp, fp, fn_, tn) = (
            self.tp as f64,
            self.fp as f64,
            self.fn_ as f64,
            self.tn as f64,
        );
        let den = ((tp + fp) * (tp + fn_) * (tn + fp) * (tn + fn_)).sqrt();
        if den == 0.0 {
            0.0
        } else {
            (tp * tn - fp * fn_) / den
        }
    }

    /// Items counted.
    pub fn total(self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }
}

/// `a / b`, or `None` when `b` is 0.
pub fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Harmonic mean of precision and recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mcc_of_known_matrices() {
        let c = Confusion {
            tp: 6,
            fp: 2,
            fn_: 3,
            tn: 9,
        };
        // (54 - 6) / sqrt(8 * 9 * 11 * 12)
        let expected = 48.0 / (8.0f64 * 9.0 * 11.0 * 12.0).sqrt();
        assert!((c.mcc() - expected).abs() < 1e-12);
        let perfect = Confusion {
            tp: 5,
            fp: 0,
            fn_: 0,
            tn: 7,
        };
        assert!((perfect.mcc() - 1.0).abs() < 1e-12);
        let inverted = Confusion {
            tp: 0,
            fp: 4,
            fn_: 4,
            tn: 0,
        };
        assert!((inverted.mcc() + 1.0).abs() < 1e-12);
        // Never predicting positive: an empty margin gives 0.
        let silent = Confusion {
            tp: 0,
            fp: 0,
            fn_: 3,
            tn: 10,
        };
        assert_eq!(silent.mcc(), 0.0);
        assert_eq!(silent.precision(), None);
        assert_eq!(silent.recall(), Some(0.0));
    }

    #[test]
    fn confusion_counts_and_scores() {
        let mut c = Confusion::default();
        for (p, g) in [
            (true, true),
            (true, false),
            (false, true),
            (false, false),
            (true, true),
        ] {
            c.add(p, g);
        }
        assert_eq!((c.tp, c.fp, c.fn_, c.tn, c.total()), (2, 1, 1, 1, 5));
        assert_eq!(c.precision(), Some(2.0 / 3.0));
        assert_eq!(c.recall(), Some(2.0 / 3.0));
    }

    #[test]
    fn shares_and_f1() {
        let mut s = Share::default();
        assert_eq!(s.value(), None);
        s.add(true);
        s.add(false);
        s.merge(Share::new(1, 2));
        assert_eq!(s.value(), Some(0.5));
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert!((f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
    }
}
