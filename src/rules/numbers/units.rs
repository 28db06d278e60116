//! Currencies and units from `corpora/tables/units/units.toml`: what a
//! symbol or name after (or before) a number denotes, and whether two
//! mentions are consistent (same currency, or a correct conversion).

use super::data::{self, Dimension};
use super::lexicon::{CaseRule, Lexicon};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// What a currency or unit form denotes: every currency or unit that lists
/// it (set semantics, see the units README).
#[derive(Debug, Clone)]
pub struct UnitRef {
    /// Currency codes or unit ids (indices into [`UnitModel::things`]).
    pub things: Vec<u16>,
    /// Value in major units (0.01 for cents), 1 for units.
    pub factor: f64,
    /// Display id (`EUR`, `km`, `dollar-sign`…).
    pub id: String,
}

/// A currency or a unit.
#[derive(Debug, Clone)]
pub struct Thing {
    /// Code or id.
    pub id: String,
    /// `None` for currencies.
    pub dimension: Option<Dimension>,
    /// Factor to SI.
    pub factor: f64,
    /// Offset to SI.
    pub offset: f64,
}

/// A unit written around the number (`時速{}キロ`).
#[derive(Debug, Clone)]
pub struct Template {
    /// The form after the number (may be empty).
    pub after: Lexicon<()>,
    /// What it denotes.
    pub unit: usize,
}

/// Forms of one language.
#[derive(Debug, Default)]
pub struct UnitLang {
    /// Forms after a number: names of the language and all symbols.
    pub after: Lexicon<usize>,
    /// Currency symbols and codes, which may also stand before a number.
    pub before: Lexicon<usize>,
    /// Symbols that count only glued to the number.
    pub glued: Lexicon<usize>,
    /// Templates keyed by the part before the number.
    pub templates: Lexicon<Template>,
    /// Words between a number and a unit name.
    pub connectors: Lexicon<()>,
}

/// The unit table compiled for matching.
#[derive(Debug)]
pub struct UnitModel {
    /// Currencies then units.
    pub things: Vec<Thing>,
    /// Denotations, indexed by the lexicon entries.
    pub refs: Vec<UnitRef>,
    langs: Vec<(String, UnitLang)>,
    generic: UnitLang,
}

fn symbol_case(_: &str) -> CaseRule {
    CaseRule::Exact
}

fn name_case(f: &str) -> CaseRule {
    if f.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
        CaseRule::Exact
    } else {
        CaseRule::Folded
    }
}

struct Builder {
    // form -> (things, factor, id, is symbol)
    forms: BTreeMap<(String, bool), (Vec<u16>, f64, String)>,
}

impl Builder {
    fn add(&mut self, form: &str, symbol: bool, things: &[u16], factor: f64, id: &str) {
        let e = self
            .forms
            .entry((form.to_string(), symbol))
            .or_insert_with(|| (Vec::new(), factor, id.to_string()));
        for t in things {
            if !e.0.contains(t) {
                e.0.push(*t);
            }
        }
        if e.2 != id && !e.2.contains('|') {
            // A form shared by several entries keeps a joint display id.
            e.2 = format!("{}|{id}", e.2);
        }
    }
}

