//! Number injections: a digit, a scale word, a weekday or a month changed.

use super::super::prng::SplitMix64;
use super::links::link_spans;
use super::text::{capitalize, find_word, splice};
use super::words::{AMBIGUOUS, ScaleMode, months, scales, weekdays};

/// The text with one digit of a figure changed (never giving a number a
/// leading zero). Digits inside URLs, e-mail addresses, @handles and
/// #hashtags are identifiers, not figures: `url-changed` covers links.
pub fn change_digit(target: &str, rng: &mut SplitMix64) -> Option<String> {
    let links = link_spans(target);
    let digits: Vec<usize> = target
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .filter(|&(i, _)| !links.iter().any(|&(s, e)| s <= i && i < e))
        .map(|(i, _)| i)
        .collect();
    let &i = rng.pick(&digits)?;
    let b = target.as_bytes();
    let d = b[i] - b'0';
    let run_start = !(i > 0 && b[i - 1].is_ascii_digit());
    let run_longer = b.get(i + 1).is_some_and(u8::is_ascii_digit);
    let mut new = (d + 1 + rng.below(9) as u8) % 10;
    if new == 0 && run_start && run_longer {
        new = if d == 1 { 2 } else { 1 };
    }
    Some(splice(
        target,
        i,
        i + 1,
        &char::from(b'0' + new).to_string(),
    ))
}

/// The text with one scale word changed (million → billion…).
pub fn change_scale(target: &str, lang: &str, rng: &mut SplitMix64) -> Option<String> {
    let mut spots: Vec<(usize, usize, &str)> = Vec::new();
    for &(from, to, mode) in scales(lang) {
        for (i, _) in target.match_indices(from) {
            let before = target[..i].chars().next_back();
            let after = target[i + from.len()..].chars().next();
            let ok = match mode {
                ScaleMode::Word => {
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                }
                ScaleMode::Prefix => !before.is_some_and(char::is_alphanumeric),
                ScaleMode::AfterDigit => {
                    before.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
                }
            };
            // A shorter form inside a longer one already listed is skipped.
            if ok && !spots.iter().any(|&(s, e, _)| s <= i && i < e) {
                spots.push((i, i + from.len(), to));
            }
        }
    }
    let &(s, e, to) = rng.pick(&spots)?;
    Some(splice(target, s, e, to))
}

/// The text with one weekday or month swapped for another in the same case.
pub fn swap_weekday_month(target: &str, lang: &str, rng: &mut SplitMix64) -> Option<String> {
    let mut spots: Vec<(usize, usize, &'static [&'static str], usize, bool)> = Vec::new();
    for list in weekdays(lang).iter().chain(months(lang).iter()) {
        for (k, form) in list.iter().enumerate() {
            if AMBIGUOUS.contains(form) {
                continue;
            }
            let forms = [form.to_string(), capitalize(form)];
            for (cap, f) in forms.iter().enumerate() {
                if cap == 1 && forms[0] == forms[1] {
                    continue;
                }
                for i in find_word(target, f) {
                    if !spots.iter().any(|&(s, _, _, _, _)| s == i) {
                        spots.push((i, i + f.len(), list, k, cap == 1));
                    }
                }
            }
        }
    }
    let &(s, e, list, k, cap) = rng.pick(&spots)?;
    let other = list[(k + 1 + rng.below(list.len() - 1)) % list.len()];
    let other = if cap {
        capitalize(other)
    } else {
        other.to_string()
    };
    Some(splice(target, s, e, &other))
}

/// True when `word` names a weekday or month in a language with lists.
pub fn is_month_or_weekday(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["en", "de", "fr", "es", "it", "pt", "cs", "ru", "uk"]
        .iter()
        .any(|l| {
            weekdays(l)
                .iter()
                .chain(months(l).iter())
                .any(|list| list.iter().any(|f| f.to_lowercase() == lower))
        })
}
