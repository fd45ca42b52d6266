//! Which kind of Koji configuration a file is, decided from its content.
//!
//! The file name is only a tie-breaker: admins paste text without names, and name files freely
//! (`kojiweb.conf.orig`, `00-koji.conf`). Comments never count as evidence, since stock files are
//! full of commented-out examples of other files' settings.

use crate::apps::{HUB_PYTHON_OPTIONS, WEB_PYTHON_OPTIONS};
use crate::httpd::{HttpdConfig, ItemKind};
use crate::ini::{IniDocument, LineKind};
use crate::report::FileKind;

/// The verdict and, for people, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub kind: FileKind,
    pub reason: String,
}

/// Option names of the koji client (any profile section) and of kojid, used as evidence.
const CLIENT_KEYS: &[&str] = &[
    "server",
    "weburl",
    "pkgurl",
    "topurl",
    "topdir",
    "cert",
    "ca",
    "serverca",
    "authtype",
    "principal",
    "keytab",
    "krbservice",
    "user",
    "password",
    "noauth",
    "max_retries",
    "retry_interval",
    "anon_retry",
    "offline_retry",
    "offline_retry_interval",
    "keepalive",
    "timeout",
    "use_fast_upload",
    "upload_blocksize",
    "krb_rdns",
    "krb_canon_host",
    "krb_server_realm",
    "debug",
    "poll_interval",
];

pub fn detect(text: &str, name_hint: Option<&str>) -> Detection {
    detect_and_parse(text.to_string(), name_hint).0
}

/// A document parsed while detecting, handed on so the migration does not parse it again.
pub(crate) enum Parsed {
    Httpd(HttpdConfig),
    Ini(IniDocument),
}

/// [`detect`], also returning the document it parsed to decide. The text is given away: the
/// document keeps it (the migration's only copy of a long input; `Parsed::into_text` gives it
/// back when the document is not wanted).
pub(crate) fn detect_and_parse(text: String, name_hint: Option<&str>) -> (Detection, Parsed) {
    let hint = name_hint.and_then(kind_from_name);
    if looks_ini(&text) {
        let doc = IniDocument::parse(text);
        return (detect_ini(&doc, hint), Parsed::Ini(doc));
    }
    let cfg = HttpdConfig::parse(text);
    let verdict = httpd_verdict(cfg.text(), &cfg, hint);
    (verdict, Parsed::Httpd(cfg))
}

impl Parsed {
    /// The text the document was parsed from, for a document the migration does not keep
    /// (natively: the page copies its borrowed input's instead).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn into_text(mut self) -> String {
        match &mut self {
            Parsed::Httpd(cfg) => cfg.table.take_text(),
            Parsed::Ini(doc) => doc.table.take_text(),
        }
    }
}

/// Whether a line of `text`, trimmed, is `[…]` with something inside: an ini section header.
#[cfg(any(target_arch = "wasm32", test))]
fn looks_ini_by_lines(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim();
        t.starts_with('[') && t.ends_with(']') && t.len() > 2
    })
}

#[cfg(target_arch = "wasm32")]
fn looks_ini(text: &str) -> bool {
    looks_ini_by_lines(text)
}

/// [`looks_ini_by_lines`], natively: only a line holding a `[` can be a header, so the `[`s
/// are searched (memchr), and only their lines are trimmed (`str::trim`, Unicode's blanks)
/// and checked. Splitting and trimming every line of a 100,000-line httpd file cost 5 % of
/// the CLI's instructions. The page splits the lines (this form cost it ~270 B).
#[cfg(not(target_arch = "wasm32"))]
fn looks_ini(text: &str) -> bool {
    let mut from = 0;
    while let Some(k) = text[from..].find('[') {
        let at = from + k;
        let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let t = text[start..end].trim();
        if t.starts_with('[') && t.ends_with(']') && t.len() > 2 {
            return true;
        }
        from = end;
    }
    false
}

