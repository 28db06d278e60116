//! WC301 `name-misspelled`.

use super::extract::NameTok;
use super::extract::Strength;
use super::matching::{PairNames, SrcStatus, TokMatch, analyse_shared, tok_match};
use super::{glossary_of, quoted};
use crate::finding::{Finding, Severity};
use crate::rules::{PairContext, Rule, RuleMeta, target_span};

crate::declare_rule! {
    /// ## What it does
    /// Finds a name of the source whose closest counterpart in the aligned
    /// target paragraph is one or two letters off: `Scholz` rendered as
    /// `Schulz`, `Stoltenberg` as `Stoltemberg`, `Зеленский` as `Zelinsky`.
    /// An ordinary word misspelled inside a descriptive name (`London
    /// Scrool of Hygiene`, `United Kinrdom`) is found with the target
    /// language's lexicon (`corpora/tables/lexicon/`, English for now), and
    /// a place of the tables that the source names, one letter off its
    /// target form (`Frunce` for France), is reported too.
    /// Spellings that transliteration schemes or inflection explain are
    /// accepted: `Зеленский` may become Zelensky, Zelenskiy, Selenskyj or
    /// Zelenski, `Эрдоганом` Erdogan, `Scholz'` Scholz. With a glossary, a
    /// target form the glossary forbids is reported with its preferred form.
    ///
    /// ## Why is this bad?
    /// A misspelled name is a factual error readers notice at once, and one
    /// that spell checkers cannot catch: the wrong form is often a real name
    /// too.
    ///
    /// ## Example
    /// Source (en): `Astronomer Rebecca Thornton confirmed the orbit.`
    /// Target (es): `La astrónoma Rebecca Thorton confirmó la órbita.`
    /// → `“Thorton” looks like a misspelling of “Thornton”`
    ///
    /// ## Language pairs
    /// All pairs whose target writes the name in a cased script (Latin,
    /// Cyrillic, Greek); sources in Arabic, Hebrew and Devanagari are
    /// compared on consonants, CJK sources only through Latin-script runs.
    ///
    /// ## Known problems
    /// Two different people whose names differ by one letter in one
    /// paragraph (Schmidt and Schmitt) are told apart only when both appear
    /// in the source. Names shorter than four letters are not compared.
    pub struct NameMisspelled {
        code: "WC301",
        name: "name-misspelled",
        category: Names,
        severity: Warning,
        needs_source: true,
        summary: "name spelled differently from the source",
    }
}

