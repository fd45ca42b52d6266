//! `hub-handler-wsgi`: koji-hub's section is served by mod_wsgi instead of mod_python.
//!
//! Without mod_python loaded Apache refuses every `Python*` directive, so the handler is swapped and
//! the mod_python directives go (PythonOptions are the option rules' business).
//!
//! ```text
//! before: <Directory /usr/share/koji-hub>
//!             SetHandler mod_python
//!             PythonHandler kojixmlrpc
//!         </Directory>
//! after:  <Directory /usr/share/koji-hub>
//!             Options ExecCGI
//!             SetHandler wsgi-script
//!         </Directory>
//! ```
//!
//! Where the logic is: [`run_scope`] here (the swap itself is `rules::httpd_edit::wsgi_handler_swap`); called by
//! `rules::hub_httpd` for each of the hub's sections.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-handler-wsgi",
    release: Release::V1_7,
    summary: "Serve koji-hub with mod_wsgi instead of mod_python",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("In the hub's <Directory>, SetHandler mod_python becomes SetHandler wsgi-script with Options ExecCGI, and the mod_python directives (PythonHandler, PythonDebug, PythonAutoReload, PythonOption) are removed: without mod_python loaded, Apache would refuse to start on them."),
    rejecting: Some("the section stays on mod_python, whose directives Apache refuses once mod_python is not loaded."),
};
