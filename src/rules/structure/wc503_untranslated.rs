//! WC503 `untranslated`.

use crate::finding::{Finding, Severity};
use crate::rules::structure::wc501_omission::lead;
use crate::rules::{PairContext, Rule, RuleMeta, target_span};
use crate::segment::{TokenKind, tokens};

crate::declare_rule! {
    /// ## What it does
    /// Finds target text left in the source language: a target paragraph
    /// identical to its aligned source paragraph, a target paragraph that the
    /// language detector reliably places in the source language, and a
    /// sentence inside a translated paragraph whose ordinary words are the
    /// source sentence's own.
    ///
    /// ## Why is this bad?
    /// An untranslated paragraph is the most visible defect a syndicated
    /// article can carry; readers of the target language cannot read it.
    ///
    /// ## Example
    /// Source (fr): `Le ministre a démenti toute hausse des impôts en 2025.`
    /// Target (en): `Le ministre a démenti toute hausse des impôts en 2025.`
    /// → `target paragraph 0 is identical to its source`
    ///
    /// ## Language pairs
    /// All pairs of different languages. Identity and word overlap need no
    /// language data; detection uses whatlang.
    ///
    /// ## Known problems
    /// Names, numbers and capitalised words do not count, so a paragraph made
    /// only of a name list or a table row is never reported. Between close
    /// languages (Spanish and Portuguese, Czech and Slovak) the detector is
    /// trusted only on long paragraphs.
    pub struct Untranslated {
        code: "WC503",
        name: "untranslated",
        category: Untranslated,
        severity: Error,
        needs_source: true,
        summary: "target text left in the source language",
    }
}

/// Fewest ordinary words (lowercase, two letters or more) for identical
/// text to count as untranslated rather than a name or a figure.
pub const MIN_ORDINARY_WORDS: usize = 4;

/// Fewest ordinary words in a sentence for the copied-sentence check.
pub const MIN_SENTENCE_WORDS: usize = 6;

/// Share of a target sentence's ordinary words found in its source sentence
/// above which the sentence counts as copied.
pub const COPIED_SHARE: f64 = 0.75;

impl Rule for Untranslated {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some((src, al)) = cx.pair() else { return };
        let tgt = cx.target;
        let same_lang = match (src.lang(), tgt.lang()) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        };
        if same_lang {
            return;
        }
        for (k, link) in al.paragraphs.iter().enumerate() {
            if link.source.is_empty() || link.target.is_empty() {
                continue;
            }
            let source_text: Vec<&str> = link.source.iter().map(|&p| src.paragraph(p)).collect();
            let mut reported = Vec::new();
            for &t in &link.target {
                let text = tgt.paragraph(t);
                let (s, e) = tgt.paragraph_range(t);
                let identical = source_text.iter().any(|st| normalized_eq(st, text));
                let detected_source = src.lang().is_some_and(|sl| {
                    tgt.paragraph_langs
                        .get(t)
                        .copied()
                        .flatten()
                        .is_some_and(|d| d.reliable && d.lang == sl)
                });
                if !(identical || detected_source) || ordinary_words(text) < MIN_ORDINARY_WORDS {
                    continue;
                }
                let message = if identical {
                    format!(
                        "target paragraph {t} is identical to its source: “{}”",
                        lead(text)
                    )
                } else if detected_source && partly_translated(cx, t) {
                    // Left to the copied-sentence check below.
                    continue;
                } else if detected_source {
                    let name = src.lang().map_or("the source language", |l| l.name());
                    format!(
                        "target paragraph {t} is in {name}, the source language: “{}”",
                        lead(text)
                    )
                } else {
                    continue;
                };
                let mut f = Self::META.finding(target_span(s, e), message);
                f.source_paragraph = link.source.first().copied();
                f.target_paragraph = Some(t);
                let (ss, _) = src.paragraph_range(link.source[0]);
                let (_, se) = src.paragraph_range(*link.source.last().unwrap_or(&link.source[0]));
                f.source_evidence = Some((ss, se));
                f.target_evidence = Some((s, e));
                out.push(f);
                reported.push(t);
            }
            // Copied sentences inside otherwise translated paragraphs.
            for sl in &al.sentences[k] {
                if sl.source.is_empty() || sl.target.is_empty() {
                    continue;
                }
                let t_para = tgt.units.sentences[sl.target[0]].paragraph;
                if reported.contains(&t_para) || !anchors_overlap(src, tgt, &sl.source, &sl.target)
                {
                    continue;
                }
                let mut src_words: Vec<u64> = sl
                    .source
                    .iter()
                    .flat_map(|&s| lowercase_words(src.sentence(s)))
                    .map(crate::hash::word_key)
                    .collect();
                src_words.sort_unstable();
                for &ts in &sl.target {
                    let sentence = tgt.sentence(ts);
                    let words = lowercase_words(sentence);
                    if words.len() < MIN_SENTENCE_WORDS {
                        continue;
                    }
                    let shared = words
                        .iter()
                        .filter(|w| src_words.binary_search(&crate::hash::word_key(w)).is_ok())
                        .count();
                    if (shared as f64) < COPIED_SHARE * words.len() as f64 {
                        continue;
                    }
                    let sp = tgt.units.sentences[ts];
                    let mut f = Self::META.finding(
                        target_span(sp.start, sp.end),
                        format!("sentence left in the source language: “{}”", lead(sentence)),
                    );
                    f.severity = Severity::Warning;
                    let s0 = src.units.sentences[sl.source[0]];
                    let s1 = src.units.sentences[*sl.source.last().unwrap_or(&sl.source[0])];
                    f.source_paragraph = Some(s0.paragraph);
                    f.target_paragraph = Some(t_para);
                    f.source_evidence = Some((s0.start, s1.end));
                    f.target_evidence = Some((sp.start, sp.end));
                    out.push(f);
                }
            }
        }
    }
}

