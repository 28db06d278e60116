//! Site chrome recognised in paragraphs: breadcrumbs, comment forms, share
//! prompts, photo credits… Patterns live in `corpora/tables/boilerplate/`.

use crate::lang::Lang;
use crate::tables::{parse_table, tables_of};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use std::sync::OnceLock;

/// One boilerplate table as written.
#[derive(Debug, Deserialize)]
pub struct BoilerplateTable {
    /// Language code.
    pub lang: String,
    /// Where the patterns come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The patterns.
    pub patterns: Vec<PatternEntry>,
    /// Examples the tests run.
    #[serde(default)]
    pub examples: Vec<BoilerplateExample>,
}

/// A pattern entry.
#[derive(Debug, Deserialize)]
pub struct PatternEntry {
    /// Kind of chrome (breadcrumb, comment-form, photo-credit…).
    pub kind: String,
    /// Regular expression (case-insensitive).
    pub pattern: String,
    /// Paragraphs longer than this (characters) are never chrome.
    #[serde(default = "default_max")]
    pub max_chars: usize,
    /// `paragraph` (the whole paragraph is chrome) or `prefix` (only the
    /// matched start is, as with agency datelines).
    #[serde(default = "default_scope")]
    pub scope: String,
    /// Why the pattern exists.
    #[serde(default)]
    pub note: String,
}

fn default_scope() -> String {
    "paragraph".into()
}

fn default_max() -> usize {
    200
}

/// An example paragraph and whether it is chrome.
#[derive(Debug, Deserialize)]
pub struct BoilerplateExample {
    /// The paragraph.
    pub text: String,
    /// True when it is chrome.
    pub boilerplate: bool,
    /// Expected kind, for positives.
    #[serde(default)]
    pub kind: Option<String>,
}

/// A compiled pattern.
#[derive(Debug)]
pub struct Pattern {
    /// Language of the table it came from.
    pub lang: Option<Lang>,
    /// Kind of chrome.
    pub kind: String,
    /// The expression as written (compiled case-insensitively on first
    /// use: most patterns never pass their literal gate).
    pub source: String,
    /// The compiled expression, once needed.
    compiled: OnceLock<Option<Regex>>,
    /// Longest paragraph it applies to.
    pub max_chars: usize,
    /// True when only the matched prefix is chrome.
    pub prefix: bool,
    /// Lowercase literals one of which every match starts with, when the
    /// pattern says so plainly (`^(?:read|see) …`): a cheap gate before the
    /// expression runs.
    pub starts: Option<Vec<String>>,
    /// A lowercase literal every match holds, for patterns that are not
    /// anchored (`this site uses akismet…`): a cheap gate too.
    pub needs: Option<String>,
}

impl Pattern {
    /// The compiled expression; `None` only when it does not compile, which
    /// the table tests rule out.
    pub fn regex(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| {
                RegexBuilder::new(&self.source)
                    .case_insensitive(true)
                    .build()
                    .ok()
            })
            .as_ref()
    }

    /// True when the expression matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex().is_some_and(|r| r.is_match(text))
    }
}

/// Every table, parsed.
pub fn tables() -> &'static [(String, BoilerplateTable)] {
    static CELL: OnceLock<Vec<(String, BoilerplateTable)>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("boilerplate")
            .map(|(stem, text)| (stem.to_string(), parse_table("boilerplate", stem, text)))
            .collect()
    })
}

fn patterns() -> &'static [Pattern] {
    static CELL: OnceLock<Vec<Pattern>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut out: Vec<Pattern> = Vec::new();
        for (_, t) in tables() {
            for p in &t.patterns {
                // Tables repeat the patterns that hold in every language
                // (breadcrumbs, agency credits): one copy is enough.
                let scope = p.scope == "prefix";
                if out.iter().any(|o| {
                    o.source == p.pattern
                        && o.kind == p.kind
                        && o.max_chars == p.max_chars
                        && o.prefix == scope
                }) {
                    continue;
                }
                out.push(Pattern {
                    lang: Lang::from_subtag(&t.lang),
                    kind: p.kind.clone(),
                    source: p.pattern.clone(),
                    compiled: OnceLock::new(),
                    max_chars: p.max_chars,
                    prefix: p.scope == "prefix",
                    starts: literal_starts(&p.pattern),
                    needs: literal_needed(&p.pattern),
                });
            }
        }
        out
    })
}

/// The literals a pattern's matches must start with, when the pattern opens
/// with `^` and says so plainly: a literal (`^your e-?mail` gives `your e`),
/// a bracketed class of plain characters (`^[（(]` gives `（`, `(`), or a group
/// of such alternatives, nested or not (`^(?:read|see) …` gives `read`,
/// `see`); `None` when it does not say plainly. A character followed by a
/// quantifier ends a literal.
pub fn literal_starts(pattern: &str) -> Option<Vec<String>> {
    let starts = starts_of(pattern.strip_prefix('^')?)?;
    (!starts.is_empty() && starts.iter().all(|s| !s.is_empty())).then_some(starts)
}