fn httpd_verdict(text: &str, cfg: &HttpdConfig, hint: Option<FileKind>) -> Detection {
    let directives = cfg
        .items
        .iter()
        .filter(|i| {
            matches!(
                i.kind,
                ItemKind::Directive(_) | ItemKind::SectionOpen { .. }
            )
        })
        .count();
    if directives == 0 {
        return match hint {
            Some(kind) => Detection { kind, reason: "no settings in the text; kind taken from the file name".into() },
            None if text.trim().is_empty() => Detection { kind: FileKind::Unknown, reason: "the input is empty".into() },
            None => Detection {
                kind: FileKind::Unknown,
                reason: "neither [section] headers (ini) nor directives (httpd) were found outside comments".into(),
            },
        };
    }
    let (hub, web) = httpd_roles(cfg);
    let kind = match (hub, web) {
        (true, true) => FileKind::Httpd,
        (true, false) => FileKind::HubHttpd,
        (false, true) => FileKind::WebHttpd,
        (false, false) => match hint {
            Some(k) if k.is_httpd() => k,
            _ if !looks_like_httpd(cfg) => {
                return Detection {
                    kind: FileKind::Unknown,
                    reason: "neither ini [sections] nor httpd directives koji-migrate knows: not a Koji configuration file".into(),
                }
            }
            _ => {
                return Detection {
                    kind: FileKind::Httpd,
                    reason: "httpd directives that configure neither koji-hub nor koji-web".into(),
                }
            }
        },
    };
    let reason = match kind {
        FileKind::Httpd => "httpd directives that configure both koji-hub and koji-web",
        FileKind::HubHttpd => "httpd directives that configure koji-hub",
        _ => "httpd directives that configure koji-web",
    };
    Detection {
        kind,
        reason: reason.into(),
    }
}

/// Directives an httpd config of a Koji site is made of, beyond Koji's own: a file with none of
/// them and no section is not an httpd config (a line of garbage parses as a "directive" too).
const HTTPD_DIRECTIVES: &[&str] = &[
    "Alias",
    "AliasMatch",
    "ScriptAlias",
    "LoadModule",
    "Include",
    "IncludeOptional",
    "Listen",
    "ServerName",
    "ServerAlias",
    "DocumentRoot",
    "Options",
    "Require",
    "Order",
    "Allow",
    "Deny",
    "SetEnv",
    "SetHandler",
    "AddHandler",
    "Redirect",
    "RewriteEngine",
    "RewriteRule",
    "Header",
    "IndexOptions",
    "AllowOverride",
    "ErrorDocument",
    "AuthType",
    "SSLEngine",
    "ProxyPass",
];

/// Whether `cfg` has a section or a directive [`HTTPD_DIRECTIVES`] knows (or any mod_wsgi,
/// mod_python or SSL one).
fn looks_like_httpd(cfg: &HttpdConfig) -> bool {
    cfg.items.iter().any(|item| match &item.kind {
        ItemKind::SectionOpen { .. } => true,
        ItemKind::Directive(d) => {
            let n = d.name().to_ascii_lowercase();
            HTTPD_DIRECTIVES.iter().any(|k| d.is(k))
                || ["wsgi", "python", "ssl", "krb", "gssapi"]
                    .iter()
                    .any(|p| n.starts_with(p))
        }
        _ => false,
    })
}

