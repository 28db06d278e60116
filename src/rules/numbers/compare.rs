//! The comparison shared by the 2xx rules: the figures, dates and units of
//! each aligned paragraph group are matched (exact values, correct unit
//! conversions, roundings, approximate words, figures moved to a
//! neighbouring paragraph); what is left on both sides near the same
//! sentence is paired into substitutions, and each substitution is a
//! number, scale, date or unit difference.

use super::extract::{DateMention, DayWord, Extraction, Kind, Mention, Role, extract};
use super::model::date_model;
use super::units::{UnitModel, close, unit_model};
use crate::finding::Severity;
use crate::rules::{PairContext, SideContext};

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

/// One side extracted, with each mention's paragraph and sentence.
struct Side<'a> {
    cx: SideContext<'a>,
    x: Extraction,
    /// Global sentence index of each mention.
    sent: Vec<usize>,
    /// Sentence-link position of each global sentence in its paragraph
    /// link (filled per link).
    slink: Vec<u32>,
}

impl<'a> Side<'a> {
    fn new(cx: SideContext<'a>) -> Side<'a> {
        let side_lang = cx.lang();
        let mut x = Extraction::default();
        for p in 0..cx.paragraph_count() {
            // A paragraph left in another language is read in that language.
            let lang = match cx.paragraph_langs.get(p).copied().flatten() {
                Some(d) if d.reliable && Some(d.lang) != side_lang => Some(d.lang),
                _ => side_lang,
            };
            let (start, _) = cx.paragraph_range(p);
            let px = extract(cx.paragraph(p), lang.map(|l| l.code()));
            x.append_shifted(px, start);
        }
        let sents = &cx.units.sentences;
        let sent = x.mentions.iter().map(|m| sentence_of(sents, m.start)).collect();
        Side { cx, x, sent, slink: vec![u32::MAX; sents.len()] }
    }

    fn paragraph_of(&self, byte: usize) -> usize {
        let s = &self.cx.units.sentences;
        s.get(sentence_of(s, byte)).map_or(0, |s| s.paragraph)
    }

    fn text(&self, span: (usize, usize)) -> &'a str {
        &self.cx.text()[span.0..span.1]
    }
}

fn sentence_of(sents: &[crate::segment::Sentence], byte: usize) -> usize {
    sents.partition_point(|s| s.end <= byte).min(sents.len().saturating_sub(1))
}

/// Runs the comparison and appends the findings of one rule.
pub fn report(cx: &PairContext<'_>, code: Code, meta: &'static crate::rules::RuleMeta, out: &mut Vec<crate::finding::Finding>) {
    for d in analyze(cx) {
        if d.code != code {
            continue;
        }
        let mut f = meta.finding(crate::rules::target_span(d.target.0, d.target.1), d.message);
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
    let tgt = Side::new(cx.target);
    let Some((src_cx, al)) = cx.pair() else {
        weekday_contradictions(&tgt, None, &mut out);
        return out;
    };
    let mut src = Side::new(src_cx);
    let mut tgt = tgt;
    let um = unit_model();
    let mut leftovers: Vec<(Vec<usize>, Vec<usize>)> = Vec::with_capacity(al.paragraphs.len());
    let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::with_capacity(al.paragraphs.len());
    for (k, link) in al.paragraphs.iter().enumerate() {
        for (pos, sl) in al.sentences[k].iter().enumerate() {
            for &s in &sl.source {
                src.slink[s] = pos as u32;
            }
            for &t in &sl.target {
                tgt.slink[t] = pos as u32;
            }
        }
        let in_link = |side: &Side<'_>, paras: &[usize]| -> Vec<usize> {
            (0..side.x.mentions.len())
                .filter(|&i| {
                    let s = side.sent[i];
                    side.cx.units.sentences.get(s).is_some_and(|x| paras.contains(&x.paragraph))
                })
                .collect()
        };
        if link.source.is_empty() || link.target.is_empty() {
            leftovers.push((Vec::new(), Vec::new()));
            groups.push((Vec::new(), Vec::new()));
            continue;
        }
        let s_idx = in_link(&src, &link.source);
        let t_idx = in_link(&tgt, &link.target);
        let mut g = Group { src: &src, tgt: &tgt, um, s: s_idx.clone(), t: t_idx.clone(), out: &mut out };
        g.dates(&link.source, &link.target);
        let (ls, lt) = g.match_values();
        leftovers.push((ls, lt));
        groups.push((s_idx, t_idx));
    }
    // Figures moved to a neighbouring paragraph group.
    for k in 0..leftovers.len() {
        for nb in [k.wrapping_sub(1), k + 1] {
            if nb >= leftovers.len() {
                continue;
            }
            let mut ls = std::mem::take(&mut leftovers[k].0);
            ls.retain(|&s| {
                let pos = leftovers[nb].1.iter().position(|&t| {
                    equal(&src.x.mentions[s], &tgt.x.mentions[t]) || equal_reading(&src.x.mentions[s], &tgt.x.mentions[t])
                });
                match pos {
                    Some(p) => {
                        leftovers[nb].1.remove(p);
                        false
                    }
                    None => true,
                }
            });
            leftovers[k].0 = ls;
        }
    }
    for (k, link) in al.paragraphs.iter().enumerate() {
        if link.source.is_empty() || link.target.is_empty() {
            continue;
        }
        for (pos, sl) in al.sentences[k].iter().enumerate() {
            for &s in &sl.source {
                src.slink[s] = pos as u32;
            }
            for &t in &sl.target {
                tgt.slink[t] = pos as u32;
            }
        }
        let (ls, lt) = std::mem::take(&mut leftovers[k]);
        let (s_idx, t_idx) = &groups[k];
        let mut g = Group { src: &src, tgt: &tgt, um, s: s_idx.clone(), t: t_idx.clone(), out: &mut out };
        g.substitutions(ls, lt, &link.source, &link.target);
    }
    weekday_contradictions(&tgt, Some(&src), &mut out);
    out
}

