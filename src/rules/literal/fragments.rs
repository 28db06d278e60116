//! Runs of foreign words inside a sentence, for WC403: word facts of the
//! target language, the words of the aligned source, and run building.

use super::calques;
use super::script::{Script, dominant, script_of_word};
use super::{lower_into, words};
use crate::lang::Lang;
use std::collections::HashSet;

/// What the target language is like, for telling its words from foreign
/// ones.
pub struct WordInfo {
    /// The target language.
    pub lang: Lang,
    /// The main script of the target text.
    pub script: Option<Script>,
    function_words: Option<&'static crate::hash::FastSet<String>>,
    letters: Option<&'static crate::hash::FastSet<char>>,
    loanwords: Option<&'static crate::hash::FastSet<String>>,
    lexicon: Option<&'static calques::Lexicon>,
    borrows_from: &'static [Lang],
}

impl WordInfo {
    /// Facts for `lang`, with the main script taken from `text`.
    pub fn new(lang: Lang, text: &str) -> WordInfo {
        let cal = calques::of(lang);
        WordInfo {
            lang,
            script: dominant(text),
            function_words: crate::stopwords::of(lang).map(|s| &s.function_words),
            letters: cal.map(|c| &c.letters).filter(|l| !l.is_empty()),
            loanwords: cal.map(|c| &c.loanwords),
            lexicon: calques::lexicon(lang),
            borrows_from: cal.map_or(&[], |c| c.borrows_from.as_slice()),
        }
    }

    /// True when `lower` is a function word of the target language.
    pub fn is_function_word(&self, lower: &str) -> bool {
        self.function_words.is_some_and(|f| f.contains(lower))
    }

    fn has_alien_letter(&self, lower: &str) -> bool {
        self.letters
            .is_some_and(|l| lower.chars().any(|c| c.is_alphabetic() && !l.contains(&c)))
    }

    fn is_loanword(&self, lower: &str) -> bool {
        self.loanwords.is_some_and(|l| l.contains(lower))
    }
}

/// A 64-bit FNV-1a hash of a lowercase word: the source's words are kept
/// as hashes, with no allocation per word.
fn key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A set of word hashes.
type KeySet = HashSet<u64, std::hash::BuildHasherDefault<Identity>>;

/// The words of the aligned source paragraphs.
pub struct SourceWords<'a> {
    words: KeySet,
    lowercase: KeySet,
    lowered: std::sync::OnceLock<Vec<String>>,
    texts: &'a [&'a str],
    /// Main script of the source.
    pub script: Option<Script>,
}

