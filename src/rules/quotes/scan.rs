//! The quotation scanner shared by the quote rules (WC101–WC105).
//!
//! It follows "How the rules are meant to use the tables" in
//! `corpora/tables/quotes/README.md`: a style pass (foreign pairs, foreign
//! marks, discouraged straight quotes), apostrophe classification, then
//! balancing with a stack per paragraph, carried over paragraph breaks by the
//! multi-paragraph convention. One pass yields the findings of all four
//! monolingual quote rules, and the quotations found (for
//! `quotation-dropped`).

use super::tables::{InnerSpace, Level, QuoteTable, StraightQuotes, ch, quote_tables};
use crate::finding::Severity;
use crate::segment::{TokenKind, is_cjk_char, tokens};
use std::sync::OnceLock;

/// A pair usable in a text, with its level.
#[derive(Debug, Clone, Copy)]
pub struct PairDef {
    /// Opening mark.
    pub open: char,
    /// Closing mark.
    pub close: char,
    /// Space inside.
    pub inner: InnerSpace,
    /// Nesting level where it is correct.
    pub level: Level,
    /// ASCII `"` or `'`.
    pub straight: bool,
}

/// A quotation-mark table made ready for scanning.
#[derive(Debug)]
pub struct Conv {
    /// The table.
    pub table: &'static QuoteTable,
    /// Valid pairs: primary, secondary, alternatives, straight `"` and `'`.
    pub pairs: Vec<PairDef>,
    apostrophes: Vec<char>,
    word_initial: Vec<Vec<char>>,
    foreign_marks: Vec<char>,
    foreign_pairs: Vec<(char, char, &'static str)>,
    continuation: Vec<(char, Vec<char>)>,
    inner_chars: Vec<char>,
    tolerated: Vec<char>,
    preferred: Option<char>,
    /// True for Chinese, Japanese and Korean tables.
    pub cjk: bool,
}

impl Conv {
    fn new(table: &'static QuoteTable) -> Conv {
        let mut pairs = Vec::new();
        let mut add = |open: &str, close: &str, inner: InnerSpace, level: Level, straight: bool| {
            pairs.push(PairDef {
                open: ch(open),
                close: ch(close),
                inner,
                level,
                straight,
            });
        };
        add(
            &table.primary.open,
            &table.primary.close,
            table.primary.inner_space,
            Level::Primary,
            false,
        );
        add(
            &table.secondary.open,
            &table.secondary.close,
            table.secondary.inner_space,
            Level::Secondary,
            false,
        );
        for a in &table.alternatives {
            add(&a.open, &a.close, a.inner_space, a.level, false);
        }
        let straight_inner = match table.primary.inner_space {
            InnerSpace::None => InnerSpace::None,
            _ => InnerSpace::Optional,
        };
        add("\"", "\"", straight_inner, Level::Primary, true);
        add("'", "'", straight_inner, Level::Secondary, true);
        let norm = |s: &str| -> Vec<char> {
            s.chars()
                .map(|c| if c == '\'' { '’' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        };
        Conv {
            table,
            pairs,
            apostrophes: table.apostrophes.iter().map(|s| ch(s)).collect(),
            word_initial: table
                .word_initial_apostrophes
                .iter()
                .map(|s| norm(s))
                .collect(),
            foreign_marks: table.foreign_marks.iter().map(|s| ch(s)).collect(),
            foreign_pairs: table
                .foreign_pairs
                .iter()
                .map(|p| (ch(&p.open), ch(&p.close), p.convention.as_str()))
                .collect(),
            continuation: table
                .continuation
                .iter()
                .map(|c| (ch(&c.open), c.marks.iter().map(|m| ch(m)).collect()))
                .collect(),
            inner_chars: table.inner_space_chars.iter().map(|s| ch(s)).collect(),
            tolerated: table.inner_space_tolerated.iter().map(|s| ch(s)).collect(),
            preferred: table.inner_space_preferred.chars().next(),
            cjk: matches!(table.script.as_str(), "Jpan" | "Hans" | "Hant" | "Kore"),
        }
    }

    /// True when `c` is a mark of a valid pair.
    pub fn is_valid_mark(&self, c: char) -> bool {
        self.pairs.iter().any(|p| p.open == c || p.close == c)
    }

    fn opens(&self, c: char) -> bool {
        self.pairs.iter().any(|p| p.open == c)
    }

    fn closes(&self, c: char) -> bool {
        self.pairs.iter().any(|p| p.close == c)
    }

    /// True when quotations opened with `c` may nest in each other (the
    /// table lists the pair at two levels, like French « »).
    fn nests(&self, c: char) -> bool {
        self.pairs
            .iter()
            .filter(|p| p.open == c && !p.straight)
            .count()
            >= 2
    }

    fn is_symmetric(&self, c: char) -> bool {
        self.pairs.iter().any(|p| p.open == c && p.close == c)
    }

    /// The pair to open with `c` at `depth`: one whose level fits, else the
    /// first with that opening mark.
    fn pair_opened_by(&self, c: char, depth: usize) -> Option<usize> {
        let want = if depth == 0 {
            Level::Primary
        } else {
            Level::Secondary
        };
        self.pairs
            .iter()
            .position(|p| p.open == c && p.level == want)
            .or_else(|| self.pairs.iter().position(|p| p.open == c))
    }

    fn pair_closed_by(&self, c: char) -> Option<usize> {
        self.pairs.iter().position(|p| p.close == c)
    }

    /// The language's name, for messages.
    pub fn name(&self) -> &'static str {
        let n = self.table.name.as_str();
        n.split(" (").next().unwrap_or(n)
    }
}

/// Every table made ready, in the order of [`quote_tables`].
fn convs() -> &'static [Conv] {
    static CELL: OnceLock<Vec<Conv>> = OnceLock::new();
    CELL.get_or_init(|| quote_tables().iter().map(Conv::new).collect())
}

/// The scanner conventions for a tag (README lookup).
pub fn conv_for_str(tag: &str) -> Option<&'static Conv> {
    let t = super::tables::quote_table_for_str(tag)?;
    convs().iter().find(|c| std::ptr::eq(c.table, t))
}