impl Rule for NameMisspelled {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &PairContext<'_>, out: &mut Vec<Finding>) {
        let Some(src_side) = cx.source else { return };
        let glossary = glossary_of(cx);
        let shared = analyse_shared(cx, glossary);
        let Some(names) = shared.as_ref() else {
            return;
        };
        let tgt_text = cx.target.text();
        let src_text = src_side.text();
        let same_script = same_script(src_text, tgt_text);
        let mut pairs: Vec<(usize, usize, usize, usize)> = Vec::new();
        for (i, st) in names.src_status.iter().enumerate() {
            let near = match *st {
                SrcStatus::Near(a, ti, b) => Some((a, ti, b)),
                _ => names.src_near[i],
            };
            if let Some((a, ti, b)) = near {
                pairs.push((i, a, ti, b));
            }
        }
        for (ti, near) in names.tgt_near.iter().enumerate() {
            if let Some((b, si, a)) = *near
                && !pairs.iter().any(|p| p.2 == ti && p.3 == b)
            {
                pairs.push((si, a, ti, b));
            }
        }
        pairs.sort_by_key(|p| (names.tgt.mentions[p.2].toks[p.3].start, p.0));
        pairs.dedup_by_key(|p| (p.2, p.3));
        // Target words already paired with a source word, then those a
        // slip below reported: one finding per word.
        let tgt_code = cx.target.lang().map(|l| l.code());
        let mut taken: Vec<(usize, usize)> = pairs.iter().map(|p| (p.2, p.3)).collect();
        let word_slips = super::lexicon::lexicon(tgt_code)
            .map(|lex| super::lexicon::word_slips(names, lex, tgt_text, src_text))
            .unwrap_or_default();
        let entity_slips = super::lexicon::entity_slips(names, tgt_code, tgt_text);
        for slip in word_slips.into_iter().chain(entity_slips) {
            let at = (slip.mention, slip.tok);
            if !taken.contains(&at) {
                taken.push(at);
                out.push(word_slip_finding(names, &slip, tgt_text));
            }
        }
        for (i, a, ti, b) in pairs {
            let m = &names.src.mentions[i];
            let tm = &names.tgt.mentions[ti];
            let (Some(x), Some(y)) = (m.toks.get(a), tm.toks.get(b)) else {
                continue;
            };
            // A case form of the source name's table entity that the
            // extractor did not tie to it (Evropě run together with the
            // next name).
            if entity_case_form(&m.entities, y) {
                continue;
            }
            let wrong = &tgt_text[y.start..y.end];
            let right = &src_text[x.start..x.end];
            let preferred = glossary.and_then(|g| g.replacement(tm, &cx.target));
            let (message, suggestion) = match preferred {
                Some(p) => (
                    format!(
                        "{} is a form the glossary forbids; use {}",
                        quoted(&tgt_text[tm.start..tm.end]),
                        quoted(p)
                    ),
                    Some(p.to_string()),
                ),
                None => (
                    format!(
                        "{} looks like a misspelling of {}",
                        quoted(wrong),
                        quoted(right)
                    ),
                    (same_script && !right.contains(char::is_whitespace))
                        .then(|| right.to_string()),
                ),
            };
            let mut f = Self::META.finding(target_span(y.start, y.end), message);
            // Across scripts, and against a word the target may use as a
            // common noun, the evidence is weaker.
            let weak_target =
                tm.strength == Strength::Weak || m.strength == Strength::Weak || y.common;
            let given = |k: &str| super::data::tables().given.contains(k);
            // A personal name's shape: a given name and a surname on both
            // sides, no place of the tables. Places and their derivations
            // have exonyms, adapted endings and adjectives one letter off
            // (Russia / России, Vologda / Вологодскую, Alps / Alpi).
            let personal_shape = m.toks.len() >= 2
                && tm.toks.len() >= 2
                && m.entities.is_empty()
                && tm.entities.is_empty();
            // Cyrillic against Latin, one letter off every spelling the
            // romanisation schemes give: as sure as a typo in one script.
            // From a Latin source only for romanised Slavic names: other
            // Latin names are transcribed by ear, one letter off as often
            // as not (Nielsen / Нільсена, Abdul / Абдель).
            let lattice_typo =
                personal_shape && !x.common && !y.common && super::lattice::cross_typo(x, y);
            // One letter swapped for another that no spelling convention
            // trades is a typo even in a given name or a word ending; a
            // last letter changed only in a personal name's shape.
            let slip = typo_like(&x.strict, &y.strict) || (final_slip(x, y) && personal_shape);
            let adapted = !slip
                && (given(&x.strict)
                    || given(&y.strict)
                    || (!lattice_typo && ending_only(x.key(), y.key())));
            // A common noun translated, suffix for suffix (Comunicazione /
            // Communication, Aviation / Aviación): a cognate, not a slip.
            let cognate = cognate_suffixes(
                &right.to_lowercase(),
                &wrong.to_lowercase(),
                src_side.lang().map(|l| l.code()),
                cx.target.lang().map(|l| l.code()),
            );
            let first_differs = x.key().chars().next() != y.key().chars().next();
            if preferred.is_none()
                && ((x.cross != y.cross && !lattice_typo)
                    || weak_target
                    || adapted
                    || (first_differs && !lattice_typo)
                    || cognate)
                && (weak_target || !confirmed(names, x, y))
            {
                f.severity = Severity::Info;
            }
            f.source_paragraph = Some(m.paragraph);
            f.target_paragraph = Some(tm.paragraph);
            f.source_evidence = Some((m.start, m.end));
            f.target_evidence = Some((tm.start, tm.end));
            f.suggestion = suggestion;
            out.push(f);
        }
    }
}

/// The finding for an ordinary word misspelled inside a name.
fn word_slip_finding(
    names: &PairNames,
    slip: &super::lexicon::WordSlip,
    tgt_text: &str,
) -> Finding {
    let tm = &names.tgt.mentions[slip.mention];
    let y = &tm.toks[slip.tok];
    let wrong = &tgt_text[y.start..y.end];
    let name = &tgt_text[tm.start..tm.end];
    let inside = if tm.toks.len() > 1 {
        format!(" in {}", quoted(name))
    } else {
        String::new()
    };
    let fixes = slip.fixes.join("” or “");
    let message = if slip.entity {
        format!(
            "{}{inside} looks like a misspelling of “{fixes}”",
            quoted(wrong)
        )
    } else {
        format!(
            "{}{inside} looks like a misspelling of the word “{fixes}”",
            quoted(wrong)
        )
    };
    let mut f = NameMisspelled::META.finding(target_span(y.start, y.end), message);
    if slip.entity {
        f.suggestion = slip.fixes.first().cloned();
    } else if let [fix] = &slip.fixes[..] {
        let mut cs = fix.chars();
        f.suggestion = cs
            .next()
            .map(|c| c.to_uppercase().chain(cs).collect::<String>());
    }
    f.target_paragraph = Some(tm.paragraph);
    f.source_paragraph = names.tgt_source_para[slip.mention];
    f.target_evidence = Some((tm.start, tm.end));
    f
}

