//! `kojid-pkgurl-topurl`: kojid's `pkgurl` becomes `topurl`.
//!
//! kojid 1.7 refuses to start without `topurl` and ignores `pkgurl`; `topurl` is deduced when
//! `pkgurl` ends in `/packages`.
//!
//! ```text
//! before: [kojid]
//!         pkgurl = http://koji/packages
//! after:  [kojid]
//!         topurl = http://koji
//! ```
//!
//! Where the logic is: [`run`] here; the edit is shared with the client (`rules::pkgurl::migrate_sections`).

use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::{pkgurl, Rule};

pub static RULE: Rule = Rule {
    id: "kojid-pkgurl-topurl",
    release: Release::V1_7,
    summary: "Replace kojid's pkgurl by topurl",
    guide: Guide::UrlOptions,
    explanation: explained!("kojid 1.7 refuses to start without topurl, the URL of the top of /mnt/koji, and ignores pkgurl. When pkgurl ends in /packages, topurl is that URL without it; an existing topurl wins and pkgurl goes; otherwise you are asked for the URL."),
    rejecting: Some("kojid 1.7 refuses to start without topurl."),
};

/// `pkgurl` → `topurl` in `[kojid]`, or an action note when it sets neither.
pub(crate) fn run(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    pkgurl::migrate_sections(ini, ctx, &RULE, Some("kojid"));
    let has_top = ini.find("kojid", "topurl").next().is_some();
    let has_pkg = ini.find("kojid", "pkgurl").next().is_some();
    if !has_top && !has_pkg && ini.section_names().contains(&"kojid") {
        ctx.plan.note(&RULE, Severity::Action, None,
            "[kojid] sets neither topurl nor pkgurl; kojid 1.7 will not start without topurl = <URL of the top of /mnt/koji>.".into());
    }
}
