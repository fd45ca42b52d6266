//! What a migration returns: the files it produced and the notes that explain them.
//!
//! The report is plain data (serde-serialisable) so the CLI prints it as JSON, the page renders it,
//! and tests compare it with golden files. Line numbers in notes are 1-based, as people count them.
//!
//! Files and changes refer to each other by typed ids, [`FileId`] and [`ChangeId`]: indices
//! into [`Report::files`] and [`Report::changes`] that serialise as the bare numbers.

use serde::Serialize;

/// A file of a [`Report`]: its index in [`Report::files`] (the inputs first, in the order given,
/// then the created files). Serialised as the bare number.
///
/// Meaningful only for the report it came from. [`Report::file`] looks one up without panicking
/// (what a shell holding an id across results uses); `report.files[id]` panics on an id of
/// another report, like any index out of bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct FileId(usize);

/// A change of a [`Report`]: its index in [`Report::changes`] ([`Change::id`]). Serialised as
/// the bare number. Stable for the same inputs and options, whatever is rejected, so
/// [`crate::Choices::reject_changes`] names changes by it.
///
/// Meaningful only for the inputs and options it came from: [`Report::change`] looks one up
/// without panicking; `report.changes[id]` panics on an id out of bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ChangeId(usize);

impl FileId {
    /// The file at `index` in [`Report::files`].
    pub const fn new(index: usize) -> FileId {
        FileId(index)
    }

    /// Its index in [`Report::files`].
    pub const fn index(self) -> usize {
        self.0
    }
}

impl ChangeId {
    /// The change at `index` in [`Report::changes`].
    pub const fn new(index: usize) -> ChangeId {
        ChangeId(index)
    }

    /// Its index in [`Report::changes`].
    pub const fn index(self) -> usize {
        self.0
    }
}

/// `report.files[id]`: panics when `id` is out of bounds (an id of another report).
impl std::ops::Index<FileId> for Vec<OutputFile> {
    type Output = OutputFile;

    fn index(&self, id: FileId) -> &OutputFile {
        &self[id.0]
    }
}

/// `report.changes[id]`: panics when `id` is out of bounds (an id of another report).
impl std::ops::Index<ChangeId> for Vec<Change> {
    type Output = Change;

    fn index(&self, id: ChangeId) -> &Change {
        &self[id.0]
    }
}

/// How much a note matters to the admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// What was changed and why; nothing to do.
    Info,
    /// Worth a look: a judgement call, or something 1.7 treats differently.
    Warning,
    /// The admin must do something (the tool could not know what).
    Action,
    /// The input is broken here; the region was left as it was.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Action => "action",
            Severity::Error => "error",
        }
    }
}

/// The kind of a configuration file, as detected from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// httpd config for koji-hub (`/etc/httpd/conf.d/kojihub.conf`).
    HubHttpd,
    /// httpd config for koji-web (`/etc/httpd/conf.d/kojiweb.conf`).
    WebHttpd,
    /// One httpd config holding both, or an httpd config of neither (an alias of /mnt/koji, a
    /// virtual host): the detection reason says which.
    Httpd,
    /// `/etc/koji-hub/hub.conf`.
    HubConf,
    /// `/etc/kojiweb/web.conf` (new in 1.7).
    WebConf,
    /// `/etc/kojid/kojid.conf`.
    KojidConf,
    /// `/etc/kojira/kojira.conf`: kojira's own file (section `[kojira]`), not a client profile.
    KojiraConf,
    /// `/etc/koji.conf`, `~/.koji/config`: one section per profile.
    ClientConf,
    /// The database schema upgrade written by the migration.
    Sql,
    Unknown,
}

impl FileKind {
    pub const ALL: [FileKind; 10] = [
        FileKind::HubHttpd,
        FileKind::WebHttpd,
        FileKind::Httpd,
        FileKind::HubConf,
        FileKind::WebConf,
        FileKind::KojidConf,
        FileKind::KojiraConf,
        FileKind::ClientConf,
        FileKind::Sql,
        FileKind::Unknown,
    ];

