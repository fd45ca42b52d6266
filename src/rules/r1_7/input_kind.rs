//! `input-kind`: says what kind of Koji file each input was read as, and why.
//!
//! Every later rule depends on the kind, and admins paste files under any name: the kind comes from
//! the content (the name only breaks ties), and the note gives the reason so a wrong guess is seen.
//!
//! ```text
//! before: kojiweb.conf.orig  (an httpd config with koji-web's <Directory>)
//! after:  note: Read as a koji-web httpd config (…).
//! ```
//!
//! Where the logic is: The note is written by the pipeline (`migrate`), from `detect`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "input-kind",
    release: Release::V1_7,
    summary: "Say what kind of file each input is",
    guide: Guide::WebConfiguration,
    explanation: explained!("Each input is classified from its content (the file name only breaks ties): koji-hub or koji-web httpd config, hub.conf, web.conf, kojid.conf or a koji client config. Files of unknown kind are passed through unchanged, with the reason."),
    rejecting: None,
};