impl<'a> SourceWords<'a> {
    /// Indexes `texts`.
    pub fn new(texts: &'a [&'a str]) -> SourceWords<'a> {
        let size: usize = texts.iter().map(|t| t.len() / 6).sum();
        let mut set = KeySet::with_capacity_and_hasher(size, Default::default());
        let mut lowercase = KeySet::with_capacity_and_hasher(size, Default::default());
        let mut buf = String::new();
        for t in texts {
            for (a, b) in words(t) {
                lower_into(&t[a..b], &mut buf);
                // Parts of domain names (dpi.inpe.br) say nothing of case.
                let dotted = t[..a].ends_with(['.', '/', '@'])
                    || t[b..].starts_with('.') && t[b + 1..].starts_with(char::is_alphanumeric);
                let k = key(&buf);
                if !dotted && t[a..b].starts_with(char::is_lowercase) {
                    lowercase.insert(k);
                }
                set.insert(k);
            }
        }
        let script = texts.first().and_then(|t| dominant(t));
        SourceWords {
            words: set,
            lowercase,
            lowered: std::sync::OnceLock::new(),
            texts,
            script,
        }
    }

    /// True when some source text holds `piece`, ignoring case (white space
    /// runs compared as one space).
    pub fn holds(&self, piece: &str) -> bool {
        let piece = piece.to_lowercase();
        let parts: Vec<&str> = piece.split_whitespace().collect();
        let Some(first) = parts.first() else {
            return false;
        };
        let lowered = self
            .lowered
            .get_or_init(|| self.texts.iter().map(|t| t.to_lowercase()).collect());
        lowered.iter().any(|t| {
            t.match_indices(first).any(|(at, _)| {
                let mut rest = &t[at + first.len()..];
                parts[1..].iter().all(|p| {
                    let trimmed = rest.trim_start();
                    if trimmed.len() == rest.len() && !p.is_empty() {
                        return false;
                    }
                    match trimmed.strip_prefix(p) {
                        Some(r) => {
                            rest = r;
                            true
                        }
                        None => false,
                    }
                })
            })
        })
    }

    /// True when the source writes `word` (any case) in lowercase somewhere.
    pub fn seen_lowercase(&self, word: &str) -> bool {
        let mut buf = String::new();
        lower_into(word, &mut buf);
        self.lowercase.contains(&key(&buf))
    }

    /// True when the source holds the word (`lower` its lowercase form);
    /// words of scripts without spaces are looked for inside the text.
    pub fn contains(&self, lower: &str, raw: &str, script: Script) -> bool {
        self.words.contains(&key(lower))
            || (script == Script::Cjk && self.texts.iter().any(|t| t.contains(raw)))
    }
}

/// Share of the words of `text` that the source holds: a paragraph mostly
/// made of source words is left untranslated as a whole (WC503's finding,
/// not a fragment).
pub fn shared_share(text: &str, source: &SourceWords<'_>) -> f64 {
    let mut buf = String::new();
    let (mut all, mut shared) = (0usize, 0usize);
    for (a, b) in words(text) {
        lower_into(&text[a..b], &mut buf);
        all += 1;
        if source.words.contains(&key(&buf)) {
            shared += 1;
        }
    }
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// A word of a target sentence and what is known about it.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    start: usize,
    end: usize,
    /// In the aligned source.
    shared: bool,
    /// A function word of the target language.
    target_function: bool,
    /// A function word of the source (or candidate foreign) language.
    foreign_function: bool,
    /// Starts with a capital.
    capital: bool,
    /// Its script.
    script: Script,
    /// Written in another script than the target's, and not in Latin
    /// letters (Latin words in other scripts are mostly names and brands).
    other_script: bool,
    /// Holds a letter the target language does not use.
    alien_letter: bool,
    /// Shared with the source, lowercase, and not in the target language's
    /// word list (when there is one).
    unknown: bool,
    /// Letters.
    letters: usize,
}

/// A run of foreign words: byte range in the sentence, word count, and
/// whether its evidence is strong (script, letters, function words) or
/// needs the detector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Start byte in the sentence.
    pub start: usize,
    /// End byte in the sentence.
    pub end: usize,
    /// Number of words.
    pub words: usize,
    /// True when no detector is needed.
    pub strong: bool,
}

/// True when the text between two words lets them belong to one run:
/// spaces, digits, hyphens, apostrophes and number punctuation only.
fn joins(gap: &str) -> bool {
    // A full stop with no space joins the parts of a domain name, not words.
    if gap.contains('.') && !gap.contains(char::is_whitespace) {
        return false;
    }
    gap.chars()
        .all(|c| c.is_whitespace() || c.is_numeric() || matches!(c, '-' | '\'' | '’' | '.' | ','))
        && !gap.contains(". ")
        && !gap.contains(", ")
}

