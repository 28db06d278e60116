//! Number extraction: every figure of a text with its normalised value
//! (separators, scale words, percent factors, number words, fractions, CJK
//! numerals), the unit or currency attached to it, and how sure the reading
//! is. Dates are found first (see [`super::dates`]); their day and year
//! numbers are kept as mentions so that a date written one way still meets
//! the same figure written another way.

use super::atoms::{Atom, AtomKind, atomize};
use super::data::PercentKind;
use super::dates;
use super::lexicon::{Hit, Lexicon};
use super::model::{CjkNumeral, DateModel, NumberModel, date_model, digits_value, number_model};
use super::units::{UnitLang, UnitModel, unit_model};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A count or amount.
    Plain,
    /// A share in percent (per-mille normalised to percent).
    Percent,
    /// A difference of shares in percentage points (basis points
    /// normalised).
    Point,
    /// A rank (`3rd`, `third`).
    Ordinal,
}

/// Where a figure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An ordinary figure.
    Number,
    /// Digits inside a name or code (`G7`, `COVID-19`, `F-16`).
    Code,
    /// The day of a date.
    Day,
    /// The month of a numeric date (not compared as a number).
    Month,
    /// The year of a date, or a year with an explicit marker.
    Year,
}

/// A figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Start byte of the whole expression (prefix, number, scale, unit).
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Normalised value.
    pub value: f64,
    /// Another reading (an ambiguous scale or percent form not applied).
    pub alt: Option<f64>,
    /// What it measures.
    pub kind: Kind,
    /// The kind comes from an unambiguous form.
    pub kind_sure: bool,
    /// The reading is certain (the number-table examples list these).
    pub certain: bool,
    /// The figure may explain a difference but never raise one (fractions
    /// and ordinal words on their own, lone CJK digits).
    pub weak: bool,
    /// Written in words.
    pub spelled: bool,
    /// Product of the scale words applied (1 without).
    pub scale: f64,
    /// A scale word that is usually a mistranslation (de `Trillion`).
    pub scale_doubt: bool,
    /// Value of the last significant digit (for rounding).
    pub ulp: f64,
    /// Where it stands.
    pub role: Role,
    /// Currency or unit (index into the unit model's references).
    pub unit: Option<usize>,
    /// An hour read with a 12-hour clock word (`5pm` = 17).
    pub clock: bool,
}

/// An approximate quantity (`dozens`, `une vingtaine`, `数千`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApproxMention {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Order of magnitude.
    pub value: f64,
    /// An unspecified multiple of the value.
    pub vague: bool,
}

/// A calendar date (any part may be missing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateMention {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Day of the month.
    pub day: Option<u8>,
    /// Month 1–12.
    pub month: Option<u8>,
    /// Year.
    pub year: Option<i32>,
    /// The other reading of an ambiguous numeric date (day, month).
    pub alt: Option<(u8, u8)>,
}

/// A weekday or relative day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayWord {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// ISO weekday 1–7, or days from publication.
    pub value: i32,
}

/// Everything extracted from a text.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Figures, in text order.
    pub mentions: Vec<Mention>,
    /// Approximate quantities.
    pub approx: Vec<ApproxMention>,
    /// Dates.
    pub dates: Vec<DateMention>,
    /// Weekdays.
    pub weekdays: Vec<DayWord>,
    /// Relative days.
    pub relative: Vec<DayWord>,
    /// Month names that are also ordinary words, found with no day or year
    /// beside them (`fin mars`, `May`): they explain, never raise.
    pub uncertain_months: Vec<DayWord>,
    /// Weekday forms that are also ordinary words (`So`, `周日`), found
    /// with no date beside them: they explain, never raise.
    pub uncertain_weekdays: Vec<DayWord>,
    /// Scale words with no number before them (`per million`, `Millionen
    /// Amerikaner`, `на миллиард`): magnitudes, compared only with
    /// magnitudes.
    pub bare_scales: Vec<ApproxMention>,
}

impl Extraction {
    /// Appends another extraction whose offsets start at byte `base`.
    pub fn append_shifted(&mut self, other: Extraction, base: usize) {
        extend_shifted(&mut self.mentions, other.mentions, base);
        extend_shifted(&mut self.approx, other.approx, base);
        extend_shifted(&mut self.dates, other.dates, base);
        extend_shifted(&mut self.weekdays, other.weekdays, base);
        extend_shifted(&mut self.relative, other.relative, base);
        extend_shifted(&mut self.uncertain_months, other.uncertain_months, base);
        extend_shifted(&mut self.uncertain_weekdays, other.uncertain_weekdays, base);
        extend_shifted(&mut self.bare_scales, other.bare_scales, base);
    }
}

/// Something found at a byte span of the text.
trait Spanned {
    /// Moves the span `base` bytes later.
    fn shift(&mut self, base: usize);
}

macro_rules! spanned {
    ($($t:ty),*) => {$(
        impl Spanned for $t {
            fn shift(&mut self, base: usize) {
                self.start += base;
                self.end += base;
            }
        }
    )*};
}
spanned!(Mention, ApproxMention, DateMention, DayWord);

/// Appends `from` to `to` with every span moved `base` bytes later.
fn extend_shifted<T: Spanned>(to: &mut Vec<T>, from: Vec<T>, base: usize) {
    to.extend(from.into_iter().map(|mut m| {
        m.shift(base);
        m
    }));
}

/// How a document writes its decimals when it departs from its language
/// (Italian scientific copy with `0.022` and `2.05`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Convention {
    /// A stop is the decimal mark (and a comma groups digits).
    pub dot_decimal: bool,
    /// Both marks are used as decimals: a stop or comma before three
    /// digits may be read either way.
    pub mixed: bool,
}

impl Convention {
    /// The convention of a whole text in `lang`: a language writing decimal
    /// commas whose text shows decimal stops (`0.5`, `2.1`, `1.2345`) and no
    /// decimal comma is read with decimal stops.
    pub fn of(text: &str, lang: Option<&str>) -> Convention {
        let nm = number_model(lang);
        let (dot, comma) = decimal_evidence(text);
        let mixed = dot > 0 && comma > 0;
        if nm.is_decimal('.') || !nm.is_decimal(',') {
            return Convention {
                dot_decimal: false,
                mixed,
            };
        }
        Convention {
            dot_decimal: dot >= 2 && comma == 0,
            mixed,
        }
    }
}

/// Counts unmistakable decimal stops and commas: a digit run after the mark
/// of one digit or of four and more, or after a lone zero (`0.022`).
pub fn decimal_evidence(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut dot, mut comma) = (0, 0);
    let mut i = 1;
    while i + 1 < b.len() {
        let c = b[i];
        if (c == b'.' || c == b',') && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() {
            let mut h = i;
            while h > 0 && b[h - 1].is_ascii_digit() {
                h -= 1;
            }
            let mut e = i + 1;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            let tail = e - i - 1;
            let continues =
                e + 1 < b.len() && (b[e] == b'.' || b[e] == b',') && b[e + 1].is_ascii_digit();
            let before = h > 0 && (b[h - 1] == b'.' || b[h - 1] == b',');
            let zero = &b[h..i] == b"0";
            if !continues && !before && (tail == 1 || tail >= 4 || zero) {
                if c == b'.' {
                    dot += 1;
                } else {
                    comma += 1;
                }
            }
            i = e;
            continue;
        }
        i += 1;
    }
    (dot, comma)
}

/// Extracts the figures and dates of `text` written in `lang` (an ISO
/// 639-1 code; `None` or an unknown code reads digits only).
pub fn extract(text: &str, lang: Option<&str>) -> Extraction {
    extract_with(text, lang, Convention::of(text, lang))
}

/// [`extract`] with a decimal convention found on a larger text.
pub fn extract_with(text: &str, lang: Option<&str>, conv: Convention) -> Extraction {
    let um = unit_model();
    let mut s = Scan {
        conv,
        identifier_end: std::cell::Cell::new(None),
        decimal_alt: std::cell::Cell::new(None),
        text,
        atoms: atomize(text),
        nm: number_model(lang),
        dm: date_model(lang),
        ul: um.lang(lang),
        um,
        used: Vec::new(),
        ords: Vec::new(),
        out: Extraction::default(),
    };
    s.used = vec![false; s.atoms.len()];
    s.run();
    s.out
}

