//! Dates, weekdays and relative days, found before the figures: numeric
//! dates (`05.03.2024`, `12/25/2024`, `2024-03-05`), dates with month names
//! in the orders the tables allow (`5 March 2024`, `March 5, 2024`,
//! `2024. március 5-én`, `2024年3月5日`), era years (`令和6年`) and years with
//! an explicit marker (`2024 года`). The day and year of a date are kept as
//! figures (role `Day` and `Year`) so that the number comparison sees them.

use super::atoms::AtomKind;
use super::data::DateOrder;
use super::extract::{DateMention, DayWord, Kind, Mention, Role, Scan};
use super::lexicon::{Hit, Lexicon};
use super::model::digits_value;

/// A year found with its marker.
#[derive(Debug, Clone, Copy)]
struct YearPart {
    start: usize,
    end: usize,
    year: i32,
    digits: Option<usize>,
}

/// Finds the dates of the scanned text, marks their atoms used and records
/// them (and their day and year figures) in the extraction.
pub(super) fn find(s: &mut Scan<'_>) {
    numeric_dates(s);
    let years = year_parts(s);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut taken_years = vec![false; years.len()];
    let mut i = 0;
    let mut year_starts: Vec<usize> = years.iter().map(|y| y.start).collect();
    year_starts.sort_unstable();
    let year_start = |i: usize| !year_starts.is_empty() && year_starts.binary_search(&i).is_ok();
    while i < s.atoms.len() {
        let a = &s.atoms[i];
        let candidate = a.kind == AtomKind::Digits
            || (a.kind != AtomKind::Sym && s.dm.starters.contains(&a.key))
            || year_start(i);
        if !candidate || (s.used[i] && !year_start(i)) {
            i += 1;
            continue;
        }
        if let Some((end, d)) = assemble(s, i, &years, &mut taken_years) {
            record(s, i, end, d);
            spans.push((i, end));
            i = end;
        } else if let Some((h, month, true)) = month_at(s, i) {
            let (bs, be) = (s.atoms[h.start].start, s.atoms[h.end - 1].end);
            s.out.uncertain_months.push(DayWord {
                start: bs,
                end: be,
                value: i32::from(month),
            });
            i = h.end;
        } else {
            i += 1;
        }
    }
    for (k, y) in years.iter().enumerate() {
        if taken_years[k] {
            continue;
        }
        let d = Parts {
            year: Some((y.year, y.digits.unwrap_or(y.start))),
            ..Parts::default()
        };
        record(s, y.start, y.end, d);
        spans.push((y.start, y.end));
    }
    day_words(s, &spans);
}

/// The parts of a date as found, with the atoms of the day and year.
#[derive(Debug, Clone, Copy, Default)]
struct Parts {
    day: Option<(u8, usize)>,
    month: Option<u8>,
    year: Option<(i32, usize)>,
    alt: Option<(u8, u8)>,
}

fn mention(start: usize, end: usize, value: f64, role: Role, weak: bool) -> Mention {
    Mention {
        start,
        end,
        value,
        alt: None,
        kind: Kind::Plain,
        kind_sure: false,
        certain: true,
        weak,
        spelled: false,
        scale: 1.0,
        scale_doubt: false,
        ulp: 1.0,
        role,
        unit: None,
        clock: false,
    }
}

fn record(s: &mut Scan<'_>, start: usize, end: usize, d: Parts) {
    s.used[start..end].iter_mut().for_each(|u| *u = true);
    let (bs, be) = (s.atoms[start].start, s.atoms[end - 1].end);
    if let Some((day, a)) = d.day {
        let at = &s.atoms[a];
        s.out.mentions.push(mention(
            at.start,
            at.end,
            f64::from(day),
            Role::Day,
            d.alt.is_some(),
        ));
    }
    if let Some((year, a)) = d.year {
        let at = &s.atoms[a];
        let (ms, me) = if at.kind == AtomKind::Digits {
            (at.start, at.end)
        } else {
            (bs, be)
        };
        s.out
            .mentions
            .push(mention(ms, me, f64::from(year), Role::Year, false));
    }
    s.out.dates.push(DateMention {
        start: bs,
        end: be,
        day: d.day.map(|x| x.0),
        month: d.month,
        year: d.year.map(|x| x.0),
        alt: d.alt,
    });
}

