//! Cyrillic names as lattices of their Latin spellings.
//!
//! A Cyrillic name has many correct Latin spellings (Зеленский: Zelensky,
//! Zelenskiy, Selenskyj, Zelenski), so comparing one transliteration key
//! with the Latin word cannot tell a variant from a typo. Here every letter
//! (or letter sequence) of the Cyrillic word offers the spellings that
//! romanisation schemes use for it (`corpora/tables/names/cyrillic.toml`);
//! the word becomes a lattice, and a Latin word is compared with it by edit
//! distance to the nearest path. Distance 0: the same name in some scheme.
//! Distance 1: one letter that no scheme explains, a misspelling.
//!
//! Inflection is handled by comparing stems too: the Cyrillic word minus a
//! case ending (the Latin word may then end in up to two vowels: Зеленск-ого
//! / Zelensk-y), and the Latin word minus an ending of its language (the
//! Cyrillic word may then end in up to two vowel letters: Зеленск-ий /
//! Zelensk-ého).

use super::extract::NameTok;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

/// `cyrillic.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CyrillicTable {
    /// Where the spellings come from.
    pub sources: Vec<String>,
    /// Latin spellings per Cyrillic letter.
    pub letters: Vec<(String, Vec<String>)>,
    /// Letter sequences spelled as a unit (кс → x, дж → j).
    pub sequences: Vec<(String, Vec<String>)>,
    /// Sequences spelled as a unit at the end of a word (-ий → y).
    #[serde(rename = "final")]
    pub finals: Vec<(String, Vec<String>)>,
    /// Latin sequences of original (not romanised) spellings; `$` anchors
    /// at the end of the word.
    pub foreign: Vec<String>,
    /// Endings of romanised East Slavic surnames.
    pub native_endings: Vec<String>,
    /// Pairs the lattice must hold.
    pub examples_same: Vec<(String, String)>,
    /// Pairs one letter off the lattice.
    pub examples_near: Vec<(String, String)>,
}

/// The Latin spellings of Cyrillic letters, ready for building lattices.
#[derive(Debug, Default)]
pub struct Renderings {
    letters: HashMap<char, Vec<String>>,
    /// Longest first.
    sequences: Vec<(Vec<char>, Vec<String>)>,
    finals: Vec<(Vec<char>, Vec<String>)>,
}

/// Adds the doubled form of single consonants (Рассел / Russell).
fn with_doubles(alts: &[String]) -> Vec<String> {
    let mut out: Vec<String> = alts.iter().map(|a| a.to_lowercase()).collect();
    for a in alts {
        let mut cs = a.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_ascii_alphabetic()
            && !is_latin_vowel(c)
        {
            out.push(format!("{c}{c}"));
        }
    }
    out.dedup();
    out
}

impl Renderings {
    /// Builds the renderings of a parsed table.
    pub fn new(t: &CyrillicTable) -> Renderings {
        let seqs = |v: &[(String, Vec<String>)]| {
            let mut out: Vec<(Vec<char>, Vec<String>)> = v
                .iter()
                .map(|(k, alts)| (k.to_lowercase().chars().collect(), with_doubles(alts)))
                .collect();
            out.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
            out
        };
        Renderings {
            letters: t
                .letters
                .iter()
                .filter_map(|(k, alts)| {
                    let c = k.to_lowercase().chars().next()?;
                    Some((c, with_doubles(alts)))
                })
                .collect(),
            sequences: seqs(&t.sequences),
            finals: seqs(&t.finals),
        }
    }

    /// Splits a lowercase word into units with their spellings.
    fn units<'a>(&'a self, word: &[char]) -> Vec<(usize, std::borrow::Cow<'a, [String]>)> {
        use std::borrow::Cow;
        let mut out = Vec::with_capacity(word.len());
        let mut i = 0;
        while i < word.len() {
            let rest = &word[i..];
            if let Some((k, alts)) = self.finals.iter().find(|(k, _)| k.as_slice() == rest) {
                out.push((k.len(), Cow::Borrowed(alts.as_slice())));
                break;
            }
            if let Some((k, alts)) = self.sequences.iter().find(|(k, _)| rest.starts_with(k)) {
                out.push((k.len(), Cow::Borrowed(alts.as_slice())));
                i += k.len();
                continue;
            }
            let c = word[i];
            let alts = match self.letters.get(&c) {
                Some(a) => Cow::Borrowed(a.as_slice()),
                None if c.is_alphanumeric() => {
                    Cow::Owned(vec![super::key::base_letter(c).to_string()])
                }
                None => Cow::Owned(vec![String::new()]),
            };
            out.push((1, alts));
            i += 1;
        }
        out
    }
}

fn is_latin_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'j')
}

