//! The comparison shared by the 2xx rules: the figures, dates and units of
//! each aligned paragraph group are matched (exact values, correct unit
//! conversions, roundings, approximate words, figures moved to a
//! neighbouring paragraph); what is left on both sides near the same
//! sentence is paired into substitutions, and each substitution is a
//! number, scale, date or unit difference.

use super::extract::{
    Convention, DateMention, DayWord, Extraction, Kind, Mention, Role, extract_with,
};
use super::units::{UnitModel, unit_model};
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, RuleMeta, SideContext, target_span};

mod magnitude;

/// Which rule a difference belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// WC201.
    Number,
    /// WC202.
    Scale,
    /// WC203.
    Date,
    /// WC204.
    Unit,
}

/// A difference between the two sides (or inside the target).
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The rule.
    pub code: Code,
    /// Source span.
    pub source: Option<(usize, usize)>,
    /// Target span.
    pub target: (usize, usize),
    /// Source paragraph.
    pub source_paragraph: Option<usize>,
    /// Target paragraph.
    pub target_paragraph: usize,
    /// The message.
    pub message: String,
    /// How sure.
    pub severity: Severity,
    /// Replacement, when mechanical.
    pub suggestion: Option<String>,
}

/// One side extracted, with each mention's sentence and link.
struct Side<'a> {
    cx: SideContext<'a>,
    x: Extraction,
    /// Global sentence index of each mention.
    sent: Vec<usize>,
    /// Position of each global sentence among the sentence links of its
    /// paragraph link (`u32::MAX` when unlinked).
    pos: Vec<u32>,
}

impl<'a> Side<'a> {
    fn new(cx: SideContext<'a>) -> Side<'a> {
        let side_lang = cx.lang();
        let conv = Convention::of(cx.text(), side_lang.map(|l| l.code()));
        let mut x = Extraction::default();
        for p in 0..cx.paragraph_count() {
            // A paragraph left in another language is read in that language.
            let lang = match cx.paragraph_langs.get(p).copied().flatten() {
                Some(d) if d.reliable && Some(d.lang) != side_lang => Some(d.lang),
                _ => side_lang,
            };
            let (start, _) = cx.paragraph_range(p);
            let px = extract_with(cx.paragraph(p), lang.map(|l| l.code()), conv);
            x.append_shifted(px, start);
        }
        let sents = &cx.units.sentences;
        let sent = x
            .mentions
            .iter()
            .map(|m| sentence_of(sents, m.start))
            .collect();
        Side {
            cx,
            x,
            sent,
            pos: vec![u32::MAX; sents.len()],
        }
    }

    fn paragraph_of(&self, byte: usize) -> usize {
        let s = &self.cx.units.sentences;
        s.get(sentence_of(s, byte)).map_or(0, |s| s.paragraph)
    }

    fn pos_of_byte(&self, byte: usize) -> u32 {
        self.pos
            .get(sentence_of(&self.cx.units.sentences, byte))
            .copied()
            .unwrap_or(u32::MAX)
    }

    fn text(&self, span: (usize, usize)) -> &'a str {
        self.cx.text().get(span.0..span.1).unwrap_or("")
    }
}

fn sentence_of(sents: &[crate::segment::Sentence], byte: usize) -> usize {
    sents
        .partition_point(|s| s.end <= byte)
        .min(sents.len().saturating_sub(1))
}

/// The differences of a document, computed once and shared by the four
/// rules of the group through the context's memo.
struct Differences(Vec<Difference>);

/// Runs the comparison (once per document) and appends the findings of one
/// rule.
pub fn report(cx: &PairContext<'_>, code: Code, meta: &'static RuleMeta, out: &mut Vec<Finding>) {
    let shared = cx.memo.get_or_insert(|| Differences(analyze(cx)));
    for d in shared.0.iter().filter(|d| d.code == code) {
        let d = d.clone();
        let mut f = meta.finding(target_span(d.target.0, d.target.1), d.message);
        f.severity = d.severity;
        f.source_paragraph = d.source_paragraph;
        f.target_paragraph = Some(d.target_paragraph);
        f.source_evidence = d.source;
        f.target_evidence = Some(d.target);
        f.suggestion = d.suggestion;
        out.push(f);
    }
}

/// The differences of a document, for every rule of the group.
pub fn analyze(cx: &PairContext<'_>) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut tgt = Side::new(cx.target);
    let Some((src_cx, al)) = cx.pair() else {
        weekday_contradictions(&tgt, None, &mut out);
        return out;
    };
    let mut src = Side::new(src_cx);
    // Sentence positions and the paragraph link of each paragraph.
    let mut link_of_src = vec![usize::MAX; src.cx.paragraph_count()];
    let mut link_of_tgt = vec![usize::MAX; tgt.cx.paragraph_count()];
    for (k, link) in al.paragraphs.iter().enumerate() {
        for &p in &link.source {
            link_of_src[p] = k;
        }
        for &p in &link.target {
            link_of_tgt[p] = k;
        }
        for (pos, sl) in al.sentences[k].iter().enumerate() {
            for &s in &sl.source {
                src.pos[s] = pos as u32;
            }
            for &t in &sl.target {
                tgt.pos[t] = pos as u32;
            }
        }
    }
    let mut groups: Vec<Group> = al
        .paragraphs
        .iter()
        .map(|l| Group {
            live: !l.source.is_empty() && !l.target.is_empty(),
            sp: l.source.clone(),
            tp: l.target.clone(),
            ..Group::default()
        })
        .collect();
    for (i, m) in src.x.mentions.iter().enumerate() {
        let k = link_of_src
            .get(src.paragraph_of(m.start))
            .copied()
            .unwrap_or(usize::MAX);
        if let Some(g) = groups.get_mut(k) {
            g.add(i, m, true);
        }
    }
    for (i, m) in tgt.x.mentions.iter().enumerate() {
        let k = link_of_tgt
            .get(tgt.paragraph_of(m.start))
            .copied()
            .unwrap_or(usize::MAX);
        if let Some(g) = groups.get_mut(k) {
            g.add(i, m, false);
        }
    }
    let um = unit_model();
    let cmp = Cmp {
        src: &src,
        tgt: &tgt,
        um,
    };
    for (k, g) in groups.iter_mut().enumerate() {
        if g.live {
            let link = &al.paragraphs[k];
            cmp.dates(g, &link.source, &link.target, &mut out);
            cmp.match_pass(g, 1, &mut out);
            cmp.substitute(g, 0, &mut out);
            cmp.match_pass(g, u32::MAX, &mut out);
            cmp.magnitudes(g, &link.source, &link.target, &mut out);
        }
    }
    // Figures moved to a neighbouring paragraph group.
    for k in 0..groups.len() {
        for nb in [k.wrapping_sub(1), k + 1] {
            if nb >= groups.len() || !groups[k].live || !groups[nb].live {
                continue;
            }
            let mut ls = std::mem::take(&mut groups[k].ls);
            ls.retain(|&s| {
                let ms = &src.x.mentions[s];
                let found = groups[nb].lt.iter().position(|&t| {
                    let mt = &tgt.x.mentions[t];
                    equal(ms, mt) || equal_reading(ms, mt)
                });
                found.map(|p| groups[nb].lt.remove(p)).is_none()
            });
            groups[k].ls = ls;
        }
    }
    for g in groups.iter_mut().filter(|g| g.live) {
        // Beyond the sentence: only a single figure left on each side.
        let raisable = |list: &[usize], side: &Side<'_>| {
            list.iter().filter(|&&i| !side.x.mentions[i].weak).count()
        };
        if raisable(&g.ls, &src) == 1 && raisable(&g.lt, &tgt) == 1 {
            cmp.substitute(g, u32::MAX, &mut out);
        }
    }
    weekday_contradictions(&tgt, Some(&src), &mut out);
    out
}

