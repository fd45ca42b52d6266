//! `kojira-conf-percent`: kojira.conf values follow kojira into `%` interpolation (1.19).
//!
//! From Koji 1.19 kojira reads kojira.conf through `koji.read_config_files`, which interpolates:
//! a lone `%` stops kojira at start. A value it would refuse gets every `%` doubled.
//!
//! ```text
//! before: [kojira]                       after: [kojira]
//!         password = s3cr%t                      password = s3cr%%t
//! ```

use crate::koji::Release;
use crate::report::{FileKind, Guide};
use crate::rules::context::{Ctx, Doc};
use crate::rules::{percent, Rule};

pub static RULE: Rule = Rule {
    id: "kojira-conf-percent",
    release: RELEASE,
    summary: "Double % in kojira.conf values (read with % interpolation from 1.19)",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("From Koji 1.19 kojira reads kojira.conf with Python's interpolating parser: a lone % is an error that stops kojira at start, %% means %. Values that parser would refuse get every % doubled, which reads back as the value you had; values with %(name)s, which now expand, are pointed out."),
    rejecting: Some("kojira stops at start on a value with a lone %."),
};

const RELEASE: Release = Release::known(19);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    if let (Doc::Ini(ini), FileKind::KojiraConf) = (doc, kind) {
        percent::follow_into_interpolation(ini, Some("kojira"), ctx.plan, &RULE, RELEASE, "kojira");
    }
}
