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

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::{is_secret_key, py2_cuts, NewFile, Rule};

pub static RULE: Rule = Rule {
    id: "hub-options-to-hub-conf",
    release: Release::V1_7,
    summary: "Move legacy hub PythonOptions into hub.conf",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("A hub configured only through PythonOptions (no ConfigFile) cannot be configured that way under mod_wsgi. Each option moves to a new hub.conf, section [hub], with its value unchanged."),
    rejecting: Some("its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."),
};

/// Moves the hub PythonOptions `others` (not empty; no `ConfigFile` among the options) into a
/// new hub.conf; the change needs the handler swaps `handler_changes`.
pub(crate) fn run(
    cfg: &HttpdConfig,
    ctx: &mut Ctx<'_>,
    others: &[usize],
    handler_changes: &[usize],
) {
    let (splices, span) = edit::remove_all(cfg, others);
    let mut file = NewFile::new("hub.conf", FileKind::HubConf);
    file.push("# koji-hub settings for Koji 1.7, moved here by koji-migrate from the httpd config's PythonOptions.", None);
    file.push("[hub]", None);
    let first = file.lines.len();
    let mut cut = Vec::new();
    for &i in others {
        let Some(d) = cfg.directive(i) else { continue };
        let (key, value) = (d.arg(0).unwrap_or(""), d.arg(1).unwrap_or(""));
        let at = file.push(
            format!("{key} = {value}"),
            Some((ctx.input, cfg.items[i].lines().start)),
        );
        if py2_cuts(value) {
            cut.push((edit::lines(cfg, i), at));
        }
    }
    let last = file.lines.len();
    let k = ctx.new_files.len();
    ctx.new_files.push(file);
    let c = ctx.plan.change(&RULE, Severity::Info, span.clone(), splices, format!(
        "The hub was configured with PythonOptions only ({}); mod_wsgi cannot pass them, so they move to the new hub.conf, section [hub]. \
         Install it as /etc/koji-hub/hub.conf.", edit::names(cfg, others)));
    ctx.plan.depend_on_all(c, handler_changes);
    ctx.new_files[k].created_by = Some((ctx.input, c));
    ctx.plan.note_new_file(
        &RULE,
        Severity::Info,
        Some(span),
        (k, first..last),
        Some(c),
        "Each PythonOption became a line of [hub], value unchanged.".into(),
    );
    if others.iter().any(|&i| {
        cfg.directive(i)
            .and_then(|d| d.arg(0))
            .is_some_and(is_secret_key)
    }) {
        ctx.plan.note_new_file(
            &RULE,
            Severity::Action,
            None,
            (k, first..last),
            Some(c),
            "hub.conf now holds a password: make it readable only by root and apache (mode 0640)."
                .into(),
        );
    }
    for (lines, at) in cut {
        ctx.plan.note_new_file(&RULE, Severity::Warning, Some(lines), (k, at..at + 1), Some(c),
            "This value holds ' ;': Koji 1.7 on Python 2 reads hub.conf with a parser that drops everything from there on. \
             Rephrase the value without a blank before ';'.".into());
    }
}