/// The scanner conventions for a side's language.
pub fn conv_for(tag: Option<&crate::lang::LangTag>) -> Option<&'static Conv> {
    conv_for_str(&tag?.to_string())
}

/// Which rule a scan finding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    /// WC101.
    Unbalanced,
    /// WC102.
    Misdirected,
    /// WC103.
    Spacing,
    /// WC104.
    Style,
}

/// A finding of the scan, before it becomes a rule's [`crate::finding::Finding`].
#[derive(Debug, Clone)]
pub struct Issue {
    /// The rule.
    pub kind: IssueKind,
    /// Start byte in the side text.
    pub start: usize,
    /// End byte in the side text.
    pub end: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// The message.
    pub message: String,
    /// Severity (tolerated spaces are [`Severity::Info`]).
    pub severity: Severity,
    /// Replacement for `start..end`, when mechanical.
    pub suggestion: Option<String>,
    /// Style findings of one kind are reported once per text: the kind.
    pub group: Option<String>,
}

/// A quotation found by the scan.
#[derive(Debug, Clone, Copy)]
pub struct Quotation {
    /// Byte of the opening mark.
    pub open: usize,
    /// Byte just after the closing mark, when closed.
    pub close: Option<usize>,
    /// Paragraph of the opening mark.
    pub paragraph: usize,
    /// The pair (index into [`Conv::pairs`]).
    pub pair: usize,
    /// Depth when opened (0 = outermost).
    pub depth: usize,
}

/// What the scan found in one side.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Findings of WC101–WC104.
    pub issues: Vec<Issue>,
    /// Quotations, in order of their opening marks.
    pub quotations: Vec<Quotation>,
    /// Quotations left open at the end of a paragraph and taken as running
    /// on into the next one (the multi-paragraph convention, or a next
    /// paragraph that closes them), in paragraph order.
    pub continued: Vec<Continued>,
}

/// A quotation still open at the end of its paragraph and carried over
/// into the next one.
#[derive(Debug, Clone, Copy)]
pub struct Continued {
    /// The paragraph it is left open at the end of.
    pub paragraph: usize,
    /// Paragraph of its opening mark.
    pub opened_in: usize,
    /// Start byte of its opening mark.
    pub start: usize,
    /// End byte of its opening mark.
    pub end: usize,
    /// The opening mark.
    pub mark: char,
    /// The closing mark it expects.
    pub close: char,
}

/// One open quotation on the stack.
#[derive(Debug, Clone, Copy)]
struct Open {
    pair: usize,
    mark: char,
    pos: usize,
    len: usize,
    para: usize,
    /// Character after the opening mark (for the spacing check).
    after: Option<char>,
    quotation: usize,
    /// Opened where a sentence starts (may run over paragraphs).
    sentence_start: bool,
}

/// Double marks (as opposed to single ones like ‘ ’ ‚ ‹ › ').
fn is_double(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '「' | '」' | '＂'
    )
}

fn is_letter_or_digit(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_cjk_or_hangul(c: char) -> bool {
    is_cjk_char(c) || matches!(c as u32, 0x3130..=0x318F | 0xA960..=0xA97F | 0xD7B0..=0xD7FF)
}

/// Followed by text: a letter, digit, opening bracket or mark, or other
/// non-space character that is not closing punctuation (a full stop
/// included: `gaz ».` closes).
fn followed_by_text(next: Option<char>) -> bool {
    next.is_some_and(|n| {
        !n.is_whitespace()
            && !matches!(
                n,
                ',' | ';' | ':' | '.' | ')' | ']' | '}' | '!' | '?' | '。' | '，' | '、'
            )
    })
}

/// A mark in opening position: followed by text and (outside CJK text) not
/// preceded by a letter or digit.
fn opening_pos(prev: Option<char>, next: Option<char>, cjk: bool) -> bool {
    followed_by_text(next) && (cjk || !prev.is_some_and(is_letter_or_digit))
}

/// An opening mark in closing position: not followed by a letter or digit, or
/// preceded by a letter or digit.
fn closing_pos(prev: Option<char>, next: Option<char>) -> bool {
    !next.is_some_and(|n| n.is_alphanumeric()) || prev.is_some_and(is_letter_or_digit)
}

/// The strict closing position of the README's foreign-pair check: not
/// preceded by whitespace, not followed by a letter.
fn strict_closing_pos(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphabetic)
}

/// Shows a mark in a message, naming invisible spaces.
pub fn show(c: char) -> String {
    match c {
        '\u{a0}' => "no-break space".into(),
        '\u{202f}' => "narrow no-break space".into(),
        ' ' => "space".into(),
        '\u{2009}' => "thin space".into(),
        c if c.is_whitespace() => format!("U+{:04X}", c as u32),
        c => c.to_string(),
    }
}

