//! Small, shared edits of httpd directives, so rules never do string surgery themselves.

use crate::httpd::{quote_arg, HttpdConfig, ItemKind};
use crate::options::Target;
use crate::report::Severity;
use crate::rules::context::Ctx;
use crate::text::Splice;
use std::ops::Range;

pub(crate) use crate::apps::{python_options, scopes, App};

/// mod_python directives (`Python*`) inside section `scope`, at any depth.
pub(crate) fn python_directives(cfg: &HttpdConfig, scope: usize) -> Vec<usize> {
    cfg.children(scope)
        .filter(|&i| matches!(&cfg.items[i].kind, ItemKind::Directive(d) if d.name().len() > 6 && d.name().get(..6).is_some_and(|p| p.eq_ignore_ascii_case("python"))))
        .collect()
}

/// The first argument of directive `i` ("" when it has none).
pub(crate) fn arg0(cfg: &HttpdConfig, i: usize) -> String {
    cfg.directive(i)
        .and_then(|d| d.arg(0))
        .unwrap_or("")
        .to_string()
}

/// The removal of `items` (not empty, in file order) and the lines they span, for a change
/// that removes them together.
pub(crate) fn remove_all(cfg: &HttpdConfig, items: &[usize]) -> (Vec<Splice>, Range<usize>) {
    let splices = items.iter().map(|&i| cfg.remove_item(i)).collect();
    let (first, last) = (items[0], items[items.len() - 1]);
    (
        splices,
        cfg.items[first].lines().start..cfg.items[last].lines().end,
    )
}

/// `A, B and C` from the option names of PythonOption items (never their values).
pub(crate) fn names(cfg: &HttpdConfig, items: &[usize]) -> String {
    let names: Vec<&str> = items
        .iter()
        .filter_map(|&i| cfg.directive(i).and_then(|d| d.arg(0)))
        .collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].to_string(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// The paths of `scopes` (their first argument), normalised for comparison.
pub(crate) fn scope_paths<'a>(cfg: &'a HttpdConfig, scopes: &[usize]) -> ScopePaths<'a> {
    let paths: Vec<&str> = scopes
        .iter()
        .filter_map(|&s| cfg.directive(s).and_then(|d| d.arg(0)))
        .map(norm_path)
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    let paths = {
        let mut paths = paths;
        paths.sort_unstable();
        ScopePaths(paths)
    };
    paths
}

/// [`scope_paths`]' answer, asked whether it holds a path once per `Alias` of the file: natively
/// sorted and binary-searched (a scan per Alias was quadratic: 30 M instructions at 100,000
/// lines); the page keeps the list and scans it (sorting strings would cost it code).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct ScopePaths<'a>(Vec<&'a str>);

#[cfg(target_arch = "wasm32")]
pub(crate) type ScopePaths<'a> = Vec<&'a str>;

#[cfg(not(target_arch = "wasm32"))]
impl ScopePaths<'_> {
    pub(crate) fn contains(&self, path: &&str) -> bool {
        self.0.binary_search(path).is_ok()
    }
}

/// The physical lines of item `i`.
pub(crate) fn lines(cfg: &HttpdConfig, i: usize) -> std::ops::Range<usize> {
    cfg.items[i].lines()
}

/// A directive line with the indentation of item `like`.
pub(crate) fn line_like(cfg: &HttpdConfig, like: usize, text: &str) -> String {
    // Joined, not formatted, as the other lines written per section: a long config has
    // thousands of sections, and `format!` cost several times the joining.
    [cfg.indent(like), text].concat()
}

/// Item `i` written again with argument `arg` set to `value` (keeping its quote style, name
/// spelling, indentation and the other arguments).
pub(crate) fn with_arg(cfg: &HttpdConfig, i: usize, arg: usize, value: &str) -> String {
    let Some(d) = cfg.directive(i) else {
        return cfg.table.line(cfg.items[i].lines().start).to_string();
    };
    let mut out = [cfg.indent(i), d.name()].concat();
    let is_section = matches!(cfg.items[i].kind, ItemKind::SectionOpen { .. });
    if is_section {
        out.insert(cfg.indent(i).len(), '<');
    }
    for (k, a) in d.args().enumerate() {
        out.push(' ');
        if k == arg {
            out.push_str(&quote_arg(value, a.quote));
        } else {
            out.push_str(&quote_arg(a.value, a.quote));
        }
    }
    if is_section {
        out.push('>');
    }
    out
}

