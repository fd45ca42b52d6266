//! `web-files-url`: the three old file URLs become one `KojiFilesURL`.
//!
//! Koji 1.7 ignores `KojiPackagesURL`, `KojiMavenURL` and `KojiImagesURL` and builds every file link
//! from the top of /mnt/koji; it is deduced when the old URLs agree.
//!
//! ```text
//! before: PythonOption KojiPackagesURL http://koji/packages
//!         PythonOption KojiImagesURL http://koji/images
//! after:  web.conf: KojiFilesURL = http://koji
//! ```
//!
//! The logic is shared: `rules::web_settings::write_web_conf` (httpd inputs) and `rules::web_conf` (web.conf
//! inputs, with the deduction `web_conf::files_url`).

use crate::koji::Release;
use crate::report::Guide;
use crate::rules::Rule;

pub static RULE: Rule = Rule {
    id: "web-files-url",
    release: Release::V1_7,
    summary: "Replace KojiPackagesURL, KojiMavenURL and KojiImagesURL by KojiFilesURL",
    guide: Guide::UrlOptions,
    explanation: explained!("Koji 1.7 ignores the three old URL options and builds every file link from KojiFilesURL, the URL of the top of /mnt/koji: packages under /packages, images under /images. KojiFilesURL is deduced when the old URLs agree on that top; when they do not, the conflict is shown and the old lines are kept for you to decide."),
    rejecting: None,
};
