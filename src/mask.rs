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
/// `token` (any case, [`is_secret_key`]), and a URL with credentials holds `@`
/// and `://`. Most lines do not, and this test costs no allocation: the CLI asks it of every
/// line it prints, a few megabytes.
pub fn may_mask(line: &str) -> bool {
    let b = line.as_bytes();
    // Whether a secret's name starts at `i`, or an `@` of a line that has a URL.
    let starts_at = |i: usize| {
        let name: &[u8] = match b[i] {
            b'@' => return line.contains("://"),
            c => match c | 0x20 {
                b's' => b"secret",
                b'p' => b"pass",
                b't' => b"token",
                _ => return false,
            },
        };
        b[i..]
            .get(..name.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(name))
    };
    // The last two places start no name (four bytes at least), but either may be an `@`:
    // tested as that alone (asking `starts_at` of each cost a tenth of the whole).
    let ends = || b[b.len().saturating_sub(2)..].contains(&b'@') && line.contains("://");
    // Sixteen places at a time (with the two bytes after them), looked at one by one only in
    // the rare window where one may start a name; the last window ends at the line's end
    // (some places are looked at twice), a shorter line is padded with zero bytes.
    let Some(last_start) = b.len().checked_sub(WINDOW) else {
        let mut padded = [0; WINDOW];
        padded[..b.len()].copy_from_slice(b);
        return may_start_a_name(&padded) && (0..b.len()).any(starts_at) || ends();
    };
    let mut start = 0;
    loop {
        let at = start.min(last_start);
        let window = b[at..at + WINDOW].try_into().unwrap_or(&[0; WINDOW]);
        if may_start_a_name(window) && (at..at + PLACES).any(starts_at) {
            return true;
        }
        if at == last_start {
            return ends();
        }
        start += PLACES;
    }
}

/// How many places [`may_start_a_name`] looks at.
const PLACES: usize = 16;

/// The bytes [`may_start_a_name`] reads: its places and the two bytes after them.
const WINDOW: usize = PLACES + 2;

/// Whether one of the first [`PLACES`] bytes of `window` starts `sec`, `pas` or `tok` (any
/// case: the first three letters of a secret's name) or is an `@`. A test of fewer letters
/// stops at many places of a printed line (`SetHandler`, `CustomLog`, `PythonPath` hold `se`,
/// `to`, `pa`), each then looked at byte by byte. Written as one branch-free loop over fixed
/// widths, which the compiler turns into a few vector compares.
///
/// The window is read as three overlapping runs of [`PLACES`] bytes (each place's first,
/// second and third byte), which the compiler loads as three vectors: indexing the window
/// three times in the loop had it build the first from single bytes, a fifth more
/// instructions.
fn may_start_a_name(window: &[u8; WINDOW]) -> bool {
    let run = |from: usize| -> [u8; PLACES] {
        let mut run = [0; PLACES];
        run.copy_from_slice(&window[from..from + PLACES]);
        run
    };
    let (first, second, third) = (run(0), run(1), run(2));
    let mut any = 0u8;
    for j in 0..PLACES {
        let (a, n, m) = (first[j] | 0x20, second[j] | 0x20, third[j] | 0x20);
        let hit = (a == b's') & (n == b'e') & (m == b'c')
            | (a == b'p') & (n == b'a') & (m == b's')
            | (a == b't') & (n == b'o') & (m == b'k')
            | (first[j] == b'@');
        any |= u8::from(hit);
    }
    any != 0
}

/// `line` with any secret value in it replaced by [`MASK`].
pub fn mask_line(line: &str) -> String {
    if !may_mask(line) {
        return line.to_string();
    }
    mask_flagged_line(line)
}

/// [`mask_line`] for a line [`may_mask`] let through, which is not asked again: the CLI asks
/// it of every line it prints, and masks the few it lets through.
pub fn mask_flagged_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    // httpd: PythonOption NAME VALUE, SetEnv NAME VALUE.
    let mut words = trimmed.split_whitespace();
    if let (Some(directive), Some(name)) = (words.next(), words.next()) {
        let is_option = directive.eq_ignore_ascii_case("PythonOption")
            || directive.eq_ignore_ascii_case("SetEnv");
        if is_option && is_secret_key(name) && words.next().is_some() {
            return [indent, directive, " ", name, " ", MASK].concat();
        }
    }
    // ini: NAME = VALUE or NAME: VALUE (comments are not settings).
    if !trimmed.starts_with(['#', ';', '[']) {
        if let Some(sep) = trimmed.find(['=', ':']) {
            let key = trimmed[..sep].trim();
            if !key.is_empty() && !key.contains(char::is_whitespace) && is_secret_key(key) {
                return [indent, &trimmed[..=sep], " ", MASK].concat();
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
            return [indent, name, " ", MASK].concat();
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

    /// The window-at-a-time `may_mask` says what a byte-by-byte scan says, for a name or `@`
    /// (in lines with a URL or without) at every place of lines up to 70 bytes (across the
    /// windows' edges), cut short or not, among bytes one bit away from them.
    #[test]
    fn may_mask_agrees_with_a_byte_scan() {
        let scan = |line: &str| {
            let b = line.as_bytes();
            (0..b.len()).any(|i| {
                (b[i] == b'@' && line.contains("://"))
                    || [&b"secret"[..], b"pass", b"token"].iter().any(|name| {
                        b[i..]
                            .get(..name.len())
                            .is_some_and(|w| w.eq_ignore_ascii_case(name))
                    })
            })
        };
        let mut checked = 0;
        for fill in [
            "x", "S", "r", "\u{53}E", "`", "P\u{e9}", "\u{f3}", "://", "a:/",
        ] {
            for word in [
                "secret", "SeCrEt", "secre", "pass", "pAsS", "pas", "token", "TOKEN", "toke", "@",
            ] {
                for len in 0..70 {
                    for at in 0..=len {
                        let pad: String = fill.chars().cycle().take(len).collect();
                        let (head, tail) =
                            pad.split_at(pad.char_indices().nth(at).map_or(pad.len(), |(k, _)| k));
                        let line = format!("{head}{word}{tail}");
                        assert_eq!(may_mask(&line), scan(&line), "{line:?}");
                        // The CLI remembers a line's answer for the line without its `\r`s.
                        assert_eq!(may_mask(&format!("{line}\r\r")), may_mask(&line));
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
        // An `@` matters only in a line with a URL (credentials): a mail address or a
        // Kerberos principal alone is not masked.
        for line in [
            "KojiHubURL = http://hub/kojihub",
            "    PythonDebug On",
            "",
            "ServerAdmin root@example.com",
            "    PythonOption WebPrincipal koji/web@EXAMPLE.COM",
            "principal = user@EXAMPLE.COM",
            "@",
        ] {
            assert!(!may_mask(line), "{line}");
            assert_eq!(mask_line(line), line);
        }
    }
}
