//! The one entry point: [`migrate`] takes the admin's files and returns the [`Report`].

use crate::detect::{detect_and_parse, Parsed};
use crate::httpd::HttpdConfig;
use crate::ini::IniDocument;
use crate::koji::Release;
use crate::options::{Options, Target, LAST_MOD_PYTHON};
use crate::report::{FileKind, Report, Severity};
use crate::rules::context::{Ctx, Doc};
use crate::rules::{self, cross_file::Facts, NewFile, Plan};
use crate::text::LineTable;

mod assemble;
mod choices;

/// One file given to the migration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The name the admin knows it by (a path, a file name, or anything for pasted text).
    pub name: String,
    pub text: String,
    /// Overrides detection when set.
    pub kind: Option<FileKind>,
    /// 1-based line where the bytes stopped being valid UTF-8 (the text is a lossy decoding).
    pub invalid_utf8_line: Option<usize>,
    /// 1-based line of a NUL byte: the input is probably not a text file.
    pub nul_line: Option<usize>,
}

impl Input {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Input {
            name: name.into(),
            text: text.into(),
            kind: None,
            invalid_utf8_line: None,
            nul_line: None,
        }
    }

    /// An input from raw bytes: decoded as UTF-8, lossily if need be (and then flagged).
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Self {
        Input::decoded(name.into(), crate::decode::decode(bytes))
    }

    /// [`Input::from_bytes`] of bytes the caller gives away: valid UTF-8 becomes the text
    /// without a copy (the CLI's files; native only).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_byte_vec(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        Input::decoded(name.into(), crate::decode::decode_vec(bytes))
    }

    fn decoded(name: String, d: crate::decode::Decoded) -> Self {
        Input {
            name,
            text: d.text,
            kind: None,
            invalid_utf8_line: d.invalid_utf8_line,
            nul_line: d.nul_line,
        }
    }
}

/// Migrates `inputs` to Koji 1.7. Never fails and never panics: problems become notes.
pub fn migrate(inputs: &[Input], options: &Options) -> Report {
    run(inputs, &mut |i| inputs[i].text.clone(), options)
}

/// [`migrate`] of inputs given away: each text becomes its document's, then the report's
/// original, without a copy. The CLI's: borrowed, a 100,000-line input was held three times
/// (its own, the document's copy, the report's), 3.5 MB each. Native only (the page keeps its
/// inputs).
#[cfg(not(target_arch = "wasm32"))]
pub fn migrate_owned(mut inputs: Vec<Input>, options: &Options) -> Report {
    let mut texts: Vec<String> = inputs
        .iter_mut()
        .map(|i| std::mem::take(&mut i.text))
        .collect();
    run(&inputs, &mut |i| std::mem::take(&mut texts[i]), options)
}

