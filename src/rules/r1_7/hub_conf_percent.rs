//! `hub-conf-percent`: hub.conf values that 1.6 expanded with `%` interpolation are written out.
//!
//! Koji 1.6 read hub.conf with Python 2's `ConfigParser` (interpolating), 1.7 reads it raw: a value
//! with `%(` would change meaning, so it is replaced by what 1.6 saw.
//!
//! ```text
//! before: [hub]
//!         KojiDir = /mnt/koji
//!         LogFile = %(KojiDir)s/hub.log
//! after:  [hub]
//!         KojiDir = /mnt/koji
//!         LogFile = /mnt/koji/hub.log
//! ```
//!
//! Where the logic is: All here: [`run`] and Python 2's interpolation ([`py2_interpolate`]).

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "hub-conf-percent",
    release: Release::V1_7,
    summary: "Write out hub.conf values that 1.6 expanded with % interpolation",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("Koji 1.6 read hub.conf with Python 2's ConfigParser, which expands a value containing %(: %(name)s becomes the option name, %% becomes %. Koji 1.7 reads it raw. Each such value is replaced by what 1.6 saw; values without %( were read the same by both and stay as they are. When 1.6 could not expand a value either, you are asked to write it out."),
    rejecting: None,
};
