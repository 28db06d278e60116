//! Language codes: parsing BCP 47 / ISO 639 tags and mapping them to the
//! languages the detector knows.

use serde::Serialize;
use std::fmt;

/// ISO 639-3 code (as whatlang names it) and ISO 639-1 code, where one exists.
const CODES: &[(&str, &str)] = &[
    ("epo", "eo"),
    ("eng", "en"),
    ("rus", "ru"),
    ("cmn", "zh"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("ben", "bn"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ukr", "uk"),
    ("kat", "ka"),
    ("ara", "ar"),
    ("hin", "hi"),
    ("jpn", "ja"),
    ("heb", "he"),
    ("yid", "yi"),
    ("pol", "pl"),
    ("amh", "am"),
    ("jav", "jv"),
    ("kor", "ko"),
    ("nob", "nb"),
    ("dan", "da"),
    ("swe", "sv"),
    ("fin", "fi"),
    ("tur", "tr"),
    ("nld", "nl"),
    ("hun", "hu"),
    ("ces", "cs"),
    ("ell", "el"),
    ("bul", "bg"),
    ("bel", "be"),
    ("mar", "mr"),
    ("kan", "kn"),
    ("ron", "ro"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("mkd", "mk"),
    ("lit", "lt"),
    ("lav", "lv"),
    ("est", "et"),
    ("tam", "ta"),
    ("vie", "vi"),
    ("urd", "ur"),
    ("tha", "th"),
    ("guj", "gu"),
    ("uzb", "uz"),
    ("pan", "pa"),
    ("aze", "az"),
    ("ind", "id"),
    ("tel", "te"),
    ("pes", "fa"),
    ("mal", "ml"),
    ("ori", "or"),
    ("mya", "my"),
    ("nep", "ne"),
    ("sin", "si"),
    ("khm", "km"),
    ("tuk", "tk"),
    ("aka", "ak"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("afr", "af"),
    ("lat", "la"),
    ("slk", "sk"),
    ("cat", "ca"),
    ("tgl", "tl"),
    ("hye", "hy"),
    ("cym", "cy"),
];

/// Other spellings accepted on input, mapped to a 639-3 code.
const ALIASES: &[(&str, &str)] = &[
    ("zho", "cmn"),
    ("chi", "cmn"),
    ("ger", "deu"),
    ("fre", "fra"),
    ("cze", "ces"),
    ("dut", "nld"),
    ("gre", "ell"),
    ("rum", "ron"),
    ("slo", "slk"),
    ("per", "pes"),
    ("fas", "pes"),
    ("no", "nob"),
    ("nor", "nob"),
    ("nn", "nob"),
    ("iw", "heb"),
    ("in", "ind"),
    ("fil", "tgl"),
];

/// A language the detector and the tables know about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(usize);

impl Lang {
    /// Every known language.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..CODES.len()).map(Lang)
    }

    /// ISO 639-1 code (`en`, `zh`).
    pub fn code(self) -> &'static str {
        CODES[self.0].1
    }

    /// ISO 639-3 code as whatlang names it (`eng`, `cmn`).
    pub fn code3(self) -> &'static str {
        CODES[self.0].0
    }

    /// Looks up a bare language subtag (2 or 3 letters, any case).
    pub fn from_subtag(sub: &str) -> Option<Lang> {
        let lower = sub.to_ascii_lowercase();
        let lower = ALIASES
            .iter()
            .find(|(a, _)| *a == lower)
            .map(|(_, c)| (*c).to_string())
            .unwrap_or(lower);
        CODES
            .iter()
            .position(|(c3, c1)| *c3 == lower || *c1 == lower)
            .map(Lang)
    }

    /// The whatlang language for this code.
    pub fn to_whatlang(self) -> Option<whatlang::Lang> {
        whatlang::Lang::from_code(self.code3())
    }

    /// The language for a whatlang result.
    pub fn from_whatlang(l: whatlang::Lang) -> Option<Lang> {
        Lang::from_subtag(l.code())
    }

    /// English name of the language.
    pub fn name(self) -> &'static str {
        self.to_whatlang()
            .map(|l| l.eng_name())
            .unwrap_or("unknown")
    }

    /// True for languages written without spaces between words (length in
    /// characters says more there than in alphabetic scripts).
    pub fn is_cjk(self) -> bool {
        matches!(self.code(), "zh" | "ja" | "ko" | "th" | "km" | "my")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A parsed language tag: the language plus the script and region subtags
/// that tables may distinguish (`fr-CH`, `zh-Hant`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LangTag {
    /// The language.
    pub lang: Lang,
    /// Script subtag, title case (`Hant`), if given.
    pub script: Option<String>,
    /// Region subtag, upper case (`CH`), if given.
    pub region: Option<String>,
}

impl LangTag {
    /// Parses a BCP 47 tag or an ISO 639-1/639-3 code. `_` is accepted as a
    /// separator. Returns `None` for a language the tool does not know.
    pub fn parse(tag: &str) -> Option<LangTag> {
        let mut parts = tag.trim().split(['-', '_']);
        let lang = Lang::from_subtag(parts.next()?)?;
        let mut script = None;
        let mut region = None;
        for part in parts {
            if part.len() == 4 && part.chars().all(|c| c.is_ascii_alphabetic()) {
                let mut s = part.to_ascii_lowercase();
                s[..1].make_ascii_uppercase();
                script = Some(s);
            } else if (part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()))
                || (part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
            {
                region = Some(part.to_ascii_uppercase());
            }
        }
        Some(LangTag {
            lang,
            script,
            region,
        })
    }

    /// A tag for a bare language.
    pub fn bare(lang: Lang) -> LangTag {
        LangTag {
            lang,
            script: None,
            region: None,
        }
    }

    /// Table lookup keys from most to least specific: `zh-Hant-TW`,
    /// `zh-Hant`, `zh-TW`, `zh`.
    pub fn lookup_keys(&self) -> Vec<String> {
        let base = self.lang.code();
        let mut keys = Vec::with_capacity(4);
        if let (Some(s), Some(r)) = (&self.script, &self.region) {
            keys.push(format!("{base}-{s}-{r}"));
        }
        if let Some(s) = &self.script {
            keys.push(format!("{base}-{s}"));
        }
        if let Some(r) = &self.region {
            keys.push(format!("{base}-{r}"));
        }
        keys.push(base.to_string());
        keys
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.lang.code())?;
        if let Some(s) = &self.script {
            write!(f, "-{s}")?;
        }
        if let Some(r) = &self.region {
            write!(f, "-{r}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(LangTag::parse("it").map(|t| t.lang.code()), Some("it"));
        assert_eq!(LangTag::parse("ITA").map(|t| t.lang.code()), Some("it"));
        assert_eq!(LangTag::parse("zho").map(|t| t.lang.code()), Some("zh"));
        let t = LangTag::parse("zh-hant-tw").expect("parses");
        assert_eq!(t.to_string(), "zh-Hant-TW");
        assert_eq!(t.lookup_keys(), ["zh-Hant-TW", "zh-Hant", "zh-TW", "zh"]);
        assert_eq!(
            LangTag::parse("fr_CH").map(|t| t.to_string()),
            Some("fr-CH".into())
        );
    }

    #[test]
    fn rejects_unknown() {
        assert!(LangTag::parse("xx").is_none());
        assert!(LangTag::parse("").is_none());
        assert!(LangTag::parse("klingon").is_none());
    }

    #[test]
    fn every_code_maps_to_whatlang() {
        for l in Lang::all() {
            assert!(l.to_whatlang().is_some(), "{}", l.code3());
            assert_eq!(Lang::from_whatlang(l.to_whatlang().unwrap()), Some(l));
        }
        assert_eq!(whatlang::Lang::all().len(), Lang::all().count());
    }
}