/// The figures and dates of one paragraph link.
struct Group<'s, 'a> {
    src: &'s Side<'a>,
    tgt: &'s Side<'a>,
    um: &'static UnitModel,
    /// Mentions of the link on each side still in play.
    s: Vec<usize>,
    t: Vec<usize>,
    out: &'s mut Vec<Difference>,
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
    !((pct(a, Kind::Percent) && pct(b, Kind::Point)) || (pct(a, Kind::Point) && pct(b, Kind::Percent)))
}

/// Other readings under which two mentions agree: an ambiguous form's
/// other value, a two-digit year or decade (`'21`, `90-х` against 1990).
fn equal_reading(a: &Mention, b: &Mention) -> bool {
    if !kinds_agree(a, b) {
        return false;
    }
    let reads = |m: &Mention| {
        let mut v = [m.value, f64::NAN, f64::NAN, f64::NAN];
        if let Some(x) = m.alt {
            v[1] = x;
        }
        if m.value.fract() == 0.0 && (0.0..100.0).contains(&m.value) && m.scale == 1.0 {
            v[2] = 1900.0 + m.value;
            v[3] = 2000.0 + m.value;
        }
        v
    };
    let (ra, rb) = (reads(a), reads(b));
    ra.iter().any(|x| rb.iter().any(|y| same(*x, *y)))
}

/// `b` is `a` rounded (to at least two significant digits, or with a scale
/// word, or to a decimal), within 5 %.
fn rounded(a: &Mention, b: &Mention) -> bool {
    if !kinds_agree(a, b) || b.ulp <= a.ulp * 1.000001 {
        return false;
    }
    let coarse_ok = b.scale > 1.0 || b.value.abs() >= 10_000.0 || b.ulp < 1.0;
    coarse_ok
        && (a.value - b.value).abs() <= 0.5 * b.ulp * 1.000001
        && (a.value - b.value).abs() <= 0.05 * a.value.abs().max(b.value.abs())
}

impl Group<'_, '_> {
    fn m_s(&self, i: usize) -> &Mention {
        &self.src.x.mentions[i]
    }

    fn m_t(&self, i: usize) -> &Mention {
        &self.tgt.x.mentions[i]
    }

    fn slink_s(&self, i: usize) -> u32 {
        self.src.slink.get(self.src.sent[i]).copied().unwrap_or(u32::MAX)
    }

    fn slink_t(&self, i: usize) -> u32 {
        self.tgt.slink.get(self.tgt.sent[i]).copied().unwrap_or(u32::MAX)
    }

    fn distance(&self, s: usize, t: usize) -> u32 {
        let (a, b) = (self.slink_s(s), self.slink_t(t));
        if a == u32::MAX || b == u32::MAX { 0 } else { a.abs_diff(b) }
    }

    fn byte_distance_s(&self, start: usize) -> u32 {
        let s = sentence_of(&self.src.cx.units.sentences, start);
        self.src.slink.get(s).copied().unwrap_or(u32::MAX)
    }

