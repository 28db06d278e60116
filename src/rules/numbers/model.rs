//! The number and date tables compiled for matching: lexicons keyed by
//! folded atoms, compiled regexes and character sets, one model per
//! language, built once.

use super::atoms::{atomize, digit_value};
use super::data::{self, DateOrder, PercentKind, Position};
use super::lexicon::{CaseRule, Lexicon, number_case};
use crate::hash::{FastMap, FastSet};
use regex::Regex;
use std::sync::OnceLock;

/// A percent form.
#[derive(Debug, Clone, Copy)]
pub struct PercentEntry {
    /// Factor to percent or points.
    pub factor: f64,
    /// Percent or point.
    pub kind: PercentKind,
    /// The reading is uncertain.
    pub ambiguous: bool,
}

/// A word with a value.
#[derive(Debug, Clone, Copy)]
pub struct WordEntry {
    /// Value.
    pub value: f64,
    /// The reading is uncertain.
    pub ambiguous: bool,
}

/// An approximate quantity word.
#[derive(Debug, Clone, Copy)]
pub struct ApproxEntry {
    /// Order of magnitude.
    pub value: f64,
    /// An unspecified multiple of the value.
    pub vague: bool,
}

/// A CJK numeral character.
#[derive(Debug, Clone, Copy)]
pub enum CjkNumeral {
    /// A digit (or fused ten); `true` when ambiguous.
    Digit(u32, bool),
    /// 十 百 千.
    Unit(u32),
    /// 点 點 ・ 점.
    Point,
}

/// A written-fraction pattern.
#[derive(Debug)]
pub struct FractionRe {
    /// The regex.
    pub re: Regex,
    /// Capture of the numerator.
    pub numerator: usize,
    /// Capture of the denominator.
    pub denominator: usize,
}

/// Everything the number extractor knows about one language.
#[derive(Debug)]
pub struct NumberModel {
    /// Language code.
    pub code: String,
    /// Forms must stand at word boundaries.
    pub word_boundary: bool,
    /// Letters may follow scale, percent and unit forms.
    pub particles_attach: bool,
    /// Myriad sections add.
    pub additive: bool,
    /// Decimal separators.
    pub decimal: Vec<char>,
    /// Group separators.
    pub group: Vec<char>,
    /// Minus characters.
    pub minus: Vec<char>,
    /// Minus words (`минус`, `마이너스`).
    pub minus_words: Lexicon<()>,
    /// Range connectors.
    pub range: Lexicon<()>,
    /// Scale connectors.
    pub scale_connectors: Lexicon<()>,
    /// Suffix joiners.
    pub joiners: Vec<char>,
    /// Counter words.
    pub counters: Lexicon<()>,
    /// 12-hour clock words: `true` for the afternoon.
    pub clock: Lexicon<bool>,
    /// Percent forms after the number.
    pub percent: Lexicon<PercentEntry>,
    /// Percent forms before the number.
    pub percent_prefix: Lexicon<PercentEntry>,
    /// The prefix forms as text (to keep fraction patterns off them).
    pub percent_prefix_text: Vec<String>,
    /// Scale words.
    pub scales: Lexicon<WordEntry>,
    /// Number words.
    pub words: Lexicon<WordEntry>,
    /// Fraction words.
    pub fractions: Lexicon<WordEntry>,
    /// Approximate words.
    pub approx: Lexicon<ApproxEntry>,
    /// Numeric ordinal patterns and whether each is ambiguous.
    pub ordinal_res: Vec<(Regex, bool)>,
    /// Ordinal words.
    pub ordinal_words: Lexicon<WordEntry>,
    /// Fraction patterns.
    pub fraction_res: Vec<FractionRe>,
    /// CJK numeral characters.
    pub cjk: FastMap<char, CjkNumeral>,
    /// Keys of atoms that may start a lexicon form (a quick filter).
    pub starters: FastSet<u64>,
}

fn single_chars(list: &[String]) -> Vec<char> {
    list.iter()
        .filter_map(|s| {
            let mut c = s.chars();
            match (c.next(), c.next()) {
                (Some(x), None) => Some(x),
                _ => None,
            }
        })
        .collect()
}

fn words_lexicon(entries: &[data::ValueWords]) -> Lexicon<WordEntry> {
    let mut lx = Lexicon::default();
    for e in entries {
        lx.add(
            WordEntry {
                value: e.value,
                ambiguous: e.ambiguous,
            },
            e.words.iter().map(String::as_str),
            number_case,
        );
    }
    lx
}

