//! The page layout; owns the state and the debounced conversion.

use super::input_panel::InputPanel;
use super::more_options::MoreOptions;
use super::notes_panel::NotesPanel;
use super::output_panel::OutputPanel;
use super::steps_panel::StepsPanel;
use super::target_choice::TargetChoice;
use crate::ui::state::{Converted, State};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long the page waits after the last keystroke before converting.
const DEBOUNCE_MS: u32 = 150;

#[component]
pub fn App() -> Html {
    // On a phone, two columns of code do not fit: start with the unified view there.
    let state = use_reducer(|| State {
        unified: web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w < 700.0),
        ..State::default()
    });

    // Convert after a pause; each change cancels the pending conversion (dropping the timeout).
    {
        let dispatcher = state.dispatcher();
        let inputs = state.inputs.clone();
        let options = state.options();
        use_effect_with(state.revision, move |&revision| {
            let timeout = Timeout::new(DEBOUNCE_MS, move || {
                let result = Converted::compute_with(revision, &inputs, &options);
                dispatcher.dispatch(super::super::state::Action::Converted(Rc::new(result)));
            });
            move || drop(timeout)
        });
    }

    let dispatch = state.dispatcher();
    let has_output = state
        .result
        .as_ref()
        .is_some_and(|r| !r.input_ids.is_empty());
    // Announced to screen readers when a conversion lands.
    let status = match &state.result {
        Some(r) if has_output => format!(
            "{} files produced, {} notes, {} of {} changes accepted.",
            r.report.files.len(),
            r.report.notes.len(),
            r.report.changes.iter().filter(|c| c.accepted).count(),
            r.report.changes.len()
        ),
        _ => String::new(),
    };
    html! {
        <>
        <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
        <header class="top">
            <h1>{"koji-migrate"}</h1>
            <p class="tagline">
                {"Convert Koji 1.6 configuration files to Koji 1.7, with every change explained. "}
                <strong>{"Runs entirely in your browser: nothing is uploaded or stored."}</strong>
            </p>
        </header>
        <main class="layout">
            <section class="inputs" aria-labelledby="inputs-title">
                <h2 id="inputs-title">{"1. Your Koji 1.6 files"}</h2>
                <InputPanel
                    inputs={state.inputs.clone()}
                    active={state.active_input}
                    result={state.result.clone()}
                    dispatch={dispatch.clone()}
                />
                <TargetChoice target={state.target} dispatch={dispatch.clone()} />
                <MoreOptions from={state.from} keep_pkgurl={state.keep_pkgurl} dispatch={dispatch.clone()} />
            </section>
            <section class="outputs" aria-labelledby="outputs-title" aria-busy={(!state.is_current()).to_string()}>
                <h2 id="outputs-title">{"2. Koji 1.7 files"}</h2>
                if let (true, Some(result)) = (has_output, state.result.clone()) {
                    <OutputPanel
                        result={result.clone()}
                        active={state.active_output}
                        focus={state.focus}
                        unified={state.unified}
                        dispatch={dispatch.clone()}
                    />
                    <div class="side">
                        <NotesPanel result={result.clone()} focus={state.focus} dispatch={dispatch.clone()} />
                        <StepsPanel result={result} dispatch={dispatch.clone()} />
                    </div>
                } else {
                    <div class="empty">
                        <p>{"Paste a Koji 1.6 config (kojihub.conf, kojiweb.conf, hub.conf, kojid.conf, koji.conf) on the left, drop files anywhere on it, or try the example."}</p>
                        <p>{"The converted files, the differences and what to do next appear here."}</p>
                    </div>
                }
            </section>
        </main>
        <footer class="bottom">
            <p>{"koji-migrate — follows Koji's guide “Migrating to Koji 1.7”. Works offline."}</p>
        </footer>
        </>
    }
}