    fn byte_distance_t(&self, start: usize) -> u32 {
        let s = sentence_of(&self.tgt.cx.units.sentences, start);
        self.tgt.slink.get(s).copied().unwrap_or(u32::MAX)
    }

    /// Matches the figures of the group; returns what is left on each side.
    fn match_values(&mut self) -> (Vec<usize>, Vec<usize>) {
        let mut ls: Vec<usize> = self.s.iter().copied().filter(|&i| self.m_s(i).role != Role::Month).collect();
        let mut lt: Vec<usize> = self.t.iter().copied().filter(|&i| self.m_t(i).role != Role::Month).collect();
        // Exact values, nearest sentence first.
        let mut pairs = Vec::new();
        for (a, &s) in ls.iter().enumerate() {
            for (b, &t) in lt.iter().enumerate() {
                if equal(self.m_s(s), self.m_t(t)) {
                    pairs.push((self.distance(s, t), a, b));
                }
            }
        }
        pairs.sort_unstable();
        let (mut used_s, mut used_t) = (vec![false; ls.len()], vec![false; lt.len()]);
        for &(_, a, b) in &pairs {
            if used_s[a] || used_t[b] {
                continue;
            }
            used_s[a] = true;
            used_t[b] = true;
            self.unit_check(ls[a], lt[b]);
        }
        retain_unused(&mut ls, &used_s);
        retain_unused(&mut lt, &used_t);
        // Conversions, roundings, other readings.
        for pass in 0..3 {
            let mut pairs = Vec::new();
            for (a, &s) in ls.iter().enumerate() {
                for (b, &t) in lt.iter().enumerate() {
                    let (ms, mt) = (self.m_s(s), self.m_t(t));
                    let ok = match pass {
                        0 => match (ms.unit, mt.unit) {
                            (Some(us), Some(ut)) => {
                                self.um.consistent(us, ms.value, ut, mt.value, mt.ulp)
                                    || self.um.consistent(ut, mt.value, us, ms.value, ms.ulp)
                            }
                            _ => false,
                        },
                        1 => rounded(ms, mt) || rounded(mt, ms),
                        _ => equal_reading(ms, mt),
                    };
                    if ok {
                        pairs.push((self.distance(s, t), a, b));
                    }
                }
            }
            pairs.sort_unstable();
            let (mut used_s, mut used_t) = (vec![false; ls.len()], vec![false; lt.len()]);
            for &(_, a, b) in &pairs {
                if !used_s[a] && !used_t[b] {
                    used_s[a] = true;
                    used_t[b] = true;
                }
            }
            retain_unused(&mut ls, &used_s);
            retain_unused(&mut lt, &used_t);
        }
        (ls, lt)
    }

    /// Equal values with currencies or units that cannot both be right.
    fn unit_check(&mut self, s: usize, t: usize) {
        let (ms, mt) = (self.m_s(s), self.m_t(t));
        let (Some(us), Some(ut)) = (ms.unit, mt.unit) else { return };
        let um = self.um;
        if um.overlap(us, ut) || !um.comparable(us, ut) {
            return;
        }
        if um.consistent(us, ms.value, ut, mt.value, mt.ulp) || um.consistent(ut, mt.value, us, ms.value, ms.ulp) {
            return;
        }
        let what = if um.is_currency(us) && um.is_currency(ut) { "currency" } else { "unit" };
        let message = format!(
            "{what} changed: source has “{}” ({}) where the target has “{}” ({})",
            self.src.text((ms.start, ms.end)),
            unit_name(um, us),
            self.tgt.text((mt.start, mt.end)),
            unit_name(um, ut),
        );
        self.push(Code::Unit, Some(s), t, message, Severity::Error);
    }

    fn push(&mut self, code: Code, s: Option<usize>, t: usize, message: String, severity: Severity) {
        let mt = self.m_t(t);
        let ms = s.map(|s| self.m_s(s));
        let d = Difference {
            code,
            source: ms.map(|m| (m.start, m.end)),
            target: (mt.start, mt.end),
            source_paragraph: ms.map(|m| self.src.paragraph_of(m.start)),
            target_paragraph: self.tgt.paragraph_of(mt.start),
            message,
            severity,
            suggestion: None,
        };
        self.out.push(d);
    }

