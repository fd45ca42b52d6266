//! The layers of the crate, enforced: a module may use its own layer and the layers below it,
//! never one above (ARCHITECTURE.md, "Layers"). Every `src/**/*.rs` file is mapped to a layer
//! by its path, its `crate::…` paths (in `use` lines and inline, `use crate::{a, b::c}` groups
//! too) are collected with a text scan that skips comments, and each path is mapped to the layer
//! of the module it names (a name re-exported at the crate root, `crate::FileKind`, to the
//! module `lib.rs` takes it from). An upward path fails the test with the file, the line and
//! the import. A file whose path maps to no layer fails too, so a new module must be placed.
//!
//! Limits of a text scan: `super::` paths are not followed (they stay inside a module's own
//! folder except at the top of a file of `src/`, where nothing uses them), and the test blocks
//! are checked like the rest (they may only use what their module may).

use std::path::{Path, PathBuf};

/// The layers, lowest first: (name, the module paths in it). A path names a file (`src/text.rs`)
/// or a folder (`src/rules/`, everything under it).
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &["src/text.rs", "src/decode.rs"]),
    ("documents", &["src/httpd.rs", "src/ini.rs"]),
    ("koji", &["src/koji/", "src/apps.rs"]),
    ("model", &["src/report.rs", "src/options.rs"]),
    ("detect", &["src/detect.rs"]),
    ("rules", &["src/rules/"]),
    ("checklist", &["src/checklist.rs"]),
    ("migrate", &["src/migrate/"]),
    (
        "outputs",
        &[
            "src/diff.rs",
            "src/mask.rs",
            "src/placement.rs",
            "src/wire.rs",
        ],
    ),
    ("shells", &["src/ui/", "src/bin/", "src/lib.rs"]),
];

/// The layer of a file of the crate, by its path relative to the package (`src/…`).
fn layer_of(path: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, paths)| {
        paths.iter().any(|p| {
            if p.ends_with('/') {
                path.starts_with(p)
            } else {
                path == *p
            }
        })
    })
}

/// The layer of the module a `crate::` path starts with: `crate::rules::…` → `src/rules/`,
/// `crate::FileKind` → the module `lib.rs` re-exports it from (`roots`: name → module).
fn layer_of_module(first: &str, roots: &[(String, String)]) -> Option<usize> {
    let module = roots
        .iter()
        .find(|(name, _)| name == first)
        .map_or(first, |(_, m)| m.as_str());
    layer_of(&format!("src/{module}.rs")).or_else(|| layer_of(&format!("src/{module}/")))
}

/// `text` without its comments (`//…` to the end of the line, `/*…*/`), line breaks kept so
/// that positions still give line numbers. String literals are not parsed: a `//` inside one
/// (a URL) hides the rest of its line, which never holds a path worth checking.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("//") {
            let end = after.find('\n').unwrap_or(after.len());
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix("/*") {
            let end = after.find("*/").map_or(after.len(), |e| e + 2);
            out.extend(after[..end].chars().filter(|&c| c == '\n'));
            rest = &after[end..];
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every `crate::` path of `code` as (byte offset, first segment): `crate::a::b` gives `a`,
/// `crate::{a::b, c}` gives `a` and `c` (groups nest: only their first level names modules).
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue; // `koji_migrate::crate` does not exist, but `mycrate::` might
        }
        let rest = &code[at + "crate::".len()..];
        let rest_at = at + "crate::".len();
        if let Some(group) = rest.strip_prefix('{') {
            // Split the group's first level at commas.
            let mut depth = 0usize;
            let mut start = 0usize;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        push_first(&group[start..i], rest_at + 1 + start, &mut out);
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        push_first(&group[start..i], rest_at + 1 + start, &mut out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            push_first(rest, rest_at, &mut out);
        }
    }
    out
}

/// The first identifier of `item` (after blanks), with its offset.
fn push_first(item: &str, offset: usize, out: &mut Vec<(usize, String)>) {
    let skip = item.len() - item.trim_start().len();
    let name: String = item[skip..].chars().take_while(|&c| is_ident(c)).collect();
    if !name.is_empty() && name != "self" {
        out.push((offset + skip, name));
    }
}

