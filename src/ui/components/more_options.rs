//! The less common choices: the release upgraded from, and keeping pkgurl for a rolling upgrade.

use crate::ui::state::{Action, State};
use crate::Release;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoreOptionsProps {
    pub from: Option<Release>,
    pub keep_pkgurl: bool,
    pub dispatch: UseReducerDispatcher<State>,
}

/// The releases offered, newest first: those before 1.7.
const RELEASES: [&str; 4] = ["1.6", "1.5", "1.4", "1.3"];

#[component]
pub fn MoreOptions(props: &MoreOptionsProps) -> Html {
    let d = props.dispatch.clone();
    let onfrom = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        d.dispatch(Action::SetFrom(Release::parse(&select.value())));
    });
    let d = props.dispatch.clone();
    let onkeep = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::SetKeepPkgurl(input.checked()));
    });
    let shown = props
        .from
        .map_or_else(|| "1.6".to_string(), |f| f.to_string());
    html! {
        <details class="more-options">
            <summary>{"More options"}</summary>
            <label class="option" for="from-release">{"Upgrading from Koji "}
                <select id="from-release" onchange={onfrom}>
                    { for RELEASES.iter().map(|r| html! {
                        <option value={*r} selected={shown == *r}>{*r}</option>
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
