//! Command-line interface.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use wirecheck::error::InputError;
use wirecheck::finding::Severity;
use wirecheck::ingest::{self, Document, JsonlReader};
use wirecheck::lang::LangTag;
use wirecheck::pipeline::{CheckOptions, RuleSet, check_document};
use wirecheck::report::json::JsonRenderer;
use wirecheck::report::rules_list::{rules_markdown, rules_table};
use wirecheck::report::text::TextRenderer;
use wirecheck::report::{Renderer, Summary};
use wirecheck::rules;

/// Checks translated news for dropped paragraphs, changed numbers, broken
/// quotations, untranslated text and other defects readers notice.
#[derive(Parser)]
#[command(name = "wirecheck", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a translation against its source (or a translation alone).
    Check(CheckArgs),
    /// List every rule.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Print a rule's documentation.
    Rule {
        /// Rule code (WC501) or name (omission).
        code: String,
    },
    /// Measure accuracy on the external evaluation corpora.
    Eval(wirecheck::eval::EvalArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// `.jsonl` and `.ndjson` files are JSONL, everything else plain text.
    Auto,
    /// Plain UTF-8 text; paragraphs separated by blank lines.
    Text,
    /// One pair per line: {"id","source","target","source_lang"?,"target_lang"?}.
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct CheckArgs {
    /// SOURCE and TARGET files, or TARGET alone (monolingual rules only), or
    /// one JSONL file. `-` reads standard input.
    #[arg(value_name = "FILE", required = true, num_args = 1..=2)]
    files: Vec<String>,
    /// Source language (BCP 47 or ISO 639-1/3); detected when absent.
    #[arg(long, short = 's', value_name = "LANG")]
    source_lang: Option<String>,
    /// Target language (BCP 47 or ISO 639-1/3); detected when absent.
    #[arg(long, short = 't', value_name = "LANG")]
    target_lang: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Input format.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Run only these rules (codes, names or categories, comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these rules (codes, names or categories, comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Colour in the text report (auto: only on a terminal without NO_COLOR).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Document identifier for a plain-text pair (default: the target file's
    /// name without its extension).
    #[arg(long)]
    id: Option<String>,
    /// Glossary of names (CSV with a `source,target,variants,forbidden` header,
    /// or TBX): preferred forms are enforced, listed variants accepted.
    #[arg(long, value_name = "FILE")]
    glossary: Option<std::path::PathBuf>,
    /// Largest input accepted, in bytes.
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_INPUT)]
    max_input_bytes: u64,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if e.downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("wirecheck: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Rules { format } => {
            let text = match format {
                RulesFormat::Text => rules_table(),
                RulesFormat::Markdown => rules_markdown(),
                RulesFormat::Json => {
                    let list: Vec<_> = rules::registry()
                        .iter()
                        .map(|r| {
                            let m = r.meta();
                            serde_json::json!({
                                "code": m.code, "rule": m.name, "category": m.category,
                                "severity": m.default_severity, "needs_source": m.needs_source,
                                "summary": m.summary,
                            })
                        })
                        .collect();
                    serde_json::to_string_pretty(&list)? + "\n"
                }
            };
            write_out(&text)?;
            Ok(0)
        }
        Command::Rule { code } => match rules::find(&code) {
            Some(r) => {
                let m = r.meta();
                write_out(&format!(
                    "# {} {}\n\ncategory: {} · default severity: {} · {}\n\n{}",
                    m.code,
                    m.name,
                    m.category.as_str(),
                    m.default_severity.as_str(),
                    if m.needs_source {
                        "needs a source"
                    } else {
                        "runs on a target alone too"
                    },
                    m.docs_markdown()
                ))?;
                Ok(0)
            }
            None => {
                eprintln!("wirecheck: no rule '{code}'; `wirecheck rules` lists them");
                Ok(2)
            }
        },
        Command::Eval(args) => {
            let out = wirecheck::eval::execute(&args)?;
            eprint!("{}", out.stderr);
            write_out(&out.stdout)?;
            Ok(out.code)
        }
    }
}

fn write_out(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

fn parse_lang(opt: &Option<String>, what: &str) -> Result<Option<LangTag>, InputError> {
    match opt {
        None => Ok(None),
        Some(code) => LangTag::parse(code)
            .map(Some)
            .ok_or_else(|| InputError::UnknownLanguage {
                what: what.to_string(),
                code: code.clone(),
            }),
    }
}

/// Documents per parallel batch in JSONL mode: enough to keep the cores
/// busy, few enough that memory stays flat.
const BATCH: usize = 64;

fn check(args: CheckArgs) -> Result<u8> {
    let source_lang = parse_lang(&args.source_lang, "--source-lang")?;
    let target_lang = parse_lang(&args.target_lang, "--target-lang")?;
    let rules = RuleSet::default().select(&args.select).ignore(&args.ignore);
    let glossary = match &args.glossary {
        Some(path) => Some(std::sync::Arc::new(
            wirecheck::rules::names::load_glossary(path).map_err(|e| anyhow::anyhow!("{e}"))?,
        )),
        None => None,
    };
    let opts = CheckOptions { rules, glossary };
    let stdout = io::stdout();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mut renderer: Box<dyn Renderer> = match args.format {
        Format::Text => Box::new(TextRenderer::new(color)),
        Format::Json => Box::new(JsonRenderer::default()),
    };
    let mut out = BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    renderer.begin(&mut out)?;
    let jsonl = match args.input_format {
        InputFormat::Jsonl => true,
        InputFormat::Text => false,
        InputFormat::Auto => {
            args.files.len() == 1
                && [".jsonl", ".ndjson"]
                    .iter()
                    .any(|e| args.files[0].ends_with(e))
        }
    };
    let fail = |e: &InputError,
                renderer: &mut Box<dyn Renderer>,
                out: &mut BufWriter<_>,
                summary: &mut Summary|
     -> Result<()> {
        eprintln!("wirecheck: {e}");
        summary.errors += 1;
        renderer.error(out, e)?;
        Ok(())
    };
    if jsonl {
        if args.files.len() != 1 {
            anyhow::bail!("JSONL input takes one file (each line holds a source and a target)");
        }
        let path = &args.files[0];
        let reader: Box<dyn io::BufRead> = if path == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            let meta = std::fs::metadata(path);
            match meta {
                Ok(m) if m.is_dir() => {
                    let e = InputError::Directory { path: path.clone() };
                    fail(&e, &mut renderer, &mut out, &mut summary)?;
                    renderer.finish(&mut out, &summary)?;
                    out.flush()?;
                    return Ok(2);
                }
                _ => {}
            }
            match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::with_capacity(1 << 16, f)),
                Err(err) => {
                    let e = InputError::Io {
                        path: path.clone(),
                        reason: err.to_string(),
                    };
                    fail(&e, &mut renderer, &mut out, &mut summary)?;
                    renderer.finish(&mut out, &summary)?;
                    out.flush()?;
                    return Ok(2);
                }
            }
        };
        let mut records = JsonlReader::new(reader, path, source_lang, target_lang);
        loop {
            let batch: Vec<_> = records.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            let results: Vec<_> = batch
                .into_par_iter()
                .map(|rec| match rec.result {
                    Ok(doc) => {
                        let report = check_document(&doc, &opts);
                        Ok((doc, report))
                    }
                    Err(e) => Err(e),
                })
                .collect();
            for r in results {
                match r {
                    Ok((doc, report)) => {
                        summary.add(&report);
                        renderer.document(&mut out, &doc, &report)?;
                    }
                    Err(e) => fail(&e, &mut renderer, &mut out, &mut summary)?,
                }
            }
        }
    } else {
        let (src_path, tgt_path) = match args.files.as_slice() {
            [t] => (None, t),
            [s, t] => (Some(s), t),
            _ => anyhow::bail!("expected [SOURCE] TARGET"),
        };
        if src_path.is_some_and(|s| s == "-") && tgt_path == "-" {
            anyhow::bail!("only one of SOURCE and TARGET can be standard input");
        }
        let source =
            src_path.map(|p| ingest::read_plain(p, source_lang.clone(), args.max_input_bytes));
        let target = ingest::read_plain(tgt_path, target_lang, args.max_input_bytes);
        let mut ok = true;
        if let Some(Err(e)) = &source {
            fail(e, &mut renderer, &mut out, &mut summary)?;
            ok = false;
        }
        if let Err(e) = &target {
            fail(e, &mut renderer, &mut out, &mut summary)?;
            ok = false;
        }
        if ok {
            let target = target.context("target")?;
            let source = source.transpose().context("source")?;
            let id = args
                .id
                .clone()
                .or_else(|| {
                    std::path::Path::new(tgt_path)
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .filter(|_| tgt_path != "-")
                })
                .unwrap_or_else(|| "stdin".to_string());
            let doc = Document { id, source, target };
            let report = check_document(&doc, &opts);
            summary.add(&report);
            renderer.document(&mut out, &doc, &report)?;
        }
    }
    renderer.finish(&mut out, &summary)?;
    out.flush()?;
    if summary.errors > 0 {
        return Ok(2);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failed = match (threshold, summary.max_severity()) {
        (Some(t), Some(max)) => max >= t,
        _ => false,
    };
    Ok(u8::from(failed))
}
