//! The database schema upgrade scripts between two Koji releases: which files to run, in which
//! order, where the target's package installs them, and what goes wrong with them.
//!
//! Koji ships one script per release step, `schema-upgrade-1.X-1.Y.sql`, and every release's
//! package carries the scripts of all earlier steps. An admin runs them with the *target*
//! release's package installed, so [`chain`] names the files as the target ships them: a step's
//! file name, its number of files and its known defects all depend on the target. Where the
//! target has several patch releases that differ, the names are those of its newest patch
//! release the tool knows (1.31.1, 1.32.1, …) and the step's pitfall says what the `.0` release
//! ships instead.
//!
//! Besides the step scripts each package carries files that must *not* be applied to a running
//! database ([`do_not_run`]). Running SQL is always the admin's decision: this module only lists.
//!
//! Facts from Koji's repository (the `docs/` tree 1.3–1.33, `schemas/` from 1.34), checked per
//! tag; only file names and our own descriptions are kept here, never Koji's SQL or prose.
//! All data is static (it is compiled into the web page).

use super::Release;

/// One step of a schema upgrade, from one release to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemaStep {
    /// The release the database is at before this step.
    pub from: Release,
    /// The release the database is at after it (always `from` + 1).
    pub to: Release,
    /// The files to run, in order, as the target release's package names them; empty when the
    /// step changes nothing in the schema.
    pub scripts: &'static [&'static str],
    /// When the copy shipped with the target is broken: the release whose copy to use instead.
    /// Only set when the target's own copy fails or does the wrong thing.
    pub take_from: Option<Release>,
    /// Whether `scripts` is koji-migrate's own file rather than Koji's. Only the 1.6→1.7 step:
    /// the tool writes that SQL itself (`rules::schema`) because the 1.7 guide names a script
    /// that never existed; Koji's `schema-upgrade-1.6-1.7.sql` makes the same change.
    pub own: bool,
    /// What an admin must know about this step, in one sentence of our own; `None` when nothing.
    pub pitfall: Option<&'static str>,
}

/// The tool's own SQL for 1.6→1.7 (the name `rules::schema` saves it under).
pub const OWN_1_7_SCRIPT: &str = "koji-1.7-schema-upgrade.sql";

/// The step files by the release they upgrade to (index: minor − 4), as the newest release
/// ships them. Targets that ship a step differently are handled in [`step`].
static SCRIPTS: [&[&str]; 32] = [
    &["schema-upgrade-1.3-1.4.sql"],
    &["schema-upgrade-1.4-1.5.sql"],
    &[], // 1.5→1.6: no schema change
    &[OWN_1_7_SCRIPT],
    &["schema-upgrade-1.7-1.8.sql"],
    &["schema-upgrade-1.8-1.9.sql"],
    &["schema-upgrade-1.9-1.10.sql"],
    &["schema-upgrade-1.10-1.11.sql"],
    &["schema-upgrade-1.11-1.12.sql"],
    &["schema-upgrade-1.12-1.13.sql"],
    &["schema-upgrade-1.13-1.14.sql"],
    &["schema-upgrade-1.14-1.15.sql"],
    &["schema-upgrade-1.15-1.16.sql"],
    &["schema-upgrade-1.16-1.17.sql"],
    &["schema-upgrade-1.17-1.18.sql"],
    &["schema-upgrade-1.18-1.19.sql"],
    &["schema-upgrade-1.19-1.20.sql"],
    &["schema-upgrade-1.20-1.21.sql"],
    &["schema-upgrade-1.21-1.22.sql"],
    &["schema-upgrade-1.22-1.23.sql"],
    &["schema-upgrade-1.23-1.24.sql"],
    &["schema-upgrade-1.24-1.25.sql"],
    &["schema-upgrade-1.25-1.26.sql"],
    &[], // 1.26→1.27: no schema change
    &["schema-upgrade-1.27-1.28.sql"],
    &["schema-upgrade-1.28-1.29.sql"],
    &["schema-upgrade-1.29-1.30.sql"],
    &["schema-upgrade-1.30-1.31.sql"],
    &["schema-upgrade-1.31-1.32.sql"],
    &["schema-upgrade-1.32-1.33.sql"],
    &["schema-upgrade-1.33-1.34.sql"],
    &["schema-upgrade-1.34-1.35.sql"],
];

const NO_OP: &str = explained!(
    "The script changes nothing (this release did not touch the schema): \
                     running it is harmless, skipping it too."
);