/// A numeric ordinal found by a table pattern.
#[derive(Debug, Clone, Copy)]
struct OrdMark {
    num_start: usize,
    num_end: usize,
    start: usize,
    end: usize,
}

/// The number part of an expression.
#[derive(Debug, Clone, Copy)]
struct Core {
    value: f64,
    end: usize,
    ulp: f64,
    spelled: bool,
    certain: bool,
    weak: bool,
    /// A lone CJK numeral that needs a counter, scale or unit.
    lone_cjk: bool,
    /// A lone CJK numeral that is ambiguous even with a counter (一).
    lone_ambiguous: bool,
    digits: bool,
    kind: Kind,
    start_byte: usize,
    end_byte: usize,
    /// The other reading of a mixed-convention numeral (`4.239`).
    alt: Option<f64>,
    /// An identifier such as a decree or version number (`2.18.512`).
    identifier: bool,
}

/// The scanner state for one text.
pub(super) struct Scan<'a> {
    conv: Convention,
    /// Set by [`Scan::numeral`] when the digits form an identifier.
    identifier_end: std::cell::Cell<Option<usize>>,
    /// Set by [`Scan::numeral`] when a stop before two digits was not read
    /// as a decimal: the decimal reading.
    decimal_alt: std::cell::Cell<Option<f64>>,
    pub(super) text: &'a str,
    pub(super) atoms: Vec<Atom>,
    pub(super) nm: &'a NumberModel,
    pub(super) dm: &'a DateModel,
    pub(super) ul: &'a UnitLang,
    pub(super) um: &'a UnitModel,
    pub(super) used: Vec<bool>,
    ords: Vec<OrdMark>,
    pub(super) out: Extraction,
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-9)
}

fn pow10(n: i32) -> f64 {
    10f64.powi(n)
}

/// Value of the last significant digit of an integer written with
/// `trailing_zeros` final zeros.
fn int_ulp(trailing_zeros: usize, digits: usize) -> f64 {
    pow10(trailing_zeros.min(digits.saturating_sub(1)) as i32)
}

impl<'a> Scan<'a> {
    fn run(&mut self) {
        // Figures inside URLs, e-mail addresses, handles and hashtags are
        // not figures of the story (@user18, example.com/2024/05).
        let t = self.text;
        let may_link = t.contains("://") || t.contains("www.") || t.contains(['@', '#']);
        for t in crate::segment::tokens(if may_link { t } else { "" }) {
            if t.kind == crate::segment::TokenKind::Link {
                let (a, b) = (self.atom_at(t.start), self.atom_end(t.end));
                if a < b {
                    self.used[a..b].iter_mut().for_each(|u| *u = true);
                }
            }
        }
        self.ordinal_marks();
        dates::find(self);
        self.fraction_patterns();
        let mut i = 0;
        while i < self.atoms.len() {
            if self.used[i] || !self.may_start(i) {
                i += 1;
                continue;
            }
            match self.expression(i) {
                Some(next) => i = next.max(i + 1),
                None => i += 1,
            }
        }
        self.ranges();
        self.subunit_sums();
        self.out.mentions.sort_by_key(|m| (m.start, m.end));
    }

