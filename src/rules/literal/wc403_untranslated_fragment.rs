//! WC403 `untranslated-fragment`.

use super::fragments::{
    Foreign, Run, SourceWords, Word, WordInfo, foreign_runs, quoted, shared_runs, shared_share,
};
use crate::detect::Detector;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::rules::{PairContext, Rule, RuleMeta, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds a run of source-language words inside a translated sentence
    /// (code-mixing): `the court ruled that het verlies van ruim 20
    /// bestemmingen was disproportionate`, `the work on the ponte is over`,
    /// `cyanuric acid and 三聚氰胺 were found`.
    ///
    /// With a source, a run is a sequence of target words that the aligned
    /// source paragraph holds too (or words in the source's script, when it
    /// is not the target's). Names are left out (capitalised words, words
    /// with inner capitals, a run that stands next to a name in both texts:
    /// `de Gaulle`, `Caisse centrale de garantie`), and so are the target's
    /// loanwords (`de facto`, `façade`: `corpora/tables/calques/<lang>.toml`),
    /// glosses in brackets, prefixes joined by a hyphen, domain names, and a
    /// quotation left in its language on purpose (the source quotes too, and
    /// the quotation holds no function word of the target). What remains is
    /// reported when it shows it is not the target language: it is written
    /// in another script; it holds a letter the target does not use; it has
    /// a function word of the source (`corpora/tables/stopwords/`) and at
    /// least two words (three where the target borrows freely from the
    /// source: English terms in German or Italian); or one of its lowercase
    /// words is missing from the target's word list
    /// (`corpora/tables/calques/lexicon/`, English: SCOWL). A run of several
    /// unlisted words, or one found without a word list, must also be placed
    /// in the source language by the detector. A paragraph made mostly of
    /// source words is left to WC503.
    ///
    /// Without a source, a run holding two or more function words of one
    /// other language and none of the target's is reported once the detector
    /// confirms it; a lowercase word with letters the target does not use
    /// (`après` in English) and words in another script are reported at info
    /// severity.
    ///
    /// The category is `untranslated`: the output contract defines it as
    /// text left in the source language, which a fragment is; `literal` is
    /// for words that were translated, badly.
    ///
    /// ## Why is this bad?
    /// A reader of the translation cannot read the fragment, and it usually
    /// hides a piece of meaning (here, what the court objected to).
    ///
    /// ## Example
    /// Source (nl): `…omdat het verlies van ruim 20 bestemmingen onevenredig is.`
    /// Target (en): `…because het verlies van ruim 20 bestemmingen is disproportionate.`
    /// → `untranslated Dutch fragment: “het verlies van ruim 20 bestemmingen”`
    ///
    /// ## Language pairs
    /// All pairs. Function-word evidence needs a stopword table for the
    /// language (19 languages), letter evidence a calque table (10), word-list
    /// evidence a word list (English); script evidence works for any pair of
    /// scripts (Latin words in a text of another script count only as a
    /// phrase of three or more words).
    ///
    /// ## Known problems
    /// A single untranslated word that is also a word of the target language
    /// (French `important` in English) cannot be told from a cognate and is
    /// not reported; a single capitalised word (a German noun) looks like a
    /// name and is not reported either. Technical terms missing from the
    /// word list (`anastomosis`) that the source shares are reported. Without
    /// a word list for the target (every target but English), one shared
    /// word needs a letter or script of its own to count.
    pub struct UntranslatedFragment {
        code: "WC403",
        name: "untranslated-fragment",
        category: Untranslated,
        severity: Warning,
        needs_source: false,
        summary: "source-language words left inside a translated sentence",
    }
}

impl Rule for UntranslatedFragment {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let tgt = cx.target;
        let Some(tl) = tgt.lang() else { return };
        let info = WordInfo::new(tl, tgt.text());
        match cx.pair() {
            Some((src, al)) => {
                let Some(sl) = src.lang().filter(|&sl| sl != tl) else {
                    return;
                };
                // Built on first need: most runs carry evidence of their own.
                let mut detector: Option<Detector> = None;
                let mut words: Vec<Word> = Vec::new();
                for link in &al.paragraphs {
                    if link.source.is_empty() || link.target.is_empty() {
                        continue;
                    }
                    let source: Vec<&str> = link.source.iter().map(|&p| src.paragraph(p)).collect();
                    let shared = SourceWords::new(&source);
                    let source_quotes = source.iter().any(|s| quoted::has_quotes(s));
                    for &p in &link.target {
                        if shared_share(tgt.paragraph(p), &shared) >= UNTRANSLATED_PARAGRAPH_SHARE {
                            continue;
                        }
                        for sent in tgt.sentences_of(p) {
                            let text = &tgt.text()[sent.start..sent.end];
                            for run in shared_runs(text, &info, &shared, sl, &mut words) {
                                if source_quotes
                                    && quoted::inside(text, run.start, run.end, |w| {
                                        info.is_function_word(w)
                                    })
                                {
                                    continue;
                                }
                                if !run.strong
                                    && !confirmed(
                                        detector.get_or_insert_with(|| Detector::new(&[sl, tl])),
                                        &text[run.start..run.end],
                                        sl,
                                        &run,
                                    )
                                {
                                    continue;
                                }
                                let (s, e) = (sent.start + run.start, sent.start + run.end);
                                let mut f = finding(cx, sl, s, e);
                                f.target_paragraph = Some(p);
                                f.source_paragraph = link.source.first().copied();
                                f.target_evidence = Some((sent.start, sent.end));
                                let (ss, _) = src.paragraph_range(link.source[0]);
                                let (_, se) = src.paragraph_range(
                                    *link.source.last().unwrap_or(&link.source[0]),
                                );
                                f.source_evidence = Some((ss, se));
                                out.push(f);
                            }
                        }
                    }
                }
            }
            None => {
                let mut detector: Option<Detector> = None;
                let mut words: Vec<Word> = Vec::new();
                for sent in &tgt.units.sentences {
                    let text = &tgt.text()[sent.start..sent.end];
                    for (run, foreign) in foreign_runs(text, &info, &mut words) {
                        if quoted::inside(text, run.start, run.end, |w| info.is_function_word(w)) {
                            continue;
                        }
                        let (s, e) = (sent.start + run.start, sent.start + run.end);
                        let piece = &tgt.text()[s..e];
                        let mut f = match foreign {
                            Foreign::Language(l) => {
                                let d = detector.get_or_insert_with(|| Detector::new(&[tl]));
                                if !confirmed(d, piece, l, &run) {
                                    continue;
                                }
                                finding(cx, l, s, e)
                            }
                            Foreign::Script => {
                                let mut f = Self::META.finding(
                                    target_span(s, e),
                                    format!("words in another script: “{piece}”"),
                                );
                                f.severity = Severity::Info;
                                f
                            }
                            Foreign::Letters => {
                                let name = tl.name();
                                let mut f = Self::META.finding(
                                    target_span(s, e),
                                    format!("word with letters foreign to {name}, perhaps left untranslated: “{piece}”"),
                                );
                                f.severity = Severity::Info;
                                f
                            }
                        };
                        f.target_paragraph = Some(sent.paragraph);
                        f.target_evidence = Some((sent.start, sent.end));
                        out.push(f);
                    }
                }
            }
        }
    }
}

