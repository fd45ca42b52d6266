//! `input-problem`: input that Apache or Python would refuse is reported and left as it was.
//!
//! A migration must not guess at lines the real readers refuse: it points at them (unclosed or stray
//! sections, open quotes, ini lines outside a section or that are not options, repeated sections and
//! options) and converts the rest.
//!
//! ```text
//! before: [web]
//!         this is not an option
//! after:  [web]
//!         this is not an option      (unchanged; an error note on line 2)
//! ```
//!
//! Where the logic is: The notes are written by the pipeline (`migrate`: decoding, httpd problems) and by
//! [`ini_problems`] here.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "input-problem",
    release: Release::V1_7,
    summary: "Report input that Apache or Python would refuse",
    guide: Guide::WebConfiguration,
    explanation: explained!("Lines that Apache (unclosed or stray sections, open quotes) or Python's RawConfigParser (options outside a section, lines that are not options) would refuse are reported with their line number and left exactly as they were; the rest of the file is still converted."),
    rejecting: None,
};
