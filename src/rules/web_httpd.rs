//! koji-web's httpd config: wsgi_publisher, mod_wsgi, and the move of every setting to web.conf.
//!
//! Before (1.6 stock): `Alias /koji "/usr/share/koji-web/scripts/"`, and in that directory
//! `SetHandler mod_python`, `PythonHandler kojiweb.publisher`, `PythonDebug On`, fourteen
//! `PythonOption`s, `PythonPath "sys.path + ['/usr/share/koji-web/lib']"`,
//! `PythonCleanupHandler kojiweb.handlers::cleanup`, `PythonAutoReload Off`.
//!
//! After, mod_wsgi: the Alias names `wsgi_publisher.py`; the directory holds `Options ExecCGI` and
//! `SetHandler wsgi-script` and no mod_python directive; a new `web.conf` holds the settings
//! (`[web]`, one line per option, `KojiFilesURL` for the three old URLs, `PythonDebug = True`,
//! `LibPath`).
//!
//! After, mod_python: same Alias and web.conf; `PythonHandler wsgi_publisher`; the cleanup
//! handler (its module is gone) and the PythonOptions removed; `PythonOption koji.web.ConfigFile`
//! added, without which mod_python would keep reading the (now removed) PythonOptions.

use super::httpd_edit::{self as edit, App};
use super::hub_httpd::{changes_of, depend_all, names, python_directives};
use super::web_conf::{files_url, UrlOption};
use super::{
    redact_url, NewFile, Rule, ALREADY_MIGRATED, WEB_ALIAS_WSGI, WEB_CONFIGFILE, WEB_DEBUG,
    WEB_FILES_URL, WEB_GREETING, WEB_HANDLER_MOD_PYTHON, WEB_HANDLER_WSGI, WEB_LIBPATH,
    WEB_OPTIONS_TO_WEB_CONF, WEB_REMOVED_HANDLERS, WEB_SECRET, WEB_THEME_ALIAS, WEB_UNKNOWN_OPTION,
};
use crate::detect::WEB_PYTHON_OPTIONS;
use crate::httpd::{quote_arg, HttpdConfig};
use crate::migrate::{Ctx, Target};
use crate::report::{FileKind, Severity};
use crate::text::Splice;

/// A note about web.conf lines: rule, severity, input lines, web.conf lines, message.
type PendingNote = (
    &'static Rule,
    Severity,
    std::ops::Range<usize>,
    std::ops::Range<usize>,
    String,
);

pub(crate) const DEFAULT_WEB_CONF: &str = "/etc/kojiweb/web.conf";

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

