//! `web-handler-wsgi`: koji-web's scripts section is served by mod_wsgi instead of mod_python.
//!
//! Apache refuses mod_python's directives once the module is gone; koji-web's settings leave for
//! web.conf (`web-options-to-web-conf`).
//!
//! ```text
//! before: <Directory "/usr/share/koji-web/scripts/">
//!             SetHandler mod_python
//!             PythonHandler kojiweb.publisher
//!         </Directory>
//! after:  <Directory "/usr/share/koji-web/scripts/">
//!             Options ExecCGI
//!             SetHandler wsgi-script
//!         </Directory>
//! ```
//!
//! Where the logic is: [`run_scope`] here; called by `rules::web_httpd` for each of koji-web's sections.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-handler-wsgi",
    release: Release::V1_7,
    summary: "Serve koji-web with mod_wsgi instead of mod_python",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("In koji-web's scripts <Directory>, SetHandler mod_python becomes SetHandler wsgi-script with Options ExecCGI, and every mod_python directive is removed (their settings move to web.conf)."),
    rejecting: Some("the section stays on mod_python, whose directives Apache refuses once mod_python is not loaded."),
};
