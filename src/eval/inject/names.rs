//! Name injections: a name found, misspelled or deleted.

use super::super::prng::SplitMix64;
use super::numbers::is_month_or_weekday;
use super::text::{self, find_word, is_sentence_initial, splice};

fn is_latin(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x0250
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// Share of the letters of `text` in the script of `c`.
fn script_share(text: &str, c: char) -> f64 {
    let same = |d: char| (is_latin(c) && is_latin(d)) || (is_cyrillic(c) && is_cyrillic(d));
    let letters = text.chars().filter(|d| d.is_alphabetic()).count();
    if letters == 0 {
        return 0.0;
    }
    text.chars().filter(|&d| same(d)).count() as f64 / letters as f64
}

/// Words of the target that are names: capitalised, four letters or more,
/// not starting a sentence, not a weekday or month; and either found as a
/// whole word in the source, or (when the source is in another script)
/// next to another capitalised word.
pub fn name_candidates(source: &str, target: &str, lang: &str) -> Vec<(usize, usize)> {
    if matches!(lang, "ja" | "zh") {
        return Vec::new();
    }
    let ws = text::words(target);
    let capitalised = |&(s, e): &(usize, usize)| {
        let w = &target[s..e];
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    let mut out = Vec::new();
    for (k, &(s, e)) in ws.iter().enumerate() {
        let w = &target[s..e];
        if w.chars().count() < 4
            || !capitalised(&(s, e))
            || is_sentence_initial(target, s)
            || is_month_or_weekday(w)
        {
            continue;
        }
        let first = w.chars().next().unwrap_or('a');
        let shared = !find_word(source, w).is_empty();
        let other_script = script_share(source, first) < 0.2;
        let adjacent = |j: usize| {
            ws.get(j).is_some_and(|&(a, b)| {
                capitalised(&(a, b)) && {
                    let (lo, hi) = if a < s { (b, s) } else { (e, a) };
                    target[lo..hi].chars().all(|c| c == ' ')
                }
            })
        };
        let in_run = (k > 0 && adjacent(k - 1)) || adjacent(k + 1);
        if shared || (other_script && in_run) {
            out.push((s, e));
        }
    }
    out
}

/// The word with one inner lower-case letter changed.
pub fn misspell(word: &str, rng: &mut SplitMix64) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let inner: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i].is_alphabetic() && chars[i].is_lowercase())
        .collect();
    let &i = rng.pick(&inner)?;
    let pool: &[char] = if is_cyrillic(chars[i]) {
        &['а', 'е', 'и', 'о', 'н', 'р', 'с', 'т']
    } else {
        &['a', 'e', 'i', 'o', 'u', 'l', 'n', 'r', 's', 't']
    };
    let choices: Vec<char> = pool.iter().copied().filter(|&c| c != chars[i]).collect();
    let &c = rng.pick(&choices)?;
    let mut out = chars;
    out[i] = c;
    Some(out.into_iter().collect())
}

/// The text without the word at `s..e` and one space next to it.
pub fn delete_word(text: &str, s: usize, e: usize) -> String {
    if text[e..].starts_with(' ') {
        splice(text, s, e + 1, "")
    } else if s > 0 && text[..s].ends_with(' ') {
        splice(text, s - 1, e, "")
    } else {
        splice(text, s, e, "")
    }
}
