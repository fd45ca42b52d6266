// The properties the fuzz targets (fuzz/fuzz_targets/*.rs, through `include!`) and the regression
// tests (tests/regressions.rs) check. One definition, so a crash input added as a regression test is
// checked exactly as the fuzzer checked it. Every check panics with a message when it fails.
//
// This file is `include!`d, so it has no inner attributes or doc comment of its own.

use koji_migrate::diff::{DiffModel, RowKind};
use koji_migrate::httpd::HttpdConfig;
use koji_migrate::ini::IniDocument;
use koji_migrate::text::LineTable;
use koji_migrate::{migrate, Input, Options, Report, Target};

/// File names the migrate target gives its inputs (names only break detection ties).
pub const FUZZ_NAMES: &[&str] = &[
    "kojiweb.conf",
    "kojihub.conf",
    "hub.conf",
    "kojid.conf",
    "web.conf",
    "koji.conf",
    "kojira.conf",
    "pasted",
    "-",
];

/// The separator that splits one fuzz input into several files.
pub const FILE_SEPARATOR: &[u8] = b"\n--8<--\n";

/// httpd: parsing then printing gives the input back byte for byte, and parsing never panics.
pub fn check_httpd_roundtrip(text: &str) {
    let cfg = HttpdConfig::parse(text);
    assert_eq!(cfg.text(), text, "httpd print is not the input");
    let lines = cfg.table.len();
    for item in &cfg.items {
        assert!(
            item.lines().start < item.lines().end && item.lines().end <= lines,
            "item lines out of bounds"
        );
    }
    for p in &cfg.problems {
        assert!(
            p.line < lines.max(1),
            "problem line {} out of bounds ({lines})",
            p.line
        );
    }
}

/// ini: parsing then printing gives the input back, every line has a kind, option lines are in
/// bounds.
pub fn check_ini_roundtrip(text: &str) {
    let doc = IniDocument::parse(text);
    assert_eq!(doc.text(), text, "ini print is not the input");
    assert_eq!(doc.kinds.len(), doc.table.len(), "one kind per line");
    for o in &doc.options {
        assert!(
            o.lines.start < o.lines.end && o.lines.end <= doc.table.len(),
            "option lines out of bounds"
        );
        assert!(o.section < doc.sections.len());
    }
    let _ = doc.semantic_view();
}