/// Scans one side: `paragraphs` are byte ranges of `text`.
pub fn analyze(text: &str, paragraphs: &[(usize, usize)], conv: &Conv) -> Analysis {
    let mut a = Analysis::default();
    let mut stack: Vec<Open> = Vec::new();
    // Continuation mark consumed at the start of the next paragraph.
    let mut skip_first = false;
    for (pi, &(ps, pe)) in paragraphs.iter().enumerate() {
        let para = &text[ps..pe];
        let chars: Vec<(usize, char)> = para.char_indices().map(|(i, c)| (ps + i, c)).collect();
        let mut excluded = vec![false; chars.len()];
        mark_links(para, ps, &chars, &mut excluded);
        if skip_first && !chars.is_empty() {
            excluded[0] = true;
        }
        skip_first = false;
        style_pass(conv, &chars, &mut excluded, pi, &mut a.issues);
        let merged = is_merged_block(&chars);
        balance(conv, &chars, &excluded, pi, merged, &mut stack, &mut a);
        // Paragraph end: continue the outermost quotation or close all.
        if stack.is_empty() {
            continue;
        }
        let next_first = paragraphs
            .get(pi + 1)
            .and_then(|&(s, e)| text[s..e].chars().next());
        let outer = stack[0];
        let marks: Vec<char> = conv
            .continuation
            .iter()
            .find(|(o, _)| *o == outer.mark)
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| vec![outer.mark]);
        let continues = next_first.is_some_and(|c| marks.contains(&c))
            && outer.sentence_start
            && ends_sentence(para)
            && !(outer.para == pi && has_attribution(&text[outer.pos + outer.len..pe]));
        // The quotation runs on and closes in the next paragraph, which does
        // not repeat the opening mark: balanced, but against the convention.
        let runs_on = !continues
            && paragraphs
                .get(pi + 1)
                .is_some_and(|&(s, e)| closes_first(conv, &text[s..e], &outer));
        let keep = usize::from(continues || runs_on);
        for o in stack.drain(keep..).collect::<Vec<_>>() {
            a.issues.push(unclosed(conv, &o, continues || runs_on));
        }
        if continues {
            skip_first = true;
        }
        if continues || runs_on {
            a.continued.push(Continued {
                paragraph: pi,
                opened_in: outer.para,
                start: outer.pos,
                end: outer.pos + outer.len,
                mark: outer.mark,
                close: conv.pairs[outer.pair].close,
            });
        }
        if runs_on {
            a.issues.push(Issue {
                kind: IssueKind::Unbalanced,
                start: outer.pos,
                end: outer.pos + outer.len,
                paragraph: outer.para,
                message: format!(
                    "quotation opened with {} runs on into the next paragraph, which does not start with {}",
                    outer.mark, outer.mark
                ),
                severity: Severity::Info,
                suggestion: None,
                group: None,
            });
        }
    }
    a.issues.sort_by_key(|i| (i.start, i.kind as u8));
    mixed_styles(conv, text, &mut a);
    aggregate_style(&mut a.issues);
    a
}

/// Narration after the quoted words: a lowercase word right after `?`, `!`
/// or `…` (`?, fragte er`, `! knurrte Tenuk`), or a dialogue dash after
/// punctuation (`, – прокричав`). A quotation that runs to the end of its
/// paragraph holds none, so the closing mark is missing.
fn has_attribution(inner: &str) -> bool {
    // Japanese: `…コーレンは咽頭マイクを使って返答した。`: a subject marked
    // with は or が, then a verb of saying.
    const JA_SAYING: &[&str] = &[
        "言っ",
        "言い",
        "言う",
        "尋ね",
        "答え",
        "返答",
        "聞い",
        "叫ん",
        "つぶや",
        "呟",
        "述べ",
        "話し",
        "訊い",
        "怒鳴",
    ];
    for marker in ["は", "が"] {
        if let Some(i) = inner.find(marker) {
            let rest = &inner[i..];
            let sentence_end = rest.find('。').unwrap_or(rest.len());
            if JA_SAYING.iter().any(|v| rest[..sentence_end].contains(v)) {
                return true;
            }
        }
    }
    let chars: Vec<char> = inner.chars().collect();
    for k in 0..chars.len() {
        // Chinese: `…还在他手里科伦回答道，`: a verb of saying with 道.
        if chars[k] == '，' || chars[k] == '。' {
            let before: String = chars[k.saturating_sub(2)..k].iter().collect();
            if before.ends_with('道')
                && before
                    .chars()
                    .next()
                    .is_some_and(|c| "问说答喊叫笑嚷吼骂叹".contains(c))
            {
                return true;
            }
        }
        if !matches!(chars[k], '?' | '!' | '…' | ',' | '.') {
            continue;
        }
        let mut j = k + 1;
        let emphatic = matches!(chars[k], '?' | '!' | '…');
        if emphatic && chars.get(j) == Some(&',') {
            j += 1;
        }
        if !chars.get(j).is_some_and(|c| c.is_whitespace()) {
            continue;
        }
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        let dash = chars.get(j).is_some_and(|&c| matches!(c, '–' | '—' | '-'))
            && chars.get(j + 1).is_some_and(|c| c.is_whitespace());
        if dash {
            j += 1;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
        }
        let lower = chars.get(j).is_some_and(|c| c.is_lowercase());
        if lower && (emphatic || dash) {
            return true;
        }
        // `, antwortete Cohren`, `, espetó Craith`: a comma, one lowercase
        // word and a name.
        if lower && chars[k] == ',' {
            let mut e = j;
            while chars.get(e).is_some_and(|c| c.is_alphabetic()) {
                e += 1;
            }
            let name =
                chars.get(e) == Some(&' ') && chars.get(e + 1).is_some_and(|c| c.is_uppercase());
            let name_end = (e + 1..chars.len())
                .find(|&i| !chars[i].is_alphabetic())
                .unwrap_or(chars.len());
            let after = chars.get(name_end).copied();
            if e - j >= 3
                && name
                && name_end > e + 2
                && after.is_none_or(|c| matches!(c, ',' | '.' | ' '))
            {
                return true;
            }
        }
    }
    false
}

