//! Sentence-alignment scores: strict and lax precision/recall/F1 (Sennrich
//! and Volk 2011, as Vecalign's scorer computes them) and hunalign's
//! rung-based precision/recall.

use super::metrics::{f1, ratio};
use std::collections::{HashMap, HashSet};

/// One alignment bead: source sentence indices and target sentence indices
/// (either may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Bead {
    /// Source sentence indices, ascending.
    pub source: Vec<usize>,
    /// Target sentence indices, ascending.
    pub target: Vec<usize>,
}

/// A ladder rung: (source position, target position).
pub type Rung = (usize, usize);

/// Strict and lax scores with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StrictLax {
    /// Strict precision.
    pub precision_strict: f64,
    /// Strict recall.
    pub recall_strict: f64,
    /// Strict F1.
    pub f1_strict: f64,
    /// Lax precision.
    pub precision_lax: f64,
    /// Lax recall.
    pub recall_lax: f64,
    /// Lax F1.
    pub f1_lax: f64,
    /// Hypothesis beads scored (non-empty).
    pub test_beads: usize,
    /// Gold beads scored for recall (without 1-0 and 0-1 beads).
    pub gold_beads: usize,
}

/// [strict TP, strict FP, lax TP, lax FP] of `test` against `gold`.
fn precision_counts(gold: &[Bead], test: &[Bead]) -> [usize; 4] {
    let non_empty = |b: &&Bead| !(b.source.is_empty() && b.target.is_empty());
    let gold_set: HashSet<&Bead> = gold.iter().filter(non_empty).collect();
    let mut gold_targets: HashMap<usize, HashSet<usize>> = HashMap::new();
    for b in &gold_set {
        for &s in &b.source {
            gold_targets
                .entry(s)
                .or_default()
                .extend(b.target.iter().copied());
        }
    }
    let test_set: HashSet<&Bead> = test.iter().filter(non_empty).collect();
    let mut c = [0usize; 4];
    for b in test_set {
        if gold_set.contains(b) {
            c[0] += 1;
            c[2] += 1;
        } else {
            c[1] += 1;
            let lax = b.source.iter().any(|s| {
                gold_targets
                    .get(s)
                    .is_some_and(|ts| b.target.iter().any(|t| ts.contains(t)))
            });
            if lax {
                c[2] += 1;
            } else {
                c[3] += 1;
            }
        }
    }
    c
}

/// Scores hypothesis alignments against gold ones, document by document,
/// summing counts over documents before dividing: precision over the
/// hypothesis beads; recall the same computation with gold and hypothesis
/// swapped after removing 1-0 and 0-1 beads from both.
pub fn strict_lax(docs: &[(Vec<Bead>, Vec<Bead>)]) -> StrictLax {
    let mut p = [0usize; 4];
    let mut r = [0usize; 4];
    let mut gold_beads = 0;
    for (gold, test) in docs {
        let pc = precision_counts(gold, test);
        let both = |b: &&Bead| !b.source.is_empty() && !b.target.is_empty();
        let gold_11: Vec<Bead> = gold.iter().filter(both).cloned().collect();
        let test_11: Vec<Bead> = test.iter().filter(both).cloned().collect();
        let rc = precision_counts(&test_11, &gold_11);
        gold_beads += gold_11.len();
        for i in 0..4 {
            p[i] += pc[i];
            r[i] += rc[i];
        }
    }
    let ps = ratio(p[0], p[0] + p[1]).unwrap_or(0.0);
    let pl = ratio(p[2], p[2] + p[3]).unwrap_or(0.0);
    let rs = ratio(r[0], r[0] + r[1]).unwrap_or(0.0);
    let rl = ratio(r[2], r[2] + r[3]).unwrap_or(0.0);
    StrictLax {
        precision_strict: ps,
        recall_strict: rs,
        f1_strict: f1(ps, rs),
        precision_lax: pl,
        recall_lax: rl,
        f1_lax: f1(pl, rl),
        test_beads: p[0] + p[1],
        gold_beads,
    }
}