    /// The identifier used in `--json` output and by the page.
    pub fn id(self) -> &'static str {
        match self {
            FileKind::HubHttpd => "hub-httpd",
            FileKind::WebHttpd => "web-httpd",
            FileKind::Httpd => "httpd",
            FileKind::HubConf => "hub-conf",
            FileKind::WebConf => "web-conf",
            FileKind::KojidConf => "kojid-conf",
            FileKind::KojiraConf => "kojira-conf",
            FileKind::ClientConf => "client-conf",
            FileKind::Sql => "sql",
            FileKind::Unknown => "unknown",
        }
    }

    pub fn from_id(id: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::HubHttpd => "koji-hub httpd config",
            FileKind::WebHttpd => "koji-web httpd config",
            FileKind::Httpd => "httpd config",
            FileKind::HubConf => "hub.conf",
            FileKind::WebConf => "web.conf",
            FileKind::KojidConf => "kojid.conf",
            FileKind::KojiraConf => "kojira.conf",
            FileKind::ClientConf => "koji client config",
            FileKind::Sql => "database schema upgrade",
            FileKind::Unknown => "unknown",
        }
    }

    pub fn is_httpd(self) -> bool {
        matches!(
            self,
            FileKind::HubHttpd | FileKind::WebHttpd | FileKind::Httpd
        )
    }
}

/// The section of the upstream guide ("Migrating to Koji 1.7") a note derives from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Guide {
    DbSchemaUpdates,
    MigratingToModWsgi,
    StayingOnModPython,
    WebConfiguration,
    CustomConfigFileLocation,
    UrlOptions,
    WebThemes,
    /// Koji's migration guide for a later release ("Migrating to Koji 1.N").
    Migrating(crate::koji::Release),
    /// The release notes of a later release.
    ReleaseNotes(crate::koji::Release),
}

/// Where Koji publishes the guide; anchors are the section ids of that page.
pub const GUIDE_URL: &str = "https://docs.pagure.org/koji/migrating_to_1.7/";

/// Where Koji publishes its documentation.
const DOCS_URL: &str = "https://docs.pagure.org/koji";

impl Guide {
    pub fn title(self) -> String {
        match self.published() {
            Guide::Migrating(r) => return format!("Migrating to Koji {r}"),
            Guide::ReleaseNotes(r) => return format!("Koji {r} release notes"),
            _ => {}
        }
        match self {
            Guide::DbSchemaUpdates => "DB Schema Updates",
            Guide::MigratingToModWsgi => "Migrating to mod_wsgi",
            Guide::StayingOnModPython => "Staying on mod_python",
            Guide::WebConfiguration => "Web Configuration",
            Guide::CustomConfigFileLocation => "Custom Config File Location",
            Guide::UrlOptions => "Changes to url options",
            Guide::WebThemes => "Web Themes",
            Guide::Migrating(_) | Guide::ReleaseNotes(_) => "",
        }
        .to_string()
    }

    /// The release whose change the guide explains.
    pub fn release(self) -> crate::koji::Release {
        match self {
            Guide::Migrating(r) | Guide::ReleaseNotes(r) => r,
            _ => crate::koji::Release::V1_7,
        }
    }

    fn anchor(self) -> &'static str {
        match self {
            Guide::DbSchemaUpdates => "db-schema-updates",
            Guide::MigratingToModWsgi => "migrating-to-mod-wsgi",
            Guide::StayingOnModPython => "staying-on-mod-python",
            Guide::WebConfiguration => "web-configuration",
            Guide::CustomConfigFileLocation => "custom-config-file-location",
            Guide::UrlOptions => "changes-to-url-options",
            Guide::WebThemes => "web-themes",
            Guide::Migrating(_) | Guide::ReleaseNotes(_) => "",
        }
    }

    /// The guide as Koji publishes it: release notes exist from 1.13 on; for an earlier release
    /// its migration guide stands in.
    fn published(self) -> Guide {
        match self {
            Guide::ReleaseNotes(r) if r.minor() < 13 => Guide::Migrating(r),
            other => other,
        }
    }

    /// A link to the section in Koji's published documentation.
    pub fn url(self) -> String {
        match self.published() {
            Guide::Migrating(r) => format!("{DOCS_URL}/migrations/migrating_to_{r}/"),
            Guide::ReleaseNotes(r) => format!("{DOCS_URL}/release_notes/release_notes_{r}/"),
            _ => format!("{GUIDE_URL}#{}", self.anchor()),
        }
    }
}

/// An inclusive range of 1-based line numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Lines {
    pub first: usize,
    pub last: usize,
}

impl Lines {
    /// From a 0-based half-open range; `None` when empty.
    pub fn from_range(r: std::ops::Range<usize>) -> Option<Lines> {
        (r.end > r.start).then(|| Lines {
            first: r.start + 1,
            last: r.end,
        })
    }
}

