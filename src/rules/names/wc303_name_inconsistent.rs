//! WC303 `name-inconsistent`.

use super::data::tables;
use super::extract::{Mention, Strength};
use super::key::strict;
use super::matching::{TokMatch, near, tok_match};
use super::{glossary_of, quoted};
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta, target_span};
use std::collections::{BTreeMap, HashMap, HashSet};

crate::declare_rule! {
    /// ## What it does
    /// Finds one name spelled two ways in the same translation: two
    /// transliterations (`Dmitry Kovalyov` in one paragraph, `Kovalev` in
    /// another), two romanisations of a Chinese name (`Liu Jianguo` and `Liu
    /// Chien-kuo`), a spelling one letter off the form used elsewhere
    /// (`Stoltenberg` and `Stoltemberg`), or, with a glossary, a form the
    /// glossary forbids. Works on a target alone.
    ///
    /// ## Why is this bad?
    /// Readers take two spellings for two people; search engines and
    /// archives split the article's subject in two.
    ///
    /// ## Example
    /// Target (en):
    /// ```text
    /// “We see a steady trend,” said Dmitry Kovalyov, head of the laboratory.
    ///
    /// Kovalev stressed that tourism is affected too.
    /// ```
    /// → `“Kovalev” is spelled “Kovalyov” in paragraph 0`
    ///
    /// ## Language pairs
    /// Any target in a cased script (Latin, Cyrillic, Greek). Inflected
    /// forms (`Зеленский`, `Зеленского`) are one spelling.
    ///
    /// ## Known problems
    /// Two different people whose names differ by one letter (Petersen and
    /// Pedersen) are reported unless the source spells them differently too.
    /// Mixing `ё` and `е` in Russian is not reported.
    pub struct NameInconsistent {
        code: "WC303",
        name: "name-inconsistent",
        category: Names,
        severity: Warning,
        needs_source: false,
        summary: "one name spelled two ways in the translation",
    }
}

/// Shortest word (letters of its loose key) compared for near spellings.
pub const MIN_NEAR_LEN: usize = 4;

struct Occ {
    mention: usize,
    tok: usize,
    surface: String,
    strong: bool,
}

fn surface(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .map(|c| match c {
            'ё' => 'е',
            '’' | 'ʼ' => '\'',
            c => c,
        })
        .collect()
}

