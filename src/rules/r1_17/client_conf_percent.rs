//! `client-conf-percent`: koji.conf values follow the client into `%` interpolation (1.17).
//!
//! From Koji 1.17 the client reads its config files with Python's interpolating parser, where a
//! lone `%` stops the `koji` command. A value it would refuse gets every `%` doubled.
//!
//! ```text
//! before: [koji]                        after: [koji]
//!         weburl = https://h/koji?x=5%          weburl = https://h/koji?x=5%%
//! ```

use crate::koji::Release;
use crate::report::{FileKind, Guide};
use crate::rules::context::{Ctx, Doc};
use crate::rules::{percent, Rule};

pub static RULE: Rule = Rule {
    id: "client-conf-percent",
    release: RELEASE,
    summary: "Double % in client config values (read with % interpolation from 1.17)",
    guide: Guide::ReleaseNotes(RELEASE),
    explanation: explained!("From Koji 1.17 the client reads koji.conf with Python's interpolating parser: a lone % is an error that stops the koji command, %% means %. Values that parser would refuse get every % doubled, which reads back as the value you had; values with %(name)s, which now expand, are pointed out."),
    rejecting: Some("the koji command stops at start on a value with a lone %."),
};

const RELEASE: Release = Release::known(17);

pub(crate) fn run(doc: &Doc, kind: FileKind, ctx: &mut Ctx<'_>) {
    if let (Doc::Ini(ini), FileKind::ClientConf) = (doc, kind) {
        percent::follow_into_interpolation(ini, None, ctx.plan, &RULE, RELEASE, "The koji client");
    }
}
