//! Koji's applications in an httpd config: which sections serve koji-hub and which koji-web,
//! and which `PythonOption` names belong to each. The one definition the detector
//! (`detect`) and the rules (`rules::httpd_edit`) share; it knows Koji's names and the httpd
//! document, nothing of rules or of the pipeline.

use crate::httpd::{HttpdConfig, ItemKind};

/// Hub option names 1.6 read as PythonOptions (lower-cased), used to tell them from koji-web's.
pub(crate) const HUB_PYTHON_OPTIONS: &[&str] = &[
    "configfile",
    "dbname",
    "dbuser",
    "dbhost",
    "dbpass",
    "kojidir",
    "authprincipal",
    "authkeytab",
    "proxyprincipals",
    "hostprincipalformat",
    "dnusernamecomponent",
    "proxydns",
    "logincreatesuser",
    "kojiweburl",
    "emaildomain",
    "notifyonsuccess",
    "disablenotifications",
    "enablemaven",
    "enablewin",
    "pluginpath",
    "plugins",
    "kojidebug",
    "kojitraceback",
    "serveroffline",
    "offlinemessage",
    "lockout",
    "enablefunctiondebug",
    "missingpolicyok",
    "policy",
    "kojisingleuser",
];

/// koji-web option names as 1.6 read them from `PythonOption` (lower-cased).
pub(crate) const WEB_PYTHON_OPTIONS: &[&str] = &[
    "sitename",
    "kojihuburl",
    "kojipackagesurl",
    "kojimavenurl",
    "kojiimagesurl",
    "kojigreeting",
    "secret",
    "logintimeout",
    "webprincipal",
    "webkeytab",
    "webccache",
    "webcert",
    "clientca",
    "kojihubca",
    "koji.web.configfile",
    "kojifilesurl",
    "kojitheme",
    "krbservice",
];

/// Where Koji's applications live in an httpd config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum App {
    Hub,
    Web,
}

/// The `<Directory>`/`<Location>` sections that configure `app` (item indices), leaving out
/// contested ones (see [`contested`]).
pub(crate) fn scopes(cfg: &HttpdConfig, app: App) -> Vec<usize> {
    sections(cfg, if app == App::Hub { HUB } else { WEB })
}

/// The outermost sections of the nests whose application cannot be told from the file. A nest
/// is a `<Directory>`/`<Location>` section with the ones inside it (Apache refuses such nesting,
/// but the file may have it); it is contested when its sections name both koji-hub and koji-web,
/// by path or by handler, such as `<Directory /usr/share/koji-hub>` holding
/// `PythonHandler kojiweb.publisher`. The rules leave a contested nest alone, and the pipeline asks
/// the admin to decide. Counting it as either application's would also break idempotence: once
/// its handler is migrated away, only its path speaks on the next run.
pub(crate) fn contested(cfg: &HttpdConfig) -> Vec<usize> {
    sections(cfg, CONTESTED)
}

/// The sections that name `want` (`HUB` or `WEB`) outside contested nests, or (`CONTESTED`) the
/// outermost sections of contested nests. One plain loop for both: the page pays for code.
fn sections(cfg: &HttpdConfig, want: usize) -> Vec<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    let claims = cfg.claims.get_or_init(|| claims(cfg));
    #[cfg(target_arch = "wasm32")]
    let claims = &claims(cfg);
    let mut out = Vec::new();
    for &(open, nest, flags) in claims {
        let in_contested = claims[nest].2 & CONTESTED != 0;
        if flags & want != 0 && (want == CONTESTED || !in_contested) {
            out.push(open);
        }
    }
    out
}

/// Flags of a [`claims`] entry: the section's path or a `PythonHandler` directly inside it names
/// koji-hub (`HUB`), koji-web (`WEB`); its nest names both (`CONTESTED`, on the nest's outermost
/// section only, which also gathers what the whole nest names in the bits from 3 up).
const HUB: usize = 1;
const WEB: usize = 2;
const CONTESTED: usize = 4;

/// Every `<Directory>`/`<Location>` section (and their `Match` forms) in file order, as (item,
/// index here of its nest's outermost section, flags). Tuples of the core's one sort key type:
/// a struct of its own would cost the page another copy of `Vec`'s code. Natively found once
/// per document and kept in it.
pub(crate) fn claims(cfg: &HttpdConfig) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    // The nest being read: its outermost section's index in `out`, and the item after it. A
    // section's items are one run, so no table by item is needed (such a table, filled on every
    // call, cost the CLI a sixth of its time on a 100,000-line file).
    let mut nest = (0, 0);
    for (i, item) in cfg.items.iter().enumerate() {
        let ItemKind::SectionOpen { directive, .. } = &item.kind else {
            continue;
        };
        let is_container = ["Directory", "DirectoryMatch", "Location", "LocationMatch"]
            .iter()
            .any(|n| directive.is(n));
        if !is_container {
            continue;
        }
        let path = directive.arg(0).unwrap_or("").to_ascii_lowercase();
        let mut flags = usize::from(path.contains("koji-hub")) * HUB
            + usize::from(path.contains("koji-web/scripts")) * WEB;
        for h in cfg.child_directives(i, "PythonHandler") {
            let v = cfg
                .directive(h)
                .and_then(|d| d.arg(0))
                .unwrap_or("")
                .to_ascii_lowercase();
            if v.contains("kojixmlrpc") {
                flags |= HUB;
            }
            if v.contains("kojiweb")
                || v.contains("wsgi_publisher")
                || v.contains("mod_python.publisher")
            {
                flags |= WEB;
            }
        }
        if i >= nest.1 {
            nest = (out.len(), cfg.children(i).end);
        }
        out.push((i, nest.0, flags));
    }
    // What each nest names, gathered on its outermost section.
    for k in 0..out.len() {
        let (nest, names) = (out[k].1, out[k].2 & (HUB | WEB));
        out[nest].2 |= names << 3;
        if out[nest].2 >> 3 == HUB | WEB {
            out[nest].2 |= CONTESTED;
        }
    }
    out
}

