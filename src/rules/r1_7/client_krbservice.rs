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
//! Where the logic is: All here: [`run`], called by `rules::client_conf`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "client-krbservice",
    release: Release::V1_7,
    summary: "Mention krbservice for Kerberos profiles",
    guide: Guide::UrlOptions,
    explanation: explained!("Koji 1.7 builds the hub's Kerberos principal as <krbservice>/<hub host>@<realm>, krbservice defaulting to host. A profile that authenticates with Kerberos may need krbservice set."),
    rejecting: None,
};
