//! Benchmarks of the pipeline stages on generated article pairs of 1, 10 and
//! 100 paragraphs, and of a whole 10 MB JSONL archive. Throughput is
//! reported in bytes of source plus target text.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use wirecheck::align::{SideUnits, align};
use wirecheck::detect::{Detector, detect_side};
use wirecheck::ingest::{Document, JsonlReader, side_from_text, split_paragraphs};
use wirecheck::lang::LangTag;
use wirecheck::pipeline::{CheckOptions, RuleSet, check_document};
use wirecheck::segment::split_sentences;
use wirecheck::synth::{article_pair, jsonl_line};

const SIZES: [usize; 3] = [1, 10, 100];

fn units(text: &str, lang: &str) -> SideUnits {
    let paras = split_paragraphs(text);
    let mut s = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        split_sentences(text, p.start, p.end, i, Some(lang), &mut s);
    }
    SideUnits::new(text, paras.len(), s)
}

fn doc(src: &str, tgt: &str) -> Document {
    Document {
        id: "bench".into(),
        source: Some(side_from_text(
            "s",
            src.to_string(),
            0,
            LangTag::parse("it"),
        )),
        target: side_from_text("t", tgt.to_string(), 0, LangTag::parse("en")),
    }
}

fn stages(c: &mut Criterion) {
    for n in SIZES {
        let (src, tgt) = article_pair(n, 7);
        let bytes = (src.len() + tgt.len()) as u64;
        let mut g = c.benchmark_group(format!("{n}-paragraphs"));
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function("segment", |b| {
            b.iter(|| (units(black_box(&src), "it"), units(black_box(&tgt), "en")))
        });
        let d = doc(&src, &tgt);
        let det = Detector::new(&[]);
        g.bench_function("detect", |b| {
            b.iter(|| {
                (
                    detect_side(black_box(d.source.as_ref().expect("source")), &det, None),
                    detect_side(black_box(&d.target), &det, None),
                )
            })
        });
        let (su, tu) = (units(&src, "it"), units(&tgt, "en"));
        g.bench_function("align", |b| {
            b.iter(|| align(black_box(&su), black_box(&tu)))
        });
        let structure = CheckOptions {
            rules: RuleSet::default().select(&[
                "WC501".into(),
                "WC502".into(),
                "WC503".into(),
                "WC504".into(),
            ]),
            ..Default::default()
        };
        g.bench_function(BenchmarkId::new("check", "structure-rules"), |b| {
            b.iter(|| check_document(black_box(&d), &structure))
        });
        let all = CheckOptions::default();
        g.bench_function(BenchmarkId::new("check", "all-rules"), |b| {
            b.iter(|| check_document(black_box(&d), &all))
        });
        g.finish();
    }
}

fn archive(c: &mut Criterion) {
    let mut input = String::new();
    let mut id = 0;
    while input.len() < 10_000_000 {
        input.push_str(&jsonl_line(id, 4 + id % 7, id as u64));
        input.push('\n');
        id += 1;
    }
    let mut g = c.benchmark_group("jsonl-10MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(input.len() as u64));
    let opts = CheckOptions::default();
    g.bench_function("ingest+check, one core", |b| {
        b.iter(|| {
            let mut findings = 0;
            for rec in JsonlReader::new(input.as_bytes(), "bench.jsonl", None, None) {
                if let Ok(d) = rec.result {
                    findings += check_document(&d, &opts).findings.len();
                }
            }
            findings
        })
    });
    g.finish();
}

criterion_group!(benches, stages, archive);
criterion_main!(benches);
