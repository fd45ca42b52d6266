//! koji-hub's httpd config: from mod_python to mod_wsgi. The helper of its kind: finds the hub's
//! sections, Aliases and PythonOptions, runs its 1.7 rules in order (`r1_7::hub_alias_wsgi`,
//! `hub_handler_wsgi`, `hub_configfile_setenv`, `hub_options_ignored`,
//! `hub_options_to_hub_conf`), writes the mod_python and `already-migrated` notes, and records
//! the facts the cross-file checks need.
//!
//! Before (1.6 stock):
//! ```text
//! Alias /kojihub "/usr/share/koji-hub/XMLRPC"
//! <Directory /usr/share/koji-hub>
//!         SetHandler mod_python
//!         PythonHandler kojixmlrpc
//!         PythonOption ConfigFile /etc/koji-hub/hub.conf
//!         PythonDebug Off
//!         PythonAutoReload Off
//! </Directory>
//! ```
//! After (mod_wsgi): the Alias names `kojixmlrpc.py`, the section holds `Options ExecCGI` and
//! `SetHandler wsgi-script`, and every mod_python directive is gone. A custom `ConfigFile`
//! survives as `SetEnv koji.hub.ConfigFile`; hub options set only as PythonOptions move to a new
//! `hub.conf`. Under mod_python the hub config keeps working as it is and is left alone.

use super::httpd_edit::{self as edit, App};
use super::r1_7::{
    already_migrated, hub_alias_wsgi, hub_configfile_setenv, hub_handler_wsgi, hub_options_ignored,
    hub_options_to_hub_conf,
};
use crate::httpd::HttpdConfig;
use crate::options::Target;
use crate::report::Severity;
use crate::rules::context::Ctx;

pub(crate) fn migrate(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    let scopes = edit::scopes(cfg, App::Hub);
    let aliases = hub_alias_wsgi::xmlrpc_aliases(cfg, &scopes);
    record_file_aliases(cfg, ctx);
    if scopes.is_empty() && aliases.is_empty() {
        return;
    }
    ctx.facts.hub_httpd.push(ctx.input);
    let options = edit::python_options(cfg, App::Hub, &scopes);
    let config_file = options.iter().rev().find_map(|&i| {
        let d = cfg.directive(i)?;
        d.arg(0)
            .filter(|n| n.eq_ignore_ascii_case("ConfigFile"))
            .map(|_| (i, d.arg(1).unwrap_or("").to_string()))
    });

    if ctx.options.target == Target::ModPython {
        let legacy: Vec<usize> = options
            .iter()
            .copied()
            .filter(|&i| Some(i) != config_file.as_ref().map(|c| c.0))
            .collect();
        if config_file.is_none() && !legacy.is_empty() {
            let first = cfg.items[legacy[0]].lines().start;
            let last = cfg.items[*legacy.last().unwrap_or(&legacy[0])].lines().end;
            ctx.plan.note(&hub_options_to_hub_conf::RULE, Severity::Warning, Some(first..last), format!(
                "The hub is configured with PythonOptions ({}). This keeps working under mod_python but is deprecated: \
                 consider moving them into /etc/koji-hub/hub.conf and setting PythonOption ConfigFile.", edit::names(cfg, &legacy)));
        } else if edit::serves_wsgi(cfg, &scopes) {
            ctx.plan.note(&already_migrated::RULE, Severity::Info, None,
                "The koji-hub part is already served by mod_wsgi, which 1.7 supports too: it is left as it is.".into());
        } else {
            ctx.plan.note(&already_migrated::RULE, Severity::Info, None,
                "Staying on mod_python: the koji-hub httpd config works with 1.7 as it is, so it is left unchanged.".into());
        }
        return;
    }

    let mut changed = hub_alias_wsgi::run(cfg, ctx, &aliases);
    for &scope in &scopes {
        changed |= hub_handler_wsgi::run_scope(cfg, ctx, scope);
    }
    // Without the handler swap (still mod_python), moving the hub's options would break it.
    let handler_changes: Vec<usize> = ctx.plan.changes_of(&hub_handler_wsgi::RULE);

    // PythonOptions: ConfigFile becomes SetEnv (or goes, when it names the default path).
    if let Some((i, path)) = &config_file {
        hub_configfile_setenv::run(cfg, ctx, *i, path, &handler_changes);
        changed = true;
    }
    let others: Vec<usize> = options
        .iter()
        .copied()
        .filter(|&i| Some(i) != config_file.as_ref().map(|c| c.0))
        .collect();
    if !others.is_empty() {
        if config_file.is_some() {
            hub_options_ignored::run(cfg, ctx, &others, &handler_changes);
        } else {
            hub_options_to_hub_conf::run(cfg, ctx, &others, &handler_changes);
        }
        changed = true;
    }
    if !changed {
        ctx.plan.note(
            &already_migrated::RULE,
            Severity::Info,
            None,
            if ctx.options.to == crate::koji::Release::V1_7 {
                "The koji-hub part is already in Koji 1.7 (mod_wsgi) form.".into()
            } else {
                "koji-hub is already served by mod_wsgi, as Koji 1.7 and later need.".into()
            },
        );
    }
}

/// Records every `Alias URL /mnt/koji…` for the cross-file checks.
fn record_file_aliases(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    ctx.facts.httpd_inputs.push(ctx.input);
    for a in cfg.find_all("Alias") {
        let Some(d) = cfg.directive(a) else { continue };
        if let (Some(url), Some(target)) = (d.arg(0), d.arg(1)) {
            let line = cfg.items[a].lines().start;
            let path = edit::norm_path(target);
            if path == "/mnt/koji" {
                ctx.facts
                    .file_aliases
                    .push((ctx.input, line, url.to_string()));
            } else if path.starts_with("/mnt/koji/") {
                ctx.facts
                    .part_aliases
                    .push((ctx.input, line, url.to_string(), target.to_string()));
            }
        }
    }
}
