//! Language identification of each side and each paragraph (whatlang),
//! restricted to the languages that can sensibly appear in news, and trusted
//! only on text long enough for the detector to be right.

use crate::ingest::Side;
use crate::lang::Lang;
use serde::Serialize;

/// Languages considered when nothing else is known: the news languages
/// whatlang tells apart well. Rarely seen languages that the detector
/// confuses with common ones (Esperanto, Latin, Javanese, Tagalog…) are left
/// out unless the pair names them.
pub const NEWS_LANGUAGES: &[&str] = &[
    "en", "fr", "de", "it", "es", "pt", "nl", "ru", "uk", "pl", "cs", "sv", "da", "nb", "fi", "hu",
    "ro", "el", "tr", "ar", "he", "hi", "zh", "ja", "ko", "bg", "sk", "hr", "sl", "lt", "lv", "et",
    "fa", "id", "vi", "th", "ka", "hy",
];

/// Bytes of a paragraph fed to the detector; the start says enough.
pub const SAMPLE_BYTES: usize = 320;

/// Fewest letters (alphabetic scripts) for a result to be trusted.
pub const MIN_LETTERS: usize = 40;

/// Fewest characters (CJK scripts, where one character says more) for a
/// result to be trusted.
pub const MIN_CJK_CHARS: usize = 12;

/// The language found for a text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Detection {
    /// The language.
    pub lang: Lang,
    /// whatlang's confidence, 0 to 1.
    pub confidence: f64,
    /// True when the detector says it is reliable and the text was long
    /// enough to trust it.
    pub reliable: bool,
}

/// A detector restricted to an allowlist.
pub struct Detector {
    inner: whatlang::Detector,
}

impl Detector {
    /// A detector for the news languages plus the `extra` languages.
    pub fn new(extra: &[Lang]) -> Detector {
        static BASE: std::sync::OnceLock<Vec<whatlang::Lang>> = std::sync::OnceLock::new();
        let base = BASE.get_or_init(|| {
            NEWS_LANGUAGES
                .iter()
                .filter_map(|c| Lang::from_subtag(c))
                .filter_map(Lang::to_whatlang)
                .collect()
        });
        let mut list: Vec<whatlang::Lang> = base
            .iter()
            .copied()
            .chain(extra.iter().copied().filter_map(Lang::to_whatlang))
            .collect();
        list.sort_by_key(|l| l.code());
        list.dedup();
        Detector {
            inner: whatlang::Detector::with_allowlist(list),
        }
    }

    /// Detects the language of `text`, looking at its first
    /// [`SAMPLE_BYTES`] bytes.
    pub fn detect(&self, text: &str) -> Option<Detection> {
        let sample = sample(text, SAMPLE_BYTES);
        let info = self.inner.detect(sample)?;
        let lang = Lang::from_whatlang(info.lang())?;
        let long_enough = long_enough(sample);
        Some(Detection {
            lang,
            confidence: info.confidence(),
            reliable: info.is_reliable() && long_enough,
        })
    }
}

/// The first `max` bytes of `text`, cut at a character boundary (and at a
/// word boundary where one is near).
pub fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = &text[..end];
    match cut.rfind(char::is_whitespace) {
        Some(ws) if ws > max / 2 => &cut[..ws],
        _ => cut,
    }
}

/// True when `text` has enough letters for a detection to be trusted.
pub fn long_enough(text: &str) -> bool {
    let (mut letters, mut cjk) = (0, 0);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            letters += usize::from(b.is_ascii_alphabetic());
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if crate::segment::is_cjk_char(c) {
            cjk += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
        i += c.len_utf8().max(1);
        if letters >= MIN_LETTERS || cjk >= MIN_CJK_CHARS {
            return true;
        }
    }
    letters >= MIN_LETTERS || cjk >= MIN_CJK_CHARS || (letters + 3 * cjk) >= MIN_LETTERS
}

/// Language found for a side and for each of its paragraphs.
#[derive(Debug, Clone, Default)]
pub struct SideLanguages {
    /// The language of the side as a whole, if one could be found.
    pub side: Option<Detection>,
    /// Per paragraph, in order.
    pub paragraphs: Vec<Option<Detection>>,
}

/// Paragraphs detected with whatlang to find a side's language when none is
/// declared; the rest are screened against it.
pub const PROBE_PARAGRAPHS: usize = 3;

/// Words of a paragraph looked at by the function-word screen.
pub const SCREEN_WORDS: usize = 30;

/// Share of function words of the expected language above which a
/// paragraph is taken to be in it without running the detector.
pub const SCREEN_SHARE: f64 = 0.22;

