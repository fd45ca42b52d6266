//! `web-theme-alias`: Aliases overriding koji-web's static files are kept, with a word on `KojiTheme`.
//!
//! They keep working in 1.7; the new way is a theme directory and `KojiTheme` in web.conf.
//!
//! ```text
//! before: Alias /koji-static/images/koji.png /srv/koji.png
//! after:  (unchanged; an info note)
//! ```
//!
//! Where the logic is: All here: [`run`], called by `rules::web_httpd`.

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-theme-alias",
    release: Release::V1_7,
    summary: "Keep theme aliases; mention KojiTheme",
    guide: Guide::WebThemes,
    explanation: explained!("httpd Aliases that override koji-web's static files keep working in 1.7 and are left alone. The new way is KojiTheme = NAME in web.conf, which serves /usr/share/koji-web/static/themes/NAME/."),
    rejecting: None,
};
