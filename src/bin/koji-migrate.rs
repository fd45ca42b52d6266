//! The command-line shell around the core: read files, call `migrate`, print or write the result.
//!
//! Contract (other tools depend on it):
//! `koji-migrate [--mod-python] [--out DIR] [--json] [--check] FILE...`; exit 0 on success,
//! 1 with `--check` when a file needs migrating, 2 on usage or I/O errors.
#![forbid(unsafe_code)]

use koji_migrate::diff::DiffModel;
use koji_migrate::rules::{self, rule};
use koji_migrate::{migrate, Input, Note, Options, Release, Report, Target};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: koji-migrate [OPTIONS] FILE...

Migrates Koji configuration files (httpd configs, hub.conf, web.conf, kojid.conf, koji client
configs) from the Koji release they were written for to a later one (by default the newest,
1.35), and explains every change. FILE may be - for standard input.

options:
  --mod-python      stay on mod_python (deprecated) instead of moving to mod_wsgi
  --out DIR         write every converted input and every new file (web.conf, hub.conf, SQL) into DIR
  --json            print the report as one JSON object
  --check           exit 1 if any file needs migrating
  --from RELEASE    the Koji release you upgrade from (1.3 … 1.34; default: what the files show)
  --to RELEASE      the Koji release to migrate to (1.7 … 1.35; default 1.35, the newest)
  --keep-pkgurl     keep pkgurl beside the new topurl (rolling upgrade of builders)
  --show-secrets    print secret values in diffs (masked by default; written files keep them)
  --skip RULE       do not make the changes of RULE (repeatable; what depends on them is skipped too)
  --only RULE       make only the changes of RULE and what they need (repeatable)
  --list-rules      list every rule with its id
  --explain RULE    explain one rule
  -h, --help        this text
  -V, --version     the version
";

struct Args {
    options: Options,
    out: Option<PathBuf>,
    json: bool,
    check: bool,
    show_secrets: bool,
    files: Vec<String>,
}

enum Command {
    Migrate(Args),
    ListRules,
    Explain(String),
    Help,
    Version,
}

fn parse_args(argv: Vec<String>) -> Result<Command, String> {
    let mut args = Args {
        options: Options::default(),
        out: None,
        json: false,
        check: false,
        show_secrets: false,
        files: Vec::new(),
    };
    let mut it = argv.into_iter();
    let mut only_files = false;
    while let Some(a) = it.next() {
        if only_files || a == "-" || !a.starts_with('-') {
            args.files.push(a);
            continue;
        }
        match a.as_str() {
            "--" => only_files = true,
            "--mod-python" => args.options.target = Target::ModPython,
            "--json" => args.json = true,
            "--check" => args.check = true,
            "--show-secrets" => args.show_secrets = true,
            "--keep-pkgurl" => args.options.keep_pkgurl = true,
            "--out" => args.out = Some(it.next().ok_or("--out needs a directory")?.into()),
            "--from" | "--to" => {
                let v = it.next().ok_or(format!("{a} needs a release, e.g. 1.21"))?;
                let release = Release::parse(&v).ok_or(format!(
                    "{a}: unknown release '{v}' (koji-migrate knows {} … {})",
                    Release::OLDEST,
                    Release::NEWEST
                ))?;
                if a == "--from" {
                    args.options.from = Some(release);
                } else {
                    args.options.to = release;
                }
            }
            "--skip" | "--only" => {
                let id = it.next().ok_or(format!("{a} needs a rule id"))?;
                if rule(&id).is_none() {
                    return Err(format!("{a}: no rule '{id}' (see --list-rules)"));
                }
                let list = if a == "--skip" {
                    &mut args.options.choices.skip_rules
                } else {
                    &mut args.options.choices.only_rules
                };
                list.push(id);
            }
            "--list-rules" => return Ok(Command::ListRules),
            "--explain" => {
                return Ok(Command::Explain(
                    it.next().ok_or("--explain needs a rule id")?,
                ))
            }
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    if let Some(conflict) = args.options.conflict() {
        return Err(conflict);
    }
    if args.files.is_empty() {
        return Err("no FILE given".into());
    }
    Ok(Command::Migrate(args))
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args().skip(1).collect()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("koji-migrate: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => write_out(USAGE.as_bytes()).map(|_| ExitCode::SUCCESS),
        Command::Version => {
            write_out(format!("koji-migrate {}\n", env!("CARGO_PKG_VERSION")).as_bytes())
                .map(|_| ExitCode::SUCCESS)
        }
        Command::ListRules => {
            let mut s = String::new();
            let mut release = None;
            for r in rules::all() {
                if release != Some(r.release) {
                    release = Some(r.release);
                    s.push_str(&format!("Koji {}\n", r.release));
                }
                s.push_str(&format!(
                    "  {:<28} {}  [{}]\n",
                    r.id,
                    r.summary,
                    r.guide.title()
                ));
            }
            write_out(s.as_bytes()).map(|_| ExitCode::SUCCESS)
        }
        Command::Explain(id) => match rule(&id) {
            Some(r) => write_out(
                format!(
                    "{}: {}\n\n{}\n\nGuide: {} ({})\n",
                    r.id,
                    r.summary,
                    r.explanation,
                    r.guide.title(),
                    r.guide.url()
                )
                .as_bytes(),
            )
            .map(|_| ExitCode::SUCCESS),
            None => {
                eprintln!("koji-migrate: no rule '{id}' (see --list-rules)");
                Ok(ExitCode::from(2))
            }
        },
        Command::Migrate(args) => run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("koji-migrate: {e}");
            ExitCode::from(2)
        }
    }
}

fn write_out(bytes: &[u8]) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|_| stdout.flush())
        .or_else(|e| {
            // A closed pipe (`| head`) is not an error worth a message.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Ok(())
            } else {
                Err(format!("writing to standard output: {e}"))
            }
        })
}

