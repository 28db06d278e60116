//! The names tables (`corpora/tables/names/`), parsed once: places and
//! organisations across languages, per-language name conventions, and the
//! romanisation rules of the loose key. The stopword tables
//! (`corpora/tables/stopwords/`) supply the words that are capitalised
//! without being names.

use super::key::{Rewriter, strict};
use crate::segment::is_cjk_char;
use crate::tables::{parse_table, tables_of};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// `romanisation.toml`.
#[derive(Debug, Deserialize)]
pub struct RomanisationTable {
    /// Where the rules come from.
    pub sources: Vec<String>,
    /// Loose-key rewrites.
    pub loose: Vec<(String, String)>,
    /// Pinyin / Wade-Giles folding.
    pub chinese: Vec<(String, String)>,
    /// Pairs that must agree.
    pub examples_same: Vec<(String, String)>,
    /// Pairs that must not.
    pub examples_different: Vec<(String, String)>,
    /// Chinese pairs that must agree.
    pub examples_chinese: Vec<(String, String)>,
}

/// `lang/<code>.toml`: how one language writes names.
#[derive(Debug, Deserialize)]
pub struct LangTable {
    /// ISO 639-1 code.
    pub lang: String,
    /// Where the facts come from.
    pub sources: Vec<String>,
    /// True when the language capitalises common nouns (German).
    #[serde(default)]
    pub noun_capitalisation: bool,
    /// True when the language capitalises every content word of the names
    /// of things, events and works (English `Swimming Pool`, `Ice Age`), so
    /// that a run of capitalised words is often a translatable phrase.
    #[serde(default)]
    pub title_case_names: bool,
    /// Forms of address stripped before a name (`Mr`, `Frau`, `pan`).
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Titles and offices written before names (`President`, `Kanzlerin`).
    #[serde(default)]
    pub titles: Vec<String>,
    /// Lowercase particles inside names (`von`, `de`, `bin`).
    #[serde(default)]
    pub particles: Vec<String>,
    /// Other capitalised words that are not names: demonyms, institutions.
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Inflectional endings names take (case endings, genitive `s`).
    #[serde(default)]
    pub endings: Vec<String>,
    /// Clitic prefixes attached to names (Arabic `ال`, Hebrew `ה`).
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// In noun-capitalising languages: articles, possessives and other
    /// determiners after which a capitalised word is an ordinary noun
    /// (`die Musik`, `eure Musik`).
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Suffixes that make common nouns (`-ung`, `-heit`, `-tion`,
    /// `-zione`): never names in noun-capitalising languages, and a word
    /// ending in one on each side of a pair is a translated cognate.
    #[serde(default)]
    pub noun_suffixes: Vec<String>,
    /// Sentences and the names found in them, run by the tests.
    #[serde(default)]
    pub examples: Vec<LangExample>,
}

/// A candidate-extraction example.
#[derive(Debug, Deserialize)]
pub struct LangExample {
    /// A sentence.
    pub text: String,
    /// The name candidates expected in it, in order.
    pub names: Vec<String>,
}

/// `places.toml` and `organisations.toml`.
#[derive(Debug, Deserialize)]
pub struct EntityTable {
    /// Where the names come from.
    pub sources: Vec<String>,
    /// One map per entity: `id`, optional `kind`, then language code →
    /// forms separated by `|`.
    pub entities: Vec<HashMap<String, String>>,
    /// Pairs of forms that must name the same entity.
    #[serde(default)]
    pub examples_same: Vec<(String, String)>,
}

/// `stopwords/<code>.toml`, the fields used here.
#[derive(Debug, Deserialize)]
struct StopwordTable {
    lang: String,
    function_words: Vec<String>,
    common_capitalised: Vec<String>,
}

/// One language's conventions, ready for lookup.
#[derive(Debug, Default)]
pub struct LangNames {
    /// Lowercase words that are never names on their own.
    pub skip: HashSet<String>,
    /// Lowercase honorifics and titles (stripped before names).
    pub titles: HashSet<String>,
    /// Lowercase particles.
    pub particles: HashSet<String>,
    /// Endings, longest first.
    pub endings: Vec<String>,
    /// Prefixes, longest first.
    pub prefixes: Vec<String>,
    /// Capitalises common nouns.
    pub noun_caps: bool,
    /// Capitalises every content word of the names of things (see
    /// [`LangTable::title_case_names`]).
    pub title_case: bool,
    /// Lowercase determiners before common nouns (noun-capitalising
    /// languages).
    pub determiners: HashSet<String>,
    /// Common-noun suffixes, longest first.
    pub noun_suffixes: Vec<String>,
}

/// A place or organisation.
#[derive(Debug)]
pub struct Entity {
    /// Table identifier.
    pub id: String,
    /// `(language, form)` pairs.
    pub forms: Vec<(String, String)>,
}

impl Entity {
    /// The entity's form in `lang`, if the table has one.
    pub fn form_in(&self, lang: &str) -> Option<&str> {
        self.forms
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, f)| f.as_str())
    }
}

