//! The one entry point: [`migrate`] takes the admin's files and returns the [`Report`].

use crate::detect::detect;
use crate::httpd::HttpdConfig;
use crate::ini::IniDocument;
use crate::report::{Change, FileKind, Lines, Note, Origin, OutputFile, Report, Severity};
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub target: Target,
    /// The release being upgraded from (default 1.6).
    pub from: FromRelease,
    /// Keep `pkgurl` beside the new `topurl` (rolling upgrade: works on 1.6 and 1.7 builders).
    pub keep_pkgurl: bool,
    /// Which proposed changes to make (default: all).
    pub choices: Choices,
}

/// The admin's verdicts on proposed changes. A rejected change leaves its input lines exactly as
/// they were; changes that depend on a rejected one are rejected with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices {
    /// Reject every change of these rules (`--skip RULE`).
    pub skip_rules: Vec<String>,
    /// When not empty, make only the changes of these rules, and what they depend on (`--only`).
    pub only_rules: Vec<String>,
    /// Reject these changes, by [`crate::Change::id`] (the page's toggles).
    pub reject_changes: Vec<usize>,
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
        let plan = &mut plans[i];
        let quiet = plan.changes.is_empty()
            && !plan.notes.iter().any(|n| {
                n.severity >= Severity::Action || std::ptr::eq(n.rule, &rules::ALREADY_MIGRATED)
            });
        if quiet && kind != FileKind::Unknown {
            plan.note(
                &rules::ALREADY_MIGRATED,
                Severity::Info,
                None,
                "Nothing in this file needs to change for Koji 1.7.".into(),
            );
        }
        docs.push(doc);
        kinds.push(kind);
    }

    rules::cross_file::check(&facts, &mut plans);
    rules::schema::add(options, &mut new_files, &mut global);

    build_report(
        inputs,
        &docs,
        &kinds,
        &plans,
        &global,
        new_files,
        &options.choices,
    )
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

/// Decides, for every proposed change (by report-wide id), whether it is made; `Some(reason)`
/// when it is not.
fn resolve_choices(plans: &[Plan], base: &[usize], choices: &Choices) -> Vec<Option<String>> {
    let all: Vec<(usize, &rules::ChangeDraft)> = plans
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.changes.iter().map(move |c| (i, c)))
        .collect();
    let global = |i: usize, local: usize| base[i] + local;
    let mut verdict: Vec<Option<String>> = vec![None; all.len()];
    // --only: the named rules' changes and, transitively, what they need.
    if !choices.only_rules.is_empty() {
        let mut wanted: Vec<bool> = all
            .iter()
            .map(|(_, c)| choices.only_rules.iter().any(|r| r == c.rule.id))
            .collect();
        let mut grew = true;
        while grew {
            grew = false;
            for (g, (i, c)) in all.iter().enumerate() {
                if wanted[g] {
                    for &d in &c.depends_on {
                        if !wanted[global(*i, d)] {
                            wanted[global(*i, d)] = true;
                            grew = true;
                        }
                    }
                }
            }
        }
        for (g, w) in wanted.iter().enumerate() {
            if !w {
                verdict[g] = Some("not among the rules chosen with --only".into());
            }
        }
    }
    for (g, (_, c)) in all.iter().enumerate() {
        if choices.skip_rules.iter().any(|r| r == c.rule.id) {
            verdict[g] = Some(format!("rule {} skipped", c.rule.id));
        }
        if choices.reject_changes.contains(&g) {
            verdict[g] = Some("rejected by you".into());
        }
    }
    // Rejection spreads to whatever depends on a rejected change.
    let mut spread = true;
    while spread {
        spread = false;
        for (g, (i, c)) in all.iter().enumerate() {
            if verdict[g].is_some() {
                continue;
            }
            if let Some(&d) = c
                .depends_on
                .iter()
                .find(|&&d| verdict[global(*i, d)].is_some())
            {
                verdict[g] = Some(format!(
                    "it needs change {}, which is not made",
                    global(*i, d)
                ));
                spread = true;
            }
        }
    }
    verdict
}

