//! The workspace state: one reducer, in the style of Yew's `function_todomvc` example.
//!
//! Components never change state themselves: they send an [`Action`]. Raw input text is stored
//! on every keystroke (nothing typed is ever lost); the conversion result arrives later, tagged
//! with the [`State::revision`] it was computed from, and a stale one is dropped.

use crate::decode::PAGE_INPUT_LIMIT;
use crate::report::{ChangeId, FileId, FileKind, Lines, Report};
use crate::{Choices, Input, Options, Release, Target, LAST_MOD_PYTHON};
use std::rc::Rc;
use yew::prelude::*;

/// Inputs longer than this many lines (opened, dropped, or pasted over the whole input) are
/// shown read-only, drawn in part like the diff, until the admin asks to edit them. Chromium's
/// `<textarea>` takes 100–180 ms to paint 10,000 lines and about a second for 100,000; read-only,
/// a 10,000-line paste is painted with its diff in about 145 ms (BENCHMARKS.md §5.000). A config
/// kept by hand is far shorter (Koji's stock ones are under 300 lines), so only generated or
/// concatenated files meet "Edit it here".
pub const LARGE_INPUT_LINES: usize = 5_000;

/// One input tab: what the admin gave, as the page keeps it. A new input has id 0 until
/// [`Action::Add`] numbers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDoc {
    pub id: u32,
    /// As given (file name or typed by the admin); may be empty for pasted text.
    pub name: String,
    pub text: Rc<str>,
    /// The admin's override of the detected kind.
    pub kind: Option<FileKind>,
    pub invalid_utf8_line: Option<usize>,
    pub nul_line: Option<usize>,
    /// Size in bytes when over [`PAGE_INPUT_LIMIT`]: such an input is kept but not converted.
    pub too_large: Option<usize>,
    /// Shown read-only (a large input, until the admin asks to edit it).
    pub read_only: bool,
}

impl InputDoc {
    /// A label for the tab.
    pub fn label(&self) -> String {
        if self.name.trim().is_empty() {
            format!("pasted text {}", self.id)
        } else {
            self.name.clone()
        }
    }

    /// Whether it takes part in the conversion.
    pub fn converts(&self) -> bool {
        self.too_large.is_none() && !self.text.trim().is_empty()
    }

    pub fn to_input(&self) -> Input {
        let mut input = Input::new(self.name.trim(), &*self.text);
        input.kind = self.kind;
        input.invalid_utf8_line = self.invalid_utf8_line;
        input.nul_line = self.nul_line;
        input
    }

    /// From a file's bytes, decoded losslessly when possible (the core flags the rest).
    pub fn from_bytes(name: &str, bytes: &[u8]) -> InputDoc {
        let input = Input::from_bytes(name, bytes);
        InputDoc {
            invalid_utf8_line: input.invalid_utf8_line,
            nul_line: input.nul_line,
            ..InputDoc::text(name, &input.text)
        }
    }

    /// Text given as it is (typed, pasted or an example).
    pub fn text(name: &str, text: &str) -> InputDoc {
        InputDoc {
            id: 0,
            name: name.to_string(),
            text: Rc::from(text),
            kind: None,
            invalid_utf8_line: None,
            nul_line: nul_line(text),
            too_large: (text.len() > PAGE_INPUT_LIMIT).then_some(text.len()),
            read_only: is_large(text),
        }
    }

    /// A file too large to read: only its name and size are kept.
    pub fn too_large(name: &str, size: usize) -> InputDoc {
        InputDoc {
            too_large: Some(size),
            ..InputDoc::text(name, "")
        }
    }
}

/// Whether `text` has more than [`LARGE_INPUT_LINES`] lines (counted no further than needed).
pub fn is_large(text: &str) -> bool {
    text.len() > LARGE_INPUT_LINES
        && text
            .bytes()
            .filter(|&b| b == b'\n')
            .nth(LARGE_INPUT_LINES)
            .is_some()
}

/// The 1-based line of the first NUL character.
fn nul_line(text: &str) -> Option<usize> {
    let at = text.find('\0')?;
    Some(text[..at].matches('\n').count() + 1)
}

