//! The conversion off the main thread: the core runs in a Web Worker, so typing and scrolling
//! never wait for it.
//!
//! The worker runs this same wasm. The page hands it the `WebAssembly.Module` it has compiled
//! already (nothing is fetched again, so it works in the single file opened from disk too), and
//! the worker instantiates it with do-nothing stand-ins for the page's JavaScript imports, which
//! the conversion never calls, and without running `main`. Only bytes cross ([`crate::wire`]):
//! the request in, the report out, through the three `km_*` exports below. The worker's script
//! is [`WORKER_JS`] as a `blob:` URL, which the page's CSP allows as `worker-src blob:` (no
//! other source, no request).
//!
//! One conversion runs at a time; while it runs, only the newest request waits (an older waiting
//! one is dropped: its result would be stale anyway). If the worker cannot be started or fails,
//! the page converts on the main thread, as it did before the worker, from then on.

use crate::ui::state::{Action, Job, State};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::UseReducerDispatcher;
use Status::{Failed, Running, Unstarted};

/// The worker: it instantiates the module sent with each request once, copies the request into
/// its memory, converts, and posts the report's bytes back (`null` when anything failed, after
/// which the page stops using it). Addresses are read before the views over memory are made: an
/// allocation may grow the memory and detach an older view.
const WORKER_JS: &str = "let x;onmessage=e=>{let r=null;try{const[m,q]=e.data;\
x??=new WebAssembly.Instance(m,new Proxy({},{get:()=>new Proxy({},{get:()=>()=>{}})})).exports;\
const p=x.km_input(q.length)>>>0;new Uint8Array(x.memory.buffer,p,q.length).set(q);\
const n=x.km_convert()>>>0,o=x.km_output()>>>0;if(n)r=new Uint8Array(x.memory.buffer,o,n).slice()}\
catch(_){x=null}postMessage(r,r?[r.buffer]:[])}";

thread_local! {
    /// The worker side's one buffer: the request, then the report.
    static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// The page side: the worker and its queue (one page, one worker).
    static LINK: RefCell<Link> = const { RefCell::new(Link { worker: Unstarted, running: None, waiting: None }) };
}

/// Worker side: room for a request of `len` bytes; returns where to write it.
#[wasm_bindgen]
pub fn km_input(len: usize) -> usize {
    BUFFER.with_borrow_mut(|b| {
        *b = vec![0; len];
        b.as_mut_ptr() as usize
    })
}

/// Worker side: converts the request in the buffer, which then holds the report. Returns the
/// report's length, 0 when the request was unreadable.
#[wasm_bindgen]
pub fn km_convert() -> usize {
    BUFFER.with_borrow_mut(|b| {
        *b = crate::wire::convert(b).unwrap_or_default();
        b.len()
    })
}

/// Worker side: where the report is.
#[wasm_bindgen]
pub fn km_output() -> usize {
    BUFFER.with_borrow_mut(|b| b.as_mut_ptr() as usize)
}

/// Whether the page has a worker.
enum Status {
    Unstarted,
    Running(web_sys::Worker),
    /// Could not start, or failed: the main thread converts.
    Failed,
}

/// A job and where to deliver its result.
type Task = (Job, UseReducerDispatcher<State>);

struct Link {
    worker: Status,
    running: Option<Task>,
    waiting: Option<Task>,
}

/// Runs `job` (made by [`crate::ui::state::Converted::job`]) and dispatches its result, in the
/// worker when there is one.
pub fn convert(job: Job, dispatch: UseReducerDispatcher<State>) {
    let task = (job, dispatch);
    let here = LINK.with_borrow_mut(|link| {
        if matches!(link.worker, Unstarted) {
            link.worker = start().map_or(Failed, Running);
        }
        if link.running.is_some() && matches!(link.worker, Running(_)) {
            link.waiting = Some(task);
            return None;
        }
        let Running(worker) = &link.worker else {
            return Some(task);
        };
        let data = js_sys::Uint8Array::from(&task.0.request[..]);
        let message = js_sys::Array::of2(&wasm_bindgen::module(), &data);
        if worker
            .post_message_with_transfer(&message, &js_sys::Array::of1(&data.buffer()))
            .is_err()
        {
            link.worker = Failed;
            return Some(task);
        }
        link.running = Some(task);
        None
    });
    // Outside the borrow: delivering renders the page, which may convert again.
    if let Some((job, dispatch)) = here {
        convert_here(job, &dispatch);
    }
}

/// Runs `job` on the main thread and dispatches its result.
pub fn convert_here(job: Job, dispatch: &UseReducerDispatcher<State>) {
    let report = crate::wire::convert(&job.request).ok();
    deliver(job, report, dispatch);
}

/// The worker's answer to the running job: delivered, or (no answer) converted here instead.
fn answered(report: Option<Vec<u8>>) {
    let (done, next) = LINK.with_borrow_mut(|link| {
        if report.is_none() {
            link.worker = Failed;
        }
        (link.running.take(), link.waiting.take())
    });
    if let Some((job, dispatch)) = done {
        let report = report.or_else(|| crate::wire::convert(&job.request).ok());
        deliver(job, report, &dispatch);
    }
    if let Some((job, dispatch)) = next {
        convert(job, dispatch);
    }
}

fn deliver(job: Job, report: Option<Vec<u8>>, dispatch: &UseReducerDispatcher<State>) {
    if let Some(result) = report.and_then(|r| job.finish(&r)) {
        dispatch.dispatch(Action::Converted(Rc::new(result)));
        // Its notes and steps, below the diff, are drawn once the diff is painted: in a task
        // after the next frame (BENCHMARKS.md §5).
        // Without animation frames (none known), at once.
        let later = dispatch.clone();
        let after_paint = Closure::once_into_js(move || {
            Timeout::new(0, move || later.dispatch(Action::ShowSide)).forget();
        });
        let framed = web_sys::window()
            .and_then(|w| w.request_animation_frame(after_paint.unchecked_ref()).ok());
        if framed.is_none() {
            dispatch.dispatch(Action::ShowSide);
        }
    }
}

/// The worker, listening; `None` when the browser refuses it (a stricter CSP, no workers).
fn start() -> Option<web_sys::Worker> {
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/javascript");
    let parts = js_sys::Array::of1(&WORKER_JS.into());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        let data = e.data();
        answered((!data.is_null()).then(|| js_sys::Uint8Array::new(&data).to_vec()));
    });
    // A worker that cannot load (refused by the CSP after all) reports an error event instead.
    let on_error = Closure::<dyn Fn()>::new(|| answered(None));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Both live as long as the page.
    on_message.forget();
    on_error.forget();
    Some(worker)
}
