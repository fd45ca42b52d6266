//! koji-hub's httpd config: from mod_python to mod_wsgi.
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
use super::{is_secret_key, py2_cuts, NewFile};
use crate::httpd::HttpdConfig;
use crate::options::Target;
use crate::report::{FileKind, Severity};
use crate::rules::context::Ctx;
use crate::text::Splice;

const DEFAULT_HUB_CONF: &str = "/etc/koji-hub/hub.conf";

pub(crate) fn migrate(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    let scopes = edit::scopes(cfg, App::Hub);
    let aliases = xmlrpc_aliases(cfg, &scopes);
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
            let first = cfg.items[legacy[0]].lines.start;
            let last = cfg.items[*legacy.last().unwrap_or(&legacy[0])].lines.end;
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

    let mut changed = false;
    for &a in &aliases {
        let Some(target) = cfg.directive(a).and_then(|d| d.arg(1)) else {
            continue;
        };
        // The target release's script: kojixmlrpc.py until 1.31, kojiapp.py from 1.32.
        let script = if cfg!(feature = "releases") {
            super::r1_32::hub_alias_kojiapp::hub_script(ctx.options.to)
        } else {
            "kojixmlrpc.py"
        };
        let new_target = format!("{}{script}", &target[..target.len() - "XMLRPC".len()]);
        let c = ctx.plan.change(&hub_alias_wsgi::RULE, Severity::Info, edit::lines(cfg, a), vec![Splice::replace(
            cfg.items[a].lines.start, cfg.items[a].lines.len(), vec![edit::with_arg(cfg, a, 1, &new_target)])],
            format!("The Alias now names the hub script {new_target}: XMLRPC was resolved only by mod_python."));
        if script == "kojiapp.py" {
            ctx.plan.note_change(&super::r1_32::hub_alias_kojiapp::RULE, Severity::Info, c,
                "Koji 1.32 serves the hub through kojiapp.py (kojixmlrpc.py, 1.7's script, is no longer installed).".into());
        }
        changed = true;
    }

    for &scope in &scopes {
        changed |= migrate_scope(cfg, ctx, scope);
    }
    // Without the handler swap (still mod_python), moving the hub's options would break it.
    let handler_changes: Vec<usize> = ctx.plan.changes_of(&hub_handler_wsgi::RULE);

    // PythonOptions: ConfigFile becomes SetEnv (or goes, when it names the default path).
    if let Some((i, path)) = &config_file {
        if edit::norm_path(path) == DEFAULT_HUB_CONF {
            let c = ctx.plan.change(&hub_configfile_setenv::RULE, Severity::Info, edit::lines(cfg, *i), vec![edit::remove(cfg, *i)],
                "PythonOption ConfigFile named the default /etc/koji-hub/hub.conf, which the hub reads under mod_wsgi without being told.".into());
            ctx.plan.depend_on_all(c, &handler_changes);
        } else {
            let c = ctx.plan.change(&hub_configfile_setenv::RULE, Severity::Info, edit::lines(cfg, *i),
                vec![edit::replace(cfg, *i, vec![edit::line_like(cfg, *i, &format!("SetEnv koji.hub.ConfigFile {}", crate::httpd::quote_arg(path, None)))])],
                format!("hub.conf lives at {path}: under mod_wsgi the hub learns that from SetEnv koji.hub.ConfigFile."));
            ctx.plan.depend_on_all(c, &handler_changes);
        }
        changed = true;
    }
    let others: Vec<usize> = options
        .iter()
        .copied()
        .filter(|&i| Some(i) != config_file.as_ref().map(|c| c.0))
        .collect();
    if !others.is_empty() {
        let splices = others.iter().map(|&i| edit::remove(cfg, i)).collect();
        let span = cfg.items[others[0]].lines.start..cfg.items[others[others.len() - 1]].lines.end;
        if config_file.is_some() {
            let c = ctx.plan.change(&hub_options_ignored::RULE, Severity::Warning, span, splices, format!(
                "These hub PythonOptions ({}) were already ignored, because ConfigFile was set; they are removed. \
                 If their values matter, put them into hub.conf.", edit::names(cfg, &others)));
            ctx.plan.depend_on_all(c, &handler_changes);
        } else {
            let mut file = NewFile::new("hub.conf", FileKind::HubConf);
            file.push("# koji-hub settings for Koji 1.7, moved here by koji-migrate from the httpd config's PythonOptions.", None);
            file.push("[hub]", None);
            let first = file.lines.len();
            let mut cut = Vec::new();
            for &i in &others {
                let Some(d) = cfg.directive(i) else { continue };
                let (key, value) = (d.arg(0).unwrap_or(""), d.arg(1).unwrap_or(""));
                let at = file.push(
                    format!("{key} = {value}"),
                    Some((ctx.input, cfg.items[i].lines.start)),
                );
                if py2_cuts(value) {
                    cut.push((edit::lines(cfg, i), at));
                }
            }
            let last = file.lines.len();
            let k = ctx.new_files.len();
            ctx.new_files.push(file);
            let c = ctx.plan.change(&hub_options_to_hub_conf::RULE, Severity::Info, span.clone(), splices, format!(
                "The hub was configured with PythonOptions only ({}); mod_wsgi cannot pass them, so they move to the new hub.conf, section [hub]. \
                 Install it as /etc/koji-hub/hub.conf.", edit::names(cfg, &others)));
            ctx.plan.depend_on_all(c, &handler_changes);
            ctx.new_files[k].created_by = Some((ctx.input, c));
            ctx.plan.note_new_file(
                &hub_options_to_hub_conf::RULE,
                Severity::Info,
                Some(span),
                (k, first..last),
                Some(c),
                "Each PythonOption became a line of [hub], value unchanged.".into(),
            );
            if others.iter().any(|&i| {
                cfg.directive(i)
                    .and_then(|d| d.arg(0))
                    .is_some_and(is_secret_key)
            }) {
                ctx.plan.note_new_file(&hub_options_to_hub_conf::RULE, Severity::Action, None, (k, first..last), Some(c),
                    "hub.conf now holds a password: make it readable only by root and apache (mode 0640).".into());
            }
            for (lines, at) in cut {
                ctx.plan.note_new_file(&hub_options_to_hub_conf::RULE, Severity::Warning, Some(lines), (k, at..at + 1), Some(c),
                    "This value holds ' ;': Koji 1.7 on Python 2 reads hub.conf with a parser that drops everything from there on. \
                     Rephrase the value without a blank before ';'.".into());
            }
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

/// Swaps the handler in one hub section; returns whether anything changed.
fn migrate_scope(cfg: &HttpdConfig, ctx: &mut Ctx<'_>, scope: usize) -> bool {
    let is_location = cfg
        .directive(scope)
        .is_some_and(|d| d.is("Location") || d.is("LocationMatch"));
    let python: Vec<usize> = edit::python_directives(cfg, scope);
    let has_handler = cfg.child_directives(scope, "SetHandler").next().is_some();
    if is_location && (has_handler || !python.is_empty()) {
        ctx.plan.note(&hub_handler_wsgi::RULE, Severity::Action, Some(edit::lines(cfg, scope)),
            "The hub is served by mod_python from a <Location>. mod_wsgi serves a script file: add Alias /kojihub /usr/share/koji-hub/kojixmlrpc.py \
             with a <Directory \"/usr/share/koji-hub\"> holding Options ExecCGI and SetHandler wsgi-script, and remove this section.".into());
        return false;
    }
    // PythonOptions are handled by the option rules.
    let remove: Vec<usize> = python
        .into_iter()
        .filter(|&p| !cfg.directive(p).is_some_and(|d| d.is("PythonOption")))
        .collect();
    let Some((splices, span)) = edit::wsgi_handler_swap(cfg, scope, &remove) else {
        return false;
    };
    let left = edit::comments_left_above(cfg, &remove);
    ctx.plan.change(&hub_handler_wsgi::RULE, Severity::Info, span, splices, format!(
        "koji-hub is served by mod_wsgi: Options ExecCGI and SetHandler wsgi-script replace SetHandler mod_python, \
         and the mod_python directives are removed (Apache refuses them when mod_python is not loaded).{left}"));
    true
}

/// `Alias`es whose target is the mod_python-only `…/XMLRPC` name.
fn xmlrpc_aliases(cfg: &HttpdConfig, scopes: &[usize]) -> Vec<usize> {
    let scope_paths = edit::scope_paths(cfg, scopes);
    cfg.find_all("Alias")
        .filter(|&a| {
            let Some(target) = cfg.directive(a).and_then(|d| d.arg(1)) else {
                return false;
            };
            let Some(dir) = target.strip_suffix("/XMLRPC") else {
                return false;
            };
            dir.contains("koji-hub") || scope_paths.contains(&edit::norm_path(dir))
        })
        .collect()
}

/// Records every `Alias URL /mnt/koji…` for the cross-file checks.
fn record_file_aliases(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    ctx.facts.httpd_inputs.push(ctx.input);
    for a in cfg.find_all("Alias") {
        let Some(d) = cfg.directive(a) else { continue };
        if let (Some(url), Some(target)) = (d.arg(0), d.arg(1)) {
            let line = cfg.items[a].lines.start;
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
