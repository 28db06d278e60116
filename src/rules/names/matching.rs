//! Matching the names of a source with those of its translation.
//!
//! A source mention is found in the target when, in the aligned target
//! paragraphs or their neighbours (translators move names across
//! sentences), one of its words has the same loose key (transliteration
//! variants agree), the same stem (case endings differ: Эрдоганом /
//! Erdogan), the same consonant skeleton across an abjad, or the mention
//! names a table entity that the target names too (Mosca / Moscow). A
//! mention not found may have a near match (one letter off) in its aligned
//! paragraph: a misspelling.

use super::extract::{Mention, NameTok, SideNames, Strength, extract};
use super::glossary::Glossary;
use super::key::{loose_agree, skeleton};
use crate::rules::{PairContext, SideContext};
use crate::segment::{TokenKind, tokens};
use std::collections::HashSet;
use std::sync::Arc;

/// How two name words relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokMatch {
    /// Unrelated.
    None,
    /// One or two letters off: a misspelling, when nothing better exists.
    Near,
    /// The same name (variant spelling, inflection, transliteration).
    Same,
}

/// Vowels a stem may be extended by without changing the name
/// (Zelensk-iy / Zelensk-y).
fn vowel_tail(s: &str) -> bool {
    s.chars().count() <= 2
        && s.chars()
            .all(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'I'))
}

fn starts_agree(long: &str, short: &str) -> bool {
    long.len() >= short.len()
        && long
            .get(..short.len())
            .is_some_and(|head| loose_agree(head, short))
}

/// True when `long` is `short` with vowels inserted (Aleksandr /
/// Alexander): transcriptions across scripts disagree on those.
fn vowels_inserted(x: &str, y: &str) -> bool {
    let cons = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'I'))
            .collect()
    };
    x.len() != y.len() && cons(x) == cons(y) && !cons(x).is_empty()
}

/// Two stems that differ only by a final consonant alternation (k/c, h/z,
/// g/z).
fn alternation(x: &str, y: &str) -> bool {
    if x.len() != y.len() || x.chars().count() < 4 {
        return false;
    }
    let (Some(a), Some(b)) = (x.chars().last(), y.chars().last()) else {
        return false;
    };
    let pair = |p: char, q: char| {
        matches!(
            (p, q),
            ('K', 'S') | ('g', 'S') | ('H', 'S') | ('K', 'X') | ('H', 'X') | ('g', 'X')
        )
    };
    x[..x.len() - a.len_utf8()] == y[..y.len() - b.len_utf8()] && (pair(a, b) || pair(b, a))
}

/// True when a word is written in Latin letters.
pub fn is_latin(s: &str) -> bool {
    s.chars().all(|c| (c as u32) < 0x250 || !c.is_alphabetic())
}

/// Compares two name words.
pub fn tok_match(a: &NameTok, b: &NameTok, abjad: bool) -> TokMatch {
    if a.acronym != b.acronym && (a.acronym || b.acronym) && a.strict.len() <= 5 {
        // EU vs Eu is fine; an acronym and a word only when equal.
        return if a.strict == b.strict {
            TokMatch::Same
        } else {
            TokMatch::None
        };
    }
    // Cyrillic against Latin: a spelling on the lattice of the Cyrillic
    // word is the same name; one letter off every spelling is a slip.
    // (Other evidence of sameness below still wins over one letter off.)
    let lattice = (a.cross != b.cross)
        .then(|| super::lattice::cross_distance(a, b))
        .flatten();
    if lattice == Some(0) {
        return TokMatch::Same;
    }
    let lattice_near = lattice == Some(1)
        && a.strict.chars().count().min(b.strict.chars().count()) >= 4
        && super::lattice::romanised_look(
            if a.cross { &b.strict } else { &a.strict },
            &super::data::tables().cyrillic,
        );
    // In one script, one letter swapped for one no spelling convention
    // trades is a typo, even where the loose keys meet or a digraph hides
    // it (Spillane / Spillann, Lechner / Leohner).
    if !a.cross
        && !b.cross
        && !a.acronym
        && !b.acronym
        && (super::wc301_name_misspelled::typo_like(&a.strict, &b.strict)
            || super::wc301_name_misspelled::final_slip(a, b))
    {
        return TokMatch::Near;
    }
    for x in &a.loose {
        for y in &b.loose {
            if loose_agree(x, y) {
                return TokMatch::Same;
            }
            let (long, short) = if x.len() >= y.len() { (x, y) } else { (y, x) };
            if short.chars().count() >= 4
                && starts_agree(long, short)
                && vowel_tail(&long[short.len()..])
            {
                return TokMatch::Same;
            }
        }
    }
    // Slavic stem alternations before an ending: Африка / Африці, Praha / Praze.
    for x in a.loose.iter().skip(1) {
        for y in b.loose.iter().skip(1) {
            if alternation(x, y) {
                return TokMatch::Same;
            }
        }
    }
    if a.cross != b.cross {
        for x in &a.loose {
            for y in &b.loose {
                if vowels_inserted(x, y) {
                    return TokMatch::Same;
                }
            }
        }
    }
    if abjad {
        let sa = skeleton(a.key());
        if sa.len() >= 2 && sa == skeleton(b.key()) {
            return TokMatch::Same;
        }
    }
    if lattice_near || near(a, b) {
        TokMatch::Near
    } else {
        TokMatch::None
    }
}

