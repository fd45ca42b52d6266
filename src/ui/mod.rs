//! The page (wasm only). Placeholder until the web app lands.
pub fn start() {}
