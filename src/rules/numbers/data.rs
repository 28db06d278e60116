//! The number, date, pair and unit tables as written in
//! `corpora/tables/numbers/` and `corpora/tables/units/` (see the READMEs
//! there for the meaning of every field), parsed once.

use crate::tables::{parse_table, tables_of};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A number table (`numbers/<lang>.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberTable {
    /// Language code, the file stem.
    pub lang: String,
    /// English name of the language.
    pub name: String,
    /// Table forms must start and end at word boundaries.
    pub word_boundary: bool,
    /// Letters may be glued to the right of a scale, percent or unit form.
    pub particles_attach: bool,
    /// Myriad sections add up (`2兆3000億`).
    pub additive_sections: bool,
    /// Decimal separators, standard first.
    pub decimal: Vec<String>,
    /// Digit-group separators, standard first.
    pub group: Vec<String>,
    /// CLDR minimum grouping digits (informational).
    pub min_grouping_digits: u8,
    /// Minus signs (characters or words).
    pub minus: Vec<String>,
    /// Words and signs joining the ends of a range.
    pub range_connectors: Vec<String>,
    /// Words between a number and its scale word (ro `de`).
    pub scale_connectors: Vec<String>,
    /// Characters joining a suffix to a digit (`-`, `:`, `'`).
    pub suffix_joiners: Vec<String>,
    /// Extra digit sets, ten characters each.
    pub native_digits: Vec<String>,
    /// Counter words after which a lone CJK numeral is a number (`三人`).
    pub counters: Vec<String>,
    /// Morning words of the 12-hour clock (`a.m.`, `午前`).
    pub clock_am: Vec<String>,
    /// Afternoon words of the 12-hour clock (`p.m.`, `下午`).
    pub clock_pm: Vec<String>,
    /// Percent, per-mille, point and basis-point forms.
    pub percent: Vec<PercentForm>,
    /// Scale words.
    pub scales: Vec<ValueWords>,
    /// Cardinal number words.
    pub number_words: Vec<ValueWords>,
    /// Fraction words.
    pub fractions: Vec<ValueWords>,
    /// Approximate quantity words.
    pub approximate: Vec<ApproxWords>,
    /// Numeric ordinal patterns (capture 1 is the number).
    pub ordinal_patterns: Vec<RegexEntry>,
    /// Ordinal words.
    pub ordinal_words: Vec<OrdinalWords>,
    /// Written fraction patterns.
    pub fraction_patterns: Vec<FractionPattern>,
    /// CJK numeral characters.
    pub cjk: Cjk,
    /// Extraction examples run by the tests.
    pub examples: Vec<NumberExample>,
}

/// Where a percent form stands.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// Before the number (`%5`, `yüzde 5`).
    Prefix,
    /// After the number.
    Suffix,
}

/// Percent or percentage point.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PercentKind {
    /// A share, normalised to percent.
    Percent,
    /// A difference of shares, normalised to percentage points.
    Point,
}

/// A percent form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PercentForm {
    /// Forms.
    pub words: Vec<String>,
    /// Factor to percent or points.
    pub factor: f64,
    /// Before or after the number.
    pub position: Position,
    /// Percent or point.
    pub kind: PercentKind,
    /// The reading is uncertain.
    #[serde(default)]
    pub ambiguous: bool,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// Words with a value (scales, number words, fractions).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueWords {
    /// Forms.
    pub words: Vec<String>,
    /// Value.
    pub value: f64,
    /// The reading is uncertain.
    #[serde(default)]
    pub ambiguous: bool,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// Approximate quantity words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApproxWords {
    /// Forms.
    pub words: Vec<String>,
    /// Order of magnitude.
    pub value: f64,
    /// An unspecified multiple of `value` (dozens) rather than about it.
    pub vague: bool,
    /// The reading is uncertain.
    #[serde(default)]
    pub ambiguous: bool,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// A regular expression.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegexEntry {
    /// The pattern (Rust `regex` syntax).
    pub pattern: String,
    /// The reading is uncertain.
    #[serde(default)]
    pub ambiguous: bool,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// Ordinal words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrdinalWords {
    /// Forms.
    pub words: Vec<String>,
    /// The ordinal's number.
    pub value: u32,
    /// The reading is uncertain.
    #[serde(default)]
    pub ambiguous: bool,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// A written-fraction pattern.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FractionPattern {
    /// The pattern.
    pub pattern: String,
    /// Capture group of the numerator.
    pub numerator: usize,
    /// Capture group of the denominator.
    pub denominator: usize,
    /// The reading is uncertain.
    #[serde(default)]
    pub ambiguous: bool,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// CJK numeral characters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cjk {
    /// Digits (and fused tens).
    pub digits: Vec<CjkChar>,
    /// 十 百 千.
    pub small_units: Vec<CjkChar>,
    /// Decimal points inside a numeral.
    pub decimal_marks: Vec<String>,
}

