//! WC401 `false-friend`.

use super::false_friends::{FalseFriends, Role, for_pair, into};
use super::{lower_into, words};
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds a look-alike word that misled the translator: the aligned source
    /// sentence holds a trigger form (Italian `attualmente`) and the target
    /// sentence the false friend (`actually`) and none of the usual right
    /// renderings (`currently`, `now`…) nor a word showing that the false
    /// friend is right in this context. The pairs, their inflected forms,
    /// right renderings and exceptions are in
    /// `corpora/tables/false-friends/<src>-<tgt>.toml`.
    ///
    /// Without a source, only the false friends that are almost never right
    /// in news translated into the target language (`embarrassed` for a
    /// pregnant woman, `preservatives` for condoms; table flag `target_only`)
    /// are reported, at info severity.
    ///
    /// ## Why is this bad?
    /// A false friend says something the source does not: "the actual
    /// government" is not "il governo attuale" (the current one), and "the
    /// argument of the meeting" is not its topic. Readers cannot see the
    /// mistake; they take the wrong meaning.
    ///
    /// ## Example
    /// Source (it): `L'argomento della riunione era il bilancio.`
    /// Target (en): `The argument of the meeting was the budget.`
    /// → `“argument” for “argomento”, which usually means “topic”, “topics”`
    ///
    /// ## Language pairs
    /// it, es, fr, de, pt, nl, ru → en and en → it, fr, de, es (one table
    /// each). Target alone: English.
    ///
    /// ## Known problems
    /// The false friend is sometimes right (Italian `argomento` is also a
    /// line of reasoning); the exceptions catch the common cases, and a few
    /// noisy entries (German `also`) are only hints at info severity. When
    /// the sentence aligner pairs the wrong sentences the trigger is not
    /// seen and nothing is reported.
    pub struct FalseFriend {
        code: "WC401",
        name: "false-friend",
        category: Literal,
        severity: Warning,
        needs_source: false,
        summary: "look-alike word rendered by its false friend",
    }
}

/// A candidate entry while a target sentence is scanned.
#[derive(Clone, Copy)]
struct Candidate {
    entry: usize,
    /// The source trigger's byte range, when the trigger was seen.
    trigger: Option<(usize, usize)>,
    false_friend: Option<(usize, usize)>,
    right: bool,
    exception: bool,
}

impl Rule for FalseFriend {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let tgt = cx.target;
        let Some(tl) = tgt.lang() else { return };
        let Some((src, al)) = cx.pair() else {
            target_only(cx, tl, out);
            return;
        };
        let Some(table) = src.lang().and_then(|sl| for_pair(sl, tl)) else {
            return;
        };
        let mut buf = String::new();
        let mut cands: Vec<Candidate> = Vec::new();
        let mut cancelled: Vec<usize> = Vec::new();
        for links in &al.sentences {
            for link in links {
                if link.source.is_empty() || link.target.is_empty() {
                    continue;
                }
                cands.clear();
                cancelled.clear();
                for &s in &link.source {
                    let sent = src.units.sentences[s];
                    let text = &src.text()[sent.start..sent.end];
                    for (a, b) in words(text) {
                        lower_into(&text[a..b], &mut buf);
                        cancelled.extend(
                            table
                                .source_exceptions
                                .get(buf.as_str())
                                .into_iter()
                                .flatten(),
                        );
                        for &entry in table.triggers.get(buf.as_str()).into_iter().flatten() {
                            if !cands.iter().any(|c| c.entry == entry) {
                                cands.push(Candidate {
                                    entry,
                                    trigger: Some((sent.start + a, sent.start + b)),
                                    false_friend: None,
                                    right: false,
                                    exception: false,
                                });
                            }
                        }
                    }
                }
                if cands.is_empty() {
                    continue;
                }
                for &t in &link.target {
                    let sent = tgt.units.sentences[t];
                    scan(
                        table,
                        &tgt.text()[sent.start..sent.end],
                        sent.start,
                        &mut cands,
                        &mut buf,
                    );
                }
                let t_para = tgt.units.sentences[link.target[0]].paragraph;
                let s_para = src.units.sentences[link.source[0]].paragraph;
                for c in cands.iter().filter(|c| {
                    c.false_friend.is_some()
                        && !c.right
                        && !c.exception
                        && !cancelled.contains(&c.entry)
                }) {
                    let (Some((fs, fe)), Some((ts, te))) = (c.false_friend, c.trigger) else {
                        continue;
                    };
                    // A capitalised word copied as it is from the source is
                    // a name or a title kept ("The Gift" collection), not a
                    // word translated by its look-alike.
                    let copied = &tgt.text()[fs..fe];
                    if copied == &src.text()[ts..te] && copied.starts_with(char::is_uppercase) {
                        continue;
                    }
                    let e = &table.table.entries[c.entry];
                    let mut f = Self::META.finding(
                        target_span(fs, fe),
                        format!(
                            "“{}” for “{}”, which usually means {}",
                            &tgt.text()[fs..fe],
                            &src.text()[ts..te],
                            rights(&e.right)
                        ),
                    );
                    if e.hint {
                        f.severity = Severity::Info;
                    }
                    f.source_paragraph = Some(s_para);
                    f.target_paragraph = Some(t_para);
                    f.source_evidence = Some((ts, te));
                    let first = tgt.units.sentences[link.target[0]];
                    let last = tgt.units.sentences[*link.target.last().unwrap_or(&link.target[0])];
                    f.target_evidence = Some((first.start, last.end));
                    out.push(f);
                }
            }
        }
    }
}

