//! The Koji 1.7 migration rules: one module per kind of file, every rule with a stable id.
//!
//! A rule reads a parsed document and writes into a [`Plan`]: splices (edits of input lines) and
//! drafts of notes, each note tied to the splices it explains so that the report can point at
//! the output lines they wrote. Rules never print text themselves and never touch other files'
//! plans; created files (`web.conf`, `hub.conf`, the SQL) are [`NewFile`]s.
//!
//! To add a rule: add its [`Rule`] to [`RULES`] (id in kebab-case, never reused), write the logic
//! in the module of the file kind it reads, give it a fixture under `tests/corpus/`.

pub mod client_conf;
pub mod cross_file;
pub(crate) mod httpd_edit;
pub mod hub_conf;
pub mod hub_httpd;
pub mod kojid_conf;
pub(crate) mod option_tables;
pub(crate) mod percent;
pub mod pkgurl;
pub(crate) mod r1_11;
pub(crate) mod r1_12;
pub(crate) mod r1_13;
pub(crate) mod r1_17;
pub(crate) mod r1_18;
pub(crate) mod r1_19;
pub(crate) mod r1_25;
pub(crate) mod r1_32;
pub(crate) mod r1_35;
pub(crate) mod release_notices;
pub(crate) mod releases;
pub mod schema;
pub(crate) mod source_release;
pub mod web_conf;
pub mod web_httpd;
pub mod web_settings;

use crate::koji::Release;
use crate::report::{FileKind, Guide, Severity};
use crate::text::Splice;
use std::ops::Range;

/// A migration rule: what it is called, what it does, where the guide explains it.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable kebab-case id (used by `--json`, `--explain`, and the page).
    pub id: &'static str,
    /// One line, for lists.
    pub summary: &'static str,
    pub guide: Guide,
    /// Why the rule exists and what it does, in a few sentences.
    pub explanation: &'static str,
    /// The Koji release whose change the rule applies.
    pub release: Release,
    /// What the target release does when a change of this rule is not made, for rules whose
    /// changes it cannot do without.
    pub rejecting: Option<&'static str>,
}

