//! The page's entry point (built by Trunk for wasm32); natively it only says where to look.

/// The page's allocator: talc instead of Rust's default dlmalloc, smaller in the wasm and faster
/// (BENCHMARKS.md §4).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
#[cfg(target_arch = "wasm32")]
fn main() {
    koji_migrate::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("koji-migrate-web is the browser app: build it with `trunk build` (see README.md).");
}
