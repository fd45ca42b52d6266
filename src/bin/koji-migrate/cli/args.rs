//! The command line's arguments: [`Cli`] as clap parses it, the help and usage texts, and the
//! parsers of a release and a rule's id. Apart so that the options, the tool's contract, read in
//! one place.

use clap::Parser;
use koji_migrate::rules::rule;
use koji_migrate::Release;
use std::path::PathBuf;

const ABOUT: &str = "\
Migrates Koji configuration files (httpd configs, hub.conf, web.conf, kojid.conf, koji client
configs) from the Koji release they were written for to a later one (by default the newest, 1.35),
and explains every change. FILE may be - for standard input.";

const USAGE: &str = "koji-migrate [OPTIONS] <FILE>...
       koji-migrate --list-rules
       koji-migrate --explain <RULE>";

/// The arguments; `--help` lists them in this order.
#[derive(Parser, Debug)]
#[command(
    name = "koji-migrate",
    version,
    about = ABOUT,
    override_usage = USAGE,
    // `--to 1.7 --to 1.21` is 1.21, as it always was.
    args_override_self = true
)]
pub(super) struct Cli {
    /// Stay on mod_python (deprecated) instead of moving to mod_wsgi
    #[arg(long)]
    pub(super) mod_python: bool,
    /// Write every converted input and every new file (web.conf, hub.conf, SQL) into DIR
    #[arg(long, value_name = "DIR")]
    pub(super) out: Option<PathBuf>,
    /// Print the report as one JSON object
    #[arg(long)]
    pub(super) json: bool,
    /// Exit 1 if any file needs migrating
    #[arg(long)]
    pub(super) check: bool,
    /// The Koji release you upgrade from (1.3 … 1.34; default: what the files show)
    #[arg(long, value_name = "RELEASE", value_parser = release)]
    pub(super) from: Option<Release>,
    /// The Koji release to migrate to (1.7 … 1.35; default 1.35, the newest)
    #[arg(long, value_name = "RELEASE", value_parser = release)]
    pub(super) to: Option<Release>,
    /// Keep pkgurl beside the new topurl (rolling upgrade of builders)
    #[arg(long)]
    pub(super) keep_pkgurl: bool,
    /// Print secret values in diffs and shown lines (masked by default; written files keep them)
    #[arg(long)]
    pub(super) show_secrets: bool,
    /// Do not make the changes of RULE (repeatable; what depends on them is skipped too)
    #[arg(long, value_name = "RULE", value_parser = rule_id)]
    pub(super) skip: Vec<String>,
    /// Make only the changes of RULE and what they need (repeatable)
    #[arg(long, value_name = "RULE", value_parser = rule_id)]
    pub(super) only: Vec<String>,
    /// List every rule with its id
    #[arg(long)]
    pub(super) list_rules: bool,
    /// Explain one rule
    #[arg(long, value_name = "RULE", value_parser = rule_id)]
    pub(super) explain: Option<String>,
    /// A config file; - reads standard input
    #[arg(value_name = "FILE", required_unless_present_any = ["list_rules", "explain"])]
    pub(super) files: Vec<PathBuf>,
}

/// `--from`/`--to`: a release the tool knows.
fn release(v: &str) -> Result<Release, String> {
    Release::parse(v).ok_or(format!(
        "unknown release '{v}' (koji-migrate knows {} … {})",
        Release::OLDEST,
        Release::NEWEST
    ))
}

/// `--skip`/`--only`/`--explain`: a rule's id.
fn rule_id(id: &str) -> Result<String, String> {
    match rule(id) {
        Some(_) => Ok(id.to_string()),
        None => Err(format!("no rule '{id}' (see --list-rules)")),
    }
}
