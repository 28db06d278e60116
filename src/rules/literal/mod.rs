//! Literal-translation artifacts rules (4xx): false friends, calques and
//! untranslated fragments.

pub mod calques;
pub mod false_friends;
pub mod fragments;
pub mod script;
pub mod wc401_false_friend;
pub mod wc402_calque;
pub mod wc403_untranslated_fragment;

use crate::rules::Rule;

/// The rules of this group, ordered by code.
pub static RULES: &[&dyn Rule] = &[
    &wc401_false_friend::FalseFriend,
    &wc402_calque::Calque,
    &wc403_untranslated_fragment::UntranslatedFragment,
];

/// Words as the literal tables tokenise them: maximal runs of alphabetic
/// characters (apostrophes, hyphens and digits split), as byte ranges of
/// `text`.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|&(_, c)| c.is_alphabetic())?;
        let mut end = text.len();
        while let Some(&(j, c)) = chars.peek() {
            if !c.is_alphabetic() {
                end = j;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// `word` lowercased into `buf` (cleared first).
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_apostrophes_and_digits() {
        let t = "L'argomento, 3rd dell’anno — Straße!";
        let w: Vec<&str> = words(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(w, ["L", "argomento", "rd", "dell", "anno", "Straße"]);
    }
}