pub(crate) fn migrate(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    let scopes = edit::scopes(cfg, App::Web);
    let options = edit::python_options(cfg, App::Web, &scopes);
    let web_aliases = script_aliases(cfg, &scopes);
    theme_aliases(cfg, ctx);
    if scopes.is_empty() && options.is_empty() && web_aliases.is_empty() {
        return;
    }
    let mod_python = ctx.options.target == Target::ModPython;
    let mut changed = false;

    for &(a, ref new_target) in &web_aliases {
        ctx.plan.change(
            &WEB_ALIAS_WSGI,
            Severity::Info,
            edit::lines(cfg, a),
            vec![edit::replace(
                cfg,
                a,
                vec![edit::with_arg(cfg, a, 1, new_target)],
            )],
            format!(
                "The koji-web Alias now names the script {new_target}, Koji 1.7's entry point."
            ),
        );
        changed = true;
    }

    // An existing koji.web.ConfigFile means a web.conf is already in use.
    let config_file = options.iter().rev().find_map(|&i| {
        let d = cfg.directive(i)?;
        d.arg(0)
            .filter(|n| n.eq_ignore_ascii_case("koji.web.ConfigFile"))
            .map(|_| (i, d.arg(1).unwrap_or("").to_string()))
    });
    let legacy: Vec<usize> = options
        .iter()
        .copied()
        .filter(|&i| Some(i) != config_file.as_ref().map(|c| c.0))
        .collect();

    for &scope in &scopes {
        changed |= migrate_scope(cfg, ctx, scope, mod_python, config_file.is_some());
    }
    // Without the handler swap (still mod_python), moving the settings would break koji-web.
    let handler_changes: Vec<usize> = changes_of(ctx, &WEB_HANDLER_WSGI);

    if let Some((i, path)) = &config_file {
        if !mod_python {
            let splice = if edit::norm_path(path) == DEFAULT_WEB_CONF {
                edit::remove(cfg, *i)
            } else {
                edit::replace(
                    cfg,
                    *i,
                    vec![edit::line_like(
                        cfg,
                        *i,
                        &format!("SetEnv koji.web.ConfigFile {}", quote_arg(path, None)),
                    )],
                )
            };
            let c = ctx.plan.change(&WEB_CONFIGFILE, Severity::Info, edit::lines(cfg, *i), vec![splice],
                "Under mod_wsgi, koji-web finds web.conf through SetEnv koji.web.ConfigFile (needed only for a path other than /etc/kojiweb/web.conf).".into());
            depend_all(ctx, c, &handler_changes);
            changed = true;
        }
        if !legacy.is_empty() {
            let span =
                cfg.items[legacy[0]].lines.start..cfg.items[legacy[legacy.len() - 1]].lines.end;
            let message = format!("koji.web.ConfigFile is set, so Koji 1.7 reads web.conf and ignores these PythonOptions ({}). \
                Copy any value that matters into web.conf.", names(cfg, &legacy));
            if mod_python {
                ctx.plan
                    .note(&WEB_UNKNOWN_OPTION, Severity::Warning, Some(span), message);
            } else {
                let c = ctx.plan.change(
                    &WEB_UNKNOWN_OPTION,
                    Severity::Warning,
                    span,
                    legacy.iter().map(|&i| edit::remove(cfg, i)).collect(),
                    message,
                );
                depend_all(ctx, c, &handler_changes);
            }
            changed = true;
        }
    } else if !legacy.is_empty()
        || scopes
            .iter()
            .any(|&s| python_setting(cfg, s, mod_python).is_some())
    {
        write_web_conf(cfg, ctx, &scopes, &legacy, &handler_changes);
        changed = true;
    }

    if !changed {
        let form = if mod_python {
            "mod_python with web.conf"
        } else {
            "mod_wsgi"
        };
        ctx.plan.note(
            &ALREADY_MIGRATED,
            Severity::Info,
            None,
            format!("The koji-web part is already in Koji 1.7 ({form}) form."),
        );
    }
}

/// Handler changes in one koji-web section; returns whether anything changed.
fn migrate_scope(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    scope: usize,
    mod_python: bool,
    has_config_file: bool,
) -> bool {
    let mut changed = false;
    let python = python_directives(cfg, scope);
    let named = |name: &'static str| {
        python
            .iter()
            .copied()
            .filter(move |&i| cfg.directive(i).is_some_and(|d| d.is(name)))
    };
    let arg0 = |i: usize| {
        cfg.directive(i)
            .and_then(|d| d.arg(0))
            .unwrap_or("")
            .to_string()
    };

    // Handlers whose modules 1.7 deleted: gone in both modes.
    let dead_cleanup: Vec<usize> = named("PythonCleanupHandler")
        .filter(|&i| arg0(i).starts_with("kojiweb."))
        .collect();
    for &i in &dead_cleanup {
        ctx.plan.change(&WEB_REMOVED_HANDLERS, Severity::Info, edit::lines(cfg, i), vec![edit::remove(cfg, i)],
            format!("{} no longer exists in Koji 1.7; Apache would fail every request trying to import it.", arg0(i)));
        changed = true;
    }
    let handlers: Vec<usize> = named("PythonHandler").collect();

    if mod_python {
        for &h in &handlers {
            let v = arg0(h);
            let lower = v.to_ascii_lowercase();
            let kojis = lower.starts_with("kojiweb") || lower.starts_with("mod_python.publisher");
            if v != "wsgi_publisher" && !kojis {
                // Someone's own handler (in a <Files> inside koji-web's directory, say): not
                // koji-web's to replace, and replacing it would make that section koji-web's.
                ctx.plan.note(&WEB_HANDLER_MOD_PYTHON, Severity::Warning, Some(edit::lines(cfg, h)),
                    format!("PythonHandler {v} is not one of koji-web's handlers, so it is left as it is; koji-web 1.7 itself needs PythonHandler wsgi_publisher."));
            } else if v != "wsgi_publisher" {
                ctx.plan.change(&WEB_HANDLER_MOD_PYTHON, Severity::Info, edit::lines(cfg, h), vec![edit::replace(cfg, h, vec![edit::with_arg(cfg, h, 0, "wsgi_publisher")])],
                    format!("PythonHandler {v} becomes wsgi_publisher, the only koji-web handler 1.7 has under mod_python."));
                changed = true;
            }
        }
        return changed;
    }

    let rest: Vec<usize> = python
        .iter()
        .copied()
        .filter(|i| !dead_cleanup.contains(i))
        .filter(|&i| {
            !cfg.directive(i).is_some_and(|d| {
                d.is("PythonOption")
                    || (!has_config_file && (d.is("PythonPath") || d.is("PythonDebug")))
            })
        })
        .collect();
    let Some((splices, span)) = edit::wsgi_handler_swap(cfg, scope, &rest) else {
        return changed;
    };
    ctx.plan.change(&WEB_HANDLER_WSGI, Severity::Info, span, splices,
        "koji-web is served by mod_wsgi: Options ExecCGI and SetHandler wsgi-script replace SetHandler mod_python, and the mod_python \
         handler directives are removed (Apache refuses them when mod_python is not loaded).".into());
    true
}

