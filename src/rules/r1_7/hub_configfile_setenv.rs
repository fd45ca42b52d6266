//! `hub-configfile-setenv`: a custom hub.conf location survives as `SetEnv koji.hub.ConfigFile`.
//!
//! mod_wsgi cannot pass PythonOptions; the hub reads the environment variable instead, and needs
//! nothing for the default path.
//!
//! ```text
//! before: PythonOption ConfigFile /srv/koji/hub.conf
//! after:  SetEnv koji.hub.ConfigFile /srv/koji/hub.conf
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
    id: "hub-configfile-setenv",
    release: Release::V1_7,
    summary: "Keep a custom hub.conf location with SetEnv",
    guide: Guide::CustomConfigFileLocation,
    explanation: explained!("Under mod_wsgi the hub finds its config through the environment variable koji.hub.ConfigFile (default /etc/koji-hub/hub.conf). A PythonOption ConfigFile naming another path becomes SetEnv koji.hub.ConfigFile with that path; the default path needs nothing."),
    rejecting: Some("its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."),
};

const DEFAULT_HUB_CONF: &str = "/etc/koji-hub/hub.conf";

/// `PythonOption ConfigFile` (item `i`, naming `path`) becomes `SetEnv koji.hub.ConfigFile`, or
/// goes when it names the default path; the change needs the handler swaps `handler_changes`.
pub(crate) fn run(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    i: usize,
    path: &str,
    handler_changes: &[usize],
) {
    let splice = edit::config_file_setenv(cfg, i, "koji.hub.ConfigFile", path, DEFAULT_HUB_CONF);
    let message = if edit::norm_path(path) == DEFAULT_HUB_CONF {
        "PythonOption ConfigFile named the default /etc/koji-hub/hub.conf, which the hub reads under mod_wsgi without being told.".into()
    } else {
        format!("hub.conf lives at {path}: under mod_wsgi the hub learns that from SetEnv koji.hub.ConfigFile.")
    };
    let c = ctx.plan.change(
        &RULE,
        Severity::Info,
        edit::lines(cfg, i),
        vec![splice],
        message,
    );
    ctx.plan.depend_on_all(c, handler_changes);
}
