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
            "README.txt",
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

fn stderr_of(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
        .args(args)
        .output()
        .expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn usage_errors_say_what_is_wrong() {
    // A misspelt option gets the nearest one.
    let (code, err) = stderr_of(&["--jsn", "x"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("a similar argument exists") && err.contains("--json"),
        "{err}"
    );
    // Unknown releases and rules name what is known.
    let (code, err) = stderr_of(&["--to", "1.99", "x"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("unknown release '1.99'"), "{err}");
    for flag in ["--skip", "--only"] {
        let (code, err) = stderr_of(&[flag, "no-such-rule", "x"]);
        assert_eq!(code, Some(2), "{flag}");
        assert!(err.contains("(see --list-rules)"), "{flag}: {err}");
    }
    let (code, err) = stderr_of(&["--explain", "no-such-rule"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("(see --list-rules)"), "{err}");
    // Options that cannot go together are refused before any file is read.
    let (code, err) = stderr_of(&["--mod-python", "/nonexistent/x"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no mod_python support"), "{err}");
    let (code, err) = stderr_of(&["--from", "1.21", "--to", "1.21", "/nonexistent/x"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--to must name a later release"), "{err}");
    // No file.
    let (code, err) = stderr_of(&["--json"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("FILE"), "{err}");
}

#[test]
fn help_and_version_exit_zero() {
    for flag in ["-h", "--help"] {
        let out = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
            .arg(flag)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let text = String::from_utf8_lossy(&out.stdout);
        for option in [
            "--mod-python",
            "--out <DIR>",
            "--json",
            "--check",
            "--from <RELEASE>",
            "--to <RELEASE>",
            "--keep-pkgurl",
            "--show-secrets",
            "--skip <RULE>",
            "--only <RULE>",
            "--list-rules",
            "--explain <RULE>",
        ] {
            assert!(text.contains(option), "{flag} lacks {option}: {text}");
        }
    }
    for flag in ["-V", "--version"] {
        let out = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
            .arg(flag)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("koji-migrate {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn out_takes_its_directory_either_way_and_double_dash_ends_options() {
    let input = stock_dir().join("1.6.0/kojid.conf");
    let dir = temp_dir("out-equals");
    let status = bin()
        .arg(format!("--out={}", dir.display()))
        .arg("--")
        .arg(&input)
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(0));
    let kojid = std::fs::read_to_string(dir.join("kojid.conf")).expect("kojid.conf");
    assert!(kojid.contains("topurl=http://hub.example.com\n"), "{kojid}");
    let _ = std::fs::remove_dir_all(&dir);
    // After --, a name that looks like an option is a file.
    let out = bin().args(["--", "--json"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--json: "));
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
    // The notes come before the first diff.
    let first_diff = text.find("\n--- ").expect("a diff");
    assert!(
        text[..first_diff].contains("[kojid-pkgurl-topurl]"),
        "{text}"
    );
}

/// Notes read like a compiler's diagnostics: the message, the file and line, the line itself
/// with a marker, then the rule and its guide. Notes without a line stay one line. No colour
/// when the output is not a terminal.
#[test]
fn notes_are_diagnostics_with_the_line_they_are_about() {
    let input = stock_dir().join("1.6.0/kojid.conf");
    for args in [&[][..], &["--out"][..]] {
        let dir = temp_dir("diagnostics");
        let mut cmd = bin();
        cmd.args(args);
        if !args.is_empty() {
            cmd.arg(&dir);
        }
        let out = cmd.arg(&input).output().expect("run");
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        let expected = format!(
            "info: [kojid] topurl = http://hub.example.com replaces pkgurl: pkgurl pointed at its \
             packages directory (http://hub.example.com/packages).\n\
             \x20 --> {}:39:1\n\
             \x20  |\n\
             39 | pkgurl=http://hub.example.com/packages\n\
             \x20  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\
             \x20  |\n\
             \x20  = note: [kojid-pkgurl-topurl] Changes to url options: \
             https://docs.pagure.org/koji/migrating_to_1.7/#changes-to-url-options\n",
            input.display()
        );
        assert!(text.contains(&expected), "{args:?}: {text}");
        assert!(
            text.contains(&format!(
                "\ninfo: {}: Read as a kojid.conf (an ini file with a [kojid] section). [input-kind]\n",
                input.display()
            )),
            "{args:?}: {text}"
        );
        assert!(!text.contains('\x1b'), "{args:?}: colour in a pipe: {text}");
        // --out prints the notes only.
        assert_eq!(text.contains("\n--- "), args.is_empty(), "{args:?}: {text}");
        let _ = std::fs::remove_dir_all(&dir);
    }
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

#[test]
fn the_checklist_follows_the_notes_and_out_writes_it_as_readme() {
    let stock = stock_dir().join("1.6.0");
    let files: Vec<std::path::PathBuf> = ["kojihub.conf", "kojiweb.conf", "kojid.conf"]
        .iter()
        .map(|f| stock.join(f))
        .collect();
    // The newest target (no --to 1.7 here: bin() pins it).
    let text = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
        .args(&files)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&text.stdout);
    let steps = text
        .find("Then, by hand:")
        .expect("the checklist is printed");
    assert!(
        steps < text.find("\n--- ").expect("diffs follow"),
        "the checklist comes before the diffs"
    );
    assert!(text.contains("schema-upgrade-1.34-1.35.sql"), "{text}");
    let dir = temp_dir("readme");
    let out = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
        .arg("--out")
        .arg(&dir)
        .args(&files)
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Then, by hand (also in README.txt):"));
    let readme = std::fs::read_to_string(dir.join("README.txt")).expect("README.txt written");
    assert!(
        readme.starts_with("Koji 1.35 migration, prepared by koji-migrate"),
        "{readme}"
    );
    assert!(
        readme.contains("Manual steps") && readme.contains("Install mod_wsgi"),
        "{readme}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
