//! The real consumer of `koji-1.7-schema-upgrade.sql`: PostgreSQL.
//!
//! The test starts a private PostgreSQL cluster (never the system service): `initdb` and `pg_ctl`
//! from /usr/lib/postgresql/<version>/bin, a data directory in a fresh temp dir, no TCP at all
//! (`listen_addresses = ''`), only a unix socket in that temp dir. Tests run as root here and in
//! CI and PostgreSQL refuses to run as root, so the server commands run as the `postgres` system
//! user through `runuser`; the temp dir belongs to that user. A guard stops the cluster
//! (`pg_ctl stop -m immediate`) and removes the dir whatever happens.
//!
//! In it, database `koji` owned by role `koji` gets a small stand-in for the Koji 1.6 schema (only
//! what the upgrade touches: `users`, `events` with `get_event()`, `tag`, `build` with rows), and
//! the upgrade is applied the way our note tells admins: `psql koji koji < FILE`, as role koji.
//!
//! PostgreSQL is required: without it this test fails (scripts/setup test installs it); it never
//! passes silently.

use koji_migrate::rules::schema;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The directory holding the server binaries of the newest PostgreSQL installed from Debian.
fn server_bin_dir() -> PathBuf {
    let root = Path::new("/usr/lib/postgresql");
    let mut found: Vec<(Vec<u32>, PathBuf)> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            ["initdb", "pg_ctl", "psql", "pg_dump"]
                .iter()
                .all(|b| p.join("bin").join(b).is_file())
        })
        .map(|p| {
            let version = p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .split('.')
                .map(|n| n.parse().unwrap_or(0))
                .collect();
            (version, p.join("bin"))
        })
        .collect();
    found.sort();
    match found.pop() {
        Some((_, bin)) => bin,
        None => panic!(
            "PostgreSQL is not installed: no /usr/lib/postgresql/*/bin with initdb, pg_ctl, psql and \
             pg_dump. This test needs Debian's postgresql package (server and client): run \
             `scripts/setup test` (or `apt-get install postgresql`)."
        ),
    }
}

