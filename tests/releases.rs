//! Migrations between any two releases, on the stock configs of every release in
//! `../shared/koji-releases`: the newest release's own files need nothing, a second run changes
//! nothing, and going A → B → C gives the same files as A → C.

mod support;

use koji_migrate::{migrate, FileKind, Input, Options, Release};
use std::path::{Path, PathBuf};
use support::{assert_idempotent, inputs_in};

fn releases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/koji-releases")
}

/// Every stock release directory with its release, oldest first.
fn stock_sets() -> Vec<(Release, PathBuf)> {
    let mut sets: Vec<(Release, PathBuf)> = std::fs::read_dir(releases_dir())
        .expect("../shared/koji-releases")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            Some((Release::parse(&name)?, e.path()))
        })
        .collect();
    sets.sort();
    assert!(sets.len() >= 30, "expected the stock configs of 1.3 … 1.35");
    sets
}

fn to(release: Release) -> Options {
    Options {
        to: release,
        ..Options::default()
    }
}

/// The converted inputs of a report, as inputs again (created files included, SQL excluded).
fn outputs(report: &koji_migrate::Report) -> Vec<(String, String)> {
    report
        .files
        .iter()
        .filter(|f| f.kind != FileKind::Sql)
        .map(|f| (f.output.clone(), f.text.clone()))
        .collect()
}

#[test]
fn newest_stock_configs_come_out_unchanged() {
    let (release, dir) = stock_sets().pop().expect("a newest set");
    assert_eq!(release, Release::NEWEST);
    let inputs = inputs_in(&dir);
    for f in migrate(
        &inputs,
        &Options {
            from: Some(Release::new(34).unwrap()),
            ..to(Release::NEWEST)
        },
    )
    .files
    {
        if f.input.is_some() {
            assert!(
                !f.changed,
                "stock {} of {release} changed:\n{}",
                f.output, f.text
            );
        }
    }
}

#[test]
fn every_stock_set_migrates_to_the_newest_idempotently() {
    for (release, dir) in stock_sets() {
        if release == Release::NEWEST {
            continue;
        }
        let inputs = inputs_in(&dir);
        let options = to(Release::NEWEST);
        let report = migrate(&inputs, &options);
        assert_idempotent(
            &report,
            &options,
            &format!("stock {release} → {}", Release::NEWEST),
        );
        // No option that makes kojid or kojira quit is left.
        for n in &report.notes {
            assert!(
                !(n.severity == koji_migrate::Severity::Error && n.rule == "option-tables"),
                "stock {release}: {}",
                n.message
            );
        }
    }
}

#[test]
fn a_to_b_to_c_equals_a_to_c() {
    let sets = stock_sets();
    let middles = [
        Release::new(10),
        Release::new(19),
        Release::new(22),
        Release::new(32),
    ];
    for (release, dir) in &sets {
        let inputs = inputs_in(dir);
        let direct = outputs(&migrate(&inputs, &to(Release::NEWEST)));
        for b in middles.into_iter().flatten().filter(|b| b > release) {
            let first = migrate(&inputs, &to(b));
            let again: Vec<Input> = outputs(&first)
                .into_iter()
                .map(|(n, t)| Input::new(n, t))
                .collect();
            let chained = outputs(&migrate(
                &again,
                &Options {
                    from: Some(b),
                    ..to(Release::NEWEST)
                },
            ));
            assert_eq!(
                direct,
                chained,
                "stock {release}: → {b} → {} differs from → {}",
                Release::NEWEST,
                Release::NEWEST
            );
        }
    }
}

/// option-tables answers an option as if it were looked up alone (the CLI looks each name up
/// once): a name met again, in another profile and spelt in another case, gets the note the
/// first one got.
#[test]
fn option_tables_gives_a_name_met_again_the_same_note() {
    let text = "[a]\nserver = http://h/kojihub\nno_such_opt = 1\n\
                [b]\nSERVER = http://h/kojihub\nNo_Such_Opt = 1\n";
    let report = migrate(
        &[Input::from_bytes("koji.conf", text.as_bytes())],
        &Options::default(),
    );
    let note = |line: usize| -> Vec<String> {
        report
            .notes
            .iter()
            .filter(|n| n.rule == "option-tables" && n.lines.is_some_and(|l| l.first == line))
            .map(|n| n.message.to_lowercase())
            .collect()
    };
    assert_eq!(note(3).len(), 1, "{:?}", report.notes);
    assert_eq!(note(3), note(6));
    assert!(note(2).is_empty() && note(5).is_empty());
}