/// Fills `out` with the words of `sentence`, each marked against the target
/// facts; `foreign` says whether a lowercase word is a function word of the
/// language looked for.
fn scan(
    sentence: &str,
    info: &WordInfo,
    every_word: bool,
    mut foreign: impl FnMut(&str) -> bool,
    mut shared: impl FnMut(&str, &str, Script) -> bool,
    out: &mut Vec<Word>,
) {
    out.clear();
    let mut buf = String::new();
    for (a, b) in words(sentence) {
        let raw = &sentence[a..b];
        lower_into(raw, &mut buf);
        let script = script_of_word(raw);
        let foreign_script = info.script.is_some_and(|s| s != script) && script != Script::Other;
        let target_function = info.is_function_word(&buf);
        let shared = shared(&buf, raw, script);
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        // The costlier facts only for the words that can be in a run.
        let looked_at = every_word || shared || foreign_script;
        out.push(Word {
            start: a,
            end: b,
            shared,
            unknown: looked_at
                && shared
                && !target_function
                && info.lexicon.is_some_and(|l| !l.contains(buf.as_str())),
            target_function,
            foreign_function: looked_at && !target_function && foreign(&buf),
            capital,
            script,
            other_script: foreign_script && script != Script::Latin,
            alien_letter: looked_at && !foreign_script && info.has_alien_letter(&buf),
            letters: raw.chars().count(),
        });
    }
}

/// Share of a sentence's words above which a run is the whole sentence left
/// untranslated (WC503 reports those).
pub const WHOLE_SENTENCE_SHARE: f64 = 0.75;

/// Runs of words of `sentence` that the aligned source holds (or that are
/// written in the source's script), with the evidence that they are not
/// the target language. Names, loanwords, glosses in brackets and function
/// words of the target at the edges are left out.
pub fn shared_runs(
    sentence: &str,
    info: &WordInfo,
    source: &SourceWords<'_>,
    sl: Lang,
    words: &mut Vec<Word>,
) -> Vec<Run> {
    let sfw = crate::stopwords::of(sl).map(|s| &s.function_words);
    let source_script = source.script;
    scan(
        sentence,
        info,
        false,
        |w| sfw.is_some_and(|f| f.contains(w)),
        |lower, raw, script| source.contains(lower, raw, script),
        words,
    );
    // A word belongs to a run when the source holds it, or when it is
    // written in the source's script and that is not the target's. Latin
    // words in a text of another script are mostly names, brands and code:
    // only lowercase ones count, and only as a run of several words holding
    // a function word (see `judge`).
    let member = |w: &Word| {
        let latin_aside =
            w.script == Script::Latin && info.script != Some(Script::Latin) && !w.capital;
        (w.shared && (w.script == Script::Other || Some(w.script) == info.script || latin_aside))
            || (w.other_script && source_script == Some(w.script))
    };
    // The first word's capital says nothing when the source writes the word
    // in lowercase.
    if let Some(w) = words.first_mut()
        && w.capital
        && source.seen_lowercase(&sentence[w.start..w.end])
    {
        w.capital = false;
    }
    // Links are found only when some word could start a run.
    if !words.iter().any(member) {
        return Vec::new();
    }
    let links = links_of(sentence);
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !member(&words[i]) || in_link(&links, &words[i]) {
            i += 1;
            continue;
        }
        // Function words of the target split runs (a word both languages
        // share, "is", "in", is no evidence), and so do names: a
        // capitalised word that does not open the sentence.
        let breaks = |k: usize| {
            let w = &words[k];
            !w.other_script && (w.target_function || (w.capital && k > 0))
        };
        if breaks(i) && !words[i].capital {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && member(&words[j])
            && !breaks(j)
            && !in_link(&links, &words[j])
            && joins(&sentence[words[j - 1].end..words[j].start])
        {
            j += 1;
        }
        if let Some(run) = judge(sentence, info, sl, source, &words[..], i, j) {
            runs.push(run);
        }
        i = j;
    }
    runs
}

/// Byte ranges of the links (URLs, addresses, handles) of a sentence.
fn links_of(sentence: &str) -> Vec<(usize, usize)> {
    crate::segment::tokens(sentence)
        .filter(|t| t.kind == crate::segment::TokenKind::Link)
        .map(|t| (t.start, t.end))
        .collect()
}

