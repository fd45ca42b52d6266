//! `web-handler-mod-python`: staying on mod_python, koji-web's handler becomes `wsgi_publisher`.
//!
//! 1.7 deleted `kojiweb.publisher`; `mod_python.publisher` cannot run koji-web 1.7 either. A handler
//! that is not koji-web's is reported and kept.
//!
//! ```text
//! before: PythonHandler kojiweb.publisher
//! after:  PythonHandler wsgi_publisher
//! ```
//!
//! Where the logic is: [`run`] here; called by `rules::web_httpd` (mod_python target).

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-handler-mod-python",
    release: Release::V1_7,
    summary: "Use the wsgi_publisher handler under mod_python",
    guide: Guide::StayingOnModPython,
    explanation: explained!("Staying on mod_python, koji-web's PythonHandler must be wsgi_publisher: kojiweb.publisher and mod_python.publisher no longer work with 1.7."),
    rejecting: Some("the handler names a module Koji 1.7 deleted, so every koji-web request fails."),
};

/// Under mod_python, makes koji-web's `PythonHandler`s among `python` (the mod_python directives
/// of one section) `wsgi_publisher`; returns whether it changed any.
pub(crate) fn run(cfg: &HttpdConfig, ctx: &mut Ctx<'_>, python: &[usize]) -> bool {
    let mut changed = false;
    let handlers = python
        .iter()
        .copied()
        .filter(|&i| cfg.directive(i).is_some_and(|d| d.is("PythonHandler")));
    for h in handlers {
        let v = edit::arg0(cfg, h);
        let lower = v.to_ascii_lowercase();
        let kojis = lower.starts_with("kojiweb") || lower.starts_with("mod_python.publisher");
        if v != "wsgi_publisher" && !kojis {
            // Someone's own handler (in a <Files> inside koji-web's directory, say): not
            // koji-web's to replace, and replacing it would make that section koji-web's.
            ctx.plan.note(&RULE, Severity::Warning, Some(edit::lines(cfg, h)),
                format!("PythonHandler {v} is not one of koji-web's handlers, so it is left as it is; koji-web 1.7 itself needs PythonHandler wsgi_publisher."));
        } else if v != "wsgi_publisher" {
            ctx.plan.change(&RULE, Severity::Info, edit::lines(cfg, h), vec![cfg.replace_item(h, vec![edit::with_arg(cfg, h, 0, "wsgi_publisher")])],
                format!("PythonHandler {v} becomes wsgi_publisher, the only koji-web handler 1.7 has under mod_python."));
            changed = true;
        }
    }
    changed
}
