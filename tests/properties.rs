//! Properties over generated inputs: lossless printing, idempotent migration, no panics.

mod support;
#[allow(dead_code)]
mod checks {
    include!("common/checks.rs");
}

use koji_migrate::diff::DiffModel;
use koji_migrate::httpd::HttpdConfig;
use koji_migrate::ini::IniDocument;
use koji_migrate::text::{apply, LineTable};
use koji_migrate::{migrate, FileKind, Input, Options, Target};
use proptest::prelude::*;
use support::assert_idempotent;

/// Lines an admin's httpd config is made of, koji-relevant and not.
const HTTPD_LINES: &[&str] = &[
    "Alias /koji \"/usr/share/koji-web/scripts/\"",
    "Alias /kojihub /usr/share/koji-hub/XMLRPC",
    "Alias /koji-static/ \"/usr/share/koji-web/static/\"",
    "Alias /koji-static/koji.css /srv/theme/koji.css",
    "Alias /kojifiles \"/mnt/koji/\"",
    "<Directory \"/usr/share/koji-web/scripts/\">",
    "<Directory /usr/share/koji-hub>",
    "<Location /koji/login>",
    "<VirtualHost *:443>",
    "<IfModule mod_python.c>",
    "</Directory>",
    "</Location>",
    "</VirtualHost>",
    "</IfModule>",
    "SetHandler mod_python",
    "sethandler MOD_PYTHON",
    "PythonHandler kojiweb.publisher",
    "PythonHandler kojixmlrpc",
    "PythonCleanupHandler kojiweb.handlers::cleanup",
    "PythonDebug On",
    "PythonAutoReload Off",
    "PythonOption SiteName \"My Koji\"",
    "PythonOption KojiHubURL http://hub.example.com/kojihub",
    "PythonOption KojiPackagesURL http://files.example.com/mnt/koji/packages",
    "PythonOption KojiImagesURL http://files.example.com/mnt/koji/images",
    "PythonOption KojiMavenURL http://other.example.com/maven2",
    "PythonOption Secret s3cret",
    "PythonOption ConfigFile /etc/koji-hub/hub.conf",
    "PythonOption ConfigFile /srv/hub.conf",
    "PythonOption koji.web.ConfigFile /etc/kojiweb/web.conf",
    "PythonOption DBName koji",
    "PythonOption Frobnicate yes",
    "PythonPath \"sys.path + ['/usr/share/koji-web/lib']\"",
    "Options Indexes",
    "Options +FollowSymLinks",
    "Order allow,deny",
    "Allow from all",
    "SetEnv koji.web.ConfigFile /srv/web.conf",
    "# a comment",
    "",
    "PythonOption \\",
    "  WebCert /etc/x.pem",
    "\"unterminated",
    "Alias /kojihub /usr/share/koji-hub/kojixmlrpc.py",
    "SetHandler wsgi-script",
    "WSGIDaemonProcess koji lang=C.UTF-8",
    "WSGIProcessGroup koji",
    "AuthType Kerberos",
    "Krb5Keytab /etc/httpd.keytab",
    "KrbMethodNegotiate on",
];

const INI_LINES: &[&str] = &[
    "[kojid]",
    "[koji]",
    "[koji-stage]",
    "[hub]",
    "[web]",
    "[DEFAULT]",
    "pkgurl = http://h/packages",
    "PKGURL: http://h/packages/",
    "pkgurl=http://h/rpms",
    "topurl = http://h/kojifiles",
    "server = http://h/kojihub",
    "authtype = kerberos",
    "KojiPackagesURL = http://f/mnt/koji/packages",
    "KojiImagesURL = http://g/images",
    "Secret = CHANGE_ME",
    "AuthPrincipal = host/x@%(realm)s",
    "realm = EXAMPLE.COM",
    "x = 100%%",
    "  continued value",
    "; comment",
    "# comment",
    "",
    "junk line",
    "[kojira]",
    "max_repo_tasks = 6",
    "use_old_ssl = yes",
    "password = 40%off",
    "maxjobs = ten",
    "Plugins = messagebus",
];

fn document(pool: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        prop::collection::vec((0..pool.len(), 0..4usize), 0..40),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(move |(picks, crlf, final_newline)| {
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut s = String::new();
            for (k, (i, indent)) in picks.iter().enumerate() {
                s.push_str(["", "    ", "\t", "  "][*indent]);
                s.push_str(pool[*i]);
                if k + 1 < picks.len() || final_newline {
                    s.push_str(eol);
                }
            }
            s
        })
}

