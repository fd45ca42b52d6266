//! Apache httpd for the consumer tests (tests/apache.rs, tests/real_readers.rs): a private instance's
//! modules and main config, a temp root, and `apache2 -t` of one converted httpd config.
//! Apache and its modules are required: without them these helpers panic with the setup command.
#![allow(dead_code)]

use koji_migrate::httpd::HttpdConfig;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const APACHE: &str = "/usr/sbin/apache2";
pub const MODULES: &str = "/usr/lib/apache2/modules";

/// Fails with a clear message when Apache or a module is missing.
pub fn require_apache(modules: &[&str]) {
    assert!(
        Path::new(APACHE).exists(),
        "{APACHE} is missing: these tests need Debian's apache2, libapache2-mod-wsgi-py3 and \
         libapache2-mod-python (run scripts/setup test)"
    );
    for m in modules {
        let p = Path::new(MODULES).join(m);
        assert!(
            p.exists(),
            "{} is missing: install it with scripts/setup test",
            p.display()
        );
    }
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempRoot(PathBuf);

impl TempRoot {
    pub fn new(label: &str) -> TempRoot {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "koji-migrate-{label}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempRoot(dir)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
    /// Writes `text` at `rel` (parents created), readable by the user Apache switches to.
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.0.join(rel.trim_start_matches('/'));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TempRoot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Py {
    Wsgi,
    ModPython,
}

pub fn module_lines(py: Py) -> String {
    module_lines_with(py, &[])
}

pub fn module_lines_with(py: Py, extra: &[(&'static str, &'static str)]) -> String {
    let mut mods = vec![
        // mod_python needs a non-threaded MPM; prefork suits both.
        ("mpm_prefork_module", "mod_mpm_prefork.so"),
        ("authz_core_module", "mod_authz_core.so"),
        ("authz_host_module", "mod_authz_host.so"),
        ("access_compat_module", "mod_access_compat.so"),
        ("alias_module", "mod_alias.so"),
        ("mime_module", "mod_mime.so"),
        ("env_module", "mod_env.so"),
        ("dir_module", "mod_dir.so"),
        // For the SSL directives admins keep beside Koji's (the corpus has some).
        ("socache_shmcb_module", "mod_socache_shmcb.so"),
        ("ssl_module", "mod_ssl.so"),
    ];
    mods.push(match py {
        Py::Wsgi => ("wsgi_module", "mod_wsgi.so"),
        Py::ModPython => ("python_module", "mod_python.so"),
    });
    mods.extend_from_slice(extra);
    require_apache(&mods.iter().map(|(_, f)| *f).collect::<Vec<_>>());
    mods.iter()
        .map(|(name, file)| format!("LoadModule {name} {MODULES}/{file}\n"))
        .collect()
}

/// The main httpd.conf of a private instance including `includes`.
pub fn main_conf(root: &Path, port: u16, py: Py, includes: &[PathBuf]) -> String {
    main_conf_with(root, port, py, &[], includes)
}

/// [`main_conf`] loading `extra` modules too.
pub fn main_conf_with(
    root: &Path,
    port: u16,
    py: Py,
    extra: &[(&'static str, &'static str)],
    includes: &[PathBuf],
) -> String {
    for d in ["run", "htdocs"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    let r = root.display();
    let mut conf = format!(
        "ServerRoot \"{r}\"\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\n\
         PidFile \"{r}/httpd.pid\"\nErrorLog \"{r}/error.log\"\nLogLevel info\n\
         DefaultRuntimeDir \"{r}/run\"\nTypesConfig /dev/null\nDocumentRoot \"{r}/htdocs\"\n\
         StartServers 1\nMaxRequestWorkers 4\n{}",
        module_lines_with(py, extra)
    );
    for inc in includes {
        conf.push_str(&format!("Include \"{}\"\n", inc.display()));
    }
    conf
}

/// Moves the absolute Koji paths of a converted config under the temp root (only for the test).
pub fn relocate(text: &str, root: &Path) -> String {
    let r = root.display().to_string();
    let mut out = text.to_string();
    for p in [
        "/usr/share/koji-hub",
        "/usr/share/koji-web",
        "/etc/kojiweb",
        "/etc/koji-hub",
        "/mnt/koji",
        "/etc/pki",
    ] {
        out = out.replace(p, &format!("{r}{p}"));
    }
    out
}

pub fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `apache2 -t` of one converted httpd config with the modules its mode needs: Ok, or Apache's
/// complaint.
pub fn syntax_check(label: &str, text: &str, py: Py) -> Result<(), String> {
    let root = TempRoot::new("apache-t");
    apache_t_in(&root, text, py, &[])
        .map_err(|complaint| format!("{label}: apache2 -t fails:\n{complaint}\n--- config\n{text}"))
}

/// [`syntax_check`] with `extra` modules loaded, its verdict as Apache's complaint alone, with the
/// temp root written `$ROOT` so the same failure always reads the same.
pub fn apache_t(text: &str, py: Py, extra: &[(&'static str, &'static str)]) -> Result<(), String> {
    let root = TempRoot::new("apache-t");
    let r = root.path().display().to_string();
    apache_t_in(&root, text, py, extra).map_err(|complaint| complaint.replace(&r, "$ROOT"))
}

/// `apache2 -t` of `text` (its Koji paths moved under `root`) as `conf.d/koji.conf` of a private
/// main config: Ok, or what Apache printed.
fn apache_t_in(
    root: &TempRoot,
    text: &str,
    py: Py,
    extra: &[(&'static str, &'static str)],
) -> Result<(), String> {
    let r = root.path().to_path_buf();
    let relocated = relocate(text, &r);
    // Certificate files must exist for -t (their content is only read at startup).
    let cfg = HttpdConfig::parse(relocated.as_str());
    for name in [
        "SSLCertificateFile",
        "SSLCertificateKeyFile",
        "SSLCACertificateFile",
    ] {
        for i in cfg.find_all(name) {
            if let Some(path) = cfg.directive(i).and_then(|d| d.arg(0)) {
                root.write(
                    path.strip_prefix(r.to_str().unwrap()).unwrap_or(path),
                    "dummy\n",
                );
            }
        }
    }
    let inc = root.write("conf.d/koji.conf", &relocated);
    std::fs::create_dir_all(r.join("run")).unwrap();
    let mut conf = main_conf_with(&r, free_port(), py, extra, &[]);
    conf.push_str(&format!("Include \"{}\"\n", inc.display()));
    let conf = root.write("httpd.conf", &conf);
    let out = Command::new(APACHE)
        .arg("-t")
        .arg("-d")
        .arg(&r)
        .arg("-f")
        .arg(&conf)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {APACHE}: {e} (run scripts/setup test)"));
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}