/// True when `y` minus a case ending of its language is the stem of a form
/// of one of `entities` (Evropě: Evropa): an inflected name, not a slip.
fn entity_case_form(entities: &[u32], y: &NameTok) -> bool {
    let super::lattice::Spellings::Latin(stems) = &y.spellings else {
        return false;
    };
    let t = super::data::tables();
    stems.iter().filter(|s| s.chars().count() >= 4).any(|s| {
        entities.iter().any(|&e| {
            t.entities[e as usize].forms.iter().any(|(_, f)| {
                let fk = super::key::strict(f);
                fk.starts_with(&**s) && fk.chars().count() <= s.chars().count() + 2
            })
        })
    })
}

/// True when the translation itself spells the source word correctly
/// elsewhere (the same as `x`) in a form one or two letters from `y`: the
/// translator's own spelling shows `y` is a slip, whatever the scripts.
fn confirmed(names: &PairNames, x: &NameTok, y: &NameTok) -> bool {
    names
        .tgt
        .mentions
        .iter()
        .flat_map(|m| m.toks.iter())
        .any(|z| {
            z.start != y.start
                && z.strict != y.strict
                && tok_match(x, z, false) == TokMatch::Same
                && tok_match(y, z, false) != TokMatch::Same
                && y.strict.chars().count() >= 5
                && strsim::damerau_levenshtein(&y.strict, &z.strict)
                    <= if y.strict.chars().count() >= 8 { 2 } else { 1 }
        })
}

/// True when two spellings differ only in their last two letters (four in
/// words of eight letters or more, where whole suffixes adapt): an
/// adaptation to the target language (Technology / Technologie, Sevilla /
/// Séville) as often as a typo.
pub fn ending_only(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let longest = a.chars().count().max(b.chars().count());
    // Long words adapt whole suffixes (-ción / -tion, -ität / -ity).
    let adaptable = if longest >= 8 { 4 } else { 2 };
    longest <= common + adaptable
}

/// True when two name words of four letters or more and of the same length
/// differ only in their last letter, a consonant on at least one side, that
/// neither word's language writes as an inflectional ending and that no
/// spelling convention trades: a slip (Scholz / Scholl, Congo / Congl), not
/// an adaptation (Sevilla / Séville, Music / Musik) or a case form.
pub fn final_slip(a: &NameTok, b: &NameTok) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.strict.chars().collect(), b.strict.chars().collect());
    let n = x.len();
    if n != y.len()
        || n < 4
        || x[..n - 1] != y[..n - 1]
        || x[n - 1] == y[n - 1]
        || x.iter().chain(&y).any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let (p, q) = (x[n - 1], y[n - 1]);
    let inflected = |t: &NameTok, head: &[char]| match &t.spellings {
        super::lattice::Spellings::Latin(stems) => {
            let head: String = head.iter().collect();
            stems.iter().any(|s| **s == *head)
        }
        _ => true,
    };
    (!vowel(p) || !vowel(q))
        && !traded(p, q)
        && !inflected(a, &x[..n - 1])
        && !inflected(b, &y[..n - 1])
}

/// Letters that spelling conventions trade for one another (c/k, i/y,
/// v/w, s/z, d/t…).
fn traded(a: char, b: char) -> bool {
    let (p, q) = if a <= b { (a, b) } else { (b, a) };
    matches!(
        (p, q),
        ('c', 'k')
            | ('c', 's')
            | ('c', 't')
            | ('c', 'z')
            | ('i', 'y')
            | ('i', 'j')
            | ('j', 'y')
            | ('v', 'w')
            | ('f', 'v')
            | ('s', 'z')
            | ('k', 'q')
            | ('c', 'q')
            | ('e', 'i')
            | ('o', 'u')
            | ('d', 't')
            | ('u', 'v')
            | ('u', 'w')
    )
}

/// True when two spellings of four letters or more and of the same length
/// differ in one letter, neither the first nor the last, and the two
/// letters are not ones spelling conventions trade (c/k, i/y, v/w, s/z,
/// d/t…): a typo (Stoltenberg / Stoltemberg), not an adaptation.
pub fn typo_like(a: &str, b: &str) -> bool {
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len() != y.len() || x.len() < 4 || x.iter().chain(&y).any(|c| c.is_ascii_digit()) {
        return false;
    }
    let diffs: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
    let [i] = diffs[..] else { return false };
    // The first letter differs across conventions (Katar / Qatar), the
    // last with inflection and adaptation (Strykeru / Strykers).
    if i == 0 || i + 1 == x.len() {
        return false;
    }
    !traded(x[i], y[i])
}

