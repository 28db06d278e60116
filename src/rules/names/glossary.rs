//! A user glossary of names (`--glossary FILE`, CSV or TBX) that overrides
//! the heuristics: preferred forms are enforced, listed variants accepted,
//! forbidden forms reported.
//!
//! CSV: a header line naming the columns, in any order: `source`, `target`
//! (the preferred form), `variants` or `accepted` (accepted forms, `|`
//! between them), `forbidden` (forms that must not be used, `|` between
//! them), `source_lang`, `target_lang`; other columns are ignored. Fields may
//! be quoted with `"` (a doubled `""` inside is a quote). The terminology
//! glossary layout `source,target,forbidden` is accepted as is.
//!
//! TBX (2.0 / 3.0, `termEntry` or `conceptEntry`): each entry's terms per
//! `langSet`/`langSec xml:lang`, with `administrativeStatus` or
//! `normativeAuthorization` notes: preferred, admitted, deprecated /
//! superseded / not recommended (forbidden). A term without a note is
//! admitted.

use super::extract::Mention;
use super::key::strict;
use super::matching::SrcStatus;
use crate::rules::SideContext;
use std::collections::HashMap;
use std::path::Path;

/// Why a glossary could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum GlossaryError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a glossary this loader understands.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// The status of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermStatus {
    /// The form to use.
    Preferred,
    /// An accepted variant.
    Admitted,
    /// A form that must not be used.
    Forbidden,
}

/// One form of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Language (ISO 639-1, lowercase) when the glossary says.
    pub lang: Option<String>,
    /// The form as written.
    pub text: String,
    /// Its status.
    pub status: TermStatus,
    /// Whether it is on the source side (CSV `source` column).
    pub source_side: bool,
}

/// One name with its forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The forms.
    pub terms: Vec<Term>,
}

impl GlossaryEntry {
    /// The preferred target form for `lang` (any language when `None` or
    /// when the glossary gives none for it).
    pub fn preferred(&self, lang: Option<&str>) -> Option<&Term> {
        let pref = |t: &&Term| t.status == TermStatus::Preferred && !t.source_side;
        self.terms
            .iter()
            .filter(pref)
            .find(|t| lang.is_some() && t.lang.as_deref() == lang)
            .or_else(|| self.terms.iter().find(pref))
    }

    /// True when `form` is a preferred or admitted target form.
    pub fn accepts(&self, lang: Option<&str>, form: &str) -> bool {
        let k = key_of(form);
        self.terms.iter().any(|t| {
            t.status != TermStatus::Forbidden
                && !t.source_side
                && lang_ok(t, lang)
                && key_of(&t.text) == k
        })
    }

    /// True when `form` is a forbidden form.
    pub fn forbids(&self, lang: Option<&str>, form: &str) -> bool {
        let k = key_of(form);
        self.terms
            .iter()
            .any(|t| t.status == TermStatus::Forbidden && lang_ok(t, lang) && key_of(&t.text) == k)
    }
}

