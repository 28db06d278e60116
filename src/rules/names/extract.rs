//! Name candidates of one side: capitalised sequences that are not
//! sentence-initial common words, with particles inside (`Ludwig van
//! Beethoven`), titles and forms of address stripped (`President`, `Frau`),
//! acronyms, and names from the tables in scripts without case (CJK runs,
//! Arabic, Hebrew, Devanagari words).

use super::data::{LangNames, NameTables, strip_ending, tables};
use super::key::{loose_with, strict};
use crate::rules::SideContext;
use crate::segment::{TokenKind, tokens};
use std::collections::HashSet;
use std::ops::Range;

/// How sure the extractor is that a mention is a name that a translation
/// keeps recognisable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Sentence-initial word, title-case headline, capitalised noun: used
    /// for matching only.
    Weak,
    /// A single capitalised word or an acronym inside a sentence.
    Medium,
    /// Several capitalised words, or a name from the tables.
    Strong,
}

/// One word of a name.
#[derive(Debug, Clone)]
pub struct NameTok {
    /// Byte range in the side text.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Strict key.
    pub strict: String,
    /// Loose key of the word and of its stems (word minus an ending).
    pub loose: Vec<String>,
    /// True for a word written in upper case (an acronym).
    pub acronym: bool,
    /// True for a word written in a script other than Latin.
    pub cross: bool,
    /// True when the document also uses the word as an ordinary word: it
    /// writes it in lower case elsewhere, or (in a noun-capitalising
    /// language) it follows a determiner, ends in a common-noun suffix or
    /// starts a solid compound (`Sturm` beside `Sturmwarnung`).
    pub common: bool,
    /// Spellings for comparing Cyrillic and Latin words.
    pub spellings: super::lattice::Spellings,
}

impl NameTok {
    /// Loose key of the whole word.
    pub fn key(&self) -> &str {
        self.loose.first().map(String::as_str).unwrap_or("")
    }
}

/// A name candidate.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte range in the side text.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// Content words (particles and initials left out).
    pub toks: Vec<NameTok>,
    /// Table entities the mention names.
    pub entities: Vec<u32>,
    /// How sure.
    pub strength: Strength,
    /// True for a single acronym.
    pub acronym: bool,
    /// True when the mention starts a sentence or a quotation.
    pub initial: bool,
    /// True when something marks the mention as a person's name: a title
    /// or form of address before it, or a frequent given name in it.
    pub person: bool,
}

/// The names of one side.
#[derive(Debug, Default)]
pub struct SideNames {
    /// Mentions in reading order.
    pub mentions: Vec<Mention>,
    /// Mentions of each paragraph.
    pub by_para: Vec<Range<usize>>,
    /// True when the side's script marks names by case.
    pub cased: bool,
}

struct Raw {
    start: usize,
    end: usize,
    cap: bool,
    acronym: bool,
    initial_letter: bool,
    sentence_initial: bool,
    uncased: bool,
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '„'
            | '«'
            | '‹'
            | '‘'
            | '('
            | '['
            | '—'
            | '–'
            | '-'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | ':'
            | '‚'
            | '»'
    )
}

/// Trims elided articles (`l'`, `dell'`) and clitic suffixes (`'s`,
/// Turkish `'da`) from a word token.
fn trim_word(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let w = &text[s..e];
    if let Some(k) = w.find(['\'', '’']) {
        let after = &w[k..];
        let skip = after.chars().next().map_or(1, char::len_utf8);
        let rest = &after[skip..];
        let head = &w[..k];
        if k <= 6
            && head.chars().all(char::is_lowercase)
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            s += k + skip;
        } else if k >= 1 && rest.chars().count() <= 4 && rest.chars().all(char::is_lowercase) {
            e = s + k;
        }
    }
    let w = &text[s..e];
    // Lowercase particle joined by a hyphen: al-Assad, el-Sisi.
    if let Some(k) = w.find('-') {
        let head = &w[..k];
        let rest = &w[k + 1..];
        if head.chars().count() <= 3
            && head.chars().all(char::is_lowercase)
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            s += k + 1;
        }
    }
    (s, e)
}

