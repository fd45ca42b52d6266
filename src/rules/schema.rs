//! The database half of the upgrade: Koji 1.7's schema changes, as SQL we write ourselves, and
//! the note of `db-schema-upgrade` (`r1_7/`). The later steps and their [`DbStep`]s are Koji's
//! vocabulary (`koji::schema_chain`), re-exported here.
//!
//! 1.7 adds storage volumes (table `volume`, column `build.volume_id`) and a log of tag changes
//! (table `tag_updates`). There was no schema change between 1.5 and 1.6, so the same script serves
//! both; older databases first need Koji's own earlier upgrade scripts.

use super::r1_7::db_schema_upgrade;
use super::{NewFile, Plan};
pub use crate::koji::schema_chain::{steps, DbStep};
use crate::koji::{schema_chain, Release};
use crate::options::Options;
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

pub(crate) fn add(
    options: &Options,
    hub_side: bool,
    new_files: &mut Vec<NewFile>,
    global: &mut Plan,
) {
    let from = options.from_release();
    if !hub_side {
        // The database belongs to the hub: without the hub's configs, say what it will need.
        if from < options.to {
            global.note(&db_schema_upgrade::RULE, Severity::Info, None, format!(
                "No hub configuration was given (its httpd config or hub.conf), so no database step is written here. \
                 The hub's database needs upgrading from {from} to {} when the hub is: give koji-migrate the hub's files to get the steps.",
                options.to));
        }
        return;
    }
    if from < Release::V1_7 {
        add_own_1_7_sql(from, options.to, new_files, global);
    }
    if !cfg!(feature = "releases") {
        return;
    }
    let later: Vec<DbStep> = steps(from.max(Release::V1_7), options.to);
    if later.is_empty() {
        return;
    }
    let dir = schema_chain::install_dir(options.to);
    let mut message = format!(
        "{}pgrade the database from {} to {} with Koji's own scripts, one step after the other, as the database owner, \
         before starting the {} hub (they are installed with Koji {} in {dir}):",
        if from < Release::V1_7 { "After that, u" } else { "U" },
        from.max(Release::V1_7),
        options.to,
        options.to,
        options.to,
    );
    for step in &later {
        message.push_str(&format!(" {} → {}: ", step.from, step.to));
        if step.commands.is_empty() {
            message.push_str("no script (the schema did not change);");
        } else {
            message.push_str(&step.commands.join("; then "));
            message.push(';');
        }
        if step.pitfall.is_none() && step.has_pitfall {
            // The page: the text is on the rules page (explanations are not compiled in).
            message.push_str(&format!(
                " (a known pitfall: rules.html#db-{}-{})",
                step.from, step.to
            ));
        }
        if let Some(p) = &step.pitfall {
            message.push_str(&format!(" ({p})"));
        }
    }
    message.pop();
    message.push_str(&format!(
        ". Never run {} on an existing database.",
        schema_chain::do_not_run(options.to).join(", ")
    ));
    global.note(&db_schema_upgrade::RULE, Severity::Action, None, message);
}

fn add_own_1_7_sql(from: Release, to: Release, new_files: &mut Vec<NewFile>, global: &mut Plan) {
    let mut file = NewFile::new(SQL_FILE, FileKind::Sql);
    for line in SQL.lines() {
        file.push(line, None);
    }
    let k = new_files.len();
    let n = file.lines.len();
    new_files.push(file);
    let before = match from.minor() {
        5.. => String::new(),
        4 => " First apply Koji's schema-upgrade-1.4-1.5.sql (shipped with Koji 1.5).".into(),
        _ => " First apply Koji's schema-upgrade-1.3-1.4.sql, then schema-upgrade-1.4-1.5.sql."
            .into(),
    };
    let hub = if to == Release::V1_7 {
        "the 1.7 hub".to_string()
    } else {
        "any later step".to_string()
    };
    global.note_new_file(&db_schema_upgrade::RULE, Severity::Action, None, (k, 0..n), None, format!(
        "Upgrade the database from {} before starting {hub}: {}, as the database owner \
         (names as on your site).{before} It serves 1.5 and 1.6 databases alike; Koji ships the same change as schema-upgrade-1.6-1.7.sql \
         (the guide's schema-upgrade-1.5-1.7.sql does not exist).", from, psql_command()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chain (`koji::schema_chain`) names the file this module writes, and runs it the same way.
    #[test]
    fn the_chain_runs_this_sql_file() {
        assert_eq!(schema_chain::OWN_1_7_SCRIPT, SQL_FILE);
        assert_eq!(
            schema_chain::psql_command(schema_chain::OWN_1_7_SCRIPT),
            psql_command()
        );
    }
}
