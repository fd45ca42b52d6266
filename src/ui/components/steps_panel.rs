//! The manual steps as a checklist (ticks are kept only while the page is open).

use crate::report::FileId;
use crate::ui::browser;
use crate::ui::state::{Action, Converted, State};
use std::rc::Rc;
use yew::prelude::*;

/// A plain function, not a component (see [`super::target_choice`]).
pub struct StepsPanelProps {
    pub result: Rc<Converted>,
    pub dispatch: UseReducerDispatcher<State>,
}

pub fn steps_panel(props: &StepsPanelProps) -> Html {
    let steps = props.result.report.steps.clone();
    // Offer each file for download once, at its first step.
    // (A handful of steps: a Vec, not another HashSet type in the wasm.)
    let mut offered: Vec<FileId> = Vec::new();
    html! {
        <section class="steps" aria-labelledby="steps-title">
            <h2 id="steps-title">{"3. Then, by hand"}</h2>
            <ol class="checklist">
            { for steps.into_iter().map(|step| {
                let id = format!("step-{}", step.id);
                let file = step.file.filter(|k| !offered.contains(k) && { offered.push(*k); true }).and_then(|k| props.result.report.file(k).map(|f| (k, f.output.clone(), f.text.clone())));
                html! {
                    <li>
                        <input type="checkbox" id={id.clone()} />
                        <label for={id}><strong>{step.title}</strong></label>
                        <p>{step.detail}</p>
                        if let Some(cmd) = step.command {
                            <pre class="command"><code>{cmd}</code></pre>
                        }
                        if let Some((k, name, text)) = file {
                            <button type="button" class="small" onclick={
                                let dispatch = props.dispatch.clone();
                                move |_| dispatch.dispatch(Action::SelectOutput(k))
                            }>{format!("Show {name}")}</button>{" "}
                            <button type="button" class="small" onclick={
                                let name = name.clone();
                                move |_| { let _ = browser::download(&name, text.as_bytes(), "text/plain"); }
                            }>{format!("Download {name}")}</button>
                        }
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