/// One or two edits apart, and not one word extending the other.
pub fn near(a: &NameTok, b: &NameTok) -> bool {
    let (x, y) = (a.key(), b.key());
    let (nx, ny) = (a.strict.chars().count(), b.strict.chars().count());
    if nx.min(ny) < 5 || x.chars().count().min(y.chars().count()) < 3 || a.acronym || b.acronym {
        return false;
    }
    if x.starts_with(y) || y.starts_with(x) {
        return false;
    }
    let d = strsim::damerau_levenshtein(x, y);
    let allowed = if nx.min(ny) >= 12 { 2 } else { 1 };
    if d == 0 || d > allowed {
        return false;
    }
    // Same first letter, or a long word otherwise identical.
    x.chars().next() == y.chars().next() || (d == 1 && nx.min(ny) >= 6)
}

/// What became of a source mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SrcStatus {
    /// Found in the target.
    Found,
    /// Not found; a target word in the aligned paragraph is one or two
    /// letters off (mention token, target mention, target token).
    Near(usize, usize, usize),
    /// Not found at all.
    Missing,
}

/// What became of a target mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TgtStatus {
    /// It has a counterpart in the source.
    Found,
    /// It has none.
    Added,
}

/// A document's names, matched.
pub struct PairNames {
    /// Source names.
    pub src: Arc<SideNames>,
    /// Target names.
    pub tgt: Arc<SideNames>,
    /// Per source mention.
    pub src_status: Vec<SrcStatus>,
    /// Per source mention: a word one or two letters off its target
    /// counterpart (mention word, target mention, target word), also when
    /// other words of the name were found.
    pub src_near: Vec<Option<(usize, usize, usize)>>,
    /// Target paragraph each source mention was aligned to (first).
    pub src_target_para: Vec<Option<usize>>,
    /// Per target mention.
    pub tgt_status: Vec<TgtStatus>,
    /// Source paragraph each target mention was aligned to (first).
    pub tgt_source_para: Vec<Option<usize>>,
    /// Per target mention: a word one or two letters off a source name
    /// and the same as none (target word, source mention, source word).
    pub tgt_near: Vec<Option<(usize, usize, usize)>>,
}

/// Words of a paragraph as name words, for searching names that the
/// extractor did not take as candidates (lowercase, sentence-initial).
pub fn para_words(side: &SideContext<'_>, p: usize) -> Vec<NameTok> {
    let t = super::data::tables();
    let lang = t.lang(side.lang().map(|l| l.code()));
    let (s, e) = side.paragraph_range(p);
    let text = side.text();
    tokens(&text[s..e])
        .filter(|k| k.kind == TokenKind::Word && k.end - k.start >= 3)
        .map(|k| super::extract::name_tok(t, lang, text, s + k.start, s + k.end))
        .collect()
}

fn is_abjad_side(side: &SideContext<'_>) -> bool {
    side.lang()
        .is_some_and(|l| matches!(l.code(), "ar" | "he" | "fa" | "ur" | "hi"))
}

