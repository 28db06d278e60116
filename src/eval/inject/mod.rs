//! Defect injection: one known defect at a time, made in a copy of a clean
//! target paragraph, deterministic for a given random generator.

mod links;
mod names;
mod numbers;
mod quotes;
mod sentences;
pub mod text;
pub mod words;

#[cfg(test)]
mod tests;

use super::prng::SplitMix64;
use crate::finding::Category;
use links::change_url;
use names::{delete_word, misspell, name_candidates, names_to_delete};
use numbers::{change_digit, change_scale, swap_weekday_month};
use quotes::break_quote;
use sentences::drop_sentence;
use text::{is_body, splice};
use words::{comment_form, photo_credit, read_more};

/// The defects injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Defect {
    /// A body paragraph removed.
    DropParagraph,
    /// A sentence removed from a paragraph of two or more.
    DropSentence,
    /// One digit of a number changed.
    NumberValue,
    /// A scale word changed (million → billion).
    NumberScale,
    /// A weekday or month swapped for another.
    WeekdayMonth,
    /// A name misspelled (one letter changed).
    NameMisspelled,
    /// A name deleted.
    NameDeleted,
    /// A quotation's closing mark removed.
    QuoteUnclosed,
    /// A quotation closed with its opening mark.
    QuoteOpenAsClose,
    /// A space put before a closing quotation mark.
    QuoteSpaceBeforeClose,
    /// A paragraph replaced with its source.
    ReplacedBySource,
    /// A "Read more:" teaser line inserted.
    ReadMore,
    /// A comment-form line inserted.
    CommentForm,
    /// A photo credit line inserted.
    PhotoCredit,
    /// A character of a URL changed.
    UrlChanged,
}

impl Defect {
    /// Every defect, in report order.
    pub const ALL: [Defect; 15] = [
        Defect::DropParagraph,
        Defect::DropSentence,
        Defect::NumberValue,
        Defect::NumberScale,
        Defect::WeekdayMonth,
        Defect::NameMisspelled,
        Defect::NameDeleted,
        Defect::QuoteUnclosed,
        Defect::QuoteOpenAsClose,
        Defect::QuoteSpaceBeforeClose,
        Defect::ReplacedBySource,
        Defect::ReadMore,
        Defect::CommentForm,
        Defect::PhotoCredit,
        Defect::UrlChanged,
    ];

    /// Stable name (figure keys, seeds).
    pub fn name(self) -> &'static str {
        match self {
            Defect::DropParagraph => "drop-paragraph",
            Defect::DropSentence => "drop-sentence",
            Defect::NumberValue => "number-value",
            Defect::NumberScale => "number-scale",
            Defect::WeekdayMonth => "weekday-month",
            Defect::NameMisspelled => "name-misspelled",
            Defect::NameDeleted => "name-deleted",
            Defect::QuoteUnclosed => "quote-unclosed",
            Defect::QuoteOpenAsClose => "quote-open-as-close",
            Defect::QuoteSpaceBeforeClose => "quote-space-before-close",
            Defect::ReplacedBySource => "replaced-by-source",
            Defect::ReadMore => "boilerplate-read-more",
            Defect::CommentForm => "boilerplate-comment-form",
            Defect::PhotoCredit => "boilerplate-photo-credit",
            Defect::UrlChanged => "url-changed",
        }
    }

    /// The categories whose findings detect the defect.
    pub fn categories(self) -> &'static [Category] {
        match self {
            Defect::DropParagraph | Defect::DropSentence => &[Category::Omission],
            Defect::NumberValue | Defect::NumberScale | Defect::WeekdayMonth => {
                &[Category::Numbers]
            }
            Defect::NameMisspelled | Defect::NameDeleted => &[Category::Names],
            Defect::QuoteUnclosed | Defect::QuoteOpenAsClose | Defect::QuoteSpaceBeforeClose => {
                &[Category::Quotes]
            }
            Defect::ReplacedBySource => &[Category::Untranslated, Category::Language],
            Defect::ReadMore | Defect::CommentForm | Defect::PhotoCredit => {
                &[Category::Boilerplate]
            }
            Defect::UrlChanged => &[Category::Links],
        }
    }

    /// How the defect is made, for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Defect::DropParagraph => {
                "a body paragraph (≥ 60 letters/digits) removed; found by an omission on that source paragraph"
            }
            Defect::DropSentence => {
                "a sentence of ≥ 40 characters removed from a paragraph of two or more sentences"
            }
            Defect::NumberValue => {
                "one digit of a figure changed (digits of URLs, e-mail addresses, @handles and #hashtags are left to url-changed)"
            }
            Defect::NumberScale => {
                "a scale word changed (million ↔ billion, Millionen ↔ Milliarden, 万 ↔ 億…)"
            }
            Defect::WeekdayMonth => "a weekday or month name swapped for another in the same case",
            Defect::NameMisspelled => {
                "one inner letter of the surname of a personal name changed (a run of two or three capitalised words, each also in the source or, when the scripts differ, the run alone; not in Title Case lines)"
            }
            Defect::NameDeleted => {
                "such a personal name deleted whole, when the paragraph does not repeat its surname"
            }
            Defect::QuoteUnclosed => "the closing mark of a quotation removed",
            Defect::QuoteOpenAsClose => "a quotation closed with its opening mark",
            Defect::QuoteSpaceBeforeClose => {
                "a space put before a closing mark (not for French « »)"
            }
            Defect::ReplacedBySource => "a body paragraph replaced with its source paragraph",
            Defect::ReadMore => {
                "a \"Read more:\" line with another article's headline inserted after a paragraph"
            }
            Defect::CommentForm => "a comment-form line inserted after a paragraph",
            Defect::PhotoCredit => "a photo credit line inserted after a paragraph",
            Defect::UrlChanged => "one character of a URL present in source and target changed",
        }
    }
}