/// A CJK numeral character.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CjkChar {
    /// Characters.
    pub chars: Vec<String>,
    /// Value.
    pub value: u32,
    /// The reading is uncertain.
    #[serde(default)]
    pub ambiguous: bool,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// An extraction example.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberExample {
    /// The text.
    pub text: String,
    /// The certain values expected (a multiset).
    pub values: Vec<f64>,
    /// Values that must not be certain.
    #[serde(default)]
    pub ambiguous_values: Vec<f64>,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// A date table (`numbers/dates/<lang>.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateTable {
    /// Language code.
    pub lang: String,
    /// English name.
    pub name: String,
    /// Order of all-numeric dates.
    pub date_order: DateOrder,
    /// Other orders seen in copy.
    pub alt_date_orders: Vec<DateOrder>,
    /// Forms match as written (or capitalised).
    pub case_sensitive: bool,
    /// Separators in numeric dates.
    pub date_separators: Vec<String>,
    /// Written right after the day number.
    pub day_suffixes: Vec<String>,
    /// Written after the year.
    pub year_suffixes: Vec<String>,
    /// Written after a numeric month.
    pub month_suffixes: Vec<String>,
    /// Words between the parts of a date.
    pub connectors: Vec<String>,
    /// Roman numerals may stand for the month.
    pub roman_months: bool,
    /// Seven lists, Monday first.
    pub weekdays: Vec<Vec<String>>,
    /// Twelve lists, January first.
    pub months: Vec<Vec<String>>,
    /// Forms that count only next to another date part.
    pub ambiguous_forms: Vec<String>,
    /// Yesterday, today, tomorrow…
    pub relative_days: Vec<RelativeDay>,
    /// Non-Gregorian eras.
    pub eras: Vec<Era>,
    /// Words for year 1 of an era.
    pub era_first_year: Vec<String>,
    /// Extraction examples.
    pub examples: Vec<DateExample>,
}

/// Order of the parts of a numeric date.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day, month, year.
    Dmy,
    /// Month, day, year.
    Mdy,
    /// Year, month, day.
    Ymd,
}

/// A relative day word.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelativeDay {
    /// Forms.
    pub words: Vec<String>,
    /// Days from publication.
    pub offset: i32,
}

/// An era.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Era {
    /// Names.
    pub names: Vec<String>,
    /// Gregorian year of era year 1.
    pub start_year: i32,
}

/// A date extraction example.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateExample {
    /// The text.
    pub text: String,
    /// ISO 8601 partial dates.
    pub dates: Vec<String>,
    /// ISO weekdays in order.
    pub weekdays: Vec<u8>,
    /// Relative days.
    pub relative: Vec<i32>,
}

/// `numbers/pairs/pairs.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairFile {
    /// The examples.
    pub pair_examples: Vec<PairExample>,
}

/// A source/target pair with the verdict a rule must give.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairExample {
    /// Rule name.
    pub rule: String,
    /// Source language.
    pub src_lang: String,
    /// Source sentence.
    pub src: String,
    /// Target language.
    pub tgt_lang: String,
    /// Target sentence.
    pub tgt: String,
    /// Verdict.
    pub expect: Expect,
    /// Remark.
    #[serde(default)]
    pub note: Option<String>,
}

/// The verdict of a pair example.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// The rule stays silent.
    Ok,
    /// The rule reports.
    Mismatch,
}

/// Forms per language.
pub type Names = BTreeMap<String, Vec<String>>;

