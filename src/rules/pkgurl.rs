//! `pkgurl` → `topurl`, shared by kojid.conf and the client config.
//!
//! Koji 1.7 deduces every package URL from `topurl`, the URL of the top of `/mnt/koji`, and no
//! longer reads `pkgurl`. The deduction is the one Koji 1.7's own client suggests when it finds a
//! `pkgurl` alone: drop a trailing `/packages` (or `/packages/`). Nothing else is guessed.

use super::{redact_url, Rule};
use crate::ini::IniDocument;
use crate::report::Severity;
use crate::rules::context::Ctx;

/// `topurl` for a `pkgurl`, when it can be known.
pub fn topurl_from_pkgurl(pkgurl: &str) -> Option<&str> {
    // A URL has no blanks; a multi-line value is not a URL we can reason about.
    if pkgurl.contains(char::is_whitespace) {
        return None;
    }
    let trimmed = pkgurl.strip_suffix('/').unwrap_or(pkgurl);
    let top = trimmed.strip_suffix("/packages")?;
    (!top.is_empty() && !top.ends_with(':') && !top.ends_with("//")).then_some(top)
}

/// Rewrites every section's `pkgurl` of `ini` (every section, or only `only_section`).
pub(crate) fn migrate_sections(
    ini: &IniDocument,
    ctx: &mut Ctx<'_>,
    rule: &'static Rule,
    only_section: Option<&str>,
) {
    for merged in ini.merged_sections() {
        let section = merged.name;
        if only_section.is_some_and(|s| s != section) {
            continue;
        }
        let pkgurls: Vec<usize> = merged.find(ini, "pkgurl").collect();
        let topurls: Vec<usize> = merged.find(ini, "topurl").collect();
        if let Some(&t) = topurls.last() {
            let value = &ini.options[t].value;
            if value == super::FILES_URL_PLACEHOLDER {
                ctx.plan.note(rule, Severity::Action, Some(ini.options[t].lines.clone()), format!(
                    "[{section}] topurl is still koji-migrate's placeholder: replace it with the URL of the top of /mnt/koji."));
                continue;
            }
            ctx.facts
                .topurls
                .push((ctx.input, ini.options[t].lines.start, value.clone()));
        }
        let Some(&last) = pkgurls.last() else {
            continue;
        };
        let pkg = &ini.options[last];
        if !topurls.is_empty() {
            if ctx.options.keep_pkgurl {
                ctx.plan.note(rule, Severity::Info, Some(pkg.lines.clone()), format!(
                    "[{section}] already has topurl; pkgurl is kept for 1.6 builders (rolling upgrade) and ignored by 1.7."));
                continue;
            }
            for &p in &pkgurls {
                ctx.plan.change(rule, Severity::Info, ini.options[p].lines.clone(), vec![ini.remove_option(p)], format!(
                    "[{section}] already sets topurl, so pkgurl, which Koji 1.7 no longer reads, is removed."));
            }
            continue;
        }
        match topurl_from_pkgurl(&pkg.value) {
            Some(top) => {
                ctx.facts
                    .topurls
                    .push((ctx.input, pkg.lines.start, top.to_string()));
                let new_line = ini.rewrite_option_line(last, &topurl_key(&pkg.key), top);
                let (splice, how) = if ctx.options.keep_pkgurl {
                    (ini.insert_after_option(last, vec![new_line]), "added after pkgurl, which is kept for 1.6 (rolling upgrade; 1.7 ignores it)")
                } else {
                    (ini.replace_option(last, vec![new_line]), "replaces pkgurl")
                };
                ctx.plan.change(
                    rule,
                    Severity::Info,
                    pkg.lines.clone(),
                    vec![splice],
                    format!(
                    "[{section}] topurl = {} {how}: pkgurl pointed at its packages directory ({}).",
                    redact_url(top), redact_url(&pkg.value)),
                );
                // Earlier duplicates of pkgurl were already overridden; they go too.
                for &p in &pkgurls[..pkgurls.len() - 1] {
                    if !ctx.options.keep_pkgurl {
                        ctx.plan.change(rule, Severity::Info, ini.options[p].lines.clone(), vec![ini.remove_option(p)],
                            format!("[{section}] an earlier pkgurl, already overridden, is removed as well."));
                    }
                }
            }
            None => {
                // A placeholder kojid starts with but cannot fetch from; pkgurl stays as a comment
                // to decide by (or as it is, for 1.6 builders).
                let placeholder = ini.rewrite_option_line(
                    last,
                    &topurl_key(&pkg.key),
                    super::FILES_URL_PLACEHOLDER,
                );
                let splice = if ctx.options.keep_pkgurl {
                    ini.insert_after_option(last, vec![placeholder])
                } else {
                    let mut splice = ini.comment_out(last);
                    splice.insert.push(placeholder);
                    splice
                };
                ctx.plan.change(rule, Severity::Action, pkg.lines.clone(), vec![splice], format!(
                    "[{section}] pkgurl ({}) does not end in /packages, so topurl cannot be deduced from it: a placeholder topurl that never resolves \
                     is written. Replace it with the URL of the top of /mnt/koji; Koji 1.7 and later ignore pkgurl.",
                    redact_url(&pkg.value)));
            }
        }
    }
}

/// `topurl`, in the same letter case style as the `pkgurl` key it replaces.
fn topurl_key(pkg_key: &str) -> String {
    if pkg_key.chars().all(|c| c.is_ascii_uppercase()) {
        "TOPURL".into()
    } else {
        "topurl".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deduces_only_from_packages() {
        assert_eq!(topurl_from_pkgurl("http://h/packages"), Some("http://h"));
        assert_eq!(
            topurl_from_pkgurl("http://h/mnt/koji/packages/"),
            Some("http://h/mnt/koji")
        );
        assert_eq!(topurl_from_pkgurl("http://h/pkgs"), None);
        assert_eq!(topurl_from_pkgurl("/packages"), None);
        assert_eq!(topurl_from_pkgurl("http:///packages"), None);
        assert_eq!(
            topurl_from_pkgurl("http://h/packages\npkgurl = http://h/packages"),
            None
        );
    }
}
