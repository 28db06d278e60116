//! WC302 `name-dropped`.

use super::extract::Strength;
use super::matching::{SrcStatus, analyse_shared, has_cognate, reportable};
use super::{glossary_of, quoted};
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta, source_span, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds a name of a source paragraph that the aligned target paragraph,
    /// and its neighbours, do not mention in any recognisable form: not
    /// the same spelling, not a transliteration or inflected form, not the
    /// exonym the tables give (Mosca → Moscow, EZB → ECB), not a word one
    /// letter off (that is `name-misspelled`).
    ///
    /// ## Why is this bad?
    /// A name that disappears takes the attribution with it: a quotation
    /// without its speaker, a decision without the minister who made it.
    ///
    /// ## Example
    /// Source (pt): `O diretor do Inpe, Tiago Moreira Lins, disse que a queda continua.`
    /// Target (en): `The director of Inpe said the decline continues.`
    /// → `name “Tiago Moreira Lins” of source paragraph 0 is missing from the translation`
    ///
    /// ## Language pairs
    /// All pairs. Into Chinese, Japanese and Korean only names from the
    /// tables are checked (other names are transliterated there).
    ///
    /// ## Known problems
    /// Institution names that translators translate word for word
    /// (Corte costituzionale → Constitutional Court) are recognised only
    /// when a word shares its first letters with the translation or the
    /// tables list the institution. Single capitalised words of German are
    /// checked only when the tables know them, since German capitalises
    /// every noun. A name replaced by a pronoun or a title ("the minister")
    /// is reported.
    pub struct NameDropped {
        code: "WC302",
        name: "name-dropped",
        category: Names,
        severity: Warning,
        needs_source: true,
        summary: "source name missing from the translation",
    }
}

impl Rule for NameDropped {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((src, al)) = cx.pair() else { return };
        let shared = analyse_shared(cx, glossary_of(cx));
        let Some(names) = shared.as_ref() else {
            return;
        };
        let tgt = cx.target;
        let tables = super::data::tables();
        let tgt_code = tgt.lang().map(|l| l.code());
        for (i, st) in names.src_status.iter().enumerate() {
            if *st != SrcStatus::Missing {
                continue;
            }
            let m = &names.src.mentions[i];
            if !reportable(m) {
                continue;
            }
            let Some(tp) = names.src_target_para[i] else {
                continue;
            };
            if !names.tgt.cased {
                // Into scripts without case only table names are checked.
                let known = m.entities.iter().any(|&e| {
                    tgt_code.is_some_and(|c| tables.entities[e as usize].form_in(c).is_some())
                });
                if !known {
                    continue;
                }
            } else if m.entities.is_empty() {
                let cross = m.toks.iter().any(|k| k.cross) != target_cross(names, tp);
                if cross && leftover_name(names, tp) {
                    continue;
                }
                if m.acronym && (m.strength < Strength::Strong || leftover_acronym(names, tp)) {
                    continue;
                }
                let k = al.link_of_target(tp).unwrap_or(0);
                // A person's surname in a neighbour may just refer back:
                // only the aligned paragraphs excuse a personal name.
                let (lo, hi) = if m.person {
                    (k, k.min(al.paragraphs.len().saturating_sub(1)))
                } else {
                    (
                        k.saturating_sub(1),
                        (k + 1).min(al.paragraphs.len().saturating_sub(1)),
                    )
                };
                let paras: Vec<usize> = al.paragraphs[lo..=hi]
                    .iter()
                    .flat_map(|l| l.target.clone())
                    .collect();
                if has_cognate(m, &tgt, &paras) {
                    continue;
                }
            }
            let name = &src.text()[m.start..m.end];
            let (ts, te) = tgt.paragraph_range(tp);
            let mut f = Self::META.finding(
                if te > ts {
                    target_span(ts, te)
                } else {
                    source_span(m.start, m.end)
                },
                format!(
                    "name {} of source paragraph {} is missing from the translation",
                    quoted(name),
                    m.paragraph
                ),
            );
            // A warning for personal names, which translations keep; a hint
            // for other names, which translators may render otherwise.
            if !(m.person && m.strength == Strength::Strong) {
                f.severity = Severity::Info;
            }
            f.source_paragraph = Some(m.paragraph);
            f.target_paragraph = Some(tp);
            f.source_evidence = Some((m.start, m.end));
            f.target_evidence = Some((ts, te));
            out.push(f);
        }
    }
}

/// True when the target paragraph's names are written in a non-Latin
/// script.
fn target_cross(names: &super::matching::PairNames, tp: usize) -> bool {
    let toks = names.tgt.by_para[tp]
        .clone()
        .flat_map(|ti| names.tgt.mentions[ti].toks.iter());
    let (mut cross, mut n) = (0, 0);
    for t in toks {
        n += 1;
        cross += usize::from(t.cross);
    }
    n > 0 && cross * 2 > n
}

/// True when the target paragraph has a name no source name matched (a
/// transcription the keys could not relate).
fn leftover_name(names: &super::matching::PairNames, tp: usize) -> bool {
    names.tgt.by_para[tp].clone().any(|ti| {
        names.tgt.mentions[ti].strength > Strength::Weak
            && names.tgt_status[ti] == super::matching::TgtStatus::Added
    })
}

/// True when the target paragraph has an acronym no source name matched
/// (an acronym translated: OBSE → OSCE).
fn leftover_acronym(names: &super::matching::PairNames, tp: usize) -> bool {
    names.tgt.by_para[tp].clone().any(|ti| {
        names.tgt.mentions[ti].acronym && names.tgt_status[ti] == super::matching::TgtStatus::Added
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    const PT: &str = "O diretor do instituto, Tiago Moreira Lins, disse que a queda do desmatamento continua este ano.";

    #[test]
    fn dropped_name() {
        let f = assert_findings(
            &NameDropped,
            Some((PT, "pt")),
            (
                "The director of the institute said the decline in deforestation continues this year.",
                "en",
            ),
            1,
        );
        assert!(f[0].message.contains("Tiago Moreira Lins"));
    }

    #[test]
    fn kept_name_is_silent() {
        assert_no_findings(
            &NameDropped,
            Some((PT, "pt")),
            (
                "The institute's director, Tiago Moreira Lins, said the decline in deforestation continues this year.",
                "en",
            ),
        );
    }

    #[test]
    fn exonyms_and_acronyms_are_recognised() {
        assert_no_findings(
            &NameDropped,
            Some((
                "Il vertice della Nato a Mosca e la riunione dell'Onu a Pechino sono stati rinviati.",
                "it",
            )),
            (
                "The NATO summit in Moscow and the UN meeting in Beijing have been postponed.",
                "en",
            ),
        );
    }

    #[test]
    fn name_moved_to_next_paragraph_is_found() {
        assert_no_findings(
            &NameDropped,
            Some((
                "Il ministro Giancarlo Giorgetti ha presentato il bilancio.\n\nIl voto è previsto per giovedì.",
                "it",
            )),
            (
                "The minister presented the budget.\n\nGiancarlo Giorgetti said the vote is expected on Thursday.",
                "en",
            ),
        );
    }
}