/// The step into `to`, for an admin whose installed package is `target`'s.
fn step(to: Release, target: Release) -> SchemaStep {
    let (n, t) = (to.minor(), target.minor());
    let mut scripts = SCRIPTS[usize::from(n - 4)];
    let mut take_from = None;
    let pitfall = match n {
        7 => Some(explained!("The 1.7 guide names schema-upgrade-1.5-1.7.sql, which Koji never shipped; this file, \
             written by koji-migrate, makes the change of Koji's schema-upgrade-1.6-1.7.sql and \
             serves 1.5 and 1.6 databases alike.")),
        8 if t == 8 => {
            take_from = Release::new(9);
            Some(explained!("Koji 1.8's copy creates image_listing with a wrong reference, so use 1.9's copy; \
                 no script moves pre-1.8 images, that takes the migrateImage hub call \
                 (EnableImageMigration)."))
        }
        8 if t < 16 => Some(explained!("No script moves pre-1.8 images: that takes the migrateImage hub call, enabled by \
             EnableImageMigration in hub.conf.")),
        8 => Some(explained!("No script moves pre-1.8 images: that takes the migrateImage hub call, which only \
             hubs 1.8–1.15 have, so a site with such images must stop at one of those first.")),
        11 if t == 11 => {
            take_from = Release::new(12);
            Some(explained!("Koji 1.11's copy adds a buildroot check without first filling in the container \
                 type of existing buildroots, so it fails on a database that has any: use 1.12's \
                 copy."))
        }
        12 if t == 12 => Some(explained!("On a BDR-replicated database use 1.13's copy, which adds the new repo column in \
             steps BDR accepts; elsewhere 1.12's copy is fine.")),
        15 | 29 => Some(NO_OP),
        16 if t < 20 => Some(explained!("A database from very old releases may keep a stale host_channels_host_id_key \
             constraint; the 1.19→1.20 script drops it (and so do copies of this one from 1.20 on).")),
        19 => Some(explained!("Koji 1.18 already ships an empty placeholder under this name: only the copy from 1.19 \
             or later makes the change.")),
        30 if t <= 31 => {
            scripts = &["schema-upgrade-1.29-1.30.sql", "schema-update-1.29-1.30.sql"];
            Some(explained!("Both files are needed (the 1.30 guide names only the first and describes another \
                 change); 1.32 merges them into one."))
        }
        30 => Some(explained!("The 1.30 guide describes another release's change: the script is what counts.")),
        31 if t == 31 => {
            scripts = &["schema-update-1.30-1.31.sql"];
            Some(explained!("Koji 1.31 ships this step under the schema-update name (the guide's \
                 schema-upgrade-1.30-1.31.sql only arrives in 1.32), and the 1.31.0 copy needs \
                 PostgreSQL 11 or later: on an older server use 1.31.1's."))
        }
        32 if t == 32 => Some(explained!("Koji 1.32.0 splits this step into schema-upgrade-1.31-1.32.sql and \
             schema-update-1.31-1.32.sql, both needed; 1.32.1 merges them into the first.")),
        32 => Some(explained!("The 1.32 guide describes another release's change: the script is what counts.")),
        33 => Some(explained!("The 1.33 guide describes another release's change: the script is what counts.")),
        34 => Some(explained!("The 1.34 guide describes another release's change: the script is what counts.")),
        _ => None,
    };
    SchemaStep {
        // `to` ≥ 1.4 (steps start after OLDEST), so the previous release exists.
        from: Release::new(n - 1).unwrap_or(Release::OLDEST),
        to,
        scripts,
        take_from,
        own: n == 7,
        pitfall,
    }
}

/// The steps from `from` to `to`, oldest first: one entry per release step, including steps
/// without a script (so that a gap is visibly a gap). Empty when `to` is not after `from`.
/// Script names are as `to`'s package ships them, since the admin upgrades with it installed.
pub fn chain(from: Release, to: Release) -> Vec<SchemaStep> {
    Release::steps(from, to).map(|r| step(r, to)).collect()
}

/// The directory where `release`'s packages install the scripts.
///
/// - 1.3–1.11: `/usr/share/doc/koji-<version>/docs/`, `<version>` being the full installed
///   version (`1.8.0`). The scripts are `%doc` of the `koji` package, so the real path follows
///   the distribution's docdir: one with unversioned doc directories uses `/usr/share/doc/koji/docs/`.
/// - 1.12–1.33: `/usr/share/doc/koji/docs/` (the guides' path; still `%doc`, same caveat).
/// - From 1.34: `/usr/share/koji/` (`schemas/Makefile`). The 1.34 release notes say the scripts
///   went to the koji-hub package, but the spec lists them under `python3-koji`; the 1.34 guide
///   as shipped still shows the old doc path.
pub fn install_dir(release: Release) -> &'static str {
    match release.minor() {
        ..=11 => "/usr/share/doc/koji-<version>/docs/",
        12..=33 => "/usr/share/doc/koji/docs/",
        _ => "/usr/share/koji/",
    }
}

