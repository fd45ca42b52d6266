//! `web-alias-wsgi`: the Alias of koji-web's scripts directory names `wsgi_publisher.py`.
//!
//! Koji 1.7's web interface has one entry point, `wsgi_publisher.py`, in both modes.
//!
//! ```text
//! before: Alias /koji "/usr/share/koji-web/scripts/"
//! after:  Alias /koji "/usr/share/koji-web/scripts/wsgi_publisher.py"
//! ```
//!
//! Where the logic is: [`run`] and [`script_aliases`] here; called by `rules::web_httpd`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-alias-wsgi",
    release: Release::V1_7,
    summary: "Point the koji-web Alias at wsgi_publisher.py",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("Koji 1.7's web interface is the script wsgi_publisher.py; the Alias that served the scripts directory now names that script, in both mod_wsgi and mod_python mode."),
    rejecting: Some("the Alias does not reach wsgi_publisher.py, koji-web 1.7's only entry point."),
};
