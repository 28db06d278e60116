//! The command line: exit codes, bad input, formats, colour.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;

fn wirecheck() -> Command {
    let mut c = Command::cargo_bin("wirecheck").expect("binary built");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    c
}

const CLEAN_SRC: &str = "corpora/samples/14-de-en-north-sea-storm/source.de.txt";
const CLEAN_TGT: &str = "corpora/samples/14-de-en-north-sea-storm/target.en.txt";
const OMISSION_SRC: &str = "corpora/samples/15-en-es-interstellar-object/source.en.txt";
const OMISSION_TGT: &str = "corpora/samples/15-en-es-interstellar-object/target.es.txt";
const ADDITION_SRC: &str = "corpora/samples/09-pt-en-amazon-deforestation/source.pt.txt";
const ADDITION_TGT: &str = "corpora/samples/09-pt-en-amazon-deforestation/target.en.txt";

fn temp_file(bytes: &[u8], suffix: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new()
        .suffix(suffix)
        .tempfile()
        .expect("temp file");
    f.write_all(bytes).expect("write");
    f
}

#[test]
fn clean_pair_exits_0() {
    wirecheck()
        .args(["check", CLEAN_SRC, CLEAN_TGT])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("error[").not())
        .stdout(predicate::str::contains("warning[").not());
}

#[test]
fn error_finding_exits_1() {
    wirecheck()
        .args(["check", OMISSION_SRC, OMISSION_TGT])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[WC501] omission"));
}