/// True when a word derives from a form of one of the entities (Russia /
/// Russian / российский, China / Chinese): it shares the form's first four
/// letters and differs by at most three at the end. `loose` also accepts a
/// word sharing all but the form's last letter, and at least three (a case
/// form such as Vídni for Vídeň).
pub(super) fn entity_derived(entities: &[u32], words: &[NameTok], loose: bool) -> bool {
    let t = super::data::tables();
    entities.iter().any(|&e| {
        t.entities[e as usize].forms.iter().any(|(_, f)| {
            let fk = super::key::strict(f);
            let n = fk.chars().count();
            words.iter().any(|w| {
                let common = fk
                    .chars()
                    .zip(w.strict.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                (common >= 4 && n - common <= 3)
                    || (loose && n >= 4 && common >= 3 && common + 1 >= n)
            })
        })
    })
}

/// True when some word of `m` matches one of `words` at `level` or better.
fn mention_in_words(m: &Mention, words: &[NameTok], abjad: bool) -> bool {
    m.toks.iter().any(|a| {
        words
            .iter()
            .any(|b| tok_match(a, b, abjad) == TokMatch::Same)
    })
}

fn mentions_match(a: &Mention, b: &Mention, abjad: bool) -> TokMatch {
    if a.entities.iter().any(|e| b.entities.contains(e)) {
        return TokMatch::Same;
    }
    let mut best = TokMatch::None;
    for x in &a.toks {
        for y in &b.toks {
            best = best.max(tok_match(x, y, abjad));
            if best == TokMatch::Same {
                return best;
            }
        }
    }
    best
}

/// Paragraph link neighbourhood: target (or source) paragraphs of links
/// `k-1..=k+1`.
fn scope(links: &[crate::align::Link], k: usize, target: bool) -> Vec<usize> {
    let lo = k.saturating_sub(1);
    let hi = (k + 1).min(links.len().saturating_sub(1));
    let mut v = Vec::new();
    for l in &links[lo..=hi] {
        v.extend_from_slice(if target { &l.target } else { &l.source });
    }
    v
}

/// The name candidates of both sides of a document, extracted once and
/// shared by every names rule through the context's memo.
pub struct DocNames {
    /// Source names, when there is a source.
    pub src: Option<Arc<SideNames>>,
    /// Target names.
    pub tgt: Arc<SideNames>,
}

/// The [`DocNames`] of a document, from the memo.
pub fn extracted(cx: &PairContext<'_>) -> Arc<DocNames> {
    cx.memo.get_or_insert(|| DocNames {
        src: cx.source.as_ref().map(|s| Arc::new(extract(s))),
        tgt: Arc::new(extract(&cx.target)),
    })
}

/// [`analyse`], computed once per document and shared by the names rules
/// through the context's memo.
pub fn analyse_shared(
    cx: &PairContext<'_>,
    glossary: Option<&Glossary>,
) -> std::sync::Arc<Option<PairNames>> {
    cx.memo.get_or_insert(|| analyse(cx, glossary))
}

/// Matches a document's names. `None` without a source.
pub fn analyse(cx: &PairContext<'_>, glossary: Option<&Glossary>) -> Option<PairNames> {
    let (src_side, al) = cx.pair()?;
    let tgt_side = cx.target;
    let doc = extracted(cx);
    let src = doc.src.clone()?;
    let tgt = doc.tgt.clone();
    let abjad = is_abjad_side(&src_side) || is_abjad_side(&tgt_side);
    let mut src_status = vec![SrcStatus::Missing; src.mentions.len()];
    let mut src_target_para = vec![None; src.mentions.len()];
    let mut src_near: Vec<Option<(usize, usize, usize)>> = vec![None; src.mentions.len()];
    let mut tgt_status = vec![TgtStatus::Added; tgt.mentions.len()];
    let mut tgt_source_para = vec![None; tgt.mentions.len()];
    let mut tgt_near: Vec<Option<(usize, usize, usize)>> = vec![None; tgt.mentions.len()];
    let mut tgt_words: Vec<Option<Vec<NameTok>>> = vec![None; tgt_side.paragraph_count()];
    let mut src_words: Vec<Option<Vec<NameTok>>> = vec![None; src_side.paragraph_count()];
    let links = &al.paragraphs;
    for (k, link) in links.iter().enumerate() {
        let t_scope = scope(links, k, true);
        let s_scope = scope(links, k, false);
        let t_mentions: Vec<usize> = t_scope
            .iter()
            .flat_map(|&p| tgt.by_para[p].clone())
            .collect();
        let s_mentions: Vec<usize> = s_scope
            .iter()
            .flat_map(|&p| src.by_para[p].clone())
            .collect();
        let aligned_t: HashSet<usize> = link
            .target
            .iter()
            .flat_map(|&p| tgt.by_para[p].clone())
            .collect();
        // A link of several target paragraphs (a line inserted after a
        // paragraph) reports on its longest one.
        let main_t = link.target.iter().copied().max_by_key(|&p| {
            let (s, e) = tgt_side.paragraph_range(p);
            (e - s, std::cmp::Reverse(p))
        });
        for &sp in &link.source {
            for mi in src.by_para[sp].clone() {
                src_target_para[mi] = main_t;
                let m = &src.mentions[mi];
                if let Some(g) = glossary
                    && let Some(found) = g.source_found(m, &src_side, &tgt, &t_mentions, &tgt_side)
                {
                    src_status[mi] = found;
                    continue;
                }
                let mut found = false;
                // Per source word: the best near match in the aligned paragraphs.
                let mut tok_same = vec![false; m.toks.len()];
                let mut aligned_same = false;
                let mut tok_near: Vec<Option<(usize, usize)>> = vec![None; m.toks.len()];
                for &ti in &t_mentions {
                    let tm = &tgt.mentions[ti];
                    if m.entities.iter().any(|e| tm.entities.contains(e)) {
                        found = true;
                    }
                    for (a, x) in m.toks.iter().enumerate() {
                        for (b, y) in tm.toks.iter().enumerate() {
                            match tok_match(x, y, abjad) {
                                TokMatch::Same => {
                                    tok_same[a] = true;
                                    if aligned_t.contains(&ti) {
                                        aligned_same = true;
                                    }
                                }
                                TokMatch::Near
                                    if aligned_t.contains(&ti)
                                        && tok_near[a].is_none()
                                        && m.strength > Strength::Weak
                                        && !(tm.strength == Strength::Weak && tm.initial) =>
                                {
                                    tok_near[a] = Some((ti, b));
                                }
                                _ => {}
                            }
                        }
                    }
                }
                // In the aligned paragraphs any word of the name will do (a
                // surname alone); a neighbour must hold the name more fully,
                // since a surname there may just refer back.
                let need = m.toks.len().clamp(1, 2);
                found |= aligned_same || tok_same.iter().filter(|&&x| x).count() >= need;
                if !found && !m.toks.is_empty() {
                    for &p in &link.target {
                        let words = tgt_words[p].get_or_insert_with(|| para_words(&tgt_side, p));
                        if mention_in_words(m, words, abjad)
                            || entity_derived(&m.entities, words, false)
                        {
                            found = true;
                            break;
                        }
                    }
                }
                let entity_found = found && !tok_same.iter().any(|&x| x) && !m.entities.is_empty();
                let near = (0..m.toks.len()).filter(|_| !entity_found).find_map(|a| {
                    (!tok_same[a])
                        .then_some(tok_near[a])
                        .flatten()
                        .map(|(ti, b)| (a, ti, b))
                });
                let best = (
                    if found {
                        TokMatch::Same
                    } else if near.is_some() {
                        TokMatch::Near
                    } else {
                        TokMatch::None
                    },
                    0,
                    0,
                    0,
                );
                src_near[mi] = near;
                src_status[mi] = match best.0 {
                    TokMatch::Same => SrcStatus::Found,
                    TokMatch::Near => {
                        let (a, ti, b) = near.unwrap_or((best.1, best.2, best.3));
                        SrcStatus::Near(a, ti, b)
                    }
                    TokMatch::None => SrcStatus::Missing,
                };
            }
        }
        for &tp in &link.target {
            for ti in tgt.by_para[tp].clone() {
                tgt_source_para[ti] = link.source.first().copied();
                let tm = &tgt.mentions[ti];
                if glossary.is_some_and(|g| g.target_accepted(tm, &tgt_side)) {
                    tgt_status[ti] = TgtStatus::Found;
                    continue;
                }
                let mut found = s_mentions
                    .iter()
                    .any(|&si| mentions_match(&src.mentions[si], tm, abjad) > TokMatch::None);
                if !found && !tm.toks.is_empty() {
                    for &p in &s_scope {
                        let words = src_words[p].get_or_insert_with(|| para_words(&src_side, p));
                        if mention_in_words(tm, words, abjad)
                            || entity_derived(&tm.entities, words, false)
                        {
                            found = true;
                            break;
                        }
                    }
                }
                if found {
                    tgt_status[ti] = TgtStatus::Found;
                }
                // A target word one letter off a source name of the aligned
                // paragraph, and the same as none (one occurrence misspelled
                // among correct ones).
                if tm.strength == Strength::Weak && tm.initial {
                    continue;
                }
                let aligned_s: Vec<usize> = link
                    .source
                    .iter()
                    .flat_map(|&p| src.by_para[p].clone())
                    .collect();
                'tok: for (b, y) in tm.toks.iter().enumerate() {
                    let mut cand = None;
                    for &si in &s_mentions {
                        let sm = &src.mentions[si];
                        if sm.entities.iter().any(|e| tm.entities.contains(e)) {
                            continue 'tok;
                        }
                        for (a, x) in sm.toks.iter().enumerate() {
                            match tok_match(x, y, abjad) {
                                TokMatch::Same => continue 'tok,
                                TokMatch::Near
                                    if cand.is_none()
                                        && aligned_s.contains(&si)
                                        && sm.strength > Strength::Weak =>
                                {
                                    cand = Some((b, si, a));
                                }
                                _ => {}
                            }
                        }
                    }
                    if cand.is_some() {
                        tgt_near[ti] = cand;
                        break;
                    }
                }
            }
        }
    }
    // A near match whose target word is itself the same as another source
    // name is no misspelling (two people, Scholz and Schulz).
    let taken = |ti: usize, b: usize| {
        let y = &tgt.mentions[ti].toks[b];
        src.mentions.iter().any(|m| {
            m.toks
                .iter()
                .any(|x| tok_match(x, y, abjad) == TokMatch::Same)
        })
    };
    for i in 0..src_status.len() {
        if let Some((_, ti, b)) = src_near[i]
            && taken(ti, b)
        {
            src_near[i] = None;
            if matches!(src_status[i], SrcStatus::Near(..)) {
                src_status[i] = SrcStatus::Missing;
            }
        }
    }
    Some(PairNames {
        src,
        tgt,
        src_status,
        src_near,
        src_target_para,
        tgt_status,
        tgt_source_para,
        tgt_near,
    })
}