/// Whether an httpd config configures koji-hub and/or koji-web, judged from directives only.
/// The page's form, and the native one's test: every argument of every directive lowered.
#[cfg(any(target_arch = "wasm32", test))]
fn httpd_roles_by_lowering(cfg: &HttpdConfig) -> (bool, bool) {
    let (mut hub, mut web) = (false, false);
    for item in &cfg.items {
        let d = match &item.kind {
            ItemKind::Directive(d) | ItemKind::SectionOpen { directive: d, .. } => d,
            _ => continue,
        };
        let args: Vec<String> = d.args().map(|a| a.value.to_ascii_lowercase()).collect();
        let any_arg = |needle: &str| args.iter().any(|a| a.contains(needle));
        if d.is("Alias") || d.is("ScriptAlias") || d.is("Directory") || d.is("DirectoryMatch") {
            hub |= any_arg("koji-hub") || any_arg("kojixmlrpc") || any_arg("kojiapp.py");
            web |= any_arg("koji-web/scripts") || any_arg("wsgi_publisher");
        } else if d.is("PythonHandler") {
            hub |= any_arg("kojixmlrpc");
            web |= any_arg("kojiweb") || any_arg("wsgi_publisher");
        } else if d.is("PythonOption") {
            let name = args.first().map(String::as_str).unwrap_or("");
            web |= WEB_PYTHON_OPTIONS.contains(&name);
            hub |= HUB_PYTHON_OPTIONS.contains(&name);
        } else if d.is("SetEnv") {
            let name = args.first().map(String::as_str).unwrap_or("");
            hub |= name == "koji.hub.configfile";
            web |= name == "koji.web.configfile";
        }
    }
    (hub, web)
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn httpd_roles(cfg: &HttpdConfig) -> (bool, bool) {
    httpd_roles_by_lowering(cfg)
}

/// [`httpd_roles_by_lowering`], natively lowering only the arguments it searches (the page
/// keeps the other form: this one cost it ~250 B gzipped).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn httpd_roles(cfg: &HttpdConfig) -> (bool, bool) {
    let (mut hub, mut web) = (false, false);
    for item in &cfg.items {
        let d = match &item.kind {
            ItemKind::Directive(d) | ItemKind::SectionOpen { directive: d, .. } => d,
            _ => continue,
        };
        // Arguments lower-cased only where they are searched: lowering every directive's
        // allocated a `String` per word of the file. The names compared with the first
        // argument are lower-case ASCII: ignoring ASCII case is comparing it lower-cased.
        let lowered =
            || -> Vec<String> { d.args().map(|a| a.value.to_ascii_lowercase()).collect() };
        let any_arg = |args: &[String], needles: &[&str]| {
            args.iter().any(|a| needles.iter().any(|n| a.contains(n)))
        };
        let first = d.arg(0).unwrap_or("");
        let first_is = |names: &[&str]| names.iter().any(|n| first.eq_ignore_ascii_case(n));
        if d.is("Alias") || d.is("ScriptAlias") || d.is("Directory") || d.is("DirectoryMatch") {
            let args = lowered();
            hub |= any_arg(&args, &["koji-hub", "kojixmlrpc", "kojiapp.py"]);
            web |= any_arg(&args, &["koji-web/scripts", "wsgi_publisher"]);
        } else if d.is("PythonHandler") {
            let args = lowered();
            hub |= any_arg(&args, &["kojixmlrpc"]);
            web |= any_arg(&args, &["kojiweb", "wsgi_publisher"]);
        } else if d.is("PythonOption") {
            web |= first_is(WEB_PYTHON_OPTIONS);
            hub |= first_is(HUB_PYTHON_OPTIONS);
        } else if d.is("SetEnv") {
            hub |= first_is(&["koji.hub.configfile"]);
            web |= first_is(&["koji.web.configfile"]);
        }
    }
    (hub, web)
}

fn detect_ini(doc: &IniDocument, hint: Option<FileKind>) -> Detection {
    let names = doc.section_names();
    let has = |n: &str| names.contains(&n);
    let kind_reason = if has("hub") {
        Some((FileKind::HubConf, "an ini file with a [hub] section"))
    } else if has("web") {
        Some((FileKind::WebConf, "an ini file with a [web] section"))
    } else if has("kojid") {
        Some((FileKind::KojidConf, "an ini file with a [kojid] section"))
    } else if has("kojira") {
        Some((FileKind::KojiraConf, "an ini file with a [kojira] section"))
    } else if has("koji") {
        Some((
            FileKind::ClientConf,
            "an ini file with a [koji] profile section",
        ))
    } else if doc
        .options
        .iter()
        .any(|o| CLIENT_KEYS.contains(&o.name.as_str()))
    {
        Some((
            FileKind::ClientConf,
            "an ini file whose sections hold koji client options (profiles)",
        ))
    } else {
        None
    };
    if let Some((kind, reason)) = kind_reason {
        return Detection {
            kind,
            reason: reason.into(),
        };
    }
    // Only comments or unknown keys: a stock client config has every option commented out.
    let commented_client = doc.kinds.iter().enumerate().any(|(i, k)| {
        *k == LineKind::Comment && {
            let t = doc
                .table
                .line(i)
                .trim()
                .trim_start_matches([';', '#'])
                .trim_start();
            t.split(['=', ':'])
                .next()
                .map(|k| k.trim())
                .is_some_and(|k| k == "server" || k == "pkgurl")
        }
    });
    match hint {
        Some(kind) if !kind.is_httpd() => Detection { kind, reason: "an ini file; kind taken from the file name".into() },
        _ if commented_client => Detection {
            kind: FileKind::ClientConf,
            reason: "an ini file whose only options are commented-out koji client options".into(),
        },
        _ => Detection {
            kind: FileKind::Unknown,
            reason: format!(
                "an ini file, but its sections ({}) are none of [hub], [web], [kojid] or a koji client profile",
                names.join(", ")
            ),
        },
    }
}

