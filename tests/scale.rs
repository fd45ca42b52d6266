//! Scale guards: the generated 100,000-line inputs of the benchmarks (BENCHMARKS.md) go through
//! the whole migration to completion. No timing is asserted; a path that turns quadratic again
//! makes this test take minutes instead of seconds, which is what it is here to show.

#[path = "../benches/support/gen.rs"]
mod gen;

use koji_migrate::{migrate, FileKind, Input, Options, Target};

fn run(name: &str, text: String, target: Target) -> koji_migrate::Report {
    let lines = text.lines().count();
    assert_eq!(lines, 100_000);
    let options = Options {
        target,
        to: koji_migrate::Release::V1_7,
        ..Options::default()
    };
    let report = migrate(&[Input::new(name, text)], &options);
    assert!(report.files[0].changed, "{name} should need migrating");
    report
}

#[test]
fn a_100k_line_httpd_config_migrates() {
    for target in [Target::ModWsgi, Target::ModPython] {
        let report = run("httpd.conf", gen::httpd(100_000), target);
        assert_eq!(report.files[0].kind, FileKind::Httpd);
        if target == Target::ModWsgi {
            let out = &report.files[0].text;
            assert!(!out.contains("SetHandler mod_python"));
            assert!(!out.contains("PythonOption"));
        }
    }
}

#[test]
fn a_100k_line_httpd_config_with_unclosed_sections_migrates() {
    // Every </Directory> dropped: thousands of unclosed sections, each running to the end.
    let text: String = gen::httpd(100_000)
        .lines()
        .map(|l| {
            if l.trim() == "</Directory>" {
                "    # (closing tag lost)\n".to_string()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let report = run("httpd.conf", text, Target::ModWsgi);
    assert!(report
        .notes
        .iter()
        .any(|n| n.message.contains("never closed")));
}

#[test]
fn a_100k_line_client_config_migrates() {
    let report = run("koji.conf", gen::ini(100_000), Target::ModWsgi);
    assert_eq!(report.files[0].kind, FileKind::ClientConf);
    let out = &report.files[0].text;
    assert!(out.contains("topurl = http://files-0.example.com/mnt/koji"));
}

#[test]
fn a_hundred_thousand_nested_mod_python_wrappers_migrate() {
    // Every wrapper encloses koji's sections, so every one is rewritten to test for mod_wsgi.
    let depth = 100_000;
    let mut text = "<IfModule mod_python.c>\n".repeat(depth);
    text.push_str(&gen::httpd(200));
    text.push_str(&"</IfModule>\n".repeat(depth));
    let report = migrate(
        &[Input::new("httpd.conf", text)],
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    let out = &report.files[0].text;
    assert_eq!(out.matches("<IfModule mod_wsgi.c>").count(), depth);
    assert!(!out.contains("mod_python.c"));
}

#[test]
fn a_thousand_kojid_confs_get_the_names_of_the_first_free_suffix() {
    // The reference: try name, name-2, name-3, … until one is free.
    fn reference(names: &[&str]) -> Vec<String> {
        let mut taken = std::collections::HashSet::new();
        names
            .iter()
            .map(|&name| {
                let (stem, ext) = name.split_at(name.rfind('.').unwrap_or(name.len()));
                let mut candidate = name.to_string();
                let mut k = 2;
                while taken.contains(&candidate) {
                    candidate = format!("{stem}-{k}{ext}");
                    k += 1;
                }
                taken.insert(candidate.clone());
                candidate
            })
            .collect()
    }
    let mut names: Vec<&str> = vec!["kojid.conf"; 1000];
    names[3] = "kojid-7.conf";
    names[500] = "kojid-600.conf";
    names[501] = "koji.conf";
    let inputs: Vec<Input> = names
        .iter()
        .enumerate()
        .map(|(k, n)| {
            Input::new(
                format!("builder-{k}/{n}"),
                "[kojid]\nserver = http://hub/kojihub\npkgurl = http://hub/packages\n",
            )
        })
        .collect();
    let report = migrate(
        &inputs,
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    let got: Vec<String> = report.files[..names.len()]
        .iter()
        .map(|f| f.output.clone())
        .collect();
    assert_eq!(got, reference(&names));
}

#[test]
fn a_100k_line_hub_conf_with_interpolation_migrates() {
    // A third of the options use %(top)s, a third refer to an unset name, a third are plain.
    let mut text = String::from("[DEFAULT]\ntop = /mnt/koji\n[hub]\nDBName = koji\n");
    for i in 0..100_000 - 4 {
        text.push_str(&match i % 3 {
            0 => format!("Opt{i} = %(top)s/{i} 100%%\n"),
            1 => format!("Bad{i} = %(nope)s\n"),
            _ => format!("Plain{i} = v{i}\n"),
        });
    }
    let report = run("hub.conf", text, Target::ModWsgi);
    assert_eq!(report.files[0].kind, FileKind::HubConf);
    assert!(report.files[0]
        .text
        .contains("Opt99990 = /mnt/koji/99990 100%"));
}

#[test]
fn twenty_five_thousand_kerberos_logins_migrate() {
    // Each section is grouped once with its own AuthType lines (a search per line was quadratic).
    let mut text = String::from("AuthType Kerberos\nKrbServiceName HTTP\n");
    for i in 0..25_000 {
        text.push_str(&format!(
            "<Location /koji/login-{i}>\nAuthType Kerberos\nKrb5Keytab /etc/k{i}.keytab\n</Location>\n"
        ));
    }
    let report = migrate(&[Input::new("httpd.conf", text)], &Options::default());
    let out = &report.files[0].text;
    assert_eq!(out.matches("AuthType GSSAPI").count(), 25_001);
    assert!(out.contains("GssapiCredStore keytab:/etc/k24999.keytab"));
    assert!(!out.contains("KrbServiceName"));
}
