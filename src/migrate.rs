//! The one entry point: [`migrate`] takes the admin's files and returns the [`Report`].

use crate::detect::detect;
use crate::httpd::HttpdConfig;
use crate::ini::IniDocument;
use crate::report::{FileKind, Lines, Note, Origin, OutputFile, Report, Severity};
use crate::rules::{self, cross_file::Facts, Draft, NewFile, Plan};
use crate::text::{apply, LineOrigin, LineTable};

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
        let d = crate::decode::decode(bytes);
        Input {
            name: name.into(),
            text: d.text,
            kind: None,
            invalid_utf8_line: d.invalid_utf8_line,
            nul_line: d.nul_line,
        }
    }
}

/// How httpd should run Koji 1.7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    /// The 1.7 default.
    #[default]
    ModWsgi,
    /// Deprecated but supported: keep mod_python with the changes 1.7 requires.
    ModPython,
}

/// The Koji release the site runs now, for the database upgrade chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum FromRelease {
    V1_3,
    V1_4,
    V1_5,
    #[default]
    V1_6,
}

impl FromRelease {
    pub fn parse(s: &str) -> Option<FromRelease> {
        match s.trim().trim_start_matches('v') {
            "1.3" | "1.3.0" | "1.3.1" => Some(FromRelease::V1_3),
            "1.4" | "1.4.0" => Some(FromRelease::V1_4),
            "1.5" | "1.5.0" => Some(FromRelease::V1_5),
            "1.6" | "1.6.0" => Some(FromRelease::V1_6),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            FromRelease::V1_3 => "1.3",
            FromRelease::V1_4 => "1.4",
            FromRelease::V1_5 => "1.5",
            FromRelease::V1_6 => "1.6",
        }
    }
}

/// Choices that change the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub target: Target,
    /// The release being upgraded from (default 1.6).
    pub from: FromRelease,
    /// Keep `pkgurl` beside the new `topurl` (rolling upgrade: works on 1.6 and 1.7 builders).
    pub keep_pkgurl: bool,
}

/// A parsed input.
pub(crate) enum Doc {
    Httpd(HttpdConfig),
    Ini(IniDocument),
    /// Unknown kind: kept as lines, never edited.
    Opaque(LineTable),
}

impl Doc {
    fn table(&self) -> &LineTable {
        match self {
            Doc::Httpd(c) => &c.table,
            Doc::Ini(d) => &d.table,
            Doc::Opaque(t) => t,
        }
    }
}

/// What the rules of one input get to see and write.
pub(crate) struct Ctx<'a> {
    pub options: &'a Options,
    /// Index of the input.
    pub input: usize,
    pub plan: &'a mut Plan,
    pub new_files: &'a mut Vec<NewFile>,
    pub facts: &'a mut Facts,
}

