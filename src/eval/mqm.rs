//! Suite `mqm`: findings against human error annotations (MQM spans with
//! categories in `mqm-news` and `bio-mqm-it`, category-less ESA spans in
//! `wmt24-esa`).

use super::EvalError;
use super::annotations::{Annotation, ErrorClass, RatedSegment};
use super::bio;
use super::checker::{Checker, counts};
use super::data::DataDir;
use super::metrics::Share;
use super::mqm_data::{ESA_CLEAN_SCORE, ESA_FOLDER, MQM_FOLDER, parse_esa, parse_mqm};
use super::report::{Better, Cell, SuiteReport, Table};
use crate::finding::Category;
use crate::pipeline::ReportedFinding;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One line on what the suite measures.
pub const ABOUT: &str = "translations rated by professional annotators (`mqm-news`, `bio-mqm-it` \
    MQM spans with categories; `wmt24-esa` spans without categories) are checked segment by \
    segment: per finding category, the precision of findings against each rater's spans (a \
    finding is right when it overlaps a marked span on its side, or, for an omission finding, \
    when the rater marked an omission in the segment); how many annotated punctuation, \
    untranslated, omission, named-entity and number errors a finding of the matching category \
    finds; and the share of translations a rater judged error-free that get a finding.";

/// What one segment's findings score against one rating.
#[derive(Debug, Default, Clone)]
struct Tally {
    /// Precision per finding category.
    precision: BTreeMap<Category, Share>,
    /// Found per annotated class, by a matching category.
    found: BTreeMap<ErrorClass, Share>,
    /// Found per annotated class, by any finding.
    found_any: BTreeMap<ErrorClass, Share>,
    /// Clean ratings flagged, human translations.
    clean_human: Share,
    /// Clean ratings flagged, machine translations.
    clean_mt: Share,
    segments: usize,
    ratings: usize,
}

impl Tally {
    fn merge(&mut self, o: &Tally) {
        for (k, v) in &o.precision {
            self.precision.entry(*k).or_default().merge(*v);
        }
        for (k, v) in &o.found {
            self.found.entry(*k).or_default().merge(*v);
        }
        for (k, v) in &o.found_any {
            self.found_any.entry(*k).or_default().merge(*v);
        }
        self.clean_human.merge(o.clean_human);
        self.clean_mt.merge(o.clean_mt);
        self.segments += o.segments;
        self.ratings += o.ratings;
    }

    fn precision_all(&self) -> Share {
        let mut s = Share::default();
        for v in self.precision.values() {
            s.merge(*v);
        }
        s
    }

    fn clean_all(&self) -> Share {
        let mut s = self.clean_human;
        s.merge(self.clean_mt);
        s
    }
}

/// True when `f`'s range overlaps the annotation's span on the same side.
fn overlaps(f: &ReportedFinding, a: &Annotation) -> bool {
    let Some((s, e)) = a.span else { return false };
    if f.location.side != a.side {
        return false;
    }
    let (fs, fe) = (f.location.byte_start, f.location.byte_end);
    if s == e {
        fs <= s && s <= fe
    } else {
        s < fe.max(fs + 1) && fs < e
    }
}

/// True when finding `f` is confirmed by the annotations of one rating.
fn confirmed(f: &ReportedFinding, annotations: &[Annotation]) -> bool {
    if f.category == Category::Omission {
        annotations.iter().any(|a| a.class == ErrorClass::Omission)
    } else {
        annotations.iter().any(|a| overlaps(f, a))
    }
}

/// True when annotation `a` is found by one of `findings` whose category
/// is in `cats` (any category when `cats` is empty).
fn found_by(a: &Annotation, findings: &[&ReportedFinding], cats: &[Category]) -> bool {
    findings
        .iter()
        .filter(|f| cats.is_empty() || cats.contains(&f.category))
        .any(|f| a.class == ErrorClass::Omission || a.span.is_none() || overlaps(f, a))
}

fn score(seg: &RatedSegment, findings: &[ReportedFinding]) -> Tally {
    let counted: Vec<&ReportedFinding> = findings.iter().filter(|f| counts(f)).collect();
    let mut t = Tally {
        segments: 1,
        ..Tally::default()
    };
    for r in &seg.ratings {
        t.ratings += 1;
        for f in &counted {
            t.precision
                .entry(f.category)
                .or_default()
                .add(confirmed(f, &r.annotations));
        }
        for a in r
            .annotations
            .iter()
            .filter(|a| a.class != ErrorClass::Other)
        {
            t.found
                .entry(a.class)
                .or_default()
                .add(found_by(a, &counted, a.class.categories()));
            t.found_any
                .entry(a.class)
                .or_default()
                .add(found_by(a, &counted, &[]));
        }
        if r.clean {
            let flagged = !counted.is_empty();
            if seg.human {
                t.clean_human.add(flagged);
            } else {
                t.clean_mt.add(flagged);
            }
        }
    }
    t
}

