//! Golden files: every input set converts, in both modes, to the outputs and notes checked in.
//!
//! Input sets: the stock configs of each Koji release before 1.7 (read from `../shared`), and every
//! case of our own corpus (`tests/corpus/<case>/in/`). Expected results live in
//! `tests/golden/stock-<release>/<mode>/` and `tests/corpus/<case>/expected/<mode>/`: `files.txt`
//! (every output with its kind and whether it changed), a unified diff `<output>.diff` for each
//! changed input, each created file in full (but the schema SQL, the same everywhere), and
//! `notes.txt`. Reviewing a change of behaviour is reading the diff
//! of those files. To accept new results: `UPDATE_GOLDEN=1 cargo test --test golden`.

mod support;

use koji_migrate::{migrate, Input, Target};
use std::path::{Path, PathBuf};
use support::*;

const RELEASES: [&str; 4] = ["1.3.1", "1.4.0", "1.5.0", "1.6.0"];
const MODES: [Target; 2] = [Target::ModWsgi, Target::ModPython];

fn check_set(name: &str, inputs: &[Input], expected_root: &Path) -> Vec<String> {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for mode in MODES {
        let opts = options(mode);
        let report = migrate(inputs, &opts);
        let dir = expected_root.join(mode_name(mode));
        let mut actual: Vec<(String, String)> = Vec::new();
        let mut manifest = String::new();
        for f in &report.files {
            let status = match (&f.original, f.changed) {
                (None, _) => "created",
                (Some(_), true) => "changed",
                (Some(_), false) => "unchanged",
            };
            manifest.push_str(&format!("{}\t{}\t{status}\n", f.output, f.kind.id()));
            match &f.original {
                // Converted inputs are kept as diffs: reviewable, and no copy of the input.
                // The diff the CLI and the page show: read from the migration's record.
                Some(_) if f.changed => actual.push((
                    format!("{}.diff", f.output),
                    koji_migrate::diff::DiffModel::of_file(f, 3)
                        .unified(&format!("a/{}", f.output), &format!("b/{}", f.output)),
                )),
                Some(_) => {}
                // The schema upgrade is the same text in every set; tests/schema_postgres.rs
                // proves it, so files.txt only records that it is there.
                None if f.kind == koji_migrate::FileKind::Sql => {}
                None => actual.push((f.output.clone(), f.text.clone())),
            }
        }
        actual.push(("files.txt".into(), manifest));
        actual.push(("notes.txt".into(), notes_text(&report)));
        if update {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("create golden dir");
            for (file, text) in &actual {
                std::fs::write(dir.join(file), text).expect("write golden");
            }
        }
        let mut expected_names: Vec<String> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        expected_names.sort();
        let mut actual_names: Vec<String> = actual.iter().map(|(n, _)| n.clone()).collect();
        actual_names.sort();
        if expected_names != actual_names {
            failures.push(format!(
                "{name} ({}): files {actual_names:?}, expected {expected_names:?}",
                mode_name(mode)
            ));
            continue;
        }
        for (file, text) in &actual {
            let want = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
            if &want != text {
                failures.push(format!(
                    "{name} ({}): {file} differs from {}:\n{}",
                    mode_name(mode),
                    dir.join(file).display(),
                    koji_migrate::diff::DiffModel::new(&want, text, 2)
                        .unified("expected", "actual")
                ));
            }
        }
        assert_idempotent(&report, &opts, name);
    }
    failures
}

#[test]
fn stock_configs_convert_to_the_golden_files() {
    let mut failures = Vec::new();
    for release in RELEASES {
        let inputs = inputs_in(&stock_dir().join(release));
        assert!(inputs.len() >= 5, "stock configs of {release} missing");
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(format!("stock-{release}"));
        failures.extend(check_set(release, &inputs, &root));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn corpus_converts_to_the_golden_files() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("in").is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 8,
        "the corpus should hold our realistic cases"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case
            .file_name()
            .expect("case name")
            .to_string_lossy()
            .into_owned();
        failures.extend(check_set(
            &name,
            &inputs_in(&case.join("in")),
            &case.join("expected"),
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn stock_1_7_configs_come_out_unchanged() {
    let inputs = inputs_in(&stock_dir().join("1.7.0"));
    for mode in MODES {
        let report = migrate(&inputs, &options(mode));
        for f in &report.files {
            match &f.input {
                Some(name) => {
                    assert!(
                        !f.changed,
                        "{name} changed in {}:\n{}",
                        mode_name(mode),
                        f.text
                    );
                    assert_eq!(f.original.as_deref(), Some(f.text.as_str()));
                }
                None => assert_eq!(f.kind, koji_migrate::FileKind::Sql, "created {}", f.output),
            }
        }
        assert!(!report.needs_migration());
    }
}
