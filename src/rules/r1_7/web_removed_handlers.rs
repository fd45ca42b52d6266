//! `web-removed-handlers`: handlers naming modules Koji 1.7 deleted are removed, in both modes.
//!
//! `kojiweb.handlers` and `kojiweb.publisher` are gone: a PythonCleanupHandler naming them fails
//! every request.
//!
//! ```text
//! before: PythonCleanupHandler kojiweb.handlers::cleanup
//! after:  (removed)
//! ```
//!
//! Where the logic is: [`run`] here; called by `rules::web_httpd` for each of koji-web's sections.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-removed-handlers",
    release: Release::V1_7,
    summary: "Remove handlers whose modules 1.7 deleted",
    guide: Guide::StayingOnModPython,
    explanation: explained!("Koji 1.7 deleted the modules kojiweb.publisher and kojiweb.handlers. A PythonHandler or PythonCleanupHandler naming them would fail every request, in either mode, so those lines are removed."),
    rejecting: Some("the handler names a module Koji 1.7 deleted, so every koji-web request fails."),
};

/// Removes the `PythonCleanupHandler kojiweb.…` lines among the mod_python directives `python`
/// of one koji-web section; returns them.
pub(crate) fn run(cfg: &HttpdConfig, ctx: &mut Ctx<'_>, python: &[usize]) -> Vec<usize> {
    let dead_cleanup: Vec<usize> = python
        .iter()
        .copied()
        .filter(|&i| {
            cfg.directive(i)
                .is_some_and(|d| d.is("PythonCleanupHandler"))
        })
        .filter(|&i| edit::arg0(cfg, i).starts_with("kojiweb."))
        .collect();
    for &i in &dead_cleanup {
        ctx.plan.change(&RULE, Severity::Info, edit::lines(cfg, i), vec![cfg.remove_item(i)],
            format!("{} no longer exists in Koji 1.7; Apache would fail every request trying to import it.", edit::arg0(cfg, i)));
    }
    dead_cleanup
}
