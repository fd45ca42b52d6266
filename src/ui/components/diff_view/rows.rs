//! The rows of the diff table: a side-by-side row, one side of a row in the unified view, and
//! the "show more" gap between hunks.
//!
//! Diff rows are written as HTML text ([`side_by_side`], [`unified`]) and parsed by the browser,
//! all new rows of a draw in one call ([`super::parsed`]): Yew would create each row's seven
//! elements, their attributes and texts one JavaScript call at a time, which was most of a small
//! paste's script time (BENCHMARKS.md §5). Rows hold nothing to click or focus, so nothing is lost;
//! the gap's button and the change boxes stay Yew's.

use crate::diff::{Row, RowKind, Side};
use crate::report::{FileId, Lines};
use crate::ui::state::{Converted, Focus};
use std::fmt::Write;
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

/// Appends `text` as HTML text or a double-quoted attribute's value. Besides the characters the
/// parser reads as markup, a carriage return, which it would read as a line feed, goes by
/// reference. (NUL, which it would drop, never gets here: a file with one is left unchanged.)
fn escape(out: &mut String, text: &str) {
    let mut plain = 0;
    for (at, byte) in text.bytes().enumerate() {
        let reference = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\r' => "&#13;",
            _ => continue,
        };
        out.push_str(text.get(plain..at).unwrap_or_default());
        out.push_str(reference);
        plain = at + 1;
    }
    out.push_str(text.get(plain..).unwrap_or_default());
}

/// `<td class="{class}"[ aria-label="{label}"]>`.
fn open_cell(out: &mut String, class: &str, label: Option<&str>) {
    out.push_str("<td class=\"");
    out.push_str(class);
    out.push('"');
    if let Some(label) = label {
        out.push_str(" aria-label=\"");
        out.push_str(label);
        out.push('"');
    }
    out.push('>');
}

/// A line number's cell (empty without a line).
fn line_number(out: &mut String, side: Option<&Side>) {
    open_cell(out, "ln", None);
    if let Some(s) = side {
        let _ = write!(out, "{}", s.line);
    }
    out.push_str("</td>");
}

/// A line's text, its changed words marked, in a cell of `class`.
fn code(out: &mut String, class: &str, side: Option<&Side>) {
    open_cell(out, class, None);
    for sp in side.into_iter().flat_map(|s| &s.spans) {
        if sp.changed {
            out.push_str("<mark>");
            escape(out, &sp.text);
            out.push_str("</mark>");
        } else {
            escape(out, &sp.text);
        }
    }
    out.push_str("</td>");
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

/// `<tr class="row {class}[ focus]"[ title="{title}"]>`: the title says where a new line comes
/// from.
fn open_row(out: &mut String, class: &str, focus: bool, title: Option<&str>) {
    out.push_str("<tr class=\"row ");
    out.push_str(class);
    if focus {
        out.push_str(" focus");
    }
    out.push('"');
    if let Some(title) = title {
        out.push_str(" title=\"");
        escape(out, title);
        out.push('"');
    }
    out.push('>');
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
pub fn side_by_side(out: &mut String, result: &Converted, file: FileId, row: &Row, focus: bool) {
    let changed = row.kind != RowKind::Equal;
    let (old, new) = (row.old.as_ref(), row.new.as_ref());
    let title = origin_title(result, file, new);
    open_row(out, kind_class(row.kind), focus, title.as_deref());
    for (side, class, label, mark) in [
        (old, "code old", "removed", "−"),
        (new, "code new", "added", "+"),
    ] {
        let marked = changed && side.is_some();
        line_number(out, side);
        open_cell(out, "mk", marked.then_some(label));
        if marked {
            out.push_str(mark);
        }
        out.push_str("</td>");
        code(out, class, side);
    }
    out.push_str("</tr>");
}

/// One line of the unified view: the old side (−) or the new side (+) of a row, or an
/// unchanged row once. A file the migration created (`new_file`) has no old line numbers, and
/// says where each line comes from in a column of its own.
pub fn unified(
    out: &mut String,
    result: &Converted,
    file: FileId,
    row: &Row,
    (new_side, new_file): (bool, bool),
    focus: bool,
) {
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
    open_row(out, class, focus, title.as_deref());
    if !new_file {
        line_number(out, row.old.as_ref().filter(|_| equal || !new_side));
    }
    line_number(out, row.new.as_ref().filter(|_| equal || new_side));
    open_cell(out, "mk", Some(label));
    out.push_str(marker);
    out.push_str("</td>");
    code(out, "code", side);
    if new_file {
        open_cell(out, "origin", None);
        escape(out, title.as_deref().unwrap_or(""));
        out.push_str("</td>");
    }
    out.push_str("</tr>");
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
