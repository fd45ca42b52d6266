//! koji-web's settings leave the httpd config for a new web.conf (part of the koji-web httpd rules).
//! Shared by several rules: it writes the notes of `web-options-to-web-conf`, `web-debug`,
//! `web-libpath`, `web-files-url`, `web-greeting`, `web-secret`, `web-unknown-option` and
//! (mod_python) `web-configfile`, whose files under `r1_7/` hold their metadata.
//!
//! Every koji-web PythonOption becomes `Name = value` in `[web]`, value exactly as Apache passed it;
//! the three old URL options become one `KojiFilesURL` when they agree; `PythonDebug On|Off`
//! becomes the boolean `PythonDebug = True|False`; `PythonPath "sys.path + ['…/lib']"` becomes
//! `LibPath`. Each web.conf line remembers the httpd line it came from. Under mod_python the
//! `PythonOption koji.web.ConfigFile` pointer is added where the first setting left.

use super::httpd_edit as edit;
use super::option_tables;
use super::r1_7::{
    web_configfile, web_debug, web_files_url, web_greeting, web_libpath, web_options_to_web_conf,
    web_secret, web_unknown_option,
};
use super::web_conf::{files_url, UrlOption};
use super::web_httpd::DEFAULT_WEB_CONF;
use super::{py2_cuts, redact_url, NewFile, Rule};
use crate::apps::WEB_PYTHON_OPTIONS;
use crate::httpd::HttpdConfig;
use crate::koji::options::Component;
use crate::options::Target;
use crate::report::{FileKind, Severity};
use crate::rules::context::Ctx;

/// A note about web.conf lines: rule, severity, input lines, web.conf lines, message.
type PendingNote = (
    &'static Rule,
    Severity,
    std::ops::Range<usize>,
    std::ops::Range<usize>,
    String,
);

/// Options 1.7 reads from web.conf (lower-cased); anything else is reported.
pub(crate) const WEB_CONF_OPTIONS: &[&str] = &[
    "sitename",
    "kojihuburl",
    "kojifilesurl",
    "kojitheme",
    "webprincipal",
    "webkeytab",
    "webccache",
    "krbservice",
    "webcert",
    "clientca",
    "kojihubca",
    "pythondebug",
    "logintimeout",
    "secret",
    "libpath",
    "loglevel",
    "logformat",
    "kojigreeting",
];

