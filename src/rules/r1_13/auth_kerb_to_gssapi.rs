//! `auth-kerb-to-gssapi`: Kerberos logins move from mod_auth_kerb to mod_auth_gssapi.
//!
//! From Koji 1.13 the hub and koji-web packages require mod_auth_gssapi (on current Fedora and
//! RHEL, where mod_auth_kerb is gone), and the stock login examples use it from 1.21.1/1.22. A
//! section that logs in with `AuthType Kerberos` is rewritten the way the stock example changed:
//! the keytab becomes a credential store, the mod_auth_kerb settings that have no counterpart
//! go. Which principal the keytab holds and which realms may log in stay for the admin to
//! confirm, so the change comes with an action.
//!
//! ```text
//! before: <Location /koji/login>             after: <Location /koji/login>
//!             AuthType Kerberos                         AuthType GSSAPI
//!             KrbMethodNegotiate on                     GssapiCredStore keytab:/etc/httpd.keytab
//!             KrbServiceName HTTP                       Require valid-user
//!             Krb5Keytab /etc/httpd.keytab          </Location>
//!             Require valid-user
//!         </Location>
//! ```

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::rules::context::{Ctx, Doc};
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "auth-kerb-to-gssapi",
    release: RELEASE,
    summary: "Log in with mod_auth_gssapi instead of mod_auth_kerb",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("From Koji 1.13 the hub and koji-web packages require mod_auth_gssapi, and mod_auth_kerb is gone from current distributions; the stock login examples use GSSAPI from 1.21.1. A section with AuthType Kerberos becomes AuthType GSSAPI, Krb5Keytab FILE becomes GssapiCredStore keytab:FILE, and the mod_auth_kerb settings without a counterpart (KrbMethodNegotiate, KrbMethodK5Passwd, KrbServiceName, KrbAuthRealm, KrbSaveCredentials) go. You confirm the principal in the keytab and which realms may log in."),
    rejecting: Some("httpd refuses the mod_auth_kerb directives once mod_auth_kerb is not installed."),
};

const RELEASE: Release = Release::known(13);

/// mod_auth_kerb settings that the GSSAPI example has no line for.
const DROPPED: [&str; 5] = [
    "KrbMethodNegotiate",
    "KrbMethodK5Passwd",
    "KrbServiceName",
    "KrbAuthRealm",
    "KrbSaveCredentials",
];

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    let Doc::Httpd(cfg) = doc else { return };
    if !kind.is_httpd() {
        return;
    }
    let auth_types: Vec<usize> = cfg
        .find_all("AuthType")
        .filter(|&i| {
            cfg.directive(i)
                .and_then(|d| d.arg(0))
                .is_some_and(|a| a.eq_ignore_ascii_case("Kerberos"))
        })
        .collect();
    if auth_types.is_empty() {
        return;
    }
    // One change per section (or the top level), whatever number of AuthType lines it holds, in
    // the order the sections first hold one. Grouped through a slot per section (by its index
    // + 1, 0 for the top level), not a search per line, which was quadratic.
    let mut group_of = vec![usize::MAX; cfg.items.len() + 1];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &at in &auth_types {
        let slot = &mut group_of[cfg.items[at].parent().map_or(0, |p| p + 1)];
        if *slot == usize::MAX {
            *slot = groups.len();
            groups.push(Vec::new());
        }
        groups[*slot].push(at);
    }
    for here in &groups {
        rewrite_section(cfg, here, ctx);
    }
}

fn rewrite_section(cfg: &HttpdConfig, auth_types: &[usize], ctx: &mut Ctx<'_>) {
    let auth_type = auth_types[0];
    // The directives of the same section as `AuthType Kerberos` (or of the top level).
    let siblings: Vec<usize> = match cfg.items[auth_type].parent() {
        Some(open) => cfg
            .children(open)
            .filter(|&i| cfg.items[i].parent() == Some(open))
            .collect(),
        None => (0..cfg.items.len())
            .filter(|&i| cfg.items[i].parent().is_none())
            .collect(),
    };
    let mut splices: Vec<_> = auth_types
        .iter()
        .map(|&a| cfg.replace_item(a, vec![edit::with_arg(cfg, a, 0, "GSSAPI")]))
        .collect();
    let mut keytab = None;
    let mut unknown = Vec::new();
    for &i in &siblings {
        let Some(d) = cfg.directive(i) else { continue };
        if d.is("Krb5Keytab") {
            let file = d.arg(0).unwrap_or("");
            keytab = Some(file.to_string());
            splices.push(cfg.replace_item(
                i,
                vec![edit::line_like(
                    cfg,
                    i,
                    &format!("GssapiCredStore keytab:{file}"),
                )],
            ));
        } else if DROPPED.iter().any(|n| d.is(n)) {
            splices.push(cfg.remove_item(i));
        } else if d.name().len() > 3 && d.name()[..3].eq_ignore_ascii_case("krb") {
            unknown.push(d.name().to_string());
        }
    }
    let lines = edit::lines(cfg, auth_type);
    if splices.iter().any(|s| ctx.plan.touches(&s.removed())) {
        return;
    }
    let keytab = keytab.map_or_else(
        || "No Krb5Keytab was set: add GssapiCredStore keytab:<the keytab with the HTTP/<host> principal>.".to_string(),
        |k| format!("Check that {k} holds the HTTP/<this host> principal that mod_auth_gssapi uses."),
    );
    let unknown = if unknown.is_empty() {
        String::new()
    } else {
        format!(" These mod_auth_kerb settings stay and have no mod_auth_gssapi counterpart: {}; replace or remove them.", unknown.join(", "))
    };
    ctx.plan.change(&RULE, Severity::Action, lines, splices, format!(
        "Kerberos logins now go through mod_auth_gssapi (install it; Koji 1.13 and later packages require it). {keytab} KrbAuthRealm has no counterpart: any realm the keytab's KDC trusts may log in unless you restrict it.{unknown}"));
}