    /// Explained leftovers: approximate words and month names on the other
    /// side.
    fn explained(&self, m: &Mention, other: &Extraction) -> bool {
        let v = m.value.abs();
        if other.approx.iter().any(|a| {
            if a.vague { v >= a.value && v < a.value * 100.0 } else { v >= 0.5 * a.value && v <= 2.0 * a.value }
        }) {
            return true;
        }
        m.value.fract() == 0.0
            && (1.0..=12.0).contains(&m.value)
            && other.dates.iter().any(|d| d.month == Some(m.value as u8))
    }

    /// Pairs what is left on both sides into substitutions.
    fn substitutions(&mut self, ls: Vec<usize>, lt: Vec<usize>, sp: &[usize], tp: &[usize]) {
        let in_paras = |side: &Side<'_>, start: usize, paras: &[usize]| paras.contains(&side.paragraph_of(start));
        let ls: Vec<usize> = ls
            .into_iter()
            .filter(|&s| !self.explained(self.m_s(s), &self.tgt.x))
            .collect();
        let lt: Vec<usize> = lt
            .into_iter()
            .filter(|&t| !self.explained(self.m_t(t), &self.src.x))
            .collect();
        let _ = (in_paras, sp, tp);
        let mut pairs = Vec::new();
        for (a, &s) in ls.iter().enumerate() {
            for (b, &t) in lt.iter().enumerate() {
                let (ms, mt) = (self.m_s(s), self.m_t(t));
                if !substitutable(ms, mt) {
                    continue;
                }
                let d = self.distance(s, t);
                if d > 1 {
                    continue;
                }
                let ratio = (ms.value.abs().max(1e-9) / mt.value.abs().max(1e-9)).ln().abs();
                pairs.push((d, (ratio * 1000.0) as u64, a, b));
            }
        }
        pairs.sort_unstable();
        let (mut used_s, mut used_t) = (vec![false; ls.len()], vec![false; lt.len()]);
        for &(_, _, a, b) in &pairs {
            if used_s[a] || used_t[b] {
                continue;
            }
            used_s[a] = true;
            used_t[b] = true;
            self.report(ls[a], lt[b]);
        }
    }

    fn report(&mut self, s: usize, t: usize) {
        let (ms, mt) = (self.m_s(s).clone(), self.m_t(t).clone());
        let st = self.src.text((ms.start, ms.end));
        let tt = self.tgt.text((mt.start, mt.end));
        let um = self.um;
        let both_scaled = ms.scale > 1.0 || mt.scale > 1.0 || ms.scale_doubt || mt.scale_doubt;
        let ratio = (mt.value / ms.value).abs().log10();
        if both_scaled && ratio.is_finite() && ratio.round() != 0.0 && (ratio - ratio.round()).abs() < 1e-6 {
            let message = format!(
                "scale changed: source has “{st}” ({}) where the target has “{tt}” ({})",
                fmt_scaled(ms.value),
                fmt_scaled(mt.value)
            );
            self.push(Code::Scale, Some(s), t, message, Severity::Error);
            return;
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
            self.push(Code::Unit, Some(s), t, message, Severity::Error);
            return;
        }
        let strong = |m: &Mention| m.certain && !m.spelled && matches!(m.role, Role::Number | Role::Day | Role::Year);
        let severity = if strong(&ms) && strong(&mt) { Severity::Error } else { Severity::Warning };
        let message = format!(
            "source has “{st}”{} where the target has “{tt}”{}",
            shown(st, &ms),
            shown(tt, &mt)
        );
        self.push(Code::Number, Some(s), t, message, severity);
    }

