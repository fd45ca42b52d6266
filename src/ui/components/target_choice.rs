//! mod_wsgi (default) or stay on mod_python.

use crate::ui::state::{Action, State};
use crate::Target;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TargetChoiceProps {
    pub target: Target,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn TargetChoice(props: &TargetChoiceProps) -> Html {
    let choice = |t: Target, id: &'static str, label: &'static str, hint: &'static str| {
        let dispatch = props.dispatch.clone();
        html! {
            <label class="radio" for={id}>
                <input type="radio" name="target" id={id} checked={props.target == t}
                    onchange={move |_| dispatch.dispatch(Action::SetTarget(t))} />
                <span>{label}</span>
                <small>{hint}</small>
            </label>
        }
    };
    html! {
        <fieldset class="target">
            <legend>{"How should httpd run Koji 1.7?"}</legend>
            {choice(Target::ModWsgi, "target-wsgi", "mod_wsgi", "recommended, the 1.7 default")}
            {choice(Target::ModPython, "target-python", "Stay on mod_python", "deprecated, still supported by 1.7")}
        </fieldset>
    }
}
