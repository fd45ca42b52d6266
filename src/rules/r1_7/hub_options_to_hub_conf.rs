//! `hub-options-to-hub-conf`: a hub configured only with PythonOptions gets a new hub.conf holding them.
//!
//! Under mod_wsgi PythonOptions no longer reach the hub; without `ConfigFile` they were its only
//! configuration, so each one moves, value unchanged, to `[hub]` of a created hub.conf.
//!
//! ```text
//! before: PythonOption DBName koji
//!         PythonOption KojiDir /mnt/koji
//! after:  (removed)      new hub.conf:  [hub]
//!                                       DBName = koji
//!                                       KojiDir = /mnt/koji
//! ```
//!
//! Where the logic is: [`run`] here (mod_wsgi); under mod_python only a warning, written by `rules::hub_httpd`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-options-to-hub-conf",
    release: Release::V1_7,
    summary: "Move legacy hub PythonOptions into hub.conf",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("A hub configured only through PythonOptions (no ConfigFile) cannot be configured that way under mod_wsgi. Each option moves to a new hub.conf, section [hub], with its value unchanged."),
    rejecting: Some("its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."),
};