impl Rule for NameInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let tgt = cx.target;
        let text = tgt.text();
        let doc = super::matching::extracted(cx);
        let names = &*doc.tgt;
        if !names.cased {
            return;
        }
        let glossary = glossary_of(cx);
        let src_keys: HashSet<&str> = doc
            .src
            .iter()
            .flat_map(|s| s.mentions.iter())
            .flat_map(|m| m.toks.iter().map(|t| t.key()))
            .collect();
        let mut reported: HashSet<usize> = HashSet::new();
        // Forms the glossary forbids.
        if let Some(g) = glossary {
            for (i, m) in names.mentions.iter().enumerate() {
                if let Some(p) = g.replacement(m, &tgt) {
                    let mut f = Self::META.finding(
                        target_span(m.start, m.end),
                        format!(
                            "{} is a form the glossary forbids; use {}",
                            quoted(&text[m.start..m.end]),
                            quoted(p)
                        ),
                    );
                    f.target_paragraph = Some(m.paragraph);
                    f.target_evidence = Some((m.start, m.end));
                    f.suggestion = Some(p.to_string());
                    out.push(f);
                    reported.insert(i);
                }
            }
        }
        // Occurrences grouped by loose key (X read as S).
        let lang = tables().lang(tgt.lang().map(|l| l.code()));
        let mut strict_endings: Vec<String> = lang.endings.iter().map(|e| strict(e)).collect();
        strict_endings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        strict_endings.dedup();
        // A spelling the document once uses as an ordinary word (`die
        // Musik`) is an ordinary word throughout.
        let common: HashSet<&str> = names
            .mentions
            .iter()
            .flat_map(|m| m.toks.iter())
            .filter(|t| t.common)
            .map(|t| t.strict.as_str())
            .collect();
        let mut groups: HashMap<String, Vec<Occ>> = HashMap::new();
        for (i, m) in names.mentions.iter().enumerate() {
            if glossary.is_some_and(|g| g.target_accepted(m, &tgt)) {
                continue;
            }
            for (k, t) in m.toks.iter().enumerate() {
                // A word the document also uses as an ordinary word
                // (`die Musik`) is no spelling of a name.
                if t.acronym || common.contains(t.strict.as_str()) || t.key().chars().count() < 4 {
                    continue;
                }
                groups
                    .entry(t.key().replace('X', "S"))
                    .or_default()
                    .push(Occ {
                        mention: i,
                        tok: k,
                        surface: {
                            // Endings are stripped after diacritics are
                            // folded: Strykeru / Strykerů, Klerkovi /
                            // Klerkoví are one case form written two ways.
                            let l = strict(&surface(&text[t.start..t.end]));
                            super::data::strip_ending(&l, &strict_endings)
                                .unwrap_or(&l)
                                .to_string()
                        },
                        strong: m.strength > Strength::Weak,
                    });
            }
        }
        let mut keys: Vec<&String> = groups.keys().collect();
        keys.sort_by_key(|k| (groups[*k][0].mention, *k));
        for key in &keys {
            let occ = &groups[*key];
            if !occ.iter().any(|o| o.strong) {
                continue;
            }
            let first = &occ[0].surface;
            let cross = |o: &Occ| names.mentions[o.mention].toks[o.tok].cross;
            // Transcriptions into other scripts double or single a
            // consonant freely (Кёрри / Кёри, Акилло / Акило); forms of
            // one table entity are both names of it (Rusia / Russia).
            if occ.iter().all(|o| &o.surface == first)
                || occ.iter().any(|o| cross(o) != cross(&occ[0]))
                || (cross(&occ[0])
                    && occ
                        .iter()
                        .all(|o| undoubled(&o.surface) == undoubled(first)))
                || shared_entity(occ.iter().map(|o| &names.mentions[o.mention]))
            {
                continue;
            }
            report_minority(
                self,
                cx,
                &names.mentions,
                occ.iter().collect(),
                &mut reported,
                out,
            );
        }
        // Near spellings: one letter off, bucketed by first symbol.
        let mut buckets: BTreeMap<char, Vec<&String>> = BTreeMap::new();
        for key in &keys {
            if key.chars().count() >= MIN_NEAR_LEN && groups[*key].iter().any(|o| o.strong) {
                buckets
                    .entry(key.chars().next().unwrap_or(' '))
                    .or_default()
                    .push(key);
            }
        }
        for bucket in buckets.values() {
            for (x, a) in bucket.iter().enumerate() {
                for b in &bucket[x + 1..] {
                    let (oa, ob) = (&groups[*a][0], &groups[*b][0]);
                    let ta = &names.mentions[oa.mention].toks[oa.tok];
                    let tb = &names.mentions[ob.mention].toks[ob.tok];
                    let (ma, mb) = (&names.mentions[oa.mention], &names.mentions[ob.mention]);
                    if !near(ta, tb)
                        || ta.cross != tb.cross
                        || (ta.cross && undoubled(&ta.strict) == undoubled(&tb.strict))
                        || ma.entities.iter().any(|e| mb.entities.contains(e))
                        // A place of the tables and a word the tables do not
                        // know are two names, or a name and a common word
                        // (Шотландії / Шетланді, Tschechien / Sachen).
                        || ma.entities.is_empty() != mb.entities.is_empty()
                        || super::wc301_name_misspelled::ending_only(ta.key(), tb.key())
                        || tok_match(ta, tb, false) == TokMatch::Same
                        || src_keys.contains(ta.key())
                        || src_keys.contains(tb.key())
                    {
                        continue;
                    }
                    let mut all: Vec<&Occ> = groups[*a].iter().chain(groups[*b].iter()).collect();
                    all.sort_by_key(|o| o.mention);
                    report_minority(self, cx, &names.mentions, all, &mut reported, out);
                }
            }
        }
        chinese(self, cx, &names.mentions, &mut reported, out);
    }
}

/// Reports the occurrences of the less frequent spelling of a group.
/// True when all the mentions name one table entity.
fn shared_entity<'m>(mut ms: impl Iterator<Item = &'m Mention>) -> bool {
    let Some(first) = ms.next() else { return false };
    let mut common: Vec<u32> = first.entities.clone();
    for m in ms {
        common.retain(|e| m.entities.contains(e));
    }
    !common.is_empty()
}