#[test]
fn fail_on_sets_the_threshold() {
    // Only warnings in this pair's structure findings: addition is a warning.
    wirecheck()
        .args(["check", ADDITION_SRC, ADDITION_TGT, "--select", "WC502"])
        .assert()
        .code(0);
    wirecheck()
        .args([
            "check",
            ADDITION_SRC,
            ADDITION_TGT,
            "--select",
            "WC502",
            "--fail-on",
            "warning",
        ])
        .assert()
        .code(1);
    wirecheck()
        .args(["check", OMISSION_SRC, OMISSION_TGT, "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn select_and_ignore_filter_rules() {
    wirecheck()
        .args(["check", OMISSION_SRC, OMISSION_TGT, "--ignore", "omission"])
        .assert()
        .stdout(predicate::str::contains("WC501").not());
}

#[test]
fn missing_file_exits_2_and_names_it() {
    wirecheck()
        .args(["check", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no/such/file.txt")
                .and(predicate::str::contains("cannot read")),
        );
}

#[test]
fn directory_exits_2() {
    wirecheck()
        .args(["check", "corpora", CLEAN_TGT])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("corpora: is a directory"));
}

#[test]
fn invalid_utf8_exits_2_with_line() {
    let f = temp_file(b"Good line.\n\nBad \xff\xfe line.\n", ".txt");
    let p = f.path().to_string_lossy().into_owned();
    wirecheck()
        .args(["check", &p])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{p}:3: invalid UTF-8")));
}

#[test]
fn binary_exits_2() {
    let f = temp_file(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ".txt");
    wirecheck()
        .args(["check", &f.path().to_string_lossy()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary"));
}

#[test]
fn empty_exits_2() {
    let f = temp_file(b"  \n\n \t\n", ".txt");
    wirecheck()
        .args(["check", CLEAN_SRC, &f.path().to_string_lossy()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("file is empty"));
}

#[test]
fn unknown_language_exits_2() {
    wirecheck()
        .args(["check", CLEAN_SRC, CLEAN_TGT, "--target-lang", "xx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown language 'xx'"));
}

#[test]
fn usage_error_exits_2() {
    wirecheck().args(["check"]).assert().code(2);
    wirecheck().args(["check", "a", "b", "c"]).assert().code(2);
    wirecheck().args(["frobnicate"]).assert().code(2);
}

#[test]
fn huge_line_is_fine() {
    let mut text = "The council met on Monday to discuss the budget. ".repeat(40_000);
    text.push('\n');
    let f = temp_file(text.as_bytes(), ".txt");
    wirecheck()
        .args(["check", &f.path().to_string_lossy(), "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn input_over_the_limit_exits_2() {
    wirecheck()
        .args(["check", CLEAN_SRC, CLEAN_TGT, "--max-input-bytes", "100"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exceeds the limit"));
}

#[test]
fn jsonl_bad_lines_are_reported_and_others_checked() {
    let src = std::fs::read_to_string(OMISSION_SRC).expect("sample");
    let tgt = std::fs::read_to_string(OMISSION_TGT).expect("sample");
    let good = serde_json::json!({"id": "good", "source": src, "target": tgt, "source_lang": "en", "target_lang": "es"});
    let input = format!("{good}\n{{not json\n{{\"id\":\"x\",\"target\":\"t\"}}\n{good}\n");
    let f = temp_file(input.as_bytes(), ".jsonl");
    let p = f.path().to_string_lossy().into_owned();
    let out = wirecheck()
        .args(["check", &p, "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{p}:2: invalid JSON")))
        .stderr(predicate::str::contains(format!(
            "{p}:3: missing field \"source\""
        )))
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["errors"][0]["line"], 2);
    assert_eq!(v["summary"]["errors"], 2);
    // Findings point into the JSONL file.
    let f0 = &v["documents"][0]["findings"][0];
    assert_eq!(f0["location"]["line"], 1);
}

#[test]
fn jsonl_from_stdin() {
    let line = serde_json::json!({"id": "a", "source": "Il sindaco ha parlato ieri.", "target": "The mayor spoke yesterday."});
    wirecheck()
        .args(["check", "--input-format", "jsonl", "-", "--format", "json"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"id\": \"a\""));
}

#[test]
fn plain_target_from_stdin() {
    wirecheck()
        .args(["check", CLEAN_SRC, "-"])
        .write_stdin(std::fs::read(CLEAN_TGT).expect("sample"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("==> stdin"));
}

#[test]
fn no_colour_when_not_a_terminal_or_no_color() {
    wirecheck()
        .args(["check", OMISSION_SRC, OMISSION_TGT])
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
    wirecheck()
        .env("NO_COLOR", "1")
        .args(["check", OMISSION_SRC, OMISSION_TGT, "--color", "auto"])
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
    wirecheck()
        .args(["check", OMISSION_SRC, OMISSION_TGT, "--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\x1b["));
}

#[test]
fn crlf_and_bom_keep_positions() {
    let src = "\u{feff}Il governo ha approvato ieri sera la manovra economica da trenta miliardi di euro.\r\n\r\nL'opposizione ha annunciato un ricorso alla Corte costituzionale contro le nuove norme fiscali.\r\n";
    let tgt = "\u{feff}The government approved the thirty billion euro budget last night.\r\n";
    let s = temp_file(src.as_bytes(), ".txt");
    let t = temp_file(tgt.as_bytes(), ".txt");
    let out = wirecheck()
        .args([
            "check",
            &s.path().to_string_lossy(),
            &t.path().to_string_lossy(),
            "-f",
            "json",
            "-s",
            "it",
            "-t",
            "en",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    let loc = &v["documents"][0]["findings"][0]["location"];
    assert_eq!(loc["side"], "source");
    assert_eq!(loc["line"], 3);
    assert_eq!(loc["column"], 1);
    let start = loc["byte_start"].as_u64().expect("number") as usize;
    assert!(src.as_bytes()[start..].starts_with("L'opposizione".as_bytes()));
}

#[test]
fn rules_and_rule_commands() {
    wirecheck()
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("WC501").and(predicate::str::contains("omission")));
    wirecheck()
        .args(["rule", "WC501"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("## What it does"));
    wirecheck()
        .args(["rule", "WC999"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule 'WC999'"));
    let out = wirecheck()
        .args(["rules", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
    assert!(v.as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn output_is_deterministic() {
    let run = || {
        wirecheck()
            .args(["check", OMISSION_SRC, OMISSION_TGT, "-f", "json"])
            .output()
            .expect("runs")
            .stdout
    };
    assert_eq!(run(), run());
}
