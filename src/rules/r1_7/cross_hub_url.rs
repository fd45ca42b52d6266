//! `cross-hub-url`: `KojiHubURL` is checked against kojid's and the client's `server`.
//!
//! Every component should reach the same hub; a difference may be right (an internal name) and is
//! only reported.
//!
//! ```text
//! before: web.conf: KojiHubURL = http://a/kojihub     kojid.conf: server = http://b/kojihub
//! after:  (unchanged; a warning)
//! ```
//!
//! The logic is shared: `rules::cross_file::check`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "cross-hub-url",
    release: Release::V1_7,
    summary: "Check KojiHubURL against kojid's and the client's server",
    guide: Guide::UrlOptions,
    explanation: explained!("koji-web, kojid and the client should all reach the same hub; differing URLs are reported (they can be right, e.g. an internal name)."),
    rejecting: None,
};
