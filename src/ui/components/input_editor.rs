//! The active input: its name, kind override, removal, and text.

use super::input_view::{input_view, InputViewProps};
use crate::decode::PAGE_INPUT_LIMIT;
use crate::ui::state::{is_large, Action, InputDoc, State};
use crate::ui::virtual_rows::Window;
use crate::FileKind;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A plain function, not a component (see [`super::target_choice`]).
pub struct InputEditorProps {
    pub input: InputDoc,
    /// What the core detected (or the chosen kind), once converted.
    pub detected: Option<FileKind>,
    pub dispatch: UseReducerDispatcher<State>,
}

use crate::ui::browser::megabytes;

/// `view`: a read-only input's text, its number of lines and the part of them to draw (see
/// [`super::input_view`]).
pub fn input_editor(props: &InputEditorProps, view: Option<(usize, Window)>) -> Html {
    let id = props.input.id;
    let d = props.dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        // A paste or drop is converted at once. Test drivers may send a plain `Event`: typed.
        let how = e.dyn_ref::<InputEvent>().map(|e| e.input_type());
        let typed = !how.is_some_and(|t| t.starts_with("insertFrom"));
        d.dispatch(Action::Edit(id, area.value(), typed));
    });
    // A large paste over the whole text skips the textarea (it would take seconds to take it)
    // and lands in the read-only view; any other paste is the browser's.
    let d = props.dispatch.clone();
    let onpaste = Callback::from(move |e: Event| {
        let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        let Some(pasted) = e.clipboard_data().and_then(|d| d.get_data("text").ok()) else {
            return;
        };
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        let whole = area.selection_start().ok().flatten() == Some(0)
            && area.selection_end().ok().flatten().map(|n| n as usize)
                == Some(area.value().encode_utf16().count());
        if whole && is_large(&pasted) {
            e.prevent_default();
            d.dispatch(Action::Paste(id, pasted));
        }
    });
    let d = props.dispatch.clone();
    let onrename = Callback::from(move |e: InputEvent| {
        let field: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::Rename(id, field.value()));
    });
    let d = props.dispatch.clone();
    let onkind = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        d.dispatch(Action::SetKind(id, FileKind::from_id(&select.value())));
    });
    let d = props.dispatch.clone();
    let onremove = Callback::from(move |_| d.dispatch(Action::Remove(id)));

    let auto_label = match (props.input.kind, props.detected) {
        (None, Some(k)) => format!("Detect automatically ({})", k.label()),
        _ => "Detect automatically".to_string(),
    };
    let chosen = props.input.kind.map(|k| k.id()).unwrap_or("");
    let problem = if let Some(size) = props.input.too_large {
        Some(format!(
            "This file is {}; the page converts files up to {}. Its text is kept here but not \
             converted — the command-line tool koji-migrate has no limit.",
            megabytes(size),
            megabytes(PAGE_INPUT_LIMIT)
        ))
    } else {
        props.input.invalid_utf8_line.map(|l| {
            format!(
                "This file is not valid UTF-8 from line {l}: the bad bytes are shown as \u{fffd}."
            )
        })
    };
    html! {
        <div class="editor" id="input-editor" role="tabpanel"
            aria-labelledby={format!("input-tab-{id}")}>
            <div class="editor-bar">
                <label>{"File name"}
                    <input type="text" value={props.input.name.clone()} oninput={onrename}
                        placeholder="e.g. kojiweb.conf" spellcheck="false" />
                </label>
                <label>{"Kind"}
                    <select onchange={onkind}>
                        <option value="" selected={chosen.is_empty()}>{auto_label}</option>
                        { for FileKind::ALL.iter().filter(|k| !matches!(k, FileKind::Sql | FileKind::Unknown)).map(|k| html! {
                            <option value={k.id()} selected={chosen == k.id()}>{k.label()}</option>
                        }) }
                    </select>
                </label>
                <button type="button" class="remove" onclick={onremove}
                    aria-label={format!("Remove {}", props.input.label())}>{"Remove"}</button>
            </div>
            if let Some(p) = problem {
                <p class="problem" role="status">{p}</p>
            }
            if let Some((count, window)) = view {
                {input_view(InputViewProps { input: &props.input, count, window, dispatch: props.dispatch.clone() })}
            } else {
                <label class="visually-hidden" for="input-text">{format!("Contents of {}", props.input.label())}</label>
                <textarea id="input-text" class="code" spellcheck="false" autocomplete="off"
                    wrap="off" rows="18" value={props.input.text.to_string()} {oninput} {onpaste}
                    placeholder="Paste a Koji config file here…" />
            }
        </div>
    }
}