/// True when the next paragraph closes `outer` before opening anything
/// with its mark.
fn closes_first(conv: &Conv, next: &str, outer: &Open) -> bool {
    let close = conv.pairs[outer.pair].close;
    let chars: Vec<char> = next.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        if c != close && c != outer.mark {
            continue;
        }
        let prev = k.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(k + 1).copied();
        let closing =
            prev.is_some_and(|p| !p.is_whitespace()) && !after.is_some_and(char::is_alphanumeric);
        if c == close && c != outer.mark {
            return true;
        }
        return closing;
    }
    false
}

/// Style findings of one kind are reported once per text, at the first
/// occurrence, with the number of occurrences: a text that consistently
/// uses another convention gets one finding, not one per quotation.
fn aggregate_style(issues: &mut Vec<Issue>) {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for i in issues.iter() {
        if let Some(g) = &i.group {
            *counts.entry(g.clone()).or_default() += 1;
        }
    }
    let mut seen = std::collections::HashSet::new();
    issues.retain_mut(|i| match &i.group {
        None => true,
        Some(g) => {
            if !seen.insert(g.clone()) {
                return false;
            }
            let n = counts[g];
            if n > 1 {
                i.message.push_str(&format!(" ({n} times in this text)"));
            }
            true
        }
    });
}

/// A block far longer than a news paragraph (ten sentences or more): several
/// paragraphs whose breaks were lost in extraction.
fn is_merged_block(chars: &[(usize, char)]) -> bool {
    let mut n = 0;
    for (k, &(_, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        if matches!(c, '。' | '！' | '？')
            || (matches!(c, '.' | '!' | '?') && next.is_some_and(char::is_whitespace))
        {
            n += 1;
        }
    }
    n >= 10
}

/// True when the last non-space character before `k` ends a sentence.
fn after_sentence_end(chars: &[(usize, char)], k: usize) -> bool {
    chars[..k]
        .iter()
        .rev()
        .map(|x| x.1)
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

/// True when a paragraph ends where a sentence ends (a quotation may run on
/// into the next paragraph only from there).
fn ends_sentence(para: &str) -> bool {
    para.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!'
                | '?'
                | '…'
                | '—'
                | '–'
                | ':'
                | '。'
                | '！'
                | '？'
                | '」'
                | '』'
                | '”'
                | '’'
                | '»'
                | '›'
                | '"'
                | '\''
                | ')'
                | '）'
                | '“'
                | '‘'
        )
    })
}

/// True when the mark at `k` starts a sentence: at the start of the
/// paragraph, or after a sentence-final mark, a colon, a dash or another
/// quotation mark. In CJK text quotations follow particles, so always.
fn at_sentence_start(conv: &Conv, chars: &[(usize, char)], k: usize) -> bool {
    let prev = chars[..k]
        .iter()
        .rev()
        .map(|x| x.1)
        .find(|c| !c.is_whitespace());
    if conv.table.lang == "zh" {
        // Chinese speech follows a colon or a comma (`他说：“…`); a mark
        // after a character (`最“负责任`) quotes a term.
        return prev.is_none_or(|p| {
            matches!(
                p,
                '：' | ':' | '，' | '。' | '！' | '？' | '…' | '”' | '」' | '“' | '「'
            )
        });
    }
    if conv.cjk {
        return true;
    }
    prev.is_none_or(|p| {
        matches!(p, '.' | '!' | '?' | '…' | ':' | '—' | '–' | '-' | '(' | '[')
            || conv.is_valid_mark(p)
            || matches!(
                p,
                '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›' | '"' | '\''
            )
    })
}

fn unclosed(conv: &Conv, o: &Open, inner: bool) -> Issue {
    let p = conv.pairs[o.pair];
    Issue {
        kind: IssueKind::Unbalanced,
        start: o.pos,
        end: o.pos + o.len,
        paragraph: o.para,
        message: if inner {
            format!(
                "quotation opened with {} inside a quotation continued in the next paragraph is never closed",
                o.mark
            )
        } else {
            format!(
                "quotation opened with {} is never closed with {} in its paragraph",
                o.mark, p.close
            )
        },
        severity: Severity::Error,
        suggestion: None,
        group: None,
    }
}

/// Excludes the characters of URLs, e-mail addresses and handles.
fn mark_links(para: &str, base: usize, chars: &[(usize, char)], excluded: &mut [bool]) {
    for t in tokens(para).filter(|t| t.kind == TokenKind::Link) {
        let (s, e) = (base + t.start, base + t.end);
        for (k, &(b, _)) in chars.iter().enumerate() {
            if b >= s && b < e {
                excluded[k] = true;
            }
        }
    }
}