fn classify(word: &str) -> (bool, bool, bool) {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    let cased = first.is_uppercase() || first.is_lowercase();
    let cap = first.is_uppercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    (cap, acronym, !cased && first.is_alphabetic())
}

fn is_roman(word: &str) -> bool {
    word.len() <= 4 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Name tokens for a word: strict key, loose keys of the word and stem.
pub fn name_tok(t: &NameTables, lang: &LangNames, text: &str, start: usize, end: usize) -> NameTok {
    let word = &text[start..end];
    let lower = word.to_lowercase();
    let mut body: &str = &lower;
    for p in &lang.prefixes {
        if let Some(rest) = body.strip_prefix(p.as_str())
            && rest.chars().count() >= 3
        {
            body = rest;
            break;
        }
    }
    let mut loose = vec![loose_with(&t.loose, body)];
    if let Some(stem) = strip_ending(body, &lang.endings) {
        let s = loose_with(&t.loose, stem);
        if !loose.contains(&s) {
            loose.push(s);
        }
    }
    // Hyphenated case endings (EU-ban, Trump-pal).
    if let Some((head, tail)) = body.rsplit_once('-')
        && lang.endings.iter().any(|e| e == tail)
    {
        loose.push(loose_with(&t.loose, head));
    }
    let (_, acronym, _) = classify(word);
    let cross = !word
        .chars()
        .all(|c| (c as u32) < 0x250 || !c.is_alphabetic());
    let stems = || {
        lang.endings.iter().filter_map(move |e| {
            let s = body.strip_suffix(e.as_str())?;
            (s.chars().count() >= 3).then_some(s)
        })
    };
    let spellings = if cross {
        super::lattice::cyrillic_spellings(body, stems(), &t.renderings)
    } else {
        super::lattice::Spellings::Latin(stems().map(|s| strict(s).into()).collect())
    };
    NameTok {
        start,
        end,
        strict: strict(body),
        loose,
        acronym,
        cross,
        common: false,
        spellings,
    }
}

/// The words of one side, for telling names from ordinary words.
struct DocWords<'a> {
    /// Words written in lower case.
    lower: HashSet<&'a str>,
    /// Capitalised words, lowercased, sorted (for compound lookups).
    caps: Vec<String>,
}

impl DocWords<'_> {
    /// True when some capitalised word of the document is a solid compound
    /// starting with `w` (lowercase), at least three letters longer.
    fn starts_compound(&self, w: &str) -> bool {
        let from = self.caps.partition_point(|c| c.as_str() < w);
        self.caps[from..]
            .iter()
            .take_while(|c| c.starts_with(w))
            .any(|c| {
                let rest = &c[w.len()..];
                rest.chars().count() >= 3 && !rest.contains('-')
            })
    }
}

/// True when the word at `r` reads as an ordinary word rather than a name
/// (see [`NameTok::common`]).
fn common_word(lang: &LangNames, text: &str, words: &DocWords<'_>, r: &Raw) -> bool {
    let l = text[r.start..r.end].to_lowercase();
    if r.acronym || words.lower.contains(l.as_str()) {
        return !r.acronym;
    }
    if !lang.noun_caps {
        return false;
    }
    let n = l.chars().count();
    let suffixed = lang
        .noun_suffixes
        .iter()
        .any(|s| l.ends_with(s.as_str()) && n >= s.chars().count() + 3);
    let before = text[..r.start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // After a determiner, unless a name particle precedes it (`von der
    // Leyen`): `die Musik`, `Gruppe der Sieben`.
    let before_prev = before[..before.len() - prev.len()].trim_end();
    let particle_before = before_prev
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| lang.particles.contains(&w.to_lowercase()));
    let prev = prev.to_lowercase();
    let determined =
        lang.determiners.contains(&prev) && !(particle_before && lang.particles.contains(&prev));
    suffixed || determined || words.starts_compound(&l)
}

