//! The files the page links to, kept current with the core: `assets/rules.html` explains every
//! rule (grouped by release, one anchor per rule id). The page's wasm leaves the explanations
//! out (they are the largest texts of the core) and its "Why" links open this page. To rewrite
//! it after changing a rule: `UPDATE_ASSETS=1 cargo test --test page_assets`.

use koji_migrate::rules;
use std::path::Path;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What `assets/rules.html` must hold.
fn rules_page() -> String {
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>koji-migrate: the rules</title>\n\
         <style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}\
         dt{margin-top:1rem;font-weight:bold}dt:target,dt:target+dd{background:Mark;color:MarkText}code{font-size:.9em}</style>\n\
         </head>\n<body>\n<h1>koji-migrate: what each rule does and why</h1>\n\
         <p>Written by koji-migrate from its rules; <code>koji-migrate --explain ID</code> prints the same.</p>\n",
    );
    let mut release = None;
    for r in rules::all() {
        if release != Some(r.release) {
            if release.is_some() {
                s.push_str("</dl>\n");
            }
            release = Some(r.release);
            s.push_str(&format!("<h2>Koji {}</h2>\n<dl>\n", r.release));
        }
        s.push_str(&format!(
            "<dt id=\"{id}\"><code>{id}</code>: {summary}</dt>\n<dd>{explanation} <a href=\"{url}\">{title}</a></dd>\n",
            id = r.id,
            summary = escape(r.summary),
            explanation = escape(r.explanation),
            url = escape(&r.guide.url()),
            title = escape(&r.guide.title()),
        ));
    }
    s.push_str("</dl>\n</body>\n</html>\n");
    s
}

#[test]
fn rules_page_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/rules.html");
    let want = rules_page();
    if std::env::var_os("UPDATE_ASSETS").is_some() {
        std::fs::write(&path, &want).expect("write the asset");
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: run UPDATE_ASSETS=1 cargo test --test page_assets",
        path.display()
    );
    for r in rules::all() {
        assert!(!r.explanation.is_empty(), "{} has no explanation", r.id);
        assert!(
            want.contains(&format!("<dt id=\"{}\">", r.id)),
            "{} has no anchor",
            r.id
        );
    }
}