/// A conversion result and the inputs it was computed from.
#[derive(Debug)]
pub struct Converted {
    /// The revision of the state it was computed from.
    pub revision: u64,
    pub target: Target,
    /// The releases it migrates from (`None`: what the files show) and to.
    pub from: Option<Release>,
    pub to: Release,
    pub report: Report,
    /// For each input file of the report (the first files: position k is `FileId::new(k)`), the
    /// id of its input tab.
    pub input_ids: Vec<u32>,
}

impl PartialEq for Converted {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl Converted {
    /// Runs the core on the inputs that take part, to Koji 1.7. This is the only call into the
    /// migration.
    pub fn compute(revision: u64, inputs: &[InputDoc], target: Target) -> Converted {
        let options = Options {
            target,
            to: Release::V1_7,
            ..Default::default()
        };
        Converted::compute_with(revision, inputs, &options)
    }

    /// A conversion to run elsewhere (the page's worker, [`crate::ui::worker`]).
    pub fn job(revision: u64, inputs: &[InputDoc], options: &Options) -> Job {
        let (result, core_inputs, texts) = Converted::taking_part(revision, inputs, options);
        Job {
            result,
            request: crate::wire::encode_request(&core_inputs, options),
            texts,
        }
    }

    /// [`Converted::compute`] with every option.
    pub fn compute_with(revision: u64, inputs: &[InputDoc], options: &Options) -> Converted {
        let (mut result, core_inputs, _) = Converted::taking_part(revision, inputs, options);
        result.report = crate::migrate(&core_inputs, options);
        result
    }

    /// The result of converting the inputs that take part, without its report yet; those inputs
    /// as the core takes them, and their texts.
    fn taking_part(
        revision: u64,
        inputs: &[InputDoc],
        options: &Options,
    ) -> (Converted, Vec<Input>, Vec<Rc<str>>) {
        let taking_part: Vec<&InputDoc> = inputs.iter().filter(|i| i.converts()).collect();
        let result = Converted {
            revision,
            target: options.target,
            from: options.from,
            to: options.to,
            report: Report::default(),
            input_ids: taking_part.iter().map(|i| i.id).collect(),
        };
        let core_inputs = taking_part.iter().map(|i| i.to_input()).collect();
        let texts = taking_part.iter().map(|i| i.text.clone()).collect();
        (result, core_inputs, texts)
    }

    /// The name of report file `id`, as the admin knows it.
    pub fn file_name(&self, id: FileId) -> &str {
        self.report
            .file(id)
            .map(|f| f.input.as_deref().unwrap_or(&f.output))
            .filter(|n| !n.is_empty())
            .or_else(|| self.report.file(id).map(|f| f.output.as_str()))
            .unwrap_or("?")
    }

