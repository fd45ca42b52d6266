//! The few browser services the page uses: saving a file, the clipboard, reading a dropped file.
//! All local: a download is a `blob:` URL of this origin, nothing is sent anywhere.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A size for people, "4.8 MB" (integer arithmetic: float formatting would add kilobytes of wasm).
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The URL fragment ("#from=1.21&to=1.35", or "").
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Sets the URL fragment without a new history entry, a request or a `hashchange`.
pub fn replace_fragment(fragment: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}

/// Calls `f` on every `hashchange`, for as long as the page lives.
pub fn on_hashchange(f: impl Fn() + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref());
    }
    closure.forget();
}

/// Shows `value` in the `<select>` with this id. Yew sets an option's `selected` attribute,
/// which no longer moves the selection once the admin has used the select.
pub fn show_in_select(id: &str, value: &str) {
    if let Some(s) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        s.set_value(value);
    }
}

/// Offers `bytes` as a download called `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke once the browser has started the download.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Copies `text` to the clipboard; resolves to whether it worked.
pub async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

/// The bytes of a file the admin dropped or picked.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of a `FileList`.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|k| list.get(k)).collect()
}

/// Shows a message instead of a blank page if the page ever panics.
pub fn show_fatal(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(div) = document.create_element("div") else {
        return;
    };
    div.set_class_name("fatal");
    div.set_attribute("role", "alert").ok();
    div.set_text_content(Some(&format!(
        "Sorry, the page hit an internal error and stopped: {message}. \
         Your text was not sent anywhere. Reload the page to start again, or use the \
         command-line tool koji-migrate."
    )));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&div);
    }
}

/// Arrow keys (and Home/End) in a tab list: move to the neighbouring tab, focus and select it.
/// Tabs are buttons; only the selected one is in the Tab order (`tabindex`), as WAI-ARIA asks.
pub fn tab_keys(e: &web_sys::KeyboardEvent) {
    let Some(current) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let next = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => current.next_element_sibling(),
        "ArrowLeft" | "ArrowUp" => current.previous_element_sibling(),
        "Home" => current
            .parent_element()
            .and_then(|p| p.first_element_child()),
        "End" => current
            .parent_element()
            .and_then(|p| p.last_element_child()),
        _ => return,
    };
    e.prevent_default();
    if let Some(tab) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = tab.focus();
        tab.click();
    }
}