fn style_pass(
    conv: &Conv,
    chars: &[(usize, char)],
    excluded: &mut [bool],
    pi: usize,
    out: &mut Vec<Issue>,
) {
    let prev = |k: usize| (k > 0).then(|| chars[k - 1].1);
    let next = |k: usize| chars.get(k + 1).map(|x| x.1);
    for &(o, c, convention) in &conv.foreign_pairs {
        let orient = conv.is_valid_mark(o) && conv.is_valid_mark(c);
        let mut k = 0;
        while k < chars.len() {
            if excluded[k]
                || chars[k].1 != o
                || (orient && !opening_pos(prev(k), next(k), conv.cjk))
            {
                k += 1;
                continue;
            }
            let close = (k + 1..chars.len()).find(|&j| {
                !excluded[j] && chars[j].1 == c && (!orient || strict_closing_pos(prev(j), next(j)))
            });
            let Some(j) = close else {
                k += 1;
                continue;
            };
            excluded[k] = true;
            excluded[j] = true;
            let (s, e) = (chars[k].0, chars[j].0 + c.len_utf8());
            out.push(Issue {
                kind: IssueKind::Style,
                start: s,
                end: e,
                paragraph: pi,
                message: format!(
                    "{o}…{c} ({convention}) in {} text, which uses {}…{}",
                    conv.name(),
                    conv.table.primary.open,
                    conv.table.primary.close
                ),
                severity: Severity::Warning,
                suggestion: None,
                group: Some(format!("pair {o}{c}")),
            });
            k = j + 1;
        }
    }
    for (k, &(b, c)) in chars.iter().enumerate() {
        if excluded[k] {
            continue;
        }
        let discouraged = c == '"' && conv.table.straight_quotes == StraightQuotes::Discouraged;
        if conv.foreign_marks.contains(&c) || discouraged {
            excluded[k] = true;
            out.push(Issue {
                kind: IssueKind::Style,
                start: b,
                end: b + c.len_utf8(),
                paragraph: pi,
                message: format!(
                    "{c} is not a quotation mark of {} text, which uses {}…{}",
                    conv.name(),
                    conv.table.primary.open,
                    conv.table.primary.close
                ),
                severity: Severity::Warning,
                suggestion: None,
                group: Some(format!("mark {c}")),
            });
        }
    }
}

/// True when `chars[k..]` starts with `word` (lowercase, ’ for apostrophes)
/// and the word ends there.
fn starts_word(chars: &[(usize, char)], k: usize, word: &[char]) -> bool {
    if chars.len() < k + word.len() {
        return false;
    }
    let matches = word.iter().enumerate().all(|(i, &w)| {
        let c = chars[k + i].1;
        let c = if matches!(c, '\'' | '‘' | 'ʼ') {
            '’'
        } else {
            c
        };
        c.to_lowercase().eq(std::iter::once(w))
    });
    matches
        && !chars
            .get(k + word.len())
            .is_some_and(|x| x.1.is_alphabetic())
}

/// An elided number: the mark is followed by exactly two digits (’90s, ’24).
fn before_two_digits(chars: &[(usize, char)], k: usize) -> bool {
    let d = |i: usize| chars.get(i).is_some_and(|x| x.1.is_ascii_digit());
    d(k + 1) && d(k + 2) && !d(k + 3)
}