/// Everything loaded.
pub struct NameTables {
    /// Loose-key rewriter.
    pub loose: Rewriter,
    /// Chinese romanisation folding.
    pub chinese: Rewriter,
    /// Per language.
    pub langs: HashMap<String, LangNames>,
    /// Union of all languages, for unknown ones.
    pub any: LangNames,
    /// Entities.
    pub entities: Vec<Entity>,
    /// Strict key of a form (words joined by one space) → entities.
    pub forms: HashMap<String, Vec<u32>>,
    /// Stems of one-word forms (form minus an ending of its language).
    pub stems: HashMap<String, Vec<u32>>,
    /// CJK forms by first character.
    pub cjk: HashMap<char, Vec<(String, u32)>>,
    /// Longest form in words.
    pub max_words: usize,
    /// Frequent given names (strict keys).
    pub given: HashSet<String>,
    /// Frequent given names (loose keys: Veronika / Veronica).
    pub given_loose: HashSet<String>,
    /// Raw tables, for their examples.
    pub romanisation: RomanisationTable,
    /// Latin spellings of Cyrillic letters (`cyrillic.toml`).
    pub cyrillic: super::lattice::CyrillicTable,
    /// The same, ready for building lattices.
    pub renderings: super::lattice::Renderings,
    /// Raw language tables.
    pub lang_tables: Vec<LangTable>,
    /// Raw entity tables.
    pub entity_tables: Vec<(&'static str, EntityTable)>,
}

impl NameTables {
    /// The conventions of `lang` (ISO 639-1), or the union for unknown.
    pub fn lang(&self, lang: Option<&str>) -> &LangNames {
        lang.and_then(|l| self.langs.get(l)).unwrap_or(&self.any)
    }

    /// True when a name word is a frequent given name, in any
    /// transliteration.
    pub fn is_given(&self, tok: &super::extract::NameTok) -> bool {
        // Short words are compared as written: loose keys of three letters
        // collide with ordinary words (Way / Wei).
        self.given.contains(&tok.strict)
            || (tok.strict.chars().count() >= 4 && self.given_loose.contains(tok.key()))
    }

