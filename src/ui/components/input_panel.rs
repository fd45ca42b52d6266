//! The inputs: tabs, the active input's editor, and the ways to add files (drop anywhere here).

use super::file_actions::{file_actions, read_files, FileActionsProps};
use super::input_editor::{input_editor, InputEditorProps};
use super::input_tabs::{input_tabs, InputTabsProps};
use crate::ui::state::{Converted, InputDoc, State};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub inputs: Vec<InputDoc>,
    pub active: u32,
    pub result: Option<Rc<Converted>>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(dt) = e.data_transfer() {
                dt.set_drop_effect("copy");
            }
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = crate::ui::browser::files_of(e.data_transfer().and_then(|d| d.files()));
            read_files(files, dispatch.clone());
        })
    };
    let active = props.inputs.iter().find(|i| i.id == props.active).cloned();
    let detected = active
        .as_ref()
        .and_then(|a| props.result.as_ref().and_then(|r| r.kind_of(a.id)));
    html! {
        <div class={classes!("drop", dragging.then_some("dragging"))}
             {ondragover} {ondragleave} {ondrop}>
            {file_actions(&FileActionsProps { dispatch: props.dispatch.clone() })}
            {input_tabs(&InputTabsProps { inputs: props.inputs.clone(), active: props.active,
                result: props.result.clone(), dispatch: props.dispatch.clone() })}
            if let Some(input) = active {
                {input_editor(&InputEditorProps { input, detected, dispatch: props.dispatch.clone() })}
            }
            <p class="hint">{"Drop one or many files anywhere in this box."}</p>
        </div>
    }
}