fn lang_ok(t: &Term, lang: Option<&str>) -> bool {
    match (t.lang.as_deref(), lang) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The strict key of a form: its words' strict keys joined by a space.
pub fn key_of(form: &str) -> String {
    form.split(|c: char| c.is_whitespace() || c == '-')
        .map(strict)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A loaded glossary.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Entries in file order.
    pub entries: Vec<GlossaryEntry>,
    by_key: HashMap<String, Vec<usize>>,
}

impl Glossary {
    /// Builds the lookup index over `entries`.
    pub fn new(entries: Vec<GlossaryEntry>) -> Glossary {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for t in &e.terms {
                let v = by_key.entry(key_of(&t.text)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        Glossary { entries, by_key }
    }

    /// Entries having a form with the strict key of `form`.
    pub fn lookup(&self, form: &str) -> impl Iterator<Item = &GlossaryEntry> {
        self.by_key
            .get(&key_of(form))
            .into_iter()
            .flatten()
            .map(|&i| &self.entries[i])
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True without entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// For a source mention listed in the glossary: `Found` when the target
    /// scope holds an accepted form, `Near` when it holds a forbidden form
    /// instead, `Missing` otherwise. `None` when the glossary does not list
    /// the mention.
    pub fn source_found(
        &self,
        m: &Mention,
        src: &SideContext<'_>,
        tgt: &super::extract::SideNames,
        t_mentions: &[usize],
        tgt_side: &SideContext<'_>,
    ) -> Option<SrcStatus> {
        let form = &src.text()[m.start..m.end];
        let lang = tgt_side.lang().map(|l| l.code());
        let entries: Vec<&GlossaryEntry> = self.lookup(form).collect();
        if entries.is_empty() {
            return None;
        }
        for &ti in t_mentions {
            let tm = &tgt.mentions[ti];
            let tform = &tgt_side.text()[tm.start..tm.end];
            if entries
                .iter()
                .any(|e| e.accepts(lang, tform) || sub_accepts(e, lang, tm, tgt_side))
            {
                return Some(SrcStatus::Found);
            }
        }
        for &ti in t_mentions {
            let tm = &tgt.mentions[ti];
            let tform = &tgt_side.text()[tm.start..tm.end];
            if entries.iter().any(|e| e.forbids(lang, tform)) && !tm.toks.is_empty() {
                return Some(SrcStatus::Near(0, ti, 0));
            }
        }
        Some(SrcStatus::Missing)
    }

    /// True when a target mention is a preferred or admitted form.
    pub fn target_accepted(&self, tm: &Mention, tgt: &SideContext<'_>) -> bool {
        let form = &tgt.text()[tm.start..tm.end];
        let lang = tgt.lang().map(|l| l.code());
        self.lookup(form).any(|e| e.accepts(lang, form))
    }

    /// The preferred form replacing a forbidden target mention, if it is
    /// one.
    pub fn replacement(&self, tm: &Mention, tgt: &SideContext<'_>) -> Option<&str> {
        let form = &tgt.text()[tm.start..tm.end];
        let lang = tgt.lang().map(|l| l.code());
        self.lookup(form)
            .find(|e| e.forbids(lang, form))
            .and_then(|e| e.preferred(lang))
            .map(|t| t.text.as_str())
    }
}

/// A target mention accepted through one of its words (the glossary lists
/// `Olaf Scholz`, the target says `Scholz`).
fn sub_accepts(e: &GlossaryEntry, lang: Option<&str>, tm: &Mention, tgt: &SideContext<'_>) -> bool {
    tm.toks.iter().any(|k| {
        let w = &tgt.text()[k.start..k.end];
        e.terms.iter().any(|t| {
            t.status != TermStatus::Forbidden
                && !t.source_side
                && lang_ok(t, lang)
                && t.text.split_whitespace().any(|p| strict(p) == strict(w))
        })
    })
}

/// Loads a glossary: TBX when the file starts like XML, CSV otherwise.
pub fn load_glossary(path: impl AsRef<Path>) -> Result<Glossary, GlossaryError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| GlossaryError::Io {
        path: name.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| GlossaryError::Format {
        path: name.clone(),
        message: "not UTF-8 text".into(),
    })?;
    parse_glossary(&text).map_err(|message| GlossaryError::Format {
        path: name,
        message,
    })
}

/// Parses glossary text (TBX or CSV).
pub fn parse_glossary(text: &str) -> Result<Glossary, String> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let entries = if body.starts_with('<') {
        parse_tbx(body)?
    } else {
        parse_csv(body)?
    };
    Ok(Glossary::new(entries))
}

/// Splits one CSV line into fields.
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' | ';' | '\t' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter().map(|s| s.trim().to_string()).collect()
}

fn parse_csv(text: &str) -> Result<Vec<GlossaryEntry>, String> {
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let header: Vec<String> = csv_fields(lines.next().ok_or("empty glossary")?)
        .into_iter()
        .map(|h| h.to_lowercase())
        .collect();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let source = col(&["source", "source_term", "src"]);
    let target = col(&["target", "target_term", "preferred", "tgt"]);
    if target.is_none() {
        return Err("the header names no `target` column".into());
    }
    let variants = col(&["variants", "accepted", "admitted"]);
    let forbidden = col(&["forbidden", "deprecated"]);
    let source_lang = col(&["source_lang", "src_lang"]);
    let target_lang = col(&["target_lang", "tgt_lang", "lang"]);
    let mut entries = Vec::new();
    for (n, line) in lines.enumerate() {
        let f = csv_fields(line);
        let get = |c: Option<usize>| c.and_then(|i| f.get(i)).map(String::as_str).unwrap_or("");
        let lang = |c: Option<usize>| {
            let l = get(c).to_lowercase();
            (!l.is_empty()).then(|| l.split(['-', '_']).next().unwrap_or("").to_string())
        };
        let (sl, tl) = (lang(source_lang), lang(target_lang));
        let mut e = GlossaryEntry::default();
        let mut push = |text: &str, status, lang: &Option<String>, source_side| {
            for t in text.split('|').map(str::trim).filter(|t| !t.is_empty()) {
                e.terms.push(Term {
                    lang: lang.clone(),
                    text: t.to_string(),
                    status,
                    source_side,
                });
            }
        };
        push(get(source), TermStatus::Preferred, &sl, true);
        push(get(target), TermStatus::Preferred, &tl, false);
        push(get(variants), TermStatus::Admitted, &tl, false);
        push(get(forbidden), TermStatus::Forbidden, &tl, false);
        if e.terms.iter().all(|t| t.source_side) {
            return Err(format!("line {}: no target form", n + 2));
        }
        entries.push(e);
    }
    Ok(entries)
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(j) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let ent = &tail[1..j];
        let c = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") => u32::from_str_radix(&ent[2..], 16)
                .ok()
                .and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=j]),
        }
        rest = &tail[j + 1..];
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in a start tag's text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let after = rest[i + name.len()..].trim_start();
        let before_ok = i == 0 || rest[..i].ends_with(char::is_whitespace);
        if before_ok && let Some(v) = after.strip_prefix('=') {
            let v = v.trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let end = v[1..].find(q)?;
                return Some(unescape(&v[1..1 + end]));
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

fn status_of(note: &str) -> Option<TermStatus> {
    let n = note.to_lowercase();
    if n.contains("preferred") {
        Some(TermStatus::Preferred)
    } else if n.contains("admitted") {
        Some(TermStatus::Admitted)
    } else if n.contains("deprecated")
        || n.contains("superseded")
        || n.contains("notrecommended")
        || n.contains("forbidden")
    {
        Some(TermStatus::Forbidden)
    } else {
        None
    }
}

fn parse_tbx(text: &str) -> Result<Vec<GlossaryEntry>, String> {
    let mut entries = Vec::new();
    let mut entry: Option<GlossaryEntry> = None;
    let mut lang: Option<String> = None;
    let mut term: Option<Term> = None;
    let mut capture: Option<(&'static str, String)> = None;
    let mut rest = text;
    let mut seen_root = false;
    while let Some(lt) = rest.find('<') {
        let chunk = &rest[..lt];
        if let Some((_, buf)) = capture.as_mut() {
            buf.push_str(chunk);
        }
        let after = &rest[lt..];
        if let Some(cdata) = after.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>").ok_or("unterminated CDATA section")?;
            if let Some((_, buf)) = capture.as_mut() {
                buf.push_str(&cdata[..end].replace('&', "&amp;"));
            }
            rest = &cdata[end + 3..];
            continue;
        }
        if after.starts_with("<!--") {
            let end = after.find("-->").ok_or("unterminated comment")?;
            rest = &after[end + 3..];
            continue;
        }
        let gt = after.find('>').ok_or("unterminated tag")?;
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let local = name.rsplit(':').next().unwrap_or(name);
        match (local, closing) {
            ("tbx" | "martif", false) => seen_root = true,
            ("termEntry" | "conceptEntry", false) => entry = Some(GlossaryEntry::default()),
            ("termEntry" | "conceptEntry", true) => {
                if let Some(e) = entry.take()
                    && !e.terms.is_empty()
                {
                    entries.push(e);
                }
            }
            ("langSet" | "langSec", false) => {
                lang = attr(tag, "xml:lang")
                    .or_else(|| attr(tag, "lang"))
                    .map(|l| {
                        l.to_lowercase()
                            .split(['-', '_'])
                            .next()
                            .unwrap_or("")
                            .to_string()
                    });
            }
            ("tig" | "ntig" | "termSec", false) if !self_closing => {
                term = Some(Term {
                    lang: lang.clone(),
                    text: String::new(),
                    status: TermStatus::Admitted,
                    source_side: false,
                });
            }
            ("tig" | "ntig" | "termSec", true) => {
                if let (Some(t), Some(e)) = (term.take(), entry.as_mut())
                    && !t.text.is_empty()
                {
                    e.terms.push(t);
                }
            }
            ("term", false) if !self_closing => capture = Some(("term", String::new())),
            ("term", true) => {
                if let Some((_, buf)) = capture.take() {
                    let text = unescape(buf.trim());
                    match term.as_mut() {
                        Some(t) => t.text = text,
                        None => {
                            if let Some(e) = entry.as_mut() {
                                e.terms.push(Term {
                                    lang: lang.clone(),
                                    text,
                                    status: TermStatus::Admitted,
                                    source_side: false,
                                });
                            }
                        }
                    }
                }
            }
            ("termNote", false) if !self_closing => {
                let ty = attr(tag, "type").unwrap_or_default();
                if ty == "administrativeStatus" || ty == "normativeAuthorization" {
                    capture = Some(("note", String::new()));
                }
            }
            ("termNote", true) => {
                if let Some(("note", buf)) = capture.take()
                    && let (Some(t), Some(s)) = (term.as_mut(), status_of(&buf))
                {
                    t.status = s;
                }
            }
            _ => {}
        }
    }
    if !seen_root {
        return Err("not a TBX file (no <tbx> or <martif> root)".into());
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_glossary() {
        let g = parse_glossary(
            "source,target,variants,forbidden,target_lang\nЗеленский,Zelensky,Zelenskyy|Zelenskiy,Zelenskij,en\n\"Olaf Scholz\",\"Olaf Scholz\",,,\n",
        )
        .expect("parses");
        assert_eq!(g.len(), 2);
        let e = g.lookup("Zelenskiy").next().expect("entry");
        assert!(e.accepts(Some("en"), "Zelenskyy"));
        assert!(!e.accepts(Some("en"), "Zelenskij"));
        assert!(e.forbids(Some("en"), "Zelenskij"));
        assert_eq!(
            e.preferred(Some("en")).map(|t| t.text.as_str()),
            Some("Zelensky")
        );
        assert!(parse_glossary("foo,bar\n").is_err());
    }

    #[test]
    fn terminology_layout_is_accepted() {
        let g = parse_glossary(
            "source,target,forbidden\nNachtragshaushalt,supplementary budget,additional budget\n",
        )
        .expect("parses");
        let e = g.lookup("Nachtragshaushalt").next().expect("entry");
        assert!(e.forbids(None, "additional budget"));
    }

    #[test]
    fn tbx_glossary() {
        let tbx = r#"<?xml version="1.0"?>
<tbx type="TBX-Basic" xml:lang="en"><text><body>
<conceptEntry id="c1">
 <langSec xml:lang="ru"><termSec><term>Зеленский</term></termSec></langSec>
 <langSec xml:lang="en">
  <termSec><term>Zelensky</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
  <termSec><term>Zelenskyy</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
  <termSec><term>Zelenskij</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
 </langSec>
</conceptEntry>
<termEntry><langSet xml:lang="de"><tig><term>M&amp;M</term></tig></langSet></termEntry>
</body></text></tbx>"#;
        let g = parse_glossary(tbx).expect("parses");
        assert_eq!(g.len(), 2);
        let e = g.lookup("Зеленский").next().expect("entry");
        assert!(e.accepts(Some("en"), "Zelenskyy"));
        assert!(e.forbids(Some("en"), "Zelenskij"));
        assert_eq!(
            e.preferred(Some("en")).map(|t| t.text.as_str()),
            Some("Zelensky")
        );
        assert!(g.lookup("M&M").next().is_some());
        assert!(parse_glossary("<html></html>").is_err());
    }

    #[test]
    fn load_errors_name_the_file() {
        let e = load_glossary("/nonexistent/glossary.csv").expect_err("missing");
        assert!(e.to_string().contains("/nonexistent/glossary.csv"));
    }
}