impl std::fmt::Display for Lines {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

/// How notes are read: severity (most urgent first) and input in the first key, first line, then
/// position, as plain `(usize, usize, usize)` keys: the type the core's other sorts use (each
/// other one is another copy of the sort in the page's wasm, and slower to compare).
type NoteOrder = (usize, usize, usize);

/// One thing the admin must do by hand (see [`crate::checklist`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// Stable id (`install-mod-wsgi`, `schema-upgrade`, …).
    pub id: &'static str,
    pub title: String,
    pub detail: String,
    /// Shell commands to run, one a line, if there are any.
    pub command: Option<String>,
    /// A report file this step is about (offered for download).
    pub file: Option<FileId>,
}

/// One explanation or doubt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub severity: Severity,
    /// The id of the rule that wrote it (see [`crate::rules::all`]).
    pub rule: &'static str,
    /// The input file it is about, if any.
    pub input: Option<FileId>,
    /// Input lines it is about.
    pub lines: Option<Lines>,
    /// The output file it produced or touched, if any.
    pub output: Option<FileId>,
    /// Output lines it produced.
    pub output_lines: Option<Lines>,
    pub message: String,
    pub guide: Guide,
    /// The change it explains, if it explains one.
    pub change: Option<ChangeId>,
    /// What kind of note it is, for shells that single some out without reading the message
    /// (not in `--json`, whose contract is fixed).
    #[serde(skip)]
    pub kind: NoteKind,
}

/// What a [`Note`] is about, beyond its rule and severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteKind {
    /// A rule's finding, or the explanation of a change.
    #[default]
    Finding,
    /// "Not changed (…)": a change that was rejected although the target release cannot do
    /// without it (the message says what the release does instead).
    RejectedNeeded,
}

/// One rule applied at one place of one input: the unit an admin accepts or rejects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Its index in [`Report::changes`]; stable for the same inputs and target, whatever is
    /// accepted or rejected, so choices can refer to it.
    pub id: ChangeId,
    pub rule: &'static str,
    /// The input it edits.
    pub input: FileId,
    /// Input lines it touches.
    pub lines: Option<Lines>,
    /// Output lines it wrote (none when rejected, or when it only removes).
    pub output_lines: Option<Lines>,
    /// Changes it needs: rejecting any of them rejects this one.
    pub depends_on: Vec<ChangeId>,
    /// Whether it was made.
    pub accepted: bool,
    /// Why it was not made, when it was not.
    pub rejected_because: Option<String>,
}

/// Where an output line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The input file.
    pub file: FileId,
    /// 1-based line number in that input.
    pub line: usize,
    /// False when the line was copied unchanged, true when the migration wrote it.
    pub written: bool,
}

/// One file of the result: a converted input, or a file the migration created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutputFile {
    /// The input's name as given, or `None` for a file the migration created.
    pub input: Option<String>,
    /// The input's original text (`None` for created files).
    pub original: Option<String>,
    pub kind: FileKind,
    /// The base name to save it under (`web.conf`, the input's base name, …).
    pub output: String,
    pub text: String,
    /// Whether `text` differs from the input (always true for created files).
    pub changed: bool,
    /// One entry per output line: the input line it comes from, if any.
    pub origins: Vec<Option<Origin>>,
    /// Whether a lone `\r` ends a line in `original` and `text`, as in the document they were
    /// read as (ini files): the diff splits them the same way instead of guessing.
    #[serde(skip)]
    pub lone_cr_breaks: bool,
}

/// The whole result of a migration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Report {
    /// First the converted inputs in the order given, then the created files.
    pub files: Vec<OutputFile>,
    pub notes: Vec<Note>,
    /// Every change the rules proposed, accepted or not.
    pub changes: Vec<Change>,
    /// The database upgrade, step by step, from the source release to the target.
    pub database: Vec<crate::koji::schema_chain::DbStep>,
    /// What remains to do by hand, in order.
    pub steps: Vec<Step>,
}

impl Report {
    /// The file `id`, or `None` for an id of another report.
    pub fn file(&self, id: FileId) -> Option<&OutputFile> {
        self.files.get(id.0)
    }

    /// The change `id`, or `None` for an id of another report.
    pub fn change(&self, id: ChangeId) -> Option<&Change> {
        self.changes.get(id.0)
    }

    /// Change `id` and every change it needs, directly or through others: what accepting it
    /// accepts (a change is made only with the changes it `depends_on`). Each once, `id` first.
    pub fn with_needs(&self, id: ChangeId) -> Vec<ChangeId> {
        let (mut todo, mut all) = (vec![id], Vec::new());
        while let Some(c) = todo.pop() {
            if !all.contains(&c) {
                all.push(c);
                todo.extend(self.change(c).map_or(&[][..], |c| &c.depends_on));
            }
        }
        all
    }