fn plain_lexicon<'a>(forms: impl IntoIterator<Item = &'a str>) -> Lexicon<()> {
    let mut lx = Lexicon::default();
    lx.add((), forms, number_case);
    lx
}

/// Adds the key of the first atom of every form to `set`.
fn starters_of(text_forms: &[&str], set: &mut FastSet<u64>) {
    for f in text_forms {
        if let Some(a) = super::atoms::form_atoms(f).first() {
            set.insert(a.key);
        }
    }
}

fn compile(pattern: &str, file: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("corpora/tables/numbers/{file}.toml: {e}"))
}

impl NumberModel {
    fn build(t: &data::NumberTable) -> NumberModel {
        let decimal = single_chars(&t.decimal);
        let group = single_chars(&t.group);
        let minus = single_chars(&t.minus);
        let minus_word_forms: Vec<&str> = t
            .minus
            .iter()
            .filter(|m| m.chars().count() > 1)
            .map(String::as_str)
            .collect();
        let mut percent = Lexicon::default();
        let mut percent_prefix = Lexicon::default();
        let mut percent_prefix_text = Vec::new();
        for p in &t.percent {
            let e = PercentEntry {
                factor: p.factor,
                kind: p.kind,
                ambiguous: p.ambiguous,
            };
            let forms = p.words.iter().map(String::as_str);
            match p.position {
                Position::Suffix => percent.add(e, forms, number_case),
                Position::Prefix => {
                    percent_prefix_text.extend(p.words.iter().cloned());
                    percent_prefix.add(e, forms, number_case)
                }
            };
        }
        let mut approx = Lexicon::default();
        for a in &t.approximate {
            approx.add(
                ApproxEntry {
                    value: a.value,
                    vague: a.vague,
                },
                a.words.iter().map(String::as_str),
                number_case,
            );
        }
        let mut ordinal_words = Lexicon::default();
        for o in &t.ordinal_words {
            ordinal_words.add(
                WordEntry {
                    value: f64::from(o.value),
                    ambiguous: o.ambiguous,
                },
                o.words.iter().map(String::as_str),
                number_case,
            );
        }
        let mut cjk = FastMap::default();
        for d in &t.cjk.digits {
            for c in single_chars(&d.chars) {
                cjk.insert(c, CjkNumeral::Digit(d.value, d.ambiguous));
            }
        }
        for u in &t.cjk.small_units {
            for c in single_chars(&u.chars) {
                cjk.insert(c, CjkNumeral::Unit(u.value));
            }
        }
        for c in single_chars(&t.cjk.decimal_marks) {
            cjk.insert(c, CjkNumeral::Point);
        }
        let mut starters = FastSet::default();
        let mut all_forms: Vec<&str> = Vec::new();
        for p in &t.percent {
            all_forms.extend(p.words.iter().map(String::as_str));
        }
        for w in t.scales.iter().chain(&t.number_words).chain(&t.fractions) {
            all_forms.extend(w.words.iter().map(String::as_str));
        }
        for a in &t.approximate {
            all_forms.extend(a.words.iter().map(String::as_str));
        }
        for o in &t.ordinal_words {
            all_forms.extend(o.words.iter().map(String::as_str));
        }
        all_forms.extend(minus_word_forms.iter().copied());
        all_forms.extend(t.minus.iter().map(String::as_str));
        all_forms.extend(t.clock_am.iter().chain(&t.clock_pm).map(String::as_str));
        let mut clock = Lexicon::default();
        clock.add(false, t.clock_am.iter().map(String::as_str), number_case);
        clock.add(true, t.clock_pm.iter().map(String::as_str), number_case);
        all_forms.extend(t.range_connectors.iter().map(String::as_str));
        let words = words_lexicon(&t.number_words);
        starters_of(&all_forms, &mut starters);
        // Currency symbols and unit templates that stand before a number,
        // and CJK numerals, start expressions too.
        let ul = super::units::unit_model().lang(Some(&t.lang));
        starters.extend(ul.before.first_keys());
        starters.extend(ul.templates.first_keys());
        for c in t
            .cjk
            .digits
            .iter()
            .chain(&t.cjk.small_units)
            .flat_map(|d| &d.chars)
        {
            starters.insert(super::atoms::key_of(c));
        }
        NumberModel {
            code: t.lang.clone(),
            word_boundary: t.word_boundary,
            particles_attach: t.particles_attach,
            additive: t.additive_sections,
            decimal,
            group,
            minus,
            minus_words: plain_lexicon(minus_word_forms),
            range: plain_lexicon(t.range_connectors.iter().map(String::as_str)),
            scale_connectors: plain_lexicon(t.scale_connectors.iter().map(String::as_str)),
            joiners: single_chars(&t.suffix_joiners),
            counters: plain_lexicon(t.counters.iter().map(String::as_str)),
            clock,
            percent,
            percent_prefix,
            percent_prefix_text,
            scales: words_lexicon(&t.scales),
            words,
            fractions: words_lexicon(&t.fractions),
            approx,
            ordinal_res: t
                .ordinal_patterns
                .iter()
                .map(|p| (compile(&p.pattern, &t.lang), p.ambiguous))
                .collect(),
            ordinal_words,
            fraction_res: t
                .fraction_patterns
                .iter()
                .map(|p| FractionRe {
                    re: compile(&p.pattern, &t.lang),
                    numerator: p.numerator,
                    denominator: p.denominator,
                })
                .collect(),
            cjk,
            starters,
        }
    }

