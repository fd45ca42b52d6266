//! Turning the bytes an admin gives us into text, without ever refusing outright.
//!
//! Config files are UTF-8 (or ASCII) in practice. Anything else is decoded lossily and flagged, so
//! the admin still gets a conversion and a clear word about what was replaced. A NUL byte means the
//! file is almost certainly not a config file at all (an archive, a binary): it is flagged too.

/// The largest input the page accepts (the CLI has no limit).
pub const PAGE_INPUT_LIMIT: usize = 5 * 1024 * 1024;

/// Text decoded from bytes, with what had to be done to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// 1-based line of the first byte sequence that was not valid UTF-8 (replaced by U+FFFD).
    pub invalid_utf8_line: Option<usize>,
    /// 1-based line of the first NUL byte.
    pub nul_line: Option<usize>,
}

impl Decoded {
    /// Whether the text was decoded exactly.
    pub fn is_exact(&self) -> bool {
        self.invalid_utf8_line.is_none()
    }
}

/// Decodes `bytes` as UTF-8, replacing invalid sequences, and says where the trouble started.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_vec(bytes.to_vec())
}

/// Decodes `bytes` as UTF-8, replacing invalid sequences, and says where the trouble started.
/// (The page's form: the native `decode_vec` path cost it ~190 B of wasm.)
#[cfg(target_arch = "wasm32")]
pub fn decode(bytes: &[u8]) -> Decoded {
    let line_of = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let nul_line = bytes.iter().position(|&b| b == 0).map(line_of);
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_string(),
            invalid_utf8_line: None,
            nul_line,
        },
        Err(e) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            invalid_utf8_line: Some(line_of(e.valid_up_to())),
            nul_line,
        },
    }
}

/// [`decode`] of bytes the caller gives away (the CLI's files): valid text keeps them, where
/// `decode` copies a 3.5 MB file. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_vec(bytes: Vec<u8>) -> Decoded {
    let line_of =
        |bytes: &[u8], offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    // `contains` is a memchr; a plain `position` looked at one byte at a time (17 M instructions
    // for a 3.5 MB file), and is only needed when there is a NUL.
    let nul_line = if bytes.contains(&0) {
        bytes
            .iter()
            .position(|&b| b == 0)
            .map(|k| line_of(&bytes, k))
    } else {
        None
    };
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            invalid_utf8_line: None,
            nul_line,
        },
        Err(e) => Decoded {
            invalid_utf8_line: Some(line_of(e.as_bytes(), e.utf8_error().valid_up_to())),
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            nul_line,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_first_bad_line() {
        let d = decode(b"a\nb\xff\nc\0");
        assert_eq!(d.invalid_utf8_line, Some(2));
        assert_eq!(d.nul_line, Some(3));
        assert_eq!(d.text, "a\nb\u{fffd}\nc\0");
        assert!(decode("é".as_bytes()).is_exact());
    }
}