/// Extracts the name candidates of a side.
pub fn extract(side: &SideContext<'_>) -> SideNames {
    let t = tables();
    let code = side.lang().map(|l| l.code());
    let lang = t.lang(code);
    let text = side.text();
    let lowercase_words: HashSet<&str> = tokens(text)
        .filter(|k| k.kind == TokenKind::Word)
        .map(|k| &text[k.start..k.end])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let mut caps: Vec<String> = if lang.noun_caps {
        tokens(text)
            .filter(|k| k.kind == TokenKind::Word)
            .map(|k| &text[k.start..k.end])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    } else {
        Vec::new()
    };
    caps.sort_unstable();
    caps.dedup();
    let lowercase_words = DocWords {
        lower: lowercase_words,
        caps,
    };
    let mut out = SideNames {
        cased: code.is_none_or(|c| {
            !matches!(
                c,
                "zh" | "ja" | "ko" | "ar" | "he" | "hi" | "th" | "fa" | "ur"
            )
        }),
        ..Default::default()
    };
    for p in 0..side.paragraph_count() {
        let first = out.mentions.len();
        for s in side.sentences_of(p) {
            let from = out.mentions.len();
            sentence(
                t,
                lang,
                text,
                s.start,
                s.end,
                p,
                &lowercase_words,
                &mut out.mentions,
            );
            out.mentions[from..].sort_by_key(|m| m.start);
        }
        out.by_para.push(first..out.mentions.len());
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn sentence(
    t: &NameTables,
    lang: &LangNames,
    text: &str,
    s0: usize,
    s1: usize,
    para: usize,
    lowercase_words: &DocWords<'_>,
    out: &mut Vec<Mention>,
) {
    let body = &text[s0..s1];
    let mut raws: Vec<Raw> = Vec::new();
    let (mut words, mut caps, mut uppers, mut lower_content) = (0usize, 0usize, 0usize, 0usize);
    let mut first_word = true;
    for k in tokens(body) {
        let (ks, ke) = (s0 + k.start, s0 + k.end);
        match k.kind {
            TokenKind::Cjk => {
                cjk_mentions(t, text, ks, ke, para, out);
                first_word = false;
                continue;
            }
            TokenKind::Word => {}
            _ => {
                first_word = false;
                continue;
            }
        }
        let (ws, we) = trim_word(text, ks, ke);
        let word = &text[ws..we];
        let (cap, acronym, uncased) = classify(word);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 {
            words += 1;
            caps += usize::from(cap);
            uppers += usize::from(acronym);
            if !cap && !uncased && !lang.skip.contains(word) && !lang.particles.contains(word) {
                lower_content += 1;
            }
        }
        let before = text[..ks].trim_end_matches([' ', '\u{a0}', '\u{202f}']);
        let after_opening = before.chars().next_back().is_some_and(is_opening);
        raws.push(Raw {
            start: ws,
            end: we,
            cap,
            acronym: acronym && !is_roman(word),
            initial_letter: letters == 1 && cap && text[we..].starts_with('.'),
            sentence_initial: first_word || after_opening,
            uncased,
        });
        first_word = false;
    }
    // A headline in title case: every word but function words capitalised.
    let title_case = words >= 4 && caps >= 4 && lower_content == 0;
    let shouting = words >= 3 && uppers * 10 >= words * 8;
    // Words of scripts without case: table lookups over word windows.
    let mut i = 0;
    while i < raws.len() {
        if !raws[i].uncased {
            i += 1;
            continue;
        }
        let mut matched = 0;
        for n in (1..=t.max_words.min(raws.len() - i)).rev() {
            if !raws[i..i + n].iter().all(|r| r.uncased) {
                continue;
            }
            let key: Vec<String> = raws[i..i + n]
                .iter()
                .map(|r| name_tok(t, lang, text, r.start, r.end).strict)
                .collect();
            let ents = t.entities_of(&key.join(" "));
            if !ents.is_empty() {
                out.push(Mention {
                    paragraph: para,
                    start: raws[i].start,
                    end: raws[i + n - 1].end,
                    toks: raws[i..i + n]
                        .iter()
                        .map(|r| name_tok(t, lang, text, r.start, r.end))
                        .collect(),
                    entities: ents.to_vec(),
                    strength: Strength::Strong,
                    acronym: false,
                    initial: false,
                    person: false,
                });
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
    // Capitalised sequences.
    let mut i = 0;
    while i < raws.len() {
        if !(raws[i].cap || raws[i].acronym) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last = i;
        while j < raws.len() {
            let gap = &text[raws[j - 1].end..raws[j].start];
            let gap_ok = gap.chars().all(char::is_whitespace) && gap.len() <= 3
                || (raws[j - 1].initial_letter && gap.trim() == ".");
            if !gap_ok {
                break;
            }
            if raws[j].cap || raws[j].acronym {
                last = j;
                j += 1;
                continue;
            }
            let w = text[raws[j].start..raws[j].end].to_lowercase();
            let next_is_name = raws.get(j + 1).is_some_and(|r| {
                let l = text[r.start..r.end].to_lowercase();
                r.cap
                    && !lang.skip.contains(&l)
                    && !lang.titles.contains(&l)
                    && !strip_ending(&l, &lang.endings).is_some_and(|s| lang.titles.contains(s))
            });
            if lang.particles.contains(&w)
                && (next_is_name
                    || raws.get(j + 1).is_some_and(|r| {
                        lang.particles
                            .contains(&text[r.start..r.end].to_lowercase())
                    }))
            {
                j += 1;
                continue;
            }
            break;
        }
        finish(
            t,
            lang,
            text,
            &raws[i..=last],
            para,
            title_case,
            shouting,
            lowercase_words,
            out,
        );
        i = last + 1;
    }
}

/// True when a lowercase word is a title or form of address of `lang`,
/// inflected (`Präsidenten`) or as the head of a compound (`US-Präsident`).
fn is_title(lang: &LangNames, l: &str) -> bool {
    let one = |w: &str| {
        lang.titles.contains(w)
            || strip_ending(w, &lang.endings).is_some_and(|s| lang.titles.contains(s))
    };
    one(l) || l.rsplit_once('-').is_some_and(|(_, head)| one(head))
}

#[allow(clippy::too_many_arguments)]
fn finish(
    t: &NameTables,
    lang: &LangNames,
    text: &str,
    seq: &[Raw],
    para: usize,
    title_case: bool,
    shouting: bool,
    lowercase_words: &DocWords<'_>,
    out: &mut Vec<Mention>,
) {
    let lower = |r: &Raw| text[r.start..r.end].to_lowercase();
    let skip = |r: &Raw| {
        let l = lower(r);
        lang.skip.contains(&l) || r.initial_letter || is_title(lang, &l)
    };
    let mut a = 0;
    let mut b = seq.len();
    while a < b && (skip(&seq[a]) || !(seq[a].cap || seq[a].acronym)) {
        a += 1;
    }
    while b > a && (skip(&seq[b - 1]) || !(seq[b - 1].cap || seq[b - 1].acronym)) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    let titled = a > 0 && is_title(lang, &lower(&seq[a - 1]));
    let seq = &seq[a..b];
    let toks: Vec<NameTok> = seq
        .iter()
        .filter(|r| {
            (r.cap || r.acronym) && !r.initial_letter && !lang.particles.contains(&lower(r))
        })
        .map(|r| NameTok {
            common: common_word(lang, text, lowercase_words, r),
            ..name_tok(t, lang, text, r.start, r.end)
        })
        .filter(|k| k.strict.chars().count() >= 2)
        .collect();
    if toks.is_empty() {
        return;
    }
    // Table entities: the longest windows of the sequence first.
    let mut entities = Vec::new();
    let n = toks.len();
    for len in (1..=n.min(t.max_words)).rev() {
        for w in 0..=n - len {
            let key: Vec<&str> = toks[w..w + len].iter().map(|k| k.strict.as_str()).collect();
            entities.extend_from_slice(t.entities_of(&key.join(" ")));
        }
        if !entities.is_empty() {
            break;
        }
    }
    if entities.is_empty() && n == 1 {
        let l = lower(&seq[0]);
        if let Some(stem) = strip_ending(&l, &lang.endings)
            && let Some(e) = t
                .stems
                .get(&strict(stem))
                .or_else(|| t.forms.get(&strict(stem)))
        {
            entities.extend_from_slice(e);
        }
    }
    entities.sort_unstable();
    entities.dedup();
    let person =
        entities.is_empty() && (titled || (n >= 2 && toks[..n - 1].iter().any(|k| t.is_given(k))));
    let single = n == 1;
    let acronym = single && toks[0].acronym;
    let initial = seq[0].sentence_initial;
    let strength = if title_case && !acronym || shouting {
        if entities.is_empty() {
            Strength::Weak
        } else {
            Strength::Medium
        }
    } else if !entities.is_empty() {
        Strength::Strong
    } else if !single {
        if initial && lang.noun_caps {
            Strength::Medium
        } else {
            Strength::Strong
        }
    } else if initial || (lang.noun_caps && !acronym) {
        Strength::Weak
    } else {
        let l = lower(&seq[0]);
        if lowercase_words.lower.contains(l.as_str()) {
            Strength::Weak
        } else {
            Strength::Medium
        }
    };
    out.push(Mention {
        paragraph: para,
        start: seq[0].start,
        end: seq[seq.len() - 1].end,
        toks,
        entities,
        strength,
        acronym,
        initial,
        person,
    });
}

/// Table names inside a CJK run.
fn cjk_mentions(
    t: &NameTables,
    text: &str,
    s: usize,
    e: usize,
    para: usize,
    out: &mut Vec<Mention>,
) {
    let run = &text[s..e];
    let mut i = 0;
    while i < run.len() {
        let Some(c) = run[i..].chars().next() else {
            break;
        };
        let mut best: Option<(usize, u32)> = None;
        if let Some(cands) = t.cjk.get(&c) {
            let is_kana = |c: char| matches!(c as u32, 0x30A0..=0x30FF);
            for (form, id) in cands {
                // A kana form inside a longer kana word is another word
                // (タイ in タイトル).
                let bounded = !form.chars().all(is_kana)
                    || (!run[..i].chars().next_back().is_some_and(is_kana)
                        && !run[i + form.len().min(run.len() - i)..]
                            .chars()
                            .next()
                            .is_some_and(is_kana));
                if bounded
                    && run[i..].starts_with(form.as_str())
                    && best.is_none_or(|(l, _)| form.len() > l)
                {
                    best = Some((form.len(), *id));
                }
            }
        }
        match best {
            Some((len, id)) => {
                out.push(Mention {
                    paragraph: para,
                    start: s + i,
                    end: s + i + len,
                    toks: Vec::new(),
                    entities: vec![id],
                    strength: Strength::Strong,
                    acronym: false,
                    initial: false,
                    person: false,
                });
                i += len;
            }
            None => i += c.len_utf8(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::doc;

    /// Runs the extractor on a one-paragraph text.
    pub fn names_of(text: &str, lang: &str) -> Vec<String> {
        let d = doc(None, (text, lang));
        let mut found = Vec::new();
        crate::rules::names::with_context(&d, |cx| {
            let n = extract(&cx.target);
            for m in &n.mentions {
                if m.strength > Strength::Weak {
                    found.push(text[m.start..m.end].to_string());
                }
            }
        });
        found
    }

    #[test]
    fn language_table_examples() {
        for t in &tables().lang_tables {
            for ex in &t.examples {
                assert_eq!(
                    names_of(&ex.text, &t.lang),
                    ex.names,
                    "{}: {}",
                    t.lang,
                    ex.text
                );
            }
        }
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        assert!(names_of("However, the plan failed. Scientists said so.", "en").is_empty());
        assert_eq!(
            names_of("Scientists met Angela Merkel.", "en"),
            ["Angela Merkel"]
        );
    }
}
