//! `hub-wsgi-application-group`: the hub's `<Directory>` runs it in the main interpreter.
//!
//! From Koji 1.11 the stock hub config sets `WSGIApplicationGroup %{GLOBAL}`: Python's OpenSSL
//! bindings (cryptography) fail in a mod_wsgi sub-interpreter, and the hub uses them for SSL
//! and Kerberos logins.
//!
//! ```text
//! before: <Directory "/usr/share/koji-hub">
//!             Options ExecCGI
//!             SetHandler wsgi-script
//!         </Directory>
//! after:  <Directory "/usr/share/koji-hub">
//!             Options ExecCGI
//!             SetHandler wsgi-script
//!             WSGIApplicationGroup %{GLOBAL}
//!         </Directory>
//! ```

use crate::koji::Release;
use crate::report::{FileKind, Guide};
use crate::rules::context::{Ctx, Doc};
use crate::rules::httpd_edit::{self as edit, App};
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-wsgi-application-group",
    release: RELEASE,
    summary: "Run the hub in mod_wsgi's main interpreter (WSGIApplicationGroup %{GLOBAL})",
    guide: Guide::Migrating(RELEASE),
    explanation: explained!("Since Koji 1.11 the hub's <Directory> sets WSGIApplicationGroup %{GLOBAL}: the OpenSSL bindings the hub uses for logins do not work in a mod_wsgi sub-interpreter. The directive is added where it is missing."),
    rejecting: None,
};

const RELEASE: Release = Release::known(11);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Httpd(cfg) = doc else { return };
    if matches!(kind, FileKind::HubHttpd | FileKind::Httpd) {
        edit::add_to_wsgi_directories(cfg, App::Hub, ctx, &RULE, "WSGIApplicationGroup", "WSGIApplicationGroup %{GLOBAL}",
            "Koji 1.11 runs the hub in mod_wsgi's main interpreter, where its OpenSSL bindings work.");
    }
}
