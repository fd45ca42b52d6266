//! `web-debug`: `PythonDebug On|Off` becomes the web.conf boolean `PythonDebug = True|False`.
//!
//! koji-web 1.7 reads the setting from web.conf; under mod_python the httpd directive stays and still
//! wins.
//!
//! ```text
//! before: PythonDebug On
//! after:  web.conf: PythonDebug = True
//! ```
//!
//! The logic is shared: written by `rules::web_settings::write_web_conf`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-debug",
    release: Release::V1_7,
    summary: "Turn PythonDebug into the web.conf boolean",
    guide: Guide::WebConfiguration,
    explanation: explained!("The httpd directive PythonDebug On|Off becomes PythonDebug = True|False in web.conf. Under mod_python the httpd directive stays and still takes precedence."),
    rejecting: None,
};
