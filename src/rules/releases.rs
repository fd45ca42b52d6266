//! The registry of the rules of releases after 1.7: a plain list, oldest release first.
//!
//! Each rule lives in its own file under `src/rules/r1_N/` (N = the release whose change it
//! makes), with its [`Rule`] metadata next to its logic. The pipeline runs every registered rule
//! on every input after the 1.7 rules; a rule looks at the file kind and the target release
//! itself and does nothing when they are not its business. Rules are written against the state
//! of the file, not against the release the admin names: a file that still shows an old shape
//! is brought forward whatever `--from` says, which keeps A → B → C equal to A → C.
//!
//! To add a rule: write `src/rules/r1_N/<rule_id>.rs` (doc comment with what, why and a
//! before/after example; `pub static RULE`; `pub(crate) fn run`), add one line below, add a
//! fixture folder `tests/rules/<rule-id>/`. The 1.7 rules (`src/rules/r1_7/`) have the same
//! shape but their own list, `rules::RULES_1_7`: they are run by the helpers of their file
//! kinds, in an order their goldens fix, rather than one `run` each from this registry.

use super::Rule;
use crate::report::FileKind;
use crate::rules::context::{Ctx, Doc};

/// A rule of a release after 1.7 and the function that applies it to one input.
pub(crate) struct ReleaseRule {
    pub rule: &'static Rule,
    pub run: fn(&Doc, FileKind, &mut Ctx<'_>),
}

macro_rules! registry {
    ($($path:path),* $(,)?) => {
        /// Every rule of a release after 1.7, oldest release first.
        pub(crate) static REGISTRY: &[ReleaseRule] = &[$({
            use $path as r;
            ReleaseRule { rule: &r::RULE, run: r::run }
        }),*];
    };
}

registry![
    super::r1_11::hub_wsgi_application_group,
    super::r1_12::web_wsgi_application_group,
    super::r1_13::auth_kerb_to_gssapi,
    super::r1_17::client_conf_percent,
    super::r1_17::web_wsgi_daemon_process,
    super::r1_18::hub_wsgi_script_reloading,
    super::r1_19::kojira_conf_percent,
    super::r1_19::web_conf_percent,
    super::r1_25::web_wsgi_process_group_placement,
    super::r1_32::hub_alias_kojiapp,
    super::r1_35::kojira_options_to_hub,
];

/// Runs every registered rule on one input.
pub(crate) fn run_all(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    if !cfg!(feature = "releases") {
        return;
    }
    for r in REGISTRY {
        if r.rule.release <= ctx.options.to {
            (r.run)(doc, kind, ctx);
        }
    }
    // Last: it leaves alone what the rules above change. Koji 1.7 itself is the 1.7 rules'
    // business (their goldens are the contract of `--to 1.7`).
    if ctx.options.to > crate::koji::Release::V1_7 {
        super::option_tables::run(doc, kind, ctx);
    }
}