fn sym_char(s: &Scan<'_>, i: usize) -> Option<char> {
    let a = s.atoms.get(i)?;
    (a.kind == AtomKind::Sym)
        .then(|| s.text[a.start..].chars().next())
        .flatten()
}

/// The value and digit count of a digit atom that starts a number (not the
/// tail of `1.5` or `2,000`).
fn digits(s: &Scan<'_>, i: usize) -> Option<(u32, usize)> {
    let a = s.atoms.get(i)?;
    if a.kind != AtomKind::Digits || s.used[i] {
        return None;
    }
    if a.glued
        && i >= 2
        && s.atoms[i - 2].kind == AtomKind::Digits
        && matches!(sym_char(s, i - 1), Some('.' | ','))
    {
        return None;
    }
    let raw = s.raw(i);
    let n = raw.chars().count();
    if n > 4 {
        return None;
    }
    Some((digits_value(raw)? as u32, n))
}

/// True when the digits at `i` end there (not `5.5`, `2,000`).
fn ends_clean(s: &Scan<'_>, i: usize) -> bool {
    match (s.atoms.get(i + 1), s.atoms.get(i + 2)) {
        (Some(a), Some(b))
            if a.glued && a.kind == AtomKind::Sym && b.glued && b.kind == AtomKind::Digits =>
        {
            !matches!(sym_char(s, i + 1), Some('.' | ',' | ':' | '/' | '\''))
        }
        _ => true,
    }
}

fn numeric_dates(s: &mut Scan<'_>) {
    let n = s.atoms.len();
    let mut i = 0;
    while i + 4 < n {
        if let Some((end, d)) = numeric_date(s, i) {
            record(s, i, end, d);
            i = end;
        } else {
            i += 1;
        }
    }
}

fn numeric_date(s: &Scan<'_>, i: usize) -> Option<(usize, Parts)> {
    let seps = &s.dm.separators;
    let (v1, l1) = digits(s, i)?;
    if i > 0
        && s.atoms[i].glued
        && (s.atoms[i - 1].kind == AtomKind::Digits
            || s.atoms[i - 1].kind == AtomKind::Sym
                && !matches!(sym_char(s, i - 1), Some('(' | '[' | '«' | '"' | '“')))
    {
        return None;
    }
    let sep = sym_char(s, i + 1).filter(|c| seps.contains(c) && s.atoms[i + 1].glued)?;
    let next_ok =
        |k: usize| s.atoms.get(k).is_some_and(|a| a.kind == AtomKind::Digits) && s.near(k);
    if !next_ok(i + 2) {
        return None;
    }
    let (v2, l2) = digits(s, i + 2).or_else(|| {
        let raw = s.raw(i + 2);
        Some((digits_value(raw)? as u32, raw.chars().count()))
    })?;
    if sym_char(s, i + 3) != Some(sep) || !s.atoms[i + 3].glued || !next_ok(i + 4) {
        return None;
    }
    let raw3 = s.raw(i + 4);
    let l3 = raw3.chars().count();
    let v3 = digits_value(raw3)? as u32;
    // A fourth part means something else (a version, an address).
    if let (Some(a), Some(b)) = (s.atoms.get(i + 5), s.atoms.get(i + 6))
        && a.glued
        && a.kind == AtomKind::Sym
        && b.glued
        && b.kind == AtomKind::Digits
    {
        return None;
    }
    let mut end = i + 5;
    // hu, ko: 2024. 03. 05.
    if sym_char(s, end) == Some('.') && s.atoms[end].glued && sep == '.' && l1 == 4 {
        end += 1;
    }
    let valid = |d: u32, m: u32| (1..=31).contains(&d) && (1..=12).contains(&m);
    if l1 == 4 {
        if l2 > 2 || l3 > 2 || !valid(v3, v2) || !(1000..=2999).contains(&v1) {
            return None;
        }
        return Some((
            end,
            Parts {
                day: Some((v3 as u8, i + 4)),
                month: Some(v2 as u8),
                year: Some((v1 as i32, i)),
                alt: None,
            },
        ));
    }
    if l1 > 2 || l2 > 2 || !(l3 == 4 || l3 == 2) {
        return None;
    }
    let year = if l3 == 4 {
        v3 as i32
    } else if v3 < 50 {
        2000 + v3 as i32
    } else {
        1900 + v3 as i32
    };
    let mut readings: Vec<(u8, u8, usize)> = Vec::new();
    for o in &s.dm.orders {
        let r = match o {
            DateOrder::Dmy => (v1, v2, i),
            DateOrder::Mdy => (v2, v1, i + 2),
            DateOrder::Ymd => continue,
        };
        if valid(r.0, r.1)
            && !readings
                .iter()
                .any(|x| (x.0, x.1) == (r.0 as u8, r.1 as u8))
        {
            readings.push((r.0 as u8, r.1 as u8, r.2));
        }
    }
    let first = *readings.first()?;
    Some((
        end,
        Parts {
            day: Some((first.0, first.2)),
            month: Some(first.1),
            year: Some((year, i + 4)),
            alt: readings.get(1).map(|r| (r.0, r.1)),
        },
    ))
}

