//! `web-configfile`: koji-web is told where web.conf is when it needs to be.
//!
//! Under mod_wsgi a web.conf outside the default path is named by `SetEnv koji.web.ConfigFile`;
//! under mod_python web.conf is read only when `PythonOption koji.web.ConfigFile` names it.
//!
//! ```text
//! before: PythonOption koji.web.ConfigFile /srv/kojiweb/web.conf
//! after:  SetEnv koji.web.ConfigFile /srv/kojiweb/web.conf
//! ```
//!
//! Where the logic is: [`run`] here (an existing pointer, mod_wsgi); the mod_python pointer is added by
//! `rules::web_settings::write_web_conf` where the settings left.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::web_httpd::DEFAULT_WEB_CONF;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-configfile",
    release: Release::V1_7,
    summary: "Tell koji-web where web.conf is",
    guide: Guide::CustomConfigFileLocation,
    explanation: explained!("Under mod_wsgi a web.conf outside /etc/kojiweb/web.conf is named with SetEnv koji.web.ConfigFile. Under mod_python, web.conf is read only if PythonOption koji.web.ConfigFile names it, so that line is always added in mod_python mode."),
    rejecting: Some("koji-web does not find web.conf (and under mod_wsgi Apache refuses the PythonOption line that stays)."),
};

/// Under mod_wsgi, `PythonOption koji.web.ConfigFile` (item `i`, naming `path`) becomes
/// `SetEnv koji.web.ConfigFile`, or goes for the default path; the change needs the handler
/// swaps `handler_changes`.
pub(crate) fn run(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    i: usize,
    path: &str,
    handler_changes: &[usize],
) {
    let splice = edit::config_file_setenv(cfg, i, "koji.web.ConfigFile", path, DEFAULT_WEB_CONF);
    let c = ctx.plan.change(&RULE, Severity::Info, edit::lines(cfg, i), vec![splice],
        "Under mod_wsgi, koji-web finds web.conf through SetEnv koji.web.ConfigFile (needed only for a path other than /etc/kojiweb/web.conf).".into());
    ctx.plan.depend_on_all(c, handler_changes);
}