/// `PythonDebug` or `PythonPath` directly in a koji-web section (settings that go to web.conf).
/// Under mod_python, PythonDebug stays where it is, so only PythonPath counts there.
fn python_setting(cfg: &HttpdConfig, scope: usize, mod_python: bool) -> Option<usize> {
    python_directives(cfg, scope).into_iter().find(|&i| {
        cfg.directive(i)
            .is_some_and(|d| (d.is("PythonDebug") && !mod_python) || d.is("PythonPath"))
    })
}

/// Builds web.conf from the PythonOptions (`legacy`), PythonDebug and PythonPath, and removes
/// them from the httpd config (PythonDebug stays under mod_python, where it still rules).
fn write_web_conf(
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
        items.extend(python_directives(cfg, s).into_iter().filter(|&i| {
            cfg.directive(i)
                .is_some_and(|d| d.is("PythonDebug") || d.is("PythonPath"))
        }));
    }
    items.sort_unstable();
    items.dedup();

    // A PythonOption set more than once: mod_python used the one of the most specific section
    // (Location over Files/Directory over VirtualHost over the server), the later one among
    // equals. Only that one goes to web.conf, whatever the file order.
    let mut effective: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &i in legacy {
        if let Some(name) = cfg.directive(i).and_then(|d| d.arg(0)) {
            let e = effective.entry(name.to_ascii_lowercase()).or_insert(i);
            if (option_rank(cfg, i), i) >= (option_rank(cfg, *e), *e) {
                *e = i;
            }
        }
    }
    // The three old URL options collapse into KojiFilesURL, deduced once.
    let url_of = |which: UrlOption| effective.get(&which.name().to_ascii_lowercase()).copied();
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
    let mut splices = Vec::new();
    let mut span: Option<std::ops::Range<usize>> = None;
    let mut first_moved: Option<usize> = None;

    for &i in &items {
        let Some(d) = cfg.directive(i) else { continue };
        let line0 = cfg.items[i].lines.start;
        let lines = edit::lines(cfg, i);
        let origin = Some((input, line0));
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
                    notes.push((&WEB_DEBUG, Severity::Info, lines.clone(), at..at + 1, format!(
                        "PythonDebug {value} becomes PythonDebug = {b} in web.conf{}.",
                        if mod_python { "; the httpd directive stays and, under mod_python, still wins" } else { "" })));
                }
                None => notes.push((&WEB_DEBUG, Severity::Warning, lines.clone(), at..at, format!(
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
                    notes.push((&WEB_LIBPATH, Severity::Info, lines.clone(), at..at + 1,
                        format!("PythonPath added {lib} to Python's path; in 1.7 that is LibPath in web.conf.")));
                    if paths.len() > 1 {
                        notes.push((&WEB_LIBPATH, Severity::Warning, lines.clone(), at..at + 1,
                            "PythonPath named several directories; only one becomes LibPath. Check that the others are not needed.".into()));
                    }
                }
                None => notes.push((&WEB_LIBPATH, Severity::Warning, lines.clone(), at..at,
                    "No directory could be read from this PythonPath; if koji-web's library is not in /usr/share/koji-web/lib, set LibPath in web.conf.".into())),
            }
        } else if effective
            .get(&d.arg(0).unwrap_or("").to_ascii_lowercase())
            .is_some_and(|&e| e != i)
        {
            let e = effective[&d.arg(0).unwrap_or("").to_ascii_lowercase()];
            notes.push((&WEB_OPTIONS_TO_WEB_CONF, Severity::Warning, lines.clone(), at..at, format!(
                "{} is set more than once; mod_python used the one on line {}, so only that value goes to web.conf.",
                d.arg(0).unwrap_or(""), cfg.items[e].lines.start + 1)));
        } else {
            let (name, value) = (d.arg(0).unwrap_or(""), d.arg(1).unwrap_or(""));
            let lower = name.to_ascii_lowercase();
            let url = UrlOption::ALL
                .iter()
                .find(|u| u.name().eq_ignore_ascii_case(name))
                .copied();
            match (url, &deduced) {
                (Some(_), Some(Ok(top))) => {
                    if Some(i) == first_url_item {
                        file.push(format!("KojiFilesURL = {top}"), origin);
                        ctx.facts.files_urls.push((input, line0, top.clone()));
                        let from: Vec<String> = urls
                            .iter()
                            .map(|(u, _)| format!("{} (its {} directory)", u.name(), u.suffix()))
                            .collect();
                        let maven = if urls.iter().any(|(u, _)| *u == UrlOption::Maven) {
                            " Maven links now point under packages/<name>/<version>/<release>/maven/ instead of /maven2."
                        } else {
                            ""
                        };
                        notes.push((&WEB_FILES_URL, Severity::Info, lines.clone(), at..at + 1, format!(
                            "KojiFilesURL = {} replaces {}: Koji 1.7 derives every file link from it.{maven}",
                            redact_url(top), from.join(", "))));
                    }
                }
                (Some(_), Some(Err(conflict))) => {
                    file.push(format!("{name} = {value}"), origin);
                    if Some(i) == first_url_item {
                        notes.push((&WEB_FILES_URL, Severity::Action, lines.clone(), at..at + 1, format!(
                            "KojiFilesURL could not be deduced: {conflict}. Koji 1.7 ignores the old URL options (kept in web.conf for reference): \
                             add KojiFilesURL = <URL of the top of /mnt/koji> yourself.")));
                    }
                }
                (Some(u), None) => {
                    file.push(format!("{name} = {value}"), origin);
                    notes.push((&WEB_FILES_URL, Severity::Warning, lines.clone(), at..at + 1, format!(
                        "{} is ignored by Koji 1.7; KojiFilesURL is set too and takes its place.", u.name())));
                }
                (None, _) => {
                    file.push(format!("{name} = {value}"), origin);
                    if value.trim() != value {
                        notes.push((&WEB_OPTIONS_TO_WEB_CONF, Severity::Warning, lines.clone(), at..at + 1, format!(
                            "The value of {name} starts or ends with blanks, which web.conf cannot keep (RawConfigParser strips them).")));
                    }
                    if lower == "kojifilesurl" {
                        ctx.facts.files_urls.push((input, line0, value.to_string()));
                    } else if lower == "kojihuburl" {
                        ctx.facts.hub_urls.push((input, line0, value.to_string()));
                    } else if lower == "kojigreeting" {
                        notes.push((&WEB_GREETING, Severity::Info, lines.clone(), at..at + 1,
                            "KojiGreeting is kept, but Koji 1.7.0 does not read it; it works again from 1.7.1.".into()));
                    } else if lower == "secret" {
                        secret_seen = true;
                        if value == "CHANGE_ME" || value.is_empty() {
                            notes.push((&WEB_SECRET, Severity::Action, lines.clone(), at..at + 1,
                                "Secret still has the stock placeholder value: set it to a long random string in web.conf before starting koji-web.".into()));
                        }
                    } else if !WEB_CONF_OPTIONS.contains(&lower.as_str())
                        && !WEB_PYTHON_OPTIONS.contains(&lower.as_str())
                        && !lower.starts_with("rlimit_")
                    {
                        notes.push((&WEB_UNKNOWN_OPTION, Severity::Warning, lines.clone(), at..at + 1, format!(
                            "Koji 1.7 does not read an option called {name}; it is copied to web.conf anyway, where it does no harm.")));
                    }
                }
            }
        }
        splices.push(edit::remove(cfg, i));
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
            pointer = Some(ctx.plan.change(&WEB_CONFIGFILE, Severity::Info, edit::lines(cfg, first),
                vec![Splice::insert_before(cfg.items[first].lines.start, vec![line])],
                "Under mod_python, koji-web reads web.conf only when PythonOption koji.web.ConfigFile names it; without it, it would keep looking for PythonOptions.".into()));
        }
    }
    let written = 2..file.lines.len();
    if !secret_seen {
        notes.push((&WEB_SECRET, Severity::Action, span.clone().unwrap_or(0..0), written.clone(),
            "No Secret was set: add Secret = <a long random string> to web.conf; koji-web signs login cookies with it.".into()));
    }
    notes.push((
        &WEB_SECRET,
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
    notes.push((&WEB_OPTIONS_TO_WEB_CONF, Severity::Action, span.clone().unwrap_or(0..0), written, format!(
        "Install the new web.conf as {DEFAULT_WEB_CONF} (found through {target}), readable by apache only (mode 0640, it holds Secret).")));
    ctx.new_files.push(file);
    let main = span.map(|span| {
        ctx.plan.change(&WEB_OPTIONS_TO_WEB_CONF, Severity::Info, span, splices,
            "koji-web's settings leave the httpd config for web.conf, section [web]: Koji 1.7 reads them there.".into())
    });
    if let Some(main) = main {
        ctx.new_files[k].created_by = Some((input, main));
        depend_all(ctx, main, needs);
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

/// koji-web PythonOptions: those in a koji-web section, and those elsewhere whose name is a
/// koji-web option (a hub section's own options are the hub rule's).
/// How specific the section holding item `i` is, in the order Apache merges per-directory
/// settings (a later merge overrides an earlier one).
fn option_rank(cfg: &HttpdConfig, i: usize) -> u8 {
    cfg.ancestors(i)
        .filter_map(|a| cfg.directive(a))
        .map(|d| match d.name.to_ascii_lowercase().as_str() {
            "location" | "locationmatch" => 3,
            "directory" | "directorymatch" | "files" | "filesmatch" => 2,
            "virtualhost" => 1,
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// Aliases of koji-web's scripts directory, with the target they should have.
fn script_aliases(cfg: &HttpdConfig, scopes: &[usize]) -> Vec<(usize, String)> {
    let scope_paths: Vec<&str> = scopes
        .iter()
        .filter_map(|&s| cfg.directive(s).and_then(|d| d.arg(0)))
        .map(edit::norm_path)
        .collect();
    cfg.find_all("Alias")
        .filter_map(|a| {
            let target = cfg.directive(a)?.arg(1)?;
            let dir = edit::norm_path(target);
            (dir.ends_with("koji-web/scripts") || scope_paths.contains(&dir)).then(|| {
                (
                    a,
                    format!(
                        "{}{}wsgi_publisher.py",
                        target,
                        if target.ends_with('/') { "" } else { "/" }
                    ),
                )
            })
        })
        .collect()
}

/// Notes the Aliases that override koji-web's static files (old-style themes).
fn theme_aliases(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    for a in cfg.find_all("Alias") {
        let Some(url) = cfg.directive(a).and_then(|d| d.arg(0)) else {
            continue;
        };
        let rest = url.strip_prefix("/koji-static/").unwrap_or("");
        if !rest.is_empty() {
            ctx.plan.note(&WEB_THEME_ALIAS, Severity::Info, Some(edit::lines(cfg, a)), format!(
                "This Alias overrides koji-web's static file {url}. It keeps working in 1.7 and is left as it is; \
                 the new way is a theme directory under /usr/share/koji-web/static/themes/ and KojiTheme = <name> in web.conf."));
        }
    }
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