macro_rules! rules {
    ($($name:ident = $id:literal, $guide:ident, $summary:literal, $explanation:literal;)*) => {
        $(pub static $name: Rule = Rule { id: $id, summary: $summary, guide: Guide::$guide, explanation: explained!($explanation), release: Release::V1_7, rejecting: None };)*
        /// The rules of the move to Koji 1.7, in the order they are documented.
        static RULES_1_7: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    INPUT_PROBLEM = "input-problem", WebConfiguration,
        "Report input that Apache or Python would refuse",
        "Lines that Apache (unclosed or stray sections, open quotes) or Python's RawConfigParser (options outside a section, lines that are not options) would refuse are reported with their line number and left exactly as they were; the rest of the file is still converted.";
    INPUT_KIND = "input-kind", WebConfiguration,
        "Say what kind of file each input is",
        "Each input is classified from its content (the file name only breaks ties): koji-hub or koji-web httpd config, hub.conf, web.conf, kojid.conf or a koji client config. Files of unknown kind are passed through unchanged, with the reason.";
    ALREADY_MIGRATED = "already-migrated", MigratingToModWsgi,
        "Recognise files that are already in 1.7 form",
        "A file that already has the 1.7 shape (a wsgi handler, topurl instead of pkgurl, a web.conf) needs nothing and is left byte for byte as it was.";
    HUB_ALIAS_WSGI = "hub-alias-wsgi", MigratingToModWsgi,
        "Point the /kojihub Alias at kojixmlrpc.py",
        "Koji 1.6 aliased /kojihub to /usr/share/koji-hub/XMLRPC, a name only mod_python's handler could resolve. mod_wsgi needs the real script, so the Alias target becomes kojixmlrpc.py in the same directory.";
    HUB_HANDLER_WSGI = "hub-handler-wsgi", MigratingToModWsgi,
        "Serve koji-hub with mod_wsgi instead of mod_python",
        "In the hub's <Directory>, SetHandler mod_python becomes SetHandler wsgi-script with Options ExecCGI, and the mod_python directives (PythonHandler, PythonDebug, PythonAutoReload, PythonOption) are removed: without mod_python loaded, Apache would refuse to start on them.";
    HUB_CONFIGFILE_SETENV = "hub-configfile-setenv", CustomConfigFileLocation,
        "Keep a custom hub.conf location with SetEnv",
        "Under mod_wsgi the hub finds its config through the environment variable koji.hub.ConfigFile (default /etc/koji-hub/hub.conf). A PythonOption ConfigFile naming another path becomes SetEnv koji.hub.ConfigFile with that path; the default path needs nothing.";
    HUB_OPTIONS_TO_HUB_CONF = "hub-options-to-hub-conf", MigratingToModWsgi,
        "Move legacy hub PythonOptions into hub.conf",
        "A hub configured only through PythonOptions (no ConfigFile) cannot be configured that way under mod_wsgi. Each option moves to a new hub.conf, section [hub], with its value unchanged.";
    HUB_OPTIONS_IGNORED = "hub-options-ignored", MigratingToModWsgi,
        "Report hub PythonOptions that Koji already ignored",
        "When PythonOption ConfigFile is set, Koji reads only hub.conf and ignores every other hub PythonOption. They are removed with the other mod_python directives; if their values matter, copy them into hub.conf yourself.";
    HUB_CONF_PERCENT = "hub-conf-percent", MigratingToModWsgi,
        "Write out hub.conf values that 1.6 expanded with % interpolation",
        "Koji 1.6 read hub.conf with Python 2's ConfigParser, which expands a value containing %(: %(name)s becomes the option name, %% becomes %. Koji 1.7 reads it raw. Each such value is replaced by what 1.6 saw; values without %( were read the same by both and stay as they are. When 1.6 could not expand a value either, you are asked to write it out.";
    IFMODULE_WSGI = "ifmodule-wsgi", MigratingToModWsgi,
        "Switch <IfModule mod_python.c> wrappers of Koji sections to mod_wsgi",
        "A Koji section wrapped in <IfModule mod_python.c> is skipped entirely once mod_python is no longer loaded, so the hub or web would silently vanish. Under mod_wsgi the wrapper tests for mod_wsgi instead.";
    WEB_ALIAS_WSGI = "web-alias-wsgi", MigratingToModWsgi,
        "Point the koji-web Alias at wsgi_publisher.py",
        "Koji 1.7's web interface is the script wsgi_publisher.py; the Alias that served the scripts directory now names that script, in both mod_wsgi and mod_python mode.";
    WEB_HANDLER_WSGI = "web-handler-wsgi", MigratingToModWsgi,
        "Serve koji-web with mod_wsgi instead of mod_python",
        "In koji-web's scripts <Directory>, SetHandler mod_python becomes SetHandler wsgi-script with Options ExecCGI, and every mod_python directive is removed (their settings move to web.conf).";
    WEB_HANDLER_MOD_PYTHON = "web-handler-mod-python", StayingOnModPython,
        "Use the wsgi_publisher handler under mod_python",
        "Staying on mod_python, koji-web's PythonHandler must be wsgi_publisher: kojiweb.publisher and mod_python.publisher no longer work with 1.7.";
    WEB_REMOVED_HANDLERS = "web-removed-handlers", StayingOnModPython,
        "Remove handlers whose modules 1.7 deleted",
        "Koji 1.7 deleted the modules kojiweb.publisher and kojiweb.handlers. A PythonHandler or PythonCleanupHandler naming them would fail every request, in either mode, so those lines are removed.";
    WEB_OPTIONS_TO_WEB_CONF = "web-options-to-web-conf", WebConfiguration,
        "Move koji-web PythonOptions into web.conf",
        "Koji 1.7 reads koji-web's settings from /etc/kojiweb/web.conf, section [web]. Each PythonOption becomes a line Name = value there, with the value exactly as Apache passed it; the PythonOption lines leave the httpd config.";
    WEB_CONFIGFILE = "web-configfile", CustomConfigFileLocation,
        "Tell koji-web where web.conf is",
        "Under mod_wsgi a web.conf outside /etc/kojiweb/web.conf is named with SetEnv koji.web.ConfigFile. Under mod_python, web.conf is read only if PythonOption koji.web.ConfigFile names it, so that line is always added in mod_python mode.";
    WEB_LIBPATH = "web-libpath", WebConfiguration,
        "Turn PythonPath into LibPath",
        "koji-web's library directory was added to Python's path with PythonPath \"sys.path + ['…/lib']\". In 1.7 it is the web.conf option LibPath.";
    WEB_DEBUG = "web-debug", WebConfiguration,
        "Turn PythonDebug into the web.conf boolean",
        "The httpd directive PythonDebug On|Off becomes PythonDebug = True|False in web.conf. Under mod_python the httpd directive stays and still takes precedence.";
    WEB_FILES_URL = "web-files-url", UrlOptions,
        "Replace KojiPackagesURL, KojiMavenURL and KojiImagesURL by KojiFilesURL",
        "Koji 1.7 ignores the three old URL options and builds every file link from KojiFilesURL, the URL of the top of /mnt/koji: packages under /packages, images under /images. KojiFilesURL is deduced when the old URLs agree on that top; when they do not, the conflict is shown and the old lines are kept for you to decide.";
    WEB_UNKNOWN_OPTION = "web-unknown-option", WebConfiguration,
        "Report PythonOptions Koji 1.7 does not read",
        "An option Koji 1.7 does not know is still copied into web.conf (it is harmless there) and reported, so nothing is dropped silently.";
    WEB_GREETING = "web-greeting", WebConfiguration,
        "KojiGreeting needs 1.7.1",
        "KojiGreeting is kept in web.conf, but Koji 1.7.0 does not read it (fixed in 1.7.1).";
    WEB_SECRET = "web-secret", WebConfiguration,
        "Require a real Secret",
        "koji-web signs login cookies with Secret. A missing Secret or the stock CHANGE_ME must be replaced by a long random value. The cookie format changed in 1.7, so every web user has to log in again after the upgrade.";
    WEB_THEME_ALIAS = "web-theme-alias", WebThemes,
        "Keep theme aliases; mention KojiTheme",
        "httpd Aliases that override koji-web's static files keep working in 1.7 and are left alone. The new way is KojiTheme = NAME in web.conf, which serves /usr/share/koji-web/static/themes/NAME/.";
    KOJID_PKGURL_TOPURL = "kojid-pkgurl-topurl", UrlOptions,
        "Replace kojid's pkgurl by topurl",
        "kojid 1.7 refuses to start without topurl, the URL of the top of /mnt/koji, and ignores pkgurl. When pkgurl ends in /packages, topurl is that URL without it; an existing topurl wins and pkgurl goes; otherwise you are asked for the URL.";
    CLIENT_PKGURL_TOPURL = "client-pkgurl-topurl", UrlOptions,
        "Replace the client's pkgurl by topurl, in every profile",
        "The koji 1.7 client ignores pkgurl and reads topurl, in every profile section. The same deduction as for kojid applies to each section.";
    CLIENT_KRBSERVICE = "client-krbservice", UrlOptions,
        "Mention krbservice for Kerberos profiles",
        "Koji 1.7 builds the hub's Kerberos principal as <krbservice>/<hub host>@<realm>, krbservice defaulting to host. A profile that authenticates with Kerberos may need krbservice set.";
    DB_SCHEMA_UPGRADE = "db-schema-upgrade", DbSchemaUpdates,
        "Upgrade the database schema",
        "Koji 1.7 adds the tables volume and tag_updates and the column build.volume_id. The migration writes that upgrade as SQL in one transaction, to run as the database owner before starting the 1.7 hub.";
    CROSS_FILES_URL = "cross-files-url", UrlOptions,
        "Check topurl and KojiFilesURL against the httpd aliases of /mnt/koji",
        "topurl and KojiFilesURL must be URLs under which /mnt/koji is served. When the httpd configs given alias /mnt/koji, the URLs' paths are compared with those aliases.";
    CROSS_HUB_URL = "cross-hub-url", UrlOptions,
        "Check KojiHubURL against kojid's and the client's server",
        "koji-web, kojid and the client should all reach the same hub; differing URLs are reported (they can be right, e.g. an internal name).";
}

/// What Koji 1.7 does with the configuration when a change of `rule` is not made, for the rules
/// whose changes 1.7 cannot do without; `None` for the others.
pub fn consequence_of_rejecting(rule: &Rule) -> Option<&'static str> {
    if rule.rejecting.is_some() {
        return rule.rejecting;
    }
    Some(match rule.id {
        "web-removed-handlers" | "web-handler-mod-python" => {
            "the handler names a module Koji 1.7 deleted, so every koji-web request fails."
        }
        "web-handler-wsgi" | "hub-handler-wsgi" => {
            "the section stays on mod_python, whose directives Apache refuses once mod_python is not loaded."
        }
        "web-alias-wsgi" => "the Alias does not reach wsgi_publisher.py, koji-web 1.7's only entry point.",
        "hub-alias-wsgi" => "mod_wsgi cannot serve the XMLRPC name, so the hub is unreachable.",
        "web-options-to-web-conf" => {
            "koji-web 1.7 needs web.conf (under mod_wsgi a missing one is a hard error), and PythonOptions do not reach it there."
        }
        "web-configfile" => {
            "koji-web does not find web.conf (and under mod_wsgi Apache refuses the PythonOption line that stays)."
        }
        "hub-configfile-setenv" | "hub-options-to-hub-conf" | "hub-options-ignored" | "web-unknown-option" => {
            "its PythonOption lines stay, and Apache refuses them once mod_python is not loaded."
        }
        "kojid-pkgurl-topurl" => "kojid 1.7 refuses to start without topurl.",
        "ifmodule-wsgi" => "the section inside is skipped once mod_python is gone, and that part of Koji disappears.",
        _ => return None,
    })
}

