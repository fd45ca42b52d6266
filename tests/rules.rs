//! One fixture per rule: `tests/rules/<rule-id>/in/` (the inputs), an optional `options.txt`
//! (`to 1.35`, `from 1.6`, `mod-python`, one per line; the default target is the newest) and
//! `expected.txt` (every note, then the diff of each changed input and each created file but the
//! schema SQL). The test fails when a registered rule has no fixture, when a fixture never
//! triggers its rule, or when a fixture's result changed. To accept new results after a
//! deliberate change: `UPDATE_GOLDEN=1 cargo test --test rules`.

mod support;

use koji_migrate::diff::DiffModel;
use koji_migrate::{migrate, rules, FileKind, Options, Release, Target};
use std::path::{Path, PathBuf};
use support::{inputs_in, notes_text};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules")
}

fn options_of(dir: &Path) -> Options {
    let mut options = Options::default();
    let text = std::fs::read_to_string(dir.join("options.txt")).unwrap_or_default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        let release = || {
            Release::parse(value)
                .unwrap_or_else(|| panic!("{}: bad release {value:?}", dir.display()))
        };
        match key {
            "to" => options.to = release(),
            "from" => options.from = Some(release()),
            "mod-python" => options.target = Target::ModPython,
            other => panic!("{}: unknown option {other:?}", dir.display()),
        }
    }
    options
}

/// What a fixture's result looks like for review.
fn expected_text(report: &koji_migrate::Report) -> String {
    let mut s = notes_text(report);
    for f in &report.files {
        match &f.original {
            Some(_) if f.changed => {
                s.push('\n');
                s.push_str(
                    &DiffModel::of_file(f, 3)
                        .unified(&format!("a/{}", f.output), &format!("b/{}", f.output)),
                );
            }
            None if f.kind != FileKind::Sql => {
                s.push_str(&format!("\n=== created {}\n{}", f.output, f.text))
            }
            _ => {}
        }
    }
    s
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for rule in rules::all() {
        let dir = fixtures().join(rule.id);
        if !dir.join("in").is_dir() {
            failures.push(format!(
                "{}: no fixture (tests/rules/{}/in/)",
                rule.id, rule.id
            ));
            continue;
        }
        let report = migrate(&inputs_in(&dir.join("in")), &options_of(&dir));
        let triggered = report.notes.iter().any(|n| n.rule == rule.id)
            || report.changes.iter().any(|c| c.rule == rule.id);
        if !triggered {
            failures.push(format!("{}: its fixture never triggers it", rule.id));
        }
        let actual = expected_text(&report);
        let path = dir.join("expected.txt");
        if update {
            std::fs::write(&path, &actual).expect("write expected.txt");
        }
        if std::fs::read_to_string(&path).unwrap_or_default() != actual {
            failures.push(format!(
                "{}: result differs from expected.txt:\n{actual}",
                rule.id
            ));
        }
    }
    // Every fixture folder belongs to a rule (a renamed rule leaves none behind).
    for entry in std::fs::read_dir(fixtures())
        .expect("tests/rules")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if rules::rule(&name).is_none() {
            failures.push(format!("tests/rules/{name}: no rule has this id"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
