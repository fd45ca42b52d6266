//! `hub-alias-wsgi`: the `/kojihub` Alias names the hub's script instead of mod_python's `XMLRPC`.
//!
//! Only mod_python's handler resolved the name `XMLRPC`; mod_wsgi serves a real file, so the Alias
//! must name `kojixmlrpc.py` (`kojiapp.py` from Koji 1.32, see `r1_32::hub_alias_kojiapp`).
//!
//! ```text
//! before: Alias /kojihub "/usr/share/koji-hub/XMLRPC"
//! after:  Alias /kojihub "/usr/share/koji-hub/kojixmlrpc.py"
//! ```
//!
//! Where the logic is: [`run`] here; called by `rules::hub_httpd` (mod_wsgi target only).

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-alias-wsgi",
    release: Release::V1_7,
    summary: "Point the /kojihub Alias at kojixmlrpc.py",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("Koji 1.6 aliased /kojihub to /usr/share/koji-hub/XMLRPC, a name only mod_python's handler could resolve. mod_wsgi needs the real script, so the Alias target becomes kojixmlrpc.py in the same directory."),
    rejecting: Some("mod_wsgi cannot serve the XMLRPC name, so the hub is unreachable."),
};

/// Points each of `aliases` (from [`xmlrpc_aliases`]) at the target release's hub script;
/// returns whether it changed any.
pub(crate) fn run(cfg: &HttpdConfig, ctx: &mut Ctx<'_>, aliases: &[usize]) -> bool {
    let mut changed = false;
    for &a in aliases {
        let Some(target) = cfg.directive(a).and_then(|d| d.arg(1)) else {
            continue;
        };
        // The target release's script: kojixmlrpc.py until 1.31, kojiapp.py from 1.32.
        let script = if cfg!(feature = "releases") {
            crate::rules::r1_32::hub_alias_kojiapp::hub_script(ctx.options.to)
        } else {
            "kojixmlrpc.py"
        };
        let new_target = format!("{}{script}", &target[..target.len() - "XMLRPC".len()]);
        let c = ctx.plan.change(&RULE, Severity::Info, edit::lines(cfg, a),
            vec![cfg.replace_item(a, vec![edit::with_arg(cfg, a, 1, &new_target)])],
            format!("The Alias now names the hub script {new_target}: XMLRPC was resolved only by mod_python."));
        if script == "kojiapp.py" {
            ctx.plan.note_change(&crate::rules::r1_32::hub_alias_kojiapp::RULE, Severity::Info, c,
                "Koji 1.32 serves the hub through kojiapp.py (kojixmlrpc.py, 1.7's script, is no longer installed).".into());
        }
        changed = true;
    }
    changed
}

/// `Alias`es whose target is the mod_python-only `…/XMLRPC` name.
pub(crate) fn xmlrpc_aliases(cfg: &HttpdConfig, scopes: &[usize]) -> Vec<usize> {
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