/// Detects the language of a side and of each of its paragraphs. The side's
/// language is the one holding most of the reliably detected text.
///
/// whatlang is the expensive step, so it is not run on every paragraph:
/// once the side's language is known (declared, or found on its first
/// paragraphs), a paragraph whose words are mostly that language's function
/// words (and not those of `other`, the other side's language) is taken to
/// be in it. Only the paragraphs that fail this screen — the ones that may be
/// in another language — go to the detector.
pub fn detect_side(side: &Side, detector: &Detector, other: Option<Lang>) -> SideLanguages {
    let n = side.paragraphs.len();
    let mut paragraphs: Vec<Option<Detection>> = vec![None; n];
    let mut done = vec![false; n];
    let hint = match side.declared_lang.as_ref() {
        Some(t) => Some(t.lang),
        None => {
            let mut votes: Vec<(Lang, usize)> = Vec::new();
            for i in 0..n.min(PROBE_PARAGRAPHS) {
                let d = detector.detect(side.paragraph_text(i));
                if let Some(d) = d.filter(|d| d.reliable) {
                    match votes.iter_mut().find(|(l, _)| *l == d.lang) {
                        Some(v) => v.1 += 1,
                        None => votes.push((d.lang, 1)),
                    }
                }
                paragraphs[i] = d;
                done[i] = true;
            }
            votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            votes.first().map(|v| v.0)
        }
    };
    let masks = crate::stopwords::word_masks();
    let screen = hint.and_then(|h| Some((h, masks.bit(h)?, other.and_then(|o| masks.bit(o)))));
    for i in 0..n {
        if done[i] {
            continue;
        }
        let text = side.paragraph_text(i);
        if let Some((lang, own, rival)) = screen {
            let s = sample(text, SAMPLE_BYTES);
            let p = crate::stopwords::profile(s, SCREEN_WORDS);
            if screened(&p, own, rival) {
                let share = f64::from(p.function[own]) / p.words as f64;
                paragraphs[i] = Some(Detection {
                    lang,
                    confidence: (0.5 + share).min(1.0),
                    // Eight words or more passed the screen: as long as the
                    // detector would need.
                    reliable: s.len() >= MIN_LETTERS,
                });
                continue;
            }
        }
        paragraphs[i] = detector.detect(text);
    }
    let mut weights: Vec<(Lang, f64, f64)> = Vec::new();
    let mut total = 0.0;
    for (i, d) in paragraphs.iter().enumerate() {
        let Some(d) = d.filter(|d| d.reliable) else {
            continue;
        };
        let w = side.paragraph_text(i).len().min(SAMPLE_BYTES) as f64;
        total += w;
        match weights.iter_mut().find(|(l, _, _)| *l == d.lang) {
            Some(e) => {
                e.1 += w;
                e.2 += w * d.confidence;
            }
            None => weights.push((d.lang, w, w * d.confidence)),
        }
    }
    weights.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let side_det = match weights.first() {
        Some(&(lang, w, wc)) => Some(Detection {
            lang,
            confidence: round3((wc / w) * (w / total)),
            reliable: true,
        }),
        None => detector.detect(&side.text).map(|mut d| {
            d.confidence = round3(d.confidence);
            d
        }),
    };
    SideLanguages {
        side: side_det,
        paragraphs,
    }
}

/// True when a paragraph's word profile says it is in language `own` (a
/// bit of the stopword masks): enough of its function words, clearly more
/// than the other side's language `rival`, and no other language's
/// distinctive words in any number.
fn screened(p: &crate::stopwords::Profile, own: usize, rival: Option<usize>) -> bool {
    if p.words < 8 {
        return false;
    }
    let fw = usize::from(p.function[own]);
    if (fw as f64) < SCREEN_SHARE * p.words as f64 {
        return false;
    }
    if let Some(r) = rival.filter(|r| *r != own)
        && fw < 2 * usize::from(p.function[r]) + 2
    {
        return false;
    }
    let own_dist = p.distinctive[own];
    let foreign = p
        .distinctive
        .iter()
        .enumerate()
        .filter(|(b, _)| *b != own)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    foreign < 2 || foreign * 2 <= own_dist
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det(text: &str) -> Option<Detection> {
        Detector::new(&[]).detect(text)
    }

    #[test]
    fn detects_long_paragraphs_reliably() {
        let d = det("Il sindaco di Roma ha annunciato ieri un nuovo piano per ridurre il traffico nel centro storico della città.").unwrap();
        assert_eq!(d.lang.code(), "it");
        assert!(d.reliable);
        let d = det("Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen.").unwrap();
        assert_eq!(d.lang.code(), "de");
    }

    #[test]
    fn short_text_is_never_reliable() {
        assert!(det("Rome, Monday").is_none_or(|d| !d.reliable));
        assert!(det("Angela Merkel").is_none_or(|d| !d.reliable));
    }

    #[test]
    fn sample_cuts_on_char_boundary() {
        let t = "é".repeat(400);
        let s = sample(&t, 321);
        assert!(s.len() <= 321);
        assert!(t.is_char_boundary(s.len()));
    }

    #[test]
    fn cjk_counts_as_long() {
        let d =
            det("北京市政府周一宣布，将在未来三年内投资五百亿元用于改善城市空气质量。").unwrap();
        assert_eq!(d.lang.code(), "zh");
        assert!(d.reliable);
    }
}
