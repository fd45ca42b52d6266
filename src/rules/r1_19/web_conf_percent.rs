//! `web-conf-percent`: web.conf values follow koji-web into `%` interpolation (1.19).
//!
//! Koji 1.7 to 1.18 read web.conf raw; from 1.19 koji-web reads it with `koji.read_config_files`
//! without `raw`, so a lone `%` (in `Secret`, say) makes every page fail. A value it would refuse
//! gets every `%` doubled.
//!
//! ```text
//! before: [web]                          after: [web]
//!         Secret = 9f%x                          Secret = 9f%%x
//! ```

use crate::koji::Release;
use crate::report::{FileKind, Guide};
use crate::rules::context::{Ctx, Doc};
use crate::rules::{percent, Rule};

pub static RULE: Rule = Rule {
    id: "web-conf-percent",
    release: RELEASE,
    summary: "Double % in web.conf values (read with % interpolation from 1.19)",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("Koji 1.7 to 1.18 read web.conf raw; from 1.19 koji-web reads it with Python's interpolating parser, where a lone % is an error and %% means %. Values that parser would refuse (a Secret with a %, say) get every % doubled, which reads back as the value you had; values with %(name)s, which now expand, are pointed out."),
    rejecting: Some("koji-web fails on every page while web.conf holds a value with a lone %."),
};

const RELEASE: Release = Release::known(19);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    if let (Doc::Ini(ini), FileKind::WebConf) = (doc, kind) {
        percent::follow_into_interpolation(ini, Some("web"), ctx.plan, &RULE, RELEASE, "koji-web");
    }
}
