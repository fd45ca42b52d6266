//! The manual checklist: what remains for the admin after the files are converted, in the order
//! to do it. Part of the [`Report`] (`Report::steps`), so every shell shows the same list: the
//! page as a checklist and in "download all", the CLI after the notes and as README.txt with
//! `--out`.

use crate::koji::Release;
use crate::options::{Options, Target};
use crate::report::{FileId, FileKind, Report, Step};

/// The release from which the hub and koji-web run on Python 3 only (and their hosts on systemd).
const PYTHON3_ONLY: Release = Release::known(22);

/// Every [`Step::id`] the checklist writes: where a step read back as bytes (the page's worker,
/// [`crate::wire`]) finds its `&'static str` again.
pub const STEP_IDS: [&str; 8] = [
    "install-mod-wsgi",
    "schema-upgrade",
    "koji-schema-upgrades",
    "hub-conf",
    "secret",
    "web-conf-permissions",
    "install-converted",
    "restart-httpd",
];

/// The steps for this result, in the order to do them.
pub(crate) fn steps(report: &Report, options: &Options) -> Vec<Step> {
    let files = &report.files;
    let created = |kind: FileKind| {
        files
            .iter()
            .position(|f| f.input.is_none() && f.kind == kind)
    };
    let mut out = Vec::new();
    // A site already on 1.7 or later runs mod_wsgi.
    if options.target == Target::ModWsgi && options.from.is_none_or(|f| f < Release::V1_7) {
        out.push(Step {
            id: "install-mod-wsgi",
            title: "Install mod_wsgi".into(),
            detail: format!(
                "Koji {} serves the hub and the web interface through mod_wsgi. mod_python can \
                 be removed once nothing else on this httpd uses it.",
                options.to
            ),
            // From 1.22 the hub and web run on Python 3 only.
            command: Some(
                if options.to >= PYTHON3_ONLY {
                    "dnf install python3-mod_wsgi"
                } else {
                    "yum install mod_wsgi"
                }
                .into(),
            ),
            file: None,
        });
    }
    if let Some(k) = created(FileKind::Sql) {
        let name = &files[k].output;
        out.push(Step {
            id: "schema-upgrade",
            title: "Upgrade the database schema".into(),
            detail: format!(
                "Run {name} once, as the owner of the Koji database, before starting the {} hub \
                 (database and role names as on your site). It runs in one transaction.",
                options.to
            ),
            command: Some(crate::rules::schema::psql_command()),
            file: Some(FileId::new(k)),
        });
    }
    let koji_steps: Vec<&crate::koji::schema_chain::DbStep> = report
        .database
        .iter()
        .filter(|s| !s.own && !s.commands.is_empty())
        .collect();
    if let (Some(first), Some(last)) = (koji_steps.first(), koji_steps.last()) {
        if files.iter().any(|f| f.kind == FileKind::Sql)
            || report.notes.iter().any(|n| {
                n.rule == "db-schema-upgrade" && n.severity == crate::report::Severity::Action
            })
        {
            out.push(Step {
                id: "koji-schema-upgrades",
                title: format!(
                    "Upgrade the database from {} to {} with Koji's scripts",
                    first.from, last.to
                ),
                detail: format!(
                    "One after the other, as the database owner, before starting the {} hub; the \
                     notes list the known pitfalls of some steps.",
                    options.to
                ),
                command: Some(
                    koji_steps
                        .iter()
                        .flat_map(|s| s.commands.iter().cloned())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                file: None,
            });
        }
    }
    if let Some(k) = created(FileKind::HubConf) {
        out.push(Step {
            id: "hub-conf",
            title: "Install the new hub.conf".into(),
            detail: "The hub's PythonOptions moved into a new hub.conf: review it and install it \
                     as /etc/koji-hub/hub.conf."
                .into(),
            command: None,
            file: Some(FileId::new(k)),
        });
    }
    let web_conf = created(FileKind::WebConf).or_else(|| {
        files
            .iter()
            .position(|f| f.kind == FileKind::WebConf && f.changed)
    });
    if let Some(k) = web_conf {
        let secret_unset = files[k].text.lines().any(|l| {
            let l = l.trim();
            l.starts_with("Secret") && l.contains("CHANGE_ME")
        });
        out.push(Step {
            id: "secret",
            title: "Set a real Secret in web.conf".into(),
            detail: if secret_unset {
                "web.conf still has Secret = CHANGE_ME: replace it with a long random value, \
                 known only to this server."
                    .into()
            } else {
                "Check that the Secret in web.conf is a long random value, known only to this \
                 server."
                    .into()
            },
            command: Some("openssl rand -base64 30".into()),
            file: Some(FileId::new(k)),
        });
        out.push(Step {
            id: "web-conf-permissions",
            title: "Install web.conf readable by httpd only".into(),
            detail:
                "web.conf holds the Secret: install it as /etc/kojiweb/web.conf, owned by root, \
                     group apache, not world-readable."
                    .into(),
            command: Some(
                "install -o root -g apache -m 0640 web.conf /etc/kojiweb/web.conf".into(),
            ),
            file: Some(FileId::new(k)),
        });
    }
    if files.iter().any(|f| f.input.is_some() && f.changed) {
        out.push(Step {
            id: "install-converted",
            title: "Install the converted files".into(),
            detail:
                "Replace each original with its converted version (keep a copy of the old one)."
                    .into(),
            command: None,
            file: None,
        });
    }
    out.push(Step {
        id: "restart-httpd",
        title: "Restart httpd (and kojid on the builders)".into(),
        detail: "Check the httpd configuration first; then restart, and open the web interface \
                 and run a scratch build to check."
            .into(),
        command: Some("apachectl configtest && apachectl graceful".into()),
        file: None,
    });
    out
}

/// The README.txt written beside the files (the page's "download all", the CLI's `--out`):
/// the files, the steps, and the notes that need the admin. `from` is the release the admin
/// named, if any.
pub fn readme(report: &Report, from: Option<Release>, to: Release) -> String {
    let title = match from {
        Some(f) => format!("Koji {f} to {to} migration, prepared by koji-migrate"),
        None => format!("Koji {to} migration, prepared by koji-migrate"),
    };
    let mut s = format!(
        "{title}\n{}\n\nFiles in this archive:\n",
        "=".repeat(title.len())
    );
    for f in &report.files {
        let what = match &f.input {
            Some(name) if f.changed => format!("converted from {name}"),
            Some(name) => format!("{name}, unchanged"),
            None => format!("new: {}", f.kind.label()),
        };
        s.push_str(&format!("  {}  ({what})\n", f.output));
    }
    s.push_str("\nManual steps\n------------\n");
    for (k, step) in report.steps.iter().enumerate() {
        s.push_str(&format!(
            "\n{}. {}\n   {}\n",
            k + 1,
            step.title,
            step.detail
        ));
        if let Some(cmd) = &step.command {
            for line in cmd.lines() {
                s.push_str(&format!("   $ {line}\n"));
            }
        }
    }
    let notes = report.notes_by_severity();
    let to_do: Vec<_> = notes
        .iter()
        .filter(|n| n.severity >= crate::report::Severity::Action)
        .collect();
    if !to_do.is_empty() {
        s.push_str("\nNotes that need you\n-------------------\n");
        for n in to_do {
            let place = match (n.input, n.lines) {
                (Some(i), Some(l)) => format!("{} line {l}: ", file_name(report, i)),
                (Some(i), None) => format!("{}: ", file_name(report, i)),
                _ => String::new(),
            };
            s.push_str(&format!(
                "\n[{}] {place}{}\n   See: {} <{}>\n",
                n.severity.as_str(),
                n.message,
                n.guide.title(),
                n.guide.url()
            ));
        }
    }
    s
}

/// How a file of the report is named for people: its input's name, else its output's.
fn file_name(report: &Report, id: FileId) -> &str {
    report
        .file(id)
        .map(|f| {
            f.input
                .as_deref()
                .filter(|n| !n.is_empty())
                .unwrap_or(&f.output)
        })
        .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    /// Every step id this file writes (its `id` fields) is in [`super::STEP_IDS`], which the wire
    /// relies on.
    #[test]
    fn step_ids_lists_every_id_written() {
        let source = include_str!("checklist.rs");
        let written: Vec<&str> = source
            .split("id: \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert_eq!(written.len(), super::STEP_IDS.len(), "{written:?}");
        for id in written {
            assert!(super::STEP_IDS.contains(&id), "{id} is not in STEP_IDS");
        }
    }
}