/// Share of a target paragraph's words found in its source above which the
/// paragraph is left untranslated as a whole: WC503 reports it.
pub const UNTRANSLATED_PARAGRAPH_SHARE: f64 = 0.5;

/// Fewest detector confidence for a run of one word to count as the source
/// language; longer runs need less.
pub const MIN_CONFIDENCE_ONE_WORD: f64 = 0.25;

/// Fewest detector confidence for a run of several words.
pub const MIN_CONFIDENCE_RUN: f64 = 0.1;

/// True when the detector (news languages plus the pair's) places `text` in
/// `lang` with enough confidence for the run's length: a quotation in a
/// third language that both sides keep (English in a German article and its
/// French translation) is not the source language.
fn confirmed(detector: &Detector, text: &str, lang: Lang, run: &Run) -> bool {
    let min = if run.words > 1 {
        MIN_CONFIDENCE_RUN
    } else {
        MIN_CONFIDENCE_ONE_WORD
    };
    detector
        .detect(&text.to_lowercase())
        .is_some_and(|d| d.lang == lang && d.confidence >= min)
}

fn finding(cx: &PairContext<'_>, lang: Lang, s: usize, e: usize) -> Finding {
    let text = &cx.target.text()[s..e];
    UntranslatedFragment::META.finding(
        target_span(s, e),
        format!("untranslated {} fragment: “{}”", lang.name(), text),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    const NL: &str = "De rechter oordeelde dat de krimp onevenredig is, omdat het verlies van ruim 20 bestemmingen zwaar weegt.";

    #[test]
    fn dutch_run_in_english() {
        let en = "The judge ruled that the cut is disproportionate, because het verlies van ruim 20 bestemmingen weighs heavily.";
        let f = assert_findings(&UntranslatedFragment, Some((NL, "nl")), (en, "en"), 1);
        assert!(
            f[0].message
                .contains("“het verlies van ruim 20 bestemmingen”"),
            "{}",
            f[0].message
        );
        let f = assert_findings(&UntranslatedFragment, None, (en, "en"), 1);
        assert!(f[0].message.contains("Dutch"), "{}", f[0].message);
    }

    #[test]
    fn translation_with_names_is_silent() {
        let en = "The judge ruled that the cut is disproportionate, because the loss of more than 20 destinations weighs heavily.";
        assert_no_findings(&UntranslatedFragment, Some((NL, "nl")), (en, "en"));
        assert_no_findings(&UntranslatedFragment, None, (en, "en"));
        let nl =
            "Volgens Ursula von der Leyen en Frans Timmermans is de Green Deal de facto klaar.";
        let en = "According to Ursula von der Leyen and Frans Timmermans, the Green Deal is de facto finished.";
        assert_no_findings(&UntranslatedFragment, Some((nl, "nl")), (en, "en"));
    }

    #[test]
    fn other_script_word() {
        let zh = "在食用受污染宠物食品后死亡的宠物的尿样中，均发现了氰尿酸和三聚氰胺。";
        let en = "Cyanuric acid and 三聚氰胺 were both found in urine samples of pets who died after eating contaminated pet food.";
        assert_findings(&UntranslatedFragment, Some((zh, "zh")), (en, "en"), 1);
        let gloss = "Cyanuric acid and melamine (三聚氰胺) were both found in urine samples of pets who died after eating contaminated pet food.";
        assert_no_findings(&UntranslatedFragment, Some((zh, "zh")), (gloss, "en"));
    }

    #[test]
    fn quoted_phrase_the_source_quotes_is_silent() {
        let fr = "Le slogan « Liberté, égalité, fraternité » figure sur la façade de la mairie depuis 1880.";
        let en = "The slogan “Liberté, égalité, fraternité” has been on the town hall's façade since 1880.";
        assert_no_findings(&UntranslatedFragment, Some((fr, "fr")), (en, "en"));
    }
}
