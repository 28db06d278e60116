//! WC304 `name-added`.

use super::matching::{TgtStatus, analyse, has_cognate, reportable};
use super::{glossary_of, quoted};
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Points out a name of the translation that has no counterpart in the
    /// aligned source paragraph or its neighbours: no name, word or table
    /// entry of the source matches it. Informational: translators add
    /// first names, countries and explanations on purpose.
    ///
    /// ## Why is this bad?
    /// A name that the source does not contain may replace another one
    /// (a machine translation that swaps `Walmart` for `Real Madrid`), or
    /// attribute a statement to someone the source never quoted.
    ///
    /// ## Example
    /// Source (es): `Si Walmart sube los salarios, cada visita costará 46 centavos más.`
    /// Target (en): `If Real Madrid raises wages, each visit will cost 46 cents more.`
    /// → `name “Real Madrid” has no counterpart in source paragraph 0`
    ///
    /// ## Language pairs
    /// Sources in cased scripts (Latin, Cyrillic, Greek); from Chinese,
    /// Japanese, Korean, Arabic, Hebrew and Hindi only names from the tables
    /// are checked.
    ///
    /// ## Known problems
    /// Explanations added for the target reader (the country of a city, the
    /// office of a person) are reported; that is why the severity is info.
    pub struct NameAdded {
        code: "WC304",
        name: "name-added",
        category: Names,
        severity: Info,
        needs_source: true,
        summary: "name in the translation with no counterpart in the source",
    }
}

impl Rule for NameAdded {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((src, al)) = cx.pair() else { return };
        let Some(names) = analyse(cx, glossary_of(cx)) else {
            return;
        };
        let text = cx.target.text();
        for (i, st) in names.tgt_status.iter().enumerate() {
            if *st != TgtStatus::Added {
                continue;
            }
            let m = &names.tgt.mentions[i];
            if !reportable(m) || m.acronym {
                continue;
            }
            let Some(sp) = names.tgt_source_para[i] else {
                continue;
            };
            if !names.src.cased && m.entities.is_empty() {
                continue;
            }
            if names.src.cased {
                let k = al.link_of_source(sp).unwrap_or(0);
                let lo = k.saturating_sub(1);
                let hi = (k + 1).min(al.paragraphs.len().saturating_sub(1));
                let paras: Vec<usize> = al.paragraphs[lo..=hi]
                    .iter()
                    .flat_map(|l| l.source.clone())
                    .collect();
                if has_cognate(m, &src, &paras) {
                    continue;
                }
            }
            let mut f = Self::META.finding(
                target_span(m.start, m.end),
                format!(
                    "name {} has no counterpart in source paragraph {sp}",
                    quoted(&text[m.start..m.end])
                ),
            );
            f.source_paragraph = Some(sp);
            f.target_paragraph = Some(m.paragraph);
            let (ss, se) = src.paragraph_range(sp);
            f.source_evidence = Some((ss, se));
            f.target_evidence = Some((m.start, m.end));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    #[test]
    fn replaced_name_is_added() {
        let f = assert_findings(
            &NameAdded,
            Some((
                "Si Walmart sube los salarios, cada visita a la tienda costará 46 centavos más.",
                "es",
            )),
            (
                "If Real Madrid raises wages, each visit to the store will cost 46 cents more.",
                "en",
            ),
            1,
        );
        assert!(f[0].message.contains("Real Madrid"));
    }

    #[test]
    fn names_from_the_source_are_not_added() {
        assert_no_findings(
            &NameAdded,
            Some((
                "Il premier Giorgia Meloni ha incontrato a Roma il cancelliere Olaf Scholz.",
                "it",
            )),
            (
                "Prime Minister Giorgia Meloni met Chancellor Olaf Scholz in Rome.",
                "en",
            ),
        );
    }
}
