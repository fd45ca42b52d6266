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
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::Doc;

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
    /// What changed, in a few words (always shown).
    title: &'static str,
    /// What to do about it ("" in the page, which links the release's notes for it).
    text: &'static str,
}

const fn n(
    release: u8,
    kind: FileKind,
    when: When,
    severity: Severity,
    title: &'static str,
    text: &'static str,
) -> Notice {
    Notice {
        release,
        kind,
        when,
        severity,
        title,
        text,
    }
}

use FileKind::{ClientConf, HubConf, HubHttpd, KojidConf, KojiraConf, WebConf, WebHttpd};
use Severity::{Action, Error, Info};
use When::{Always, Unset, ValueHas};

static NOTICES: &[Notice] = &[
    n(10, KojidConf, Unset("workdir"), Info, "kojid's default workdir is /var/tmp/koji from 1.10", explained!("this file does not set workdir, so builds use the new place (it was /tmp/koji).")),
    n(12, HubConf, Unset("checkclientip"), Action, "The hub checks each session's client IP address from 1.12 (CheckClientIP)", explained!("it is on by default; behind a proxy or a NAT with changing addresses, set CheckClientIP = False.")),
    n(13, ClientConf, Always, Info, "From 1.13 a missing client profile is an error", explained!("the client stops when the chosen profile has no section in any config file (it used to warn).")),
    n(17, HubConf, ValueHas("plugins", "messagebus"), Error, "Koji 1.17 removed the messagebus hub plugin", explained!("a hub whose Plugins names it takes itself offline with a configuration error: remove it from Plugins and set up protonmsg instead.")),
    n(18, KojidConf, Unset("use_createrepo_c"), Info, "kojid uses createrepo_c by default from 1.18", explained!("this file does not set use_createrepo_c, so the new default (True) applies.")),
    n(19, HubHttpd, Always, Action, "From 1.19 the hub needs /etc/koji-hub/hub.conf", explained!("the hub refuses to start without it (it used built-in defaults before): make sure the file exists.")),
    n(19, WebHttpd, Always, Action, "From 1.19 koji-web needs /etc/kojiweb/web.conf", explained!("koji-web refuses to start without it, even when web.conf.d holds settings: make sure the file exists.")),
    n(22, HubHttpd, Always, Action, "From 1.22 the hub and koji-web run on Python 3 only, without the krbV login", explained!("install them on a host with Python 3 and mod_wsgi for Python 3, and log in with GSSAPI (mod_auth_gssapi) or SSL certificates.")),
    n(27, WebConf, ValueHas("webauthtype", "kerberos"), Error, "koji-web 1.27 accepts only gssapi or ssl for WebAuthType", explained!("kerberos makes it refuse to start: use gssapi.")),
    n(31, HubConf, Unset("disableurlsessions"), Info, "Sessions travel in HTTP headers from 1.31 (DisableURLSessions)", explained!("session ids in URLs are still accepted while DisableURLSessions is False (the default): set it True once every client is 1.31 or later.")),
    n(33, HubConf, Unset("sessionrenewaltimeout"), Info, "Sessions must log in again after SessionRenewalTimeout from 1.33", explained!("SessionRenewalTimeout is in minutes (default 1440, a day; 0 turns it off).")),
    n(35, KojiraConf, Unset("max_repo_tasks"), Info, "Koji 1.35 generates repositories in the hub (MaxRepoTasks)", explained!("how many repo tasks run at once is the hub's MaxRepoTasks now (default 10; kojira's max_repo_tasks defaulted to 4).")),
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
        let message = if notice.text.is_empty() {
            format!("{}: see the release notes.", notice.title)
        } else {
            format!("{}: {}", notice.title, notice.text)
        };
        plan.note(&RULE, notice.severity, lines, message);
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
