//! Bad inputs get clear results and lose nothing: empty, binary, invalid UTF-8, huge, deeply
//! nested, broken sections, very long lines, duplicates. Each test stays fast in a debug build.

use koji_migrate::{migrate, FileId, FileKind, Input, Options, Report, Severity, Target};
use std::path::PathBuf;
use std::process::Command;

fn run(inputs: &[Input]) -> Report {
    migrate(
        inputs,
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    )
}

fn notes_about(report: &Report, input: usize) -> Vec<&koji_migrate::Note> {
    report
        .notes
        .iter()
        .filter(|n| n.input == Some(FileId::new(input)))
        .collect()
}

fn web_conf(report: &Report) -> &str {
    &report
        .files
        .iter()
        .find(|f| f.kind == FileKind::WebConf && f.input.is_none())
        .expect("a web.conf was produced")
        .text
}

fn scratch(label: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("koji-migrate-bad-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const OLD_WEB: &str = "\
Alias /koji \"/usr/share/koji-web/scripts/\"
<Directory \"/usr/share/koji-web/scripts/\">
    SetHandler mod_python
    PythonHandler kojiweb.publisher
    PythonOption SiteName Koji
    PythonOption KojiHubURL http://hub.example.com/kojihub
    PythonOption LoginTimeout 72
</Directory>
";

#[test]
fn empty_input_is_left_empty_with_a_note() {
    for name in ["kojiweb.conf", "hub.conf", "pasted"] {
        let report = run(&[Input::from_bytes(name, b"")]);
        let f = &report.files[0];
        assert_eq!(f.text, "", "{name}");
        assert!(!f.changed, "{name}");
        assert!(f.origins.is_empty());
        assert!(
            !notes_about(&report, 0).is_empty(),
            "{name}: says what it made of it"
        );
    }
}

#[test]
fn binary_with_nul_bytes_is_flagged_and_left_unchanged() {
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\nPythonOption Secret x\n".to_vec();
    bytes.extend((0u8..=255).cycle().take(4096));
    let input = Input::from_bytes("kojiweb.conf", &bytes);
    assert_eq!(input.nul_line, Some(1));
    let report = run(std::slice::from_ref(&input));
    let f = &report.files[0];
    assert_eq!(f.text, input.text, "left as it was");
    assert!(!f.changed);
    assert_eq!(f.kind, FileKind::Unknown, "not read as a web config");
    let err = notes_about(&report, 0)
        .into_iter()
        .find(|n| n.severity == Severity::Error)
        .expect("an error note");
    assert_eq!(err.lines.map(|l| l.first), Some(1));
    assert!(err.message.contains("NUL"), "{}", err.message);
    assert!(
        !report.files.iter().any(|f| f.kind == FileKind::WebConf),
        "nothing was taken out of a binary file"
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning_on_its_line() {
    // A Latin-1 SiteName on line 5; everything else must still convert.
    let bytes = OLD_WEB
        .replace("SiteName Koji", "SiteName Caf\u{0}")
        .into_bytes();
    let pos = bytes.iter().position(|&b| b == 0).unwrap();
    let mut bytes = bytes;
    bytes[pos] = 0xE9;
    let input = Input::from_bytes("kojiweb.conf", &bytes);
    assert_eq!(input.invalid_utf8_line, Some(5));
    let report = run(&[input]);
    let warn = notes_about(&report, 0)
        .into_iter()
        .find(|n| n.severity == Severity::Warning && n.message.contains("UTF-8"))
        .expect("a UTF-8 warning");
    assert_eq!(warn.lines.map(|l| l.first), Some(5));
    let web = web_conf(&report);
    assert!(web.contains("SiteName = Caf\u{fffd}"), "{web}");
    assert!(
        web.contains("KojiHubURL = http://hub.example.com/kojihub"),
        "{web}"
    );
    assert!(web.contains("LoginTimeout = 72"), "{web}");
    assert!(!report.files[0].text.contains("PythonHandler"));
}

#[test]
fn fifty_megabytes_through_the_cli() {
    // A stock-shaped kojiweb.conf followed by 50 MB of comments and harmless directives.
    let dir = scratch("50mb");
    let path = dir.join("kojiweb.conf");
    let mut text = String::with_capacity(51 << 20);
    text.push_str(OLD_WEB);
    let filler = format!(
        "# {}\nAlias /static-xxxx \"/var/www/static/xxxx/\"\n",
        "a long comment an admin kept for years. ".repeat(25)
    );
    while text.len() < 50 << 20 {
        text.push_str(&filler);
    }
    std::fs::write(&path, &text).unwrap();
    let out = dir.join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
        .arg("--out")
        .arg(&out)
        .arg(&path)
        .output()
        .expect("run koji-migrate");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let converted = std::fs::read_to_string(out.join("kojiweb.conf")).unwrap();
    // Nothing lost: every filler line is still there, and the options moved to web.conf.
    let lines_in = text
        .lines()
        .filter(|l| l.starts_with("Alias /static"))
        .count();
    let lines_out = converted
        .lines()
        .filter(|l| l.starts_with("Alias /static"))
        .count();
    assert_eq!(lines_in, lines_out);
    assert!(converted.len() > text.len() - OLD_WEB.len());
    let web = std::fs::read_to_string(out.join("web.conf")).unwrap();
    assert!(web.contains("SiteName = Koji"), "{web}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_hundred_thousand_nested_sections_do_not_overflow_the_stack() {
    // (Wrappers the migration leaves alone: `<IfModule mod_python.c>` ones are all rewritten,
    // and a diff of 200,000 changed lines is slow for other reasons; see FUZZING.md.)
    let depth = 100_000;
    let mut text = String::with_capacity(depth * 40);
    for _ in 0..depth {
        text.push_str("<IfModule mod_alias.c>\n");
    }
    text.push_str(OLD_WEB);
    for _ in 0..depth {
        text.push_str("</IfModule>\n");
    }
    // In a thread with a small stack: recursion proportional to depth would overflow it.
    let t = text.clone();
    let report = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let r = migrate(
                &[Input::new("kojiweb.conf", t)],
                &Options {
                    to: koji_migrate::Release::V1_7,
                    ..Options::default()
                },
            );
            let m = koji_migrate::diff::DiffModel::new(
                r.files[0].original.as_deref().unwrap(),
                &r.files[0].text,
                3,
            );
            (r, m.hunks.len())
        })
        .unwrap()
        .join()
        .expect("no stack overflow or panic");
    let (report, _) = report;
    assert!(!report
        .notes
        .iter()
        .any(|n| n.severity == Severity::Error && n.input == Some(FileId::new(0))));
    // The sections are all still there.
    let out = &report.files[0].text;
    assert_eq!(out.matches("<IfModule").count(), depth);
    assert_eq!(out.matches("</IfModule>").count(), depth);

    // And as many nested-looking ini sections.
    let ini: String = (0..depth).map(|i| format!("[s{i}]\nk = {i}\n")).collect();
    let d = koji_migrate::ini::IniDocument::parse(ini.as_str());
    assert_eq!(d.section_names().len(), depth);
}

#[test]
fn unclosed_and_mismatched_sections_are_errors_on_their_lines_and_the_rest_converts() {
    // Line 1: a stray close; line 11: a section never closed.
    let text = format!("</Location>\n{OLD_WEB}<Location /koji/login>\n  SSLVerifyClient require\n");
    let report = run(&[Input::new("kojiweb.conf", text.clone())]);
    let errors: Vec<_> = notes_about(&report, 0)
        .into_iter()
        .filter(|n| n.severity == Severity::Error)
        .map(|n| (n.lines.map(|l| l.first), n.message.clone()))
        .collect();
    assert!(
        errors
            .iter()
            .any(|(l, m)| *l == Some(1) && m.contains("</Location>")),
        "{errors:?}"
    );
    let open_line = text
        .lines()
        .position(|l| l.starts_with("<Location"))
        .unwrap()
        + 1;
    assert!(
        errors
            .iter()
            .any(|(l, m)| *l == Some(open_line) && m.contains("never closed")),
        "{errors:?}"
    );
    // The well-formed part still converts.
    let web = web_conf(&report);
    assert!(
        web.contains("KojiHubURL = http://hub.example.com/kojihub"),
        "{web}"
    );
    assert!(report.files[0].text.contains("SetHandler wsgi-script"));
    // The broken lines are kept as they were.
    assert!(report.files[0].text.starts_with("</Location>\n"));
    assert!(report.files[0]
        .text
        .ends_with("<Location /koji/login>\n  SSLVerifyClient require\n"));

    // A mismatched close: </Directory> where </Location> is open.
    let text = "<Location /x>\n</Directory>\n</Location>\n";
    let report = run(&[Input::new("koji-httpd.conf", text)]);
    assert!(report.notes.iter().any(|n| n.severity == Severity::Error
        && n.lines.map(|l| l.first) == Some(2)
        && n.message.contains("</Directory>")));
    assert_eq!(report.files[0].text, text);

    // ini: an unclosed [section header on line 3, the kojid section still converts.
    let ini = "[kojid]\npkgurl = http://h/packages\n[broken\nx = 1\n";
    let report = run(&[Input::new("kojid.conf", ini)]);
    assert!(report
        .notes
        .iter()
        .any(|n| n.severity == Severity::Error && n.lines.map(|l| l.first) == Some(3)));
    assert!(
        report.files[0].text.contains("topurl = http://h\n"),
        "{}",
        report.files[0].text
    );
    assert!(report.files[0].text.contains("[broken\nx = 1\n"));
}

#[test]
fn a_one_megabyte_line_survives_intact() {
    let long: String = "x".repeat(1 << 20);
    let text = OLD_WEB.replace("SiteName Koji", &format!("SiteName {long}"));
    let comment = format!("# {long}\n");
    let report = run(&[Input::new("kojiweb.conf", format!("{comment}{text}"))]);
    assert!(web_conf(&report).contains(&format!("SiteName = {long}\n")));
    assert!(report.files[0].text.starts_with(&comment));
    let ini = format!("[kojid]\nserver = {long}\npkgurl = http://h/packages\n");
    let report = run(&[Input::new("kojid.conf", ini)]);
    assert!(report.files[0].text.contains(&format!("server = {long}\n")));
}

#[test]
fn duplicate_sections_and_keys_are_reported_and_python_semantics_kept() {
    let ini = "[kojid]\npkgurl = http://a/packages\n\n[kojid]\npkgurl = http://b/packages\n";
    for target in [Target::ModWsgi, Target::ModPython] {
        let report = migrate(
            &[Input::new("kojid.conf", ini)],
            &Options {
                target,
                to: koji_migrate::Release::V1_7,
                ..Options::default()
            },
        );
        let warnings: Vec<_> = notes_about(&report, 0)
            .into_iter()
            .filter(|n| n.severity == Severity::Warning)
            .map(|n| n.lines.map(|l| l.first))
            .collect();
        assert!(
            warnings.contains(&Some(4)),
            "repeated [kojid] on line 4: {warnings:?}"
        );
        assert!(
            warnings.contains(&Some(5)),
            "repeated pkgurl on line 5: {warnings:?}"
        );
        // Python keeps the later value: the topurl must come from it.
        let out = koji_migrate::ini::IniDocument::parse(report.files[0].text.as_str());
        assert_eq!(
            out.get("kojid", "topurl"),
            Some("http://b"),
            "{}",
            out.text()
        );
        assert_eq!(out.get("kojid", "pkgurl"), None);
    }
}

#[test]
fn duplicate_python_options_go_to_web_conf_once_with_the_value_mod_python_used() {
    let text = "PythonOption SiteName Server\n\
                <Directory \"/usr/share/koji-web/scripts/\">\n\
                \x20   SetHandler mod_python\n\
                \x20   PythonHandler kojiweb.publisher\n\
                \x20   PythonOption SiteName Dir\n\
                \x20   PythonOption LoginTimeout 1\n\
                \x20   PythonOption LoginTimeout 2\n\
                </Directory>\n\
                PythonOption SiteName ServerAgain\n";
    for target in [Target::ModWsgi, Target::ModPython] {
        let report = migrate(
            &[Input::new("kojiweb.conf", text)],
            &Options {
                target,
                to: koji_migrate::Release::V1_7,
                ..Options::default()
            },
        );
        let web = koji_migrate::ini::IniDocument::parse(web_conf(&report));
        assert_eq!(web.find("web", "sitename").count(), 1, "{}", web.text());
        assert_eq!(web.get("web", "sitename"), Some("Dir"), "{}", web.text());
        assert_eq!(web.get("web", "logintimeout"), Some("2"), "{}", web.text());
        assert!(web.duplicate_options().is_empty(), "{}", web.text());
        // Every old PythonOption line left the httpd config.
        assert!(!report.files[0].text.contains("PythonOption SiteName"));
        assert!(report.notes.iter().any(
            |n| n.message.contains("set more than once") && n.lines.map(|l| l.first) == Some(1)
        ));
    }
}