fn read_input(name: &str) -> Result<Input, String> {
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("reading standard input: {e}"))?;
        buf
    } else {
        std::fs::read(name).map_err(|e| format!("{name}: {e}"))?
    };
    Ok(Input::from_bytes(name, &bytes))
}

fn run(args: Args) -> Result<ExitCode, String> {
    let inputs = args
        .files
        .iter()
        .map(|f| read_input(f))
        .collect::<Result<Vec<_>, _>>()?;
    let report = migrate(&inputs, &args.options);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for f in &report.files {
            let path = dir.join(&f.output);
            std::fs::write(&path, &f.text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if args.json {
        write_out(json(&report).as_bytes())?;
    } else if args.out.is_none() {
        write_out(human(&report, args.show_secrets).as_bytes())?;
    } else {
        write_out(notes_text(&report).as_bytes())?;
    }
    Ok(if args.check && report.needs_migration() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The file a note is about, by name, and its first line there.
fn note_place(report: &Report, n: &Note) -> (Option<String>, Option<usize>) {
    match (n.input, n.output) {
        (Some(i), _) => (report.files[i].input.clone(), n.lines.map(|l| l.first)),
        (None, Some(o)) => (
            Some(report.files[o].output.clone()),
            n.output_lines.map(|l| l.first),
        ),
        (None, None) => (None, None),
    }
}

fn json(report: &Report) -> String {
    use serde_json::{json, Value};
    let files: Vec<Value> = report
        .files
        .iter()
        .map(|f| json!({"input": f.input, "kind": f.kind.id(), "output": f.output, "changed": f.changed}))
        .collect();
    let notes: Vec<Value> = report
        .notes
        .iter()
        .map(|n| {
            let (file, line) = note_place(report, n);
            json!({
                "severity": n.severity.as_str(),
                "file": file,
                "line": line,
                "message": n.message,
                "guide": n.guide.title(),
                "rule": n.rule,
                "lines": n.lines.map(|l| [l.first, l.last]),
                "output_file": n.output.map(|o| report.files[o].output.clone()),
                "output_lines": n.output_lines.map(|l| [l.first, l.last]),
                "guide_url": n.guide.url(),
                "change": n.change,
                "skipped": n.change.is_some_and(|c| !report.changes[c].accepted),
            })
        })
        .collect();
    let changes: Vec<Value> = report
        .changes
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "rule": c.rule,
                "file": report.files[c.input].input,
                "lines": c.lines.map(|l| [l.first, l.last]),
                "output_lines": c.output_lines.map(|l| [l.first, l.last]),
                "depends_on": c.depends_on,
                "accepted": c.accepted,
                "rejected_because": c.rejected_because,
            })
        })
        .collect();
    let mut s = serde_json::to_string(
        &json!({"files": files, "notes": notes, "changes": changes, "database": report.database}),
    )
    .unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn notes_text(report: &Report) -> String {
    let mut s = String::new();
    for n in report.notes_by_severity() {
        let (file, line) = note_place(report, n);
        let place = match (file, line) {
            (Some(f), Some(l)) => format!("{f}:{l}: "),
            (Some(f), None) => format!("{f}: "),
            _ => String::new(),
        };
        let skipped = if n.change.is_some_and(|c| !report.changes[c].accepted) {
            "(not made) "
        } else {
            ""
        };
        s.push_str(&format!(
            "{}: {place}{skipped}{} [{}]\n",
            n.severity.as_str(),
            n.message,
            n.rule
        ));
    }
    s
}

fn human(report: &Report, show_secrets: bool) -> String {
    let mut s = notes_text(report);
    for f in &report.files {
        if !f.changed {
            continue;
        }
        let old_label = match (&f.original, &f.input) {
            (Some(_), Some(name)) => format!("a/{name}"),
            _ => "/dev/null".to_string(),
        };
        let new_label = match &f.input {
            Some(name) => format!("b/{name}"),
            None => format!("b/{}", f.output),
        };
        s.push('\n');
        let diff = DiffModel::of_file(f, 3).unified(&old_label, &new_label);
        if show_secrets {
            s.push_str(&diff);
        } else {
            // Printed output ends up in logs: secret values are masked (the files keep them).
            for line in diff.lines() {
                match line.split_at_checked(1) {
                    Some((mark @ (" " | "-" | "+"), rest))
                        if !line.starts_with("---") && !line.starts_with("+++") =>
                    {
                        s.push_str(mark);
                        s.push_str(&koji_migrate::mask::mask_line(rest));
                    }
                    _ => s.push_str(line),
                }
                s.push('\n');
            }
        }
    }
    s
}
