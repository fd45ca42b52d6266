//! `web-options-to-web-conf`: koji-web's PythonOptions move to a new web.conf, section `[web]`.
//!
//! Koji 1.7 reads its web settings from `/etc/kojiweb/web.conf`; under mod_wsgi PythonOptions no
//! longer reach it.
//!
//! ```text
//! before: PythonOption SiteName Koji
//!         PythonOption KojiHubURL http://hub/kojihub
//! after:  (removed)      new web.conf:  [web]
//!                                       SiteName = Koji
//!                                       KojiHubURL = http://hub/kojihub
//! ```
//!
//! The logic is shared: `rules::web_settings::write_web_conf` builds web.conf and writes this rule's notes
//! with those of the other web.conf rules (`web-debug`, `web-libpath`, `web-files-url`, …).

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-options-to-web-conf",
    release: Release::V1_7,
    summary: "Move koji-web PythonOptions into web.conf",
    guide: Guide::WebConfiguration,
    explanation: explained!("Koji 1.7 reads koji-web's settings from /etc/kojiweb/web.conf, section [web]. Each PythonOption becomes a line Name = value there, with the value exactly as Apache passed it; the PythonOption lines leave the httpd config."),
    rejecting: Some("koji-web 1.7 needs web.conf (under mod_wsgi a missing one is a hard error), and PythonOptions do not reach it there."),
};
