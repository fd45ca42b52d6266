//! `web-unknown-option`: PythonOptions Koji 1.7 does not read are reported, and still copied.
//!
//! Nothing is dropped silently: an unknown option is harmless in web.conf and the note says it is
//! not read. With `koji.web.ConfigFile` set, the ignored PythonOptions are removed instead.
//!
//! ```text
//! before: PythonOption MyOwnSetting 1
//! after:  web.conf: MyOwnSetting = 1   (a warning)
//! ```
//!
//! Where the logic is: [`run`] here (ignored options beside `koji.web.ConfigFile`); the copies are written by
//! `rules::web_settings::write_web_conf`.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-unknown-option",
    release: Release::V1_7,
    summary: "Report PythonOptions Koji 1.7 does not read",
    guide: Guide::WebConfiguration,
    explanation: explained!("An option Koji 1.7 does not know is still copied into web.conf (it is harmless there) and reported, so nothing is dropped silently."),
    rejecting: Some("its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."),
};

/// With `koji.web.ConfigFile` set, the other koji-web PythonOptions (`legacy`, not empty) are
/// ignored by Koji 1.7: removed under mod_wsgi (needing the handler swaps `handler_changes`),
/// reported under mod_python.
pub(crate) fn ignored_beside_config_file(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    legacy: &[usize],
    mod_python: bool,
    handler_changes: &[usize],
) {
    let span = cfg.items[legacy[0]].lines().start..cfg.items[legacy[legacy.len() - 1]].lines().end;
    let message = format!("koji.web.ConfigFile is set, so Koji 1.7 reads web.conf and ignores these PythonOptions ({}). \
        Copy any value that matters into web.conf.", edit::names(cfg, legacy));
    if mod_python {
        ctx.plan.note(&RULE, Severity::Warning, Some(span), message);
    } else {
        let c = ctx.plan.change(
            &RULE,
            Severity::Warning,
            span,
            legacy.iter().map(|&i| cfg.remove_item(i)).collect(),
            message,
        );
        ctx.plan.depend_on_all(c, handler_changes);
    }
}
