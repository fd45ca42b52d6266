//! The koji client config (`/etc/koji.conf`, `~/.koji/config`): every section is a profile.
//! The helper of its kind: runs its 1.7 rules (`r1_7::client_pkgurl_topurl`,
//! `r1_7::client_krbservice`) and records each profile's `server` for the cross-file checks.

use super::r1_7::{client_krbservice, client_pkgurl_topurl};
use crate::ini::IniDocument;
use crate::rules::context::Ctx;

pub(crate) fn migrate(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    client_pkgurl_topurl::run(ini, ctx);
    for merged in ini.merged_sections() {
        if let Some(o) = merged.find(ini, "server").next_back() {
            let opt = &ini.options[o];
            ctx.facts
                .servers
                .push((ctx.input, opt.lines.start, opt.value.clone()));
        }
    }
    client_krbservice::run(ini, ctx);
}