/// True when some word of the paragraphs `paras` of `side` shares a long
/// prefix with a word of `m` (a translated institution name: Corte /
/// Court, ministero / ministry).
pub fn has_cognate(m: &Mention, side: &SideContext<'_>, paras: &[usize]) -> bool {
    paras.iter().any(|&p| cognate_in(m, &para_words(side, p)))
}

/// [`has_cognate`] over words already split.
pub fn cognate_in(m: &Mention, words: &[NameTok]) -> bool {
    for w in words {
        for x in &m.toks {
            let (a, b) = (x.key(), w.key());
            let common = a.chars().zip(b.chars()).take_while(|(p, q)| p == q).count();
            let min = a.chars().count().min(b.chars().count());
            if common >= 5 || (common >= 4 && common + 1 >= min) {
                return true;
            }
            if min >= 6 && common >= 2 && strsim::jaro_winkler(a, b) >= 0.88 {
                return true;
            }
        }
    }
    false
}

/// The words of every paragraph of a side, as name words.
pub fn side_words(side: &SideContext<'_>) -> Vec<NameTok> {
    (0..side.paragraph_count())
        .flat_map(|p| para_words(side, p))
        .collect()
}

/// The strength a mention needs for its absence to be reported.
pub fn reportable(m: &Mention) -> bool {
    m.strength >= Strength::Medium
}
