//! The page's conversion as bytes: how a request crosses to the page's Web Worker and the
//! [`Report`] comes back.
//!
//! The page converts in a worker, so typing and scrolling never wait for a conversion; the
//! worker runs this same wasm, and only bytes cross between the two (`postMessage` of a
//! transferred buffer). The page renders the whole report, so the whole report crosses.
//!
//! Why by hand and not serde: `Deserialize` for the report's types and `serde_json` in the page
//! would cost more than the page's budget has left (BENCHMARKS.md §4); this encoding costs it
//! about 3 KB gzipped. It is no file format: the bytes never leave the page, both ends are the
//! same build, so there are no field names, no version and no promise of stability. Numbers are
//! LEB128 varints, strings and lists are length-prefixed, an `Option` of a number is the number
//! plus one (0 for `None`). `&'static str` ids (rules, checklist steps) cross as their text and
//! are found again in their registries.
//!
//! The inputs' texts do not cross back: the page has them. A converted input's `original` is its
//! input's text, so the report refers to the text the reader already has (`known`: the request's
//! inputs, in order) instead of carrying a second copy; a 100,000-line input would otherwise
//! cross twice more (BENCHMARKS.md §5.00).
//!
//! Decoding never panics: bytes that are not what [`encode_report`] or [`encode_request`] wrote
//! give a [`WireError`]. The reader keeps its first error and reads zeros from then on, so that the
//! code reading each field is a plain call (a `Result` at every field cost the page 2 KB gzipped
//! more).

use crate::checklist::STEP_IDS;
use crate::koji::schema_chain::DbStep;
use crate::koji::Release;
use crate::migrate::Input;
use crate::options::{Choices, Options, Target};
use crate::report::{
    Change, ChangeId, FileId, FileKind, Guide, Lines, Note, NoteKind, Origin, OutputFile, Report,
    Severity, Step,
};

/// Bytes that are not an encoded request or report: where reading them failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireError {
    /// The byte offset at which the bytes stopped making sense.
    pub at: usize,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "malformed conversion data at byte {}", self.at)
    }
}

impl std::error::Error for WireError {}

/// What the worker runs: a request in, its report out (or why the request was unreadable). The
/// report refers to the request's inputs for their texts: read it with them as `known`.
pub fn convert(request: &[u8]) -> Result<Vec<u8>, WireError> {
    let (inputs, options) = decode_request(request)?;
    let known: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    Ok(encode_report(&crate::migrate(&inputs, &options), &known))
}

/// The inputs and options of one conversion.
pub fn encode_request(inputs: &[Input], options: &Options) -> Vec<u8> {
    let size: usize = inputs.iter().map(|i| i.name.len() + i.text.len() + 8).sum();
    let mut w = Writer::new(size + 64, &[]);
    w.list(inputs);
    options.put(&mut w);
    w.out
}

/// What [`encode_request`] wrote.
pub fn decode_request(bytes: &[u8]) -> Result<(Vec<Input>, Options), WireError> {
    let mut r = Reader::new(bytes, &[]);
    let inputs = r.list();
    let options = Options::get(&mut r);
    r.end((inputs, options))
}

/// A report, whole: file `k`'s `original`, when it is `known[k]`, as a reference to it.
pub fn encode_report(report: &Report, known: &[&str]) -> Vec<u8> {
    // Its texts and a few bytes per line, so that the buffer is seldom copied as it grows.
    let size: usize = report
        .files
        .iter()
        .map(|f| f.text.len() + 3 * f.origins.len())
        .sum();
    let mut w = Writer::new(size + 4096, known);
    report.put(&mut w);
    w.out
}

/// What [`encode_report`] wrote, given the same `known` texts.
pub fn decode_report(bytes: &[u8], known: &[&str]) -> Result<Report, WireError> {
    let mut r = Reader::new(bytes, known);
    let report = Report::get(&mut r);
    r.end(report)
}

struct Writer<'a> {
    out: Vec<u8>,
    /// The texts the reader has (see [`encode_report`]).
    known: &'a [&'a str],
    /// The files written so far.
    files: usize,
}

