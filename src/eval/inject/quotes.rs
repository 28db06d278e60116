//! Quotation injections: a closing mark removed, replaced by the opening
//! mark, or preceded by a space.

use super::super::prng::SplitMix64;
use super::Defect;
use super::text::{Quotation, quotations, splice};
use crate::segment::is_cjk_char;

/// The text with one quotation broken the way `defect` says.
pub fn break_quote(
    defect: Defect,
    target: &str,
    lang: &str,
    rng: &mut SplitMix64,
) -> Option<String> {
    let qs: Vec<Quotation> = quotations(target)
        .into_iter()
        .filter(|q| match defect {
            Defect::QuoteOpenAsClose => q.open_mark != q.close_mark,
            Defect::QuoteSpaceBeforeClose => {
                let before = target[..q.close].chars().next_back().unwrap_or(' ');
                let french = lang == "fr" && q.close_mark == '»';
                !(before.is_whitespace() || is_cjk_char(before) || french)
            }
            _ => true,
        })
        .collect();
    let q = rng.pick(&qs)?;
    let end = q.close + q.close_mark.len_utf8();
    Some(match defect {
        Defect::QuoteUnclosed => splice(target, q.close, end, ""),
        Defect::QuoteOpenAsClose => splice(target, q.close, end, &q.open_mark.to_string()),
        _ => splice(target, q.close, q.close, " "),
    })
}