/// The literal starts of a regular-expression fragment (see
/// [`literal_starts`]).
fn starts_of(rest: &str) -> Option<Vec<String>> {
    let plain = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '\'' | '’' | ',' | ':' | '：');
    let quantified = |t: &str| t.starts_with(['?', '*', '{', '+']);
    if let Some(group) = rest.strip_prefix("(?:") {
        // The group's alternatives, split at its own level.
        let mut depth = 0usize;
        let mut alternatives = Vec::new();
        let mut from = 0;
        let mut close = None;
        let mut escaped = false;
        for (k, c) in group.char_indices() {
            if escaped {
                escaped = false;
                continue;
            }
            match c {
                '\\' => escaped = true,
                '(' | '[' => depth += 1,
                ')' | ']' if depth > 0 => depth -= 1,
                ')' => {
                    alternatives.push(&group[from..k]);
                    close = Some(k);
                    break;
                }
                '|' if depth == 0 => {
                    alternatives.push(&group[from..k]);
                    from = k + 1;
                }
                _ => {}
            }
        }
        if quantified(&group[close? + 1..]) {
            return None;
        }
        let mut out = Vec::new();
        for alt in alternatives {
            out.extend(starts_of(alt)?);
        }
        return Some(out);
    }
    if let Some(class) = rest.strip_prefix('[') {
        let end = class.find(']')?;
        let body = &class[..end];
        if body.is_empty()
            || body.starts_with('^')
            || body.contains(['\\', '-'])
            || quantified(&class[end + 1..])
        {
            return None;
        }
        return Some(
            body.chars()
                .flat_map(char::to_lowercase)
                .map(String::from)
                .collect(),
        );
    }
    let chars: Vec<char> = rest.chars().collect();
    let mut out = String::new();
    let mut k = 0;
    while k < chars.len() {
        let (c, width) = match chars[k] {
            '\\' if matches!(
                chars.get(k + 1),
                Some('(' | ')' | '[' | ']' | '.' | '*' | '?' | '+')
            ) =>
            {
                (chars[k + 1], 2)
            }
            c => (c, 1),
        };
        let next_quantified = matches!(chars.get(k + width), Some('?' | '*' | '{' | '+'));
        if (width == 1 && !plain(c)) || next_quantified {
            break;
        }
        out.extend(c.to_lowercase());
        k += width;
    }
    (!out.is_empty()).then(|| vec![out])
}

/// The literal an unanchored pattern opens with (after an optional `\b`),
/// which every match holds.
pub fn literal_needed(pattern: &str) -> Option<String> {
    if pattern.starts_with('^') {
        return None;
    }
    let rest = pattern.strip_prefix("\\b").unwrap_or(pattern);
    let chars: Vec<char> = rest.chars().collect();
    let mut out = String::new();
    for (k, &c) in chars.iter().enumerate() {
        let quantified = matches!(chars.get(k + 1), Some('?' | '*' | '{' | '+'));
        if !(c.is_alphanumeric() || c == ' ') || quantified {
            break;
        }
        out.extend(c.to_lowercase());
    }
    (out.chars().count() >= 4).then_some(out)
}

/// Every compiled pattern.
pub fn all_patterns() -> &'static [Pattern] {
    patterns()
}

/// Longest paragraph (characters) that some whole-paragraph pattern accepts;
/// longer paragraphs are content without looking further.
fn longest_chrome() -> usize {
    static CELL: OnceLock<usize> = OnceLock::new();
    *CELL.get_or_init(|| {
        patterns()
            .iter()
            .filter(|p| !p.prefix)
            .map(|p| p.max_chars)
            .max()
            .unwrap_or(0)
    })
}

/// Most pieces (sentences or lines) a paragraph may have for the pieces to
/// be tried one by one.
pub const MAX_PIECES: usize = 6;

/// The kind of a piece of text matched whole by a paragraph pattern.
fn whole(text: &str, chars: usize, lang: Option<Lang>) -> Option<&'static str> {
    let head: String = text
        .chars()
        .take(HEAD_CHARS)
        .flat_map(char::to_lowercase)
        .collect();
    let first = head.chars().next()?;
    let all = patterns();
    let mut lower: Option<String> = None;
    candidates(lang, first)
        .iter()
        .map(|&i| &all[i])
        .filter(|p| chars <= p.max_chars)
        .find(|p| {
            p.starts
                .as_ref()
                .is_none_or(|s| s.iter().any(|x| head.starts_with(x.as_str())))
                && p.needs.as_ref().is_none_or(|n| {
                    lower
                        .get_or_insert_with(|| text.to_lowercase())
                        .contains(n.as_str())
                })
                && p.is_match(text)
        })
        .map(|p| p.kind.as_str())
}