/// The rules that check across releases rather than make one release's change.
static CHECKS: &[&Rule] = &[
    &source_release::RULE,
    &option_tables::RULE,
    &release_notices::RULE,
];

/// Every rule, by release (1.7 first, in the order they are documented).
pub fn all() -> impl Iterator<Item = &'static Rule> + Clone {
    RULES_1_7
        .iter()
        .copied()
        .chain(
            if cfg!(feature = "releases") {
                CHECKS
            } else {
                &[]
            }
            .iter()
            .copied(),
        )
        .chain(
            if cfg!(feature = "releases") {
                releases::REGISTRY
            } else {
                &[]
            }
            .iter()
            .map(|r| r.rule),
        )
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
}

/// A note before it knows its output lines.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub severity: Severity,
    pub rule: &'static Rule,
    /// Input lines (0-based) it is about.
    pub lines: Option<Range<usize>>,
    /// The change (index into [`Plan::changes`]) it explains; its output lines are the change's.
    pub change: Option<usize>,
    /// Lines (0-based) of a created file it explains: (index into the new files, lines).
    pub new_file: Option<(usize, Range<usize>)>,
    pub message: String,
    /// The guide that explains it, when not the rule's own (a rule that checks every release
    /// links the release of each finding).
    pub guide: Option<Guide>,
}