fn balance(
    conv: &Conv,
    chars: &[(usize, char)],
    excluded: &[bool],
    pi: usize,
    merged: bool,
    stack: &mut Vec<Open>,
    a: &mut Analysis,
) {
    let prev = |k: usize| (k > 0).then(|| chars[k - 1].1);
    let next = |k: usize| chars.get(k + 1).map(|x| x.1);
    for k in 0..chars.len() {
        let (b, c) = chars[k];
        if excluded[k] || !conv.is_valid_mark(c) {
            continue;
        }
        let (p, n) = (prev(k), next(k));
        // French guillemets stand apart from the words they quote: look
        // through that space to see whether a mark opens or closes.
        let spaced = conv
            .pairs
            .iter()
            .any(|q| (q.open == c || q.close == c) && q.inner != InnerSpace::None);
        let inner = |x: Option<char>| {
            spaced
                && x.is_some_and(|x| conv.inner_chars.contains(&x) || conv.tolerated.contains(&x))
        };
        let n_eff = if inner(n) {
            chars.get(k + 2).map(|x| x.1)
        } else {
            n
        };
        let p_eff = if inner(p) {
            k.checked_sub(2).map(|i| chars[i].1)
        } else {
            p
        };
        let open_pos = opening_pos(p, n_eff, conv.cjk);
        let needed = stack.iter().any(|o| conv.pairs[o.pair].close == c);
        // A single mark between two letters, or after a letter closing
        // nothing, is an apostrophe typed with the wrong character
        // (`geht‘s`, `O‘Neal`, `Students‘ Union`), not a quotation mark.
        let after_letter = p.is_some_and(|x| x.is_alphabetic() && !is_cjk_or_hangul(x));
        if matches!(c, '‘' | '’' | '‚' | '‛')
            && after_letter
            && stack.last().is_none_or(|o| o.mark != c)
            && (n.is_some_and(|x| x.is_alphabetic() && !is_cjk_or_hangul(x))
                || (!needed && !open_pos))
        {
            continue;
        }
        if conv.apostrophes.contains(&c) || c == '\'' {
            let between = p.is_some_and(|x| is_letter_or_digit(x) && !is_cjk_or_hangul(x))
                && n.is_some_and(|x| is_letter_or_digit(x) && !is_cjk_or_hangul(x));
            let word_start = !p.is_some_and(char::is_alphabetic)
                && conv.word_initial.iter().any(|w| starts_word(chars, k, w));
            if between || word_start || before_two_digits(chars, k) || (!needed && !open_pos) {
                continue;
            }
            // An elision at a word start (’bout, 'hood): no later mark could
            // close a quotation opened here.
            if !needed && open_pos && !has_later_closer(conv, chars, excluded, k, c) {
                continue;
            }
        } else if !needed
            && matches!(c, '‘' | '‛')
            && ((before_two_digits(chars, k)
                && chars
                    .get(k + 3)
                    .is_none_or(|x| x.1 == 's' || x.1.is_whitespace() || matches!(x.1, ',' | ';')))
                || (!p.is_some_and(char::is_alphabetic)
                    && conv.word_initial.iter().any(|w| starts_word(chars, k, w))))
        {
            // ‘90s written with the opening mark: an apostrophe error, not a quotation.
            continue;
        }
        // In a block of several paragraphs whose breaks were lost, the
        // opening mark repeated at a sentence start continues the quotation.
        // CJK text puts no space after the sentence's final mark (`。「`).
        // As at a paragraph end, only a quotation opened where a sentence
        // starts can run on (`einer „Diktatur würdig. „Dieses` cannot).
        if merged
            && stack
                .last()
                .is_some_and(|o| o.mark == c && o.sentence_start)
            && conv.opens(c)
            && (p.is_none_or(char::is_whitespace)
                || (conv.cjk && p.is_some_and(|x| matches!(x, '。' | '！' | '？'))))
            && n.is_some_and(|x| x.is_alphanumeric() || matches!(x, '¿' | '¡' | '(' | '[' | '…'))
            && after_sentence_end(chars, k)
        {
            continue;
        }
        // A straight double mark between two letters (`l"été`, `jusqu"à`)
        // is an apostrophe mistyped (or mangled by an encoding), not a
        // quotation mark.
        if c == '"'
            && p.is_some_and(|x| x.is_alphabetic() && !is_cjk_or_hangul(x))
            && n.is_some_and(|x| x.is_alphabetic() && !is_cjk_or_hangul(x))
        {
            continue;
        }
        // Inch and second marks: 5' 11", 12" pipe.
        if c == '"'
            && p.is_some_and(|x| x.is_ascii_digit())
            && stack.last().is_none_or(|o| o.mark != '"')
        {
            continue;
        }
        let len = c.len_utf8();
        // 1. Closes the quotation on top.
        if let Some(top) = stack.last().copied()
            && conv.pairs[top.pair].close == c
        {
            stack.pop();
            close(conv, a, &top, b, len, (p, n), pi);
            continue;
        }
        // 2. The same asymmetric opening mark used to close.
        if let Some(top) = stack.last().copied()
            && top.mark == c
            && !conv.is_symmetric(c)
            && (if spaced {
                !n_eff.is_some_and(char::is_alphanumeric)
            } else {
                closing_pos(p, n)
            })
        {
            stack.pop();
            let pair = conv.pairs[top.pair];
            a.quotations[top.quotation].close = Some(b + len);
            a.issues.push(Issue {
                kind: IssueKind::Misdirected,
                start: b,
                end: b + len,
                paragraph: pi,
                message: format!(
                    "opening mark {c} used to close the quotation opened with {}; expected {}",
                    top.mark, pair.close
                ),
                severity: Severity::Error,
                suggestion: Some(pair.close.to_string()),
                group: None,
            });
            continue;
        }
        // 3. Closes a deeper quotation: those above it were never closed.
        if let Some(depth) = stack.iter().rposition(|o| conv.pairs[o.pair].close == c)
            && (!conv.opens(c) || !open_pos)
        {
            for o in stack.drain(depth + 1..).collect::<Vec<_>>() {
                a.issues.push(unclosed(conv, &o, false));
            }
            let top = stack.pop().expect("depth is in the stack");
            close(conv, a, &top, b, len, (p, n), pi);
            continue;
        }
        // 3b. A closing mark of another pair (or a straight quote) closing
        // the quotation on top: `„…"`, `"…”`. Delimited, but mixed marks.
        if let Some(top) = stack.last().copied()
            && (conv.closes(c) || c == '"')
            && !stack
                .iter()
                .any(|o| o.mark == c || conv.pairs[o.pair].close == c)
            && is_double(c) == is_double(top.mark)
            && p_eff.is_some_and(|x| !x.is_whitespace())
            && !n.is_some_and(char::is_alphanumeric)
            && !(conv.opens(c) && open_pos)
        {
            stack.pop();
            a.quotations[top.quotation].close = Some(b + len);
            a.issues.push(Issue {
                kind: IssueKind::Style,
                start: b,
                end: b + len,
                paragraph: pi,
                message: format!(
                    "quotation opened with {} closed with {c}; use {}",
                    top.mark, conv.pairs[top.pair].close
                ),
                severity: Severity::Warning,
                suggestion: Some(conv.pairs[top.pair].close.to_string()),
                group: Some("mixed pair".into()),
            });
            continue;
        }
        // 3c. A straight double mark in closing position (after a word or
        // a stop, before a space, punctuation or the end) with no quotation
        // open closes nothing: its opening mark is missing. Taking it as an
        // opening mark would put every later pair out of step and report
        // the defect at the paragraph's last quotation instead of here.
        if c == '"'
            && stack.is_empty()
            && p.is_some_and(|x| !x.is_whitespace() && !conv.is_valid_mark(x))
            && !n.is_some_and(|x| x.is_alphanumeric())
            && !open_pos
        {
            a.issues.push(Issue {
                kind: IssueKind::Unbalanced,
                start: b,
                end: b + len,
                paragraph: pi,
                message: "closing mark \" closes no quotation".to_string(),
                severity: Severity::Error,
                suggestion: None,
                group: None,
            });
            continue;
        }
        // 4. Opens a quotation.
        if conv.opens(c) && (!conv.closes(c) || open_pos || conv.is_symmetric(c)) {
            // The same opening mark again while its quotation is open: no
            // convention nests a mark in itself, so the first quotation was
            // never closed.
            if !conv.is_symmetric(c)
                && !conv.nests(c)
                && let Some(top) = stack.last().copied()
                && top.mark == c
            {
                stack.pop();
                a.issues.push(Issue {
                    kind: IssueKind::Unbalanced,
                    start: top.pos,
                    end: top.pos + top.len,
                    paragraph: top.para,
                    message: format!(
                        "quotation opened with {} is not closed before the next {}",
                        top.mark, c
                    ),
                    severity: Severity::Error,
                    suggestion: None,
                    group: None,
                });
            }
            let depth = stack.len();
            let pair = conv.pair_opened_by(c, depth).expect("opening mark");
            if depth == 0
                && !conv.table.secondary_at_top_level
                && !conv
                    .pairs
                    .iter()
                    .any(|q| q.open == c && q.level == Level::Primary)
            {
                a.issues.push(Issue {
                    kind: IssueKind::Style,
                    start: b,
                    end: b + len,
                    paragraph: pi,
                    message: format!(
                        "{c} opens an outermost quotation; {} uses {}…{} outside and {c} only inside",
                        conv.name(),
                        conv.table.primary.open,
                        conv.table.primary.close
                    ),
                    severity: Severity::Warning,
                    suggestion: Some(conv.table.primary.open.clone()),
                    group: Some(format!("top {c}")),
                });
            }
            push(
                at_sentence_start(conv, chars, k),
                a,
                stack,
                pair,
                c,
                b,
                len,
                pi,
                n,
                depth,
            );
            continue;
        }
        // 5. A closing mark that matches nothing.
        let pair = conv.pair_closed_by(c).expect("closing mark");
        if open_pos {
            let open = conv.pairs[pair].open;
            a.issues.push(Issue {
                kind: IssueKind::Misdirected,
                start: b,
                end: b + len,
                paragraph: pi,
                message: format!("closing mark {c} used to open a quotation; expected {open}"),
                severity: Severity::Error,
                suggestion: Some(open.to_string()),
                group: None,
            });
            let depth = stack.len();
            push(
                at_sentence_start(conv, chars, k),
                a,
                stack,
                pair,
                c,
                b,
                len,
                pi,
                n,
                depth,
            );
        } else {
            a.issues.push(Issue {
                kind: IssueKind::Unbalanced,
                start: b,
                end: b + len,
                paragraph: pi,
                message: format!(
                    "closing mark {c} closes no quotation opened with {}",
                    conv.pairs[pair].open
                ),
                severity: Severity::Error,
                suggestion: None,
                group: None,
            });
        }
    }
}

