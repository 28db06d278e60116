//! Magnitudes: scale words with no number before them (`per million`,
//! `Millionen Amerikaner`, `на миллиард`) and approximate quantities of a
//! thousand and more (`thousands`, `des milliards`), compared by order of
//! a thousand. A magnitude that nothing near it on the other side shares,
//! against one of another order in the same sentence link, is a scale
//! change; anything looser is left alone.

use super::{Cmp, Code, Difference, Group, in_paras, link_distance};
use crate::finding::Severity;
use crate::rules::numbers::extract::ApproxMention;

/// Order of a thousand: 1 for thousands (and 万), 2 for millions (and
/// 億 = 10⁸), 3 for billions.
fn triad(v: f64) -> i32 {
    (v.abs().max(1.0).log10() / 3.0 + 1e-9).floor() as i32
}

/// A magnitude of one side: a word, or a figure left unmatched.
#[derive(Clone, Copy)]
enum Item {
    Word(ApproxMention),
    Figure(usize),
}

impl Cmp<'_, '_> {
    /// Reports scale changes between magnitude words, or between a
    /// magnitude word and a scaled figure left over on the other side.
    pub(super) fn magnitudes(
        &self,
        g: &mut Group,
        sp: &[usize],
        tp: &[usize],
        out: &mut Vec<Difference>,
    ) {
        let words = |side: &super::Side<'_>, paras: &[usize]| {
            let mut v = in_paras(side, &side.x.bare_scales, paras, |d| d.start);
            v.extend(
                in_paras(side, &side.x.approx, paras, |d| d.start)
                    .into_iter()
                    .filter(|a| a.value >= 1e3),
            );
            v
        };
        let ws = words(self.src, sp);
        let wt = words(self.tgt, tp);
        if ws.is_empty() && wt.is_empty() {
            return;
        }
        let pos_s = |b: usize| self.src.pos_of_byte(b);
        let pos_t = |b: usize| self.tgt.pos_of_byte(b);
        // Words of the same order pair off one to one within a sentence
        // link; a word left is shared when a figure of its order, left
        // unmatched, stands in the same sentence link on the other side.
        let mut taken_t = vec![false; wt.len()];
        let mut paired_s = vec![false; ws.len()];
        for (a, w) in ws.iter().enumerate() {
            let p = pos_s(w.start);
            if let Some(b) = (0..wt.len()).find(|&b| {
                !taken_t[b]
                    && triad(wt[b].value) == triad(w.value)
                    && link_distance(p, pos_t(wt[b].start)) <= 1
            }) {
                taken_t[b] = true;
                paired_s[a] = true;
            }
        }
        let figure_near = |w: &ApproxMention, p: u32, figs: &[usize], src: bool| {
            let (side, pos): (&super::Side<'_>, &dyn Fn(usize) -> u32) = if src {
                (self.tgt, &pos_t)
            } else {
                (self.src, &pos_s)
            };
            figs.iter().any(|&i| {
                let m = &side.x.mentions[i];
                let t = triad(w.value);
                (triad(m.value) == t || fraction_of_scale(m) == Some(t))
                    && link_distance(p, pos(m.start)) == 0
            })
        };
        // Figures not matched to a figure of the other side (a figure
        // matched already accounts for its counterpart, not for a word).
        let free_s: Vec<usize> = g.ls.iter().chain(&g.us).copied().collect();
        let free_t: Vec<usize> = g.lt.iter().chain(&g.ut).copied().collect();
        let lone_s: Vec<Item> = ws
            .iter()
            .zip(&paired_s)
            .filter(|(w, paired)| !**paired && !figure_near(w, pos_s(w.start), &free_t, true))
            .map(|(w, _)| Item::Word(*w))
            .collect();
        let lone_t: Vec<Item> = wt
            .iter()
            .zip(&taken_t)
            .filter(|(w, paired)| !**paired && !figure_near(w, pos_t(w.start), &free_s, false))
            .map(|(w, _)| Item::Word(*w))
            .collect();
        if lone_s.is_empty() && lone_t.is_empty() {
            return;
        }
        // Scaled figures left over may stand against a lone word.
        let figures = |list: &[usize], side: &super::Side<'_>| -> Vec<Item> {
            list.iter()
                .filter(|&&i| side.x.mentions[i].scale > 1.0)
                .map(|&i| Item::Figure(i))
                .collect()
        };
        let (fs, ft) = (figures(&g.ls, self.src), figures(&g.lt, self.tgt));
        let info = |it: Item, src: bool| -> (usize, usize, f64, u32) {
            let side = if src { self.src } else { self.tgt };
            match it {
                Item::Word(w) => (w.start, w.end, w.value, side.pos_of_byte(w.start)),
                Item::Figure(i) => {
                    let m = &side.x.mentions[i];
                    (m.start, m.end, m.value, side.pos_of_byte(m.start))
                }
            }
        };
        let cand_s: Vec<Item> = lone_s.iter().copied().chain(fs).collect();
        let cand_t: Vec<Item> = lone_t.iter().copied().chain(ft).collect();
        let mut used_s = vec![false; cand_s.len()];
        let mut used_t = vec![false; cand_t.len()];
        for (a, &cs) in cand_s.iter().enumerate() {
            for (b, &ct) in cand_t.iter().enumerate() {
                // At least one side is a word; figures against figures are the
                // substitution's business.
                if used_s[a] || used_t[b] || matches!((cs, ct), (Item::Figure(_), Item::Figure(_)))
                {
                    continue;
                }
                let (s0, s1, sv, ps) = info(cs, true);
                let (t0, t1, tv, pt) = info(ct, false);
                // "eine halbe Milliarde" is of the billions' order too.
                let order = |it: Item, side: &super::Side<'_>| match it {
                    Item::Figure(i) => fraction_of_scale(&side.x.mentions[i]).unwrap_or(i32::MIN),
                    Item::Word(_) => i32::MIN,
                };
                if triad(sv) == triad(tv)
                    || order(cs, self.src) == triad(tv)
                    || order(ct, self.tgt) == triad(sv)
                    || link_distance(ps, pt) != 0
                {
                    continue;
                }
                used_s[a] = true;
                used_t[b] = true;
                let message = format!(
                    "scale changed: source has “{}” ({}) where the target has “{}” ({})",
                    self.src.text((s0, s1)),
                    order_name(sv),
                    self.tgt.text((t0, t1)),
                    order_name(tv)
                );
                out.push(Difference {
                    code: Code::Scale,
                    source: Some((s0, s1)),
                    target: (t0, t1),
                    source_paragraph: Some(self.src.paragraph_of(s0)),
                    target_paragraph: self.tgt.paragraph_of(t0),
                    message,
                    severity: Severity::Warning,
                    suggestion: None,
                });
                if let Item::Figure(i) = cs {
                    g.ls.retain(|&x| x != i);
                }
                if let Item::Figure(i) = ct {
                    g.lt.retain(|&x| x != i);
                }
            }
        }
    }
}

/// The order of the scale word of a fraction of it ("eine halbe
/// Milliarde", "0.5 billion" are of the billions' order); `None` for
/// whole multiples (100億 is of the billions' order by its value).
fn fraction_of_scale(m: &crate::rules::numbers::extract::Mention) -> Option<i32> {
    (m.scale > 1.0 && m.value.abs() < m.scale).then(|| triad(m.scale))
}

/// The order of a magnitude in words.
fn order_name(v: f64) -> &'static str {
    match triad(v) {
        i32::MIN..=0 => "units",
        1 => "thousands",
        2 => "millions",
        3 => "billions",
        4 => "trillions",
        _ => "more than trillions",
    }
}

#[cfg(test)]
mod tests {
    use super::triad;

    #[test]
    fn orders_of_a_thousand() {
        assert_eq!(triad(1e3), 1);
        assert_eq!(triad(1e4), 1);
        assert_eq!(triad(1e6), 2);
        assert_eq!(triad(1e8), 2);
        assert_eq!(triad(1e9), 3);
        assert_eq!(triad(999.0), 0);
    }
}
