//! `input-problem`: input that Apache or Python would refuse is reported and left as it was.
//!
//! A migration must not guess at lines the real readers refuse: it points at them (unclosed or stray
//! sections, open quotes, ini lines outside a section or that are not options, repeated sections and
//! options) and converts the rest. Nor at a section that names koji-hub and koji-web at once
//! (`<Directory /usr/share/koji-hub>` with `PythonHandler kojiweb.publisher`): which one it serves
//! is the admin's to say.
//!
//! ```text
//! before: [web]
//!         this is not an option
//! after:  [web]
//!         this is not an option      (unchanged; an error note on line 2)
//! ```
//!
//! Where the logic is: The notes are written by the pipeline (`migrate`: decoding) and by
//! [`httpd_problems`] and [`ini_problems`] here.

use crate::apps::contested;
use crate::httpd::HttpdConfig;
use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::{Plan, Rule};

pub static RULE: Rule = Rule {
    id: "input-problem",
    release: Release::V1_7,
    summary: "Report input that Apache or Python would refuse",
    guide: Guide::WebConfiguration,
    explanation: explained!("Lines that Apache (unclosed or stray sections, open quotes) or Python's RawConfigParser (options outside a section, lines that are not options) would refuse are reported with their line number and left exactly as they were, and so is a section that names both koji-hub and koji-web; the rest of the file is still converted."),
    rejecting: None,
};

/// The lines of an httpd input that Apache refuses, and the sections that name both of Koji's
/// applications (see [`contested`]).
pub(crate) fn httpd_problems(cfg: &HttpdConfig, plan: &mut Plan) {
    for p in &cfg.problems {
        plan.note(
            &RULE,
            Severity::Error,
            Some(p.line..p.line + 1),
            format!(
                "Apache would refuse this: {}. The region is left as it was.",
                p.kind
            ),
        );
    }
    for open in contested(cfg) {
        let line = cfg.items[open].lines().start;
        plan.note(
            &RULE,
            Severity::Action,
            Some(line..line + 1),
            "Both koji-hub and koji-web claim this section (by path or handler): say which one it serves. Left as it was.".into(),
        );
    }
}

/// The lines of an ini input that Python's RawConfigParser refuses, and the repeated sections
/// and options it merges.
pub(crate) fn ini_problems(ini: &IniDocument, plan: &mut Plan) {
    for (line, err) in ini.errors() {
        plan.note(
            &RULE,
            Severity::Error,
            Some(line..line + 1),
            format!(
                "Python's RawConfigParser would refuse this line: {err}. It is left as it was."
            ),
        );
    }
    for (line, name) in ini.duplicate_sections() {
        plan.note(
            &RULE,
            Severity::Warning,
            Some(line..line + 1),
            format!("Section [{name}] appears again here; Python merges both into one."),
        );
    }
    for (later, earlier) in ini.duplicate_options() {
        let o = &ini.options[later];
        plan.note(
            &RULE,
            Severity::Warning,
            Some(o.lines.clone()),
            format!(
                "'{}' is set again in [{}] (first on line {}); Python keeps this later value.",
                o.key,
                ini.sections[o.section].name,
                ini.options[earlier].lines.start + 1
            ),
        );
    }
}
