//! Masking secret values in text meant for logs (the CLI's printed diffs), the way CI systems
//! mask secrets: a fleet run's output often ends up in a build log that many people read.
//!
//! A line is masked when it sets a secret: an ini option or an httpd `PythonOption`/`SetEnv`
//! whose name is a secret's (`Secret`, `DBPass`, `*password*`, `*token`), or any URL with
//! `user:password@`. Only the value is replaced; the line keeps its shape, so the diff still
//! shows what changed where.

use crate::rules::{is_secret_key, redact_url};

/// What a masked value is replaced by.
pub const MASK: &str = "********";

/// Whether [`mask_line`] may change `line`: every secret's name holds `secret`, `pass` or
/// `token` (any case, [`is_secret_key`]), and a URL with credentials holds `@`. Most lines do
/// not, and this test costs no allocation.
pub fn may_mask(line: &str) -> bool {
    use crate::text::{bytes_equal as equal, word_of};
    let b = line.as_bytes();
    // Whether a secret's name or an `@` starts at `i`.
    let starts_at = |i: usize| {
        let name: &[u8] = match b[i] | 0x20 {
            b's' => b"secret",
            b'p' => b"pass",
            b't' => b"token",
            _ => return b[i] == b'@',
        };
        b[i..]
            .get(..name.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(name))
    };
    // Eight bytes at a time: only where one is `s`, `p`, `t` (any case) or `@` is looked at
    // (the CLI asks this of every line it prints, a few megabytes).
    let mut chunks = b.chunks_exact(8);
    for (k, chunk) in chunks.by_ref().enumerate() {
        let word = word_of(chunk);
        let lower = word | u64::from_le_bytes([0x20; 8]);
        let mut candidates =
            equal(lower, b's') | equal(lower, b'p') | equal(lower, b't') | equal(word, b'@');
        while candidates != 0 {
            if starts_at(k * 8 + candidates.trailing_zeros() as usize / 8) {
                return true;
            }
            candidates &= candidates - 1;
        }
    }
    (b.len() - chunks.remainder().len()..b.len()).any(starts_at)
}