    /// A model for languages without a table: digits with `.` decimals and
    /// `,` groups, no words.
    fn generic() -> NumberModel {
        NumberModel {
            code: String::new(),
            word_boundary: true,
            particles_attach: false,
            additive: false,
            decimal: vec!['.'],
            group: vec![',', '\u{a0}', '\u{202f}', '\u{2009}'],
            minus: vec!['-', '\u{2212}'],
            minus_words: Lexicon::default(),
            range: plain_lexicon(["-", "–"]),
            scale_connectors: Lexicon::default(),
            joiners: vec!['-'],
            counters: Lexicon::default(),
            clock: Lexicon::default(),
            percent: plain_lexicon_percent(),
            percent_prefix: Lexicon::default(),
            percent_prefix_text: Vec::new(),
            scales: Lexicon::default(),
            words: Lexicon::default(),
            fractions: Lexicon::default(),
            approx: Lexicon::default(),
            ordinal_res: Vec::new(),
            ordinal_words: Lexicon::default(),
            fraction_res: Vec::new(),
            cjk: FastMap::default(),
            starters: ["%", "-", "–"]
                .iter()
                .map(|s| super::atoms::key_of(s))
                .chain(super::units::unit_model().lang(None).before.first_keys())
                .collect(),
        }
    }

    /// True when `c` is a group separator.
    pub fn is_group(&self, c: char) -> bool {
        self.group.contains(&c)
    }

    /// True when `c` is a decimal separator.
    pub fn is_decimal(&self, c: char) -> bool {
        self.decimal.contains(&c)
    }
}

fn plain_lexicon_percent() -> Lexicon<PercentEntry> {
    let mut lx = Lexicon::default();
    lx.add(
        PercentEntry {
            factor: 1.0,
            kind: PercentKind::Percent,
            ambiguous: false,
        },
        ["%", "％"],
        number_case,
    );
    lx
}

/// A month, weekday or relative-day form.
#[derive(Debug, Clone, Copy)]
pub struct DateWord {
    /// Month 1–12, ISO weekday 1–7, or day offset.
    pub value: i32,
    /// Counts only next to another date part.
    pub ambiguous: bool,
}

/// Everything the date extractor knows about one language.
#[derive(Debug)]
pub struct DateModel {
    /// Language code.
    pub code: String,
    /// Orders of numeric dates, the standard one first.
    pub orders: Vec<DateOrder>,
    /// Separators of numeric dates.
    pub separators: Vec<char>,
    /// Day suffixes.
    pub day_suffixes: Lexicon<()>,
    /// Year suffixes.
    pub year_suffixes: Lexicon<()>,
    /// Connectors.
    pub connectors: Lexicon<()>,
    /// Roman-numeral months.
    pub roman_months: bool,
    /// Marks after a numeric month (月, 월).
    pub month_suffixes: Vec<char>,
    /// Month forms.
    pub months: Lexicon<DateWord>,
    /// Weekday forms.
    pub weekdays: Lexicon<DateWord>,
    /// Relative days.
    pub relative: Lexicon<DateWord>,
    /// Era names with their first year.
    pub eras: Lexicon<i32>,
    /// Words for year 1 of an era.
    pub era_first_year: Lexicon<()>,
    /// Keys of atoms that may start a month, weekday, relative or era form.
    pub starters: FastSet<u64>,
}