fn build_report(
    inputs: &[Input],
    docs: &[Doc],
    kinds: &[FileKind],
    plans: &[Plan],
    global: &Plan,
    new_files: Vec<NewFile>,
    choices: &Choices,
) -> Report {
    let n = inputs.len();
    let mut base = Vec::with_capacity(plans.len());
    let mut total = 0;
    for p in plans {
        base.push(total);
        total += p.changes.len();
    }
    let verdicts = resolve_choices(plans, &base, choices);
    let accepted = |i: usize, local: usize| verdicts[base[i] + local].is_none();

    // Created files whose change was rejected are not created; the others get their final index.
    let mut new_index: Vec<Option<usize>> = Vec::with_capacity(new_files.len());
    let mut next = n;
    for f in &new_files {
        let kept = f.created_by.is_none_or(|(i, c)| accepted(i, c));
        new_index.push(kept.then(|| {
            next += 1;
            next - 1
        }));
    }

    let mut report = Report::default();
    let mut taken = std::collections::HashSet::new();
    for (i, input) in inputs.iter().enumerate() {
        let plan = &plans[i];
        let table = docs[i].table();
        // Only accepted changes' splices are applied; remember where each one went.
        let mut owner = vec![None; plan.splices.len()];
        for (c, change) in plan.changes.iter().enumerate() {
            for &s in &change.splices {
                owner[s] = Some(c);
            }
        }
        let mut position = vec![None; plan.splices.len()];
        let mut kept = Vec::new();
        for (s, splice) in plan.splices.iter().enumerate() {
            if owner[s].is_none_or(|c| accepted(i, c)) {
                position[s] = Some(kept.len());
                kept.push(splice.clone());
            }
        }
        let applied = apply(table, &kept);
        let written_by = |c: usize| -> Option<Lines> {
            let (mut lo, mut hi) = (usize::MAX, 0);
            for &s in &plan.changes[c].splices {
                if let Some(r) = position[s].and_then(|p| applied.written.get(p)) {
                    if !r.is_empty() {
                        lo = lo.min(r.start);
                        hi = hi.max(r.end);
                    }
                }
            }
            (lo < hi).then(|| Lines::from_range(lo..hi)).flatten()
        };
        // Once per change: a change can have thousands of splices and be cited by thousands of notes.
        let written: Vec<Option<Lines>> = (0..plan.changes.len()).map(written_by).collect();
        for (c, change) in plan.changes.iter().enumerate() {
            let g = base[i] + c;
            report.changes.push(Change {
                id: g,
                rule: change.rule.id,
                input: i,
                lines: Lines::from_range(change.lines.clone()),
                output_lines: written[c],
                depends_on: change.depends_on.iter().map(|&d| base[i] + d).collect(),
                accepted: verdicts[g].is_none(),
                rejected_because: verdicts[g].clone(),
            });
            if let (Some(why), Some(consequence)) =
                (&verdicts[g], rules::consequence_of_rejecting(change.rule))
            {
                report.notes.push(Note {
                    severity: Severity::Warning,
                    rule: change.rule.id,
                    input: Some(i),
                    lines: Lines::from_range(change.lines.clone()),
                    output: None,
                    output_lines: None,
                    message: format!("Not changed ({why}): {consequence}"),
                    guide: change.rule.guide,
                    change: Some(g),
                });
            }
        }
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
        for draft in &plan.notes {
            let change = draft
                .change
                .map(|c| (base[i] + c, accepted(i, c), written[c]));
            report
                .notes
                .push(note_of(draft, Some(i), change, &new_index));
        }
        for &c in &applied.conflicts {
            report.notes.push(Note {
                severity: Severity::Error,
                rule: rules::INPUT_PROBLEM.id,
                input: Some(i),
                lines: Lines::from_range(kept[c].removed()),
                output: None,
                output_lines: None,
                message: "Two changes wanted the same lines; the second was not made. Please report this input.".into(),
                guide: rules::INPUT_PROBLEM.guide,
                change: None,
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
        report.notes.push(note_of(draft, None, None, &new_index));
    }
    for (file, index) in new_files.into_iter().zip(&new_index) {
        if index.is_none() {
            continue;
        }
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

/// The note for `draft`; `change` is (report-wide id, accepted, output lines it wrote).
fn note_of(
    draft: &Draft,
    input: Option<usize>,
    change: Option<(usize, bool, Option<Lines>)>,
    new_index: &[Option<usize>],
) -> Note {
    let mut output = None;
    let mut output_lines = None;
    if let Some((_, true, lines)) = change {
        output = input;
        output_lines = lines;
    }
    let made = change.is_none_or(|(_, accepted, _)| accepted);
    if let (Some((k, r)), true) = (&draft.new_file, made) {
        if let Some(index) = new_index.get(*k).copied().flatten() {
            output = Some(index);
            output_lines = Lines::from_range(r.clone());
        }
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
        change: change.map(|(id, _, _)| id),
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
