//! WC701 `link-mismatch`.

use crate::finding::{Finding, Severity};
use crate::rules::quotes::target_finding;
use crate::rules::{PairContext, Rule, RuleMeta, SideContext};
use crate::segment::{TokenKind, tokens};

crate::declare_rule! {
    /// ## What it does
    /// Finds URLs, e-mail addresses, @handles and #hashtags of a source
    /// paragraph that the translation lost or changed. A link counts as kept
    /// when the same text appears anywhere in the target (translations move
    /// sentences), compared without case for hosts, e-mail addresses and
    /// handles and with a trailing `/` ignored. A missing link with a link of
    /// the same kind in the aligned target paragraph that is close to it is
    /// reported as altered (`example.com/report-2024` → `example.com/rapport-2024`).
    ///
    /// ## Why is this bad?
    /// A reader who types or clicks the link gets nowhere, or somewhere else;
    /// a changed handle credits the wrong account. Translation tools
    /// "translate" URL paths, drop a `www.`, or lose a hashtag.
    ///
    /// ## Example
    /// Source (de): `Mehr unter https://www.bahn.de/streik.`
    /// Target (en): `More at https://www.bahn.de/strike.`
    /// → `link https://www.bahn.de/streik altered to https://www.bahn.de/strike`
    ///
    /// ## Language pairs
    /// All pairs; needs the source.
    ///
    /// ## Known problems
    /// A hashtag a newsroom deliberately translates (`#JeSuisCharlie` kept,
    /// `#Wahl2025` → `#Election2025`) is reported. A bare domain without
    /// `http://` or `www.` (`bahn.de`) is not recognised as a link.
    pub struct LinkMismatch {
        code: "WC701",
        name: "link-mismatch",
        category: Links,
        severity: Warning,
        needs_source: true,
        summary: "URL, e-mail address, @handle or #hashtag of the source missing or altered in the target",
    }
}

/// The links of a stretch of text: `(start, end)` relative to it.
fn links(text: &str) -> Vec<(usize, usize)> {
    tokens(text)
        .filter(|t| t.kind == TokenKind::Link)
        .filter(|t| {
            let s = &text[t.start..t.end];
            // `#1`, `@3pm`: no letters, not a handle or hashtag.
            !(s.starts_with('#') || s.starts_with('@')) || s[1..].chars().any(char::is_alphabetic)
        })
        .map(|t| (t.start, t.end))
        .collect()
}

/// The comparable form of a link.
fn norm(link: &str) -> String {
    let l = link.trim_end_matches('/');
    if l.starts_with('@') || l.starts_with('#') || (l.contains('@') && !l.contains('/')) {
        return l.to_lowercase();
    }
    let lower = l.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .map_or(l, |_| &l[l.find("//").map_or(0, |i| i + 2)..]);
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    format!("{host}/{path}")
}

fn kind(link: &str) -> u8 {
    if link.starts_with('@') {
        1
    } else if link.starts_with('#') {
        2
    } else if link.contains('@') && !link.contains('/') {
        3
    } else {
        0
    }
}

fn side_links(side: &SideContext<'_>, paras: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for &p in paras {
        let (s, e) = side.paragraph_range(p);
        out.extend(
            links(&side.text()[s..e])
                .into_iter()
                .map(|(a, b)| (p, s + a, s + b)),
        );
    }
    out
}

impl Rule for LinkMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((src, al)) = cx.pair() else { return };
        let tgt = cx.target;
        let all_target: Vec<String> = links(tgt.text())
            .into_iter()
            .map(|(a, b)| norm(&tgt.text()[a..b]))
            .collect();
        for link in &al.paragraphs {
            let t_links = side_links(&tgt, &link.target);
            let mut used = vec![false; t_links.len()];
            for (sp, ss, se) in side_links(&src, &link.source) {
                let s_text = &src.text()[ss..se];
                let n = norm(s_text);
                if all_target.contains(&n) {
                    if let Some(i) = t_links
                        .iter()
                        .position(|&(_, a, b)| norm(&tgt.text()[a..b]) == n)
                    {
                        used[i] = true;
                    }
                    continue;
                }
                // Altered: the closest unused link of the same kind.
                let cand = t_links
                    .iter()
                    .enumerate()
                    .filter(|(i, (_, a, b))| !used[*i] && kind(&tgt.text()[*a..*b]) == kind(s_text))
                    .map(|(i, &(tp, a, b))| {
                        (
                            i,
                            tp,
                            a,
                            b,
                            strsim::normalized_levenshtein(&n, &norm(&tgt.text()[a..b])),
                        )
                    })
                    .filter(|x| x.4 >= 0.5)
                    .max_by(|x, y| x.4.total_cmp(&y.4));
                let (f_para, start, end, msg, sev, sugg) = match cand {
                    Some((i, tp, a, b, _)) => {
                        used[i] = true;
                        (
                            tp,
                            a,
                            b,
                            format!("link {s_text} altered to {}", &tgt.text()[a..b]),
                            Severity::Error,
                            Some(s_text.to_string()),
                        )
                    }
                    None => {
                        let Some(&tp) = link.target.first() else {
                            continue;
                        };
                        let (ts, te) = tgt.paragraph_range(tp);
                        let end = tgt.text()[ts..te]
                            .char_indices()
                            .nth(40)
                            .map_or(te, |(i, _)| ts + i);
                        (
                            tp,
                            ts,
                            end,
                            format!("link {s_text} of the source is missing from the target"),
                            Severity::Warning,
                            None,
                        )
                    }
                };
                let mut f = target_finding(&Self::META, cx, f_para, start, end, msg, sev);
                f.source_paragraph = Some(sp);
                f.source_evidence = Some((ss, se));
                f.suggestion = sugg;
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(norm("https://WWW.Bahn.de/Streik/"), "bahn.de/Streik");
        assert_eq!(norm("http://bahn.de/Streik"), "bahn.de/Streik");
        assert_eq!(norm("@DB_Presse"), "@db_presse");
        assert_eq!(norm("Info@Bahn.de"), "info@bahn.de");
        assert_eq!(links("#1 and @3 but #Wahl2025 and @DB_Presse").len(), 2);
    }
}
