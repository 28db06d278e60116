//! Plain text input: UTF-8, paragraphs separated by blank lines, BOM and CRLF
//! handled.

use super::{Origin, Side, split_paragraphs};
use crate::error::InputError;
use crate::lang::LangTag;
use std::io::Read;
use std::path::Path;

/// Reads all bytes of `path` (`-` is standard input), refusing directories
/// and inputs larger than `max_bytes`.
pub fn read_bytes(path: &str, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let io_err = |e: std::io::Error| InputError::Io {
        path: path.to_string(),
        reason: e.to_string(),
    };
    let mut buf = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(io_err)?;
    } else {
        let p = Path::new(path);
        let meta = std::fs::metadata(p).map_err(io_err)?;
        if meta.is_dir() {
            return Err(InputError::Directory {
                path: path.to_string(),
            });
        }
        if meta.len() > max_bytes {
            return Err(InputError::TooLarge {
                path: path.to_string(),
                size: meta.len(),
                limit: max_bytes,
            });
        }
        std::fs::File::open(p)
            .and_then(|f| f.take(max_bytes.saturating_add(1)).read_to_end(&mut buf))
            .map_err(io_err)?;
    }
    if buf.len() as u64 > max_bytes {
        return Err(InputError::TooLarge {
            path: path.to_string(),
            size: buf.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(buf)
}

/// Checks that `bytes` are UTF-8 text (no NUL bytes) and returns the text
/// without a leading BOM, plus the number of bytes skipped.
pub fn decode_text(path: &str, bytes: Vec<u8>) -> Result<(String, usize), InputError> {
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(InputError::Binary {
            path: path.to_string(),
            offset,
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = memchr::memchr_iter(b'\n', &e.as_bytes()[..offset]).count() + 1;
            return Err(InputError::Utf8 {
                path: path.to_string(),
                line,
                offset,
            });
        }
    };
    let (text, base) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest.to_string(), 3),
        None => (text, 0),
    };
    Ok((text, base))
}

/// Builds a side from text already in memory.
pub fn side_from_text(path: &str, text: String, base: usize, lang: Option<LangTag>) -> Side {
    let paragraphs = split_paragraphs(&text);
    Side {
        path: path.to_string(),
        text,
        declared_lang: lang,
        paragraphs,
        origin: Origin::File { base },
    }
}

/// Reads a plain-text file as one side of a pair.
pub fn read_plain(path: &str, lang: Option<LangTag>, max_bytes: u64) -> Result<Side, InputError> {
    let bytes = read_bytes(path, max_bytes)?;
    let (text, base) = decode_text(path, bytes)?;
    let side = side_from_text(path, text, base, lang);
    if side.paragraphs.is_empty() {
        return Err(InputError::Empty {
            path: path.to_string(),
        });
    }
    Ok(side)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_keeps_offsets() {
        let (t, base) = decode_text("x", b"\xef\xbb\xbfhi".to_vec()).unwrap();
        assert_eq!((t.as_str(), base), ("hi", 3));
    }

    #[test]
    fn reports_invalid_utf8_with_line() {
        let e = decode_text("f.txt", b"ok\nok\n\xff".to_vec()).unwrap_err();
        assert_eq!(
            e,
            InputError::Utf8 {
                path: "f.txt".into(),
                line: 3,
                offset: 6
            }
        );
        assert!(e.to_string().starts_with("f.txt:3:"));
    }

    #[test]
    fn reports_binary() {
        let e = decode_text("b.bin", b"PK\x03\x04\x00\x00".to_vec()).unwrap_err();
        assert!(matches!(e, InputError::Binary { offset: 4, .. }));
    }
}
