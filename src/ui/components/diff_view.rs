//! A converted input beside its original: line numbers, +/− markers, changed words marked,
//! unchanged runs collapsed behind "show more"; or the same as one unified column. Above each run
//! of changed rows, the changes behind it (rule summary, why, accept/reject); a rejected change,
//! whose lines are unchanged, where its lines are.

use crate::diff::{DiffModel, Row, RowKind, Side};
use crate::report::{Change, Lines};
use crate::ui::state::{Converted, Focus};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiffViewProps {
    pub result: Rc<Converted>,
    pub file: usize,
    pub focus: Option<Focus>,
    pub unified: bool,
    /// Accept (true) or reject a change, by id.
    pub on_choose: Callback<(usize, bool)>,
}

const CONTEXT: usize = 3;
/// Rows drawn before "show all": keeps a huge input from freezing the page while it renders.
const ROW_LIMIT: usize = 1500;
/// Inputs larger than this are converted but not diffed here: the line diff of a huge file with
/// many changes takes far too long on the page's only thread.
const DIFF_LIMIT: usize = 1 << 20;

fn within(lines: Option<Lines>, side: Option<&Side>) -> bool {
    match (lines, side) {
        (Some(l), Some(s)) => (l.first..=l.last).contains(&s.line),
        _ => false,
    }
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
fn origin_title(result: &Converted, file: usize, side: Option<&Side>) -> Option<String> {
    let side = side?;
    let origin = result
        .report
        .files
        .get(file)?
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

fn overlaps(lines: Option<Lines>, (lo, hi): (usize, usize)) -> bool {
    lines.is_some_and(|l| l.first <= hi && lo <= l.last)
}

/// One change: its rule, why, where, and the toggle that accepts or rejects it.
fn change_box(
    result: &Converted,
    c: &Change,
    cols: &str,
    on_choose: &Callback<(usize, bool)>,
) -> Html {
    let summary = |rule| crate::rules::rule(rule).map_or(rule, |r| r.summary);
    let (id, accepted) = (c.id, c.accepted);
    let onchange = on_choose.reform(move |_: Event| (id, !accepted));
    // Not made because it needs a change that is not made: say which, in words.
    let needs = c
        .depends_on
        .iter()
        .filter_map(|&d| result.report.changes.get(d))
        .find(|d| !accepted && !d.accepted);
    html! {
        <tr class={classes!("change", (!accepted).then_some("rejected"))}><td colspan={cols.to_string()}>
            <label>
                <input type="checkbox" checked={accepted} {onchange} />
                {format!(" Accept: {} ", summary(c.rule))}<code>{c.rule}</code>
            </label>
            {c.lines.map(|l| format!(" · line {l}"))}
            if let Some(d) = needs {
                <p>{format!("Not made: it needs “{}”, which is not made. Accepting this one accepts that one too.", summary(d.rule))}</p>
            } else if !accepted {
                <p>{"Rejected: these lines stay as they were."}</p>
            }
            <a class="why" href={format!("rules.html#{}", c.rule)} target="_blank" rel="noopener">{"Why"}</a>
        </td></tr>
    }
}

#[component]
pub fn DiffView(props: &DiffViewProps) -> Html {
    let expanded = use_state(|| false);
    let all_rows = use_state(|| false);
    let container = use_node_ref();
    let file = &props.result.report.files[props.file];
    let original = file.original.clone().unwrap_or_default();
    // A focused line might sit in a collapsed run: show everything then.
    let full = *expanded || props.focus.is_some();
    let too_large = original.len().max(file.text.len()) > DIFF_LIMIT;
    let model = {
        let result = props.result.clone();
        let index = props.file;
        use_memo((result, index, full), move |(result, index, full)| {
            let f = &result.report.files[*index];
            if f.original.as_deref().unwrap_or("").len().max(f.text.len()) > DIFF_LIMIT {
                return DiffModel::default();
            }
            let old = f.original.as_deref().unwrap_or("");
            let context = if *full {
                old.lines().count() + f.text.lines().count() + 1
            } else {
                CONTEXT
            };
            DiffModel::of_file(f, context)
        })
    };
    {
        let container = container.clone();
        use_effect_with(props.focus.map(|f| f.seq), move |seq| {
            if seq.is_some() {
                crate::ui::browser::scroll_focus_into_view(&container);
            }
        });
    }

    if too_large {
        return html! {
            <p class="unchanged" ref={container}>
                {format!(
        "{} is {}: too large to show the differences here. Its converted version is \
                     ready — use Download or Copy — and the notes list every change with its line.",
                    props.result.file_name(props.file),
                    crate::ui::browser::megabytes(original.len())
                )}
            </p>
        };
    }
    let changes: Vec<&Change> = props
        .result
        .report
        .changes
        .iter()
        .filter(|c| c.input == props.file)
        .collect();
    if model.is_empty() && changes.is_empty() {
        return html! {
            <p class="unchanged" ref={container}>
                {format!("{} needs no change for Koji {}: it is kept exactly as it was.", props.result.file_name(props.file), props.result.to)}
            </p>
        };
    }

    let old_total = original.lines().count();
    let show_more = |hidden: usize| -> Html {
        if hidden == 0 {
            return html! {};
        }
        let expanded = expanded.clone();
        html! {
            <tr class="gap"><td colspan={if props.unified { "4" } else { "6" }}>
                <button type="button" class="link" onclick={move |_| expanded.set(true)}>
                    {format!("⋯ {hidden} unchanged line{} — show more", if hidden == 1 { "" } else { "s" })}
                </button>
            </td></tr>
        }
    };
    let focus = props.focus;
    let is_focus = |row: &Row| {
        focus.is_some_and(|f| within(f.old, row.old.as_ref()) || within(f.new, row.new.as_ref()))
    };
    let row_html = |row: &Row| -> Html {
        let class = classes!(
            "row",
            match row.kind {
                RowKind::Equal => "equal",
                RowKind::Delete => "delete",
                RowKind::Insert => "insert",
                RowKind::Replace => "replace",
            },
            is_focus(row).then_some("focus")
        );
        let title = origin_title(&props.result, props.file, row.new.as_ref());
        let changed = row.kind != RowKind::Equal;
        html! {
            <tr {class} title={title}>
                <td class="ln">{row.old.as_ref().map(|s| s.line.to_string())}</td>
                <td class="mk" aria-label={if changed && row.old.is_some() { "removed" } else { "" }}>
                    {if changed && row.old.is_some() { "−" } else { "" }}</td>
                <td class="code old">{spans(row.old.as_ref())}</td>
                <td class="ln">{row.new.as_ref().map(|s| s.line.to_string())}</td>
                <td class="mk" aria-label={if changed && row.new.is_some() { "added" } else { "" }}>
                    {if changed && row.new.is_some() { "+" } else { "" }}</td>
                <td class="code new">{spans(row.new.as_ref())}</td>
            </tr>
        }
    };

    // One line of the unified view: the old side (−) or the new side (+) of a row.
    let unified_line = |row: &Row, new_side: bool| -> Html {
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
        let focused = focus.is_some_and(|f| {
            if equal {
                within(f.old, row.old.as_ref()) || within(f.new, row.new.as_ref())
            } else if new_side {
                within(f.new, side)
            } else {
                within(f.old, side)
            }
        });
        let title = new_side
            .then(|| origin_title(&props.result, props.file, side))
            .flatten();
        html! {
            <tr class={classes!("row", class, focused.then_some("focus"))} {title}>
                <td class="ln">{row.old.as_ref().filter(|_| equal || !new_side).map(|s| s.line.to_string())}</td>
                <td class="ln">{row.new.as_ref().filter(|_| equal || new_side).map(|s| s.line.to_string())}</td>
                <td class="mk" aria-label={label}>{marker}</td>
                <td class="code">{spans(side)}</td>
            </tr>
        }
    };
    // Unified: each run of changed rows as all its removed lines, then all its added lines.
    let unified_rows = |rows: &[Row]| -> Vec<Html> {
        let mut out = Vec::new();
        let mut plus = Vec::new();
        for row in rows {
            if row.kind == RowKind::Equal {
                out.append(&mut plus);
                out.push(unified_line(row, true));
                continue;
            }
            if row.old.is_some() {
                out.push(unified_line(row, false));
            }
            if row.new.is_some() {
                plus.push(unified_line(row, true));
            }
        }
        out.append(&mut plus);
        out
    };

    let cols = if props.unified { "4" } else { "6" };
    let mut shown = vec![false; changes.len()];
    // Rejected changes not shown yet: while there are none, an unchanged row places no box, and
    // skipping the search keeps a file with thousands of changes from going quadratic.
    let rejected_left = std::cell::Cell::new(changes.iter().filter(|c| !c.accepted).count());
    // Changes before this one are all shown: the search starts here.
    let mut first_unshown = 0;
    // The boxes of the changes not shown yet that `pick` selects.
    let mut boxes = |pick: &dyn Fn(&Change) -> bool| -> Vec<Html> {
        let mut out = Vec::new();
        for (c, seen) in changes.iter().zip(shown.iter_mut()).skip(first_unshown) {
            if !*seen && pick(c) {
                *seen = true;
                if !c.accepted {
                    rejected_left.set(rejected_left.get() - 1);
                }
                out.push(change_box(&props.result, c, cols, &props.on_choose));
            }
        }
        while shown.get(first_unshown) == Some(&true) {
            first_unshown += 1;
        }
        out
    };
    let mut body = Vec::new();
    let mut next_old = 1;
    // Past ROW_LIMIT rows nothing more is built (a row built and dropped costs as much as one shown).
    let capped = !*all_rows && props.focus.is_none();
    let mut cut = false;
    for hunk in &model.hunks {
        if capped && body.len() > ROW_LIMIT {
            cut = true;
            break;
        }
        body.push(show_more(hunk.old_start.saturating_sub(next_old)));
        // Runs: each changed run whole, each unchanged row alone.
        let rows = &hunk.rows;
        let mut k = 0;
        while k < rows.len() {
            if capped && body.len() > ROW_LIMIT {
                cut = true;
                break;
            }
            let changed = rows[k].kind != RowKind::Equal;
            let end = if changed {
                rows[k..]
                    .iter()
                    .position(|r| r.kind == RowKind::Equal)
                    .map_or(rows.len(), |n| k + n)
            } else {
                k + 1
            };
            let run = &rows[k..end];
            let (mut old, mut new) = ((usize::MAX, 0), (usize::MAX, 0));
            for r in run {
                if let Some(s) = &r.old {
                    old = (old.0.min(s.line), old.1.max(s.line));
                }
                if let Some(s) = &r.new {
                    new = (new.0.min(s.line), new.1.max(s.line));
                }
            }
            if changed || rejected_left.get() > 0 {
                body.extend(boxes(&|c| {
                    (!c.accepted && c.lines.is_some_and(|l| l.first <= old.1))
                        || (changed && (overlaps(c.lines, old) || overlaps(c.output_lines, new)))
                }));
            }
            if props.unified {
                body.extend(unified_rows(run));
            } else {
                body.extend(run.iter().map(row_html));
            }
            k = end;
        }
        next_old = hunk.old_start + hunk.old_len;
    }
    if cut {
        let total: usize = model.hunks.iter().map(|h| h.rows.len()).sum();
        let all_rows = all_rows.clone();
        body.push(html! {
            <tr class="gap"><td colspan={if props.unified { "4" } else { "6" }}>
                <button type="button" class="link" onclick={move |_| all_rows.set(true)}>
                    {format!("Showing the first {ROW_LIMIT} rows of {total} changed and context lines — show all (slow for a file this large)")}
                </button>
            </td></tr>
        });
    } else {
        if !model.is_empty() {
            body.push(show_more((old_total + 1).saturating_sub(next_old)));
        }
        body.extend(boxes(&|_| true));
    }

    let name = props.result.file_name(props.file).to_string();
    let output = file.output.clone();
    html! {
        <div class="diff-wrap" ref={container} tabindex="0" role="region" aria-label={format!("Changes from {name} to {output}")}>
            if model.is_empty() {
                <p class="unchanged">{format!("{name} is kept exactly as it was: its changes are rejected.")}</p>
            }
            <table class={classes!("diff", if props.unified { "unified" } else { "split" })}>
                <caption class="visually-hidden">{format!("Changes from {name} to {output}")}</caption>
                <thead>
                    if props.unified {
                        <tr><th scope="col">{"old"}</th><th scope="col">{"new"}</th><th></th><th scope="col">{format!("{name} → {output}")}</th></tr>
                    } else {
                        <tr><th scope="col" colspan="3">{match props.result.from {
                            Some(f) => format!("{name} (Koji {f})"),
                            None => format!("{name} (now)"),
                        }}</th><th scope="col" colspan="3">{format!("{output} (Koji {})", props.result.to)}</th></tr>
                    }
                </thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}
