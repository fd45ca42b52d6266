//! Checks across files: the URLs each component uses must agree with each other and with what
//! httpd serves. Only possible when the admin gives several files at once. Shared: the notes
//! of `cross-files-url` and `cross-hub-url` (`r1_7/`).

use super::r1_7::{cross_files_url, cross_hub_url};
use super::{redact_url, Plan};
use crate::report::Severity;

/// A value found at (input index, 0-based line).
pub(crate) type Found = (usize, usize, String);

/// What the rules learnt about URLs while migrating.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    /// `topurl` values (existing or deduced) of kojid and client configs.
    pub topurls: Vec<Found>,
    /// `KojiFilesURL` values (existing or deduced).
    pub files_urls: Vec<Found>,
    /// `KojiHubURL` values.
    pub hub_urls: Vec<Found>,
    /// `server` values of kojid and client configs.
    pub servers: Vec<Found>,
    /// URL paths at which httpd configs serve `/mnt/koji`.
    pub file_aliases: Vec<Found>,
    /// URL paths at which httpd configs serve only a part of `/mnt/koji` (say its `packages`),
    /// with the directory they serve.
    pub part_aliases: Vec<(usize, usize, String, String)>,
    /// Every httpd input.
    pub httpd_inputs: Vec<usize>,
    /// Inputs that configure koji-hub in httpd.
    pub hub_httpd: Vec<usize>,
    /// kojira options that Koji 1.35 reads in hub.conf.
    pub moved_to_hub: Vec<super::r1_35::kojira_options_to_hub::Moved>,
}

/// The path part of an http(s) URL, without a trailing `/`.
fn url_path(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let path = rest.find('/').map_or("", |p| &rest[p..]);
    Some(path.trim_end_matches('/'))
}

pub(crate) fn check(facts: &Facts, plans: &mut [Plan], names: &[&str]) {
    topurl_not_served(facts, plans, names);
    if !facts.file_aliases.is_empty() {
        let served: Vec<&str> = facts
            .file_aliases
            .iter()
            .map(|(_, _, p)| p.trim_end_matches('/'))
            .collect();
        for (what, list) in [
            ("topurl", &facts.topurls),
            ("KojiFilesURL", &facts.files_urls),
        ] {
            for (input, line, url) in list {
                let Some(path) = url_path(url) else { continue };
                if !served.contains(&path) {
                    plans[*input].note(&cross_files_url::RULE, Severity::Warning, Some(*line..*line + 1), format!(
                        "{what} {} has the path '{path}', but the httpd config given serves /mnt/koji at {}. One of them needs to change.",
                        redact_url(url), served.join(", ")));
                }
            }
        }
    }
    // (With topurls, topurl_not_served says it on their lines.)
    if facts.file_aliases.is_empty()
        && facts.part_aliases.is_empty()
        && facts.topurls.is_empty()
        && !facts.files_urls.is_empty()
    {
        for &input in &facts.hub_httpd {
            plans[input].note(&cross_files_url::RULE, Severity::Info, None,
                "No httpd config given serves /mnt/koji. Koji 1.7's example hub config does, with Alias /kojifiles \"/mnt/koji/\" and a \
                 <Directory \"/mnt/koji\"> allowing Options Indexes; if no other server publishes /mnt/koji, add that and point topurl and \
                 KojiFilesURL at it.".into());
        }
    }
    let hubs: Vec<&str> = facts
        .hub_urls
        .iter()
        .map(|(_, _, u)| u.trim_end_matches('/'))
        .collect();
    if hubs.is_empty() {
        return;
    }
    for (input, line, server) in &facts.servers {
        if !hubs.contains(&server.trim_end_matches('/')) {
            plans[*input].note(&cross_hub_url::RULE, Severity::Warning, Some(*line..*line + 1), format!(
                "server {} differs from koji-web's KojiHubURL {}. That is fine if both reach the same hub (say an internal and an external name); otherwise align them.",
                redact_url(server), hubs.iter().map(|h| redact_url(h)).collect::<Vec<_>>().join(", ")));
        }
    }
}

/// kojid and the client fetch work files and repositories through `topurl` (`topurl/work/…`,
/// `topurl/repos/…`; before 1.7 a kojid with only `pkgurl` read them from `topdir`). When the
/// httpd configs given serve only a part of `/mnt/koji` (many pre-1.7 sites served only
/// `/packages`), or none of it, every build fails: said on each `topurl` line, naming the alias.
fn topurl_not_served(facts: &Facts, plans: &mut [Plan], names: &[&str]) {
    if !facts.file_aliases.is_empty() || facts.httpd_inputs.is_empty() {
        return;
    }
    let parts: Vec<String> = facts
        .part_aliases
        .iter()
        .map(|(input, line, url, target)| {
            format!(
                "{} line {}: Alias {url} {target}",
                names.get(*input).unwrap_or(&"?"),
                line + 1
            )
        })
        .collect();
    let what = if parts.is_empty() {
        "none of the httpd configs given serves /mnt/koji".to_string()
    } else {
        format!(
            "the httpd configs given serve only part of /mnt/koji ({})",
            parts.join("; ")
        )
    };
    for (input, line, url) in &facts.topurls {
        plans[*input].note(&cross_files_url::RULE, Severity::Warning, Some(*line..*line + 1), format!(
            "topurl {} must serve the whole of /mnt/koji: builders fetch work files and repositories through it (topurl/work/…, topurl/repos/…), \
             but {what}. Unless another server publishes /mnt/koji, add Alias /kojifiles \"/mnt/koji/\" with a <Directory \"/mnt/koji\"> that allows \
             Options Indexes, and point topurl at it; otherwise builds fail.",
            redact_url(url)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_urls() {
        assert_eq!(url_path("http://h/kojifiles/"), Some("/kojifiles"));
        assert_eq!(url_path("http://h"), Some(""));
        assert_eq!(url_path("kojifiles"), None);
    }
}
