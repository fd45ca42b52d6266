//! kojid.conf (`[kojid]`): the helper of its kind. Runs its 1.7 rule (`r1_7::kojid_pkgurl_topurl`:
//! `pkgurl` becomes `topurl`) and records `server` for the cross-file checks.
//!
//! kojid 1.7 will not start without `topurl` and rejects options it does not know, so the rule
//! adds nothing but `topurl`, and only when it can be deduced.

use super::r1_7::kojid_pkgurl_topurl;
use crate::ini::IniDocument;
use crate::rules::context::Ctx;

pub(crate) fn migrate(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    kojid_pkgurl_topurl::run(ini, ctx);
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
}