/// The upward (or unknown) `crate::` paths of one file, as messages naming the file, the line
/// and the import. `path` is relative to the package (`src/rules/web_conf.rs`).
fn violations(path: &str, text: &str, roots: &[(String, String)]) -> Vec<String> {
    let Some(own) = layer_of(path) else {
        return vec![format!(
            "{path}: this file is in no layer: add its path to LAYERS in tests/layers.rs (and to ARCHITECTURE.md)"
        )];
    };
    let code = strip_comments(text);
    let mut out = Vec::new();
    for (at, first) in crate_paths(&code) {
        let line = code[..at].matches('\n').count() + 1;
        let source = text.lines().nth(line - 1).unwrap_or("").trim();
        match layer_of_module(&first, roots) {
            None => out.push(format!(
                "{path}:{line}: `crate::{first}` names no module the layers know (line: `{source}`)"
            )),
            Some(l) if l > own => out.push(format!(
                "{path}:{line}: upward import of `crate::{first}` (layer {}) from layer {}: `{source}`",
                LAYERS[l].0, LAYERS[own].0
            )),
            Some(_) => {}
        }
    }
    out
}

/// The names `lib.rs` re-exports (`pub use module::{A, B};`) and the module each comes from.
fn root_reexports(lib: &str) -> Vec<(String, String)> {
    let code = strip_comments(lib);
    let mut out = Vec::new();
    for stmt in code.split(';') {
        let Some(rest) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module: String = rest.chars().take_while(|&c| is_ident(c)).collect();
        let names = rest[module.len()..].trim_start_matches("::");
        let names = names.trim_start_matches('{').trim_end_matches('}');
        for name in names.split(',') {
            let name = name.rsplit("::").next().unwrap_or("").trim();
            if !name.is_empty() {
                out.push((name.to_string(), module.clone()));
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let roots = root_reexports(&lib);
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    assert!(
        files.len() > 50,
        "found only {} files under src/",
        files.len()
    );
    let mut all = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(f).unwrap();
        all.extend(violations(&rel, &text, &roots));
    }
    let table: Vec<String> = LAYERS
        .iter()
        .enumerate()
        .map(|(i, (name, paths))| format!("  {i} {name}: {}", paths.join(" ")))
        .collect();
    assert!(
        all.is_empty(),
        "{} import(s) against the layers (a module may use its own layer and those below):\n{}\n\nThe layers, lowest first:\n{}",
        all.len(),
        all.join("\n"),
        table.join("\n")
    );
}

#[cfg(test)]
mod checker {
    use super::*;

    fn roots() -> Vec<(String, String)> {
        root_reexports(
            "pub mod report;\npub use koji::Release;\npub use report::{Change, FileKind};\npub use migrate::{migrate, Input};\n",
        )
    }

    #[test]
    fn an_upward_use_is_reported_with_file_and_line() {
        let text = "//! A rule.\n\nuse crate::report::Severity;\nuse crate::migrate::Ctx;\n";
        let v = violations("src/rules/r1_7/some_rule.rs", text, &roots());
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(
            v[0].starts_with("src/rules/r1_7/some_rule.rs:4: upward import of `crate::migrate`"),
            "{}",
            v[0]
        );
        assert!(v[0].contains("use crate::migrate::Ctx;"), "{}", v[0]);
    }

    #[test]
    fn groups_inline_paths_and_root_reexports_count() {
        let text = "use crate::{\n    koji::Release,\n    rules::{self, Plan},\n};\nfn f() -> crate::Input { todo!() }\n";
        let v = violations("src/report.rs", text, &roots());
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(
            v[0].starts_with(
                "src/report.rs:3: upward import of `crate::rules` (layer rules) from layer model"
            ),
            "{}",
            v[0]
        );
        assert!(
            v[1].starts_with("src/report.rs:5: upward import of `crate::Input` (layer migrate)"),
            "{}",
            v[1]
        );
    }

    #[test]
    fn comments_and_lower_layers_pass() {
        let text = "/// See [`crate::migrate`].\n// use crate::ui::App;\n/* crate::diff */\nuse crate::text::Splice;\nuse crate::FileKind;\nuse crate::koji::Release;\n";
        assert_eq!(
            violations("src/rules/mod.rs", text, &roots()),
            Vec::<String>::new()
        );
        assert_eq!(
            violations(
                "src/ui/app.rs",
                "use crate::migrate;\nuse crate::diff::DiffModel;\n",
                &roots()
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn unknown_modules_and_unplaced_files_fail() {
        let v = violations("src/rules/x.rs", "use crate::nowhere::Thing;\n", &roots());
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].contains("names no module"), "{}", v[0]);
        let v = violations("src/newthing.rs", "", &roots());
        assert!(v[0].contains("in no layer"), "{v:?}");
    }

    #[test]
    fn every_layer_path_exists() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (_, paths) in LAYERS {
            for p in *paths {
                assert!(
                    root.join(p).exists(),
                    "LAYERS names {p}, which does not exist"
                );
            }
        }
    }
}
