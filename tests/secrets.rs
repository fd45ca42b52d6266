//! No secret value ever appears in a note, in the CLI's --json or text output, or in an error
//! message: only in the produced files themselves (web.conf must carry Secret, hub.conf DBPass).
//! Inputs carry Secret / DBPass / password values and URLs with user:password@, in both modes,
//! including broken inputs whose error notes talk about the lines holding them.

use koji_migrate::{migrate, Input, Options, Report, Target};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every secret planted in the inputs below.
const SECRETS: &[&str] = &[
    "s3cr3t-value",
    "hubdbpass-XYZ",
    "hubconf-pass-123",
    "url-pass-777",
    "pkg-pass-888",
    "client-pass-999",
    "clientpw-000",
    "files-pass-555",
    "broken-secret-444",
    "dup-secret-333",
    "pct%%pass-111",
    "pct%pass-111",
    "interp-pass-222",
    "slash/pass-666",
    "nosep-pass-121",
];

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        (
            "kojiweb.conf",
            "Alias /koji \"/usr/share/koji-web/scripts/\"\n\
             <Directory \"/usr/share/koji-web/scripts/\">\n\
             \x20   SetHandler mod_python\n\
             \x20   PythonHandler kojiweb.publisher\n\
             \x20   PythonOption SiteName Koji\n\
             \x20   PythonOption KojiHubURL http://webuser:url-pass-777@hub.example.com/kojihub\n\
             \x20   PythonOption KojiPackagesURL http://files:files-pass-555@server.example.com/mnt/koji/packages\n\
             \x20   PythonOption KojiImagesURL http://other.example.com/images\n\
             \x20   PythonOption Secret dup-secret-333\n\
             \x20   PythonOption Secret s3cr3t-value\n\
             \x20   PythonPath \"sys.path + ['/usr/share/koji-web/lib']\"\n\
             \x20   PythonCleanupHandler kojiweb.handlers::cleanup\n\
             </Directory>\n"
                .to_string(),
        ),
        (
            "kojihub.conf",
            "Alias /kojihub \"/usr/share/koji-hub/XMLRPC\"\n\
             <Directory /usr/share/koji-hub>\n\
             \x20   SetHandler mod_python\n\
             \x20   PythonHandler kojixmlrpc\n\
             \x20   PythonOption DBName koji\n\
             \x20   PythonOption DBUser koji\n\
             \x20   PythonOption DBPass hubdbpass-XYZ\n\
             \x20   PythonOption KojiDir /mnt/koji\n\
             </Directory>\n\
             <Location /broken-secret-444>\n"
                .to_string(),
        ),
        (
            "hub.conf",
            "[hub]\nDBName = koji\nDBPass = hubconf-pass-123\nDBPass = hubconf-pass-123\n\
             KojiDir = /mnt/koji\nbroken-secret-444\nDBPass = pct%%pass-111\n\
             DBPass = %(dbuser)s-interp-pass-222\nProxyPrincipals = a%%b\n\
             KojiWebURL = http://u:slash/pass-666@web.example.com/koji\nDBPass nosep-pass-121\n"
                .to_string(),
        ),
        (
            "kojid.conf",
            "[kojid]\nserver = http://hub.example.com/kojihub\n\
             pkgurl = http://kojid:pkg-pass-888@server.example.com/mnt/koji/packages\n\n\
             [kojid]\npkgurl = http://kojid:slash/pass-666@server.example.com/mnt/koji/packages\n"
                .to_string(),
        ),
        (
            "koji.conf",
            "[koji]\nserver = https://u:client-pass-999@hub.example.com/kojihub\n\
             pkgurl = https://u:client-pass-999@hub.example.com/mnt/koji/packages\n\
             user = u\npassword = clientpw-000\n\n\
             [koji-odd]\npkgurl = ftp://u:client-pass-999@hub.example.com/somewhere\n"
                .to_string(),
        ),
    ]
}

fn leaks(text: &str) -> Vec<&'static str> {
    SECRETS
        .iter()
        .copied()
        .filter(|s| text.contains(s))
        .collect()
}

fn report(target: Target) -> Report {
    let inputs: Vec<Input> = inputs()
        .into_iter()
        .map(|(n, t)| Input::new(n, t))
        .collect();
    migrate(
        &inputs,
        &Options {
            target,
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    )
}

#[test]
fn the_inputs_really_carry_the_secrets_into_the_produced_files() {
    // Otherwise the tests below prove nothing.
    for target in [Target::ModWsgi, Target::ModPython] {
        let r = report(target);
        let all: String = r.files.iter().map(|f| f.text.as_str()).collect();
        for s in [
            "s3cr3t-value",
            "url-pass-777",
            "slash/pass-666",
            "client-pass-999",
        ] {
            assert!(
                all.contains(s),
                "{target:?}: {s} is not in any produced file"
            );
        }
        assert!(r.notes.len() > 10, "{target:?}: too few notes to be a test");
    }
}

#[test]
fn no_note_contains_a_secret() {
    for target in [Target::ModWsgi, Target::ModPython] {
        let r = report(target);
        let bad: Vec<String> = r
            .notes
            .iter()
            .filter(|n| !leaks(&n.message).is_empty())
            .map(|n| format!("[{}] {}", n.rule, n.message))
            .collect();
        assert!(
            bad.is_empty(),
            "{target:?}: notes leak secrets:\n{}",
            bad.join("\n")
        );
    }
}

fn scratch(label: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "koji-migrate-secrets-{label}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn cli<S: AsRef<std::ffi::OsStr>>(args: &[S], files: &[PathBuf]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_koji-migrate"))
        .args(args)
        .args(files)
        .output()
        .expect("run koji-migrate");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write_inputs(dir: &Path) -> Vec<PathBuf> {
    inputs()
        .into_iter()
        .map(|(n, t)| {
            let p = dir.join(n);
            std::fs::write(&p, t).unwrap();
            p
        })
        .collect()
}

