//! `kojid-pkgurl-topurl`: kojid's `pkgurl` becomes `topurl`.
//!
//! kojid 1.7 refuses to start without `topurl` and ignores `pkgurl`; `topurl` is deduced when
//! `pkgurl` ends in `/packages`.
//!
//! ```text
//! before: [kojid]
//!         pkgurl = http://koji/packages
//! after:  [kojid]
//!         topurl = http://koji
//! ```
//!
//! Where the logic is: [`run`] here; the edit is shared with the client (`rules::pkgurl::migrate_sections`).

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "kojid-pkgurl-topurl",
    release: Release::V1_7,
    summary: "Replace kojid's pkgurl by topurl",
    guide: Guide::UrlOptions,
    explanation: explained!("kojid 1.7 refuses to start without topurl, the URL of the top of /mnt/koji, and ignores pkgurl. When pkgurl ends in /packages, topurl is that URL without it; an existing topurl wins and pkgurl goes; otherwise you are asked for the URL."),
    rejecting: Some("kojid 1.7 refuses to start without topurl."),
};