/// A change before it has its report-wide id: one rule applied at one place of one input.
#[derive(Debug, Clone)]
pub(crate) struct ChangeDraft {
    pub rule: &'static Rule,
    /// Input lines (0-based) it touches.
    pub lines: Range<usize>,
    /// Indices into [`Plan::splices`].
    pub splices: Vec<usize>,
    /// Changes of the same plan it needs: rejecting one of them rejects this one.
    pub depends_on: Vec<usize>,
}

/// Everything the rules want done to one input.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    pub splices: Vec<Splice>,
    pub changes: Vec<ChangeDraft>,
    pub notes: Vec<Draft>,
    /// What the splices do to each input line, for [`Plan::touches`]; kept by
    /// [`Plan::add_splices`] (and ignored when `splices` grew any other way).
    touched: Touched,
}

/// Per input line, what the first `indexed` splices of a plan do there: without it
/// [`Plan::touches`] scanned every splice, which was quadratic in the changes of an input.
#[derive(Debug, Clone, Default)]
struct Touched {
    indexed: usize,
    /// Bits [`Touched::REMOVED`], [`Touched::INSIDE`], [`Touched::INSERTED`] per line.
    lines: Vec<u8>,
}

impl Touched {
    /// A splice removes this line.
    const REMOVED: u8 = 1;
    /// A splice removes this line and the one before it (`at < line < at + remove`).
    const INSIDE: u8 = 2;
    /// A splice that removes nothing is anchored at this line.
    const INSERTED: u8 = 4;

    fn add(&mut self, s: &Splice) {
        let r = s.removed();
        if self.lines.len() <= r.end {
            self.lines.resize(r.end + 1, 0);
        }
        if r.is_empty() {
            self.lines[r.start] |= Self::INSERTED;
        }
        for l in r.clone() {
            self.lines[l] |= Self::REMOVED;
            if l > r.start {
                self.lines[l] |= Self::INSIDE;
            }
        }
        self.indexed += 1;
    }

    /// `Plan::touches`, the same answer as a scan of the splices: some `r` with
    /// `r.start < lines.end && lines.start < r.end`.
    fn touches(&self, lines: &Range<usize>) -> bool {
        let flag = |l: usize, bit: u8| self.lines.get(l).is_some_and(|f| f & bit != 0);
        if lines.is_empty() {
            // Only a splice that removes the lines on both sides of the point.
            flag(lines.start, Self::INSIDE)
        } else {
            lines
                .clone()
                .any(|l| flag(l, Self::REMOVED) || (l > lines.start && flag(l, Self::INSERTED)))
        }
    }
}

