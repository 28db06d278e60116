//! WC302 `name-dropped`.

use super::extract::{Mention, NameTok, Strength};
use super::key::skeleton;
use super::matching::{
    PairNames, SrcStatus, TgtStatus, TokMatch, analyse_shared, cognate_in, has_cognate, reportable,
    side_words, tok_match,
};
use super::{glossary_of, quoted};
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta, source_span, target_span};
use crate::segment::{TokenKind, tokens};
use std::collections::HashSet;

crate::declare_rule! {
    /// ## What it does
    /// Finds a name of a source paragraph that the aligned target paragraph,
    /// and its neighbours, do not mention in any recognisable form: not
    /// the same spelling, not a transliteration or inflected form, not the
    /// exonym the tables give (Mosca → Moscow, EZB → ECB), not a word one
    /// letter off (that is `name-misspelled`).
    ///
    /// It is a warning when the evidence is strong: a person's name (a
    /// title or a frequent given name marks it), a place or organisation of
    /// the tables that the whole translation never names in any form, a
    /// name absent from the whole translation with another personal name,
    /// table entity or proper noun of the target language's word list
    /// (`corpora/tables/lexicon/`), unknown to the source, in its place (a
    /// replaced name), a name the translation copies (below) that it lacks
    /// everywhere while the target paragraph has nothing the name could
    /// have been translated into (no unmatched name, no capitalised word
    /// that neither the source paragraph nor its other names account for),
    /// or a multi-word name, no person's, that only a neighbouring
    /// paragraph has, which mentions it no more often than its own source
    /// does (so it was not moved there). A name the translation copies is,
    /// in the target's script, a run of capitalised words or a single one
    /// inside a sentence, in a source language that capitalises only
    /// names: not German, which capitalises nouns, nor English, which
    /// capitalises every word of a thing's name (`Swimming Pool`). Other
    /// drops are hints (info).
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
    /// is reported. A name translated into lower-case words (`Nouvel An` →
    /// `new year`) is reported as a warning. Names of German and English
    /// sources that are neither persons nor table entities stay hints.
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
        let mut src_lower: Option<HashSet<String>> = None;
        let mut src_words: Option<Vec<NameTok>> = None;
        let mut tgt_words: Option<Vec<NameTok>> = None;
        let links = &al.paragraphs;
        let src_links = al.links_of_sources(src.paragraph_count());
        for (i, st) in names.src_status.iter().enumerate() {
            let m = &names.src.mentions[i];
            if !reportable(m) {
                continue;
            }
            let Some(tp) = names.src_target_para[i] else {
                continue;
            };
            let mut nb = false;
            if *st == SrcStatus::Found {
                let Some(k) = src_links.get(m.paragraph).copied().flatten() else {
                    continue;
                };
                if !names.tgt.cased
                    || !super::dropped_evidence::found_only_in_neighbours(names, &tgt, links, k, m)
                {
                    continue;
                }
                nb = true;
            } else if *st != SrcStatus::Missing {
                continue;
            }
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
                if cross && leftover_transcription(names, m, tp) {
                    continue;
                }
                if m.acronym && (m.strength < Strength::Strong || leftover_acronym(names, tp)) {
                    continue;
                }
                let k = al.link_of_target(tp).unwrap_or(0);
                // A person's surname in a neighbour may just refer back:
                // only the aligned paragraphs excuse a personal name.
                let (lo, hi) = if m.person || nb {
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
            let src_caps = tables.lang(src.lang().map(|l| l.code())).noun_caps;
            let absent = names.tgt.cased
                && name_like(m, src_caps, true)
                && absent_everywhere(names, m, tgt_words.get_or_insert_with(|| side_words(&tgt)));
            let copied = copied_name(
                m,
                src_text_of(&src, m),
                tables.lang(src.lang().map(|l| l.code())),
            ) && m.toks.iter().any(|k| k.cross) == target_cross(names, tp);
            let replacement = (absent
                && !entity_written(m, &tgt, tp)
                && !has_common_word(m, src_lower.get_or_insert_with(|| lower_words(src.text()))))
            .then(|| {
                let words = src_words.get_or_insert_with(|| side_words(&src));
                let lex = super::lexicon::lexicon(tgt_code).map(|l| (l, tgt.text()));
                replaced_by(names, m, tp, words, lex)
            })
            .flatten();
            let name = &src.text()[m.start..m.end];
            let (ts, te) = tgt.paragraph_range(tp);
            let mut f = Self::META.finding(
                if te > ts {
                    target_span(ts, te)
                } else {
                    source_span(m.start, m.end)
                },
                match replacement {
                    Some(r) => format!(
                        "name {} of source paragraph {} is missing from the translation, which has {} instead",
                        quoted(name),
                        m.paragraph,
                        quoted(&tgt.text()[r.start..r.end])
                    ),
                    None if nb => format!(
                        "name {} of source paragraph {} is missing from its translation (the neighbouring paragraphs mention it only as often as their sources do)",
                        quoted(name),
                        m.paragraph
                    ),
                    None => format!(
                        "name {} of source paragraph {} is missing from the translation",
                        quoted(name),
                        m.paragraph
                    ),
                },
            );
            // A warning for personal names, which translations keep, and
            // for names replaced by another or absent from the whole
            // translation; a hint for other names, which translators may
            // render otherwise.
            // A place or organisation of the tables that the whole
            // translation never names, in any language's form or a word
            // derived from one (Spanien: Spain, Spanish).
            let entity_gone = absent
                && names.src.cased
                && table_form(m, src_caps)
                && !entity_written_in(m, tgt.text());
            // A table entity only when no word of the paragraph starts
            // like its target-language form or the source word (an
            // inflected form the tables do not list: Vídni for Vídeň).
            // A person: a title or a given name marks it (a given name
            // also at a sentence's start, where German makes it weaker).
            let confident = (m.person
                && (m.strength == Strength::Strong
                    || (absent
                        && m.toks.len() >= 2
                        && m.toks.first().is_some_and(|k| tables.is_given(k)))))
                || replacement.is_some()
                || (absent
                    && copied
                    && !super::dropped_evidence::translation_left(names, m, (&src, &tgt), tp)
                    && !(m.toks.len() == 1
                        && lowercase_echo(m, &super::matching::para_words(&tgt, tp))))
                || (entity_gone
                    && !entity_echoed(m, tgt_code, &super::matching::para_words(&tgt, tp)));
            // Found only next door, in a paragraph that owes the mention to
            // its own source: a name of several words that is no person's
            // (a translation may shorten a person to a title or a pronoun
            // beside the other mentions).
            let confident = if nb {
                m.toks.len() >= 2
                    && m.entities.is_empty()
                    && !m.person
                    && !m.acronym
                    && m.toks.iter().all(|k| !k.common)
            } else {
                confident
            };
            if !confident {
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

/// The source text of a mention.
fn src_text_of<'t>(src: &crate::rules::SideContext<'t>, m: &Mention) -> &'t str {
    src.text().get(m.start..m.end).unwrap_or("")
}

/// True when a mention is capitalised inside a sentence in a language that
/// capitalises neither common nouns nor every word of a thing's name: a
/// proper name (a person, a company, a newspaper), which translations into
/// the same script copy. A run of words (also at a sentence's start, where
/// a common word may precede the name: every word must then be missing),
/// or a single word of three letters or more, inside a sentence, that is
/// no ordinal (`XIVe`). Table entities are left out (their
/// forms differ between languages), and so are mentions with a word the
/// document also writes as an ordinary word.
fn copied_name(m: &Mention, text: &str, lang: &super::data::LangNames) -> bool {
    let strength = if m.toks.len() >= 2 {
        Strength::Strong
    } else {
        Strength::Medium
    };
    !lang.noun_caps
        && !lang.title_case
        && m.strength == strength
        && (m.toks.len() >= 2 || !m.initial)
        && !m.acronym
        && m.entities.is_empty()
        && m.toks.iter().all(|k| !k.common)
        && (m.toks.len() >= 2
            || (text.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !ordinal(text)))
}

/// True when a word of the paragraph, in any case, starts with the same
/// three letters as a word of the mention or is spelled much like it: the
/// name may have been translated into an ordinary word (Corso → course,
/// Unidad → unit).
fn lowercase_echo(m: &Mention, para: &[NameTok]) -> bool {
    m.toks.iter().any(|x| {
        let head = |s: &str| s.chars().take(3).collect::<String>();
        para.iter().any(|w| {
            (x.strict.chars().count() >= 3 && head(&x.strict) == head(&w.strict))
                || (x.strict.chars().next() == w.strict.chars().next()
                    && strsim::jaro_winkler(&x.strict, &w.strict) >= 0.85)
        })
    })
}

/// True for a Roman numeral with an ordinal ending (`XIVe`, `IIIrd`).
fn ordinal(word: &str) -> bool {
    let rest = word.trim_start_matches(['I', 'V', 'X', 'L', 'C', 'D', 'M']);
    rest.len() < word.len() && rest.chars().count() <= 3 && rest.chars().all(char::is_lowercase)
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

/// True when a mention of the source reads as a name whatever the language:
/// a table entity, a person, several capitalised words in a language that
/// does not capitalise nouns, and (`single`) one such word inside a
/// sentence.
fn name_like(m: &Mention, noun_caps: bool, single: bool) -> bool {
    !m.acronym
        && (!m.entities.is_empty()
            || m.person
            || (m.strength == Strength::Strong && !noun_caps && m.toks.len() >= 2)
            || (single && m.strength == Strength::Medium && !noun_caps && !m.initial))
}

/// True when the target paragraph's text holds a form of one of the
/// mention's entities that the extractor did not take as a name (`U.S.`).
fn entity_written(m: &Mention, tgt: &crate::rules::SideContext<'_>, tp: usize) -> bool {
    let (s, e) = tgt.paragraph_range(tp);
    entity_written_in(m, &tgt.text()[s..e])
}

/// True when `text` holds a form of one of the mention's entities.
/// Case does not matter: a form may head or end a compound (Südafrika,
/// EU-Kommission).
fn entity_written_in(m: &Mention, para: &str) -> bool {
    let t = super::data::tables();
    let lower = para.to_lowercase();
    m.entities.iter().any(|&id| {
        t.entities[id as usize].forms.iter().any(|(_, f)| {
            f.chars().count() >= 2
                && (para.contains(f.as_str())
                    || (f.chars().count() >= 4 && lower.contains(&f.to_lowercase())))
        })
    })
}

/// True when the mention is written as a form of the tables, or inside a
/// sentence as an inflected form of one (Техасе; a sentence's first word
/// may be a common word ending like a form: Думаю is no Дума), and reads
/// as a name: words of three letters or more.
fn table_form(m: &Mention, noun_caps: bool) -> bool {
    let t = super::data::tables();
    let key: Vec<&str> = m.toks.iter().map(|k| k.strict.as_str()).collect();
    !m.entities.is_empty()
        && (!t.entities_of(&key.join(" ")).is_empty() || !(m.initial || noun_caps))
        && !m.acronym
        && !(m.initial && (noun_caps || m.toks.len() == 1))
        && m.toks
            .iter()
            .all(|k| k.strict.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

/// The strict keys of the words a text writes in lower case.
fn lower_words(text: &str) -> HashSet<String> {
    tokens(text)
        .filter(|k| k.kind == TokenKind::Word)
        .map(|k| &text[k.start..k.end])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(super::key::strict)
        .collect()
}

/// True when a word of the mention is a common word: its text writes it in
/// lower case elsewhere.
fn has_common_word(m: &Mention, lower: &HashSet<String>) -> bool {
    m.toks.iter().any(|k| lower.contains(&k.strict))
}

/// True when two mentions could be one name written two ways (a
/// transcription the keys do not relate): some pair of words looks alike.
fn alike(a: &Mention, b: &Mention) -> bool {
    a.toks
        .iter()
        .any(|x| b.toks.iter().any(|y| alike_tok(x, y)))
}

/// The name of the aligned target paragraphs that took the place of a
/// missing source name: a personal name or table entity with no
/// counterpart anywhere near in the source, and nothing like the missing
/// name (Donald Trump → Erwin Huber, Spanien → Paraguay).
fn replaced_by<'n>(
    names: &'n PairNames,
    m: &Mention,
    tp: usize,
    src_words: &[NameTok],
    lex: Option<(&super::lexicon::Lexicon, &str)>,
) -> Option<&'n Mention> {
    let t = super::data::tables();
    // A name the target language's word list knows as a proper noun and
    // not as an ordinary word (Google, Austria), not a translated phrase
    // (Trade, Sun); in place of a name written in the same script, whose
    // absence is then sure.
    let known_proper = |tm: &Mention| {
        lex.is_some_and(|(l, text)| {
            tm.toks.iter().all(|k| {
                let w = &text[k.start..k.end];
                l.is_proper(w) && !l.contains(&w.to_lowercase())
            })
        })
    };
    names.tgt.by_para[tp]
        .clone()
        .filter(|&ti| names.tgt_status[ti] == TgtStatus::Added)
        .map(|ti| &names.tgt.mentions[ti])
        .find(|tm| {
            !tm.acronym
                && tm.strength > Strength::Weak
                && !tm.initial
                && ((known_proper(tm) && names.src.cased && !m.toks.iter().any(|k| k.cross))
                    || if m.entities.is_empty() {
                        tm.toks.len() >= 2 && t.is_given(&tm.toks[0])
                    } else {
                        names.src.cased && !tm.entities.is_empty()
                    })
                && !alike(m, tm)
                && !names.src.mentions.iter().any(|sm| {
                    sm.entities.iter().any(|e| tm.entities.contains(e))
                        || sm.toks.iter().any(|x| {
                            tm.toks.iter().any(|y| {
                                tok_match(x, y, false) != TokMatch::None || alike_tok(x, y)
                            })
                        })
                })
                && !cognate_in(tm, src_words)
        })
}

/// True when no word of the whole translation matches the mention in any
/// form (spelling, transliteration, inflection, table entity, derived
/// word, cognate), so that no restructuring explains its absence.
fn absent_everywhere(names: &PairNames, m: &Mention, tgt_words: &[NameTok]) -> bool {
    let cross = m.toks.iter().any(|k| k.cross);
    let same = names.tgt.mentions.iter().any(|tm| {
        m.entities.iter().any(|e| tm.entities.contains(e))
            || m.toks.iter().any(|x| {
                tm.toks.iter().any(|y| {
                    tok_match(x, y, false) != TokMatch::None
                        || (cross != y.cross && alike_tok(x, y))
                })
            })
    });
    if same {
        return false;
    }
    let found = m.toks.iter().any(|x| {
        tgt_words
            .iter()
            .any(|y| tok_match(x, y, false) == TokMatch::Same)
    });
    !found
        && !super::matching::entity_derived(&m.entities, tgt_words, true)
        && !cognate_in(m, tgt_words)
}

fn alike_tok(x: &NameTok, y: &NameTok) -> bool {
    // English j and Cyrillic дж, h and х: the loose key keeps them apart
    // (j is a glide in German and Polish), a transcription does not.
    let fold = |s: &str| s.replace("dzh", "j").replace("kh", "h").replace("yu", "u");
    if x.cross != y.cross && strsim::jaro_winkler(&fold(&x.strict), &fold(&y.strict)) >= 0.8 {
        return true;
    }
    let (p, q) = (x.key(), y.key());
    let tail = |s: &str| s.chars().rev().take(3).collect::<String>();
    strsim::jaro_winkler(p, q) >= 0.7
        || skeleton(p) == skeleton(q)
        || (p.chars().count() >= 4 && q.chars().count() >= 4 && tail(p) == tail(q))
}

/// True when the target paragraph has a name no source name matched that
/// could be a transcription of the missing one (their keys look alike).
fn leftover_transcription(names: &PairNames, m: &Mention, tp: usize) -> bool {
    names.tgt.by_para[tp].clone().any(|ti| {
        let tm = &names.tgt.mentions[ti];
        tm.strength > Strength::Weak && names.tgt_status[ti] == TgtStatus::Added && alike(m, tm)
    })
}

/// True when a word of the paragraph starts with the same three letters
/// (loose key) as a word of the mention or of a form of its entities in
/// the target language `lang`: an
/// inflected or translated form the tables do not list.
fn entity_echoed(m: &Mention, lang: Option<&str>, para: &[NameTok]) -> bool {
    let t = super::data::tables();
    let head = |s: &str| s.chars().take(3).collect::<String>();
    let mut heads: HashSet<String> = m.toks.iter().map(|k| head(k.key())).collect();
    for &id in &m.entities {
        for (_, f) in t.entities[id as usize]
            .forms
            .iter()
            .filter(|(l, _)| Some(l.as_str()) == lang)
        {
            for w in f.split(['|', ' ', '-']) {
                heads.insert(head(&super::key::loose_with(
                    &t.loose,
                    &super::key::strict(w),
                )));
            }
        }
    }
    heads.retain(|h| h.chars().count() == 3);
    para.iter().any(|w| heads.contains(&head(w.key())))
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
    fn inflected_city_is_a_hint() {
        // Vídni is a case form of Vídeň the tables do not list.
        let f = assert_findings(
            &NameDropped,
            Some((
                "The negotiators met again in Vienna on Monday to discuss the nuclear agreement.",
                "en",
            )),
            (
                "Vyjednavači se v pondělí znovu sešli ve Vídni, aby jednali o jaderné dohodě.",
                "cs",
            ),
            1,
        );
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn copied_run_missing_is_a_warning() {
        let f = assert_findings(
            &NameDropped,
            Some((
                "La empresa Construcciones Ruiz Beltrán ganó el contrato para renovar el puente.",
                "es",
            )),
            ("The company won the contract to renovate the bridge.", "en"),
            1,
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn run_translated_into_capitalised_words_is_a_hint() {
        // The target's "Nations Cup" may translate the missing name.
        let f = assert_findings(
            &NameDropped,
            Some((
                "Kolejne zawody Pucharu Narodów odbędą się w przyszły weekend.",
                "pl",
            )),
            (
                "The next Nations Cup competition will take place next weekend.",
                "en",
            ),
            1,
        );
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn english_title_case_run_is_a_hint() {
        // English capitalises the words of a thing's name, which translators
        // translate.
        let f = assert_findings(
            &NameDropped,
            Some((
                "Guests can use the Swimming Pool every morning before breakfast.",
                "en",
            )),
            (
                "Los huéspedes pueden usar la piscina cada mañana antes del desayuno.",
                "es",
            ),
            1,
        );
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn single_word_translated_into_a_capitalised_word_is_a_hint() {
        // "House" may translate the missing "Chambre".
        let f = assert_findings(
            &NameDropped,
            Some((
                "Le texte a été adopté hier par la Chambre après un long débat.",
                "fr",
            )),
            (
                "The text was adopted yesterday by the House after a long debate.",
                "en",
            ),
            1,
        );
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn capitalised_word_translating_another_source_word_leaves_the_drop_a_warning() {
        // "Americans" translates "Amerykanami", not the missing "Rowhani".
        let f = assert_findings(
            &NameDropped,
            Some((
                "Chcemy negocjować z Amerykanami, powiedział w sobotę Rowhani.",
                "pl",
            )),
            (
                "We want to negotiate with the Americans, he said on Saturday.",
                "en",
            ),
            1,
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn single_word_translated_into_an_ordinary_word_is_a_hint() {
        // "course" translates the capitalised "Corso" (and "unit" would
        // translate "Unidad").
        let f = assert_findings(
            &NameDropped,
            Some((
                "I tutor sono responsabili della gestione del Corso nei tirocini.",
                "it",
            )),
            (
                "The tutors are responsible for managing the course in internships.",
                "en",
            ),
            1,
        );
        assert_eq!(f[0].severity, Severity::Info);
    }

    #[test]
    fn roman_ordinals_are_no_names() {
        assert!(ordinal("XIVe"));
        assert!(ordinal("IIIrd"));
        assert!(!ordinal("Xavier"));
        assert!(!ordinal("Lemaréchal"));
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
