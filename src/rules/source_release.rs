//! `source-release`: which release the files were written for, read from what they show.
//!
//! Config rules work from the state of each file, so the conversion does not need the source
//! release; the database steps and the notes about changed defaults do. When the admin does not
//! name it (`--from`), the files often show a range: mod_python's `XMLRPC` Alias means 1.6 or
//! older, `kojixmlrpc.py` 1.7–1.31, `kojiapp.py` 1.32 or later, a `web.conf` 1.7 or later,
//! kojid's `pkgurl` without `topurl` 1.6 or older. The oldest release of that range is assumed
//! (so no database step is missed) and said; when the admin's `--from` falls outside it, a
//! warning says so.

use super::Rule;
use crate::httpd::HttpdConfig;
use crate::ini::IniDocument;
use crate::koji::Release;
use crate::report::{FileKind, Guide};
use crate::rules::context::Doc;

pub static RULE: Rule = Rule {
    id: "source-release",
    release: Release::V1_7,
    summary: "Tell which release the files were written for",
    guide: Guide::DbSchemaUpdates,
    explanation: explained!("The database upgrade starts at the release the site runs. When you do not name it, the files tell a range (mod_python's XMLRPC Alias: 1.6 or older; kojixmlrpc.py: 1.7 to 1.31; kojiapp.py: 1.32 or later; a web.conf: 1.7 or later) and the oldest release of that range is assumed, so that no database step is missed. When the release you name is outside the range the files show, you are told."),
    rejecting: None,
};

/// The releases the files fit, and what showed it (for people).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shown {
    pub oldest: Release,
    pub newest: Release,
    pub because: Vec<String>,
}

impl Shown {
    fn narrow(&mut self, oldest: Release, newest: Release, because: String) {
        self.oldest = self.oldest.max(oldest);
        self.newest = self.newest.min(newest);
        self.because.push(because);
    }
}

fn r(minor: u8) -> Release {
    Release::new(minor).unwrap_or(Release::OLDEST)
}

/// What the inputs show, `None` when nothing does.
pub(crate) fn shown(docs: &[Doc], kinds: &[FileKind], names: &[&str]) -> Option<Shown> {
    let mut s = Shown {
        oldest: Release::OLDEST,
        newest: Release::NEWEST,
        because: Vec::new(),
    };
    for ((doc, &kind), name) in docs.iter().zip(kinds).zip(names) {
        match doc {
            Doc::Httpd(cfg) => httpd(cfg, name, &mut s),
            Doc::Ini(ini) => ini_evidence(ini, kind, name, &mut s),
            Doc::Opaque(_) => {}
        }
    }
    (!s.because.is_empty()).then_some(s)
}

fn httpd(cfg: &HttpdConfig, name: &str, s: &mut Shown) {
    for a in cfg.find_all("Alias") {
        let target = cfg.directive(a).and_then(|d| d.arg(1)).unwrap_or("");
        let line = cfg.items[a].lines().start + 1;
        if target.ends_with("koji-hub/XMLRPC") {
            s.narrow(
                Release::OLDEST,
                r(6),
                format!(
                    "{name} line {line}: the hub Alias names mod_python's XMLRPC (1.6 or older)"
                ),
            );
        } else if target.ends_with("/kojixmlrpc.py") {
            s.narrow(
                Release::V1_7,
                r(31),
                format!("{name} line {line}: the hub Alias names kojixmlrpc.py (1.7 to 1.31)"),
            );
        } else if target.ends_with("/kojiapp.py") {
            s.narrow(
                r(32),
                Release::NEWEST,
                format!("{name} line {line}: the hub Alias names kojiapp.py (1.32 or later)"),
            );
        } else if target.ends_with("/wsgi_publisher.py") {
            s.narrow(
                Release::V1_7,
                Release::NEWEST,
                format!("{name} line {line}: the web Alias names wsgi_publisher.py (1.7 or later)"),
            );
        }
    }
}

fn ini_evidence(ini: &IniDocument, kind: FileKind, name: &str, s: &mut Shown) {
    match kind {
        FileKind::WebConf => s.narrow(
            Release::V1_7,
            Release::NEWEST,
            format!("{name}: a web.conf (1.7 or later)"),
        ),
        FileKind::KojidConf => {
            let has = |k| ini.find("kojid", k).next().is_some();
            if has("pkgurl") && !has("topurl") {
                s.narrow(
                    Release::OLDEST,
                    r(6),
                    format!("{name}: kojid's pkgurl without topurl (1.6 or older)"),
                );
            } else if has("topurl") {
                s.narrow(
                    Release::V1_7,
                    Release::NEWEST,
                    format!("{name}: kojid's topurl (1.7 or later)"),
                );
            }
        }
        _ => {}
    }
}
