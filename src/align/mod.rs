//! Alignment: pairs source and target paragraphs (1-1, 1-2, 2-1, 1-0, 0-1),
//! then the sentences inside each paired group, by banded dynamic
//! programming over length and shared anchors.

pub mod dp;
pub mod features;

pub use dp::{CostModel, PathLink};
pub use features::Features;

use crate::segment::Sentence;
use serde::Serialize;
use std::ops::Range;

/// A link between units of the two sides (paragraphs or sentences). Either
/// side may be empty (a 1-0 or 0-1 link).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Source unit indices, ascending.
    pub source: Vec<usize>,
    /// Target unit indices, ascending.
    pub target: Vec<usize>,
    /// How well the two sides match, 0 to 1 (0 for gaps).
    pub score: f64,
}

/// The units of one side ready for alignment.
#[derive(Debug, Clone, Default)]
pub struct SideUnits {
    /// Sentences of the whole side, in order.
    pub sentences: Vec<Sentence>,
    /// Features per sentence.
    pub sentence_features: Vec<Features>,
    /// For each paragraph, the range of its sentences.
    pub paragraph_sentences: Vec<Range<usize>>,
    /// Features per paragraph.
    pub paragraph_features: Vec<Features>,
}

impl SideUnits {
    /// Builds the units from sentences (grouped by paragraph, in order) and
    /// the text they index.
    pub fn new(text: &str, paragraphs: usize, sentences: Vec<Sentence>) -> SideUnits {
        let sentence_features: Vec<Features> = sentences
            .iter()
            .map(|s| Features::of(&text[s.start..s.end]))
            .collect();
        let mut paragraph_sentences = vec![0..0; paragraphs];
        let mut k = 0;
        for (p, range) in paragraph_sentences.iter_mut().enumerate() {
            let start = k;
            while k < sentences.len() && sentences[k].paragraph == p {
                k += 1;
            }
            *range = start..k;
        }
        let paragraph_features = paragraph_sentences
            .iter()
            .map(|r| {
                let parts = &sentence_features[r.clone()];
                let mut anchors: Vec<u64> =
                    Vec::with_capacity(parts.iter().map(|f| f.anchors.len()).sum());
                for f in parts {
                    anchors.extend_from_slice(&f.anchors);
                }
                anchors.sort_unstable();
                Features {
                    len: parts.iter().map(|f| f.len).sum(),
                    anchors,
                    numbers: parts.iter().map(|f| f.numbers).sum(),
                }
            })
            .collect();
        SideUnits {
            sentences,
            sentence_features,
            paragraph_sentences,
            paragraph_features,
        }
    }

    fn total_len(&self) -> f64 {
        self.paragraph_features.iter().map(|f| f.len).sum()
    }
}

/// Paragraph links covering every paragraph of both sides once, in order,
/// and for each paragraph link the sentence links inside it (global sentence
/// indices of each side).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Paragraph links.
    pub paragraphs: Vec<Link>,
    /// Sentence links, one list per paragraph link.
    pub sentences: Vec<Vec<Link>>,
    /// Target length per unit of source length, learned from the pair.
    pub ratio: f64,
}

impl Alignment {
    /// The paragraph link holding source paragraph `p`.
    pub fn link_of_source(&self, p: usize) -> Option<usize> {
        self.paragraphs.iter().position(|l| l.source.contains(&p))
    }

    /// [`Alignment::link_of_source`] of every source paragraph
    /// `0..paragraphs`, computed in one pass (the first link holding each).
    pub fn links_of_sources(&self, paragraphs: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; paragraphs];
        for (k, l) in self.paragraphs.iter().enumerate() {
            for &p in &l.source {
                if let Some(slot) = out.get_mut(p)
                    && slot.is_none()
                {
                    *slot = Some(k);
                }
            }
        }
        out
    }

    /// The paragraph link holding target paragraph `p`.
    pub fn link_of_target(&self, p: usize) -> Option<usize> {
        self.paragraphs.iter().position(|l| l.target.contains(&p))
    }
}

/// Expected length ratio learned from the pair itself, kept within sane
/// bounds.
pub fn learn_ratio(src: &SideUnits, tgt: &SideUnits) -> f64 {
    shrink(src.total_len(), tgt.total_len())
}

/// Length units of evidence that the prior ratio of 1 is worth: short pairs
/// lean on it, long ones on what they show.
pub const RATIO_PRIOR_WEIGHT: f64 = 400.0;

/// The ratio `b / a` shrunk towards 1 for short texts.
fn shrink(a: f64, b: f64) -> f64 {
    ((b + RATIO_PRIOR_WEIGHT) / (a + RATIO_PRIOR_WEIGHT)).clamp(0.2, 5.0)
}

/// Ratio over the 1-1 links of a path, when they cover enough text.
fn ratio_from_links(path: &[PathLink], src: &SideUnits, tgt: &SideUnits) -> Option<f64> {
    let (mut a, mut b) = (0.0, 0.0);
    for p in path {
        if p.source.1 - p.source.0 == 1 && p.target.1 - p.target.0 == 1 {
            a += src.paragraph_features[p.source.0].len;
            b += tgt.paragraph_features[p.target.0].len;
        }
    }
    (a >= 0.5 * src.total_len() && b > 0.0).then(|| shrink(a, b))
}

fn to_link(p: &PathLink, src_base: usize, tgt_base: usize) -> Link {
    Link {
        source: (p.source.0..p.source.1).map(|i| i + src_base).collect(),
        target: (p.target.0..p.target.1).map(|j| j + tgt_base).collect(),
        score: p.score,
    }
}