/// A suffix after atom `e`: symbols and CJK characters must be glued,
/// words may follow a space.
fn suffix(s: &Scan<'_>, lx: &Lexicon<()>, e: usize, allow_dot: bool) -> Option<usize> {
    let a = s.atoms.get(e)?;
    if s.used[e] || !s.near(e) {
        return None;
    }
    let h = lx.find(s.text, &s.atoms, e, |h| {
        let first = &s.atoms[h.start];
        (first.glued || first.kind == AtomKind::Word) && s.right_ok(h.end, true)
    })?;
    let text = &s.text[a.start..s.atoms[h.end - 1].end];
    if !allow_dot && text.chars().all(|c| !c.is_alphanumeric()) {
        return None;
    }
    Some(h.end)
}

fn year_parts(s: &mut Scan<'_>) -> Vec<YearPart> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.atoms.len() {
        if s.used[i] {
            i += 1;
            continue;
        }
        // Era years: 令和6年, 令和元年, 民國113年.
        if let Some(h) = s.dm.eras.find(s.text, &s.atoms, i, |_| true) {
            let start_year = s.dm.eras.entries[h.entry];
            let mut n = None;
            let mut e = h.end;
            if let Some((v, _)) = digits(s, e).filter(|_| s.atoms[e].glued) {
                n = Some(v as i32);
                e += 1;
            } else if let Some(f) = s.dm.era_first_year.find(s.text, &s.atoms, e, |_| true) {
                n = Some(1);
                e = f.end;
            } else if let Some(v) = cjk_value(s, e) {
                n = Some(v.0);
                e = v.1;
            }
            if let Some(n) = n
                && let Some(end) = suffix(s, &s.dm.year_suffixes, e, false)
            {
                out.push(YearPart {
                    start: i,
                    end,
                    year: start_year + n - 1,
                    digits: None,
                });
                s.used[i..end].iter_mut().for_each(|u| *u = true);
                i = end;
                continue;
            }
        }
        if let Some((v, 4)) = digits(s, i)
            && (1000..=2999).contains(&v)
            && let Some(end) = suffix(s, &s.dm.year_suffixes, i + 1, false)
        {
            // Only when no month follows: 2024年3月 is assembled as a date.
            out.push(YearPart {
                start: i,
                end,
                year: v as i32,
                digits: Some(i),
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// A CJK numeral of up to three characters (era years written in kanji).
fn cjk_value(s: &Scan<'_>, i: usize) -> Option<(i32, usize)> {
    use super::model::CjkNumeral;
    let mut v = 0i32;
    let mut cur = 0i32;
    let mut k = i;
    while k < s.atoms.len() && k < i + 4 && s.atoms[k].glued {
        let c = s.text[s.atoms[k].start..].chars().next()?;
        match s.nm.cjk.get(&c) {
            Some(CjkNumeral::Digit(d, _)) => cur = *d as i32,
            Some(CjkNumeral::Unit(u)) => {
                v += cur.max(1) * *u as i32;
                cur = 0;
            }
            _ => break,
        }
        k += 1;
    }
    (k > i).then_some((v + cur, k))
}

/// True when atom `i` starts a sentence (a lower-case form written with a
/// capital counts only there: German "Morgen" is the morning).
fn sentence_start(s: &Scan<'_>, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let gap = &s.text[s.atoms[i - 1].end..s.atoms[i].start];
    gap.contains('\n') || sym_char(s, i - 1).is_some_and(|c| ".!?:;\"“”„«»()–—-".contains(c))
}

fn month_at(s: &Scan<'_>, i: usize) -> Option<(Hit, u8, bool)> {
    if i >= s.atoms.len() || s.used[i] {
        return None;
    }
    if !s.dm.starters.contains(&s.atoms[i].key) {
        return numbered_month(s, i);
    }
    let Some(h) = s.dm.months.find(s.text, &s.atoms, i, |h| {
        s.left_ok(h.start)
            && s.right_ok(h.end, true)
            && !s.used[h.start..h.end].contains(&true)
            && (!h.capitalised || sentence_start(s, h.start))
    }) else {
        return numbered_month(s, i);
    };
    let w = s.dm.months.entries[h.entry];
    Some((h, w.value as u8, w.ambiguous))
}

/// Two digits from 13 to 99 with a month mark (`81月`, `17 月`): no month
/// of the calendar, but written as one, so a changed digit of a month still
/// stands against the other side's month.
fn numbered_month(s: &Scan<'_>, i: usize) -> Option<(Hit, u8, bool)> {
    if s.dm.month_suffixes.is_empty() {
        return None;
    }
    let (v, n) = digits(s, i)?;
    if n != 2 || !(13..=99).contains(&v) || !s.near(i + 1) || s.used.get(i + 1) != Some(&false) {
        return None;
    }
    let a = s.atoms.get(i + 1)?;
    let mut chars = s.text[a.start..a.end].chars();
    let mark = chars
        .next()
        .filter(|c| chars.next().is_none() && s.dm.month_suffixes.contains(c));
    mark?;
    let h = Hit {
        entry: 0,
        start: i,
        end: i + 2,
        capitalised: false,
    };
    Some((h, v as u8, false))
}

fn connector(s: &Scan<'_>, e: usize) -> usize {
    match s.dm.connectors.find(s.text, &s.atoms, e, |_| true) {
        Some(h) if s.near(e) && s.near(h.end) && !s.used[e] => h.end,
        _ => e,
    }
}

/// A day number at `e` (with its suffix): `(day, digits atom, end)`.
fn day_at(s: &Scan<'_>, e: usize) -> Option<(u8, usize, usize)> {
    if !s.near(e) {
        return None;
    }
    let (v, n) = digits(s, e)?;
    if n > 2 || !(1..=31).contains(&v) || !ends_clean(s, e) {
        return None;
    }
    let mut end = e + 1;
    if let Some(x) = suffix(s, &s.dm.day_suffixes, end, true).filter(|_| s.atoms[end].glued) {
        end = x;
    }
    Some((v as u8, e, end))
}

/// A year at `e`: four digits, or a marked year.
fn year_at(
    s: &Scan<'_>,
    e: usize,
    years: &[YearPart],
    taken: &mut [bool],
) -> Option<(i32, usize, usize)> {
    if !s.near(e) {
        return None;
    }
    if let Some(k) = years.iter().position(|y| y.start == e) {
        taken[k] = true;
        let y = years[k];
        return Some((y.year, y.digits.unwrap_or(e), y.end));
    }
    let (v, n) = digits(s, e)?;
    if n != 4 || !(1000..=2999).contains(&v) || !ends_clean(s, e) {
        return None;
    }
    let mut end = e + 1;
    if let Some(x) = suffix(s, &s.dm.year_suffixes, end, false) {
        end = x;
    }
    Some((v as i32, e, end))
}

fn assemble(
    s: &Scan<'_>,
    i: usize,
    years: &[YearPart],
    taken: &mut [bool],
) -> Option<(usize, Parts)> {
    // Year first: 2024年3月5日, 2024. március 5-én.
    let year_first = if let Some(k) = years.iter().position(|y| y.start == i) {
        Some((
            years[k].year,
            years[k].digits.unwrap_or(i),
            years[k].end,
            Some(k),
        ))
    } else if let Some((v, 4)) = digits(s, i)
        && (1000..=2999).contains(&v)
        && let Some(end) = suffix(s, &s.dm.year_suffixes, i + 1, true)
    {
        Some((v as i32, i, end, None))
    } else {
        None
    };
    if let Some((y, ya, ye, k)) = year_first
        && let Some((m, month, _)) = month_at(s, connector(s, ye)).filter(|_| s.near(ye))
    {
        if let Some(k) = k {
            taken[k] = true;
        }
        let mut d = Parts {
            year: Some((y, ya)),
            month: Some(month),
            ..Parts::default()
        };
        let mut end = m.end;
        if let Some((day, da, de)) = day_at(s, m.end) {
            d.day = Some((day, da));
            end = de;
        }
        return Some((end, d));
    }
    // Day first: 5 March 2024, 5. März, 5 de marzo de 2024, the 5th of May.
    if let Some((day, da, de)) = day_at(s, i)
        && let Some((m, month, _)) = month_at(s, connector(s, de))
        && s.near(m.start)
    {
        let mut d = Parts {
            day: Some((day, da)),
            month: Some(month),
            ..Parts::default()
        };
        let mut end = m.end;
        if let Some((y, ya, ye)) = year_at(s, connector(s, m.end), years, taken) {
            d.year = Some((y, ya));
            end = ye;
        }
        return Some((end, d));
    }
    // Roman month: 14 X 2024.
    if s.dm.roman_months
        && let Some((day, da, de)) = day_at(s, i)
        && let Some(month) = roman(s, de)
        && let Some((y, ya, ye)) = year_at(s, de + 1, years, taken)
    {
        return Some((
            ye,
            Parts {
                day: Some((day, da)),
                month: Some(month),
                year: Some((y, ya)),
                alt: None,
            },
        ));
    }
    // Month first: March 5, 2024; March 2024; in January.
    let (m, month, ambiguous) = month_at(s, i)?;
    let mut d = Parts {
        month: Some(month),
        ..Parts::default()
    };
    let mut end = m.end;
    if let Some((day, da, de)) = day_at(s, connector(s, m.end)) {
        d.day = Some((day, da));
        end = de;
    }
    if let Some((y, ya, ye)) = year_at(s, connector(s, end), years, taken) {
        d.year = Some((y, ya));
        end = ye;
    }
    if ambiguous && d.day.is_none() && d.year.is_none() {
        return None;
    }
    Some((end, d))
}

fn roman(s: &Scan<'_>, e: usize) -> Option<u8> {
    let a = s.atoms.get(e)?;
    if a.kind != AtomKind::Word || a.glued {
        return None;
    }
    const ROMAN: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    ROMAN
        .iter()
        .position(|r| *r == s.raw(e))
        .map(|p| p as u8 + 1)
}

/// Weekdays and relative days; ambiguous weekday forms count only within
/// two atoms of a date.
fn day_words(s: &mut Scan<'_>, spans: &[(usize, usize)]) {
    let mut i = 0;
    while i < s.atoms.len() {
        if s.used[i] || !s.dm.starters.contains(&s.atoms[i].key) {
            i += 1;
            continue;
        }
        let ok = |h: &Hit| {
            s.left_ok(h.start)
                && s.right_ok(h.end, true)
                && !s.used[h.start..h.end].contains(&true)
                && (!h.capitalised || sentence_start(s, h.start))
        };
        if let Some(h) = s.dm.weekdays.find(s.text, &s.atoms, i, ok) {
            let w = s.dm.weekdays.entries[h.entry];
            let near_date = spans.iter().any(|&(a, b)| {
                (h.end <= a && a - h.end <= 2) || (b <= h.start && h.start - b <= 2)
            });
            let (bs, be) = (s.atoms[h.start].start, s.atoms[h.end - 1].end);
            if !w.ambiguous || near_date {
                s.out.weekdays.push(DayWord {
                    start: bs,
                    end: be,
                    value: w.value,
                });
                s.used[h.start..h.end].iter_mut().for_each(|u| *u = true);
            } else {
                s.out.uncertain_weekdays.push(DayWord {
                    start: bs,
                    end: be,
                    value: w.value,
                });
            }
            i = h.end;
            continue;
        }
        if let Some(h) = s.dm.relative.find(s.text, &s.atoms, i, ok) {
            let w = s.dm.relative.entries[h.entry];
            if !w.ambiguous {
                let (bs, be) = (s.atoms[h.start].start, s.atoms[h.end - 1].end);
                s.out.relative.push(DayWord {
                    start: bs,
                    end: be,
                    value: w.value,
                });
            }
            s.used[h.start..h.end].iter_mut().for_each(|u| *u = true);
            i = h.end;
            continue;
        }
        i += 1;
    }
}
