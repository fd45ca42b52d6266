//! `web-greeting`: `KojiGreeting` is kept, with a note that 1.7.0 does not read it.
//!
//! The option was read again only from Koji 1.7.1.
//!
//! ```text
//! before: PythonOption KojiGreeting Welcome
//! after:  web.conf: KojiGreeting = Welcome   (an info note)
//! ```
//!
//! The logic is shared: `rules::web_settings::write_web_conf` and `rules::web_conf`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-greeting",
    release: Release::V1_7,
    summary: "KojiGreeting needs 1.7.1",
    guide: Guide::WebConfiguration,
    explanation: explained!(
        "KojiGreeting is kept in web.conf, but Koji 1.7.0 does not read it (fixed in 1.7.1)."
    ),
    rejecting: None,
};