/// The items inside any of some sections (at any depth), for asking "is item `i` inside one of
/// these?" of many items: the sections' item ranges merged once, then a binary search per item,
/// where testing every section would cost items × sections.
pub(crate) struct InsideAny(Vec<std::ops::Range<usize>>);

impl InsideAny {
    pub(crate) fn new(cfg: &HttpdConfig, sections: &[usize]) -> Self {
        // (start, end) triples: the key type the other sorts of the core use.
        let mut ranges: Vec<(usize, usize, usize)> = sections
            .iter()
            .map(|&s| cfg.children(s))
            .filter(|r| !r.is_empty())
            .map(|r| (r.start, r.end, 0))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(ranges.len());
        for (start, end, _) in ranges {
            let r = start..end;
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        InsideAny(merged)
    }

    /// Whether item `i` lies inside one of the sections (at any depth); the same as
    /// `sections.iter().any(|&s| cfg.children(s).contains(&i))`.
    pub(crate) fn contains(&self, i: usize) -> bool {
        let k = self.0.partition_point(|r| r.start <= i);
        k > 0 && self.0[k - 1].contains(&i)
    }
}

/// `app`'s PythonOptions: those inside its sections (`scopes`), and those outside any Koji
/// section whose name is one of `app`'s options (a PythonOption in the other app's section is
/// that app's, and one in a [`contested`] nest is nobody's).
pub(crate) fn python_options(cfg: &HttpdConfig, app: App, scopes: &[usize]) -> Vec<usize> {
    let (other, names) = match app {
        App::Hub => (App::Web, HUB_PYTHON_OPTIONS),
        App::Web => (App::Hub, WEB_PYTHON_OPTIONS),
    };
    let mine = InsideAny::new(cfg, scopes);
    let theirs = InsideAny::new(cfg, &self::scopes(cfg, other));
    let nobodys = InsideAny::new(cfg, &contested(cfg));
    cfg.find_all("PythonOption")
        .filter(|&i| {
            if nobodys.contains(i) {
                return false;
            }
            if mine.contains(i) {
                return true;
            }
            if theirs.contains(i) {
                return false;
            }
            let name = cfg
                .directive(i)
                .and_then(|d| d.arg(0))
                .unwrap_or("")
                .to_ascii_lowercase();
            names.contains(&name.as_str())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first line of each item in `items`, for readable assertions.
    fn lines(cfg: &HttpdConfig, items: &[usize]) -> Vec<usize> {
        items
            .iter()
            .map(|&i| cfg.items[i].lines().start + 1)
            .collect()
    }

    #[test]
    fn a_nest_naming_both_applications_is_nobodys() {
        let cfg = HttpdConfig::parse(
            "<Directory /usr/share/koji-hub>\n\
             PythonHandler kojixmlrpc\n\
             </Directory>\n\
             <Directory /usr/share/koji-hub>\n\
             PythonHandler kojiweb.publisher\n\
             </Directory>\n\
             <Directory \"/usr/share/koji-web/scripts/\">\n\
             <IfModule mod_python.c>\n\
             <Directory /usr/share/koji-hub>\n\
             </Directory>\n\
             </IfModule>\n\
             </Directory>\n\
             <Location /koji>\n\
             PythonHandler kojiweb.publisher\n\
             </Location>\n\
             <Directory /srv/other>\n\
             <Location /x>\n\
             </Location>\n\
             </Directory>\n\
             <Directory /usr/share/koji-web/scripts>\n",
        );
        // Line 1: the hub's; line 4: path and handler disagree; line 7: a koji-web directory
        // holding (through an IfModule) a koji-hub one; line 13: koji-web's by its
        // handler; line 16: nobody's, and not contested; line 20: unclosed, koji-web's.
        assert_eq!(lines(&cfg, &scopes(&cfg, App::Hub)), [1]);
        assert_eq!(lines(&cfg, &scopes(&cfg, App::Web)), [13, 20]);
        assert_eq!(lines(&cfg, &contested(&cfg)), [4, 7]);
    }

    #[test]
    fn inside_any_agrees_with_each_section() {
        let cfg = HttpdConfig::parse(
            "<Directory /a>\n<Location /x>\nA 1\n</Location>\nB\n</Directory>\nC\n<Directory /b>\nD\n<Location /y>\nE\n</Directory>\n<Directory /c>\n</Directory>\nF\n<Location /z>\nG\n",
        );
        let opens: Vec<usize> = (0..cfg.items.len())
            .filter(|&i| matches!(cfg.items[i].kind, ItemKind::SectionOpen { .. }))
            .collect();
        // Every subset of the sections.
        for mask in 0u32..(1 << opens.len()) {
            let chosen: Vec<usize> = (0..opens.len())
                .filter(|k| mask & (1 << k) != 0)
                .map(|k| opens[k])
                .collect();
            let any = InsideAny::new(&cfg, &chosen);
            for i in 0..cfg.items.len() + 2 {
                let expected = chosen.iter().any(|&s| cfg.children(s).contains(&i));
                assert_eq!(any.contains(i), expected, "item {i}, sections {chosen:?}");
            }
        }
    }
}
