//! Where the `rust-ini` crate and Python's RawConfigParser read an ini file differently, koji-migrate
//! follows RawConfigParser, because that is what Koji reads its files with. Each case below is one
//! such difference: `rust-ini`'s reading, ours, and Python's (checked against Python itself by
//! `tests/python_differential.rs`).

use koji_migrate::ini::IniDocument;

fn rust_ini(text: &str) -> Vec<(String, String)> {
    let ini = ini::Ini::load_from_str(text).expect("rust-ini reads it");
    ini.section(Some("s"))
        .map(|p| {
            p.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn ours(text: &str) -> Vec<(String, String)> {
    let doc = IniDocument::parse(text);
    doc.semantic_view()
        .into_iter()
        .find(|(s, _)| s == "s")
        .map(|(_, kv)| kv)
        .unwrap_or_default()
}

fn pairs(kv: &[(&str, &str)]) -> Vec<(String, String)> {
    kv.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn indented_lines_continue_a_value() {
    let text = "[s]\nallowed_scms = scm.example.com:/cvs/example\n  git.example.org:/example\n";
    // rust-ini reads the continuation as an option of its own, split at its ':'.
    assert_eq!(
        rust_ini(text),
        pairs(&[
            ("allowed_scms", "scm.example.com:/cvs/example"),
            ("git.example.org", "/example")
        ])
    );
    assert_eq!(
        ours(text),
        pairs(&[(
            "allowed_scms",
            "scm.example.com:/cvs/example\ngit.example.org:/example"
        )])
    );
}

#[test]
fn option_names_are_case_insensitive_and_the_last_wins() {
    let text = "[s]\nPkgURL = http://a/packages\npkgurl = http://b/packages\n";
    assert_eq!(
        rust_ini(text),
        pairs(&[
            ("PkgURL", "http://a/packages"),
            ("pkgurl", "http://b/packages")
        ])
    );
    assert_eq!(ours(text), pairs(&[("pkgurl", "http://b/packages")]));
}

#[test]
fn quotes_are_part_of_the_value() {
    let text = "[s]\nSiteName = \"My Koji\"\n";
    assert_eq!(rust_ini(text), pairs(&[("SiteName", "My Koji")]));
    assert_eq!(ours(text), pairs(&[("sitename", "\"My Koji\"")]));
}

#[test]
fn a_backslash_does_not_join_lines() {
    let text = "[s]\nk = a\\\n b\n";
    assert_eq!(rust_ini(text), pairs(&[("k", "a b")]));
    assert_eq!(ours(text), pairs(&[("k", "a\\\nb")]));
}
