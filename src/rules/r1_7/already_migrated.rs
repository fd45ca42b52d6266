//! `already-migrated`: files already in the target's shape are recognised and left byte for byte.
//!
//! Running the tool on a migrated site (or twice) must change nothing, and say so, rather than stay
//! silent or rewrite what works.
//!
//! ```text
//! before: SetHandler wsgi-script
//! after:  SetHandler wsgi-script      (unchanged; an info note)
//! ```
//!
//! Where the logic is: Written by the pipeline (`migrate`, a file nothing changed) and by the httpd helpers
//! (`rules::hub_httpd`, `rules::web_httpd`) for a part already served by mod_wsgi or kept on mod_python.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "already-migrated",
    release: Release::V1_7,
    summary: "Recognise files that are already in 1.7 form",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("A file that already has the 1.7 shape (a wsgi handler, topurl instead of pkgurl, a web.conf) needs nothing and is left byte for byte as it was."),
    rejecting: None,
};
