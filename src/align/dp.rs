//! Banded dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 links with a
//! Gale-Church length cost and an anchor bonus.

use super::features::{Features, common};

/// The link shapes the aligner allows: (source units, target units).
pub const SHAPES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

/// Tuning of the cost function.
#[derive(Debug, Clone, Copy)]
pub struct CostModel {
    /// Expected target length per unit of source length.
    pub ratio: f64,
    /// Variance of the length difference per unit of length (Gale & Church
    /// measured 6.8 for characters).
    pub variance: f64,
    /// Prior probability of each shape, in [`SHAPES`] order.
    pub priors: [f64; 5],
    /// Extra cost of leaving a unit unlinked, on top of its prior.
    pub gap_penalty: f64,
    /// Weight of the anchor bonus (Dice coefficient of shared anchors).
    pub anchor_weight: f64,
    /// `-ln` of each prior, computed once.
    prior_costs: [f64; 5],
}

impl CostModel {
    /// The default model for a given length ratio.
    pub fn with_ratio(ratio: f64) -> CostModel {
        let priors = [0.89, 0.01, 0.01, 0.0445, 0.0445];
        CostModel {
            ratio,
            variance: 6.8,
            priors,
            gap_penalty: 0.0,
            anchor_weight: 6.0,
            prior_costs: priors.map(|p: f64| -p.ln()),
        }
    }

    /// `-ln` of the prior of shape `shape`.
    #[inline]
    pub fn prior_cost(&self, shape: usize) -> f64 {
        self.prior_costs[shape]
    }

    /// Cost of linking `src` units to `tgt` units (both possibly merged),
    /// and the link's score in [0, 1].
    pub fn cost(&self, shape: usize, src: &[Features], tgt: &[Features]) -> (f64, f64) {
        let prior = self.prior_cost(shape);
        let l1: f64 = src.iter().map(|f| f.len).sum();
        let l2: f64 = tgt.iter().map(|f| f.len).sum();
        if src.is_empty() || tgt.is_empty() {
            let len = l1 + l2;
            return (prior + self.gap_penalty + (1.0 + len / 200.0).ln(), 0.0);
        }
        let (p_len, len_cost) = length_cost(l1, l2, self.ratio, self.variance);
        let a1: usize = src.iter().map(|f| f.anchors.len()).sum();
        let a2: usize = tgt.iter().map(|f| f.anchors.len()).sum();
        let (anchor_cost, score) = if a1 + a2 == 0 {
            (0.0, p_len)
        } else {
            let mut shared = 0;
            for s in src {
                for t in tgt {
                    shared += common(&s.anchors, &t.anchors);
                }
            }
            let dice = ((2 * shared) as f64 / (a1 + a2) as f64).min(1.0);
            // Shared anchors are evidence for the link; their absence is
            // evidence against it once both sides have a few to share.
            let trust = (a1.min(a2) as f64 / 3.0).min(1.0);
            let expected = 0.35;
            let cost = if dice >= expected {
                -self.anchor_weight * (dice - expected)
            } else {
                self.anchor_weight * (expected - dice) * trust
            };
            (cost, 0.5 * p_len + 0.5 * dice)
        };
        (prior + len_cost + anchor_cost, score)
    }
}

/// The probability of a length pair (see [`length_probability`]) and its
/// negative logarithm; far from the expected length the logarithm comes
/// from the normal tail's asymptote, which avoids underflow.
pub fn length_cost(l1: f64, l2: f64, ratio: f64, variance: f64) -> (f64, f64) {
    if l1 == 0.0 && l2 == 0.0 {
        return (1.0, 0.0);
    }
    let mean = (l1 + l2 / ratio) / 2.0;
    let delta = ((l2 - l1 * ratio) / (mean.max(1.0) * variance).sqrt()).abs();
    if delta >= TAIL_MAX {
        // -ln(2 (1 - Φ(δ))) ≈ δ²/2 + ln δ + ln √(2π) - ln 2
        return (0.0, delta * delta / 2.0 + delta.ln() + 0.2258);
    }
    // Linear interpolation in a table of the two-sided tail and its log.
    let table = tail_table();
    let x = delta * TAIL_STEPS as f64 / TAIL_MAX;
    let k = (x as usize).min(TAIL_STEPS - 1);
    let f = x - k as f64;
    let (p0, c0) = table[k];
    let (p1, c1) = table[k + 1];
    (p0 + f * (p1 - p0), c0 + f * (c1 - c0))
}

/// Largest δ the tail table covers.
const TAIL_MAX: f64 = 6.0;

/// Table resolution: entries per [`TAIL_MAX`].
const TAIL_STEPS: usize = 1200;

/// `(2 (1 - Φ(δ)), -ln of it)` for δ = 0 … [`TAIL_MAX`].
fn tail_table() -> &'static [(f64, f64)] {
    static CELL: std::sync::OnceLock<Vec<(f64, f64)>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        (0..=TAIL_STEPS)
            .map(|k| {
                let d = k as f64 * TAIL_MAX / TAIL_STEPS as f64;
                let p = 2.0 * (1.0 - normal_cdf(d));
                (p, -p.max(1e-12).ln())
            })
            .collect()
    })
}

/// Gale-Church: the probability that a source of length `l1` and a target of
/// length `l2` are translations, given the expected ratio and variance.
pub fn length_probability(l1: f64, l2: f64, ratio: f64, variance: f64) -> f64 {
    if l1 == 0.0 && l2 == 0.0 {
        return 1.0;
    }
    let mean = (l1 + l2 / ratio) / 2.0;
    let delta = (l2 - l1 * ratio) / (mean.max(1.0) * variance).sqrt();
    2.0 * (1.0 - normal_cdf(delta.abs()))
}

/// Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17).
fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.2316419 * x.abs());
    let poly = t
        * (0.319381530
            + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    let pdf = (-x * x / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let p = 1.0 - pdf * poly;
    if x >= 0.0 { p } else { 1.0 - p }
}

/// One link of an alignment path: unit ranges on each side.
#[derive(Debug, Clone, PartialEq)]
pub struct PathLink {
    /// Source units `[start, end)`.
    pub source: (usize, usize),
    /// Target units `[start, end)`.
    pub target: (usize, usize),
    /// Link score in [0, 1].
    pub score: f64,
}

/// Initial half-width of the band around the diagonal.
pub const INITIAL_BAND: usize = 12;

/// Aligns two sequences of units. The search is restricted to a band around
/// the diagonal, widened and re-run whenever the best path touches its edge,
/// so the cost is linear in practice and exact where it matters.
pub fn align(src: &[Features], tgt: &[Features], model: &CostModel) -> Vec<PathLink> {
    let (n, m) = (src.len(), tgt.len());
    if n == 0 || m == 0 {
        let mut out = Vec::with_capacity(n + m);
        out.extend((0..n).map(|i| PathLink {
            source: (i, i + 1),
            target: (0, 0),
            score: 0.0,
        }));
        out.extend((0..m).map(|j| PathLink {
            source: (0, 0),
            target: (j, j + 1),
            score: 0.0,
        }));
        return out;
    }
    if n == 1 && m == 1 {
        // One unit each: a link, or two gaps when they do not match.
        let (cost, score) = model.cost(0, src, tgt);
        let gaps = model.cost(1, src, &[]).0 + model.cost(2, &[], tgt).0;
        if cost <= gaps {
            return vec![PathLink {
                source: (0, 1),
                target: (0, 1),
                score: (score * 1000.0).round() / 1000.0,
            }];
        }
        return align_gaps(1, 1);
    }
    let mut band = INITIAL_BAND;
    loop {
        let (path, touched) = banded(src, tgt, model, band);
        if !touched || band >= n.max(m) {
            return path;
        }
        band *= 2;
    }
}

#[derive(Clone, Copy)]
struct Cell {
    cost: f64,
    from: u8,
    score: f32,
}

const NONE: u8 = u8::MAX;

fn banded(
    src: &[Features],
    tgt: &[Features],
    model: &CostModel,
    band: usize,
) -> (Vec<PathLink>, bool) {
    let (n, m) = (src.len(), tgt.len());
    let center = |i: usize| -> usize { ((i as f64) * (m as f64) / (n as f64)).round() as usize };
    let lo = |i: usize| center(i).saturating_sub(band);
    let hi = |i: usize| (center(i) + band).min(m);
    let blank = Cell {
        cost: f64::INFINITY,
        from: NONE,
        score: 0.0,
    };
    // Rows of the band, stored one after another: row i starts at offset[i].
    let mut offset = Vec::with_capacity(n + 2);
    let mut total = 0;
    for i in 0..=n {
        offset.push(total);
        total += hi(i) - lo(i) + 1;
    }
    offset.push(total);
    let mut cells = vec![blank; total];
    for i in 0..=n {
        let (l, h) = (lo(i), hi(i));
        let (done, row) = cells.split_at_mut(offset[i]);
        let row = &mut row[..h - l + 1];
        for j in l..=h {
            if i == 0 && j == 0 {
                row[0].cost = 0.0;
                continue;
            }
            let mut best = blank;
            for (k, &(di, dj)) in SHAPES.iter().enumerate() {
                if di > i || dj > j {
                    continue;
                }
                let (pi, pj) = (i - di, j - dj);
                let prev = if pi == i {
                    if pj < l {
                        continue;
                    }
                    row[pj - l].cost
                } else {
                    let (pl, ph) = (lo(pi), hi(pi));
                    if pj < pl || pj > ph {
                        continue;
                    }
                    done[offset[pi] + pj - pl].cost
                };
                if !prev.is_finite() {
                    continue;
                }
                let (c, score) = model.cost(k, &src[pi..i], &tgt[pj..j]);
                if prev + c < best.cost {
                    best = Cell {
                        cost: prev + c,
                        from: k as u8,
                        score: score as f32,
                    };
                }
            }
            row[j - l] = best;
        }
    }
    // Backtrack.
    let mut path = Vec::new();
    let mut touched = false;
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (l, h) = (lo(i), hi(i));
        if (j == l && l > 0) || (j == h && h < m) {
            touched = true;
        }
        let cell = cells[offset[i] + j - l];
        if cell.from == NONE {
            // Unreachable inside the band: fall back to gaps (only when the
            // band is already the whole matrix would this be a bug).
            touched = true;
            break;
        }
        let (di, dj) = SHAPES[cell.from as usize];
        path.push(PathLink {
            source: (i - di, i),
            target: (j - dj, j),
            score: (f64::from(cell.score) * 1000.0).round() / 1000.0,
        });
        i -= di;
        j -= dj;
    }
    if i > 0 || j > 0 {
        return (align_gaps(n, m), true);
    }
    path.reverse();
    (path, touched)
}

/// The trivial path of gaps, used only when no path exists inside the band.
fn align_gaps(n: usize, m: usize) -> Vec<PathLink> {
    let mut out = Vec::new();
    out.extend((0..n).map(|i| PathLink {
        source: (i, i + 1),
        target: (0, 0),
        score: 0.0,
    }));
    out.extend((0..m).map(|j| PathLink {
        source: (0, 0),
        target: (j, j + 1),
        score: 0.0,
    }));
    out
}
