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

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-configfile",
    release: Release::V1_7,
    summary: "Tell koji-web where web.conf is",
    guide: Guide::CustomConfigFileLocation,
    explanation: explained!("Under mod_wsgi a web.conf outside /etc/kojiweb/web.conf is named with SetEnv koji.web.ConfigFile. Under mod_python, web.conf is read only if PythonOption koji.web.ConfigFile names it, so that line is always added in mod_python mode."),
    rejecting: Some("koji-web does not find web.conf (and under mod_wsgi Apache refuses the PythonOption line that stays)."),
};