fn is_cyrillic_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е'
            | 'ё'
            | 'и'
            | 'й'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'ь'
            | 'ъ'
            | 'і'
            | 'ї'
            | 'є'
    )
}

/// The Latin spellings of one Cyrillic word, as a graph of letters.
#[derive(Debug, Clone)]
pub struct Lattice {
    /// Per node, in topological order: a Latin letter, or `'\0'` for a
    /// junction between two Cyrillic units.
    chars: Vec<char>,
    /// Per node: where its predecessors start in `preds`.
    pred_start: Vec<u32>,
    /// Predecessor lists, concatenated.
    preds: Vec<u32>,
    /// Junction nodes, first (start) to last (end).
    junctions: Vec<u32>,
    /// Index into `junctions` after which only vowel letters (at most two)
    /// remain: where a match against a Latin stem may stop.
    soft_from: usize,
    /// Latin letters a spelling may start with.
    first: Vec<char>,
    /// Shortest and longest spelling, in letters.
    len_range: (usize, usize),
    /// Letters the word lost to a case ending when the lattice is built
    /// from a stem (0 for the whole word).
    cut: usize,
}

impl Lattice {
    /// The lattice of a lowercase Cyrillic word, or `None` when it has no
    /// Cyrillic letter. `cut`: letters a stem lost (0 for a whole word).
    pub fn new(word: &str, r: &Renderings, cut: usize) -> Option<Lattice> {
        let chars: Vec<char> = word.chars().collect();
        if !chars.iter().any(|c| r.letters.contains_key(c)) {
            return None;
        }
        let units = r.units(&chars);
        let mut l = Lattice {
            chars: vec!['\0'],
            pred_start: vec![0, 0],
            preds: Vec::new(),
            junctions: vec![0],
            soft_from: units.len(),
            first: Vec::new(),
            len_range: (0, 0),
            cut,
        };
        let open_start = units
            .first()
            .is_some_and(|(_, alts)| alts.iter().any(String::is_empty));
        for (k, (_, alts)) in units.iter().enumerate() {
            let from = *l.junctions.last().unwrap_or(&0);
            let mut ends = Vec::with_capacity(alts.len());
            let (mut lo, mut hi) = (usize::MAX, 0);
            for alt in alts.iter() {
                let n = alt.chars().count();
                lo = lo.min(n);
                hi = hi.max(n);
                let mut prev = from;
                for c in alt.chars() {
                    prev = l.push(c, &[prev]);
                }
                if !ends.contains(&prev) {
                    ends.push(prev);
                }
                if (k == 0 || (k == 1 && open_start))
                    && let Some(c) = alt.chars().next()
                    && !l.first.contains(&c)
                {
                    l.first.push(c);
                }
            }
            l.len_range.0 += lo.min(hi);
            l.len_range.1 += hi;
            let j = l.push('\0', &ends);
            l.junctions.push(j);
        }
        // Trailing vowel units (at most two letters) may be left unmatched.
        let mut letters = 0;
        for (k, (width, _)) in units.iter().enumerate().rev() {
            let start: usize = units[..k].iter().map(|u| u.0).sum();
            let text = &chars[start..start + width];
            if letters + width > 2 || !text.iter().all(|&c| is_cyrillic_vowel(c)) {
                break;
            }
            letters += width;
            l.soft_from = k;
        }
        Some(l)
    }

    fn push(&mut self, c: char, preds: &[u32]) -> u32 {
        let id = self.chars.len() as u32;
        self.chars.push(c);
        self.preds.extend_from_slice(preds);
        self.pred_start.push(self.preds.len() as u32);
        id
    }

    fn preds_of(&self, v: usize) -> &[u32] {
        let (s, e) = (self.pred_start[v] as usize, self.pred_start[v + 1] as usize);
        &self.preds[s..e]
    }

