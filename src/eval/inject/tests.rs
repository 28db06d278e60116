//! Tests of the injections, through [`super::mutate`].

use super::*;

fn cx<'a>(tgt: &'a str, headlines: &'a [String]) -> Context<'a> {
    Context {
        tgt_lang: tgt,
        paragraphs: 3,
        headlines,
    }
}

fn run(defect: Defect, source: &str, target: &str, lang: &str) -> Option<Edit> {
    let h = vec!["Storm closes the port".to_string()];
    mutate(
        defect,
        source,
        target,
        &cx(lang, &h),
        &mut SplitMix64::new(7),
    )
}

fn replaced(e: Option<Edit>) -> String {
    match e {
        Some(Edit::Replace(s)) => s,
        other => panic!("expected a replacement, got {other:?}"),
    }
}

const BODY: &str =
    "The city council approved the new budget on Monday after a long debate about schools.";

#[test]
fn drops_paragraphs_and_sentences() {
    assert_eq!(
        run(Defect::DropParagraph, "", BODY, "en"),
        Some(Edit::Remove)
    );
    assert_eq!(run(Defect::DropParagraph, "", "Short title", "en"), None);
    let two = format!("{BODY} The mayor said the vote was a victory for every family in town.");
    let out = replaced(run(Defect::DropSentence, "", &two, "en"));
    assert!(out == BODY || out.starts_with("The mayor"), "{out}");
    assert_eq!(run(Defect::DropSentence, "", BODY, "en"), None);
}

#[test]
fn leaves_digits_of_links_alone() {
    let t = "@user19 wrote to a1@b2.org: see https://x.org/p/2024 #tag5, 7 times";
    for seed in 0..20u64 {
        let out = mutate(
            Defect::NumberValue,
            "",
            t,
            &cx("en", &[]),
            &mut SplitMix64::new(seed),
        );
        let out = replaced(out);
        assert!(
            out.ends_with(" times") && !out.ends_with(", 7 times"),
            "{out}"
        );
    }
    assert!(
        run(
            Defect::NumberValue,
            "",
            "Mail a1@b2.org or @user19 now.",
            "en"
        )
        .is_none()
    );
}

#[test]
fn changes_numbers_and_scales() {
    let t = "Sales rose to 450 million euros.";
    let out = replaced(run(Defect::NumberValue, "", t, "en"));
    assert_ne!(out, t);
    assert_eq!(out.len(), t.len());
    assert!(!out.contains(" 0"));
    assert_eq!(
        replaced(run(Defect::NumberScale, "", t, "en")),
        "Sales rose to 450 billion euros."
    );
    assert_eq!(
        replaced(run(
            Defect::NumberScale,
            "",
            "Es kostet 3 Millionen Euro.",
            "de"
        )),
        "Es kostet 3 Milliarden Euro."
    );
    assert_eq!(
        replaced(run(
            Defect::NumberScale,
            "",
            "Это стоит 5 миллионов рублей.",
            "ru"
        )),
        "Это стоит 5 миллиардов рублей."
    );
    assert_eq!(
        replaced(run(Defect::NumberScale, "", "約3万人", "ja")),
        "約3億人"
    );
    assert_eq!(
        run(Defect::NumberScale, "", "Numbers without scale: 12.", "en"),
        None
    );
}

#[test]
fn swaps_weekdays_and_months() {
    let out = replaced(run(
        Defect::WeekdayMonth,
        "",
        "Il est arrivé lundi 3 mars.",
        "fr",
    ));
    assert_ne!(out, "Il est arrivé lundi 3 mars.");
    assert_eq!(run(Defect::WeekdayMonth, "", "May we go?", "en"), None);
    let cs = replaced(run(Defect::WeekdayMonth, "", "Přijel ve středu.", "cs"));
    assert!(
        cs.starts_with("Přijel ve ") && cs != "Přijel ve středu.",
        "{cs}"
    );
}

