//! Checks a JSON report against the output contract (version 1) in
//! `docs/formats.md`: required fields, types and allowed values.

#![allow(dead_code)]

use serde_json::Value;

const CATEGORIES: &[&str] = &[
    "language",
    "untranslated",
    "omission",
    "addition",
    "quotes",
    "punctuation",
    "numbers",
    "names",
    "links",
    "literal",
    "boilerplate",
    "terminology",
    "formatting",
];
const SEVERITIES: &[&str] = &["error", "warning", "info"];

fn field<'a>(v: &'a Value, key: &str, at: &str) -> Result<&'a Value, String> {
    v.get(key).ok_or_else(|| format!("{at}: missing \"{key}\""))
}

fn uint(v: &Value, key: &str, at: &str) -> Result<u64, String> {
    field(v, key, at)?
        .as_u64()
        .ok_or_else(|| format!("{at}.{key}: not a non-negative integer"))
}

fn opt_uint(v: &Value, key: &str, at: &str) -> Result<(), String> {
    let x = field(v, key, at)?;
    if x.is_null() || x.is_u64() {
        Ok(())
    } else {
        Err(format!("{at}.{key}: not an integer or null"))
    }
}

fn string<'a>(v: &'a Value, key: &str, at: &str) -> Result<&'a str, String> {
    field(v, key, at)?
        .as_str()
        .ok_or_else(|| format!("{at}.{key}: not a string"))
}

fn side(v: &Value, at: &str) -> Result<u64, String> {
    string(v, "path", at)?;
    let lang = field(v, "lang", at)?;
    if !(lang.is_null() || lang.is_string()) {
        return Err(format!("{at}.lang: not a string or null"));
    }
    let c = field(v, "lang_confidence", at)?;
    if !(c.is_null() || c.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x))) {
        return Err(format!("{at}.lang_confidence: not in [0, 1]"));
    }
    uint(v, "paragraphs", at)
}

/// Validates a whole report.
pub fn validate(v: &Value) -> Result<(), String> {
    if uint(v, "version", "$")? != 1 {
        return Err("$.version: expected 1".into());
    }
    let docs = field(v, "documents", "$")?
        .as_array()
        .ok_or("$.documents: not an array")?;
    let mut findings = 0;
    for (i, d) in docs.iter().enumerate() {
        let at = format!("$.documents[{i}]");
        string(d, "id", &at)?;
        let src = field(d, "source", &at)?;
        let src_paras = if src.is_null() {
            None
        } else {
            Some(side(src, &format!("{at}.source"))?)
        };
        let tgt_paras = side(field(d, "target", &at)?, &format!("{at}.target"))?;
        if let Some(sp) = src_paras {
            let links = field(d, "alignment", &at)?
                .as_array()
                .ok_or(format!("{at}.alignment: not an array"))?;
            let (mut s_seen, mut t_seen) = (Vec::new(), Vec::new());
            for (k, l) in links.iter().enumerate() {
                let lat = format!("{at}.alignment[{k}]");
                for (key, seen) in [("source", &mut s_seen), ("target", &mut t_seen)] {
                    for x in field(l, key, &lat)?
                        .as_array()
                        .ok_or(format!("{lat}.{key}: not an array"))?
                    {
                        seen.push(x.as_u64().ok_or(format!("{lat}.{key}: not integers"))?);
                    }
                }
                let score = field(l, "score", &lat)?
                    .as_f64()
                    .ok_or(format!("{lat}.score: not a number"))?;
                if !(0.0..=1.0).contains(&score) {
                    return Err(format!("{lat}.score: not in [0, 1]"));
                }
            }
            if s_seen != (0..sp).collect::<Vec<_>>() || t_seen != (0..tgt_paras).collect::<Vec<_>>()
            {
                return Err(format!(
                    "{at}.alignment: does not cover every paragraph once, in order"
                ));
            }
        }
        for (k, f) in field(d, "findings", &at)?
            .as_array()
            .ok_or(format!("{at}.findings: not an array"))?
            .iter()
            .enumerate()
        {
            findings += 1;
            let fat = format!("{at}.findings[{k}]");
            let code = string(f, "code", &fat)?;
            if !(code.len() == 5
                && code.starts_with("WC")
                && code[2..].bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(format!("{fat}.code: {code}"));
            }
            string(f, "rule", &fat)?;
            if !CATEGORIES.contains(&string(f, "category", &fat)?) {
                return Err(format!("{fat}.category: unknown"));
            }
            if !SEVERITIES.contains(&string(f, "severity", &fat)?) {
                return Err(format!("{fat}.severity: unknown"));
            }
            let msg = string(f, "message", &fat)?;
            if msg.ends_with('.') || msg.chars().next().is_some_and(char::is_uppercase) {
                return Err(format!(
                    "{fat}.message: starts lowercase, no final period: {msg}"
                ));
            }
            opt_uint(f, "source_paragraph", &fat)?;
            opt_uint(f, "target_paragraph", &fat)?;
            let loc = field(f, "location", &fat)?;
            let lat = format!("{fat}.location");
            if !["source", "target"].contains(&string(loc, "side", &lat)?) {
                return Err(format!("{lat}.side: unknown"));
            }
            string(loc, "path", &lat)?;
            if uint(loc, "line", &lat)? == 0 || uint(loc, "column", &lat)? == 0 {
                return Err(format!("{lat}: line and column are 1-based"));
            }
            if uint(loc, "byte_start", &lat)? > uint(loc, "byte_end", &lat)? {
                return Err(format!("{lat}: byte_start after byte_end"));
            }
            let ev = field(f, "evidence", &fat)?;
            for key in ["source", "target"] {
                let x = field(ev, key, &format!("{fat}.evidence"))?;
                if !(x.is_null() || x.is_string()) {
                    return Err(format!("{fat}.evidence.{key}: not a string or null"));
                }
            }
        }
    }
    let summary = field(v, "summary", "$")?;
    if uint(summary, "documents", "$.summary")? != docs.len() as u64 {
        return Err("$.summary.documents: wrong count".into());
    }
    if uint(summary, "findings", "$.summary")? != findings {
        return Err("$.summary.findings: wrong count".into());
    }
    for key in ["by_category", "by_severity"] {
        let m = field(summary, key, "$.summary")?
            .as_object()
            .ok_or(format!("$.summary.{key}: not an object"))?;
        let allowed = if key == "by_category" {
            CATEGORIES
        } else {
            SEVERITIES
        };
        if m.keys().any(|k| !allowed.contains(&k.as_str())) {
            return Err(format!("$.summary.{key}: unknown key"));
        }
        if m.values().filter_map(Value::as_u64).sum::<u64>() != findings {
            return Err(format!("$.summary.{key}: counts do not add up"));
        }
    }
    Ok(())
}

#[test]
fn rejects_broken_reports() {
    let ok = serde_json::json!({"version": 1, "documents": [], "summary": {"documents": 0, "findings": 0, "by_category": {}, "by_severity": {}}});
    assert!(validate(&ok).is_ok());
    let mut bad = ok.clone();
    bad["version"] = 2.into();
    assert!(validate(&bad).is_err());
    let mut bad = ok;
    bad["summary"]["documents"] = 3.into();
    assert!(validate(&bad).is_err());
}
