//! `hub-options-ignored`: hub PythonOptions that Koji already ignored are removed, with a warning.
//!
//! With `PythonOption ConfigFile` set, Koji read only hub.conf: the other hub PythonOptions had no
//! effect, and Apache refuses them once mod_python is gone.
//!
//! ```text
//! before: PythonOption ConfigFile /etc/koji-hub/hub.conf
//!         PythonOption KojiDebug On
//! after:  (both removed; the warning names KojiDebug)
//! ```
//!
//! Where the logic is: [`run`] here; called by `rules::hub_httpd`.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-options-ignored",
    release: Release::V1_7,
    summary: "Report hub PythonOptions that Koji already ignored",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("When PythonOption ConfigFile is set, Koji reads only hub.conf and ignores every other hub PythonOption. They are removed with the other mod_python directives; if their values matter, copy them into hub.conf yourself."),
    rejecting: Some("its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."),
};

/// Removes the hub PythonOptions `others` (not empty) beside `ConfigFile`; the change needs the
/// handler swaps `handler_changes`.
pub(crate) fn run(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    others: &[usize],
    handler_changes: &[usize],
) {
    let (splices, span) = edit::remove_all(cfg, others);
    let c = ctx.plan.change(&RULE, Severity::Warning, span, splices, format!(
        "These hub PythonOptions ({}) were already ignored, because ConfigFile was set; they are removed. \
         If their values matter, put them into hub.conf.", edit::names(cfg, others)));
    ctx.plan.depend_on_all(c, handler_changes);
}