impl<'a> Writer<'a> {
    fn new(capacity: usize, known: &'a [&'a str]) -> Self {
        Writer {
            out: Vec::with_capacity(capacity),
            known,
            files: 0,
        }
    }

    fn n(&mut self, mut n: usize) {
        while n >= 0x80 {
            self.out.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.out.push(n as u8);
    }

    /// An optional number: 0 for `None`, else the number plus one.
    fn on(&mut self, n: Option<usize>) {
        self.n(n.map_or(0, |n| n + 1));
    }

    fn b(&mut self, b: bool) {
        self.n(usize::from(b));
    }

    fn s(&mut self, s: &str) {
        self.n(s.len());
        self.out.extend_from_slice(s.as_bytes());
    }

    fn os(&mut self, s: &Option<String>) {
        self.b(s.is_some());
        if let Some(s) = s {
            self.s(s);
        }
    }

    fn lines(&mut self, lines: Option<Lines>) {
        self.on(lines.map(|l| l.first));
        if let Some(l) = lines {
            self.n(l.last);
        }
    }

    /// One of `table`, as its index.
    fn of<T: PartialEq>(&mut self, table: &[T], item: &T) {
        self.n(table.iter().position(|t| t == item).unwrap_or(usize::MAX));
    }

    fn list<T: Wire>(&mut self, items: &[T]) {
        self.n(items.len());
        for item in items {
            item.put(self);
        }
    }
}

/// Reads what a [`Writer`] wrote. After the first error (`failed_at`) every read gives zero,
/// `false`, `""` or nothing.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    failed_at: Option<usize>,
    /// The texts the writer referred to (see [`encode_report`]).
    known: &'a [&'a str],
    /// The files read so far.
    files: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], known: &'a [&'a str]) -> Self {
        Reader {
            bytes,
            at: 0,
            failed_at: None,
            known,
            files: 0,
        }
    }

    /// Marks the bytes malformed here (the first place counts).
    fn fail(&mut self) {
        self.failed_at.get_or_insert(self.at);
        self.at = self.bytes.len();
    }

    fn n(&mut self) -> usize {
        let mut n = 0usize;
        let mut shift = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            if shift >= usize::BITS {
                break;
            }
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
            shift += 7;
        }
        self.fail();
        0
    }

    fn on(&mut self) -> Option<usize> {
        self.n().checked_sub(1)
    }

    fn b(&mut self) -> bool {
        let n = self.n();
        if n > 1 {
            self.fail();
        }
        n == 1
    }

    fn s(&mut self) -> String {
        let len = self.count();
        let at = self.at;
        self.at += len;
        match std::str::from_utf8(&self.bytes[at..at + len]) {
            Ok(s) => s.to_string(),
            Err(_) => {
                self.fail();
                String::new()
            }
        }
    }

    fn os(&mut self) -> Option<String> {
        self.b().then(|| self.s())
    }

    /// A count of items (or bytes), each at least a byte: more than the bytes left is malformed
    /// (and would otherwise reserve memory for them).
    fn count(&mut self) -> usize {
        let n = self.n();
        if n > self.bytes.len() - self.at {
            self.fail();
            return 0;
        }
        n
    }

    fn list<T: Wire>(&mut self) -> Vec<T> {
        let n = self.count();
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::get(self));
        }
        items
    }

    /// One of `table`, by its index (the first when malformed).
    fn of<T: Copy>(&mut self, table: &[T]) -> T {
        let k = self.n();
        if k >= table.len() {
            self.fail();
            return table[0];
        }
        table[k]
    }

    fn release(&mut self) -> Release {
        let minor = self.n();
        match u8::try_from(minor).ok().and_then(Release::new) {
            Some(r) => r,
            None => {
                self.fail();
                Release::V1_7
            }
        }
    }

    fn lines(&mut self) -> Option<Lines> {
        let first = self.on()?;
        Some(Lines {
            first,
            last: self.n(),
        })
    }

    /// A rule's id, found again in the registry.
    fn rule(&mut self) -> &'static str {
        let id = self.s();
        match crate::rules::rule(&id) {
            Some(rule) => rule.id,
            None => {
                self.fail();
                ""
            }
        }
    }

    /// `value`, if every byte was read and made sense.
    fn end<T>(mut self, value: T) -> Result<T, WireError> {
        if self.at != self.bytes.len() {
            self.fail();
        }
        match self.failed_at {
            None => Ok(value),
            Some(at) => Err(WireError { at }),
        }
    }
}