impl UnitModel {
    fn build(t: &data::UnitTable) -> UnitModel {
        let mut things = Vec::new();
        for c in &t.currencies {
            things.push(Thing {
                id: c.code.clone(),
                dimension: None,
                factor: 1.0,
                offset: 0.0,
            });
        }
        for u in &t.units {
            things.push(Thing {
                id: u.id.clone(),
                dimension: Some(u.dimension),
                factor: u.factor,
                offset: u.offset,
            });
        }
        let idx = |id: &str| -> u16 {
            things
                .iter()
                .position(|t| t.id == id)
                .unwrap_or_else(|| panic!("corpora/tables/units/units.toml: unknown id {id}"))
                as u16
        };
        let mut refs: Vec<UnitRef> = Vec::new();
        let mut langs = Vec::new();
        let lang_list: Vec<Option<&str>> = t
            .languages
            .iter()
            .map(|l| Some(l.as_str()))
            .chain(std::iter::once(None))
            .collect();
        for lang in lang_list {
            let mut b = Builder {
                forms: BTreeMap::new(),
            };
            let mut templates: Vec<(String, String, Vec<u16>, String)> = Vec::new();
            let mut glued: Vec<(String, u16, String)> = Vec::new();
            let names_of = |names: &data::Names| -> Vec<String> {
                match lang {
                    Some(l) => names.get(l).cloned().unwrap_or_default(),
                    None => Vec::new(),
                }
            };
            for c in &t.currencies {
                let me = [idx(&c.code)];
                b.add(&c.code, true, &me, 1.0, &c.code);
                for s in &c.symbols {
                    b.add(s, true, &me, 1.0, &c.code);
                }
                for n in names_of(&c.names) {
                    b.add(&n, false, &me, 1.0, &c.code);
                }
                for sub in &c.subunits {
                    let id = format!("{}-subunit", c.code);
                    for s in &sub.symbols {
                        b.add(s, true, &me, sub.factor, &id);
                    }
                    for n in names_of(&sub.names) {
                        b.add(&n, false, &me, sub.factor, &id);
                    }
                }
            }
            for g in &t.currency_groups {
                let codes: Vec<u16> = g.codes.iter().map(|c| idx(c)).collect();
                for s in &g.symbols {
                    b.add(s, true, &codes, 1.0, &g.id);
                }
                for n in names_of(&g.names) {
                    b.add(&n, false, &codes, 1.0, &g.id);
                }
            }
            for u in &t.units {
                let me = [idx(&u.id)];
                for s in &u.symbols {
                    b.add(s, true, &me, 1.0, &u.id);
                }
                for s in &u.glued_symbols {
                    glued.push((s.clone(), me[0], u.id.clone()));
                }
                for n in names_of(&u.names) {
                    if n.contains("{}") {
                        let (pre, post) = n.split_once("{}").unwrap_or((&n, ""));
                        templates.push((
                            pre.trim().to_string(),
                            post.trim().to_string(),
                            me.to_vec(),
                            u.id.clone(),
                        ));
                    } else {
                        b.add(&n, false, &me, 1.0, &u.id);
                    }
                }
            }
            for g in &t.unit_groups {
                let members: Vec<u16> = g.members.iter().map(|m| idx(m)).collect();
                for s in &g.symbols {
                    b.add(s, true, &members, 1.0, &g.id);
                }
                for n in names_of(&g.names) {
                    b.add(&n, false, &members, 1.0, &g.id);
                }
            }
            let mut ul = UnitLang::default();
            let currency_count = t.currencies.len() as u16;
            for ((form, symbol), (th, factor, id)) in b.forms {
                let r = refs.len();
                let is_currency = th.iter().all(|&x| x < currency_count);
                refs.push(UnitRef {
                    things: th,
                    factor,
                    id,
                });
                let case = if symbol {
                    symbol_case(&form)
                } else {
                    name_case(&form)
                };
                let e = ul.after.add(r, [form.as_str()], |_| case);
                debug_assert_eq!(e, ul.after.entries.len() - 1);
                if symbol && is_currency {
                    ul.before.add(r, [form.as_str()], |_| case);
                }
            }
            for (form, thing, id) in glued {
                let r = refs.len();
                refs.push(UnitRef {
                    things: vec![thing],
                    factor: 1.0,
                    id,
                });
                ul.glued.add(r, [form.as_str()], |_| CaseRule::Exact);
            }
            for (pre, post, th, id) in templates {
                let r = refs.len();
                refs.push(UnitRef {
                    things: th,
                    factor: 1.0,
                    id,
                });
                let mut after = Lexicon::default();
                if !post.is_empty() {
                    after.add((), [post.as_str()], |_| CaseRule::Folded);
                }
                if pre.is_empty() {
                    // "{}キロ" is an ordinary form after the number.
                    ul.after.add(r, [post.as_str()], |_| CaseRule::Folded);
                } else {
                    ul.templates
                        .add(Template { after, unit: r }, [pre.as_str()], |_| {
                            CaseRule::Folded
                        });
                }
            }
            if let Some(l) = lang {
                let conn = t.connectors.get(l).cloned().unwrap_or_default();
                ul.connectors
                    .add((), conn.iter().map(String::as_str), |_| CaseRule::Folded);
                langs.push((l.to_string(), ul));
            } else {
                langs.push((String::new(), ul));
            }
        }
        let generic = langs.pop().map(|(_, g)| g).unwrap_or_default();
        UnitModel {
            things,
            refs,
            langs,
            generic,
        }
    }

