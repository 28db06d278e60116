//! Parsers for gold sentence alignments: Bleualign/Vecalign bead files
//! (`[1, 2]:[3]` per line) and hunalign ladders (`h e` rungs per line).

use super::align_score::{Bead, Rung};
use super::data::Malformed;

fn indices(s: &str) -> Option<Vec<usize>> {
    let inner = s.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner.split(',').map(|x| x.trim().parse().ok()).collect()
}

/// Parses a bead file: one `[source indices]:[target indices]` per line.
pub fn parse_beads(file: &str, text: &str, malformed: &mut Malformed) -> Vec<Bead> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = line
            .split_once("]:[")
            .and_then(|(a, b)| Some((indices(&format!("{a}]"))?, indices(&format!("[{b}"))?)));
        match parsed {
            Some((source, target)) => out.push(Bead { source, target }),
            None => malformed.add(file, i + 1, "not a `[..]:[..]` bead"),
        }
    }
    out
}

/// Parses a hunalign ladder: one `source_index target_index` rung per line.
pub fn parse_ladder(file: &str, text: &str, malformed: &mut Malformed) -> Vec<Rung> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace().map(str::parse::<usize>);
        match (parts.next(), parts.next()) {
            (Some(Ok(h)), Some(Ok(e))) => out.push((h, e)),
            _ => malformed.add(file, i + 1, "not a `source target` rung"),
        }
    }
    out
}

/// The beads between consecutive rungs (rung (h1, e1) then (h2, e2) is the
/// bead `h1..h2 : e1..e2`); repeated rungs give no bead.
pub fn ladder_to_beads(rungs: &[Rung]) -> Vec<Bead> {
    rungs
        .windows(2)
        .filter(|w| w[0] != w[1])
        .map(|w| Bead {
            source: (w[0].0..w[1].0).collect(),
            target: (w[0].1..w[1].1).collect(),
        })
        .collect()
}

/// The ladder of a sequence of beads: one rung where each bead starts, and
/// one at the end. A bead starts at its first indices; a side without
/// sentences starts where the previous bead ended on that side.
pub fn beads_to_ladder(beads: &[Bead]) -> Vec<Rung> {
    let mut pos = (0, 0);
    let mut out = Vec::with_capacity(beads.len() + 1);
    for b in beads {
        let start = (
            b.source.first().copied().unwrap_or(pos.0),
            b.target.first().copied().unwrap_or(pos.1),
        );
        out.push(start);
        pos = (
            b.source.last().map_or(start.0, |l| l + 1),
            b.target.last().map_or(start.1, |l| l + 1),
        );
    }
    out.push(pos);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(s: &[usize], t: &[usize]) -> Bead {
        Bead {
            source: s.to_vec(),
            target: t.to_vec(),
        }
    }

    #[test]
    fn parses_bead_lines() {
        let mut m = Malformed::default();
        let b = parse_beads(
            "g.defr",
            "[0]:[0, 1]\n[1, 2]:[]\n[]:[2]\n\nnonsense\n[x]:[1]\n",
            &mut m,
        );
        assert_eq!(
            b,
            vec![bead(&[0], &[0, 1]), bead(&[1, 2], &[]), bead(&[], &[2])]
        );
        assert_eq!(m.count, 2);
    }

    #[test]
    fn parses_ladders_and_converts() {
        let mut m = Malformed::default();
        let r = parse_ladder("hand.ladder", "0 0\n1 1\n3 2\n3 3\nbad\n", &mut m);
        assert_eq!(r, vec![(0, 0), (1, 1), (3, 2), (3, 3)]);
        assert_eq!(m.count, 1);
        let beads = ladder_to_beads(&r);
        assert_eq!(
            beads,
            vec![bead(&[0], &[0]), bead(&[1, 2], &[1]), bead(&[], &[2])]
        );
        assert_eq!(beads_to_ladder(&beads), r);
        // Gold beads that skip sentences still give rungs at their indices.
        let gapped = vec![bead(&[0], &[0]), bead(&[2], &[1])];
        assert_eq!(beads_to_ladder(&gapped), vec![(0, 0), (2, 1), (3, 2)]);
    }
}