/// A type that crosses: written by `put`, read back equal by `get`.
trait Wire {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader) -> Self;
}

const SEVERITIES: [Severity; 4] = [
    Severity::Info,
    Severity::Warning,
    Severity::Action,
    Severity::Error,
];
const TARGETS: [Target; 2] = [Target::ModWsgi, Target::ModPython];
const NOTE_KINDS: [NoteKind; 2] = [NoteKind::Finding, NoteKind::RejectedNeeded];
/// The guides without a release, as their index; one with a release is written after them, as
/// twice its minor (plus one for release notes).
const GUIDES: [Guide; 7] = [
    Guide::DbSchemaUpdates,
    Guide::MigratingToModWsgi,
    Guide::StayingOnModPython,
    Guide::WebConfiguration,
    Guide::CustomConfigFileLocation,
    Guide::UrlOptions,
    Guide::WebThemes,
];

impl Wire for usize {
    fn put(&self, w: &mut Writer) {
        w.n(*self);
    }

    fn get(r: &mut Reader) -> Self {
        r.n()
    }
}

impl Wire for String {
    fn put(&self, w: &mut Writer) {
        w.s(self);
    }

    fn get(r: &mut Reader) -> Self {
        r.s()
    }
}

impl Wire for Input {
    fn put(&self, w: &mut Writer) {
        w.s(&self.name);
        w.s(&self.text);
        w.b(self.kind.is_some());
        if let Some(kind) = &self.kind {
            w.of(&FileKind::ALL, kind);
        }
        w.on(self.invalid_utf8_line);
        w.on(self.nul_line);
    }

    fn get(r: &mut Reader) -> Self {
        let name = r.s();
        let mut input = Input::new(&name, r.s());
        input.kind = r.b().then(|| r.of(&FileKind::ALL));
        input.invalid_utf8_line = r.on();
        input.nul_line = r.on();
        input
    }
}

impl Wire for Options {
    fn put(&self, w: &mut Writer) {
        w.of(&TARGETS, &self.target);
        w.b(self.from.is_some());
        for release in self.from.iter().chain([&self.to]) {
            w.n(usize::from(release.minor()));
        }
        w.b(self.keep_pkgurl);
        w.list(&self.choices.skip_rules);
        w.list(&self.choices.only_rules);
        let rejected: Vec<usize> = self
            .choices
            .reject_changes
            .iter()
            .map(|c| c.index())
            .collect();
        w.list(&rejected);
    }

    fn get(r: &mut Reader) -> Self {
        Options {
            target: r.of(&TARGETS),
            from: match r.b() {
                true => Some(r.release()),
                false => None,
            },
            to: r.release(),
            keep_pkgurl: r.b(),
            choices: Choices {
                skip_rules: r.list(),
                only_rules: r.list(),
                reject_changes: r.list().into_iter().map(ChangeId::new).collect(),
            },
        }
    }
}

impl Wire for Report {
    fn put(&self, w: &mut Writer) {
        w.list(&self.files);
        w.list(&self.notes);
        w.list(&self.changes);
        w.list(&self.database);
        w.list(&self.steps);
    }

    fn get(r: &mut Reader) -> Self {
        Report {
            files: r.list(),
            notes: r.list(),
            changes: r.list(),
            database: r.list(),
            steps: r.list(),
        }
    }
}

impl Wire for Option<Origin> {
    /// Its file plus one (0: none), then its line and whether it was written, in one number.
    fn put(&self, w: &mut Writer) {
        w.on(self.map(|o| o.file.index()));
        if let Some(o) = self {
            w.n(o.line << 1 | usize::from(o.written));
        }
    }

    fn get(r: &mut Reader) -> Self {
        let file = FileId::new(r.on()?);
        let line = r.n();
        Some(Origin {
            file,
            line: line >> 1,
            written: line & 1 == 1,
        })
    }
}

impl Wire for OutputFile {
    fn put(&self, w: &mut Writer) {
        w.os(&self.input);
        // The original as 2 when it is the reader's own text, else as any optional string.
        match (&self.original, w.known.get(w.files)) {
            (Some(original), Some(&known)) if original == known => w.n(2),
            (original, _) => w.os(original),
        }
        w.files += 1;
        w.of(&FileKind::ALL, &self.kind);
        w.s(&self.output);
        w.s(&self.text);
        w.b(self.changed);
        w.b(self.lone_cr_breaks);
        w.list(&self.origins);
    }