/// Migrates `inputs` to Koji 1.7. Never fails and never panics: problems become notes.
pub fn migrate(inputs: &[Input], options: &Options) -> Report {
    let mut plans: Vec<Plan> = vec![Plan::default(); inputs.len()];
    let mut global = Plan::default();
    let mut new_files: Vec<NewFile> = Vec::new();
    let mut facts = Facts::default();
    let mut docs = Vec::with_capacity(inputs.len());
    let mut kinds = Vec::with_capacity(inputs.len());

    for (i, input) in inputs.iter().enumerate() {
        if let Some(line) = input.invalid_utf8_line {
            plans[i].note(&rules::INPUT_PROBLEM, Severity::Warning, Some(line - 1..line),
                "The file is not valid UTF-8 from this line on; the bad bytes were replaced by \u{fffd} and will be written that way. \
                 Check the converted file, or convert the input to UTF-8 first.".into());
        }
        let binary = input.nul_line.is_some() && input.kind.is_none();
        if let Some(line) = input.nul_line {
            plans[i].note(&rules::INPUT_PROBLEM, Severity::Error, Some(line - 1..line),
                "The file contains a NUL byte: it does not look like a text configuration file, so it is left unchanged.".into());
        }
        let (kind, reason) = match input.kind {
            Some(k) => (k, "kind chosen by you".to_string()),
            None if binary => (FileKind::Unknown, "it contains binary data".to_string()),
            None => {
                let d = detect(&input.text, Some(&input.name));
                (d.kind, d.reason)
            }
        };
        let plan = &mut plans[i];
        plan.note(
            &rules::INPUT_KIND,
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
        let doc = match kind {
            k if k.is_httpd() => Doc::Httpd(HttpdConfig::parse(input.text.as_str())),
            FileKind::HubConf | FileKind::WebConf | FileKind::KojidConf | FileKind::ClientConf => {
                Doc::Ini(IniDocument::parse(input.text.as_str()))
            }
            _ => Doc::Opaque(LineTable::new(input.text.clone(), false)),
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
                for p in &cfg.problems {
                    ctx.plan.note(
                        &rules::INPUT_PROBLEM,
                        Severity::Error,
                        Some(p.line..p.line + 1),
                        format!(
                            "Apache would refuse this: {}. The region is left as it was.",
                            p.kind
                        ),
                    );
                }
                rules::hub_httpd::migrate(cfg, &mut ctx);
                rules::web_httpd::migrate(cfg, &mut ctx);
                rules::httpd_edit::swap_python_ifmodules(cfg, &mut ctx);
            }
            Doc::Ini(ini) => {
                report_ini_problems(ini, ctx.plan);
                match kind {
                    FileKind::HubConf => rules::hub_conf::migrate(ini, &mut ctx),
                    FileKind::WebConf => rules::web_conf::migrate(ini, &mut ctx),
                    FileKind::KojidConf => rules::kojid_conf::migrate(ini, &mut ctx),
                    _ => rules::client_conf::migrate(ini, &mut ctx),
                }
            }
            Doc::Opaque(_) => {}
        }
        docs.push(doc);
        kinds.push(kind);
    }

    rules::cross_file::check(&facts, &mut plans);
    rules::schema::add(options, &mut new_files, &mut global);

    build_report(inputs, &docs, &kinds, &plans, &global, new_files)
}

fn report_ini_problems(ini: &IniDocument, plan: &mut Plan) {
    for (line, err) in ini.errors() {
        plan.note(
            &rules::INPUT_PROBLEM,
            Severity::Error,
            Some(line..line + 1),
            format!(
                "Python's RawConfigParser would refuse this line: {err}. It is left as it was."
            ),
        );
    }
    for (line, name) in ini.duplicate_sections() {
        plan.note(
            &rules::INPUT_PROBLEM,
            Severity::Warning,
            Some(line..line + 1),
            format!("Section [{name}] appears again here; Python merges both into one."),
        );
    }
    for (later, earlier) in ini.duplicate_options() {
        let o = &ini.options[later];
        plan.note(
            &rules::INPUT_PROBLEM,
            Severity::Warning,
            Some(o.lines.clone()),
            format!(
                "'{}' is set again in [{}] (first on line {}); Python keeps this later value.",
                o.key,
                ini.sections[o.section].name,
                ini.options[earlier].lines.start + 1
            ),
        );
    }
}