/// If `scope` has an `Options` directive without `ExecCGI`, that item and its line with ExecCGI
/// added; `Ok(None)` if ExecCGI is already allowed; `Err(())` if there is no `Options` at all.
pub(crate) fn options_with_execcgi(
    cfg: &HttpdConfig,
    scope: usize,
) -> Result<Option<(usize, String)>, ()> {
    let Some(opt) = cfg.child_directives(scope, "Options").last() else {
        return Err(());
    };
    let Some(d) = cfg.directive(opt) else {
        return Err(());
    };
    let words: Vec<&str> = d.args().map(|a| a.value).collect();
    if words.iter().any(|w| {
        w.eq_ignore_ascii_case("ExecCGI")
            || w.eq_ignore_ascii_case("+ExecCGI")
            || w.eq_ignore_ascii_case("All")
    }) {
        return Ok(None);
    }
    // Apache forbids mixing +/- options with plain ones, so follow the style already there.
    let signed = words.iter().any(|w| w.starts_with(['+', '-']));
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !w.eq_ignore_ascii_case("None") && !w.eq_ignore_ascii_case("-ExecCGI"))
        .collect();
    let mut new_words: Vec<String> = kept.iter().map(|w| w.to_string()).collect();
    new_words.push(if signed {
        "+ExecCGI".into()
    } else {
        "ExecCGI".into()
    });
    Ok(Some((
        opt,
        format!("{}{} {}", cfg.indent(opt), d.name(), new_words.join(" ")),
    )))
}

/// A `PythonOption …ConfigFile` (item `i`, naming `path`) as mod_wsgi takes it: `SetEnv env
/// path` in its place, or nothing when `path` is the `default` the application reads anyway.
pub(crate) fn config_file_setenv(
    cfg: &HttpdConfig,
    i: usize,
    env: &str,
    path: &str,
    default: &str,
) -> Splice {
    if norm_path(path) == default {
        return cfg.remove_item(i);
    }
    let words = ["SetEnv ", env, " ", &crate::httpd::quote_arg(path, None)].concat();
    cfg.replace_item(i, vec![line_like(cfg, i, &words)])
}

/// Normalises a filesystem path for comparison: no trailing `/`, no surrounding blanks.
pub(crate) fn norm_path(p: &str) -> &str {
    let t = p.trim();
    let s = t.trim_end_matches('/');
    if s.is_empty() && !t.is_empty() {
        "/"
    } else {
        s
    }
}

/// The edits that make section `scope` a mod_wsgi script directory: the first
/// `SetHandler mod_python` becomes `Options ExecCGI` (or ExecCGI joins the existing `Options`) and
/// `SetHandler wsgi-script`; any further `SetHandler mod_python` goes; so do the items in
/// `also_remove`. Returns the splices and the input lines they span, or `None` if there is no
/// mod_python left to replace.
pub(crate) fn wsgi_handler_swap(
    cfg: &HttpdConfig,
    scope: usize,
    also_remove: &[usize],
) -> Option<(Vec<Splice>, std::ops::Range<usize>)> {
    let handlers: Vec<usize> = cfg
        .child_directives(scope, "SetHandler")
        .filter(|&h| {
            cfg.directive(h)
                .and_then(|d| d.arg(0))
                .is_some_and(|v| v.eq_ignore_ascii_case("mod_python"))
        })
        .collect();
    if handlers.is_empty() && also_remove.is_empty() {
        return None;
    }
    let mut splices = Vec::new();
    let mut span: Option<std::ops::Range<usize>> = None;
    let mut widen = |r: std::ops::Range<usize>| {
        span = Some(match span.take() {
            Some(s) => s.start.min(r.start)..s.end.max(r.end),
            None => r,
        });
    };
    if let Some((&first, rest)) = handlers.split_first() {
        let mut new_lines = Vec::new();
        match options_with_execcgi(cfg, scope) {
            Err(()) => new_lines.push(line_like(cfg, first, "Options ExecCGI")),
            Ok(Some((opt, line))) => {
                splices.push(cfg.replace_item(opt, vec![line]));
                widen(lines(cfg, opt));
            }
            Ok(None) => {}
        }
        new_lines.push(line_like(cfg, first, "SetHandler wsgi-script"));
        splices.push(cfg.replace_item(first, new_lines));
        widen(lines(cfg, first));
        for &h in rest {
            splices.push(cfg.remove_item(h));
            widen(lines(cfg, h));
        }
    }
    for &p in also_remove {
        splices.push(cfg.remove_item(p));
        widen(lines(cfg, p));
    }
    span.map(|s| (splices, s))
}

