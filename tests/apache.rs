//! The real consumer of the converted httpd configs: Apache httpd with mod_wsgi or mod_python.
//!
//! Each test starts a private Apache (`/usr/sbin/apache2 -X`, never the system service) with its
//! own ServerRoot in a temp directory, `Listen 127.0.0.1:<free port>`, and only the modules the
//! configs need. The converted kojihub.conf / kojiweb.conf are included with their absolute paths
//! (/usr/share/koji-hub, /usr/share/koji-web, /etc/kojiweb, /etc/koji-hub, /mnt/koji) moved under
//! the temp root, and at the paths they point to sit small Python stand-ins for Koji 1.7's entry
//! points that read their config the way 1.7 does and answer with the options they found, as JSON.
//!
//! Apache, mod_wsgi and mod_python are required: without them these tests fail (scripts/setup test
//! installs them), they never pass silently.

#[path = "common/apache.rs"]
mod apache_support;
#[path = "common/util.rs"]
mod util;

use apache_support::{free_port, main_conf, relocate, syntax_check, Py, TempRoot, APACHE};
use koji_migrate::httpd::HttpdConfig;
use koji_migrate::{migrate, Input, Options, Report, Target};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// [`relocate`] for every line but the `PythonOption`s: the paths Apache uses move under the test
/// root, the option values koji-web or the hub are handed stay as the admin wrote them.
fn relocate_paths_only(text: &str, root: &Path) -> String {
    text.lines()
        .map(|l| {
            if l.trim_start()
                .to_ascii_lowercase()
                .starts_with("pythonoption")
            {
                format!("{l}\n")
            } else {
                format!("{}\n", relocate(l, root))
            }
        })
        .collect()
}

/// A running private Apache; stopped (and waited for) on drop.
struct Apache {
    child: Child,
    port: u16,
    error_log: PathBuf,
}

impl Apache {
    /// Starts `apache2 -X -f conf` and waits until it accepts connections.
    fn start(root: &Path, conf: &Path, port: u16) -> Apache {
        let child = Command::new(APACHE)
            .arg("-X")
            .arg("-d")
            .arg(root)
            .arg("-f")
            .arg(conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {APACHE}: {e} (run scripts/setup test)"));
        let mut apache = Apache {
            child,
            port,
            error_log: root.join("error.log"),
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return apache;
            }
            if let Ok(Some(status)) = apache.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = apache.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                panic!(
                    "apache2 exited ({status}) at startup:\n{err}\n{}",
                    apache.log()
                );
            }
            assert!(
                Instant::now() < deadline,
                "apache2 did not listen on port {port}:\n{}",
                apache.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.error_log).unwrap_or_default()
    }

    /// One HTTP/1.0 request; returns (status, body).
    fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP response: {raw:?}"));
        (status, body.to_string())
    }

    /// GET/POST `path` and parse the stand-in's JSON answer, failing with the error log.
    fn json(&self, method: &str, path: &str) -> Value {
        let (status, body) = self.request(method, path, "<?xml version='1.0'?><methodCall/>");
        assert_eq!(
            status,
            200,
            "{method} {path}: status {status}\n{body}\n--- error.log\n{}",
            self.log()
        );
        serde_json::from_str(&body).unwrap_or_else(|e| {
            panic!(
                "{method} {path}: not JSON ({e}): {body}\n--- error.log\n{}",
                self.log()
            )
        })
    }
}

