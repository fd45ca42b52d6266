//! Helpers for the consumer and hardening tests (apache, python_differential, bad_input,
//! secrets): test-data discovery and running python3.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `../shared/koji-configs`: the stock configs of every release (read at test time only).
pub fn stock_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/koji-configs")
}

/// The names of the folders in `dir`, sorted; panics when the test data is missing.
pub fn folders_in(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("stock Koji configs missing at {}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// Files as the migration's inputs, named by their file names.
pub fn inputs_of(files: &[NamedBytes]) -> Vec<koji_migrate::Input> {
    files
        .iter()
        .map(|(n, b)| koji_migrate::Input::from_bytes(n.clone(), b))
        .collect()
}

/// The releases under the stock directory, sorted; panics when the test data is missing.
pub fn releases() -> Vec<String> {
    let dir = stock_dir();
    let out = folders_in(&dir);
    assert!(
        out.len() >= 5,
        "expected stock configs for 1.3.1 .. 1.7.0 in {}",
        dir.display()
    );
    out
}

/// (file name, bytes).
pub type NamedBytes = (String, Vec<u8>);

/// (name, bytes) of the files directly in `dir`, sorted by name.
pub fn files_in(dir: &Path) -> Vec<NamedBytes> {
    let mut out: Vec<NamedBytes> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

/// The input sets of tests/corpus (another engineer's corpus: `<case>/in/*`), if present.
pub fn corpus_cases() -> Vec<(String, Vec<NamedBytes>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&root) {
        for case in rd.flatten().filter(|e| e.path().is_dir()) {
            let files = files_in(&case.path().join("in"));
            if !files.is_empty() {
                out.push((case.file_name().to_string_lossy().into_owned(), files));
            }
        }
    }
    out.sort();
    out
}

/// Runs `python3 -c script` with `input` on stdin and returns stdout; panics with stderr when it
/// fails, and with a clear message when python3 is missing (scripts/setup installs it).
pub fn python(script: &str, input: &str) -> String {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("python3 is required for this test (run scripts/setup test): {e}")
        });
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
