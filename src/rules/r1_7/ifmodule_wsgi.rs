//! `ifmodule-wsgi`: `<IfModule mod_python.c>` around a Koji section tests for mod_wsgi instead.
//!
//! Once mod_python is not loaded, everything inside such a wrapper is skipped and the hub or web
//! silently disappears.
//!
//! ```text
//! before: <IfModule mod_python.c>
//!         <Directory /usr/share/koji-hub>
//! after:  <IfModule mod_wsgi.c>
//!         <Directory /usr/share/koji-hub>
//! ```
//!
//! The logic is all here: [`run`], called by the pipeline on every httpd input after the hub and web rules.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::options::Target;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit::{self as edit, App};
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "ifmodule-wsgi",
    release: Release::V1_7,
    summary: "Switch <IfModule mod_python.c> wrappers of Koji sections to mod_wsgi",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("A Koji section wrapped in <IfModule mod_python.c> is skipped entirely once mod_python is no longer loaded, so the hub or web would silently vanish. Under mod_wsgi the wrapper tests for mod_wsgi instead."),
    rejecting: Some("the section inside is skipped once mod_python is gone, and that part of Koji disappears."),
};

/// Under mod_wsgi, rewrites the `<IfModule mod_python.c>` (or `python_module`) sections that
/// enclose a Koji section to test for mod_wsgi, once each even when hub and web share one.
pub(crate) fn run(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    if ctx.options.target != Target::ModWsgi {
        return;
    }
    let mut wrappers: Vec<usize> = Vec::new();
    // Each enclosing section is looked at once: when a walk up reaches a section an earlier walk
    // saw, everything above it was seen too (100,000 nested wrappers stay linear).
    let mut seen = vec![false; cfg.items.len()];
    for scope in edit::scopes(cfg, App::Hub)
        .into_iter()
        .chain(edit::scopes(cfg, App::Web))
    {
        for a in cfg.ancestors(scope) {
            if std::mem::replace(&mut seen[a], true) {
                break;
            }
            let Some(d) = cfg.directive(a) else { continue };
            let module = d.arg(0).unwrap_or("").to_ascii_lowercase();
            if d.is("IfModule") && (module == "mod_python.c" || module == "python_module") {
                wrappers.push(a);
            }
        }
    }
    wrappers.sort_unstable();
    for w in wrappers {
        let module = cfg.directive(w).and_then(|d| d.arg(0)).unwrap_or("");
        let new = if module.eq_ignore_ascii_case("python_module") {
            "wsgi_module"
        } else {
            "mod_wsgi.c"
        };
        ctx.plan.change(&RULE, Severity::Info, edit::lines(cfg, w), vec![cfg.replace_item(w, vec![edit::with_arg(cfg, w, 0, new)])], format!(
            "<IfModule {module}> would skip the Koji section inside once mod_python is gone; it now tests for {new}."));
    }
}
