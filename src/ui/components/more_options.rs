//! The less common choice: keeping pkgurl for a rolling upgrade.

use crate::ui::state::{Action, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A plain function, not a component (see [`super::target_choice`]).
pub struct MoreOptionsProps {
    pub keep_pkgurl: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

pub fn more_options(props: &MoreOptionsProps) -> Html {
    let d = props.dispatch.clone();
    let onkeep = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::SetKeepPkgurl(input.checked()));
    });
    html! {
        <details class="more-options">
            <summary>{"More options"}</summary>
            <label class="option" for="keep-pkgurl">
                <input type="checkbox" id="keep-pkgurl" checked={props.keep_pkgurl} onchange={onkeep} />
                {" Keep pkgurl beside the new topurl "}
                <small>{"(builders and clients upgraded one by one: old and new ones both work)"}</small>
            </label>
        </details>
    }
}