/// `line` with any secret value in it replaced by [`MASK`].
pub fn mask_line(line: &str) -> String {
    if !may_mask(line) {
        return line.to_string();
    }
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    // httpd: PythonOption NAME VALUE, SetEnv NAME VALUE.
    let mut words = trimmed.split_whitespace();
    if let (Some(directive), Some(name)) = (words.next(), words.next()) {
        let is_option = directive.eq_ignore_ascii_case("PythonOption")
            || directive.eq_ignore_ascii_case("SetEnv");
        if is_option && is_secret_key(name) && words.next().is_some() {
            return format!("{indent}{directive} {name} {MASK}");
        }
    }
    // ini: NAME = VALUE or NAME: VALUE (comments are not settings).
    if !trimmed.starts_with(['#', ';', '[']) {
        if let Some(sep) = trimmed.find(['=', ':']) {
            let key = trimmed[..sep].trim();
            if !key.is_empty() && !key.contains(char::is_whitespace) && is_secret_key(key) {
                return format!("{indent}{}{} {MASK}", &trimmed[..sep], &trimmed[sep..=sep]);
            }
        }
    }
    // A broken setting, NAME VALUE without its separator: the ini readers refuse the line, and
    // the CLI shows it under the error note about it, so its value is masked all the same.
    // httpd's own directives with "pass" in their names (ProxyPass…, PassEnv) are not settings.
    if !trimmed.starts_with(['#', ';', '[']) {
        let name_end = trimmed
            .find(|c: char| c.is_whitespace() || c == '=' || c == ':')
            .unwrap_or(trimmed.len());
        let name = &trimmed[..name_end];
        let value = trimmed[name_end..].trim_start();
        let httpd_directive = name
            .get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("proxypass"))
            || name.eq_ignore_ascii_case("passenv");
        if is_secret_key(name)
            && !httpd_directive
            && !value.is_empty()
            && !value.starts_with(['=', ':'])
        {
            return format!("{indent}{name} {MASK}");
        }
    }
    // URLs with credentials anywhere in the line.
    if line.contains("://") && line.contains('@') {
        return line
            .split(' ')
            .map(|w| {
                if w.contains("://") {
                    redact_url(w)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_values_not_shapes() {
        assert_eq!(mask_line("Secret = abc%%d"), "Secret = ********");
        assert_eq!(mask_line("  DBPass: x"), "  DBPass: ********");
        assert_eq!(
            mask_line("    PythonOption Secret hunter2"),
            "    PythonOption Secret ********"
        );
        assert_eq!(
            mask_line("server = http://u:pw@h/kojihub"),
            "server = http://…@h/kojihub"
        );
        assert_eq!(mask_line("# Secret = example"), "# Secret = example");
        assert_eq!(
            mask_line("topurl = http://h/kojifiles"),
            "topurl = http://h/kojifiles"
        );
    }

    #[test]
    fn masks_broken_settings_too() {
        // No separator: the reader refuses the line, an error note shows it.
        assert_eq!(mask_line("DBPass hunter2"), "DBPass ********");
        assert_eq!(mask_line("  password hunter:2"), "  password ********");
        // httpd directives are not settings; a secret's name alone has no value.
        assert_eq!(
            mask_line("ProxyPass /koji http://h/koji"),
            "ProxyPass /koji http://h/koji"
        );
        assert_eq!(mask_line("PassEnv KOJI_CONFIG"), "PassEnv KOJI_CONFIG");
        assert_eq!(mask_line("DBPass"), "DBPass");
        assert_eq!(mask_line("# DBPass hunter2"), "# DBPass hunter2");
    }

    /// The word-at-a-time `may_mask` says what a byte-by-byte scan says, for a name or `@` at
    /// every place of lines up to 40 bytes, cut short or not, among bytes one bit away from
    /// them.
    #[test]
    fn may_mask_agrees_with_a_byte_scan() {
        let scan = |line: &str| {
            let b = line.as_bytes();
            (0..b.len()).any(|i| {
                b[i] == b'@'
                    || [&b"secret"[..], b"pass", b"token"].iter().any(|name| {
                        b[i..]
                            .get(..name.len())
                            .is_some_and(|w| w.eq_ignore_ascii_case(name))
                    })
            })
        };
        let mut checked = 0;
        for fill in ["x", "S", "r", "\u{53}E", "`", "P\u{e9}", "\u{f3}"] {
            for word in [
                "secret", "SeCrEt", "secre", "pass", "pAsS", "pas", "token", "TOKEN", "toke", "@",
            ] {
                for len in 0..40 {
                    for at in 0..=len {
                        let pad: String = fill.chars().cycle().take(len).collect();
                        let (head, tail) =
                            pad.split_at(pad.char_indices().nth(at).map_or(pad.len(), |(k, _)| k));
                        let line = format!("{head}{word}{tail}");
                        assert_eq!(may_mask(&line), scan(&line), "{line:?}");
                        assert_eq!(may_mask(head), scan(head), "{head:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 10_000);
    }

    /// `may_mask` lets through every line that masking changes.
    #[test]
    fn may_mask_lets_every_masked_line_through() {
        for line in [
            "Secret = abc",
            "  DBPass: x",
            "PythonOption Secret x",
            "SetEnv KOJI_TOKEN x",
            "x_password y",
            "see http://u:p@h/x",
            "AuthToken = abc",
            "PASS = 1",
        ] {
            assert!(may_mask(line), "{line}");
        }
        for line in ["KojiHubURL = http://hub/kojihub", "    PythonDebug On", ""] {
            assert!(!may_mask(line), "{line}");
            assert_eq!(mask_line(line), line);
        }
    }
}