/// Koji 1.7 in both modes, and the newest release (mod_wsgi only: mod_python went in 1.14).
fn all_modes() -> [Options; 3] {
    [
        Options::default(),
        Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
        Options {
            target: Target::ModPython,
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: support::proptest_cases(256), ..ProptestConfig::default() })]

    #[test]
    fn printing_an_unedited_document_gives_the_input(text in any::<String>()) {
        let httpd = HttpdConfig::parse(text.as_str());
        prop_assert_eq!(httpd.text(), text.as_str());
        let ini = IniDocument::parse(text.as_str());
        prop_assert_eq!(ini.text(), text.as_str());
        for cr in [false, true] {
            let table = LineTable::new(text.clone(), cr);
            let joined: String = (0..table.len()).map(|i| table.raw_line(i)).collect();
            prop_assert_eq!(&joined, &text);
            prop_assert_eq!(apply(&table, &[]).text, text.clone());
        }
    }

    #[test]
    fn arbitrary_text_never_panics_in_any_kind(text in any::<String>()) {
        for kind in FileKind::ALL {
            let input = Input { kind: Some(kind), ..Input::new("x", text.clone()) };
            for opts in all_modes() {
                let report = migrate(std::slice::from_ref(&input), &opts);
                let out = &report.files[0];
                prop_assert_eq!(out.origins.len(), LineTable::new(out.text.clone(), false).len());
                if kind == FileKind::Unknown || kind == FileKind::Sql {
                    prop_assert!(!out.changed);
                }
            }
        }
    }

    #[test]
    fn httpd_migration_is_idempotent(text in document(HTTPD_LINES)) {
        for opts in all_modes() {
            let report = migrate(&[Input::new("kojiweb.conf", text.clone())], &opts);
            assert_idempotent(&report, &opts, &format!("{text:?}"));
        }
    }

    #[test]
    fn ini_migration_is_idempotent(text in document(INI_LINES)) {
        for kind in [FileKind::KojidConf, FileKind::KojiraConf, FileKind::ClientConf, FileKind::HubConf, FileKind::WebConf] {
            for to in [koji_migrate::Release::V1_7, koji_migrate::Release::NEWEST] {
                let opts = Options { to, ..Options::default() };
                let input = Input { kind: Some(kind), ..Input::new("x.conf", text.clone()) };
                let report = migrate(&[input], &opts);
                let again = Input { kind: Some(kind), ..Input::new("x.conf", report.files[0].text.clone()) };
                let second = migrate(&[again], &opts);
                prop_assert!(!second.files[0].changed, "{:?} as {:?} to {}:\n{}", text, kind, to, report.files[0].text);
            }
        }
    }

    /// The diff read from the migration's record applies to the input to give the output, and
    /// finds a change wherever the searched diff does.
    #[test]
    fn recorded_diff_turns_input_into_output(text in document(HTTPD_LINES), ini in document(INI_LINES)) {
        for (name, text) in [("kojiweb.conf", text), ("kojid.conf", ini)] {
            for opts in all_modes() {
                let report = migrate(&[Input::new(name, text.clone())], &opts);
                let f = &report.files[0];
                let recorded = DiffModel::of_file(f, 3);
                checks::check_model(&recorded, &text, &f.text);
                prop_assert_eq!(recorded.is_empty(), DiffModel::new(&text, &f.text, 3).is_empty());
            }
        }
    }

    #[test]
    fn notes_point_inside_their_files(text in document(HTTPD_LINES)) {
        let report = migrate(&[Input::new("kojiweb.conf", text.clone())], &Options { to: koji_migrate::Release::V1_7, ..Options::default() });
        for n in &report.notes {
            if let (Some(i), Some(l)) = (n.input, n.lines) {
                let len = report.files[i].original.as_deref().map_or(0, |t| LineTable::new(t.to_string(), false).len());
                prop_assert!(l.first >= 1 && l.last <= len.max(1) && l.first <= l.last, "{:?} in {}-line input", l, len);
            }
            if let (Some(o), Some(l)) = (n.output, n.output_lines) {
                let len = report.files[o].origins.len();
                prop_assert!(l.first >= 1 && l.last <= len, "{:?} in {}-line output", l, len);
            }
        }
    }
}

#[test]
fn every_output_line_has_an_origin_entry() {
    let text = "Alias /koji \"/usr/share/koji-web/scripts/\"\n<Directory \"/usr/share/koji-web/scripts/\">\n  SetHandler mod_python\n  PythonOption SiteName K\n</Directory>";
    let report = migrate(
        &[Input::new("kojiweb.conf", text)],
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    for f in &report.files {
        assert_eq!(
            f.origins.len(),
            LineTable::new(f.text.clone(), false).len(),
            "{}",
            f.output
        );
    }
}