/// True when `w` lies inside one of `links`.
fn in_link(links: &[(usize, usize)], w: &Word) -> bool {
    links.iter().any(|&(s, e)| w.start < e && s < w.end)
}

/// Decides whether words `i..j` of the sentence are an untranslated run.
fn judge(
    sentence: &str,
    info: &WordInfo,
    sl: Lang,
    source: &SourceWords<'_>,
    words: &[Word],
    i: usize,
    j: usize,
) -> Option<Run> {
    let source_script = source.script;
    // Target function words at the edges belong to the translation.
    let plain = |w: &Word| w.target_function && !w.other_script && !w.alien_letter;
    let (mut i, mut j) = (i, j);
    while i < j && plain(&words[i]) {
        i += 1;
    }
    while j > i && plain(&words[j - 1]) {
        j -= 1;
    }
    if i == j {
        return None;
    }
    let run = &words[i..j];
    let (start, end) = (run[0].start, run[run.len() - 1].end);
    let n = run.len();
    // Glosses in brackets: the Palace Museum (Gugong).
    let before = sentence[..start].trim_end();
    let after = sentence[end..].trim_start();
    if before.ends_with(['(', '[']) && after.starts_with([')', ']']) {
        return None;
    }
    // Parts of domain names, addresses and paths: zakon.kz, rus.err.ee.
    let dotted = |t: &str, first: bool| {
        let mut c = t.chars();
        let (a, b) = if first {
            (c.next(), c.next())
        } else {
            (c.next_back(), c.next_back())
        };
        matches!(a, Some('.' | '/' | '@')) && b.is_some_and(char::is_alphanumeric)
    };
    if dotted(&sentence[end..], true) || dotted(&sentence[..start], false) {
        return None;
    }
    // A word the source itself writes in another script than its own is a
    // name or a brand there too (iOS in a Russian text, anan in a Japanese
    // one).
    if source_script.is_some_and(|s| run.iter().any(|w| w.script != s)) {
        return None;
    }
    if run.iter().any(|w| w.other_script) {
        // A lone letter is a list mark or an initial, except in scripts
        // where one character is a word.
        let letters: usize = run.iter().map(|w| w.letters).sum();
        if letters < 2 && run[0].script != Script::Cjk {
            return None;
        }
        return Some(Run {
            start,
            end,
            words: n,
            strong: true,
        });
    }
    // A whole sentence left untranslated is WC503's.
    if n >= 6 && n as f64 >= WHOLE_SENTENCE_SHARE * words.len() as f64 {
        return None;
    }
    // Names keep their language: a run that opens with a capital inside the
    // sentence, or that touches a capitalised word (Place des martyrs, de
    // Gaulle, anti-American).
    let name_like = |k: usize| k > 0 && words[k].capital;
    let touches = |k: usize, l: usize| joins(&sentence[words[k].end..words[l].start]);
    // Walking back over source words from the run reaches a capital: the
    // run is the tail of a name left in the source language (Association
    // française des exploitants de discothèques).
    let mut k = i;
    while k > 0 && touches(k - 1, k) && words[k - 1].shared && !words[k - 1].capital {
        k -= 1;
    }
    // The name and the run must stand together in the source as well: a
    // fragment pasted next to a name of the translation is no part of it.
    let together = |a: usize, b: usize| source.holds(&sentence[words[a].start..words[b].end]);
    let tail_of_name =
        k < i && k > 0 && touches(k - 1, k) && name_like(k - 1) && together(k - 1, i);
    // A run touching a capitalised word is part of the name when it is
    // made of particles (de Gaulle, von der Leyen) or of several words
    // (Caisse centrale de garantie); one word with evidence of its own is
    // not (Walmart coloca).
    let touches_name = (i > 0 && name_like(i - 1) && touches(i - 1, i) && together(i - 1, i))
        || (j < words.len() && name_like(j) && touches(j - 1, j) && together(j - 1, j));
    let particles = run.iter().all(|w| w.foreign_function);
    // After an initial (J. Smith, D. nodosus) a word is part of a name.
    let after_initial = i > 0 && {
        let prev = &sentence[words[i - 1].start..words[i - 1].end];
        prev.chars().count() == 1
            && prev.starts_with(char::is_uppercase)
            && sentence[words[i - 1].end..start].trim() == "."
    };
    if after_initial {
        return None;
    }
    if run.iter().all(|w| w.capital)
        || name_like(i)
        || tail_of_name
        || (touches_name && (n >= 2 || particles))
    {
        return None;
    }
    let lower = sentence[start..end].to_lowercase();
    if info.is_loanword(&lower)
        || run
            .iter()
            .all(|w| info.is_loanword(&sentence[w.start..w.end].to_lowercase()))
    {
        return None;
    }
    // Codes and gene names with inner capitals (aprB, iPhone) are names.
    if run.iter().any(|w| {
        sentence[w.start..w.end]
            .chars()
            .skip(1)
            .any(char::is_uppercase)
    }) {
        return None;
    }
    // One word joined by a hyphen to a word of the translation is a prefix
    // or half a compound (peri-operative, anti-American).
    let hyphen = |t: &str| t.starts_with(['-', '‐', '‑']);
    if n == 1
        && ((i > 0 && hyphen(&sentence[words[i - 1].end..start]) && words[i - 1].end + 3 >= start)
            || (j < words.len()
                && hyphen(&sentence[end..words[j].start])
                && end + 3 >= words[j].start))
    {
        return None;
    }
    // Loanwords inside a run are no evidence (German 2 Schüsseln à 30 g).
    let own = |w: &&Word| !info.is_loanword(&sentence[w.start..w.end].to_lowercase());
    let alien = run.iter().filter(own).any(|w| w.alien_letter && !w.capital);
    let function = run
        .iter()
        .filter(own)
        .filter(|w| w.foreign_function)
        .count();
    let unknown = run
        .iter()
        .filter(own)
        .any(|w| w.unknown && w.letters >= MIN_WORD_LETTERS - 1);
    // Where the target borrows freely from the source (English terms in
    // Italian or German), a short phrase with a function word is a borrowed
    // term (follow up, cut-off): it takes a longer run.
    let borrowed = info.borrows_from.contains(&sl);
    let min_words = if borrowed { MIN_BORROWED_RUN_WORDS } else { 2 };
    let phrase = n >= min_words && function >= 1;
    if info.script.is_some_and(|t| t != Script::Latin)
        && run.iter().all(|w| w.script == Script::Latin)
    {
        // Latin words in another script: a phrase, not a term or a name.
        return (n >= MIN_LATIN_ASIDE_WORDS && function >= 1).then_some(Run {
            start,
            end,
            words: n,
            strong: true,
        });
    }
    // One word missing from the target's word list is evidence enough;
    // several such words may be a technical term the list lacks (polymerase
    // chain reaction), which the detector judges.
    let strong = alien || phrase || (unknown && n == 1);
    if !strong {
        let judged = if info.lexicon.is_some() {
            unknown
        } else {
            // No word list: words both languages could have; only the
            // detector can tell, on several words.
            !borrowed && n >= 2
        };
        if !judged {
            return None;
        }
    }
    Some(Run {
        start,
        end,
        words: n,
        strong,
    })
}