    /// Edit distance (capped at 255) from `latin` (lowercase, no
    /// diacritics) to the nearest spelling. `latin_stem`: `latin` is a
    /// stem, so trailing vowels of the Cyrillic word may go unmatched.
    /// `tails`: a Cyrillic stem may be followed by up to two Latin vowels.
    pub fn distance(&self, latin: &[char], latin_stem: bool, tails: bool) -> u8 {
        let n = latin.len();
        let w = n + 1;
        // Inserting a Latin letter: a silent `h` after the first letter
        // and a mute `e` at the end or before a final `s` are free.
        let mute_e = |j: usize| n >= 4 && (j == n || (j + 1 == n && latin[n - 1] == 's'));
        let ins = |j: usize| -> u8 {
            let c = latin[j - 1];
            u8::from(!((c == 'h' && j >= 2) || (c == 'e' && mute_e(j))))
        };
        let mut cost = vec![u8::MAX; self.chars.len() * w];
        cost[0] = 0;
        for j in 1..w {
            cost[j] = cost[j - 1].saturating_add(ins(j));
        }
        for v in 1..self.chars.len() {
            let row = v * w;
            if self.chars[v] == '\0' {
                for &p in self.preds_of(v) {
                    let prow = p as usize * w;
                    for j in 0..w {
                        cost[row + j] = cost[row + j].min(cost[prow + j]);
                    }
                }
                for j in 1..w {
                    cost[row + j] = cost[row + j].min(cost[row + j - 1].saturating_add(ins(j)));
                }
            } else {
                let c = self.chars[v];
                let prow = self.preds_of(v).first().map_or(0, |&p| p as usize * w);
                cost[row] = cost[prow].saturating_add(1);
                for j in 1..w {
                    let sub = cost[prow + j - 1].saturating_add(u8::from(c != latin[j - 1]));
                    let del = cost[prow + j].saturating_add(1);
                    let insert = cost[row + j - 1].saturating_add(ins(j));
                    cost[row + j] = sub.min(del).min(insert);
                }
            }
        }
        let end = |k: usize| self.junctions[k] as usize * w;
        let last = self.junctions.len() - 1;
        let mut best = cost[end(last) + n];
        if self.cut > 0 && tails {
            // A Latin word may add up to two vowels to a Cyrillic stem.
            for j in n.saturating_sub(2)..n {
                if latin[j..].iter().all(|&c| is_latin_vowel(c)) {
                    best = best.min(cost[end(last) + j]);
                }
            }
        }
        if latin_stem {
            for k in self.soft_from..last {
                best = best.min(cost[end(k) + n]);
            }
        }
        best
    }

    /// True when a spelling of `n` letters starting with `first` may be
    /// within one edit of the lattice.
    fn plausible(&self, first: char, n: usize) -> bool {
        self.first.contains(&first) && n + 3 >= self.len_range.0 && n <= self.len_range.1 + 4
    }
}

/// True when a Latin word (strict key) could be a romanisation of a
/// Cyrillic name: it holds none of the table's `foreign` sequences.
pub fn romanised_look(latin: &str, t: &CyrillicTable) -> bool {
    !t.foreign.iter().any(|f| match f.strip_suffix('$') {
        Some(end) => latin.ends_with(end),
        None => latin.contains(f.as_str()),
    })
}

/// True when `a` and `b` are one Cyrillic and one Latin word, the Latin
/// one looks romanised, and it is one letter off every spelling of the
/// Cyrillic one: a misspelling as sure as a typo within one script.
///
/// `source` is the source word. A Cyrillic source is romanised in a Latin
/// target; a Latin source is transcribed into a Cyrillic target by ear,
/// unless it is itself the romanisation of a Slavic name (Zakharova).
pub fn cross_typo(source: &NameTok, target: &NameTok) -> bool {
    let t = &super::data::tables().cyrillic;
    let (latin, cyrillic) = if source.cross {
        (target, source)
    } else {
        (source, target)
    };
    // The adjectival suffix -ск- survives romanisation (Zelensky, Dostoevsky,
    // Jasenovski); a Latin word without it beside a Cyrillic adjective is
    // the place the adjective derives from (Massachusetts / Массачусетский).
    let tail = |s: &str, n: usize| s.chars().rev().take(n).collect::<String>();
    let adjective = tail(&cyrillic.strict, 6).contains("ks");
    let romanised_adjective = ["ks", "kc", "cs"]
        .iter()
        .any(|k| tail(&latin.strict, 6).contains(k));
    source.cross != target.cross
        && (!adjective || romanised_adjective)
        && latin.strict.chars().count() >= 5
        && romanised_look(&latin.strict, t)
        && (source.cross
            || t.native_endings
                .iter()
                .any(|e| latin.strict.ends_with(e.as_str())))
        && distance_with(source, target, false) == Some(1)
}

/// What a name word offers for comparisons across Cyrillic and Latin.
#[derive(Debug, Clone, Default)]
pub enum Spellings {
    /// Neither (other scripts, or not computed).
    #[default]
    None,
    /// A Latin word: its stems without an ending of its language (strict
    /// keys; the whole word is the token's strict key).
    Latin(Vec<Box<str>>),
    /// A Cyrillic word: the lattices of the word and of its stems.
    Cyrillic(Arc<[Lattice]>),
}

/// The spellings of a Cyrillic word and of its stems (`stems`: the word
/// minus each case ending it may carry).
pub fn cyrillic_spellings<'a>(
    body: &str,
    stems: impl Iterator<Item = &'a str>,
    r: &Renderings,
) -> Spellings {
    let mut v: Vec<Lattice> = Lattice::new(body, r, 0).into_iter().collect();
    if v.is_empty() {
        return Spellings::None;
    }
    let n = body.chars().count();
    v.extend(stems.filter_map(|s| Lattice::new(s, r, n.saturating_sub(s.chars().count()))));
    Spellings::Cyrillic(v.into())
}

