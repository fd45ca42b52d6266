//! `web-handler-wsgi`: koji-web's scripts section is served by mod_wsgi instead of mod_python.
//!
//! Apache refuses mod_python's directives once the module is gone; koji-web's settings leave for
//! web.conf (`web-options-to-web-conf`).
//!
//! ```text
//! before: <Directory "/usr/share/koji-web/scripts/">
//!             SetHandler mod_python
//!             PythonHandler kojiweb.publisher
//!         </Directory>
//! after:  <Directory "/usr/share/koji-web/scripts/">
//!             Options ExecCGI
//!             SetHandler wsgi-script
//!         </Directory>
//! ```
//!
//! Where the logic is: [`run_scope`] here; called by `rules::web_httpd` for each of koji-web's sections.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-handler-wsgi",
    release: Release::V1_7,
    summary: "Serve koji-web with mod_wsgi instead of mod_python",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("In koji-web's scripts <Directory>, SetHandler mod_python becomes SetHandler wsgi-script with Options ExecCGI, and every mod_python directive is removed (their settings move to web.conf)."),
    rejecting: Some("the section stays on mod_python, whose directives Apache refuses once mod_python is not loaded."),
};

/// Swaps the handler of koji-web's section `scope` (mod_python directives `python`, of which
/// `removed` are already removed by another rule); returns whether it did. With
/// `has_config_file`, PythonPath and PythonDebug go too (their settings are in web.conf already).
pub(crate) fn run_scope(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    scope: usize,
    python: &[usize],
    removed: &[usize],
    has_config_file: bool,
) -> bool {
    let rest: Vec<usize> = python
        .iter()
        .copied()
        .filter(|i| !removed.contains(i))
        .filter(|&i| {
            !cfg.directive(i).is_some_and(|d| {
                d.is("PythonOption")
                    || (!has_config_file && (d.is("PythonPath") || d.is("PythonDebug")))
            })
        })
        .collect();
    let Some((splices, span)) = edit::wsgi_handler_swap(cfg, scope, &rest) else {
        return false;
    };
    let left = edit::comments_left_above(cfg, &rest);
    ctx.plan.change(&RULE, Severity::Info, span, splices, format!(
        "koji-web is served by mod_wsgi: Options ExecCGI and SetHandler wsgi-script replace SetHandler mod_python, and the mod_python \
         handler directives are removed (Apache refuses them when mod_python is not loaded).{left}"));
    true
}
