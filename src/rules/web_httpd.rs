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
use super::r1_7::{
    already_migrated, web_alias_wsgi, web_configfile, web_handler_mod_python, web_handler_wsgi,
    web_removed_handlers, web_theme_alias, web_unknown_option,
};
use super::web_settings;

use crate::httpd::{quote_arg, HttpdConfig};
use crate::options::Target;
use crate::report::Severity;
use crate::rules::context::Ctx;

pub(crate) const DEFAULT_WEB_CONF: &str = "/etc/kojiweb/web.conf";

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
            &web_alias_wsgi::RULE,
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
    let handler_changes: Vec<usize> = ctx.plan.changes_of(&web_handler_wsgi::RULE);

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
            let c = ctx.plan.change(&web_configfile::RULE, Severity::Info, edit::lines(cfg, *i), vec![splice],
                "Under mod_wsgi, koji-web finds web.conf through SetEnv koji.web.ConfigFile (needed only for a path other than /etc/kojiweb/web.conf).".into());
            ctx.plan.depend_on_all(c, &handler_changes);
            changed = true;
        }
        if !legacy.is_empty() {
            let span =
                cfg.items[legacy[0]].lines.start..cfg.items[legacy[legacy.len() - 1]].lines.end;
            let message = format!("koji.web.ConfigFile is set, so Koji 1.7 reads web.conf and ignores these PythonOptions ({}). \
                Copy any value that matters into web.conf.", edit::names(cfg, &legacy));
            if mod_python {
                ctx.plan.note(
                    &web_unknown_option::RULE,
                    Severity::Warning,
                    Some(span),
                    message,
                );
            } else {
                let c = ctx.plan.change(
                    &web_unknown_option::RULE,
                    Severity::Warning,
                    span,
                    legacy.iter().map(|&i| edit::remove(cfg, i)).collect(),
                    message,
                );
                ctx.plan.depend_on_all(c, &handler_changes);
            }
            changed = true;
        }
    } else if !legacy.is_empty()
        || scopes
            .iter()
            .any(|&s| python_setting(cfg, s, mod_python).is_some())
    {
        web_settings::write_web_conf(cfg, ctx, &scopes, &legacy, &handler_changes);
        changed = true;
    }

    if !changed {
        // What the file uses, whatever mode was asked for.
        let form = if edit::serves_wsgi(cfg, &scopes) {
            "mod_wsgi"
        } else {
            "mod_python with web.conf"
        };
        let message = if ctx.options.to == crate::koji::Release::V1_7 {
            format!("The koji-web part is already in Koji 1.7 ({form}) form.")
        } else {
            format!("koji-web is already served by {form}, as Koji 1.7 and later need.")
        };
        ctx.plan
            .note(&already_migrated::RULE, Severity::Info, None, message);
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
    let python = edit::python_directives(cfg, scope);
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
        ctx.plan.change(&web_removed_handlers::RULE, Severity::Info, edit::lines(cfg, i), vec![edit::remove(cfg, i)],
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
                ctx.plan.note(&web_handler_mod_python::RULE, Severity::Warning, Some(edit::lines(cfg, h)),
                    format!("PythonHandler {v} is not one of koji-web's handlers, so it is left as it is; koji-web 1.7 itself needs PythonHandler wsgi_publisher."));
            } else if v != "wsgi_publisher" {
                ctx.plan.change(&web_handler_mod_python::RULE, Severity::Info, edit::lines(cfg, h), vec![edit::replace(cfg, h, vec![edit::with_arg(cfg, h, 0, "wsgi_publisher")])],
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
    let left = edit::comments_left_above(cfg, &rest);
    ctx.plan.change(&web_handler_wsgi::RULE, Severity::Info, span, splices, format!(
        "koji-web is served by mod_wsgi: Options ExecCGI and SetHandler wsgi-script replace SetHandler mod_python, and the mod_python \
         handler directives are removed (Apache refuses them when mod_python is not loaded).{left}"));
    true
}

/// `PythonDebug` or `PythonPath` directly in a koji-web section (settings that go to web.conf).
/// Under mod_python, PythonDebug stays where it is, so only PythonPath counts there.
fn python_setting(cfg: &HttpdConfig, scope: usize, mod_python: bool) -> Option<usize> {
    edit::python_directives(cfg, scope).into_iter().find(|&i| {
        cfg.directive(i)
            .is_some_and(|d| (d.is("PythonDebug") && !mod_python) || d.is("PythonPath"))
    })
}

/// Aliases of koji-web's scripts directory, with the target they should have.
fn script_aliases(cfg: &HttpdConfig, scopes: &[usize]) -> Vec<(usize, String)> {
    let scope_paths = edit::scope_paths(cfg, scopes);
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
            ctx.plan.note(&web_theme_alias::RULE, Severity::Info, Some(edit::lines(cfg, a)), format!(
                "This Alias overrides koji-web's static file {url}. It keeps working in 1.7 and is left as it is; \
                 the new way is a theme directory under /usr/share/koji-web/static/themes/ and KojiTheme = <name> in web.conf."));
        }
    }
}