/// True when a later `c` in the paragraph stands in closing position (so
/// that a quotation opened with `c` at `k` could close).
fn has_later_closer(
    conv: &Conv,
    chars: &[(usize, char)],
    excluded: &[bool],
    k: usize,
    c: char,
) -> bool {
    let _ = conv;
    (k + 1..chars.len()).any(|j| {
        !excluded[j]
            && chars[j].1 == c
            && chars.get(j - 1).is_some_and(|x| !x.1.is_whitespace())
            && !chars
                .get(j + 1)
                .is_some_and(|x| x.1.is_alphanumeric() && !is_cjk_or_hangul(x.1))
    })
}

#[allow(clippy::too_many_arguments)]
fn push(
    sentence_start: bool,
    a: &mut Analysis,
    stack: &mut Vec<Open>,
    pair: usize,
    c: char,
    b: usize,
    len: usize,
    pi: usize,
    after: Option<char>,
    depth: usize,
) {
    a.quotations.push(Quotation {
        open: b,
        close: None,
        paragraph: pi,
        pair,
        depth,
    });
    stack.push(Open {
        pair,
        mark: c,
        pos: b,
        len,
        para: pi,
        after,
        quotation: a.quotations.len() - 1,
        sentence_start,
    });
}

/// Closes `top` with the mark at `b` and checks the spaces inside.
fn close(
    conv: &Conv,
    a: &mut Analysis,
    top: &Open,
    b: usize,
    len: usize,
    (before, next): (Option<char>, Option<char>),
    pi: usize,
) {
    a.quotations[top.quotation].close = Some(b + len);
    let pair = conv.pairs[top.pair];
    // A straight mark with a space before it and a word right after it
    // opens a quotation: a straight mark earlier in the text was left
    // unpaired (a quotation continued over a lost paragraph break, or a
    // missing mark), so the pairing is out of step and the spaces found
    // inside this "quotation" lie outside real ones. The unpaired mark is
    // the defect; it is not a spacing error.
    if pair.straight
        && before.is_some_and(char::is_whitespace)
        && next.is_some_and(char::is_alphanumeric)
    {
        return;
    }
    #[derive(PartialEq, Clone, Copy)]
    enum Side {
        NoSpace,
        Accepted,
        Tolerated(char),
        Other(char),
    }
    let classify = |c: Option<char>| match c {
        Some(c) if conv.inner_chars.contains(&c) => Side::Accepted,
        Some(c) if conv.tolerated.contains(&c) => Side::Tolerated(c),
        Some(c) if c.is_whitespace() => Side::Other(c),
        _ => Side::NoSpace,
    };
    let open_side = classify(top.after);
    let close_side = classify(before);
    let open_span = (top.pos, top.pos + top.len, top.para);
    let close_span = (b, b + len, pi);
    let mut report = |(s, e, p): (usize, usize, usize), msg: String, sev: Severity| {
        a.issues.push(Issue {
            kind: IssueKind::Spacing,
            start: s,
            end: e,
            paragraph: p,
            message: msg,
            severity: sev,
            suggestion: None,
            group: None,
        });
    };
    let preferred = conv
        .preferred
        .map(show)
        .unwrap_or_else(|| "no-break space".into());
    match pair.inner {
        InnerSpace::None => {
            if let Side::Other(c) | Side::Tolerated(c) = open_side {
                report(
                    open_span,
                    format!("{} after opening mark {}", show(c), pair.open),
                    Severity::Warning,
                );
            }
            if let Side::Other(c) | Side::Tolerated(c) = close_side {
                report(
                    close_span,
                    format!("{} before closing mark {}", show(c), pair.close),
                    Severity::Warning,
                );
            }
        }
        InnerSpace::Required => {
            for (side, span, what, mark) in [
                (open_side, open_span, "after opening mark", pair.open),
                (close_side, close_span, "before closing mark", pair.close),
            ] {
                match side {
                    Side::Accepted => {}
                    Side::Tolerated(c) => report(
                        span,
                        format!(
                            "{} {what} {mark} can break the line; use a {preferred}",
                            show(c)
                        ),
                        Severity::Info,
                    ),
                    Side::Other(c) => report(
                        span,
                        format!("{} {what} {mark}; use a {preferred}", show(c)),
                        Severity::Warning,
                    ),
                    Side::NoSpace => report(
                        span,
                        format!("{preferred} missing {what} {mark}"),
                        Severity::Warning,
                    ),
                }
            }
        }
        InnerSpace::Optional => {
            let spaced = |s: Side| matches!(s, Side::Accepted | Side::Tolerated(_));
            for (side, span, what, mark) in [
                (open_side, open_span, "after opening mark", pair.open),
                (close_side, close_span, "before closing mark", pair.close),
            ] {
                match side {
                    Side::Other(c) => report(
                        span,
                        format!("{} {what} {mark}; use a {preferred} or none", show(c)),
                        Severity::Warning,
                    ),
                    Side::Tolerated(c) if spaced(open_side) && spaced(close_side) => report(
                        span,
                        format!(
                            "{} {what} {mark} can break the line; use a {preferred}",
                            show(c)
                        ),
                        Severity::Info,
                    ),
                    _ => {}
                }
            }
            if spaced(open_side) != spaced(close_side)
                && !matches!(open_side, Side::Other(_))
                && !matches!(close_side, Side::Other(_))
            {
                let (span, what) = if spaced(open_side) {
                    (
                        close_span,
                        format!("space after {} but none before {}", pair.open, pair.close),
                    )
                } else {
                    (
                        open_span,
                        format!("space before {} but none after {}", pair.close, pair.open),
                    )
                };
                report(span, what, Severity::Warning);
            }
        }
    }
}