    /// The forms of a language (symbols only for unknown languages).
    pub fn lang(&self, code: Option<&str>) -> &UnitLang {
        code.and_then(|c| self.langs.iter().find(|(l, _)| l == c))
            .map(|(_, u)| u)
            .unwrap_or(&self.generic)
    }

    /// True when every thing a reference denotes is a currency.
    pub fn is_currency(&self, r: usize) -> bool {
        self.refs[r]
            .things
            .iter()
            .all(|&t| self.things[usize::from(t)].dimension.is_none())
    }

    /// The dimensions a reference may have.
    pub fn dimensions(&self, r: usize) -> impl Iterator<Item = Option<Dimension>> + '_ {
        self.refs[r]
            .things
            .iter()
            .map(|&t| self.things[usize::from(t)].dimension)
    }

    /// True when the two references share a currency or unit.
    pub fn overlap(&self, a: usize, b: usize) -> bool {
        let (ra, rb) = (&self.refs[a], &self.refs[b]);
        ra.things.iter().any(|t| rb.things.contains(t))
    }

    /// True when some currency or unit of `a` and some of `b` share a
    /// dimension (or both are currencies).
    pub fn comparable(&self, a: usize, b: usize) -> bool {
        self.dimensions(a)
            .any(|da| self.dimensions(b).any(|db| da == db))
    }

    /// True when `va` in `a` and `vb` in `b` agree under some reading of
    /// each (a correct conversion, allowing for rounding of `vb`, whose last
    /// significant digit is worth `ulp_b`).
    pub fn consistent(&self, a: usize, va: f64, b: usize, vb: f64, ulp_b: f64) -> bool {
        let (ra, rb) = (&self.refs[a], &self.refs[b]);
        for &ta in &ra.things {
            for &tb in &rb.things {
                let (x, y) = (&self.things[usize::from(ta)], &self.things[usize::from(tb)]);
                if x.dimension != y.dimension {
                    continue;
                }
                if x.dimension.is_none() {
                    if ta == tb && close(va * ra.factor, vb * rb.factor, ulp_b * rb.factor, 0.02) {
                        return true;
                    }
                    continue;
                }
                // Absolute values, and for temperatures differences too.
                let sa = va * ra.factor * x.factor + x.offset;
                let conv = (sa - y.offset) / y.factor / rb.factor;
                let temp = x.dimension == Some(Dimension::Temperature);
                if temp {
                    if (conv - vb).abs() * y.factor.abs()
                        <= 1.0_f64.max(0.5 * ulp_b * y.factor.abs())
                    {
                        return true;
                    }
                    let diff = va * x.factor / y.factor;
                    if (diff - vb).abs() * y.factor.abs()
                        <= 0.5_f64.max(0.5 * ulp_b * y.factor.abs())
                    {
                        return true;
                    }
                } else if close(conv, vb, ulp_b, 0.02) {
                    return true;
                }
            }
        }
        false
    }
}

/// `|a − b| ≤ max(0.5 × ulp, rel × |b|)`, and never more than a quarter
/// of `b` (a bare "100" is not "anything from 50 to 150").
pub fn close(a: f64, b: f64, ulp: f64, rel: f64) -> bool {
    let d = (a - b).abs();
    let eps = 1e-9 * b.abs().max(1.0);
    d <= (0.5 * ulp).max(rel * b.abs()) + eps && d <= 0.25 * b.abs() + eps
}

/// The unit model.
pub fn unit_model() -> &'static UnitModel {
    static CELL: OnceLock<UnitModel> = OnceLock::new();
    CELL.get_or_init(|| UnitModel::build(data::unit_table()))
}
