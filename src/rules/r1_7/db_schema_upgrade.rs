//! `db-schema-upgrade`: the database schema upgrade is written, and the later steps listed.
//!
//! Koji 1.7 adds tables `volume` and `tag_updates` and the column `build.volume_id`: the SQL is our
//! own, in one transaction; later releases' steps are Koji's own scripts (`koji::schema_chain`).
//!
//! ```text
//! before: (a hub's files among the inputs)
//! after:  new file koji-1.7-schema-upgrade.sql: BEGIN; CREATE TABLE volume …; COMMIT;
//! ```
//!
//! The logic is shared: `rules::schema` (the SQL, the note, [`crate::koji::schema_chain`]'s steps).

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "db-schema-upgrade",
    release: Release::V1_7,
    summary: "Upgrade the database schema",
    guide: Guide::DbSchemaUpdates,
    explanation: explained!("Koji 1.7 adds the tables volume and tag_updates and the column build.volume_id. The migration writes that upgrade as SQL in one transaction, to run as the database owner before starting the 1.7 hub."),
    rejecting: None,
};