/// Cheap pre-check for copied sentences: a copy shares most of its source's
/// anchors (long words, capitalised words, numbers); a translation rarely
/// does. Only sentence pairs passing it get the word-by-word comparison.
fn anchors_overlap(
    src: crate::rules::SideContext<'_>,
    tgt: crate::rules::SideContext<'_>,
    s: &[usize],
    t: &[usize],
) -> bool {
    let (mut shared, mut total) = (0, 0);
    for &i in s {
        total += src.units.sentence_features[i].anchors.len();
    }
    for &j in t {
        let b = &tgt.units.sentence_features[j].anchors;
        total += b.len();
        for &i in s {
            shared += crate::align::features::common(&src.units.sentence_features[i].anchors, b);
        }
    }
    total > 0 && 4 * shared >= total
}

/// True when some sentence of target paragraph `t` reads reliably as the
/// target language (so the paragraph as a whole is not untranslated).
fn partly_translated(cx: &PairContext<'_>, t: usize) -> bool {
    let tgt = cx.target;
    let Some(tl) = tgt.lang() else { return false };
    let sentences = tgt.sentences_of(t);
    if sentences.len() < 2 {
        return false;
    }
    let extra: Vec<_> = cx
        .source
        .and_then(|s| s.lang())
        .into_iter()
        .chain([tl])
        .collect();
    let detector = crate::detect::Detector::new(&extra);
    sentences.iter().any(|s| {
        detector
            .detect(&tgt.side.text[s.start..s.end])
            .is_some_and(|d| d.lang == tl && d.confidence >= 0.5)
    })
}

/// Equal after collapsing white space and ignoring case (no allocation).
fn normalized_eq(a: &str, b: &str) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) * 10 > la.max(lb) {
        return false;
    }
    let mut wa = a.split_whitespace();
    let mut wb = b.split_whitespace();
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                if !x
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(y.chars().flat_map(char::to_lowercase))
                {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Ordinary words: lowercase-initial words of three letters or more (names,
/// acronyms and numbers excluded), and CJK text at one word per two
/// characters.
fn ordinary_words(text: &str) -> usize {
    let cjk: usize = tokens(text)
        .filter(|t| t.kind == TokenKind::Cjk)
        .map(|t| text[t.start..t.end].chars().count() / 2)
        .sum();
    lowercase_words(text).len() + cjk
}

/// Lowercase-initial words of three letters or more, as written.
fn lowercase_words(text: &str) -> Vec<&str> {
    tokens(text)
        .filter(|t| t.kind == TokenKind::Word && t.end - t.start >= 3)
        .map(|t| &text[t.start..t.end])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && w.chars().nth(2).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    const FR: &str = "Le ministre de l'Économie a démenti mardi toute hausse des impôts pour l'année prochaine.\n\nSelon lui, le déficit public sera ramené sous la barre des trois pour cent dès la fin de l'année 2026.";
    const EN: &str = "The economy minister on Tuesday denied any tax increase for next year.\n\nAccording to him, the public deficit will be brought below three percent by the end of 2026.";

    #[test]
    fn translation_is_silent() {
        assert_no_findings(&Untranslated, Some((FR, "fr")), (EN, "en"));
    }

    #[test]
    fn copied_paragraph() {
        let p: Vec<&str> = FR.split("\n\n").collect();
        let en: Vec<&str> = EN.split("\n\n").collect();
        let t = format!("{}\n\n{}", en[0], p[1]);
        let f = assert_findings(&Untranslated, Some((FR, "fr")), (&t, "en"), 1);
        assert_eq!(f[0].target_paragraph, Some(1));
        assert!(f[0].message.contains("identical"));
    }

    #[test]
    fn paragraph_in_source_language_but_edited() {
        let en: Vec<&str> = EN.split("\n\n").collect();
        let t = format!(
            "{}\n\nSelon le ministre, le déficit public sera ramené sous la barre des trois pour cent d'ici la fin 2026.",
            en[0]
        );
        let f = assert_findings(&Untranslated, Some((FR, "fr")), (&t, "en"), 1);
        assert!(f[0].message.contains("French"), "{}", f[0].message);
    }

    #[test]
    fn names_and_numbers_alone_do_not_count() {
        let s = "Macron – Scholz – Meloni\n\nParis, 12.03.2025";
        assert_no_findings(&Untranslated, Some((s, "fr")), (s, "en"));
    }

    #[test]
    fn copied_sentence_inside_paragraph() {
        let it = "Il sindaco ha inaugurato il nuovo ponte sul fiume. La cerimonia si è svolta davanti a centinaia di cittadini entusiasti della giornata.";
        let en = "The mayor opened the new bridge over the river. La cerimonia si è svolta davanti a centinaia di cittadini entusiasti della giornata.";
        let f = assert_findings(&Untranslated, Some((it, "it")), (en, "en"), 1);
        assert!(
            f[0].message.starts_with("sentence left"),
            "{}",
            f[0].message
        );
    }
}