/// What a conventional file name says about the kind.
pub fn kind_from_name(name: &str) -> Option<FileKind> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    let base = base
        .trim_end_matches(".orig")
        .trim_end_matches(".rpmsave")
        .trim_end_matches(".rpmnew");
    match base {
        "kojihub.conf" => Some(FileKind::HubHttpd),
        "kojiweb.conf" => Some(FileKind::WebHttpd),
        "hub.conf" => Some(FileKind::HubConf),
        "web.conf" => Some(FileKind::WebConf),
        "kojid.conf" => Some(FileKind::KojidConf),
        "kojira.conf" => Some(FileKind::KojiraConf),
        "koji.conf" | "config" => Some(FileKind::ClientConf),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_name() {
        assert_eq!(
            detect("[kojid]\nserver=x\n", Some("web.conf")).kind,
            FileKind::KojidConf
        );
        assert_eq!(
            detect("[staging]\nserver = http://x/kojihub\n", None).kind,
            FileKind::ClientConf
        );
        assert_eq!(
            detect("Alias /kojihub /usr/share/koji-hub/XMLRPC\n", None).kind,
            FileKind::HubHttpd
        );
        assert_eq!(
            detect("[kojira]\nserver=http://hub/kojihub\n", None).kind,
            FileKind::KojiraConf
        );
        assert_eq!(
            detect(
                "<Directory /x>\n PythonOption KojiHubURL http://h/kojihub\n</Directory>\n",
                None
            )
            .kind,
            FileKind::WebHttpd
        );
    }

    /// `looks_ini` answers as trimming every line did, around ASCII and Unicode blanks, short
    /// and empty headers, line ends, and other `[`s before.
    #[test]
    fn looks_ini_agrees_with_trimming_every_line() {
        let pieces = [
            "", " ", "\t", "\u{b}", "\u{c}", "\r", "\u{85}", "\u{a0}", "\u{3000}", "\u{1c}", "[",
            "]", "x", "[]", "[a]", "é", "#",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for end in ["", "\n", "\r\n", "\r"] {
                        for before in ["", "Alias /a\n", "x [y] [\n"] {
                            let text = format!("{before}{a}{b}{c}{end}{b}\n");
                            assert_eq!(looks_ini(&text), looks_ini_by_lines(&text), "{text:?}");
                        }
                    }
                }
            }
        }
    }

    /// `httpd_roles` reads the roles as lowering every argument did, for the words that
    /// decide them in every case, in each directive that can hold them.
    #[test]
    fn httpd_roles_agree_with_lowering_every_argument() {
        let words = [
            "/usr/share/KOJI-HUB",
            "/x/Koji-Web/Scripts/",
            "KojiXMLRPC",
            "kojiapp.py",
            "WSGI_Publisher",
            "kojiweb.publisher",
            "KojiHubURL",
            "DBName",
            "SiteName",
            "Koji.Hub.ConfigFile",
            "koji.web.configfile",
            "other",
        ];
        let directives = [
            "Alias",
            "ScriptAlias",
            "Directory",
            "DirectoryMatch",
            "PythonHandler",
            "PythonOption",
            "SetEnv",
            "pythonoption",
            "Other",
        ];
        for d in directives {
            for a in words {
                for b in words {
                    let cfg = HttpdConfig::parse(format!("{d} {a} {b}\n<{d} {b}>\n</{d}>\n"));
                    assert_eq!(
                        httpd_roles(&cfg),
                        httpd_roles_by_lowering(&cfg),
                        "{d} {a} {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn unknown_says_why() {
        let d = detect("[mysql]\nport = 3306\n", None);
        assert_eq!(d.kind, FileKind::Unknown);
        assert!(d.reason.contains("mysql"));
        assert_eq!(detect("", None).kind, FileKind::Unknown);
        assert_eq!(
            detect("", Some("/etc/kojid/kojid.conf")).kind,
            FileKind::KojidConf
        );
    }
}