/// Records, for each candidate, the false friend, right renderings and
/// exceptions found in `text` (at `base` in the side text).
fn scan(table: &FalseFriends, text: &str, base: usize, cands: &mut [Candidate], buf: &mut String) {
    for (a, b) in words(text) {
        lower_into(&text[a..b], buf);
        let Some(roles) = table.targets.get(buf.as_str()) else {
            continue;
        };
        for &(entry, role) in roles {
            for c in cands.iter_mut().filter(|c| c.entry == entry) {
                match role {
                    Role::FalseFriend => {
                        c.false_friend.get_or_insert((base + a, base + b));
                    }
                    Role::Right => c.right = true,
                    Role::Exception => c.exception = true,
                }
            }
        }
    }
}

/// “a”, “b” (the first two right renderings).
fn rights(right: &[String]) -> String {
    right
        .iter()
        .take(2)
        .map(|r| format!("“{r}”"))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The source words, with their languages, that invite the false friend
/// `form` into `tl` (target-only entries): "German präservativ, Italian
/// preservativo".
fn sources_of(tl: crate::lang::Lang, form: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for table in into(tl) {
        for &(entry, role) in table.targets.get(form).into_iter().flatten() {
            let e = &table.table.entries[entry];
            if role == Role::FalseFriend && e.target_only {
                let word = e.trigger.first().map_or("", String::as_str);
                out.push(format!("{} {word}", table.source.name()));
            }
        }
    }
    out.sort();
    out.dedup();
    out.join(", ")
}

/// Without a source: the `target_only` false friends, at info severity.
fn target_only(cx: &PairContext<'_>, tl: crate::lang::Lang, out: &mut Vec<Finding>) {
    let tgt = cx.target;
    let mut buf = String::new();
    let mut cands: Vec<Candidate> = Vec::new();
    for table in into(tl) {
        for sent in &tgt.units.sentences {
            let text = &tgt.text()[sent.start..sent.end];
            cands.clear();
            for (a, b) in words(text) {
                lower_into(&text[a..b], &mut buf);
                for &(entry, role) in table.targets.get(buf.as_str()).into_iter().flatten() {
                    if role == Role::FalseFriend && table.table.entries[entry].target_only {
                        cands.push(Candidate {
                            entry,
                            trigger: None,
                            false_friend: None,
                            right: false,
                            exception: false,
                        });
                    }
                }
            }
            if cands.is_empty() {
                continue;
            }
            scan(table, text, sent.start, &mut cands, &mut buf);
            for c in cands.iter().filter(|c| !c.right && !c.exception) {
                let Some((fs, fe)) = c.false_friend else {
                    continue;
                };
                // One finding per word, whichever tables know it.
                if out
                    .iter()
                    .any(|f| f.code == FalseFriend::META.code && f.span.start == fs)
                {
                    continue;
                }
                let e = &table.table.entries[c.entry];
                let form = tgt.text()[fs..fe].to_lowercase();
                let mut f = FalseFriend::META.finding(
                    target_span(fs, fe),
                    format!(
                        "“{}” is rarely right in translated news: it usually renders a word meaning {} ({})",
                        &tgt.text()[fs..fe],
                        rights(&e.right),
                        sources_of(tl, &form)
                    ),
                );
                f.severity = Severity::Info;
                f.target_paragraph = Some(sent.paragraph);
                f.target_evidence = Some((sent.start, sent.end));
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
    fn false_friend_in_pair() {
        let it = "Il governo ha presentato il piano. Attualmente la maggioranza non ha i numeri.";
        let en =
            "The government presented the plan. Actually the majority does not have the numbers.";
        let f = assert_findings(&FalseFriend, Some((it, "it")), (en, "en"), 1);
        assert!(
            f[0].message.contains("“Actually” for “Attualmente”"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn right_rendering_is_silent() {
        let it = "Il governo ha presentato il piano. Attualmente la maggioranza non ha i numeri.";
        let en =
            "The government presented the plan. The majority currently does not have the numbers.";
        assert_no_findings(&FalseFriend, Some((it, "it")), (en, "en"));
        // "actually" with no trigger in the source is right.
        let it2 = "Il governo ha presentato il piano. In realtà la maggioranza non ha i numeri.";
        let en2 =
            "The government presented the plan. Actually the majority does not have the numbers.";
        assert_no_findings(&FalseFriend, Some((it2, "it")), (en2, "en"));
    }

    #[test]
    fn capitalised_title_copied_from_the_source_is_silent() {
        let en = "The brand shared photos of its collection The Gift in November.";
        let de = "Die Marke teilte im November Fotos ihrer Kollektion The Gift.";
        assert_no_findings(&FalseFriend, Some((en, "en")), (de, "de"));
    }

    #[test]
    fn exception_is_silent() {
        let it = "Il progetto usa una libreria open source scritta in Python.";
        let en = "The project uses an open source library written in Python.";
        assert_no_findings(&FalseFriend, Some((it, "it")), (en, "en"));
    }

    #[test]
    fn target_alone_only_target_only_entries_at_info() {
        let f = assert_findings(
            &FalseFriend,
            None,
            (
                "The singer said she was embarrassed with her second child.",
                "en",
            ),
            1,
        );
        assert_eq!(f[0].severity, Severity::Info);
        assert_no_findings(
            &FalseFriend,
            None,
            ("Actually the majority does not have the numbers.", "en"),
        );
    }
}
