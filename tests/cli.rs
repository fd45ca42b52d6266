//! The CLI contract other tools depend on: arguments, outputs, exit statuses.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};
use support::stock_dir;

/// The CLI with `--to 1.7`: these tests hold the contract of the 1.7 migration (the default
/// target, the newest release, has its own tests).
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_koji-migrate"));
    c.args(["--to", "1.7"]);
    c
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("koji-migrate-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn out_writes_every_input_and_every_new_file() {
    let dir = temp_dir("out");
    let inputs: Vec<_> = ["kojiweb.conf", "hub.conf", "kojid.conf"]
        .iter()
        .map(|f| stock_dir().join("1.6.0").join(f))
        .collect();
    let status = bin()
        .arg("--out")
        .arg(&dir)
        .args(&inputs)
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(0));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("out dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "hub.conf",
            "koji-1.7-schema-upgrade.sql",
            "kojid.conf",
            "kojiweb.conf",
            "web.conf"
        ]
    );
    // The unchanged input is written byte for byte.
    assert_eq!(
        std::fs::read(dir.join("hub.conf")).expect("hub.conf"),
        std::fs::read(&inputs[1]).expect("input")
    );
    let web = std::fs::read_to_string(dir.join("web.conf")).expect("web.conf");
    assert!(
        web.contains("[web]\n")
            && web.contains("KojiFilesURL = http://server.example.com/mnt/koji\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_follows_the_contract() {
    let out = bin()
        .arg("--json")
        .arg(stock_dir().join("1.6.0/kojiweb.conf"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let files = v["files"].as_array().expect("files");
    assert_eq!(files[0]["kind"], "web-httpd");
    assert_eq!(files[0]["changed"], true);
    assert_eq!(files[0]["output"], "kojiweb.conf");
    let web = files
        .iter()
        .find(|f| f["output"] == "web.conf")
        .expect("web.conf");
    assert!(web["input"].is_null());
    assert_eq!(web["kind"], "web-conf");
    let notes = v["notes"].as_array().expect("notes");
    let secret = notes
        .iter()
        .find(|n| n["rule"] == "web-secret" && n["severity"] == "action")
        .expect("Secret note");
    assert!(secret["file"]
        .as_str()
        .is_some_and(|f| f.ends_with("kojiweb.conf")));
    assert_eq!(secret["line"], 25);
    assert_eq!(secret["guide"], "Web Configuration");
    for n in notes {
        assert!(["info", "warning", "action", "error"]
            .contains(&n["severity"].as_str().expect("severity")));
        assert!(n["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn check_exits_one_only_when_something_needs_migrating() {
    let old = bin()
        .arg("--check")
        .arg(stock_dir().join("1.6.0/kojid.conf"))
        .output()
        .expect("run");
    assert_eq!(old.status.code(), Some(1));
    let new: Vec<_> = std::fs::read_dir(stock_dir().join("1.7.0"))
        .expect("1.7.0")
        .map(|e| e.expect("entry").path())
        .collect();
    let done = bin().arg("--check").args(&new).output().expect("run");
    assert_eq!(
        done.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&done.stdout)
    );
}

#[test]
fn stdin_is_a_file_named_dash() {
    let mut child = bin()
        .args(["--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"[kojid]\npkgurl=http://h/packages\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["files"][0]["input"], "-");
    assert_eq!(v["files"][0]["kind"], "kojid-conf");
    assert_eq!(v["files"][0]["output"], "kojid.conf");
}

#[test]
fn usage_and_io_errors_exit_two() {
    assert_eq!(bin().output().expect("run").status.code(), Some(2));
    assert_eq!(
        bin()
            .arg("--frobnicate")
            .arg("x")
            .output()
            .expect("run")
            .status
            .code(),
        Some(2)
    );
    let missing = bin().arg("/nonexistent/kojid.conf").output().expect("run");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/kojid.conf"));
    assert_eq!(
        bin()
            .args(["--from", "1.99", "x"])
            .output()
            .expect("run")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn text_output_has_notes_then_unified_diffs() {
    let out = bin()
        .arg(stock_dir().join("1.6.0/kojid.conf"))
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("info: ") && text.contains("[kojid-pkgurl-topurl]"));
    assert!(
        text.contains(
            "\n-pkgurl=http://hub.example.com/packages\n+topurl=http://hub.example.com\n"
        ),
        "{text}"
    );
}

/// `--json` is byte for byte what other tools read: `tests/cli_json/<name>.json` was written by the
/// CLI before its output moved to clap and diagnostics, and every field must stay as it was. A
/// change of the migration itself (a rule's message, a new note) is accepted with
/// `UPDATE_GOLDEN=1 cargo test --test cli`, and reviewed in the diff of those files.
#[test]
fn json_is_byte_for_byte_the_contract() {
    let cases: [(&str, &str, &[&str]); 4] = [
        ("combined-httpd", "combined-httpd", &[]),
        ("combined-httpd", "combined-httpd.to-1.7", &["--to", "1.7"]),
        ("python2-inline-comment", "python2-inline-comment", &[]),
        (
            "python2-inline-comment",
            "python2-inline-comment.mod-python",
            &["--to", "1.7", "--mod-python", "--keep-pkgurl"],
        ),
    ];
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let expected_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli_json");
    let mut failures = Vec::new();
    for (case, name, args) in cases {
        let dir = support::corpus_dir().join(case).join("in");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("corpus case")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let out = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
            .current_dir(&dir)
            .arg("--json")
            .args(args)
            .args(&files)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{name}");
        let path = expected_dir.join(format!("{name}.json"));
        if update {
            std::fs::write(&path, &out.stdout).expect("write expected JSON");
            continue;
        }
        let expected = std::fs::read(&path).expect("expected JSON");
        if out.stdout != expected {
            failures.push(format!(
                "{name}: --json differs from {}\n got: {}",
                path.display(),
                String::from_utf8_lossy(&out.stdout)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