/// Fewest words in a run with a function word when the target borrows
/// freely from the source language.
pub const MIN_BORROWED_RUN_WORDS: usize = 3;

/// Fewest Latin words in a run inside a text of another script.
pub const MIN_LATIN_ASIDE_WORDS: usize = 3;

/// Fewest letters of a single word for the detector to judge it.
pub const MIN_WORD_LETTERS: usize = 4;

/// Fewest function words of one other language in a run (target alone).
pub const MIN_FOREIGN_FUNCTION_WORDS: usize = 2;

/// True when word `i` is the tail of a name left in its language
/// (Association française des exploitants de discothèques): a capital
/// inside the sentence a few lowercase words before it.
fn name_tail(sentence: &str, words: &[Word], i: usize) -> bool {
    let mut k = i;
    while k > 0
        && i - k < NAME_TAIL_WORDS
        && !words[k - 1].capital
        && joins(&sentence[words[k - 1].end..words[k].start])
    {
        k -= 1;
    }
    k > 1 && words[k - 1].capital && joins(&sentence[words[k - 1].end..words[k].start])
}

/// What a run found without a source is foreign by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    /// Written in another script.
    Script,
    /// Holds letters the target language does not use.
    Letters,
    /// Holds function words of this language.
    Language(Lang),
}

