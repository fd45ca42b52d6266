//! The page: a thin Yew shell around [`crate::migrate`] (wasm only, built by Trunk).
//!
//! - [`state`]: one reducer holding the inputs (raw text, kept on every keystroke), the target,
//!   and the latest conversion result tagged with the revision it came from.
//! - [`components`]: one component per file; they render props and send actions, nothing more.
//!   Typing is converted 150 ms after the last keystroke, any other change at once (a
//!   `gloo-timers` timeout that each change cancels), in a Web Worker ([`worker`]), so typing and
//!   scrolling never wait for a conversion; small inputs, which convert faster than the worker
//!   answers, on the page.
//! - [`browser`]: downloads (`blob:` URLs), the clipboard, reading dropped files. Nothing leaves
//!   the page: no request goes to any other origin, nothing is stored.
//! - [`zip`]: "download all" as a stored ZIP (its README.txt is [`crate::checklist::readme`]).
//!
//! The page has no Koji knowledge: detection, rules, notes, diffs all come from the core.

pub mod browser;
pub mod components;
pub mod examples;
pub mod state;
pub mod virtual_rows;
pub mod worker;
pub mod zip;

/// Mounts the page on `<body>`.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        browser::show_fatal(&message);
    }));
    yew::Renderer::<components::app::App>::new().render();
}