/// Adds `line` (a directive, indented like its neighbours) at the end of every `<Directory>` of
/// `app` that mod_wsgi serves after the migration and that has no `name` directive yet: the
/// shape of the release rules that add a mod_wsgi setting to Koji's directories. The change
/// depends on the 1.7 handler swap of the same plan, when there is one.
pub(crate) fn add_to_wsgi_directories(
    cfg: &HttpdConfig,
    app: App,
    ctx: &mut Ctx<'_>,
    rule: &'static super::Rule,
    name: &str,
    line: &str,
    message: &str,
) {
    let swaps = handler_swaps(ctx, app);
    // The swaps as (first line, end, change), by first line: those inside a section are a run
    // of it, found by a binary search rather than a scan of every swap per section (quadratic:
    // 20 M instructions at 100,000 lines). Native only: it cost the page 182 B gzipped.
    #[cfg(not(target_arch = "wasm32"))]
    let mut by_line: Vec<(usize, usize, usize)> = swaps
        .iter()
        .map(|&s| {
            let lines = &ctx.plan.changes[s].lines;
            (lines.start, lines.end, s)
        })
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    by_line.sort_unstable();
    for (scope, close) in wsgi_directories(cfg, app, ctx) {
        if (scope + 1..close).any(|i| cfg.directive(i).is_some_and(|x| x.is(name))) {
            continue;
        }
        let at = cfg.items[close].lines().start;
        let mut text = cfg.child_indent(scope);
        text.push_str(line);
        let c = ctx.plan.change(
            rule,
            Severity::Info,
            at..at + 1,
            vec![cfg.insert_before_item(close, vec![text])],
            message.to_string(),
        );
        // The swap that makes this section mod_wsgi's, when it is in the section; else every
        // swap of the app (it is served from elsewhere). Not every swap always: with many sites
        // on one httpd, each setting would need every site's swap (quadratic, and wrong: rejecting
        // one site's swap would reject every site's settings).
        // (In any order: `depend_on_all` sorts.)
        let section = cfg.items[scope].lines().start..cfg.items[close].lines().end;
        #[cfg(not(target_arch = "wasm32"))]
        let own: Vec<usize> = by_line
            [by_line.partition_point(|&(start, _, _)| start < section.start)..]
            .iter()
            .take_while(|&&(start, _, _)| start <= section.end)
            .filter(|&&(_, end, _)| end <= section.end)
            .map(|&(_, _, s)| s)
            .collect();
        #[cfg(target_arch = "wasm32")]
        let own: Vec<usize> = swaps
            .iter()
            .copied()
            .filter(|&s| {
                let lines = &ctx.plan.changes[s].lines;
                section.start <= lines.start && lines.end <= section.end
            })
            .collect();
        ctx.plan
            .depend_on_all(c, if own.is_empty() { &swaps } else { &own });
    }
}

/// The comment items directly above item `i` (no blank line between, same section), oldest
/// first: the comment block that belongs to it. Continued (`\`) comments are left alone.
pub(crate) fn comments_above(cfg: &HttpdConfig, i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = i;
    while k > 0 {
        k -= 1;
        let item = &cfg.items[k];
        if !matches!(item.kind, ItemKind::Comment)
            || item.parent() != cfg.items[i].parent()
            || item.lines().len() != 1
        {
            break;
        }
        out.push(k);
    }
    out.reverse();
    out
}

/// For a note about removing `removed` items: which comment lines stay behind above them (they
/// may speak of what is gone), or "" when none do.
pub(crate) fn comments_left_above(cfg: &HttpdConfig, removed: &[usize]) -> String {
    let lines: Vec<String> = removed
        .iter()
        .filter_map(|&i| {
            let block = comments_above(cfg, i);
            let first = *block.first()?;
            // A block above another removed item goes with nothing either: said once, at its line.
            (!block.iter().any(|c| removed.contains(c)))
                .then(|| (cfg.items[first].lines().start + 1).to_string())
        })
        .collect();
    match lines.len() {
        0 => String::new(),
        1 => format!(" The comment on line {} stays: it spoke of what was removed, so edit or remove it.", lines[0]),
        _ => format!(" The comments on lines {} stay: they spoke of what was removed, so edit or remove them.", lines.join(", ")),
    }
}

/// Whether any of `scopes` hands its requests to mod_wsgi (`SetHandler wsgi-script`).
pub(crate) fn serves_wsgi(cfg: &HttpdConfig, scopes: &[usize]) -> bool {
    scopes.iter().any(|&s| {
        cfg.child_directives(s, "SetHandler").any(|h| {
            cfg.directive(h)
                .and_then(|d| d.arg(0))
                .is_some_and(|a| a.eq_ignore_ascii_case("wsgi-script"))
        })
    })
}

/// The 1.7 handler swaps of `app` in this plan: what a mod_wsgi setting depends on.
pub(crate) fn handler_swaps(ctx: &Ctx<'_>, app: App) -> Vec<usize> {
    ctx.plan.changes_of(match app {
        App::Hub => &super::r1_7::hub_handler_wsgi::RULE,
        App::Web => &super::r1_7::web_handler_wsgi::RULE,
    })
}

/// `app`'s well-formed `<Directory>` sections that mod_wsgi serves after the migration, as
/// (opening item, closing item); none when the site stays on mod_python. A malformed section is
/// left alone: Apache refuses the file, and that is reported.
pub(crate) fn wsgi_directories(cfg: &HttpdConfig, app: App, ctx: &Ctx<'_>) -> Vec<(usize, usize)> {
    if ctx.options.target == Target::ModPython && ctx.options.to <= crate::options::LAST_MOD_PYTHON
    {
        return Vec::new();
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for scope in scopes(cfg, app) {
        let Some(d) = cfg.directive(scope) else {
            continue;
        };
        let ItemKind::SectionOpen {
            close: Some(close), ..
        } = cfg.items[scope].kind
        else {
            continue;
        };
        let close = close as usize;
        // A close that closes this scope closes no other: no section is listed twice (a
        // search of the list for it, per scope, was quadratic).
        let closes_it = matches!(cfg.items[close].kind, ItemKind::SectionClose { open: Some(o), .. } if o == scope);
        if d.is("Directory") && closes_it {
            out.push((scope, close));
        }
    }
    out
}
