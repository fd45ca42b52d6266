//! `release-notices`: what a release changed that needs a decision, said once to the files it
//! concerns when the release is one of the migration's steps.
//!
//! Some release changes cannot be made by a tool: a default that changed behaviour, a login
//! method that went away, a plugin removed. Each is a notice of our own words with the release
//! that made it; a notice is shown on each input of the kind it concerns, when it applies to the
//! file (a setting it has or lacks), and links that release's notes or guide.

use super::{Plan, Rule};
use crate::ini::IniDocument;
use crate::koji::Release;
use crate::migrate::Doc;
use crate::report::{FileKind, Guide, Severity};

pub static RULE: Rule = Rule {
    id: "release-notices",
    release: Release::NEWEST,
    summary: "Say what a release changed that needs your decision",
    guide: Guide::ReleaseNotes(Release::NEWEST),
    explanation: explained!("Some changes between releases cannot be made by a tool: defaults that changed behaviour, login methods that went away, removed plugins. Each is said once on the files it concerns, when its release lies between the release you run and the target, with a link to that release's notes."),
    rejecting: None,
};

/// When a notice applies to a file.
#[derive(Clone, Copy)]
enum When {
    /// Always, for the kind.
    Always,
    /// The file does not set this option (lower-case) in its main section.
    Unset(&'static str),
    /// The file sets this option and its value contains this text (lower-case).
    ValueHas(&'static str, &'static str),
}

struct Notice {
    release: u8,
    kind: FileKind,
    when: When,
    severity: Severity,
    text: &'static str,
}

const fn n(
    release: u8,
    kind: FileKind,
    when: When,
    severity: Severity,
    text: &'static str,
) -> Notice {
    Notice {
        release,
        kind,
        when,
        severity,
        text,
    }
}

use FileKind::{ClientConf, HubConf, HubHttpd, KojidConf, KojiraConf, WebConf, WebHttpd};
use Severity::{Action, Error, Info};
use When::{Always, Unset, ValueHas};

static NOTICES: &[Notice] = &[
    n(10, KojidConf, Unset("workdir"), Info, "kojid's default workdir moved from /tmp/koji to /var/tmp/koji (1.10); this file does not set it, so builds use the new place."),
    n(12, HubConf, Unset("checkclientip"), Action, "The hub checks that a session keeps its client's IP address (CheckClientIP, default True, 1.12): behind a proxy or a NAT with changing addresses, set CheckClientIP = False."),
    n(13, ClientConf, Always, Info, "From 1.13 the client stops with an error when the chosen profile has no section in any config file (it used to warn)."),
    n(17, HubConf, ValueHas("plugins", "messagebus"), Error, "Koji 1.17 removed the messagebus hub plugin: a hub whose Plugins names it takes itself offline with a configuration error. Remove it from Plugins and set up protonmsg instead."),
    n(18, KojidConf, Unset("use_createrepo_c"), Info, "kojid uses createrepo_c by default from 1.18 (use_createrepo_c = True); this file does not set it."),
    n(19, HubHttpd, Always, Action, "From 1.19 the hub refuses to start without /etc/koji-hub/hub.conf (it used built-in defaults before): make sure the file exists."),
    n(19, WebHttpd, Always, Action, "From 1.19 koji-web refuses to start without /etc/kojiweb/web.conf, even when web.conf.d holds settings: make sure the file exists."),
    n(22, HubHttpd, Always, Action, "From 1.22 the hub and koji-web run on Python 3 only and the old Kerberos (krbV) login is gone: install them on a host with Python 3 and mod_wsgi for Python 3, and use GSSAPI (mod_auth_gssapi) or SSL certificates for logins."),
    n(27, WebConf, ValueHas("webauthtype", "kerberos"), Error, "koji-web 1.27 accepts only gssapi or ssl for WebAuthType: kerberos makes it refuse to start. Use gssapi."),
    n(31, HubConf, Unset("disableurlsessions"), Info, "1.31 moved sessions to HTTP headers; session ids in URLs are still accepted while DisableURLSessions is False (the default). Set it to True once every client is 1.31 or later."),
    n(33, HubConf, Unset("sessionrenewaltimeout"), Info, "From 1.33 sessions must log in again after SessionRenewalTimeout minutes (default 1440, a day; 0 turns it off)."),
    n(35, KojiraConf, Unset("max_repo_tasks"), Info, "Koji 1.35 generates repositories in the hub: how many repo tasks run at once is the hub's MaxRepoTasks (default 10; kojira's max_repo_tasks defaulted to 4)."),
];

/// After every input, once the source release is known: the notices of the steps from `from` to
/// `to`, on the inputs they concern.
pub(crate) fn run_all(
    docs: &[Doc],
    kinds: &[FileKind],
    plans: &mut [Plan],
    from: Release,
    to: Release,
) {
    if !cfg!(feature = "releases") || to <= Release::V1_7 {
        return;
    }
    for ((doc, &kind), plan) in docs.iter().zip(kinds).zip(plans.iter_mut()) {
        run(doc, kind, plan, from, to);
    }
}

fn run(doc: &Doc, kind: FileKind, plan: &mut Plan, from: Release, to: Release) {
    for notice in NOTICES {
        let Some(release) = Release::new(notice.release) else {
            continue;
        };
        if notice.kind != kind || !release.is_step_of(from, to) {
            continue;
        }
        let lines = match (notice.when, doc) {
            (Always, _) => None,
            (Unset(name), Doc::Ini(ini)) => match main_option(ini, kind, name) {
                Some(_) => continue,
                None => None,
            },
            (ValueHas(name, text), Doc::Ini(ini)) => match main_option(ini, kind, name) {
                Some(o) if ini.options[o].value.to_ascii_lowercase().contains(text) => {
                    Some(ini.options[o].lines.clone())
                }
                _ => continue,
            },
            _ => continue,
        };
        plan.note(&RULE, notice.severity, lines, notice.text.to_string());
        plan.guide_last(Guide::ReleaseNotes(release));
    }
}

/// The option Python keeps for `name` in the main section of a file of `kind`.
fn main_option(ini: &IniDocument, kind: FileKind, name: &str) -> Option<usize> {
    let section = match kind {
        FileKind::HubConf => "hub",
        FileKind::WebConf => "web",
        FileKind::KojidConf => "kojid",
        FileKind::KojiraConf => "kojira",
        _ => "koji",
    };
    ini.find(section, name).last()
}
