//! Our ini reader (`IniDocument`) against the reader Koji 1.7 really uses: Python's
//! `configparser.RawConfigParser(strict=False)`, run by python3 on the same text.
//!
//! For every case Python either reads the file (then our `semantic_view()` must equal Python's
//! sections and `[DEFAULT]`, and we must report no error), raises `MissingSectionHeaderError`, or
//! raises `ParsingError` (then our first error must be on the same line and of the same kind).
//! Cases: every file of ../shared/koji-configs and tests/corpus, every ini file the migration
//! produces from the stock configs, and a few thousand generated files. All cases of a test go to
//! one python3 process as JSON.

#[path = "common/util.rs"]
mod util;

use koji_migrate::ini::{IniDocument, IniError};
use koji_migrate::{migrate, FileKind, Input, Options, Target};
use serde_json::Value;

/// Reads each case like Koji does (`open()` with universal newlines, then `RawConfigParser`).
const PY_READER: &str = r#"
import configparser, io, json, sys
out = []
for text in json.load(sys.stdin):
    cp = configparser.RawConfigParser(strict=False)
    r = {}
    try:
        cp.read_file(io.StringIO(text, newline=None))
        r["kind"] = "ok"
    except configparser.MissingSectionHeaderError as e:
        out.append({"kind": "missing", "line": e.lineno})
        continue
    except configparser.ParsingError as e:
        r = {"kind": "parse", "lines": [l for l, _ in e.errors]}
    except Exception as e:
        out.append({"kind": "other", "msg": repr(e)})
        continue
    r["sections"] = [[s, [[k, v] for k, v in cp._sections[s].items()]] for s in cp._sections]
    r["default"] = [[k, v] for k, v in cp._defaults.items()]
    out.append(r)
json.dump(out, sys.stdout)
"#;

type View = Vec<(String, Vec<(String, String)>)>;