    pub(super) fn raw(&self, i: usize) -> &'a str {
        let a = &self.atoms[i];
        &self.text[a.start..a.end]
    }

    fn sym(&self, i: usize) -> Option<char> {
        let a = self.atoms.get(i)?;
        (a.kind == AtomKind::Sym)
            .then(|| self.text[a.start..].chars().next())
            .flatten()
    }

    fn cjk_char(&self, i: usize) -> Option<char> {
        let a = self.atoms.get(i)?;
        (a.kind == AtomKind::Cjk)
            .then(|| self.text[a.start..].chars().next())
            .flatten()
    }

    /// Atom `i` follows atom `i - 1` on the same line with at most a little
    /// white space.
    pub(super) fn near(&self, i: usize) -> bool {
        let Some(a) = self.atoms.get(i) else {
            return false;
        };
        if a.glued {
            return true;
        }
        if i == 0 {
            return false;
        }
        let gap = &self.text[self.atoms[i - 1].end..a.start];
        gap.len() <= 3 && !gap.contains('\n')
    }

    /// True when a form ending before atom `end` does not run into a word.
    pub(super) fn right_ok(&self, end: usize, particles: bool) -> bool {
        if !self.nm.word_boundary || end == 0 {
            return true;
        }
        match self.atoms.get(end) {
            Some(a) if a.glued && a.is_letter() && self.atoms[end - 1].is_letter() => particles,
            _ => true,
        }
    }

    /// True when a form starting at atom `start` does not continue a word.
    pub(super) fn left_ok(&self, start: usize) -> bool {
        if !self.nm.word_boundary || start == 0 {
            return true;
        }
        let a = &self.atoms[start];
        !(a.glued && a.is_letter() && self.atoms[start - 1].is_letter())
    }

    fn may_start(&self, i: usize) -> bool {
        let a = &self.atoms[i];
        match a.kind {
            AtomKind::Digits => true,
            _ => self.nm.starters.contains(&a.key),
        }
    }

    /// A form of `lx` at atom `i` on word boundaries (`particles`: letters
    /// may follow it).
    fn find<P>(&self, lx: &Lexicon<P>, i: usize, particles: bool) -> Option<Hit> {
        if i >= self.atoms.len() || self.used[i] {
            return None;
        }
        lx.find(self.text, &self.atoms, i, |h| {
            self.left_ok(h.start)
                && self.right_ok(h.end, particles)
                && !self.used[h.start..h.end].contains(&true)
        })
    }

    /// A form of `lx` attached after a number at atom `i` (no left word
    /// boundary needed: `2천만`, `5bn`).
    fn find_after<P>(&self, lx: &Lexicon<P>, i: usize, particles: bool) -> Option<Hit> {
        if i >= self.atoms.len() || self.used[i] {
            return None;
        }
        lx.find(self.text, &self.atoms, i, |h| {
            self.right_ok(h.end, particles) && !self.used[h.start..h.end].contains(&true)
        })
    }

    /// Numeric ordinals by the table's patterns. Patterns on digits run on a
    /// small window around each digit run (cheap); the others (第三) on the
    /// whole text.
    fn ordinal_marks(&mut self) {
        let text = self.text;
        let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
        let record = |c: regex::Captures<'_>, base: usize, found: &mut Vec<_>| {
            let (Some(m), Some(g)) = (c.get(0), c.get(1)) else {
                return;
            };
            found.push((
                g.start() + base,
                g.end() + base,
                m.start() + base,
                m.end() + base,
            ));
        };
        for (re, ambiguous) in &self.nm.ordinal_res {
            if *ambiguous {
                continue;
            }
            if !re.as_str().contains("\\d") {
                for c in re.captures_iter(text) {
                    record(c, 0, &mut found);
                }
                continue;
            }
            for a in self.atoms.iter().filter(|a| a.kind == AtomKind::Digits) {
                let mut ws = a.start;
                for _ in 0..3 {
                    match text[..ws].chars().next_back() {
                        Some(c) => ws -= c.len_utf8(),
                        None => break,
                    }
                }
                let mut we = a.end;
                for _ in 0..12 {
                    match text[we..].chars().next() {
                        Some(c) => we += c.len_utf8(),
                        None => break,
                    }
                }
                if let Some(c) = re.captures(&text[ws..we])
                    && c.get(1).is_some_and(|g| g.start() + ws == a.start)
                {
                    record(c, ws, &mut found);
                }
            }
        }
        for (num_start, num_end, start, end) in found {
            {
                // "30 °C" is a temperature, not the 30th.
                if text[start..end].ends_with(['°', 'º'])
                    && text[end..].chars().next().is_some_and(char::is_alphabetic)
                {
                    continue;
                }
                self.ords.push(OrdMark {
                    num_start,
                    num_end,
                    start,
                    end,
                });
            }
        }
        self.ords.sort_by_key(|o| o.num_start);
        self.ords.dedup_by_key(|o| (o.num_start, o.num_end));
    }

    fn ordinal_at(&self, start: usize, end: usize) -> Option<OrdMark> {
        let k = self.ords.partition_point(|o| o.num_start < start);
        self.ords[k..]
            .iter()
            .take_while(|o| o.num_start == start)
            .find(|o| o.num_end == end)
            .copied()
    }

    /// Index of the first atom starting at or after byte `b`.
    pub(super) fn atom_at(&self, b: usize) -> usize {
        self.atoms.partition_point(|a| a.start < b)
    }

    /// Index one past the last atom ending at or before byte `b`.
    fn atom_end(&self, b: usize) -> usize {
        self.atoms.partition_point(|a| a.end <= b)
    }

    fn fraction_patterns(&mut self) {
        let nm = self.nm;
        for fr in &nm.fraction_res {
            for c in fr.re.captures_iter(self.text) {
                let Some(m) = c.get(0) else { continue };
                if nm
                    .percent_prefix_text
                    .iter()
                    .any(|p| self.text[m.start()..].starts_with(p.as_str()))
                {
                    continue;
                }
                let (Some(n), Some(d)) = (c.get(fr.numerator), c.get(fr.denominator)) else {
                    continue;
                };
                let (Some(n), Some(d)) = (self.value_of(n.as_str()), self.value_of(d.as_str()))
                else {
                    continue;
                };
                if d == 0.0 {
                    continue;
                }
                let (a, b) = (self.atom_at(m.start()), self.atom_end(m.end()));
                if a >= b || self.used[a..b].contains(&true) {
                    continue;
                }
                self.used[a..b].iter_mut().for_each(|u| *u = true);
                let v = n / d;
                self.out.mentions.push(Mention {
                    start: m.start(),
                    end: m.end(),
                    value: v,
                    alt: None,
                    kind: Kind::Plain,
                    kind_sure: false,
                    certain: true,
                    weak: true,
                    spelled: false,
                    scale: 1.0,
                    scale_doubt: false,
                    ulp: v.abs() * 1e-3,
                    role: Role::Number,
                    unit: None,
                    clock: false,
                });
            }
        }
    }

    /// The value of digits or CJK numerals captured by a pattern.
    fn value_of(&self, s: &str) -> Option<f64> {
        if let Some(v) = digits_value(s) {
            return Some(v);
        }
        let mut section = 0u64;
        let mut current: Option<u64> = None;
        let mut prev_digit = false;
        for c in s.chars() {
            match self.nm.cjk.get(&c)? {
                CjkNumeral::Digit(d, _) => {
                    current = Some(if prev_digit {
                        current.unwrap_or(0) * 10 + u64::from(*d)
                    } else {
                        u64::from(*d)
                    });
                    prev_digit = true;
                }
                CjkNumeral::Unit(u) => {
                    section += current.take().unwrap_or(1) * u64::from(*u);
                    prev_digit = false;
                }
                CjkNumeral::Point => return None,
            }
        }
        Some((section + current.unwrap_or(0)) as f64)
    }

    /// Parses the expression starting at atom `i`; returns the next atom.
    fn expression(&mut self, i: usize) -> Option<usize> {
        let start_byte = self.atoms[i].start;
        let mut j = i;
        let mut currency: Option<usize> = None;
        let mut template: Option<(usize, Lexicon<()>)> = None;
        let mut percent_prefix = None;
        let mut negative = false;
        // Prefixes: currency symbol, unit template, percent prefix, minus.
        if let Some(h) = self.find(&self.ul.before, j, true)
            && self.near(h.end)
            && self.starts_number(h.end)
        {
            currency = Some(self.ul.before.entries[h.entry]);
            j = h.end;
        } else if let Some(h) = self.find(&self.ul.templates, j, true)
            && self.near(h.end)
            && self.starts_number(h.end)
        {
            let t = &self.ul.templates.entries[h.entry];
            template = Some((t.unit, t.after.clone()));
            j = h.end;
        }
        if let Some(h) = self.find(&self.nm.percent_prefix, j, true)
            && self.near(h.end)
            && self.starts_number(h.end)
        {
            percent_prefix = Some(self.nm.percent_prefix.entries[h.entry]);
            j = h.end;
        }
        let mut clock_prefix = None;
        if let Some(h) = self.find(&self.nm.clock, j, false)
            && self.near(h.end)
            && self
                .atoms
                .get(h.end)
                .is_some_and(|a| a.kind == AtomKind::Digits)
        {
            clock_prefix = Some(self.nm.clock.entries[h.entry]);
            j = h.end;
        }
        if let Some(c) = self.sym(j)
            && self.nm.minus.contains(&c)
            && self.atoms.get(j + 1).is_some_and(|a| a.glued && a.kind == AtomKind::Digits)
            && (j == 0
                || !self.atoms[j].glued
                || self.atoms[j - 1].kind == AtomKind::Cjk
                || self.sym(j - 1).is_some_and(|p| "([{“\"'«„‚‘".contains(p)))
            // "1977 –1988", "70 -85": a range dash, not a minus.
            && !(j > 0 && self.atoms[j - 1].kind == AtomKind::Digits)
        {
            negative = true;
            j += 1;
        } else if let Some(h) = self.find(&self.nm.minus_words, j, false)
            && self.near(h.end)
            && self
                .atoms
                .get(h.end)
                .is_some_and(|a| a.kind == AtomKind::Digits)
        {
            negative = true;
            j = h.end;
        }
        let prefixed = j != i;
        let Some(mut core) = self.core(j, prefixed) else {
            if j == i {
                return self.standalone(i);
            }
            return None;
        };
        let role = if core.identifier {
            Role::Code
        } else {
            self.role_of(j)
        };
        if core.digits
            && core.kind == Kind::Plain
            && core.value < 13.0
            && percent_prefix.is_none()
            && currency.is_none()
            && let Some(next) = self.clock_time(i, &core, clock_prefix, role)
        {
            return Some(next);
        }
        // 0500, 0830: a time written as four digits with a leading zero.
        if core.digits
            && core.end == j + 1
            && !negative
            && currency.is_none()
            && percent_prefix.is_none()
        {
            let raw = self.raw(j);
            if raw.len() == 4
                && raw.starts_with('0')
                && let (Some(h), Some(m)) = (digits_value(&raw[..2]), digits_value(&raw[2..]))
                && h < 24.0
                && m < 60.0
                && self.atoms.get(j + 1).is_none_or(|a| {
                    !(a.glued && a.is_letter())
                        || self.raw(j + 1).chars().all(|c| c.is_ascii_uppercase())
                })
            {
                self.used[i..j + 1].iter_mut().for_each(|u| *u = true);
                let a = self.atoms[j];
                let base = Mention {
                    start: a.start,
                    end: a.end,
                    value: h,
                    alt: None,
                    kind: Kind::Plain,
                    kind_sure: false,
                    certain: true,
                    weak: false,
                    spelled: false,
                    scale: 1.0,
                    scale_doubt: false,
                    ulp: 1.0,
                    role,
                    unit: None,
                    clock: true,
                };
                if m != 0.0 {
                    self.out.mentions.push(Mention {
                        value: m,
                        clock: false,
                        ..base.clone()
                    });
                }
                self.out.mentions.push(base);
                return Some(j + 1);
            }
        }
        let mut value = core.value;
        let mut ulp = core.ulp;
        let mut kind = core.kind;
        let mut kind_sure = kind == Kind::Ordinal;
        let mut scale = 1.0;
        let mut scale_doubt = false;
        let mut alt = core.alt;
        let mut e = core.end;
        let mut certain = core.certain;
        if let Some(p) = percent_prefix {
            value *= p.factor;
            ulp *= p.factor;
            kind = if p.kind == PercentKind::Point {
                Kind::Point
            } else {
                Kind::Percent
            };
            kind_sure = !p.ambiguous;
        }
        if kind != Kind::Ordinal && percent_prefix.is_none() {
            // A vulgar fraction glued to digits (3½), or "2 с половиной".
            if core.digits
                && self.near(e)
                && let Some(h) = self.find(&self.nm.fractions, e, true)
                && ((self.atoms[e].glued && self.atoms[e].kind == AtomKind::Sym)
                    || h.end - h.start > 1)
                && self.nm.fractions.entries[h.entry].value < 1.0
            {
                value += self.nm.fractions.entries[h.entry].value;
                e = h.end;
            } else if core.digits
                && value.fract() == 0.0
                && self.near(e)
                && let Some(f) = self.slash_fraction(e)
            {
                // A mixed number: "2 1/2 million".
                value += f;
                e += 3;
            }
            if let Some((h, p)) = self.percent_after(e) {
                if p.ambiguous {
                    alt = Some(value * p.factor);
                } else {
                    value *= p.factor;
                    ulp *= p.factor;
                    kind = if p.kind == PercentKind::Point {
                        Kind::Point
                    } else {
                        Kind::Percent
                    };
                    kind_sure = true;
                }
                if !p.ambiguous || p.factor == 1.0 {
                    e = h.end;
                }
            } else {
                let sc = if self.nm.additive {
                    self.myriad(&core)
                } else {
                    self.scales_after(e, &core, currency.is_some())
                };
                if sc.applied {
                    if let Some((v, u)) = sc.total {
                        value = v;
                        ulp = u;
                    } else {
                        value *= sc.factor;
                        ulp *= sc.factor;
                    }
                    scale = sc.factor;
                    scale_doubt = sc.doubt;
                    certain = true;
                    core.lone_cjk = false;
                    e = sc.end;
                } else if let Some(f) = sc.alt {
                    alt = Some(value * f);
                }
                if let Some((h, p)) = self.percent_after(e) {
                    // 3割, 5成 after a CJK numeral, or a percent after a scale.
                    if !p.ambiguous && scale == 1.0 {
                        value *= p.factor;
                        ulp *= p.factor;
                        kind = if p.kind == PercentKind::Point {
                            Kind::Point
                        } else {
                            Kind::Percent
                        };
                        kind_sure = true;
                        e = h.end;
                        core.lone_cjk = false;
                    }
                }
            }
        }
        // Currency or unit after the number (a template's own ending first).
        let mut unit = currency;
        if let Some((u, after)) = template {
            if after.is_empty() {
                unit = Some(u);
            } else if let Some(h) = self.find_after(&after, e, true).filter(|_| self.near(e)) {
                unit = Some(u);
                e = h.end;
            }
        }
        if (unit.is_none() || currency.is_some())
            && let Some((u, end)) = self.unit_after(e)
        {
            if unit.is_none() || self.um.is_currency(u) {
                unit = Some(u);
            }
            e = end;
            core.lone_cjk = false;
        }
        if core.lone_cjk {
            let counted = self.find(&self.nm.counters, e, true).is_some();
            certain = counted && !core.lone_ambiguous;
            core.weak = !certain;
        }
        if negative {
            value = -value;
        }
        let end_byte = self.atoms[e - 1].end.max(core.end_byte);
        self.used[i..e].iter_mut().for_each(|u| *u = true);
        // N585 million, G20 summit: a code with a scale, unit or percent is an
        // amount after all.
        let role = if role == Role::Code && (scale != 1.0 || unit.is_some() || kind != Kind::Plain)
        {
            Role::Number
        } else {
            role
        };
        self.out.mentions.push(Mention {
            start: start_byte.min(core.start_byte),
            end: end_byte,
            value,
            alt,
            kind,
            kind_sure,
            certain,
            weak: core.weak && scale == 1.0,
            spelled: core.spelled,
            scale,
            scale_doubt,
            ulp,
            role,
            unit,
            clock: false,
        });
        Some(e)
    }

    /// An hour with a 12-hour clock word (`5.30pm`, `7 a.m.`, `下午3点`):
    /// pushes the hour on the 24-hour clock and the minutes.
    fn clock_time(
        &mut self,
        i: usize,
        core: &Core,
        prefix: Option<bool>,
        role: Role,
    ) -> Option<usize> {
        let mut hour = core.value.trunc();
        let mut minutes: Option<(f64, usize, usize)> = None;
        let mut e = core.end;
        if (core.ulp - 0.01).abs() < 1e-12 && core.value.fract() * 100.0 < 59.5 {
            // en "5.30pm": the numeral read 5.30 as a decimal.
            minutes = Some((
                (core.value.fract() * 100.0).round(),
                core.start_byte,
                core.end_byte,
            ));
        } else if core.value.fract() != 0.0 {
            return None;
        } else if matches!(self.sym(e), Some(':' | '.'))
            && self.atoms[e].glued
            && self
                .atoms
                .get(e + 1)
                .is_some_and(|a| a.glued && a.kind == AtomKind::Digits && self.len_of(e + 1) == 2)
        {
            let mm = digits_value(self.raw(e + 1))?;
            minutes = Some((mm, self.atoms[e + 1].start, self.atoms[e + 1].end));
            e += 2;
        }
        let pm = match prefix {
            Some(pm) => pm,
            None => {
                let h = self
                    .find(&self.nm.clock, e, false)
                    .filter(|_| self.near(e))?;
                e = h.end;
                self.nm.clock.entries[h.entry]
            }
        };
        if !(1.0..=12.0).contains(&hour) {
            return None;
        }
        hour = match (pm, hour == 12.0) {
            (true, false) => hour + 12.0,
            (false, true) => 0.0,
            _ => hour,
        };
        let start = self.atoms[i].start;
        let end = self.atoms[e - 1].end;
        self.used[i..e].iter_mut().for_each(|u| *u = true);
        let base = Mention {
            start,
            end,
            value: hour,
            alt: None,
            kind: Kind::Plain,
            kind_sure: false,
            certain: true,
            // 午前0時 is usually "midnight": an hour of 0 only explains.
            weak: hour == 0.0,
            spelled: false,
            scale: 1.0,
            scale_doubt: false,
            ulp: 1.0,
            role,
            unit: None,
            clock: true,
        };
        if let Some((mm, s, en)) = minutes
            && mm != 0.0
        {
            self.out.mentions.push(Mention {
                start: s,
                end: en,
                value: mm,
                clock: false,
                ..base.clone()
            });
        }
        self.out.mentions.push(base);
        Some(e)
    }

    /// A proper fraction written with a slash after a space (`1/2`, `3/4`),
    /// its denominator at most 10.
    fn slash_fraction(&self, e: usize) -> Option<f64> {
        let (n, sl, d) = (
            self.atoms.get(e)?,
            self.atoms.get(e + 1)?,
            self.atoms.get(e + 2)?,
        );
        if n.glued
            || n.kind != AtomKind::Digits
            || self.sym(e + 1) != Some('/')
            || !sl.glued
            || !d.glued
            || d.kind != AtomKind::Digits
            || self.atoms.get(e + 3).is_some_and(|a| {
                a.glued && (a.kind == AtomKind::Digits || self.sym(e + 3) == Some('/'))
            })
        {
            return None;
        }
        let num = super::model::digits_value(self.raw(e))?;
        let den = super::model::digits_value(self.raw(e + 2))?;
        (num >= 1.0 && num < den && den <= 10.0).then(|| num / den)
    }

    /// Approximate words and ordinal words, which stand alone.
    fn standalone(&mut self, i: usize) -> Option<usize> {
        if let Some(h) = self.find(&self.nm.approx, i, false) {
            let a = self.nm.approx.entries[h.entry];
            self.used[h.start..h.end].iter_mut().for_each(|u| *u = true);
            self.out.approx.push(ApproxMention {
                start: self.atoms[h.start].start,
                end: self.atoms[h.end - 1].end,
                value: a.value,
                vague: a.vague,
            });
            return Some(h.end);
        }
        // A scale word on its own (spaced scripts only: 万 and 億 also
        // start ordinary words), certain forms of a thousand and more.
        if self.nm.word_boundary
            && let Some(h) = self.find(&self.nm.scales, i, false)
        {
            let w = self.nm.scales.entries[h.entry];
            if !w.ambiguous && w.value >= 1e3 {
                self.used[h.start..h.end].iter_mut().for_each(|u| *u = true);
                self.out.bare_scales.push(ApproxMention {
                    start: self.atoms[h.start].start,
                    end: self.atoms[h.end - 1].end,
                    value: w.value,
                    vague: true,
                });
                return Some(h.end);
            }
        }
        if let Some(h) = self.find(&self.nm.ordinal_words, i, false) {
            let w = self.nm.ordinal_words.entries[h.entry];
            self.used[h.start..h.end].iter_mut().for_each(|u| *u = true);
            self.out.mentions.push(Mention {
                start: self.atoms[h.start].start,
                end: self.atoms[h.end - 1].end,
                value: w.value,
                alt: None,
                kind: Kind::Ordinal,
                kind_sure: true,
                certain: !w.ambiguous,
                weak: true,
                spelled: true,
                scale: 1.0,
                scale_doubt: false,
                ulp: 1.0,
                role: Role::Number,
                unit: None,
                clock: false,
            });
            return Some(h.end);
        }
        None
    }

    /// True when a number can start at atom `j`.
    fn starts_number(&self, j: usize) -> bool {
        let Some(a) = self.atoms.get(j) else {
            return false;
        };
        if self.used[j] {
            return false;
        }
        match a.kind {
            AtomKind::Digits => true,
            AtomKind::Sym => {
                self.sym(j).is_some_and(|c| self.nm.minus.contains(&c))
                    && self
                        .atoms
                        .get(j + 1)
                        .is_some_and(|b| b.glued && b.kind == AtomKind::Digits)
            }
            _ => {
                self.cjk_char(j)
                    .is_some_and(|c| self.nm.cjk.contains_key(&c))
                    || self.nm.words.starts(a.key)
                    || self.nm.fractions.starts(a.key)
            }
        }
    }

    /// Digits glued to a name: `G7`, `MH17`, `COVID-19`, `F-16`.
    fn role_of(&self, j: usize) -> Role {
        let a = &self.atoms[j];
        if a.kind != AtomKind::Digits || !a.glued || j == 0 {
            return Role::Number;
        }
        let prev = &self.atoms[j - 1];
        if prev.kind == AtomKind::Word {
            return Role::Code;
        }
        if self.sym(j - 1) == Some('-')
            && prev.glued
            && j >= 2
            && self.atoms[j - 2].kind == AtomKind::Word
        {
            return Role::Code;
        }
        Role::Number
    }

    /// The number itself at atom `j`: fraction word, number word, CJK
    /// numeral or digits.
    fn core(&self, j: usize, prefixed: bool) -> Option<Core> {
        let a = self.atoms.get(j)?;
        if self.used[j] {
            return None;
        }
        let nm = self.nm;
        let base = |value: f64, end: usize, ulp: f64| Core {
            value,
            end,
            ulp,
            spelled: false,
            certain: true,
            weak: false,
            lone_cjk: false,
            lone_ambiguous: false,
            digits: false,
            kind: Kind::Plain,
            start_byte: a.start,
            end_byte: self.atoms[end - 1].end,
            alt: None,
            identifier: false,
        };
        if let Some(h) = self.find(&nm.fractions, j, false) {
            let w = nm.fractions.entries[h.entry];
            let mut c = base(w.value, h.end, w.value.abs().max(1e-9) * 1e-3);
            c.spelled = a.kind != AtomKind::Digits;
            c.certain = !w.ambiguous;
            c.weak = true;
            return Some(c);
        }
        if !prefixed && self.find(&nm.approx, j, false).is_some() {
            return None;
        }
        if let Some(h) = self.find(&nm.words, j, false) {
            return Some(self.word_number(j, h));
        }
        if a.kind == AtomKind::Cjk {
            return self.cjk_numeral(j);
        }
        if a.kind != AtomKind::Digits {
            return None;
        }
        self.identifier_end.set(None);
        self.decimal_alt.set(None);
        let (value, end, ulp) = self.numeral(j);
        if let Some(id_end) = self.identifier_end.take() {
            // Compared as its digits, whatever the separators.
            let digits: String = (j..id_end)
                .filter(|&k| self.atoms[k].kind == AtomKind::Digits)
                .map(|k| self.raw(k))
                .collect();
            let mut c = base(digits_value(&digits).unwrap_or(value), id_end, 1.0);
            c.kind = Kind::Plain;
            c.identifier = true;
            return Some(c);
        }
        let mut c = base(value, end, ulp);
        c.digits = true;
        c.alt = self.other_reading(j, end).or(self.decimal_alt.take());
        // .35 after a range dash or alone: a fragment ("4.25-.35", ".357").
        if j > 0
            && self.sym(j - 1) == Some('.')
            && self.atoms[j].glued
            && !(j > 1 && self.atoms[j - 1].glued && self.atoms[j - 2].kind == AtomKind::Digits)
        {
            c.weak = true;
        }
        // Hours before "p.m." and the like are not handled: 24-hour copy
        // dominates news, and "3 p.m." against "15 Uhr" is rare in a pair.
        if let Some(o) = self.ordinal_at(a.start, self.atoms[end - 1].end) {
            c.kind = Kind::Ordinal;
            c.start_byte = c.start_byte.min(o.start);
            c.end_byte = o.end;
            c.end = self.atom_end(o.end).max(end);
        }
        Some(c)
    }

    /// A number written in words, with the combinations of the tables'
    /// README (`twenty one`, `two hundred`, `on iki`, `iki buçuk`).
    fn word_number(&self, j: usize, h: Hit) -> Core {
        let nm = self.nm;
        let w = nm.words.entries[h.entry];
        let mut value = w.value;
        let mut end = h.end;
        let mut combined = false;
        loop {
            let mut p = end;
            let hyphen = |p: usize| {
                self.sym(p) == Some('-')
                    && self.atoms[p].glued
                    && self.atoms.get(p + 1).is_some_and(|a| a.glued)
            };
            if hyphen(p) {
                p += 1;
            }
            if let Some(c) = self.find(&nm.range, p, false)
                && self.atoms[p].kind == AtomKind::Word
                && ((value >= 20.0 && value % 10.0 == 0.0) || value >= 100.0)
            {
                // vingt et un, vingt-et-un, one hundred and five
                p = c.end;
                if hyphen(p) {
                    p += 1;
                }
            }
            let Some(h2) = self.find(&nm.words, p, false).filter(|_| self.near(p)) else {
                break;
            };
            let v2 = nm.words.entries[h2.entry].value;
            if (v2 == 100.0 || v2 == 1000.0) && value < v2 && p == end {
                value *= v2;
            } else if ((20.0..100.0).contains(&value)
                && value % 10.0 == 0.0
                && (1.0..10.0).contains(&v2))
                || (value >= 100.0 && value % 100.0 == 0.0 && (1.0..100.0).contains(&v2))
            {
                value += v2;
            } else {
                break;
            }
            combined = true;
            end = h2.end;
        }
        if self.near(end)
            && let Some(f) = self.find(&nm.fractions, end, false)
        {
            let fv = nm.fractions.entries[f.entry].value;
            if fv < 1.0 {
                // "eine halbe Milliarde" is half, "iki buçuk" two and a half.
                value = if w.ambiguous && !combined && value == 1.0 {
                    fv
                } else {
                    value + fv
                };
                end = f.end;
                combined = true;
            }
        }
        let mut tz = 0;
        let mut v = value.abs() as u64;
        while v >= 10 && v.is_multiple_of(10) {
            v /= 10;
            tz += 1;
        }
        Core {
            value,
            end,
            ulp: pow10(tz),
            spelled: true,
            certain: !w.ambiguous || combined,
            // "einem halben (Jahr)": a fraction on its own explains only.
            weak: value.abs() < 1.0 && value != 0.0,
            lone_cjk: false,
            lone_ambiguous: false,
            digits: false,
            kind: Kind::Plain,
            start_byte: self.atoms[j].start,
            end_byte: self.atoms[end - 1].end,
            alt: None,
            identifier: false,
        }
    }

    /// A run of CJK numerals: 十二, 三千五百, 二〇二四, 三点五.
    fn cjk_numeral(&self, j: usize) -> Option<Core> {
        let nm = self.nm;
        if !self.left_ok(j) {
            return None;
        }
        let first = nm.cjk.get(&self.cjk_char(j)?)?;
        if matches!(first, CjkNumeral::Point) {
            return None;
        }
        let mut section: f64 = 0.0;
        let mut current: Option<f64> = None;
        let mut prev_digit = false;
        let mut k = j;
        let mut chars = 0;
        let mut has_unit = false;
        let mut ambiguous = false;
        let mut frac_digits = 0i32;
        let mut frac = 0.0;
        let mut positional = false;
        let mut zero = false;
        while k < self.atoms.len() && (k == j || self.atoms[k].glued) && !self.used[k] {
            let Some(c) = self.cjk_char(k) else { break };
            let Some(n) = nm.cjk.get(&c) else { break };
            match *n {
                CjkNumeral::Digit(d, amb) => {
                    if frac_digits > 0 {
                        frac += f64::from(d) * pow10(-frac_digits);
                        frac_digits += 1;
                    } else if prev_digit && d < 10 {
                        // 二〇二四 is read digit by digit; 一两, 三四 ("one or
                        // two", "three or four") are not a number.
                        current = Some(current.unwrap_or(0.0) * 10.0 + f64::from(d));
                        positional = true;
                        zero |= d == 0;
                    } else {
                        current = Some(f64::from(d));
                    }
                    ambiguous |= amb;
                    prev_digit = d < 10;
                }
                CjkNumeral::Unit(u) => {
                    if frac_digits > 0 {
                        break;
                    }
                    section += current.take().unwrap_or(1.0) * f64::from(u);
                    has_unit = true;
                    prev_digit = false;
                }
                CjkNumeral::Point => {
                    let next_digit = self
                        .cjk_char(k + 1)
                        .and_then(|c| nm.cjk.get(&c))
                        .is_some_and(|n| matches!(n, CjkNumeral::Digit(..)));
                    if frac_digits > 0 || !next_digit || !self.atoms[k + 1].glued {
                        break;
                    }
                    frac_digits = 1;
                }
            }
            chars += 1;
            k += 1;
        }
        if chars == 0 {
            return None;
        }
        if positional && !has_unit && !zero && chars < 3 {
            let mut c = self.cjk_numeral_core(j, k, 0.0);
            c.certain = false;
            c.weak = true;
            return Some(c);
        }
        let value = section + current.unwrap_or(0.0) + frac;
        let lone = !has_unit && chars == 1;
        let lone_unit = has_unit && chars == 1;
        // A composed numeral of a hundred and more (二千三百) is how the
        // script writes figures, as exact as digits: not a number word
        // standing for a small count.
        let composed = has_unit && chars >= 2 && value >= 100.0;
        Some(Core {
            value,
            end: k,
            ulp: if frac_digits > 1 {
                pow10(1 - frac_digits)
            } else {
                1.0
            },
            spelled: !composed,
            certain: !(lone || lone_unit || (ambiguous && !has_unit && chars == 1)),
            weak: false,
            lone_cjk: lone || lone_unit || (ambiguous && !has_unit),
            lone_ambiguous: lone && ambiguous,
            digits: false,
            kind: Kind::Plain,
            start_byte: self.atoms[j].start,
            end_byte: self.atoms[k - 1].end,
            alt: None,
            identifier: false,
        })
    }

    fn cjk_numeral_core(&self, j: usize, k: usize, value: f64) -> Core {
        Core {
            value,
            end: k,
            ulp: 1.0,
            spelled: true,
            certain: true,
            weak: false,
            lone_cjk: false,
            lone_ambiguous: false,
            digits: false,
            kind: Kind::Plain,
            start_byte: self.atoms[j].start,
            end_byte: self.atoms[k - 1].end,
            alt: None,
            identifier: false,
        }
    }

    /// Digits with group and decimal separators, read by the language's
    /// rules (see the numbers README).
    fn numeral(&self, j: usize) -> (f64, usize, f64) {
        let atoms = &self.atoms;
        let nm = self.nm;
        let mut parts: [(char, usize); 12] = [('\0', j); 12];
        let mut n = 1;
        let mut k = j;
        while n < parts.len() {
            if let (Some(s), Some(d)) = (atoms.get(k + 1), atoms.get(k + 2))
                && s.kind == AtomKind::Sym
                && s.glued
                && d.kind == AtomKind::Digits
                && d.glued
                && !self.used[k + 2]
                && let Some(c) = self.sym(k + 1)
                && (nm.is_group(c) || nm.is_decimal(c) || matches!(c, '.' | ','))
            {
                parts[n] = (c, k + 2);
                n += 1;
                k += 2;
                continue;
            }
            if let Some(d) = atoms.get(k + 1)
                && d.kind == AtomKind::Digits
                && !d.glued
                && !self.used[k + 1]
            {
                let gap = &self.text[atoms[k].end..d.start];
                let mut cs = gap.chars();
                if let (Some(c), None) = (cs.next(), cs.next())
                    && c.is_whitespace()
                    && nm.is_group(c)
                {
                    parts[n] = (c, k + 1);
                    n += 1;
                    k += 1;
                    continue;
                }
            }
            break;
        }
        let collected = n;
        loop {
            if let Some(r) = self.interpret(&parts[..n]) {
                // 2.18.512, 192.168.0.1, 1.2.3: three parts or more that do
                // not read as one number are an identifier.
                if collected >= 3
                    && n < collected
                    && parts[1..collected].iter().all(|p| !p.0.is_whitespace())
                {
                    self.identifier_end.set(Some(parts[collected - 1].1 + 1));
                }
                // 4.25 read as a time (4 and 25) may still be a decimal.
                if collected == 2
                    && n == 1
                    && matches!(parts[1].0, '.' | ',')
                    && self.len_of(parts[1].1) == 2
                {
                    let head = digits_value(self.raw(parts[0].1));
                    let tail = digits_value(self.raw(parts[1].1));
                    if let (Some(h), Some(t)) = (head, tail) {
                        self.decimal_alt.set(Some(h + t / 100.0));
                    }
                }
                return r;
            }
            n -= 1;
        }
    }

    /// In a text using both decimal marks, `4.239` and `1,105` may be read
    /// the other way; and anywhere, three zero decimals (`175,000` in
    /// Czech copy) are a thousands group written the English way.
    fn other_reading(&self, j: usize, end: usize) -> Option<f64> {
        if end != j + 3 || self.len_of(j + 2) != 3 || self.len_of(j) > 3 {
            return None;
        }
        if !self.conv.mixed && self.raw(j + 2) != "000" {
            return None;
        }
        let sep = self.sym(j + 1).filter(|c| matches!(c, '.' | ','))?;
        let head = digits_value(self.raw(j))?;
        let tail = digits_value(self.raw(j + 2))?;
        let as_group = head * 1000.0 + tail;
        let as_decimal = head + tail / 1000.0;
        let (value, _, _) = self.interpret(&[('\0', j), (sep, j + 2)])?;
        Some(if same_value(value, as_group) {
            as_decimal
        } else {
            as_group
        })
    }

    fn len_of(&self, i: usize) -> usize {
        self.raw(i).chars().count()
    }

    /// Reads `parts` as one numeral, or `None` when the last part does not
    /// fit (the caller drops it and tries again).
    fn interpret(&self, parts: &[(char, usize)]) -> Option<(f64, usize, f64)> {
        let nm = self.nm;
        let n = parts.len();
        let digits = |i: usize| self.raw(i);
        if n == 1 {
            let s = digits(parts[0].1);
            let v = digits_value(s)?;
            let tz = s.len() - s.trim_end_matches('0').len();
            return Some((v, parts[0].1 + 1, int_ulp(tz, s.chars().count())));
        }
        let (last, last_atom) = parts[n - 1];
        let last_len = self.len_of(last_atom);
        let is_group = |c: char| {
            if self.conv.dot_decimal && matches!(c, '.' | ',') {
                c == ','
            } else {
                nm.is_group(c)
            }
        };
        let is_decimal = |c: char| {
            if self.conv.dot_decimal && matches!(c, '.' | ',') {
                c == '.'
            } else {
                nm.is_decimal(c)
            }
        };
        let (mut g, mut d) = (is_group(last), is_decimal(last));
        // 0.001: a lone zero never heads a group (but 0.30 may be a time).
        if matches!(last, '.' | ',')
            && n == 2
            && self.raw(parts[0].1) == "0"
            && (g || !d)
            && last_len != 2
        {
            g = false;
            d = true;
        }
        // A stop or comma the language does not list (AFP's "50.000" in
        // French), or a listed group separator not followed by a group of
        // three ("8.5" in Italian scientific copy): read it the way the
        // digits suggest.
        if matches!(last, '.' | ',') && !(g && d) {
            let head = self.len_of(parts[0].1);
            let three = last_len == 3 && head <= 3;
            // 07.30, 14.30 Uhr where a stop groups digits: a time, two
            // figures. Where the language does not use the stop at all
            // (Russian "2.53 на миллион"), it is a decimal.
            let clock = g
                && last_len == 2
                && head <= 2
                && digits_value(self.raw(parts[0].1)).is_some_and(|h| h <= 24.0)
                && digits_value(self.raw(last_atom)).is_some_and(|m| m < 60.0);
            if !g && !d {
                g = three;
                d = !three && !clock;
            } else if g && !three && n == 2 && !clock {
                g = false;
                d = true;
            }
        }
        let repeated = parts[1..n - 1].iter().any(|p| p.0 == last);
        let decimal_last = match (g, d) {
            (false, true) => true,
            (true, false) => false,
            (true, true) => {
                if repeated {
                    false
                } else if n > 2 {
                    true
                } else {
                    !(last_len == 3 && nm.decimal.first() != Some(&last) && !self.conv.dot_decimal)
                }
            }
            _ => return None,
        };
        let group_end = if decimal_last { n - 1 } else { n };
        // Indian grouping: 2,06,737 and 1,23,45,678.
        let indian = group_end > 2
            && parts[1..group_end].iter().all(|p| p.0 == ',')
            && self.len_of(parts[group_end - 1].1) == 3
            && parts[1..group_end - 1]
                .iter()
                .all(|p| self.len_of(p.1) == 2)
            && self.len_of(parts[0].1) <= 2;
        if group_end > 1 && !indian {
            let head = self.len_of(parts[0].1);
            if !(1..=3).contains(&head) {
                return None;
            }
            let sep = parts[1].0;
            for p in &parts[1..group_end] {
                let listed = is_group(p.0) || (matches!(p.0, '.' | ',') && !is_decimal(p.0));
                if !listed || p.0 != sep || self.len_of(p.1) != 3 {
                    return None;
                }
            }
        }
        if decimal_last && parts[1..n - 1].iter().any(|p| p.0 == last) {
            return None;
        }
        let mut int = 0.0;
        let mut int_str_zeros = 0usize;
        let mut int_digits = 0usize;
        for p in &parts[..group_end] {
            let s = digits(p.1);
            int = int * pow10(s.chars().count() as i32) + digits_value(s)?;
            int_digits += s.chars().count();
            let tz = s.len() - s.trim_end_matches('0').len();
            int_str_zeros = if tz == s.len() {
                int_str_zeros + tz
            } else {
                tz
            };
        }
        if decimal_last {
            let s = digits(last_atom);
            let dl = s.chars().count() as i32;
            let v = int + digits_value(s)? * pow10(-dl);
            Some((v, last_atom + 1, pow10(-dl)))
        } else {
            Some((int, parts[n - 1].1 + 1, int_ulp(int_str_zeros, int_digits)))
        }
    }

    /// A percent form after atom `e`.
    fn percent_after(&self, e: usize) -> Option<(Hit, super::model::PercentEntry)> {
        if !self.near(e) {
            return None;
        }
        let mut p = e;
        if let Some(c) = self.sym(p)
            && self.nm.joiners.contains(&c)
            && c != '-'
            && self.atoms[p].glued
        {
            p += 1;
        }
        let h = self.find_after(&self.nm.percent, p, self.nm.particles_attach)?;
        Some((h, self.nm.percent.entries[h.entry]))
    }

    /// Scale words after atom `e` (multiplying), honouring the ambiguity
    /// rules of the README.
    fn scales_after(&self, e: usize, core: &Core, currency: bool) -> Scaled {
        let nm = self.nm;
        let mut out = Scaled {
            applied: false,
            factor: 1.0,
            end: e,
            doubt: false,
            alt: None,
            total: None,
        };
        let mut p = e;
        loop {
            if !self.near(p) {
                break;
            }
            let mut q = p;
            if let Some(c) = self.find(&nm.scale_connectors, q, false)
                && self.near(c.end)
            {
                q = c.end;
            }
            let Some(h) = self.find_after(&nm.scales, q, nm.particles_attach) else {
                break;
            };
            // A unit that starts here and is longer wins (兆瓦, mW).
            if let Some(u) = self.ul.after.find(self.text, &self.atoms, q, |_| true)
                && u.end > h.end
            {
                break;
            }
            let w = nm.scales.entries[h.entry];
            let first = &self.atoms[h.start];
            if w.ambiguous {
                let text = &self.text[first.start..self.atoms[h.end - 1].end];
                let letters = text.chars().filter(|c| c.is_alphabetic()).count();
                if first.kind == AtomKind::Cjk {
                    if !first.glued || q != p {
                        break;
                    }
                } else if letters <= 2
                    || self
                        .ul
                        .after
                        .find(self.text, &self.atoms, q, |u| {
                            u.end >= h.end || (u.end + 1 == h.end && self.sym(u.end) == Some('.'))
                        })
                        .is_some()
                {
                    // 5m, 1 600 mil.: a unit unless a currency stands by.
                    let cur = currency
                        || self
                            .unit_after(h.end)
                            .is_some_and(|(u, _)| self.um.is_currency(u));
                    if !cur {
                        if !out.applied {
                            out.alt = Some(w.value);
                        }
                        break;
                    }
                } else if !core.digits {
                    break;
                } else {
                    out.doubt = true;
                }
            }
            out.applied = true;
            out.factor *= w.value;
            out.end = h.end;
            p = h.end;
        }
        out
    }

    /// A scale word at atom `p` in a myriad language: `(value, end)`.
    /// Ambiguous characters (百, 京, 천) count only glued to the number;
    /// a unit starting there wins (兆瓦).
    fn myriad_scale(&self, p: usize) -> Option<(f64, usize)> {
        if !self.near(p) {
            return None;
        }
        let h = self.find_after(&self.nm.scales, p, self.nm.particles_attach)?;
        if let Some(u) = self.ul.after.find(self.text, &self.atoms, p, |_| true)
            && u.end > h.end
        {
            return None;
        }
        let w = self.nm.scales.entries[h.entry];
        if w.ambiguous && !self.atoms[p].glued {
            return None;
        }
        Some((w.value, h.end))
    }

    /// A number term at atom `p`: digits or CJK numerals.
    fn myriad_term(&self, p: usize) -> Option<Core> {
        let a = self.atoms.get(p)?;
        if self.used[p] {
            return None;
        }
        if a.kind == AtomKind::Digits {
            let (value, end, ulp) = self.numeral(p);
            return Some(Core {
                value,
                end,
                ulp,
                spelled: false,
                certain: true,
                weak: false,
                lone_cjk: false,
                lone_ambiguous: false,
                digits: true,
                kind: Kind::Plain,
                start_byte: a.start,
                end_byte: self.atoms[end - 1].end,
                alt: None,
                identifier: false,
            });
        }
        let c = self.cjk_char(p)?;
        matches!(
            self.nm.cjk.get(&c),
            Some(CjkNumeral::Digit(..) | CjkNumeral::Unit(_))
        )
        .then(|| self.cjk_numeral(p))
        .flatten()
    }

    /// The scales of a myriad number: small units (千 百 十) build a section,
    /// large ones (万 億 兆) multiply it, and following smaller sections add:
    /// `2兆3000億`, `1億2千万`, `5億8千5百万`, `一万两千`, `2조 3000억`.
    fn myriad(&self, core: &Core) -> Scaled {
        let mut out = Scaled {
            applied: false,
            factor: 1.0,
            end: core.end,
            doubt: false,
            alt: None,
            total: None,
        };
        let mut total = 0.0;
        let mut section = 0.0;
        let mut term = core.value;
        let mut e = core.end;
        let mut ulp = core.ulp;
        let mut last_large = f64::INFINITY;
        let mut largest = 1.0f64;
        loop {
            // Small units inside the section: 8千5百.
            let mut small = false;
            if let Some((v, end)) = self.myriad_scale(e)
                && v < 1e4
                && self.atoms[e].glued
            {
                term *= v;
                ulp = ulp.max(1.0) * v;
                e = end;
                small = true;
                out.applied = true;
            }
            section += term;
            if small
                && self.atoms.get(e).is_some_and(|a| a.glued)
                && let Some(next) = self.myriad_term(e)
                && self.myriad_scale(next.end).is_some_and(|(v, _)| v < 1e4)
            {
                term = next.value;
                ulp = next.ulp;
                e = next.end;
                continue;
            }
            match self.myriad_scale(e) {
                Some((v, end)) if v >= 1e4 && v < last_large => {
                    total += section * v;
                    ulp *= v;
                    largest = largest.max(v);
                    last_large = v;
                    e = end;
                    out.applied = true;
                    section = 0.0;
                    // A following smaller section.
                    if self.near(e)
                        && let Some(next) = self.myriad_term(e)
                        && (self.atoms[e].glued || self.myriad_scale(next.end).is_some())
                    {
                        let next_scale = self.myriad_scale(next.end).map_or(1.0, |x| x.0);
                        if next_scale < last_large && (next_scale > 1.0 || next.value < last_large)
                        {
                            term = next.value;
                            ulp = next.ulp;
                            e = next.end;
                            continue;
                        }
                    }
                    break;
                }
                _ => {
                    total += section;
                    break;
                }
            }
        }
        if out.applied {
            out.end = e;
            out.factor = largest;
            if largest == 1.0 {
                // Only small units (3千): a plain scale.
                out.factor = total / core.value.max(f64::MIN_POSITIVE);
            }
            out.total = Some((total, ulp));
        }
        out
    }

    /// A currency or unit after atom `e` (with connectors: `d'euros`).
    pub(super) fn unit_after(&self, e: usize) -> Option<(usize, usize)> {
        if !self.near(e) {
            return None;
        }
        let try_at = |p: usize| {
            let h = self.ul.after.find(self.text, &self.atoms, p, |h| {
                let last = &self.atoms[h.end - 1];
                // "Euro 4", "Euro 5": a name with its own number.
                let named = self
                    .atoms
                    .get(h.end)
                    .is_some_and(|a| a.kind == AtomKind::Digits && !a.glued && self.near(h.end));
                !named
                    && !self.used[h.start..h.end].contains(&true)
                    && (!last.is_letter() || self.right_ok(h.end, self.nm.particles_attach))
                    && self.left_ok(h.start)
            })?;
            Some((self.ul.after.entries[h.entry], h.end))
        };
        let refine = |(u, end): (usize, usize)| {
            // 元人民币, dollars US: a narrower currency right after.
            match try_at(end) {
                Some((v, end2))
                    if self.near(end)
                        && self.um.is_currency(u)
                        && self.um.overlap(u, v)
                        && self.um.refs[u].factor == self.um.refs[v].factor =>
                {
                    (v, end2)
                }
                _ => (u, end),
            }
        };
        if let Some(r) = try_at(e) {
            return Some(refine(r));
        }
        if self.atoms[e].glued
            && let Some(h) = self
                .ul
                .glued
                .find(self.text, &self.atoms, e, |h| self.right_ok(h.end, false))
        {
            return Some((self.ul.glued.entries[h.entry], h.end));
        }
        // 5,000-acre, 10-year: a joiner before the unit.
        if let Some(c) = self.sym(e)
            && self.nm.joiners.contains(&c)
            && self.atoms[e].glued
            && self.atoms.get(e + 1).is_some_and(|a| a.glued)
            && let Some(r) = try_at(e + 1)
        {
            return Some(refine(r));
        }
        let c = self
            .ul
            .connectors
            .find(self.text, &self.atoms, e, |_| true)?;
        if !self.near(c.end) {
            return None;
        }
        try_at(c.end).map(refine)
    }

    /// `3ドル74セント`, `5 euros 50 cents`: a sum in a currency and its
    /// subunit is one amount.
    fn subunit_sums(&mut self) {
        let um = self.um;
        let ms = &mut self.out.mentions;
        let mut k = 1;
        while k < ms.len() {
            let (a, b) = (&ms[k - 1], &ms[k]);
            let joined = match (a.unit, b.unit) {
                (Some(ua), Some(ub)) => {
                    um.refs[ua].factor == 1.0
                        && um.refs[ub].factor < 1.0
                        && um.is_currency(ua)
                        && um.overlap(ua, ub)
                        && b.value < 1.0 / um.refs[ub].factor
                        && self
                            .text
                            .get(a.end..b.start)
                            .is_some_and(|g| g.len() <= 3 && g.chars().all(char::is_whitespace))
                }
                _ => false,
            };
            if joined {
                let (add, end, f) = (b.value, b.end, um.refs[b.unit.unwrap_or(0)].factor);
                let a = &mut ms[k - 1];
                a.value += add * f;
                a.ulp = a.ulp.min(f);
                a.end = end;
                ms.remove(k);
            } else {
                k += 1;
            }
        }
    }

    /// Ranges: `between 2 and 3 million`, `3～5万`, `2-3%`: the scale,
    /// percent and unit of the second end also apply to the first.
    fn ranges(&mut self) {
        let ms = &mut self.out.mentions;
        ms.sort_by_key(|m| m.start);
        for k in 1..ms.len() {
            let (a, b) = (&ms[k - 1], &ms[k]);
            if a.scale != 1.0
                || a.role != Role::Number
                || b.role != Role::Number
                || a.spelled != b.spelled
            {
                continue;
            }
            let Some(between) = self.text.get(a.end..b.start) else {
                continue;
            };
            let trimmed = between.trim();
            if trimmed.is_empty() || trimmed.len() > 12 || between.contains('\n') {
                continue;
            }
            // 15 x 15 cm: the unit applies to both sides.
            if matches!(trimmed, "x" | "×" | "X" | "*") {
                let unit = b.unit;
                if ms[k - 1].unit.is_none() {
                    ms[k - 1].unit = unit;
                }
                continue;
            }
            let atoms = atomize(trimmed);
            let ok = self
                .nm
                .range
                .find(trimmed, &atoms, 0, |h| h.end == atoms.len())
                .is_some();
            if !ok {
                continue;
            }
            let (scale, kind, kind_sure, unit, doubt) =
                (b.scale, b.kind, b.kind_sure, b.unit, b.scale_doubt);
            let mantissa = b.value / b.scale;
            let (b_clock, b_value) = (b.clock, b.value);
            let a = &mut ms[k - 1];
            // "6-8 p.m.": the afternoon applies to both hours.
            if b_clock
                && !a.clock
                && a.value.fract() == 0.0
                && a.value < 12.0
                && a.value + 12.0 <= b_value
            {
                a.value += 12.0;
                a.clock = true;
            }
            if scale != 1.0 && a.value.abs() < mantissa.abs() {
                a.value *= scale;
                a.ulp *= scale;
                a.scale = scale;
                a.scale_doubt = doubt;
                a.certain = true;
            }
            if a.kind == Kind::Plain && matches!(kind, Kind::Percent | Kind::Point) && kind_sure {
                a.kind = kind;
                a.kind_sure = true;
            }
            if a.unit.is_none() {
                a.unit = unit;
            }
        }
    }
}

/// Result of reading scale words.
#[derive(Debug, Clone, Copy)]
struct Scaled {
    applied: bool,
    factor: f64,
    end: usize,
    doubt: bool,
    alt: Option<f64>,
    /// The whole value and its last digit (myriad numbers).
    total: Option<(f64, f64)>,
}