/// Builds web.conf from the PythonOptions (`legacy`), PythonDebug and PythonPath, and removes
/// them from the httpd config (PythonDebug stays under mod_python, where it still rules).
pub(crate) fn write_web_conf(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    scopes: &[usize],
    legacy: &[usize],
    needs: &[usize],
) {
    let mod_python = ctx.options.target == Target::ModPython;
    let input = ctx.input;
    let mut file = NewFile::new("web.conf", FileKind::WebConf);
    file.push("# koji-web settings for Koji 1.7, moved here by koji-migrate from the httpd config's PythonOptions.", None);
    file.push("[web]", None);
    let k = ctx.new_files.len();
    let mut notes: Vec<PendingNote> = Vec::new();

    // Every setting in file order: PythonOptions, PythonDebug, PythonPath.
    let mut items: Vec<usize> = legacy.to_vec();
    for &s in scopes {
        items.extend(edit::python_directives(cfg, s).into_iter().filter(|&i| {
            cfg.directive(i)
                .is_some_and(|d| d.is("PythonDebug") || d.is("PythonPath"))
        }));
    }
    items.sort_unstable();
    items.dedup();
    // About a line, a splice and a note per setting: a long config has tens of thousands, and
    // growing these by doubling copied each several times.
    file.lines.reserve(items.len());
    notes.reserve(items.len());

    // A PythonOption set more than once: mod_python used the one of the most specific section
    // (Location over Files/Directory over VirtualHost over the server), the later one among
    // equals. Only that one goes to web.conf, whatever the file order.
    // Keyed by the lower-cased names held in `lowered` (a `&str` key: the map type the rest of
    // the core uses, one hash table fewer in the page's wasm).
    let lowered: Vec<String> = legacy
        .iter()
        .map(|&i| {
            cfg.directive(i)
                .and_then(|d| d.arg(0))
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .collect();
    let mut effective: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    // Natively each setting is ranked once (ranking climbs the enclosing sections), not at each
    // comparison; the map then holds the effective one's place in `legacy`. The page ranks at
    // each comparison: the cache cost it 270 B.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut ranks: Vec<u8> = Vec::with_capacity(legacy.len());
        for &i in legacy {
            ranks.push(option_rank(cfg, i));
        }
        for (p, (&i, name)) in legacy.iter().zip(&lowered).enumerate() {
            if cfg.directive(i).and_then(|d| d.arg(0)).is_some() {
                let e = effective.entry(name.as_str()).or_insert(p);
                if (ranks[p], i) >= (ranks[*e], legacy[*e]) {
                    *e = p;
                }
            }
        }
        for p in effective.values_mut() {
            *p = legacy[*p];
        }
    }
    #[cfg(target_arch = "wasm32")]
    for (&i, name) in legacy.iter().zip(&lowered) {
        if cfg.directive(i).and_then(|d| d.arg(0)).is_some() {
            let e = effective.entry(name.as_str()).or_insert(i);
            if (option_rank(cfg, i), i) >= (option_rank(cfg, *e), *e) {
                *e = i;
            }
        }
    }
    // The three old URL options collapse into KojiFilesURL, deduced once.
    let url_of = |which: UrlOption| {
        effective
            .get(which.name().to_ascii_lowercase().as_str())
            .copied()
    };
    let urls: Vec<(UrlOption, usize)> = UrlOption::ALL
        .iter()
        .filter_map(|&u| url_of(u).map(|i| (u, i)))
        .collect();
    let explicit_files_url = legacy.iter().any(|&i| {
        cfg.directive(i)
            .and_then(|d| d.arg(0))
            .is_some_and(|n| n.eq_ignore_ascii_case("KojiFilesURL"))
    });
    let deduced = if urls.is_empty() || explicit_files_url {
        None
    } else {
        Some(files_url(
            &urls
                .iter()
                .map(|&(u, i)| (u, cfg.directive(i).and_then(|d| d.arg(1)).unwrap_or("")))
                .collect::<Vec<_>>(),
        ))
    };
    let first_url_item = urls.iter().map(|&(_, i)| i).min();
    let mut secret_seen = false;
    let mut splices = Vec::with_capacity(items.len());
    let mut span: Option<std::ops::Range<usize>> = None;
    let mut first_moved: Option<usize> = None;

    for &i in &items {
        let Some(d) = cfg.directive(i) else { continue };
        let line0 = cfg.items[i].lines().start;
        let lines = edit::lines(cfg, i);
        let origin = Some((input, line0));
        // The comment block right above a moved setting belongs to it: it moves along.
        for c in edit::comments_above(cfg, i) {
            let text = cfg.table.line(cfg.items[c].lines().start).trim_start();
            file.push(text.to_string(), Some((input, cfg.items[c].lines().start)));
            splices.push(cfg.remove_item(c));
        }
        let at = file.lines.len();
        if d.is("PythonDebug") {
            let value = d.arg(0).unwrap_or("");
            let boolean = match value.to_ascii_lowercase().as_str() {
                "on" => Some("True"),
                "off" => Some("False"),
                _ => None,
            };
            match boolean {
                Some(b) => {
                    file.push(format!("PythonDebug = {b}"), origin);
                    notes.push((&web_debug::RULE, Severity::Info, lines.clone(), at..at + 1, format!(
                        "PythonDebug {value} becomes PythonDebug = {b} in web.conf{}.",
                        if mod_python { "; the httpd directive stays and, under mod_python, still wins" } else { "" })));
                }
                None => notes.push((&web_debug::RULE, Severity::Warning, lines.clone(), at..at, format!(
                    "PythonDebug {value} is neither On nor Off; set PythonDebug = True or False in web.conf yourself."))),
            }
            if mod_python {
                continue;
            }
        } else if d.is("PythonPath") {
            let expr = d.arg(0).unwrap_or("");
            let paths = python_list_paths(expr);
            let lib = paths
                .iter()
                .find(|p| p.contains("koji-web") || p.ends_with("/lib"))
                .or(paths.first());
            match lib {
                Some(lib) => {
                    file.push(format!("LibPath = {lib}"), origin);
                    notes.push((&web_libpath::RULE, Severity::Info, lines.clone(), at..at + 1,
                        format!("PythonPath added {lib} to Python's path; in 1.7 that is LibPath in web.conf.")));
                    if paths.len() > 1 {
                        notes.push((&web_libpath::RULE, Severity::Warning, lines.clone(), at..at + 1,
                            "PythonPath named several directories; only one becomes LibPath. Check that the others are not needed.".into()));
                    }
                }
                None => notes.push((&web_libpath::RULE, Severity::Warning, lines.clone(), at..at,
                    "No directory could be read from this PythonPath; if koji-web's library is not in /usr/share/koji-web/lib, set LibPath in web.conf.".into())),
            }
        } else if let Some(&e) = effective
            .get(d.arg(0).unwrap_or("").to_ascii_lowercase().as_str())
            .filter(|&&e| e != i)
        {
            // Joined rather than formatted: a long config repeats its settings thousands of
            // times, and `format!` took 2 % of the CLI's instructions on these alone.
            let line = (cfg.items[e].lines().start + 1).to_string();
            notes.push((
                &web_options_to_web_conf::RULE,
                Severity::Warning,
                lines.clone(),
                at..at,
                [
                    d.arg(0).unwrap_or(""),
                    " is set more than once; mod_python used the one on line ",
                    &line,
                    ", so only that value goes to web.conf.",
                ]
                .concat(),
            ));
        } else {
            let (name, value) = (d.arg(0).unwrap_or(""), d.arg(1).unwrap_or(""));
            let lower = name.to_ascii_lowercase();
            let url = UrlOption::ALL
                .iter()
                .find(|u| u.name().eq_ignore_ascii_case(name))
                .copied();
            // The old URL options are the KojiFilesURL branches' business, deduced or not.
            let replaced = url.is_some() && deduced.is_some();
            let dropped = if replaced {
                None
            } else {
                option_tables::dropped_from(Component::Web, ctx.options.to, name)
            };
            let value = &*option_tables::written(Component::Web, ctx.options.to, value);
            if let Some(since) = dropped {
                notes.push((
                    &option_tables::RULE,
                    Severity::Info,
                    lines.clone(),
                    at..at,
                    format!(
                    "{name} is not carried into web.conf: koji-web has ignored it since {since}."),
                ));
            } else {
                match (url, &deduced) {
                    (Some(_), Some(Ok(top))) => {
                        let top = &option_tables::written(Component::Web, ctx.options.to, top)
                            .into_owned();
                        if Some(i) == first_url_item {
                            file.push(format!("KojiFilesURL = {top}"), origin);
                            ctx.facts.files_urls.push((input, line0, top.clone()));
                            let from: Vec<String> = urls
                                .iter()
                                .map(|(u, _)| {
                                    format!("{} (its {} directory)", u.name(), u.suffix())
                                })
                                .collect();
                            let maven = if urls.iter().any(|(u, _)| *u == UrlOption::Maven) {
                                " Maven links now point under packages/<name>/<version>/<release>/maven/ instead of /maven2."
                            } else {
                                ""
                            };
                            notes.push((&web_files_url::RULE, Severity::Info, lines.clone(), at..at + 1, format!(
                            "KojiFilesURL = {} replaces {}: Koji 1.7 derives every file link from it.{maven}",
                            redact_url(top), from.join(", "))));
                        }
                    }
                    (Some(_), Some(Err(conflict))) => {
                        if Some(i) == first_url_item {
                            file.push(
                                format!("KojiFilesURL = {}", super::FILES_URL_PLACEHOLDER),
                                origin,
                            );
                            notes.push((&web_files_url::RULE, Severity::Action, lines.clone(), at..at + 1, format!(
                            "KojiFilesURL could not be deduced: {conflict}. A placeholder that never resolves stands in web.conf: \
                             replace it with the URL of the top of /mnt/koji (the old URL options, which koji-web ignores, follow it as comments).")));
                        }
                        file.push(format!("# {name} = {value}"), origin);
                    }
                    (Some(u), None) => {
                        file.push(format!("{name} = {value}"), origin);
                        notes.push((&web_files_url::RULE, Severity::Warning, lines.clone(), at..at + 1, format!(
                        "{} is ignored by Koji 1.7; KojiFilesURL is set too and takes its place.", u.name())));
                    }
                    (None, _) => {
                        file.push(format!("{name} = {value}"), origin);
                        if py2_cuts(value) {
                            notes.push((&web_options_to_web_conf::RULE, Severity::Warning, lines.clone(), at..at + 1, format!(
                            "The value of {name} holds ' ;': Koji 1.7 on Python 2 reads web.conf with a parser that drops everything from there on. \
                             Rephrase the value without a blank before ';'.")));
                        }
                        if value.trim() != value {
                            notes.push((&web_options_to_web_conf::RULE, Severity::Warning, lines.clone(), at..at + 1, format!(
                            "The value of {name} starts or ends with blanks, which web.conf cannot keep (RawConfigParser strips them).")));
                        }
                        if lower == "kojifilesurl" {
                            ctx.facts.files_urls.push((input, line0, value.to_string()));
                        } else if lower == "kojihuburl" {
                            ctx.facts.hub_urls.push((input, line0, value.to_string()));
                        } else if lower == "kojigreeting" {
                            notes.push((&web_greeting::RULE, Severity::Info, lines.clone(), at..at + 1,
                            "KojiGreeting is kept, but Koji 1.7.0 does not read it; it works again from 1.7.1.".into()));
                        } else if lower == "secret" {
                            secret_seen = true;
                            if value == "CHANGE_ME" || value.is_empty() {
                                notes.push((&web_secret::RULE, Severity::Action, lines.clone(), at..at + 1,
                                "Secret still has the stock placeholder value: set it to a long random string in web.conf before starting koji-web.".into()));
                            }
                        } else if !WEB_CONF_OPTIONS.contains(&lower.as_str())
                            && !WEB_PYTHON_OPTIONS.contains(&lower.as_str())
                            && !lower.starts_with("rlimit_")
                        {
                            notes.push((&web_unknown_option::RULE, Severity::Warning, lines.clone(), at..at + 1, format!(
                            "Koji 1.7 does not read an option called {name}; it is copied to web.conf anyway, where it does no harm.")));
                        }
                    }
                }
            }
        }
        splices.push(cfg.remove_item(i));
        first_moved.get_or_insert(i);
        span = Some(match span {
            Some(s) => s.start.min(lines.start)..s.end.max(lines.end),
            None => lines,
        });
    }

    let mut pointer = None;
    if mod_python {
        // mod_python reads web.conf only when told where it is: the pointer takes the place of
        // the first setting that moved.
        if let Some(first) = first_moved {
            let line = edit::line_like(
                cfg,
                first,
                &format!("PythonOption koji.web.ConfigFile {DEFAULT_WEB_CONF}"),
            );
            pointer = Some(ctx.plan.change(&web_configfile::RULE, Severity::Info, edit::lines(cfg, first),
                vec![cfg.insert_before_item(first, vec![line])],
                "Under mod_python, koji-web reads web.conf only when PythonOption koji.web.ConfigFile names it; without it, it would keep looking for PythonOptions.".into()));
        }
    }
    let written = 2..file.lines.len();
    if !secret_seen {
        notes.push((&web_secret::RULE, Severity::Action, span.clone().unwrap_or(0..0), written.clone(),
            "No Secret was set: add Secret = <a long random string> to web.conf; koji-web signs login cookies with it.".into()));
    }
    notes.push((
        &web_secret::RULE,
        Severity::Info,
        span.clone().unwrap_or(0..0),
        written.clone(),
        "Login cookies change format in 1.7: every web user has to log in again after the upgrade."
            .into(),
    ));
    let target = if mod_python {
        "PythonOption koji.web.ConfigFile"
    } else {
        "the default path"
    };
    notes.push((&web_options_to_web_conf::RULE, Severity::Action, span.clone().unwrap_or(0..0), written, format!(
        "Install the new web.conf as {DEFAULT_WEB_CONF} (found through {target}), readable by apache only (mode 0640, it holds Secret).")));
    ctx.new_files.push(file);
    let main = span.map(|span| {
        ctx.plan.change(&web_options_to_web_conf::RULE, Severity::Info, span, splices,
            "koji-web's settings leave the httpd config for web.conf, section [web]: Koji 1.7 reads them there.".into())
    });
    if let Some(main) = main {
        ctx.new_files[k].created_by = Some((input, main));
        ctx.plan.depend_on_all(main, needs);
        if let Some(p) = pointer {
            ctx.plan.depends(p, main);
        }
    }
    for (rule, severity, lines, out, message) in notes {
        let lines = (!lines.is_empty()).then_some(lines);
        ctx.plan
            .note_new_file(rule, severity, lines, (k, out), main, message);
    }
}

/// How specific the section holding item `i` is, in the order Apache merges per-directory
/// settings (a later merge overrides an earlier one).
fn option_rank(cfg: &HttpdConfig, i: usize) -> u8 {
    cfg.ancestors(i)
        .filter_map(|a| cfg.directive(a))
        .map(|d| {
            // Compared in place: lower-casing a copy of each enclosing section's name cost
            // 20 M instructions at 100,000 lines.
            let is = |names: &[&str]| names.iter().any(|n| d.is(n));
            if is(&["location", "locationmatch"]) {
                3
            } else if is(&["directory", "directorymatch", "files", "filesmatch"]) {
                2
            } else {
                u8::from(d.is("virtualhost"))
            }
        })
        .max()
        .unwrap_or(0)
}

/// The quoted strings in a Python list expression like `sys.path + ['/a', "/b"]`.
fn python_list_paths(expr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(open) = expr.find('[') else {
        return out;
    };
    let Some(close) = expr[open..].find(']') else {
        return out;
    };
    let list = &expr[open + 1..open + close];
    let mut chars = list.chars();
    while let Some(c) = chars.next() {
        if c == '\'' || c == '"' {
            let s: String = chars.by_ref().take_while(|&x| x != c).collect();
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_python_path_lists() {
        assert_eq!(
            python_list_paths("sys.path + ['/usr/share/koji-web/lib']"),
            vec!["/usr/share/koji-web/lib"]
        );
        assert_eq!(
            python_list_paths("['/a', \"/b\"] + sys.path"),
            vec!["/a", "/b"]
        );
        assert!(python_list_paths("sys.path").is_empty());
    }
}
