//! web.conf (`[web]`): the URL options and the Secret, for a web.conf given as input. Shared:
//! it writes the notes of `web-files-url`, `web-secret` and `web-greeting` (`r1_7/`).
//!
//! Also home of the `KojiFilesURL` deduction, shared with the koji-web httpd rule: Koji 1.7 builds
//! package links as `KojiFilesURL + "/packages"` and image links as `+ "/images"`, and 1.6's Maven
//! repository lived at `/maven2` under the same top. So each old URL, without one trailing `/` and
//! its own suffix, names the top; when they all name the same top, that is `KojiFilesURL`.

use super::r1_7::{web_files_url, web_greeting, web_secret};
use super::redact_url;
use crate::ini::IniDocument;
use crate::report::Severity;
use crate::rules::context::Ctx;

/// The three URL options Koji 1.7 replaced by `KojiFilesURL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlOption {
    Packages,
    Maven,
    Images,
}

impl UrlOption {
    pub const ALL: [UrlOption; 3] = [UrlOption::Packages, UrlOption::Maven, UrlOption::Images];
    pub fn name(self) -> &'static str {
        match self {
            UrlOption::Packages => "KojiPackagesURL",
            UrlOption::Maven => "KojiMavenURL",
            UrlOption::Images => "KojiImagesURL",
        }
    }
    /// The directory under the top of /mnt/koji that the option pointed at.
    pub fn suffix(self) -> &'static str {
        match self {
            UrlOption::Packages => "/packages",
            UrlOption::Maven => "/maven2",
            UrlOption::Images => "/images",
        }
    }
}

/// `KojiFilesURL` from the old URL options, or why it cannot be known (in words for a note;
/// URLs redacted).
pub fn files_url(urls: &[(UrlOption, &str)]) -> Result<String, String> {
    let mut top: Option<(UrlOption, &str)> = None;
    for &(option, url) in urls {
        // A URL has no blanks; a value continued over several lines is not one to reason about.
        if url.contains(char::is_whitespace) {
            return Err(format!(
                "{} spans several lines or holds blanks, so it is no URL",
                option.name()
            ));
        }
        let trimmed = url.strip_suffix('/').unwrap_or(url);
        let Some(t) = trimmed
            .strip_suffix(option.suffix())
            .filter(|t| !t.is_empty())
        else {
            return Err(format!(
                "{} ({}) does not end in {}",
                option.name(),
                redact_url(url),
                option.suffix()
            ));
        };
        match top {
            Some((first, seen)) if seen != t => {
                return Err(format!(
                    "{} points under {} but {} under {}",
                    first.name(),
                    redact_url(seen),
                    option.name(),
                    redact_url(t)
                ))
            }
            _ => top = Some((option, t)),
        }
    }
    top.map(|(_, t)| t.to_string())
        .ok_or_else(|| "no URL option was set".to_string())
}

