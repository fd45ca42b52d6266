//! Deterministic generators of large, realistic Koji 1.6 configuration files, for the benchmarks
//! (`benches/pipeline.rs`), the scale guard test (`tests/scale.rs`) and `examples/gen_large.rs`.
//!
//! No randomness: the same arguments always give the same bytes, so figures are comparable
//! between runs and machines.

#![allow(dead_code)]

use std::fmt::Write as _;

/// koji-web's 1.6 PythonOptions (as the stock kojiweb.conf spells them), with a value for site `k`.
fn web_options(k: usize) -> Vec<(&'static str, String)> {
    vec![
        ("SiteName", format!("Koji-{k}")),
        ("KojiHubURL", format!("http://koji-{k}.example.com/kojihub")),
        (
            "KojiPackagesURL",
            format!("http://files-{k}.example.com/mnt/koji/packages"),
        ),
        (
            "KojiMavenURL",
            format!("http://files-{k}.example.com/mnt/koji/maven2"),
        ),
        (
            "KojiImagesURL",
            format!("http://files-{k}.example.com/mnt/koji/images"),
        ),
        ("WebPrincipal", format!("koji/web-{k}@EXAMPLE.COM")),
        ("WebKeytab", "/etc/httpd.keytab".to_string()),
        ("WebCCache", format!("/var/tmp/kojiweb-{k}.ccache")),
        ("WebCert", "/etc/kojiweb/kojiweb.crt".to_string()),
        ("ClientCA", "/etc/kojiweb/clientca.crt".to_string()),
        ("KojiHubCA", "/etc/kojiweb/kojihubca.crt".to_string()),
        ("LoginTimeout", format!("{}", 24 + k % 72)),
    ]
}

/// One `<VirtualHost>` serving koji-hub and koji-web for site `k`, as a 1.6 admin would write it.
fn httpd_site(k: usize, out: &mut String) {
    let root = format!("/srv/koji-{k}");
    let w = |out: &mut String, s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let _ = writeln!(
        out,
        "# ---------------------------------------------------------------"
    );
    let _ = writeln!(out, "# Koji instance {k}: koji-{k}.example.com");
    let _ = writeln!(
        out,
        "# ---------------------------------------------------------------"
    );
    w(out, "<VirtualHost *:80>");
    let _ = writeln!(out, "    ServerName koji-{k}.example.com");
    w(out, "    ServerAdmin root@example.com");
    w(out, "    DocumentRoot /var/www/html");
    let _ = writeln!(out, "    ErrorLog logs/koji-{k}-error_log");
    let _ = writeln!(out, "    CustomLog logs/koji-{k}-access_log combined");
    w(out, "");
    w(
        out,
        "    # koji-hub is an xmlrpc interface to the Koji database",
    );
    let _ = writeln!(out, "    Alias /kojihub \"{root}/koji-hub/XMLRPC\"");
    w(out, "");
    let _ = writeln!(out, "    <Directory {root}/koji-hub>");
    w(out, "        SetHandler mod_python");
    w(out, "        PythonHandler kojixmlrpc");
    w(out, "");
    if k % 4 == 3 {
        // An older site still configured with PythonOptions only.
        let _ = writeln!(out, "        PythonOption DBName koji{k}");
        w(out, "        PythonOption DBUser koji");
        let _ = writeln!(out, "        PythonOption DBHost db-{k}.example.com");
        w(out, "        PythonOption KojiDir /mnt/koji");
        w(out, "        PythonOption LoginCreatesUser On");
        let _ = writeln!(
            out,
            "        PythonOption KojiWebURL http://koji-{k}.example.com/koji"
        );
    } else {
        let _ = writeln!(
            out,
            "        PythonOption ConfigFile /etc/koji-hub/hub-{k}.conf"
        );
    }
    w(out, "");
    w(out, "        PythonDebug Off");
    w(
        out,
        "        # autoreload is mostly useless to us (it would only reload kojixmlrpc.py)",
    );
    w(out, "        PythonAutoReload Off");
    w(out, "    </Directory>");
    w(out, "");
    w(
        out,
        "    # uncomment this to enable authentication via SSL client certificates",
    );
    w(out, "    # <Location /kojihub/ssllogin>");
    w(out, "    #         SSLVerifyClient require");
    w(out, "    #         SSLVerifyDepth  10");
    w(out, "    #         SSLOptions +StdEnvVars");
    w(out, "    # </Location>");
    w(out, "");
    let _ = writeln!(out, "    Alias /koji \"{root}/koji-web/scripts/\"");
    w(out, "");
    let _ = writeln!(out, "    <Directory \"{root}/koji-web/scripts/\">");
    w(out, "        # Config for the publisher handler");
    w(out, "        SetHandler mod_python");
    w(
        out,
        "        # Use kojiweb's publisher (which handles errors more gracefully)",
    );
    w(out, "        PythonHandler kojiweb.publisher");
    w(out, "");
    w(out, "        # General settings");
    w(out, "        PythonDebug On");
    for (name, value) in web_options(k) {
        let _ = writeln!(out, "        PythonOption {name} {value}");
    }
    w(out, "        # This must be changed before deployment");
    let _ = writeln!(
        out,
        "        PythonOption Secret s3cr3t-{:08x}",
        k.wrapping_mul(2654435761) & 0xffff_ffff
    );
    let _ = writeln!(
        out,
        "        PythonPath \"sys.path + ['{root}/koji-web/lib']\""
    );
    w(
        out,
        "        PythonCleanupHandler kojiweb.handlers::cleanup",
    );
    w(out, "        PythonAutoReload Off");
    w(out, "    </Directory>");
    w(out, "");
    w(out, "    <Location /koji/login>");
    w(out, "        AuthType Kerberos");
    w(out, "        AuthName \"Koji Web UI\"");
    w(out, "        KrbMethodNegotiate on");
    w(out, "        KrbMethodK5Passwd off");
    w(out, "        KrbServiceName HTTP");
    w(out, "        KrbAuthRealm EXAMPLE.COM");
    w(out, "        Krb5Keytab /etc/httpd.keytab");
    w(out, "        KrbSaveCredentials off");
    w(out, "        Require valid-user");
    w(
        out,
        "        ErrorDocument 401 /koji-static/errors/unauthorized.html",
    );
    w(out, "    </Location>");
    w(out, "");
    let _ = writeln!(out, "    Alias /koji-static/ \"{root}/koji-web/static/\"");
    if k.is_multiple_of(10) {
        let _ = writeln!(
            out,
            "    Alias /koji-static/images/koji.png \"{root}/theme/koji.png\""
        );
    }
    let _ = writeln!(out, "    <Directory \"{root}/koji-web/static/\">");
    w(out, "        Options None");
    w(out, "        AllowOverride None");
    w(out, "        Order allow,deny");
    w(out, "        Allow from all");
    w(out, "    </Directory>");
    w(out, "");
    w(out, "    Alias /kojifiles \"/mnt/koji/\"");
    w(out, "    <Directory \"/mnt/koji\">");
    w(out, "        Options Indexes");
    w(out, "        AllowOverride None");
    w(out, "        Order allow,deny");
    w(out, "        Allow from all");
    w(out, "    </Directory>");
    w(out, "</VirtualHost>");
    w(out, "");
}