impl Drop for Apache {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Koji 1.7's web entry point, reduced to reading its config: under mod_wsgi from
/// `environ['koji.web.ConfigFile']` (else the default path), under mod_python from
/// `PythonOption koji.web.ConfigFile` (else the legacy PythonOptions); RawConfigParser, [web].
fn web_stand_in(default: &Path) -> String {
    format!(
        r#"import configparser, json, sys
DEFAULT = {default:?}

def read(path):
    cp = configparser.RawConfigParser()
    if not cp.read(path):
        raise Exception("configuration missing: %s" % path)
    return dict(cp.items("web"))

def application(environ, start_response):
    path = environ.get("koji.web.ConfigFile", DEFAULT)
    try:
        body = {{"config_file": path, "options": read(path), "path_info": environ.get("PATH_INFO", "")}}
        status = "200 OK"
    except Exception as e:
        body, status = {{"error": str(e)}}, "500 Internal Server Error"
    data = json.dumps(body).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]

def handler(req):
    from mod_python import apache
    opts = req.get_options()
    path = opts.get("koji.web.ConfigFile")
    if path:
        body = {{"config_file": path, "options": read(path), "path_info": req.path_info}}
    else:
        body = {{"config_file": None, "legacy_options": dict((k.lower(), opts[k]) for k in opts.keys())}}
    req.content_type = "application/json"
    req.write(json.dumps(body))
    return apache.OK
"#
    )
}

/// Koji 1.7's hub entry point, reduced to reading hub.conf: `environ['koji.hub.ConfigFile']`
/// under mod_wsgi, `PythonOption ConfigFile` under mod_python, default /etc/koji-hub/hub.conf.
fn hub_stand_in(default: &Path) -> String {
    format!(
        r#"import configparser, json
DEFAULT = {default:?}

def read(path):
    cp = configparser.RawConfigParser()
    if not cp.read(path):
        raise Exception("configuration missing: %s" % path)
    return dict(cp.items("hub"))

def application(environ, start_response):
    path = environ.get("koji.hub.ConfigFile", DEFAULT)
    try:
        body = {{"config_file": path, "options": read(path), "method": environ["REQUEST_METHOD"]}}
        status = "200 OK"
    except Exception as e:
        body, status = {{"error": str(e)}}, "500 Internal Server Error"
    data = json.dumps(body).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]

def handler(req):
    from mod_python import apache
    opts = req.get_options()
    req.content_type = "application/json"
    if "ConfigFile" in opts or not [k for k in opts.keys() if not k.startswith("mod_python.")]:
        path = opts.get("ConfigFile", DEFAULT)
        req.write(json.dumps({{"config_file": path, "options": read(path), "method": req.method}}))
    else:
        # 1.3-era hubs: settings straight from the PythonOptions.
        legacy = dict((k.lower(), opts[k]) for k in opts.keys() if not k.startswith("mod_python."))
        req.write(json.dumps({{"config_file": None, "legacy_options": legacy, "method": req.method}}))
    return apache.OK
"#
    )
}

/// The converted stock files of `release` in `target` mode.
fn convert_release(release: &str, target: Target) -> (Vec<(String, Vec<u8>)>, Report) {
    let files = util::files_in(&util::stock_dir().join(release));
    let inputs = util::inputs_of(&files);
    let report = migrate(
        &inputs,
        &Options {
            target,
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    (files, report)
}

fn output<'a>(report: &'a Report, name: &str) -> &'a str {
    &report
        .files
        .iter()
        .find(|f| f.output == name)
        .unwrap_or_else(|| panic!("no output {name}"))
        .text
}

/// What the old kojiweb.conf's PythonOptions meant, lower-cased names (read with our model).
fn old_web_options(kojiweb: &str) -> Vec<(String, String)> {
    let cfg = HttpdConfig::parse(kojiweb);
    cfg.find_all("PythonOption")
        .filter_map(|i| {
            let d = cfg.directive(i)?;
            Some((d.arg(0)?.to_lowercase(), d.arg(1)?.to_string()))
        })
        .collect()
}

/// The [web] options koji-web 1.7 must find for the old config to keep its meaning.
fn check_web_options(label: &str, got: &Value, old_kojiweb: &str) {
    let opts = got["options"]
        .as_object()
        .unwrap_or_else(|| panic!("{label}: no options in {got}"));
    let old = old_web_options(old_kojiweb);
    assert!(
        old.len() >= 10,
        "{label}: the old kojiweb.conf has too few PythonOptions"
    );
    for (k, v) in &old {
        match k.as_str() {
            "kojipackagesurl" | "kojimavenurl" | "kojiimagesurl" => {}
            _ => assert_eq!(
                opts.get(k).and_then(Value::as_str),
                Some(v.as_str()),
                "{label}: {k}"
            ),
        }
    }
    for (k, v) in [
        ("kojihuburl", "http://hub.example.com/kojihub"),
        ("sitename", "Koji"),
        ("kojifilesurl", "http://server.example.com/mnt/koji"),
        ("logintimeout", "72"),
        ("libpath", "/usr/share/koji-web/lib"),
        ("pythondebug", "True"),
    ] {
        assert_eq!(
            opts.get(k).and_then(Value::as_str),
            Some(v),
            "{label}: {k} in {got}"
        );
    }
}

