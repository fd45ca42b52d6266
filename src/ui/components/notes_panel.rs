//! The notes, grouped by severity; clicking one shows its lines in the diff.

use crate::report::{Note, Severity};
use crate::ui::state::{Action, Converted, Focus, State};
use std::rc::Rc;
use yew::prelude::*;

/// A plain function, not a component (see [`super::target_choice`]).
pub struct NotesPanelProps {
    pub result: Rc<Converted>,
    pub focus: Option<Focus>,
    /// Every note, not only the first 40 per group.
    pub all: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

/// Notes drawn per group before "Show N more": a huge input can have thousands, and at 100 a
/// group their list was three quarters of the page's DOM after a 10,000-line paste, and most of its
/// layout (BENCHMARKS.md §5.000). A whole stock site (every file of 1.3 … 1.6 at once) has 33.
const NOTE_LIMIT: usize = 40;

const GROUPS: [(Severity, &str, &str); 4] = [
    (Severity::Error, "Errors", "input that was left as it was"),
    (Severity::Action, "Actions", "things you must do"),
    (Severity::Warning, "Warnings", "worth a look"),
    (Severity::Info, "Changes", "what was changed and why"),
];

/// Where a note points: the output file it touched, else its input.
fn focus_of(note: &Note, seq: u32) -> Option<Focus> {
    // The output's lines when the note has some there, else its lines in the input.
    let file = match (note.output, note.output_lines, note.lines) {
        (Some(o), Some(_), _) | (Some(o), None, None) => o,
        _ => note.input.or(note.output)?,
    };
    Some(Focus {
        file,
        old: note.lines.filter(|_| note.input == Some(file)),
        new: note.output_lines.filter(|_| note.output == Some(file)),
        seq,
    })
}

pub fn notes_panel(props: &NotesPanelProps) -> Html {
    let notes = props.result.report.notes_by_severity();
    let seq = props.focus.map_or(1, |f| f.seq + 1);
    html! {
        <section class="notes" aria-labelledby="notes-title">
            <h2 id="notes-title">{"What changed, and why"}</h2>
            { for GROUPS.iter().map(|&(severity, title, hint)| {
                let mut group: Vec<&&Note> = notes.iter().filter(|n| n.severity == severity).collect();
                let total = group.len();
                if !props.all {
                    group.truncate(NOTE_LIMIT);
                }
                let more = total - group.len();
                if group.is_empty() {
                    return html! {};
                }
                html! {
                    <details class={classes!("group", severity.as_str())} open={severity != Severity::Info || total <= 8}>
                        <summary>
                            <span class={classes!("badge", severity.as_str())}>{severity.as_str()}</span>
                            {format!(" {title} ({total}) — {hint}")}
                        </summary>
                        <ul>
                        { for group.into_iter().map(|note| {
                            let place = match (note.input, note.lines) {
                                (Some(i), Some(l)) => format!("{} line {l}", props.result.file_name(i)),
                                (Some(i), None) => props.result.file_name(i).to_string(),
                                (None, _) => note.output.map(|o| props.result.file_name(o).to_string()).unwrap_or_else(|| "all files".into()),
                            };
                            let target = focus_of(note, seq);
                            let d = props.dispatch.clone();
                            let onclick = Callback::from(move |_| {
                                if let Some(f) = target {
                                    d.dispatch(Action::Focus(f));
                                }
                            });
                            html! {
                                <li class={classes!("note", severity.as_str())}>
                                    <button type="button" class="note-place" {onclick} disabled={target.is_none()}
                                        title="Show these lines in the diff">
                                        <span class={classes!("badge", severity.as_str())}>{severity.as_str()}</span>
                                        {format!(" {place}")}
                                    </button>
                                    <p class="note-message">{&note.message}</p>
                                    if let Some(rule) = crate::rules::rule(note.rule) {
                                        <a class="why" href={format!("rules.html#{}", rule.id)} target="_blank" rel="noopener">{format!("Why: {}", rule.summary)}</a>
                                    }
                                    <p class="note-meta">
                                        <code>{note.rule}</code>{" · guide: "}
                                        <a href={note.guide.url()} target="_blank" rel="noopener noreferrer">{note.guide.title()}</a>
                                    </p>
                                </li>
                            }
                        }) }
                        </ul>
                        if more > 0 {
                            <button type="button" class="link" onclick={
                                let dispatch = props.dispatch.clone();
                                move |_| dispatch.dispatch(Action::ShowAllNotes)
                            }>{format!("Show {more} more")}</button>
                        }
                    </details>
                }
            }) }
        </section>
    }
}
