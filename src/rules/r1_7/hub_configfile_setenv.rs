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

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-configfile-setenv",
    release: Release::V1_7,
    summary: "Keep a custom hub.conf location with SetEnv",
    guide: Guide::CustomConfigFileLocation,
    explanation: explained!("Under mod_wsgi the hub finds its config through the environment variable koji.hub.ConfigFile (default /etc/koji-hub/hub.conf). A PythonOption ConfigFile naming another path becomes SetEnv koji.hub.ConfigFile with that path; the default path needs nothing."),
    rejecting: Some("its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."),
};