#[test]
fn finds_and_breaks_names() {
    let src = "Gestern sagte Angela Merkel in Berlin etwas.";
    let tgt = "Yesterday Angela Merkel said something in Berlin.";
    let c = name_candidates(src, tgt, "en");
    let names: Vec<&str> = c.iter().map(|&(s, e)| &tgt[s..e]).collect();
    assert_eq!(names, ["Merkel"], "the surname of a personal name");
    let ru = "Вчера Ангела Меркель выступила в Берлине.";
    let en_from_ru = name_candidates(ru, tgt, "en");
    assert_eq!(
        en_from_ru.len(),
        1,
        "a run of capitalised words: Angela Merkel"
    );
    let d = names_to_delete(src, tgt, "en");
    assert_eq!(
        d.iter().map(|&(s, e)| &tgt[s..e]).collect::<Vec<_>>(),
        ["Angela Merkel"]
    );
    let again = "Angela Merkel said Merkel would stay.";
    assert!(names_to_delete("Angela Merkel sagte, Merkel bleibe.", again, "en").is_empty());
    let headline = "Angela Merkel Opens The International Conference";
    assert!(name_candidates("Angela Merkel eröffnet die Konferenz", headline, "en").is_empty());
    let out = replaced(run(Defect::NameMisspelled, src, tgt, "en"));
    assert_eq!(out.len(), tgt.len());
    assert_ne!(out, tgt);
    let out = replaced(run(Defect::NameDeleted, src, tgt, "en"));
    assert!(out.len() < tgt.len() && !out.contains("  "));
    assert!(name_candidates(src, "東京", "ja").is_empty());
}

#[test]
fn breaks_quotations() {
    let t = "Er sagte: „Wir bleiben“, und ging.";
    assert_eq!(
        replaced(run(Defect::QuoteUnclosed, "", t, "de")),
        "Er sagte: „Wir bleiben, und ging."
    );
    assert_eq!(
        replaced(run(Defect::QuoteOpenAsClose, "", t, "de")),
        "Er sagte: „Wir bleiben„, und ging."
    );
    assert_eq!(
        replaced(run(Defect::QuoteSpaceBeforeClose, "", t, "de")),
        "Er sagte: „Wir bleiben “, und ging."
    );
    assert_eq!(
        run(Defect::QuoteOpenAsClose, "", "He said \"no\".", "en"),
        None
    );
    assert_eq!(
        run(Defect::QuoteSpaceBeforeClose, "", "Il dit « non ».", "fr"),
        None
    );
}

#[test]
fn inserts_lines_and_replaces_with_source() {
    assert_eq!(
        run(Defect::ReadMore, "", BODY, "en"),
        Some(Edit::InsertAfter("Read more: Storm closes the port".into()))
    );
    assert_eq!(
        run(Defect::PhotoCredit, "", BODY, "de"),
        Some(Edit::InsertAfter("Foto: dpa".into()))
    );
    assert!(run(Defect::CommentForm, "", BODY, "xx").is_none());
    let src = "Der Stadtrat hat am Montag nach langer Debatte über Schulen den neuen Haushalt beschlossen.";
    assert_eq!(
        replaced(run(Defect::ReplacedBySource, src, BODY, "en")),
        src
    );
}

#[test]
fn changes_urls_present_on_both_sides() {
    let src = "Mehr unter www.example.de/info.";
    let tgt = "More at www.example.de/info.";
    let out = replaced(run(Defect::UrlChanged, src, tgt, "en"));
    assert!(
        out.starts_with("More at www.") && out != tgt && out.len() == tgt.len(),
        "{out}"
    );
    assert_eq!(run(Defect::UrlChanged, "Nichts.", tgt, "en"), None);
}

#[test]
fn every_defect_has_categories_and_a_unique_name() {
    let mut names: Vec<&str> = Defect::ALL.iter().map(|d| d.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Defect::ALL.len());
    assert!(
        Defect::ALL
            .iter()
            .all(|d| !d.categories().is_empty() && !d.describe().is_empty())
    );
}
