//! One tab per produced file, with copy, download, download all, and the view toggle; above them
//! how many changes are accepted, and what a rejection leaves the chosen Koji release unable to run.

use super::diff_view::DiffView;
use crate::report::{FileId, NoteKind};
use crate::ui::state::{Action, Converted, Focus, State};
use crate::ui::{browser, zip};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutputPanelProps {
    pub result: Rc<Converted>,
    pub active: FileId,
    pub focus: Option<Focus>,
    pub unified: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

fn mime(name: &str) -> &'static str {
    if name.ends_with(".sql") {
        "application/sql"
    } else {
        "text/plain"
    }
}

#[component]
pub fn OutputPanel(props: &OutputPanelProps) -> Html {
    // (file the message is about, message): shown only while that file is open.
    let copied = use_state(|| None::<(String, String)>);
    let files = &props.result.report.files;
    let active = FileId::new(props.active.index().min(files.len().saturating_sub(1)));
    let Some(file) = props.result.report.file(active) else {
        return html! {};
    };

    let download = {
        let (name, text) = (file.output.clone(), file.text.clone());
        Callback::from(move |_| {
            let _ = browser::download(&name, text.as_bytes(), mime(&name));
        })
    };
    let copy = {
        let (name, text) = (file.output.clone(), file.text.clone());
        let copied = copied.clone();
        Callback::from(move |_| {
            let (name, text, copied) = (name.clone(), text.clone(), copied.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy(text).await;
                let message = if ok {
                    format!("Copied {name}.")
                } else {
                    "The browser did not allow copying; use Download instead.".into()
                };
                copied.set(Some((name, message)));
            });
        })
    };
    let download_all = {
        let result = props.result.clone();
        Callback::from(move |_| {
            // koji-1.35.zip, holding a koji-1.35/ folder.
            let folder = format!("koji-{}", result.to);
            let mut entries: Vec<(String, Vec<u8>)> = result
                .report
                .files
                .iter()
                .map(|f| {
                    (
                        format!("{folder}/{}", f.output),
                        f.text.clone().into_bytes(),
                    )
                })
                .collect();
            entries.push((
                format!("{folder}/README.txt"),
                crate::checklist::readme(&result.report, result.from, result.to).into_bytes(),
            ));
            let zip = zip::store(&entries);
            let _ = browser::download(&format!("{folder}.zip"), &zip, "application/zip");
        })
    };
    let d = props.dispatch.clone();
    let toggle = Callback::from(move |_| d.dispatch(Action::ToggleUnified));
    let focus = props.focus.filter(|f| f.file == active);
    let d = props.dispatch.clone();
    let on_choose = Callback::from(move |(id, accept)| d.dispatch(Action::Choose(id, accept)));
    let d = props.dispatch.clone();
    let accept_all = Callback::from(move |_| d.dispatch(Action::AcceptAll));
    let report = &props.result.report;
    let accepted = report.changes.iter().filter(|c| c.accepted).count();
    // The core's warnings about rejected changes the release cannot do without.
    let broken: Vec<String> = report
        .notes
        .iter()
        .filter(|n| {
            n.kind == NoteKind::RejectedNeeded
                && n.change
                    .and_then(|c| report.change(c))
                    .is_some_and(|c| !c.accepted)
        })
        .map(|n| match (n.input, n.lines) {
            (Some(i), Some(l)) => format!("{} line {l}: {}", props.result.file_name(i), n.message),
            _ => n.message.clone(),
        })
        .collect();

    html! {
        <div class="output">
            if !report.changes.is_empty() {
                <p class="choices">
                    {format!("{accepted} of {} changes accepted", report.changes.len())}
                    if accepted < report.changes.len() {
                        {" "}<button type="button" class="link" onclick={accept_all}>{"Accept all"}</button>
                    }
                </p>
            }
            if !broken.is_empty() {
                <div class="problem broken">
                    <strong>{format!("Koji {} cannot run with these files as they are:", props.result.to)}</strong>
                    <ul>{ for broken.into_iter().map(|m| html! { <li>{m}</li> }) }</ul>
                </div>
            }
            <div class="tabs" role="tablist" aria-label="Produced files"
                onkeydown={|e: KeyboardEvent| crate::ui::browser::tab_keys(&e)}>
                { for files.iter().enumerate().map(|(k, f)| {
                    let (k, selected) = (FileId::new(k), k == active.index());
                    let d = props.dispatch.clone();
                    let badge = match (&f.input, f.changed) {
                        (None, _) => "new file",
                        (Some(_), true) => "changed",
                        (Some(_), false) => "unchanged",
                    };
                    html! {
                        <button type="button" role="tab" id={format!("output-tab-{}", k.index())}
                            class={classes!("tab", selected.then_some("selected"))}
                            aria-selected={super::aria(selected)} aria-controls="output-view"
                            tabindex={if selected { "0" } else { "-1" }}
                            onclick={move |_| d.dispatch(Action::SelectOutput(k))}>
                            <span class="tab-name">{&f.output}</span>
                            <span class={classes!("tab-kind", badge.replace(' ', "-"))}>{badge}</span>
                        </button>
                    }
                }) }
            </div>
            <div class="file-bar" role="toolbar" aria-label="File actions">
                <span class="file-title">
                    {match &file.input {
                        Some(name) if !name.is_empty() && name != &file.output => format!("{} (from {name}) — {}", file.output, file.kind.label()),
                        _ if file.kind.label() == file.output => file.output.clone(),
                        _ => format!("{} — {}", file.output, file.kind.label()),
                    }}
                </span>
                <button type="button" onclick={copy}>{"Copy"}</button>
                <button type="button" onclick={download} aria-label={format!("Download {}", file.output)}>{"Download"}</button>
                <button type="button" onclick={download_all}>{format!("Download all (koji-{}.zip)", props.result.to)}</button>
                if file.original.is_some() {
                    <label class="toggle">
                        <input type="checkbox" checked={props.unified} onchange={toggle} />
                        {"Unified view"}
                    </label>
                }
            </div>
            if let Some((_, message)) = (*copied).clone().filter(|(name, _)| *name == file.output) {
                <p class="status" role="status">{message}</p>
            }
            <div id="output-view" role="tabpanel" aria-labelledby={format!("output-tab-{}", active.index())}>
                <DiffView result={props.result.clone()} file={active} {focus} unified={props.unified} {on_choose} />
            </div>
        </div>
    }
}
