//! Evidence that a source name was dropped, for WC302 `name-dropped`:
//! counting a name's mentions per paragraph on both sides, so that a name
//! the translation only has in a neighbouring paragraph is told apart from
//! one the translator moved there.

use super::extract::{Mention, NameTok};
use super::key::strict;
use super::matching::{PairNames, TgtStatus, TokMatch, entity_derived, para_words, tok_match};
use crate::align::Link;
use crate::rules::SideContext;
use crate::segment::{TokenKind, tokens};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// True when a word of `m` is the same name as `w`.
fn tok_same(m: &Mention, w: &NameTok) -> bool {
    m.toks
        .iter()
        .any(|x| tok_match(x, w, false) == TokMatch::Same)
}

/// How many mentions of the paragraphs `paras` of one side name `m`: share
/// one of its entities or one of its words.
fn count_in(side: &super::extract::SideNames, m: &Mention, paras: &[usize]) -> usize {
    paras
        .iter()
        .filter_map(|&p| side.by_para.get(p))
        .flat_map(|r| side.mentions[r.clone()].iter())
        .filter(|o| {
            o.entities.iter().any(|e| m.entities.contains(e))
                || o.toks.iter().any(|w| tok_same(m, w))
        })
        .count()
}

/// True when a source mention the matching found is absent from the
/// target paragraphs of its own link, in any form (no word of them is the
/// same name), and every neighbouring link's target mentions it no more
/// often than that link's source does: the translation's mentions nearby
/// are accounted for by their own sources, so none is this one moved.
pub fn found_only_in_neighbours(
    names: &PairNames,
    tgt: &SideContext<'_>,
    links: &[Link],
    k: usize,
    m: &Mention,
) -> bool {
    let Some(link) = links.get(k) else {
        return false;
    };
    if link.target.is_empty() {
        return false;
    }
    if count_in(&names.tgt, m, &link.target) > 0 {
        return false;
    }
    if link.target.iter().any(|&p| {
        let words = para_words(tgt, p);
        words.iter().any(|w| tok_same(m, w)) || entity_derived(&m.entities, &words, false)
    }) {
        return false;
    }
    let lo = k.saturating_sub(1);
    let hi = (k + 1).min(links.len().saturating_sub(1));
    if hi == lo {
        return false;
    }
    (lo..=hi).filter(|&j| j != k).all(|j| {
        let l = &links[j];
        count_in(&names.tgt, m, &l.target) <= count_in(&names.src, m, &l.source)
    })
}

/// Lowercase weekday and month names of a language (date tables), which
/// some languages capitalise.
fn calendar_words(lang: Option<&str>) -> Option<&'static HashSet<String>> {
    static CELL: OnceLock<HashMap<String, HashSet<String>>> = OnceLock::new();
    let all = CELL.get_or_init(|| {
        crate::rules::numbers::data::date_tables()
            .iter()
            .map(|t| {
                let words = t
                    .weekdays
                    .iter()
                    .chain(&t.months)
                    .flatten()
                    .map(|w| w.to_lowercase())
                    .collect();
                (t.lang.clone(), words)
            })
            .collect()
    });
    all.get(lang?)
}

/// True when target paragraph `tp` has something a missing source name of
/// source paragraph `sp` may have been translated into: a name no source
/// name accounts for inside a sentence, or a run of `min_run` or more
/// capitalised words inside a sentence (`World Cup` for `Pucharu Świata`)
/// that is neither part of a name matched to the source nor copied from
/// the source paragraph nor the same as a word of its other names,
/// `min_run` being the number of words of `m`, two at most. Weekday and
/// month names do not count.
pub fn translation_left(
    names: &PairNames,
    m: &Mention,
    (src, tgt): (&SideContext<'_>, &SideContext<'_>),
    tp: usize,
) -> bool {
    let sp = m.paragraph;
    let min_run = m.toks.len().clamp(1, 2);
    let added = names.tgt.by_para[tp]
        .clone()
        .any(|ti| names.tgt_status[ti] == TgtStatus::Added && !names.tgt.mentions[ti].initial);
    if added {
        return true;
    }
    // Words of the other names of the source paragraph.
    let others: Vec<&NameTok> = names.src.by_para[sp]
        .clone()
        .map(|si| &names.src.mentions[si])
        .filter(|o| o.start != m.start)
        .flat_map(|o| o.toks.iter())
        .collect();
    let t = super::data::tables();
    let (ss, se) = src.paragraph_range(sp);
    let src_text = src.text();
    let src_words: HashSet<String> = tokens(&src_text[ss..se])
        .filter(|k| k.kind == TokenKind::Word)
        .map(|k| strict(&src_text[ss + k.start..ss + k.end]))
        .collect();
    // First four letters of the other words of the source paragraph: a
    // target word sharing them translates one of those (Amerykanami →
    // Americans), not the missing name.
    let head = |w: &str| w.chars().take(4).collect::<String>();
    let src_heads: HashSet<String> = tokens(&src_text[ss..se])
        .filter(|k| k.kind == TokenKind::Word && !(ss + k.start >= m.start && ss + k.end <= m.end))
        .map(|k| strict(&src_text[ss + k.start..ss + k.end]))
        .filter(|w| w.chars().count() >= 4)
        .map(|w| head(&w))
        .collect();
    let text = tgt.text();
    let code = tgt.lang().map(|l| l.code());
    let calendar = calendar_words(code);
    tgt.sentences_of(tp).iter().any(|s| {
        let words: Vec<(usize, usize)> = tokens(&text[s.start..s.end])
            .filter(|k| k.kind == TokenKind::Word)
            .map(|k| (s.start + k.start, s.start + k.end))
            .collect();
        let fresh = |&(a, b): &(usize, usize)| {
            let w = &text[a..b];
            let l = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 2
                && !calendar.is_some_and(|c| c.contains(&l))
                && !src_words.contains(&strict(w))
                && !src_heads.contains(&head(&strict(w)))
                && !{
                    let k = super::extract::name_tok(t, t.lang(code), text, a, b);
                    others
                        .iter()
                        .any(|x| tok_match(x, &k, false) == TokMatch::Same)
                }
        };
        let mut run = 0;
        for (i, w) in words.iter().enumerate() {
            let joined = i > 0 && text[words[i - 1].1..w.0].chars().all(|c| c == ' ');
            if i > 0 && fresh(w) {
                run = if joined { run + 1 } else { 1 };
                if run >= min_run {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        false
    })
}
