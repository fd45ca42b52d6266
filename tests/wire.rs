//! The page converts in a Web Worker and gets its report back as bytes (`koji_migrate::wire`):
//! what crosses must be exactly what the core made. For the stock configs of every release and
//! the corpus, in both targets, to 1.7 and to the newest, with choices: the report read back from
//! its bytes equals the report, the request read back equals the request, and the worker's
//! `convert` gives the report `migrate` gives. Bytes that are not an encoding give an error,
//! never a panic.

mod support;

use koji_migrate::wire::{convert, decode_report, decode_request, encode_report, encode_request};
use koji_migrate::{migrate, ChangeId, Choices, Input, Options, Release, Target};
use proptest::prelude::*;
use support::{corpus_dir, inputs_in};

/// Every stock release's configs and every corpus case, one input set each.
fn input_sets() -> Vec<(String, Vec<Input>)> {
    let releases = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/koji-releases");
    let mut dirs: Vec<std::path::PathBuf> = Vec::new();
    for root in [releases, corpus_dir()] {
        let mut found: Vec<_> = std::fs::read_dir(&root)
            .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        // A corpus case keeps its inputs in `in/`.
        dirs.extend(found.into_iter().map(|d| {
            if d.join("in").is_dir() {
                d.join("in")
            } else {
                d
            }
        }));
    }
    let sets: Vec<(String, Vec<Input>)> = dirs
        .iter()
        .map(|d| (d.display().to_string(), inputs_in(d)))
        .filter(|(_, inputs)| !inputs.is_empty())
        .collect();
    assert!(
        sets.len() >= 44,
        "expected the stock releases and the corpus, found {}",
        sets.len()
    );
    sets
}

/// The options a page sends: both targets, 1.7 and the newest, a source release, choices.
fn option_sets() -> Vec<Options> {
    let with_choices = Options {
        from: Release::new(5),
        keep_pkgurl: true,
        choices: Choices {
            skip_rules: vec!["web-theme-alias".into()],
            only_rules: vec![],
            reject_changes: vec![ChangeId::new(0), ChangeId::new(3), ChangeId::new(300)],
        },
        ..Options::default()
    };
    vec![
        Options::default(),
        Options {
            target: Target::ModPython,
            to: Release::V1_7,
            ..Options::default()
        },
        with_choices,
    ]
}

#[test]
fn reports_and_requests_cross_unchanged() {
    let mut notes = 0;
    for (name, inputs) in input_sets() {
        for options in option_sets() {
            let request = encode_request(&inputs, &options);
            let (inputs_back, options_back) = decode_request(&request).unwrap();
            assert_eq!(inputs_back, inputs, "{name}: inputs read back");
            assert_eq!(options_back, options, "{name}: options read back");

            let report = migrate(&inputs, &options);
            notes += report.notes.len();
            // The page reads the worker's report with the texts of the inputs it sent.
            let known: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
            let bytes = encode_report(&report, &known);
            let back = decode_report(&bytes, &known);
            assert_eq!(back.as_ref(), Ok(&report), "{name}: report read back");
            assert_eq!(
                convert(&request),
                Ok(bytes.clone()),
                "{name}: the worker's conversion"
            );
            // Without known texts every original crosses: the same report, in more bytes.
            let whole = encode_report(&report, &[]);
            assert_eq!(
                decode_report(&whole, &[]).as_ref(),
                Ok(&report),
                "{name}: whole"
            );
            let originals: usize = report
                .files
                .iter()
                .filter_map(|f| f.original.as_ref())
                .map(String::len)
                .sum();
            assert!(
                whole.len() >= bytes.len() + originals,
                "{name}: the originals crossed anyway"
            );
            // A report that refers to texts the reader does not have is malformed.
            assert!(
                decode_report(&bytes, &[]).is_err(),
                "{name}: read without its texts"
            );
        }
    }
    assert!(
        notes > 1000,
        "the sets should produce many notes, got {notes}"
    );
}

#[test]
fn requests_carry_every_input_field() {
    let mut inputs: Vec<Input> = koji_migrate::FileKind::ALL
        .iter()
        .enumerate()
        .map(|(k, &kind)| {
            let mut input = Input::new(format!("file-{k}"), format!("line\n{k}\n"));
            input.kind = Some(kind);
            input.invalid_utf8_line = Some(k + 1);
            input.nul_line = (k % 2 == 0).then_some(k);
            input
        })
        .collect();
    inputs.push(Input::new("", ""));
    let options = Options {
        from: Release::new(3),
        to: Release::NEWEST,
        ..Options::default()
    };
    let (back, options_back) = decode_request(&encode_request(&inputs, &options)).unwrap();
    assert_eq!(back, inputs);
    assert_eq!(options_back, options);
}

#[test]
fn every_cut_of_an_encoding_is_an_error() {
    let (_, inputs) = &input_sets()[0];
    let options = Options::default();
    let known: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    let report = encode_report(&migrate(inputs, &options), &known);
    let request = encode_request(inputs, &options);
    for end in 0..report.len() {
        assert!(
            decode_report(&report[..end], &known).is_err(),
            "report cut at {end} read"
        );
    }
    for end in 0..request.len() {
        assert!(
            decode_request(&request[..end]).is_err(),
            "request cut at {end} read"
        );
    }
    let mut longer = report.clone();
    longer.push(0);
    assert_eq!(decode_report(&longer, &known).unwrap_err().at, report.len());
}

proptest! {
    #[test]
    fn any_bytes_read_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_report(&bytes, &[]);
        let _ = decode_report(&bytes, &["[koji]\n"]);
        let _ = decode_request(&bytes);
        let _ = convert(&bytes);
    }
}