pub(crate) fn migrate(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    let section = "web";
    let last = |key: &str| ini.find(section, key).last();
    if let Some(o) = last("kojihuburl") {
        ctx.facts.hub_urls.push((
            ctx.input,
            ini.options[o].lines.start,
            ini.options[o].value.clone(),
        ));
    }
    let old: Vec<(UrlOption, usize)> = UrlOption::ALL
        .iter()
        .filter_map(|&u| last(u.name()).map(|o| (u, o)))
        .collect();
    if let Some(f) =
        last("kojifilesurl").filter(|&f| ini.options[f].value == super::FILES_URL_PLACEHOLDER)
    {
        ctx.plan.note(&web_files_url::RULE, Severity::Action, Some(ini.options[f].lines.clone()),
            "KojiFilesURL is still koji-migrate's placeholder: replace it with the URL of the top of /mnt/koji.".into());
    } else if let Some(f) = last("kojifilesurl") {
        ctx.facts.files_urls.push((
            ctx.input,
            ini.options[f].lines.start,
            ini.options[f].value.clone(),
        ));
        for &(u, o) in &old {
            ctx.plan.note(
                &web_files_url::RULE,
                Severity::Warning,
                Some(ini.options[o].lines.clone()),
                format!(
                    "{} is ignored by Koji 1.7; KojiFilesURL is what counts.",
                    u.name()
                ),
            );
        }
    } else if !old.is_empty() {
        let pairs: Vec<(UrlOption, &str)> = old
            .iter()
            .map(|&(u, o)| (u, ini.options[o].value.as_str()))
            .collect();
        let first = old.iter().map(|&(_, o)| o).min().unwrap_or(old[0].1);
        // From the first old option to the end of the last: the lines the change is about.
        let span = ini.options[first].lines.start
            ..old
                .iter()
                .map(|&(_, o)| ini.options[o].lines.end)
                .max()
                .unwrap_or(0);
        match files_url(&pairs) {
            Ok(top) => {
                let mut splices = vec![ini.replace_option(
                    first,
                    vec![ini.rewrite_option_line(first, "KojiFilesURL", &top)],
                )];
                for &(_, o) in &old {
                    if o != first {
                        splices.push(ini.remove_option(o));
                    }
                }
                for u in ini.options.iter().enumerate().filter(|(k, o)| {
                    UrlOption::ALL
                        .iter()
                        .any(|u| u.name().eq_ignore_ascii_case(&o.name))
                        && !old.iter().any(|&(_, x)| x == *k)
                }) {
                    // Earlier duplicates of the same options go too.
                    splices.push(ini.remove_option(u.0));
                }
                ctx.facts
                    .files_urls
                    .push((ctx.input, ini.options[first].lines.start, top.clone()));
                ctx.plan.change(
                    &web_files_url::RULE,
                    Severity::Info,
                    span,
                    splices,
                    format!(
                        "KojiFilesURL = {} replaces the old URL options, which Koji 1.7 ignores.",
                        redact_url(&top)
                    ),
                );
            }
            Err(conflict) => {
                // A placeholder that never resolves, the old options kept as comments to decide by.
                let mut splices = vec![ini.insert_before_option(
                    first,
                    vec![ini.rewrite_option_line(
                        first,
                        "KojiFilesURL",
                        super::FILES_URL_PLACEHOLDER,
                    )],
                )];
                splices.extend(old.iter().map(|&(_, o)| ini.comment_out(o)));
                ctx.plan.change(&web_files_url::RULE, Severity::Action, span, splices, format!(
                    "KojiFilesURL could not be deduced: {conflict}. A placeholder that never resolves is written: replace it with the URL of the top of /mnt/koji \
                     (the old options, which koji-web ignores, stay as comments)."));
            }
        }
    }
    match last("secret") {
        None if ini.section_names().contains(&section) => ctx.plan.note(&web_secret::RULE, Severity::Action, None,
            "web.conf sets no Secret: add Secret = <a long random string>; koji-web signs login cookies with it.".into()),
        Some(o) if ini.options[o].value == "CHANGE_ME" || ini.options[o].value.is_empty() => ctx.plan.note(&web_secret::RULE, Severity::Action,
            Some(ini.options[o].lines.clone()), "Secret still has the stock placeholder value: set it to a long random string.".into()),
        _ => {}
    }
    if let Some(o) = last("kojigreeting") {
        ctx.plan.note(
            &web_greeting::RULE,
            Severity::Info,
            Some(ini.options[o].lines.clone()),
            "Koji 1.7.0 does not read KojiGreeting; it works again from 1.7.1.".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deduces_when_all_agree() {
        let top = "http://s/mnt/koji";
        assert_eq!(
            files_url(&[
                (UrlOption::Packages, "http://s/mnt/koji/packages"),
                (UrlOption::Maven, "http://s/mnt/koji/maven2/"),
                (UrlOption::Images, "http://s/mnt/koji/images")
            ]),
            Ok(top.to_string())
        );
    }

    #[test]
    fn conflicts_are_explained() {
        let e = files_url(&[
            (UrlOption::Packages, "http://a/packages"),
            (UrlOption::Images, "http://b/images"),
        ])
        .unwrap_err();
        assert!(e.contains("http://a") && e.contains("http://b"), "{e}");
        assert!(files_url(&[(UrlOption::Maven, "http://a/maven")])
            .unwrap_err()
            .contains("/maven2"));
    }
}
