//! A converted input beside its original: line numbers, +/− markers, changed words marked,
//! unchanged runs collapsed behind "show more"; or the same as one unified column. Above each run
//! of changed rows, the changes behind it (rule summary, why, accept/reject); a rejected change,
//! whose lines are unchanged, where its lines are.
//!
//! A file the migration created is drawn the same way, as all added lines, each with the input
//! line it comes from.
//!
//! Every diff is whole, whatever its length: [`crate::placement`] lays out all its items, and
//! only those in view are drawn ([`crate::ui::virtual_rows`]).

mod change_box;
mod parsed;
mod rows;

use crate::diff::{DiffModel, Row};
use crate::placement::{place, Item};
use crate::report::{ChangeId, FileId};
use crate::ui::state::{Converted, Focus};
use crate::ui::virtual_rows::use_virtual_rows;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiffViewProps {
    pub result: Rc<Converted>,
    pub file: FileId,
    pub focus: Option<Focus>,
    pub unified: bool,
    /// Accept (true) or reject a change, by id.
    pub on_choose: Callback<(ChangeId, bool)>,
}

const CONTEXT: usize = 3;

/// A file's diff and where each of its items goes.
struct Laid {
    model: DiffModel,
    items: Vec<Item>,
}

/// The columns of the table, by class (see the stylesheet's `col` widths).
fn cols_of(new_file: bool, unified: bool) -> &'static [&'static str] {
    if new_file {
        &["ln", "mk", "code", "origin"]
    } else if unified {
        &["ln", "ln", "mk", "code"]
    } else {
        &["ln", "mk", "code", "ln", "mk", "code"]
    }
}

