//! `web-unknown-option`: PythonOptions Koji 1.7 does not read are reported, and still copied.
//!
//! Nothing is dropped silently: an unknown option is harmless in web.conf and the note says it is
//! not read. With `koji.web.ConfigFile` set, the ignored PythonOptions are removed instead.
//!
//! ```text
//! before: PythonOption MyOwnSetting 1
//! after:  web.conf: MyOwnSetting = 1   (a warning)
//! ```
//!
//! Where the logic is: [`run`] here (ignored options beside `koji.web.ConfigFile`); the copies are written by
//! `rules::web_settings::write_web_conf`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-unknown-option",
    release: Release::V1_7,
    summary: "Report PythonOptions Koji 1.7 does not read",
    guide: Guide::WebConfiguration,
    explanation: explained!("An option Koji 1.7 does not know is still copied into web.conf (it is harmless there) and reported, so nothing is dropped silently."),
    rejecting: Some("its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."),
};