impl DateModel {
    fn build(t: &data::DateTable) -> DateModel {
        let case = |_: &str| {
            if t.case_sensitive {
                CaseRule::AsWritten
            } else {
                CaseRule::Folded
            }
        };
        let ambiguous: FastSet<&str> = t.ambiguous_forms.iter().map(String::as_str).collect();
        let mut starters = FastSet::default();
        let mut date_words = |lists: &[Vec<String>], offset: i32| {
            let mut lx = Lexicon::default();
            for (i, forms) in lists.iter().enumerate() {
                for f in forms {
                    lx.add(
                        DateWord {
                            value: i as i32 + offset,
                            ambiguous: ambiguous.contains(f.as_str()),
                        },
                        [f.as_str()],
                        case,
                    );
                    if let Some(a) = atomize(f).first() {
                        starters.insert(a.key);
                    }
                }
            }
            lx
        };
        let months = date_words(&t.months, 1);
        let weekdays = date_words(&t.weekdays, 1);
        let mut relative = Lexicon::default();
        for r in &t.relative_days {
            for f in &r.words {
                relative.add(
                    DateWord {
                        value: r.offset,
                        ambiguous: ambiguous.contains(f.as_str()),
                    },
                    [f.as_str()],
                    case,
                );
                if let Some(a) = atomize(f).first() {
                    starters.insert(a.key);
                }
            }
        }
        let mut eras = Lexicon::default();
        for e in &t.eras {
            eras.add(e.start_year, e.names.iter().map(String::as_str), |_| {
                CaseRule::Folded
            });
            for n in &e.names {
                if let Some(a) = atomize(n).first() {
                    starters.insert(a.key);
                }
            }
        }
        let folded = |list: &[String]| {
            let mut lx = Lexicon::default();
            lx.add((), list.iter().map(String::as_str), |_| CaseRule::Folded);
            lx
        };
        let mut orders = vec![t.date_order];
        orders.extend(
            t.alt_date_orders
                .iter()
                .copied()
                .filter(|o| *o != t.date_order),
        );
        DateModel {
            code: t.lang.clone(),
            orders,
            separators: single_chars(&t.date_separators),
            day_suffixes: folded(&t.day_suffixes),
            year_suffixes: folded(&t.year_suffixes),
            connectors: folded(&t.connectors),
            roman_months: t.roman_months,
            month_suffixes: single_chars(&t.month_suffixes),
            months,
            weekdays,
            relative,
            eras,
            era_first_year: folded(&t.era_first_year),
            starters,
        }
    }

    fn generic() -> DateModel {
        DateModel {
            code: String::new(),
            orders: vec![DateOrder::Dmy, DateOrder::Mdy],
            separators: vec!['/', '.', '-'],
            day_suffixes: Lexicon::default(),
            year_suffixes: Lexicon::default(),
            connectors: Lexicon::default(),
            roman_months: false,
            month_suffixes: Vec::new(),
            months: Lexicon::default(),
            weekdays: Lexicon::default(),
            relative: Lexicon::default(),
            eras: Lexicon::default(),
            era_first_year: Lexicon::default(),
            starters: FastSet::default(),
        }
    }
}

/// The number model for a language code (`None`: the generic model).
pub fn number_model(code: Option<&str>) -> &'static NumberModel {
    static CELL: OnceLock<(Vec<NumberModel>, NumberModel)> = OnceLock::new();
    let (models, generic) = CELL.get_or_init(|| {
        (
            data::number_tables()
                .iter()
                .map(NumberModel::build)
                .collect(),
            NumberModel::generic(),
        )
    });
    code.and_then(|c| models.iter().find(|m| m.code == c))
        .unwrap_or(generic)
}

/// The date model for a language code (`None`: the generic model).
pub fn date_model(code: Option<&str>) -> &'static DateModel {
    static CELL: OnceLock<(Vec<DateModel>, DateModel)> = OnceLock::new();
    let (models, generic) = CELL.get_or_init(|| {
        (
            data::date_tables().iter().map(DateModel::build).collect(),
            DateModel::generic(),
        )
    });
    code.and_then(|c| models.iter().find(|m| m.code == c))
        .unwrap_or(generic)
}

/// The value of a digit string (any script), if it is one.
pub fn digits_value(s: &str) -> Option<f64> {
    let mut v = 0.0f64;
    let mut any = false;
    for c in s.chars() {
        v = v * 10.0 + f64::from(digit_value(c)?);
        any = true;
    }
    any.then_some(v)
}