    /// Dates, weekdays and relative days of the group. Day and year figures
    /// of dates reported here leave the number comparison.
    fn dates(&mut self, sp: &[usize], tp: &[usize]) {
        let src_dates: Vec<DateMention> = in_paras(self.src, &self.src.x.dates, sp, |d| d.start);
        let tgt_dates: Vec<DateMention> = in_paras(self.tgt, &self.tgt.x.dates, tp, |d| d.start);
        let with_month = |v: &[DateMention]| -> Vec<usize> { (0..v.len()).filter(|&i| v[i].month.is_some()).collect() };
        let mut ls = with_month(&src_dates);
        let mut lt = with_month(&tgt_dates);
        let readings = |d: &DateMention| {
            let mut r = vec![(d.day, d.month)];
            if let Some((day, m)) = d.alt {
                r.push((Some(day), Some(m)));
            }
            r
        };
        let agree = |a: &DateMention, b: &DateMention, strict: bool| {
            readings(a).iter().any(|ra| {
                readings(b).iter().any(|rb| {
                    ra.1 == rb.1 && (ra.0 == rb.0 || (!strict && (ra.0.is_none() || rb.0.is_none())))
                })
            })
        };
        let mut removed_s = Vec::new();
        let mut removed_t = Vec::new();
        for strict in [true, false] {
            let mut k = 0;
            while k < ls.len() {
                let a = &src_dates[ls[k]];
                if let Some(p) = lt.iter().position(|&t| agree(a, &tgt_dates[t], strict)) {
                    let b = tgt_dates[lt[p]];
                    if let (Some(ya), Some(yb)) = (a.year, b.year)
                        && ya != yb
                        && a.day.is_some()
                        && b.day.is_some()
                    {
                        let msg = format!(
                            "year changed: source has “{}” ({ya}) where the target has “{}” ({yb})",
                            self.src.text((a.start, a.end)),
                            self.tgt.text((b.start, b.end))
                        );
                        self.push_span(Code::Date, (a.start, a.end), (b.start, b.end), msg, Severity::Error, None);
                        removed_s.push((a.start, a.end));
                        removed_t.push((b.start, b.end));
                    }
                    ls.remove(k);
                    lt.remove(p);
                } else {
                    k += 1;
                }
            }
        }
        // What is left: a month or a day-month changed.
        for &si in &ls {
            let a = src_dates[si];
            let sa = self.byte_distance_s(a.start);
            let Some(p) = lt.iter().position(|&t| {
                let tb = self.byte_distance_t(tgt_dates[t].start);
                sa == u32::MAX || tb == u32::MAX || sa.abs_diff(tb) <= 1
            }) else {
                continue;
            };
            let b = tgt_dates[lt.remove(p)];
            let msg = format!(
                "source has “{}” ({}) where the target has “{}” ({})",
                self.src.text((a.start, a.end)),
                fmt_date(&a),
                self.tgt.text((b.start, b.end)),
                fmt_date(&b)
            );
            let suggestion = a.month.and_then(|m| month_form(self.tgt, m));
            let suggestion = if b.day == a.day { suggestion } else { None };
            self.push_span(Code::Date, (a.start, a.end), (b.start, b.end), msg, Severity::Error, suggestion);
            removed_s.push((a.start, a.end));
            removed_t.push((b.start, b.end));
        }
        // Day and year figures of reported dates leave the number pool.
        let inside = |m: &Mention, spans: &[(usize, usize)]| {
            matches!(m.role, Role::Day | Role::Year) && spans.iter().any(|&(a, b)| m.start >= a && m.end <= b)
        };
        let (src, tgt) = (self.src, self.tgt);
        self.s.retain(|&i| !inside(&src.x.mentions[i], &removed_s));
        self.t.retain(|&i| !inside(&tgt.x.mentions[i], &removed_t));
        self.day_words(sp, tp, true);
        self.day_words(sp, tp, false);
    }

    fn day_words(&mut self, sp: &[usize], tp: &[usize], weekdays: bool) {
        let pick = |x: &Extraction| if weekdays { x.weekdays.clone() } else { x.relative.clone() };
        let mut ls: Vec<DayWord> = in_paras(self.src, &pick(&self.src.x), sp, |d| d.start);
        let mut lt: Vec<DayWord> = in_paras(self.tgt, &pick(&self.tgt.x), tp, |d| d.start);
        ls.retain(|a| match lt.iter().position(|b| b.value == a.value) {
            Some(p) => {
                lt.remove(p);
                false
            }
            None => true,
        });
        for a in ls {
            let sa = self.byte_distance_s(a.start);
            let Some(p) = lt.iter().position(|b| {
                let tb = self.byte_distance_t(b.start);
                sa == u32::MAX || tb == u32::MAX || sa.abs_diff(tb) <= 1
            }) else {
                continue;
            };
            let b = lt.remove(p);
            let (what, sv, tv) = if weekdays {
                ("weekday", weekday_name(a.value).to_string(), weekday_name(b.value).to_string())
            } else {
                ("day", relative_name(a.value), relative_name(b.value))
            };
            let msg = format!(
                "{what} changed: source has “{}” ({sv}) where the target has “{}” ({tv})",
                self.src.text((a.start, a.end)),
                self.tgt.text((b.start, b.end))
            );
            let suggestion = if weekdays { weekday_form(self.tgt, a.value) } else { None };
            let sev = if weekdays { Severity::Error } else { Severity::Warning };
            self.push_span(Code::Date, (a.start, a.end), (b.start, b.end), msg, sev, suggestion);
        }
    }