fn build_report(
    inputs: &[Input],
    docs: &[Doc],
    kinds: &[FileKind],
    plans: &[Plan],
    global: &Plan,
    new_files: Vec<NewFile>,
) -> Report {
    let n = inputs.len();
    let mut report = Report::default();
    let mut taken = std::collections::HashSet::new();
    for (i, input) in inputs.iter().enumerate() {
        let table = docs[i].table();
        let applied = apply(table, &plans[i].splices);
        let origins = applied
            .origins
            .iter()
            .map(|o| match *o {
                LineOrigin::Kept(l) => Some(Origin {
                    file: i,
                    line: l + 1,
                    written: false,
                }),
                LineOrigin::Written(l) => Some(Origin {
                    file: i,
                    line: (l + 1).min(table.len().max(1)),
                    written: true,
                }),
            })
            .collect();
        let name = unique_name(&output_name(&input.name, kinds[i]), &mut taken);
        for draft in &plans[i].notes {
            report
                .notes
                .push(note_of(draft, Some(i), &applied.written, n));
        }
        for &c in &applied.conflicts {
            report.notes.push(Note {
                severity: Severity::Error,
                rule: rules::INPUT_PROBLEM.id,
                input: Some(i),
                lines: Lines::from_range(plans[i].splices[c].removed()),
                output: None,
                output_lines: None,
                message: "Two changes wanted the same lines; the second was not made. Please report this input.".into(),
                guide: rules::INPUT_PROBLEM.guide,
            });
        }
        report.files.push(OutputFile {
            input: Some(input.name.clone()),
            original: Some(input.text.clone()),
            kind: kinds[i],
            output: name,
            changed: applied.text != input.text,
            text: applied.text,
            origins,
        });
    }
    for draft in &global.notes {
        report.notes.push(note_of(draft, None, &[], n));
    }
    for file in new_files {
        let eol = file
            .lines
            .iter()
            .find_map(|l| l.origin)
            .map(|(i, _)| docs[i].table().preferred_eol().as_str())
            .unwrap_or("\n");
        let mut text = String::new();
        for l in &file.lines {
            text.push_str(&l.text);
            text.push_str(eol);
        }
        let origins = file
            .lines
            .iter()
            .map(|l| {
                l.origin.map(|(f, line)| Origin {
                    file: f,
                    line: line + 1,
                    written: true,
                })
            })
            .collect();
        let name = unique_name(&file.name, &mut taken);
        report.files.push(OutputFile {
            input: None,
            original: None,
            kind: file.kind,
            output: name,
            text,
            changed: true,
            origins,
        });
    }
    report
}

fn note_of(
    draft: &Draft,
    input: Option<usize>,
    written: &[std::ops::Range<usize>],
    n_inputs: usize,
) -> Note {
    let mut output = None;
    let mut output_lines = None;
    if !draft.splices.is_empty() {
        output = input;
        let (mut lo, mut hi) = (usize::MAX, 0);
        for &s in &draft.splices {
            if let Some(r) = written.get(s) {
                if !r.is_empty() {
                    lo = lo.min(r.start);
                    hi = hi.max(r.end);
                }
            }
        }
        if lo < hi {
            output_lines = Lines::from_range(lo..hi);
        }
    }
    if let Some((k, r)) = &draft.new_file {
        output = Some(n_inputs + k);
        output_lines = Lines::from_range(r.clone());
    }
    Note {
        severity: draft.severity,
        rule: draft.rule.id,
        input,
        lines: draft.lines.clone().and_then(Lines::from_range),
        output,
        output_lines,
        message: draft.message.clone(),
        guide: draft.rule.guide,
    }
}

/// The base name a converted input is saved under.
fn output_name(name: &str, kind: FileKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    if !base.is_empty() && base != "-" {
        return base.to_string();
    }
    match kind {
        FileKind::HubHttpd => "kojihub.conf",
        FileKind::WebHttpd => "kojiweb.conf",
        FileKind::Httpd => "koji-httpd.conf",
        FileKind::HubConf => "hub.conf",
        FileKind::WebConf => "web.conf",
        FileKind::KojidConf => "kojid.conf",
        FileKind::ClientConf => "koji.conf",
        FileKind::Sql => "schema.sql",
        FileKind::Unknown => "input.txt",
    }
    .to_string()
}

/// `name`, or `stem-2.ext`, `stem-3.ext`, … when an earlier file already has it.
fn unique_name(name: &str, taken: &mut std::collections::HashSet<String>) -> String {
    let mut candidate = name.to_string();
    let mut k = 2;
    while taken.contains(&candidate) {
        candidate = match name.rfind('.') {
            Some(dot) if dot > 0 => format!("{}-{k}{}", &name[..dot], &name[dot..]),
            _ => format!("{name}-{k}"),
        };
        k += 1;
    }
    taken.insert(candidate.clone());
    candidate
}