/// True when `a` (source) and `b` (target) each end in a common-noun suffix
/// of their language, and not in the same one: a translated cognate
/// (Comunicazione / Communication).
fn cognate_suffixes(a: &str, b: &str, src: Option<&str>, tgt: Option<&str>) -> bool {
    let t = super::data::tables();
    let suffix = |w: &str, lang: Option<&str>| {
        let n = w.chars().count();
        t.lang(lang)
            .noun_suffixes
            .iter()
            .find(|s| w.ends_with(s.as_str()) && n >= s.chars().count() + 3)
            .cloned()
    };
    match (suffix(a, src), suffix(b, tgt)) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

/// True when both texts are mostly in the same script family (Latin).
fn same_script(a: &str, b: &str) -> bool {
    let latin = |s: &str| {
        let (mut l, mut n) = (0usize, 0usize);
        for c in s.chars().filter(|c| c.is_alphabetic()).take(2000) {
            n += 1;
            l += usize::from((c as u32) < 0x250);
        }
        n > 0 && l * 2 > n
    };
    latin(a) == latin(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_findings, assert_no_findings};

    #[test]
    fn one_letter_off_is_reported() {
        let f = assert_findings(
            &NameMisspelled,
            Some((
                "Astronomer Rebecca Thornton of the observatory confirmed the orbit on Monday.",
                "en",
            )),
            (
                "La astrónoma Rebecca Thorton, del observatorio, confirmó la órbita el lunes.",
                "es",
            ),
            1,
        );
        assert!(f[0].message.contains("Thorton"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_deref(), Some("Thornton"));
    }

    #[test]
    fn transliteration_variants_are_accepted() {
        for t in ["Zelensky", "Zelenskiy", "Selenskyj", "Zelenski"] {
            assert_no_findings(
                &NameMisspelled,
                Some((
                    "Президент Владимир Зеленский выступил в парламенте в понедельник.",
                    "ru",
                )),
                (
                    &format!("Präsident Wolodymyr {t} sprach am Montag im Parlament."),
                    "de",
                ),
            );
        }
    }

    #[test]
    fn cross_script_misspelling() {
        assert_findings(
            &NameMisspelled,
            Some((
                "Президент Владимир Зеленский выступил в парламенте в понедельник.",
                "ru",
            )),
            (
                "President Volodymyr Zelinsky spoke in parliament on Monday.",
                "en",
            ),
            1,
        );
    }

    #[test]
    fn german_common_noun_is_a_hint() {
        // Sturm heads the name as Storm does, and the translation also
        // writes it in a compound: an ordinary noun, not a slip.
        let f = assert_findings(
            &NameMisspelled,
            Some((
                "Storm Ciara reached the coast on Sunday night, and the weather service kept its storm warning in force.",
                "en",
            )),
            (
                "Sturm Ciara erreichte am Sonntagabend die Küste, und der Wetterdienst hielt seine Sturmwarnung aufrecht.",
                "de",
            ),
            1,
        );
        assert_eq!(f[0].severity, crate::finding::Severity::Info);
    }

    #[test]
    fn entity_case_forms_are_not_slips() {
        let t = crate::rules::names::data::tables();
        let tok = |w: &str, lang: &str| {
            crate::rules::names::extract::name_tok(t, t.lang(Some(lang)), w, 0, w.len())
        };
        let europe = t.entities_of("europe").to_vec();
        let vietnam = t.entities_of("vietnam").to_vec();
        assert!(!europe.is_empty() && !vietnam.is_empty());
        assert!(entity_case_form(&europe, &tok("Evropě", "cs")));
        assert!(!entity_case_form(&vietnam, &tok("Vietnlm", "en")));
    }

    #[test]
    fn adapted_place_ending_is_a_hint() {
        // A last letter changed is a slip in a personal name (Scholz /
        // Scholl), an adaptation in a place name (Alps / Alpi).
        let f = assert_findings(
            &NameMisspelled,
            Some((
                "The survey covered hospitals in the Alps and along the coast.",
                "en",
            )),
            (
                "Lo studio ha riguardato ospedali nelle Alpi e lungo la costa.",
                "it",
            ),
            1,
        );
        assert_eq!(f[0].severity, crate::finding::Severity::Info);
    }

    #[test]
    fn cognate_suffixes_are_a_hint() {
        let f = assert_findings(
            &NameMisspelled,
            Some((
                "Il modulo Comunicazione Clinica del professor Marco Bellini inizia a marzo.",
                "it",
            )),
            (
                "The Clinical Communication module taught by Professor Marco Bellini starts in March.",
                "en",
            ),
            1,
        );
        assert_eq!(f[0].severity, crate::finding::Severity::Info);
    }

    #[test]
    fn inflection_is_accepted() {
        assert_no_findings(
            &NameMisspelled,
            Some((
                "Путин встретился с Эрдоганом в Сочи в понедельник вечером.",
                "ru",
            )),
            ("Putin met Erdogan in Sochi on Monday evening.", "en"),
        );
    }
}
