//! The fuzz targets' properties (tests/common/checks.rs, shared with fuzz/) as plain tests: over the
//! stock configs of every release, and over every crash input the fuzzer found (kept here so CI
//! checks them without building the fuzz crate). See FUZZING.md.

#[allow(dead_code)]
mod checks {
    include!("common/checks.rs");
}
use checks::*;
use koji_migrate::{Input, Options, Target};
use std::path::{Path, PathBuf};

fn shared_configs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/koji-configs")
}

/// (release, file name, text) of every stock config; fails loudly when they are missing.
fn stock() -> Vec<(String, String, String)> {
    let root = shared_configs();
    let mut out = Vec::new();
    let releases = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("stock configs missing at {}: {e}", root.display()));
    for r in releases.flatten().filter(|e| e.path().is_dir()) {
        for f in std::fs::read_dir(r.path()).unwrap().flatten() {
            let text = std::fs::read_to_string(f.path()).unwrap();
            out.push((
                r.file_name().to_string_lossy().into_owned(),
                f.file_name().to_string_lossy().into_owned(),
                text,
            ));
        }
    }
    assert!(out.len() >= 25, "expected the stock configs of 5 releases");
    out.sort();
    out
}

/// The stock configs as one site per release: each release's files as the inputs of one call.
fn stock_sites(all: &[(String, String, String)]) -> Vec<Vec<Input>> {
    let mut releases: Vec<&str> = all.iter().map(|(r, _, _)| r.as_str()).collect();
    releases.dedup();
    releases
        .into_iter()
        .map(|release| {
            all.iter()
                .filter(|(r, _, _)| r == release)
                .map(|(_, name, text)| Input::new(name.clone(), text.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn stock_configs_satisfy_every_fuzz_property() {
    for (_, _, text) in stock() {
        check_httpd_roundtrip(&text);
        check_ini_roundtrip(&text);
    }
    for inputs in stock_sites(&stock()) {
        for target in [Target::ModWsgi, Target::ModPython] {
            for keep_pkgurl in [false, true] {
                let options = Options {
                    target,
                    keep_pkgurl,
                    to: koji_migrate::Release::V1_7,
                    ..Options::default()
                };
                let report = check_migrate(&inputs, &options);
                for (i, input) in inputs.iter().enumerate() {
                    check_diff(&input.text, &report.files[i].text, 3);
                    check_diff(&input.text, &report.files[i].text, 0);
                }
            }
        }
    }
}

#[test]
fn the_checks_can_fail() {
    // A note pointing past the end of its input must be caught.
    assert!(std::panic::catch_unwind(check_note_bounds_on_bogus).is_err());
    // A print that is not the input must be caught (ini and httpd print their input, so feed the
    // diff check a model of different texts instead).
    assert!(std::panic::catch_unwind(|| {
        let model = koji_migrate::diff::DiffModel::new("a\nb\n", "a\nc\n", 1);
        assert!(model.is_empty(), "a real change has hunks");
    })
    .is_err());
}

fn check_note_bounds_on_bogus() {
    let inputs = [Input::new("kojiweb.conf", "PythonOption SiteName x\n")];
    let mut report = koji_migrate::migrate(
        &inputs,
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    if let Some(n) = report.notes.iter_mut().find(|n| n.input.is_some()) {
        n.lines = Some(koji_migrate::Lines { first: 5, last: 9 });
    }
    check_note_bounds(&report, &inputs);
}

/// Runs the fuzz target `target`'s property on `data`, as the fuzz target does.
fn replay(target: &str, data: &[u8]) {
    match target {
        "httpd_roundtrip" => check_httpd_roundtrip(&String::from_utf8_lossy(data)),
        "ini_roundtrip" => check_ini_roundtrip(&String::from_utf8_lossy(data)),
        "migrate" => {
            let (inputs, options) = fuzz_inputs(data);
            check_migrate(&inputs, &options);
        }
        "diff_model" => check_diff_bytes(data),
        other => panic!("unknown fuzz target {other}"),
    }
}

// Crash inputs found by `cargo fuzz`, one test each (see FUZZING.md).

/// Runs every file under tests/fuzz-regressions/<target>/ through its target's property.
#[test]
fn every_saved_crash_input_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for t in std::fs::read_dir(&root).unwrap().flatten() {
        let target = t.file_name().to_string_lossy().into_owned();
        for f in std::fs::read_dir(t.path()).unwrap().flatten() {
            let data = std::fs::read(f.path()).unwrap();
            let r = std::panic::catch_unwind(|| replay(&target, &data));
            assert!(
                r.is_ok(),
                "{target}/{} fails",
                f.file_name().to_string_lossy()
            );
            n += 1;
        }
    }
    assert!(
        n > 0,
        "no saved crash inputs found under {}",
        root.display()
    );
}

/// A directive name starting with a multi-byte character within its first 6 bytes
/// (`S\u{fffd}…` after lossy decoding) inside `<Directory …koji-hub>` sliced a str inside a
/// char: panic in `hub_httpd::python_directives`.
#[test]
fn python_prefix_test_respects_char_boundaries() {
    replay("migrate", b"\x02<Directory koji-hub>\nS\xff\xff");
    // The same with a valid multi-byte name, both modes.
    for flags in [0u8, 1] {
        let mut data = vec![flags];
        data.extend_from_slice(
            "<Directory /usr/share/koji-hub>\nPyth\u{e9}nOption x y\n</Directory>\n".as_bytes(),
        );
        replay("migrate", &data);
    }
}

/// `KOJI_FUZZ_REPLAY=<target>:<file> cargo test --test regressions replay_one -- --ignored` runs one
/// fuzz input through its property without the fuzz toolchain (see FUZZING.md).
#[test]
#[ignore]
fn replay_one() {
    let spec = std::env::var("KOJI_FUZZ_REPLAY").expect("set KOJI_FUZZ_REPLAY=<target>:<file>");
    let (target, file) = spec.split_once(':').expect("<target>:<file>");
    replay(target, &std::fs::read(file).expect("readable file"));
}

/// Under mod_python, a `PythonHandler` that is not koji-web's (here in a section nested in
/// koji-web's directory) was rewritten to `wsgi_publisher`; migrating the result again then took
/// that section for koji-web's and pointed its Alias at wsgi_publisher.py: not idempotent, and an
/// admin's own handler lost. Now it is left alone, with a warning.
#[test]
fn foreign_python_handler_is_left_alone_and_migration_is_idempotent() {
    // The minimized fuzz input (byte 0 = 3: mod_python, keep pkgurl).
    replay(
        "migrate",
        b"\x03<Directory koji-web/scriptsd\nAlias i /usr/static/\n<Directory \"/usr/static\nPythonHandler \xb6\n",
    );
    // The well-formed shape of the same thing.
    let text = "Alias /koji \"/usr/share/koji-web/scripts/\"\n\
                <Directory \"/usr/share/koji-web/scripts/\">\n\
                \x20   SetHandler mod_python\n\
                \x20   PythonHandler kojiweb.publisher\n\
                \x20   <Files report>\n\
                \x20       PythonHandler site_reports\n\
                \x20   </Files>\n\
                </Directory>\n";
    let options = Options {
        target: Target::ModPython,
        to: koji_migrate::Release::V1_7,
        ..Options::default()
    };
    let report = check_migrate(&[Input::new("kojiweb.conf", text)], &options);
    let out = &report.files[0].text;
    assert!(out.contains("PythonHandler site_reports"), "{out}");
    assert!(out.contains("    PythonHandler wsgi_publisher"), "{out}");
    assert!(report
        .notes
        .iter()
        .any(|n| n.message.contains("site_reports") && n.lines.map(|l| l.first) == Some(6)));
}

/// When the input's last line has no newline and a migration removes it, the line before became
/// the last one and lost its newline; an empty one vanished with its origin (one origin too many,
/// and a second migration changed the file again).
#[test]
fn removing_the_unterminated_last_line_keeps_the_empty_line_before_it() {
    let text = "<Directory \"/usr/share/koji-web/scripts/\">\n\
                SetHandler mod_python\n\
                PythonOption SiteName Koji\n\
                \n\
                PythonCleanupHandler kojiweb.handlers::cleanup";
    for target in [Target::ModWsgi, Target::ModPython] {
        let options = Options {
            target,
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        };
        check_migrate(&[Input::new("kojiweb.conf", text)], &options);
    }
}

/// A section that names koji-hub by its path and koji-web by its handler (found by the
/// idempotence property in CI) counted as both applications': both swapped its handler (one
/// change was dropped as a conflict), and once the handler was gone, the next run took the section
/// for the hub's alone and migrated again. Now such a section is nobody's: it is left as it was,
/// with an action note on its first line, and the rest of the file converts.
#[test]
fn a_section_naming_both_applications_is_left_alone() {
    let contested = [
        // The two inputs proptest minimised, the second with the sections nested.
        "<Directory /usr/share/koji-hub>\n</Location>\n</Location>\n<Directory \"/usr/share/koji-web/scripts/\">\n</Directory>\nPythonHandler kojiweb.publisher\n</Directory>",
        "<Directory \"/usr/share/koji-web/scripts/\">\n<Directory /usr/share/koji-hub>\nPythonHandler kojiweb.publisher\n</Directory>\n</Directory>",
    ];
    for text in contested {
        for to in [koji_migrate::Release::V1_7, koji_migrate::Release::NEWEST] {
            let options = Options {
                to,
                ..Options::default()
            };
            check_migrate(&[Input::new("kojiweb.conf", text)], &options);
        }
    }
    let text = "<Directory /usr/share/koji-hub>\n\
                \x20   SetHandler mod_python\n\
                \x20   PythonHandler kojiweb.publisher\n\
                \x20   PythonOption SiteName Koji\n\
                </Directory>\n\
                <Directory \"/usr/share/koji-web/scripts/\">\n\
                \x20   SetHandler mod_python\n\
                \x20   PythonHandler kojiweb.publisher\n\
                </Directory>\n";
    let report = check_migrate(&[Input::new("kojiweb.conf", text)], &Options::default());
    let out = &report.files[0].text;
    assert!(
        out.starts_with(&text[..text.find("<Directory \"").unwrap_or(0)]),
        "the contested section changed:\n{out}"
    );
    assert!(
        !out[out.find("<Directory \"").unwrap_or(0)..].contains("mod_python"),
        "{out}"
    );
    let note = report
        .notes
        .iter()
        .find(|n| n.rule == "input-problem" && n.severity == koji_migrate::Severity::Action);
    assert_eq!(
        note.and_then(|n| n.lines).map(|l| l.first),
        Some(1),
        "{:#?}",
        report.notes
    );
}

#[test]
fn notes_are_read_by_severity_then_input_then_line_then_position() {
    let mut seen = 0;
    for inputs in stock_sites(&stock()) {
        let report = koji_migrate::migrate(&inputs, &Options::default());
        let mut want: Vec<&koji_migrate::Note> = report.notes.iter().collect();
        want.sort_by_key(|n| {
            (
                std::cmp::Reverse(n.severity),
                n.input.map(|f| f.index()),
                n.lines.map(|l| l.first),
            )
        });
        let got = report.notes_by_severity();
        assert!(got.iter().zip(&want).all(|(a, b)| std::ptr::eq(*a, *b)));
        assert_eq!(got.len(), want.len());
        seen += got.len();
    }
    assert!(seen > 20, "{seen} notes");
}