fn is_root() -> bool {
    let out = Command::new("id")
        .arg("-u")
        .output()
        .expect("running id -u");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

/// Output as text, for messages.
fn text(out: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A private cluster: a temp dir (socket and log) with the data directory in it.
struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
    running: bool,
}

impl Cluster {
    fn start() -> Cluster {
        let bin = server_bin_dir();
        let dir = std::env::temp_dir().join(format!("koji-migrate-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let as_postgres = is_root();
        // Built before anything can fail, so the dir is removed (and a started server stopped)
        // whatever happens next.
        let mut cluster = Cluster {
            bin,
            dir,
            as_postgres,
            running: false,
        };
        if as_postgres {
            let out = Command::new("chown")
                .arg("postgres:postgres")
                .arg(&cluster.dir)
                .output()
                .expect("running chown");
            assert!(
                out.status.success(),
                "cannot give {} to the postgres system user (Debian's postgresql package creates \
                 it): {}",
                cluster.dir.display(),
                text(&out)
            );
        }
        let data = cluster.dir.join("data");
        let out = cluster
            .server_cmd("initdb")
            .args(["--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"])
            .args(["--username=postgres", "--no-instructions", "-D"])
            .arg(&data)
            .output()
            .expect("running initdb");
        assert!(out.status.success(), "initdb failed: {}", text(&out));
        // Unix socket in our dir only; fsync off: the cluster is thrown away.
        let options = format!(
            "-c listen_addresses='' -c unix_socket_directories='{}' -c fsync=off \
             -c full_page_writes=off -c synchronous_commit=off",
            cluster.dir.display()
        );
        cluster.running = true;
        let out = cluster
            .server_cmd("pg_ctl")
            .args(["-w", "-t", "30", "-D"])
            .arg(&data)
            .arg("-l")
            .arg(cluster.dir.join("server.log"))
            .args(["-o", &options, "start"])
            .output()
            .expect("running pg_ctl start");
        assert!(
            out.status.success(),
            "pg_ctl start failed: {}\n--- server.log\n{}",
            text(&out),
            cluster.log()
        );
        cluster
    }

    /// A server binary, run as the postgres system user when we are root.
    fn server_cmd(&self, name: &str) -> Command {
        let program = self.bin.join(name);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        cmd.current_dir(&self.dir);
        cmd
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
    }

    /// `psql -X -h <our socket dir> <args>` with `input` on stdin; the PG* environment that could
    /// redirect it elsewhere is removed.
    fn psql(&self, args: &[&str], input: &str) -> Output {
        let mut cmd = Command::new(self.bin.join("psql"));
        for var in [
            "PGHOST",
            "PGHOSTADDR",
            "PGPORT",
            "PGUSER",
            "PGDATABASE",
            "PGSERVICE",
            "PGOPTIONS",
            "PGPASSWORD",
            "PSQLRC",
        ] {
            cmd.env_remove(var);
        }
        let mut child = cmd
            .arg("-X")
            .arg("-h")
            .arg(&self.dir)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("running psql");
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_string();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        out
    }

    /// Runs `sql` as `user` on `db`, stopping at the first error; panics when it fails.
    fn exec(&self, user: &str, db: &str, sql: &str) {
        let out = self.psql(&["-q", "-v", "ON_ERROR_STOP=1", "-U", user, db], sql);
        assert!(
            out.status.success(),
            "psql failed on:\n{sql}\n{}",
            text(&out)
        );
    }

    /// The rows of `query` as role koji on `db`, one line each, columns joined by `|`.
    fn rows(&self, db: &str, query: &str) -> String {
        let out = self.psql(
            &["-q", "-At", "-v", "ON_ERROR_STOP=1", "-U", "koji", db],
            query,
        );
        assert!(
            out.status.success(),
            "query failed:\n{query}\n{}",
            text(&out)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .trim_end()
            .to_string()
    }

    /// Runs a statement that PostgreSQL must refuse, and returns its error text.
    fn refused(&self, db: &str, statement: &str) -> String {
        let out = self.psql(
            &["-q", "-v", "ON_ERROR_STOP=1", "-U", "koji", db],
            statement,
        );
        assert!(
            !out.status.success(),
            "PostgreSQL accepted what it must refuse:\n{statement}\n{}",
            text(&out)
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// Everything in `db` (schema and data) as pg_dump prints it, minus the per-run
    /// `\restrict` key lines that newer pg_dump versions add.
    fn dump(&self, db: &str) -> String {
        let out = Command::new(self.bin.join("pg_dump"))
            .env_remove("PGOPTIONS")
            .arg("-h")
            .arg(&self.dir)
            .args(["-U", "koji", db])
            .output()
            .expect("running pg_dump");
        assert!(out.status.success(), "pg_dump failed: {}", text(&out));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.running {
            let _ = self
                .server_cmd("pg_ctl")
                .args(["-w", "-m", "immediate", "-D"])
                .arg(self.dir.join("data"))
                .arg("stop")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A stand-in for the part of the Koji 1.6 schema the upgrade touches (our own, much smaller than
/// Koji's): users, events with get_event(), tag, and build with three rows.
const KOJI_1_6_SCHEMA: &str = "
CREATE TABLE users (
    id SERIAL NOT NULL PRIMARY KEY,
    name VARCHAR(255) UNIQUE NOT NULL
);
CREATE TABLE events (
    id SERIAL NOT NULL PRIMARY KEY,
    time TIMESTAMP NOT NULL DEFAULT NOW()
);
-- Records a new event and returns its id, as Koji's own function does.
CREATE FUNCTION get_event() RETURNS INTEGER AS $$
    INSERT INTO events (time) VALUES (NOW()) RETURNING id;
$$ LANGUAGE SQL;
CREATE TABLE tag (
    id SERIAL NOT NULL PRIMARY KEY,
    name VARCHAR(50) UNIQUE NOT NULL
);
CREATE TABLE build (
    id SERIAL NOT NULL PRIMARY KEY,
    nvr TEXT UNIQUE NOT NULL,
    create_event INTEGER NOT NULL REFERENCES events (id) DEFAULT get_event(),
    owner INTEGER NOT NULL REFERENCES users (id)
);
INSERT INTO users (name) VALUES ('kojiadmin'), ('builder');
INSERT INTO tag (name) VALUES ('dist-f14'), ('dist-f14-build');
INSERT INTO build (nvr, owner) VALUES
    ('bash-4.1.7-3.fc14', 1), ('koji-1.6.0-1.fc14', 1), ('rpm-4.8.1-5.fc14', 2);
";

/// A fresh database `name` owned by role koji, holding the 1.6 stand-in, created by koji.
fn koji_1_6_database(cluster: &Cluster, name: &str) {
    cluster.exec(
        "postgres",
        "postgres",
        &format!("CREATE DATABASE {name} OWNER koji;"),
    );
    cluster.exec("koji", name, KOJI_1_6_SCHEMA);
}

/// Applies the upgrade exactly as our note tells admins: `psql koji koji < FILE` (database koji,
/// role koji, nothing else; the test only adds -X and the socket dir).
fn apply_as_the_note_says(cluster: &Cluster, db: &str) -> Output {
    cluster.psql(&[db, "koji"], schema::sql())
}

/// Applies the upgrade with psql stopping at the first error (`-v ON_ERROR_STOP=1`).
fn apply_stopping_on_error(cluster: &Cluster, db: &str) -> Output {
    cluster.psql(&["-v", "ON_ERROR_STOP=1", "-U", "koji", db], schema::sql())
}

#[test]
fn schema_upgrade_applies_on_postgresql() {
    let started = Instant::now();
    let pg = Cluster::start();
    pg.exec("postgres", "postgres", "CREATE ROLE koji LOGIN;");
    koji_1_6_database(&pg, "koji");

    // The upgrade itself: clean, as role koji, nothing on stderr (no error, warning or notice).
    let out = apply_stopping_on_error(&pg, "koji");
    assert!(out.status.success(), "the upgrade failed: {}", text(&out));
    assert!(
        out.stderr.is_empty(),
        "the upgrade printed to stderr: {}",
        text(&out)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .trim_end()
            .ends_with("COMMIT"),
        "the upgrade did not end with COMMIT: {}",
        text(&out)
    );

    // volume: exactly (0, 'DEFAULT'); id SERIAL primary key; name unique, not null.
    assert_eq!(pg.rows("koji", "SELECT id, name FROM volume;"), "0|DEFAULT");
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns \
             WHERE table_name = 'volume' ORDER BY ordinal_position;"
        ),
        "id|integer|NO|nextval('volume_id_seq'::regclass)\nname|text|NO|"
    );
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT contype, pg_get_constraintdef(oid) FROM pg_constraint \
             WHERE conrelid = 'volume'::regclass ORDER BY contype;"
        ),
        "p|PRIMARY KEY (id)\nu|UNIQUE (name)"
    );
    // A new volume takes the next serial number, clear of the explicit 0 (before any failed insert
    // takes a number).
    assert_eq!(
        pg.rows(
            "koji",
            "INSERT INTO volume (name) VALUES ('archive') RETURNING id;"
        ),
        "1"
    );
    assert!(pg
        .refused(
            "koji",
            "INSERT INTO volume (id, name) VALUES (5, 'DEFAULT');"
        )
        .contains("duplicate key value violates unique constraint"));
    assert!(pg
        .refused("koji", "INSERT INTO volume (id, name) VALUES (0, 'other');")
        .contains("duplicate key value violates unique constraint \"volume_pkey\""));
    assert!(pg
        .refused("koji", "INSERT INTO volume (name) VALUES (NULL);")
        .contains("violates not-null constraint"));

    // build.volume_id: 0 for every existing build, NOT NULL, integer, references volume(id).
    assert_eq!(
        pg.rows("koji", "SELECT nvr, volume_id FROM build ORDER BY id;"),
        "bash-4.1.7-3.fc14|0\nkoji-1.6.0-1.fc14|0\nrpm-4.8.1-5.fc14|0"
    );
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT data_type, is_nullable FROM information_schema.columns \
             WHERE table_name = 'build' AND column_name = 'volume_id';"
        ),
        "integer|NO"
    );
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint \
             WHERE conrelid = 'build'::regclass AND contype = 'f' ORDER BY 1;"
        ),
        "FOREIGN KEY (create_event) REFERENCES events(id)\n\
         FOREIGN KEY (owner) REFERENCES users(id)\n\
         FOREIGN KEY (volume_id) REFERENCES volume(id)"
    );
    assert!(pg
        .refused(
            "koji",
            "INSERT INTO build (nvr, owner) VALUES ('zsh-4.3.10-6.fc14', 1);"
        )
        .contains("null value in column \"volume_id\""));
    assert!(pg
        .refused(
            "koji",
            "INSERT INTO build (nvr, owner, volume_id) VALUES ('zsh-4.3.10-6.fc14', 1, 7);"
        )
        .contains("violates foreign key constraint"));
    assert!(pg
        .refused("koji", "DELETE FROM volume WHERE id = 0;")
        .contains("violates foreign key constraint"));
    pg.exec(
        "koji",
        "koji",
        "INSERT INTO build (nvr, owner, volume_id) VALUES ('zsh-4.3.10-6.fc14', 2, 1);",
    );

    // tag_updates: update_event defaults to a new event from get_event().
    let events_before: u32 = pg
        .rows("koji", "SELECT max(id) FROM events;")
        .parse()
        .unwrap();
    let row = pg.rows(
        "koji",
        "INSERT INTO tag_updates (tag_id, updater_id, update_type) VALUES (2, 1, 0) \
         RETURNING id, update_event;",
    );
    assert_eq!(row, format!("1|{}", events_before + 1));
    assert_eq!(
        pg.rows("koji", "SELECT max(id) FROM events;"),
        (events_before + 1).to_string()
    );
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns \
             WHERE table_name = 'tag_updates' ORDER BY ordinal_position;"
        ),
        "id|integer|NO|nextval('tag_updates_id_seq'::regclass)\n\
         tag_id|integer|NO|\n\
         update_event|integer|NO|get_event()\n\
         updater_id|integer|NO|\n\
         update_type|integer|NO|"
    );
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint \
             WHERE conrelid = 'tag_updates'::regclass ORDER BY 1;"
        ),
        "FOREIGN KEY (tag_id) REFERENCES tag(id)\n\
         FOREIGN KEY (update_event) REFERENCES events(id)\n\
         FOREIGN KEY (updater_id) REFERENCES users(id)\n\
         PRIMARY KEY (id)"
    );
    for bad in [
        "(99, 1, 0)", // no such tag
        "(1, 99, 0)", // no such user
    ] {
        assert!(
            pg.refused(
                "koji",
                &format!("INSERT INTO tag_updates (tag_id, updater_id, update_type) VALUES {bad};")
            )
            .contains("violates foreign key constraint"),
            "{bad}"
        );
    }
    assert!(pg
        .refused(
            "koji",
            "INSERT INTO tag_updates (tag_id, update_event, updater_id, update_type) \
             VALUES (1, 999999, 1, 0);"
        )
        .contains("violates foreign key constraint"));
    for missing in [
        "(tag_id, update_event, updater_id) VALUES (1, 1, 1)",
        "(update_event, updater_id, update_type) VALUES (1, 1, 0)",
        "(tag_id, update_event, update_type) VALUES (1, 1, 0)",
        "(tag_id, update_event, updater_id, update_type) VALUES (1, NULL, 1, 0)",
    ] {
        assert!(
            pg.refused("koji", &format!("INSERT INTO tag_updates {missing};"))
                .contains("violates not-null constraint"),
            "{missing}"
        );
    }

    // Both indexes exist (beside the primary key's).
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tag_updates' \
             ORDER BY indexname;"
        ),
        "tag_updates_by_event|CREATE INDEX tag_updates_by_event ON public.tag_updates USING btree (update_event)\n\
         tag_updates_by_tag|CREATE INDEX tag_updates_by_tag ON public.tag_updates USING btree (tag_id)\n\
         tag_updates_pkey|CREATE UNIQUE INDEX tag_updates_pkey ON public.tag_updates USING btree (id)"
    );
    // The new objects belong to the database owner who ran the script.
    assert_eq!(
        pg.rows(
            "koji",
            "SELECT tablename, tableowner FROM pg_tables \
             WHERE tablename IN ('volume', 'tag_updates') ORDER BY 1;"
        ),
        "tag_updates|koji\nvolume|koji"
    );

    // Applying it a second time fails (the tables exist) and changes nothing, whether psql stops
    // on the error or, as in the note's plain `psql koji koji < FILE`, goes on: then the
    // transaction is aborted and its COMMIT becomes a ROLLBACK.
    let upgraded = pg.dump("koji");
    let out = apply_stopping_on_error(&pg, "koji");
    assert!(
        !out.status.success(),
        "a second run succeeded: {}",
        text(&out)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("relation \"volume\" already exists"),
        "{}",
        text(&out)
    );
    assert_eq!(
        pg.dump("koji"),
        upgraded,
        "a failed second run changed the database"
    );
    let out = apply_as_the_note_says(&pg, "koji");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("relation \"volume\" already exists")
            && stderr.contains("current transaction is aborted"),
        "{}",
        text(&out)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .trim_end()
            .ends_with("ROLLBACK"),
        "the failed second run did not roll back: {}",
        text(&out)
    );
    assert_eq!(
        pg.dump("koji"),
        upgraded,
        "a failed second run changed the database"
    );

    // Atomic: a failure at the very end (the last index's name is taken) leaves no trace of the
    // earlier statements: no volume table, no build.volume_id, no tag_updates, no new event.
    for (db, apply) in [
        (
            "koji_late_failure_stop",
            apply_stopping_on_error as fn(&Cluster, &str) -> Output,
        ),
        ("koji_late_failure_note", apply_as_the_note_says),
    ] {
        koji_1_6_database(&pg, db);
        pg.exec(
            "koji",
            db,
            "CREATE INDEX tag_updates_by_event ON users (name);",
        );
        let before = pg.dump(db);
        let out = apply(&pg, db);
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("relation \"tag_updates_by_event\" already exists"),
            "{db}: {}",
            text(&out)
        );
        assert_eq!(
            pg.dump(db),
            before,
            "{db}: a failed run left partial changes"
        );
        assert_eq!(
            pg.rows(
                db,
                "SELECT to_regclass('volume') IS NULL, to_regclass('tag_updates') IS NULL, \
                 count(*) FROM information_schema.columns \
                 WHERE table_name = 'build' AND column_name = 'volume_id';"
            ),
            "t|t|0",
            "{db}"
        );
    }

    drop(pg);
    let took = started.elapsed();
    eprintln!("schema_postgres: private cluster, upgrade and checks took {took:.2?}");
    assert!(
        took < Duration::from_secs(60),
        "the PostgreSQL test took {took:.2?}; it should take a few seconds"
    );
}
