//! The inputs: tabs, the active input's editor, and the ways to add files (drop anywhere here).

use super::file_actions::{file_actions, read_files, FileActionsProps};
use super::input_editor::{input_editor, InputEditorProps};
use super::input_tabs::{input_tabs, InputTabsProps};
use crate::ui::state::{Converted, InputDoc, State};
use crate::ui::virtual_rows::Window;
use std::rc::Rc;
use yew::prelude::*;

/// A plain function, not a component (see [`super::target_choice`]); its hooks are [`App`]'s:
/// whether a file is dragged over it, and the read-only view's window.
///
/// [`App`]: super::app::App
pub struct InputPanelProps<'a> {
    pub inputs: &'a [InputDoc],
    pub active: u32,
    pub result: Option<Rc<Converted>>,
    pub dispatch: UseReducerDispatcher<State>,
    pub dragging: UseStateHandle<bool>,
    /// The active input's read-only view, when it has one: its number of lines (see
    /// [`read_only_lines`]) and the window of them to draw.
    pub view: Option<(usize, Window)>,
}

/// The number of lines of the active input when it is shown read-only (counted per draw: a few
/// milliseconds at the page's 5 MB limit, cheaper in the page's size than a memo).
pub fn read_only_lines(inputs: &[InputDoc], active: u32) -> Option<usize> {
    let input = inputs.iter().find(|i| i.id == active && i.read_only)?;
    Some(input.text.lines().count())
}

pub fn input_panel(props: InputPanelProps<'_>) -> Html {
    let dragging = props.dragging.clone();
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
            {input_tabs(&InputTabsProps { inputs: props.inputs, active: props.active,
                result: props.result.clone(), dispatch: props.dispatch.clone() })}
            if let Some(input) = active {
                {input_editor(&InputEditorProps { input, detected, dispatch: props.dispatch.clone() }, props.view)}
            }
            <p class="hint">{"Drop one or many files anywhere in this box."}</p>
        </div>
    }
}