/// Lowercase words looked back over for the capital that starts a name.
pub const NAME_TAIL_WORDS: usize = 4;

/// Fewest words in a run (target alone).
pub const MIN_RUN_WORDS: usize = 3;

/// Without a source: runs of words in another script (language `None`),
/// and runs holding [`MIN_FOREIGN_FUNCTION_WORDS`] function words of one
/// other language and none of the target's (that language), to be confirmed
/// by the detector.
pub fn foreign_runs(sentence: &str, info: &WordInfo, words: &mut Vec<Word>) -> Vec<(Run, Foreign)> {
    scan(
        sentence,
        info,
        true,
        |w| !crate::stopwords::languages_of(w).is_empty(),
        |_, _, _| false,
        words,
    );
    let mut out = Vec::new();
    // Other scripts, except Latin words in a text of another script.
    let mut i = 0;
    while i < words.len() {
        if !words[i].other_script {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && words[j].other_script
            && joins(&sentence[words[j - 1].end..words[j].start])
        {
            j += 1;
        }
        let (start, end) = (words[i].start, words[j - 1].end);
        let before = sentence[..start].trim_end();
        let after = sentence[end..].trim_start();
        let gloss = before.ends_with(['(', '[']) && after.starts_with([')', ']']);
        let letters: usize = words[i..j].iter().map(|w| w.letters).sum();
        let lone = letters < 2 && words[i].script != Script::Cjk;
        let dotted = sentence[..start].ends_with('.') || sentence[end..].starts_with('.');
        if !gloss && !lone && !dotted {
            out.push((
                Run {
                    start,
                    end,
                    words: j - i,
                    strong: true,
                },
                Foreign::Script,
            ));
        }
        i = j;
    }
    // Lowercase words with letters the target language does not use (après
    // in English), which are not loanwords.
    let links = links_of(sentence);
    for (k, w) in words.iter().enumerate() {
        let text = &sentence[w.start..w.end];
        let lower = text.to_lowercase();
        let dotted = sentence[..w.start].ends_with(['.', '/', '@', '-'])
            || sentence[w.end..].starts_with(['.', '-']);
        if w.alien_letter
            && !w.capital
            && w.letters >= 2
            && !dotted
            && !in_link(&links, w)
            && !info.is_loanword(&lower)
            && !name_tail(sentence, words, k)
        {
            out.push((
                Run {
                    start: w.start,
                    end: w.end,
                    words: 1,
                    strong: true,
                },
                Foreign::Letters,
            ));
        }
    }
    // Function words of another language.
    let mut buf = String::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].foreign_function || words[i].capital && i > 0 {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut content = 0;
        while j < words.len() {
            let w = &words[j];
            if w.target_function
                || w.other_script
                || w.capital
                || !joins(&sentence[words[j - 1].end..w.start])
            {
                break;
            }
            if w.foreign_function {
                content = 0;
            } else {
                content += 1;
                if content > 2 {
                    break;
                }
            }
            j += 1;
        }
        let run = &words[i..j];
        // The tail of a name left in its language (Association française
        // des exploitants de discothèques): a capital a few lowercase words
        // before the run.
        if run.len() >= MIN_RUN_WORDS && !name_tail(sentence, words, i) {
            // The language holding most of the run's function words.
            let mut best: Option<(Lang, usize)> = None;
            let mut counts: Vec<(Lang, usize)> = Vec::new();
            for w in run.iter().filter(|w| w.foreign_function) {
                lower_into(&sentence[w.start..w.end], &mut buf);
                for &l in crate::stopwords::languages_of(&buf) {
                    if l == info.lang {
                        continue;
                    }
                    match counts.iter_mut().find(|(c, _)| *c == l) {
                        Some(c) => c.1 += 1,
                        None => counts.push((l, 1)),
                    }
                }
            }
            for &(l, c) in &counts {
                if best.is_none_or(|(_, b)| c > b) {
                    best = Some((l, c));
                }
            }
            if let Some((l, c)) = best.filter(|&(_, c)| c >= MIN_FOREIGN_FUNCTION_WORDS) {
                let (start, end) = (run[0].start, run[run.len() - 1].end);
                let lower = sentence[start..end].to_lowercase();
                if !info.is_loanword(&lower) {
                    out.push((
                        Run {
                            start,
                            end,
                            words: run.len(),
                            strong: c >= 3,
                        },
                        Foreign::Language(l),
                    ));
                }
            }
        }
        i = j;
    }
    out
}