/// An httpd config of exactly `lines` lines: a global header, then as many complete koji sites
/// (`<VirtualHost>` with the hub's and koji-web's `<Directory>`s, `<Location>`s, comments and
/// PythonOptions) as fit, padded with comment lines.
pub fn httpd(lines: usize) -> String {
    let mut out = String::new();
    out.push_str(
        "# Generated by koji-migrate's benches/support/gen.rs: many Koji 1.6 sites on one httpd.\n",
    );
    out.push_str("LoadModule python_module modules/mod_python.so\n\n");
    let mut site = String::new();
    let mut n = count_lines(&out);
    let mut k = 0;
    loop {
        site.clear();
        httpd_site(k, &mut site);
        n += count_lines(&site);
        if n > lines {
            break;
        }
        out.push_str(&site);
        k += 1;
    }
    pad(&mut out, lines, "# padding");
    out
}

/// A koji client config (`/etc/koji.conf` style) of exactly `lines` lines: many profile sections,
/// each with `server`, `weburl`, `pkgurl` and auth options, comments and the odd multi-line value.
pub fn ini(lines: usize) -> String {
    let mut out = String::new();
    out.push_str("# Generated by koji-migrate's benches/support/gen.rs: koji client profiles.\n");
    out.push_str("[koji]\n;url of XMLRPC server\nserver = http://hub.example.com/kojihub\n");
    out.push_str(
        "weburl = http://www.example.com/koji\npkgurl = http://www.example.com/packages\n\n",
    );
    let mut section = String::new();
    let mut n = count_lines(&out);
    let mut k = 0;
    loop {
        section.clear();
        let s = &mut section;
        let _ = writeln!(s, "; profile for koji instance {k}");
        let _ = writeln!(s, "[koji-{k}]");
        let _ = writeln!(s, "server = http://koji-{k}.example.com/kojihub");
        let _ = writeln!(s, "weburl = http://koji-{k}.example.com/koji");
        if k % 7 == 6 {
            // A pkgurl that does not end in /packages: the admin has to be asked.
            let _ = writeln!(s, "pkgurl = http://files-{k}.example.com/pub");
        } else {
            let _ = writeln!(s, "pkgurl = http://files-{k}.example.com/mnt/koji/packages");
        }
        let _ = writeln!(s, "topdir = /mnt/koji");
        match k % 3 {
            0 => {
                let _ = writeln!(s, "authtype = kerberos");
                let _ = writeln!(s, "principal = user-{k}@EXAMPLE.COM");
                let _ = writeln!(s, "keytab = /etc/koji-{k}.keytab");
            }
            1 => {
                let _ = writeln!(s, "cert = ~/.koji/client.crt");
                let _ = writeln!(s, "ca = ~/.koji/clientca.crt");
                let _ = writeln!(s, "serverca = ~/.koji/serverca.crt");
            }
            _ => {
                let _ = writeln!(s, "authtype = ssl");
                let _ = writeln!(s, "; a value continued on the next line");
                let _ = writeln!(s, "anon_retry = true\n    and more");
            }
        }
        s.push('\n');
        n += count_lines(s);
        if n > lines {
            break;
        }
        out.push_str(s);
        k += 1;
    }
    pad(&mut out, lines, "; padding");
    out
}

/// The stock 1.6 kojid.conf (`stock`) for builder `k` of a fleet: its own hub and package URLs.
pub fn kojid(stock: &str, k: usize) -> String {
    stock
        .replace("hub.example.com", &format!("hub-{}.example.com", k % 10))
        .replace("; maxjobs=10", &format!("maxjobs={}", 4 + k % 8))
}

fn count_lines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

fn pad(out: &mut String, lines: usize, comment: &str) {
    let mut n = count_lines(out);
    while n < lines {
        out.push_str(comment);
        out.push('\n');
        n += 1;
    }
}
