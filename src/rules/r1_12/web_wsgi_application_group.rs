//! `web-wsgi-application-group`: koji-web's `<Directory>` runs it in the main interpreter.
//!
//! From Koji 1.12 the stock koji-web config sets `WSGIApplicationGroup %{GLOBAL}`, as the hub's
//! has since 1.11: the OpenSSL bindings koji-web uses to talk to the hub fail in a mod_wsgi
//! sub-interpreter.
//!
//! ```text
//! before: <Directory "/usr/share/koji-web/scripts/">
//!             SetHandler wsgi-script
//!         </Directory>
//! after:  <Directory "/usr/share/koji-web/scripts/">
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
    id: "web-wsgi-application-group",
    release: RELEASE,
    summary: "Run koji-web in mod_wsgi's main interpreter (WSGIApplicationGroup %{GLOBAL})",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("Since Koji 1.12 koji-web's <Directory> sets WSGIApplicationGroup %{GLOBAL}: the OpenSSL bindings koji-web uses to talk to the hub do not work in a mod_wsgi sub-interpreter. The directive is added where it is missing."),
    rejecting: None,
};

const RELEASE: Release = Release::known(12);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Httpd(cfg) = doc else { return };
    if matches!(kind, FileKind::WebHttpd | FileKind::Httpd) {
        edit::add_to_wsgi_directories(cfg, App::Web, ctx, &RULE, "WSGIApplicationGroup", "WSGIApplicationGroup %{GLOBAL}",
            "Koji 1.12 runs koji-web in mod_wsgi's main interpreter, where its OpenSSL bindings work.");
    }
}
