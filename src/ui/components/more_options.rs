//! The less common choices: the release upgraded from, and keeping pkgurl for a rolling upgrade.

use crate::ui::state::{Action, State};
use crate::FromRelease;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoreOptionsProps {
    pub from: FromRelease,
    pub keep_pkgurl: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

const RELEASES: [FromRelease; 4] = [
    FromRelease::V1_6,
    FromRelease::V1_5,
    FromRelease::V1_4,
    FromRelease::V1_3,
];

#[component]
pub fn MoreOptions(props: &MoreOptionsProps) -> Html {
    let d = props.dispatch.clone();
    let onfrom = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(f) = FromRelease::parse(&select.value()) {
            d.dispatch(Action::SetFrom(f));
        }
    });
    let d = props.dispatch.clone();
    let onkeep = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::SetKeepPkgurl(input.checked()));
    });
    html! {
        <details class="more-options">
            <summary>{"More options"}</summary>
            <label class="option" for="from-release">{"Upgrading from Koji "}
                <select id="from-release" onchange={onfrom}>
                    { for RELEASES.iter().map(|r| html! {
                        <option value={r.as_str()} selected={*r == props.from}>{r.as_str()}</option>
                    }) }
                </select>
                <small>{" (the database upgrade depends on it)"}</small>
            </label>
            <label class="option" for="keep-pkgurl">
                <input type="checkbox" id="keep-pkgurl" checked={props.keep_pkgurl} onchange={onkeep} />
                {" Keep pkgurl beside the new topurl "}
                <small>{"(builders and clients upgraded one by one: 1.6 and 1.7 both work)"}</small>
            </label>
        </details>
    }
}
