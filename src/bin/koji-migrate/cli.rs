//! The driver: parse the arguments, read the inputs, give them to `migrate_owned`, write the files
//! of `--out`, print the report (as JSON, or as the notes, the checklist and the diffs, through the
//! buffered [`Out`]) and choose the exit code. The printing itself is in the modules below, one
//! part each.

mod args;
mod ascii;
mod diff;
mod json;
mod lines;
mod notes;
mod plain;
mod secrets;

use annotate_snippets::Renderer;
use args::Cli;
use clap::{CommandFactory, Parser};
use diff::diffs;
use json::json;
use koji_migrate::rules::{self, rule};
use koji_migrate::{migrate_owned, Input, Options, Report, Target};
use lines::FileLines;
use notes::diagnostics;
use secrets::SecretLines;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

pub fn main() -> ExitCode {
    // Usage errors exit 2 (clap's code), --help and --version 0.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = if cli.list_rules {
        list_rules()
    } else if let Some(id) = &cli.explain {
        explain(id)
    } else {
        let mut options = Options {
            from: cli.from,
            keep_pkgurl: cli.keep_pkgurl,
            ..Options::default()
        };
        if cli.mod_python {
            options.target = Target::ModPython;
        }
        if let Some(to) = cli.to {
            options.to = to;
        }
        options.choices.skip_rules = cli.skip.clone();
        options.choices.only_rules = cli.only.clone();
        if let Some(conflict) = options.conflict() {
            let e = Cli::command().error(clap::error::ErrorKind::ArgumentConflict, conflict);
            let _ = e.print();
            return ExitCode::from(2);
        }
        run(&cli, &options)
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("koji-migrate: {e}");
            ExitCode::from(2)
        }
    }
}

fn list_rules() -> Result<ExitCode, String> {
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

fn explain(id: &str) -> Result<ExitCode, String> {
    // The value parser let only known ids through.
    let Some(r) = rule(id) else {
        return Err(format!("no rule '{id}' (see --list-rules)"));
    };
    write_out(
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
    .map(|_| ExitCode::SUCCESS)
}

fn write_out(bytes: &[u8]) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|_| stdout.flush())
        .or_else(output_error)
}

/// A closed pipe (`| head`) is not an error worth a message.
fn output_error(e: std::io::Error) -> Result<(), String> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(format!("writing to standard output: {e}"))
    }
}

/// The printed report, written as it is made: text gathers in `buf` and goes out in pieces
/// of [`Out::CHUNK`] bytes, so that the report (15 MB for a 100,000-line file) is never
/// held whole. After an error, the rest is dropped and [`Out::finish`] reports it.
struct Out<W: Write> {
    buf: String,
    w: W,
    error: Option<std::io::Error>,
}

impl<W: Write> Out<W> {
    const CHUNK: usize = 1 << 16;

    fn new(w: W) -> Self {
        Out {
            buf: String::with_capacity(Self::CHUNK + 4096),
            w,
            error: None,
        }
    }

    /// Writes out what `buf` holds once it is a chunk.
    fn spill(&mut self) {
        if self.buf.len() >= Self::CHUNK {
            self.write_buf();
        }
    }

    fn write_buf(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.w.write_all(self.buf.as_bytes()) {
                self.error = Some(e);
            }
        }
        self.buf.clear();
    }

    fn finish(mut self) -> Result<(), String> {
        self.write_buf();
        match self.error.take() {
            Some(e) => Err(e),
            None => self.w.flush(),
        }
        .or_else(output_error)
    }
}

fn read_input(path: &std::path::Path) -> Result<Input, String> {
    let name = path.to_string_lossy();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("reading standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{name}: {e}"))?
    };
    Ok(Input::from_byte_vec(name, bytes))
}

fn run(cli: &Cli, options: &Options) -> Result<ExitCode, String> {
    let inputs = cli
        .files
        .iter()
        .map(|f| read_input(f))
        .collect::<Result<Vec<_>, _>>()?;
    // The inputs are given away: their texts become the report's originals, not copies.
    let report = migrate_owned(inputs, options);
    if let Some(dir) = &cli.out {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for f in &report.files {
            let path = dir.join(&f.output);
            std::fs::write(&path, &f.text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        // The checklist beside the files, unless an output is called that already.
        if !report.files.iter().any(|f| f.output == "README.txt") {
            let path = dir.join("README.txt");
            let readme = koji_migrate::checklist::readme(&report, options.from, options.to);
            std::fs::write(&path, readme).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if cli.json {
        write_out(json(&report).as_bytes())?;
    } else {
        // Colour only for a person at a terminal (and not against NO_COLOR): never in pipes,
        // files or tests.
        let colour = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let renderer = if colour {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = Out::new(std::io::stdout().lock());
        // Secrets are masked unless shown: which input lines may hold one, found once.
        let mut secrets = (!cli.show_secrets).then(|| SecretLines::new(&report));
        let mut files = FileLines::new(&report);
        diagnostics(
            &report,
            &mut files,
            secrets.as_mut(),
            &renderer,
            !colour,
            &mut out,
        );
        checklist(&report, cli.out.is_some(), &mut out.buf);
        if cli.out.is_none() {
            // Without --out: the notes, then the diffs.
            diffs(&report, files, secrets.as_mut(), &mut out);
        }
        out.finish()?;
        // Left to the process's end, as the report below.
        std::mem::forget(secrets);
    }
    let code = if cli.check && report.needs_migration() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    // Everything is written (the files closed, standard output flushed) and the process
    // ends with this: its memory goes back to the system whole. Freeing the report's tens
    // of thousands of allocations one at a time first cost about a million instructions
    // for a 100,000-line file.
    std::mem::forget(report);
    Ok(code)
}

/// The manual steps after the notes (with `--out`, where README.txt holds them too).
fn checklist(report: &Report, out: bool, s: &mut String) {
    if report.steps.is_empty() {
        return;
    }
    s.push_str("\nThen, by hand");
    s.push_str(if out {
        " (also in README.txt):\n"
    } else {
        ":\n"
    });
    for (k, step) in report.steps.iter().enumerate() {
        s.push_str(&format!("  {}. {}\n", k + 1, step.title));
        for line in step.command.iter().flat_map(|c| c.lines()) {
            s.push_str(&format!("       $ {line}\n"));
        }
    }
}