/// Quotation marks: is a span quoted?
pub mod quoted {
    /// Quotation marks (the ASCII and typographic apostrophes are left out:
    /// they are apostrophes more often than quotes).
    fn is_quote(c: char) -> bool {
        matches!(
            c,
            '"' | '“' | '”' | '«' | '»' | '„' | '「' | '」' | '『' | '』' | '‹' | '›'
        )
    }

    /// True when `text` holds a quotation mark.
    pub fn has_quotes(text: &str) -> bool {
        text.chars().any(is_quote)
    }

    /// The quotation holding `start..end` of `text`: the byte range between
    /// its marks.
    pub fn enclosing(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
        let before = text[..start].chars().filter(|&c| is_quote(c)).count();
        if before % 2 == 0 {
            return None;
        }
        let open = text[..start].rfind(is_quote)?;
        let open_end = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let close = end + text[end..].find(is_quote)?;
        Some((open_end, close))
    }

    /// True when `start..end` of `text` is inside a quotation left in a
    /// foreign language on purpose (a title, a motto): the run is most of
    /// the quotation, or the quotation holds no function word of the target
    /// language (`target_function` says which words are).
    pub fn inside(
        text: &str,
        start: usize,
        end: usize,
        target_function: impl Fn(&str) -> bool,
    ) -> bool {
        let Some((qs, qe)) = enclosing(text, start, end) else {
            return false;
        };
        let quote = &text[qs..qe];
        let count = |t: &str| super::words(t).count();
        let mut buf = String::new();
        let native = super::words(quote).any(|(a, b)| {
            super::lower_into(&quote[a..b], &mut buf);
            target_function(&buf)
        });
        !native || count(&text[start..end]) * 10 >= count(quote) * 6
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(c: &str) -> Lang {
        Lang::from_subtag(c).expect("language")
    }

    /// The runs of `target` shared with `source`, as text.
    fn runs(source: &str, sl: &str, target: &str, tl: &str) -> Vec<(String, bool)> {
        let texts = [source];
        let src = SourceWords::new(&texts);
        let info = WordInfo::new(lang(tl), target);
        let mut words = Vec::new();
        shared_runs(target, &info, &src, lang(sl), &mut words)
            .into_iter()
            .map(|r| (target[r.start..r.end].to_string(), r.strong))
            .collect()
    }

    #[test]
    fn function_words_make_a_phrase() {
        let r = runs(
            "omdat het verlies van ruim 20 bestemmingen zwaar weegt",
            "nl",
            "because het verlies van ruim 20 bestemmingen weighs heavily",
            "en",
        );
        assert_eq!(
            r,
            [("het verlies van ruim 20 bestemmingen".to_string(), true)]
        );
    }

    #[test]
    fn a_word_missing_from_the_word_list_is_enough() {
        let r = runs(
            "i lavori sul ponte",
            "it",
            "the work on the ponte is over",
            "en",
        );
        assert_eq!(r, [("ponte".to_string(), true)]);
        // A cognate the list has is not.
        assert!(
            runs(
                "la situation est importante",
                "fr",
                "the situation is important",
                "en"
            )
            .is_empty()
        );
    }

    #[test]
    fn prefixed_words_are_in_the_word_list() {
        let lx = calques::lexicon(lang("en")).expect("English word list");
        assert!(lx.contains("univariate") && lx.contains("nonbinding") && lx.contains("house"));
        assert!(!lx.contains("unponte") && !lx.contains("grottes"));
    }

    #[test]
    fn names_codes_and_compounds_are_not_fragments() {
        assert!(
            runs(
                "Jean de La Fontaine écrit",
                "fr",
                "the poet Jean de La Fontaine wrote",
                "en"
            )
            .is_empty()
        );
        assert!(runs("il gene aprB", "it", "the aprB gene", "en").is_empty());
        assert!(runs("anti americano", "it", "an anti-American mood", "en").is_empty());
        assert!(runs("le site zakon.kz", "fr", "the site zakon.kz said", "en").is_empty());
    }

    #[test]
    fn borrowed_terms_need_a_longer_run() {
        // Italian borrows English terms: two words are a term.
        assert!(
            runs(
                "the follow up was long",
                "en",
                "il follow up è stato lungo",
                "it"
            )
            .is_empty()
        );
        let r = runs(
            "the study has been hampered by delays",
            "en",
            "lo studio has been hampered dai ritardi",
            "it",
        );
        assert_eq!(r, [("has been hampered".to_string(), true)]);
    }

    #[test]
    fn other_scripts() {
        let r = runs(
            "均发现了三聚氰胺",
            "zh",
            "melamine 三聚氰胺 was found",
            "en",
        );
        assert_eq!(r, [("三聚氰胺".to_string(), true)]);
        // Latin brand names in a Russian text are not fragments.
        assert!(
            runs(
                "the new iPhone and Google Maps",
                "en",
                "новый iPhone и Google Maps",
                "ru"
            )
            .is_empty()
        );
    }

    #[test]
    fn target_alone_runs() {
        let info = WordInfo::new(lang("en"), "x");
        let mut words = Vec::new();
        let s = "The court ruled that het verlies van ruim 20 bestemmingen weighs heavily.";
        let r = foreign_runs(s, &info, &mut words);
        assert!(
            r.iter().any(|(_, f)| *f == Foreign::Language(lang("nl"))),
            "{r:?}"
        );
        let s = "The Italian word per se means nothing to Leonardo da Vinci.";
        assert!(foreign_runs(s, &info, &mut words).is_empty());
        let s = "The peacekeepers arrived après the earthquake in Haiti.";
        assert_eq!(
            foreign_runs(s, &info, &mut words).first().map(|r| r.1),
            Some(Foreign::Letters)
        );
    }

    #[test]
    fn quotations() {
        let t = "The motto “Liberté, égalité, fraternité” is on the wall.";
        let s = t.find("Liberté").unwrap_or(0);
        let e = t.find("fraternité").map_or(0, |i| i + "fraternité".len());
        assert!(quoted::inside(t, s, e, |w| w == "the"));
        let t = "He said “the grottes are closed” yesterday.";
        let s = t.find("grottes").unwrap_or(0);
        assert!(!quoted::inside(t, s, s + "grottes".len(), |w| w == "the" || w == "are"));
    }
}