/// The command that applies `file`, as the database owner (names as on the site). The same form
/// as the tool's own 1.7 script: `ON_ERROR_STOP` makes psql stop at the first error and exit
/// non-zero, so a failed upgrade cannot pass for a successful one.
pub fn psql_command(file: &str) -> String {
    format!("psql -v ON_ERROR_STOP=1 koji koji < {file}")
}

/// SQL files that `release`'s package installs next to the step scripts and that must never be
/// applied to an existing database: the full schema for a new install (`schema.sql`), the
/// delete-everything script of 1.11–1.15 (`schema-clear.sql`), and pre-release helpers whose
/// content is already in the step scripts (`schema-update-cgen.sql`, `schema-update-cgen2.sql`
/// from 1.11, `schema-update-dist-repos.sql` from 1.12). Not every `schema-update-*` file is
/// interim: in 1.30–1.32 some are steps, which [`chain`] lists.
pub fn do_not_run(release: Release) -> &'static [&'static str] {
    const ALL: [&str; 5] = [
        "schema-clear.sql",
        "schema.sql",
        "schema-update-cgen.sql",
        "schema-update-cgen2.sql",
        "schema-update-dist-repos.sql",
    ];
    match release.minor() {
        ..=10 => &ALL[1..2],
        11 => &ALL[..4],
        12..=15 => &ALL,
        _ => &ALL[1..],
    }
}

/// One step of the database upgrade, as the report lists it (`--json`'s `database`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DbStep {
    pub from: Release,
    pub to: Release,
    /// The files to run, in order, with their installed paths (the tool's own 1.7 file by name).
    pub scripts: Vec<String>,
    /// The commands that run them.
    pub commands: Vec<String>,
    /// Whether the script is koji-migrate's own (the 1.6 → 1.7 step).
    pub own: bool,
    pub pitfall: Option<String>,
    /// Whether the step has a pitfall, even where its text is not compiled in (the page).
    #[serde(skip)]
    pub has_pitfall: bool,
}