fn slug(label: &str) -> String {
    label.to_lowercase().replace(' ', "-")
}

/// Runs the suite.
pub fn run(data: &DataDir, report: &mut SuiteReport) -> Result<(), EvalError> {
    let mut segments: Vec<RatedSegment> = Vec::new();
    let mut notes = Vec::new();
    let (mut attention, mut unplaced) = (0, 0);
    for name in data.list(MQM_FOLDER, ".tsv")? {
        let p = parse_mqm(&name, &data.read(&format!("{MQM_FOLDER}/{name}"))?)?;
        attention += p.attention_checks;
        unplaced += p.unplaced;
        notes.extend(p.malformed.note());
        segments.extend(p.segments);
    }
    for name in data.list(ESA_FOLDER, ".jsonl")? {
        let p = parse_esa(&name, &data.read(&format!("{ESA_FOLDER}/{name}"))?);
        unplaced += p.unplaced;
        notes.extend(p.malformed.note());
        segments.extend(p.segments);
    }
    let bio_data = bio::load(data)?;
    let (bio_segments, relocated, bio_unplaced) = bio::rated_segments(&bio_data);
    notes.extend(bio_data.malformed.note());
    segments.extend(bio_segments);
    unplaced += bio_unplaced;

    let checker = Checker::default();
    let tallies: Vec<(String, Tally)> = segments
        .par_iter()
        .map(|seg| {
            let r = checker.check_pair(
                &seg.key,
                Some((&seg.src_lang, std::slice::from_ref(&seg.source))),
                (&seg.tgt_lang, std::slice::from_ref(&seg.target)),
            );
            (seg.dataset.clone(), score(seg, &r.findings))
        })
        .collect();
    let mut by_set: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    for (set, t) in &tallies {
        by_set.entry(set.clone()).or_default().merge(t);
        all.merge(t);
    }
    let mut sets: Vec<(String, Tally)> = by_set.into_iter().collect();
    sets.push(("all".to_string(), all.clone()));

    let mut t = Table::new(
        "Per data set: precision of findings, and error-free translations flagged",
        &[
            "data set",
            "segments",
            "ratings",
            "judged findings",
            "precision",
            "error-free human",
            "human flagged",
            "error-free MT",
            "MT flagged",
        ],
    );
    for (name, s) in &sets {
        let p = s.precision_all();
        t.push(vec![
            Cell::text(name.as_str()),
            Cell::Count(s.segments),
            Cell::Count(s.ratings),
            Cell::Count(p.total),
            Cell::Share(p),
            Cell::Count(s.clean_human.total),
            Cell::Share(s.clean_human),
            Cell::Count(s.clean_mt.total),
            Cell::Share(s.clean_mt),
        ]);
        let key = slug(name);
        report.share_figure(format!("mqm.{key}.precision"), p, Better::Higher);
        report.share_figure(
            format!("mqm.{key}.clean-flagged"),
            s.clean_all(),
            Better::Lower,
        );
    }
    report.tables.push(t);

    let mut columns = vec!["finding category".to_string()];
    columns.extend(sets.iter().map(|(n, _)| n.to_string()));
    let mut t = Table::with_columns(
        "Precision per finding category (share of judged findings confirmed by the rater)",
        columns,
    );
    for cat in Category::ALL {
        if all.precision.get(&cat).is_none_or(|s| s.total == 0) {
            continue;
        }
        let mut row = vec![Cell::text(cat.as_str())];
        row.extend(
            sets.iter()
                .map(|(_, s)| Cell::ShareOf(s.precision.get(&cat).copied().unwrap_or_default())),
        );
        t.push(row);
        report.share_figure(
            format!("mqm.precision.{}", cat.as_str()),
            all.precision.get(&cat).copied().unwrap_or_default(),
            Better::Higher,
        );
    }
    report.tables.push(t);

    let mut columns = vec!["annotated error".to_string(), "found by".to_string()];
    columns.extend(sets.iter().map(|(n, _)| n.to_string()));
    let mut t = Table::with_columns("Annotated errors found (share of annotations)", columns);
    for class in ErrorClass::COUNTED {
        let cats = class
            .categories()
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join("/");
        for (label, any) in [(cats, false), ("any finding".to_string(), true)] {
            let get = |s: &Tally| {
                let m = if any { &s.found_any } else { &s.found };
                m.get(&class).copied().unwrap_or_default()
            };
            let mut row = vec![Cell::text(class.name()), Cell::Text(label)];
            row.extend(sets.iter().map(|(_, s)| Cell::ShareOf(get(s))));
            t.push(row);
            let which = if any { "any" } else { "matching" };
            report.share_figure(
                format!("mqm.found.{}.{which}", class.name().replace(' ', "-")),
                get(&all),
                Better::Higher,
            );
        }
    }
    report.tables.push(t);

    report.note(format!(
        "annotated categories are sorted into classes by these rules: {}",
        ErrorClass::RULES
    ));
    report.note(format!(
        "a rating is error-free when the rater's only row is `No-error` (MQM), the target has no \
         error (bio-MQM), or there is no span and the score is at least {ESA_CLEAN_SCORE} (ESA); \
         `HOTW-test` attention checks ({attention} rows) and `Neutral` marks are left out"
    ));
    if relocated + unplaced > 0 {
        report.note(format!(
            "{relocated} bio-MQM spans located by their term (offsets disagreed); {unplaced} spans \
             kept without position (text differed between a segment's rows, or offsets out of range)"
        ));
    }
    for n in notes {
        report.note(n);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Evidence, Location, Severity, SideKind};

    fn finding(cat: Category, side: SideKind, start: usize, end: usize) -> ReportedFinding {
        ReportedFinding {
            code: "WC000",
            rule: "test",
            category: cat,
            severity: Severity::Warning,
            message: String::new(),
            source_paragraph: Some(0),
            target_paragraph: Some(0),
            location: Location {
                side,
                path: String::new(),
                line: 1,
                column: 1,
                byte_start: start,
                byte_end: end,
            },
            evidence: Evidence::default(),
            suggestion: None,
            fingerprint: String::new(),
        }
    }

    fn ann(class: ErrorClass, side: SideKind, span: Option<(usize, usize)>) -> Annotation {
        Annotation { class, side, span }
    }

    #[test]
    fn findings_are_confirmed_by_overlap_or_omission() {
        let spans = [ann(ErrorClass::Other, SideKind::Target, Some((10, 15)))];
        assert!(confirmed(
            &finding(Category::Quotes, SideKind::Target, 14, 16),
            &spans
        ));
        assert!(!confirmed(
            &finding(Category::Quotes, SideKind::Target, 15, 16),
            &spans
        ));
        assert!(!confirmed(
            &finding(Category::Quotes, SideKind::Source, 10, 15),
            &spans
        ));
        let omitted = [ann(ErrorClass::Omission, SideKind::Source, Some((0, 3)))];
        assert!(confirmed(
            &finding(Category::Omission, SideKind::Target, 40, 90),
            &omitted
        ));
        assert!(!confirmed(
            &finding(Category::Omission, SideKind::Target, 40, 90),
            &spans
        ));
        // An empty span touching a point finding.
        let point = [ann(ErrorClass::Punctuation, SideKind::Target, Some((5, 5)))];
        assert!(confirmed(
            &finding(Category::Punctuation, SideKind::Target, 5, 5),
            &point
        ));
    }

    #[test]
    fn annotations_are_found_by_matching_categories() {
        let a = ann(ErrorClass::Number, SideKind::Target, Some((3, 5)));
        let num = finding(Category::Numbers, SideKind::Target, 4, 6);
        let names = finding(Category::Names, SideKind::Target, 4, 6);
        assert!(found_by(&a, &[&num], a.class.categories()));
        assert!(!found_by(&a, &[&names], a.class.categories()));
        assert!(found_by(&a, &[&names], &[]));
        let missing = ann(ErrorClass::Omission, SideKind::Target, None);
        let om = finding(Category::Omission, SideKind::Source, 0, 9);
        assert!(found_by(&missing, &[&om], missing.class.categories()));
    }

    #[test]
    fn scores_ratings() {
        use crate::eval::annotations::Rating;
        let seg = RatedSegment {
            dataset: "d".into(),
            src_lang: "en".into(),
            tgt_lang: "de".into(),
            key: "k".into(),
            human: true,
            source: String::new(),
            target: String::new(),
            ratings: vec![
                Rating {
                    rater: "a".into(),
                    annotations: vec![],
                    clean: true,
                },
                Rating {
                    rater: "b".into(),
                    annotations: vec![ann(ErrorClass::Punctuation, SideKind::Target, Some((0, 2)))],
                    clean: false,
                },
            ],
        };
        let t = score(&seg, &[finding(Category::Quotes, SideKind::Target, 1, 2)]);
        assert_eq!(t.precision[&Category::Quotes], Share::new(1, 2));
        assert_eq!(t.found[&ErrorClass::Punctuation], Share::new(1, 1));
        assert_eq!(t.clean_human, Share::new(1, 1));
        assert_eq!(t.clean_mt, Share::default());
    }
}
