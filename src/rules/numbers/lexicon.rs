//! Multi-atom table forms (`per cent`, `mil millones`, `个百分点`) looked up
//! by their first atom's key, longest first.

use super::atoms::{Atom, AtomKind, form_atoms};
use crate::hash::FastMap;

/// How a form's letters must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// After folding (the default for forms longer than two characters).
    Folded,
    /// Exactly as written (one- and two-letter forms: `m`, `M`, `bn`).
    Exact,
    /// As written, or with the first letter upper-cased (date tables that
    /// are case-sensitive).
    AsWritten,
}

/// One form of an entry.
#[derive(Debug, Clone)]
struct Form {
    keys: Box<[u64]>,
    raw: Box<[Box<str>]>,
    case: CaseRule,
    entry: usize,
}

/// Forms mapped to entries of type `P`.
#[derive(Debug, Clone)]
pub struct Lexicon<P> {
    by_first: FastMap<u64, Vec<usize>>,
    forms: Vec<Form>,
    /// The entries.
    pub entries: Vec<P>,
}

impl<P> Default for Lexicon<P> {
    fn default() -> Self {
        Lexicon {
            by_first: FastMap::default(),
            forms: Vec::new(),
            entries: Vec::new(),
        }
    }
}

/// A match: the entry and the atom range `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Entry index.
    pub entry: usize,
    /// First atom.
    pub start: usize,
    /// One past the last atom.
    pub end: usize,
    /// Matched a lower-case form through its capitalised variant.
    pub capitalised: bool,
}

/// The default case rule for a number-table form: exact for one or two
/// characters, folded otherwise.
pub fn number_case(form: &str) -> CaseRule {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    let len = form
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .count();
    if letters == 0 || len > 2 {
        CaseRule::Folded
    } else if len == 2 && !form.chars().any(char::is_uppercase) {
        // "un", "en": also at the start of a sentence.
        CaseRule::AsWritten
    } else {
        CaseRule::Exact
    }
}

impl<P> Lexicon<P> {
    /// Adds an entry with its forms; returns its index.
    pub fn add<'a>(
        &mut self,
        payload: P,
        forms: impl IntoIterator<Item = &'a str>,
        case: impl Fn(&str) -> CaseRule,
    ) -> usize {
        let entry = self.entries.len();
        self.entries.push(payload);
        for f in forms {
            self.add_form(entry, f, case(f));
        }
        entry
    }

    /// Adds one more form to an existing entry.
    pub fn add_form(&mut self, entry: usize, form: &str, case: CaseRule) {
        let atoms = form_atoms(form);
        if atoms.is_empty() {
            return;
        }
        let keys: Box<[u64]> = atoms.iter().map(|a| a.key).collect();
        if self
            .forms
            .iter()
            .any(|f| f.entry == entry && f.keys == keys && f.case == case)
        {
            return;
        }
        let raw = atoms
            .iter()
            .map(|a| Box::from(&form[a.start..a.end]))
            .collect();
        let idx = self.forms.len();
        self.forms.push(Form {
            keys,
            raw,
            case,
            entry,
        });
        let list = self.by_first.entry(self.forms[idx].keys[0]).or_default();
        list.push(idx);
        let forms = &self.forms;
        list.sort_by(|&a, &b| forms[b].keys.len().cmp(&forms[a].keys.len()));
    }

    /// The keys of the first atoms of all forms.
    pub fn first_keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.by_first.keys().copied()
    }

    /// True when some form starts with an atom of this key.
    pub fn starts(&self, key: u64) -> bool {
        self.by_first.contains_key(&key)
    }

    /// True when no form is known.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Matches at atom `i`, longest form first, returning the first hit
    /// `accept` agrees with.
    pub fn find(
        &self,
        text: &str,
        atoms: &[Atom],
        i: usize,
        mut accept: impl FnMut(&Hit) -> bool,
    ) -> Option<Hit> {
        let first = atoms.get(i)?;
        let cands = self.by_first.get(&first.key)?;
        for &fi in cands {
            let f = &self.forms[fi];
            if let Some(end) = matches(f, text, atoms, i) {
                let raw = &text[atoms[i].start..atoms[i].end];
                let capitalised = f.case == CaseRule::AsWritten && raw != &*f.raw[0];
                let hit = Hit {
                    entry: f.entry,
                    start: i,
                    end,
                    capitalised,
                };
                if accept(&hit) {
                    return Some(hit);
                }
            }
        }
        None
    }
}

/// True when two atoms may be adjacent inside a form: glued, or separated
/// by white space on one line.
fn joinable(text: &str, prev: &Atom, next: &Atom) -> bool {
    next.glued || {
        let gap = &text[prev.end..next.start];
        gap.len() <= 4 && !gap.contains('\n')
    }
}

fn is_hyphen(text: &str, a: &Atom) -> bool {
    a.kind == AtomKind::Sym && matches!(&text[a.start..a.end], "-" | "‐" | "‑")
}

fn atom_matches(f: &Form, k: usize, text: &str, a: &Atom) -> bool {
    if a.key != f.keys[k] {
        return false;
    }
    let raw = &text[a.start..a.end];
    match f.case {
        CaseRule::Folded => true,
        CaseRule::Exact => raw == &*f.raw[k],
        CaseRule::AsWritten => raw == &*f.raw[k] || (k == 0 && capitalised(&f.raw[k], raw)),
    }
}

/// True when `text` is `form` with its first letter upper-cased.
fn capitalised(form: &str, text: &str) -> bool {
    let mut fc = form.chars();
    let mut tc = text.chars();
    match (fc.next(), tc.next()) {
        (Some(a), Some(b)) => a.to_uppercase().eq(std::iter::once(b)) && fc.eq(tc),
        _ => false,
    }
}

/// The end atom of form `f` matched at atom `i`.
fn matches(f: &Form, text: &str, atoms: &[Atom], i: usize) -> Option<usize> {
    if !atom_matches(f, 0, text, &atoms[i]) {
        return None;
    }
    let mut j = i + 1;
    for k in 1..f.keys.len() {
        let mut a = atoms.get(j)?;
        // A hyphen between two words of the text stands for a space of the form.
        if is_hyphen(text, a) && a.glued && f.keys[k] != a.key {
            let next = atoms.get(j + 1)?;
            if !next.glued {
                return None;
            }
            j += 1;
            a = next;
        } else if !joinable(text, &atoms[j - 1], a) {
            return None;
        }
        if !atom_matches(f, k, text, a) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::super::atoms::atomize;
    use super::*;

    #[test]
    fn longest_first_and_hyphens() {
        let mut lx: Lexicon<f64> = Lexicon::default();
        lx.add(1e3, ["mil"], number_case);
        lx.add(1e9, ["mil millones"], number_case);
        lx.add(17.0, ["dix-sept"], number_case);
        lx.add(1e6, ["m"], number_case);
        let t = "tres mil millones y dix-sept et dix sept, M";
        let a = atomize(t);
        let h = lx.find(t, &a, 1, |_| true).unwrap();
        assert_eq!((lx.entries[h.entry], h.end), (1e9, 3));
        let h = lx.find(t, &a, 4, |_| true).unwrap();
        assert_eq!((lx.entries[h.entry], h.end), (17.0, 7));
        assert!(lx.find(t, &a, 8, |_| true).is_some());
        assert!(lx.find(t, &a, 11, |_| true).is_none(), "M is not m");
    }
}