/// The whole-paragraph patterns that can match a text opening with `first`,
/// those of `lang` first, then in table order (computed once for every
/// table language).
fn candidates(lang: Option<Lang>, first: char) -> &'static [usize] {
    type Lists = crate::hash::FastMap<(Option<Lang>, Option<char>), Vec<usize>>;
    static CELL: OnceLock<Lists> = OnceLock::new();
    let lists = CELL.get_or_init(|| {
        let (by_first, ungated) = start_index();
        let all = patterns();
        let mut langs: Vec<Option<Lang>> = all.iter().map(|p| p.lang).collect();
        langs.push(None);
        langs.sort();
        langs.dedup();
        let mut out = Lists::default();
        for &l in &langs {
            let order = |v: &mut Vec<usize>| {
                v.sort_unstable_by_key(|&i| (l.is_none() || all[i].lang != l, i));
            };
            for (&c, gated) in by_first {
                let mut v: Vec<usize> = gated.iter().chain(ungated).copied().collect();
                order(&mut v);
                out.insert((l, Some(c)), v);
            }
            let mut v = ungated.clone();
            order(&mut v);
            out.insert((l, None), v);
        }
        out
    });
    // A language without a table orders like no language at all.
    let lang = lang.filter(|l| lists.contains_key(&(Some(*l), None)));
    lists
        .get(&(lang, Some(first)))
        .or_else(|| lists.get(&(lang, None)))
        .map_or(&[], Vec::as_slice)
}

/// The whole-paragraph patterns with literal starts, by the first
/// character of those starts, and the patterns without (tried on every
/// text).
#[allow(clippy::type_complexity)]
fn start_index() -> &'static (std::collections::HashMap<char, Vec<usize>>, Vec<usize>) {
    static CELL: OnceLock<(std::collections::HashMap<char, Vec<usize>>, Vec<usize>)> =
        OnceLock::new();
    CELL.get_or_init(|| {
        let mut by_first: std::collections::HashMap<char, Vec<usize>> = Default::default();
        let mut ungated = Vec::new();
        for (i, p) in patterns().iter().enumerate().filter(|(_, p)| !p.prefix) {
            match &p.starts {
                Some(starts) => {
                    let mut firsts: Vec<char> =
                        starts.iter().filter_map(|s| s.chars().next()).collect();
                    firsts.sort_unstable();
                    firsts.dedup();
                    for c in firsts {
                        by_first.entry(c).or_default().push(i);
                    }
                }
                None => ungated.push(i),
            }
        }
        (by_first, ungated)
    })
}

/// Characters of a paragraph compared with the patterns' literal starts.
const HEAD_CHARS: usize = 48;

/// The kind of chrome `paragraph` is, if the whole paragraph is chrome.
/// Patterns of `lang` are tried first, then those of every other language
/// (scraped chrome is often left in the site's language).
///
/// A paragraph that no pattern matches whole is also chrome when it is short
/// and each of its sentences or lines is chrome on its own (`Leave a comment.
/// Your email address will not be published.`); the kind is the first
/// piece's.
pub fn matches(paragraph: &str, lang: Option<Lang>) -> Option<&'static str> {
    let text = paragraph.trim();
    let chars = text.chars().count();
    if chars == 0 || chars > 2 * longest_chrome() {
        return None;
    }
    if chars <= longest_chrome()
        && let Some(kind) = whole(text, chars, lang)
    {
        return Some(kind);
    }
    // Cut into sentences and lines: a paragraph of two to `MAX_PIECES`
    // short pieces is chrome when every piece is. Pieces are tested as they
    // are cut, so content stops at its first sentence.
    let mut count = 0;
    let mut first = None;
    let mut spans = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        crate::segment::split_sentences(line, 0, line.len(), 0, lang.map(Lang::code), &mut spans);
        for s in spans.drain(..) {
            let piece = line[s.start..s.end].trim();
            let piece_chars = piece.chars().count();
            count += 1;
            if count > MAX_PIECES || piece_chars > MAX_PIECE_CHARS {
                return None;
            }
            first.get_or_insert(whole(piece, piece_chars, lang)?);
        }
    }
    (count >= 2).then_some(first).flatten()
}

/// Longest piece (characters) of a paragraph tried piece by piece.
pub const MAX_PIECE_CHARS: usize = 160;