/// Sets up a private Apache serving the converted stock configs of `release` with stand-ins.
fn serve_release(
    release: &str,
    target: Target,
) -> (TempRoot, Apache, Vec<(String, Vec<u8>)>, Report) {
    let (files, report) = convert_release(release, target);
    let root = TempRoot::new(&format!("apache-{release}"));
    let r = root.path().to_path_buf();
    let py = match target {
        Target::ModWsgi => Py::Wsgi,
        Target::ModPython => Py::ModPython,
    };
    // The produced configs, paths moved under the root.
    let hub_httpd = root.write(
        "conf.d/kojihub.conf",
        &relocate(output(&report, "kojihub.conf"), &r),
    );
    let web_httpd = root.write(
        "conf.d/kojiweb.conf",
        &relocate(output(&report, "kojiweb.conf"), &r),
    );
    // The produced ini files at their default paths.
    root.write("etc/koji-hub/hub.conf", output(&report, "hub.conf"));
    root.write("etc/kojiweb/web.conf", output(&report, "web.conf"));
    // The stand-ins where the configs point.
    let web = web_stand_in(&r.join("etc/kojiweb/web.conf"));
    let hub = hub_stand_in(&r.join("etc/koji-hub/hub.conf"));
    root.write("usr/share/koji-web/scripts/wsgi_publisher.py", &web);
    root.write("usr/share/koji-hub/kojixmlrpc.py", &hub);
    root.write("usr/share/koji-web/static/koji.css", "body {}\n");
    std::fs::create_dir_all(r.join("htdocs")).unwrap();
    std::fs::create_dir_all(r.join("run")).unwrap();
    let port = free_port();
    let conf = root.write(
        "httpd.conf",
        &main_conf(&r, port, py, &[hub_httpd, web_httpd]),
    );
    let apache = Apache::start(&r, &conf, port);
    (root, apache, files, report)
}

fn old_text(files: &[(String, Vec<u8>)], name: &str) -> String {
    String::from_utf8_lossy(&files.iter().find(|(n, _)| n == name).unwrap().1).into_owned()
}

fn check_served_release(release: &str, target: Target) {
    let label = format!("{release} {target:?}");
    let (_root, apache, files, _report) = serve_release(release, target);
    let old_web = old_text(&files, "kojiweb.conf");

    let web = apache.json("GET", "/koji/index");
    check_web_options(&format!("{label} /koji/index"), &web, &old_web);
    assert!(
        web["config_file"]
            .as_str()
            .unwrap()
            .ends_with("/etc/kojiweb/web.conf"),
        "{label}: koji-web read {}",
        web["config_file"]
    );
    // Static files are still served by the base /koji-static/ alias.
    let (status, body) = apache.request("GET", "/koji-static/koji.css", "");
    assert_eq!(
        (status, body.as_str()),
        (200, "body {}\n"),
        "{label}: /koji-static/"
    );

    let hub = apache.json("POST", "/kojihub");
    let opts = hub["options"]
        .as_object()
        .unwrap_or_else(|| panic!("{label}: {hub}"));
    assert_eq!(hub["method"], "POST");
    assert_eq!(
        opts.get("dbname").and_then(Value::as_str),
        Some("koji"),
        "{label}: hub {hub}"
    );
    assert_eq!(
        opts.get("kojidir").and_then(Value::as_str),
        Some("/mnt/koji"),
        "{label}: hub"
    );
    assert!(
        hub["config_file"]
            .as_str()
            .unwrap()
            .ends_with("/etc/koji-hub/hub.conf"),
        "{label}: hub read {}",
        hub["config_file"]
    );
    let log = apache.log();
    assert!(!log.contains("Traceback"), "{label}: Python errors:\n{log}");
}

