//! The command-line shell around the core: read files, call `migrate`, print or write the result.
//!
//! Contract (other tools depend on it, README.md "The command line"):
//! `koji-migrate [--mod-python] [--out DIR] [--json] [--check] FILE...`; exit 0 on success,
//! 1 with `--check` when a file needs migrating, 2 on usage or I/O errors.
//!
//! Native only: clap and annotate-snippets are not compiled for wasm32, where `main` is a stub
//! (the page is `koji-migrate-web`).
#![forbid(unsafe_code)]

/// mimalloc rather than the system's: the conversion allocates per word and per note, and spends
/// about a fifth less time on 100,000-line inputs with it (BENCHMARKS.md §2).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// `cargo clippy --target wasm32-unknown-unknown --bins` builds every binary: this one has nothing
/// to do in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli;