    /// The detected (or chosen) kind of an input tab, once converted.
    pub fn kind_of(&self, id: u32) -> Option<FileKind> {
        let k = self.input_ids.iter().position(|&i| i == id)?;
        self.report.file(FileId::new(k)).map(|f| f.kind)
    }
}

/// A conversion to run elsewhere: its result without the report yet, the request as bytes
/// ([`crate::wire`]), and the texts of the inputs it sends, which the report refers to rather than
/// carrying them back.
pub struct Job {
    pub result: Converted,
    pub request: Vec<u8>,
    pub texts: Vec<Rc<str>>,
}

impl Job {
    /// Fills the result with the report in `bytes` (what [`crate::wire::convert`] gave for the
    /// request); `None` when they are not such a report.
    pub fn finish(mut self, bytes: &[u8]) -> Option<Converted> {
        let known: Vec<&str> = self.texts.iter().map(|t| &**t).collect();
        self.result.report = crate::wire::decode_report(bytes, &known).ok()?;
        Some(self.result)
    }
}

/// Lines to highlight in one output file's view (after a note was clicked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    /// The file of the report.
    pub file: FileId,
    /// Lines of the input (old side).
    pub old: Option<Lines>,
    /// Lines of the output (new side).
    pub new: Option<Lines>,
    /// Bumped on every click, so clicking the same note scrolls again.
    pub seq: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub inputs: Vec<InputDoc>,
    pub active_input: u32,
    pub next_id: u32,
    pub target: Target,
    /// The release being upgraded from (`None`: what the files show).
    pub from: Option<Release>,
    /// The release to migrate to.
    pub to: Release,
    /// Keep `pkgurl` beside `topurl` (builders upgraded one by one).
    pub keep_pkgurl: bool,
    /// Bumped on every change that alters the conversion.
    pub revision: u64,
    /// Whether that change was typed: the conversion then waits for a pause in the typing; any
    /// other change (a paste, a file, an option, a choice) is converted at once.
    pub typing: bool,
    pub result: Option<Rc<Converted>>,
    /// The file of the result shown.
    pub active_output: FileId,
    pub focus: Option<Focus>,
    pub unified: bool,
    /// Every note drawn, past the first 40 per group (kept here, not in a hook: a
    /// component with hooks costs the page ~0.55 KB gzipped).
    pub all_notes: bool,
    /// The changes (by [`crate::Change::id`]) the admin rejected. Ids hold only for the same
    /// inputs and options, so any other change to the conversion clears them.
    pub rejected: Vec<ChangeId>,
    /// The revision of the last change to the inputs or options: a result at or after it has the
    /// change ids `rejected` refers to.
    pub inputs_revision: u64,
    /// The example's result while the page's warm-up draws it outside the document (see `App`).
    pub warm_up: Option<Rc<Converted>>,
    /// The result the notes and steps show: `result`, once its diff is painted (see
    /// `worker::deliver`).
    pub side: Option<Rc<Converted>>,
}

impl Default for State {
    fn default() -> Self {
        State {
            inputs: vec![empty_input(1)],
            active_input: 1,
            next_id: 2,
            target: Target::ModWsgi,
            from: None,
            to: Release::NEWEST,
            keep_pkgurl: false,
            revision: 0,
            typing: false,
            result: None,
            active_output: FileId::new(0),
            focus: None,
            unified: false,
            all_notes: false,
            rejected: Vec::new(),
            inputs_revision: 0,
            warm_up: None,
            side: None,
        }
    }
}

fn empty_input(id: u32) -> InputDoc {
    InputDoc {
        id,
        ..InputDoc::text("", "")
    }
}

pub enum Action {
    /// Files read, text pasted or examples loaded (numbered here); replaces a lone empty tab.
    Add(Vec<InputDoc>),
    /// A new empty tab to paste into.
    AddEmpty,
    /// The text of an input typed (`true`: converted after a pause) or pasted or dropped into
    /// its editor (converted at once).
    Edit(u32, String, bool),
    /// Text pasted over the whole of an input: shown read-only when large.
    Paste(u32, String),
    /// Edit a large input shown read-only.
    MakeEditable(u32),
    Rename(u32, String),
    SetKind(u32, Option<FileKind>),
    Remove(u32),
    SelectInput(u32),
    SetTarget(Target),
    /// The release upgraded from; a `to` not after it moves to the next release.
    SetFrom(Option<Release>),
    /// The release to migrate to: ignored unless after `from` (and 1.7 or later).
    SetTo(Release),
    /// Both at once (from the URL fragment): ignored unless they go together.
    SetReleases(Option<Release>, Release),
    SetKeepPkgurl(bool),
    Converted(Rc<Converted>),
    SelectOutput(FileId),
    /// Highlight lines (from a note) and scroll to them.
    Focus(Focus),
    ToggleUnified,
    /// Draw every note, not only the first 40 per group.
    ShowAllNotes,
    /// Accept (true) or reject a change of the shown result. Accepting one also accepts the
    /// changes it needs.
    Choose(ChangeId, bool),
    AcceptAll,
    /// Draw (or stop drawing) a result outside the document, to warm the page up.
    WarmUp(Option<Rc<Converted>>),
    /// Show the result's notes and steps.
    ShowSide,
}

impl State {
    /// Whether mod_python can still run the chosen release.
    pub fn mod_python_allowed(&self) -> bool {
        self.to <= LAST_MOD_PYTHON
    }

