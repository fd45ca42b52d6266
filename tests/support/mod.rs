//! Helpers shared by the integration tests: loading inputs, rendering a report as text.
#![allow(dead_code)]

use koji_migrate::{migrate, FileId, Input, Lines, Options, Report, Target};
use std::path::{Path, PathBuf};

/// `../shared/koji-configs`, the stock Koji files (test data, never copied into the repo).
pub fn stock_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/koji-configs")
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Every file of a directory, sorted by name, as inputs named by their file name.
pub fn inputs_in(dir: &Path) -> Vec<Input> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("read input");
            Input::from_bytes(p.file_name().expect("file name").to_string_lossy(), &bytes)
        })
        .collect()
}

pub fn options(target: Target) -> Options {
    Options {
        target,
        to: koji_migrate::Release::V1_7,
        ..Options::default()
    }
}

pub fn mode_name(target: Target) -> &'static str {
    match target {
        Target::ModWsgi => "mod-wsgi",
        Target::ModPython => "mod-python",
    }
}

/// The notes as reviewable text, one per line, in report order.
pub fn notes_text(report: &Report) -> String {
    let mut s = String::new();
    for n in &report.notes {
        let place = |file: Option<FileId>, lines: Option<Lines>| match (file, lines) {
            (Some(f), Some(l)) => format!("{}:{l}", report.files[f].output),
            (Some(f), None) => report.files[f].output.clone(),
            _ => "-".to_string(),
        };
        s.push_str(&format!(
            "{} [{}] {} -> {}: {}\n",
            n.severity.as_str(),
            n.rule,
            place(n.input, n.lines),
            place(n.output, n.output_lines),
            n.message
        ));
    }
    s
}

/// Migrates the report's outputs again (every file but the SQL) and returns the second report.
pub fn remigrate(report: &Report, options: &Options) -> Report {
    let again: Vec<Input> = report
        .files
        .iter()
        .filter(|f| f.kind != koji_migrate::FileKind::Sql)
        .map(|f| Input::new(f.output.clone(), f.text.clone()))
        .collect();
    migrate(&again, options)
}

/// Asserts that migrating `report`'s outputs changes nothing and creates no config file.
pub fn assert_idempotent(report: &Report, options: &Options, context: &str) {
    let second = remigrate(report, options);
    for f in &second.files {
        match &f.input {
            Some(name) => assert!(
                !f.changed,
                "{context}: migrating {name} a second time changed it:\n{}",
                f.text
            ),
            None => assert_eq!(
                f.kind,
                koji_migrate::FileKind::Sql,
                "{context}: second run created {}",
                f.output
            ),
        }
    }
}

/// How many cases a property test draws: `default`, or `PROPTEST_CASES` when set, so that
/// `scripts/explore` can draw many more than a test run does (a literal `cases` in a
/// `ProptestConfig` would ignore the variable).
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