/// [`migrate`], with the text of input `i` from `text_of(i)` (asked once per input; the
/// inputs' own `text` is not read).
fn run(inputs: &[Input], text_of: &mut dyn FnMut(usize) -> String, options: &Options) -> Report {
    // Options that cannot go together (the CLI and the page never send them) still migrate:
    // the nearest sensible options, and an error note that says what was changed.
    if let Some(why) = options.conflict() {
        let fixed = Options {
            target: if options.to > LAST_MOD_PYTHON {
                Target::ModWsgi
            } else {
                options.target
            },
            to: options.to.max(Release::V1_7),
            from: options.from.filter(|&f| f < options.to.max(Release::V1_7)),
            ..options.clone()
        };
        let mut report = run(inputs, text_of, &fixed);
        report.notes.insert(0, crate::report::Note {
            severity: Severity::Error,
            rule: rules::r1_7::input_problem::RULE.id,
            input: None,
            lines: None,
            output: None,
            output_lines: None,
            message: format!("These options cannot go together ({why}); the migration ran with the nearest ones that can."),
            guide: rules::r1_7::input_problem::RULE.guide,
            change: None,
            kind: crate::report::NoteKind::Finding,
        });
        return report;
    }
    let mut plans: Vec<Plan> = vec![Plan::default(); inputs.len()];
    let mut global = Plan::default();
    let mut new_files: Vec<NewFile> = Vec::new();
    let mut facts = Facts::default();
    let mut docs = Vec::with_capacity(inputs.len());
    let mut kinds = Vec::with_capacity(inputs.len());

    for (i, input) in inputs.iter().enumerate() {
        if let Some(line) = input.invalid_utf8_line {
            plans[i].note(&rules::r1_7::input_problem::RULE, Severity::Warning, Some(line - 1..line),
                "The file is not valid UTF-8 from this line on; the bad bytes were replaced by \u{fffd} and will be written that way. \
                 Check the converted file, or convert the input to UTF-8 first.".into());
        }
        let binary = input.nul_line.is_some() && input.kind.is_none();
        if let Some(line) = input.nul_line {
            plans[i].note(&rules::r1_7::input_problem::RULE, Severity::Error, Some(line - 1..line),
                "The file contains a NUL byte: it does not look like a text configuration file, so it is left unchanged.".into());
        }
        let mut text = text_of(i);
        let mut parsed = None;
        let (kind, reason) = match input.kind {
            Some(k) => (k, "kind chosen by you".to_string()),
            None if binary => (FileKind::Unknown, "it contains binary data".to_string()),
            None => {
                let (d, doc) = detect_and_parse(std::mem::take(&mut text), Some(&input.name));
                parsed = Some(doc);
                (d.kind, d.reason)
            }
        };
        let plan = &mut plans[i];
        plan.note(
            &rules::r1_7::input_kind::RULE,
            if kind == FileKind::Unknown {
                Severity::Warning
            } else {
                Severity::Info
            },
            None,
            if kind == FileKind::Unknown {
                format!("Not recognised as a Koji configuration file ({reason}); left unchanged.")
            } else {
                format!("Read as a {} ({reason}).", kind.label())
            },
        );
        // The text is in the parsed document, if any, else still in `text`. The page, whose
        // inputs are borrowed, copies the input's again instead (less code: ~150 B gzipped).
        #[cfg(not(target_arch = "wasm32"))]
        let text = |parsed: Option<Parsed>| parsed.map_or(text, Parsed::into_text);
        #[cfg(target_arch = "wasm32")]
        let text = |_: Option<Parsed>| input.text.clone();
        let doc = match (kind, parsed) {
            (k, Some(Parsed::Httpd(cfg))) if k.is_httpd() => Doc::Httpd(cfg),
            (k, parsed) if k.is_httpd() => Doc::Httpd(HttpdConfig::parse(text(parsed))),
            (
                FileKind::HubConf
                | FileKind::WebConf
                | FileKind::KojidConf
                | FileKind::KojiraConf
                | FileKind::ClientConf,
                parsed,
            ) => Doc::Ini(match parsed {
                Some(Parsed::Ini(doc)) => doc,
                parsed => IniDocument::parse(text(parsed)),
            }),
            (_, parsed) => Doc::Opaque(LineTable::new(text(parsed), false)),
        };
        let mut ctx = Ctx {
            options,
            input: i,
            plan,
            new_files: &mut new_files,
            facts: &mut facts,
        };
        match &doc {
            Doc::Httpd(cfg) => {
                rules::r1_7::input_problem::httpd_problems(cfg, ctx.plan);
                rules::hub_httpd::migrate(cfg, &mut ctx);
                rules::web_httpd::migrate(cfg, &mut ctx);
                rules::r1_7::ifmodule_wsgi::run(cfg, &mut ctx);
            }
            Doc::Ini(ini) => {
                rules::r1_7::input_problem::ini_problems(ini, ctx.plan);
                match kind {
                    FileKind::HubConf => rules::r1_7::hub_conf_percent::run(ini, &mut ctx),
                    FileKind::WebConf => rules::web_conf::migrate(ini, &mut ctx),
                    FileKind::KojidConf => rules::kojid_conf::migrate(ini, &mut ctx),
                    FileKind::KojiraConf => {}
                    _ => rules::client_conf::migrate(ini, &mut ctx),
                }
            }
            Doc::Opaque(_) => {}
        }
        rules::releases::run_all(&doc, kind, &mut ctx);
        let plan = &mut plans[i];
        let quiet = plan.changes.is_empty()
            && !plan.notes.iter().any(|n| {
                n.severity >= Severity::Action
                    || std::ptr::eq(n.rule, &rules::r1_7::already_migrated::RULE)
            });
        if quiet && kind != FileKind::Unknown {
            plan.note(
                &rules::r1_7::already_migrated::RULE,
                Severity::Info,
                None,
                format!(
                    "Nothing in this file needs to change for Koji {}.",
                    options.to
                ),
            );
        }
        docs.push(doc);
        kinds.push(kind);
    }

    let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    rules::cross_file::check(&facts, &mut plans, &names);
    if cfg!(feature = "releases") {
        rules::r1_35::kojira_options_to_hub::carry(&facts.moved_to_hub, &docs, &kinds, &mut plans);
    }
    let from = source_release(options, &docs, &kinds, &names, &mut global);
    let options = &Options {
        from: Some(from),
        ..options.clone()
    };
    rules::release_notices::run_all(&docs, &kinds, &mut plans, from, options.to);
    // The database step belongs with the hub's files.
    let hub_side = kinds.iter().enumerate().any(|(i, &k)| {
        k == FileKind::HubConf
            || k == FileKind::HubHttpd
            || (k == FileKind::Httpd && facts.hub_httpd.contains(&i))
    });
    rules::schema::add(options, hub_side, &mut new_files, &mut global);

    let mut report = assemble::build_report(
        inputs,
        &mut docs,
        &kinds,
        &mut plans,
        &mut global,
        new_files,
        &options.choices,
    );
    if cfg!(feature = "releases") {
        report.database = rules::schema::steps(options.from_release(), options.to);
    }
    report.steps = crate::checklist::steps(&report, options);
    report
}

