//! The manual steps that remain after the files are converted, built from the result.
//! Shown as a checklist on the page and written as README.txt into "download all".

use super::state::Converted;
use crate::{FileKind, Target};

/// One thing the admin must do by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: &'static str,
    pub title: String,
    pub detail: String,
    /// A shell command to run, if there is one.
    pub command: Option<String>,
    /// A report file this step is about (offered for download).
    pub file: Option<usize>,
}

/// The steps for this result, in the order to do them.
pub fn steps(c: &Converted) -> Vec<Step> {
    let files = &c.report.files;
    let created = |kind: FileKind| {
        files
            .iter()
            .position(|f| f.input.is_none() && f.kind == kind)
    };
    let mut out = Vec::new();
    // A site already on 1.7 or later runs mod_wsgi.
    if c.target == Target::ModWsgi && c.from.is_none_or(|f| f < crate::Release::V1_7) {
        out.push(Step {
            id: "install-mod-wsgi",
            title: "Install mod_wsgi".into(),
            detail: format!(
                "Koji {} serves the hub and the web interface through mod_wsgi. mod_python can \
                 be removed once nothing else on this httpd uses it.",
                c.to
            ),
            command: Some("yum install mod_wsgi".into()),
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
                c.to
            ),
            command: Some(crate::rules::schema::psql_command()),
            file: Some(k),
        });
    }
    if let Some(k) = created(FileKind::HubConf) {
        out.push(Step {
            id: "hub-conf",
            title: "Install the new hub.conf".into(),
            detail: "The hub's PythonOptions moved into a new hub.conf: review it and install it \
                     as /etc/koji-hub/hub.conf."
                .into(),
            command: None,
            file: Some(k),
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
            command: Some(
                "python -c 'import os, base64; print(base64.b64encode(os.urandom(30)))'".into(),
            ),
            file: Some(k),
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
            file: Some(k),
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
        command: Some("apachectl configtest && service httpd restart".into()),
        file: None,
    });
    out
}

/// The README.txt of "download all".
pub fn readme(c: &Converted) -> String {
    let title = match c.from {
        Some(f) => format!("Koji {f} to {} migration, prepared by koji-migrate", c.to),
        None => format!("Koji {} migration, prepared by koji-migrate", c.to),
    };
    let mut s = format!(
        "{title}\n{}\n\nFiles in this archive:\n",
        "=".repeat(title.len())
    );
    for f in &c.report.files {
        let what = match &f.input {
            Some(name) if f.changed => format!("converted from {name}"),
            Some(name) => format!("{name}, unchanged"),
            None => format!("new: {}", f.kind.label()),
        };
        s.push_str(&format!("  {}  ({what})\n", f.output));
    }
    s.push_str("\nManual steps\n------------\n");
    for (k, step) in steps(c).iter().enumerate() {
        s.push_str(&format!(
            "\n{}. {}\n   {}\n",
            k + 1,
            step.title,
            step.detail
        ));
        if let Some(cmd) = &step.command {
            s.push_str(&format!("   $ {cmd}\n"));
        }
    }
    let notes = c.report.notes_by_severity();
    let to_do: Vec<_> = notes
        .iter()
        .filter(|n| n.severity >= crate::Severity::Action)
        .collect();
    if !to_do.is_empty() {
        s.push_str("\nNotes that need you\n-------------------\n");
        for n in to_do {
            let place = match (n.input, n.lines) {
                (Some(i), Some(l)) => format!("{} line {l}: ", c.file_name(i)),
                (Some(i), None) => format!("{}: ", c.file_name(i)),
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
