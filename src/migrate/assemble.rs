//! From plans to the [`Report`]: apply the accepted splices, number the notes' output lines,
//! name the outputs.

use super::{choices::resolve_choices, Input};
use crate::options::Choices;
use crate::report::{
    Change, ChangeId, FileId, FileKind, Lines, Note, NoteKind, Origin, OutputFile, Report, Severity,
};
use crate::rules::context::Doc;
use crate::rules::{self, Draft, NewFile, Plan};
#[cfg(not(target_arch = "wasm32"))]
use crate::text::Splice;
use crate::text::{apply, LineOrigin};
#[cfg(not(target_arch = "wasm32"))]
use std::borrow::Cow;

pub(super) fn build_report(
    inputs: &[Input],
    docs: &mut [Doc],
    kinds: &[FileKind],
    plans: &mut [Plan],
    global: &mut Plan,
    new_files: Vec<NewFile>,
    choices: &Choices,
) -> Report {
    let n = inputs.len();
    let mut base = Vec::with_capacity(plans.len());
    let mut total = 0;
    for p in plans.iter() {
        base.push(total);
        total += p.changes.len();
    }
    let verdicts = resolve_choices(plans, &base, choices);
    let accepted = |i: usize, local: usize| verdicts[base[i] + local].is_none();

    // Created files whose change was rejected are not created; the others get their final index.
    let mut new_index: Vec<Option<FileId>> = Vec::with_capacity(new_files.len());
    let mut next = n;
    for f in &new_files {
        let kept = f.created_by.is_none_or(|(i, c)| accepted(i, c));
        new_index.push(kept.then(|| {
            next += 1;
            FileId::new(next - 1)
        }));
    }

    let mut report = Report::default();
    // Tens of thousands of notes for a long file: allocated once, not grown by copying
    // (natively: the page grows them).
    #[cfg(not(target_arch = "wasm32"))]
    report.changes.reserve_exact(total);
    #[cfg(not(target_arch = "wasm32"))]
    report.notes.reserve_exact(
        plans.iter().map(|p| p.notes.len()).sum::<usize>()
            + global.notes.len()
            + verdicts.iter().filter(|v| v.is_some()).count(),
    );
    let mut taken = Names::default();
    for (i, input) in inputs.iter().enumerate() {
        let id = FileId::new(i);
        // The notes' drafts are consumed: their messages move into the report rather than
        // being copied (tens of thousands of them, megabytes, for a long file).
        let drafts = std::mem::take(&mut plans[i].notes);
        let plan = &plans[i];
        let table = docs[i].table();
        // Only accepted changes' splices are applied; remember where each one went.
        let mut owner = vec![None; plan.splices.len()];
        for (c, change) in plan.changes.iter().enumerate() {
            for &s in &change.splices {
                owner[s] = Some(c);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let (kept, position) = kept_splices(plan, &owner, |c| accepted(i, c));
        // The page clones them all (borrowing cost it 340 B).
        #[cfg(target_arch = "wasm32")]
        let (kept, position) = {
            let mut position = vec![None; plan.splices.len()];
            let mut kept = Vec::new();
            for (s, splice) in plan.splices.iter().enumerate() {
                if owner[s].is_none_or(|c| accepted(i, c)) {
                    position[s] = Some(kept.len());
                    kept.push(splice.clone());
                }
            }
            (kept, position)
        };
        // What is needed no more is freed before the next large block: the peak of the CLI's
        // heap is in this loop (the output and its origins of a 100,000-line input). Natively
        // (the page's memory is not at stake; the reordered frees cost it ~50 B gzipped).
        #[cfg(not(target_arch = "wasm32"))]
        drop(owner);
        #[cfg_attr(target_arch = "wasm32", allow(unused_mut))]
        let mut applied = apply(table, &kept);
        let written_by = |c: usize| -> Option<Lines> {
            let (mut lo, mut hi) = (usize::MAX, 0);
            for &s in &plan.changes[c].splices {
                if let Some(r) = position[s].and_then(|p| applied.written.get(p)) {
                    if !r.is_empty() {
                        lo = lo.min(r.start);
                        hi = hi.max(r.end);
                    }
                }
            }
            (lo < hi).then(|| Lines::from_range(lo..hi)).flatten()
        };
        // Once per change: a change can have thousands of splices and be cited by thousands of notes.
        let written: Vec<Option<Lines>> = (0..plan.changes.len()).map(written_by).collect();
        #[cfg(not(target_arch = "wasm32"))]
        {
            drop(position);
            applied.written = Vec::new();
        }
        for (c, change) in plan.changes.iter().enumerate() {
            let g = base[i] + c;
            report.changes.push(Change {
                id: ChangeId::new(g),
                rule: change.rule.id,
                input: id,
                lines: Lines::from_range(change.lines.clone()),
                output_lines: written[c],
                depends_on: change
                    .depends_on
                    .iter()
                    .map(|&d| ChangeId::new(base[i] + d))
                    .collect(),
                accepted: verdicts[g].is_none(),
                rejected_because: verdicts[g].clone(),
            });
            if let (Some(why), Some(consequence)) =
                (&verdicts[g], rules::consequence_of_rejecting(change.rule))
            {
                report.notes.push(Note {
                    severity: Severity::Warning,
                    rule: change.rule.id,
                    input: Some(id),
                    lines: Lines::from_range(change.lines.clone()),
                    output: None,
                    output_lines: None,
                    message: format!("Not changed ({why}): {consequence}"),
                    guide: change.rule.guide,
                    change: Some(ChangeId::new(g)),
                    kind: NoteKind::RejectedNeeded,
                });
            }
        }
        let origins = applied
            .origins
            .iter()
            .map(|o| match *o {
                LineOrigin::Kept(l) => Some(Origin {
                    file: id,
                    line: l + 1,
                    written: false,
                }),
                LineOrigin::Written(l) => Some(Origin {
                    file: id,
                    line: (l + 1).min(table.len().max(1)),
                    written: true,
                }),
            })
            .collect();
        let name = unique_name(&output_name(&input.name, kinds[i]), &mut taken);
        for draft in drafts {
            let change = draft
                .change
                .map(|c| (ChangeId::new(base[i] + c), accepted(i, c), written[c]));
            report
                .notes
                .push(note_of(draft, Some(id), change, &new_index));
        }
        for &c in &applied.conflicts {
            report.notes.push(Note {
                severity: Severity::Error,
                rule: rules::r1_7::input_problem::RULE.id,
                input: Some(id),
                lines: Lines::from_range(kept[c].removed()),
                output: None,
                output_lines: None,
                message: "Two changes wanted the same lines; the second was not made. Please report this input.".into(),
                guide: rules::r1_7::input_problem::RULE.guide,
                change: None,
                kind: NoteKind::Finding,
            });
        }
        report.files.push(OutputFile {
            input: Some(input.name.clone()),
            // Natively filled below, from the document: the input's text, not a copy. The page
            // copies its borrowed input's (taking the texts cost it ~180 B gzipped).
            #[cfg(not(target_arch = "wasm32"))]
            original: None,
            #[cfg(target_arch = "wasm32")]
            original: Some(input.text.clone()),
            kind: kinds[i],
            output: name,
            changed: applied.text != table.text(),
            text: applied.text,
            origins,
            lone_cr_breaks: table.lone_cr_breaks(),
        });
    }
    for draft in std::mem::take(&mut global.notes) {
        report.notes.push(note_of(draft, None, None, &new_index));
    }
    for (file, index) in new_files.into_iter().zip(&new_index) {
        if index.is_none() {
            continue;
        }
        let eol = file
            .lines
            .iter()
            .find_map(|l| l.origin)
            .map(|(i, _)| docs[i].table().preferred_eol().as_str())
            .unwrap_or("\n");
        let mut text = String::new();
        for l in &file.lines {
            text.push_str(&l.text);
            text.push_str(eol);
        }
        let origins = file
            .lines
            .iter()
            .map(|l| {
                l.origin.map(|(f, line)| Origin {
                    file: FileId::new(f),
                    line: line + 1,
                    written: true,
                })
            })
            .collect();
        let name = unique_name(&file.name, &mut taken);
        report.files.push(OutputFile {
            input: None,
            original: None,
            kind: file.kind,
            output: name,
            text,
            changed: true,
            origins,
            lone_cr_breaks: false,
        });
    }
    // The documents are read no more: their texts become the inputs' originals (the report's
    // first files are the inputs', in order; the created files after them get none).
    #[cfg(not(target_arch = "wasm32"))]
    for (file, doc) in report.files.iter_mut().zip(docs) {
        file.original = Some(doc.take_text());
    }
    report
}

#[cfg(not(target_arch = "wasm32"))]
/// The splices of `plan` to apply: those of no change or of an accepted change (`owner` says
/// whose each is), and where each went among them. Nearly always all of them, then borrowed:
/// a long file has tens of thousands of splices, each owning its lines.
fn kept_splices<'p>(
    plan: &'p Plan,
    owner: &[Option<usize>],
    accepted: impl Fn(usize) -> bool,
) -> (Cow<'p, [Splice]>, Vec<Option<usize>>) {
    let kept = |s: usize| owner[s].is_none_or(&accepted);
    if (0..plan.splices.len()).all(kept) {
        return (
            Cow::Borrowed(&plan.splices),
            (0..plan.splices.len()).map(Some).collect(),
        );
    }
    let mut position = vec![None; plan.splices.len()];
    let mut chosen = Vec::new();
    for (s, splice) in plan.splices.iter().enumerate() {
        if kept(s) {
            position[s] = Some(chosen.len());
            chosen.push(splice.clone());
        }
    }
    (Cow::Owned(chosen), position)
}

/// The note for `draft`; `change` is (report-wide id, accepted, output lines it wrote).
fn note_of(
    draft: Draft,
    input: Option<FileId>,
    change: Option<(ChangeId, bool, Option<Lines>)>,
    new_index: &[Option<FileId>],
) -> Note {
    let mut output = None;
    let mut output_lines = None;
    if let Some((_, true, lines)) = change {
        output = input;
        output_lines = lines;
    }
    let made = change.is_none_or(|(_, accepted, _)| accepted);
    if let (Some((k, r)), true) = (&draft.new_file, made) {
        if let Some(index) = new_index.get(*k).copied().flatten() {
            output = Some(index);
            output_lines = Lines::from_range(r.clone());
        }
    }
    Note {
        severity: draft.severity,
        rule: draft.rule.id,
        input,
        lines: draft.lines.and_then(Lines::from_range),
        output,
        output_lines,
        message: draft.message,
        guide: draft.guide.unwrap_or(draft.rule.guide),
        change: change.map(|(id, _, _)| id),
        kind: NoteKind::Finding,
    }
}

/// The base name a converted input is saved under.
fn output_name(name: &str, kind: FileKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    if !base.is_empty() && base != "-" {
        return base.to_string();
    }
    match kind {
        FileKind::HubHttpd => "kojihub.conf",
        FileKind::WebHttpd => "kojiweb.conf",
        FileKind::Httpd => "koji-httpd.conf",
        FileKind::HubConf => "hub.conf",
        FileKind::WebConf => "web.conf",
        FileKind::KojidConf => "kojid.conf",
        FileKind::KojiraConf => "kojira.conf",
        FileKind::ClientConf => "koji.conf",
        FileKind::Sql => "schema.sql",
        FileKind::Unknown => "input.txt",
    }
    .to_string()
}

/// `name`, or `stem-2.ext`, `stem-3.ext`, … when an earlier file already has it.
fn unique_name(name: &str, taken: &mut Names) -> String {
    let mut candidate = name.to_string();
    // Suffixes below the one this name reached last time are all taken still: start there, so
    // 1,000 inputs called kojid.conf cost 1,000 tries, not 500,000.
    let mut k = taken.0.get(name).copied().unwrap_or(2);
    while taken.0.contains_key(&candidate) {
        candidate = match name.rfind('.') {
            Some(dot) if dot > 0 => format!("{}-{k}{}", &name[..dot], &name[dot..]),
            _ => format!("{name}-{k}"),
        };
        k += 1;
    }
    taken.0.insert(candidate.clone(), 2);
    taken.0.insert(name.to_string(), k);
    candidate
}

/// The output names given so far, each with the next suffix worth trying when it is wanted again.
#[derive(Default)]
struct Names(std::collections::HashMap<String, usize>);
