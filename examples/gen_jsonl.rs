//! Writes a synthetic JSONL archive of about N megabytes to standard output:
//! `cargo run --release --example gen_jsonl -- 100 > big.jsonl`.

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let target = mb * 1_000_000;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut written = 0;
    let mut id = 0;
    while written < target {
        let line = wirecheck::synth::jsonl_line(id, 4 + id % 7, id as u64);
        written += line.len() + 1;
        writeln!(out, "{line}")?;
        id += 1;
    }
    out.flush()
}