/// Aligns paragraphs, then sentences inside every paragraph link.
pub fn align(src: &SideUnits, tgt: &SideUnits) -> Alignment {
    let mut ratio = learn_ratio(src, tgt);
    let mut model = CostModel::with_ratio(ratio);
    let mut path = dp::align(&src.paragraph_features, &tgt.paragraph_features, &model);
    // Re-estimate the ratio from the 1-1 links found (a dropped or added
    // paragraph skews the first estimate) and align again if it moved.
    if let Some(r) = ratio_from_links(&path, src, tgt)
        && (r - ratio).abs() / ratio > 0.05
    {
        ratio = r;
        model = CostModel::with_ratio(ratio);
        path = dp::align(&src.paragraph_features, &tgt.paragraph_features, &model);
    }
    let paragraphs: Vec<Link> = path.iter().map(|p| to_link(p, 0, 0)).collect();
    let sentences = paragraphs
        .iter()
        .map(|link| {
            let s_range = span_of(&link.source, &src.paragraph_sentences);
            let t_range = span_of(&link.target, &tgt.paragraph_sentences);
            let sp = dp::align(
                &src.sentence_features[s_range.clone()],
                &tgt.sentence_features[t_range.clone()],
                &model,
            );
            sp.iter()
                .map(|p| to_link(p, s_range.start, t_range.start))
                .collect()
        })
        .collect();
    Alignment {
        paragraphs,
        sentences,
        ratio,
    }
}

/// The sentence range covered by a run of consecutive paragraphs.
fn span_of(paras: &[usize], ranges: &[Range<usize>]) -> Range<usize> {
    match (paras.first(), paras.last()) {
        (Some(&a), Some(&b)) => ranges[a].start..ranges[b].end,
        _ => 0..0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::split_paragraphs;
    use crate::segment::split_sentences;

    fn units(text: &str) -> SideUnits {
        let paras = split_paragraphs(text);
        let mut s = Vec::new();
        for (i, p) in paras.iter().enumerate() {
            split_sentences(text, p.start, p.end, i, None, &mut s);
        }
        SideUnits::new(text, paras.len(), s)
    }

    fn shape(a: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
        a.paragraphs
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect()
    }

    const IT: &str = "Il sindaco di Roma, Roberto Gualtieri, ha presentato lunedì il piano per il traffico.\n\nIl piano prevede 120 nuove linee di autobus elettrici entro il 2027, con un costo di 300 milioni.\n\nLe opposizioni hanno criticato il progetto, definendolo “una promessa elettorale” senza coperture finanziarie sufficienti.\n\nIl consiglio comunale voterà il provvedimento il 14 marzo, dopo una lunga discussione in commissione.\n\nSecondo l'Istat, l'inquinamento a Roma è calato del 12% negli ultimi cinque anni.";
    const EN: &str = "Rome mayor Roberto Gualtieri presented the traffic plan on Monday.\n\nThe plan provides for 120 new electric bus lines by 2027, at a cost of 300 million.\n\nThe opposition criticised the project, calling it “an election promise” without sufficient funding.\n\nThe city council will vote on the measure on March 14, after a long debate in committee.\n\nAccording to Istat, pollution in Rome has fallen by 12% over the last five years.";

    #[test]
    fn one_to_one() {
        let a = align(&units(IT), &units(EN));
        assert_eq!(
            shape(&a),
            (0..5).map(|i| (vec![i], vec![i])).collect::<Vec<_>>()
        );
        assert!(
            a.paragraphs.iter().all(|l| l.score > 0.3),
            "{:?}",
            a.paragraphs
        );
    }

    #[test]
    fn dropped_paragraph_is_one_to_zero() {
        let en: Vec<&str> = EN.split("\n\n").collect();
        let dropped = [en[0], en[1], en[3], en[4]].join("\n\n");
        let a = align(&units(IT), &units(&dropped));
        assert_eq!(
            shape(&a),
            vec![
                (vec![0], vec![0]),
                (vec![1], vec![1]),
                (vec![2], vec![]),
                (vec![3], vec![2]),
                (vec![4], vec![3])
            ]
        );
    }

    #[test]
    fn source_paragraphs_know_their_link() {
        let link = |source: &[usize], target: &[usize]| Link {
            source: source.to_vec(),
            target: target.to_vec(),
            score: 1.0,
        };
        let a = Alignment {
            paragraphs: vec![link(&[0, 1], &[0]), link(&[], &[1]), link(&[2], &[2, 3])],
            ..Alignment::default()
        };
        let table = a.links_of_sources(4);
        assert_eq!(table, [Some(0), Some(0), Some(2), None]);
        for (p, k) in table.iter().enumerate() {
            assert_eq!(*k, a.link_of_source(p));
        }
    }

    #[test]
    fn merged_paragraphs_are_two_to_one() {
        let en: Vec<&str> = EN.split("\n\n").collect();
        let merged = format!("{}\n\n{} {}\n\n{}\n\n{}", en[0], en[1], en[2], en[3], en[4]);
        let a = align(&units(IT), &units(&merged));
        assert_eq!(shape(&a)[1], (vec![1, 2], vec![1]));
        assert_eq!(a.paragraphs.len(), 4);
    }

    #[test]
    fn sentences_inside_groups() {
        let it = "Prima frase con il numero 42 e Roma. Seconda frase molto lunga che parla del sindaco Gualtieri e del piano da 300 milioni per il trasporto pubblico.";
        let en = "First sentence with the number 42 and Rome.";
        let a = align(&units(it), &units(en));
        let s = &a.sentences[0];
        assert!(
            s.iter().any(|l| l.target.is_empty() && l.source == vec![1]),
            "{s:?} {:?}",
            a.paragraphs
        );
    }
}
