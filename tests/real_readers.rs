//! The migrated configs read by Koji's *own* readers, as installed from PyPI.
//!
//! For every target in tests/readers/versions (PyPI versions of koji; scripts/setup installs each
//! into target/koji-readers/koji-<version>, with the venv that runs them), every stock release of
//! ../shared/koji-releases older than the target is migrated with `Options { to: <target>, .. }`,
//! the outputs are written to a temp dir, and:
//! - koji.conf, kojid.conf, kojira.conf, hub.conf, web.conf go to tests/readers/check.py, run with
//!   the venv's python against that koji version: the client's `read_config`, kojira's and kojid's
//!   own `get_options()`, the hub's and the web's `read_config_files` mode and option types (see
//!   check.py's header for exactly what runs and what is stubbed). One python process per target.
//! - every httpd config (kojihub.conf, kojiweb.conf) passes `apache2 -t` with mod_wsgi (the helper
//!   tests/apache.rs uses, in tests/common/apache.rs). Identical texts are checked once.
//!
//! Also read, unmigrated: each target's own stock release (`stock-<release>` in the list): a
//! sanity check of the harness. The newest target's stock files must pass every reader, whatever
//! the list says. And a few broken files (`control`) must fail every reader: the harness can fail.
//!
//! The migration rules for releases after 1.7 are still being written, so many outputs fail
//! today. tests/readers/known-failures.txt lists them (`target<TAB>release<TAB>file<TAB>reason`):
//! this test fails on any failure not listed AND on any listed failure that no longer happens, so
//! the list only shrinks as rules land. Regenerate it with
//! `UPDATE_KNOWN_FAILURES=1 cargo test --test real_readers`.
//!
//! Without the venv/koji installs or Apache with mod_wsgi this test FAILS, saying to run
//! scripts/setup; set KOJI_MIGRATE_SKIP_REAL_READERS=1 to skip it instead.

#[path = "common/apache.rs"]
mod apache_support;
#[path = "common/util.rs"]
mod util;

use apache_support::{apache_t, require_apache, Py, TempRoot, APACHE};
use koji_migrate::{migrate, Options, Release};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const SKIP_VAR: &str = "KOJI_MIGRATE_SKIP_REAL_READERS";
const UPDATE_VAR: &str = "UPDATE_KNOWN_FAILURES";
/// Modules a stock httpd has loaded that Koji's own httpd configs use beyond tests/apache.rs's set:
/// `IndexOptions` in the /mnt/koji `<Directory>` (Koji 1.7+).
const EXTRA_MODULES: &[(&str, &str)] = &[("autoindex_module", "mod_autoindex.so")];
/// A failure's reason is cut to this many characters in the list (the test prints it whole).
const REASON_CHARS: usize = 200;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn releases_dir() -> PathBuf {
    repo().join("../shared/koji-releases")
}

fn readers_dir() -> PathBuf {
    repo().join("target/koji-readers")
}

fn venv_python() -> PathBuf {
    readers_dir().join("venv/bin/python")
}

fn known_failures_path() -> PathBuf {
    repo().join("tests/readers/known-failures.txt")
}

/// "1.22.0" → (1, 22, 0), for sorting and comparing releases.
fn version_key(v: &str) -> (u32, u32, u32) {
    let mut it = v.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
        it.next().unwrap_or(0),
    )
}

/// The koji versions whose readers run (tests/readers/versions; scripts/setup reads it too).
fn targets() -> Vec<String> {
    let path = repo().join("tests/readers/versions");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// The stock release folders, oldest first.
fn stock_releases() -> Vec<String> {
    let dir = releases_dir();
    let mut out = util::folders_in(&dir);
    out.sort_by_key(|r| version_key(r));
    assert!(
        out.len() >= 30,
        "expected 1.3.1 … 1.35.3 in {}",
        dir.display()
    );
    out
}

/// Who reads an output: by the stock file names (so kojira.conf goes to kojira whatever kind the
/// tool gives it), else by kind. `None`: nothing reads it (the SQL upgrade).
fn reader_for(name: &str, kind: &str) -> Option<&'static str> {
    Some(match name {
        "koji.conf" => "client",
        "kojid.conf" => "kojid",
        "kojira.conf" => "kojira",
        "hub.conf" => "hub",
        "web.conf" => "web",
        "kojihub.conf" | "kojiweb.conf" => "apache",
        _ => match kind {
            "client-conf" => "client",
            "kojid-conf" => "kojid",
            "kojira-conf" => "kojira",
            "hub-conf" => "hub",
            "web-conf" => "web",
            "hub-httpd" | "web-httpd" | "httpd" => "apache",
            "sql" => return None,
            _ => "unrecognized",
        },
    })
}