    /// Entities whose form has this strict key.
    pub fn entities_of(&self, key: &str) -> &[u32] {
        self.forms.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn lower_set(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.iter().map(|w| w.to_lowercase())
}

fn sorted_longest_first(v: &[String]) -> Vec<String> {
    let mut v: Vec<String> = v.iter().map(|s| s.to_lowercase()).collect();
    v.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    v.dedup();
    v
}

/// Strips one of `endings` (longest first) from a lowercase word, keeping
/// at least three letters.
pub fn strip_ending<'a>(word: &'a str, endings: &[String]) -> Option<&'a str> {
    let n = word.chars().count();
    endings.iter().find_map(|e| {
        let stem = word.strip_suffix(e.as_str())?;
        (n - e.chars().count() >= 3).then_some(stem)
    })
}

fn build() -> NameTables {
    let romanisation: RomanisationTable = tables_of("names")
        .find(|(s, _)| *s == "romanisation")
        .map(|(s, t)| parse_table("names", s, t))
        .expect("corpora/tables/names/romanisation.toml is compiled in");
    let loose = Rewriter::new(&romanisation.loose);
    let chinese = Rewriter::new(&romanisation.chinese);
    let mut langs: HashMap<String, LangNames> = HashMap::new();
    for (stem, text) in tables_of("stopwords") {
        let t: StopwordTable = parse_table("stopwords", stem, text);
        let e = langs.entry(t.lang.clone()).or_default();
        e.skip.extend(lower_set(&t.function_words));
        e.skip.extend(lower_set(&t.common_capitalised));
    }
    let mut lang_tables = Vec::new();
    for (stem, text) in tables_of("names/lang") {
        let t: LangTable = parse_table("names/lang", stem, text);
        let e = langs.entry(t.lang.clone()).or_default();
        e.titles.extend(lower_set(&t.honorifics));
        e.titles.extend(lower_set(&t.titles));
        e.skip.extend(lower_set(&t.honorifics));
        e.skip.extend(lower_set(&t.titles));
        e.skip.extend(lower_set(&t.not_names));
        e.particles.extend(lower_set(&t.particles));
        e.endings = sorted_longest_first(&t.endings);
        e.prefixes = sorted_longest_first(&t.prefixes);
        e.noun_caps = t.noun_capitalisation;
        e.title_case = t.title_case_names;
        e.determiners.extend(lower_set(&t.determiners));
        e.noun_suffixes = sorted_longest_first(&t.noun_suffixes);
        lang_tables.push(t);
    }
    let mut any = LangNames::default();
    for l in langs.values() {
        any.skip.extend(l.skip.iter().cloned());
        any.titles.extend(l.titles.iter().cloned());
        any.particles.extend(l.particles.iter().cloned());
    }
    let mut entities = Vec::new();
    let mut forms: HashMap<String, Vec<u32>> = HashMap::new();
    let mut stems: HashMap<String, Vec<u32>> = HashMap::new();
    let mut cjk: HashMap<char, Vec<(String, u32)>> = HashMap::new();
    let mut max_words = 1;
    let mut entity_tables = Vec::new();
    for (stem, text) in tables_of("names") {
        if stem == "romanisation" || stem == "given" || stem == "cyrillic" {
            continue;
        }
        let t: EntityTable = parse_table("names", stem, text);
        for row in &t.entities {
            let id = entities.len() as u32;
            let mut ent = Entity {
                id: row.get("id").cloned().unwrap_or_default(),
                forms: Vec::new(),
            };
            let mut keys: Vec<(&str, &str)> = row
                .iter()
                .filter(|(k, _)| *k != "id" && *k != "kind")
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            keys.sort();
            for (lang, value) in keys {
                for form in value.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                    ent.forms.push((lang.to_string(), form.to_string()));
                    if form.chars().any(is_cjk_char) {
                        if let Some(c) = form.chars().next() {
                            cjk.entry(c).or_default().push((form.to_string(), id));
                        }
                        continue;
                    }
                    let words: Vec<String> = form
                        .split([' ', '-'])
                        .map(strict)
                        .filter(|w| !w.is_empty())
                        .collect();
                    max_words = max_words.max(words.len());
                    let k = words.join(" ");
                    push_unique(forms.entry(k.clone()).or_default(), id);
                    // The extractor leaves lowercase particles out of a
                    // name's words: Afrique du Sud is read as Afrique Sud.
                    let content: Vec<String> = form
                        .split([' ', '-'])
                        .filter(|w| !w.chars().next().is_some_and(char::is_lowercase))
                        .map(strict)
                        .filter(|w| !w.is_empty())
                        .collect();
                    if content.len() >= 2 && content.len() < words.len() {
                        push_unique(forms.entry(content.join(" ")).or_default(), id);
                    }
                    if words.len() == 1 {
                        let endings = langs.get(lang).map(|l| l.endings.as_slice()).unwrap_or(&[]);
                        let lower = form.to_lowercase();
                        if let Some(s) = strip_ending(&lower, endings) {
                            push_unique(stems.entry(strict(s)).or_default(), id);
                        }
                    }
                }
            }
            entities.push(ent);
        }
        entity_tables.push((stem, t));
    }
    #[derive(Deserialize)]
    struct GivenTable {
        sources: Vec<String>,
        given: Vec<String>,
    }
    let given_table: GivenTable = tables_of("names")
        .find(|(s, _)| *s == "given")
        .map(|(s, t)| parse_table("names", s, t))
        .expect("corpora/tables/names/given.toml is compiled in");
    assert!(
        !given_table.sources.is_empty(),
        "corpora/tables/names/given.toml: no sources"
    );
    let given = given_table.given.iter().map(|g| strict(g)).collect();
    let cyrillic: super::lattice::CyrillicTable = tables_of("names")
        .find(|(s, _)| *s == "cyrillic")
        .map(|(s, t)| parse_table("names", s, t))
        .expect("corpora/tables/names/cyrillic.toml is compiled in");
    let renderings = super::lattice::Renderings::new(&cyrillic);
    let given_loose = given_table
        .given
        .iter()
        .map(|g| super::key::loose_with(&loose, g))
        .collect();
    NameTables {
        given,
        given_loose,
        loose,
        chinese,
        langs,
        any,
        entities,
        forms,
        stems,
        cjk,
        max_words,
        romanisation,
        cyrillic,
        renderings,
        lang_tables,
        entity_tables,
    }
}

