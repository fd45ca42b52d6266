//! The page layout; owns the state and the debounced conversion.

use super::input_panel::{input_panel, read_only_lines, InputPanelProps};
use super::more_options::{more_options, MoreOptionsProps};
use super::notes_panel::{notes_panel, NotesPanelProps};
use super::output_panel::OutputPanel;
use super::steps_panel::{steps_panel, StepsPanelProps};
use super::target_choice::{target_choice, TargetChoiceProps};
use crate::report::FileId;
use crate::ui::browser;
use crate::ui::examples::EXAMPLES;
use crate::ui::state::{
    fragment_of_releases, releases_of_fragment, Action, Converted, Focus, InputDoc, State,
};
use crate::ui::virtual_rows::use_virtual_rows;
use crate::ui::worker;
use crate::wire;
use crate::Options;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long the page waits after the last keystroke before converting what was typed.
const DEBOUNCE_MS: u32 = 150;

/// Inputs of up to this many bytes in all are converted on the main thread, in the task that
/// changed them: a stock config converts in under a millisecond, less than the worker's round
/// trip, and the page then draws once (the result) rather than twice (the pending state, then
/// the result). Larger inputs go to the worker ([`worker`]), so that typing never waits; at this
/// size a conversion takes a few milliseconds (BENCHMARKS.md §5.00000).
const IN_PLACE_BYTES: usize = 64 * 1024;

