//! `web-removed-handlers`: handlers naming modules Koji 1.7 deleted are removed, in both modes.
//!
//! `kojiweb.handlers` and `kojiweb.publisher` are gone: a PythonCleanupHandler naming them fails
//! every request.
//!
//! ```text
//! before: PythonCleanupHandler kojiweb.handlers::cleanup
//! after:  (removed)
//! ```
//!
//! Where the logic is: [`run`] here; called by `rules::web_httpd` for each of koji-web's sections.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-removed-handlers",
    release: Release::V1_7,
    summary: "Remove handlers whose modules 1.7 deleted",
    guide: Guide::StayingOnModPython,
    explanation: explained!("Koji 1.7 deleted the modules kojiweb.publisher and kojiweb.handlers. A PythonHandler or PythonCleanupHandler naming them would fail every request, in either mode, so those lines are removed."),
    rejecting: Some("the handler names a module Koji 1.7 deleted, so every koji-web request fails."),
};