/// The release the migration starts from: the admin's `from`, else the oldest the files fit,
/// else 1.6; with a note saying which and why.
fn source_release(
    options: &Options,
    docs: &[Doc],
    kinds: &[FileKind],
    names: &[&str],
    global: &mut Plan,
) -> Release {
    use rules::source_release::{shown, RULE};
    if options.to == Release::V1_7 || !cfg!(feature = "releases") {
        // Koji 1.7's contract: the release named, else 1.6, as before releases were read.
        return options.from_release();
    }
    let shown = shown(docs, kinds, names);
    match (options.from, shown) {
        (Some(from), Some(s)) if from < s.oldest || from > s.newest => {
            global.note(&RULE, Severity::Warning, None, format!(
                "You upgrade from {from}, but the files look like {}–{}: {}. The database steps start at {from}: check it.",
                s.oldest, s.newest, s.because.join("; ")));
            from
        }
        (Some(from), _) => from,
        (None, Some(s)) if s.oldest > s.newest => {
            global.note(&RULE, Severity::Warning, None, format!(
                "The files disagree about the release they were written for ({}); the database steps start at {}. Name the release you run (--from).",
                s.because.join("; "), s.newest));
            s.newest
        }
        (None, Some(s)) if s.oldest >= Release::V1_7 => {
            if s.oldest != s.newest && options.to > Release::V1_7 {
                global.note(&RULE, Severity::Action, None, format!(
                    "The files look like Koji {}–{} ({}); the database steps start at {}, the oldest. Name your release (--from) to skip steps already done.",
                    s.oldest, s.newest, s.because.join("; "), s.oldest));
            }
            s.oldest
        }
        (None, _) => options.from_release(),
    }
}
