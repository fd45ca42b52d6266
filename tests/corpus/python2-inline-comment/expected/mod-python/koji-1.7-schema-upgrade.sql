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
