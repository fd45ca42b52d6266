//! The migration rules: one file per rule, every rule with a stable id.
//!
//! A rule reads a parsed document (`context::Doc`) and writes into a [`Plan`] through its
//! `context::Ctx`: splices (edits of input lines) and drafts of notes, each note tied to the
//! splices it explains so that the report can point at the output lines they wrote. Rules never
//! print text themselves and never touch other files' plans; created files (`web.conf`,
//! `hub.conf`, the SQL) are [`NewFile`]s.
//!
//! Each rule lives in `r1_N/<rule_id>.rs`, N being the release whose change it makes (`r1_7/` for
//! the move to Koji 1.7): a doc comment (what, why, before/after, where its logic is), `pub
//! static RULE` (its [`Rule`]) and the logic that is its own. What several rules of one file kind
//! share stays in one helper per kind (`hub_httpd`, `web_httpd`, `web_settings`, `web_conf`,
//! `kojid_conf`, `client_conf`, `pkgurl`, `cross_file`, `schema`, `httpd_edit`, `percent`).
//! The registries are plain lists: `RULES_1_7` below (the documented order) and
//! `releases::REGISTRY` for later releases; [`all`] and [`rule`] read them.
//!
//! Layers: the rules use the documents, Koji's vocabulary, the report's data types and the
//! options, never the pipeline (`migrate`), which calls them (see `tests/layers.rs`).
//!
//! To add a 1.7 rule: write `r1_7/<rule_id>.rs` (id in kebab-case, never reused; its explanation
//! inside `explained!(…)`), add one line to `RULES_1_7`, call its logic from the helper of its
//! file kind, give it a fixture folder `tests/rules/<rule-id>/` (and a corpus case under
//! `tests/corpus/`).

pub mod client_conf;
pub(crate) mod context;
pub mod cross_file;
pub(crate) mod httpd_edit;
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
pub(crate) mod r1_7;
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

/// The rules of the move to Koji 1.7, in the order they are documented.
static RULES_1_7: &[&Rule] = &[
    &r1_7::input_problem::RULE,
    &r1_7::input_kind::RULE,
    &r1_7::already_migrated::RULE,
    &r1_7::hub_alias_wsgi::RULE,
    &r1_7::hub_handler_wsgi::RULE,
    &r1_7::hub_configfile_setenv::RULE,
    &r1_7::hub_options_to_hub_conf::RULE,
    &r1_7::hub_options_ignored::RULE,
    &r1_7::hub_conf_percent::RULE,
    &r1_7::ifmodule_wsgi::RULE,
    &r1_7::web_alias_wsgi::RULE,
    &r1_7::web_handler_wsgi::RULE,
    &r1_7::web_handler_mod_python::RULE,
    &r1_7::web_removed_handlers::RULE,
    &r1_7::web_options_to_web_conf::RULE,
    &r1_7::web_configfile::RULE,
    &r1_7::web_libpath::RULE,
    &r1_7::web_debug::RULE,
    &r1_7::web_files_url::RULE,
    &r1_7::web_unknown_option::RULE,
    &r1_7::web_greeting::RULE,
    &r1_7::web_secret::RULE,
    &r1_7::web_theme_alias::RULE,
    &r1_7::kojid_pkgurl_topurl::RULE,
    &r1_7::client_pkgurl_topurl::RULE,
    &r1_7::client_krbservice::RULE,
    &r1_7::db_schema_upgrade::RULE,
    &r1_7::cross_files_url::RULE,
    &r1_7::cross_hub_url::RULE,
];

/// What the target release does with the configuration when a change of `rule` is not made, for
/// the rules whose changes it cannot do without ([`Rule::rejecting`]); `None` for the others.
pub fn consequence_of_rejecting(rule: &Rule) -> Option<&'static str> {
    rule.rejecting
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
        // One change can bring tens of thousands (web.conf's moved settings): room made once.
        self.splices.reserve(splices.len());
        self.changes[change].splices.reserve(splices.len());
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

/// Values that must never appear in a note: option names whose values are secrets (`secret`,
/// or holding `pass`, or ending in `token`, in any case). Compared byte by byte, without
/// lowering a copy: the CLI's masking asks it up to three times for every line it prints.
pub fn is_secret_key(name: &str) -> bool {
    let b = name.as_bytes();
    b.eq_ignore_ascii_case(b"secret")
        || b.windows(4).any(|w| w.eq_ignore_ascii_case(b"pass"))
        || b.len()
            .checked_sub(5)
            .is_some_and(|at| b[at..].eq_ignore_ascii_case(b"token"))
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

    /// The byte-by-byte test says what a lowered copy of the name would.
    #[test]
    fn secret_key_test_agrees_with_a_lowered_copy() {
        let mut names = vec![
            String::new(),
            "Secret".into(),
            "SECRETS".into(),
            "xsecret".into(),
            "DBPass".into(),
            "password".into(),
            "PaS".into(),
            "AuthToken".into(),
            "token".into(),
            "TOKENS".into(),
            "oken".into(),
            "t\u{f6}ken".into(),
            "\u{e9}pass\u{e9}".into(),
            "KrbMethodK5Passwd".into(),
            "ProxyPass".into(),
        ];
        for word in ["secret", "pass", "token", "sEcReT", "PASS", "ToKeN"] {
            for pad in ["", "x", "\u{e9}", "K_", "token"] {
                names.push(format!("{pad}{word}"));
                names.push(format!("{word}{pad}"));
                names.push(format!("{pad}{word}{pad}"));
                names.push(format!("{pad}{}", &word[1..]));
            }
        }
        for name in &names {
            let n = name.to_ascii_lowercase();
            let lowered = n == "secret" || n.contains("pass") || n.ends_with("token");
            assert_eq!(super::is_secret_key(name), lowered, "{name:?}");
        }
    }

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