fn push_unique(v: &mut Vec<u32>, id: u32) {
    if !v.contains(&id) {
        v.push(id);
    }
}

/// The names tables, parsed on first use.
pub fn tables() -> &'static NameTables {
    static CELL: OnceLock<NameTables> = OnceLock::new();
    CELL.get_or_init(build)
}

#[cfg(test)]
mod tests {
    use super::super::key::{loose, loose_agree};
    use super::*;

    #[test]
    fn short_words_are_given_names_only_as_written() {
        let t = tables();
        let tok = |w: &str| super::super::extract::name_tok(t, t.lang(Some("en")), w, 0, w.len());
        assert!(!t.is_given(&tok("Way")), "Way / Wei");
        assert!(t.is_given(&tok("Wei")));
        assert!(t.is_given(&tok("Aleksandr")));
        assert!(t.is_given(&tok("Alexandr")), "loose key of a long name");
    }

    #[test]
    fn romanisation_examples_hold() {
        let t = tables();
        for (a, b) in &t.romanisation.examples_same {
            assert!(
                loose_agree(&loose(a), &loose(b)),
                "{a} / {b}: {} {}",
                loose(a),
                loose(b)
            );
        }
        for (a, b) in &t.romanisation.examples_different {
            assert!(!loose_agree(&loose(a), &loose(b)), "{a} / {b}");
        }
        for (a, b) in &t.romanisation.examples_chinese {
            let f = |w: &str| {
                let mut s = String::new();
                t.chinese.apply(&strict(w), &mut s);
                s
            };
            assert_eq!(f(a), f(b), "{a} / {b}");
        }
    }

    #[test]
    fn entity_examples_hold() {
        let t = tables();
        assert!(t.entities.len() > 100);
        for (stem, table) in &t.entity_tables {
            assert!(!table.sources.is_empty(), "{stem}");
            for (a, b) in &table.examples_same {
                let ea = t.entities_of(&key_of(a));
                let eb = t.entities_of(&key_of(b));
                assert!(ea.iter().any(|e| eb.contains(e)), "{stem}: {a} / {b}");
            }
        }
    }

    fn key_of(form: &str) -> String {
        form.split([' ', '-'])
            .map(strict)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn language_tables_have_sources() {
        for t in &tables().lang_tables {
            assert!(!t.sources.is_empty(), "{}", t.lang);
        }
        assert!(tables().lang(Some("de")).noun_caps);
        assert!(tables().lang(Some("en")).skip.contains("president"));
        // Particles are left out of the key, as the extractor leaves them
        // out of a name's words.
        assert!(!tables().entities_of("afrique sud").is_empty());
    }
}