    /// The options the conversion runs with (never conflicting: see [`Options::conflict`]).
    pub fn options(&self) -> Options {
        Options {
            target: if self.mod_python_allowed() {
                self.target
            } else {
                Target::ModWsgi
            },
            from: self.from,
            to: self.to,
            keep_pkgurl: self.keep_pkgurl,
            choices: Choices {
                reject_changes: self.rejected.clone(),
                ..Choices::default()
            },
        }
    }

    /// Sets the releases when they go together (`to` 1.7 or later and after `from`) and differ
    /// from the current ones; mod_wsgi when mod_python cannot run `to`. Whether it did.
    pub fn set_releases(&mut self, from: Option<Release>, to: Release) -> bool {
        if to < Release::V1_7 || from.is_some_and(|f| f >= to) || (from, to) == (self.from, self.to)
        {
            return false;
        }
        (self.from, self.to) = (from, to);
        if !self.mod_python_allowed() {
            self.target = Target::ModWsgi;
        }
        true
    }

    pub fn active(&self) -> Option<&InputDoc> {
        self.inputs.iter().find(|i| i.id == self.active_input)
    }

    /// Whether the result is from the current inputs, its notes and steps drawn too.
    pub fn is_current(&self) -> bool {
        self.result
            .as_ref()
            .is_some_and(|r| r.revision == self.revision)
            && self.side_drawn()
    }

