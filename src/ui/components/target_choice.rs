//! The migration's target: from which release to which, and mod_wsgi (default) or staying on
//! mod_python (only up to [`LAST_MOD_PYTHON`]). `App` keeps the selects showing the state.

use crate::ui::state::{Action, State};
use crate::{Release, Target, LAST_MOD_PYTHON};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A plain function, not a component: a component's machinery costs the page's size budget
/// more than re-rendering these few elements with `App`.
pub struct TargetChoiceProps {
    pub target: Target,
    pub from: Option<Release>,
    pub to: Release,
    pub dispatch: UseReducerDispatcher<State>,
}

pub fn target_choice(props: &TargetChoiceProps) -> Html {
    let (from, to) = (props.from, props.to);
    let d = props.dispatch.clone();
    let onfrom = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        d.dispatch(Action::SetFrom(Release::parse(&select.value())));
    });
    let d = props.dispatch.clone();
    let onto = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        if let Some(to) = Release::parse(&select.value()) {
            d.dispatch(Action::SetTo(to));
        }
    });
    let option = |r: Release, selected: bool| {
        let r = r.to_string();
        html! { <option value={r.clone()} {selected}>{r}</option> }
    };
    let python_ok = to <= LAST_MOD_PYTHON;
    let choice = |t: Target, id: &'static str, label: &'static str, hint: String, ok: bool| {
        let dispatch = props.dispatch.clone();
        html! {
            <label class="radio" for={id}>
                <input type="radio" name="target" id={id} checked={props.target == t} disabled={!ok}
                    onchange={move |_| dispatch.dispatch(Action::SetTarget(t))} />
                <span>{label}</span>
                <small>{hint}</small>
            </label>
        }
    };
    let python_hint = match LAST_MOD_PYTHON.next() {
        Some(gone) if !python_ok => format!("Koji {gone} removed mod_python"),
        _ => format!("deprecated, supported up to {LAST_MOD_PYTHON}"),
    };
    html! {
        <>
        <fieldset class="target releases">
            <legend>{"Which releases?"}</legend>
            <label for="from-release">{"From Koji"}</label>{" "}
            <select id="from-release" onchange={onfrom}>
                <option value="" selected={from.is_none()}>{"what the files show"}</option>
                { for Release::all().filter(|&r| r < Release::NEWEST).map(|r| option(r, from == Some(r))) }
            </select>{" "}
            <label for="to-release">{"to Koji"}</label>{" "}
            <select id="to-release" onchange={onto}>
                { for Release::all()
                    .filter(|&r| r >= Release::V1_7 && from.is_none_or(|f| f < r))
                    .map(|r| option(r, r == to)) }
            </select>
        </fieldset>
        <fieldset class="target">
            <legend>{format!("How should httpd run Koji {to}?")}</legend>
            {choice(Target::ModWsgi, "target-wsgi", "mod_wsgi", "recommended, the default since 1.7".into(), true)}
            {choice(Target::ModPython, "target-python", "Stay on mod_python", python_hint, python_ok)}
        </fieldset>
        </>
    }
}
