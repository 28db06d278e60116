//! WC112 `unbalanced-bracket`.

use super::punct::ParaChars;
use super::target_finding;
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta};

crate::declare_rule! {
    /// ## What it does
    /// Finds a bracket opened and never closed in its paragraph, a closing
    /// bracket with no opening one, and a bracket closed by the wrong kind
    /// (`(…]`): round, square and curly brackets, and the CJK forms `（）`,
    /// `［］`, `【】`, `〔〕`, `《》`, `〈〉`. List markers (`a)`, `2)`, `iv)`),
    /// emoticons (`:)`) and brackets inside URLs are left alone. With a
    /// source, a defect the aligned source paragraph has at about the same
    /// place is the source's, faithfully translated, and is not reported.
    ///
    /// ## Why is this bad?
    /// A parenthesis left open swallows the rest of the paragraph: readers
    /// cannot tell where the aside ends. It usually means a translation cut
    /// a sentence or merged two.
    ///
    /// ## Example
    /// Target (en): `The index rose 2% (its best month since March.`
    /// → `bracket ( is never closed in its paragraph`
    ///
    /// ## Language pairs
    /// All target languages. Runs on a target alone.
    ///
    /// ## Known problems
    /// A bracketed aside spanning two paragraphs is reported in both.
    pub struct UnbalancedBracket {
        code: "WC112",
        name: "unbalanced-bracket",
        category: Punctuation,
        severity: Warning,
        needs_source: false,
        summary: "bracket never closed, closed with no opening, or closed by the wrong kind",
    }
}

impl Rule for UnbalancedBracket {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        for p in 0..cx.target.paragraph_count() {
            let (s, e) = cx.target.paragraph_range(p);
            let found = check_paragraph(cx.target.text(), s, e);
            if found.is_empty() {
                continue;
            }
            let mirrored = mirrored_in_source(cx, p, &found);
            for ((start, end, msg), m) in found.into_iter().zip(mirrored) {
                if m {
                    continue;
                }
                out.push(target_finding(
                    &Self::META,
                    cx,
                    p,
                    start,
                    end,
                    msg,
                    Severity::Warning,
                ));
            }
        }
    }
}

/// For each bracket defect of target paragraph `p`, whether the aligned
/// source paragraphs have one at about the same place: a bracket the source
/// itself leaves open (a sentence-per-line text splitting a bracketed
/// passage over two lines, say) is faithfully translated, not a defect of
/// the translation.
fn mirrored_in_source(
    cx: &PairContext<'_>,
    p: usize,
    found: &[(usize, usize, String)],
) -> Vec<bool> {
    let Some(src) = cx.source else {
        return vec![false; found.len()];
    };
    let source: Vec<(usize, usize)> = cx
        .sources_of(p)
        .iter()
        .flat_map(|&sp| {
            let (s, e) = src.paragraph_range(sp);
            check_paragraph(src.text(), s, e)
                .into_iter()
                .map(move |(b, _, _)| (sp, b))
        })
        .collect();
    if source.is_empty() {
        return vec![false; found.len()];
    }
    let target: Vec<(usize, usize)> = found.iter().map(|f| (p, f.0)).collect();
    super::mirrors(cx, &src, &target, &source)
}

const PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('（', '）'),
    ('［', '］'),
    ('【', '】'),
    ('〔', '〕'),
    ('《', '》'),
    ('〈', '〉'),
    ('｛', '｝'),
];

/// The half-width form of a full-width bracket.
fn narrow(c: char) -> char {
    match c {
        '）' => ')',
        '］' => ']',
        '｝' => '}',
        c => c,
    }
}

/// A list marker: `a)`, `2)`, `iv)`, `1.a)` at the start of the paragraph or
/// a line, or after a space or `;`/`:`.
fn is_list_marker(pc: &ParaChars, k: usize) -> bool {
    let mut s = k;
    while s > 0 && (pc.chars[s - 1].1.is_alphanumeric() || pc.chars[s - 1].1 == '.') && k - s < 4 {
        s -= 1;
    }
    if s == k {
        return false;
    }
    let token_start = s == 0
        || pc.chars[s - 1].1.is_whitespace()
        || matches!(pc.chars[s - 1].1, ';' | ':' | ',' | '(');
    let short = pc.chars[s..k]
        .iter()
        .filter(|x| x.1.is_alphabetic())
        .count()
        <= 3;
    let lowercase_or_digit = pc.chars[s..k]
        .iter()
        .all(|x| !x.1.is_uppercase() || matches!(x.1, 'I' | 'V' | 'X'));
    token_start && short && lowercase_or_digit && s < k
}

/// Bracket findings in one paragraph: `(start, end, message)`.
pub fn check_paragraph(text: &str, start: usize, end: usize) -> Vec<(usize, usize, String)> {
    let pc = ParaChars::new(text, start, end);
    let mut stack: Vec<(usize, char, char)> = Vec::new();
    let mut out = Vec::new();
    for (k, &(b, c)) in pc.chars.iter().enumerate() {
        if pc.protected[k] {
            continue;
        }
        if let Some(&(_, close)) = PAIRS.iter().find(|p| p.0 == c) {
            stack.push((b, c, close));
            continue;
        }
        if !PAIRS.iter().any(|p| p.1 == c) {
            continue;
        }
        // `（PPWR)`: half- and full-width forms of one bracket close each other.
        let same = |close: char| close == c || narrow(close) == narrow(c);
        if stack.last().is_some_and(|t| same(t.2)) {
            stack.pop();
            continue;
        }
        if let Some(depth) = stack.iter().rposition(|t| same(t.2)) {
            for (ob, oc, oclose) in stack.drain(depth + 1..).collect::<Vec<_>>() {
                out.push((
                    ob,
                    ob + oc.len_utf8(),
                    format!("bracket {oc} is closed by {c} instead of {oclose}"),
                ));
            }
            stack.pop();
            continue;
        }
        if c == ')' && is_list_marker(&pc, k) {
            continue;
        }
        if let Some((ob, oc, oclose)) = stack.pop() {
            out.push((
                ob,
                b + c.len_utf8(),
                format!("bracket {oc} is closed by {c} instead of {oclose}"),
            ));
            continue;
        }
        let open = PAIRS.iter().find(|p| p.1 == c).map_or('(', |p| p.0);
        out.push((
            b,
            b + c.len_utf8(),
            format!("closing bracket {c} has no opening {open}"),
        ));
    }
    for (ob, oc, _) in stack {
        out.push((
            ob,
            ob + oc.len_utf8(),
            format!("bracket {oc} is never closed in its paragraph"),
        ));
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msgs(t: &str) -> Vec<String> {
        check_paragraph(t, 0, t.len())
            .into_iter()
            .map(|x| x.2)
            .collect()
    }

    #[test]
    fn brackets() {
        assert!(msgs("The index rose (its best month) in May [sic].").is_empty());
        assert_eq!(
            msgs("The index rose 2% (its best month since March."),
            ["bracket ( is never closed in its paragraph"]
        );
        assert_eq!(
            msgs("It rose) sharply."),
            ["closing bracket ) has no opening ("]
        );
        assert_eq!(
            msgs("It rose (sharply]."),
            ["bracket ( is closed by ] instead of )"]
        );
        assert!(msgs("Options: a) stay, b) leave, 2) wait; iv) go.").is_empty());
        assert!(msgs("Nice :) see https://en.wikipedia.org/wiki/Foo_(bar) now").is_empty());
        assert!(msgs("他在《人民日报》（北京）发表文章。").is_empty());
    }
}
