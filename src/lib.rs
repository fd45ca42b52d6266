//! koji-migrate: migrates Koji build-system configuration files to Koji 1.7, explaining every change.
//!
//! The pipeline (see `ARCHITECTURE.md`): each [`Input`] is decoded, its kind detected
//! ([`detect`]), parsed into a lossless document ([`httpd`], [`ini`]), run through the 1.7 rules
//! ([`rules`]) which describe edits as [`text::Splice`]s and explain them as [`Note`]s, and printed
//! back with only those edits applied. [`diff`] turns each old/new pair into the model the CLI and
//! the page render.
//!
//! The core is pure: no I/O, no clock, no randomness, no web types. The CLI
//! (`src/bin/koji-migrate/`) and the page (`src/ui/`) are thin shells around [`migrate`].
#![forbid(unsafe_code)]

/// A long explanation as compiled in: the text itself, or "" in the page (feature
/// `explanations` off), which links to `rules.html` for it instead (rules' explanations, the
/// database steps' pitfalls: the largest texts of the core). A macro, not a `const fn`: the text must not
/// reach the compiler at all to stay out of the wasm.
#[cfg(feature = "explanations")]
macro_rules! explained {
    ($text:literal) => {
        $text
    };
}
#[cfg(not(feature = "explanations"))]
macro_rules! explained {
    ($text:literal) => {
        ""
    };
}

pub(crate) mod apps;
pub mod checklist;
pub mod decode;
pub mod detect;
pub mod diff;
pub mod httpd;
pub mod ini;
pub mod koji;
pub mod mask;
mod migrate;
pub mod options;
pub mod placement;
pub mod report;
pub mod rules;
pub mod text;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use koji::Release;
#[cfg(not(target_arch = "wasm32"))]
pub use migrate::migrate_owned;
pub use migrate::{migrate, Input};
pub use options::{Choices, Options, Target, LAST_MOD_PYTHON};
pub use report::{
    Change, ChangeId, FileId, FileKind, Guide, Lines, Note, NoteKind, Origin, OutputFile, Report,
    Severity,
};
