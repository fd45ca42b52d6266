//! `client-pkgurl-topurl`: the client's `pkgurl` becomes `topurl`, in every profile.
//!
//! The koji 1.7 client reads `topurl` only; the deduction is kojid's.
//!
//! ```text
//! before: [koji]
//!         pkgurl = http://koji/packages
//! after:  [koji]
//!         topurl = http://koji
//! ```
//!
//! Where the logic is: [`run`] here; the edit is shared with kojid (`rules::pkgurl::migrate_sections`).

use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::Guide;
use crate::rules::context::Ctx;
use crate::rules::{pkgurl, Rule};

pub static RULE: Rule = Rule {
    id: "client-pkgurl-topurl",
    release: Release::V1_7,
    summary: "Replace the client's pkgurl by topurl, in every profile",
    guide: Guide::UrlOptions,
    explanation: explained!("The koji 1.7 client ignores pkgurl and reads topurl, in every profile section. The same deduction as for kojid applies to each section."),
    rejecting: None,
};

/// `pkgurl` → `topurl` in every profile of a client config.
pub(crate) fn run(ini: &IniDocument, ctx: &mut Ctx<'_>) {
    pkgurl::migrate_sections(ini, ctx, &RULE, None);
}
