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
    s.push_str("</dl>\n");
    s.push_str(&database_section());
    s.push_str("</body>\n</html>\n");
    s
}

/// The known pitfalls of the database steps, by step, each with the targets it applies to (the
/// scripts are named as the target release installs them).
fn database_section() -> String {
    use koji_migrate::koji::schema_chain::chain;
    use koji_migrate::Release;
    let mut s = String::from("<h2 id=\"database\">Database steps: known pitfalls</h2>\n<dl>\n");
    let oldest = Release::OLDEST;
    let last = Release::all().last().expect("releases");
    for step in chain(oldest, last) {
        // Each distinct text with the targets that get it.
        let mut texts: Vec<(&str, Vec<Release>)> = Vec::new();
        for target in Release::steps(step.from, last) {
            let Some(p) = chain(step.from, target)[0].pitfall else {
                continue;
            };
            match texts.iter_mut().find(|(t, _)| *t == p) {
                Some((_, targets)) => targets.push(target),
                None => texts.push((p, vec![target])),
            }
        }
        if texts.is_empty() {
            continue;
        }
        s.push_str(&format!(
            "<dt id=\"db-{0}-{1}\">{0} → {1}</dt>\n",
            step.from, step.to
        ));
        for (text, targets) in texts {
            let (first, end) = (targets[0], targets[targets.len() - 1]);
            let range = if first == end {
                format!("{first}")
            } else {
                format!("{first}–{end}")
            };
            s.push_str(&format!(
                "<dd>{} <small>(upgrading to {range})</small></dd>\n",
                escape(text)
            ));
        }
    }
    s.push_str("</dl>\n");
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