/// Splits a fuzz input into migrate inputs and options: byte 0 chooses the options and names,
/// the rest is cut at [`FILE_SEPARATOR`] (at most 6 files).
pub fn fuzz_inputs(data: &[u8]) -> (Vec<Input>, Options) {
    let Some((&flags, rest)) = data.split_first() else {
        return (vec![Input::from_bytes("empty", b"")], Options::default());
    };
    let options = Options {
        target: if flags & 1 == 0 {
            Target::ModWsgi
        } else {
            Target::ModPython
        },
        keep_pkgurl: flags & 2 != 0,
        // The high bit: the newest release (mod_python then goes, as the page and CLI make it).
        to: if flags & 0x80 == 0 {
            koji_migrate::Release::V1_7
        } else {
            koji_migrate::Release::NEWEST
        },
        ..Options::default()
    };
    let mut inputs = Vec::new();
    let mut start = 0;
    let mut k = 0usize;
    while inputs.len() < 6 {
        let end = find(&rest[start..], FILE_SEPARATOR).map(|p| start + p);
        let chunk = &rest[start..end.unwrap_or(rest.len())];
        let name = FUZZ_NAMES[((flags >> 2) as usize + k) % FUZZ_NAMES.len()];
        inputs.push(Input::from_bytes(name, chunk));
        k += 1;
        match end {
            Some(e) => start = e + FILE_SEPARATOR.len(),
            None => break,
        }
    }
    (inputs, options)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn line_count(text: &str) -> usize {
    // A note may count lines the way httpd (lone \r is no break) or Python (it is) does: allow the
    // larger.
    let lf = LineTable::new(text.to_string(), false).len();
    let cr = LineTable::new(text.to_string(), true).len();
    lf.max(cr)
}

fn line_counts(text: &str) -> [usize; 2] {
    [
        LineTable::new(text.to_string(), false).len(),
        LineTable::new(text.to_string(), true).len(),
    ]
}

/// Every note's line numbers fall inside the file they are about.
pub fn check_note_bounds(report: &Report, inputs: &[Input]) {
    for n in &report.notes {
        if let Some(i) = n.input.map(|i| i.index()) {
            assert!(i < inputs.len(), "note input index {i} out of range");
            if let Some(l) = n.lines {
                let len = line_count(&inputs[i].text);
                assert!(
                    l.first >= 1 && l.first <= l.last && l.last <= len.max(1),
                    "note lines {l:?} out of bounds for input {i} ({len} lines): {}",
                    n.message
                );
            }
        } else {
            assert!(
                n.lines.is_none(),
                "a note with lines but no input: {}",
                n.message
            );
        }
        if let Some(o) = n.output.map(|o| o.index()) {
            assert!(o < report.files.len(), "note output index {o} out of range");
            if let Some(l) = n.output_lines {
                let len = line_count(&report.files[o].text);
                assert!(
                    l.first >= 1 && l.first <= l.last && l.last <= len.max(1),
                    "note output lines {l:?} out of bounds for output {o} ({len} lines): {}",
                    n.message
                );
            }
        }
    }
    for f in &report.files {
        assert!(
            line_counts(&f.text).contains(&f.origins.len()),
            "one origin per output line of {}",
            f.output
        );
    }
}

/// Migrating never panics, notes are in bounds, and migrating the migrated inputs again changes
/// none of them.
pub fn check_migrate(inputs: &[Input], options: &Options) -> Report {
    let report = migrate(inputs, options);
    check_note_bounds(&report, inputs);
    // What the page's worker sends back (koji_migrate::wire) is this report, exactly.
    let known: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    let bytes = koji_migrate::wire::encode_report(&report, &known);
    assert_eq!(koji_migrate::wire::decode_report(&bytes, &known).as_ref(), Ok(&report));
    assert!(report.files.len() >= inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        assert_eq!(
            report.files[i].original.as_deref(),
            Some(input.text.as_str()),
            "original kept"
        );
    }
    // Idempotence: the converted inputs, given back with their kinds, come out unchanged.
    let again: Vec<Input> = report.files[..inputs.len()]
        .iter()
        .zip(inputs)
        .map(|(f, input)| Input {
            name: input.name.clone(),
            text: f.text.clone(),
            kind: Some(f.kind),
            invalid_utf8_line: None,
            nul_line: input.nul_line.map(|_| 1),
        })
        .collect();
    let second = migrate(&again, options);
    check_note_bounds(&second, &again);
    for (i, f) in second.files[..again.len()].iter().enumerate() {
        assert!(
            f.text == again[i].text,
            "migrating the output of input {i} ({}) changed it again:\n--- first output\n{}\n--- second output\n{}",
            again[i].name,
            again[i].text,
            f.text
        );
    }
    report
}

/// Applying the diff model's rows to `old` gives `new` (line contents, without line endings).
pub fn check_diff(old: &str, new: &str, context: usize) {
    check_model(&DiffModel::new(old, new, context), old, new);
}

/// The diff_model fuzz target's property on raw bytes: byte 0 is the context size; the rest is
/// old and new split at the first `\n--8<--\n`, or, without one, old and its migration (then the
/// diff read from the migration's record is checked too, as the CLI and page use it).
pub fn check_diff_bytes(data: &[u8]) {
    let Some((&ctx, rest)) = data.split_first() else {
        return;
    };
    let context = (ctx % 8) as usize;
    let text = String::from_utf8_lossy(rest);
    match text.find("\n--8<--\n") {
        Some(p) => check_diff(&text[..p], &text[p + 8..], context),
        None => {
            let report = migrate(&[Input::new("pasted", text.as_ref())], &Options::default());
            let out = &report.files[0];
            check_diff(&text, &out.text, context);
            check_model(&DiffModel::of_file(out, context), &text, &out.text);
        }
    }
}

/// Applying `model`'s rows to `old` gives `new` (line contents, without line endings).
pub fn check_model(model: &DiffModel, old: &str, new: &str) {
    // Lines as the diff model counts them (its `similar` splits at \n, \r\n and a lone \r),
    // without their \n or \r\n ending (a lone \r stays in the text, as in the model's sides).
    let split = |s: &str| -> Vec<String> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            let end = match b[i] {
                b'\n' => Some(i + 1),
                b'\r' if b.get(i + 1) == Some(&b'\n') => Some(i + 2),
                b'\r' => Some(i + 1),
                _ => None,
            };
            if let Some(e) = end {
                let line = &s[start..e];
                let line = line
                    .strip_suffix("\r\n")
                    .or_else(|| line.strip_suffix('\n'))
                    .unwrap_or(line);
                out.push(line.to_string());
                start = e;
                i = e;
            } else {
                i += 1;
            }
        }
        if start < b.len() {
            out.push(s[start..].to_string());
        }
        out
    };
    let old_lines = split(old);
    let new_lines = split(new);
    let mut out: Vec<String> = Vec::new();
    let mut next_old = 0usize; // 0-based index of the next old line not yet consumed
    for h in &model.hunks {
        let start = h.old_start - 1;
        assert!(
            start >= next_old && start <= old_lines.len(),
            "hunks out of order"
        );
        out.extend(old_lines[next_old..start].iter().cloned());
        next_old = start;
        for row in &h.rows {
            if let Some(o) = &row.old {
                assert_eq!(o.line, next_old + 1, "old line numbers are consecutive");
                assert_eq!(
                    o.text(),
                    old_lines[next_old],
                    "old side text is the old line"
                );
                next_old += 1;
            }
            match row.kind {
                RowKind::Equal => out.push(old_lines[next_old - 1].clone()),
                RowKind::Delete => assert!(row.new.is_none()),
                RowKind::Insert | RowKind::Replace => {
                    let n = row
                        .new
                        .as_ref()
                        .expect("insert/replace rows have a new side");
                    assert_eq!(n.line, out.len() + 1, "new line numbers follow the output");
                    out.push(n.text());
                }
            }
        }
    }
    out.extend(old_lines[next_old..].iter().cloned());
    assert_eq!(out, new_lines, "applying the diff to old does not give new");
    assert_eq!(
        model.is_empty(),
        old_lines == new_lines,
        "empty diff iff same lines"
    );
}
