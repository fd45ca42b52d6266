//! `web-alias-wsgi`: the Alias of koji-web's scripts directory names `wsgi_publisher.py`.
//!
//! Koji 1.7's web interface has one entry point, `wsgi_publisher.py`, in both modes.
//!
//! ```text
//! before: Alias /koji "/usr/share/koji-web/scripts/"
//! after:  Alias /koji "/usr/share/koji-web/scripts/wsgi_publisher.py"
//! ```
//!
//! Where the logic is: [`run`] and [`script_aliases`] here; called by `rules::web_httpd`.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-alias-wsgi",
    release: Release::V1_7,
    summary: "Point the koji-web Alias at wsgi_publisher.py",
    guide: Guide::MigratingToModWsgi,
    explanation: explained!("Koji 1.7's web interface is the script wsgi_publisher.py; the Alias that served the scripts directory now names that script, in both mod_wsgi and mod_python mode."),
    rejecting: Some("the Alias does not reach wsgi_publisher.py, koji-web 1.7's only entry point."),
};

/// Points each of koji-web's script Aliases (`aliases`, from [`script_aliases`]) at
/// `wsgi_publisher.py`; returns whether it changed any.
pub(crate) fn run(cfg: &HttpdConfig, ctx: &mut Ctx<'_>, aliases: &[(usize, String)]) -> bool {
    for &(a, ref new_target) in aliases {
        ctx.plan.change(
            &RULE,
            Severity::Info,
            edit::lines(cfg, a),
            vec![cfg.replace_item(a, vec![edit::with_arg(cfg, a, 1, new_target)])],
            format!(
                "The koji-web Alias now names the script {new_target}, Koji 1.7's entry point."
            ),
        );
    }
    !aliases.is_empty()
}

/// Aliases of koji-web's scripts directory, with the target they should have.
pub(crate) fn script_aliases(cfg: &HttpdConfig, scopes: &[usize]) -> Vec<(usize, String)> {
    let scope_paths = edit::scope_paths(cfg, scopes);
    cfg.find_all("Alias")
        .filter_map(|a| {
            let target = cfg.directive(a)?.arg(1)?;
            let dir = edit::norm_path(target);
            (dir.ends_with("koji-web/scripts") || scope_paths.contains(&dir)).then(|| {
                (
                    a,
                    format!(
                        "{}{}wsgi_publisher.py",
                        target,
                        if target.ends_with('/') { "" } else { "/" }
                    ),
                )
            })
        })
        .collect()
}
