//! `web-theme-alias`: Aliases overriding koji-web's static files are kept, with a word on `KojiTheme`.
//!
//! They keep working in 1.7; the new way is a theme directory and `KojiTheme` in web.conf.
//!
//! ```text
//! before: Alias /koji-static/images/koji.png /srv/koji.png
//! after:  (unchanged; an info note)
//! ```
//!
//! The logic is all here: [`run`], called by `rules::web_httpd`.

use crate::httpd::HttpdConfig;
use crate::koji::Release;
use crate::report::{Guide, Severity};
use crate::rules::context::Ctx;
use crate::rules::httpd_edit as edit;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-theme-alias",
    release: Release::V1_7,
    summary: "Keep theme aliases; mention KojiTheme",
    guide: Guide::WebThemes,
    explanation: explained!("httpd Aliases that override koji-web's static files keep working in 1.7 and are left alone. The new way is KojiTheme = NAME in web.conf, which serves /usr/share/koji-web/static/themes/NAME/."),
    rejecting: None,
};

/// Notes the Aliases that override koji-web's static files (old-style themes).
pub(crate) fn run(cfg: &HttpdConfig, ctx: &mut Ctx<'_>) {
    for a in cfg.find_all("Alias") {
        let Some(url) = cfg.directive(a).and_then(|d| d.arg(0)) else {
            continue;
        };
        let rest = url.strip_prefix("/koji-static/").unwrap_or("");
        if !rest.is_empty() {
            ctx.plan.note(&RULE, Severity::Info, Some(edit::lines(cfg, a)), format!(
                "This Alias overrides koji-web's static file {url}. It keeps working in 1.7 and is left as it is; \
                 the new way is a theme directory under /usr/share/koji-web/static/themes/ and KojiTheme = <name> in web.conf."));
        }
    }
}
