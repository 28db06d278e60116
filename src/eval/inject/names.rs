//! Name injections: a personal name found, its surname misspelled, or the
//! whole name deleted.

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

/// A personal name of the target: a run of two or three capitalised words
/// (given name and surname), as `(run start, run end, surname start,
/// surname end)`.
pub type NameRun = (usize, usize, usize, usize);

/// Personal names of the target: runs of two or three capitalised words
/// separated by single spaces, the surname four letters or more, no word a
/// weekday or month; every word found as a whole word in the source, or
/// (when the source is in another script) the run alone is the evidence.
/// Title Case lines (headlines) are skipped, since every word is
/// capitalised there.
pub fn name_runs(source: &str, target: &str, lang: &str) -> Vec<NameRun> {
    if matches!(lang, "ja" | "zh") {
        return Vec::new();
    }
    let ws = text::words(target);
    let capitalised = |&(s, e): &(usize, usize)| {
        let w = &target[s..e];
        let mut cs = w.chars();
        w.chars().count() >= 2
            && cs.next().is_some_and(char::is_uppercase)
            && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    let long: Vec<&(usize, usize)> = ws.iter().filter(|&&(s, e)| e - s >= 8).collect();
    let caps = long.iter().filter(|w| capitalised(w)).count();
    if !long.is_empty() && caps * 2 > long.len() {
        return Vec::new();
    }
    let first = target.chars().find(|c| c.is_alphabetic()).unwrap_or('a');
    let other_script = script_share(source, first) < 0.2;
    let joined =
        |a: &(usize, usize), b: &(usize, usize)| a.1 <= b.0 && target.get(a.1..b.0) == Some(" ");
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        if !capitalised(&ws[k]) {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        while j < ws.len() && capitalised(&ws[j]) && joined(&ws[j - 1], &ws[j]) {
            j += 1;
        }
        let mut run = &ws[k..j];
        k = j;
        // A sentence's first word joins the run only as a name of the
        // source (Yesterday Angela Merkel).
        let (s0, e0) = run[0];
        if run.len() >= 2
            && is_sentence_initial(target, s0)
            && (if other_script {
                run.len() >= 3
            } else {
                find_word(source, &target[s0..e0]).is_empty()
            })
        {
            run = &run[1..];
        }
        if !(2..=3).contains(&run.len()) {
            continue;
        }
        let ok = run.iter().all(|&(s, e)| {
            let w = &target[s..e];
            !is_month_or_weekday(w) && (other_script || !find_word(source, w).is_empty())
        });
        let (ls, le) = run[run.len() - 1];
        if ok && target[ls..le].chars().count() >= 4 {
            out.push((run[0].0, le, ls, le));
        }
    }
    out
}

/// Surnames to misspell.
pub fn name_candidates(source: &str, target: &str, lang: &str) -> Vec<(usize, usize)> {
    name_runs(source, target, lang)
        .into_iter()
        .map(|(_, _, s, e)| (s, e))
        .collect()
}

/// Whole names to delete: those whose surname the paragraph does not
/// repeat (deleting one mention of a name said twice drops nothing).
pub fn names_to_delete(source: &str, target: &str, lang: &str) -> Vec<(usize, usize)> {
    name_runs(source, target, lang)
        .into_iter()
        .filter(|&(_, _, s, e)| find_word(target, &target[s..e]).len() == 1)
        .map(|(s, e, _, _)| (s, e))
        .collect()
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
