//! `client-krbservice`: Kerberos profiles are told about `krbservice`.
//!
//! 1.7 builds the hub's principal as `<krbservice>/<hub host>@<realm>`, `host` by default: a hub
//! with another service name needs the option.
//!
//! ```text
//! before: [koji]
//!         authtype = kerberos
//! after:  (unchanged; an info note)
//! ```
//!
//! The logic is all here: [`run`], called by `rules::client_conf`.

use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "client-krbservice",
    release: Release::V1_7,
    summary: "Mention krbservice for Kerberos profiles",
    guide: Guide::UrlOptions,
    explanation: explained!("Koji 1.7 builds the hub's Kerberos principal as <krbservice>/<hub host>@<realm>, krbservice defaulting to host. A profile that authenticates with Kerberos may need krbservice set."),
    rejecting: None,
};

/// Notes each profile of a client config that authenticates with Kerberos without `krbservice`.
pub(crate) fn run(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    for merged in ini.merged_sections() {
        let section = merged.name;
        let authtype = merged.get(ini, "authtype").map(str::to_ascii_lowercase);
        let kerberos = authtype.as_deref() == Some("kerberos")
            || (authtype.is_none()
                && (merged.get(ini, "principal").is_some() || merged.get(ini, "keytab").is_some()));
        if kerberos && merged.get(ini, "krbservice").is_none() {
            let line = Some(merged.line..merged.line + 1);
            ctx.plan.note(&RULE, Severity::Info, line, format!(
                "Profile [{section}] uses Kerberos: Koji 1.7 asks for the hub's principal as <krbservice>/<hub host>@<realm>, \
                 with krbservice = host unless set. Add krbservice if your hub's principal uses another service name."));
        }
    }
}
