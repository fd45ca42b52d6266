//! Speed of the core, each stage beside its floor, on the stock 1.6 configs and on generated
//! large ones (see BENCHMARKS.md for the figures and how to read them).
//!
//! For each input set, one criterion group holds:
//! - `floor_lines`: splitting the inputs into lines (`str::lines().count()`), the least any
//!   line-based tool does;
//! - `parse`: `HttpdConfig::parse` or `IniDocument::parse`, as detection chose;
//! - `migrate`: detection + rules + report (`koji_migrate::migrate`);
//! - `diff_model`: `DiffModel::new(old, new, 3)` for every changed file of the report;
//! - `pipeline`: `migrate` + `DiffModel::of_file` for every changed file: what the CLI and the page do;
//! - `floor_line_diff`: `similar::TextDiff::from_lines(old, new)` of the same old/new pairs, a
//!   plain line diff and nothing else.
//!
//! Run: `cargo bench --bench pipeline -- --measurement-time 3 --warm-up-time 1`
//! (stock configs are read from `../shared/koji-configs/1.6.0`, or `$KOJI_CONFIGS/1.6.0`).

#[path = "support/gen.rs"]
mod gen;

use criterion::{criterion_group, criterion_main, Criterion};
use koji_migrate::diff::DiffModel;
use koji_migrate::httpd::HttpdConfig;
use koji_migrate::ini::IniDocument;
use koji_migrate::{migrate, Input, Options};
use std::hint::black_box;
use std::path::PathBuf;

fn stock_dir() -> PathBuf {
    match std::env::var_os("KOJI_CONFIGS") {
        Some(d) => PathBuf::from(d).join("1.6.0"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/koji-configs/1.6.0"),
    }
}

/// The old/new pairs the CLI would diff: every changed file (new files against nothing).
fn pairs(inputs: &[Input]) -> Vec<(String, String)> {
    migrate(inputs, &Options::default())
        .files
        .into_iter()
        .filter(|f| f.changed)
        .map(|f| (f.original.unwrap_or_default(), f.text))
        .collect()
}

fn pipeline(inputs: &[Input]) -> usize {
    let report = migrate(inputs, &Options::default());
    report
        .files
        .iter()
        .filter(|f| f.changed)
        .map(|f| DiffModel::of_file(f, 3).hunks.len())
        .sum()
}

fn bench_set(c: &mut Criterion, name: &str, inputs: Vec<Input>) {
    let pairs = pairs(&inputs);
    let mut g = c.benchmark_group(name);
    g.bench_function("floor_lines", |b| {
        b.iter(|| {
            inputs
                .iter()
                .map(|i| black_box(i.text.as_str()).lines().count())
                .sum::<usize>()
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            let mut n = 0;
            for i in &inputs {
                let t = black_box(i.text.as_str());
                let kind = koji_migrate::detect::detect(t, Some(&i.name)).kind;
                n += if kind.is_httpd() {
                    HttpdConfig::parse(t).items.len()
                } else {
                    IniDocument::parse(t).options.len()
                };
            }
            n
        })
    });
    g.bench_function("migrate", |b| {
        b.iter(|| migrate(black_box(&inputs), &Options::default()).files.len())
    });
    g.bench_function("diff_model", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(o, n)| DiffModel::new(black_box(o), black_box(n), 3).hunks.len())
                .sum::<usize>()
        })
    });
    g.bench_function("pipeline", |b| b.iter(|| pipeline(black_box(&inputs))));
    g.bench_function("floor_line_diff", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(o, n)| {
                    similar::TextDiff::from_lines(black_box(o.as_str()), black_box(n.as_str()))
                        .ops()
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let dir = stock_dir();
    let stock: Vec<Input> = [
        "kojiweb.conf",
        "kojihub.conf",
        "kojid.conf",
        "koji.conf",
        "hub.conf",
    ]
    .iter()
    .filter_map(|f| {
        let text = std::fs::read_to_string(dir.join(f)).ok()?;
        Some(Input::new(*f, text))
    })
    .collect();
    if stock.is_empty() {
        eprintln!(
            "stock 1.6 configs not found in {}; skipping that set",
            dir.display()
        );
    } else {
        bench_set(c, "stock-1.6", stock);
    }
    bench_set(
        c,
        "httpd-10k",
        vec![Input::new("httpd.conf", gen::httpd(10_000))],
    );
    bench_set(
        c,
        "httpd-100k",
        vec![Input::new("httpd.conf", gen::httpd(100_000))],
    );
    bench_set(
        c,
        "ini-10k",
        vec![Input::new("koji.conf", gen::ini(10_000))],
    );
    bench_set(
        c,
        "ini-100k",
        vec![Input::new("koji.conf", gen::ini(100_000))],
    );
}

criterion_group! {
    name = pipeline_benches;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(pipeline_benches);
