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
    let b = line.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        let name: &[u8] = match c | 0x20 {
            b's' => b"secret",
            b'p' => b"pass",
            b't' => b"token",
            _ => return c == b'@',
        };
        b[i..]
            .get(..name.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(name))
    })
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
        let lower = name.to_ascii_lowercase();
        let httpd_directive = lower.starts_with("proxypass") || lower == "passenv";
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
