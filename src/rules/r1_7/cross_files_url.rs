//! `cross-files-url`: `topurl` and `KojiFilesURL` are checked against httpd's Aliases of /mnt/koji.
//!
//! Builders and koji-web fetch files through these URLs: their paths must be where httpd serves
//! /mnt/koji.
//!
//! ```text
//! before: kojid.conf: topurl = http://koji/kojifiles     httpd: Alias /files /mnt/koji
//! after:  (unchanged; a warning on topurl)
//! ```
//!
//! The logic is shared: `rules::cross_file::check`, from the facts the other rules record.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "cross-files-url",
    release: Release::V1_7,
    summary: "Check topurl and KojiFilesURL against the httpd aliases of /mnt/koji",
    guide: Guide::UrlOptions,
    explanation: explained!("topurl and KojiFilesURL must be URLs under which /mnt/koji is served. When the httpd configs given alias /mnt/koji, the URLs' paths are compared with those aliases."),
    rejecting: None,
};
