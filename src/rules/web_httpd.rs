//! koji-web's httpd config: wsgi_publisher, mod_wsgi, and the move of every setting to web.conf.
//! The helper of its kind: finds koji-web's sections, Aliases and PythonOptions and runs its 1.7
//! rules in order (`r1_7::web_theme_alias`, `web_alias_wsgi`, `web_removed_handlers`,
//! `web_handler_mod_python` / `web_handler_wsgi`, `web_configfile`, `web_unknown_option`), then
//! `web_settings::write_web_conf` for the settings.
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

use crate::httpd::HttpdConfig;
use crate::options::Target;
use crate::report::Severity;
use crate::rules::context::Ctx;

pub(crate) const DEFAULT_WEB_CONF: &str = "/etc/kojiweb/web.conf";

pub(crate) fn migrate(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    let scopes = edit::scopes(cfg, App::Web);
    let options = edit::python_options(cfg, App::Web, &scopes);
    let web_aliases = web_alias_wsgi::script_aliases(cfg, &scopes);
    web_theme_alias::run(cfg, ctx);
    if scopes.is_empty() && options.is_empty() && web_aliases.is_empty() {
        return;
    }
    let mod_python = ctx.options.target == Target::ModPython;
    let mut changed = web_alias_wsgi::run(cfg, ctx, &web_aliases);

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
            web_configfile::run(cfg, ctx, *i, path, &handler_changes);
            changed = true;
        }
        if !legacy.is_empty() {
            web_unknown_option::ignored_beside_config_file(
                cfg,
                ctx,
                &legacy,
                mod_python,
                &handler_changes,
            );
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
    let python = edit::python_directives(cfg, scope);
    // Handlers whose modules 1.7 deleted: gone in both modes.
    let dead_cleanup = web_removed_handlers::run(cfg, ctx, &python);
    let changed = !dead_cleanup.is_empty();
    if mod_python {
        return web_handler_mod_python::run(cfg, ctx, &python) || changed;
    }
    web_handler_wsgi::run_scope(cfg, ctx, scope, &python, &dead_cleanup, has_config_file) || changed
}

/// `PythonDebug` or `PythonPath` directly in a koji-web section (settings that go to web.conf).
/// Under mod_python, PythonDebug stays where it is, so only PythonPath counts there.
fn python_setting(cfg: &HttpdConfig, scope: usize, mod_python: bool) -> Option<usize> {
    edit::python_directives(cfg, scope).into_iter().find(|&i| {
        cfg.directive(i)
            .is_some_and(|d| (d.is("PythonDebug") && !mod_python) || d.is("PythonPath"))
    })
}