/// The figures of one paragraph link still to be matched.
#[derive(Debug, Default)]
struct Group {
    live: bool,
    /// The paragraphs of the link on each side.
    sp: Vec<usize>,
    tp: Vec<usize>,
    /// Certain figures left on each side.
    ls: Vec<usize>,
    lt: Vec<usize>,
    /// Uncertain readings (articles, "elf"): they explain, never match.
    us: Vec<usize>,
    ut: Vec<usize>,
    /// Every figure of each side, matched or not.
    every_s: Vec<usize>,
    every_t: Vec<usize>,
}

impl Group {
    fn add(&mut self, i: usize, m: &Mention, source: bool) {
        if m.role == Role::Month {
            return;
        }
        if source {
            self.every_s.push(i);
        } else {
            self.every_t.push(i);
        }
        let list = match (source, m.certain) {
            (true, true) => &mut self.ls,
            (false, true) => &mut self.lt,
            (true, false) => &mut self.us,
            (false, false) => &mut self.ut,
        };
        list.push(i);
    }
}

/// Both sides and the unit model.
struct Cmp<'s, 'a> {
    src: &'s Side<'a>,
    tgt: &'s Side<'a>,
    um: &'static UnitModel,
}

/// True when two mentions state the same value (the kinds allow it).
fn equal(a: &Mention, b: &Mention) -> bool {
    kinds_agree(a, b) && same(a.value, b.value)
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-9)
}

fn kinds_agree(a: &Mention, b: &Mention) -> bool {
    let pct = |m: &Mention, k: Kind| m.kind_sure && m.kind == k;
    !((pct(a, Kind::Percent) && pct(b, Kind::Point))
        || (pct(a, Kind::Point) && pct(b, Kind::Percent)))
}

/// Other readings under which two mentions agree: an ambiguous form's
/// other value, a two-digit year or decade (`'21`, `90-х` against 1990).
fn equal_reading(a: &Mention, b: &Mention) -> bool {
    if !kinds_agree(a, b) {
        return false;
    }
    // '21, 90-х, 69年 (Shōwa or 1869): a two-digit year against a full one.
    let short_year = |s: &Mention, l: &Mention| {
        s.value.fract() == 0.0
            && (0.0..100.0).contains(&s.value)
            && s.scale == 1.0
            && l.value.fract() == 0.0
            && (1800.0..2100.0).contains(&l.value)
            && (l.value % 100.0 - s.value).abs() < 0.5
    };
    if short_year(a, b) || short_year(b, a) {
        return true;
    }
    // 1900s against "20. Jahrhundert": a year and its century.
    let century = |y: &Mention, c: &Mention| {
        y.value.fract() == 0.0
            && (1000.0..3000.0).contains(&y.value)
            && same((y.value / 100.0).floor() + 1.0, c.value)
    };
    if century(a, b) || century(b, a) {
        return true;
    }
    // 9pm against "9 Uhr abends": an hour on either clock.
    let clock =
        |c: &Mention, o: &Mention| c.clock && c.value >= 12.0 && same(c.value - 12.0, o.value);
    if clock(a, b) || clock(b, a) {
        return true;
    }
    let reads = |m: &Mention| [m.value, m.alt.unwrap_or(f64::NAN)];
    let (ra, rb) = (reads(a), reads(b));
    ra.iter().any(|x| rb.iter().any(|y| same(*x, *y)))
}

/// The target `b` is the source `a` rounded (with a scale word, to a
/// decimal, or at 10,000 and more), within 5 %.
fn rounded(a: &Mention, b: &Mention) -> bool {
    if !kinds_agree(a, b) || b.ulp <= a.ulp * 1.000001 {
        return false;
    }
    let coarse_ok = b.scale > 1.0 || b.value.abs() >= 10_000.0 || b.ulp < 1.0;
    coarse_ok
        && (a.value - b.value).abs() <= 0.5 * b.ulp * 1.000001
        && (a.value - b.value).abs() <= 0.05 * a.value.abs().max(b.value.abs())
}

impl Cmp<'_, '_> {
    fn ms(&self, i: usize) -> &Mention {
        &self.src.x.mentions[i]
    }

    fn mt(&self, i: usize) -> &Mention {
        &self.tgt.x.mentions[i]
    }

