//! Properties that must hold for any input: the alignment covers every
//! paragraph of each side exactly once and in order, and every span lies on
//! character boundaries inside its text.

use proptest::prelude::*;
use wirecheck::ingest::{Document, JsonlReader, side_from_text, split_paragraphs};
use wirecheck::lang::LangTag;
use wirecheck::pipeline::{CheckOptions, check_document};
use wirecheck::segment::{split_sentences, tokens};

/// Text made of arbitrary Unicode mixed with the characters that drive the
/// segmenter and aligner (newlines, stops, quotes, digits, CJK).
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just("。".to_string()),
        Just("“".to_string()),
        Just("»".to_string()),
        Just("U.S. ".to_string()),
        Just("12,5 ".to_string()),
        Just("Roma ".to_string()),
        Just("the ".to_string()),
        Just("北京".to_string()),
        Just("\r\n".to_string()),
        "[a-zA-Zàé ]{1,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn paragraphs_text() -> impl Strategy<Value = String> {
    prop::collection::vec(texty(), 1..8).prop_map(|v| v.join("\n\n"))
}

proptest! {
    // 200 cases by default; PROPTEST_CASES=5000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200),
        .. ProptestConfig::default()
    })]

    #[test]
    fn spans_are_on_char_boundaries(text in texty()) {
        let paras = split_paragraphs(&text);
        let mut prev_end = 0;
        for (i, p) in paras.iter().enumerate() {
            prop_assert!(p.start >= prev_end && p.start < p.end && p.end <= text.len());
            prop_assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            prev_end = p.end;
            let mut sents = Vec::new();
            split_sentences(&text, p.start, p.end, i, Some("en"), &mut sents);
            for s in &sents {
                prop_assert!(s.start >= p.start && s.end <= p.end && s.start < s.end);
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
        for t in tokens(&text) {
            prop_assert!(t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }

    #[test]
    fn alignment_covers_every_paragraph_once_and_findings_are_placed(
        src in paragraphs_text(),
        tgt in paragraphs_text(),
    ) {
        let s = side_from_text("s.txt", src.clone(), 0, LangTag::parse("it"));
        let t = side_from_text("t.txt", tgt.clone(), 0, None);
        prop_assume!(!s.paragraphs.is_empty() && !t.paragraphs.is_empty());
        let (ns, nt) = (s.paragraphs.len(), t.paragraphs.len());
        let doc = Document { id: "p".into(), source: Some(s), target: t };
        let report = check_document(&doc, &CheckOptions::default());
        let links = report.alignment.expect("pairs are aligned");
        let src_seen: Vec<usize> = links.iter().flat_map(|l| l.source.clone()).collect();
        let tgt_seen: Vec<usize> = links.iter().flat_map(|l| l.target.clone()).collect();
        prop_assert_eq!(src_seen, (0..ns).collect::<Vec<_>>());
        prop_assert_eq!(tgt_seen, (0..nt).collect::<Vec<_>>());
        for l in &links {
            prop_assert!(!(l.source.is_empty() && l.target.is_empty()));
            prop_assert!(l.source.len() <= 2 && l.target.len() <= 2);
            prop_assert!((0.0..=1.0).contains(&l.score));
        }
        for f in &report.findings {
            let text = if f.location.side == wirecheck::finding::SideKind::Source { &src } else { &tgt };
            let (a, b) = (f.location.byte_start, f.location.byte_end);
            prop_assert!(a <= b && b <= text.len());
            prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        }
    }

    #[test]
    fn jsonl_positions_point_at_the_raw_bytes(target in texty()) {
        prop_assume!(!split_paragraphs(&target).is_empty());
        let line = serde_json::json!({"id": "x", "source": "s", "target": target}).to_string();
        let recs: Vec<_> = JsonlReader::new(line.as_bytes(), "p.jsonl", None, None).collect();
        prop_assert_eq!(recs.len(), 1);
        let doc = recs.into_iter().next().and_then(|r| r.result.ok()).expect("valid line");
        prop_assert_eq!(&doc.target.text, &target);
        for (i, c) in target.char_indices() {
            let pos = doc.target.locate(i, i + c.len_utf8());
            let raw = &line[pos.byte_start..pos.byte_end];
            let decoded: String = serde_json::from_str(&format!("\"{raw}\"")).expect("a JSON string piece");
            prop_assert_eq!(decoded, c.to_string());
        }
    }
}