/// The word with runs of one letter written once (Кёрри → Кёри).
fn undoubled(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn report_minority(
    rule: &NameInconsistent,
    cx: &PairContext<'_>,
    mentions: &[Mention],
    occ: Vec<&Occ>,
    reported: &mut HashSet<usize>,
    out: &mut Vec<Finding>,
) {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, o) in occ.iter().enumerate() {
        match counts.iter_mut().find(|c| c.0 == o.surface) {
            Some(c) => c.1 += 1,
            None => counts.push((&o.surface, 1, i)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    let (main, _, first) = *counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .unwrap_or(&counts[0]);
    let text = cx.target.text();
    let main_occ = occ[first];
    let mt = &mentions[main_occ.mention].toks[main_occ.tok];
    let main_form = &text[mt.start..mt.end];
    for o in &occ {
        if o.surface == main || !reported.insert(o.mention) {
            continue;
        }
        let m = &mentions[o.mention];
        let t = &m.toks[o.tok];
        let mut f = rule_finding(
            rule,
            t.start,
            t.end,
            format!(
                "{} is spelled {} in paragraph {}",
                quoted(&text[t.start..t.end]),
                quoted(main_form),
                mentions[main_occ.mention].paragraph
            ),
        );
        f.target_paragraph = Some(m.paragraph);
        f.target_evidence = Some((m.start, m.end));
        f.suggestion = Some(main_form.to_string());
        out.push(f);
        let _ = main;
    }
}

fn rule_finding(_: &NameInconsistent, s: usize, e: usize, message: String) -> Finding {
    NameInconsistent::META.finding(target_span(s, e), message)
}

/// Chinese given names romanised two ways after the same surname.
fn chinese(
    rule: &NameInconsistent,
    cx: &PairContext<'_>,
    mentions: &[Mention],
    reported: &mut HashSet<usize>,
    out: &mut Vec<Finding>,
) {
    let t = tables();
    let text = cx.target.text();
    let fold = |w: &str| {
        let mut s = String::new();
        t.chinese.apply(&strict(w), &mut s);
        s
    };
    let multi: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].toks.len() == 2)
        .collect();
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &multi {
        by_surname
            .entry(mentions[i].toks[0].key())
            .or_default()
            .push(i);
    }
    for group in by_surname.values() {
        for (x, &a) in group.iter().enumerate() {
            for &b in &group[x + 1..] {
                let (ga, gb) = (&mentions[a].toks[1], &mentions[b].toks[1]);
                if ga.key() == gb.key() || reported.contains(&b) {
                    continue;
                }
                let (wa, wb) = (&text[ga.start..ga.end], &text[gb.start..gb.end]);
                if fold(wa) != fold(wb) {
                    continue;
                }
                reported.insert(b);
                let m = &mentions[b];
                let main = &text[mentions[a].start..mentions[a].end];
                let mut f = rule_finding(
                    rule,
                    m.start,
                    m.end,
                    format!(
                        "{} is spelled {} in paragraph {}",
                        quoted(&text[m.start..m.end]),
                        quoted(main),
                        mentions[a].paragraph
                    ),
                );
                f.target_paragraph = Some(m.paragraph);
                f.target_evidence = Some((m.start, m.end));
                f.suggestion = Some(main.to_string());
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    #[test]
    fn two_transliterations() {
        let f = assert_findings(
            &NameInconsistent,
            None,
            (
                "“We see a steady trend,” said Dmitry Kovalyov, head of the laboratory.\n\nKovalev stressed that tourism is affected too.",
                "en",
            ),
            1,
        );
        assert!(
            f[0].message.contains("“Kovalev” is spelled “Kovalyov”"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn typo_against_majority() {
        assert_findings(
            &NameInconsistent,
            None,
            (
                "Jens Stoltenberg arrived on Monday. Later, Jens Stoltemberg spoke to reporters. The Secretary General said Stoltenberg would stay.",
                "en",
            ),
            1,
        );
    }

    #[test]
    fn czech_cases_are_one_spelling() {
        assert_no_findings(
            &NameInconsistent,
            None,
            (
                "Rusko napadlo Ukrajinu v únoru. Válka s Ukrajinou pokračuje a Ukrajina se brání.",
                "cs",
            ),
        );
    }

    #[test]
    fn inflection_is_one_spelling() {
        assert_no_findings(
            &NameInconsistent,
            None,
            (
                "Владимир Зеленский выступил в Раде. Позже слова Зеленского повторил спикер, а с Зеленским согласились депутаты.",
                "ru",
            ),
        );
    }

    #[test]
    fn chinese_romanisations() {
        assert_findings(
            &NameInconsistent,
            None,
            (
                "The chief scientist, Liu Jianguo, said the find was important.\n\nLiu Chien-kuo said samples were shipped to Guangzhou.",
                "en",
            ),
            1,
        );
        assert_no_findings(
            &NameInconsistent,
            None,
            (
                "Liu Jianguo met Liu Yang in Beijing. Liu Jianguo said the talks went well.",
                "en",
            ),
        );
    }
}
