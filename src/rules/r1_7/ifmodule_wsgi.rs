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
//! Where the logic is: All here: [`run`], called by the pipeline on every httpd input after the hub and web rules.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "ifmodule-wsgi",
    release: Release::V1_7,
    summary: "Switch <IfModule mod_python.c> wrappers of Koji sections to mod_wsgi",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("A Koji section wrapped in <IfModule mod_python.c> is skipped entirely once mod_python is no longer loaded, so the hub or web would silently vanish. Under mod_wsgi the wrapper tests for mod_wsgi instead."),
    rejecting: Some("the section inside is skipped once mod_python is gone, and that part of Koji disappears."),
};
