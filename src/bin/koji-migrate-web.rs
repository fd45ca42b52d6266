//! The page's entry point (built by Trunk for wasm32); natively it only says where to look.
#[cfg(target_arch = "wasm32")]
fn main() {
    koji_migrate::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("koji-migrate-web is the browser app: build it with `trunk build` (see README.md).");
}