    fn push_span(
        &mut self,
        code: Code,
        s: (usize, usize),
        t: (usize, usize),
        message: String,
        severity: Severity,
        suggestion: Option<String>,
    ) {
        self.out.push(Difference {
            code,
            source: Some(s),
            target: t,
            source_paragraph: Some(self.src.paragraph_of(s.0)),
            target_paragraph: self.tgt.paragraph_of(t.0),
            message,
            severity,
            suggestion,
        });
    }
}

fn in_paras<T: Copy>(side: &Side<'_>, items: &[T], paras: &[usize], start: impl Fn(&T) -> usize) -> Vec<T> {
    items.iter().copied().filter(|d| paras.contains(&side.paragraph_of(start(d)))).collect()
}

fn retain_unused(v: &mut Vec<usize>, used: &[bool]) {
    let mut k = 0;
    v.retain(|_| {
        let keep = !used[k];
        k += 1;
        keep
    });
}

/// Whether two leftovers may be reported as one replacing the other.
fn substitutable(a: &Mention, b: &Mention) -> bool {
    if a.weak || b.weak || a.role == Role::Month || b.role == Role::Month {
        return false;
    }
    let raisable = |m: &Mention| m.certain;
    if !raisable(a) && !raisable(b) {
        return false;
    }
    if !(a.certain && b.certain) {
        // An uncertain reading (an article, "elf") only stands in for a
        // small count.
        return a.value.abs() < 100.0 && b.value.abs() < 100.0;
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
    let ids: Vec<&str> = um.refs[r].things.iter().map(|&t| um.things[usize::from(t)].id.as_str()).collect();
    if ids.len() > 3 {
        format!("{}…", ids[..3].join(", "))
    } else {
        ids.join(", ")
    }
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

fn weekday_name(w: i32) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
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
    let m = d.month.and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1))).copied().unwrap_or("");
    match (d.day, d.year) {
        (Some(day), Some(y)) => format!("{day} {m} {y}"),
        (Some(day), None) => format!("{day} {m}"),
        (None, Some(y)) => format!("{m} {y}"),
        (None, None) => m.to_string(),
    }
}

fn table_form(side: &Side<'_>, list: impl Fn(&super::data::DateTable) -> Option<String>) -> Option<String> {
    let code = side.cx.lang()?.code();
    super::data::date_tables().iter().find(|t| t.lang == code).and_then(list)
}

fn month_form(side: &Side<'_>, m: u8) -> Option<String> {
    table_form(side, |t| t.months.get(usize::from(m) - 1)?.first().cloned())
}

fn weekday_form(side: &Side<'_>, w: i32) -> Option<String> {
    table_form(side, |t| t.weekdays.get(usize::try_from(w - 1).ok()?)?.first().cloned())
}

/// ISO weekday of a Gregorian date.
pub fn weekday_of(y: i32, m: u8, d: u8) -> i32 {
    let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let dow = (y + y / 4 - y / 100 + y / 400 + t[usize::from(m) - 1] + i32::from(d)).rem_euclid(7);
    if dow == 0 { 7 } else { dow }
}

/// A weekday written next to a full date that falls on another day.
fn weekday_contradictions(tgt: &Side<'_>, src: Option<&Side<'_>>, out: &mut Vec<Difference>) {
    let contradictions = |side: &Side<'_>| -> Vec<(DayWord, DateMention, i32)> {
        let text = side.cx.text();
        let mut v = Vec::new();
        for w in &side.x.weekdays {
            for d in &side.x.dates {
                let (Some(y), Some(m), Some(day)) = (d.year, d.month, d.day) else { continue };
                if d.alt.is_some() || !(1..=12).contains(&m) {
                    continue;
                }
                let gap = if w.end <= d.start { &text[w.end..d.start] } else if d.end <= w.start { &text[d.end..w.start] } else { continue };
                if gap.chars().count() > 5 || gap.chars().any(|c| c.is_alphanumeric() && !c.is_lowercase()) || gap.contains('\n') {
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
    let src_bad: Vec<(i32, (Option<i32>, Option<u8>, Option<u8>))> = src
        .map(|s| contradictions(s).into_iter().map(|(w, d, _)| (w.value, (d.year, d.month, d.day))).collect())
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
    let _ = date_model;
    let _ = close;
}
