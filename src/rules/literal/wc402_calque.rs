//! WC402 `calque`.

use super::calques::{CalquePattern, of};
use crate::finding::Finding;
use crate::rules::{PairContext, Rule, RuleMeta, target_span};
use crate::stopwords::Stopwords;

crate::declare_rule! {
    /// ## What it does
    /// Finds constructions that carry the source language's shape into the
    /// target and are wrong in the target whatever the context, from the
    /// patterns of `corpora/tables/calques/<target>.toml`: in English, the
    /// article before a country name that takes none (`the Italy`, from
    /// `l'Italia`), `since` with a duration (`since three weeks`, from `seit
    /// drei Wochen`), a number before `first`/`last` (`the three first
    /// months`), an article before a bare year (`in the 2019`), a title with
    /// an article (`the President Macron`), `according to me`, `it is ten
    /// years that`, an acronym followed by the generic noun its own name
    /// ends with (`the WHO organization`); in
    /// French `faire du sens` and `adresser un problème`, in Spanish `hacer
    /// sentido`, in Italian `in 2019`.
    ///
    /// A pattern may require the next word to be a function word, so that
    /// attributive uses (`the Italy coach`) and qualified ones (`the Italy of
    /// the 1960s`) stay silent. The rule needs no source.
    ///
    /// ## Why is this bad?
    /// A calque reads as a translation, or as a mistake: English readers stop
    /// at "the Italy", and an editor has to fix each one by hand.
    ///
    /// ## Example
    /// Source (it): `Lo smog non è un problema nuovo per l'Italia.`
    /// Target (en): `Smog is not a new problem for the Italy.`
    /// → `definite article before a country or region name that takes none in
    /// English: “the Italy”` (suggestion `Italy`)
    ///
    /// ## Language pairs
    /// Any source; targets en (eight kinds of pattern), fr, es, it.
    ///
    /// ## Known problems
    /// The patterns are deliberately few and strict; most calques (word
    /// order, idioms rendered word by word) need a source-aware model and are
    /// not found. Country names that sometimes take an article (`the
    /// Ukraine`, `the Gambia`) are not listed.
    pub struct Calque {
        code: "WC402",
        name: "calque",
        category: Literal,
        severity: Warning,
        needs_source: false,
        summary: "construction copied from the source language (the Italy, since three weeks)",
    }
}

impl Rule for Calque {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let tgt = cx.target;
        let Some(lang) = tgt.lang() else { return };
        let Some(table) = of(lang) else { return };
        if table.patterns.is_empty() {
            return;
        }
        let fw = crate::stopwords::of(lang);
        for p in 0..tgt.paragraph_count() {
            let text = tgt.paragraph(p);
            let (base, _) = tgt.paragraph_range(p);
            for cal in &table.patterns {
                for caps in cal.regex.captures_iter(text) {
                    let Some(m) = caps.get(0) else { continue };
                    if !next_allows(cal, text, m.end(), fw) {
                        continue;
                    }
                    let mut f = Self::META.finding(
                        target_span(base + m.start(), base + m.end()),
                        format!("{}: “{}”", cal.entry.message, m.as_str()),
                    );
                    if let Some(r) = &cal.entry.replace {
                        let mut s = String::new();
                        caps.expand(r, &mut s);
                        f.suggestion = Some(s);
                    }
                    f.target_paragraph = Some(p);
                    f.source_paragraph = cx.sources_of(p).first().copied();
                    let sentence = tgt
                        .sentences_of(p)
                        .iter()
                        .find(|s| s.start <= base + m.start() && base + m.start() < s.end)
                        .map_or((base, base + text.len()), |s| (s.start, s.end));
                    f.target_evidence = Some(sentence);
                    out.push(f);
                }
            }
        }
    }
}

/// True when what follows the match at `end` lets the pattern fire.
pub fn next_allows(cal: &CalquePattern, text: &str, end: usize, fw: Option<&Stopwords>) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    // A compound (the Italy-France match) or a domain name (Russia.tv).
    if matches!(chars.next(), Some('-' | '‑' | '–' | '.' | '/'))
        && chars.next().is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let word_len = trimmed
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(trimmed.len(), |(i, _)| i);
    if word_len > 0 {
        let word = trimmed[..word_len].to_lowercase();
        if cal.entry.except_next.contains(&word) {
            return false;
        }
        if cal.needs_function_word {
            let lower_initial = trimmed.chars().next().is_some_and(char::is_lowercase);
            return lower_initial
                && (fw.is_some_and(|f| f.function_words.contains(&word))
                    || cal.entry.also_next.contains(&word));
        }
        return true;
    }
    !cal.needs_function_word
        || trimmed.is_empty()
        || trimmed.starts_with(['.', ',', ';', ':', '!', '?', ')', '…', '»', '”', '"'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    #[test]
    fn table_examples_hold() {
        for (lang, table) in super::super::calques::all() {
            let fw = crate::stopwords::of(*lang);
            for cal in &table.patterns {
                assert!(
                    !cal.entry.examples.is_empty(),
                    "{lang}: {} has no examples",
                    cal.entry.kind
                );
                for ex in &cal.entry.examples {
                    let fired = cal
                        .regex
                        .find_iter(&ex.text)
                        .any(|m| next_allows(cal, &ex.text, m.end(), fw));
                    assert_eq!(fired, ex.fires, "{lang} {}: {}", cal.entry.kind, ex.text);
                }
            }
            for l in &table.letters.iter().collect::<Vec<_>>() {
                assert!(l.is_lowercase(), "{lang}: letter {l}");
            }
        }
        assert!(super::super::calques::of(Lang::from_subtag("en").expect("en")).is_some());
    }

    #[test]
    fn the_italy() {
        let it = "Lo smog non è un problema nuovo per l'Italia, ha detto il ministro.";
        let en = "Smog is not a new problem for the Italy, the minister said.";
        let f = assert_findings(&Calque, Some((it, "it")), (en, "en"), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("Italy"));
        assert_findings(&Calque, None, (en, "en"), 1);
    }

    #[test]
    fn correct_english_is_silent() {
        for en in [
            "Smog is not a new problem for Italy, the minister said.",
            "The Italy coach named a new squad for the match against the Netherlands.",
            "The Germany of the 1950s rebuilt its cities.",
            "Trade with the United States has grown since 2015 and for three years in a row.",
        ] {
            assert_no_findings(&Calque, None, (en, "en"));
        }
    }

    #[test]
    fn since_three_weeks_suggests_for() {
        let f = assert_findings(
            &Calque,
            None,
            ("The workers have been on strike since three weeks.", "en"),
            1,
        );
        assert_eq!(f[0].suggestion.as_deref(), Some("for three weeks"));
    }
}