#[component]
pub fn App() -> Html {
    // On a phone, two columns of code do not fit: start with the unified view there.
    let state = use_reducer(|| {
        let mut s = State {
            unified: web_sys::window()
                .and_then(|w| w.inner_width().ok())
                .and_then(|w| w.as_f64())
                .is_some_and(|w| w < 700.0),
            ..State::default()
        };
        // The releases the URL fragment names (an invalid fragment is ignored).
        if let Some((from, to)) = releases_of_fragment(&browser::fragment()) {
            s.set_releases(from, to);
        }
        s
    });

    // The fragment follows the releases chosen on the page (without a history entry), and the
    // page follows a fragment changed by hand. `shown` is what the fragment says already.
    let shown = use_mut_ref(|| (state.from, state.to));
    {
        let dispatcher = state.dispatcher();
        let shown = shown.clone();
        // Mounted once, for the page's life: the listener is never removed.
        use_effect_with((), move |_| {
            // Warm-up, once the page is drawn: the example site converted in the worker (which
            // starts and compiles the core; the result, of no revision, is dropped), and here
            // converted, read back, and drawn once into an element that is not in the document
            // (a portal; removed at once, never laid out or shown), so that the browser has
            // compiled the code of all three before the admin's first paste, which otherwise
            // waits for it (BENCHMARKS.md §5.0 and §5.00000).
            let warm_dispatcher = dispatcher.clone();
            Timeout::new(200, move || {
                let inputs: Vec<InputDoc> =
                    EXAMPLES.iter().map(|(n, t)| InputDoc::text(n, t)).collect();
                let here = Converted::job(u64::MAX, &inputs, &Options::default());
                let bytes = wire::convert(&here.request).unwrap_or_default();
                if let Some(result) = here.finish(&bytes) {
                    warm_dispatcher.dispatch(Action::WarmUp(Some(Rc::new(result))));
                    // Yew draws before this timeout fires.
                    let dispatcher = warm_dispatcher.clone();
                    Timeout::new(0, move || dispatcher.dispatch(Action::WarmUp(None))).forget();
                }
                // The worker gets the example 40 times over (about 4,000 lines): enough for the
                // browser to optimise the conversion's loops there, off the main thread.
                let many: Vec<InputDoc> = EXAMPLES
                    .iter()
                    .map(|(n, t)| InputDoc::text(n, &t.repeat(40)))
                    .collect();
                worker::convert(
                    Converted::job(u64::MAX, &many, &Options::default()),
                    warm_dispatcher,
                );
            })
            .forget();
            browser::on_hashchange(move || {
                if let Some((from, to)) = releases_of_fragment(&browser::fragment()) {
                    *shown.borrow_mut() = (from, to);
                    dispatcher.dispatch(Action::SetReleases(from, to));
                }
            })
        });
    }
    use_effect_with((state.from, state.to), move |&(from, to)| {
        browser::show_in_select(
            "from-release",
            &from.map_or_else(String::new, |f| f.to_string()),
        );
        browser::show_in_select("to-release", &to.to_string());
        if *shown.borrow() != (from, to) {
            *shown.borrow_mut() = (from, to);
            browser::replace_fragment(&fragment_of_releases(from, to));
        }
    });

    // Convert typing after a pause, anything else at once; each change cancels the pending
    // conversion (dropping the timeout). Small inputs are converted right here: see
    // [`IN_PLACE_BYTES`].
    {
        let dispatcher = state.dispatcher();
        let inputs = state.inputs.clone();
        let options = state.options();
        let typing = state.typing;
        use_effect_with(state.revision, move |&revision| {
            let convert = move || {
                let size: usize = inputs
                    .iter()
                    .filter(|i| i.converts())
                    .map(|i| i.text.len())
                    .sum();
                let job = Converted::job(revision, &inputs, &options);
                if size <= IN_PLACE_BYTES {
                    worker::convert_here(job, &dispatcher);
                } else {
                    worker::convert(job, dispatcher);
                }
            };
            let timeout = if typing {
                Some(Timeout::new(DEBOUNCE_MS, convert))
            } else {
                convert();
                None
            };
            move || drop(timeout)
        });
    }

    // The input panel's hooks (it is a plain function).
    let dragging = use_state(|| false);
    let read_only = read_only_lines(&state.inputs, state.active_input);
    let lines = read_only.unwrap_or(0);
    let window = use_virtual_rows(u64::from(state.active_input), lines, &|_| 1.0, None, 400.0);

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
    let (from, to) = (state.from, state.to);
    html! {
        <>
        <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
        <header class="top">
            <h1>{"koji-migrate"}</h1>
            <p class="tagline">
                {format!("Convert Koji configuration files to Koji {to}, with every change explained. ")}
                <strong>{"Runs entirely in your browser: nothing is uploaded or stored."}</strong>
            </p>
        </header>
        <main class="layout">
            <section class="inputs" aria-labelledby="inputs-title">
                <h2 id="inputs-title">{match from {
                    Some(f) => format!("1. Your Koji {f} files"),
                    None => "1. Your Koji files".into(),
                }}</h2>
                {input_panel(InputPanelProps {
                    inputs: &state.inputs,
                    active: state.active_input,
                    result: state.result.clone(),
                    dispatch: dispatch.clone(),
                    dragging,
                    view: read_only.map(|n| (n, window)),
                })}
                {target_choice(&TargetChoiceProps { target: state.target, from, to, dispatch: dispatch.clone() })}
                {more_options(&MoreOptionsProps { keep_pkgurl: state.keep_pkgurl, dispatch: dispatch.clone() })}
            </section>
            <section class="outputs" aria-labelledby="outputs-title" aria-busy={super::aria(!state.is_current())}>
                <h2 id="outputs-title">{format!("2. Koji {to} files")}</h2>
                if let (true, Some(result)) = (has_output, state.result.clone()) {
                    {result_panels(result, state.side.clone(), (state.active_output, state.focus, state.unified, state.all_notes), &dispatch)}
                } else {
                    <div class="empty">
                        <p>{"Paste a Koji config (kojihub.conf, kojiweb.conf, hub.conf, kojid.conf, kojira.conf, koji.conf) on the left, drop files anywhere on it, or try the example."}</p>
                        <p>{"The converted files, the differences and what to do next appear here."}</p>
                    </div>
                }
            </section>
        </main>
        if let Some(result) = state.warm_up.clone() {
            if let Some(host) = detached_element() {
                {create_portal(result_panels(result.clone(), Some(result), (FileId::new(0), None, false, false), &dispatch), host)}
            }
        }
        <footer class="bottom">
            <p>{"koji-migrate — follows Koji's migration guides and release notes. Works offline."}</p>
        </footer>
        </>
    }
}

/// A result's panels: the output files with their diff, then the notes and the manual steps of
/// `side` (the result once its diff is painted: see `worker::deliver`), with the file shown, the
/// lines focused, the unified view or not, and every note or not.
fn result_panels(
    result: Rc<Converted>,
    side: Option<Rc<Converted>>,
    (active, focus, unified, all): (FileId, Option<Focus>, bool, bool),
    dispatch: &UseReducerDispatcher<State>,
) -> Html {
    html! {
        <>
            <OutputPanel {result} {active} {focus} {unified} dispatch={dispatch.clone()} />
            <div class="side">
                if let Some(result) = side {
                    {notes_panel(&NotesPanelProps { result: result.clone(), focus, all, dispatch: dispatch.clone() })}
                    {steps_panel(&StepsPanelProps { result, dispatch: dispatch.clone() })}
                }
            </div>
        </>
    }
}

/// A new element, not in the document: what the warm-up draws into.
fn detached_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.create_element("div").ok()
}