/// One file to read: `set` is the release it came from (or `stock-<release>`, `control`).
struct Job {
    set: String,
    file: String,
    reader: &'static str,
    path: PathBuf,
    text: String,
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Failure {
    target: String,
    set: String,
    file: String,
    /// `<reader>: <what it said>`, paths of this run replaced, on one line.
    reason: String,
}

impl Failure {
    fn line(&self) -> String {
        let mut reason: String = self.reason.chars().take(REASON_CHARS).collect();
        if reason.len() < self.reason.len() {
            reason.push('…');
        }
        format!("{}\t{}\t{}\t{}", self.target, self.set, self.file, reason)
    }
}

/// One line, with this run's temp dir and the repo path written `$OUT` / `$REPO`.
fn normalize(text: &str, out: &Path) -> String {
    let text = text
        .replace(&out.display().to_string(), "$OUT")
        .replace(&repo().display().to_string(), "$REPO");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Broken files every reader must refuse (the harness can fail), written under `dir`.
fn controls(dir: &Path) -> Vec<Job> {
    let cases: [(&str, &'static str, &str); 6] = [
        (
            "kojid.conf",
            "kojid",
            "[kojid]\nserver=http://hub/kojihub\ntopurl=http://hub/kojifiles\nno_such_option=1\n",
        ),
        (
            "kojira.conf",
            "kojira",
            "[kojira]\nserver=http://hub/kojihub\nno_such_option=1\n",
        ),
        (
            "koji.conf",
            "client",
            "[koji]\nserver=http://hub/kojihub\nmax_retries=many\n",
        ),
        // The web interpolates from 1.19: a lone `%` is an error.
        (
            "web.conf",
            "web",
            "[web]\nSiteName = koji\nKojiGreeting = 100% koji\n",
        ),
        ("hub.conf", "hub", "[hub]\nDBName = koji\nDBPort = five\n"),
        (
            "kojihub.conf",
            "apache",
            "Alias /kojihub /usr/share/koji-hub/kojixmlrpc.py\n\
             <Directory /usr/share/koji-hub>\n    PythonHandler kojixmlrpc\n</Directory>\n",
        ),
    ];
    std::fs::create_dir_all(dir).unwrap();
    cases
        .iter()
        .map(|(file, reader, text)| {
            let path = dir.join(file);
            std::fs::write(&path, text).unwrap();
            Job {
                set: "control".into(),
                file: file.to_string(),
                reader,
                path,
                text: text.to_string(),
            }
        })
        .collect()
}

/// Migrates (or, for `stock`, copies) one release's files into `dir`; the jobs that read them.
fn jobs_for_release(release: &str, to: Option<Release>, dir: &Path) -> Vec<Job> {
    std::fs::create_dir_all(dir).unwrap();
    let files = util::files_in(&releases_dir().join(release));
    let outputs: Vec<(String, String, String)> = match to {
        Some(to) => {
            let inputs = util::inputs_of(&files);
            let report = migrate(
                &inputs,
                &Options {
                    to,
                    ..Default::default()
                },
            );
            report
                .files
                .iter()
                .map(|f| (f.output.clone(), f.kind.id().to_string(), f.text.clone()))
                .collect()
        }
        None => files
            .iter()
            .map(|(n, b)| {
                (
                    n.clone(),
                    String::new(),
                    String::from_utf8_lossy(b).into_owned(),
                )
            })
            .collect(),
    };
    let set = match to {
        Some(_) => release.to_string(),
        None => format!("stock-{release}"),
    };
    let mut jobs = Vec::new();
    for (name, kind, text) in outputs {
        let Some(reader) = reader_for(&name, &kind) else {
            continue;
        };
        let path = dir.join(&name);
        std::fs::write(&path, &text).unwrap();
        jobs.push(Job {
            set: set.clone(),
            file: name,
            reader,
            path,
            text,
        });
    }
    jobs
}

/// Runs check.py for one koji version over `jobs` (all but apache's); results by job index.
fn run_check_py(version: &str, jobs: &[&Job]) -> (Vec<String>, Value) {
    let minor = Release::parse(version).unwrap_or_else(|| {
        panic!("tests/readers/versions: {version} is not a release the tool knows")
    });
    let options = repo().join(format!("../shared/koji-options/{minor}.json"));
    let input: Vec<Value> = jobs
        .iter()
        .enumerate()
        .map(|(i, j)| serde_json::json!({"id": i.to_string(), "path": j.path, "reader": j.reader}))
        .collect();
    let mut child = Command::new(venv_python())
        .arg(repo().join("tests/readers/check.py"))
        .arg(readers_dir().join(format!("koji-{version}")))
        .arg(&options)
        .arg("--both-kojid")
        .env("HOME", std::env::temp_dir())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", venv_python().display()));
    let mut stdin = child.stdin.take().unwrap();
    let body = serde_json::to_string(&input).unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(body.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "check.py for koji {version} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check.py for koji {version}: not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    let results = (0..jobs.len())
        .map(|i| {
            v["results"][i.to_string()]
                .as_str()
                .unwrap_or_else(|| panic!("check.py gave no result for job {i}"))
                .to_string()
        })
        .collect();
    (results, v)
}

/// Fails (or skips, with KOJI_MIGRATE_SKIP_REAL_READERS=1) when what the test runs is missing.
fn prerequisites_present() -> bool {
    let skip = std::env::var(SKIP_VAR).is_ok_and(|v| v == "1");
    let mut missing = Vec::new();
    if !venv_python().exists() || !readers_dir().join("venv/.complete").exists() {
        missing.push(format!("the venv {}", readers_dir().join("venv").display()));
    }
    for v in targets() {
        let d = readers_dir().join(format!("koji-{v}"));
        if !d.join(".complete").exists() {
            missing.push(format!("koji {v} in {}", d.display()));
        }
    }
    let wsgi = Path::new(apache_support::MODULES).join("mod_wsgi.so");
    if !Path::new(APACHE).exists() || !wsgi.exists() {
        missing.push(format!("{APACHE} with {}", wsgi.display()));
    }
    if missing.is_empty() {
        return true;
    }
    let msg = format!(
        "Koji's real readers are missing: {}.\nRun scripts/setup test (or, for the Koji readers \
         alone, scripts/setup readers), or set {SKIP_VAR}=1 to skip this test.",
        missing.join(", ")
    );
    if skip {
        eprintln!("SKIPPED ({SKIP_VAR}=1): {msg}");
        return false;
    }
    panic!("{msg}");
}

#[test]
fn koji_readers_accept_migrated_configs() {
    if !prerequisites_present() {
        return;
    }
    require_apache(&["mod_wsgi.so"]);
    let started = Instant::now();
    let root = TempRoot::new("real-readers");
    let out = root.path().to_path_buf();
    let releases = stock_releases();
    let targets = targets();
    let newest = targets
        .iter()
        .max_by_key(|v| version_key(v))
        .expect("tests/readers/versions lists no version")
        .clone();

    // Migrate: per target, every older release, the target's own stock files, the controls.
    let mut per_target: Vec<(String, Vec<Job>)> = Vec::new();
    for t in &targets {
        let to = Release::parse(t).unwrap();
        let mut jobs = Vec::new();
        for r in &releases {
            let rm = Release::parse(r).expect("a release folder the tool knows");
            if rm < to {
                jobs.extend(jobs_for_release(r, Some(to), &out.join(t).join(r)));
            } else if rm == to {
                let dir = out.join(t).join(format!("stock-{r}"));
                jobs.extend(jobs_for_release(r, None, &dir));
            }
        }
        assert!(
            jobs.iter().any(|j| j.set.starts_with("stock-")),
            "no stock release folder for target {t} in {}",
            releases_dir().display()
        );
        jobs.extend(controls(&out.join(t).join("control")));
        per_target.push((t.clone(), jobs));
    }
    let migrated = started.elapsed();

    // Python readers: one process per target, all at once (they are short).
    let python: Vec<(Vec<String>, Value)> = std::thread::scope(|s| {
        let handles: Vec<_> = per_target
            .iter()
            .map(|(t, jobs)| {
                s.spawn(move || {
                    let py_jobs: Vec<&Job> = jobs.iter().filter(|j| j.reader != "apache").collect();
                    run_check_py(t, &py_jobs)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let read = started.elapsed();

    // Apache: each distinct httpd text once.
    let mut apache: HashMap<String, Result<(), String>> = HashMap::new();
    for (_, jobs) in &per_target {
        for j in jobs.iter().filter(|j| j.reader == "apache") {
            if !apache.contains_key(&j.text) {
                let verdict = apache_t(&j.text, Py::Wsgi, EXTRA_MODULES);
                apache.insert(j.text.clone(), verdict);
            }
        }
    }

    // Collect.
    let mut failures: BTreeSet<Failure> = BTreeSet::new();
    let mut full: BTreeMap<(String, String, String), String> = BTreeMap::new();
    let mut checked = 0usize;
    let mut control_passes = Vec::new();
    // What the readers accept but ignore or warn about: not failures, printed and in the report.
    let mut notes: Vec<String> = Vec::new();
    for ((t, jobs), (results, meta)) in per_target.iter().zip(&python) {
        let mut py = results.iter().enumerate();
        for j in jobs {
            let verdict = if j.reader == "apache" {
                match &apache[&j.text] {
                    Ok(()) => "ok".to_string(),
                    Err(e) => e.clone(),
                }
            } else {
                let (i, v) = py.next().unwrap();
                if let Some(ns) = meta["notes"][i.to_string()].as_array() {
                    for n in ns.iter().filter_map(Value::as_str) {
                        if j.set != "control" {
                            notes.push(format!("{t}\t{}\t{}\t{n}", j.set, j.file));
                        }
                    }
                }
                v.clone()
            };
            checked += 1;
            let reader = if j.reader == "apache" {
                "apache2 -t"
            } else {
                j.reader
            };
            if j.set == "control" {
                if verdict == "ok" {
                    control_passes.push(format!("{t} {reader} accepts the broken {}", j.file));
                }
                continue;
            }
            if verdict == "ok" {
                continue;
            }
            let reason = format!("{reader}: {}", normalize(&verdict, &out));
            full.insert(
                (t.clone(), j.set.clone(), j.file.clone()),
                format!("{reader}: {verdict}"),
            );
            failures.insert(Failure {
                target: t.clone(),
                set: j.set.clone(),
                file: j.file.clone(),
                reason,
            });
        }
        eprintln!(
            "koji {t}: kojid read by {}; stubbed for kojid's import: {}",
            meta["kojid_loader"].as_str().unwrap_or("?"),
            meta["stubbed_for_kojid"]
        );
    }
    // The whole picture for people: every failure in full, then every note.
    let mut report = format!(
        "# tests/real_readers.rs, last run: {} failures, {} notes\n\n## failures\n",
        failures.len(),
        notes.len()
    );
    for ((t, set, file), text) in &full {
        report.push_str(&format!("{t}\t{set}\t{file}\t{}\n", normalize(text, &out)));
    }
    report.push_str("\n## notes (accepted, but ignored or warned about)\n");
    for n in &notes {
        report.push_str(n);
        report.push('\n');
    }
    let report_path = readers_dir().join("report.txt");
    std::fs::write(&report_path, report).unwrap();
    eprintln!(
        "real readers: {checked} files checked ({} distinct httpd configs) in {:.1?} \
         (migrate {:.1?}, python {:.1?}); {} failures",
        apache.len(),
        started.elapsed(),
        migrated,
        read - migrated,
        failures.len()
    );
    eprintln!("every failure and note: {}", report_path.display());

    // The harness itself: controls must fail, the newest target's stock files must pass.
    assert!(
        control_passes.is_empty(),
        "the harness cannot fail: {}",
        control_passes.join("; ")
    );
    let stock_newest: Vec<&Failure> = failures
        .iter()
        .filter(|f| f.target == newest && f.set.starts_with("stock-"))
        .collect();
    assert!(
        stock_newest.is_empty(),
        "Koji {newest}'s own stock files fail its readers (a harness bug):\n{}",
        stock_newest
            .iter()
            .map(|f| f.line())
            .collect::<Vec<_>>()
            .join("\n")
    );

    let lines: BTreeSet<String> = failures.iter().map(Failure::line).collect();
    if std::env::var(UPDATE_VAR).is_ok_and(|v| v == "1") {
        let mut text = String::from(
            "# Failures of tests/real_readers.rs that are known, one per line:\n\
             # target<TAB>release<TAB>file<TAB>reason. target = the koji version whose readers ran,\n\
             # release = the stock release migrated to it (stock-X: X's files unmigrated).\n\
             # The test fails on a failure missing here and on a line here that no longer fails.\n\
             # Regenerate: UPDATE_KNOWN_FAILURES=1 cargo test --test real_readers\n",
        );
        for l in &lines {
            text.push_str(l);
            text.push('\n');
        }
        std::fs::write(known_failures_path(), text).unwrap();
        eprintln!(
            "wrote {} known failures to {}",
            lines.len(),
            known_failures_path().display()
        );
        return;
    }
    let known_text = std::fs::read_to_string(known_failures_path()).unwrap_or_default();
    let known: BTreeSet<String> = known_text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let new: Vec<&Failure> = failures
        .iter()
        .filter(|f| !known.contains(&f.line()))
        .collect();
    let gone: Vec<&String> = known.difference(&lines).collect();
    if new.is_empty() && gone.is_empty() {
        return;
    }
    let mut msg = String::new();
    if !new.is_empty() {
        msg.push_str(&format!(
            "{} failure(s) not in tests/readers/known-failures.txt:\n",
            new.len()
        ));
        for f in &new {
            msg.push_str(&format!(
                "  {} {} {}: {}\n",
                f.target,
                f.set,
                f.file,
                full[&(f.target.clone(), f.set.clone(), f.file.clone())]
            ));
        }
    }
    if !gone.is_empty() {
        msg.push_str(&format!(
            "{} known failure(s) no longer happen (good: remove them from the list):\n",
            gone.len()
        ));
        for l in &gone {
            msg.push_str(&format!("  {}\n", l.replace('\t', " | ")));
        }
    }
    msg.push_str(&format!(
        "If this is expected, regenerate the list: {UPDATE_VAR}=1 cargo test --test real_readers"
    ));
    panic!("{msg}");
}