/// What Python made of one case.
#[derive(Debug, Clone)]
enum PyResult {
    Ok {
        sections: View,
        default: Vec<(String, String)>,
    },
    Missing {
        line: usize,
    },
    Parse {
        lines: Vec<usize>,
    },
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|kv| {
            (
                kv[0].as_str().unwrap().to_string(),
                kv[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn python_read(cases: &[String]) -> Vec<PyResult> {
    let out = util::python(PY_READER, &serde_json::to_string(cases).unwrap());
    let results: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(results.len(), cases.len());
    results
        .iter()
        .enumerate()
        .map(|(i, r)| match r["kind"].as_str().unwrap() {
            "ok" => PyResult::Ok {
                sections: r["sections"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| (s[0].as_str().unwrap().to_string(), pairs(&s[1])))
                    .collect(),
                default: pairs(&r["default"]),
            },
            "missing" => PyResult::Missing {
                line: r["line"].as_u64().unwrap() as usize,
            },
            "parse" => PyResult::Parse {
                lines: r["lines"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|l| l.as_u64().unwrap() as usize)
                    .collect(),
            },
            _ => panic!(
                "python raised something unexpected on case {i}: {r}\n{:?}",
                cases[i]
            ),
        })
        .collect()
}

/// Compares our reading of `text` with Python's; returns a description of the disagreement.
fn disagreement(text: &str, py: &PyResult) -> Option<String> {
    let doc = IniDocument::parse(text);
    if doc.text() != text {
        return Some("not lossless".into());
    }
    let first_error = doc.errors().next().map(|(l, e)| (l + 1, e.clone()));
    match py {
        PyResult::Ok { sections, default } => {
            if let Some(e) = first_error {
                return Some(format!("Python reads it, we report {e:?}"));
            }
            let ours = doc.semantic_view();
            let our_default: Vec<(String, String)> = ours
                .iter()
                .filter(|(s, _)| s == "DEFAULT")
                .flat_map(|(_, kv)| kv.clone())
                .collect();
            let our_sections: View = ours.into_iter().filter(|(s, _)| s != "DEFAULT").collect();
            if &our_sections != sections {
                return Some(format!(
                    "sections differ:\n ours:   {our_sections:?}\n python: {sections:?}"
                ));
            }
            if &our_default != default {
                return Some(format!(
                    "[DEFAULT] differs:\n ours:   {our_default:?}\n python: {default:?}"
                ));
            }
            None
        }
        PyResult::Missing { line } => match first_error {
            Some((l, IniError::MissingSectionHeader)) if l == *line => None,
            other => Some(format!(
                "Python: MissingSectionHeaderError at line {line}; ours: {other:?}"
            )),
        },
        PyResult::Parse { lines } => match first_error {
            Some((l, IniError::NotAnOption)) if l == lines[0] => None,
            other => Some(format!(
                "Python: ParsingError at lines {lines:?}; ours first: {other:?}"
            )),
        },
    }
}

/// Checks every case against Python and fails listing the disagreements.
fn assert_agree(label: &str, cases: &[(String, String)]) {
    let texts: Vec<String> = cases.iter().map(|(_, t)| t.clone()).collect();
    let results = python_read(&texts);
    let mut bad = Vec::new();
    for ((name, text), py) in cases.iter().zip(&results) {
        if let Some(d) = disagreement(text, py) {
            bad.push(format!("{name}: {d}\n  input: {text:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{label}: {} of {} cases disagree with Python's RawConfigParser:\n{}",
        bad.len(),
        cases.len(),
        bad.iter().take(8).cloned().collect::<Vec<_>>().join("\n")
    );
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn stock_and_corpus_files_read_as_python_reads_them() {
    // Every file, httpd configs included: those must be errors on both sides, at the same line.
    let mut cases = Vec::new();
    for r in util::releases() {
        for (name, bytes) in util::files_in(&util::stock_dir().join(&r)) {
            cases.push((format!("{r}/{name}"), lossy(&bytes)));
        }
    }
    for (case, files) in util::corpus_cases() {
        for (name, bytes) in files {
            cases.push((format!("corpus/{case}/{name}"), lossy(&bytes)));
        }
    }
    assert!(cases.len() >= 30);
    assert_agree("stock and corpus files", &cases);
}

/// Python's view of one file, from results read in one batch: panics unless Python read it
/// without error.
fn python_view_of(
    batch: &std::collections::HashMap<String, PyResult>,
    name: &str,
    text: &str,
) -> View {
    match batch.get(text) {
        Some(PyResult::Ok { sections, .. }) => sections.clone(),
        other => panic!("Python cannot read the produced {name}: {other:?}\n{text}"),
    }
}

/// Every option of `before` but `pkgurl` reads the same in `after`.
fn same_meaning_but_pkgurl(before: &View, after: &View, label: &str) {
    for (s, kv) in before {
        for (k, v) in kv {
            if k != "pkgurl" {
                assert_eq!(get(after, s, k), Some(v.as_str()), "{label}: [{s}] {k}");
            }
        }
    }
}

fn get<'a>(view: &'a View, section: &str, key: &str) -> Option<&'a str> {
    view.iter()
        .find(|(s, _)| s == section)
        .and_then(|(_, kv)| kv.iter().find(|(k, _)| k == key))
        .map(|(_, v)| v.as_str())
}

/// The PythonOptions (name lower-cased, value) of an old kojiweb.conf, read with our httpd model.
fn python_options(httpd: &str) -> Vec<(String, String)> {
    let cfg = koji_migrate::httpd::HttpdConfig::parse(httpd);
    cfg.find_all("PythonOption")
        .filter_map(|i| {
            let d = cfg.directive(i)?;
            Some((d.arg(0)?.to_lowercase(), d.arg(1)?.to_string()))
        })
        .collect()
}

#[test]
fn produced_ini_files_read_in_python_with_the_old_meaning() {
    // First every text Python must read, in one python3 run.
    let mut texts: Vec<String> = Vec::new();
    for r in util::releases() {
        let files = util::files_in(&util::stock_dir().join(&r));
        let inputs: Vec<Input> = files
            .iter()
            .map(|(n, b)| Input::from_bytes(n.clone(), b))
            .collect();
        texts.extend(files.iter().map(|(_, b)| lossy(b)));
        for target in [Target::ModWsgi, Target::ModPython] {
            for keep_pkgurl in [false, true] {
                let options = Options {
                    target,
                    keep_pkgurl,
                    to: koji_migrate::Release::V1_7,
                    ..Options::default()
                };
                texts.extend(migrate(&inputs, &options).files.into_iter().map(|f| f.text));
            }
        }
    }
    texts.sort();
    texts.dedup();
    let batch: std::collections::HashMap<String, PyResult> =
        texts.iter().cloned().zip(python_read(&texts)).collect();
    let python_view_of = |name: &str, text: &str| python_view_of(&batch, name, text);
    let mut produced = Vec::new();
    for r in util::releases() {
        let files = util::files_in(&util::stock_dir().join(&r));
        let inputs: Vec<Input> = files
            .iter()
            .map(|(n, b)| Input::from_bytes(n.clone(), b))
            .collect();
        let old = |name: &str| {
            files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| lossy(b))
                .unwrap_or_else(|| panic!("{r}/{name} missing"))
        };
        for target in [Target::ModWsgi, Target::ModPython] {
            for keep_pkgurl in [false, true] {
                let options = Options {
                    target,
                    keep_pkgurl,
                    to: koji_migrate::Release::V1_7,
                    ..Options::default()
                };
                let report = migrate(&inputs, &options);
                for f in &report.files {
                    let kind = f.kind;
                    if !matches!(
                        kind,
                        FileKind::WebConf
                            | FileKind::HubConf
                            | FileKind::KojidConf
                            | FileKind::ClientConf
                    ) {
                        continue;
                    }
                    let label = format!("{r}/{} ({target:?}, keep_pkgurl={keep_pkgurl})", f.output);
                    let view = python_view_of(&label, &f.text);
                    produced.push((label.clone(), f.text.clone()));
                    match kind {
                        FileKind::WebConf if r != "1.7.0" => {
                            // Every old PythonOption has the same value in [web] (the three
                            // URL options become KojiFilesURL).
                            let opts = python_options(&old("kojiweb.conf"));
                            assert!(opts.len() >= 10, "{label}: too few PythonOptions read");
                            for (k, v) in &opts {
                                match k.as_str() {
                                    "kojipackagesurl" | "kojimavenurl" | "kojiimagesurl" => {
                                        assert_eq!(get(&view, "web", k), None, "{label}: {k}")
                                    }
                                    _ => assert_eq!(
                                        get(&view, "web", k),
                                        Some(v.as_str()),
                                        "{label}: [web] {k}"
                                    ),
                                }
                            }
                            assert_eq!(
                                get(&view, "web", "kojifilesurl"),
                                Some("http://server.example.com/mnt/koji"),
                                "{label}"
                            );
                            assert_eq!(get(&view, "web", "logintimeout"), Some("72"), "{label}");
                            assert_eq!(get(&view, "web", "pythondebug"), Some("True"), "{label}");
                            assert_eq!(
                                get(&view, "web", "libpath"),
                                Some("/usr/share/koji-web/lib"),
                                "{label}"
                            );
                        }
                        FileKind::KojidConf => {
                            let before = python_view_of("old kojid.conf", &old("kojid.conf"));
                            let pkgurl = get(&before, "kojid", "pkgurl");
                            let topurl = get(&before, "kojid", "topurl");
                            match (pkgurl, topurl) {
                                (_, Some(t)) => assert_eq!(get(&view, "kojid", "topurl"), Some(t)),
                                (Some(p), None) => {
                                    let want =
                                        p.trim_end_matches('/').trim_end_matches("/packages");
                                    assert_eq!(
                                        get(&view, "kojid", "topurl"),
                                        Some(want),
                                        "{label}"
                                    );
                                    let kept = get(&view, "kojid", "pkgurl");
                                    assert_eq!(kept, keep_pkgurl.then_some(p), "{label}: pkgurl");
                                }
                                (None, None) => {}
                            }
                            // Nothing else changed meaning.
                            same_meaning_but_pkgurl(&before, &view, &label);
                        }
                        FileKind::ClientConf => {
                            let before = python_view_of("old koji.conf", &old("koji.conf"));
                            same_meaning_but_pkgurl(&before, &view, &label);
                            for (s, _) in &before {
                                if let (Some(p), None) =
                                    (get(&before, s, "pkgurl"), get(&before, s, "topurl"))
                                {
                                    if p.trim_end_matches('/').ends_with("/packages") {
                                        let want =
                                            p.trim_end_matches('/').trim_end_matches("/packages");
                                        assert_eq!(
                                            get(&view, s, "topurl"),
                                            Some(want),
                                            "{label}: [{s}]"
                                        );
                                    }
                                }
                            }
                        }
                        FileKind::HubConf => {
                            assert!(
                                get(&view, "hub", "dbname").is_some(),
                                "{label}: [hub] DBName"
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(
        produced.len() >= 20,
        "too few produced ini files: {}",
        produced.len()
    );
    // And our own reader agrees with Python on every one of them.
    assert_agree("produced ini files", &produced);
}

/// xorshift64*: deterministic, no dependency, good enough to pick pieces.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SECTIONS: &[&str] = &[
    "web",
    "Web",
    "hub",
    "kojid",
    "koji",
    "DEFAULT",
    "default",
    "a b",
    "x]y",
    "]",
    "koji-staging",
    " padded ",
    "é",
];
const KEYS: &[&str] = &[
    "SiteName",
    "sitename",
    "KojiHubURL",
    "LoginTimeout",
    "Secret",
    "pkgurl",
    "PkgURL",
    "topurl",
    "a b",
    "x.y",
    "k",
    "K",
    "ÉTÉ",
    "key\u{a0}",
    "Σ",
    "[notsection",
    "#x",
    "İ",
    "ΑΣ",
    "ǅ",
    "a\u{85}b",
];
const SEPS: &[&str] = &[
    "=", ":", " = ", " : ", "\t=\t", "  =", "= ", "=:", ":=", " \u{c}= ",
];
const VALUES: &[&str] = &[
    "",
    "x",
    "http://hub.example.com/kojihub",
    "a ; b",
    "a # b",
    "# not a comment",
    "%(x)s",
    "50%",
    "x=y",
    "a:b",
    "72",
    " spaced  ",
    "é\u{a0}",
    "[web]",
    "trailing\t",
    "\u{b}vt",
    "\u{1c}fs",
    "True",
];
const INDENTS: &[&str] = &[
    "", "", "", " ", "  ", "\t", "    ", "\u{a0}", "\u{c}", "\u{1c}", "\u{2028}", "\u{3000}",
];
const TEXTS: &[&str] = &[
    "more", "  deeper", "= x", "[s]", "k = v", "# c", "x: y", "é",
];
const EOLS: &[&str] = &["\n", "\n", "\r\n", "\r"];

fn generate(rng: &mut Rng) -> String {
    let mixed_eols = rng.chance(15);
    let file_eol = rng.pick(EOLS);
    let mut lines: Vec<String> = Vec::new();
    if rng.chance(90) {
        lines.push(format!("{}[{}]", rng.pick(INDENTS), rng.pick(SECTIONS)));
    }
    for _ in 0..rng.below(14) {
        let line = match rng.below(100) {
            0..=11 => format!(
                "{}[{}]{}",
                rng.pick(INDENTS),
                rng.pick(SECTIONS),
                if rng.chance(10) { " junk" } else { "" }
            ),
            12..=51 => format!(
                "{}{}{}{}",
                rng.pick(INDENTS),
                rng.pick(KEYS),
                rng.pick(SEPS),
                rng.pick(VALUES)
            ),
            52..=69 => format!(
                "{}{}",
                rng.pick(&[" ", "  ", "\t", "      "]),
                rng.pick(TEXTS)
            ),
            70..=79 => rng.pick(&["", "", " ", "\t", "\u{c}"]).to_string(),
            80..=92 => format!(
                "{}{}{}",
                rng.pick(INDENTS),
                rng.pick(&["#", ";"]),
                rng.pick(&[" comment", "key = v", "", "[x]"])
            ),
            _ => format!(
                "{}{}",
                rng.pick(INDENTS),
                rng.pick(&["not an option", "= empty key", ": x", "[", "[]", "rem x"])
            ),
        };
        lines.push(line);
    }
    let mut text = String::new();
    for (i, l) in lines.iter().enumerate() {
        text.push_str(l);
        if i + 1 < lines.len() || rng.chance(80) {
            text.push_str(if mixed_eols { rng.pick(EOLS) } else { file_eol });
        }
    }
    text
}

#[test]
fn generated_files_read_as_python_reads_them() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let cases: Vec<(String, String)> = (0..8000)
        .map(|i| (format!("generated #{i}"), generate(&mut rng)))
        .collect();
    // The generator must reach every outcome, or the comparison proves little.
    let texts: Vec<String> = cases.iter().map(|(_, t)| t.clone()).collect();
    let results = python_read(&texts);
    let ok = results
        .iter()
        .filter(|r| matches!(r, PyResult::Ok { .. }))
        .count();
    let missing = results
        .iter()
        .filter(|r| matches!(r, PyResult::Missing { .. }))
        .count();
    let parse = results
        .iter()
        .filter(|r| matches!(r, PyResult::Parse { .. }))
        .count();
    assert!(
        ok > 1600 && missing > 200 && parse > 800,
        "ok {ok}, missing {missing}, parse {parse}"
    );
    let multiline = texts
        .iter()
        .zip(&results)
        .filter(|(_, r)| match r {
            PyResult::Ok { sections, .. } => sections
                .iter()
                .any(|(_, kv)| kv.iter().any(|(_, v)| v.contains('\n'))),
            _ => false,
        })
        .count();
    assert!(multiline > 100, "too few multi-line values: {multiline}");
    assert_agree("generated files", &cases);
}

/// Cases where our reader once disagreed with Python (see the fixes in src/ini.rs).
#[test]
fn known_tricky_cases_agree() {
    let cases: Vec<(String, String)> = [
        "[web]\nKey = a\n  # comment inside\n\n  more\n\n",
        "[web]\n\u{c}k = v\n",
        "[s]\nk = v\r  cont\r\n[t]\rx:1",
        "[DEFAULT]\nshared = 1\n[web]\nk = 2\n",
        "[web]\nk=\n  \n  tail\n",
        "  [indented]\nk = v\n",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| (format!("tricky #{i}"), t.to_string()))
    .collect();
    assert_agree("known tricky cases", &cases);
}

#[test]
fn the_comparison_can_fail() {
    let py = python_read(&["[s]\nk = a ; b\n".to_string(), "k = v\n".to_string()]);
    assert!(disagreement("[s]\nk = a ; b\n", &py[0]).is_none());
    assert!(
        disagreement("[s]\nk = a\n", &py[0]).is_some(),
        "a different value"
    );
    assert!(
        disagreement("[S]\nk = a ; b\n", &py[0]).is_some(),
        "a different section"
    );
    assert!(
        disagreement("[s]\nk = a ; b\nx\n", &py[0]).is_some(),
        "an error Python lacks"
    );
    assert!(disagreement("k = v\n", &py[1]).is_none());
    assert!(
        disagreement("\nk = v\n", &py[1]).is_some(),
        "error on another line"
    );
}
