//! `hub-wsgi-script-reloading`: mod_wsgi must not reload the hub (`WSGIScriptReloading Off`).
//!
//! From Koji 1.18 the stock hub config turns script reloading off: a reload resets the hub's
//! per-process "first call" setup (pagure.io/koji issue 875).
//!
//! ```text
//! before: <Directory "/usr/share/koji-hub">
//!             SetHandler wsgi-script
//!         </Directory>
//! after:  <Directory "/usr/share/koji-hub">
//!             SetHandler wsgi-script
//!             WSGIScriptReloading Off
//!         </Directory>
//! ```

use crate::koji::Release;
use crate::report::{FileKind, Guide};
use crate::rules::context::{Ctx, Doc};
use crate::rules::httpd_edit::{self as edit, App};
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-wsgi-script-reloading",
    release: RELEASE,
    summary: "Stop mod_wsgi from reloading the hub (WSGIScriptReloading Off)",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("Since Koji 1.18 the hub's <Directory> sets WSGIScriptReloading Off: reloading the script in a running process breaks the hub's one-time setup of each process. The directive is added where it is missing."),
    rejecting: None,
};

const RELEASE: Release = Release::known(18);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Httpd(cfg) = doc else { return };
    if matches!(kind, FileKind::HubHttpd | FileKind::Httpd) {
        edit::add_to_wsgi_directories(
            cfg,
            App::Hub,
            ctx,
            &RULE,
            "WSGIScriptReloading",
            "WSGIScriptReloading Off",
            "Koji 1.18 keeps mod_wsgi from reloading the hub in a running process.",
        );
    }
}