/// The edit distance between a Cyrillic and a Latin name word over their
/// spellings and stems (in either order), or `None` when the two are not
/// one Cyrillic and one Latin word or cannot be within one edit.
pub fn cross_distance(a: &NameTok, b: &NameTok) -> Option<u8> {
    distance_with(a, b, true)
}

/// [`cross_distance`]; `tails`: a Cyrillic stem may be matched by a Latin
/// word ending in up to two more vowels (Зеленск-ого / Zelensk-y), and by
/// stems cut of suffixes longer than case endings, which also lets
/// derivations through (Вологодск-ую / Vologda), so a verdict of
/// misspelling does without both.
fn distance_with(a: &NameTok, b: &NameTok, tails: bool) -> Option<u8> {
    let (lattices, latin) = match (&a.spellings, &b.spellings) {
        (Spellings::Cyrillic(l), Spellings::Latin(_)) => (l, b),
        (Spellings::Latin(_), Spellings::Cyrillic(l)) => (l, a),
        _ => return None,
    };
    let Spellings::Latin(stems) = &latin.spellings else {
        return None;
    };
    let mut forms: Vec<(Vec<char>, bool)> = vec![(latin.strict.chars().collect(), false)];
    forms.extend(stems.iter().map(|s| (s.chars().collect(), true)));
    let mut best: Option<u8> = None;
    // A verdict of misspelling goes by case endings only (three letters at
    // most): cutting a derivational suffix (-ский) relates a place to its
    // adjective one letter off (Massachusetts / Массачусетский).
    for l in lattices.iter().filter(|l| tails || l.cut <= 3) {
        for (f, stem) in &forms {
            let Some(&first) = f.first() else { continue };
            if !l.plausible(first, f.len()) {
                continue;
            }
            let d = l.distance(f, *stem, tails);
            best = Some(best.map_or(d, |b| b.min(d)));
            if d == 0 {
                return best;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::data::tables;
    use super::*;

    fn tok(word: &str, lang: &str) -> NameTok {
        let t = tables();
        super::super::extract::name_tok(t, t.lang(Some(lang)), word, 0, word.len())
    }

    fn dist(cyr: &str, latin: &str) -> Option<u8> {
        let lang = if cyr.contains(['і', 'ї', 'є']) {
            "uk"
        } else {
            "ru"
        };
        let target = if latin.contains(['ě', 'ů', 'č', 'š', 'ý', 'é']) {
            "cs"
        } else if latin.contains(['ł', 'ę', 'ą']) {
            "pl"
        } else {
            "en"
        };
        cross_distance(&tok(cyr, lang), &tok(latin, target))
    }

    #[test]
    fn table_examples_hold() {
        let t = &tables().cyrillic;
        assert!(!t.sources.is_empty());
        for (c, l) in &t.examples_same {
            assert_eq!(dist(c, l), Some(0), "{c} / {l}");
        }
        for (c, l) in &t.examples_near {
            assert_eq!(dist(c, l), Some(1), "{c} / {l}");
        }
    }

    #[test]
    fn unrelated_words_are_far() {
        assert!(dist("Москва", "Madrid").is_none_or(|d| d >= 2));
        assert!(dist("Лавров", "Larsen").is_none_or(|d| d >= 2));
        assert!(dist("Путин", "Biden").is_none_or(|d| d >= 2));
        assert_eq!(dist("Путин", "Putin"), Some(0));
        assert_eq!(dist("Путина", "Putin"), Some(0));
    }

    #[test]
    fn original_spellings_are_not_romanisations() {
        let t = &tables().cyrillic;
        for w in ["meadows", "coubertin", "bruyne", "mccarthy", "baerbock"] {
            assert!(!romanised_look(w, t), "{w}");
        }
        for w in ["zelensky", "shevchenko", "pajusalu", "degtyaryov", "lavrov"] {
            assert!(romanised_look(w, t), "{w}");
        }
    }

    #[test]
    fn derivations_are_no_misspellings() {
        let (a, b) = (tok("Массачусетский", "ru"), tok("Massachusetts", "en"));
        assert!(!cross_typo(&a, &b));
        let (a, b) = (tok("Лазарева", "ru"), tok("Lavarev", "en"));
        assert!(cross_typo(&a, &b));
    }

    #[test]
    fn either_order() {
        let (a, b) = (tok("Зеленский", "ru"), tok("Zelinsky", "en"));
        assert_eq!(cross_distance(&a, &b), cross_distance(&b, &a));
        assert_eq!(cross_distance(&a, &a), None);
    }
}
