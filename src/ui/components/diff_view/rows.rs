//! The rows of the diff table: a side-by-side row, one side of a row in the unified view, and
//! the "show more" gap between hunks.

use crate::diff::{Row, RowKind, Side};
use crate::report::{FileId, Lines};
use crate::ui::state::{Converted, Focus};
use yew::prelude::*;

/// Whether `side`'s line is among `lines`.
pub fn within(lines: Option<Lines>, side: Option<&Side>) -> bool {
    match (lines, side) {
        (Some(l), Some(s)) => (l.first..=l.last).contains(&s.line),
        _ => false,
    }
}

/// Whether the focused note points at this row (or, unified, at this side of it).
pub fn focused(focus: Option<Focus>, row: &Row, side: Option<bool>) -> bool {
    focus.is_some_and(|f| match side {
        Some(true) if row.kind != RowKind::Equal => within(f.new, row.new.as_ref()),
        Some(false) => within(f.old, row.old.as_ref()),
        _ => within(f.old, row.old.as_ref()) || within(f.new, row.new.as_ref()),
    })
}

fn spans(side: Option<&Side>) -> Html {
    match side {
        None => html! {},
        Some(s) => html! {
            { for s.spans.iter().map(|sp| if sp.changed {
                html! { <mark>{&sp.text}</mark> }
            } else {
                html! { {&sp.text} }
            }) }
        },
    }
}

/// "from kojiweb.conf line 12" for a new-side line.
fn origin_title(result: &Converted, file: FileId, side: Option<&Side>) -> Option<String> {
    let side = side?;
    let origin = result
        .report
        .file(file)?
        .origins
        .get(side.line - 1)?
        .as_ref()?;
    Some(format!(
        "{} {} line {}",
        if origin.written {
            "written from"
        } else {
            "from"
        },
        result.file_name(origin.file),
        origin.line
    ))
}

fn kind_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Equal => "equal",
        RowKind::Delete => "delete",
        RowKind::Insert => "insert",
        RowKind::Replace => "replace",
    }
}

/// A side-by-side row: old line number, marker, text; new line number, marker, text.
/// `key`: the row's place in the drawn list (every row is keyed by it, see [`super`]).
pub fn side_by_side(key: usize, result: &Converted, file: FileId, row: &Row, focus: bool) -> Html {
    let class = classes!("row", kind_class(row.kind), focus.then_some("focus"));
    let title = origin_title(result, file, row.new.as_ref());
    let changed = row.kind != RowKind::Equal;
    let (old_mark, new_mark) = (changed && row.old.is_some(), changed && row.new.is_some());
    html! {
        <tr {key} {class} {title}>
            <td class="ln">{row.old.as_ref().map(|s| s.line.to_string())}</td>
            <td class="mk" aria-label={old_mark.then_some("removed")}>{old_mark.then_some("−")}</td>
            <td class="code old">{spans(row.old.as_ref())}</td>
            <td class="ln">{row.new.as_ref().map(|s| s.line.to_string())}</td>
            <td class="mk" aria-label={new_mark.then_some("added")}>{new_mark.then_some("+")}</td>
            <td class="code new">{spans(row.new.as_ref())}</td>
        </tr>
    }
}

/// One line of the unified view: the old side (−) or the new side (+) of a row, or an
/// unchanged row once. A file the migration created (`new_file`) has no old line numbers, and
/// says where each line comes from in a column of its own.
pub fn unified(
    key: usize,
    result: &Converted,
    file: FileId,
    row: &Row,
    (new_side, new_file): (bool, bool),
    focus: bool,
) -> Html {
    let equal = row.kind == RowKind::Equal;
    let side = if new_side {
        row.new.as_ref()
    } else {
        row.old.as_ref()
    };
    let (marker, label, class) = match (equal, new_side) {
        (true, _) => (" ", "unchanged", "equal"),
        (false, false) => ("−", "removed", "delete"),
        (false, true) => ("+", "added", "insert"),
    };
    let title = new_side.then(|| origin_title(result, file, side)).flatten();
    html! {
        <tr {key} class={classes!("row", class, focus.then_some("focus"))} title={title.clone()}>
            if !new_file {
                <td class="ln">{row.old.as_ref().filter(|_| equal || !new_side).map(|s| s.line.to_string())}</td>
            }
            <td class="ln">{row.new.as_ref().filter(|_| equal || new_side).map(|s| s.line.to_string())}</td>
            <td class="mk" aria-label={label}>{marker}</td>
            <td class="code">{spans(side)}</td>
            if new_file {
                <td class="origin">{title}</td>
            }
        </tr>
    }
}

/// `hidden` unchanged lines behind a button that shows them all.
pub fn gap(key: usize, hidden: usize, cols: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <tr {key} class="gap"><td colspan={cols}>
            <button type="button" class="link" {onclick}>
                {format!("⋯ {hidden} unchanged line{} — show more", if hidden == 1 { "" } else { "s" })}
            </button>
        </td></tr>
    }
}