    fn pos_s(&self, i: usize) -> u32 {
        self.src
            .pos
            .get(self.src.sent[i])
            .copied()
            .unwrap_or(u32::MAX)
    }

    fn pos_t(&self, i: usize) -> u32 {
        self.tgt
            .pos
            .get(self.tgt.sent[i])
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// Distance in sentence links (0 when a side is unlinked).
    fn distance(&self, s: usize, t: usize) -> u32 {
        let (a, b) = (self.pos_s(s), self.pos_t(t));
        if a == u32::MAX || b == u32::MAX {
            0
        } else {
            a.abs_diff(b)
        }
    }

    /// Matches what is left of a group, nearest sentences first: equal
    /// values, correct conversions, roundings, other readings.
    fn match_pass(&self, g: &mut Group, max_dist: u32, out: &mut Vec<Difference>) {
        for pass in 0..4 {
            let mut pairs = Vec::new();
            for (a, &s) in g.ls.iter().enumerate() {
                for (b, &t) in g.lt.iter().enumerate() {
                    let d = self.distance(s, t);
                    if d > max_dist {
                        continue;
                    }
                    let (ms, mt) = (self.ms(s), self.mt(t));
                    let ok = match pass {
                        0 => equal(ms, mt),
                        1 => match (ms.unit, mt.unit) {
                            (Some(us), Some(ut)) if !self.um.overlap(us, ut) => {
                                self.um.consistent(us, ms.value, ut, mt.value, mt.ulp)
                                    || self.um.consistent(ut, mt.value, us, ms.value, ms.ulp)
                            }
                            _ => false,
                        },
                        2 => rounded(ms, mt),
                        _ => equal_reading(ms, mt),
                    };
                    if ok {
                        let role_gap =
                            u32::from((ms.role == Role::Code) != (mt.role == Role::Code));
                        pairs.push((role_gap, d, a, b));
                    }
                }
            }
            if pairs.is_empty() {
                continue;
            }
            pairs.sort_unstable();
            let (mut used_s, mut used_t) = (vec![false; g.ls.len()], vec![false; g.lt.len()]);
            for &(_, _, a, b) in &pairs {
                if used_s[a] || used_t[b] {
                    continue;
                }
                used_s[a] = true;
                used_t[b] = true;
                if pass == 0 {
                    self.unit_check(g.ls[a], g.lt[b], out);
                }
            }
            retain_unused(&mut g.ls, &used_s);
            retain_unused(&mut g.lt, &used_t);
        }
    }

    /// Equal values with currencies or units that cannot both be right.
    fn unit_check(&self, s: usize, t: usize, out: &mut Vec<Difference>) {
        let (ms, mt) = (self.ms(s), self.mt(t));
        let (Some(us), Some(ut)) = (ms.unit, mt.unit) else {
            return;
        };
        let um = self.um;
        if um.overlap(us, ut) || !um.comparable(us, ut) {
            return;
        }
        if um.consistent(us, ms.value, ut, mt.value, mt.ulp)
            || um.consistent(ut, mt.value, us, ms.value, ms.ulp)
        {
            return;
        }
        let what = if um.is_currency(us) && um.is_currency(ut) {
            "currency"
        } else {
            "unit"
        };
        let message = format!(
            "{what} changed: source has “{}” ({}) where the target has “{}” ({})",
            self.src.text((ms.start, ms.end)),
            unit_name(um, us),
            self.tgt.text((mt.start, mt.end)),
            unit_name(um, ut),
        );
        out.push(self.difference(Code::Unit, s, t, message, Severity::Error));
    }

    /// Two different scale words of different orders on a pair of figures
    /// whose digits changed too.
    fn scale_word_check(&self, s: usize, t: usize, severity: Severity, out: &mut Vec<Difference>) {
        let (ms, mt) = (self.ms(s), self.mt(t));
        // Off by more than the changed digits can make (45億 against 3.5
        // billion is a changed figure under another scale word, no more).
        let off = (mt.value / ms.value).abs().log10().abs();
        if ms.scale <= 1.0
            || mt.scale <= 1.0
            || same(ms.scale, mt.scale)
            || ms.scale_doubt
            || mt.scale_doubt
            || off.is_nan()
            || off <= 1.5
        {
            return;
        }
        let message = format!(
            "scale changed: source has “{}” ({}) where the target has “{}” ({})",
            self.src.text((ms.start, ms.end)),
            fmt_scaled(ms.scale).trim_start_matches("1 "),
            self.tgt.text((mt.start, mt.end)),
            fmt_scaled(mt.scale).trim_start_matches("1 "),
        );
        out.push(self.difference(Code::Scale, s, t, message, severity));
    }

    /// Two currencies that cannot both be right on a pair of figures of
    /// different values (a scale change).
    fn currency_check(&self, s: usize, t: usize, out: &mut Vec<Difference>) {
        let (ms, mt) = (self.ms(s), self.mt(t));
        let um = self.um;
        if let (Some(us), Some(ut)) = (ms.unit, mt.unit)
            && um.is_currency(us)
            && um.is_currency(ut)
            && !um.overlap(us, ut)
            && um.comparable(us, ut)
        {
            let message = format!(
                "currency changed: source has “{}” ({}) where the target has “{}” ({})",
                self.src.text((ms.start, ms.end)),
                unit_name(um, us),
                self.tgt.text((mt.start, mt.end)),
                unit_name(um, ut),
            );
            out.push(self.difference(Code::Unit, s, t, message, Severity::Error));
        }
    }

    fn difference(
        &self,
        code: Code,
        s: usize,
        t: usize,
        message: String,
        severity: Severity,
    ) -> Difference {
        let (ms, mt) = (self.ms(s), self.mt(t));
        Difference {
            code,
            source: Some((ms.start, ms.end)),
            target: (mt.start, mt.end),
            source_paragraph: Some(self.src.paragraph_of(ms.start)),
            target_paragraph: self.tgt.paragraph_of(mt.start),
            message,
            severity,
            suggestion: None,
        }
    }

    /// True when a leftover is accounted for by the other side: an
    /// approximate word in range, a month name, or an uncertain reading of
    /// the same value (an article for 1, "beide" for 2).
    fn explained(&self, i: usize, source: bool, g: &Group) -> bool {
        let (side, other, uncertain, paras) = if source {
            (self.src, self.tgt, &g.ut, &g.tp)
        } else {
            (self.tgt, self.src, &g.us, &g.sp)
        };
        // Only words of the same paragraph link explain (sentence positions
        // count within a link).
        let here = |byte: usize| paras.contains(&other.paragraph_of(byte));
        let m = &side.x.mentions[i];
        let pos = side.pos.get(side.sent[i]).copied().unwrap_or(u32::MAX);
        let near = |p: u32| pos == u32::MAX || p == u32::MAX || pos.abs_diff(p) <= 1;
        let v = m.value.abs();
        let x = &other.x;
        let year_like =
            m.value.fract() == 0.0 && (1000.0..2100.0).contains(&m.value) && m.scale == 1.0;
        if !year_like
            && x.approx.iter().any(|a| {
                let fits = if a.vague {
                    v >= a.value && v < a.value * 10.0
                } else {
                    v >= 0.5 * a.value && v <= 2.0 * a.value
                };
                fits && here(a.start) && near(other.pos_of_byte(a.start))
            })
        {
            return true;
        }
        if m.value.fract() == 0.0
            && (1.0..=12.0).contains(&m.value)
            && x.dates
                .iter()
                .any(|d| d.month == Some(m.value as u8) && here(d.start))
        {
            return true;
        }
        uncertain.iter().any(|&u| {
            let o = &x.mentions[u];
            let p = other.pos.get(other.sent[u]).copied().unwrap_or(u32::MAX);
            (equal(m, o) || equal_reading(m, o)) && near(p)
        })
    }

    /// How sure a substitution is: `None` when it is no substitution at
    /// all, `Some(true)` when it is worth a warning or an error, `Some(false)`
    /// when it is only worth a look (info).
    fn confidence(
        &self,
        g: &Group,
        (s, sc): (usize, bool),
        (t, tc): (usize, bool),
        cand_s: &[(usize, bool)],
        cand_t: &[(usize, bool)],
    ) -> Option<bool> {
        let (ms, mt) = (self.ms(s), self.mt(t));
        let (ta, tb) = (
            self.src.text((ms.start, ms.end)),
            self.tgt.text((mt.start, mt.end)),
        );
        if !substitutable(ms, mt, ta, tb) {
            return None;
        }
        let es = self.explained(s, true, g);
        let et = self.explained(t, false, g);
        // Both figures accounted for otherwise; or an uncertain partner while
        // the certain figure is accounted for.
        let accounted = (es && (et || !tc)) || (et && !sc);
        if accounted {
            return None;
        }
        let d = self.distance(s, t);
        let code_vs_figure = (ms.role == Role::Code) != (mt.role == Role::Code);
        if code_vs_figure && ((ms.role != Role::Code && es) || (mt.role != Role::Code && et)) {
            return None;
        }
        let mut sure = true;
        // Beyond the sentence, only figures in digits that nothing else
        // accounts for.
        if d > 0 && (es || et || !sc || !tc || ms.spelled || mt.spelled) {
            return None;
        }
        // The same count under another scale word ("zehn Millionen" against
        // "dix milliards", "eine Milliarde" against "un million"): as certain
        // as between figures, whatever the words.
        let ratio10 = (mt.value / ms.value).abs().log10();
        let scale_change = (ms.scale > 1.0 || mt.scale > 1.0)
            && ratio10.is_finite()
            && ratio10.round() != 0.0
            && (ratio10 - ratio10.round()).abs() < 1e-6;
        // A number word against a figure of another order ("four" against
        // "sto", "two" against 20): more likely a restatement; not between
        // two single-digit counts ("two" against 9).
        let single_digits = ms.value.abs() < 10.0 && mt.value.abs() < 10.0;
        if (ms.spelled || mt.spelled)
            && !scale_change
            && !single_digits
            && (mt.value / ms.value).abs().log10().abs() > 0.5
        {
            sure = false;
        }
        // Codes of different lengths (WR417H against WR4I7H).
        if ms.role == Role::Code && mt.role == Role::Code {
            let digits = |v: f64| format!("{}", v.abs().trunc()).len();
            sure &= digits(ms.value) == digits(mt.value);
        }
        // A code (COVID-19) against a plain figure, unless both are single
        // digits (Formel-1 against Formule 9).
        sure &= !code_vs_figure || (ms.value.abs() < 10.0 && mt.value.abs() < 10.0);
        // One figure accounted for otherwise, in a sentence with more figures
        // left or in words: more likely restated than changed.
        if es != et {
            let crowded = |list: &[(usize, bool)], pos: &dyn Fn(usize) -> u32, p: u32| {
                list.iter()
                    .filter(|c| c.1 && link_distance(pos(c.0), p) == 0)
                    .count()
                    > 1
            };
            sure &= !(crowded(cand_s, &|i| self.pos_s(i), self.pos_s(s))
                || crowded(cand_t, &|i| self.pos_t(i), self.pos_t(t))
                || ((ms.spelled || mt.spelled) && !scale_change));
        }
        Some(sure)
    }

    /// Reports what is left on both sides within `max_dist` sentence links
    /// as substitutions.
    fn substitute(&self, g: &mut Group, max_dist: u32, out: &mut Vec<Difference>) {
        // Candidate partners: certain leftovers, and uncertain readings that
        // may stand in for a small count ("elf").
        let cand_t: Vec<(usize, bool)> =
            g.lt.iter()
                .map(|&t| (t, true))
                .chain(g.ut.iter().map(|&t| (t, false)))
                .collect();
        let cand_s: Vec<(usize, bool)> =
            g.ls.iter()
                .map(|&s| (s, true))
                .chain(g.us.iter().map(|&s| (s, false)))
                .collect();
        let mut pairs = Vec::new();
        for (a, &cs) in cand_s.iter().enumerate() {
            for (b, &ct) in cand_t.iter().enumerate() {
                if (!cs.1 && !ct.1) || self.distance(cs.0, ct.0) > max_dist {
                    continue;
                }
                let Some(sure) = self.confidence(g, cs, ct, &cand_s, &cand_t) else {
                    continue;
                };
                let (ms, mt) = (self.ms(cs.0), self.mt(ct.0));
                let ratio = (ms.value.abs().max(1e-9) / mt.value.abs().max(1e-9))
                    .ln()
                    .abs();
                let d = self.distance(cs.0, ct.0);
                pairs.push((
                    d,
                    u32::from(!sure),
                    u32::from(!(cs.1 && ct.1)),
                    (ratio * 1000.0) as u64,
                    a,
                    b,
                ));
            }
        }
        pairs.sort_unstable();
        let (mut used_s, mut used_t) = (vec![false; cand_s.len()], vec![false; cand_t.len()]);
        for &(_, unsure, _, _, a, b) in &pairs {
            if used_s[a] || used_t[b] {
                continue;
            }
            used_s[a] = true;
            used_t[b] = true;
            let mut d = self.classify(cand_s[a].0, cand_t[b].0);
            if unsure == 1 {
                d.severity = Severity::Info;
            }
            let scale = d.code == Code::Scale && d.severity > Severity::Info;
            let number = d.code == Code::Number && d.severity > Severity::Info;
            let sev = d.severity;
            out.push(d);
            if number {
                // "85 million" against "45 Milliarden": the scale word changed
                // too, a second defect.
                self.scale_word_check(cand_s[a].0, cand_t[b].0, sev, out);
            }
            if scale {
                // "£1.8 billion" against "1,8 Millionen Euro": the currency
                // changed as well as the scale.
                self.currency_check(cand_s[a].0, cand_t[b].0, out);
            }
        }
        let gone_s: Vec<usize> = cand_s
            .iter()
            .zip(&used_s)
            .filter(|(_, u)| **u)
            .map(|(c, _)| c.0)
            .collect();
        let gone_t: Vec<usize> = cand_t
            .iter()
            .zip(&used_t)
            .filter(|(_, u)| **u)
            .map(|(c, _)| c.0)
            .collect();
        for list in [&mut g.ls, &mut g.us] {
            list.retain(|s| !gone_s.contains(s));
        }
        for list in [&mut g.lt, &mut g.ut] {
            list.retain(|t| !gone_t.contains(t));
        }
    }

    /// A substitution as a number, scale or unit difference.
    fn classify(&self, s: usize, t: usize) -> Difference {
        let (ms, mt) = (self.ms(s), self.mt(t));
        let st = self.src.text((ms.start, ms.end));
        let tt = self.tgt.text((mt.start, mt.end));
        let um = self.um;
        let scaled = ms.scale > 1.0 || mt.scale > 1.0 || ms.scale_doubt || mt.scale_doubt;
        let ratio = (mt.value / ms.value).abs().log10();
        if scaled
            && ratio.is_finite()
            && ratio.round() != 0.0
            && (ratio - ratio.round()).abs() < 1e-6
        {
            let message = format!(
                "scale changed: source has “{st}” ({}) where the target has “{tt}” ({})",
                fmt_scaled(ms.value),
                fmt_scaled(mt.value)
            );
            return self.difference(Code::Scale, s, t, message, Severity::Error);
        }
        if let (Some(us), Some(ut)) = (ms.unit, mt.unit)
            && !um.overlap(us, ut)
            && um.comparable(us, ut)
        {
            let message = if um.is_currency(us) {
                format!(
                    "currency and amount changed: source has “{st}” ({}) where the target has “{tt}” ({})",
                    unit_name(um, us),
                    unit_name(um, ut)
                )
            } else {
                format!("wrong conversion: source has “{st}” where the target has “{tt}”")
            };
            return self.difference(Code::Unit, s, t, message, Severity::Error);
        }
        let strong = |m: &Mention| {
            m.certain && !m.spelled && matches!(m.role, Role::Number | Role::Day | Role::Year)
        };
        let severity = if strong(ms) && strong(mt) {
            Severity::Error
        } else {
            Severity::Warning
        };
        let message = format!(
            "source has “{st}”{} where the target has “{tt}”{}",
            shown(st, ms),
            shown(tt, mt)
        );
        self.difference(Code::Number, s, t, message, severity)
    }

    /// Dates, weekdays and relative days of the group. Day and year figures
    /// of dates reported here leave the number comparison.
    fn dates(&self, g: &mut Group, sp: &[usize], tp: &[usize], out: &mut Vec<Difference>) {
        let src_dates: Vec<DateMention> = in_paras(self.src, &self.src.x.dates, sp, |d| d.start)
            .into_iter()
            .filter(|d| d.month.is_some())
            .collect();
        let tgt_dates: Vec<DateMention> = in_paras(self.tgt, &self.tgt.x.dates, tp, |d| d.start)
            .into_iter()
            .filter(|d| d.month.is_some())
            .collect();
        let ps: Vec<u32> = src_dates
            .iter()
            .map(|d| self.src.pos_of_byte(d.start))
            .collect();
        let pt: Vec<u32> = tgt_dates
            .iter()
            .map(|d| self.tgt.pos_of_byte(d.start))
            .collect();
        let readings = |d: &DateMention| {
            let mut r = vec![(d.day, d.month)];
            if let Some((day, m)) = d.alt {
                r.push((Some(day), Some(m)));
            }
            r
        };
        let agree = |a: &DateMention, b: &DateMention, strict: bool| {
            readings(a).iter().any(|ra| {
                readings(b)
                    .iter()
                    .any(|rb| ra.1 == rb.1 && (ra.0 == rb.0 || !strict))
            })
        };
        let mut ls: Vec<usize> = (0..src_dates.len()).collect();
        let mut lt: Vec<usize> = (0..tgt_dates.len()).collect();
        let mut removed_s = Vec::new();
        let mut removed_t = Vec::new();
        // Dates of the same month agree here, nearest first; a different day
        // is left to the number comparison ("26 and 27 November").
        for strict in [true, false] {
            for (a, b) in match_nearest(&ls, &lt, &ps, &pt, |a, b| {
                agree(&src_dates[a], &tgt_dates[b], strict)
            }) {
                let (x, y) = (&src_dates[a], &tgt_dates[b]);
                // Same day and month, another year (an era year off by one).
                if let (true, Some(ya), Some(yb), Some(_)) = (strict, x.year, y.year, x.day)
                    && ya != yb
                {
                    let msg = format!(
                        "year changed: source has “{}” ({}) where the target has “{}” ({})",
                        self.src.text((x.start, x.end)),
                        fmt_date(x),
                        self.tgt.text((y.start, y.end)),
                        fmt_date(y)
                    );
                    out.push(self.span_difference(
                        (x.start, x.end),
                        (y.start, y.end),
                        msg,
                        Severity::Error,
                        None,
                    ));
                    removed_s.push((x.start, x.end));
                    removed_t.push((y.start, y.end));
                }
                ls.retain(|&i| i != a);
                lt.retain(|&i| i != b);
            }
        }
        // A month name that is also a word ("fin mars") accounts for a date
        // of that month on the other side.
        let um_s = in_paras(self.src, &self.src.x.uncertain_months, sp, |d| d.start);
        let um_t = in_paras(self.tgt, &self.tgt.x.uncertain_months, tp, |d| d.start);
        ls.retain(|&i| {
            !um_t
                .iter()
                .any(|u| Some(u.value as u8) == src_dates[i].month)
        });
        lt.retain(|&i| {
            !um_s
                .iter()
                .any(|u| Some(u.value as u8) == tgt_dates[i].month)
        });
        // What is left: a month changed (and maybe the day with it).
        for (a, b) in pair_leftovers(&ls, &lt, &ps, &pt) {
            let (x, y) = (src_dates[a], tgt_dates[b]);
            let msg = format!(
                "source has “{}” ({}) where the target has “{}” ({})",
                self.src.text((x.start, x.end)),
                fmt_date(&x),
                self.tgt.text((y.start, y.end)),
                fmt_date(&y)
            );
            let suggestion = if y.day == x.day {
                x.month.and_then(|m| month_form(self.tgt, m))
            } else {
                None
            };
            out.push(self.span_difference(
                (x.start, x.end),
                (y.start, y.end),
                msg,
                Severity::Error,
                suggestion,
            ));
            removed_s.push((x.start, x.end));
            removed_t.push((y.start, y.end));
        }
        // A certain month against an uncertain one of another value.
        let (ls2, lt2): (Vec<usize>, Vec<usize>) = (ls, lt);
        let left_s: Vec<usize> = ls2
            .into_iter()
            .filter(|i| !removed_s.contains(&(src_dates[*i].start, src_dates[*i].end)))
            .collect();
        let left_t: Vec<usize> = lt2
            .into_iter()
            .filter(|i| !removed_t.contains(&(tgt_dates[*i].start, tgt_dates[*i].end)))
            .collect();
        if left_s.is_empty() && left_t.len() == 1 && um_s.len() == 1 {
            let (u, y) = (um_s[0], tgt_dates[left_t[0]]);
            let msg = format!(
                "source has “{}” ({}) where the target has “{}” ({})",
                self.src.text((u.start, u.end)),
                month_name(u.value),
                self.tgt.text((y.start, y.end)),
                fmt_date(&y)
            );
            out.push(self.span_difference(
                (u.start, u.end),
                (y.start, y.end),
                msg,
                Severity::Warning,
                None,
            ));
        } else if left_t.is_empty() && left_s.len() == 1 && um_t.len() == 1 {
            let (x, u) = (src_dates[left_s[0]], um_t[0]);
            let msg = format!(
                "source has “{}” ({}) where the target has “{}” ({})",
                self.src.text((x.start, x.end)),
                fmt_date(&x),
                self.tgt.text((u.start, u.end)),
                month_name(u.value)
            );
            out.push(self.span_difference(
                (x.start, x.end),
                (u.start, u.end),
                msg,
                Severity::Warning,
                month_form(self.tgt, x.month.unwrap_or(1)),
            ));
        }
        // Day and year figures of reported dates leave the number pool.
        let inside = |m: &Mention, spans: &[(usize, usize)]| {
            matches!(m.role, Role::Day | Role::Year)
                && spans.iter().any(|&(a, b)| m.start >= a && m.end <= b)
        };
        let (src, tgt) = (self.src, self.tgt);
        g.ls.retain(|&i| !inside(&src.x.mentions[i], &removed_s));
        g.lt.retain(|&i| !inside(&tgt.x.mentions[i], &removed_t));
        self.day_words(sp, tp, true, out);
        self.day_words(sp, tp, false, out);
    }

    fn day_words(&self, sp: &[usize], tp: &[usize], weekdays: bool, out: &mut Vec<Difference>) {
        fn pick(x: &Extraction, weekdays: bool) -> &[DayWord] {
            if weekdays { &x.weekdays } else { &x.relative }
        }
        let sw: Vec<DayWord> = in_paras(self.src, pick(&self.src.x, weekdays), sp, |d| d.start);
        let tw: Vec<DayWord> = in_paras(self.tgt, pick(&self.tgt.x, weekdays), tp, |d| d.start);
        let ps: Vec<u32> = sw.iter().map(|d| self.src.pos_of_byte(d.start)).collect();
        let pt: Vec<u32> = tw.iter().map(|d| self.tgt.pos_of_byte(d.start)).collect();
        let mut ls: Vec<usize> = (0..sw.len()).collect();
        let mut lt: Vec<usize> = (0..tw.len()).collect();
        for (a, b) in match_nearest(&ls, &lt, &ps, &pt, |a, b| sw[a].value == tw[b].value) {
            ls.retain(|&i| i != a);
            lt.retain(|&i| i != b);
        }
        if weekdays {
            // A weekday form that is also a word (周日) accounts for the same
            // weekday on the other side.
            // Not when that side has a certain weekday left that the other
            // side never names: "So war am Dienstag" is no Sunday against
            // "dimanche" (a repeated weekday, 周六 twice, does not count).
            let us = in_paras(self.src, &self.src.x.uncertain_weekdays, sp, |d| d.start);
            let ut = in_paras(self.tgt, &self.tgt.x.uncertain_weekdays, tp, |d| d.start);
            let s_left = ls
                .iter()
                .any(|&i| !tw.iter().any(|t| t.value == sw[i].value));
            let t_left = lt
                .iter()
                .any(|&i| !sw.iter().any(|s| s.value == tw[i].value));
            ls.retain(|&i| t_left || !ut.iter().any(|u| u.value == sw[i].value));
            lt.retain(|&i| s_left || !us.iter().any(|u| u.value == tw[i].value));
        }
        for (a, b) in pair_leftovers(&ls, &lt, &ps, &pt) {
            let (x, y) = (sw[a], tw[b]);
            let (what, sv, tv) = if weekdays {
                (
                    "weekday",
                    weekday_name(x.value).to_string(),
                    weekday_name(y.value).to_string(),
                )
            } else {
                ("day", relative_name(x.value), relative_name(y.value))
            };
            let msg = format!(
                "{what} changed: source has “{}” ({sv}) where the target has “{}” ({tv})",
                self.src.text((x.start, x.end)),
                self.tgt.text((y.start, y.end))
            );
            let suggestion = if weekdays {
                weekday_form(self.tgt, x.value)
            } else {
                None
            };
            let sev = if weekdays {
                Severity::Error
            } else {
                Severity::Warning
            };
            out.push(self.span_difference(
                (x.start, x.end),
                (y.start, y.end),
                msg,
                sev,
                suggestion,
            ));
        }
    }

    fn span_difference(
        &self,
        s: (usize, usize),
        t: (usize, usize),
        message: String,
        severity: Severity,
        suggestion: Option<String>,
    ) -> Difference {
        Difference {
            code: Code::Date,
            source: Some(s),
            target: t,
            source_paragraph: Some(self.src.paragraph_of(s.0)),
            target_paragraph: self.tgt.paragraph_of(t.0),
            message,
            severity,
            suggestion,
        }
    }
}

/// Matches items of the two sides that `eq` finds equal, nearest sentence
/// links first.
fn match_nearest(
    ls: &[usize],
    lt: &[usize],
    ps: &[u32],
    pt: &[u32],
    eq: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for &a in ls {
        for &b in lt {
            if eq(a, b) {
                pairs.push((link_distance(ps[a], pt[b]), a, b));
            }
        }
    }
    pairs.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (_, a, b) in pairs {
        if !out.iter().any(|&(x, y)| x == a || y == b) {
            out.push((a, b));
        }
    }
    out
}

/// Pairs leftovers in the same or neighbouring sentence links; when one is
/// left on each side of the paragraph group, pairs those two.
fn pair_leftovers(ls: &[usize], lt: &[usize], ps: &[u32], pt: &[u32]) -> Vec<(usize, usize)> {
    let mut out = match_nearest(ls, lt, ps, pt, |a, b| link_distance(ps[a], pt[b]) <= 1);
    let rest_s: Vec<usize> = ls
        .iter()
        .copied()
        .filter(|a| !out.iter().any(|p| p.0 == *a))
        .collect();
    let rest_t: Vec<usize> = lt
        .iter()
        .copied()
        .filter(|b| !out.iter().any(|p| p.1 == *b))
        .collect();
    if let ([a], [b]) = (rest_s.as_slice(), rest_t.as_slice()) {
        out.push((*a, *b));
    }
    out
}

fn link_distance(a: u32, b: u32) -> u32 {
    if a == u32::MAX || b == u32::MAX {
        0
    } else {
        a.abs_diff(b)
    }
}

fn in_paras<T: Copy>(
    side: &Side<'_>,
    items: &[T],
    paras: &[usize],
    start: impl Fn(&T) -> usize,
) -> Vec<T> {
    items
        .iter()
        .copied()
        .filter(|d| paras.contains(&side.paragraph_of(start(d))))
        .collect()
}

fn retain_unused(v: &mut Vec<usize>, used: &[bool]) {
    let mut k = 0;
    v.retain(|_| {
        let keep = !used[k];
        k += 1;
        keep
    });
}

/// A figure the other side split or cut: `182` against `182.44`
/// (`１８２円４４銭`), `648` against `12.648`, `1` against `1.55`
/// (`1メートル55`).
fn part_of(a: &Mention, b: &Mention, ta: &str, tb: &str) -> bool {
    let whole = |x: f64| x.fract() == 0.0;
    let int_part = |x: &Mention, y: &Mention| {
        whole(y.value) && !whole(x.value) && same(x.value.trunc(), y.value)
    };
    // A group of three digits split off (1 088): "88" of "1986-88" is no
    // group of 1088.
    let three_digits = |t: &str| t.chars().filter(|c| c.is_numeric()).count() == 3;
    let low_group = |x: &Mention, y: &Mention, ty: &str| {
        whole(x.value)
            && whole(y.value)
            && x.value.abs() >= 1000.0
            && y.value.abs() < 1000.0
            && three_digits(ty)
            && same(x.value.abs() % 1000.0, y.value.abs())
    };
    int_part(a, b) || int_part(b, a) || low_group(a, b, tb) || low_group(b, a, ta)
}

/// Whether two leftovers may be reported as one replacing the other.
fn substitutable(a: &Mention, b: &Mention, ta: &str, tb: &str) -> bool {
    if a.weak || b.weak || a.role == Role::Month || b.role == Role::Month || part_of(a, b, ta, tb) {
        return false;
    }
    let both_scaled = a.scale > 1.0 && b.scale > 1.0;
    if a.spelled != b.spelled && !both_scaled && (a.value.abs() >= 100.0 || b.value.abs() >= 100.0)
    {
        // "two" against 20, "24%" against "three": words stand for small
        // counts; a larger figure is something else.
        return false;
    }
    let raisable = |m: &Mention| m.certain;
    if !raisable(a) && !raisable(b) {
        return false;
    }
    if !(a.certain && b.certain) {
        // An uncertain reading ("elf", "neuf") only stands in for a small
        // count, and an article ("a", "un", "ein") never does.
        // Words for two ("both", "beide", "pair") are not counts either, nor
        // single characters (zh 打 "hit" or "dozen").
        let loose = |m: &Mention, t: &str| {
            !m.certain
                && (m.value <= 2.0
                    || !m.spelled
                    || t.chars().count() < 3
                    || t.chars().any(crate::segment::is_cjk_char))
        };
        return !loose(a, ta) && !loose(b, tb) && a.value.abs() < 100.0 && b.value.abs() < 100.0;
    }
    true
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn fmt_scaled(v: f64) -> String {
    let a = v.abs();
    for (f, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if a >= f {
            return format!("{} {name}", fmt_num(v / f));
        }
    }
    fmt_num(v)
}

/// The value in brackets when the quoted text does not show it plainly.
fn shown(text: &str, m: &Mention) -> String {
    let v = match m.kind {
        Kind::Percent => format!("{}%", fmt_num(m.value)),
        Kind::Point => format!("{} points", fmt_num(m.value)),
        _ => fmt_scaled(m.value),
    };
    let plain = text.trim_end_matches(['%', ' ', '\u{a0}']);
    if plain == fmt_num(m.value) && !matches!(m.kind, Kind::Point) {
        String::new()
    } else {
        format!(" ({v})")
    }
}

fn unit_name(um: &UnitModel, r: usize) -> String {
    let ids: Vec<&str> = um.refs[r]
        .things
        .iter()
        .map(|&t| um.things[usize::from(t)].id.as_str())
        .collect();
    if ids.len() > 3 {
        format!("{}…", ids[..3].join(", "))
    } else {
        ids.join(", ")
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: i32) -> &'static str {
    MONTHS
        .get(usize::try_from(m - 1).unwrap_or(0))
        .copied()
        .unwrap_or("?")
}

fn weekday_name(w: i32) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .get((w - 1).clamp(0, 6) as usize)
    .copied()
    .unwrap_or("?")
}

fn relative_name(d: i32) -> String {
    match d {
        -2 => "the day before yesterday".into(),
        -1 => "yesterday".into(),
        0 => "today".into(),
        1 => "tomorrow".into(),
        2 => "the day after tomorrow".into(),
        _ => format!("{d:+} days"),
    }
}

fn fmt_date(d: &DateMention) -> String {
    let m = match d.month {
        Some(m @ 1..=12) => MONTHS[usize::from(m) - 1].to_string(),
        Some(m) => format!("month {m}"),
        None => String::new(),
    };
    match (d.day, d.year) {
        (Some(day), Some(y)) => format!("{day} {m} {y}"),
        (Some(day), None) => format!("{day} {m}"),
        (None, Some(y)) => format!("{m} {y}"),
        (None, None) => m.to_string(),
    }
}

fn table_form(
    side: &Side<'_>,
    list: impl Fn(&super::data::DateTable) -> Option<String>,
) -> Option<String> {
    let code = side.cx.lang()?.code();
    super::data::date_tables()
        .iter()
        .find(|t| t.lang == code)
        .and_then(list)
}

fn month_form(side: &Side<'_>, m: u8) -> Option<String> {
    table_form(side, |t| t.months.get(usize::from(m) - 1)?.first().cloned())
}

fn weekday_form(side: &Side<'_>, w: i32) -> Option<String> {
    table_form(side, |t| {
        t.weekdays
            .get(usize::try_from(w - 1).ok()?)?
            .first()
            .cloned()
    })
}

/// ISO weekday of a Gregorian date.
pub fn weekday_of(y: i32, m: u8, d: u8) -> i32 {
    let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let dow = (y + y / 4 - y / 100 + y / 400 + t[usize::from(m) - 1] + i32::from(d)).rem_euclid(7);
    if dow == 0 { 7 } else { dow }
}

/// Year, month and day of a date, for comparisons.
type DateKey = (Option<i32>, Option<u8>, Option<u8>);

/// A weekday written next to a full date that falls on another day.
fn weekday_contradictions(tgt: &Side<'_>, src: Option<&Side<'_>>, out: &mut Vec<Difference>) {
    let contradictions = |side: &Side<'_>| -> Vec<(DayWord, DateMention, i32)> {
        let text = side.cx.text();
        let mut v = Vec::new();
        for w in &side.x.weekdays {
            for d in &side.x.dates {
                let (Some(y), Some(m), Some(day)) = (d.year, d.month, d.day) else {
                    continue;
                };
                if d.alt.is_some() || !(1..=12).contains(&m) {
                    continue;
                }
                let gap = if w.end <= d.start {
                    &text[w.end..d.start]
                } else if d.end <= w.start {
                    &text[d.end..w.start]
                } else {
                    continue;
                };
                if gap.chars().count() > 5
                    || gap
                        .chars()
                        .any(|c| c.is_alphanumeric() && !c.is_lowercase())
                    || gap.contains('\n')
                {
                    continue;
                }
                if gap.chars().filter(|c| c.is_alphabetic()).count() > 3 {
                    continue;
                }
                let actual = weekday_of(y, m, day);
                if actual != w.value {
                    v.push((*w, *d, actual));
                }
            }
        }
        v
    };
    let src_bad: Vec<(i32, DateKey)> = src
        .map(|s| {
            contradictions(s)
                .into_iter()
                .map(|(w, d, _)| (w.value, (d.year, d.month, d.day)))
                .collect()
        })
        .unwrap_or_default();
    for (w, d, actual) in contradictions(tgt) {
        if src_bad.contains(&(w.value, (d.year, d.month, d.day))) {
            continue;
        }
        let text = tgt.cx.text();
        out.push(Difference {
            code: Code::Date,
            source: None,
            target: (w.start, w.end),
            source_paragraph: None,
            target_paragraph: tgt.paragraph_of(w.start),
            message: format!(
                "“{}” ({}) does not fall on “{}”: {} is a {}",
                &text[w.start..w.end],
                weekday_name(w.value),
                &text[d.start..d.end],
                fmt_date(&d),
                weekday_name(actual)
            ),
            severity: Severity::Error,
            suggestion: weekday_form(tgt, actual),
        });
    }
}
