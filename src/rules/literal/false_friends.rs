//! False-friend tables (`corpora/tables/false-friends/<src>-<tgt>.toml`),
//! parsed once into lookup maps.

use crate::hash::FastMap as HashMap;
use crate::lang::Lang;
use crate::tables::{parse_table, tables_of};
use serde::Deserialize;
use std::sync::OnceLock;

/// A false-friend table as written.
#[derive(Debug, Deserialize)]
pub struct FalseFriendTable {
    /// Source language code.
    pub source_lang: String,
    /// Target language code.
    pub target_lang: String,
    /// Where the facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Sentence pairs the tests run.
    #[serde(default)]
    pub examples: Vec<FalseFriendExample>,
    /// The pairs.
    pub entries: Vec<FalseFriendEntry>,
}

/// An example pair and whether the table fires on it.
#[derive(Debug, Deserialize)]
pub struct FalseFriendExample {
    /// Source sentence.
    pub source: String,
    /// Target sentence.
    pub target: String,
    /// Expected result.
    pub fires: bool,
}

/// One false friend.
#[derive(Debug, Deserialize)]
pub struct FalseFriendEntry {
    /// Source forms that invite the false friend.
    pub trigger: Vec<String>,
    /// Misleading target forms.
    pub false_friend: Vec<String>,
    /// Usual right renderings.
    pub right: Vec<String>,
    /// Target words showing the false friend is right after all.
    #[serde(default)]
    pub exceptions: Vec<String>,
    /// Source words showing the false friend is right after all.
    #[serde(default)]
    pub source_exceptions: Vec<String>,
    /// True when the target alone is evidence enough (at info severity).
    #[serde(default)]
    pub target_only: bool,
    /// True when the entry is noisy (the false friend is often right too):
    /// findings are hints, at info severity.
    #[serde(default)]
    pub hint: bool,
    /// Explanation.
    #[serde(default)]
    pub note: String,
}

/// What a target word is for an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The misleading form.
    FalseFriend,
    /// A right rendering.
    Right,
    /// An exception.
    Exception,
}

/// A table ready for lookup.
#[derive(Debug)]
pub struct FalseFriends {
    /// Source language.
    pub source: Lang,
    /// Target language.
    pub target: Lang,
    /// The raw table.
    pub table: FalseFriendTable,
    /// Source form → entries it triggers.
    pub triggers: HashMap<String, Vec<usize>>,
    /// Source form → entries it cancels.
    pub source_exceptions: HashMap<String, Vec<usize>>,
    /// Target form → (entry, role).
    pub targets: HashMap<String, Vec<(usize, Role)>>,
}

impl FalseFriends {
    fn new(stem: &str, table: FalseFriendTable) -> FalseFriends {
        let lang = |c: &str| {
            Lang::from_subtag(c).unwrap_or_else(|| {
                panic!("corpora/tables/false-friends/{stem}.toml: unknown language {c}")
            })
        };
        let mut triggers: HashMap<String, Vec<usize>> = HashMap::default();
        let mut source_exceptions: HashMap<String, Vec<usize>> = HashMap::default();
        let mut targets: HashMap<String, Vec<(usize, Role)>> = HashMap::default();
        for (i, e) in table.entries.iter().enumerate() {
            for t in &e.trigger {
                triggers.entry(t.to_lowercase()).or_default().push(i);
            }
            for t in &e.source_exceptions {
                source_exceptions
                    .entry(t.to_lowercase())
                    .or_default()
                    .push(i);
            }
            let roles = [
                (&e.false_friend, Role::FalseFriend),
                (&e.right, Role::Right),
                (&e.exceptions, Role::Exception),
            ];
            for (forms, role) in roles {
                for f in forms {
                    targets.entry(f.to_lowercase()).or_default().push((i, role));
                }
            }
        }
        FalseFriends {
            source: lang(&table.source_lang),
            target: lang(&table.target_lang),
            table,
            triggers,
            source_exceptions,
            targets,
        }
    }
}

/// Every table.
pub fn all() -> &'static [FalseFriends] {
    static CELL: OnceLock<Vec<FalseFriends>> = OnceLock::new();
    CELL.get_or_init(|| {
        tables_of("false-friends")
            .map(|(stem, text)| FalseFriends::new(stem, parse_table("false-friends", stem, text)))
            .collect()
    })
}

/// The table for a language pair.
pub fn for_pair(source: Lang, target: Lang) -> Option<&'static FalseFriends> {
    all()
        .iter()
        .find(|t| t.source == source && t.target == target)
}

/// The tables into `target`, for checking a target alone.
pub fn into(target: Lang) -> impl Iterator<Item = &'static FalseFriends> {
    all().iter().filter(move |t| t.target == target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::literal::words;
    use std::collections::HashSet;

    fn set(text: &str) -> HashSet<String> {
        words(text)
            .map(|(s, e)| text[s..e].to_lowercase())
            .collect()
    }

    /// The README's firing rule on one pair.
    fn fires(t: &FalseFriends, source: &str, target: &str) -> bool {
        let (s, tg) = (set(source), set(target));
        t.table.entries.iter().any(|e| {
            let any = |v: &Vec<String>, w: &HashSet<String>| v.iter().any(|x| w.contains(x));
            (any(&e.trigger, &s) || e.target_only)
                && any(&e.false_friend, &tg)
                && !any(&e.right, &tg)
                && !any(&e.exceptions, &tg)
                && !any(&e.source_exceptions, &s)
        })
    }

    #[test]
    fn invariants_and_examples_hold() {
        assert!(all().len() >= 11);
        for t in all() {
            let name = format!("{}-{}", t.source, t.target);
            let min = if t.target.code() == "en" { 40 } else { 20 };
            assert!(
                t.table.entries.len() >= min,
                "{name}: {} entries",
                t.table.entries.len()
            );
            assert!(t.table.examples.len() >= 6, "{name}: too few examples");
            let mut seen_trigger = HashSet::new();
            for e in &t.table.entries {
                assert!(
                    !e.trigger.is_empty() && !e.false_friend.is_empty() && !e.right.is_empty(),
                    "{name}: {e:?}"
                );
                for list in [
                    &e.trigger,
                    &e.false_friend,
                    &e.right,
                    &e.exceptions,
                    &e.source_exceptions,
                ] {
                    let mut seen = HashSet::new();
                    for w in list {
                        assert_eq!(w, &w.to_lowercase(), "{name}: {w}");
                        assert!(
                            w.chars().all(char::is_alphabetic),
                            "{name}: {w} is not one token"
                        );
                        assert!(seen.insert(w), "{name}: duplicate {w}");
                    }
                }
                for f in &e.false_friend {
                    assert!(
                        !e.right.contains(f) && !e.exceptions.contains(f),
                        "{name}: {f}"
                    );
                }
                for w in &e.trigger {
                    assert!(
                        seen_trigger.insert(w.clone()),
                        "{name}: trigger {w} in two entries"
                    );
                }
            }
            for ex in &t.table.examples {
                assert_eq!(
                    fires(t, &ex.source, &ex.target),
                    ex.fires,
                    "{name}: {} → {}",
                    ex.source,
                    ex.target
                );
            }
        }
    }
}