    /// Whether any input needs migrating (what `--check` reports).
    pub fn needs_migration(&self) -> bool {
        self.files.iter().any(|f| f.input.is_some() && f.changed)
            || self
                .files
                .iter()
                .any(|f| f.input.is_none() && f.kind != FileKind::Sql)
    }

    /// Notes ordered for reading: by severity (most urgent first), then file, then line.
    pub fn notes_by_severity(&self) -> Vec<&Note> {
        // The position breaks ties, so the (smaller) unstable sort gives the stable order. The
        // first key is the severity's rank (Error first) times `stride`, plus the input's index
        // + 1 (0 for none); the second the first line + 1 (0 for none).
        let stride = self
            .notes
            .iter()
            .filter_map(|n| n.input)
            .map(|f| f.index() + 1)
            .max()
            .unwrap_or(0)
            + 1;
        let key = |k: usize, n: &Note| -> NoteOrder {
            (
                (Severity::Error as usize - n.severity as usize) * stride
                    + n.input.map_or(0, |f| f.index() + 1),
                n.lines.map_or(0, |l| l.first + 1),
                k,
            )
        };
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(order) = self.notes_by_packed_key(key) {
            return order;
        }
        let mut order: Vec<NoteOrder> = self
            .notes
            .iter()
            .enumerate()
            .map(|(k, n)| key(k, n))
            .collect();
        order.sort_unstable();
        order.into_iter().map(|o| &self.notes[o.2]).collect()
    }

    /// [`Report::notes_by_severity`] with each key packed into one `u64` (16, 24 and 24 bits),
    /// which sorts in a third of the time of the tuples, when every key fits (it does unless a
    /// report has thousands of inputs or millions of notes or lines). Native only: another
    /// sort would grow the page.
    #[cfg(not(target_arch = "wasm32"))]
    fn notes_by_packed_key(&self, key: impl Fn(usize, &Note) -> NoteOrder) -> Option<Vec<&Note>> {
        const POSITION: u64 = (1 << 24) - 1;
        let mut order = self
            .notes
            .iter()
            .enumerate()
            .map(|(k, n)| {
                let (group, line, k) = key(k, n);
                let fits = group < 1 << 16 && line < 1 << 24 && k < 1 << 24;
                fits.then_some((group as u64) << 48 | (line as u64) << 24 | k as u64)
            })
            .collect::<Option<Vec<u64>>>()?;
        order.sort_unstable();
        Some(
            order
                .into_iter()
                .map(|o| &self.notes[(o & POSITION) as usize])
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(severity: Severity, input: Option<usize>, first: Option<usize>, k: usize) -> Note {
        Note {
            severity,
            rule: "test",
            input: input.map(FileId::new),
            lines: first.map(|f| Lines { first: f, last: f }),
            output: None,
            output_lines: None,
            message: k.to_string(),
            guide: Guide::DbSchemaUpdates,
            change: None,
            kind: NoteKind::Finding,
        }
    }

    /// Severity (most urgent first), then input (none first), then first line (none first),
    /// then position: with packed keys, and with the tuples a line too far for them needs.
    #[test]
    fn notes_are_ordered_by_severity_input_line_and_position() {
        let severities = [
            Severity::Info,
            Severity::Warning,
            Severity::Action,
            Severity::Error,
        ];
        let mut report = Report::default();
        for k in 0..200 {
            let input = (k % 5 != 0).then_some(k % 3);
            let first = (k % 7 != 0).then_some(k % 11 + 1);
            report.notes.push(note(severities[k % 4], input, first, k));
        }
        let expected = |report: &Report| {
            let mut order: Vec<&Note> = report.notes.iter().collect();
            order.sort_by_key(|n| {
                (
                    std::cmp::Reverse(n.severity as usize),
                    n.input.map(|f| f.index()),
                    n.lines.map(|l| l.first),
                )
            });
            order.iter().map(|n| n.message.clone()).collect::<Vec<_>>()
        };
        let got = |report: &Report| {
            report
                .notes_by_severity()
                .iter()
                .map(|n| n.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(got(&report), expected(&report));
        report
            .notes
            .push(note(Severity::Warning, Some(1), Some(1 << 30), 200));
        report
            .notes
            .push(note(Severity::Warning, Some(1), Some(3), 201));
        assert_eq!(got(&report), expected(&report));
    }
}
