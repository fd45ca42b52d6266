//! kojid.conf (`[kojid]`): `pkgurl` becomes `topurl`.
//!
//! kojid 1.7 will not start without `topurl` and rejects options it does not know, so this rule
//! adds nothing but `topurl`, and only when it can be deduced.

use super::pkgurl;
use super::r1_7::kojid_pkgurl_topurl;
use crate::ini::IniDocument;
use crate::report::Severity;
use crate::rules::context::Ctx;

pub(crate) fn migrate(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    pkgurl::migrate_sections(ini, ctx, &kojid_pkgurl_topurl::RULE, Some("kojid"));
    if let Some(server) = ini.get("kojid", "server") {
        let line = ini
            .find("kojid", "server")
            .last()
            .map(|o| ini.options[o].lines.start)
            .unwrap_or(0);
        ctx.facts
            .servers
            .push((ctx.input, line, server.to_string()));
    }
    let has_top = ini.find("kojid", "topurl").next().is_some();
    let has_pkg = ini.find("kojid", "pkgurl").next().is_some();
    if !has_top && !has_pkg && ini.section_names().contains(&"kojid") {
        ctx.plan.note(&kojid_pkgurl_topurl::RULE, Severity::Action, None,
            "[kojid] sets neither topurl nor pkgurl; kojid 1.7 will not start without topurl = <URL of the top of /mnt/koji>.".into());
    }
}