/// `units/units.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitTable {
    /// Layout version.
    pub schema_version: u32,
    /// Languages that may key `names`.
    pub languages: Vec<String>,
    /// Words between a number and a unit name, per language.
    pub connectors: BTreeMap<String, Vec<String>>,
    /// Currencies.
    pub currencies: Vec<Currency>,
    /// Symbols and names shared by several currencies.
    pub currency_groups: Vec<CurrencyGroup>,
    /// Units.
    pub units: Vec<Unit>,
    /// Generic unit words.
    pub unit_groups: Vec<UnitGroup>,
    /// Extraction examples.
    pub examples: Vec<UnitExample>,
    /// Pair examples for unit-mismatch.
    pub pair_examples: Vec<PairExample>,
}

/// A currency.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: String,
    /// Symbols pointing to this currency only.
    pub symbols: Vec<String>,
    /// Minor units.
    pub subunits: Vec<Subunit>,
    /// Names per language.
    pub names: Names,
}

/// A minor currency unit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subunit {
    /// Value in major units.
    pub factor: f64,
    /// Symbols.
    pub symbols: Vec<String>,
    /// Names per language.
    pub names: Names,
}

/// A symbol or name shared by several currencies.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurrencyGroup {
    /// Group id.
    pub id: String,
    /// Currencies it may denote.
    pub codes: Vec<String>,
    /// Symbols.
    pub symbols: Vec<String>,
    /// Names per language.
    pub names: Names,
}

/// A physical dimension.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    /// Metres.
    Length,
    /// Kilograms.
    Mass,
    /// Square metres.
    Area,
    /// Cubic metres.
    Volume,
    /// Metres per second.
    Speed,
    /// Kelvin.
    Temperature,
    /// Watts.
    Power,
    /// Joules.
    Energy,
}

/// Measurement system (informational).
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum System {
    /// SI and metric.
    Metric,
    /// British imperial.
    Imperial,
    /// US customary.
    Us,
    /// Traditional units.
    Other,
}

/// A unit of measurement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Unique id.
    pub id: String,
    /// Dimension.
    pub dimension: Dimension,
    /// System.
    pub system: System,
    /// Factor to the SI base.
    pub factor: f64,
    /// Offset added after the factor.
    pub offset: f64,
    /// Symbols.
    pub symbols: Vec<String>,
    /// Symbols that count only glued to the number (`6in`, not "5 in May").
    #[serde(default)]
    pub glued_symbols: Vec<String>,
    /// Names per language (`{}` marks a template).
    pub names: Names,
}

/// A generic unit word.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitGroup {
    /// Group id.
    pub id: String,
    /// Units it may denote.
    pub members: Vec<String>,
    /// Symbols.
    pub symbols: Vec<String>,
    /// Names per language.
    pub names: Names,
}

/// A unit extraction example.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitExample {
    /// Language.
    pub lang: String,
    /// The text.
    pub text: String,
    /// Mentions in reading order.
    pub mentions: Vec<UnitMentionExample>,
}

/// An expected unit mention.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitMentionExample {
    /// The number as written, scale applied.
    pub value: f64,
    /// Unit id, currency code or group id.
    pub unit: String,
}

/// Every number table, by language code.
pub fn number_tables() -> &'static [NumberTable] {
    static CELL: OnceLock<Vec<NumberTable>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("numbers")
            .map(|(stem, text)| parse_table("numbers", stem, text))
            .collect()
    })
}

/// Every date table.
pub fn date_tables() -> &'static [DateTable] {
    static CELL: OnceLock<Vec<DateTable>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("numbers/dates")
            .map(|(stem, text)| parse_table("numbers/dates", stem, text))
            .collect()
    })
}

/// The pair examples of number-, scale- and date-mismatch.
pub fn pair_file() -> &'static PairFile {
    static CELL: OnceLock<PairFile> = OnceLock::new();
    CELL.get_or_init(|| {
        let (stem, text) = tables_of("numbers/pairs")
            .next()
            .expect("corpora/tables/numbers/pairs/pairs.toml is compiled in");
        parse_table("numbers/pairs", stem, text)
    })
}

/// The unit and currency table.
pub fn unit_table() -> &'static UnitTable {
    static CELL: OnceLock<UnitTable> = OnceLock::new();
    CELL.get_or_init(|| {
        let (stem, text) = tables_of("units")
            .next()
            .expect("corpora/tables/units/units.toml is compiled in");
        parse_table("units", stem, text)
    })
}