#[component]
pub fn DiffView(props: &DiffViewProps) -> Html {
    let expanded = use_state(|| false);
    let new_file = props
        .result
        .report
        .file(props.file)
        .is_none_or(|f| f.original.is_none());
    let unified = props.unified || new_file;
    // A focused line might sit in a collapsed run: show everything then.
    let full = *expanded || props.focus.is_some();
    let laid = {
        let result = props.result.clone();
        use_memo(
            (result, props.file, full, unified),
            |(result, id, full, unified)| {
                let Some(f) = result.report.file(*id) else {
                    return Laid {
                        model: DiffModel::default(),
                        items: Vec::new(),
                    };
                };
                let old = f.original.as_deref().unwrap_or("");
                let old_total = old.lines().count();
                let context = if *full {
                    old_total + f.text.lines().count() + 1
                } else {
                    CONTEXT
                };
                let model = DiffModel::of_file(f, context);
                let items = place(&model, &result.report.changes, *id, old_total, *unified);
                Laid { model, items }
            },
        )
    };
    let report = &props.result.report;
    let row_of = |hunk: usize, row: usize| &laid.model.hunks[hunk].rows[row];
    // Rows in plain lines: change boxes take a line and their padding, two with a reason.
    let estimate = |i: usize| match laid.items[i] {
        Item::Change(c) if report.change(c).is_some_and(|c| c.accepted) => 1.8,
        Item::Change(_) => 2.9,
        _ => 1.0,
    };
    // A diff row, and which side of it a unified line shows.
    let as_row = |item: &Item| -> Option<(&Row, Option<bool>)> {
        match *item {
            Item::Row { hunk, row } => Some((row_of(hunk, row), None)),
            Item::Line {
                hunk,
                row,
                new_side,
            } => Some((row_of(hunk, row), Some(new_side))),
            _ => None,
        }
    };
    let focus = props.focus;
    let jump = focus.and_then(|f| {
        let at = laid
            .items
            .iter()
            .position(|item| as_row(item).is_some_and(|(r, side)| rows::focused(focus, r, side)))?;
        Some((f.seq, at))
    });
    // The list changes with the result, the file and the view: each names a new generation,
    // whose rows are measured anew as they are drawn.
    let generation = (props.result.revision << 24)
        ^ ((props.file.index() as u64) << 2)
        ^ (u64::from(full) << 1)
        ^ u64::from(unified);
    let window = use_virtual_rows(generation, laid.items.len(), &estimate, jump, 1200.0);
    let parsed = use_mut_ref(parsed::ParsedRows::default);

    let Some(file) = report.file(props.file) else {
        return html! {};
    };
    let name = props.result.file_name(props.file).to_string();
    if laid.items.is_empty() {
        return html! {
            <p class="unchanged" ref={window.container}>
                {format!("{name} needs no change for Koji {}: it is kept exactly as it was.", props.result.to)}
            </p>
        };
    }
    let cols = if unified { "4" } else { "6" };
    let show_more = {
        let expanded = expanded.clone();
        Callback::from(move |_| expanded.set(true))
    };
    let mut parsed = parsed.borrow_mut();
    parsed.update(
        generation,
        window.range.clone(),
        |i| {
            let (r, side) = as_row(&laid.items[i])?;
            Some(rows::focused(focus, r, side))
        },
        |out, i| {
            let Some((r, side)) = as_row(&laid.items[i]) else {
                return;
            };
            let focused = rows::focused(focus, r, side);
            match side {
                None => rows::side_by_side(out, &props.result, props.file, r, focused),
                Some(new_side) => rows::unified(
                    out,
                    &props.result,
                    props.file,
                    r,
                    (new_side, new_file),
                    focused,
                ),
            }
        },
    );
    // Keyed by item: as the window moves, a row still drawn keeps its DOM, so a focused
    // checkbox stays focused and stays its change's (unkeyed, rows are patched with their
    // neighbours' content and the focus is lost).
    let draw = |i: usize| -> Html {
        match laid.items[i] {
            Item::Gap { hidden } => rows::gap(i, hidden, cols, show_more.clone()),
            Item::Change(c) => report.change(c).map_or_else(Html::default, |c| {
                change_box::change_box(i, &props.result, c, cols, &props.on_choose)
            }),
            Item::Row { .. } | Item::Line { .. } => parsed.row(i),
        }
    };

    let output = file.output.clone();
    let label = if new_file {
        format!("New file {output}")
    } else {
        format!("Changes from {name} to {output}")
    };
    html! {
        <div class="diff-wrap" ref={window.container} onscroll={window.onscroll} onfocusin={window.onfocusin} tabindex="0" role="region" aria-label={label.clone()}>
            if new_file {
                <p class="new-file-note">{format!("New file: {output}. The right column (or hovering a line) shows which input line each line comes from.")}</p>
            } else if laid.model.is_empty() {
                <p class="unchanged">{format!("{name} is kept exactly as it was: its changes are rejected.")}</p>
            }
            <table class={classes!("diff", if new_file { "newfile" } else if unified { "unified" } else { "split" })}>
                <caption class="visually-hidden">{label}</caption>
                // Fixed column widths: only some rows are drawn, and widths that followed them
                // would shift the columns (and the rows' heights) as the view scrolls.
                <colgroup>{ for cols_of(new_file, unified).iter().map(|c| html! { <col class={*c} /> }) }</colgroup>
                <thead>
                    if new_file {
                        <tr><th scope="col">{"line"}</th><th></th><th scope="col">{&output}</th><th scope="col">{"from"}</th></tr>
                    } else if unified {
                        <tr><th scope="col">{"old"}</th><th scope="col">{"new"}</th><th></th><th scope="col">{format!("{name} → {output}")}</th></tr>
                    } else {
                        <tr><th scope="col" colspan="3">{match props.result.from {
                            Some(f) => format!("{name} (Koji {f})"),
                            None => format!("{name} (now)"),
                        }}</th><th scope="col" colspan="3">{format!("{output} (Koji {})", props.result.to)}</th></tr>
                    }
                </thead>
                <tbody>
                    // Keyed too: a list with some children keyed and some not is diffed by
                    // position, which replaces every row whose key moved.
                    <tr key={usize::MAX} class="spacer" aria-hidden="true"><td colspan={cols} ref={window.top_spacer}></td></tr>
                    { for window.range.clone().map(draw) }
                    <tr key={usize::MAX - 1} class="spacer" aria-hidden="true"><td colspan={cols} ref={window.bottom_spacer}></td></tr>
                </tbody>
            </table>
        </div>
    }
}
