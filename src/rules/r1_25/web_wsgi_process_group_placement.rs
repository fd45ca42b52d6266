//! `web-wsgi-process-group-placement`: `WSGIProcessGroup koji` moves into koji-web's
//! `<Directory>`.
//!
//! From Koji 1.24.1 the stock koji-web config sets the process group inside koji-web's
//! `<Directory>` instead of at top level, where it applied to every WSGI application of the
//! server (the hub's too, when both share an httpd).
//!
//! ```text
//! before: WSGIDaemonProcess koji lang=C.UTF-8         after: WSGIDaemonProcess koji lang=C.UTF-8
//!         WSGIProcessGroup koji                              <Directory "/usr/share/koji-web/scripts/">
//!         <Directory "/usr/share/koji-web/scripts/">             SetHandler wsgi-script
//!             SetHandler wsgi-script                             WSGIProcessGroup koji
//!         </Directory>                                       </Directory>
//! ```

use crate::httpd::ItemKind;
use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::{Ctx, Doc};
use crate::rules::httpd_edit::{self as edit, App};
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-wsgi-process-group-placement",
    release: INSIDE_DIRECTORY,
    summary: "Set koji-web's WSGIProcessGroup inside its <Directory>",
    guide: Guide::ReleaseNotes(INSIDE_DIRECTORY),
    explanation: explained!("From Koji 1.24.1 the stock koji-web config sets WSGIProcessGroup koji inside koji-web's <Directory> rather than at top level, where it also applied to every other WSGI application of the server, the hub's included. A top-level WSGIProcessGroup koji moves into koji-web's only <Directory>."),
    rejecting: None,
};

/// The release whose stock config sets the process group inside the `<Directory>`.
pub(crate) const INSIDE_DIRECTORY: Release = Release::known(25);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Httpd(cfg) = doc else { return };
    if !matches!(kind, FileKind::WebHttpd | FileKind::Httpd) {
        return;
    }
    let top: Vec<usize> = cfg
        .find_all("WSGIProcessGroup")
        .filter(|&i| {
            cfg.items[i].parent().is_none()
                && cfg.directive(i).and_then(|d| d.arg(0)) == Some("koji")
        })
        .collect();
    let [group] = top[..] else { return };
    let dirs = edit::wsgi_directories(cfg, App::Web, ctx);
    let [(scope, close)] = dirs[..] else { return };
    if cfg.items[scope].parent().is_some()
        || (scope + 1..close).any(|i| cfg.directive(i).is_some_and(|d| d.is("WSGIProcessGroup")))
        || !matches!(cfg.items[close].kind, ItemKind::SectionClose { .. })
        || ctx.plan.touches(&cfg.items[group].lines())
    {
        return;
    }
    ctx.plan.change(&RULE, Severity::Info, edit::lines(cfg, group), vec![
        cfg.remove_item(group),
        cfg.insert_before_item(close, vec![format!("{}WSGIProcessGroup koji", cfg.child_indent(scope))]),
    ], "From 1.24.1 koji-web's process group is set inside its <Directory>, so that it no longer applies to the server's other WSGI applications.".into());
}