    /// Whether the notes and steps show the result.
    fn side_drawn(&self) -> bool {
        self.side.as_ref().map(Rc::as_ptr) == self.result.as_ref().map(Rc::as_ptr)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let changes_result = !matches!(
            action,
            Action::SelectInput(_)
                | Action::MakeEditable(_)
                | Action::Converted(_)
                | Action::SelectOutput(_)
                | Action::Focus(_)
                | Action::ToggleUnified
                | Action::WarmUp(_)
                | Action::ShowSide
        );
        if changes_result {
            s.typing = matches!(action, Action::Edit(.., true) | Action::Rename(..));
        }
        if changes_result && !matches!(action, Action::Choose(..) | Action::AcceptAll) {
            s.rejected.clear();
            s.inputs_revision = s.revision + 1;
        }
        match action {
            Action::Add(new) => {
                if new.is_empty() {
                    return self;
                }
                if s.inputs.len() == 1 && s.inputs[0].text.is_empty() && s.inputs[0].name.is_empty()
                {
                    s.inputs.clear();
                }
                for mut n in new {
                    n.id = s.next_id;
                    s.next_id += 1;
                    s.active_input = n.id;
                    s.inputs.push(n);
                }
            }
            Action::AddEmpty => {
                let id = s.next_id;
                s.next_id += 1;
                s.inputs.push(empty_input(id));
                s.active_input = id;
            }
            Action::Paste(id, text) => {
                if let Some(i) = s.inputs.iter_mut().find(|i| i.id == id) {
                    *i = InputDoc {
                        id,
                        name: std::mem::take(&mut i.name),
                        kind: i.kind,
                        ..InputDoc::text("", &text)
                    };
                }
            }
            Action::Edit(id, text, _) => {
                if let Some(i) = s.inputs.iter_mut().find(|i| i.id == id) {
                    i.too_large = (text.len() > PAGE_INPUT_LIMIT).then_some(text.len());
                    // Typed text is valid UTF-8: earlier decoding problems no longer apply.
                    i.invalid_utf8_line = None;
                    i.nul_line = nul_line(&text);
                    i.text = Rc::from(text);
                }
            }
            Action::MakeEditable(id) => {
                if let Some(i) = s.inputs.iter_mut().find(|i| i.id == id) {
                    i.read_only = false;
                }
            }
            Action::Rename(id, name) => {
                if let Some(i) = s.inputs.iter_mut().find(|i| i.id == id) {
                    i.name = name;
                }
            }
            Action::SetKind(id, kind) => {
                if let Some(i) = s.inputs.iter_mut().find(|i| i.id == id) {
                    i.kind = kind;
                }
            }
            Action::Remove(id) => {
                let pos = s.inputs.iter().position(|i| i.id == id);
                s.inputs.retain(|i| i.id != id);
                if s.inputs.is_empty() {
                    let id = s.next_id;
                    s.next_id += 1;
                    s.inputs.push(empty_input(id));
                }
                if s.active_input == id {
                    let at = pos.unwrap_or(0).min(s.inputs.len() - 1);
                    s.active_input = s.inputs[at].id;
                }
            }
            Action::SelectInput(id) => s.active_input = id,
            Action::SetTarget(Target::ModPython) if !s.mod_python_allowed() => return self,
            Action::SetTarget(t) => s.target = t,
            Action::SetFrom(f) => {
                let to = match f {
                    Some(f) if f >= s.to => f.next().unwrap_or(s.to),
                    _ => s.to,
                };
                if !s.set_releases(f, to) {
                    return self;
                }
            }
            Action::SetTo(to) => {
                if !s.set_releases(s.from, to) {
                    return self;
                }
            }
            Action::SetReleases(f, to) => {
                if !s.set_releases(f, to) {
                    return self;
                }
            }
            Action::SetKeepPkgurl(k) => s.keep_pkgurl = k,
            Action::Converted(c) => {
                if c.revision != s.revision {
                    return self;
                }
                let n = c.report.files.len();
                // Keep the same file selected across re-conversions when it still exists.
                let previous = s
                    .result
                    .as_ref()
                    .filter(|r| !r.input_ids.is_empty())
                    .and_then(|r| r.report.file(s.active_output))
                    .map(|f| f.output.clone());
                s.active_output = FileId::new(
                    previous
                        .and_then(|name| c.report.files.iter().position(|f| f.output == name))
                        .unwrap_or(0)
                        .min(n.saturating_sub(1)),
                );
                s.focus = None;
                s.result = Some(c);
                // Until its notes and steps are drawn, the last ones stay; those of a result
                // without inputs were never shown, and would only be drawn to go.
                s.side = s.side.take().filter(|r| !r.input_ids.is_empty());
            }
            Action::SelectOutput(k) => {
                s.active_output = k;
                s.focus = None;
            }
            Action::Focus(f) => {
                s.active_output = f.file;
                s.focus = Some(f);
            }
            Action::ToggleUnified => s.unified = !s.unified,
            Action::ShowAllNotes => s.all_notes = true,
            Action::Choose(id, accept) => {
                // Only from a result of the current inputs: another's ids mean other changes.
                let Some(r) = s.result.clone().filter(|r| r.revision >= s.inputs_revision) else {
                    return self;
                };
                if accept {
                    let accepted = r.report.with_needs(id);
                    s.rejected.retain(|x| !accepted.contains(x));
                } else if !s.rejected.contains(&id) {
                    s.rejected.push(id);
                }
            }
            Action::AcceptAll => s.rejected.clear(),
            Action::WarmUp(w) => s.warm_up = w,
            Action::ShowSide => {
                if s.side_drawn() {
                    return self;
                }
                s.side = s.result.clone();
            }
        }
        if changes_result {
            s.revision += 1;
        }
        Rc::new(s)
    }
}

/// The releases a URL fragment names (`#from=1.21&to=1.35`, either part optional; a missing
/// part is the default). `None` when a part is not a release or they do not go together.
pub fn releases_of_fragment(fragment: &str) -> Option<(Option<Release>, Release)> {
    let (mut from, mut to) = (None, Release::NEWEST);
    for part in fragment.trim_start_matches('#').split('&') {
        match part.split_once('=') {
            Some(("from", r)) => from = Some(Release::parse(r)?),
            Some(("to", r)) => to = Release::parse(r)?,
            _ if part.is_empty() => {}
            _ => return None,
        }
    }
    (to >= Release::V1_7 && from.is_none_or(|f| f < to)).then_some((from, to))
}

/// The URL fragment naming these releases (what [`releases_of_fragment`] reads).
pub fn fragment_of_releases(from: Option<Release>, to: Release) -> String {
    match from {
        Some(f) => format!("#from={f}&to={to}"),
        None => format!("#to={to}"),
    }
}
