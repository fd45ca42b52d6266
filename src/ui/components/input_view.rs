//! A large input, read-only: its lines with their numbers, drawn in part like the diff
//! ([`crate::ui::virtual_rows`]), so that opening a 100,000-line file costs a screenful and not
//! the seconds a `<textarea>` takes. The admin can still ask to edit it.
//!
//! A plain function: its hooks live in [`super::input_panel::InputPanel`] (a component of its
//! own would cost the page ~2 KB of Yew's per-component code).

use crate::ui::browser::megabytes;
use crate::ui::state::{Action, InputDoc, State};
use crate::ui::virtual_rows::Window;
use yew::prelude::*;

pub struct InputViewProps<'a> {
    pub input: &'a InputDoc,
    /// Its number of lines (`str::lines`, which breaks lines as the core does).
    pub count: usize,
    pub window: Window,
    pub dispatch: UseReducerDispatcher<State>,
}

pub fn input_view(props: InputViewProps<'_>) -> Html {
    let id = props.input.id;
    let d = props.dispatch.clone();
    let edit = Callback::from(move |_| d.dispatch(Action::MakeEditable(id)));
    let label = props.input.label();
    let window = props.window;
    let first = window.range.start;
    html! {
        <>
            <p class="problem" role="status">
                {format!("{label} has {} lines ({}): it is shown read-only, which keeps the page quick. ", props.count, megabytes(props.input.text.len()))}
                <button type="button" class="link" onclick={edit}>{"Edit it here"}</button>
                {" (slow for a file this large)."}
            </p>
            <div class="diff-wrap source" ref={window.container} onscroll={window.onscroll} tabindex="0"
                role="region" aria-label={format!("Contents of {label}, read-only")}>
                <table class="diff source">
                    <caption class="visually-hidden">{format!("Contents of {label}")}</caption>
                    <colgroup><col class="ln" /><col class="code" /></colgroup>
                    <tbody>
                        <tr class="spacer" aria-hidden="true"><td colspan="2" ref={window.top_spacer}></td></tr>
                        { for props.input.text.lines().skip(first).take(window.range.len()).enumerate().map(|(k, line)| html! {
                            <tr class="row"><td class="ln">{first + k + 1}</td><td class="code">{line}</td></tr>
                        }) }
                        <tr class="spacer" aria-hidden="true"><td colspan="2" ref={window.bottom_spacer}></td></tr>
                    </tbody>
                </table>
            </div>
        </>
    }
}