/// Hunalign's measure: precision = shared rungs / hypothesis rungs, recall
/// = shared rungs / gold rungs.
pub fn ladder_scores(gold: &[Rung], test: &[Rung]) -> (f64, f64) {
    let g: HashSet<&Rung> = gold.iter().collect();
    let t: HashSet<&Rung> = test.iter().collect();
    let shared = t.intersection(&g).count();
    (
        ratio(shared, t.len()).unwrap_or(0.0),
        ratio(shared, g.len()).unwrap_or(0.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &[usize], t: &[usize]) -> Bead {
        Bead {
            source: s.to_vec(),
            target: t.to_vec(),
        }
    }

    #[test]
    fn identical_alignments_score_one() {
        let gold = vec![b(&[0], &[0]), b(&[1, 2], &[1]), b(&[3], &[])];
        let s = strict_lax(&[(gold.clone(), gold)]);
        assert_eq!(
            (s.precision_strict, s.recall_strict, s.f1_strict, s.f1_lax),
            (1.0, 1.0, 1.0, 1.0)
        );
        assert_eq!((s.test_beads, s.gold_beads), (3, 2));
    }

    #[test]
    fn strict_and_lax_differ_on_partial_beads() {
        // Gold merges 1+2 → 1; the hypothesis splits them (1→1, 2→[]) and
        // misaligns 3→2 where gold has 3→3.
        let gold = vec![b(&[0], &[0]), b(&[1, 2], &[1]), b(&[], &[2]), b(&[3], &[3])];
        let test = vec![b(&[0], &[0]), b(&[1], &[1]), b(&[2], &[]), b(&[3], &[2, 3])];
        let s = strict_lax(&[(gold, test)]);
        // Precision over 4 hypothesis beads: 1 strict; lax also [1]:[1]
        // and [3]:[2,3] (source 3 is aligned to target 3 in gold).
        assert!((s.precision_strict - 0.25).abs() < 1e-12);
        assert!((s.precision_lax - 0.75).abs() < 1e-12);
        // Recall over gold beads without 1-0/0-1: [0]:[0], [1,2]:[1],
        // [3]:[3]; 1 strict; lax: [1,2]:[1] via hypothesis [1]:[1], and
        // [3]:[3] via [3]:[2,3].
        assert!((s.recall_strict - 1.0 / 3.0).abs() < 1e-12);
        assert!((s.recall_lax - 1.0).abs() < 1e-12);
        assert!((s.f1_strict - f1(0.25, 1.0 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn counts_are_summed_over_documents() {
        let d1 = (vec![b(&[0], &[0])], vec![b(&[0], &[0])]);
        let d2 = (
            vec![b(&[0], &[0]), b(&[1], &[1]), b(&[2], &[2])],
            vec![b(&[0], &[1]), b(&[1], &[0]), b(&[2], &[2])],
        );
        let s = strict_lax(&[d1, d2]);
        assert!((s.precision_strict - 0.5).abs() < 1e-12);
        assert!((s.recall_strict - 0.5).abs() < 1e-12);
    }

    #[test]
    fn empty_hypothesis_scores_zero() {
        let s = strict_lax(&[(vec![b(&[0], &[0])], vec![])]);
        assert_eq!(
            (s.precision_strict, s.recall_strict, s.f1_strict),
            (0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn ladder_scores_count_shared_rungs() {
        let gold = [(0, 0), (1, 1), (2, 2), (3, 3)];
        let test = [(0, 0), (1, 2), (2, 2), (3, 3), (2, 3)];
        let (p, r) = ladder_scores(&gold, &test);
        assert!((p - 3.0 / 5.0).abs() < 1e-12);
        assert!((r - 3.0 / 4.0).abs() < 1e-12);
    }
}
