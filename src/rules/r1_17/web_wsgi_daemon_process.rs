//! `web-wsgi-daemon-process`: koji-web runs in its own mod_wsgi daemon with a UTF-8 locale.
//!
//! Koji 1.17 runs koji-web on Python 3, whose Cheetah templates need a UTF-8 locale; httpd's
//! default locale is C, and pages fail to render. The stock config from 1.17 declares a daemon
//! process `koji` with `lang=C.UTF-8` and runs koji-web in it (`WSGIProcessGroup koji`, inside
//! koji-web's `<Directory>` since 1.25, at top level in 1.17–1.24).
//!
//! ```text
//! before: <Directory "/usr/share/koji-web/scripts/">     after: WSGIDaemonProcess koji lang=C.UTF-8
//!             SetHandler wsgi-script                            <Directory "/usr/share/koji-web/scripts/">
//!         </Directory>                                              SetHandler wsgi-script
//!                                                                   WSGIProcessGroup koji
//!                                                               </Directory>
//! ```
//!
//! A config that already declares a daemon process is the site's own design and is left alone.

use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::{Ctx, Doc};
use crate::rules::httpd_edit::{self as edit, App};
use crate::rules::r1_25::web_wsgi_process_group_placement::INSIDE_DIRECTORY;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-wsgi-daemon-process",
    release: RELEASE,
    summary: "Run koji-web in a mod_wsgi daemon with a UTF-8 locale",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("Koji 1.17 runs koji-web on Python 3, whose templates need a UTF-8 locale, while httpd's default is C. The stock config declares WSGIDaemonProcess koji lang=C.UTF-8 and runs koji-web in it with WSGIProcessGroup koji (inside koji-web's <Directory> from 1.25 on). A config without any daemon process gets both; one that declares its own is left alone."),
    rejecting: Some("koji-web runs with httpd's C locale, and Python 3 fails to read its templates."),
};

const RELEASE: Release = Release::known(17);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Httpd(cfg) = doc else { return };
    if !matches!(kind, FileKind::WebHttpd | FileKind::Httpd)
        || cfg.find_all("WSGIDaemonProcess").next().is_some()
        || cfg.find_all("WSGIProcessGroup").next().is_some()
    {
        return;
    }
    let dirs = edit::wsgi_directories(cfg, App::Web, ctx);
    let [(scope, close)] = dirs[..] else {
        if dirs.len() > 1 {
            ctx.plan.note(&RULE, Severity::Action, None,
                "koji-web is served from several <Directory> sections: declare WSGIDaemonProcess koji lang=C.UTF-8 once and add WSGIProcessGroup koji where it runs.".into());
        }
        return;
    };
    let open_line = cfg.items[scope].lines().start;
    let daemon = format!("{}WSGIDaemonProcess koji lang=C.UTF-8", cfg.indent(scope));
    let mut splices = vec![cfg.insert_before_item(scope, vec![daemon])];
    if ctx.options.to >= INSIDE_DIRECTORY {
        splices.push(cfg.insert_before_item(
            close,
            vec![format!("{}WSGIProcessGroup koji", cfg.child_indent(scope))],
        ));
    } else {
        splices[0]
            .insert
            .push(format!("{}WSGIProcessGroup koji", cfg.indent(scope)));
    }
    let swaps = edit::handler_swaps(ctx, App::Web);
    let c = ctx.plan.change(&RULE, Severity::Info, open_line..open_line + 1, splices,
        "Koji 1.17's koji-web needs a UTF-8 locale: it now runs in the daemon process koji with lang=C.UTF-8.".into());
    ctx.plan.depend_on_all(c, &swaps);
}
