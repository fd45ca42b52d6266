//! `hub-alias-wsgi`: the `/kojihub` Alias names the hub's script instead of mod_python's `XMLRPC`.
//!
//! Only mod_python's handler resolved the name `XMLRPC`; mod_wsgi serves a real file, so the Alias
//! must name `kojixmlrpc.py` (`kojiapp.py` from Koji 1.32, see `r1_32::hub_alias_kojiapp`).
//!
//! ```text
//! before: Alias /kojihub "/usr/share/koji-hub/XMLRPC"
//! after:  Alias /kojihub "/usr/share/koji-hub/kojixmlrpc.py"
//! ```
//!
//! Where the logic is: [`run`] here; called by `rules::hub_httpd` (mod_wsgi target only).

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-alias-wsgi",
    release: Release::V1_7,
    summary: "Point the /kojihub Alias at kojixmlrpc.py",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("Koji 1.6 aliased /kojihub to /usr/share/koji-hub/XMLRPC, a name only mod_python's handler could resolve. mod_wsgi needs the real script, so the Alias target becomes kojixmlrpc.py in the same directory."),
    rejecting: Some("mod_wsgi cannot serve the XMLRPC name, so the hub is unreachable."),
};