    fn get(r: &mut Reader) -> Self {
        let input = r.os();
        let original = match r.n() {
            0 => None,
            1 => Some(r.s()),
            2 => match r.known.get(r.files) {
                Some(&known) => Some(known.to_string()),
                None => {
                    r.fail();
                    None
                }
            },
            _ => {
                r.fail();
                None
            }
        };
        r.files += 1;
        OutputFile {
            input,
            original,
            kind: r.of(&FileKind::ALL),
            output: r.s(),
            text: r.s(),
            changed: r.b(),
            lone_cr_breaks: r.b(),
            origins: r.list(),
        }
    }
}

impl Wire for Note {
    fn put(&self, w: &mut Writer) {
        w.of(&SEVERITIES, &self.severity);
        w.s(self.rule);
        w.on(self.input.map(FileId::index));
        w.lines(self.lines);
        w.on(self.output.map(FileId::index));
        w.lines(self.output_lines);
        w.s(&self.message);
        match self.guide {
            Guide::Migrating(r) => w.n(GUIDES.len() + 2 * usize::from(r.minor())),
            Guide::ReleaseNotes(r) => w.n(GUIDES.len() + 2 * usize::from(r.minor()) + 1),
            g => w.of(&GUIDES, &g),
        }
        w.on(self.change.map(ChangeId::index));
        w.of(&NOTE_KINDS, &self.kind);
    }

    fn get(r: &mut Reader) -> Self {
        Note {
            severity: r.of(&SEVERITIES),
            rule: r.rule(),
            input: r.on().map(FileId::new),
            lines: r.lines(),
            output: r.on().map(FileId::new),
            output_lines: r.lines(),
            message: r.s(),
            guide: match r.n() {
                g if g < GUIDES.len() => GUIDES[g],
                g => {
                    let g = g - GUIDES.len();
                    let release = match u8::try_from(g / 2).ok().and_then(Release::new) {
                        Some(release) => release,
                        None => {
                            r.fail();
                            Release::V1_7
                        }
                    };
                    if g.is_multiple_of(2) {
                        Guide::Migrating(release)
                    } else {
                        Guide::ReleaseNotes(release)
                    }
                }
            },
            change: r.on().map(ChangeId::new),
            kind: r.of(&NOTE_KINDS),
        }
    }
}

impl Wire for Change {
    fn put(&self, w: &mut Writer) {
        w.n(self.id.index());
        w.s(self.rule);
        w.n(self.input.index());
        w.lines(self.lines);
        w.lines(self.output_lines);
        let needs: Vec<usize> = self.depends_on.iter().map(|c| c.index()).collect();
        w.list(&needs);
        w.b(self.accepted);
        w.os(&self.rejected_because);
    }

    fn get(r: &mut Reader) -> Self {
        Change {
            id: ChangeId::new(r.n()),
            rule: r.rule(),
            input: FileId::new(r.n()),
            lines: r.lines(),
            output_lines: r.lines(),
            depends_on: r.list().into_iter().map(ChangeId::new).collect(),
            accepted: r.b(),
            rejected_because: r.os(),
        }
    }
}

impl Wire for DbStep {
    fn put(&self, w: &mut Writer) {
        w.n(usize::from(self.from.minor()));
        w.n(usize::from(self.to.minor()));
        w.list(&self.scripts);
        w.list(&self.commands);
        w.b(self.own);
        w.os(&self.pitfall);
        w.b(self.has_pitfall);
    }

    fn get(r: &mut Reader) -> Self {
        DbStep {
            from: r.release(),
            to: r.release(),
            scripts: r.list(),
            commands: r.list(),
            own: r.b(),
            pitfall: r.os(),
            has_pitfall: r.b(),
        }
    }
}

impl Wire for Step {
    fn put(&self, w: &mut Writer) {
        w.of(&STEP_IDS, &self.id);
        w.s(&self.title);
        w.s(&self.detail);
        w.os(&self.command);
        w.on(self.file.map(FileId::index));
    }

    fn get(r: &mut Reader) -> Self {
        Step {
            id: r.of(&STEP_IDS),
            title: r.s(),
            detail: r.s(),
            command: r.os(),
            file: r.on().map(FileId::new),
        }
    }
}
