//! `web-libpath`: `PythonPath "sys.path + ['…/lib']"` becomes the web.conf option `LibPath`.
//!
//! 1.7 adds koji-web's library directory to Python's path itself, from `LibPath`.
//!
//! ```text
//! before: PythonPath "sys.path + ['/usr/share/koji-web/lib']"
//! after:  web.conf: LibPath = /usr/share/koji-web/lib
//! ```
//!
//! The logic is shared: written by `rules::web_settings::write_web_conf`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-libpath",
    release: Release::V1_7,
    summary: "Turn PythonPath into LibPath",
    guide: Guide::WebConfiguration,
    explanation: explained!("koji-web's library directory was added to Python's path with PythonPath \"sys.path + ['…/lib']\". In 1.7 it is the web.conf option LibPath."),
    rejecting: None,
};