#[test]
fn no_cli_output_or_error_contains_a_secret() {
    let dir = scratch("cli");
    let files = write_inputs(&dir);
    let out = dir.join("out");
    let out = out.to_str().unwrap();
    for mode in [&[][..], &["--mod-python", "--to", "1.7"][..]] {
        let with = |extra: &[&'static str]| -> Vec<String> {
            mode.iter()
                .chain(extra.iter())
                .map(|s| s.to_string())
                .collect()
        };
        // --json: every note and file entry (the files' texts are not part of it).
        let (json, err) = cli(&with(&["--json"]), &files);
        assert!(json.contains("\"notes\""), "{json}");
        assert_eq!(leaks(&json), Vec::<&str>::new(), "--json {mode:?}: {json}");
        assert_eq!(leaks(&err), Vec::<&str>::new(), "stderr {mode:?}: {err}");
        // Text output with --out: only the notes, as diagnostics that show the lines they are
        // about (masked like the diffs). No secret in any message; in the shown lines, only the
        // broken `<Location /broken-secret-444>` and the stray `broken-secret-444` line, a path
        // and a word that are no setting's value, shown as they are like the diffs' context.
        let mut args = with(&["--out"]);
        args.push(out.to_string());
        let (text, err) = cli(&args, &files);
        assert!(text.contains("web.conf"), "{text}");
        assert!(
            text.contains("\n  --> ") || text.contains("\n --> "),
            "{text}"
        );
        assert!(
            text.lines()
                .any(|l| is_shown_line(l) && l.contains("Secret ********")),
            "nothing masked under a note: {text}"
        );
        assert!(
            text.lines()
                .any(|l| is_shown_line(l) && l.contains("DBPass ********")),
            "the broken DBPass line is not shown masked: {text}"
        );
        let (shown, notes): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| is_shown_line(l));
        assert_eq!(
            leaks(&notes.join("\n")),
            Vec::<&str>::new(),
            "text {mode:?}: {text}"
        );
        let shown = leaks(&shown.join("\n"));
        assert!(
            shown.iter().all(|l| *l == "broken-secret-444"),
            "shown lines {mode:?}: {shown:?}\n{text}"
        );
        assert_eq!(leaks(&err), Vec::<&str>::new(), "stderr {mode:?}: {err}");
        // --show-secrets shows the lines as they are.
        let mut args = with(&["--show-secrets", "--out"]);
        args.push(out.to_string());
        let (text, _) = cli(&args, &files);
        assert!(
            text.contains("Secret s3cr3t-value") && text.contains("DBPass nosep-pass-121"),
            "--show-secrets --out {mode:?}: {text}"
        );
        // The produced files do hold what they must.
        let web = std::fs::read_to_string(Path::new(out).join("web.conf")).unwrap();
        assert!(web.contains("Secret = s3cr3t-value"), "{web}");
        // Text output without --out: the notes and the diffs, whose secret values are masked
        // (it ends up in logs); --show-secrets shows them.
        let (text, _) = cli(&with(&["--check"]), &files);
        assert!(text.contains("error:"), "{text}");
        assert!(text.contains("\n--- "), "no diff printed: {text}");
        assert!(text.contains("********"), "nothing masked: {text}");
        // (The diffs show the files' own lines: the broken `<Location /broken-secret-444>` is a
        // path, not a setting's value, and is printed like any other context line.)
        let settings: Vec<&str> = leaks(&text)
            .into_iter()
            .filter(|l| *l != "broken-secret-444")
            .collect();
        assert_eq!(settings, Vec::<&str>::new(), "text {mode:?}: {text}");
        let (shown, _) = cli(&with(&["--check", "--show-secrets"]), &files);
        assert!(
            !leaks(&shown).is_empty(),
            "--show-secrets {mode:?} shows nothing: {shown}"
        );
    }
    // An I/O error names the file, not its content.
    let (_, err) = cli(&["--out", "/proc/koji-migrate-cannot-write"], &files);
    assert!(err.contains("koji-migrate:"), "{err}");
    assert_eq!(leaks(&err), Vec::<&str>::new(), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A line of a file shown under a diagnostic: `NN | text` (or `NN | / text`, `NN | | text` when a
/// note is about several lines).
fn is_shown_line(line: &str) -> bool {
    line.trim_start()
        .split_once(" |")
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn the_leak_check_can_fail() {
    assert_eq!(leaks("see http://u:url-pass-777@h/"), vec!["url-pass-777"]);
    assert!(leaks("Secret = <redacted>").is_empty());
}