/// What the injection knows about the document.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Target language.
    pub tgt_lang: &'a str,
    /// Paragraphs in the document.
    pub paragraphs: usize,
    /// Headlines of other articles in the target language (for teasers).
    pub headlines: &'a [String],
}

/// The change made to one target paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The paragraph's new text.
    Replace(String),
    /// The paragraph removed.
    Remove,
    /// A new paragraph inserted after it.
    InsertAfter(String),
}

/// Makes `defect` in target paragraph `target` (translating `source`), or
/// `None` when the paragraph offers no place for it.
pub fn mutate(
    defect: Defect,
    source: &str,
    target: &str,
    cx: &Context<'_>,
    rng: &mut SplitMix64,
) -> Option<Edit> {
    match defect {
        Defect::DropParagraph => (cx.paragraphs >= 2 && is_body(target)).then_some(Edit::Remove),
        Defect::DropSentence => drop_sentence(target, cx.tgt_lang, rng).map(Edit::Replace),
        Defect::NumberValue => change_digit(target, rng).map(Edit::Replace),
        Defect::NumberScale => change_scale(target, cx.tgt_lang, rng).map(Edit::Replace),
        Defect::WeekdayMonth => swap_weekday_month(target, cx.tgt_lang, rng).map(Edit::Replace),
        Defect::NameMisspelled => {
            let (s, e) = *rng.pick(&name_candidates(source, target, cx.tgt_lang))?;
            misspell(&target[s..e], rng).map(|w| Edit::Replace(splice(target, s, e, &w)))
        }
        Defect::NameDeleted => {
            let (s, e) = *rng.pick(&names_to_delete(source, target, cx.tgt_lang))?;
            Some(Edit::Replace(delete_word(target, s, e)))
        }
        Defect::QuoteUnclosed | Defect::QuoteOpenAsClose | Defect::QuoteSpaceBeforeClose => {
            break_quote(defect, target, cx.tgt_lang, rng).map(Edit::Replace)
        }
        Defect::ReplacedBySource => (is_body(target) && source.trim() != target.trim())
            .then(|| Edit::Replace(source.to_string())),
        Defect::ReadMore => {
            let prefix = read_more(cx.tgt_lang)?;
            let others: Vec<&String> = cx
                .headlines
                .iter()
                .filter(|h| !target.contains(h.as_str()))
                .collect();
            let headline = rng.pick(&others)?;
            let sep = if matches!(cx.tgt_lang, "ja" | "zh") {
                ""
            } else {
                " "
            };
            Some(Edit::InsertAfter(format!("{prefix}{sep}{headline}")))
        }
        Defect::CommentForm => comment_form(cx.tgt_lang).map(|l| Edit::InsertAfter(l.to_string())),
        Defect::PhotoCredit => photo_credit(cx.tgt_lang).map(|l| Edit::InsertAfter(l.to_string())),
        Defect::UrlChanged => change_url(source, target, rng).map(Edit::Replace),
    }
}