#[test]
fn apache_mod_wsgi_serves_converted_1_6_0() {
    check_served_release("1.6.0", Target::ModWsgi);
}

#[test]
fn apache_mod_wsgi_serves_converted_1_3_1() {
    check_served_release("1.3.1", Target::ModWsgi);
}

#[test]
fn apache_mod_python_serves_converted_1_6_0() {
    check_served_release("1.6.0", Target::ModPython);
}

#[test]
fn apache_mod_python_serves_converted_1_3_1() {
    check_served_release("1.3.1", Target::ModPython);
}

/// Every httpd config the migration produces from the stock files of every release and from the
/// corpus passes `apache2 -t`: under mod_wsgi with mod_python NOT loaded, and under mod_python.
#[test]
fn every_converted_httpd_config_passes_apache_t() {
    let mut sets: Vec<(String, Vec<util::NamedBytes>)> = util::releases()
        .into_iter()
        .map(|r| (r.clone(), util::files_in(&util::stock_dir().join(&r))))
        .collect();
    sets.extend(util::corpus_cases());
    let mut failures = Vec::new();
    let mut checked = 0;
    for (set, files) in &sets {
        let inputs = util::inputs_of(files);
        for (target, py) in [
            (Target::ModWsgi, Py::Wsgi),
            (Target::ModPython, Py::ModPython),
        ] {
            let report = migrate(
                &inputs,
                &Options {
                    target,
                    to: koji_migrate::Release::V1_7,
                    ..Options::default()
                },
            );
            for f in report.files.iter().filter(|f| f.kind.is_httpd()) {
                let label = format!("{set}/{} ({target:?})", f.output);
                checked += 1;
                if let Err(e) = syntax_check(&label, &f.text, py) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(checked >= 20, "too few httpd configs checked: {checked}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The check can fail: the unconverted 1.6.0 configs are refused by Apache under mod_wsgi
/// (PythonHandler & co. are unknown without mod_python).
#[test]
fn unconverted_configs_fail_apache_t_under_mod_wsgi() {
    for name in ["kojiweb.conf", "kojihub.conf"] {
        let text = std::fs::read_to_string(util::stock_dir().join("1.6.0").join(name)).unwrap();
        let err = syntax_check(name, &text, Py::Wsgi).expect_err("must be refused");
        assert!(err.contains("Invalid command 'Python"), "{err}");
        syntax_check(name, &text, Py::ModPython).expect("valid under mod_python");
    }
}

/// The serving check can fail: under mod_python, the unconverted 1.6.0 kojiweb.conf makes
/// koji-web 1.7 fall back to the legacy PythonOptions, and no web.conf is read.
#[test]
fn unconverted_web_config_under_mod_python_reads_no_web_conf() {
    let root = TempRoot::new("apache-legacy");
    let r = root.path().to_path_buf();
    let old = std::fs::read_to_string(util::stock_dir().join("1.6.0/kojiweb.conf")).unwrap();
    // 1.7's handler is wsgi_publisher; keep everything else of the old config.
    let old = old
        .replace(
            "PythonHandler kojiweb.publisher",
            "PythonHandler wsgi_publisher",
        )
        .replace("PythonCleanupHandler kojiweb.handlers::cleanup", "")
        .replace("PythonPath \"sys.path + ['/usr/share/koji-web/lib']\"", "")
        .replace(
            "/usr/share/koji-web/scripts/\"\n",
            "/usr/share/koji-web/scripts/wsgi_publisher.py\"\n",
        );
    let inc = root.write("conf.d/kojiweb.conf", &relocate(&old, &r));
    root.write("etc/kojiweb/web.conf", "[web]\nSiteName = from-web-conf\n");
    root.write(
        "usr/share/koji-web/scripts/wsgi_publisher.py",
        &web_stand_in(&r.join("etc/kojiweb/web.conf")),
    );
    std::fs::create_dir_all(r.join("run")).unwrap();
    std::fs::create_dir_all(r.join("htdocs")).unwrap();
    let port = free_port();
    let conf = root.write("httpd.conf", &main_conf(&r, port, Py::ModPython, &[inc]));
    let apache = Apache::start(&r, &conf, port);
    let got = apache.json("GET", "/koji/index");
    assert!(got["config_file"].is_null(), "{got}");
    assert_eq!(got["legacy_options"]["sitename"], "Koji", "{got}");
    let caught = std::panic::catch_unwind(|| check_web_options("legacy", &got, &old));
    assert!(
        caught.is_err(),
        "check_web_options must refuse a legacy answer"
    );
}

/// What a mod_python koji-web really saw: serves `old_kojiweb` (1.6 form) under mod_python with
/// the handler swapped for the stand-in and asks it for `req.get_options()` at /koji/index.
fn legacy_meaning(old_kojiweb: &str) -> Value {
    let root = TempRoot::new("apache-meaning");
    let r = root.path().to_path_buf();
    let mut cfg = String::new();
    for line in old_kojiweb.lines() {
        let t = line.trim_start().to_ascii_lowercase();
        if t.starts_with("pythonhandler") {
            cfg.push_str("PythonHandler wsgi_publisher\n");
        } else if t.starts_with("pythoncleanuphandler") || t.starts_with("pythonpath") {
            // Gone modules; and a PythonPath would hide the stand-in's directory.
        } else {
            cfg.push_str(line);
            cfg.push('\n');
        }
    }
    // Move the paths Apache uses, not the option values koji-web is handed.
    let relocated = relocate_paths_only(&cfg, &r);
    let inc = root.write("conf.d/kojiweb.conf", &relocated);
    root.write(
        "usr/share/koji-web/scripts/wsgi_publisher.py",
        &web_stand_in(&r.join("etc/kojiweb/web.conf")),
    );
    let port = free_port();
    let conf = root.write("httpd.conf", &main_conf(&r, port, Py::ModPython, &[inc]));
    let apache = Apache::start(&r, &conf, port);
    let got = apache.json("GET", "/koji/index");
    assert!(
        got["config_file"].is_null(),
        "legacy run read a web.conf: {got}"
    );
    got["legacy_options"].clone()
}

/// What koji-web 1.7 sees after the migration (mod_wsgi, web.conf at the default path).
fn migrated_meaning(old_kojiweb: &str) -> Value {
    let report = migrate(
        &[Input::new("kojiweb.conf", old_kojiweb)],
        &Options {
            to: koji_migrate::Release::V1_7,
            ..Options::default()
        },
    );
    let root = TempRoot::new("apache-migrated");
    let r = root.path().to_path_buf();
    let inc = root.write(
        "conf.d/kojiweb.conf",
        &relocate(output(&report, "kojiweb.conf"), &r),
    );
    root.write("etc/kojiweb/web.conf", output(&report, "web.conf"));
    root.write(
        "usr/share/koji-web/scripts/wsgi_publisher.py",
        &web_stand_in(&r.join("etc/kojiweb/web.conf")),
    );
    let port = free_port();
    let conf = root.write("httpd.conf", &main_conf(&r, port, Py::Wsgi, &[inc]));
    let apache = Apache::start(&r, &conf, port);
    apache.json("GET", "/koji/index")["options"].clone()
}

/// Every option mod_python handed koji-web before has the same value in web.conf after, as
/// Apache and Python really resolve them (duplicates, server-wide vs per-directory settings).
fn assert_same_meaning(label: &str, old_kojiweb: &str) {
    let before = legacy_meaning(old_kojiweb);
    let after = migrated_meaning(old_kojiweb);
    let before = before.as_object().unwrap();
    let mut compared = 0;
    for (k, v) in before {
        if k.starts_with("mod_python.") {
            continue;
        }
        match k.as_str() {
            "kojipackagesurl" | "kojimavenurl" | "kojiimagesurl" => {}
            _ => {
                assert_eq!(
                    after.get(k),
                    Some(v),
                    "{label}: {k}: before {before:?}\nafter {after}"
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= 1, "{label}: nothing compared: {before:?}");
}

#[test]
fn web_conf_means_what_mod_python_meant_stock() {
    for r in ["1.3.1", "1.6.0"] {
        let old = std::fs::read_to_string(util::stock_dir().join(r).join("kojiweb.conf")).unwrap();
        assert_same_meaning(r, &old);
    }
}

#[test]
fn web_conf_means_what_mod_python_meant_with_duplicates() {
    let dir = "<Directory \"/usr/share/koji-web/scripts/\">\n    SetHandler mod_python\n    \
               PythonHandler kojiweb.publisher\n";
    // Within one section the later PythonOption wins.
    assert_same_meaning(
        "duplicates in one section",
        &format!(
            "Alias /koji \"/usr/share/koji-web/scripts/\"\n{dir}    PythonOption SiteName First\n    \
             PythonOption SiteName Second\n</Directory>\n"
        ),
    );
    // A per-directory PythonOption beats a server-wide one, wherever each is in the file.
    assert_same_meaning(
        "server-wide after the directory",
        &format!(
            "Alias /koji \"/usr/share/koji-web/scripts/\"\n{dir}    PythonOption SiteName Dir\n\
             </Directory>\nPythonOption SiteName Server\nPythonOption LoginTimeout 5\n"
        ),
    );
}

#[test]
fn web_conf_means_what_mod_python_meant_corpus() {
    let mut compared = 0;
    for (case, files) in util::corpus_cases() {
        for (name, bytes) in files {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let kind = koji_migrate::detect::detect(&text, Some(&name)).kind;
            // Configs served from a <VirtualHost> on another port (or with SSL) are not reached
            // by requests to this instance's port; the golden tests check their meaning.
            let lower = text.to_ascii_lowercase();
            if !kind.is_httpd()
                || !lower.contains("koji-web")
                || !lower.contains("pythonoption")
                || lower.contains("<virtualhost")
            {
                continue;
            }
            eprintln!("corpus {case}/{name}");
            assert_same_meaning(&format!("corpus {case}/{name}"), &text);
            compared += 1;
        }
    }
    eprintln!("compared {compared} corpus configs");
}

/// A 1.3-era hub configured by PythonOptions only: what mod_python handed the hub before equals
/// what hub.conf gives it after, under mod_wsgi.
#[test]
fn hub_conf_means_what_hub_python_options_meant_corpus() {
    let mut compared = 0;
    for (case, files) in util::corpus_cases() {
        for (name, bytes) in files {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let lower = text.to_ascii_lowercase();
            if !lower.contains("kojixmlrpc")
                || !lower.contains("pythonoption db")
                || lower.contains("pythonoption configfile")
                || lower.contains("<virtualhost")
            {
                continue;
            }
            let label = format!("corpus {case}/{name}");
            // Before: mod_python with the old config (hub paths moved, values untouched).
            let root = TempRoot::new("apache-hub-legacy");
            let r = root.path().to_path_buf();
            let old = relocate_paths_only(&text, &r);
            let inc = root.write("conf.d/kojihub.conf", &old);
            root.write(
                "usr/share/koji-hub/kojixmlrpc.py",
                &hub_stand_in(&r.join("etc/koji-hub/hub.conf")),
            );
            let port = free_port();
            let conf = root.write("httpd.conf", &main_conf(&r, port, Py::ModPython, &[inc]));
            let before = Apache::start(&r, &conf, port).json("POST", "/kojihub");
            let before = before["legacy_options"]
                .as_object()
                .unwrap_or_else(|| panic!("{label}: {before}"))
                .clone();
            // After: mod_wsgi with the converted config and the new hub.conf.
            let report = migrate(
                &[Input::new(name.clone(), text.clone())],
                &Options {
                    to: koji_migrate::Release::V1_7,
                    ..Options::default()
                },
            );
            let hub_conf = report
                .files
                .iter()
                .find(|f| f.kind == koji_migrate::FileKind::HubConf)
                .unwrap_or_else(|| panic!("{label}: no hub.conf produced"));
            let root2 = TempRoot::new("apache-hub-migrated");
            let r2 = root2.path().to_path_buf();
            let inc = root2.write("conf.d/kojihub.conf", &relocate(&report.files[0].text, &r2));
            root2.write("etc/koji-hub/hub.conf", &hub_conf.text);
            root2.write(
                "usr/share/koji-hub/kojixmlrpc.py",
                &hub_stand_in(&r2.join("etc/koji-hub/hub.conf")),
            );
            let port = free_port();
            let conf = root2.write("httpd.conf", &main_conf(&r2, port, Py::Wsgi, &[inc]));
            let after = Apache::start(&r2, &conf, port).json("POST", "/kojihub");
            assert!(before.len() >= 5, "{label}: {before:?}");
            for (k, v) in &before {
                assert_eq!(
                    after["options"].get(k),
                    Some(v),
                    "{label}: {k}: after {after}"
                );
            }
            compared += 1;
        }
    }
    eprintln!("compared {compared} legacy hub configs");
}

/// Issue #7: whatever optional changes an admin rejects, the result is still a configuration the
/// real consumers take: every httpd config passes `apache2 -t` and every ini file reads in
/// Python's RawConfigParser. "Optional" means a rule without a consequence for 1.7
/// (`rules::consequence_of_rejecting`); subsets are drawn from a fixed seed so runs repeat.
#[test]
fn rejecting_optional_changes_keeps_configs_apache_and_python_accept() {
    use koji_migrate::rules::{self, consequence_of_rejecting};
    use koji_migrate::Choices;
    let optional: Vec<&str> = rules::all()
        .filter(|r| consequence_of_rejecting(r).is_none())
        .map(|r| r.id)
        .collect();
    let mut sets: Vec<(String, Vec<util::NamedBytes>)> = vec![(
        "1.6.0".into(),
        util::files_in(&util::stock_dir().join("1.6.0")),
    )];
    sets.extend(util::corpus_cases());
    let mut seed: u64 = 0x5eed_1234_abcd;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 33
    };
    let mut failures = Vec::new();
    let mut ini_texts: Vec<(String, String)> = Vec::new();
    let mut rejected_some = 0;
    for (set, files) in &sets {
        let inputs = util::inputs_of(files);
        for (target, py) in [
            (Target::ModWsgi, Py::Wsgi),
            (Target::ModPython, Py::ModPython),
        ] {
            let skip: Vec<String> = optional
                .iter()
                .filter(|_| next() % 2 == 0)
                .map(|s| s.to_string())
                .collect();
            let options = Options {
                target,
                choices: Choices {
                    skip_rules: skip.clone(),
                    ..Choices::default()
                },
                to: koji_migrate::Release::V1_7,
                ..Options::default()
            };
            let report = migrate(&inputs, &options);
            rejected_some += report.changes.iter().filter(|c| !c.accepted).count();
            for f in &report.files {
                let label = format!("{set}/{} ({target:?}, skipping {skip:?})", f.output);
                if f.kind.is_httpd() {
                    if let Err(e) = syntax_check(&label, &f.text, py) {
                        failures.push(e);
                    }
                } else if matches!(
                    f.kind,
                    koji_migrate::FileKind::WebConf
                        | koji_migrate::FileKind::HubConf
                        | koji_migrate::FileKind::KojidConf
                        | koji_migrate::FileKind::ClientConf
                ) && f.changed
                {
                    ini_texts.push((label, f.text.clone()));
                }
            }
        }
    }
    assert!(
        rejected_some > 0,
        "no change was rejected: the test would prove nothing"
    );
    assert!(ini_texts.len() >= 5, "too few ini files checked");
    let script = r#"
import configparser, json, sys
for label, text in json.load(sys.stdin):
    try:
        configparser.RawConfigParser(strict=False).read_string(text)
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
"#;
    let python_says = util::python(script, &serde_json::to_string(&ini_texts).unwrap());
    if !python_says.trim().is_empty() {
        failures.push(format!("RawConfigParser refuses:\n{python_says}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
