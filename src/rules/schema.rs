//! The database half of the upgrade: Koji 1.7's schema changes, as SQL we write ourselves.
//!
//! 1.7 adds storage volumes (table `volume`, column `build.volume_id`) and a log of tag changes
//! (table `tag_updates`). There was no schema change between 1.5 and 1.6, so the same script serves
//! both; older databases first need Koji's own earlier upgrade scripts.

use super::{NewFile, Plan, DB_SCHEMA_UPGRADE};
use crate::migrate::Options;
use crate::report::{FileKind, Severity};

/// The name the SQL file is saved under.
pub const SQL_FILE: &str = "koji-1.7-schema-upgrade.sql";

const SQL: &str = "\
-- Koji 1.7 database schema upgrade, written by koji-migrate.
-- For a Koji 1.5 or 1.6 database (1.6 did not change the schema). Run it once, as the owner of
-- the Koji database, before starting the 1.7 hub:
--     psql -v ON_ERROR_STOP=1 koji koji < koji-1.7-schema-upgrade.sql
-- (database and role names as on your site). Everything happens in one transaction: if any
-- statement fails, nothing is changed, and ON_ERROR_STOP makes psql exit non-zero to say so.

BEGIN;

-- Storage volumes: every existing build lives on the default volume, number 0.
CREATE TABLE volume (
    id SERIAL NOT NULL PRIMARY KEY,
    name TEXT UNIQUE NOT NULL
);
INSERT INTO volume (id, name) VALUES (0, 'DEFAULT');

ALTER TABLE build ADD COLUMN volume_id INTEGER REFERENCES volume (id);
UPDATE build SET volume_id = 0;
ALTER TABLE build ALTER COLUMN volume_id SET NOT NULL;

-- Changes to tags that cannot be derived from other tables.
CREATE TABLE tag_updates (
    id SERIAL NOT NULL PRIMARY KEY,
    tag_id INTEGER NOT NULL REFERENCES tag (id),
    update_event INTEGER NOT NULL REFERENCES events (id) DEFAULT get_event(),
    updater_id INTEGER NOT NULL REFERENCES users (id),
    update_type INTEGER NOT NULL
);
CREATE INDEX tag_updates_by_tag ON tag_updates (tag_id);
CREATE INDEX tag_updates_by_event ON tag_updates (update_event);

COMMIT;
";

/// The SQL text (for tests and the page).
pub fn sql() -> &'static str {
    SQL
}

/// The command that applies it: stops at the first error, so a failed upgrade cannot pass for a
/// successful one (the transaction leaves the database as it was).
pub fn psql_command() -> String {
    format!("psql -v ON_ERROR_STOP=1 koji koji < {SQL_FILE}")
}

pub(crate) fn add(options: &Options, new_files: &mut Vec<NewFile>, global: &mut Plan) {
    let mut file = NewFile::new(SQL_FILE, FileKind::Sql);
    for line in SQL.lines() {
        file.push(line, None);
    }
    let k = new_files.len();
    let n = file.lines.len();
    new_files.push(file);
    let from = options.from_release();
    let before = match from.minor() {
        5.. => String::new(),
        4 => " First apply Koji's schema-upgrade-1.4-1.5.sql (shipped with Koji 1.5).".into(),
        _ => " First apply Koji's schema-upgrade-1.3-1.4.sql, then schema-upgrade-1.4-1.5.sql."
            .into(),
    };
    global.note_new_file(&DB_SCHEMA_UPGRADE, Severity::Action, None, (k, 0..n), None, format!(
        "Upgrade the database from {} before starting the 1.7 hub: {}, as the database owner \
         (names as on your site).{before} It serves 1.5 and 1.6 databases alike; Koji ships the same change as schema-upgrade-1.6-1.7.sql \
         (the guide's schema-upgrade-1.5-1.7.sql does not exist).", from, psql_command()));
}
