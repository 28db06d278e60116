//! Link injection: one character of a URL changed.

use super::super::prng::SplitMix64;
use super::text::splice;
use regex::Regex;
use std::sync::OnceLock;

fn url_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?i)\b(?:https?://|www\.)[^\s<>"«»“”]+[^\s<>"«»“”.,;:!?)]"#).ok()
    })
    .as_ref()
}

/// Byte spans of the link-like tokens of a text: URLs, e-mail addresses,
/// @handles and #hashtags (their digits are identifiers, not figures).
pub fn link_spans(text: &str) -> Vec<(usize, usize)> {
    static OTHER: OnceLock<Option<Regex>> = OnceLock::new();
    let other = OTHER
        .get_or_init(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[@#][\w-]+").ok())
        .as_ref();
    url_regex()
        .into_iter()
        .chain(other)
        .flat_map(|re| re.find_iter(text).map(|m| (m.start(), m.end())))
        .collect()
}

/// The target with one letter of the host or path of a URL changed; only
/// URLs that the source carries too are changed.
pub fn change_url(source: &str, target: &str, rng: &mut SplitMix64) -> Option<String> {
    let re = url_regex()?;
    let urls: Vec<(usize, usize)> = re
        .find_iter(target)
        .filter(|m| source.contains(m.as_str()))
        .map(|m| (m.start(), m.end()))
        .collect();
    let &(s, e) = rng.pick(&urls)?;
    let url = &target[s..e];
    let host_start = url.find("://").map_or(0, |i| i + 3);
    let host_start = if url[host_start..].to_ascii_lowercase().starts_with("www.") {
        host_start + 4
    } else {
        host_start
    };
    let letters: Vec<usize> = url
        .char_indices()
        .filter(|&(i, c)| i >= host_start && c.is_ascii_lowercase())
        .map(|(i, _)| i)
        .collect();
    let &i = rng.pick(&letters)?;
    let old = url.as_bytes()[i];
    let new = b'a' + ((old - b'a' + 1 + rng.below(25) as u8) % 26);
    Some(splice(
        target,
        s + i,
        s + i + 1,
        &char::from(new).to_string(),
    ))
}