/// Straight and typographic double quotes mixed in one text: one finding at
/// the first quotation of the less used kind.
fn mixed_styles(conv: &Conv, text: &str, a: &mut Analysis) {
    let _ = text;
    let outer: Vec<&Quotation> = a
        .quotations
        .iter()
        .filter(|q| q.depth == 0 && q.close.is_some())
        .collect();
    let straight: Vec<&&Quotation> = outer
        .iter()
        .filter(|q| conv.pairs[q.pair].open == '"')
        .collect();
    let curly: Vec<&&Quotation> = outer
        .iter()
        .filter(|q| !conv.pairs[q.pair].straight && conv.pairs[q.pair].level == Level::Primary)
        .collect();
    if straight.is_empty() || curly.is_empty() {
        return;
    }
    let (minority, major_name, minority_name, n_min, n_maj) = if straight.len() <= curly.len() {
        (
            **straight[0],
            "typographic",
            "straight",
            straight.len(),
            curly.len(),
        )
    } else {
        (
            **curly[0],
            "straight",
            "typographic",
            curly.len(),
            straight.len(),
        )
    };
    let end = minority.open
        + text[minority.open..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
    a.issues.push(Issue {
        kind: IssueKind::Style,
        start: minority.open,
        end,
        paragraph: minority.paragraph,
        message: format!(
            "{minority_name} quotation marks ({n_min}) mixed with {major_name} ones ({n_maj}) in one text"
        ),
        severity: Severity::Warning,
        suggestion: None,
        group: None,
    });
    a.issues.sort_by_key(|i| (i.start, i.kind as u8));
}
