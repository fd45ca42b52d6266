//! Adding inputs: open files, a new paste tab, the example site.

use crate::decode::PAGE_INPUT_LIMIT;
use crate::ui::browser;
use crate::ui::examples::EXAMPLES;
use crate::ui::state::{Action, InputDoc, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Reads `files` (skipping the content of those over the page's limit) and adds them as inputs.
pub fn read_files(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<State>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut new = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            let size = file.size() as usize;
            if size > PAGE_INPUT_LIMIT {
                new.push(InputDoc::too_large(&name, size));
                continue;
            }
            match browser::read_bytes(&file).await {
                Ok(bytes) => new.push(InputDoc::from_bytes(&name, &bytes)),
                Err(_) => new.push(InputDoc::text(&name, "")),
            }
        }
        dispatch.dispatch(Action::Add(new));
    });
}

/// A plain function, not a component (see [`super::target_choice`]).
pub struct FileActionsProps {
    pub dispatch: UseReducerDispatcher<State>,
}

pub fn file_actions(props: &FileActionsProps) -> Html {
    let onchange = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            read_files(browser::files_of(input.files()), dispatch.clone());
            input.set_value("");
        })
    };
    let example = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::Add(
                EXAMPLES
                    .iter()
                    .map(|(name, text)| InputDoc::text(name, text))
                    .collect(),
            ))
        })
    };
    let paste = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::AddEmpty))
    };
    html! {
        <div class="actions" role="toolbar" aria-label="Add inputs">
            <label class="button" for="pick-files">{"Open files…"}</label>
            <input id="pick-files" class="visually-hidden" type="file" multiple=true {onchange} />
            <button type="button" onclick={paste}>{"New paste tab"}</button>
            <button type="button" onclick={example}>{"Try an example"}</button>
        </div>
    }
}
