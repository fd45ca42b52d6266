//! What the admin asks of a migration: the target, the releases, the choices. Plain data, below
//! the rules (which read it through their context) and the pipeline (which takes it).

use crate::koji::Release;
use crate::report::ChangeId;

/// How httpd should run Koji 1.7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// The 1.7 default.
    #[default]
    ModWsgi,
    /// Deprecated but supported: keep mod_python with the changes 1.7 requires.
    ModPython,
}

/// Choices that change the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub target: Target,
    /// The release the site runs now, when the admin says so; `None` lets the files tell
    /// (and 1.6 when they do not). Decides the database upgrade chain and which changed defaults
    /// are worth a note.
    pub from: Option<Release>,
    /// The release to migrate to (default: the newest the tool knows).
    pub to: Release,
    /// Keep `pkgurl` beside the new `topurl` (rolling upgrade: works on 1.6 and 1.7 builders).
    pub keep_pkgurl: bool,
    /// Which proposed changes to make (default: all).
    pub choices: Choices,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            target: Target::default(),
            from: None,
            to: Release::NEWEST,
            keep_pkgurl: false,
            choices: Choices::default(),
        }
    }
}

impl Options {
    /// The release the migration starts from: the admin's word, else 1.6 (the files' evidence
    /// comes later).
    pub fn from_release(&self) -> Release {
        self.from.unwrap_or(V1_6)
    }

    /// Why these options cannot be used together, if they cannot.
    pub fn conflict(&self) -> Option<String> {
        if self.to < Release::V1_7 {
            return Some(format!(
                "the oldest release koji-migrate migrates to is 1.7, not {}",
                self.to
            ));
        }
        if self.from.is_some_and(|f| f >= self.to) {
            return Some(format!(
                "upgrading from {} to {} goes nowhere: --to must name a later release",
                self.from_release(),
                self.to
            ));
        }
        if self.target == Target::ModPython && self.to > LAST_MOD_PYTHON {
            return Some(format!(
                "Koji {} has no mod_python support (removed in 1.14): migrate --to {} or older to stay on mod_python, or move to mod_wsgi",
                self.to, LAST_MOD_PYTHON
            ));
        }
        None
    }
}

/// The last release that could still run under mod_python.
pub const LAST_MOD_PYTHON: Release = Release::known(13);

const V1_6: Release = Release::known(6);

/// The admin's verdicts on proposed changes. A rejected change leaves its input lines exactly as
/// they were; changes that depend on a rejected one are rejected with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices {
    /// Reject every change of these rules (`--skip RULE`).
    pub skip_rules: Vec<String>,
    /// When not empty, make only the changes of these rules, and what they depend on (`--only`).
    pub only_rules: Vec<String>,
    /// Reject these changes, by [`crate::Change::id`] (the page's toggles).
    pub reject_changes: Vec<ChangeId>,
}