/// The database steps from `from` to `to`, with the scripts where the target installs them.
pub fn steps(from: Release, to: Release) -> Vec<DbStep> {
    let dir = install_dir(to);
    chain(from, to)
        .into_iter()
        .map(|s| {
            let scripts: Vec<String> = s
                .scripts
                .iter()
                .map(|f| {
                    if s.own {
                        f.to_string()
                    } else {
                        format!("{dir}{f}")
                    }
                })
                .collect();
            DbStep {
                from: s.from,
                to: s.to,
                commands: scripts.iter().map(|f| psql_command(f)).collect(),
                scripts,
                own: s.own,
                pitfall: s.pitfall.filter(|p| !p.is_empty()).map(str::to_string),
                has_pitfall: s.pitfall.is_some(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(minor: u8) -> Release {
        Release::new(minor).unwrap()
    }

    fn names(steps: &[SchemaStep]) -> Vec<&'static str> {
        steps
            .iter()
            .flat_map(|s| s.scripts.iter().copied())
            .collect()
    }

    #[test]
    fn one_entry_per_step_and_none_backwards() {
        assert!(chain(r(21), r(21)).is_empty());
        assert!(chain(r(22), r(21)).is_empty());
        let all = chain(Release::OLDEST, Release::NEWEST);
        assert_eq!(all.len(), 32);
        for s in &all {
            assert_eq!(s.from.minor() + 1, s.to.minor());
            assert_eq!(s.own, s.to == Release::V1_7);
        }
    }

    #[test]
    fn table_names_match_their_step() {
        for s in chain(Release::OLDEST, Release::NEWEST) {
            if s.own {
                continue;
            }
            let expected = format!("schema-upgrade-{}-{}.sql", s.from, s.to);
            assert!(s.scripts.iter().all(|f| *f == expected), "{s:?}");
            assert_eq!(
                s.scripts.is_empty(),
                matches!(s.to.minor(), 6 | 27),
                "{s:?}"
            );
        }
    }

    #[test]
    fn six_to_seven_is_the_tools_own_sql() {
        let steps = chain(r(6), r(7));
        assert_eq!(steps.len(), 1);
        assert_eq!(steps[0].scripts, [OWN_1_7_SCRIPT]);
        assert!(steps[0].own);
        assert_eq!(
            names(&chain(Release::OLDEST, Release::V1_7)),
            [
                "schema-upgrade-1.3-1.4.sql",
                "schema-upgrade-1.4-1.5.sql",
                OWN_1_7_SCRIPT
            ]
        );
        assert!(chain(r(5), r(6))[0].scripts.is_empty());
    }

    #[test]
    fn broken_copies_send_the_admin_to_a_later_release() {
        let s = chain(r(7), r(8))[0];
        assert_eq!(s.take_from, Some(r(9)));
        assert!(s.pitfall.unwrap().contains("1.9"));
        assert_eq!(chain(r(7), r(9))[0].take_from, None);
        assert!(chain(r(7), r(16))[0].pitfall.unwrap().contains("1.15"));
        assert_eq!(chain(r(10), r(11))[0].take_from, Some(r(12)));
        assert_eq!(chain(r(10), r(12))[0].take_from, None);
        let bdr = chain(r(11), r(12))[0];
        assert_eq!((bdr.take_from, bdr.pitfall.is_some()), (None, true));
        assert_eq!(chain(r(11), r(13))[0].pitfall, None);
        assert!(chain(r(15), r(19))[0].pitfall.is_some());
        assert_eq!(chain(r(15), r(20))[0].pitfall, None);
        assert!(chain(r(18), r(19))[0]
            .pitfall
            .unwrap()
            .contains("placeholder"));
    }

    #[test]
    fn from_1_21_to_1_35_as_1_35_ships_them() {
        let steps = chain(r(21), r(35));
        assert_eq!(steps.len(), 14);
        assert!(steps[5].scripts.is_empty() && steps[5].to == r(27));
        assert_eq!(
            names(&steps),
            [
                "schema-upgrade-1.21-1.22.sql",
                "schema-upgrade-1.22-1.23.sql",
                "schema-upgrade-1.23-1.24.sql",
                "schema-upgrade-1.24-1.25.sql",
                "schema-upgrade-1.25-1.26.sql",
                "schema-upgrade-1.27-1.28.sql",
                "schema-upgrade-1.28-1.29.sql",
                "schema-upgrade-1.29-1.30.sql",
                "schema-upgrade-1.30-1.31.sql",
                "schema-upgrade-1.31-1.32.sql",
                "schema-upgrade-1.32-1.33.sql",
                "schema-upgrade-1.33-1.34.sql",
                "schema-upgrade-1.34-1.35.sql",
            ]
        );
        assert_eq!(steps[7].pitfall, Some(NO_OP));
        assert!(steps.iter().all(|s| s.take_from.is_none() && !s.own));
    }

    #[test]
    fn the_1_30_to_1_32_names_depend_on_the_target() {
        assert_eq!(
            names(&chain(r(29), r(31))),
            [
                "schema-upgrade-1.29-1.30.sql",
                "schema-update-1.29-1.30.sql",
                "schema-update-1.30-1.31.sql"
            ]
        );
        assert_eq!(chain(r(29), r(30))[0].scripts.len(), 2);
        assert!(chain(r(30), r(31))[0]
            .pitfall
            .unwrap()
            .contains("PostgreSQL 11"));
        assert_eq!(
            names(&chain(r(29), r(32))),
            [
                "schema-upgrade-1.29-1.30.sql",
                "schema-upgrade-1.30-1.31.sql",
                "schema-upgrade-1.31-1.32.sql"
            ]
        );
        assert!(chain(r(31), r(32))[0].pitfall.unwrap().contains("1.32.0"));
        assert!(!chain(r(31), r(33))[0].pitfall.unwrap().contains("1.32.0"));
    }

    #[test]
    fn where_the_scripts_are() {
        assert_eq!(install_dir(r(7)), "/usr/share/doc/koji-<version>/docs/");
        assert_eq!(install_dir(r(11)), "/usr/share/doc/koji-<version>/docs/");
        assert_eq!(install_dir(r(12)), "/usr/share/doc/koji/docs/");
        assert_eq!(install_dir(r(33)), "/usr/share/doc/koji/docs/");
        assert_eq!(install_dir(r(34)), "/usr/share/koji/");
        assert_eq!(install_dir(Release::NEWEST), "/usr/share/koji/");
    }

    #[test]
    fn psql_commands_stop_at_the_first_error() {
        assert_eq!(
            psql_command("/usr/share/koji/schema-upgrade-1.34-1.35.sql"),
            "psql -v ON_ERROR_STOP=1 koji koji < /usr/share/koji/schema-upgrade-1.34-1.35.sql"
        );
    }

    #[test]
    fn interim_and_destructive_files_are_never_in_a_chain() {
        assert_eq!(do_not_run(r(7)), ["schema.sql"]);
        assert!(do_not_run(r(11)).contains(&"schema-clear.sql"));
        assert!(!do_not_run(r(11)).contains(&"schema-update-dist-repos.sql"));
        assert_eq!(do_not_run(r(15)).len(), 5);
        assert_eq!(do_not_run(Release::NEWEST).len(), 4);
        assert!(!do_not_run(Release::NEWEST).contains(&"schema-clear.sql"));
        for to in Release::all().skip(1) {
            let listed = names(&chain(Release::OLDEST, to));
            assert!(do_not_run(to).iter().all(|f| !listed.contains(f)), "{to}");
        }
    }
}