impl Plan {
    /// Records `splices` as one change made by `rule`, explained by one note about `lines`;
    /// returns the change's index in this plan.
    pub fn change(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        lines: Range<usize>,
        splices: Vec<Splice>,
        message: String,
    ) -> usize {
        let c = self.begin_change(rule, lines.clone());
        self.add_splices(c, splices);
        self.notes.push(Draft {
            severity,
            rule,
            lines: Some(lines),
            change: Some(c),
            new_file: None,
            message,
            guide: None,
        });
        c
    }

    /// Opens a change whose splices come later ([`Plan::add_splices`]).
    pub fn begin_change(&mut self, rule: &'static Rule, lines: Range<usize>) -> usize {
        self.changes.push(ChangeDraft {
            rule,
            lines,
            splices: Vec::new(),
            depends_on: Vec::new(),
        });
        self.changes.len() - 1
    }

    pub fn add_splices(&mut self, change: usize, splices: Vec<Splice>) {
        for s in splices {
            self.changes[change].splices.push(self.splices.len());
            if self.touched.indexed == self.splices.len() {
                self.touched.add(&s);
            }
            self.splices.push(s);
        }
    }

    /// Declares that `change` needs `on`.
    pub fn depends(&mut self, change: usize, on: usize) {
        self.depend_on_all(change, &[on]);
    }

    /// This plan's changes made by `rule` so far.
    pub fn changes_of(&self, rule: &'static Rule) -> Vec<usize> {
        (0..self.changes.len())
            .filter(|&c| std::ptr::eq(self.changes[c].rule, rule))
            .collect()
    }

    /// Declares that `change` needs every change in `on`.
    pub fn depend_on_all(&mut self, change: usize, on: &[usize]) {
        let deps = &mut self.changes[change].depends_on;
        deps.extend(on.iter().copied().filter(|&o| o != change));
        // Sorted and unique, in one pass per call rather than a search per dependency.
        deps.sort_unstable();
        deps.dedup();
    }

    /// One more note about an existing change (e.g. from a later release's rule).
    pub fn note_change(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        change: usize,
        message: String,
    ) {
        let lines = self.changes[change].lines.clone();
        self.notes.push(Draft {
            severity,
            rule,
            lines: Some(lines),
            change: Some(change),
            new_file: None,
            message,
            guide: None,
        });
    }

    /// Links the last note written to `guide` instead of its rule's.
    pub fn guide_last(&mut self, guide: Guide) {
        if let Some(n) = self.notes.last_mut() {
            n.guide = Some(guide);
        }
    }

    /// Whether a change of this plan already rewrites or removes any of `lines` (the lines its
    /// splices remove, not the span its note names, which may cover lines in between).
    pub fn touches(&self, lines: &Range<usize>) -> bool {
        if self.touched.indexed == self.splices.len() && lines.start <= lines.end {
            return self.touched.touches(lines);
        }
        self.splices.iter().any(|s| {
            let r = s.removed();
            r.start < lines.end && lines.start < r.end
        })
    }

    /// A note that changes nothing.
    pub fn note(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        lines: Option<Range<usize>>,
        message: String,
    ) {
        self.notes.push(Draft {
            severity,
            rule,
            lines,
            change: None,
            new_file: None,
            message,
            guide: None,
        });
    }

    /// A note about lines of a created file (and the input lines they come from), made by
    /// `change` when it has one.
    pub fn note_new_file(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        lines: Option<Range<usize>>,
        new_file: (usize, Range<usize>),
        change: Option<usize>,
        message: String,
    ) {
        self.notes.push(Draft {
            severity,
            rule,
            lines,
            change,
            new_file: Some(new_file),
            message,
            guide: None,
        });
    }
}

/// One line of a created file and the input line (0-based) it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewLine {
    pub text: String,
    pub origin: Option<(usize, usize)>,
}

/// A file the migration creates (`web.conf`, `hub.conf`, the schema upgrade).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewFile {
    pub name: String,
    pub kind: FileKind,
    pub lines: Vec<NewLine>,
    /// The change that creates it, as (input, index in that input's plan): no file when it is
    /// rejected. `None` for files every migration has (the SQL).
    pub created_by: Option<(usize, usize)>,
}

