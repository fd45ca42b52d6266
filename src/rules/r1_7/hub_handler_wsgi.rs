//! `hub-handler-wsgi`: koji-hub's section is served by mod_wsgi instead of mod_python.
//!
//! Without mod_python loaded Apache refuses every `Python*` directive, so the handler is swapped and
//! the mod_python directives go (PythonOptions are the option rules' business).
//!
//! ```text
//! before: <Directory /usr/share/koji-hub>
//!             SetHandler mod_python
//!             PythonHandler kojixmlrpc
//!         </Directory>
//! after:  <Directory /usr/share/koji-hub>
//!             Options ExecCGI
//!             SetHandler wsgi-script
//!         </Directory>
//! ```
//!
//! Where the logic is: [`run_scope`] here (the swap itself is `rules::httpd_edit::wsgi_handler_swap`); called by
//! `rules::hub_httpd` for each of the hub's sections.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-handler-wsgi",
    release: Release::V1_7,
    summary: "Serve koji-hub with mod_wsgi instead of mod_python",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("In the hub's <Directory>, SetHandler mod_python becomes SetHandler wsgi-script with Options ExecCGI, and the mod_python directives (PythonHandler, PythonDebug, PythonAutoReload, PythonOption) are removed: without mod_python loaded, Apache would refuse to start on them."),
    rejecting: Some("the section stays on mod_python, whose directives Apache refuses once mod_python is not loaded."),
};

/// Swaps the handler in one hub section; returns whether anything changed.
pub(crate) fn run_scope(cfg: &HttpdConfig, ctx: &mut Ctx<'_>, scope: usize) -> bool {
    let is_location = cfg
        .directive(scope)
        .is_some_and(|d| d.is("Location") || d.is("LocationMatch"));
    let python: Vec<usize> = edit::python_directives(cfg, scope);
    let has_handler = cfg.child_directives(scope, "SetHandler").next().is_some();
    if is_location && (has_handler || !python.is_empty()) {
        ctx.plan.note(&RULE, Severity::Action, Some(edit::lines(cfg, scope)),
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
    ctx.plan.change(&RULE, Severity::Info, span, splices, format!(
        "koji-hub is served by mod_wsgi: Options ExecCGI and SetHandler wsgi-script replace SetHandler mod_python, \
         and the mod_python directives are removed (Apache refuses them when mod_python is not loaded).{left}"));
    true
}
