//! Accepting and rejecting changes one by one: stable ids, dependencies, and results that stay
//! lossless and idempotent whatever is chosen.

mod support;

use koji_migrate::rules::{self, consequence_of_rejecting, rule};
use koji_migrate::{migrate, ChangeId, Choices, Input, Options, Report, Target};
use proptest::prelude::*;
use std::process::Command;
use support::*;

fn stock_16() -> Vec<Input> {
    inputs_in(&stock_dir().join("1.6.0"))
}

fn with(target: Target, choices: Choices) -> Options {
    Options {
        target,
        choices,
        to: koji_migrate::Release::V1_7,
        ..Options::default()
    }
}

fn change_of_rule(report: &Report, id: &str) -> ChangeId {
    report
        .changes
        .iter()
        .find(|c| c.rule == id)
        .unwrap_or_else(|| panic!("no change of {id}"))
        .id
}

#[test]
fn change_ids_do_not_depend_on_the_choices() {
    let inputs = stock_16();
    let all = migrate(
        &inputs,
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    assert!(all.changes.len() >= 8 && all.changes.iter().all(|c| c.accepted));
    let some = migrate(
        &inputs,
        &with(
            Target::ModWsgi,
            Choices {
                reject_changes: vec![ChangeId::new(0), ChangeId::new(3)],
                ..Choices::default()
            },
        ),
    );
    let rules_of = |r: &Report| {
        r.changes
            .iter()
            .map(|c| (c.id, c.rule, c.lines))
            .collect::<Vec<_>>()
    };
    assert_eq!(rules_of(&all), rules_of(&some));
    assert!(!some.changes[0].accepted && !some.changes[3].accepted);
}

#[test]
fn rejecting_the_handler_swap_rejects_moving_the_settings() {
    let inputs = stock_16();
    let all = migrate(
        &inputs,
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    let handler = change_of_rule(&all, "web-handler-wsgi");
    let moved = change_of_rule(&all, "web-options-to-web-conf");
    assert!(all.changes[moved].depends_on.contains(&handler));
    let report = migrate(
        &inputs,
        &with(
            Target::ModWsgi,
            Choices {
                reject_changes: vec![handler],
                ..Choices::default()
            },
        ),
    );
    assert!(!report.changes[moved].accepted);
    assert!(report.changes[moved]
        .rejected_because
        .as_deref()
        .is_some_and(|w| w.contains(&handler.index().to_string())));
    assert!(
        !report.files.iter().any(|f| f.output == "web.conf"),
        "web.conf must not be created"
    );
    let web = report
        .files
        .iter()
        .find(|f| f.output == "kojiweb.conf")
        .expect("kojiweb.conf");
    assert!(
        web.text.contains("SetHandler mod_python") && web.text.contains("PythonOption KojiHubURL")
    );
    // The page and CLI warn that 1.7 cannot run like this.
    assert!(report
        .notes
        .iter()
        .any(|n| n.change == Some(handler) && n.message.starts_with("Not changed")));
}

#[test]
fn under_mod_python_the_web_conf_pointer_needs_web_conf() {
    let inputs = stock_16();
    let opts = with(
        Target::ModPython,
        Choices {
            skip_rules: vec!["web-options-to-web-conf".into()],
            ..Choices::default()
        },
    );
    let report = migrate(&inputs, &opts);
    let pointer = report
        .changes
        .iter()
        .find(|c| c.rule == "web-configfile")
        .expect("pointer change");
    assert!(!pointer.accepted);
    let web = report
        .files
        .iter()
        .find(|f| f.output == "kojiweb.conf")
        .expect("kojiweb.conf");
    assert!(!web.text.contains("koji.web.ConfigFile"));
    // Independent changes are still made.
    assert!(web.text.contains("PythonHandler wsgi_publisher"));
}

#[test]
fn only_takes_what_the_chosen_rules_need() {
    let inputs = stock_16();
    let opts = with(
        Target::ModWsgi,
        Choices {
            only_rules: vec!["web-options-to-web-conf".into()],
            ..Choices::default()
        },
    );
    let report = migrate(&inputs, &opts);
    let made: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.accepted)
        .map(|c| c.rule)
        .collect();
    assert!(
        made.contains(&"web-options-to-web-conf") && made.contains(&"web-handler-wsgi"),
        "{made:?}"
    );
    assert!(
        !made.contains(&"kojid-pkgurl-topurl") && !made.contains(&"hub-alias-wsgi"),
        "{made:?}"
    );
}

#[test]
fn rejecting_everything_gives_back_every_input() {
    for mode in [Target::ModWsgi, Target::ModPython] {
        for set in [
            stock_16(),
            inputs_in(&corpus_dir().join("combined-httpd/in")),
        ] {
            let all = migrate(&set, &with(mode, Choices::default()));
            let ids = all.changes.iter().map(|c| c.id).collect();
            let none = migrate(
                &set,
                &with(
                    mode,
                    Choices {
                        reject_changes: ids,
                        ..Choices::default()
                    },
                ),
            );
            for f in &none.files {
                match &f.original {
                    Some(original) => assert_eq!(&f.text, original, "{}", f.output),
                    None => assert_eq!(f.kind, koji_migrate::FileKind::Sql, "{} created", f.output),
                }
            }
        }
    }
}

#[test]
fn every_required_rule_says_what_rejecting_it_breaks() {
    for id in [
        "web-removed-handlers",
        "web-handler-wsgi",
        "kojid-pkgurl-topurl",
        "web-options-to-web-conf",
    ] {
        let r = rule(id).expect(id);
        assert!(consequence_of_rejecting(r).is_some(), "{id}");
    }
    assert!(consequence_of_rejecting(rule("web-theme-alias").expect("rule")).is_none());
}

fn case_sets() -> Vec<Vec<Input>> {
    let mut sets = vec![stock_16(), inputs_in(&stock_dir().join("1.3.1"))];
    let mut cases: Vec<_> = std::fs::read_dir(corpus_dir())
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    cases.sort();
    sets.extend(
        cases
            .iter()
            .filter(|p| p.join("in").is_dir())
            .map(|p| inputs_in(&p.join("in"))),
    );
    sets
}

proptest! {
    #![proptest_config(ProptestConfig { cases: support::proptest_cases(64), ..ProptestConfig::default() })]

    /// Any subset of rules skipped: the result is idempotent under the same choice, and the
    /// changes made are exactly the accepted ones.
    #[test]
    fn any_skipped_rules_stay_lossless_and_idempotent(
        set in 0usize..12,
        mask in prop::collection::vec(any::<bool>(), rules::all().count()),
        mod_python in any::<bool>(),
    ) {
        let sets = case_sets();
        let inputs = &sets[set % sets.len()];
        let skip: Vec<String> = rules::all().zip(&mask).filter(|(_, m)| **m).map(|(r, _)| r.id.to_string()).collect();
        let opts = with(if mod_python { Target::ModPython } else { Target::ModWsgi }, Choices { skip_rules: skip.clone(), ..Choices::default() });
        let report = migrate(inputs, &opts);
        for c in &report.changes {
            prop_assert_eq!(c.accepted, !skip.iter().any(|s| s == c.rule) && c.depends_on.iter().all(|&d| report.changes[d].accepted));
        }
        assert_idempotent(&report, &opts, &format!("skipping {skip:?}"));
    }
}

#[test]
fn cli_lists_explains_skips_and_reports_changes() {
    let bin = env!("CARGO_BIN_EXE_koji-migrate");
    let list = Command::new(bin).arg("--list-rules").output().expect("run");
    let listed = String::from_utf8_lossy(&list.stdout);
    for r in rules::all() {
        assert!(
            listed.lines().any(|l| l.trim_start().starts_with(r.id)),
            "{} not listed",
            r.id
        );
        let explain = Command::new(bin)
            .args(["--explain", r.id])
            .output()
            .expect("run");
        assert!(String::from_utf8_lossy(&explain.stdout).contains(r.explanation));
    }
    let bad = Command::new(bin)
        .args(["--skip", "no-such-rule", "x"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));

    let kojiweb = stock_dir().join("1.6.0/kojiweb.conf");
    let out = Command::new(bin)
        .args(["--json", "--skip", "web-alias-wsgi"])
        .arg(&kojiweb)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let changes = v["changes"].as_array().expect("changes");
    let alias = changes
        .iter()
        .find(|c| c["rule"] == "web-alias-wsgi")
        .expect("alias change");
    assert_eq!(alias["accepted"], false);
    let id = alias["id"].clone();
    assert!(v["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .any(|n| n["change"] == id && n["skipped"] == true));
    // The contract's fields are all still there.
    let f = &v["files"][0];
    for key in ["input", "kind", "output", "changed"] {
        assert!(f.get(key).is_some(), "files[].{key}");
    }
    for key in [
        "severity", "file", "line", "message", "guide", "rule", "change",
    ] {
        assert!(v["notes"][0].get(key).is_some(), "notes[].{key}");
    }
}

#[test]
fn accepting_a_change_accepts_everything_it_needs_once() {
    let report = migrate(&stock_16(), &Options::default());
    let needy = report
        .changes
        .iter()
        .find(|c| !c.depends_on.is_empty())
        .expect("a change with needs in the stock 1.6 set");
    let all = report.with_needs(needy.id);
    assert_eq!(all[0], needy.id);
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "each once: {all:?}");
    // Closed under `depends_on`: whatever a listed change needs is listed.
    for id in &all {
        for need in &report.changes[*id].depends_on {
            assert!(
                all.contains(need),
                "{need:?} needed by {id:?} is missing from {all:?}"
            );
        }
    }
    // What it needs is what it cannot be made without: rejecting only those unmakes it too.
    let options = Options {
        choices: Choices {
            reject_changes: all[1..].to_vec(),
            ..Choices::default()
        },
        ..Options::default()
    };
    let rejected = migrate(&stock_16(), &options);
    assert!(!rejected.changes[needy.id].accepted);
}

/// Two koji-hub sites on one httpd: each site's mod_wsgi settings need that site's handler swap,
/// not the other's. Rejecting one site's swap keeps the other site whole (and the dependency
/// lists stay linear in the number of sites: each setting needs one swap).
#[test]
fn each_site_s_wsgi_settings_need_only_that_site_s_handler_swap() {
    let site = |n: u32| {
        format!(
            "<VirtualHost *:80>\n    ServerName koji-{n}.example.com\n    Alias /kojihub \"/srv/koji-{n}/koji-hub/XMLRPC\"\n    <Directory /srv/koji-{n}/koji-hub>\n        SetHandler mod_python\n        PythonHandler kojixmlrpc\n    </Directory>\n</VirtualHost>\n"
        )
    };
    let inputs = vec![Input::new(
        "kojihub.conf",
        format!("{}{}", site(0), site(1)),
    )];
    let all = migrate(&inputs, &Options::default());
    let swaps: Vec<&koji_migrate::Change> = all
        .changes
        .iter()
        .filter(|c| c.rule == "hub-handler-wsgi")
        .collect();
    assert_eq!(swaps.len(), 2, "{:#?}", all.changes);
    let groups: Vec<&koji_migrate::Change> = all
        .changes
        .iter()
        .filter(|c| c.rule == "hub-wsgi-application-group")
        .collect();
    assert_eq!(groups.len(), 2);
    for (group, swap) in groups.iter().zip(&swaps) {
        assert_eq!(group.depends_on, vec![swap.id], "{group:#?}");
    }
    // Rejecting site 0's swap: site 1 still gets its setting.
    let some = migrate(
        &inputs,
        &Options {
            choices: Choices {
                reject_changes: vec![swaps[0].id],
                ..Choices::default()
            },
            ..Options::default()
        },
    );
    let made = |id: ChangeId| some.change(id).is_some_and(|c| c.accepted);
    assert!(!made(groups[0].id) && made(groups[1].id));
    let text = &some.files[0].text;
    let second = text.find("koji-1.example.com").unwrap();
    assert!(!text[..second].contains("WSGIApplicationGroup"), "{text}");
    assert!(
        text[second..].contains("WSGIApplicationGroup %{GLOBAL}"),
        "{text}"
    );
}