impl NewFile {
    pub fn new(name: &str, kind: FileKind) -> Self {
        NewFile {
            name: name.to_string(),
            kind,
            lines: Vec::new(),
            created_by: None,
        }
    }
    /// Appends a line; returns its 0-based index.
    pub fn push(&mut self, text: impl Into<String>, origin: Option<(usize, usize)>) -> usize {
        self.lines.push(NewLine {
            text: text.into(),
            origin,
        });
        self.lines.len() - 1
    }
}

/// The URL written where the top of `/mnt/koji` cannot be deduced: `.invalid` never resolves
/// (RFC 2606), so neither kojid nor koji-web can mistake it for a real server, and the action
/// note beside it says what to put there.
pub const FILES_URL_PLACEHOLDER: &str = "https://CHANGE-ME.invalid/kojifiles";

/// Whether Python 2's RawConfigParser, which Koji 1.7 ran on, would cut `value` short: it takes
/// a `;` after a blank as the start of a comment (Python 3's does not, so our reader keeps it).
pub(crate) fn py2_cuts(value: &str) -> bool {
    value
        .match_indices(';')
        .any(|(i, _)| value[..i].ends_with(char::is_whitespace))
}

/// Values that must never appear in a note: option names whose values are secrets.
pub fn is_secret_key(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n == "secret" || n.contains("pass") || n.contains("password") || n.ends_with("token")
}

/// A URL for a note: any `user:password@` part is hidden.
pub fn redact_url(url: &str) -> String {
    if let Some(scheme_end) = url.find("://") {
        let rest = &url[scheme_end + 3..];
        let host_end = rest.find('/').unwrap_or(rest.len());
        // A password with a '/' in it is not valid in a URL, but admins write it: then the '@'
        // comes after the first '/', and the ':' before that '/' is not followed by a port.
        let slashed_password = || {
            let colon = rest[..host_end].find(':')?;
            let port = &rest[colon + 1..host_end];
            let at = rest.rfind('@')?;
            (port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit())).then_some(at)
        };
        if let Some(at) = rest[..host_end].rfind('@').or_else(slashed_password) {
            return format!("{}://…@{}", &url[..scheme_end], &rest[at + 1..]);
        }
    }
    url.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_explained() {
        let mut seen = std::collections::HashSet::new();
        for r in all() {
            assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.id
            );
            assert!(r.explanation.len() > r.summary.len());
            assert_eq!(rule(r.id), Some(r));
        }
    }

    #[test]
    fn python_2_cuts_at_blank_semicolon() {
        assert!(py2_cuts("Koji ; the build system"));
        assert!(py2_cuts("a\t;b"));
        assert!(!py2_cuts("a;b"));
        assert!(!py2_cuts("plain"));
    }

    #[test]
    fn urls_lose_their_passwords() {
        assert_eq!(redact_url("http://u:pw@h/x"), "http://…@h/x");
        assert_eq!(redact_url("http://h/x@y"), "http://h/x@y");
        assert_eq!(redact_url("http://u:pa/ss@h/x"), "http://…@h/x");
        assert_eq!(redact_url("http://h:8080/x@y"), "http://h:8080/x@y");
    }

    /// The per-line index answers `touches` exactly as the scan of every splice did.
    #[test]
    fn touched_index_agrees_with_a_scan() {
        let scan = |plan: &Plan, lines: &Range<usize>| {
            plan.splices.iter().any(|s| {
                let r = s.removed();
                r.start < lines.end && lines.start < r.end
            })
        };
        let shapes = [
            (0, 0),
            (1, 1),
            (2, 0),
            (2, 2),
            (3, 1),
            (5, 3),
            (6, 0),
            (9, 4),
            (3, 0),
        ];
        for n in 0..shapes.len() {
            let mut plan = Plan::default();
            let c = plan.begin_change(any_rule(), 0..1);
            plan.add_splices(
                c,
                shapes[..=n]
                    .iter()
                    .map(|&(at, remove)| Splice::remove(at, remove))
                    .collect(),
            );
            for start in 0..16 {
                for end in start..16 {
                    assert_eq!(
                        plan.touches(&(start..end)),
                        scan(&plan, &(start..end)),
                        "{start}..{end} after {n}"
                    );
                }
            }
        }
    }

    fn any_rule() -> &'static Rule {
        all().next().expect("rules")
    }
}
