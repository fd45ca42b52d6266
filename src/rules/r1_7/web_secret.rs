//! `web-secret`: a missing or stock `Secret` must be replaced by a real one.
//!
//! koji-web signs login cookies with it; 1.7 changed the cookie format, so users log in again.
//!
//! ```text
//! before: PythonOption Secret CHANGE_ME
//! after:  web.conf: Secret = CHANGE_ME   (an action note)
//! ```
//!
//! The logic is shared: `rules::web_settings::write_web_conf` and `rules::web_conf`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-secret",
    release: Release::V1_7,
    summary: "Require a real Secret",
    guide: Guide::WebConfiguration,
    explanation: explained!("koji-web signs login cookies with Secret. A missing Secret or the stock CHANGE_ME must be replaced by a long random value. The cookie format changed in 1.7, so every web user has to log in again after the upgrade."),
    rejecting: None,
};
