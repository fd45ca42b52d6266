//! `hub-alias-kojiapp`: the `/kojihub` Alias names `kojiapp.py` from Koji 1.32 on.
//!
//! Koji 1.32 moved the hub's code into Python's site-packages; the only file left in
//! `/usr/share/koji-hub/` for httpd to run is `kojiapp.py`, so an Alias that still names
//! `kojixmlrpc.py` points at a file that no longer exists and every hub call fails.
//!
//! ```text
//! before: Alias /kojihub /usr/share/koji-hub/kojixmlrpc.py
//! after:  Alias /kojihub /usr/share/koji-hub/kojiapp.py
//! ```
//!
//! A hub Alias still naming mod_python's `XMLRPC` is rewritten by `hub-alias-wsgi` (1.7), which
//! names the target release's script directly; this rule then adds its note to that change.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::{Ctx, Doc};
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-alias-kojiapp",
    release: RELEASE,
    summary: "Point the /kojihub Alias at kojiapp.py",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("Koji 1.32 moved the hub's code into Python's site-packages and installs only kojiapp.py in /usr/share/koji-hub for httpd to run. An Alias that names kojixmlrpc.py points at a file that is gone, so it is changed to kojiapp.py in the same directory."),
    rejecting: Some("the Alias names kojixmlrpc.py, which Koji 1.32 and later no longer install, so every hub call fails."),
};

const RELEASE: Release = Release::known(32);

/// The hub's WSGI script in `release`.
pub(crate) fn hub_script(release: Release) -> &'static str {
    if release >= RELEASE {
        "kojiapp.py"
    } else {
        "kojixmlrpc.py"
    }
}

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Httpd(cfg) = doc else { return };
    if !matches!(kind, FileKind::HubHttpd | FileKind::Httpd) {
        return;
    }
    for a in cfg.find_all("Alias") {
        rewrite_alias(cfg, a, ctx);
    }
}

fn rewrite_alias(cfg: &HttpdConfig, a: usize, ctx: &mut Ctx<'_>) {
    let Some(target) = cfg.directive(a).and_then(|d| d.arg(1)) else {
        return;
    };
    let Some(dir) = target.strip_suffix("kojixmlrpc.py") else {
        return;
    };
    if !(dir.is_empty() || dir.ends_with('/')) {
        return;
    }
    let new_target = format!("{dir}kojiapp.py");
    let lines = edit::lines(cfg, a);
    ctx.plan.change(
        &RULE,
        Severity::Info,
        lines.clone(),
        vec![cfg.replace_item(a, vec![edit::with_arg(cfg, a, 1, &new_target)])],
        format!(
            "Koji 1.32 serves the hub through {new_target}; kojixmlrpc.py is no longer installed."
        ),
    );
}
