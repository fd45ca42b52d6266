//! One tab per input, showing its name and detected kind.

use crate::ui::state::{Action, Converted, InputDoc, State};
use std::rc::Rc;
use yew::prelude::*;

/// A plain function, not a component (see [`super::target_choice`]).
pub struct InputTabsProps<'a> {
    pub inputs: &'a [InputDoc],
    pub active: u32,
    pub result: Option<Rc<Converted>>,
    pub dispatch: UseReducerDispatcher<State>,
}

pub fn input_tabs(props: &InputTabsProps<'_>) -> Html {
    html! {
        <div class="tabs" role="tablist" aria-label="Inputs"
            onkeydown={|e: KeyboardEvent| crate::ui::browser::tab_keys(&e)}>
            { for props.inputs.iter().map(|input| {
                let id = input.id;
                let selected = id == props.active;
                let dispatch = props.dispatch.clone();
                let kind = if input.too_large.is_some() {
                    "too large".to_string()
                } else if input.text.trim().is_empty() {
                    "empty".to_string()
                } else {
                    props.result.as_ref().and_then(|r| r.kind_of(id))
                        .map(|k| k.label().to_string()).unwrap_or_else(|| "…".into())
                };
                html! {
                    <button type="button" role="tab" id={format!("input-tab-{id}")}
                        class={classes!("tab", selected.then_some("selected"))}
                        aria-selected={super::aria(selected)} aria-controls="input-editor"
                        tabindex={if selected { "0" } else { "-1" }}
                        onclick={move |_| dispatch.dispatch(Action::SelectInput(id))}>
                        <span class="tab-name">{input.label()}</span>
                        <span class="tab-kind">{kind}</span>
                    </button>
                }
            }) }
        </div>
    }
}
