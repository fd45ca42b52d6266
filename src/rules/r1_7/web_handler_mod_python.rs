//! `web-handler-mod-python`: staying on mod_python, koji-web's handler becomes `wsgi_publisher`.
//!
//! 1.7 deleted `kojiweb.publisher`; `mod_python.publisher` cannot run koji-web 1.7 either. A handler
//! that is not koji-web's is reported and kept.
//!
//! ```text
//! before: PythonHandler kojiweb.publisher
//! after:  PythonHandler wsgi_publisher
//! ```
//!
//! Where the logic is: [`run`] here; called by `rules::web_httpd` (mod_python target).

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-handler-mod-python",
    release: Release::V1_7,
    summary: "Use the wsgi_publisher handler under mod_python",
    guide: Guide::StayingOnModPython,
    explanation: explained!("Staying on mod_python, koji-web's PythonHandler must be wsgi_publisher: kojiweb.publisher and mod_python.publisher no longer work with 1.7."),
    rejecting: Some("the handler names a module Koji 1.7 deleted, so every koji-web request fails."),
};