/// A chrome prefix at the start of `paragraph` (an agency dateline such as
/// `LONDON (Reuters) - `): its kind and the byte length of the prefix.
/// Patterns of `lang` are tried first.
pub fn prefix(paragraph: &str, lang: Option<Lang>) -> Option<(&'static str, usize)> {
    let lead = paragraph.len() - paragraph.trim_start().len();
    let text = &paragraph[lead..];
    let all = patterns();
    prefix_order(lang).iter().find_map(|&i| {
        let p = &all[i];
        p.regex()?
            .find(text)
            .filter(|m| m.start() == 0 && m.end() > 0)
            .map(|m| (p.kind.as_str(), lead + m.end()))
    })
}

/// The prefix patterns, those of `lang` first, then the others in table
/// order (computed once for every table language).
fn prefix_order(lang: Option<Lang>) -> &'static [usize] {
    static CELL: OnceLock<crate::hash::FastMap<Option<Lang>, Vec<usize>>> = OnceLock::new();
    let lists = CELL.get_or_init(|| {
        let all = patterns();
        let mut langs: Vec<Option<Lang>> = all.iter().map(|p| p.lang).collect();
        langs.push(None);
        langs.sort();
        langs.dedup();
        langs
            .into_iter()
            .map(|l| {
                let mut v: Vec<usize> = (0..all.len()).filter(|&i| all[i].prefix).collect();
                v.sort_by_key(|&i| (l.is_none() || all[i].lang != l, i));
                (l, v)
            })
            .collect()
    });
    lists
        .get(&lang)
        .or_else(|| lists.get(&None))
        .map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_starts_of_patterns() {
        assert_eq!(
            literal_starts("^(?:read|see) (?:also|more)\\b"),
            Some(vec!["read".to_string(), "see".to_string()])
        );
        assert_eq!(
            literal_starts("^your e-?mail"),
            Some(vec!["your e".to_string()])
        );
        assert_eq!(literal_starts("this site uses akismet"), None);
        assert_eq!(literal_starts("^(?:[^/]{1,40}/)?reuters"), None);
        assert_eq!(literal_starts("^(?:home|news)?x"), None);
        assert_eq!(
            literal_starts("^(?:dieser (?:artikel|inhalt)|exklusiv)"),
            Some(vec!["dieser ".to_string(), "exklusiv".to_string()])
        );
        assert_eq!(literal_starts("^(?:(?:jetzt )?weiterlesen|mehr)"), None);
        assert_eq!(
            literal_starts("^(?:tento|(?:už|již) jste)"),
            Some(vec![
                "tento".to_string(),
                "už".to_string(),
                "již".to_string()
            ])
        );
        assert_eq!(
            literal_starts("^[（(](?:写真)"),
            Some(vec!["（".to_string(), "(".to_string()])
        );
        assert_eq!(
            literal_starts("^\\((?:foto|bild)"),
            Some(vec!["(".to_string()])
        );
        assert_eq!(
            literal_needed("\\ball rights reserved\\.?"),
            Some("all rights reserved".to_string())
        );
        assert_eq!(literal_needed("^x"), None);
        // Every pattern's examples still match through the gate (checked by
        // `matches` in the test below).
    }

    #[test]
    fn examples_hold_through_matches() {
        for (stem, t) in tables() {
            let lang = Lang::from_subtag(&t.lang);
            // Datelines are prefixes, not whole paragraphs.
            for ex in t
                .examples
                .iter()
                .filter(|e| e.boilerplate && e.kind.as_deref() != Some("dateline"))
            {
                assert!(matches(&ex.text, lang).is_some(), "{stem}: {:?}", ex.text);
            }
        }
    }

    #[test]
    fn patterns_compile_and_examples_hold() {
        assert!(!all_patterns().is_empty());
        for p in all_patterns() {
            if let Err(e) = RegexBuilder::new(&p.source).case_insensitive(true).build() {
                panic!("boilerplate pattern {:?}: {e}", p.source);
            }
        }
        for (stem, t) in tables() {
            let lang = Lang::from_subtag(&t.lang);
            for ex in &t.examples {
                let text = ex.text.trim();
                let chars = text.chars().count();
                // Patterns shared by every table are kept once, under the
                // first table: every language's examples are tried on all.
                let _ = lang;
                let hit = all_patterns()
                    .iter()
                    .filter(|p| ex.kind.as_ref().is_none_or(|k| &p.kind == k))
                    .find(|p| chars <= p.max_chars && p.is_match(text));
                assert_eq!(hit.is_some(), ex.boilerplate, "{stem}: {text:?}");
                if let (Some(p), Some(kind)) = (hit, &ex.kind) {
                    assert!(
                        ex.boilerplate && (&p.kind == kind || hit.is_some()),
                        "{stem}: {text:?}"
                    );
                }
            }
        }
    }
}
