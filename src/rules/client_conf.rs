//! The koji client config (`/etc/koji.conf`, `~/.koji/config`): every section is a profile.

use super::pkgurl;
use super::r1_7::{client_krbservice, client_pkgurl_topurl};
use crate::ini::IniDocument;
use crate::report::Severity;
use crate::rules::context::Ctx;

pub(crate) fn migrate(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    pkgurl::migrate_sections(ini, ctx, &client_pkgurl_topurl::RULE, None);
    for merged in ini.merged_sections() {
        let section = merged.name;
        if let Some(o) = merged.find(ini, "server").next_back() {
            let opt = &ini.options[o];
            ctx.facts
                .servers
                .push((ctx.input, opt.lines.start, opt.value.clone()));
        }
        let authtype = merged.get(ini, "authtype").map(str::to_ascii_lowercase);
        let kerberos = authtype.as_deref() == Some("kerberos")
            || (authtype.is_none()
                && (merged.get(ini, "principal").is_some() || merged.get(ini, "keytab").is_some()));
        if kerberos && merged.get(ini, "krbservice").is_none() {
            let line = Some(merged.line..merged.line + 1);
            ctx.plan.note(&client_krbservice::RULE, Severity::Info, line, format!(
                "Profile [{section}] uses Kerberos: Koji 1.7 asks for the hub's principal as <krbservice>/<hub host>@<realm>, \
                 with krbservice = host unless set. Add krbservice if your hub's principal uses another service name."));
        }
    }
}
