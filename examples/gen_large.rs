//! Writes large, realistic Koji 1.6 inputs for measuring koji-migrate (see BENCHMARKS.md).
//!
//! ```text
//! cargo run --release --example gen_large -- httpd LINES FILE     # many koji sites on one httpd
//! cargo run --release --example gen_large -- ini LINES FILE       # many koji client profiles
//! cargo run --release --example gen_large -- fleet N STOCK DIR    # N kojid.conf: DIR/builder-K/kojid.conf
//! cargo run --release --example gen_large -- all DIR              # httpd-10k.conf, httpd-100k.conf, ini-100k.conf
//! ```
//! Deterministic: the same arguments always write the same bytes.

#[path = "../benches/support/gen.rs"]
mod gen;

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str =
    "usage: gen_large httpd LINES FILE | ini LINES FILE | fleet N STOCK_KOJID_CONF DIR | all DIR";

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn number(s: Option<&String>) -> Result<usize, String> {
    s.and_then(|s| s.replace('_', "").parse().ok())
        .ok_or_else(|| USAGE.to_string())
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("httpd") => write(
            Path::new(args.get(2).ok_or(USAGE)?),
            &gen::httpd(number(args.get(1))?),
        ),
        Some("ini") => write(
            Path::new(args.get(2).ok_or(USAGE)?),
            &gen::ini(number(args.get(1))?),
        ),
        Some("fleet") => {
            let n = number(args.get(1))?;
            let stock_path = args.get(2).ok_or(USAGE)?;
            let stock =
                std::fs::read_to_string(stock_path).map_err(|e| format!("{stock_path}: {e}"))?;
            let dir = Path::new(args.get(3).ok_or(USAGE)?);
            for k in 0..n {
                write(
                    &dir.join(format!("builder-{k:04}")).join("kojid.conf"),
                    &gen::kojid(&stock, k),
                )?;
            }
            Ok(())
        }
        Some("all") => {
            let dir = Path::new(args.get(1).ok_or(USAGE)?);
            write(&dir.join("httpd-10k.conf"), &gen::httpd(10_000))?;
            write(&dir.join("httpd-100k.conf"), &gen::httpd(100_000))?;
            write(&dir.join("ini-10k.conf"), &gen::ini(10_000))?;
            write(&dir.join("ini-100k.conf"), &gen::ini(100_000))
        }
        _ => Err(USAGE.to_string()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_large: {e}");
            ExitCode::from(2)
        }
    }
}
